"""The article model: one typed shape for a news article, whatever format it came from.

Every class here is an immutable attrs class with slots; collections are tuples. Use
``attrs.evolve`` to derive a changed copy. The model knows nothing of
serialisation: conversion rules live in [`articlekit.converter`][articlekit.converter].

Offsets are character offsets (Python ``str`` indices, so code points) into the ``text``
of the body block they name, half-open ``[start, end)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Literal

import attrs
from attrs import field, frozen

__all__ = [
    "Article",
    "Block",
    "BlockQuote",
    "Contributor",
    "ContributorKind",
    "Cue",
    "Heading",
    "ListBlock",
    "Mark",
    "MarkKind",
    "Media",
    "MediaKind",
    "MediaRef",
    "Origin",
    "Paragraph",
    "Place",
    "Quote",
    "QuoteContext",
    "QuoteKind",
    "Related",
    "Source",
    "SourceKind",
    "Span",
    "Speaker",
    "Subject",
    "When",
    "is_safe_href",
    "normalize_marks",
    "spans_give",
]

QuoteKind = Literal["direct", "indirect", "mixed"]
"""``direct``: the quoted words; ``indirect``: reported speech; ``mixed``: reported speech
holding a quoted fragment."""

SourceKind = Literal["person", "organisation", "group", "unnamed"]
"""What a [Source][articlekit.model.Source] is: a named person, a named organisation, a
group (``officials``, ``residents``) or an unnamed single source (``a senior official``)."""

ContributorKind = Literal["person", "organisation"]
MediaKind = Literal["image", "video", "audio", "graphic", "other"]
MarkKind = Literal["link", "emphasis", "strong"]
"""``link``: a hyperlink (HTML ``a``); ``emphasis``: stress (``em``, ``i``); ``strong``: strong
importance (``strong``, ``b``)."""

QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
SOURCE_KINDS: tuple[str, ...] = ("person", "organisation", "group", "unnamed")
CONTRIBUTOR_KINDS: tuple[str, ...] = ("person", "organisation")
MEDIA_KINDS: tuple[str, ...] = ("image", "video", "audio", "graphic", "other")
MARK_KINDS: tuple[str, ...] = ("link", "emphasis", "strong")


def _non_negative(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


# --------------------------------------------------------------------------- people


@frozen
class Contributor:
    """A person or organisation credited for the article: an author, a reporter, an editor."""

    name: str
    """The name as credited, without "By": ``Jane Doe``, ``Xinhua``."""
    kind: ContributorKind = field(default="person", validator=attrs.validators.in_(CONTRIBUTOR_KINDS))
    """``person`` or ``organisation``."""
    role: str = "author"
    """What they did: ``author``, ``reporting``, ``editing``, ``writing``, ``photographer``, ..."""
    title: str | None = None
    """Their job title as given in the byline (``Staff writer``, ``Moscow correspondent``)."""
    affiliation: str | None = None
    """The organisation they write for, where the byline says (``Reuters``)."""

    @property
    def display_name(self) -> str:
        """The name to show: ``name``, in title case when a person's name is credited in
        capitals (``Bernard Condon`` for ``BERNARD CONDON``, ``Anna de Vries`` for ``ANNA DE
        VRIES``); ``name`` keeps what the article wrote."""
        if self.kind != "person" or not self.name.isupper() or len(self.name.split()) < 2:
            return self.name
        return _title_case(self.name)


_PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "do", "dos", "du", "van", "von", "der", "den", "ter", "la", "le"}
)


def _title_case(name: str) -> str:
    """``JEAN-PIERRE O'NEIL`` to ``Jean-Pierre O'Neil``; particles inside a name in lower case."""
    words = name.lower().split()
    shown = []
    for number, word in enumerate(words):
        if number and 0 < number < len(words) - 1 and word in _PARTICLES:
            shown.append(word)
            continue
        shown.append(re.sub(r"(^|[-'’.])(\w)", lambda m: m.group(1) + m.group(2).upper(), word))
    return " ".join(shown)


@frozen
class Place:
    """A place named in a dateline: ``MOSCOW``, ``KYIV, Ukraine``."""

    name: str
    """The place as written in the dateline (``MOSCOW``, ``Kyiv``)."""
    region: str | None = None
    """A state or region given with it (``Calif.``)."""
    country: str | None = None
    """The country given with it (``Ukraine``)."""


@frozen
class Subject:
    """A classification of the article: an IPTC subject code, a section, a category."""

    name: str
    """The human-readable label (``politics``)."""
    code: str | None = None
    """The code in its scheme (``11000000``, ``medtop:20000763``)."""
    scheme: str | None = None
    """The scheme or vocabulary the code belongs to (``iptc-subjectcode``, ``medtop``)."""


@frozen
class Media:
    """An image, video, audio clip or graphic that belongs to the article."""

    kind: MediaKind = field(default="image", validator=attrs.validators.in_(MEDIA_KINDS))
    """``image``, ``video``, ``audio``, ``graphic`` or ``other``."""
    url: str | None = None
    """Where the media lives, as given by the source (never fetched)."""
    caption: str | None = None
    """The caption, without its credit."""
    credit: str | None = None
    """Who made or supplied it: ``UKRAINIAN EMERGENCY SERVICE VIA AFP``, ``AP Photo/Jane Doe``."""
    alt: str | None = None
    """Alternative text for readers who cannot see it."""
    media_type: str | None = None
    """The MIME type where known (``image/jpeg``)."""
    width: int | None = None
    """Width in pixels where known."""
    height: int | None = None
    """Height in pixels where known."""


# --------------------------------------------------------------------------- body


@frozen
class Mark:
    """Inline markup over ``[start, end)`` of its block's text: a link, emphasis or strong
    importance. The text stays plain; marks stand beside it, so every offset into the text
    (quote spans, cues, speakers) means the same with or without them.

    Marks of one block may nest or overlap in any way; the block keeps them in one canonical
    order (see [`normalize_marks`][articlekit.model.normalize_marks]).

    >>> Mark.link(4, 9, "https://example.org/")  # doctest: +SKIP
    """

    kind: MarkKind = field(validator=attrs.validators.in_(MARK_KINDS))
    """``link``, ``emphasis`` or ``strong``."""
    start: int = field(validator=_non_negative)
    """The first character marked."""
    end: int = field(validator=_non_negative)
    """One past the last character marked; always after ``start`` (a mark is never empty)."""
    href: str | None = None
    """For a link, its target: an absolute URL where the source gave the page's address,
    as written otherwise; never ``javascript:`` or another unsafe scheme. None for other kinds."""
    title: str | None = None
    """For a link, its advisory title (HTML ``title``), where given."""

    @end.validator
    def _end_after_start(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if value <= self.start:
            raise ValueError(f"{self.kind} mark [{self.start}, {value}) is empty or ends before it starts")

    def __attrs_post_init__(self) -> None:
        if self.kind == "link":
            if not self.href:
                raise ValueError(f"link mark [{self.start}, {self.end}) has no href")
            if not is_safe_href(self.href):
                raise ValueError(
                    f"link mark [{self.start}, {self.end}): {self.href!r} is not a safe link"
                    f" (expected {', '.join(SAFE_SCHEMES)} or a relative address)"
                )
        elif self.href is not None or self.title is not None:
            raise ValueError(f"{self.kind} mark [{self.start}, {self.end}): only a link has an href or title")

    @classmethod
    def link(cls, start: int, end: int, href: str, title: str | None = None) -> Mark:
        """A link to ``href`` over ``[start, end)``."""
        return cls("link", start, end, href, title)

    @classmethod
    def emphasis(cls, start: int, end: int) -> Mark:
        """Emphasis (``em``, ``i``, Markdown ``*x*``) over ``[start, end)``."""
        return cls("emphasis", start, end)

    @classmethod
    def strong(cls, start: int, end: int) -> Mark:
        """Strong importance (``strong``, ``b``, Markdown ``**x**``) over ``[start, end)``."""
        return cls("strong", start, end)


SAFE_SCHEMES: tuple[str, ...] = ("http", "https", "mailto", "ftp", "tel")
"""The schemes a link may have; an address without one is relative."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]|\s")
"""What a scheme check looks through: controls and spaces (as browsers do), and any other
Unicode white space (as ``str.strip`` in the readers does), so no spelling passes one and not
the other."""


