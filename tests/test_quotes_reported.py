"""The reported-speech rules, read at a speech cue: ``according to``, participles, and a speech
verb with its speaker. The sentences are the examples the rules' comments give."""

from __future__ import annotations

import re

import pytest

from tests.quote_rules import found, only, vetoes


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("According to the ministry, the talks will resume next week.", "the talks will resume next week"),
        ("The talks will resume next week, according to the ministry.", "The talks will resume next week"),
        ("At the heart of it, according to Ross, was a decision to cut the budget.",
         "At the heart of it was a decision to cut the budget"),
    ],
)  # fmt: skip
def test_according_to(sentence: str, words: str) -> None:
    rule, kind, _, text = only(sentence)
    assert (rule, kind, text) == ("according_to", "indirect", words)


def test_participle_opening() -> None:
    assert only('Bemoaning the "phony system," Trump accused the moderator of bias.') == (
        "participle_opening",
        "mixed",
        "Trump",
        'the "phony system,"',
    )


def test_participle_clause() -> None:
    assert only("The mayor defended the budget, saying that the city must invest in roads.") == (
        "participle_clause",
        "indirect",
        "The mayor",
        "the city must invest in roads",
    )


def test_participle_clause_takes_the_speaker_of_the_quote_before_it() -> None:
    assert found("The plan will cut costs for families, the governor said, adding that taxes would fall.") == [
        ("reported_speech.trailing", "indirect", "the governor", "The plan will cut costs for families"),
        ("participle_clause", "indirect", "the governor", "taxes would fall"),
    ]


@pytest.mark.parametrize(
    ("sentence", "rule", "speaker", "words"),
    [
        ("The governor said that the state would appeal the ruling.", "reported_speech", "The governor",
         "the state would appeal the ruling"),
        ("Trump told his aides that the wall would be built.", "reported_speech", "Trump", "the wall would be built"),
        ("Putin announced Sunday she will resign from the board.", "reported_speech", "Putin",
         "she will resign from the board"),
        ("As Putin noted, the US side has taken the position of Russia into account.", "reported_speech", "Putin",
         "the US side has taken the position of Russia into account"),
        ("Authorities announced the arrest and said the suspect would appear in court.", "reported_speech",
         "Authorities", "the suspect would appear in court"),
        ("The company, which employs 3,000 people, said it would close the plant.", "reported_speech",
         "The company, which employs 3,000 people", "it would close the plant"),
        ("The plan will cut costs for families, the governor said Thursday.", "reported_speech.trailing",
         "the governor", "The plan will cut costs for families"),
        ("The plan will cut costs for families, said Governor Ann Lee.", "reported_speech.inverted",
         "Governor Ann Lee", "The plan will cut costs for families"),
        ("The museum, Mr. Bush said, celebrated the country's history.", "reported_speech.around", "Mr. Bush",
         "The museum celebrated the country's history"),
    ],
)  # fmt: skip
def test_reported_speech(sentence: str, rule: str, speaker: str, words: str) -> None:
    assert only(sentence) == (rule, "indirect", speaker, words)


def test_a_noun_is_no_speech_verb() -> None:
    sentence = "The state of the economy was weak in many other states."
    assert found(sentence) == []
    assert ("reported_speech", "noun_not_verb") in vetoes(sentence)


@pytest.mark.parametrize(
    ("sentence", "veto"),
    [
        ("In the county race, Mayor Dana Ortiz continues to lead with 40 percent of the vote.", "verb_phrase_after"),
        ("In a statement on Friday, the agency announced.", "introduction_not_words"),
        ("Speaking at the harbor, the mayor agreed.", "introduction_not_words"),
    ],
)
def test_a_trailing_attribution_without_words_of_speech_is_vetoed(sentence: str, veto: str) -> None:
    assert found(sentence) == []
    assert ("reported_speech", veto) in vetoes(sentence)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The ferry will run again in June, the mayor said to reporters.", "The ferry will run again in June"),
        ("In June the ferry will run again, the mayor said.", "In June the ferry will run again"),
        ("But he runs the port on a different principle, she said.", "he runs the port on a different principle"),
    ],
)
def test_a_trailing_attribution_still_takes_a_clause(sentence: str, words: str) -> None:
    assert [q[3] for q in found(sentence)] == [words]


@pytest.mark.parametrize(
    ("sentence", "rule", "speaker", "words"),
    [
        ("Ms. Alvarez said much of the plan was drawn up in March.",
         "reported_speech", "Ms. Alvarez", "much of the plan was drawn up in March"),
        ("The mayor said no decision had been made.", "reported_speech", "The mayor", "no decision had been made"),
        ("Tom Reyes — a ferry captain from Bayport — says the route will close.",
         "reported_speech", "Tom Reyes — a ferry captain from Bayport", "the route will close"),
        ("Several owners at the market -- including two bakers -- said the rent had doubled.",
         "reported_speech", "Several owners at the market -- including two bakers", "the rent had doubled"),
        # a comma in the words of "according to"
        ("According to the harbor board, about 40 percent of the ferries are over 30 years old.",
         "according_to", "the harbor board", "about 40 percent of the ferries are over 30 years old"),
        ("In 2019, about 60 ferries ran late, while only 12 were cancelled, according to the harbor board.",
         "according_to", "the harbor board", "In 2019, about 60 ferries ran late, while only 12 were cancelled"),
        ("According to Ann Lee, head of the harbor board, the ferries will run again.",
         "according_to", "Ann Lee, head of the harbor board", "the ferries will run again"),
        # a source of any shape
        ("Two ferries were sold, according to a report in the Bayport Herald.",
         "according_to", "a report in the Bayport Herald", "Two ferries were sold"),
        ("According to state law, no ferry may sail after midnight.",
         "according_to", "state law", "no ferry may sail after midnight"),
    ],
)  # fmt: skip
def test_reported_speech_found_in_part_3(sentence: str, rule: str, speaker: str, words: str) -> None:
    assert [(q[0], q[2], q[3]) for q in found(sentence)] == [(rule, speaker, words)]


def test_said_with_a_quantity_as_its_object_is_not_speech() -> None:
    assert found("He said little about the plan.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor won every county in Ohio, a former Confederate state.",
        "The ad will air in the two battleground states next week.",
        "Lee’s Virginia state director, Ann Park, reached out to the donors.",
    ],
)
def test_a_verb_that_cannot_agree_with_its_subject_is_a_noun(sentence: str) -> None:
    assert found(sentence) == []
    assert ("reported_speech", "no_agreement") in vetoes(sentence)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The bridge will reopen in May, his aides say.", "his aides"),
        ("The bridge will reopen in May, a spokesman says.", "a spokesman"),
        ("Lee and his wife say the bridge will reopen in May.", "Lee and his wife"),
        ("Ann Lee, who has lived here since the age of 25, says the bridge will reopen.",
         "Ann Lee, who has lived here since the age of 25"),
    ],
)  # fmt: skip
def test_a_verb_that_agrees_with_its_subject_stays_speech(sentence: str, speaker: str) -> None:
    _, kind, mention, _ = only(sentence)
    assert (kind, mention) == ("indirect", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Some teachers at the school in Bayport said they welcomed the plan.",
         "Some teachers at the school in Bayport", "they welcomed the plan"),
        ("Many of the local leaders who would rather work for Lee said they backed the mayor.",
         "Many of the local leaders who would rather work for Lee", "they backed the mayor"),
        ("The mayor of Bayport said the bridge would reopen.", "The mayor of Bayport", "the bridge would reopen"),
        # (the gap before the name ends with "the", holds "whose" or "who'd": the subject is read)
        ("Some workers at the Bayport Mill said they welcomed the plan.", "Some workers at the Bayport Mill",
         "they welcomed the plan"),
        ("Several parents whose children attend Bayport High said the plan would fail.",
         "Several parents whose children attend Bayport High", "the plan would fail"),
        ("Teachers who'd worked with Ann Park said she was fair.", "Teachers who'd worked with Ann Park",
         "she was fair"),
    ],
)  # fmt: skip
def test_a_name_at_the_end_of_the_subject_speaks_for_the_whole_subject(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Another teacher, Ann Park of Bayport High School, said the plan would fail.",
         "Another teacher, Ann Park of Bayport High School"),
        ("In a statement, Ann Park of the Bayport Bank, said the plan would fail.", "Ann Park of the Bayport Bank"),
    ],
)  # fmt: skip
def test_a_subject_set_off_by_a_comma_before_the_verb_speaks(sentence: str, speaker: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, "the plan would fail")


def test_words_before_a_comma_that_are_not_the_subject_do_not_speak() -> None:
    assert only("The bridge will reopen in May, said the mayor.")[2] == "the mayor"


def test_a_participle_clause_after_an_introduction_the_grammar_does_not_know() -> None:
    sentence = "Here in Bayport, Lee stepped up her attacks on the council, saying that the bridge must reopen."
    assert only(sentence) == ("participle_clause", "indirect", "Lee", "the bridge must reopen")


