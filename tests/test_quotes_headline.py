"""Quotes in the headline (issue 14): the colon form ``Speaker: claim`` with its vetoes, speech
verbs read case-blind in Title Case, headline quotes with no spans listed in
``extensions["quotes"]["headline"]``, the ``quotes_headline`` option, and every writer taking
a quote with no spans. Every headline here is written for the test."""

from __future__ import annotations

import json

import attrs
import pytest

import articlekit
from articlekit.enrich.quotes import explain_quotes, find_quotes
from articlekit.enrich.quotes.rules_headline import case_blind, headline_colon, title_case
from articlekit.model import Article, Paragraph

BODY = (
    Paragraph("The council met on Tuesday to set the budget for the coming year."),
    Paragraph("Residents waited outside the hall for several hours before the vote."),
)


def _enriched(headline: str, *paragraphs: Paragraph, **options: object) -> Article:
    article = Article(headline=headline, body=paragraphs or BODY)
    return articlekit.api.enrich(article, **options)


def _colon(headline: str) -> tuple[str, str, str] | None:
    found = headline_colon(headline)
    if found is None:
        return None
    (_, s, e), (_, ss, se) = found.pieces[0], found.speaker  # type: ignore[misc]
    return found.kind, headline[ss:se], headline[s:e]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Mayor Okafor: Bus Fares Will Fall Soon", ("indirect", "Mayor Okafor", "Bus Fares Will Fall Soon")),
        ("Greenpeace: the river is dying fast.", ("indirect", "Greenpeace", "the river is dying fast")),
        ("Okafor: ‘We Will Not Raise Taxes This Year.’", ("direct", "Okafor", "We Will Not Raise Taxes This Year.")),
        ("Okafor: Budget Is ‘Fair To Everyone’", ("mixed", "Okafor", "Budget Is ‘Fair To Everyone’")),
        ("NWS: heavy snow expected across the valley", ("indirect", "NWS", "heavy snow expected across the valley")),
    ],
)
def test_the_colon_form_reads_a_speaker_and_a_claim(headline: str, expected: tuple[str, str, str]) -> None:
    assert _colon(headline) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Breaking: Storm Knocks Out Power Across The Valley",  # a label
        "Exclusive Excerpt–The Long Road Home: Part 3",  # a series and its part
        "The Seventh Gate: A Gloomy Look At Winter Floods",  # a title
        "Revealed: The Towns Where Rents Rose Fastest",  # a participle as a label
        "SHOCKING: Council Spends Millions On New Fountain",  # a shouted label
        "Live Updates: Flooding Along The Coast",  # a label
        "Mayor On Budget: Cuts Ahead For Parks",  # a speaker and a topic: the colon rule leaves it
        "Okafor: Hero Or Villain Of The Budget Fight?",  # a question, not a claim
        "Okafor: A Profile",  # too short for a clause
        "Paid Notice: Deaths OKAFOR, ADA",  # a notice
        "Storm Season 2026: What To Expect",  # a number: a series or an edition
        "Okafor: Taxes: Why They Will Rise",  # two colons
    ],
)
def test_colons_that_are_no_attribution_are_vetoed(headline: str) -> None:
    assert headline_colon(headline) is None


def test_title_case_speech_verbs_read_case_blind() -> None:
    assert title_case("Council Leader Says Library Will Reopen In May")
    assert not title_case("Council leader says library will reopen in May")
    assert (
        case_blind("Council Leader Says Library Will Reopen In May") == "Council Leader says Library Will Reopen In May"
    )
    assert case_blind("Okafor Warned Of Higher Fares") == "Okafor warned Of Higher Fares"
    # a sentence-case headline is read as it is
    assert case_blind("Okafor Says things") == "Okafor Says things"


def test_a_title_case_headline_quote_has_no_spans_and_is_listed() -> None:
    article = _enriched("Council Leader Ada Okafor Says Library Will Reopen In May")
    [quote] = article.quotes
    assert quote.kind == "indirect"
    assert quote.text == "Library Will Reopen In May"
    assert quote.spans == ()
    assert quote.speaker is not None and quote.speaker.mention.endswith("Ada Okafor")
    assert quote.speaker.span is None
    assert quote.cue is not None and quote.cue.text == "Says" and quote.cue.span is None
    assert article.extensions["quotes"] == {"headline": [quote.id]}
    [source] = article.sources
    assert source.name == "Ada Okafor"
    assert quote.speaker.source == source.id


def test_headline_quotes_come_after_the_body_quotes_and_keep_their_ids() -> None:
    body = (Paragraph('"We have done our part," Okafor said on Tuesday.'),)
    article = _enriched("Greenpeace: The River Is Dying Faster Than Anyone Feared", *body)
    assert [q.id for q in article.quotes] == ["q1", "q2"]
    assert article.quotes[0].spans and not article.quotes[1].spans
    assert article.extensions["quotes"]["headline"] == ["q2"]
    off = _enriched("Greenpeace: The River Is Dying Faster Than Anyone Feared", *body, quotes_headline=False)
    assert [q.id for q in off.quotes] == ["q1"]
    assert "quotes" not in off.extensions


def test_a_headline_restating_a_body_quote_is_not_repeated() -> None:
    body = (Paragraph("Okafor said the library will reopen in May after the repairs."),)
    article = _enriched("Okafor: Library Will Reopen In May", *body)
    assert len(article.quotes) == 1
    assert article.quotes[0].spans


