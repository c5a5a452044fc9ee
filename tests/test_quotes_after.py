"""The ``after`` rules: a direct quote attributed after its closing mark. The sentences are the
examples the rules' comments give."""

from __future__ import annotations

import pytest

from tests.quote_rules import found, only, vetoes


def test_dash_after() -> None:
    assert only('"We will not back down." -- Vladimir Putin') == (
        "dash_after",
        "direct",
        "Vladimir Putin",
        "We will not back down.",
    )


def test_according_after() -> None:
    assert only('"The plan is dead," according to CNN.') == ("according_after", "direct", "CNN", "The plan is dead")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"We will win in November," the senator said.', "the senator"),
        ('"We will win in November," said Senator Ann Lee.', "Senator Ann Lee"),
        ('"Is this fair?" a narrator in the ad asks.', "a narrator in the ad"),
        ('"We need a new approach," super PAC spokeswoman Kellyanne Conway said.',
         "super PAC spokeswoman Kellyanne Conway"),
    ],
)  # fmt: skip
def test_said_after(sentence: str, speaker: str) -> None:
    rule, kind, mention, _ = only(sentence)
    assert (rule, kind, mention) == ("said_after", "direct", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"The toll will rise," said Dana Whitfield, the port authority\'s budget chief during the 2019 audit.',
         "Dana Whitfield, the port authority's budget chief during the 2019 audit"),
        ('"The toll will rise," said Omar Reyes, a councilman from Dayton, Ohio, who voted against it.',
         "Omar Reyes, a councilman from Dayton, Ohio, who voted against it"),
        ('"The toll will rise," said Lena Park, a planner in Camden, N.J.', "Lena Park, a planner in Camden, N.J."),
        ('"The toll will rise," said a city official who was not authorized to discuss the plan.',
         "a city official who was not authorized to discuss the plan"),
        # a clause of its own after the name: not part of the mention
        ('"The toll will rise," said Omar Reyes, pointing at the map.', "Omar Reyes"),
        ('"The toll will rise," said Omar Reyes, who added that the vote was close.', "Omar Reyes"),
        ('"The toll will rise," said Omar Reyes, and the room went quiet.', "Omar Reyes"),
    ],
)  # fmt: skip
def test_said_after_inverted_speaker_runs_to_the_end_of_the_sentence(sentence: str, speaker: str) -> None:
    rule, kind, mention, _ = found(sentence)[0]
    assert (rule, kind, mention) == ("said_after", "direct", speaker)


def test_said_after_joins_the_parts_a_quote_is_split_into() -> None:
    assert found('"We will win," she said, "and we will win big."') == [
        ("said_after", "direct", "she", "We will win and we will win big.")
    ]


def test_said_after_vetoes_a_title() -> None:
    sentence = 'In his book, "Make Your Kid a Millionaire," Lee suggested that parents save early.'
    assert ("said_after", "title") in vetoes(sentence)
    assert [q[0] for q in found(sentence)] == ["reported_speech"]  # the reported words, not the title


