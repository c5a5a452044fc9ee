"""The report's figures from the Parquet tables (``articlekit convert ... --to parquet -o DIR/``).

The three tables are read in row batches, side by side: the articles table says how many quote
and source rows each article has, and those rows follow in the same order in their tables, so
memory holds one batch of each table whatever the corpus's size. The figures equal those
[`summary`][articlekit.report.summary.summary] gives from the articles themselves.

    >>> from articlekit.report import summary_tables
    >>> figures = summary_tables("out/")  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from articlekit.errors import ArticlekitError
from articlekit.report.html import plotly_js, render_html
from articlekit.report.summary import TOP, Tally, _ArticleFacts, _QuoteFacts, _SourceFacts
from articlekit.tables import TABLES, _require

__all__ = [
    "BATCH_ROWS",
    "TablesError",
    "count_articles",
    "is_tables",
    "summary_tables",
    "tables_folder",
    "write_report_tables",
]

BATCH_ROWS = 4_096
"""Rows read from each table at a time."""

_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("input", "position", "headline", "url", "provider", "language", "published_date", "quotes", "sources"),
    "quotes": ("input", "position", "kind", "text", "channel", "venue", "source_id", "speaker_name", "speaker_kind",
               "speaker_titles", "paragraph"),
    "sources": ("input", "position", "kind", "name", "titles"),
}  # fmt: skip

_OPTIONAL = {("quotes", "paragraph")}
"""Columns added after schema 1: files without them are read, with those values missing."""


class TablesError(ArticlekitError):
    """The Parquet tables are missing, unreadable or do not agree with one another."""


def is_tables(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names Parquet tables: a folder holding ``articles.parquet``, or a
    ``.parquet`` file."""
    found = Path(path)
    if found.is_dir():
        return (found / "articles.parquet").is_file()
    return found.suffix.lower() == ".parquet"


def tables_folder(path: str | os.PathLike[str]) -> Path:
    """The folder of the tables ``path`` names (the folder itself, or the folder of one of its
    ``.parquet`` files), once checked to hold all three.

    :raises TablesError: a table is missing.
    """
    found = Path(path)
    folder = found if found.is_dir() else found.parent
    if not found.is_dir() and found.stem not in TABLES:
        raise TablesError(f"{found}: not one of the tables ({', '.join(f'{t}.parquet' for t in TABLES)})")
    for table in TABLES:
        if not (folder / f"{table}.parquet").is_file():
            raise TablesError(
                f"{folder / f'{table}.parquet'}: not found; the report reads the three tables "
                f"{', '.join(f'{t}.parquet' for t in TABLES)} that --to parquet writes"
            )
    return folder


def _rows(folder: Path, table: str, batch_rows: int) -> Iterator[dict[str, Any]]:
    pq = _require("pyarrow.parquet")
    path = folder / f"{table}.parquet"
    try:
        handle = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow's errors name neither the file nor what was expected
        raise TablesError(f"{path}: not a Parquet file ({exc})") from None
    metadata = handle.schema_arrow.metadata or {}
    if metadata.get(b"articlekit.table") != table.encode():
        raise TablesError(f"{path}: not the articlekit {table} table (no articlekit.table={table} in its metadata)")
    names = set(handle.schema_arrow.names)
    columns = [c for c in _COLUMNS[table] if c in names or (table, c) not in _OPTIONAL]
    absent = [c for c in columns if c not in names]
    if absent:
        raise TablesError(f"{path}: no column {', '.join(absent)} (expected the {table} table of articlekit)")
    for batch in handle.iter_batches(batch_size=batch_rows, columns=columns):
        yield from batch.to_pylist()


def _take(rows: Iterator[dict[str, Any]], count: int, key: tuple[str, int], path: Path) -> list[dict[str, Any]]:
    taken = []
    for _ in range(count):
        row = next(rows, None)
        if row is None:
            raise TablesError(f"{path}: ends before the rows of article {key[0]} #{key[1]} (expected {count})")
        if (row["input"], row["position"]) != key:
            raise TablesError(
                f"{path}: row of article {row['input']} #{row['position']} where one of "
                f"{key[0]} #{key[1]} was expected; the tables are not from one conversion"
            )
        taken.append(row)
    return taken