@pytest.mark.parametrize(
    "sentence",
    [
        "Here in Bayport, Mayor Jane Doe said the bridge would reopen in May.",
        "Back at the town hall, Mayor Jane Doe said the bridge would reopen in May.",
    ],
)
def test_an_introduction_of_place_is_not_reported_words(sentence: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", "Mayor Jane Doe", "the bridge would reopen in May")


def test_a_place_adverb_opening_content_stays_in_it() -> None:
    # "Here is" is no introduction: the words before the attribution are what was said
    assert only("Here is the problem with the bridge, Mayor Jane Doe said.")[3] == "Here is the problem with the bridge"


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        # after 'but', the sentence's subject speaks
        ("A spokesman for the port declined to discuss the audit but said in a statement that the ferry "
         "was never at risk.", "A spokesman for the port", "the ferry was never at risk"),
        ("The mayor did not name the contractor, but told reporters the repairs would take a month.",
         "The mayor", "the repairs would take a month"),
        ("Ann Lee skipped the hearing but later said the vote had been rushed.", "Ann Lee",
         "the vote had been rushed"),
        ("Hospital groups welcomed the vote but warned that the money would only buy time.", "Hospital groups",
         "the money would only buy time"),  # (the subject runs to its verb: not 'Hospital')
        # a time between the subject and its verb is not the speaker's
        ("Senator Dana Ortiz (D-Ohio) last week said the ferry was never at risk.", "Senator Dana Ortiz (D-Ohio)",
         "the ferry was never at risk"),
        ("Lee on Tuesday said the ferry was never at risk.", "Lee", "the ferry was never at risk"),
        ("Kim earlier this month said the ferry was never at risk.", "Kim", "the ferry was never at risk"),
        # a phrase set off by commas between the subject and its verb
        ("Lee, during a town hall meeting in Dayton, Ohio, said the ferry would run again.", "Lee",
         "the ferry would run again"),
        ("Sen. Ann Lee, facing a hard race in Iowa, a swing state, said she would welcome Park.", "Sen. Ann Lee",
         "she would welcome Park"),
        # an adverb between the subject and its verb
        ("Carter however said he would welcome the talks.", "Carter", "he would welcome the talks"),
        ("The mayor quietly said he would welcome the talks.", "The mayor", "he would welcome the talks"),
        ("Her campaign workers here said they have been knocking on doors since May.", "Her campaign workers",
         "they have been knocking on doors since May"),
        # a possessive after the listener opens the words
        ("The director of the port, Ann Park, told the Herald her office never signed the contract.",
         "The director of the port, Ann Park", "her office never signed the contract"),
        # what was asked: a question after the listener, or the listener and what they were asked to do
        ("A reporter from the Herald asked Mayor Reyes on Friday whether the bridge would reopen.",
         "A reporter from the Herald", "whether the bridge would reopen"),
        ("Lee asked the council if it planned to vote.", "Lee", "if it planned to vote"),
        ("Ann Park asked how the ferry would be paid for.", "Ann Park", "how the ferry would be paid for"),
        ("The pastor asked the congregation to stand for the victims.", "The pastor",
         "the congregation to stand for the victims"),
        ("At a town hall in Reno, the senator urged voters to register early.", "the senator",
         "voters to register early"),
        # a share with its figure set off, or opening a clause after a relative word or "that"
        ("A third of renters, 31%, say they feel that way.", "A third of renters, 31%", "they feel that way"),
        ("And a full 70 percent of teachers say they would back the plan.", "a full 70 percent of teachers",
         "they would back the plan"),
        ("It was a year in which a majority of farmers say they lost money.", "a majority of farmers",
         "they lost money"),
        ("The good news is that 70 percent of nurses in the survey said they would stay.",
         "70 percent of nurses in the survey", "they would stay"),
        # a verb of reply with its particle, before "that"
        ("Lee fired back that the report was a smear.", "Lee", "the report was a smear"),
        ("The senator shot back that the claim was false.", "The senator", "the claim was false"),
        ("Kim hit back at her critics that the union had lied.", "Kim", "the union had lied"),
        # a decision or stance of the speaker's own announced or declared, without its date
        ("Lee announced her candidacy on Monday.", "Lee", "her candidacy"),
        ("The governor declared his support for the new bridge.", "The governor", "his support for the new bridge"),
        ("The coach announced his retirement in May 2019.", "The coach", "his retirement"),
        # an aside set off by commas between the verb and "that"
        ("He said, twice, that he was going back to work.", "He", "he was going back to work"),
        ("Lee said on the radio, where she is a regular guest, that the mayor should resign.", "Lee",
         "the mayor should resign"),
        # a head, then the preposition whose object the mention found is: the whole phrase
        ("A document on the website states that the plan was approved.", "A document on the website",
         "the plan was approved"),
        # a place of the saying with a comma after it; words before declining to say more
        ("Lee in a post on Monday, a holiday, said the bridge would reopen.", "Lee", "the bridge would reopen"),
        ("The mayor said the bridge was old but declined to say when it would close.", "The mayor",
         "the bridge was old"),
    ],
)  # fmt: skip
def test_reported_speech_more_forms(sentence: str, speaker: str, words: str) -> None:
    rule, kind, mention, text = only(sentence)
    assert (rule, kind, mention, text) == ("reported_speech", "indirect", speaker, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee said the delay helped the mayor, who does not need to prove his staying power.",
         "the delay helped the mayor"),
        ("Park argued the council should back the plan, based on polls that show it leading.",
         "the council should back the plan"),
        ("Most voters said Lee would do better, compared with 41 percent for Park.", "Lee would do better"),
        ("Analysts said the senator might fail to turn out his voters, but he would still win the county.",
         "the senator might fail to turn out his voters"),
        # the speaker's own words as often as not: kept
        ("Lee said the panel had agreed on most of the plan, but the budget had been revised since May.",
         "the panel had agreed on most of the plan, but the budget had been revised since May"),
        ("Lee said the ferry would run every two hours until the boat is repaired, which could take a month.",
         "the ferry would run every two hours until the boat is repaired, which could take a month"),
        ("Both sides say they want a deal on the bridge, but neither has moved.",
         "they want a deal on the bridge, but neither has moved"),
        # too short to be the words without the tail, or quoted words: left alone
        ("Lee said Park, who lost, was right.", "Park, who lost, was right"),
    ],
)  # fmt: skip
def test_reported_speech_ends_before_the_writers_tail(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


def test_according_to_not_left_with_a_stub() -> None:
    # the reported speech before 'according to' is a quote of its own: what it leaves ('On
    # Monday, Lee') is no one's words
    sentence = "On Monday, Lee said she was happy to see the bridge reopen, according to the Bayport Herald."
    assert found(sentence) == [("reported_speech", "indirect", "Lee", "she was happy to see the bridge reopen")]
    assert ("according_to", "no_words") in vetoes(sentence)


def test_maintain_needs_that() -> None:
    # 'maintained' with an object is not speech; with 'that' it is
    assert found("Mrs. Lee maintained an energetic pace into her nineties.") == []
    assert only("Mrs. Lee maintained that the ferry was safe.")[3] == "the ferry was safe"


@pytest.mark.parametrize(
    "sentence",
    ["She asked for a photo.", "Lee asked to speak to the manager.", "Lee, who asked not to be named, left."],
)
def test_reported_speech_asked_without_a_question(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("The council opposed the closing of the depot, which critics say left the town without buses.",
         "critics", "which left the town without buses"),
        ("Lee signed a letter of apology that she said was drafted by the firm.", "she",
         "that was drafted by the firm"),
        ("The new rules, which officials said will take effect in May, do not apply to ferries.", "officials",
         "which will take effect in May"),
        ("Park criticised what he said were the failures of the plan.", "he", "what were the failures of the plan"),
        # a clause of its own after the cue: the pronoun is its object
        ("The mayor wants a new pier, which he said the state should pay for.", "he",
         "which the state should pay for"),
        ("It backs the same plan, which she said it would veto.", "she", "which it would veto"),
    ],
)  # fmt: skip
def test_reported_speech_relative(sentence: str, speaker: str, words: str) -> None:
    # a speech verb in a relative clause whose pronoun is what was said
    rule, kind, mention, text = only(sentence)
    assert (rule, kind, mention, text) == ("reported_speech.relative", "indirect", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ad shows an interview in which he says he will build a wall.",
        "Park focused on what he said were the failures of the plan.",
        "Lee said that she told reporters the plan was dead.",
        # a listener's phrase read over a second relative clause: no clause follows the cue
        "He wants to compare what she told the FBI with what she told to Congress.",
    ],
)
def test_reported_speech_not_relative(sentence: str) -> None:
    assert all(rule != "reported_speech.relative" for rule, *_ in found(sentence))


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("According to early results of the exit poll conducted by Bayport Research for the Herald and three "
         "television stations, most voters want the bridge.",
         "early results of the exit poll conducted by Bayport Research for the Herald and three television stations",
         "most voters want the bridge"),
        ("Lee now leads Park by 46 percent to 39 percent according to a Herald poll released Monday.",
         "a Herald poll released Monday", "Lee now leads Park by 46 percent to 39 percent"),
    ],
)  # fmt: skip
def test_according_to_long_source_and_no_comma(sentence: str, speaker: str, words: str) -> None:
    rule, kind, mention, text = only(sentence)
    assert (rule, kind, mention, text) == ("according_to", "indirect", speaker, words)


def test_mixed_words_end_before_the_next_report() -> None:
    # reported words holding quoted ones end before 'but' or 'and' and another speech verb, which
    # starts a quote of its own by the same speaker
    assert found('Lee says she respects Park\'s "passion and grit" but argues that he cannot pay for the ferry.') == [
        ("reported_speech", "mixed", "Lee", 'she respects Park\'s "passion and grit"'),
        ("reported_speech", "indirect", "Lee", "he cannot pay for the ferry"),
    ]


def test_a_verb_inside_the_speakers_relative_clause_is_not_a_parenthetical_attribution() -> None:
    # the apposition's relative clause holds "argued", whose object runs on: no "A, X said, B"
    sentence = "Smith, a graduate of Yale Law School who has argued many cases, will do an excellent job, Jones said."
    assert only(sentence) == (
        "reported_speech.trailing",
        "indirect",
        "Jones",
        "Smith, a graduate of Yale Law School who has argued many cases, will do an excellent job",
    )
    assert ("reported_speech", "not_parenthetical") in vetoes(sentence)
    # the parenthetical itself still reads both sides
    rule, _kind, speaker, words = only("The ferry, the mayor said, will run again in June.")
    assert (rule, speaker) == ("reported_speech.around", "the mayor")
    assert words.startswith("The ferry")


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Mr. Park, then 38, said he was advised to find a deputy.", "Mr. Park, then 38",
         "he was advised to find a deputy"),
        ('Ann Kim, the author of "Small Towns," about rural life, said the days of the diner are gone.',
         'Ann Kim, the author of "Small Towns," about rural life', "the days of the diner are gone"),
        ("Senator Tom Ray, the Ohio Republican who heads the farm committee, which oversees the budget, said the "
         "bill would fail.",
         "Senator Tom Ray, the Ohio Republican who heads the farm committee, which oversees the budget",
         "the bill would fail"),
    ],
)  # fmt: skip
def test_reported_speech_subject_set_off_by_commas(sentence: str, speaker: str, words: str) -> None:
    # an apposition or a relative clause set off by commas between the subject and its verb
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    ["The bridge will close, said Lee.", "The bridge, which is old, will close, said Lee."],
)
def test_reported_speech_set_off_subject_is_not_an_inversion(sentence: str) -> None:
    # the words before ", said X" with a verb of their own are what X said, not a subject
    rule, _kind, speaker, _words = only(sentence)
    assert (rule, speaker) == ("reported_speech.inverted", "Lee")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("He said the number of voters -- always small to begin with -- shrinks every year.",
         "the number of voters -- always small to begin with -- shrinks every year"),
        ("She said a rift exists between the two towns — mainly the farmers — and the police.",
         "a rift exists between the two towns — mainly the farmers — and the police"),
        ("He said the plan would fail -- and that it was never meant to work.", "the plan would fail"),
    ],
)  # fmt: skip
def test_reported_words_run_over_an_aside_between_dashes(sentence: str, words: str) -> None:
    # an aside between two dashes, after which the words go on, is inside the reported words;
    # a lone dash still ends them
    assert only(sentence)[3] == words


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("If there were any doubts about his plans, Lee argued the bridge would close in May.", "Lee",
         "the bridge would close in May"),
        ("Even as the mayor won the vote, critics insisted there was fraud.", "critics", "there was fraud"),
        ("A few weeks before the vote, the council says it is unwilling to debate.", "the council",
         "it is unwilling to debate"),
    ],
)  # fmt: skip
def test_words_before_a_speaker_whose_verb_runs_on_are_not_reported(sentence: str, speaker: str, words: str) -> None:
    # the verb runs on into its words: no "A, X said, B", the words before introduce the report
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)
    # with the attribution set apart, both sides are the words
    assert only("The bridge, the mayor said, will close in May.")[0] == "reported_speech.around"


@pytest.mark.parametrize(
    ("sentence", "rule", "speaker", "words"),
    [
        ("He pointed out that the bridge was old.", "reported_speech", "He", "the bridge was old"),
        ("Labor leaders point out that the mayor could lose.", "reported_speech", "Labor leaders",
         "the mayor could lose"),
        ("The mayor defended the plan, pointing out that the bridge was old.", "participle_clause", "The mayor",
         "the bridge was old"),
        ("As Lee pointed out, the bridge is old.", "reported_speech", "Lee", "the bridge is old"),
    ],
)  # fmt: skip
def test_point_out_reports_speech(sentence: str, rule: str, speaker: str, words: str) -> None:
    # "point out" is a speech verb with its particle
    assert only(sentence) == (rule, "indirect", speaker, words)


