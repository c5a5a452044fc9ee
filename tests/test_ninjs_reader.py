"""The ``ninjs`` parser: every shared example (1.x, 2.x, 3.x), version detection, the mapping
and a round trip through the ninjs writer."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import articlekit
from articlekit.errors import ParseError
from articlekit.formats.ninjs.reader import detect_version
from articlekit.model import MediaRef
from tests.conftest import require_shared
from tests.test_industry_outputs import direct_quote_pieces

SCHEMAS = {"extension-schema.json"}  # a JSON Schema kept beside the examples, not a news item


def test_every_shared_example_parses_and_its_version_is_detected() -> None:
    folder = require_shared("formats", "ninjs", "examples")
    files = sorted(folder.rglob("*.json"))
    assert len(files) >= 60
    for path in files:
        if path.name in SCHEMAS:
            with pytest.raises(ParseError, match="JSON Schema"):
                list(articlekit.parse_all(path, format="ninjs"))
            continue
        articles = list(articlekit.parse_all(path))
        assert articles, path
        assert all(a.origin.format == "ninjs" for a in articles), path
        version = articles[0].extensions["ninjs"]["version"]
        folder_version = next(part for part in path.parts if part[:1].isdigit() or part == "not-valid")[:1]
        if path.name == "002_renditions_example.json" and folder_version != "1":
            # only uri, bodies and renditions: 2.x and 3.x share those keys
            assert version in ("2", "3"), path
        elif folder_version in ("1", "2", "3"):
            assert version == folder_version, path
        if "not-valid" not in path.parts:  # the invalid example has an id and dates only
            assert all(a.headline or a.media or a.paragraphs for a in articles), path


def _example(*parts: str) -> articlekit.Article:
    return articlekit.parse(require_shared("formats", "ninjs", "examples", *parts))


def test_version_1_text_with_xhtml_body() -> None:
    article = _example("1.4", "ninjsExMediumText1.json")
    assert article.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert article.published == datetime(2013, 7, 9, 10, 37, tzinfo=timezone.utc)
    assert [a.name for a in article.authors] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert len(article.paragraphs) == 4
    assert (article.datelines[0].name, article.datelines[0].country) == ("Grossetto", "Italy")
    assert article.language == "en"
    mentions = article.extensions["ninjs"]["mentions"]
    assert {"kind": "person", "name": "Francesco Schettino", "rel": "about"}.items() <= mentions[0].items()


def test_version_3_dpa_text() -> None:
    article = _example("3.0", "dpa_text.json")
    assert article.extensions["ninjs"]["version"] == "3"
    assert article.headline == "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    assert article.published == datetime(2019, 5, 10, 16, 2, 28, tzinfo=timezone(timedelta(hours=2)))
    assert [(a.name, a.affiliation) for a in article.authors] == [("Christian Hollmann", "dpa")]
    assert article.provider == "dpa"
    assert article.priority == 4
    assert article.language == "de"
    assert len(article.paragraphs) == 9
    assert article.paragraphs[0].text.startswith("Für Lucien Favre war es «der größte Skandal")
    assert article.extensions["provenance"]["published"] == "versionCreated"


def test_version_2_ntb_story_in_a_text_description() -> None:
    article = _example("2.1", "ntb_text.json")
    assert article.extensions["ninjs"]["version"] == "2"
    assert article.headline == "Google har kjøpt giganttomt i Skien"
    assert article.published == datetime(2019, 8, 9, 9, 30, 4, tzinfo=timezone.utc)  # firstcreated
    assert article.updated == datetime(2019, 8, 9, 9, 46, 53, tzinfo=timezone.utc)  # versioncreated
    assert article.paragraphs[0].text.startswith("IT-giganten Google har kjøpt en tomt")
    assert len(article.paragraphs) == 1
    assert [a.name for a in article.authors] == ["NTB"]
    assert article.slug == "skien-google"
    assert article.priority == 5


def test_text_with_associated_picture_and_picture_item() -> None:
    article = _example("3.0", "tt_text_image_3.json")
    assert article.media[0].url is not None and article.media[0].url.endswith("a001_NormalHires.jpg")
    assert article.media[0].credit == "Karl Melander/TT"
    assert article.media[0].caption is not None and article.media[0].caption.startswith("En stor internationell")
    assert all(b.media < len(article.media) for b in article.body if isinstance(b, MediaRef))
    picture = _example("3.0", "ap_image.json")
    assert picture.extensions["ninjs"]["type"] == "picture"
    assert picture.media[0].kind == "image" and picture.media[0].width == 3000
    assert picture.paragraphs == ()


def test_collection_gives_one_article_per_item() -> None:
    path = require_shared("formats", "ninjs", "examples", "3.0", "collection", "20231016-event-timeline-sample.json")
    assert len(list(articlekit.parse_all(path))) == 14


@pytest.mark.parametrize(
    ("item", "version"),
    [
        ({"uri": "x", "headline": "h", "body_html": "<p>b</p>"}, "1"),
        ({"uri": "x", "headlines": [{"value": "h"}], "versioncreated": "2020-01-01T00:00:00Z"}, "2"),
        ({"uri": "x", "headlines": [{"value": "h"}], "versionCreated": "2020-01-01T00:00:00Z"}, "3"),
        ({"uri": "x", "standard": {"name": "ninjs", "version": "2.1"}, "altIds": []}, "2"),
    ],
)
def test_detect_version(item: dict[str, object], version: str) -> None:
    assert detect_version(item) == version


def test_quotes_come_out_of_ninjs_bodies_and_a_writer_round_trip_keeps_the_text() -> None:
    item = {
        "uri": "urn:example:1",
        "type": "text",
        "headlines": [{"role": "main", "value": "Minister speaks"}, {"role": "sub", "value": "A deck"}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": '<p>"We are ready," Jane Doe said.</p>'}],
        "versionCreated": "2025-11-28T10:00:00Z",
        "by": "Ann Writer",
        "keywords": ["politics"],
    }
    article = articlekit.parse(json.dumps(item))
    assert article.origin.format == "ninjs"
    assert (article.headline, article.subheadline, article.keywords) == ("Minister speaks", "A deck", ("politics",))
    assert article.quotes and article.quotes[0].text == "We are ready"
    again = articlekit.parse(articlekit.dumps(article, "ninjs"), format="ninjs")
    assert again.headline == article.headline
    assert [p.text for p in again.paragraphs] == [p.text for p in article.paragraphs]
    assert again.published == article.published


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[1, 2]", "expected an object"),
        ('{"foo": 1}', "expected keys such as"),
        ('{"uri": ', "not valid JSON"),
        ('{"uri": "x", "headlines": [{"value": 3}], "bodies": "nope"}', ""),
    ],
)
def test_bad_documents(data: str, message: str) -> None:
    if not message:
        # odd types are ignored, not fatal
        assert articlekit.parse(data, format="ninjs").headline == "3"
        return
    with pytest.raises(ParseError, match=message):
        articlekit.parse(data, format="ninjs")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"uri": "u", "headline": "h", "body_html": "<p>x</p>"}', "ninjs"),
        (b'[{"uri": "u", "headlines": [{"value": "h"}]}]', "ninjs"),
        (b'{"standard": {"name": "ninjs", "version": "3.1"}, "uri": "u"}', "ninjs"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}', "feed"),
        (b'{"schema": "articlekit/1", "headline": "h"}', "json"),
        (b'{"uri": "u", "body_html": "<nitf><body/></nitf>"}', "ninjs"),
        (b'<?xml version="1.0"?><nitf><body/></nitf>', "nitf"),
        (b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "newsml-g2"),
        (b'<rss version="2.0"><channel/></rss>', "feed"),
        (
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>',
            "feed",
        ),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
    ],
)
def test_industry_formats_are_detected_from_content(data: bytes, expected: str) -> None:
    from articlekit.api import detect_format
    from articlekit.registry import Document

    assert detect_format(Document(data, "input")) == expected


def test_articlekit_ninjs_output_reads_back(seeds: Path) -> None:
    """The ninjs writer's output, read by this parser: the same blocks (figures without an
    image address become the associated picture again), authors and media, and the quotes
    the writer marks (<span class="quote" data-speaker>) come back with their speakers."""
    checked = 0
    for path in sorted(seeds.glob("*.txt")):
        article = articlekit.parse(path)
        again = articlekit.parse(articlekit.dumps(article, "ninjs"), format="ninjs")
        assert again.headline == article.headline, path
        assert [(type(b), b.text) for b in again.body] == [(type(b), b.text) for b in article.body], path
        # ninjs 1.x had only versioncreated: alone, it is read as the publication date
        assert again.published == (article.published or article.updated), path
        # ninjs has no roles: a person credited as author and reporter is one author
        assert [a.name for a in again.authors] == list(dict.fromkeys(a.name for a in article.authors)), path
        assert len(again.media) == len(article.media), path
        assert direct_quote_pieces(article) <= {q.text for q in again.quotes}, path
        checked += 1
    assert checked >= 10
