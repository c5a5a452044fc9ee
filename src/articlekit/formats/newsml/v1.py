"""The ``newsml-1`` parser: IPTC NewsML 1.x (1.0 to 1.2), the legacy predecessor of NewsML-G2
that AFP and Business Wire still send. One article per ``NewsItem`` that carries text.

A NewsItem is a tree of ``NewsComponent``\\ s. The text is the ``ContentItem`` of media type
Text (or a text MIME type) in the component of role Body/Main (or with no role); NITF in
``DataContent`` is read by the NITF body converter, XHTML and HTML by the shared HTML-body
converter. Components of role SubHeadLine and HeadLine give the headlines; photo, graphic and
video components (their largest rendition) become media. The mapping is documented in
``docs/formats/newsml-g2.md`` (section "NewsML 1.x").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from lxml import etree

from articlekit.common.bylines import dateline_places, split_byline
from articlekit.common.dates import parse_timestamp
from articlekit.common.fields import PROVENANCE
from articlekit.common.industry import (
    html_element_blocks,
    media_kind,
)
from articlekit.common.nitf import NitfBody
from articlekit.common.xmlsafe import children, find_child, local_name, parse_xml, root_name, squash, text_of
from articlekit.encoding import text_head
from articlekit.errors import ParseError
from articlekit.hookspecs import hookimpl
from articlekit.model import Article, Block, Contributor, Media, MediaRef, Paragraph, Subject
from articlekit.registry import Document, Options, ParserSpec

__all__ = ["articles_from_newsml1", "parse_newsml1"]

_EXTENSION = "newsml-1"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BODY_ROLES = {"", "body", "main", "maintext", "text"}
_MEDIA_ROLES = {"photo", "picture", "image", "graphic", "video", "audio", "logo", "thumbnail"}
_SKIPPED_ROLES = {"stylesheet", "contact", "headline", "subheadline", "caption", "logo"}


def _sniff(head: bytes, name: str) -> float:
    return 1.0 if root_name(text_head(head)) == "NewsML" else 0.0  # (UTF-16 or -32 read as text)


def _formal(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    value = element.get("FormalName")
    return value.strip() if value and value.strip() else None


def _components(item: etree._Element) -> list[etree._Element]:
    """Every NewsComponent under ``item``, in document order (iterative)."""
    return [c for c in item.iter("{*}NewsComponent", "NewsComponent")]


def _role(component: etree._Element) -> str:
    return (_formal(find_child(component, "Role")) or "").lower().replace(" ", "")


def _media_type(content: etree._Element) -> str:
    kind = _formal(find_child(content, "MediaType")) or ""
    mime = _formal(find_child(content, "MimeType")) or ""
    return f"{kind} {mime}".lower()


def _is_text(content: etree._Element) -> bool:
    kind = _media_type(content)
    return "text" in kind and "css" not in kind


def _markup_blocks(content: etree._Element) -> tuple[list[Block], list[Media], Any] | None:
    """The blocks of a text ContentItem's DataContent, with the quotes and mentions NITF gives."""
    data = find_child(content, "DataContent")
    if data is None:
        return None
    element = next(children(data), None)
    if element is None:
        text = text_of(data)
        paragraphs = [squash(p) for p in re.split(r"\n\s*\n", "".join(str(t) for t in data.itertext()))]
        return ([Paragraph(p) for p in paragraphs if p] if text else []), [], None
    name = local_name(element)
    if name in ("nitf", "body", "body.content"):
        walker = NitfBody()
        target = element
        if name == "nitf":
            body = find_child(element, "body")
            inner = find_child(body, "body.content") if body is not None else None
            target = inner if inner is not None else element
        elif name == "body":
            content_element = find_child(element, "body.content")
            target = content_element if content_element is not None else element
        walker.add_container(target)
        return walker.blocks, walker.media, walker
    html_body = find_child(element, "body") if name == "html" else None
    blocks, media = html_element_blocks(html_body if html_body is not None else element)
    return blocks, media, None


