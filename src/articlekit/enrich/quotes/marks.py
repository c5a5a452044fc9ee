"""Quote marks: which style an article uses, how marks pair up in a paragraph, and questions about quoted words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define

from articlekit.enrich.lexicon import (
    CLAUSE_ADVERBS,
)
from articlekit.enrich.quotes.words import word_list

_INVISIBLE = " \t\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_DOUBLE_MARKS = '"“”„‟'
_SINGLE_MARKS = "'‘’‚‛"
_OPEN_CONTEXT = " \t\n([{—–-/:;,"
_PREPOSITIONS = word_list("not_content_openers")
"""Words that cannot open the content of ``X said ...`` without ``that`` (``told him about``).
Object pronouns are here: without ``that`` they are the listener, not the content."""
_DOUBLE_MARK = re.compile("[" + _DOUBLE_MARKS + "]|''")
"""One double quote mark (two apostrophes count as one, and share no character with the others)."""
_MARKS_RE = {'"“”„‟': re.compile("'''?|\"|“|”|„|‟"), "'‘’‚‛": re.compile("[" + re.escape("'‘’‚‛") + "]")}
"""Each style's marks; two apostrophes stand for a double quote mark in some archives (NYT),
and three close a single-quoted phrase and the quote around it at once (``''They say, 'Go
home,''' he said``: the last two are the double mark). (Alternatives that all start with a
literal character let the engine skip ahead to them.)"""


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


def _style(mark: str) -> str:
    """``straight`` or ``curly``: a quote continues in the next paragraph with its own style."""
    return "straight" if mark in "\"'" else "curly"


_DOUBLE_MARK_STRINGS = (*_DOUBLE_MARKS, "''")


def _two_double_marks(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds two double quote marks or more: ``_DOUBLE_MARK``'s
    matches counted with ``str.count``, mark by mark (a C loop each, several times faster than
    the pattern's search, which tries both of its branches at every character). Two apostrophes
    share no character with the other marks, and both count them left to right without
    overlap, so the counts add up to the pattern's."""
    found = 0
    for mark in _DOUBLE_MARK_STRINGS:
        found += text.count(mark, start, end)
        if found >= 2:
            return True
    return False


def _primary_marks(texts: Sequence[str]) -> str:
    """Double quote marks, unless the article only uses single ones as its quote marks."""
    joined = "\n".join(texts)  # (a paragraph opening with a mark counts: after white space)
    if _two_double_marks(joined, 0, len(joined)):
        return _DOUBLE_MARKS
    openers = len(_SINGLE_OPENER.findall(joined))
    if (openers >= 1 and "‘" in joined) or openers >= 2:
        return _SINGLE_MARKS
    return _DOUBLE_MARKS


_SINGLE_OPENER = re.compile(r"[‘'](?<![^\s(—–][‘'])(?=\w)")
r"""A single mark opening a quote: before a word, at the text's start or after white space, a
parenthesis or a dash. (The mark comes first, so that a search skips to the marks; the
look-behind checks the character before it: ``(?:^|[\s(—–])[‘'](?=\w)``, as many matches,
several times faster on a long text.)"""


def _segments(block: int, text: str, marks: str) -> list[_Segment]:
    """Pair the quote marks of one paragraph. Unclosed quotes run to the paragraph's end."""
    pattern = _MARKS_RE[marks]
    if pattern.search(text) is None:
        return []  # (most paragraphs: no mark, nothing to set up)
    single = marks is _SINGLE_MARKS
    found: list[_Segment] = []
    stack: list[int] = []
    nested: list[tuple[int, int, tuple[int, ...]]] = []
    n = len(text)
    first_visible = -1  # where the paragraph's first visible character stands (found when asked)
    width: dict[int, int] = {}
    for found_mark in pattern.finditer(text):
        i = found_mark.start()
        ch = found_mark.group()[0]
        if found_mark.group() == "'''" and stack and i and not text[i - 1].isspace():
            # the first apostrophe closes a single-quoted phrase, the last two the quote (after a
            # space the three open: ``'''Tis``, ``said '''no'''``)
            i += 1
        width[i] = min(2, len(found_mark.group()))
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
            if not stack and not single and first_visible < 0:
                first_visible = n - len(text.lstrip(_INVISIBLE))
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


_HAS_QUOTE = re.compile(r"\"|“|''")  # literal alternatives: the engine skips ahead to them


_QUOTED = re.compile(r"\"([^\"“”]{1,400})[\"”]|“([^\"“”]{1,400})(?:[\"”]|(?<!\s)“(?!\w))|''(.{1,400}?)''")
r"""A quoted fragment: its words are group 1, 2 or 3 (``[\"“]([^\"“”]{1,400})[\"”]|''(.{1,400}?)''``,
the same matches, with each alternative opening with its literal mark, so that a search skips
ahead to the marks instead of trying both branches at every character: about twice as fast). An
opening mark typed for the closing one closes a curly quote: after a word, before none
(``an “expedited review“ of``)."""
_SMALL_WORDS = word_list("title_small_words")


def _speechy_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` quotes someone's words: a quoted fragment that is not a
    title in Title Case (``"The Long Road Home"``, ``"Face the Nation"``)."""
    return any(_speechy_match(m) for m in _QUOTED.finditer(text, start, end))


def _speechy_match(m: re.Match[str]) -> bool:
    """Whether the quoted fragment ``m`` (a match of ``_QUOTED``) quotes someone's words: a
    word in lower case (not a title's small word) or more than six words."""
    return _speechy_words(m.group(1) or m.group(2) or m.group(3) or "")


def _speechy_words(quoted: str) -> bool:
    """Whether quoted words are someone's words, not a title in Title Case: a word in lower
    case (not a title's small word) or more than six words."""
    words = quoted.split()
    return any(w[:1].islower() and w.lower() not in _SMALL_WORDS for w in words) or len(words) > 6


def _speechy_segment(text: str, seg: _Segment) -> bool:
    """``_speechy_quote`` for a segment in either style: the words between single marks
    (``‘We are in it to the end.’``) are read as the double marks' are."""
    if text[seg.open] in _SINGLE_MARKS:
        return _speechy_words(text[seg.start : seg.end])
    return _speechy_quote(text, seg.open, seg.after)


def _last_mark(text: str, start: int, end: int) -> int:
    """Where the last double quote mark in ``text[start:end]`` stands, or -1; an opening mark
    typed for the closing one counts (``the plan “abhorrent“ in a tweet``)."""
    last = max(text.rfind(mark, start, end) for mark in ('"', "”", "''"))
    typo = text.rfind("“", max(start, last + 1), end)
    if typo > start and _closes_as_typo(text, typo):
        return typo
    return last


def _closes_as_typo(text: str, i: int) -> bool:
    """Whether the opening mark ``“`` at ``i`` stands for the closing one: right after a word
    or a stop and before no word (``“abhorrent“ in``, ``“review.“``), after an opening mark
    before it."""
    prev = text[i - 1]
    return (
        not prev.isspace()
        and prev not in "([{—–-/“"
        and not (i + 1 < len(text) and text[i + 1].isalnum())
        and text.rfind("“", 0, i) > text.rfind("”", 0, i)
    )


def _after_last_mark(text: str, start: int, end: int) -> int | None:
    """Just after the last double quote mark in ``text[start:end]`` and the noun it may
    qualify (``the "frivolous" claims``, not ``"vicious snake" in a song``), or None."""
    last = _last_mark(text, start, end)
    if last < 0:
        return None
    after = last + (2 if text.startswith("''", last) else 1)
    if text[start:last].rstrip().endswith((",", ".", ";", "!", "?")):
        return after  # ('as "peaceful," all day': a comma inside the marks ends the words)
    noun = _NOUN_AFTER.match(text, after, end)
    if noun is not None and not any(w in _PREPOSITIONS or w in CLAUSE_ADVERBS for w in noun.group().split()):
        return noun.end()
    return after


_NOUN_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*){1,2}(?=\s*(?:[,.;:!?]|$))")


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
    ``"...,"`` counts as outside once the quote closes), not one between digits (``$353,000``)."""
    pos = text.find(",", start, end)
    while pos >= 0:
        if _between_digits(text, pos):
            pos = text.find(",", pos + 1, end)
            continue
        if not _inside_quote(text, start, pos):
            return pos
        closing = pos + 1
        if closing < end and text[closing] in '"”':
            return closing
        pos = text.find(",", pos + 1, end)
    return None


def _between_digits(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` stands between two digits (a thousands comma)."""
    return 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit()


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands inside quote marks opened after ``start``."""
    opened = text.count("“", start, pos) - text.count("”", start, pos)
    if opened > 0:
        # an opening mark typed for the closing one closes (``an “expedited review“ of``)
        typo = text.find("“", start + 1, pos)
        while typo >= 0 and opened > 0:
            if _closes_as_typo(text, typo):
                opened -= 2
            typo = text.find("“", typo + 1, pos)
    return opened > 0 or text.count('"', start, pos) % 2 == 1


_COMMA_CLOSE = re.compile(r",(?:”|\"|'')")
_WRITERS_GOES_ON = re.compile(
    r"\s+(?:(?!(?:during|nothing|something|anything|everything|thing|king|bring|sing|spring|string|ring)\b)"
    r"[a-z]+ing|like|as|(?:and|but)\s+(?:he|she|they|we|I|it)\s+[a-z]+)\b"
)
"""The writer's words after quoted words that end with a comma: a participle (``, claiming
that ...``), ``like`` or ``as``, or ``and``/``but`` with a pronoun subject and its verb."""


def _cut_at_comma_close(text: str, start: int, end: int) -> int:
    """Where reported words holding quoted ones end when the quoted words close on a comma
    and the writer's words go on after the mark (``he has "grown the party," claiming that
    ...``, ``is a "distortion," describing ...``, ``is "losing," but she gave ...``): just
    after that closing mark; ``end`` when no such mark stands in ``text[start:end]``."""
    for close in _COMMA_CLOSE.finditer(text, start, end):
        if _WRITERS_GOES_ON.match(text, close.end(), end) is not None:
            return close.end()
    return end