def test_point_without_out_is_still_characterising() -> None:
    assert only('He pointed to the "record" of the mayor.')[:2] == ("characterising", "mixed")
    # without quoted words, "point to" reports the evidence cited (test_point_to_reports_the_evidence_cited)
    assert only("He pointed to the record of the mayor.")[::3] == ("reported_speech", "the record of the mayor")


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("More than six in 10 said they were tired of the campaign.", "More than six in 10",
         "they were tired of the campaign"),
        ("Just over a quarter, 26 percent, say they will vote for someone else.", "Just over a quarter, 26 percent",
         "they will vote for someone else"),
        ("Among likely voters, about two-thirds, 67 percent, say they will vote for Lee.",
         "about two-thirds, 67 percent", "they will vote for Lee"),
        ("Large majorities of voters in four states said they support the tax.",
         "Large majorities of voters in four states", "they support the tax"),
        ("Four in five voters in Bayport said the tax was too high.", "Four in five voters in Bayport",
         "the tax was too high"),
        ("Just over half of the teachers, 52 percent, said the plan would fail.",
         "Just over half of the teachers, 52 percent", "the plan would fail"),
    ],
)  # fmt: skip
def test_reported_speech_with_a_share_of_a_group_as_subject(sentence: str, speaker: str, words: str) -> None:
    # a quantity opening the sentence or a clause is the speech verb's subject
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


def test_reported_words_end_before_another_share_answering() -> None:
    assert found("Most voters said the bridge was old, and more than 4 in 10 said the mayor would win.") == [
        ("reported_speech", "indirect", "Most voters", "the bridge was old"),
        ("reported_speech", "indirect", "more than 4 in 10", "the mayor would win"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee said the bridge was closed, but Cook did not say when.",
        "Lee said the bridge was closed, but she declined to comment further.",
    ],
)
def test_reported_words_end_before_someone_declining_to_speak(sentence: str) -> None:
    assert only(sentence)[3] == "the bridge was closed"


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("The bridge, she said, was old.", "she", "The bridge was old"),
        ("This campaign, he says, is different.", "he", "This campaign is different"),
        # a speaker whose mention opens with words in lower case
        ("Ms. Park, these people said, would be open to other steps.", "these people",
         "Ms. Park would be open to other steps"),
        ("The cause of the delay, union members and leaders say, is a lack of money.", "union members and leaders",
         "The cause of the delay is a lack of money"),
    ],
)  # fmt: skip
def test_words_set_apart_by_an_attribution_may_be_short_on_one_side(sentence: str, speaker: str, words: str) -> None:
    # "A, X said, B" with a short B: the words on both sides make the quote
    assert only(sentence) == ("reported_speech.around", "indirect", speaker, words)
    # an introduction of time stays out of the words
    assert only("This week, she said, the bridge will close.")[3] == "the bridge will close"


@pytest.mark.parametrize(
    "sentence",
    ["Lee carried New Jersey and four other states.", "Lee won Texas and other states by wide margins."],
)
def test_a_form_in_s_after_two_joined_phrases_is_a_noun(sentence: str) -> None:
    assert found(sentence) == []
    assert ("reported_speech", "no_agreement") in vetoes(sentence)


def test_two_joined_subjects_still_say() -> None:
    assert only("Lee and his wife say the bridge is old.")[2:] == ("Lee and his wife", "the bridge is old")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee suggested the city should send more buses.", "the city should send more buses"),
        ("Lee promised her whole program would be paid for by the port.", "her whole program would be paid for by "
         "the port"),
    ],
)  # fmt: skip
def test_a_verb_needing_that_reports_a_clause_without_it(sentence: str, words: str) -> None:
    # a subject opened by a determiner or a name, then an auxiliary: a clause all the same
    assert only(sentence) == ("reported_speech", "indirect", "Lee", words)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee announced plans to build a bridge.",
        "Lee announced the candidates who will run.",
        "Aides announce the guests when it is their turn.",
    ],
)
def test_a_verb_needing_that_with_an_object_reports_nothing(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Lee leads the race, with 30 percent of voters saying they like him.", "30 percent of voters",
         "they like him"),
        ("Park attacked Lee, with the campaign of the former mayor saying Lee was not a real conservative.",
         "the campaign of the former mayor", "Lee was not a real conservative"),
    ],
)  # fmt: skip
def test_participle_with_its_own_subject_after_with(sentence: str, speaker: str, words: str) -> None:
    # "with X saying ...": an absolute clause whose subject speaks
    assert only(sentence) == ("participle_clause", "indirect", speaker, words)


def test_participle_after_with_and_an_object_reports_nothing() -> None:
    assert found("The firm moved, with the combined company claiming residency in Ireland.") == []


def test_reported_speech_after_then_shares_the_subject() -> None:
    assert only("Lee offered the man a job, then says he will welcome advice.") == (
        "reported_speech",
        "indirect",
        "Lee",
        "he will welcome advice",
    )


def test_a_participle_joined_by_and_to_another_shares_its_subject() -> None:
    sentence = "Lee ducked, waving at the crowd and saying that good senators are overrated."
    assert only(sentence) == ("participle_clause", "indirect", "Lee", "good senators are overrated")
    assert found("Lee ducked, waving at the crowd and saying nothing.") == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Jeb Lee in a Medium post said he would appoint more judges.", "Jeb Lee", "he would appoint more judges"),
        ("His critics in the city, many of them retired teachers, argue that the mayor is a fraud.", "His critics",
         "the mayor is a fraud"),
        ("Mr. Park, citing the budget, said the bridge could open soon.", "Mr. Park", "the bridge could open soon"),
    ],
)  # fmt: skip
def test_reported_speech_with_a_modifier_between_subject_and_verb(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Although the vote is close, Lee has suggested that the count was wrong.", "Lee", "the count was wrong"),
        ("Just days before the vote, the company said on Friday that it had closed the plant.", "the company",
         "it had closed the plant"),
    ],
)  # fmt: skip
def test_words_before_a_speaker_whose_verb_takes_that_are_not_reported(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


def test_according_to_after_a_connective() -> None:
    sentence = "But according to reports in the local press, the mayor could not convince his family."
    rule, kind, _speaker, words = only(sentence)
    assert (rule, kind, words) == ("according_to", "indirect", "the mayor could not convince his family")


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("When asked by a reporter whether the plan would fail, Lee shook her head.", "a reporter",
         "whether the plan would fail"),
        ("Lee was asked by host Ann Park whether her aim was similar to Kennedy's.", "host Ann Park",
         "whether her aim was similar to Kennedy's"),
    ],
)  # fmt: skip
def test_asked_by(sentence: str, speaker: str, words: str) -> None:
    # a passive "asked by X" reports what X asked
    assert only(sentence) == ("asked_by", "indirect", speaker, words)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Lee accused Park of a smear while Park suggests the mayor is a captive of the port.", "Park",
         "the mayor is a captive of the port"),
        ("Lee is backing the mayor -- not me -- and he says he will do everything he can.", "he",
         "he will do everything he can"),
    ],
)  # fmt: skip
def test_reported_speech_in_a_clause_of_its_own_after_other_words(sentence: str, speaker: str, words: str) -> None:
    # the words before the speaker end a clause of their own ("while", "yet", a dash)
    assert only(sentence)[1:] == ("indirect", speaker, words)


def test_a_trailing_attribution_before_a_semicolon() -> None:
    sentence = "The bridge will need about 40 percent of the budget, analysts say; in 2012, the city spent less."
    assert only(sentence) == (
        "reported_speech.trailing",
        "indirect",
        "analysts",
        "The bridge will need about 40 percent of the budget",
    )


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee said the court agreed to hear cases that would help the port, while dealing setbacks to the unions.",
         "the court agreed to hear cases that would help the port, while dealing setbacks to the unions"),
        ("Lee said she treated the photo line as a crucial, although brief, chance to ask a question.",
         "she treated the photo line as a crucial, although brief, chance to ask a question"),
        ("Lee said the bridge was old, while Park thought it was new.", "the bridge was old"),
    ],
)  # fmt: skip
def test_reported_words_run_over_a_participle_or_short_aside_after_while(sentence: str, words: str) -> None:
    # ", while" or ", although" ends the words only before a clause of its own
    assert only(sentence)[3] == words


def test_an_indefinite_object_is_not_reported_words() -> None:
    assert found("Lee claimed a victory in the primary last month.") == []
    assert only("Lee said a major concern was the heat.")[3] == "a major concern was the heat"


@pytest.mark.parametrize(
    "sentence",
    [
        "In the final Mass of his trip, held along the border, Francis told the story of the city.",
        "On Friday morning, the third day of his tour, Lee told a joke.",
    ],
)
def test_an_introduction_with_its_apposition_is_no_trailing_words(sentence: str) -> None:
    assert found(sentence) == []
    assert ("reported_speech", "introduction_not_words") in vetoes(sentence)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("The judge who ruled that the search was unlawful retired last year.", "The judge",
         "the search was unlawful"),
        ("The judge who ruled that the officers acted within the law has since retired.", "The judge",
         "the officers acted within the law"),
        ("Voters who said the economy was weak backed Lee by a wide margin.", "Voters", "the economy was weak"),
        ("Lee, who said the plan was flawed, voted for it anyway.", "Lee", "the plan was flawed"),
        ("Lee, who said the plan, drafted last year, was flawed, spoke first.", "Lee",
         "the plan, drafted last year, was flawed"),
    ],
)  # fmt: skip
def test_reported_words_in_a_relative_clause_end_before_the_main_verb(sentence: str, speaker: str, words: str) -> None:
    # the speaker is the antecedent of "who" in the sentence's subject: the main clause's verb
    # ends the words
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The judge who ruled that the search was conducted by officers who entered the house retired.",
         "the search was conducted by officers who entered the house"),
        ("Lee, who said the plan was flawed, unfair and costly, will vote no.", "the plan was flawed, unfair and costly"),  # noqa: E501
        ("The judge said the search was unlawful and the officers had acted alone.",
         "the search was unlawful and the officers had acted alone"),
    ],
)  # fmt: skip
def test_a_verb_inside_the_relative_clause_does_not_end_the_words(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("The county will certify the result on Friday, the clerk said, but would not give the count.", "the clerk",
         "The county will certify the result on Friday"),
        ("The vote was close, said Kim, but left before the count.", "Kim", "The vote was close"),
        ("The plant will close in June, a spokesman said, but declined to say how many jobs would go.",
         "a spokesman", "The plant will close in June"),
    ],
)  # fmt: skip
def test_the_speakers_own_verb_after_but_is_not_reported(sentence: str, speaker: str, words: str) -> None:
    # ", but" and a verb with no subject of its own: what the speaker did, not more of the words
    rule, kind, who, text = only(sentence)
    assert (kind, who, text) == ("indirect", speaker, words)
    assert rule in ("reported_speech.trailing", "reported_speech.inverted")


def test_a_clause_of_its_own_after_but_goes_on_with_the_words() -> None:
    assert only("The plan is sound, she said, but officials disagree with her.")[3] == (
        "The plan is sound but officials disagree with her"
    )


