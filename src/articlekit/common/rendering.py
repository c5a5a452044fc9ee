"""What articlekit's industry writers share: walking the body block by block, and marking
quotes and names inline.

- [`BlockRenderer`][articlekit.common.rendering.BlockRenderer] sends each body block to the
  renderer's method for its type (mistune's pattern); an unknown block type is a
  [`WriteError`][articlekit.errors.WriteError], never silence.
- [`collect_marks`][articlekit.common.rendering.collect_marks] finds what to mark in each block
  (direct and mixed quotes at their spans, quoted people and organisations where named, and
  the block's own links, emphasis and strong marks) and
  [`mark_up`][articlekit.common.rendering.mark_up] builds properly nested elements from
  spans that may overlap in any way.

Used by the ``nitf``, ``ninjs`` and ``text`` writers; not a public API.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from lxml import etree

from articlekit.common.names import is_name, is_pronoun
from articlekit.errors import WriteError
from articlekit.model import Article, Block, BlockQuote, Heading, ListBlock, MediaRef, Paragraph, Quote, Related, Source

__all__ = [
    "BlockRenderer",
    "MakeElement",
    "Mark",
    "collect_marks",
    "mark_up",
    "marks_within",
    "xml_safe",
]

_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_QUOTED_KINDS = ("direct", "mixed")
_NAMED_KINDS = ("person", "organisation")

_METHODS: dict[type, str] = {
    Paragraph: "paragraph",
    Heading: "heading",
    BlockQuote: "block_quote",
    ListBlock: "list_block",
    Related: "related",
    MediaRef: "media_ref",
}


class BlockRenderer:
    """A base for renderers with one method per body block type: ``paragraph``, ``heading``,
    ``block_quote``, ``list_block``, ``related`` and ``media_ref``."""

    format_name: str = "?"
    """The writer's name, for error messages."""

    def method_for(self, block: Block) -> Callable[..., Any]:
        """The method rendering ``block``; a type without one is a WriteError."""
        name = _METHODS.get(type(block))
        method = getattr(self, name, None) if name else None
        if method is None:
            raise WriteError(f"{self.format_name}: cannot write a body block of type {type(block).__name__}")
        return method  # type: ignore[no-any-return]


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD, one for one, so
    that character offsets into it stay right."""
    return _XML_ILLEGAL.sub("\ufffd", text)


@attrs.frozen
class Mark:
    """Something to wrap around ``[start, end)`` of a block's text: a quote or a name."""

    start: int
    end: int
    kind: str
    """``quote``, ``person`` or ``organisation``; or a block's own mark: ``link``,
    ``emphasis``, ``strong``."""
    speaker: str | None = None
    """For a quote, the name of who said it, where known."""
    rank: int = 0
    """Tie-breaker keeping the order stable: the quote's index, or the mention's."""
    quote_id: str | None = None
    """For a quote, its id (a quote of several spans gives one mark per span, each with it)."""
    quote_kind: str | None = None
    """For a quote, its kind (``direct`` or ``mixed``)."""
    join: str | None = None
    """For a quote's span after its first, what joins it to the one before in the quote's text:
    ``" "``, or ``". "`` where the speaker's sentence ended between them."""
    href: str | None = None
    """For a link, its target."""
    title: str | None = None
    """For a link, its title, where it has one."""

    @property
    def is_quote(self) -> bool:
        return self.kind == "quote"

    @property
    def splits(self) -> bool:
        """Whether the mark may be written in pieces where another crosses it: quotes and a
        block's own marks may, names may not."""
        return self.kind not in _NAMED_KINDS


_TEXT_MARK_RANK = 1 << 30
"""Ranks of a block's own marks start here: for the same range, a quote is written outside."""


MakeElement = Callable[[etree._Element, Mark], etree._Element]
"""Creates the element for a mark as the last child of a parent and returns it."""


def _append_text(element: etree._Element, text: str) -> None:
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def _clean_mentions(quotes: Sequence[Mark], mentions: Iterable[Mark]) -> list[Mark]:
    """The names that can be marked: none cut by a quote boundary, none overlapping another
    (the earlier, then the longer, wins)."""
    cuts = sorted({m.start for m in quotes} | {m.end for m in quotes})
    kept: list[Mark] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.rank)):
        first = bisect.bisect_right(cuts, mention.start)
        if first < len(cuts) and cuts[first] < mention.end:
            continue
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def mark_up(parent: etree._Element, text: str, marks: Iterable[Mark], make: MakeElement) -> None:
    """Append ``text`` to ``parent`` with an element (made by ``make``) around every mark.

    Quotes and a block's own marks that cross are split where they cross (each piece is made
    from the same mark), so the elements always nest; names are never split (see
    ``_clean_mentions``) and never hold another mark."""
    usable = [m for m in marks if m.start < m.end <= len(text)]
    quotes = sorted((m for m in usable if m.splits), key=lambda m: (m.start, -m.end, m.rank))
    mentions = _clean_mentions(quotes, (m for m in usable if not m.splits))
    points = sorted({0, len(text)} | {m.start for m in quotes + mentions} | {m.end for m in quotes + mentions})
    stack: list[tuple[Mark, etree._Element]] = []
    # a sweep: the quotes covering each run arrive in nesting order; names never overlap
    active: list[Mark] = []
    arriving = 0
    named = 0
    for start, end in itertools.pairwise(points):
        if any(m.end <= start for m in active):
            active = [m for m in active if m.end > start]
        while arriving < len(quotes) and quotes[arriving].start <= start:
            active.append(quotes[arriving])
            arriving += 1
        while named < len(mentions) and mentions[named].end <= start:
            named += 1
        wanted = list(active)
        if named < len(mentions) and mentions[named].start <= start:
            wanted.append(mentions[named])
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep][0] is wanted[keep]:
            keep += 1
        del stack[keep:]
        for mark in wanted[keep:]:
            stack.append((mark, make(stack[-1][1] if stack else parent, mark)))
        _append_text(stack[-1][1] if stack else parent, text[start:end])


