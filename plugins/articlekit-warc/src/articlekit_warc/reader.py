"""Reading a web archive record by record, and turning each HTML page into an article.

Only articlekit's public API is used: the page itself is read by whichever articlekit parser
handles HTML (``html`` unless the ``warc_html_format`` option names another).
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator, Mapping
from typing import IO, Any

import attrs
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.recordloader import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

import articlekit
from articlekit import Article, OptionSpec, Origin, ParseError, UnknownFormatError
from articlekit.encoding import transport_charset

__all__ = ["HTML_MEDIA_TYPES", "WarcStats", "iter_articles"]

log = logging.getLogger("articlekit.warc")  # under "articlekit": `articlekit inspect` shows its warnings
# warcio logs minor repairs (spaces in a target URI) as warnings; without a handler of the
# application's, Python would print them on stderr in the middle of the command's own output
logging.getLogger("warcio").addHandler(logging.NullHandler())

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""The payload media types read as web pages."""

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""The largest page read (after transfer and content decoding), as articlekit's own default
input limit; the ``max_bytes`` option changes it, 0 means no limit."""

_CHUNK = 1 << 16
# warcio reports a record cut off inside its headers, a corrupt gzip member or a malformed
# payload through these
_READ_ERRORS = (
    ArchiveLoadFailed,
    ChunkedDataException,
    StatusAndHeadersParserException,
    AttributeError,
    EOFError,
    OSError,
    ValueError,
    zlib.error,
)


@attrs.define
class WarcStats:
    """What one archive held: every record is counted once, as an article or under the reason
    it was skipped. Pass one as the ``warc_stats`` option to see it after parsing."""

    records: int = 0
    """Records read, of every type."""
    articles: int = 0
    """Records that became articles."""
    not_response: int = 0
    """Records other than responses: ``warcinfo``, ``request``, ``metadata``, ``revisit``..."""
    not_http: int = 0
    """Response records without an HTTP status line (``dns:`` lookups, for instance)."""
    not_ok: int = 0
    """HTTP responses whose status is not 200 (redirects, errors, ``304 Not Modified``)."""
    not_html: int = 0
    """Successful responses whose payload is not a web page (images, scripts, PDF, JSON)."""
    too_large: int = 0
    """Web pages larger than ``max_bytes``."""
    unreadable: int = 0
    """Web pages the HTML parser could not read (an empty page, a corrupt content encoding)."""

    @property
    def skipped(self) -> int:
        """Every record that did not become an article."""
        return self.records - self.articles

    def summary(self) -> str:
        """One line, such as ``130 records: 121 articles; skipped 5 not responses, 4 not HTML``."""
        reasons = [
            (self.not_response, "not responses"),
            (self.not_http, "not HTTP"),
            (self.not_ok, "not status 200"),
            (self.not_html, "not HTML"),
            (self.too_large, "too large"),
            (self.unreadable, "unreadable"),
        ]
        skipped = ", ".join(f"{count} {why}" for count, why in reasons if count)
        return f"{self.records} records: {self.articles} articles" + (f"; skipped {skipped}" if skipped else "")


@attrs.frozen
class _Page:
    """An HTML response record, read whole."""

    payload: bytes
    target_uri: str
    fetched: str | None
    record_id: str | None
    content_type: str | None
    offset: int
    truncated: str | None
    """The crawler's WARC-Truncated reason (``length``, ``time``): the page itself is cut short."""


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _looks_like_html(head: bytes) -> bool:
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start


def _read_limited(stream: Any, limit: int) -> bytes | None:
    """The whole stream, or None when it is longer than ``limit`` (0: no limit)."""
    # warcio's readers return at most one buffer per read(): read until the end
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        parts.append(chunk)
        size += len(chunk)
        if 0 < limit < size:
            return None
    return b"".join(parts)


def _ended_early(record: Any) -> bool:
    """Read what is left of the record; True when the archive ends before the record does."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return bool(getattr(raw, "limit", 0))


def _truncated(name: str, number: int, offset: int, what: str, stats: WarcStats) -> ParseError:
    return ParseError(
        f"truncated WARC: the archive ends inside record {number} ({what}); "
        f"the {stats.articles} articles before it were read ({stats.summary()})",
        file=name,
        offset=offset,
    )


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, noting whether the archive ended inside a gzip member: warcio itself
    stops there as if the archive were complete.

    warcio writes its notice of a record not followed by blank lines straight to stderr, which
    would break the command line's one line per input; the notice is silenced here and counted
    by warcio in ``err_count``, which the reader reports through logging instead."""

    cut_short = False
    trailer_cut = False
    """The last gzip member ends without its 8-byte trailer (CRC and length): its record was
    read whole, but the archive was cut there, and whatever followed is lost."""
    INC_RECORD = ""

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None) if self.reader else None
        if decompressor is not None and not getattr(decompressor, "eof", True):
            # bytes were read past the last whole record, and they did not make a whole member
            self.cut_short = _position(self.fh) > _offset(self)
            # or the last member's compressed data is whole and its trailer is cut off
            self.trailer_cut = not self.cut_short
        super().close()


