"""What converting in a worker process costs: ``articlekit convert DIR -o all.jsonl --jobs 1``
with a time limit (the default, 300 s: the inputs go to one worker process that can be killed
at the limit) against the same command with ``--timeout 0`` (converted in the command's own
process, the floor), on the same generated plain-text articles, in the same run, alternating.

Run: ``python bench/run.py workers [--count 2000] [--repeat 3] [--limit 1.25]``. Fails when the
worker's median time is more than ``--limit`` times the floor's.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from memory import generate


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py workers")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=1.25)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="articlekit-bench-workers-") as tmp:
        inputs = Path(tmp) / "in"
        generate(inputs, args.count, "text")
        base = [sys.executable, "-m", "articlekit.cli", "convert", str(inputs), "-q", "-j", "1", "--force"]
        times: dict[str, list[float]] = {"in process (--timeout 0)": [], "one worker (--timeout 300)": []}
        for _ in range(args.repeat):
            for label, extra in zip(times, (["--timeout", "0"], ["--timeout", "300"]), strict=True):
                times[label].append(_timed([*base, "-o", str(Path(tmp) / "all.jsonl"), *extra]))
    print(f"{args.count:,} plain-text articles to one JSON Lines file, --jobs 1, median of {args.repeat}:\n")
    print("| mode | median (s) | articles/s |")
    print("|---|---:|---:|")
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, median in medians.items():
        print(f"| {label} | {median:.2f} | {args.count / median:,.0f} |")
    floor, worker = medians.values()
    ratio = worker / floor
    verdict = "ok" if ratio <= args.limit else "too slow"
    print(f"\nworker / in process: {ratio:.2f}x (limit {args.limit:.2f}x): {verdict}")
    return 0 if ratio <= args.limit else 1
