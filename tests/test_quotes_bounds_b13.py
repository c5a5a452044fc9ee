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
