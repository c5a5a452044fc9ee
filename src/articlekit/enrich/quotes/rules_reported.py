"""Rules for reported speech, each read at a speech cue of a sentence: ``according to X``, a
characterising verb with the speaker's own words (``called the plan "a disaster"``), a
participle opening or continuing a clause (``Bemoaning ...,``, ``..., saying that``), and a
speech verb with its speaker (``X said (that) ...``, ``..., X said.``, ``A, X said, B``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from attrs import evolve

from articlekit.enrich.lexicon import (
    CHARACTERISING_VERBS,
    DETERMINERS,
    GROUP_NOUNS,
    NEEDS_THAT,
    OBJECT_VERBS,
    ORG_WORDS,
    PRONOUNS,
    SPEECH_VERBS,
)
from articlekit.enrich.quotes.clauses import (
    _AS_BEFORE,
    _AUX_WORDS,
    _AUXILIARIES,
    _BY_GERUND,
    _COMMA_SPACE,
    _COPULAS,
    _FINITE_AFTER,
    _GOES_ON,
    _HEAD_OF_PP,
    _INTRO_PARTICIPLE,
    _LEAD_CONNECTIVE,
    _LISTENER_THAT,
    _MODAL,
    _NEW_CLAUSE,
    _NOT_VERBS,
    _ONLY_END,
    _OPENS_CLAUSE,
    _OWN_CLAUSE,
    _QUANTITY_SUBJECT,
    _STRONG_PAST,
    _THAT,
    _TRAILING_CLAUSE,
    _VERB_LAST,
    _WHO,
    _adverb_participle,
    _after_last_quote,
    _clause_end,
    _finite,
    _head_start,
    _lead_start,
    _ok_lead,
    _sentence_subject,
    _shared_before,
    _speaker_mid,
    _subject_start,
)
from articlekit.enrich.quotes.context import _skip_tail
from articlekit.enrich.quotes.marks import (
    _DOUBLE_MARK,
    _HAS_QUOTE,
    _PREPOSITIONS,
    _after_last_mark,
    _comma_outside_quotes,
    _inside_quote,
    _last_mark,
    _speechy_quote,
)
from articlekit.enrich.quotes.mention import (
    _APPOSITION_AFTER,
    _INTRO_WORDS,
    _NO_SUBJECT,
    _PARTICIPLE_AFTER,
    _PARTICIPLES,
    _can_speak,
    _np_after,
    _np_before,
    _plausible_subject,
    _trim_subject,
)
from articlekit.enrich.quotes.rules import Candidate, CueAt, Piece, Rule, Veto
from articlekit.enrich.quotes.tokens import REPLY_PARTICLES, _fewer_words, _trie
from articlekit.enrich.quotes.words import alternation, mute_subject, word_list

if TYPE_CHECKING:
    from articlekit.enrich.quotes.finder import Finder

__all__ = ["ACCORDING_RULES", "CUE_RULES"]


_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_REPLY_LEMMAS = frozenset(f"{verb}-{particle}" for verb, particle in REPLY_PARTICLES.items())
"""The verbs of reply joined to their particle (``fired-back``): speech only with ``that`` or a
colon after them, never a bare clause (``fired back a response saying ...``)."""
_NEEDS_THAT = NEEDS_THAT | {"maintain"} | _REPLY_LEMMAS
"""The lemmas that report speech without a quote only with ``that`` (``maintained an energetic
pace`` is not speech; ``maintained that ...`` is): the lexicon's, ``maintain``, and the verbs of
reply."""


def _participle(cue: str) -> bool:
    """A one-word cue ending in ``-ing`` (``saying``; not ``is saying``)."""
    return " " not in cue and cue.lower().endswith("ing")


_OUT = re.compile(r"\s+out\b")


def _point_out(finder: Finder, anchor: CueAt) -> CueAt | None:
    """The cue ``point out`` (``Lee pointed out that ...``, ``..., pointing out that ...``): a
    speech verb with its particle, which the characterising ``point`` (``pointed to his
    "record"``) is not; the anchor with the particle in its cue, or None."""
    if CHARACTERISING_VERBS.get(anchor.word.lower()) != "point":
        return None
    out = _OUT.match(finder.texts[anchor.block], anchor.cue_end, anchor.end)
    return evolve(anchor, cue_end=out.end()) if out is not None else None


def _reply_back(finder: Finder, anchor: CueAt) -> CueAt | None:
    """The cue of a verb of reply with its particle (``Lee fired back that ...``, ``Kim shot
    back at critics that ...``): the anchor with the particle in its cue, or None."""
    particle = REPLY_PARTICLES.get(anchor.word)
    if particle is None:
        return None
    at = finder.texts[anchor.block].find(particle, anchor.cue_end, anchor.end)
    return evolve(anchor, cue_end=at + len(particle)) if at >= 0 else None


def _lemma(word: str) -> str:
    """The lemma of a speech cue's verb: a speech verb's, ``point`` (``point out``), or a verb
    of reply joined to its particle (``fired-back``: no form of it is a base form), which
    reports speech only with ``that``."""
    low = word.lower()
    if low in REPLY_PARTICLES:
        return f"{low}-{REPLY_PARTICLES[low]}"
    return SPEECH_VERBS.get(low) or CHARACTERISING_VERBS[low]


def according_to(finder: Finder, anchor: CueAt) -> Candidate | Veto | None:
    """``According to X, ...``, ``..., according to X.`` and ``A, according to X, B``: the
    sentence's words, around the source."""
    b, s, e = anchor.block, anchor.start, anchor.end
    text = finder.texts[b]
    np = _np_after(text, anchor.cue_end, e) or _according_source(text, anchor.cue_end, e)
    if np is None:
        return Veto("no_speaker")
    if finder.busy(b, anchor.cue_start, anchor.cue_end):
        return Veto("taken", quiet=True)
    cue = (b, anchor.cue_start, anchor.cue_end)
    before = text[s : anchor.cue_start].rstrip()
    if before == "(" and text.find(")", anchor.cue_end, e) > 0:
        # "(According to the police, it keeps no counts.)": an aside opening with the source,
        # its words ending at the closing parenthesis
        before, e = "", text.find(")", anchor.cue_end, e)
    if before and _LEAD_CONNECTIVE.fullmatch(before + " "):
        before = ""  # "But according to the report, ...": a connective, then the source
    if before and not before.endswith(",") and not _closes(text, np, e):
        # closing the sentence without a comma: '... 39 percent according to a Herald poll
        # released Monday.' (the source to the sentence's end)
        longer = _according_source(text, anchor.cue_end, e)
        if longer is not None and longer[1] > np[1] and _closes(text, longer, e):
            np = longer
    inner = text.find(", ", np[0], np[1])
    if inner >= 0 and before.endswith(",") and _finite(text[inner + 2 : np[1]].split(" ", 1)[0], ""):
        np = (np[0], inner)  # "Most of them, according to Lee, left early": the clause goes on, no apposition
    if inner >= 0 and not before and _clause_not_apposition(text[inner + 2 : np[1]]):
        np = (np[0], inner)  # "According to Ann Lee, the flaw of the plan is what it lacks: ...": a clause
    if inner >= 0 and not text[np[1] : e].strip(" .") and not before:
        # "According to the World Bank, about 12 percent of ... are ...": the words, not an
        # apposition, follow the comma when nothing follows the mention
        np = (np[0], inner)
    # where the source's phrase ends: the next comma (after any apposition) or the end
    comma = text.find(",", np[1], e)
    while comma >= 0 and _APPOSITION_AFTER.match(text, comma, e) and not _PARTICIPLE_AFTER.match(text, comma, e):
        following = text.find(",", comma + 1, e)
        if following < 0 or len(text[comma:following].split()) > 12:
            break
        if _clause_not_apposition(text[comma + 1 : following]):
            break  # "According to the paper, an email was sent by its chief, Ann Lee, to ...": a clause
        comma = following
    tail = finder.content(b, text, comma + 1, e) if comma >= 0 else None
    pieces: list[Piece] = []
    # (a connective before the introduction is no part of it: "But the next day, according to")
    bare = before[m.end() :] if (m := _LEAD_CONNECTIVE.match(before)) is not None else before
    intro = (
        before.endswith(",")
        and _ok_lead(before.rstrip(","))
        and (len(bare.split()) <= 3 or before.split()[0].lower() in _INTRO_WORDS)
    )
    if intro and tail is None and not text[np[1] : e].strip(' .?!"”’)'):
        intro = False  # "In 2014, most murders were ..., according to the FBI.": the words before
    opened = bool(before) and tail is not None and _HEAD_SUBORDINATOR.search(before) is not None
    if opened:
        # "He left the country after, according to him, the network censured ...": the source's
        # words are the clause the conjunction opens, after the source
        intro = True
    if not before or intro:
        if tail is None:
            return Veto("no_words")
        lead = (
            finder.content(b, text, _lead_start(text, s, anchor.cue_start), anchor.cue_start, least=2)
            if before and not opened
            else None
        )
        if lead is not None and text[tail[1] : tail[1] + 1].islower():
            pieces.append(lead)  # "At the heart of it, according to Ross, was a decision ..."
        pieces.append(tail)
    elif before.endswith(",") or (
        (_closes(text, np, e) or _CLAUSE_GOES_ON_AFTER_SOURCE.match(text, np[1], e)) and len(before.split()) >= 4
    ):
        # (also without a comma when 'according to X' closes the sentence: '... 46 percent to 39
        # percent according to a CBS poll released Monday.')
        # "A, according to X, b": the words go on after the source (in lower case, or a sum)
        goes_on = (
            comma >= 0
            and _GOES_ON_AFTER.match(text, comma + 1, e) is not None
            and (before.endswith(",") or _CLAUSE_GOES_ON_AFTER_SOURCE.match(text, np[1], e) is None)
            # (not a next clause with a cue of its own: "A, according to X, but Park vowed ...")
            and not (sentence_goes_on(text, np[1], e) and finder.cues_in(b, np[1], e))
        )
        if goes_on and tail is None:
            tail = finder.content(b, text, comma + 1, e, least=1)  # "..., according to Lee, left early."
            goes_on = tail is not None
        head_start = _lead_start(text, s, anchor.cue_start)
        if not goes_on:
            head_start = _last_clause_start(text, head_start, anchor.cue_start)
        # (two words suffice too when a next clause of its own follows, with a cue of its own:
        # "Turnout fell, according to officials, but the party said ...")
        next_clause = before.endswith(",") and sentence_goes_on(text, np[1], e)
        head = finder.content(b, text, head_start, anchor.cue_start, least=1 if goes_on else 2 if next_clause else 3)
        if head is not None and goes_on and tail is not None and len(text[head[1] : tail[2]].split()) < 5:
            head = None
        taken_end = max((t for _, t in finder.taken.get(b, []) if head_start < t <= anchor.cue_start), default=-1)
        if head is not None and not goes_on and head[2] < taken_end and not _holds_finite_verb(text, *head[1:]):
            # ('Earlier Tuesday, his manager, Ann Lee, says the streak is proof ..., according to
            # the paper': the words before a quote found are its speaker, no clause of their own;
            # the source's words are what follows that quote, if anything)
            head = finder.content(b, text, taken_end, anchor.cue_start, least=3)
        if head is None or (finder.busy(b, head[2], anchor.cue_start) and len(text[head[1] : head[2]].split()) < 6):
            # (cut short by a quote already found there: 'On Monday, Trump said he was happy,
            # according to the Times' leaves 'On Monday, Trump', which is no one's words)
            return Veto("no_words")
        pieces.append(head)
        if tail is not None and goes_on:
            pieces.append(tail)  # "At the heart of it, according to Ross, was a decision ..."
    else:
        return Veto("inside_clause")
    return Candidate(finder.kind_of_all(text, pieces), pieces, cue, (b, *np))


def _holds_finite_verb(text: str, start: int, end: int) -> bool:
    """Whether a word in lower case in ``text[start:end]`` reads as a finite verb."""
    return any(w.islower() and _finite(w, "") for w in re.findall(r"[\w’'-]+", text[start:end]))


_NEXT_CLAUSE_OPENER = r",\s*(?:but|and|while|whereas|yet)\s"
"""A comma and a conjunction opening a clause of its own (one spelling for the two patterns below)."""
_CLAUSE_GOES_ON_AFTER_SOURCE = re.compile(r"\s*" + _NEXT_CLAUSE_OPENER)
"""After ``... according to X`` without a comma before it: a comma and a conjunction opening the
sentence's next clause (``Lee leads by 30 votes according to a count by the paper, but ...``):
``according to X`` closes the clause before it, as at the sentence's end. The cues of the next
clause are still read (``sentence_goes_on``), though ``according_to`` ends the sentence's rules."""


def sentence_goes_on(text: str, end: int, e: int) -> bool:
    """Whether the sentence ``text[:e]`` goes on after a quote and its source ending at ``end``
    with a clause of its own, opened by a comma and a conjunction (``..., according to a count
    by the paper, but Park vowed to fight on.``): a rule that ends the sentence's rules leaves
    that clause's cues to be read."""
    return _CLAUSE_GOES_ON_AFTER_SOURCE.match(text, end, e) is not None


_APPOSED_FINITE = re.compile(
    r"(?:^|\s)(?P<word>who|whom|whose|which|that|is|are|was|were|will|would|has|have|had|can|could|should|must)\b"
)


def _clause_not_apposition(words: str) -> bool:
    """Whether the words the mention grammar read as an apposition of ``according to X`` hold a
    finite verb before any relative pronoun: the clause of the words, not a description of
    ``X`` (``Ann Lee, the flaw of the plan is ...``; not ``Ann Lee, a lawyer who is ...``)."""
    m = _APPOSED_FINITE.search(words)
    return m is not None and m.group("word") not in ("who", "whom", "whose", "which", "that")


_HEAD_SUBORDINATOR = re.compile(
    r"\s(?:that|after|because|since|when|if|although|though|while|before|until|whether|once|unless),$"
)
"""A conjunction closing the words before ``, according to X,``: it opens the clause after X."""

_CLAUSE_BEFORE_SOURCE = re.compile(r":\s+(?=\S)")


def _last_clause_start(text: str, start: int, end: int) -> int:
    """Where the words a closing ``, according to X`` attributes start: after the last colon
    before the source (``... the banks: London was the capital, according to ...``), else
    ``start``. Not inside quote marks. (Also at a relative clause set off by a comma, ``...,
    who make up most of its voters, according to a survey``: fold 0 lost two.)"""
    found = start
    for m in _CLAUSE_BEFORE_SOURCE.finditer(text, start, end):
        if not _inside_quote(text, start, m.start()):
            found = m.end()
    return found


_GOES_ON_AFTER = re.compile(r"\s*(?:[a-z]|[$£€]\s*\d)")
"""Words after ``A, according to X,`` that go on with ``A``'s clause: lower case (``was a
decision``, ``have a dim view``) or a sum (``$20 million a year``)."""


def _closes(text: str, np: tuple[int, int], e: int) -> bool:
    """Whether nothing but the sentence's end follows the source ``np``."""
    return not text[np[1] : e].strip(' .?!"”’)')


_ACCORDING_SOURCE = re.compile(r"\s+([^\s,;:.?!\"“”(][^,;:?!\"“”()]*?)\s*(?:[,;:?!]|\.(?:\s|$)|$)")


def _according_source(text: str, start: int, e: int) -> tuple[int, int] | None:
    """The source after ``according to`` that the mention grammar does not read (``a report in
    the Des Moines Register``, ``state law``, ``its FEC reports``): the words up to the next
    comma or the sentence's end, at most 20 of them (``early results of the exit poll conducted
    by Edison Research for the Associated Press and Television Networks``). ``according to``
    names its source whatever its shape."""
    m = _ACCORDING_SOURCE.match(text, start, e)
    if m is None or len(m.group(1).split()) > 20:
        return None
    return m.start(1), m.end(1)


def characterising(finder: Finder, anchor: CueAt) -> Candidate | Veto | None:
    """``X called the plan "a disaster"``, ``..., calling him "a total stiff"``: a mixed quote
    when the speaker's own words are quoted in the rest of the clause."""
    if anchor.word.lower() not in CHARACTERISING_VERBS or _point_out(finder, anchor) is not None:
        return None
    b, s, e = anchor.block, anchor.start, anchor.end
    text = finder.texts[b]
    cue_start, cue_end = anchor.cue_start, anchor.cue_end
    e = _next_report(finder, b, text, cue_end, e)
    mark = _HAS_QUOTE.search(text, cue_end, e)
    if mark is None:
        if _point_to(finder, anchor) is not None:
            return None  # "pointed to the jobs report": reported speech's, below
        return Veto("no_quoted_words", quiet=True)  # nothing of the speaker's own
    # 'called Rubio "Little Marco"', 'dubbed him "Crooked Hillary"': a name the speaker gives
    # someone, in Title Case, is the speaker's words, not a title
    named = text[cue_end : mark.start()].strip()
    naming = 1 <= len(named.split()) <= 3 and named[-1:].isalnum() and not named.startswith(("to ", "at ", "of "))
    # (not 'referring to the "Blue Team"', 'pointing at the "Red Zone"': a name mentioned, not given;
    # two words when one is the object: 'calling it "absurd"', 'called her "weak"')
    piece = finder.content(b, text, cue_end, _clause_end(text, cue_end, e), least=2 if naming else 3)
    if piece is None or (not naming and not _speechy_quote(text, piece[1], piece[2])):
        return Veto("title")
    if _noun_not_verb(text, piece[1], mark.start()):
        return Veto("noun_not_verb")
    if piece[2] <= mark.start():
        return Veto("no_quoted_words", quiet=True)  # cut before them by a quote already found
    # the characterisation ends before a clause of its own: '... as a "disgrace" after she
    # blamed the police for "bias"'
    # (not one inside the quoted words: '"the best ally, not only as he rose, but ..."')
    clause = next(
        (c for c in _OWN_CLAUSE.finditer(text, piece[1], piece[2]) if not _inside_quote(text, piece[1], c.start())),
        None,
    )
    if clause is not None and _HAS_QUOTE.search(text, piece[1], clause.start()):
        piece = (b, piece[1], clause.start())
    # the characterisation ends with the speaker's last quoted words:
    # 'the Affordable Care Act as a "crazy system" during a campaign stop'
    closing = _after_last_mark(text, piece[1] + 1, piece[2])
    if closing is not None:
        piece = (b, piece[1], _phrase_after_quote(text, closing, piece[2]))
    speaker: Piece | None
    cue_text = text[cue_start:cue_end]
    if " " not in cue_text and cue_text.endswith("ing") and text[s:cue_start].rstrip().endswith(","):
        if anchor.previous is not None:
            speaker = anchor.previous
        else:
            subject = _sentence_subject(text, s, cue_start)
            speaker = (b, *subject) if subject is not None else None
    else:
        np = _np_before(text, s, cue_start)
        if np is not None and _VERB_LAST.search(text, np[0], np[1]):
            return Veto("object_not_subject")  # "The Fed kept rates "on hold"": "rates" is the object
        shared = _shared_before(text, s, cue_start) if np is None else None
        if shared is not None and shared.group(1):
            # "Senator Ann Lee, who called it "a gift"": the relative pronoun's antecedent
            np = _np_before(text, s, shared.start())
            lead_text = ""
        elif shared is not None:
            # 'Jones took the floor and called the bill "a gift"': the sentence's subject
            found = _sentence_subject(text, _after_subordinator(text, s, shared.start()), cue_start)
            np = _trim_subject(text, *found) if found is not None and found[1] <= shared.start() else None
            lead_text = ""
        elif np is None and (but := _SHARED_BUT.search(text, max(s, cue_start - 40), cue_start)) is not None:
            # 'Lee had not read it but called it "a start"': the sentence's subject
            found = _sentence_subject(text, _after_subordinator(text, s, but.start()), cue_start)
            np = _trim_subject(text, *found) if found is not None and found[1] <= but.start() else None
            lead_text = ""
        else:
            lead_text = text[s : np[0]].rstrip() if np is not None else ""
        speaker = (b, *np) if np is not None else None
        # ('shedding what Mayor Lee called "a perception problem"': the relative clause's subject)
        relative = _RELATIVE_LEAD.search(lead_text) is not None
        if lead_text and not _ok_lead(lead_text) and not _OPENS_CLAUSE.search(lead_text) and not relative:
            return Veto("content_before_speaker")
    if speaker is None:
        return Veto("no_speaker")
    if _adverb_participle(text, s, (speaker[1], speaker[2]), cue_end):
        return Veto("adverb_not_speaker")  # 'Widely derided by politicians, the idea of "rights" ...'
    return Candidate("mixed", [piece], (b, cue_start, cue_end), speaker)


