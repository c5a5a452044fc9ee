"""The speaker-mention grammar: the noun phrase before a speech verb (``Russian President Vladimir
Putin said``, ``Andriy Yermak, head of ..., said``) or after it (``said Putin``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from attrs import frozen

from articlekit.enrich.lexicon import (
    ADVERBS,
    CHARACTERISING_VERBS,
    CLAUSE_ADVERBS,
    DETERMINERS,
    GROUP_NOUNS,
    HONORIFICS,
    MONTHS,
    ORG_WORDS,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_NOUNS,
    WEEKDAYS,
)
from articlekit.enrich.quotes.marks import _speechy_words
from articlekit.enrich.quotes.tokens import _ABBREVIATIONS, _TOKEN, _is_cap, _low, _stop_in, _Token, _tokens
from articlekit.enrich.quotes.words import alternation, word_list

_PARTY = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}")
_SUBJECT_PRONOUNS = ("he", "she", "they", "it", "we", "He", "She", "They", "It", "We", "I")
_PRONOUN_BEFORE = re.compile(
    # a subject pronoun at the text's start or after white space, a comma, a parenthesis or a
    # quote mark: each alternative opens with its pronoun's first letter (so that a search skips
    # to those letters) and then looks behind it
    "(" + "|".join(p[0] + r"(?<![^\s,(“\"].)" + p[1:] for p in _SUBJECT_PRONOUNS) + r")\s+"
    r"(?:(?:also|later|then|again|has|have|had|will|would|once|first|still|just|already|previously|[a-z]+ly)\s+)*$"
)

_NEGATORS = word_list("negators")
_LY_NOUNS = word_list("ly_nouns")


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word.lower() in _NUMBERS


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` stands inside a sentence, where a capital marks a name: after
    a word, a comma, or a quote closed by a comma (``"...," May Lee said``), not at a sentence's
    or a quote's start."""
    k = start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0:
        return False
    before = text[k - 1]
    if before.isalnum() or before == ",":
        return True
    return before in "\"”'’" and k >= 2 and text[k - 2] in ",?!—"


def _function_first_name(words: Sequence[str], index: int) -> bool:
    """Whether ``words[index]``, a capitalised function word or month inside a sentence, is a
    first name because a name follows it: ``Will Doyle``, ``May Lee``, ``April Ryan`` (not
    ``May 5``, ``Still, Smith``, ``Now Trump`` at a sentence's start: the caller says where it
    stands)."""
    word = words[index]
    if index + 1 >= len(words) or not word.isalpha() or word.isupper() or not _is_cap(word):
        return False
    following = words[index + 1]
    low = _low(following)
    return (
        following.isalpha()
        and _is_cap(following)
        and not following.isupper()
        and not any(low in group for group in (CLAUSE_ADVERBS, MONTHS, WEEKDAYS, DETERMINERS, _CONNECTORS))
        and not _is_title_word(following)
    )


def _valid_np_start(words: Sequence[str], index: int, *, mid: bool = False, will_name: bool = False) -> bool:
    """Whether a speaker mention may begin at ``words[index]`` (``mid``: whether that word
    stands inside its sentence, where a capitalised function word may be a first name;
    ``will_name``: whether a past-tense speech verb follows the mention, so that a capitalised
    ``Will`` opening a sentence is a name: ``Will wrote``, not ``Will the plan work``)."""
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
        if (low in CLAUSE_ADVERBS or low in MONTHS) and mid and _function_first_name(words, index):
            return True  # "said Will Doyle", '"...," May Lee said'
        if low == "will" and (mid or will_name):
            return True  # "Columnist George Will said", '"...," Will wrote', "Will wrote ..."
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
    if _role_run_before_name(rest):
        return True  # "port director Ann Lee", "harbor board chairman Ann Lee"
    if (low[:1].isdigit() or low in _NUMBERS) and len(rest) <= 6:
        return True  # "72 percent of Democrats", "three-quarters", "One in four voters"
    if len(rest) > 1 and low.endswith("s") and not low.endswith("ss") and _low(rest[1]) in ("of", "for", "at"):
        return True  # "attorneys for the family", "leaders of both parties"
    if len(rest) == 1 and low in TITLE_NOUNS and will_name:
        return True  # a headline's bare role before "says" or a past of speech: "..., official says, ..."
    # a bare lower-case noun phrase: "officials", "senior officials", "critics"
    last = _low(rest[-1])
    return len(rest) <= 3 and (last in GROUP_NOUNS or (last.endswith("s") and len(rest) <= 2 and last not in ADVERBS))


def _role_run_before_name(words: Sequence[str]) -> bool:
    """Whether ``words`` are two or three words in lower case ending with a role (``port
    director``, ``harbor board chairman``), then only capitalised words, a name: the mention's
    start read backwards, as ``_role_run_then_name`` reads it forwards."""
    run = 0
    while run < len(words) and words[run][:1].islower():
        run += 1
    if not 2 <= run <= 3 or run == len(words) or not all(_is_cap(w) for w in words[run:]):
        return False
    if _low(words[run - 1]) not in TITLE_NOUNS:
        return False
    # (nor an irregular past, a verb the grammar does not know: 'dockworkers met port director
    # Ann Lee', 'Thousands saw union president ...': the verb's object is the mention)
    groups = (DETERMINERS, _CONNECTORS, ADVERBS, CLAUSE_ADVERBS, PRONOUNS, SPEECH_VERBS, _PAST_BEFORE_AND)
    return all(w.isalpha() and not any(w in group for group in groups) for w in words[: run - 1])


