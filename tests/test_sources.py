"""The sources enricher (speaker mentions to one Source per person or organisation) and the
dates enricher (when a quote was said)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from articlekit.api import enrich
from articlekit.enrich.sources import read_mention, resolve_sources
from articlekit.enrich.when import resolve_when
from articlekit.model import Article, Paragraph, Quote, Source, Span, Speaker


def enriched(*paragraphs: str) -> Article:
    return enrich(Article(body=tuple(Paragraph(p) for p in paragraphs)))


def speakers(article: Article) -> list[str]:
    """The name of the source each quote resolves to, in order."""
    names = []
    for quote in article.quotes:
        assert quote.speaker is not None and quote.speaker.source is not None
        source = article.source(quote.speaker.source)
        assert source is not None
        names.append(source.name)
    return names


@pytest.mark.parametrize(
    ("mention", "kind", "name", "titles"),
    [
        ("Russian President Vladimir Putin", "person", "Vladimir Putin", ["Russian President"]),
        ("Andriy Yermak, head of Ukraine's presidential office", "person", "Andriy Yermak",
         ["head of Ukraine's presidential office"]),
        ("White House press secretary Josh Earnest", "person", "Josh Earnest", ["White House press secretary"]),
        ("Mr. Obama", "person", "Obama", []),
        ("Rep. Gwen Moore (D-Wis.)", "person", "Gwen Moore", ["Rep."]),
        ("the Kremlin", "organisation", "Kremlin", []),
        ("the ministry", "organisation", "the ministry", []),
        ("CNN", "organisation", "CNN", []),
        ("the Russian president", "role", "the Russian president", []),
        ("a senior official", "unnamed", "a senior official", []),
        ("US officials", "group", "US officials", []),
        ("sources", "group", "sources", []),
        ("she", "pronoun", "she", []),
        # a pronoun after a comma is no name (found by fuzzing: it raised KeyError before)
        ("the mayor, She", "role", "the mayor", ["She"]),
        # an aside set off by dashes is an apposition: no name is read inside it (review rv17a)
        ("Tom Reyes — a ferry captain from Bayport", "person", "Tom Reyes", ["a ferry captain from Bayport"]),
        ("Lee - who turns 40 on Monday", "person", "Lee", []),
        ("Ann Ortiz -- the mayor's sister", "person", "Ann Ortiz", ["the mayor's sister"]),
    ],
)  # fmt: skip
def test_read_mention(mention: str, kind: str, name: str, titles: list[str]) -> None:
    found = read_mention(mention)
    assert (found.kind, found.name, found.titles) == (kind, name, titles)


def test_surname_role_and_pronoun_resolve_to_one_person() -> None:
    article = enriched(
        "The plan could work, Russian President Vladimir Putin said Thursday.",
        '"It is too early," the Russian president said.',
        '"We will see," Putin said.',
        '"Nothing is decided," he said.',
    )
    assert speakers(article) == ["Vladimir Putin"] * 4
    (putin,) = article.sources
    assert putin.kind == "person" and putin.titles == ("Russian President",)
    assert set(putin.aliases) == {"the Russian president", "Putin", "he"}


def test_two_people_and_pronouns_follow_the_latest() -> None:
    article = enriched(
        '"We will win," Jane Smith said.',
        '"We will not," said John Brown, a spokesman for the council.',
        '"We shall see," he said.',
        '"Not at all," Smith said.',
        '"Indeed," she said.',
    )
    assert speakers(article) == ["Jane Smith", "John Brown", "John Brown", "Jane Smith", "Jane Smith"]
    brown = next(s for s in article.sources if s.name == "John Brown")
    assert brown.titles == ("a spokesman for the council",)
    assert brown.affiliation == "the council"


def test_organisations_groups_and_unnamed_sources() -> None:
    article = enriched(
        "The talks will resume on Monday, the Kremlin said.",
        "The talks will resume on Monday, officials said.",
        "The talks will resume on Monday, a senior official said.",
        "The talks will resume on Monday, another official said.",
        "Nothing has been decided yet, the Kremlin said in a statement.",
    )
    kinds = [(s.kind, s.name) for s in article.sources]
    assert kinds == [
        ("organisation", "Kremlin"),
        ("group", "officials"),
        ("unnamed", "a senior official"),
        ("unnamed", "another official"),
    ]
    assert speakers(article)[-1] == "Kremlin"


def test_sources_from_the_parser_are_kept_and_reused() -> None:
    text = '"We will win," Smith said. The bridge will reopen in May, Smith said.'
    given = Quote(
        id="q1",
        kind="direct",
        text="We will win",
        spans=(Span(0, 1, 12),),
        speaker=Speaker("Smith", "s1", Span(0, 15, 20)),
    )
    article = Article(
        body=(Paragraph(text),),
        quotes=(given,),
        sources=(Source(id="s1", kind="person", name="Jane Smith", titles=("Mayor",)),),
    )
    result = enrich(article)
    assert [q.speaker.source for q in result.quotes if q.speaker] == ["s1", "s1"]
    assert len(result.sources) == 1 and result.sources[0].titles == ("Mayor",)


def test_resolve_sources_leaves_articles_without_new_mentions_alone() -> None:
    article = Article(body=(Paragraph("No quotes here."),))
    assert resolve_sources(article) is article


# --------------------------------------------------------------------------- when

FRIDAY = date(2025, 11, 28)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Thursday", date(2025, 11, 27), date(2025, 11, 27)),
        ("on Thursday", date(2025, 11, 27), date(2025, 11, 27)),
        ("Friday", FRIDAY, FRIDAY),
        ("last Friday", date(2025, 11, 21), date(2025, 11, 21)),
        ("Tuesday night", date(2025, 11, 25), date(2025, 11, 25)),
        ("yesterday", date(2025, 11, 27), date(2025, 11, 27)),
        ("today", FRIDAY, FRIDAY),
        ("last week", date(2025, 11, 17), date(2025, 11, 23)),
        ("earlier this week", date(2025, 11, 24), date(2025, 11, 27)),
        ("last month", date(2025, 10, 1), date(2025, 10, 31)),
        ("on Nov. 27", date(2025, 11, 27), date(2025, 11, 27)),
        ("December 3", date(2024, 12, 3), date(2024, 12, 3)),
        ("March 5, 2020", date(2020, 3, 5), date(2020, 3, 5)),
        ("in the past", None, None),
        ("earlier", None, None),
    ],
)
def test_resolve_when(text: str, start: date | None, end: date | None) -> None:
    when = resolve_when(text, FRIDAY)
    assert when.text == text
    assert (when.start, when.end) == (start, end)


def test_when_without_a_publication_date() -> None:
    assert resolve_when("Thursday", None).start is None
    assert resolve_when("March 5, 2020", None).date == date(2020, 3, 5)


def test_dates_enricher_uses_the_publication_date() -> None:
    article = enrich(
        Article(
            published=datetime(2025, 11, 28, 12, 44),
            body=(Paragraph("The talks will resume, the minister said Thursday."),),
        )
    )
    when = article.quotes[0].context.when
    assert when is not None and when.date == date(2025, 11, 27)


def test_a_description_before_the_name() -> None:
    found = read_mention("the bank's director of financial stability, Eva Brandt")
    assert (found.kind, found.name, found.titles) == (
        "person",
        "Eva Brandt",
        ["the bank's director of financial stability"],
    )
    article = enriched(
        "The square will be rebuilt by spring, the mayor, Rui Tavares, said on Monday.",
        '"We cannot let the square die," he said.',
    )
    assert speakers(article) == ["Rui Tavares", "Rui Tavares"]


def test_a_shorter_name_of_the_same_organisation() -> None:
    article = enriched(
        "House prices are rising too fast, the Dutch central bank said on Tuesday.",
        "Arrears remain low, the central bank said.",
    )
    assert len(article.sources) == 1
    assert article.sources[0].aliases == ("the central bank",)


def test_pronouns_agree_with_the_speaker_they_were_used_for() -> None:
    article = enriched(
        '"We will win," Jane Smith said.',
        '"Not at all," she said.',
        '"We will not," said John Brown.',
        '"Nothing is decided," he said.',
        '"We are ready," she added.',
    )
    assert speakers(article) == ["Jane Smith", "Jane Smith", "John Brown", "John Brown", "Jane Smith"]


def test_he_before_anyone_is_quoted_is_the_person_named_last() -> None:
    article = enriched("President Barack Obama arrived in Ohio on Monday.", '"We will win," he said.')
    assert speakers(article) == ["Barack Obama"]
    assert article.sources[0].titles == ("President",)


# --------------------------------------------------------------------------- defects users met (issue 14)


def test_a_surname_is_linked_to_the_full_name_the_article_gave_earlier() -> None:
    article = enriched(
        "US President Joe Biden met the leaders of three allies in Washington on Monday.",
        '"We stand together," Biden said.',
    )
    (biden,) = article.sources
    assert (biden.kind, biden.name, biden.titles) == ("person", "Joe Biden", ("US President",))
    assert "Biden" in biden.aliases


def test_a_sentence_end_is_no_part_of_the_full_name() -> None:
    article = enriched(
        "The talks ended on Monday. Carter left for home.",
        '"We made progress," Carter said.',
    )
    assert [(s.kind, s.name) for s in article.sources] == [("person", "Carter")]


def test_countries_and_capitals_speak_as_organisations() -> None:
    article = enriched(
        '"We will respond to any attack," Seoul said on Tuesday.',
        '"The crossing stays closed," Israel said in a statement.',
        '"The talks are over," South Korea said.',
    )
    assert [(s.kind, s.name) for s in article.sources] == [
        ("organisation", "Seoul"),
        ("organisation", "Israel"),
        ("organisation", "South Korea"),
    ]


def test_a_place_name_that_is_a_person_s_name_in_the_article_stays_a_person() -> None:
    article = enriched(
        "Coach Michael Jordan praised the rookies after practice.",
        '"They worked hard," Jordan said.',
    )
    assert [(s.kind, s.name) for s in article.sources] == [("person", "Michael Jordan")]


@pytest.mark.parametrize(
    "cue",
    [
        "Quillwork Inc. opened two stores in Ohio last year.",
        "Quillwork, the furniture company, opened two stores in Ohio.",
        "Quillwork, which opened two stores in Ohio, lost money.",
        "Quillwork shares fell 4 percent on Monday.",
        "Quillwork's chief executive left in May.",
        "Quillwork said its stores will stay open.",
        "Quillwork and its suppliers met on Monday.",
    ],
)
def test_a_one_word_name_the_article_writes_as_a_company_s_is_an_organisation(cue: str) -> None:
    article = enriched(cue, '"Sales will recover," Quillwork said.')
    assert [(s.kind, s.name) for s in article.sources] == [("organisation", "Quillwork")]


def test_a_one_word_name_without_a_company_cue_stays_a_person() -> None:
    article = enriched("Quillwork spoke to reporters.", '"Sales will recover," Quillwork said.')
    assert [(s.kind, s.name) for s in article.sources] == [("person", "Quillwork")]


@pytest.mark.parametrize(
    ("mention", "kind", "name", "titles", "affiliation"),
    [
        # a capitalised description ending in a role, then the name
        ("Al Jazeera's Jerusalem bureau chief, Walid al-Omari", "person", "Walid al-Omari",
         ["Al Jazeera's Jerusalem bureau chief"], "Al Jazeera"),
        ("Justice Department spokesman", "role", "Justice Department spokesman", [], "Justice Department"),
        ("CNN meteorologist Todd Borek", "person", "Todd Borek", ["CNN meteorologist"], None),
        # a description without a name is the source's name, not also its title
        ("Chairman of the Federal Reserve", "role", "Chairman of the Federal Reserve", [],
         "the Federal Reserve"),
        ("Nearly six in 10 tenants", "role", "Nearly six in 10 tenants", [], None),
        # the parts are the speaker grammar's (read_speaker): a body in the possessive is a title,
        # not part of the name
        ("Harbour Radio's Ines Okafor", "person", "Ines Okafor", ["Harbour Radio's"], None),
        # a title joined by "of" before the name
        ("Minister of Fisheries Tomas Reyes", "person", "Tomas Reyes", ["Minister of Fisheries"], None),
        ("Chief of Staff Dora Lind", "person", "Dora Lind", ["Chief of Staff"], None),
        # abbreviated ranks are titles, initials are names
        ("Army Lt. Gen. Rosa Quint", "person", "Rosa Quint", ["Army Lt. Gen."], None),
        ("Harold B. Vance", "person", "Harold B. Vance", [], None),
        # a surname that is also a role word, after an honorific
        ("Mr. King", "person", "King", [], None),
        # names joined by "and" are several sources, not the last one
        ("Ines Okafor and Tomas Reyes", "group", "Ines Okafor and Tomas Reyes", [], None),
        # a description with its place: no person named after the comma
        ("a ferry captain from Larne, Northern Ireland", "unnamed", "a ferry captain from Larne",
         ["Northern Ireland"], None),
        # the head noun is a body, whatever titles stand before it
        ("North Korea's official newspaper", "organisation", "North Korea's official newspaper", [], None),
    ],
)  # fmt: skip
def test_descriptions_and_names(mention: str, kind: str, name: str, titles: list[str], affiliation: str | None) -> None:
    found = read_mention(mention)
    assert (found.kind, found.name, found.titles, found.affiliation) == (kind, name, titles, affiliation)


def test_token_before_reads_the_word_before_trailing_space_as_the_search_did():
    import itertools
    import re

    from articlekit.enrich.sources import _token_before

    search = re.compile(r"([\w][\w'’.&-]*)\s+$")
    samples = ["US President Joe ", "said. Biden  ", "-'Lee ", "O’Neill\n", "a.b&c-d ", "  ", "", "x", "’ ", "_x "]
    for a, b in itertools.product(samples, repeat=2):
        text = a + b
        for end in range(len(text) + 1):
            m = search.search(text, 0, end)
            assert _token_before(text, end) == ((m.start(), m.group(1)) if m else None), (text, end)


def test_a_one_word_name_said_over_and_over_costs_time_in_proportion():
    """A paragraph repeating ``Lee said ...``: each quote's one-word speaker is looked up before
    every occurrence of the name, and the word before each occurrence is read from the name
    backwards (a search from the paragraph's start took time quadratic in its length: 27 s for
    3,000 sentences). The input grown four times must take less than eight times as long (a
    linear pass takes four, a quadratic one sixteen), best of five in CPU time (the machine may be
    busy); no absolute limit."""
    import time

    from articlekit.enrich.quotes import extract_quotes
    from articlekit.enrich.sources import enrich_sources
    from articlekit.model import Article, Paragraph

    def seconds(n: int) -> float:
        text = "The mayor spoke. " + "Lee said the plan would work and Lee said more. " * n
        quoted = extract_quotes(Article(headline="h", body=(Paragraph(text),)), {})
        assert len(quoted.quotes) == n
        best = float("inf")
        for _ in range(5):
            started = time.process_time()
            enriched = enrich_sources(quoted, {})
            best = min(best, time.process_time() - started)
        assert [s.name for s in enriched.sources] == ["Lee"]
        return best

    assert seconds(2_000) < 8 * seconds(500)


def test_a_body_in_the_possessive_is_a_title_and_the_surname_finds_the_person() -> None:
    article = enriched(
        '"The ferry will run on Sunday," Harbour Radio\'s Ines Okafor said.',
        '"The storm has passed," Okafor said.',
        '"We both agree," said Ines Okafor and Tomas Reyes.',
    )
    okafor, pair = article.sources
    assert (okafor.kind, okafor.name, okafor.titles) == ("person", "Ines Okafor", ("Harbour Radio's",))
    assert speakers(article)[:2] == ["Ines Okafor", "Ines Okafor"]
    assert (pair.kind, pair.name) == ("group", "Ines Okafor and Tomas Reyes")


def test_a_titled_name_with_its_state_is_the_person_the_surname_names_later() -> None:
    article = enriched(
        '"The bill will pass," said Senator Ines Okafor of Ohio.',
        '"We have the votes," Ms. Okafor said.',
    )
    (okafor,) = article.sources
    assert (okafor.kind, okafor.name, okafor.titles) == ("person", "Ines Okafor", ("Senator",))
    assert speakers(article) == ["Ines Okafor", "Ines Okafor"]


def test_resolved_quote_is_the_constructors() -> None:
    # the quote the sources enricher rebuilds around a resolved speaker is the one the model's
    # constructors give (set field by field, as the quote finder builds its quotes)
    from articlekit.enrich.quotes import _resolved_quote
    from articlekit.model import Cue, Quote, QuoteContext, Span, Speaker

    speaker = Speaker("Ann Lee", None, Span(0, 20, 27))
    quote = Quote(
        id="q1",
        kind="direct",
        text="We will win",
        spans=(Span(0, 1, 12),),
        cue=Cue("said", Span(0, 28, 32)),
        speaker=speaker,
        context=QuoteContext(venue="a rally"),
    )
    resolved = _resolved_quote(quote, speaker, "s1")
    expected = Quote(
        id="q1",
        kind="direct",
        text="We will win",
        spans=quote.spans,
        cue=quote.cue,
        speaker=Speaker("Ann Lee", "s1", Span(0, 20, 27)),
        context=quote.context,
    )
    assert resolved == expected
    assert type(resolved) is Quote and type(resolved.speaker) is Speaker
    assert resolved.speaker is not None and resolved.speaker.source == "s1"
    assert quote.speaker is speaker and speaker.source is None  # (the quote given is left as it was)


def test_a_speaker_with_an_aside_between_dashes_is_the_name_before_it() -> None:
    # the aside names a day and another person: neither is the source (review rv17a)
    article = enriched(
        'Lee - who turns 40 on Monday - wrote in his blog: "I am tired."',
        "Ann Park - like Lee - said the plan failed.",
    )
    assert speakers(article) == ["Lee", "Ann Park"]


@pytest.mark.parametrize(
    ("mention", "kind", "name"),
    [
        # a role of a body is a person described, not the body (it was read as an organisation)
        ("a senior administration official", "unnamed", "a senior administration official"),
        ("A company spokesman", "unnamed", "A company spokesman"),
        ("the CIA director", "role", "the CIA director"),
        # a name ending in a role's word stays the body's name
        ("the Arizona Daily Star", "organisation", "Arizona Daily Star"),
        # a relative clause without a comma is an apposition: its name is not the source's
        ("Officials who met Putin", "group", "Officials"),
        ("a man who knows Lee well", "unnamed", "a man"),
    ],
)
def test_a_role_of_a_body_and_a_relative_clause(mention: str, kind: str, name: str) -> None:
    found = read_mention(mention)
    assert (found.kind, found.name) == (kind, name)


def test_a_description_with_a_relative_clause_then_the_name_is_the_named_person() -> None:
    # review rv17s: the relative clause must not hide the name after the comma
    article = enriched(
        "The Ohio Republican who heads the committee, Sen. Ray, said the bill would pass.",
        "Ray said it was urgent.",
    )
    assert speakers(article) == ["Ray", "Ray"]


@pytest.mark.parametrize("mention", ["The party executive", "The bank regulator"])
def test_a_role_word_that_also_names_a_body_stays_the_body(mention: str) -> None:
    assert read_mention(mention).kind == "organisation"
