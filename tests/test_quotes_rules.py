"""The quote rule registry: its order, how it is extended (also from a plugin, with the example
in docs/quotes.md), and the explanations of which rule found what."""

from __future__ import annotations

import io
import re
import types
from pathlib import Path

import pytest

import articlekit
import articlekit.plugins
from articlekit import cli
from articlekit.enrich.quotes import (
    After,
    Candidate,
    Rule,
    RuleSet,
    Veto,
    explain_quotes,
    find_quotes,
    quote_rules,
)
from articlekit.enrich.quotes.finder import Finder
from articlekit.enrich.quotes.rules import ANCHOR_KINDS
from articlekit.errors import PluginError
from articlekit.model import Article, Paragraph

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent
BUILT_IN = [
    "dash_after", "according_after", "said_after", "put_it_after", "verb_after", "dash_next_paragraph",
    "colon_before", "said_lead_before", "put_it_before", "words_noun_before", "clause_colon_before", "said_before", "verb_before", "according_before",  # noqa: E501
    "according_to",
    "characterising", "participle_opening", "participle_clause", "asked_by", "reported_by", "reported_speech",
    "said_sentence_before", "fragment_who", "fragment_subject", "fragment_clause", "fragment_shared_subject",
    "fragment_speech_noun", "fragment_owner_quote_noun", "fragment_opening_participle",
]  # fmt: skip
PER = '"The plan is dead," per the Associated Press.'
PER_TEXT = f"A headline\n\n{PER}\n".encode()


def _article(*paragraphs: str) -> Article:
    return Article(body=tuple(Paragraph(p) for p in paragraphs))


def _nothing(finder: object, anchor: object) -> None:
    """Never answers."""
    return None


def test_the_built_in_rules_in_order_each_described() -> None:
    rules = list(quote_rules())
    assert [r.name for r in rules] == BUILT_IN
    assert all(r.description for r in rules)


def test_every_rule_is_documented_by_name() -> None:
    guide = (ROOT / "docs" / "quotes.md").read_text(encoding="utf-8")
    for name in BUILT_IN:
        assert f"`{name}`" in guide, name


def test_a_rule_goes_before_or_after_another_of_its_kind() -> None:
    rules = RuleSet(list(quote_rules()))
    rules.add(Rule("mine", "after", _nothing), before="said_after")
    rules.add(Rule.of("later", "cue", _nothing, after="characterising"))
    rules.add(Rule("last", "quoted", _nothing))
    names = rules.names()
    assert names.index("mine") == names.index("said_after") - 1
    assert names.index("later") == names.index("characterising") + 1
    assert [r.name for r in rules.of("quoted")][-1] == "last"
    assert rules.of("cue")[1].description == "Never answers."
    rules.remove("mine")
    assert "mine" not in rules.names()


def test_the_rules_by_kind_follow_every_change_of_the_set() -> None:
    rules = RuleSet(list(quote_rules()))

    def each_kind() -> dict[str, list[str]]:
        return {kind: [r.name for r in rules.of(kind)] for kind in ANCHOR_KINDS}

    assert {kind: [r.name for r in found] for kind, found in rules.by_kind().items()} == each_kind()
    rules.add(Rule("mine", "after", _nothing), before="said_after")
    rules.add(Rule("last", "quoted", _nothing))
    assert {kind: [r.name for r in found] for kind, found in rules.by_kind().items()} == each_kind()
    assert "mine" in [r.name for r in rules.by_kind()["after"]]
    rules.remove("mine")
    assert "mine" not in [r.name for r in rules.by_kind()["after"]]
    assert {kind: [r.name for r in found] for kind, found in rules.by_kind().items()} == each_kind()
    assert Finder({0: "x"}, [0], {}, rules).by_kind["quoted"][-1].name == "last"


