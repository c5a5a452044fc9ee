"""Reading NITF (News Industry Text Format 2.5 to 3.6, with or without the namespace) into an
article: the ``nitf`` parser's work, shared with the NewsML parsers.

The DOCTYPE is never loaded and no entity is resolved (see [`articlekit.xmlsafe`][articlekit.common.xmlsafe]);
HTML entity references left unresolved (``&mdash;``) are read as their characters.

The body converter ([`NitfBody`][articlekit.common.nitf.NitfBody]) is also used by the
``newsml-g2`` parser for NITF carried in ``inlineXML`` and by the ``newsml-1`` parser. The mapping is documented in
``docs/formats/nitf.md``.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import attrs
from lxml import etree

from articlekit.common.bylines import clean_byline, split_byline
from articlekit.common.dates import parse_timestamp
from articlekit.common.fields import Fields
from articlekit.common.industry import (
    TextBuilder,
    find_outside,
    media_kind,
    split_credit,
    strip_quote_marks,
)
from articlekit.common.xmlsafe import (
    children,
    entity_text,
    find_child,
    local_name,
    size_value,
    squash,
    text_of,
)
from articlekit.errors import ParseError
from articlekit.marks import MARK_TAGS, join_marks, link_href
from articlekit.model import (
    QUOTE_KINDS,
    Article,
    Block,
    BlockQuote,
    Contributor,
    Heading,
    ListBlock,
    Mark,
    Media,
    MediaRef,
    Paragraph,
    Place,
    Quote,
    Related,
    Span,
    Speaker,
    Subject,
)

__all__ = ["NITF_NAMESPACE", "NitfBody", "article_from_nitf", "read_nitf_date"]

NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
_ARTICLEKIT_NAMESPACE = "https://articlekit.org/ns/1"
# what articlekit's writer adds on <q>: the quote's id (the same on each of its spans) and kind
_QUOTE_ID = f"{{{_ARTICLEKIT_NAMESPACE}}}quote"
_QUOTE_KIND = f"{{{_ARTICLEKIT_NAMESPACE}}}kind"
_HEADING_LEVEL = f"{{{_ARTICLEKIT_NAMESPACE}}}level"
_QUOTE_JOIN = f"{{{_ARTICLEKIT_NAMESPACE}}}join"
_MEDIA_INDEX = f"{{{_ARTICLEKIT_NAMESPACE}}}media"
_MEDIA_PLACED = f"{{{_ARTICLEKIT_NAMESPACE}}}placed"
_QuoteMark = tuple[int, int, "str | None", "str | None", "str | None", "str | None"]
"""A ``<q>`` in a block: start, end, quote-source, ak:quote, ak:kind, ak:join."""

# elements whose content is running text of a paragraph-like block
_TEXT_BLOCKS = {"p", "pre", "fn"}
# elements that only group blocks
_CONTAINERS = {"block", "body.content", "div", "section", "article", "main", "nitf-table-summary"}
# skipped in the body: metadata and editorial notes that are not part of the story's text
_SKIPPED = {"note", "nitf-table-metadata", "hr", "classifier", "ed-msg", "hl1", "head", "header", "script", "style"}
# NITF's (and HTML's) inline elements: inside a container they continue the running text
_INLINE = {
    "a", "b", "i", "em", "strong", "u", "span", "br", "sub", "sup", "q", "person", "org", "location",
    "lang", "money", "num", "chron", "event", "function", "object.title", "virtloc", "pronounce",
    "copyrite", "frac", "alt-code", "city", "state", "region", "country", "postal-code", "sublocation",
}  # fmt: skip
_HTML_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_MENTION_KINDS = {"person": "person", "org": "organisation", "location": "location"}
_EXTENSION = "nitf"


def read_nitf_date(value: str | None) -> datetime | None:
    """A NITF ``norm`` date (``20020225T143000-0500``, ``2021-05-16T09:00:04``,
    ``20080219+0100``) as a datetime; None when missing or unreadable."""
    return parse_timestamp(value)


class NitfBody:
    """Converts NITF body elements into blocks, media, quotes and mentions.

    Feed it ``body.content`` (or any block container) with ``add_container``; read the
    results from its attributes. ``media_offset`` is the number of media the article
    already has, so media references point at the right items.
    """

    def __init__(self, media_offset: int = 0) -> None:
        self.blocks: list[Block] = []
        self.media: list[Media] = []
        self.quotes: list[Quote] = []
        self.mentions: list[dict[str, Any]] = []
        self.languages: list[str] = []
        self._media_offset = media_offset
        self._media_indexes: list[str | None] = []
        self._written: dict[str, int] = {}
        """The quotes read with an ``ak:quote`` id, by that id: the index in ``quotes``."""

    # ------------------------------------------------------------------ blocks

    def add_container(self, element: etree._Element, depth: int = 0) -> None:
        """Add every block inside ``element``. Text and inline markup standing directly in a
        container (not in a ``p``) are gathered into one paragraph up to the next block."""
        run = etree.Element("p")
        run.text = element.text
        for child in element:
            if isinstance(child.tag, str) and local_name(child) not in _INLINE:
                self._flush(run)
                run = etree.Element("p")
                self.add_block(child, depth + 1)
                run.text = child.tail
            else:
                # inline markup (or an entity) keeps its place, its tail with it
                run.append(copy.deepcopy(child))
        self._flush(run)

    def _flush(self, run: etree._Element) -> None:
        if (run.text and run.text.strip()) or len(run):
            self._text_block(run)

    def add_block(self, element: etree._Element, depth: int = 0) -> None:
        """Add one block-level element (``p``, ``hl2``, ``bq``, ``ul``, ``media``, ...)."""
        name = local_name(element)
        if name in _TEXT_BLOCKS:
            self._text_block(element)
        elif name == "hl2":
            text, marks = self._marked_text(element)
            written = element.get(_HEADING_LEVEL) or ""  # ak:level, as articlekit writes a level other than 2
            if text:
                level = int(written) if written in ("1", "3", "4", "5", "6") else 2
                self.blocks.append(Heading(text, level=level, marks=marks))
        elif name in _HTML_HEADINGS:
            text, marks = self._marked_text(element)
            if text:
                self.blocks.append(Heading(text, level=_HTML_HEADINGS[name], marks=marks))
        elif name in ("bq", "blockquote"):
            self._block_quote(element, depth)
        elif name in ("ul", "ol", "dl"):
            self._list(element, ordered=name == "ol")
        elif name == "media":
            self._media(element)
        elif name in ("table", "nitf-table"):
            self._table(element)
        elif name in _CONTAINERS:
            if depth < 200:
                self.add_container(element, depth)
        elif name in _SKIPPED:
            return
        elif name == "tagline":
            self._text_block(element)
        else:
            # an unknown or inline element standing where a block belongs: keep its text
            self._text_block(element)

    def _related(self, element: etree._Element) -> bool:
        """A "Read more: <a>title</a>" paragraph (as articlekit's NITF writer and many CMSs
        write them) as a Related block; False when the paragraph is not one."""
        links = list(children(element))
        if len(links) != 1 or local_name(links[0]) != "a":
            return False
        link = links[0]
        marked = "related" in (element.get("class") or "").split() or link.get("rel") == "related"
        label = squash(element.text or "").rstrip(":").strip()
        if not marked or (link.tail and link.tail.strip()):
            return False
        title = text_of(link)
        if not title:
            return False
        self.blocks.append(Related(title, label=label or None, url=link.get("href") or None))
        return True

    def _text_block(self, element: etree._Element) -> None:
        if local_name(element) == "p" and self._related(element):
            return
        lang = element.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang:
            self.languages.append(lang)
        builder = TextBuilder()
        quotes: list[_QuoteMark] = []
        mentions: list[tuple[int, int, str, etree._Element]] = []
        marks: list[Mark] = []
        self._inline(element, builder, quotes, mentions, marks)
        text = builder.text()
        if not text:
            return
        index = len(self.blocks)
        self.blocks.append(Paragraph(text, marks=join_marks(text, marks)))
        source = element.get("quote-source")
        if source is not None:
            # a whole paragraph marked as a quotation (NTB does this)
            quotes.insert(0, (0, len(text), source, None, None, None))
        for start, end, speaker, written_id, kind, join in quotes:
            self._quote(index, text, start, end, speaker, written_id, kind, join)
        for start, end, kind, node in mentions:
            if end > start:
                mention: dict[str, Any] = {
                    "kind": kind,
                    "text": text[start:end],
                    "block": index,
                    "start": start,
                    "end": end,
                }
                for attribute in ("idsrc", "value"):
                    if node.get(attribute):
                        mention[attribute] = node.get(attribute)
                self.mentions.append(mention)

    def _inline(
        self,
        element: etree._Element,
        builder: TextBuilder,
        quotes: list[_QuoteMark],
        mentions: list[tuple[int, int, str, etree._Element]],
        marks: list[Mark],
    ) -> None:
        # iterative walk: inline markup nests freely in the wild
        starts: dict[int, int] = {}
        for event, node in etree.iterwalk(element, events=("start", "end")):
            if isinstance(node, etree._Entity):
                if event == "start":
                    builder.add(entity_text(node))
                elif node.tail:
                    builder.add(node.tail)
                continue
            if not isinstance(node.tag, str):
                if event == "end" and node.tail:
                    builder.add(node.tail)
                continue
            name = local_name(node)
            if event == "start":
                if name == "br":
                    builder.newline()
                starts[id(node)] = builder.mark()
                if node.text:
                    builder.add(node.text)
            else:
                start = starts.pop(id(node), builder.mark())
                end = builder.end_mark()
                if node is not element:
                    if name == "q":
                        quotes.append(
                            (
                                start,
                                end,
                                node.get("quote-source"),
                                node.get(_QUOTE_ID),
                                node.get(_QUOTE_KIND),
                                node.get(_QUOTE_JOIN),
                            )
                        )
                    elif name in _MENTION_KINDS:
                        mentions.append((start, end, _MENTION_KINDS[name], node))
                    elif end > start:
                        mark = _inline_mark(node, name, start, end)
                        if mark is not None:
                            marks.append(mark)
                    if node.tail:
                        builder.add(node.tail)

    def _marked_text(self, element: etree._Element) -> tuple[str, tuple[Mark, ...]]:
        """A heading's, list item's or block quote part's text with its links and emphasis;
        without marks where reading them would give other text than ``text_of``."""
        text = text_of(element)
        if not any(local_name(node) in _MARK_ELEMENTS for node in element.iterdescendants()):
            return text, ()
        builder = TextBuilder()
        marks: list[Mark] = []
        self._inline(element, builder, [], [], marks)
        return (text, join_marks(text, marks)) if builder.text() == text else (text, ())

    def _quote(
        self,
        block: int,
        text: str,
        start: int,
        end: int,
        speaker_name: str | None,
        written_id: str | None = None,
        kind: str | None = None,
        join: str | None = None,
    ) -> None:
        written = self._written.get(written_id) if written_id else None
        if written is not None:
            # another span of a quote articlekit wrote (ak:quote): the quote is one, as written
            self._add_span(written, Span(block, max(0, start), min(end, len(text))), text, join or " ")
            return
        if written_id is None:
            start, end = strip_quote_marks(text, max(0, start), min(end, len(text)))
        if end <= start:
            return
        speaker = None
        if speaker_name and speaker_name.strip():
            mention = squash(speaker_name)
            found = find_outside(text, mention, start, end)
            speaker = Speaker(mention=mention, span=Span(block, found, found + len(mention)) if found >= 0 else None)
        used = {quote.id for quote in self.quotes}
        number = len(self.quotes) + 1
        while f"q{number}" in used:
            number += 1
        quote_id = written_id if written_id and written_id not in used else f"q{number}"
        self.quotes.append(
            Quote(
                id=quote_id,
                kind=kind if kind in QUOTE_KINDS else "direct",  # type: ignore[arg-type]
                text=text[start:end],
                spans=(Span(block, start, end),),
                speaker=speaker,
            )
        )
        if written_id:
            self._written[written_id] = len(self.quotes) - 1

    def _add_span(self, index: int, span: Span, text: str, join: str) -> None:
        quote = self.quotes[index]
        last = quote.spans[-1]
        if (last.block, last.end) == (span.block, span.start):
            # one span written as two <q> where another quote's span crossed it
            spans = (*quote.spans[:-1], Span(span.block, last.start, span.end))
            words = quote.text + text[span.start : span.end]
        else:
            spans = (*quote.spans, span)
            words = f"{quote.text}{join if join in (' ', '. ') else ' '}{text[span.start : span.end]}"
        self.quotes[index] = attrs.evolve(quote, spans=spans, text=words)

    def _block_quote(self, element: etree._Element, depth: int) -> None:
        credit_element = find_child(element, "credit")
        credit = text_of(credit_element) or None
        pieces: list[str] = []
        marks: list[Mark] = []
        if element.text and element.text.strip():
            pieces.append(squash(element.text))
        for child in element:
            if isinstance(child.tag, str) and local_name(child) != "credit":
                piece, piece_marks = self._marked_text(child)
                if piece:
                    offset = sum(len(p) + 1 for p in pieces)
                    marks.extend(attrs.evolve(m, start=m.start + offset, end=m.end + offset) for m in piece_marks)
                    pieces.append(piece)
            if child.tail and child.tail.strip():
                pieces.append(squash(child.tail))
        text = "\n".join(pieces)
        if not text:
            return
        index = len(self.blocks)
        self.blocks.append(BlockQuote(text, cite=credit, marks=marks))
        speaker = element.get("quote-source") or credit
        if speaker:
            self._quote(index, text, 0, len(text), speaker)

    def _list(self, element: etree._Element, *, ordered: bool) -> None:
        read = [self._marked_text(item) for item in children(element) if local_name(item) in ("li", "dt", "dd")]
        items: list[str] = []
        marks: list[Mark] = []
        offset = 0
        for item, item_marks in read:
            if item:
                marks.extend(attrs.evolve(m, start=m.start + offset, end=m.end + offset) for m in item_marks)
                items.append(item)
                offset += len(item) + 1
        if items:
            self.blocks.append(ListBlock(tuple(items), ordered=ordered, marks=marks))

    def _table(self, element: etree._Element) -> None:
        # the model has no tables: each row becomes a paragraph of its cells, tab-separated
        caption = text_of(find_child(element, "caption"))
        if caption:
            self.blocks.append(Paragraph(caption))
        for row in element.iter("{*}tr"):
            cells = [text_of(cell) for cell in children(row) if local_name(cell) in ("td", "th")]
            line = "\t".join(cells).strip()
            if line:
                self.blocks.append(Paragraph(line))

    def _media(self, element: etree._Element) -> None:
        media = media_from_nitf(element)
        if media is None:
            return
        self.media.append(media)
        self._media_indexes.append(element.get(_MEDIA_INDEX))
        if element.get(_MEDIA_PLACED) != "false":  # articlekit writes unplaced media before the body
            self.blocks.append(MediaRef(self._media_offset + len(self.media) - 1))

    def restore_media_order(self) -> None:
        """Put the media back in the order articlekit wrote them in (``ak:media``), where every
        one says its index: the document holds them in body order, the unplaced first."""
        indexes = self._media_indexes
        if not indexes or not all(i is not None and i.isdigit() for i in indexes):
            return
        order = [int(i) for i in indexes if i is not None]
        if sorted(order) != list(range(len(order))):
            return
        media = [m for _, m in sorted(zip(order, self.media, strict=True), key=lambda pair: pair[0])]
        offset = self._media_offset
        self.media = media
        self.blocks = [
            MediaRef(offset + order[b.media - offset]) if isinstance(b, MediaRef) and b.media >= offset else b
            for b in self.blocks
        ]


_MARK_ELEMENTS = frozenset({"a", *MARK_TAGS})


def _inline_mark(node: etree._Element, name: str, start: int, end: int) -> Mark | None:
    """The mark an inline element makes over ``[start, end)``: ``<a href>`` a link (an unsafe
    target dropped), ``<em>`` and ``<i>`` emphasis, ``<em class="strong">`` (as articlekit
    writes it), ``<strong>`` and ``<b>`` strong; None for any other element."""
    if name == "a":
        href = link_href(node.get("href"))
        title = squash(node.get("title") or "") or None
        return Mark.link(start, end, href, title) if href else None
    kind = MARK_TAGS.get(name)
    if kind is None:
        return None
    if kind == "emphasis" and name == "em" and "strong" in (node.get("class") or "").split():
        kind = "strong"
    return Mark(kind, start, end)


def media_from_nitf(element: etree._Element) -> Media | None:
    """A NITF ``media`` element as a Media: its first ``media-reference``, caption and producer."""
    # several references are renditions of one item: the widest with an address wins
    references = [r for r in children(element, "media-reference") if r.get("source") or r.get("data-location")]
    reference = max(references, key=lambda r: size_value(r.get("width"), rule="leading") or 0) if references else None
    caption = text_of(find_child(element, "media-caption")) or None
    credit = text_of(find_child(element, "media-producer")) or None
    url = alt = mime = None
    width = height = None
    if reference is not None:
        url = reference.get("source") or reference.get("data-location") or None
        alt = reference.get("alternate-text") or None
        mime = reference.get("mime-type") or None
        width = size_value(reference.get("width"), rule="leading")
        height = size_value(reference.get("height"), rule="leading")
    if url is None and caption is None:
        return None
    if credit is None:
        caption, credit = split_credit(caption)
    kind = media_kind(element.get("media-type") or mime)
    if kind == "image" and (element.get("class") or "").lower() == "graphic":
        kind = "graphic"  # NITF's media-type has no graphic: articlekit's writer says so in class
    return Media(
        kind=kind, url=url, caption=caption, credit=credit, alt=alt, media_type=mime, width=width, height=height
    )


# ---------------------------------------------------------------------- metadata


def _attr(parent: etree._Element | None, child: str, attribute: str) -> str | None:
    if parent is None:
        return None
    element = find_child(parent, child)
    if element is None:
        return None
    value = element.get(attribute)
    return value.strip() if value and value.strip() else None


def _bylines(body_head: etree._Element | None) -> list[Contributor]:
    if body_head is None:
        return []
    authors: list[Contributor] = []
    for byline in children(body_head, "byline"):
        title, organisation = _byline_title(find_child(byline, "byttl"))
        role, prefix = _byline_role(byline.text or "")
        persons = [text_of(p) for p in children(byline, "person")]
        persons = [p for p in persons if p]
        if persons:
            authors.extend(
                Contributor(name=clean_byline(p), role=role, title=title, affiliation=organisation) for p in persons
            )
            continue
        builder: list[str] = [(byline.text or "")[prefix:]]
        for child in byline:
            if isinstance(child.tag, str) and local_name(child) != "byttl":
                builder.append(text_of(child))
            if child.tail:
                builder.append(child.tail)
        if organisation is not None or title is not None:
            # "Xinhua, <byttl>...</byttl>": the comma before the title is no part of the name
            builder[-1] = builder[-1].rstrip().removesuffix(",")
        names = split_byline("".join(builder))
        if names:
            authors.extend(
                Contributor(name=name, role=role, title=title, affiliation=affiliation or organisation)
                for name, affiliation in names
            )
        elif title:
            authors.append(Contributor(name=title))
    return authors


# what articlekit's writer puts before a name for each role; "By" and its translations: author
_ROLE_PREFIXES = (
    (re.compile(r"\s*(?:by|von|av|af|par|door|por|di)\s+", re.IGNORECASE), "author"),
    (re.compile(r"\s*reporting by\s+", re.IGNORECASE), "reporting"),
    (re.compile(r"\s*written by\s+", re.IGNORECASE), "writing"),
    (re.compile(r"\s*(?:edited|editing) by\s+", re.IGNORECASE), "editing"),
    (re.compile(r"\s*(?:photos?|photographs?) by\s+", re.IGNORECASE), "photographer"),
    (re.compile(r"\s*([a-z][a-z -]*[a-z]):\s+"), ""),
)


def _byline_role(text: str) -> tuple[str, int]:
    """The role a byline's opening words give (``Edited by``: ``editing``; ``translating:``),
    and how many characters they take; ``author`` and 0 when there are none."""
    for pattern, role in _ROLE_PREFIXES:
        match = pattern.match(text)
        if match:
            return role or match.group(1), match.end()
    return "author", 0


def _byline_title(byttl: etree._Element | None) -> tuple[str | None, str | None]:
    """A ``<byttl>``'s job title and the ``<org>`` in it: ``Moscow correspondent, <org>Reuters</org>``."""
    if byttl is None:
        return None, None
    org = find_child(byttl, "org")
    if org is None:
        return text_of(byttl) or None, None
    title = squash(byttl.text or "").rstrip(",").strip()
    return title or None, text_of(org) or None


