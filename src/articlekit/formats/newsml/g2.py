"""The ``newsml-g2`` parser: an IPTC NewsML-G2 ``newsItem``, or a ``newsMessage`` of several.

A text item becomes one article. Its body comes from ``inlineXML`` (NITF, XHTML or HTML) or
``inlineData`` (plain text or escaped HTML). Picture, graphic, video and audio items that a
``packageItem`` of the same message groups with a text item become that article's media.

Non-text items in a message (pictures, videos, events, planning, concepts, packages) do not
become articles. They are reported as skipped, twice: every article from the message lists
them under ``extensions["newsml-g2"]["skipped"]`` (with the reason: ``media of <guid>`` or
``not a text item``), and a [`SkippedItemWarning`][articlekit.formats.newsml.g2.SkippedItemWarning]
names those that nothing used. A standalone non-text item is a ParseError ("not a text item").

The mapping is documented in ``docs/formats/newsml-g2.md``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

import attrs
from lxml import etree

from articlekit.common.bylines import dateline_places, split_byline
from articlekit.common.dates import parse_timestamp
from articlekit.common.fields import Fields
from articlekit.common.industry import (
    html_blocks,
    html_element_blocks,
    media_kind,
)
from articlekit.common.nitf import NitfBody, article_from_nitf
from articlekit.common.xmlsafe import (
    children,
    find_child,
    local_name,
    namespace,
    parse_xml,
    root_name,
    size_value,
    squash,
    text_of,
)
from articlekit.encoding import text_head
from articlekit.errors import ParseError
from articlekit.hookspecs import hookimpl
from articlekit.model import (
    Article,
    Block,
    Contributor,
    ContributorKind,
    Heading,
    Media,
    MediaRef,
    Paragraph,
    Place,
    Subject,
)
from articlekit.registry import Document, Options, ParserSpec

__all__ = ["G2_NAMESPACE", "SkippedItemWarning", "articles_from_g2", "parse_newsml_g2"]

G2_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
_EXTENSION = "newsml-g2"
_ITEMS = {"newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"}
_FRAGMENTS = {"contentSet", "contentMeta"}
_TEXT_CLASSES = {"text"}
_MEDIA_CLASSES = {"picture", "graphic", "video", "audio", "photo", "image"}


class SkippedItemWarning(UserWarning):
    """A NewsML-G2 message held items that are not text and were not used as media."""


def _sniff(head: bytes, name: str) -> float:
    head = text_head(head)  # (NewsML-G2 in UTF-16 or -32 read as text)
    root = root_name(head)
    if root == "newsMessage" or root in _ITEMS:
        return 1.0
    if root in _FRAGMENTS:
        # a bare contentMeta or contentSet, as the NewsML-G2 guidelines show them: no other
        # format names its root so, but a confident claim is kept for those that say G2
        return 0.9 if b"iptc.org/std/nar" in head or b"inlineXML" in head else 0.6
    return 0.0


# ---------------------------------------------------------------------- small readers


def _class_name(item: etree._Element) -> str | None:
    """The item class without its scheme: ``text`` for ``ninat:text``, ``icls:text`` or the
    NewsCodes URI."""
    item_meta = find_child(item, "itemMeta")
    item_class = find_child(item_meta, "itemClass") if item_meta is not None else None
    if item_class is None:
        return None
    code = item_class.get("qcode") or item_class.get("uri") or ""
    return re.split(r"[:/#]", code.strip())[-1].lower() or None


def _class_code(item: etree._Element) -> str:
    if local_name(item) != "newsItem":
        return local_name(item)
    item_meta = find_child(item, "itemMeta")
    item_class = find_child(item_meta, "itemClass") if item_meta is not None else None
    if item_class is None:
        return local_name(item)
    return item_class.get("qcode") or item_class.get("uri") or local_name(item)


def _label(element: etree._Element | None, language: str | None = None) -> str | None:
    """A concept's human-readable label: its ``name`` (in ``language`` where there is a
    choice), else its ``literal``, else the code part of its ``qcode``."""
    if element is None:
        return None
    names = list(children(element, "name"))
    if names:
        if language:
            for name in names:
                lang = name.get("{http://www.w3.org/XML/1998/namespace}lang")
                if lang and lang.lower().startswith(language.lower()[:2]):
                    return text_of(name) or None
        return text_of(names[0]) or None
    literal = element.get("literal")
    if literal and literal.strip():
        return literal.strip()
    text = text_of(element)
    if text and not list(children(element)):
        return text
    code = element.get("qcode")
    if code:
        return code.partition(":")[2] or code
    return None


def _date(element: etree._Element | None, name: str) -> datetime | None:
    if element is None:
        return None
    return parse_timestamp(text_of(find_child(element, name)) or None)


def _contributor(element: etree._Element, default_role: str, language: str | None) -> Contributor | None:
    name = _label(element, language)
    if not name:
        return None
    role = element.get("role") or ""
    role = re.split(r"[:/#]", role)[-1].lower() if role else default_role
    kind: ContributorKind = "person"
    if (element.get("type") or "").endswith(("organisation", "organization")):
        kind = "organisation"
    title = None
    for info in children(element, "personDetails"):
        title = text_of(find_child(info, "title")) or None
    return Contributor(name=name, kind=kind, role=role or default_role, title=title)


def _place(located: etree._Element, language: str | None) -> Place | None:
    name = _label(located, language)
    if not name:
        return None
    region = country = None
    for broader in children(located, "broader"):
        label = _label(broader, language)
        kind = (broader.get("type") or "") + (broader.get("qcode") or "")
        if "country" in kind or "cntry" in kind or "iso3166" in kind:
            country = country or label
        else:
            region = region or label
    if region == name:
        region = None
    return Place(name=name, region=region, country=country)


# ---------------------------------------------------------------------- bodies


@attrs.define
class _Body:
    blocks: list[Block] = attrs.Factory(list)
    media: list[Media] = attrs.Factory(list)
    nitf: Article | None = None
    quotes: tuple[Any, ...] = ()
    mentions: list[dict[str, Any]] = attrs.Factory(list)
    unread: str | None = None
    source: str = ""


_HTML_ROOTS = {"html", "body", "div", "article", "section", "main", "p", "h1", "h2", "h3", "ul", "ol", "blockquote"}


def _is_html(element: etree._Element, content_type: str) -> bool:
    return "html" in content_type or namespace(element) == XHTML_NAMESPACE or local_name(element) in _HTML_ROOTS


def _plain_body(text: str) -> _Body:
    """Paragraphs of plain wire text: split at blank lines and ``<p>`` marks, and at indented
    lines (the wire convention for a new paragraph) where the text uses them."""
    body = _Body()
    chunks = re.split(r"\n\s*\n|</?p\s*/?>", text, flags=re.IGNORECASE)
    paragraphs: list[str] = []
    for chunk in chunks:
        lines = chunk.strip("\n").splitlines()
        indented = sum(1 for line in lines[1:] if re.match(r"^[ \t]{2,}\S", line))
        if indented:
            current: list[str] = []
            for line in lines:
                if re.match(r"^[ \t]{2,}\S", line) and current:
                    paragraphs.append(" ".join(current))
                    current = []
                current.append(line)
            paragraphs.append(" ".join(current))
        else:
            paragraphs.append(chunk)
    for paragraph in paragraphs:
        squashed = squash(paragraph)
        if squashed:
            body.blocks.append(Paragraph(squashed))
    return body


def _html_body(element: etree._Element) -> _Body:
    """Body blocks from an XHTML/HTML element, with the shared HTML-body converter."""
    target = find_child(element, "body") if local_name(element) == "html" else None
    blocks, media = html_element_blocks(target if target is not None else element, skip=_agency_furniture)
    return _Body(blocks=blocks, media=media)


_G2_SOURCES = {
    "headline": "contentMeta/headline",
    "subheadline": "contentMeta/headline (second)",
    "summary": "contentMeta/description",
    "authors": "contentMeta/creator, contributor, by",
    "datelines": "contentMeta/dateline, located",
    "published": "itemMeta/firstCreated",
    "keywords": "contentMeta/keyword",
    "provider": "itemMeta/provider",
    "language": "contentMeta/language, xml:lang",
}

_FURNITURE_CLASSES = {"dat", "slugline", "dateline-meta"}


def _agency_furniture(element: etree._Element, name: str) -> bool:
    """Parts of agency XHTML bodies that repeat the item's metadata: a ``<header>`` (dpa's
    slugline list, date and headline) and TT's ``div.dat`` (section and source)."""
    if name == "header":
        return True
    classes = set((element.get("class") or "").split())
    return bool(classes & _FURNITURE_CLASSES)


