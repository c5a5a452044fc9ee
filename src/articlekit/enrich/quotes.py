"""The ``quotes`` enricher: direct, indirect and mixed quotes with their cue, speaker mention
and context (venue, channel, when), found by transparent rules over the article's body.

It runs on articles in English and on articles whose language is unknown. Quotes a parser
already put in the article are kept as they are; the enricher adds the others around them.

How it works, in two passes over the body's paragraphs and block quotes:

1. **Direct quotes.** Quote marks are paired per paragraph (straight or curly double quotes,
   ``''``, or single quotes where the article uses them as its primary marks). A paragraph
   that opens a quote and does not close it continues into the next paragraph when that one
   reopens the quote in the same style. Each quoted unit is then attributed: after it
   (``"...," X said``, ``"...," said X``, ``"..." -- X``), before it (``X said: "..."``,
   ``X:``, ``According to X, "..."``, ``..., saying, "..."``), from the previous paragraph
   (``He said:``), or by continuation (a paragraph that is only a quote, after a paragraph
   quoting someone). A quote split by its attribution (``"...," he said, "..."``) becomes one
   quote with several spans. Quoted words inside the writer's own sentence, attributed after
   it, make a ``mixed`` quote of that sentence. Quoted words with no attribution (scare quotes,
   titles, nicknames, terms) are not quotes.
2. **Reported speech.** Each sentence is searched for a speech verb (any tense, also ``is
   saying`` and ``has said``) with a speaker before it (``X said (that) ...``, ``..., X said
   Thursday.``, ``A, X said, B``), an inverted one (``..., said X.``), a shared subject
   (``... and said``, ``X, who says``), ``according to X`` and ``As X noted, ...``; and for a
   characterising verb with the speaker's own words (``called the plan "a disaster"``). The
   content runs to the sentence's end or to someone else's clause, and becomes an
   ``indirect`` quote, or ``mixed`` when it holds quoted words.

Every rule is general English news usage (word lists in
[`articlekit.enrich.lexicon`][articlekit.enrich.lexicon]); ``docs/quotes.md`` lists the
patterns and their limits.

Speaker mentions are left unresolved (``source=None``); the ``sources`` enricher resolves
them, and the ``dates`` enricher resolves the context's ``when``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

import attrs
from attrs import define, field

from articlekit.enrich.lexicon import (
    ADVERBS,
    CHANNEL_WORDS,
    CHARACTERISING_VERBS,
    CLAUSE_ADVERBS,
    DETERMINERS,
    GROUP_NOUNS,
    MONTHS,
    NEEDS_THAT,
    OBJECT_VERBS,
    ORG_WORDS,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_NOUNS,
    WEEKDAYS,
)
from articlekit.hookspecs import hookimpl
from articlekit.model import (
    Article,
    BlockQuote,
    Cue,
    Paragraph,
    Quote,
    QuoteContext,
    Span,
    Speaker,
    When,
)
from articlekit.registry import EnricherSpec, Options

__all__ = ["applies_to", "extract_quotes", "find_quotes"]

# ----------------------------------------------------------------------------- tokens

# A word: letters and digits with inner apostrophes, hyphens, ampersands and dots (U.S.,
# Ukraine's), or one punctuation character.
# (the loop unrolled: runs of word characters match as one class, the rare marks in between)
_TOKEN = re.compile(r"\w[\w&-]*(?:(?:[’'](?=\w)|(?<=s)[’'](?=\s)|\.(?=\w))[\w&-]*)*\.?|[^\w\s]")
_WORD = re.compile(r"\w+")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr", "sr",
     "u.s", "u.k", "u.n", "e.u", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "no",
     "vs", "etc", "inc", "corp", "co", "ltd", "prof", "rev", "capt", "cmdr", "adm", "maj", "ft",
     "mt", "d.c", "a.m", "p.m", "i.e", "e.g", "gop", "approx", "dept", "est", "univ", "ave", "del", "sens",
     "reps", "atty", "supt", "gens", "msgr", "fr", "cpl", "pvt", "hon", "ala", "ariz", "ark", "calif", "colo",
     "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
     "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wis", "wyo", "n.h", "n.j", "n.y", "n.c",
     "s.c", "n.d", "s.d", "n.m", "r.i", "w.va"}
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.?!][.?!\"”’')\]]*(?=\s+(?:''|[\"“‘'(\[])?[A-Z0-9]|\s*$)")
_PARENS = re.compile(r"\([^()]*\)")
_GAP_STOP = re.compile(r"[.!?:;](?:\s|$)")
_WORD_BEFORE_DOT = re.compile(r"([\w.-]+)$")
_ACCORDING_BEFORE = re.compile(r"[Aa]ccording to ()(?=[^,;:]{1,80}[,:]\s*$)")
_SHARED_SUBJECT = re.compile(r"(?:,?\s*\b(who)|\s+and)(?:\s+(?:also|later|then|\w+ly))?$")
_SHARED_AND = re.compile(r"\s+and(?:\s+(?:also|later|then|\w+ly))?\s+$")
_LEAD_DASH = re.compile(r"\s(?:[-—–―]|--)\s+$")
_BY_GERUND = re.compile(r"(?:^|\s)(?:by|after|while|before)$")
_PARTY = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}")
_OPENS_CLAUSE = re.compile(r"(?:[,;:—–]|\b(?:with|and|but|when|as|after|before|while|because|then|where))$")
_PROGRESSIVE = re.compile(r"(?:\b(?:is|are|was|were|been)\s+|[’']s\s+)(?:\w+ly\s+)?(?=[a-z]+ing$)")
_MODAL = re.compile(r"\b(?:will|would|can|could|may|might|must|should|shall|did|does|do|to)\b")
_NEW_CLAUSE = re.compile(
    r"(?:,[\"”’]?\s*(?:and|but|while|whereas)|[;:]"
    r"|\b(?:that|when|because|after|before|since|if|although|though|where|in which|of which|for which))$"
)
_THAT_OR_TO = re.compile(r"\s+(?:that|to)\b")
_SPACE_COMMA = re.compile(r"\s*,?\s*")
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had)\b")
_DASH = re.compile(r"\s*(?:[,;]\s*)?(?:[—–―]+|--)\s*")
_RUNS_ON = re.compile(r"(?:that\b|[a-z])")
_TO = re.compile(r"\s+to\b")
_WHO = re.compile(r"\bwho\b")
_THAT = re.compile(r"\s*(?:,\s*)?that\b")
_AS_BEFORE = re.compile(r"\b[Aa]s\s+$")
_ONLY_END = re.compile(r"[.?!\"”’)]*\s*$")
_TRAILING_CLAUSE = re.compile(r"\s*,\s*(?:\w+ing|who|which|as|while|when)\b")
_OWN_PARTICIPLE_GAP = re.compile(r"\s*,\s+(?:\w+ing)\b[^\"“”]{0,300}[.!?]\s*")
_SUBORDINATE = re.compile(r"(?:after|as|while|when|before|because|since|until|though|although|even|which|who)\b")
_PARTICIPLE_GAP = re.compile(r"^\s*,\s+(\w+ing)\b[^.;:\"“”]{0,80}")
_PRONOUN_BEFORE = re.compile(
    r"(?:^|(?<=[\s,(“\"]))(he|she|they|it|we|He|She|They|It|We|I)\s+"
    r"(?:(?:also|later|then|again|has|have|had|will|would|once|first|still|just|already|previously|[a-z]+ly)\s+)*$"
)
_INTRO_PARTICIPLE = re.compile(r"(?:(?:After|Before|While|By|Since|In|Upon|When)\s*)?")
_TRAILING_CONNECTIVE = re.compile(r"(?<=[.:])\s+(?:But|And|Still|Yet|So|Then|Also)\s*$")
_INITIALS = re.compile(r"(?:\w\.)+\w")
_DATELINE = re.compile(r"^[A-Z][A-Z.'’/ ,-]{1,60}?(?:\([^)]{1,30}\)\s*)?\s*[-—–]+\s+")
_LEAD_CONNECTIVE = re.compile(
    r"^(?:(?:meanwhile|however|but|and|so|still|also|further|furthermore|moreover|separately|"
    r"instead|indeed|yet|now|then|nonetheless|nevertheless|in addition|in fact|for example)\b,?\s+)+",
    re.IGNORECASE,
)

_INVISIBLE = " \t\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_DOUBLE_MARKS = '"“”„‟'
_SINGLE_MARKS = "'‘’‚‛"
_OPEN_CONTEXT = " \t\n([{—–-/:;,"

_NEGATORS = frozenset(
    {"not", "n't", "never", "to", "didn't", "don't", "doesn't", "won't", "wouldn't", "cannot", "can't"}
)
_PREPOSITIONS = frozenset(
    {"about", "to", "for", "of", "with", "by", "in", "on", "at", "from", "into", "over", "up", "out", "off",
     "goodbye", "hello", "so", "nothing", "something", "anything", "little", "much", "more", "yes", "no",
     "this", "what", "which", "how", "why", "when", "where", "whether", "as", "and", "or", "but", "him", "her",
     "them", "us", "me"}
)  # fmt: skip
"""Words that cannot open the content of ``X said ...`` without ``that`` (``told him about``).
Object pronouns are here: without ``that`` they are the listener, not the content."""

_PREP = (
    r"(?:in|on|at|during|via|through|to|from|over|with|after|before|while|outside|inside|near|across|ahead of|of|about)"
)
_PP = re.compile(rf"{_PREP}\s+(?:[^\s,.;:\"“”]+\s+){{0,7}}?[^\s,.;:\"“”]+(?=\s*(?:[,.;:]|\s+that\b|$))")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
_WHEN = re.compile(
    rf"(?:(?:on|last|this|early|late|earlier|later)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"|(?:earlier|later|early|late)\s+(?:this|last)\s+(?:week|month|year)"
    rf"|(?:last|this|next|early|late)\s+{_MONTH}"
    r"|(?:last|this|next)\s+(?:week|month|year|weekend|night|morning)"
    r"|(?:in|on)\s+(?:early|mid|late)-?\s*(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)"
    r"|yesterday|today|tonight|earlier\s+today|on\s+the\s+same\s+day",
)
_CHANNEL = re.compile(
    r"(?:in|on|via|through)\s+(?:a|an|his|her|their|its|the|one)\s+"
    r"(?:[\w'’-]+\s+){0,3}"
    r"(?P<kind>statement|post|tweet|interview|message|email|e-mail|letter|op-ed|column|video|blog post|"
    r"press release|release|briefing|conference call|call|broadcast|podcast|newsletter|memo|note|filing|"
    r"appearance|address|speech|remarks)s?"
    rf"(?:\s+(?:on|with|to|posted on|published by|published in|in)\s+(?!{_WEEKDAY}|{_MONTH})(?:the\s+)?"
    r"[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*)*)?"
    r"|on\s+(?:state\s+)?(?:TV|television|radio)"
    r"|on\s+(?:Telegram|Twitter|X|Facebook|Instagram|Truth Social|YouTube|TikTok|Weibo|WeChat|LinkedIn)\b"
    r"|to\s+(?:reporters|journalists|the media|the press)"
)
_VENUE = re.compile(
    r"(?:at|during)\s+(?:a|an|the|his|her|their|its)\s+"
    r"(?:[\w'’-]+\s+){0,3}"
    r"(?:press conference|news conference|conference|briefing|rally|meeting|summit|hearing|event|forum|"
    r"ceremony|gathering|session|debate|town hall|speech|dinner|fundraiser|convention|visit|campaign stop|"
    r"roundtable|luncheon|breakfast|news briefing|press briefing|interview)"
    r"(?:\s+(?:in|at|on|with|of|near|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    r"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)?"
)


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
_NOT_OPENING = frozenset({"reading", "singing"})  # 'Reading the "fine print," Lee found ...': no speech
# with a participle opening a sentence: 'Bemoaning the "phony system," Trump ...'
_CUE = re.compile(
    r"(?<![\w'’-])(?:"
    + _trie(sorted(_CUE_WORDS | {w.capitalize() for w in _CUE_WORDS if w.endswith("ing") and w not in _NOT_OPENING}))
    + r"|[Aa]ccording(?=\s+to\b))(?![\w'’-])"
)
"""A speech verb form, or ``according`` before ``to``."""
_MARKS_RE = {'"“”„‟': re.compile("''|\"|“|”|„|‟"), "'‘’‚‛": re.compile("[" + re.escape("'‘’‚‛") + "]")}
"""Each style's marks; two apostrophes stand for a double quote mark in some archives (NYT).
(Alternatives that all start with a literal character let the engine skip ahead to them.)"""


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _low(word: str) -> str:
    return word.rstrip(".").lower()


# ----------------------------------------------------------------------------- drafts


@define
class _Draft:
    """A quote found but not yet numbered."""

    kind: str
    pieces: list[tuple[int, int, int]]
    cue: tuple[int, int, int] | None = None
    speaker: tuple[int, int, int] | None = None
    venue: str | None = None
    channel: str | None = None
    when: str | None = None


@define
class _Segment:
    """A quoted stretch of one block: the marks' positions and the words between them."""

    block: int
    open: int
    start: int
    end: int
    close: int | None  # the closing mark's index, None when the paragraph never closes it
    used: bool = False
    after: int = -1
    """The index after the closing mark (marks may be two characters: ``''``)."""

    def __attrs_post_init__(self) -> None:
        if self.after < 0:
            self.after = self.end if self.close is None else self.close + 1


