"""The ``markdown`` parser: Markdown articles articlekit did not write (static site posts, CMS
exports), read with their front matter's common keys, then enriched like any other input."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

import articlekit
from articlekit import model as m
from articlekit.errors import ParseError
from articlekit.plugins import get_registry

HUGO = """---
title: "Mayor opens the new bridge"
description: The long-awaited crossing is open.
date: 2025-11-28T09:30:00+01:00
lastmod: 2025-11-29
author: Jane Doe
tags: [city, transport]
categories: ["Local"]
image: /img/bridge.jpg
draft: false
---

The **new bridge** opened on Friday, [the council](https://example.org) said.

![The bridge at dusk](/img/dusk.jpg "The bridge at dusk, Friday")

"We waited *ten years* for this," Mayor Anna Berg told reporters.

## What it cost

- 40 million euros
- `three` years

> Bridges bring people together.
>
> — Anna Berg
"""


def test_a_hugo_post() -> None:
    article = articlekit.parse(HUGO, "markdown", name="bridge.md")
    assert article.headline == "Mayor opens the new bridge"
    assert article.summary == "The long-awaited crossing is open."
    assert article.published == datetime(2025, 11, 28, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert article.updated == datetime(2025, 11, 29)
    assert article.authors == (m.Contributor("Jane Doe"),)
    assert article.keywords == ("city", "transport")
    assert article.subjects == (m.Subject("Local"),)
    assert article.media == (
        m.Media(url="/img/bridge.jpg"),
        m.Media(url="/img/dusk.jpg", alt="The bridge at dusk", caption="The bridge at dusk, Friday"),
    )
    assert article.body == (
        m.Paragraph(
            "The new bridge opened on Friday, the council said.",
            marks=(m.Mark.strong(4, 14), m.Mark.link(33, 44, "https://example.org")),
        ),
        m.MediaRef(1),
        m.Paragraph(
            '"We waited ten years for this," Mayor Anna Berg told reporters.', marks=(m.Mark.emphasis(11, 20),)
        ),
        m.Heading("What it cost", 2),
        m.ListBlock(("40 million euros", "three years")),
        m.BlockQuote("Bridges bring people together.", cite="Anna Berg"),
    )
    assert article.origin == m.Origin(
        format="markdown", file="bridge.md", parser="articlekit.formats.markdown", charset="utf-8"
    )


def test_its_quotes_are_found_by_the_enrichers() -> None:
    if "quotes" not in get_registry().enrichers:
        pytest.skip("no quotes enricher registered")
    article = articlekit.parse(HUGO, "markdown", name="bridge.md")
    assert any(q.text.startswith("We waited ten years for this") for q in article.quotes)
    assert not articlekit.parse(HUGO, "markdown", enrich=False).quotes


def test_other_front_matter_shapes_and_none() -> None:
    jekyll = (
        "---\nlayout: post\nheadline: Ignored when title is there\ntitle: T\n"
        "authors:\n  - name: A\n  - B\nkeywords: x, y\npublished: 'Tue, 10 Jun 2003 04:00:00 GMT'\n"
        "cover: {src: /c.jpg, alt: Cover}\nlang: de\n---\n\nText.\n"
    )
    article = articlekit.parse(jekyll, "markdown")
    assert (article.headline, article.language) == ("T", "de")
    assert article.authors == (m.Contributor("A"), m.Contributor("B"))
    assert article.keywords == ("x", "y")
    assert article.published == datetime(2003, 6, 10, 4, 0, tzinfo=timezone.utc)
    assert article.media == (m.Media(url="/c.jpg", alt="Cover"),)
    bare = articlekit.parse("# Title\n\nOne.\n\nTwo.\n", "markdown", enrich=False)
    assert (bare.headline, bare.body) == ("Title", (m.Paragraph("One."), m.Paragraph("Two.")))
    nothing = articlekit.parse("---\ndate: not a date\nauthor: [1, {x: 2}]\ntags: {a: b}\n---\n", "markdown")
    assert (nothing.published, nothing.authors, nothing.keywords) == (None, (m.Contributor("1", "organisation"),), ())


@pytest.mark.parametrize(
    ("markdown", "text", "marks"),
    [
        (
            "**bold** and __strong__, *em* and _em_",
            "bold and strong, em and em",
            (m.Mark.strong(0, 4), m.Mark.strong(9, 15), m.Mark.emphasis(17, 19), m.Mark.emphasis(24, 26)),
        ),
        (
            "a [link](https://x.org/a_(b)) and ![img](y.png) inline",
            "a link and img inline",
            (m.Mark.link(2, 6, "https://x.org/a_(b)"),),
        ),
        ("`code` and ``co`de``", "code and co`de", ()),
        ("<span class='x'>tag</span> and <br/>", "tag and", ()),
        ("\\*literal\\* snake_case_name 2*3*4", "*literal* snake_case_name 2*3*4", ()),
        ("**[a link](x) in bold**", "a link in bold", (m.Mark.strong(0, 14), m.Mark.link(0, 6, "x"))),
        (
            '[a trap](javascript:alert(1)) and [ spaced ](/s "T")',
            "a trap and  spaced",
            (m.Mark.link(12, 18, "/s", "T"),),
        ),
        ("&amp; &copy; &#65;", "& © A", ()),
        ("`a *b* <i> &amp; [c](d)` and *e*", "a *b* <i> &amp; [c](d) and e", (m.Mark.emphasis(27, 28),)),
    ],
)
def test_inline_markup_becomes_text_with_its_marks(markdown: str, text: str, marks: tuple[m.Mark, ...]) -> None:
    article = articlekit.parse(f"# H\n\n{markdown}\n", "markdown", enrich=False)
    assert article.body == (m.Paragraph(text, marks=marks),)


def test_detection_tells_the_two_apart() -> None:
    ours = articlekit.dumps(m.Article(headline="x", body=(m.Paragraph("p"),)), "md")
    assert isinstance(ours, str)
    assert articlekit.detect_format(articlekit.Document(ours.encode(), "story.md")) == "md"
    assert articlekit.detect_format(articlekit.Document(HUGO.encode(), "story.md")) == "markdown"
    assert articlekit.detect_format(articlekit.Document(b"# x\n", "story.markdown")) == "markdown"
    assert get_registry().parser("markdown").sniff(HUGO.encode(), "story.txt") == 0.0
    again = articlekit.parse(ours, "markdown", enrich=False)
    assert (again.headline, again.body) == ("x", (m.Paragraph("p"),))


def test_articlekit_media_references_are_plain_text_here() -> None:
    article = articlekit.parse("# x\n\n![a][media-2]\n\n**Note 1:** read this\n", "markdown", enrich=False)
    assert article.body == (m.Paragraph("a"), m.Paragraph("Note 1: read this", marks=(m.Mark.strong(0, 7),)))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"schema": "articlekit/1"}', "not Markdown: this looks like JSON"),
        (b'<?xml version="1.0"?><nitf/>', "not Markdown: this is an XML or HTML document"),
        (b"<!DOCTYPE html><html></html>", "not Markdown: this is an XML or HTML document"),
        (b"\x00\x01\x02binary\x00" * 20, "not Markdown: this is binary data"),
    ],
)
def test_what_is_plainly_not_markdown_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        articlekit.parse(data, "markdown", name="story.md")


@pytest.mark.parametrize(
    "paragraph",
    [b"[" * 100_000 + b"x", b"`" * 50_000 + b"x", b"*a " * 20_000, b"<a " * 50_000, b"[a](" * 30_000, b"**a" * 30_000],
)
def test_hostile_inline_markup_takes_linear_time(paragraph: bytes) -> None:
    # Growth, not a time limit: CPU time at the full size against a quarter of it (the fastest of
    # three each): linear work gives about 4x, quadratic about 16x, so the bound of 8x leaves room
    # for a busy machine (halving gave 3.2x against a bound of 3x on a loaded CI run).
    def cpu_seconds(data: bytes) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            article = articlekit.parse(b"# t\n\n" + data, "markdown", name="x.md", enrich=False)
            best = min(best, time.process_time() - started)
            assert len(article.body) == 1
        return best

    quarter = cpu_seconds(paragraph[: len(paragraph) // 4])
    full = cpu_seconds(paragraph)
    assert full < 8.0 * max(quarter, 0.005), f"4x the input took {full / max(quarter, 1e-9):.1f}x the time"


def test_front_matter_keys_must_be_strings_and_surrogates_become_replacement_characters() -> None:
    with pytest.raises(ParseError, match="the key True is not a string"):
        articlekit.parse("---\ntitle: x\non: yes\n---\n\nbody\n", "markdown", name="x.md")
    with pytest.warns(UserWarning, match=r"lone surrogate .* in headline"):
        article = articlekit.parse('---\ntitle: "a\\uD800b"\n---\n\nc &#xD800; d\n', "markdown", enrich=False)
    assert (article.headline, article.body) == ("a\ufffdb", (m.Paragraph("c \ufffd d"),))
