"""The ``quotes`` enricher: direct, indirect and mixed quotes with their cue, speaker mention
and context (venue, channel, when), found by transparent rules over the article's body.

It runs on articles in English and on articles whose language is unknown. Quotes a parser
already put in the article are kept as they are; the enricher adds the others around them.

How it works, in two passes over the body's paragraphs and block quotes:

1. **Direct quotes.** Quote marks are paired per paragraph (straight or curly double quotes,
   ``''``, or single quotes where the article uses them as its primary marks). A paragraph
   that opens a quote and does not close it continues into the next paragraph when that one
   reopens the quote in the same style. Each quoted unit is then attributed: after it
   (``"...," X said``, ``"...," said X``, ``"..." -- X``), before it (``X said: "..."``,
   ``X:``, ``According to X, "..."``, ``..., saying, "..."``), from the previous paragraph
   (``He said:``), or by continuation (a paragraph that is only a quote, after a paragraph
   quoting someone). A quote split by its attribution (``"...," he said, "..."``) becomes one
   quote with several spans. Quoted words inside the writer's own sentence, attributed after
   it, make a ``mixed`` quote of that sentence. Quoted words with no attribution (scare quotes,
   titles, nicknames, terms) are not quotes.
2. **Reported speech.** Each sentence is searched for a speech verb (any tense, also ``is
   saying`` and ``has said``) with a speaker before it (``X said (that) ...``, ``..., X said
   Thursday.``, ``A, X said, B``), an inverted one (``..., said X.``), a shared subject
   (``... and said``, ``X, who says``), ``according to X`` and ``As X noted, ...``; and for a
   characterising verb with the speaker's own words (``called the plan "a disaster"``). The
   content runs to the sentence's end or to someone else's clause, and becomes an
   ``indirect`` quote, or ``mixed`` when it holds quoted words.

3. **Quoted words left over**, under a verb of a subject that can speak, make ``mixed``
   quotes of that subject's.

The package: ``tokens`` (tokens, sentences, speech cues), ``marks`` (quote-mark pairing),
``mention`` (the speaker-mention grammar and a mention's parts), ``context`` (venue, channel,
when), ``clauses`` (clause-level grammar the rules share), ``rules`` (candidates, vetoes,
anchors and the ordered ``RuleSet``), ``rules_direct``, ``rules_reported`` and
``rules_fragments`` (the built-in rules, small named functions), ``vetoes`` (what each named
veto means), ``finder`` (the passes that visit the anchors and run the rules), ``words`` and
``lexicons/`` (the finder's own word lists, one entry a line). ``quote_rules()`` gives the rules
the enricher runs, which plugins extend through the ``articlekit_quote_rules`` hook, and
``explain_quotes`` says which rule found each quote and which veto rejected what.

Every rule is general English news usage (word lists in
``articlekit.enrich.lexicon`` and ``lexicons/``);
``docs/quotes.md`` lists the rules by name and their limits.

Speaker mentions are left unresolved (``source=None``); the ``sources`` enricher resolves
them, and the ``dates`` enricher resolves the context's ``when``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs
from attrs import frozen

from articlekit.enrich.quotes.finder import DEFAULT_RULES, Dropped, Finder
from articlekit.enrich.quotes.mention import Mention, read_speaker
from articlekit.enrich.quotes.rules import After, Before, Candidate, CueAt, Quoted, Rule, RuleSet, Veto
from articlekit.enrich.quotes.rules_headline import case_blind, headline_colon
from articlekit.enrich.quotes.tokens import _WORD, sentences
from articlekit.hookspecs import hookimpl
from articlekit.model import (
    QUOTE_KINDS,
    Article,
    BlockQuote,
    Cue,
    ListBlock,
    Paragraph,
    Quote,
    QuoteContext,
    Span,
    Speaker,
    When,
)
from articlekit.options import OptionSpec
from articlekit.registry import EnricherSpec, Options

__all__ = [
    "After",
    "Before",
    "Candidate",
    "CueAt",
    "Dropped",
    "Explanation",
    "Mention",
    "Quoted",
    "Rule",
    "RuleSet",
    "Veto",
    "applies_to",
    "explain_quotes",
    "extract_quotes",
    "find_quotes",
    "quote_rules",
    "read_speaker",
    "sentences",
]


def applies_to(article: Article) -> bool:
    """Whether the rules apply: the article is in English, or its language is unknown."""
    language = (article.language or "en").lower()
    return language == "en" or language.startswith("en-") or language in ("und", "eng")


def _text_blocks(article: Article) -> list[int]:
    return [i for i, block in enumerate(article.body) if isinstance(block, (Paragraph, BlockQuote))]


def _bullet_lines(article: Article, texts: dict[int, str]) -> dict[int, int]:
    """The one-item lists right after a paragraph, by that paragraph: a line ``- Ann Lee.``
    under a quote, which the text parser reads as a list, is the quote's attribution
    (``dash_next_paragraph``); no other rule reads them."""
    body = article.body
    return {
        i - 1: i
        for i, block in enumerate(body)
        if i and isinstance(block, ListBlock) and len(block.items) == 1 and i - 1 in texts
    }


def quote_rules() -> RuleSet:
    """The rules the ``quotes`` enricher runs: the built-in ones, then every plugin's
    (``articlekit_quote_rules``), in registration order. Built once per plugin registry."""
    global _cached_rules
    from articlekit.errors import PluginError
    from articlekit.plugins import get_plugin_manager, get_registry

    registry = get_registry()
    if _cached_rules is not None and _cached_rules[0] is registry:
        return _cached_rules[1]
    rules = RuleSet()
    for impl in get_plugin_manager().hook.articlekit_quote_rules.get_hookimpls():
        try:
            given: Any = impl.function()
            for rule in given or ():
                rules.add(rule)
        except Exception as exc:
            raise PluginError(f"plugin {impl.plugin_name!r} failed in articlekit_quote_rules: {exc}") from exc
    _cached_rules = (registry, rules)
    return rules


_cached_rules: tuple[object, RuleSet] | None = None


@hookimpl
def articlekit_quote_rules() -> Sequence[Rule]:
    """The built-in rules."""
    return list(DEFAULT_RULES)


@frozen
class Explanation:
    """Why the rules found what they found in an article: the rule that made each quote (by
    quote id, as ``find_quotes`` numbers them) and every veto, in the order the finder met
    them."""

    rules: dict[str, str]
    vetoes: tuple[Dropped, ...]


def find_quotes(article: Article, rules: RuleSet | None = None, *, headline: bool = False) -> list[Quote]:
    """The quotes the rules find in ``article``'s body, numbered after the ones it already has
    and never overlapping them. Speakers are not resolved to sources. ``rules``: the rules to
    run (by default ``quote_rules()``); ``headline=True`` adds the quotes of the headline and
    then the subheadline (as the enricher does), numbered after the body's, with no spans."""
    return [quote for quote, _ in _run(article, rules, None, headline)]