# ----------------------------------------------------------------------------- helpers


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a paragraph as ``(start, end)`` ranges, aware of abbreviations and
    initials (``U.S.``, ``Mr.``, ``J.``)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        dot = match.start()
        # seven letters before the dot make a word longer than any abbreviation: no need to look
        if text[dot] == "." and not (dot >= 7 and text[dot - 7 : dot].isalpha()):
            word = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
            if word is not None:
                w = word.group(1).lower()
                if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or _INITIALS.fullmatch(w):
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


def _strip_span(text: str, start: int, end: int, trailing: str = ",;:—–- ") -> tuple[int, int]:
    """Trim white space (and trailing ``trailing`` characters) from a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word.lower() in _NUMBERS


def _valid_np_start(words: Sequence[str], index: int) -> bool:
    """Whether a speaker mention may begin at ``words[index]``."""
    word = words[index]
    low = _low(word)
    rest = words[index:]
    if low in DETERMINERS:
        return len(rest) > 1 or low in ("some", "many", "several", "both", "others", "one", "another", "most", "all")
    if not word[0].isalnum():
        return False
    if _is_cap(word):
        # "Speaking to reporters" opens a phrase; "Ewing" and "Manning Ross" are names
        participle = low.endswith("ing") and index == 0 and len(rest) > 1 and rest[1][:1].islower()
        return not (low in CLAUSE_ADVERBS or low in WEEKDAYS or low in MONTHS or participle)
    if (
        len(rest) > 1
        and any(_is_cap(w) for w in rest[1:4])
        and (low in _MODIFIERS or low in TITLE_NOUNS or low.endswith("ed"))
        and low not in SPEECH_VERBS
    ):
        return True  # "retired Air Force general Lloyd Newton", "former President Bill Clinton"
    if low in PRONOUNS and len(rest) == 1:
        return True
    if (low[:1].isdigit() or low in _NUMBERS) and len(rest) <= 6:
        return True  # "72 percent of Democrats", "three-quarters", "One in four voters"
    if len(rest) > 1 and low.endswith("s") and not low.endswith("ss") and _low(rest[1]) in ("of", "for", "at"):
        return True  # "attorneys for the family", "leaders of both parties"
    # a bare lower-case noun phrase: "officials", "senior officials", "critics"
    last = _low(rest[-1])
    return len(rest) <= 3 and (last in GROUP_NOUNS or (last.endswith("s") and len(rest) <= 2 and last not in ADVERBS))


_MODIFIERS = frozenset(
    {"former", "late", "then", "acting", "incoming", "outgoing", "longtime", "veteran", "top", "senior",
     "deputy", "fellow", "presumptive", "interim", "panel", "committee", "state", "party", "campaign",
     "ex", "freshman", "junior", "embattled", "current", "future", "prospective", "would-be", "self-described",
     "conservative", "liberal", "progressive", "moderate", "independent", "republican", "democratic",
     "billionaire", "businessman", "businesswoman", "activist", "actor", "actress", "singer", "comedian",
     "author", "columnist", "pollster", "strategist", "economist", "professor", "lawyer", "attorney", "analyst",
     "historian", "host", "anchor", "commentator", "adviser", "advisor", "aide", "spokesman", "spokeswoman",
     "widow", "widower", "mother", "father", "candidate", "nominee", "hopeful", "rival", "challenger",
     "retired", "unnamed", "elected", "appointed", "indicted", "unidentified", "disgraced", "ousted",
     "exiled", "detained", "jailed", "so-called", "celebrated", "renowned", "acclaimed", "respected"}
)  # fmt: skip
"""Lower-case words that may stand before a capitalised name in a mention (``former President
Bill Clinton``, ``billionaire Tom Steyer``)."""

_NUMBERS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "most", "more",
     "three-quarters", "two-thirds", "one-third", "a third", "majority", "nearly", "almost", "about", "over"}
)  # fmt: skip

_PARTICIPLES = frozenset({"taken", "given", "written", "done", "made", "seen", "known", "shown", "held", "went"})
"""Irregular verb forms that end a mention read forwards (``a poll taken last week``)."""

_AUXILIARIES = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "be"})

_INTRO_WORDS = frozenset(
    {"in", "on", "at", "during", "after", "before", "for", "with", "by", "from", "over", "under", "since",
     "until", "within", "ahead", "following", "as", "when", "while"}
)  # fmt: skip
"""First words of an introductory phrase (``At the heart of the trouble,``)."""

_CONNECTORS = frozenset(
    {"of", "for", "the", "de", "al", "von", "van", "bin", "la", "le", "du", "da", "del", "and", "at"}
)

_NO_SUBJECT = _CONNECTORS - {"and"}
"""Words after which a verb form has no subject: ``the state``, ``of tweets`` (``and`` may
share the sentence's subject: ``... and said``)."""


def _np_before(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The speaker mention ending at ``end`` (the verb's start), looking no further back than
    ``lo``: a name with titles, an apposition (``Andriy Yermak, head of ..., said``), a
    pronoun, an organisation or a common noun phrase. None when there is none."""
    quick = _PRONOUN_BEFORE.search(text, max(lo, end - 40), end)
    if quick is not None:
        return quick.start(1), quick.end(1)  # "he said", "she also told": the common case, fast
    window = max(lo, end - 60)
    if window > lo:
        space = text.rfind(" ", lo, window)  # never start inside a word
        window = space + 1 if space >= 0 else lo
    found = _np_before_in(text, window, end)
    if window == lo or (found is not None and found[0] > window + 2) or (found is None and "," not in text[window:end]):
        return found  # not cut short by the window
    # a long apposition may start further back: "Scott Pruitt, the Republican attorney general
    # of Oklahoma, one of the states suing the EPA, said"
    return _np_before_in(text, max(lo, end - 220), end)


def _np_before_in(text: str, lo: int, end: int) -> tuple[int, int] | None:
    toks = _tokens(text, lo, end)
    if not toks:
        return None
    i = len(toks) - 1
    # "went on to say", "interjected to say": the speaker stands before the first verb
    if i >= 2 and toks[i].group() == "to" and _low(toks[i - 1].group()) == "on" and toks[i - 2].group() in _GO_ON:
        i -= 3
    elif i >= 1 and toks[i].group() == "to" and _low(toks[i - 1].group()) in _GO_ON_TO:
        i -= 2  # (not "refused to say", "failed to tell": no speech)
    # adverbs and auxiliaries between the speaker and the verb ("Putin also said")
    while i >= 0:
        w = toks[i].group()
        low = _low(w)
        if low in _NEGATORS or low.endswith("n't"):
            return None
        if w[:1].islower() and (low in ADVERBS or (low.endswith("ly") and len(low) > 4)):
            i -= 1
            continue
        break
    if i < 0:
        return None
    if toks[i].group() == ",":
        if i >= 1 and toks[i - 1].group() == ")":
            named = _np_words_before(toks, i - 1)  # "Gov. John Kasich (R-OH), said"
            if named is not None:
                return named
        return _apposition_before(text, toks, i)
    if toks[i].group().endswith(("’s", "'s", "s’", "s'")):
        return None  # "Editor's note", "Trump's claim": a noun, not a verb
    if _low(toks[i].group()) in PRONOUNS:
        return toks[i].start(), toks[i].end()
    return _np_words_before(toks, i)


def _np_words_before(toks: Sequence[_Token], i: int) -> tuple[int, int] | None:
    collected: list[_Token] = []
    k = i
    while k >= 0 and len(collected) < 9:
        w = toks[k].group()
        if w == ")" and collected == [] and k >= 2:
            # "Rep. Gwen Moore (D-Wis.) said": the party and state belong to the name
            opening = k
            while opening >= 0 and toks[opening].group() != "(" and k - opening <= 8:
                opening -= 1
            if opening >= 1 and toks[opening].group() == "(":
                collected.extend(reversed(toks[opening : k + 1]))
                k = opening - 1
                continue
        if not w[0].isalnum():
            break
        low = _low(w)
        if (
            low in _CONNECTORS
            or (
                low == "in"
                and collected
                and k >= 1
                and _is_number(collected[-1].group())
                and _is_number(toks[k - 1].group())
            )
            or (low == "to" and collected and k >= 1 and _low(toks[k - 1].group()) in GROUP_NOUNS)
            or (
                low in ("on", "in", "at", "from")
                and collected
                and k >= 1
                and _is_cap(collected[-1].group())
                and _is_cap(toks[k - 1].group())
                and _low(toks[k - 1].group()) not in CLAUSE_ADVERBS
            )
        ):
            collected.append(toks[k])  # "Six in 10 voters"
            k -= 1
            continue
        if low in CLAUSE_ADVERBS and not _is_cap(w):
            break
        if low in SPEECH_VERBS and not _is_cap(w):
            break
        if collected and not _is_cap(w) and low.endswith("ed") and low not in _MODIFIERS:
            break  # "Clinton avoided mention": a verb, not part of a name
        collected.append(toks[k])
        k -= 1
    if not collected:
        return None
    collected.reverse()
    words = [t.group() for t in collected]
    if _low(words[-1]) in _CONNECTORS:
        return None
    for s in range(len(words)):
        if _low(words[s]) in _CONNECTORS and _low(words[s]) != "the":
            continue
        if _valid_np_start(words, s):
            # a lower-case word inside a name needs a determiner or a capital before it
            return collected[s].start(), collected[-1].end()
    return None


def _prev_comma(toks: Sequence[_Token], j: int) -> int | None:
    """The index of the comma before token ``j`` in the same clause, skipping parentheses."""
    k = j - 1
    while k >= 0 and j - k <= 30:
        w = toks[k].group()
        if w == ")":
            while k >= 0 and toks[k].group() != "(":
                k -= 1
        elif w == "," and not (
            0 < k < len(toks) - 1 and toks[k - 1].end() == toks[k].start() and toks[k + 1].start() == toks[k].end()
        ):
            return k  # (not the comma inside a number: "3,000 people")
        elif w in (";", ":", "“", '"', "”", "(", ".", "—", "–"):
            return None
        k -= 1
    return None


def _is_apposition(words: Sequence[str]) -> bool:
    first = _low(words[0])
    if first in ("and", "but", "or", "so", "yet", "because", "while", "then"):
        return False  # "..., and the meeting deteriorated from there, said ...": a clause
    if len(words) > 1 and words[0].endswith(("'s", "’s", "s'", "s’")) and words[-1][:1].islower():
        return True  # "Tom Reed, Gray's campaign manager, said": someone's role
    return words[0][:1].islower() or first in DETERMINERS or words[0][:1].isdigit() or first in ("head", "chief")


def _apposition_before(text: str, toks: Sequence[_Token], comma: int) -> tuple[int, int] | None:
    """``NAME, APPOSITION(, APPOSITION), said``: the mention runs from the name to the last
    apposition; ``Clinton, however, said`` gives just the name."""
    j = comma
    asides_only = True
    for _ in range(3):
        k = _prev_comma(toks, j)
        if k is None or k == j - 1:
            return None
        words = [t.group() for t in toks[k + 1 : j]]
        if _PARTY.fullmatch("".join(words)):
            words = ["party"]  # "Mitch McConnell, R-Ky., said": the party and state, an apposition
        if _is_cap(words[0]) and _low(words[0]) not in DETERMINERS and k >= 1 and len(words) <= 4:
            # "A lawyer for the news outlets, David Schulz, said": a description, then the name
            described = _np_words_before(toks, k - 1)
            if described is not None:
                # a description with a preposition: "Another delegate on the Cruz slate, Jim Poolman"
                p = next((x for x in range(k - 1, -1, -1) if toks[x].start() < described[0]), None)
                if p is not None and p >= 1 and _low(toks[p].group()) in ("on", "of", "for", "at", "in", "from"):
                    wider = _np_words_before(toks, p - 1)
                    if wider is not None and _low(text[wider[0] : wider[1]].split()[0]) in DETERMINERS:
                        described = (wider[0], described[1])
            # (or someone's role: "Trump's attorney, Alan Garten, said")
            first = _low(text[described[0] : described[1]].split()[0]) if described is not None else ""
            if described is not None and (first in DETERMINERS or first.endswith(("'s", "’s"))):
                return described[0], toks[comma - 1].end()
        if all(_is_cap(w) for w in words) and len(words) <= 3 and k >= 1 and _is_cap(toks[k - 1].group()):
            j = k  # "a salesman from Sumter, South Carolina, says": a place within an apposition
            continue
        aside = (
            all(_low(w) in CLAUSE_ADVERBS or _low(w).endswith("ly") for w in words)
            or _low(words[0]) in _INTRO_WORDS
            or (
                # "A senior official, speaking on condition of anonymity, said"
                words[0].islower() and _low(words[0]).endswith(("ing", "ed")) and _low(words[0]) not in DETERMINERS
            )
        )
        if not aside:
            if not _is_apposition(words):
                return None
            asides_only = False
        np = _np_words_before(toks, k - 1) if k >= 1 else None
        if np is not None:
            head = text[np[0] : np[1]]
            if asides_only:
                return np
            if _is_cap(head) and _low(head.split()[0]) not in DETERMINERS:
                return np[0], toks[comma - 1].end()
            if _low(words[0]) in ("who", "whose", "which") and j == comma and len(head.split()) <= 4:
                # "The governor, who faces a recall vote, said": the relative
                # clause's antecedent is the speaker
                return np[0], toks[comma - 1].end()
        j = k
    return None


def _np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The speaker mention starting at ``pos`` (after an inverted verb: ``said Putin``)."""
    toks = _tokens(text, pos, min(hi, pos + 120))
    if not toks:
        return None
    words: list[_Token] = []
    for n, t in enumerate(toks):
        w = t.group()
        if not w[0].isalnum():
            break
        low = _low(w)
        if (low in CLAUSE_ADVERBS and low not in _CONNECTORS) and not _is_cap(w):
            break
        if low in _CONNECTORS and not words and low != "the" and not _is_cap(w):
            break  # (but "Del. Stacey Plaskett" starts with a title)
        if (
            words
            and not _is_cap(w)
            and (low.endswith("ed") or low in SPEECH_VERBS or low in CHARACTERISING_VERBS or low in _PARTICIPLES)
        ):
            break  # "Trump attacked ...", "a poll taken last week": the name ends at a verb
        if (
            words
            and not _is_cap(w)
            and low not in _CONNECTORS
            and any(_is_cap(x.group()) for x in words)
            and _low(words[0].group()) not in DETERMINERS
        ):
            # after a name, lower-case words belong to it only before another capital:
            # "White House press secretary Josh Earnest", not "Trump attacked Clinton"
            ahead = [x.group() for x in toks[n + 1 : n + 4]]
            if not any(_is_cap(x) for x in ahead[: next((i for i, x in enumerate(ahead) if not x[0].isalnum()), 3)]):
                break
        words.append(t)
        if len(words) >= 9 or (len(words) >= 6 and not _is_cap(words[0].group()) and not _is_cap(w)):
            break  # a description runs a few words; a name in it may run on ("... of North Carolina")
    while words and _low(words[-1].group()) in _CONNECTORS:
        words.pop()
    if not words:
        return None
    texts = [t.group() for t in words]
    if not _valid_np_start(texts, 0):
        return None
    if _low(texts[-1]) in WEEKDAYS or _low(texts[-1]) in ("today", "yesterday"):
        words.pop()
        if not words:
            return None
    start, end = words[0].start(), words[-1].end()
    if text[end - 1] == "." and _low(texts[-1]) not in _ABBREVIATIONS:
        end -= 1
    if not _is_cap(texts[-1]):
        return start, end
    paren = _PAREN_AFTER.match(text, end, hi)
    if paren is not None:
        end = paren.end()  # "Rep. Jim Clyburn (D-S.C.)"
    # appositions and relative clauses after a name, to the sentence's end: ", a spokesman for
    # the White House", ", who has been involved in such cases since 1970"
    while True:
        m = _APPOSITION_AFTER.match(text, end, hi)
        if m is None or _PARTICIPLE_AFTER.match(m.group()) or _WHO_SAID_THAT.match(m.group()):
            break  # (", who noted that prices had fallen": speech of its own, not a description)
        if _CLAUSE_NOT_APPOSITION.match(m.group()):
            break  # "According to CNN, the men were wearing ...": a clause, not a description
        piece_end = m.end()
        stop = _stop_in(text, m.start() + 1, piece_end)
        end = stop if stop is not None else piece_end
        if stop is not None:
            break
    return start, end


def _trim_subject(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence's subject read forwards, without the verb phrase a name runs into:
    ``Jones`` of ``Jones took the floor``."""
    words = list(_TOKEN.finditer(text, start, end))
    if not words or not _is_cap(words[0].group()):
        return start, end
    for prev, word in pairwise(words):
        w = word.group()
        if w[:1].islower() and _low(w) not in _CONNECTORS and _is_cap(p := prev.group()) and _low(p) not in DETERMINERS:
            return start, prev.end()
    return start, end


_PAREN_AFTER = re.compile(r"\s*\([^()]{1,30}\)")
_APPOSITION_AFTER = re.compile(
    r",\s+(?:a|an|the|one|head|chief|who|whose|which|now|then|[a-z]+ (?:of|for|at|to)|[a-z][\w-]*)\b"
    r"(?:(?!'')[^,;:\"“”]){0,160}"
)
_WHO_SAID_THAT = re.compile(r",\s+who\s+(?:\w+\s+)?(?:noted|said|says|added|argued|explained|told\s+\w+)\s+that\b")
_CLAUSE_NOT_APPOSITION = re.compile(
    r",\s+(?:(?!who\b|whose\b|which\b|that\b)\S+\s+){0,4}?(?:is|are|was|were|will|would|has|have|had|can|could|did|does)\b"
)
_PARTICIPLE_AFTER = re.compile(r",\s+(?:\w+ing|said|says|adding|and|but|according|as|while|when|because|if)\b")


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


_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|local|some|several|many)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
    r"|(?:[A-Z][\w'’.&-]*\s+){0,3}(?:reporters|journalists|supporters|lawmakers|voters|listeners|viewers|students"
    r"|officials|members|audiences?|crowds?|[A-Z][\w'’.&-]*)"
    r"|reporters|journalists|supporters|lawmakers|voters|listeners|viewers|students|officials|members"
    r"|him|her|them|us|me|you)"
    r"(?=\s*(?:[,.;:]|$)|\s+(?:that|he|she|they|it|we|I|the|a|an|his|her|their|on|in|at|during|about|of|to|in|last|this"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z])\b)"
)


def _skip_tail(text: str, pos: int, hi: int, lemma: str) -> int:
    """Skip what may follow a speech verb before its content: the listener (``told Reuters``),
    when (``Thursday``), and prepositional phrases (``in a statement``, ``at a press
    conference in Bishkek, Kyrgyzstan``). Returns the position after them."""
    if lemma in OBJECT_VERBS:
        m = _OBJECT.match(text, pos, hi)
        if m is not None and not _THAT_OR_TO.match(text, pos, hi):
            pos = m.end()
    for _ in range(5):
        m = _SPACE_COMMA.match(text, pos, hi)
        q = m.end() if m else pos
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
        venue = re.sub(r"^(?:at|during)\s+", "", m.group()).rstrip(",. ")
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


def _channel_name(phrase: str, kind: str | None) -> str:
    for word, canonical in CHANNEL_WORDS.items():
        # "X" only in capitals: the platform, not a letter
        found = re.search(r"\bX\b", phrase) if word == "x" else re.search(rf"\b{re.escape(word)}\b", phrase, re.I)
        if found:
            return canonical
    phrase = re.sub(r"^(?:in|on|via|through|to)\s+", "", phrase)
    return phrase.rstrip(",. ")


# ----------------------------------------------------------------------------- quote marks


def _style(mark: str) -> str:
    """``straight`` or ``curly``: a quote continues in the next paragraph with its own style."""
    return "straight" if mark in "\"'" else "curly"


def _primary_marks(texts: Sequence[str]) -> str:
    """Double quote marks, unless the article only uses single ones as its quote marks."""
    joined = "".join(texts)
    if sum(joined.count(c) for c in _DOUBLE_MARKS) + joined.count("''") >= 2:
        return _DOUBLE_MARKS
    openers = len(re.findall(r"(?:^|[\s(—–])[‘'](?=\w)", joined))
    if (openers >= 1 and "‘" in joined) or openers >= 2:
        return _SINGLE_MARKS
    return _DOUBLE_MARKS


def _segments(block: int, text: str, marks: str) -> list[_Segment]:
    """Pair the quote marks of one paragraph. Unclosed quotes run to the paragraph's end."""
    single = marks is _SINGLE_MARKS
    found: list[_Segment] = []
    stack: list[int] = []
    nested: list[tuple[int, int, tuple[int, ...]]] = []
    n = len(text)
    first_visible = n - len(text.lstrip(_INVISIBLE))  # where the paragraph's first visible character stands
    width: dict[int, int] = {}
    for found_mark in _MARKS_RE[marks].finditer(text):
        i = found_mark.start()
        ch = found_mark.group()[0]
        width[i] = len(found_mark.group())
        prev = text[i - 1] if i else " "
        nxt = text[found_mark.end()] if found_mark.end() < n else " "
        if single and prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe: don't, Ukraine's
        opening_ctx = prev in _OPEN_CONTEXT or prev in marks
        if ch in "“‘„‚":
            # an opening mark right after a word or a comma inside a quote closes it (a typo
            # for the closing mark: '"Apparently not,“ he said')
            is_open = not stack or prev.isspace() or prev in "([{—–-/"
        elif ch in "”’":
            # a closing mark opens at a word, or at the paragraph's very start ('” … he said')
            is_open = bool(not stack and ((opening_ctx and nxt.isalnum()) or (not single and i == first_visible)))
        elif not stack:
            is_open = not nxt.isspace() or prev.isspace()
        else:
            # a straight mark inside a quote closes it, unless it stands before a word after
            # white space (a nested quote)
            is_open = (prev.isspace() or prev in "([{") and not nxt.isspace()
        if single and not is_open and not stack:
            continue  # a closing apostrophe: the Joneses' house
        if is_open:
            if stack and single:
                continue
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                found.append(_Segment(block, start, start + width[start], i, i, after=i + width[i]))
            else:
                nested.append((start, i, tuple(stack)))
    if stack:
        # an opening mark never closed: it runs to the paragraph's end, and the pairs it
        # seemed to hold are candidates of their own, in case it is a stray mark
        unclosed = set(stack)
        start = stack[0]
        found.append(_Segment(block, start, start + width[start], n, None))
        for o, c, outer in nested:
            if all(x in unclosed for x in outer):
                found.append(_Segment(block, o, o + width[o], c, c, after=c + width[c]))
        found.sort(key=lambda seg: seg.open)
    return found


# ----------------------------------------------------------------------------- the finder


@define
class _Finder:
    texts: dict[int, str]
    order: list[int]
    taken: dict[int, list[tuple[int, int]]]
    drafts: list[_Draft] = field(factory=list)
    segments: dict[int, list[_Segment]] = field(factory=dict)

    sentence_cache: dict[int, list[tuple[int, int]]] = field(factory=dict)
    # indexes, so that a paragraph with thousands of quotes or cues costs n log n, not n²
    sentence_starts: dict[int, list[int]] = field(factory=dict)
    final_ends: dict[int, list[int]] = field(factory=dict)
    closes: dict[int, tuple[list[int], list[int]]] = field(factory=dict)
    opens: dict[int, list[int]] = field(factory=dict)
    position: dict[int, int] = field(factory=dict)
    cue_index: dict[int, list[tuple[int, tuple[int, int, int] | None]]] = field(factory=dict)
    common_words: dict[str, bool] = field(factory=dict)

    def __attrs_post_init__(self) -> None:
        self.position = {b: i for i, b in enumerate(self.order)}
        for spans in self.taken.values():
            spans.sort()

    def sents(self, block: int) -> list[tuple[int, int]]:
        """The sentences of a block, computed once."""
        found = self.sentence_cache.get(block)
        if found is None:
            text = self.texts[block]
            found = self.sentence_cache[block] = sentences(text)
            self.sentence_starts[block] = [s for s, _ in found]
            self.final_ends[block] = [e for s, e in found if text[s:e].rstrip().endswith((".", "?", "!"))]
        return found

    def sentence_of(self, block: int, pos: int) -> tuple[int, int] | None:
        """The sentence holding ``pos``."""
        sents = self.sents(block)
        i = bisect_right(self.sentence_starts[block], pos) - 1
        if i >= 0 and sents[i][0] <= pos < sents[i][1]:
            return sents[i]
        return None

    def busy(self, block: int, start: int, end: int) -> bool:
        spans = self.taken.get(block)
        if not spans:
            return False
        i = bisect_left(spans, (end, -1))
        # spans are sorted by start; the ones starting before ``end`` that may reach ``start``
        for k in range(max(0, i - 3), i):  # noqa: SIM110 (a hot path: a loop is faster than any())
            if spans[k][1] > start:
                return True
        return False

    def take(self, block: int, start: int, end: int) -> None:
        insort(self.taken.setdefault(block, []), (start, end))

    def index_segments(self, block: int) -> None:
        segs = self.segments[block]
        self.opens[block] = [seg.open for seg in segs]
        closed = sorted((seg.close, seg.after) for seg in segs if seg.close is not None)
        best: list[int] = []
        for _, after in closed:
            best.append(max(after, best[-1]) if best else after)
        self.closes[block] = ([c for c, _ in closed], best)

    # ------------------------------------------------------------------ direct

    def direct(self) -> None:
        marks = _primary_marks([self.texts[b] for b in self.order])
        for b in self.order:
            self.segments[b] = _segments(b, self.texts[b], marks)
            self.index_segments(b)
        units = self._units()
        last_speaker: tuple[int, tuple[int, int, int]] | None = None  # (block, mention)
        last_draft: _Draft | None = None
        pending: list[list[_Segment]] = []
        for index, unit in enumerate(units):
            _first, last = unit[0], unit[-1]
            if any(self.busy(s.block, s.start, s.end) for s in unit):
                continue
            draft = self._attribute(unit)
            if draft is None and last.close is not None:
                nxt = units[index + 1] if index + 1 < len(units) else None
                text = self.texts[last.block]
                if nxt is not None and nxt[0].block == last.block and not text[last.after : nxt[0].open].strip():
                    pending.append(unit)  # '"A." "B," he said.': wait for the next unit
                    continue
            if draft is None:
                draft = self._continuation(unit, last_speaker)
                if draft is not None and last_draft is not None and self._goes_on(last_draft, draft):
                    # '"A," he said.' then a paragraph '"B."': one quote, B its next part
                    for piece in draft.pieces:
                        self.take(*piece)
                    last_draft.pieces.extend(draft.pieces)
                    for s in unit:
                        s.used = True
                    last_speaker = (draft.pieces[-1][0], draft.speaker) if draft.speaker is not None else None
                    pending.clear()
                    continue
            if draft is None:
                pending.clear()
                continue
            for earlier in reversed(pending):
                draft.pieces[:0] = [(s.block, s.start, s.end) for s in earlier]
                for s in earlier:
                    s.used = True
            pending.clear()
            for s in unit:
                s.used = True
            self._merge_following(draft, units, index)
            self._finish(draft)
            last_draft = draft
            if draft.speaker is not None:
                last_speaker = (draft.pieces[-1][0], draft.speaker)

    def _units(self) -> list[list[_Segment]]:
        """Segments joined across paragraphs: a quote left open at a paragraph's end continues
        when the next paragraph opens with a quote mark."""
        units: list[list[_Segment]] = []
        chained: set[int] = set()
        for pos, b in enumerate(self.order):
            for seg in self.segments[b]:
                if id(seg) in chained:
                    continue
                unit = [seg]
                cur, p = seg, pos
                while cur.close is None and p + 1 < len(self.order):
                    nb = self.order[p + 1]
                    following = self.segments[nb]
                    if not following or self.texts[nb][: following[0].open].strip():
                        break
                    if _style(self.texts[cur.block][cur.open]) != _style(self.texts[nb][following[0].open]):
                        break  # a straight mark left open is not continued by a curly one
                    cur = following[0]
                    unit.append(cur)
                    chained.add(id(cur))
                    p += 1
                units.append(unit)
        return units

    def _piece(self, seg: _Segment) -> tuple[int, int, int] | None:
        text = self.texts[seg.block]
        start, end = _strip_span(text, seg.start, seg.end, trailing=",;:—–- ")
        if seg.close is None:
            start, end = _strip_span(text, start, end)
        if end <= start:
            return None
        return seg.block, start, end

    def _attribute(self, unit: list[_Segment]) -> _Draft | None:
        first, last = unit[0], unit[-1]
        pieces = [p for p in (self._piece(s) for s in unit) if p is not None]
        if not pieces:
            return None
        if last.close is not None:
            post = self._post(last)
            if post is not None:
                if len(unit) == 1:
                    b, text = first.block, self.texts[first.block]
                    lo = self._sentence_start(b, first.open)
                    lead = text[lo : first.open].strip(_INVISIBLE)
                    if lead and not lead.endswith((":", ",", "—", "–", "―", "-")) and len(lead.split()) <= 15:
                        # 'This is a "raw time," said David Axelrod': the quoted words inside a
                        # sentence of the writer's, a mixed quote of that sentence
                        start = _lead_start(text, lo, first.open)
                        said = _said_in(text, start, first.open)
                        if said is not None:
                            start = said  # 'Lee said she felt "..." she said': the words after "said"
                        mixed = self._content(b, text, start, first.after, least=1)
                        if mixed is not None:
                            return _Draft("mixed", [mixed], *post)
                return _Draft("direct", pieces, *post)
        pre = self._pre(first)
        if pre is not None:
            return _Draft("direct", pieces, *pre)
        return None

    def _next_mark(self, block: int, pos: int) -> int:
        opens = self.opens[block]
        i = bisect_left(opens, pos)
        return opens[i] if i < len(opens) else len(self.texts[block])

    def _post(self, seg: _Segment) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None] | None:
        """An attribution after a closing quote mark: ``," X said``, ``," said X``, ``" -- X``."""
        assert seg.close is not None
        b, text = seg.block, self.texts[seg.block]
        lo = seg.after
        hi = self._next_mark(b, lo)
        inner = text[seg.start : seg.end].rstrip(" '’\"")
        m = _DASH.match(text, lo, hi)
        if m is not None and m.end() > lo:
            # a dash attribution: "..." -- Vladimir Putin
            np = _np_after(text, m.end(), hi)
            if np is not None and not text[np[1] : hi].strip(" .,"):
                return (b, lo, m.end()), (b, *np)
        according = _ACCORDING_AFTER.match(text, lo, hi)
        if according is not None and inner.endswith((",", "?", "!")):
            # '"...," according to CNN.'
            np = _np_after(text, according.end(), hi)
            if np is not None and not text[np[1] : hi].strip(" .,;"):
                return (b, according.start(1), according.end(1)), (b, *np)
        found = _CUE.search(text, lo, min(hi, lo + 240))
        while found is not None and (found.group() not in SPEECH_VERBS or _NOUN_BEFORE.search(text, lo, found.start())):
            # (not a noun: "one of the states suing the EPA, said")
            found = _CUE.search(text, found.end(), min(hi, lo + 240))
        if found is not None:
            gap = _PARENS.sub("", text[lo : found.start()])
            if _stops(gap) or len(gap.split()) > 30:
                return None
            tok = _Tok(found.group(), found.start(), found.end())
            lemma = SPEECH_VERBS[tok.group()]
            between = text[lo : tok.start()].strip(" ,—–-")
            if not between:
                np = _np_after(text, tok.end(), hi)
                if np is None:
                    return None
                end_at = _skip_tail(text, np[1], hi, lemma)
            else:
                start = lo + len(text[lo : tok.start()]) - len(text[lo : tok.start()].lstrip(" ,—–-"))
                np = _np_before(text, start, tok.start())
                if np is not None and _HEAD_OF_PP.fullmatch(text, start, np[0]):
                    np = (start, np[1])  # '"...?" a narrator in the ad asks': the whole phrase
                elif np is not None and _title_words(text[start : np[0]]):
                    np = (start, np[1])  # '"...," super PAC spokeswoman Kellyanne Conway said'

                if np is None or text[start : np[0]].strip():
                    return None
                end_at = _skip_tail(text, tok.end(), hi, lemma)
            rest = text[end_at:hi].lstrip()
            ends = not rest or rest[0] in ".,;:!?—–-" or (hi < len(text) and not rest.strip())
            lead = text[self._sentence_start(b, seg.open) : seg.open].rstrip()
            if lead and not lead.endswith((":", ",", "—", "–", "―", "-")) and not ends:
                return None  # 'broadcast of "Fox News Sunday," Pence said his ...': embedded
            if inner.endswith(".") and not (not rest or rest[0] in ".!?"):
                return None  # '"... change." She adds, "...': a new sentence, not an attribution
            if not ends and not inner.endswith((",", "?", "!", "—", "-")):
                return None
            if not ends and _RUNS_ON.match(rest) and not inner.endswith(","):
                return None
            if not ends and not _speechy_quote(text, seg.open, seg.after):
                return None  # 'In his book, "Make Your Kid a Millionaire," Lee suggested ...': a title
            return (b, tok.start(), tok.end()), (b, *np)
        if inner.endswith((",", "?", "!")) and _speechy_quote(text, seg.open, seg.after):
            return self._post_any_verb(b, lo, hi)  # (not a title: 'Before "Jaws," Spielberg directed')
        return None

    def _post_any_verb(
        self, b: int, lo: int, hi: int
    ) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None] | None:
        """``"...," Hannity pressed.``: a name and a verb in the past closing the sentence
        after a quote that ends with a comma, a question or an exclamation mark."""
        text = self.texts[b]
        start = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())
        found = self._subject_verb(text, start, hi)
        if found is None:
            # inverted: '"... profiling?" reacted Trump.'
            verb = _PAST_VERB.match(text, start, hi)
            np = _np_after(text, verb.end(), hi) if verb is not None else None
            if verb is None or np is None or not _is_cap(text[np[0] : np[1]]) or text[np[1] : hi].strip(" .") != "":
                return None
            return (b, verb.start(1), verb.end(1)), (b, *np)
        np, verb = found
        word = verb.group("verb")
        if not (word.endswith("ed") or word in _STRONG_PAST) or verb.group("aux").strip():
            return None
        rest = text[verb.end() : hi]
        if not _SHORT_TAIL.fullmatch(rest):
            return None  # '"...," Lee replied to the letter and left': more than an attribution
        return (b, verb.start("verb"), verb.end("verb")), (b, *np)

    def _pre(self, seg: _Segment) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None] | None:
        """An attribution before an opening quote mark: ``X said: "``, ``X told Reuters, "``,
        ``Putin: "``, or a paragraph ending in ``X said:`` before a paragraph of quote."""
        b, text = seg.block, self.texts[seg.block]
        lo = self._sentence_start(b, seg.open)
        if text[lo : seg.open].strip():
            return self._pre_in(b, lo, seg.open)
        pos = self.position[b]
        if text[: seg.open].strip() or pos == 0:
            return None
        prev = self.order[pos - 1]
        ptext = self.texts[prev]
        end = len(ptext.rstrip())
        if not ptext[:end].endswith(":"):
            return None
        return self._pre_in(prev, self._sentence_start(prev, end), end)

    def _sentence_start(self, b: int, pos: int) -> int:
        """Where the sentence (or the words after the last closed quote) holding ``pos`` starts."""
        self.sents(b)
        ends = self.final_ends[b]
        i = bisect_right(ends, pos)
        lo = ends[i - 1] if i else 0
        closes, best_after = self.closes[b]
        j = bisect_left(closes, pos)
        if j:
            lo = max(lo, best_after[j - 1])
        return lo

    def _pre_in(
        self, b: int, lo: int, open_at: int
    ) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None] | None:
        text = self.texts[b]
        stripped = text[lo:open_at].rstrip()
        if stripped.endswith((":", "―", "—", "–")) and len(stripped) > 1:
            core = stripped[:-1].rstrip()
            np = _np_before(text, lo, lo + len(core))
            lead = text[lo : np[0]].strip() if np is not None else ""
            if lead and _LEAD_DASH.search(text, lo, np[0] if np is not None else lo):
                lead = ""  # "Turnout may surprise - Maria Lopez: "...": a heading, a dash, the speaker
            label = np is not None and _is_label(text[np[0] : np[1]], stripped.endswith(":"))
            if np is not None and not lead and _is_cap(text[np[0] : np[1]]) and not label:
                # (not a section label in capitals: 'MOVING SHOP—"Gallery opens," by ...')
                colon = lo + len(stripped) - 1
                return (b, colon, colon + 1), (b, *np)

        said = _INVERTED_LEAD.match(text, lo, open_at)
        if said is not None:
            # 'Said Ellis: "..."', 'Said Ann Lee, who grew up there, "..."'
            np = _np_after(text, said.end(), open_at)
            if np is not None and text[np[1] : open_at].strip() in (":", ","):
                return (b, said.start(1), said.end(1)), (b, *np)
        verbs = [m for m in _CUE.finditer(text, max(lo, open_at - 400), open_at) if m.group() in SPEECH_VERBS]
        for found in reversed(verbs):
            tok = _Tok(found.group(), found.start(), found.end())
            lemma = SPEECH_VERBS[tok.group()]
            end_at = _skip_tail(text, tok.end(), open_at, lemma)
            rest = text[end_at:open_at].strip()
            if rest[:1].isalpha() and (
                not text[lo : tok.start()].strip() or text[lo : tok.start()].rstrip().endswith(",")
            ):
                # inverted: 'In other words, explained moderator Nancy Cordes: "..."'
                inverted = _np_after(text, end_at, open_at)
                if inverted is not None and text[inverted[1] : open_at].strip() in (":", ","):
                    return (b, tok.start(), tok.end()), (b, *inverted)
            if rest not in ("", ",", ":", "—", "–", "-", "―") and not _THIS_COLON.fullmatch(rest):
                return None  # (but 'tweeted this: "..."', 'wrote the following: "..."')
            if not rest and not self._ends_sentence(b, open_at):
                return None  # 'tells MSNBC's "Morning Joe" on Friday that ...': a title, not a quote
            if not rest and not _speechy_quote(text, open_at, self._unit_end(b, open_at)):
                return None  # 'told MSNBC's "Morning Joe."': a title in Title Case
            np = _np_before(text, lo, tok.start())
            relative = _shared_before(text, lo, tok.start()) if np is None else None
            if relative is not None and relative.group(1):
                # 'Stevie Wonder, who joked of the museum, "..."': the relative pronoun's antecedent
                np = _np_before(text, lo, relative.start())
            shared = _SHARED_AND.search(text, max(lo, tok.start() - 30), tok.start()) if np is None else None
            if shared is not None:
                # 'The senator waved to the crowd and said, "..."': the sentence's subject said it
                starts = [_subject_start(text, lo, tok.start())]
                # or the subject of the clause after an introduction: 'Once, when my mother
                # mentioned it, I laughed and said, "..."'
                starts += [m.end() for m in _COMMA_SPACE.finditer(text, starts[0], shared.start())][-1:-4:-1]
                np = None
                for start in starts:
                    before_and = _np_after(text, start, tok.start())
                    if before_and is not None and before_and[1] <= shared.start():
                        np = _trim_subject(text, *before_and)
                        if start == starts[0] or _FINITE_AFTER.match(text, np[1]):
                            break  # (after a comma: a subject with its verb, 'he looked ... and said')
                        np = None
            if np is None and tok.group().endswith("ing") and text[lo : tok.start()].rstrip().endswith(","):
                # 'Trump attacked Clinton, saying, "..."': the sentence's subject said it
                subject = _subject_start(text, lo, tok.start())
                np = _np_after(text, subject, tok.start())
                if np is not None and np[1] > tok.start():
                    np = None
            elif np is None and tok.group().endswith("ing") and _AFTER_QUOTED_COMMA.search(text, 0, tok.start()):
                # 'Kerpen needled the "reporter," saying, "..."': the sentence before the quoted
                # words holds the subject
                sentence = self.sentence_of(b, tok.start())
                subject_np = _sentence_subject(text, sentence[0], tok.start()) if sentence is not None else None
                np = subject_np if subject_np is not None and subject_np[1] < tok.start() else None
            if np is None:
                np = _np_after(text, tok.end(), open_at)
                if np is None:
                    return None
            return (b, tok.start(), tok.end()), (b, *np)
        if not verbs:
            found_any = self._pre_any_verb(b, lo, open_at)
            if found_any is not None:
                return found_any
        according = _ACCORDING_BEFORE.search(text, lo, open_at)
        if according is not None:
            np = _np_after(text, according.end(1), open_at)
            if np is not None and not text[np[1] : open_at].strip(" ,:"):
                return (b, according.start(), according.start() + len("according to")), (b, *np)
        return None

    def _pre_any_verb(
        self, b: int, lo: int, open_at: int
    ) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None] | None:
        """Quoted words opening with a capital, someone's words rather than a title, after any
        verb of a subject that can speak, and a colon, comma or dash or right after the verb:
        ``She addressed the crowd again: "..."``, ``Trump barked "Go back ..."``."""
        text = self.texts[b]
        after = text[open_at + 1 : open_at + 3].lstrip("'‘")
        if not after[:1].isupper():
            return None  # the quote does not open a sentence of its own
        if not _speechy_quote(text, open_at, self._unit_end(b, open_at)):
            return None  # a title: 'Lee watched "Breaking Bad" twice', 'released "Windows 11"'

        stripped = text[lo:open_at].rstrip()
        # ('The board was blunt in its findings: "..."': a copula before a colon too)
        found = self._subject_verb(text, _subject_start(text, lo, open_at), open_at, copula=stripped.endswith(":"))
        if found is None:
            return None
        np, verb = found
        closed = stripped.endswith((":", ",", "—", "–", "--"))  # 'embraced torture -- "I think ..."'
        gap = text[verb.end() : lo + len(stripped.rstrip(":,—–-"))] if closed else text[verb.end() : open_at]
        if (gap.strip() and not closed) or len(gap.split()) > 12 or _stops(gap):
            return None
        return (b, verb.start("cue"), verb.end("cue")), (b, *np)

    def _unit_end(self, b: int, open_at: int) -> int:
        """Where the quote opening at ``open_at`` ends, after its closing mark."""
        for seg in self.segments[b]:
            if seg.open == open_at:
                return seg.after
        return len(self.texts[b])

    def _ends_sentence(self, b: int, open_at: int) -> bool:
        """Whether the quote opening at ``open_at`` runs to its sentence's end."""
        for seg in self.segments[b]:
            if seg.open == open_at:
                if seg.close is None:
                    return True
                text = self.texts[b]
                inner = text[seg.start : seg.end].rstrip(" '’")
                after = text[seg.after :].lstrip()
                return inner.endswith((".", "?", "!", ",", "…")) or after[:1] in ("", ".", "?", "!", ",")
        return False

    def _goes_on(self, previous: _Draft, draft: _Draft) -> bool:
        """Whether ``draft`` (a paragraph of quote only) continues ``previous``: the paragraph
        before ends with ``previous``'s attribution, after its quoted words."""
        if previous.cue is None or previous.speaker != draft.speaker or previous.kind != "direct":
            return False
        b = previous.cue[0]
        if b != previous.pieces[-1][0]:
            return True  # a paragraph of quote after one already joined: the quote goes on
        if previous.cue[1] < previous.pieces[-1][2]:
            return False
        return not self.texts[b][self._attribution_end(previous) :].strip(" .")

    def _attribution_end(self, draft: _Draft) -> int:
        """Where ``draft``'s attribution ends in the cue's paragraph: after the cue, the
        speaker and what may follow the verb (``told the host``, ``on Tuesday``)."""
        assert draft.cue is not None
        b, s, e = draft.cue
        text = self.texts[b]
        end = max(e, draft.speaker[2] if draft.speaker else 0)
        return _skip_tail(text, end, len(text), _cue_lemma(text[s:e]))

    def _continuation(
        self, unit: list[_Segment], last_speaker: tuple[int, tuple[int, int, int]] | None
    ) -> _Draft | None:
        """A paragraph holding only a quote, right after a paragraph that quoted someone: the
        same speaker goes on."""
        first, last = unit[0], unit[-1]
        text0 = self.texts[first.block]
        if last_speaker is None or text0[: first.open].strip():
            return None
        if last.close is not None and self.texts[last.block][last.after :].strip(" .,"):
            return None
        pos = self.position[first.block]
        if pos == 0 or self.order[pos - 1] != last_speaker[0]:
            return None
        pieces = [p for p in (self._piece(s) for s in unit) if p is not None]
        if not pieces or sum(len(_WORD.findall(self.texts[b], s, e)) for b, s, e in pieces) < 2:
            return None  # ('"Related:"': a label, not the speaker going on)
        return _Draft("direct", pieces, None, last_speaker[1])

    def _merge_following(self, draft: _Draft, units: list[list[_Segment]], index: int) -> None:
        """``"A," he said, "B."``: the words after the attribution belong to the same quote."""
        if draft.cue is None or draft.cue[1] < draft.pieces[-1][2]:
            return
        b = draft.pieces[-1][0]
        text = self.texts[b]
        end = self._attribution_end(draft)  # 'he told the host, "..."': past the listener
        for following in range(index + 1, len(units)):
            unit = units[following]
            seg = unit[0]
            if seg.block != b or seg.used:
                return
            gap = text[end : seg.open]
            # a participle clause may stand between: '"A," said X, speaking of Y. "B."'
            participle = _PARTICIPLE_GAP.match(gap)
            if participle is not None and participle.group(1).lower() not in SPEECH_VERBS:
                gap = gap[participle.end() :]  # "speaking of Y", not "adding that ..."
            elif participle is not None and _OWN_PARTICIPLE_GAP.fullmatch(gap):
                gap = ""  # '"A," she said, adding that Y. "B."': her words go on after her own clause
            # "... he said outside the building. But "...": a connective before the next part
            gap = _TRAILING_CONNECTIVE.sub("", gap)
            if _BUT_GAP.fullmatch(gap):
                gap = ""  # '"I love Larry," he said, but "when it comes to energy ..."'

            if gap.strip(" ,.;:—–-") and not _rest_of_attribution(gap):
                relative = _RELATIVE_GAP.match(text, end) is not None and not _stops(text[end : seg.open])
                if seg.close is not None and (
                    relative  # ', who noted that prices had "cratered" to half.': the speaker's clause
                    or (
                        not _stops(gap)
                        and not any(m.group() in SPEECH_VERBS for m in _CUE.finditer(gap))
                        and not _speechy_quote(text, seg.open, seg.after)
                    )
                ):
                    # a title inside the attribution: 'said on Fox News's "Fox and Friends." "I mean ..."'
                    end = seg.after
                    continue
                return
            if self.busy(b, seg.start, seg.end):
                return
            last = unit[-1]
            if last.close is not None:
                if self._post(last) is not None:
                    return
                inner = text[last.start : last.end].rstrip()
                after = text[last.after :].lstrip()
                if (
                    not inner.endswith((".", "?", "!", "…"))
                    and after[:1] not in ("", ".", "?", "!")
                    and not (inner.endswith(",") and _SUBORDINATE.match(after))
                ):
                    return  # a fragment running on into the sentence, not the quote's next part
            for s in unit:
                p = self._piece(s)
                if p is not None:
                    draft.pieces.append(p)
                s.used = True
            return

    def _finish(self, draft: _Draft) -> None:
        if draft.cue is not None:
            b, s, e = draft.cue
            text = self.texts[b]
            lo, hi = s, e
            if draft.speaker is not None and draft.speaker[0] == b:
                lo, hi = min(lo, draft.speaker[1]), max(hi, draft.speaker[2])
            hi = _skip_tail(text, hi, len(text), _cue_lemma(text[s:e]))
            sentence = self.sentence_of(b, lo)
            if sentence is not None and _ok_lead(text[sentence[0] : lo]):
                lo = sentence[0]  # "In a statement, the ministry said ..."
            draft.venue, draft.channel, draft.when = _context(text, lo, hi)
        for b, s, e in draft.pieces:
            self.take(b, s, e)
        if draft.cue is not None:
            self.take(*draft.cue)
            insort(self.cue_index.setdefault(draft.cue[0], []), (draft.cue[1], draft.speaker), key=lambda c: c[0])
        self.drafts.append(draft)

    # ------------------------------------------------------------------ reported speech

    def reported(self) -> None:
        for b in self.order:
            text = self.texts[b]
            cues = list(_CUE.finditer(text))
            if not cues:
                continue
            sents = self.sents(b)
            index = 0
            for s, e in sents:
                mine = []
                while index < len(cues) and cues[index].start() < e:
                    if cues[index].start() >= s:
                        mine.append(cues[index])
                    index += 1
                if mine:
                    self._sentence(b, text, s, e, mine)

    def _in_quote(self, b: int, pos: int) -> bool:
        segs = self.segments[b]
        i = bisect_right(self.opens[b], pos) - 1
        candidates = segs[max(0, i - 1) : i + 1]
        if segs and segs[0].close is None:
            candidates.append(segs[0])  # a quote left open spans the rest
        for seg in candidates:  # noqa: SIM110 (a hot path: a loop is faster than any())
            if seg.open <= pos < (seg.close if seg.close is not None else seg.end):
                return True
        return False

    def _sentence(self, b: int, text: str, s: int, e: int, cues: Sequence[re.Match[str]]) -> None:
        prev_speaker: tuple[int, int, int] | None = None
        known = self.cue_index.get(b, [])
        i = bisect_left(known, e, key=lambda c: c[0])
        if i and known[i - 1][0] >= s:
            prev_speaker = known[i - 1][1]  # '"...," X said, adding that ...'
        if e - s > 3000:
            e = s + 3000  # a runaway sentence: the rules read its first 3,000 characters
        for cue in cues:
            w = cue.group()
            tok = _Tok(w, cue.start(), cue.end())
            if w.lower() == "according":
                to = _TO.match(text, cue.end())
                if to is not None and self._according(b, text, s, e, tok, _Tok("to", to.end() - 2, to.end())):
                    return
                continue
            if self.busy(b, tok.start(), tok.end()) or self._in_quote(b, tok.start()):
                continue
            progressive = _PROGRESSIVE.search(text, max(s, tok.start() - 40), tok.end()) if w.endswith("ing") else None
            if progressive is not None:
                # "Trump is promising ...", "He's claiming ...": a finite verb after all
                start = progressive.start()
                tok = _Tok(text[start : tok.end()], start, tok.end())
            low = w.lower()
            if low in CHARACTERISING_VERBS:
                draft = self._characterising(b, text, s, e, tok, prev_speaker)
            else:
                draft = self._verb(b, text, s, e, tok, SPEECH_VERBS[low], prev_speaker)
            if draft is not None:
                self._finish(draft)
                prev_speaker = draft.speaker
                if draft.pieces[-1][2] >= e - 2:
                    return

    def _content(self, b: int, text: str, start: int, end: int, least: int = 3) -> tuple[int, int, int] | None:
        start, end = _strip_span(text, start, end, trailing=",;:—–-. ")
        if _inside_quote(text, start, end) and _opens_quote(text, start, end):
            end = _quote_close(text, end)  # 'because, "In the end, we ... somebody."': to its close
        spans = self.taken.get(b, [])
        i = bisect_right(spans, (start, 1 << 62))
        if i and spans[i - 1][1] > start:
            return None  # the words start inside a quote already found
        if i < len(spans) and spans[i][0] < end:
            end = spans[i][0]  # and stop where the next one starts
        start, end = _strip_span(text, start, end, trailing=",;:—–-. ")
        if end - 1 > start and (text[end - 1] == "“" or (text[end - 1] == '"' and text[end - 2].isspace())):
            start, end = _strip_span(text, start, end - 1, trailing=",;:—–-. ")  # a quote cut off
        if len(_WORD.findall(text, start, end)) < least:
            return None
        return b, start, end

    def _kind(self, text: str, piece: tuple[int, int, int]) -> str:
        _, s, e = piece
        marks = sum(text.count(c, s, e) for c in _DOUBLE_MARKS) + text.count("''", s, e)
        return "mixed" if marks >= 2 else "indirect"

    def _verb(
        self,
        b: int,
        text: str,
        s: int,
        e: int,
        tok: _Tok,
        lemma: str,
        prev_speaker: tuple[int, int, int] | None,
    ) -> _Draft | None:
        before = text[max(s, tok.start() - 300) : tok.start()].rstrip()  # near words suffice
        participle = " " not in tok.group() and tok.group().lower().endswith("ing")
        np: tuple[int, int] | None
        inverted = False
        relative = False  # the speaker is a relative clause's antecedent, inside other words
        if participle and tok.start() - s < 30 and _INTRO_PARTICIPLE.fullmatch(text[s : tok.start()].rstrip()):
            # 'Bemoaning the "phony system," Trump accused Holt ...': the words run to the
            # comma, the speaker is the subject after it
            comma = _comma_outside_quotes(text, tok.end(), e)
            if comma is None:
                return None
            subject = _np_after(text, comma + 1, e)
            words = self._content(b, text, tok.end(), comma, least=2)
            if subject is None or words is None:
                return None
            return _Draft(self._kind(text, words), [words], (b, tok.start(), tok.end()), (b, *subject))
        if participle:
            # "..., saying that ...": the speaker is the clause's subject
            by = _BY_GERUND.search(before, max(0, len(before) - 8))
            if not before.rstrip("\"”’'").endswith(",") and by is None:
                return None  # (a comma inside a closing quote mark counts: 'of "values," saying')
            if by is not None and "," in before and prev_speaker is None:
                return None  # "A, and B by saying": whose clause is unclear; only "X did Y by saying"
            if prev_speaker is not None:
                speaker: tuple[int, int, int] | None = prev_speaker
            else:
                lead = _sentence_subject(text, s, tok.start())
                if lead is None:
                    return None
                speaker = (b, *lead)
            np = None
        else:
            if before.rsplit(None, 1)[-1:] and before.rsplit(None, 1)[-1].lower() in _NO_SUBJECT:
                return None  # "the state", "of tweets": a noun, with no subject before it
            np = _np_before(text, s, tok.start())
            if np is not None and _HEAD_OF_PP.fullmatch(text, _subject_start(text, s, np[0]), np[0]):
                np = (_subject_start(text, s, np[0]), np[1])  # "A document on the website states"
            shared = _shared_before(text, s, tok.start()) if np is None else None
            if shared is not None and shared.group(1):
                # "Trump, who says he is honored": the relative pronoun's antecedent
                np = _np_before(text, s, shared.start())
                relative = np is not None
            elif shared is not None:
                # "Authorities announced the arrest and said ...": the sentence's subject
                subject = _sentence_subject(text, s, tok.start())
                np = subject if subject is not None and subject[1] <= shared.start() else None
            if np is None and before.endswith(","):
                np = _np_after(text, tok.end(), e)
                inverted = np is not None
            if np is None:
                return None
            between = text[np[1] : tok.start()]
            relative = relative or bool(_WHO.search(between))
            if (
                not inverted
                and not _MODAL.search(between)
                and not _plausible_subject(text[np[0] : np[1]], tok.group(), lemma)
            ):
                return None
            speaker = (b, *np)
        tail_from = np[1] if inverted and np is not None else tok.end()
        after = _skip_tail(text, tail_from, e, lemma)
        rest = text[after:e]
        stripped = rest.lstrip()
        cue = (b, tok.start(), tok.end())
        forward_at: int | None = None
        m = _THAT.match(rest)
        listener = _LISTENER_THAT.match(rest) if m is None and lemma in OBJECT_VERBS else None
        if m is not None:
            forward_at = after + m.end()
        elif listener is not None:
            forward_at = after + listener.end()  # "told one of his young aides on a regular basis that ..."
        elif stripped.startswith(":"):
            forward_at = after + rest.index(":") + 1
        elif stripped.startswith(","):
            follow = stripped[1:].lstrip()
            fw = follow.split(" ", 1)[0].lower().strip(",")
            if fw in SPEECH_VERBS or fw in ("who", "which", "referring", "citing", "according", "as", "while"):
                forward_at = None
            elif np is not None and not inverted and _AS_BEFORE.search(text, s, np[0]):
                forward_at = after + rest.index(",") + 1  # "As Putin noted, the US side has ..."
            elif np is not None and not inverted and _speaker_mid(text, s, np[0]):
                forward_at = after + rest.index(",") + 1  # "The museum, Mr. Bush said, celebrated ..."
            elif np is not None and not inverted and text[s : np[0]].rstrip().endswith(","):
                forward_at = after + rest.index(",") + 1  # "Over the years, she said, email has ..."
        elif stripped and not _ONLY_END.match(stripped):
            first_word = stripped.split(" ", 1)[0].lower()
            # "Everything Trump says is a lie": no clause follows the verb
            opens = (stripped[0].isalnum() or (stripped[0] in '"“' and stripped[1:2].isalnum())) and (
                first_word not in _AUXILIARIES
            )
            if lemma not in NEEDS_THAT and first_word.strip('"“') not in _PREPOSITIONS and opens:
                forward_at = after
            elif first_word in ("he", "she", "they", "we", "it", "i", "he’s", "she’s", "they’re", "it’s") and (
                lemma not in OBJECT_VERBS or after > tok.end()
            ):
                forward_at = after  # "announced Sunday she will resign": a clause, without "that"
            elif lemma in OBJECT_VERBS and first_word == "to" and after > tok.end() and not inverted:
                forward_at = after  # "told his advisers to find a way": what they were told
            elif _speechy_quote(text, after, e) and opens:
                forward_at = after  # "promised lower taxes and "jobs, jobs, jobs"": their words
        if inverted and forward_at is not None:
            return None  # "..., said no immediate decision had been made": not an inversion
        if forward_at is not None and not participle and np is not None and not inverted:
            lead_text = text[s : np[0]].strip()
            # "..., and three-quarters said ...": a clause of its own may follow other words
            if (
                lead_text
                and not relative
                and not _ok_lead(lead_text)
                and not _speaker_mid(text, s, np[0])
                and not _NEW_CLAUSE.search(lead_text)
            ):
                return None
        piece: tuple[int, int, int] | None = None
        pieces: list[tuple[int, int, int]] = []
        if forward_at is not None:
            piece = self._content(b, text, forward_at, _clause_end(text, forward_at, e))
            if piece is not None and self._kind(text, piece) == "mixed":
                piece = _after_last_quote(text, piece)
            if piece is not None:
                pieces.append(piece)
                # "A, X said, B": the words before the attribution belong to it too
                lo_np = speaker[1] if speaker is not None else tok.start()
                if inverted or (np is not None and _speaker_mid(text, s, lo_np)):
                    head = self._content(b, text, _head_start(text, s, lo_np), lo_np, least=1)
                    if head is not None:
                        pieces.insert(0, head)
        elif not participle:
            # trailing attribution: "..., X said Thursday." / "..., said X."
            lo_np = np[0] if np is not None and not inverted else tok.start()
            if not text[s:lo_np].rstrip().endswith((",", "—", "–", "--")):
                return None
            if rest.strip(' .?!"”’)') and not _TRAILING_CLAUSE.match(rest):
                return None
            piece = self._content(b, text, _lead_start(text, s, lo_np), lo_np)
            if piece is not None:
                pieces.append(piece)
        if not pieces:
            return None
        kind = "mixed" if any(self._kind(text, p) == "mixed" for p in pieces) else "indirect"
        return _Draft(kind, pieces, cue, speaker)

    def _characterising(
        self, b: int, text: str, s: int, e: int, tok: _Tok, prev_speaker: tuple[int, int, int] | None
    ) -> _Draft | None:
        """``X called the plan "a disaster"``, ``..., calling him "a total stiff"``: a mixed
        quote when the speaker's own words are quoted in the rest of the clause."""
        if not _HAS_QUOTE.search(text, tok.end(), e):
            return None  # no quoted words after the verb: nothing of the speaker's own
        piece = self._content(b, text, tok.end(), _clause_end(text, tok.end(), e))
        if piece is None or not _speechy_quote(text, piece[1], piece[2]):
            return None
        # the characterisation ends before a clause of its own: '... as a "disgrace" after she
        # blamed the police for "bias"'
        clause = _OWN_CLAUSE.search(text, piece[1], piece[2])
        if clause is not None and _HAS_QUOTE.search(text, piece[1], clause.start()):
            piece = (b, piece[1], clause.start())
        # the characterisation ends with the speaker's last quoted words:
        # 'the Affordable Care Act as a "crazy system" during a campaign stop'
        closing = _after_last_mark(text, piece[1] + 1, piece[2])
        if closing is not None:
            piece = (b, piece[1], min(piece[2], closing))
        speaker: tuple[int, int, int] | None
        if " " not in tok.group() and tok.group().endswith("ing") and text[s : tok.start()].rstrip().endswith(","):
            if prev_speaker is not None:
                speaker = prev_speaker
            else:
                subject = _sentence_subject(text, s, tok.start())
                speaker = (b, *subject) if subject is not None else None
        else:
            np = _np_before(text, s, tok.start())
            if np is not None and _VERB_LAST.search(text, np[0], np[1]):
                return None  # "The Fed kept rates "on hold"": "rates" is the object, not the verb
            shared = _shared_before(text, s, tok.start()) if np is None else None
            if shared is not None and shared.group(1):
                # "Senator Ann Lee, who called it "a gift"": the relative pronoun's antecedent
                np = _np_before(text, s, shared.start())
                lead_text = ""
            elif shared is not None:
                # 'Jones took the floor and called the bill "a gift"': the sentence's subject
                found = _sentence_subject(text, s, tok.start())
                np = _trim_subject(text, *found) if found is not None and found[1] <= shared.start() else None
                lead_text = ""
            else:
                lead_text = text[s : np[0]].rstrip() if np is not None else ""
            speaker = (b, *np) if np is not None else None
            if lead_text and not _ok_lead(lead_text) and not _OPENS_CLAUSE.search(lead_text):
                return None
        if speaker is None:
            return None
        return _Draft("mixed", [piece], (b, tok.start(), tok.end()), speaker)

    # ---------------------------------------------------------------- fragments

    def fragments(self) -> None:
        """Quoted words under any verb of the sentence's subject, which no rule above
        attributed: ``Trump openly admires Putin as a "strong leader"``, ``she pointed to
        reports that he called her "Miss Piggy"``. The subject must be able to speak (a name,
        a pronoun, a role, an organisation), the verb must not be a copula, and the quoted
        words must be someone's words (not a title in Title Case): scare quotes in the
        writer's own sentences (``a "peace plan"``) have no such subject before them."""
        for b in self.order:
            text = self.texts[b]
            if not _HAS_QUOTE.search(text):
                continue
            for m in _QUOTED.finditer(text):
                qs, qe = m.start(), m.end()
                if self.busy(b, qs, qe) or not _speechy_quote(text, qs, qe):
                    continue
                sent = self.sentence_of(b, qs)
                if sent is None:
                    continue
                s, e = sent
                draft = self._fragment(b, text, s, e, qs, qe)
                if draft is not None:
                    self._finish(draft)

    def _fragment(self, b: int, text: str, s: int, e: int, qs: int, qe: int) -> _Draft | None:
        draft = self._fragment_from(b, text, _subject_start(text, s, qs), e, qs, qe)
        if draft is not None:
            return draft
        # the subject of the clause holding the quoted words: '..., which he declared "a
        # total disaster"', '... when Trump dismissed it as "a hoax"'
        openers = [m.end() for m in _CLAUSE_OPENER.finditer(text, s, qs)]
        if not openers:
            return None
        return self._fragment_from(b, text, openers[-1], e, qs, qe)

    def _subject_verb(
        self, text: str, start: int, limit: int, copula: bool = False
    ) -> tuple[tuple[int, int], re.Match[str]] | None:
        """The subject starting at ``start`` and the finite verb after it, before ``limit``,
        when the subject can speak: ``Mayor Jane Doe blamed``, ``She has long admired``; with
        ``copula``, also ``The board was blunt``."""
        np = _np_after(text, start, limit)
        if np is None:
            return None
        apposition_verb = _APPOSITION_VERB.search(text, np[0], np[1])
        # "Ann Lee, a lawyer, welcomed": to the comma; "Trump openly admires Putin": the name
        np = (np[0], apposition_verb.start()) if apposition_verb is not None else _trim_subject(text, *np)
        if not _can_speak(text[np[0] : np[1]]):
            return None
        verb = _FRAGMENT_VERB.match(text, np[1] + (apposition_verb is not None), limit)
        if verb is None:
            return None
        if not _finite(verb.group("verb"), verb.group("aux")) and not (copula and verb.group("verb") in _COPULAS):
            return None
        after = _AUX_AFTER.match(text, verb.end())
        if after is not None and not verb.group("aux").strip():
            return None  # "Sanders supporters are crying", "Rising prices fueled": a noun, the verb after it
        subject = text[np[0] : np[1]]
        if (
            np[0] == start
            and subject.lower() not in PRONOUNS
            and " " not in subject
            and (subject.lower().endswith(_ADJECTIVE_ENDINGS) or self._common_word(subject))
        ):
            return None  # "Generous pensions ...", "Party elders ...": a common word, not a name
        return np, verb

    def _fragment_from(self, b: int, text: str, start: int, e: int, qs: int, qe: int) -> _Draft | None:
        found = self._subject_verb(text, start, qs)
        if found is None:
            return None
        np, verb = found
        cue = (b, verb.start("cue"), verb.end("cue"))
        end = _clause_end(text, verb.end(), e)
        if end < qe:
            return None  # the quoted words stand in another clause
        end = _after_last_mark(text, qs + 1, end) or end
        begin = verb.end()
        lead = _FRAGMENT_LEAD.search(text, begin, qs + 1)
        while lead is not None:
            begin = lead.end()  # 'issued a statement saying the plan "..."': the words said
            lead = _FRAGMENT_LEAD.match(text, begin, qs + 1)  # and 'that says': both
        piece = self._content(b, text, begin, end, least=2)
        if piece is None or piece[2] < qe - 1:
            return None
        return _Draft("mixed", [piece], cue, (b, *np))

    def _common_word(self, word: str) -> bool:
        """Whether ``word`` (capitalised at a sentence's start) is written in lower case
        elsewhere in the article: a common word then, not a name."""
        low = word.lower()
        found = self.common_words.get(low)
        if found is None:
            # (asked of a few words an article: cheaper than collecting every lower-case word)
            pattern = re.compile(r"\b" + re.escape(low) + r"\b")
            found = self.common_words[low] = any(pattern.search(t) for t in self.texts.values())
        return found

    def _according(self, b: int, text: str, s: int, e: int, tok: _Tok, to: _Tok) -> bool:
        """``According to X, ...``, ``..., according to X.`` and ``A, according to X, B``."""
        np = _np_after(text, to.end(), e)
        if np is None or self.busy(b, tok.start(), to.end()):
            return False
        cue = (b, tok.start(), to.end())
        before = text[s : tok.start()].rstrip()
        # where the source's phrase ends: the next comma (after any apposition) or the end
        comma = text.find(",", np[1], e)
        while comma >= 0 and _APPOSITION_AFTER.match(text, comma, e) and not _PARTICIPLE_AFTER.match(text, comma, e):
            following = text.find(",", comma + 1, e)
            if following < 0 or len(text[comma:following].split()) > 12:
                break
            comma = following
        tail = self._content(b, text, comma + 1, e) if comma >= 0 else None
        pieces: list[tuple[int, int, int]] = []
        intro = (
            before.endswith(",")
            and _ok_lead(before.rstrip(","))
            and (len(before.split()) <= 3 or before.split()[0].lower() in _INTRO_WORDS)
        )
        if not before or intro:
            if tail is None:
                return False
            lead = self._content(b, text, _lead_start(text, s, tok.start()), tok.start(), least=2) if before else None
            if lead is not None and text[tail[1] : tail[1] + 1].islower():
                pieces.append(lead)  # "At the heart of it, according to Ross, was a decision ..."
            pieces.append(tail)
        elif before.endswith(","):
            head = self._content(b, text, _lead_start(text, s, tok.start()), tok.start())
            if head is None:
                return False
            pieces.append(head)
            if tail is not None and comma >= 0 and text[comma + 1 : comma + 3].strip()[:1].islower():
                pieces.append(tail)  # "At the heart of it, according to Ross, was a decision ..."
        else:
            return False
        kind = "mixed" if any(self._kind(text, p) == "mixed" for p in pieces) else "indirect"
        self._finish(_Draft(kind, pieces, cue, (b, *np)))
        return True


