"""articlekit XML (``xml``): valid by its XSD, lossless, the same Article as the JSON, quotes
marked inline where they nest."""

from __future__ import annotations

from datetime import date, datetime, timezone
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import articlekit
from articlekit import model as m
from articlekit.errors import ParseError, WriteError
from articlekit.formats.articlekit_xml import NAMESPACE, XSD_FILE, xml_schema
from articlekit.plugins import get_registry
from tests.strategies import articles

N = {"a": NAMESPACE}


def write(article: m.Article) -> str:
    """The article as articlekit XML, which must validate against the XSD (every output in
    these tests does)."""
    output = articlekit.dumps(article, "xml")
    assert isinstance(output, str)
    valid_root(output)
    return output


def valid_root(output: str) -> etree._Element:
    root = etree.fromstring(output.encode("utf-8"))
    schema = xml_schema()
    assert schema.validate(root), "\n".join(str(e) for e in schema.error_log)
    return root


def text_of(element: etree._Element) -> str:
    """What a reader sees: all text, each ``<c u=...>`` as its character."""
    parts = [element.text or ""]
    for child in element:
        if etree.QName(child).localname == "c":
            parts.append(chr(int(child.get("u", ""), 16)))
        else:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def block_texts(root: etree._Element) -> list[list[etree._Element]]:
    """The elements holding each body block's text (several for a list)."""
    out: list[list[etree._Element]] = []
    body = root.find("a:body", N)
    for block in [] if body is None else list(body):
        name = etree.QName(block).localname
        if name in ("p", "h"):
            out.append([block])
        elif name == "blockquote":
            out.append([block.find("a:p", N)])
        elif name == "list":
            out.append(block.findall("a:item", N))
        elif name == "related":
            out.append([block.find("a:title", N)])
        else:
            out.append([])
    return out


def check_marks(article: m.Article, root: etree._Element) -> None:
    """Every mark stands exactly over one of the spans it names."""
    quotes = {q.id: q for q in article.quotes}
    for index, holders in enumerate(block_texts(root)):
        for holder in holders:
            for mark in holder.iter(f"{{{NAMESPACE}}}q", f"{{{NAMESPACE}}}speaker", f"{{{NAMESPACE}}}cue"):
                quote = quotes[mark.get("quote", "")]
                name = etree.QName(mark).localname
                spans = {
                    "q": list(quote.spans),
                    "speaker": [quote.speaker.span] if quote.speaker and quote.speaker.span else [],
                    "cue": [quote.cue.span] if quote.cue and quote.cue.span else [],
                }[name]
                block_text = article.body[index].text
                assert text_of(mark) in {block_text[s.start : s.end] for s in spans if s.block == index}
                if name == "q":
                    assert mark.get("kind") == quote.kind
                if name != "cue" and quote.speaker is not None and quote.speaker.source is not None:
                    assert mark.get("source") == quote.speaker.source


@given(articles())
def test_every_article_writes_valid_xml_and_round_trips_as_the_json_does(article: m.Article) -> None:
    output = write(article)
    root = valid_root(output)
    for block, holders in zip(article.body, block_texts(root), strict=True):
        if holders:
            texts = [text_of(h) for h in holders]
            assert ("\n".join(texts) if isinstance(block, m.ListBlock) else texts[0]) == block.text
    check_marks(article, root)
    parsed = articlekit.parse(output, "xml")
    assert parsed == article
    # the same Article that parsing the JSON gives (one generated article serves both checks)
    assert parsed == articlekit.parse(articlekit.dumps(article, "json"), "json")


def quoted_article() -> m.Article:
    text = 'Putin said: "It would be impolite of me," the Russian president said.'
    quote = "It would be impolite of me,"
    start = text.index(quote)
    return m.Article(
        headline="Putin on peace",
        body=(m.Paragraph(text),),
        quotes=(
            m.Quote(
                id="q1",
                kind="direct",
                text=quote,
                spans=(m.Span(0, start, start + len(quote)),),
                cue=m.Cue("said", m.Span(0, text.rindex("said"), text.rindex("said") + 4)),
                speaker=m.Speaker("the Russian president", "s1", m.Span(0, 42, 63)),
            ),
            # a speaker mention inside the quote's span, and a span crossing the first quote
            m.Quote(id="q2", kind="indirect", text="would be", spans=(m.Span(0, 16, 24),), speaker=m.Speaker("Putin")),
            m.Quote(id="q3", kind="mixed", text='of me," the', spans=(m.Span(0, 34, 45),)),
            m.Quote(id="q4", kind="direct", text="impolite", speaker=m.Speaker("impolite", "s1", m.Span(0, 25, 33))),
        ),
        sources=(m.Source(id="s1", kind="person", name="Vladimir Putin", aliases=("Putin", "the Russian president")),),
    )


