"""Reported speech, seventh round (14r12): each rule kept this round, on sentences written for
these tests (none is a corpus sentence)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found, only


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("While organizers say they are close to their goal, they are not getting help from sponsors.",
         "organizers", "they are close to their goal"),
        ("When the mayor announced the plan would cost $4 million, 300 residents signed a petition.",
         "the mayor", "the plan would cost $4 million"),
        ("Although the judge said he'd hold a hearing, it’s unlikely the case will move soon.",
         "the judge", "he'd hold a hearing"),
        ("If the coach says the team is tired, the owners will listen.", "the coach", "the team is tired"),
    ],
)  # fmt: skip
def test_a_report_in_a_fronted_clause_ends_where_the_main_clause_opens(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


def test_a_comma_inside_a_fronted_report_without_a_main_clause_after_it_does_not_end_it() -> None:
    # ", which ..." and ", a ..." are no main clause: the words go on to the sentence's main comma
    quotes = found("While the mayor said the bridge, which opened in 1990, needs repairs, the council disagreed.")
    assert quotes == [("reported_speech", "indirect", "the mayor", "the bridge, which opened in 1990, needs repairs")]


def test_pointing_at_a_thing_before_speaking_is_a_gesture() -> None:
    # (was "the statue": the thing pointed at read as what was said)
    assert found("The guide pointed to the statue and told us to hurry.") == []
    # what was asked is reported, up to the sentence's own verb; the chair is no quote
    assert found("The nurse, pointing to a chair and asking her to sit, left the room.") == [
        ("participle_clause", "indirect", "The nurse", "her to sit")
    ]


def test_evidence_pointed_to_before_speaking_is_still_reported() -> None:
    assert found("Lee pointed to the drop in crime and said the policy worked.") == [
        ("reported_speech", "indirect", "Lee", "the drop in crime"),
        ("reported_speech", "indirect", "Lee", "the policy worked"),
    ]


def test_a_named_body_speaks_in_its_relative_clause() -> None:
    assert found("The ruling followed a request by the Daily Ledger, which argued that the files were public.") == [
        ("reported_speech", "indirect", "the Daily Ledger", "the files were public")
    ]


def test_a_named_bodys_relative_clause_ends_before_the_main_verb() -> None:
    quotes = found(
        "The Daily Ledger, which originally said it would cover the race in its sports section, "
        "said it would treat the race as news."
    )
    assert [text for _, _, _, text in quotes] == [
        "it would cover the race in its sports section",
        "it would treat the race as news",
    ]
    assert quotes[0][2] == "The Daily Ledger"


def test_a_thing_in_lower_case_before_which_does_not_speak() -> None:
    assert found("The council passed the bill, which said that every park must close at dusk.") == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The mayor suggested she’ll ask the council for more time.", "she’ll ask the council for more time"),
        ("The coach suggested he'd rest the starters on Sunday.", "he'd rest the starters on Sunday"),
        ("Officials suggested they've found the cause of the fire.", "they've found the cause of the fire"),
        ("Lee acknowledged she’d misread the map.", "she’d misread the map"),
    ],
)  # fmt: skip
def test_a_pronoun_with_a_contracted_auxiliary_opens_a_clause_without_that(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The senator is touting her win in Ohio as she urges donors to unite behind her.",
         "donors to unite behind her"),
        ("Lee spoke at a rally at which he predicted that the bridge would be rebuilt by May.",
         "the bridge would be rebuilt by May"),
    ],
)  # fmt: skip
def test_as_or_at_which_before_a_pronoun_opens_a_clause_of_its_own(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


def test_a_sentence_subject_read_forwards_ends_at_its_simple_past_verb() -> None:
    # (was the speaker "The coach spoke": the verb read into its subject)
    assert found("The coach spoke after the game, thanking the fans and saying that they were loud.") == [
        ("participle_clause", "indirect", "The coach", "they were loud")
    ]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The mayor entered the race with a speech, praising the police and vowing to fix every road in the city.",
         "to fix every road in the city"),
        ("The coach thanked the crowd, praising the band and urging them to come back next week.",
         "them to come back next week"),
    ],
)  # fmt: skip
def test_a_participle_after_and_promising_or_urging_shares_the_subject(sentence: str, words: str) -> None:
    assert only(sentence) == ("participle_clause", "indirect", " ".join(sentence.split()[:2]), words)


def test_a_second_participle_of_speech_after_quoted_words_is_another_report() -> None:
    quotes = found(
        'Lee attacked the plan, saying it was a "disaster" for the city and asking, "How can anyone trust him?"'
    )
    assert quotes[0] == ("participle_clause", "mixed", "Lee", 'it was a "disaster" for the city')


def test_a_participle_after_and_shares_the_subject_across_quoted_words() -> None:
    assert found(
        'The senator ducked the question, calling the plan a "mess" and saying that it would fail in the fall.'
    ) == [
        ("characterising", "mixed", "The senator", 'the plan a "mess"'),
        ("participle_clause", "indirect", "The senator", "it would fail in the fall"),
    ]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The pastor spoke for an hour, recalling a visit to his church by the governor.",
         "a visit to his church by the governor"),
        ("Lee recalled the summer visits to the lake with her brothers.", "the summer visits to the lake with her brothers"),  # noqa: E501
    ],
)  # fmt: skip
def test_an_anecdote_recalled_is_reported(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


def test_a_bare_object_of_recall_is_no_report() -> None:
    assert found("The president recalled the ambassador.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The war put states that have been firmly Republican for decades in jeopardy.",
        "The ruling puts states that have banned the drug in a bind.",
    ],
)
def test_that_before_a_plural_verb_is_a_relative_pronoun(sentence: str) -> None:
    assert found(sentence) == []


def test_that_opening_reported_words_still_reports() -> None:
    assert only("Lee said that have-nots need more help from the city.")[3] == "have-nots need more help from the city"


def test_a_participle_after_a_subordinator_and_a_lone_comma_takes_the_subject() -> None:
    assert found(
        "The candidate has ignored his advisers, making more gaffes after telling his aides he would change his tone."
    ) == [("participle_clause", "indirect", "The candidate", "he would change his tone")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee spoke, and the crowd answered by saying they would stay.",
        "The mayor kept the council waiting, before adding that the budget would be cut.",
    ],
)
def test_a_participle_after_another_clause_or_a_subject_run_into_its_verb_stays_unclear(sentence: str) -> None:
    assert found(sentence) == []