def _html_string_body(markup: str) -> _Body:
    blocks, media = html_blocks(markup)
    return _Body(blocks=blocks, media=media)


def _body(item: etree._Element, name: str) -> _Body:
    body, source = _read_body(item, name)
    body.source = source
    return body


def _where(kind: str, content_type: str) -> str:
    return f"contentSet/{kind} ({content_type or 'no content type'})"


def _read_body(item: etree._Element, name: str) -> tuple[_Body, str]:
    """The body and where it came from (``inlineXML (application/nitf+xml)``)."""
    content_set = find_child(item, "contentSet") if local_name(item) != "contentSet" else item
    if content_set is None:
        return _Body(), ""
    for content in children(content_set):
        kind = local_name(content)
        content_type = (content.get("contenttype") or "").lower()
        if kind == "inlineXML":
            element = next(children(content), None)
            if element is None:
                continue
            element_name = local_name(element)
            if element_name == "nitf":
                nitf = article_from_nitf(element, name)
                return _Body(blocks=list(nitf.body), media=list(nitf.media), nitf=nitf), _where(kind, content_type)
            if element_name in ("body", "body.content") and "nitf" in content_type:
                converter = NitfBody()
                converter.add_container(element)
                return _Body(
                    converter.blocks, converter.media, None, tuple(converter.quotes), converter.mentions
                ), _where(kind, content_type)
            if _is_html(element, content_type):
                return _html_body(element), _where(kind, content_type)
            nested = next(element.iter("{*}nitf", "nitf"), None)
            if nested is not None:
                nitf = article_from_nitf(nested, name)
                return _Body(blocks=list(nitf.body), media=list(nitf.media), nitf=nitf), _where(kind, content_type)
            # another vocabulary (SportsML statistics, ...): no running text to read
            return _Body(unread=content_type or element_name), _where(kind, content_type)
        if kind == "inlineData":
            text = "".join(str(piece) for piece in content.itertext())
            if "html" in content_type:
                return _html_string_body(text), _where(kind, content_type)
            if text.strip():
                return _plain_body(text), _where(kind, content_type)
    return _Body(), ""


