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
(The ``text`` parser, in ``formats/text/``, is a different plugin reading wire text.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from articlekit._moved import moved_name
from articlekit.common.plain import PlainTextRenderer
from articlekit.hookspecs import hookimpl
from articlekit.model import Article
from articlekit.registry import Options, WriterSpec

__all__ = ["dumps_text"]


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


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
