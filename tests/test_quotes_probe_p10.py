"""A hostile probe of the quote rules added in the ninth session (issue 14, round 14p10), on
sentences written here: infinitives of commitment, indirect questions, ``point to``, a
participle after its noun, a past clause without ``that``, ``with X telling``, ``by`` and a
participle, ``calling it "absurd"``, day openers, a list line under a quote, a role before a
name, transcripts, parentheses, ``referring to``. The wrong outputs are in docs/benchmarks.md
(subsection 14p10); what the library gets right stays right here."""

from __future__ import annotations

import pytest

from articlekit.api import enrich
from articlekit.model import Article, Paragraph, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    return list(enrich(Article(body=tuple(Paragraph(p) for p in paragraphs))).quotes)


def shape(quote: Quote) -> tuple[str, str, str | None]:
    return quote.kind, quote.text, quote.speaker.mention if quote.speaker is not None else None


def shapes(*paragraphs: str) -> list[tuple[str, str, str | None]]:
    return [shape(q) for q in quotes_of(*paragraphs)]


# --------------------------------------------------------------------------- where the rules fire


@pytest.mark.parametrize(
    ("sentence", "words", "mention"),
    [
        # infinitives of commitment: other verbs, tenses, a long name with particles
        ("The mayor promised to repave Elm Street before winter.", "to repave Elm Street before winter", "The mayor"),
        (
            "Senator Maria de la Cruz vowed on Tuesday to block the nomination.",
            "to block the nomination",
            "Senator Maria de la Cruz",
        ),
        ("The union has pledged to strike if talks fail.", "to strike if talks fail", "The union"),
        (
            "Park promised to release the files by Friday, according to two aides.",
            "to release the files by Friday",
            "Park",
        ),
        # indirect questions
        ("The governor explained why the budget had failed.", "why the budget had failed", "The governor"),
        (
            "Dr. Amir Haddad explained how the virus spreads between hosts.",
            "how the virus spreads between hosts",
            "Dr. Amir Haddad",
        ),
        ("The coach asked why nobody had warned him.", "why nobody had warned him", "The coach"),
        ("Lee asked whether the vote could wait.", "whether the vote could wait", "Lee"),
        ("The chef explained how to fold the dough.", "how to fold the dough", "The chef"),
        # point to + noun phrase
        (
            "Investigators pointed to a faulty valve as the likely cause.",
            "a faulty valve as the likely cause",
            "Investigators",
        ),
        ("Critics point to the rising cost of rent in the city.", "the rising cost of rent in the city", "Critics"),
        ("Several analysts pointed to the central bank's decision.", "the central bank's decision", "Several analysts"),
        # a participle after its noun
        (
            "A survey found 62 percent of voters saying they would back the levy.",
            "they would back the levy",
            "62 percent of voters",
        ),
        (
            "The poll showed most voters saying they distrusted both parties.",
            "they distrusted both parties",
            "most voters",
        ),
        ("She found a note saying the meeting had moved to Friday.", "the meeting had moved to Friday", "a note"),
        # a past clause without "that"
        ("The Times reported the email came hours after the vote.", "the email came hours after the vote", "The Times"),
        ("Ms. Okafor confirmed the shipment arrived late.", "the shipment arrived late", "Ms. Okafor"),
        (
            "The Pentagon confirmed the strike killed two commanders.",
            "the strike killed two commanders",
            "The Pentagon",
        ),
        # "by" + participle, day openers, a role before a name
        ("Lee made amends by telling Park she had been wrong.", "she had been wrong", "Lee"),
        ("The council responded by saying the money had run out.", "the money had run out", "The council"),
        ("Sunday morning, the mayor said the roads would reopen.", "the roads would reopen", "the mayor"),
        ("Yesterday, Ms. Park told reporters the plant was safe.", "the plant was safe", "Ms. Park"),
        ("Board president Ann Lee said the school would close.", "the school would close", "Board president Ann Lee"),
    ],
)
def test_the_new_reported_rules_fire_on_their_patterns(sentence: str, words: str, mention: str) -> None:
    assert shapes(sentence) == [("indirect", words, mention)]