def _remote_media(item: etree._Element, language: str | None) -> Media | None:
    """A picture, graphic, video or audio item as one Media: its best rendition."""
    content_set = find_child(item, "contentSet")
    renditions = list(children(content_set, "remoteContent")) if content_set is not None else []
    chosen = None
    for preferred in ("highres", "web", "preview", "original", "baseimage"):
        for rendition in renditions:
            if (rendition.get("rendition") or "").lower().endswith(preferred):
                chosen = rendition if chosen is None else chosen
    if chosen is None and renditions:
        chosen = renditions[0]
    content_meta = find_child(item, "contentMeta")
    caption = None
    credit = None
    alt = None
    if content_meta is not None:
        for description in children(content_meta, "description"):
            role = description.get("role") or ""
            if role.endswith("caption") or (caption is None and not role):
                caption = text_of(description) or caption
            elif role.endswith("alttext") or role.endswith("altText"):
                alt = text_of(description) or None
        caption = caption or text_of(find_child(content_meta, "headline")) or None
        credit = text_of(find_child(content_meta, "creditline")) or None
        if credit is None:
            creators = [_label(c, language) for c in children(content_meta, "creator")]
            credit = ", ".join(c for c in creators if c) or None
    url = chosen.get("href") or chosen.get("residref") if chosen is not None else None
    content_type = chosen.get("contenttype") if chosen is not None else None
    kind = media_kind(_class_name(item)) if _class_name(item) else media_kind(content_type)
    if url is None and caption is None:
        return None
    return Media(
        kind=kind,
        url=url,
        caption=caption,
        credit=credit,
        alt=alt,
        media_type=content_type,
        width=size_value(chosen.get("width")) if chosen is not None else None,
        height=size_value(chosen.get("height")) if chosen is not None else None,
    )


