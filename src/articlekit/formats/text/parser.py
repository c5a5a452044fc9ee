"""Plain-text news and agency wire copy: the ``text`` parser.

It reads four kinds of input, told apart by their content:

- **web-style text** as news sites and agencies publish it: header lines with dates, a
  headline, bylines, photo captions with credits, an agency dateline, paragraphs,
  subheadings, related-link lines, lists and end matter (``(Reporting by ...; Editing by ...)``,
  ``-- End --``, ``###``);
- **agency wire copy** in IPTC 7901 or ANPA 1312 (see [`articlekit.formats.wire`][articlekit.formats.text.wire]);
- **bare article text**: a first line that is the headline, then paragraphs;
- **news-database exports** with labelled fields (``BYLINE:``, ``SECTION:``, ``LENGTH:``; see
  [`articlekit.formats.text_exports`][articlekit.formats.text.exports]).

Paragraph text is verbatim: a paragraph that stands on one line of the input is an exact
slice of the decoded input (a dateline is cut off the front of the first paragraph, and the
ends are stripped of white space, nothing else), so character offsets into it index the
original text. Hard-wrapped paragraphs (wire copy) are unwrapped: each line break, with the
spaces around it, becomes one space.

The rules for each kind of line are in [`articlekit.formats.text.rules`][articlekit.formats.text.rules];
dates in [`articlekit.common.dates`][articlekit.common.dates].
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import attrs
from attrs import define

from articlekit.common.dates import parse_datetime
from articlekit.encoding import decode, looks_binary, normalise_charset, text_head
from articlekit.errors import ParseError
from articlekit.formats.text import rules
from articlekit.formats.text.exports import factiva_articles, language_code, looks_exported, read_export
from articlekit.formats.text.wire import WIRE_CONTROLS, WireCopy, read_wire, split_messages
from articlekit.hookspecs import hookimpl
from articlekit.model import (
    Article,
    Block,
    Contributor,
    Heading,
    ListBlock,
    Media,
    MediaRef,
    Origin,
    Paragraph,
    Place,
    Subject,
)
from articlekit.options import OptionSpec
from articlekit.registry import Document, Options, ParserSpec

__all__ = ["locate_blocks", "parse_text", "read_text", "read_texts"]

FORMAT = "text"

_WIRE_START = re.compile(rb"^[\x16\r\n ]*\x01")
_EXTENSIONS = (".txt", ".text", ".tst", ".wire", ".anpa")


# --------------------------------------------------------------------------- not an article

_MARKUP = re.compile(r"<(?:!DOCTYPE|\?xml|!--|[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>)", re.IGNORECASE)
_LOG_LINE = re.compile(
    r"\[?(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\d\d:\d\d:\d\d|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d)"
    r"|(?:\[?(?:DEBUG|INFO|WARN|WARNING|ERROR|TRACE|FATAL|CRITICAL)\b)"
)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _not_an_article(text: str) -> str | None:
    """Why ``text`` is plainly not an article (markup, JSON, a table, a log), or None."""
    start = text.lstrip()[:200]
    if start.startswith("<") and _MARKUP.match(start):
        return "this is markup (HTML or XML), not plain text; name its format with format=NAME (html, nitf, ...)"
    if start[:1] in "{[" and text.rstrip()[-1:] in "}]" and _is_json(text):
        return "this is JSON, not plain text; name its format with format=NAME"
    sample = [line for line in text.split("\n", 60)[:60] if line.strip()][:40]
    if len(sample) >= 3:
        for delimiter in (",", ";", "\t", "|"):
            if sample[0].count(delimiter) < 2:
                continue
            counts = [line.count(delimiter) for line in sample]
            if counts[0] >= 2 and sum(c == counts[0] for c in counts) >= 0.9 * len(counts):
                cells = f"{counts[0] + 1} {delimiter!r}-separated cells"
                return f"this looks like a table ({len(sample)}+ rows of {cells}), not an article"
        logged = sum(1 for line in sample if _LOG_LINE.match(line))
        if logged >= 0.6 * len(sample):
            return "this looks like a log file (lines start with timestamps or log levels), not an article"
    return None


# --------------------------------------------------------------------------- units


@define
class _Row:
    line: int
    raw: str
    text: str
    block: int


@define
class _Unit:
    text: str
    """The unit's text: one stripped line, or hard-wrapped lines joined by single spaces."""
    alone: bool
    """The only unit of its block: blank lines (or the text's edges) around it."""
    block: int


