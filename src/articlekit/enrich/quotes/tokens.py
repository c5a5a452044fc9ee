"""Tokens, sentences and speech cues: the text of a paragraph cut into the pieces the rules read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from articlekit.enrich.lexicon import (
    CHARACTERISING_VERBS,
    SPEECH_VERBS,
)
from articlekit.enrich.quotes.words import word_list

# A word: letters and digits with inner apostrophes, hyphens, ampersands and dots (U.S.,
# Ukraine's), or one punctuation character.
# (the loop unrolled: runs of word characters match as one class, the rare marks in between;
# a word no apostrophe or dot follows, most of them, matches first without entering the loop)
_TOKEN = re.compile(
    r"\w[\w&-]*+(?![’'.])"
    r"|\w[\w&-]*(?:(?:[’'](?=\w)|(?<=s)[’'](?=\s)|\.(?=\w))[\w&-]*)*\.?"
    r"|[^\w\s]"
)
_WORD = re.compile(r"\w+")
_ABBREVIATIONS = word_list("abbreviations")
_SENTENCE_END = re.compile(r"[.?!][.?!\"”’')\]]*(?=\s+(?:''|[\"“‘'(\[])?[A-Z0-9]|\s*$)")
_PARENS = re.compile(r"\([^()]*\)")
_GAP_STOP = re.compile(r"[.!?:;](?:\s|$)")
_WORD_BEFORE_DOT = re.compile(r"([\w.-]+)$")
_INITIALS = re.compile(r"(?:\w\.)+\w")


def _trie(words: Sequence[str]) -> str:
    """A regular expression matching exactly ``words``, as a trie: far faster than a flat
    alternation, because each position fails on its first character."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(tree)


_CUE_WORDS = {*SPEECH_VERBS, *CHARACTERISING_VERBS}
_NOT_OPENING = word_list("not_opening_participles")  # 'Reading the "fine print," Lee found ...': no speech
REPLY_PARTICLES = {verb: particle for verb, _, particle in (p.partition(" ") for p in word_list("reply_phrases"))}
"""The verbs of reply that report speech only with their particle (``fired`` -> ``back``)."""
# with a participle opening a sentence: 'Bemoaning the "phony system," Trump ...'
_CUE = re.compile(
    r"(?<![\w'’-])(?:"
    + _trie(sorted(_CUE_WORDS | {w.capitalize() for w in _CUE_WORDS if w.endswith("ing") and w not in _NOT_OPENING}))
    + r"|[Aa]ccording(?=\s+to\b)"
    + "".join(rf"|{verb}(?=\s+{particle}\b)" for verb, particle in sorted(REPLY_PARTICLES.items()))
    + r")(?![\w'’-])"
)
"""A speech verb form, ``according`` before ``to``, or a verb of reply before its particle
(``fired`` before ``back``)."""

_RUN = re.compile(r"[\w'’-]+")
_CUE_RUNS = frozenset(
    {*_CUE_WORDS, *(w.capitalize() for w in _CUE_WORDS if w.endswith("ing") and w not in _NOT_OPENING)}
    | {"according", "According"}
    | set(REPLY_PARTICLES)
)
r"""The words ``_CUE`` matches, each a whole run of ``[\w'’-]`` characters."""
_CUES_ARE_RUNS = all(_RUN.fullmatch(word) for word in _CUE_RUNS)
"""Whether every cue word is one run (no space, no dot: ``said``, not ``pointed out``): the
scans that rely on it fall back to ``_CUE`` itself when a word list breaks it."""


_RUN_BYTES = bytes(b if b < 0x80 and (chr(b).isalnum() or b in b"_'-") else 0x20 for b in range(256))
r"""A byte table keeping the ASCII characters of ``[\w'’-]`` and turning every other byte into a
space."""
_CUE_RUN_BYTES = frozenset(word.encode() for word in _CUE_RUNS if word.isascii())
_CUES_ARE_ASCII = all(word.isascii() for word in _CUE_RUNS)
"""Whether every cue word is ASCII (``cue_words`` relies on it, and reads the runs with
``_RUN`` itself when a word list breaks it)."""


