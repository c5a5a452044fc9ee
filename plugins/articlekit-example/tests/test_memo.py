"""The example plugin's tests, through articlekit's public API only."""

from __future__ import annotations

from pathlib import Path

import pytest

import articlekit

HERE = Path(__file__).parent


def test_the_plugin_is_installed_and_articlekit_sees_it() -> None:
    registry = articlekit.get_registry()
    for table in (registry.parsers, registry.writers):
        assert table["memo"].distribution is not None
        assert table["memo"].distribution.startswith("articlekit-example ")
    assert "reading-time" in registry.enrichers


def test_a_memo_becomes_an_article() -> None:
    article = articlekit.parse(HERE / "council.memo")
    assert article.headline == "Council approves the 2027 budget"
    assert [a.name for a in article.authors] == ["Jane Doe", "John Roe"]
    assert article.published is not None and article.published.isoformat() == "2026-11-24T09:30:00+01:00"
    assert article.keywords == ("budget", "council")
    assert len(article.body) == 3
    assert article.extensions["memo"] == {"desk": "city"}
    assert article.extensions["example"] == {"reading_minutes": 1}
    assert article.origin.format == "memo"


def test_writing_a_memo_gives_back_the_same_memo() -> None:
    text = (HERE / "council.memo").read_text(encoding="utf-8")
    article = articlekit.parse(HERE / "council.memo")
    assert articlekit.dumps(article, "memo") == text


def test_a_memo_named_txt_is_claimed_by_the_detector(tmp_path: Path) -> None:
    path = tmp_path / "council.memo.txt"
    path.write_bytes((HERE / "council.memo").read_bytes().replace(b"Headline: ", b"Title: ", 1))
    document = articlekit.Document(path.read_bytes(), path.name)
    assert articlekit.detect_format(document) == "memo"
    with pytest.raises(articlekit.ParseError, match=r"council\.memo\.txt:1: a memo starts with a 'Headline:' header"):
        articlekit.parse(path)


def test_a_bad_date_is_an_error_naming_its_line() -> None:
    with pytest.raises(articlekit.ParseError, match=r"^<bytes>:2: expected an ISO 8601 date, found 'Tuesday'$"):
        articlekit.parse(b"Headline: H\nDate: Tuesday\n\nText.\n", "memo")


def test_the_reading_speed_is_a_declared_option_converted_and_checked() -> None:
    memo = b"Headline: H\n\n" + b"word " * 600 + b"\n"
    assert articlekit.parse(memo, "memo").extensions["example"] == {"reading_minutes": 3}  # 600 / 230
    # from the command line's text or from Python, the enricher gets an integer
    assert articlekit.parse(memo, "memo", words_per_minute="100").extensions["example"] == {"reading_minutes": 6}
    with pytest.raises(articlekit.OptionError, match=r"did you mean 'words_per_minute'\?"):
        articlekit.parse(memo, "memo", words_per_minut=100)
    with pytest.raises(
        articlekit.OptionError,
        match="option 'words_per_minute' of the reading-time enricher: expected an integer of at least 1, got 0",
    ):
        articlekit.parse(memo, "memo", words_per_minute=0)


def test_the_options_are_listed_by_articlekit(capsys: pytest.CaptureFixture[str]) -> None:
    from articlekit.cli import main

    assert main(["formats", "--options"]) == 0
    out = capsys.readouterr().out
    assert "reading-time enricher\n  -O words_per_minute=INT  the reading speed the reading time assumes" in out
    assert "memo writer" not in out  # it declares that it reads none
    assert main(["convert", "-", "--from", "memo", "-O", "words_per_minte=100"]) == 2
    assert "did you mean 'words_per_minute'?" in capsys.readouterr().err
