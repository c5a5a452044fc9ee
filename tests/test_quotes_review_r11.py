"""Regressions a code review of round 11's reported-speech rules found (issue 14, 14f11a),
each on a sentence written here."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("sentence", "reported"),
    [
        ("Lee said the man, who she said was armed, fled on foot.", "the man, who she said was armed, fled on foot"),
        (
            "Lee said the plan, which she called a disaster, would fail.",
            "the plan, which she called a disaster, would fail",
        ),
        (
            "Kim said the cuts, which he described as painful, were needed.",
            "the cuts, which he described as painful, were needed",
        ),
        (
            'Lee said the plan, which she called "a disaster," would fail.',
            'the plan, which she called "a disaster," would fail',
        ),
    ],
)
def test_a_relative_clause_mid_sentence_stays_in_the_reported_words(sentence: str, reported: str) -> None:
    quotes = found(sentence)
    assert len(quotes) == 1, quotes
    assert quotes[0][2] == sentence.split()[0]
    assert quotes[0][3] == reported


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee pledged to reporters on Monday that taxes would fall.",
        "Lee vowed to voters that taxes would fall.",
        "Lee promised to farmers in Ohio that taxes would fall.",
    ],
)
def test_to_and_a_listener_after_a_commitment_is_no_infinitive(sentence: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", "Lee", "taxes would fall")]


def test_to_and_a_verb_in_s_after_a_commitment_is_an_infinitive() -> None:
    assert found("Lee vowed to focus on being a father.")[0][3] == "to focus on being a father"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Tony Snow vowed to fight the ruling.", "Tony Snow"),
        ("Ann Rain promised to cut taxes.", "Ann Rain"),
        ("Mayor Bill Flood pointed to the drop in crime.", "Mayor Bill Flood"),
        ("Sen. Mark Winter pledged to vote no.", "Sen. Mark Winter"),
    ],
)
def test_a_surname_that_is_also_a_mute_noun_still_speaks(sentence: str, speaker: str) -> None:
    quotes = found(sentence)
    assert len(quotes) == 1, quotes
    assert quotes[0][1:3] == ("indirect", speaker)


@pytest.mark.parametrize(
    "sentence",
    ["The storm promised to be severe.", "The results of the poll point to a close race."],
)
def test_a_mute_head_noun_says_nothing(sentence: str) -> None:
    assert found(sentence) == []


def test_a_noun_in_eed_is_not_the_main_verb_after_a_participle() -> None:
    quotes = found("A memo saying the speed limit would rise was leaked.")
    assert [q[3] for q in quotes] == ["the speed limit would rise"]


def test_a_verb_in_eed_is_not_the_speakers_own_past_verb() -> None:
    quotes = found("Lee vowed to take office and proceed with reforms.")
    assert [q[3] for q in quotes] == ["to take office and proceed with reforms"]
    assert found("Lee vowed to take office and agreed to a deal.")[0][3] == "to take office"


def test_a_relative_clause_without_that_is_not_the_main_verb() -> None:
    quotes = found("A memo saying the firm has closed plants it opened in 2010 was leaked.")
    assert [q[3] for q in quotes] == ["the firm has closed plants it opened in 2010"]


@pytest.mark.parametrize(
    "sentence",
    [
        "She pointed to the ceiling and laughed.",
        "The signpost pointed to the village, and we walked on.",
        "The guide pointed to the mountains in the distance.",
    ],
)
def test_pointing_at_a_place_or_thing_is_no_speech(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize("sentence", ["Lee pointed to the data and laughed.", "Lee pointed to the data, and we left."])
def test_what_was_pointed_to_ends_before_the_speakers_next_doing(sentence: str) -> None:
    assert [q[3] for q in found(sentence)] == ["the data"]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee promised the union members that wages would rise.", "wages would rise"),
        ("Lee promised voters to cut taxes.", "to cut taxes"),
        ("Lee promised the board it would pay.", "it would pay"),
        ("Lee promised this would be the last time.", "this would be the last time"),
    ],
)
def test_a_listener_after_a_commitment_is_left_out_of_the_words(sentence: str, words: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", "Lee", words)]


def test_a_free_relative_after_tell_is_no_indirect_question() -> None:
    assert found("The coach told what was left of the team to rest.") == []
    assert found("Lee told reporters what the team must change.")[0][3] == "what the team must change"


def test_pointing_at_a_place_then_speaking_gives_no_quote_for_the_place() -> None:
    assert found("The guide pointed to the old bridge and laughed.") == []