def _rows(lines: Sequence[str]) -> list[_Row]:
    rows: list[_Row] = []
    block = 0
    previous_blank = False
    for number, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            previous_blank = True
            continue
        if previous_blank and rows:
            block += 1
        previous_blank = False
        rows.append(_Row(number, raw, text, block))
    return rows


def _wrapped(rows: Sequence[_Row]) -> tuple[bool, int]:
    """Whether the rows are hard-wrapped copy (paragraphs broken over lines of a set width), and
    that width."""
    if len(rows) < 3:
        return False, 0
    lengths = [len(r.text) for r in rows]
    width = max(lengths)
    if sum(1 for n in lengths if n > 100) * 20 > len(rows):
        return False, width
    # lines broken at a set width run close to it; lines that are paragraphs of their own do not
    broken = inside = 0
    for a, b in itertools.pairwise(rows):
        if a.block == b.block:
            inside += 1
            if len(a.text) >= max(40, 0.75 * width):
                broken += 1
    return broken >= 2 and broken * 2 >= inside, width


_SENTENCE_END = tuple('.!?:"”’)')


def _units(rows: Sequence[_Row]) -> list[_Unit]:
    sizes: dict[int, int] = {}
    for row in rows:
        sizes[row.block] = sizes.get(row.block, 0) + 1
    one_block = len(sizes) == 1 and len(rows) > 1
    wrapped, width = _wrapped(rows)
    if not wrapped:
        return [_Unit(r.text, sizes[r.block] == 1 or one_block, r.block) for r in rows]
    units: list[_Unit] = []
    parts: list[str] = []
    previous: _Row | None = None
    for row in rows:
        starts_new = (
            previous is None
            or previous.block != row.block
            or rules.list_item(row.text) is not None
            or (previous.text.endswith(_SENTENCE_END) and len(previous.text) < 0.7 * width)
            or (row.raw[:1] in " \t" and previous.raw[:1] not in " \t" and len(previous.text) < 0.9 * width)
            or rules.is_end_mark(row.text)
            or rules.is_separator(row.text)
        )
        if starts_new and parts:
            units.append(_Unit(" ".join(parts), False, previous.block if previous else 0))
            parts = []
        parts.append(row.text)
        previous = row
    if parts and previous is not None:
        units.append(_Unit(" ".join(parts), False, previous.block))
    per_block: dict[int, int] = {}
    for unit in units:
        per_block[unit.block] = per_block.get(unit.block, 0) + 1
    for unit in units:
        unit.alone = per_block[unit.block] == 1 or one_block
    return units


# --------------------------------------------------------------------------- the reader

_KICKER = re.compile(
    r"(?i:for immediate release|press release|news release|media release|embargoed\b.*|not for publication.*"
    r"|advisory|breaking news|exclusive)\s*:?"
)


_RELATIVE_TIME = re.compile(
    r"(?i)(?:(?:first\s+)?(?:published|updated|posted|last\s+updated)\s*:?\s*)?(?:an?|\d+)\s*"
    r"(?:seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?)\s+ago"
)
_ADDRESS = re.compile(r"(?:(?i:url|link|source|address|permalink)\s*:\s*)?<?(?P<url>https?://[^\s<>]+)>?")
_SECTIONS = frozenset(
    (
        "world",
        "politics",
        "business",
        "sport",
        "sports",
        "opinion",
        "europe",
        "asia",
        "africa",
        "americas",
        "middle east",
        "technology",
        "tech",
        "science",
        "health",
        "culture",
        "entertainment",
        "local",
        "national",
        "nation",
        "economy",
        "markets",
        "lifestyle",
        "travel",
        "analysis",
        "commentary",
        "environment",
        "climate",
    )
)
"""Section names that, alone on the line above a headline, label it rather than being it."""

_QUOTE_MARKS = "\"“‘'«„‹"
"""A line opening with a quotation mark is a paragraph, not a deck."""


