"""articlekit Markdown (``md``): CommonMark whose structure markdown-it-py confirms, article
text that stays text, and an exact round trip through the ``md`` parser."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

import articlekit
from articlekit import model as m
from articlekit.errors import ParseError
from articlekit.formats.markdown.syntax import escape_text, unescape
from articlekit.marks import join_marks
from articlekit.plugins import get_registry
from tests.strategies import articles

MD = MarkdownIt("commonmark")
ANCHOR = re.compile(r'<a id="b[0-9]+"(?: class="related")?>|</a>')
EMPTY_LIST = re.compile(r"<!-- articlekit: empty (numbered )?list -->\n")


def write(article: m.Article) -> str:
    """The article as Markdown, whose structure markdown-it-py must confirm (every output in
    these tests does)."""
    output = articlekit.dumps(article, "md")
    assert isinstance(output, str)
    check_structure(article, output)
    check_no_raw_html(output)
    return output


def split(output: str) -> tuple[dict[str, Any], str]:
    """The front matter's data and the Markdown after it."""
    assert output.startswith("---\n")
    end = output.index("\n---\n", 3)
    return yaml.safe_load(output[4:end]), output[end + 5 :]


def shown(text: str) -> str:
    """What a CommonMark renderer shows for ``text``: characters it refuses as character
    references become U+FFFD."""

    def valid(ch: str) -> bool:
        c = ord(ch)
        return not (
            0xD800 <= c <= 0xDFFF
            or 0xFDD0 <= c <= 0xFDEF
            or c & 0xFFFF in (0xFFFE, 0xFFFF)
            or c <= 0x08
            or c == 0x0B
            or 0x0E <= c <= 0x1F
            or 0x7F <= c <= 0x9F
        )

    def referenced(ch: str) -> bool:  # what the writer writes as a character reference
        return unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufeff\ufffe\uffff\u2028\u2029"

    return "".join("\ufffd" if referenced(ch) and not valid(ch) else ch for ch in text)


def plain_text(tokens: list[Token]) -> str:
    return "".join(t.content for t in tokens if t.type == "text")


def plain(inline: Token, marks: tuple[m.Mark, ...] | None = None, offset: int = 0) -> str:
    """The text of an inline token whose only markup may be the writer's anchor and, where
    ``marks`` are given, exactly those marks (those of a block over this text, which starts at
    ``offset`` in the block's text): any other markup (emphasis, links, code, raw HTML) came from
    article text and fails the test."""
    parts = []
    length = 0
    found: list[m.Mark] = []
    opened: list[tuple[str, int, Token]] = []
    kinds = {"em": "emphasis", "strong": "strong", "link": "link"}
    for child in inline.children or []:
        if child.type == "html_inline":
            assert ANCHOR.fullmatch(child.content), f"raw HTML from article text: {child.content!r}"
        elif marks is not None and child.type.rpartition("_")[0] in kinds:
            kind = kinds[child.type.rpartition("_")[0]]
            if child.type.endswith("_open"):
                opened.append((kind, length, child))
            else:
                name, start, token = opened.pop()
                assert name == kind
                href = unquote(str(token.attrGet("href"))) if kind == "link" else None
                title = token.attrGet("title") if kind == "link" else None
                if length > start:
                    found.append(m.Mark(kind, offset + start, offset + length, href, title))  # type: ignore[arg-type]
        else:
            assert child.type == "text", f"markup from article text: {child.type} in {inline.content!r}"
            parts.append(child.content)
            length += len(child.content)
    text = "".join(parts)
    if marks is not None:
        expected = [
            (mk.kind, max(mk.start, offset), min(mk.end, offset + len(text)), mk.href and unquote(mk.href), mk.title)
            for mk in marks
            if mk.start < offset + len(text) and mk.end > offset
        ]
        rendered = join_marks(" " * offset + text, found)
        assert sorted((mk.kind, mk.start, mk.end, mk.href, mk.title) for mk in rendered) == sorted(expected)
    return text


