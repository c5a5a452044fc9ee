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
        ("Ann Lee is playing '' '' with the board and ''the board has failed the crews for years'' again.", "Ann Lee"),
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
            'Lee is building a "dry port" near the border and a "logistics hub that will rival Dubai and Singapore"'
            " in the south.",
            "Lee",
            '"logistics hub that will rival Dubai and Singapore"',
        ),
        # written here
        (
            'Kim is planning a "harbor hub" by the river and a "market the whole coast will come to" downtown.',
            "Kim",
            '"market the whole coast will come to"',
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


@pytest.mark.parametrize(
    ("sentence", "speaker", "text"),
    [
        # the review's (F1)
        (
            "Real Madrid, coach Carlo Ancelotti said, will not sell Vinicius this summer.",
            "coach Carlo Ancelotti",
            "Real Madrid will not sell Vinicius this summer",
        ),
        ("Lee Park, the head of the union said, was a tough negotiator.", "the head of the union",
         "Lee Park was a tough negotiator"),
        # written here
        (
            "Harbor Board, chair Ann Kim said, will vote on the port plan next week.",
            "chair Ann Kim",
            "Harbor Board will vote on the port plan next week",
        ),
        ("Kim Park, a lawyer for the crews said, was never told about the audit.", "a lawyer for the crews",
         "Kim Park was never told about the audit"),
    ],
)  # fmt: skip
def test_a_name_before_a_parenthetical_attribution_is_the_report_s_subject(
    sentence: str, speaker: str, text: str
) -> None:
    assert found(sentence) == [("reported_speech.around", "indirect", speaker, text)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the review's (F5)
        ("Unlike Ann Lee, the head of the union said the deal was fair.", "the head of the union"),
        ("Outside City Hall, a spokesman for the mayor said the protest was peaceful.", "a spokesman for the mayor"),
        ("Mr. Speaker, the member for Bath said the bill was a disgrace.", "the member for Bath"),
        ('Real Madrid, coach Carlo Ancelotti said: "We will not sell Vinicius."', "coach Carlo Ancelotti"),
        ("NEW YORK, a spokesman for the mayor said on Tuesday that the subway was safe.", "a spokesman for the mayor"),
        # written here
        ("Beyond Harbor Point, a pilot with the port board said the channel was clear.", "a pilot with the port board"),
        ("Madam Chair, the member for Leeds said the motion was flawed.", "the member for Leeds"),
        ('Harbor Board, chair Ann Kim said: "We will vote next week."', "chair Ann Kim"),
        ("PORT TOWN, a pilot for the port said on Monday that the channel was clear.", "a pilot for the port"),
    ],
)  # fmt: skip
def test_an_opener_a_vocative_or_a_dateline_is_no_name_of_the_speaker(sentence: str, speaker: str) -> None:
    assert [q[2] for q in found(sentence)] == [speaker]


def test_a_name_before_its_open_apposition_and_a_direct_quote_still_joins_it() -> None:
    assert found('Ann Lee, president and CEO of the Harbor Board stated, "We will grow."')[0][2] == (
        "Ann Lee, president and CEO of the Harbor Board"
    )


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the review's (F2)
        ("In a statement on Monday the company said it would cut 500 jobs.", "the company"),
        ("In an interview on Sunday Lee said she would not run again.", "Lee"),
        # written here
        ("In a letter on Friday the harbor board said the port would close.", "the harbor board"),
        ("After a meeting on Tuesday Kim said the talks had gone well.", "Kim"),
        ("In statements on Monday the crews said the port was unsafe.", "the crews"),
    ],
)
def test_a_fronted_preposition_s_phrase_is_no_subject(sentence: str, speaker: str) -> None:
    assert [q[2] for q in found(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('A man in the crowd shouted "Go home!" as the mayor spoke.', "A man in the crowd"),
        ("Then a woman from the harbor said the crews had left.", "a woman from the harbor"),
    ],
)
def test_a_head_before_its_preposition_still_is_the_speaker(sentence: str, speaker: str) -> None:
    assert [q[2] for q in found(sentence)] == [speaker]


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D2 (14h14): the fronted report's bare-plural main clause is reverted to f2d8eeb; no general"
    " test tells a subject and verb from a phrase's '-s word + word', so the report runs on",
)
@pytest.mark.parametrize(
    ("sentence", "speaker", "text"),
    [
        # the review's (F4)
        ("While Lee said that in recent years, prices rose sharply, critics disagree.", "Lee",
         "in recent years, prices rose sharply"),
        ("Although police say that by midnight, crowds had dispersed, witnesses describe clashes until dawn.",
         "police", "by midnight, crowds had dispersed"),
        # written here
        ("While the port board says that in most years, ships dock on time, crews disagree.",
         "the port board", "in most years, ships dock on time"),
        ("Although Kim said that under the harbor plan, fees fell, pilots disagree.", "Kim",
         "under the harbor plan, fees fell"),
    ],
)  # fmt: skip
def test_a_fronted_report_s_own_opening_phrase_does_not_end_it(sentence: str, speaker: str, text: str) -> None:
    assert found(sentence)[0] == ("reported_speech", "indirect", speaker, text)


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D2 (14h14): the fronted report's bare-plural main clause is reverted to f2d8eeb; no general"
    " test tells a subject and verb from a phrase's '-s word + word', so the report runs on",
)
def test_a_fronted_report_still_ends_before_a_bare_plural_subject() -> None:
    assert found("While Kim says the harbor fee will help crews, pilots disagree.") == [
        ("reported_speech", "indirect", "Kim", "the harbor fee will help crews")
    ]
