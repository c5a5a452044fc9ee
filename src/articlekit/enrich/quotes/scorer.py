"""Two small scorers for quoted words no rule attributed: are they someone's words, or a
scare quote, a title, a term (``quote_probability``)? And which of their candidate speakers said
them (``speaker_probability``, a ranker: each candidate is scored, the best one speaks if it
reaches the floor)?

The evidence is graded, so a logistic regression over a handful of features decides each: of the
quoted span (``FEATURES``) and of each (words, candidate mention) pair (``SPEAKER_FEATURES``).
Their weights and thresholds are package data (``scorer.json``), trained on PolNeAR train only
by ``bench/train_quote_scorer.py``, which reports five-fold figures; scoring is pure Python (no
numpy at run time).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files

from articlekit.enrich.lexicon import CHARACTERISING_VERBS, GROUP_NOUNS, ORG_WORDS, SPEECH_VERBS, TITLE_NOUNS

__all__ = [
    "CHOICE_KINDS",
    "FEATURES",
    "SPEAKER_FEATURES",
    "Model",
    "features",
    "model",
    "quote_probability",
    "speaker_features",
    "speaker_probability",
    "weights",
]

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


SPEAKER_FEATURES: tuple[str, ...] = (
    "bias",
    "subject",
    "quoted_here",
    "quoted_before",
    "previous_subject",
    "name_before",
    "first_choice",
    "last_speaker",
    "was_quoted",
    "log_times_quoted",
    "log_sentences_back",
    "log_paragraphs_back",
    "log_words_between",
    "pronoun",
    "log_mention_words",
    "ends_with_capital",
    "all_capitals",
    "opens_with_participle",
    "possessive",
    "title",
    "body",
    "speech_verb_between",
    "name_between",
    "quote_opens_paragraph",
    "quote_whole_sentence",
    "log_choices",
    "possessive_inside",
    "passive_between",
    "cue_after",
)
"""The features of one candidate speaker mention of quoted words (one of the ``CHOICE_KINDS``
of ``articlekit.enrich.quotes.rules_scored``), in the order of the speaker ranker's weights: the
ranker scores each candidate and the best one speaks, if its score reaches the floor."""

CHOICE_KINDS: tuple[str, ...] = ("subject", "quoted_here", "quoted_before", "previous_subject", "name_before")
"""Where a candidate speaker comes from: the subject of the quoted words' sentence, a speaker
quoted before them in their paragraph or in one of the paragraphs before, the subject of the
sentence before, a name before them in their sentence or the one before."""

_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?\w+ed\b", re.IGNORECASE)


def speaker_features(
    mention: str,
    kind: str,
    between: str,
    *,
    first: bool = True,
    last_speaker: bool = False,
    times_quoted: int = 0,
    sentences_back: int = 0,
    paragraphs_back: int = 0,
    choices: int = 1,
    quote_values: Sequence[float] | None = None,
    after: str = "",
) -> list[float]:
    """The features of the candidate speaker ``mention`` of quoted words (whose ``features``
    are ``quote_values``): ``kind``, one of ``CHOICE_KINDS``; ``between``: the text between it
    and the words; ``first``: it comes first of the ``choices`` candidates (in the order of
    ``CHOICE_KINDS``); ``last_speaker``: it names the speaker quoted last before the words;
    ``times_quoted``: how many quotes before them it spoke (by the last word of its name);
    ``sentences_back`` and ``paragraphs_back``: how far before the words it stands; ``after``:
    the rest of the words' sentence after them (a verb of saying there points to a speaker
    after the words, which the candidates never are)."""
    if kind not in CHOICE_KINDS:
        raise ValueError(f"speaker_features: expected a kind among {', '.join(CHOICE_KINDS)}, got {kind!r}")
    words = _WORD.findall(mention)
    head = words[0] if words else ""
    tail = words[-1] if words else ""
    lower = [w.lower() for w in words]
    said = [w for w in _WORD.findall(between.lower()) if w in SPEECH_VERBS or w in CHARACTERISING_VERBS]
    letters = [c for c in mention if c.isalpha()]
    quote = dict(zip(FEATURES, quote_values, strict=True)) if quote_values is not None else {}
    return [
        1.0,
        *(float(kind == k) for k in CHOICE_KINDS),
        float(first),
        float(last_speaker),
        float(times_quoted > 0),
        math.log1p(times_quoted),
        math.log1p(sentences_back),
        math.log1p(paragraphs_back),
        math.log1p(len(_WORD.findall(between))),
        float(len(words) == 1 and head.lower() in _PRONOUNS),
        math.log1p(len(words)),
        float(tail[:1].isupper()),
        float(len(letters) > 3 and all(c.isupper() for c in letters)),
        float(head[:1].isupper() and head.lower().endswith(("ing", "ed"))),
        float(tail.lower().endswith(("'s", "’s"))),
        float(any(w in TITLE_NOUNS for w in lower)),
        float(bool(lower) and (lower[-1] in ORG_WORDS or lower[-1] in GROUP_NOUNS)),
        float(bool(said)),
        float(_NAME.search(between) is not None),
        quote.get("opens_paragraph", 0.0),
        quote.get("whole_sentence", 0.0),
        math.log1p(choices),
        float(any(w.endswith(("'s", "’s")) for w in lower[:-1])),
        float(_PASSIVE.search(between) is not None),
        float(any(w in SPEECH_VERBS or w in CHARACTERISING_VERBS for w in _WORD.findall(after.lower()))),
    ]


@cache
def weights() -> tuple[float, ...]:
    """The shipped weights of the quote scorer (``scorer.json``), one per feature, and the
    decision threshold last."""
    return model()[0]


@cache
def speaker_weights() -> tuple[float, ...]:
    """The shipped weights of the speaker ranker (``scorer.json``), one per speaker feature, and
    its floor last."""
    return model()[1]


Model = tuple[tuple[float, ...], tuple[float, ...]]
"""The two scorers' weights, each with its threshold last: quote, speaker."""


