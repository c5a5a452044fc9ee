"""Measure the two WARC libraries on the same archive: warcio (used) and fastwarc.

Builds an archive in a temporary folder from the aeb-dev pages (each page ``--copies`` times,
as ``.warc.gz`` and ``.warc``), then, for each library in a fresh process, reads every response
record's status, Content-Type and payload, and prints records/s, MB/s and peak RSS. Also checks
what each library does with an archive cut off in the middle of a record.

    python plugins/articlekit-warc/bench/compare_libraries.py --copies 20

Needs warcio (the plugin's dependency) and, for the comparison, ``pip install fastwarc``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from aeb_archive import build

READER = r"""
import resource, sys, time
lib, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
records = size = 0
short = False
with open(path, "rb") as fh:
    if lib == "warcio":
        from warcio.archiveiterator import ArchiveIterator
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            status = record.http_headers.get_statuscode()
            kind = record.http_headers.get_header("Content-Type")
            data = record.content_stream().read()
            records += 1
            size += len(data)
            short = short or record.raw_stream.limit > 0
    else:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
        for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            status = record.http_headers.status_code
            kind = record.http_headers.get("Content-Type")
            data = record.reader.read()
            records += 1
            size += len(data)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{records}\t{size}\t{seconds:.3f}\t{peak:.0f}\t{short}")
"""


def build_both(folder: Path, copies: int) -> list[Path]:
    return [build(folder / "bench.warc.gz", copies), build(folder / "bench.warc", copies)]


def measure(library: str, path: Path) -> str:
    done = subprocess.run([sys.executable, "-c", READER, library, str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        return f"{library:9} {path.name:14} not available ({done.stderr.strip().splitlines()[-1]})"
    records, size, seconds, peak, short = done.stdout.split()
    mb = int(size) / 1e6
    return (
        f"{library:9} {path.name:14} {int(records):6} records {mb:7.0f} MB {float(seconds):6.2f} s "
        f"{int(records) / float(seconds):8.0f} records/s {mb / float(seconds):6.0f} MB/s peak RSS {peak} MiB"
        + (" (saw the cut)" if short == "True" else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20, help="how many times each of the 121 pages is stored")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_both(Path(tmp), args.copies)
        for path in paths:
            for library in ("warcio", "fastwarc"):
                print(measure(library, path))
        for path in paths:
            cut = path.with_name("cut-" + path.name)
            shutil.copyfile(path, cut)  # not through memory: the readers' peak RSS would count it
            os.truncate(cut, path.stat().st_size // 2)
            for library in ("warcio", "fastwarc"):
                print("cut in half:", measure(library, cut))


if __name__ == "__main__":
    main()