def explain_quotes(article: Article, rules: RuleSet | None = None, *, headline: bool = True) -> Explanation:
    """What ``find_quotes(article, rules, headline=headline)`` finds, explained: which rule made
    each quote and which veto dropped each rejected candidate in the body (the headline's
    vetoes are not listed). Give it the article as the enricher receives it
    (``articlekit.parse(..., enrich=False)``): the quote ids then match the enriched article's
    (``headline``: as the enricher's ``quotes_headline`` option, on by default)."""
    trace: list[Dropped] = []
    made = _run(article, rules, trace, headline)
    return Explanation({quote.id: candidate.rule for quote, candidate in made}, tuple(trace))


def _run(
    article: Article,
    rules: RuleSet | None,
    trace: list[Dropped] | None,
    headline: bool = False,
    deck: list[str] | None = None,
) -> list[tuple[Quote, Candidate]]:
    """The quotes found, each with the candidate that made it; the ids of the subheadline's
    quotes are added to ``deck`` when it is given."""
    order = _text_blocks(article)
    texts = {i: article.body[i].text for i in order}
    bullets = _bullet_lines(article, texts)
    texts.update((i, article.body[i].text) for i in bullets.values())
    taken: dict[int, list[tuple[int, int]]] = {}
    for quote in article.quotes:
        for span in quote.spans:
            taken.setdefault(span.block, []).append((span.start, span.end))
        if quote.cue is not None and quote.cue.span is not None:
            taken.setdefault(quote.cue.span.block, []).append((quote.cue.span.start, quote.cue.span.end))
    used = {q.id for q in article.quotes}
    made: list[tuple[Quote, Candidate]] = []
    number = 0
    for draft in _drafts(texts, order, taken, rules, trace, bullets):
        number += 1
        while f"q{number}" in used:
            number += 1
        made.append((_quote(f"q{number}", draft, texts), draft))
    # the headline, then the subheadline (a deck in headline grammar: 'Investment, official
    # says, helped ...'), each read as a paragraph of its own
    for row, line in enumerate((article.headline, article.subheadline or "") if headline else ()):
        drafts = _headline_drafts(line, rules) if line.strip() else []
        if not drafts:
            continue
        # (the body's words are counted only for a headline with a quote: one article in six)
        body_words = [_words(q.text) for q in (*article.quotes, *(q for q, _ in made))]
        for draft in drafts:
            if _repeats(_words(_join(draft.pieces, {0: line})), body_words):
                continue  # the headline restates a quote of the body, which says who and where
            number += 1
            while f"q{number}" in used:
                number += 1
            made.append((_headline_quote(f"q{number}", draft, line), draft))
            if row == 1 and deck is not None:
                deck.append(f"q{number}")
    return made