_NO_OBJECT = frozenset(",;:—–-")
"""Marks that cannot open a characterising verb's object."""
_ASIDE_WORDS = 6
"""The most words of an aside between a characterising verb and its object (``called, more than
once, "a traitor"``)."""


def _noun_not_verb(text: str, start: int, mark: int) -> bool:
    """Whether the words a characterising verb would take open with a comma, a semicolon, a
    colon or a dash (``text[start]``) that opens no aside closed before the quote mark at
    ``mark``: the verb has no object, so the word is a noun that shares a verb's form (``At one
    point, more than 500 workers were part of a "launch team"``, ``low interest rates — both
    forms of "printing money"``), not a verb whose object the quoted words characterise
    (``called the plan "a disaster"``, ``called, twice, "a hoax"``, ``described — correctly —
    as "a crisis"``)."""
    opener = text[start : start + 1]
    if opener not in _NO_OBJECT:
        return False
    close = text.find("," if opener == "," else opener, start + 1, mark)
    if opener in "—–-" and close < 0:
        close = min((i for i in (text.find(d, start + 1, mark) for d in "—–") if i >= 0), default=-1)
    return close < 0 or len(text[start + 1 : close].split()) > _ASIDE_WORDS


_SUBORDINATOR = re.compile(r"\b(?:when|whereas|because|although|though|if|where)\s+")


def _after_subordinator(text: str, s: int, shared: int) -> int:
    """Where the clause whose verb a coordinated characterisation shares starts: after the last
    subordinator before the conjunction (``The mood soured when Lee lamented the "grim" tone and
    called ...``: Lee's clause, not the sentence's), else the sentence's start ``s``."""
    last = s
    for m in _SUBORDINATOR.finditer(text, s, shared):
        if not _inside_quote(text, s, m.start()):
            last = m.end()
    return last


_RELATIVE_LEAD = re.compile(r"\b(?:what|whom|which)$", re.IGNORECASE)
_TAIL_STOP = re.compile(
    r"(?<!\d),|,(?!\d)|[;:()\"“”]|\s[-—–]|\s(?:and|but|or|nor|so|yet|when|while|as|after|before|since|until|if|though|although|whereas)\b"
)
_OCCASION = re.compile(
    r"\s*(?:during|at|(?:on|in)\s+(?:a|an|his|her|their|its)|last|this|earlier|later|over|amid|following)\b"
    # 'on Monday', 'on Twitter', 'on CNN': not 'on America’s workers', 'on the Silk Road', 'on display'
    r"|\s*on\s+(?=[A-Z][\w.-]*\b(?![’']))"
    # a time or a place of the saying: 'late Tuesday', 'yesterday', 'in London on Monday', 'in remarks'
    r"|\s*(?:(?:late|early)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\s*(?:yesterday|today|tonight)\b"
    r"|\s*in\s+(?:[A-Z][a-z]+\b(?![’'])|remarks|comments|interviews|statements|speeches|tweets)\b"
)


def _phrase_after_quote(text: str, closing: int, end: int) -> int:
    """Where a characterisation ends after its last quoted words (``closing``), ``end`` the
    clause's end: the phrase that completes the quoted words runs on to a comma, a conjunction
    or the clause's end (``called the deal "a step forward" in efforts to curb emissions``,
    ``called it "a mistake" because few live there``), but an occasion of the saying is no part
    of them (``"a crazy system" during a campaign stop``, ``on Monday``)."""
    if _OCCASION.match(text, closing, end) or text[:closing].rstrip(" '’\"”").endswith((",", ".", ";", "!", "?")):
        return closing  # (a comma or a stop inside the marks closes the phrase: '"a gift," voted ...')
    stop = _TAIL_STOP.search(text, closing, end)
    cut = stop.start() if stop is not None else end
    cut = closing + len(text[closing:cut].rstrip(" .!?"))
    return cut if len(text[closing:cut].split()) >= 2 else closing


_JOINER = re.compile(r"(?:,?\s+(?:but|and|while)(?:\s+\w+ly)?|,)\s*$")


_PASSIVE_BEFORE = re.compile(r"\b(?:is|was|are|were|been|being|be)\s+(?:\w+ly\s+)?$")
"""A form of ``be`` right before a speech verb: a passive (``a "paperwork error" that was reported
in ...``), no report of its own."""


def _next_report(finder: Finder, b: int, text: str, cue_end: int, e: int) -> int:
    """Where a characterisation's words end at the latest: before the next speech or
    characterising verb of the sentence outside quote marks, and the ``but``, ``and`` or comma
    that joins it (``referred to Rubio as "a leader" but described his skills as ...``,
    ``attacked Trump, ..., calling him a "loser"``): that verb reports on its own."""
    for cue in finder.cues_in(b, cue_end, e):
        word = cue.group().lower()
        if (
            (word in SPEECH_VERBS or word in CHARACTERISING_VERBS)
            and not _inside_quote(text, cue_end, cue.start())
            and _PASSIVE_BEFORE.search(text, max(cue_end, cue.start() - 24), cue.start()) is None
        ):
            joined = _JOINER.search(text, cue_end, cue.start())
            return joined.start() if joined is not None else cue.start()
    return e


def participle_opening(finder: Finder, anchor: CueAt) -> Candidate | Veto | None:
    """``Bemoaning the "phony system," Trump accused Holt ...``: a participle opening the
    sentence; the words run to the comma, the speaker is the subject after it."""
    b, s, e = anchor.block, anchor.start, anchor.end
    text = finder.texts[b]
    if _point_to(finder, anchor) is not None:
        return None  # "Pointing to the report, Lee said ...": the evidence of what follows, no words
    if not (
        _participle(text[anchor.cue_start : anchor.cue_end])
        and anchor.cue_start - s < 30
        and _INTRO_PARTICIPLE.fullmatch(text[s : anchor.cue_start].rstrip())
    ):
        return None
    comma = _comma_outside_quotes(text, anchor.cue_end, e)
    if comma is None:
        return Veto("no_comma")
    subject = _np_after(text, comma + 1, e)
    words = finder.content(b, text, anchor.cue_end, comma, least=2)
    if subject is None:
        return Veto("no_speaker")
    if words is None:
        return Veto("no_words")
    return Candidate(finder.kind_of(text, words), [words], (b, anchor.cue_start, anchor.cue_end), (b, *subject))


def participle_clause(finder: Finder, anchor: CueAt) -> Candidate | Veto | None:
    """``..., saying that ...``, ``... by saying ...``: a participle after a comma; the speaker
    is the sentence's subject (or the speaker of its quote just before)."""
    b, s = anchor.block, anchor.start
    text = finder.texts[b]
    if not _participle(text[anchor.cue_start : anchor.cue_end]):
        return None
    if anchor.word.lower() not in SPEECH_VERBS:
        anchor = _point_out(finder, anchor) or _point_to(finder, anchor) or anchor  # "..., pointing out that ..."
    before = text[max(s, anchor.cue_start - 300) : anchor.cue_start].rstrip()  # near words suffice
    by = _BY_GERUND.search(before, max(0, len(before) - 8))
    if not before.rstrip("\"”’'").endswith(",") and by is None:
        told_to = _told_to(text, anchor)
        if told_to:
            own = _OWN_VERB_AFTER_INFINITIVE.search(text, anchor.cue_end, anchor.end)
            anchor = evolve(anchor, end=own.start()) if own is not None else anchor  # "..., left the room"
        if _AND_PARTICIPLE.search(before) is not None and (
            told_to or _clause_follows(text, anchor.cue_end, anchor.end)
        ):
            # "He ducked, pointing to his record and saying that ...": the participle before's subject
            lead = _sentence_subject(text, s, anchor.cue_start)
            joined = anchor.previous if anchor.previous is not None else (b, *lead) if lead is not None else None
            if joined is not None:
                return _reported_words(
                    finder, anchor, "participle_clause", joined, None, inverted=False, relative=False
                )
        quoted = _QUOTED_AS.search(text, max(s, anchor.cue_start - 160), anchor.cue_start)
        if quoted is not None and _clause_follows(text, anchor.cue_end, anchor.end):
            # "The coach is quoted by the Times as saying ...": the subject of the passive
            lead = _sentence_subject(text, s, quoted.start())
            if lead is not None:
                return _reported_words(
                    finder, anchor, "participle_clause", (b, *lead), None, inverted=False, relative=False
                )
        with_np = _WITH_SUBJECT.search(text, max(s, anchor.cue_start - 120), anchor.cue_start)
        if with_np is not None and (
            _clause_follows(text, anchor.cue_end, anchor.end)
            or (
                _lemma(anchor.word) in OBJECT_VERBS  # "with Lee telling reporters on Monday he ...": after them
                and _clause_follows(text, _skip_tail(text, anchor.cue_end, anchor.end, _lemma(anchor.word)), anchor.end)
            )
        ):
            # "..., with 30 percent of voters saying they ...": the absolute clause's own subject
            speaker_at = (b, with_np.start("np"), with_np.end("np"))
            main = _main_clause_comma(text, anchor.cue_end, anchor.end) if not text[s : with_np.start()].strip() else -1
            if main > anchor.cue_end:
                anchor = evolve(anchor, end=main)  # "With Lee telling reporters ..., shares fell": the main clause
            return _reported_words(
                finder, anchor, "participle_clause", speaker_at, None, inverted=False, relative=False
            )
        document = _DOCUMENT_BEFORE.search(text, max(s, anchor.cue_start - 80), anchor.cue_start)
        if (
            document is not None
            and (_clause_follows(text, anchor.cue_end, anchor.end) or _lemma(anchor.word) in OBJECT_VERBS)
            and _HAS_QUOTE.search(text, anchor.cue_end, anchor.end) is None
        ):
            # "an email stressing that ...", "a letter asking that ...": what the writing says (not
            # words in quote marks, whose speaker is the writer: that cost speaker accuracy)
            speaker_at = (b, document.start(), document.end("noun"))
            verb_at = (
                _main_verb_at(text, anchor.cue_end, anchor.end) if not text[s : document.start()].strip() else None
            )
            if verb_at is not None:
                anchor = evolve(anchor, end=verb_at)  # "A statement saying the firm would close was posted"
            return _reported_words(
                finder, anchor, "participle_clause", speaker_at, None, inverted=False, relative=False
            )
        reduced = _reduced_relative(text, s, anchor)
        if reduced is not None:
            # "the share of voters saying they want ...", "an item suggesting that ...": the noun speaks
            verb_at = _main_verb_at(text, anchor.cue_end, anchor.end) if not text[s : reduced[0]].strip() else None
            if verb_at is not None:
                anchor = evolve(anchor, end=verb_at)  # "A statement saying the firm would close was posted"
            return _reported_words(
                finder, anchor, "participle_clause", (b, *reduced), None, inverted=False, relative=False
            )
        return Veto("no_comma")  # (a comma inside a closing quote mark counts: 'of "values," saying')
    if by is not None and "," in before and anchor.previous is None:
        lead = _sentence_subject(text, s, anchor.cue_start)
        if (
            lead is None
            or _OTHER_CLAUSE_BETWEEN.search(text, lead[1], anchor.cue_start)
            or (
                "," in text[lead[1] : anchor.cue_start]
                and (
                    _VERB_IN_SUBJECT.search(text, lead[0], lead[1])
                    or _HAS_QUOTE.search(text, anchor.cue_end, anchor.end)  # (quoted words: whose is less clear)
                )
            )
        ):
            return Veto("unclear_subject")  # "A, and B by saying": whose clause is unclear
        # "After the vote, Lee made amends by telling ...": the commas are the introduction's
        return _reported_words(finder, anchor, "participle_clause", (b, *lead), None, inverted=False, relative=False)
    speaker: Piece
    if anchor.previous is not None:
        speaker = anchor.previous
    else:
        lead = _sentence_subject(text, s, anchor.cue_start) or _subject_after_intro(text, s, anchor.cue_start)
        if lead is None:
            return Veto("no_speaker")
        speaker = (b, *lead)
        if not text[lead[1] : anchor.cue_start].strip(" ,"):
            # "Lee, recalling the night of the fire, began to cry": the participle in an
            # apposition, its words ending at the comma before the main verb
            anchor = _before_closing_comma(text, anchor)
    return _reported_words(finder, anchor, "participle_clause", speaker, None, inverted=False, relative=False)


_AND_PARTICIPLE = re.compile(
    r",\s+\w+ing\b(?:[^,;:.?!\"“”]|[\"“][^\"“”]{1,80}[\"”]){0,160}\s(?:and|or)(?:\s+(?:also|then))?$"
)
"""A participle joined by ``and`` to one after a comma: ``..., pointing to his record and``."""

_DOCUMENT_BEFORE = re.compile(
    r"(?<![\w’'-])(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]his)\s+"
    r"(?:(?!(?:an?|the|his|her|their|its|this)\s)[\w’'-]+\s+){0,3}?"  # (no determiner: 'The senators wrote a letter')
    r"(?P<noun>" + alternation("document_nouns") + r")s?"
    r"(?:\s+(?:to|from|by|on)(?:\s+[\w’'.-]+){1,3}?)?\s+$"
)
"""A written thing right before a participle (``a fundraising email``, ``a letter to the
network``): the participle says what it says."""

_QUOTED_AS = re.compile(
    r"\s(?:is|was|are|were|(?:has|have|had)\s+been|being)\s+(?:\w+ly\s+)?quoted"
    r"(?:\s+(?:by|in|on)\s+[^,;:.?!\"“”]{1,80}?)?\s+as\s+$"
)
"""The passive ``is quoted (by the Times) as`` before a participle: the sentence's subject
is the speaker (``The coach was quoted as saying the team would win``)."""

_WITH_SUBJECT = re.compile(
    r"(?<![\w’'-])[Ww]ith\s+(?P<np>(?:the\s+|a\s+|an\s+)?[^\s,;:\"“”()]+(?:\s+[^\s,;:\"“”()]+){0,11}?)\s+$"
)
"""``with`` and a subject right before a participle: an absolute clause whose subject speaks
(``with 30 percent of voters saying``, ``with the campaign of the former senator saying``)."""


def _main_clause_comma(text: str, start: int, end: int) -> int:
    """Where the main clause opens after an absolute clause opening its sentence (``With Lee
    telling reporters the deal was dead, shares fell``): the first comma a clause follows
    (``..., the council met again``), else the last comma; -1 with no comma."""
    commas = [m.start() for m in re.finditer(",", text[start:end])]
    for at in commas:
        words = text[start + at + 1 : end].lstrip()
        if _clause_without_that(words) or _past_clause_without_that(words):
            return start + at
    return start + commas[-1] if commas else -1


_CLAUSE_OPENS = re.compile(
    r"\s*(?:[:,]?\s*[\"“]|that\b|whether\b|if\b|how\b|why\b|what\b"
    r"|(?:he|she|they|we|it|I|you)\b|(?:he|she|they|we|it|you)[’'](?:s|re|d|ll)\b)"
)


def _clause_follows(text: str, cue_end: int, end: int) -> bool:
    """Whether what follows a participle is what was said, not its object: a quote, ``that``, a
    question word, a pronoun or a subject with its auxiliary (``saying they like him``,
    ``saying Lee was not ...``); not ``claiming residency in Ireland``."""
    return _CLAUSE_OPENS.match(text, cue_end, end) is not None or _clause_without_that(text[cue_end:end].lstrip())


def _subject_after_intro(text: str, s: int, end: int) -> tuple[int, int] | None:
    """The subject of a sentence that an introduction the grammar does not know opens (``Here
    in Columbia, Sanders stepped up his attacks, saying ...``): a mention after one of its
    first two commas, followed by a verb in the past or the present."""
    for comma in list(_COMMA_SPACE.finditer(text, s, end))[:2]:
        found = _np_after(text, comma.end(), end)
        if found is not None and found[1] < end and _FINITE_AFTER.match(text, found[1]):
            return _trim_subject(text, *found)
    return None