def is_safe_href(href: str) -> bool:
    """Whether ``href`` is a link a reader may follow: a relative address, or one whose scheme
    is in ``SAFE_SCHEMES``. White space (Unicode's too, such as a no-break space) and control
    characters are ignored as browsers ignore them, so ``java\tscript:`` is caught."""
    match = _SCHEME.match(_URL_IGNORED.sub("", href))
    return match is None or match.group(1).lower() in SAFE_SCHEMES


_KIND_ORDER = {"link": 0, "strong": 1, "emphasis": 2}


def merge_same_marks(ordered: Iterable[Mark], bridges: Callable[[Mark, Mark], bool]) -> list[Mark]:
    """``ordered`` (grouped by kind and target, by start within a group) with each mark merged
    into the one before it where both have the same kind, ``href`` and ``title`` and
    ``bridges(before, mark)`` holds. Shared by [`normalize_marks`][articlekit.model.normalize_marks]
    and the readers' joining of marks split by white space."""
    merged: list[Mark] = []
    for mark in ordered:
        last = merged[-1] if merged else None
        if (
            last is not None
            and (last.kind, last.href, last.title) == (mark.kind, mark.href, mark.title)
            and bridges(last, mark)
        ):
            if mark.end > last.end:
                merged[-1] = Mark(last.kind, last.start, mark.end, last.href, last.title)
            continue
        merged.append(mark)
    return merged