def _component_media(component: etree._Element) -> Media | None:
    """A photo/graphic/video component as one Media: its largest rendition."""
    best: tuple[int, etree._Element] | None = None
    for content in children(component, "ContentItem"):
        if not content.get("Href") or _is_text(content):
            continue
        pixel_width = 0
        usage = ""
        characteristics = find_child(content, "Characteristics")
        if characteristics is not None:
            for prop in children(characteristics, "Property"):
                if prop.get("FormalName") == "PixelWidth" and (prop.get("Value") or "").isdigit():
                    pixel_width = int(prop.get("Value") or 0)
                if prop.get("FormalName") in ("ImageUse", "MultiMediaUse"):
                    usage = (prop.get("Value") or "").lower()
        types = _media_type(content)
        score = pixel_width + (10_000 if usage == "highres" else 0) + (20_000 if "video/mp4" in types else 0)
        if best is None or score > best[0]:
            best = (score, content)
    if best is None:
        return None
    content = best[1]
    lines = find_child(component, "NewsLines")
    caption = None
    credit = None
    if lines is not None:
        caption = text_of(find_child(lines, "HeadLine")) or text_of(find_child(lines, "CaptionLine")) or None
        credit = text_of(find_child(lines, "CreditLine")) or None
    mime = _formal(find_child(content, "MimeType"))
    role = _role(component)
    kind = media_kind(mime) if mime else media_kind(_formal(find_child(content, "MediaType")))
    if role == "logo":
        kind = "graphic"
    width = height = None
    characteristics = find_child(content, "Characteristics")
    if characteristics is not None:
        for prop in children(characteristics, "Property"):
            value = prop.get("Value") or ""
            if prop.get("FormalName") == "PixelWidth" and value.isdigit():
                width = int(value)
            elif prop.get("FormalName") == "PixelHeight" and value.isdigit():
                height = int(value)
    return Media(
        kind=kind, url=content.get("Href"), caption=caption, credit=credit, media_type=mime, width=width, height=height
    )


def _line(components: list[etree._Element], name: str) -> str:
    for component in components:
        lines = find_child(component, "NewsLines")
        if lines is not None:
            text = text_of(find_child(lines, name))
            if text:
                return text
    return ""


def _role_text(components: list[etree._Element], role: str) -> str:
    for component in components:
        if _role(component) == role:
            for content in children(component, "ContentItem"):
                found = _markup_blocks(content)
                if found is not None and found[0]:
                    return " ".join(b.text for b in found[0] if b.text)
    return ""