@pytest.mark.parametrize(
    "sentence",
    [
        # no speech: the sense is not a report, or nothing can speak
        "Nobody knows why the bridge collapsed in the night.",
        "The guide pointed to the summit and told us to hurry.",
        "The compass needle pointed to magnetic north.",
        "She pointed to her scars.",
        "The mayor pointed to the window and said nothing.",
        "The report found dozens of wells leaking methane into the groundwater.",
        "We saw crowds of fans waving flags outside the stadium.",
        "There were dozens of trucks carrying grain across the border.",
        "Hundreds of protesters chanting slogans marched on the capitol.",
        "A video showing the crash was shared online.",
        "Images showing the damage spread quickly.",
        "The board approved a plan calling for new taxes.",
        "The police reported the suspect fled on foot.",
        "The river reported the highest level on record.",
        "The weather reported earlier turned out to be wrong.",
        "With the wind blowing hard, the crews telling stories waited inside.",
        "With prices rising, shoppers cut back.",
        "The team won by scoring twice in the final minute.",
        "The firm grew by buying smaller rivals across the region.",
        "The mayor called it absurd.",
        "Monday night, the vote was delayed again.",
        "Tuesday, the river crested at 30 feet.",
        "The menu listed three dishes: soup, bread and cheese.",
        "The report recalled the pay freeze: wages fell for three years.",
        'The problem was that "nobody" showed up.',
        "The senator pledged her support to the candidate.",
        "The company promised customers a refund.",
        "The promise to be fair was broken by the board.",
        "The threat to strike loomed over the talks.",
        'Her slogan is "Jobs first."',
        'The book is titled "Gone for Good."',
        'The report ("Water at Risk") was published Friday.',
        '"The people\'s champion" is what they called him.',
        "The council named the park “Liberty Green.”",
        "They renamed the street “Main.”",
        "The audit found the money vanished.",
        "The senator ended the speech by thanking her staff.",
        "Lee responded by pointing to her record.",
        'Supporters waving signs saying "Lee for mayor" lined the road.',
        "The senator pledged funds to the city.",
        "Lee pledged support that night.",
    ],
)
def test_no_quote_where_nothing_is_said(sentence: str) -> None:
    assert shapes(sentence) == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        # an FAQ, a programme, a schedule, a newsletter's labels: no transcript
        ("Q: When does the library open?", "A: At nine every weekday."),
        ("Q: Can I bring my dog?", "A: Only service animals are allowed."),
        ("TIME: 7 p.m.", "PLACE: Town Hall", "COST: Free"),
        ("9:00 AM: Registration opens", "10:00 AM: Keynote by the mayor"),
        ("WHERE: The old mill on River Road. WHAT: A flea market. WHO: Everyone is welcome.",),
        ("NOTE: Is the office closed on Monday?", "UPDATE: Yes, it is closed until Tuesday."),
        ("PROS: Cheap and fast. Will it last?", "CONS: We found it flimsy."),
        ("MONDAY: Rain. TUESDAY: Will it clear?", "WEDNESDAY: Sunny."),
        ("A STATEMENT FROM THE MAYOR: We are ready for the storm.",),
        ("DIRECTIONS: Turn left at the mill. Is the gate open?", "PARKING: Free behind the hall."),
        ("INGREDIENTS: Two eggs and a cup of flour.", "METHOD: Whisk the eggs. Why sift the flour?"),
        ("“Thank you for reading.”", "- The editors"),
        ("“Subscribe today.”", "- Terms apply."),
        # a list under a quote that is no attribution, a list of winners
        ('"The best is yet to come."', "- Item one: milk", "- Item two: bread"),
        ("Award winners this year:", "- Ann Lee", "- Tom Park"),
    ],
)
def test_labels_and_lists_that_are_no_speech(paragraphs: tuple[str, ...]) -> None:
    assert shapes(*paragraphs) == []


# --------------------------------------------------------------------------- direct and mixed quotes


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (('The mayor called it "absurd" on Tuesday.',), [("mixed", 'it "absurd"', "The mayor")]),
        (('The critic called the film "a mess."',), [("mixed", 'the film "a mess."', "The critic")]),
        (
            ('Lee also suggested taking action against the board: "They have had their chance."',),
            [("direct", "They have had their chance.", "Lee")],
        ),
        (('Lee\'s answer was that "nobody asked us."',), [("mixed", '"nobody asked us."', "Lee")]),
        (('"We will not back down."', "- Ann Lee."), [("direct", "We will not back down.", "Ann Lee")]),
        (
            ("MR. OKAFOR: Is the plant safe?", "MS. BRANDT: We believe so."),
            [("direct", "Is the plant safe?", "MR. OKAFOR"), ("direct", "We believe so.", "MS. BRANDT")],
        ),
        (('"The plan," Lee said, "is dead."',), [("direct", "The plan is dead.", "Lee")]),
        (
            ('"I\'m done," Gov. Jan van der Berg said. "Done."',),
            [("direct", "I'm done. Done.", "Gov. Jan van der Berg")],
        ),
        (('"We will win," the coach said, smiling broadly.',), [("direct", "We will win", "the coach")]),
        (('"No comment," the aide said, and walked away.',), [("direct", "No comment", "the aide")]),
        (('"It\'s over," the aide said, was all anyone heard.',), [("direct", "It's over", "the aide")]),
        (
            ('"We need a new roof," says Ann Lee, a teacher. The school opened in 1950. "It leaks every winter."',),
            [("direct", "We need a new roof", "Ann Lee, a teacher")],
        ),
        (
            ('The mayor said the city was "broke and broken."', '"We cannot pay the bills," she added.'),
            [
                ("mixed", 'the city was "broke and broken."', "The mayor"),
                ("direct", "We cannot pay the bills", "she"),
            ],
        ),
        (
            ('Lee said the plan was "a failure."', "The plan was adopted in 2019 by the council."),
            [("mixed", 'the plan was "a failure."', "Lee")],
        ),
        (
            ("‘We lost,’ the coach said. ‘We lost badly.’",),
            [("direct", "We lost. We lost badly.", "the coach")],
        ),
        (
            ("“We need a new roof.”", "— Ann Lee, principal"),
            [("direct", "We need a new roof.", "Ann Lee")],
        ),
        (
            ("The team lost (“We played badly,” the coach said) and dropped to third.",),
            [("direct", "We played badly", "the coach")],
        ),
        (
            ("“It is over,” Lee said of the deal. Park disagreed. “It is not,” he said.",),
            [("direct", "It is over", "Lee"), ("direct", "It is not", "he")],
        ),
        (
            ('He pointed to the door. "Get out," he said.',),
            [("direct", "Get out", "he")],
        ),
    ],
)
def test_direct_and_mixed_quotes_of_the_new_rules(
    paragraphs: tuple[str, ...], expected: list[tuple[str, str, str | None]]
) -> None:
    assert shapes(*paragraphs) == expected


