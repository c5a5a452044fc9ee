"""Mixed quotes' bounds inside reported speech (issue 14, round 14m10), each on a sentence
written here: a relative clause of the speaker's own report (``..., which he called "a
disaster"``) is a quote of its own, not the end of the reported words before it."""

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


@pytest.mark.parametrize(
    ("sentence", "reported", "mixed"),
    [
        (
            "Cho said he had not read the report, but called it a “starting point for talks.”",
            "he had not read the report",
            "it a “starting point for talks.”",
        ),
        (
            "Vance said the county had lost money for years, calling the audit “a long overdue wake-up call.”",
            "the county had lost money for years",
            "the audit “a long overdue wake-up call.”",
        ),
        (
            'Ruiz said the talks had stalled, dismissing the offer as "a bad joke."',
            "the talks had stalled",
            'the offer as "a bad joke."',
        ),
    ],
)
def test_quoted_words_of_a_second_report_are_a_quote_of_their_own(sentence: str, reported: str, mixed: str) -> None:
    speaker = sentence.split()[0]
    assert found(sentence) == [
        ("reported_speech", "indirect", speaker, reported),
        ("characterising", "mixed", speaker, mixed),
    ]


def test_quoted_words_before_the_second_report_keep_the_reported_words_whole() -> None:
    # the first report holds quoted words of its own: the words are not cut
    quotes = found('Park said the town "needs a bridge" soon, but called the plan "too costly."')
    assert quotes[0][:3] == ("reported_speech", "mixed", "Park")
    assert quotes[0][3].startswith('the town "needs a bridge"')


def test_a_second_speech_verb_opening_a_direct_quote_is_not_cut_before() -> None:
    quotes = found('The mayor said it was too early to name winners but added, "I think you all know the results."')
    assert [kind for _, kind, _, _ in quotes] == ["mixed"]
    assert quotes[0][3].endswith('"I think you all know the results."')


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
    quotes = found('After a long lunch, Kerr said he had not read the plan but called it "a fair start."')
    assert [(rule, speaker) for rule, _, speaker, _ in quotes] == [
        ("reported_speech", "Kerr"),
        ("characterising", "Kerr"),
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
