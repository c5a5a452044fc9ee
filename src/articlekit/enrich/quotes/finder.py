"""The finder: the passes over an article's paragraphs that turn anchors (quoted units, speech cues,
quoted words) into quotes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence

from attrs import frozen

from articlekit.enrich.lexicon import (
    PRONOUNS,
    SPEECH_VERBS,
)
from articlekit.enrich.quotes.clauses import (
    _APPOSITION_VERB,
    _AUX_AFTER,
    _BE_FORM,
    _BUT_GAP,
    _CLAUSE_OPENER,
    _COPULAS,
    _FRAGMENT_VERB,
    _INTRO,
    _NOT_VERBS,
    _OWN_PARTICIPLE_GAP,
    _PARTICIPLE_GAP,
    _PROGRESSIVE,
    _RELATIVE_GAP,
    _STRONG_PAST,
    _SUBORDINATE,
    _TO,
    _TRAILING_CONNECTIVE,
    _adverb_participle,
    _finite,
    _lead_start,
    _ok_lead,
    _own_clause_gap,
    _rest_of_attribution,
    _said_in,
)
from articlekit.enrich.quotes.context import _context, _skip_tail
from articlekit.enrich.quotes.marks import (
    _HAS_QUOTE,
    _INVISIBLE,
    _QUOTED,
    _inside_quote,
    _opens_quote,
    _primary_marks,
    _quote_close,
    _Segment,
    _segments,
    _speechy_match,
    _speechy_quote,
    _speechy_segment,
    _style,
    _two_double_marks,
)
from articlekit.enrich.quotes.mention import (
    _ADJECTIVE_ENDINGS,
    _can_speak,
    _np_after,
    _trim_subject,
)
from articlekit.enrich.quotes.rules import (
    After,
    Anchor,
    AnchorKind,
    Before,
    Candidate,
    CueAt,
    Piece,
    Quoted,
    Rule,
    RuleSet,
    Veto,
)
from articlekit.enrich.quotes.rules_direct import AFTER_RULES, BEFORE_RULES
from articlekit.enrich.quotes.rules_fragments import QUOTED_RULES
from articlekit.enrich.quotes.rules_reported import (
    _COMMISSIVES,
    ACCORDING_RULES,
    CUE_RULES,
    _promised_infinitive,
    sentence_goes_on,
)
from articlekit.enrich.quotes.tokens import (
    _CUE,
    _CUES_ARE_RUNS,
    _WORD,
    _cue_lemma,
    _fewer_words,
    _stops,
    _strip_span,
    scan_cues,
    sentences,
)
from articlekit.enrich.quotes.words import alternation, word_list
from articlekit.errors import PluginError

DEFAULT_RULES = RuleSet([*AFTER_RULES, *BEFORE_RULES, *ACCORDING_RULES, *CUE_RULES, *QUOTED_RULES])
"""The built-in rules, in order (plugins extend a copy: see ``quote_rules``)."""


@frozen
class Dropped:
    """A veto: the rule ``rule`` read an anchor of kind ``anchor`` at ``text[start:end]`` of
    block ``block`` and rejected it by the check ``veto``."""

    rule: str
    veto: str
    anchor: AnchorKind
    block: int
    start: int
    end: int


_VISIBLE = re.compile(r"\S")
_WORD_CHAR = re.compile(r"\w")
_WORD_JOINERS = "'’-"
_LEAD_CLAUSE = re.compile(r"[,;:—–]\s|\s--?\s")
"""Where a clause of the writer's ends before the next one: a comma, semicolon, colon or dash."""
_LEAD_CONJUNCTION = re.compile(r"\s*(?:and|but|or|so|yet)\s+", re.IGNORECASE)
"""A coordinator opening the writer's last lead clause before an attribution (``..., and``)."""
_TRAILING_CONJUNCTION = re.compile(r"[\s,]+(?:and|but|or|then)\s*$")
"""A coordinator left at the end of reported words cut where the next quote starts."""
_PARTICIPLE_AT = re.compile(r"\w+ing\b")
"""A participle opening the next quote's attribution (``and asking, "..."``)."""


def _last_lead_clause(text: str, lo: int, end: int) -> int | None:
    """Where the last clause of the writer's words ``text[lo:end]`` starts (after the last
    comma, colon or dash, and a leading ``and``/``but``), or None when it holds a quote mark or
    fewer than two words: a lead-in that opens a speaker's sentence."""
    opener = _LEAD_CLAUSE.search(text, lo, end)
    while opener is not None:
        lo = opener.end()
        opener = _LEAD_CLAUSE.search(text, lo, end)
    conjunction = _LEAD_CONJUNCTION.match(text, lo)
    if conjunction is not None:
        lo = conjunction.end()  # ('..., and sooner or later, he said, "..."': not 'and')
    if _HAS_QUOTE.search(text, lo, end) is not None or _fewer_words(text, lo, end, 2):
        return None
    return lo


_FRAME_LEAD = re.compile(r"\s*(?:(?!\w*thing\b)[A-Z][a-z]+(?:ing|ed)|For|Despite)\b")
"""A lead the writer opens with a participle (``Asked about the delay,``, ``Speaking at a
rally,``) or a framing preposition (``For his part,``, ``Despite the loss,``)."""


def _writer_frame(text: str, lo: int, end: int) -> bool:
    """Whether the lead ``text[lo:end]`` before an attribution is the writer's frame of the
    quote, not the speaker's words: an introduction (``In a statement Monday,``, ``After the
    game,``, ``On Tuesday,``: ``clauses._INTRO``) or a participle or framing preposition
    (``Asked about the delay,``, ``For his part,``)."""
    return _INTRO.match(text, lo, end + 2) is not None or _FRAME_LEAD.match(text, lo, end) is not None


def _words_open_with_verb(text: str, start: int) -> bool:
    """Whether quoted words starting at ``start`` open with a finite verb (``"would hurt
    families"``): the lead before the attribution is then their subject, not a frame."""
    verb = _FRAGMENT_VERB.match(" " + text[start : start + 60])
    return verb is not None and (_finite(verb.group("verb"), verb.group("aux")) or verb.group("verb") in _COPULAS)


