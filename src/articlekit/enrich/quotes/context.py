"""The context of an attribution: venue (``at a press conference``), channel (``in a statement``, ``told
Reuters``) and when (``on Thursday``), and the words after a speech verb that hold them."""

from __future__ import annotations

import re

from articlekit.enrich.lexicon import (
    CHANNEL_WORDS,
    OBJECT_VERBS,
    ORG_WORDS,
)
from articlekit.enrich.quotes.tokens import _low
from articlekit.enrich.quotes.words import alternation, word_sequence

_THAT_OR_TO = re.compile(r"\s+(?:that|to)\b")
_SPACE_COMMA = re.compile(r"\s*,?\s*")
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had)\b")

_PREP = (
    r"(?:in|on|at|during|via|through|to|from|over|with|after|before|while|outside|inside|near|across|ahead of|of|about)"
)
_PP = re.compile(rf"{_PREP}\s+(?:[^\s,.;:\"“”]+\s+){{0,7}}?[^\s,.;:\"“”]+(?=\s*(?:[,.;:]|\s+that\b|$))")
_WEEKDAY = alternation("weekday_names")
_MONTH = "(?:" + alternation("month_names") + "|" + alternation("month_abbreviations") + ")"
_WHEN = re.compile(
    rf"(?:(?:on|last|this|early|late|earlier|later)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"|(?:earlier|later|early|late)\s+(?:this|last)\s+(?:week|month|year)"
    rf"|(?:last|this|next|early|late)\s+{_MONTH}"
    r"|(?:last|this|next)\s+(?:week|month|year|weekend|night|morning)"
    r"|(?:in|on)\s+(?:early|mid|late)-?\s*" + alternation("month_names") + ""
    r"|yesterday|today|tonight|earlier\s+today|on\s+the\s+same\s+day",
)
_CHANNEL = re.compile(
    r"(?:in|on|via|through)\s+(?:a|an|his|her|their|its|the|one)\s+"
    r"(?:[\w'’-]+\s+){0,3}"
    r"(?P<kind>" + alternation("channel_kinds") + ")s?"
    rf"(?:\s+(?:on|with|to|posted on|published by|published in|in)\s+(?!{_WEEKDAY}|{_MONTH})(?:the\s+)?"
    r"[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*)*)?"
    r"|on\s+(?:state\s+)?(?:TV|television|radio)"
    r"|on\s+" + alternation("platforms") + r"\b"
    r"|to\s+(?:reporters|journalists|the media|the press)"
)
_VENUE = re.compile(
    r"(?:at|during)\s+(?:a|an|the|his|her|their|its)\s+"
    r"(?:[\w'’-]+\s+){0,3}"
    + alternation("venue_kinds")
    + r"(?:\s+(?:in|at|on|with|of|near|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    r"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)?"
)


