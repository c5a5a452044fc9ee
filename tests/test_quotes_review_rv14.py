"""Regressions the review rv14 of the issue-14 quote changes found, each on the reviewer's own
sentences and sentences written here (none from a corpus)."""

from __future__ import annotations

import pytest

from tests.quote_rules import found, vetoes


def words(*paragraphs: str) -> list[tuple[str, str | None, str]]:
    """``(kind, speaker mention, words)`` of every quote found."""
    return [(q[1], q[2], q[3]) for q in found(*paragraphs)]


# 1. "to <listener>" after a verb that needs "that" is a listener, not an infinitive
@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ("As Lee confirmed to reporters, the plan is dead.", "Lee", "the plan is dead"),
        ("As the mayor wrote to residents on Friday, the water is safe to drink.", "the mayor",
         "the water is safe to drink"),
        ("As Lee announced to supporters in Ohio, the campaign will go on.", "Lee", "the campaign will go on"),
        ("As Lee mentioned to friends, she plans to retire in May.", "Lee", "she plans to retire in May"),
        ("As the coach repeated to fans after the game, the season is not over.", "the coach",
         "the season is not over"),
        ("As the principal wrote to parents last week, classes resume on Monday.", "the principal",
         "classes resume on Monday"),
    ],
)  # fmt: skip
def test_a_listener_after_to_is_no_infinitive(sentence: str, speaker: str, said: str) -> None:
    assert words(sentence) == [("indirect", speaker, said)]


@pytest.mark.parametrize(
    "sentence",
    [
        "As the council continues to debate the budget, the library stays closed.",
        "As the union continues to focus on wages, the talks drag on.",
    ],
)
def test_an_infinitive_after_a_verb_that_needs_that_is_a_named_veto(sentence: str) -> None:
    assert found(sentence) == []
    assert ("reported_speech", "verb_phrase_after") in vetoes(sentence)


# 2. ", and <pronoun> <verb>" ends the words only when the pronoun stands for the speaker
@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ("Police said the suspect fled on foot, and he remains at large.", "Police",
         "the suspect fled on foot, and he remains at large"),
        ("Officials said the mayor resigned on Friday, and she plans to leave the city.", "Officials",
         "the mayor resigned on Friday, and she plans to leave the city"),
        ("Lee said the team practiced for weeks, and they deserved the win.", "Lee",
         "the team practiced for weeks, and they deserved the win"),
        ("Lee said the senator misled voters, and he owes them an apology.", "Lee",
         "the senator misled voters, and he owes them an apology"),
        ("Coaches said the striker trained alone all week, and he starts on Sunday.", "Coaches",
         "the striker trained alone all week, and he starts on Sunday"),
        ("Park said the nurses worked double shifts, and they deserved a raise.", "Park",
         "the nurses worked double shifts, and they deserved a raise"),
    ],
)  # fmt: skip
def test_a_pronoun_that_may_stand_for_the_report_s_subject_keeps_its_clause(
    sentence: str, speaker: str, said: str
) -> None:
    assert words(sentence) == [("indirect", speaker, said)]


@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ("Residents said the water tasted of metal, and they collected samples for a lab.", "Residents",
         "the water tasted of metal"),
        ("Lee said she ran because the mayor let her down, and she decided to win the seat herself.", "Lee",
         "she ran because the mayor let her down"),
    ],
)  # fmt: skip
def test_a_pronoun_that_stands_for_the_speaker_ends_the_words(sentence: str, speaker: str, said: str) -> None:
    assert words(sentence)[:1] == [("indirect", speaker, said)]


# 3. the writer's sentence with quoted words before "X said: "..."" stays the attribution's
@pytest.mark.parametrize(
    ("sentence", "speaker", "opening", "closing"),
    [
        ('The deal is "dead on arrival," Lee told reporters: "We will not vote for it."', "Lee",
         'The deal is "dead on arrival,"', "We will not vote for it."),
        ('This is a "raw time," said David Axelrod: "People are angry."', "David Axelrod",
         'This is a "raw time,"', "People are angry."),
        ('Voters see the tax as a "cash grab," the mayor conceded on Monday: "I understand why."', "the mayor",
         'Voters see the tax as a "cash grab,"', "I understand why."),
        ('The levy is a "tax on work," the union said on Friday: "Our members will fight it."', "the union",
         'The levy is a "tax on work,"', "Our members will fight it."),
    ],
)  # fmt: skip
def test_a_writers_sentence_before_an_attribution_with_a_colon_stays_its_mixed_quote(
    sentence: str, speaker: str, opening: str, closing: str
) -> None:
    ((kind, who, said),) = words(sentence)
    assert (kind, who) == ("mixed", speaker)
    assert said.startswith(opening) and said.endswith(closing)


