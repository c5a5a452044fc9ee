"""URL inputs: ``articlekit.fetch`` and ``articlekit convert https://...`` against a local HTTP
server on 127.0.0.1 (pages, redirects, errors, Retry-After, slow and oversized responses, gzip
and a gzip bomb, wrong and absent charsets). Nothing here reaches beyond the machine."""

from __future__ import annotations

import gzip
import json
import threading
import time
import zlib
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import articlekit
from articlekit.batch import InputSet
from articlekit.cli import main
from articlekit.fetch import FetchError, _retry_after, fetch_page, is_url, url_name

pytest.importorskip("urllib3")

try:
    import brotli  # type: ignore[import-not-found,import-untyped,unused-ignore]
except ImportError:  # pragma: no cover - the test extra installs it
    brotli = None

PAGE = (
    "<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{text}</p></article></body></html>"
)


def page(title: str, text: str = "The council met on Tuesday and agreed the budget.") -> bytes:
    return PAGE.format(title=title, text=text).encode("utf-8")


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        self.active = 0
        self.most_active = 0


class _Handler(BaseHTTPRequestHandler):
    state: _State
    bomb: bytes
    br_bomb: bytes

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        state = self.state
        with state.lock:
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            hits = state.hits[self.path]
            state.agents.append(self.headers.get("User-Agent", ""))
        self._route(hits)

    def _route(self, hits: int) -> None:
        path = self.path
        if path == "/news/story.html":
            self._send(200, page("Budget agreed"))
        elif path == "/latin1":
            body = PAGE.format(title="Caf\u00e9 \u2019owner\u2019 speaks", text="Cr\u00e8me br\u00fbl\u00e9e").encode(
                "cp1252"
            )
            self._send(200, body, {"Content-Type": "text/html; charset=ISO-8859-1"})
        elif path == "/mislabelled":  # UTF-8 bytes, labelled Latin-1
            self._send(200, page("Caf\u00e9 owner speaks"), {"Content-Type": "text/html; charset=iso-8859-1"})
        elif path == "/nocharset":
            self._send(200, page("Caf\u00e9 owner speaks"), {"Content-Type": "text/html"})
        elif path == "/bogus-charset":
            self._send(200, page("Caf\u00e9 owner speaks"), {"Content-Type": "text/html; charset=rot13"})
        elif path == "/redirect":
            self._send(302, headers={"Location": "/news/story.html"})
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/news/story.html" if n == 0 else f"/chain/{n - 1}"
            self._send(301, headers={"Location": target})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop2"})
        elif path == "/loop2":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/to-nowhere":
            self._send(302, headers={"Location": "http://[::1"})
        elif path == "/to-file":
            self._send(302, headers={"Location": "file:///etc/passwd"})
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/broken":
            self._send(500, b"oops")
        elif path == "/busy":
            if hits == 1:
                self._send(429, b"slow down", {"Retry-After": "1"})
            else:
                self._send(200, page("After the wait"))
        elif path == "/busy-long":
            self._send(503, b"come back tomorrow", {"Retry-After": "86400"})
        elif path == "/slow":
            time.sleep(3)
            self._send(200, page("Too late"))
        elif path.startswith("/held/"):
            state = self.state
            with state.lock:  # counted while the client waits for its answer, so holds its slot
                state.active += 1
                state.most_active = max(state.most_active, state.active)
            time.sleep(0.3)
            with state.lock:
                state.active -= 1
            self._send(200, page("Held"))
        elif path == "/big":
            self._send(200, page("Big", "word " * 40_000))
        elif path == "/gzip":
            self._send(200, gzip.compress(page("Zipped story")), {"Content-Encoding": "gzip"})
        elif path == "/deflate":
            self._send(200, zlib.compress(page("Deflated story")), {"Content-Encoding": "deflate"})
        elif path == "/raw-deflate":
            packer = zlib.compressobj(wbits=-15)
            body = packer.compress(page("Raw deflate")) + packer.flush()
            self._send(200, body, {"Content-Encoding": "deflate"})
        elif path == "/cut-gzip":
            self._send(200, gzip.compress(page("Cut"))[:-12], {"Content-Encoding": "gzip"})
        elif path == "/odd-encoding":
            self._send(200, page("Odd"), {"Content-Encoding": "zstd-but-not-really"})
        elif path == "/br" and brotli is not None:
            self._send(200, brotli.compress(page("Brotli story")), {"Content-Encoding": "br"})
        elif path == "/br-bomb" and brotli is not None:
            self._send(200, self.br_bomb, {"Content-Encoding": "br"})
        elif path == "/bomb":
            self._send(200, self.bomb, {"Content-Encoding": "gzip"})
        elif path == "/empty":
            self._send(200, b"")
        else:
            self._send(404, b"")


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the timeout, the bomb) is what those tests want


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, _State]]:
    state = _State()
    handler = type(
        "Handler",
        (_Handler,),
        {
            "state": state,
            "bomb": gzip.compress(b"\0" * (16 << 20), compresslevel=9),
            "br_bomb": brotli.compress(b"\0" * (64 << 20), quality=4) if brotli is not None else b"",
        },
    )
    httpd = _Server(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- fetching ------------------------------------------------------------------------------------


def test_fetch_parses_the_page_and_records_where_it_came_from(server: tuple[str, _State]) -> None:
    base, state = server
    article = articlekit.fetch(f"{base}/news/story.html")
    assert article.headline == "Budget agreed"
    assert "council" in article.text
    assert article.url == f"{base}/news/story.html"
    assert article.origin.file == f"{base}/news/story.html"
    fetched = article.extensions["fetch"]
    assert fetched["status"] == 200 and fetched["final_url"] == f"{base}/news/story.html"
    assert fetched["fetched"].endswith("Z")
    assert state.agents[-1].startswith(f"articlekit/{articlekit.__version__}")


def test_parse_never_fetches_a_string() -> None:
    with pytest.raises(articlekit.ArticlekitError):
        articlekit.parse("https://127.0.0.1:9/never")


def test_redirects_are_followed_and_recorded(server: tuple[str, _State]) -> None:
    base, _ = server
    article = articlekit.fetch(f"{base}/redirect")
    assert article.headline == "Budget agreed"
    assert article.url == f"{base}/news/story.html"
    assert article.extensions["fetch"]["redirects"] == [f"{base}/news/story.html"]
    assert articlekit.fetch(f"{base}/chain/4").headline == "Budget agreed"  # 5 redirects


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/chain/5", "more than 5 redirects"),
        ("/loop", "redirect loop"),
        ("/to-file", "redirected to 'file:///etc/passwd', not an http or https URL"),
        ("/to-nowhere", "redirected to 'http://[::1', not a valid URL"),
        ("/missing", "HTTP 404 Not Found"),
        ("/broken", "HTTP 500 Internal Server Error"),
        ("/busy-long", "HTTP 503 Service Unavailable (Retry-After 86400 s is longer than 30 s)"),
        ("/empty", "the server sent an empty page"),
        ("/cut-gzip", "truncated gzip content"),
        ("/odd-encoding", "a content encoding articlekit cannot read: 'zstd-but-not-really'"),
    ],
)
def test_failures_name_the_url_and_the_reason(server: tuple[str, _State], path: str, reason: str) -> None:
    base, _ = server
    with pytest.raises(FetchError) as caught:
        articlekit.fetch(base + path)
    assert caught.value.file == base + path
    assert reason in caught.value.reason


