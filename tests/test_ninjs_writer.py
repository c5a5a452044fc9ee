"""The ``ninjs`` writer: valid ninjs 3.1 (formats checked), bodies in plain text and HTML,
people and organisations with their relation to the article."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from jsonschema import validators
from jsonschema.protocols import Validator
from lxml import html
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

import articlekit
from articlekit import model as m
from articlekit.common.rendering import xml_safe
from articlekit.errors import WriteError
from articlekit.formats.ninjs.writer import HtmlBodyRenderer, rfc3339
from articlekit.plugins import get_registry
from tests.conftest import SEEDS, require_shared
from tests.strategies import articles


@pytest.fixture(scope="module")
def ninjs_validator() -> Validator:
    """The ninjs 3.1 schema with the local GeoJSON copy (no network), checking formats."""
    folder = require_shared("formats", "ninjs", "schema")
    geojson = json.loads((folder / "GeoJSON.json").read_text(encoding="utf-8"))
    registry: Registry[Any] = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson, default_specification=DRAFT7)
    )
    schema = json.loads((folder / "ninjs-schema_3.1.json").read_text(encoding="utf-8"))
    cls = validators.validator_for(schema)
    validator: Validator = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    return validator


def write(article: m.Article) -> dict[str, Any]:
    output = articlekit.dumps(article, "ninjs")
    assert isinstance(output, str) and output.endswith("}\n")
    data: dict[str, Any] = json.loads(output)
    return data


def assert_valid(validator: Validator, data: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{e.json_path}: {e.message}" for e in errors[:3]]


def test_the_validator_checks_formats(ninjs_validator: Validator) -> None:
    assert ninjs_validator.is_valid({"uri": "urn:x:1", "firstCreated": "2025-11-28T12:44:00+03:00"})
    assert not ninjs_validator.is_valid({"uri": "not a uri"})
    assert not ninjs_validator.is_valid({"uri": "urn:x:1", "firstCreated": "2025-11-28T12:44:00"})


@given(articles())
def test_every_article_writes_valid_ninjs(ninjs_validator: Validator, article: m.Article) -> None:
    data = write(article)
    assert_valid(ninjs_validator, data)
    quoted = {q.speaker.source for q in article.quotes if q.speaker and q.speaker.source}
    for source in article.sources:
        if source.kind in ("person", "organisation"):
            key = "people" if source.kind == "person" else "organisations"
            expected = {"name": source.name, "rel": "quoted" if source.id in quoted else "mentioned"}
            assert expected in data[key]
    if article.body:
        plain, rich = data["bodies"]
        text = articlekit.dumps(article, "text")
        assert isinstance(text, str)
        headline = " ".join(article.headline.split())
        assert plain["value"] == (text[len(headline) + 2 :] if headline else text).removesuffix("\n")
        paragraphs = [b for b in article.body if isinstance(b, m.Paragraph)]
        if rich["value"]:
            elements = html.fragments_fromstring(rich["value"])
            assert [e.text_content() for e in elements if e.tag == "p" and e.get("class") is None] == [
                xml_safe(p.text) for p in paragraphs
            ]
    assert len(data.get("associations", [])) == len(article.media)


# --------------------------------------------------------------------------- a hand-built article

PARA = '"We never had any intention of doing that," Russian President Vladimir Putin said.'


@pytest.fixture
def article() -> m.Article:
    start = PARA.index("Russian")
    quote_text = PARA[: PARA.index(",") + 2]
    return m.Article(
        headline="Putin: list could form basis",
        subheadline="Second line",
        summary="Summary.",
        language="en",
        url="https://example.org/news/1",
        id="xinhua-123",
        published=datetime(2025, 11, 28, 12, 44, tzinfo=timezone(timedelta(hours=8))),
        updated=datetime(2025, 11, 28, 13, 0),
        authors=(m.Contributor("Jane Doe"), m.Contributor("Xinhua", kind="organisation"), m.Contributor("John Roe")),
        provider="China Daily",
        datelines=(m.Place("MOSCOW"), m.Place("KYIV", country="Ukraine")),
        media=(
            m.Media(
                url="https://example.org/a.jpg",
                caption="A rescuer",
                credit="AFP",
                alt="Fire",
                media_type="image/jpeg",
                width=800,
                height=600,
            ),
            m.Media(kind="video", url="not a uri", caption="Clip"),
        ),
        body=(
            m.Paragraph(PARA),
            m.Heading("Deal", level=3),
            m.ListBlock(("one", "two")),
            m.BlockQuote("Ready.", cite="Kremlin"),
            m.Related("More", label="ALSO READ", url="https://example.org/r"),
            m.MediaRef(1),
        ),
        quotes=(
            m.Quote(
                "q1",
                "direct",
                quote_text,
                (m.Span(0, 0, len(quote_text)),),
                speaker=m.Speaker("Russian President Vladimir Putin", "s1", m.Span(0, start, len(PARA) - 6)),
            ),
        ),
        sources=(
            m.Source("s1", "person", "Vladimir Putin", aliases=("Putin",)),
            m.Source("s2", "organisation", "Kremlin"),
            m.Source("s3", "unnamed", "a senior official"),
        ),
        keywords=("Ukraine",),
        subjects=(m.Subject("politics", "11000000", "iptc-subjectcode"), m.Subject("local", "x1", "mine")),
        slug="Ukraine-Crisis",
        priority=3,
    )


def test_hand_built_article_validates(ninjs_validator: Validator, article: m.Article) -> None:
    assert_valid(ninjs_validator, write(article))


def test_metadata_mapping(article: m.Article) -> None:
    data = write(article)
    assert data["uri"] == "https://example.org/news/1"
    # the web address too, though it is the uri: the reader tells the id from it by this
    assert data["altIds"] == [
        {"role": "id", "value": "xinhua-123"},
        {"role": "url", "value": "https://example.org/news/1"},
    ]
    assert data["standard"]["version"] == "3.1"
    assert data["type"] == "text"
    assert data["firstCreated"] == "2025-11-28T12:44:00+08:00"
    assert data["versionCreated"] == "2025-11-28T13:00:00-00:00"  # naive: offset unknown
    assert data["language"] == "en" and data["urgency"] == 3 and data["slugline"] == "Ukraine-Crisis"
    assert data["headlines"] == [
        {"role": "main", "contentType": "text/plain", "value": "Putin: list could form basis"},
        {"role": "sub", "contentType": "text/plain", "value": "Second line"},
    ]
    assert data["descriptions"] == [{"role": "summary", "contentType": "text/plain", "value": "Summary."}]
    assert data["by"] == "Jane Doe, Xinhua and John Roe"
    assert data["located"] == "MOSCOW/KYIV, Ukraine"
    assert data["places"] == [{"name": "MOSCOW", "rel": "located"}, {"name": "KYIV, Ukraine", "rel": "located"}]
    assert data["people"] == [
        {"name": "Jane Doe", "rel": "author"},
        {"name": "John Roe", "rel": "author"},
        {"name": "Vladimir Putin", "rel": "quoted"},
    ]
    assert data["organisations"] == [{"name": "Xinhua", "rel": "author"}, {"name": "Kremlin", "rel": "mentioned"}]
    assert data["subjects"] == [
        {"name": "Ukraine", "rel": "keyword"},
        {
            "name": "politics",
            "uri": "http://cv.iptc.org/newscodes/subjectcode/11000000",
            "literal": "iptc-subjectcode:11000000",
        },
        {"name": "local", "literal": "mine:x1"},
    ]
    assert data["infoSources"] == [{"name": "China Daily", "role": "provider"}]


def test_images_are_associations_with_caption_and_credit(article: m.Article) -> None:
    lead, clip = write(article)["associations"]
    assert lead == {
        "name": "media-1",
        "uri": "https://example.org/a.jpg",
        "type": "picture",
        "rel": "featured",
        "descriptions": [
            {"role": "caption", "contentType": "text/plain", "value": "A rescuer"},
            {"role": "alt", "contentType": "text/plain", "value": "Fire"},
        ],
        "by": "AFP",
        "renditions": [
            {
                "name": "original",
                "href": "https://example.org/a.jpg",
                "contentType": "image/jpeg",
                "width": 800,
                "height": 600,
            }
        ],
    }
    assert clip["type"] == "video" and clip["uri"].startswith("urn:uuid:")
    assert clip["renditions"] == [{"name": "original"}]  # "not a uri" is no href


def test_bodies_in_plain_text_and_html(article: m.Article) -> None:
    plain, rich = write(article)["bodies"]
    assert plain["contentType"] == "text/plain" and rich["contentType"] == "text/html"
    assert plain["value"] == f"{PARA}\n\nDeal\n\none\ntwo\n\nReady."
    assert plain["charCount"] == len(plain["value"]) and plain["wordCount"] == len(plain["value"].split())
    assert rich["value"].split("\n") == [
        '<p><span class="quote" data-speaker="Vladimir Putin">"We never had any intention of doing that,"</span> '
        'Russian President <span class="person">Vladimir Putin</span> said.</p>',
        "<h3>Deal</h3>",
        "<ul><li>one</li><li>two</li></ul>",
        "<blockquote><p>Ready.</p><footer>Kremlin</footer></blockquote>",
        '<p class="related">ALSO READ: <a href="https://example.org/r">More</a></p>',
        '<figure><video src="not%20a%20uri"></video><figcaption>Clip</figcaption></figure>',
    ]


def test_html_escapes_article_text() -> None:
    article = m.Article(body=(m.Paragraph("<script>alert(1)</script> & \x00"),))
    assert HtmlBodyRenderer(article).render() == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \ufffd</p>"


def test_without_url_or_id_the_uri_is_a_stable_urn(ninjs_validator: Validator) -> None:
    article = m.Article(headline="h", body=(m.Paragraph("text"),))
    first, second = write(article), write(article)
    assert first["uri"] == second["uri"] and first["uri"].startswith("urn:uuid:")
    assert write(m.Article(headline="other"))["uri"] != first["uri"]
    assert_valid(ninjs_validator, first)


def test_rfc3339() -> None:
    assert rfc3339(datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)) == "2025-01-02T03:04:05+00:00"
    assert rfc3339(datetime(2025, 1, 2, 3, 4, 5)) == "2025-01-02T03:04:05-00:00"
    odd = datetime(2025, 1, 2, 0, 0, 30, tzinfo=timezone(timedelta(seconds=30)))
    assert rfc3339(odd) == "2025-01-02T00:00:00+00:00"


def test_an_unknown_block_type_is_an_error() -> None:
    class Table:
        text = "a table"

    article = m.Article(headline="h", body=(Table(),))  # type: ignore[arg-type]
    with pytest.raises(WriteError, match="Table"):
        HtmlBodyRenderer(article).render()


def test_the_writer_is_registered() -> None:
    provided = get_registry().writers["ninjs"]
    assert provided.plugin == "articlekit.formats.ninjs_writer"
    assert provided.spec.extension == ".json"


def test_the_seed_validates(ninjs_validator: Validator) -> None:
    article = articlekit.parse(SEEDS / "000_fceb5e4b891116b7.txt")
    data = write(article)
    assert_valid(ninjs_validator, data)
    assert data["headlines"][0]["value"] == article.headline
    assert data["located"] == "MOSCOW/KYIV"
    assert data["firstCreated"] == "2025-11-28T12:44:00-00:00"
    assert data["associations"][0]["by"] == "UKRAINIAN EMERGENCY SERVICE VIA AFP"
    assert data["bodies"][1]["value"].count('class="quote"') == 5
