"""What converting in a worker process costs: ``articlekit convert DIR -o all.jsonl --jobs 1``
with a time limit (the default, 300 s: the inputs go to one worker process that can be killed
at the limit) against the same command with ``--timeout 0`` (converted in the command's own
process, the floor), on the same generated plain-text articles, in the same run, alternating.

With ``--mode folder`` the articles go to one JSON file each (rendered in the worker, so only
bytes cross the pipe) instead of one JSON Lines file (articles cross the pipe, pickled).

Run: ``python bench/run.py workers [--count 2000] [--repeat 3] [--mode jsonl|folder] [--limit 1.5]``.
Reports wall time and CPU time (user + system, of the command and its worker); fails when
the worker's median CPU time is more than ``--limit`` times the floor's. CPU time is the
figure that holds on a busy machine: two processes handing work to each other wait for the
scheduler at each hand-off, so their wall time swings with the load.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from memory import generate


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the command and its workers) of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py workers")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mode", choices=("jsonl", "folder"), default="jsonl")
    parser.add_argument("--limit", type=float, default=1.5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="articlekit-bench-workers-") as tmp:
        inputs = Path(tmp) / "in"
        generate(inputs, args.count, "text")
        base = [sys.executable, "-m", "articlekit.cli", "convert", str(inputs), "-q", "-j", "1", "--force"]
        labels = ("in process (--timeout 0)", "one worker (--timeout 300)")
        runs: dict[str, list[tuple[float, float]]] = {label: [] for label in labels}
        for _ in range(args.repeat):
            for label, extra in zip(labels, (["--timeout", "0"], ["--timeout", "300"]), strict=True):
                target = Path(tmp) / ("all.jsonl" if args.mode == "jsonl" else "out")
                slash = "/" if args.mode == "folder" else ""
                runs[label].append(_timed([*base, "-o", f"{target}{slash}", *extra]))
    where = "one JSON Lines file" if args.mode == "jsonl" else "one JSON file each"
    print(f"{args.count:,} plain-text articles to {where}, --jobs 1, median of {args.repeat}:\n")
    print("| mode | wall (s) | CPU (s) | articles/s (wall) |")
    print("|---|---:|---:|---:|")
    wall = {label: statistics.median(w for w, _ in values) for label, values in runs.items()}
    cpu = {label: statistics.median(c for _, c in values) for label, values in runs.items()}
    for label in labels:
        print(f"| {label} | {wall[label]:.2f} | {cpu[label]:.2f} | {args.count / wall[label]:,.0f} |")
    ratio = cpu[labels[1]] / cpu[labels[0]]
    verdict = "ok" if ratio <= args.limit else "too slow"
    print(f"\nworker / in process: wall {wall[labels[1]] / wall[labels[0]]:.2f}x, CPU {ratio:.2f}x")
    print(f"(the limit, {args.limit:.2f}x, is on CPU time: wall time swings with the machine's load): {verdict}")
    return 0 if ratio <= args.limit else 1
