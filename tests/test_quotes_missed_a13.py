"""Direct quotes missed entirely, ninth round (issue 14, session 14a13); each rule kept, on
sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the noun's phrase as the sentence's subject: its words end at the closing mark where the
        # main verb follows (the verb is not a noun the quoted words qualify)
        ('Ann Lee\'s claim that the vote was "rigged" was false.', ("Ann Lee", 'that the vote was "rigged"')),
        ('Mayor Kim\'s plea for "calm and patience" went unheard.', ("Mayor Kim", '"calm and patience"')),
        ('But Kim Lee\'s promise that the pier "will reopen soon" proved hollow.',
         ("Kim Lee", 'that the pier "will reopen soon"')),
        ('Still, the senator\'s call for "a fresh count" fell flat.', ("the senator", '"a fresh count"')),
        # not the subject: the phrase still runs on to the clause's end
        ('The debate turned on Kim Lee\'s claim that the board "never met once" in ten years.',
         ("Kim Lee", 'that the board "never met once" in ten years')),
    ],
)  # fmt: skip
def test_a_speech_noun_phrase_as_subject_ends_before_the_main_verb(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_speech_noun"]
    assert made == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Ann Lee\'s campaign called the report a "rush to judgment," since the count went on.',
         ("Ann Lee's campaign", 'the report a "rush to judgment,"')),
        ('Kim’s lawyers dismissed the claim as “a fishing trip.”', ("Kim’s lawyers", "the claim as “a fishing trip.”")),
        ('Reyes\' campaign manager branded the plan "a tax on the docks."',
         ("Reyes' campaign manager", 'the plan "a tax on the docks."')),
    ],
)  # fmt: skip
def test_a_possessor_and_a_noun_that_speaks_are_the_subject(sentence: str, expected: tuple[str, str]) -> None:
    assert [(speaker, words) for _, _, speaker, words in found(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a thing the possessor owns does not speak: no quote at all
        ('Lee\'s plan would cost "far too much."', []),
        # a contraction, no possessor: the speaker is the one after the quote, not 'It's'
        ('It\'s a "rush to judgment," the board wrote.',
         [("said_after+sentence", "mixed", "the board", 'It\'s a "rush to judgment,"')]),
        ('Kim\'s boat would cost "far too much."', []),  # (rv14b: the test asserts the whole output)
    ],
)  # fmt: skip
def test_a_possessor_and_a_thing_is_no_subject(sentence: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert found(sentence) == expected


def test_a_subject_then_a_relative_clause_set_off_by_commas_keeps_its_verb() -> None:
    sentence = 'On the call, Rep. Ann Lee, who was elected in 2010, casts Kim as a convert who would "undo" the plan.'
    expected = ("fragment_subject", "mixed", "Rep. Ann Lee", 'Kim as a convert who would "undo" the plan')
    assert expected in found(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Speaking to reporters in Bayport, which hosts the vote next week, Lee praised Kim as "a steady hand" '
         'but described his plan as a "work in progress."', ("Lee", 'his plan as a "work in progress."')),
        ('At a stop in Bayport, where the pier closed in May, Ann Lee thanked the crew but blamed the board for '
         '"endless delays."', ("Ann Lee", 'the board for "endless delays."')),
    ],
)  # fmt: skip
def test_a_shared_subject_after_a_long_introduction(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_shared_subject"]
    assert made == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Ann Lee is questioning whether the board would have met "if it were held on the pier."',
         ("Ann Lee", 'whether the board would have met "if it were held on the pier."')),
        ('Council member Ann Lee is seeking "bold ideas for the pier" from residents.',
         ("Council member Ann Lee", '"bold ideas for the pier" from residents')),
        ('Ann Lee was quick to dismiss the report as "a fairy tale."', ("Ann Lee", 'the report as "a fairy tale."')),
        ('Ann Lee is expected to announce a "major shift" on Monday.', ("Ann Lee", 'a "major shift"')),
    ],
)  # fmt: skip
def test_a_progressive_verb_of_a_subject_that_speaks(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_subject"]
    assert made == [expected]


def test_a_relative_clause_s_pronoun_is_no_progressive_subject() -> None:
    # 'I was talking to' is a relative clause of 'The editor': no subject of the sentence
    sentence = 'The editor I was talking to cut in with "a word of warning."'
    assert not any(r == "fragment_subject" for r, _, _, _ in found(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Much of the anger was aimed at Park, who Lee on Monday called "a menace to the docks."',
         ("Lee", '"a menace to the docks."')),
        ('The break was complete when Lee in her first speech called the harbor board "a gang of thieves" and left.',
         ("Lee", 'the harbor board "a gang of thieves"')),
    ],
)  # fmt: skip
def test_a_clause_s_subject_with_an_adjunct_before_its_verb(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_clause"]
    assert made == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # after 'and' the clause's subject is not read past an adjunct
        'First, she and other members on the stage refused to say the words "harbor tax," a slip.',
        # a named owner's noun of speech after the verb: not the clause's subject's words
        'The mayor was angry when Lee on Monday mocked Kim\'s claim that the pier "never flooded."',
    ],
)
def test_no_clause_subject_past_an_adjunct(sentence: str) -> None:
    assert not any(r == "fragment_clause" for r, _, _, _ in found(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('The dock workers greeted her with shouts of "shame on you" at the gate.',
         ("said_before", "direct", "The dock workers", "shame on you")),
        ('The union members greeted the mayor with a loud chant of "open the pier" on Monday.',
         ("said_before", "direct", "The union members", "open the pier")),
    ],
)  # fmt: skip
def test_a_noun_of_saying_then_of_and_the_words(sentence: str, expected: tuple[str, str, str, str]) -> None:
    assert found(sentence) == [expected]


def test_words_heard_as_a_chant_of_are_not_the_hearer_s() -> None:
    assert found('Ann Lee heard a chorus of "shame on you" at the gate.') == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Ann Lee\'s "forty percent" comment was nearly as harsh.', ("Ann Lee", '"forty percent"')),
        ('It is the pull of Kim\'s "if you like your boat, you can keep it" promise: many kept their boats.',
         ("Kim", '"if you like your boat, you can keep it"')),
    ],
)  # fmt: skip
def test_quoted_words_between_a_possessor_and_a_noun_of_speech(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_owner_quote_noun"]
    assert made == [expected]


def test_a_thing_s_quoted_noun_of_speech_has_no_speaker() -> None:
    assert found('The plan\'s "green harbor" promise faded by May.') == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('The pier will reopen in May, port director Ann Lee said. "We have the money and the crews."',
         "port director Ann Lee"),
        ('"We have the money and the crews," harbor board chairman Ann Lee said.', "harbor board chairman Ann Lee"),
    ],
)  # fmt: skip
def test_a_role_of_two_or_three_words_in_lower_case_before_a_name(sentence: str, speaker: str) -> None:
    assert [s for _, _, s, _ in found(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Praising the crews as "the best in the state," Lee thanked the board.',
         ("Lee", 'the crews as "the best in the state,"')),
        ('Acknowledging that the plan "costs a lot of money," though, Lee did suggest the pier needs it.',
         ("Lee", 'that the plan "costs a lot of money,"')),
    ],
)  # fmt: skip
def test_quoted_words_in_an_opening_participle_s_clause(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_opening_participle"]
    assert made == [expected]


def test_an_opening_participle_s_clause_running_on_past_the_quote_is_left() -> None:
    assert found('Wearing a "Save the Pier" hat, Lee spoke first.') == []


def test_a_subject_then_an_aside_between_dashes_keeps_its_verb() -> None:
    sentence = 'Ann Lee — who chairs the board — dismissed the plan as "a land grab by the port."'
    expected = ("fragment_subject", "mixed", "Ann Lee — who chairs the board", 'the plan as "a land grab by the port."')
    assert found(sentence) == [expected]
    # a thing cannot speak, with or without its aside
    assert found('The pier — built in 1910 — was called "a wreck" by the board.') == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('The race is hard for Lee, who could be celebrating being named the "likely winner" even as she loses.',
         ("fragment_who", "Lee", 'being named the "likely winner"')),
        ('Ann Lee will be seeking "bold ideas for the pier" from residents.',
         ("fragment_subject", "Ann Lee", '"bold ideas for the pier" from residents')),
        ('The mayor also is reported to have called the board "free riders" who rely on the city.',
         ("fragment_subject", "The mayor", 'called the board "free riders" who rely on the city')),
    ],
)  # fmt: skip
def test_a_progressive_after_a_modal(sentence: str, expected: tuple[str, str, str]) -> None:
    assert [(r, speaker, words) for r, _, speaker, words in found(sentence)] == [expected]