def _datelines(body_head: etree._Element | None) -> tuple[list[Place], datetime | None]:
    if body_head is None:
        return [], None
    places: list[Place] = []
    story_date: datetime | None = None
    for dateline in children(body_head, "dateline"):
        date_element = find_child(dateline, "story.date")
        if date_element is not None:
            story_date = read_nitf_date(date_element.get("norm")) or read_nitf_date(text_of(date_element))
        locations = list(children(dateline, "location"))
        for location in locations:
            city = text_of(find_child(location, "city"))
            region = text_of(find_child(location, "state")) or text_of(find_child(location, "region")) or None
            country = text_of(find_child(location, "country")) or None
            name = city or text_of(location).split(",")[0].strip()
            if name:
                places.append(Place(name=name, region=region, country=country))
        if not locations:
            pieces = [dateline.text or ""]
            for child in dateline:
                if isinstance(child.tag, str) and local_name(child) != "story.date":
                    pieces.append(text_of(child))
                if child.tail:
                    pieces.append(child.tail)
            text = squash(" ".join(pieces)).strip(" ,-\u2014")
            if text:
                head, _, rest = text.partition(",")
                places.append(Place(name=head.strip(), country=rest.strip() or None))
    return places, story_date


def _subjects(head: etree._Element | None) -> list[Subject]:
    if head is None:
        return []
    subjects: list[Subject] = []
    for tobject in children(head, "tobject"):
        for subject in children(tobject, "tobject.subject"):
            label = (
                subject.get("tobject.subject.detail")
                or subject.get("tobject.subject.matter")
                or subject.get("tobject.subject.type")
                or subject.get("tobject.subject.refnum")
            )
            if not label:
                continue
            ipr = subject.get("tobject.subject.ipr")
            scheme = "iptc-subjectcode" if ipr in (None, "IPTC") else ipr
            subjects.append(Subject(name=label.strip(), code=subject.get("tobject.subject.refnum"), scheme=scheme))
    return subjects


