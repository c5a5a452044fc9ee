"""The speaker-mention grammar: the mention the rules find before a speech verb, and its parts
(name, title, appositions) as ``read_speaker`` gives them. The sentences are the examples the
grammar's comments give."""

from __future__ import annotations

import pytest

from articlekit.enrich.quotes import read_speaker
from tests.quote_rules import found, only


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Andriy Yermak, head of Ukraine's presidential office, said the talks would go on.",
         "Andriy Yermak, head of Ukraine's presidential office"),
        ("Gov. John Kasich (R-OH), said the state would not expand the program.", "Gov. John Kasich (R-OH)"),
        ("Rep. Gwen Moore (D-Wis.) said the bill was unfair to workers.", "Rep. Gwen Moore (D-Wis.)"),
        ("A lawyer for the news outlets, David Schulz, said the ruling was wrong.",
         "A lawyer for the news outlets, David Schulz"),
        ("Trump's attorney, Alan Garten, said the lawsuit had no merit.", "Trump's attorney, Alan Garten"),
        ("Mitch McConnell, R-Ky., said the Senate would vote next week.", "Mitch McConnell, R-Ky."),
        ("Clinton, however, said the plan would fail in the end.", "Clinton"),
        ("The governor went on to say that taxes would rise next year.", "The governor"),
        ("A senior official, speaking on condition of anonymity, said the talks had stalled.", "A senior official"),
        ("Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said the rule "
         "was illegal.", "Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA"),
    ],
)  # fmt: skip
def test_the_mention_before_the_verb(sentence: str, mention: str) -> None:
    assert only(sentence)[2] == mention


@pytest.mark.parametrize(
    ("mention", "name", "title", "appositions"),
    [
        ("Russian President Vladimir Putin", "Vladimir Putin", "Russian President", []),
        ("Andriy Yermak, head of Ukraine's presidential office", "Andriy Yermak", None,
         ["head of Ukraine's presidential office"]),
        ("Rep. Gwen Moore (D-Wis.)", "Gwen Moore", "Rep.", ["(D-Wis.)"]),
        ("White House press secretary Josh Earnest", "Josh Earnest", "White House press secretary", []),
        ("Secretary of State John Kerry", "John Kerry", "Secretary of State", []),
        ("Osama bin Laden", "Osama bin Laden", None, []),
        ("Mr. Bush", "Bush", "Mr.", []),
        ("Trump's attorney, Alan Garten", "Alan Garten", "Trump's attorney", []),
        ("the Russian president", None, "the Russian president", []),
        ("he", "he", None, []),
        ("The company, which employs 3,000 people", None, "The company", ["which employs 3,000 people"]),
        ("Harbour Radio's Ines Okafor", "Ines Okafor", "Harbour Radio's", []),
        ("Okafor's", "Okafor's", None, []),
        ("a spokesman for the Port Authority", None, "a spokesman for the Port Authority", []),
        ("Army Lt. Gen. Rosa Quint", "Rosa Quint", "Army Lt. Gen.", []),
        ("Harold B. Vance", "Harold B. Vance", None, []),
        ("Mr. King", "King", "Mr.", []),
        ("Sir Alan Hale", "Alan Hale", "Sir", []),
        ("the harbour master, She", None, "the harbour master", ["She"]),
        # after a titled name, "of" opens its place or body; an untitled "X of Y" is left whole
        ("Sen. Ines Okafor of Ohio", "Ines Okafor", "Sen.", ["of Ohio"]),
        ("Mr. Reyes of the Harbour Trust, a trustee", "Reyes", "Mr.", ["of the Harbour Trust", "a trustee"]),
        ("Bank of Larne", "Bank of Larne", None, []),
    ],
)  # fmt: skip
def test_the_parts_of_a_mention(mention: str, name: str | None, title: str | None, appositions: list[str]) -> None:
    text = f"Yesterday {mention} said so."
    start = len("Yesterday ")
    parts = read_speaker(text, start, start + len(mention))

    def words(span: tuple[int, int] | None) -> str | None:
        return text[span[0] : span[1]] if span is not None else None

    assert (words(parts.name), words(parts.title), [words(a) for a in parts.appositions]) == (
        name,
        title,
        appositions,
    )


