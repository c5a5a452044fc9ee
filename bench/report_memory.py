"""Peak memory and page size of ``articlekit report`` on 1,000 and then 20,000 generated
articles: ``python bench/run.py report [--sizes=1000,20000]``.

The articles are memory.py's plain-text ones (five paragraphs with quotes each, 1,000 per
sub-folder), with their dates spread over 40 days and their speakers over six names. Each
report runs in a fresh process; its peak resident set size comes from ``os.wait4``. The larger
corpus may use at most ``ALLOWED_GROWTH`` times the smaller one's memory, and its page may be at
most ``ALLOWED_PAGE_GROWTH`` times as large: the report aggregates, it does not keep articles.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from memory import generate, measure

ALLOWED_GROWTH = 1.20
ALLOWED_PAGE_GROWTH = 1.10


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py report")
    parser.add_argument("--sizes", default="1000,20000", help="comma-separated article counts")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for count in sizes:
        folder = Path(tempfile.mkdtemp(prefix="articlekit-report-bench-"))
        try:
            generate(folder / "in", count, "text")
            _date_them(folder / "in")
            page = folder / "report.html"
            argv_ = [sys.executable, "-m", "articlekit", "report", str(folder / "in"), "-o", str(page), "-q"]
            rss, seconds, code = measure(argv_)
            if code != 0:
                print(f"report of {count:,} articles failed (exit {code})", file=sys.stderr)
                return 1
            rows.append((count, rss, seconds, page.stat().st_size))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print("| articles | peak RSS (MiB) | time (s) | articles/s | page (bytes) |")
    print("|---:|---:|---:|---:|---:|")
    for count, rss, seconds, size in rows:
        print(f"| {count:,} | {rss / 2**20:.1f} | {seconds:.1f} | {count / seconds:,.0f} | {size:,} |")
    (small, small_rss, _s, small_page), (large, large_rss, _l, large_page) = rows[0], rows[-1]
    growth, page_growth = large_rss / small_rss, large_page / small_page
    print(
        f"growth from {small:,} to {large:,} articles: memory {growth:.2f}x (limit {ALLOWED_GROWTH:.2f}x), "
        f"page {page_growth:.2f}x (limit {ALLOWED_PAGE_GROWTH:.2f}x)"
    )
    return 0 if growth <= ALLOWED_GROWTH and page_growth <= ALLOWED_PAGE_GROWTH else 1


def _date_them(folder: Path) -> None:
    """Give every generated article a dateline date (40 days apart at most), so that the
    report's charts over time have something to count."""
    for i, path in enumerate(sorted(folder.rglob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        headline, rest = text.split("\n", 1)
        path.write_text(f"{headline}\nNov. {i % 28 + 1}, 2025\n{rest}", encoding="utf-8")