@pytest.mark.parametrize(
    ("rule", "where", "message"),
    [
        (Rule("said_after", "after", _nothing), {}, "already registered"),
        (Rule("x", "after", _nothing), {"before": "no_such_rule"}, "no quote rule named 'no_such_rule'"),
        (Rule("x", "cue", _nothing), {"before": "said_after"}, "reads 'cue' anchors, but 'said_after' reads 'after'"),
        (Rule("x", "nowhere", _nothing), {}, "unknown anchor kind 'nowhere'"),  # type: ignore[arg-type]
    ],
)
def test_a_misplaced_rule_is_a_clear_error(rule: Rule, where: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        RuleSet(list(quote_rules())).add(rule, **where)


def test_a_rule_set_without_a_rule_finds_no_quote_of_it() -> None:
    rules = quote_rules().copy()
    rules.remove("dash_after")
    text = '"We will not back down." -- Vladimir Putin'
    assert find_quotes(_article(text), rules) == []
    assert len(find_quotes(_article(text))) == 1


def test_a_veto_stops_the_later_rules_and_is_explained() -> None:
    rules = quote_rules().copy()
    rules.add(Rule("no_dashes", "after", lambda finder, anchor: Veto("no_dashes_here")), before="dash_after")
    article = _article('"We will not back down." -- Vladimir Putin')
    assert find_quotes(article, rules) == []
    [dropped] = explain_quotes(article, rules).vetoes
    assert (dropped.rule, dropped.veto, dropped.anchor, dropped.block) == ("no_dashes", "no_dashes_here", "after", 0)


def _docs_plugin() -> types.ModuleType:
    """The plugin of docs/quotes.md, as a module."""
    guide = (ROOT / "docs" / "quotes.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- rule-plugin -->\n```python\n(.*?)```", guide, re.S)
    assert code is not None, "docs/quotes.md has no rule-plugin example"
    module = types.ModuleType("per_rule_plugin")
    exec(compile(code.group(1), "docs/quotes.md", "exec"), module.__dict__)
    return module


@pytest.mark.usefixtures("fresh_plugins")
def test_the_plugin_of_the_docs_adds_its_rule() -> None:
    assert find_quotes(_article(PER)) == []  # the built-in rules leave it alone
    articlekit.plugins.register_plugin(_docs_plugin(), "per-rule")
    names = quote_rules().names()
    assert names.index("per_after") == names.index("said_after") - 1
    article = articlekit.parse(PER_TEXT, format="text")
    [quote] = article.quotes
    assert (quote.kind, quote.text, quote.cue and quote.cue.text) == ("direct", "The plan is dead", "per")
    assert quote.speaker is not None and quote.speaker.mention == "the Associated Press"
    assert quote.speaker.source is not None  # resolved by the sources enricher, as any speaker
    assert explain_quotes(articlekit.parse(PER_TEXT, format="text", enrich=False)).rules == {"q1": "per_after"}


@pytest.mark.usefixtures("fresh_plugins")
def test_a_plugin_rule_that_clashes_is_an_error_naming_the_plugin() -> None:
    plugin = types.SimpleNamespace(articlekit_quote_rules=lambda: [Rule("said_after", "after", _nothing)])
    plugin.articlekit_quote_rules = articlekit.hookimpl(plugin.articlekit_quote_rules)
    articlekit.plugins.register_plugin(plugin, "clash")
    with pytest.raises(PluginError, match=r"plugin 'clash' failed in articlekit_quote_rules: .*already registered"):
        quote_rules()


def test_explain_names_the_rule_of_every_quote_of_the_seed() -> None:
    bare = articlekit.parse((SEEDS / "000_fceb5e4b891116b7.txt").read_bytes(), format="text", enrich=False)
    explanation = explain_quotes(bare)
    quotes = find_quotes(bare)
    assert set(explanation.rules) == {q.id for q in quotes}
    assert explanation.rules["q2"] == "said_after"
    assert explanation.rules["q1"] == "reported_speech.trailing"
    assert all(isinstance(v.veto, str) and v.veto for v in explanation.vetoes)


def test_the_cli_explains(capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["quotes", str(SEEDS / "000_fceb5e4b891116b7.txt"), "--explain", "--width", "120"])
    out = capsys.readouterr().out
    assert status == 0
    assert "found by:\n    q1   reported_speech.trailing\n    q2   said_after\n" in out
    assert "vetoed (paragraph, rule: veto, the words it read):" in out


def test_a_candidate_names_its_rule() -> None:
    candidate = Candidate("direct", [(0, 1, 5)], rule="said_after")
    assert candidate.rule == "said_after"
    assert isinstance(After, type)


def test_every_veto_of_the_built_in_rules_is_named_and_documented() -> None:
    from articlekit.enrich.quotes.vetoes import VETOES

    used = set()
    for module in ("rules_direct", "rules_reported", "rules_fragments", "rules_scored"):
        source = (ROOT / "src" / "articlekit" / "enrich" / "quotes" / f"{module}.py").read_text(encoding="utf-8")
        used |= set(re.findall(r'Veto\("(\w+)"', source))
    assert used == set(VETOES)
    guide = (ROOT / "docs" / "quotes.md").read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in guide for name in VETOES)