def test_reported_words_end_before_but_and_the_speakers_next_report() -> None:
    assert found("Kim said she had met Lee twice but said neither man had a role in the deal.") == [
        ("reported_speech", "indirect", "Kim", "she had met Lee twice"),
        ("reported_speech", "indirect", "Kim", "neither man had a role in the deal"),
    ]
    assert found("Kim said the figure was wrong, but noted that the error was small.")[0][3] == "the figure was wrong"
    # not a verb after "but": the words go on
    assert only("Kim said the plan was cheap but reports of its cost were wrong.")[3] == "the plan was cheap"
    assert only("Kim said the plan was cheap but slow.")[3] == "the plan was cheap but slow"


def test_according_to_with_a_clause_after_the_source() -> None:
    # the grammar reads "Ann Lee, the flaw of the plan is ..." as an apposition: a finite verb
    # before any relative pronoun makes it the clause of the words
    assert only("According to Ann Lee, the flaw of the plan is what it lacks: a budget.") == (
        "according_to", "indirect", "Ann Lee", "the flaw of the plan is what it lacks: a budget"
    )  # fmt: skip
    assert only("According to Ann Lee, a lawyer who is close to the family, the will was signed in May.") == (
        "according_to", "indirect", "Ann Lee, a lawyer who is close to the family", "the will was signed in May"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "source", "words"),
    [
        ("He left the country years ago after, according to him, the network censured his first report.", "him",
         "the network censured his first report"),
        ("The agency reported that, according to an audit, most of the meetings were with donors.", "an audit",
         "most of the meetings were with donors"),
        ("Voters stayed home because, according to the survey, the race seemed settled.", "the survey",
         "the race seemed settled"),
    ],
)  # fmt: skip
def test_according_to_after_a_conjunction_reports_the_clause_it_opens(sentence: str, source: str, words: str) -> None:
    assert found(sentence)[0] == ("according_to", "indirect", source, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Kim said her group will win the vote.", "her group will win the vote"),
        ("On the other side, Kim said her group is working to elect new judges.",
         "her group is working to elect new judges"),
        ("Kim said her biggest worry was the cost.", "her biggest worry was the cost"),
        ("Kim said her group won the vote.", "her group won the vote"),
        ("Kim suggested her group should win.", "her group should win"),
    ],
)  # fmt: skip
def test_her_opening_a_subject_after_a_speech_verb(sentence: str, words: str) -> None:
    # a possessive, then a verb: the subject of the words, not a listener ("told her")
    assert only(sentence)[2:] == ("Kim", words)


def test_her_as_a_listener_or_an_object_is_no_subject() -> None:
    assert only("Kim told her aides the group will win.")[3] == "the group will win"
    # (a verb after "and" is no verb of a subject opened by "her")
    assert not any(
        "door" in q[3] for q in found("Kim, who answered her door on Sunday and said she would vote, smiled.")
    )


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Aides said more than 1 million people watched the speech online.",
         "more than 1 million people watched the speech online"),
        ("Lee said much of the talk focused on taxes.", "much of the talk focused on taxes"),
    ],
)  # fmt: skip
def test_a_quantity_subject_with_a_verb_in_the_past(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee won two states, while Jeb Park in a Medium post said he would put more judges on the bench.",
        "Lee stayed home; Jeb Park in a radio interview said he would put more judges on the bench.",
    ],
)
def test_a_modifier_between_the_subject_of_a_later_clause_and_its_verb(sentence: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", "Jeb Park", "he would put more judges on the bench")]


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Politicians and even some engineers say the rules have been toothless.",
         "Politicians and even some engineers", "the rules have been toothless"),
        ("A teary-eyed Park says he is proud of the campaign.", "A teary-eyed Park", "he is proud of the campaign"),
        ("Democrats trying to win the Senate in November say they have a new weapon.",
         "Democrats trying to win the Senate in November", "they have a new weapon"),
        ("People briefed on the talks say the deal is close.", "People briefed on the talks", "the deal is close"),
    ],
)  # fmt: skip
def test_the_speaker_mention_is_the_end_of_the_sentences_subject(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge is old and engineers say it should close.",
        "Lee voted for it and aides say it passed.",
        "Taxes rose as critics say they would.",
    ],
)
def test_words_with_a_verb_before_the_speaker_are_no_subject(sentence: str) -> None:
    assert ("reported_speech", "content_before_speaker") in vetoes(sentence)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The race will be tight, said the firm's chief executive, John J. Smith.",
         "the firm's chief executive, John J. Smith"),
        ("The plan is flawed, said a former spokesman for the ministry, Oleg Petrov.",
         "a former spokesman for the ministry, Oleg Petrov"),
        ("The plan is flawed, said the bureau's director, James B. Comey, who spoke Monday.",
         "the bureau's director, James B. Comey"),
    ],
)  # fmt: skip
def test_an_inverted_attribution_whose_role_comes_before_the_name(sentence: str, speaker: str) -> None:
    rule, kind, who, words = only(sentence)
    assert (rule, kind, who) == ("reported_speech.inverted", "indirect", speaker)
    assert words in ("The race will be tight", "The plan is flawed")


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Lee answered questions and Gates said he spoke to Kim first.", "Gates", "he spoke to Kim first"),
        ("It was an impossible feat - but he said the time is coming.", "he", "the time is coming"),
    ],
)  # fmt: skip
def test_and_or_but_without_a_comma_before_a_new_subject(sentence: str, speaker: str, words: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", speaker, words)]


def test_a_subject_joined_by_and_stays_whole() -> None:
    assert only("Voters in Ohio and Texas said the race was close.")[2] == "Voters in Ohio and Texas"


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("The campaign sent a fundraising email stressing that the race was close.", "a fundraising email",
         "the race was close"),
        ("Lee wrote a letter to the network asking that the money go to charity.", "a letter",
         "the money go to charity"),
        ("Park wrote an op-ed urging Congress to pass the bill.", "an op-ed", "Congress to pass the bill"),
    ],
)  # fmt: skip
def test_a_participle_after_a_written_thing_says_what_it_says(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("participle_clause", "indirect", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    [
        "The report covering the last quarter was late.",
        "Lee sent an email stressing the word 'now' to every aide.",
    ],
)
def test_a_participle_after_a_written_thing_with_an_object_reports_nothing(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("In the park, the women say officers still watch the area.", "the women", "officers still watch the area"),
        ("Supporters who have heard from the campaign say their priority is to win.",
         "Supporters who have heard from the campaign", "their priority is to win"),
    ],
)  # fmt: skip
def test_a_plural_head_with_its_modifiers_is_a_plausible_subject(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


def test_a_noun_like_base_form_after_a_plural_head_is_no_speech() -> None:
    assert found("The comments came after questions about their claim that the vote was fair.") == []


def test_according_to_closing_a_sentence_attributes_the_words_after_its_colon() -> None:
    assert only(
        "Yet the tax did not hurt the banks: London was the capital of finance in 2015, according to one index."
    )[2:] == ("one index", "London was the capital of finance in 2015")
    # a colon inside quote marks is no break
    assert only('The sign read "Stop: road closed" for a week, according to the police.')[3] == (
        'The sign read "Stop: road closed" for a week'
    )


def test_reported_words_end_before_a_relative_clause_about_a_place() -> None:
    assert only("The campaign announced it would seek a recount in the county, where Lee trailed by 40 votes.")[3] == (
        "it would seek a recount in the county"
    )


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The firm announced it would cut 3,000 jobs, a layoff rivaling the cuts of 2001.", "it would cut 3,000 jobs"),
        ("Lee said a third of voters were unsure, a share higher than in May.", "a third of voters were unsure"),
        ("Lee said the plan would cost more, a sum of $2 billion.", "the plan would cost more, a sum of $2 billion"),
    ],
)  # fmt: skip
def test_reported_words_end_before_a_phrase_summing_them_up(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The aide confirmed that Lee would meet party leaders but would not offer details of the agenda.",
         "Lee would meet party leaders"),
        ("Lee acknowledged the firm had paid him but declined to give the amount.", "the firm had paid him"),
        ("Lee said the firm had paid him and refused to say more.", "the firm had paid him"),
    ],
)  # fmt: skip
def test_reported_words_end_before_the_speaker_declining_to_say_more(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


def test_a_refusal_inside_the_words_stays_when_it_has_its_own_subject() -> None:
    assert only("Lee said the mayor had asked for the files and the clerk refused to release them.")[3] == (
        "the mayor had asked for the files and the clerk refused to release them"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee told reporters Park would win the vote.",
        "Lee told the Herald Park would win the vote.",
    ],
)
def test_the_listener_before_a_name_opening_the_words_is_no_part_of_them(sentence: str) -> None:
    # the listener pattern's look-ahead took a capital alone ("I"), not a name
    assert only(sentence)[3] == "Park would win the vote"


def test_a_shared_subject_with_an_apposition_before_a_simple_past() -> None:
    assert only("Ann Lee, a former party chairman, became a delegate and said she is leaning toward Park.") == (
        "reported_speech", "indirect", "Ann Lee, a former party chairman", "she is leaning toward Park"
    )  # fmt: skip


def test_a_writers_tail_ends_three_words_of_reported_speech() -> None:
    # (four words were needed before)
    assert only("Most voters said Lee was prepared, compared with 30 percent who said so of Park.")[3] == (
        "Lee was prepared"
    )


@pytest.mark.parametrize(
    "sentence",
    ["Lee said the tax should rise, as have other leaders in the party.",
     "Lee said the tax should rise, as was the case in May."],
)  # fmt: skip
def test_a_comparison_of_the_writers_after_a_comma_ends_the_words(sentence: str) -> None:
    assert only(sentence)[3] == "the tax should rise"


def test_however_after_a_comma_ends_the_words_unless_set_off() -> None:
    assert only("Most voters said they would back Lee, however that share has dropped since May.")[3] == (
        "they would back Lee"
    )
    assert only("Lee said the tax plan, however, would fail in the Senate.")[3] == (
        "the tax plan, however, would fail in the Senate"
    )


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("Lee told analysts sales would rise.", "Lee", "sales would rise"),
        ("Kim told reporters gas prices were too high.", "Kim", "gas prices were too high"),
        ("The minister told investors profits would fall next year.", "The minister", "profits would fall next year"),
    ],
)  # fmt: skip
def test_a_listener_noun_before_words_that_open_with_a_bare_noun_is_the_listener(
    sentence: str, speaker: str, words: str
) -> None:
    rule, kind, who, text = only(sentence)
    assert (rule, kind, who, text) == ("reported_speech", "indirect", speaker, words)


def test_an_age_set_off_after_a_name_is_no_share() -> None:
    assert only("Ann Lee, 44, said she would run.")[2] == "Ann Lee, 44"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Most of the members said yes.", "yes"),
        ("Asked whether he would run, Lee said no, and left the room.", "no"),
        ("Last month, 26 percent of voters said the same.", "the same"),
        ("Only 40 percent said so in the spring.", "so"),
    ],
)  # fmt: skip
def test_a_word_standing_for_what_was_said_is_the_reported_words(sentence: str, words: str) -> None:
    assert only(sentence)[1:4:2] == ("indirect", words)