def test_only_http_and_https_are_fetched() -> None:
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x"):
        with pytest.raises(FetchError, match="not an http or https URL"):
            fetch_page(url)


def test_connection_refused_is_a_network_error() -> None:
    with pytest.raises(FetchError, match=r"network error: .*Connection refused"):
        fetch_page("http://127.0.0.1:9/", timeout=2)


def test_retry_after_is_obeyed(server: tuple[str, _State]) -> None:
    base, state = server
    started = time.monotonic()
    article = articlekit.fetch(f"{base}/busy")
    assert article.headline == "After the wait"
    assert time.monotonic() - started >= 0.9
    assert state.hits["/busy"] == 2


def test_a_slow_server_times_out(server: tuple[str, _State]) -> None:
    base, _ = server
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"sent nothing for 0\.5 s"):
        articlekit.fetch(f"{base}/slow", fetch_timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_the_size_limit_is_enforced_while_reading(server: tuple[str, _State]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="larger than the 100,000-byte limit"):
        articlekit.fetch(f"{base}/big", max_bytes=100_000)
    assert articlekit.fetch(f"{base}/big", max_bytes=0).headline == "Big"


def test_gzip_and_deflate_are_decoded(server: tuple[str, _State]) -> None:
    base, _ = server
    assert articlekit.fetch(f"{base}/gzip").headline == "Zipped story"
    assert articlekit.fetch(f"{base}/deflate").headline == "Deflated story"
    assert articlekit.fetch(f"{base}/raw-deflate").headline == "Raw deflate"


@pytest.mark.skipif(brotli is None, reason="brotli is not installed (the test extra installs it)")
def test_brotli_is_decoded_and_its_bomb_stops_at_the_limit(server: tuple[str, _State]) -> None:
    base, _ = server
    assert articlekit.fetch(f"{base}/br").headline == "Brotli story"
    with pytest.raises(FetchError, match="larger than the 1,000,000-byte limit"):
        fetch_page(f"{base}/br-bomb", max_bytes=1_000_000)


def test_a_gzip_bomb_stops_at_the_limit_on_the_decoded_bytes(server: tuple[str, _State]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="larger than the 1,000,000-byte limit"):
        fetch_page(f"{base}/bomb", max_bytes=1_000_000)


def test_the_charset_comes_from_the_header(server: tuple[str, _State]) -> None:
    base, _ = server
    latin = articlekit.fetch(f"{base}/latin1")
    assert latin.headline == "Caf\u00e9 \u2019owner\u2019 speaks"  # ISO-8859-1 read as Windows-1252
    assert latin.origin.charset == "cp1252"
    for path in ("/mislabelled", "/nocharset", "/bogus-charset"):
        assert articlekit.fetch(base + path).headline == "Caf\u00e9 owner speaks", path


def test_at_most_two_requests_at_once_to_one_host(server: tuple[str, _State]) -> None:
    base, state = server
    state.most_active = 0
    threads = [threading.Thread(target=fetch_page, args=(f"{base}/held/{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert state.most_active == 2
    assert all(state.hits.get(f"/held/{i}") == 1 for i in range(6))


def test_retry_after_reads_seconds_and_dates() -> None:
    assert _retry_after("5") == 5.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: ask again now
    assert (
        50 < (_retry_after(format_datetime(datetime.now(timezone.utc) + timedelta(seconds=60), usegmt=True)) or 0) <= 60
    )
    assert _retry_after("soon") is None and _retry_after(None) is None


# -- naming and the batch's inputs ----------------------------------------------------------------


def test_urls_are_told_from_files_and_named_after_their_path() -> None:
    assert is_url("https://example.com/a") and is_url("HTTP://x") and is_url("ftp://x/y")
    assert not is_url("news/story.html") and not is_url("-") and not is_url("C:\\x")
    assert url_name("https://example.com/news/story.html?id=3") == "story.html"
    assert url_name("https://example.com/news/caf%C3%A9/") == "caf\u00e9"
    assert url_name("https://example.com") == "example.com"
    inputs = InputSet(["https://example.com/news/story.html", "ftp://example.com/x"])
    assert inputs.check() == [("ftp://example.com/x", "only http and https URLs can be fetched")]
    assert [item.relative for item in inputs] == ["story.html"]


# -- the command line ------------------------------------------------------------------------------


def test_cli_converts_urls_and_reports_each_failure(
    server: tuple[str, _State], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = server
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's pages\n\n{base}/news/story.html\n  {base}/missing  \n{base}/to-file\n")
    out = tmp_path / "out"
    code = main(["convert", "--urls", str(listing), f"{base}/gzip", "-o", str(out) + "/", "--jobs", "2"])
    _, err = capsys.readouterr()
    assert code == 1
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["gzip.json", "story.json"]
    story = json.loads((out / "story.json").read_text())
    assert story["url"] == f"{base}/news/story.html"
    assert story["extensions"]["fetch"]["status"] == 200
    lines = [line for line in err.splitlines() if "error" in line]
    assert f"{base}/missing: HTTP 404 Not Found" in err
    assert f"{base}/to-file: redirected to 'file:///etc/passwd'" in err
    assert len(lines) == 2, err
    assert "Traceback" not in err


def test_cli_refuses_a_bad_url_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("https://example.com/a\nnot a url\n")
    assert main(["convert", "--urls", str(listing)]) == 2
    err = capsys.readouterr().err
    assert f"{listing}:2: expected a URL" in err
    assert main(["convert", "--urls", str(tmp_path / "none.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["convert"]) == 2
    assert "no input" in capsys.readouterr().err
