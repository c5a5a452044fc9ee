"""Scaling on Dask: a generated corpus of web archives converted to the Parquet tables on a local
cluster of 1 worker process, then 2, in one run (alternating, best of two each); and each
worker's peak memory on a small and a ten times larger corpus.

    python bench/run.py scale                      # 20,000 pages in 40 archives; 2,000 for memory
    python bench/run.py scale --pages=400 --per-file=50 --small=100

Needs ``articlekit[dask]`` and the articlekit-warc plugin (``pip install plugins/articlekit-warc``).
The pages are written here (plain WARC, one gzip member per record), news pages with headlines,
bylines, dates and quoted speakers, all different. The conversion is the command line's
(``convert CORPUS -o OUT/ --to parquet --dask local:N``, through ``convert_batch``); the time runs
from a started cluster to the files in place. Peak RSS is each worker process's own
(``VmHWM``), read from the workers after the run.

CPU seconds are counted too, as evidence that holds on a busy machine: each worker's, and this
process's own (``getrusage(RUSAGE_SELF)``: the conversion's driver, which also hosts the local
cluster's scheduler and nannies, and competes with the workers for the cores). From them the
bench projects the speed-up two free cores would give; the wall-clock figure is the one that
counts, and only on a quiet machine.
"""

from __future__ import annotations

import argparse
import gzip
import random
import resource
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import attrs

FIRST = ("Anna", "Peter", "Lena", "Tomas", "Ruth", "Samuel", "Mei", "Omar", "Ines", "Viktor", "Grace", "Hugo")
LAST = ("Kowalski", "Osei", "Marsh", "Reyes", "Adler", "Nakamura", "Haddad", "Lindqvist", "Moreau", "Petrov")
TITLES = ("Mayor", "Health Minister", "Police Chief", "Senator", "Economist", "Union leader", "Professor")
TOWNS = ("Millbrook", "Ashford", "Lakeview", "Carrow", "Dunmore", "Fairhaven", "Greyton", "Holloway", "Kestrel")
TOPICS = ("budget", "flood defences", "hospital waiting lists", "bus fares", "school meals", "housing plan")
VERBS = ("said", "told reporters", "said in a statement", "wrote on X", "added")


def page(number: int, rng: random.Random) -> bytes:
    """One news page: every name, number and sentence order drawn from ``rng``."""
    town, topic = rng.choice(TOWNS), rng.choice(TOPICS)
    people = [(rng.choice(FIRST), rng.choice(LAST), rng.choice(TITLES)) for _ in range(3)]
    day = 1 + number % 28
    paragraphs = [
        f"{town.upper()} — The council of {town} voted {rng.randint(5, 12)}-{rng.randint(0, 4)} on Tuesday "
        f"on the {topic}, after a debate of {rng.randint(2, 9)} hours."
    ]
    for first, last, title in people:
        paragraphs.append(
            f"“The {topic} will change life in {town} for {rng.randint(2, 900)} families,” {title} {first} {last} "
            f"{rng.choice(VERBS)}."
        )
        paragraphs.append(
            f"{last} said the plan would cost {rng.randint(1, 90)} million and take {rng.randint(2, 7)} years."
        )
        paragraphs.append(f"Residents of {rng.choice(TOWNS)} were divided, and {rng.randint(3, 60)} people protested.")
    rng.shuffle(paragraphs)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{town} decides on {topic} ({number})</title>"
        f'<meta property="og:title" content="{town} decides on {topic} ({number})">'
        f'<meta property="article:published_time" content="2026-11-{day:02d}T09:30:00+01:00">'
        f'<meta name="author" content="{author}"></head><body><header><nav><a href="/">Home</a></nav></header>'
        f'<article><h1>{town} decides on {topic} ({number})</h1><p class="byline">By {author}</p>{body}</article>'
        "<footer>© Example News</footer></body></html>"
    )
    return html.encode("utf-8")


def _record(uri: str, html: bytes, number: int) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html)
    block = http + html
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{uri}#{number}")
    headers = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\nWARC-Date: 2026-12-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return gzip.compress(headers + block + b"\r\n\r\n", compresslevel=1, mtime=0)


def build(folder: Path, pages: int, per_file: int, seed: int = 7) -> list[Path]:
    """``pages`` pages in archives of ``per_file`` each, ``folder/news-00000.warc.gz`` ..."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    files = []
    for start in range(0, pages, per_file):
        path = folder / f"news-{start // per_file:05d}.warc.gz"
        with path.open("wb") as fh:
            for number in range(start, min(pages, start + per_file)):
                uri = f"https://news.example.org/{number // 1000}/{number}.html"
                fh.write(_record(uri, page(number, rng), number))
        files.append(path)
    return files


def _peak_rss() -> int:
    """This process's peak RSS in bytes: VmHWM, the high-water mark of its own address space
    (``ru_maxrss`` would not do: Linux keeps it across exec, so a spawned worker would start
    with the peak of the process it was forked from)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024  # KiB on Linux


def _warm_up() -> int:
    """Import and compile what the first archive needs, so that no timed run pays for it."""
    import articlekit

    archive = _record("https://news.example.org/warm-up.html", page(0, random.Random(0)), 0)
    return sum(len(article.quotes) for article in articlekit.parse_all(archive, "warc"))


def _cpu() -> float:
    """This process's CPU seconds, user and system, all its threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@attrs.frozen
class Run:
    """One conversion: wall seconds, articles, each worker's peak RSS (bytes) and CPU seconds,
    and this process's CPU seconds."""

    seconds: float
    articles: int
    peaks: list[int]
    worker_cpu: list[float]
    driver_cpu: float


