"""A small scorer for quoted words no rule attributed: someone's words, or a scare quote, a
title, a term?

The evidence is graded, so a logistic regression over a handful of the quoted span's features
decides (``quote_probability``). Its weights are package data (``scorer.json``), trained on
PolNeAR train only by ``bench/train_quote_scorer.py``, which reports five-fold figures; scoring
is pure Python (no numpy at run time).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files

__all__ = ["FEATURES", "features", "quote_probability", "weights"]

FEATURES: tuple[str, ...] = (
    "bias",
    "log_words",
    "six_words_or_more",
    "opens_with_capital",
    "closes_with_stop",
    "first_or_second_person",
    "whole_sentence",
    "after_colon",
    "opens_paragraph",
    "speaker_is_subject",
    "speaker_same_paragraph",
    "name_between",
    "finite_verb",
    "title_case_share",
    "after_naming_word",
    "after_determiner",
    "in_parentheses",
    "log_words_before",
)
"""The features, in the order of the weights."""

_WORD = re.compile(r"[\w'’-]+")
_PERSON = frozenset({"i", "i'm", "i’m", "we", "we're", "we’re", "my", "our", "me", "us", "you", "your", "you're"})
_FINITE = frozenset(
    {"is", "are", "was", "were", "will", "would", "have", "has", "had", "can", "could", "do", "does", "did",
     "don't", "don’t", "won't", "won’t", "can't", "can’t", "should", "must", "it's", "it’s", "that's", "that’s",
     "isn't", "isn’t", "think", "want", "need", "know", "going"}
)  # fmt: skip
_NAMING = re.compile(
    r"(?:called|so-called|dubbed|named|titled|entitled|known as|labeled|labelled|term|word|phrase)\s*$"
)
_NAME = re.compile(r"\b[A-Z][a-z]+\.?\s+[A-Z][a-z’'-]+")
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|that)\s*$", re.IGNORECASE)


def features(
    text: str, sentence: tuple[int, int], quote: tuple[int, int], is_subject: bool, same_paragraph: bool, between: str
) -> list[float]:
    """The features of the quoted words ``text[quote[0]:quote[1]]`` (marks included) in the
    sentence ``text[sentence[0]:sentence[1]]`` of a paragraph; ``is_subject``: the speaker given
    them is their sentence's subject (else the speaker quoted before); ``same_paragraph``: the
    speaker stands in this paragraph; ``between``: the text between the speaker and the words."""
    qs, qe = quote
    inner = text[qs + 1 : qe - 1].strip()
    words = _WORD.findall(inner)
    lower = [w.lower() for w in words]
    before = text[sentence[0] : qs]
    after = text[qe : sentence[1]]
    capitals = sum(1 for w in words if w[:1].isupper())
    return [
        1.0,
        math.log1p(len(words)),
        float(len(words) >= 6),
        float(inner[:1].isupper()),
        float(inner[-1:] in ".?!,…"),
        float(any(w in _PERSON for w in lower)),
        float(not before.strip() and not after.strip(' .,;:?!”"’)')),
        float(before.rstrip().endswith(":")),
        float(not text[:qs].strip()),
        float(is_subject),
        float(same_paragraph),
        float(_NAME.search(between) is not None),
        float(any(w in _FINITE for w in lower)),
        capitals / len(words) if words else 0.0,
        float(_NAMING.search(before) is not None),
        float(_DETERMINER.search(before) is not None),
        float(before.rstrip().endswith("(")),
        math.log1p(len(_WORD.findall(before))),
    ]


@cache
def weights() -> tuple[float, ...]:
    """The shipped weights (``scorer.json``), one per feature, and the decision threshold last."""
    data = json.loads(files(__package__).joinpath("scorer.json").read_text(encoding="utf-8"))
    return _check(data)


def _check(data: Mapping[str, object]) -> tuple[float, ...]:
    given = data.get("weights")
    threshold = data.get("threshold")
    if not isinstance(given, dict) or set(given) != set(FEATURES) or not isinstance(threshold, (int, float)):
        raise ValueError(f"scorer.json: expected a weight for each of {', '.join(FEATURES)} and a threshold")
    return (*(float(given[name]) for name in FEATURES), float(threshold))


def quote_probability(values: Sequence[float], model: Sequence[float] | None = None) -> float:
    """The probability that the quoted words are someone's words, by the logistic model
    ``model`` (the shipped weights by default; a threshold after them is ignored)."""
    w = model if model is not None else weights()
    z = sum(x * y for x, y in zip(values, w[: len(FEATURES)], strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