def normalize_marks(marks: Iterable[Mark]) -> tuple[Mark, ...]:
    """``marks`` in canonical form: marks of the same kind (and, for links, the same ``href``
    and ``title``) that overlap or touch merged into one, then sorted by start, the longer
    first, links outside strong outside emphasis.

    Every block runs its marks through this, so ``<em>a</em><em>b</em>`` and ``<em>ab</em>``
    give equal blocks, and a format that has to split crossing marks to nest them reads back
    the marks that were written."""
    if not marks:
        return ()
    ordered = sorted(marks, key=lambda m: (_KIND_ORDER[m.kind], m.href or "", m.title or "", m.start, m.end))
    merged = merge_same_marks(ordered, lambda last, mark: mark.start <= last.end)
    merged.sort(key=lambda m: (m.start, -m.end, _KIND_ORDER[m.kind], m.href or "", m.title or ""))
    return tuple(merged)


def _marks_inside(block: Any, _attribute: Any, marks: tuple[Mark, ...]) -> None:
    """Every mark lies inside the block's text (for a list, inside one item)."""
    if not marks:
        return
    length = len(block.text)
    for mark in marks:
        if mark.end > length:
            raise ValueError(
                f"{mark.kind} mark [{mark.start}, {mark.end}) runs past its {type(block).__name__}"
                f" ({length} characters)"
            )
    if isinstance(block, ListBlock):
        ranges: list[tuple[int, int]] = []
        position = 0
        for item in block.items:
            ranges.append((position, position + len(item)))
            position += len(item) + 1
        for mark in marks:
            if not any(start <= mark.start and mark.end <= end for start, end in ranges):
                raise ValueError(f"{mark.kind} mark [{mark.start}, {mark.end}) is not inside one list item")


@frozen
class Paragraph:
    """A paragraph of running text."""

    text: str
    """The paragraph's text, verbatim from the source where the format allows."""
    marks: tuple[Mark, ...] = field(default=(), converter=normalize_marks, validator=_marks_inside)
    """Links, emphasis and strong importance in the text, in canonical order."""


@frozen
class Heading:
    """A subheading inside the body."""

    text: str
    """The heading's text."""
    level: int = field(default=2, validator=[attrs.validators.ge(1), attrs.validators.le(6)])
    """Its level, 1 to 6 as in HTML; body subheadings are usually 2."""
    marks: tuple[Mark, ...] = field(default=(), converter=normalize_marks, validator=_marks_inside)
    """Links, emphasis and strong importance in the text, in canonical order."""


@frozen
class BlockQuote:
    """A block quotation set apart from the running text (HTML ``blockquote``, NITF ``bq``)."""

    text: str
    """The quoted text."""
    cite: str | None = None
    """Who or what it is attributed to, where the source says."""
    marks: tuple[Mark, ...] = field(default=(), converter=normalize_marks, validator=_marks_inside)
    """Links, emphasis and strong importance in the text, in canonical order."""


@frozen
class ListBlock:
    """A bulleted or numbered list."""

    items: tuple[str, ...]
    """The items' texts, in order."""
    ordered: bool = False
    """True for a numbered list."""
    marks: tuple[Mark, ...] = field(default=(), converter=normalize_marks, validator=_marks_inside)
    """Links, emphasis and strong importance, with offsets into ``text`` (the items joined by
    newlines), each inside one item."""

    @property
    def text(self) -> str:
        """The items joined by newlines: what offsets into a list block index."""
        return "\n".join(self.items)


