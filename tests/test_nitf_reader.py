"""The ``nitf`` parser: the shared IPTC and agency samples, the mapping, quotes and safety."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import articlekit
from articlekit.errors import ParseError
from articlekit.model import BlockQuote, Heading, ListBlock, MediaRef, Paragraph
from tests.conftest import require_shared
from tests.test_industry_outputs import direct_quote_pieces

NS = "http://iptc.org/std/NITF/2006-10-18/"


def _parse(data: bytes | str, **options: object) -> articlekit.Article:
    return articlekit.parse(data.encode() if isinstance(data, str) else data, **options)


def test_every_shared_nitf_file_parses() -> None:
    folder = require_shared("formats", "nitf")
    files = sorted(p for p in folder.rglob("*.xml") if "schema" not in p.parts)
    assert len(files) >= 7
    for path in files:
        article = articlekit.parse(path)
        assert article.origin.format == "nitf", path
        assert article.headline, path
        assert article.paragraphs, path


def test_fishing_sample_mapping() -> None:
    path = require_shared("formats", "nitf", "examples_superdesk_AGPL", "nitf-fishing.xml")
    article = articlekit.parse(path)
    est = timezone(timedelta(hours=-5))
    assert article.headline == "Weather and Tide Updates for Norfolk"
    assert article.subheadline == "A sample, fictitious NITF article"
    assert article.published == datetime(2002, 2, 26, 9, 30, tzinfo=est)  # date.release
    assert article.extensions["nitf"]["dates"]["issue"] == "2002-02-25T14:30:00-05:00"
    provenance = article.extensions["provenance"]  # shown by `articlekit inspect`
    assert provenance["published"] == "docdata/date.release/@norm"
    assert provenance["provider"] == "body.head/distributor"
    assert [(a.name, a.title) for a in article.authors] == [("Alan Karben", "NITF Network News Online")]
    assert article.provider == "XML Team Solutions, Inc."
    assert [(p.name, p.region) for p in article.datelines] == [("Newport News", "VA")]
    assert article.summary == "Superb weather in Norfolk today. Tides coming in and out as per usual."
    assert article.keywords == ("fishing", "lures", "tides")
    assert (article.subjects[0].name, article.subjects[0].code) == ("Weather", "17000000")
    assert article.slug == "ongoing-winter-tide-updates"
    assert article.priority == 3
    assert article.language == "en-US"
    assert article.id == "iptc.321656141.b"
    assert len(article.paragraphs) == 7  # six in body.content (one inside <block>) and the tagline
    assert [b.text for b in article.body if isinstance(b, Heading)] == ["The Tides are High", "Local Nooks"]
    lists = [b for b in article.body if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3
    assert lists[0].items[0].startswith("Deer Creek: This area")
    assert isinstance(article.body[0], MediaRef)
    media = article.media[0]
    assert (media.url, media.caption, media.credit, media.alt) == (
        "high-tide.jpg",
        "The tides, captured on film late yesterday.",
        "Karben",
        "The tides are high.",
    )
    assert (media.width, media.height, media.media_type, media.kind) == (278, 185, "image/jpeg", "image")
    mentions = article.extensions["nitf"]["mentions"]
    assert {"kind": "organisation", "text": "Acme Boat Company"}.items() <= mentions[0].items()
    block = article.body[mentions[0]["block"]]
    assert block.text[mentions[0]["start"] : mentions[0]["end"]] == "Acme Boat Company"


def test_ntb_sample() -> None:
    article = articlekit.parse(require_shared("formats", "nitf", "examples", "NTB_nitf_sample.xml"))
    assert article.headline == "Pandemien herjer på den legeløse indiske landsbygda"
    assert article.published == datetime(2021, 5, 16, 9, 0, 4)  # no zone given: naive
    assert [a.name for a in article.authors] == ["NTB-AFP-DPA"]
    assert article.provider == "NTB"
    assert article.datelines[0].name == "Unnao"
    assert article.language == "nb-NO"
    assert len(article.paragraphs) == 19
    assert sum(isinstance(b, Heading) for b in article.body) == 4
    assert article.media[0].credit == "Amit Sharma / AP / NTB"
    assert article.media[0].caption == "Kremasjonsbål for koronaofre brenner i Indias hovedstad New Delhi."
    assert article.paragraphs[1].text.startswith("\u2013 Det er så mye fattigdom")


def test_ntb_paragraph_marked_as_quote() -> None:
    article = articlekit.parse(require_shared("formats", "nitf", "examples_superdesk_AGPL", "nitf-ntb.xml"))
    quote = article.quotes[0]
    assert quote.kind == "direct"
    assert quote.text == "[Dette dokumentet beskriver] FNs Agenda 21 og Agenda 2030"
    assert quote.speaker is not None and quote.speaker.mention == "Facebook-innlegg"


SAMPLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "http://example.invalid/nitf-3-6.dtd">
<nitf xmlns="{NS}" version="-//IPTC//DTD NITF 3.6//EN" baselang="en-GB">
  <head>
    <title>Title only</title>
    <docdata>
      <doc-id id-string="x-1" regsrc="XA"/>
      <date.issue norm="20251128T124400+0300"/>
      <urgency ed-urg="2"/>
      <key-list><keyword key="diplomacy"/><keyword key="Ukraine"/></key-list>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Talks resume</hl1></hedline>
      <byline>By <person>Jane Doe</person> and <person>John Roe</person><byttl>Staff</byttl></byline>
      <dateline><location><city>Kyiv</city>, <country>Ukraine</country></location>
        <story.date norm="20251128T100000Z">Nov. 28</story.date></dateline>
    </body.head>
    <body.content>
      <p><person>Dmytro Kuleba</person> told reporters: <q quote-source="Dmytro Kuleba">We are
        ready&mdash;today</q>, before leaving.</p>
      <bq><block><p>Peace is a process.</p></block><credit>A diplomat</credit></bq>
      <p>Text with <org>the ministry</org> and <location>Lviv</location>.<br/>Second line.</p>
    </body.content>
  </body>
</nitf>
"""