_HAS_QUOTE = re.compile(r"\"|“|''")  # literal alternatives: the engine skips ahead to them
_FRAGMENT_VERB = re.compile(
    r"\s+(?P<cue>(?P<aux>(?:(?:has|have|had|will|would|did|does|do|can|could|should|may|might|must|not|never|"
    r"also|then|later|once|again|even|still|further|long|just|already|often|since|first|now|soon|\w+ly)\s+){0,3})"
    r"(?P<verb>[a-z][a-z-]+))\b"
)
_CLAUSE_OPENER = re.compile(
    r"(?:[,;]|\b(?:that|which|who|and|but|when|as|while|because|after|before|where|whom|what))\s+(?=[A-Za-z])"
)
_STRONG_PAST = frozenset(
    {"said", "told", "wrote", "made", "gave", "went", "got", "took", "thought", "saw", "sent", "left", "won",
     "held", "came", "found", "felt", "brought", "spoke", "became", "began", "ran", "kept", "put", "set", "led",
     "paid", "met", "meant", "sought", "struck", "stood", "drew", "threw", "knew", "grew", "chose", "rose",
     "fell", "spent", "built", "heard", "hit", "let", "cut", "read", "lost", "beat", "caught", "bought",
     "taught", "fought", "sold", "swore", "shook", "sang", "bid", "upheld", "withdrew", "forgot", "hung"}
)  # fmt: skip
_AUX_AFTER = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|[a-z]+ed|"
    + _trie(sorted(_STRONG_PAST))
    + r")\b"
)
_HEAD_OF_PP = re.compile(r"(?i:a|an|the|one|another)\s+(?:[\w’'-]+\s+){1,3}(?:in|of|for|at|from|with|on)\s+")
_LISTENER_THAT = re.compile(r"\s+(?:[^\s,.;:\"“”]+\s+){1,12}?that\s+")
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|these|those|its|their|his|her|our|many|some|all|both|several)\s+$", re.I)
_INVERTED_LEAD = re.compile(r"\s*(Said|Says|Added|Adds|Wrote|Writes|Asked|Asks|Tweeted|Noted|Recalled)\s+")
_SHORT_TAIL = re.compile(r"(?:\s+(?:on|at|in|to|from|during|after|before|with)\b[^.,;:!?\"“”]{0,60})?\s*[.!?]?\s*")
_OWN_CLAUSE = re.compile(
    r"\s+(?:after|before|when|because|while|since|as)\s+(?:he|she|they|it|we|I|[A-Z][\w’'-]*)\s+[a-z]"
)
_RELATIVE_GAP = re.compile(r"\s*,\s+who\b")
_THIS_COLON = re.compile(r"(?:this|these words|the following|as follows|simply|only)\s*[:,]")
_AFTER_QUOTED_COMMA = re.compile(r",[\"”’]\s*$")
_FINITE_AFTER = re.compile(r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b")
_GO_ON = frozenset({"went", "goes", "go", "going"})
_GO_ON_TO = frozenset({"interjected", "paused", "stopped", "continued", "rose", "returned", "turned", "moved"})
_PAST_VERB = re.compile(r"([a-z]+ed)\s+")
_SECTION_LABEL = re.compile(r"[A-Z][A-Z'’&-]+(?:\s+[A-Z][A-Z'’&-]+)+")
_VERB_LAST = re.compile(r"(?<=\s)(?:[a-z]+ed|" + _trie(sorted(_STRONG_PAST)) + r")$")
_BUT_GAP = re.compile(r"\s*,\s*(?:but|and)(?:\s+(?:still|then|also|later|now|yet))?\s*")
_ACCORDING_AFTER = re.compile(r"\s*,?\s*(according to)\s+")
_COMMA_SPACE = re.compile(r",\s+")
_FRAGMENT_LEAD = re.compile(r"(?:\b(?:that|saying|says|said|calling)|:|,(?=\s*[\"“]))\s+")
_ADJECTIVE_ENDINGS = ("ous", "ive", "ful", "less", "able", "ible", "ical")
_NOT_VERBS = frozenset(
    {"is", "was", "are", "were", "be", "been", "being", "am", "of", "in", "on", "at", "for", "to", "and", "or",
     "but", "who", "which", "that", "the", "a", "an", "with", "from", "by", "as", "about", "into", "than",
     "seems", "seemed", "appears", "appeared", "remains", "remained", "became", "becomes", "looks", "looked"}
)  # fmt: skip
_COPULAS = frozenset({"is", "was", "are", "were"})
_AUX_WORDS = frozenset({"has", "have", "had", "will", "would", "did", "does", "do", "can", "could", "should", "may",
                        "might", "must"})  # fmt: skip


def _finite(verb: str, aux: str) -> bool:
    """Whether ``verb`` (after the words ``aux``) reads as a finite verb or a verb after an
    auxiliary: ``blamed``, ``wrote``, ``assails``, ``has railed``, ``did not offer``."""
    if verb in _NOT_VERBS:
        return False
    if any(w in _AUX_WORDS for w in aux.split()):
        return True
    if verb.endswith("ed") or verb in _STRONG_PAST:
        return True
    return verb.endswith("s") and not verb.endswith(("ss", "us", "is"))


def _can_speak(mention: str) -> bool:
    """Whether a sentence's subject can have said things: a name, a subject pronoun, or a
    phrase headed by a role, an organisation or a group."""
    words = mention.replace(",", " ").split()
    if not words:
        return False
    head = words[-1].strip("()").lower()
    if len(words) == 1 and head in PRONOUNS and head != "it":
        return True
    if len(words) == 1 and (head in ADVERBS or head in CLAUSE_ADVERBS or head in ("ever", "one", "never")):
        return False  # "Ever since ...", "One would require ...": no speaker
    if words[-1].endswith(("’s", "'s", "’", "'")):
        return False  # "Trump's temperament": a possessive, not the subject
    if any(ch.isdigit() for ch in words[-1]):
        return False  # "EB-5", "2016": a program or a year, not a speaker
    if _is_cap(words[-1]) or (_is_cap(words[0]) and _low(words[0]) not in DETERMINERS):
        return True
    return head in TITLE_NOUNS or head in ORG_WORDS or head in GROUP_NOUNS


_QUOTED = re.compile(r"[\"“]([^\"“”]{1,400})[\"”]|''(.{1,400}?)''")
_SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "or", "vs"})


