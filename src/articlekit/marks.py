"""Inline marks (links, emphasis, strong) as readers find them and writers nest them.

Readers meet marks as elements around text whose white space they then squash; writers have
to nest marks that may overlap in any way. Both directions share this module:

- [`MARK_TAGS`][articlekit.marks.MARK_TAGS] and [`link_href`][articlekit.marks.link_href]:
  which elements are marks, and what a link's ``href`` becomes (resolved against the page's
  address, unsafe schemes dropped; nothing is fetched);
- [`RawMark`][articlekit.marks.RawMark] and [`place_marks`][articlekit.marks.place_marks]:
  marks recorded against raw text, moved onto the text once its white space is squashed;
- [`nest`][articlekit.marks.nest]: a block's marks as properly nested runs, splitting a mark
  where another crosses it (the model merges the pieces again when they are read back).
- [`links_apart`][articlekit.marks.links_apart]: no link in a link, for the formats that
  cannot hold one (HTML, CommonMark).
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar
from urllib.parse import urljoin

from attrs import frozen

from articlekit.model import Mark, MarkKind, is_safe_href, merge_same_marks

__all__ = ["MARK_TAGS", "RawMark", "join_marks", "link_href", "links_apart", "nest", "place_marks"]

MARK_TAGS: dict[str, MarkKind] = {"em": "emphasis", "i": "emphasis", "strong": "strong", "b": "strong"}
"""Elements (HTML, NITF) read as emphasis or strong; ``a`` with an ``href`` is a link."""

_WORD = re.compile(r"\S+")


def link_href(href: str | None, base_url: str | None = None) -> str | None:
    """What a link's ``href`` attribute becomes in a [`Mark`][articlekit.model.Mark]: resolved
    against ``base_url`` where one is given; None for no target (empty, a bare ``#``) and for an
    unsafe one (``javascript:``, ``data:``; see [`is_safe_href`][articlekit.model.is_safe_href])."""
    if href is None:
        return None
    href = href.strip()
    if not href or href == "#" or not is_safe_href(href):
        return None
    if base_url:
        # an address urljoin cannot read stays as written
        with contextlib.suppress(ValueError):
            href = urljoin(base_url, href)
    return href if is_safe_href(href) else None


@frozen
class RawMark:
    """A mark found in raw text, before its white space is squashed."""

    kind: MarkKind
    start: int
    end: int
    href: str | None = None
    title: str | None = None


def place_marks(raw: str, found: Iterable[RawMark]) -> tuple[str, tuple[Mark, ...]]:
    """``raw`` with its white space squashed (runs holding a newline become one newline, other
    runs one space, none at either end) and the marks ``found`` in it moved onto that text,
    without white space at their edges; a mark holding only white space is dropped."""
    found = list(found)
    if len(found) <= _FEW_MARKS:
        return _place_few(raw, found)
    spans = [m.span() for m in _WORD.finditer(raw)]
    if not spans:
        return "", ()
    raw_starts, raw_ends = zip(*spans, strict=True)
    # the squashed text (str.split splits at the white space _WORD stops at), and each word's
    # start in it: the lengths of the words before it and one separator after each
    text = _squashed(raw)
    lengths = itertools.accumulate(map(operator.sub, raw_ends, raw_starts))
    starts = [0, *map(operator.add, lengths, itertools.count(1))]
    marks: list[Mark] = []
    for mark in found:
        # the first word ending after the mark's start, the last word starting before its end
        first = bisect.bisect_right(raw_ends, mark.start)
        last = bisect.bisect_left(raw_starts, mark.end) - 1
        if first > last or first >= len(spans):
            continue
        start = starts[first] + max(0, mark.start - raw_starts[first])
        end = starts[last] + min(mark.end, raw_ends[last]) - raw_starts[last]
        if end > start:
            marks.append(Mark(mark.kind, start, end, mark.href, mark.title))
    return text, join_marks(text, marks)


_FEW_MARKS = 4
"""Up to this many marks, ``place_marks`` squashes the text before each mark's ends (in C)
rather than listing every word's place (in Python): the same places, found faster."""


def _squashed(raw: str) -> str:
    if "\n" in raw:
        return "\n".join(filter(None, [" ".join(line.split()) for line in raw.split("\n")]))
    return " ".join(raw.split())


def _place_few(raw: str, found: Sequence[RawMark]) -> tuple[str, tuple[Mark, ...]]:
    """``place_marks`` for a few marks. The squashed text puts one separator between words, so
    a place in it is the length of the squashed text before it: a mark starts after the words
    ending before its start (and the part of a word it starts in), and ends after the words
    starting before its end (the last cut at it)."""
    words = raw.split()
    if not words:
        return "", ()
    text = _squashed(raw)
    size = len(raw)
    marks: list[Mark] = []
    for mark in found:
        at = mark.start
        before = raw[:at].split()
        head = len(" ".join(before))
        if 0 < at < size and not raw[at - 1].isspace() and not raw[at].isspace():
            first = len(before) - 1  # it starts inside a word
            start = head
        else:
            first = len(before)
            start = head + 1 if before else 0
        upto = raw[: mark.end].split()
        if first > len(upto) - 1 or first >= len(words):
            continue
        end = len(" ".join(upto))
        if end > start:
            marks.append(Mark(mark.kind, start, end, mark.href, mark.title))
    return text, join_marks(text, marks)


def join_marks(text: str, marks: Iterable[Mark]) -> tuple[Mark, ...]:
    """``marks`` with two marks of the same kind (and target) joined where only white space
    other than a line break stands between them: ``<b>a</b> <b>b</b>`` is one strong ``a b``,
    and a mark a writer split where a space starts a piece (``<b>a</b><a><b> b</b></a>``)
    reads back whole. (A line break may end a list item, which a mark never crosses.)"""
    ordered = sorted(marks, key=lambda m: (m.kind, m.href or "", m.title or "", m.start))
    return tuple(
        merge_same_marks(
            ordered, lambda last, mark: mark.start <= last.end or _only_spaces(text[last.end : mark.start])
        )
    )


def _only_spaces(gap: str) -> bool:
    return not gap.strip() and "\n" not in gap


def nest(text: str, marks: Sequence[Mark]) -> list[tuple[str, tuple[Mark, ...]]]:
    """``text`` cut into runs, each with the marks covering it, outermost first: a mark that
    starts earlier (or, starting together, ends later) is outside. Writing each run's marks as
    elements opened outside-in, and closing only those a run no longer shares with the one
    before, nests them properly; a mark crossing another comes out in pieces."""
    usable = sorted((m for m in marks if m.start < m.end <= len(text)), key=_nesting_order)
    if not usable:
        return [(text, ())] if text else []
    points = sorted({0, len(text)} | {m.start for m in usable} | {m.end for m in usable})
    runs = []
    active: list[Mark] = []  # the marks covering the run, in nesting order (they arrive in it)
    arriving = 0
    for start, end in itertools.pairwise(points):
        if any(m.end <= start for m in active):
            active = [m for m in active if m.end > start]
        while arriving < len(usable) and usable[arriving].start <= start:
            active.append(usable[arriving])
            arriving += 1
        runs.append((text[start:end], tuple(active)))
    return runs


def _nesting_order(mark: Mark) -> tuple[int, int, int, str, str]:
    return (mark.start, -mark.end, _KIND_ORDER[mark.kind], mark.href or "", mark.title or "")


_KIND_ORDER = {"link": 0, "strong": 1, "emphasis": 2}


class _Span(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Span)


def links_apart(marks: Iterable[_S]) -> list[_S]:
    """``marks`` without a link inside or across another link, for writers whose format has no
    link in a link (HTML closes the first ``<a>`` where a second opens; CommonMark reads
    ``[a [b](y) c](x)`` as text around one link): as for names, the earlier and then the
    longer link is kept whole, the other dropped. Other marks are kept as they are."""
    kept: list[_S] = []
    end = 0
    for mark in sorted(marks, key=lambda m: (m.kind != "link", m.start, -m.end)):
        if mark.kind == "link":
            if mark.start < end:
                continue
            end = mark.end
        kept.append(mark)
    return kept
