"""NITF 3.6 (``nitf``): IPTC's XML for news text, with quotes and sources marked inline.

The output is valid against the NITF 3.6 XSD (namespace ``http://iptc.org/std/NITF/2006-10-18/``).
Direct and mixed quotes are wrapped in ``<q quote-source="Speaker Name">`` at their span offsets,
and the names of quoted people and organisations in ``<person>`` and ``<org>``. Spans may overlap
freely in the model; NITF cannot, so overlapping quotes are split where they cross, and a name
that a quote boundary would cut is left unmarked (``<person>`` may hold no ``<q>``).

See ``docs/formats/nitf.md`` for the mapping of every model field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from lxml import etree

from articlekit.common.rendering import BlockRenderer, Mark, collect_marks, mark_up, marks_within, xml_safe
from articlekit.hookspecs import hookimpl
from articlekit.model import (
    Article,
    BlockQuote,
    Contributor,
    Heading,
    ListBlock,
    Media,
    MediaRef,
    Paragraph,
    Place,
    Related,
    Subject,
)
from articlekit.options import PRETTY
from articlekit.registry import Options, WriterSpec

__all__ = ["NITF_NAMESPACE", "NitfRenderer", "dumps_nitf"]

NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
"""The namespace of NITF 3.6 elements."""
ARTICLEKIT_NAMESPACE = "https://articlekit.org/ns/1"
"""articlekit's own attributes (``ak:quote``, ``ak:kind``), which NITF readers ignore."""

# The 3.6 XSD fixes these root attributes: any other value is invalid.
_ROOT_ATTRIBUTES = {
    "version": "-//IPTC//DTD NITF 3.6//EN",
    "change.date": "September 11, 2009",
    "change.time": "12:26",
}

_SUBJECT_CODE = re.compile(r"^\d{8}$")

# NITF media-type is a controlled vocabulary: text | audio | image | video | data | application | other.
_MEDIA_TYPES = {"image": "image", "graphic": "image", "video": "video", "audio": "audio", "other": "other"}

_BYLINE_PREFIXES = {
    "author": "By ",
    "writing": "Written by ",
    "reporting": "Reporting by ",
    "editing": "Edited by ",
    "photographer": "Photos by ",
}

_NITF_NAME_TAGS = {"person": "person", "organisation": "org"}


def _norm(value: datetime) -> str:
    """NITF's normalised date: ``YYYYMMDDTHHMMSS+HHMM``, ``Z`` for UTC, no suffix when naive."""
    offset = value.utcoffset()
    if offset is not None and offset % timedelta(minutes=1):
        value, offset = value.astimezone(timezone.utc), timedelta(0)
    stamp = f"{value.year:04d}{value.month:02d}{value.day:02d}T{value.hour:02d}{value.minute:02d}{value.second:02d}"
    if offset is None:
        return stamp
    if not offset:
        return stamp + "Z"
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{stamp}{sign}{hours:02d}{minutes:02d}"


# --------------------------------------------------------------------------- inline marks


def _q(tag: str) -> str:
    return f"{{{NITF_NAMESPACE}}}{tag}"


QUOTE_ID = f"{{{ARTICLEKIT_NAMESPACE}}}quote"
"""``<q ak:quote="q3">``: the quote's id, on every ``<q>`` of a quote of several spans, so that
it reads back as one quote (NITF allows attributes of other namespaces on ``<q>``)."""
QUOTE_KIND = f"{{{ARTICLEKIT_NAMESPACE}}}kind"
"""``<q ak:kind="mixed">``: a quote's kind when it is not ``direct``."""
QUOTE_JOIN = f"{{{ARTICLEKIT_NAMESPACE}}}join"
"""``<q ak:join=". ">``: on a quote's later span, where its text joins it to the one before with
``". "`` (the speaker's sentence ended between them) rather than a space."""
HEADING_LEVEL = f"{{{ARTICLEKIT_NAMESPACE}}}level"
"""``<hl2 ak:level="1">``: a heading's level when it is not 2."""
MEDIA_INDEX = f"{{{ARTICLEKIT_NAMESPACE}}}media"
"""``<media ak:media="0">``: the media item's index in the article's media."""
MEDIA_PLACED = f"{{{ARTICLEKIT_NAMESPACE}}}placed"
"""``<media ak:placed="false">``: a media item the body does not place (the lead image)."""


