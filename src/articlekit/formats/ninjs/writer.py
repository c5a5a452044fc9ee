"""ninjs 3.1 (``ninjs``): IPTC's News in JSON.

The output validates against the ninjs 3.1 JSON Schema. Two bodies are written: ``text/plain``
(the blocks as the ``text`` writer writes them) and ``text/html`` (the structure, with quotes
and the names of quoted sources marked as ``<span>``\\ s). People and organisations carry a
``rel``: ``author``, ``quoted`` or ``mentioned``.

See ``docs/formats/ninjs.md`` for the mapping of every model field.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from lxml import etree

from articlekit.common.plain import plain_blocks
from articlekit.common.rendering import BlockRenderer, Mark, collect_marks, mark_up, marks_within, xml_safe
from articlekit.hookspecs import hookimpl
from articlekit.marks import links_apart
from articlekit.model import (
    Article,
    BlockQuote,
    Heading,
    ListBlock,
    Media,
    MediaRef,
    Paragraph,
    Place,
    Related,
    Subject,
)
from articlekit.options import INDENT, json_indent
from articlekit.registry import Options, WriterSpec

__all__ = ["NINJS_SCHEMA", "NINJS_VERSION", "HtmlBodyRenderer", "dumps_ninjs", "ninjs_data", "rfc3339"]

NINJS_VERSION = "3.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"

# RFC 3986: a scheme, then only characters a URI may hold (percent escapes included).
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")

# ninjs "type" (IPTC ninature) of each media kind
_MEDIA_TYPES = {"image": "picture", "graphic": "graphic", "video": "video", "audio": "audio", "other": "component"}

# IPTC controlled vocabularies a subject's scheme may name
_SCHEME_URIS = {
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "mediatopic": "http://cv.iptc.org/newscodes/mediatopic/",
    "iptc-mediatopic": "http://cv.iptc.org/newscodes/mediatopic/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "subjectcode": "http://cv.iptc.org/newscodes/subjectcode/",
    "iptc-subjectcode": "http://cv.iptc.org/newscodes/subjectcode/",
}


def rfc3339(value: datetime) -> str:
    """An RFC 3339 date-time. A naive value (the source gave no offset) gets RFC 3339's
    "unknown local offset" suffix ``-00:00``: ninjs requires an offset, and inventing one
    would be wrong. An offset with seconds, which RFC 3339 cannot write, becomes UTC."""
    offset = value.utcoffset()
    if offset is None:
        return value.isoformat() + "-00:00"
    if offset % timedelta(minutes=1):
        value = value.astimezone(timezone.utc)
    return value.isoformat()


def _uri(value: str | None) -> str | None:
    return value if value and _URI.match(value) else None


def _derived_uri(*parts: object) -> str:
    """A stable ``urn:uuid`` for something that has no URI of its own."""
    name = json.dumps(["articlekit", *(str(p) for p in parts)], ensure_ascii=False)
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _place_name(place: Place) -> str:
    return ", ".join(part for part in (place.name, place.region, place.country) if part)


def _subject(subject: Subject) -> dict[str, Any]:
    data: dict[str, Any] = {"name": subject.name}
    if subject.code:
        code = subject.code
        prefix = _SCHEME_URIS.get((subject.scheme or "").lower())
        local = code.split(":", 1)[1] if ":" in code else code
        if prefix and _URI.match(prefix + local):
            data["uri"] = prefix + local
        data["literal"] = code if ":" in code or not subject.scheme else f"{subject.scheme}:{code}"
    return data


# --------------------------------------------------------------------------- the HTML body


_HTML_MARK_TAGS = {"emphasis": "em", "strong": "strong"}


def _html_mark(parent: etree._Element, mark: Mark) -> etree._Element:
    if mark.is_quote:
        attributes = {"class": "quote"}
        if mark.speaker:
            attributes["data-speaker"] = xml_safe(mark.speaker)
        return etree.SubElement(parent, "span", attributes)
    if mark.kind == "link":
        link = {"href": xml_safe(mark.href or "")}
        if mark.title is not None:
            link["title"] = xml_safe(mark.title)
        return etree.SubElement(parent, "a", link)
    if mark.kind in _HTML_MARK_TAGS:
        return etree.SubElement(parent, _HTML_MARK_TAGS[mark.kind])
    return etree.SubElement(parent, "span", {"class": mark.kind})


class HtmlBodyRenderer(BlockRenderer):
    """Renders the body as an HTML fragment: one method per block type, each adding its
    element. Quotes are ``<span class="quote" data-speaker="...">`` (not ``<q>``: the text
    keeps its own quotation marks), names ``<span class="person">`` or ``"organisation"``.
    An unknown block type is an error."""

    format_name = "ninjs"

    def __init__(self, article: Article) -> None:
        self.article = article
        self._marks = collect_marks(article)

    def _text(self, parent: etree._Element, index: int, text: str, offset: int = 0) -> None:
        marks = links_apart(marks_within(self._marks.get(index, ()), offset, len(text)))
        mark_up(parent, xml_safe(text), marks, _html_mark)

    def paragraph(self, root: etree._Element, index: int, block: Paragraph) -> None:
        self._text(etree.SubElement(root, "p"), index, block.text)

    def heading(self, root: etree._Element, index: int, block: Heading) -> None:
        self._text(etree.SubElement(root, f"h{block.level}"), index, block.text)

    def block_quote(self, root: etree._Element, index: int, block: BlockQuote) -> None:
        quote = etree.SubElement(root, "blockquote")
        self._text(etree.SubElement(quote, "p"), index, block.text)
        if block.cite:
            etree.SubElement(quote, "footer").text = xml_safe(block.cite)

    def list_block(self, root: etree._Element, index: int, block: ListBlock) -> None:
        element = etree.SubElement(root, "ol" if block.ordered else "ul")
        offset = 0
        for item in block.items:
            self._text(etree.SubElement(element, "li"), index, item, offset)
            offset += len(item) + 1

    def related(self, root: etree._Element, index: int, block: Related) -> None:
        paragraph = etree.SubElement(root, "p", {"class": "related"})
        if block.label:
            paragraph.text = xml_safe(f"{block.label}: ")
        link = etree.SubElement(paragraph, "a", {"href": xml_safe(block.url)} if block.url else {})
        self._text(link, index, block.text)

    def media_ref(self, root: etree._Element, index: int, block: MediaRef) -> None:
        media = self.article.media[block.media]
        figure = etree.SubElement(root, "figure")
        if media.url:
            attributes = {"src": xml_safe(media.url)}
            if media.alt is not None:
                attributes["alt"] = xml_safe(media.alt)
            tag = {"video": "video", "audio": "audio"}.get(media.kind, "img")
            etree.SubElement(figure, tag, attributes)
        if media.caption or media.credit:
            caption = etree.SubElement(figure, "figcaption")
            caption.text = xml_safe(media.caption or "")
            if media.credit:
                if media.caption:
                    caption.text += " "
                etree.SubElement(caption, "span", {"class": "credit"}).text = xml_safe(media.credit)

    def render(self) -> str:
        root = etree.Element("div")
        for index, block in enumerate(self.article.body):
            self.method_for(block)(root, index, block)
        return "\n".join(etree.tostring(child, method="html", encoding="unicode", with_tail=False) for child in root)


# --------------------------------------------------------------------------- the document


def _association(article_uri: str, index: int, media: Media) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": f"media-{index + 1}",
        "uri": _uri(media.url) or _derived_uri(article_uri, "media", index, media.url),
        "type": _MEDIA_TYPES[media.kind],
    }
    if index == 0:
        data["rel"] = "featured"
    descriptions = []
    if media.caption:
        descriptions.append({"role": "caption", "contentType": "text/plain", "value": media.caption})
    if media.alt:
        descriptions.append({"role": "alt", "contentType": "text/plain", "value": media.alt})
    if descriptions:
        data["descriptions"] = descriptions
    if media.credit:
        data["by"] = media.credit
    if media.url:
        rendition: dict[str, Any] = {"name": "original"}
        href = _uri(media.url)
        if href:
            rendition["href"] = href
        if media.media_type:
            rendition["contentType"] = media.media_type
        if media.width is not None:
            rendition["width"] = media.width
        if media.height is not None:
            rendition["height"] = media.height
        data["renditions"] = [rendition]
    return data


def _article_uri(article: Article) -> str:
    return (
        _uri(article.url)
        or _uri(article.id)
        or _derived_uri(article.id, article.headline, article.published, article.url, article.text)
    )


def ninjs_data(article: Article) -> dict[str, Any]:
    """The article as a ninjs 3.1 object (JSON-compatible)."""
    uri = _article_uri(article)
    data: dict[str, Any] = {
        "uri": uri,
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationType": "full",
    }
    alt_ids = [{"role": role, "value": value} for role, value in (("id", article.id), ("url", article.url)) if value]
    # the web address always (the uri may be it: the reader tells the id from it by this)
    alt_ids = [a for a in alt_ids if a["value"] != uri or a["role"] == "url"]
    if alt_ids:
        data["altIds"] = alt_ids
    if article.published is not None:
        data["firstCreated"] = rfc3339(article.published)
    if article.updated is not None:
        data["versionCreated"] = rfc3339(article.updated)
    if article.language:
        data["language"] = article.language
    if article.priority is not None and 1 <= article.priority <= 9:
        data["urgency"] = article.priority
    if article.slug:
        data["slugline"] = article.slug
    headlines = [{"role": "main", "contentType": "text/plain", "value": article.headline}] if article.headline else []
    if article.subheadline:
        headlines.append({"role": "sub", "contentType": "text/plain", "value": article.subheadline})
    if headlines:
        data["headlines"] = headlines
    if article.summary:
        data["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": article.summary}]
    if article.body:
        plain = "\n\n".join(plain_blocks(article, "ninjs"))
        data["bodies"] = [
            {
                "role": "main",
                "contentType": "text/plain",
                "charCount": len(plain),
                "wordCount": len(plain.split()),
                "value": plain,
            },
            {"role": "richtext", "contentType": "text/html", "value": HtmlBodyRenderer(article).render()},
        ]
    names = [a.name for a in article.authors]
    if names:
        data["by"] = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if article.datelines:
        data["located"] = "/".join(_place_name(p) for p in article.datelines)
    quoted = {q.speaker.source for q in article.quotes if q.speaker is not None and q.speaker.source is not None}
    people: list[dict[str, Any]] = []
    organisations: list[dict[str, Any]] = []
    for author in article.authors:
        (people if author.kind == "person" else organisations).append({"name": author.name, "rel": "author"})
    for source in article.sources:
        entry = {"name": source.name, "rel": "quoted" if source.id in quoted else "mentioned"}
        if source.kind == "person":
            people.append(entry)
        elif source.kind == "organisation":
            organisations.append(entry)
    if people:
        data["people"] = people
    if organisations:
        data["organisations"] = organisations
    if article.datelines:
        data["places"] = [{"name": _place_name(p), "rel": "located"} for p in article.datelines]
    subjects = [{"name": keyword, "rel": "keyword"} for keyword in article.keywords]
    subjects += [_subject(s) for s in article.subjects]
    if subjects:
        data["subjects"] = subjects
    if article.provider:
        data["infoSources"] = [{"name": article.provider, "role": "provider"}]
    if article.media:
        data["associations"] = [_association(uri, i, media) for i, media in enumerate(article.media)]
    return data


def dumps_ninjs(article: Article, options: Options) -> str:
    """The article as ninjs 3.1 JSON, indented by 2 (``indent`` option), ending in a newline."""
    return json.dumps(ninjs_data(article), ensure_ascii=False, indent=json_indent(options), allow_nan=False) + "\n"


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="ninjs",
            write=dumps_ninjs,
            extension=".json",
            media_type="application/json",
            description="ninjs 3.1 (IPTC News in JSON): plain and HTML bodies, people quoted or mentioned",
            options=(INDENT,),
        ),
    ]
