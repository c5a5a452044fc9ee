"""The quotes enricher: the seed article's table, every punctuation form, attribution patterns,
kinds, and what is not a quote."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit.api import enrich
from articlekit.enrich.quotes import extract_quotes, find_quotes, sentences
from articlekit.model import Article, BlockQuote, Paragraph, Quote, Span, Speaker

from .conftest import SEEDS

SEED = SEEDS / "000_fceb5e4b891116b7.txt"


def quotes_of(*paragraphs: str, **fields: object) -> list[Quote]:
    """The quotes the whole enrichment pipeline finds in an article of these paragraphs."""
    article = enrich(Article(body=tuple(Paragraph(p) for p in paragraphs), **fields))  # type: ignore[arg-type]
    return list(article.quotes)


def one(*paragraphs: str) -> Quote:
    found = quotes_of(*paragraphs)
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0]


# --------------------------------------------------------------------------- the seed article

SEED_TABLE = [
    # (kind, speaker's source name, speaker mention or None, words in the quote)
    ("indirect", "Vladimir Putin", "Russian President Vladimir Putin", "could form a basis for future agreements"),
    ("direct", "Vladimir Putin", "the Russian president", "It would be impolite of me"),
    ("indirect", "Vladimir Putin", "Putin", "the US side has in some ways taken into account"),
    ("direct", "Vladimir Putin", "Putin", "Somewhere we definitely need to sit down"),
    ("direct", "Vladimir Putin", "he", "We need to put everything into diplomatic language"),
    ("indirect", "Vladimir Putin", "Putin", "the US-proposed 28-point peace plan was communicated"),
    (
        "indirect",
        "Andriy Yermak",
        None,
        "delegations will continue discussions on the peace plan at the end of this week",
    ),
    ("direct", "Andriy Yermak", "Yermak", "The key goal we share with our partners"),
    ("indirect", "Andriy Yermak", "He", "is preparing for a constructive dialogue"),
    ("indirect", "Andriy Yermak", "Yermak", "had reached an agreement in principle"),
    ("direct", "Denys Shmyhal", "Ukrainian Defense Minister Denys Shmyhal", "This is a historical precedent"),
    ("indirect", "Denys Shmyhal", "Shmyhal", "The two sides plan to establish large-scale production"),
    ("indirect", "Denys Shmyhal", "he", "The drones will be supplied to Ukraine"),
]


@pytest.fixture(scope="module")
def seed() -> Article:
    return articlekit.parse(Path(SEED))


def test_seed_has_exactly_the_thirteen_quotes(seed: Article) -> None:
    assert len(seed.quotes) == len(SEED_TABLE)
    for quote, (kind, name, mention, words) in zip(seed.quotes, SEED_TABLE, strict=True):
        assert words in quote.text, (quote.text, words)
        assert quote.kind == kind, (quote.text, quote.kind)
        assert quote.speaker is not None and quote.speaker.source is not None
        source = seed.source(quote.speaker.source)
        assert source is not None and source.name == name, (quote.text, source)
        if mention is not None:
            assert quote.speaker.mention == mention


def test_seed_sources_are_the_three_speakers(seed: Article) -> None:
    by_name = {s.name: s for s in seed.sources}
    assert set(by_name) == {"Vladimir Putin", "Andriy Yermak", "Denys Shmyhal"}
    assert by_name["Vladimir Putin"].titles == ("Russian President",)
    assert {"Putin", "the Russian president", "he"} <= set(by_name["Vladimir Putin"].aliases)
    assert by_name["Andriy Yermak"].titles == ("head of Ukraine's presidential office",)
    assert by_name["Denys Shmyhal"].titles == ("Ukrainian Defense Minister",)
    assert all(s.kind == "person" for s in seed.sources)


def test_seed_context(seed: Article) -> None:
    q = {i + 1: quote for i, quote in enumerate(seed.quotes)}
    assert q[2].context.venue == "a press conference in Bishkek, Kyrgyzstan"
    assert q[8].context.channel == "Telegram"
    assert q[11].context.channel == "Telegram"
    assert q[11].context.when is not None and q[11].context.when.date == date(2025, 11, 27)
    assert q[1].context.when is not None and q[1].context.when.date == date(2025, 11, 27)
    assert q[10].context.when is not None and q[10].context.when.date == date(2025, 11, 25)


def test_seed_offsets_slice_back(seed: Article) -> None:
    seed.check()  # the model's validator: every span slices back to its text
    for quote in seed.quotes:
        assert quote.spans and quote.cue is not None and quote.cue.span is not None
        assert quote.speaker is not None and quote.speaker.span is not None
        block = seed.body[quote.speaker.span.block].text
        assert block[quote.speaker.span.start : quote.speaker.span.end] == quote.speaker.mention


# --------------------------------------------------------------------------- punctuation forms


@pytest.mark.parametrize(
    ("paragraph", "words", "mention"),
    [
        ('"We will win," Smith said.', "We will win", "Smith"),
        ("“We will win,” said Jane Smith.", "We will win", "Jane Smith"),
        ('Smith said: "We will win."', "We will win.", "Smith"),
        ("The minister told reporters, “We will win.”", "We will win.", "The minister"),
        ('"Are we ready?" asked the coach.', "Are we ready?", "the coach"),
        ('"We will win," Rep. Jane Doe (D-Wis.) said Friday.', "We will win", "Rep. Jane Doe (D-Wis.)"),
        ("“We will win.” ― Carla Sanchez", "We will win.", "Carla Sanchez"),
        ('Smith: "We will win."', "We will win.", "Smith"),
    ],
)
def test_direct_quote_forms(paragraph: str, words: str, mention: str) -> None:
    quote = one(paragraph)
    assert quote.kind == "direct"
    assert quote.text == words
    assert quote.speaker is not None and quote.speaker.mention == mention


def test_single_quotes_when_primary() -> None:
    quote = one("‘We will win,’ Smith said.")
    assert quote.text == "We will win" and quote.kind == "direct"


def test_quote_split_by_attribution_is_one_quote() -> None:
    quote = one('"We will win," she said, "and we will win big."')
    assert quote.text == "We will win and we will win big."
    assert len(quote.spans) == 2
    again = one('"We will win," she said. "Nobody can stop us."')
    assert again.text == "We will win. Nobody can stop us."  # the sentence break kept (issue 14)


def test_multi_paragraph_quote_is_one_quote() -> None:
    found = quotes_of(
        'The mayor said: "First, we will rebuild the bridge.',
        '"Second, we will open the schools.',
        '"Third, we will pay for it all."',
    )
    assert len(found) == 1
    assert [s.block for s in found[0].spans] == [0, 1, 2]
    assert found[0].text.endswith("we will pay for it all.")


def test_nested_quotes_stay_inside() -> None:
    quote = one("“He told me ‘never again’ and meant it,” Smith said.")
    assert quote.text == "He told me ‘never again’ and meant it"


def test_unbalanced_quote_never_swallows_the_article() -> None:
    found = quotes_of(
        'Smith said "we will win and then nothing closes this.',
        "The council met on Monday.",
        '"We are ready," Jones said.',
    )
    assert all(span.block != 1 for q in found for span in q.spans)
    assert any(q.text == "We are ready" for q in found)


def test_continuation_paragraph_right_after_the_attribution_is_the_same_quote() -> None:
    # '"A," Smith said.' then a paragraph '"B."' reads as '"A," Smith said. "B."': one quote
    found = quotes_of('"We will win," Smith said.', '"And we will do it together."')
    assert len(found) == 1
    assert [span.block for span in found[0].spans] == [0, 1]
    assert found[0].text == "We will win. And we will do it together."


def test_several_continuation_paragraphs_are_one_quote() -> None:
    found = quotes_of('"We will win," Smith said.', '"And we will do it together."', '"Every one of us."')
    assert [(q.text, [span.block for span in q.spans]) for q in found] == [
        ("We will win. And we will do it together. Every one of us.", [0, 1, 2])
    ]


def test_continuation_paragraph_keeps_the_speaker() -> None:
    # the writer's clause after the attribution ends the paragraph: the next paragraph of quote
    # is the same quote's next part (14j12), Smith's
    found = quotes_of('"We will win," Smith said, waving to the crowd.', '"And we will do it together."')
    assert len(found) == 1
    assert found[0].text == "We will win. And we will do it together."
    assert found[0].speaker is not None and found[0].speaker.mention == "Smith"


# --------------------------------------------------------------------------- reported speech


@pytest.mark.parametrize(
    ("paragraph", "words", "mention", "cue"),
    [
        ("Smith said that the bridge would reopen in May.", "the bridge would reopen in May", "Smith", "said"),
        ("Smith said the bridge would reopen in May.", "the bridge would reopen in May", "Smith", "said"),
        ("The bridge will reopen in May, the mayor said Thursday.", "The bridge will reopen in May", "the mayor",
         "said"),
        ("The bridge will reopen in May, said the mayor.", "The bridge will reopen in May", "the mayor", "said"),
        ("According to the ministry, the bridge will reopen in May.", "the bridge will reopen in May", "the ministry",
         "according to"),
        ("The bridge will reopen in May, according to officials.", "The bridge will reopen in May", "officials",
         "According to"),
        ("As Smith noted, the bridge will reopen in May.", "the bridge will reopen in May", "Smith", "noted"),
        ("Smith added that the bridge would reopen in May.", "the bridge would reopen in May", "Smith", "added"),
        ("Smith told Reuters the bridge would reopen in May.", "the bridge would reopen in May", "Smith", "told"),
        ("Smith has warned that the bridge would not reopen.", "the bridge would not reopen", "Smith", "warned"),
        ("A senior official, speaking on condition of anonymity, said the talks had failed.",
         "the talks had failed", None, "said"),
    ],
)  # fmt: skip
def test_indirect_speech(paragraph: str, words: str, mention: str | None, cue: str) -> None:
    quote = one(paragraph)
    assert quote.kind == "indirect"
    assert quote.text == words
    assert quote.cue is not None and quote.cue.text.lower() == cue.lower()
    if mention is not None:
        assert quote.speaker is not None and quote.speaker.mention == mention


def test_mixed_quote_holds_a_quoted_fragment() -> None:
    quote = one('Smith said the plan was "a disaster for everyone" and would fail.')
    assert quote.kind == "mixed"
    assert '"a disaster for everyone"' in quote.text


@pytest.mark.parametrize(
    "paragraph",
    [
        "The so-called “peace plan” was unveiled last week.",
        "She wrote the novel “The Long Road Home” in 1999.",
        'Donald "The Donald" Trump arrived in Ohio on Monday.',
        "The term “deep state” has spread quickly among supporters.",
        "The talks did not say much about the border.",
        "He declined to say whether the bridge would reopen.",
        "Initial reports of the explosion spread quickly across the city.",
        "Smith announced a new plan for the city's schools on Monday.",
    ],
)
def test_not_quotes(paragraph: str) -> None:
    assert quotes_of(paragraph) == []


def test_speech_verbs_in_any_tense() -> None:
    for verb in ("says", "said", "has said", "will say", "insisted", "argues", "acknowledged", "stressed"):
        quote = one(f"The mayor {verb} that the bridge would reopen in May.")
        assert quote.text == "the bridge would reopen in May", verb


# --------------------------------------------------------------------------- context


def test_channel_venue_and_when() -> None:
    published = datetime(2025, 11, 28, 12, 0)
    found = quotes_of(
        '"We are ready," the minister said in a statement on Tuesday.',
        '"We are ready," Smith wrote on Telegram.',
        '"We are ready," Jones said at a news conference in Kyiv, Ukraine.',
        "The bridge will reopen in May, Smith said last week.",
        published=published,
    )
    assert found[0].context.channel == "a statement"
    assert found[0].context.when is not None and found[0].context.when.date == date(2025, 11, 25)
    assert found[1].context.channel == "Telegram"
    assert found[2].context.venue == "a news conference in Kyiv, Ukraine"
    when = found[3].context.when
    assert when is not None and when.text == "last week"
    assert (when.start, when.end) == (date(2025, 11, 17), date(2025, 11, 23))


@pytest.mark.parametrize("published", [datetime(1, 1, 1), datetime(1, 1, 2), datetime(9999, 12, 31)])
@pytest.mark.parametrize(
    "when",
    ["Thursday", "yesterday", "today", "last week", "next week", "this week", "last month", "next year",
     "earlier this month", "later this year", "Nov. 27"],
)  # fmt: skip
def test_when_at_the_calendar_edges_never_raises(published: datetime, when: str) -> None:
    found = quotes_of(f"The bridge will reopen in May, Smith said {when}.", published=published)
    assert len(found) == 1
    resolved = found[0].context.when
    assert resolved is not None and resolved.text == when


# --------------------------------------------------------------------------- the enricher


def test_quotes_already_in_the_article_are_kept_and_not_duplicated() -> None:
    text = '"We will win," Smith said. The bridge will reopen in May, Jones said.'
    given_quote = Quote(
        id="q1",
        kind="direct",
        text="We will win",
        spans=(Span(0, 1, 12),),
        speaker=Speaker("Smith", None, Span(0, 15, 20)),
    )
    article = Article(body=(Paragraph(text),), quotes=(given_quote,))
    result = extract_quotes(article, {})
    assert result.quotes[0] == given_quote
    assert len(result.quotes) == 2
    assert result.quotes[1].id == "q2" and result.quotes[1].kind == "indirect"


def test_block_quotes_are_read_and_other_languages_are_not() -> None:
    assert len(quotes_of()) == 0
    article = Article(body=(BlockQuote('"We will win," Smith said.'),))
    assert len(find_quotes(article)) == 1
    german = Article(language="de", body=(Paragraph('"Wir gewinnen," sagte Smith.'),))
    assert extract_quotes(german, {}).quotes == ()


def test_the_option_turns_it_off() -> None:
    article = Article(body=(Paragraph('"We will win," Smith said.'),))
    assert extract_quotes(article, {"quotes": False}).quotes == ()


def test_sentences_know_abbreviations() -> None:
    text = "Mr. Smith went to Washington, D.C. on Monday. He met the U.S. envoy. Then he left."
    assert [text[s:e].strip() for s, e in sentences(text)] == [
        "Mr. Smith went to Washington, D.C. on Monday.",
        "He met the U.S. envoy.",
        "Then he left.",
    ]


_pieces = st.sampled_from([*"ab .,:;\"“”‘’'—-()", " he said", " said Smith", "According to", "Smith", " that "])
_paragraph = st.lists(_pieces, max_size=30).map("".join)


@given(st.lists(_paragraph, min_size=1, max_size=4))
def test_any_text_gives_valid_quotes(paragraphs: list[str]) -> None:
    article = Article(body=tuple(Paragraph(p) for p in paragraphs))
    result = enrich(article)
    result.check()
    for quote in result.quotes:
        for span in quote.spans:
            assert span.end <= len(result.body[span.block].text)


# --------------------------------------------------------------------------- more forms


@pytest.mark.parametrize(
    ("paragraph", "kind", "words", "mention"),
    [
        ('Clinton called Trump\'s supporters "deplorables."', "mixed", 'Trump\'s supporters "deplorables."', "Clinton"),
        ("Christie blasted Clinton as a “disgrace” on Wednesday night.", "mixed", "Clinton as a “disgrace”",
         "Christie"),
        ("Trump went after Bush, calling him “a total stiff.”", "mixed", "him “a total stiff.”", "Trump"),
        ("Trump is promising lower taxes and “jobs, jobs, jobs.”", "mixed", "lower taxes and “jobs, jobs, jobs.”",
         "Trump"),
        ("He’s claiming that voting fraud is “a big problem.”", "mixed", "voting fraud is “a big problem.”", "He"),
        ("Two in three voters like the plan, according to a Gallup poll taken last week.", "indirect",
         "Two in three voters like the plan", "a Gallup poll"),
        ("Six in 10 voters said the economy was the main issue.", "indirect", "the economy was the main issue",
         "Six in 10 voters"),
        ("Aides to the governor say she will run again.", "indirect", "she will run again", "Aides to the governor"),
        ("Over the years, she said, email has helped her stay in touch.", "indirect",
         "email has helped her stay in touch", "she"),
        ("Authorities announced an arrest and said a curfew would continue.", "indirect", "a curfew would continue",
         "Authorities"),
        ("''It was a spectacular deal,'' said Patrick McGinley, a law professor.", "direct",
         "It was a spectacular deal", "Patrick McGinley, a law professor"),
        ('"It hurts," Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.', "direct", "It hurts",
         "Senate Majority Leader Mitch McConnell, R-Ky."),
    ],
)  # fmt: skip
def test_more_attribution_forms(paragraph: str, kind: str, words: str, mention: str) -> None:
    found = quotes_of(paragraph)
    assert found, paragraph
    quote = found[0]
    assert (quote.kind, quote.text) == (kind, words)
    assert quote.speaker is not None and quote.speaker.mention == mention


def test_reported_words_end_at_a_new_speech_verb() -> None:
    found = quotes_of("Trump tweeted that Machado was “disgusting” and encouraged Americans to “check out” her tape.")
    assert found[0].text == "Machado was “disgusting”"
    assert found[0].kind == "mixed"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Many other states have passed similar laws this year.",
        "The mental and emotional stress is constantly with me.",
        "Editor's note: the story has been updated.",
        "Initial reports of the explosion spread quickly across the city.",
        "In a video posted Saturday, she criticized the governor.",
    ],
)
def test_nouns_that_look_like_verbs_are_not_cues(paragraph: str) -> None:
    assert quotes_of(paragraph) == []


@pytest.mark.parametrize(
    ("paragraph", "channel"),
    [
        ('"We are ready," the minister said in a post on X.', "X"),
        ('"We are ready," the minister wrote on Twitter.', "X"),
        ('"We are ready," the minister said in an interview with CNN.', "an interview with CNN"),
        ("The talks will resume, the minister told Reuters.", "Reuters"),
        ('"We are ready," the minister said on state TV.', "state TV"),
        ('"We are ready," Shmyhal said in a Telegram post on Thursday.', "Telegram"),
    ],
)
def test_channels(paragraph: str, channel: str) -> None:
    (quote,) = quotes_of(paragraph)
    assert quote.context.channel == channel


@pytest.mark.parametrize(
    "paragraph",
    [
        " ".join(f'"Word {i}," he said.' for i in range(3000)),
        " ".join(f'"scare{i}" term' for i in range(3000)),
        "said " * 10000,
        '"' * 10000,
        "According to " * 5000,
        "word \u201d " * 100_000,
    ],
    ids=["3000 quotes", "3000 scare quotes", "10000 cues", "10000 marks", "5000 according", "100000 closing marks"],
)
def test_hostile_paragraphs_stay_fast(paragraph: str) -> None:
    # indexes keep a paragraph with thousands of quotes or cues near-linear (0.2 s here)
    started = time.process_time()
    article = enrich(Article(body=(Paragraph(paragraph),)))
    article.check()
    assert time.process_time() - started < 10


def test_words_before_a_mid_sentence_attribution_start_after_a_dash() -> None:
    (quote,) = quotes_of("Clinton isn’t rattled about the losses — in fact, she said, they “humanize” her.")
    assert quote.text == "in fact they “humanize” her"
    assert quote.kind == "mixed"


@pytest.mark.parametrize(
    ("paragraph", "mention", "words"),
    [
        (
            '"The harbour will stay open all winter," chief executive Anna Berg said at a briefing on Monday.',
            "chief executive Anna Berg",
            "The harbour will stay open all winter",
        ),
        (
            '"We expect a long night," Tom Reed, the mayor\'s chief of staff, said in a statement.',
            "Tom Reed, the mayor's chief of staff",
            "We expect a long night",
        ),
        (
            '"We expect a long night," Tom Reed, Gray\'s campaign manager, said in a statement.',
            "Tom Reed, Gray's campaign manager",
            "We expect a long night",
        ),
        (
            'The senator waved to the crowd and said, "This town built my career."',
            "The senator",
            "This town built my career.",
        ),
    ],
)
def test_speakers_with_titles_roles_and_shared_subjects(paragraph: str, mention: str, words: str) -> None:
    quote = one(paragraph)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.mention == mention
    assert quote.text == words


def test_a_relative_clause_names_the_speaker_before_it() -> None:
    quote = one('The governor, who faces a recall vote in May, said the budget plan was "dead on arrival."')
    assert quote.kind == "mixed"
    assert quote.speaker is not None and quote.speaker.mention == "The governor, who faces a recall vote in May"


def test_a_name_ending_in_ing_is_a_name() -> None:
    quote = one("Ewing says the team \u201cplayed the best game of the season.\u201d")
    assert quote.speaker is not None and quote.speaker.mention == "Ewing"


def test_a_colon_attribution_after_a_heading_and_a_dash() -> None:
    quote = one('Turnout may surprise - Maria Lopez: "Young voters registered late this year, and in large numbers."')
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.mention == "Maria Lopez"


@pytest.mark.parametrize(
    "paragraph",
    [
        'The mayor opened the fair with praise for "local grit," saying the town had "never once given up."',
        'The mayor surprised the council by saying that the budget was "simply not enough."',
    ],
)
def test_a_participle_after_a_quoted_comma_or_by(paragraph: str) -> None:
    # ("praise for "local grit"" is the mayor's phrase too: a mixed quote of its own)
    quote = next(q for q in quotes_of(paragraph) if q.cue is not None and q.cue.text == "saying")
    assert quote.kind == "mixed"
    assert quote.speaker is not None and quote.speaker.mention == "The mayor"
    assert quote.cue is not None and quote.cue.text == "saying"


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ('Jones took the floor on Monday and called the bill "a gift to the banks."', "Jones"),
        ('The plan drew fire from Senator Ann Lee, who called it "a gift to the banks."', "Senator Ann Lee"),
    ],
)
def test_characterising_verbs_share_a_subject(paragraph: str, mention: str) -> None:
    quote = one(paragraph)
    assert quote.kind == "mixed"
    assert quote.speaker is not None and quote.speaker.mention == mention


def test_a_long_name_ending_in_ing_is_a_name_too() -> None:
    found = quotes_of('"We drove all night," Fleming said. "It was worth it."')
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.mention == "Fleming"


@pytest.mark.parametrize(
    ("paragraph", "mention", "cue", "text"),
    [
        ('Mayor Jane Doe blamed the outage on "sloppy contractors."', "Mayor Jane Doe", "blamed",
         'the outage on "sloppy contractors."'),
        ('She has long admired the judge as a "quiet giant of the law."', "She", "has long admired",
         'the judge as a "quiet giant of the law."'),
        # the words after "that says" are the letter's, not the release's
        ('The senator released a letter from her doctor that says she is in "excellent health."', "The senator",
         "released", 'she is in "excellent health."'),
    ],
)  # fmt: skip
def test_quoted_words_under_any_verb_of_a_speaking_subject(paragraph: str, mention: str, cue: str, text: str) -> None:
    assert_one(paragraph, text, mention, cue, kind="mixed")


def assert_one(paragraph: str, text: str, mention: str, cue: str, kind: str | None = None) -> None:
    """``paragraph`` holds one quote: these words, by this speaker mention, with this cue."""
    quote = one(paragraph)
    assert quote.text == text
    assert kind is None or quote.kind == kind
    assert quote.speaker is not None and quote.speaker.mention == mention
    assert quote.cue is not None and quote.cue.text == cue


@pytest.mark.parametrize(
    "paragraphs",
    [
        ['Thirty percent of voters "strongly agree" with the plan.'],  # no verb after the subject
        ['The city\'s "smart meter" program began in May.'],  # a possessive, not a speaker
        ["The party met on Monday.", 'Party elders did produce an "autopsy" of the loss.'],  # "party": a common word
        ['Generous pensions and "fact-finding trips" cost the county millions.'],  # an adjective
        ['The festival drew "huge crowds" again this year.'],  # a festival does not speak
        ['The report was "a disaster," in the view of many.'],  # a copula
    ],
)
def test_scare_quotes_without_a_speaking_subject_are_not_quotes(paragraphs: list[str]) -> None:
    assert quotes_of(*paragraphs) == []


def test_quoted_words_in_a_later_clause_belong_to_that_clause_s_subject() -> None:
    quote = one('The bill stalled in March, when Governor Tom Reyes shelved it as "too costly by half."')
    assert (quote.kind, quote.text) == ("mixed", 'it as "too costly by half."')
    assert quote.speaker is not None and quote.speaker.mention == "Governor Tom Reyes"


def test_a_whole_quoted_sentence_after_any_verb_and_a_colon() -> None:
    quote = one('She addressed the supporters again: "Here is what I regret."')
    assert (quote.kind, quote.text) == ("direct", "Here is what I regret.")
    assert quote.speaker is not None and quote.speaker.mention == "She"
    assert quote.cue is not None and quote.cue.text == "addressed"


def test_reported_words_with_quoted_ones_end_with_their_clause() -> None:
    quote = one('The mayor said the plan is "dead on arrival", which surprised nobody.')
    assert (quote.kind, quote.text) == ("mixed", 'the plan is "dead on arrival"')


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ('She added that the vote was a problem because, "In the end, we don\'t vote against somebody. We vote '
         'for somebody."', 'the vote was a problem because, "In the end, we don\'t vote against somebody. We vote '
         'for somebody."'),
        ('After saying her right foot was "so swollen I could barely get my shoe on," she was taken to hospital.',
         'her right foot was "so swollen I could barely get my shoe on,"'),
    ],
)  # fmt: skip
def test_reported_words_run_to_the_close_of_a_quote_they_open(paragraph: str, text: str) -> None:
    quote = one(paragraph)
    assert (quote.kind, quote.text) == ("mixed", text)


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ('"In breaking news," Ann Lee tweeted last January, "the mayor endorses himself," after a long week.',
         "In breaking news the mayor endorses himself"),
        ('"I think that speaks volumes," she said, adding that the campaign will work hard. "They are waiting."',
         "I think that speaks volumes. They are waiting."),
    ],
)  # fmt: skip
def test_a_quote_goes_on_after_its_attribution(paragraph: str, text: str) -> None:
    direct = [q for q in quotes_of(paragraph) if q.kind == "direct"]
    assert [q.text for q in direct] == [text]


@pytest.mark.parametrize(
    ("paragraph", "kind", "text", "mention"),
    [
        ('Lee openly admires the governor as a "steady hand," praising him at every stop.', "mixed",
         'the governor as a "steady hand,"', "Lee"),
        ('Once, when my aunt asked about it at dinner, I laughed and said, "I never liked the place."', "direct",
         "I never liked the place.", "I"),
        # a closing mark typed for the opening one at the paragraph's start
        ("” … he spoke with a calm that few had expected,” Ann Lee wrote.", "direct",
         "… he spoke with a calm that few had expected", "Ann Lee"),
    ],
)  # fmt: skip
def test_subjects_found_past_adverbs_and_introductions(paragraph: str, kind: str, text: str, mention: str) -> None:
    quote = one(paragraph)
    assert (quote.kind, quote.text) == (kind, text)
    assert quote.speaker is not None and quote.speaker.mention == mention


def test_reported_words_stop_at_someone_else_s_attribution() -> None:
    found = quotes_of(
        'While he acknowledged funding was a major reason he felt tired, Ham also noted several "intangibles" left'
        " him disillusioned."
    )
    assert [(q.speaker.mention if q.speaker else None, q.text) for q in found] == [
        ("he", "funding was a major reason he felt tired"),
        ("Ham", 'several "intangibles" left him disillusioned'),
    ]
    found = quotes_of(
        'The chief said the footage did not give "absolute visual evidence," but he said that other evidence'
        ' "supports what we\'ve heard" about it.'
    )
    assert [q.text for q in found] == [
        'the footage did not give "absolute visual evidence,"',
        'other evidence "supports what we\'ve heard" about it',
    ]


def test_a_speaker_described_by_a_phrase_with_a_preposition() -> None:
    quote = one('"Why did he never pay?" a narrator in the new ad asks.')
    assert quote.speaker is not None and quote.speaker.mention == "a narrator in the new ad"


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        # the listener after "told" stands between the parts
        ('"It is not just the money," Lee told the host, "but the principle."',
         "It is not just the money but the principle."),
        # '' marks after a sentence of the writer's
        ("So it goes. ''We kept going,'' Mr. Lee said. ''We had no choice.''", "We kept going. We had no choice."),
        # "but" after the attribution
        ('"You know, I like him," he said, but "when it comes to energy, he is wrong."',
         "You know, I like him when it comes to energy, he is wrong."),
        # any participle clause of the speaker's own may stand between
        ('"We start now," Lee said, pointing at the map on the wall. "The rest can wait."',
         "We start now. The rest can wait."),
    ],
)  # fmt: skip
def test_the_parts_of_one_quote(paragraph: str, text: str) -> None:
    direct = [q for q in quotes_of(paragraph) if q.kind == "direct"]
    assert [q.text for q in direct] == [text]


def test_a_mixed_quote_goes_on_after_and_still() -> None:
    quote = one('Mills "got a deal," Jordan said, and still "got to sit in on the interview."')
    assert quote.text == 'Mills "got a deal," got to sit in on the interview.'


def test_a_mixed_quote_goes_on_after_its_attribution() -> None:
    quote = one('The summit achieved "too little," he added. "Without new policies, Europe risks a lot."')
    assert quote.kind == "mixed"
    assert quote.text == 'The summit achieved "too little," Without new policies, Europe risks a lot.'


def test_told_someone_that() -> None:
    quote = one('He also told one of his young aides on a regular basis that "terror is the answer."')
    assert (quote.kind, quote.text) == ("mixed", '"terror is the answer."')


def test_a_mixed_sentence_with_its_own_attribution_starts_after_it() -> None:
    quote = quotes_of('Lee said she felt the law was worth a look because "nobody knows it," she said.')[0]
    assert quote.text == 'she felt the law was worth a look because "nobody knows it,"'


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ('"It is an invasion of the state\'s domain," Ann Lee, the attorney general, one of the states suing the'
         " agency, said on Monday.", "Ann Lee, the attorney general, one of the states suing the agency"),
        ('"We live in hard times," my father often said.', "my father"),
        ('"Profits fell sharply," the company, which employs 3,000 people, said on Monday.',
         "the company, which employs 3,000 people"),
        ('Meanwhile, it attacked the mayor, saying he "has offended everyone in town."', "it"),
        ('Tom Reyes, her opponent, bemoaned the unrest and said he thought money was a "very big factor" in it.',
         "Tom Reyes, her opponent"),
    ],
)  # fmt: skip
def test_more_speakers(paragraph: str, mention: str) -> None:
    quote = one(paragraph)
    assert quote.speaker is not None and quote.speaker.mention == mention


def test_a_participle_opening_the_sentence() -> None:
    quote = one('Bemoaning the "phony system," Lee accused the host of bias.')
    assert (quote.kind, quote.text) == ("mixed", 'the "phony system,"')
    assert quote.speaker is not None and quote.speaker.mention == "Lee"


def test_an_inverted_said_before_a_colon() -> None:
    quote = one('Said Ellis: "I don\'t get the sense she cares."')
    assert quote.speaker is not None and quote.speaker.mention == "Ellis"
    assert quote.cue is not None and quote.cue.text == "Said"


@pytest.mark.parametrize(
    ("paragraphs", "kind", "text", "mention"),
    [
        (['The board was blunt in its findings: "Further discussion is unnecessary."'], "direct",
         "Further discussion is unnecessary.", "The board"),
        (["The campaign bristled at remarks, including one in which he stated that the plan is \"relatively new\"."],
         "mixed", 'the plan is "relatively new"', "he"),
    ],
)  # fmt: skip
def test_copula_before_a_colon_and_a_clause_after_in_which(
    paragraphs: list[str], kind: str, text: str, mention: str
) -> None:
    quote = one(*paragraphs)
    assert (quote.kind, quote.text) == (kind, text)
    assert quote.speaker is not None and quote.speaker.mention == mention


@pytest.mark.parametrize(
    ("paragraph", "text", "mention", "cue"),
    [
        ('"Would it be negotiable?" Hannity pressed.', "Would it be negotiable?", "Hannity", "pressed"),
        ('Tom Reyes, co-founder of the institute, welcomed "the recognition that we need new tools."',
         '"the recognition that we need new tools."', "Tom Reyes, co-founder of the institute", "welcomed"),
        ('Lee also embraced the plan -- "I think it is the best we have."', "I think it is the best we have.", "Lee",
         "also embraced"),
        ('Said Dora Lee, who grew up nearby, "We were all so proud of him."', "We were all so proud of him.",
         "Dora Lee, who grew up nearby", "Said"),
        # someone's role, then the name
        ('Lee\'s campaign chairman, Tom Reyes, said in a statement: "Tonight the mayor painted a dark picture."',
         "Tonight the mayor painted a dark picture.", "Lee's campaign chairman, Tom Reyes", "said"),
        ('"We are worried," super PAC spokeswoman Ann Lee said.', "We are worried", "super PAC spokeswoman Ann Lee",
         "said"),
        ('Tom Reyes, a former adviser, tweeted this: "She did it again."', "She did it again.",
         "Tom Reyes, a former adviser", "tweeted"),
        ('In other words, explained moderator Ann Lee: "What does that have to do with it?"',
         "What does that have to do with it?", "moderator Ann Lee", "explained"),
        ('After winning Ohio, Gov. Tom Reyes (R-OH), said, "I am getting ready."', "I am getting ready.",
         "Gov. Tom Reyes (R-OH)", "said"),
        ('Another delegate on the slate, Jim Poole, said he was only "leaning Cruz."', 'he was only "leaning Cruz."',
         "Another delegate on the slate, Jim Poole", "said"),
        ('Later, when I asked him about it, he looked at the camera, smiled and said, "I will endorse you!"',
         "I will endorse you!", "he", "said"),
    ],
)  # fmt: skip
def test_attributions_with_any_verb(paragraph: str, text: str, mention: str, cue: str) -> None:
    assert_one(paragraph, text, mention, cue)


def test_a_quote_and_a_sentence_that_goes_on_are_not_an_attribution() -> None:
    assert [q.kind for q in quotes_of('"It was a disaster," the mayor walked out of the room and left.')] == []


def test_a_characterisation_ends_before_a_clause_of_its_own() -> None:
    quote = one('Governor Lee described the senator as a "disgrace" after she blamed the police for everything.')
    assert quote.text == 'the senator as a "disgrace"'


def test_a_program_name_is_no_speaker() -> None:
    found = quotes_of('EB-5 requires an investment in a "targeted employment area" of the country.')
    assert [q.speaker.mention for q in found if q.speaker is not None] == []


def test_a_quote_goes_on_after_the_speaker_s_relative_clause() -> None:
    found = quotes_of(
        "''Sales are up,'' said Mr. Ek, who noted that prices had ''cratered'' in the recession. ''Things are moving.''"
    )
    direct = [q for q in found if q.kind == "direct"]
    assert [(q.text, q.speaker.mention if q.speaker else None) for q in direct] == [
        ("Sales are up. Things are moving.", "Mr. Ek")
    ]


def test_a_participle_after_quoted_words_of_the_sentence_s_subject() -> None:
    found = quotes_of('Lee needled the "reporter," saying, "A reporter who tweets on request!"')
    direct = [q for q in found if q.kind == "direct"]
    assert [(q.text, q.speaker.mention if q.speaker else None) for q in direct] == [
        ("A reporter who tweets on request!", "Lee")
    ]


@pytest.mark.parametrize(
    ("paragraph", "text", "mention"),
    [
        # an invisible direction mark before a closing mark typed for the opening one
        ("\u202a\u201dWe will win!\u201d wrote Ann Lee.", "We will win!", "Ann Lee"),
        ('The email went on to say, "Today, people just stay home."', "Today, people just stay home.", "The email"),
        ('Lee, who signed the law as governor, interjected to say: "They have both been inconsistent."',
         "They have both been inconsistent.", "Lee, who signed the law as governor"),
        ('"Is the mayor profiling?" reacted Ann Lee.', "Is the mayor profiling?", "Ann Lee"),
    ],
)  # fmt: skip
def test_more_direct_attributions(paragraph: str, text: str, mention: str) -> None:
    quote = one(paragraph)
    assert (quote.kind, quote.text) == ("direct", text)
    assert quote.speaker is not None and quote.speaker.mention == mention


def test_a_characterisation_after_a_colon() -> None:
    quote = one('Even its friends sounded cautious: Rep. Ann Lee called it "the least bad option."')
    assert quote.speaker is not None and quote.speaker.mention == "Rep. Ann Lee"
    assert quote.text == 'it "the least bad option."'


def test_a_section_label_in_capitals_is_no_speaker() -> None:
    found = quotes_of('MOVING SHOP—"Gallery opening across from the museum," by Ann Lee: A gallery is moving.')
    assert [q.speaker.mention for q in found if q.speaker is not None] == []


def test_a_one_word_label_after_a_quote_is_no_continuation() -> None:
    found = quotes_of('"We can go higher," she said.', '"Related:"', "Other news follows.")
    assert [q.text for q in found] == ["We can go higher"]


def test_a_title_before_a_verb_far_after_a_quote_is_no_attribution() -> None:
    found = quotes_of('One ad, "Balanced Rebellion," stars an actor who promises that taxes will fall.')
    assert all(q.speaker is None or not q.speaker.mention.startswith("stars") for q in found)


_PIECES = ['"', "“", "”", "''", "'", "‘", "’", ",", ".", ":", " — ", " -- ", "?", "!", "\u202a", " said ", " Said ",
           " told ", " saying ", " according to ", " went on to say ", " Bemoaning ", " called ", " blamed ",
           " reacted ", " explained ", " tweeted this", " was ", " as ", " after she ", " in which ", " who ",
           " that ", " and ", "Ann Lee", " he ", " She ", " They ", " it ", " the mayor ", " Tom's attorney",
           " super PAC ", " (R-Ky.)", " a senior official ", " officials ", " the Kremlin ", "MOVING SHOP",
           " Thursday ", " last week "]  # fmt: skip


@given(
    st.lists(
        st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join),
        min_size=1,
        max_size=4,
    )
)
def test_any_arrangement_of_quote_marks_names_and_cues_enriches_cleanly(paragraphs: list[str]) -> None:
    article = enrich(Article(body=tuple(Paragraph(p) for p in paragraphs)))
    article.check()  # every span slices back; every speaker resolves to a source
    for quote in article.quotes:
        assert quote.speaker is None or quote.speaker.source is not None


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lee refused to say that the deal was fair.",  # a refusal is no speech
        "He failed to tell investigators that he had met them.",
        'Before "Jaws," Spielberg directed "Duel."',  # titles, not words said
        'In "Hamilton," Miranda starred in the title role.',
        '"Help!" Lennon composed in 1965.',
        'Ms. Lee watched "Breaking Bad" twice.',
        'Coldplay released a new album: "Songs of Rain."',
        'The company listed its values: "Integrity, Respect, Excellence."',
        'Rising prices fueled "a crisis of confidence" among voters.',  # "prices" is no verb
        'Reading the "fine print," Smith found problems.',
        'WATCH: "The moment the bridge fell."',  # a label, not a speaker
        'WASHINGTON — "Ready or not" is the motto of the new campaign.',  # a dateline
        "In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. Lee suggested looking at your bills.",  # a title
    ],
)
def test_no_quote_in_these(paragraph: str) -> None:
    assert [(q.kind, q.text) for q in quotes_of(paragraph)] == []


def test_an_inch_mark_does_not_open_a_quote() -> None:
    found = quotes_of('Smith said the 6" pipe had burst. Later, Jones said "it was fine."')
    assert [q.text for q in found] == ['the 6" pipe had burst', "it was fine."]


def test_quoted_words_keep_the_noun_they_qualify() -> None:
    quote = one('The judge rejected the "frivolous" claims.')
    assert quote.text == 'the "frivolous" claims'


def test_a_transcript_speaker_in_capitals_before_a_colon() -> None:
    quote = one('PENCE: "We will win this."')
    assert quote.speaker is not None and quote.speaker.mention == "PENCE"


def test_a_characterising_verb_form_after_a_verb_is_a_noun() -> None:
    found = quotes_of('The Fed kept rates "on hold" for another month.')
    assert [(q.speaker.mention if q.speaker else None, q.cue.text if q.cue else None) for q in found] == [
        ("The Fed", "kept")
    ]


def test_a_subject_with_a_preposition_at_the_sentence_start() -> None:
    quote = one('A memo on the campaign\'s website states that couples qualify only if "recognized under state law."')
    assert quote.speaker is not None and quote.speaker.mention == "A memo on the campaign's website"


def test_a_relative_clause_before_a_quote_gives_its_antecedent() -> None:
    quote = one('The ceremony featured Stevie Wonder, who joked of the museum, "I have not seen it yet."')
    assert (quote.kind, quote.text) == ("direct", "I have not seen it yet.")
    assert quote.speaker is not None and quote.speaker.mention == "Stevie Wonder"


@pytest.mark.parametrize(
    ("paragraph", "kind", "text", "mention"),
    [
        # a clause after the source is no apposition of it
        ("According to The Federalist, the men were wearing shirts.", "indirect", "the men were wearing shirts",
         "The Federalist"),
        ('"Officials expect to finish soon," according to CNN.', "direct", "Officials expect to finish soon", "CNN"),
    ],
)  # fmt: skip
def test_according_to_a_name(paragraph: str, kind: str, text: str, mention: str) -> None:
    quote = one(paragraph)
    assert (quote.kind, quote.text) == (kind, text)
    assert quote.speaker is not None and quote.speaker.mention == mention
    assert quote.cue is not None and quote.cue.text.lower() == "according to"


def test_another_speaker_in_the_next_sentence() -> None:
    found = quotes_of('"It is over," one aide said. Another said, "Not yet."')
    assert [(q.text, q.speaker.mention if q.speaker else None) for q in found] == [
        ("It is over", "one aide"),
        ("Not yet.", "Another"),
    ]
