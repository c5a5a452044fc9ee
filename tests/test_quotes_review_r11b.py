"""Regressions a code review of the quote rules found (issue 14, round 14f11b), each on a
sentence written here: a time after ``, that`` read as the speaker's words going on, a work's
title before a verb of writing or recording read as a cry, a sports roundup's team labels read
as a transcript, a quote after another subject's clause given to the earlier speaker."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


def shape(quote: Quote) -> tuple[str, str, str | None]:
    return quote.kind, quote.text, quote.speaker.mention if quote.speaker is not None else None


# ------------------------------------------------------------- finding 4: ", that <time>"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ('"It was close," Lee said, that day in court.', "It was close", "Lee"),
        ('"We will win," Lee told supporters, that night at the rally.', "We will win", "Lee"),
        ('"We will win," Lee told supporters, that Monday at the rally.', "We will win", "Lee"),
    ],
)
def test_a_time_after_that_is_the_writers_adverbial_not_the_speaker_going_on(
    text: str, words: str, speaker: str
) -> None:
    assert [shape(q) for q in quotes_of(text)] == [("direct", words, speaker)]


def test_that_opening_a_clause_still_carries_the_speakers_sentence_on() -> None:
    found = quotes_of('"We will win," Lee said, that taxes would fall.')
    assert [shape(q) for q in found] == [("mixed", "We will win that taxes would fall", "Lee")]


# ------------------------------------------------ finding 8: a cry needs a verb of the voice


def test_a_works_title_before_a_verb_of_releasing_is_no_cry() -> None:
    assert quotes_of('"Run!" the group released in 2004.') == []


def test_title_case_words_with_no_punctuation_before_wrote_are_a_works_title() -> None:
    assert quotes_of('"Morning Song" Ann Lee wrote in 1972.') == []


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ('"Morning," Ann Lee wrote in her diary.', "Morning", "Ann Lee"),
        ('"We will win" Lee wrote.', "We will win", "Lee"),
    ],
)
def test_words_before_wrote_with_a_comma_or_in_lower_case_are_someones(text: str, words: str, speaker: str) -> None:
    assert [shape(q) for q in quotes_of(text)] == [("direct", words, speaker)]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ('"Nooooo!" the crowd cried out.', "Nooooo!", "the crowd"),
        ('"Stop!" the guard shouted.', "Stop!", "the guard"),
        ('"Why?" the boy asked.', "Why?", "the boy"),
    ],
)
def test_a_cry_before_a_verb_of_the_voice_is_someones_words(text: str, words: str, speaker: str) -> None:
    assert [shape(q) for q in quotes_of(text)] == [("direct", words, speaker)]


# ------------------- finding 10: another subject's clause before a quote's own sentence


@pytest.mark.parametrize(
    "text",
    [
        '"It is done," Lee said, and Park nodded. "We move on."',
        '"It is done," Lee said; the mayor nodded. "We move on."',
    ],
)
def test_a_sentence_after_another_subjects_clause_is_not_given_to_the_first_speaker(text: str) -> None:
    assert [shape(q) for q in quotes_of(text)] == [("direct", "It is done", "Lee")]


def test_a_pronoun_after_and_may_be_the_speaker_going_on() -> None:
    found = quotes_of('"It is done," Lee said, and she smiled. "We move on."')
    assert [q.speaker.mention if q.speaker else None for q in found] == ["Lee"]
    assert "We move on" in found[0].text


# ------------------------- finding 9: a roundup's team labels are no transcript's speakers


@pytest.mark.parametrize("attribution", ["says the coach", "the coach said"])
def test_labels_whose_paragraphs_name_their_own_speaker_are_no_transcript(attribution: str) -> None:
    found = quotes_of(
        "ROVERS: The hosts have won four in a row. Can they make it five?",
        f"UNITED: We expect a hard game, {attribution}. Will the striker play?",
        "ROVERS: The captain is back from injury and we hope he starts.",
    )
    assert not any(q.speaker is not None and q.speaker.mention in ("ROVERS", "UNITED") for q in found)


def test_a_turn_saying_as_i_said_is_still_a_transcripts_turn() -> None:
    found = quotes_of(
        "HOST: Will the mill reopen this winter?",
        "WARDELL: Not before the spring, as I said, and only if the loan comes through.",
        "HOST: And if it does not?",
    )
    assert [q.speaker.mention if q.speaker else None for q in found] == ["HOST", "WARDELL", "HOST"]


# --------------------- finding 14: a writer's comma clause may hold an abbreviation's stop


def test_a_writers_comma_clause_after_the_verb_may_hold_an_abbreviation() -> None:
    found = quotes_of('"Go home," Lee barked, as Mr. Park watched.')
    assert [shape(q) for q in found] == [("direct", "Go home", "Lee")]