def _nitf_mark(parent: etree._Element, mark: Mark) -> etree._Element:
    if mark.is_quote:
        attributes = {"quote-source": xml_safe(mark.speaker)} if mark.speaker else {}
        if mark.quote_id is not None:
            attributes[QUOTE_ID] = xml_safe(mark.quote_id)
        if mark.quote_kind not in (None, "direct"):
            attributes[QUOTE_KIND] = str(mark.quote_kind)
        if mark.join == ". ":
            attributes[QUOTE_JOIN] = ". "
        return etree.SubElement(parent, _q("q"), attributes)
    if mark.kind == "link":
        link = {"href": xml_safe(mark.href or "")}
        if mark.title is not None:
            link["title"] = xml_safe(mark.title)
        return etree.SubElement(parent, _q("a"), link)
    if mark.kind == "emphasis":
        return etree.SubElement(parent, _q("em"))
    if mark.kind == "strong":
        # NITF has no strong element: em with the class HTML readers of NITF know
        return etree.SubElement(parent, _q("em"), {"class": "strong"})
    return etree.SubElement(parent, _q(_NITF_NAME_TAGS[mark.kind]))


# --------------------------------------------------------------------------- the renderer


class NitfRenderer(BlockRenderer):
    """Renders one article as an NITF 3.6 element tree: one method per body block type.

    An unknown block type is an error ([`WriteError`][articlekit.errors.WriteError]), not
    silence."""

    format_name = "nitf"

    def __init__(self, article: Article) -> None:
        self.article = article
        self._marks = collect_marks(article)

    # ------------------------------------------------------------------ helpers

    def _el(
        self, parent: etree._Element, tag: str, text: str | None = None, attributes: dict[str, str | None] | None = None
    ) -> etree._Element:
        """A new child ``tag`` of ``parent``; attributes whose value is None are left out."""
        given = {k: xml_safe(v) for k, v in (attributes or {}).items() if v is not None}
        element = etree.SubElement(parent, _q(tag), given)
        if text:
            element.text = xml_safe(text)
        return element

    def _set(self, element: etree._Element, name: str, value: str | None) -> None:
        if value is not None:
            element.set(name, xml_safe(value))

    def _marked(self, parent: etree._Element, index: int, text: str, offset: int = 0) -> None:
        """Append the slice ``[offset, offset + len(text))`` of block ``index``, marked up."""
        marks = marks_within(self._marks.get(index, ()), offset, len(text))
        mark_up(parent, xml_safe(text), marks, _nitf_mark)

    # ------------------------------------------------------------------ document

    def render(self) -> etree._Element:
        """The ``<nitf>`` root element."""
        article = self.article
        nsmap: dict[str | None, str] = {None: NITF_NAMESPACE}
        if (
            article.media
            or any(quote.kind in ("direct", "mixed") for quote in article.quotes)
            or any(isinstance(block, Heading) and block.level != 2 for block in article.body)
        ):
            nsmap["ak"] = ARTICLEKIT_NAMESPACE  # ak:quote, ak:kind on <q>, ak:level on <hl2>, ak:media
        root = etree.Element(_q("nitf"), nsmap=nsmap)  # type: ignore[arg-type]  # lxml-stubs: default ns
        for name, value in _ROOT_ATTRIBUTES.items():
            root.set(name, value)
        self._set(root, "baselang", article.language)
        self.head(etree.SubElement(root, _q("head")))
        body = etree.SubElement(root, _q("body"))
        self.body_head(etree.SubElement(body, _q("body.head")))
        content = etree.SubElement(body, _q("body.content"))
        referenced = {b.media for b in article.body if isinstance(b, MediaRef)}
        for index, media in enumerate(article.media):
            if index not in referenced:
                self.media(content, media, index, placed=False)
        for index, block in enumerate(article.body):
            self.method_for(block)(content, index, block)
        return root

    def head(self, head: etree._Element) -> None:
        article = self.article
        if article.headline:
            self._el(head, "title", article.headline)
        coded = [s for s in article.subjects if _is_subject_code(s)]
        if coded:
            tobject = self._el(head, "tobject", None, {"tobject.type": "news"})
            for subject in coded:
                self._el(
                    tobject,
                    "tobject.subject",
                    None,
                    {"tobject.subject.refnum": subject.code, "tobject.subject.type": subject.name},
                )
        docdata = self._el(head, "docdata")
        if article.id:
            self._el(docdata, "doc-id", None, {"id-string": article.id})
        if article.priority is not None:
            self._el(docdata, "urgency", None, {"ed-urg": str(article.priority)})
        if article.published is not None:
            # issued and released at once: readers take either as the publication time
            self._el(docdata, "date.issue", None, {"norm": _norm(article.published)})
            self._el(docdata, "date.release", None, {"norm": _norm(article.published)})
        if article.slug:
            self._el(docdata, "du-key", None, {"key": article.slug})
        if article.keywords:
            key_list = self._el(docdata, "key-list")
            for keyword in article.keywords:
                self._el(key_list, "keyword", None, {"key": keyword})
        others = [s for s in article.subjects if not _is_subject_code(s)]
        if others:
            identified = self._el(docdata, "identified-content")
            for subject in others:
                attributes = {"type": "subject", "idsrc": subject.scheme, "value": subject.code}
                self._el(identified, "classifier", subject.name, attributes)
        if article.url or article.section or article.published:
            self._el(
                head,
                "pubdata",
                None,
                {
                    "type": "web",
                    "ex-ref": article.url,
                    "position.section": article.section,
                    "date.publication": _norm(article.published) if article.published else None,
                },
            )
        if article.updated is not None:
            # NITF has no "modified" date; the revision history is its record of changes
            self._el(head, "revision-history", None, {"norm": _norm(article.updated), "comment": "updated"})

    def body_head(self, body_head: etree._Element) -> None:
        article = self.article
        if article.headline or article.subheadline:
            hedline = self._el(body_head, "hedline")
            self._el(hedline, "hl1", article.headline)
            if article.subheadline:
                self._el(hedline, "hl2", article.subheadline)
        for contributor in article.authors:
            self.byline(body_head, contributor)
        if article.provider:
            self._el(self._el(body_head, "distributor"), "org", article.provider)
        if article.datelines:
            self.dateline(self._el(body_head, "dateline"), article.datelines)
        if article.summary:
            self._el(self._el(body_head, "abstract"), "p", article.summary)

    def byline(self, parent: etree._Element, contributor: Contributor) -> None:
        byline = self._el(parent, "byline", _BYLINE_PREFIXES.get(contributor.role, f"{contributor.role}: "))
        if contributor.kind == "person":
            self._el(byline, "person", contributor.name)
        else:
            # a byline may not hold <org>: an organisation is credited in plain words
            byline.text = (byline.text or "") + xml_safe(contributor.name)
        if contributor.title is None and contributor.affiliation is None:
            return
        if len(byline):
            byline[-1].tail = ", "
        else:
            byline.text = (byline.text or "") + ", "
        byttl = self._el(byline, "byttl", contributor.title)
        if contributor.affiliation is not None:
            if contributor.title is not None:
                byttl.text = xml_safe(f"{contributor.title}, ")
            self._el(byttl, "org", contributor.affiliation)

    def dateline(self, dateline: etree._Element, places: Sequence[Place]) -> None:
        for number, place in enumerate(places):
            location = self._el(dateline, "location")
            if number:
                previous = dateline[number - 1]
                previous.tail = "/"
            self._el(location, "city", place.name)
            for tag, value in (("state", place.region), ("country", place.country)):
                if value:
                    location[-1].tail = ", "
                    self._el(location, tag, value)

    def media(self, parent: etree._Element, media: Media, index: int, *, placed: bool = True) -> None:
        """A ``<media>``, with its index in the article's media (``ak:media``) and, for one the body
        does not place (written before it), ``ak:placed="false"``, so that both read back."""
        kind = {
            "media-type": _MEDIA_TYPES[media.kind],
            "class": "graphic" if media.kind == "graphic" else None,
            MEDIA_INDEX: str(index),
            MEDIA_PLACED: None if placed else "false",
        }
        element = self._el(parent, "media", None, kind)
        reference = {
            "source": media.url,
            "mime-type": media.media_type,
            "alternate-text": media.alt,
            "width": None if media.width is None else str(media.width),
            "height": None if media.height is None else str(media.height),
        }
        self._el(element, "media-reference", None, reference)
        if media.caption:
            self._el(element, "media-caption", media.caption)
        if media.credit:
            self._el(element, "media-producer", media.credit)

    # ------------------------------------------------------------------ blocks

    def paragraph(self, parent: etree._Element, index: int, block: Paragraph) -> None:
        self._marked(self._el(parent, "p"), index, block.text)

    def heading(self, parent: etree._Element, index: int, block: Heading) -> None:
        # NITF has one heading element in the body: a level other than 2 is kept as ak:level
        level = str(block.level) if block.level != 2 else None
        self._marked(self._el(parent, "hl2", None, {HEADING_LEVEL: level}), index, block.text)

    def block_quote(self, parent: etree._Element, index: int, block: BlockQuote) -> None:
        bq = self._el(parent, "bq", None, {"quote-source": block.cite})
        self._marked(self._el(self._el(bq, "block"), "p"), index, block.text)
        if block.cite:
            self._el(bq, "credit", block.cite)

    def list_block(self, parent: etree._Element, index: int, block: ListBlock) -> None:
        # NITF requires at least one item; the model's lists always have one or more.
        element = self._el(parent, "ol" if block.ordered else "ul")
        offset = 0
        for item in block.items or ("",):
            self._marked(self._el(element, "li"), index, item, offset)
            offset += len(item) + 1

    def related(self, parent: etree._Element, index: int, block: Related) -> None:
        paragraph = self._el(parent, "p", None, {"class": "related"})
        if block.label:
            paragraph.text = xml_safe(f"{block.label}: ")
        self._marked(self._el(paragraph, "a", None, {"href": block.url, "rel": "related"}), index, block.text)

    def media_ref(self, parent: etree._Element, index: int, block: MediaRef) -> None:
        self.media(parent, self.article.media[block.media], block.media)


