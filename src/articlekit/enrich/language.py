"""The ``language`` enricher: the language of an article whose parser found none, detected from
its text, and the ``languages`` option that keeps only articles in the languages asked for.

It runs first (order 50), before the quotes enricher, which reads English only: an article
detected as English gets its quotes, one detected as another language does not.

Detection reads the headline and the first 200 characters of the body with
[py3langid](https://pypi.org/project/py3langid/) (an optional extra: ``pip install
"articlekit[language]"``), chosen by its accuracy and speed on short news texts (see
``docs/benchmarks.md``), and reads the first 600 instead when those 200 leave doubt (less than
0.95 sure; see [`detect_sample`][articlekit.enrich.language.detect_sample]). A language found
this way is marked: ``extensions["provenance"]["language"]`` is ``"detected"`` and
``extensions["language"]`` holds the ``confidence`` (0 to 1, py3langid's probability for the
text it read) and the ``detector``. Below ``language_threshold`` (default 0.5) the language stays
unknown; a text with fewer than 20 letters is not tried. Without py3langid installed nothing is
detected, and ``articlekit formats`` says so.

Options: ``detect_language=False`` turns detection off; ``language_threshold`` sets the confidence
below which no language is given; ``languages`` (``["en", "de"]`` or ``"en,de"``) keeps only
articles in those languages (see [`wanted_language`][articlekit.enrich.language.wanted_language]).
"""

from __future__ import annotations

import functools
import importlib.util
import math
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from attrs import frozen

from articlekit.common.fields import PROVENANCE
from articlekit.hookspecs import hookimpl
from articlekit.model import Article
from articlekit.options import OptionSpec
from articlekit.registry import EnricherSpec, Options

__all__ = [
    "DEFAULT_THRESHOLD",
    "DETECTORS",
    "Detect",
    "Detection",
    "detect_language",
    "detect_sample",
    "primary_language",
    "wanted_language",
    "wanted_languages",
]

DEFAULT_THRESHOLD = 0.5
"""The confidence below which a detected language is not given."""
_SAMPLE = 600
"""Characters of the body read: more adds time and hardly any accuracy."""
_FIRST = 200
"""Characters of the body read first, when it has more (see ``detect_sample``)."""
_SURE = 0.95
"""How sure the first, shorter reading must be to be the answer."""
_MIN_LETTERS = 20


@frozen
class Detection:
    """A detector's answer: a language and how sure it is."""

    language: str
    """The ISO 639-1 code (or BCP 47 tag) found."""
    confidence: float
    """From 0 to 1."""
    detector: str
    """Which detector answered (``py3langid``)."""


Detect = Callable[[str], "Detection | None"]


def _py3langid() -> Detect | None:
    if importlib.util.find_spec("py3langid") is None:
        return None
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    classify = _classifier(identifier)

    def detect(text: str) -> Detection | None:
        language, probability = classify(text)
        return Detection(str(language), float(probability), "py3langid")

    return detect


_CHECKED_TEXTS = (
    "The minister said on Tuesday that the talks would resume next week.",
    "Der Minister sagte am Dienstag, die Gespräche würden nächste Woche fortgesetzt.",
    "Le ministre a déclaré mardi que les pourparlers reprendraient la semaine prochaine.",
    "!!! 123",
)


_WINDOW = 6
"""The bytes a state of py3langid's automaton depends on: its longest n-gram prefix (6 bytes in
the model shipped). Each walk checks the states it found against the automaton, so a model
with longer prefixes is still read exactly, by the byte-by-byte walk."""


_CHUNK = 1 << 16
"""The bytes of a text walked at once: a walk's arrays (some 50 bytes a byte) stay this size
however long the text."""


