"""Regressions a code review of the quote rules found (issue 14, round 14f12b), each on a
sentence written here: a participle with its own subject given the sentence's subject, and a
speech word used as a noun whose cue was taken from any verb of the sentence."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


def shape(quote: Quote) -> tuple[str, str, str | None]:
    return quote.kind, quote.text, quote.speaker.mention if quote.speaker is not None else None


# --------------------------------- finding 7: a participle after a finite verb has its own subject


def test_a_participle_after_a_verb_and_its_object_is_not_the_sentence_subjects_speech() -> None:
    found = quotes_of('The video, called "Home," shows children singing "we shall overcome."')
    assert all(q.speaker is None or q.speaker.mention != "The video" for q in found)


def test_a_participle_after_a_phrase_still_goes_to_the_subject_before_the_earlier_quote() -> None:
    found = quotes_of('Lee posted a photo called "Dawn" on her blog, writing "the sun is up."')
    assert ("direct", "the sun is up.", "Lee") in [shape(q) for q in found]


# ------------------------- finding 8: a speech noun's cue is the verb right before its object


def test_a_distant_verb_of_the_sentence_is_not_the_cue_of_a_speech_noun() -> None:
    found = quotes_of('Trump attacked Clinton at the rally, adding a warning: "She will lose."')
    assert [(q.speaker.mention if q.speaker else None, q.cue.text if q.cue else None) for q in found] == [
        ("Trump", "adding")
    ]


def test_a_verb_of_receiving_does_not_make_its_subject_the_speaker() -> None:
    found = quotes_of('Reporters got only a short answer: "Next question."')
    assert all(q.speaker is None or q.speaker.mention != "Reporters" for q in found)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ('The senator fired off a snappy retort: "Not a chance."', "Not a chance.", "The senator"),
        ('Lee sent the mayor a warning: "Do not run again."', "Do not run again.", "Lee"),
    ],
)
def test_the_verb_right_before_a_speech_noun_or_its_listener_gives_its_subject_as_the_speaker(
    text: str, words: str, speaker: str
) -> None:
    assert [shape(q) for q in quotes_of(text)] == [("direct", words, speaker)]


# ----------- finding 12: one participle path after an attribution, an adverb allowed before it


def test_an_adverb_before_the_participle_after_an_attribution_keeps_its_clause() -> None:
    found = quotes_of('"We will win," Lee said, instead choosing to praise the "quiet strength" of the crews.')
    assert [(q.kind, q.text, q.cue.text if q.cue else None) for q in found] == [
        ("direct", "We will win", "said"),
        ("mixed", 'to praise the "quiet strength" of the crews', "choosing"),
    ]


def test_a_preposition_in_ing_is_no_participle_after_an_attribution() -> None:
    found = quotes_of('"It\'s over," Lee said, during the "victory lap" at the stadium.')
    assert all(q.cue is None or q.cue.text != "during" for q in found)


# ------------------ finding 13: one copy of each word list (determiners, pronouns, Title Case)


def test_a_gerund_after_a_preposition_is_no_speech_noun_of_the_determiners_list() -> None:
    for determiner in ("this", "that"):
        found = quotes_of(f'She followed {determiner} by saying, "We will win."')
        assert [(shape(q), q.cue.text if q.cue else None) for q in found] == [
            (("direct", "We will win.", "She"), "saying")
        ]


def test_a_title_in_title_case_closing_an_apposition_still_leaves_the_subject_before_it() -> None:
    found = quotes_of('Ann Lee, host of the radio show "Harbor Talk," told listeners, "This harbor is alive."')
    assert ("direct", "This harbor is alive.", "Ann Lee") in [shape(q) for q in found]
