"""Reading archives: which records become articles, what is kept from the WARC headers, what
is skipped and counted, and what a damaged archive does. Pages are read by a tiny test parser
(see warc_helpers.py), so these tests do not depend on the html parser."""

from __future__ import annotations

import gzip
import io
import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from articlekit_warc import WarcStats
from warc_helpers import Record, page, write_arc

import articlekit
from articlekit import ParseError

MIXED = [
    Record("https://example.org/news/one", page("One", "First story.")),
    Record("https://example.org/news/one", kind="request"),
    Record("https://example.org/missing", page("Gone", "Not here."), status="404 Not Found"),
    Record("https://example.org/moved", b"", status="301 Moved Permanently", content_type=None),
    Record("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
    Record("https://example.org/feed.json", b'{"a": 1}', content_type="application/json"),
    Record("https://example.org/news/two", page("Two", "Second story.", "More."), content_type=None),
    Record("https://example.org/robots.txt", b"User-agent: *", content_type=None),
    Record("dns:example.org", b"20261124 example.org. 300 IN A 93.184.216.34", kind="dns"),
    Record("https://example.org/news/one", kind="revisit"),
    Record("https://example.org/xhtml", page("Three", "Third."), content_type="application/xhtml+xml"),
]


def _parse(path: Path, options: dict[str, Any], **more: Any) -> tuple[list[articlekit.Article], WarcStats]:
    stats = WarcStats()
    articles = list(articlekit.parse_all(path, warc_stats=stats, **options, **more))
    return articles, stats


@pytest.mark.parametrize("name", ["archive.warc.gz", "archive.warc"])
def test_html_responses_become_articles_and_the_rest_is_counted(
    warc_file: Callable[..., Path], page_parser: dict[str, Any], name: str
) -> None:
    path = warc_file(MIXED, name)
    articles, stats = _parse(path, page_parser)
    assert [a.headline for a in articles] == ["One", "Two", "Three"]
    assert [a.body[0].text for a in articles] == ["First story.", "Second story.", "Third."]
    assert stats == WarcStats(
        records=12, articles=3, not_response=3, not_http=1, not_ok=2, not_html=3, too_large=0, unreadable=0
    )
    assert stats.skipped == 9
    assert stats.summary() == (
        "12 records: 3 articles; skipped 3 not responses, 1 not HTTP, 2 not status 200, 3 not HTML"
    )


def test_each_article_keeps_the_record_headers_apart_from_its_own_dates(
    warc_file: Callable[..., Path], page_parser: dict[str, Any]
) -> None:
    path = warc_file(MIXED)
    articles, _stats = _parse(path, page_parser)
    first = articles[0]
    warc = first.extensions["warc"]
    assert warc["target_uri"] == "https://example.org/news/one"
    assert warc["record_id"].startswith("<urn:uuid:")
    assert warc["fetched"].endswith("Z") and warc["fetched"][:2] == "20"
    assert warc["content_type"] == "text/html; charset=utf-8"
    assert isinstance(warc["offset"], int) and warc["offset"] > 0  # the warcinfo record comes first
    assert first.published is None  # the fetch date is not a publication date
    assert first.url == "https://example.org/news/one"
    assert first.origin.format == "warc"
    assert first.origin.parser == "warc"
    assert first.origin.file == str(path)
    offsets = [a.extensions["warc"]["offset"] for a in articles]
    assert offsets == sorted(offsets) and len(set(offsets)) == 3
    ids = {a.extensions["warc"]["record_id"] for a in articles}
    assert len(ids) == 3


def test_the_offset_points_at_the_record_so_it_can_be_read_again(
    warc_file: Callable[..., Path], page_parser: dict[str, Any]
) -> None:
    path = warc_file(MIXED)
    articles, _stats = _parse(path, page_parser)
    data = path.read_bytes()
    for article in articles:
        offset = article.extensions["warc"]["offset"]
        again = list(articlekit.parse_all(io.BytesIO(data[offset:]), "warc", name="tail", **page_parser))
        assert again[0].headline == article.headline


def test_detected_from_content_and_name_and_read_from_bytes_and_open_files(
    warc_file: Callable[..., Path], page_parser: dict[str, Any]
) -> None:
    path = warc_file(MIXED)
    assert articlekit.detect_format(articlekit.Document(gzip.decompress(path.read_bytes()), "x")) == "warc"
    from_bytes = list(articlekit.parse_all(path.read_bytes(), **page_parser))
    with path.open("rb") as fh:
        from_file = list(articlekit.parse_all(fh, **page_parser))
    assert [a.headline for a in from_bytes] == [a.headline for a in from_file] == ["One", "Two", "Three"]


def test_content_encoding_and_chunking_are_taken_off(
    warc_file: Callable[..., Path], page_parser: dict[str, Any]
) -> None:
    html = page("Zipped", "Sent compressed.")
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (html[:40], html[40:])) + b"0\r\n\r\n"
    path = warc_file(
        [
            Record("https://example.org/gz", gzip.compress(html), headers=[("Content-Encoding", "gzip")]),
            Record("https://example.org/chunked", chunked, headers=[("Transfer-Encoding", "chunked")]),
        ]
    )
    articles, stats = _parse(path, page_parser)
    assert [a.headline for a in articles] == ["Zipped", "Zipped"]
    assert stats.articles == 2


