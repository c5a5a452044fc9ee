"""Mixed quotes' bounds and speakers in reported speech (issue 14, round 14m10), each on a
sentence written here: a relative clause of the speaker's own report, a characterisation after
`but` or a subordinate clause, a phrase with `on` after the quoted words."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("sentence", "reported", "mixed"),
    [
        (
            "Lee said the council would approve the budget, which he called “a total disaster” for the city.",
            "the council would approve the budget",
            "“a total disaster” for the city",
        ),
        (
            'Ortiz said the shelter had taken in forty dogs, which she described as "more than we can feed."',
            "the shelter had taken in forty dogs",
            '"more than we can feed."',
        ),
        (
            "Grant says the board met twice in May, which Grant later branded “a waste of everyone’s time.”",
            "the board met twice in May",
            "“a waste of everyone’s time.”",
        ),
    ],
)
def test_a_relative_clause_of_the_speakers_own_report_ends_the_reported_words(
    sentence: str, reported: str, mixed: str
) -> None:
    quotes = found(sentence)
    speaker = sentence.split()[0]
    assert quotes[0] == ("reported_speech", "indirect", speaker, reported)
    assert [kind for _, kind, _, _ in quotes[1:]] == ["mixed"]
    assert mixed in quotes[1][3]


def test_a_relative_clause_of_someone_elses_words_stays_in_the_reported_words() -> None:
    # no speech or characterising verb after the pronoun and its subject: the reported words go on
    quotes = found("Lee said the council passed the budget, which he thinks was a mistake.")
    assert quotes[0][1] == "indirect"
    assert quotes[0][3].endswith("which he thinks was a mistake")


def test_a_relative_clause_inside_quoted_words_is_not_cut() -> None:
    quotes = found('Lee said the plan was "a budget, which he called fair, for the city."')
    assert len(quotes) == 1
    assert quotes[0][1] == "mixed"
    assert "for the city" in quotes[0][3]


def test_a_characterisation_after_but_shares_the_sentences_subject() -> None:
    assert found("Cho had not read the report but called it a “starting point for talks.”") == [
        ("characterising", "mixed", "Cho", "it a “starting point for talks.”")
    ]


def test_a_coordinated_characterisation_shares_the_subject_of_its_own_clause() -> None:
    # 'when Lee lamented ... and criticized ...': Lee, not the sentence's subject
    quotes = found(
        "The worry about the vote grew on Monday when Mayor Ann Lee of Dover lamented the"
        ' "grim" mood of the race and criticized the "petty feuds" of the council.'
    )
    assert [(rule, speaker) for rule, _, speaker, _ in quotes] == [
        ("reported_speech", "Mayor Ann Lee of Dover"),
        ("characterising", "Mayor Ann Lee of Dover"),
    ]


def test_a_preposition_is_not_read_as_a_subordinator() -> None:
    # 'after a lunch' is no clause: the speaker is the sentence's subject
    assert found('After a long lunch, Kerr had not read the plan but called it "a fair start."') == [
        ("characterising", "mixed", "Kerr", 'it "a fair start."')
    ]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            'Ortiz called the levy "a heavy burden" on the town’s small farms.',
            'the levy "a heavy burden" on the town’s small farms',
        ),
        ('Ortiz called the levy "a heavy burden" on Dover’s farms.', 'the levy "a heavy burden" on Dover’s farms'),
        ('Ortiz called the levy "a heavy burden" on Monday.', 'the levy "a heavy burden"'),
        ('Ortiz called the levy "a heavy burden" on Twitter.', 'the levy "a heavy burden"'),
        ('Ortiz called the levy "a heavy burden" on his radio show.', 'the levy "a heavy burden"'),
    ],
)
def test_a_phrase_with_on_completes_the_quoted_words_unless_it_names_an_occasion(sentence: str, words: str) -> None:
    assert found(sentence) == [("characterising", "mixed", "Ortiz", words)]