def test_said_after_vetoes_a_new_sentence() -> None:
    sentence = '"We lost the vote." She adds that the party will regroup.'
    assert ("said_after", "new_sentence") in vetoes(sentence)
    assert found(sentence) == [("reported_speech", "indirect", "She", "the party will regroup")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [('"This is a disaster," Hannity pressed.', "Hannity"), ('"Are you profiling?" reacted Trump.', "Trump")],
)
def test_verb_after(sentence: str, speaker: str) -> None:
    rule, kind, mention, _ = only(sentence)
    assert (rule, kind, mention) == ("verb_after", "direct", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('This is a "raw time," said David Axelrod.', "David Axelrod", 'This is a "raw time,"'),
        # a writer's lead of up to 20 words
        (
            'The mayor plans to help the small harbor towns of the county by building an environment of "steady growth and fair rents," Lee said.',  # noqa: E501
            "Lee",
            'The mayor plans to help the small harbor towns of the county by building an environment of "steady growth and fair rents,"',  # noqa: E501
        ),
    ],
)
def test_quoted_words_in_the_writers_sentence_make_a_mixed_quote(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("said_after+sentence", "mixed", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    [
        '"The bridge is safe," Lee said, as she toured the site, "and it will reopen in May."',
        '"The bridge is safe," Lee said, when asked about the delay, "and it will reopen in May."',
    ],
)
def test_a_clause_of_the_speaker_s_own_between_the_parts_joins_them(sentence: str) -> None:
    assert only(sentence) == ("said_after", "direct", "Lee", "The bridge is safe and it will reopen in May.")


def test_someone_else_s_attribution_between_the_parts_does_not_join_them() -> None:
    quotes = found('"The bridge is safe," Lee said, as Smith noted, "and it will reopen in May."')
    assert quotes[0] == ("said_after", "direct", "Lee", "The bridge is safe")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"We never discussed the toll," soft-spoken Mayor Reyes said.', "soft-spoken Mayor Reyes"),
        ('"The board has had enough of delays," Jun wrote.', "Jun"),
        ('"The ferry will run late again," Will wrote on Monday.', "Will"),
        ('"Nobody on the staff likes him," this source told the Tribune.', "this source"),
        ('"The bridge is safe," harbor safety expert Dana Whitfield tweeted Monday.',
         "harbor safety expert Dana Whitfield"),
        ('"The plans are steps in the right direction," Ann Lee, deputy director for ports, roads, and rail, '
         'said on the same call.', "Ann Lee, deputy director for ports, roads, and rail"),
        ('"The toll will rise," said port lawyer Omar Reyes.', "port lawyer Omar Reyes"),
        ('"The toll will rise," said the printed ballot card.', "the printed ballot card"),
    ],
)  # fmt: skip
def test_said_after_loose_speaker(sentence: str, speaker: str) -> None:
    # a quote opening its sentence, closing with a comma, then words the mention grammar does not
    # read and a speech verb: the words are the speaker
    rule, kind, mention, _ = only(sentence)
    assert (rule, kind, mention) == ("said_after", "direct", speaker)


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause, a participle or a phrase after the quote is no speaker
        '"We will win," and then the crowd said nothing.',
        '"We will win," claiming that the voters said so.',
        '"We will win," in an interview the mayor has said.',
        '"We will win," it was said.',
        # quoted words inside the writer's sentence: not a quote opening its sentence
        'The mayor insisted that he has "expanded the party," claiming that he said so.',
    ],
)
def test_said_after_loose_speaker_not_a_clause(sentence: str) -> None:
    assert not [q for q in found(sentence) if q[0] == "said_after"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        ('"The mayor wants to look tough tonight," Lee shot back.', "Lee", "shot back"),
        ('"You are all here for the free ferry," Park fired back with a laugh.', "Park", "fired back"),
        ('"Voters reject the old guard. Ortiz got fewer votes than Lee," she points out.', "she", "points out"),
    ],
)
def test_verb_after_a_reply_with_its_particle(sentence: str, speaker: str, cue: str) -> None:
    article_quotes = found(sentence)
    assert [(rule, kind, mention) for rule, kind, mention, _ in article_quotes] == [("verb_after", "direct", speaker)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"The whole system is broken," as Lee put it.', "Lee"),
        ('"The whole system is broken," as the mayor put it on Monday.', "the mayor"),
    ],
)
def test_put_it_after(sentence: str, speaker: str) -> None:
    assert only(sentence) == ("put_it_after", "direct", speaker, "The whole system is broken")


def test_as_after_a_quote_without_put_it_is_no_attribution() -> None:
    assert found('"The system," as it happens, "is broken."') == []


def test_a_speech_noun_before_the_verb_is_part_of_the_speaker() -> None:
    assert only('"The files had been hacked," the congressional report said.')[:3] == (
        "said_after",
        "direct",
        "the congressional report",
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We will win the vote in May," Lee is quoted as saying. "Nobody can stop us."',
        'Lee was quoted as saying, "We will win the vote in May. Nobody can stop us."',
    ],
)
def test_quoted_as_saying(paragraph: str) -> None:
    assert [(q[1], q[2], q[3]) for q in found(paragraph)] == [
        ("direct", "Lee", "We will win the vote in May. Nobody can stop us.")
    ]


def test_an_inverted_speakers_relative_clause_closes_the_writers_sentence() -> None:
    sentence = 'The people of Bayport "deserve someone who is made of the same stuff," said the man who built his career there.'  # noqa: E501
    assert only(sentence) == (
        "said_after+sentence",
        "mixed",
        "the man who built his career there",
        'The people of Bayport "deserve someone who is made of the same stuff,"',
    )


