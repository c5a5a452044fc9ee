"""The ``before`` rules (a direct quote attributed before its opening mark) and a paragraph of
quote that continues its speaker's. The sentences are the examples the rules' comments give."""

from __future__ import annotations

import pytest

from tests.quote_rules import cues, found, only, vetoes


def test_colon_before() -> None:
    assert only('Putin: "We will respond to any threat."') == (
        "colon_before",
        "direct",
        "Putin",
        "We will respond to any threat.",
    )


def test_a_section_label_in_capitals_is_no_speaker() -> None:
    assert found('MOVING SHOP: "Gallery opens downtown next week."') == []


def test_said_lead_before() -> None:
    assert only('Said Ellis: "The lake is rising every year."')[:3] == ("said_lead_before", "direct", "Ellis")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('In other words, explained moderator Nancy Cordes: "The rules are the rules."', "moderator Nancy Cordes"),
        ('The mayor told reporters on Monday: "We will rebuild the bridge."', "The mayor"),
        ('The senator waved to the crowd and said, "We are not done yet."', "The senator"),
        ('Trump attacked Clinton, saying, "She has no stamina at all."', "Trump"),
        ('Stevie Wonder, who joked about the museum, "It is a very fine place to be."', "Stevie Wonder"),
    ],
)
def test_said_before(sentence: str, speaker: str) -> None:
    rule, kind, mention, _ = only(sentence)
    assert (rule, kind, mention) == ("said_before", "direct", speaker)


def test_verb_before() -> None:
    assert only('She addressed the crowd again: "We are going to win this state."')[:3] == (
        "verb_before",
        "direct",
        "She",
    )


def test_a_title_after_a_verb_is_no_quote() -> None:
    assert found('Lee watched "Breaking Bad" twice last year.') == []


def test_according_before() -> None:
    assert only('According to the statement: "The company will appeal the ruling."')[:3] == (
        "according_before",
        "direct",
        "the statement",
    )


def test_a_paragraph_of_quote_after_the_attribution_goes_on_as_the_same_quote() -> None:
    assert found('"We will win," Smith said.', '"Nobody can stop us now."') == [
        ("said_after", "direct", "Smith", "We will win. Nobody can stop us now.")
    ]


def test_continuation_after_an_attribution_with_more_words() -> None:
    # the writer's clause ends the attribution's paragraph: one quote, its next part (14j12)
    assert found('"We will win," Smith said, waving to the crowd.', '"Nobody can stop us now."') == [
        ("said_after", "direct", "Smith", "We will win. Nobody can stop us now."),
    ]


def test_continuation_after_a_sentence_of_the_writers() -> None:
    assert found('"We will win," Smith said. He then thanked the crowd.', '"Nobody can stop us now."') == [
        ("said_after", "direct", "Smith", "We will win"),
        ("continuation", "direct", "Smith", "Nobody can stop us now."),
    ]


def test_a_label_is_no_continuation() -> None:
    assert [q[0] for q in found('"We will win," Smith said, waving to the crowd.', '"Related:"')] == ["said_after"]


def test_a_participle_after_an_introduction_the_grammar_does_not_know() -> None:
    sentence = 'Here in Bayport, Lee stepped up her attacks on the council, saying, "We will not wait any longer."'
    assert only(sentence) == ("said_before", "direct", "Lee", "We will not wait any longer.")


@pytest.mark.parametrize(
    "sentence",
    [
        'Lee closed the debate by saying, "We will win this town back."',
        'Lee closed the debate by saying "We will win this town back."',
    ],
)
def test_a_participle_after_by_speaks_for_the_subject(sentence: str) -> None:
    assert only(sentence) == ("said_before", "direct", "Lee", "We will win this town back.")


def test_continue_to_before_quoted_words_is_no_speech_cue() -> None:
    # 'continue to be' says what someone goes on doing: the quoted words are in the reported
    # speech of the sentence's speaker, not a quote of the infinitive's subject
    sentence = 'Ms. Ortiz said she is sure the mayor will continue to be "a friend to every small shop."'
    assert only(sentence) == (
        "reported_speech",
        "mixed",
        "Ms. Ortiz",
        'she is sure the mayor will continue to be "a friend to every small shop."',
    )
    assert ("said_before", "verb_phrase_after") in vetoes(sentence)