def marks_within(marks: Iterable[Mark], offset: int, length: int) -> list[Mark]:
    """The marks over ``[offset, offset + length)`` of a block (a list item), relative to it:
    quotes clipped to it, names only when wholly inside."""
    end = offset + length
    inside = []
    for mark in marks:
        start, stop = max(mark.start, offset), min(mark.end, end)
        if start >= stop or (not mark.splits and (start, stop) != (mark.start, mark.end)):
            continue
        inside.append(attrs.evolve(mark, start=start - offset, end=stop - offset))
    return inside


def _whole_word(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


def _speaker_name(quote: Quote, sources: dict[str, Source]) -> str | None:
    speaker = quote.speaker
    if speaker is None:
        return None
    if speaker.source is not None and speaker.source in sources:
        return sources[speaker.source].name
    # unresolved: "the Russian president" still says who; "he" does not
    return None if is_pronoun(speaker.mention) else " ".join(speaker.mention.split())


def _joins(article: Article, quote: Quote) -> list[str | None]:
    """For each span of ``quote``, what joins it to the one before in ``quote.text`` (None for
    the first): ``" "`` or ``". "`` (see [`Quote.text`][articlekit.model.Quote.text])."""
    joins: list[str | None] = [None]
    position = 0
    for before in quote.spans[:-1]:
        position += before.end - before.start
        sentence = quote.text.startswith(". ", position)
        joins.append(". " if sentence else " ")
        position += len(joins[-1] or "")
    return joins[: len(quote.spans)] if quote.spans else []


def collect_marks(article: Article) -> dict[int, list[Mark]]:
    """Every mark of the article by block index: its blocks' own marks (links, emphasis,
    strong), its direct and mixed quotes' spans, and the places where a quoted person or
    organisation is named (a speaker span, or the source's name or an alias found as a whole
    word; pronouns and descriptions are not names)."""
    marks: dict[int, list[Mark]] = {}
    for index, block in enumerate(article.body):
        own = getattr(block, "marks", ())
        if own:
            marks[index] = [
                Mark(m.start, m.end, m.kind, rank=_TEXT_MARK_RANK + n, href=m.href, title=m.title)
                for n, m in enumerate(own)
            ]
    sources = {s.id: s for s in article.sources}
    for rank, quote in enumerate(article.quotes):
        if quote.kind not in _QUOTED_KINDS:
            continue
        name = _speaker_name(quote, sources)
        joins = _joins(article, quote)
        for span, join in zip(quote.spans, joins, strict=True):
            marks.setdefault(span.block, []).append(
                Mark(span.start, span.end, "quote", name, rank, quote_id=quote.id, quote_kind=quote.kind, join=join)
            )
    patterns = {
        source.id: [_whole_word(n) for n in sorted({source.name, *source.aliases}) if is_name(n)]
        for source in article.sources
        if source.kind in _NAMED_KINDS
    }
    rank = 0
    for quote in article.quotes:
        speaker = quote.speaker
        if speaker is None or speaker.span is None or speaker.source not in patterns:
            continue
        # "Russian President Vladimir Putin": the name inside is marked below, not the title
        if is_name(speaker.mention) and not any(p.search(speaker.mention) for p in patterns[speaker.source]):
            span = speaker.span
            marks.setdefault(span.block, []).append(
                Mark(span.start, span.end, sources[speaker.source].kind, None, rank)
            )
            rank += 1
    for source_id, source_patterns in patterns.items():
        kind = sources[source_id].kind
        # every name on its own: where a quote boundary cuts "Vladimir Putin", "Putin" may fit
        for index, block in enumerate(article.body):
            if isinstance(block, MediaRef):
                continue
            for pattern in source_patterns:
                for match in pattern.finditer(block.text):
                    marks.setdefault(index, []).append(Mark(match.start(), match.end(), kind, None, rank))
                    rank += 1
    return marks
