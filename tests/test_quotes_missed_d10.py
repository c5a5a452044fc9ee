"""Direct quotes the rules missed entirely, fifth round (issue 14, session 14d10): each rule or
widening kept, on sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import cues, found, only


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        # one word quoted after a one-word object: two words are enough when a name is given
        ('For that she drew the coach\'s anger - he called her "weak" and said nothing more.', "he", 'her "weak"'),
        ('The senator blasted the toll on Monday, calling it "absurd."', "The senator", 'it "absurd."'),
    ],
)  # fmt: skip
def test_characterising_a_short_object_with_one_quoted_word(sentence: str, speaker: str, words: str) -> None:
    assert ("characterising", "mixed", speaker, words) in found(sentence)


def test_characterising_needs_the_quoted_words_in_its_piece() -> None:
    # the quoted word opens the direct quote the attribution after it makes: the verb's object
    # alone ('the mayor') is no characterisation
    sentence = "Lee went after Park, calling the mayor “unhinged.” “So Park is great at one-liners,” Lee added."
    assert found(sentence) == [("said_after", "direct", "Lee", "unhinged. So Park is great at one-liners")]


def test_a_name_in_one_word_stays_a_name_without_a_short_object() -> None:
    # no object before the quoted word: the old three-word floor holds
    assert not any(rule == "characterising" for rule, *_ in found('Critics called "Lee" a pseudonym.'))


@pytest.mark.parametrize(
    "sentence",
    [
        'Monday night, the mayor toured the harbor and accused the port board of "sleeping on the job."',
        'Yesterday, the mayor toured the harbor and accused the port board of "sleeping on the job."',
    ],
)
def test_a_day_opening_the_sentence_is_no_part_of_its_subject(sentence: str) -> None:
    # ('Monday night,' introduces the sentence like 'On Monday,'; the subject after it speaks)
    assert only(sentence) == ("characterising", "mixed", "the mayor", 'the port board of "sleeping on the job."')


@pytest.mark.parametrize(
    ("sentence", "cue", "words"),
    [
        ('Lee also suggested taking action against the board after the vote: "They ought to look into it."',
         "also suggested", "They ought to look into it."),
        ('Lee recalled the long pay freeze at the depot: "I saw how hard it was for the drivers."', "recalled",
         "I saw how hard it was for the drivers."),
    ],
)  # fmt: skip
def test_a_speech_verb_with_its_object_then_a_colon_opens_a_quote(sentence: str, cue: str, words: str) -> None:
    # said_before leaves the words between the verb and the colon to verb_before, which reads
    # the speech verb as any verb's: the quote a sentence of its own, the subject one who speaks
    assert only(sentence) == ("verb_before", "direct", "Lee", words)


def test_a_speech_verb_with_its_object_then_a_title_is_still_no_quote() -> None:
    assert found('Lee recalled her favourite show: "Breaking Bad."') == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "words"),
    [
        ('The mayor\'s answer was that "every child counts," so the council must fund the schools.', "The mayor",
         "answer", '"every child counts," so the council must fund the schools'),
        ('Lee\'s slogan in that race was that Kim "would say anything for a vote."', "Lee", "slogan",
         'Kim "would say anything for a vote."'),
        ('But Park\'s main claim is that the harbor board is a "closed shop" run to "reward" its friends.', "Park",
         "claim", 'the harbor board is a "closed shop" run to "reward" its friends'),
    ],
)  # fmt: skip
def test_a_noun_of_words_a_copula_and_that_open_a_mixed_quote(
    sentence: str, speaker: str, cue: str, words: str
) -> None:
    assert only(sentence) == ("words_noun_before", "mixed", speaker, words)
    assert cues(sentence)[0][2] == cue


@pytest.mark.parametrize(
    "sentence",
    [
        'The film\'s message is that "love wins in the end."',  # a thing's words
        "Lee's view was that the plan was sound.",  # no quoted words: reported speech's, if any
        'Lee\'s answer was that the show "Harbor Lights" should stay.',  # a title
    ],
)
def test_a_noun_of_words_and_that_need_a_speaker_and_quoted_words(sentence: str) -> None:
    assert not any(rule == "words_noun_before" for rule, *_ in found(sentence))


def _parsed(text: str) -> list[tuple[str, str | None, str | None]]:
    """``(kind, speaker mention, words)`` of the quotes of a plain-text article."""
    import articlekit

    article = articlekit.parse(("Headline\n\n" + text).encode(), format="text", name="t.txt")
    return [(q.kind, q.speaker.mention if q.speaker else None, q.text) for q in article.quotes]


def test_a_one_item_list_under_a_quote_is_its_attribution() -> None:
    # the text parser reads '- Ann Lee.' as a list of one item; under a paragraph that is only
    # a quote it names the speaker, as '—Ann Lee.' does as a paragraph
    text = 'The debate was lively.\n\n"Ferries are a lifeline for the islands, and the toll is a tax."\n\n- Ann Lee.\n'
    assert _parsed(text) == [("direct", "Ann Lee", "Ferries are a lifeline for the islands, and the toll is a tax.")]


@pytest.mark.parametrize(
    "text",
    [
        'The debate was lively.\n\n"Ferries are a lifeline for the islands, and the toll is a tax."\n\n- Reuters\n',
        'The show opened on Monday.\n\n"Harbor Lights"\n\n- Ann Lee.\n',  # a title over its author
        'The debate was lively, and "the toll" came up twice.\n\n- Ann Lee.\n',  # no quote filling the paragraph
    ],
)
def test_a_one_item_list_is_no_attribution_of_a_credit_a_title_or_scare_quotes(text: str) -> None:
    assert _parsed(text) == []


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (("Republican nominee Ann Lee issued the following statement:", '"Our thoughts are with the crews."'),
         "Republican nominee Ann Lee"),
        (('Democratic nominee Omar Reyes addressed the crowd: "We will find who did this."',),
         "Democratic nominee Omar Reyes"),
    ],
)  # fmt: skip
def test_a_role_in_lower_case_between_capitals_stays_in_the_subject(paragraphs: tuple[str, ...], speaker: str) -> None:
    # the subject read forwards ends before a verb phrase a name runs into ('Jones took the
    # floor'), not at a role before the name ('nominee')
    assert [(rule, kind, mention) for rule, kind, mention, _ in found(*paragraphs)] == [
        ("verb_before", "direct", speaker)
    ]


def test_a_quote_closing_its_paragraph_after_a_sentence_of_the_paragraphs_speaker() -> None:
    paragraph = (
        '"Schools come first," says Ann Lee, 32, a teacher in Bayport. Lee backs the levy. "We need a new roof."'
    )
    assert found(paragraph)[1] == ("said_sentence_before", "direct", "Lee", "We need a new roof")
    assert cues(paragraph)[1] == ("said_sentence_before", "Lee", "backs")


@pytest.mark.parametrize(
    "paragraph",
    [
        'Ann Lee backs the levy. "We need a new roof."',  # no speaker earlier in the paragraph
        '"Schools come first," says Ann Lee. She backs the levy. "We need a new roof."',  # a pronoun
        '"Schools come first," says Ann Lee. Kim backs the levy. "We need a new roof."',  # someone else
        '"Schools come first," says Ann Lee. Lee backs the levy. "A new roof." The vote is in May.',  # not closing
    ],
)
def test_a_quote_after_a_sentence_needs_the_paragraphs_speaker_as_its_subject(paragraph: str) -> None:
    assert not any(rule == "said_sentence_before" for rule, *_ in found(paragraph))


@pytest.mark.parametrize(
    ("paragraph", "speaker", "cue"),
    [
        ('"Is that all?" Lee went on, as if she had not heard him. "We need more than that."', "Lee", "went"),
        ('"The answer is no, and it stays no," the council president riffed on the question, drawing laughs.',
         "the council president", "riffed"),
    ],
)  # fmt: skip
def test_an_attribution_after_a_quote_may_close_with_a_writers_clause(paragraph: str, speaker: str, cue: str) -> None:
    # a quote opening its sentence, the speaker and a verb in the past, then a clause of the
    # writer's after a comma: a participle, 'as' or 'while'
    assert [(rule, kind, mention) for rule, kind, mention, _ in found(paragraph)] == [("verb_after", "direct", speaker)]
    assert cues(paragraph)[0][2] == cue


def test_an_attribution_after_a_quote_still_ends_before_more_of_the_writers_words() -> None:
    # (a clause with a subject of its own after the comma is no writer's tail of the attribution)
    assert found('"Go home," Lee barked, and the guard walked the man out of the hall.') == []