@pytest.mark.parametrize(
    "sentence",
    [
        # no word standing for the words when more follows
        "He said no to the war.",
        "Lee said so many things.",
        "Lee said he would.",
        # a verb of reply without "that" (with it: test_reported_speech_more_forms)
        "The team fired back three goals in the second half.",
        "Police fired back at the gunmen.",
        "Later, Lee fired back a response to the board.",
        "The company fired the chief executive that week.",
        # announced: plans, programmes and products are no stance told
        "The city announced its new budget for the schools.",
        "Lee announced a decision by the court on Monday.",
    ],
)
def test_no_reported_words_after_the_verb(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["The reaction was shocking, she said in an interview later.", "The reaction was shocking, she said later."],
)
def test_a_time_adverb_closing_a_trailing_attribution_is_no_words(sentence: str) -> None:
    assert only(sentence) == ("reported_speech.trailing", "indirect", "she", "The reaction was shocking")


def test_a_noun_in_ly_before_the_verb_is_no_adverb() -> None:
    # "rally" is no adverb between a subject ("Two of his allies and a") and its verb
    assert only("Two of his allies and a rally said it was off.")[2] == "Two of his allies and a rally"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The mayor will resign next week, those people said.", "those people"),
        ("The mayor will resign next week, current and former aides said.", "current and former aides"),
        ("The bridge, those people said, was old and unsafe.", "those people"),
    ],
)  # fmt: skip
def test_a_subject_after_a_comma_keeps_its_determiner_and_first_modifier(sentence: str, speaker: str) -> None:
    assert only(sentence)[2] == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The mayor will resign next week, a source close to him said.", "a source close to him"),
        ("The mayor will resign next week, people familiar with the talks said.", "people familiar with the talks"),
        ("Two aides briefed on the plan said the vote would slip.", "Two aides briefed on the plan"),
    ],
)  # fmt: skip
def test_a_subject_with_a_phrase_of_access_is_whole(sentence: str, speaker: str) -> None:
    assert only(sentence)[2] == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The roads are old and the bridges are worse, say engineers who study them.", "engineers who study them"),
        ("The roads are old, said a man who asked not to be named.", "a man who asked not to be named"),
    ],
)  # fmt: skip
def test_an_inverted_speaker_keeps_the_relative_clause_closing_the_sentence(sentence: str, speaker: str) -> None:
    assert only(sentence)[1:3] == ("indirect", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("The bridge, said Lee, was old.", "Lee", "The bridge was old"),
        ("Part of the problem, say experts, is that the roads are old.", "experts",
         "Part of the problem is that the roads are old"),
    ],
)  # fmt: skip
def test_an_inverted_attribution_between_subject_and_predicate(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("reported_speech.around", "indirect", speaker, words)


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("The mayor pledged to rebuild the bridge by the spring.", "The mayor", "to rebuild the bridge by the spring"),
        ("Lee has vowed to stay in the race until June.", "Lee", "to stay in the race until June"),
        ("The two leaders promised to never raise the fare again.", "The two leaders",
         "to never raise the fare again"),
    ],
)  # fmt: skip
def test_a_verb_of_commitment_reports_an_infinitive(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor pledged to the voters of the town.",  # a listener, not an infinitive
        "The mayor promised them a new bridge.",  # an object
        "The mayor announced to reporters at the hall.",  # not a verb of commitment
    ],
)
def test_a_verb_of_commitment_without_an_infinitive_reports_nothing(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "rule", "words"),
    [
        ("The mayor explained why the bus fares had to rise.", "reported_speech", "why the bus fares had to rise"),
        ("Lee recalled how the storm had flooded the old mill.", "reported_speech",
         "how the storm had flooded the old mill"),
        ("The coach spoke for an hour, explaining what the team must change.", "participle_clause",
         "what the team must change"),
    ],
)  # fmt: skip
def test_an_indirect_question_after_a_speech_verb_is_the_words(sentence: str, rule: str, words: str) -> None:
    assert only(sentence)[::3] == (rule, words)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee said when asked about the fares.",  # 'when': the writer's clause, not the words
        "Lee explained why.",  # too short for a question of its own
    ],
)
def test_no_indirect_question_after_the_verb(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "rule", "words"),
    [
        ("The mayor pointed to the drop in crime over the summer.", "reported_speech",
         "the drop in crime over the summer"),
        ("Critics point to the cost of the new bridge.", "reported_speech", "the cost of the new bridge"),
        ("Lee dodged the question, pointing to her work on the budget and saying that the rest could wait.",
         "participle_clause", "her work on the budget"),
    ],
)  # fmt: skip
def test_point_to_reports_the_evidence_cited(sentence: str, rule: str, words: str) -> None:
    assert found(sentence)[0][::3] == (rule, words)


@pytest.mark.parametrize(
    "sentence",
    [
        "Pointing to the new figures, the mayor praised the police.",  # an introduction, no words of its own
        "These are the figures the mayor points to with pride.",  # a relative clause: its object stands before
    ],
)
def test_point_to_without_words_after_it(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("The storm left 40 percent of farmers saying they would sell.", "40 percent of farmers",
         "they would sell"),
        ("The paper ran an item suggesting that the mayor had lied.", "an item", "the mayor had lied"),
    ],
)  # fmt: skip
def test_a_participle_right_after_its_noun_reports_what_the_noun_said(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("participle_clause", "indirect", speaker, words)


@pytest.mark.parametrize(
    "sentence",
    [
        "The people reading this page have been patient.",  # 'read' reports only with 'that'
        "A collection of his writing included a profile of the mayor.",  # a noun in -ing
        "There's no denying the team has had a good run.",
        "He is a puppet saying exactly what people want to hear.",  # no clause after the participle
    ],
)
def test_no_reduced_relative_that_reports(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The Times reported the email came hours after the speech.", "the email came hours after the speech"),
        ("Lee acknowledged the plan failed.", "the plan failed"),
    ],
)  # fmt: skip
def test_a_past_clause_without_that_after_a_verb_that_needs_it(sentence: str, words: str) -> None:
    assert only(sentence)[::3] == ("reported_speech", words)


def test_a_participle_in_a_noun_phrase_is_no_past_clause() -> None:
    assert found("The agency reported the number of people killed in the storm.") == []


def test_an_absolute_clause_with_a_listener_before_its_words() -> None:
    sentence = "The town was split, with Senator Ann Lee telling reporters on Thursday she would vote no."
    assert only(sentence) == ("participle_clause", "indirect", "Senator Ann Lee", "she would vote no")


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("After the election, Lee tried to make amends by telling Park she had been a fine rival.", "Lee",
         "she had been a fine rival"),
        ("In recent days, the mayor has tried to calm the city by promising to hire more teachers.", "the mayor",
         "to hire more teachers"),
    ],
)  # fmt: skip
def test_by_and_a_participle_after_an_introduction_takes_the_subject(sentence: str, speaker: str, words: str) -> None:
    assert only(sentence) == ("participle_clause", "indirect", speaker, words)


def test_by_and_a_participle_after_a_second_clause_is_unclear() -> None:
    sentence = "Lee spoke, and the crowd answered by saying it wanted more."
    assert found(sentence) == []
    assert ("participle_clause", "unclear_subject") in vetoes(sentence)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee vowed to keep the clinic open and celebrated the ruling on Monday.", "to keep the clinic open"),
        ("Lee promised to push harder on jobs, opposed the trade bill and lost the vote.", "to push harder on jobs"),
        ("Lee promised to cut taxes and raise wages.", "to cut taxes and raise wages"),
        ("Donors pledged to cover most of the gap, but some of the money depends on a vote.",
         "to cover most of the gap"),
    ],
)  # fmt: skip
def test_an_infinitive_of_commitment_ends_before_the_speakers_own_past_verb(sentence: str, words: str) -> None:
    assert only(sentence)[3] == words


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("However, while the board says it is close to its goal, it is not getting help from sponsors.",
         "the board", "it is close to its goal"),
        ("While Park said that engineers cannot take sides, he seems uneasy about the new bridge.",
         "Park", "engineers cannot take sides"),
        ("As the mayor announces that she is ready for the vote, she is set to sign three orders.",
         "the mayor", "she is ready for the vote"),
        ("Although the coaches say the team is tired, they differ on how long it should rest.",
         "the coaches", "the team is tired"),
    ],
)  # fmt: skip
def test_a_fronted_report_after_a_connective_or_before_a_present_main_clause_ends_at_its_comma(
    sentence: str, speaker: str, words: str
) -> None:
    assert only(sentence) == ("reported_speech", "indirect", speaker, words)


def test_as_with_a_comma_after_the_verb_keeps_the_main_clause_as_the_words() -> None:
    quotes = found("As the mayor noted, the harbor has grown, and they expect more ships.")
    assert [q[3] for q in quotes] == ["the harbor has grown, and they expect more ships"]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The harbor board urged sailors to stay in port, but the ferry crews were already at sea.",
         "sailors to stay in port"),
        ("The mayor urged the council to approve the budget and promised a vote in May.",
         "the council to approve the budget"),
        ("The reporter asked whether the bridge would close, but the mayor refused to answer.",
         "whether the bridge would close"),
    ],
)  # fmt: skip
def test_a_request_or_question_ends_before_the_writers_next_clause_or_the_speakers_own_verb(
    sentence: str, words: str
) -> None:
    assert [q[3] for q in found(sentence) if q[1] == "indirect"][:1] == [words]


def test_a_question_after_a_long_listener_with_the_time_and_place_of_the_asking() -> None:
    quotes = found("The editor asked the mayor during a radio call-in show on Friday if she would close the bridge.")
    assert [(q[1], q[2], q[3]) for q in quotes] == [("indirect", "The editor", "if she would close the bridge")]


def test_a_request_after_a_listener_with_a_relative_clause_set_off_by_commas() -> None:
    quotes = found("The host asked Lee, who is running third in the race, to explain her plan for the port.")
    assert [(q[1], q[2], q[3]) for q in quotes] == [
        ("indirect", "The host", "Lee, who is running third in the race, to explain her plan for the port")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In the meantime, as the mayor continues to seek a deal, the port strike is growing ever longer.",
        "As long as Lee continues to lead the polls, voters in the county will be watching the race.",
    ],
)
def test_a_verb_that_reports_only_with_a_clause_before_an_infinitive_and_a_comma_reports_nothing(sentence: str) -> None:
    assert found(sentence) == []


def test_a_speech_verb_before_an_aside_and_the_main_clause_still_reports() -> None:
    quotes = found("As Lee noted, the port has grown for a decade.")
    assert [q[3] for q in quotes] == ["the port has grown for a decade"]


def test_an_aside_set_off_by_dashes_between_the_verb_and_that() -> None:
    assert only("The mayor said — on the radio, as it happens — that the bridge would reopen in May.") == (
        "reported_speech",
        "indirect",
        "The mayor",
        "the bridge would reopen in May",
    )


def test_reported_words_end_before_a_comma_and_and_a_pronoun_clause() -> None:
    quotes = found("Lee said she ran because the mayor let her down, and she decided to win the seat herself.")
    assert [q[3] for q in quotes][:1] == ["she ran because the mayor let her down"]


def test_asked_by_with_the_time_of_the_asking_before_the_question() -> None:
    quotes = found('When asked by reporters on Monday whether the fees would rise, Lee said: "Not this year."')
    assert ("asked_by", "indirect", "reporters", "whether the fees would rise") in quotes


def test_according_to_without_a_comma_closing_a_clause_before_but() -> None:
    quotes = found("Lee leads Park by 30 votes according to a count by the harbor paper, but Park still leads in May.")
    assert ("according_to", "indirect", "a count by the harbor paper", "Lee leads Park by 30 votes") in quotes


