"""The opt-in ``scored_quote`` rule and its scorer: weights shipped as package data, scoring in
pure Python, the rule off by default."""

from __future__ import annotations

import json

import pytest

from articlekit.enrich.quotes import find_quotes, quote_rules
from articlekit.enrich.quotes.finder import Finder
from articlekit.enrich.quotes.rules import Quoted, Rule
from articlekit.enrich.quotes.rules_scored import (
    SCORED_QUOTE,
    Choice,
    scored_quote_rule,
    speaker_choices,
    subject_mention,
)
from articlekit.enrich.quotes.scorer import (
    CHOICE_KINDS,
    FEATURES,
    SPEAKER_FEATURES,
    _check,
    features,
    model,
    quote_probability,
    speaker_features,
    speaker_probability,
    speaker_weights,
    weights,
)
from articlekit.model import Article, Paragraph

ARTICLE = Article(
    body=(
        Paragraph(
            '"The bridge will reopen in May," the mayor said on Monday, and the answer on the cost was the same'
            ' "We can carry this price for a decade, and we will."'
        ),
    )
)
APART = Article(
    body=(
        Paragraph('"The bridge will reopen in May," the mayor said on Monday.'),
        Paragraph('On the cost, the answer was the same "We can carry this price for a decade, and we will."'),
    )
)


def test_the_shipped_weights_cover_every_feature_and_a_threshold() -> None:
    model = weights()
    assert len(model) == len(FEATURES) + 1
    assert 0.0 < model[-1] < 1.0


def test_features_are_one_value_per_feature_and_probabilities_are_probabilities() -> None:
    text = 'She said the plan was "a price we can carry for a decade."'
    values = features(text, (0, len(text)), (text.index('"'), len(text)), True, True, "")
    assert len(values) == len(FEATURES)
    assert 0.0 <= quote_probability(values) <= 1.0


def test_a_scare_quote_scores_lower_than_a_sentence_of_speech() -> None:
    scare = 'The city calls it a "smart" meter.'
    speech = 'Then: "We will never give up on this town, not ever, I promise you."'
    low = features(scare, (0, len(scare)), (scare.index('"'), scare.rindex('"') + 1), True, True, "")
    high = features(speech, (0, len(speech)), (speech.index('"'), speech.rindex('"') + 1), False, True, "")
    assert quote_probability(low) < 0.5 < quote_probability(high)


def test_a_malformed_weights_file_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"scorer\.json: expected 'weights' with a weight for each of bias"):
        _check(json.loads('{"weights": {"bias": 1.0}, "threshold": 0.5}'))


def test_the_speaker_scorer_ships_with_its_own_weights_and_threshold() -> None:
    _, speaker = model()
    assert len(speaker) == len(SPEAKER_FEATURES) + 1
    assert 0.0 <= speaker[-1] < 1.0


def test_a_participle_opening_the_sentence_is_a_less_likely_speaker_than_a_pronoun() -> None:
    text = 'He told the crowd the plan was "a price we can carry for a decade."'
    quote = features(text, (0, len(text)), (text.index('"'), len(text)), True, True, " told the crowd the plan was ")
    pronoun = speaker_features("He", "subject", " told the crowd the plan was ", quote_values=quote)
    participle = speaker_features("Acknowledging", "subject", " that the plan was ", quote_values=quote)
    assert len(pronoun) == len(SPEAKER_FEATURES)
    assert speaker_probability(participle) < speaker_probability(pronoun)


def test_a_speaker_of_an_unknown_kind_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="expected a kind among subject, quoted_here"):
        speaker_features("He", "object", "")


def test_the_speaker_scorer_can_veto_a_doubtful_speaker() -> None:
    doubting = quote_rules().copy()
    doubting.add(
        Rule.of("scored_quote", "quoted", scored_quote_rule(speaker_model=[*[0.0] * len(SPEAKER_FEATURES), 0.99]))
    )
    assert not any("carry this price" in q.text for q in find_quotes(ARTICLE, doubting))
    trusting = quote_rules().copy()
    trusting.add(
        Rule.of("scored_quote", "quoted", scored_quote_rule(speaker_model=[*[0.0] * len(SPEAKER_FEATURES), 0.0]))
    )
    assert any("carry this price" in q.text for q in find_quotes(ARTICLE, trusting))


def test_the_rule_is_off_by_default_and_finds_the_words_when_added() -> None:
    assert "scored_quote" not in quote_rules().names()
    default = find_quotes(ARTICLE)
    assert not any("carry this price" in q.text for q in default)
    rules = quote_rules().copy()
    rules.add(SCORED_QUOTE)
    assert {q.text for q in default} <= {q.text for q in find_quotes(ARTICLE, rules)}
    # the shipped scorers, with the ranker's floor at an even chance
    rules = quote_rules().copy()
    rules.add(Rule.of("scored_quote", "quoted", scored_quote_rule(speaker_model=[*speaker_weights()[:-1], 0.5])))
    added = [q for q in find_quotes(ARTICLE, rules) if "carry this price" in q.text]
    assert len(added) == 1
    assert added[0].speaker is not None and added[0].speaker.mention == "the mayor"  # quoted just before