def _words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def _repeats(words: Counter[str], quotes: Sequence[Counter[str]]) -> bool:
    """Whether the words of a headline quote are, four in five at least, one of ``quotes``'."""
    total = sum(words.values())
    return total > 0 and any(sum((words & other).values()) * 5 >= total * 4 for other in quotes)


def _headline_drafts(headline: str, rules: RuleSet | None) -> list[Candidate]:
    """The quotes found in the headline: its colon form (``Speaker: claim``, the whole claim
    after the colon), else what the rules find in it read as a paragraph of its own (block 0
    of a finder of its own, its speech verbs read case-blind: ``Jones Says ...``)."""
    colon = headline_colon(headline)
    if colon is not None:
        return [colon]
    return _drafts({0: case_blind(headline)}, [0], {}, rules, None)


def _drafts(
    texts: dict[int, str],
    order: list[int],
    taken: dict[int, list[tuple[int, int]]],
    rules: RuleSet | None,
    trace: list[Dropped] | None,
    bullets: dict[int, int] | None = None,
) -> list[Candidate]:
    """What the rules (the built-in set without ``rules``) find in ``texts``: direct quotes,
    then reported speech, then quoted fragments, in the order of their first piece
    (``bullets``: the one-item list under a paragraph, by the paragraph)."""
    finder = Finder(texts, order, taken, rules if rules is not None else quote_rules(), trace)
    finder.bullet_below = bullets or {}
    finder.direct()
    finder.reported()
    finder.reported_goes_on()
    finder.fragments()
    return sorted(finder.drafts, key=lambda d: d.pieces[0])


def _headline_quote(qid: str, draft: Candidate, headline: str) -> Quote:
    """A quote found in the headline: no spans (spans point into the body), its cue and
    speaker with their words and no span; ``extensions["quotes"]["headline"]`` lists it."""
    words = _join(draft.pieces, {0: headline})
    cue = Cue(headline[draft.cue[1] : draft.cue[2]]) if draft.cue is not None else None
    speaker = None
    if draft.speaker is not None:
        speaker = Speaker(headline[draft.speaker[1] : draft.speaker[2]], None)
    when = When(draft.when) if draft.when else None
    context = QuoteContext(venue=draft.venue, channel=draft.channel, when=when)
    return Quote(id=qid, kind=draft.kind, text=words, cue=cue, speaker=speaker, context=context)  # type: ignore[arg-type]


