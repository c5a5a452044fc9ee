"""The ``jsonld`` writer: a schema.org NewsArticle with every quote as a Quotation, and an
``embed`` option whose output no article text can break out of."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from lxml import html

import articlekit
from articlekit import model as m
from articlekit.errors import WriteError
from articlekit.plugins import get_registry
from tests.conftest import SEEDS
from tests.strategies import articles


def write(article: m.Article, **options: Any) -> dict[str, Any]:
    output = articlekit.dumps(article, "jsonld", **options)
    assert isinstance(output, str) and output.endswith("}\n")
    data: dict[str, Any] = json.loads(output)
    return data


def script_json(output: str) -> Any:
    """The JSON inside the (only) script element of ``output``, as a browser would read it."""
    scripts = html.fromstring(f"<html><head>{output}</head><body></body></html>").findall(".//script")
    assert len(scripts) == 1 and scripts[0].get("type") == "application/ld+json"
    assert scripts[0].text is not None
    return json.loads(scripts[0].text)


def assert_embeds_safely(article: m.Article, data: dict[str, Any]) -> None:
    """The embedded output holds the same JSON, and nothing that could close its script."""
    output = articlekit.dumps(article, "jsonld", embed=True)
    assert isinstance(output, str)
    inner = output.removeprefix('<script type="application/ld+json">\n').removesuffix("\n</script>\n")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert script_json(output) == data


@given(articles())
def test_every_article_writes_a_news_article_that_embeds_safely(article: m.Article) -> None:
    data = write(article)
    assert_embeds_safely(article, data)
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == article.headline
    quotations = data.get("hasPart", [])
    assert [q["text"] for q in quotations] == [q.text for q in article.quotes]
    assert all(q["@type"] == "Quotation" for q in quotations)
    ids = {s["@id"] for s in data.get("mentions", [])}
    for quotation in quotations:
        if "creator" in quotation:
            assert quotation["creator"]["@id"] in ids and quotation["spokenByCharacter"] == quotation["creator"]
    images = data.get("image", [])
    assert len(images) == len([x for x in article.media if x.kind in ("image", "graphic")])


def test_script_breaking_text_stays_inside() -> None:
    article = m.Article(headline="</script><script>alert(1)</script> & <!-- \u2028")
    output = articlekit.dumps(article, "jsonld", embed=True)
    assert isinstance(output, str)
    assert output.count("</script>") == 1
    assert script_json(output)["headline"] == article.headline


PARA = '"Somewhere we need to sit down," Putin said at a press conference.'


@pytest.fixture
def article() -> m.Article:
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
        authors=(
            m.Contributor("Jane Doe", title="Correspondent", affiliation="Reuters"),
            m.Contributor("Xinhua", kind="organisation"),
            m.Contributor("John Roe", role="editing"),
            m.Contributor("Ann Poe", role="photographer"),
        ),
        provider="China Daily",
        datelines=(m.Place("MOSCOW"), m.Place("KYIV", country="Ukraine")),
        media=(
            m.Media(url="https://example.org/a.jpg", caption="A rescuer", credit="AFP", alt="Fire", width=800),
            m.Media(kind="video", url="https://example.org/v.mp4"),
        ),
        body=(m.Paragraph(PARA), m.Heading("Deal"), m.Related("More"), m.MediaRef(0)),
        quotes=(
            m.Quote(
                "q1",
                "direct",
                quote_text,
                (m.Span(0, 0, len(quote_text)),),
                speaker=m.Speaker("Putin", "s1", m.Span(0, len(quote_text) + 1, len(quote_text) + 6)),
                context=m.QuoteContext(
                    venue="a press conference in Bishkek",
                    channel="Telegram",
                    when=m.When("Thursday", date(2025, 11, 27), date(2025, 11, 27)),
                ),
            ),
            m.Quote("q2", "indirect", "talks could go on", speaker=m.Speaker("officials", "s2")),
            m.Quote("q3", "direct", "unattributed"),
        ),
        sources=(
            m.Source("s1", "person", "Vladimir Putin", titles=("Russian President",), aliases=("Putin", "he")),
            m.Source("s2", "group", "officials"),
        ),
        keywords=("Ukraine", "peace plan"),
        subjects=(m.Subject("politics", "11000000", "iptc-subjectcode"),),
        section="World",
    )


def test_mapping(article: m.Article) -> None:
    data = write(article)
    assert data["@id"] == data["url"] == data["mainEntityOfPage"] == "https://example.org/news/1"
    assert data["identifier"] == "xinhua-123"
    assert data["alternativeHeadline"] == "Second line" and data["description"] == "Summary."
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2025-11-28T12:44:00+08:00"
    assert data["dateModified"] == "2025-11-28T13:00:00"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Jane Doe",
            "jobTitle": "Correspondent",
            "affiliation": {"@type": "Organization", "name": "Reuters"},
        },
        {"@type": "Organization", "name": "Xinhua"},
    ]
    assert data["editor"] == [{"@type": "Person", "name": "John Roe"}]
    assert data["contributor"] == [{"@type": "Person", "name": "Ann Poe"}]
    assert data["publisher"] == {"@type": "Organization", "name": "China Daily"}
    assert data["dateline"] == "MOSCOW/KYIV, Ukraine"
    assert data["articleSection"] == "World"
    assert data["image"] == [
        {
            "@type": "ImageObject",
            "contentUrl": "https://example.org/a.jpg",
            "url": "https://example.org/a.jpg",
            "caption": "A rescuer",
            "creditText": "AFP",
            "description": "Fire",
            "width": 800,
        }
    ]
    assert data["video"][0]["@type"] == "VideoObject"
    assert data["articleBody"] == f"{PARA}\n\nDeal"
    assert data["wordCount"] == len(PARA.split()) + 1
    assert data["keywords"] == ["Ukraine", "peace plan"]
    assert data["about"] == [
        {"@type": "DefinedTerm", "name": "politics", "termCode": "11000000", "inDefinedTermSet": "iptc-subjectcode"}
    ]


def test_quotes_are_quotations_linked_to_their_sources(article: m.Article) -> None:
    data = write(article)
    putin, officials = data["mentions"]
    assert putin == {
        "@type": "Person",
        "@id": "https://example.org/news/1#source-s1",
        "name": "Vladimir Putin",
        "jobTitle": ["Russian President"],
        "alternateName": ["Putin"],
    }
    assert officials["@type"] == "Organization"
    first, second, third = data["hasPart"]
    assert first == {
        "@type": "Quotation",
        "@id": "https://example.org/news/1#quote-q1",
        "text": '"Somewhere we need to sit down,"',
        "genre": "direct quotation",
        "creator": {"@id": putin["@id"]},
        "spokenByCharacter": {"@id": putin["@id"]},
        "dateCreated": "2025-11-27",
        "locationCreated": {"@type": "Place", "name": "a press conference in Bishkek"},
    }
    assert second["genre"] == "reported speech" and second["creator"] == {"@id": officials["@id"]}
    assert "creator" not in third and "spokenByCharacter" not in third


def test_ids_without_a_url_are_fragments_and_escaped() -> None:
    article = m.Article(
        headline="h",
        quotes=(m.Quote("q 1/x", "direct", "t", speaker=m.Speaker("A", "s#1")),),
        sources=(m.Source("s#1", "person", "A"),),
    )
    data = write(article)
    assert data["mentions"][0]["@id"] == "#source-s%231"
    assert data["hasPart"][0]["@id"] == "#quote-q%201%2Fx"


def test_an_unknown_block_type_is_an_error() -> None:
    class Table:
        text = "a table"

    article = m.Article(headline="h", body=(Table(),))  # type: ignore[arg-type]
    with pytest.raises(WriteError, match="jsonld: cannot write a body block of type Table"):
        articlekit.dumps(article, "jsonld")


def test_the_writer_is_registered() -> None:
    provided = get_registry().writers["jsonld"]
    assert provided.plugin == "articlekit.formats.jsonld"
    assert provided.spec.media_type == "application/ld+json"


def test_the_seed_quotes_are_quotations_by_their_speakers() -> None:
    article = articlekit.parse(SEEDS / "000_fceb5e4b891116b7.txt")
    data = write(article)
    names = {s["@id"]: s["name"] for s in data["mentions"]}
    direct = [q for q in data["hasPart"] if q["genre"] == "direct quotation"]
    assert [names[q["creator"]["@id"]] for q in direct] == [
        "Vladimir Putin",
        "Vladimir Putin",
        "Vladimir Putin",
        "Andriy Yermak",
        "Denys Shmyhal",
    ]
    assert data["image"][0]["creditText"] == "UKRAINIAN EMERGENCY SERVICE VIA AFP"
    assert data["dateline"] == "MOSCOW/KYIV"