def test_according_to_opening_an_aside_in_parentheses() -> None:
    quotes = found("The ferries run late. (According to the harbor police, it keeps no counts of the late ferries.)")
    assert quotes == [("according_to", "indirect", "the harbor police", "it keeps no counts of the late ferries")]


def test_according_to_before_but_leaves_a_later_report_of_the_sentence_to_its_cue() -> None:
    quotes = found("Lee leads Park by 30 votes according to a count by the harbor paper, but Park vowed to fight on.")
    # (according_to's quote ends the sentence's rules: the vow would go unread)
    assert ("reported_speech", "indirect", "Park", "to fight on") in quotes


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee leads Park by 30 votes according to a count by the harbor paper, but Park vowed to fight on.",
        "Lee leads Park by 30 votes, according to a count by the harbor paper, but Park vowed to fight on.",
        "The ferry fares rose 10 percent according to the port board, and riders said they would protest.",
    ],
)
def test_according_to_before_but_keeps_its_words_when_a_later_report_follows(sentence: str) -> None:
    quotes = found(sentence)
    assert [q[0] for q in quotes] == ["according_to", "reported_speech"]
    assert quotes[0][3] == sentence.split(",")[0].split(" according")[0]


@pytest.mark.xfail(
    strict=True,
    reason="rv15d D2 (14h14): the fronted report's bare-plural main clause is reverted to f2d8eeb; no general"
    " test tells a subject and verb from a phrase's '-s word + word', so the report runs on",
)
@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ("While Lee says that the tax will help families, critics disagree.", "Lee", "the tax will help families"),
        ("Although the mayor argues the ferry pays for itself, riders see it differently.", "the mayor",
         "the ferry pays for itself"),
        # after the report's own subordinate clause and main clause
        ("While Lee says that if taxes go up, we lose jobs, critics disagree.", "Lee", "if taxes go up, we lose jobs"),
        # an adverb in -s after the comma is no subject
        ("While Lee says the tax, thus far untested, will work, critics disagree.", "Lee",
         "the tax, thus far untested, will work"),
    ],
)  # fmt: skip
def test_a_fronted_report_ends_before_a_bare_plural_subject_and_verb(sentence: str, speaker: str, said: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", speaker, said)]


def test_according_to_after_a_connective_and_an_introduction_attributes_the_clause_after_it() -> None:
    assert found("But the next day, according to Lee, Park made further demands.") == [
        ("according_to", "indirect", "Lee", "Park made further demands")
    ]


def test_according_to_s_source_ends_before_a_clause_not_an_apposition() -> None:
    sentence = "According to the harbor paper, an email was sent from the board’s director, Ann Lee, to the crews."
    assert found(sentence) == [
        ("according_to", "indirect", "the harbor paper",
         "an email was sent from the board’s director, Ann Lee, to the crews"),
    ]  # fmt: skip


def test_according_to_after_a_report_leaves_no_words_to_the_report_s_speaker() -> None:
    sentence = ("Earlier Tuesday, his campaign manager, Ann Lee, says the streak is proof the candidate can still "
                "win, which stood at 263 entering the primary, according to the harbor paper.")  # fmt: skip
    assert [q[0] for q in found(sentence)] == ["reported_speech"]
    # (a clause of its own before the report's quote is still the source's)
    sentence = "On Monday the port gave a vague answer when it told the crews that it had no money, according to Lee."
    assert ("according_to", "Lee") in [(q[0], q[2]) for q in found(sentence)]


@pytest.mark.parametrize(
    ("words", "stands"),
    [("More than six in 10", True), ("FIFTY-ONE PERCENT of them", True), ("a Majority of voters", True),
     ("those Polled last week", True), ("the fourth estate", True), ("Tenants", True), ("half-hearted", True),
     ("4", True), ("someone", False), ("Bayport's ninth ward", False), ("the council", False)],
)  # fmt: skip
def test_the_quantity_hint_as_a_trie_finds_what_its_alternation_finds(words: str, stands: bool) -> None:
    # only whether a share's word stands is read (case-blind, at a word's start, prefixes too:
    # "fourth", "Tenants"), so the trie must find exactly where the plain alternation finds
    from articlekit.enrich.quotes.rules_reported import _QUANTITY_HINT, _QUANTITY_HINT_WORDS

    alternation = re.compile(r"(?i)\b(?:\d|" + "|".join(_QUANTITY_HINT_WORDS) + ")")
    assert (_QUANTITY_HINT.search(words) is not None) == stands
    assert (alternation.search(words) is not None) == stands


# a sentence set in parentheses (14r15, reverted after review rv16a): reading the opening mark as
# no words before the speaker broke the cut after a subordinate clause, trailing attributions
# after an introduction and words ending at a mid-sentence closing mark (`(Lee said the plan was
# dead) and Park said ...`), with no gain on fold 0 or dev. Base's answers stand; the reports
# below are the gap, the near misses and the inner parentheses hold either way.

_PARENTHESES_GAP = pytest.mark.xfail(
    strict=True,
    reason="a report set in parentheses or brackets is not read (its opening mark counts as words "
    "before the speaker); 14r15's rule for it was reverted after review rv16a",
)


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        ("Several shops closed early. (Kowalski says the storm cost her shop a week of sales.)",
         ("reported_speech", "indirect", "Kowalski", "the storm cost her shop a week of sales")),
        ("The roads were closed. (Police said the crash was under investigation.)",
         ("reported_speech", "indirect", "Police", "the crash was under investigation")),
        ("The vote was put off. (On Monday, Lee said the council needed more time.)",
         ("reported_speech", "indirect", "Lee", "the council needed more time")),
        ('The vote was put off. (On Tuesday the mayor said she would "take a hard look" at the budget.)',
         ("reported_speech", "mixed", "the mayor", 'she would "take a hard look" at the budget')),
        ('The vote was put off. (Lee called the plan "a total mess.")',
         ("characterising", "mixed", "Lee", 'the plan "a total mess."')),
        ("The vote was put off. (The council needed more time, Lee said.)",
         ("reported_speech.trailing", "indirect", "Lee", "The council needed more time")),
    ],
)  # fmt: skip
@_PARENTHESES_GAP
def test_a_report_in_parentheses_is_read_as_any_other(paragraph: str, quote: tuple[str, str, str, str]) -> None:
    assert found(paragraph) == [quote]


@pytest.mark.parametrize(
    "paragraph",
    [
        "(Photo: Ann Lee for the Herald)",
        "Turnout fell sharply. (See the chart below.)",
        "(In 2019, the town's population was about 4,000.)",
        "The report was due in March. (The report, which runs to 300 pages, was released Monday.)",
        "(Full disclosure: The author's sister works for the campaign.)",
        "(Editor's note: An earlier version of this story said the vote was on Tuesday.)",
        'The festival opened with a film. ("The Long Night," 2019, was shown twice.)',
        'Her first novel ("Salt and Stone") sold well.',
    ],
)
def test_a_sentence_in_parentheses_without_a_speaker_has_no_quote(paragraph: str) -> None:
    assert found(paragraph) == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee said the plan (which passed in May) would cut costs.", "the plan (which passed in May) would cut costs"),
        ("Lee said the fund would grow (by about 3 percent).", "the fund would grow (by about 3 percent)"),
        ("Lee said the rule covers items 1) and 2)", "the rule covers items 1) and 2)"),
    ],
)  # fmt: skip
def test_parentheses_inside_the_words_stay_whole(sentence: str, words: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", "Lee", words)]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        pytest.param("[Lee said the plan was dead.]", "the plan was dead", marks=_PARENTHESES_GAP),
        ("Lee said the fund [the city's pension fund] would grow.", "the fund [the city's pension fund] would grow"),
    ],
)  # fmt: skip
def test_square_brackets_are_read_as_parentheses(sentence: str, words: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", "Lee", words)]


# A trailing attribution after a fronted phrase (issue 14, 14t15, reverted after review rv16b): the
# clause after ``In March,`` is the report's, and the fronted phrase would stay in its words, as
# written (PolNeAR's annotators keep it in most such reports on the fit folds). 14t15's test of a
# past verb after the noun also took a verb inside an apposition's clause or a relative clause
# without "that" for the main verb, and reported introductions alone (below); it changed no
# PolNeAR, web-dev or aeb-dev text, so it was reverted and the reports are strict xfails.
_FRONTED_GAP = pytest.mark.xfail(
    strict=True,
    reason="a trailing attribution after a fronted phrase is vetoed as an introduction alone "
    "(the clause after the phrase is read as an apposition); 14t15's rule reverted after review rv16b",
)
_FRONTED_CASES = [
        ("In March, the firm closed two plants, a spokesman said.", "reported_speech.trailing", "a spokesman",
         "In March, the firm closed two plants"),
        ("On Friday, the firm fired 40 workers, the union said.", "reported_speech.trailing", "the union",
         "On Friday, the firm fired 40 workers"),
        ("After the meeting, the mayor resigned, aides said.", "reported_speech.trailing", "aides",
         "After the meeting, the mayor resigned"),
        ("In 2019, the plan failed, Lee said.", "reported_speech.trailing", "Lee", "In 2019, the plan failed"),
        # no comma after a short fronted phrase, as British style often writes it
        ("In March the firm closed two plants, a spokesman said.", "reported_speech.trailing", "a spokesman",
         "In March the firm closed two plants"),
        ("On Friday, the firm quickly fired 40 workers, officials told reporters.", "reported_speech.trailing",
         "officials", "On Friday, the firm quickly fired 40 workers"),
        ("After the vote, the embattled mayor resigned, aides said.", "reported_speech.trailing", "aides",
         "After the vote, the embattled mayor resigned"),
        ("In 2019, the board cut 300 jobs, the company said on Monday.", "reported_speech.trailing", "the company",
         "In 2019, the board cut 300 jobs"),
        ("In March, the firm's profits fell, analysts said.", "reported_speech.trailing", "analysts",
         "In March, the firm's profits fell"),
        ("At the rally, the crowd cheered, reporters noted.", "reported_speech.trailing", "reporters",
         "At the rally, the crowd cheered"),
        ("On Friday, the firm fired 40 workers, said the union.", "reported_speech.inverted", "the union",
         "On Friday, the firm fired 40 workers"),
        ("In 2019, the plan failed, according to Lee.", "according_to", "Lee", "In 2019, the plan failed"),
        ("In 2020, according to the report, prices rose.", "according_to", "the report", "In 2020 prices rose"),
        ("In 2020, according to the report, prices rose by a third.", "according_to", "the report",
         "In 2020 prices rose by a third"),
        ("In 2020, according to the report, Lee resigned.", "according_to", "the report", "Lee resigned"),
]  # fmt: skip
_FOUND_BEFORE = {
    "In 2019, the plan failed, according to Lee.",
    "In 2020, according to the report, prices rose by a third.",
}


@pytest.mark.parametrize(
    ("sentence", "rule", "speaker", "words"),
    [case if case[0] in _FOUND_BEFORE else pytest.param(*case, marks=_FRONTED_GAP) for case in _FRONTED_CASES],
)
def test_a_trailing_attribution_after_a_fronted_phrase(sentence: str, rule: str, speaker: str, words: str) -> None:
    assert found(sentence) == [(rule, "indirect", speaker, words)]


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("In a statement, the company said the plan was dead.", "the company", "the plan was dead"),
        ("On Monday, Lee said the plan was dead.", "Lee", "the plan was dead"),
        ("In his speech, the third of the week, Lee said the plan was dead.", "Lee", "the plan was dead"),
    ],
)  # fmt: skip
def test_an_introduction_before_a_speaker_stays_out_of_the_words(sentence: str, speaker: str, words: str) -> None:
    assert found(sentence) == [("reported_speech", "indirect", speaker, words)]