def _classifier(identifier: Any) -> Callable[[str], tuple[str, float]]:
    """py3langid's ``classify`` for text, the same computation (so the same language and the
    same confidence, to the last bit), with less overhead: the automaton walked over all the
    text's bytes at once (see ``features`` below), the features counted in the order py3langid meets
    them, and no per-call dispatch. When the model's layout is not the one expected, or the
    two disagree on a few texts at load, py3langid's own is used."""
    try:
        import numpy as np

        table = identifier.nb_ptc
        prior = identifier.nb_pc
        classes = list(identifier.nb_classes)
        if identifier.min_confidence is not None or len(classes) != len(prior):
            return identifier.classify  # type: ignore[no-any-return]
        moves = identifier.tk_nextmove
        if not isinstance(moves, array) or moves.typecode not in "IL" or moves.itemsize != 4:
            return identifier.classify  # type: ignore[no-any-return]
        nextmove = np.frombuffer(moves, dtype=np.uint32)  # (a view: no copy of its 40 MB)
        row_base = np.asarray(identifier.tk_row, dtype=np.intp) << 8
        outputs = np.asarray(identifier.tk_output, dtype=np.intp)
        slow_base = array("i", (row << 8 for row in identifier.tk_row))
        slow_outputs = array("i", identifier.tk_output)
    except (AttributeError, TypeError, ValueError, OverflowError):
        return identifier.classify  # type: ignore[no-any-return]
    first: dict[str, int] = {}
    aliases = []  # (first, duplicate) columns of a label given twice, as py3langid folds them
    for index, label in enumerate(classes):
        if label in first:
            aliases.append((first[label], index))
        else:
            first[label] = index
    log1p, exp, fromiter, frombuffer = np.log1p, np.exp, np.fromiter, np.frombuffer
    intp, float32, uint8, uint32 = np.intp, np.float32, np.uint8, np.uint32
    halves = _negative_normal_halves(np, table)

    def rows_of(rows: Any) -> Any:
        """The table's ``rows``; float16 rows as float32, the exact values numpy's cast gives
        (what the product ``float32 @ float16`` casts them to before multiplying, so the
        product is the same to the last bit). numpy widens float16
        one value at a time; where every entry of the table is a negative normal number (as in
        the model shipped) the float32 bits are the half's bits with the exponent rebased, which
        integer arithmetic over the whole block gives at once: ``(bits + 0x54000) << 13``
        (sign kept, exponent bias 15 to 127, the mantissa's 10 bits moved to the top of 23)."""
        if halves is None:
            return table[rows]
        widened = halves[rows].astype(uint32)
        widened += 0x54000
        widened <<= 13
        return widened.view(float32)

    def walked(data: bytes) -> list[int]:
        """The features met, byte by byte from the start state, as py3langid walks."""
        state = 0
        found: list[int] = []
        append = found.append
        for byte in data:
            state = moves[slow_base[state] + byte]
            feature = slow_outputs[state]
            if feature >= 0:
                append(feature)
        return found

    def features(data: bytes) -> list[int]:
        """The features met walking ``data``, in order: what ``walked`` gives, found for every
        position of a chunk of ``_CHUNK`` bytes at once (see ``states_of``), chunk after chunk
        (so a long text's arrays stay the size of a chunk)."""
        found: list[int] = []
        state = 0
        for start in range(0, len(data), _CHUNK):
            states = states_of(data, start, min(start + _CHUNK, len(data)), state)
            if states is None:
                return walked(data)
            met = outputs[states]
            found += met[met >= 0].tolist()
            state = int(states[-1])
        return found

    def states_of(data: bytes, start: int, end: int, state: int) -> Any:
        """The automaton's states after each byte of ``data[start:end]``, walking on from
        ``state`` (the one after the byte before), or None. The automaton (Aho-Corasick over the
        model's byte n-grams) is in the state of the longest n-gram prefix ending at a byte,
        which only the ``_WINDOW`` bytes up to it decide: so each position's state is the start
        state walked over those bytes, and the walk takes ``_WINDOW`` steps over arrays instead
        of one step per byte. Every state found is then checked to follow from the one before
        it by the byte between them (the one true walk is the only sequence that does); where
        one does not, None (``walked`` answers)."""
        lead = min(_WINDOW - 1, start)  # the bytes before the chunk in its first windows
        count = end - start + lead
        codes = frombuffer(data, dtype=uint8, count=count, offset=start - lead).astype(intp)
        states = np.zeros(count, dtype=intp)
        for back in range(min(_WINDOW, count) - 1, -1, -1):
            ahead = states[back:]
            ahead[:] = nextmove[row_base[ahead] + codes[: count - back]]
        states, codes = states[lead:], codes[lead:]
        if states[0] != nextmove[row_base[state] + codes[0]] or not np.array_equal(
            nextmove[row_base[states[:-1]] + codes[1:]], states[1:]
        ):
            return None
        return states

    def classify(text: str) -> tuple[str, float]:
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        found = features(data)
        if found:
            visits = Counter(found)
            counts = fromiter(visits.values(), dtype=float32, count=len(visits))
            rows = fromiter(visits.keys(), dtype=intp, count=len(visits))
            scores = log1p(counts) @ rows_of(rows) + prior
        else:
            scores = np.full(len(classes), 0.0, dtype=float32)
        scores *= 1.0 / math.sqrt(len(data) or 1)
        exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for kept, folded in aliases:
            scores[kept] += scores[folded]
            scores[folded] = 0.0
        best = int(scores.argmax())
        return classes[best], float(scores[best])

    reference = identifier.classify
    if any(classify(text) != tuple(reference(text)) for text in _CHECKED_TEXTS):
        return reference  # type: ignore[no-any-return]
    return classify


def _negative_normal_halves(np: Any, table: Any) -> Any:
    """The bits of ``table`` (as uint16) when it is float16 and every entry is a negative normal
    number (sign set, exponent neither 0 nor 31), else None: the entries ``rows_of`` widens
    with integer arithmetic."""
    if getattr(table, "dtype", None) != np.float16 or table.ndim != 2 or not table.size:
        return None
    bits = table.view(np.uint16)
    return bits if int(bits.min()) >= 0x8400 and int(bits.max()) < 0xFC00 else None