_SENTENCE_SHUT = re.compile(r"[.!?…][\"“”'’)\]\s]*$")
_PART_END = re.compile(r"[.!?…:;,][\"“”'’)\]]*$")


def _join(pieces: Sequence[tuple[int, int, int]], texts: dict[int, str]) -> str:
    """The words of a quote's spans, joined by a space, or by ``". "`` where the writer closed
    the speaker's sentence between two parts (``"... the almighty dollar," says Lee. "It's
    ..."``): the first part ends without a stop (its comma dropped), the attribution between
    them ends one, and the next part opens a sentence."""
    words = texts[pieces[0][0]][pieces[0][1] : pieces[0][2]]
    if len(pieces) == 1:
        return words  # (most quotes: one span)
    for (b0, _, e0), (b1, s1, e1) in itertools.pairwise(pieces):
        part = texts[b1][s1:e1]
        between = texts[b0][e0:] + " " + texts[b1][:s1] if b0 != b1 else texts[b0][e0:s1]
        between = between.strip(" \t\"“”'‘’")
        if not _PART_END.search(words) and part[:1].isupper() and between and _SENTENCE_SHUT.search(between):
            words += ". " + part
        else:
            words += " " + part
    return words


_NO_CONTEXT = QuoteContext()

_new = object.__new__
_set = object.__setattr__


def _fields_only(cls: type, names: tuple[str, ...], validated: tuple[str, ...]) -> bool:
    """Whether the attrs class ``cls`` is built by setting exactly the fields ``names``, in
    order, with no converter, no hook around ``__init__`` and a validator on the fields
    ``validated`` only (whose checks ``_span`` and ``_quote`` make themselves): what lets
    them set the fields directly."""
    fields = attrs.fields(cls)
    return (
        tuple(f.name for f in fields) == names
        and all(f.converter is None and (f.validator is not None) == (f.name in validated) for f in fields)
        and not any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__", "__attrs_init__"))
    )


_DIRECT = (
    _fields_only(Span, ("block", "start", "end"), ("end",))  # one validator checks all three
    and _fields_only(Cue, ("text", "span"), ())
    and _fields_only(Speaker, ("mention", "source", "span"), ())
    and _fields_only(Quote, ("id", "kind", "text", "spans", "cue", "speaker", "context"), ("kind",))
)
"""Whether the quotes are built by setting their fields directly: the model's ``__init__``
(frozen attrs classes) sets each field through ``object.__setattr__`` and runs its validators,
about five times the cost of the same result for the dozen quotes of an article. The checks
the validators make (a span's positions not negative and in order, a known kind) are made
here; anything else falls back to the constructors, whose errors are the model's own."""


def _span(b: int, s: int, e: int) -> Span:
    """``Span(b, s, e)``."""
    if not (_DIRECT and type(b) is int and type(s) is int and type(e) is int and b >= 0 and 0 <= s <= e):
        return Span(b, s, e)
    span = _new(Span)
    _set(span, "block", b)
    _set(span, "start", s)
    _set(span, "end", e)
    return span


def _speaker(mention: str, source: str | None, span: Span | None) -> Speaker:
    """``Speaker(mention, source, span)``."""
    if not _DIRECT:
        return Speaker(mention, source, span)
    speaker = _new(Speaker)
    _set(speaker, "mention", mention)
    _set(speaker, "source", source)
    _set(speaker, "span", span)
    return speaker


def _new_quote(
    qid: str,
    kind: str,
    text: str,
    spans: tuple[Span, ...],
    cue: Cue | None,
    speaker: Speaker | None,
    context: QuoteContext,
) -> Quote:
    """``Quote(id=qid, kind=kind, ...)``: an unknown kind goes to the constructor, whose
    validator names it."""
    if not _DIRECT or kind not in QUOTE_KINDS:
        return Quote(id=qid, kind=kind, text=text, spans=spans, cue=cue, speaker=speaker, context=context)  # type: ignore[arg-type]
    quote = _new(Quote)
    _set(quote, "id", qid)
    _set(quote, "kind", kind)
    _set(quote, "text", text)
    _set(quote, "spans", spans)
    _set(quote, "cue", cue)
    _set(quote, "speaker", speaker)
    _set(quote, "context", context)
    return quote


