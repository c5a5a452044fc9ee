"""The second review of the ninth round's quote rules (rv14b, issue 14) mended (session 14g13):
the review's own sentences and some written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    "sentence",
    [
        # the review's
        'Lee is hoping to be called "a hero" by the crews.',
        'Lee is reported to have been called "a traitor" by Kim.',
        # written here
        'The captain is expecting to be named "skipper of the year" by the club.',
        'Ann Lee was said to have been dubbed "the iron lady" by the crews.',
    ],
)
def test_a_passive_after_a_progressive_is_not_the_subject_s_words(sentence: str) -> None:
    assert found(sentence) == []


def test_an_active_infinitive_after_a_progressive_is_still_the_subject_s() -> None:
    assert found('Ann Lee was said to have dubbed Kim "the iron lady" last year.') == [
        ("fragment_subject", "mixed", "Ann Lee", 'dubbed Kim "the iron lady" last year')
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the review's
        'Lee is getting "a lot of heat" from voters.',
        'Lee is receiving "hate mail" daily.',
        'Lee was hearing "boos" all night.',
        # written here
        'The council is receiving "angry letters" by the hundred.',
        'Kim is hearing "a lot of doubt" from the crews.',
    ],
)
def test_the_receiver_of_a_progressive_verb_of_receiving_did_not_say_it(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the review's
        'Lee is likely to win the "swing" district.',
        'Lee was forced to resign after a "troubling" audit.',
        # written here
        'Ann Lee is expected to win the "harbor" seat.',
        'Kim was eager to sign the "harbor bill" on Friday.',
    ],
)
def test_an_infinitive_that_is_no_verb_of_speaking_takes_a_label_in_its_object(sentence: str) -> None:
    assert found(sentence) == []


def test_an_infinitive_of_characterising_after_be_and_one_word_is_the_subject_s() -> None:
    assert found('Ann Lee is set to describe the plan as "a land grab."') == [
        ("fragment_subject", "mixed", "Ann Lee", 'the plan as "a land grab."')
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        'Lee is facing what critics call "a reckoning."',  # the review's
        'Lee faces what critics call "a reckoning."',  # the review's (wrong before the ninth round too)
    ],
)
def test_a_free_relative_s_own_speaker_is_not_the_sentence_s_subject(sentence: str) -> None:
    assert found(sentence) == []


def test_a_free_relative_s_named_speaker_speaks_and_its_pronoun_is_the_subject() -> None:
    assert found('Kim faces what the board has dubbed "a crisis."') == [
        ("fragment_clause", "mixed", "the board", '"a crisis."')
    ]
    assert found('Lee described what she called "a reckoning."') == [
        ("fragment_subject", "mixed", "Lee", 'what she called "a reckoning."')
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the review's: one word after a noun of saying and 'of' is no saying of its own (the
        # fragment rules read them as before the ninth round)
        ('Lee issued a warning of "severe" storms.',
         ("fragment_subject", "mixed", "Lee", 'a warning of "severe" storms')),
        ('Kim cited the report in a statement of "concern."',
         ("reported_speech", "mixed", "Kim", 'the report in a statement of "concern."')),
        ('The president made a joke in a speech of "epic" length.',
         ("fragment_subject", "mixed", "The president", 'a joke in a speech of "epic" length')),
        # written here: words qualifying the noun after the closing mark
        ('The dock workers greeted her with shouts of "very loud" approval.',
         ("fragment_subject", "mixed", "The dock workers", 'her with shouts of "very loud" approval')),
    ],
)  # fmt: skip
def test_words_after_a_noun_of_saying_and_of_that_qualify_a_noun_are_no_direct_quote(
    sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert found(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('Fans responded with chants of "MVP" as Lee walked off.', "MVP"),  # the review's
        ('The dock workers greeted her with shouts of "NO" at the gate.', "NO"),
        ('The dock workers greeted her with shouts of "Why not?" at the gate.', "Why not?"),
    ],
)
def test_a_cry_of_one_word_after_a_noun_of_saying_and_of_is_the_subject_s(sentence: str, words: str) -> None:
    assert [(r, kind, text) for r, kind, _, text in found(sentence)] == [("said_before", "direct", words)]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # the review's: the that-clause has no verb before the quote; the verb after the closing
        # mark is the clause's own, the main verb the next finite auxiliary
        ('Lee\'s claim that the "elite" runs the city is false.', 'that the "elite" runs the city'),
        ('Lee\'s claim that the "deep state" controls the port was rejected.',
         'that the "deep state" controls the port'),
        # the review's: a verb inside the quote, the main verb after it
        ('Lee\'s promise that the pier "will reopen" was broken.', 'that the pier "will reopen"'),
        # written here
        ('Kim\'s claim that the "old guard" blocks every vote has been ignored.',
         'that the "old guard" blocks every vote'),
        ('Kim\'s boast that the crews "never lost a day" was true.', 'that the crews "never lost a day"'),
    ],
)  # fmt: skip
def test_a_that_clause_s_own_verb_after_the_quote_is_not_the_main_verb(sentence: str, words: str) -> None:
    assert [text for r, _, _, text in found(sentence) if r == "fragment_speech_noun"] == [words]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the review's
        ('Residents cheered as dockworkers met port director Ann Lee, who said "the pier is ours."',
         "port director Ann Lee"),
        # written here
        ('Fans cheered when crews met dock captain Ann Lee, who said "the pier is ours."', "dock captain Ann Lee"),
        ('It was late when reporters found union chief Kim Park, who said "we will strike."', "union chief Kim Park"),
    ],
)  # fmt: skip
def test_an_irregular_past_is_no_word_of_a_role_before_a_name(sentence: str, speaker: str) -> None:
    assert [s for _, _, s, _ in found(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the review's: as with commas ('Lee, the mayor's rival, said, "..."'), a direct quote
        ('Lee — the mayor\'s rival — said, "I will run."',
         ("said_before", "direct", "Lee — the mayor's rival", "I will run.")),
        # written here
        ('Kim Park — the union\'s chief — told reporters: "We will strike."',
         ("said_before", "direct", "Kim Park — the union's chief", "We will strike.")),
    ],
)  # fmt: skip
def test_a_speech_verb_after_a_subject_and_an_aside_between_dashes(sentence: str, expected: tuple[str, ...]) -> None:
    assert found(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        'The mayor — and the board — called the plan "a land grab."',  # the review's
        'The captain — or her mate — called the storm "a monster."',
    ],
)
def test_a_second_subject_between_dashes_is_no_aside_of_the_first(sentence: str) -> None:
    assert found(sentence) == []


def test_a_second_subject_with_a_writer_s_aside_between_dashes_is_no_aside_either() -> None:
    # the review's; (the reported speech 'critics say' inside it is another rule group's)
    sentence = 'Ann Lee — and, critics say, Kim — called the plan "a land grab."'
    assert [q for q in found(sentence) if q[0].startswith("fragment")] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the review's: a participle in lower case after a connective, as the docstring says
        ('But conceding the plan "costs a lot," Lee backed it.', ("Lee", 'the plan "costs a lot,"')),
        ('But praising the crews as "heroes," Lee thanked the board.', ("Lee", 'the crews as "heroes,"')),
        # written here
        ('And describing the pier as "a wreck in waiting," Kim asked for funds.',
         ("Kim", 'the pier as "a wreck in waiting,"')),
    ],
)  # fmt: skip
def test_an_opening_participle_after_a_connective(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_opening_participle"]
    assert made == [expected]


def test_an_opening_participle_s_words_need_a_subject_that_can_speak() -> None:
    # (the subject's reading already refuses these; the rule checks it too, as its docstring says)
    assert found('Praising the crews as "the best in the state," the budget passed.') == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the review's: an object relative inside the sentence's subject, the main verb after the quote
        ('The man who Kim in a letter accused of "fraud" sued.', ("Kim", 'of "fraud"')),
        ('The man who Kim accused of "fraud" sued.', ("Kim", 'of "fraud"')),
        # written here
        ('The plan that Lee dismissed as "a hoax" passed.', ("Lee", 'as "a hoax"')),
        ('One pier that Kim has failed to "fully restore" is the north pier.', ("Kim", 'to "fully restore"')),
    ],
)
def test_an_object_relative_in_the_subject_ends_before_the_main_verb(sentence: str, expected: tuple[str, str]) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_clause"]
    assert made == [expected]


def test_a_plural_noun_after_the_quote_in_a_relative_clause_is_no_main_verb() -> None:
    # 'speeches' ends in -s but is the noun the quoted words qualify: the words do not end before it
    made = [words for r, _, _, words in found('The crews that Kim greeted with "hello again" speeches cheered.')
            if r == "fragment_clause"]  # fmt: skip
    assert len(made) == 1 and made[0].startswith('with "hello again" speeches')
