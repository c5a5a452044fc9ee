"""Regressions a code review of round 12's quote rules found (issue 14, 14f12a: the finder's
lead-in, promised words and continuations, and the reported-speech rules), each on a sentence
written here."""

from __future__ import annotations

import pytest

from tests.quote_rules import found


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            'In a statement Monday, the company said, "we regret the error and will correct it."',
            "we regret the error and will correct it.",
        ),
        ('Asked about the delay, Lee said, "we are working on it."', "we are working on it."),
        ('After the game, the coach said, "we played hard and lost."', "we played hard and lost."),
        ('On Tuesday, the mayor told reporters, "the city is safe."', "the city is safe."),
        ('Speaking at a rally in Ohio, Lee said, "we will win this state."', "we will win this state."),
        ('Standing outside the courthouse, her lawyer said, "justice was done today."', "justice was done today."),
        ('When asked whether she would run again, Lee said, "probably not."', "probably not."),
        ('For his part, Smith said, "nobody told me anything."', "nobody told me anything."),
        ('Later that day, the governor said, "the roads are closed."', "the roads are closed."),
        ('Despite the loss, the coach said, "we are proud of this team."', "we are proud of this team."),
        ('On Monday, "we are ready to go," Lee said.', "we are ready to go"),
        ('Asked about the delay, "we are working on it," Lee said.', "we are working on it"),
        ('In a statement, "we regret the error," the company said.', "we regret the error"),
        ('After the game, "we played hard," the coach said.', "we played hard"),
        ('For now, "nothing has changed," Lee said.', "nothing has changed"),
        ('Reached by phone, "i have nothing to add," Lee said.', "i have nothing to add"),
        ('Earlier, in an interview, "we can do it," the mayor said.', "we can do it"),
    ],
)
def test_the_writers_framing_phrase_is_no_part_of_the_quote(sentence: str, words: str) -> None:
    quotes = found(sentence)
    assert [(q[1], q[3]) for q in quotes] == [("direct", words)]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('If the plan fails, she said, "we will start again."', "If the plan fails we will start again."),
        (
            'The plan, approved in May, "allows us to grow," Lee said.',
            'The plan, approved in May, "allows us to grow,"',
        ),
    ],
)
def test_the_speakers_own_sentence_opened_before_the_attribution_stays_mixed(sentence: str, words: str) -> None:
    quotes = found(sentence)
    assert [(q[1], q[3]) for q in quotes] == [("mixed", words)]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ('Lee pledged to the crowd "a new beginning for this city."', "a new beginning for this city."),
        ('Lee pledged to them "a fair hearing."', "a fair hearing."),
    ],
)
def test_a_listener_after_a_commitment_is_no_infinitive_before_the_quote(sentence: str, words: str) -> None:
    assert [(q[1], q[3]) for q in found(sentence)] == [("direct", words)]


def test_an_infinitive_after_a_commitment_still_opens_the_quote() -> None:
    quotes = found('Lee vowed to keep fighting "for every family in this state."')
    assert [(q[1], q[3]) for q in quotes] == [("mixed", "to keep fighting for every family in this state.")]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee argued that were the bill to pass, prices would rise.", "were the bill to pass, prices would rise"),
        (
            "The mayor said that were it not for the rain, the parade would have gone ahead.",
            "were it not for the rain, the parade would have gone ahead",
        ),
        ("Lee said that do or die, the team would fight.", "do or die, the team would fight"),
    ],
)
def test_an_inverted_verb_after_that_opens_reported_words(sentence: str, words: str) -> None:
    assert [(q[1], q[3]) for q in found(sentence)] == [("indirect", words)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote put states that have banned the tax in play.",
        "The aide told reporters that are based in Ohio about the trip.",
    ],
)
def test_a_plural_verb_after_that_is_still_a_relative_clause(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ('"Where were you?" Lee asked her son, pointing to the clock.', '"At the library."'),
        ('"Do you regret it?" the judge asked, looking at the defendant.', '"No, sir."'),
        ('"How many were there?" the lawyer asked the witness, handing her a photo.', '"Maybe twenty."'),
    ],
)
def test_an_answer_is_not_joined_to_the_question(question: str, answer: str) -> None:
    quotes = found(question, answer)
    assert len(quotes) == 2, quotes
    assert quotes[0][3].endswith("?")
    assert quotes[1][3] == answer.strip('"')


def test_a_place_after_the_attribution_does_not_take_the_next_paragraph() -> None:
    # (a linking verb and its adjective, 'went blue', state a condition: no turn taken, 14b13)
    quotes = found('"We won," Lee said, and Ohio went blue for the first time since 1996.', '"This is history."')
    assert [(q[2], q[3]) for q in quotes] == [("Lee", "We won. This is history.")]


