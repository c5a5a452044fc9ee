from __future__ import annotations

import gzip
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import articlekit
from articlekit.errors import ArticlekitError, ParseError, UnknownFormatError, WriteError

DOC = {"schema": "articlekit/1", "headline": "Hello", "published": "2025-11-28T12:44:00"}


def test_parse_accepts_text_bytes_paths_and_files(tmp_path: Path) -> None:
    text = json.dumps(DOC)
    path = tmp_path / "a.json"
    path.write_text(text)
    for source in (text, text.encode(), path, io.BytesIO(text.encode())):
        assert articlekit.parse(source).headline == "Hello"


def test_gzip_is_transparent(tmp_path: Path) -> None:
    path = tmp_path / "a.json.gz"
    path.write_bytes(gzip.compress(json.dumps(DOC).encode()))
    article = articlekit.parse(path)
    assert article.headline == "Hello"


def test_truncated_gzip_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "a.json.gz"
    path.write_bytes(gzip.compress(json.dumps(DOC).encode() * 50)[:40])
    with pytest.raises(ParseError, match=r"a\.json\.gz: truncated gzip"):
        articlekit.parse(path)


def test_size_limit(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="larger than the 10-byte limit"):
        articlekit.parse(json.dumps(DOC), max_bytes=10)
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b" " * 5_000_000))
    with pytest.raises(ParseError, match="limit"):
        articlekit.parse(bomb, max_bytes=1_000_000)


def test_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"missing\.json: cannot read"):
        articlekit.parse(tmp_path / "missing.json")


def test_unknown_formats() -> None:
    with pytest.raises(UnknownFormatError, match=r"known input formats: .*json"):
        articlekit.parse(json.dumps(DOC), "nonesuch")
    with pytest.raises(UnknownFormatError, match="known output formats"):
        articlekit.dumps(articlekit.Article(), "nonesuch")


def test_bad_json_names_line_and_column() -> None:
    with pytest.raises(ParseError) as info:
        articlekit.parse('{"schema": "articlekit/1",\n "headline": }', "json", name="x.json")
    assert info.value.file == "x.json"
    assert info.value.line == 2
    assert str(info.value).startswith("x.json:2:")


def test_invalid_document_names_the_field() -> None:
    bad = dict(DOC, body=[{"type": "paragraph"}])
    with pytest.raises(ParseError, match="body"):
        articlekit.parse(json.dumps(bad), "json")
    with pytest.raises(ParseError, match="unknown block type 'poem'"):
        articlekit.parse(json.dumps(dict(DOC, body=[{"type": "poem", "text": "x"}])), "json")


def test_tz_localises_naive_dates_only() -> None:
    from articlekit.formats import json as json_format

    naive = articlekit.Article(headline="x", published=datetime(2025, 11, 28, 12, 44))
    aware = datetime(2025, 11, 28, 12, 44, tzinfo=timezone(timedelta(hours=3)))
    spec = articlekit.ParserSpec(
        name="testfmt",
        parse=lambda doc, opts: [naive, articlekit.Article(headline="y", published=aware)],
    )

    class Plugin:
        @articlekit.hookimpl
        def articlekit_parsers(self) -> list[articlekit.ParserSpec]:
            return [spec]

    articlekit.register_plugin(Plugin(), "tz-test")
    try:
        first, second = articlekit.parse_all(b"x", "testfmt", tz="Europe/Berlin")
        assert first.published is not None and first.published.utcoffset() == timedelta(hours=1)
        assert second.published == aware and second.published.utcoffset() == timedelta(hours=3)
        unchanged = articlekit.parse(b"x", "testfmt")
        assert unchanged.published is not None and unchanged.published.tzinfo is None
        assert unchanged.origin.format == "testfmt" and unchanged.origin.parser == "tz-test"
        with pytest.raises(ArticlekitError, match="unknown time zone"):
            articlekit.parse(b"x", "testfmt", tz="Mars/Olympus")
    finally:
        articlekit.unregister_plugin("tz-test")
    assert json_format  # the built-in module stays importable


def test_naive_datetimes_are_written_without_offset() -> None:
    out = json.loads(articlekit.dumps(articlekit.Article(published=datetime(2025, 11, 28, 12, 44)), "json"))
    assert out["published"] == "2025-11-28T12:44:00"


def test_convert_writes_atomically_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.json"
    result = articlekit.convert(json.dumps(DOC), "json", target)
    assert isinstance(result, str)
    assert json.loads(target.read_text())["headline"] == "Hello"
    with pytest.raises(WriteError, match="exists"):
        articlekit.convert(json.dumps(DOC), "json", target)
    articlekit.convert(json.dumps(dict(DOC, headline="Again")), "json", target, force=True)
    assert json.loads(target.read_text())["headline"] == "Again"
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def test_convert_gathers_many_articles_only_into_multi_article_formats() -> None:
    two = json.dumps([DOC, dict(DOC, headline="Two")])
    lines = articlekit.convert(two, "jsonl")
    assert isinstance(lines, bytes)
    assert [json.loads(line)["headline"] for line in lines.splitlines()] == ["Hello", "Two"]
    with pytest.raises(ArticlekitError, match="holds 2 articles"):
        articlekit.convert(two, "json")


def test_jsonl_reads_back() -> None:
    two = json.dumps([DOC, dict(DOC, headline="Two")])
    lines = articlekit.convert(two, "jsonl")
    assert [a.headline for a in articlekit.parse_all(lines, "json")] == ["Hello", "Two"]


def test_detection_prefers_content_over_name() -> None:
    document = articlekit.Document(json.dumps(DOC).encode(), "story.txt")
    assert articlekit.detect_format(document) == "json"


def test_weak_content_matches_yield_to_the_extension() -> None:
    from articlekit.detect import articlekit_detect_format

    def spec(name: str, confidence: float, ext: str) -> articlekit.ParserSpec:
        return articlekit.ParserSpec(name=name, parse=lambda d, o: [], sniff=lambda h, n: confidence, extensions=(ext,))

    weak, owner, strong = spec("weak", 0.1, ".txt"), spec("owner", 0.0, ".bug"), spec("strong", 0.9, ".xml")
    assert articlekit_detect_format(b"x", "a.bug", [weak, owner]) == "owner"
    assert articlekit_detect_format(b"x", "a.csv", [weak, owner]) == "weak"
    assert articlekit_detect_format(b"x", "a.bug", [weak, owner, strong]) == "strong"
    assert articlekit_detect_format(b"x", "a.csv", [owner]) is None