@frozen
class Related:
    """A link to a related article standing in the body: ``ALSO READ: ...``, ``Related: ...``."""

    text: str
    """The linked article's title."""
    label: str | None = None
    """The label as written (``ALSO READ``, ``Related``)."""
    url: str | None = None
    """The link target, where the source gives one."""

    @property
    def title(self) -> str:
        """The linked article's title (the same as ``text``)."""
        return self.text


@frozen
class MediaRef:
    """Where a media item stands in the body flow."""

    media: int = field(validator=_non_negative)
    """The index of the item in [`Article.media`][articlekit.model.Article.media]."""

    @property
    def text(self) -> str:
        """Always empty: a media reference has no text of its own."""
        return ""


Block = Paragraph | Heading | BlockQuote | ListBlock | Related | MediaRef
"""One block of the body."""

BLOCK_TYPES: tuple[type, ...] = (Paragraph, Heading, BlockQuote, ListBlock, Related, MediaRef)


# --------------------------------------------------------------------------- quotes


@frozen
class Span:
    """A half-open character range ``[start, end)`` in the text of one body block."""

    block: int
    """The index of the block in [`Article.body`][articlekit.model.Article.body]."""
    start: int
    """The first character."""
    end: int = field()
    """One past the last character."""

    @end.validator
    def _check(self, _attribute: attrs.Attribute[int], value: int) -> None:
        # every check of the three fields in one validator (one call, not four: the quote
        # finder makes tens of spans per article), in the order and words of one per field
        if self.block < 0 or self.start < 0 or value < 0:
            for name, number in (("block", self.block), ("start", self.start), ("end", value)):
                if number < 0:
                    raise ValueError(f"{name} must be >= 0, got {number}")
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")


@frozen
class Cue:
    """The words that introduce or attribute a quote: ``said``, ``told reporters``,
    ``according to``."""

    text: str
    """The cue as written."""
    span: Span | None = None
    """Where it stands, if it stands in the body."""


@frozen
class Speaker:
    """Who a quote is attributed to, as the text names them at that point."""

    mention: str
    """The mention as written: ``Russian President Vladimir Putin``, ``he``, ``the ministry``."""
    source: str | None = None
    """The id of the [Source][articlekit.model.Source] the mention resolves to."""
    span: Span | None = None
    """Where the mention stands, if it stands in the body."""


@frozen
class When:
    """When something was said: the words as written and, where they can be resolved, the
    dates they mean."""

    text: str
    """As written: ``Thursday``, ``last week``, ``on Nov. 27``."""
    start: date | None = None
    """The first day the words can mean, where resolvable."""
    end: date | None = None
    """The last day the words can mean; equal to ``start`` for a single day."""

    @property
    def date(self) -> date | None:
        """The day, when the words resolve to exactly one."""
        return self.start if self.start is not None and self.start == self.end else None


@frozen
class QuoteContext:
    """Where, through what and when a quote was said."""

    venue: str | None = None
    """Where it was said: ``a press conference in Bishkek, Kyrgyzstan``."""
    channel: str | None = None
    """Through what: ``Telegram``, ``X``, ``a statement``, ``an interview with Reuters``."""
    when: When | None = None
    """When it was said."""


def spans_give(pieces: Sequence[str], text: str) -> bool:
    """Whether a quote's ``text`` is its spans' texts ``pieces`` joined by ``" "`` or ``". "``
    (a sentence break between two spans)."""
    if len(pieces) == 1:
        return pieces[0] == text
    if " ".join(pieces) == text:
        return True  # the common case, at C speed
    pos = 0
    for index, piece in enumerate(pieces):
        if not text.startswith(piece, pos):
            return False
        pos += len(piece)
        if index < len(pieces) - 1:
            if text.startswith(". ", pos):
                pos += 2
            elif text.startswith(" ", pos):
                pos += 1
            else:
                return False
    return pos == len(text)


@frozen
class Quote:
    """One statement attributed to a speaker."""

    id: str
    """Unique within the article (``q1``, ``q2``, ...)."""
    kind: QuoteKind = field(validator=attrs.validators.in_(QUOTE_KINDS))
    """``direct``, ``indirect`` or ``mixed``."""
    text: str
    """The quoted or reported words. With spans, the spans' texts joined by a single space, or by
    ``". "`` where the speaker's sentence ended between two spans (``"... the almighty dollar,"
    says Lee. "It's about ..."`` gives ``the almighty dollar. It's about ...``)."""
    spans: tuple[Span, ...] = ()
    """Where the words stand, in order: several spans for a quote split by its attribution or
    running over several paragraphs."""
    cue: Cue | None = None
    """The attributing words."""
    speaker: Speaker | None = None
    """Who said it."""
    context: QuoteContext = QuoteContext()
    """Where, through what and when."""


