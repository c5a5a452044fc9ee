"""The finder: the passes over an article's paragraphs that turn anchors (quoted units, speech cues,
quoted words) into quotes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence

from attrs import define, field

from articlekit.enrich.lexicon import (
    CHARACTERISING_VERBS,
    NEEDS_THAT,
    OBJECT_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
)
from articlekit.enrich.quotes.clauses import (
    _ACCORDING_AFTER,
    _ACCORDING_BEFORE,
    _AFTER_QUOTED_COMMA,
    _APPOSITION_VERB,
    _AS_BEFORE,
    _AUX_AFTER,
    _AUXILIARIES,
    _BUT_GAP,
    _BY_GERUND,
    _CLAUSE_OPENER,
    _COMMA_SPACE,
    _COPULAS,
    _DASH,
    _FINITE_AFTER,
    _FRAGMENT_LEAD,
    _FRAGMENT_VERB,
    _HEAD_OF_PP,
    _INTRO_PARTICIPLE,
    _INVERTED_LEAD,
    _LEAD_DASH,
    _LISTENER_THAT,
    _MODAL,
    _NEW_CLAUSE,
    _NOUN_BEFORE,
    _ONLY_END,
    _OPENS_CLAUSE,
    _OWN_CLAUSE,
    _OWN_PARTICIPLE_GAP,
    _PARTICIPLE_GAP,
    _PAST_VERB,
    _PROGRESSIVE,
    _RELATIVE_GAP,
    _RUNS_ON,
    _SHARED_AND,
    _SHORT_TAIL,
    _STRONG_PAST,
    _SUBORDINATE,
    _THAT,
    _THIS_COLON,
    _TO,
    _TRAILING_CLAUSE,
    _TRAILING_CONNECTIVE,
    _VERB_LAST,
    _WHO,
    _after_last_quote,
    _clause_end,
    _finite,
    _head_start,
    _lead_start,
    _ok_lead,
    _rest_of_attribution,
    _said_in,
    _sentence_subject,
    _shared_before,
    _speaker_mid,
    _subject_start,
)
from articlekit.enrich.quotes.context import _context, _skip_tail
from articlekit.enrich.quotes.marks import (
    _DOUBLE_MARKS,
    _HAS_QUOTE,
    _INVISIBLE,
    _PREPOSITIONS,
    _QUOTED,
    _after_last_mark,
    _comma_outside_quotes,
    _inside_quote,
    _opens_quote,
    _primary_marks,
    _quote_close,
    _Segment,
    _segments,
    _speechy_quote,
    _style,
)
from articlekit.enrich.quotes.mention import (
    _ADJECTIVE_ENDINGS,
    _APPOSITION_AFTER,
    _INTRO_WORDS,
    _NO_SUBJECT,
    _PARTICIPLE_AFTER,
    _can_speak,
    _is_label,
    _np_after,
    _np_before,
    _plausible_subject,
    _title_words,
    _trim_subject,
)
from articlekit.enrich.quotes.tokens import (
    _CUE,
    _PARENS,
    _WORD,
    _cue_lemma,
    _is_cap,
    _stops,
    _strip_span,
    _Tok,
    sentences,
)


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