def test_a_relative_clause_running_into_another_quote_is_no_apposition() -> None:
    sentence = (
        'Ortiz "was handled so lightly," said an official who oversaw the case and described it as "a lesser matter."'
    )
    assert all("lesser" not in q[3] or q[0] == "characterising" for q in found(sentence))


def test_a_speech_verb_form_after_of_is_a_noun_of_the_speaker() -> None:
    # 'secretary of state': 'state' is no verb ending the mention
    assert only('"We will win," said the secretary of state Ann Lee.')[2] == "the secretary of state Ann Lee"


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        (
            '"The law is clear," the mayor points out, "and nobody is above it."',
            "the mayor",
            "The law is clear and nobody is above it.",
        ),
        (
            '"The bridge is safe," the engineer pointed out, "but the road is not."',
            "the engineer",
            "The bridge is safe but the road is not.",
        ),
        ('"Sit down," the judge snapped, "or leave my courtroom."', "the judge", "Sit down or leave my courtroom."),
    ],
)
def test_verb_after_between_the_parts_of_a_quote(sentence: str, speaker: str, words: str) -> None:
    assert found(sentence) == [("verb_after", "direct", speaker, words)]


def test_verb_after_running_on_into_a_clause_is_no_attribution() -> None:
    assert found('"It is late," Lee grumbled and went home.') == []


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            ('"Every family deserves a safe street."', "—Mayor Omar Reyes, speaking at the town hall on Monday."),
            "Mayor Omar Reyes",
        ),
        (('"We will not raise taxes this year."', "-- Ann Lee."), "Ann Lee"),
    ],
)
def test_dash_next_paragraph(paragraphs: tuple[str, ...], speaker: str) -> None:
    assert [(rule, mention) for rule, _, mention, _ in found(*paragraphs)] == [("dash_next_paragraph", speaker)]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ('"Lower taxes" was the slogan.', "— Ann Lee, the mayor."),  # the quote does not fill its paragraph
        ('"Parks for all"', "— a banner at the rally"),  # no name
        ('"Parks for all"', "— Parks, roads and rail."),  # a list, not an attribution
        ('Lee said: "Parks for all."', "— Ann Lee"),
    ],
)
def test_dash_next_paragraph_not(paragraphs: tuple[str, ...]) -> None:
    assert not [q for q in found(*paragraphs) if q[0] == "dash_next_paragraph"]


@pytest.mark.parametrize(
    ("sentence", "quotes"),
    [
        (
            '"The plan is a mess," said Kim, who said there were "too many holes in it to count."',
            [
                ("said_after", "direct", "Kim", "The plan is a mess"),
                ("reported_speech", "mixed", "Kim", 'there were "too many holes in it to count."'),
            ],
        ),
        (
            '"The plan is a mess," said Kim, who called it "a disaster for the harbor."',
            [
                ("said_after", "direct", "Kim", "The plan is a mess"),
                ("characterising", "mixed", "Kim", 'it "a disaster for the harbor."'),
            ],
        ),
        (
            '"People are tired," said council member Ann Lee, who thinks the mayor "needs to listen more."',
            [
                ("said_after", "direct", "council member Ann Lee", "People are tired"),
                ("fragment_who", "mixed", "council member Ann Lee", 'the mayor "needs to listen more."'),
            ],
        ),
        # a relative clause that ends its sentence before the next quote stays the speaker's
        (
            '"We tried," said Ann Lee, who ran the campaign. "It was not enough."',
            [("said_after", "direct", "Ann Lee, who ran the campaign", "We tried. It was not enough.")],
        ),
    ],
)
def test_an_inverted_speakers_relative_clause_with_quoted_words_is_no_apposition(
    sentence: str, quotes: list[tuple[str, str, str | None, str]]
) -> None:
    assert found(sentence) == quotes


@pytest.mark.parametrize(
    ("sentence", "rule", "speaker"),
    [
        # a no-break space between the closing mark and the attribution
        ("\u201cIf anyone wonders why the work is late, this report is the answer,\u201d\u00a0added Reyes.",
         "said_after", "Reyes"),
        ("\u201cIt is late,\u201d\u00a0Reyes added.", "said_after", "Reyes"),
        # the verb, then a clause of someone else's
        ("“Sit down,” the judge snapped as the lawyers stood up.", "verb_after", "the judge"),
        ("“Not now,” Kim sighed while the phones kept ringing.", "verb_after", "Kim"),
    ],
)  # fmt: skip
def test_an_attribution_after_the_quote(sentence: str, rule: str, speaker: str) -> None:
    assert [(r, mention) for r, _, mention, _ in found(sentence)] == [(rule, speaker)]


