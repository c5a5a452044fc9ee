"""Quotes found only in part, fourth round (issue 14, round 14j12): a paragraph of quote going
on after its speaker's quote, and the defects the last probes left. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


def shape(quote: Quote) -> tuple[str, str, str | None]:
    return quote.kind, quote.text, quote.speaker.mention if quote.speaker is not None else None


# --------------------------------------------------------------------------- a paragraph of quote goes on


@pytest.mark.parametrize(
    ("first", "joined"),
    [
        # the attribution and a place or listener after it end the paragraph
        ('"We are ready," Lee told workers in the town hall.', "We are ready. Nothing will stop us now."),
        # a participle clause of the writer's after the attribution
        ('"We are ready," Lee said, pointing to the map.', "We are ready. Nothing will stop us now."),
        # a next part after the attribution closes the paragraph
        (
            '"We are ready," Lee said. "The team has trained for months."',
            "We are ready. The team has trained for months. Nothing will stop us now.",
        ),
    ],
)
def test_a_paragraph_of_quote_goes_on_after_the_speakers_paragraph(first: str, joined: str) -> None:
    found = quotes_of("The ferry will run again.", first, '"Nothing will stop us now."')
    assert [shape(q) for q in found] == [("direct", joined, "Lee")]


def test_a_paragraph_of_quote_goes_on_after_a_mixed_quote() -> None:
    found = quotes_of('The town needs a mayor "who listens to its people," Lee said.', '"That is what I will do."')
    assert len(found) == 1
    assert found[0].kind == "mixed"
    assert found[0].text.endswith("That is what I will do.")
    assert len(found[0].spans) == 2


@pytest.mark.parametrize(
    "first",
    [
        # the writer's next sentence: the paragraph after it may answer it
        '"We are ready," Lee added. She then had a question for the crowd.',
        # someone else's words after the attribution
        '"We are ready," Lee said, as the crowd chanted "Go home."',
    ],
)
def test_no_join_across_the_writers_sentence_or_others_words(first: str) -> None:
    found = quotes_of(first, '"Who will pay for it?"')
    assert found[0].text == "We are ready"
    assert all("Who will pay" not in q.text for q in found[:1])


# --------------------------------------------------------------------------- the writer's lead-in


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ('If the plan fails, she said, "we will start again."', "If the plan fails we will start again."),
        ('The firm\'s new chief, Lee said, "has done well in a hard year."',
         "The firm's new chief has done well in a hard year."),
        # only the last clause before the attribution
        ('The ferry was late again, and sooner or later, the captain said, "someone will be hurt."',
         "sooner or later someone will be hurt."),
    ],
)  # fmt: skip
def test_the_writers_lead_in_opens_the_speakers_sentence(paragraph: str, text: str) -> None:
    found = quotes_of(paragraph)
    assert [(q.kind, q.text) for q in found] == [("mixed", text)]
    assert len(found[0].spans) == 2


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ('But, he said, "there is a line we will not cross."', "there is a line we will not cross."),
        ('In a statement, he said, "We will not cross that line."', "We will not cross that line."),
        ('In a statement, he said that "the line will hold."', None),
    ],
)
def test_no_lead_in_for_a_connective_a_sentence_of_its_own_or_reported_words(paragraph: str, text: str | None) -> None:
    found = quotes_of(paragraph)
    if text is not None:
        assert [(q.kind, q.text) for q in found] == [("direct", text)]
    else:
        assert all(q.text != "In a statement the line will hold." for q in found)


# --------------------------------------------------------------------------- a title inside the attribution


def test_a_title_ending_the_attributions_sentence_before_the_next_part() -> None:
    found = quotes_of(
        '"I have not slept since the vote," he said on Fox\'s "Morning Show." "And I know many people would say '
        'the same, but the way it went was not," and with that he broke off.'
    )
    assert [shape(q) for q in found] == [
        (
            "direct",
            "I have not slept since the vote. And I know many people would say the same, but the way it went was not",
            "he",
        )
    ]


# --------------------------------------------------------------------------- another speaker's clause


def test_a_paragraph_of_quote_after_another_subjects_clause_is_not_the_speakers() -> None:
    found = quotes_of('"We are ready," Lee said, and her husband interrupted.', '"No, we are not."')
    assert [shape(q) for q in found] == [("direct", "We are ready", "Lee")]


def test_a_paragraph_of_quote_after_the_speakers_own_clause_goes_on() -> None:
    found = quotes_of('"We are ready," Lee said, and she smiled.', '"Nothing will stop us now."')
    assert [shape(q) for q in found] == [("direct", "We are ready. Nothing will stop us now.", "Lee")]


@pytest.mark.parametrize(
    ("paragraph", "text", "speaker"),
    [
        ('The plan, approved by the whole board in May, "allows us to grow," Lee said.',
         'The plan, approved by the whole board in May, "allows us to grow,"', "Lee"),
        ('Although the ferry costs money, "you cannot put a price on a safe crossing," she says.',
         'Although the ferry costs money, "you cannot put a price on a safe crossing,"', "she"),
    ],
)  # fmt: skip
def test_the_writers_lead_in_before_a_quote_in_lower_case(paragraph: str, text: str, speaker: str) -> None:
    assert [shape(q) for q in quotes_of(paragraph)] == [("mixed", text, speaker)]


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ('Yet, "it is hard to say," he said.', "it is hard to say"),
        ('In the end, "We did what we could," Lee said.', "We did what we could"),
    ],
)
def test_no_lead_in_for_a_connective_or_a_quote_in_capitals(paragraph: str, text: str) -> None:
    assert [shape(q)[:2] for q in quotes_of(paragraph)] == [("direct", text)]


# --------------------------------------------------------------------------- a promise's words


def test_a_promises_infinitive_running_into_quoted_words_is_their_first_part() -> None:
    found = quotes_of('Lee pledged to oppose the new tax "today, tomorrow, forever."')
    assert [shape(q) for q in found] == [("mixed", "to oppose the new tax today, tomorrow, forever.", "Lee")]


@pytest.mark.parametrize(
    "paragraph", ['Lee said to reporters "we will win."', 'Lee told reporters on Monday "we will win."']
)
def test_a_listener_before_quoted_words_is_no_part_of_them(paragraph: str) -> None:
    assert [shape(q) for q in quotes_of(paragraph)] == [("direct", "we will win.", "Lee")]