def _not_after(later: datetime, earlier: datetime) -> bool:
    """True when ``later`` is not after ``earlier`` (comparing naive and aware as wall times)."""
    if (later.tzinfo is None) != (earlier.tzinfo is None):
        return later.replace(tzinfo=None) <= earlier.replace(tzinfo=None)
    return later <= earlier


def _merge_media(package: list[Media], body: list[Media], blocks: list[Block]) -> tuple[list[Media], list[Block]]:
    """The package's media first, then the body's; a body figure showing a package photo (the
    same caption) points at the package's copy instead of adding a second one."""
    merged = list(package)
    index_of: dict[int, int] = {}
    for index, item in enumerate(body):
        twin = next(
            (i for i, known in enumerate(package) if known.caption and known.caption in (item.caption, item.alt)),
            None,
        )
        if twin is None:
            merged.append(item)
            index_of[index] = len(merged) - 1
        else:
            index_of[index] = twin
    remapped = [MediaRef(index_of.get(b.media, b.media)) if isinstance(b, MediaRef) else b for b in blocks]
    return merged, remapped


# ---------------------------------------------------------------------- one text item


def _article(item: etree._Element, name: str, extra_media: Sequence[Media] = ()) -> Article:
    item_meta = find_child(item, "itemMeta")
    content_meta = find_child(item, "contentMeta") if local_name(item) != "contentMeta" else item
    language = _language(item, content_meta)
    meta = _content_meta(content_meta, language)
    extension = {**meta.extension, **_item_meta_extension(item_meta)}
    rights = find_child(item, "rightsInfo")
    holder = find_child(rights, "copyrightHolder") if rights is not None else None
    dates = {
        "versionCreated": _date(item_meta, "versionCreated"),
        "firstCreated": _date(item_meta, "firstCreated"),
        "embargoed": _date(item_meta, "embargoed"),
        "contentCreated": _date(content_meta, "contentCreated"),
        "contentModified": _date(content_meta, "contentModified"),
    }
    body = _body(item, name)
    nitf = body.nitf
    media, blocks = _merge_media(list(extra_media), body.media, body.blocks)
    headline = meta.headline or (nitf.headline if nitf is not None else "")
    while blocks and isinstance(blocks[0], Heading) and squash(blocks[0].text) == squash(headline):
        blocks = blocks[1:]  # the body repeats the headline

    fields = Fields()
    provider = fields.first(
        "provider",
        ("itemMeta/provider", _label(find_child(item_meta, "provider"), language) if item_meta is not None else None),
        ("rightsInfo/copyrightHolder", _label(holder, language)),
        ("contentMeta/creditline", extension.get("creditline")),
        ("contentMeta/infoSource", (extension.get("info_sources") or [None])[0]),
    )
    published = fields.first(
        "published",
        ("itemMeta/firstCreated", dates["firstCreated"]),
        ("contentMeta/contentCreated", dates["contentCreated"]),
        ("itemMeta/versionCreated", dates["versionCreated"]),
    )
    changed = (
        ("itemMeta/versionCreated", dates["versionCreated"]),
        ("contentMeta/contentModified", dates["contentModified"]),
    )
    updated = next((value for _where, value in changed if value is not None), None)
    if updated is not None and published is not None and _not_after(updated, published):
        fields.set("updated", None)  # a version no later than the first: not an update
    else:
        fields.first("updated", *changed)
    # the G2 metadata's fields, then what NITF inside fills where the metadata says nothing
    from_g2: dict[str, Any] = {
        "headline": headline,
        "subheadline": meta.subheadline,
        "summary": meta.summary,
        "authors": tuple(meta.authors),
        "datelines": tuple(meta.places),
        "published": published,
        "keywords": tuple(meta.keywords),
        "provider": provider,
        "language": language,
    }
    for field, value in from_g2.items():
        fields.set(field, value, None if field in fields.provenance else _G2_SOURCES[field])
    if nitf is not None:
        for field, value in _nitf_fields(nitf).items():
            if value and not from_g2[field]:
                fields.set(field, value, "inlineXML: the NITF document")
    fields.set("id", item.get("guid"))
    fields.set("media", tuple(media))
    fields.set("body", tuple(blocks), body.source)
    fields.set("quotes", tuple(nitf.quotes) if nitf is not None else body.quotes)
    fields.set("subjects", tuple(meta.subjects))
    fields.set("slug", meta.slug)
    fields.set("priority", meta.priority)
    extension.update(_item_extension(item, dates, body))
    return fields.article(extensions={_EXTENSION: extension})


