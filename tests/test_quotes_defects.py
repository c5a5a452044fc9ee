"""Defects a new user met on real copy (issue 14, part 4), each on a sentence written here."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote, Span, spans_give


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


# --------------------------------------------------------------------------- a sentence break between parts


def test_a_quote_in_two_sentences_keeps_its_sentence_break() -> None:
    (quote,) = quotes_of(
        '"It was never about the view. It\'s about the rent," says Ana Ruiz, a landlord. "It\'s about money."'
    )
    assert quote.text == "It was never about the view. It's about the rent. It's about money."
    assert len(quote.spans) == 2


def test_a_quote_going_on_in_the_same_sentence_has_no_break() -> None:
    (quote,) = quotes_of('"I think," she said, "the plan is wrong."')
    assert quote.text == "I think the plan is wrong."


def test_spans_give_a_text_joined_by_a_space_or_a_sentence_break() -> None:
    assert spans_give(["a b", "C d."], "a b C d.")
    assert spans_give(["a b", "C d."], "a b. C d.")
    assert not spans_give(["a b", "C d."], "a b; C d.")
    assert not spans_give(["a b", "C d."], "a b C d. extra")
    with pytest.raises(ValueError, match="its spans give"):
        Article(
            body=(Paragraph("one two"),),
            quotes=(Quote(id="q1", kind="direct", text="one, two", spans=(Span(0, 0, 3), Span(0, 4, 7))),),
        )


# --------------------------------------------------------------------------- names with particles


@pytest.mark.parametrize(
    "paragraph",
    [
        'The villagers "never saw a soldier all week," said Yusuf al-Rashed, a shepherd.',
        '"We never saw a soldier all week," said Yusuf al-Rashed.',
    ],
)
def test_an_inverted_speaker_whose_surname_has_a_particle(paragraph: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert quote.speaker is not None and quote.speaker.mention.startswith("Yusuf al-Rashed")
    assert "never saw a soldier all week" in quote.text


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "paragraph",
    [
        "HAMBURG, Oct. 9 (Reuters) -- The port union struck on Friday over pay, warning that the city would "
        '"feel the cost" within days.',
        'LIMA, Peru - The port union struck on Friday over pay, warning that the city would "feel the cost" soon.',
    ],
)
def test_a_dateline_in_capitals_is_never_a_speaker(paragraph: str) -> None:
    found = quotes_of(paragraph)
    assert found, "the quote is found"
    for quote in found:
        assert quote.speaker is not None
        assert not quote.speaker.mention.isupper(), quote.speaker.mention
        assert "HAMBURG" not in quote.text and "LIMA" not in quote.text


def test_a_dateline_is_no_part_of_a_mixed_quote() -> None:
    (quote,) = quotes_of('OSLO, June 2 (AP) -- The talks "went well," the fishermen\'s union said on Monday.')
    assert quote.text.startswith("The talks")


# --------------------------------------------------------------------------- vetoes relaxed on train evidence


@pytest.mark.parametrize(
    ("paragraph", "words"),
    [
        ('"Absolutely," the mayor said when a reporter asked about the vote.', "Absolutely"),
        ('"Who remembers the last budget?" Ms. Ortiz asks as the committee laughs.', "Who remembers the last budget?"),
        ('"Nobody!" the crowd shouted back at the stage.', "Nobody!"),
    ],
)
def test_a_quote_opening_its_sentence_then_a_speaker_and_a_speech_verb(paragraph: str, words: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert quote.kind == "direct" and quote.text.rstrip(",") == words


def test_a_name_the_speaker_gives_someone_is_quoted_even_in_title_case() -> None:
    (quote,) = quotes_of('Within minutes, the governor called his rival "Sleepy Sam" twice.')
    assert quote.kind == "mixed" and "Sleepy Sam" in quote.text
    assert quote.speaker is not None and quote.speaker.mention == "the governor"


def test_a_title_after_a_verb_without_an_object_is_still_no_quote() -> None:
    assert quotes_of('The studio released a film called "The Long Road Home" last year.') == []


# --------------------------------------------------------------------------- an adverb opening a sentence


@pytest.mark.parametrize(
    "paragraph",
    [
        'Widely mocked by critics, once written off even by its backers, the idea of a "rain tax" is back.',
        'Hastily drafted by aides, the memo called the plan "a disaster" for the city.',
    ],
)
def test_an_adverb_opening_a_sentence_is_no_speaker(paragraph: str) -> None:
    for quote in quotes_of(paragraph):
        assert quote.speaker is not None
        assert quote.speaker.mention not in ("Widely", "Hastily"), quote


# --------------------------------------------------------------------------- a role of a body, then the name


@pytest.mark.parametrize(
    "paragraph",
    [
        'Al Arabiya\'s Cairo bureau chief, Samir al-Masri, told reporters: "The talks have stalled again."',
        '"The talks have stalled again," Al Arabiya\'s Cairo bureau chief, Samir al-Masri, said.',
        '"The talks have stalled again," said Al Arabiya\'s Cairo bureau chief, Samir al-Masri.',
    ],
)
def test_a_role_of_a_body_named_in_the_possessive_then_the_name(paragraph: str) -> None:
    article = enrich(Article(body=(Paragraph(paragraph),)))
    (quote,) = article.quotes
    assert quote.speaker is not None and quote.speaker.source is not None
    source = article.source(quote.speaker.source)
    assert source is not None
    assert (source.kind, source.name, source.affiliation) == ("person", "Samir al-Masri", "Al Arabiya")
    assert source.titles == ("Al Arabiya's Cairo bureau chief",)


# --------------------------------------------------------------------------- ages, hometowns and states in appositions


def test_an_age_a_hometown_and_a_state_stay_in_the_speaker_s_apposition() -> None:
    article = enrich(
        Article(
            body=(
                Paragraph('"I want the mill to reopen," said Rosa Vance, 41, of Duluth, a welder at the plant.'),
                Paragraph('"We will hire," said Tom Reyes, a manager in Yuma, Ariz.'),
            )
        )
    )
    first, second = article.quotes
    assert first.speaker is not None and first.speaker.mention == "Rosa Vance, 41, of Duluth, a welder at the plant"
    assert second.speaker is not None and second.speaker.mention == "Tom Reyes, a manager in Yuma, Ariz."
    titles = {s.name: s.titles for s in article.sources}
    assert titles == {"Rosa Vance": ("a welder at the plant",), "Tom Reyes": ("a manager in Yuma, Ariz.",)}


def test_a_role_of_someone_named_in_the_possessive_stays_in_the_apposition() -> None:
    (quote,) = quotes_of('"It will hurt," said Ada Ruiz, Lee\'s budget director during the talks.')
    assert quote.speaker is not None and quote.speaker.mention == "Ada Ruiz, Lee's budget director during the talks"


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ('"The vote is lost," said a person close to the mayor.', "a person close to the mayor"),
        ('"The vote is lost," said one of those aides, who asked not to be named.', "one of those aides"),
        (
            '"The vote is lost," said one unaligned Ohio Democratic strategist.',
            "one unaligned Ohio Democratic strategist",
        ),
        ('"The vote is lost," said a spokesman for the council on Monday.', "a spokesman for the council"),
    ],
)
def test_an_indefinite_description_runs_past_its_preposition_or_participle(paragraph: str, mention: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert quote.speaker is not None and quote.speaker.mention == mention


def test_a_participle_clause_with_initials_between_the_parts_of_a_quote() -> None:
    (quote,) = quotes_of(
        '"The deal was a mistake," Lee said in May, referring to Ann B. Cole, the chief U.S. negotiator. '
        '"We cannot let it stand."'
    )
    assert quote.text == "The deal was a mistake. We cannot let it stand."


def test_a_listener_with_a_place_in_commas_before_that() -> None:
    (quote,) = quotes_of('Lee is telling diners at a cafe in Dover, Delaware, that "we need you tomorrow."')
    assert (quote.kind, quote.text) == ("mixed", '"we need you tomorrow."')
