"""Inline marks under hostile input (issue 18, part 2, probed): unsafe link targets in odd
spellings, offsets that are not integers, and what the CLI says about a bad mark. Every sample
here is written for this test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit
from articlekit import Mark, Paragraph
from articlekit.errors import ParseError
from articlekit.marks import link_href
from articlekit.model import is_safe_href


def _json_with_marks(marks: object, text: str = "Hello world") -> bytes:
    data = json.loads(articlekit.dumps(articlekit.Article(headline="H", body=(Paragraph(text),)), "json"))
    data["body"][0]["marks"] = marks
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    "href",
    ["\u00a0javascript:alert(1)", "\u2028javascript:alert(1)", "\u3000JavaScript:alert(1)", "java\u2029script:x"],
)
def test_a_target_behind_unicode_white_space_is_unsafe_in_the_model_as_in_the_readers(href: str) -> None:
    """The readers strip Unicode white space before checking the scheme; the model must refuse
    what they drop, or a JSON document carries a ``javascript:`` link the HTML reader never would."""
    assert link_href(href, "https://example.org/a/") is None
    assert is_safe_href(href) is False
    with pytest.raises(ValueError, match="not a safe link"):
        Mark.link(0, 5, href)
    bad = _json_with_marks([{"kind": "link", "start": 0, "end": 5, "href": href}])
    with pytest.raises(ParseError, match="not a safe link"):
        articlekit.parse(bad, "json")


@pytest.mark.parametrize("start", ["0", 0.5, True])
def test_an_offset_that_is_not_an_integer_is_named_not_cut_to_one(start: object) -> None:
    bad = _json_with_marks([{"kind": "strong", "start": start, "end": 3}])
    with pytest.raises(ParseError, match=r"expected an integer, got .* @ article\.body\[0\]\.marks\[0\]\.start"):
        articlekit.parse(bad, "json")


def test_an_integral_number_is_an_offset() -> None:
    good = _json_with_marks([{"kind": "strong", "start": 0.0, "end": 3}])
    assert articlekit.parse(good, "json").body[0].marks == (Mark.strong(0, 3),)


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([{"kind": "underline", "start": 0, "end": 3}], r"expected one of link, emphasis, strong @ .*marks\[0\]\.kind"),
        ("x", r"expected an object \(Mark\) @ .*marks\[0\]"),
        ([{"kind": "strong", "start": -1, "end": 3}], r"start must be >= 0, got -1 @ .*marks\[0\]"),
        ([{"kind": "link", "start": 0, "end": 50, "href": "/a"}], r"link mark \[0, 50\) runs past its Paragraph"),
    ],
)
def test_a_bad_mark_is_a_parse_error_naming_the_file_the_place_and_what_was_expected(
    marks: object, expected: str
) -> None:
    with pytest.raises(ParseError, match=expected) as raised:
        articlekit.parse(_json_with_marks(marks), "json")
    assert "unknown error" not in str(raised.value)


def test_the_cli_reports_a_bad_mark_in_one_line_without_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "bad-mark.json"
    source.write_bytes(_json_with_marks([{"kind": "underline", "start": 0, "end": 3}]))
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "convert", str(source), "--to", "md"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "bad-mark.json" in done.stderr and "expected one of link, emphasis, strong" in done.stderr


@pytest.mark.parametrize(
    ("destination", "href", "title"),
    [
        ("(<https://example.org/a b>)", "https://example.org/a b", None),
        ("(<https://example.org/a)b>)", "https://example.org/a)b", None),
        ("(https://example.org/a\\)b)", "https://example.org/a)b", None),
        ("(</search?q=\\<1\\>>)", "/search?q=<1>", None),
        ('(/report "say \\"yes\\"")', "/report", 'say "yes"'),
    ],
)
def test_foreign_markdown_reads_the_link_destinations_and_titles_commonmark_allows(
    destination: str, href: str, title: str | None
) -> None:
    """``<...>`` destinations, backslash escapes in them and escaped quotes in titles (what
    CommonMark writers produce for such targets) are links; the text keeps none of their markup."""
    markdown = f"# Headline\n\nRead [the report]{destination} now.\n"
    article = articlekit.parse(markdown.encode(), "markdown", enrich=False)
    assert article.body == (Paragraph("Read the report now.", (Mark.link(5, 15, href, title),)),)


def test_offsets_count_code_points_also_when_json_escapes_an_emoji_as_a_surrogate_pair() -> None:
    text = "\U0001f600 smile \u00e9\u0301 done"
    article = articlekit.Article(headline="H", body=(Paragraph(text, (Mark.emphasis(0, 7), Mark.strong(8, 10))),))
    escaped = json.dumps(json.loads(articlekit.dumps(article, "json")), ensure_ascii=True)
    assert "\\ud83d\\ude00" in escaped
    again = articlekit.parse(escaped.encode(), "json")
    assert again == article
    assert [text[m.start : m.end] for m in again.body[0].marks] == ["\U0001f600 smile", "\u00e9\u0301"]


def test_a_link_inside_another_is_not_written_as_an_a_in_an_a_in_the_ninjs_html_body() -> None:
    """NITF (XML) may nest links; HTML may not, and a reader of the ninjs body would close the
    outer link where the inner one opens. The outer link is kept whole."""
    nitf = (
        b"<nitf><head><title>T</title></head><body><body.content><p>see "
        b'<a href="/outer">the <a href="/inner">inner</a> report</a> now</p></body.content></body></nitf>'
    )
    article = articlekit.parse(nitf, "nitf", enrich=False)
    assert article.body[0].marks == (Mark.link(4, 20, "/outer"), Mark.link(8, 13, "/inner"))
    ninjs = articlekit.dumps(article, "ninjs")
    html = next(b["value"] for b in json.loads(ninjs)["bodies"] if b["role"] == "richtext")
    assert html.count("<a ") == 1
    again = articlekit.parse(ninjs.encode(), "ninjs", enrich=False)
    assert again.body[0].marks == (Mark.link(4, 20, "/outer"),)


def test_a_link_inside_another_is_not_written_as_a_link_in_a_link_in_markdown() -> None:
    """CommonMark reads ``[the [inner](/inner) report](/outer)`` as text around one link, so
    readers of the Markdown saw brackets and ``](/outer)``; the outer link is kept whole."""
    article = articlekit.Article(
        headline="H",
        body=(Paragraph("see the inner report now", (Mark.link(4, 20, "/outer"), Mark.link(8, 13, "/inner"))),),
    )
    markdown = articlekit.dumps(article, "md")
    assert "see [the inner report](/outer) now" in markdown
    assert articlekit.parse(markdown.encode(), "md", enrich=False).body[0].marks == (Mark.link(4, 20, "/outer"),)
