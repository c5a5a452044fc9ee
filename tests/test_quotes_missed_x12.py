"""Direct quotes missed entirely, eighth round (issue 14, session 14x12): mixed quotes that open
with the writer's words; each rule kept, on sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a named possessor after a preposition or a coordinator speaks the words of its noun
        ('The debate turned on Kim Lee\'s claim that the board "never met once" in ten years.',
         ("Kim Lee", 'that the board "never met once" in ten years')),
        ('The strike ended after Mayor Ann Reyes\'s call for "a fair deal for the docks."',
         ("Mayor Ann Reyes", '"a fair deal for the docks."')),
        ('The row began with the senator\'s accusation that Kim "lied to the whole town."',
         ("the senator", 'that Kim "lied to the whole town."')),
        # as the sentence's subject, the noun's phrase ends at the quoted words (its verb follows)
        ("But Kim Lee’s broadside against “free buses for all” drew a rebuke from the board.",
         ("Kim Lee", "“free buses for all”")),
        ('And the mayor\'s argument in favor of "a leaner budget" won the vote.',
         ("the mayor", '"a leaner budget"')),
        # a thing's noun: no speaker
        ('The plan\'s promise of "free buses for all" faded by May.', None),
        # a possessive pronoun: left (its antecedent is for the speaker grammar)
        ('The strike ended after her call for "a fair deal for the docks" last spring.', None),
    ],
)  # fmt: skip
def test_a_noun_of_someone_s_words_gives_its_possessor_the_quoted_words(
    sentence: str, expected: tuple[str, str] | None
) -> None:
    made = [(speaker, words) for r, kind, speaker, words in found(sentence) if r == "fragment_speech_noun"]
    assert made == ([expected] if expected is not None else [])


def test_a_noun_of_words_as_a_verb_s_object_is_the_subject_s() -> None:
    # the council denounced the call: its words, read by the fragment rules, not Lee's
    sentence = 'The council denounced Kim Lee\'s call for "a total freeze on hiring."'
    made = found(sentence)
    assert not any(r == "fragment_speech_noun" for r, _, _, _ in made)
    assert any(speaker == "The council" for _, _, speaker, _ in made)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('The Lee campaign, in a letter to donors, worded it more bluntly: "We are out of money."',
         ("verb_before", "The Lee campaign", "We are out of money.")),
        ('Ann Lee, in a radio interview, had one message: "We are ready to vote on it."',
         ("verb_before", "Ann Lee", "We are ready to vote on it.")),
    ],
)  # fmt: skip
def test_a_subject_then_an_aside_set_off_by_commas_keeps_its_verb(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    made = [(r, speaker, words) for r, _, speaker, words in found(sentence)]
    assert expected in made


def test_an_aside_after_a_thing_gives_no_speaker() -> None:
    # a report cannot speak: the aside does not make it a subject that can
    sentence = 'The pier, in the old days, had one sign: "No Fishing After Dark."'
    assert not any(speaker == "The pier" for _, _, speaker, _ in found(sentence))


def test_quoted_words_under_a_subject_past_an_aside() -> None:
    sentence = 'Ann Lee, while speaking at the docks, pushed again for a "fair deal for every fisherman."'
    assert ("fragment_subject", "mixed", "Ann Lee", 'again for a "fair deal for every fisherman."') in found(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('The race went to Ann Lee, who has postured herself as the "voice of the docks," and she won.',
         ("Ann Lee", 'herself as the "voice of the docks,"')),
        ('Kim met the mayor, who, in a long speech, backed the "fair deal for every fisherman."',
         ("the mayor", 'the "fair deal for every fisherman."')),
        ('Kim met Ann Lee, who backed the "fair deal for every fisherman."',
         ("Ann Lee", 'the "fair deal for every fisherman."')),
        # a clause set off by dashes
        ('Donald Lee - who previously said he would "bomb the old pier" - spoke at noon.',
         ("Donald Lee", 'he would "bomb the old pier"')),
        # the relative clause ended before the quoted words
        ('Ann Lee, who goes by "Annie," was among the "old hands of the docks."', None),
        # without a comma the relative clause's end is not marked
        ('The lawyer who ran the marathon is already talking about "a fierce urgency" to act.', None),
        # a thing cannot speak
        ('The pier, which the storm hit, is "a total loss."', None),
    ],
)  # fmt: skip
def test_quoted_words_in_a_relative_clause_opened_by_who(sentence: str, expected: tuple[str, str] | None) -> None:
    made = [(speaker, words) for r, _, speaker, words in found(sentence) if r == "fragment_who"]
    assert made == ([expected] if expected is not None else [])