@define
class _Reader:
    """Builds one article from the rows of a text, head first, then the body."""

    headline: str | None = None
    subheadline: str | None = None
    summary: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[Contributor] = attrs.Factory(list)
    provider: str | None = None
    section: str | None = None
    url: str | None = None
    datelines: tuple[Place, ...] = ()
    media: list[Media] = attrs.Factory(list)
    body: list[Block] = attrs.Factory(list)

    # ----------------------------------------------------------------- head

    def read_head(self, rows: Sequence[_Row]) -> int:
        """Read header lines, the headline, a subheadline, bylines and lead captions; return
        the index of the first body row."""
        byline_at = -2
        byline_start = 0
        headline_at = -2
        headline_block = -1
        blank_separated = len({r.block for r in rows}) > 1
        for index, row in enumerate(rows):
            text = row.text
            if rules.is_separator(text) or _RELATIVE_TIME.fullmatch(text):
                continue  # rules, and "Updated 2 hours ago" (a time that meant something on the day)
            address = _ADDRESS.fullmatch(text)
            if address is not None:
                # the page's address, as copied with the text ("URL: https://...", or bare)
                self.url = self.url or address.group("url")
                continue
            dates = rules.header_dates(text)
            if dates is not None:
                self.published = self.published or dates.published
                self.updated = self.updated or dates.updated
                self.provider = self.provider or dates.provider
                self.section = self.section or dates.section
                self.authors.extend(dates.contributors)
                continue
            byline = rules.parse_byline(text)
            if byline is None and "|" in text:
                byline = self._byline_with_dates(text)
            if byline is not None:
                byline_start = len(self.authors)
                self.authors.extend(byline)
                byline_at = index
                continue
            if byline_at == index - 1 and len(self.authors) > byline_start:
                more = rules.byline_continuation(text, self.authors[byline_start:])
                if more is not None:
                    self.authors[byline_start:] = more
                    byline_at = index
                    continue
            caption = rules.match_caption(text)
            if caption is not None:
                if (
                    caption.caption is None
                    and not caption.labelled
                    and self.subheadline is not None
                    and headline_at == index - 2
                ):
                    # "Subheadline" was a caption whose credit stands on the next line
                    self._add_media(self.subheadline, caption.credit)
                    self.subheadline = None
                else:
                    self._add_media(caption.caption, caption.credit, merge=caption.labelled)
                continue
            if self.headline is None:
                if _KICKER.fullmatch(text):
                    continue
                if len(text) > 300 or (rules.match_dateline(text) is not None and len(text) > 120):
                    return index  # no headline: the text starts with its first paragraph
                following = rows[index + 1] if index + 1 < len(rows) else None
                if (
                    self.section is None
                    and following is not None
                    and following.block == row.block
                    and len(text.split()) <= 2
                    and (text.isupper() or text.lower() in _SECTIONS)
                    and len(following.text) > 2 * len(text)
                    and rules.looks_like_heading(text)
                    and rules.header_dates(following.text) is None
                    and rules.parse_byline(following.text) is None
                ):
                    self.section = text  # a section label above the headline ("WORLD", "Politics")
                    continue
                self.headline = text
                headline_at, headline_block = index, row.block
                continue
            if (
                self.subheadline is None
                and index == headline_at + 1
                and row.block == headline_block
                and blank_separated
                and len(text) <= 250
                and text[0] not in _QUOTE_MARKS
                and rules.match_dateline(text) is None
                and rules.match_related(text) is None
            ):
                self.subheadline = text
                continue
            return index
        return len(rows)

    def _byline_with_dates(self, line: str) -> list[Contributor] | None:
        """A byline sharing its line with dates: ``By ZHANG WEI in Beijing | China Daily |
        Updated: 2025-11-28 09:12``."""
        kept: list[str] = []
        found: list[rules.HeaderDates] = []
        for segment in line.split("|"):
            dates = rules.header_dates(segment.strip())
            if dates is None:
                kept.append(segment.strip())
            else:
                found.append(dates)
        if not found or not kept:
            return None
        byline = rules.parse_byline(" | ".join(kept).replace(" | ", ", "))
        if byline is None:
            return None
        for dates in found:
            self.published = self.published or dates.published
            self.updated = self.updated or dates.updated
        return byline

    def _add_media(self, caption: str | None, credit: str | None, *, merge: bool = False) -> None:
        """Add an image where the text stands; with ``merge``, complete the image just before
        instead when it lacks exactly what this line brings (``Image source, ...`` then
        ``Image caption, ...``)."""
        last = self.body[-1] if self.body else None
        if merge and isinstance(last, MediaRef):
            previous = self.media[last.media]
            if (caption is None or previous.caption is None) and (credit is None or previous.credit is None):
                self.media[last.media] = attrs.evolve(
                    previous, caption=previous.caption or caption, credit=previous.credit or credit
                )
                return
        self.media.append(Media(kind="image", caption=caption, credit=credit))
        self.body.append(MediaRef(len(self.media) - 1))

    # ----------------------------------------------------------------- body

    def read_body(self, units: Sequence[_Unit]) -> None:
        """Read the body's units into blocks, up to an end mark; read credits after it."""
        items: list[str] = []
        lines: list[str] = []
        ordered = False
        seen_paragraph = False

        def flush() -> None:
            nonlocal items, lines
            if not items:
                return
            if len(items) == 1 and lines[0][0] in "—–":
                # one line led by a dash is an attribution ("— Jane Doe", a tweet's signature)
                self.body.append(Paragraph(lines[0]))
            elif items:
                self.body.append(ListBlock(items=tuple(items), ordered=ordered))
            items, lines = [], []

        count = len(units)
        for index, unit in enumerate(units):
            text = unit.text
            if rules.is_end_mark(text):
                flush()
                self._read_trailer(units[index + 1 :])
                return
            if rules.is_separator(text):
                flush()
                continue
            related = rules.match_related(text)
            if related is not None:
                flush()
                self.body.append(related)
                continue
            credits = rules.credit_line(text)
            if credits is not None:
                self.authors.extend(credits)
                continue
            caption = rules.match_caption(text)
            if caption is not None:
                flush()
                if (
                    caption.caption is None
                    and not caption.labelled
                    and self.body
                    and isinstance(self.body[-1], Paragraph)
                    and units[index - 1].block == unit.block
                ):
                    # a credit on its own line under a caption: the "paragraph" was the caption
                    previous = self.body.pop()
                    self._add_media(previous.text, caption.credit)
                    continue
                self._add_media(caption.caption, caption.credit, merge=caption.labelled)
                continue
            heading = rules.afp_heading(text)
            item = rules.list_item(text) if heading is None else None
            if item is not None:
                is_ordered, start = item
                if items and is_ordered != ordered:
                    flush()
                ordered = is_ordered
                items.append(text[start:])
                lines.append(text)
                continue
            if items:
                flush()
            if heading is not None:
                self.body.append(Heading(heading))
                continue
            marked = rules.markdown_heading(text)
            if marked is not None:
                self.body.append(Heading(marked[1], level=marked[0]))
                continue
            if (
                seen_paragraph
                and unit.alone
                and index + 1 < count
                and not isinstance(self.body[-1], Heading)
                and rules.looks_like_heading(text)
                and not rules.is_end_mark(units[index + 1].text)
            ):
                self.body.append(Heading(text))
                continue
            if not seen_paragraph and not self.datelines:
                dateline = rules.match_dateline(text)
                if dateline is not None and dateline.end < len(text):
                    self.datelines = dateline.places or self.datelines
                    if dateline.provider:
                        self.provider = dateline.provider
                    text = text[dateline.end :]
            seen_paragraph = True
            self.body.append(Paragraph(text))
        flush()

    def _read_trailer(self, units: Sequence[_Unit]) -> None:
        for unit in units:
            credits = rules.credit_line(unit.text)
            if credits is not None:
                self.authors.extend(credits)

    # ----------------------------------------------------------------- result

    def article(self, **fields: Any) -> Article:
        provider = self.provider or rules.provider_of(self.authors)
        if fields.get("section") is None and self.section is not None:
            fields["section"] = self.section
        return Article(
            headline=self.headline or "",
            url=self.url,
            subheadline=self.subheadline,
            summary=self.summary,
            published=self.published,
            updated=self.updated,
            authors=tuple(_unique(self.authors)),
            provider=provider,
            datelines=self.datelines,
            media=tuple(self.media),
            body=tuple(self.body),
            **fields,
        )