@attrs.define
class _ContentMeta:
    """What ``contentMeta`` says, and what of it the model has no field for (``extension``)."""

    headline: str = ""
    subheadline: str | None = None
    summary: str | None = None
    keywords: list[str] = attrs.Factory(list)
    subjects: list[Subject] = attrs.Factory(list)
    authors: list[Contributor] = attrs.Factory(list)
    places: list[Place] = attrs.Factory(list)
    slug: str | None = None
    priority: int | None = None
    extension: dict[str, Any] = attrs.Factory(dict)


def _language(item: etree._Element, content_meta: etree._Element | None) -> str | None:
    """``contentMeta/language/@tag``, else the item's ``xml:lang``."""
    language = item.get("{http://www.w3.org/XML/1998/namespace}lang")
    if content_meta is not None:
        tag = find_child(content_meta, "language")
        if tag is not None and tag.get("tag"):
            language = tag.get("tag")
    return language


def _content_meta(content_meta: etree._Element | None, language: str | None) -> _ContentMeta:
    meta = _ContentMeta()
    if content_meta is None:
        return meta
    extension = meta.extension
    for element in children(content_meta, "headline"):
        role = element.get("role") or ""
        text = text_of(element)
        if not text:
            continue
        if not meta.headline and not role.endswith(("sub", "subheadline", "subhead")):
            meta.headline = text
        elif meta.subheadline is None:
            meta.subheadline = text
    for element in children(content_meta, "description"):
        role = element.get("role") or ""
        text = text_of(element)
        if text and (role.endswith(("summary", "abstract")) or not role) and meta.summary is None:
            meta.summary = text
        elif text and role.endswith("caption"):
            extension["caption"] = text
    if meta.summary is None and "caption" in extension:
        meta.summary = extension["caption"]
    for element in children(content_meta, "keyword"):
        text = text_of(element)
        if text and text not in meta.keywords:
            meta.keywords.append(text)
    for element in children(content_meta, "subject"):
        label = _label(element, language)
        code = element.get("qcode") or element.get("uri")
        if label:
            scheme = code.partition(":")[0] if code and ":" in code and "//" not in code else None
            meta.subjects.append(Subject(name=label, code=code, scheme=scheme))
    genres = [label for label in (_label(e, language) for e in children(content_meta, "genre")) if label]
    for kind, role in (("creator", "author"), ("contributor", "contributor")):
        for element in children(content_meta, kind):
            contributor = _contributor(element, role, language)
            if contributor is not None:
                meta.authors.append(contributor)
    by = text_of(find_child(content_meta, "by"))
    if by:
        extension["by"] = by
        if not any(a.role == "author" for a in meta.authors):
            meta.authors[0:0] = [Contributor(name=n, affiliation=a) for n, a in split_byline(by)]
    dateline = text_of(find_child(content_meta, "dateline"))
    if dateline:
        extension["dateline"] = dateline
        meta.places = dateline_places(dateline)
    located = [_place(element, language) for element in children(content_meta, "located")]
    if located:
        extension["located"] = [attrs.asdict(place) for place in located if place is not None]
        if not meta.places:
            meta.places = [place for place in located if place is not None]
    meta.slug = text_of(find_child(content_meta, "slugline")) or None
    urgency = text_of(find_child(content_meta, "urgency"))
    meta.priority = int(urgency) if urgency.isdigit() else None
    creditline = text_of(find_child(content_meta, "creditline"))
    if creditline:
        extension["creditline"] = creditline
    sources = [_label(s, language) for s in children(content_meta, "infoSource")]
    sources = [s for s in sources if s]
    if sources:
        extension["info_sources"] = sources
    if genres:
        extension["genres"] = genres
    return meta


