"""Direct quotes found with the wrong bounds (issue 14, session 14b13): where a quote's parts
end and which paragraph's attribution they take, each on sentences written here."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("first", "second", "speakers"),
    [
        (
            "“The plan is sound,” Lee said. “We will build the bridge before winter and the road after it.",
            "“The money is there,” Lee said. “The council voted for it in May.”",
            ["Lee", "Lee"],
        ),
        (
            '"The plan is sound," Lee said. "We will build the bridge before winter.',
            '"The money is there," she added. "The council voted for it."',
            ["Lee", "she"],
        ),
        (
            '"The trains are late," the minister told reporters. "We know it and we are sorry.',
            '"New carriages arrive in March," she said.',
            ["the minister", "she"],
        ),
    ],
)
def test_a_part_left_open_ends_before_a_paragraph_with_its_own_attribution(
    first: str, second: str, speakers: list[str]
) -> None:
    quotes = found(first, second)
    assert [q[2] for q in quotes] == speakers
    assert quotes[0][3].endswith(first.rsplit("“" if "“" in first else '"', 1)[1])


def test_a_part_left_open_before_a_paragraph_of_quote_only_runs_on() -> None:
    quotes = found(
        "“The plan is sound,” Lee said. “We will build the bridge before winter.",
        "“The money is there. The council voted for it in May.”",
    )
    assert [(q[2], q[3]) for q in quotes] == [
        (
            "Lee",
            "The plan is sound. We will build the bridge before winter. The money is there. "
            "The council voted for it in May.",
        )
    ]


def test_a_paragraph_of_quote_only_left_open_still_runs_into_an_attributed_one() -> None:
    quotes = found("“We will build the bridge before winter.", "“The money is there,” Lee said.")
    assert [(q[2], q[3]) for q in quotes] == [("Lee", "We will build the bridge before winter. The money is there")]


@pytest.mark.parametrize(
    "sentence",
    [
        '"We won," Lee said, and Ohio went blue for the first time since 1996.',
        '"We won," Lee said, and the Midwest has gone red again.',
        '"We won," Lee said; Senator Kim fell silent.',
        '"We won," Lee said, and Harlow turned quiet after the count.',
    ],
)
def test_a_clause_stating_a_condition_takes_no_turn(sentence: str) -> None:
    quotes = found(sentence, '"This is history."')
    assert all(q[2] == "Lee" for q in quotes), quotes
    assert quotes[-1][3].endswith("This is history.")


@pytest.mark.parametrize(
    "sentence",
    [
        '"We won," Lee said, and her husband interrupted.',
        '"We won," Lee said, and her husband went to the microphone.',
        '"We won," Lee said, and Senator Kim turned to her.',
    ],
)
def test_another_subject_acting_after_the_attribution_may_take_the_turn(sentence: str) -> None:
    quotes = found(sentence, '"Not yet."')
    assert quotes[0][2] == "Lee"
    assert all(q[2] != "Lee" for q in quotes[1:])
    assert "Not yet" not in quotes[0][3]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "The talks between the two unions have taken a much more bitter turn in recent weeks and that "
            'will take time to "cool off," Okafor said in an interview.',
            'that will take time to "cool off,"',
        ),
        (
            "The council spent most of the long and hot summer arguing over the budget for the new public "
            "library but it "
            'is now "ready to build," the mayor said on Monday.',
            'it is now "ready to build,"',
        ),
    ],
)
def test_a_long_sentence_s_last_clause_after_a_bare_and_makes_the_mixed_quote(sentence: str, words: str) -> None:
    quotes = found(sentence)
    assert [(q[0], q[1], q[3]) for q in quotes] == [("said_after+sentence", "mixed", words)]


def test_a_long_sentence_coordinating_nouns_only_keeps_its_quoted_words() -> None:
    # no clause of its own after 'and' ('the mayor and the council'): the quoted words alone
    quotes = found(
        "After weeks of talks with the unions, the school board, the parents and the teachers of the "
        'district, the mayor and the council are "ready to build," Okafor said.'
    )
    assert [q[3] for q in quotes] == ["ready to build"]


def test_an_opening_mark_typed_for_the_closing_one_closes_the_words_before_a_new_verb() -> None:
    quotes = found(
        "The campaign also called on the agency to conduct an “expedited review“ of the water system "
        "and said the state should act at once."
    )
    assert [q[1] for q in quotes] == ["mixed", "indirect"]
    assert quotes[0][3].endswith("“expedited review“ of the water system")
    assert quotes[1][3] == "the state should act at once"


def test_an_attribution_closed_by_a_colon_introduces_the_next_quote_not_the_words_before() -> None:
    quotes = found('After Kim said that the new plan would "cost a fortune," Lee said: "I do not believe it."')
    assert [(q[1], q[2], q[3]) for q in quotes] == [
        ("mixed", "Kim", 'the new plan would "cost a fortune,"'),
        ("direct", "Lee", "I do not believe it."),
    ]


def test_a_writers_sentence_before_an_attribution_without_a_colon_is_still_its_mixed_quote() -> None:
    quotes = found('This is a "raw time for the party," said Ann Kowalski. "We will recover."')
    assert [(q[0], q[2]) for q in quotes] == [("said_after+sentence", "Ann Kowalski")]
    assert quotes[0][3].startswith('This is a "raw time for the party,"')


def test_words_right_after_a_verb_of_speech_are_its_own_when_the_attribution_after_them_has_a_next_quote() -> None:
    quotes = found("When a man in the crowd shouted, “Lower taxes,” Okafor joked, again in a drawl, “Amen, brother!”")
    assert [(q[0], q[3]) for q in quotes] == [("said_before", "Lower taxes"), ("said_before", "Amen, brother!")]
    assert quotes[1][2] == "Okafor"


def test_an_attribution_with_no_next_quote_keeps_the_words_before_it() -> None:
    quotes = found(
        'After Kim accused him of sexism, he warned, "If they play that card, it will be fair game," '
        "Lee told a morning show when asked about it."
    )
    assert [(q[0], q[2], q[3]) for q in quotes] == [
        ("said_after", "Lee", "If they play that card, it will be fair game")
    ]


def test_a_thousands_comma_ends_no_phrase_after_quoted_words() -> None:
    quotes = found(
        "Eric Lee knocked a claim by the actor Sam Stone that an “obscene amount of money” was raised "
        "at his $353,000-a-plate dinner for Kim."
    )
    assert [q[3] for q in quotes] == ["an “obscene amount of money” was raised at his $353,000-a-plate dinner for Kim"]


def test_a_thousands_comma_is_no_comma_closing_a_participle_s_words() -> None:
    quotes = found("Citing 12,000 lost jobs, the mayor said the plan had failed.")
    assert [(q[0], q[3]) for q in quotes] == [
        ("participle_opening", "12,000 lost jobs"),
        ("reported_speech", "the plan had failed"),
    ]