def _unique(contributors: Sequence[Contributor]) -> list[Contributor]:
    seen: set[Contributor] = set()
    out = []
    for c in contributors:
        if c not in seen:
            seen.add(c)
            out.append(c)
    return out


# --------------------------------------------------------------------------- entry points


def _lines(text: str) -> list[str]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def read_text(text: str) -> Article:
    """The article in already-decoded plain text (web-style, bare or a database export; not
    wire copy); for a text holding several (a Factiva export), the first.

    The result has no ``origin``; [`parse_text`][articlekit.formats.text.parse_text] and
    ``articlekit.parse`` fill it in.
    """
    return next(read_texts(text))


_NO_ORIGIN = Origin()


def read_texts(text: str, *, origin: Origin = _NO_ORIGIN) -> Iterator[Article]:
    """Every article in already-decoded plain text: one, or one per article of a Factiva export.
    Each has ``origin`` (none by default: ``parse_text`` gives the format and the charset)."""
    rows = _rows(_lines(text))
    factiva = factiva_articles([r.text for r in rows]) if "\nHD" in text or text.startswith("HD") else None
    if factiva is not None:
        for fields in factiva:
            yield _read_factiva(rows, fields, origin)
        return
    reader = _Reader()
    extra: dict[str, Any] = {}
    export = read_export([r.text for r in rows]) if looks_exported(text) else None
    if export is not None:
        rows = [row for index, row in enumerate(rows) if index not in export.drop]
        reader.authors.extend(export.authors)
        reader.provider = export.provider
        reader.section = export.section
        reader.summary = export.summary
        reader.datelines = export.datelines
        url = export.info.get("url")
        reader.url = url if isinstance(url, str) and url.startswith(("http://", "https://")) else None
        extra.update(language=export.language, extensions={FORMAT: export.info})
    start = reader.read_head(rows)
    reader.read_body(_units(rows[start:]))
    yield reader.article(origin=origin, **extra)


