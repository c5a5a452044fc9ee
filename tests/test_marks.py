"""Links, emphasis and strong kept in the body (issue 18, part 2): the model's marks, the readers
that find them, the writers that keep them, and offsets that stay valid. Every sample here is
written for this test."""

from __future__ import annotations

import json
import re

import attrs
import jsonschema
import pytest
from lxml import etree

import articlekit
from articlekit import Article, BlockQuote, Heading, ListBlock, Mark, Paragraph
from articlekit.common.htmlbody import convert_html
from articlekit.formats.articlekit_xml import xml_schema
from articlekit.marks import link_href, place_marks
from articlekit.model import is_safe_href, normalize_marks
from articlekit.schema import json_schema

# ---------------------------------------------------------------------------- the model


def test_a_mark_is_never_empty_and_only_a_link_has_a_target() -> None:
    with pytest.raises(ValueError, match="empty"):
        Mark.emphasis(3, 3)
    with pytest.raises(ValueError, match="no href"):
        Mark("link", 0, 2)
    with pytest.raises(ValueError, match="only a link"):
        Mark("strong", 0, 2, href="https://example.org/")
    with pytest.raises(ValueError, match="not a safe link"):
        Mark.link(0, 2, "javascript:alert(1)")


@pytest.mark.parametrize(
    ("href", "safe"),
    [
        ("https://example.org/a", True),
        ("/relative", True),
        ("#section", True),
        ("mailto:desk@example.org", True),
        ("javascript:alert(1)", False),
        ("  JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("vbscript:msgbox", False),
        ("file:///etc/passwd", False),
    ],
)
def test_only_safe_schemes_are_links(href: str, safe: bool) -> None:
    assert is_safe_href(href) is safe


def test_marks_must_lie_inside_their_block_and_a_list_item() -> None:
    with pytest.raises(ValueError, match="runs past its Paragraph"):
        Paragraph("short", marks=(Mark.strong(2, 9),))
    with pytest.raises(ValueError, match="not inside one list item"):
        ListBlock(("one", "two"), marks=(Mark.emphasis(1, 6),))
    with pytest.raises(ValueError, match="not inside one list item"):
        ListBlock(("one", "two"), marks=(Mark.emphasis(3, 5),))  # from the newline between them
    assert ListBlock(("one", "two"), marks=(Mark.emphasis(4, 7),)).marks == (Mark.emphasis(4, 7),)
    block = Paragraph("a longer text", marks=(Mark.strong(9, 13),))
    with pytest.raises(ValueError, match="runs past"):
        attrs.evolve(block, text="a text")


def test_marks_are_kept_in_one_canonical_order_with_touching_pieces_joined() -> None:
    pieces = [Mark.emphasis(4, 6), Mark.link(0, 3, "/a"), Mark.emphasis(0, 4), Mark.link(3, 5, "/b")]
    assert normalize_marks(pieces) == (
        Mark.emphasis(0, 6),
        Mark.link(0, 3, "/a"),
        Mark.link(3, 5, "/b"),  # another target: not joined
    )
    assert Paragraph("abcdef", marks=pieces) == Paragraph("abcdef", marks=list(reversed(pieces)))


# ---------------------------------------------------------------------------- JSON and its schema


def marked_article() -> Article:
    """One block of each kind holding marks that nest, touch and cross."""
    return Article(
        headline="Marks",
        body=(
            Paragraph(
                "Read the full report on the ministry site today.",
                marks=(
                    Mark.link(5, 20, "https://example.org/report?id=1&x=2", 'The "full" report'),
                    Mark.emphasis(9, 13),
                    Mark.strong(14, 36),  # crosses the link's end
                ),
            ),
            Heading("A heading with stress", level=3, marks=(Mark.emphasis(15, 21),)),
            ListBlock(
                ("first item", "second [item]", "third"),
                ordered=True,
                marks=(Mark.strong(0, 5), Mark.link(11, 24, "/relative/page"), Mark.emphasis(25, 30)),
            ),
            BlockQuote("We will *not* go back", marks=(Mark.strong(8, 13),)),
            Paragraph("No marks here."),
        ),
    )


def test_json_writes_marks_compactly_and_only_where_there_are_any() -> None:
    data = json.loads(articlekit.dumps(marked_article(), "json"))
    assert data["schema"] == "articlekit/1"
    first, *_rest, last = data["body"]
    assert first["marks"][0] == {
        "kind": "link",
        "start": 5,
        "end": 20,
        "href": "https://example.org/report?id=1&x=2",
        "title": 'The "full" report',
    }
    assert first["marks"][1] == {"kind": "emphasis", "start": 9, "end": 13}
    assert "marks" not in last
    jsonschema.Draft202012Validator(json_schema()).validate(data)


def test_a_document_without_marks_reads_as_before() -> None:
    data = {"schema": "articlekit/1", **json.loads(articlekit.dumps(Article(headline="x"), "json"))}
    data["body"] = [{"type": "paragraph", "text": "Plain."}]
    article = articlekit.parse(json.dumps(data).encode(), "json")
    assert article.body == (Paragraph("Plain."),)


def test_the_schema_refuses_a_link_without_href_and_a_target_on_emphasis() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    data = json.loads(articlekit.dumps(marked_article(), "json"))
    data["body"][0]["marks"][0].pop("href")
    assert not validator.is_valid(data)
    data = json.loads(articlekit.dumps(marked_article(), "json"))
    data["body"][0]["marks"][1]["href"] = "https://example.org/"
    assert not validator.is_valid(data)


def test_a_mark_past_its_block_is_a_parse_error_naming_it() -> None:
    data = json.loads(articlekit.dumps(marked_article(), "json"))
    data["body"][4]["marks"] = [{"kind": "strong", "start": 0, "end": 99}]
    with pytest.raises(articlekit.ParseError, match="runs past its Paragraph"):
        articlekit.parse(json.dumps(data).encode(), "json", name="bad.json")


# ---------------------------------------------------------------------------- every format keeps them


def test_xml_marks_validate_and_crossing_marks_are_written_in_pieces() -> None:
    written = articlekit.dumps(marked_article(), "xml")
    root = etree.fromstring(written.encode())
    xml_schema().assertValid(root)
    assert (
        '<p>Read <link href="https://example.org/report?id=1&amp;x=2" title="The &quot;full&quot; report">'
        "the <em>full</em> <strong>report</strong></link><strong> on the ministry</strong> site today.</p>"
    ) in written


def test_markdown_writes_links_emphasis_and_strong_escaping_the_text() -> None:
    output = articlekit.dumps(marked_article(), "md")
    assert isinstance(output, str)
    assert (
        'Read [the *full* **report**](<https://example.org/report?id=1&x=2> "The \\"full\\" report") '
        "**on the ministry** site today." in output
    )
    assert "### A heading with *stress*" in output
    assert "1. **first** item\n2. [second \\[item\\]](/relative/page)\n3. *third*" in output
    assert "> We will **\\*not\\*** go back" in output


def test_nitf_writes_a_links_and_em_and_reads_wild_b_and_i() -> None:
    output = articlekit.dumps(marked_article(), "nitf")
    assert isinstance(output, str)
    assert '<a href="https://example.org/report?id=1&amp;x=2" title="The &quot;full&quot; report">' in output
    assert "<em>full</em>" in output and '<em class="strong">report</em>' in output
    wild = (
        b'<nitf><body><body.content><p>A <b>bold</b> and <i>slanted</i> word, a <a href="javascript:x()">trap</a>'
        b' and <a href="https://example.org/">a link</a>.</p></body.content></body></nitf>'
    )
    (paragraph,) = articlekit.parse(wild, "nitf", enrich=False).body
    assert paragraph == Paragraph(
        "A bold and slanted word, a trap and a link.",
        marks=(Mark.strong(2, 6), Mark.emphasis(11, 18), Mark.link(36, 42, "https://example.org/")),
    )


def test_the_ninjs_html_body_holds_the_marks() -> None:
    data = json.loads(articlekit.dumps(marked_article(), "ninjs"))
    html = next(b["value"] for b in data["bodies"] if b["contentType"] == "text/html")
    assert '<a href="https://example.org/report?id=1&amp;x=2" title=\'The "full" report\'>' in html
    assert "<em>full</em> <strong>report</strong></a><strong> on the ministry</strong>" in html


@pytest.mark.parametrize("fmt", ["text", "jsonld"])
def test_plain_text_output_is_unchanged_by_marks(fmt: str) -> None:
    article = marked_article()
    bare = attrs.evolve(article, body=tuple(attrs.evolve(b, marks=()) for b in article.body))
    assert articlekit.dumps(article, fmt) == articlekit.dumps(bare, fmt)


def test_json_ld_body_stays_plain_text() -> None:
    data = json.loads(articlekit.dumps(marked_article(), "jsonld"))
    assert data["articleBody"].startswith("Read the full report on the ministry site today.")


# ---------------------------------------------------------------------------- reading HTML

PAGE = """<!doctype html><html><head><title>Marks</title>{base}</head><body><article>
<h1>Marks</h1>
<p>The <a href="/report.html" title="  The   report ">full report</a> was <em>not</em> published,
   <strong>officials said </strong>on <b>Monday</b>; <a href="javascript:steal()">click</a>,
   <a href="#">nothing</a>, <a>no target</a>.</p>
<p>A <i>line<br>break</i> and a <a href="notes/1"><em>nested</em> link</a>.</p>
<h2>A <em>stressed</em> heading</h2>
<ul><li>one <strong>bold</strong></li><li>see <a href="https://other.example/">elsewhere</a> for more</li></ul>
<blockquote><p>We <em>will</em> return.</p></blockquote>
</article></body></html>"""


def read_page(base: str = "", base_url: str | None = "https://news.example/world/story.html") -> Article:
    options = {"base_url": base_url} if base_url else {}
    return articlekit.parse(PAGE.format(base=base).encode(), "html", enrich=False, **options)


def test_html_marks_with_links_resolved_against_the_page() -> None:
    article = read_page()
    first = article.body[0]
    assert first.text == ("The full report was not published, officials said on Monday; click, nothing, no target.")
    assert first.marks == (
        Mark.link(4, 15, "https://news.example/report.html", "The report"),
        Mark.emphasis(20, 23),
        Mark.strong(35, 49),  # white space at a mark's edge stays outside it
        Mark.strong(53, 59),
    )
    second = article.body[1]
    assert second.text == "A line\nbreak and a nested link."
    assert second.marks == (
        Mark.emphasis(2, 12),
        Mark.link(19, 30, "https://news.example/world/notes/1"),
        Mark.emphasis(19, 25),
    )
    assert article.body[2] == Heading("A stressed heading", 2, marks=(Mark.emphasis(2, 10),))
    assert article.body[3] == ListBlock(
        ("one bold", "see elsewhere for more"), marks=(Mark.strong(4, 8), Mark.link(13, 22, "https://other.example/"))
    )
    assert article.body[4] == BlockQuote("We will return.", marks=(Mark.emphasis(3, 7),))


def test_a_base_element_sets_where_links_resolve() -> None:
    article = read_page('<base href="https://cdn.example/archive/">')
    assert article.body[0].marks[0].href == "https://cdn.example/report.html"
    assert article.body[1].marks[1].href == "https://cdn.example/archive/notes/1"


def test_without_an_address_relative_links_stay_as_written() -> None:
    article = read_page(base_url=None)
    assert article.body[0].marks[0].href == "/report.html"


def test_marks_change_no_text_and_no_offset() -> None:
    """The body read with its inline markup and without it gives the same text, so every
    offset into it (quotes, cues, speakers) is the same."""
    page = PAGE.format(base="")
    marked = convert_html(page, related=False)
    plain = convert_html(re.sub(r"</?(?:a|em|strong|b|i)\b[^>]*>", "", page), related=False)
    assert any(getattr(b, "marks", ()) for b in marked.blocks)
    assert [b.text for b in marked.blocks] == [b.text for b in plain.blocks]


def test_a_link_around_blocks_marks_each_of_them() -> None:
    body = convert_html('<a href="https://example.org/card"><h3>Card title</h3><p>Card text.</p></a>')
    assert [b.marks for b in body.blocks] == [
        (Mark.link(0, 10, "https://example.org/card"),),
        (Mark.link(0, 10, "https://example.org/card"),),
    ]


def test_ninjs_and_feed_html_bodies_keep_their_marks() -> None:
    ninjs = {
        "uri": "urn:test:1",
        "headline": "H",
        "body_html": '<p>See <a href="https://example.org/x">the <em>source</em></a>.</p>',
    }
    article = articlekit.parse(json.dumps(ninjs).encode(), "ninjs", enrich=False)
    assert article.body == (
        Paragraph("See the source.", marks=(Mark.link(4, 14, "https://example.org/x"), Mark.emphasis(8, 14))),
    )
    feed = b"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>F</title><link>https://feed.example/</link><item><title>Item</title>
<link>https://feed.example/news/item</link>
<content:encoded><![CDATA[<p>A <strong>strong</strong> word and
<a href="https://example.org/y">a link</a>, <a href="../other">another</a>.</p>]]></content:encoded>
</item></channel></rss>"""
    (item,) = articlekit.parse_all(feed, "feed", enrich=False)
    # a relative link resolves as the feed says: xml:base, else (RSS) the channel link
    assert item.body[0].marks == (
        Mark.strong(2, 8),
        Mark.link(18, 24, "https://example.org/y"),
        Mark.link(26, 33, "https://feed.example/other"),
    )


def test_place_marks_squashes_white_space_as_the_walker_does() -> None:
    raw = "  one   two\n\n three  "
    text, marks = place_marks(raw, [])
    assert (text, marks) == ("one two\nthree", ())
    from articlekit.marks import RawMark

    text, marks = place_marks(raw, [RawMark("strong", 5, 11), RawMark("emphasis", 11, 13)])
    assert marks == (Mark.strong(4, 7),)  # the emphasis held only white space


@pytest.mark.parametrize(
    ("href", "base", "expected"),
    [
        ("/a", "https://example.org/b/c", "https://example.org/a"),
        (" b ", "https://example.org/x/", "https://example.org/x/b"),
        ("", "https://example.org/", None),
        ("#", "https://example.org/", None),
        ("javascript:void(0)", "https://example.org/", None),
        ("https://other.example/", None, "https://other.example/"),
    ],
)
def test_link_targets(href: str, base: str | None, expected: str | None) -> None:
    assert link_href(href, base) == expected


def test_a_few_marks_are_placed_as_many_are(monkeypatch: pytest.MonkeyPatch) -> None:
    """place_marks finds a few marks' places by squashing the text before them, and many by
    listing every word's place: both give the same text and marks, wherever a mark starts or
    ends (in a word, at its edge, in white space holding line breaks or not)."""
    import random

    from articlekit import marks as marks_module
    from articlekit.marks import RawMark

    chooser = random.Random(13)
    cases = []
    for _ in range(3000):
        raw = "".join(chooser.choice("ab  \n\t\u00a0\u2028x") for _ in range(chooser.randint(0, 16)))
        found = []
        for _ in range(chooser.randint(0, 4)):
            start = chooser.randint(0, len(raw))
            found.append(RawMark(chooser.choice(["emphasis", "strong"]), start, chooser.randint(start, len(raw))))
        cases.append((raw, found))
    few = [place_marks(raw, found) for raw, found in cases]
    monkeypatch.setattr(marks_module, "_FEW_MARKS", -1)
    assert few == [place_marks(raw, found) for raw, found in cases]
    assert few[0] is not None and any(marks for _, marks in few)
