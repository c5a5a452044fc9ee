"""Defects a hostile probe found (issue 14, round 14z8), each on a sentence written here."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


# --------------------------------------------------------------------------- the name Will


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("Will wrote that the harbor plan was a mistake.", "Will"),
        ("Columnist George Will said the harbor plan was a mistake.", "Columnist George Will"),
        ('"The harbor plan was a mistake," Will wrote on Sunday.', "Will"),
        ('"The harbor plan was a mistake," said Will.', "Will"),
    ],
)
def test_a_capitalised_will_before_a_past_speech_verb_or_mid_sentence_is_a_name(paragraph: str, mention: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert quote.speaker is not None and quote.speaker.mention == mention


def test_a_sentence_opening_will_as_a_modal_is_no_speaker() -> None:
    quotes = quotes_of("Will the harbor plan work? Nobody knows yet.")
    assert all(q.speaker is None or q.speaker.mention != "Will" for q in quotes)


# --------------------------------------------------------------------------- a quote split around any noun and verb


@pytest.mark.parametrize("second", ["so let us go.", "and let us go.", "let us go."])
def test_a_quote_split_around_a_common_noun_and_a_past_verb_is_attributed(second: str) -> None:
    (quote,) = quotes_of(f'"We are ready," the skipper barked, "{second}"')
    assert quote.kind == "direct" and quote.text == f"We are ready {second}"
    assert quote.speaker is not None and quote.speaker.mention == "the skipper"


# --------------------------------------------------------------------------- verbs of reply with a particle


@pytest.mark.parametrize("reply", ["shot back", "fired back", "hit back"])
def test_a_reply_with_its_particle_ends_the_reported_words_before_it(reply: str) -> None:
    reported, direct = quotes_of(f'Lee said the bridge would cost more, and Kim {reply}: "That is not true."')
    assert (reported.kind, reported.text) == ("indirect", "the bridge would cost more")
    assert reported.speaker is not None and reported.speaker.mention == "Lee"
    assert (direct.kind, direct.text) == ("direct", "That is not true.")
    assert direct.speaker is not None and direct.speaker.mention == "Kim"


def test_a_reply_with_its_particle_before_a_colon_is_no_part_of_the_speaker() -> None:
    (quote,) = quotes_of('Kim shot back: "That is not true."')
    assert quote.speaker is not None and quote.speaker.mention == "Kim"
    assert quote.cue is not None and quote.cue.text == "shot back"


# --------------------------------------------------------------------------- a short that clause


@pytest.mark.parametrize("paragraph", ["Lee told analysts that sales rose.", "Lee said that sales rose."])
def test_a_that_clause_of_a_subject_and_a_finite_verb_is_reported_speech(paragraph: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert (quote.kind, quote.text) == ("indirect", "sales rose")
    assert quote.speaker is not None and quote.speaker.mention == "Lee"


@pytest.mark.parametrize("paragraph", ["Lee noted that Wednesday.", "Lee told me that story."])
def test_two_words_after_that_without_a_finite_verb_are_no_report(paragraph: str) -> None:
    assert quotes_of(paragraph) == []


# --------------------------------------------------------------------------- a consequence the writer adds


@pytest.mark.parametrize("tail", ["sending shares down 5 percent", "prompting a sell-off", "leaving the board split"])
def test_a_consequence_participle_after_reported_words_is_the_writer_s(tail: str) -> None:
    (quote,) = quotes_of(f"Acme said on Tuesday it expected profit to fall, {tail}.")
    assert (quote.kind, quote.text) == ("indirect", "it expected profit to fall")