def _quote(qid: str, draft: Candidate, texts: dict[int, str]) -> Quote:
    spans = tuple([_span(b, s, e) for b, s, e in draft.pieces])
    words = _join(draft.pieces, texts)
    cue = None
    if draft.cue is not None:
        b, s, e = draft.cue
        if _DIRECT:
            cue = _new(Cue)
            _set(cue, "text", texts[b][s:e])
            _set(cue, "span", _span(b, s, e))
        else:
            cue = Cue(texts[b][s:e], Span(b, s, e))
    speaker = None
    if draft.speaker is not None:
        b, s, e = draft.speaker
        speaker = _speaker(texts[b][s:e], None, _span(b, s, e))
    when = When(draft.when) if draft.when else None
    if draft.venue is None and draft.channel is None and when is None:
        context = _NO_CONTEXT  # (most quotes: one frozen instance, as the model's default is)
    else:
        context = QuoteContext(venue=draft.venue, channel=draft.channel, when=when)
    return _new_quote(qid, draft.kind, words, spans, cue, speaker, context)


def _resolved_quote(quote: Quote, speaker: Speaker, source: str) -> Quote:
    """``quote`` with its speaker (``speaker``, ``quote.speaker``) resolved to the source
    ``source``, built as ``_quote`` builds a quote (the ``sources`` enricher rebuilds every
    quote it resolves)."""
    named = _speaker(speaker.mention, source, speaker.span)
    return _new_quote(quote.id, quote.kind, quote.text, quote.spans, quote.cue, named, quote.context)


def _sort_key(quote: Quote) -> tuple[int, int]:
    if quote.spans:
        return quote.spans[0].block, quote.spans[0].start
    return (1 << 30, 0)


QUOTES = OptionSpec("quotes", bool, True, "find the quotes (false: leave the article's quotes as they are)")
HEADLINE = OptionSpec(
    "quotes_headline",
    bool,
    True,
    "also read the headline and the subheadline (false: the body only); their quotes have no spans"
    " and are listed in extensions['quotes']['headline'] (the subheadline's also in ['subheadline'])",
)


def extract_quotes(article: Article, options: Options) -> Article:
    """The enricher: ``article`` with the quotes the rules find added to the ones it has.

    The option ``quotes=False`` turns it off, ``quotes_headline=False`` leaves the headline
    and the subheadline unread (an article with a headline and no body then gets nothing).
    """
    if not QUOTES.value(options):
        return article
    headline = HEADLINE.value(options) and bool(article.headline.strip() or (article.subheadline or "").strip())
    if not applies_to(article) or not (article.body or headline):
        return article
    deck: list[str] = []
    found = [quote for quote, _ in _run(article, None, None, headline, deck)]
    if not found:
        return article
    quotes = tuple(sorted((*article.quotes, *found), key=_sort_key))
    in_headline = [quote.id for quote in found if not quote.spans]
    if not in_headline:
        return attrs.evolve(article, quotes=quotes)
    earlier = article.extensions.get("quotes")
    earlier = earlier if isinstance(earlier, dict) else {}  # (a plugin's value of another shape is replaced)
    # (the subheadline's ids are also in a list of their own: where each quote stands; an
    # earlier run's list goes when this run finds no quote in the subheadline)
    listed = {key: ids for key, ids in earlier.items() if key != "subheadline"}
    listed["headline"] = in_headline
    if deck:
        listed["subheadline"] = deck
    extensions = {**article.extensions, "quotes": listed}
    return attrs.evolve(article, quotes=quotes, extensions=extensions)


@hookimpl
def articlekit_enrichers() -> Sequence[EnricherSpec]:
    return [
        EnricherSpec(
            name="quotes",
            run=extract_quotes,
            order=100,
            description="direct, indirect and mixed quotes with cue, speaker mention, venue, channel and when",
            options=(QUOTES, HEADLINE),
        )
    ]