def _classified_subjects(docdata: etree._Element | None) -> list[Subject]:
    """``docdata/identified-content/classifier type="subject"``: subjects without an IPTC
    subject code (a keyword vocabulary's, or a name alone), as articlekit writes them."""
    subjects: list[Subject] = []
    if docdata is None:
        return subjects
    for identified in children(docdata, "identified-content"):
        for classifier in children(identified, "classifier"):
            name = text_of(classifier) or classifier.get("value")
            if (classifier.get("type") or "subject") != "subject" or not name:
                continue
            subjects.append(Subject(name=name, code=classifier.get("value"), scheme=classifier.get("idsrc")))
    return subjects


_NEWS_TYPES = {"news", "data", "advisory"}


def article_from_nitf(root: etree._Element, name: str = "<input>") -> Article:
    """The article in a parsed ``<nitf>`` element (namespaced or not)."""
    if local_name(root) != "nitf":
        raise ParseError(f"not NITF: expected a <nitf> root element, found <{local_name(root)}>", file=name)
    head = find_child(root, "head")
    body = find_child(root, "body")
    body_head = find_child(body, "body.head") if body is not None else None
    docdata = find_child(head, "docdata") if head is not None else None
    pubdata = find_child(head, "pubdata") if head is not None else None
    hedline = find_child(body_head, "hedline") if body_head is not None else None
    rights = find_child(body_head, "rights") if body_head is not None else None
    content = _body_of(body, body_head)
    places, story_date = _datelines(body_head)
    issued = read_nitf_date(_attr(docdata, "date.issue", "norm"))
    released = read_nitf_date(_attr(docdata, "date.release", "norm"))
    publication = read_nitf_date(pubdata.get("date.publication")) if pubdata is not None else None
    subjects, subjects_where = _all_subjects(head, docdata)
    section, section_where = _section(head, pubdata)
    urgency = _attr(docdata, "urgency", "ed-urg")

    fields = Fields()
    headline = fields.first(
        "headline",
        ("body.head/hedline/hl1", text_of(find_child(hedline, "hl1")) if hedline is not None else None),
        ("head/title", text_of(find_child(head, "title")) if head is not None else None),
    )
    fields.set("headline", headline or "")
    fields.first(
        "provider",
        ("body.head/distributor", text_of(find_child(body_head, "distributor")) if body_head is not None else None),
        ("body.head/rights/rights.owner", text_of(find_child(rights, "rights.owner")) if rights is not None else None),
        ("docdata/doc.copyright/@holder", _attr(docdata, "doc.copyright", "holder")),
        ("docdata/doc.rights/@owner", _attr(docdata, "doc.rights", "owner")),
        ("docdata/doc-id/@regsrc", _attr(docdata, "doc-id", "regsrc")),
    )
    fields.first(
        "published",
        ("docdata/date.release/@norm", released),
        ("docdata/date.issue/@norm", issued),
        ("pubdata/@date.publication", publication),
        ("dateline/story.date", story_date),
    )
    fields.set("subheadline", _subheadline(hedline, headline or ""), "body.head/hedline/hl2")
    fields.set("summary", _abstract(body_head), "body.head/abstract")
    fields.set("authors", tuple(_bylines(body_head)), "body.head/byline")
    fields.set("datelines", tuple(places), "body.head/dateline")
    fields.set("keywords", tuple(_keywords(docdata)), "docdata/key-list/keyword/@key")
    fields.set("subjects", tuple(subjects), subjects_where)
    fields.set("slug", _attr(docdata, "du-key", "key"), "docdata/du-key/@key")
    fields.set("priority", int(urgency) if urgency and urgency.isdigit() else None, "docdata/urgency/@ed-urg")
    fields.set("updated", _last_revision(head), "head/revision-history/@norm")
    fields.set("id", _attr(docdata, "doc-id", "id-string"), "docdata/doc-id/@id-string")
    fields.set("url", _web_address(pubdata), "pubdata/@ex-ref")
    fields.set(
        "language",
        root.get("baselang") or (content.languages[0] if content.languages else None),
        "nitf/@baselang" if root.get("baselang") else "xml:lang in the body",
    )
    fields.set("section", section, section_where)
    fields.set("media", tuple(content.media))
    fields.set("body", tuple(content.blocks))
    fields.set("quotes", tuple(content.quotes))
    dates = (("issue", issued), ("release", released), ("publication", publication), ("story", story_date))
    extension = _extension(root, body_head, docdata, content, dict(dates))
    return fields.article(extensions={_EXTENSION: extension} if extension else None)


