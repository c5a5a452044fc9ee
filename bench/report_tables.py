"""The report from the Parquet tables against the report from the inputs, on 1,000 and then
20,000 generated articles: ``python bench/run.py report-tables [--sizes=1000,20000]``.

The articles are report_memory.py's (memory.py's plain-text ones, dated over 28 days). Each
corpus is converted once with ``--to parquet``; then ``articlekit report INPUTS`` and
``articlekit report TABLES/`` each run in a fresh process (peak resident set size from
``os.wait4``). The figures are the ratio of the two times, measured in the same run, and the
growth of the tables report's memory from the smaller corpus to the larger: it reads the tables
in row batches, so it may grow at most ``ALLOWED_GROWTH`` times. The two pages must be equal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from memory import generate, measure
from report_memory import _date_them

ALLOWED_GROWTH = 1.20


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py report-tables")
    parser.add_argument("--sizes", default="1000,20000", help="comma-separated article counts")
    args = parser.parse_args(argv)
    rows = []
    for count in (int(s) for s in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix="articlekit-report-tables-bench-"))
        try:
            generate(folder / "in", count, "text")
            _date_them(folder / "in")
            cli = [sys.executable, "-m", "articlekit"]
            convert = [*cli, "convert", str(folder / "in"), "--to", "parquet", "-o", f"{folder}/t/", "-q"]
            if measure(convert)[2] != 0:
                print(f"converting {count:,} articles to the tables failed", file=sys.stderr)
                return 1
            runs = {}
            for name, source in (("inputs", folder / "in"), ("tables", folder / "t")):
                page = folder / f"{name}.html"
                rss, seconds, code = measure([*cli, "report", str(source), "-o", str(page), "-q"])
                if code != 0:
                    print(f"report of {count:,} articles from the {name} failed (exit {code})", file=sys.stderr)
                    return 1
                runs[name] = (rss, seconds)
            if (folder / "inputs.html").read_bytes() != (folder / "tables.html").read_bytes():
                print(f"the two reports of {count:,} articles differ", file=sys.stderr)
                return 1
            rows.append((count, runs))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print("| articles | from | peak RSS (MiB) | time (s) | articles/s |")
    print("|---:|---|---:|---:|---:|")
    for count, runs in rows:
        for name, (rss, seconds) in runs.items():
            print(f"| {count:,} | {name} | {rss / 2**20:.1f} | {seconds:.1f} | {count / seconds:,.0f} |")
    for count, runs in rows:
        ratio = runs["inputs"][1] / runs["tables"][1]
        print(f"{count:,} articles: the report from the tables takes 1/{ratio:.1f} of the time from the inputs")
    growth = rows[-1][1]["tables"][0] / rows[0][1]["tables"][0]
    print(
        f"tables report memory growth from {rows[0][0]:,} to {rows[-1][0]:,} articles: {growth:.2f}x "
        f"(limit {ALLOWED_GROWTH:.2f}x)"
    )
    return 0 if growth <= ALLOWED_GROWTH else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