def test_another_speaker_after_the_attribution_still_takes_the_next_paragraph() -> None:
    quotes = found('"We won," Lee said, and her husband interrupted.', '"Not yet."')
    assert quotes[0][2] == "Lee"
    assert all(q[2] != "Lee" for q in quotes[1:])


@pytest.mark.parametrize(
    "sentence",
    [
        "Toyota recalled the models in question.",
        "Honda recalled its Civic models in Canada.",
        "The club recalled the striker from his loan at Leeds.",
        "The White House recalled its envoy to Moscow.",
        "Ford recalled the trucks because of a faulty part.",
        "The team recalled its ambassador from the league.",
        "The company recalled its products from stores in Ohio.",
    ],
)
def test_a_thing_or_person_called_back_is_no_recollection(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee recalled a visit to the lake with her father.", "a visit to the lake with her father"),
        ("Kim recalled summer visits to the farm.", "summer visits to the farm"),
    ],
)
def test_an_anecdote_after_recall_is_what_was_told(sentence: str, words: str) -> None:
    assert [(q[1], q[3]) for q in found(sentence)] == [("indirect", words)]


def test_the_main_verbs_report_survives_a_recall_in_a_relative_clause() -> None:
    quotes = found("The senator, who recalled her staff from the region, said the trip was over.")
    assert [(q[1], q[3]) for q in quotes] == [("indirect", "the trip was over")]


@pytest.mark.parametrize(
    ("sentence", "cited"),
    [
        ("The report pointed to the data and said costs would rise.", "the data"),
        ("Lee pointed to a study and argued that crime had fallen.", "a study"),
    ],
)
def test_evidence_pointed_to_before_and_a_speech_verb_is_cited(sentence: str, cited: str) -> None:
    assert cited in [q[3] for q in found(sentence)]


def test_a_thing_pointed_at_before_and_a_speech_verb_is_a_gesture() -> None:
    assert all(q[3] != "the statue" for q in found("The guide pointed to the statue and told us to hurry."))


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee spoke at the Capitol, which noted its 200th birthday this year.",
        "The meeting took place at the White House, which said the talks were productive.",
    ],
)
def test_a_clause_with_its_verb_is_no_antecedent_that_speaks(sentence: str) -> None:
    assert all(" spoke " not in (q[2] or "") and " took " not in (q[2] or "") for q in found(sentence))


@pytest.mark.parametrize("verb", ["held", "hosted"])
def test_a_named_bodys_relative_clause_ends_before_the_main_verb(verb: str) -> None:
    quotes = found(f"The Ohio Republican Party, which said that it backs Lee, {verb} a rally.")
    assert [(q[2], q[3]) for q in quotes] == [("The Ohio Republican Party", "it backs Lee")]


def test_a_named_body_still_speaks_in_its_relative_clause() -> None:
    quotes = found("The City Council, which argued that the tax was unfair, voted against it.")
    assert [(q[2], q[3]) for q in quotes][:1] == [("The City Council", "the tax was unfair")]


def test_an_attribution_set_in_a_fronted_clause_is_no_main_clause() -> None:
    quotes = found("Since Lee says the budget, the mayor insisted, is balanced, the vote will go ahead.")
    assert [(q[2], q[3]) for q in quotes] == [("Lee", "the budget, the mayor insisted, is balanced")]
    quotes = found("When officials said the fire, they noted, was contained, residents returned.")
    assert all(q[3] != "the fire" and "officials was" not in q[3] for q in quotes), quotes


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Lee, recalling a visit to the mill with her father, said she was moved.", "she was moved"),
        ("The press conference, at which he announced his retirement, lasted an hour.", "his retirement"),
    ],
)
def test_words_in_a_clause_set_off_by_commas_end_at_its_closing_comma(sentence: str, words: str) -> None:
    texts = [q[3] for q in found(sentence)]
    assert words in texts, texts
    assert not any(", said" in t or ", lasted" in t for t in texts), texts


def test_a_participle_in_an_apposition_ends_at_the_main_verb() -> None:
    texts = [q[3] for q in found("Lee, recalling the night of the fire, began to cry.")]
    assert texts in ([], ["the night of the fire"]), texts


def test_a_listeners_reply_is_not_joined_to_the_speakers_quote() -> None:
    quotes = found('"Get out," the officer told the driver, who refused.', '"I have done nothing wrong."')
    assert quotes[0][3] == "Get out", quotes


def test_the_speakers_own_relative_clause_still_joins_the_next_paragraph() -> None:
    quotes = found('"We will build it," said Lee, who chairs the committee.', '"It will take two years."')
    assert [q[3] for q in quotes] == ["We will build it. It will take two years."], quotes
