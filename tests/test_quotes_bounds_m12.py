"""Mixed quotes' bounds and the clauses after an attribution (issue 14, session 14m12).

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from articlekit import Article, Paragraph
from articlekit.api import enrich
from articlekit.enrich.quotes.clauses import _clause_end
from articlekit.enrich.quotes.tokens import sentences
from articlekit.model import Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


def shape(quote: Quote) -> tuple[str, str, str | None]:
    return quote.kind, quote.text, quote.speaker.mention if quote.speaker is not None else None


# --------------------------------------------------------------------------- a noun phrase and its verb


@pytest.mark.parametrize("between", ["; the mayor left.", ", and the mayor left.", ", and her two aides laughed."])
@pytest.mark.parametrize("same_paragraph", [True, False])
def test_a_subject_and_its_past_after_the_attribution_end_the_quote(between: str, same_paragraph: bool) -> None:
    first, second = f'"We won," Lee said{between}', '"It was a long night."'
    found = quotes_of(f"{first} {second}") if same_paragraph else quotes_of(first, second)
    assert [shape(q) for q in found][:1] == [("direct", "We won", "Lee")]
    assert not any("long night" in q.text and q.speaker is not None and q.speaker.mention == "Lee" for q in found)


@pytest.mark.parametrize("between", [", and she smiled.", ", looking at the map."])
def test_the_speakers_own_words_after_the_attribution_keep_the_quote_going(between: str) -> None:
    (quote,) = quotes_of(f'"We won," Lee said{between}', '"It was a long night."')
    assert shape(quote) == ("direct", "We won. It was a long night.", "Lee")


def test_a_noun_phrase_ending_in_a_noun_still_reads_as_one_phrase() -> None:
    (quote,) = quotes_of('"We won," Lee said, and the mayor nodded to the crowd.', '"It was a long night."')
    assert shape(quote) == ("direct", "We won", "Lee")


# --------------------------------------------------------------------------- a report in a fronted clause


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        (
            "If we understand the mayor correctly when she says she wants to "
            '"win big" this fall, the race will be close.',
            'she wants to "win big" this fall',
        ),
        ("Because the coach says the team is tired, the club will rest it.", "the team is tired"),
        ("Ever since the coach said the team was tired, the club has rested it.", "the team was tired"),
        ('Even though Lee says the plan is "a good start," the board voted it down.', 'the plan is "a good start,"'),
    ],
)
def test_a_report_inside_a_fronted_clause_ends_where_the_main_clause_opens(paragraph: str, text: str) -> None:
    assert [q.text for q in quotes_of(paragraph)] == [text]


# --------------------------------------------------------------------------- a second report of the speaker's


@pytest.mark.parametrize(
    "paragraph",
    [
        'Lee insisted it was "too early" to pick a side while adding, "I trust her."',
        'Lee insisted it was "too early" to pick a side, while adding that she trusts her.',
    ],
)
def test_mixed_words_end_before_while_and_a_second_speech_verb(paragraph: str) -> None:
    found = quotes_of(paragraph)
    assert found[0].text == 'it was "too early" to pick a side'
    assert found[0].speaker is not None and found[0].speaker.mention == "Lee"


# --------------------------------------------------------------------------- no cut inside the quoted words


def test_a_characterisation_never_ends_inside_its_quoted_words() -> None:
    (quote,) = quotes_of(
        'Anthony describes her as "the best ally the mayor had, not only as he rose to power, but throughout his term."'
    )
    assert quote.kind == "mixed"
    assert quote.text.startswith('her as "the best ally') and quote.text.endswith('throughout his term."')


def test_a_characterisation_still_ends_before_a_clause_of_its_own_after_the_marks() -> None:
    found = quotes_of('Lee called the plan a "disgrace" as she blamed the council for "bias."')
    assert found[0].text == 'the plan a "disgrace"'


def test_a_passive_speech_verb_in_a_characterisation_opens_no_report_of_its_own() -> None:
    found = quotes_of(
        'Lee shrugged off the loan, calling it a "filing slip" that was reported in a "smear" by the Gazette.'
    )
    assert found[0].text == 'it a "filing slip" that was reported in a "smear" by the Gazette'


def test_an_active_speech_verb_after_a_characterisation_still_ends_it() -> None:
    found = quotes_of('Lee called the loan a "filing slip" and said the Gazette ran a "smear."')
    assert found[0].text == 'the loan a "filing slip"'


# --------------------------------------------------------------------------- initials before a new sentence


def test_initials_then_a_capitalised_pronoun_end_a_sentence() -> None:
    text = (
        "Cox says the mayor is hiding from the audit in the U.S. "
        'He says voters need no more "lectures." The U.S. Army said so.'
    )
    assert [text[a:b] for a, b in sentences(text)] == [
        "Cox says the mayor is hiding from the audit in the U.S.",
        'He says voters need no more "lectures."',
        "The U.S. Army said so.",
    ]
    mixed = [q for q in quotes_of(text) if q.kind == "mixed"]
    assert [(q.text, q.speaker.mention if q.speaker else None) for q in mixed] == [
        ('voters need no more "lectures."', "He")
    ]


# --------------------------------------------------------------------------- an aside between dashes


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        (
            "And he said that the mayor's call to \"fix the roads\" — itself a reply to the party's "
            '"Build It Now" slogan — was a weak pitch.',
            "the mayor's call to \"fix the roads\" — itself a reply to the party's "
            '"Build It Now" slogan — was a weak pitch',
        ),
        (
            'Lee says she is so tired of the tone of the race -- "a insult to every voter" -- that she may quit.',
            'she is so tired of the tone of the race -- "a insult to every voter" -- that she may quit',
        ),
    ],
)
def test_reported_words_go_on_past_an_aside_holding_quoted_words(paragraph: str, text: str) -> None:
    assert quotes_of(paragraph)[0].text == text


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        ('the plan -- "a relief" for the board -- is dead', 'the plan -- "a relief" for the board -- is dead'),
        ('the plan -- which the board calls "a relief" -- is dead', "the plan"),
    ],
)
def test_an_aside_quoting_in_a_relative_clause_ends_the_words(words: str, kept: str) -> None:
    assert words[: _clause_end(words, 0, len(words))] == kept
