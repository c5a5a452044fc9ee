"""Direct quotes missed entirely, seventh round (issue 14, session 14d12): each rule kept, on
sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('Lee posted a photo of the pier called "Sunset" on her blog, writing "This is the harbor I love."',
         "Lee", "This is the harbor I love."),
        ('The mayor praised the "quiet heroes" of the flood in a speech, adding, "We owe them everything."',
         "The mayor", "We owe them everything."),
    ],
)  # fmt: skip
def test_a_participle_after_an_earlier_quote_takes_the_sentence_s_subject(
    sentence: str, speaker: str, words: str
) -> None:
    assert ("said_before", "direct", speaker, words) in found(sentence)


def test_a_participle_past_a_clause_of_its_own_keeps_no_subject_of_the_sentence() -> None:
    # the ones yelling are the relative clause's children, not the ad
    sentence = 'The ad, "Toy Town," in which children smash a toy house, yelling "Sold out!"'
    assert not any(speaker == "The ad" for _, _, speaker, _ in found(sentence))


@pytest.mark.parametrize(
    ("rule", "sentence", "expected"),
    [
        # a later clause sharing the sentence's subject; not one with a subject of its own
        ("fragment_shared_subject",
         'Kim promised to reopen the pier and, once again, pledged a "fair deal for every fisherman."',
         ("Kim", 'a "fair deal for every fisherman."')),
        ("fragment_shared_subject",
         'Kim promised to reopen the pier, and the crowd roared its "approval of the whole plan."', None),
        # a participle's clause right after an attribution, an adverb before it (the finder's
        # participle path, which the rule fragment_after_attribution once copied); not a
        # sentence after it
        ("said_after+participle",
         '"We will win," Lee said, instead choosing to praise the "quiet strength" of the crews.',
         ("Lee", 'to praise the "quiet strength" of the crews')),
        ("said_after+participle",
         '"We will win," Lee said. Critics praised the "quiet strength" of the crews.', None),
    ],
)  # fmt: skip
def test_quoted_words_of_a_clause_whose_subject_stands_earlier(
    rule: str, sentence: str, expected: tuple[str, str] | None
) -> None:
    made = [(speaker, words) for r, kind, speaker, words in found(sentence) if r == rule and kind == "mixed"]
    assert made == ([expected] if expected is not None else [])


@pytest.mark.parametrize(
    ("sentence", "rule", "words"),
    [
        ('Ann Lee, host of the radio show "Harbor Talk," told listeners, "This harbor is alive."',
         "said_before", "This harbor is alive."),
        ('Ann Lee, host of the radio show "Harbor Talk," thanked the crew for "keeping this harbor alive all winter."',
         "fragment_subject", 'the crew for "keeping this harbor alive all winter."'),
    ],
)  # fmt: skip
def test_a_subject_whose_apposition_ends_with_a_title_speaks(sentence: str, rule: str, words: str) -> None:
    # the mention grammar stops at the title's opening mark; the name before the apposition speaks
    assert any(r == rule and speaker == "Ann Lee" and quoted == words for r, _, speaker, quoted in found(sentence))


def test_someone_s_words_in_the_apposition_are_no_title() -> None:
    sentence = 'Ann Lee, who calls the pier "our best old friend," thanked the crew for "keeping it alive."'
    assert not any(r == "fragment_subject" and speaker == "Ann Lee" and quoted.startswith("the crew")
                   for r, _, speaker, quoted in found(sentence))  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Lee fired off a snappy retort: "No one is tearing up the plan."', "Lee"),
        ('Kim issued a stern warning: "Nobody touches the pier."', "Kim"),
        ('The mayor added a warning: "Nobody touches the pier."', "The mayor"),
    ],
)  # fmt: skip
def test_a_speech_word_used_as_a_noun_leaves_the_speaker_to_the_sentence_s_subject(sentence: str, speaker: str) -> None:
    # 'a snappy retort': the noun's determiner and adjective were read as the speaker
    assert [s for _, _, s, _ in found(sentence)] == [speaker]


def test_a_pronoun_and_an_irregular_past_before_a_colon_speak() -> None:
    # the mention grammar read 'he gave the mayor a grudging compliment' whole, finding no verb
    sentence = 'Kim said Lee is "a nobody," but he gave her a warm compliment: "You always know where she stands."'
    assert ("verb_before", "direct", "he", "You always know where she stands.") in found(sentence)


def test_a_role_of_several_words_in_lower_case_before_the_name_stays_in_the_subject() -> None:
    quotes = found(
        "Republican presidential nominee Ann Lee issued the following statement:",
        '"Our prayers are with all those hurt by the storm. This cannot go on."',
    )
    assert [(kind, speaker) for _, kind, speaker, _ in quotes] == [
        ("direct", "Republican presidential nominee Ann Lee")
    ]


def test_words_in_lower_case_after_a_name_that_no_name_follows_are_the_verb_s() -> None:
    from articlekit.enrich.quotes.mention import _trim_subject

    text = "Jones took the floor twice"
    assert _trim_subject(text, 0, len(text)) == (0, len("Jones"))