def reported_speech(finder: Finder, anchor: CueAt) -> Candidate | Veto | None:
    """``X said (that) ...``, ``X told Reuters ...``, ``As X noted, ...``, ``..., X said
    Thursday.``, ``..., said X.``, ``A, X said, B``, ``X, who says ...``, ``... and said ...``: a
    speech verb with its speaker before it (or after it, inverted), its content after it (to
    the clause's end) or before it (a trailing attribution)."""
    if anchor.word.lower() not in SPEECH_VERBS:
        out = _point_out(finder, anchor) or _reply_back(finder, anchor) or _point_to(finder, anchor)
        if out is None:
            return None
        anchor = out  # "Lee pointed out that ...", "Lee fired back that ...": the cue takes its particle
    b, s, e = anchor.block, anchor.start, anchor.end
    text = finder.texts[b]
    cue_start = anchor.cue_start
    lemma = _lemma(anchor.word)
    before = text[max(s, cue_start - 300) : cue_start].rstrip()  # near words suffice
    if before.endswith(","):
        split = _inverted_inside_subject(finder, anchor)
        if split is not None:
            return split
    inverted = False
    relative = False  # the speaker is a relative clause's antecedent, inside other words
    # the last two words before the verb, read once: the patterns anchored at the verb below
    # need one of a few words there (a gate that is exact: no match is lost)
    near_words = before.rsplit(None, 2)
    last = near_words[-1] if near_words else ""
    if last and last.lower() in _NO_SUBJECT:
        return Veto("noun_not_verb")  # "the state", "of tweets": a noun, with no subject before it
    when = (
        _WHEN_BEFORE.search(text, max(s, cue_start - 40), cue_start)
        if last in _WHEN_LAST or last.endswith("day") or (len(near_words) > 1 and near_words[-2] in ("this", "that"))
        else None
    )
    np = _np_before(text, s, when.start()) if when is not None else None
    if np is None and before.endswith(","):  # (every phrase _PHRASE_BETWEEN takes ends with a comma)
        np = _subject_before_phrase(text, s, cue_start)  # "Clinton, during a town hall in Ohio, said"
    if np is None and before.endswith(","):
        np = _subject_set_off(text, s, cue_start)  # "Mr. Park, then 38, said", "Lee, who ..., said"
    if np is None:
        np = _subject_before_modifier(text, s, cue_start)  # "Lee in a post said", "Park, citing a poll, said"
    if np is None and before.endswith(_CLOSING_MARKS):
        np = _subject_before_quoted_aside(text, s, cue_start)  # "Lee, host of “Good Day,” said"
    if np is None and (last in _ADVERB_WORDS or last.endswith("ly")):
        adverb = _ADVERB_BEFORE.search(text, max(s, cue_start - 30), cue_start)
        np = _np_before(text, s, adverb.start()) if adverb is not None else None  # "Carter however said"
    quantity = _quantity_subject(text, s, cue_start) if np is None or not _ok_lead(text[s : np[0]]) else None
    if quantity is None and np is not None and before.endswith(","):
        # "A third of renters, 31%, say": a share with its figure set off, read as a subject
        # and its apposition (not "Ann Lee, 44, said": the share must open the subject)
        quantity = _quantity_subject(text, s, cue_start)
        quantity = quantity if quantity is not None and quantity[0] == np[0] else None
    if quantity is not None:
        np = quantity  # "More than six in 10 said", "Just over a quarter, 26 percent, say"
    if np is None:
        np = _np_before(text, s, cue_start)
    head = text[s : np[0]].rsplit(None, 1) if np is not None else []  # (the head's preposition ends these words)
    if (
        np is not None
        and head
        and head[-1] in _PP_HEAD_ENDS
        and _HEAD_OF_PP.fullmatch(text, _subject_start(text, s, np[0]), np[0])
    ):
        np = (_subject_start(text, s, np[0]), np[1])  # "A document on the website states"
    shared = _shared_before(text, s, cue_start) if np is None else None
    if shared is not None and shared.group(1):
        # "Trump, who says he is honored": the relative pronoun's antecedent
        np = _np_before(text, s, shared.start())
        relative = np is not None
    elif shared is not None:
        # "Authorities announced the arrest and said ...": the sentence's subject
        subject = _sentence_subject(text, s, cue_start)
        np = subject if subject is not None and subject[1] <= shared.start() else None
    elif np is None:
        shared = _SHARED_BUT.search(text, max(s, cue_start - 40), cue_start)
        if shared is not None:
            # "A spokesman declined to comment but said in a statement that ...": the sentence's subject
            subject = _sentence_subject(text, s, cue_start)
            if subject is not None and subject[1] <= shared.start():
                np = _subject_before_verb(text, subject[0], max(subject[1], shared.start()))
            else:
                np = None
    if np is None:
        which = _WHICH_BEFORE.search(text, max(s, cue_start - 40), cue_start)
        antecedent = _np_before(text, s, which.start()) if which is not None else None
        if (
            antecedent is not None
            and text[antecedent[0] : antecedent[1]].rsplit(None, 1)[-1][:1].isupper()
            and _can_speak(text[antecedent[0] : antecedent[1]])
            and not any(_verb_word(w) for w in text[antecedent[0] : antecedent[1]].split() if w.islower())
        ):
            # (not a clause with its verb: 'Lee spoke at the Capitol, which noted ...')
            np, relative = antecedent, True  # "The City Council, which argued that ...": a named body speaks
    if np is None:
        np = _np_before_dashes(text, s, cue_start)  # "Jason Sims -- a teacher from Mount Pleasant -- says"
    if np is None and before.endswith(","):
        np = _apposed_subject(text, s, cue_start)  # "Another pollster, David Woodard of Clemson University, said"
    near = text[max(s, cue_start - 90) : cue_start]
    access = any(word in near for word in (" close to ", " familiar with ", " briefed on ", " knowledge"))
    close = _CLOSE_TO_SUBJECT.search(text, max(s, cue_start - 90), cue_start) if access else None
    if close is not None and (np is None or close.start("np") < np[0] < close.end("np")):
        np = close.start("np"), close.end("np")  # "..., a source close to him said", "people familiar with it"
    if np is None and before.endswith(","):
        np = _np_after(text, anchor.cue_end, e)
        inverted = np is not None
    if np is None:
        return Veto("no_speaker")
    if not inverted and not relative and shared is None and quantity is None:
        np = _whole_subject(text, s, np)
        lead = _SUBJECT_LEAD_AFTER_COMMA.search(text, max(s, np[0] - 40), np[0])
        if lead is not None and lead.group("words").strip():
            np = (lead.start("words"), np[1])  # "..., those people said", "..., current and former aides said"
        mid = (
            _MODIFIERS_AFTER_COMMA.search(text, max(s, np[0] - 40), np[0])
            if text.startswith(",", anchor.cue_end)
            else None
        )
        if mid is not None and not any(
            w in _NOT_MODIFIERS or w.endswith(("ing", "ed")) for w in mid.group("words").split()
        ):
            np = (mid.start("words"), np[1])  # "Mrs. Park, these people said, would ...": the whole mention
    if _adverb_participle(text, s, np, anchor.cue_end):
        return Veto("adverb_not_speaker")
    between = text[np[1] : cue_start]
    relative = relative or bool(_WHO.search(between))
    if (
        not inverted
        and quantity is None
        and not _MODAL.search(between)
        and not _plausible_subject(text[np[0] : np[1]], text[cue_start : anchor.cue_end], lemma)
        and not (anchor.word.lower() in _BASE_VERBS_ONLY and _plural_head(text[np[0] : np[1]]))
    ):
        return Veto("implausible_subject")
    if not inverted and not relative:
        found = _relative_speech(finder, anchor, np)
        if found is not None:
            return found
    return _reported_words(finder, anchor, "reported_speech", (b, *np), np, inverted=inverted, relative=relative)


_PREDICATE_AFTER_SPEAKER = re.compile(
    r",\s+(?=(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|remains?|seems?)\s)"
)


def _inverted_inside_subject(finder: Finder, anchor: CueAt) -> Candidate | None:
    """An inverted attribution set off inside its sentence, between the subject and its verb
    (``Part of the problem, say experts, is that ...``, ``The bridge, said Lee, was old.``): the
    words are the subject before it and the predicate after it, the speaker what follows the
    cue. Only when an auxiliary or copula opens the predicate and the subject is short."""
    b, s, e = anchor.block, anchor.start, anchor.end
    text = finder.texts[b]
    if _PREDICATE_AFTER_SPEAKER.search(text, anchor.cue_end, min(e, anchor.cue_end + 160)) is None:
        return None  # (the cheap test first: a comma, then an auxiliary or copula, somewhere after the cue)
    np = _np_after(text, anchor.cue_end, e)
    if np is None or _PREDICATE_AFTER_SPEAKER.match(text, np[1], e) is None:
        return None
    lo = _head_start(text, s, anchor.cue_start)
    comma = text.rindex(",", lo, anchor.cue_start)
    if "," in text[lo:comma] or not 1 <= len(text[lo:comma].split()) <= 8:
        return None
    head = finder.content(b, text, lo, comma, least=1)
    tail_at = text.index(",", np[1]) + 1
    tail = finder.content(b, text, tail_at, _clause_end(text, tail_at, e), least=2)
    if head is None or tail is None:
        return None
    cue = (b, anchor.cue_start, anchor.cue_end)
    return Candidate(finder.kind_of_all(text, [head, tail]), [head, tail], cue, (b, *np), rule="reported_speech.around")


_BASE_VERBS_ONLY = frozenset(
    {"say", "tell", "argue", "insist", "explain", "warn", "suggest", "acknowledge", "admit", "contend", "predict",
     "agree", "add", "maintain"}
)  # fmt: skip
"""Base forms of speech verbs that are no nouns (not ``claim``, ``report``, ``state``)."""
_PLURAL_WITHOUT_S = frozenset({"people", "women", "men", "children", "police"})
_BEFORE_HEAD = frozenset({"the", "some", "many", "most", "these", "those", "other", "several", "all", "both", "few"})


def _plural_head(mention: str) -> bool:
    """Whether a mention opens with a plural head noun, which a base form like ``say`` agrees
    with whatever modifies it after (``People familiar with her thinking say``, ``Supporters
    who have heard from the campaign say``, ``the women say``)."""
    words = [w.lower() for w in mention.split(",")[0].split()]
    while words and words[0] in _BEFORE_HEAD:
        words = words[1:]
    if not words or not words[0].isalpha():
        return False
    head = words[0]
    return head in _PLURAL_WITHOUT_S or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


_RELATIVE_BEFORE = re.compile(r"(?:^|(?<=[\s,]))(?:(?P<word>[^\s,]+),?\s+)?(?P<pronoun>which|that|what)\s+$")
_NOT_A_VERB = frozenset(
    {"that", "and", "but", "or", "if", "whether", "he", "she", "they", "it", "we", "i", "you", "him", "her", "them",
     "us", "me", "to", "as", "when", "while", "because", "so", "not", "what", "which", "who", "how", "why"}
)  # fmt: skip
_NOT_ANTECEDENT = frozenset({"so", "now", "such", "given", "except", "save", "and", "but", "or", "is", "was", "be"})
_CLAUSE_PRONOUNS = frozenset({"he", "she", "they", "we", "it", "i"})
_RELATIVE_OR_WHAT = re.compile(r"\b(?:who|whom|whose|which|that|what)\b")
_RELATIVE_END = re.compile(r"[,;:()\"“”]|\s[—–―]\s|\s--\s|[.?!](?:\s|$)")


def _relative_speech(finder: Finder, anchor: CueAt, np: tuple[int, int]) -> Candidate | None:
    """A speech verb inside a relative clause whose pronoun is what was said: ``the drawdown of
    troops, which they say left a vacuum``, ``a letter that he said was drafted by the firm``,
    ``what he said were the failures of the plan``: the words are the pronoun and the rest of
    the relative clause (to its comma or the sentence's end, at least three words), as
    annotators mark them, when the clause's verb follows the cue. Not after a preposition
    (``in which he says he will ...``), nor ``that`` after a verb (``said that she told ...``: a
    conjunction, not a pronoun)."""
    b, s, e = anchor.block, anchor.start, anchor.end
    text = finder.texts[b]
    lo = max(s, np[0] - 40)
    last = text[lo : np[0]].rsplit(None, 1)
    if not last or not last[-1].endswith(("which", "that", "what")):
        return None  # (the pronoun ends the last word before the mention, or _RELATIVE_BEFORE finds none)
    m = _RELATIVE_BEFORE.search(text, lo, np[0])
    if m is None or len(text[np[0] : np[1]].split()) > 4:
        return None
    word = (m.group("word") or "").lower()
    if word in _PREPOSITIONS or word in _INTRO_OPENERS:
        return None  # 'in which he says he will ...': the pronoun is not what was said
    if m.group("pronoun") == "that" and (
        not word or word in _NOT_ANTECEDENT or word in SPEECH_VERBS or word.endswith(("ed", "ly"))
    ):
        return None
    lemma = _lemma(anchor.word)
    after = _skip_tail(text, anchor.cue_end, e, lemma)
    rest = text[after:e].lstrip()
    first = rest.split(" ", 1)[0]
    verb_next = first.isalpha() and first.islower() and first not in _NOT_A_VERB and first not in DETERMINERS
    if not verb_next and not (
        (first in _CLAUSE_PRONOUNS or (m.group("pronoun") != "that" and _clause_without_that(rest)))
        and _RELATIVE_OR_WHAT.search(text, anchor.cue_end, after) is None
    ):
        # the clause's verb follows the cue ('which they say left a vacuum'), or a clause does
        # ('a wall, which he said the state should pay for')
        return None
    stop = _RELATIVE_END.search(text, after, e)
    words = finder.content(b, text, after, stop.start() if stop is not None else e, least=3)
    if words is None or finder.busy(b, m.start("pronoun"), m.end("pronoun")):
        return None
    pieces: list[Piece] = [(b, m.start("pronoun"), m.end("pronoun")), words]
    cue = (b, anchor.cue_start, anchor.cue_end)
    return Candidate(finder.kind_of_all(text, pieces), pieces, cue, (b, *np), rule="reported_speech.relative")


_PHRASE_BETWEEN = re.compile(
    r",\s+(?:during|in|at|on|after|before|speaking|while|from|with|for|asked|in\s+an?|[a-z]{3,}ing)\b[^,;:\"“”()]{0,80}"
    r"(?:,[^,;:\"“”()]{1,30})?,\s*$"
)


def _subject_before_phrase(text: str, s: int, cue_start: int) -> tuple[int, int] | None:
    """The sentence's subject when a phrase set off by commas stands between it and the verb:
    ``Clinton, during a town hall meeting in Columbus, Ohio, said ...``, ``Lee, speaking at the
    harbor, said ...``, ``Lee, facing a hard race in Iowa, a swing state, said ...``: the mention
    before the phrase, when it starts the sentence's subject."""
    m = _PHRASE_BETWEEN.search(text, max(s, cue_start - 140), cue_start)
    if m is None:
        return None
    np = _np_before(text, s, m.start())
    if np is None or np[0] != _subject_start(text, s, np[0]):
        return None
    return np


_MODIFIER_GAP = re.compile(
    r"\s+(?:in|on|at|for|from|with|via)\s+(?:a|an|the|his|her|their|its)\s+[^,;:\"“”()]{1,50}?"
    r"(?:\s+|,\s+[^,;:\"“”()]{1,80}?,\s*)"
    r"|\s*,\s+(?:\w+ing|in\s+an?|on|at|during|after|before|with)\s(?:[^,;:.!?()]|,(?=[\"”’'])|(?<=[A-Z])\.){1,100}?,\s*"
)
"""Between a subject and its verb: a phrase naming where it was said (``in a Medium post``), or a
participle or prepositional phrase set off by commas (``, citing "the magic of Trump,"``)."""
_MODIFIER_HINT = re.compile(r"\s(?:in|on|at|for|from|with|via)\s+(?:a|an|the|his|her|their|its)\s[^,;:\"“”()]*$")
"""The opening every gap of ``_MODIFIER_GAP`` has unless it ends in a comma: its first branch,
a place of the saying, begins with it, and its other branches end with ``,``; without that
comma, nothing from the opening to the verb is one of ``,;:"“”()`` (which that branch never
takes), so the opening is looked for with the rest of the gap free of them."""


def _subject_before_modifier(text: str, s: int, cue_start: int) -> tuple[int, int] | None:
    """The sentence's subject when a modifier stands between it and its verb: ``Lee in a
    Medium post said``, ``Mr. Park, citing "the magic of the mayor," said``. The modifier has no
    verb of its own (no auxiliary, no speech verb)."""
    if not text[s:cue_start].rstrip().endswith(",") and _MODIFIER_HINT.search(text, s, cue_start) is None:
        return None  # what every gap _MODIFIER_GAP takes holds, looked for before the costly subject
    subject = _sentence_subject(text, s, cue_start)
    if subject is None or subject[1] >= cue_start or _MODIFIER_GAP.fullmatch(text, subject[1], cue_start) is None:
        # "..., while Jeb Lee in a Medium post said": the subject of a clause of its own
        openers = [m.end() for m in _CLAUSE_OPENER_BEFORE.finditer(text, s, cue_start)]
        subject = _np_after(text, openers[-1], cue_start) if openers else None
        if subject is None or subject[1] >= cue_start or _MODIFIER_GAP.fullmatch(text, subject[1], cue_start) is None:
            return None
    gap = text[subject[1] : cue_start]
    words = re.findall(r"[\w’'-]+", gap.lower())
    set_off = gap.lstrip().startswith(",")  # (a phrase in commas; else a noun ends "in a Medium post")
    if any(w in _VERB_WORDS or (set_off and w in SPEECH_VERBS) for w in words[1:]):
        return None
    return subject


_CLOSING_MARKS = ("”", '"', "''")
_COMMA_THEN_CLOSE = re.compile(r",(?:”|\"|'')\s*$")
_OPENING_MARKS = ("“", '"', "''")


def _subject_before_quoted_aside(text: str, s: int, cue_start: int) -> tuple[int, int] | None:
    """The sentence's subject when the phrase set off between it and its verb ends in quoted
    words whose closing mark follows the phrase's comma (``Ann Lee, host of NBC's “Good Day,”
    said``, ``Mr. Park, citing "the magic of the mayor," said``): the subject read as
    ``_subject_set_off`` and ``_subject_before_modifier`` read it with the comma outside the
    marks, when the quote opens inside the phrase (after the subject and a comma of its own),
    not before the subject (``“We will win, and soon,” said Lee``: an inverted attribution)."""
    close = _COMMA_THEN_CLOSE.search(text, max(s, cue_start - 8), cue_start)
    if close is None:
        return None
    comma = close.start()
    opening = max(text.rfind(mark, s, comma) for mark in _OPENING_MARKS)
    if opening < 0 or _DOUBLE_MARK.search(text, s, opening) is not None:
        return None  # (the quote must be the only one before the verb)
    np = _subject_set_off(text, s, comma + 1) or _subject_before_modifier(text, s, comma + 1)
    if np is None or text.rfind(",", np[0], opening) < 0:
        return None  # (a comma opens the phrase after the subject's first word)
    if np[1] > opening:
        return np[0], close.start() + len(close.group().rstrip())  # the apposition with its closing mark
    return np


_CLAUSE_OPENER_BEFORE = re.compile(r"(?:,\s+(?:while|whereas|but|and|yet)|;)\s+")
"""What opens a clause of its own inside a sentence: ``, while``, ``, but``, ``; ``."""