@pytest.mark.parametrize(
    "sentence",
    [
        "In a statement on Friday, the embattled mayor said.",
        "In a statement, the newly elected mayor said.",
        "In a statement, the company's chief executive said.",
        "Speaking to reporters gathered outside, the mayor agreed.",
        "In a report released Monday, the agency warned.",
        "In a letter sent Friday, the agency announced.",
        "In the report, a draft obtained by the Times, the agency warned.",
        "At the hearing, the third called this year, Lee testified.",
        "In his speech, the one delivered Monday, Lee said.",
    ],
)
def test_an_introduction_alone_before_a_speaker_with_a_modifier_in_ed_is_vetoed(sentence: str) -> None:
    # a word in -ed after the determiner, an adverb or a possessive modifies the speaker's noun;
    # one after a preposition's object, before "by" or after an ordinal is a participle
    assert found(sentence) == []
    assert ("reported_speech", "introduction_not_words") in vetoes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In the end, the plan failed.",
        "In March, the firm closed two plants.",
        "In 2019, the plan failed, and Lee resigned.",
        "In 2019, the plan failed; Lee resigned.",
        "In March, the plants closed, the jobs went and the offices shut.",
        "After the meeting, the mayor resigned, and aides said nothing.",
        "In 2020, according to the report.",
    ],
)
def test_a_fronted_phrase_and_a_clause_without_an_attribution_report_nothing(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "At the rally, the first since the primary ended, Lee said.",
        "In the interview, his first since he resigned, Lee said.",
        "In his remarks, a rebuke of the governor who vetoed the bill, Lee said.",
        "On the day the plant closed, Lee said.",
        "Under the plan the board approved, the district said.",
        "In March, the month the firm closed two plants, the mayor said.",
        "In the memo, a copy the Times obtained, officials wrote.",
        "Speaking outside the building damaged in the fire, Lee said.",
        "In the case, the fourth lawsuit filed this year, the judge ruled.",
        "At the hearing, a much anticipated showdown, Lee testified.",
        "In 2020, according to the report, officials said.",
        "In 2020, according to the report, prices up.",
    ],
)
def test_an_introduction_with_a_verb_inside_its_phrases_reports_nothing(sentence: str) -> None:
    # review rv16b: a past verb inside an apposition's clause, a relative clause without "that" or
    # a participle is no main clause; a speech verb or no verb after "according to X" is no report
    assert found(sentence) == []


@_FRONTED_GAP
def test_a_headline_with_a_fronted_phrase_reports_the_clause() -> None:
    from articlekit.enrich.quotes import find_quotes
    from articlekit.model import Article, Paragraph

    article = Article(headline="In 2019, the plan failed, Lee says", body=(Paragraph("The council met."),))
    quotes = find_quotes(article, headline=True)
    assert [(q.speaker.mention if q.speaker else None, q.text) for q in quotes] == [("Lee", "In 2019, the plan failed")]


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("That, Lee said, was the plan.", "Lee", "That was the plan"),
        ("That, Lee says, is the problem.", "Lee", "That is the problem"),
        ("That, said Lee, was the plan.", "Lee", "That was the plan"),
        ("This, she warned, would not end well.", "she", "This would not end well"),
        ("In 2019, the plan, Lee said, failed.", "Lee", "In 2019, the plan failed"),
        ("Riding alone at night, the guards said, can be risky.", "the guards", "Riding alone at night can be risky"),
        ("But the years that followed, he said, brought a fundamental change.", "he",
         "the years that followed brought a fundamental change"),
        ("But the plan was dead, Lee said, and nobody cared.", "Lee", "the plan was dead and nobody cared"),
        ("In the end, the plan failed, Lee said, and the mayor resigned.", "Lee",
         "In the end, the plan failed and the mayor resigned"),
        ("Still, the roads were open, officials said, although the snow kept falling.", "officials",
         "the roads were open although the snow kept falling"),
        ("But the bridge was closed, Lee said Friday, because the cables had rusted.", "Lee",
         "the bridge was closed because the cables had rusted"),
    ],
)  # fmt: skip
def test_a_report_interrupted_by_its_attribution_after_an_introduction_reads_whole(
    sentence: str, speaker: str, words: str
) -> None:
    # the words after "A, X said," open with a verb (no subject of their own) or are a clause
    # linked to the clause A: both sides are the report
    assert found(sentence) == [("reported_speech.around", "indirect", speaker, words)]


@pytest.mark.parametrize(
    ("sentence", "quotes"),
    [
        # a list with commas, the attribution after it
        ("Apples, pears, plums and figs, the grocer said, sold well.",
         [("reported_speech.around", "indirect", "the grocer", "Apples, pears, plums and figs sold well")]),
        ("Apples, pears, plums and figs were sold at the market.", []),
        # the attribution at the start or at the end
        ("Lee said the plan failed, and Park said it would return.",
         [("reported_speech", "indirect", "Lee", "the plan failed"),
          ("reported_speech", "indirect", "Park", "it would return")]),
        ("The plan was dead, Lee said.", [("reported_speech.trailing", "indirect", "Lee", "The plan was dead")]),
        ("The plan failed, Lee said, but left before the vote.",
         [("reported_speech.trailing", "indirect", "Lee", "The plan failed")]),
        ("The plan failed, Lee said, adding that nobody cared.",
         [("reported_speech.trailing", "indirect", "Lee", "The plan failed"),
          ("participle_clause", "indirect", "Lee", "nobody cared")]),
        # a direct quote split by its attribution
        ('"The plan," Lee said, "was dead."', [("said_after", "direct", "Lee", "The plan was dead.")]),
        # an apposition after the speaker
        ("Lee, the mayor, said the plan was dead.",
         [("reported_speech", "indirect", "Lee, the mayor", "the plan was dead")]),
        # an introduction alone before the attribution, then a clause with its own subject
        ("However, Lee said, the plan was dead.", [("reported_speech", "indirect", "Lee", "the plan was dead")]),
        ("In 2019, Lee said, the plan failed.", [("reported_speech", "indirect", "Lee", "the plan failed")]),
        ("For years, Lee said, the roads have been neglected.",
         [("reported_speech", "indirect", "Lee", "the roads have been neglected")]),
        ("At the rally, Lee said, the crowd cheered.", [("reported_speech", "indirect", "Lee", "the crowd cheered")]),
        # two clauses, each with its own speaker
        ("The plan failed, Lee said; Park said it would return.",
         [("reported_speech.trailing", "indirect", "Lee", "The plan failed"),
          ("reported_speech", "indirect", "Park", "it would return")]),
        # a participle before "by" is no predicate
        ("Then came another, more sympathetic letter, followed by one in which Lee took credit.", []),
    ],
)  # fmt: skip
def test_near_misses_of_an_interrupted_report_keep_their_reading(
    sentence: str, quotes: list[tuple[str, str, str, str]]
) -> None:
    assert found(sentence) == quotes


def test_a_linked_clause_with_its_own_cue_is_not_joined_to_the_interrupted_report() -> None:
    # "..., Lee said, and Park said ...": the clause after the attribution is another report
    quotes = found("In the end, the plan failed, Lee said, and Park said it would return.")
    assert quotes
    assert not any("plan failed" in words and "return" in words for _, _, _, words in quotes)


def test_one_phrase_before_the_speaker_is_not_joined_to_the_words() -> None:
    # the lead's check on the quotes of web pages nobody tuned on: a phrase alone before the
    # speaker (no clause, no comma inside it) is an introduction, not the report's first part
    sentence = "During the call, he asked about the budget, called the mayor a liar and left."
    assert found(sentence) == [("reported_speech", "indirect", "he", "called the mayor a liar and left")]


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        ("In court papers, prosecutors said, seized phones held the evidence.", "prosecutors",
         "seized phones held the evidence"),
        ("In court papers filed Tuesday, prosecutors said, seized phones held the evidence.", "prosecutors",
         "seized phones held the evidence"),
        ("In a statement issued Monday, the company said, revised figures showed a loss.", "the company",
         "revised figures showed a loss"),
        ("At a news conference, the coach said, injured players would sit out.", "the coach",
         "injured players would sit out"),
        ("Last year, analysts said, increased demand pushed prices up.", "analysts",
         "increased demand pushed prices up"),
        ("For years, residents said, polluted water flowed from their taps.", "residents",
         "polluted water flowed from their taps"),
        ("In Ohio, Texas and Florida, officials said, increased turnout favored Democrats.", "officials",
         "increased turnout favored Democrats"),
        ("Asked about the attack, Lee said, armed men had stormed the hall.", "Lee", "armed men had stormed the hall"),
        ("When the results came in, Lee said, so few people had voted that the count took minutes.", "Lee",
         "so few people had voted that the count took minutes"),
        ("In the years since, residents said, so many families have left that the school closed.", "residents",
         "so many families have left that the school closed"),
    ],
)  # fmt: skip
def test_an_introduction_before_a_clause_with_its_own_subject_stays_out(
    sentence: str, speaker: str, words: str
) -> None:
    # review rv16c: a word in -ed opening a subject (`seized phones`, `increased demand`) is no
    # predicate, a participle or a plural noun inside one phrase is no clause, and `so many` is no
    # conjunction: the words after the attribution stand alone, as before 14u15
    assert [(q[2], q[3]) for q in found(sentence)] == [(speaker, words)]


def test_a_question_after_an_introduction_keeps_its_inverted_subject() -> None:
    sentence = "Speaking at the rally, Lee asked, would voters forgive him?"
    assert [q[3] for q in found(sentence)] == ["would voters forgive him?"]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("But the deal, Lee said, collapsed.", "the deal collapsed"),
        ("But the deal, Lee said, collapsed in May.", "the deal collapsed in May"),
        ("How, Lee asked, could one person change that?", "How could one person change that?"),
    ],
)
def test_a_verb_after_the_attribution_still_completes_the_words_before(sentence: str, words: str) -> None:
    assert [q[3] for q in found(sentence)] == [words]


# ---------------------------------------------------------------- a subject's aside between dashes (14a16)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a hyphen between spaces sets the aside off as a dash does
        ("Ann Ortiz - the mayor's sister and a lawyer - told the paper that the deal was unfair.",
         ("reported_speech", "indirect", "Ann Ortiz - the mayor's sister and a lawyer", "the deal was unfair")),
        ("Mr Hughes - whose firm built the bridge - says the repairs will take a year.",
         ("reported_speech", "indirect", "Mr Hughes - whose firm built the bridge", "the repairs will take a year")),
        # the subject after the sentence's introduction, one phrase closed by a comma
        ("In her memoir, Park — who served at the palace for years — writes that the post was a punishment.",
         ("reported_speech", "indirect", "Park — who served at the palace for years", "the post was a punishment")),
        ("On Friday, Dale Moss -- a teacher in the town -- said the school would reopen.",
         ("reported_speech", "indirect", "Dale Moss -- a teacher in the town", "the school would reopen")),
    ],
)  # fmt: skip
def test_a_subject_and_its_aside_between_dashes_before_the_verb(
    sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert only(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the narrator's clause before the speaker: no introduction, a trailing attribution
        "In May, the plan failed, Lee - the mayor - said on Tuesday.",
        "In May, the plan failed, Lee — the mayor — said on Tuesday.",
        # a question
        "Did Lee - the mayor - say the plan had failed?",
        # a score, not an aside
        "The vote went 5 - 4 - a result the mayor said was fair.",
        # a list between the dashes and no words said
        "Three towns - Leeds, York and Hull - said no to the plan.",
        # a first-person blog's aside, nothing reported
        "I - like most of you - said nothing at the time.",
        # a clause of its own before the subject (British spelling, no introduction)
        "The plan had failed, the mayor thought, the voters - most of them - said so.",
    ],
)
def test_no_subject_past_dashes_after_a_clause_or_without_words(sentence: str) -> None:
    assert found(sentence) == []