def test_verb_after_then_a_verb_of_the_speakers_own_is_more_than_an_attribution() -> None:
    assert found("“Not now,” Kim sighed and left the room.") == []


def test_a_loose_speaker_is_no_clause_with_a_subordinator() -> None:
    # ('the judge snapped as the lawyers' before 'argued' is a clause, not a speaker)
    assert not [q for q in found("“Sit down,” the judge snapped as the lawyers argued on.") if q[0] == "said_after"]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "words"),
    [
        # the attribution ends at its stop: the next sentence is no part of it
        ("“This is a big win for us,” the coach beamed. The players cheered.", "the coach", "This is a big win for us"),
        ("“Nobody saw it coming,” Kim sighed. Then she left the room.", "Kim", "Nobody saw it coming"),
        # a speech verb in the next sentence does not take the quote from the verb before it
        ("“We did it,” I confessed. The judge later confirmed the sentence.", "I", "We did it"),
        ("“It was close,” the mayor grinned. Her aides said nothing.", "the mayor", "It was close"),
    ],
)  # fmt: skip
def test_verb_after_ends_the_attribution_at_its_sentence(paragraph: str, speaker: str, words: str) -> None:
    assert [(r, mention, text) for r, _, mention, text in found(paragraph)] == [("verb_after", speaker, words)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "“Not now,” Kim sighed and left the room. The phones kept ringing.",  # a clause of her own
        "“Dune,” Lee read. The class said nothing.",  # a title, not words said
        "“Go,” Mr. Lee waved to the crowd and left.",  # an abbreviation is no sentence's end
    ],
)
def test_verb_after_still_rejects_more_than_an_attribution(paragraph: str) -> None:
    assert [q for q in found(paragraph) if q[0] == "verb_after"] == []


@pytest.mark.parametrize(
    ("below", "speaker"),
    [
        ("-Ann Lee, Philadelphia.", "Ann Lee"),
        ("— Omar Reyes, Dover, Del.", "Omar Reyes"),
        ("– Kim Park, Des Moines", "Kim Park"),
    ],
)
def test_dash_next_paragraph_takes_a_hometown_after_the_name(below: str, speaker: str) -> None:
    quote = '"The whole idea is wrong, and it needs to stop."'
    assert [(r, mention) for r, _, mention, _ in found(quote, below)] == [("dash_next_paragraph", speaker)]


@pytest.mark.parametrize("below", ["— Jane Doe, Associated Press", "— Reuters, London.", "- Photo: Ann Lee, Boston"])
def test_dash_next_paragraph_a_credit_with_a_place_is_no_speaker(below: str) -> None:
    assert found('"The whole idea is wrong, and it needs to stop."', below) == []


@pytest.mark.parametrize(
    ("paragraphs", "rule", "speaker"),
    [
        (("“Is it over?” a reporter can be heard asking the mayor after the vote.",), "said_after", "a reporter"),
        (("“We lost,” Lee could be heard saying.",), "said_after", "Lee"),
        (("Lee was overheard saying, “We lost.”",), "said_before", "Lee"),
    ],
)
def test_the_one_heard_saying_is_the_speaker(paragraphs: tuple[str, ...], rule: str, speaker: str) -> None:
    assert [(r, mention) for r, _, mention, _ in found(*paragraphs)] == [(rule, speaker)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“It is about time we had a mayor who listens,” exhorted Lee’s introducer, actress Ann Lee.",
         "Lee’s introducer, actress Ann Lee"),
        ("“Not on my watch,” thundered Reyes’s opponent, former judge Kim W. Park.",
         "Reyes’s opponent, former judge Kim W. Park"),
    ],
)  # fmt: skip
def test_verb_after_inverted_a_role_and_name_after_the_speakers_comma(sentence: str, speaker: str) -> None:
    assert [(r, mention) for r, _, mention, _ in found(sentence)] == [("verb_after", speaker)]