def _body_of(body: etree._Element | None, body_head: etree._Element | None) -> NitfBody:
    """The body's blocks, media and quotes: ``body.content`` (every one), else the body's own
    blocks, then ``body.end``'s taglines; ``body.head``'s media first."""
    body_content = find_child(body, "body.content") if body is not None else None
    body_end = find_child(body, "body.end") if body is not None else None
    body_converter = NitfBody()
    if body_content is not None:
        body_converter.add_container(body_content)
        for content in list(children(body, "body.content"))[1:] if body is not None else []:
            body_converter.add_container(content)
    elif body is not None:
        # no body.content (invalid, but sent): the body's own blocks are the content
        for child in children(body):
            if local_name(child) not in ("body.head", "body.end"):
                body_converter.add_block(child)
    if body_end is not None:
        for tagline in children(body_end, "tagline"):
            body_converter.add_block(tagline)
    body_converter.restore_media_order()
    if body_head is not None:
        for media in children(body_head, "media"):
            found = media_from_nitf(media)
            if found is not None:
                body_converter.media.insert(0, found)
                body_converter.blocks = [
                    MediaRef(b.media + 1) if isinstance(b, MediaRef) else b for b in body_converter.blocks
                ]
    return body_converter


def _subheadline(hedline: etree._Element | None, headline: str) -> str | None:
    """The first ``hl2`` that is not the headline again."""
    if hedline is not None:
        for hl2 in children(hedline, "hl2"):
            text = text_of(hl2)
            if text and text != headline:
                return text
    return None