def test_a_rule_that_fails_is_an_error_naming_it_and_where() -> None:
    def broken(finder: object, anchor: object) -> None:
        raise KeyError("oops")

    rules = quote_rules().copy()
    rules.add(Rule("broken", "after", broken), before="dash_after")
    with pytest.raises(PluginError, match=r"quote rule 'broken' failed on paragraph 1, characters 0-6: KeyError"):
        find_quotes(_article("No quote here.", '"Yes," she said.'), rules)


def test_the_cli_explains_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = (SEEDS / "000_fceb5e4b891116b7.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))
    status = cli.main(["quotes", "-", "--from", "text", "--explain", "--width", "120"])
    out = capsys.readouterr().out
    assert status == 0
    assert "q13  reported_speech.trailing" in out


def test_scan_cues_is_the_patterns_own_scan():
    """``scan_cues`` (the runs of a paragraph looked up at once, ``_CUE`` matched only where a
    cue word stands) finds exactly what ``_CUE.finditer`` finds, wherever a cue word stands
    inside another word, after an apostrophe or a hyphen, in capitals or before ``to``; and the
    cue words it looks up (``cue_words``: the text as ASCII bytes split where any other
    character stands) hold every cue word among ``_RUN``'s runs (exactly those in ASCII text),
    next to curly marks, dashes, no-break spaces, accents, underscores, control characters and
    a lone surrogate; and the runs themselves are read when a cue word is not ASCII."""
    from articlekit.enrich.quotes.tokens import _CUE, _CUE_RUNS, _RUN, cue_words, scan_cues

    texts = [
        "",
        "said",
        "Lee said, according  to aides, that Kim's re-said plan was 'said' -- saying nothing; "
        "Accordingly, she says: according to\nReuters, he told them. Telling, said-so, unsaid, says. "
        "Zoë_said said2 ‘saying’ say’s sayings, Ⅻsaid told.",
        "Saying so, he SAID it; “said” (said) said.said said’ ’said According to According-to according",
        "essay says sayssays toldtold told told—said said…said",
        "“said” ‘told’ —says— said\u00a0told said\u2003claimed é-said said_ _said ÉSAID Said",
        "Kim’s said’ ’said told\x00said\x1fsays\x7fclaimed said\ud800told \ud800said",
        "said… “According to” according—to Ⅻsaid said2 told\ttold\nsaid\rsays",
    ]
    for text in texts:
        for start in range(len(text) + 1):
            part = text[start:]
            assert [m.span() for m in scan_cues(part)] == [m.span() for m in _CUE.finditer(part)], repr(part)
            runs = _CUE_RUNS.intersection(_RUN.findall(part))
            assert cue_words(part) >= runs, repr(part)
            assert cue_words(part) == runs or not part.isascii(), repr(part)
    from articlekit.enrich.quotes import tokens

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "_CUES_ARE_ASCII", False)
        for text in texts:
            assert cue_words(text) == _CUE_RUNS.intersection(_RUN.findall(text))
            assert [m.span() for m in scan_cues(text)] == [m.span() for m in _CUE.finditer(text)]