@frozen
class Source:
    """A person or organisation quoted in the article: one per real speaker."""

    id: str
    """Unique within the article (``s1``, ``s2``, ...)."""
    kind: SourceKind = field(validator=attrs.validators.in_(SOURCE_KINDS))
    """``person``, ``organisation``, ``group`` or ``unnamed``."""
    name: str
    """The fullest name seen (``Vladimir Putin``), or the description of an unnamed source
    (``a senior official``)."""
    titles: tuple[str, ...] = ()
    """Titles and roles seen (``Russian President``, ``head of Ukraine's presidential office``)."""
    affiliation: str | None = None
    """The organisation they speak for, where known."""
    aliases: tuple[str, ...] = ()
    """Every other way the article refers to them (``Putin``, ``the Russian president``)."""


# --------------------------------------------------------------------------- article


@frozen
class Origin:
    """Where an article came from."""

    format: str | None = None
    """The name of the input format (``text``, ``nitf``, ``json``)."""
    file: str | None = None
    """The input's file name, as given (``-`` for standard input)."""
    parser: str | None = None
    """The plugin that parsed it."""
    charset: str | None = None
    """The character encoding the input was decoded with, where it was text."""


_last_checked: tuple[tuple[Any, ...], ...] | None = None
"""The body, quotes, sources and media of the article checked last (see ``Article.__attrs_post_init__``)."""


_spans_checked: tuple[tuple[Any, ...], dict[tuple[int, ...], tuple[Any, ...]]] | None = None
"""The body of the article checked last, and the parts of its quotes that passed the span
checks over it (by their objects' identities)."""


def _validate_article(article: Article) -> None:
    body = article.body
    source_ids = [s.id for s in article.sources]
    if len(set(source_ids)) != len(source_ids):
        raise ValueError(f"source ids are not unique: {source_ids}")
    quote_ids = [q.id for q in article.quotes]
    if len(set(quote_ids)) != len(quote_ids):
        raise ValueError(f"quote ids are not unique: {quote_ids}")
    known = set(source_ids)
    for block in body:
        if isinstance(block, MediaRef) and block.media >= len(article.media):
            raise ValueError(f"media reference {block.media} is out of range ({len(article.media)} media)")

    def check_span(span: Span, quote_id: str, part: str = "") -> str:
        # the error names ``quote {quote_id}{part}``, built only when there is an error
        if span.block >= len(body):
            raise ValueError(f"quote {quote_id}{part}: block {span.block} is out of range ({len(body)} blocks)")
        text = body[span.block].text
        if span.end > len(text):
            raise ValueError(
                f"quote {quote_id}{part}: span [{span.start}, {span.end}) runs past block {span.block}"
                f" ({len(text)} characters)"
            )
        return text[span.start : span.end]

    global _spans_checked
    held = _spans_checked
    passed = held[1] if held is not None and held[0] is body else {}
    now: dict[tuple[int, ...], tuple[Any, ...]] = {}
    for quote in article.quotes:
        speaker = quote.speaker
        # what the span checks read: the very objects of a quote that passed them over this body
        # pass again (the sources enricher rebuilds every quote around the same spans, cue,
        # text and mention)
        parts = (
            quote.spans,
            quote.text,
            quote.cue,
            speaker.span if speaker is not None else None,
            speaker.mention if speaker is not None else None,
        )
        key = (id(parts[0]), id(parts[1]), id(parts[2]), id(parts[3]), id(parts[4]))
        if key not in passed:
            if quote.spans:
                pieces = [check_span(s, quote.id) for s in quote.spans]
                if not spans_give(pieces, quote.text):
                    joined = " ".join(pieces)
                    raise ValueError(f"quote {quote.id}: its spans give {joined!r}, not its text {quote.text!r}")
            if quote.cue is not None and quote.cue.span is not None:
                got = check_span(quote.cue.span, quote.id, " cue")
                if got != quote.cue.text:
                    raise ValueError(f"quote {quote.id}: its cue span gives {got!r}, not {quote.cue.text!r}")
            if speaker is not None and speaker.span is not None:
                got = check_span(speaker.span, quote.id, " speaker")
                if got != speaker.mention:
                    raise ValueError(f"quote {quote.id}: its speaker span gives {got!r}, not {speaker.mention!r}")
        if type(quote.spans) is tuple:  # (a list could change under the same identity)
            now[key] = parts  # held, so that no other object takes these ids meanwhile
        if speaker is not None and speaker.source is not None and speaker.source not in known:
            raise ValueError(f"quote {quote.id}: source {speaker.source!r} does not exist")
    if type(body) is tuple:
        _spans_checked = (body, now)


