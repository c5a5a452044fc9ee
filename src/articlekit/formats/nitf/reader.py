"""The ``nitf`` parser: News Industry Text Format 2.5 to 3.6, with or without the namespace.
The reading itself is [`articlekit.common.nitf`][articlekit.common.nitf], which the NewsML parsers
share. The mapping is documented in ``docs/formats/nitf.md``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from articlekit._moved import moved_name
from articlekit.common.nitf import article_from_nitf
from articlekit.common.xmlsafe import parse_xml, root_name
from articlekit.encoding import text_head
from articlekit.hookspecs import hookimpl
from articlekit.model import Article
from articlekit.registry import Document, Options, ParserSpec

__all__ = ["parse_nitf"]


def _sniff(head: bytes, name: str) -> float:
    root = root_name(text_head(head))  # (NITF in UTF-16 or -32 read as text)
    return 1.0 if root == "nitf" else 0.0


def parse_nitf(document: Document, options: Options) -> Iterator[Article]:
    """Read one NITF document."""
    root = parse_xml(document.data, document.name, what="NITF")
    yield article_from_nitf(root, document.name)


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="nitf",
            parse=parse_nitf,
            sniff=_sniff,
            extensions=(".nitf", ".nitf.xml"),
            media_types=("application/vnd.iptc.nitf+xml",),
            description="NITF 2.5-3.6 (News Industry Text Format), with or without its namespace",
            options=(),
        ),
    ]


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