@cache
def model() -> Model:
    """The shipped weights of both scorers (``scorer.json``)."""
    data = json.loads(files(__package__).joinpath("scorer.json").read_text(encoding="utf-8"))
    return _check(data), _check(data, "speaker_weights", "speaker_threshold", SPEAKER_FEATURES)


def _check(
    data: Mapping[str, object],
    key: str = "weights",
    threshold_key: str = "threshold",
    names: tuple[str, ...] = FEATURES,
) -> tuple[float, ...]:
    given = data.get(key)
    threshold = data.get(threshold_key)
    if not isinstance(given, dict) or set(given) != set(names) or not isinstance(threshold, (int, float)):
        raise ValueError(
            f"scorer.json: expected {key!r} with a weight for each of {', '.join(names)} and {threshold_key!r}"
        )
    return (*(float(given[name]) for name in names), float(threshold))


def quote_probability(values: Sequence[float], model: Sequence[float] | None = None) -> float:
    """The probability that the quoted words are someone's words, by the logistic model
    ``model`` (the shipped weights by default; a threshold after them is ignored)."""
    w = model if model is not None else weights()
    return _logistic(values, w[: len(FEATURES)])


def speaker_probability(values: Sequence[float], model: Sequence[float] | None = None) -> float:
    """The probability that a candidate speaker mention is the one who said quoted words that
    are someone's, by the logistic model ``model`` over ``SPEAKER_FEATURES`` (the shipped weights
    by default; a floor after them is ignored)."""
    w = model if model is not None else speaker_weights()
    return _logistic(values, w[: len(SPEAKER_FEATURES)])


def _logistic(values: Sequence[float], w: Sequence[float]) -> float:
    z = sum(x * y for x, y in zip(values, w, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