def test_cues_in_a_window_are_the_windows_own_scan():
    """The finder reads a window's speech cues off one scan of the paragraph: the same cues,
    in the same order, as scanning the window alone, wherever the window starts and ends
    (inside a word, between ``according`` and ``to``, after an apostrophe)."""
    from articlekit.enrich.quotes.finder import Finder
    from articlekit.enrich.quotes.tokens import _CUE

    text = (
        "Lee said, according  to aides, that Kim's re-said plan was 'said' -- saying nothing; "
        "Accordingly, she says: according to\nReuters, he told them. Telling, said-so, unsaid, says. "
        "Zoë_said said2 ‘saying’ say’s sayings, Ⅻsaid told."
    )
    finder = Finder({0: text}, [0], {})
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            want = [m.span() for m in _CUE.finditer(text, lo, hi)]
            assert [m.span() for m in finder.cues_in(0, lo, hi)] == want, (lo, hi)


def test_the_attribution_tail_phrases_open_with_a_letter() -> None:
    """``_skip_tail`` stops at a character that is not a letter without trying its phrases
    (when, channel, venue, prepositional phrase), which all open with one while the word lists
    of dates do (the shipped ones do; a list that does not turns the shortcut off)."""
    from articlekit.enrich.quotes.context import _TAIL_OPENS_WITH_A_LETTER, _skip_tail

    assert _TAIL_OPENS_WITH_A_LETTER
    text = "he said on Monday, in a statement at a rally in Ohio, that taxes would rise"
    assert text[_skip_tail(text, 8, len(text), "say") :].startswith(", that")
    assert _skip_tail('he said. "No"', 7, 13, "say") == 7


def test_the_token_pattern_reads_as_its_plain_form() -> None:
    """``_TOKEN`` tries a plain word first (no apostrophe or dot after it): the tokens are the
    same as the plain pattern's, in every window of crafted text."""
    from articlekit.enrich.quotes.tokens import _TOKEN

    plain = re.compile(r"\w[\w&-]*(?:(?:[’'](?=\w)|(?<=s)[’'](?=\s)|\.(?=\w))[\w&-]*)*\.?|[^\w\s]")
    text = (
        "The players' union said U.S. Sen. Ann O'Neil, A&M's co-chair, told rock'n'roll fans: "
        "e.g. J.R. Smith’s ’90s hits... “Yes.” Jones' s’ a.b.c. x-ray-. 3.5% of U.S.-based e-mail."
    )
    for lo in range(0, len(text), 3):
        for hi in range(lo, len(text) + 1):
            assert [m.span() for m in _TOKEN.finditer(text, lo, hi)] == [
                m.span() for m in plain.finditer(text, lo, hi)
            ], (lo, hi)


def test_clause_break_candidates_read_as_their_plain_form() -> None:
    """``_BREAK_CANDIDATE`` branches once after a white-space character: it finds the same
    places as its plain form, in every window of crafted text."""
    from articlekit.enrich.quotes.clauses import _BREAK_CANDIDATE

    plain = re.compile(r",|;\s|\s[—–―]\s|\s--\s|\s+and\s|\s+but\s")
    text = "a, b; c — d -- e  and f\tbut g ―\nh;i,  and but  -- and\n\nbut ,; – x  — y and"
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            assert [m.span() for m in _BREAK_CANDIDATE.finditer(text, lo, hi)] == [
                m.span() for m in plain.finditer(text, lo, hi)
            ], (lo, hi)


def test_a_quoted_fragment_read_alone_is_its_own_match() -> None:
    """The fragments pass judges each quoted fragment by its match (``_speechy_match``): the
    same answer as reading its span again (``_speechy_quote``)."""
    from articlekit.enrich.quotes.marks import _QUOTED, _speechy_match, _speechy_quote

    text = (
        'He called it "a disaster" and "The Long Road Home", "Face the Nation," “Big Plans” and '
        "''the worst deal ever'' then \"\" and “one two three four five six seven” or \"x\" 'y' \"A"
    )
    matches = list(_QUOTED.finditer(text))
    assert len(matches) >= 6
    for m in matches:
        assert _speechy_match(m) == _speechy_quote(text, m.start(), m.end()), m.group()