_MODIFIERS = word_list("name_modifiers")
"""Lower-case words that may stand before a capitalised name in a mention (``former President
Bill Clinton``, ``billionaire Tom Steyer``)."""
_PAST_BEFORE_AND = word_list("strong_past")
"""An irregular past before ``and`` ends a clause of its own (``Sales fell and analysts say``)."""

_NUMBERS = word_list("quantity_words")
_COUNT_NOUNS = word_list("count_nouns")
"""Plural nouns of a round count (``hundreds``, ``dozens``) that open a mention with ``of``."""
_DOCUMENT_NOUNS = word_list("document_nouns")
"""Written things that speak (``The report said``): a speech verb's form among them is a noun."""

_PARTICIPLES = word_list("irregular_participles")
"""Irregular verb forms that end a mention read forwards (``a poll taken last week``)."""

_INTRO_WORDS = word_list("intro_words")
"""First words of an introductory phrase (``At the heart of the trouble,``)."""

_CONNECTORS = word_list("name_connectors")
_NAME_OPENERS = frozenset({"the", "al", "bin", "da", "de", "del", "du", "la", "le", "van", "von"})
"""Connectors that may open a mention: ``the``, and the particles of names (``Al Jazeera``,
``De Blasio``, ``Van Hollen``) -- when capitalised (``_valid_np_start`` checks)."""

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
    if found is not None:
        named = _name_before_apposition(text, lo, found, end)
        if named is not None:
            return named, found[1]  # "Ann Lee, president of the board stated": the name too
    if window == lo or (found is not None and found[0] > window + 2) or (found is None and "," not in text[window:end]):
        return found  # not cut short by the window
    # a long apposition may start further back: "Scott Pruitt, the Republican attorney general
    # of Oklahoma, one of the states suing the EPA, said"
    return _np_before_in(text, max(lo, end - 220), end)


_NAME_THEN_COMMA = re.compile(r"\s*(?P<name>(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'.-]*),\s+$")
_ROLE_DESCRIPTION = re.compile(r"(?:a|an|the)\s+(?:[\w’'-]+\s+){1,5}?(?:for|of|at|with)\s")
_VERB_THEN_COMMA = re.compile(r"[\w’'-]+(?:\s+[\w’'-]+){0,3}\s*,(?!\s*[\"“‘']\s*[A-Z])")
"""The verb, at most three words and a comma not opening a quote of its own (``X, a spokesman
said, ...``, ``... told reporters, ...``, ``... said on Monday, ...``, ``... said, "will
appeal"``): an attribution set off inside the report, whose subject the name before it is --
not a speaker's name (but ``X, <role> stated, "We ..."`` opens a direct quote: the name is the
speaker's)."""
_PHRASE_OPENERS = word_list("phrase_openers") | _INTRO_WORDS
_NOT_NAME_WORDS = word_list("not_name_words")
"""Words naming a day, an event or a place, never a word of a person's name (``Christmas Day``,
``Election Night``, ``Operation X``, ``Hurricane X``, ``Wall Street``)."""
_SUBORDINATORS = word_list("subordinators")
_VOCATIVE_WORDS = HONORIFICS | TITLE_NOUNS | {"mister", "madame", "lord", "lady"}
"""Honorifics and titles: a 'name' of these words only is a vocative (``Mr. Speaker``, ``Madam
Chair``, ``Prime Minister``, ``Lord Speaker``), not a speaker's name (``Stephen King``,
``Burger King`` hold a word of their own)."""
_PREPOSITION_OPENERS = _PHRASE_OPENERS - _SUBORDINATORS
"""The openers that are prepositions, whose object a noun phrase after them is (not a
subordinator's subject: 'When an old man with a cane said ...')."""


def _name_before_apposition(text: str, lo: int, found: tuple[int, int], end: int) -> int | None:
    """Where the name starts that opens the sentence (at ``lo``) before a comma and the mention
    ``found``, when the mention is its apposition left open before the verb (at ``end``): a role
    (``Ann Lee, president and CEO of the port board stated``) or a description with a
    preposition (``Kim Park, a former agent for the port board said``); the name is the
    speaker's too. Not a name of one word, nor a subject after other words (``Still, ...``,
    ``Sunday, ...``, ``Unlike Ann Lee, ...``, ``Around Lake Tahoe, ...``), a vocative (``Mr.
    Speaker, ...``), a dateline in capitals (``NEW YORK, ...``) or a name with a word of a day,
    an event or a place and no honorific (``Christmas Day, ...``, ``Wall Street, ...``,
    ``Hurricane Milton, ...``: ``not_name_words.txt``); not a role with a name of its
    own (``Real Madrid, coach Carlo Ancelotti said``); nor before a verb and a comma with no
    quote mark after it: the attribution is set off inside the report then, whose subject the
    name is (``Real Madrid, a spokesman for the club said, plans to appeal``)."""
    m = _NAME_THEN_COMMA.fullmatch(text, lo, found[0])
    if m is None or _VERB_THEN_COMMA.match(text, end) is not None:
        return None
    words = m.group("name").split()
    vocative = all(_low(w) in _VOCATIVE_WORDS or _low(w).rstrip(".") in _VOCATIVE_WORDS for w in words)
    if _low(words[0]) in _PHRASE_OPENERS or vocative or all(w.isupper() for w in words):
        return None
    if any(_low(w) in g for w in words for g in (CLAUSE_ADVERBS, MONTHS, WEEKDAYS, DETERMINERS)):
        return None
    if _low(words[0]).rstrip(".") not in HONORIFICS and any(_low(w) in _NOT_NAME_WORDS for w in words):
        return None  # 'Christmas Day, a spokesman ...', 'Wall Street, an analyst ...': no person
    mention = text[found[0] : found[1]]
    first = _low(mention.split()[0])
    if first in TITLE_NOUNS and mention[:1].islower() and not any(_is_cap(w) for w in mention.split()[1:2]):
        return m.start("name")
    if _ROLE_DESCRIPTION.match(mention) is not None:
        return m.start("name")
    return None


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
        if w[:1].islower() and (low in ADVERBS or (low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS)):
            i -= 1
            continue
        break
    if i < 0:
        return None
    if toks[i].group() == ",":
        if i >= 1 and toks[i - 1].group() == ")":
            named = _np_words_before(text, toks, i - 1)  # "Gov. John Kasich (R-OH), said"
            if named is not None:
                return named
        return _apposition_before(text, toks, i)
    if toks[i].group().endswith(("’s", "'s", "s’", "s'")):
        return None  # "Editor's note", "Trump's claim": a noun, not a verb
    if _low(toks[i].group()) in PRONOUNS:
        return toks[i].start(), toks[i].end()
    return _np_words_before(text, toks, i)


