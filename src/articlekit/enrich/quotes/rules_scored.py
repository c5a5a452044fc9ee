"""An opt-in ``quoted`` rule, ``scored_quote``: quoted words that no rule attributed, given to
one of their candidate speakers (``speaker_choices``: their sentence's subject, the speakers
quoted before them in their paragraph or the two before, the subject of the sentence before,
the names before them) when the quote scorer ([`articlekit.enrich.quotes.scorer`][]) says they
are someone's words rather than a scare quote, a title or a term, and the speaker ranker scores
its best candidate above its floor: that candidate speaks.

It is not among the built-in rules: on PolNeAR train, five folds, it raises direct F1 on the
held-out folds but still gives some of the quotes it adds to the wrong speaker, and the rule for
turning it on by default (``bench/train_quote_scorer.py`` prints it) is not met. Add it where
recall matters more than who said it: a plugin's ``articlekit_quote_rules`` returning
``[SCORED_QUOTE]``, or ``rules = quote_rules().copy(); rules.add(SCORED_QUOTE);
find_quotes(article, rules)``. ``speaker_for`` and ``nearby_speaker`` are the single speaker
the rule proposed before the ranker, kept for callers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from attrs import frozen

from articlekit.enrich.lexicon import (
    CHARACTERISING_VERBS,
    CLAUSE_ADVERBS,
    DETERMINERS,
    GROUP_NOUNS,
    MONTHS,
    ORG_WORDS,
    SPEECH_VERBS,
    TITLE_NOUNS,
    WEEKDAYS,
)
from articlekit.enrich.quotes.clauses import _sentence_subject
from articlekit.enrich.quotes.mention import _CONNECTORS, _can_speak
from articlekit.enrich.quotes.rules import Candidate, Piece, Quoted, Rule, RuleFunction, Veto
from articlekit.enrich.quotes.scorer import (
    features,
    quote_probability,
    speaker_features,
    speaker_probability,
    speaker_weights,
    weights,
)
from articlekit.enrich.quotes.tokens import _TOKEN, _is_cap, _low
from articlekit.enrich.quotes.words import word_list

if TYPE_CHECKING:
    from articlekit.enrich.quotes.finder import Finder

__all__ = [
    "SCORED_QUOTE",
    "Choice",
    "nearby_speaker",
    "ranked_choices",
    "scored_quote_rule",
    "speaker_choices",
    "speaker_for",
]


def nearby_speaker(finder: Finder, block: int, pos: int, reach: int = 2) -> tuple[Piece, Piece] | None:
    """The speaker mention of the last quote found before ``pos`` in ``block``, in this
    paragraph or the ``reach`` before it, and where that quote (or its attribution) ends; None
    when nobody was quoted there."""
    here = finder.position[block]
    best: tuple[Piece, Piece] | None = None
    best_at = (-1, -1)
    for draft in finder.drafts:
        if draft.speaker is None:
            continue
        b, s, _ = draft.pieces[0]
        at = (finder.position.get(b, -1), s)
        if here - reach <= at[0] and at < (here, pos) and at > best_at:
            last = max([*draft.pieces, draft.speaker], key=lambda p: (finder.position.get(p[0], -1), p[2]))
            best, best_at = (draft.speaker, last), at
    return best


_HEAD_NOUNS = TITLE_NOUNS | ORG_WORDS | GROUP_NOUNS


def subject_mention(text: str, start: int, end: int, limit: int | None = None) -> tuple[int, int] | None:
    """The speaker mention of a sentence's subject ``text[start:end]``, without a verb phrase
    a name runs into (``Jones`` of ``Jones took the floor``) but with the role and body nouns
    of a name (``The Republican candidate``, ``Clinton campaign manager Robby Mook``) and the
    words that lead to another capitalised word of it (``Former Obama speechwriter Jon
    Favreau``, ``The Council on American-Islamic Relations``), read on to ``limit`` where the
    name goes on after ``end``; None for a lone adverb opening the sentence (``Immediately``)."""
    words = list(_TOKEN.finditer(text, start, end))
    if not words:
        return None
    if len(words) == 1 and _low(words[0].group()).endswith("ly"):
        return None
    if not _is_cap(words[0].group()):
        return start, end
    for i, (prev, word) in enumerate(pairwise(words), 1):
        w, low = word.group(), _low(word.group())
        if w[:1].islower() and _verb_like(low) and not _name_goes_on(words, i):
            p = prev.group()
            if _is_cap(p) and _low(p) not in DETERMINERS:
                return start, prev.end()
    if limit is not None:
        end = _name_on(text, words[-1], limit)
    return start, end


_VERB_WORDS = (
    word_list("aux_words")
    | word_list("auxiliaries")
    | word_list("copulas")
    | word_list("past_not_participle")
    | word_list("strong_past")
    | word_list("irregular_participles")
)


def _verb_like(low: str) -> bool:
    """Whether a lower-case word after a subject's capitalised word can be its verb, where the
    subject ends (``took`` of ``Jones took the floor``, ``blasts``, ``has``), rather than a noun
    the name heads (``report`` of ``A House Committee report``, ``ad``, ``press``)."""
    if low in _CONNECTORS or low in _HEAD_NOUNS:
        return False
    return (
        low in _VERB_WORDS
        or low in SPEECH_VERBS
        or low in CHARACTERISING_VERBS
        or low in CLAUSE_ADVERBS
        or low.endswith(("ed", "ly"))
        or (low.endswith("s") and not low.endswith(("ss", "'s", "’s")))
    )


def _name_goes_on(words: Sequence[re.Match[str]], i: int) -> bool:
    """Whether the lower-case words from ``words[i]`` lead, within three, to a capitalised word
    of the same name, with no verb among them (``speechwriter Jon``, ``of state Hillary``; not
    ``blasts Clinton``, ``said Tuesday``)."""
    for word in words[i : i + 3]:
        w, low = word.group(), _low(word.group())
        if not w[:1].isalnum():
            return False
        if _is_cap(w):
            return low not in WEEKDAYS and low not in MONTHS and low not in CLAUSE_ADVERBS
        if low in _HEAD_NOUNS or low in _CONNECTORS:
            continue  # ("secretary of state", "director of communications")
        if low in SPEECH_VERBS or low in CHARACTERISING_VERBS or low in CLAUSE_ADVERBS or low.endswith(("ed", "s")):
            return False
    return False


def _name_on(text: str, last: re.Match[str], limit: int) -> int:
    """Where a name whose last word so far is ``last`` ends, read on to ``limit``: over
    capitalised words, and lower-case ones that lead to another (``Former secretary`` of
    ``Former secretary of state Hillary Rodham Clinton``)."""
    end = last.end()
    if not (_is_cap(last.group()) or _low(last.group()) in _HEAD_NOUNS):
        return end
    after = list(_TOKEN.finditer(text, end, limit))
    for i, word in enumerate(after):
        w, low = word.group(), _low(word.group())
        if _is_cap(w) and low not in WEEKDAYS and low not in MONTHS and low not in CLAUSE_ADVERBS:
            end = word.end()
        elif not (w[:1].isalnum() and (low in _CONNECTORS or _name_goes_on(after, i))):
            break
    return end


REACH = 0
"""How many paragraphs before the quoted words the rule looks for the speaker quoted last: none
by default. On PolNeAR train (folds 1-4) a speaker quoted in an earlier paragraph was the right
one for a quarter of the quotes it gave a speaker to; in the same paragraph, for four in five."""


def speaker_for(finder: Finder, anchor: Quoted, reach: int = REACH) -> tuple[Piece, bool, bool, str] | None:
    """Who said the quoted words, if anyone: the subject of their sentence when it can speak
    (``Clinton is telling customers that "..."``), else the speaker quoted just before, in this
    paragraph or the ``reach`` before it. With it: whether it is the sentence's subject, whether
    it stands in the same paragraph, and the text between it and the quoted words."""
    b = anchor.block
    text = finder.texts[b]
    subject = _sentence_subject(text, anchor.start, anchor.quote_start)
    if subject is not None:
        subject = subject_mention(text, *subject)
    if subject is not None:
        words = text[subject[0] : subject[1]]
        if subject[1] < anchor.quote_start and words.lower() != "it" and _can_speak(words):
            return (b, *subject), True, True, text[subject[1] : anchor.quote_start]
    near = nearby_speaker(finder, b, anchor.quote_start, reach)
    if near is None:
        return None
    _, (nb, _, end) = near
    if nb == b:
        return near[0], False, True, text[min(end, anchor.quote_start) : anchor.quote_start]
    return near[0], False, False, finder.texts[nb][end:] + " " + text[: anchor.quote_start]


CHOICE_REACH = 2
"""How many paragraphs before the quoted words the speaker ranker looks for speakers quoted
before them (it weighs how far back they stand)."""

MAX_CHOICES = 6
"""At most this many candidate speakers are ranked for one quoted span."""


@frozen
class Choice:
    """A candidate speaker of quoted words: the ``mention``, where it comes from (``kind``, one
    of ``CHOICE_KINDS``), the text ``between`` it and the words, how many sentences (in their
    paragraph) and paragraphs before them it stands, whether it names the speaker quoted last
    before them, and how many quotes before them its name spoke."""

    mention: Piece
    kind: str
    between: str
    sentences_back: int = 0
    paragraphs_back: int = 0
    last_speaker: bool = False
    times_quoted: int = 0


_NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|de|al|van|von|bin|el|la|le)\s+)?[A-Z][\w’'.-]*)*")
"""A run of capitalised words, with the particles of a name inside it (``Ann van Lee``)."""


def _head(mention: str) -> str:
    """The last word of a mention, lower-case, as speakers are told apart."""
    words = _WORD_OF.findall(mention)
    return words[-1].lower() if words else ""


_WORD_OF = re.compile(r"\w[\w’'-]*")


_DASH_AFTER = re.compile(r"\s*(?:—|–|--|-\s)")


def _label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a label in capitals, never a speaker: several words in
    capitals (``NEW YORK AT ITS CORE``, a dateline) or a word in capitals before a dash
    (``FAREWELL—``), where an acronym alone may speak (``NATO said``)."""
    words = text[start:end]
    letters = [c for c in words if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    return len(words.split()) > 1 or _DASH_AFTER.match(text, end) is not None


def speaker_choices(finder: Finder, anchor: Quoted, reach: int = CHOICE_REACH) -> list[Choice]:
    """The candidate speakers of the quoted words ``anchor``, at most ``MAX_CHOICES`` and one
    per name (by its last word), in the order of ``CHOICE_KINDS``: their sentence's subject when
    it can speak, the speakers quoted before them in their paragraph (the latest first) and in
    the ``reach`` paragraphs before, the subject of the sentence before, and the names that can
    speak before them in their sentence or the one before (the nearest first)."""
    b = anchor.block
    text = finder.texts[b]
    here = finder.position[b]
    sents = finder.sents(b)
    index = next((i for i, (s, e) in enumerate(sents) if s <= anchor.start < e), -1)
    choices: list[Choice] = []
    heads: set[str] = set()

    def sentences_back(pos: int) -> int:
        return sum(1 for s, _ in sents if pos < s <= anchor.start)

    def add(piece: Piece, kind: str, **more: object) -> None:
        words = finder.texts[piece[0]][piece[1] : piece[2]]
        head = _head(words)
        if _label(finder.texts[piece[0]], piece[1], piece[2]):
            return
        if head and head not in heads and len(choices) < MAX_CHOICES:
            heads.add(head)
            same = piece[0] == b
            between = (
                text[min(piece[2], anchor.quote_start) : anchor.quote_start]
                if same
                else finder.texts[piece[0]][piece[2] :] + " " + text[: anchor.quote_start]
            )
            back = sentences_back(piece[1]) if same else 0
            choices.append(Choice(piece, kind, between, back, **more))  # type: ignore[arg-type]

    # who spoke before the words, the latest first, and how often each name spoke
    spoken: list[tuple[tuple[int, int], Piece]] = []
    for draft in finder.drafts:
        if draft.speaker is not None:
            pb, ps, _ = draft.pieces[0]
            at = (finder.position.get(pb, -1), ps)
            if at < (here, anchor.quote_start):
                spoken.append((at, draft.speaker))
    spoken.sort(reverse=True)
    said: dict[str, int] = {}
    for _, piece in spoken:
        head = _head(finder.texts[piece[0]][piece[1] : piece[2]])
        said[head] = said.get(head, 0) + 1
    last = _head(finder.texts[spoken[0][1][0]][spoken[0][1][1] : spoken[0][1][2]]) if spoken else ""

    def known(piece: Piece) -> dict[str, object]:
        head = _head(finder.texts[piece[0]][piece[1] : piece[2]])
        return {"last_speaker": bool(head) and head == last, "times_quoted": said.get(head, 0)}

    subject = _sentence_subject(text, anchor.start, anchor.quote_start)
    if subject is not None:
        subject = subject_mention(text, *subject, anchor.quote_start)
    if subject is not None and subject[1] < anchor.quote_start:
        words = text[subject[0] : subject[1]]
        if words.lower() != "it" and _can_speak(words):
            add((b, *subject), "subject", **known((b, *subject)))
    for (position, _), piece in spoken:
        if position == here and piece[0] == b:
            add(piece, "quoted_here", **known(piece))
    for (position, _), piece in spoken:
        if here - reach <= position < here:
            add(piece, "quoted_before", paragraphs_back=here - position, **known(piece))
    if index > 0:
        s, e = sents[index - 1]
        previous = _sentence_subject(text, s, e)
        if previous is not None:
            previous = subject_mention(text, *previous, e)
        if previous is not None:
            words = text[previous[0] : previous[1]]
            if words.lower() not in ("it", "they", "we", "i") and _can_speak(words):
                add((b, *previous), "previous_subject", **known((b, *previous)))
    names = []
    for s, e in sents[max(0, index - 1) : index + 1] if index >= 0 else [(anchor.start, anchor.end)]:
        for run in _NAME_RUN.finditer(text, s, min(e, anchor.quote_start)):
            words = run.group()
            low = _low(words)
            if text[s : run.start()].strip(" \"“‘'(") == "" and " " not in words:
                continue  # a lone capitalised word opening a sentence
            if low in WEEKDAYS or low in MONTHS or low in DETERMINERS or not _can_speak(words):
                continue
            names.append(run)
    for run in reversed(names):
        piece = (b, run.start(), run.end())
        add(piece, "name_before", **known(piece))
    return choices


def _choice_features(
    choice: Choice, mention: str, first: bool, count: int, values: Sequence[float], after: str
) -> list[float]:
    return speaker_features(
        mention,
        choice.kind,
        choice.between,
        first=first,
        last_speaker=choice.last_speaker,
        times_quoted=choice.times_quoted,
        sentences_back=choice.sentences_back,
        paragraphs_back=choice.paragraphs_back,
        choices=count,
        quote_values=values,
        after=after,
    )


def ranked_choices(
    finder: Finder, anchor: Quoted, reach: int = CHOICE_REACH
) -> tuple[list[float], list[tuple[Choice, list[float]]]] | None:
    """The quote features of the quoted words ``anchor`` (read with their first candidate
    speaker) and each candidate speaker with its features, in the order of
    ``speaker_choices``; None without a candidate."""
    choices = speaker_choices(finder, anchor, reach)
    if not choices:
        return None
    b = anchor.block
    text = finder.texts[b]
    top = choices[0]
    values = features(
        text,
        (anchor.start, anchor.end),
        (anchor.quote_start, anchor.quote_end),
        top.kind == "subject",
        top.mention[0] == b,
        top.between,
    )
    after = text[anchor.quote_end : anchor.end]
    scored = [
        (
            c,
            _choice_features(
                c, finder.texts[c.mention[0]][c.mention[1] : c.mention[2]], i == 0, len(choices), values, after
            ),
        )
        for i, c in enumerate(choices)
    ]
    return values, scored


def scored_quote_rule(
    model: Sequence[float] | None = None, reach: int = CHOICE_REACH, speaker_model: Sequence[float] | None = None
) -> RuleFunction:
    """The ``scored_quote`` rule with the quote scorer's weights ``model`` and the speaker
    ranker's ``speaker_model`` (the shipped ones by default; ``bench/train_quote_scorer.py``
    passes each fold's; each with its threshold last), ranking the speakers quoted in this
    paragraph and the ``reach`` before it with the other candidates."""

    def scored_quote(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
        """Quoted words nobody was found for, someone's words by the scorer: the words of the
        candidate speaker the ranker puts first, if it scores above the floor."""
        found = ranked_choices(finder, anchor, reach)
        if found is None:
            return None
        values, scored = found
        weights_ = model if model is not None else weights()
        if quote_probability(values, weights_) < weights_[-1]:
            return Veto("scorer", quiet=True)
        who = speaker_model if speaker_model is not None else speaker_weights()
        best, score = max(((c, speaker_probability(x, who)) for c, x in scored), key=lambda cs: cs[1])
        if score < who[-1]:
            return Veto("speaker_scorer", quiet=True)
        b = anchor.block
        piece = finder.content(b, finder.texts[b], anchor.quote_start + 1, anchor.quote_end - 1, least=1)
        if piece is None:
            return None
        return Candidate("direct", [piece], None, best.mention)

    return scored_quote


SCORED_QUOTE = Rule.of("scored_quote", "quoted", scored_quote_rule())
"""The opt-in ``scored_quote`` rule (it goes last of the ``quoted`` rules)."""
