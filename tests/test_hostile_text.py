"""Hostile text (issue 15): what no writer can encode is repaired at the door, errors a user can
act on instead of "please report it", spreadsheet and terminal injection."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import model as m
from articlekit.cli import main
from articlekit.repair import RepairedTextWarning, repair_article

REGISTRY = articlekit.get_registry()
WRITERS = sorted(REGISTRY.writers)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- item 3: a lone surrogate is repaired at the door, with a warning naming the input ----------

LONE = "\\ud83d"  # as escaped in JSON and YAML: half of an emoji, cut off

SURROGATE_INPUTS = {
    "json": (f'{{"schema": "articlekit/1", "headline": "cut {LONE}", "keywords": ["k{LONE}"]}}', "json"),
    "ninjs": (f'{{"uri": "urn:x", "type": "text", "headline": "cut {LONE}", "body_text": "Said {LONE}."}}', "ninjs"),
    "json-feed": (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "F",'
        f' "items": [{{"id": "1", "title": "cut {LONE}", "content_text": "x"}}]}}',
        None,
    ),
    "json-ld": (
        '<html><head><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "cut {LONE}"}}</script></head>'
        "<body><p>The body of the page, long enough to be read.</p></body></html>",
        "html",
    ),
    "front-matter": (f'---\nschema: articlekit/1\nheadline: "cut {LONE}"\n---\n\nBody.\n', "md"),
    "extension-key": (
        f'{{"schema": "articlekit/1", "headline": "x", "extensions": {{"k{LONE}": ["v{LONE}"]}}}}',
        "json",
    ),
}


@pytest.mark.parametrize("case", sorted(SURROGATE_INPUTS))
def test_a_lone_surrogate_is_repaired_with_a_warning_naming_the_input(case: str) -> None:
    text, fmt = SURROGATE_INPUTS[case]
    with pytest.warns(RepairedTextWarning, match=r"^story\.in: a lone surrogate .* replaced by U\+FFFD in "):
        articles = list(articlekit.parse_all(text.encode("utf-8"), fmt, name="story.in"))
    assert articles
    for article in articles:
        assert "\ufffd" in articlekit.dumps(article, "json")
        for writer in WRITERS:
            if REGISTRY.writers[writer].spec.stream is None:
                articlekit.dumps(article, writer)  # every writer can write it: nothing raises


def test_repair_keeps_offsets_and_returns_the_same_object_when_clean() -> None:
    clean = m.Article(headline="ok", body=(m.Paragraph("fine"),))
    assert repair_article(clean, "x") is clean
    broken = m.Article(
        headline="ok",
        body=(m.Paragraph("a\ud83d said b"),),
        quotes=(m.Quote(id="q1", kind="direct", text="b", spans=(m.Span(0, 8, 9),)),),
    )
    with pytest.warns(RepairedTextWarning, match=r"in body\[0\]\.text"):
        fixed = repair_article(broken, "x")
    assert fixed.body == (m.Paragraph("a\ufffd said b"),)
    assert fixed.quotes == broken.quotes  # one code point for one: spans still point at "b"


def test_a_python_string_holding_a_lone_surrogate_is_read() -> None:
    with pytest.warns(RepairedTextWarning, match=r"^<text>: a lone surrogate"):
        article = articlekit.parse("Headline \ud83d\n\nBody text here.\n", "text")
    assert "\ufffd" in article.headline


@pytest.mark.parametrize("output", ["all.jsonl", "-"])
def test_one_bad_article_among_good_ones_is_written_repaired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    names = []
    for index, headline in enumerate(["good 1", f"bad {LONE}", "good 2", "good 3"]):
        path = tmp_path / f"in{index}.json"
        path.write_text(f'{{"schema": "articlekit/1", "headline": "{headline}"}}', encoding="utf-8")
        names.append(str(path))
    target = str(tmp_path / output) if output != "-" else "-"
    code, out, err = run(capsys, "convert", *names, "-o", target, "--to", "jsonl")
    assert code == 0, err
    text = (tmp_path / output).read_text(encoding="utf-8") if output != "-" else out
    headlines = [json.loads(line)["headline"] for line in text.splitlines()]
    assert headlines == ["good 1", "bad \ufffd", "good 2", "good 3"]
    assert f"warning: {names[1]}: a lone surrogate" in err
    assert "unexpected" not in err


def test_a_writer_failing_inside_a_gathered_output_names_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit.formats import json as json_format

    real = json_format._write_jsonl

    def fragile(article: m.Article, options: dict[str, object]) -> str:
        if article.headline == "boom":
            "\ud800".encode()
        return real(article, options)

    monkeypatch.setattr(json_format, "_write_jsonl", fragile)
    for name, headline in [("a", "fine"), ("b", "boom")]:
        (tmp_path / f"{name}.json").write_text(f'{{"schema": "articlekit/1", "headline": "{headline}"}}')
    code, _, err = run(capsys, "convert", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--to", "jsonl")
    assert code == 1
    assert f"{tmp_path / 'b.json'}: cannot be written as jsonl" in err
    assert "unexpected" not in err


# -- item 14: errors a user can act on, never "please report it" --------------------------------


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "hex", "bz2"])
def test_a_page_declaring_a_codec_that_is_no_text_encoding_is_read_by_its_bytes(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"><title>A title</title></head><body><p>Hello.</p></body></html>'
    head = "<body.head><hedline><hl1>Hi</hl1></hedline></body.head>"
    xml = f'<?xml version="1.0" encoding="{charset}"?>\n<nitf><body>{head}</body></nitf>'
    assert "Hello." in articlekit.parse(page.encode(), "html").text
    assert articlekit.parse(xml.encode(), "nitf").headline == "Hi"


def test_normalise_charset_refuses_codecs_from_bytes_to_bytes() -> None:
    from articlekit.encoding import normalise_charset

    assert [normalise_charset(n) for n in ("rot13", "base64", "zlib", "latin-1", "utf-16")] == [
        None, None, None, "iso8859-1", "utf-16",
    ]  # fmt: skip


HUGE = "9" * 5000

CLEAR_PARSE_ERRORS = {
    "json-integer": (f'{{"schema": "articlekit/1", "headline": "x", "priority": {HUGE}}}', "json", ": .*5,000 digits"),
    "jsonl-integer": (f'{{"schema": "articlekit/1"}}\n{{"schema": "articlekit/1", "priority": {HUGE}}}\n', "json",
                      ":2: .*5,000 digits"),
    "ninjs-integer": (f'{{"uri": "u", "headline": "x", "priority": {HUGE}}}', "ninjs", ": .*5,000 digits"),
    "feed-integer": (f'{{"version": "https://jsonfeed.org/version/1.1", "x": {HUGE}, "items": []}}', "feed",
                     ": .*5,000 digits"),
    "front-matter-integer": (f"---\nheadline: x\npriority: {HUGE}\n---\n\nBody.\n", "md", r":3:11: .*5,000 digits"),
    "front-matter-date": ("---\nheadline: x\ndate: 2024-13-45\n---\n\nBody.\n", "md",
                          r":3:7: .*'2024-13-45' is not a valid date"),
    "front-matter-published": ("---\nheadline: x\npublished: 2024-02-30\n---\n\nBody.\n", "md",
                               ":3:12: .*not a valid date"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CLEAR_PARSE_ERRORS))
def test_values_python_refuses_are_clear_parse_errors(case: str) -> None:
    text, fmt, message = CLEAR_PARSE_ERRORS[case]
    with pytest.raises(articlekit.ParseError, match=rf"^in\.x{message}"):
        list(articlekit.parse_all(text.encode(), fmt, name="in.x"))


def test_extensions_nested_400_deep_are_a_clear_error_both_ways(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep: object = {}
    for _ in range(400):
        deep = {"a": deep}
    article = m.Article(headline="x", extensions={"deep": deep})
    with pytest.raises(articlekit.WriteError, match="nested too deeply to write as md"):
        articlekit.dumps(article, "md")
    source = tmp_path / "deep.json"
    source.write_text(articlekit.dumps(article, "json"))  # type: ignore[arg-type]
    code, _, err = run(capsys, "convert", str(source), "--to", "md")
    assert (code, "unexpected" in err) == (1, False)
    assert f"{source}: the article's data is nested too deeply to write as md" in err
    matter = "---\nschema: articlekit/1\nheadline: x\nextensions: {d: " + "[" * 400 + "]" * 400 + "}\n---\n\nBody.\n"
    with pytest.raises(articlekit.ParseError, match="nested too deeply"):
        articlekit.parse(matter, "md")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--max-size", "inf", "expected a size such as 64M"),
        ("--max-size", "1e300", "larger than any input can be"),
        ("--max-size", "nan", "expected a size such as 64M"),
        ("--timeout", "1e12", "longer than a year"),
        ("--timeout", "inf", "longer than a year"),
    ],
)
def test_impossible_limits_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    source = tmp_path / "a.json"
    source.write_text('{"schema": "articlekit/1", "headline": "x"}')
    code, _, err = run(capsys, "convert", str(source), option, value)
    assert code == 2
    assert message in err


def test_a_large_size_limit_does_not_allocate_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.json"
    source.write_text('{"schema": "articlekit/1", "headline": "x"}')
    code, out, err = run(capsys, "convert", str(source), "--max-size", "1e15")
    assert (code, json.loads(out)["headline"]) == (0, "x"), err


def test_nan_and_infinity_are_never_written_into_json() -> None:
    text = '{"schema": "articlekit/1", "headline": "x", "extensions": {"a": NaN, "b": [Infinity, -Infinity]}}'
    with pytest.warns(RepairedTextWarning, match=r"a number JSON cannot hold replaced by null in extensions\.a"):
        article = articlekit.parse(text, "json")
    assert article.extensions == {"a": None, "b": [None, None]}
    with pytest.warns(RepairedTextWarning):
        from_yaml = articlekit.parse("---\nschema: articlekit/1\nextensions: {p: {a: .nan}}\n---\n", "md")
    assert from_yaml.extensions == {"p": {"a": None}}
    built = m.Article(headline="x", extensions={"a": float("nan")})
    for writer in ("json", "jsonl"):
        with pytest.raises(ValueError, match="not JSON compliant"):
            articlekit.dumps(built, writer)
    with pytest.raises(articlekit.WriteError, match="not JSON compliant"):
        articlekit.dumps(built, "xml")
    for writer in ("ninjs", "jsonld"):  # they write no extensions
        assert "nan" not in str(articlekit.dumps(built, writer)).lower()


# -- item 17: nothing from an input drives the terminal ----------------------------------------

ESCAPES = {
    "osc-title": "\x1b]0;pwned\x07",
    "osc-clipboard": "\x1b]52;c;ZXZpbA==\x07",
    "clear-screen": "\x1b[2J\x1b[H",
    "c1-csi": "\x9b2J",
    "bidi-override": "\u202e",
}


def evil_text(tmp_path: Path, name: str = "evil.txt") -> Path:
    marks = "".join(ESCAPES.values())
    path = tmp_path / name
    path.write_text(f'Title {marks} here\n\n"We will {marks} win," Smith{marks} said.\n', encoding="utf-8")
    return path


def no_controls(text: str) -> None:
    assert not [c for c in text if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c == "\u202e")]


@pytest.mark.parametrize("argv", [["quotes"], ["quotes", "--full"], ["inspect"], ["inspect", "--json"]])
def test_quotes_and_inspect_print_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv, str(evil_text(tmp_path)))
    assert code == 0, err
    no_controls(out)
    assert "\\x1b]0;pwned\\x07" in out or "\\u001b]0;pwned\\u0007" in out
    if argv == ["inspect", "--json"]:
        report = json.loads(out)  # still the same JSON value
        assert "\x9b2J" in report["articles"][0]["fields"][0]["value"]


def test_a_file_name_holding_a_newline_is_quoted_in_error_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad\nname.json"
    bad.write_text("not json at all {")
    missing = str(tmp_path / "gone\x1b[2J.txt")
    code, _, err = run(capsys, "convert", str(bad), missing, "-o", str(tmp_path / "out") + "/")
    assert code == 1
    lines = err.splitlines()
    assert any(line.startswith(f"articlekit: error: '{tmp_path}/bad\\nname.json':") for line in lines), err
    assert any(line.startswith(f"articlekit: error: '{tmp_path}/gone\\x1b[2J.txt': ") for line in lines), err
    no_controls(err)
    code, out, err = run(capsys, "quotes", str(bad), str(evil_text(tmp_path, "two\nlines.txt")))
    assert code == 1
    assert f"'{tmp_path}/bad\\nname.json'" in err
    assert out.startswith(f"'{tmp_path}/two\\nlines.txt': Title")
    no_controls(out + err)


def test_printable_leaves_text_alone_and_quoted_name_only_quotes_what_needs_it() -> None:
    from articlekit.terminal import printable, quoted_name

    assert printable("Café “naïve” — 日本語 \\ ok") == "Café “naïve” — 日本語 \\ ok"
    assert printable("a\x1b[2Jb\x9bc\x7f") == "a\\x1b[2Jb\\x9bc\\x7f"
    assert quoted_name("plain name.txt") == "plain name.txt"
    assert quoted_name("it's\n.txt") == "'it\\'s\\n.txt'"


# -- item 13: every string survives the front matter ---------------------------------------------

any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
line_breaks = st.text(alphabet="\x85\u2028\u2029\r\n\x0b\x0c\x1c\x1d\x1e\t a:#'\"-", max_size=12)
field_text = st.one_of(any_text, line_breaks, st.tuples(any_text, line_breaks, any_text).map("".join))


@settings(max_examples=150, deadline=None)
@given(field_text, field_text, field_text)
def test_front_matter_round_trips_any_string(one: str, two: str, three: str) -> None:
    article = m.Article(
        headline=one,
        subheadline=two or None,
        summary=three or None,
        section=one or None,
        keywords=(two, three),
        authors=(m.Contributor(name=three or "x", title=one or None),),
        subjects=(m.Subject(name=one or "x", code=two or None),),
        extensions={"ns": {one: [two, three]}, two: one},
    )
    back = articlekit.parse(articlekit.dumps(article, "md"), "md", enrich=False)
    assert back.headline == article.headline
    assert back.subheadline == article.subheadline
    assert back.summary == article.summary
    assert back.section == article.section
    assert back.keywords == article.keywords
    assert back.authors == article.authors
    assert back.subjects == article.subjects
    assert back.extensions == article.extensions


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_yaml_line_breaks_are_written_escaped(char: str) -> None:
    output = articlekit.dumps(m.Article(headline=f"a{char}b", keywords=(char,)), "md")
    assert char not in output.split("\n---\n", 1)[0]
    assert articlekit.parse(output, "md", enrich=False).keywords == (char,)


# -- item 10: an HTML element with a flood of attributes (libxml2 checks each against all) -------


def test_html_attributes_beyond_the_limit_are_dropped_before_parsing() -> None:
    from articlekit.common.xmlsafe import MAX_HTML_ATTRIBUTES, tame_html

    many = " ".join(f'a{i}="v{i}"' for i in range(MAX_HTML_ATTRIBUTES + 50))
    tamed = tame_html(f"<p {many}/>text<img src={'x' * 3000} alt=y>")
    assert f'a{MAX_HTML_ATTRIBUTES - 1}="v{MAX_HTML_ATTRIBUTES - 1}"' in tamed
    assert f"a{MAX_HTML_ATTRIBUTES}=" not in tamed
    assert tamed.endswith(f"/>text<img src={'x' * 3000} alt=y>")  # one long attribute is left alone
    page = "<html><body><article><p " + " ".join(f"a{i}=x" for i in range(200_000)) + ">Kept text.</p></article>"
    article = articlekit.parse(page.encode(), "html", enrich=False)  # seconds, not minutes
    assert "Kept text." in article.text
    ordinary = '<p class="lead" id="x">Hi</p>'
    assert tame_html(ordinary) is ordinary or tame_html(ordinary) == ordinary


def test_a_long_tag_is_any_character_but_the_angle_brackets_after_its_name() -> None:
    # the long-tag pattern spells [^<>] as ranges (faster to check): the same set, every code point
    import re

    from articlekit.common.xmlsafe import _LONG_TAG

    every = "".join(map(chr, range(0x110000)))
    run = _LONG_TAG.pattern[len("<[A-Za-z]") : _LONG_TAG.pattern.index("{")]
    assert re.sub(run, "", every) == re.sub("[^<>]", "", every) == "<>"
    many = " ".join(f"é{i}=“ü{i}”" for i in range(300))  # none of its characters an ASCII one
    assert _LONG_TAG.fullmatch(f"<p {many}>") is not None
    assert _LONG_TAG.search(f"<p {many}<b>") is None and _LONG_TAG.search(f"<p {many[:1000]}>") is None


def test_the_long_tag_test_reading_blocks_answers_as_the_pattern_does() -> None:
    # _holds_long_tag reads the page in blocks and matches the pattern only where a run of blocks
    # without angle brackets starts: the same answer as _LONG_TAG.search, wherever a tag of any
    # length starts against the blocks' edges, whatever text, tags or brackets stand around it
    import random

    from articlekit.common.xmlsafe import _LONG_TAG, _LONG_TAG_STEP, _holds_long_tag

    step = _LONG_TAG_STEP
    rng = random.Random(13)
    pieces = ["<p>", "</p>", "<a href=x>", "text ", "<", ">", "<!-- c -->", "<1 no tag>", "é ü", "\n"]
    cases = ["", "<p>", "x" * (3 * step), "<" + "x" * (3 * step), "<script>" + "var a = 1;" * 800 + "</script>"]
    for length in (2047, 2048, 2049, 2050, 4100):
        for before in (0, 1, step - 2, step - 1, step, step + 1, 2 * step - 3):
            tag = "<div " + "y" * (length - 5) + ">"  # a name, then length - 4 characters inside
            cases.append("a" * before + tag + "<p>after</p>")
            cases.append("<b>" + "a" * before + tag[:-1] + "<i>")  # never closed: no tag
            cases.append("a" * before + "<" + tag + "x")  # a "<" just before it
            cases.append("<p>" * (before // 3) + "z" * length + ">" + tag)  # a run of text first
    # blocks of text alone between blocks holding only a ">" or only a "<" (the last "<" before
    # a run of text can stand far back: it is looked for in the block before the run alone)
    for bracket in (">", "<", "<>", "><"):
        filler = "x" * (step - len(bracket))
        cases.append(("x" * step + filler + bracket) * 20)
        cases.append("<p " + ("x" * step + filler + bracket) * 20)
    for _ in range(300):
        parts = [rng.choice(pieces) * rng.randint(1, 3) for _ in range(rng.randint(0, 30))]
        for _ in range(rng.randint(0, 2)):
            where = rng.randint(0, len(parts))
            parts.insert(where, "<p " + "q" * rng.choice((2040, 2044, 2045, 2046, 2047, 3000, 5000)) + ">")
        cases.append("".join(parts))
    found = 0
    for case in cases:
        expected = _LONG_TAG.search(case) is not None
        assert _holds_long_tag(case) is expected, case[:80]
        found += expected
    assert 0 < found < len(cases)


def test_what_an_enricher_plugin_adds_is_repaired_too(fresh_plugins: None) -> None:
    from articlekit import EnricherSpec, hookimpl

    class Careless:
        @staticmethod
        @hookimpl
        def articlekit_enrichers() -> list[EnricherSpec]:
            def run(article: m.Article, options: dict[str, object]) -> m.Article:
                return m.Article(headline=article.headline + "\udc00", extensions={"n": float("inf")})

            return [EnricherSpec("careless", run)]

    articlekit.register_plugin(Careless(), name="careless")
    with pytest.warns(RepairedTextWarning) as caught:
        article = articlekit.parse("Headline x\n\nBody text.\n", "text", name="in.txt")
    assert article.headline.endswith("\ufffd") and article.extensions["n"] is None
    assert {str(w.message).split(":")[0] for w in caught} == {"in.txt"}


@pytest.mark.parametrize(
    ("where", "article"),
    [
        ("quotes[0].speaker.mention", m.Article(
            headline="ok",
            body=(m.Paragraph("Lee said b"),),
            quotes=(m.Quote(id="q1", kind="direct", text="b", spans=(m.Span(0, 9, 10),), speaker=m.Speaker("L\udc00")),),  # noqa: E501
        )),
        ("keywords[1]", m.Article(headline="ok", keywords=("a", "b\ud800"))),
        ("extensions.x[0]", m.Article(headline="ok", extensions={"x": ["\ud800"]})),
        ("extensions.y", m.Article(headline="ok", extensions={"y": float("nan")})),
        # every kind of field the generated checks test: a block's text, a list's item, a mark's
        # title, a quote's context, a number where an integer belongs, a list where a tuple does
        ("body[0].text", m.Article(headline="ok", body=(m.Paragraph("a\udc00"),))),
        ("body[1].items[1]", m.Article(headline="ok", body=(m.Paragraph("a"), m.ListBlock(("x", "y\ud800"))))),
        ("body[0].marks[0].title", m.Article(
            headline="ok", body=(m.Paragraph("abc", marks=(m.Mark("link", 0, 1, href="h", title="t\ud800"),)),),
        )),
        ("quotes[0].context.when.text", m.Article(
            headline="ok",
            body=(m.Paragraph("Lee said b"),),
            quotes=(m.Quote(
                id="q1", kind="direct", text="b", spans=(m.Span(0, 9, 10),),
                context=m.QuoteContext(when=m.When("Tuesday\ud800")),
            ),),
        )),
        ("media[0].width", m.Article(headline="ok", media=(m.Media("image", width=float("inf")),))),  # type: ignore[arg-type]
        ("keywords[0]", m.Article(headline="ok", keywords=["\ud800"])),  # type: ignore[arg-type]
    ],
)  # fmt: skip
def test_the_quick_check_of_a_clean_article_still_finds_what_is_deep_inside(where: str, article: m.Article) -> None:
    with pytest.warns(RepairedTextWarning, match=re.escape(where)):
        fixed = repair_article(article, "x")
    assert fixed != article


@attrs.frozen
class _Node:
    text: str
    child: _Node | None = None
    children: tuple[_Node, ...] = ()


def test_the_quick_check_of_a_class_holding_itself() -> None:
    clean = _Node("a", _Node("b"), (_Node("c", _Node("d")),))
    assert repair_article(clean, "x") is clean
    for broken, where in (
        (_Node("a", _Node("b\ud800")), "child.text"),
        (_Node("a", None, (_Node("c", _Node("d\udc00")),)), "children[0].child.text"),
    ):
        with pytest.warns(RepairedTextWarning, match=re.escape(where)):
            assert repair_article(broken, "x") != broken