_SET_OFF_GAP = re.compile(r"\s*,?\s*(?:[^,;:!?.]|(?<=[A-Z])\.|,(?=[\"”’])){0,160}?,\s*$")
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whom)\b")
"""A relative pronoun other than ``whose``."""


def _subject_set_off(text: str, s: int, cue_start: int) -> tuple[int, int] | None:
    """The sentence's subject when an apposition or a relative clause set off by commas stands
    between it and its verb, which follows the closing comma: ``Mr. Park, then 38, said``,
    ``Ann Kim, the author of "Small Towns," about rural life, said``, ``Senator Tom Ray, the
    Ohio Republican who heads the committee, which oversees the budget, said``. A comma must
    follow the subject the grammar reads or stand inside it (an apposition opens there); what
    is left before the verb is one phrase (a comma only inside quote marks) without a speech
    verb, and without a verb of its own outside a relative clause: not ``The bridge will close,
    said Lee`` nor ``The bridge, I think, will close, said Lee`` (inverted attributions)."""
    subject = _sentence_subject(text, s, cue_start)
    if subject is None or subject[1] >= cue_start:
        return None
    gap = text[subject[1] : cue_start]
    if not (gap.lstrip().startswith(",") or "," in text[subject[0] : subject[1]]):
        return None
    if _SET_OFF_GAP.fullmatch(gap) is None:
        return None
    words = re.findall(r"[\w’'-]+", gap.lower())
    if any(w in SPEECH_VERBS for w in words):
        return None
    if not _RELATIVE_WORD.search(gap) and any(w in _VERB_WORDS for w in words):
        return None
    end = subject[1] + len(gap.rstrip().rstrip(",").rstrip())
    comma = text.rfind(",", subject[0], end)
    aside = text[comma + 1 : end].split() if comma >= 0 else []
    if len(aside) == 1 and aside[0].islower():
        end = comma  # "Clinton, however, said": an adverb, not an apposition
    return subject[0], end


_QUANTITY_SUBJECT_AT = re.compile(
    r"(?<![\w’'-])(?:(?i:large|small|big|wide|overwhelming)\s+)?" + _QUANTITY_SUBJECT.pattern + r"$"
)
_QUANTITY_HINT_WORDS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "third", "quarter", "fifth", "half", "majorit", "most",
    "surveyed", "polled", "questioned", "interviewed", "sampled",
]  # fmt: skip
_QUANTITY_HINT = re.compile(r"(?i)\b(?:\d|" + _trie(_QUANTITY_HINT_WORDS) + ")")
"""A word every share of ``_QUANTITY`` holds, at a word's start: a figure, a number word, a
fraction, ``half``, ``majority``, ``most`` or a poll's participle (looked for before the costly
anchored search; only whether it stands is read, so the words are one trie, which fails at
each place on its first letter, about twice as fast as their alternation)."""


def _hint_by_first_letter(words: list[str]) -> re.Pattern[str]:
    """``_QUANTITY_HINT`` for lower-case ASCII text: a figure or a word of ``words``, each branch
    opening with its first character and then looking behind it for a word's start, so that
    the search skips at C speed to the places one of those characters stands."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    branches = [f"{digit}(?<!\\w.)" for digit in "0123456789"]
    branches += [f"{first}(?<!\\w.){_trie(more)}" for first, more in sorted(rests.items())]
    return re.compile("|".join(branches))


_QUANTITY_HINT_ASCII = _hint_by_first_letter(_QUANTITY_HINT_WORDS)


def _quantity_hint(text: str, lo: int, hi: int) -> bool:
    """Whether ``_QUANTITY_HINT`` finds a word in ``text[lo:hi]``: for ASCII text (the character
    before ``lo`` too, which its ``\\b`` reads) the same search in lower case with
    ``_QUANTITY_HINT_ASCII``, which skips to the candidates' first characters; ``(?i)`` and
    ``\\d`` read ASCII exactly as lower case and ``[0-9]`` do."""
    window = text[lo - 1 if lo else 0 : hi]
    if not window.isascii():
        return _QUANTITY_HINT.search(text, lo, hi) is not None
    return _QUANTITY_HINT_ASCII.search(window.lower(), 1 if lo else 0) is not None


_CLAUSE_START = re.compile(
    r"(?:^|[,;:]\s+(?:(?:and|but|while|whereas)\s+)?|\s(?:and|but|while|whereas|that|which|where)\s+|\s(?:--|[—–])\s+)$"
)


def _quantity_subject(text: str, s: int, cue_start: int) -> tuple[int, int] | None:
    """A share of a group as the verb's subject, opening the sentence (after its introduction)
    or a clause of its own: ``More than six in 10 said``, ``Just over a quarter, 26 percent,
    say``, ``Large majorities of voters in four states said``, ``..., and 29 percent said``."""
    lo = max(s, cue_start - 160)
    if not _quantity_hint(text, lo, cue_start):
        return None  # no word a share can rest on: the anchored pattern's search tries every place
    m = _QUANTITY_SUBJECT_AT.search(text, lo, cue_start)
    if m is None:
        return None
    start = m.start()
    if start in (s, _subject_start(text, s, cue_start)) or _CLAUSE_START.search(text, max(s, start - 12), start):
        return start, start + len(text[start:cue_start].rstrip().rstrip(",").rstrip())
    return None


_WHEN_BEFORE = re.compile(
    r"\s+(?:(?:last|this|next|earlier\s+this|later\s+that)\s+(?:week|month|year|weekend|spring|summer|fall"
    r"|autumn|winter|[A-Z][a-z]+day)|on\s+[A-Z][a-z]+day|(?:earlier|later|yesterday|today)(?:\s+(?:this|that)\s+\w+)?)"
    r"\s+$"
)
"""A time between the subject and its verb: ``Dianne Feinstein (D-Calif.) last week said``,
``Lee on Tuesday said``; the speaker ends before it."""
_PP_HEAD_ENDS = frozenset({"in", "of", "for", "at", "from", "with", "on"})
"""The prepositions ``_HEAD_OF_PP`` ends with: a mention after none of them is no object of one."""
_WHEN_LAST = frozenset(
    {"week", "month", "year", "weekend", "spring", "summer", "fall", "autumn", "winter", "earlier", "later",
     "yesterday", "today"}
)  # fmt: skip
"""The last word of every phrase ``_WHEN_BEFORE`` takes, but a weekday (in ``-day``) and the word
after ``this`` or ``that`` (``earlier this session``)."""

_SHARED_BUT = re.compile(r",?\s+but(?:\s+(?:also|later|then|\w+ly))?\s+$")
"""``but`` (with an adverb) right before a verb with no subject of its own: the sentence's
subject is its speaker (``declined to comment but said ...``)."""
_VERB_WORDS = _AUX_WORDS | _COPULAS
"""An auxiliary or a form of "be": a verb phrase begins."""


def _subject_before_verb(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence's subject without the verb phrase a description runs into (``A spokesman for
    the port`` of ``A spokesman for the port declined to comment``): it ends before the first
    word in lower case that is an auxiliary or a verb in -ed, unless a comma or a relative
    pronoun comes first (``Lee, who was speaking``); ``end`` may run past the subject the
    grammar read (``Hospital groups welcomed ...``: to the verb, not ``Hospital``)."""
    for word in re.finditer(r"[\w’'-]+|,", text[start:end]):
        w = word.group()
        if w == "," or w in ("who", "which", "that"):
            break
        if (
            word.start()
            and w.islower()
            and (w in _VERB_WORDS or w in _STRONG_PAST or (w.endswith("ed") and len(w) > 4))
        ):
            return start, start + len(text[start : start + word.start()].rstrip())
    return _trim_subject(text, start, end)


_PP_GAP = re.compile(r"\s+(?:in|at|of|for|from|with|on)\s+(?:the\s+)?")
_WHO_GAP = re.compile(r"\s+(?:who|who['’]d|whose)\s+[^,;:\"“”()—–]*?\s+")
_GAP_ENDS = frozenset({"in", "at", "of", "for", "from", "with", "on", "the"})
"""The last word of every gap ``_PP_GAP`` takes (a preposition, or ``the`` after one); every gap
``_WHO_GAP`` takes holds ``who``: where the words before the mention hold neither, the sentence's
subject is not read."""


def _apposed_subject(text: str, s: int, cue_start: int) -> tuple[int, int] | None:
    """The sentence's subject set off by a comma before the verb, when it is a role and a name
    with its place (``Another pollster, David Woodard of Clemson University, said``) or a
    name with its place alone after an introduction (``In a statement, Ann Park of the Bayport
    Bank, said``); None when the words before the comma are not the subject."""
    comma = text.rfind(",", s, cue_start)
    found = _np_before(text, s, comma) if comma > s else None
    if found is None or text[found[1] : cue_start].strip() != ",":
        return None
    start = _subject_start(text, s, found[0])
    if found[0] == start:
        return found
    subject = _sentence_subject(text, s, found[0])
    if subject is not None and subject[0] == start and text[subject[1] : found[0]] == ", ":
        return start, found[1]
    return None


_ASIDE_MARK = re.compile(r"[,—–-]")
"""A comma or a dash, which an aside between a verb and ``that`` needs near the verb (one
search of the words' first 120 characters, not a slice per mark)."""


def _whole_subject(text: str, s: int, np: tuple[int, int]) -> tuple[int, int]:
    """The speaker mention before a verb, grown to the sentence's subject when the mention
    found is only the end of it: a name in the subject's prepositional phrase (``Some
    delegates at the convention in Philadelphia said``) or relative clause (``Many of the
    local leaders who would rather work for Cruz said``)."""
    before = text[s : np[0]]
    last = before.rsplit(None, 1)
    if not last or (last[-1] not in _GAP_ENDS and "who" not in before):
        return np  # (no gap either pattern takes ends here: the sentence's subject is not read)
    subject = _sentence_subject(text, s, np[0])
    if subject is None or subject[0] >= np[0] or subject[1] >= np[0]:
        return np
    gap = text[subject[1] : np[0]]
    if _PP_GAP.fullmatch(gap) or _WHO_GAP.fullmatch(gap):
        return subject[0], np[1]
    return np


