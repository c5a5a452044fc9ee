"""The ``characterising`` rule: a verb that characterises, with the speaker's own words quoted
after it. The sentences are the examples the rule's comments give."""

from __future__ import annotations

import pytest

from tests.quote_rules import found, only, vetoes


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('Trump called the plan "a total disaster" on Monday.', "Trump", 'the plan "a total disaster"'),
        ('Senator Ann Lee, who called the bill "a gift to lobbyists," voted against it.', "Senator Ann Lee",
         'the bill "a gift to lobbyists,"'),
        ('Jones took the floor and called the bill "a gift to lobbyists" in a long speech.', "Jones",
         'the bill "a gift to lobbyists"'),
        ('Voters were angry after the mayor described the plan as "a gift to developers" on Monday.', "the mayor",
         'the plan as "a gift to developers"'),
        # the subject of a relative clause characterises
        ('Bayport holds the fair to shed what Mayor Lee called "a perception problem."', "Mayor Lee",
         '"a perception problem."'),
        ('Observers walked with the marchers, whom Lee described as "peaceful," all day.', "Lee", 'as "peaceful,"'),
    ],
)  # fmt: skip
def test_characterising(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("characterising", "mixed", speaker, words)


def test_a_characterising_verb_without_quoted_words_is_no_candidate() -> None:
    sentence = "Trump attacked the plan on Monday."
    assert found(sentence) == []
    assert vetoes(sentence) == []  # (a quiet veto: nothing to explain)


def test_the_object_before_quoted_words_is_no_speaker() -> None:
    assert ("characterising", "object_not_subject") in vetoes('The Fed kept rates "on hold" again this month.')


def test_characterising_ends_before_the_next_report() -> None:
    # the words end before the next speech or characterising verb, which reports on its own
    assert found(
        'Lee also attacked the mayor, with whom she clashed at the debate over the ferry, calling him a "loser."'
    ) == [("characterising", "mixed", "Lee", 'him a "loser."')]
    quotes = found('Lee referred to Park as "a bright leader" but described his plan as a "work in progress."')
    assert quotes[0] == ("characterising", "mixed", "Lee", 'to Park as "a bright leader"')


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # the phrase completing the quoted words runs on to a comma, a conjunction or the end
        (
            'The mayor called the deal "a big step forward" in the effort to clean the harbor, praising the council.',
            'the deal "a big step forward" in the effort to clean the harbor',
        ),
        (
            'Ms. Ortiz called the plan "a mistake" because few people live near the site.',
            'the plan "a mistake" because few people live near the site',
        ),
        # an occasion of the saying is no part of the words
        (
            'Ms. Ortiz called the plan "a costly mistake" during a campaign stop in Bayport.',
            'the plan "a costly mistake"',
        ),
        ('Ms. Ortiz called the plan "a costly mistake" and left the room.', 'the plan "a costly mistake"'),
    ],
)
def test_a_characterisation_ends_with_the_phrase_its_quoted_words_open(sentence: str, words: str) -> None:
    assert only(sentence)[:2] == ("characterising", "mixed")
    assert only(sentence)[3] == words