def _position(stream: Any) -> int:
    try:
        return int(stream.tell())
    except (AttributeError, OSError, ValueError):
        return 0


def _pages(stream: IO[bytes], name: str, limit: int, stats: WarcStats) -> Iterator[_Page]:
    """Every HTML response record with status 200, counting the rest in ``stats``."""
    is_arc = _is_arc(stream)
    records = _Records(stream, arc2warc=True)  # ARC, WARC's predecessor, read as WARC records
    while True:
        try:
            record = next(records)
        except StopIteration:
            if records.err_count:
                log.warning("%s: %d record(s) not followed by the blank lines WARC requires", name, records.err_count)
            if records.cut_short:
                raise _truncated(
                    name, stats.records + 1, _offset(records), "its gzip member is cut off", stats
                ) from None
            if records.trailer_cut and stats.records:  # (an empty file leaves an unused decompressor)
                # the record is whole (and was read), but a file cut here may have held more:
                # an error, so that a batch does not count the archive as converted
                raise ParseError(
                    f"truncated WARC: the archive ends inside the gzip trailer of record {stats.records}, "
                    f"which was read whole; any records after it are lost ({stats.summary()})",
                    file=name,
                    offset=_position(stream),
                ) from None
            return
        except _READ_ERRORS as exc:
            if stats.records == 0:
                raise ParseError(f"not a readable WARC file: {exc}", file=name) from None
            if isinstance(exc, ArchiveLoadFailed):
                raise ParseError(
                    f"cannot read record {stats.records + 1}: {exc} ({stats.summary()} before it)",
                    file=name,
                    offset=_offset(records),
                ) from None
            raise _truncated(
                name, stats.records + 1, _offset(records), f"its headers are cut off: {exc}", stats
            ) from None
        stats.records += 1
        offset = _offset(records)
        if not record.rec_type or record.rec_headers.get_header("Content-Length") is None:
            # every WARC record names its type and length: a cut-off gzip member leaves neither
            raise _truncated(name, stats.records, offset, "its headers are incomplete", stats)
        target_uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        page: _Page | None = None
        try:
            page = _page(record, target_uri, offset, limit, stats)
        except _READ_ERRORS as exc:
            # a payload that cannot be decoded (a corrupt Content-Encoding) spoils that page only,
            # unless the record itself is cut off, which the next step tells
            stats.unreadable += 1
            log.warning("%s: skipped, the payload cannot be decoded: %s", target_uri, exc)
        try:
            truncated = _ended_early(record)
        except _READ_ERRORS as exc:
            raise _truncated(name, stats.records, offset, f"{target_uri or 'its payload'}: {exc}", stats) from None
        if truncated:
            raise _truncated(name, stats.records, offset, target_uri or record.rec_type, stats)
        if page is not None:
            # ARC records have no id: the one warcio makes up would change with every reading
            yield attrs.evolve(page, record_id=None) if is_arc else page


def _is_arc(stream: IO[bytes]) -> bool:
    """Whether a seekable archive is an ARC file: it starts with a ``filedesc://`` record."""
    try:
        if not stream.seekable():
            return False  # warcio's record ids are kept as they come
        start = stream.tell()
        raw = stream.read(1024)
        stream.seek(start)
    except (AttributeError, OSError, ValueError):
        return False
    if raw.startswith(b"\x1f\x8b"):
        try:
            raw = zlib.decompressobj(wbits=31).decompress(raw, 16)
        except zlib.error:
            return False
    return raw.startswith(b"filedesc://")


def _offset(records: Any) -> int:
    # where the record just read starts (warcio's get_record_offset() would read it to its end)
    return int(getattr(records, "offset", 0))