def _np_words_before(text: str, toks: Sequence[_Token], i: int) -> tuple[int, int] | None:
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
        if low in CLAUSE_ADVERBS and not _is_cap(w) and not _head_before_preposition(toks, k, collected):
            break
        if low in SPEECH_VERBS and not _is_cap(w) and not _noun_before_verb(toks, k, i):
            break
        if collected and not _is_cap(w) and low.endswith("ed") and low not in _MODIFIERS:
            break  # "Clinton avoided mention": a verb, not part of a name
        if collected and _low(collected[-1].group()) in ("and", "but") and low in _PAST_BEFORE_AND:
            break  # "Sales fell and analysts say": a clause of its own, then the speaker
        if collected and not _is_cap(w) and low in _PAST_BEFORE_AND and _named_subject_before(toks, k, collected):
            break  # "Kim beat port director Ann Lee, who said": the past's object, not its subject
        collected.append(toks[k])
        k -= 1
    if not collected:
        return None
    collected.reverse()
    words = [t.group() for t in collected]
    if _low(words[-1]) in _CONNECTORS:
        return None
    for s in range(len(words)):
        if _low(words[s]) in _CONNECTORS and _low(words[s]) not in _NAME_OPENERS:
            continue
        if _valid_np_start(
            words,
            s,
            mid=_mid_sentence(text, collected[s].start()),
            will_name=_past_speech_after(text, collected[-1].end())
            or (
                not _is_cap(words[s])
                and s == len(words) - 1
                and _SAYS_AFTER.match(text, collected[-1].end()) is not None
            ),
        ):
            # a lower-case word inside a name needs a determiner or a capital before it
            return collected[s].start(), collected[-1].end()
    return None


_HEAD_PREPOSITIONS = frozenset({"in", "on", "from", "with", "among"})
_HEAD_OPENERS = frozenset({"a", "an", "the", "one", "another"})


def _head_before_preposition(toks: Sequence[_Token], k: int, collected: Sequence[_Token]) -> bool:
    """Whether ``toks[k]``, a preposition before the words read so far, joins them to a noun
    phrase's head before it: ``a man in the crowd shouted``, ``one woman from the village
    said`` (the head opened by an article, one word or two after it; the preposition's object
    opened by a determiner or a capital), so that the mention is the whole phrase, not its
    object (``the crowd``)."""
    if _low(toks[k].group()) not in _HEAD_PREPOSITIONS or not collected or k < 1:
        return False
    after, last = collected[-1].group(), _low(collected[0].group())
    if not (_low(after) in DETERMINERS or _is_cap(after)) or last in DETERMINERS or last in _CONNECTORS:
        return False  # (not "... in the election and a state": the verb is a noun)
    plural = toks[k - 1].group()
    if plural.isalpha() and plural.endswith("s") and not plural.endswith("ss"):
        for width in (1, 2):
            first = k - width
            if first < 0:
                break
            opening = toks[first].group()
            at_start = first == 0 or not toks[first - 1].group()[0].isalnum()
            if (
                at_start
                and _is_cap(opening)
                and opening.isalpha()
                and all(_head_word(w.group()) for w in toks[first + 1 : k])
                and not any(_low(opening) in g for g in (CLAUSE_ADVERBS, MONTHS, WEEKDAYS, DETERMINERS, PRONOUNS))
                and _low(opening) not in _PREPOSITION_OPENERS
            ):
                return True  # "Residents in the area said", "Ferry workers on the pier said"
    for width in (1, 2):
        opener = k - width - 1
        if opener < 0 or k < 2:
            return False
        head = [t.group() for t in toks[opener + 1 : k]]
        if all(_head_word(w) for w in head) and _low(toks[opener].group()) in _HEAD_OPENERS:
            before = toks[opener - 1].group() if opener > 0 else ""
            # (not after a preposition opening the sentence: 'In a statement on Monday the
            # company said' -- the phrase is the preposition's object, not the subject)
            if opener == 0 or not before[0].isalnum():
                return True
            if _low(before) in _PREPOSITION_OR_SUBORDINATOR and _object_runs_to_verb(collected):
                return True  # 'After a man in a suit said ...': a subordinator's subject
            return _is_cap(before) and _low(before) not in _PREPOSITION_OPENERS
    return False


_PREPOSITION_OR_SUBORDINATOR = frozenset({"after", "before"})
"""Openers both a preposition (``After a meeting with the board the mayor said``) and a
subordinator (``After a man in a suit said ...``): the verb tells them apart."""