def _reported_words(
    finder: Finder,
    anchor: CueAt,
    name: str,
    speaker: Piece,
    np: tuple[int, int] | None,
    *,
    inverted: bool,
    relative: bool,
) -> Candidate | Veto:
    """The reported words of a speech cue whose speaker is known: after it (``said (that)
    ...``, ``said: ...``, ``told his advisers to ...``) or, for a finite verb, before it (``...,
    X said.``). ``np`` is the speaker mention found around the verb (None for a participle's
    subject); the candidate's rule is ``name``, ``name.around`` when the words stand on both
    sides (``A, X said, B``), ``name.trailing`` or ``name.inverted`` when they stand before."""
    b, s, e = anchor.block, anchor.start, anchor.end
    text = finder.texts[b]
    cue_start, cue_end = anchor.cue_start, anchor.cue_end
    lemma = _lemma(anchor.word)
    if np is not None and not inverted and _disagrees(text[np[0] : np[1]], anchor.word.lower(), lemma):
        return Veto("no_agreement")  # "..., Oklahoma and his home state.": a noun, not a verb
    participle = np is None
    tail_from = np[1] if inverted and np is not None else cue_end
    after = _skip_tail(text, tail_from, e, lemma)
    if lemma in _COMMISSIVES and after > tail_from and not inverted:
        after = _before_infinitive(text, tail_from, after)  # "vowed Monday to stay": no phrase "to stay"
    sub = _SUBORDINATOR_END.search(text, tail_from, after)
    if sub is not None:
        after = sub.start()  # "told her aides as she wrote ...": a clause of the writer's, not the words
    rest = text[after:e]
    late = _LATE_TIME.match(rest)
    if late is not None:
        rest = rest[late.end("time") :]  # "..., she said in an interview later.": the attribution ends
    stripped = rest.lstrip()
    first_word = stripped.split(" ", 1)[0].lower()
    point_to = lemma == "point" and _POINT_TO.search(text, cue_start, cue_end) is not None  # "pointed to"
    cue = (b, cue_start, cue_end)
    forward_at: int | None = None
    until: int | None = None  # where the words end at the latest, when known
    pro = None  # a word standing for the words ("said yes")
    runs_on = False
    set_apart = False  # "A, X said, B": the words stand on both sides of the attribution
    aside = not inverted and _ASIDE_MARK.search(rest, 0, 120) is not None
    m = _THAT.match(rest) or (_ASIDE_THAT.match(rest) if aside else None)
    listener = _LISTENER_THAT.match(rest) if m is None and lemma in OBJECT_VERBS else None
    question = _ASKED.match(text, cue_end, e) if lemma in _REQUESTS and m is None and not inverted else None
    if question is not None and not question.group("what") and _long_listener(text, question):
        question = None  # "urged caution in a speech at the chamber on Tuesday to business leaders"
    if question is not None and (question.group("what") or question.group("whom")):
        # "asked Clinton Friday whether she would ...", "asked the crowd to stand": what was asked
        forward_at = question.start("what") if question.group("what") else question.start("whom")
        # "urged voters to register, but the polls ...", "asked whether he would run, and the
        # room fell silent": the writer's next clause or the speaker's own verb, as after a pledge
        ends = _OWN_VERB_AFTER_QUESTION if question.group("what") else _OWN_VERB_AFTER_INFINITIVE
        own = ends.search(text, question.end(), e)
        until = own.start() if own is not None else None
    elif m is not None:
        if _PLURAL_VERB_AFTER.match(rest, m.end()) and not inverted:
            return Veto("relative_that")  # "states that have been Republican": a relative pronoun, no report
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
        elif lemma in NEEDS_THAT and lemma not in _COMMISSIVES and _infinitive_after(text, cue_end, after):
            # "As the mayor continues to seek a deal, the strike ...": a verb of doing, no report
            return Veto("verb_phrase_after")
        elif _own_verb_phrase(text, after, e):
            forward_at = None  # "..., the clerk said, but would not give the count": the speaker's own doing
        elif np is not None and not inverted and _AS_BEFORE.search(text, s, np[0]):
            forward_at = after + rest.index(",") + 1  # "As Putin noted, the US side has ..."
        elif np is not None and not inverted and _speaker_mid(text, s, np[0]):
            forward_at = after + rest.index(",") + 1  # "The museum, Mr. Bush said, celebrated ..."
            set_apart = True
        elif np is not None and not inverted and _PREDICATE.match(follow) and _subject_lead(text, s, np[0]):
            forward_at = after + rest.index(",") + 1  # "This campaign, he says, is different."
            set_apart = True
        elif np is not None and not inverted and text[s : np[0]].rstrip().endswith(","):
            forward_at = after + rest.index(",") + 1  # "Over the years, she said, email has ..."
            # "That, Lee said, was the plan.", "But the plan was dead, Lee said, and nobody cared.":
            # the words after cannot stand alone, so the words before are the report's too
            set_apart = _interrupted(finder, b, text, _head_start(text, s, np[0]), np[0], forward_at, e)
    elif stripped and not _ONLY_END.match(stripped):
        runs_on = True  # the words follow the verb with no comma, "that" or colon between
        # "Everything Trump says is a lie": no clause follows the verb
        opens = (stripped[0].isalnum() or (stripped[0] in '"“' and stripped[1:2].isalnum())) and (
            first_word not in _AUXILIARIES
        )
        pro = _PRO_FORM.match(text, after, e) if lemma not in _NEEDS_THAT and not inverted else None
        promised_to = _COMMISSIVE_LISTENER.match(stripped) if lemma in _COMMISSIVES and not inverted else None
        if pro is not None:
            forward_at = after  # "72 percent said yes", "Lee said so on Monday"
        elif promised_to is not None:
            forward_at = after + len(rest) - len(stripped) + promised_to.end()  # "promised voters to cut taxes"
        elif (
            lemma not in _NEEDS_THAT
            and first_word.strip('"“') not in _PREPOSITIONS
            and opens
            and not _indefinite_object(stripped)
        ):
            forward_at = after
        elif (
            lemma not in OBJECT_VERBS
            and first_word == "her"
            and (_clause_without_that(stripped) or _PAST_AFTER_SUBJECT.match(stripped) is not None)
        ):
            forward_at = after  # "said her group will ...": a possessive opening a subject, not a listener
        elif (
            lemma not in _NEEDS_THAT
            and first_word in _QUANTITY_SUBJECTS
            and (_SUBJECT_THEN_VERB.match(stripped) or _PAST_AFTER_SUBJECT.match(stripped))
        ):
            forward_at = after  # "said much of the talk was about Israel": a quantity, then its verb
        elif (
            lemma in _NEEDS_THAT
            and lemma not in OBJECT_VERBS
            and lemma not in _REPLY_LEMMAS
            and (
                _clause_without_that(stripped)
                or _past_clause_without_that(stripped)
                or _QUANTIFIED_SUBJECT_VERB.match(stripped) is not None
            )
        ):
            # "suggested the country should send more troops", "suggest such a tactic could fail":
            # a clause all the same
            forward_at = after
        elif _PRONOUN_SUBJECT.fullmatch(first_word) and (lemma not in OBJECT_VERBS or after > cue_end):
            forward_at = after  # "announced Sunday she will resign": a clause, without "that"
        elif lemma in OBJECT_VERBS and first_word in _POSSESSIVES and after > cue_end and not inverted:
            forward_at = after  # "told the AP her group never worked with him": a clause after the listener
        elif lemma in OBJECT_VERBS and first_word == "to" and after > cue_end and not inverted:
            forward_at = after  # "told his advisers to find a way": what they were told
        elif lemma in _STANCE_VERBS and _STANCE_OBJECT.match(stripped) and not inverted:
            forward_at = after  # "announced her candidacy", "declared his support for Park": a stance told
            when = _STANCE_WHEN.search(text, after, e)
            until = when.start() if when is not None else e  # "... her candidacy on Monday": not what was told
        elif lemma == "recall" and opens and not inverted and _RECALLED.match(stripped):
            forward_at = after  # "recalling a visit to the mill", "recalled summer visits to the lake": what they told
        elif anchor.word.lower() in _GERUND_REPORTS and _GERUND.match(stripped) and not inverted:
            forward_at = after  # "reported spending $6 million", "denied having met him": what they tell
        elif lemma in _COMMISSIVES and not inverted and _promised_infinitive(stripped):
            forward_at = after  # "pledged to work together": what they promised, an infinitive
            own = _OWN_VERB_AFTER_INFINITIVE.search(text, after, e)
            until = own.start() if own is not None else None  # "... and celebrated the ruling": the speaker's doing
        elif (
            point_to
            and opens
            and (first_word not in _PREPOSITIONS or first_word == "her")  # "pointed to her record"
            and not inverted
        ):
            forward_at = after  # "pointed to a rise in jobs": the evidence the speaker cited (no clause needed)
        elif (
            first_word in _WH_OPENERS
            and lemma not in _REPLY_LEMMAS
            and _WH_CLAUSE.match(stripped)
            and not (lemma in OBJECT_VERBS and _FREE_RELATIVE.match(stripped))
        ):
            forward_at = after  # "explained why the polls were wrong": an indirect question told
        elif _speechy_quote(text, after, e) and opens:
            forward_at = after  # "promised lower taxes and "jobs, jobs, jobs"": their words
    # a verb whose subject must be able to speak (not "The storm promised to be severe")
    mute_kind = lemma in _COMMISSIVES or (runs_on and (lemma == "point" or first_word in _WH_OPENERS))
    if mute_kind and forward_at is not None and mute_subject(finder.texts[speaker[0]][speaker[1] : speaker[2]]):
        forward_at = None  # "The storm promised to be severe", "The arrow points to the exit": nothing said
    if forward_at is not None and point_to:
        # "pointing to his record and saying that ...": the next verb's words; "pointed to the
        # data and laughed", "..., and we walked on": the speaker's doing or a clause of its own
        # (not after a relative clause in the object: "runs that received ... and raised ...")
        for pattern in (_AND_PARTICIPLE_AFTER, _OWN_VERB_AFTER_OBJECT):
            joined = pattern.search(text, forward_at, e)
            if joined is not None and (
                pattern is _AND_PARTICIPLE_AFTER or not _RELATIVE_WORD.search(text, forward_at, joined.start())
            ):
                until = joined.start() if until is None else min(until, joined.start())
        if _pointed_at_thing(text[forward_at:e].lstrip()):
            forward_at = None  # "pointed to the ceiling", "pointed to the statue and told us ...": a finger
    if (
        forward_at is not None
        and np is not None
        and not inverted
        and not stripped.startswith(",")  # "As Putin noted, the US side has ...": the words are the main clause
        and _SUBORDINATE_OPENS.match(text[s : np[0]].strip()) is not None
    ):
        # "While organizers say they are ready, they are not ...": the report is the fronted
        # clause's, and its words end where the sentence's main clause opens
        main = _MAIN_CLAUSE_AFTER.search(text, forward_at, until or e)
        if main is not None and lemma not in _QUESTION_LEMMAS and _OWN_SUBORDINATE.match(text, forward_at):
            # "Because Lee says that when prices rise, they rise for everyone, the board ...":
            # the first main clause is the report's own, after its own subordinate clause (not
            # after a question: "When a reporter asked if ..., Lee deflected")
            own_main = main
            main = _MAIN_CLAUSE_AFTER.search(text, own_main.end(), until or e)
            if main is None:
                # "..., they will walk out, the union disagrees": the next comma and a subject
                main = _COMMA_THEN_SUBJECT.search(text, own_main.end(), until or e)
        if main is None:
            main = _MARK_THEN_SUBJECT.search(text, forward_at, until or e)
        until = main.end("mark") if main is not None else until  # ('"a good start," the board ...': the mark)
    if forward_at is not None and np is not None and _WHICH_CLAUSE_LEAD.search(text, s, np[0]):
        # "The press conference, at which he announced his retirement, lasted an hour."
        closing = _last_closing_comma(text, forward_at, until or e)
        until = closing.start() if closing is not None else until
    closing = _INVERTED_RELATIVE.fullmatch(text, after, e) if inverted and forward_at is not None else None
    if closing is not None:
        # "..., say engineers who study them.": the speaker's relative clause closes the sentence
        forward_at = None
        speaker = (b, speaker[1], closing.end("clause"))
        after, rest = closing.end("clause"), text[closing.end("clause") : e]
    if inverted and forward_at is not None:
        return Veto("not_inversion")  # "..., said no immediate decision had been made"
    if forward_at is not None and not participle and np is not None and not inverted:
        lead_text = text[s : np[0]].strip()
        # "..., and three-quarters said ...": a clause of its own may follow other words
        if (
            lead_text
            and not relative
            and not _ok_lead(lead_text)
            and not _speaker_mid(text, s, np[0])
            and not _NEW_CLAUSE.search(lead_text)
            and not (_PRONOUN_SUBJECT.fullmatch(text[np[0] : np[1]].lower()) and _AS_CLAUSE_LEAD.search(lead_text))
            and not (_AND_BEFORE.search(lead_text) and _NEW_SUBJECT.match(text, np[0], np[1]))
        ):
            if not _subject_phrase(lead_text):
                return Veto("content_before_speaker")
            # "Politicians and even some technologists say ...": the mention is the end of the subject
            speaker = (b, s + len(text[s : np[0]]) - len(text[s : np[0]].lstrip()), speaker[2])
    rule = name
    pieces: list[Piece] = []
    if forward_at is not None:
        # (set apart, the words after may be short: "The bridge, she said, was old.")
        that_clause = m is not None or listener is not None
        least = 1 if set_apart else 2 if that_clause or until is not None else 3
        if pro is not None:
            # "72 percent said yes", "Lee said so", "26 percent said the same": a word for the words
            least = 1
            piece = finder.content(b, text, pro.start("words"), pro.end("words"), least=1)
        else:
            piece = finder.content(b, text, forward_at, _clause_end(text, forward_at, until or e), least=least)
        if piece is not None and that_clause and least == 2 and not _short_that_clause(text, piece):
            piece = None
        if piece is not None and finder.kind_of(text, piece) == "mixed":
            piece = _after_last_quote(text, piece)
            piece = _before_next_clause(text, piece)
        elif piece is not None:
            said_by = finder.texts[speaker[0]][speaker[1] : speaker[2]]
            piece = _before_next_report(text, _without_writers_tail(text, piece), said_by)
        if piece is not None and relative and np is not None:
            piece = _before_main_verb(text, piece, s, np, cue_start)
        if piece is not None:
            pieces.append(piece)
            # "A, X said, B": the words before the attribution belong to it too
            lo_np = speaker[1]
            if inverted or set_apart or (np is not None and _speaker_mid(text, s, lo_np)):
                if runs_on and not inverted and np is not None and _RELATIVE_BETWEEN.match(text, np[1], cue_start):
                    # "Smith, a lawyer who has argued many cases, will ...": the verb runs on into
                    # its object inside an apposition; "A, X said, B" sets the attribution apart
                    return Veto("not_parenthetical")
                # the verb runs on into its words, or into "that", a listener or a colon ("If
                # there were doubts, Lee argued (that) the bridge would close"): no "A, X said,
                # B", which sets the attribution apart with commas; the words before only
                # introduce the report
                head = (
                    None
                    if not inverted and not stripped.startswith(",")
                    else finder.content(b, text, _head_start(text, s, lo_np), lo_np, least=1)
                )
                if head is not None:
                    pieces.insert(0, head)
                    rule = f"{name}.around"
            if len(pieces) == 1 and least != 2 and pro is None and _fewer_words(text, piece[1], piece[2], 3):
                return Veto("no_words")  # "The bridge, she said, was old" without its subject
    elif not participle:
        # trailing attribution: "..., X said Thursday." / "..., said X."
        lo_np = np[0] if np is not None and not inverted else cue_start
        if not text[s:lo_np].rstrip().endswith((",", "—", "–", "--")):
            return Veto("no_words")
        goes_on = _GOES_ON.match(text, after, e)
        if goes_on is not None and (
            goes_on.group("first") in _AUXILIARIES or _finite(goes_on.group("first").lower(), "")
        ):
            goes_on = None  # "..., said Kim, but left early": the speaker's own verb
        named = _ROLE_NAME_CLOSING.fullmatch(text, after, e) if inverted else None
        if named is not None:
            speaker = (b, speaker[1], named.end("name"))  # "..., said the firm's chief, John J. Smith."
            rest = ""
        if (
            rest.strip(' .?!"”’)')
            and not _TRAILING_CLAUSE.match(rest)
            and goes_on is None
            and not _own_verb_phrase(text, after, e)
        ):
            return Veto("more_than_attribution")
        if lemma in NEEDS_THAT and _infinitive_after(text, cue_end, e):
            return Veto("verb_phrase_after")  # "Trump continues to lead the field.": not speech
        piece = finder.content(b, text, _lead_start(text, s, lo_np), lo_np)
        if piece is None:
            clause = _clause_after_source(finder, b, text, _lead_start(text, s, lo_np), lo_np)
            if clause is not None:
                piece = finder.content(b, text, clause, lo_np)
        if piece is not None and _only_introduction(text[piece[1] : piece[2]]):
            return Veto("introduction_not_words")  # "In a statement, the governor urged ...": no words
        if piece is not None:
            pieces.append(piece)
            rule = f"{name}.inverted" if inverted else f"{name}.trailing"
            if goes_on is not None:
                # "A, said X, because B": the words go on after the attribution
                tail = finder.content(b, text, goes_on.end(), _clause_end(text, goes_on.end(), e), least=3)
                if tail is not None:
                    pieces.append(tail)
                    rule = f"{name}.around"
    if not pieces:
        return Veto("no_words")
    return Candidate(finder.kind_of_all(text, pieces), pieces, cue, speaker, rule=rule)


_LINKED_CLAUSE = re.compile(
    r"\s*(?:and|but|because|although|though|whereas"
    r"|since(?!\s+then\b)|so(?!\s+(?:many|few|much|far|too|long)\b)|yet(?!\s+(?:another|again)\b))\s+\S"
)
"""A clause linked to the one before it, opening the words after ``A, X said,`` (not an adverb:
``so many``, ``since then``, ``yet another``)."""

_VERB_FOLLOWERS = DETERMINERS | frozenset(
    {"to", "in", "on", "at", "for", "with", "from", "over", "into", "after", "before", "against", "about",
     "under", "through", "that", "it", "him", "her", "them", "us", "me", "you", "up", "down", "out", "off",
     "back", "away", "and", "but", "or", "as", "when", "because", "again", "too"}
)  # fmt: skip
"""Words after a verb in the past that show it is the predicate (``collapsed in May``, ``failed to
pass``), not a modifier opening a subject of its own (``armed men``, ``increased demand``)."""

_WH_WORDS = frozenset({"how", "what", "why", "where", "when", "who", "whom", "whose", "which"})


def _interrupted(finder: Finder, b: int, text: str, head: int, np_start: int, at: int, e: int) -> bool:
    """Whether ``A, X said, B``, its words before the speaker read as an introduction, is one
    report interrupted by its attribution: ``B`` opens with a verb, with no subject of its own
    (``That, Lee said, was the plan.``, ``Riding alone, the guards said, can be risky.``), or ``A`` is a
    clause and ``B`` a clause linked to it, with no speech cue of its own (``But the plan was
    dead, Lee said, and nobody cared.``; not ``..., and Park said it would return``), and ``A``
    holds no quote already found (``While Lee says the plan is "bold," the board, its members
    insisted, will vote no.``: ``A`` opens with another report)."""
    if finder.busy(b, head, np_start):
        return False
    before = text[head:np_start].rstrip().rstrip(",")
    lead = re.findall(r"[a-z][\w’'-]*", before.lower())
    if (
        lead
        and lead[0] in _INTRO_OPENERS
        and "," not in before
        and not any(_FINITE_WORD.fullmatch(w) or w in _STRONG_PAST for w in lead[1:])
    ):
        # "During the call, he asked ..., called ...", "In court papers filed Tuesday, ...": one
        # phrase before the speaker, no clause (not "In 2019, the plan, Lee said, failed.", a
        # subject after the phrase)
        return False
    words = text[at:e].split(None, 2)
    first = words[0].rstrip('.;:?!"”’)') if words else ""  # ("failed.": the verb closes the sentence)
    if _PREDICATE.fullmatch(first) is not None:
        # "That, Lee said, was the plan."; not a question's inverted subject after an introduction
        # ("Speaking at the rally, Lee asked, would voters forgive him?")
        return not (text[at:e].rstrip().endswith("?") and (not lead or lead[0] not in _WH_WORDS))
    return (
        (
            first.islower()
            and first not in _NOT_VERBS
            and _PAST_WORD.fullmatch(first) is not None
            # the verb ends the sentence or a function word follows it ("failed.", "collapsed in May"),
            # not a noun it would modify ("armed men", "increased demand"; "followed by": a participle)
            and (len(words) < 2 or (words[1].lower().rstrip(".,;:?!") in _VERB_FOLLOWERS and words[1] != "by"))
        )
        or (
            _LINKED_CLAUSE.match(text, at, e) is not None
            and any(_verb_word(w) or _finite(w, "") for w in re.findall(r"[a-z][\w’'-]*", text[head:np_start]))
            and not finder.cues_in(b, at, e)
        )
    )


_CONJUNCTION_AFTER_SOURCE = re.compile(_NEXT_CLAUSE_OPENER + r"\s*")


def _clause_after_source(finder: Finder, b: int, text: str, start: int, end: int) -> int | None:
    """Where the next clause starts whose report a trailing attribution at ``end`` closes, when
    the words from ``start`` open with a quote already found and its ``according to X``
    (``The plant will close, according to a memo, and it will cut 500 jobs, a spokesman
    said``: ``it will cut ...``); None otherwise."""
    taken_end = max((t for f, t in finder.taken.get(b, []) if f <= start < t and t < end), default=-1)
    if taken_end < 0:
        return None
    m = _CONJUNCTION_AFTER_SOURCE.search(text, taken_end, end)
    if m is None or "according to" not in text[taken_end : m.start()].lower():
        return None
    return m.end()


_STANCE_VERBS = frozenset({"announce", "declare"})
_STANCE_OBJECT = re.compile(
    r"(?:his|her|their|its|our|my)\s+(?:[\w’'-]+\s+){0,2}?" + alternation("stance_nouns") + r"\b"
)
"""A decision or stance of the speaker's own as the object of ``announce`` or ``declare`` (``her
candidacy``, ``his presidential bid``, ``their support for ...``): what the announcement tells.
Not plans or products (``announced plans to build``, ``a new plan for``: no possessive, no
stance)."""
_STANCE_WHEN = re.compile(
    rf"\s+(?:(?:on|in|last|this|early|late|earlier)\s+)?(?:{alternation('weekday_names')}"
    rf"|{alternation('month_names')}|\d{{4}})\b"
)
"""A date after a stance announced (``on Monday``, ``in June 2015``): the writer's, not the words."""

_LATE_TIME = re.compile(
    r"\s+(?P<time>later|earlier|afterwards?|recently|yesterday|today|tonight|again|too)[.?!\"”’)]*\s*$"
)
"""A time adverb alone closing an attribution (``..., she said in an interview later.``): the
attribution's end, no words of its own."""

_ADVERB_WORDS = frozenset(
    {"however", "thus", "therefore", "here", "there", "then", "also", "later", "now", "still", "meanwhile",
     "instead", "nonetheless", "nevertheless", "again", "finally", "once"}
)  # fmt: skip
"""The adverbs ``_ADVERB_BEFORE`` takes right before a verb, besides words in ``-ly``."""
_ADVERB_BEFORE = re.compile(
    r"\s+(?:" + "|".join(sorted(_ADVERB_WORDS)) + "|(?!" + alternation("ly_nouns") + r"\s)[a-z]{3,}ly)\s+$"
)
"""An adverb between the subject and its verb (``Carter however said``, ``Her campaign workers
here said``): the subject ends before it; not a noun in -ly (``Members of the family said``)."""

_CLOSE_TO_SUBJECT = re.compile(
    r"(?:^|[,—–]\s+)(?P<np>(?:(?:a|an|the|two|three|several|some|other|those|these)\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:people|persons?|sources?|officials?|aides?|advisers?|allies|associates?|friends?|insiders?|officers?)\s+"
    r"(?:close\s+to|familiar\s+with|briefed\s+on|knowledgeable\s+about|with\s+knowledge\s+of)\s+[^,;:.!?\"“”]{1,50}?)\s*$"
)
"""A subject whose head a phrase of access follows (``a source close to him``, ``people
familiar with the talks``): the whole phrase, which the speaker mention cuts at its object."""

_SUBJECT_LEAD_AFTER_COMMA = re.compile(
    r"[,—–]\s+(?P<words>(?:(?:those|these|some|many|most|several|other|both|all|the)\s+)?"
    r"(?:(?!(?:and|or|but|said|says|say)\s)[a-z]{3,}\s+(?:and|or)\s+)?)$"
)
"""The start of a subject after a comma or dash that the speaker mention found leaves out: a
determiner (``..., those people said``) or the first of two coordinated modifiers (``...,
current and former officials said``)."""

_MODIFIERS_AFTER_COMMA = re.compile(r",\s+(?P<words>(?:[a-z][\w’'-]*\s+){1,3})$")
"""Words in lower case between a comma and the speaker mention the grammar read (``these`` of
``these people``, ``union`` of ``union members and leaders``): the start of the mention when
the attribution is set apart (``Mrs. Park, these people said, would ...``)."""
_NOT_MODIFIERS = frozenset(
    {"and", "but", "or", "nor", "so", "yet", "then", "that", "which", "who", "whom", "whose", "what", "when",
     "where", "while", "as", "if", "because", "since", "although", "though", "after", "before", "until", "to",
     "of", "in", "on", "at", "for", "with", "by", "from", "about", "into", "over", "than", "said", "says", "say",
     "is", "are", "was", "were", "be", "has", "have", "had", "not", "also", "even", "only", "just", "still"}
)  # fmt: skip

_ASIDE_THAT = re.compile(
    r"(?:\s+(?:on|in|at|to|during|after|before|with|for|from|by|about|again|later|earlier|also|\w+ly)"
    r"(?:\s+[^\s,;:\"“”()]+){0,4})?\s*(?:,\s*[^,;:\"“”()]{1,80}?,|\s(?:—|–|--)\s*[^—–;:\"“”()]{1,80}?\s(?:—|–|--))\s*that\b"
)
"""An aside set off by commas or dashes between the verb and ``that``, after an adverb or a phrase
opened by a preposition or none (``said, twice, that ...``, ``said on CNN, where he is an analyst,
that ...``, ``said — on the radio, as it happens — that ...``): the words follow ``that``; not
after an object (``said the plan, which ..., that``)."""

_PRO_FORM = re.compile(
    r"\s*(?P<words>yes|no|so|the\s+same)(?=\s*(?:[.;!?]|$|,\s+(?:and|but)\b)|\s+(?:and|but|while|in|on|at|when"
    r"|after|before|again|too|then|last|this|earlier|recently)\b)"
)
"""Words that stand for what was said after a speech verb (``yes``, ``no``, ``so``, ``the
same``), then the sentence's end, a conjunction, or a time or place."""