class Blocks:
    """The top-level tokens of a Markdown document, consumed block by block."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.position = 0

    def next(self) -> list[Token]:
        """The tokens of the next top-level block."""
        start = self.position
        opening = self.tokens[start]
        if opening.nesting == 1:
            depth = 0
            for index in range(start, len(self.tokens)):
                depth += self.tokens[index].nesting
                if depth == 0:
                    self.position = index + 1
                    return self.tokens[start : index + 1]
            raise AssertionError("unbalanced tokens")
        self.position = start + 1
        return [opening]

    def done(self) -> bool:
        return self.position >= len(self.tokens)


def inlines(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.type == "inline"]


def check_body_block(block: m.Block, tokens: list[Token], article: m.Article) -> None:
    first = tokens[0]
    if isinstance(block, m.Paragraph):
        assert first.type == "paragraph_open"
        assert plain(inlines(tokens)[0], block.marks) == shown(block.text)
    elif isinstance(block, m.Heading):
        assert (first.type, first.tag) == ("heading_open", f"h{block.level}")
        assert plain(inlines(tokens)[0], block.marks) == shown(block.text)
    elif isinstance(block, m.BlockQuote):
        assert first.type == "blockquote_open"
        texts = inlines(tokens)
        assert plain(texts[0], block.marks) == shown(block.text)
        if block.cite is not None:
            assert plain(texts[1]) == shown("— " + block.cite if block.cite else "—")
    elif isinstance(block, m.ListBlock):
        if not block.items:
            assert first.type == "html_block" and EMPTY_LIST.fullmatch(first.content)
            return
        assert first.type == ("ordered_list_open" if block.ordered else "bullet_list_open")
        items = [t for t in tokens if t.type == "list_item_open" and t.level == first.level + 1]
        assert len(items) == len(block.items)
        offsets = [sum(len(i) + 1 for i in block.items[:n]) for n in range(len(block.items))]
        starts = [at for at, item in zip(offsets, block.items, strict=True) if item]
        written = [plain(t, block.marks, at) for t, at in zip(inlines(tokens), starts, strict=False)]
        assert written == [shown(i) for i in block.items if i]
    elif isinstance(block, m.MediaRef):
        assert first.type == "paragraph_open"
        media = article.media[block.media]
        kind = "image" if media.kind in ("image", "graphic") else "link_open"  # video, audio: a link
        children = inlines(tokens)[0].children or []
        if media.url is None or re.match(r"(?!https?:|mailto:|ftp:)[A-Za-z][A-Za-z0-9+.-]*:", media.url):
            # nothing to link to: a bold label "Image 1:", caption and credit
            strong = children.index(next(c for c in children if c.type == "strong_open"))
            assert plain_text(children[strong + 1 : strong + 2]) == f"{media.kind.capitalize()} {block.media + 1}:"
            return
        found = [c for c in children if c.type == kind]
        assert len(found) == 1
        target = found[0].attrGet("src" if kind == "image" else "href")
        if media.url is None or re.fullmatch(r"https?://[\w./?=&-]*", media.url):
            assert target == (media.url or "")
    elif isinstance(block, m.Related):
        # in its place in the text: a paragraph, the label in italics, the title (a link when safe)
        assert first.type == "paragraph_open"
        assert first.level == 0 and any(t.type == "inline" for t in tokens)
    else:  # pragma: no cover
        raise AssertionError(type(block))


def check_structure(article: m.Article, output: str) -> None:
    """The rendered structure: h1 headline (none for an article without one), the header, a
    rule, the body block by block, a rule, then the sections for people."""
    _front, markdown = split(output)
    blocks = Blocks(MD.parse(markdown))
    if escape_text(article.headline):
        title = blocks.next()
        assert (title[0].type, title[0].tag) == ("heading_open", "h1")
        assert plain(inlines(title)[0]) == shown(article.headline)
    while blocks.next()[0].type != "hr":  # (the headline,) subheadline, summary, byline, lead image
        pass
    for block in article.body:
        check_body_block(block, blocks.next(), article)
    assert blocks.next()[0].type == "hr", "the body holds exactly the article's blocks"
    sections = []
    while not blocks.done():
        tokens = blocks.next()
        if tokens[0].type == "heading_open":
            sections.append(plain(inlines(tokens)[0]))
            if sections[-1] in ("Quotes", "Sources"):
                listing = blocks.next()
                while listing[0].type == "paragraph_open":  # a legend
                    listing = blocks.next()
                items = [t for t in listing if t.type == "list_item_open" and t.level == listing[0].level + 1]
                expected = {
                    "Quotes": len(article.quotes),
                    "Sources": len(article.sources),
                }[sections[-1]]
                assert len(items) == expected
    wanted = [
        name
        for name, present in (
            ("Media", len(article.media) > 1 or (article.media and len(article.media) > len(placed(article)))),
            ("Quotes", bool(article.quotes)),
            ("Sources", bool(article.sources)),
        )
        if present
    ]
    assert [s for s in sections if s != "Media"] == [w for w in wanted if w != "Media"]


def placed(article: m.Article) -> set[int]:
    return {b.media for b in article.body if isinstance(b, m.MediaRef)}


def check_no_raw_html(output: str) -> None:
    """Even a renderer that knows nothing of front matter meets no markup from the article."""
    for token in MD.parse(output):
        if token.type == "html_block":
            assert EMPTY_LIST.fullmatch(token.content), token.content
        for child in token.children or []:
            if child.type == "html_inline":
                assert ANCHOR.fullmatch(child.content), child.content


@given(articles())
def test_every_article_writes_commonmark_with_its_structure_and_round_trips_as_the_json_does(
    article: m.Article,
) -> None:
    output = write(article)
    check_structure(article, output)
    check_no_raw_html(output)
    parsed = articlekit.parse(output, "md")
    assert parsed == article
    # the same Article that parsing the JSON gives (one generated article serves both checks)
    assert parsed == articlekit.parse(articlekit.dumps(article, "json"), "json")


def seed_like() -> m.Article:
    text = (
        '"It would be impolite of me to talk about any final options now," '
        "the Russian president said at a press conference in Bishkek, Kyrgyzstan."
    )
    quote = "It would be impolite of me to talk about any final options now,"
    mention = "the Russian president"
    at = text.index(mention)
    return m.Article(
        headline="Putin: US-proposed list of points on Ukraine could form basis for future agreements",
        language="en",
        url="https://example.org/news/1",
        published=datetime(2025, 11, 28, 12, 44, tzinfo=timezone(timedelta(hours=8))),
        updated=datetime(2025, 11, 28, 13, 0, tzinfo=timezone(timedelta(hours=8))),
        authors=(m.Contributor("Xinhua", kind="organisation"),),
        provider="Xinhua",
        datelines=(m.Place("MOSCOW"), m.Place("KYIV")),
        media=(
            m.Media(
                url="https://example.org/a.jpg",
                caption="A rescuer extinguishes a fire following a drone strike in Pryluky.",
                credit="UKRAINIAN EMERGENCY SERVICE VIA AFP",
                alt="A rescuer at a fire",
            ),
        ),
        body=(
            m.Paragraph("MOSCOW/KYIV - The US-proposed list of points on Ukraine could form a basis."),
            m.Paragraph(text),
            m.Related("Kremlin says too early to conclude Ukraine conflict nearing end", label="ALSO READ"),
            m.Heading("What comes next", level=2),
            m.BlockQuote("We never had any intention of doing that.", cite="Vladimir Putin"),
            m.ListBlock(("19 points", "28 points"), ordered=True),
        ),
        quotes=(
            m.Quote(
                id="q1",
                kind="direct",
                text=quote,
                spans=(m.Span(1, 1, 1 + len(quote)),),
                cue=m.Cue("said", m.Span(1, at + len(mention) + 1, at + len(mention) + 5)),
                speaker=m.Speaker(mention, "s1", m.Span(1, at, at + len(mention))),
                context=m.QuoteContext(
                    venue="a press conference in Bishkek, Kyrgyzstan",
                    when=m.When("Thursday", date(2025, 11, 27), date(2025, 11, 27)),
                ),
            ),
        ),
        sources=(
            m.Source("s1", "person", "Vladimir Putin", titles=("Russian President",), aliases=("Putin", mention)),
        ),
        keywords=("Ukraine", "Russia"),
        origin=m.Origin(format="text", file="seed.txt"),
    )


def test_front_matter_holds_the_metadata() -> None:
    article = seed_like()
    front, _markdown = split(write(article))
    assert front["schema"] == "articlekit/1"
    assert front["headline"] == article.headline
    assert front["published"] == "2025-11-28T12:44:00+08:00"
    assert front["updated"] == "2025-11-28T13:00:00+08:00"
    assert front["authors"] == [{"name": "Xinhua", "kind": "organisation", "role": "author"}]
    assert front["provider"] == "Xinhua"
    assert front["datelines"] == [{"name": "MOSCOW"}, {"name": "KYIV"}]
    assert (front["url"], front["language"], front["keywords"]) == (article.url, "en", ["Ukraine", "Russia"])
    assert front["origin"] == {"format": "text", "file": "seed.txt"}
    assert front["related"] == [
        {"at": 2, "text": "Kremlin says too early to conclude Ukraine conflict nearing end", "label": "ALSO READ"}
    ]
    assert "body" not in front and "summary" not in front  # no body; empty values left out


def test_the_page_reads_like_an_article() -> None:
    output = write(seed_like())
    _front, markdown = split(output)
    assert markdown.startswith(
        "\n# Putin: US-proposed list of points on Ukraine could form basis for future agreements\n"
    )
    assert "By **Xinhua** · MOSCOW/KYIV · Published 2025-11-28 12:44+08:00 · Updated 2025-11-28 13:00+08:00" in markdown
    assert (
        "![A rescuer at a fire](https://example.org/a.jpg)\\\n"
        "*A rescuer extinguishes a fire following a drone strike in Pryluky.* "
        "Credit: UKRAINIAN EMERGENCY SERVICE VIA AFP\n"
    ) in markdown
    assert "\n## What comes next\n" in markdown
    assert "\n> We never had any intention of doing that.\n>\n> — Vladimir Putin\n" in markdown
    assert "\n1. 19 points\n2. 28 points\n" in markdown
    # the related link stands where the article has it, before the list
    related = markdown.index('<a id="b3" class="related"></a>*ALSO READ:* Kremlin says too early to conclude')
    assert markdown.index("What comes next") > related > markdown.index('<a id="b2"></a>')
    assert "## Related" not in markdown
    assert (
        "1. **Vladimir Putin** (“the Russian president”) said: “It would be impolite of me to talk about any "
        "final options now,” [¶ 2](#b2)\\\n   Where: a press conference in Bishkek, Kyrgyzstan · When: Thursday"
    ) in markdown
    assert '<a id="b2"></a>"It would be impolite' in markdown
    sources = "- **Vladimir Putin** (person): Russian President. Also “Putin”, “the Russian president”. Quoted 1 time."
    assert sources in markdown
    check_structure(seed_like(), output)
    assert articlekit.parse(output, "md") == seed_like()


def test_every_quote_link_has_its_anchor() -> None:
    output = write(seed_like())
    links = set(re.findall(r"\[¶ ([0-9]+)\]\(#(b[0-9]+)\)", output))
    assert links == {("2", "b2")}  # the label and the anchor count the same way, from 1
    for _label, target in links:
        assert f'<a id="{target}"></a>' in output


def test_a_headline_with_markup_stays_literal() -> None:
    article = m.Article(headline="*Breaking* <script>alert(1)</script>", body=(m.Paragraph("[x](javascript:y) `c`"),))
    output = write(article)
    _front, markdown = split(output)
    html = MD.render(markdown)
    assert "<h1>*Breaking* &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "<p>[x](javascript:y) `c`</p>" in html
    assert "<script>" not in output and "](javascript:" not in output
    check_no_raw_html(output)
    assert articlekit.parse(output, "md") == article


NASTY = [
    "",
    " ",
    "  two spaces either side  ",
    "\ttab",
    "line\nbreak",
    "blank\n\nline",
    "crlf\r\nand cr\r",
    "# not a heading",
    "## x ##",
    "ends with #",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "* not a list",
    "1. not a list",
    "2024) not a list",
    "---",
    "***",
    "* * *",
    "===",
    "~~~",
    "```",
    "    indented code",
    "<!-- -->",
    "<div>html</div>",
    "&amp; &#65; &copy",
    "back\\slash\\",
    "trailing backslash\\",
    "hard break  ",
    "[link](http://x) ![img](y) <http://auto>",
    "[ref]: http://x",
    "_em_ *em* __strong__ `code`",
    "NUL\x00 VT\x0b FF\x0c ESC\x1b DEL\x7f C1\x85 FFFE\ufffe FFFF\uffff BOM\ufeff LS\u2028",
    "\u00a0nbsp\u2003",
    "“curly” — dash… ünïcödé 中文 😀",
    "a --- b",
    "a: b",
]


@pytest.mark.parametrize("text", NASTY)
def test_any_text_survives_in_any_block(text: str) -> None:
    article = m.Article(
        headline=text,
        subheadline=text,
        summary=text,
        media=(m.Media(url=text or None, caption=text, credit=text, alt=text),),
        body=(
            m.Paragraph(text),
            m.Heading(text, level=1),
            m.BlockQuote(text, cite=text),
            m.ListBlock((text, text), ordered=True),
            m.ListBlock((text,), ordered=True),
            m.ListBlock((text, ""), ordered=False),
            m.ListBlock((), ordered=False),
            m.Related(text, label=text, url=text),
            m.MediaRef(0),
            m.BlockQuote(text),
        ),
        quotes=(m.Quote("q1", "direct", text, spans=(m.Span(0, 0, len(text)),), speaker=m.Speaker(text)),),
        sources=(m.Source("s1", "unnamed", text, titles=(text,), aliases=(text,)),),
        keywords=(text,),
        extensions={"example": {text: [text, None, []]}},
    )
    output = write(article)
    check_structure(article, output)
    check_no_raw_html(output)
    assert articlekit.parse(output, "md") == article


@pytest.mark.parametrize("text", NASTY)
def test_escaping_is_undone_exactly(text: str) -> None:
    escaped = escape_text(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert unescape(escaped) == text


def test_consecutive_lists_stay_apart() -> None:
    article = m.Article(
        body=(
            m.ListBlock(("a",), ordered=False),
            m.Related("r"),
            m.ListBlock(("b",), ordered=False),
            m.ListBlock(("c",), ordered=False),
            m.ListBlock(("d",), ordered=True),
            m.ListBlock(("e",), ordered=True),
        )
    )
    output = write(article)
    # the related link stands between the first two lists and keeps them apart itself
    assert '\n- a\n\n<a id="b2" class="related"></a>r\n\n- b\n\n+ c\n\n1. d\n\n1) e\n' in output
    check_structure(article, output)
    assert articlekit.parse(output, "md") == article


def test_media_the_body_places_are_images_by_reference() -> None:
    media = (m.Media(url="https://example.org/a.jpg", alt="A"), m.Media(url="https://example.org/b (1).jpg"))
    article = m.Article(media=media, body=(m.MediaRef(1), m.Paragraph("p"), m.MediaRef(0), m.MediaRef(1)))
    output = write(article)
    assert "\n![Image][media-2]\n\np\n\n![A][media-1]\n\n![Image][media-2]\n" in output
    assert "\n[media-1]: https://example.org/a.jpg\n[media-2]: <https://example.org/b (1).jpg>\n" in output
    tokens = MD.parse(split(output)[1])
    sources = [c.attrGet("src") for t in tokens for c in t.children or [] if c.type == "image"]
    assert sources == [
        "https://example.org/b%20(1).jpg",
        "https://example.org/a.jpg",
        "https://example.org/b%20(1).jpg",
    ]
    assert articlekit.parse(output, "md") == article


def test_unsafe_link_schemes_are_not_linked() -> None:
    article = m.Article(
        media=(m.Media(url="javascript:alert(1)"),),
        body=(m.Related("r", url="javascript:alert(1)"), m.Related("s", url="data:text/html,x")),
    )
    output = write(article)
    html = MD.render(split(output)[1])
    assert "javascript:" not in html.replace("(javascript:alert(1))", "")
    assert 'href="data:' not in html
    assert articlekit.parse(output, "md") == article


def test_markdown_articlekit_did_not_write() -> None:
    document = (
        "# A hand-made story\n\nFirst paragraph,\nwrapped.\n\n## Later\n\n* one\n* two\n\n> quoted\n\n"
        "3. three\n4. four\n"
    )
    article = articlekit.parse(document, "md")
    assert article.headline == "A hand-made story"
    assert article.body == (
        m.Paragraph("First paragraph, wrapped."),
        m.Heading("Later", 2),
        m.ListBlock(("one", "two")),
        m.BlockQuote("quoted"),
        m.ListBlock(("three", "four"), ordered=True),
    )
    front = "---\nschema: articlekit/1\nheadline: From the front matter\n---\n\n# Other\n\n* * *\n\nBody.\n"
    article = articlekit.parse(front, "md")
    assert (article.headline, article.body) == ("From the front matter", (m.Paragraph("Body."),))


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("---\nheadline: [unclosed\n---\n", "story.md:2:20: the front matter is not valid YAML"),
        ("---\nheadline: x\n", "story.md:1: the front matter starting on line 1 has no closing '---' line"),
        ("---\n- a list\n---\n", "story.md:2: the front matter must be a mapping, found list"),
        ("---\ntitle: Hugo\n---\n", "not a valid articlekit document"),
        ("---\nquotes:\n- {id: q1, kind: shouted, text: x}\n---\n", "not a valid articlekit document"),
        ("---\nrelated: [{text: x}]\n---\n", "'related' must be a list of objects each with an integer 'at'"),
        ("* * *\n\n![x][media-0]\n", "media are counted from 1"),
        (
            "---\nextensions:\n  a: &a [1, 2, 3]\n  b: [*a, *a, *a]\n---\n",
            "story.md:4:7: the front matter is not valid YAML: aliases (*name) are not allowed",
        ),
        ("* * *\n\n![x][media-3]\n", "media reference 2 is out of range"),
    ],
)
def test_bad_documents_are_parse_errors(document: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        articlekit.parse(document, "md", name="story.md")
    assert str(caught.value).startswith("story.md")
    assert message in str(caught.value)


def test_sniffing_claims_articlekit_markdown() -> None:
    spec = get_registry().parser("md")
    assert spec.lossless
    assert spec.sniff(write(m.Article(headline="x")).encode(), "x") == 1.0
    assert spec.sniff(b"---\ntitle: Hugo\n---\n# x\n", "x.md") == 0.0
    assert spec.sniff(b"# Just markdown\n", "x.md") == 0.0
    assert articlekit.detect_format(articlekit.Document(write(m.Article(headline="x")).encode(), "x.txt")) == "md"
    # Markdown articlekit did not write is the ``markdown`` format's (tests/test_markdown_foreign.py)
    assert articlekit.detect_format(articlekit.Document(b"# Hand-made\n", "x.md")) == "markdown"


def test_the_seed_article_round_trips_and_lists_its_quotes(seeds: Path) -> None:
    article = articlekit.parse(seeds / "000_fceb5e4b891116b7.txt")
    output = write(article)
    check_structure(article, output)
    check_no_raw_html(output)
    assert articlekit.parse(output, "md") == article
    _front, markdown = split(output)
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert len(direct) >= 5
    for quote in direct:
        assert f"“{escape_text(quote.text)}”" in markdown


def test_front_matter_keys_must_be_strings_and_surrogates_become_replacement_characters() -> None:
    with pytest.raises(ParseError, match=r"story\.md: front matter extensions: the key 1 is not a string"):
        articlekit.parse("---\nschema: articlekit/1\nextensions: {1: 2}\n---\n", "md", name="story.md")
    with pytest.warns(UserWarning, match=r"lone surrogate .* in headline"):
        article = articlekit.parse('---\nschema: articlekit/1\nheadline: "a\\uD800"\n---\n\n* * *\n\n&#55296;\n', "md")
    assert (article.headline, article.body) == ("a\ufffd", (m.Paragraph("\ufffd"),))


def test_extensions_are_written_as_json_would_write_them() -> None:
    article = m.Article(headline="x", extensions={"p": {"t": (1, ("a",)), "n": None, "e": [], "o": {}}})
    expected = {"p": {"t": [1, ["a"]], "n": None, "e": [], "o": {}}}
    assert articlekit.parse(write(article), "md").extensions == expected
    assert articlekit.parse(articlekit.dumps(article, "json"), "json").extensions == expected


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_escaped_text_renders_as_itself_and_reads_back(text: str) -> None:
    escaped = escape_text(text)
    assert unescape(escaped) == text
    for prefix in ("", "- ", "> ", "## ", "1. "):
        tokens = MD.parse(prefix + escaped + "\n")
        blocks = inlines(tokens)
        assert len(blocks) == 1, (prefix, escaped)
        assert plain(blocks[0]) == shown(text)


def test_a_page_without_front_matter_for_people_only() -> None:
    article = seed_like()
    output = articlekit.dumps(article, "md", front_matter=False)
    assert isinstance(output, str)
    assert output.startswith("# Putin: US-proposed list of points")
    assert "schema:" not in output and "## Quotes" in output
    check_no_raw_html(output)
    assert MD.parse(output)[0].tag == "h1"
    again = articlekit.parse(output, "md")
    # quotes, sources, metadata and the related links' places live in the front matter
    assert (again.headline, again.body) == (
        article.headline,
        tuple(b for b in article.body if not isinstance(b, m.Related)),
    )
    assert (again.quotes, again.published) == ((), None)


def test_the_example_in_the_docs_is_what_the_writer_writes() -> None:
    """docs/formats/markdown.md shows the seed's Markdown: it must read back and write out the
    same, character for character (regenerate it with the command the page gives)."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "formats" / "markdown.md").read_text("utf-8")
    start = page.index("````markdown\n") + len("````markdown\n")
    example = page[start : page.index("````", start)]
    article = articlekit.parse(example, "md")
    assert article.quotes and article.origin.file == "seeds/000_fceb5e4b891116b7.txt"
    assert write(article) == example


def test_a_summary_that_repeats_the_subheadline_is_shown_once() -> None:
    article = m.Article(headline="H", subheadline="The same words", summary="The same words")
    _front, markdown = split(write(article))
    assert markdown.count("The same words") == 1 and "**The same words**" in markdown
    assert articlekit.parse(write(article), "md") == article  # the front matter keeps both


@pytest.mark.parametrize("front_matter", [True, False])
def test_an_article_without_a_headline_has_no_bare_heading_mark(front_matter: bool) -> None:
    """Issue 13: a page with no headline wrote a bare ``#`` line; now the header has no heading,
    and a body that opens with its own level-1 heading keeps it when read back."""
    for summary in ("", "A day on the water."):
        article = m.Article(
            headline="",
            summary=summary,
            body=(m.Heading("Part one", level=1), m.Paragraph("The ferry left at noon and came back late.")),
        )
        output = articlekit.dumps(article, "md", front_matter=front_matter)
        assert isinstance(output, str)
        assert not any(line.strip() == "#" for line in output.splitlines())
        again = articlekit.parse(output, "md")
        assert (again.headline, again.body) == ("", article.body)