# --------------------------------------------------------------------------- fixes of this probe


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm promised to be severe.",
        "The new season promises to be the best yet.",
        "The sky threatened to open at any moment, and the clouds promised to deliver a soaking.",
        "The rain promised to ruin the picnic.",
        "All the evidence points to a gas leak in the basement.",
        "The signs pointed to the exit at the back of the hall.",
        "The arrow points to the nearest fire door.",
        "The results point to a shift in voter mood.",
        "The storm promised that nothing would be left standing.",
    ],
)
def test_a_subject_that_cannot_speak_promises_and_points_to_nothing(sentence: str) -> None:
    assert shapes(sentence) == []


def test_a_speaker_still_promises_and_points_to_with_the_same_words() -> None:
    assert shapes("The mayor promised to be fair.", "Lee pointed to the results of the spring poll.") == [
        ("indirect", "to be fair", "The mayor"),
        ("indirect", "the results of the spring poll", "Lee"),
    ]


# Each fix of this probe: one reported quote with its words and speaker.
_ABSOLUTE_CLAUSE_ENDS = [  # "With X telling ...," opening its sentence ends before the main clause
    ("With Lee telling reporters Monday that the deal was dead, shares fell.", "the deal was dead", "Lee"),
    (
        "With the mayor telling reporters the city was broke, the council met again.",
        "the city was broke",
        "the mayor",
    ),
    (
        "With Lee telling reporters that the deal, signed in May, was dead, shares fell.",
        "the deal, signed in May, was dead",
        "Lee",
    ),
    ("With Lee saying she would run, the field is set, and the debate is Monday.", "she would run", "Lee"),
    (
        "With 30 percent of voters saying they are undecided, the race is open.",
        "they are undecided",
        "30 percent of voters",
    ),
]

_COMMITMENT_ENDS = [  # an infinitive of commitment ends before another subject's clause
    ("The firm vowed to fight the ruling, and its shares fell 5 percent.", "to fight the ruling", "The firm"),
    ("Lee promised to fix the roads, and the council approved the plan.", "to fix the roads", "Lee"),
    ("The union vowed to strike, and their members have voted.", "to strike", "The union"),
    # an object going on is no clause of its own
    (
        "Lee promised to fix the roads, and the bridges the town needs.",
        "to fix the roads, and the bridges the town needs",
        "Lee",
    ),
]

_COMMITMENT_LISTENERS = [  # a listener before what was promised is not the words
    ("Lee promised voters to cut taxes.", "to cut taxes", "Lee"),
    ("He promised his mother he would come home.", "he would come home", "He"),
    ("Lee promised the voters that taxes would fall.", "taxes would fall", "Lee"),
    ("Lee promised them to never raise fares.", "to never raise fares", "Lee"),
]

_SUBJECT_PARTICIPLE_ENDS = [  # a participle in the sentence's subject reports up to the main verb
    ("A statement saying the firm would close was posted online.", "the firm would close", "A statement"),
    ("A banner saying the city was closed hung over the gate.", "the city was closed", "A banner"),
    ("Most voters saying they would back the levy were young.", "they would back the levy", "Most voters"),
    ("Voters saying they had been lied to were angry.", "they had been lied to", "Voters"),
    # two verbs joined by "and" are the clause's own
    (
        "A note saying the firm was closed and had moved away was found.",
        "the firm was closed and had moved away was found",
        "A note",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "words", "mention"),
    _ABSOLUTE_CLAUSE_ENDS + _COMMITMENT_ENDS + _COMMITMENT_LISTENERS + _SUBJECT_PARTICIPLE_ENDS,
)
def test_the_probes_fixes_end_the_words_where_the_speaker_stops(sentence: str, words: str, mention: str) -> None:
    assert shapes(sentence) == [("indirect", words, mention)]


def test_an_absolute_clause_after_the_main_clause_still_runs_to_the_end() -> None:
    assert shapes("Shares fell, with Lee telling reporters the deal was dead, and the index slid.") == [
        ("indirect", "the deal was dead, and the index slid", "Lee")
    ]