def test_the_pronoun_before_a_verb_reads_as_its_plain_form() -> None:
    """``_PRONOUN_BEFORE`` opens each pronoun with its first letter and looks behind it: the
    same pronoun as its plain form, for every window ending at every position of crafted text."""
    from articlekit.enrich.quotes.mention import _PRONOUN_BEFORE

    plain = re.compile(
        r"(?:^|(?<=[\s,(“\"]))(he|she|they|it|we|He|She|They|It|We|I)\s+"
        r"(?:(?:also|later|then|again|has|have|had|will|would|once|first|still|just|already|previously|[a-z]+ly)\s+)*$"
    )
    text = 'It she also  They,he has (we quickly "I  then “she xhe theyx It\nwe It I she '
    for end in range(len(text) + 1):
        for lo in range(end + 1):
            want = plain.search(text, lo, end)
            got = _PRONOUN_BEFORE.search(text, lo, end)
            assert (got and got.span(1)) == (want and want.span(1)), (lo, end)


def test_the_cue_scans_fall_back_when_a_cue_word_is_not_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast cue scans rely on every cue word being one run of word characters; a word list
    that breaks it (``pointed out``) makes them scan with ``_CUE`` itself, and the shipped lists
    keep it."""
    from articlekit.enrich.quotes import finder, tokens

    assert tokens._CUES_ARE_RUNS
    text = "Lee said, according to aides, that Kim's re-said plan was 'said' -- saying nothing."
    monkeypatch.setattr(tokens, "_CUES_ARE_RUNS", False)
    monkeypatch.setattr(finder, "_CUES_ARE_RUNS", False)
    want = [m.span() for m in tokens._CUE.finditer(text)]
    assert [m.span() for m in tokens.scan_cues(text)] == want
    assert [m.span() for m in finder.Finder({0: text}, [0], {}).cues_in(0, 0, 30)] == [
        m.span() for m in tokens._CUE.finditer(text, 0, 30)
    ]


def test_quotes_built_directly_equal_the_models_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """The enricher sets the fields of its quotes, spans, cues and speakers directly (the
    model's frozen ``__init__`` costs about five times as much): the same objects as the
    constructors build, with and without a cue, a speaker, a context and several spans; a kind
    or a span the model refuses still raises the model's own error; and a model class whose
    fields change is built by its constructor again."""
    import attrs

    from articlekit.enrich import quotes
    from articlekit.enrich.quotes.rules import Candidate
    from articlekit.model import Cue, Quote, QuoteContext, Span, Speaker, When

    assert quotes._DIRECT
    texts = {0: "Lee said the plan would work on Monday.", 2: '"It will," she said.'}
    drafts = [
        Candidate("indirect", [(0, 9, 38)], (0, 4, 8), (0, 0, 3)),
        Candidate("direct", [(2, 1, 9)], None, None),
        Candidate("mixed", [(0, 0, 3), (2, 1, 9)], (2, 15, 19), (2, 11, 14), venue="a rally", when="Monday"),
    ]

    def built(qid: str, draft: Candidate) -> Quote:
        def span(piece: tuple[int, int, int]) -> Span:
            return Span(*piece)

        words = quotes._join(draft.pieces, texts)
        cue = Cue(texts[draft.cue[0]][draft.cue[1] : draft.cue[2]], span(draft.cue)) if draft.cue else None
        speaker = (
            Speaker(texts[draft.speaker[0]][draft.speaker[1] : draft.speaker[2]], None, span(draft.speaker))
            if draft.speaker
            else None
        )
        context = QuoteContext(venue=draft.venue, channel=draft.channel, when=When(draft.when) if draft.when else None)
        spans = tuple(span(p) for p in draft.pieces)
        return Quote(id=qid, kind=draft.kind, text=words, spans=spans, cue=cue, speaker=speaker, context=context)  # type: ignore[arg-type]

    for n, draft in enumerate(drafts):
        fast = quotes._quote(f"q{n}", draft, texts)
        assert fast == built(f"q{n}", draft)
        assert attrs.asdict(fast) == attrs.asdict(built(f"q{n}", draft))
        assert hash(fast) == hash(built(f"q{n}", draft))
    with pytest.raises(ValueError, match="'kind' must be in"):
        quotes._quote("q9", Candidate("shouted", [(0, 0, 3)], None, None), texts)
    with pytest.raises(ValueError, match="span end 2 is before its start 5"):
        quotes._span(0, 5, 2)
    with pytest.raises(ValueError, match="block must be >= 0"):
        quotes._span(-1, 0, 2)
    monkeypatch.setattr(quotes, "_DIRECT", False)
    assert quotes._quote("q0", drafts[2], texts) == built("q0", drafts[2])
    assert not quotes._fields_only(Quote, ("id", "kind", "text"), ("kind",))


def test_two_double_marks_counts_as_the_pattern_finds() -> None:
    """``_two_double_marks`` counts the marks with ``str.count``: the same answer as two searches
    of ``_DOUBLE_MARK`` (two apostrophes one mark, three one, four two; a mark cut by the
    window's end not counted), on every window of crafted strings."""
    from articlekit.enrich.quotes.marks import _DOUBLE_MARK, _two_double_marks

    def searched(text: str, start: int, end: int) -> bool:
        first = _DOUBLE_MARK.search(text, start, end)
        return first is not None and _DOUBLE_MARK.search(text, first.end(), end) is not None

    for text in ["", 'a"b', "''", "'''", "''''", "“x”", "'\"'", "„a‟ ‘b’", "x'' y'", '"\'"', "a ''b'' c \"d"]:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 2):
                assert _two_double_marks(text, start, end) == searched(text, start, end), (text, start, end)


def test_single_openers_are_the_plain_patterns() -> None:
    """``_SINGLE_OPENER`` (the mark first, the character before it checked by a look-behind)
    finds as many single marks opening a quote as the plain pattern it replaces, at the text's
    start, after white space, a parenthesis or a dash, and not after a letter or a mark."""
    import re

    from articlekit.enrich.quotes.marks import _SINGLE_OPENER

    plain = re.compile(r"(?:^|[\s(—–])[‘'](?=\w)")
    for text in ["'a", "‘a", "a'b", " 'a", "(‘a", "—'a", "–‘a", "''a", "‘'a", "\n'a ‘b' (c) 'd", "x 'a' ‘b’ don't"]:
        for start in range(len(text) + 1):
            part = text[start:]
            assert len(_SINGLE_OPENER.findall(part)) == len(plain.findall(part)), part


def test_holds_word_is_the_bounded_search() -> None:
    r"""``_holds_word`` (``str.find`` and the characters around each hit) answers as a search
    for ``\bword\b`` does, for words opening or ending with other characters than letters,
    next to digits, underscores, accents, combining marks and the text's edges."""
    import re

    from articlekit.enrich.quotes.finder import _holds_word

    texts = ["", "party", "the party's", "third-party", "party_line", "Ⅻparty", "partyé", "party\u0301", "a 'b' c-"]
    texts.append("x.y.")
    words = ["party", "'b'", "b", "c-", "-", ".", "y.", "x.y.", "'"]
    for text in texts:
        for word in words:
            assert _holds_word(text, word) == bool(re.search(r"\b" + re.escape(word) + r"\b", text)), (text, word)


def test_clause_openers_are_the_plain_patterns() -> None:
    """``_CLAUSE_OPENER`` (each word's first letter first, a look-behind for the word boundary)
    finds the same openers, at the same places, as the plain pattern with ``\\b`` before the
    words: inside longer words, at the text's start, after digits, underscores and accents."""
    import re

    from articlekit.enrich.quotes.clauses import _CLAUSE_OPENER

    plain = re.compile(
        r"(?:[,;]|\b(?:that|which|who|and|but|when|as|while|because|after|before|where|whom|what))\s+(?=[A-Za-z])"
    )
    text = (
        "that was it, and whom they met; but what, as Lee said, because whoever wanted "
        "_and x 1as y éwho z sand a beforehand b after  C when\tD while\nE which. Where what  1"
    )
    for start in range(len(text) + 1):
        part = text[start:]
        assert [m.span() for m in _CLAUSE_OPENER.finditer(part)] == [m.span() for m in plain.finditer(part)], part


def test_tail_openers_hold_every_phrase_skip_tail_reads() -> None:
    """Where the text opens with none of ``_TAIL_OPENERS``, none of the four phrases
    ``_skip_tail`` tries (``_WHEN``, ``_CHANNEL``, ``_VENUE``, ``_PP``) matches: at every position
    of crafted text, and before every entry of the quote finder's word lists (as written,
    capitalised and in lower case) and every word the patterns spell, followed by the words those
    phrases read."""
    from articlekit.enrich.quotes.context import _CHANNEL, _PP, _TAIL_OPENERS, _VENUE, _WHEN
    from articlekit.enrich.quotes.words import word_sequence

    lexicons = Path(__file__).parent.parent / "src" / "articlekit" / "enrich" / "quotes" / "lexicons"
    entries = {e for path in lexicons.glob("*.txt") for e in word_sequence(path.stem)}
    # and every word written in the four patterns themselves, so that a word added to one is tried
    entries |= {w for p in (_WHEN, _CHANNEL, _VENUE, _PP) for w in re.findall(r"[A-Za-z]{2,}", p.pattern)}
    tails = [" Monday morning, 5, 2020", " 12, 2020 at", " the rally in Ohio, that", " a statement on X", " TV"]
    texts = [
        "said on Monday, last week in a statement on Facebook to reporters at a news conference in Des Moines, "
        "Iowa, during the debate ahead of the vote, near the end of Aug. 5, 2020, todays Mondays yesterdayX "
        "earlier today on the same day in mid-March, via email; through a spokesman, from Paris over dinner. "
        "On Tuesday At the rally Via TV In early June, tonight, next month, late last year, about the plan."
    ]
    texts += [
        word + tail
        for word in sorted(entries | {e.lower() for e in entries} | {e.capitalize() for e in entries})
        for tail in tails
    ]
    for text in texts:
        for q in range(len(text)):
            if not text.startswith(_TAIL_OPENERS, q):
                for pattern in (_WHEN, _CHANNEL, _VENUE, _PP):
                    m = pattern.match(text, q)
                    assert m is None or m.end() == q, (pattern.pattern[:40], text[q : q + 40])


def test_quoted_fragments_are_the_plain_patterns() -> None:
    """``_QUOTED`` (each alternative opening with its own mark) finds the same fragments, with
    the same words, as the plain pattern with one class for both opening marks, in every window
    of crafted text: straight and curly marks mixed, two apostrophes, a mark left open, a
    fragment longer than the pattern reads."""
    import re

    from articlekit.enrich.quotes.marks import _QUOTED

    plain = re.compile(r"[\"“]([^\"“”]{1,400})[\"”]|''(.{1,400}?)''")
    long = "x" * 401
    texts = [
        'He said "a b" and “c d” then \'\'e f\'\' and "g” or “h" ""  “” "open',
        f"\"{long}\" “{long[:400]}” ''{long}'' ok",
        "''a'' ''b '' \"\" \"''x''\" “'' y ''” \"a “b” c\"",
    ]
    for text in texts:
        for start in range(len(text) + 1):
            for end in (start + 1, start + 7, start + 30, len(text)):
                got = [(m.span(), m.group(1) or m.group(2) or m.group(3)) for m in _QUOTED.finditer(text, start, end)]
                want = [(m.span(), m.group(1) or m.group(2)) for m in plain.finditer(text, start, end)]
                assert got == want, (text[start:end],)


def test_a_compiled_rules_description_is_read_from_its_source_file(tmp_path: Path) -> None:
    # the compiled build keeps no docstrings: Rule.of reads the one in the source file beside it
    from articlekit.enrich.quotes.rules import _source_docstrings

    source = tmp_path / "mine.py"
    source.write_text(
        'def found(finder, anchor):\n    """``X said``: the words before.\n\n    More."""\n\n\n'
        "def bare(finder, anchor):\n    return None\n",
        encoding="utf-8",
    )
    assert _source_docstrings(str(source)) == {"found": "``X said``: the words before.\n\n    More."}
    assert _source_docstrings(str(tmp_path / "missing.py")) == {}
