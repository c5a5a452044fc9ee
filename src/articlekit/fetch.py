"""Fetching the web pages a user names (``articlekit convert https://...``,
[`fetch`][articlekit.fetch]), safely and politely.

Only http and https; a connect and a read timeout, and a deadline for the whole response; the
size limit (``max_bytes``, ``--max-size``) enforced while reading, on the bytes received and
on the bytes they decode to (gzip, deflate, and brotli when the ``brotli`` module is
installed); at most 5 redirects, each one checked again; a User-Agent naming articlekit and
its version; at most two requests at once to one host (across processes, through lock files);
``Retry-After`` obeyed on 429 and 503, within a bound.

Parsers never fetch anything: only the URLs a user names are fetched, here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import attrs

from articlekit.encoding import transport_charset
from articlekit.errors import ArticlekitError, ParseError
from articlekit.inputs import DEFAULT_MAX_BYTES
from articlekit.model import Article

__all__ = [
    "MAX_REDIRECTS",
    "FetchError",
    "Page",
    "fetch",
    "fetch_all",
    "fetch_page",
    "is_url",
    "url_name",
]

MAX_REDIRECTS = 5
"""The most redirects followed for one URL."""
CONNECT_TIMEOUT = 10.0
"""Seconds to wait for a connection."""
READ_TIMEOUT = 30.0
"""Seconds to wait for the server to send anything (the ``fetch_timeout`` option,
``--fetch-timeout``); the whole response must arrive within four times as long."""
RETRY_AFTER_MAX = 30.0
"""The longest ``Retry-After`` obeyed (the ``retry_after_max`` option): a server asking for a
longer wait fails the URL with its status."""
RETRIES = 2
"""How many times a URL answered with 429 or 503 is asked again."""
PER_HOST = 2
"""Requests at once to one host, across every articlekit process of this user."""

_CHUNK = 64 * 1024
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(ParseError):
    """A URL could not be fetched: a network error, an HTTP error status, a redirect to
    somewhere not allowed, a response over the size limit. Its ``file`` is the URL."""


def is_url(argument: str) -> bool:
    """True for an argument with a scheme (``https://...``, also ``ftp://...``, which
    [`fetch_page`][articlekit.fetch.fetch_page] refuses): it names a URL, not a file."""
    return bool(_SCHEME.match(argument))


def url_name(url: str) -> str:
    """The name an output of ``url`` is given: the last part of its path (``story.html``),
    else the host; made safe for a file name by the batch."""
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rpartition("/")[2])
    return last or parts.hostname or "page"


def _user_agent() -> str:
    from articlekit import __version__

    return f"articlekit/{__version__} (+https://pypi.org/project/articlekit/)"


@attrs.frozen
class Page:
    """A fetched page: its bytes (decoded from gzip, deflate or brotli) and where they came from."""

    url: str
    """The URL asked for."""
    final_url: str
    """The URL the page came from, after redirects."""
    status: int
    content_type: str | None
    data: bytes
    fetched: str
    """When it was fetched: an RFC 3339 time in UTC."""
    redirects: tuple[str, ...] = ()
    """The URLs redirected through, in order (the last is ``final_url``)."""

    def provenance(self) -> dict[str, Any]:
        """What ``extensions["fetch"]`` of its articles holds."""
        return {
            "url": self.url,
            "final_url": self.final_url,
            "fetched": self.fetched,
            "status": self.status,
            "content_type": self.content_type,
            "redirects": list(self.redirects),
        }


# -- politeness --------------------------------------------------------------------------------

_local_slots: dict[str, threading.BoundedSemaphore] = {}
_local_lock = threading.Lock()


def _slot_folder() -> str | None:
    """The folder of the per-host lock files, this user's own, or None where there can be none."""
    try:
        import fcntl  # noqa: F401
    except ImportError:  # pragma: no cover - Windows
        return None
    folder = os.path.join(tempfile.gettempdir(), f"articlekit-fetch-{os.getuid()}")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError:  # pragma: no cover - an unwritable temporary folder
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return None  # pragma: no cover - not ours: never lock files where another user chose
    return folder