def test_the_option_turns_headline_reading_off() -> None:
    article = _enriched("Okafor Says Library Will Reopen In May", quotes_headline=False)
    assert article.quotes == ()


def test_find_and_explain_name_the_headline_rule() -> None:
    article = Article(headline="Okafor: Bus Fares Will Fall Next Spring", body=BODY)
    assert find_quotes(article) == []  # the body only, by default
    [quote] = find_quotes(article, headline=True)
    assert quote.spans == ()
    assert explain_quotes(article).rules == {quote.id: "headline_colon"}
    assert explain_quotes(article, headline=False).rules == {}


@pytest.mark.parametrize("fmt", ["json", "jsonl", "jsonld", "md", "ninjs", "nitf", "quotes-csv", "text", "xml"])
def test_every_writer_takes_a_quote_with_no_spans(fmt: str) -> None:
    article = _enriched("Okafor Says Library Will Reopen In May")
    out = articlekit.dumps(article, fmt)
    assert isinstance(out, str) and out


def test_json_round_trips_a_headline_quote() -> None:
    article = _enriched("Okafor Says Library Will Reopen In May")
    text = articlekit.dumps(article, "json")
    data = json.loads(text)
    assert data["extensions"]["quotes"] == {"headline": ["q1"]}
    again = (
        articlekit.loads(text, "json")
        if hasattr(articlekit, "loads")
        else articlekit.parse(text.encode(), format="json")
    )
    assert again.quotes == article.quotes


def test_a_headline_with_no_body_is_read() -> None:
    article = articlekit.api.enrich(Article(headline="Okafor Says Library Will Reopen In May"))
    assert [q.text for q in article.quotes] == ["Library Will Reopen In May"]
    assert articlekit.api.enrich(Article(headline="Library Will Reopen In May")).quotes == ()


def test_markdown_lists_a_headline_quote_as_said_in_the_headline() -> None:
    # a colon cue reads as "said", and a quote with no place in the body says where it stands
    article = _enriched("Mayor Okafor: Bus Fares Will Fall Soon")
    line = next(line for line in articlekit.dumps(article, "md").splitlines() if line.startswith("1. "))
    assert line == "1. **Okafor** said: *Bus Fares Will Fall Soon* (in the headline)"


def test_the_headline_list_joins_what_extensions_quotes_already_holds() -> None:
    kept = Article(headline="Okafor Says Library Will Reopen In May", body=BODY, extensions={"quotes": {"note": 1}})
    assert articlekit.api.enrich(kept).extensions["quotes"] == {"note": 1, "headline": ["q1"]}
    # a value of another shape (a plugin's) cannot hold the list: it is replaced, not a crash
    other = Article(headline="Okafor Says Library Will Reopen In May", body=BODY, extensions={"quotes": ["x"]})
    assert articlekit.api.enrich(other).extensions["quotes"] == {"headline": ["q1"]}


def test_the_subheadline_is_read_as_the_headline_is() -> None:
    article = Article(
        headline="Port board sets the budget",
        subheadline="Fees, official says, will rise in the spring.",
        body=BODY,
    )
    enriched = articlekit.api.enrich(article)
    (quote,) = enriched.quotes
    assert (quote.kind, quote.text, quote.speaker and quote.speaker.mention) == (
        "indirect",
        "Fees will rise in the spring",
        "official",
    )
    assert quote.spans == () and enriched.extensions["quotes"]["headline"] == [quote.id]
    # without a headline too; and the option leaves both unread
    assert len(articlekit.api.enrich(attrs.evolve(article, headline="")).quotes) == 1
    assert articlekit.api.enrich(article, quotes_headline=False).quotes == ()


def test_markdown_says_which_line_a_quote_with_no_spans_stands_in() -> None:
    # (rv15b F7: a subheadline's quote was labelled "(in the headline)")
    article = articlekit.api.enrich(
        Article(
            headline="Okafor Says Library Will Reopen In May",
            subheadline="Fees, harbor official says, will rise in the spring.",
            body=BODY,
        )
    )
    lines = [line for line in articlekit.dumps(article, "md").splitlines() if line[:3] in ("1. ", "2. ")]
    assert [line.rsplit(" (in the ", 1)[-1] for line in lines] == ["headline)", "subheadline)"]
    assert article.extensions["quotes"]["headline"] == [q.id for q in article.quotes]  # both lines' ids


def test_the_line_of_a_quote_with_no_spans_is_recorded_not_guessed() -> None:
    # (rv15c R6: a subheadline quote joined from two parts stands in neither line as it reads,
    # and its speaker's name is in the headline: it was labelled "(in the headline)")
    article = articlekit.api.enrich(
        Article(headline="Lee: Fees Will Rise", subheadline="Fees will rise, Lee says, but not yet", body=BODY)
    )
    deck = article.extensions["quotes"]["subheadline"]
    assert [q.text for q in article.quotes if q.id in deck] == ["Fees will rise but not yet"]
    lines = [line for line in articlekit.dumps(article, "md").splitlines() if line[:3] in ("1. ", "2. ")]
    assert [line.rsplit(" (in the ", 1)[-1] for line in lines] == ["headline)", "subheadline)"]
    # a headline alone lists no subheadline ids
    alone = articlekit.api.enrich(Article(headline="Okafor Says Library Will Reopen In May", body=BODY))
    assert "subheadline" not in alone.extensions["quotes"]