def _read_factiva(rows: Sequence[_Row], fields: dict[str, list[int]], origin: Origin) -> Article:
    """One article of a Factiva export from its fields' content lines."""

    def joined(code: str) -> str | None:
        found = " ".join(rows[i].text for i in fields.get(code, ()))
        return found or None

    reader = _Reader(headline=joined("HD"), provider=joined("SN"), section=joined("SE"))
    byline = joined("BY")
    if byline is not None:
        people = rules.parse_byline(byline if byline.lower().startswith("by ") else f"By {byline}")
        reader.authors.extend(people if people is not None else [Contributor(name=byline)])
    when = " ".join(part for part in (joined("PD"), joined("ET")) if part)
    reader.published = parse_datetime(when) if when else None
    language = joined("LA")
    accession = joined("AN")
    info: dict[str, Any] = {"export": "Factiva"}
    for code in ("WC", "SC", "ED", "PG", "CY", "CO", "IN", "NS", "RE", "IPD", "PUB"):
        value = joined(code)
        if value is not None:
            info[code.lower()] = value
    body = [rows[i] for code in ("LP", "TD") for i in fields.get(code, ())]
    reader.read_body(_units(body))
    return reader.article(
        language=language_code(language) if language else None,
        id=accession.removeprefix("Document ").strip() if accession else None,
        extensions={FORMAT: info},
        origin=origin,
    )