def test_a_cue_before_the_quoted_words_still_leaves_them_to_it() -> None:
    quotes = words('After Park said the fee was "a cash grab," the mayor said: "I hear her."')
    assert quotes == [("mixed", "Park", 'the fee was "a cash grab,"'), ("direct", "the mayor", "I hear her.")]


# 4. a verb of motion with a particle of direction is no linking verb with its adjective
@pytest.mark.parametrize(
    ("sentence", "next_paragraph"),
    [
        ('"We won," Lee said, and Park went back to the microphone.', '"This is not over."'),
        ('"We won," Lee said, and Park turned away.', '"This is not over."'),
        ('"We won," Lee said, and Park turned around.', '"It is not over."'),
        ('"The vote stands," the chair said, and Okafor got up from his seat.', '"Then count it again."'),
        ('"The vote stands," the chair said, and Okafor turned slowly toward the room.', '"Then count it again."'),
    ],
)
def test_a_subject_who_moved_after_the_attribution_may_take_the_turn(sentence: str, next_paragraph: str) -> None:
    quotes = found(sentence, next_paragraph)
    assert quotes[0][1:3] in (("direct", "Lee"), ("direct", "the chair"))
    assert next_paragraph.strip('"') not in quotes[0][3]


def test_a_particle_of_direction_inside_the_same_paragraph_takes_the_turn() -> None:
    quotes = found('"We won," Lee said, and Park went further. "It is a landslide."')
    assert quotes[0][3] == "We won"


# 5. an indirect question's own verbs coordinated by "and" stay in its words
@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ("Lee asked whether the firm had paid its taxes and filed its returns.", "Lee",
         "whether the firm had paid its taxes and filed its returns"),
        ("Reporters asked the mayor if residents had been warned and evacuated in time.", "Reporters",
         "if residents had been warned and evacuated in time"),
        ("The auditor asked whether the council had read the report and approved the budget.", "The auditor",
         "whether the council had read the report and approved the budget"),
    ],
)  # fmt: skip
def test_a_question_s_own_past_verb_after_and_stays_in_its_words(sentence: str, speaker: str, said: str) -> None:
    assert words(sentence) == [("indirect", speaker, said)]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("Lee asked whether the fee was fair and said she would pay it.", "whether the fee was fair"),
        ("Lee asked whether the fee was fair, and the room fell silent.", "whether the fee was fair"),
        ("Lee asked if the fee would rise, and she waited for an answer.", "if the fee would rise"),
    ],
)
def test_a_question_still_ends_before_the_speaker_s_next_verb_of_speech_or_a_new_clause(
    sentence: str, said: str
) -> None:
    assert words(sentence)[0] == ("indirect", "Lee", said)


# 6. a fronted report opening with its own subordinate clause keeps its own main clause
@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ("Because Lee says that when prices rise, they rise for everyone, the board is wary.", "Lee",
         "when prices rise, they rise for everyone"),
        ("Since the chief says that once the bridge opens, it will pay for itself, the council has backed it.",
         "the chief", "once the bridge opens, it will pay for itself"),
    ],
)  # fmt: skip
def test_a_fronted_report_s_own_conditional_does_not_end_it(sentence: str, speaker: str, said: str) -> None:
    assert words(sentence) == [("indirect", speaker, said)]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("While Lee says that if taxes go up, we lose jobs, her rivals disagree.", "if taxes go up, we lose jobs"),
        ("While Lee says that if the ferry stops, they lose work, the port disagrees.",
         "if the ferry stops, they lose work"),
    ],
)  # fmt: skip
def test_a_fronted_report_s_own_conditional_ends_at_the_next_comma_and_subject(sentence: str, said: str) -> None:
    assert words(sentence) == [("indirect", "Lee", said)]


