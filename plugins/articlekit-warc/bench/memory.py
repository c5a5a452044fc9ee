"""Peak memory converting an archive of the aeb-dev pages, stored once and ten times over.

Each run is a fresh process that reads every article of the archive through articlekit's
public API (``parse_all`` on the path: the archive is streamed) and prints its peak RSS. With
streaming, the second figure stays at the first.

    python plugins/articlekit-warc/bench/memory.py --times 1 10
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

READER = r"""
import resource, sys, time
from pathlib import Path
import articlekit
start = time.perf_counter()
count = sum(1 for _ in articlekit.parse_all(Path(sys.argv[1]), enrich=False))
seconds = time.perf_counter() - start
print(count, f"{seconds:.1f}", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def shared_dir() -> Path:
    repo = Path(__file__).resolve().parents[3]
    return Path(os.environ.get("ARTICLEKIT_SHARED", repo.parent / "shared")).resolve()


def build(path: Path, times: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    corpus = shared_dir() / "corpora" / "aeb-dev"
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((corpus / "html").glob("*.html.gz"))
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for copy in range(times):
            for page in pages:
                url = truth[page.name.split(".")[0]]["url"] + f"#copy{copy}"
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
                payload = io.BytesIO(gzip.decompress(page.read_bytes()))
                writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=http))


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
