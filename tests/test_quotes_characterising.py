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


@pytest.mark.parametrize(
    "sentence",
    [
        'At one point, more than 500 workers were part of a "launch team" for the merger.',
        'Low interest rates — both forms of "printing money" — lift growth in a slump.',
        'At some later point, the two firms formed a "joint venture" in the harbor.',
    ],
)
def test_a_characterising_word_whose_words_open_with_a_comma_or_a_dash_is_a_noun(sentence: str) -> None:
    assert found(sentence) == []
    assert ("characterising", "noun_not_verb") in vetoes(sentence)


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        # the quote the sentence's own verb makes after the noun's phrase
        ('At one point, Cruz coached Trump to "breathe, breathe, breathe."',
         ("fragment_subject", "mixed", "Cruz", 'Trump to "breathe, breathe, breathe."')),
        ('At one point, the mayor said, "We will win."', ("said_before", "direct", "the mayor", "We will win.")),
        # a characterising verb with its object, after an aside or with a short quote
        ('Lee, in a speech, called the plan "a disaster."',
         ("characterising", "mixed", "Lee", 'the plan "a disaster."')),
        ('Lee called it "absurd."', ("characterising", "mixed", "Lee", 'it "absurd."')),
        ('Lee described the plan as "bold" on Monday.', ("characterising", "mixed", "Lee", 'the plan as "bold"')),
        ('Asked about the plan, Lee called it "a start."', ("characterising", "mixed", "Lee", 'it "a start."')),
        ('The mayor, speaking on Monday, described the levy as "fair."',
         ("characterising", "mixed", "The mayor", 'the levy as "fair."')),
        ('Why did Lee call the plan "a disaster"?', ("characterising", "mixed", "Lee", 'the plan "a disaster"')),
    ],
)  # fmt: skip
def test_a_characterising_verb_with_its_object_or_another_verb_after_the_noun_still_quotes(
    sentence: str, quote: tuple[str, str, str, str]
) -> None:
    assert only(sentence) == quote


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('It was what he called, twice, "a hoax."', "he"),
        ('Kim, whom Lee has called, more than once, "a traitor," denied it.', "Lee"),
        ('That is what Lee termed, in a 2019 essay, "the quiet crisis."', "Lee"),
        ('What the mayor described — correctly — as "a crisis" has deepened.', "the mayor"),
        ('Many people call, mistakenly, the virus "the flu."', "Many people"),
    ],
)
def test_a_characterising_verb_whose_object_follows_a_closed_aside_still_quotes(sentence: str, speaker: str) -> None:
    # (review rv18p: a comma or a dash opening an aside is no sign of a noun)
    rule, kind, who, _ = only(sentence)
    assert (rule, kind, who) == ("characterising", "mixed", speaker)