def _article(item: etree._Element, name: str) -> Article | None:
    components = _components(item)
    text_contents = [
        (component, content)
        for component in components
        for content in children(component, "ContentItem")
        if _is_text(content) and _role(component) in _BODY_ROLES
    ]
    if not text_contents:
        return None
    provenance: dict[str, str] = {}
    blocks: list[Block] = []
    body_media: list[Media] = []
    quotes: tuple[Any, ...] = ()
    mentions: list[dict[str, Any]] = []
    for _component, content in text_contents:
        found = _markup_blocks(content)
        if found is not None and found[0]:
            blocks, body_media, walker = found
            if walker is not None:
                quotes, mentions = tuple(walker.quotes), walker.mentions
            provenance["body"] = f"ContentItem ({_media_type(content).strip()})"
            break

    media = [m for m in (_component_media(c) for c in components if _role(c) in _MEDIA_ROLES) if m is not None]
    blocks = [MediaRef(b.media + len(media)) if isinstance(b, MediaRef) else b for b in blocks]
    media += body_media

    headline = _line(components, "HeadLine") or _role_text(components, "headline")
    provenance["headline"] = "NewsLines/HeadLine"
    subheadline = _line(components, "SubHeadLine") or _role_text(components, "subheadline") or None
    byline = _line(components, "ByLine")
    authors = [Contributor(name=n, affiliation=a) for n, a in split_byline(byline)] if byline else []
    if not authors:
        for creator in item.iter("{*}Creator", "Creator"):
            for party in children(creator, "Party"):
                for person, affiliation in split_byline(_formal(party) or ""):
                    authors.append(Contributor(name=person, affiliation=affiliation))
    dateline = _line(components, "DateLine")
    management = find_child(item, "NewsManagement")
    first = parse_timestamp(text_of(find_child(management, "FirstCreated"))) if management is not None else None
    revised = (
        parse_timestamp(text_of(find_child(management, "ThisRevisionCreated"))) if management is not None else None
    )
    urgency = _formal(find_child(management, "Urgency")) if management is not None else None
    provider = None
    for element in item.iter("{*}Provider", "Provider", "{*}Source", "Source"):
        provider = _formal(find_child(element, "Party"))
        if provider:
            break
    identification = find_child(item, "Identification")
    identifier = None
    slug = _line(components, "SlugLine") or None
    if identification is not None:
        news_id = find_child(identification, "NewsIdentifier")
        identifier = text_of(find_child(news_id, "PublicIdentifier")) or None if news_id is not None else None
        slug = slug or text_of(find_child(identification, "NameLabel")) or None
    language = item.get(_XML_LANG)
    subjects: list[Subject] = []
    keywords: list[str] = []
    genres: list[str] = []
    for descriptive in item.iter("{*}DescriptiveMetadata", "DescriptiveMetadata"):
        language = language or _formal(find_child(descriptive, "Language"))
        for code in children(descriptive, "SubjectCode"):
            for subject in children(code):
                value = _formal(subject)
                if value:
                    subjects.append(Subject(name=value, code=value, scheme="iptc-subjectcode"))
        for prop in children(descriptive, "Property"):
            if prop.get("FormalName") == "Keyword" and prop.get("Value") and not prop.get("Role"):
                keyword = (prop.get("Value") or "").strip()
                if keyword and keyword not in keywords:
                    keywords.append(keyword)
        genres += [g for g in (_formal(e) for e in children(descriptive, "Genre")) if g]
    extension: dict[str, Any] = {}
    if dateline:
        extension["dateline"] = dateline
    if genres:
        extension["genres"] = genres
    if mentions:
        extension["mentions"] = mentions
    copyright_line = _line(components, "CopyrightLine")
    if copyright_line:
        extension["copyright"] = copyright_line
    return Article(
        headline=headline,
        subheadline=subheadline if subheadline != headline else None,
        language=language,
        id=identifier,
        published=first or revised,
        updated=revised if first is not None and revised is not None and revised != first else None,
        authors=tuple(authors),
        provider=provider,
        datelines=tuple(dateline_places(dateline)) if dateline else (),
        media=tuple(media),
        body=tuple(blocks),
        quotes=quotes,
        keywords=tuple(keywords),
        subjects=tuple(subjects),
        slug=slug,
        priority=int(urgency) if urgency and urgency.isdigit() else None,
        extensions={_EXTENSION: extension, PROVENANCE: provenance},
    )


def articles_from_newsml1(root: etree._Element, name: str) -> Iterator[Article]:
    """Every article in a parsed ``<NewsML>`` document: one per NewsItem carrying text."""
    if local_name(root) != "NewsML":
        raise ParseError(f"not NewsML 1.x: expected a <NewsML> root element, found <{local_name(root)}>", file=name)
    items = list(root.iter("{*}NewsItem", "NewsItem"))
    found = 0
    for item in items:
        article = _article(item, name)
        if article is not None:
            found += 1
            yield article
    if not found:
        raise ParseError(f"no text in this NewsML document ({len(items)} news item(s), none with text)", file=name)


def parse_newsml1(document: Document, options: Options) -> Iterator[Article]:
    """Read a NewsML 1.x document."""
    root = parse_xml(document.data, document.name, what="NewsML")
    yield from articles_from_newsml1(root, document.name)


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="newsml-1",
            parse=parse_newsml1,
            sniff=_sniff,
            extensions=(".newsml1",),
            media_types=("application/vnd.iptc.newsml+xml",),
            description="IPTC NewsML 1.x (legacy; AFP, Business Wire): one article per news item with text",
            options=(),
        ),
    ]