def _item_meta_extension(item_meta: etree._Element | None) -> dict[str, Any]:
    """``itemMeta``'s editorial notes, links and publishing status."""
    extension: dict[str, Any] = {}
    if item_meta is None:
        return extension
    notes = [text_of(n) for n in children(item_meta, "edNote")]
    if any(notes):
        extension["editorial_notes"] = [n for n in notes if n]
    links = [
        {"rel": link.get("rel"), "href": link.get("href") or link.get("residref"), "title": text_of(link) or None}
        for link in children(item_meta, "link")
        if link.get("href") or link.get("residref")
    ]
    if links:
        extension["links"] = links
    status = find_child(item_meta, "pubStatus")
    if status is not None and status.get("qcode"):
        extension["pub_status"] = status.get("qcode")
    return extension


def _nitf_fields(nitf: Article) -> dict[str, Any]:
    """The fields NITF inside an item may fill."""
    return {
        "headline": nitf.headline,
        "subheadline": nitf.subheadline,
        "summary": nitf.summary,
        "authors": nitf.authors,
        "datelines": nitf.datelines,
        "published": nitf.published,
        "keywords": nitf.keywords,
        "provider": nitf.provider,
        "language": nitf.language,
    }


def _item_extension(item: etree._Element, dates: dict[str, datetime | None], body: _Body) -> dict[str, Any]:
    """Every date, the item's version, NITF's own extension or the body's mentions, and what of
    the content could not be read."""
    extension: dict[str, Any] = {}
    written = {key: value.isoformat() for key, value in dates.items() if value is not None}
    if written:
        extension["dates"] = written
    if item.get("version"):
        extension["version"] = item.get("version")
    if body.nitf is not None:
        if body.nitf.extensions.get("nitf"):
            extension["nitf"] = body.nitf.extensions["nitf"]
    elif body.mentions:
        extension["mentions"] = body.mentions
    if body.unread:
        extension["unread_content"] = body.unread
    return extension


# ---------------------------------------------------------------------- messages


def _what_item(item: etree._Element) -> str:
    """What a non-text item is, for messages."""
    kind = local_name(item)
    if kind == "packageItem":
        refs = len(_package_refs(item))
        return f"a packageItem only refers to other items ({refs} itemRef), which this file does not hold"
    if kind == "newsItem":
        return f"this newsItem is of class {_class_code(item)!r}"
    item_meta = find_child(item, "itemMeta")
    item_class = find_child(item_meta, "itemClass") if item_meta is not None else None
    code = (item_class.get("qcode") or item_class.get("uri")) if item_class is not None else None
    return f"a {kind} (class {code!r})" if code else f"a {kind}"


def _is_empty(item: etree._Element) -> bool:
    return not any(True for _ in children(item))


def _is_text(item: etree._Element) -> bool:
    if local_name(item) != "newsItem" or _is_empty(item):
        return False
    item_class = _class_name(item)
    return item_class in _TEXT_CLASSES if item_class is not None else True


def _package_refs(package: etree._Element) -> list[str]:
    return [ref.get("residref") or "" for ref in package.iter("{*}itemRef", "itemRef") if ref.get("residref")]


