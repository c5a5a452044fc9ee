"""Joining a quote's parts and where a quote's span ends (``finder.py``): the sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.quote_rules import cues, found, only


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('"The harbor plan is a disaster for the town," says the mayor, going on to list a series of other "failures."',
         "the mayor", "The harbor plan is a disaster for the town"),
        ('"The bridge is safe for every driver today," the board said, reasoning that the engineers "did not find'
         ' any crack or any sign of strain at all."', "the board", "The bridge is safe for every driver today"),
    ],
)  # fmt: skip
def test_quoted_words_a_participle_clause_runs_into_are_not_the_quote_s_next_part(
    sentence: str, speaker: str, words: str
) -> None:
    assert found(sentence)[0][1:] == ("direct", speaker, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('"The bridge is safe," the board said, reasoning that the engineers "did not find any crack at all."',
         'that the engineers "did not find any crack at all."'),
        ('"Savage," she said, meaning that he is "radical enough and does not care."',
         'that he is "radical enough and does not care."'),
    ],
)  # fmt: skip
def test_quoted_words_in_a_participle_clause_after_the_attribution_are_the_speaker_s_own_quote(
    sentence: str, words: str
) -> None:
    rule, kind, speaker, text = found(sentence)[1]
    assert (rule, kind, speaker, text) == ("said_after+participle", "mixed", found(sentence)[0][2], words)


def test_a_title_in_a_participle_clause_after_the_attribution_is_no_quote() -> None:
    assert len(found('"The plan is good," Lee said, speaking of the "Harbor Plan."')) == 1


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('"The harbor plan is a disaster," said Lee, speaking of the vote. "We will fight it."',
         "The harbor plan is a disaster. We will fight it."),
        ('"The harbor plan is a disaster," said Lee, speaking of the vote, "and we will fight it."',
         "The harbor plan is a disaster and we will fight it."),
    ],
)  # fmt: skip
def test_a_participle_clause_closed_before_the_next_part_still_joins_it(sentence: str, words: str) -> None:
    assert [(kind, speaker, text) for _, kind, speaker, text in found(sentence)] == [("direct", "Lee", words)]


def test_a_long_clause_of_the_scene_after_the_attribution_still_joins_the_next_part() -> None:
    sentence = (
        '"The plan is good," Lee said, as a few young players trained inside the hall, while outside some fans'
        " stopped to take photos of themselves near the large mural that overlooks the main door of the club."
        ' "The team will win."'
    )
    assert [(kind, speaker, text) for _, kind, speaker, text in found(sentence)] == [
        ("direct", "Lee", "The plan is good. The team will win.")
    ]


def test_a_second_sentence_after_the_attribution_still_keeps_the_parts_apart() -> None:
    sentence = '"The plan is good," Lee said, as the players trained. The coach stayed outside. "The team will win."'
    assert found(sentence)[0][1:] == ("direct", "Lee", "The plan is good")


@pytest.mark.parametrize(
    "sentence",
    [
        '"I am not sure about it," Kim told ABC News on Tuesday, when a dozen states held contests. "But we may act."',
        '"I am not sure about it," Kim said on Tuesday, as the reports came in from the coast. "But we may act."',
    ],
)
def test_a_speech_verb_s_form_after_a_determiner_is_a_noun_and_the_parts_join(sentence: str) -> None:
    assert found(sentence)[0][1:] == ("direct", "Kim", "I am not sure about it. But we may act.")


def test_someone_else_s_speech_verb_in_the_clause_still_keeps_the_parts_apart() -> None:
    sentence = '"I am not sure about it," Kim said on Tuesday, as the mayor states her case. "But we may act."'
    assert found(sentence)[0][1:] == ("direct", "Kim", "I am not sure about it")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('While the rules for the new committee are not yet clear to any of its members, they must rank their'
         ' choices, and the budget panel is less likely to be "full of hardliners," Lee said.',
         'the budget panel is less likely to be "full of hardliners,"'),
        ('The council met for three hours on Tuesday night in the old town hall to discuss the long list of'
         ' repairs; the vote will take time to "settle down," Kim said.',
         'the vote will take time to "settle down,"'),
    ],
)  # fmt: skip
def test_a_long_sentence_s_last_clause_makes_the_mixed_quote(sentence: str, words: str) -> None:
    rule, kind, _speaker, text = found(sentence)[0]
    assert (rule, kind, text) == ("said_after+sentence", "mixed", words)


def test_a_long_sentence_with_no_clause_to_cut_gives_the_quoted_words_alone() -> None:
    sentence = (
        "The council met for three hours on Tuesday night in the old town hall to discuss the long list of"
        ' repairs that the vote will take time to "settle down," Kim said.'
    )
    assert found(sentence)[0][1:] == ("direct", "Kim", "settle down")


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('The new fee drew some anger from members ("We want our money back," one member wrote on the forum).',
         "one member", "We want our money back"),
        ('The crowd booed and jeered. ("We do not want a fight," a steward said.)', "a steward", "We do not want a fight"),  # noqa: E501
    ],
)  # fmt: skip
def test_a_quote_opening_a_parenthesis_starts_there(sentence: str, speaker: str, words: str) -> None:
    assert found(sentence)[0][1:] == ("direct", speaker, words)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('"She keeps her old friends," Lee said on Monday. That makes her "a good and loyal person to the end."',
         "Lee", "She keeps her old friends a good and loyal person to the end."),
        ('"It is an ambush," she says. It is "this new kind of journalism."',
         "she", "It is an ambush this new kind of journalism."),
    ],
)  # fmt: skip
def test_the_writer_s_next_sentence_leading_into_quoted_words_joins_them(
    sentence: str, speaker: str, words: str
) -> None:
    assert [(kind, who, text) for _, kind, who, text in found(sentence)] == [("direct", speaker, words)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a subject and its verb: a quote of its own for the fragment rules
        '"It is an ambush," she says. She wants the council "to act now on it."',
        # another sentence of the writer's between
        '"It is an ambush," Lee said, pointing at the door. Kim shook his head. "It is not."',
        # an abbreviation's dot ends no sentence
        '"It is an ambush," Lee said, adding of Mr. Kim, "he is wrong."',
        # a speech verb in the lead: someone else's words
        '"It is an ambush," Lee said. Kim said it was "a fair question to ask."',
        # the quoted words have an attribution of their own
        '"It is an ambush," Lee said. It is "a fair question to ask," Kim said.',
    ],
)
def test_a_sentence_that_is_not_the_writer_s_lead_into_the_words_keeps_them_apart(sentence: str) -> None:
    assert found(sentence)[0][1:] == ("direct", "Lee" if "Lee" in sentence else "she", "It is an ambush")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee called the plan “abhorrent“ in a radio interview on Sunday.", "the plan “abhorrent“"),
        ("Lee called the plan “abhorrent” in a radio interview on Sunday.", "the plan “abhorrent”"),
    ],
)
def test_an_opening_mark_typed_for_the_closing_one_closes_the_quoted_words(sentence: str, words: str) -> None:
    assert found(sentence)[0][1:] == ("mixed", "Lee", words)


def test_quoted_words_closed_by_an_opening_mark_are_someone_s_words() -> None:
    from articlekit.enrich.quotes.marks import _last_mark, _speechy_quote

    text = "The group wants an “expedited review“ of the water system."
    assert _speechy_quote(text, 0, len(text))
    assert _last_mark(text, 0, len(text)) == text.index("“ of")
    nested = "He said “the “best” plan” was his."
    assert _last_mark(nested, 0, len(nested)) == nested.rindex("”")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('Lee said she would stay in the race until the convention. "We are in it to the very end."',
         "she would stay in the race until the convention. We are in it to the very end."),
        ("The mayor told reporters the budget was balanced. “We did not cut a single school.”",
         "the budget was balanced. We did not cut a single school."),
    ],
)  # fmt: skip
def test_a_quote_filling_the_rest_of_the_paragraph_after_reported_words_goes_on_with_them(
    sentence: str, words: str
) -> None:
    rule, kind, _, text = only(sentence)
    assert (rule.endswith("+quote_after"), kind, text) == (True, "mixed", words)


@pytest.mark.parametrize(
    "sentence",
    [
        'Lee said she would stay in the race. "We are in it to the end," Kim said.',  # its own attribution
        'Lee said she would stay in the race. "We are in it to the end." Kim disagreed.',  # not the paragraph's end
        'Lee said she would stay in the race. "Goodbye."',  # too short to be her words going on
    ],
)
def test_a_quote_after_reported_words_with_words_of_its_own_stays_apart(sentence: str) -> None:
    assert found(sentence)[0][:2] == ("reported_speech", "indirect")


def test_a_paragraph_of_quote_after_reported_words_closing_theirs_goes_on_with_them() -> None:
    rule, kind, speaker, text = only("Lee said she would stay in the race.", '"We are in it to the very end."')
    assert (rule, kind, speaker) == ("reported_speech+paragraph_after", "mixed", "Lee")
    assert text == "she would stay in the race. We are in it to the very end."


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Lee said she would stay in the race. The vote is in May.", '"We are in it to the very end."'),
        ("Lee said she would stay in the race.", '"We are in it to the very end," Kim said.'),
        ("Lee said she would stay in the race.", '"Onward."'),
    ],
)
def test_a_paragraph_of_quote_after_other_words_is_not_the_reported_words_next_part(
    paragraphs: tuple[str, str],
) -> None:
    assert "+paragraph_after" not in " ".join(rule for rule, *_ in found(*paragraphs))


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ('Lee plans to stay in the race to the end, her aide says. "We will not give up on the voters now."',
         "reported_speech.trailing+quote_after"),
        ('Lee plans to stay in the race to the end, said her aide. "We will not give up on the voters now."',
         "reported_speech.inverted+quote_after"),
    ],
)  # fmt: skip
def test_a_quote_after_a_trailing_attribution_goes_on_with_the_reported_words(sentence: str, rule: str) -> None:
    assert only(sentence) == (
        rule,
        "mixed",
        "her aide",
        "Lee plans to stay in the race to the end. We will not give up on the voters now.",
    )


def test_a_quote_in_two_apostrophes_after_reported_words_goes_on_with_them() -> None:
    sentence = "Lee said she would stay in the race until May. ''We are in it to the very end.''"
    rule, kind, _, text = only(sentence)
    assert (rule, kind, text) == (
        "reported_speech+quote_after",
        "mixed",
        "she would stay in the race until May. We are in it to the very end.",
    )


def test_a_paragraph_of_quote_after_reported_words_closing_with_a_colon_goes_on_with_them() -> None:
    rule, kind, speaker, _text = only(
        "Lee said that given the field of candidates on both sides:", '"There is only one choice, and it is Kim."'
    )
    assert (rule, kind, speaker) == ("reported_speech+paragraph_after", "mixed", "Lee")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('Lee insisted that she has "grown the party," claiming credit for the turnout.', 'she has "grown the party,"'),
        ('Kim said the report is a "distortion," describing the crew as able.', 'the report is a "distortion,"'),
        ('Lee says the mayor is "losing the fight," but she gave him credit.', 'the mayor is "losing the fight,"'),
        ('Kim said the mayor was "sulking," like a child does.', 'the mayor was "sulking,"'),
    ],
)  # fmt: skip
def test_mixed_reported_words_end_at_quoted_words_closing_on_a_comma(sentence: str, words: str) -> None:
    # the writer's participle, "like"/"as" or "but" + a new subject after the closing mark
    assert [q[3] for q in found(sentence) if q[1] == "mixed"] == [words]


def test_mixed_reported_words_go_on_past_a_comma_before_the_speakers_words() -> None:
    assert [q[3] for q in found('Lee said the plan was "late," the budget "thin" and the ferry "old."')] == [
        'the plan was "late," the budget "thin" and the ferry "old."'
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "first", "second"),
    [
        ('"We could not find them," the keeper said, adding: "We are very sad."',
         "the keeper", "We could not find them", "We are very sad."),
        ('"If she wins, nothing you can do," Lee said before adding: "Though maybe there is, I don\'t know."',
         "Lee", "If she wins, nothing you can do", "Though maybe there is, I don't know."),
        ('"The vote is close," Lee said, adding, "We will know by Friday."',
         "Lee", "The vote is close", "We will know by Friday."),
        ("'The vote is close,' Lee said, adding: 'We will know by Friday.'",
         "Lee", "The vote is close", "We will know by Friday."),
        ('"The vote is close," Lee told reporters on Monday, adding: "We will know by Friday."',
         "Lee", "The vote is close", "We will know by Friday."),
        ('"Did he say he would?" Lee asked, adding: "He never told me."',
         "Lee", "Did he say he would?", "He never told me."),
        ('"I was tired," I said, later adding: "Let us go home."', "I", "I was tired", "Let us go home."),
        ('"We lost," said Lee, whom Kim called a friend, adding: "We will be back."',
         "Lee, whom Kim called a friend", "We lost", "We will be back."),
    ],
)  # fmt: skip
def test_a_second_speech_verb_leading_into_the_next_part_opens_a_quote_of_its_own(
    sentence: str, speaker: str, first: str, second: str
) -> None:
    assert found(sentence) == [
        ("said_after", "direct", speaker, first),
        ("said_after+second_cue", "direct", speaker, second),
    ]
    assert cues(sentence)[1][2] == "adding"


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause between: the held-out folds read the part joined as often as apart
        '"The vote is close," Lee said, adding that the count was slow. "We will know by Friday."',
        '"The vote is close," Lee said, adding of the count: "We will know by Friday."',
        '"The vote is close," Lee said, adding to the "fun" of the night. "We will know by Friday."',
        # no verb of speech, or one whose words are a sign's or a chant's
        '"We are ready," Lee said, smiling: "Come in, all of you."',
        '"Look at this," Lee said, reading: "No entry after dark for anyone."',
        '"We won," Lee said, chanting, "four more years for all of us!"',
        # a title, not words
        '"The plan is good," Lee said, adding: "The Long Road Home."',
        # another subject, or the part's own attribution
        '"We are ready," Lee said, and Kim, adding: "So are we," smiled.',
        '"The plan is good," Lee said, adding: "It is cheap," an aide said later.',
        # a headline in Title Case, a nested quote, a question with no quote
        'Lee Says "We Will Win," Adding: "Never Give Up"',
        "\"He kept saying, 'adding: no,' all day,\" Lee said.",
        "Did he say he would?",
        # words running on into the writer's sentence; a document cited (review rv18n)
        '"The vote is close," Lee said, then warning, "sleeper cells" were active.',
        '"The vote is close," the board said in a report, citing: "Section 4(b) of the election code."',
    ],
)
def test_no_second_cue_part_without_a_speech_verb_leading_straight_into_someone_s_words(sentence: str) -> None:
    assert not any(rule.endswith("+second_cue") for rule, *_ in found(sentence))


def test_a_second_cue_part_keeps_each_part_s_own_words() -> None:
    assert found('"The vote is close," Lee said, adding that the count was slow. "We will know by Friday."')[0] == (
        "said_after",
        "direct",
        "Lee",
        "The vote is close. We will know by Friday.",
    )
    assert found('"The plan is good," Lee said, adding: "It is cheap," an aide said later.') == [
        ("said_after", "direct", "Lee", "The plan is good"),
        ("said_after", "direct", "an aide", "It is cheap"),
    ]


def test_a_paragraph_of_quote_after_a_second_cue_part_goes_on_with_that_part() -> None:
    # (review rv18n: the next paragraph went on with the first part, and became a quote with no cue)
    assert found(
        '"The vote is close," Lee said, adding, "We will know by Friday."',
        '"Until then, we wait."',
        '"It is late," Kim said.',
    ) == [
        ("said_after", "direct", "Lee", "The vote is close"),
        ("said_after+second_cue", "direct", "Lee", "We will know by Friday. Until then, we wait."),
        ("said_after", "direct", "Kim", "It is late"),
    ]