def convert(corpus: Path, out: Path, workers: int) -> Run:
    """Convert ``corpus`` on a new local cluster of ``workers`` processes."""
    from articlekit.batch import InputSet, convert_batch
    from articlekit.distributed import Address, cluster, runner
    from articlekit.tables import PARQUET, ParquetTables

    with cluster(Address(None, workers)) as client:
        client.wait_for_workers(workers)
        client.run(_warm_up)
        cpu_before: dict[str, float] = client.run(_cpu)
        driver_before = _cpu()
        started = time.perf_counter()
        result = convert_batch(
            InputSet([str(corpus)]), PARQUET, out, folder=True, sink=ParquetTables(out), runner=runner(client)
        )
        seconds = time.perf_counter() - started
        driver_cpu = _cpu() - driver_before
        cpu_after: dict[str, float] = client.run(_cpu)
        peaks: dict[str, Any] = client.run(_peak_rss)
    if result.failed:
        raise SystemExit(f"{len(result.failed)} inputs failed: {result.failed[0].line}")
    cpu = sorted(cpu_after[w] - cpu_before[w] for w in cpu_after)
    return Run(seconds, result.articles, sorted(int(p) for p in peaks.values()), cpu, driver_cpu)


def _on_two_cores(run: Run) -> float:
    """The shortest a run of two workers could take on two free cores, from its CPU seconds: as
    long as the busier worker, and as long as all the CPU seconds (this process's too) spread
    over both cores. (One worker has a core to itself: this process takes the other.)"""
    return max(max(run.worker_cpu), (sum(run.worker_cpu) + run.driver_cpu) / 2)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20_000, help="pages in the large corpus (default 20,000)")
    parser.add_argument("--small", type=int, default=2_000, help="pages in the small corpus, for memory")
    parser.add_argument("--per-file", type=int, default=500, help="pages per archive (default 500)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each worker count, alternating (best kept)")
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the corpus in DIR instead of a temporary one")
    args = parser.parse_args(argv)
    try:
        import articlekit
        import articlekit.distributed

        if "warc" not in articlekit.get_registry().parsers:
            print("needs the articlekit-warc plugin: pip install plugins/articlekit-warc", file=sys.stderr)
            return 2
        import distributed  # noqa: F401
    except ImportError:
        print('needs articlekit[dask]: pip install -e ".[dask]"', file=sys.stderr)
        return 2
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="articlekit-scale-"))
    try:
        large, small = root / f"pages-{args.pages}", root / f"pages-{args.small}"
        for folder, count in ((large, args.pages), (small, args.small)):
            if not folder.is_dir():
                started = time.perf_counter()
                build(folder, count, args.per_file)
                print(f"built {count:,} pages in {folder} ({time.perf_counter() - started:.0f} s)", flush=True)
        runs: dict[tuple[str, int], list[Run]] = {}
        plan = [("large", large, workers) for _ in range(args.repeat) for workers in (1, 2)] + [("small", small, 2)]
        for name, folder, workers in plan:
            out = root / f"out-{name}-{workers}"
            shutil.rmtree(out, ignore_errors=True)
            run = convert(folder, out, workers)
            runs.setdefault((name, workers), []).append(run)
            shown = ", ".join(f"{p / 2**20:.0f}" for p in run.peaks)
            cpu = " + ".join(f"{c:.1f}" for c in run.worker_cpu)
            print(
                f"{name:5} {run.articles:>7,} articles  {workers} worker(s)  {run.seconds:7.1f} s  "
                f"{run.articles / run.seconds:7.1f} articles/s  peak RSS per worker {shown} MiB  "
                f"CPU s: workers {cpu}, this process {run.driver_cpu:.1f}",
                flush=True,
            )
            shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    # the best of the repeats: other work on the machine only ever slows a run down
    one, two = (min(run.seconds for run in runs["large", workers]) for workers in (1, 2))
    speedup = one / two
    memory = max(max(run.peaks) for run in runs["large", 2]) / max(runs["small", 2][0].peaks)
    articles = runs["large", 1][0].articles
    # what the wall clock would show on two free cores: the work of one worker over the larger
    # share of two (a machine shared with other work slows the wall clock, not the CPU seconds)
    work_one = min(sum(run.worker_cpu) for run in runs["large", 1])
    work_two = min(max(run.worker_cpu) for run in runs["large", 2])
    driver_one, driver_two = (min(run.driver_cpu for run in runs["large", workers]) for workers in (1, 2))
    projected = work_one / min(_on_two_cores(run) for run in runs["large", 2])
    print(f"speed-up, 2 workers over 1 (best of {args.repeat} each): {speedup:.2f}x (target >= 1.80x)")
    print(f"peak RSS per worker, {args.pages:,} over {args.small:,} pages: {memory:.2f}x (target <= 1.20x)")
    print(f"CPU balance, 1 worker's CPU s over the busier of 2 workers': {work_one / work_two:.2f}x")
    print(
        f"this process's CPU s (getrusage, best of {args.repeat}): {driver_one:.2f} with 1 worker, "
        f"{driver_two:.2f} with 2 ({1000 * driver_two / articles:.3f} per 1,000 articles)"
    )
    print(f"speed-up projected from CPU s on 2 free cores: {projected:.2f}x (the wall clock above is the figure)")
    print(f"per worker core: {articles / one:.1f} articles/s (CPU: {articles / work_one:.1f} articles per CPU s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
