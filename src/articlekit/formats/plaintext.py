"""Plain text (``text`` writer): the headline, a blank line, then the body's text blocks, for
NLP pipelines.

A blank line always separates two blocks and never stands inside one, so splitting the output
on ``"\\n\\n"`` gives the headline and then one block each:

- paragraphs, headings and block quotes: their text, one block each;
- lists: one item per line, without bullets or numbers;
- related links and media: left out (they are not the article's prose, as in
  [`Article.text`][articlekit.model.Article.text]).

Inside a block, line breaks are kept but blank lines are squeezed out, and the block is stripped
of surrounding white space; a block left empty is dropped. The headline is put on one line.
(The ``text`` parser, in ``formats/text.py``, is a different plugin reading wire text.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articlekit.common.rendering import BlockRenderer
from articlekit.hookspecs import hookimpl
from articlekit.model import Article, BlockQuote, Heading, ListBlock, MediaRef, Paragraph, Related
from articlekit.registry import Options, WriterSpec

__all__ = ["PlainTextRenderer", "dumps_text", "plain_blocks"]

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


def dumps_text(article: Article, options: Options) -> str:
    """The article as plain text: the headline, a blank line, the blocks separated by blank
    lines, and a final newline (empty for an article with no text at all)."""
    return PlainTextRenderer().render(article)


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="text",
            write=dumps_text,
            extension=".txt",
            media_type="text/plain",
            description="Plain text for NLP: the headline, a blank line, then the paragraphs",
            options=(),
        ),
    ]
