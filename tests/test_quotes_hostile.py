"""Hostile inputs cost the quote finder time in proportion to their size (issue 15, item 10).

Each shape is timed at a size and with the input doubled twice (four times as long), best of
three runs each: a linear pass takes about four times as long, a quadratic one sixteen times;
the growth must stay below eight. No absolute time limit: ratios measured in one run hold on a
loaded machine where absolute times do not, and two doublings leave room for its noise."""

from __future__ import annotations

import time

import pytest

from articlekit.enrich.quotes import find_quotes, quote_rules
from articlekit.model import Article, Paragraph

SHAPES = {
    # a quote, a cue, a quote, a cue ... in one sentence: every quote is attributed in turn
    "quote-said-quote": ('"x," said "y," said ', 8_000),
    # a speech verb alone, over and over: one endless sentence of cues
    "said": ("said ", 80_000),
    # a verb, a listener and "that", over and over
    "told-reporters-that": ("told reporters that ", 100_000),
}


def _seconds(text: str) -> float:
    article = Article(headline="h", body=(Paragraph(text),))
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        find_quotes(article)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_doubling_a_hostile_input_about_doubles_the_time(shape: str) -> None:
    unit, size = SHAPES[shape]
    quote_rules()  # (the rules are built once, not inside the timing)
    small = unit * (size // len(unit))
    single, quadruple = _seconds(small), _seconds(small * 4)
    growth = quadruple / single
    assert growth < 8, (
        f"{shape}: {len(small):,} chars {single:.3f} s, four times as many {quadruple:.3f} s ({growth:.1f}x)"
    )


def test_the_be_form_index_answers_as_the_search_does() -> None:
    # (Finder.be_form_in reads one scan of the paragraph where a search from each quote's
    # sentence start made the quote-said-quote shape quadratic)
    import random

    from articlekit.enrich.quotes.clauses import _BE_FORM
    from articlekit.enrich.quotes.finder import Finder

    pieces = [" is ", " is is ", "was", " were ", " be ", "\tare\n", "island ", " bees ", "x", " ", ","]
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        finder = Finder({0: text}, [0], {})
        for _ in range(30):
            lo = rng.randint(0, len(text))
            hi = rng.randint(lo, len(text))
            assert finder.be_form_in(0, lo, hi) == (_BE_FORM.search(text, lo, hi) is not None), (text, lo, hi)
