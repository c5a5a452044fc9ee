"""The review of the 14f14 quote mends (rv15c, issue 14) mended (session 14g14): the review's
own sentences and variants written here (none from a corpus). Where the code before the mends
was right, it gives that answer again."""

from __future__ import annotations

import pytest

from tests.quote_rules import found

# R1: the opening phrase of a fronted report needs its own comma and no subject and verb inside


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D2 (14h14): the fronted report's bare-plural main clause is reverted to f2d8eeb; no general"
    " test tells a subject and verb from a phrase's '-s word + word', so the report runs on",
)
@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        # the review's
        (
            "While Lee said that in recent years prices rose sharply, critics disagree.",
            "Lee",
            "in recent years prices rose sharply",
        ),
        (
            "While Lee says that under the plan renters pay less, critics disagree.",
            "Lee",
            "under the plan renters pay less",
        ),
        ("While Lee says that in Leeds families struggle, officials disagree.", "Lee", "in Leeds families struggle"),
        ("While Lee says that on balance the tax helps, economists disagree.", "Lee", "on balance the tax helps"),
        (
            "Although police say that by midnight crowds had dispersed, witnesses describe clashes until dawn.",
            "police",
            "by midnight crowds had dispersed",
        ),
        ("While Lee said that in recent years, critics disagree.", "Lee", "in recent years"),
        # written here
        ("While Kim argued that in most towns buses run late, riders disagree.", "Kim", "in most towns buses run late"),
        (
            "Although the board says that across the county schools close early, parents disagree.",
            "the board",
            "across the county schools close early",
        ),
        (
            "While Kim says that since the strike ferries run late, crews disagree.",
            "Kim",
            "since the strike ferries run late",
        ),
        ("While Kim says that in most towns, riders disagree.", "Kim", "in most towns"),
    ],
)
def test_a_fronted_report_with_no_comma_after_its_phrase_ends_at_the_main_clause(
    sentence: str, speaker: str, words: str
) -> None:
    assert found(sentence) == [("reported_speech", "indirect", speaker, words)]


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D2 (14h14): the fronted report's bare-plural main clause is reverted to f2d8eeb; no general"
    " test tells a subject and verb from a phrase's '-s word + word', so the report runs on",
)
@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        # the review's: the second quote was lost in the first
        (
            "While Lee says that in most seasons tickets sell out, fans say prices are too high.",
            ("Lee", "in most seasons tickets sell out"),
            ("fans", "prices are too high"),
        ),
        # written here
        (
            "While Kim says that in most towns buses run late, riders say the fares are too high.",
            ("Kim", "in most towns buses run late"),
            ("riders", "the fares are too high"),
        ),
    ],
)
def test_the_main_clauses_report_after_a_comma_less_phrase_is_found(
    sentence: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert [(speaker, words) for _, _, speaker, words in found(sentence)] == [first, second]


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D2 (14h14): the fronted report's bare-plural main clause is reverted to f2d8eeb; no general"
    " test tells a subject and verb from a phrase's '-s word + word', so the report runs on",
)
@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "While the club says that in most seasons, tickets sell out, fans say prices are too high.",
            "in most seasons, tickets sell out",
        ),
        (
            "Although the board says that across the county, schools close early, parents disagree.",
            "across the county, schools close early",
        ),
    ],
)
def test_a_fronted_phrase_closed_by_its_own_comma_still_stays_in_the_report(sentence: str, words: str) -> None:
    # (the rv15b F4 mend, kept)
    assert found(sentence)[0][3] == words


# R2: after "said," only a verb of the report's own makes the name the report's subject


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D1 (14h14): a comma after the speech verb makes the attribution parenthetical (f2d8eeb's"
    " reported_speech.around reading); an interjected phrase or a subject after it glues the name to the report",
)
@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        # the review's
        (
            "Kim Park, a former agent for the port board said, in a statement, that the budget was a mess.",
            "Kim Park, a former agent for the port board",
            "the budget was a mess",
        ),
        (
            "Kim Park, a former agent for the port board said, however, that the budget was a mess.",
            "Kim Park, a former agent for the port board",
            "the budget was a mess",
        ),
        (
            "Kim Park, the chair of the port board said, on Monday, that fees would rise.",
            "Kim Park, the chair of the port board",
            "fees would rise",
        ),
        (
            "Kim Park, a lawyer for the family said, wrongly, that the man was guilty.",
            "Kim Park, a lawyer for the family",
            "the man was guilty",
        ),
        # written here
        (
            "Kim Park, a lawyer for the harbor crews said, in an email, that the vote was rigged.",
            "Kim Park, a lawyer for the harbor crews",
            "the vote was rigged",
        ),
        (
            "Kim Park, a lawyer for the harbor crews said, on Friday, that the vote was rigged.",
            "Kim Park, a lawyer for the harbor crews",
            "the vote was rigged",
        ),
    ],
)
def test_an_interjected_phrase_after_said_keeps_the_name_the_speakers(sentence: str, speaker: str, words: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", speaker, words)]


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D1 (14h14): a comma after the speech verb makes the attribution parenthetical (f2d8eeb's"
    " reported_speech.around reading); an interjected phrase or a subject after it glues the name to the report",
)
@pytest.mark.parametrize(
    "sentence",
    [
        # the review's
        "Kim Park, a lawyer for the family said, the man was guilty.",
        "Kim Park, a lawyer for the family said, he was innocent.",
        "Ann Lee, president and CEO of the Harbor Board stated, we will grow.",
        # written here
        "Kim Park, a lawyer for the harbor crews said, the vote was rigged.",
        "Kim Park, a lawyer for the harbor crews said, they were cheated.",
    ],
)
def test_a_subject_after_said_and_a_comma_glues_no_name_to_the_report(sentence: str) -> None:
    assert not any(words.startswith(("Kim Park", "Ann Lee")) for _, _, _, words in found(sentence))


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # the rv15b F1 mend, kept
        ("Real Madrid, a spokesman for the club said, will appeal the ban.", "Real Madrid will appeal the ban"),
        # written here
        ("Harbor United, a spokesman for the club said, had not been told.", "Harbor United had not been told"),
        ("Harbor United, a spokesman for the club said, would not comment.", "Harbor United would not comment"),
    ],
)
def test_a_verb_after_said_and_a_comma_still_makes_the_name_the_reports_subject(sentence: str, words: str) -> None:
    assert [w for _, _, _, w in found(sentence)] == [words]