def _abstract(body_head: etree._Element | None) -> str | None:
    if body_head is None:
        return None
    abstracts = [text_of(p) for a in children(body_head, "abstract") for p in _paragraphs(a)]
    return "\n".join(a for a in abstracts if a) or None


def _last_revision(head: etree._Element | None) -> datetime | None:
    """The latest revision: when the article was last changed (articlekit writes ``updated`` there)."""
    revisions = [read_nitf_date(r.get("norm")) for r in children(head, "revision-history")] if head is not None else []
    revised = [r for r in revisions if r is not None]
    return revised[-1] if revised else None


def _keywords(docdata: etree._Element | None) -> list[str]:
    keywords: list[str] = []
    if docdata is not None:
        for key_list in children(docdata, "key-list"):
            for keyword in children(key_list, "keyword"):
                key = (keyword.get("key") or "").strip()
                if key and key not in keywords:
                    keywords.append(key)
    return keywords


def _all_subjects(head: etree._Element | None, docdata: etree._Element | None) -> tuple[list[Subject], str]:
    """The ``tobject`` subjects, then the classifiers' ones not among them, and where the first came from."""
    subjects = _subjects(head)
    where = "head/tobject/tobject.subject" if subjects else "docdata/identified-content/classifier"
    subjects.extend(s for s in _classified_subjects(docdata) if s not in subjects)
    return subjects, where


