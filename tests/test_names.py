"""``articlekit.common.names``: the one name heuristic, each rule as its users need it."""

from __future__ import annotations

import pytest

from articlekit.common.names import is_name, is_pronoun


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin", True),
        ("de Gaulle", True),
        ("al-Assad", True),
        ("习近平", True),
        ("he", False),
        ("the ministry", False),
    ],
)
def test_a_mention_names_someone_when_it_ends_in_a_capitalised_word(text: str, expected: bool) -> None:
    assert is_name(text) is expected
    assert is_name(text, rule="mention") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", True),
        ("Ludwig van Beethoven", True),
        ("Martin Luther King Jr.", True),
        ("jane doe", False),
        ("A Name With Far Too Many Words In It", False),
        ("The End.", False),
    ],
)
def test_a_credit_is_a_whole_name_of_capitalised_words_and_connectors(text: str, expected: bool) -> None:
    assert is_name(text, rule="credit") is expected


@pytest.mark.parametrize(("word", "expected"), [("Omari", True), ("al-Omari", True), ("van", True), ("said", False)])
def test_a_word_can_stand_in_a_name_when_capitalised_or_a_particle(word: str, expected: bool) -> None:
    assert is_name(word, rule="word") is expected


def test_pronouns_and_one_letter_mentions_name_nobody() -> None:
    assert is_pronoun("They") and is_pronoun("I") and not is_pronoun("Kremlin")
