"""A generated corpus for the report's tests: articles built from the model, with quotes,
sources, outlets, languages, channels and dates that vary with the article's number, and a
hostile one whose text holds markup that must stay text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from articlekit.model import Article, Origin, Paragraph, Quote, QuoteContext, Source, Span, Speaker

PROVIDERS = ("Daily Planet", "Evening Star", "Wire Service", None)
LANGUAGES = ("en", "en-GB", "fr", None)
PEOPLE = [f"Person {k}" for k in range(13)]
ORGANISATIONS = ("City Council", "Ministry of Health")
CHANNELS = ("Telegram", "a statement", "the statement", "X")
KINDS = ("direct", "indirect", "mixed")
HOSTILE = '</script><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def article(i: int, *, text: str = "") -> Article:
    """Article number ``i``: ``i % 6`` quotes; the first by a person, then an organisation,
    then a group, then an unnamed source, then none."""
    quotes = []
    sources = []
    paragraphs = []
    for n in range(i % 6):
        words = f"{text}words {n} of article {i}"
        paragraphs.append(Paragraph(words))
        kind_of_source = ("person", "organisation", "group", "unnamed", None)[n]
        speaker = None
        if kind_of_source is not None:
            sid = f"s{n + 1}"
            name = {
                "person": PEOPLE[i % len(PEOPLE)],
                "organisation": ORGANISATIONS[i % 2],
                "group": "officials",
                "unnamed": "a senior official",
            }[kind_of_source]
            sources.append(Source(sid, kind_of_source, name + text, titles=(f"title {i % 3}",)))
            speaker = Speaker(name, sid)
        context = QuoteContext(channel=CHANNELS[(i + n) % 4] if (i + n) % 3 else None)
        quotes.append(
            Quote(
                f"q{n + 1}",
                KINDS[(i + n) % 3],
                words,
                spans=(Span(n, 0, len(words)),),
                speaker=speaker,
                context=context,
            )
        )
    published = datetime(2025, 1, 1) + timedelta(days=i % 40) if i % 7 else None
    return Article(
        headline=f"{text}Headline {i}",
        provider=PROVIDERS[i % len(PROVIDERS)],
        language=LANGUAGES[i % len(LANGUAGES)],
        published=published,
        url=f"https://example.org/{i}" if i % 2 else None,
        body=tuple(paragraphs),
        quotes=tuple(quotes),
        sources=tuple(sources),
        origin=Origin(format="generated", file=f"generated-{i}"),
    )


def corpus(count: int, *, text: str = "") -> Iterator[Article]:
    """``count`` generated articles, made one at a time."""
    return (article(i, text=text) for i in range(count))
