"""Regressions the review rv14 of the issue-14 quote changes found, each on the reviewer's own
sentences and sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found, vetoes


def words(*paragraphs: str) -> list[tuple[str, str | None, str]]:
    """``(kind, speaker mention, words)`` of every quote found."""
    return [(q[1], q[2], q[3]) for q in found(*paragraphs)]


# 1. "to <listener>" after a verb that needs "that" is a listener, not an infinitive
@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ("As Lee confirmed to reporters, the plan is dead.", "Lee", "the plan is dead"),
        ("As the mayor wrote to residents on Friday, the water is safe to drink.", "the mayor",
         "the water is safe to drink"),
        ("As Lee announced to supporters in Ohio, the campaign will go on.", "Lee", "the campaign will go on"),
        ("As Lee mentioned to friends, she plans to retire in May.", "Lee", "she plans to retire in May"),
        ("As the coach repeated to fans after the game, the season is not over.", "the coach",
         "the season is not over"),
        ("As the principal wrote to parents last week, classes resume on Monday.", "the principal",
         "classes resume on Monday"),
    ],
)  # fmt: skip
def test_a_listener_after_to_is_no_infinitive(sentence: str, speaker: str, said: str) -> None:
    assert words(sentence) == [("indirect", speaker, said)]


@pytest.mark.parametrize(
    "sentence",
    [
        "As the council continues to debate the budget, the library stays closed.",
        "As the union continues to focus on wages, the talks drag on.",
    ],
)
def test_an_infinitive_after_a_verb_that_needs_that_is_a_named_veto(sentence: str) -> None:
    assert found(sentence) == []
    assert ("reported_speech", "verb_phrase_after") in vetoes(sentence)