def test_continued_before_a_quote_still_attributes_it() -> None:
    # the speaker going on speaking: a speech cue
    assert only('The mayor continued, "We will rebuild the bridge by May."')[:3] == (
        "said_before",
        "direct",
        "The mayor",
    )


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        ('As the senator put it, "We will win this fight."', "the senator", "put it"),
        ('As Lee puts it: "Nobody can stop us now."', "Lee", "puts it"),
        (
            'But back then, as prosecutor Ann Lee put it in a speech, "There was little to say."',
            "prosecutor Ann Lee",
            "put it",
        ),
        (
            'As Tom Reyes, the No. 2 on the council, put it, "This plan will not pass."',
            "Tom Reyes, the No. 2 on the council",
            "put it",
        ),
    ],
)
def test_put_it_before(sentence: str, speaker: str, cue: str) -> None:
    assert cues(sentence) == [("put_it_before", speaker, cue)]
    assert only(sentence)[1] == "direct"


def test_as_it_turned_out_is_no_attribution() -> None:
    assert found('As it turned out, "nobody came" to the meeting.') == []


def test_a_second_part_running_over_paragraphs_joins_the_first() -> None:
    # '"A," X said. "B' with B going on in the next paragraph: one quote, B read in its own
    # paragraphs (not the first part's)
    assert found('"We will win," Lee said. "Nobody can stop us.', '"We have the votes and the money."') == [
        ("said_after", "direct", "Lee", "We will win. Nobody can stop us. We have the votes and the money.")
    ]


def test_a_title_before_a_joined_part_opens_no_later_quote() -> None:
    # the show's title stands right before the quote's second part, which the first part's
    # attribution took: the title is not carried to the next paragraph's quote
    quotes = found(
        '"We will win," Lee said on WXYZ\'s "Morning Show." "Nobody can stop us."',
        '"The bridge is safe," Ortiz said.',
    )
    assert [(q[2], q[3]) for q in quotes] == [
        ("Lee", "We will win. Nobody can stop us."),
        ("Ortiz", "The bridge is safe"),
    ]


@pytest.mark.parametrize(
    "attribution",
    [
        "Lee said when asked about the polls, which were released on Monday.",
        "Lee said, when asked whether she wanted Ortiz to campaign for her.",
        "Lee noted in an interview with a radio host, as reported by the Herald.",
    ],
)
def test_a_passive_speech_verb_after_the_attribution_is_no_one_elses(attribution: str) -> None:
    # 'when asked', 'as reported by': no other speaker, so the quote's next part is the same quote
    assert found(f'"We will win," {attribution} "Nobody can stop us."') == [
        ("said_after", "direct", "Lee", "We will win. Nobody can stop us.")
    ]


def test_someone_elses_speech_after_the_attribution_starts_a_new_quote() -> None:
    quotes = found('"We will win," Lee said, as her rival Ortiz reported to the board. "Nobody can stop us."')
    assert quotes[0][3] == "We will win"


def test_a_title_inside_the_attribution_before_more_of_it() -> None:
    sentence = '"We will win," Lee said during an interview on WXYZ\'s "Morning Show" on Sunday. "Nobody can stop us."'
    assert found(sentence) == [("said_after", "direct", "Lee", "We will win. Nobody can stop us.")]


def test_a_next_part_the_writer_finishes_joins_the_quote() -> None:
    sentence = (
        '"The bridge is safe," Lee told reporters. "What people care about is the cost of the repairs" and the tolls.'
    )
    assert found(sentence) == [
        ("said_after", "direct", "Lee", "The bridge is safe. What people care about is the cost of the repairs")
    ]


def test_a_next_part_attributed_again_in_its_sentence_stays_apart() -> None:
    sentence = (
        '"The bridge is safe," Lee told reporters. "What people care about is the cost of the repairs" now, Ortiz said.'
    )
    assert found(sentence)[0] == ("said_after", "direct", "Lee", "The bridge is safe")