@contextlib.contextmanager
def _host_slot(host: str) -> Iterator[None]:
    """One of ``PER_HOST`` slots for ``host``: lock files shared by every process of this user
    (``--jobs`` runs several), or a semaphore where file locks are not available."""
    folder = _slot_folder()
    if folder is None:  # pragma: no cover - Windows, or a folder someone else owns
        with _local_lock:
            semaphore = _local_slots.setdefault(host, threading.BoundedSemaphore(PER_HOST))
        with semaphore:
            yield
        return
    import fcntl

    key = hashlib.sha256(host.encode("utf-8", "replace")).hexdigest()[:24]
    while True:
        for slot in range(PER_HOST):
            fd = os.open(os.path.join(folder, f"{key}.{slot}"), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
            return
        time.sleep(0.05)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds, or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


# -- reading -----------------------------------------------------------------------------------


def _brotli() -> Any:
    """The ``brotli`` module when it can bound what it decodes (1.2 and later), else None."""
    try:
        import brotli  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return None
    return brotli if hasattr(brotli.Decompressor, "can_accept_more_data") else None


class _Decoder:
    """Takes off a content encoding chunk by chunk, never holding more decoded bytes than the
    caller has room for (a compression bomb stops at the limit, not in memory)."""

    def __init__(self, encoding: str, url: str) -> None:
        self.url = url
        self.encoding = encoding
        self._zlib: Any = None
        self._brotli: Any = None
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(wbits=47)  # gzip or zlib headers
        elif encoding == "br" and _brotli() is not None:
            self._brotli = _brotli().Decompressor()
        elif encoding not in ("", "identity", "deflate"):  # deflate: zlib-wrapped or raw, seen on the first bytes
            raise FetchError(f"the server sent a content encoding articlekit cannot read: {encoding!r}", file=url)

    def feed(self, chunk: bytes, room: int) -> bytes:
        """The bytes ``chunk`` decodes to, at most ``room`` of them (0: no bound); call
        ``more`` while ``pending`` for the rest."""
        try:
            if self.encoding == "deflate" and self._zlib is None:
                # most servers send zlib-wrapped deflate, a few the raw stream
                self._zlib = zlib.decompressobj(wbits=15 if chunk[:1] == b"\x78" else -15)
            if self._zlib is not None:
                return bytes(self._zlib.decompress(chunk, room))
            if self._brotli is not None:
                if room:
                    return bytes(self._brotli.process(chunk, output_buffer_limit=room))
                return bytes(self._brotli.process(chunk))
        except Exception as exc:  # zlib.error, brotli.error
            raise FetchError(f"corrupt {self.encoding} content from the server: {exc}", file=self.url) from None
        return chunk

    @property
    def pending(self) -> bool:
        """True while decoded bytes are held back (``room`` was reached)."""
        if self._zlib is not None:
            return bool(self._zlib.unconsumed_tail)
        if self._brotli is not None:
            return not self._brotli.can_accept_more_data()
        return False

    def more(self, room: int) -> bytes:
        """More of what the last chunk decodes to."""
        return self.feed(self._zlib.unconsumed_tail if self._zlib is not None else b"", room)

    def finish(self) -> None:
        """Raise FetchError when the compressed stream ended early."""
        if self._zlib is not None and not self._zlib.eof:
            raise FetchError(f"truncated {self.encoding} content: the compressed stream ends early", file=self.url)


def _too_large(url: str, limit: int) -> FetchError:
    return FetchError(
        f"the page is larger than the {limit:,}-byte limit; raise it with --max-size (max_bytes=...)", file=url
    )


def _read_body(response: Any, url: str, limit: int, deadline: float, read_timeout: float) -> bytes:
    encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
    decoder = _Decoder(encoding, url)
    parts: list[bytes] = []
    size = received = 0
    cap = limit if limit > 0 else None
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"the page took longer than {4 * read_timeout:g} s to arrive; stopped", file=url)
        chunk = response.read(_CHUNK, decode_content=False)
        if not chunk:
            break
        received += len(chunk)
        if cap is not None and received > cap:
            raise _too_large(url, limit)
        data = decoder.feed(chunk, 0 if cap is None else cap + 1 - size)
        while True:
            parts.append(data)
            size += len(data)
            if cap is not None and size > cap:
                raise _too_large(url, limit)
            if not decoder.pending:
                break
            data = decoder.more(0 if cap is None else cap + 1 - size)
    if received:
        decoder.finish()
    return b"".join(parts)