def cue_words(text: str) -> set[str]:
    r"""The cue words that may stand in ``text`` as whole runs of ``[\w'’-]``: every one that
    does (``_CUE_RUNS.intersection(_RUN.findall(text))``) and rarely a few more, about twice as
    fast. The text is encoded as ASCII with every other character a ``?``, every ASCII
    character outside the runs is made a space, and the pieces are looked up at C speed (no
    regular expression). Every cue word being ASCII, a cue standing in the text is one such
    piece; a piece that a non-ASCII character cuts off a longer run (``said`` of ``saidé``)
    is one more word to try, which ``_CUE`` then rejects (``scan_cues``)."""
    if not _CUES_ARE_ASCII:
        return set(_CUE_RUNS.intersection(_RUN.findall(text)))
    pieces = text.encode("ascii", "replace").translate(_RUN_BYTES).split()
    return {word.decode() for word in _CUE_RUN_BYTES.intersection(pieces)}


def scan_cues(text: str) -> list[re.Match[str]]:
    """Exactly ``list(_CUE.finditer(text))``, faster: a cue is one whole run of word characters
    (with ``'’-``), so the runs of the paragraph are collected at C speed and looked up at
    once (``cue_words``: every cue word standing in the text, rarely a few more); only the
    places where one of those words stands are matched by ``_CUE``, which decides (most
    paragraphs hold none, or one or two)."""
    if not _CUES_ARE_RUNS:
        return list(_CUE.finditer(text))
    found = cue_words(text)
    if not found:
        return []
    starts: set[int] = set()
    for word in found:
        i = text.find(word)
        while i >= 0:  # (inside a longer word too: ``_CUE`` rejects it there)
            starts.add(i)
            i = text.find(word, i + 1)
    out = []
    for i in sorted(starts):
        m = _CUE.match(text, i)
        if m is not None:
            out.append(m)
    return out


_NAME_PARTICLE = re.compile(
    r"(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|abd|ben|d|da|de|di|du|la|le|van|von)[-’'][A-Z]"
)


def _is_cap(word: str) -> bool:
    """Whether ``word`` is capitalised, as a name's words are (``al-Omari``, ``d'Estaing`` count)."""
    first = word[:1]
    if first.isupper():
        return True
    # (a particle needs its hyphen or apostrophe: most lower-case words are spared the match)
    return first.islower() and ("-" in word or "’" in word or "'" in word) and _NAME_PARTICLE.match(word) is not None


def _low(word: str) -> str:
    return word.rstrip(".").lower()


_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z'’.]+(?:[ /-][A-Z][A-Z'’.]+)*"  # SEOUL, NEW YORK, MOSCOW/KYIV
    r"(?:,\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})?"  # , South Korea
    r"(?:,?\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"  # , Aug. 20
    r"\s*(?:\([^()]{1,40}\))?"  # (Yonhap)
    r"\s*(?:--|[—–-])\s+"
)


def dateline_end(text: str) -> int:
    """Where a paragraph's opening dateline (``SEOUL, Aug. 20 (Yonhap) --``, ``OSLO, Norway -``)
    ends; 0 when it has none. A dateline is no part of the first sentence: never its speaker,
    never its words."""
    m = _DATELINE_LEAD.match(text, 0, 120)
    return m.end() if m is not None and m.end() < len(text) else 0


