"""Hypothesis strategies for the whole article model, valid by construction: spans lie inside
their blocks and slice back to the quote's text, source ids exist, ids are unique."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from articlekit import model as m
from articlekit.marks import join_marks

# text that survives every format: no surrogates, no NUL or other C0 controls but tab/newline
text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"), max_size=40)
line = text.map(lambda s: " ".join(s.split()))  # one line, no runs of white space
words = st.lists(
    st.sampled_from(["alpha", "beta", "Ünïcödé", "said", "O'Neil", "“quote”", "<b>", "&amp;", "*x*", "—"]),
    min_size=1,
    max_size=6,
).map(" ".join)
short = st.one_of(line.filter(bool), words)
maybe = st.none() | short

offsets = st.sampled_from([None, timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-5))])
datetimes = st.builds(
    lambda d, tz: d.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)
    ),
    offsets,
)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))

contributors = st.builds(
    m.Contributor,
    name=short,
    kind=st.sampled_from(m.CONTRIBUTOR_KINDS),
    role=st.sampled_from(["author", "reporting", "editing", "photographer"]),
    title=maybe,
    affiliation=maybe,
)
places = st.builds(m.Place, name=short, region=maybe, country=maybe)
subjects = st.builds(m.Subject, name=short, code=maybe, scheme=maybe)
media_items = st.builds(
    m.Media,
    kind=st.sampled_from(m.MEDIA_KINDS),
    url=st.none() | st.sampled_from(["https://example.org/a.jpg", "https://example.org/v?id=1&x=2"]),
    caption=maybe,
    credit=maybe,
    alt=maybe,
    media_type=st.none() | st.just("image/jpeg"),
    width=st.none() | st.integers(1, 5000),
    height=st.none() | st.integers(1, 5000),
)

paragraph_text = st.lists(short, min_size=1, max_size=4).map(" ".join)


hrefs = st.sampled_from(
    ["https://example.org/a?b=1&c=2", "/relative/path", "mailto:desk@example.org", "https://example.org/a b(c)<d>"]
)


@st.composite
def marks_on(draw: st.DrawFn, texts: list[str]) -> tuple[m.Mark, ...]:
    """Marks over whole words of ``texts`` (a block's text, or a list's items joined by
    newlines), as readers find them: on word boundaries, at most one link over a word, and
    marks of one kind that only white space separates joined (readers join them)."""
    words: list[tuple[int, int]] = []  # per text, the words' ranges in the block's text
    groups: list[list[tuple[int, int]]] = []
    offset = 0
    for piece in texts:
        spans = [(offset + w.start(), offset + w.end()) for w in re.finditer(r"\S+", piece)]
        groups.append(spans)
        words.extend(spans)
        offset += len(piece) + 1
    found: list[m.Mark] = []
    linked: list[tuple[int, int]] = []
    for spans in groups:
        if not spans:
            continue
        for _ in range(draw(st.integers(0, 2))):
            first = draw(st.integers(0, len(spans) - 1))
            last = draw(st.integers(first, len(spans) - 1))
            start, end = spans[first][0], spans[last][1]
            kind = draw(st.sampled_from(m.MARK_KINDS))
            if kind == "link":
                if any(start < e and s < end for s, e in linked):
                    continue
                linked.append((start, end))
                found.append(m.Mark.link(start, end, draw(hrefs), draw(st.none() | st.just('A "title" & more'))))
            else:
                found.append(m.Mark(kind, start, end))  # type: ignore[arg-type]
    return join_marks("\n".join(texts), found)


def _marked(cls: Any, **fields: Any) -> st.SearchStrategy[Any]:
    """Blocks of ``cls`` built from ``fields``, with marks on their words half the time."""

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        values = {key: draw(value) for key, value in fields.items()}
        texts = list(values["items"]) if "items" in values else [values["text"]]
        marks = draw(marks_on(texts)) if draw(st.booleans()) else ()
        return cls(**values, marks=marks)

    return build()


def _blocks(n_media: int) -> st.SearchStrategy[tuple[Any, ...]]:
    options = [
        _marked(m.Paragraph, text=paragraph_text),
        _marked(m.Heading, text=short, level=st.integers(1, 6)),
        _marked(m.BlockQuote, text=paragraph_text, cite=maybe),
        _marked(m.ListBlock, items=st.lists(short, min_size=1, max_size=4).map(tuple), ordered=st.booleans()),
        st.builds(
            m.Related,
            text=short,
            label=st.none() | st.sampled_from(["ALSO READ", "Related"]),
            url=st.none() | st.just("https://example.org/r"),
        ),
    ]
    if n_media:
        options.append(st.builds(m.MediaRef, media=st.integers(0, n_media - 1)))
    return st.lists(st.one_of(options), max_size=8).map(tuple)


@st.composite
def span_in(draw: st.DrawFn, body: tuple[Any, ...], blocks: list[int]) -> m.Span:
    index = draw(st.sampled_from(blocks))
    length = len(body[index].text)
    start = draw(st.integers(0, length))
    end = draw(st.integers(start, length))
    return m.Span(index, start, end)


@st.composite
def articles(draw: st.DrawFn) -> m.Article:
    """A valid Article exercising every field."""
    media = tuple(draw(st.lists(media_items, max_size=3)))
    body = draw(_blocks(len(media)))
    sources = []
    for i in range(draw(st.integers(0, 3))):
        sources.append(
            m.Source(
                id=f"s{i + 1}",
                kind=draw(st.sampled_from(m.SOURCE_KINDS)),
                name=draw(short),
                titles=tuple(draw(st.lists(short, max_size=2))),
                affiliation=draw(maybe),
                aliases=tuple(draw(st.lists(short, max_size=3))),
            )
        )
    texty = [i for i, b in enumerate(body) if b.text]
    quotes = []
    for i in range(draw(st.integers(0, 4))):
        spans: tuple[m.Span, ...] = ()
        if texty and draw(st.booleans()):
            spans = tuple(draw(st.lists(span_in(body, texty), min_size=1, max_size=3)))
            quote_text = " ".join(body[s.block].text[s.start : s.end] for s in spans)
        else:
            quote_text = draw(short)
        cue = None
        if draw(st.booleans()):
            if texty and draw(st.booleans()):
                span = draw(span_in(body, texty))
                cue = m.Cue(body[span.block].text[span.start : span.end], span)
            else:
                cue = m.Cue(draw(short))
        speaker = None
        if draw(st.booleans()):
            source = draw(st.none() | st.sampled_from([s.id for s in sources])) if sources else None
            if texty and draw(st.booleans()):
                span = draw(span_in(body, texty))
                speaker = m.Speaker(body[span.block].text[span.start : span.end], source, span)
            else:
                speaker = m.Speaker(draw(short), source)
        when = None
        if draw(st.booleans()):
            start = draw(st.none() | dates)
            end = None if start is None else draw(st.sampled_from([start, start + timedelta(days=6)]))
            when = m.When(draw(short), start, end)
        quotes.append(
            m.Quote(
                id=f"q{i + 1}",
                kind=draw(st.sampled_from(m.QUOTE_KINDS)),
                text=quote_text,
                spans=spans,
                cue=cue,
                speaker=speaker,
                context=m.QuoteContext(venue=draw(maybe), channel=draw(maybe), when=when),
            )
        )
    extensions = draw(
        st.dictionaries(
            st.sampled_from(["warc", "example", "x-y"]),
            st.recursive(
                st.none() | st.booleans() | st.integers(-(2**53), 2**53) | short,
                lambda kids: (
                    st.lists(kids, max_size=3) | st.dictionaries(st.sampled_from(["a", "b", "c"]), kids, max_size=3)
                ),
                max_leaves=6,
            ),
            max_size=2,
        )
    )
    return m.Article(
        headline=draw(short),
        subheadline=draw(maybe),
        summary=draw(maybe),
        language=draw(st.none() | st.sampled_from(["en", "en-GB", "de", "nb"])),
        url=draw(st.none() | st.sampled_from(["https://example.org/news/1", "https://example.org/a?b=1&c=2"])),
        id=draw(maybe),
        published=draw(st.none() | datetimes),
        updated=draw(st.none() | datetimes),
        authors=tuple(draw(st.lists(contributors, max_size=3))),
        provider=draw(maybe),
        datelines=tuple(draw(st.lists(places, max_size=2))),
        media=media,
        body=body,
        quotes=tuple(quotes),
        sources=tuple(sources),
        keywords=tuple(draw(st.lists(short, max_size=3))),
        subjects=tuple(draw(st.lists(subjects, max_size=2))),
        section=draw(maybe),
        slug=draw(maybe),
        priority=draw(st.none() | st.integers(1, 9)),
        extensions=extensions,
        origin=m.Origin(
            format=draw(st.none() | st.just("text")),
            file=draw(maybe),
            parser=draw(maybe),
            charset=draw(st.none() | st.just("utf-8")),
        ),
    )