def _short_that_clause(text: str, piece: Piece) -> bool:
    """Whether the words of a ``that`` clause are three words or more, or a subject and its
    finite verb (``told analysts that sales rose``): ``that`` with a finite verb opens reported
    speech however short it is."""
    words = text[piece[1] : piece[2]].split()
    if len(words) >= 3:
        return True
    return len(words) == 2 and words[0].isalpha() and _finite(words[1].lower().rstrip(".,;:!?"), "")


_RELATIVE_WHO = re.compile(r"(?P<comma>,)?\s+(?:who|(?<=,\s)which)\s+(?:\w+ly\s+)?$")
_WORD_AT = re.compile(r"[\w’'-]+[,;]?")
_NOT_BEFORE_VERB = frozenset(
    {"and", "or", "but", "nor", "who", "which", "that", "to", "it", "he", "she", "they", "we", "i", "you", "there",
     "this", "these", "those", "what", "whom"}
)  # fmt: skip
_INSIDE_VERB_GROUP = frozenset({"not", "never", "since", "also", "already", "just", "now", "then", "still", "long"})


def _verb_word(word: str) -> bool:
    """A word that reads as a finite verb or an auxiliary: ``was``, ``retired``, ``took``."""
    return word in _AUX_WORDS or word in _COPULAS or word.endswith("ed") or word in _STRONG_PAST


def _before_main_verb(text: str, piece: Piece, s: int, np: tuple[int, int], cue_start: int) -> Piece:
    """Reported words in a relative clause inside the sentence's subject end before the main
    clause's verb: ``The judge who ruled that the search was unlawful retired last year.``,
    ``Lee, who ruled that the search was unlawful, has retired.`` (the words ``the search was
    unlawful``). The main verb group is the last one after a verb of the words' own clause; it
    follows a word no verb follows inside a clause (not ``and``, ``who``, ``to`` or a pronoun),
    or, when commas set the relative clause off, a comma."""
    b, start, end = piece
    who = _RELATIVE_WHO.search(text, np[1], cue_start)
    if who is None or not _ok_lead(text[s : np[0]].strip()):
        return piece
    words = [m for m in _WORD_AT.finditer(text, start, end)]
    low = [m.group().lower() for m in words]
    seen_verb = False
    cut = None
    for i, word in enumerate(low):
        if i > 0 and low[i - 1] in ("he", "she", "it") and word.endswith("s") and not word.endswith("ss"):
            seen_verb = True  # "which said that it backs Lee, held a rally": the words' own verb
            continue
        if not _verb_word(word.rstrip(",;")):
            continue
        j = i - 1
        while j >= 0 and (low[j] in _INSIDE_VERB_GROUP or low[j].endswith("ly")):
            j -= 1
        before = low[j] if j >= 0 else ""
        if before and _verb_word(before):
            continue  # inside a verb group: "has since retired", "was conducted"
        opens = (
            before.endswith(",")
            if who.group("comma")
            else before and not before.endswith(";") and before not in _NOT_BEFORE_VERB
        )
        if seen_verb and opens:
            cut = words[j + 1].start()
        seen_verb = True
    if cut is None or len(text[start:cut].split()) < 3:
        return piece
    return b, start, len(text[:cut].rstrip(" ,"))


_INVERTED_RELATIVE = re.compile(r"\s+(?P<clause>(?:who|whom|whose)\s[^\"“”;:,()]{3,80}?)[.!?]?[\"”’)]*\s*")
"""A relative clause without a comma closing the sentence after an inverted speaker (``...,
say engineers who study them.``): the speaker's, not the reported words."""

_ROLE_NAME_CLOSING = re.compile(
    r",\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]*)(?:,\s+(?:who|whose)\s[^\"“”;]*?)?[.!?]?[\"”’)]*\s*"
)
"""A name closing the sentence after an inverted attribution's role, maybe with its relative
clause: ``..., said the firm's chief executive, John J. Smith.``, ``..., said the bureau's
director, James B. Comey, who spoke Monday.``"""

_OWN_VERB = re.compile(r"\s*,\s*but\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)\s+[a-z]")


def _own_verb_phrase(text: str, at: int, end: int) -> bool:
    """Whether a verb phrase without a subject of its own follows an attribution after a comma
    and ``but`` (``..., the clerk said, but would not give the count``, ``..., said Kim, but
    left early``): what the speaker did, which shares the attribution's subject, not more of
    the words (``..., she said, but the money is short``). (Also after ``, and``: fold 0 lost a
    quote.)"""
    m = _OWN_VERB.match(text, at, end)
    if m is None:
        return False
    verb = m.group("verb")
    # (a past or an auxiliary: a form in -s may be a plural subject, "but officials disagree")
    return verb in _AUX_WORDS or verb in _AUXILIARIES or verb.endswith("ed") or verb in _STRONG_PAST


_AND_BEFORE = re.compile(r"\s(?:and|but)$|\s-\s*(?:and|but)?$")
_NEW_SUBJECT = re.compile(r"(?:he|she|they|we|I|[A-Z][\w’'.-]*)\b")
"""``and``, ``but`` or a spaced hyphen before a pronoun or a name: the subject of a clause of
its own (``He answered questions and Gates said he ...``, ``... - but he said ...``)."""

_NOT_IN_SUBJECT = frozenset(
    {"that", "if", "because", "when", "while", "although", "though", "as", "since", "after", "before", "unless",
     "whether", "than", "so", "but", "or", "not", "be", "been", "being", "there", "it", "he", "she", "they",
     "we", "i", "you", "what", "which", "who", "whose", "whom"}
)  # fmt: skip
_SUBJECT_WORD = re.compile(r"[A-Za-z0-9][\w’'.%-]*")


def _subject_phrase(lead: str) -> bool:
    """Whether the words opening a sentence before a speaker mention read as the start of its
    subject, not as content: ``Politicians and even some`` (``... technologists say``), ``A
    teary-eyed`` (``... Bush says``), ``Democrats trying to win the Senate in`` (``... November
    say``, an infinitive inside a participle phrase): at most twelve words opened by a capital,
    with no punctuation, no finite verb or auxiliary, no pronoun and no word that opens a clause
    of its own."""
    words = lead.split()
    if not words or len(words) > 12 or not words[0][:1].isupper():
        return False
    for i, word in enumerate(words):
        low = word.lower()
        if _SUBJECT_WORD.fullmatch(word) is None or low in _NOT_IN_SUBJECT:
            return False
        if low in _AUX_WORDS or low in _COPULAS or low in SPEECH_VERBS or low in _STRONG_PAST:
            return False
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if low.endswith("ed") and "-" not in low and not (i and after in _PARTICIPLE_PREPOSITIONS):
            return False  # (a participle after the head, before its phrase: "People briefed on the talks")
    return True


_PARTICIPLE_PREPOSITIONS = frozenset({"by", "on", "in", "at", "for", "with", "from", "to", "about"})


_GERUND_REPORTS = frozenset({"reported", "denied", "admitted", "recalled", "acknowledged"})
"""Verb forms whose gerund object is what was reported: ``reported spending $6 million`` (not
the noun in ``the report covering the last quarter``)."""
_GERUND = re.compile(r"(?:not\s+)?[a-z]{3,}ing\s+\S")

_SUBORDINATOR_END = re.compile(r"\s+(?:as|when|while|after|before|because|since|until)\s*$")
"""A subordinator closing what the attribution's tail skipped (``told her aides as``)."""

_FINITE_AUX = alternation("finite_auxiliaries")
"""``is``, ``would``, ``has`` ...: a word that opens a finite verb phrase, as a pattern group."""
_PREDICATE = re.compile(_FINITE_AUX + r"\b")
"""Words after ``A, X said,`` that open a verb phrase: ``A`` is its subject."""


def _subject_lead(text: str, s: int, np_start: int) -> bool:
    """Whether the words before ``X said,`` read as a subject of their own (``This campaign,``)
    though they open like an introduction (``This week,``): two to six words, none a
    preposition, a number or a time."""
    words = text[s:np_start].strip().rstrip(",").split()
    if not 2 <= len(words) <= 6 or "," in text[s:np_start].strip().rstrip(","):
        return False
    low = [w.lower() for w in words]
    return not any(w in _INTRO_OPENERS or w in _TIME_WORDS or w[:1].isdigit() for w in low)


_TIME_WORDS = frozenset(
    {"week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "time", "spring", "summer",
     "fall", "autumn", "winter", "day", "days", "weeks", "months", "years", "season", "session", "term"}
)  # fmt: skip


_RELATIVE_BETWEEN = re.compile(r"\s*,?\s*(?:who|which|that)\b", re.IGNORECASE)
"""A relative pronoun between a speaker mention and its verb: the verb is in the mention's clause."""

_NEXT_CLAUSE = re.compile(r",?\s+(?:but|and|while)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)\b")


def _before_next_clause(text: str, piece: Piece) -> Piece:
    """Reported words holding quoted ones, without a clause after their last quoted words that
    ``but``, ``and`` or ``while`` and a speech or characterising verb open (``she respects his
    "passion" but argues that ...``, ``... "too early" to pick a side while adding, "..."``):
    another report of the same speaker; a comma before the conjunction stays out of the words.
    (Ending also at a conjunction and a new subject, ``"excited where we stand" as he faces a
    test``, cost speaker accuracy on held-out text.)"""
    b, start, end = piece
    last = _last_mark(text, start, end)
    if last < 0:
        return piece
    for m in _NEXT_CLAUSE.finditer(text, last, end):
        if m.group("verb") in SPEECH_VERBS or m.group("verb") in CHARACTERISING_VERBS:
            return b, start, m.start()
    first = _HAS_QUOTE.search(text, start, last)
    for m in _NEXT_CLAUSE.finditer(text, first.end() if first is not None else last, last):
        verb = m.group("verb")
        if verb.endswith("ing") and verb in SPEECH_VERBS and not _inside_quote(text, start, m.start()):
            # 'calling the plan a "sham" and asking how it ever "got this far"': the
            # second participle, with quoted words of its own, is another report
            return b, start, m.start()
    return piece


_BUT_REPORT = re.compile(r",?\s+but\s+(?:(?:also|later|then|\w+ly)\s+)?(?P<verb>[a-z]+)\b")


_DECLINING = re.compile(
    r",?\s+(?:but|and)\s+(?:(?:declined|refused)\s+to\b"
    r"|(?:would|did|could)(?:\s+not|n[’']t)\s+(?:say|comment|elaborate|specify|discuss|offer|provide|give|name"
    r"|identify|disclose|answer|respond|confirm|release)\b)"
)
"""``but`` or ``and`` and the speaker declining to say more, with no subject of its own (``...
but declined to provide a list``, ``... but would not offer details``)."""


def _before_next_report(text: str, piece: Piece, speaker: str) -> Piece:
    """Reported words (with no quoted words) end before the speaker declining to say more
    (``_DECLINING``), and before ``but`` and a speech verb in the past or the present with no
    subject of its own (``she had met him twice but said neither man
    ...``, ``the name was wrong, but noted that ...``): the speaker's next report, a quote of
    its own. They end before ``, and`` and a pronoun with its verb when the pronoun stands
    for the ``speaker`` (``_speakers_own_clause``)."""
    b, start, end = piece
    # (both patterns below hold "but", the first "but" or "and": most words hold neither)
    but = text.find("but", start, end) >= 0
    declining = _DECLINING.search(text, start, end) if but or text.find("and", start, end) >= 0 else None
    if declining is not None and len(text[start : declining.start()].split()) >= 3:
        piece = b, start, end = b, start, declining.start()  # "... but declined to name them": the speaker's
    for m in _BUT_REPORT.finditer(text, start, end) if but else ():
        verb = m.group("verb")
        if verb in SPEECH_VERBS and (verb.endswith("ed") or verb != SPEECH_VERBS[verb]) and not verb.endswith("ing"):
            return (b, start, m.start()) if len(text[start : m.start()].split()) >= 3 else piece
    clause = _AND_PRONOUN_CLAUSE.search(text, start, end)
    cut = clause.start() if clause is not None else end
    if (
        clause is not None
        and len(text[start:cut].split()) >= 3
        and not _inside_quote(text, start, cut)
        and _speakers_own_clause(clause.group("pronoun"), speaker, text[start:cut])
    ):
        return b, start, cut  # "..., and she decided ...": a clause of the writer's
    other = _OTHER_SUBJECT.search(text, start, end)
    verb = _WORD_AFTER.match(text, end)
    if other is not None and verb is not None and len(text[start : other.start()].split()) >= 3:
        word = verb.group(1)
        if word in SPEECH_VERBS and (word.endswith("ed") or word != SPEECH_VERBS[word]):
            # '..., but the shadow chancellor replied: "..."': the words ran on into the subject
            # of someone else's report
            return b, start, other.start()
    return piece


_AND_PRONOUN_CLAUSE = re.compile(
    r",\s+and\s+(?P<pronoun>he|she|they|we|I)\s+(?:(?:also|then|later|\w+ly)\s+)?[a-z]+(?:ed|s)\b"
)
"""A comma, ``and``, a pronoun subject and a finite verb after reported words."""


def _plural(word: str) -> bool:
    """A noun in the plural or of a group or body (``voters``, ``police``, ``the team``); a
    word in capitals is a name (``Jones``) unless it is such a noun opening the sentence."""
    low = word.strip(".,;:’'\"").lower()
    if low in GROUP_NOUNS or low in ORG_WORDS:
        return True
    return word[:1].islower() and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _subject_nouns(words: str) -> list[str] | None:
    """The words of the subject opening reported words after its determiners, up to a
    preposition, a comma, an auxiliary or a verb in the past (three words at most): ``suspect``
    of ``the suspect fled``, ``senator misled voters`` (``misled`` is read as a noun, all the
    same), ``worries`` of ``those worries on Sunday``; a subject pronoun alone; None when
    neither opens the words."""
    tokens = words.split()
    if tokens and tokens[0].lower() in PRONOUNS:
        return [tokens[0]]
    nouns: list[str] = []
    for token in tokens:
        word = token.lower().strip(",;:")
        if not nouns and word in DETERMINERS:
            continue
        if word in _PREPOSITIONS or word in _AUX_WORDS or word in _COPULAS or _verb_word(word):
            break
        nouns.append(token.strip(",;:"))
        if token.endswith((",", ";", ":")) or len(nouns) == 3:
            break
    return nouns or None


def _speakers_own_clause(pronoun: str, speaker: str, words: str) -> bool:
    """Whether ``, and <pronoun> <verb>`` after reported words opens a clause about the
    speaker (the writer's, not the words): the pronoun agrees with the speaker (``he``, ``she``
    or ``I`` for one, ``they`` or ``we`` for a group or a plural) and no noun of the report's
    own subject could be what the pronoun stands for (``Lee said she ran ..., and she
    decided ...``; ``Mr. Lew raised those worries ..., and he raised them again``). Not
    ``Police said the suspect fled, and he remains at large`` (police are no "he"), ``Lee said
    the senator misled voters, and he owes ...`` (the senator may be "he") nor ``Lee said the
    team practiced, and they deserved the win`` (Lee is no "they")."""
    many = pronoun.lower() in ("they", "we")
    head = speaker.split(",")[0].split()
    if not head or many != _plural(head[-1]):
        return False
    nouns = _subject_nouns(words)
    if nouns is None:
        return False
    if len(nouns) == 1 and nouns[0].lower() in PRONOUNS:
        return True  # "she ran ..., and she decided": the same one, or one the pronoun is not
    if mute_subject(" ".join(nouns)):
        return True  # "the storm ..., and she ...": a thing
    return all(_plural(noun) != many for noun in nouns)


_OTHER_SUBJECT = re.compile(
    r",\s+(?:and|but|while|whereas|to\s+which|whereupon)\s+(?:the|a|an|his|her|their|its|[A-Z][\w’'.-]*)"
    r"(?:\s+[\w’'.-]+){0,4}\s*$"
)
"""A comma, a conjunction and a subject of one to five words ending the reported words, where a
speech verb follows them: the subject of someone else's report."""
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


_WRITERS_TAIL = re.compile(
    r",\s+(?:who|whose|where|however|based\s+on|compared\s+(?:with|to)|(?:just\s+)?as\s+(?:was|were|is|are|has|have|had|did|does|do)\b|but\s+(?:his|her|their|its|he|she|they|it|we|i)"
    r"|an?\s+(?:[\w’'-]+\s+){1,4}?(?:[a-z]+ing|than|that)\b"
    # a consequence the writer adds: '..., sending shares down 5 percent', ', prompting ...'
    r"|sending|prompting|leaving|raising)\s"
)


def _without_writers_tail(text: str, piece: Piece) -> Piece:
    """Reported words (with no quoted words) without a tail the writer adds after them, after
    at least three words: a relative clause about someone or somewhere (``the attention helped
    Clinton, who does not need to ...``, ``a recount in the county, where he trailed ...``), a
    phrase summing them up (``it would cut 3,000 jobs, a layoff rivaling the last one``, ``...,
    a level higher than in May``), ``, however ...`` (not set off: ``, however,`` is the
    speaker's), a comparison or a clause of another subject after a comma
    (``voters should back him, based on polls ...``, ``Lee would do better, compared with 41
    percent for Park``, ``he might lose, but he ...``), a comparison of the writer's with its
    auxiliary (``..., as have other leaders``, ``..., as was the case in May``). Not ``, which
    ...`` nor ``, but the
    ...``, which are as often the speaker's own words (``taken into account the position of
    Russia, which was discussed before ...``, ``an agreement ..., but the document had been
    revised``), nor ``, but neither has moved``."""
    b, start, end = piece
    m = _WRITERS_TAIL.search(text, start, end)
    if m is None or len(text[start : m.start()].split()) < 3 or _HAS_QUOTE.search(text, start, end):
        return piece
    return b, start, m.start()


_REQUESTS = frozenset({"ask", "urge"})
_ASKED = re.compile(
    r"(?!\s+(?:not|never|for|about)\b)"  # (not 'asked not to be named', 'asked for a photo')
    r"(?:\s+(?P<whom>[^\s,;:.\"“”]+)(?:,\s+(?:who|whom|whose)\s[^,;:.\"“”]{1,100},)?(?:\s+[^\s,;:.\"“”]+){0,9}?)??"
    r"(?:\s+(?P<what>whether|if|how|what|who|whom|why|when|where|which)\b"
    r"|(?:(?<=[a-z])|(?<=[a-z],))\s+to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|him\b|them\b|me\b|us\b"
    r"|" + alternation("listener_nouns") + r"\b|[a-z]*[^\Wsui]s\b)[a-z]+\b)"
)
"""After ``ask`` or ``urge``: the listener (up to ten words, with the time and place of the
asking: ``asked the mayor during a call-in show on Friday if ...``, or a relative clause set off
by commas: ``asked Lee, who runs third, to explain ...``), then a question (``whether``,
``if``, a wh-word: the words from there) or an infinitive (``asked the crowd to stand``,
``urged voters to register``: the words from the listener on; six words at most before it,
``_long_listener``; not ``to`` before a listener noun or a plural noun, ``urged calm to
residents``); not a negation or ``for`` (``asked not to be named``, ``asked for a photo``)."""

