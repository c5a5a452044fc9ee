"""The review of the session's whole quote change (rv15e, issue 14) answered (session 14i14): the
review's sentences and variants written here (none from a corpus). Where the code at the session's
start was right, it gives that answer again (or the expected one)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found

# E1: according_to's report of two words keeps its quote when a next clause with a cue follows


@pytest.mark.parametrize(
    ("sentence", "source", "words", "other"),
    [
        # the review's
        (
            "Turnout fell, according to officials, but the party said it was pleased.",
            "officials",
            "Turnout fell",
            ("the party", "it was pleased"),
        ),
        (
            "Thousands marched, according to police, while organisers said the crowd was 50,000.",
            "police",
            "Thousands marched",
            ("organisers", "the crowd was 50,000"),
        ),
        (
            "Two died, according to police, and medics said a third was critical.",
            "police",
            "Two died",
            ("medics", "a third was critical"),
        ),
        # written here
        (
            "Fares rose, according to the regulator, but the union said it would strike.",
            "the regulator",
            "Fares rose",
            ("the union", "it would strike"),
        ),
    ],
)
def test_two_word_report_before_a_next_clause_with_a_cue(
    sentence: str, source: str, words: str, other: tuple[str, str]
) -> None:
    quotes = found(sentence)
    assert ("according_to", "indirect", source, words) in quotes
    assert [q[2:] for q in quotes if q[0] != "according_to"] == [other]


@pytest.mark.parametrize(
    ("sentence", "source", "words"),
    [
        ("Prices rose, according to the agency, and economists warned of more pain.", "the agency", "Prices rose"),
        ("Thousands marched, according to police, while organisers said.", "police", "Thousands marched"),
        ("Rents fell, according to the council, and landlords said.", "the council", "Rents fell"),
    ],
)
def test_two_word_report_kept_when_the_next_clause_gives_no_quote(sentence: str, source: str, words: str) -> None:
    assert found(sentence) == [("according_to", "indirect", source, words)]


def test_two_word_report_beside_a_direct_quote_in_the_next_clause() -> None:
    quotes = found('Turnout fell, according to officials, but the party says: "We are pleased."')
    assert ("according_to", "indirect", "officials", "Turnout fell") in quotes
    assert ("said_before", "direct", "the party", "We are pleased.") in quotes


def test_next_clause_without_a_cue_still_runs_on() -> None:
    # (the control: no cue in the next clause, the words go on as before)
    assert found("Turnout fell, according to officials, but the party was pleased.") == [
        ("according_to", "indirect", "officials", "Turnout fell but the party was pleased")
    ]


# E3: a trailing attribution closing the next clause after according_to's source


@pytest.mark.parametrize(
    ("sentence", "source", "words", "speaker", "report"),
    [
        # the review's
        (
            "The plant will close, according to a memo, and it will cut 500 jobs, a spokesman said.",
            "a memo",
            "The plant will close",
            "a spokesman",
            "it will cut 500 jobs",
        ),
        (
            "Lee resigned on Monday, according to a statement, and she will leave next month, the statement said.",
            "a statement",
            "Lee resigned on Monday",
            "the statement",
            "she will leave next month",
        ),
        # written here
        (
            "The mill will shut, according to the owners, but the staff will be paid, the union said.",
            "the owners",
            "The mill will shut",
            "the union",
            "the staff will be paid",
        ),
    ],
)
def test_trailing_report_after_according_to_next_clause(
    sentence: str, source: str, words: str, speaker: str, report: str
) -> None:
    assert found(sentence) == [
        ("according_to", "indirect", source, words),
        ("reported_speech.trailing", "indirect", speaker, report),
    ]


# E2: no name of a day, an event or a place joined to the speaker's apposition


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the review's
        ("Christmas Day, a spokesman for the police said the roads were quiet.", "a spokesman for the police"),
        ("Christmas Eve, a spokesman for the police said the roads were quiet.", "a spokesman for the police"),
        (
            "New Year's Day, a spokesman for the ambulance service said the roads were quiet.",
            "a spokesman for the ambulance service",
        ),
        ("Election Day, a spokesman for the board said turnout was high.", "a spokesman for the board"),
        ("Thanksgiving Day, a spokeswoman for the airline said flights were full.", "a spokeswoman for the airline"),
        ("Bonfire Night, a spokesman for the fire service said calls were up.", "a spokesman for the fire service"),
        ("Election Night, a spokesman for the board said turnout was high.", "a spokesman for the board"),
        ("Operation Sindoor, a spokesman for the army said the strikes had ended.", "a spokesman for the army"),
        ("Wall Street, an analyst at Barclays said the rally would fade.", "an analyst at Barclays"),
        ('Christmas Day, a spokesman for the police said, "The roads were quiet."', "a spokesman for the police"),
        (
            "Independence Day, an official with the park service said crowds were large.",
            "an official with the park service",
        ),
        (
            "Hurricane Milton, an official with the county said the storm would hit on Wednesday.",
            "an official with the county",
        ),
        # written here
        ("Harbor Road, a spokesman for the council said the works would end soon.", "a spokesman for the council"),
        ("Boxing Day, spokesman for the police Tom Reed said the roads were quiet.", None),
    ],
)
def test_day_event_or_place_not_joined_to_the_speaker(sentence: str, speaker: str | None) -> None:
    quotes = found(sentence)
    assert quotes
    for quote in quotes:
        mention = quote[2]
        assert mention is not None
        assert "Day" not in mention and "Street" not in mention and "Road" not in mention
        assert "Night" not in mention and "Operation" not in mention and "Hurricane" not in mention
        assert "Eve" not in mention
        if speaker is not None:
            assert mention == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Kim Park, a former agent for the port board said the deal was off.",
            "Kim Park, a former agent for the port board",
        ),
        ("Ann Lee, chief executive of Acme said profits would rise.", "Ann Lee, chief executive of Acme"),
        ('Ann Lee, a director at Acme said, "We will grow."', "Ann Lee, a director at Acme"),
        # an honorific marks a person's name, whatever its words
        ("Mr. Day, a lawyer for the family said the case was weak.", "Mr. Day, a lawyer for the family"),
    ],
)
def test_person_name_still_joined(sentence: str, speaker: str) -> None:
    assert [q[2] for q in found(sentence)] == [speaker]


def test_one_word_before_the_source_is_no_report() -> None:
    # (two words at least: a lone word before the source is an interjection or an adverb)
    quotes = found("Overall, according to the poll, and voters said they were tired.")
    assert quotes == [("reported_speech", "indirect", "voters", "they were tired")]
