"""The ``quoted`` rules: quoted words no other rule attributed, under a verb of a subject that
can speak. The sentences are the examples the rules' comments give."""

from __future__ import annotations

import pytest

from tests.quote_rules import found, only


def test_fragment_subject() -> None:
    # the words run on over the phrase the quoted ones open, to the clause's end
    assert only('Trump openly admires Putin as a "strong leader" with a firm grip.') == (
        "fragment_subject",
        "mixed",
        "Trump",
        'Putin as a "strong leader" with a firm grip',
    )


@pytest.mark.parametrize(
    "sentence",
    [
        'Trump openly admires Putin as a "strong leader" during his rallies.',
        'Trump openly admires Putin as a "strong leader" and praises his grip on power.',
    ],
)
def test_fragment_words_end_before_an_occasion_or_a_conjunction(sentence: str) -> None:
    assert only(sentence)[3] == 'Putin as a "strong leader"'


def test_fragment_clause() -> None:
    sentence = 'The senators left the room after Trump waved off the report as "a hoax and a witch hunt."'
    assert only(sentence)[:3] == ("fragment_clause", "mixed", "Trump")


def test_scare_quotes_in_the_writers_sentence_are_no_quote() -> None:
    assert found('The so-called "peace plan" was never published.') == []


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (('Ann Lee, the head of the party, said in a statement. "There are no ballots to recount."',),
         "Ann Lee, the head of the party"),
        (("Ann Lee told reporters.", '"There are no ballots to recount."'), "Ann Lee"),
        # an apposition whose closing comma is left out
        (('Omar Reyes, the head of the harbor board told reporters. "There are no ballots to recount."',),
         "Omar Reyes, the head of the harbor board"),
    ],
)  # fmt: skip
def test_a_sentence_that_is_only_an_attribution_before_a_quote(paragraphs: tuple[str, ...], speaker: str) -> None:
    assert only(*paragraphs) == ("said_sentence_before", "direct", speaker, "There are no ballots to recount")


@pytest.mark.parametrize(
    "paragraphs",
    [
        ('Ann Lee denied the charge. "There are no ballots to recount."',),
        ('Ann Lee said it again. "There are no ballots to recount."',),
        ('Ann Lee said in a statement. "Recount" is the word they use.',),
        ('The storm hit, the power failed and the mayor said in a statement. "Stay home."',),
    ],
)
def test_a_sentence_that_says_more_than_who_spoke_attributes_nothing(paragraphs: tuple[str, ...]) -> None:
    assert found(*paragraphs) == []


def test_fragment_subject_ends_at_quoted_words_closing_on_a_comma() -> None:
    # after the comma inside the marks the writer goes on with a clause of its own
    assert only('Lee voiced a wish for a "calm, open and fair vote," and he named Kim a good partner.') == (
        "fragment_subject",
        "mixed",
        "Lee",
        'a wish for a "calm, open and fair vote,"',
    )


@pytest.mark.parametrize(
    "sentence",
    [
        'Lee is playing "hardball" with the council.',
        'The port board is building a "dry dock" at the north pier.',
        'The harbor town is becoming a "mini-Venice" for tourists, with canals and ferries everywhere.',
    ],
)
def test_a_scare_quote_heading_the_object_of_a_progressive_is_no_quote(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        # a verb of speaking keeps its quoted words however short
        ('Ann Lee is already claiming victory in the "harbor race."', 'victory in the "harbor race."'),
        # quoted words further into the object than two words
        ('Lee is mulling changing the old "anchor" emblem on the flags.',
         'changing the old "anchor" emblem on the flags.'),
        # more than two quoted words
        ('Lee is playing "the same old game" with the council.', '"the same old game" with the council.'),
    ],
)  # fmt: skip
def test_a_progressive_s_quoted_object_that_is_no_scare_quote_stays(sentence: str, said: str) -> None:
    rule, kind, _, text = only(sentence)
    assert (rule, kind) == ("fragment_subject", "mixed")
    assert text.rstrip(".") == said.rstrip(".")


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        # the words for a name after them
        ('Then Lee turned to "little" Ann Park.', 'to "little" Ann Park'),
        # a complement after a named object
        ('Lee pronounced Park "a friend."', 'Park "a friend."'),
        # a phrase named
        ('Ann Lee coined the term "harbor creep" in a speech on the docks.', 'the term "harbor creep"'),
        # an infinitive's object
        ('Lee wanted to address "that man" in the speech.', 'to address "that man" in the speech'),
    ],
)  # fmt: skip
def test_short_quoted_words_that_are_no_scare_quote_stay_the_subject_s(sentence: str, said: str) -> None:
    assert found(sentence) == [("fragment_subject", "mixed", "Lee" if "Ann Lee" not in sentence else "Ann Lee", said)]


def test_one_quoted_word_after_a_possessor_s_noun_of_words_before_the_main_verb() -> None:
    # PolNeAR marks a possessor's noun of words and its quoted object as the possessor's words
    assert found('Mayor Kim\'s plea for "calm" went unheeded.') == [
        ("fragment_speech_noun", "mixed", "Mayor Kim", '"calm"')
    ]
    # (elsewhere one word is still too little: an occasion, a scare quote as often as a plea)
    assert found('After Mayor Kim\'s plea for "calm," the crowd left.') == []


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        # a finite verb of expressing keeps its short quoted object: the subject's words
        ('Lee voiced "concern" about the budget.', '"concern" about the budget'),
        ('Lee offered "condolences" to the families.', '"condolences" to the families'),
    ],
)
def test_a_finite_verb_s_short_quoted_object_stays_the_subject_s(sentence: str, said: str) -> None:
    assert found(sentence) == [("fragment_subject", "mixed", "Lee", said)]
