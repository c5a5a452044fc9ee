"""Who gets quoted, at a glance: a corpus summarised as figures and as one self-contained HTML
page of charts (``articlekit report INPUTS -o report.html``).

    >>> from pathlib import Path
    >>> from articlekit import parse_all
    >>> from articlekit.report import summary
    >>> figures = summary(parse_all(Path("seeds/000_fceb5e4b891116b7.txt")))
    >>> figures["quotes"]
    13

The figures are counted one article at a time and the articles are not kept, so a report of
any size is built in bounded memory. ``summary_tables("out/")`` gives the same figures from the
Parquet tables ``articlekit convert ... --to parquet -o out/`` writes. The page needs the
optional ``report`` extra (Plotly).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from articlekit.model import Article
from articlekit.registry import WriterSpec
from articlekit.report.html import CHARTS, ReportUnavailableError, plotly_js, render_html
from articlekit.report.parquet import TablesError, is_tables, summary_tables, write_report_tables
from articlekit.report.summary import Tally, summary

__all__ = [
    "CHARTS",
    "ReportUnavailableError",
    "TablesError",
    "Tally",
    "is_tables",
    "plotly_js",
    "render_html",
    "report_writer",
    "summary",
    "summary_tables",
    "write_report",
    "write_report_tables",
]


def write_report(articles: Iterable[Article], out: IO[bytes], *, title: str = "articlekit report") -> int:
    """Summarise ``articles`` (read one at a time) and write the HTML page to ``out``; returns
    how many articles it counted. Raises ``ReportUnavailableError`` without plotly, before
    reading any article."""
    plotly_js()  # fails early, before any input is read, when plotly is missing
    tally = Tally()
    for article in articles:
        tally.add(article)
    out.write(render_html(tally.result(), title=title).encode("utf-8"))
    return tally.articles


def report_writer(title: str = "articlekit report") -> WriterSpec:
    """The report as a writer that gathers every article into one output, for
    [`convert_batch`][articlekit.batch.convert_batch]'s ``sink`` (it is not registered as a
    format: ``--to report`` does not exist)."""

    def write(article: Article, _options: Mapping[str, Any]) -> bytes:
        return render_html(summary([article]), title=title).encode("utf-8")

    def stream(articles: Iterable[Article], out: IO[bytes], _options: Mapping[str, Any]) -> int:
        return write_report(articles, out, title=title)

    return WriterSpec(
        name="report",
        write=write,
        extension=".html",
        media_type="text/html",
        description="a self-contained HTML page of charts over every article",
        stream=stream,
        options=(),
    )