def test_quotes_and_speakers_are_marked_inline_and_listed() -> None:
    article = quoted_article()
    root = valid_root(write(article))
    paragraph = root.find("a:body/a:p", N)
    assert paragraph is not None
    assert text_of(paragraph) == article.body[0].text
    (q1,) = paragraph.findall("a:q[@quote='q1']", N)
    assert (q1.get("source"), text_of(q1)) == ("s1", "It would be impolite of me,")
    # q2's span and q4's speaker mention lie inside q1's span: they nest in its <q>
    assert text_of(q1.find("a:q[@quote='q2']", N)) == "would be"
    assert text_of(q1.find("a:speaker[@quote='q4']", N)) == "impolite"
    # q3 crosses q1: not marked inline, but listed with its span
    assert paragraph.find(".//a:q[@quote='q3']", N) is None
    listed = root.find("a:quotes/a:quote[@id='q3']/a:spans/a:span", N)
    assert listed is not None and (listed.get("start"), listed.get("end")) == ("34", "45")
    speaker = paragraph.find("a:speaker[@quote='q1']", N)
    assert speaker is not None and (text_of(speaker), speaker.get("source")) == ("the Russian president", "s1")
    assert text_of(paragraph.find("a:cue[@quote='q1']", N)) == "said"
    check_marks(article, root)
    assert articlekit.parse(write(article), "xml") == article


def test_marks_in_a_list_stay_inside_their_item() -> None:
    block = m.ListBlock(items=("alpha beta", "gamma"), ordered=True)
    article = m.Article(
        body=(block,),
        quotes=(
            m.Quote(id="q1", kind="direct", text="beta", spans=(m.Span(0, 6, 10),)),
            m.Quote(id="q2", kind="direct", text="beta\ngam", spans=(m.Span(0, 6, 14),)),
            m.Quote(id="q3", kind="direct", text="gamma", spans=(m.Span(0, 11, 16),)),
        ),
    )
    root = valid_root(write(article))
    items = root.findall("a:body/a:list/a:item", N)
    assert [text_of(i) for i in items] == ["alpha beta", "gamma"]
    assert [q.get("quote") for q in items[0].findall("a:q", N)] == ["q1"]
    assert [q.get("quote") for q in items[1].findall("a:q", N)] == ["q3"]
    assert articlekit.parse(write(article), "xml") == article


def test_characters_xml_cannot_hold_survive() -> None:
    nasty = "NUL\x00 VT\x0b FFFE\ufffe FFFF\uffff CR\r tab\t nl\n C1\x85 end"
    text = "x" + nasty
    article = m.Article(
        headline=nasty,
        summary="  leading and trailing  ",
        body=(m.Paragraph(text), m.ListBlock(items=(nasty, ""), ordered=False), m.Heading("", level=6)),
        quotes=(m.Quote(id="q1", kind="direct", text=nasty, spans=(m.Span(0, 1, len(text)),)),),
        sources=(m.Source(id="s1", kind="group", name=nasty, aliases=(nasty, "")),),
        keywords=(nasty,),
        extensions={"example": {"a": nasty, "b": [1, 2.5, None, True]}},
        origin=m.Origin(file=nasty),
    )
    output = write(article)
    assert '<c u="0000"/>' in output and '<c u="FFFE"/>' in output
    valid_root(output)
    assert articlekit.parse(output, "xml") == article


def test_an_id_xml_cannot_hold_is_a_clear_write_error() -> None:
    article = m.Article(sources=(m.Source(id="s\x01", kind="person", name="X"),))
    with pytest.raises(WriteError, match="cannot carry"):
        articlekit.dumps(article, "xml")


