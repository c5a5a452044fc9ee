"""One bad record never ends the archive (issue 15): a charset no codec reads, a lone surrogate
in a page's JSON-LD, a page parser that fails unexpectedly; and an archive cut inside a gzip
member's trailer is an error, after the records it holds."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from articlekit_warc import WarcStats
from warc_helpers import Record, page, require_html

import articlekit
from articlekit import Article, Document, ParseError, ParserSpec, hookimpl
from articlekit.cli import main

GOOD = [Record(f"https://example.org/news/{n}", page(f"Story {n}", f"The {n} story.")) for n in ("one", "two")]


def _parse(path: Path, **options: Any) -> tuple[list[Article], WarcStats]:
    stats = WarcStats()
    return list(articlekit.parse_all(path, warc_stats=stats, **options)), stats


@pytest.mark.parametrize("charset", ["x-no-such-charset", "rot13", "base64", "zlib"])
def test_a_record_whose_charset_no_codec_reads_does_not_end_the_archive(
    warc_file: Callable[..., Path], page_parser: dict[str, Any], charset: str
) -> None:
    odd = Record("https://example.org/odd", page("Odd", "Odd story."), content_type=f"text/html; charset={charset}")
    articles, stats = _parse(warc_file([GOOD[0], odd, GOOD[1]]), **page_parser)
    assert [a.headline for a in articles] == ["Story one", "Odd", "Story two"]
    assert stats.articles == 3


def test_a_lone_surrogate_in_json_ld_is_repaired_and_the_archive_goes_on(
    warc_file: Callable[..., Path], recwarn: pytest.WarningsRecorder
) -> None:
    require_html()
    ld = (
        b'<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cut \\ud83d"}'
        b"</script></head><body><p>The body of a story long enough to be read as one.</p></body></html>"
    )
    records = [GOOD[0], Record("https://example.org/ld", ld), GOOD[1]]
    articles, stats = _parse(warc_file(records))
    assert stats.articles == 3
    assert articles[1].headline == "Cut \ufffd"
    for article in articles:
        articlekit.dumps(article, "jsonl").encode("utf-8")  # nothing left that cannot be encoded
    assert any("https://example.org/ld: a lone surrogate" in str(w.message) for w in recwarn)


def _fragile(document: Document, options: Mapping[str, Any]) -> Iterator[Article]:
    if b"boom" in document.data:
        raise KeyError("a bug")
    yield Article(headline=document.data.split(b"<title>")[1].split(b"<")[0].decode())


class FragilePlugin:
    @staticmethod
    @hookimpl
    def articlekit_parsers() -> Sequence[ParserSpec]:
        return [ParserSpec("warc-test-fragile", parse=_fragile, description="fails on 'boom'")]


def test_a_page_parser_failing_unexpectedly_costs_that_record_only(
    warc_file: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    name = articlekit.register_plugin(FragilePlugin(), name="articlekit-warc-test-fragile")
    try:
        records = [GOOD[0], Record("https://example.org/boom", page("Boom", "boom")), GOOD[1]]
        with caplog.at_level(logging.WARNING, logger="articlekit.warc"):
            articles, stats = _parse(warc_file(records), warc_html_format="warc-test-fragile", enrich=False)
    finally:
        articlekit.unregister_plugin(name)
    assert [a.headline for a in articles] == ["Story one", "Story two"]
    assert (stats.articles, stats.unreadable) == (2, 1)
    assert "https://example.org/boom: skipped, unexpected KeyError" in caplog.text


@pytest.mark.parametrize("cut", [1, 4, 8])
def test_an_archive_cut_inside_a_gzip_trailer_is_an_error_after_its_records(
    warc_file: Callable[..., Path],
    page_parser: dict[str, Any],
    cut: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    whole = warc_file([*GOOD, GOOD[0]])
    damaged = tmp_path / "cut.warc.gz"
    damaged.write_bytes(whole.read_bytes()[:-cut])
    read: list[str] = []
    with pytest.raises(ParseError, match="ends inside the gzip trailer of record 4, which was read whole") as caught:
        read.extend(a.headline for a in articlekit.parse_all(damaged, **page_parser))
    assert read == ["Story one", "Story two", "Story one"]
    assert str(caught.value).startswith(f"{damaged} at offset ")
    assert list(articlekit.parse_all(whole, **page_parser))  # the whole archive is no error


def test_the_command_line_keeps_the_records_and_exits_1(
    warc_file: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_html()
    whole = warc_file(GOOD)
    damaged = tmp_path / "cut.warc.gz"
    damaged.write_bytes(whole.read_bytes()[:-3])
    code = main(["convert", str(damaged), "-o", str(tmp_path / "out") + "/"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "gzip trailer" in err and "(after 2 articles, which are kept)" in err
    assert len(list((tmp_path / "out").glob("*.json"))) == 2  # beside the resume manifest
