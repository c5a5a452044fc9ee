"""The review of the 14p14 quote changes (rv15b, issue 14) mended (session 14f14): the review's
own sentences and some written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the review's (F3: an IndexError aborted the article)
        ('Lee is playing " " with the council and "the council is playing games with our city" too.', "Lee"),
        # written here
        ("Kim is writing “ ” on the board and “nobody on this council listens to the harbor crews” too.", "Kim"),
        ("Ann Lee is playing '' '' with the board and ''the board has failed the harbor crews for years'' again.", "Ann Lee"),
    ],
)
def test_blank_quoted_words_after_a_progressive_are_no_scare_quote(sentence: str, speaker: str) -> None:
    quotes = found(sentence)
    assert [(rule, q_speaker) for rule, _, q_speaker, _ in quotes] == [("fragment_subject", speaker)]


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        # the review's (F6a)
        (
            'Lee is building a "dry port" near the border and a "logistics hub that will rival Dubai and Singapore" in the south.',
            "Lee",
            '"logistics hub that will rival Dubai and Singapore"',
        ),
        # written here
        (
            'Kim is planning a "harbor hub" by the river and a "market the whole coast will come to every weekend" downtown.',
            "Kim",
            '"market the whole coast will come to every weekend"',
        ),
    ],
)
def test_a_later_long_quote_is_not_dropped_with_the_first_scare_quote(sentence: str, speaker: str, words: str) -> None:
    quotes = found(sentence)
    assert len(quotes) == 1
    assert quotes[0][:3] == ("fragment_subject", "mixed", speaker)
    assert words in quotes[0][3]


def test_two_short_scare_quotes_after_a_progressive_are_still_no_quote() -> None:
    assert found('Kim is building a "dry port" near the border and a "mini-Dubai" in the south.') == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "text"),
    [
        # the review's (F6b, F6c)
        ('Lee was voicing "concern" about the plan.', "Lee", '"concern" about the plan'),
        ('Lee is offering "condolences" to the families.', "Lee", '"condolences" to the families'),
        ('The bank is signalling "patience" on rates.', "The bank", '"patience" on rates'),
        ('Critics are labelling it "theft."', "Critics", 'it "theft."'),
        # written here
        ('The mayor is welcoming "progress" in the harbor talks.', "The mayor", '"progress" in the harbor talks'),
        ('Kim is echoing "doubts" about the harbor plan.', "Kim", '"doubts" about the harbor plan'),
    ],
)
def test_a_progressive_of_expressing_keeps_its_short_quoted_object(sentence: str, speaker: str, text: str) -> None:
    assert found(sentence) == [("fragment_subject", "mixed", speaker, text)]
