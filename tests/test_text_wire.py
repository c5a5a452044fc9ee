"""IPTC 7901 and ANPA 1312 wire copy: the real samples in shared/formats/wire-text (read there,
never copied) and envelopes built in the test."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import articlekit
from articlekit.formats.text.wire import is_wire, read_wire
from articlekit.model import Contributor, Paragraph, Place, Subject
from tests.conftest import require_shared

SAMPLES = ("formats", "wire-text", "superdesk_AGPL")


def sample(name: str) -> articlekit.Article:
    path = require_shared(*SAMPLES, name)
    return articlekit.parse(path, "text", enrich=False)


@pytest.mark.shared
def test_every_wire_sample_parses_and_is_detected() -> None:
    folder = require_shared(*SAMPLES)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    assert len(files) >= 10
    for path in files:
        article = articlekit.parse(path, enrich=False)  # detected from content
        assert article.origin.format == "text", path.name
        assert article.headline, path.name
        assert article.body, path.name
        assert article.extensions["text"]["wire"] in ("IPTC 7901", "ANPA 1312"), path.name
        assert article.published is not None, path.name
        for block in article.body:
            assert not any(ord(c) < 32 and c not in "\t\n" for c in block.text), f"{path.name}: control character left"


@pytest.mark.shared
def test_iptc7901_dpa() -> None:
    article = sample("IPTC7901.txt")
    assert article.headline == "Germany Social Democrats: Coalition talks with Merkel could fail"
    assert article.priority == 4
    assert article.slug == "Germany-politics"
    assert article.keywords == ("Germany-politics",)
    assert article.subjects == (Subject("i", code="i", scheme="iptc7901-category"),)
    assert article.published == datetime(2013, 11, 13, 11, 37, tzinfo=timezone.utc)
    assert article.datelines == (Place("Berlin"),)
    assert article.provider == "dpa"
    assert article.body[0] == Paragraph(
        "Negotiations between German conservatives headed by Chancellor Angela Merkel and the left-leaning Social "
        "Democrats (SPD) on forming a coalition government could fail, a senior SPD member warned Wednesday."
    )
    # the editors' notebook is not body text, but its credits are kept
    assert not any("Notebook" in b.text or "Tel:" in b.text for b in article.body)
    assert Contributor("Wolfgang Schmidt", role="reporting") in article.authors
    assert article.extensions["text"]["word_count"] == 211


@pytest.mark.shared
def test_iptc7901_versions_bylines_and_latin1() -> None:
    article = sample("IPTC7901_odd_charset.txt")
    assert article.headline == "German football saddened by illness to striker legend Mueller"
    assert article.authors[0] == Contributor("Manuel Schwarz", affiliation="dpa")
    assert article.extensions["text"]["version"] == "1ST LEAD"
    assert article.keywords == ("Germany-football", "Munich", "Mueller")
    assert article.origin.charset == "cp1252"
    assert any("Thomas Müller" in b.text for b in article.body)
    four = sample("dpa_four_line.txt")
    assert four.extensions["text"]["version"] == "REFILE / 1ST LEAD"
    assert four.authors[0] == Contributor("dpa correspondents", kind="organisation")


@pytest.mark.shared
def test_anpa1312_ap() -> None:
    article = sample("anpa-1.tst")
    assert article.headline == "For Argentine chemo patients, mirrors can hurt"
    assert article.priority == 1  # "f", flash
    assert article.slug == "Argentina-Cancer Beauty"
    assert article.section == "LT"
    assert article.authors == (
        Contributor("PAUL BYRNE", affiliation="Associated Press"),
        Contributor("ALMUDENA CALATRAVA", affiliation="Associated Press"),
    )
    assert article.datelines == (Place("BUENOS AIRES", country="Argentina"),)
    assert article.provider == "AP"
    assert article.published == datetime(2013, 11, 13, 15, 9, tzinfo=timezone.utc)
    # ANPA's 7-bit quotes are decoded
    assert article.body[1].text.startswith("“Look Good Feel Better” is a program")
    assert article.extensions["text"]["notes"] == ["Eds: With AP Photos."]


@pytest.mark.shared
def test_anpa1312_summary_title_and_takes() -> None:
    article = sample("ap_anpa-1.tst")
    assert article.summary is not None and article.summary.startswith("Luol Deng scored 30 points")
    assert article.authors == (Contributor("CHARLES ODUM", title="AP Sports Writer"),)
    assert article.extensions["text"]["version"] == "1st Ld-Writethru"
    four = sample("ap_anpa-4.tst")
    assert Contributor("Gillian Wong", role="contributing", affiliation="AP") in four.authors


def test_a_built_envelope_with_a_take_number() -> None:
    data = (
        "\x01xyz0042 1 s 120\r\n\r\nFootball/Cup/\r\n2. Take\r\n\x02Late goal sends Lions into the final =\r\n\r\n"
        "   Leeds (XYZ) - A goal in added time sent the Lions into the cup final on Saturday.\r\n"
        "\x03301845 UTC Nov 25\r\n\x04"
    )
    copy = read_wire(data)
    assert copy is not None and is_wire(data)
    assert copy.info["take"] == 2
    assert copy.priority == 1
    article = articlekit.parse(data.encode("ascii"), enrich=False)
    assert article.headline == "Late goal sends Lions into the final"
    assert article.published == datetime(2025, 11, 30, 18, 45, tzinfo=timezone.utc)
    assert article.body == (Paragraph("A goal in added time sent the Lions into the cup final on Saturday."),)
    assert article.provider == "XYZ"


def test_plain_text_is_not_wire() -> None:
    assert read_wire("Headline\n\nBody\n") is None
    assert not is_wire("\x01 no start of text here")


def test_seed_wire_copy_round_trips_through_json(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    for name in ("009_iptc7901_dpa.txt", "010_anpa1312_ap.txt"):
        article = articlekit.parse(root / "seeds" / name, enrich=False)
        assert articlekit.parse(articlekit.dumps(article, "json"), "json") == article


@pytest.mark.shared
def test_a_capture_of_several_messages_gives_one_article_each() -> None:
    folder = require_shared(*SAMPLES)
    names = ("IPTC7901.txt", "anpa-1.tst", "dpa_two_line.txt")
    data = b"".join((folder / name).read_bytes() for name in names)
    articles = list(articlekit.parse_all(data, enrich=False))
    assert [a.headline for a in articles] == [sample(name).headline for name in names]
    assert [a.extensions["text"]["wire"] for a in articles] == ["IPTC 7901", "ANPA 1312", "IPTC 7901"]


def test_an_iptc_headline_over_two_lines() -> None:
    data = (
        "\x01abc0001 4 i 50\r\n\r\nTopic/\r\n\x02Germany Social Democrats:\r\nCoalition talks could fail =\r\n"
        "By Jane Doe, dpa =\r\n\r\n   Berlin (dpa) - Talks could fail, a member warned.\r\n"
        "\x03131137 GMT Nov 13\r\n\x04"
    )
    article = articlekit.parse(data.encode("ascii"), "text", enrich=False)
    assert article.headline == "Germany Social Democrats: Coalition talks could fail"
    assert article.authors == (Contributor("Jane Doe", affiliation="dpa"),)