def test_a_question_s_if_is_no_subordinate_clause_of_the_report() -> None:
    quotes = words("When a reporter asked if the plan would cost jobs, the mayor has said nothing.")
    assert quotes[0] == ("indirect", "a reporter", "if the plan would cost jobs")


# 7. quoted words after "X verb," go to that verb only when the attribution after them runs
# into a next quote by a comma or a colon, and not in an "as"-clause quoting a saying
def test_a_participle_s_scare_quote_is_no_next_quote() -> None:
    quotes = words('Lee said, "We are ready," Park noted, calling the claim "absurd."')
    assert quotes == [("direct", "Park", "We are ready"), ("mixed", "Park", 'the claim "absurd."')]


@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        ('As I have always said, "never give up," Lee said, "and I meant it."', "Lee",
         "never give up and I meant it."),
        ('As the song says, "Don\'t stop believing," Lee told the crowd, "and we won\'t."', "Lee",
         "Don't stop believing and we won't."),
        ('As my father used to say, "measure twice," Lee said, "and cut once."', "Lee",
         "measure twice and cut once."),
    ],
)  # fmt: skip
def test_a_saying_quoted_in_an_as_clause_is_the_attribution_s(sentence: str, speaker: str, said: str) -> None:
    assert words(sentence) == [("direct", speaker, said)]


def test_the_shouter_is_the_whole_noun_phrase_before_the_verb() -> None:
    quotes = words('When a man in the crowd shouted, "Lower taxes," Okafor joked, "I hear you."')
    assert quotes[0] == ("direct", "a man in the crowd", "Lower taxes")


# 8. before "to", more than six words after ask/urge are its object and a purpose, no listener
@pytest.mark.parametrize(
    "sentence",
    [
        "Lee urged caution in a speech at the chamber on Tuesday to business leaders in Chicago.",
        "Lee asked around the neighborhood in the weeks before the vote to gauge support.",
        "The coach urged patience at a long news conference after the loss on Sunday to fans of the club.",
        "Lee urged restraint in a letter sent on Monday to residents of the county.",
    ],
)
def test_a_long_object_before_to_is_no_request(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("Lee asked the mayor during a call-in show on Friday if the bridge would open.", "if the bridge would open"),
        ("Lee urged the owners of small shops downtown to apply for the grant.",
         "the owners of small shops downtown to apply for the grant"),
        ("Lee asked Park, who runs third in the polls, to explain his plan.",
         "Park, who runs third in the polls, to explain his plan"),
    ],
)  # fmt: skip
def test_a_question_after_a_long_listener_or_a_listener_with_a_relative_clause_is_still_read(
    sentence: str, said: str
) -> None:
    assert words(sentence) == [("indirect", "Lee", said)]


def test_words_right_after_a_verb_of_speech_stay_its_own_before_a_writers_clause_with_a_scare_quote() -> None:
    quotes = words('When a fan yelled, "Refund," Ortiz grinned, and the hall roared at the "cheap seats."')
    assert quotes[0] == ("direct", "a fan", "Refund")


def test_a_participle_s_scare_quote_after_another_attribution_stays_the_participle_s() -> None:
    quotes = words('Kim said, "The count is done," Ortiz replied, calling the result "a coin toss."')
    assert quotes == [("direct", "Ortiz", "The count is done"), ("mixed", "Ortiz", 'the result "a coin toss."')]


# 9. "and this <noun> <verb>" opens a clause of its own in a long sentence (not "bus" as a verb)
def test_a_long_sentence_s_last_clause_after_and_this_noun_and_its_verb() -> None:
    sentence = (
        "The school has struggled with funding cuts and teacher shortages across every grade for the past "
        'three years and this class is "the best we have had," the principal said.'
    )
    assert words(sentence) == [("mixed", "the principal", 'this class is "the best we have had,"')]


@pytest.mark.parametrize(
    ("sentence", "asker", "question"),
    [
        ('When asked by reporters during a debate whether she would run, Lee said: "Not now."', "reporters",
         "whether she would run"),
        ("When asked by a voter during the town hall meeting if taxes would rise, Lee said no.", "a voter",
         "if taxes would rise"),
    ],
)  # fmt: skip
def test_asked_by_with_the_occasion_of_the_asking_before_the_question(sentence: str, asker: str, question: str) -> None:
    assert ("asked_by", "indirect", asker, question) in found(sentence)
