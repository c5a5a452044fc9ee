"""Rules for quoted words that no direct or reported-speech rule attributed: ``Trump openly
admires Putin as a "strong leader"``, ``she pointed to reports that he called her "Miss
Piggy"``. The subject must be able to speak (a name, a pronoun, a role, an organisation), the
verb must not be a copula, and the quoted words must be someone's words (not a title in Title
Case): scare quotes in the writer's own sentences (``a "peace plan"``) have no such subject
before them."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from articlekit.enrich.lexicon import (
    CHARACTERISING_VERBS,
    DETERMINERS,
    GROUP_NOUNS,
    ORG_WORDS,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_NOUNS,
)
from articlekit.enrich.quotes.clauses import (
    _AUX_AFTER,
    _COMMA_SPACE,
    _FRAGMENT_LEAD,
    _FRAGMENT_VERB,
    _STRONG_PAST,
    _clause_end,
    _finite,
    _subject_start,
)
from articlekit.enrich.quotes.context import _skip_tail
from articlekit.enrich.quotes.marks import _after_last_mark, _cut_at_comma_close, _last_mark
from articlekit.enrich.quotes.mention import (
    _ADJECTIVE_ENDINGS,
    _can_speak,
    _np_after,
    _np_before,
    _subject_past_aside,
    _subject_past_dashes,
    _subject_past_title,
    _trim_subject,
)
from articlekit.enrich.quotes.rules import Candidate, Piece, Quoted, Rule, Veto
from articlekit.enrich.quotes.rules_reported import _phrase_after_quote
from articlekit.enrich.quotes.tokens import _TOKEN, _is_cap, _low
from articlekit.enrich.quotes.words import alternation, word_list

if TYPE_CHECKING:
    from collections.abc import Sequence

    from articlekit.enrich.quotes.finder import Finder

__all__ = ["QUOTED_RULES"]


def _under_verb(
    finder: Finder,
    anchor: Quoted,
    start: int,
    found: tuple[tuple[int, int], re.Match[str]] | None = None,
    *,
    in_subject: bool = False,
) -> Candidate | None:
    """The quoted words as a mixed quote of the subject starting at ``start`` and its verb
    (or the subject and verb ``found``), when both stand in the quoted words' clause. With
    ``in_subject`` (a relative clause inside the sentence's subject) a finite verb right after
    the closing mark is the sentence's main verb, where the words end."""
    b, e, qs, qe = anchor.block, anchor.end, anchor.quote_start, anchor.quote_end
    text = finder.texts[b]
    if found is None:
        found = finder.subject_verb(text, start, qs)
    if found is None:
        return None
    np, verb = found
    if verb.group("verb") in _RECEIVED:
        return None  # 'Reporters got only a short answer: "..."': the receiver did not say it
    if _someone_else_says(text, verb.end(), qs):
        return None  # 'Lee faces what critics call "a reckoning"': the critics' words
    cue = (b, verb.start("cue"), verb.end("cue"))
    end = _clause_end(text, verb.end(), e)
    if end < qe:
        return None  # the quoted words stand in another clause
    end = _cut_at_comma_close(text, qs, end)  # ('a "fair vote," and he named ...': the writer's)
    closing = _after_last_mark(text, qs + 1, end)
    end = _phrase_after_quote(text, closing, end) if closing is not None else end
    if in_subject and closing is not None:
        # ('The man who Kim accused of "fraud" sued.': 'sued' is the main verb, not the words')
        after = _past_last_mark(text, qs, e)
        if _AUX_AFTER.match(text, after, e):  # (a finite auxiliary or a past: not 'questions', a noun)
            end = min(end, after)
    begin = verb.end()
    lead = _FRAGMENT_LEAD.search(text, begin, qs + 1)
    while lead is not None:
        begin = lead.end()  # 'issued a statement saying the plan "..."': the words said
        lead = _FRAGMENT_LEAD.match(text, begin, qs + 1)  # and 'that says': both
    piece = finder.content(b, text, begin, end, least=2)
    if piece is None or piece[2] < qe - 1:
        return None
    return Candidate("mixed", [piece], cue, (b, *np))


def _past_last_mark(text: str, quote_start: int, end: int) -> int:
    """Where the quoted words' last closing mark ends (two apostrophes count as one mark)."""
    mark = _last_mark(text, quote_start + 1, end)
    return mark + (2 if text.startswith("''", mark) else 1)


def fragment_subject(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
    """``Trump openly admires Putin as a "strong leader"``: the sentence's subject (after its
    introduction) and its finite verb, with the quoted words in the verb's clause."""
    text = finder.texts[anchor.block]
    start = _subject_start(text, anchor.start, anchor.quote_start)
    found = _under_verb(finder, anchor, start)
    if found is not None:
        return found
    # ('Ann Lee, host of the show "Harbor Talk," thanked the crew for "..."': the subject's
    # apposition ends with a quoted title, where the mention grammar stops)
    past = _subject_past_title(text, start, anchor.quote_start)
    if past is None:
        # ('Ann Lee, in a letter to donors, praised the "quiet heroes"': an aside set off by
        # commas after the subject, which the mention grammar reads as an apposition)
        past = _subject_past_aside(text, start, anchor.quote_start)
    if past is None:
        # ('Lee's campaign called the report a "rush to judgment"': a possessor and the noun
        # that speaks, which the subject's reading cuts at the possessor)
        past = _subject_past_possessor(text, start, anchor.quote_start)
    if past is None:
        # ('Lee — who chairs the board — dismissed the plan as "..."': an aside between dashes,
        # part of the speaker's mention as an apposition set off by commas is)
        past = _subject_past_dashes(text, start, anchor.quote_start)
    elif not _can_speak(text[past[0][0] : past[0][1]]):
        return None
    if past is None:
        return _progressive_under(finder, anchor, start)
    verb = _FRAGMENT_VERB.match(text, past[1], anchor.quote_start)
    if verb is None or not _finite(verb.group("verb"), verb.group("aux")):
        return None
    return _under_verb(finder, anchor, start, (past[0], verb))


_PROGRESSIVE = re.compile(
    r"\s+(?P<cue>(?P<aux>(?:(?:also|still|now|\w+ly)\s+)?(?:is|are|was|were|(?:could|would|will|may|might|must|should)\s+be)\s+"
    r"(?:(?:already|still|now|also|not|\w+ly)\s+)?"
    r"(?:[a-z]{3,}\s+to\s+)?)(?P<verb>[a-z]{3,}ing(?=\s)|(?<=to\s)[a-z]{3,}))\b"
)
"""A progressive verb after a subject, or a form of ``be``, one word and an infinitive (an
adverb or a modal before ``be`` at most): ``is already claiming``, ``are crying``, ``will be
seeking``, ``is expected to announce``, ``was quick to dismiss``, ``also is reported to have``."""


def _progressive_under(finder: Finder, anchor: Quoted, start: int) -> Candidate | None:
    """``Lee is already claiming victory in the "harbor race"``: the subject starting at
    ``start`` and its progressive verb (a form of ``be`` and a participle, which the finite
    verb's reading leaves out), with the quoted words in the verb's clause."""
    text = finder.texts[anchor.block]
    if not finder.be_form_in(anchor.block, start, anchor.quote_start):
        return None  # (no form of 'be' for a progressive: the subject is not read)
    np = _np_after(text, start, anchor.quote_start)
    if np is None:
        return None
    verb = _PROGRESSIVE.match(text, np[1], anchor.quote_start)
    if verb is None:
        np = _trim_subject(text, *np)  # ('Jones was talking ...': the mention read on past its name)
        verb = _PROGRESSIVE.match(text, np[1], anchor.quote_start)
    words = text[np[0] : np[1]].split()
    if len(words) > 1 and _low(words[-1]) in PRONOUNS:
        return None  # 'The editor I was talking to': a relative clause's subject, not the sentence's
    if verb is None or verb.group("verb") in _NOT_PARTICIPLES or not _can_speak(text[np[0] : np[1]]):
        return None
    if _PASSIVE.search(text, verb.start("verb"), anchor.quote_start) is not None:
        return None  # 'Lee is hoping to be called "a hero"': someone else's words for the subject
    word = verb.group("verb")
    if not word.endswith("ing"):
        # an infinitive after a form of 'be' and one word: a verb of speaking or characterising
        # (or its participle after 'have') makes the words the subject's ('is expected to
        # announce a "..."', 'is reported to have called'); any other verb takes the quoted
        # words as a label in its object ('Lee is likely to win the "swing" district')
        if word == "have":
            after = _WORD_AFTER.match(text, verb.end(), anchor.quote_start)
            word = after.group(1) if after is not None else ""
        if not _speech_word(word):
            return None
    elif (
        not _speech_word(word) and word not in _EXPRESSING and _scare_quoted_object(text, verb.end(), anchor.quote_end)
    ):
        found = _under_verb(finder, anchor, start, (np, verb))
        if isinstance(found, Candidate) and _short_quotes_only(text, anchor.block, found.pieces):
            return None  # 'Lee is playing "hardball" with the council'
        return found
    return _under_verb(finder, anchor, start, (np, verb))


_FIRST_QUOTED = re.compile(r"[\"“]([^\"“”]{1,60})[\"”]|''([^']{1,60})''")
_ANY_QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]|''([^']*)''")
"""Quoted words of any length (the scare-quote test's look for longer quoted words)."""


def _scare_quoted_object(text: str, verb_end: int, end: int) -> bool:
    """Whether the first quoted words after a verb that is no speech (up to ``end``) are one or
    two words at most two words after it: a scare quote heading the verb's object ('is
    playing "hardball" with', 'is building a "dry port" at'); not when they are blank (' " "
    '). The progressive's candidate is dropped then only when it holds no longer quoted words
    (``_short_quotes_only``)."""
    first = _FIRST_QUOTED.search(text, verb_end, end)
    if first is None:
        return False
    said = (first.group(1) if first.group(1) is not None else first.group(2)).split()
    if not said:
        return False  # (blank quoted words: ' " " ')
    between = text[verb_end : first.start()].split()
    if len(between) > 2:
        return False
    if any(w.lower().endswith(_ADJECTIVE_ENDINGS) for w in said) or said[0].lower() in _PREPOSITIONS:
        return False  # 'rejected the "frivolous" claims', 'kept rates "on hold"': a judgement, a phrase
    # (not a complement after a named object, 'pronounced Lee "a friend"'; nor a phrase named,
    # 'coined the term "..."'; nor a preposition's or an infinitive's object, 'greeted with
    # "hello again"', 'wanted to address "that man"'; nor the words for a name after them,
    # 'turned to "little" Ann Lee')
    return not (
        any(_is_cap(w) or _low(w) in _PHRASE_NOUNS or _low(w) in _PREPOSITIONS for w in between)
        or _NAME_AFTER.match(text, first.end())
    )


def _short_quotes_only(text: str, block: int, pieces: Sequence[Piece]) -> bool:
    """Whether all the quoted words in a candidate's ``pieces`` (in ``block``) are one or two
    words: scare quotes only ('"hardball" with the council', 'a "dry port" near the border and
    a "mini-Dubai"'). A candidate holding longer quoted words is someone's words and stands
    ('a "dry port" ... and a "logistics hub that will rival Dubai"')."""
    if any(piece[0] != block for piece in pieces):
        return False
    quoted = [m.group(1) or m.group(2) or "" for p in pieces for m in _ANY_QUOTED.finditer(text, p[1], p[2])]
    return bool(quoted) and all(len(words.split()) <= 2 for words in quoted)


_PHRASE_NOUNS = word_list("naming_nouns") | {"term", "terms", "phrase", "phrases", "expression", "word", "words"}
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_EXPRESSING = word_list("expressing_participles")
_PREPOSITIONS = frozenset({"to", "with", "about", "on", "in", "at", "for", "of", "from", "by", "into", "over"})


_WHAT_SAY = re.compile(r"\b(?:what|whom)\s+((?:[\w’'-]+\s+){2,5}?)(?:as\s+)?$")
"""``what`` or ``whom`` and two to five words right before a quote's opening mark: ``what
critics call``, ``what some have described as``."""


def _someone_else_says(text: str, start: int, quote_start: int) -> bool:
    """Whether a free relative with a subject of its own and a verb of speaking or
    characterising stands right before the quote (``what critics call "..."``, ``whom the
    board has dubbed "..."``): the words are that subject's. Not with a pronoun as its subject
    (``Lee described what she called "..."``: most often the sentence's subject again)."""
    what = _WHAT_SAY.search(text, start, quote_start)
    if what is None:
        return False
    words = what.group(1).split()
    return _low(words[0]) not in PRONOUNS and any(_speech_word(w) for w in words[1:])


_WORD_AFTER = re.compile(r"\s+(?:\w+ly\s+)?([a-z]+)")
"""The next word after a verb, past an adverb: `` called``, `` once called``."""
_PASSIVE = re.compile(
    r"\b(?:be|been|being)\s+(?:\w+ly\s+)?(?:[a-z]+ed|"
    + "|".join(sorted(_STRONG_PAST | word_list("irregular_participles"), key=len, reverse=True))
    + r")\b"
)
"""A passive after a progressive or an infinitive (``to be called``, ``have been named``): the
subject is the one the words are said of, not their speaker."""


_SUBORDINATOR_BEFORE = re.compile(r"\b(?:who|whom|which|that|when|while|because|after|before|as)\s+$")
"""A relative pronoun or a subordinator right before a clause's subject."""
_ADJUNCT_OPENERS = frozenset({"in", "on", "at", "during", "last", "this", "earlier"})
"""Words opening an adjunct of time or occasion between a subject and its verb."""


def _subject_past_adjunct(text: str, start: int, limit: int) -> tuple[tuple[int, int], int] | None:
    """The mention opening ``text[start:limit]`` when an adjunct of time or occasion (up to
    six words, no comma) stands between it and a verb in the past: ``(when) Lee in her opening
    speech called`` -> the bounds of ``Lee`` and where the verb's space starts (for the caller
    to read). Not when a named owner's noun of speech follows the verb (``mocked Kim's claim
    that "..."``: the claim's owner's words). (Read for a subordinate clause only: on a
    sentence's own subject it gave fold 0 one quote more with the wrong speaker.)"""
    np = _np_after(text, start, limit)
    if np is None or text[start : np[0]].strip():
        return None  # (not 'other Democrats' of 'she and other Democrats on the stage refused')
    words = list(_TOKEN.finditer(text, np[1], min(limit, np[1] + 80)))
    if len(words) < 3 or _low(words[0].group()) not in _ADJUNCT_OPENERS or text[np[1] : words[0].start()].strip():
        return None
    for prev, word in pairwise(words[:8]):
        if not word.group().isalpha() or text[prev.end() : word.start()].strip():
            return None  # a comma, a mark or a number: no adjunct of plain words
        if prev is not words[0] and (word.group().endswith("ed") or word.group() in _STRONG_PAST):
            if _SPEECH_NOUN.search(text, prev.end(), limit) is not None:
                return None  # ('blamed the media for Lee's claim that "..."': the claim's owner's words)
            return np, prev.end()
    return None


_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")
"""How a possessor's word ends (``Lee's``, ``Sanders’``)."""
_CONTRACTED = frozenset(PRONOUNS) | DETERMINERS | {"there", "here", "what", "who", "where", "let"}
"""Words whose ``'s`` is a contraction, not a possessive (``It's``, ``That's``, ``There's``)."""


def _speaking_noun(word: str) -> bool:
    """Whether ``word`` (maybe plural) heads a mention that can speak: a role, an organisation
    or a group (``campaign``, ``lawyers``), not a thing (``plan``)."""
    low = _low(word)
    return any(w in group for w in (low, low.removesuffix("s")) for group in (TITLE_NOUNS, ORG_WORDS, GROUP_NOUNS))


def _subject_past_possessor(text: str, start: int, limit: int) -> tuple[tuple[int, int], int] | None:
    """The subject starting at ``start`` when it is a capitalised possessor and the nouns in
    lower case it owns, ending with one that can speak (``Lee's campaign``, ``Kim's
    campaign manager``, ``Sanders' lawyers``), and where it ends; None otherwise (``Lee's
    plan``, ``It's``)."""
    if not any(text.find(mark, start, min(limit, start + 100)) >= 0 for mark in ("'", "’")):
        return None  # (no apostrophe: no possessor)
    words = list(_TOKEN.finditer(text, start, min(limit, start + 100)))
    at = next((i for i, w in enumerate(words[:4]) if not _is_cap(w.group()) or w.group().endswith(_POSSESSIVE_ENDS)), 0)
    owner = words[at].group() if at < len(words) else ""
    if not _is_cap(owner) or not owner.endswith(_POSSESSIVE_ENDS) or _low(owner[:-2]) in _CONTRACTED:
        return None  # (a name of up to four words, its last one the possessor's)
    end = None
    for word in words[at + 1 : at + 4]:
        if not word.group()[:1].islower() or not word.group().isalpha():
            break
        if _speaking_noun(word.group()):
            end = word.end()
    return ((start, end), end) if end is not None else None


def fragment_clause(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
    """``..., which he declared "a total disaster"``, ``... when Trump dismissed it as "a
    hoax"``: the subject of the clause holding the quoted words."""
    opener = finder.clause_opener_before(anchor.block, anchor.start, anchor.quote_start)
    if opener is None:
        return None
    text = finder.texts[anchor.block]
    # (an object relative inside the sentence's subject: 'The man who Kim accused of "fraud"
    # sued', no verb of the sentence before the relative pronoun)
    relative = _RELATIVE_BEFORE.search(text, anchor.start, opener)
    in_subject = relative is not None and (
        finder.subject_verb(text, _subject_start(text, anchor.start, relative.start()), relative.start()) is None
    )
    found = _under_verb(finder, anchor, opener, in_subject=in_subject)
    if found is not None:
        return found
    # ('..., who Beck on Wednesday called "a disgrace"': an adjunct before the clause's verb)
    if _SUBORDINATOR_BEFORE.search(text, anchor.start, opener) is None:
        return None  # (not after 'and' or a comma: 'she and other Democrats on the stage refused')
    past = _subject_past_adjunct(text, opener, anchor.quote_start)
    if past is None or not _can_speak(text[past[0][0] : past[0][1]]):
        return None
    verb = _FRAGMENT_VERB.match(text, past[1], anchor.quote_start)
    if verb is None or not _finite(verb.group("verb"), verb.group("aux")):
        return None
    return _under_verb(finder, anchor, opener, (past[0], verb), in_subject=in_subject)


_RELATIVE_BEFORE = re.compile(r"(?<![,—–-])\s(?:who|whom|which|that)\s+$")
"""A relative pronoun right before a clause's subject, not set off by a comma or a dash (a
clause set off so is an aside; its end is marked)."""


_SHARED_VERB = re.compile(r"(?:,?\s+(?:and|but)|,)(?:\s+(?:also|then|later|again|still|\w+ly))?(?=\s+[a-z])")
"""A clause joined to the one before without a subject of its own: ``, and``, ``but``, a
comma, an adverb at most, then a word in lower case (its verb, when it reads as one)."""


def fragment_shared_subject(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
    """``Lee praised the "steady" council but called the board "a rubber stamp"``, ``Lee hailed
    it as "bold" and described the plan as "overdue"``: the quoted words stand in a later clause
    of the sentence whose verb shares the sentence's subject (joined by ``and``, ``but`` or a
    comma, with no subject of its own); its verb is the cue, the sentence's subject the
    speaker. (``fragment_subject`` reads only the first verb's clause.)"""
    b, qs = anchor.block, anchor.quote_start
    text = finder.texts[b]
    start = _subject_start(text, anchor.start, qs)
    first = finder.subject_verb(text, start, qs)
    if first is None:
        # ('Speaking in Bayport, which votes next week, Lee praised ... but called ...': the
        # subject after a long introduction, at one of its last commas before any quoted words)
        marks = [text.find(m, start, qs) for m in ('"', "“")]
        bound = min([m for m in marks if m >= 0], default=qs)
        for comma in [m.end() for m in _COMMA_SPACE.finditer(text, start, bound)][-1:-4:-1]:
            first = finder.subject_verb(text, comma, qs)
            if first is not None:
                break
    if first is None:
        return None
    np, verb = first
    joins = list(_SHARED_VERB.finditer(text, verb.end(), qs))
    if not joins:
        return None
    shared = _FRAGMENT_VERB.match(text, joins[-1].end(), qs)
    if shared is None or not _finite(shared.group("verb"), shared.group("aux")):
        return None
    return _under_verb(finder, anchor, np[0], (np, shared))


_SENTENCE_AFTER = re.compile(r"[\s.?!,;:…]*(?:$|(?=[A-Z\"“‘(]))")


def said_sentence_before(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
    """``Ann Lee said in a statement. "There are no ballots to recount."``: quoted words that
    make a sentence of their own, right after a sentence that is only an attribution (a
    speaker, a speech verb, and where, when or to whom), in the same paragraph or as the last
    sentence of the paragraph before; or, when the quote closes its paragraph, after a sentence
    whose subject names the speaker of a quote earlier in the paragraph."""
    b, qs, qe = anchor.block, anchor.quote_start, anchor.quote_end
    text = finder.texts[b]
    if text[anchor.start : qs].strip() or not _SENTENCE_AFTER.match(text, qe):
        return None  # words of the writer's own stand around the quote
    found = _attribution_before(finder, b, qs) or _speaker_sentence_before(finder, b, qs, qe)
    if found is None:
        return None
    cue, speaker = found
    cue_text = finder.texts[cue[0]]
    if finder.another_speaker_in(cue_text, cue[2], qs if cue[0] == b else len(cue_text)):
        return None  # '"A," Lee said, and Park nodded. "B."': B may be Park's
    piece = finder.content(b, text, qs + 1, qe - 1, least=1)
    if piece is None:
        return None
    return Candidate("direct", [piece], cue, speaker)


def _attribution_before(finder: Finder, b: int, qs: int) -> tuple[Piece, Piece] | None:
    """The cue and speaker of the sentence before ``qs`` when it is only an attribution
    (``Ann Lee said in a statement.``, ``He told reporters.``)."""
    text = finder.texts[b]
    if text[:qs].strip():
        pb, ptext, end = b, text, len(text[:qs].rstrip())
    else:
        pos = finder.position[b]
        if pos == 0:
            return None
        pb = finder.order[pos - 1]
        ptext = finder.texts[pb]
        end = len(ptext.rstrip())
    if not ptext[:end].endswith("."):
        return None
    start = finder.sentence_start(pb, end - 1)
    cues = [m for m in finder.cues_in(pb, start, end) if m.group() in SPEECH_VERBS]
    if len(cues) != 1:
        return None
    cue = cues[0]
    np = _np_before(ptext, start, cue.start())
    if np is None:
        return None
    subject = _subject_start(ptext, start, np[0])
    if np[0] != subject:
        # a name, then its apposition right before the verb: 'Sam Lee, the director of the port
        # authority said in a statement.' (the apposition's closing comma left out)
        head = _np_after(ptext, subject, np[0])
        if head is None or head[0] != subject or ptext[head[1] : np[0]].strip() != ",":
            return None  # the mention is not the sentence's subject
        np = (subject, np[1])
    rest = _skip_tail(ptext, cue.end(), end, SPEECH_VERBS[cue.group()])
    if ptext[rest:end].strip(" .") or ptext[np[1] : cue.start()].strip(" ,"):
        return None  # the sentence says more than who spoke
    return (pb, cue.start(), cue.end()), (pb, *np)


def _speaker_sentence_before(finder: Finder, b: int, qs: int, qe: int) -> tuple[Piece, Piece] | None:
    """The subject and verb of the sentence before ``qs`` in the same paragraph when that
    subject names the speaker of a quote found earlier in the paragraph (its last word, in
    capitals, is a word of that speaker's mention) and the quote closes the paragraph: ``"...,"
    says Ann Lee, a teacher. Lee backs the levy. "We need the money."``. Not any subject nor a
    pronoun: a writer's sentence about someone else often comes between."""
    text = finder.texts[b]
    if text[qe:].strip() or not text[:qs].rstrip().endswith("."):
        return None
    names = {
        word.lower()
        for draft in finder.drafts
        if draft.speaker is not None and draft.speaker[0] == b and draft.speaker[2] <= qs
        for word in text[draft.speaker[1] : draft.speaker[2]].replace(",", " ").split()
    }
    if not names:
        return None
    end = len(text[:qs].rstrip())
    start = finder.sentence_start(b, end - 1)
    found = finder.subject_verb(text, _subject_start(text, start, end), end)
    if found is None:
        return None
    np, verb = found
    subject = text[np[0] : np[1]].split()
    if subject[-1].lower() not in names or not subject[-1][:1].isupper():
        return None
    return (b, verb.start("cue"), verb.end("cue")), (b, *np)


_RELATIVE_WHO = re.compile(
    r"(?:,|\s[-—–])\s*who(?:,\s+(?:in|on|at|during|after|before|with|from|by|while|when)\b[^,;:\"“”()]{1,60},)?(?=\s)"
)
"""A relative ``, who`` (or `` - who``) opening a clause set off by commas or dashes, with an
aside set off by commas after it at most (``, who, on a call Friday,``). (Without the comma
the clause's end is not marked: ``The lawyer who ran three marathons is already talking about
"..."``.)"""


def fragment_who(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
    """``The race went to Lee, who has cast herself as the "voice of the docks"``: quoted words in
    a relative clause opened by ``who``, whose verb the relative pronoun is the subject of; the
    mention the pronoun stands for (right before it) is the speaker, when it can speak.
    (``fragment_clause`` reads a clause whose subject follows its opener: ``which he called
    "..."``.)"""
    b, qs = anchor.block, anchor.quote_start
    text = finder.texts[b]
    if "who" not in text[anchor.start : qs]:
        return None
    matches = list(_RELATIVE_WHO.finditer(text, anchor.start, qs))
    if not matches:
        return None
    found = matches[-1]
    verb = _FRAGMENT_VERB.match(text, found.end(), qs)
    if verb is None or not _finite(verb.group("verb"), verb.group("aux")):
        verb = _PROGRESSIVE.match(text, found.end(), qs)  # ('who could be celebrating ...')
        if verb is None or verb.group("verb") in _NOT_PARTICIPLES:
            return None
    if "," in text[verb.end() : qs]:
        return None  # the relative clause ended before the quoted words ('who goes by "Ann," is ...')
    head_end = found.start()
    np = _np_before(text, anchor.start, head_end)
    if np is None or np[1] != head_end:
        return None
    attributed = [
        d.speaker for d in finder.drafts if d.speaker is not None and d.speaker[0] == b and d.speaker[2] == head_end
    ]
    inner = finder.subject_verb(text, np[0], head_end) if not attributed else None
    if attributed:
        # ('"...," said council member Ann Lee, who thinks ...': the earlier quote's speaker)
        np = (attributed[-1][1], attributed[-1][2])
    elif inner is not None:
        # ('Kim met Ann Lee, who ...': the mention grammar read back over a verb it does not
        # know; the relative pronoun stands for the verb's object)
        start = inner[1].end() + len(text[inner[1].end() : head_end]) - len(text[inner[1].end() : head_end].lstrip())
        np = _np_after(text, start, head_end)
        if np is None or np[1] != head_end:
            return None
    if not _can_speak(text[np[0] : np[1]]):
        return None
    return _under_verb(finder, anchor, np[0], (np, verb))


_SPEECH_NOUN = re.compile(
    r"(?P<own>[’']s?)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<cue>" + alternation("speech_nouns") + r")s?"
    r"(?:(?:\s+(?:in|on|at|during|last|this)\s+[\w.]+(?:\s+[A-Z\d][\w.]*)?)?,?\s+(?P<that>that),?\s+[^\"“”.;:!?()]{0,80}?"
    r"|\s+(?:for|of|against|about|in\s+favor\s+of))\s*$"
)
"""A possessive ``'s``, at most two words in lower case, a noun of someone's words, then
``that`` and the start of its clause, or ``for`` / ``of``, right before a quote's opening mark:
``Lee's claim that the board "never met"``, ``Kim's call for "a fair deal"``, ``Lee's promise
of "free buses"``."""
_BEFORE_POSSESSOR = re.compile(
    r"(?:^|[.?!:;,(—–-]|\b(?:and|but|yet|of|after|before|between|over|about|on|with|from|against|in|by|since|despite"
    r"|following|amid|like|for\s+example|instead|earlier|later))\s*$",
    re.IGNORECASE,
)
"""What may stand before the possessor for it to be the words' speaker: the sentence's start, a
punctuation mark, a preposition or a coordinator. After a verb the phrase is its object, and
PolNeAR gives the words to that verb's subject (``the rally denounced Lee's call for "..."``)."""


def fragment_speech_noun(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
    """``For example, Lee's claim that the board "never met" ...``, ``after Mayor Kim's call for
    "a fair deal"``: quoted words after a noun of someone's words (``claim``, ``accusation``,
    ``comment``, ``call for``, ``promise of``) and its possessor, a mention that can speak; the
    possessor is the speaker, the noun the cue, and the words run from ``that`` (or the quoted
    words) to the end of the phrase that completes them. Not when the phrase is a verb's object
    (``_BEFORE_POSSESSOR``), nor after a possessive pronoun (``her call for``: PolNeAR's source
    is then the pronoun, which the speaker grammar does not give)."""
    b, qs = anchor.block, anchor.quote_start
    text = finder.texts[b]
    lo = max(anchor.start, qs - 160)
    if not any(w in text[lo:qs] for w in (" that", " for", " of", " against", " about")):
        return None  # cheap: no shape's joiner before the quote
    m = _SPEECH_NOUN.search(text, lo, qs)
    if m is None:
        return None
    np = _np_before(text, anchor.start, m.start("own"))
    if np is None or np[1] != m.start("own") or not _can_speak(text[np[0] : np[1]]):
        return None  # 'the plan's promise of': a thing's, not a person's
    before = text[anchor.start : np[0]]
    if before.strip() and _BEFORE_POSSESSOR.search(text, anchor.start, np[0]) is None:
        return None  # the phrase is a verb's object: its subject's words, not the possessor's
    closing = _after_last_mark(text, qs + 1, anchor.end)
    if closing is None:
        return None
    # the phrase that completes the words runs on to the clause's end ('Lee's claim that the
    # board "never met" in ten years'), not past an occasion ('on Monday'); but the noun's
    # phrase as the sentence's subject ends at the quoted words, where its verb follows ('But
    # Lee's attack on "free buses" drew ...')
    end = closing
    least = 2
    subject = not before.strip() or before.rstrip().endswith(",") or _LEAD.fullmatch(before) is not None
    if subject:
        # the noun's phrase is the sentence's subject: its words end at their closing mark when
        # the main verb follows ('Lee's claim that the vote was "rigged" was false', 'Kim's plea
        # for "calm" went unheard'), not with the verb read as a noun the words qualify
        after = _past_last_mark(text, qs, anchor.end)
        verb = _FRAGMENT_VERB.match(text, after, anchor.end)
        follows = _AUX_AFTER.match(text, after, anchor.end) is not None or (
            verb is not None and _finite(verb.group("verb"), verb.group("aux"))
        )
        if follows and (m.group("that") is None or _has_finite_verb(text, m.end("that"), after)):
            end = after
            # (one quoted word will do before the main verb: 'Kim's plea for "calm" went
            # unheard', as PolNeAR marks a possessor's noun of words and its quoted object)
            least = 1
        elif m.group("that") is not None:
            end = _phrase_after_quote(text, closing, _clause_end(text, closing, anchor.end))
            if follows and verb is not None:
                # ('Lee's claim that the "elite" runs the city is false': the verb after the
                # mark is the that-clause's own; the main verb is the next finite auxiliary)
                main = _MAIN_AUX.search(text, verb.end(), end)
                if main is not None:
                    end = main.start()
    else:
        end = _phrase_after_quote(text, closing, _clause_end(text, closing, anchor.end))
    begin = m.start("that") if m.group("that") is not None else qs
    piece = finder.content(b, text, begin, end, least=least)
    if piece is None or piece[2] < anchor.quote_end - 1:
        return None
    return Candidate("mixed", [piece], (b, m.start("cue"), m.end("cue")), (b, *np))


_FINITE_WORDS = word_list("finite_auxiliaries") | _STRONG_PAST
_MAIN_AUX = re.compile(r"\s+" + alternation("finite_auxiliaries") + r"\b")
"""A finite auxiliary or copula after a word: the main verb of a sentence whose subject is a
noun's phrase with a clause (`` is``, `` was``)."""


def _has_finite_verb(text: str, start: int, end: int) -> bool:
    """Whether a finite verb stands in ``text[start:end]`` (a that-clause up to a quote's
    closing mark): a finite auxiliary or copula, a verb in the past (``was``, ``will``,
    ``rigged``, ``wrote``)."""
    for token in _TOKEN.finditer(text, start, end):
        word = token.group()
        if word in _FINITE_WORDS or (word.endswith("ed") and word.islower()):
            return True
    return False


_LEAD = re.compile(r"\s*(?:(?:but|and|yet|so|still|instead|for\s+example|of\s+course)[\s,]*)+", re.IGNORECASE)
"""Connectives alone before a sentence's subject: ``But``, ``And yet``, ``For example,``."""


_OWNER_BEFORE = re.compile(r"[’']s?\s*$")
"""A possessive right before a quote's opening mark: ``Lee's "..."``."""
_NOUN_AFTER_QUOTE = re.compile(r",?\s+(?P<cue>" + alternation("speech_nouns") + r")s?\b")
"""A noun of someone's words right after a quote's closing mark: ``"..." comment``."""


def fragment_owner_quote_noun(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
    """``Ann Lee's "forty percent" comment``, ``the pull of Kim's "you can keep it" promise``:
    quoted words between a possessor that can speak and a noun of someone's words
    (``comment``, ``promise``, ``claim``): the possessor's words, the noun the cue."""
    b, qs, qe = anchor.block, anchor.quote_start, anchor.quote_end
    text = finder.texts[b]
    own = _OWNER_BEFORE.search(text, max(anchor.start, qs - 4), qs)
    if own is None:
        return None
    noun = _NOUN_AFTER_QUOTE.match(text, qe, anchor.end)
    if noun is None:
        return None
    np = _np_before(text, anchor.start, own.start())
    if np is None or np[1] != own.start() or not _can_speak(text[np[0] : np[1]]):
        return None
    of = text.rfind(" of ", np[0], np[1])
    if of >= 0 and _is_cap(text[of + 4 : np[1]]):
        np = (of + 4, np[1])  # ('the pull of Kim's "..." promise': Kim's words, not the pull's)
    piece = finder.content(b, text, qs, qe, least=1)
    if piece is None:
        return None
    return Candidate("mixed", [piece], (b, noun.start("cue"), noun.end("cue")), (b, *np))


_OPENING_PARTICIPLE = re.compile(
    r"\s*(?:(?:But|And|Still|Yet|Then|Later),?\s+)?(?P<cue>[A-Za-z][a-z]{2,}ing)\s+(?=[a-z\"“])"
)
"""A participle opening the sentence (after a connective at most): ``Praising``, ``But conceding``."""
_AFTER_OPENING = re.compile(r"[\"”]?,?[\"”]?\s*(?:(?:though|however|too|also),\s+)?")
"""The end of the opening participle's clause after its quoted words: a comma inside or after
the closing mark, an adverb set off by commas at most."""


def _speech_word(word: str) -> bool:
    """Whether ``word`` is a form of a verb of speaking or characterising (not ``read``, which
    is a reader's as often as a sign's)."""
    return SPEECH_VERBS.get(word, "read") != "read" or word in CHARACTERISING_VERBS


def fragment_opening_participle(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
    """``Praising the crews as "the best in the state," Lee thanked the board``: quoted words in
    the clause of a participle of speaking or characterising opening the sentence, closed by a
    comma, then the sentence's subject (one that can speak) and its verb: the subject speaks the participle's words, the
    participle is the cue."""
    b, qs, qe = anchor.block, anchor.quote_start, anchor.quote_end
    text = finder.texts[b]
    opening = _OPENING_PARTICIPLE.match(text, anchor.start, qs)
    if opening is None or not _speech_word(opening.group("cue").lower()):
        return None  # ('Reading the "fine print," Smith found ...': no words of anyone's)
    if not (text[qe - 2 : qe].startswith(",") or text.startswith(",", qe)):
        return None  # the clause does not end right after the quoted words
    after = _AFTER_OPENING.match(text, qe - 1, anchor.end)
    subject = after.end() if after is not None else qe
    found = finder.subject_verb(text, subject, anchor.end)
    if found is None or found[0][0] != subject or not _can_speak(text[found[0][0] : found[0][1]]):
        return None  # (the subject must be one that can speak: not 'Citing "high costs," the plan failed')
    piece = finder.content(b, text, opening.end(), qe, least=2)
    if piece is None:
        return None
    return Candidate("mixed", [piece], (b, opening.start("cue"), opening.end("cue")), (b, *found[0]))


QUOTED_RULES = [
    Rule.of("said_sentence_before", "quoted", said_sentence_before),
    Rule.of("fragment_who", "quoted", fragment_who),
    Rule.of("fragment_subject", "quoted", fragment_subject),
    Rule.of("fragment_clause", "quoted", fragment_clause),
    Rule.of("fragment_shared_subject", "quoted", fragment_shared_subject),
    Rule.of("fragment_speech_noun", "quoted", fragment_speech_noun),
    Rule.of("fragment_owner_quote_noun", "quoted", fragment_owner_quote_noun),
    Rule.of("fragment_opening_participle", "quoted", fragment_opening_participle),
]
"""The ``quoted`` rules, in order."""


_NOT_PARTICIPLES = word_list("ing_not_participles")
"""Words in -ing that are no participle (``during``, ``nothing``)."""
_RECEIVED = word_list("receiving_verbs")
"""Verbs of receiving or hearing (``got``, ``heard``): their subject did not say the words."""