def _object_runs_to_verb(collected: Sequence[_Token]) -> bool:
    """Whether the words read so far (``collected``, backwards from the verb) are one plain noun
    phrase, an article and lower-case words (``a suit``): the verb follows the preposition's
    object, so the phrase before it is the verb's subject (``After a man in a suit said``), not
    a phrase opening the sentence before another subject (``... with the board the mayor
    said``, ``... with the President Lee said``)."""
    words = [t.group() for t in reversed(collected)]
    return len(words) >= 2 and _low(words[0]) in _HEAD_OPENERS and all(_head_word(w) for w in words[1:])


def _head_word(word: str) -> bool:
    """Whether ``word`` may be a lower-case noun or adjective of a noun phrase's head."""
    low = word.lower()
    groups = (ADVERBS, CLAUSE_ADVERBS, DETERMINERS, PRONOUNS, SPEECH_VERBS, _CONNECTORS, _PAST_BEFORE_AND)
    return word.isalpha() and word.islower() and not low.endswith(("ed", "ly")) and not any(low in g for g in groups)


def _named_subject_before(toks: Sequence[_Token], k: int, collected: Sequence[_Token]) -> bool:
    """Whether a capitalised word stands right before ``toks[k]``, an irregular past read
    backwards inside a mention, and a role and a name after it (``collected``, read backwards):
    a named subject and its verb (``Kim beat``, ``Crowds saw``), whose object the role and the
    name are (``port director Ann Lee``, ``union president Kim Park``)."""
    if k < 1:
        return False
    word = toks[k - 1].group()
    if not (word.isalpha() and _is_cap(word) and not word.isupper() and _low(word) not in DETERMINERS):
        return False
    after = [t.group() for t in reversed(collected)]
    run = 0
    while run < len(after) and after[run][:1].islower():
        run += 1
    return (
        1 <= run <= 3
        and run < len(after)
        and _low(after[run - 1]) in TITLE_NOUNS
        and all(_is_cap(w) for w in after[run:])
    )


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_SAYS_AFTER = re.compile(r"\s+says\b")


def _past_speech_after(text: str, end: int) -> bool:
    """Whether a past-tense speech verb (``wrote``, ``said``, ``argued``) follows ``end``."""
    word = _NEXT_WORD.match(text, end)
    if word is None:
        return False
    verb = word.group(1)
    return verb in SPEECH_VERBS and (verb.endswith("ed") or verb in _PAST_BEFORE_AND)


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
            described = _np_words_before(text, toks, k - 1)
            if described is not None:
                # a description with a preposition: "Another delegate on the Cruz slate, Jim Poolman"
                p = next((x for x in range(k - 1, -1, -1) if toks[x].start() < described[0]), None)
                if p is not None and p >= 1 and _low(toks[p].group()) in ("on", "of", "for", "at", "in", "from"):
                    wider = _np_words_before(text, toks, p - 1)
                    if wider is not None and _low(text[wider[0] : wider[1]].split()[0]) in DETERMINERS:
                        described = (wider[0], described[1])
            # (or someone's role: "Trump's attorney, Alan Garten, said")
            said = [_low(w) for w in text[described[0] : described[1]].split()] if described is not None else [""]
            # (a role of a body named in the possessive: "Al Jazeera's bureau chief, Walid al-Omari")
            role = len(said) > 1 and said[-1] in TITLE_NOUNS and any(w.endswith(("'s", "’s")) for w in said[:3])
            if described is not None and (said[0] in DETERMINERS or said[0].endswith(("'s", "’s")) or role):
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
        np = _np_words_before(text, toks, k - 1) if k >= 1 else None
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


def _possessive_before(words: Sequence[_Token]) -> bool:
    """Whether the words read so far name a body in the possessive (``Al Jazeera's``)."""
    return any(w.group().endswith(("'s", "’s", "s'", "s’")) and _is_cap(w.group()) for w in words)


def _after_possessive(words: Sequence[_Token]) -> bool:
    """Whether a capitalised possessive stands among the last three words read, only lower-case
    words after it: what it owns is read on (``Lee’s right-hand man``, ``Reyes's lawyer``), to
    the verb, which ends a mention."""
    for back in range(1, min(3, len(words)) + 1):
        word = words[-back].group()
        if word.endswith(("'s", "’s", "s'", "s’")) and _is_cap(word):
            return True
        if _is_cap(word):
            return False
    return False


_DESCRIPTION_OPENERS = frozenset({"a", "an", "one", "another"})
_DESCRIPTION_LINKS = frozenset({"of", "to", "with", "in", "at", "for", "from", "on", "by"})


def _described(words: Sequence[_Token], toks: Sequence[_Token], n: int) -> bool:
    """Whether ``toks[n]`` goes on an indefinite description (``a person close to the family``,
    ``a source involved in its creation``, ``one unaligned strategist``, ``one of those
    advisers``): a preposition or a participle after ``a``, ``an``, ``one`` or ``another`` and a
    word or more, before more words (not a determiner: ``a group announced the plan``)."""
    if not words or _low(words[0].group()) not in _DESCRIPTION_OPENERS or len(words) > 6:
        return False
    low = _low(toks[n].group())
    if low in WEEKDAYS or low in ("today", "yesterday"):
        return False
    if _low(words[-1].group()) in _DESCRIPTION_LINKS:
        return True  # "one of those advisers": the words after a preposition
    if n + 1 >= len(toks) or not toks[n + 1].group()[0].isalnum():
        return False
    following = _low(toks[n + 1].group())
    if low in _DESCRIPTION_LINKS:
        return True
    return low.endswith("ed") and following not in DETERMINERS and following not in PRONOUNS


_APPROXIMATE = re.compile(r"\s*(" + alternation("approximators") + r")\s+(?=\d)", re.IGNORECASE)
"""An approximation before the number opening a mention: ``about 200 protesters``."""


