"""The ``quoted`` rules: quoted words no other rule attributed, under a verb of a subject that
can speak. The sentences are the examples the rules' comments give."""

from __future__ import annotations

from tests.quote_rules import found, only


def test_fragment_subject() -> None:
    assert only('Trump openly admires Putin as a "strong leader" with a firm grip.') == (
        "fragment_subject",
        "mixed",
        "Trump",
        'Putin as a "strong leader"',
    )


def test_fragment_clause() -> None:
    sentence = 'The senators left the room after Trump waved off the report as "a hoax and a witch hunt."'
    assert only(sentence)[:3] == ("fragment_clause", "mixed", "Trump")


def test_scare_quotes_in_the_writers_sentence_are_no_quote() -> None:
    assert found('The so-called "peace plan" was never published.') == []