def test_verb_after_inverted_a_clause_after_the_comma_is_no_name() -> None:
    assert found("“It is about time,” exhorted Lee’s introducer, and the crowd rose.") == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ('"We are ready," the skipper barked.', "the skipper", "We are ready"),
        ('"Bring the nets," his first mate ordered.', "his first mate", "Bring the nets"),
        ('"Not today," a tired clerk sighed!', "a tired clerk", "Not today"),
    ],
)  # fmt: skip
def test_a_short_noun_and_a_past_verb_closing_the_sentence_attribute_a_single_part(
    sentence: str, speaker: str, words: str
) -> None:
    assert only(sentence) == ("verb_after", "direct", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    [
        '"Jaws," the film critic reviewed well.',  # a title, and more than the verb after the noun
        'Lee read "Dune," the novel appeared.',  # the quote does not open its sentence
        '"We are ready," the skipper barked at the crew and left.',  # more than an attribution
    ],
)
def test_a_noun_and_a_verb_after_a_single_part_need_the_whole_shape(sentence: str) -> None:
    assert not [q for q in found(sentence) if q[0] == "verb_after"]


def test_determiner_before_is_the_search() -> None:
    # said_after's test for a noun before the verb reads back from the verb, not from the
    # quote's closing mark: the same answer as the pattern searched over the whole gap
    from articlekit.enrich.quotes.clauses import _NOUN_BEFORE
    from articlekit.enrich.quotes.rules_direct import _determiner_before

    gaps = [
        '"...," the report said',
        '"...," one of the states suing the EPA, the   said',
        '"...," several\nsaid',
        '"...," Several \t said',
        '"...," THEIR said',
        '"...," lathe said',
        '"...," seveRAL said',
        '"...," its said',
        '"...," Lee said',
        '"...," the said',
        '"...,"the said',
        "the said",
        "   said",
        "said",
        '"...," a\u00a0said',
    ]
    for text in gaps:
        end = text.rindex("said")
        for lo in range(end + 1):
            expected = _NOUN_BEFORE.search(text, lo, end) is not None
            assert _determiner_before(text, lo, end) is expected, (text, lo)
    assert _determiner_before('"...," the report, the said', 6, 23)  # (the noun: "the said")
    assert not _determiner_before('"...," the report said', 6, 18)


# three apostrophes in an archive quoting with two (14b16): the first closes a single-quoted
# phrase, the last two the quote around it


@pytest.mark.parametrize(
    ("paragraph", "speaker", "words"),
    [
        ("''They shout, 'Go back home,''' said Ms. Ruiz, a nurse.", "Ms. Ruiz, a nurse", "They shout, 'Go back home,'"),
        ("''We call it 'the pit,''' he said.", "he", "We call it 'the pit,'"),
        ("''My boss told me, 'Stay late,''' Mr. Tam said on Monday.", "Mr. Tam", "My boss told me, 'Stay late,'"),
    ],
)
def test_three_apostrophes_close_a_single_quoted_phrase_and_the_quote(paragraph: str, speaker: str, words: str) -> None:
    assert only(paragraph) == ("said_after", "direct", speaker, words)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "words"),
    [
        # three apostrophes opening: the first two open the quote, the third a phrase inside it
        ("'''Go home,' they shout at me,'' said Ms. Ruiz.", "Ms. Ruiz", "'Go home,' they shout at me"),
        # two apostrophes stay one mark, a possessive's apostrophe stays a letter's
        ("''It is fine,'' he said.", "he", "It is fine"),
        ("''The players' union agreed,'' Mr. Tam said.", "Mr. Tam", "The players' union agreed"),
    ],
)
def test_apostrophes_that_are_not_three_after_a_quote_read_as_before(paragraph: str, speaker: str, words: str) -> None:
    assert only(paragraph) == ("said_after", "direct", speaker, words)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Her sons''' bikes were gone by noon, the police said.",  # (a typo outside any quote)
        "The sign read 'Closed''' and nothing more.",
        "They sold '''em all by Friday.",
    ],
)
def test_three_apostrophes_outside_a_quote_make_no_direct_quote(paragraph: str) -> None:
    assert all(kind != "direct" for _, kind, _, _ in found(paragraph))


@pytest.mark.parametrize(
    ("paragraph", "words"),
    [
        # after a space, three apostrophes open (review rv17b): the quote is read as before
        ("''He asked, '''Tis true?'' Lee said.", "'Tis true?"),
        ("''I said '''no''' to them,'' Lee said.", "I said '''no''' to them"),
    ],
)
def test_three_apostrophes_after_a_space_open(paragraph: str, words: str) -> None:
    assert [(mention, text) for _, _, mention, text in found(paragraph)] == [("Lee", words)]