@lru_cache(maxsize=16)
def _np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The speaker mention starting at ``pos`` (after an inverted verb: ``said Putin``).

    A pure function of its arguments, cached: the rules ask for the same mention again right
    away (``fragment_subject`` reads the subject at one place up to five times, once per
    reading of what follows it). Sixteen entries keep 784 of the 872 hits 256 would give on
    300 PolNeAR train texts and hold at most sixteen paragraphs' texts past their article."""
    approximate = _APPROXIMATE.match(text, pos, hi)
    if approximate is not None:
        # 'about 200 protesters', 'more than 100 economists': the number's phrase, with its
        # approximation (a preposition the mention would otherwise end at)
        counted = _np_after(text, approximate.end(), hi)
        found = counted is not None and counted[0] == approximate.end()
        return (approximate.start(1), counted[1]) if counted is not None and found else None
    toks = _tokens(text, pos, min(hi, pos + 120))
    if not toks:
        return None
    words: list[_Token] = []
    capitalised = False  # whether a word read so far is capitalised
    opener = False  # whether the first word read opens a description ("a", "one", ...)
    for n, t in enumerate(toks):
        w = t.group()
        if not w[0].isalnum():
            break
        low = _low(w)
        described = opener and len(words) <= 6 and _described(words, toks, n)
        if (low in CLAUSE_ADVERBS and low not in _CONNECTORS) and not _is_cap(w) and not described:
            break
        if low in _CONNECTORS and not words and low != "the" and not _is_cap(w):
            break  # (but "Del. Stacey Plaskett" starts with a title)
        if (
            words
            and not _is_cap(w)
            and (low.endswith("ed") or low in SPEECH_VERBS or low in CHARACTERISING_VERBS or low in _PARTICIPLES)
            and not (described and low.endswith("ed") and low not in SPEECH_VERBS)
            and not (low in SPEECH_VERBS and _low(words[-1].group()) == "of")
        ):
            break  # "Trump attacked ...", "a poll taken last week": the name ends at a verb
            # (not a noun after "of": "Former secretary of state Ann Lee")
        if (
            words
            and not _is_cap(w)
            and low not in _CONNECTORS
            and capitalised
            and _low(words[0].group()) not in DETERMINERS
        ):
            # after a name, lower-case words belong to it only before another capital:
            # "White House press secretary Josh Earnest", not "Trump attacked Clinton"
            ahead = [x.group() for x in toks[n + 1 : n + 4]]
            upto = next((i for i, x in enumerate(ahead) if not x[0].isalnum()), 3)
            role = [low, *(_low(x) for x in ahead[:upto])][-1] in TITLE_NOUNS
            if (
                not any(_is_cap(x) for x in ahead[:upto])
                and not (role and _possessive_before(words))
                and not _after_possessive(words)
            ):
                # ('said Al Jazeera's Jerusalem bureau chief, Walid al-Omari': a role of the
                # body named before it goes on)
                break
        words.append(t)
        # ('Hundreds of local fishermen': a count opening the sentence is no name, so the
        # lower-case words after its "of" stay in the mention)
        capitalised = capitalised or (_is_cap(w) and not (len(words) == 1 and low in _COUNT_NOUNS))
        if len(words) == 1:
            opener = low in _DESCRIPTION_OPENERS
        if len(words) >= 9 or (len(words) >= 6 and not _is_cap(words[0].group()) and not _is_cap(w) and not described):
            break  # a description runs a few words; a name in it may run on ("... of North Carolina")
    while words and _low(words[-1].group()) in _CONNECTORS:
        words.pop()
    if not words:
        return None
    texts = [t.group() for t in words]
    if not _valid_np_start(texts, 0, mid=_mid_sentence(text, words[0].start())):
        return None
    if _low(texts[-1]) in WEEKDAYS or _low(texts[-1]) in ("today", "yesterday"):
        words.pop()
        while words and _low(words[-1].group()) in _DESCRIPTION_LINKS:
            words.pop()  # "a spokesman for the council on Monday"
        if not words:
            return None
        texts = [t.group() for t in words]
    start, end = words[0].start(), words[-1].end()
    if text[end - 1] == "." and _low(texts[-1]) not in _ABBREVIATIONS:
        end -= 1
    if not _is_cap(texts[-1]) and not (_low(texts[-1]) in TITLE_NOUNS and _is_cap(texts[0])):
        return start, end
    if not _is_cap(texts[-1]):
        # a role, then the name: "said Al Jazeera's Jerusalem bureau chief, Walid al-Omari."
        named = _NAME_AFTER_ROLE.match(text, end, hi)
        return (start, named.end()) if named is not None else (start, end)
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
        if _PARTY_STATE.match(text, m.start()):
            end = m.end()  # (', R-Ky.,': the state's abbreviation ends no sentence)
            continue
        stop = _stop_in(text, m.start() + 1, m.end())
        if stop is None and m.end() == hi < len(text) and _RELATIVE_OPENING.match(m.group()):
            break  # (', who thinks the mayor "needs to listen."': a clause with quoted words of its own)
        if stop is not None:
            end = stop
            break
        end = m.end()
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
            if _low(w) in _MODIFIERS and _is_cap(words[-1].group()):
                continue  # a role before the name: 'Republican nominee Ann Lee', 'Harbor board chairman Ann Lee'
            if _role_run_then_name(words, word):
                continue  # 'Republican presidential nominee Ann Lee': a role of two or three words
            return start, prev.end()
    return start, end


