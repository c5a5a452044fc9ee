"""Web archives of the aeb-dev pages, for the benchmarks: each page stored as an HTTP 200
``text/html`` response, as many times over as asked."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path


def shared_dir() -> Path:
    """The shared folder: ARTICLEKIT_SHARED, by default ``../shared`` beside the repository."""
    repo = Path(__file__).resolve().parents[3]
    return Path(os.environ.get("ARTICLEKIT_SHARED", repo.parent / "shared")).resolve()


def build(path: Path, copies: int) -> Path:
    """Write the archive to ``path``, gzipped record by record when it ends in ``.gz``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    corpus = shared_dir() / "corpora" / "aeb-dev"
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((corpus / "html").glob("*.html.gz"))
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for copy in range(copies):
            for page in pages:
                url = truth[page.name.split(".")[0]]["url"] + f"#copy{copy}"
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
                payload = io.BytesIO(gzip.decompress(page.read_bytes()))
                writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=http))
    return path