def test_every_field_is_written_where_the_docs_say() -> None:
    article = m.Article(
        headline="H",
        subheadline="S",
        language="en",
        published=datetime(2025, 11, 28, 12, 44, tzinfo=timezone.utc),
        updated=datetime(2025, 11, 28, 13, 0),
        authors=(m.Contributor("Xinhua", kind="organisation", role="author"),),
        provider="Xinhua",
        datelines=(m.Place("MOSCOW"), m.Place("KYIV", country="Ukraine")),
        media=(m.Media(url="https://example.org/a.jpg", caption="C", credit="AFP", width=10),),
        body=(m.MediaRef(0), m.Related("Kremlin says", label="ALSO READ"), m.BlockQuote("Q", cite="Someone")),
        quotes=(
            m.Quote(
                id="q1",
                kind="indirect",
                text="t",
                context=m.QuoteContext(
                    channel="Telegram", when=m.When("Thursday", date(2025, 11, 27), date(2025, 11, 27))
                ),
            ),
        ),
        subjects=(m.Subject("politics", code="11000000", scheme="iptc-subjectcode"),),
        priority=3,
        origin=m.Origin(format="text", parser="articlekit.formats.text"),
    )
    root = valid_root(write(article))
    get = root.findtext
    assert get("a:published", namespaces=N) == "2025-11-28T12:44:00+00:00"
    assert get("a:updated", namespaces=N) == "2025-11-28T13:00:00"
    assert root.find("a:authors/a:contributor[@kind='organisation']/a:name", N).text == "Xinhua"
    assert [p.text for p in root.findall("a:datelines/a:place/a:name", N)] == ["MOSCOW", "KYIV"]
    item = root.find("a:media/a:media-item", N)
    assert (item.get("kind"), item.get("width"), item.findtext("a:credit", namespaces=N)) == ("image", "10", "AFP")
    assert root.find("a:body/a:media-ref", N).get("media") == "0"
    assert root.findtext("a:body/a:related/a:label", namespaces=N) == "ALSO READ"
    assert root.findtext("a:body/a:blockquote/a:cite", namespaces=N) == "Someone"
    when = root.find("a:quotes/a:quote/a:context/a:when", N)
    assert (when.get("start"), when.findtext("a:text", namespaces=N)) == ("2025-11-27", "Thursday")
    assert root.find("a:subjects/a:subject/a:code", N).text == "11000000"
    assert get("a:priority", namespaces=N) == "3"
    assert get("a:origin/a:format", namespaces=N) == "text"
    assert root.find("a:summary", N) is None  # None is an absent element
    assert articlekit.parse(write(article), "xml") == article


def test_indentation_never_touches_text() -> None:
    article = m.Article(
        headline="H",
        body=(m.Paragraph("whole"),),
        quotes=(m.Quote(id="q1", kind="direct", text="whole", spans=(m.Span(0, 0, 5),)),),
    )
    output = write(article)
    assert '<p><q quote="q1" kind="direct">whole</q></p>' in output
    assert "\n  <body>\n    <p>" in output