def _role_run_then_name(words: list[re.Match[str]], word: re.Match[str]) -> bool:
    """Whether ``word`` opens two or three words in lower case that end with a role
    (``presidential nominee``, ``state party chairman``), and only capitalised words, a name,
    follow them to the subject's end: ``Republican presidential nominee Ann Lee``."""
    at = next(i for i, w in enumerate(words) if w is word)
    run = 0
    while at + run < len(words) and words[at + run].group()[:1].islower():
        run += 1
    rest = words[at + run :]
    if not 2 <= run <= 3 or not rest or not all(_is_cap(w.group()) for w in rest):
        return False
    return _low(words[at + run - 1].group()) in _MODIFIERS


_PAREN_AFTER = re.compile(r"\s*\([^()]{1,30}\)")
_PARTY_STATE_WORDS = r"[RDI]-[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?(?=,)"
_PARTY_STATE = re.compile(r",\s+" + _PARTY_STATE_WORDS)
"""A party and a state in commas after a name: ``Mitch McConnell, R-Ky.,``, ``D-New York,``."""
_APPOSITION_AFTER = re.compile(
    # (also an age, a state after a place and a body's role: "Misha Shah, 32, of Chicago", "in
    # Somerton, Ariz.", "Peter Orszag, Obama's budget director")
    r",\s+(?:(?:a|an|the|one|head|chief|who|whose|which|now|then|[a-z]+ (?:of|for|at|to)|[a-z][\w-]*)\b"
    r"|\d{1,3}(?=,)|[A-Z][a-z]{1,4}\.(?=\s*[,.]|\s*$)"
    r"|"
    + _PARTY_STATE_WORDS  # a party and state: ", R-Ky.,", ", D-New York,"
    + r"|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4}['’]s\s+(?=[a-z]))"  # ", Obama's budget director"
    r"(?:(?!'')[^,;:\"“”]){0,160}"
)
_RELATIVE_OPENING = re.compile(r",\s+(?:who|whose|which)\b")
_WHO_SAID_THAT = re.compile(r",\s+who\s+(?:\w+\s+)?(?:noted|said|says|added|argued|explained|told\s+\w+)\s+that\b")
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}[-’'][A-Z][\w'’-]*)"
_NAME_AFTER_ROLE = re.compile(rf",\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?=\s*(?:[,.;:!?]|$))")
_CLAUSE_NOT_APPOSITION = re.compile(
    r",\s+(?:(?!who\b|whose\b|which\b|that\b)\S+\s+){0,4}?(?:is|are|was|were|will|would|has|have|had|can|could|did|does)\b"
)
_PARTICIPLE_AFTER = re.compile(r",\s+(?:\w+ing|said|says|adding|and|but|according|as|while|when|because|if)\b")
_GO_ON = word_list("go_on_forms")
_GO_ON_TO = word_list("go_on_to_verbs")
_SECTION_LABEL = re.compile(r"[A-Z][A-Z'’&-]+(?:\s+[A-Z][A-Z'’&-]+)+")
_ADJECTIVE_ENDINGS = ("ous", "ive", "ful", "less", "able", "ible", "ical")


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


def _is_label(mention: str, colon: bool) -> bool:
    """Whether words in capitals before a colon or dash label a section or a dateline rather
    than name a speaker: ``MOVING SHOP—``, ``WASHINGTON —``, ``UPDATE:`` (but ``PENCE:`` in
    a transcript is a speaker)."""
    if not mention.isupper():
        return False
    return _SECTION_LABEL.fullmatch(mention) is not None or not colon or mention.strip(".") in _LABEL_WORDS


_LABEL_WORDS = word_list("section_labels")


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


# ----------------------------------------------------------------------------- a mention's parts


@frozen
class Mention:
    """A speaker mention's parts, as ``(start, end)`` spans of its paragraph's text:

    - ``name``: the name or pronoun (``Vladimir Putin``, ``he``), None for a description alone
      (``the Russian president``, ``a senior official``);
    - ``title``: the words before the name (``Russian President``, ``Rep.``), or the whole
      description when there is no name;
    - ``appositions``: what follows the head, each without its comma (``head of Ukraine's
      presidential office``, ``(D-Wis.)``, ``who grew up nearby``), and first the place or body
      after a titled name (``of Florida`` in ``Sen. Marco Rubio of Florida``); also an aside set
      off by a dash (``a ferry captain from Bayport`` in ``Tom Reyes — a ferry captain from
      Bayport``) and, in a mention with no comma, a relative clause (``who met Putin`` in
      ``Officials who met Putin``);
    - ``head``: the words before the first comma or parenthesis (``Trump's attorney`` of
      ``Trump's attorney, Alan Garten``), None when there are none.

    When a description stands first and the name follows it after a comma (``Trump's attorney,
    Alan Garten``), the name is that apposition and ``appositions`` holds only those after it:
    [described][articlekit.enrich.quotes.Mention.described] says so.
    """

    start: int
    end: int
    name: tuple[int, int] | None
    title: tuple[int, int] | None
    appositions: tuple[tuple[int, int], ...] = ()
    head: tuple[int, int] | None = None

    @property
    def described(self) -> bool:
        """Whether the name follows a description after a comma (``Trump's attorney, Alan
        Garten``) rather than standing in the head."""
        return self.name is not None and self.head is not None and self.name[0] >= self.head[1]


_SPACED = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Z]\.")
_TITLE_LINKS = frozenset({"of", "for", "at"})
"""Words that join a title's parts (``Secretary of State``, ``spokesman for the Kremlin``)."""


_MENTION_DASH = re.compile(r"\s*(?:—|–|--)\s*|\s+-\s+")
"""A dash opening an aside inside a mention (``Tom Reyes — a ferry captain from Bayport``, ``Lee -
who turns 40 on Monday``): a dash, or a hyphen between spaces."""


_MENTION_RELATIVE = re.compile(r"\s(?:who|whom|whose)\s")
"""A relative pronoun opening a clause inside a mention's head, with no comma before it
(``Officials who met Putin``, ``Families who sued Pfizer``)."""


