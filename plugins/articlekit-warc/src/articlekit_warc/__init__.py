"""articlekit-warc: web archives (WARC 1.0 and 1.1, and the older ARC; gzipped or not) for articlekit.

Installed beside articlekit, it adds the input format ``warc``: every HTML page fetched with
status 200 becomes an article, read by articlekit's own ``html`` parser. Everything else is
skipped and counted. The archive is read as a stream, one record at a time::

    import articlekit
    from pathlib import Path
    from articlekit_warc import WarcStats

    stats = WarcStats()
    for article in articlekit.parse_all(Path("crawl.warc.gz"), warc_stats=stats):
        print(article.extensions["warc"]["fetched"], article.url, article.headline)
    print(stats.summary())
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any

from articlekit import Article, Document, ParserSpec, hookimpl
from articlekit_warc.reader import HTML_MEDIA_TYPES, OPTIONS, WarcStats, iter_articles

__all__ = ["HTML_MEDIA_TYPES", "WarcStats", "articlekit_parsers", "iter_articles", "parse_warc", "sniff_warc"]

__version__ = "0.1.0"


def sniff_warc(head: bytes, name: str) -> float:
    """Sure for input that starts with a WARC version line, or an ARC file's ``filedesc://``
    record (gzip already taken off)."""
    return 1.0 if head.startswith((b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"WARC/0.", b"filedesc://")) else 0.0


def parse_warc(document: Document, options: Mapping[str, Any]) -> Iterator[Article]:
    """Read an archive given as bytes (articlekit has already taken gzip off)."""
    return iter_articles(io.BytesIO(document.data), document.name, options)


def _parse_warc_stream(stream: IO[bytes], name: str, options: Mapping[str, Any]) -> Iterator[Article]:
    return iter_articles(stream, name, options)


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="warc",
            parse=parse_warc,
            parse_stream=_parse_warc_stream,
            sniff=sniff_warc,
            extensions=(".warc", ".arc"),
            media_types=("application/warc",),
            description="web archives (.warc, .arc, gzipped or not): every HTML page fetched with status 200",
            options=OPTIONS,
        )
    ]