def test_sniffing_claims_articlekit_xml_only() -> None:
    spec = get_registry().parser("xml")
    assert spec.sniff(write(m.Article(headline="x")).encode(), "a.xml") == 1.0
    assert spec.sniff(b'<?xml version="1.0"?><article><headline>x</headline></article>', "a.xml") == 0.0
    assert spec.sniff(b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head/></nitf>', "a.xml") == 0.0
    assert articlekit.detect_format(articlekit.Document(write(m.Article(headline="x")).encode(), "story")) == "xml"
    assert spec.lossless


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"<article", "not well-formed articlekit XML"),
        (b"<nitf/>", "expected an <article> root in namespace https://articlekit.org/ns/1"),
        (
            f'<article xmlns="{NAMESPACE}" schema="articlekit/1">\n<headline>x</headline>\n<bogus/></article>'.encode(),
            ":3: not valid articlekit XML: Element 'bogus': This element is not expected.",
        ),
        (f'<article xmlns="{NAMESPACE}" schema="articlekit/2"><headline/></article>'.encode(), "fixed value"),
        (
            f'<article xmlns="{NAMESPACE}" schema="articlekit/1"><headline/><quotes><quote id="q" kind="direct">'
            '<text>x</text><spans><span block="3" start="0" end="1"/></spans></quote></quotes></article>'.encode(),
            "block 3 is out of range",
        ),
        (
            f'<article xmlns="{NAMESPACE}" schema="articlekit/1"><headline/><extensions>'
            '<extension name="e">{nope</extension></extensions></article>'.encode(),
            "extension 'e' does not hold JSON",
        ),
    ],
)
def test_bad_documents_are_parse_errors_that_say_where_and_why(document: bytes, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        articlekit.parse(document, "xml", name="story.xml")
    assert str(caught.value).startswith("story.xml")
    assert message in str(caught.value)


def test_an_entity_declared_in_a_dtd_is_never_expanded() -> None:
    document = (
        '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY e "EXPANDED">]>'
        f'<article xmlns="{NAMESPACE}" schema="articlekit/1"><headline>a &e; b</headline></article>'
    ).encode()
    with pytest.raises(ParseError, match="entity reference &e;") as caught:
        articlekit.parse(document, "xml")
    assert "EXPANDED" not in str(caught.value)


def test_the_xsd_ships_as_package_data() -> None:
    from importlib.resources import files

    data = files("articlekit.schema").joinpath(XSD_FILE).read_bytes()
    assert NAMESPACE.encode() in data
    assert xml_schema() is xml_schema()  # compiled once


def test_the_seed_article_is_valid_and_round_trips(seeds: Path) -> None:
    article = articlekit.parse(seeds / "000_fceb5e4b891116b7.txt")
    root = valid_root(write(article))
    check_marks(article, root)
    marked = {q.get("quote") for q in root.iterfind(".//a:body//a:q", N)}
    assert marked == {q.id for q in article.quotes if q.spans}
    assert articlekit.parse(write(article), "xml") == article


def test_the_field_tables_cover_every_model_field() -> None:
    """A field added to the model must be given a place in articlekit XML (and its XSD)."""
    import attrs

    from articlekit.formats import articlekit_xml as x

    def keys(fields: tuple[Any, ...]) -> set[str]:
        return {f.key for f in fields}

    covered = keys(x._HEAD) | keys(x._TAIL) | {"body", "extensions", "origin"}
    assert covered == {f.name for f in attrs.fields(m.Article)}
    assert keys(x._ORIGIN) == {f.name for f in attrs.fields(m.Origin)}
    for table, cls in ((x._CONTRIBUTOR, m.Contributor), (x._PLACE, m.Place), (x._MEDIA, m.Media)):
        assert keys(table) == {f.name for f in attrs.fields(cls)}
    for table, cls in ((x._QUOTE, m.Quote), (x._SOURCE, m.Source), (x._SUBJECT, m.Subject)):
        assert keys(table) == {f.name for f in attrs.fields(cls)}
    xsd = (files("articlekit.schema") / XSD_FILE).read_text("utf-8")
    for field in (*x._HEAD, *x._TAIL):
        assert f'name="{field.tag}"' in xsd


def test_a_character_escape_outside_unicode_or_a_surrogate_becomes_a_replacement_character() -> None:
    document = (
        f'<article xmlns="{NAMESPACE}" schema="articlekit/1">'
        '<headline>a<c u="D800"/>b<c u="FFFFFF"/>c<c u="0041"/></headline></article>'
    ).encode()
    assert articlekit.parse(document, "xml").headline == "a\ufffdb\ufffdcA"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_text_survives_in_any_text_element(text: str) -> None:
    article = m.Article(headline=text, body=(m.Paragraph(text), m.ListBlock((text, text))), keywords=(text,))
    output = write(article)
    valid_root(output)
    assert articlekit.parse(output, "xml") == article


def test_pretty_false_writes_no_indentation() -> None:
    article = quoted_article()
    compact = articlekit.dumps(article, "xml", pretty=False)
    assert isinstance(compact, str)
    assert compact.count("\n") == 2  # after the declaration and at the end
    valid_root(compact)
    assert articlekit.parse(compact, "xml") == article