_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|local|some|several|many)\s+(?:(?!(?:the|a|an)\s)[\w'’-]+\s+){0,3}?"
    r"(?!(?:the|a|an)\s)[\w'’-]+"  # (no second determiner: 'told her the plan was dead')
    r"|(?:[A-Z][\w'’.&-]*\s+){0,3}(?:" + alternation("listener_nouns") + r"|audiences?|crowds?|[A-Z][\w'’.&-]*)"
    r"|" + alternation("listener_nouns") + ""
    r"|him|her|them|us|me|you)"
    r"(?=\s*(?:[,.;:]|$)|\s+(?:that|he|she|they|it|we|I|the|a|an|his|her|their|on|in|at|during|about|of|to|in|last|this"
    r"|" + "|".join(word_sequence("weekday_names")) + r")\b|\s+[A-Z])"
)

_LISTENER_BEFORE_WORDS = re.compile(r"\s+(?:" + alternation("listener_nouns") + r")(?=\s+[a-z])")
"""A listener noun straight before the words when they open with a word ``_OBJECT`` does not
expect there (``told analysts sales would rise``): the listener, not the words' first word."""


_TAIL_OPENS_WITH_A_LETTER = all(
    entry[:1].isalpha()
    for name in ("weekday_names", "month_names", "month_abbreviations")
    for entry in word_sequence(name)
)
"""Whether every phrase ``_skip_tail`` reads opens with a letter (the word lists its dates are
built from included), so that it may stop at any other character without trying them."""

_TAIL_OPENERS: tuple[str, ...] = (
    # _WHEN: a time word, a weekday or a month, with what may stand before them
    "on", "last", "this", "next", "early", "late", "earlier", "later", "in", "yesterday", "today", "tonight",
    *word_sequence("weekday_names"), *word_sequence("month_names"), *word_sequence("month_abbreviations"),
    # _CHANNEL and _VENUE
    "via", "through", "to", "at", "during",
    *_PREP[3:-1].split("|"),  # _PP: the prepositions of _PREP ("ahead of" too)
)  # fmt: skip
"""What each phrase ``_skip_tail`` reads (``_WHEN``, ``_CHANNEL``, ``_VENUE``, ``_PP``) opens with, as
written in those patterns (case-sensitive): where the text at a position opens with none of
these, none of the four can match there, and one ``str.startswith`` spares the four tries (a
test checks this against the patterns)."""


def _skip_tail(text: str, pos: int, hi: int, lemma: str) -> int:
    """Skip what may follow a speech verb before its content: the listener (``told Reuters``),
    when (``Thursday``), and prepositional phrases (``in a statement``, ``at a press
    conference in Bishkek, Kyrgyzstan``). Returns the position after them."""
    if lemma in OBJECT_VERBS:
        m = _OBJECT.match(text, pos, hi) or _LISTENER_BEFORE_WORDS.match(text, pos, hi)
        if m is not None and not _THAT_OR_TO.match(text, pos, hi):
            pos = m.end()
    for _ in range(5):
        m = _SPACE_COMMA.match(text, pos, hi)
        q = m.end() if m else pos
        if q >= hi or (_TAIL_OPENS_WITH_A_LETTER and not text[q].isalpha()):
            break  # (each phrase below opens with a letter: a word, a weekday, a month)
        if not text.startswith(_TAIL_OPENERS, q):
            break  # (no phrase below opens here: most attributions' words after the verb)
        w = _WHEN.match(text, q, hi)
        if w is not None and w.end() > q:
            pos = w.end()
            continue
        c = _CHANNEL.match(text, q, hi) or _VENUE.match(text, q, hi)
        if c is not None:
            pos = c.end()
            continue
        p = _PP.match(text, q, hi)
        if p is not None and not _FINITE.search(p.group()):
            pos = p.end()
            continue
        break
    return pos


def _context(text: str, lo: int, hi: int) -> tuple[str | None, str | None, str | None]:
    """The venue, channel and when written in ``text[lo:hi]`` (an attribution's words)."""
    venue = channel = when = None
    region = text[lo:hi]
    m = _VENUE.search(region) if ("at " in region or "during " in region) else None
    if m is not None:
        venue = _VENUE_OPENER.sub("", m.group()).rstrip(",. ")
    # cheap checks first: most attributions name no channel and no day
    c = _CHANNEL.search(region) if _CHANNEL_HINT.search(region) else None
    if c is not None:
        channel = _channel_name(c.group(), c.groupdict().get("kind"))
    elif "told " in region:
        t = _TOLD.search(region)
        if t is not None and _outlet(t.group(1).strip()):
            channel = t.group(1).strip().rstrip(".,;:")
    w = _WHEN.search(region) if _WHEN_HINT.search(region) else None
    if w is not None:
        when = w.group()
    return venue, channel, when


_CHANNEL_HINT = re.compile(r"\b(?:in|on|via|through|to) ")
_TOLD = re.compile(r"\btold\s+((?:the\s+)?(?:[A-Z][\w'’.&-]*\s*)+)")
_WHEN_HINT = re.compile(r"day\b|week|month|year|night|morning|Jan|Feb|March|April|May|June|July|Aug|Sep|Oct|Nov|Dec")


def _outlet(name: str) -> bool:
    words = name.split()
    return bool(words) and (
        any(_low(x) in ORG_WORDS for x in words) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1)
    )


_VENUE_OPENER = re.compile(r"^(?:at|during)\s+")
_CHANNEL_OPENER = re.compile(r"^(?:in|on|via|through|to)\s+")
_CHANNEL_WORD_PATTERNS: dict[str, re.Pattern[str]] = {}
"""Each channel word's pattern, compiled once (there are more of them than ``re``'s own cache
keeps warm)."""


def _channel_word(word: str) -> re.Pattern[str]:
    found = _CHANNEL_WORD_PATTERNS.get(word)
    if found is None:
        # "X" only in capitals: the platform, not a letter
        found = re.compile(r"\bX\b") if word == "x" else re.compile(rf"\b{re.escape(word)}\b", re.I)
        _CHANNEL_WORD_PATTERNS[word] = found
    return found


def _channel_name(phrase: str, kind: str | None) -> str:
    for word, canonical in CHANNEL_WORDS.items():
        if _channel_word(word).search(phrase):
            return canonical
    phrase = _CHANNEL_OPENER.sub("", phrase)
    return phrase.rstrip(",. ")