@pytest.mark.parametrize(
    ("mention", "head", "described"),
    [
        ("Trump's attorney, Alan Garten", "Trump's attorney", True),
        ("the harbour master's deputy, Ines Okafor", "the harbour master's deputy", True),
        ("Ines Okafor, the harbour master's deputy", "Ines Okafor", False),
        ("Rep. Gwen Moore (D-Wis.)", "Rep. Gwen Moore", False),
        ("the harbour master", "the harbour master", False),
    ],
)
def test_the_head_and_whether_the_name_follows_a_description(mention: str, head: str, described: bool) -> None:
    """``head`` is what stands before the first comma or parenthesis; ``described`` says the name
    is the apposition after a description (the sources enricher reads both)."""
    parts = read_speaker(mention, 0, len(mention))
    assert parts.head is not None
    assert (mention[parts.head[0] : parts.head[1]], parts.described) == (head, described)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('"We will rebuild the pier," said Will Doyle, the harbor master.', "Will Doyle, the harbor master"),
        ('"The vote is close," said May Lee.', "May Lee"),
        ('"The vote is close," May Lee said.', "May Lee"),
    ],
)
def test_a_first_name_that_is_also_a_function_word(sentence: str, mention: str) -> None:
    assert only(sentence)[2] == mention


@pytest.mark.parametrize(
    "sentence",
    [
        "Now Trump says the plan would fail in the end.",  # at a sentence's start: an adverb
        "Still Smith said the plan would fail in the end.",
    ],
)
def test_a_function_word_opening_a_sentence_is_no_first_name(sentence: str) -> None:
    assert only(sentence)[2] in ("Trump", "Smith")


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('"Close the plant," said roughly 30 of the workers.', "roughly 30 of the workers"),
        ('"Close the plant," said more than 100 workers.', "more than 100 workers"),
    ],
)
def test_an_approximated_number_opens_a_mention(sentence: str, mention: str) -> None:
    assert only(sentence)[2] == mention


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Lee’s right-hand man rallied supporters, saying: “We have to be ready.”", "Lee’s right-hand man"),
        ('"We will appeal," said Reyes\'s lawyer.', "Reyes's lawyer"),
        ('"We will appeal," Reyes\'s lawyer said.', "Reyes's lawyer"),
    ],
)
def test_a_possessive_reads_on_to_what_it_owns(sentence: str, mention: str) -> None:
    assert only(sentence)[2] == mention


def test_a_possessive_owning_a_thing_is_no_speaker() -> None:
    assert found('Lee\'s plan would cost "far too much."') == []


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('Hundreds of local fishermen marched on Monday, chanting, "Save the harbor."', "Hundreds of local fishermen"),
        ('Thousands of striking nurses rallied downtown, saying, "We are tired."', "Thousands of striking nurses"),
        ('"We are tired," said dozens of striking nurses.', "dozens of striking nurses"),
    ],
)
def test_a_round_count_opening_a_sentence_is_no_name(sentence: str, mention: str) -> None:
    assert only(sentence)[2] == mention


@pytest.mark.parametrize(
    ("sentence", "rule", "mention"),
    [
        ('Senate leader Ann Lee, R-Ore., delivered a blunt message to the mayor: "It is time to stop."',
         "verb_before", "Senate leader Ann Lee, R-Ore."),
        ('Rep. Omar Reyes, D-New York, blasted the plan as "a giveaway."',
         "characterising", "Rep. Omar Reyes, D-New York"),
        ('Sen. Kim Park, R-Ky., told reporters, "We will not vote for this."', "said_before", "Sen. Kim Park, R-Ky."),
    ],
)  # fmt: skip
def test_a_party_and_state_in_commas_stay_in_the_mention(sentence: str, rule: str, mention: str) -> None:
    assert only(sentence)[:3:2] == (rule, mention)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("A lawyer for the family said the trial was unfair.", "A lawyer for the family"),
        ("Lee and his family said the house was sold.", "Lee and his family"),
        ("A close ally of the mayor's rally said the vote was near.", "A close ally of the mayor's rally"),
    ],
)  # fmt: skip
def test_a_noun_in_ly_ends_no_subject(sentence: str, mention: str) -> None:
    # "family", "rally" are nouns (lexicon ly_nouns), not adverbs between the subject and its verb
    assert only(sentence)[2] == mention


def test_an_adverb_in_ly_still_stands_between_subject_and_verb() -> None:
    assert only("The officials quietly said the deal was done.")[2] == "The officials"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("The report said the mayor used a private phone.", "The report"),
        ("The mayor used a private phone, the audit report said.", "the audit report"),
        ("A tweet from the campaign says the rally is off.", "A tweet from the campaign"),
    ],
)  # fmt: skip
def test_a_document_noun_that_is_also_a_speech_verb_heads_a_subject(sentence: str, mention: str) -> None:
    # "report", "tweet" before "said" are nouns (lexicon document_nouns): two verbs never stand in a row
    assert only(sentence)[2] == mention


