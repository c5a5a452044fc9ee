"""Helpers for the tests: web archives built at test time with warcio, and a tiny page parser
registered through articlekit's public API so the archive plumbing is tested apart from the
html parser.

The aeb-dev pages come from the shared folder: ARTICLEKIT_SHARED, by default ``../shared``
beside the repository. Without it the tests that need it skip, or fail under CI=true.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import articlekit
from articlekit import Article, Document, Paragraph, ParseError, ParserSpec, hookimpl

REPO = Path(__file__).resolve().parents[3]
PAGE_FORMAT = "warc-test-page"


def require_shared(*parts: str) -> Path:
    """A path below the shared folder; skips the test (fails under CI=true) when it is missing."""
    root = Path(os.environ.get("ARTICLEKIT_SHARED", REPO.parent / "shared")).resolve()
    path = root.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is missing: set ARTICLEKIT_SHARED to the shared folder"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@attrs.frozen
class Record:
    """One record to write: a response by default."""

    uri: str
    payload: bytes = b""
    status: str = "200 OK"
    content_type: str | None = "text/html; charset=utf-8"
    kind: str = "response"
    headers: Sequence[tuple[str, str]] = ()
    """HTTP headers after the Content-Type."""
    warc_headers: Mapping[str, str] = attrs.field(factory=dict)
    """More WARC headers (WARC-Truncated, ...)."""


def page(title: str, *paragraphs: str) -> bytes:
    """A small web page the test page parser reads."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>".encode()


def write_warc(path: Path, records: Sequence[Record], *, warcinfo: bool = True) -> Path:
    """Write ``records`` to ``path`` (gzip per record when it ends in ``.gz``)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        if warcinfo:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "articlekit-warc tests"}))
        for record in records:
            writer.write_record(_record(writer, record))
    return path


def _record(writer: WARCWriter, record: Record) -> Any:
    if record.kind == "request":
        http = StatusAndHeaders(f"GET {record.uri} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        return writer.create_warc_record(record.uri, "request", payload=io.BytesIO(b""), http_headers=http)
    if record.kind == "revisit":
        return writer.create_revisit_record(
            record.uri, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", record.uri, "2026-11-01T00:00:00Z"
        )
    if record.kind == "dns":
        return writer.create_warc_record(
            record.uri, "response", payload=io.BytesIO(record.payload), warc_content_type="text/dns"
        )
    headers = list(record.headers)
    if record.content_type is not None:
        headers.insert(0, ("Content-Type", record.content_type))
    http = StatusAndHeaders(record.status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(
        record.uri,
        record.kind,
        payload=io.BytesIO(record.payload),
        http_headers=http,
        warc_headers_dict=dict(record.warc_headers),
    )


_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_PARAGRAPH = re.compile(rb"<p>(.*?)</p>", re.S)


def _parse_page(document: Document, options: Mapping[str, Any]) -> Iterator[Article]:
    title = _TITLE.search(document.data)
    if title is None:
        raise ParseError("no <title>")
    paragraphs = tuple(Paragraph(p.decode(errors="replace")) for p in _PARAGRAPH.findall(document.data))
    yield Article(headline=title.group(1).decode(errors="replace"), body=paragraphs, url=None)


class PagePlugin:
    @staticmethod
    @hookimpl
    def articlekit_parsers() -> Sequence[ParserSpec]:
        return [ParserSpec(PAGE_FORMAT, parse=_parse_page, description="pages for the articlekit-warc tests")]


def require_html() -> None:
    """Skip when articlekit has no ``html`` parser to read the pages with."""
    if "html" not in articlekit.get_registry().parsers:
        pytest.skip("articlekit has no 'html' parser: the pages in an archive are read with it")


def aeb_pages() -> list[tuple[str, str, bytes]]:
    """``(id, url, html)`` of the 121 aeb-dev pages, in id order."""
    corpus = require_shared("corpora", "aeb-dev")
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((corpus / "html").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        pages.append((page_id, truth[page_id]["url"], gzip.decompress(path.read_bytes())))
    return pages


def aeb_truth() -> dict[str, str]:
    """The ground-truth article body of every aeb-dev page, by id."""
    corpus = require_shared("corpora", "aeb-dev")
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: item["articleBody"] for page_id, item in truth.items()}


def write_arc(path: Path, pages: Sequence[tuple[str, str, bytes]]) -> Path:
    """An ARC (version 1) file of ``(url, 14-digit date, html)`` pages, gzip per record when
    ``path`` ends in ``.gz``. ARC is WARC's predecessor: warcio reads it but does not write it."""
    version = b"1 0 articlekit-warc tests\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [
        b"filedesc://%s 0.0.0.0 20061124000000 text/plain %d\n%s\n" % (path.name.encode(), len(version), version)
    ]
    for url, date, html in pages:
        http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
        records.append(b"%s 93.184.216.34 %s text/html %d\n%s\n" % (url.encode(), date.encode(), len(http), http))
    compress = path.name.endswith(".gz")
    path.write_bytes(b"".join(gzip.compress(r) if compress else r for r in records))
    return path