def _pool(read_timeout: float) -> Any:
    try:
        import urllib3
    except ImportError:  # pragma: no cover - the extra is not installed
        raise ArticlekitError("fetching URLs needs urllib3: pip install 'articlekit[fetch]'") from None
    timeout = urllib3.Timeout(connect=min(CONNECT_TIMEOUT, read_timeout), read=read_timeout)
    return urllib3.PoolManager(timeout=timeout, retries=False, num_pools=4)


def _accept_encoding() -> str:
    return "gzip, deflate, br" if _brotli() is not None else "gzip, deflate"


def fetch_page(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = READ_TIMEOUT,
    retry_after_max: float = RETRY_AFTER_MAX,
) -> Page:
    """Fetch ``url``, following at most ``MAX_REDIRECTS`` redirects.

    :param max_bytes: the size limit, on the bytes received and on what they decode to (0: none).
    :param timeout: the read timeout in seconds; the whole response must arrive within four times as long.
    :param retry_after_max: the longest ``Retry-After`` (on 429 or 503) waited for.
    :raises FetchError: with the URL as its ``file`` and the HTTP status or the network error.
    """
    import urllib3

    pool = _pool(timeout)
    headers = {"User-Agent": _user_agent(), "Accept-Encoding": _accept_encoding(), "Accept": "text/html,*/*;q=0.8"}
    current = url
    seen: list[str] = []
    retries = 0
    while True:
        try:
            parts = urlsplit(current)
        except ValueError as exc:
            where = f"redirected to {current!r}, " if seen else ""
            raise FetchError(f"{where}not a valid URL: {exc}", file=url) from None
        if parts.scheme.lower() not in ("http", "https"):
            where = f"redirected to {current!r}, " if seen else ""
            raise FetchError(f"{where}not an http or https URL: only those are fetched", file=url)
        if not parts.hostname:
            raise FetchError(f"no host in the URL {current!r}", file=url)
        try:
            with _host_slot(parts.hostname.lower()):
                response = pool.request(
                    "GET", current, headers=headers, redirect=False, preload_content=False, decode_content=False
                )
                try:
                    status = response.status
                    if status in _REDIRECTS and response.headers.get("Location"):
                        location = response.headers["Location"].strip()
                        with contextlib.suppress(ValueError):  # not a URL: refused at the loop's top
                            location = urljoin(current, location)
                    elif status in (429, 503):
                        wait = _retry_after(response.headers.get("Retry-After"))
                        if retries < RETRIES and wait is not None and wait <= retry_after_max:
                            retries += 1
                            time.sleep(wait)  # in the host's slot: nothing else asks this host meanwhile
                            continue
                        later = f" (Retry-After {wait:g} s is longer than {retry_after_max:g} s)" if wait else ""
                        raise FetchError(f"HTTP {status} {response.reason or ''}".rstrip() + later, file=url)
                    elif status >= 400:
                        raise FetchError(f"HTTP {status} {response.reason or ''}".rstrip(), file=url)
                    else:
                        deadline = time.monotonic() + 4 * timeout
                        data = _read_body(response, url, max_bytes, deadline, timeout)
                        return Page(
                            url=url,
                            final_url=current,
                            status=status,
                            content_type=response.headers.get("Content-Type"),
                            data=data,
                            fetched=datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
                            redirects=tuple(seen),
                        )
                finally:
                    response.release_conn()
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(_network_reason(exc, parts.hostname or "", timeout), file=url) from None
        except OSError as exc:  # pragma: no cover - urllib3 wraps socket errors
            raise FetchError(f"network error: {exc}", file=url) from None
        if location in seen or location == url:
            raise FetchError(f"redirect loop at {location}", file=url)
        seen.append(location)
        if len(seen) > MAX_REDIRECTS:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects", file=url)
        current = location