def _speechy_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` quotes someone's words: a quoted fragment that is not a
    title in Title Case (``"The Long Road Home"``, ``"Face the Nation"``)."""
    for m in _QUOTED.finditer(text, start, end):
        words = (m.group(1) or m.group(2) or "").split()
        if not words:
            continue
        lower = [w for w in words if w[:1].islower() and w.lower() not in _SMALL_WORDS]
        if lower or len(words) > 6:
            return True
    return False


def _unambiguous_verbs() -> set[str]:
    """Speech verb forms that cannot be nouns (``said``, ``encouraged``, ``says``), so that
    ``and`` before them starts a new clause: not ``and state law``, ``and reports``."""
    forms = {*SPEECH_VERBS, *CHARACTERISING_VERBS}
    lemmas = {**SPEECH_VERBS, **CHARACTERISING_VERBS}
    keep = {
        f for f in forms if f != lemmas[f] and f not in (lemmas[f] + "s", lemmas[f] + "es") and not f.endswith("ing")
    }
    return keep | {"says", "tells", "adds", "calls", "writes", "asks"}


_CLAUSE_BREAK = re.compile(
    r",(?P<close>[\"”’]?)\s+(?:while|whereas|although|though|citing|referring|meaning|noting|adding|saying|according)\b"
    r"|;\s|\s[—–―]\s|\s--\s"
    r"|,\s+and\s+(?=(?:[\w’'-]+\s+){1,4}(?:" + _trie(sorted(_unambiguous_verbs())) + r")\b)"
    r"|,?\s+and\s+(?=(?:" + _trie(sorted(_unambiguous_verbs())) + r")\b)"
    # someone else's attribution: '..., Ham also noted ...', '..., but he said that ...'
    r"|(?:,\s+(?:(?:but|and)\s+)?|\s+but\s+)(?=(?:he|she|they|we|I|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+"
    r"(?:(?:also|later|then|\w+ly)\s+)?(?:" + _trie(sorted(_unambiguous_verbs())) + r")\b)"
)


def _clause_end(text: str, start: int, end: int) -> int:
    """Where reported words starting at ``start`` end within ``text[:end]``: at the next
    clause of someone else's (``, but ...``, ``; ``, a dash), or at a new speech verb joined by
    ``and`` (``... and encouraged Americans to ...``), which is a quote of its own."""
    # cheap candidates first; the full pattern (with its list of verbs) is tried only there
    for candidate in _BREAK_CANDIDATE.finditer(text, start, end):
        m = _CLAUSE_BREAK.match(text, candidate.start(), end)
        if m is None:
            continue
        cut = m.start() + 1 + len(m.group("close")) if m.group("close") else m.start()
        if not _inside_quote(text, start, cut):
            return cut
    return end


_BREAK_CANDIDATE = re.compile(r",|;\s|\s[—–―]\s|\s--\s|\s+and\s|\s+but\s")


_TAIL_CLAUSE = re.compile(
    r"[,;]\s+(?:which|who|whom|whose|but|while|whereas|although|though|because|as|after|before|when|where|even"
    r"|\w+ly\s+\w+ing|\w+ing|a|an)\b"
)


def _after_last_quote(text: str, piece: tuple[int, int, int]) -> tuple[int, int, int]:
    """Reported words holding quoted ones end with the clause of their last quoted words: a
    clause after it (``, which ...``, ``, but ...``, ``, implicitly putting ...``) is the
    writer's."""
    b, start, end = piece
    last = _last_mark(text, start, end)
    if last < 0:
        return piece
    m = _TAIL_CLAUSE.search(text, last, end)
    if m is None or _inside_quote(text, start, m.start()):
        return piece
    return b, start, m.start()


def _title_words(words: str) -> bool:
    """Whether ``words`` (lower-case, before a speaker mention found without them) can only
    belong to it: ``super`` of ``super PAC spokeswoman``, not ``then`` or ``and``."""
    split = words.split()
    return (
        len(split) == 1
        and split[0].isalpha()
        and split[0].islower()
        and not split[0].endswith(("s", "ed", "ly"))
        and not any(split[0] in group for group in (CLAUSE_ADVERBS, ADVERBS, _CONNECTORS, SPEECH_VERBS, DETERMINERS))
    )


def _cue_lemma(cue: str) -> str:
    """The lemma of a cue's last word when it is a speech verb (``has long said`` -> ``say``),
    else ``say``."""
    words = cue.split()
    return SPEECH_VERBS.get(words[-1].lower(), "say") if words else "say"


def _last_mark(text: str, start: int, end: int) -> int:
    """Where the last double quote mark in ``text[start:end]`` stands, or -1."""
    return max(text.rfind(mark, start, end) for mark in ('"', "”", "''"))


def _after_last_mark(text: str, start: int, end: int) -> int | None:
    """Just after the last double quote mark in ``text[start:end]`` and the noun it may
    qualify (``the "frivolous" claims``, not ``"vicious snake" in a song``), or None."""
    last = _last_mark(text, start, end)
    if last < 0:
        return None
    after = last + (2 if text.startswith("''", last) else 1)
    noun = _NOUN_AFTER.match(text, after, end)
    if noun is not None and not any(w in _PREPOSITIONS or w in CLAUSE_ADVERBS for w in noun.group().split()):
        return noun.end()
    return after


_NOUN_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*){1,2}(?=\s*(?:[,.;:!?]|$))")


def _is_label(mention: str, colon: bool) -> bool:
    """Whether words in capitals before a colon or dash label a section or a dateline rather
    than name a speaker: ``MOVING SHOP—``, ``WASHINGTON —``, ``UPDATE:`` (but ``PENCE:`` in
    a transcript is a speaker)."""
    if not mention.isupper():
        return False
    return _SECTION_LABEL.fullmatch(mention) is not None or not colon or mention.strip(".") in _LABEL_WORDS


_LABEL_WORDS = frozenset(
    {"WATCH", "UPDATE", "UPDATED", "PHOTO", "PHOTOS", "VIDEO", "READ", "RELATED", "CORRECTION", "CLARIFICATION",
     "BREAKING", "EXCLUSIVE", "LISTEN", "NOTE", "ALERT", "ANALYSIS", "OPINION", "EDITORIAL", "PREVIOUSLY", "LOOK",
     "MORE", "SOURCE", "SOURCES", "CREDIT", "Q", "A"}
)  # fmt: skip


def _said_in(text: str, start: int, end: int) -> int | None:
    """Where the words reported by the first ``X said (that)`` in ``text[start:end]`` start,
    or None when no speech verb there follows a name or pronoun."""
    for cue in _CUE.finditer(text, start, end):
        if cue.group() not in SPEECH_VERBS or cue.group().endswith("ing"):
            continue
        if _np_before(text, start, cue.start()) is None:
            continue
        that = _THAT.match(text, cue.end(), end)
        return that.end() if that is not None else cue.end()
    return None


def _opens_quote(text: str, start: int, end: int) -> bool:
    """Whether the last double mark in ``text[start:end]`` opens a quote: after a space, a
    bracket, a dash or a colon and before a word (``because, "In``), not an inch mark
    (``a 6" pipe``) or a closing mark."""
    last = max(text.rfind('"', start, end), text.rfind("“", start, end))
    if last < 0:
        return False
    before = text[last - 1] if last > 0 else " "
    after = text[last + 1] if last + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and (after.isalnum() or after in "‘'…")


def _quote_close(text: str, pos: int, reach: int = 600) -> int:
    """Just after the mark closing a quote left open before ``pos``, across sentence ends
    inside it, or ``pos`` when no closing mark (one not followed by a word) comes within
    ``reach`` characters."""
    m = _CLOSING.search(text, pos, min(len(text), pos + reach))
    return m.end() if m is not None else pos


_CLOSING = re.compile(r"”|\"(?!\w)")


def _comma_outside_quotes(text: str, start: int, end: int) -> int | None:
    """The first comma in ``text[start:end]`` that stands outside quote marks (a comma inside
    ``"...,"`` counts as outside once the quote closes)."""
    pos = text.find(",", start, end)
    while pos >= 0:
        if not _inside_quote(text, start, pos):
            return pos
        closing = pos + 1
        if closing < end and text[closing] in '"”':
            return closing
        pos = text.find(",", pos + 1, end)
    return None


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands inside quote marks opened after ``start``."""
    opened = text.count("“", start, pos) - text.count("”", start, pos)
    return opened > 0 or text.count('"', start, pos) % 2 == 1


def _plausible_subject(mention: str, verb: str, lemma: str) -> bool:
    """Whether ``mention`` can be the subject of ``verb``. Forms that are also nouns
    (``states``, ``claims``, ``stress``) need a subject that ends in a name, a pronoun or a
    noun: "many other states" and "the mental and emotional stress" are not speech."""
    words = mention.split()
    last = words[-1].strip("(),").lower()
    if _is_number(words[0]) and words[0].lower() != "one":
        return verb != lemma + "s"  # "72 percent of Democrats say", not "18 states"
    if verb == lemma + "s" or verb == lemma + "es" or verb == lemma:
        core = mention.rstrip(")").split(",")[0].split()
        # the head noun stands before a preposition: "Aides to the governor", "leaders of both parties"
        cut = next(
            (i for i, w in enumerate(core) if i and w.lower() in ("of", "to", "for", "at", "from", "with")), len(core)
        )
        head = core[cut - 1]
        last = head.strip("(),").lower()
        low_head = head.lower()
        if head[:1].isupper() or low_head in PRONOUNS or low_head in GROUP_NOUNS or low_head in ORG_WORDS:
            return True
        if verb == lemma:
            # a base form needs a plural subject: "officials say", not "the emotional stress"
            return last.endswith("s") or last in ("i", "you", "we", "they", "people", "police") or " and " in mention
        if low_head in TITLE_NOUNS or low_head in ("official", "rival", "general", "individual"):
            return True
        return not last.endswith(("al", "ic", "ous", "ive", "ful", "less", "able", "ible"))
    return True


def _rest_of_attribution(gap: str) -> bool:
    """Whether ``gap`` only finishes an attribution's sentence (``, a lawyer who has worked on
    such cases since 1970.``), with no speech of its own, before the quote goes on."""
    stripped = gap.rstrip()
    return (
        stripped.endswith((".", ":"))
        and len(stripped.split()) <= 30
        and not any(m.group() in SPEECH_VERBS and not m.group().endswith("ing") for m in _CUE.finditer(stripped))
        and not _stops(stripped[:-1])
    )


def _lead_start(text: str, s: int, limit: int) -> int:
    """Where a sentence's content starts once its dateline and connectives are skipped."""
    m = _DATELINE.match(text, s, limit)
    if m is not None:
        s = m.end()
    m = _LEAD_CONNECTIVE.match(text, s, limit)
    if m is not None:
        s = m.end()
    return s


_INTRO = re.compile(
    r"(?:In|On|At|During|After|Before|Following|With|Speaking|Asked|When|While|As|Since|Earlier|Later|Last|This)"
    r"\b[^,;:\"“”]{0,80},\s+"
)


def _shared_before(text: str, lo: int, end: int) -> re.Match[str] | None:
    """``, who`` or ``and`` (with an adverb) right before ``end``, after ``lo``: the speaker
    is an antecedent (``Trump, who says``) or the sentence's subject (``... and said``)."""
    stop = lo + len(text[lo:end].rstrip())
    return _SHARED_SUBJECT.search(text, max(lo, stop - 40), stop)


def _sentence_subject(text: str, s: int, limit: int) -> tuple[int, int] | None:
    """The subject of the sentence starting at ``s``, before ``limit``: after its
    introduction, a pronoun (``Meanwhile, it attacked ...``) or a name with its apposition,
    without the verb an apposition runs into (``Donald Trump, her opponent, bemoaned ...``)."""
    start = _subject_start(text, s, limit)
    pronoun = _SUBJECT_PRONOUN.match(text, start, limit)
    if pronoun is not None:
        return pronoun.start(1), pronoun.end(1)
    found = _np_after(text, start, limit)
    if found is not None:
        verb = _APPOSITION_VERB.search(text, found[0], found[1])
        if verb is not None:
            return found[0], verb.start()
    return found


_SUBJECT_PRONOUN = re.compile(r"(he|she|they|it|we|I)\s+(?!(?:is|was|are|were|'s|’s)\b)(?=[a-z])")
_APPOSITION_VERB = re.compile(r",\s+(?:(?:then|now|also|later|still)\s+)?(?:\w+ly\s+)?[a-z]+ed\b")


def _head_start(text: str, s: int, limit: int) -> int:
    """Where the words before a mid-sentence attribution start: after the sentence's dateline
    and connectives, and after a dash or semicolon that ends another clause (``She isn't
    rattled -- in fact, she said, it "humanizes" her``)."""
    start = _lead_start(text, s, limit)
    cut = max(text.rfind(mark, start, limit) for mark in ("— ", "– ", "; ", "-- ", "― "))
    return cut + 2 if cut >= 0 else start


def _subject_start(text: str, s: int, limit: int) -> int:
    """Where a sentence's subject starts: after its dateline, connectives and an introductory
    phrase (``During a speech in Ohio, Trump ...``)."""
    s = _lead_start(text, s, limit)
    m = _INTRO.match(text, s, limit)
    return m.end() if m is not None else s


def _speaker_mid(text: str, s: int, np_start: int) -> bool:
    """Whether the speaker stands after a clause of content (``..., X said``)."""
    before = text[s:np_start].rstrip()
    if not before.endswith(","):
        return False
    head = before.rstrip(",—– ")
    words = _WORD.findall(head)
    return len(words) >= 1 and not _ok_lead(head)


def _ok_lead(lead: str) -> bool:
    """Whether words before ``X said ...`` are an introduction (``In a statement,``, ``On
    Sunday``, ``Meanwhile,``, ``As``) rather than content."""
    lead = lead.strip().rstrip(",")
    if not lead:
        return True
    words = lead.split()
    first = _low(words[0]).strip(",;:")
    if first in WEEKDAYS or first in MONTHS:
        return len(words) <= 12  # "Saturday at the party convention, Sen. Warren said ..."
    if len(words) <= 2 and (first in CLAUSE_ADVERBS or lead.endswith(("ly", "ly,"))):
        return True
    if first in ("in", "on", "at", "during", "after", "before", "speaking", "asked", "when", "while", "as",
                 "earlier", "later", "last", "this", "responding", "writing", "separately", "meanwhile",
                 "however", "but", "and", "still", "also", "then", "now", "yet", "so", "for", "with",
                 "since", "until", "following", "addressing", "according", "by", "from", "over", "under",
                 "ahead", "within"):  # fmt: skip
        return len(words) <= 30
    if first.endswith("ing") and len(words) <= 20:
        return True  # "Claiming the criticism is designed to pressure moderators, Trump told Fox"
    return bool(_DATELINE.match(lead + " "))  # "MOSCOW/KYIV -"


# ----------------------------------------------------------------------------- the enricher


def applies_to(article: Article) -> bool:
    """Whether the rules apply: the article is in English, or its language is unknown."""
    language = (article.language or "en").lower()
    return language == "en" or language.startswith("en-") or language in ("und", "eng")


def _text_blocks(article: Article) -> list[int]:
    return [i for i, block in enumerate(article.body) if isinstance(block, (Paragraph, BlockQuote))]


def find_quotes(article: Article) -> list[Quote]:
    """The quotes the rules find in ``article``'s body, numbered after the ones it already has
    and never overlapping them. Speakers are not resolved to sources."""
    order = _text_blocks(article)
    texts = {i: article.body[i].text for i in order}
    taken: dict[int, list[tuple[int, int]]] = {}
    for quote in article.quotes:
        for span in quote.spans:
            taken.setdefault(span.block, []).append((span.start, span.end))
        if quote.cue is not None and quote.cue.span is not None:
            taken.setdefault(quote.cue.span.block, []).append((quote.cue.span.start, quote.cue.span.end))
    finder = _Finder(texts, order, taken)
    finder.direct()
    finder.reported()
    finder.fragments()
    used = {q.id for q in article.quotes}
    quotes: list[Quote] = []
    number = 0
    for draft in sorted(finder.drafts, key=lambda d: d.pieces[0]):
        number += 1
        while f"q{number}" in used:
            number += 1
        quotes.append(_quote(f"q{number}", draft, texts))
    return quotes


def _quote(qid: str, draft: _Draft, texts: dict[int, str]) -> Quote:
    spans = tuple(Span(b, s, e) for b, s, e in draft.pieces)
    words = " ".join(texts[b][s:e] for b, s, e in draft.pieces)
    cue = None
    if draft.cue is not None:
        b, s, e = draft.cue
        cue = Cue(texts[b][s:e], Span(b, s, e))
    speaker = None
    if draft.speaker is not None:
        b, s, e = draft.speaker
        speaker = Speaker(texts[b][s:e], None, Span(b, s, e))
    when = When(draft.when) if draft.when else None
    context = QuoteContext(venue=draft.venue, channel=draft.channel, when=when)
    return Quote(id=qid, kind=draft.kind, text=words, spans=spans, cue=cue, speaker=speaker, context=context)  # type: ignore[arg-type]


def _sort_key(quote: Quote) -> tuple[int, int]:
    if quote.spans:
        return quote.spans[0].block, quote.spans[0].start
    return (1 << 30, 0)


def extract_quotes(article: Article, options: Options) -> Article:
    """The enricher: ``article`` with the quotes the rules find added to the ones it has.

    The option ``quotes=False`` turns it off.
    """
    if not options.get("quotes", True) or not applies_to(article) or not article.body:
        return article
    found = find_quotes(article)
    if not found:
        return article
    quotes = tuple(sorted((*article.quotes, *found), key=_sort_key))
    return attrs.evolve(article, quotes=quotes)


@hookimpl
def articlekit_enrichers() -> Sequence[EnricherSpec]:
    return [
        EnricherSpec(
            name="quotes",
            run=extract_quotes,
            order=100,
            description="direct, indirect and mixed quotes with cue, speaker mention, venue, channel and when",
        )
    ]
