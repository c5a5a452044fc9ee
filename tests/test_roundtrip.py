"""Every format articlekit writes reads back what articlekit wrote (issue 17): for each writer and
reader pair, over every seed and the shared NITF and ninjs samples (read in place), the article
read back equals the one written, except for the fields each format is known not to hold, named
below with the reason."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import articlekit
from articlekit import Article
from tests.conftest import SEEDS, require_shared

ALWAYS = {
    "origin": "where the article was read from: the file and parser differ by design",
    "extensions": "each parser's own notes (provenance, the format's version)",
}

MAY_DIFFER: dict[str, dict[str, str]] = {
    "json": {},
    "xml": {},
    "nitf": {
        **ALWAYS,
        "sources": "NITF names who was quoted (<q quote-source>, <person>, <org>), not their titles or aliases: "
        "the sources enricher rebuilds them",
        "quotes": "NITF keeps each direct and mixed quote's id, kind and spans (ak:quote, ak:kind on <q>), but "
        "not its cue or context, and quote-source holds the speaker's name, not the words naming them; "
        "indirect quotes are not quotations in NITF and are found again by the enricher",
    },
    "ninjs": {
        **ALWAYS,
        "id": "ninjs requires a uri: articlekit makes one from the content when the article has no id",
        "datelines": "ninjs has one 'located' string for the places",
        "section": "ninjs has no section (articlekit's ninjs writer leaves it out)",
        "published": "ninjs 1.x has no firstcreated: an article without a publication time reads back "
        "with its versioncreated as published",
        "updated": "(the same)",
        "authors": "ninjs has no roles, job titles or affiliations for people: names and kinds are kept",
        "subjects": "ninjs subjects have no scheme for codes outside a URI",
        "sources": "ninjs names people and organisations, not their titles: rebuilt by the sources enricher",
        "quotes": "ninjs marks direct quotes in body_html: cue, context and indirect quotes are found again",
    },
    "md": {
        **ALWAYS,
    },
}
"""For each format, the fields that may differ after a round trip, and why."""


# what must hold even in a field that may differ
def _texts(body: tuple[Any, ...]) -> list[tuple[str, str]]:
    # a table row read as tab-separated cells comes back with spaces: XML text squashes white space
    return [(type(b).__name__, getattr(b, "level", getattr(b, "media", None)), " ".join(b.text.split())) for b in body]


def _pictures(media: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    return [(m.caption, m.credit, m.alt) for m in media]


KEPT_IN_PART = {
    # foreign samples only (every seed reads back whole): a table's cells, tab-separated in a
    # paragraph, come back separated by spaces
    ("nitf", "body"): _texts,
    ("ninjs", "body"): _texts,
    # ninjs renditions need an absolute address and keep no MIME type for a relative one
    ("ninjs", "media"): _pictures,
    ("nitf", "quotes"): lambda q: [(x.id, x.kind, x.spans, x.text) for x in q if x.kind != "indirect"],
    ("ninjs", "authors"): lambda a: list(dict.fromkeys((x.name, x.kind) for x in a)),
    ("ninjs", "subjects"): lambda s: [x.name for x in s],
}


def seed_articles() -> list[tuple[str, Article]]:
    return [(path.name, articlekit.parse(path)) for path in sorted(SEEDS.glob("*.txt"))]


def shared_articles() -> list[tuple[str, Article]]:
    found = []
    for folder, pattern in (("nitf", "*.xml"), ("ninjs", "*/*.json")):
        root = require_shared("formats", folder)
        for path in sorted(root.glob(f"examples*/{pattern}")):
            try:
                found.extend((f"{path.name}#{i}", a) for i, a in enumerate(articlekit.parse_all(path)))
            except articlekit.ArticlekitError:
                continue  # not an article (a schema example of one part): covered by the readers' own tests
    return found


_SEEDS: list[tuple[str, Article]] = []


@pytest.fixture(scope="module")
def seeds_parsed() -> list[tuple[str, Article]]:
    if not _SEEDS:
        _SEEDS.extend(seed_articles())
    return _SEEDS


def differences(fmt: str, article: Article) -> dict[str, Any]:
    written = articlekit.dumps(article, fmt)
    again = articlekit.parse(written.encode() if isinstance(written, str) else written, fmt)
    found = {}
    for field in attrs.fields(Article):
        before, after = getattr(article, field.name), getattr(again, field.name)
        if before == after:
            continue
        partly = KEPT_IN_PART.get((fmt, field.name))
        if partly is not None:
            if partly(before) != partly(after):
                found[field.name] = (partly(before), partly(after))
        elif field.name not in MAY_DIFFER[fmt]:
            found[field.name] = (before, after)
    return found


@pytest.mark.parametrize("fmt", sorted(MAY_DIFFER))
def test_every_seed_reads_back(fmt: str, seeds_parsed: list[tuple[str, Article]]) -> None:
    assert len(seeds_parsed) >= 19
    failing = {name: d for name, article in seeds_parsed if (d := differences(fmt, article))}
    assert failing == {}


@pytest.mark.parametrize("fmt", ["nitf", "ninjs", "json", "xml"])
def test_every_shared_nitf_and_ninjs_sample_reads_back(fmt: str) -> None:
    articles = shared_articles()
    assert len(articles) >= 10
    failing = {name: d for name, article in articles if (d := differences(fmt, article))}
    assert failing == {}


@pytest.mark.parametrize("fmt", sorted(MAY_DIFFER))
def test_links_emphasis_and_strong_read_back(fmt: str) -> None:
    """A block's marks (issue 18), nesting, touching and crossing, in every block that holds
    them, read back in every format, as do the quotes over the same text."""
    from tests.test_marks import marked_article

    article = marked_article()
    text = article.body[0].text
    quote = articlekit.Quote(
        id="q1", kind="direct", text="full report on", spans=(articlekit.Span(0, 9, 23),), speaker=None
    )
    article = attrs.evolve(article, quotes=(quote,), language="en")
    assert text[9:23] == "full report on"
    assert differences(fmt, article) == {}
    again = articlekit.parse(articlekit.dumps(article, fmt).encode(), fmt, enrich=False)
    assert again.body == article.body


def test_nitf_keeps_section_subjects_without_codes_quote_ids_kinds_and_spans() -> None:
    text = "“One two,” she said, “three four.” He said it was “fine” and all."
    body = (articlekit.Paragraph(text),)
    quotes = tuple(
        articlekit.Quote(
            id=i,
            kind=k,
            text=" ".join(text[s:e] for s, e in spans),
            spans=tuple(articlekit.Span(0, s, e) for s, e in spans),
        )
        for i, k, spans in (("q10", "direct", [(1, 9), (22, 32)]), ("q3", "mixed", [(51, 55)]))
    )
    article = Article(
        headline="H",
        body=body,
        quotes=quotes,
        section="Sport",
        subjects=(articlekit.Subject("Cycling", None, None), articlekit.Subject("Doping", "d1", "tt-topics")),
    )
    again = articlekit.parse(articlekit.dumps(article, "nitf"), "nitf", enrich=False)
    assert again.section == "Sport"
    assert again.subjects == article.subjects
    assert [(q.id, q.kind, q.spans, q.text) for q in again.quotes] == [(q.id, q.kind, q.spans, q.text) for q in quotes]


def test_ninjs_keywords_come_back_as_keywords() -> None:
    article = Article(headline="H", body=(articlekit.Paragraph("Text."),), keywords=("cycling", "doping"))
    again = articlekit.parse(articlekit.dumps(article, "ninjs"), "ninjs", enrich=False)
    assert again.keywords == ("cycling", "doping") and again.subjects == ()
