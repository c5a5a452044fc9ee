"""The defects the last hostile probe left (issue 14, round 14h10), each on a sentence written
here: transcripts with speakers' labels, a slogan after a noun naming it, British single quotes
after reported words, a quote inside parentheses, a name in quote marks after ``referring to``,
a question in the next paragraph."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


def shape(quote: Quote) -> tuple[str, str, str | None]:
    return quote.kind, quote.text, quote.speaker.mention if quote.speaker is not None else None


# --------------------------------------------------------------------------- transcripts


def test_a_transcripts_turns_are_quotes_of_their_labels() -> None:
    found = quotes_of(
        "HOST: Will the mill reopen this winter?",
        "WARDELL: Not before the spring, and only if the loan comes through.",
        "HOST: And if it does not?",
        "WARDELL: Then we sell the equipment and close for good.",
    )
    assert [shape(q) for q in found] == [
        ("direct", "Will the mill reopen this winter?", "HOST"),
        ("direct", "Not before the spring, and only if the loan comes through.", "WARDELL"),
        ("direct", "And if it does not?", "HOST"),
        ("direct", "Then we sell the equipment and close for good.", "WARDELL"),
    ]


def test_titled_labels_make_a_transcript_with_one_turn_each() -> None:
    found = quotes_of("MR. OKAFOR: We have done nothing wrong here.", "MS. BRANDT: Then why were the files shredded?")
    assert [shape(q) for q in found] == [
        ("direct", "We have done nothing wrong here.", "MR. OKAFOR"),
        ("direct", "Then why were the files shredded?", "MS. BRANDT"),
    ]


def test_a_turns_label_is_the_first_and_full_name_counts_with_the_surname() -> None:
    found = quotes_of(
        "DANA WHITFIELD: Thank you for joining us tonight.",
        "OKAFOR: Glad to be here with you.",
        "WHITFIELD: What comes next for the plant?",
    )
    assert [q.speaker.mention for q in found if q.speaker is not None] == ["DANA WHITFIELD", "OKAFOR", "WHITFIELD"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a newsletter's section labels: no name takes a second turn
        ("UPDATE: The vote was moved to Friday at noon.", "SHORT READS: Three stories we liked this week."),
        ("HUFFPOLLSTER: Voters are split on the levy.", "WHITFIELD: Nobody expected the turnout."),
        # one speaker alone is no dialogue
        ("WHITFIELD: Nobody expected the turnout.", "WHITFIELD: We ran out of ballots by noon."),
        # a roundup's datelines: places, and no one says I, we or you
        ("OSLO: Is the bridge toll going up?", "MADRID: The strike ended on Monday.", "OSLO: The council votes today."),
        (
            "HARBOURTON: Will the ferry run this winter?",
            "LAKEVILLE: The school reopened after the flood.",
            "HARBOURTON: The ferry runs twice a day.",
        ),
        # a listing's fields ask nothing
        (
            "COST: Ten dollars at the door for adults.",
            "TICKETS: Sold at the library until Friday.",
            "COST: Free for all children under twelve.",
            "TICKETS: Sold at the gate on the day.",
        ),
    ],
)
def test_labels_that_make_no_dialogue_are_no_transcript(paragraphs: tuple[str, ...]) -> None:
    assert not [q for q in quotes_of(*paragraphs) if q.cue is not None and q.cue.text == ":"]


# --------------------------------------------------------------------------- a slogan after the writer's noun


def test_a_slogan_named_by_the_writer_is_no_next_part() -> None:
    (quote,) = quotes_of('"We will fight on," Lee said on Monday. Her slogan is "Ready for anything at all times."')
    assert shape(quote) == ("direct", "We will fight on", "Lee")


def test_the_writers_next_sentence_still_leads_into_her_words() -> None:
    (quote,) = quotes_of('"We will fight on," Lee said on Monday. That makes her "a loyal person to the very end."')
    assert shape(quote) == ("direct", "We will fight on a loyal person to the very end.", "Lee")


# --------------------------------------------------------------------------- reported words going on in a quote


def test_a_question_about_a_third_person_in_the_next_paragraph_is_no_next_part() -> None:
    (quote,) = quotes_of("Mayor Osei said the depot would close in March.", '"Will he really close it?"')
    assert shape(quote) == ("indirect", "the depot would close in March", "Mayor Osei")


def test_the_speakers_own_words_in_the_next_paragraph_still_go_on() -> None:
    (quote,) = quotes_of("Mayor Osei said the depot would close in March.", '"We cannot pay for it any longer."')
    assert shape(quote) == ("mixed", "the depot would close in March. We cannot pay for it any longer.", "Mayor Osei")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Mayor Osei said the depot would close. ‘We cannot pay for it any longer.’",
        "Mayor Osei said the depot would close — “We cannot pay for it any longer.”",
        'Mayor Osei said the depot would close -- "We cannot pay for it any longer."',
    ],
)
def test_a_quote_after_reported_words_in_single_marks_or_after_a_dash_goes_on(paragraph: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert quote.kind == "mixed"
    assert quote.text.endswith("We cannot pay for it any longer.")
    assert quote.speaker is not None and quote.speaker.mention == "Mayor Osei"


def test_a_title_in_single_marks_after_reported_words_is_no_next_part() -> None:
    (quote,) = quotes_of("Mayor Osei said the depot would close. ‘The Last Bus Home’ opens on Friday.")
    assert shape(quote) == ("indirect", "the depot would close", "Mayor Osei")


def test_british_single_quotes_join_across_the_attribution_and_paragraphs() -> None:
    (quote,) = quotes_of("‘We will win,’ Osei said on Monday.", "‘They have no chance at all, and they know it.’")
    assert shape(quote) == ("direct", "We will win. They have no chance at all, and they know it.", "Osei")


# --------------------------------------------------------------------------- parentheses, names mentioned


@pytest.mark.parametrize("words", ["We lost", "We want our money back"])
def test_a_quote_and_its_attribution_inside_parentheses_are_found(words: str) -> None:
    (quote,) = quotes_of(f'The levy drew some anger ("{words}," one resident wrote) and a few cheers.')
    assert shape(quote) == ("direct", words, "one resident")


def test_a_quote_in_parentheses_after_its_speaker_still_reads_the_sentence() -> None:
    (quote,) = quotes_of('The levy drew some anger ("We lost," one resident wrote on the forum) and a few cheers.')
    assert shape(quote) == ("direct", "We lost", "one resident")


def test_a_name_in_quote_marks_after_referring_to_is_no_ones_words() -> None:
    found = quotes_of('Osei, referring to the "Blue Team" of the navy, said the drill went well.')
    assert not [q for q in found if "Blue Team" in q.text and q.cue is not None and q.cue.text == "referring"]


def test_a_name_given_by_a_characterising_verb_is_still_the_speakers() -> None:
    (quote,) = quotes_of('Osei called the rival squad "Team Slowpoke" at the rally.')
    assert quote.kind == "mixed" and "Team Slowpoke" in quote.text
    assert quote.speaker is not None and quote.speaker.mention == "Osei"


# --------------------------------------------------------------------------- a quote broken off by the writer's words


@pytest.mark.parametrize(
    ("paragraph", "text", "mention"),
    [
        (
            '"I doubt the old rumour" -- that the mill was sold in secret -- "will last the winter," Osei says.',
            "I doubt the old rumour will last the winter",
            "Osei",
        ),
        (
            "“If the council had not stepped in” with the loan and the land, Osei said on Monday, “we would have"
            " closed by now.”",
            "If the council had not stepped in we would have closed by now.",
            "Osei",
        ),
    ],
)
def test_a_quote_broken_off_by_the_writer_is_the_first_part(paragraph: str, text: str, mention: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert shape(quote) == ("direct", text, mention)


@pytest.mark.parametrize(
    "paragraph",
    [
        # a title before the writer's words: not someone's words breaking off
        '"The Long Winter" opened on Friday, and "we loved every minute of it," one viewer said.',
        # a sentence of its own before the next quote
        '"I doubt the old rumour" was all he wrote. "It will pass," Osei said.',
        # quoted words in lower case, or the subject of the writer's clause
        '"the rumour of the mill" -- that is how the ad ends, an aide said, "and it works."',
        '"The old rumour mill" is the enemy here, and "we will fight it," Osei said.',
    ],
)
def test_no_first_part_from_a_title_or_another_sentence(paragraph: str) -> None:
    found = quotes_of(paragraph)
    assert all(not q.text.lower().startswith(("i doubt", "the rumour", "the old rumour", "the long")) for q in found)


# --------------------------------------------------------------------------- another speaker before the next part


@pytest.mark.parametrize(
    "between",
    ["and her husband interrupted.", "and Kim Osei added."],
)
def test_another_subjects_clause_after_the_attribution_ends_the_quote(between: str) -> None:
    found = quotes_of(f'"Tell her I promised you a picture," Lee said, {between} "Do not forget her brother Tom."')
    assert found[0].text == "Tell her I promised you a picture"
    assert found[0].speaker is not None and found[0].speaker.mention == "Lee"


def test_the_speakers_own_clause_after_the_attribution_keeps_the_quote_going() -> None:
    (quote,) = quotes_of('"Tell her I promised," Lee said, and she smiled. "Do not forget her brother Tom."')
    assert shape(quote) == ("direct", "Tell her I promised. Do not forget her brother Tom.", "Lee")


# --------------------------------------------------------------------------- the speaker's sentence finished unquoted


@pytest.mark.parametrize(
    ("paragraph", "text", "mention"),
    [
        (
            '"It is our bad luck," Osei said, that both men had ties to the old depot.',
            "It is our bad luck that both men had ties to the old depot",
            "Osei",
        ),
        (
            "“Only you, Dana,” she said, would use the hearing to speak of love.",
            "Only you, Dana would use the hearing to speak of love",
            "she",
        ),
    ],
)
def test_a_sentence_finished_after_the_attribution_is_the_quotes_next_part(
    paragraph: str, text: str, mention: str
) -> None:
    (quote,) = quotes_of(paragraph)
    assert shape(quote) == ("mixed", text, mention)


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will win," Osei said, adding that the team was ready.',
        '"We will win," Osei said on Monday. That is what she always says.',
        '"We will win," Osei said, that much was clear from her tone.',
        '"We will win," Osei said, would be her epitaph.',
        '"We will win," Osei said, was all the reporters got.',
        'In the hall, "we will win," Osei said, that much was clear.',
    ],
)
def test_no_unquoted_next_part_after_a_participle_a_new_sentence_or_a_lead(paragraph: str) -> None:
    (first, *_) = quotes_of(paragraph)
    # (after a lead, the quote is mixed with it and keeps its marks: 'In the hall, "we will win,"')
    assert first.text.lower().rstrip(',"').endswith("we will win")


# --------------------------------------------------------------------------- a mixed quote going on in the next paragraph  # noqa: E501


def test_a_paragraph_of_quote_after_a_mixed_quote_is_its_next_part() -> None:
    (quote,) = quotes_of(
        'Osei shot back in a statement, saying she had "never lost a single vote in that ward."',
        '"Frankly, the numbers speak for themselves, and everyone in town knows it."',
    )
    assert quote.kind == "mixed"
    assert quote.text.endswith("and everyone in town knows it.")
    assert quote.speaker is not None and quote.speaker.mention == "Osei"


def test_a_paragraph_of_quote_with_its_own_attribution_is_no_next_part_of_a_mixed_quote() -> None:
    found = quotes_of(
        'Osei shot back in a statement, saying she had "never lost a single vote in that ward."',
        '"The numbers say otherwise," Kim replied.',
    )
    assert [q.speaker.mention for q in found if q.speaker is not None] == ["Osei", "Kim"]


def test_a_paragraph_of_quote_after_a_fragment_rules_quote_is_its_next_part() -> None:
    (quote,) = quotes_of(
        'Osei admires the mayor as a "strong and steady leader."', '"She never gives up on this town."'
    )
    assert shape(quote) == (
        "mixed",
        'the mayor as a "strong and steady leader." She never gives up on this town.',
        "Osei",
    )


# --------------------------------------------------------------------------- quoted words inside the attribution's sentence  # noqa: E501


@pytest.mark.parametrize(
    "paragraph",
    [
        "“Everything is on the table,” Osei told the Herald after hinting that “staff changes” could come."
        " “Every single thing is on the table.”",
        '"Everything is on the table," Osei said, pointing to the "new plan" on the wall. "Every single thing is on'
        ' the table."',
    ],
)
def test_the_next_part_after_quoted_words_inside_the_attribution_joins(paragraph: str) -> None:
    first = quotes_of(paragraph)[0]
    assert first.text == "Everything is on the table. Every single thing is on the table."
    assert first.speaker is not None and first.speaker.mention == "Osei"


def test_a_quote_after_the_attribution_with_its_own_speaker_stays_apart() -> None:
    found = quotes_of('"We are ready," Osei said, pointing to the "new plan" on the wall. "Nonsense," Kim replied.')
    assert found[0].text == "We are ready"
    assert [q.speaker.mention for q in found if q.speaker is not None][-1] == "Kim"
