"""The body as plain text blocks: what the ``text`` writer writes, and the plain text the
``jsonld`` (``articleBody``) and ``ninjs`` (its plain-text body) writers carry."""

from __future__ import annotations

import re

from articlekit.common.rendering import BlockRenderer
from articlekit.model import Article, BlockQuote, Heading, ListBlock, MediaRef, Paragraph, Related

__all__ = ["PlainTextRenderer", "plain_blocks"]

_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")


def _block_text(text: str) -> str | None:
    """One block's text with newlines normalised and no blank line inside; None when empty."""
    text = _BLANK_LINES.sub("\n", _LINE_BREAKS.sub("\n", text)).strip()
    return text or None


class PlainTextRenderer(BlockRenderer):
    """Renders the body block by block: one method per block type, each returning the block's
    text or None to leave it out. An unknown block type is an error."""

    format_name = "text"

    def paragraph(self, block: Paragraph) -> str | None:
        return _block_text(block.text)

    def heading(self, block: Heading) -> str | None:
        return _block_text(block.text)

    def block_quote(self, block: BlockQuote) -> str | None:
        return _block_text(block.text)

    def list_block(self, block: ListBlock) -> str | None:
        items = [" ".join(item.split()) for item in block.items]
        return _block_text("\n".join(item for item in items if item))

    def related(self, block: Related) -> str | None:
        return None

    def media_ref(self, block: MediaRef) -> str | None:
        return None

    def blocks(self, article: Article) -> list[str]:
        """The text of every block that has some, in order."""
        texts = []
        for block in article.body:
            text = self.method_for(block)(block)
            if text is not None:
                texts.append(text)
        return texts

    def render(self, article: Article) -> str:
        headline = " ".join(article.headline.split())
        parts = ([headline] if headline else []) + self.blocks(article)
        return "\n\n".join(parts) + "\n" if parts else ""


def plain_blocks(article: Article, writer: str = "text") -> list[str]:
    """The body as plain text blocks, as the ``text`` writer writes them (no headline);
    ``writer`` names the format asking, in errors."""
    renderer = PlainTextRenderer()
    renderer.format_name = writer
    return renderer.blocks(article)
