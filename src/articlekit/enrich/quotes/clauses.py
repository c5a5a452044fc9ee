"""Clause-level grammar the rules share: where a sentence's subject and content start, where reported
words end, and what reads as a finite verb."""

from __future__ import annotations

import re

from articlekit.enrich.lexicon import (
    CHARACTERISING_VERBS,
    CLAUSE_ADVERBS,
    MONTHS,
    SPEECH_VERBS,
    WEEKDAYS,
)
from articlekit.enrich.quotes.marks import _cut_at_comma_close, _inside_quote, _last_mark
from articlekit.enrich.quotes.mention import _np_after, _np_before
from articlekit.enrich.quotes.tokens import _CUE, _WORD, _low, _stops, _trie, dateline_end
from articlekit.enrich.quotes.words import alternation, word_list

_ACCORDING_BEFORE = re.compile(r"[Aa]ccording to ()(?=[^,;:]{1,80}[,:]\s*$)")
_SHARED_SUBJECT = re.compile(r"(?:,?\s*\b(who)|\s+and|,\s*then)(?:\s+(?:also|later|then|\w+ly))?$")
_SHARED_AND = re.compile(r"\s+and(?:\s+(?:also|later|then|\w+ly))?\s+$")
_LEAD_DASH = re.compile(r"\s(?:[-—–―]|--)\s+$")
_BY_GERUND = re.compile(r"(?:^|\s)(?:by|after|while|before)$")
_OPENS_CLAUSE = re.compile(r"(?:[,;:—–]|\b(?:with|and|but|when|as|after|before|while|because|then|where))$")
_PROGRESSIVE = re.compile(r"(?:\b(?:is|are|was|were|been)\s+|[’']s\s+)(?:\w+ly\s+)?(?=[a-z]+ing$)")
_MODAL = re.compile(r"\b(?:will|would|can|could|may|might|must|should|shall|did|does|do|to)\b")
_NEW_CLAUSE = re.compile(
    r"(?:,[\"”’]?\s*(?:and|but|while|whereas|then|so|and then|but then)|[;:]"
    r"|\b(?:that|when|because|after|before|since|if|although|though|where|in which|of which|for which))$"
    # a clause of its own: '... while Sanders suggests', '..., yet officials emphasized', '-- and he says'
    r"|\b(?:while|whereas|yet)$|(?:\s[—–]|\s--)\s*(?:and|but)?$"
)
_DASH = re.compile(r"\s*(?:[,;]\s*)?(?:[—–―]+|--)\s*")
_RUNS_ON = re.compile(r"(?:that\b|[a-z])")
_TO = re.compile(r"\s+to\b")
_WHO = re.compile(r"\bwho\b")
_THAT = re.compile(r"\s*(?:,\s*)?that\b")
_AS_BEFORE = re.compile(r"\b[Aa]s\s+$")
_ONLY_END = re.compile(r"[.?!\"”’)]*\s*$")
_TRAILING_CLAUSE = re.compile(
    r"\s*(?:,\s*(?:\w+ing|who|which|as|while|when)\b|;\s)"
    r"|\s+(?:as|while|when|after|before|because)\s+(?:he|she|they|we|I|it)\s+[a-z]"
)
"""What may follow a trailing attribution: a participle or a subordinate clause after a comma,
or another clause after a semicolon (``..., analysts say; in 2012, ...``)."""
_GOES_ON = re.compile(r"\s*,\s*(?=(?:because|but|although|though|since)\s+(?P<first>[^\s,.;:]+)\s+[^\s,.;:]+)")
"""After a trailing attribution, the reported words going on with a linked clause: ``The
bridge will close, said Lee, because it is unsafe.``, ``The plan is sound, she said, but the
money is short.``; not the speaker's own verb phrase (``..., said Kim, but left early``)."""
_OWN_PARTICIPLE_GAP = re.compile(r"\s*,\s+(?:\w+ing)\b[^\"“”]{0,300}[.!?]\s*")
_SUBORDINATE = re.compile(r"(?:after|as|while|when|before|because|since|until|though|although|even|which|who)\b")
_PARTICIPLE_GAP = re.compile(
    r"^\s*,\s+(?:(?:instead|then|also|again|later|\w+ly)\s+)?(?!"
    + alternation("ing_not_participles")
    + r"\b)(\w+ing)\b(?:[^.;:\"“”]|(?<=[A-Z])\.){0,160}"
)
"""A participle's clause after an attribution's comma, an adverb at most before it (``, also
thanking``, ``, instead choosing``), not a word in -ing that is none
(``lexicons/ing_not_participles.txt``: ``during``). (A period after a capital is an initial or
an abbreviation: 'referring to John F. Kerry, the chief U.S. negotiator'.)"""
_INTRO_PARTICIPLE = re.compile(r"(?:(?:After|Before|While|By|Since|In|Upon|When)\s*)?")
_TRAILING_CONNECTIVE = re.compile(r"(?<=[.:])\s+(?:But|And|Still|Yet|So|Then|Also)\s*$")
_DATELINE = re.compile(r"^[A-Z][A-Z.'’/ ,-]{1,60}?(?:\([^)]{1,30}\)\s*)?\s*[-—–]+\s+")
_LEAD_CONNECTIVE = re.compile(
    r"(?:" + alternation("lead_connectives") + r"\b,?\s+)+",
    re.IGNORECASE,
)