def test_verb_before_after_an_introduction_the_grammar_does_not_know() -> None:
    sentence = 'But back on the island, he returned to his familiar lines: "It is called Bayport First! No tolls!"'
    assert only(sentence) == ("verb_before", "direct", "he", "It is called Bayport First! No tolls!")


@pytest.mark.parametrize(
    "paragraphs",
    [
        ('The mayor said of the new bridge: "It will reopen in May and nobody will pay a toll."',),
        ("In a release, the port authority said about its plans for the bridge:", '"It will reopen in May."'),
    ],
)
def test_said_of_a_topic_then_a_colon(paragraphs: tuple[str, ...]) -> None:
    assert only(*paragraphs)[:2] == ("said_before", "direct")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Outside the arena, the protesters held signs and chanted "Dump the mayor."', "the protesters"),
        ('Outside the arena, Lee waved to the crowd and said, "We will win this town."', "Lee"),
    ],
)
def test_a_shared_subject_after_an_introduction_of_place(sentence: str, speaker: str) -> None:
    # the subject with its verb, not the introduction's first word
    assert only(sentence)[:3] == ("said_before", "direct", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        ('The mayor’s response was: "Is the bridge in Bayport or in Dover?"', "The mayor", "response"),
        ('Ann Lee’s campaign slogan is "We are with you."', "Ann Lee", "slogan"),
        ('Ortiz’s dictum to his interns was, "It is not a good story without a threat."', "Ortiz", "dictum"),
    ],
)
def test_words_noun_before(sentence: str, speaker: str, cue: str) -> None:
    assert cues(sentence) == [("words_noun_before", speaker, cue)]


def test_a_possessive_before_a_copula_and_quoted_words_that_are_no_words_noun() -> None:
    assert not [q for q in found('The city’s budget is "a mess."') if q[0] == "words_noun_before"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Outside the arena, about 200 protesters held signs and chanted "No more war."', "about 200 protesters"),
        ('Near the gate, more than 50 fans waved scarves and chanted "We want Kim."', "more than 50 fans"),
    ],
)
def test_a_number_with_its_approximation_is_a_shared_subject(sentence: str, speaker: str) -> None:
    assert cues(sentence)[0][:2] == ("said_before", speaker)


def test_an_approximation_not_before_a_number_is_no_mention() -> None:
    sentence = 'After the vote, the mayor talked about 20 minutes and said, "We will rebuild."'
    assert cues(sentence) == [("said_before", "the mayor", "said")]


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        ('Lee said the bridge would cost more, and Kim fired back forcefully: "That is simply false."', "Kim", "fired"),
        (
            'She said experts had found her plans sound, to which Reyes interjected: "It is just not true."',
            "Reyes",
            "interjected",
        ),
        ('When Lee said the city would sue the state, Kim fired back: "If they sue us, they lose."', "Kim", "fired"),
        ('Lee said the plan was sound; Kim disagreed: "It will never work."', "Kim", "disagreed"),
    ],
)
def test_clause_colon_before(sentence: str, speaker: str, cue: str) -> None:
    assert ("clause_colon_before", speaker, cue) in cues(sentence)


def test_clause_colon_before_a_quote_in_the_next_paragraph() -> None:
    paragraphs = ("Lee said the plan was sound, and Kim fired back:", "“It will never work.”")
    assert ("clause_colon_before", "Kim", "fired") in cues(*paragraphs)


@pytest.mark.parametrize(
    "sentence",
    [
        'He said he worked with Ortiz, who ran the data team: "Ortiz is great with numbers."',  # a relative clause
        'Lee said the plan, Kim wrote in her letter to the council on Monday: "It will never work."',  # too long
        'Lee said the plan had three parts, and Kim read the titles: "the first," "the second."',  # no sentence
    ],
)
def test_clause_colon_before_not(sentence: str) -> None:
    assert not [c for c in cues(sentence) if c[0] == "clause_colon_before"]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            ("The mayor released the following statement:", "“Our thoughts are with the families. We will rebuild.”"),
            "The mayor",
        ),
        (
            ("The harbor board describes itself this way:", "“We keep the port open, day and night.”"),
            "The harbor board",
        ),
    ],
)
def test_verb_before_a_paragraph_ending_with_a_colon(paragraphs: tuple[str, ...], speaker: str) -> None:
    assert cues(*paragraphs)[0][:2] == ("verb_before", speaker)