@pytest.mark.parametrize(
    "text",
    [
        "about 40 dockworkers at the port said the strike would go on.",
        "Harbor board chairman Ann Lee, who runs the port, said the fees would rise.",
        "The union's lawyers — who met on Monday — called the offer an insult.",
        "Lee, in a letter to members, described the vote as a mistake.",
    ],
)  # fmt: skip
def test_the_cached_mention_is_the_mention_read_afresh(text: str) -> None:
    # _np_after is cached (the rules read the same mention up to five times); the cache must
    # give what a fresh reading gives, at every start and bound
    from articlekit.enrich.quotes.mention import _np_after

    fresh = _np_after.__wrapped__
    for pos in range(0, len(text), 7):
        for hi in (len(text), len(text) - 9):
            assert _np_after(text, pos, hi) == fresh(text, pos, hi)
            assert _np_after(text, pos, hi) == fresh(text, pos, hi)  # (now from the cache)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        # the prefilters (a dash, an aside's comma, a quoted title, an apostrophe, a form of
        # "be") let each reading past the subject through when its sentence needs it
        ('Ann Lee — who chairs the harbor board — dismissed the plan as "a fantasy."',
         "Ann Lee — who chairs the harbor board"),
        ('Ann Lee, in a letter to dockworkers, praised the "quiet heroes" of the strike.', "Ann Lee"),
        ('Ann Lee, host of the radio show "Harbor Talk," thanked the crew for "showing up."', "Ann Lee"),
        ('Lee\'s campaign called the port audit a "rush to judgment."', "Lee's campaign"),
        ('Ann Lee is already claiming victory in the "harbor race."', "Ann Lee"),
    ],
)  # fmt: skip
def test_the_readings_past_a_subject_still_find_their_speaker(sentence: str, mention: str) -> None:
    assert only(sentence)[2] == mention


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('A man in the crowd shouted "Lower taxes!"', "A man in the crowd"),
        ('One woman from the village said "we are scared."', "One woman from the village"),
        ('When an old man with a cane said "go home," the crowd laughed.', "an old man with a cane"),
        ('Residents in the area said "we are scared."', "Residents in the area"),
        ('Ferry workers on the pier said "we will strike."', "Ferry workers on the pier"),
    ],
)  # fmt: skip
def test_the_head_of_a_noun_phrase_before_a_preposition_is_the_speaker(sentence: str, mention: str) -> None:
    assert found(sentence)[0][2] == mention


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        # a verb before the article: the phrase is its object
        ('As police grabbed a man in the crowd the mayor said "calm down."', "the mayor"),
        # a time before the preposition is no head
        ('Later in the day the mayor said "we will see."', "the mayor"),
    ],
)  # fmt: skip
def test_a_preposition_after_no_head_still_ends_the_speaker(sentence: str, mention: str) -> None:
    assert found(sentence)[0][2].endswith(mention)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('Kim beat port director Ann Lee, who said "the pier is ours."', "port director Ann Lee"),
        ('Kim met port director Ann Lee, who said "the pier is ours."', "port director Ann Lee"),
        ('Crowds saw union president Kim Park, who said "we will strike."', "union president Kim Park"),
    ],
)  # fmt: skip
def test_a_role_and_name_after_a_named_subject_s_irregular_past_is_its_object(sentence: str, mention: str) -> None:
    assert found(sentence)[0][2] == mention


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('Ann Lee, president and CEO of the Harbor Board stated, "It is not a political problem."',
         "Ann Lee, president and CEO of the Harbor Board"),
        ('Kim Park, a former agent for the port board said: "We knew."', "Kim Park, a former agent for the port board"),
    ],
)  # fmt: skip
def test_a_name_before_its_apposition_left_open_is_the_speaker_s(sentence: str, mention: str) -> None:
    assert found(sentence)[0][2] == mention


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        # a parenthetical attribution, no apposition
        ("Ann Lee, the polls say, leads the race.", "the polls"),
        ("Ann Lee, a spokesman said, will run again.", "a spokesman"),
        # an adverb or a day before the comma is no name
        ('Still, a member of the board said "no."', "a member of the board"),
        ('Sunday, a member of the board said "no."', "a member of the board"),
    ],
)  # fmt: skip
def test_no_name_before_a_comma_joins_a_subject_after_it(sentence: str, mention: str) -> None:
    assert found(sentence)[0][2] == mention


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Fees, official says, will rise in the spring.", "official"),
        ("Her fate hinges on the port vote, analyst says.", "analyst"),
    ],
)
def test_a_headline_s_bare_role_before_says_is_a_speaker(sentence: str, mention: str) -> None:
    assert found(sentence)[0][2] == mention
    assert found(sentence.replace("says", "said"))[0][2] == mention
    # (not before another verb: a bare role is no subject then)
    assert found(sentence.replace("says", "argues")) == []