def read_speaker(text: str, start: int, end: int) -> Mention:
    """The parts of the speaker mention ``text[start:end]`` (as the rules found it). An aside set
    off by a dash is an apposition, and so is a relative clause in a mention with no comma: the
    name is read before it, never in it."""
    dash = _MENTION_DASH.search(text, start, end)
    if dash is not None and text[start : dash.start()].strip():
        before = read_speaker(text, start, dash.start())
        aside = _MENTION_DASH.split(text[dash.end() : end], maxsplit=1)[0].rstrip()
        asides = ((dash.end(), dash.end() + len(aside)),) if aside.strip() else ()
        return Mention(start, end, before.name, before.title, (*before.appositions, *asides), before.head)
    head_end, appositions = _split_appositions(text, start, end)
    relative = _MENTION_RELATIVE.search(text, start, head_end) if not appositions else None
    if relative is not None and text[start : relative.start()].strip():
        # "Officials who met Putin": the relative clause is the head's apposition, its name no
        # speaker's (not with appositions after commas: "The senator who leads the panel, Lindsey
        # Graham" is read as a description and the name after it)
        appositions = ((relative.start() + 1, len(text[:head_end].rstrip())),)
        head_end = relative.start()
    words = [m.span() for m in _SPACED.finditer(text, start, head_end)]
    if not words:
        return Mention(start, end, None, None, appositions)
    head = (words[0][0], words[-1][1])
    if len(words) == 1 and _low(text[words[0][0] : words[0][1]]) in PRONOUNS:
        return Mention(start, end, words[0], None, appositions, head)
    texts = [text[lo:hi] for lo, hi in words]
    last = len(words) - 1
    first_name = len(words)
    for i in range(last, -1, -1):
        word = texts[i]
        if i < last and word.endswith(("'s", "’s")):
            break  # a possessive ends the title before a name ("CNN's Dana Bash"); alone it is the name
        if _is_cap(word):
            # the last word after an honorific, or alone, is a name even if it names a role ("Mr. King")
            named = i == last and (i == 0 or _low(texts[i - 1]) + "." in HONORIFICS)
            if (_low(word) not in DETERMINERS or _INITIAL.fullmatch(word) is not None) and (  # "James A. Baker"
                named or not _is_title_word(word)
            ):
                first_name = i
                continue
        if i > 0 and first_name < len(words) and _low(word) in _CONNECTORS:
            first_name = i  # a connector inside a name ("Osama bin Laden")
            continue
        break
    if first_name < last and texts[first_name] in _TITLE_LINKS:
        if _low(texts[first_name + 1]) in DETERMINERS:
            first_name = len(words)  # "a spokesman for the Kremlin": a body, not a name
        elif first_name + 3 <= last:
            first_name += 2  # "Secretary of State John Kerry": "of State" belongs to the title
    name_end = last
    if 0 < first_name < last and _is_title_word(texts[first_name - 1]):
        # "Sen. Marco Rubio of Florida": after a titled name, "of" opens its place or its body
        link = next((j for j in range(first_name + 1, last) if texts[j] in _TITLE_LINKS), None)
        if link is not None:
            name_end = link - 1
            appositions = ((words[link][0], words[-1][1]), *appositions)
    name = (words[first_name][0], words[name_end][1]) if first_name < len(words) else None
    title: tuple[int, int] | None
    following = text[appositions[0][0] : appositions[0][1]] if appositions else ""
    if name is None and following and all(_is_cap(w) for w in following.split()) and _low(following) not in PRONOUNS:
        # "Trump's attorney, Alan Garten": a description, then the name
        title = (words[0][0], words[-1][1])
        return Mention(start, end, appositions[0], title, appositions[1:], head)
    title = (words[0][0], words[first_name - 1][1]) if first_name > 0 else None
    return Mention(start, end, name, title, appositions, head)


def _is_title_word(word: str) -> bool:
    """Whether ``word`` makes a title before a name: a role (``President``, ``Lt.``) or an
    honorific (``Mr.``, ``Sir``)."""
    low = word.lower()
    bare = low.rstrip(".")
    return low in TITLE_NOUNS or bare in TITLE_NOUNS or low in HONORIFICS or bare + "." in HONORIFICS


_SPLITTERS = re.compile(r"[(),]")


def _split_appositions(text: str, start: int, end: int) -> tuple[int, tuple[tuple[int, int], ...]]:
    """Where the head of a mention ends, and its appositions: the parts after its commas and its
    parentheses (outside parentheses, a comma inside a number does not count)."""
    parts: list[tuple[int, int]] = []
    head_end = end
    depth = 0
    piece_start = -1
    for mark in _SPLITTERS.finditer(text, start, end):  # (the other characters change nothing)
        i = mark.start()
        ch = text[i]
        if ch == "(":
            if depth == 0:
                if piece_start < 0:
                    head_end = min(head_end, i)
                else:
                    parts.append((piece_start, i))
                piece_start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                parts.append((piece_start, i + 1))
                piece_start = -1
        elif ch == "," and depth == 0 and not (text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit()):
            if piece_start < 0:
                head_end = min(head_end, i)
            else:
                parts.append((piece_start, i))
            piece_start = i + 1
    if piece_start >= 0:
        parts.append((piece_start, end))
    stripped = []
    for lo, hi in parts:
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            stripped.append((lo, hi))
    while head_end > start and text[head_end - 1].isspace():
        head_end -= 1
    return head_end, tuple(stripped)


