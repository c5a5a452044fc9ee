"""Hostile inputs cost the quote finder time in proportion to their size (issue 15, item 10).

Each shape is timed at two sizes, one twice the other, best of five runs, and the growth must
stay well below the fourfold of a quadratic pass. No absolute time limit: ratios measured in
one run hold on a loaded machine where absolute times do not."""

from __future__ import annotations

import time

import pytest

from articlekit.enrich.quotes import find_quotes, quote_rules
from articlekit.model import Article, Paragraph

SHAPES = {
    # a quote, a cue, a quote, a cue ... in one sentence: every quote is attributed in turn
    "quote-said-quote": ('"x," said "y," said ', 12_000),
    # a speech verb alone, over and over: one endless sentence of cues
    "said": ("said ", 160_000),
    # a verb, a listener and "that", over and over
    "told-reporters-that": ("told reporters that ", 200_000),
}


def _seconds(text: str) -> float:
    article = Article(headline="h", body=(Paragraph(text),))
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        find_quotes(article)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_doubling_a_hostile_input_about_doubles_the_time(shape: str) -> None:
    unit, size = SHAPES[shape]
    quote_rules()  # (the rules are built once, not inside the timing)
    small = unit * (size // len(unit))
    single, double = _seconds(small), _seconds(small * 2)
    growth = double / single
    assert growth < 3.2, f"{shape}: {len(small):,} chars {single:.3f} s, twice as many {double:.3f} s ({growth:.1f}x)"