def articles_from_g2(root: etree._Element, name: str) -> Iterator[Article]:
    """Every text article in a parsed NewsML-G2 document (an item, a message or a fragment)."""
    root_kind = local_name(root)
    if root_kind in _FRAGMENTS:
        yield _article(root, name)
        return
    if root_kind != "newsMessage":
        if root_kind not in _ITEMS:
            raise ParseError(
                f"not NewsML-G2: expected a newsItem or newsMessage root element, found <{root_kind}>", file=name
            )
        if not _is_text(root):
            raise ParseError(f"not a text item: {_what_item(root)}; articlekit reads NewsML-G2 text items", file=name)
        yield _article(root, name)
        return

    items = [item for item_set in children(root, "itemSet") for item in children(item_set)]
    items = [item for item in items if local_name(item) in _ITEMS]
    by_guid = {item.get("guid"): item for item in items if item.get("guid")}
    text_items = [item for item in items if _is_text(item)]
    media_of: dict[str, list[str]] = {}  # text guid -> media guids, in package order
    used_by: dict[str, str] = {}
    for package in (item for item in items if local_name(item) == "packageItem"):
        refs = [ref for ref in _package_refs(package) if ref in by_guid]
        texts = [ref for ref in refs if _is_text(by_guid[ref])]
        pictures = [ref for ref in refs if _class_name(by_guid[ref]) in _MEDIA_CLASSES]
        for text_guid in texts:
            for picture in pictures:
                if picture not in media_of.setdefault(text_guid, []):
                    media_of[text_guid].append(picture)
                    used_by.setdefault(picture, text_guid)
    for text in text_items:
        # a text item may also point at its pictures itself: itemMeta/link to an item in the message
        item_meta = find_child(text, "itemMeta")
        text_guid = text.get("guid") or ""
        for link in children(item_meta, "link") if item_meta is not None else ():
            target = link.get("residref") or link.get("href")
            linked = media_of.setdefault(text_guid, [])
            if target and target in by_guid and _class_name(by_guid[target]) in _MEDIA_CLASSES and target not in linked:
                linked.append(target)
                used_by.setdefault(target, text_guid)

    skipped = []
    for item in items:
        if _is_text(item):
            continue
        guid = item.get("guid")
        if guid in used_by:
            reason = f"media of {used_by[guid]}"
        elif local_name(item) == "packageItem":
            reason = "package"
        elif _is_empty(item):
            reason = "empty item"
        else:
            reason = "not a text item"
        skipped.append({"guid": guid, "class": _class_code(item), "reason": reason})
    unused = [entry for entry in skipped if not str(entry["reason"]).startswith(("media of", "package"))]
    if not text_items:
        # nothing at all comes out of this message: say so even when it only held packages
        unused = [entry for entry in skipped if not str(entry["reason"]).startswith("media of")]
    if unused:
        classes = ", ".join(sorted({str(entry["class"]) for entry in unused}))
        found = "" if text_items else "; the message holds no text item"
        warnings.warn(
            f"{name}: skipped {len(unused)} NewsML-G2 item(s) that are not text or are empty ({classes}){found}",
            SkippedItemWarning,
            stacklevel=2,
        )
    language = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    for item in text_items:
        guid = item.get("guid") or ""
        media = [m for m in (_remote_media(by_guid[g], language) for g in media_of.get(guid, ())) if m is not None]
        article = _article(item, name, media)
        if skipped:
            extensions = dict(article.extensions)
            extensions[_EXTENSION] = {**extensions[_EXTENSION], "skipped": skipped}
            article = attrs.evolve(article, extensions=extensions)
        yield article


def parse_newsml_g2(document: Document, options: Options) -> Iterator[Article]:
    """Read a NewsML-G2 newsItem or newsMessage."""
    root = parse_xml(document.data, document.name, what="NewsML-G2")
    yield from articles_from_g2(root, document.name)


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="newsml-g2",
            parse=parse_newsml_g2,
            sniff=_sniff,
            extensions=(".g2.xml", ".newsml"),
            media_types=("application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml"),
            description="IPTC NewsML-G2 text items and news messages (bodies in NITF, XHTML, HTML or text)",
            options=(),
        ),
    ]