_AUXILIARIES = word_list("auxiliaries")
_FRAGMENT_VERB = re.compile(
    r"\s+(?P<cue>(?P<aux>(?:(?:has|have|had|will|would|did|does|do|can|could|should|may|might|must|not|never|"
    r"also|then|later|once|again|even|still|further|long|just|already|often|since|first|now|soon|\w+ly)\s+){0,3})"
    r"(?P<verb>[a-z][a-z-]+))\b"
)
_CLAUSE_OPENER = re.compile(
    r"(?:,|;|t(?<!\wt)hat|w(?<!\ww)(?:hich|ho|hen|hile|here|hom|hat)|a(?<!\wa)(?:nd|s|fter)"
    r"|b(?<!\wb)(?:ut|ecause|efore))\s+(?=[A-Za-z])"
)
r"""A clause opener before a word: ``,``, ``;`` or one of ``that which who and but when as while
because after before where whom what`` standing as a word (``\b(?:that|...)``). Each
alternative opens with its first character and looks behind it for a word character, so that a
search skips to those characters (the paragraph's openers are found in one scan)."""
_STRONG_PAST = word_list("strong_past")
_AUX_AFTER = re.compile(
    r"\s+(?:" + alternation("finite_auxiliaries") + r"|[a-z]+ed|" + _trie(sorted(_STRONG_PAST)) + r")\b"
)
_HEAD_OF_PP = re.compile(r"(?i:a|an|the|one|another)\s+(?:[\w’'-]+\s+){1,3}(?:in|of|for|at|from|with|on)\s+")
_LISTENER_THAT = re.compile(r"\s+(?:[^\s,.;:\"“”]+,?\s+){1,12}?that\s+")
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|these|those|its|their|his|her|our|many|some|all|both|several)\s+$", re.I)
_INVERTED_LEAD = re.compile(r"\s*(" + alternation("inverted_lead_verbs") + r")\s+")
_SHORT_TAIL = re.compile(r"(?:\s+(?:on|at|in|to|from|during|after|before|with)\b[^.,;:!?\"“”]{0,60})?\s*[.!?]?\s*")
_OWN_CLAUSE = re.compile(
    r"\s+(?:after|before|when|because|while|since|as)\s+(?:he|she|they|it|we|I|[A-Z][\w’'-]*)\s+[a-z]"
)
_RELATIVE_GAP = re.compile(r"\s*,\s+who\b")
_THIS_COLON = re.compile(r"(?:this|these words|the following|as follows|simply|only)\s*[:,]")
_AFTER_QUOTED_COMMA = re.compile(r",[\"”’]\s*$")
_FINITE_AFTER = re.compile(r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b")
_PAST_VERB = re.compile(r"([a-z]+ed)\s+")
_VERB_LAST = re.compile(r"(?<=\s)(?:[a-z]+ed|" + _trie(sorted(_STRONG_PAST)) + r")$")
_BUT_GAP = re.compile(r"\s*,\s*(?:but|and)(?:\s+(?:still|then|also|later|now|yet))?\s*")
_ACCORDING_AFTER = re.compile(r"\s*,?\s*(according to)\s+")
_COMMA_SPACE = re.compile(r",\s+")
_FRAGMENT_LEAD = re.compile(r"(?:\b(?:that|saying|says|said|calling)|:|,(?=\s*[\"“]))\s+")
_NOT_VERBS = word_list("not_verbs")
_COPULAS = word_list("copulas")
_AUX_WORDS = word_list("aux_words")


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


def _unambiguous_verbs() -> set[str]:
    """Speech verb forms that cannot be nouns (``said``, ``encouraged``, ``says``), so that
    ``and`` before them starts a new clause: not ``and state law``, ``and reports``."""
    forms = {*SPEECH_VERBS, *CHARACTERISING_VERBS}
    lemmas = {**SPEECH_VERBS, **CHARACTERISING_VERBS}
    keep = {
        f for f in forms if f != lemmas[f] and f not in (lemmas[f] + "s", lemmas[f] + "es") and not f.endswith("ing")
    }
    return keep | {"says", "tells", "adds", "calls", "writes", "asks"} | _REPLY_PHRASES


_REPLY_PHRASES = word_list("reply_phrases")
"""Verbs of reply with their particle, speech verbs only so (``and Kim shot back``, not ``and Kim
shot a film``): someone else's attribution after reported words."""


_NUMBER_WORD = (
    r"(?:\d[\d,.]*(?:\s*(?:percent|%)|%)?|(?:one|two|three|four|five|six|seven|eight|nine|ten)"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_QUANTITY = (
    r"(?i:(?:(?:about|nearly|almost|roughly|some|only|just|over|under|shy\s+of|more\s+than|less\s+than"
    r"|fewer\s+than|a\s+(?:strong|slim|narrow|clear|bare|full))\s+)*"
    r"(?:" + _NUMBER_WORD + r"(?:\s+percent)?(?:\s+in\s+(?:\d+|ten|five|four|three))?"
    r"|(?:one|two|three|four)-(?:thirds?|quarters?|fifths?)|(?:a|one)\s+(?:third|quarter|fifth)"
    r"|half|majorities|(?:a\s+)?majority|most"
    r"|(?:those|respondents|voters|people|adults|residents)\s+(?:surveyed|polled|questioned|interviewed|sampled)))"
)
"""A share of a group as a clause's subject: ``60 percent``, ``More than six in 10``, ``Just over
a quarter``, ``two-thirds``, ``majorities``, ``a majority``; or the whole sample of a poll:
``those surveyed``, ``voters polled``."""
_QUANTITY_SUBJECT = re.compile(
    _QUANTITY + r"(?:\s*,\s*" + _QUANTITY + r"\s*,)?(?:\s+(?:of|in|among)\s+[^,;:()\"“”]{1,80}?)?"
    r"(?:\s*,\s*" + _NUMBER_WORD + r"\s*,)?\s*"
)
"""A quantity subject, with its figure set off by commas (``Just over a quarter, 26 percent,``)
and what it is a share of (``of voters in four states``, ``in all five``)."""

_CLAUSE_BREAK = re.compile(
    r",(?P<close>[\"”’]?)\s+(?:(?:while|whereas|although|though)\b"
    # (not a participle or a short aside: '..., while dealing setbacks to ...', '..., though brief, ...')
    r"(?!\s+[a-z]+ing\b)(?!\s+(?:[a-z]+\s+){0,2}[a-z]+,)"
    r"|(?:citing|referring|meaning|noting|adding|saying|according)\b)"
    r"|;\s|\s[—–―]\s|\s--\s"
    # a source of the writer's closing the sentence: '..., a new poll shows.'
    r"|,\s+(?=(?:a|an|the|this|that|one|another|new)\s+(?:[\w’'-]+\s+){0,4}"
    r"(?:shows?|showed|finds?|found|suggests?|suggested|indicates?|indicated)\s*[.!?]?\s*$)"
    r"|,\s+and\s+(?=(?:[\w’'-]+\s+){1,4}(?:" + _trie(sorted(_unambiguous_verbs())) + r")\b)"
    # another share's answer: '..., and more than 4 in 10 said ...', ', while 30 percent say ...'
    r"|,\s+(?:(?:and|but|while|whereas)\s+)?(?=" + _QUANTITY_SUBJECT.pattern + r"(?:say|says|said|saying)\b)"
    r"|,?\s+and\s+(?=(?:" + _trie(sorted(_unambiguous_verbs())) + r")\b)"
    # someone else's attribution: '..., Ham also noted ...', '..., but he said that ...'
    r"|(?:,\s+(?:(?:but|and)\s+)?|\s+but\s+)(?=(?:he|she|they|we|I|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+"
    r"(?:(?:also|later|then|\w+ly)\s+)?(?:" + _trie(sorted(_unambiguous_verbs())) + r")\b)"
    # someone declining to speak: '..., but Cook did not say when', '..., but she declined to comment'
    r"|(?:,\s+(?:but|and|though)\s+|\s+but\s+)(?=(?:he|she|they|we|I|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+"
    r"(?:did\s+not|didn[’']t|would\s+not|wouldn[’']t|could\s+not|couldn[’']t|declined\s+to|refused\s+to)\s+"
    r"(?:" + _trie(sorted(SPEECH_VERBS)) + r"|elaborate|comment|specify|discuss)\b)"
    # a relative clause of the speaker's own report: '..., which he called "a disaster"',
    # '..., whom she described as "honest"': a quote of its own, not the reported words. Only
    # with a quote mark inside the relative clause, and not with say ('who she said was armed'
    # is an aside); one mid-sentence is skipped over (see _relative_aside)
    r"|,\s+(?P<relative>(?=(?:which|whom|who)\s+(?:he|she|they|we|I|(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s+"
    r"(?:(?:also|later|then|once|\w+ly)\s+)?(?:"
    + _trie(sorted((set(SPEECH_VERBS) | set(CHARACTERISING_VERBS)) - {"say", "says", "said", "saying"}))
    + r")\b[^,;.]{0,40}?[\"“]))"
)


def _clause_end(text: str, start: int, end: int) -> int:
    """Where reported words starting at ``start`` end within ``text[:end]``: at the next
    clause of someone else's (``, but ...``, ``; ``, a dash), or at a new speech verb joined by
    ``and`` (``... and encouraged Americans to ...``), which is a quote of its own."""
    # cheap candidates first; the full pattern (with its list of verbs) is tried only there
    skip_to = start
    for candidate in _BREAK_CANDIDATE.finditer(text, start, end):
        if candidate.start() < skip_to:
            continue
        m = _CLAUSE_BREAK.match(text, candidate.start(), end)
        if m is None:
            if _own_perfect(text, start, candidate.start(), end):
                return candidate.start()
            continue
        closing = _paired_dash(text, m, end)
        if closing is None and m.group("relative") is not None:
            closing = _relative_aside(text, m.end(), end)
        if closing is not None:
            skip_to = closing  # "the party's standard-bearers -- Romney, McCain -- did not ...": an aside
            continue
        cut = m.start() + 1 + len(m.group("close")) if m.group("close") else m.start()
        if not _inside_quote(text, start, cut):
            return cut
    return end


_RELATIVE_ASIDE = re.compile(r"[^.;:?!]{1,120}?,[\"”]?\s+(?=[a-z])")


def _relative_aside(text: str, start: int, end: int) -> int | None:
    """Where a relative clause starting at ``start`` closes when the reported words go on
    after it in lower case: ``the plan, which she called "a disaster," would fail``. The
    clause is part of the reported words, not the end of them. None when it runs to the end
    of the sentence (``..., which he called "a total disaster" for the city.``)."""
    aside = _RELATIVE_ASIDE.match(text, start, end)
    return None if aside is None else aside.end()


_PERFECT_AFTER_AND = re.compile(
    r",\s+and\s+(?:(?:also|since|now|still|long|\w+ly)\s+)?(?:has|have)\s+(?:(?:also|long|\w+ly)\s+)?"
    r"(?:[a-z]+ed|been|" + _trie(sorted(_STRONG_PAST)) + r")\b"
)
_PRESENT_PERFECT = re.compile(r"\b(?:has|have|is|are)\b")


def _own_perfect(text: str, start: int, at: int, end: int) -> bool:
    """Whether ``, and has championed ...`` at ``at`` is the speaker's own next verb phrase, not
    the reported clause's: a present perfect with no subject of its own after reported words
    with no present tense of ``have`` or ``be`` (``Lee said the plan would fail, and has
    championed a rival bill``, ``insists the party must be bold, and has backed ...``), whose
    tense the perfect does not share (not ``said the city has grown, and has added ...``)."""
    if _PERFECT_AFTER_AND.match(text, at, end) is None:
        return False
    told = text[start:at]
    return _PRESENT_PERFECT.search(told) is None


_DASH_BREAK = re.compile(r"\s(?:--|[—–―])\s")
_DASH_ASIDE = re.compile(r"(?:[^.;:?!\"“”—–―]|[\"“][^\"“”.;:?!]{1,60}[\"”]){1,100}?\s(?:--|[—–―])(?=\s+[a-z\"“])")


def _paired_dash(text: str, m: re.Match[str], end: int) -> int | None:
    """Where an aside between two dashes closes, when the break ``m`` is its opening dash and
    the words go on after it in lower case: ``the number of independents -- always exaggerated
    -- shrinks``, ``a rift between communities -- mainly cities -- and the police``, also with
    quoted words in it (``the tone -- "an insult to voters" -- that ...``). The aside is part of
    the reported words, not the end of them. None for a lone dash (``... -- and why he wants
    it.``) and for an aside quoting in a relative clause of its own (``-- which read "A" --``)."""
    dash = _DASH_BREAK.match(text, m.start(), end)
    if dash is None:
        return None
    aside = _DASH_ASIDE.match(text, dash.end(), end)
    if aside is not None and _QUOTED_RELATIVE_ASIDE.match(text, dash.end(), aside.end()):
        return None  # ('-- which read "A" --', '-- what she calls "B" --': a clause with words of its own)
    return aside.end() if aside is not None else None


_QUOTED_RELATIVE_ASIDE = re.compile(r"\s*(?:what|which|who|whom|where|when)\b[^\"“]*[\"“]")
"""An aside between dashes opened by a relative or interrogative word and holding quoted
words: a clause quoting someone, not a phrase the reported words hold."""


_BREAK_CANDIDATE = re.compile(r",|;\s|\s(?:[—–―]\s|--\s|\s*(?:and|but)\s)")
"""A comma, ``; ``, a dash between spaces, or ``and``/``but`` after white space: the places
``_CLAUSE_BREAK`` may match (after a white-space character, one branch on the next one)."""


_TAIL_CLAUSE = re.compile(
    r"[,;]\s+(?:which|who|whom|whose|but|while|whereas|although|though|because|as|after|before|when|where|even"
    r"|\w+ly\s+\w+ing|\w+ing|a|an)\b"
)


def _after_last_quote(text: str, piece: tuple[int, int, int]) -> tuple[int, int, int]:
    """Reported words holding quoted ones end with the clause of their last quoted words: a
    clause after it (``, which ...``, ``, but ...``, ``, implicitly putting ...``) is the
    writer's."""
    b, start, end = piece
    end = _cut_at_comma_close(text, start, end)  # ('"...," claiming that ...' is the writer's)
    last = _last_mark(text, start, end)
    if last < 0:
        return piece
    m = _TAIL_CLAUSE.search(text, last, end)
    if m is None or _inside_quote(text, start, m.start()):
        return b, start, end
    return b, start, m.start()


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


def _rest_of_attribution(gap: str) -> bool:
    """Whether ``gap`` only finishes an attribution's sentence (``, a lawyer who has worked on
    such cases since 1970.``), with no speech of its own, before the quote goes on. A speech
    verb in the passive is no one else's speech (``when asked about the polls``, ``as reported
    by the Herald``). One sentence, however long: a clause of the scene (``, as a few young
    players trained inside the hall, while ...``) finishes it as a short one does."""
    stripped = gap.rstrip()
    passive = {m.start(m.lastgroup) for m in _PASSIVE_SPEECH.finditer(stripped) if m.lastgroup}
    return (
        stripped.endswith((".", ":"))
        and not _stops(stripped[:-1])
        and not any(
            m.group() in SPEECH_VERBS
            and not m.group().endswith("ing")
            and m.start() not in passive
            and not _plural_noun(stripped, m)
            for m in _CUE.finditer(stripped)
        )
    )


_NOUN_DETERMINER = re.compile(
    r"\b(?:the|these|those|all|both|many|several|some|few|other|dozen|hundreds|thousands|\d+|two|three|four|five|six"
    r"|seven|eight|nine|ten|its|their|our|his|her)\s+$",
    re.IGNORECASE,
)


def _plural_noun(text: str, cue: re.Match[str]) -> bool:
    """Whether a speech verb's form in ``-s`` is a plural noun after a determiner or a number
    (``when a dozen states held contests``, ``as the reports came in``), no one's speech."""
    return (
        cue.group().endswith("s") and _NOUN_DETERMINER.search(text, max(0, cue.start() - 12), cue.start()) is not None
    )


_PASSIVE_SPEECH = re.compile(
    r"\b(?:(?:when|if|as|once|unless|until)\s+(?:first\s+|later\s+)?(?P<verb>[a-z]+ed)\b(?!\s+(?:that|to)\b)"
    r"|(?P<by>[a-z]+ed)\s+by\b)"
)


_CLAUSE_GAP = re.compile(
    r"\s*,\s+(?:as|when|while|after|before|because|since|once|though|although|even\s+as|even\s+though)\s+"
    r"([^.;:!?\"“”()]{1,160}),\s*"
)
_ASKED = re.compile(r"(?:asked|pressed|questioned|challenged)\b")


def _own_clause_gap(gap: str) -> bool:
    """Whether ``gap``, between an attribution and the quote's next part, is a clause of the
    speaker's own set off by commas: ``"A," Lee said, as she toured the site, "and B."``,
    ``she said, when asked about the delay, "B."``; not someone else's attribution (``, as
    Smith noted,``): no speech verb in it, but a passive one right after the conjunction."""
    m = _CLAUSE_GAP.fullmatch(gap)
    if m is None:
        return False
    clause = m.group(1)
    asked = _ASKED.match(clause)
    rest = clause[asked.end() :] if asked is not None else clause
    return not any(c.group() in SPEECH_VERBS for c in _CUE.finditer(rest))


def _lead_start(text: str, s: int, limit: int) -> int:
    """Where a sentence's content starts once its dateline and connectives are skipped."""
    m = _DATELINE.match(text, s, limit)
    if m is not None:
        s = m.end()
    elif s == 0 and text[:2].isupper():
        s = dateline_end(text)  # "SEOUL, Aug. 20 (Yonhap) --"
    m = _LEAD_CONNECTIVE.match(text, s, limit)
    if m is not None:
        s = m.end()
    return s


_INTRO = re.compile(
    r"(?:In|On|At|During|After|Before|Following|With|Speaking|Asked|When|While|As|Since|Earlier|Later|Last|This"
    r"|(?:Here|There|Back|Out|Up|Down)\s+(?:in|at|on|inside|outside)\b"  # "Here in Columbia,", "Back at the rally,"
    r"|(?:" + alternation("weekday_names") + r"|Yesterday|Today|Tonight)"
    r"(?=(?:\s+(?:morning|afternoon|evening|night))?,)"  # "Sunday morning,", "Yesterday,"
    r")"
    r"\b[^,;:\"“”]{0,80},\s+"
)


def _shared_before(text: str, lo: int, end: int) -> re.Match[str] | None:
    """``, who`` or ``and`` (with an adverb) right before ``end``, after ``lo``: the speaker
    is an antecedent (``Trump, who says``) or the sentence's subject (``... and said``)."""
    stop = end
    while stop > lo and text[stop - 1].isspace():
        stop -= 1  # (text[lo:end].rstrip() without copying a long sentence)
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
        verb = _APPOSITION_VERB.search(text, found[0], found[1]) or _APPOSITION_PAST.search(text, found[0], found[1])
        if verb is not None:
            return found[0], verb.start()
        verb = _OWN_PAST.search(text, found[0], found[1])
        if verb is not None:
            return found[0], verb.start()  # "The coach spoke after the game, ...": the subject ends at its verb
    return found


_OWN_PAST = re.compile(r"\s+(?:" + alternation("past_not_participle") + r")\b")
"""A verb in the simple past that no participle shares inside a subject read forwards (``The
coach spoke after the game``): the sentence's verb, where its subject ends."""


_SUBJECT_PRONOUN = re.compile(r"(he|she|they|it|we|I)\s+(?!(?:is|was|are|were|'s|’s)\b)(?=[a-z])")
_APPOSITION_VERB = re.compile(r",\s+(?:(?:then|now|also|later|still)\s+)?(?:\w+ly\s+)?[a-z]+ed\b")
_APPOSITION_PAST = re.compile(
    r",\s+(?:(?:then|now|also|later|still)\s+)?(?:\w+ly\s+)?" + alternation("past_not_participle") + r"\b"
)
"""A verb in the simple past that no participle shares (``became``, ``took``) after a comma:
where a subject's apposition ends (``Ann Lee, a former chairman, became a delegate and said``)."""


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
    if first in _PLACE_ADVERBS and len(words) >= 2 and _low(words[1]) in _PLACE_PREPOSITIONS and len(words) <= 12:
        return True  # "Here in Columbia", "Back at the rally": where, not what was said
    if first.endswith("ing") and len(words) <= 20:
        return True  # "Claiming the criticism is designed to pressure moderators, Trump told Fox"
    return bool(_DATELINE.match(lead + " "))  # "MOSCOW/KYIV -"


_PLACE_ADVERBS = frozenset({"here", "there", "back", "out", "up", "down"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "inside", "outside"})
"""An introduction of place: an adverb, then a preposition (``Here in Columbia,``)."""

_PASSIVE_AFTER = re.compile(r"\s+by\b|\s*,")


def _adverb_participle(text: str, s: int, mention: tuple[int, int], cue_end: int) -> bool:
    """Whether the "mention" is an adverb opening the sentence and the cue its participle:
    ``Widely derided by politicians, ...``, ``Hastily drafted, the memo ...``: no speaker there."""
    words = text[mention[0] : mention[1]].split()
    return (
        len(words) == 1
        and words[0].endswith("ly")
        and not text[s : mention[0]].strip()
        and text[mention[1] : cue_end].strip().endswith("ed")
        and _PASSIVE_AFTER.match(text, cue_end) is not None
    )


_BE_FORM = re.compile(r"\s(?:is|are|was|were|be)\s")
"""A form of ``be`` with the spaces around it, which every match of the progressive verb
(``rules_fragments._PROGRESSIVE``) holds: looked for before the subject is read, off one scan
of the paragraph (``Finder.be_form_in``)."""