def _network_reason(exc: Exception, host: str, timeout: float) -> str:
    import urllib3

    errors = urllib3.exceptions
    if isinstance(exc, errors.NameResolutionError):
        return f"network error: cannot find the host {host}"
    # a refused connection is a ConnectTimeoutError too, for history's sake: tell them apart
    if not isinstance(exc, errors.NewConnectionError):
        if isinstance(exc, errors.ConnectTimeoutError):
            return "network error: the connection timed out"
        if isinstance(exc, (errors.ReadTimeoutError, errors.TimeoutError)):
            return f"network error: the server sent nothing for {timeout:g} s (raise it with --fetch-timeout)"
    reason = getattr(exc, "reason", None) or exc
    text = " ".join(str(reason).split())
    # urllib3 prefixes its own object reprs: keep the operating system's words
    text = re.sub(r"<[^>]*>: |\w+\(host=[^)]*\): ", "", text)
    return f"network error: {text}"


def _fetch_options(options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(fetch_page's keywords, the parse options)`` from one set of options."""
    parse_options = dict(options)
    keywords = {
        "max_bytes": int(parse_options.get("max_bytes", DEFAULT_MAX_BYTES)),
        "timeout": float(parse_options.pop("fetch_timeout", None) or READ_TIMEOUT),
        "retry_after_max": float(parse_options.pop("retry_after_max", RETRY_AFTER_MAX)),
    }
    return keywords, parse_options


def fetch_all(url: str, format: str | None = None, **options: Any) -> Iterator[Article]:
    """Fetch the page at ``url`` and parse it: every article in it, as
    [`parse_all`][articlekit.parse_all] gives them.

    Each article keeps where it came from: ``url`` (when the page gives none, the URL the page
    came from after redirects), ``origin.file`` (the URL asked for) and ``origin.charset`` (the
    charset HTTP declared), and ``extensions["fetch"]``: ``url``, ``final_url``, ``fetched``
    (an RFC 3339 time in UTC), ``status``, ``content_type`` and ``redirects``.

    :param options: those of ``parse_all``, and ``fetch_timeout`` (the read timeout in
        seconds, 30) and ``retry_after_max`` (the longest ``Retry-After`` obeyed, 30 s).
    :raises FetchError: the page could not be fetched (its reason has the HTTP status or the
        network error).
    """
    from articlekit.api import parse_all

    keywords, parse_options = _fetch_options(options)
    page = fetch_page(url, **keywords)
    if not page.data.strip():
        raise FetchError(f"the server sent an empty page (HTTP {page.status})", file=url)
    payload, charset = transport_charset(page.data, page.content_type)
    parse_options.setdefault("base_url", page.final_url)
    parse_options.pop("name", None)
    provenance = page.provenance()
    for article in parse_all(payload, format, name=url, **parse_options):
        origin = article.origin if charset is None else attrs.evolve(article.origin, charset=charset)
        yield attrs.evolve(
            article,
            url=article.url or page.final_url,
            origin=origin,
            extensions={**article.extensions, "fetch": provenance},
        )


def fetch(url: str, format: str | None = None, **options: Any) -> Article:
    """The article at ``url``: the page fetched and parsed; the first article for a page
    holding several (a feed). See [`fetch_all`][articlekit.fetch_all].

    ``articlekit.parse`` never fetches: a ``str`` given to it is the article's text.

    >>> import articlekit
    >>> article = articlekit.fetch("https://example.com/news/story.html")  # doctest: +SKIP
    """
    for article in fetch_all(url, format, **options):
        return article
    raise FetchError("no article found in the page", file=url)