def _noun_before_verb(toks: Sequence[_Token], k: int, i: int) -> bool:
    """Whether the speech verb's form ``toks[k]`` is a document noun heading the subject of
    the verb after it (``The report said``, ``the audit report says``, ``a tweet said``; word
    list ``document_nouns``): it stands right before that verb (``i``), after a word of the
    noun phrase, not a pronoun."""
    return k == i and k >= 1 and _low(toks[k].group()) in _DOCUMENT_NOUNS and _low(toks[k - 1].group()) not in PRONOUNS


_TITLE_THEN_COMMA = re.compile(r"[\"“](?P<title>[^\"“”]{1,80}?)(?:,[\"”]|[\"”],)(?=\s)")
"""A quoted title closing an apposition, with its comma inside or after the closing mark."""


def _subject_past_title(text: str, start: int, limit: int) -> tuple[tuple[int, int], int] | None:
    """The name opening ``text[start:limit]`` when its apposition, set off by a comma, ends
    with a quoted title in Title Case and the comma closing it: ``Ann Lee, host of the radio
    show "Harbor Talk," thanked ...`` -> the bounds of ``Ann Lee`` and where the words after
    the title's comma start (the verb, for the caller to read). The mention grammar stops at
    the title's opening mark, so the verb after it has no subject of its own."""
    if _TITLE_THEN_COMMA.search(text, start, limit) is None:
        return None  # (no quoted title closed by a comma: the mention is not read)
    np = _np_after(text, start, limit)
    if np is None or text[np[1] : np[1] + 1] not in ('"', "“"):
        return None
    comma = text.find(",", np[0], np[1])
    if comma <= np[0]:
        return None
    m = _TITLE_THEN_COMMA.match(text, np[1], limit)
    if m is None:
        return None
    if _speechy_words(m.group("title")):
        return None  # someone's words in the apposition, not a title
    return (np[0], len(text[:comma].rstrip())), m.end()


_COMMA_ASIDE = re.compile(
    r",\s+(?:in|on|at|during|after|before|with|from|by|through|via|over|under|speaking|writing|appearing|asked"
    r"|responding|interviewed|who|while|when|once|again|however|meanwhile|too|though|instead|nonetheless)\b"
    r"[^,;:\"“”()]{0,80},"
)
"""An aside set off by commas right after a subject, opened by a preposition, a participle of
an occasion or an adverb: ``, in a letter to donors,``, ``, speaking on Fox,``, ``, however,``."""


def _mention_then_aside(
    text: str, start: int, limit: int, marks: tuple[str, ...], aside: re.Pattern[str], *, inside: bool
) -> tuple[int, int, re.Match[str]] | None:
    """The mention opening ``text[start:limit]``, when it can speak and the first of ``marks``
    after its start (within the mention the grammar read, with ``inside``) opens ``aside``:
    where the mention starts and ends, and the aside's match."""
    np = _np_after(text, start, limit)
    if np is None:
        return None
    reach = np[1] + 1 if inside else limit
    found = [i for i in (text.find(mark, np[0], reach) for mark in marks) if i >= 0]
    if not found:
        return None
    end = len(text[: min(found)].rstrip())
    if end <= np[0] or not _can_speak(text[np[0] : end]):
        return None
    m = aside.match(text, min(found), limit)
    return (np[0], end, m) if m is not None else None


def _subject_past_aside(text: str, start: int, limit: int) -> tuple[tuple[int, int], int] | None:
    """The mention opening ``text[start:limit]`` when an aside set off by commas follows it:
    ``The Lee campaign, in a letter to donors, worded it bluntly`` -> the bounds of ``The Lee
    campaign`` and where the words after the aside's comma start (the verb, for the caller to
    read). The mention grammar reads ``The Lee campaign, in a letter to donors`` as an
    apposition and finds no verb after it."""
    if _COMMA_ASIDE.search(text, start, limit) is None:
        return None  # (no aside anywhere: the mention is not read)
    found = _mention_then_aside(text, start, limit, (",",), _COMMA_ASIDE, inside=True)
    return ((found[0], found[1]), found[2].end()) if found is not None else None


_DASH_ASIDE_AFTER = re.compile(r"\s*(?:—|–|--|-(?=\s))\s*[^—–\"“”;:]{2,100}?(?:\s*(?:—|–|--)|\s-(?!\s*\d))")
"""An aside set off by two dashes: `` — who chairs the board —``, also hyphens between spaces
(`` - who chairs the board -``; not a score's hyphen between figures, ``beaten 4 - 0``, which
closes nothing)."""


_DASHES = ("—", "–", "--", " - ")
"""The dashes that may open an aside after a mention (a hyphen only between spaces)."""
_ASIDE_COORDINATORS = frozenset({"and", "or", "nor", "not", "but", "plus"})
"""Words opening a second subject between dashes rather than an aside about the first."""


def _subject_past_dashes(text: str, start: int, limit: int) -> tuple[tuple[int, int], int] | None:
    """The mention opening ``text[start:limit]`` when an aside set off by two dashes follows
    it: the mention with its aside and where the words after the second dash start (``Lee —
    who chairs the board — dismissed`` -> ``Lee — who chairs the board`` and the space before
    ``dismissed``)."""
    if not any(text.find(dash, start, limit) >= 0 for dash in _DASHES):
        return None  # (no dash: the mention is not read)
    found = _mention_then_aside(text, start, limit, _DASHES, _DASH_ASIDE_AFTER, inside=False)
    if found is None:
        return None
    words = found[2].group().strip(" —–-").split()
    if not words or words[0].strip(",").lower() in _ASIDE_COORDINATORS:
        return None  # ('The mayor — and the board — called', 'Lee — and, critics say, Kim —': a second subject)
    close = len(text[: found[2].end()].rstrip("—–-").rstrip())  # (the mention without its closing dash)
    return (found[0], close), found[2].end()