# R3: after and before are subordinators when the phrase after them runs to the verb


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the review's
        ("After a man in a suit said the park was closed, the crowd left.", "a man in a suit"),
        ('After an old man with a cane said "Go home," the crowd left.', "an old man with a cane"),
        ("Before a man in a suit said the park was closed, the crowd was calm.", "a man in a suit"),
        ('After a man in a suit said: "The park is closed," the crowd left.', "a man in a suit"),
        # written here
        ("After a woman in a coat said the ferry was late, the crowd left.", "a woman in a coat"),
        ('Before a man with a badge said "Stop the ferry now," the crowd was calm.', "a man with a badge"),
        ("After a woman from the port said the ferry was late, the crowd left.", "a woman from the port"),
    ],
)
def test_a_subordinators_subject_with_a_preposition_is_whole(sentence: str, speaker: str) -> None:
    assert [q_speaker for _, _, q_speaker, _ in found(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the rv15b F2 mend, kept: a preposition's object before another subject
        ('After a meeting with the President Lee said: "We agreed on nothing."', "the President Lee"),
        ("After a meeting with the board the mayor said fees would rise.", "the board the mayor"),
    ],
)
def test_after_as_a_preposition_still_leaves_its_object_out(sentence: str, speaker: str) -> None:
    assert [q_speaker for _, _, q_speaker, _ in found(sentence)] == [speaker]


# R4: a title closes a vocative only after an honorific


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the review's
        ('Stephen King, a spokesman for the author said: "He is writing."', "Stephen King, a spokesman for the author"),
        ('Burger King, a spokesman for the chain said: "We are open."', "Burger King, a spokesman for the chain"),
        (
            'Mike Judge, a former agent for the port board said: "The budget is a mess."',
            "Mike Judge, a former agent for the port board",
        ),
        # written here
        ('Ann King, a spokeswoman for the harbor said: "We are ready."', "Ann King, a spokeswoman for the harbor"),
        ('Kim Bishop, a lawyer for the crews said: "We are ready."', "Kim Bishop, a lawyer for the crews"),
    ],
)
def test_a_surname_that_is_a_title_is_still_a_name(sentence: str, speaker: str) -> None:
    assert [q_speaker for _, _, q_speaker, _ in found(sentence)] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Speaker, the member for Bath said the bill was flawed.",
        "Madam Chair, the member for Leeds said the bill was flawed.",
        "Mister Speaker, the member for Leeds said the bill was flawed.",
    ],
)
def test_a_vocative_after_an_honorific_is_still_left_out(sentence: str) -> None:
    member = sentence.split(", ", 1)[1].split(" said")[0]  # ('the member for Bath')
    assert [q_speaker for _, _, q_speaker, _ in found(sentence)] == [member]


# R5: later quoted words cancel the scare-quote test only with no other clause between


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D3 (14h14): a progressive's candidate holding quoted words of more than two words stands as"
    " f2d8eeb made it; another subject's clause between is not told apart",
)
@pytest.mark.parametrize(
    "sentence",
    [
        # the review's
        'The government is pursuing a "hostile environment" policy that critics say is "cruel and inhumane."',
        'Lee is playing "hardball" with the council, and the council is "not amused at all by it."',
        'The president is pursuing "maximum pressure" on Iran, which he says will "bring them to the table."',
        # written here
        'The board is pursuing a "clean harbor" plan that crews say is "a waste of everyone\'s time."',
        'Kim is playing "hardball" with the crews, and the crews are "tired of the whole business."',
        'The mayor is pushing "fare freeze" rules, which she says will "help every family in the city."',
    ],
)
def test_another_subjects_words_after_a_scare_quote_are_not_the_progressives(sentence: str) -> None:
    assert not any(rule == "fragment_subject" for rule, _, _, _ in found(sentence))


def test_a_later_long_quote_in_the_same_clause_still_cancels_the_scare_test() -> None:
    # (the rv15b F6a mend, kept)
    sentence = 'Kim is building a "ferry hub" near the pier and a "market the whole coast will come to" downtown.'
    assert [(rule, speaker) for rule, _, speaker, _ in found(sentence)] == [("fragment_subject", "Kim")]