def _last_visible(text: str, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that is not white space (empty when there is
    none): ``text[start:end].rstrip()[-1:]`` without copying the stretch."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > start else ""


def _next_visible(text: str, pos: int) -> str:
    """The first character at or after ``pos`` that is not white space (empty at the end):
    ``text[pos:].lstrip()[:1]`` without copying the rest of the paragraph."""
    m = _VISIBLE.search(text, pos)
    return m.group() if m is not None else ""


def _anchor_span(anchor: Anchor) -> tuple[int, int, int]:
    """Where an anchor stands: ``(block, start, end)``."""
    if isinstance(anchor, After):
        seg = anchor.segment
        return seg.block, seg.open, seg.after
    if isinstance(anchor, Before):
        return anchor.block, anchor.lo, anchor.open_at
    if isinstance(anchor, CueAt):
        return anchor.block, anchor.cue_start, anchor.cue_end
    return anchor.block, anchor.quote_start, anchor.quote_end


_INTO_QUOTE = re.compile(r"\s*:\s*(?:[\"“]|'')(?=\w)")
"""An attribution running by a colon into a quote it introduces: ``said: "B``. (Without the
colon, ``the crowd chanted "B``, was tried: fold 0 lost a match.)"""
_ON_INTO_QUOTE = re.compile(r"(?!,\s+\w+ing\b)[^.!?;\"“”]{0,80}?[,:]?\s*(?:[\"“]|'')(?=\w)")
"""An attribution running on into a next quote in its sentence: ``Beck joked, "B``, ``Beck
joked, again in a drawl, "B``; not into a participle's clause, whose quoted words the
attribution's participle rule takes (``Park noted, calling the claim "absurd."``)."""
_AS_LEAD = re.compile(r"(?:(?:and|but|yet|so),?\s+)?as\s", re.IGNORECASE)
"""A lead opened by ``as`` (``As the song says, "..."``, ``As I have always said, "..."``): a
saying quoted by the speaker of the attribution after it, not the words of the verb in it."""
_PUT_IT_TAIL = re.compile(r"\b(?:put|puts)\s+it\b")
"""``put it`` after quoted words: ``"..." is how one aide put it``, someone else's words."""


class Finder:
    """The article's paragraphs as the rules read them (``texts[block]``, in reading
    ``order``), what is already taken by a quote, and the passes that visit the anchors:
    ``direct`` (quote marks), ``reported`` (speech cues), ``fragments`` (quoted words left).

    A plain class with slots, not an attrs one: internal, built once per article (and headline),
    and its ``__init__`` is one mypyc compiles in the opt-in compiled build (an attrs class with
    ``field(factory=...)`` does not load there)."""

    __slots__ = (
        "be_forms",
        "bullet_below",
        "by_kind",
        "closes",
        "common_words",
        "cue_index",
        "cue_scan",
        "drafts",
        "final_ends",
        "openers",
        "opening",
        "opens",
        "order",
        "position",
        "rules",
        "segments",
        "sentence_cache",
        "sentence_starts",
        "taken",
        "texts",
        "trace",
    )

    texts: dict[int, str]
    order: list[int]
    taken: dict[int, list[tuple[int, int]]]
    rules: RuleSet
    trace: list[Dropped] | None
    """Where vetoes are recorded, when explaining (None: not recorded)."""
    drafts: list[Candidate]
    segments: dict[int, list[_Segment]]

    sentence_cache: dict[int, list[tuple[int, int]]]
    # indexes, so that a paragraph with thousands of quotes or cues costs n log n, not n²
    sentence_starts: dict[int, list[int]]
    final_ends: dict[int, list[int]]
    closes: dict[int, tuple[list[int], list[int]]]
    opens: dict[int, list[int]]
    opening: dict[int, dict[int, _Segment]]
    """Each block's segments by the position of their opening mark (the first one there)."""
    openers: dict[int, tuple[list[int], list[int]]]
    position: dict[int, int]
    cue_index: dict[int, list[tuple[int, tuple[int, int, int] | None]]]
    cue_scan: dict[int, tuple[list[re.Match[str]], list[int]]]
    """Each block's speech cues (``_CUE`` over the whole paragraph, scanned once) and their starts."""
    common_words: dict[str, bool]
    be_forms: dict[int, tuple[list[int], list[int]]]
    """Each block's forms of ``be`` (``_BE_FORM``, every start it matches at) and their ends."""
    bullet_below: dict[int, int]
    """The one-item list right after a paragraph, by the paragraph (``dash_next_paragraph``)."""
    by_kind: dict[AnchorKind, tuple[Rule, ...]]

    def __init__(
        self,
        texts: dict[int, str],
        order: list[int],
        taken: dict[int, list[tuple[int, int]]],
        rules: RuleSet | None = None,
        trace: list[Dropped] | None = None,
    ) -> None:
        """``rules`` None: a copy of the default rules."""
        self.texts = texts
        self.order = order
        self.taken = taken
        self.rules = rules if rules is not None else DEFAULT_RULES.copy()
        self.trace = trace
        self.drafts = []
        self.segments = {}
        self.sentence_cache = {}
        self.sentence_starts = {}
        self.final_ends = {}
        self.closes = {}
        self.opens = {}
        self.opening = {}
        self.openers = {}
        self.position = {b: i for i, b in enumerate(order)}
        self.cue_index = {}
        self.cue_scan = {}
        self.common_words = {}
        self.bullet_below = {}
        self.be_forms = {}
        self.by_kind = dict(self.rules.by_kind())
        for spans in taken.values():
            spans.sort()

    def sents(self, block: int) -> list[tuple[int, int]]:
        """The sentences of a block, computed once."""
        found = self.sentence_cache.get(block)
        if found is None:
            text = self.texts[block]
            found = self.sentence_cache[block] = sentences(text)
            self.sentence_starts[block] = [s for s, _ in found]
            self.final_ends[block] = [e for s, e in found if _last_visible(text, s, e) in (".", "?", "!")]
        return found

    def sentence_of(self, block: int, pos: int) -> tuple[int, int] | None:
        """The sentence holding ``pos``."""
        sents = self.sents(block)
        i = bisect_right(self.sentence_starts[block], pos) - 1
        if i >= 0 and sents[i][0] <= pos < sents[i][1]:
            return sents[i]
        return None

    def be_form_in(self, block: int, lo: int, hi: int) -> bool:
        """Exactly ``_BE_FORM.search(text, lo, hi) is not None``, read off the block's one scan
        (every start the pattern matches at, overlapping ones included): a form of ``be`` the
        window holds whole. A sentence of thousands of quotes asks once a quote, so the search
        from the sentence's start would cost n² there."""
        found = self.be_forms.get(block)
        if found is None:
            text = self.texts[block]
            starts: list[int] = []
            ends: list[int] = []
            m = _BE_FORM.search(text)
            while m is not None:
                starts.append(m.start())
                ends.append(m.end())
                m = _BE_FORM.search(text, m.start() + 1)
            found = self.be_forms[block] = (starts, ends)
        starts, ends = found
        i = bisect_left(starts, lo)
        while i < len(starts) and starts[i] < hi:
            if ends[i] <= hi:
                return True
            i += 1
        return False

    def cues(self, block: int) -> list[re.Match[str]]:
        """The speech cues of a block (``_CUE.finditer`` over its whole text), scanned once."""
        found = self.cue_scan.get(block)
        if found is None:
            matches = scan_cues(self.texts[block])
            found = self.cue_scan[block] = (matches, [m.start() for m in matches])
        return found[0]

    def cues_in(self, block: int, lo: int, hi: int) -> list[re.Match[str]]:
        """Exactly ``list(_CUE.finditer(text, lo, hi))``, read off the block's one scan: a cue
        is one run of word characters (with ``'’-``), starts where its run starts and ends where
        it ends, so the window's cues are the scan's cues in the runs the window holds whole.
        Where the window ends inside a run (which the window would cut into a shorter cue),
        that run alone is matched inside the window; ``according``, whose ``to`` may lie past
        the window's end, is matched again inside the window."""
        text = self.texts[block]
        if not _CUES_ARE_RUNS:
            return list(_CUE.finditer(text, lo, hi))
        cut = hi  # where the runs the window holds whole end
        if hi < len(text) and (text[hi] in _WORD_JOINERS or _WORD_CHAR.match(text, hi) is not None):
            while cut > lo and (text[cut - 1] in _WORD_JOINERS or _WORD_CHAR.match(text, cut - 1) is not None):
                cut -= 1
        self.cues(block)
        matches, starts = self.cue_scan[block]
        out: list[re.Match[str]] = []
        for k in range(bisect_left(starts, lo), len(matches)):
            m = matches[k]
            if m.end() > cut:
                break
            if m.group()[1:] == "ccording":
                m2 = _CUE.match(text, m.start(), hi)
                if m2 is None:
                    continue
                m = m2
            out.append(m)
        if cut < hi:
            last = _CUE.match(text, cut, hi)  # the run the window cuts, as the window reads it
            if last is not None:
                out.append(last)
        return out

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
        if not segs:  # (most paragraphs: no quote marks)
            self.opens[block], self.opening[block], self.closes[block] = [], {}, ([], [])
            return
        self.opens[block] = [seg.open for seg in segs]
        opening: dict[int, _Segment] = {}
        for seg in segs:
            opening.setdefault(seg.open, seg)
        self.opening[block] = opening
        closed = sorted((seg.close, seg.after) for seg in segs if seg.close is not None)
        best: list[int] = []
        for _, after in closed:
            best.append(max(after, best[-1]) if best else after)
        self.closes[block] = ([c for c, _ in closed], best)

    # ------------------------------------------------------------------ direct

    def direct(self) -> None:
        self.transcript()
        marks = _primary_marks([self.texts[b] for b in self.order])
        for b in self.order:
            self.segments[b] = _segments(b, self.texts[b], marks)
            self.index_segments(b)
        units = self._units()
        last_speaker: tuple[int, tuple[int, int, int]] | None = None  # (block, mention)
        last_draft: Candidate | None = None
        pending: list[list[_Segment]] = []
        for index, unit in enumerate(units):
            _first, last = unit[0], unit[-1]
            if any(self.busy(s.block, s.start, s.end) for s in unit):
                pending.clear()  # (a title before a part already joined opens no later quote)
                continue
            draft = self._attribute(unit)
            if draft is None and last.close is not None:
                nxt = units[index + 1] if index + 1 < len(units) else None
                text = self.texts[last.block]
                if nxt is not None and nxt[0].block == last.block and not text[last.after : nxt[0].open].strip():
                    pending.append(unit)  # '"A." "B," he said.': wait for the next unit
                    continue
                if nxt is not None and len(unit) == 1 and self._broken_off(last, nxt[0]):
                    pending.append(unit)  # '"I don't think the plan" -- his own -- "will last," he says.'
                    continue
            if draft is None and not self._another_speaker_after(last_draft):
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
            clause_quote = self._merge_following(draft, units, index)
            self._unquoted_rest(draft)
            self._lead_in(draft)
            self._finish(draft)
            if clause_quote is not None:
                self._finish(clause_quote)
            last_draft = draft
            if clause_quote is not None and clause_quote.rule.endswith("+second_cue"):
                last_draft = clause_quote  # ('..., adding: "B."' then a paragraph '"C."': C goes on B)
            if last_draft.speaker is not None:
                last_speaker = (last_draft.pieces[-1][0], last_draft.speaker)

    def transcript(self) -> None:
        """A transcript's turns: paragraphs opening with a speaker's name and a colon (``TAPPER:
        Do you think ...?``, ``MR. SMITH: We did nothing wrong.``), each a direct quote of the
        name. Read only where the article is a dialogue: two names or more, one of them taking
        two turns at least or each with a title (``MR.``, ``Sen.``), and a turn that asks a
        question; a newsletter's section labels (``UPDATE:``, ``SHORT READS:``) are neither
        names nor repeated, a listing's fields (``COST:``, ``TICKETS:``) ask nothing, and a
        roundup's datelines (``LONDON:``, ``NEW YORK:``) name places (a country or capital is
        no label) whose paragraphs say neither ``I``, ``we`` nor ``you`` (a turn must).
        ``Q:`` and ``A:`` name no one and are left to the other rules (their annotators read
        them both ways)."""
        turns: list[tuple[int, re.Match[str]]] = []
        for b in self.order:
            text = self.texts[b]
            if text.find(":", 0, 48) < 0:
                continue  # (most paragraphs: no label's colon near the start)
            m = _TURN.match(text)
            if m is not None and _turn_label(m.group("label")):
                turns.append((b, m))
        if len(turns) < 2:
            return
        keys = [_turn_key(m.group("label")) for _, m in turns]
        titled = all(m.group("label").split()[0].rstrip(".").upper() in _TURN_TITLES for _, m in turns)
        if len(set(keys)) < 2 or not (titled or any(keys.count(k) >= 2 for k in set(keys))):
            return
        if not any(_last_visible(self.texts[b], m.end(), len(self.texts[b])) == "?" for b, m in turns):
            return  # a dialogue asks something: not a listing's fields ('COST: $10', 'TICKETS: ...')
        if not any(_PERSON_WORD.search(self.texts[b], m.end()) is not None for b, m in turns):
            return  # people talking say 'I', 'we', 'you': not a roundup by place ('LONDON: Stocks fell.')
        if any(self._attributed_turn(b, m.end()) for b, m in turns):
            return  # a turn that names its own speaker ('CHELSEA: We expect a win, says the coach.'): a roundup
        for b, m in turns:
            text = self.texts[b]
            start, end = _strip_span(text, m.end(), len(text))
            if _fewer_words(text, start, end, 2) or self.busy(b, start, end):
                continue
            label, colon = (b, m.start("label"), m.end("label")), m.end("label")
            self._finish(Candidate("direct", [(b, start, end)], (b, colon, colon + 1), label, rule="transcript_turn"))

    def _attributed_turn(self, b: int, start: int) -> bool:
        """Whether the paragraph after a label, from ``start``, holds an attribution of its own
        after a comma, the writer's words reporting a third person: ``, says the coach.``,
        ``, the coach said.`` (not ``, as I said,``: the speaker's own)."""
        text = self.texts[b]
        for cue in self.cues_in(b, start, len(text)):
            if cue.group() not in SPEECH_VERBS:
                continue
            if _COMMA_END.search(text, start, cue.start()) is not None:
                if _THIRD_PERSON_AFTER.match(text, cue.end()) is not None:
                    return True  # ', says the coach'
                continue
            subject = _SUBJECT_AFTER_COMMA.search(text, start, cue.start())
            if (
                subject is not None
                and _PERSON_WORD.search(subject.group()) is None
                and _CLAUSE_CLOSE_AFTER.match(text, cue.end()) is not None
            ):
                return True  # ', the coach said.'
        return False

    def _broken_off(self, seg: _Segment, nxt: _Segment) -> bool:
        """Whether the quote ``seg`` opens its sentence and breaks off mid-clause (its words end
        with a word, no punctuation), the writer's words inserted after it going on in the same
        sentence to the quote ``nxt``: its first part (``"I doubt the new schedule" -- the one
        the board chose -- "will survive the winter," she says``; ``"If there had not been that
        intervention" by ..., Lee said, "we would ..."``)."""
        b, text = seg.block, self.texts[seg.block]
        if nxt.block != b or text[self.sentence_start(b, seg.open) : seg.open].strip(_INVISIBLE):
            return False
        if not _is_word_char(_last_visible(text, seg.start, seg.end)) or _fewer_words(text, seg.start, seg.end, 3):
            return False
        if not _next_visible(text, seg.start).isupper() or _VERB_AFTER_SUBJECT.match(text, seg.after) is not None:
            return False  # ('"the river's guardian" -- ...', '"The old bridge plan" is dead, ...': the writer's)
        if _SENTENCE_STOP.search(text, seg.after, nxt.open) is not None:
            return False
        return _speechy_quote(text, seg.open, seg.after)

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
                    if self._attributed_paragraph(seg, following[0]):
                        break  # '"A," Lee said. "B' then '"C," Lee said.': B ends with its paragraph
                    cur = following[0]
                    unit.append(cur)
                    chained.add(id(cur))
                    p += 1
                units.append(unit)
        return units

    def _attributed_paragraph(self, seg: _Segment, nxt: _Segment) -> bool:
        """Whether the quote ``seg``, left open at its paragraph's end after the writer's words
        (``"A," Lee said. "B``, ``Lee said: "B``), stops there because the next paragraph's
        opening quote ``nxt`` closes with an attribution of its own (``"C," Lee said.``): that
        paragraph is a quote of its own, and ``B`` the last part of its paragraph's quote. A
        paragraph of quote only (``"B``) runs on as before."""
        if nxt.close is None or not self.texts[seg.block][: seg.open].strip(_INVISIBLE):
            return False
        return self.first("after", After(nxt, ()), record=False) is not None

    def _piece(self, seg: _Segment) -> tuple[int, int, int] | None:
        text = self.texts[seg.block]
        start, end = _strip_span(text, seg.start, seg.end, trailing=",;:—–- ")
        if seg.close is None:
            start, end = _strip_span(text, start, end)
        if end <= start:
            return None
        return seg.block, start, end

    def first(self, kind: AnchorKind, anchor: Anchor, record: bool = True) -> tuple[Rule, Candidate] | None:
        """The first rule of ``kind`` that answers for ``anchor``, with its candidate; None when
        none does or one vetoes it (a veto is recorded in ``trace`` when ``record``)."""
        for rule in self.by_kind[kind]:
            try:
                found = rule.find(self, anchor)
            except Exception as exc:
                block, start, end = _anchor_span(anchor)
                raise PluginError(
                    f"quote rule {rule.name!r} failed on paragraph {block}, characters {start}-{end}: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            if found is None:
                continue
            if isinstance(found, Veto):
                if record and self.trace is not None and not found.quiet:
                    self.trace.append(Dropped(rule.name, found.name, kind, *_anchor_span(anchor)))
                return None
            if not found.rule:
                found.rule = rule.name
            return rule, found
        return None

    def _attribute(self, unit: list[_Segment]) -> Candidate | None:
        first, last = unit[0], unit[-1]
        pieces = tuple(p for p in (self._piece(s) for s in unit) if p is not None)
        if not pieces:
            return None
        if last.close is not None:
            post = self.first("after", After(last, pieces))
            if post is not None:
                found = post[1]
                if len(unit) == 1:
                    b, text = first.block, self.texts[first.block]
                    lo = self.sentence_start(b, first.open)
                    paren = text.rfind("(", lo, first.open)
                    if paren >= 0 and text.find(")", paren, first.open) < 0:
                        lo = paren + 1  # 'drew some blowback ("We want our money back," one wrote)'
                    lead = text[lo : first.open].strip(_INVISIBLE)
                    if lead[:1] in (")", "]"):
                        lead = ""  # 'The song ("Born in the U.S.A.") played ...': a sentence read from a title's stop
                    if len(lead.split()) > 20:
                        # '..., and the group is less likely to be "...," Lee said': a long
                        # sentence's last clause after ', and', ', but' or ';' holds the words
                        clause = _last_coordinate(text, lo, first.open)
                        if clause is not None:
                            lo, lead = clause, text[clause : first.open].strip(_INVISIBLE)
                    if lead and not lead.endswith((":", ",", "—", "–", "―", "-")) and len(lead.split()) <= 20:
                        if self._introduces_next(found, _INTO_QUOTE) and self.cues_in(b, lo, first.open):
                            # 'After Kim said the plan would "cost a fortune," Lee said: "B."': the
                            # attribution introduces B, not the words of the writer's sentence
                            # (with no cue before them, 'The deal is "dead on arrival," Lee told
                            # reporters: "B."', the words are the attribution's all the same)
                            return self._attributed_before(first, pieces)
                        # 'This is a "raw time," said David Axelrod': the quoted words inside a
                        # sentence of the writer's, a mixed quote of that sentence
                        start = _lead_start(text, lo, first.open)
                        said = _said_in(text, start, first.open)
                        if said is not None:
                            start = said  # 'Lee said she felt "..." she said': the words after "said"
                        mixed = self.content(b, text, start, first.after, least=1)
                        if mixed is not None:
                            return Candidate("mixed", [mixed], found.cue, found.speaker, rule=f"{found.rule}+sentence")
                    elif (
                        lead.endswith(",")
                        and _AS_LEAD.match(lead) is None
                        and self._speech_verb_closes(b, lo, first.open)
                        and self._introduces_next(found, _ON_INTO_QUOTE)
                    ):
                        # 'When a man shouted, "Cruz," Beck joked, "B."': the words are the verb's
                        # before them, the attribution after them introduces B
                        pre = self._attributed_before(first, pieces)
                        if pre is not None:
                            return pre
                    elif lead.endswith(",") and text[first.start : first.start + 1].islower():
                        # 'The plan, approved in May, "allows us to grow," Lee said': the speaker's
                        # sentence opened by the writer's words before the mark
                        start = _lead_start(text, lo, first.open)
                        if (
                            _HAS_QUOTE.search(text, start, first.open) is not None
                            or _fewer_words(text, start, first.open, 2)
                            or (_writer_frame(text, start, first.open) and not _words_open_with_verb(text, first.start))
                        ):
                            start = None  # (a connective alone: 'Yet, "..."'; a frame: 'On Monday, "..."')
                        if start is not None:
                            mixed = self.content(b, text, start, first.after, least=1)
                            if mixed is not None:
                                return Candidate(
                                    "mixed", [mixed], found.cue, found.speaker, rule=f"{found.rule}+lead_in"
                                )
                return found
        return self._attributed_before(first, pieces)

    def _attributed_before(self, first: _Segment, pieces: tuple[Piece, ...]) -> Candidate | None:
        """The quote ``first`` opens, attributed by the words before it, or None."""
        before = self._before(first, pieces)
        if before is not None:
            pre = self.first("before", before)
            if pre is not None:
                return pre[1]
        return None

    def _speech_verb_closes(self, b: int, lo: int, open_at: int) -> bool:
        """Whether the words ``texts[b][lo:open_at]`` before a quote mark end with a verb of
        speech and its comma (``When a man in the crowd shouted, "``)."""
        text = self.texts[b]
        cues = self.cues_in(b, lo, open_at)
        return (
            bool(cues) and cues[-1].group() in SPEECH_VERBS and text[cues[-1].end() : open_at].strip(_INVISIBLE) == ","
        )

    def _introduces_next(self, found: Candidate, into: re.Pattern[str]) -> bool:
        """Whether the attribution ``found`` found after quoted words runs into the next quote
        as ``into`` reads the words between (``, Lee said: "B``): it may introduce that quote."""
        if found.cue is None:
            return False
        b = found.cue[0]
        return into.match(self.texts[b], self._attribution_end(found)) is not None

    def next_mark(self, block: int, pos: int) -> int:
        """Where the next quote mark opening a quote at or after ``pos`` stands (or the end)."""
        opens = self.opens[block]
        i = bisect_left(opens, pos)
        return opens[i] if i < len(opens) else len(self.texts[block])

    def _before(self, seg: _Segment, pieces: tuple[Piece, ...]) -> Before | None:
        """Where an attribution before an opening quote mark may stand: the sentence's words
        before it (``X said: "``), or a paragraph ending with a colon before a paragraph that
        opens with the quote."""
        b, text = seg.block, self.texts[seg.block]
        lo = self.sentence_start(b, seg.open)
        if text[lo : seg.open].strip():
            return Before(b, lo, seg.open, pieces)
        pos = self.position[b]
        if text[: seg.open].strip() or pos == 0:
            return None
        prev = self.order[pos - 1]
        ptext = self.texts[prev]
        end = len(ptext.rstrip())
        if not ptext[:end].endswith(":"):
            return None
        return Before(prev, self.sentence_start(prev, end), end, pieces)

    def sentence_start(self, b: int, pos: int) -> int:
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

    def unit_end(self, b: int, open_at: int) -> int:
        """Where the quote opening at ``open_at`` ends, after its closing mark."""
        seg = self.opening[b].get(open_at)
        return seg.after if seg is not None else len(self.texts[b])

    def ends_sentence(self, b: int, open_at: int) -> bool:
        """Whether the quote opening at ``open_at`` runs to its sentence's end."""
        seg = self.opening[b].get(open_at)
        if seg is None:
            return False
        if seg.close is None:
            return True
        text = self.texts[b]
        inner = text[seg.start : seg.end].rstrip(" '’")
        return inner.endswith((".", "?", "!", ",", "…")) or _next_visible(text, seg.after) in ("", ".", "?", "!", ",")

    def clause_opener_before(self, b: int, lo: int, hi: int) -> int | None:
        """The end of the last clause opener (``,``, ``which``, ``when`` ... before a word) that
        stands wholly in ``text[lo:hi]``, or None; the openers of a paragraph are found once."""
        found = self.openers.get(b)
        if found is None:
            matches = list(_CLAUSE_OPENER.finditer(self.texts[b]))
            found = self.openers[b] = ([m.start() for m in matches], [m.end() for m in matches])
        starts, ends = found
        i = bisect_right(ends, hi) - 1
        return ends[i] if i >= 0 and starts[i] >= lo else None

    def _goes_on(self, previous: Candidate, draft: Candidate) -> bool:
        """Whether ``draft`` (a paragraph of quote only) continues ``previous``, a direct or
        mixed quote of the same speaker: the paragraph before ends with ``previous``'s
        attribution after its quoted words (``"A," Lee said.``), the attribution and a clause of
        the writer's with no quote in it (``"A," Lee said, pointing to the map.``), or a next
        part after the attribution (``"A," Lee said. "B."``). Not after a question (``"Where
        were you?" Lee asked her son.`` then ``"At the library."``): the paragraph answers it."""
        if previous.cue is None or previous.speaker != draft.speaker or previous.kind not in ("direct", "mixed"):
            return False
        b = previous.cue[0]
        last = previous.pieces[-1]
        if self.texts[last[0]][last[1] : last[2]].rstrip(_INVISIBLE + "\"”'’").endswith("?"):
            return False
        if b != previous.pieces[-1][0]:
            return True  # a paragraph of quote after one already joined: the quote goes on
        if previous.cue[1] < previous.pieces[-1][2]:
            # '"A," he said. "B."' then a paragraph '"C."': B closes the paragraph
            return not self.texts[b][previous.pieces[-1][2] :].strip(_INVISIBLE + "\"”'’.?!…")
        text, end = self.texts[b], self._attribution_end(previous)
        rest = text[end:].rstrip(_INVISIBLE + ".")
        # '"A," Lee told workers in Ohio.' or '"A," Lee said, pointing to the map.' then '"B."':
        # the attribution's sentence ends the paragraph, with no one else's words and no
        # clause of another subject's in what follows the attribution
        return not rest.strip() or (
            not _stops(rest)
            and _HAS_QUOTE.search(rest) is None
            and not self.another_speaker_in(text, end, len(text))
            and not _listener_replies(text, previous, end)
        )

    def _attribution_end(self, draft: Candidate) -> int:
        """Where ``draft``'s attribution ends in the cue's paragraph: after the cue, the
        speaker and what may follow the verb (``told the host``, ``on Tuesday``)."""
        assert draft.cue is not None
        b, s, e = draft.cue
        text = self.texts[b]
        end = max(e, draft.speaker[2] if draft.speaker else 0)
        return _skip_tail(text, end, len(text), _cue_lemma(text[s:e]))

    def _another_speaker_after(self, previous: Candidate | None) -> bool:
        """Whether the attribution of ``previous`` goes on with another subject's clause to its
        paragraph's end (``"A," Lee said, and her husband interrupted.``): a paragraph of quote
        after it is that subject's, not ``previous``'s speaker going on."""
        if previous is None or previous.cue is None or previous.cue[1] < previous.pieces[-1][2]:
            return False
        b = previous.cue[0]
        return self.another_speaker_in(self.texts[b], self._attribution_end(previous), len(self.texts[b]))

    def _continuation(
        self, unit: list[_Segment], last_speaker: tuple[int, tuple[int, int, int]] | None
    ) -> Candidate | None:
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
        return Candidate("direct", pieces, None, last_speaker[1], rule="continuation")

    def _merge_following(self, draft: Candidate, units: list[list[_Segment]], index: int) -> Candidate | None:
        """``"A," he said, "B."``: the words after the attribution belong to the same quote.
        Returns the speaker's quote in a participle clause after the attribution, when its
        quoted words are the clause's own (``"A," the board said, reasoning that he "did not
        ..."``), or None."""
        if draft.cue is None or draft.cue[1] < draft.pieces[-1][2]:
            return None
        b = draft.pieces[-1][0]
        text = self.texts[b]
        end = self._attribution_end(draft)  # 'he told the host, "..."': past the listener
        for following in range(index + 1, len(units)):
            unit = units[following]
            seg = unit[0]
            if seg.block != b or seg.used:
                return None
            gap = text[end : seg.open]
            if following == index + 1:
                second = self._second_cue_part(draft, unit, end)
                if second is not None:
                    return second  # '"A," Lee said, adding: "B."': B is the second verb's quote
            # a participle clause may stand between: '"A," said X, speaking of Y. "B."'
            participle = _PARTICIPLE_GAP.match(gap)
            if participle is not None and participle.group(1).lower() not in SPEECH_VERBS:
                if _runs_into_mark(gap, participle.end()):
                    if (
                        following == index + 1
                        and _speechy_quote(text, seg.open, seg.after)
                        # (not 'smiling as the crowd chanted "...": another's speech; not 'echoing
                        # Lincoln's "a house divided" speech': a name's words)
                        and not any(_finite_speech_in(gap, m) for m in _CUE.finditer(gap, participle.end(1)))
                        and _NAME_POSSESSIVE_END.search(gap) is None
                    ):
                        clause = self._participle_quote(draft, end + participle.start(1), end + participle.end(1), seg)
                        if clause is not None:
                            self._part_after_tail(draft, units, following, seg)
                        return clause
                    return None
                gap = gap[participle.end() :]  # "speaking of Y", not "adding that ..."
            elif participle is not None and _OWN_PARTICIPLE_GAP.fullmatch(gap):
                gap = ""  # '"A," she said, adding that Y. "B."': her words go on after her own clause
            # "... he said outside the building. But "...": a connective before the next part
            gap = _TRAILING_CONNECTIVE.sub("", gap)
            if _BUT_GAP.fullmatch(gap):
                gap = ""  # '"I love Larry," he said, but "when it comes to energy ..."'
            elif _own_clause_gap(gap):
                gap = ""  # '"A," Lee said, as she toured the site, "and B."': her own clause

            if self.another_speaker_in(text, end, seg.open):
                return None  # '"A," Lee said, and her husband interrupted. "B."': B is his
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
                if len(unit) == 1 and not _stops(gap) and self._part_after_tail(draft, units, following, seg):
                    # '"A," Lee told the Herald after hinting that "staff changes" could come.
                    # "B."': quoted words inside the attribution's sentence, the next part after it
                    return None
                if len(unit) == 1 and self._writer_led_part(text, gap, seg):
                    # '"A," Lee said on Monday. That makes it "a real test for all of us."': the
                    # writer's next sentence leads into her words, which go on
                    p = self._piece(seg)
                    if p is not None:
                        draft.pieces.append(p)
                    seg.used = True
                return None
            if self.busy(b, seg.start, seg.end):
                return None
            last = unit[-1]
            if last.close is not None:
                if self.first("after", After(last, ()), record=False) is not None:
                    return None
                last_text = self.texts[last.block]  # (the quote may end in a later paragraph)
                inner = last_text[last.start : last.end].rstrip()
                after = last_text[last.after :].lstrip()
                if (
                    not inner.endswith((".", "?", "!", "…"))
                    and after[:1] not in ("", ".", "?", "!")
                    and not (inner.endswith(",") and _SUBORDINATE.match(after))
                ):
                    title = not text[end : seg.open].strip() and not _speechy_quote(text, seg.open, seg.after)
                    if len(unit) == 1 and title:
                        # a title inside the attribution, its sentence going on after it: 'said
                        # during an interview on WXYZ's "Morning Show" on Sunday. "B."'
                        end = seg.after
                        continue
                    # (a sentence may end inside a title's closing mark: 'on Fox's "Morning Show." "B')
                    before = text[: seg.open].rstrip(_INVISIBLE + "\"”'’")
                    opens = before.endswith((".", "!", "?")) and inner[:1].isupper()
                    sentence = self.sentence_of(last.block, last.after)
                    tail_end = sentence[1] if sentence is not None else len(last_text)
                    attributed = any(m.group() in SPEECH_VERBS for m in self.cues_in(last.block, last.after, tail_end))
                    # ('"B" is how one aide put it': someone else's words; '"The Best Is Yet to
                    # Come" played as ...': a title, no one's words)
                    attributed = attributed or _PUT_IT_TAIL.search(last_text, last.after, tail_end) is not None
                    no_ones_words = not _speechy_quote(last_text, last.open, last.after)
                    if not opens or attributed or no_ones_words or _fewer_words(inner, 0, len(inner), 6):
                        return None  # a fragment running on into the sentence, not the quote's next part
                    # '"A," she told reporters. "B" and other issues.': the speaker's sentence,
                    # the writer finishing it
            for s in unit:
                p = self._piece(s)
                if p is not None:
                    draft.pieces.append(p)
                s.used = True
            return None
        return None

    def _second_cue_part(self, draft: Candidate, unit: list[_Segment], end: int) -> Candidate | None:
        """The quote's next part ``unit`` when the attribution goes on with a second verb of
        speech that leads straight into it (``_SECOND_CUE_GAP``): ``"A," Lee said, adding:
        "B."``, ``"A," Lee said before adding, "B."``. The second verb is the part's own cue, so
        the part is a direct quote of its own, the same speaker's. Not when the part has an
        attribution of its own (``"B," Kim replied.``), is no one's words (a title), or runs on
        into the writer's sentence (``then warning, "sleeper cells" were active``). (A clause
        between, ``, adding that the vote was close. "B."``, keeps the part joined: the folds
        held out read it either way.)"""
        first, last = unit[0], unit[-1]
        b, text = first.block, self.texts[first.block]
        if draft.cue is None or draft.speaker is None:
            return None
        m = _SECOND_CUE_GAP.fullmatch(text, end, first.open)
        if m is None:
            # (the attribution's tail may have taken the verb: 'Lee said before adding: "B."')
            said_end = max(draft.cue[2], draft.speaker[2] if draft.speaker[0] == b else 0)
            m = _SECOND_CUE_GAP.fullmatch(text, said_end, first.open)
        if m is None or m.group("verb").lower() not in _SECOND_CUES:
            return None
        if any(self.busy(s.block, s.start, s.end) for s in unit) or not _speechy_segment(text, first):
            return None
        if last.close is not None:
            if self.first("after", After(last, ()), record=False) is not None:
                return None  # '"A," Lee said, adding, "B," and Kim replied ...': B's own attribution
            last_text = self.texts[last.block]
            inner = last_text[last.start : last.end].rstrip()
            after = last_text[last.after :].lstrip()
            if not inner.endswith((".", "?", "!", "…")) and after[:1] not in ("", ".", "?", "!"):
                return None  # ('then warning, "sleeper cells" were active': words in the writer's sentence)
        pieces = [p for p in (self._piece(s) for s in unit) if p is not None]
        if not pieces:
            return None
        for s in unit:
            s.used = True
        cue = (b, m.start("verb"), m.end("verb"))
        return Candidate("direct", pieces, cue, draft.speaker, rule=f"{draft.rule}+second_cue")

    def _part_after_tail(self, draft: Candidate, units: list[list[_Segment]], following: int, seg: _Segment) -> bool:
        """Join the quote after the attribution's sentence to ``draft`` when quoted words ``seg``
        stand inside that sentence (``, pointing to the "new plan" on the wall. "B."``, ``after
        hinting that "staff changes" could come. "B."``): the sentence goes on after ``seg``
        with no speech verb and no quote mark to its stop, and the next quote opens right after
        it, a sentence of its own, someone's words, with no attribution of its own. Whether it
        joined."""
        b, text = seg.block, self.texts[seg.block]
        if seg.close is None or following + 1 >= len(units):
            return False
        nxt = units[following + 1][0]
        sentence = self.sentence_of(b, seg.after - 1)
        if nxt.block != b or nxt.used or sentence is None or sentence[1] > nxt.open:
            return False
        stop = sentence[1]
        if text[stop : nxt.open].strip(_INVISIBLE) or _last_visible(text, seg.after, stop) not in (".", "!", "?"):
            return False  # (the sentence must end before the next mark, nothing between)
        if _HAS_QUOTE.search(text, seg.after, stop) is not None:
            return False
        if any(m.group() in SPEECH_VERBS for m in self.cues_in(b, seg.after, stop)):
            return False  # ('..., after hinting that "changes" could come, an aide said.')
        last = units[following + 1][-1]
        if not text[nxt.start : nxt.end].lstrip()[:1].isupper() or not _speechy_segment(text, nxt):
            return False
        if last.close is not None and self.first("after", After(last, ()), record=False) is not None:
            return False  # its own attribution: '"B," Kim replied.'
        if any(self.busy(s.block, s.start, s.end) for s in units[following + 1]):
            return False
        for s in units[following + 1]:
            piece = self._piece(s)
            if piece is not None:
                draft.pieces.append(piece)
            s.used = True
        return True

    def _unquoted_rest(self, draft: Candidate) -> None:
        """``"It's our bad luck," he said, that both men had ties to the mosque.``, ``"Only
        you," she said, would use the occasion ...``: a quote of one part, closing on a comma
        before its attribution, whose sentence goes on after the attribution with ``that`` or a
        modal (``_GOES_ON_UNQUOTED``) and no quote marks: the speaker's sentence, finished in the
        writer's words, is the quote's next part (the quote ``mixed``)."""
        if draft.kind != "direct" or len(draft.pieces) != 1 or draft.cue is None:
            return
        b, start, end = draft.pieces[0]
        text = self.texts[b]
        if draft.cue[0] != b or draft.cue[1] < end or _next_visible(text, end) != ",":
            return  # (the words end with their comma before the mark: '"A," he said')
        if _GOES_ON_UNQUOTED.search(text, draft.cue[2], draft.cue[2] + 160) is None:
            return  # (most attributions: nothing of the kind after them)
        if text[self.sentence_start(b, start) : start].strip(_INVISIBLE + "\"“'‘"):
            return
        after = self._attribution_end(draft)
        m = _GOES_ON_UNQUOTED.match(text, after)
        if m is None:
            return
        sentence = self.sentence_of(b, m.end())
        stop = sentence[1] if sentence is not None else len(text)
        if _HAS_QUOTE.search(text, m.end(), stop) is not None or self.busy(b, m.end(), stop):
            return
        piece = self.content(b, text, m.start("word"), stop, least=3)
        if piece is not None:
            draft.pieces.append(piece)
            draft.kind = "mixed"
            draft.rule = f"{draft.rule}+unquoted_rest"

    def _lead_in(self, draft: Candidate) -> None:
        """``If the plan fails, she said, "we will start again."``, ``The firm's new
        chief, Lee said, "has done well."``: an attribution set off by commas inside a sentence
        the writer opened, the quote going on in lower case right after it: the writer's words
        before the attribution open the speaker's sentence and are the quote's first part (the
        quote ``mixed``). Not a connective alone (``But, he said, "..."``: two words at least),
        and only the last clause before the attribution (``..., including, he said, "..."``)."""
        if draft.kind != "direct" or draft.cue is None or not draft.pieces:
            return
        b, start, _end = draft.pieces[0]
        text = self.texts[b]
        if draft.cue[0] != b or draft.cue[2] > start or not text[start : start + 1].islower():
            return
        attribution, cue_end = draft.cue[1], draft.cue[2]
        if draft.speaker is not None and draft.speaker[0] == b:
            attribution, cue_end = min(attribution, draft.speaker[1]), max(cue_end, draft.speaker[2])
        if self._join_promised_words(draft, text, cue_end, start):
            return
        if text[self._attribution_end(draft) : start].strip(_INVISIBLE + "\"“'‘") != ",":
            return  # ('he said, "...', not 'he said that "...' nor 'he said: "...')
        lead_end = len(text[:attribution].rstrip(_INVISIBLE))
        if text[lead_end - 1 : lead_end] != ",":
            return
        lo = _last_lead_clause(text, self.sentence_start(b, attribution), lead_end - 1)
        if lo is not None and _writer_frame(text, lo, lead_end) and not _words_open_with_verb(text, start):
            lo = None  # the writer's frame ('Asked about the delay, Lee said, "..."')
        piece = self.content(b, text, lo, lead_end, least=2) if lo is not None else None
        if piece is not None:
            draft.pieces.insert(0, piece)
            draft.kind = "mixed"
            draft.rule = f"{draft.rule}+lead_in"

    def _join_promised_words(self, draft: Candidate, text: str, cue_end: int, start: int) -> bool:
        """``Lee pledged to oppose the tax "today, tomorrow, forever."``: after a verb of
        commitment (promise, pledge, vow), its infinitive and object running into quoted words
        in lower case are the quote's first part (``+object``, the quote ``mixed``): joins them to
        the draft. True when the words between the attribution and the mark are such an
        infinitive (``rules_reported._promised_infinitive``: not a listener, ``pledged to the
        crowd "..."``), so no lead-in is looked for."""
        between = text[cue_end:start].strip(_INVISIBLE + "\"“'‘")
        if draft.cue is None or not _promised_infinitive(between):
            return False
        if _cue_lemma(text[draft.cue[1] : draft.cue[2]]) not in _COMMISSIVES:
            return False
        if _stops(between + " ") or "," in between:
            return True
        words = self.content(draft.pieces[0][0], text, cue_end, len(text[:start].rstrip(_INVISIBLE + "\"“'‘")), least=2)
        if words is not None and _HAS_QUOTE.search(text, words[1], words[2]) is None:
            draft.pieces.insert(0, words)
            draft.kind = "mixed"
            draft.rule = f"{draft.rule}+object"
        return True

    def another_speaker_in(self, text: str, lo: int, hi: int) -> bool:
        """Whether the gap ``text[lo:hi]`` after an attribution, before the quote's next part,
        holds a clause of another subject who can speak, after ``, and`` or ``;`` (``, and her
        husband interrupted.``): the words after it are that subject's, not the speaker's going
        on.
        A pronoun subject may be the speaker (``, and she smiled.``)."""
        for m in _AND_CLAUSE.finditer(text, lo, hi):
            found = self.subject_verb(text, m.end(), hi)
            if found is None or text[found[0][0] : found[0][1]].lower() in PRONOUNS:
                continue
            if _STATE_AFTER.match(text, found[1].end()) is not None and found[1].group("verb") in _LINKING_VERBS:
                continue  # ', and the state went blue.': a condition of the subject's, no turn taken
            return True
        return False

    def _participle_quote(self, draft: Candidate, cue_start: int, cue_end: int, seg: _Segment) -> Candidate | None:
        """The speaker's mixed quote in the participle clause ``text[cue_start:]`` after an
        attribution, its words from the participle's object to the end of its sentence
        (``reasoning that he "did not have to take any steps."``)."""
        b, text = seg.block, self.texts[seg.block]
        sentence = self.sentence_of(b, seg.open)
        stop = max(seg.after, sentence[1] if sentence is not None else seg.after)
        words = self.content(b, text, cue_end, stop, least=1)
        if words is None or self.kind_of(text, words) != "mixed":
            return None
        seg.used = True
        return Candidate("mixed", [words], (b, cue_start, cue_end), draft.speaker, rule=f"{draft.rule}+participle")

    def _writer_led_part(self, text: str, gap: str, seg: _Segment) -> bool:
        """Whether ``seg`` is a quote's next part led into by the writer's next sentence: the
        ``gap`` before it finishes the attribution's sentence, then opens a short sentence of
        no speech of its own (``. That makes it``, ``. It is``), and the quoted words, someone's
        words, end that sentence with no attribution of their own."""
        if seg.close is None or self.busy(seg.block, seg.start, seg.end):
            return False
        last_stop = None
        for m in _SENTENCE_STOP.finditer(gap):
            last_stop = m
        if last_stop is None:
            return False
        head, tail = gap[: last_stop.start() + 1], gap[last_stop.end() :].lstrip()
        if not _stops(head + " ") or (head.strip(" .") and not _rest_of_attribution(head)):
            return False  # (an abbreviation's dot ends no sentence: 'adding of Mr. Lee, "B."')
        if not tail[:1].isupper() or _stops(tail) or not _fewer_words(tail, 0, len(tail), 13):
            return False
        if _CUE.search(tail) is not None:
            return False  # 'Critics call it "a bluff."': a verb of naming frames the words
        if any(w.lower() in _NAMING_NOUNS for w in _WORD.findall(tail)):
            return False  # 'Her slogan is "Ready for anything."': a phrase the noun names
        if _fewer_words(text, seg.start, seg.end, 3):
            return False  # 'The team is "ready."': a scare quote, not her words going on
        start = seg.open - len(tail)
        if self.subject_verb(text, start, seg.open) is not None:
            return False  # 'She wants the council "to act now."': the fragment rules' own quote
        inner = text[seg.start : seg.end].rstrip(" '’")
        if not inner.endswith((".", "?", "!")) and _next_visible(text, seg.after) not in ("", ".", "?", "!"):
            return False
        if not _speechy_quote(text, seg.open, seg.after):
            return False
        return self.first("after", After(seg, ()), record=False) is None

    def _finish(self, draft: Candidate) -> None:
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
            cues = self.cues(b)
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

    def reported_goes_on(self) -> None:
        """``Lee said she would stay in the race.`` then a paragraph that is only a quote with
        no attribution of its own: the reported words go on in it (the quote's next part; the
        quote ``mixed``), as a direct quote goes on in the paragraph after its attribution.
        Reported words holding quoted words of their own (``saying she had "never lost ..."``)
        go on as well; run after the reported pass and again after the fragment rules."""
        for draft in self.drafts:
            if draft.kind not in ("indirect", "mixed") or draft.speaker is None or len(draft.pieces) != 1:
                continue
            b, _, end = draft.pieces[0]
            text = self.texts[b]
            pos = self.position[b] + 1
            if text[end:].strip(" .:") or pos >= len(self.order):  # ('... said that given the field:')
                continue
            nb = self.order[pos]
            segs = self.segments.get(nb)
            if not segs or segs[0].used or segs[0].close is None:
                continue
            if not self.texts[nb][: segs[0].open].strip(_INVISIBLE) and not self._lone_question(nb, segs[0]):
                self._reported_part(draft, segs[0], "paragraph_after", take=True)

    def _lone_question(self, b: int, seg: _Segment) -> bool:
        """Whether the quote ``seg`` is one sentence, a question (``"Will she really stay?"``):
        a paragraph of a question alone after reported words is someone asking about them,
        not the speaker going on."""
        text = self.texts[b]
        inner = text[seg.start : seg.end].rstrip(" '’")
        return (
            inner.endswith("?")
            and _SENTENCE_STOP.search(inner, 0, len(inner) - 1) is None
            and _ASKS_OF_THIRD.match(inner) is not None
        )

    def _quote_after_reported(self, b: int, text: str, draft: Candidate) -> None:
        """``Lee said she would stay in the race. "We are in it to the end."``: a quote filling
        the rest of the paragraph right after reported words that end their sentence, with no
        attribution of its own, goes on with them (the quote's next part; the quote ``mixed``)."""
        if draft.kind not in ("indirect", "mixed") or draft.speaker is None or len(draft.pieces) != 1:
            return  # (mixed: 'Lee said the "experts" were wrong. "They never came to look."')
        _, _, end = draft.pieces[-1]
        if draft.cue is not None and draft.cue[0] == b and draft.cue[1] > end:
            end = self._attribution_end(draft)  # 'Lee plans to stay, her aide says. "..."'
        m = _QUOTE_NEXT.match(text, end)
        if m is None:
            return
        seg = self.opening[b].get(m.end())
        if seg is not None and _speechy_segment(text, seg):
            # (not 'Lee said the plan was sound. "Make America Great Again."': a slogan or title)
            self._reported_part(draft, seg, "quote_after", take=False)

    def _reported_part(self, draft: Candidate, seg: _Segment, name: str, *, take: bool) -> None:
        """Append ``seg`` to the reported words of ``draft`` as their next part (the quote
        ``mixed``, its rule name with ``+name``) when it is a whole sentence of quote, of at
        least three words, filling the rest of its paragraph, not yet taken; ``take`` marks
        its span taken (the draft is already finished)."""
        text = self.texts[seg.block]
        if seg.close is None or seg.used or text[seg.after :].strip(_INVISIBLE):
            return
        inner = text[seg.start : seg.end].strip()
        if not inner[:1].isupper() or not inner.endswith((".", "?", "!", "…")):
            return
        if self.busy(seg.block, seg.start, seg.end):
            return
        piece = self._piece(seg)
        if piece is None or _fewer_words(text, piece[1], piece[2], 3):
            return
        seg.used = True
        draft.pieces.append(piece)
        if take:
            self.take(*piece)
        draft.kind = "mixed"
        draft.rule = f"{draft.rule}+{name}"

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
        prev_speaker: Piece | None = None
        known = self.cue_index.get(b, [])
        i = bisect_left(known, e, key=lambda c: c[0])
        if i and known[i - 1][0] >= s:
            prev_speaker = known[i - 1][1]  # '"...," X said, adding that ...'
        if e - s > 3000:
            e = s + 3000  # a runaway sentence: the rules read its first 3,000 characters
        for cue in cues:
            if cue.start() >= e:
                return  # (past the first 3,000 characters)
            w = cue.group()
            start, end = cue.start(), cue.end()
            kind: AnchorKind = "cue"
            if w.lower() == "according":
                to = _TO.match(text, end)
                if to is None:
                    continue
                end, kind = to.end(), "according"
            elif self.busy(b, start, end) or self._in_quote(b, start):
                continue
            elif w.endswith("ing"):
                progressive = _PROGRESSIVE.search(text, max(s, start - 40), end)
                if progressive is not None:
                    start = progressive.start()  # "Trump is promising ...", "He's claiming ...": a finite verb
            found = self.first(kind, CueAt(b, s, e, start, end, w, prev_speaker))
            if found is None:
                continue
            rule, draft = found
            self._quote_after_reported(b, text, draft)
            self._finish(draft)
            prev_speaker = draft.speaker
            if draft.pieces[-1][2] >= e - 2:
                return
            if rule.ends_sentence and not sentence_goes_on(
                text, max(p[2] for p in (*draft.pieces, draft.speaker or draft.pieces[-1])), e
            ):
                return

    def content(self, b: int, text: str, start: int, end: int, least: int = 3) -> Piece | None:
        """The reported words ``text[start:end]`` trimmed, cut where a quote already found
        starts, or None when they start inside one or hold fewer than ``least`` words."""
        start, end = _strip_span(text, start, end, trailing=",;:—–-. ")
        if _inside_quote(text, start, end) and _opens_quote(text, start, end):
            end = _quote_close(text, end)  # 'because, "In the end, we ... somebody."': to its close
        spans = self.taken.get(b, [])
        i = bisect_right(spans, (start, 1 << 62))
        if i and spans[i - 1][1] > start:
            return None  # the words start inside a quote already found
        if i < len(spans) and spans[i][0] < end:
            end = spans[i][0]  # and stop where the next one starts
            tail = _TRAILING_CONJUNCTION.search(text, start, end)
            if tail is not None and _PARTICIPLE_AT.match(text, end):
                end = tail.start()  # '..., saying it was a "disaster" and asking, "..."': not 'and'
        start, end = _strip_span(text, start, end, trailing=",;:—–-. ")
        if end - 1 > start and (text[end - 1] == "“" or (text[end - 1] == '"' and text[end - 2].isspace())):
            start, end = _strip_span(text, start, end - 1, trailing=",;:—–-. ")  # a quote cut off
        if _fewer_words(text, start, end, least):
            return None
        return b, start, end

    def kind_of(self, text: str, piece: Piece) -> str:
        """``mixed`` when the words hold quote marks, else ``indirect``."""
        _, s, e = piece
        return "mixed" if _two_double_marks(text, s, e) else "indirect"

    def kind_of_all(self, text: str, pieces: Sequence[Piece]) -> str:
        """``mixed`` when any of the pieces holds quote marks, else ``indirect``."""
        return "mixed" if any(self.kind_of(text, p) == "mixed" for p in pieces) else "indirect"

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
                # (``_speechy_quote(text, qs, qe)`` reads just this match again)
                if self.busy(b, qs, qe) or not _speechy_match(m):
                    continue
                sent = self.sentence_of(b, qs)
                if sent is None:
                    continue
                found = self.first("quoted", Quoted(b, *sent, qs, qe))
                if found is not None:
                    self._finish(found[1])
        # their mixed quotes go on in a next paragraph of quote as reported words do (drafts
        # already read there keep their parts: a second reading joins nothing new)
        self.reported_goes_on()

    def subject_verb(
        self, text: str, start: int, limit: int, copula: bool = False, any_subject: bool = False
    ) -> tuple[tuple[int, int], re.Match[str]] | None:
        """The subject starting at ``start`` and the finite verb after it, before ``limit``,
        when the subject can speak: ``Mayor Jane Doe blamed``, ``She has long admired``; with
        ``copula``, also ``The board was blunt``; with ``any_subject``, any noun phrase (the
        caller has other evidence that it speaks)."""
        np = _np_after(text, start, limit)
        if np is None:
            return None
        apposition_verb = _APPOSITION_VERB.search(text, np[0], np[1])
        # "Ann Lee, a lawyer, welcomed": to the comma; "Trump openly admires Putin": the name
        np = (np[0], apposition_verb.start()) if apposition_verb is not None else _trim_subject(text, *np)
        verb = _FRAGMENT_VERB.match(text, np[1] + (apposition_verb is not None), limit)
        if verb is None and apposition_verb is None:
            verb = _verb_closing_subject(text, np, limit)  # "; the mayor left.": a subject and its verb
            if verb is not None:
                np = (np[0], verb.start())
        if not any_subject and not _can_speak(text[np[0] : np[1]]):
            return None
        if verb is None:
            return None
        if not _finite(verb.group("verb"), verb.group("aux")) and not (copula and verb.group("verb") in _COPULAS):
            return None
        if _adverb_participle(text, start, np, verb.end()):
            return None  # "Widely derided by politicians, ...": an adverb, not a subject
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

    def _common_word(self, word: str) -> bool:
        """Whether ``word`` (capitalised at a sentence's start) is written in lower case
        elsewhere in the article: a common word then, not a name."""
        low = word.lower()
        found = self.common_words.get(low)
        if found is None:
            # (asked of a few words an article: cheaper than collecting every lower-case word)
            found = self.common_words[low] = any(_holds_word(t, low) for t in self.texts.values())
        return found


_TURN_TITLE_WORDS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Rev")
"""The titles a transcript's label may open with, written in capitals (``MR.``, ``SEN``) or
as abbreviations (``Mr.``, ``Sen.``)."""
_TURN_TITLES = frozenset(title.upper() for title in _TURN_TITLE_WORDS)
_TURN = re.compile(
    r"[\s\ufeff]*(?P<label>(?:(?:"
    + "|".join(t.upper() for t in _TURN_TITLE_WORDS)
    + r")\.?\s+|(?:"
    + "|".join(_TURN_TITLE_WORDS)
    + r")\.\s+)?"
    r"[A-Z][A-Za-z'’-]*(?:\s+[A-Z][A-Z'’-]+){0,2}):\s+(?=\S)"
)
"""A transcript turn's label at a paragraph's start: a name in capitals (``TAPPER``, ``JAKE
TAPPER``) or a title and a name (``MR. SMITH``, ``Sen. Lee``); then a colon."""


def _turn_label(label: str) -> bool:
    """Whether a turn's label can name a speaker: a title and a name, or a name in capitals of
    three letters or more that is not a section label (``UPDATE``, ``BOOM``) nor a country or
    capital (a dateline: ``WASHINGTON``)."""
    words = label.split()
    if words[0].rstrip(".").upper() in _TURN_TITLES and len(words) > 1:
        return words[-1][:1].isupper()
    from articlekit.enrich.sources import places  # (here: sources reads the quotes package)

    if label.lower() in places():
        return False  # a dateline: 'WASHINGTON:', 'SEOUL:'
    return all(w.isupper() and len(w) >= 3 and w.lower() not in _SECTION_LABELS for w in words)


def _turn_key(label: str) -> str:
    """Who a turn's label names, for counting turns: its last word (``JAKE TAPPER`` and
    ``TAPPER`` are one speaker), in capitals."""
    return label.split()[-1].upper()


_ASKS_OF_THIRD = re.compile(r"(?:Will|Would|Can|Could|Does|Did|Is|Was|Has|Had|Should|Must)\s+(?:he|she|they|it)\b")
"""A question about a third person opening with its auxiliary (``Will she really stay?``)."""
_NAMING_NOUNS = word_list("naming_nouns")
"""Nouns naming a fixed phrase (``slogan``, ``headline``, ``nickname``): quoted words after
one are that phrase, not a speaker's words going on (``lexicons/naming_nouns.txt``)."""
_PERSON_WORD = re.compile(r"\b(?:I|I'm|I’m|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Yy]our|me|us)\b")
"""A word of the first or second person: people in a dialogue speak so."""
_COMMA_END = re.compile(r",\s*$")
"""A comma closing the words before a speech verb: ``..., says the coach``."""
_THIRD_PERSON_AFTER = re.compile(r"\s+(?!(?:I|we|you)\b)(?:the\s+|a\s+|[A-Z])")
"""A speaker of the third person after an inverted speech verb: `` the coach``, `` Lee``."""
_SUBJECT_AFTER_COMMA = re.compile(r",\s+(?:[\w.'’-]+\s+){1,3}$")
"""One to three words between a comma and a speech verb: the subject of ``, the coach said``."""
_CLAUSE_CLOSE_AFTER = re.compile(r"\s*[.,;!?]")
"""The end of an attribution's clause right after its verb."""
_SECTION_LABELS = word_list("headline_labels")


_QUOTE_NEXT = re.compile(r"(?:[.!?]|\s+(?:—|–|--))?\s+(?=[\"“‘']|'')")
"""The end of reported words' sentence (or a dash after them) and the white space before a
quote opening the next: ``. "``, `` — "``, ``. ‘``."""
_VERB_AFTER_SUBJECT = re.compile(
    r"\s*(?:"
    + "|".join(sorted((word_list("auxiliaries") | word_list("aux_words")) - {"be"}))
    + r"|remains|remained|seems|seemed|became|becomes)\b"
)
"""A finite verb right after quoted words: they are the subject of the writer's clause."""
_GOES_ON_UNQUOTED = re.compile(
    r",\s+(?P<word>that(?!\s+(?:much|is|was|'s|’s|day|night|morning|afternoon|evening|week|month|year|time"
    rf"|{alternation('weekday_names')})\b)|(?:would|will|could|can|should|must|might|may)(?!\s+be\b))\s"
)
"""The speaker's sentence going on after the attribution in the writer's words: ``, that``
opening a clause, ``, would`` and a verb. Not ``, that much was clear`` (the writer's
comment), nor ``, that day in court`` (a time: the writer's adverbial), nor a form of ``be``
(``, would be her epitaph``: the quote the subject of the writer's sentence)."""
_AND_CLAUSE = re.compile(r"(?:,\s+and|;)\s+")
"""Where a clause of its own may open in an attribution's gap: after ``, and`` or ``;``."""
_LINKING_VERBS = word_list("linking_verbs")
_STATE_AFTER = re.compile(
    r"\s+(?!(?:"
    + alternation("not_content_openers")
    + "|"
    + alternation("directional_particles")
    + r"|the|an?|his|its|their|our|my|your|[a-z]+ly)\b)[a-z]+\b"
)
"""A word after a linking verb that may be its adjective: not a preposition, a determiner or
a pronoun (``went to the podium``, ``turned to her``: the subject moves, and may speak next),
nor a particle or adverb of direction (``went back``, ``turned away``, ``went further``) or an
adverb in ``-ly`` (``turned quickly``), which say how the subject moved."""
_NAME_POSSESSIVE_END = re.compile(r"\b[A-Z][\w.-]*['’]s\s*$")
"""A name's possessive closing a gap before a quote mark (``Lincoln's "``): the name's words."""
_SENTENCE_STOP = re.compile(r"[.!?](?=\s)")
"""A sentence's end inside a gap, before the next sentence's first word."""
_COORDINATE = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+")


def _last_coordinate(text: str, lo: int, hi: int) -> int | None:
    """Where the last clause after ``, and``, ``, but``, ``, while`` or ``;`` in
    ``text[lo:hi]`` starts, or None when there is none."""
    found = None
    for m in _COORDINATE.finditer(text, lo, hi):
        found = m.end()
    if found is None:
        for m in _AND_NEW_CLAUSE.finditer(text, lo, hi):
            found = m.end()
    return found


_CLAUSE_AUX = r"(?:will|would|could|can|may|might|must|should|has|have|had|is|are|was|were)\b"
_AND_NEW_CLAUSE = re.compile(
    r"\s+(?:and|but)\s+(?=(?:it|he|she|they|we|I)\s+(?:" + _CLAUSE_AUX + r"|[a-z]+(?:ed|s)\b)"
    r"|(?:that|this)(?:\s+[a-z]+)?\s+(?:" + _CLAUSE_AUX + r"|[a-z]+ed\b))"
)
"""``and`` or ``but`` with no comma before a clause of its own, a pronoun subject and its verb
(``the race turned negative and that will take time to "cool off," Lee said``), or ``this`` or
``that`` with a noun and its auxiliary or past verb (``and this bus was ...``: not ``bus``
read as a verb in ``-s``)."""


_BEFORE_ADJECTIVE = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|our|my|your)|['’]s)\s+$", re.IGNORECASE)


def _finite_speech_in(gap: str, cue: re.Match[str]) -> bool:
    """Whether the cue word ``cue`` in ``gap`` is a speech verb of a clause of its own (``as the
    crowd chanted``), not an adjective after a determiner or possessive (``the congressman's
    alleged``)."""
    return cue.group() in SPEECH_VERBS and _BEFORE_ADJECTIVE.search(gap, 0, cue.start()) is None


_SECOND_CUE_GAP = re.compile(
    r"\s*(?:,\s*|(?:and\s+then|then|before|and)\s+)(?:(?:also|then|later|again)\s+)?(?P<verb>[a-z]+ing)\s*[:,]\s*"
)
"""The end of an attribution that goes on with a second verb of speech in ``-ing`` leading
straight into the quote's next part: ``, adding: ``, `` before adding: ``, ``, adding, ``."""

_SECOND_CUES = frozenset(w for w in SPEECH_VERBS if w.endswith("ing")) - {
    "sing", "singing", "chanting", "reading", "citing", "continuing", "posting", "tweeting", "retweeting", "repeating",
}  # fmt: skip
"""The ``-ing`` forms of speech verbs that open a quote's next part after an attribution; not
those whose words are a song, a text or a repeat (``, reading: "..."`` quotes a sign)."""


def _runs_into_mark(gap: str, end: int) -> bool:
    """Whether the clause ``gap[:end]`` runs on to the next part's opening mark, which closes
    ``gap``, with no punctuation between: the quoted words are the clause's own (``, going on
    to detail a series of other "gifts."``, ``, reasoning that he "did not ..."``), not the
    quote's next part after it (``, speaking of the plan. "B."``, ``, speaking of the plan,
    "and B."``)."""
    return not gap[end:].strip() and _is_word_char(_last_visible(gap, 0, end))


def _is_word_char(ch: str) -> bool:
    r"""Whether ``ch`` is a word character as ``\w`` reads it (a letter, a digit, ``_``)."""
    return ch.isalnum() or ch == "_"


def _holds_word(text: str, word: str) -> bool:
    r"""Whether ``word`` (not empty) stands in ``text`` between word boundaries: exactly
    ``re.search(r"\b" + re.escape(word) + r"\b", text)``, without compiling a pattern for each
    word (a compilation costs more than the search). A boundary stands where a word character
    and another character (or the text's edge) meet."""
    first, last = _is_word_char(word[0]), _is_word_char(word[-1])
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        before = i > 0 and _is_word_char(text[i - 1])
        after = end < len(text) and _is_word_char(text[end])
        if before != first and after != last:
            return True
        i = text.find(word, i + 1)
    return False


def _verb_closing_subject(text: str, np: tuple[int, int], limit: int) -> re.Match[str] | None:
    """The simple past closing a noun phrase read forwards when nothing verb-like follows it
    (``the mayor left.``, ``the crowd cheered``): a subject and its finite verb, the clause
    the noun phrase reader took for one phrase. Only a past form (``-ed`` or a strong past) of
    no noun's spelling, after at least a determiner and a noun; the match is the verb's, as
    ``_FRAGMENT_VERB`` gives it."""
    words = list(_WORD.finditer(text, np[0], np[1]))
    if len(words) < 3:
        return None
    last = words[-1]
    word = last.group()
    if not word.islower() or word in _NOT_VERBS or not (word.endswith("ed") or word in _STRONG_PAST):
        return None
    head = text[np[0] : last.start()].rstrip()
    verb = _FRAGMENT_VERB.match(text, np[0] + len(head), limit)
    return verb if verb is not None and verb.start("verb") == last.start() else None


_WHO_CLAUSE = re.compile(r"\s*,\s+who\s+(?:\w+ly\s+)?[a-z]")
"""``, who`` and a verb: a relative clause of the word before."""


def _listener_replies(text: str, previous: Candidate, end: int) -> bool:
    """Whether the attribution of ``previous`` names its listener after the verb and a relative
    clause of the listener's follows (``"Get out," the officer told the driver, who refused.``):
    a paragraph of quote after it may be the listener's answer, not the speaker going on. Not
    the speaker's own relative clause after an inverted attribution (``said Lee, who chairs
    ...``)."""
    assert previous.cue is not None
    speaker_before = previous.speaker is not None and previous.speaker[2] <= previous.cue[1]
    return speaker_before and end > previous.cue[2] and _WHO_CLAUSE.match(text, end) is not None
