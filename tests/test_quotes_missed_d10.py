"""Direct quotes the rules missed entirely, fifth round (issue 14, session 14d10): each rule or
widening kept, on sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found, only


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        # one word quoted after a one-word object: two words are enough when a name is given
        ('For that she drew the coach\'s anger - he called her "weak" and said nothing more.', "he", 'her "weak"'),
        ('The senator blasted the toll on Monday, calling it "absurd."', "The senator", 'it "absurd."'),
    ],
)  # fmt: skip
def test_characterising_a_short_object_with_one_quoted_word(sentence: str, speaker: str, words: str) -> None:
    assert ("characterising", "mixed", speaker, words) in found(sentence)


def test_characterising_needs_the_quoted_words_in_its_piece() -> None:
    # the quoted word opens the direct quote the attribution after it makes: the verb's object
    # alone ('the mayor') is no characterisation
    sentence = 'Lee went after Park, calling the mayor “unhinged.” “So Park is great at one-liners,” Lee added.'
    assert found(sentence) == [("said_after", "direct", "Lee", "unhinged. So Park is great at one-liners")]


def test_a_name_in_one_word_stays_a_name_without_a_short_object() -> None:
    # no object before the quoted word: the old three-word floor holds
    assert not any(rule == "characterising" for rule, *_ in found('Critics called "Lee" a pseudonym.'))


@pytest.mark.parametrize(
    "sentence",
    [
        'Monday night, the mayor toured the harbor and accused the port board of "sleeping on the job."',
        'Yesterday, the mayor toured the harbor and accused the port board of "sleeping on the job."',
    ],
)
def test_a_day_opening_the_sentence_is_no_part_of_its_subject(sentence: str) -> None:
    # ('Monday night,' introduces the sentence like 'On Monday,'; the subject after it speaks)
    assert only(sentence) == ("characterising", "mixed", "the mayor", 'the port board of "sleeping on the job."')


@pytest.mark.parametrize(
    ("sentence", "cue", "words"),
    [
        ('Lee also suggested taking action against the board after the vote: "They ought to look into it."',
         "also suggested", "They ought to look into it."),
        ('Lee recalled the long pay freeze at the depot: "I saw how hard it was for the drivers."', "recalled",
         "I saw how hard it was for the drivers."),
    ],
)  # fmt: skip
def test_a_speech_verb_with_its_object_then_a_colon_opens_a_quote(sentence: str, cue: str, words: str) -> None:
    # said_before leaves the words between the verb and the colon to verb_before, which reads
    # the speech verb as any verb's: the quote a sentence of its own, the subject one who speaks
    assert only(sentence) == ("verb_before", "direct", "Lee", words)


def test_a_speech_verb_with_its_object_then_a_title_is_still_no_quote() -> None:
    assert found('Lee recalled her favourite show: "Breaking Bad."') == []