def test_a_page_over_the_size_limit_is_skipped_and_counted(
    warc_file: Callable[..., Path], page_parser: dict[str, Any]
) -> None:
    path = warc_file(
        [Record("https://example.org/big", page("Big", "x" * 5000)), Record("https://example.org/s", page("S", "y"))]
    )
    articles, stats = _parse(path, page_parser, max_bytes=1000)
    assert [a.headline for a in articles] == ["S"]
    assert (stats.too_large, stats.articles) == (1, 1)


def test_a_page_the_html_parser_refuses_is_skipped_and_counted(
    warc_file: Callable[..., Path], page_parser: dict[str, Any]
) -> None:
    path = warc_file([Record("https://example.org/empty", b"<html><body></body></html>"), MIXED[0]])
    articles, stats = _parse(path, page_parser)
    assert [a.headline for a in articles] == ["One"]
    assert (stats.unreadable, stats.articles, stats.records) == (1, 1, 3)


@pytest.mark.parametrize("name", ["archive.warc.gz", "archive.warc"])
@pytest.mark.parametrize("inside", [3, 9])
def test_a_truncated_archive_yields_what_it_could_read_then_a_clear_error(
    warc_file: Callable[..., Path], page_parser: dict[str, Any], name: str, inside: int
) -> None:
    records = [Record(f"https://example.org/{i}", page(f"Story {i}", "text " * 400)) for i in range(10)]
    whole = warc_file(records, name)
    data = whole.read_bytes()
    offsets = [a.extensions["warc"]["offset"] for a in articlekit.parse_all(whole, **page_parser)] + [len(data)]
    cut = whole.with_name("cut-" + name)
    cut.write_bytes(data[: (offsets[inside] + offsets[inside + 1]) // 2])  # in the middle of a record
    read: list[str] = []
    with pytest.raises(ParseError) as caught:
        for article in articlekit.parse_all(cut, **page_parser):
            read.append(article.headline)
    assert read == [f"Story {i}" for i in range(inside)]
    message = str(caught.value)
    assert message.startswith(f"{cut} at offset {offsets[inside]}: truncated WARC: ")
    assert f"the archive ends inside record {inside + 2} " in message  # the warcinfo record is the first
    assert f"the {inside} articles before it were read" in message


def test_an_archive_cut_inside_a_record_header_is_an_error_too(
    warc_file: Callable[..., Path], page_parser: dict[str, Any]
) -> None:
    whole = warc_file(MIXED[:1] * 3, "archive.warc", warcinfo=False)
    data = whole.read_bytes()
    third = data.index(b"WARC/1", data.index(b"WARC/1", 10) + 10)
    cut = whole.with_name("cut.warc")
    cut.write_bytes(data[: third + 30])
    read: list[str] = []
    with pytest.raises(ParseError, match="truncated WARC") as caught:
        read.extend(a.headline for a in articlekit.parse_all(cut, **page_parser))
    assert read == ["One", "One"]
    assert "record 3" in str(caught.value)


def test_something_else_named_as_warc_is_refused_plainly(tmp_path: Path, page_parser: dict[str, Any]) -> None:
    path = tmp_path / "notes.warc"
    path.write_bytes(b"<html><title>not an archive</title></html>")
    with pytest.raises(ParseError, match=r"notes\.warc: not a readable WARC file"):
        list(articlekit.parse_all(path, "warc", **page_parser))


def test_an_empty_archive_holds_no_article(tmp_path: Path, page_parser: dict[str, Any]) -> None:
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    assert list(articlekit.parse_all(path, "warc", **page_parser)) == []


def _peak_memory(path: Path, options: dict[str, Any]) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for _ in articlekit.parse_all(path, **options))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_archive(warc_file: Callable[..., Path], page_parser: dict[str, Any]) -> None:
    def archive(n: int) -> Path:
        body = "word " * 4000  # 20 KB a page
        return warc_file([Record(f"https://example.org/{i}", page(f"S{i}", body)) for i in range(n)], f"a{n}.warc.gz")

    small, large = archive(20), archive(400)
    assert large.stat().st_size > 10 * small.stat().st_size
    count_small, peak_small = _peak_memory(small, page_parser)
    count_large, peak_large = _peak_memory(large, page_parser)
    assert (count_small, count_large) == (20, 400)
    # reading all 400 pages into memory would take 8 MB; one record at a time stays flat
    assert peak_large < peak_small * 1.5 + 256 * 1024, (peak_small, peak_large)


def test_a_page_the_crawler_cut_short_says_so(warc_file: Callable[..., Path], page_parser: dict[str, Any]) -> None:
    path = warc_file(
        [Record("https://example.org/long", page("Long", "Start."), warc_headers={"WARC-Truncated": "length"})]
    )
    articles, _stats = _parse(path, page_parser)
    assert articles[0].extensions["warc"]["truncated"] == "length"
    articles, _stats = _parse(warc_file(MIXED[:1], "other.warc"), page_parser)
    assert articles[0].extensions["warc"]["truncated"] is None


def test_a_page_whose_content_encoding_is_corrupt_is_skipped_and_the_archive_goes_on(
    warc_file: Callable[..., Path], page_parser: dict[str, Any]
) -> None:
    noise = bytes(random.Random(7).getrandbits(8) for _ in range(200_000))  # does not compress: many blocks
    body = bytearray(gzip.compress(page("Noisy", noise.hex())))
    body[len(body) // 2 : len(body) // 2 + 64] = b"\xff" * 64
    path = warc_file([Record("https://example.org/bad", bytes(body), headers=[("Content-Encoding", "gzip")]), MIXED[0]])
    articles, stats = _parse(path, page_parser)
    assert [a.headline for a in articles] == ["One"]
    assert (stats.unreadable, stats.articles) == (1, 1)


@pytest.mark.parametrize("name", ["archive.warc.gz", "archive.warc"])
def test_damaged_archives_give_articles_or_a_parse_error_never_a_crash(
    warc_file: Callable[..., Path], page_parser: dict[str, Any], name: str
) -> None:
    data = warc_file(MIXED, name).read_bytes()
    rng = random.Random(name)
    for _ in range(300):
        damaged = bytearray(data)
        for _flip in range(rng.randint(1, 8)):
            position = rng.randrange(len(damaged))
            damaged[position : position + rng.randint(1, 16)] = rng.randbytes(rng.randint(0, 16))
        if rng.random() < 0.3:
            del damaged[rng.randrange(len(damaged)) :]
        try:
            for article in articlekit.parse_all(io.BytesIO(bytes(damaged)), "warc", name=name, **page_parser):
                assert "target_uri" in article.extensions["warc"]
        except ParseError:
            pass


@pytest.mark.parametrize("name", ["old.arc", "old.arc.gz"])
def test_arc_files_the_older_format_are_read_too(tmp_path: Path, page_parser: dict[str, Any], name: str) -> None:
    path = write_arc(
        tmp_path / name,
        [
            ("http://example.org/2006/a", "20061124120000", page("Old news", "From 2006.")),
            ("http://example.org/2006/b", "20061125093000", page("Older news", "Also 2006.")),
        ],
    )
    assert (
        articlekit.detect_format(
            articlekit.Document(gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes(), "x")
        )
        == "warc"
    )
    articles, stats = _parse(path, page_parser)
    assert [a.headline for a in articles] == ["Old news", "Older news"]
    assert (stats.records, stats.not_response) == (3, 1)
    first = articles[0].extensions["warc"]
    assert first["target_uri"] == "http://example.org/2006/a"
    assert first["fetched"] == "2006-11-24T12:00:00Z"
    assert first["record_id"] is None  # ARC records have none
    cut = tmp_path / f"cut-{name}"
    cut.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(ParseError, match="truncated WARC"):
        list(articlekit.parse_all(cut, **page_parser))


def test_warcio_notices_go_through_logging_not_stderr(
    tmp_path: Path, page_parser: dict[str, Any], capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from warc_helpers import write_warc

    path = write_warc(
        tmp_path / "loose.warc",
        [
            Record("https://example.org/a b", page("One", "First.")),
            Record("https://example.org/c", page("Two", "Second.")),
        ],
    )
    data = path.read_bytes()
    second = data.rindex(b"WARC/1.0")
    # stray bytes after a record's declared length: warcio skips the line, reads on, and would
    # print a notice on stderr itself
    path.write_bytes(data[: second - 4] + b"stray" + data[second - 4 :])
    with caplog.at_level("WARNING", logger="articlekit.warc"):
        articles, _stats = _parse(path, page_parser)
    assert [a.headline for a in articles] == ["One", "Two"]
    assert capfd.readouterr().err == ""
    assert "not followed by the blank lines" in caplog.text
