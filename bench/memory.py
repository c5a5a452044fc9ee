"""Peak memory of ``articlekit convert`` on 1,000 and then 50,000 generated articles.

Each batch runs in a fresh process (``python -m articlekit.cli convert DIR ...``) and its peak
resident set size comes from ``os.wait4``. Memory must stay flat: the larger batch may not
use more than 20% more than the smaller one. Run: ``python bench/run.py memory
[--sizes 1000,50000] [--modes jsonl,folder,jobs2] [--format text|json]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import articlekit

ALLOWED_GROWTH = 1.20
"""The larger batch's peak RSS may be at most this times the smaller one's."""

PARAGRAPHS = [
    '"We will not accept this," Minister {name} told reporters in {city} on Tuesday.',
    "The agreement, signed after {n} hours of talks, covers trade, energy and the border.",
    'According to {name}, the deal "could form a basis for future agreements".',
    "Officials said the first payments would arrive within {n} days.",
    '"It is a good day for both countries," said {name}, adding that more work remained.',
]
NAMES = ["Anna Petrova", "John Smith", "Li Wei", "Maria Garcia", "Olu Adeyemi", "Kenji Sato"]
CITIES = ["MOSCOW", "KYIV", "BERLIN", "LAGOS", "TOKYO", "LIMA"]


def text_article(i: int) -> str:
    """A plain-text news article, different for every ``i``."""
    name, city = NAMES[i % len(NAMES)], CITIES[i % len(CITIES)]
    body = "\n\n".join(p.format(name=name, city=city.title(), n=i % 97 + 3) for p in PARAGRAPHS)
    return f"Talks in {city.title()} end with deal number {i}\nBy {name}\n\n{city} - {body}\n"


def json_article(i: int) -> str:
    """The same article as articlekit JSON (lossless: read without the enrichers)."""
    blocks = tuple(
        articlekit.Paragraph(text=p.format(name=NAMES[i % 6], city=CITIES[i % 6].title(), n=i % 97 + 3))
        for p in PARAGRAPHS
    )
    return str(articlekit.dumps(articlekit.Article(headline=f"Deal number {i}", body=blocks), "json"))


def generate(folder: Path, count: int, fmt: str) -> None:
    """``count`` articles in ``folder``, 1,000 per subfolder."""
    make = text_article if fmt == "text" else json_article
    extension = ".txt" if fmt == "text" else ".json"
    for i in range(count):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{i:06d}{extension}").write_text(make(i), encoding="utf-8")


def measure(argv: list[str]) -> tuple[int, float, int]:
    """Run ``argv``; return (peak RSS in bytes, seconds, exit code)."""
    started = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - started
    if proc.returncode not in (0,):
        sys.stderr.write(stderr.decode(errors="replace")[-2000:])
    # ru_maxrss is in KiB on Linux; wait4 gives the child alone (not the largest of every child)
    return usage.ru_maxrss * 1024, elapsed, proc.returncode


MODES: dict[str, list[str]] = {
    "jsonl": ["-o", "{out}/all.jsonl"],
    "folder": ["-o", "{out}/folder/"],
    "jobs2": ["-o", "{out}/all.jsonl", "--jobs", "2"],
}
"""How each batch writes: all into one JSON Lines file, one file per article, or in 2 processes
(for jobs2, the peak is the main process's; each worker holds a few inputs at a time)."""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py memory")
    parser.add_argument("--sizes", default="1000,50000", help="article counts, smallest first")
    parser.add_argument("--modes", default="jsonl,folder", help=f"comma-separated: {', '.join(MODES)}")
    parser.add_argument("--format", default="text", choices=("text", "json"), help="input format to generate")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    modes = args.modes.split(",")
    if args.format not in articlekit.get_registry().parsers:
        print(f"no {args.format!r} parser installed; use --format json", file=sys.stderr)
        return 2
    status = 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="articlekit-memory-") as tmp:
        root = Path(tmp)
        for size in sizes:
            inputs = root / f"in{size}"
            started = time.monotonic()
            generate(inputs, size, args.format)
            print(f"generated {size:,} {args.format} articles in {time.monotonic() - started:.1f} s", flush=True)
            for mode in modes:
                out = root / f"out-{size}-{mode}"
                out.mkdir()
                extra = [a.format(out=out) for a in MODES[mode]]
                command = [sys.executable, "-m", "articlekit.cli", "convert", str(inputs), "-q", *extra]
                peak, elapsed, code = measure(command)
                rows.append((mode, size, peak, elapsed, code))
                print(
                    f"{mode:<7} {size:>7,} articles  peak RSS {peak / 2**20:7.1f} MiB  {elapsed:7.1f} s  "
                    f"{size / elapsed:8.0f} articles/s  exit {code}",
                    flush=True,
                )
                shutil.rmtree(out)
                status |= int(code != 0)
            shutil.rmtree(inputs)
    print()
    print("| mode | articles | peak RSS (MiB) | time (s) | articles/s |")
    print("|---|---:|---:|---:|---:|")
    for mode, size, peak, elapsed, _code in rows:
        print(f"| {mode} | {size:,} | {peak / 2**20:.1f} | {elapsed:.1f} | {size / elapsed:,.0f} |")
    for mode in modes:
        peaks = [peak for m, _size, peak, _e, _c in rows if m == mode]
        growth = peaks[-1] / peaks[0]
        verdict = "flat" if growth <= ALLOWED_GROWTH else "GROWS"
        print(f"{mode}: largest batch uses {growth:.2f}x the smallest's peak ({verdict}; limit {ALLOWED_GROWTH:.2f}x)")
        status |= int(growth > ALLOWED_GROWTH)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