def _is_subject_code(subject: Subject) -> bool:
    """An IPTC subject code (eight digits) fits NITF's ``tobject.subject``."""
    return (
        subject.code is not None
        and _SUBJECT_CODE.match(subject.code) is not None
        and (subject.scheme is None or "subject" in subject.scheme.lower())
    )


# Elements that hold only elements: indenting them adds no text. Every other element may
# hold text (mixed content), where added white space would change the article.
_STRUCTURAL = frozenset(
    _q(tag)
    for tag in [
        "nitf",
        "head",
        "tobject",
        "docdata",
        "key-list",
        "identified-content",
        "body",
        "body.head",
        "hedline",
        "abstract",
        "body.content",
        "media",
        "bq",
        "block",
        "ul",
        "ol",
    ]
)


def _indent(element: etree._Element, level: int = 0) -> None:
    if element.tag not in _STRUCTURAL or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


def dumps_nitf(article: Article, options: Options) -> str:
    """The article as an NITF 3.6 document with an XML declaration, indented unless the
    ``pretty`` option is false (indentation never touches an element that may hold text)."""
    root = NitfRenderer(article).render()
    if PRETTY.value(options):
        _indent(root)
    body = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="nitf",
            write=dumps_nitf,
            extension=".xml",
            media_type="application/nitf+xml",
            description="NITF 3.6 (IPTC): quotes as <q quote-source>, sources as <person>/<org>",
            options=(PRETTY,),
        ),
    ]