DETECTORS: dict[str, Callable[[], Detect | None]] = {"py3langid": _py3langid}
"""Detector name -> a factory giving its detect function, or None when it is not installed. The
enricher uses py3langid; ``bench/language.py`` adds its peers to compare."""


@functools.cache
def _detector() -> Detect | None:
    return DETECTORS["py3langid"]()


def primary_language(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower case (``en-GB`` -> ``en``, ``zh_Hant`` ->
    ``zh``); ``nb`` and ``nn`` are ``no``; None for None or an empty tag."""
    if not tag or not tag.strip():
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return "no" if primary in ("nb", "nn") else primary or None


def _enough_letters(text: str) -> bool:
    """Whether ``text`` holds ``_MIN_LETTERS`` letters (counted until there are as many)."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters >= _MIN_LETTERS:
                return True
    return False


def detect_language(text: str, threshold: float = DEFAULT_THRESHOLD) -> Detection | None:
    """The language of ``text``, or None when no detector is installed, the text is too short,
    or the detector is less sure than ``threshold``."""
    if not _enough_letters(text[:200]):
        return None
    detect = _detector()
    if detect is None:
        return None
    found = detect(text)
    if found is None or found.confidence < threshold:
        return None
    return found


def detect_sample(body: str, headline: str = "", threshold: float = DEFAULT_THRESHOLD) -> Detection | None:
    """The language of an article's text as the enricher reads it: the headline (when there is
    one) and the first ``_FIRST`` (200) characters of ``body`` first; when that reading is at
    least ``_SURE`` (0.95) sure (and as sure as ``threshold``), it is the answer, its confidence
    that of those characters. Otherwise, and for a body of 200 characters or fewer, the
    headline and the first ``_SAMPLE`` (600) characters, as ``detect_language`` reads them.
    Most news copy is settled by its first 200 characters (on the shared samples, 992 of the
    1,015 articles longer than that, every one in the language the 600 give); the longer
    reading is kept for the texts that leave doubt."""
    if len(body) > _FIRST:
        found = detect_language(_joined(headline, body[:_FIRST]), max(threshold, _SURE))
        if found is not None:
            return found
    return detect_language(_joined(headline, body[:_SAMPLE]), threshold)


def _joined(headline: str, body: str) -> str:
    return f"{headline}\n{body}" if headline else body


DETECT_LANGUAGE = OptionSpec(
    "detect_language", bool, True, "detect the language of an article whose input does not say it"
)
LANGUAGE_THRESHOLD = OptionSpec(
    "language_threshold",
    float,
    DEFAULT_THRESHOLD,
    "how sure the detector must be to set a language, from 0 to 1 (above 1: never)",
    minimum=0.0,
)


def enrich_language(article: Article, options: Options) -> Article:
    """The enricher: a language for an article that has none, from its text."""
    if article.language or not DETECT_LANGUAGE.value(options):
        return article
    threshold: float = LANGUAGE_THRESHOLD.value(options)
    found = detect_sample(article.text, article.headline, threshold)
    if found is None:
        return article
    extensions: dict[str, Any] = dict(article.extensions)
    provenance = extensions.get(PROVENANCE)
    extensions[PROVENANCE] = {**(provenance if isinstance(provenance, dict) else {}), "language": "detected"}
    extensions["language"] = {"confidence": round(found.confidence, 4), "detector": found.detector}
    return attrs.evolve(article, language=found.language, extensions=extensions)


def wanted_languages(value: str | Iterable[str] | None) -> frozenset[str] | None:
    """The primary subtags of a ``languages`` option (``"en,de"`` or ``["en", "de-AT"]``), None
    when it asks for none.

    :raises ValueError: for an entry that is no language tag."""
    if value is None:
        return None
    entries = value.split(",") if isinstance(value, str) else list(value)
    found = set()
    for entry in entries:
        primary = primary_language(entry)
        if primary is None:
            continue
        if not primary.isalpha() or not 2 <= len(primary) <= 3:
            raise ValueError(f"{entry!r} is not a language tag (expected such as en, de or pt-BR)")
        found.add(primary)
    return frozenset(found) or None


def wanted_language(article: Article, languages: frozenset[str] | None) -> bool:
    """Whether ``article`` is in one of ``languages`` (primary subtags): an article whose language
    is unknown is not (with None, every article is wanted)."""
    if languages is None:
        return True
    return primary_language(article.language) in languages


@hookimpl
def articlekit_enrichers() -> Sequence[EnricherSpec]:
    description = "the language of an article whose parser found none, detected from its text"
    if importlib.util.find_spec("py3langid") is None:
        description += " (off: install articlekit[language])"
    return [
        EnricherSpec(
            name="language",
            run=enrich_language,
            order=50,
            description=description,
            options=(DETECT_LANGUAGE, LANGUAGE_THRESHOLD),
        )
    ]