def _read_wire(copy: WireCopy, origin: Origin) -> Article:
    reader = _Reader(
        headline=copy.headline or copy.slug,
        subheadline=copy.subheadline,
        summary=copy.summary,
        published=copy.transmitted,
    )
    if copy.byline:
        people = rules.parse_byline(copy.byline[0])
        if people is None:
            people = [Contributor(name=copy.byline[0].removeprefix("By ").removeprefix("BY ").strip())]
        for line in copy.byline[1:]:
            people = rules.byline_continuation(line, people) or people
        reader.authors.extend(people)
    rows = _rows(_lines(copy.body))
    reader.read_body(_units(rows))
    subjects: list[Subject] = []
    scheme = "iptc7901-category" if copy.standard == "IPTC 7901" else "anpa1312-category"
    if copy.category:
        subjects.append(Subject(name=copy.category, code=copy.category, scheme=scheme))
    extension: dict[str, Any] = {"wire": copy.standard, **copy.info}
    return reader.article(
        slug=copy.slug,
        keywords=copy.keywords,
        priority=copy.priority,
        section=copy.selector,
        subjects=tuple(subjects),
        extensions={FORMAT: extension},
        origin=origin,
    )


CHARSET = OptionSpec("charset", str, None, "the text's encoding when its bytes do not say (cp1252, latin-1)")


def parse_text(document: Document, options: Options) -> Iterator[Article]:
    """Read one article from plain text or wire copy; see the module notes.

    :raises ParseError: for an empty or binary input, or one that is plainly not an article
        (markup, JSON, a table, a log), naming the file and the reason.
    """
    data = document.data
    name = document.name
    if not data.strip():
        raise ParseError(
            "empty file: there is no text to read" if not data else "the file holds only white space", file=name
        )
    wire = _WIRE_START.match(data) is not None
    declared = CHARSET.value(options)
    wide = declared is not None and (normalise_charset(str(declared)) or "").startswith(("utf-16", "utf-32"))
    if not wide and looks_binary(data, allow_controls=WIRE_CONTROLS if wire else b"\x0c"):
        nul = data.find(b"\x00")
        where = f" (a NUL byte at offset {nul})" if nul >= 0 else ""
        raise ParseError(f"binary data, not text{where}; expected plain text or wire copy", file=name)
    text, charset = decode(data, str(declared) if declared is not None else None)
    origin = Origin(format=FORMAT, charset=charset)
    if wire:
        # a capture of a wire line holds one message after another: one article each
        found = 0
        for message in split_messages(text):
            copy = read_wire(message)
            if copy is None:
                continue
            article = _read_wire(copy, origin)  # (built with its origin: no copy to set it)
            if article.headline or article.body:
                found += 1
                yield article
        if found:
            return
    reason = _not_an_article(text)
    if reason is not None:
        raise ParseError(reason, file=name)
    for article in read_texts(text, origin=origin):
        if not article.headline and not article.body:
            raise ParseError("no article text found", file=name)
        yield article


def locate_blocks(text: str, article: Article) -> list[tuple[int, int] | None]:
    """Where each body block's text stands in ``text`` (the decoded input), as
    ``(start, end)`` character offsets, or None for a block whose text is not one slice of
    it (a list, a media reference, an unwrapped paragraph). Add a block's start to an offset
    into the block to get an offset into the original text."""
    found: list[tuple[int, int] | None] = []
    cursor = 0
    for block in article.body:
        if isinstance(block, (ListBlock, MediaRef)) or not block.text:
            found.append(None)
            continue
        at = text.find(block.text, cursor)
        if at < 0:
            found.append(None)
            continue
        found.append((at, at + len(block.text)))
        cursor = at + len(block.text)
    return found


def _sniff(head: bytes, name: str) -> float:
    if _WIRE_START.match(head) is not None and b"\x02" in head:
        return 0.9  # SOH ... STX: IPTC 7901 or ANPA 1312 wire copy
    # a weak match (below detect.CONFIDENT): a parser that owns the file name's extension (.html,
    # a plugin's .bug) wins over it, and text stays the fallback for everything else
    start = text_head(head).lstrip(b"\xef\xbb\xbf \t\r\n")  # (a text in UTF-16 read as text)
    if not start or start[:1] in (b"<", b"{", b"["):
        return 0.0  # empty, or markup and JSON, which belong to other parsers
    if looks_binary(start):
        return 0.0
    return 0.1  # plain text is plain text, but anything more specific wins


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name=FORMAT,
            parse=parse_text,
            sniff=_sniff,
            extensions=_EXTENSIONS,
            media_types=("text/plain",),
            description="plain-text news (web copy, bare text) and IPTC 7901 / ANPA 1312 wire copy",
            options=(CHARSET,),
        ),
    ]