def _page(record: Any, target_uri: str, offset: int, limit: int, stats: WarcStats) -> _Page | None:
    """The record as a page, or None (counted in ``stats``) when it is not one."""
    if record.rec_type != "response":
        stats.not_response += 1
        return None
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if not status:
        stats.not_http += 1
        return None
    if status != "200":
        stats.not_ok += 1
        return None
    content_type = http.get_header("Content-Type")
    declared = _media_type(content_type)
    if declared and declared not in HTML_MEDIA_TYPES:
        stats.not_html += 1
        return None
    payload = _read_limited(record.content_stream(), limit)
    if payload is None:
        stats.too_large += 1
        log.warning("%s: skipped, larger than the %s-byte limit (max_bytes)", target_uri, f"{limit:,}")
        return None
    if not declared and not _looks_like_html(payload):
        stats.not_html += 1
        return None
    return _Page(
        payload=payload,
        target_uri=target_uri,
        fetched=record.rec_headers.get_header("WARC-Date"),
        record_id=record.rec_headers.get_header("WARC-Record-ID"),
        content_type=content_type,
        offset=offset,
        truncated=record.rec_headers.get_header("WARC-Truncated"),
    )


HTML_FORMAT = OptionSpec("warc_html_format", str, "html", "the parser that reads the archive's web pages")
STATS = OptionSpec("warc_stats", None, None, "a WarcStats to fill in with what the archive held (Python only)")
OPTIONS = (HTML_FORMAT, STATS)
"""What the ``warc`` parser declares; the options it passes on to the page parser are checked
there."""


def _inner_options(options: Mapping[str, Any]) -> dict[str, Any]:
    # articlekit runs the enrichers once, on the article this plugin returns
    inner = {
        k: v for k, v in options.items() if k not in ("name", "registry", "base_url", "warc_stats", "warc_html_format")
    }
    inner["enrich"] = False
    return inner


def _article(page: _Page, html_format: str, options: Mapping[str, Any]) -> Article | None:
    payload, charset = transport_charset(page.payload, page.content_type)
    name = page.target_uri or "<record>"
    base_url = page.target_uri or None
    try:
        article = articlekit.parse(payload, html_format, name=name, base_url=base_url, **options)
    except ParseError as exc:
        log.warning("%s: skipped, the page cannot be read: %s", page.target_uri, exc.reason)
        return None
    except Exception as exc:  # one page must never end the archive, whatever the parser does
        log.warning(
            "%s: skipped, unexpected %s reading the page: %s (a bug in the %s parser; please report it)",
            page.target_uri,
            type(exc).__name__,
            exc,
            html_format,
        )
        return None
    warc = {
        "target_uri": page.target_uri,
        "fetched": page.fetched,
        "record_id": page.record_id,
        "content_type": page.content_type,
        "offset": page.offset,
        "truncated": page.truncated,
    }
    return attrs.evolve(
        article,
        url=article.url or page.target_uri or None,
        # articlekit fills in the archive as the origin: this plugin parsed it, from that file
        origin=Origin(charset=charset or article.origin.charset),
        extensions={**article.extensions, "warc": warc},
    )


def iter_articles(
    stream: IO[bytes], name: str, options: Mapping[str, Any], stats: WarcStats | None = None
) -> Iterator[Article]:
    """Every HTML page in a WARC or ARC file (gzipped or not, read as stored), as an article,
    one record at a time.

    Each article keeps the record's headers under ``extensions["warc"]``: ``target_uri``,
    ``fetched`` (the WARC-Date, when the page was fetched, not when it was published),
    ``record_id`` (None in ARC files), ``content_type``, ``offset`` (of the record in the
    archive) and ``truncated`` (the crawler's WARC-Truncated reason, or None).

    :param stream: the archive, a binary file.
    :param name: the archive's name, for messages.
    :param options: articlekit's options; ``max_bytes`` limits each page, ``warc_html_format``
        names the parser for pages (``html``), ``warc_stats`` is a WarcStats to fill in.
    :param stats: a WarcStats to fill in (``warc_stats`` in ``options`` otherwise).
    :raises ParseError: a truncated or corrupt archive, after the articles before the damage.
    """
    if stats is None:
        given = STATS.value(options)
        stats = given if isinstance(given, WarcStats) else WarcStats()
    limit = int(options.get("max_bytes", DEFAULT_MAX_BYTES))
    html_format: str = HTML_FORMAT.value(options)
    try:
        articlekit.get_registry().parser(html_format)
    except UnknownFormatError as exc:
        raise UnknownFormatError(f"{name}: the web pages in an archive are read by another parser: {exc}") from None
    inner = _inner_options(options)
    try:
        for page in _pages(stream, name, limit, stats):
            article = _article(page, html_format, inner)
            if article is None:
                stats.unreadable += 1
                continue
            stats.articles += 1
            yield article
    finally:
        log.info("%s: %s", name, stats.summary())
