"""Markdown: articlekit's own (``md``, writer and lossless parser) and any other (``markdown``
parser). articlekit's Markdown is CommonMark for people with YAML front matter for machines.

The output has four parts:

1. **Front matter** between ``---`` lines: the article as articlekit JSON
   ([`article_to_data`][articlekit.converter.article_to_data]) without its body, empty values
   left out, plus ``related``: the body's related links with the position (``at``) of each.
2. **The header**: ``# headline`` (no heading line without one), the subheadline in bold, the
   summary in italics (unless it is the subheadline again), a byline
   (authors, datelines, dates), and the lead image as ``![alt](url)`` with its caption and
   credit, unless the body places it itself. A ``* * *`` line ends it.
3. **The body**, one Markdown block per body block: paragraphs, ``#`` headings at their
   level, ``>`` block quotes (the cite on a last line starting with ``—``), ``-`` and ``1.``
   lists (consecutive lists alternate ``-``/``+`` and ``.``/``)`` so CommonMark keeps them
   apart), and images as ``![alt][media-N]`` (a reference to media item N, 1-based, defined at
   the end; ``**Image N:**`` and the caption for a media item without a URL). A block that a
   quote links to starts with an anchor ``<a id="bN"></a>`` (N is the block's number, from 1,
   as the ``¶ N`` links say). A related link stands in its place, ``*ALSO READ:* [title](url)``
   after an anchor ``<a id="bN" class="related"></a>``. Another
   ``* * *`` line ends the body.
4. **Sections** for people: ``## Media`` (media the body does not place), ``## Quotes`` (who said what, each linked
   to its block) and ``## Sources``.

Article text is escaped so that it stays text: Markdown punctuation gets a backslash, ``<``
becomes ``&lt;``, characters CommonMark would drop or reinterpret (line breaks, controls,
white space at either end) become numeric character references. In the front matter, strings
holding ``<``, ``[``, ``]``, quotes or line breaks are double-quoted with those characters as
YAML escapes, so even a renderer that shows the front matter as Markdown meets no markup.

The ``md`` parser reads this back: the front matter gives every field but the body, the body
is read block by block from the Markdown, and the related links are put back at their
positions, so ``parse(dumps(article, "md"), "md") == article``. Sections after the body and
the header are for people and are not read (edit the front matter to change metadata).

The ``markdown`` parser reads Markdown that articlekit did not write (static sites' posts):
their front matter's common keys, the body with its inline markup turned into text, and it
lets the enrichers find the quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from articlekit._moved import moved_name
from articlekit.encoding import text_head
from articlekit.formats.markdown.foreign import parse_any_markdown
from articlekit.formats.markdown.reader import parse_markdown
from articlekit.formats.markdown.syntax import escape_destination, escape_text, unescape
from articlekit.formats.markdown.writer import FRONT_MATTER, dumps_markdown
from articlekit.hookspecs import hookimpl
from articlekit.registry import ParserSpec, WriterSpec

__all__ = ["dumps_markdown", "escape_destination", "escape_text", "parse_any_markdown", "parse_markdown", "unescape"]


def _sniff(head: bytes, name: str) -> float:
    head = text_head(head)  # (Markdown in UTF-16 or -32 read as text)
    if head.startswith((b"---\n", b"---\r\n", b"\xef\xbb\xbf---")) and re.search(
        rb"^schema: ['\"]?articlekit/", head, re.MULTILINE
    ):
        return 1.0
    return 0.0


def _sniff_any(head: bytes, name: str) -> float:
    """Markdown by its name, when the head does not say it is articlekit's."""
    if _sniff(head, name) or not name.lower().endswith((".md", ".markdown")) or b"\x00" in text_head(head):
        return 0.0
    return 0.9


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="md",
            parse=parse_markdown,
            sniff=_sniff,
            media_types=("text/markdown",),
            description="articlekit's Markdown: YAML front matter and CommonMark body, read back exactly",
            lossless=True,
            options=(),
        ),
        ParserSpec(
            name="markdown",
            parse=parse_any_markdown,
            sniff=_sniff_any,
            extensions=(".md", ".markdown"),
            media_types=("text/markdown",),
            description="any Markdown article (Hugo, Jekyll, Pandoc front matter); the enrichers find its quotes",
            options=(),
        ),
    ]


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="md",
            write=dumps_markdown,
            extension=".md",
            media_type="text/markdown",
            description="Markdown (CommonMark) with YAML front matter: quotes and sources listed, text escaped",
            options=(FRONT_MATTER,),
        ),
    ]


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
