"""The headline colon form: ``Speaker: claim`` (``Senator Jones: We Will Win``), a
headline's own grammar for attributing a claim, with its vetoes.

The other rules read the headline as they read a paragraph (``Jones Says ...``); this one
reads what only headlines write. The left side must read as a speaker: one to four
capitalised words (a name, an organisation, a title and a name), not a label, a series or a
section name (``Breaking:``, ``Exclusive Excerpt–...:``, ``The Ninth Circle:``, ``Part 3``),
and the right side as a clause of at least three words.
"""

from __future__ import annotations

import re

from articlekit.enrich.lexicon import SPEECH_VERBS
from articlekit.enrich.quotes.rules import Candidate
from articlekit.enrich.quotes.words import word_list

RULE = "headline_colon"

_COLON = re.compile(r":\s+")
_WORD = re.compile(r"[^\s]+")
_NAME_WORD = re.compile(r"(?:[A-Z][\w'’.&-]*|[A-Z]\.)+")
_QUOTES = "\"“”'‘’"

LABELS = word_list("headline_labels")
"""Words that make the left side of a headline colon a label, a series or a section name,
not a speaker (``lexicons/headline_labels.txt``)."""

_PREPOSITIONS = frozenset(("on", "to", "about", "for", "at", "in", "with", "after", "over", "from", "by", "vs", "vs."))
# determiners and prepositions: the left side is a title or a place, not a name
_NOT_NAME_OPENERS = frozenset(("the", "a", "an", "this", "these", "that", "our", "my", "your", "in", "on", "at"))


def _speaker_side(left: str) -> bool:
    words = left.split()
    if not 1 <= len(words) <= 4:
        return False
    if any(ch in left for ch in "–—-") and len(words) > 1:
        return False  # "Exclusive Excerpt–Title": a series and its part
    if words[0].lower().strip(".,") in _NOT_NAME_OPENERS:
        return False  # "The Ninth Circle": a title, not a name
    if any(word.lower() in _PREPOSITIONS for word in words[1:]):
        return False  # "Mayor On Budget:": a speaker and a topic, the claim is what follows
    if len(words) == 1 and words[0].lower().endswith("ed"):
        return False  # "Revealed:", "Confirmed:": a participle as a label
    for word in words:
        bare = word.strip(".,")
        if len(bare) > 4 and bare.isupper():
            return False  # "SHOCKING:": a shouted label (acronyms are short: "AP", "SEIU")
        if not bare or bare.lower() in LABELS or any(ch.isdigit() for ch in bare):
            return False
        if not _NAME_WORD.fullmatch(bare):
            return False
    return True


def _claim_side(right: str) -> bool:
    words = _WORD.findall(right.strip(_QUOTES + " "))
    if len(words) < 3 or right.rstrip(_QUOTES + " ").endswith("?"):
        return False  # too short for a clause, or a question the headline asks
    first = words[0].strip(_QUOTES).lower()
    return first not in ("part", "chapter", "episode", "season", "vol.", "volume", "no.")


def headline_colon(headline: str) -> Candidate | None:
    """The headline's ``Speaker: claim`` as a quote (``direct`` when the claim is all in quote
    marks, else ``indirect``), or None where the left side does not read as a speaker or the
    right side as a clause. ``mixed`` when the claim holds quoted words."""
    found = list(_COLON.finditer(headline))
    if len(found) != 1:
        return None  # none, or a label before a speaker ("Breaking: Jones: ...")
    colon = found[0]
    left = headline[: colon.start()].strip()
    right_start = colon.end()
    right_end = len(headline.rstrip(" .;"))
    right = headline[right_start:right_end]
    if not _speaker_side(left) or not _claim_side(right):
        return None
    start = headline.index(left)
    whole = right.strip()
    quoted = len(whole) > 2 and whole[0] in _QUOTES and whole.rstrip(".!?")[-1:] in _QUOTES
    if quoted:
        # the words inside the marks
        inner_start = right_start + 1
        inner_end = right_start + len(whole.rstrip(".!?")) - 1
        pieces = [(0, inner_start, inner_end)]
    else:
        pieces = [(0, right_start, right_end)]
    kind = "direct" if quoted else "mixed" if any(ch in whole for ch in '"“‘') else "indirect"
    return Candidate(
        kind,
        pieces,
        cue=(0, colon.start(), colon.start() + 1),
        speaker=(0, start, start + len(left)),
        rule=RULE,
    )


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def title_case(headline: str) -> bool:
    """Whether the headline is written in Title Case: most of its longer words capitalised."""
    words = [w for w in _HEADLINE_WORD.findall(headline) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def case_blind(headline: str) -> str:
    """The headline as the rules read it: in a Title Case headline, a speech verb in the
    present or past (``Says``, ``Tells``, ``Warned``) after a capitalised word is written in
    lower case, as a sentence writes it (``Jones Says He Will Run`` reads ``Jones says He Will
    Run``). Same length, so positions hold."""
    if not title_case(headline):
        return headline
    out = list(headline)
    previous = ""
    for match in _HEADLINE_WORD.finditer(headline):
        word = match.group()
        low = word.lower()
        if (
            previous[:1].isupper()
            and word[0].isupper()
            and low in SPEECH_VERBS
            and (low.endswith("s") or low.endswith("ed") or low in ("said", "told", "wrote"))
            and len(low) == len(word)
        ):
            out[match.start() : match.end()] = low
        previous = word
    return "".join(out)