def test_verb_before_a_paragraph_ending_with_a_colon_not_before_a_title() -> None:
    assert found("The mayor watched two films:", "“The Long Road Home”") == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('Lee first said in the spring, when the harbor story broke, "I did not see any report."', "Lee",
         "I did not see any report."),
        ('Kim joked, again using an exaggerated drawl, "Come on up and get baptized!"', "Kim",
         "Come on up and get baptized!"),
        ('Lee said, and I quote, "We love the harbor."', "Lee", "We love the harbor."),
        ('The judge said, as the lawyers stood up, "Sit down."', "The judge", "Sit down."),
    ],
)  # fmt: skip
def test_said_before_an_aside_between_the_verb_and_the_quote(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("said_before", "direct", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    [
        'Lee said, referring to the show, "Morning Joe" was unfair to her.',  # a title after the aside
        'Lee said, when she heard the news about the "harbor plan" on Monday.',  # words of the writer's
    ],
)
def test_said_before_an_aside_not(sentence: str) -> None:
    assert not [q for q in found(sentence) if q[0] == "said_before"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('The vote led Lee to declare, "We will not give up."', "Lee"),
        ('That record prompted the U.S. harbor board, which keeps the port records, to state, "The harbor is busy."',
         "the U.S. harbor board"),
        ('The defeat forced the mayor to concede: "We lost this one."', "the mayor"),
    ],
)  # fmt: skip
def test_said_before_the_one_made_to_speak(sentence: str, speaker: str) -> None:
    assert only(sentence)[:3:2] == ("said_before", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('Lee replied angrily: "That is false."', "Lee", "That is false."),
        ('Lee told reporters bluntly, "We lost."', "Lee", "We lost."),
        ('Kim responds enthusiastically: "Okay, fine."', "Kim", "Okay, fine."),
        ('Lee said, angrily, "That is false."', "Lee", "That is false."),
    ],
)
def test_said_before_an_adverb_of_manner_is_the_attributions(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("said_before", "direct", speaker, words)


def test_said_before_only_is_no_adverb_of_manner() -> None:
    assert not [q for q in found('Lee said only "no comment."') if q[0] == "said_before"]


# ---------------------------------------------------------------- an aside between spaced hyphens (14a16)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('On Monday, the union - which represents 70 councils - said: "The cuts will hurt the poorest towns first."',
         "the union - which represents 70 councils"),
        ('Maria Ortiz - the mayor\'s sister - told the paper: "We were never asked about the deal."',
         "Maria Ortiz - the mayor's sister"),
    ],
)  # fmt: skip
def test_said_before_a_subject_with_an_aside_between_spaced_hyphens(sentence: str, speaker: str) -> None:
    rule, kind, mention, _ = only(sentence)
    assert (rule, kind, mention) == ("said_before", "direct", speaker)


@pytest.mark.parametrize(
    "sentence",
    [
        # a second subject between the hyphens, not an aside about the first
        'The co-chair - and the board - said: "We will not close the library this year."',
        # one hyphen only: no aside
        'The vote was close - the mayor said: "We will not close the library this year."',
    ],
)
def test_no_said_before_aside_for_a_second_subject_or_a_lone_hyphen(sentence: str) -> None:
    assert not any(rule == "said_before" and mention and " - " in mention for rule, _, mention, _ in found(sentence))


@pytest.mark.parametrize(
    ("paragraph", "speaker", "words"),
    [
        # a score's hyphen inside an aside set off by spaced hyphens closes nothing (review rv17a)
        ('City - beaten 4 - 0 on Saturday - said: "We were poor."', "City - beaten 4 - 0 on Saturday", "We were poor."),
        ('Arsenal - who won 3 - 1 - said: "We deserved it."', "Arsenal - who won 3 - 1", "We deserved it."),
    ],
)
def test_a_score_inside_a_spaced_hyphen_aside(paragraph: str, speaker: str, words: str) -> None:
    assert only(paragraph) == ("said_before", "direct", speaker, words)