def _facts(folder: Path, batch_rows: int) -> Iterator[_ArticleFacts]:
    quotes = _rows(folder, "quotes", batch_rows)
    sources = _rows(folder, "sources", batch_rows)
    for article in _rows(folder, "articles", batch_rows):
        key = (article["input"], article["position"])
        quote_rows = _take(quotes, article["quotes"] or 0, key, folder / "quotes.parquet")
        source_rows = _take(sources, article["sources"] or 0, key, folder / "sources.parquet")
        day = article["published_date"]
        yield _ArticleFacts(
            headline=article["headline"],
            url=article["url"],
            file=article["input"] or None,
            day=day.isoformat() if day is not None else None,
            provider=article["provider"],
            language=article["language"],
            sources=len(source_rows),
            quotes=[
                _QuoteFacts(
                    q["kind"],
                    q["text"] or "",
                    q["channel"],
                    q["venue"],
                    _SourceFacts(q["speaker_kind"], q["speaker_name"] or "", q["speaker_titles"] or ())
                    if q["source_id"] is not None and q["speaker_kind"] is not None
                    else None,
                    q.get("paragraph"),
                )
                for q in quote_rows
            ],
            listed=[_SourceFacts(s["kind"], s["name"] or "", s["titles"] or ()) for s in source_rows],
        )
    for name, rest in (("quotes", quotes), ("sources", sources)):
        extra = next(rest, None)
        if extra is not None:
            raise TablesError(
                f"{folder / f'{name}.parquet'}: a row of article {extra['input']} #{extra['position']} "
                "that the articles table does not hold; the tables are not from one conversion"
            )


def count_articles(path: str | os.PathLike[str]) -> int:
    """How many articles the tables at ``path`` hold (from the articles table's footer, without
    reading its rows): the total of a progress bar."""
    pq = _require("pyarrow.parquet")
    articles = tables_folder(path) / "articles.parquet"
    try:
        return int(pq.ParquetFile(articles).metadata.num_rows)
    except Exception as exc:
        raise TablesError(f"{articles}: not a Parquet file ({exc})") from None


def _tally(
    paths: tuple[str | os.PathLike[str], ...],
    top: int,
    batch_rows: int,
    on_article: Callable[[], None] | None = None,
) -> Tally:
    if not paths:
        raise TypeError("summary_tables() needs at least one path")
    folders = [tables_folder(path) for path in paths]  # every folder is checked before any is read
    tally = Tally(top)
    for folder in folders:
        for facts in _facts(folder, batch_rows):
            tally.add_facts(facts)
            if on_article is not None:
                on_article()
    return tally


def summary_tables(*paths: str | os.PathLike[str], top: int = TOP, batch_rows: int = BATCH_ROWS) -> dict[str, Any]:
    """The report's figures (as [`summary`][articlekit.report.summary.summary] gives them) from
    the Parquet tables that ``articlekit convert ... --to parquet -o DIR/`` writes: each of
    ``paths`` is such a folder or one of its ``.parquet`` files. The tables are read
    ``batch_rows`` rows at a time; several folders are counted as one corpus.

    :raises TablesError: a table is missing, is not articlekit's, or does not match the others.
    :raises ArticlekitError: pyarrow is not installed (``pip install "articlekit[parquet]"``).
    """
    return _tally(paths, top, batch_rows).result()


def write_report_tables(
    *paths: str | os.PathLike[str],
    out: IO[bytes],
    title: str = "articlekit report",
    batch_rows: int = BATCH_ROWS,
    on_article: Callable[[], None] | None = None,
) -> int:
    """Write the HTML report of the Parquet tables at ``paths`` (as for
    [`summary_tables`][articlekit.report.parquet.summary_tables]) to ``out``, calling
    ``on_article`` after each article; returns how many articles it counted. Raises
    ``ReportUnavailableError`` without plotly, before reading."""
    plotly_js()
    tally = _tally(paths, TOP, batch_rows, on_article)
    out.write(render_html(tally.result(), title=title).encode("utf-8"))
    return tally.articles