def test_a_speaker_quoted_in_an_earlier_paragraph_is_a_candidate_within_reach() -> None:
    taking = [*[0.0] * len(SPEAKER_FEATURES), 0.0]
    near = quote_rules().copy()
    near.add(Rule.of("scored_quote", "quoted", scored_quote_rule(reach=0, speaker_model=taking)))
    assert not any("carry this price" in q.text for q in find_quotes(APART, near))
    reaching = quote_rules().copy()
    reaching.add(Rule.of("scored_quote", "quoted", scored_quote_rule(reach=1, speaker_model=taking)))
    added = [q for q in find_quotes(APART, reaching) if "carry this price" in q.text]
    assert len(added) == 1
    assert added[0].speaker is not None and added[0].speaker.mention == "the mayor"


# a paragraph of our own: a speaker quoted before, a subject of the sentence before, a name
CHOICES = Article(
    body=(
        Paragraph(
            '"We will rebuild the pier," the harbour master said. Councillor Ada Brand disagreed at the meeting.'
            ' Her deputy was blunt, and a note from Tom Oakes ended "Nobody will pay for a pier this town never uses."'
        ),
    )
)


def _choices() -> tuple[list[Choice], dict[str, int]]:
    """The candidate speakers the rule ranks for the last quoted words of ``CHOICES``."""
    seen: list[Choice] = []

    def spy(finder: Finder, anchor: Quoted) -> None:
        seen.extend(speaker_choices(finder, anchor))

    rules = quote_rules().copy()
    rules.add(Rule.of("spy", "quoted", spy))
    find_quotes(CHOICES, rules)
    text = CHOICES.body[0].text
    return seen, {text[c.mention[1] : c.mention[2]]: i for i, c in enumerate(seen)}


def test_the_candidates_are_the_subject_the_speaker_quoted_before_and_the_names_before() -> None:
    seen, at = _choices()
    kinds = {CHOICES.body[0].text[c.mention[1] : c.mention[2]]: c.kind for c in seen}
    assert kinds["Her deputy"] == "subject"
    assert kinds["the harbour master"] == "quoted_here"
    assert kinds["Councillor Ada Brand"] == "previous_subject"
    assert kinds["Tom Oakes"] == "name_before"
    assert not any(" " in name and "." in name for name in kinds)  # no name runs across a sentence's end
    assert [c.kind for c in seen] == sorted((c.kind for c in seen), key=CHOICE_KINDS.index)
    master = seen[at["the harbour master"]]
    assert master.last_speaker and master.times_quoted == 1
    assert seen[at["Councillor Ada Brand"]].sentences_back == 1


@pytest.mark.parametrize(
    ("favoured", "speaker"),
    [
        ("subject", "Her deputy"),
        ("quoted_here", "the harbour master"),
        ("previous_subject", "Councillor Ada Brand"),
        ("name_before", "Tom Oakes"),
    ],
)
def test_the_ranker_chooses_the_candidate_it_scores_highest(favoured: str, speaker: str) -> None:
    ranker = [0.0] * len(SPEAKER_FEATURES)
    ranker[SPEAKER_FEATURES.index(favoured)] = 3.0
    taking = quote_rules().copy()
    taking.add(Rule.of("scored_quote", "quoted", scored_quote_rule([*[0.0] * len(FEATURES), 0.0], 2, [*ranker, 0.6])))
    added = [q for q in find_quotes(CHOICES, taking) if "Nobody will pay" in q.text]
    assert len(added) == 1
    assert added[0].speaker is not None and added[0].speaker.mention == speaker


def test_no_candidate_above_the_floor_means_no_quote() -> None:
    ranker = [0.0] * len(SPEAKER_FEATURES)
    ranker[SPEAKER_FEATURES.index("quoted_here")] = 3.0
    doubting = quote_rules().copy()
    doubting.add(
        Rule.of("scored_quote", "quoted", scored_quote_rule([*[0.0] * len(FEATURES), 0.0], 2, [*ranker, 0.99]))
    )
    assert not any("Nobody will pay" in q.text for q in find_quotes(CHOICES, doubting))


@pytest.mark.parametrize(
    ("subject", "mention"),
    [
        ("The Republican candidate", "The Republican candidate"),
        ("Clinton campaign manager Robby Mook", "Clinton campaign manager Robby Mook"),
        ("Jones took the floor", "Jones"),
        ("Immediately", None),
        ("Former Obama speechwriter Jon Favreau", "Former Obama speechwriter Jon Favreau"),
        ("Trump blasts Clinton", "Trump"),
    ],
)
def test_the_subject_keeps_its_role_nouns_and_loses_its_verb(subject: str, mention: str | None) -> None:
    found = subject_mention(subject, 0, len(subject))
    assert (subject[found[0] : found[1]] if found is not None else None) == mention


@pytest.mark.parametrize(
    ("sentence", "subject", "mention"),
    [
        ('Former secretary of state Ann Lee: "We knew."', "Former secretary", "Former secretary of state Ann Lee"),
        ('Vice President for news Dave Gorab called it "a record."', "Vice President for news Dave",
         "Vice President for news Dave Gorab"),
        ('Senator Lee on Tuesday called it "a sham."', "Senator Lee", "Senator Lee"),
    ],
)  # fmt: skip
def test_a_name_cut_short_is_read_on_to_the_quote(sentence: str, subject: str, mention: str) -> None:
    start = sentence.index(subject)
    found = subject_mention(sentence, start, start + len(subject), sentence.index('"'))
    assert found is not None and sentence[found[0] : found[1]] == mention