@frozen
class Article:
    """A news article: its metadata, its body's structure, its quotes and their sources.

    Construction checks the invariants that types cannot: every span lies inside its block and
    slices back to the recorded text, every quote's source exists, ids are unique and media
    references point at media. Call [`Article.check`][articlekit.model.Article.check] to
    run them again, for instance on an instance built with ``attrs.evolve``.
    """

    headline: str = ""
    """The main headline."""
    subheadline: str | None = None
    """A second headline or deck."""
    summary: str | None = None
    """An abstract, standfirst or description."""
    language: str | None = None
    """A BCP 47 language tag (``en``, ``en-GB``) where known: as the input gives it, or detected
    from the text by the ``language`` enricher, which then marks it in ``extensions``
    (``provenance.language`` is ``"detected"``, ``language.confidence`` how sure it was)."""
    url: str | None = None
    """The canonical address of the article, where known."""
    id: str | None = None
    """The article's identifier in its source (a NewsML guid, a WARC record id)."""
    published: datetime | None = None
    """When it was first published: with its UTC offset when the source gives one, naive when
    it does not."""
    updated: datetime | None = None
    """When it was last updated; same rules as ``published``."""
    authors: tuple[Contributor, ...] = ()
    """Everyone credited, in the order given, each with a role."""
    provider: str | None = None
    """The agency or publisher that supplied it (``Xinhua``, ``Reuters``)."""
    datelines: tuple[Place, ...] = ()
    """The places in the dateline (``MOSCOW/KYIV`` gives two)."""
    media: tuple[Media, ...] = ()
    """Images and other media, the lead image first."""
    body: tuple[Block, ...] = ()
    """The body, block by block."""
    quotes: tuple[Quote, ...] = ()
    """Every quote, in the order they start."""
    sources: tuple[Source, ...] = ()
    """Everyone quoted, one Source per real person or organisation."""
    keywords: tuple[str, ...] = ()
    """Free keywords and tags."""
    subjects: tuple[Subject, ...] = ()
    """Classifications: subject codes, categories."""
    section: str | None = None
    """The section or desk (``World``, ``Politics``)."""
    slug: str | None = None
    """The agency slug or keyword line (``Ukraine-Crisis``)."""
    priority: int | None = None
    """The agency priority or urgency (1 is highest), where the source gives one."""
    extensions: Mapping[str, Any] = field(factory=dict)
    """Plugin data, one JSON-compatible value per namespace (a plugin's name)."""
    origin: Origin = Origin()
    """Where it came from."""

    def __attrs_post_init__(self) -> None:
        global _last_checked
        # The invariants read only the body, quotes, sources and media, all immutable: an
        # article built from the very objects of the one checked last (``attrs.evolve`` setting
        # its origin or language, as the pipeline does several times) holds them already.
        parts = (self.body, self.quotes, self.sources, self.media)
        last = _last_checked
        if last is not None and all(a is b for a, b in zip(last, parts, strict=True)):
            return
        _validate_article(self)
        # (a list given where a tuple belongs could change under the same identity)
        _last_checked = parts if all(type(part) is tuple for part in parts) else None

    def check(self) -> None:
        """Check the invariants again; raises ``ValueError`` naming the first one broken."""
        _validate_article(self)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The body's paragraphs, in order."""
        return tuple(b for b in self.body if isinstance(b, Paragraph))

    @property
    def text(self) -> str:
        """The body text for NLP: every block except related links and media, one per line."""
        return "\n".join(b.text for b in self.body if not isinstance(b, (Related, MediaRef)))

    def source(self, source_id: str | None) -> Source | None:
        """The source with that id, or None (also for no id: ``article.source(speaker.source)``)."""
        for source in self.sources:
            if source_id is not None and source.id == source_id:
                return source
        return None

    def speaker_name(self, quote: Quote) -> str | None:
        """Who said ``quote``: the name of the source its speaker resolves to, else the words
        naming the speaker (``the mayor``), else None for an unattributed quote.

        >>> article.speaker_name(article.quotes[0])  # doctest: +SKIP
        'Vladimir Putin'
        """
        if quote.speaker is None:
            return None
        source = self.source(quote.speaker.source)
        return source.name if source is not None else quote.speaker.mention
