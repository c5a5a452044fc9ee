"""The figures of a report, counted over a stream of articles in bounded memory.

[`Tally`][articlekit.report.summary.Tally] takes one article at a time and keeps only counts
and a few short examples, never the articles or their quotes, so a corpus of any size is
summarised in memory that grows with the number of distinct days, outlets, channels and
sources, each of which is capped (see ``MAX_KEYS``). [`summary`][articlekit.report.summary.summary]
gives the figures as plain data (dicts, lists, strings and integers), the same data the HTML
report draws.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from articlekit.model import Article, Source
from articlekit.tables import paragraph_of

__all__ = ["KINDS", "MAX_KEYS", "NAMING", "TOP", "Tally", "summary", "time_unit"]

TOP = 20
"""How many sources, outlets, channels and venues the report lists by name."""

MAX_KEYS = 20_000
"""Distinct keys (sources, channels, venues) counted exactly. Past this, the rarest are
dropped to make room, so counts in the long tail may be low; the top ones stay exact unless a
corpus holds more than this many distinct names that each appear more often than they do."""

QUOTES_PER_ARTICLE_CAP = 10
"""Articles with this many quotes or more share the last bar of the histogram (``10+``)."""

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
"""The quote kinds, in the order the report shows them."""

NAMING: tuple[str, ...] = ("named", "unnamed", "unattributed")
"""How a quote's speaker is identified: a named person or organisation; a group or an unnamed
source (``officials``, ``a senior official``); or no source at all."""

_EXAMPLE_CHARS = 280
_HEADLINE_CHARS = 160
_APPEARANCES = 3
_LEADING_ARTICLES = ("a ", "an ", "the ")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _channel_key(text: str) -> str:
    """``a statement`` and ``the statement`` are one channel; case does not matter."""
    key = _key(text)
    for article in _LEADING_ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            return key[len(article) :]
    return key


class _Names:
    """Counts by a normalised key, each shown by the first spelling seen; at most ``cap`` keys."""

    __slots__ = ("cap", "counts", "shown")

    def __init__(self, cap: int = MAX_KEYS) -> None:
        self.cap = cap
        self.counts: Counter[str] = Counter()
        self.shown: dict[str, str] = {}

    def add(self, key: str, shown: str, n: int = 1) -> None:
        if key not in self.counts and len(self.counts) >= self.cap:
            _prune(self.counts, self.cap, self.shown)
        self.counts[key] += n
        self.shown.setdefault(key, shown)

    def top(self, n: int) -> list[tuple[str, int]]:
        return [(self.shown[k], c) for k, c in _ranked(self.counts)[:n]]


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Highest count first; ties by key, so the order never depends on the input's order."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _prune(counts: Counter[str], cap: int, *others: dict[str, Any]) -> None:
    """Drop the rarest keys until at most half of ``cap`` are left."""
    keep = {k for k, _ in _ranked(counts)[: cap // 2]}
    for key in [k for k in counts if k not in keep]:
        del counts[key]
        for other in others:
            other.pop(key, None)


class _SourceTally:
    """One named source across the corpus: counts, and a few short examples."""

    __slots__ = ("appearances", "articles", "example", "kinds", "name", "providers", "quotes", "titles")

    def __init__(self, name: str) -> None:
        self.name = name
        self.quotes = 0
        self.articles = 0
        self.kinds: Counter[str] = Counter()
        self.titles: list[str] = []
        self.providers: Counter[str] = Counter()
        self.appearances: list[dict[str, Any]] = []
        self.example: dict[str, Any] | None = None


@attrs.frozen
class _SourceFacts:
    kind: str
    name: str
    titles: Sequence[str]


@attrs.frozen
class _QuoteFacts:
    kind: str
    text: str
    channel: str | None
    venue: str | None
    source: _SourceFacts | None
    """The source the speaker resolves to, if any."""
    paragraph: int | None


@attrs.frozen
class _ArticleFacts:
    """What the report reads of one article."""

    headline: str | None
    url: str | None
    file: str | None
    day: str | None
    """The publication day, ISO 8601, as written in the source."""
    provider: str | None
    language: str | None
    sources: int
    quotes: Sequence[_QuoteFacts]
    listed: Sequence[_SourceFacts]
    """The article's sources, in order."""

    def where(self) -> dict[str, Any]:
        return {
            "headline": _cut(self.headline or "(no headline)", _HEADLINE_CHARS),
            "url": self.url,
            "file": self.file,
            "published": self.day,
        }