_PRONOUN_OPENS = re.compile(r"\s+(?:He|She|They|We|It)\s")
"""A capitalised subject pronoun after initials' dot (``in the U.S. He says``): no pronoun is
written so inside a sentence, so the dot ends one."""


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph as ``(start, end)`` ranges, aware of abbreviations and
    initials (``U.S.``, ``Mr.``, ``J.``); an opening dateline stands in none of them."""
    spans: list[tuple[int, int]] = []
    start = dateline_end(text) if text[:2].isupper() else 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        dot = match.start()
        # seven letters before the dot make a word longer than any abbreviation: no need to look
        if text[dot] == "." and not (dot >= 7 and text[dot - 7 : dot].isalpha()):
            word = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
            if word is not None:
                w = word.group(1).lower()
                # (initials hold a dot: most words are spared the match; "... in the U.S. He says
                # ...": a subject pronoun after initials opens the next sentence)
                if (
                    w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or ("." in w and _INITIALS.fullmatch(w))
                ) and not ("." in w and _PRONOUN_OPENS.match(text, end)):
                    continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


class _Tok:
    """A token: a word or one punctuation character, with its position."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _stops(gap: str) -> bool:
    """Whether ``gap`` holds the end of a sentence or clause (not an abbreviation's dot)."""
    for m in _GAP_STOP.finditer(gap):
        if gap[m.start()] == ".":
            word = _WORD_BEFORE_DOT.search(gap, 0, m.start())
            w = word.group(1).lower() if word else ""
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w or "-" in w:
                continue  # "Mr.", "U.S.", "R-Ky."
        return True
    return False


class _Token(Protocol):
    """A token: a regular expression's match of one word or punctuation character, or a
    [`_Tok`][articlekit.enrich.quotes._Tok]."""

    def group(self) -> str: ...
    def start(self) -> int: ...
    def end(self) -> int: ...


def _tokens(text: str, lo: int, hi: int) -> list[_Token]:
    """The tokens of ``text[lo:hi]``; a sentence's final period is its own token, while an
    abbreviation (``Mr.``, ``U.S.``, ``J.``) keeps its dot."""
    if text.find(".", lo, hi) < 0:
        return list(_TOKEN.finditer(text, lo, hi))  # no dot: the matches are the tokens
    out: list[_Token] = []
    add = out.append
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        if word[-1] == "." and len(word) > 1:
            bare = word[:-1].lower()
            if not (bare in _ABBREVIATIONS or len(bare) == 1 or "." in bare or "-" in bare):
                start, end = m.span()
                add(_Tok(word[:-1], start, end - 1))
                add(_Tok(".", end - 1, end))
                continue
        add(m)  # the match itself: no object to build for most tokens
    return out


_AT_LEAST_WORDS = {n: re.compile(r"\w+" + r"\W+\w+" * (n - 1)) for n in (1, 2, 3)}
r"""``_AT_LEAST_WORDS[n]`` finds ``n`` words (runs of ``\w``) where there are at least ``n``: it
stops there, where counting them all would read the whole stretch."""


def _fewer_words(text: str, start: int, end: int, least: int) -> bool:
    r"""Whether ``text[start:end]`` holds fewer than ``least`` words (runs of ``\w``), reading no
    further than the ``least``-th."""
    words = _AT_LEAST_WORDS.get(least)
    if words is None:
        return len(_WORD.findall(text, start, end)) < least
    return words.search(text, start, end) is None


def _strip_span(text: str, start: int, end: int, trailing: str = ",;:—–- ") -> tuple[int, int]:
    """Trim white space (and trailing ``trailing`` characters) from a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


def _stop_in(text: str, lo: int, hi: int) -> int | None:
    """The end of the first sentence ending in ``text[lo:hi]`` (not an abbreviation), or None."""
    for m in _GAP_STOP.finditer(text, lo, hi):
        if text[m.start()] == ".":
            word = _WORD_BEFORE_DOT.search(text, max(lo, m.start() - 12), m.start())
            w = word.group(1).lower() if word else ""
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w:
                continue
        return m.start()
    return None


def _cue_lemma(cue: str) -> str:
    """The lemma of a cue's last word when it is a speech verb (``has long said`` -> ``say``),
    else ``say``."""
    words = cue.split()
    return SPEECH_VERBS.get(words[-1].lower(), "say") if words else "say"