def test_inline_quote_with_source_spans_and_mentions() -> None:
    article = _parse(SAMPLE)
    assert article.origin.format == "nitf"
    assert article.headline == "Talks resume"
    assert [(a.name, a.title) for a in article.authors] == [("Jane Doe", "Staff"), ("John Roe", "Staff")]
    assert article.datelines[0].name == "Kyiv" and article.datelines[0].country == "Ukraine"
    assert article.published == datetime(2025, 11, 28, 12, 44, tzinfo=timezone(timedelta(hours=3)))
    assert article.priority == 2
    assert article.keywords == ("diplomacy", "Ukraine")
    first = article.body[0]
    assert isinstance(first, Paragraph)
    assert first.text == "Dmytro Kuleba told reporters: We are ready\u2014today, before leaving."
    quote = next(q for q in article.quotes if q.text.startswith("We are ready"))
    assert quote.kind == "direct"
    assert quote.text == "We are ready\u2014today"
    span = quote.spans[0]
    assert first.text[span.start : span.end] == quote.text
    assert quote.speaker is not None and quote.speaker.mention == "Dmytro Kuleba"
    assert quote.speaker.span is not None and quote.speaker.span.start == 0
    # the sources enricher resolved the known speaker to a Source
    source = article.source(quote.speaker.source or "")
    assert source is not None and source.name == "Dmytro Kuleba"
    bq = article.body[1]
    assert isinstance(bq, BlockQuote) and bq.text == "Peace is a process." and bq.cite == "A diplomat"
    assert any(q.text == "Peace is a process." and q.spans[0].block == 1 for q in article.quotes)
    third = article.body[2]
    assert third.text == "Text with the ministry and Lviv. Second line."
    kinds = [(m["kind"], m["text"]) for m in article.extensions["nitf"]["mentions"]]
    assert kinds == [("person", "Dmytro Kuleba"), ("organisation", "the ministry"), ("location", "Lviv")]


def test_doctype_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE nitf [
  <!ENTITY leak SYSTEM "file://{secret}">
  <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<nitf><body><body.head><hedline><hl1>Safe &leak;</hl1></hedline></body.head>
<body.content><p>&c; end</p></body.content></body></nitf>"""
    article = _parse(data, format="nitf")
    assert "TOP-SECRET" not in article.headline
    assert "aaaaaaaaaa" not in article.body[0].text


def test_errors_are_parse_errors_with_position() -> None:
    with pytest.raises(ParseError) as caught:
        _parse("<nitf>\n<head>\n</nitf>", format="nitf")
    assert caught.value.line == 3
    with pytest.raises(ParseError, match="expected a <nitf> root element"):
        _parse("<html><body/></html>", format="nitf")
    deep = "<nitf><body><body.content>" + "<block>" * 5000 + "</block>" * 5000 + "</body.content></body></nitf>"
    with pytest.raises(ParseError):
        _parse(deep, format="nitf")


def test_text_and_inline_markup_directly_in_a_container_form_one_paragraph() -> None:
    data = (
        b"<nitf><body><body.content>Some <em>loose</em> text<p>A paragraph.</p>"
        b"then <person>Bob</person> said<block>in a <b>block</b></block></body.content></body></nitf>"
    )
    article = _parse(data, enrich=False)
    assert [b.text for b in article.body] == ["Some loose text", "A paragraph.", "then Bob said", "in a block"]
    mention = article.extensions["nitf"]["mentions"][0]
    assert article.body[mention["block"]].text[mention["start"] : mention["end"]] == "Bob"


def test_articlekit_nitf_output_reads_back(seeds: Path) -> None:
    """The NITF writer's output, read by this parser, gives the same article text, the same
    quotes (marked with <q quote-source>) and the same related links."""
    checked = 0
    for path in sorted(seeds.glob("*.txt")):
        article = articlekit.parse(path)
        written = articlekit.dumps(article, "nitf")
        again = articlekit.parse(written.encode() if isinstance(written, str) else written, format="nitf")
        assert again.headline == article.headline, path
        assert [b.text for b in again.body] == [b.text for b in article.body], path
        assert [type(b) for b in again.body] == [type(b) for b in article.body], path
        assert again.published == article.published, path
        assert [a.name for a in again.authors] == [a.name for a in article.authors], path
        assert direct_quote_pieces(article) <= direct_quote_pieces(again), path
        checked += 1
    assert checked >= 10


def test_media_takes_the_widest_reference() -> None:
    data = b"""<nitf><body><body.content><media media-type="image">
      <media-reference source="small.jpg" width="100" height="50"/>
      <media-reference source="large.jpg" width="800" height="400" mime-type="image/jpeg"/>
      <media-caption>A caption. Photo: Jo Lens/XA</media-caption></media>
      <p>Text.</p></body.content></body></nitf>"""
    article = _parse(data, enrich=False)
    media = article.media[0]
    assert (media.url, media.width, media.height) == ("large.jpg", 800, 400)
    assert (media.caption, media.credit) == ("A caption.", "Jo Lens/XA")
    assert article.body[0] == MediaRef(0)


def test_a_body_without_body_content_is_still_read() -> None:
    data = b"<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><p>One.</p><p>Two.</p></body></nitf>"
    article = _parse(data, enrich=False)
    assert (article.headline, [p.text for p in article.paragraphs]) == ("H", ["One.", "Two."])
