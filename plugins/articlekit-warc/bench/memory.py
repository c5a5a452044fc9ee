"""Peak memory converting an archive of the aeb-dev pages, stored once and ten times over.

Each run is a fresh process that reads every article of the archive through articlekit's
public API (``parse_all`` on the path: the archive is streamed) and prints its peak RSS. With
streaming, the second figure stays at the first.

    python plugins/articlekit-warc/bench/memory.py --times 1 10
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from aeb_archive import build

READER = r"""
import resource, sys, time
from pathlib import Path
import articlekit
start = time.perf_counter()
count = sum(1 for _ in articlekit.parse_all(Path(sys.argv[1]), enrich=False))
seconds = time.perf_counter() - start
print(count, f"{seconds:.1f}", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10], help="how many times each page is stored")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for times in args.times:
            archive = Path(tmp) / f"aeb-x{times}.warc.gz"
            build(archive, times)
            done = subprocess.run([sys.executable, "-c", READER, str(archive)], capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(done.stderr)
            count, seconds, peak = done.stdout.split()
            size = archive.stat().st_size / 1e6
            print(f"{archive.name:16} {size:6.1f} MB gzipped  {count:>5} articles  {seconds:>6} s  peak RSS {peak} MiB")
            archive.unlink()


if __name__ == "__main__":
    main()
