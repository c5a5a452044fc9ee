"""Regressions a second code review of the session's quote rules found (issue 14, review rv13),
each on a sentence written here: a gerund subject taken for the writer's frame, reported words cut
at an aside's comma inside them, a fronted clause's words running through an aside of the main
clause, and a verb of receiving whose object gave a speaker."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


def shape(quote: Quote) -> tuple[str, str, str | None]:
    return quote.kind, quote.text, quote.speaker.mention if quote.speaker is not None else None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('Raising taxes, Lee said, "would hurt families."', "Raising taxes would hurt families."),
        ('Building the bridge, Lee said, "was the easy part."', "Building the bridge was the easy part."),
    ],
)
def test_a_gerund_subject_before_the_attribution_is_part_of_the_words(text: str, words: str) -> None:
    assert [shape(q) for q in quotes_of(text)] == [("mixed", words, "Lee")]


def test_the_writer_s_frame_still_stays_out_of_the_quote() -> None:
    assert [shape(q) for q in quotes_of('Asked about the delay, Lee said, "we are working on it."')] == [
        ("direct", "we are working on it.", "Lee")
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Lee, saying the roads, built in 1990, were unsafe, closed them.", "the roads, built in 1990, were unsafe"),
        (
            "The mayor, arguing that the plan, approved last year, was flawed, resigned.",
            "the plan, approved last year, was flawed",
        ),
    ],
)
def test_words_in_an_apposition_end_at_its_closing_comma_not_at_an_aside_inside(text: str, words: str) -> None:
    assert [q.text for q in quotes_of(text)] == [words]


def test_a_fronted_clause_s_quoted_words_end_at_their_mark_before_an_aside_of_the_main_clause() -> None:
    found = [
        shape(q) for q in quotes_of('While Lee says the plan is "bold," the board, its members insisted, will vote no.')
    ]
    assert found[0] == ("mixed", 'the plan is "bold,"', "Lee")


def test_a_verb_of_receiving_gives_no_speaker_to_its_object_nor_to_its_subject() -> None:
    found = quotes_of('Reporters got only a short answer: "Next question."')
    assert all(q.speaker is None or q.speaker.mention not in ("Reporters", "a short") for q in found)
