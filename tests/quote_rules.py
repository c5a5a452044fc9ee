"""Helpers for the tests of each group of quote rules: which rule found which quote, and which
named vetoes rejected what, in an article of the given paragraphs."""

from __future__ import annotations

from articlekit.enrich.quotes import explain_quotes, find_quotes
from articlekit.model import Article, Paragraph


def _article(paragraphs: tuple[str, ...]) -> Article:
    return Article(body=tuple(Paragraph(p) for p in paragraphs))


def found(*paragraphs: str) -> list[tuple[str, str, str | None, str]]:
    """``(rule, kind, speaker mention, words)`` of every quote found, in reading order."""
    article = _article(paragraphs)
    rules = explain_quotes(article).rules
    return [(rules[q.id], q.kind, q.speaker.mention if q.speaker else None, q.text) for q in find_quotes(article)]


def only(*paragraphs: str) -> tuple[str, str, str | None, str]:
    """The one quote found (an error when there are none or several)."""
    quotes = found(*paragraphs)
    assert len(quotes) == 1, quotes
    return quotes[0]


def vetoes(*paragraphs: str) -> list[tuple[str, str]]:
    """``(rule, veto)`` of every candidate a named veto rejected."""
    return [(v.rule, v.veto) for v in explain_quotes(_article(paragraphs)).vetoes]


def cues(*paragraphs: str) -> list[tuple[str, str | None, str | None]]:
    """``(rule, speaker mention, cue)`` of every quote found, in reading order."""
    article = _article(paragraphs)
    rules = explain_quotes(article).rules
    return [
        (rules[q.id], q.speaker.mention if q.speaker else None, q.cue.text if q.cue else None)
        for q in find_quotes(article)
    ]
