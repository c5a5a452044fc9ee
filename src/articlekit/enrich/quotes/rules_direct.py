"""Rules that attribute a direct quote: after its closing mark (``"...," X said``) or before its
opening mark (``X said: "...``). Each finds the cue and the speaker mention; the finder then
joins a quote's parts and paragraphs."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from articlekit.common.bylines import is_organisation
from articlekit.enrich.lexicon import DETERMINERS, GROUP_NOUNS, ORG_WORDS, PRONOUNS, SPEECH_VERBS, TITLE_NOUNS
from articlekit.enrich.quotes.clauses import (
    _ACCORDING_AFTER,
    _ACCORDING_BEFORE,
    _AFTER_QUOTED_COMMA,
    _AUX_WORDS,
    _AUXILIARIES,
    _BY_GERUND,
    _COMMA_SPACE,
    _DASH,
    _FINITE_AFTER,
    _FRAGMENT_VERB,
    _HEAD_OF_PP,
    _INVERTED_LEAD,
    _LEAD_DASH,
    _NOUN_BEFORE,
    _PAST_VERB,
    _RUNS_ON,
    _SHARED_AND,
    _SHORT_TAIL,
    _STRONG_PAST,
    _THIS_COLON,
    _finite,
    _sentence_subject,
    _shared_before,
    _subject_start,
)
from articlekit.enrich.quotes.context import _skip_tail
from articlekit.enrich.quotes.marks import _PREPOSITIONS, _speechy_quote
from articlekit.enrich.quotes.mention import (
    _RELATIVE_OPENING,
    _can_speak,
    _is_label,
    _np_after,
    _np_before,
    _subject_past_aside,
    _subject_past_dashes,
    _subject_past_title,
    _title_words,
    _trim_subject,
)
from articlekit.enrich.quotes.rules import After, Before, Candidate, Piece, Rule, Veto
from articlekit.enrich.quotes.rules_reported import _subject_after_intro
from articlekit.enrich.quotes.tokens import _PARENS, _is_cap, _stops, _Tok, _trie
from articlekit.enrich.quotes.words import word_list

if TYPE_CHECKING:
    from articlekit.enrich.quotes.finder import Finder

__all__ = ["AFTER_RULES", "BEFORE_RULES"]


_GAP_CHARS = " \u00a0\t,—–-"
"""What may stand between a quote's closing mark and its attribution: spaces (a no-break space
too), a comma, a dash."""


def _direct(pieces: tuple[Piece, ...], cue: Piece, speaker: Piece) -> Candidate:
    return Candidate("direct", list(pieces), cue, speaker)


_WORK_VERBS = frozenset({"write", "sing"})
"""Speech verbs that also make a work (a song, a book): Title Case words in quote marks before
them, with no punctuation of speech, are its title."""
_WORK_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(word_list("work_nouns"))) + r"),?\s*$")
_TITLE_WORD = re.compile(r"[^\w]*(?:[A-Z0-9]|(?:" + "|".join(sorted(word_list("title_small_words"))) + r")\b)")


def _work_title(text: str, open_at: int, start: int, end: int) -> bool:
    """Whether the quoted words ``text[start:end]`` (their opening mark at ``open_at``) are the
    title of a work named right before them: a noun of a work with a title, a comma at most,
    and every word in Title Case, however many (``his biography, "Lost Tycoon: The Many Lives
    of Ann Lee,"``, ``one of his recent reads, "The Long War,"``). Not ``his book, "We must
    act"``: words in lower case are someone's."""
    words = text[start:end].split()
    return (
        bool(words)
        and _WORK_BEFORE.search(text, max(0, open_at - 24), open_at) is not None
        and all(_TITLE_WORD.match(w) for w in words)
    )


def _after_region(finder: Finder, anchor: After) -> tuple[int, str, int, int, str]:
    """The block, its text, where the words after the closing mark start and end (the next
    opening mark), and the quoted words without their closing marks."""
    seg = anchor.segment
    b, text = seg.block, finder.texts[seg.block]
    if anchor.hi < 0:  # (read once for the anchor's rules)
        anchor.hi = finder.next_mark(b, seg.after)
        anchor.inner = text[seg.start : seg.end].rstrip(" '’\"")
    return b, text, seg.after, anchor.hi, anchor.inner


# ----------------------------------------------------------------------------- after the quote


def dash_after(finder: Finder, anchor: After) -> Candidate | Veto | None:
    """``"..." -- Vladimir Putin``: a dash and a name, nothing after them."""
    b, text, lo, hi, _ = _after_region(finder, anchor)
    m = _DASH.match(text, lo, hi)
    if m is None or m.end() <= lo:
        return None
    np = _np_after(text, m.end(), hi)
    if np is not None and not text[np[1] : hi].strip(" .,"):
        return _direct(anchor.pieces, (b, lo, m.end()), (b, *np))
    return None


_DASH_LINE = re.compile(r"\s*(?:--|[-—–―])\s*")
_VOICE_VERB = re.compile(
    r"\b(?:cr(?:y|ies|ied)|shout|scream|yell|ask|exclaim|gasp|roar|chant|shriek|howl|wail|sob|plead|beg|begg"
    r"|whisper|mutter|sigh|laugh|bark|snap|snapp|wonder|repl(?:y|ies|ied)|sa(?:y|ys|id)|tell|told)(?:s|ed|ing)?\b"
)
"""A verb of the voice (``cried``, ``shouted``, ``asked``, ``said``): after a cry in quote marks it
makes the words someone's; a verb of making a work (``recorded``, ``composed``) does not."""
_DASH_LINE_TAIL = re.compile(
    r"\s*\.?\s*|,\s+[a-z][^\"“”]{0,120}"
    # a hometown: '—Ann Lee, Philadelphia.', '— Omar Reyes, Dover, Del.'
    r"|,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:,\s+[A-Z][a-z]{1,4}\.?)?\.?\s*"
)


def dash_next_paragraph(finder: Finder, anchor: After) -> Candidate | Veto | None:
    """``"..."`` as a paragraph of its own, then ``- Ann Lee.`` or ``—Ann Lee, in a speech on
    Monday.`` as the next: an epigraph's or a pull quote's attribution under it. The quote
    fills its paragraph; the next opens with a dash and a name, with at most a lower-case tail
    after a comma (a participle, a role, an occasion)."""
    b, text, lo, _, _ = _after_region(finder, anchor)
    pos = finder.position[b] + 1
    bullet = finder.bullet_below.get(b)
    if (pos >= len(finder.order) and bullet is None) or len(text) - lo > 16 or text[lo:].strip():
        return None  # (a bounded test: a paragraph of many quotes costs no more for it)
    nb = bullet if bullet is not None else finder.order[pos]
    below = finder.texts[nb]
    # ('- Ann Lee.' read as a one-item list: its item is the name, the bullet was the dash)
    dash = _DASH_LINE.match(below) if bullet is None else None
    if bullet is None and (dash is None or dash.end() == 0 or not below[: dash.end()].strip()):
        return None
    name_from = dash.end() if dash is not None else len(below) - len(below.lstrip())
    first, start = anchor.pieces[0][0:2] if anchor.pieces else (b, 0)  # (none: a probe for a next part)
    if finder.texts[first][:start].strip(" \"“‘'"):
        return None  # (the quote does not open its paragraph: '... he said: "..."' is another rule's)
    np = _np_after(below, name_from, len(below))
    if np is not None and not _is_cap(below[np[0] : np[1]].split()[-1]) and "," in below[np[0] : np[1]]:
        comma = below.index(",", np[0])
        role = below[comma + 1 : np[1]].split()
        if "," not in below[comma + 1 : np[1]] and not {"and", "or"} & set(role):
            np = (np[0], comma)  # ('– Warren Hale, investor': the role is the tail's; not a list)
    if np is None or not _is_cap(below[np[0] : np[1]].split()[-1]) or not _DASH_LINE_TAIL.fullmatch(below, np[1]):
        return None
    if is_organisation(below[np[0] : np[1]]) or is_organisation(below[np[1] :].strip(" ,.")):
        return Veto("credit_line")  # ('"..."' then '—Reuters', '- AFP', '— Staff Writer': a credit, no speaker)
    if not _speechy_quote(finder.texts[first], 0, len(finder.texts[first])):
        return Veto("title")  # ('"Pastoral"' then '—Ann Lee': a work's or a picture's title, not words said)
    if dash is None:
        return Candidate("direct", list(anchor.pieces), None, (nb, *np))  # (a bullet item: no dash in it)
    return _direct(anchor.pieces, (nb, dash.start(), dash.end()), (nb, *np))


def according_after(finder: Finder, anchor: After) -> Candidate | Veto | None:
    """``"...," according to CNN.``: a quote closing with a comma, then ``according to`` a name."""
    b, text, lo, hi, inner = _after_region(finder, anchor)
    according = _ACCORDING_AFTER.match(text, lo, hi)
    if according is None or not inner.endswith((",", "?", "!")):
        return None
    np = _np_after(text, according.end(), hi)
    if np is not None and not text[np[1] : hi].strip(" .,;"):
        return _direct(anchor.pieces, (b, according.start(1), according.end(1)), (b, *np))
    return None


def said_after(finder: Finder, anchor: After) -> Candidate | Veto | None:
    """``"...," X said`` and ``"...," said X``: a speech verb after the quote, its speaker before
    or after it, and nothing but the attribution's tail (listener, time, place) to the
    sentence's end."""
    seg = anchor.segment
    b, text, lo, hi, inner = _after_region(finder, anchor)
    found = None
    cues = [c for c in finder.cues_in(b, lo, min(hi, lo + 240)) if c.group() in SPEECH_VERBS]
    for n, cue in enumerate(cues):
        # (not a noun: "one of the states suing the EPA, said", "the congressional report said")
        if _determiner_before(text, lo, cue.start()):
            continue
        lemma = SPEECH_VERBS[cue.group()]
        if (
            cue.group() in (lemma, lemma + "s")
            and n + 1 < len(cues)
            and not text[cue.end() : cues[n + 1].start()].strip()
        ):
            continue  # a noun right before the verb: 'the report said', 'the post says'
        found = cue
        break
    if found is None:
        return None
    gap = _PARENS.sub("", text[lo : found.start()])
    if _stops(gap) or len(gap.split()) > 30:
        if (
            _stops(gap)
            and inner.endswith((",", "?", "!"))
            and not text[finder.sentence_start(b, seg.open) : seg.open].strip()
        ):
            # ('"...," I confessed. The judge confirmed it.': the speech verb is a later
            # sentence's; the attribution before it, with any verb, is verb_after's)
            return None
        return Veto("sentence_ends_before_cue")
    tok = _Tok(found.group(), found.start(), found.end())
    lemma = SPEECH_VERBS[tok.group()]
    between = text[lo : tok.start()].strip(_GAP_CHARS)  # (a no-break space too: '"...,"\u00a0added Lee')
    # a quote opening its sentence with an attribution's punctuation: a loose speaker may do
    lead_at = finder.sentence_start(b, seg.open)
    loose = inner.endswith((",", "?", "!")) and not text[lead_at : seg.open].strip()
    if not between:
        np = _np_after(text, tok.end(), hi)
        if np is None and loose:
            np = _loose_speaker_after(finder, b, text, tok.end(), hi)
        if np is None:
            return Veto("no_speaker")
        end_at = _skip_tail(text, np[1], hi, lemma)
        # the speaker's apposition or relative clause to the sentence's end is the attribution's
        # ('"...," said the man who built his career on his roots.': not a sentence going on)
        sentence = finder.sentence_of(b, np[1] - 1)
        apposition = _apposition_end(text, np[1], min(hi, sentence[1]) if sentence is not None else hi)
        if text[apposition : apposition + 1] in (".", "!", "?"):  # (closing the sentence, no quote after)
            end_at = max(end_at, apposition)
    else:
        start = lo + len(text[lo : tok.start()]) - len(text[lo : tok.start()].lstrip(_GAP_CHARS))
        np = _np_before(text, start, _before_quoted_as(text, start, tok.start()))
        if np is not None and _HEAD_OF_PP.fullmatch(text, start, np[0]):
            np = (start, np[1])  # '"...?" a narrator in the ad asks': the whole phrase
        elif np is not None and _title_words(text[start : np[0]]):
            np = (start, np[1])  # '"...," super PAC spokeswoman Kellyanne Conway said'

        if (np is None or text[start : np[0]].strip()) and loose:
            np = _loose_speaker(text, start, tok.start())
        if np is None or text[start : np[0]].strip():
            if loose and _VERB_THEN_CLAUSE.search(between):
                # '"...," the officer barked while the crowd chanted': the speech verb is the
                # other clause's; the attribution is verb_after's
                return None
            return Veto("no_speaker")
        end_at = _skip_tail(text, tok.end(), hi, lemma)
    rest = text[end_at:hi].lstrip()
    ends = not rest or rest[0] in ".,;:!?—–-" or (hi < len(text) and not rest.strip())
    lead = text[lead_at : seg.open].rstrip()
    if rest[:1] == ")" and lead.endswith("("):
        lead, ends = "", True  # 'drew some anger ("We lost," one member wrote) and ...': the parenthesis its sentence
    if lead and not lead.endswith((":", ",", "—", "–", "―", "-")) and not ends:
        return Veto("embedded")  # 'broadcast of "Fox News Sunday," Pence said his ...': embedded
    if inner.endswith(".") and not (not rest or rest[0] in ".!?"):
        return Veto("new_sentence")  # '"... change." She adds, "...': a new sentence, not an attribution
    if not ends and not inner.endswith((",", "?", "!", "—", "-")):
        return Veto("not_attribution_punctuation")
    # a quote opening its sentence and closing with a comma, a question or an exclamation mark,
    # then a speaker and a speech verb, is someone's words whatever follows the verb ('"Really?"
    # she asked as the crowd laughed', '"Absolutely," he said when asked'): neither a title nor
    # a clause running on
    opens = not lead and inner.endswith((",", "?", "!"))
    if not ends and _RUNS_ON.match(rest) and not inner.endswith(",") and not opens:
        return Veto("runs_on")
    if not ends and not opens and not _speechy_quote(text, seg.open, seg.after):
        return Veto("title")  # 'In his book, "Make Your Kid a Millionaire," Lee suggested ...': a title
    if _work_title(text, seg.open, seg.start, seg.end):
        return Veto("title")  # 'on his radio show, "Morning Hour," Lee said': the show's title
    if lemma in _WORK_VERBS and inner[-1:].isalnum() and all(_TITLE_WORD.match(w) for w in inner.split()):
        return Veto("title")  # '"Yesterday" Paul wrote in 1965.': a work's title, no punctuation of speech
    if not between:
        sentence = finder.sentence_of(b, np[1] - 1)
        np = (np[0], _apposition_end(text, np[1], min(hi, sentence[1]) if sentence is not None else hi))
    return _direct(anchor.pieces, (b, tok.start(), tok.end()), (b, *np))


def _determiner_before(text: str, lo: int, end: int) -> bool:
    """Exactly whether ``_NOUN_BEFORE.search(text, lo, end)`` matches (a determiner, then white
    space to ``end``): its match ends with the white space before ``end`` and opens at most seven
    characters (``several``) before that space, so the search starts there, not at ``lo``."""
    start = end
    while start > lo and text[start - 1].isspace():
        start -= 1
    return start < end and _NOUN_BEFORE.search(text, max(lo, start - 7), end) is not None


_VERB_THEN_CLAUSE = re.compile(
    r"\b(?:[a-z]+ed|" + _trie(sorted(_STRONG_PAST)) + r")\s+(?:as|while|when|before|after)\s+\S"
)
"""A verb in the past, then a subordinator opening a clause of someone else's: ``the officer
barked while (the protesters chanted)``."""


_LOOSE_FINITE = _AUXILIARIES | _AUX_WORDS | {"been", "shall", "not", "also", "then"}
_LOOSE_RELATIVE = frozenset({"who", "whose", "which", "that"})
_LOOSE_SUBORDINATORS = frozenset(
    {"as", "when", "while", "if", "because", "although", "though", "until", "unless", "whereas"}
)
_LOOSE_OPENERS = frozenset(
    {"and", "but", "or", "so", "as", "when", "while", "if", "because", "after", "before", "although", "though",
     "since", "until", "where", "once", "it", "there", "what"}
)  # fmt: skip


def _loose_words(words: str, most: int) -> bool:
    """Whether ``words`` can be a speaker the mention grammar does not read, between (or after) a
    quote's closing comma and its speech verb: at most ``most`` words, no quote marks or
    brackets, not a clause (no conjunction opening it, no finite verb outside a relative
    clause), holding a capitalised word or opened by a determiner (``this source``,
    ``warm-and-fuzzy Trump``, ``Jeffrey Lewis of the James Martin Center ...``)."""
    tokens = words.split()
    if not tokens or len(tokens) > most or any(c in words for c in '"“”‘;:()[]'):
        return False
    lowered = [t.lower().strip(",") for t in tokens]
    first = lowered[0]
    opener = first in _LOOSE_OPENERS or (first in _PREPOSITIONS and first not in DETERMINERS) or first.endswith("ing")
    if not tokens[0][:1].isupper() and opener:
        return False  # a clause, a phrase or a participle: 'claiming that ...', 'in an interview'
    for token, w in zip(tokens, lowered, strict=True):
        if w in _LOOSE_RELATIVE:
            break  # (a relative clause may hold a verb: 'Harry Bond, who was among those polled')
        if w in _LOOSE_FINITE and token.islower():
            return False  # (a capital is a name: 'Will wrote')
        if w in _LOOSE_SUBORDINATORS and token.islower():
            return False  # a clause of its own: 'the judge snapped as the lawyers (argued)'
    if tokens[0][:1].isupper() or (first in DETERMINERS and first != "that"):
        return True
    # a role in lower case, then a name: 'election law expert Rick Hasen', 'warm-and-fuzzy Trump'
    name = next((i for i, t in enumerate(tokens) if t[:1].isupper()), None)
    return name is not None and name <= 4 and not any("," in t for t in tokens[:name])


def _loose_speaker(text: str, start: int, cue_start: int) -> tuple[int, int] | None:
    """The words between a quote's closing comma and its speech verb as the speaker, when the
    mention grammar reads none there: ``"...," warm-and-fuzzy Trump said``, ``"...," this
    source told the Post``, ``"...," Jun wrote`` (a name that is also a month), ``"...,"
    Anne Richards, assistant secretary of state for population, refugees, and migration,
    said``."""
    end = start + len(text[start:cue_start].rstrip(_GAP_CHARS))
    if end <= start or not _loose_words(text[start:end], 20):
        return None
    return start, end


def _loose_speaker_after(finder: Finder, b: int, text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The words after an inverted speech verb to the sentence's end as the speaker, when the
    mention grammar reads none there: ``"...," said election lawyer Joe Birkenstock.``"""
    sentence = finder.sentence_of(b, pos)
    end = min(hi, sentence[1]) if sentence is not None else hi
    if text[end : end + 1] in _OPENING_MARKS:
        # quoted words inside the sentence: the speaker ends before a relative clause holding them
        # ('said council member Ann Lee, who thinks the mayor "needs to listen."')
        relative = _RELATIVE_OPENING.search(text, pos, end)
        if relative is None:
            return None
        end = relative.start()
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    adjunct = _TIME_ADJUNCT.search(text, start, end)
    if adjunct is not None:
        end = adjunct.start()  # ('said striker Lu Chen after scoring twice': when, not who)
    end = start + len(text[start:end].rstrip(_SENTENCE_CLOSE + ","))
    if end <= start or not text[start].isalpha() or not _loose_words(text[start:end], 25):
        return None
    return start, end


_TIME_ADJUNCT = re.compile(r",?\s+(?:after|before|during|following|upon|while|when|until)\s+(?=\w)")
"""A time adjunct after an inverted speaker (``after scoring twice``, ``during a visit``): the
speaker ends before it."""


_NOT_APPOSITION = frozenset(
    {"and", "but", "or", "so", "then", "as", "while", "when", "after", "before", "because", "although",
     "though", "according", "if", "since", "until", "unless", "whereas"}
)  # fmt: skip
_SENTENCE_CLOSE = " .!?'’\"”)"
_OPENING_MARKS = ('"', "“", "‘")


def _apposition_end(text: str, end: int, hi: int) -> int:
    """Where an inverted attribution's speaker ends, ``hi`` the sentence's end: ``"...,"
    said X, A.`` -- the rest of the sentence after the speaker's name is what it says about
    them (an apposition or a relative clause: ``said Peter Orszag, Obama's budget director
    during the drafting of the law``, ``said an official who was not authorized to ...``),
    unless it is a clause of its own (a participle, a conjunction, another quote, a speech
    verb of its own: ``said Weld, who added that ...``)."""
    rest = text[end:hi]
    skip = 2 if rest.startswith(", ") else 1 if rest.startswith(" who ") else 0
    if not skip:
        return end
    if text[hi : hi + 1] in _OPENING_MARKS and rest.rstrip()[-1:] not in (".", "!", "?"):
        return end  # (', who thinks the mayor "needs to listen."': a clause with quoted words of its own)
    tail = rest[skip:].rstrip(_SENTENCE_CLOSE)
    words = tail.split()
    if not words or len(words) > 40 or any(c in tail for c in '"“”;:()[]') or " -- " in tail or "—" in tail:
        return end
    first = words[0].lower().strip(",")
    if first.endswith("ing") or first in _NOT_APPOSITION or any(w.strip(",") in SPEECH_VERBS for w in words):
        return end
    if "." in words[-1]:
        tail += "."  # "Lawrenceville, N.J.": the abbreviation keeps its dot
    return end + skip + len(tail)


def put_it_after(finder: Finder, anchor: After) -> Candidate | Veto | None:
    """``"...," as the senator put it.``: a quote closing with a comma, then ``as``, a speaker
    and ``put it`` closing the sentence."""
    b, text, lo, hi, inner = _after_region(finder, anchor)
    if not inner.endswith((",", "?", "!")) or not text[lo:hi].lstrip().lower().startswith("as "):
        return None
    sentence = finder.sentence_of(b, lo + len(text[lo:hi]) - len(text[lo:hi].lstrip()))
    end = min(hi, sentence[1]) if sentence is not None else hi
    end = lo + len(text[lo:end].rstrip(_SENTENCE_CLOSE))
    found = _as_put_it(text, lo, end)
    if found is None or text[lo : found[0]].strip().lower() != "as":
        return None
    return _direct(anchor.pieces, (b, found[2], found[3]), (b, found[0], found[1]))


def verb_after(finder: Finder, anchor: After) -> Candidate | Veto | None:
    """``"...," Hannity pressed.`` and ``"... profiling?" reacted Trump.``: a name and any verb
    in the past closing the sentence after a quote that ends with a comma, a question or an
    exclamation mark (not a title: ``Before "Jaws," Spielberg directed``)."""
    seg = anchor.segment
    b, text, lo, hi, inner = _after_region(finder, anchor)
    if not inner.endswith((",", "?", "!")):
        return None
    # (a cry or a question opening its sentence, then words in lower case and a verb of the
    # voice, is someone's words even in Title Case: '"Nooooo!" the crowd cried out.'; not
    # '"Help!" Lennon composed in 1965.' nor '"Help!" the band recorded in 1965.', a work's
    # title and its author)
    cry = (
        inner.endswith(("?", "!"))
        and text[lo:hi].lstrip()[:1].islower()
        and not text[finder.sentence_start(b, seg.open) : seg.open].strip()
        and _VOICE_VERB.search(text, lo, hi) is not None
    )
    if not cry and not _speechy_quote(text, seg.open, seg.after):
        return Veto("title")
    start = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())
    back = _phrasal_reply(text, start, hi)
    if back is not None:
        return _direct(anchor.pieces, (b, back[2], back[3]), (b, back[0], back[1]))
    found = finder.subject_verb(text, start, hi)
    if found is None and inner.endswith(","):
        # a quote split around '<the noun> <verb>,': '"...," the skipper barked, "so ..."' -- the
        # split marks an attribution whatever the noun
        split = finder.subject_verb(text, start, hi, any_subject=True)
        if split is not None and (
            _before_next_part(text, split[1].end(), hi) or _noun_verb_closes(finder, anchor, b, split, hi)
        ):
            found = split
    if found is None:
        # inverted: '"... profiling?" reacted Trump.'
        verb = _PAST_VERB.match(text, start, hi)
        np = _np_after(text, verb.end(), hi) if verb is not None else None
        named = _ROLE_NAME_TAIL.match(text, np[1], hi) if np is not None else None
        if np is not None and named is not None:
            np = (np[0], named.end(1))  # ('exhorted Lee's introducer, actress Ann Lee.': the name after the role)
        if verb is None or np is None or not _is_cap(text[np[0] : np[1]]) or text[np[1] : hi].strip(" .") != "":
            return Veto("no_subject_and_verb")
        return _direct(anchor.pieces, (b, verb.start(1), verb.end(1)), (b, *np))
    np, verb = found
    word = verb.group("verb")
    if not (word.endswith("ed") or word in _STRONG_PAST) or verb.group("aux").strip():
        return Veto("not_past_tense")
    rest = text[verb.end() : hi]
    ended = _NEXT_SENTENCE.search(rest)
    if ended is not None:
        rest = rest[
            : ended.start() + 1
        ]  # ('"...," I confessed. The judge smiled.': the next sentence is no part of it)
    # a quote opening its sentence, then the verb and a clause of someone else's ('"Go back
    # home," Lee barked as a guard led the man out'): the clause is no part of the attribution
    opens = not text[finder.sentence_start(b, seg.open) : seg.open].strip()
    if (
        not _SHORT_TAIL.fullmatch(rest)
        and not _before_next_part(text, verb.end(), hi)
        and not (opens and (_OTHER_CLAUSE.match(rest) or _COMMA_CLAUSE.fullmatch(rest)))
    ):
        return Veto("more_than_attribution")  # '"...," Lee replied to the letter and left'
    return _direct(anchor.pieces, (b, verb.start("verb"), verb.end("verb")), (b, *np))


_NEXT_SENTENCE = re.compile(r"(?<![A-Z])(?<!Mr)(?<!Ms)(?<!Mrs)(?<!Dr)(?<!St)[.!?]\s+(?=[A-Z\"“‘(])")
"""A stop, then the next sentence's first word: where an attribution after a quote ends."""
_ROLE_NAME_TAIL = re.compile(
    r"(,\s+(?:[a-z][\w-]*\s+){1,3}[A-Z](?:[\w’'-]|\.(?=\s))*(?:\s+[A-Z](?:[\w’'-]|\.(?=\s))*){0,3})\s*\.?\s*$"
)
"""A role in lower case and a name after an inverted speaker's comma, closing the sentence:
``, actress Ann Lee.``"""
_COMMA_CLAUSE = re.compile(
    r"(?:\s+(?:on|out|in|up|back)\b)?(?:\s+(?:on|at|in|to|from|during|after|before|with)\b[^.,;:!?\"“”]{0,60})?"
    r",\s+(?:[a-z]+ing|as|while)\b[^\"“”]{0,160}"
)
"""After the verb of an attribution closing a quote that opens its sentence, a clause of the
writer's set off by a comma (a participle, ``as``, ``while``) to the sentence's end (the text it
is matched on is cut at the sentence's end first: a stop inside it is an abbreviation's, ``as
Mr. Park watched``): ``Lee went on, as if he did not hear her.``, ``the chairman riffed on
Park's answer, drawing laughs``."""
_OTHER_CLAUSE = re.compile(
    r"\s+(?:and|as|while|when|before|after)\s+(?:the|a|an|his|her|their|its|he|she|they|it|we|I|[A-Z][\w’'-]*)\s+[a-z]"
)


_PHRASAL = re.compile(
    r"(?P<verb>(?:shot|fired|hit|snapped|lashed|pushed|wrote|tweeted)\s+back|(?:cried|called|shouted|yelled|spoke)\s+out"
    r"|(?:chimed|cut|broke|jumped)\s+in|piped\s+up|(?:points|pointed)\s+out)\b"
)


_PHRASAL_END = re.compile(r"\s(?:" + _PHRASAL.pattern + r")$")


def _phrasal_reply(text: str, start: int, hi: int) -> tuple[int, int, int, int] | None:
    """``"...," Trump shot back.``, ``"...!" the crowd cried out, booing.``: a speaker and a
    verb of reply with its particle closing the sentence (a short tail at most); the speaker's
    and the verb's bounds."""
    m = _PHRASAL.search(text, start, min(hi, start + 120))
    if m is None:
        return None
    np = _np_before(text, start, m.start())
    if np is None or text[start : np[0]].strip() or text[np[1] : m.start()].strip():
        return None
    tail = text[m.end() : hi]
    short = _SHORT_TAIL.fullmatch(tail) is not None or _PARTICIPLE_TAIL.fullmatch(tail) is not None
    if not short and not _before_next_part(text, m.end(), hi):
        return None
    return np[0], np[1], m.start("verb"), m.end("verb")


_PARTICIPLE_TAIL = re.compile(r",\s+[a-z]+ing\b[^.;:!?\"“”]{0,60}[.!?]?\s*")


def _before_next_part(text: str, pos: int, hi: int) -> bool:
    """Whether only a comma stands between an attribution's verb and the next opening mark
    (``hi``), so the quote goes on after it: ``"The law is clear," she points out, "and ..."``,
    ``"...," the mayor snapped, "but ..."``."""
    return hi < len(text) and text[pos:hi].strip() == ","


# ----------------------------------------------------------------------------- before the quote


def colon_before(finder: Finder, anchor: Before) -> Candidate | Veto | None:
    """``Putin: "..."``, ``Maria Lopez — "..."``: a capitalised name, then a colon or a dash
    (not a section label or dateline in capitals: ``MOVING SHOP—``, ``UPDATE:``)."""
    b, lo, open_at = anchor.block, anchor.lo, anchor.open_at
    text = finder.texts[b]
    stripped = text[lo:open_at].rstrip()
    if not (stripped.endswith((":", "―", "—", "–")) and len(stripped) > 1):
        return None
    core = stripped[:-1].rstrip()
    np = _np_before(text, lo, lo + len(core))
    lead = text[lo : np[0]].strip() if np is not None else ""
    if lead and _LEAD_DASH.search(text, lo, np[0] if np is not None else lo):
        lead = ""  # "Turnout may surprise - Maria Lopez: "...": a heading, a dash, the speaker
    label = np is not None and _is_label(text[np[0] : np[1]], stripped.endswith(":"))
    if np is not None and not lead and _is_cap(text[np[0] : np[1]]) and not label:
        if _common_noun_label(text[np[0] : np[1]]):
            return Veto("not_speaker_label")  # ('The menu: "..."', 'Highlights of the week: "..."')
        colon = lo + len(stripped) - 1
        reply = _PHRASAL_END.search(text, np[0], np[1])
        speaker = _np_before(text, np[0], reply.start()) if reply is not None else None
        if reply is not None and speaker is not None and not text[speaker[1] : reply.start()].strip():
            # 'Kim shot back: "..."': a verb of reply with its particle, then the colon
            return _direct(anchor.pieces, (b, reply.start("verb"), reply.end("verb")), (b, *speaker))
        return _direct(anchor.pieces, (b, colon, colon + 1), (b, *np))
    return None


def _common_noun_label(mention: str) -> bool:
    """Whether a phrase of several words before a colon names no one: a determiner, no capital
    after it and no noun of a person, a group or an organisation (``The menu``, ``Our verdict``),
    where ``The president``, ``The two officials`` or ``The Kremlin`` may speak."""
    words = mention.split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS or any(_is_cap(w) for w in words[1:]):
        return False  # (a capital opening the phrase may be a name: 'Kasich resisted: "..."')
    nouns = (w.strip(",.()").lower() for w in words)
    return not any(
        w in TITLE_NOUNS or w in GROUP_NOUNS or w in ORG_WORDS or w in PRONOUNS or w.removesuffix("s") in TITLE_NOUNS
        for w in nouns
    )


def said_lead_before(finder: Finder, anchor: Before) -> Candidate | Veto | None:
    """``Said Ellis: "..."``, ``Said Ann Lee, who grew up there, "..."``: an inverted verb
    opening the sentence."""
    b, lo, open_at = anchor.block, anchor.lo, anchor.open_at
    text = finder.texts[b]
    said = _INVERTED_LEAD.match(text, lo, open_at)
    if said is None:
        return None
    np = _np_after(text, said.end(), open_at)
    if np is not None and text[np[1] : open_at].strip() in (":", ","):
        return _direct(anchor.pieces, (b, said.start(1), said.end(1)), (b, *np))
    return None


_AS_PUT_IT = re.compile(r"(?:^|(?<=[\s,;:(—–-]))[Aa]s\s+")
_PUT_IT = re.compile(r"\s+(?:(?:has|had|once|later|so|memorably)\s+)?(?P<cue>puts?)\s+it\b")


def _as_put_it(text: str, lo: int, hi: int) -> tuple[int, int, int, int] | None:
    """``As the senator put it`` closing ``text[lo:hi]``, with a short phrase of place or time
    at most after ``it`` (``as Lee put it in a speech``): the speaker's and the cue's bounds."""
    for m in reversed(list(_AS_PUT_IT.finditer(text, lo, hi))):
        put = _PUT_IT.search(text, m.end(), hi)
        if put is None or not _SHORT_TAIL.fullmatch(text, put.end(), hi):
            continue
        np = _np_after(text, m.end(), put.start())
        # (an apposition ends with a comma: 'As John Cornyn, the No. 2 in the leadership, put it')
        if np is None or text[np[1] : put.start()].strip(" ,"):
            return None
        return np[0], np[1], put.start("cue"), put.end()
    return None


def put_it_before(finder: Finder, anchor: Before) -> Candidate | Veto | None:
    """``As the senator put it, "..."``, ``As Lee puts it: "..."``: ``as``, a speaker and ``put
    it`` right before the quote, after a comma or a colon."""
    b, lo, open_at = anchor.block, anchor.lo, anchor.open_at
    text = finder.texts[b]
    stripped = text[lo:open_at].rstrip()
    if not stripped.endswith((",", ":")):
        return None
    found = _as_put_it(text, lo, lo + len(stripped) - 1)
    if found is None:
        return None
    if not finder.ends_sentence(b, open_at):
        # 'As the mayor put it in the budget, "Parks for All" will get ...': a name the
        # sentence goes on after, not the words put
        return Veto("title")
    return _direct(anchor.pieces, (b, found[2], found[3]), (b, found[0], found[1]))


_WORDS_NOUN = re.compile(
    r"(?P<who>[^\s’']+)[’']s\s+(?:[a-z-]+\s+){0,2}?(?P<cue>response|reply|answer|retort|message|words|statement|"
    r"dictum|motto|slogan|refrain|mantra|catchphrase|catch\s+phrase|advice|verdict|warning|question|promise|pledge"
    r"|claim|argument|point|complaint|view|position)"
    r"(?:\s+(?:to|for|in|on|at|during|after)\b[^\"“”:;.!?]{0,60}?)?\s+(?:was|is|had\s+been|has\s+been)\s*[:,]?\s*$"
)


_SPEAKER_HEADS = TITLE_NOUNS | ORG_WORDS | GROUP_NOUNS
"""Heads in lower case of a possessor who speaks (``the senator's``, ``the campaign's``)."""


def words_noun_before(finder: Finder, anchor: Before) -> Candidate | Veto | None:
    """``Clinton's response was: "..."``, ``Lee's campaign slogan is "..."``, ``Barrett's
    dictum to his interns was, "..."``: a noun of someone's words, their possessor the speaker,
    then a copula right before the quote. With ``that`` after the copula, the clause it opens
    is the words, a mixed quote to the quote's closing mark: ``Lee's answer was that "the
    schools come first"``, ``Kim's claim is that the board "never read the report."``."""
    b, lo, open_at = anchor.block, anchor.lo, anchor.open_at
    text = finder.texts[b]
    tail = text[lo:open_at].rstrip()
    # ('... was that "', '... is that the board "': cheap tests before the pattern's search)
    that = _COPULA_THAT.search(tail, max(0, len(tail) - 100)) if " that" in tail[-90:] else None
    if that is not None:
        m = _WORDS_NOUN.search(text, lo, lo + that.end("copula"))
    elif not (tail[:-1].rstrip() if tail.endswith((":", ",")) else tail).endswith(("was", "is", "been")):
        return None  # no copula right before the quote: the pattern's search would try every place
    else:
        m = _WORDS_NOUN.search(text, lo, open_at)
    if m is None:
        return None
    who = m.group("who")
    if who[:1].islower() and who.lower() not in _SPEAKER_HEADS:
        return None  # a thing's words: 'The film's message is "..."', 'the book's motto'
    np = _np_before(text, lo, m.end("who"))
    if np is None or np[1] != m.end("who") or not _is_cap(text[np[0] : np[1]]):
        return None
    cue = (b, m.start("cue"), m.end("cue"))
    if that is None:
        return _direct(anchor.pieces, cue, (b, *np))
    last = anchor.pieces[-1]
    close = _CLOSING_MARK.search(text, last[2], last[2] + 3) if last[0] == b else None
    if len(anchor.pieces) != 1 or close is None or not _speechy_quote(text, open_at, close.end()):
        return None
    # the clause runs to the sentence's end: the speaker's words go on unquoted ('... is "a
    # smear campaign" meant to "ruin" her', '... the family," so the state should help')
    sentence = finder.sentence_of(b, close.start())
    end = max(sentence[1], close.end()) if sentence is not None else close.end()
    piece = finder.content(b, text, lo + that.start("words"), end, least=2)
    if piece is None:
        return None
    return Candidate("mixed", [piece], cue, (b, *np))


_COPULA_THAT = re.compile(r"\s(?P<copula>was|is|had\s+been|has\s+been)\s+that(?:\s+|$)(?P<words>[^\"“”.;:!?]{0,80}?)$")
"""A copula, ``that`` and the start of its clause before a quote's opening mark: ``answer was
that the board``."""
_CLOSING_MARK = re.compile(r"[\"”]")
"""A quote's closing mark, just after its words (or after the comma or stop that ends them)."""


_CLAUSE_CONNECTIVE = re.compile(r"\s*(?:(?:and|but|while|so|to which|whereupon)\s+)?")


def clause_colon_before(finder: Finder, anchor: Before) -> Candidate | Veto | None:
    """``Lee said the bridge would cost more, and Kim fired back: "..."``, ``..., to which Reyes
    interjected: "..."``: the sentence's last clause, after its last comma or semicolon (and a
    connective: ``and``, ``but``, ``while``, ``to which``), is a subject that can speak, its verb
    and at most three words, then a colon and quoted words opening a sentence, where a speech verb
    earlier in the sentence is the first clause's (its words end where the last clause begins;
    ``said_before`` would take that verb and find words between it and the quote)."""
    b, lo, open_at = anchor.block, anchor.lo, anchor.open_at
    text = finder.texts[b]
    stripped = text[lo:open_at].rstrip()
    if not stripped.endswith(":"):
        return None
    colon = lo + len(stripped) - 1
    comma = max(text.rfind(",", lo, colon), text.rfind(";", lo, colon))
    if comma < 0 or not any(c.group() in SPEECH_VERBS for c in finder.cues_in(b, lo, comma)):
        return None  # (no speech verb before the clause: 'Later that night, the coach summed up ...:' is verb_before's)
    qb, qtext, mark = _opening_mark(finder, anchor)
    after = qtext[mark + 1 : mark + 3].lstrip("'‘")
    if not after[:1].isupper() or not _speechy_quote(qtext, mark, finder.unit_end(qb, mark)):
        return None
    start = _CLAUSE_CONNECTIVE.match(text, comma + 1, colon).end()  # type: ignore[union-attr]
    found = finder.subject_verb(text, start, colon)
    if found is None or found[0][0] != start:
        return None
    np, verb = found
    gap = text[verb.end() : colon]
    if len(gap.split()) > 3 or _stops(gap) or any(c in gap for c in '"“”'):
        return None
    return _direct(anchor.pieces, (b, verb.start("cue"), verb.end("cue")), (b, *np))


def said_before(finder: Finder, anchor: Before) -> Candidate | Veto | None:
    """``X said: "..."``, ``X told Reuters, "..."``, ``explained moderator Nancy Cordes: "..."``,
    ``... and said, "..."``, ``..., saying, "..."``: the last speech verb before the quote, with
    its speaker before it (a name, a relative clause's antecedent, the sentence's subject) or
    after it, and only a comma, a colon or a dash between it and the quote."""
    b, lo, open_at = anchor.block, anchor.lo, anchor.open_at
    text = finder.texts[b]
    # (the words after a quote closing the sentence before start after the space: 'taxes."
    # And then Lee went on the attack, saying, "..."' reads its connective and subject)
    lo += len(text[lo:open_at]) - len(text[lo:open_at].lstrip())
    verbs = [m for m in finder.cues_in(b, max(lo, open_at - 400), open_at) if m.group() in SPEECH_VERBS]
    if not verbs:
        return None
    found = verbs[-1]
    tok = _Tok(found.group(), found.start(), found.end())
    lemma = SPEECH_VERBS[tok.group()]
    if (
        lemma in _ASPECT_LEMMAS
        and _infinitive_right_after(text, tok.end(), open_at)
        # (a colon or a comma opens the words: 'continued to reporters: "..."')
        and not text[tok.end() : open_at].rstrip().endswith((":", ","))
    ):
        # 'Cruz said Rubio will continue to be "a champion"': what Rubio goes on doing, not
        # what he says (the reported speech around it is Cruz's)
        return Veto("verb_phrase_after")
    end_at = _skip_tail(text, tok.end(), open_at, lemma)
    rest = text[end_at:open_at].strip()
    if rest[:1].isalpha() and (not text[lo : tok.start()].strip() or text[lo : tok.start()].rstrip().endswith(",")):
        # inverted: 'In other words, explained moderator Nancy Cordes: "..."'
        inverted = _np_after(text, end_at, open_at)
        if inverted is not None and text[inverted[1] : open_at].strip() in (":", ","):
            return _direct(anchor.pieces, (b, tok.start(), tok.end()), (b, *inverted))
    # ('said, when the story broke, "..."': an aside set off by commas before the quote)
    aside = _ASIDE_BEFORE_QUOTE.fullmatch(rest) is not None
    manner = _MANNER.fullmatch(rest)
    if manner is not None and manner.group(1) not in _NOT_MANNER:
        rest = rest[manner.end(1) :].strip()  # ('Lee replied angrily: "..."': how it was said)
    if (
        rest == "of"
        and _NOUN_BEFORE_OF.search(text, max(lo, tok.start() - 40), tok.start()) is not None
        and _saying_after_of(finder, anchor.pieces)
    ):
        # 'The crowd joined in a loud chant of "..."', 'Lee's fans responded with chants of
        # "..."': a noun of saying and its words, spoken by the sentence's subject
        found_sv = finder.subject_verb(text, _subject_start(text, lo, tok.start()), tok.start())
        if found_sv is None or found_sv[1].group("verb") in _RECEIVING:
            return Veto("no_speaker")
        return _direct(anchor.pieces, (b, tok.start(), tok.end()), (b, *found_sv[0]))
    if (
        rest not in ("", ",", ":", "—", "–", "-", "―")
        and not _THIS_COLON.fullmatch(rest)
        and not _TOPIC_COLON.fullmatch(rest)
        and not aside
    ):
        if rest.endswith(":") and not rest.startswith("that ") and anchor.pieces[0][0] == b:
            # 'Lee also suggested action against the board: "..."': the verb's object, then a
            # colon opening the quote in the same paragraph; verb_before reads it as any verb's
            # (a sentence of its own, a subject that can speak, a short gap). Not reported
            # words ('said that given the field:' then a paragraph of quote: they go on)
            return None
        return Veto("words_between_cue_and_quote")  # (but 'tweeted this: "..."', 'wrote the following: "..."')
    if not rest and not finder.ends_sentence(b, open_at):
        return Veto("title")  # 'tells MSNBC's "Morning Joe" on Friday that ...': a title, not a quote
    if (not rest or aside) and not _speechy_quote(text, open_at, finder.unit_end(b, open_at)):
        return Veto("title")  # 'told MSNBC's "Morning Joe."': a title in Title Case
    if anchor.pieces and anchor.pieces[0][0] == b and _work_title(text, open_at, *anchor.pieces[0][1:3]):
        return Veto("title")  # 'Lee wrote in his 2012 book, "A Long Way Home."': the book's title
    np = _np_before(text, lo, _before_quoted_as(text, lo, tok.start()))
    if np is None and not text[lo : tok.start()].strip():
        # 'Ann Lee, host of the show "Harbor Talk," told listeners, "..."': the verb right
        # after a title closing the subject's apposition, the subject before it
        sentence = finder.sentence_of(b, tok.start())
        if sentence is not None and sentence[0] < lo:
            past = _subject_past_title(text, _subject_start(text, sentence[0], lo), tok.start() + 1)
            if past is not None and not text[past[1] : tok.start()].strip() and _can_speak(text[slice(*past[0])]):
                np = past[0]
    if np is None:
        # ('Lee — the mayor's rival — said, "..."': an aside between dashes after the subject,
        # part of its mention as an apposition set off by commas is)
        past = _subject_past_dashes(text, _subject_start(text, lo, tok.start()), tok.start())
        if past is not None and not text[past[1] : tok.start()].strip():
            np = past[0]
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
        np = first = None
        for start in starts:
            before_and = _np_after(text, start, tok.start())
            if before_and is not None and before_and[1] <= shared.start():
                np = _before_past(text, *_trim_subject(text, *before_and))
                if _FINITE_AFTER.match(text, np[1]) or _STRONG_PAST_AFTER.match(text, np[1]):
                    break  # a subject with its verb, 'he looked ... and said'
                first = first or (np if start == starts[0] else None)
                np = None
        # (else the sentence's first words: not 'Outside' of 'Outside the arena, about 200
        # protesters held signs and chanted "..."', where a subject with its verb follows)
        np = np or first
    lead_in = text[lo : tok.start()].rstrip()
    if np is None and tok.group().endswith("ing") and (lead_in.endswith(",") or _BY_GERUND.search(lead_in)):
        # (also 'Lee closed the debate by saying, "..."')
        # 'Trump attacked Clinton, saying, "..."': the sentence's subject said it
        subject = _subject_start(text, lo, tok.start())
        np = _np_after(text, subject, tok.start())
        if np is not None and np[1] > tok.start():
            np = None
        if np is None:
            np = _subject_after_intro(text, lo, tok.start())  # 'Here in Columbia, Sanders ..., saying, "..."'
    elif np is None and tok.group().endswith("ing") and _AFTER_QUOTED_COMMA.search(text, 0, tok.start()):
        # 'Kerpen needled the "reporter," saying, "..."': the sentence before the quoted
        # words holds the subject
        sentence = finder.sentence_of(b, tok.start())
        subject_np = _sentence_subject(text, sentence[0], tok.start()) if sentence is not None else None
        np = subject_np if subject_np is not None and subject_np[1] < tok.start() else None
    if np is None and (shared is not None or tok.group().endswith("ing")):
        # 'Lee posted a photo called "Dawn" on her blog, writing "..."', '... addressing her as
        # "Ann" and telling her, "..."': the words read start after an earlier quote of the same
        # sentence, whose subject, before that quote, is the one who goes on speaking
        sentence = finder.sentence_of(b, tok.start())
        # (not past a clause of its own: 'Lee filmed "Recess," in which pupils race to the
        # gate, shouting "..."': the pupils shout, not the sentence's subject)
        # (nor past a finite verb right after that quote: 'The video, called "Home," shows
        # children singing "..."': the earlier quote stood in the subject, and the participle
        # has its own subject, the verb's object)
        gap = _OPENING_GAP.match(text, lo)
        opening_verb = _FRAGMENT_VERB.match(text, gap.end() - 1, tok.start()) if gap is not None else None
        if opening_verb is not None and _finite(opening_verb.group("verb"), opening_verb.group("aux")):
            sentence = None
        if sentence is not None and sentence[0] < lo and _CLAUSE_WORD.search(text, lo, tok.start()) is None:
            subject_np = _sentence_subject(text, sentence[0], lo)
            np = subject_np if subject_np is not None and subject_np[1] < lo else None
    if np is None:
        caused = _CAUSED_TO.search(text, max(lo, tok.start() - 160), tok.start())
        if caused is not None:
            # 'The vote led Lee to declare, "..."': the one made to speak, the causing verb's object
            found_np = _np_after(text, caused.start(1), caused.end(1))
            np = found_np if found_np is not None and found_np[0] == caused.start(1) else None
    noun = _NOUN_USE.search(text, max(lo, tok.start() - 40), tok.start())
    if noun is not None and (tok.group().endswith("ing") or tok.group() == lemma):
        # 'The senator fired off a snappy retort: "..."': the speech word is a noun, the object
        # of the sentence's own verb right before it (a listener at most between: 'Lee sent
        # the mayor a warning'), whose subject speaks (not 'The senator fired off a'); not a
        # verb of receiving ('Reporters got only a short answer')
        found_sv = finder.subject_verb(text, _subject_start(text, lo, noun.start()), noun.start() + 1)
        if (
            found_sv is not None
            and found_sv[1].end() <= noun.start() + 1
            and _NEXT_TO_OBJECT.fullmatch(text, found_sv[1].end(), noun.start() + 1) is not None
        ):
            if found_sv[1].group("verb") in _RECEIVING:
                return Veto("no_speaker")  # the receiver did not say it, nor did 'a short'
            return _direct(anchor.pieces, (b, found_sv[1].start("cue"), found_sv[1].end("cue")), (b, *found_sv[0]))
    if np is None:
        np = _np_after(text, tok.end(), open_at)
        if np is None:
            return Veto("no_speaker")
    return _direct(anchor.pieces, (b, tok.start(), tok.end()), (b, *np))


_NOUN_USE = re.compile(
    r"\s(?:"
    + "|".join(sorted(DETERMINERS))
    + r")\s+(?:(?!(?:"
    + "|".join(sorted(_PREPOSITIONS - DETERMINERS))
    + r")\s)[a-z]+\s+)?$"
)
"""A determiner, and at most one word in lower case, right before a speech word used as a
noun: `` a stern`` (``warning``), `` his`` (``reply``); not a preposition, before a gerund
(``followed this by`` ``saying``)."""


_NOUN_BEFORE_OF = re.compile(r"\b(?:a|an|the|with|in|into)\s+(?:[a-z]+\s+)?$")
"""An article or a preposition (and an adjective at most) before a speech word followed by
``of`` and the quote: the word is a noun (``a loud chant of``, ``with chants of``)."""
_MARK_THEN_WORD = re.compile(r"[\"”’'\s]*([a-z]+)\b")
"""The closing mark(s) and the word in lower case after them."""


def _saying_after_of(finder: Finder, pieces: tuple[Piece, ...]) -> bool:
    """Whether the quoted words after a noun of saying and ``of`` are a saying of their own
    (``a chant of "open the pier"``): two words or more, or a cry ending with ``!`` or ``?`` or
    written in capitals (not ``a speech of "epic" length``), and no noun in lower case right after the closing
    mark, which they would qualify (not ``a warning of "very severe" storms``)."""
    words = " ".join(finder.texts[b][start:end] for b, start, end in pieces).split()
    if not words or (len(words) < 2 and not words[0].endswith(("!", "?")) and not words[0].strip(".,").isupper()):
        return False  # (a cry in one word ends with '!' or '?' or is written in capitals: 'chants of "MVP"')
    b, _, end = pieces[-1]
    after = _MARK_THEN_WORD.match(finder.texts[b], end)
    if after is None:
        return True
    word = after.group(1)
    # (a preposition, a clause's opener or a verb in the past may follow: '... at the gate',
    # '... that lasted an hour', '... rang out')
    past = word.endswith("ed") or word in _STRONG_PAST
    return word in _PREPOSITIONS or _CLAUSE_WORD.fullmatch(word) is not None or past


_NEXT_TO_OBJECT = re.compile(r"\s+(?:(?![a-z]+ing\b)[\w’'-]+\s+){0,3}")
"""Between a verb and the speech noun its object: nothing, a particle (``fired off``) or a
listener (``sent the mayor``), three words at most, with no comma and no participle (not
``attacked Clinton at the rally, adding``)."""
_RECEIVING = word_list("receiving_verbs") | word_list("ignoring_verbs")
"""Verbs of receiving or ignoring: the subject did not say the noun's words (``got an answer``)."""
_OPENING_GAP = re.compile(r"[\s,]*")
"""The comma and spaces after an earlier quote, before the sentence's words go on."""
_CLAUSE_WORD = re.compile(r"\b(?:which|who|whom|whose|that|where|when|while|because|if|as)\b")
"""A word opening a clause of its own between an earlier quote and a speech verb."""
_CAUSED_TO = re.compile(
    r"\b(?:prompted|prompting|prompts|led|leading|leads|forced|forcing|caused|causing|inspired|inspiring|spurred"
    r"|spurring|moved|pushed)\s+([^\"“”;:!?]{2,150}?),?\s+to\s+$"
)
"""A causing verb, its object and ``to`` right before a speech verb: ``prompted the board to
state``, ``led Lee to declare``."""
_STRONG_PAST_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(" + "|".join(sorted(_STRONG_PAST, key=len, reverse=True)) + r")\b")
_HEARD = re.compile(r"\s+(?:(?:can|could|may|might)\s+be|is|was|are|were)\s+(?:heard|overheard|seen)\s+$")
_QUOTED_AS = re.compile(r"\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?quoted\s+as\s+$")


def _before_quoted_as(text: str, lo: int, cue_start: int) -> int:
    """Where the speaker ends before ``saying``: before ``is quoted as`` (``Lee is quoted as
    saying``, ``was widely quoted as saying``), and before ``saying`` or ``asking``, before
    ``can be heard`` (``a reporter can be heard asking``, ``Lee was overheard saying``); else
    at the cue."""
    m = _QUOTED_AS.search(text, lo, cue_start)
    if m is not None and text[cue_start : cue_start + 6] == "saying":
        return m.start()
    # ('a reporter can be heard asking', 'Lee was overheard saying'): the one heard
    heard = _HEARD.search(text, max(lo, cue_start - 40), cue_start)
    return heard.start() if heard is not None and text[cue_start:].startswith(("saying", "asking")) else cue_start


_PAST_WORD = re.compile(r"[\w’'-]+")


def _before_past(text: str, start: int, end: int) -> tuple[int, int]:
    """A subject read forwards without the verb in the past it ran into: ``the senator`` of
    ``the senator stood up`` (``... and said``), ``the crowd`` of ``the crowd rose``; a word in
    -ed right after a determiner is an adjective (``the retired general``)."""
    words = list(_PAST_WORD.finditer(text, start, end))
    for prev, word in pairwise(words):
        w = word.group()
        if w in _STRONG_PAST or (w.endswith("ed") and w.islower() and prev.group().lower() not in DETERMINERS):
            return start, prev.end()
    return start, end


_ASPECT_LEMMAS = word_list("aspect_speech_lemmas")
_ASIDE_BEFORE_QUOTE = re.compile(
    r",?\s*(?:when|as|while|after|before|once|again|and\s+I\s+quote|[a-z]+ing)\b[^\"“”:;.!?]{0,100},"
)
"""An aside set off by commas between a speech verb and the quote: a clause of time, a
participle's phrase (``said, when the story broke, "..."``, ``joked, again using a drawl,
"..."``, ``said, and I quote, "..."``)."""
_MANNER = re.compile(r",?\s*([a-z]{3,}ly)\s*[,:—–-]?")
"""An adverb of manner between a speech verb and the quote: ``replied angrily: "..."``."""
_NOT_MANNER = frozenset({"only", "early", "family", "rally", "reply", "supply", "daily", "weekly", "monthly",
                         "likely", "holy", "ally", "belly", "jelly", "bully", "folly"})  # fmt: skip
_TOPIC_COLON = re.compile(r"(?:of|about|on|regarding|in response to)\s+[^\"“”:;!?]{1,150}:")
"""What was said about, then a colon: ``said of the new bridge: "..."``."""
_TO_WORD_AFTER = re.compile(r"\s+to\s+([a-z]+)\b")
"""``to`` and the word after it, right after a verb: `` to be``, `` to reporters``."""


def _infinitive_right_after(text: str, end: int, hi: int) -> bool:
    """Whether ``to`` and a verb follow the word ending at ``end`` (``continue to be``), not a
    listener (``said to reporters``: a determiner or a pronoun after ``to`` is no verb)."""
    m = _TO_WORD_AFTER.match(text, end, hi)
    return m is not None and m.group(1) not in DETERMINERS and m.group(1) not in PRONOUNS


def _opening_mark(finder: Finder, anchor: Before) -> tuple[int, str, int]:
    """The block, text and position of the quote's opening mark: ``anchor.open_at`` in the
    anchor's block, or, when the attribution is the previous paragraph ending with a colon
    (``The mayor released the following statement:``), the mark opening the quote's own."""
    if anchor.pieces and anchor.pieces[0][0] != anchor.block:
        qb, start = anchor.pieces[0][0], anchor.pieces[0][1]
        qtext = finder.texts[qb]
        mark = len(qtext[:start].rstrip()) - 1
        if mark >= 0:
            return qb, qtext, mark
    return anchor.block, finder.texts[anchor.block], anchor.open_at


def verb_before(finder: Finder, anchor: Before) -> Candidate | Veto | None:
    """``She addressed the crowd again: "..."``, ``Trump barked "Go back ..."``: quoted words
    opening with a capital, someone's words rather than a title, after any verb of a subject
    that can speak, and a colon, comma or dash or right after the verb. (Tried when no speech
    verb stands before the quote; on failure ``according_before`` is still tried.)"""
    b, lo, open_at = anchor.block, anchor.lo, anchor.open_at
    text = finder.texts[b]
    qb, qtext, mark = _opening_mark(finder, anchor)
    after = qtext[mark + 1 : mark + 3].lstrip("'‘")
    if not after[:1].isupper():
        return None  # the quote does not open a sentence of its own
    if not _speechy_quote(qtext, mark, finder.unit_end(qb, mark)):
        return None  # a title: 'Lee watched "Breaking Bad" twice', 'released "Windows 11"'

    if anchor.pieces and anchor.pieces[0][0] == qb and _work_title(qtext, mark, *anchor.pieces[0][1:3]):
        return None  # 'Lee reissued her memoir, "Lost Years: The Story of Ann Lee,"': its title
    # (words after an earlier quote or sentence start after their space: '..., "a nobody," but
    # he gave the mayor a compliment: "..."')
    lo += len(text[lo:open_at]) - len(text[lo:open_at].lstrip())
    stripped = text[lo:open_at].rstrip()
    # ('The board was blunt in its findings: "..."': a copula before a colon too)
    found = finder.subject_verb(text, _subject_start(text, lo, open_at), open_at, copula=stripped.endswith(":"))
    if found is None:
        # after an introduction the grammar does not know: 'But back home, he returned to ...: "..."'
        intro = _subject_after_intro(text, lo, open_at)
        if intro is not None:
            found = finder.subject_verb(text, intro[0], open_at, copula=stripped.endswith(":"))
    if found is None:
        found = _pronoun_verb(text, _subject_start(text, lo, open_at), open_at)
    if found is None:
        found = _aside_verb(text, _subject_start(text, lo, open_at), open_at)
    if found is None:
        return None
    np, verb = found
    closed = stripped.endswith((":", ",", "—", "–", "--"))  # 'embraced torture -- "I think ..."'
    gap = text[verb.end() : lo + len(stripped.rstrip(":,—–-"))] if closed else text[verb.end() : open_at]
    if (gap.strip() and not closed) or len(gap.split()) > 12 or _stops(gap):
        return None
    return _direct(anchor.pieces, (b, verb.start("cue"), verb.end("cue")), (b, *np))


def _aside_verb(text: str, start: int, limit: int) -> tuple[tuple[int, int], re.Match[str]] | None:
    """A subject that can speak, an aside set off by commas and the subject's finite verb: ``The
    Lee campaign, in a letter to donors, worded it bluntly`` (``_subject_past_aside``)."""
    past = _subject_past_aside(text, start, limit)
    if past is None:
        return None
    verb = _FRAGMENT_VERB.match(text, past[1], limit)
    if verb is None or not _finite(verb.group("verb"), verb.group("aux")):
        return None
    return past[0], verb


_PRONOUN_AT_CLAUSE = re.compile(
    "(?:"
    + "|".join(
        "I" if p == "i" else f"[{p[0].upper()}{p[0]}]{p[1:]}" for p, kind in PRONOUNS.items() if kind != "organisation"
    )
    + r")(?=\s)"
)
"""A pronoun naming a person or a group (not ``it``), in either case (``I`` in capitals),
opening a clause: ``he``, ``They``."""


def _pronoun_verb(text: str, start: int, limit: int) -> tuple[tuple[int, int], re.Match[str]] | None:
    """A personal pronoun opening the clause at ``start`` and its finite verb: ``he gave the
    mayor a compliment``, where the mention grammar, finding no verb it knows after the
    pronoun (an irregular past), reads the words after it as the mention's."""
    m = _PRONOUN_AT_CLAUSE.match(text, start, limit)
    if m is None:
        return None
    verb = _FRAGMENT_VERB.match(text, m.end(), limit)
    if verb is None or not _finite(verb.group("verb"), verb.group("aux")):
        return None
    return (m.start(), m.end()), verb


def according_before(finder: Finder, anchor: Before) -> Candidate | Veto | None:
    """``According to the statement: "..."``: ``according to`` a name right before the quote."""
    b, lo, open_at = anchor.block, anchor.lo, anchor.open_at
    text = finder.texts[b]
    according = _ACCORDING_BEFORE.search(text, lo, open_at)
    if according is None:
        return None
    np = _np_after(text, according.end(1), open_at)
    if np is not None and not text[np[1] : open_at].strip(" ,:"):
        return _direct(anchor.pieces, (b, according.start(), according.start() + len("according to")), (b, *np))
    return None


AFTER_RULES = [
    Rule.of("dash_after", "after", dash_after),
    Rule.of("according_after", "after", according_after),
    Rule.of("said_after", "after", said_after),
    Rule.of("put_it_after", "after", put_it_after),
    Rule.of("verb_after", "after", verb_after),
    Rule.of("dash_next_paragraph", "after", dash_next_paragraph),
]
"""The ``after`` rules, in order."""

BEFORE_RULES = [
    Rule.of("colon_before", "before", colon_before),
    Rule.of("said_lead_before", "before", said_lead_before),
    Rule.of("put_it_before", "before", put_it_before),
    Rule.of("words_noun_before", "before", words_noun_before),
    Rule.of("clause_colon_before", "before", clause_colon_before),
    Rule.of("said_before", "before", said_before),
    Rule.of("verb_before", "before", verb_before),
    Rule.of("according_before", "before", according_before),
]
"""The ``before`` rules, in order."""


_DETERMINED = re.compile(r"(?:the|a|an|his|her|their|our|my|its|one)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*")
"""A short noun phrase in lower case after a determiner: ``the skipper``, ``an old fisherman``."""


def _noun_verb_closes(
    finder: Finder, anchor: After, b: int, found: tuple[tuple[int, int], re.Match[str]], hi: int
) -> bool:
    """Whether a quote opening its sentence is attributed by a short determined noun phrase and
    a verb in the past alone closing the sentence: ``"We are ready," the skipper barked.`` --
    the shape of an attribution whatever the noun (the noun need not be a known speaker)."""
    text = finder.texts[b]
    np, verb = found
    word = verb.group("verb")
    if verb.group("aux").strip() or not (word.endswith("ed") or word in _STRONG_PAST):
        return False
    if _DETERMINED.fullmatch(text, np[0], np[1]) is None:
        return False
    if text[verb.end() : hi].strip() not in (".", "!"):
        return False
    return not text[finder.sentence_start(b, anchor.segment.open) : anchor.segment.open].strip()