def _section(head: etree._Element | None, pubdata: etree._Element | None) -> tuple[str | None, str]:
    """A ``tobject.type`` that is no news type, else ``pubdata``'s ``position.section``; and where."""
    section = None
    if head is not None:
        tobject = find_child(head, "tobject")
        kind = (tobject.get("tobject.type") or "").strip() if tobject is not None else ""
        if kind and kind.lower() not in _NEWS_TYPES:
            section = kind
    if section is None and pubdata is not None and (pubdata.get("position.section") or "").strip():
        return pubdata.get("position.section", "").strip(), "pubdata/@position.section"
    return section, "head/tobject/@tobject.type"


def _web_address(pubdata: etree._Element | None) -> str | None:
    url = pubdata.get("ex-ref") if pubdata is not None else None
    return url if url and url.startswith(("http://", "https://")) else None


def _extension(
    root: etree._Element,
    body_head: etree._Element | None,
    docdata: etree._Element | None,
    content: NitfBody,
    known: dict[str, datetime | None],
) -> dict[str, Any]:
    """What the model has no field for, under ``extensions["nitf"]``: notes, every date, the
    body's mentions, the NITF version and the editorial message."""
    extension: dict[str, Any] = {}
    if body_head is not None:
        notes = [text_of(n) for n in children(body_head, "note")]
        if any(notes):
            extension["notes"] = [n for n in notes if n]
    dates = {
        "issue": known["issue"],
        "release": known["release"],
        "expire": read_nitf_date(_attr(docdata, "date.expire", "norm")),
        "publication": known["publication"],
        "story": known["story"],
    }
    written = {key: value.isoformat() for key, value in dates.items() if value is not None}
    if written:
        extension["dates"] = written
    if content.mentions:
        extension["mentions"] = content.mentions
    version = root.get("version")
    if version:
        extension["version"] = version
    if docdata is not None:
        message = _attr(docdata, "ed-msg", "info")
        if message:
            extension["editorial_message"] = message
    return extension


def _paragraphs(element: etree._Element) -> Sequence[etree._Element]:
    found = list(children(element, "p"))
    return found or [element]
