"""The ``quotes-csv`` writer: one row per quote, for researchers' spreadsheets and notebooks.

Columns: ``article``, ``headline``, ``url``, ``provider``, ``published``, ``quote_id``,
``kind``, ``speaker``, ``speaker_kind``, ``mention``, ``titles``, ``affiliation``, ``text``,
``cue``, ``channel``, ``venue``, ``when``, ``when_start``, ``when_end``. An article without
quotes gets one row with only its article's columns filled. Several articles
(``articlekit convert --to quotes-csv`` over a folder) share one header. Titles are joined with ``; ``.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) as a formula, so such cells are written with a leading apostrophe: the text stays
readable and nothing runs (CSV injection, OWASP). Spreadsheets also skip what they cannot see
and fold look-alikes, so the same holds for a formula character behind invisible characters (a
NUL or other control, a line feed, a byte-order mark, a zero-width space) and for its
full-width or small forms (``＝``, ``＋``, ``－``, ``＠``, ``﹦``) and the minus sign ``−``.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from typing import IO

from articlekit.hookspecs import hookimpl
from articlekit.model import Article, Quote
from articlekit.options import OptionSpec
from articlekit.registry import Options, WriterSpec

__all__ = ["COLUMNS", "neutralise", "quote_rows", "write_quotes_csv"]

COLUMNS: tuple[str, ...] = (
    "article",
    "headline",
    "url",
    "provider",
    "published",
    "quote_id",
    "kind",
    "speaker",
    "speaker_kind",
    "mention",
    "titles",
    "affiliation",
    "text",
    "cue",
    "channel",
    "venue",
    "when",
    "when_start",
    "when_end",
)
"""The header row."""

_FORMULA_STARTS = frozenset("=+-@\t\r\u2212")
_INVISIBLE = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))
"""Unicode categories of what a spreadsheet may skip before a formula: controls (NUL, line
feed), format characters (byte-order mark, zero-width space) and spaces."""


def _starts_formula(cell: str) -> bool:
    for char in cell:
        if char in _FORMULA_STARTS or unicodedata.normalize("NFKC", char)[:1] in _FORMULA_STARTS:
            return True
        if unicodedata.category(char) not in _INVISIBLE:
            return False
    return False


def neutralise(cell: str) -> str:
    """``cell`` made safe for spreadsheets: a leading apostrophe before a formula character,
    also one behind invisible characters or in a full-width form.

    >>> neutralise("=SUM(A1)")
    "'=SUM(A1)"
    >>> neutralise("-2 percent")
    "'-2 percent"
    >>> neutralise("\ufeff\uff1dSUM(A1)")
    "'\ufeff\uff1dSUM(A1)"
    """
    return "'" + cell if cell and _starts_formula(cell) else cell


def _label(article: Article) -> str:
    return article.id or article.url or article.origin.file or article.headline


def _article_cells(article: Article) -> list[str]:
    """The columns that say which article a row is from, for grouping by: ``article`` (an id,
    else the URL, the file or the headline), ``headline``, ``url``, ``provider``, ``published``."""
    published = article.published.isoformat() if article.published else ""
    return [_label(article), article.headline, article.url or "", article.provider or "", published]


def _row(article: Article, quote: Quote) -> list[str]:
    source = article.source(quote.speaker.source) if quote.speaker and quote.speaker.source else None
    mention = quote.speaker.mention if quote.speaker else ""
    when = quote.context.when
    return [
        *_article_cells(article),
        quote.id,
        quote.kind,
        source.name if source else mention,
        source.kind if source else "",
        mention,
        "; ".join(source.titles) if source else "",
        (source.affiliation or "") if source else "",
        quote.text,
        quote.cue.text if quote.cue else "",
        quote.context.channel or "",
        quote.context.venue or "",
        when.text if when else "",
        when.start.isoformat() if when and when.start else "",
        when.end.isoformat() if when and when.end else "",
    ]


def _empty_row(article: Article) -> list[str]:
    cells = _article_cells(article)
    return cells + [""] * (len(COLUMNS) - len(cells))


def quote_rows(article: Article) -> list[list[str]]:
    """The article's rows, one per quote, cells already neutralised. An article without
    quotes still gets one row, with the quote's columns empty, so that per-article counts
    made from the table see it."""
    found = [_row(article, quote) for quote in article.quotes] or [_empty_row(article)]
    return [[neutralise(cell) for cell in row] for row in found]


HEADER = OptionSpec("header", bool, True, "begin with the row of column names (false: the quotes' rows only)")


def write_quotes_csv(article: Article, options: Options) -> str:
    """One article's quotes as CSV text with a header row (``\\r\\n`` line ends, RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if HEADER.value(options):
        writer.writerow(COLUMNS)
    writer.writerows(quote_rows(article))
    return buffer.getvalue()


def _stream(articles: Iterable[Article], out: IO[bytes], options: Options) -> int:
    count = 0
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        if HEADER.value(options):
            writer.writerow(COLUMNS)
        for article in articles:
            writer.writerows(quote_rows(article))
            count += 1
        text.flush()
    finally:
        text.detach()  # leave the caller's file open
    return count


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="quotes-csv",
            write=write_quotes_csv,
            extension=".csv",
            media_type="text/csv",
            description="one CSV row per quote: speaker, titles, kind, text, cue, channel, venue, when",
            stream=_stream,
            options=(HEADER,),
        )
    ]