_DASH_PAIR = re.compile(r"\s+(?P<dash>--|—|–|―|-)\s+[^—–―\"“”;]{1,120}?(?P<close>\s+(?P=dash))\s*$")
"""Words set off by a pair of the same dash right before a verb: ``--``, an em, en or horizontal
bar dash, or a hyphen between spaces (``Ann Lee - a teacher - says``), no quote mark inside."""


def _np_before_dashes(text: str, s: int, cue_start: int) -> tuple[int, int] | None:
    """The subject before a verb when words between dashes stand between them: ``Jason Sims --
    a teacher from Mount Pleasant -- says``; the mention runs to the closing dash. The subject
    opens the sentence or follows its introduction, one phrase closed by a comma (``In the
    book, Park -- who served there for years -- states``); not words after a clause of content
    (``In May, the plan failed, Lee -- the mayor -- said``)."""
    m = _DASH_PAIR.search(text, s, cue_start)
    if m is None:
        return None
    np = _np_before(text, s, m.start())
    if np is None:
        return None
    lead = text[s : np[0]].strip()
    if lead and not (lead.endswith(",") and "," not in lead[:-1] and _ok_lead(lead)):
        return None  # only a sentence's subject: not "He won -- by a mile -- said"
    return np[0], m.start("close")


_SINGULAR_OPENERS = frozenset({"a", "an", "his", "her", "its", "this", "that", "each", "every"})
_PLURAL_WORDS = frozenset(
    {"other", "several", "many", "few", "both", "two", "three", "four", "five", "six", "seven", "eight", "nine",
     "ten", "dozen", "dozens"}
)  # fmt: skip


def _disagrees(mention: str, verb: str, lemma: str) -> bool:
    """Whether a verb in the present tense cannot agree with the words before it, which makes it a
    noun: a base form after a singular phrase (``his home state``, ``a former Confederate
    state``, ``Trump's Virginia state director``), a form in -s after a plural one (``four
    other states``, ``the two battleground states``). A phrase whose last word is a plural or a
    group (``his aides say``, ``a majority say``), that joins two (``Lee and Kim say``) or that
    holds a clause (``Paradis, who has been active since the age of 25, says``) is left alone."""
    words = [w.lower() for w in mention.split()]
    if verb in (lemma + "s", lemma + "es") and "and" in words and "," not in mention:
        # "Lee carried New Jersey and four other states": a form in -s after two joined phrases,
        # the second opening in lower case (a number, "other", a possessive), is a noun
        joined = mention.split()[len(words) - words[::-1].index("and") :]
        if joined and joined[0][:1].islower():
            return True
    if not words or words[-1].endswith("s") or words[-1] in GROUP_NOUNS or "and" in words or "," in mention:
        return False
    if verb == lemma:
        first = words[0]
        return first in _SINGULAR_OPENERS or (len(words) > 1 and first.endswith(("'s", "’s")))
    if verb in (lemma + "s", lemma + "es"):
        return any(w in _PLURAL_WORDS or (w.isdigit() and w != "1") for w in words)
    return False


_PAST_VERB = r"(?:(?!" + alternation("not_past_ed") + r"\b)[a-z]{3,}ed|" + "|".join(sorted(_STRONG_PAST)) + r")"
"""A verb in the past, regular (``[a-z]{3,}ed``, not a word of ``lexicons/not_past_ed.txt`` such
as ``speed`` or ``proceed``) or strong, as a pattern group to put in others."""
_PAST_WORD = re.compile(_PAST_VERB)
"""A word that is a verb in the past, as ``_PAST_VERB`` reads one (not ``indeed``, ``speed``)."""

_PAST_AFTER_SUBJECT = re.compile(
    r"\S+(?:\s+(?!(?:and|or|but|who|which|that)\b)[^\s,;:.\"“”()]+){1,4}?\s+" + _PAST_VERB + r"\b"
)
"""A subject of two to five words, then a verb in the past (``her group won``)."""

_QUANTITY_SUBJECTS = frozenset({"much", "more", "little", "nothing", "something", "this", "no"})
"""Words that open a clause as its subject (``much of it was``, ``this would``) as well as an
object (``said much``, ``said this``)."""
_SUBJECT_THEN_VERB = re.compile(r"\S+(?:\s+[^\s,;:.]+){0,6}?\s+" + _FINITE_AUX + r"\b")

_CLAUSE_SUBJECT_VERB = re.compile(
    r"(?:the|a|an|this|these|those|his|her|their|its|our|[A-Z][\w’'.-]*)"
    r"(?:\s+(?!(?:who|whom|which|that|to|and|or|but|when|if|as|because|while|after|before|since|until)\b)"
    r"[^\s,;:.\"“”()]+){0,5}?"
    r"\s+" + _FINITE_AUX + r"\b"
)


_QUANTIFIED_SUBJECT_VERB = re.compile(
    r"(?:such(?:\s+an?)?|any|both|each|every|several|all|many|most|some|few|no)"
    r"(?:\s+(?!(?:who|whom|which|that|to|and|or|but|when|if|as|because|while|after|before|since|until"
    r"|why|how|what|where|whether|i|we|you|he|she|it|they"
    r"|of|the|a|an|this|these|those|his|her|their|its|our|my|your)\b)"
    r"[^\s,;:.\"“”()]+){0,5}?"
    r"\s+" + _FINITE_AUX + r"\b"
)
"""After a verb that reports speech only with ``that``: a subject opened by a word of quantity or
``such``, then an auxiliary, a clause all the same (``suggest such a tactic could violate the
law``, ``suggested both are invested in peace``, ``announced all roads would reopen``). Not an
object whose own clause holds the auxiliary: a question word's (``add some thoughts on why it
is ...``), a pronoun's (``denied most of the rights we are owed``), or one read after a
determiner, a possessive or ``of`` (``denied all the charges prosecutors have brought``, ``read
every book his father had owned``, ``tweeted several times the election was rigged``: an object
and a clause of its own without a pronoun, or a span of time)."""


def _clause_without_that(words: str) -> bool:
    """Whether the words after a verb that reports speech only with ``that`` are a clause all
    the same: a subject of at most six words opened by a determiner or a name, then an
    auxiliary (``suggested the United States should send ...``, ``admitted the plan was
    flawed``); not an object (``announced plans to ...``, ``posted a comment``) nor a subject
    with a clause of its own (``announced the candidates who will ...``)."""
    return _CLAUSE_SUBJECT_VERB.match(words) is not None


_FINITE_SOON = re.compile(
    r"(?:\S+\s+){0,7}?(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|do|does|did"
    r"|[a-z]+ed|[a-z]+[^s\W]s)\b"
)


def _indefinite_object(words: str) -> bool:
    """Whether the words after a speech verb are its object, not a clause: an indefinite
    article, then no verb within eight words (``claimed a victory in the primary``, ``posted a
    comment of her own``; not ``said a major concern was the heat``)."""
    first, _, rest = words.partition(" ")
    return first.lower() in ("a", "an") and _FINITE_SOON.match(rest.lstrip()) is None


_TO_VERB = re.compile(r"\s+(?:[^\s,.;:]+\s+){0,3}?to\s+([a-z]+)\b")
_FINITE_WORD = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must|do|does|did)\b")


def _infinitive_after(text: str, cue_end: int, e: int) -> bool:
    """Whether an infinitive follows the verb, after at most three words (``continues to lead``,
    ``urged lawmakers to pass``): a verb that reports speech only with a clause then says what
    someone does, not what they said. ``to`` before a listener opens no infinitive: a
    determiner or a pronoun (``said to the council``, ``wrote to her``), a listener noun or a
    plural noun (``confirmed to reporters``, ``wrote to residents on Friday``; an infinitive
    never ends in a plural ``-s``, ``to focus`` and ``to discuss`` end in ``-us`` and
    ``-ss``)."""
    m = _TO_VERB.match(text, cue_end, e)
    if m is None:
        return False
    word = m.group(1)
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return word not in DETERMINERS and word not in PRONOUNS and word not in _LISTENER_NOUNS and not plural


_LISTENER_NOUNS = word_list("listener_nouns")


_INTRO_OPENERS = frozenset(
    {"in", "on", "at", "during", "after", "before", "for", "with", "from", "over", "under", "within",
     "following", "since", "until", "by", "amid", "despite"}
)  # fmt: skip
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "that", "there"})


def _only_introduction(words: str) -> bool:
    """Whether the words before a trailing attribution are only an introduction of it (``In a
    statement``, ``At a rally in Ohio``, ``Addressing the topic on Monday``): one phrase opened
    by a preposition or a participle, with no subject or finite verb of its own (not ``This
    includes a special force``, ``But he operates on a different principle``)."""
    head, _, rest = words.partition(", ")
    if rest:
        # "In the final Mass of his trip, held along the border": the phrase with its apposition
        # or participle
        return _only_introduction(head) and all(_apposed_phrase(part) for part in rest.split(", "))
    tokens = words.lower().split()
    if not tokens or len(tokens) > 10:
        return False
    if tokens[0] not in _INTRO_OPENERS and not tokens[0].endswith("ing"):
        return False
    return not _FINITE_WORD.search(words.lower()) and not any(t in _SUBJECTS for t in tokens)


def _apposed_phrase(words: str) -> bool:
    """A participle or a noun phrase opened by a determiner, with no finite verb: ``held along
    the border``, ``the third day of his tour``."""
    tokens = words.lower().split()
    if not tokens or len(tokens) > 12 or _FINITE_WORD.search(words.lower()):
        return False
    return (
        tokens[0] in ("the", "a", "an", "his", "her", "their", "its")
        or tokens[0].endswith(("ed", "ing"))
        or tokens[0] in _PARTICIPLES
    )


_ASKED_BY = re.compile(r"\s+by\s+")
_QUESTION_AT = re.compile(r"\s+(?:whether|if|how|what|why|when|where|who|whom|which|about)\b")


def _long_listener(text: str, asked: re.Match[str]) -> bool:
    """Whether the words between ``ask`` or ``urge`` and an infinitive run past six (a
    relative clause set off by commas aside): the time and place of a question may stand
    there (``asked the mayor during a call-in show on Friday if ...``), but before ``to`` so
    many words are the verb's object and a purpose or a direction (``urged caution in a speech
    ... to business leaders``, ``asked around the neighborhood ... to gauge support``), not a
    listener."""
    if asked.group("whom") is None:
        return False
    gap = _RELATIVE_SET_OFF.sub(" ", text[asked.start("whom") : asked.end()])
    # (a restrictive relative clause may make a listener long: "asked the agencies that dealt
    # with the shooting to ...")
    return len(gap.split()) > 8 and _RELATIVE_IN.search(gap) is None  # six words, "to" and the verb


_RELATIVE_SET_OFF = re.compile(r",\s+(?:who|whom|whose)\s[^,;:.\"“”]{1,100},")
_RELATIVE_IN = re.compile(r"\s(?:that|who|whom|whose)\s")


_ASKED_WHEN = re.compile(
    r"\s+(?:(?:on|late|early)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:last|this)\s+(?:week|month|year|morning|evening)|\s+(?:yesterday|today|earlier|later|again)"
    r"|\s+during\s+(?:a|an|the|his|her|their|its|one|[a-z]+’s|[a-z]+'s)(?:\s+[\w-]+){1,3}?(?=\s+(?:whether|if|how|what|why|when|where|who|whom|which|about)\b)"
)
"""The time of the asking between the asker and the question (``on Monday``, ``last week``,
``during a debate``, ``during the town hall``: an occasion right before the question)."""


def asked_by(finder: Finder, anchor: CueAt) -> Candidate | Veto | None:
    """``When asked by a reporter whether the plan would fail, Lee ...``, ``..., he said when asked
    by the host if he would run``: a passive ``asked by X`` reports what X asked; the speaker is
    the one who asked, the words run from the question word to the end of its clause."""
    if SPEECH_VERBS.get(anchor.word.lower()) != "ask" or not anchor.word.lower().endswith("ed"):
        return None
    b, e = anchor.block, anchor.end
    text = finder.texts[b]
    by = _ASKED_BY.match(text, anchor.cue_end, e)
    if by is None:
        return None
    np = _np_after(text, by.end(), e)
    if np is None:
        # no asker ('who asked by letter whether ...'): the other cue rules read the verb
        return None
    time = _ASKED_WHEN.match(text, np[1], e)  # "asked by reporters on Monday whether ...": the time
    question = _QUESTION_AT.match(text, time.end() if time is not None else np[1], e)
    if question is None:
        return Veto("no_words")
    start = question.start() + len(question.group()) - len(question.group().lstrip())
    comma = text.find(",", start, e)
    words = finder.content(b, text, start, _clause_end(text, start, comma if comma >= 0 else e))
    if words is None:
        return Veto("no_words")
    return Candidate(finder.kind_of(text, words), [words], (b, anchor.cue_start, anchor.cue_end), (b, *np))


_AS_BEFORE_PASSIVE = re.compile(r"(?:^|[,;:]\s+|[—–]\s*|--\s*)[Aa]s\s+(?:(?:first|previously|earlier|also)\s+)?$")


def reported_by(finder: Finder, anchor: CueAt) -> Candidate | Veto | None:
    """``As reported by the Herald, the council voted ...``, ``The council, as reported by the
    Herald, voted ...``, ``..., as noted by the mayor.``: a passive ``as <verb>ed by X`` set off
    like ``according to X``; the speaker is X, the words are the clause around it."""
    word = anchor.word.lower()
    if word not in SPEECH_VERBS or not word.endswith("ed"):
        return None
    b, s, e = anchor.block, anchor.start, anchor.end
    text = finder.texts[b]
    as_at = _AS_BEFORE_PASSIVE.search(text, s, anchor.cue_start)
    by = _ASKED_BY.match(text, anchor.cue_end, e) if as_at is not None else None
    if as_at is None or by is None:
        return None
    comma = text.find(",", by.end(), e)
    np = _np_after(text, by.end(), comma if comma >= 0 else e)
    if np is None:
        return None
    lead = (text[s : as_at.start()] + text[as_at.start()].strip("Aa")).strip()  # with its comma
    pieces: list[Piece] = []
    if lead and lead.endswith(","):
        head = finder.content(b, text, _lead_start(text, s, as_at.start()), as_at.start(), least=1)
        if head is not None:
            pieces.append(head)
    elif lead:
        return Veto("inside_clause")
    rest = text[np[1] : e].strip(' .?!"”’)')
    if comma >= 0 and text[np[1] : comma].strip():
        return Veto("no_words")  # "as reported by the Herald on Monday, ..."
    if comma >= 0 and (not pieces or _GOES_ON_AFTER.match(text, comma + 1, e)):
        tail = finder.content(b, text, comma + 1, _clause_end(text, comma + 1, e), least=1 if pieces else 3)
        if tail is not None:
            pieces.append(tail)
    elif rest:
        return Veto("no_words")
    if not pieces or sum(len(text[p[1] : p[2]].split()) for p in pieces) < 3:
        return Veto("no_words")
    return Candidate(finder.kind_of_all(text, pieces), pieces, (b, anchor.cue_start, anchor.cue_end), (b, *np))


ACCORDING_RULES = [Rule.of("according_to", "according", according_to, ends_sentence=True)]
"""The ``according`` rules."""

CUE_RULES = [
    Rule.of("characterising", "cue", characterising),
    Rule.of("participle_opening", "cue", participle_opening),
    Rule.of("participle_clause", "cue", participle_clause),
    Rule.of("asked_by", "cue", asked_by),
    Rule.of("reported_by", "cue", reported_by),
    Rule.of("reported_speech", "cue", reported_speech),
]
"""The ``cue`` rules, in order."""


_COMMISSIVES = frozenset({"promise", "pledge", "vow"})
"""The speech verbs of commitment, whose words may be an infinitive: what the speaker undertook
to do (``vowed to stay in the race``), as well as a clause (``vowed that ...``)."""
_COMMITTED_INFINITIVE = re.compile(r"to\s+(?:(?:not|never|also|\w+ly)\s+)?(?P<verb>[a-z]+)\b")
_TO_AT = re.compile(r"\bto\s")
_OWN_VERB_AFTER_INFINITIVE = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:" + _PAST_VERB + r"\b"
    r"|(?:he|she|they|we|I)\s)"
    r"|,\s+(?:but|while|although|though|whereas)\s"
    r"|,\s+and\s+(?:the|its|their)(?:\s+[a-z’'-]+){1,2}?\s+(?:is|are|was|were|will|would|has|have|had"
    r"|" + _PAST_VERB + r")\b"
)
"""After an infinitive of commitment, a verb in the past or a new subject after ``and`` or a
comma (``vowed to keep the law and celebrated the ruling``, ``promised to act, opposed the
bill``, ``pledge to act, and they will ...``), or a comma and ``but``, ``while`` or
``although`` (``vowed to fix the roof, but the grant runs out in May``), or a comma,
``and`` and a subject opened by ``the``, ``its`` or ``their`` with its verb (``vowed to fight the
ruling, and its shares fell``): what the
speaker did or a clause of its own, which an infinitive cannot coordinate."""


_SPEECH_PAST = sorted(
    (
        f
        for f, lemma in SPEECH_VERBS.items()
        if f.isalpha() and (f.endswith("ed") or f not in (lemma, lemma + "s", lemma + "es")) and not f.endswith("ing")
    ),
    key=lambda f: (-len(f), f),
)
_OWN_VERB_AFTER_QUESTION = re.compile(
    r"\s+and\s+(?:" + "|".join(_SPEECH_PAST) + r")\b"
    r"|,\s+(?:and\s+)?(?:" + _PAST_VERB + r"\b|(?:he|she|they|we|I)\s)"
    r"|,\s+(?:but|while|although|though|whereas)\s"
    r"|,\s+and\s+(?:the|its|their)(?:\s+[a-z’'-]+){1,2}?\s+(?:is|are|was|were|will|would|has|have|had"
    r"|" + _PAST_VERB + r")\b"
)
"""After an indirect question (``asked whether ...``, ``asked the mayor if ...``): the
speaker's next verb of speech after ``and`` (``asked whether the deal was final and said
...``), a verb in the past or a new subject after a comma (and ``and``), or a comma and
``but``, ``while`` or ``although``. Not ``and`` with a verb in the past alone, which the
question's own verb
coordinates (``whether the firm had paid its taxes and filed its returns``), as it does not
after an infinitive of commitment (``_OWN_VERB_AFTER_INFINITIVE``)."""