# ---------------------------------------------------------------- a subject's restrictive relative clause (14a16)


@pytest.mark.xfail(
    strict=True,
    reason="14a16's restrictive relative subject was reverted after review rv17a: it read a speech verb inside "
    "the clause as the main one (`Residents who watched the mayor announce the plan say ...`) and a clause with "
    "no verb (`The officials who Lee says lied must resign`), for one better text of 2,808 unseen",
)
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the clause ends in a verb or a particle, not a noun phrase the grammar reads back from the verb
        ("The officials whose laws were struck down say the real change has come from the courts.",
         ("reported_speech", "indirect", "The officials whose laws were struck down",
          "the real change has come from the courts")),
        ("Many supporters who came to the city to protest say they will back another candidate.",
         ("reported_speech", "indirect", "Many supporters who came to the city to protest",
          "they will back another candidate")),
        # a pronoun of quantity with its clause agrees with the base form
        ("Some who support the plan argue that it will save money.",
         ("reported_speech", "indirect", "Some who support the plan", "it will save money")),
    ],
)  # fmt: skip
def test_a_subject_with_a_restrictive_relative_clause_before_the_verb(
    sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert only(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the verb is the clause's own, in the passive or after a modal
        "Students who believe they have been unfairly denied a place may appeal.",
        "People who do not read the paper should be told the meeting is on Monday.",
        # a subordinate clause inside the relative one
        "Voters who hated him when the mayor tried to say it was over never forgave him.",
        # a question
        "Do voters who back the plan say it will pass?",
        # a superlative is no plural subject
        "Turnout was 19 percent, the most of any state.",
    ],
)
def test_no_subject_read_through_a_relative_clause_s_own_verb(sentence: str) -> None:
    assert found(sentence) == []


def test_a_second_relative_clause_after_the_main_verb_is_not_the_subject_s() -> None:
    # "are" is the main verb: the speaker is not the whole stretch up to "said"
    quotes = found("Many who came to the vigil are immigrants with family abroad who said they are worried.")
    assert all(mention is None or not mention.startswith("Many who came") for _, _, mention, _ in quotes)


# ------------------------------------------------ a quantified subject after a verb needing "that" (14a16)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Legal experts suggest such a tactic could violate the law.",
         ("reported_speech", "indirect", "Legal experts", "such a tactic could violate the law")),
        ("The two leaders suggested both are committed to the talks.",
         ("reported_speech", "indirect", "The two leaders", "both are committed to the talks")),
        ("The council announced all roads would reopen on Monday.",
         ("reported_speech", "indirect", "The council", "all roads would reopen on Monday")),
    ],
)  # fmt: skip
def test_a_quantified_subject_and_an_auxiliary_after_a_verb_needing_that(
    sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert only(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # an object: no auxiliary, or the auxiliary of the object's own clause
        "Lee suggested several changes to the plan.",
        "The report suggests several options for the council's consideration.",
        "The council announced all the roads it will repair.",
        "The inmates were denied most of the rights we are owed.",
        # a first-person aside and a question word's clause
        "Let me add some thoughts on why the plan is sound.",
        # a question
        "Did the minister suggest any cuts would follow?",
    ],
)
def test_no_clause_read_after_a_verb_needing_that_when_the_auxiliary_is_not_the_subject_s(sentence: str) -> None:
    assert found(sentence) == []


# ------------------------------------------------ review rv17a: what the relative-clause reading got wrong (kept right)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the cue inside the relative clause is a bare infinitive after a verb of perception or causing
        ("Residents who watched the mayor announce the plan say they were shocked.",
         ("reported_speech", "indirect", "Residents who watched the mayor announce the plan", "they were shocked")),
        ("Aides who helped the president write the speech say it was rushed.",
         ("reported_speech", "indirect", "Aides who helped the president write the speech", "it was rushed")),
    ],
)  # fmt: skip
def test_a_relative_clause_s_infinitive_is_not_the_speech_verb(
    sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert only(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Witnesses who heard the suspect claim he was a police officer called 911.",
        "Students who heard the dean announce the cuts walked out.",
        "The officials who Lee says lied must resign.",
    ],
)
def test_no_report_read_through_a_relative_clause_with_a_cue_inside(sentence: str) -> None:
    assert found(sentence) == []


# ------------------------------------------- review rv17a: a quantity word opening an object, not a clause's subject


@pytest.mark.parametrize(
    "sentence",
    [
        # an object with a clause of its own and no pronoun subject (a contact relative clause)
        "Lee denied all the charges prosecutors have brought against him.",
        "The president acknowledged many of the mistakes his aides had made.",
        "He read every book his father had owned.",
        "The report cited several studies the agency had funded.",
        "She recalled every word her father had said.",
        # a span of time after the verb
        "He tweeted several times the election was rigged.",
        "The minister repeated all week the plan was sound.",
    ],
)
def test_a_quantified_object_with_its_own_clause_is_no_report(sentence: str) -> None:
    assert found(sentence) == []


# a phrase set off between the subject and its verb that ends in quoted words, the comma
# inside the closing mark (14b16)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "words"),
    [
        (
            "Ann Lee, host of NBC’s “Good Day,” suggested the plan could fail.",
            "Ann Lee, host of NBC’s “Good Day,”",
            "the plan could fail",
        ),
        (
            'Tom Ray, the author of "Small Towns," said in an interview that the mill would close.',
            'Tom Ray, the author of "Small Towns,"',
            "the mill would close",
        ),
        ("Mr. Park, citing ''the magic of the place,'' said the team could win.", "Mr. Park", "the team could win"),
    ],
)
def test_a_subject_before_a_set_off_phrase_ending_in_quoted_words(paragraph: str, speaker: str, words: str) -> None:
    assert ("reported_speech", "indirect", speaker, words) in found(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        # the quote opens before any subject: an inverted or trailing attribution
        "“We will win, and soon,” said Lee.",
        "“We will win, and soon,” Lee said.",
        # another quote before the phrase's
        "“It is over,” Ann Lee, host of “Good Day,” said.",
        # no comma sets the phrase off before the quote
        "The host of “Good Day,” said Lee, is leaving.",
    ],
)
def test_no_subject_is_read_before_quoted_words_that_open_no_set_off_phrase(paragraph: str) -> None:
    assert all(rule != "reported_speech" for rule, _, _, _ in found(paragraph))


def test_a_subject_before_quoted_words_still_needs_words_after_its_verb() -> None:
    assert all(rule != "reported_speech" for rule, _, _, _ in found("Lee, who called it “sad,” said nothing else."))
    assert ("reported_speech", "no_words") in vetoes("Lee, who called it “sad,” said nothing else.")


@pytest.mark.xfail(
    strict=True,
    reason="14b16's quarters and seasons as a time after the verb were reverted after review rv17b: the same words "
    "open "
    "a reported clause (`Lee said last quarter was the worst in a decade`), and no unseen text moved",
)
@pytest.mark.parametrize(
    ("paragraph", "words"),
    [
        ("The airline reported last quarter that its planes were full.", "its planes were full"),
        ("Lee said this summer that the mill would close.", "the mill would close"),
        ("The union said last winter the plant would shut.", "the plant would shut"),
    ],
)
def test_a_quarter_or_a_season_after_the_verb_is_a_time_not_the_words(paragraph: str, words: str) -> None:
    assert only(paragraph)[3] == words


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lee announced a last summer tour of the mills.",  # (no time right after the verb)
        "Lee described last quarter as the worst in years.",  # (a time as the object: no report)
        "Lee recalled last winter.",
    ],
)
def test_a_quarter_or_a_season_opens_no_words_of_its_own(paragraph: str) -> None:
    assert all(rule != "reported_speech" for rule, _, _, _ in found(paragraph))


# a relative clause with ``who`` still open at ``and said``: the antecedent speaks (14b16)


@pytest.mark.xfail(
    strict=True,
    reason="14b16's `who ... and said` reading was reverted after review rv17b: in an object relative clause the main "
    "subject speaks (`Lee mourned Park, who he called a mentor and said ...`), and no unseen text moved",
)
@pytest.mark.parametrize(
    ("paragraph", "speaker", "words"),
    [
        (
            "Tom called on Ann Lee, who opened her door and said she would vote for Kim.",
            "Ann Lee",
            "she would vote for Kim",
        ),
        ("“We are neighbors,” Tom told Ann Lee, who smiled and said she knew that.", "Ann Lee", "she knew that"),
        (
            "The mayor thanked Senator Ray, who came to the plant and said the jobs would stay.",
            "Senator Ray",
            "the jobs would stay",
        ),
    ],
)
def test_and_said_inside_a_relative_clause_is_the_antecedents(paragraph: str, speaker: str, words: str) -> None:
    assert ("reported_speech", "indirect", speaker, words) in found(paragraph)


@pytest.mark.parametrize(
    ("paragraph", "not_speaker"),
    [
        # the relative clause closes before "and": the sentence's subject speaks, or none is read
        ("Tom met Ann Lee, who runs the mill, and said the plan was dead.", "Ann Lee"),
        # two relative clauses: which one "and said" belongs to is not read
        ("It was Ray, who sailed in 1990, who studied tides and said they were odd.", "1990"),
        # an antecedent that cannot speak
        ("They toured the mill, who knows why, and said it was old.", "the mill"),
    ],
)
def test_and_said_after_a_closed_or_doubtful_relative_clause_is_not_the_antecedents(
    paragraph: str, not_speaker: str
) -> None:
    assert all(speaker != not_speaker for _, _, speaker, _ in found(paragraph))


# ------------------------------------------------------ review rv17b: what 14b16's reverted readings got wrong


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        # a quarter or a season opening the reported clause is its subject, not a time of the saying
        ("Lee said last quarter was the worst in a decade.", "Lee", "last quarter was the worst in a decade"),
        ("Analysts said next quarter would be harder.", "Analysts", "next quarter would be harder"),
        # in an object relative clause the sentence's subject says the words after "and said"
        ("Lee mourned Park, who he called a mentor and said the world was poorer.", "Lee", "the world was poorer"),
    ],
)
def test_the_reverted_readings_leave_these_right(sentence: str, speaker: str, words: str) -> None:
    assert [(mention, text) for _, _, mention, text in found(sentence)] == [(speaker, words)]


@pytest.mark.parametrize("sentence", ["Did he say he would?", "I'd say we could."])
def test_a_question_or_an_idiom_ending_in_a_pronoun_and_an_auxiliary_is_no_report(sentence: str) -> None:
    assert found(sentence) == []
