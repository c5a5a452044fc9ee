"""A hostile probe of the seventh session's rules (issue 14, round 14h9): reported words joined
with the quote after them, a quote's next part led by the writer, the speaker's participle
clause, a long lead's last clause; each on a sentence written here."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


def shape(quote: Quote) -> tuple[str, str, str | None]:
    return quote.kind, quote.text, quote.speaker.mention if quote.speaker is not None else None


# --------------------------------------------------------------------------- reported words going on in a quote


@pytest.mark.parametrize(
    ("paragraph", "mention", "text"),
    [
        (
            "Dr. Rosa de la Cruz said the clinic would reopen. “We have the staff now.”",
            "Dr. Rosa de la Cruz",
            "the clinic would reopen. We have the staff now.",
        ),
        (
            'Kim argued that the plan was too costly. "Nobody can pay for this."',
            "Kim",
            "the plan was too costly. Nobody can pay for this.",
        ),
        (
            'Prices will rise next year, the governor said. "Families should prepare now."',
            "the governor",
            "Prices will rise next year. Families should prepare now.",
        ),
        (
            'According to Lee, the plan is dead. "Nobody wants it anymore."',
            "Lee",
            "the plan is dead. Nobody wants it anymore.",
        ),
        (
            'Ludwig van Beethoven Jr. said the hall was too small. "We need more seats for people."',
            "Ludwig van Beethoven Jr.",
            "the hall was too small. We need more seats for people.",
        ),
    ],
)
def test_a_quote_after_reported_words_is_their_next_part(paragraph: str, mention: str, text: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert shape(quote) == ("mixed", text, mention)


def test_a_quote_after_reported_words_holding_a_scare_quote_is_their_next_part() -> None:
    (quote,) = quotes_of('Lee said the "experts" were wrong. "They never came to look."')
    assert shape(quote) == ("mixed", 'the "experts" were wrong. They never came to look.', "Lee")


def test_a_slogan_after_reported_words_is_no_next_part() -> None:
    (quote,) = quotes_of('Lee said the plan was sound. "Make America Great Again."')
    assert shape(quote) == ("indirect", "the plan was sound", "Lee")


@pytest.mark.parametrize(
    "second",
    [
        '"Hamlet" opens at the Globe on Friday.',
        '"Save Our Park" signs lined the road.',
        '"Safe" is a relative word in this town.',
        '"Yes."',
        '"We are in it to the end" is her new motto.',
        '"We are in it to the end," which was a line from her father.',
        '"We are in it to the end": the banner said it all.',
    ],
)
def test_a_title_a_word_or_the_writer_s_sentence_after_reported_words_is_no_next_part(second: str) -> None:
    quotes = quotes_of(f"Lee said she would stay. {second}")
    assert shape(quotes[0]) == ("indirect", "she would stay", "Lee")


@pytest.mark.parametrize(
    ("second", "speaker", "text"),
    [
        ('"We are in it to the end," Kim replied.', "Kim", "We are in it to the end"),
        ('"Are you sure?" a reporter asked.', "a reporter", "Are you sure?"),
    ],
)
def test_a_quote_with_an_attribution_of_its_own_is_another_speaker_s(second: str, speaker: str, text: str) -> None:
    first, other = quotes_of(f"Lee said she would stay. {second}")
    assert shape(first) == ("indirect", "she would stay", "Lee")
    assert shape(other) == ("direct", text, speaker)


@pytest.mark.parametrize(
    "second",
    [
        '"I don\'t believe a word of it," Kim said.',
        '"Not so fast," replied her rival, Sen. Ann Ortiz.',
        '"The Long Road Home" is the title of her new memoir.',
        'Q: "Why do you stay?"',
        '"We are in it to the end." — Sen. Ann Ortiz, on Twitter.',
    ],
)
def test_a_next_paragraph_of_another_s_words_or_a_title_is_no_next_part(second: str) -> None:
    quotes = quotes_of("Lee said she would stay in the race.", second)
    assert shape(quotes[0]) == ("indirect", "she would stay in the race", "Lee")


def test_a_next_paragraph_of_quote_goes_on_with_the_reported_words() -> None:
    (quote,) = quotes_of(
        "Kim said that the bridge would open in May.", "“The work is nearly done and we are proud of it.”"
    )
    assert shape(quote) == (
        "mixed",
        "the bridge would open in May. The work is nearly done and we are proud of it.",
        "Kim",
    )


# --------------------------------------------------------------------------- the writer-led next part


@pytest.mark.parametrize(
    "second",
    [
        'Her rival called it "a bluff and nothing more."',
        'Critics call it "a bluff and nothing more."',
        'It is a "new start."',
        'It is "new."',
        'The team is "ready."',
        'The film "Jaws" opens on Friday.',
        'Fans sang "We Are the Champions."',
        'Her book is called "We Are Ready."',
    ],
)
def test_a_writer_s_sentence_naming_or_scare_quoting_is_no_next_part(second: str) -> None:
    quotes = quotes_of(f'"We are ready," Lee said on Monday. {second}')
    assert shape(quotes[0]) == ("direct", "We are ready", "Lee")


def test_a_naming_verb_s_words_belong_to_its_subject() -> None:
    _, named = quotes_of('"We are ready," Lee said on Monday. Her rival called it "a bluff and nothing more."')
    assert named.speaker is not None and named.speaker.mention == "Her rival"


@pytest.mark.parametrize(
    ("second", "words"),
    [
        ('That makes her "a loyal person to the end."', "a loyal person to the end."),
        ('It is "a matter of pride for all of us."', "a matter of pride for all of us."),
    ],
)
def test_the_writer_s_short_sentence_leads_into_her_words(second: str, words: str) -> None:
    (quote,) = quotes_of(f'"We are ready," Lee said on Monday. {second}')
    assert shape(quote) == ("direct", f"We are ready {words}", "Lee")


# --------------------------------------------------------------------------- the speaker's participle clause


@pytest.mark.parametrize(
    "tail",
    [
        'smiling as the crowd chanted "Four more years."',
        'echoing Lincoln\'s "a house divided" speech.',
        'pointing to a banner reading "Victory or Bust."',
        'waving a copy of "The Times" at reporters.',
        'wearing a "Vote Lee" T-shirt.',
    ],
)
def test_quoted_words_in_a_participle_clause_that_are_not_the_speaker_s_are_no_quote_of_hers(tail: str) -> None:
    quotes = quotes_of(f'"We are ready," Lee said, {tail}')
    assert shape(quotes[0]) == ("direct", "We are ready", "Lee")
    assert all(q.speaker is None or q.speaker.mention != "Lee" for q in quotes[1:])


@pytest.mark.parametrize(
    ("tail", "cue"),
    [
        ('arguing that managers "never wanted it."', "arguing"),
        ('calling the rival team "a bunch of amateurs."', "calling"),
        ('describing the training as "brutal but worth it."', "describing"),
    ],
)
def test_the_speaker_s_own_participle_clause_holds_her_words(tail: str, cue: str) -> None:
    first, second = quotes_of(f'"We are ready," Lee said, {tail}')
    assert shape(first) == ("direct", "We are ready", "Lee")
    assert second.kind == "mixed" and second.cue is not None and second.cue.text == cue
    assert second.speaker is not None and second.speaker.mention == "Lee"


# --------------------------------------------------------------------------- the sentence before a quote


def test_a_sentence_read_from_a_title_s_stop_makes_no_mixed_quote() -> None:
    (quote,) = quotes_of('The song ("Born in the U.S.A.") played as Lee walked in, and "we loved it," a fan said.')
    assert shape(quote) == ("direct", "we loved it", "a fan")


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We are ready," said the skipper, "and we will sail at dawn."',
        "'We are ready,' said the skipper. 'And we will sail at dawn.'",
        "“We are ready,” the skipper says. “And we will sail at dawn.”",
        '"We are ready," the skipper said, before adding, "And we will sail at dawn."',
    ],
)
def test_a_quote_s_parts_around_its_attribution_join(paragraph: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert quote.kind == "direct" and quote.text.endswith("we will sail at dawn.")
    assert quote.text.startswith("We are ready")
    assert quote.speaker is not None and quote.speaker.mention == "the skipper"


@pytest.mark.parametrize(
    "paragraph",
    [
        'The so-called "experts" said the bridge was safe.',
        'Caption: Lee at the "Save Our Park" rally on Friday.',
        "The band “Queen“ played at the show.",
    ],
)
def test_scare_quotes_titles_and_labels_are_no_quotes(paragraph: str) -> None:
    assert quotes_of(paragraph) == []