_OBJECT_PRONOUNS = ("me", "him", "us", "them")
_LISTENER_DETERMINERS = sorted(DETERMINERS - {"that", "this", "no"}, key=lambda w: (-len(w), w))
_COMMISSIVE_LISTENER = re.compile(
    r"(?:" + "|".join(_OBJECT_PRONOUNS) + r"|(?:" + "|".join(_LISTENER_DETERMINERS) + r")(?:\s+[a-z]+){1,3}?"
    r"|" + alternation("listener_nouns") + r")\s+"
    r"(?:(?=to\s+(?:(?:not|never|also)\s+)?(?!(?:"
    + "|".join(_LISTENER_DETERMINERS)
    + "|"
    + "|".join(_OBJECT_PRONOUNS)
    + r")\b)[a-z]+\b"
    r"|(?:" + "|".join(p if p != "i" else "I" for p in PRONOUNS) + r")\s)|(?:that\s+))"
)
"""A listener after a verb of commitment, before an infinitive or a clause (``promised voters
to cut taxes``, ``promised his mother he would come home``, ``promised the voters that taxes
would fall``): the words start after it (and after ``that``)."""


def _promised_infinitive(words: str) -> bool:
    """Whether the words after a verb of commitment open with an infinitive (``to work
    together``, ``to never raise taxes``), not ``to`` and a listener (``promised to the voters
    that ...``, ``pledged to them``)."""
    m = _COMMITTED_INFINITIVE.match(words)
    if m is None:
        return False
    verb = m.group("verb")
    if verb in DETERMINERS or verb in PRONOUNS or verb in _OBJECT_PRONOUNS or verb in word_list("listener_nouns"):
        return False  # "pledged to reporters on Monday that ...": a listener, not an infinitive
    plural = verb.endswith("s") and not verb.endswith(("ss", "us", "is"))  # not "focus", "press"
    return not plural or _PLURAL_LISTENER.match(words, m.end()) is None


_PLURAL_LISTENER = re.compile(r"(?:\s+(?:that|on|at|in)\b|,)")
"""After ``to`` and a word in ``-s``, what marks the word as a listener (``pledged to donors on
Monday that ...``, ``vowed to farmers, and ...``) rather than a verb (``vowed to cuts
taxes`` is a verb all the same)."""


def _before_infinitive(text: str, start: int, end: int) -> int:
    """Where an infinitive opens in what ``_skip_tail`` read as a tail after a verb of commitment
    (a time and ``to stay in the race``, read as a phrase ``to ...`` like ``to reporters``), else
    ``end``."""
    for m in _TO_AT.finditer(text, start, end):
        if _promised_infinitive(text[m.start() : end]):
            return m.start()
    return end


_WH_OPENERS = frozenset({"how", "why", "whether", "what"})
_WH_CLAUSE = re.compile(r"(?:" + "|".join(sorted(_WH_OPENERS)) + r")(?:\s+[^\s,.;:!?]+){2}")
"""An indirect question of at least three words after a speech verb (``explained why the polls
were wrong``, ``recalled how the mill flooded``, ``explaining what the team must change``): what
was told.
``when`` and ``where`` are left out: after the verb they more often open the writer's clause
(``said when asked``)."""
_FREE_RELATIVE = re.compile(r"what(?:\s+[^\s,.;:!?]+){2}\s+(?:of|to)\b")
"""``what`` and two words, then ``of`` or ``to``: a free relative as the object of ``tell``,
``ask`` or ``warn`` (``told what was left of the team to rest``), not an indirect question."""


_OWN_VERB_AFTER_OBJECT = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:" + _PAST_VERB + r"\b|(?:he|she|they|we|I)\s)")
"""After the object of ``point to``, a verb in the past or a new subject after ``and`` or a
comma (``pointed to the data and laughed``, ``..., and we walked on``): the speaker's doing or a
clause of its own."""
_OBJECT_HEAD = re.compile(r"[^\s,;:.!?]+(?:\s+(?!(?:of|in|on|at|and|or|with|from|to|for|by)\b)[^\s,;:.!?]+)*")


def _pointed_at_thing(words: str) -> bool:
    """Whether the object of ``point to`` is a place or a thing pointed at with a finger, its
    head noun (the last word before a preposition, ``and`` or a comma) in
    ``lexicons/pointed_at_things.txt``: ``pointed to the ceiling``, ``the mountains in the
    distance``; not evidence cited (``pointed to the jobs report``)."""
    m = _OBJECT_HEAD.match(words)
    return m is not None and m.group().rsplit(None, 1)[-1].lower() in word_list("pointed_at_things")


_TO_PARTICLE = re.compile(r"\s+to\b")
_POINT_TO = re.compile(r"\sto$")
_AND_PARTICIPLE_AFTER = re.compile(r",?\s+and\s+(?:\w+ly\s+)?[a-z]+ing\b")


def _point_to(finder: Finder, anchor: CueAt) -> CueAt | None:
    """The cue ``point to`` with a noun phrase (``Lee pointed to the jobs report``, ``...,
    pointing to her record``): the speaker cites it as evidence, reported speech. Quoted words
    after it are the characterising rule's (``pointed to his "record"``), which runs first; the
    anchor with ``to`` in its cue, or None."""
    if CHARACTERISING_VERBS.get(anchor.word.lower()) != "point":
        return None
    text = finder.texts[anchor.block]
    to = _TO_PARTICLE.match(text, anchor.cue_end, anchor.end)
    if to is None or _HAS_QUOTE.search(text, to.end(), anchor.end) is not None:
        return None  # ('pointing to a banner reading "Victory"': quoted words, the characterising rule's)
    return evolve(anchor, cue_end=to.end())


def _reduced_relative(text: str, s: int, anchor: CueAt) -> tuple[int, int] | None:
    """The noun phrase right before a participle with no comma between, when a clause follows
    the participle: a reduced relative clause whose noun speaks (``the share of voters saying
    they want ...``, ``an item suggesting that ...``, ``62 percent of voters saying ...``); not
    an object or a phrase (``a puppet saying exactly what ...``: no clause follows)."""
    if _HAS_QUOTE.search(text, anchor.cue_end, anchor.end):
        return None  # (quoted words: whose they are is less clear, and speakers matter more there)
    if _CLAUSE_OPENS.match(text, anchor.cue_end, anchor.end) is None and (
        _lemma(anchor.word) in NEEDS_THAT or not _clause_without_that(text[anchor.cue_end : anchor.end].lstrip())
    ):
        return None  # ("many people reading this article have ...": "read" reports only with "that")
    np = _np_before(text, s, anchor.cue_start)
    if np is None or text[np[1] : anchor.cue_start].strip():
        return None
    last = text[np[0] : np[1]].rsplit(None, 1)[-1].lower()
    if last in _POSSESSIVES or last == "no":
        return None  # "his writing", "there's no denying": a noun in -ing, not a participle
    start = np[0]
    for word in _SUBJECT_WORD.finditer(text, np[0], np[1]):
        w = word.group()
        if word.start() > np[0] and w.islower() and (w in _VERB_WORDS or w in _STRONG_PAST):
            start = word.end()  # "The storm left 40 percent of farmers": the verb's object speaks
    while start < np[1] and text[start].isspace():
        start += 1
    return (start, np[1]) if start < np[1] else None


_VERB_GROUP = re.compile(
    r"(?<![\w’'-])(?:"
    + _FINITE_AUX
    + r"(?:\s+(?:not|never|been|be|\w+ly))*(?:\s+(?:[a-z]+(?:ed|en)|"
    + "|".join(sorted(_STRONG_PAST))
    + r")\b)?"
    r"|" + _PAST_VERB + r")(?![\w’'-])"
)
_BETWEEN_VERBS = re.compile(
    r"[,;:\"“”()]|\b(?:and|or|but|that|which|who|whom|because|if|when|while|as|after|before|until)\b"
)


def _main_verb_at(text: str, start: int, end: int) -> int | None:
    """Where the sentence's main verb stands after the clause a participle in its subject
    reports (``A statement saying the firm would close | was posted online``, ``A banner saying
    the city was closed | hung over the gate``): the second verb group with nothing between the
    two that could join clauses; None with fewer than two. A verb group right after a subject
    pronoun is a relative clause's without ``that`` and is passed over (``A memo saying the firm
    closed plants it opened in 2010 | was leaked``)."""
    groups = _VERB_GROUP.finditer(text, start, end)
    first = next(groups, None)
    second = next(groups, None)
    while (
        first is not None and second is not None and _RELATIVE_SUBJECT_BEFORE.search(text, first.end(), second.start())
    ):
        second = next(groups, None)
    if first is None or second is None or _BETWEEN_VERBS.search(text, first.end(), second.start()):
        return None
    return second.start()


_RELATIVE_SUBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?:it|he|she|they|we|I|you|who)\s+$")
"""A subject pronoun right before a verb group: the verb of a clause of its own."""


_DEFINITE_PAST_CLAUSE = re.compile(
    r"(?:the|this|these|those|his|her|their|its)"
    r"(?:\s+(?!(?:who|whom|which|that|to|and|or|but|when|if|as|of|for|with|in|on|at|by)\b)[^\s,;:.\"“”()]+){1,3}?"
    r"\s+(?P<verb>" + _PAST_VERB + r")\b(?!\s+by\b)"
)


def _past_clause_without_that(words: str) -> bool:
    """Whether the words after a verb that reports only with ``that`` are a clause in the past
    all the same: a definite subject of at most four words with no preposition, then a verb in
    the past (``reported the email came hours after ...``, ``acknowledged the plan failed``);
    not a participle in a noun phrase (``reported the number of people killed``: a
    preposition; ``the man arrested by police``: ``by``)."""
    return _DEFINITE_PAST_CLAUSE.match(words) is not None


_SUBORDINATE_LEAD = re.compile(
    r"(?i:while|whereas|although|though|even\s+though|when|whenever|if|because|since|after|before|once|unless|as)"
)
"""The whole of the words before a speaker when a subordinator opens the sentence (``While
organizers say ...``, ``Although Lee said ...``, ``As the mayor announces that ...``): the
report stands in a fronted clause."""
_SUBORDINATE_OPENS = re.compile(
    r"(?i:(?:however|but|and|yet|still|indeed|meanwhile|now),?\s+)?"
    r"(?i:(?:ever|just|only)\s+)?" + _SUBORDINATE_LEAD.pattern + r"(?:\s[^,;:—–\"“”]*)?$"
)
"""The words before a speaker in a fronted clause: the subordinator alone (``While organizers
say ...``) or opening words the speaker stands in, no comma among them (``If we understand her
right when she says ...``), after a sentence connective (``However, while the board says ...``,
``But when Lee said ...``): the report is still the fronted clause's."""
_MAIN_CLAUSE_AFTER = re.compile(
    r"(?P<mark>,[\"”]?)\s+(?=(?:it|he|she|that|there)[’']s\s"
    # a subject pronoun and a verb in the present: ', he seems uneasy', ', they differ on ...'
    r"|(?:he|she|it)\s+(?:\w+ly\s+)?[a-z]{2,}s\b(?!\s*,)|(?:they|we|I)\s+(?:\w+ly\s+)?[a-z]{2,}\b(?!\s*,)"
    r"|(?:(?:he|she|they|we|I|it|there|you|others|many|some|most)\s+"
    r"|(?:the|a|an|this|that|these|those|his|her|their|its|our|[A-Z][\w’'.-]*|\d[\d,.]*)\s+(?:[\w’'.-]+\s+){0,3}?)"
    r"(?:(?:also|still|now|then|not|never|\w+ly)\s+)?(?:"
    + _FINITE_AUX
    + r"|do|does|did|[a-z]{3,}ed|say|says|"
    + "|".join(sorted(_STRONG_PAST))
    + r")\b(?!\s*,))"
)
"""After reported words in a fronted clause, a comma and the sentence's main clause: a subject
(a pronoun, or a determiner or a name and up to three more words) and a finite verb (``, they
are not ...``, ``, it’s unlikely ...``, ``, 80,000 employees volunteered``); not a verb closed
by a comma, an attribution set in the words (``Since Lee says the budget, the mayor insisted,
is balanced, ...``)."""


_OWN_SUBORDINATE = re.compile(r"\s*(?:if|when|whenever|unless|because|once)\b")
"""Reported words opening with a subordinate clause of their own (``says that when prices
rise, they rise ...``): the clause after its comma is still theirs."""
_COMMA_THEN_SUBJECT = re.compile(
    r"(?P<mark>,[\"”]?)\s+(?=(?:the|a|an|this|these|those|his|her|their|its|our|he|she|they|we|it|I|[A-Z][\w’'.-]*)\s)"
)
"""A comma and a subject after the report's own main clause in a fronted clause: where the
sentence's main clause opens."""
_QUESTION_LEMMAS = frozenset({"ask", "wonder"})
"""Verbs whose ``if`` or ``when`` opens the question asked, not a subordinate clause."""


_WHICH_BEFORE = re.compile(r",\s*which(?:\s+(?:also|later|then|once|\w+ly))?\s*$")
"""``, which`` (and an adverb) right before a speech verb: the relative clause of a named body
(``The City Council, which argued that ...``, ``the Red Cross, which reported ...``)."""


_PRONOUN_SUBJECT = re.compile(r"(?:he|she|they|we|it|i)(?:[’'](?:s|re|ll|d|ve|m))?")
"""A subject pronoun opening the words after a speech verb, alone or with a contracted
auxiliary (``announced Sunday she will resign``, ``suggested she’ll turn to him``, ``said he'd
run``): a clause without ``that``."""


_AS_CLAUSE_LEAD = re.compile(r"\b(?:as|until|at which|during which)$")
"""``as`` (or ``until``, ``at which``) right before a subject pronoun and its speech verb: a
clause of its own after other words (``Lee is celebrating the vote as she urges her party to
stay calm``, ``a news conference at which he predicted that ...``)."""


_LISTENER_TO = re.compile(r"\s*(?:him|her|them|us|me|you)\s+to\s+[a-z]")
"""A pronoun told to do something right after the verb: ``urging him to keep going``."""


def _told_to(text: str, anchor: CueAt) -> bool:
    """Whether a participle of commitment opens an infinitive (``vowing to make Mexico pay``)
    or one of telling a pronoun and an infinitive (``urging him to keep going``): what was
    promised or asked, words of their own like a clause."""
    lemma = _lemma(anchor.word)
    words = text[anchor.cue_end : anchor.end]
    if lemma in _COMMISSIVES:
        return _promised_infinitive(words.lstrip())
    return lemma in OBJECT_VERBS and _LISTENER_TO.match(words) is not None


_RECALLED = re.compile(
    r"(?:(?:" + "|".join(sorted(DETERMINERS, key=len, reverse=True)) + r")\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:" + alternation("recalled_nouns") + r")\s+(?:of|about|to|when|with|from|in)\s",
    re.IGNORECASE,
)
"""A noun phrase told of after ``recall`` (``recalling a visit to the lake``, ``recalled the
night of the fire``, ``recalled summer visits to the lake``): an anecdote, what was recalled
aloud, its head an anecdote noun (``lexicons/recalled_nouns.txt``) with a preposition or
``when`` after it; not a thing or person called back (``recalled the models in question``,
``recalled its envoy to Moscow``)."""


_PLURAL_VERB_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:have|are|were|do|don[’']t|haven[’']t|aren[’']t|weren[’']t)(?![\w’'-])"
    r"(?!\s+(?:it|they|he|she|we|I|you|there|the|a|an|this|that|or|and)\b)"
)
"""A plural verb right after ``that``: ``that`` is a relative pronoun with a plural antecedent
(``put states that have been Republican in play``), not the word opening reported words nor a
demonstrative subject, which takes a singular verb (``said that was wrong``). Not a verb
followed by its own subject or a coordinator: an inverted conditional (``argued that were the
bill to pass, ...``, ``said that had it rained, ...``) or ``do or die`` opens reported words."""


_OTHER_CLAUSE_BETWEEN = re.compile(
    r"[,;]\s+(?:and|but|or|yet|so|while|when|as|because|who|which|where)\b|;|[,;]\s+[A-Z]"
)
"""Between the sentence's subject and ``by``/``after``/``while`` and a participle, a clause of
another subject may start (``Lee spoke, and the crowd answered by saying``, ``..., who ...``, a
comma and a capitalised word): whose the participle is is then unclear. A comma before the
subordinator alone (``the allies have been lobbying, while urging his critics to ...``) keeps
the subject."""


_VERB_IN_SUBJECT = re.compile(r"\s(?:" + _PAST_VERB + r")(?![\w’'-])")
"""A verb in the past inside a subject read forwards (``The mayor kept the council waiting``): the
subject ran into its verb, so it is no speaker for a participle after a comma."""


_WHICH_CLAUSE_LEAD = re.compile(r",\s+(?:at|during|in|after)\s+which\s+$")
"""A relative clause set off by a comma and opened by a preposition and ``which`` right before
the speaker (``The press conference, at which he announced ...``)."""

_CLOSING_COMMA_VERB = re.compile(
    r",\s+(?:(?:also|then|later|\w+ly)\s+)?(?:" + _PAST_VERB + r"|" + _FINITE_AUX + r")\b(?!\s*,)"
)
"""The comma closing a clause set in a sentence, and the sentence's main verb after it (``...,
lasted an hour``, ``..., began to cry``, ``..., said he was moved``)."""


def _before_closing_comma(text: str, anchor: CueAt) -> CueAt:
    """``anchor`` with its words ending at the comma that closes the clause it stands in, when the
    sentence's main verb follows that comma (``Lee, recalling a visit to the mill, said ...``)."""
    closing = _last_closing_comma(text, anchor.cue_end, anchor.end)
    return evolve(anchor, end=closing.start()) if closing is not None else anchor


def _last_closing_comma(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last comma before a verb in ``text[lo:hi]``: the main verb follows the apposition's
    closing comma, not an aside's inside the words (``Lee, saying the roads, built in 1990, were
    unsafe, closed them.``)."""
    last = None
    for last in _CLOSING_COMMA_VERB.finditer(text, lo, hi):  # noqa: B007 (the last one is wanted)
        pass
    return last


_MARK_THEN_SUBJECT = re.compile(
    r"(?P<mark>,[\"”])\s+(?=(?:the|a|an|this|these|those|his|her|their|its|our|he|she|they|we|it)\s)"
)
"""A comma inside a closing mark and a subject after it: where a fronted clause's quoted words
end when the main clause's verb is set off by an aside (``..., the board, its members insisted,
will vote no``)."""
