"""Direct quotes missed entirely and false direct quotes, sixth round (issue 14, session
14d10b): each rule or veto kept, on sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from articlekit.enrich.quotes.clauses import _subject_start
from tests.quote_rules import found


@pytest.mark.parametrize(
    "sentence",
    [
        'Ann Lee reissued her out-of-print biography, "Lost Years: The Many Lives of Tom Park," this spring.',
        'The farm was sold in 1970, Lee wrote in his 2012 book, "A Long Way Home."',
        'She hosts a weekly radio show, "Mornings with Ann Lee," the station said.',
        'One of his recent reads, "The Long War," by a historian, made that point.',
    ],
)  # fmt: skip
def test_a_work_s_title_after_its_noun_is_no_quote(sentence: str) -> None:
    assert not any(kind == "direct" for _, kind, *_ in found(sentence))


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # words in lower case after the noun are someone's, quoted from the book
        ('Lee wrote in his book, "We were never going back."', "We were never going back."),
        ('"We were never going back," Lee wrote in his book.', "We were never going back,"),
    ],
)  # fmt: skip
def test_words_in_lower_case_after_a_work_stay_quotes(sentence: str, words: str) -> None:
    assert any(kind == "direct" and quoted.startswith(words.rstrip(",.")) for _, kind, _, quoted in found(sentence))


@pytest.mark.parametrize("opening", ["But then ", "Meanwhile, ", "And "])
def test_a_connective_is_skipped_in_a_sentence_that_does_not_open_the_text(opening: str) -> None:
    # the connective pattern was anchored at the text's start: a later sentence kept it in its subject
    text = f"The vote was close. {opening}Lee went on the attack."
    start = text.index(opening)
    assert text[_subject_start(text, start, len(text)) :].startswith("Lee went")


def test_a_sentence_after_a_quote_closing_the_one_before_reads_its_subject() -> None:
    sentence = 'Lee took credit for "being right on taxes." And then Lee went on the attack, saying, "We will win."'
    assert ("said_before", "direct", "Lee", "We will win.") in found(sentence)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('"Nooooo!" the crowd cried out, booing.', "the crowd", "Nooooo!"),
        ('"Stop!" the protesters roared.', "the protesters", "Stop!"),
    ],
)  # fmt: skip
def test_a_cry_opening_its_sentence_is_words_even_in_title_case(sentence: str, speaker: str, words: str) -> None:
    assert ("verb_after", "direct", speaker, words) in found(sentence)


@pytest.mark.parametrize("sentence", ['Before "Jaws," Lee directed.', '"Help!" Ann Lee composed in 1965.'])
def test_a_title_stays_a_title(sentence: str) -> None:
    assert not found(sentence)