class Tally:
    """The report's figures, counted one article at a time: ``add(article)``, then ``result()``.

    ``top`` is how many sources, outlets, channels and venues are listed by name; ``max_keys``
    how many distinct names of each sort are counted exactly (see ``MAX_KEYS``).
    """

    def __init__(self, top: int = TOP, *, max_keys: int = MAX_KEYS) -> None:
        self.top = top
        self.max_keys = max_keys
        self.articles = 0
        self.quotes = 0
        self.sources = 0
        self.by_date: Counter[str] = Counter()
        self.quotes_by_date: dict[str, Counter[str]] = {}
        self.providers: dict[str, dict[str, Any]] = {}
        self.languages: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter({kind: 0 for kind in KINDS})
        self.per_article: Counter[int] = Counter()
        self.channels = _Names(max_keys)
        self.venues = _Names(max_keys)
        self.naming: Counter[str] = Counter({name: 0 for name in NAMING})
        self.source_kinds: Counter[str] = Counter({k: 0 for k in ("person", "organisation", "group", "unnamed")})
        self._named: dict[str, _SourceTally] = {}

    # -- counting --------------------------------------------------------------------------

    def add(self, article: Article) -> None:
        """Count one article."""
        by_id: dict[str, Source] = {s.id: s for s in article.sources}
        quotes = []
        for quote in article.quotes:
            source: Source | None = None
            if quote.speaker is not None and quote.speaker.source is not None:
                source = by_id.get(quote.speaker.source)
            quotes.append(
                _QuoteFacts(
                    quote.kind,
                    quote.text,
                    quote.context.channel,
                    quote.context.venue,
                    _SourceFacts(source.kind, source.name, source.titles) if source is not None else None,
                    paragraph_of(article, quote),
                )
            )
        self.add_facts(
            _ArticleFacts(
                headline=article.headline,
                url=article.url,
                file=article.origin.file,
                day=article.published.date().isoformat() if article.published else None,
                provider=article.provider,
                language=article.language,
                sources=len(article.sources),
                quotes=quotes,
                listed=[_SourceFacts(s.kind, s.name, s.titles) for s in article.sources],
            )
        )

    def add_facts(self, article: _ArticleFacts) -> None:
        """Count one article given as the few facts the report reads (from an ``Article`` or
        from the rows of the Parquet tables)."""
        self.articles += 1
        self.quotes += len(article.quotes)
        self.sources += article.sources
        day = article.day
        provider = " ".join((article.provider or "").split()) or "unknown"
        if day is not None:
            self.by_date[day] += 1
        self.languages[(article.language or "unknown").split("-")[0].lower() or "unknown"] += 1
        self.per_article[min(len(article.quotes), QUOTES_PER_ARTICLE_CAP)] += 1
        outlet = self.providers.setdefault(
            provider,
            {"articles": 0, "quotes": 0, "kinds": Counter(), "naming": Counter()},
        )
        outlet["articles"] += 1
        outlet["quotes"] += len(article.quotes)
        self.source_kinds.update(s.kind for s in article.listed)
        where = article.where()
        seen: set[str] = set()
        for quote in article.quotes:
            self.kinds[quote.kind] += 1
            outlet["kinds"][quote.kind] += 1
            if day is not None:
                self.quotes_by_date.setdefault(day, Counter())[quote.kind] += 1
            if quote.channel:
                self.channels.add(_channel_key(quote.channel), quote.channel.strip())
            if quote.venue:
                self.venues.add(_channel_key(quote.venue), quote.venue.strip())
            source = quote.source
            naming = self._naming(source)
            self.naming[naming] += 1
            outlet["naming"][naming] += 1
            if source is not None and naming == "named":
                tally = self._tally(source)
                tally.quotes += 1
                tally.providers[provider] += 1
                if _key(source.name) not in seen:
                    seen.add(_key(source.name))
                    tally.articles += 1
                    if len(tally.appearances) < _APPEARANCES:
                        tally.appearances.append({**where, "paragraph": quote.paragraph})
                if tally.example is None or (tally.example["kind"] != "direct" and quote.kind == "direct"):
                    tally.example = {
                        **where,
                        "paragraph": quote.paragraph,
                        "kind": quote.kind,
                        "text": _cut(quote.text, _EXAMPLE_CHARS),
                    }
        for listed in article.listed:
            # a named source quoted by no quote of its own still counts as appearing
            if listed.kind in ("person", "organisation") and _key(listed.name) not in seen:
                seen.add(_key(listed.name))
                tally = self._tally(listed)
                tally.articles += 1
                if len(tally.appearances) < _APPEARANCES:
                    tally.appearances.append({**where, "paragraph": None})

    @staticmethod
    def _naming(source: _SourceFacts | None) -> str:
        if source is None:
            return "unattributed"
        return "named" if source.kind in ("person", "organisation") else "unnamed"

    def _tally(self, source: _SourceFacts) -> _SourceTally:
        key = _key(source.name)
        tally = self._named.get(key)
        if tally is None:
            if len(self._named) >= self.max_keys:
                self._prune_sources()
            tally = self._named[key] = _SourceTally(" ".join(source.name.split()))
        tally.kinds[source.kind] += 1
        for title in source.titles:
            shown = _cut(title, 80)
            if len(tally.titles) < 3 and _key(shown) not in {_key(t) for t in tally.titles}:
                tally.titles.append(shown)
        return tally

    def _prune_sources(self) -> None:
        weight = Counter({k: t.quotes * 2 + t.articles for k, t in self._named.items()})
        keep = {k for k, _ in _ranked(weight)[: self.max_keys // 2]}
        for key in [k for k in self._named if k not in keep]:
            del self._named[key]

    # -- the result ------------------------------------------------------------------------

    def result(self) -> dict[str, Any]:
        """The figures as plain data (see [`summary`][articlekit.report.summary.summary])."""
        ranked = sorted(self._named.items(), key=lambda item: (-item[1].quotes, -item[1].articles, item[0]))
        top = [(k, t) for k, t in ranked if t.quotes > 0][: self.top]
        top_sources = [
            {
                "name": t.name,
                "kind": t.kinds.most_common(1)[0][0],
                "titles": list(t.titles),
                "quotes": t.quotes,
                "articles": t.articles,
                "appearances": list(t.appearances),
                "example": t.example,
            }
            for _k, t in top
        ]
        providers = {
            name: {
                "articles": o["articles"],
                "quotes": o["quotes"],
                "kinds": {k: o["kinds"][k] for k in KINDS},
                "naming": {k: o["naming"][k] for k in NAMING},
            }
            for name, o in sorted(self.providers.items(), key=lambda item: (-item[1]["articles"], item[0]))
        }
        outlets = list(providers)[: self.top]
        who = {
            "sources": [t.name for _k, t in top],
            "providers": outlets,
            "quotes": [[t.providers[p] for _k, t in top] for p in outlets],
        }
        unit = time_unit(self.by_date)
        articles_over_time: Counter[str] = Counter()
        for day, n in sorted(self.by_date.items()):
            articles_over_time[_bucket(day, unit)] += n
        quotes_over_time: dict[str, Counter[str]] = {}
        for day, kinds in sorted(self.quotes_by_date.items()):
            bucket = quotes_over_time.setdefault(_bucket(day, unit), Counter({k: 0 for k in KINDS}))
            bucket.update(kinds)
        histogram = {
            (f"{n}+" if n == QUOTES_PER_ARTICLE_CAP else str(n)): self.per_article[n]
            for n in range(QUOTES_PER_ARTICLE_CAP + 1)
        }
        return {
            "articles": self.articles,
            "quotes": self.quotes,
            "sources": self.sources,
            "named_sources": sum(1 for t in self._named.values() if t.quotes or t.articles),
            "dated_articles": sum(self.by_date.values()),
            "articles_by_date": dict(sorted(self.by_date.items())),
            "articles_by_provider": {name: o["articles"] for name, o in providers.items()},
            "languages": dict(_ranked(self.languages)),
            "quote_kinds": dict(self.kinds),
            "quotes_per_article": histogram,
            "time_unit": unit,
            "articles_over_time": dict(articles_over_time),
            "quotes_over_time": {k: dict(v) for k, v in quotes_over_time.items()},
            "quotes_by_date": {day: {k: c[k] for k in KINDS} for day, c in sorted(self.quotes_by_date.items())},
            "channels": dict(self.channels.top(self.top)),
            "venues": dict(self.venues.top(self.top)),
            "quotes_by_naming": dict(self.naming),
            "sources_by_kind": dict(self.source_kinds),
            "top_sources": top_sources,
            "providers": providers,
            "who_quotes_whom": who,
        }


def time_unit(days: Iterable[str]) -> str:
    """``day``, ``month`` or ``year``: the unit that gives a readable number of bars between the
    first and the last of ``days`` (ISO dates): days up to three months, months up to six years."""
    ordered = sorted(days)
    if not ordered:
        return "day"
    span = (date.fromisoformat(ordered[-1]) - date.fromisoformat(ordered[0])).days
    return "day" if span <= 92 else "month" if span <= 6 * 366 else "year"


def _bucket(day: str, unit: str) -> str:
    return day if unit == "day" else day[:7] if unit == "month" else day[:4]


def summary(articles: Iterable[Article], *, top: int = TOP) -> dict[str, Any]:
    """The report's figures for ``articles`` as plain data (JSON-compatible dicts and lists).

    The articles are read one at a time and not kept. Keys: ``articles``, ``quotes``,
    ``sources`` (source entries, one per source per article), ``named_sources`` (distinct
    named people and organisations), ``dated_articles``, ``articles_by_date`` (ISO day to
    count), ``time_unit`` (``day``, ``month`` or ``year``, see ``time_unit``),
    ``articles_over_time`` and ``quotes_over_time`` (the same counts by that unit: ``2025-11``
    for a month), ``articles_by_provider``, ``languages``, ``quote_kinds``, ``quotes_per_article``
    (``"0"`` ... ``"10+"``), ``quotes_by_date`` (day to counts by kind), ``channels`` and
    ``venues`` (the ``top`` most frequent), ``quotes_by_naming`` (named, unnamed,
    unattributed), ``sources_by_kind``, ``top_sources`` (the ``top`` named sources by quotes,
    each with titles, counts, up to three appearances and an example quote),
    ``providers`` (per outlet: articles, quotes, kinds and naming) and ``who_quotes_whom``
    (quotes of each top source in each of the ``top`` outlets with most articles). The
    Report page of the documentation says how each figure is counted.
    """
    tally = Tally(top)
    for article in articles:
        tally.add(article)
    return tally.result()
