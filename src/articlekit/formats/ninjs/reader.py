"""The ``ninjs`` parser: IPTC's News in JSON, versions 1.x, 2.x and 3.x.

The version is read from ``$standard``/``standard`` where the document names it, else from its
keys: 1.x has singular keys (``headline``, ``body_html``, ``byline``), 2.x lowercase plurals
(``headlines``, ``bodies``, ``versioncreated``), 3.x camelCase (``versionCreated``,
``copyrightHolder``, ``altIds``). A JSON array of ninjs objects (a collection) gives one article
per object. Pictures, videos and events become articles too, their renditions as media.

The mapping is documented in ``docs/formats/ninjs.md`` (section "Reading").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from articlekit.common.bylines import split_byline
from articlekit.common.dates import parse_timestamp
from articlekit.common.fields import Fields, first_key
from articlekit.common.industry import (
    find_outside,
    html_blocks,
    html_fragment,
    html_to_text,
    load_json,
    media_kind,
)
from articlekit.encoding import text_head
from articlekit.errors import ParseError
from articlekit.hookspecs import hookimpl
from articlekit.model import (
    Article,
    Block,
    Contributor,
    Media,
    MediaRef,
    Paragraph,
    Place,
    Quote,
    Span,
    Speaker,
    Subject,
)
from articlekit.registry import Document, Options, ParserSpec

__all__ = ["detect_version", "parse_ninjs"]

_EXTENSION = "ninjs"
_V3_KEYS = {
    "versionCreated",
    "firstCreated",
    "contentCreated",
    "copyrightHolder",
    "copyrightNotice",
    "altIds",
    "edNote",
    "infoSources",
    "pubStatus",
    "representationType",
    "usageTerms",
    "rightsInfo",
    "eventDetails",
}
_V2_KEYS = {"headlines", "bodies", "descriptions", "people", "organisations", "places", "subjects", "infosources"}
_V1_KEYS = {
    "headline",
    "byline",
    "person",
    "organisation",
    "place",
    "subject",
    "description_text",
    "description_html",
    "body_text",
    "body_html",
    "body_xhtml",
    "body_richtext",
}
_ANY_KEYS = _V3_KEYS | _V2_KEYS | _V1_KEYS | {"versioncreated", "firstcreated", "uri", "type", "renditions"}
_SNIFF_KEYS = re.compile(
    rb'"(?:\$standard|versioncreated|versionCreated|firstcreated|headlines|body_html|body_text|body_xhtml'
    rb"|bodies|byline|associations|renditions|copyrightholder|copyrightHolder|headline|descriptions|eventDetails"
    rb'|firstCreated|pubstatus|pubStatus)"\s*:'
)
_MEDIA_TYPES = {"picture", "graphic", "video", "audio"}


def _sniff(head: bytes, name: str) -> float:
    head = text_head(head)  # (ninjs in UTF-16 or -32 read as text)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] not in (b"{", b"["):
        return 0.0
    if re.search(rb'"\$?standard"\s*:\s*\{[^}]*"name"\s*:\s*"ninjs"', head):
        return 1.0
    if b'"schema"' in head and b'"articlekit/' in head:
        return 0.0
    if b'"uri"' in head and len(_SNIFF_KEYS.findall(head)) >= 1:
        return 0.85
    return 0.0


def detect_version(item: Mapping[str, Any]) -> str:
    """The ninjs major version of an item: ``"1"``, ``"2"`` or ``"3"``, from its ``$standard``
    or ``standard`` declaration, else from the shape of its keys."""
    for key in ("$standard", "standard"):
        standard = item.get(key)
        if isinstance(standard, Mapping) and isinstance(standard.get("version"), str):
            major = str(standard["version"]).strip().split(".")[0]
            if major in ("1", "2", "3"):
                return major
    keys = set(item)
    if keys & _V3_KEYS:
        return "3"
    if keys & _V2_KEYS or "by" in keys:
        return "2"
    return "1"


# ---------------------------------------------------------------------- small readers


def _str(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _get(item: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if key in item and item[key] is not None:
            return item[key]
    return None


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping):
        return [dict(v, name=v.get("name", k)) if isinstance(v, Mapping) else v for k, v in value.items()]
    return []


def _content_type(entry: Mapping[str, Any]) -> str:
    return str(_get(entry, "contentType", "contenttype", "content_type") or "").lower()


def _role(entry: Mapping[str, Any]) -> str:
    return str(entry.get("role") or "").lower()


def _width(rendition: Mapping[str, Any]) -> int:
    width = rendition.get("width")
    return width if isinstance(width, int) else 0


def _headlines(item: Mapping[str, Any]) -> tuple[str, str | None]:
    entries = [e for e in _list(item.get("headlines")) if isinstance(e, Mapping) and _str(e.get("value"))]
    if entries:
        main = next((e for e in entries if _role(e) in ("main", "")), entries[0])
        sub = next(
            (e for e in entries if e is not main and _role(e) in ("sub", "subheadline", "subhead", "deck")), None
        )
        headline = html_to_text(_str(main.get("value"))) if "html" in _content_type(main) else _str(main.get("value"))
        return headline or "", _str(sub.get("value")) if sub is not None else None
    headline = _str(_get(item, "headline", "headline_main", "headline_simple", "title")) or ""
    return headline, _str(item.get("headline_sub"))


def _descriptions(item: Mapping[str, Any]) -> dict[str, str]:
    """Descriptions by role (``summary``, ``caption``, ...) as plain text."""
    found: dict[str, str] = {}
    for entry in _list(item.get("descriptions")):
        if isinstance(entry, Mapping) and _str(entry.get("value")):
            value = str(entry["value"])
            text = html_to_text(value) if "html" in _content_type(entry) or "<" in value else " ".join(value.split())
            found.setdefault(_role(entry) or "summary", text)
    for key, value in item.items():
        if key.startswith("description_") and _str(value):
            text = html_to_text(str(value))
            role = "caption" if "caption" in key else "summary"
            found.setdefault(role, text)
    return found


def _body(item: Mapping[str, Any]) -> tuple[list[Block], list[Media], str | None, str | None]:
    """The richest body an item carries: HTML (or XHTML, rich text) before plain text; with
    the kind read and the HTML itself."""
    candidates: list[tuple[int, str, str]] = []  # (preference, kind, value)
    for entry in _list(item.get("bodies")):
        if not isinstance(entry, Mapping) or not _str(entry.get("value")):
            continue
        kind = _content_type(entry) or _role(entry)
        rank = 0 if "html" in kind else 2
        if _role(entry) not in ("", "main", "html", "text", "body"):
            rank += 1
        candidates.append((rank, "html" if "html" in kind else "text", str(entry["value"])))
    for key in ("body_html", "body_xhtml", "body_richtext", "body_main"):
        if _str(item.get(key)):
            candidates.append((0, "html", str(item[key])))
    if _str(item.get("body_text")):
        candidates.append((2, "text", str(item["body_text"])))
    if not candidates:
        return [], [], None, None
    _rank, kind, value = min(candidates, key=lambda c: c[0])
    if kind == "html":
        blocks, media = html_blocks(value)
        return blocks, media, "html", value
    paragraphs = re.split(r"\n\s*\n", value) if "\n\n" in value.strip() else value.splitlines()
    return [Paragraph(" ".join(p.split())) for p in paragraphs if p.strip()], [], "text", None


def _marked_quotes(markup: str) -> list[tuple[str, str | None]]:
    """Quotes an HTML body marks itself, as articlekit's ninjs writer does:
    ``<span class="quote" data-speaker="Jane Doe">...</span>``."""
    if "quote" not in markup:
        return []
    root = html_fragment(markup)
    if root is None:
        return []
    found: list[tuple[str, str | None]] = []
    for span in root.iter("span"):
        if "quote" not in (span.get("class") or "").split():
            continue
        text = " ".join(str(span.text_content()).split())
        if text:
            speaker = span.get("data-speaker")
            found.append((text, " ".join(speaker.split()) if speaker else None))
    return found


def _quotes_in(blocks: Sequence[Block], marked: list[tuple[str, str | None]]) -> list[Quote]:
    """The marked quotes located in the blocks' text, in order (each search starts where the
    last quote was found)."""
    quotes: list[Quote] = []
    block_index, position = 0, 0
    for text, speaker in marked:
        for index in range(block_index, len(blocks)):
            block_text = blocks[index].text
            start = block_text.find(text, position if index == block_index else 0)
            if start < 0:
                continue
            end = start + len(text)
            mention = None
            if speaker:
                at = find_outside(block_text, speaker, start, end)
                mention = Speaker(mention=speaker, span=Span(index, at, at + len(speaker)) if at >= 0 else None)
            quotes.append(
                Quote(
                    id=f"q{len(quotes) + 1}",
                    kind="direct",
                    text=text,
                    spans=(Span(index, start, end),),
                    speaker=mention,
                )
            )
            block_index, position = index, end
            break
    return quotes


def _figures_as_media(blocks: list[Block], media: Sequence[Media]) -> list[Block]:
    """A paragraph that is only an associated picture's caption (and credit) is where that
    picture stands: a figure without an image (its address is in the association)."""
    referenced = {b.media for b in blocks if isinstance(b, MediaRef)}
    result: list[Block] = []
    for block in blocks:
        replacement: Block = block
        if isinstance(block, Paragraph):
            for index, item in enumerate(media):
                if index in referenced or not item.caption:
                    continue
                forms = {item.caption, f"{item.caption} {item.credit}" if item.credit else item.caption}
                if block.text in forms:
                    replacement = MediaRef(index)
                    referenced.add(index)
                    break
        result.append(replacement)
    return result


def _rendition(item: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The rendition to point at: the original or highest resolution with an address."""
    renditions = [r for r in _list(item.get("renditions")) if isinstance(r, Mapping) and _str(r.get("href"))]
    if not renditions:
        return None
    for preferred in ("original", "main", "highres", "hires", "baseimage"):
        for rendition in renditions:
            names = f"{rendition.get('name', '')} {rendition.get('title', '')}".lower()
            if preferred in names.replace(" ", "").replace("-", ""):
                return rendition
    return max(renditions, key=_width)


def _media(item: Mapping[str, Any]) -> Media | None:
    """A picture, graphic, video or audio item (or association) as one Media."""
    rendition = _rendition(item)
    url = _str(rendition.get("href")) if rendition is not None else None
    uri = _str(item.get("uri"))
    if url is None and uri and re.search(r"\.(jpe?g|png|gif|webp|mp4|mp3|m4a|mov)(\?|$)", uri, re.IGNORECASE):
        url = uri
    descriptions = _descriptions(item)
    headline, _ = _headlines(item)
    caption = descriptions.get("caption") or descriptions.get("summary") or next(iter(descriptions.values()), None)
    caption = caption or headline or None
    credit = _str(_get(item, "by", "byline")) or _str(_get(item, "copyrightHolder", "copyrightholder"))
    mime = _str(_get(rendition, "contentType", "contenttype", "mimetype")) if rendition is not None else None
    mime = mime or _str(item.get("mimetype"))
    if url is None and caption is None:
        return None
    width = rendition.get("width") if rendition is not None else None
    height = rendition.get("height") if rendition is not None else None
    return Media(
        kind=media_kind(_str(item.get("type")) or mime),
        url=url,
        caption=caption,
        credit=credit,
        alt=descriptions.get("alt") or descriptions.get("alttext"),
        media_type=mime,
        width=width if isinstance(width, int) and width >= 0 else None,
        height=height if isinstance(height, int) and height >= 0 else None,
    )


def _authors(item: Mapping[str, Any]) -> list[Contributor]:
    authors: list[Contributor] = []
    people = [*_list(item.get("people")), *_list(item.get("person"))]
    for person in people:
        if isinstance(person, Mapping) and _str(person.get("name")) and _role_rel(person) in ("author", "creator"):
            authors.append(Contributor(name=str(person["name"]).strip()))
    if authors:
        return authors
    byline = _str(_get(item, "by", "byline"))
    if not byline:
        return []
    return [Contributor(name=n, affiliation=a) for n, a in split_byline(byline)]


def _role_rel(entry: Mapping[str, Any]) -> str:
    return re.split(r"[:/#]", str(entry.get("rel") or entry.get("role") or ""))[-1].lower()


def _is_keyword(entry: Mapping[str, Any]) -> bool:
    """A subject with ``rel: keyword`` and no code: a keyword, as articlekit's writer (and
    ninjs 2 and 3, which have no ``keywords`` list) write them."""
    return _role_rel(entry) == "keyword" and not _str(entry.get("code")) and not _str(entry.get("uri"))


def _subject_keywords(item: Mapping[str, Any]) -> list[str]:
    entries = [*_list(item.get("subjects")), *_list(item.get("subject"))]
    return [
        str(e["name"]).strip() for e in entries if isinstance(e, Mapping) and _is_keyword(e) and _str(e.get("name"))
    ]


def _subjects(item: Mapping[str, Any]) -> list[Subject]:
    subjects: list[Subject] = []
    for entry in [*_list(item.get("subjects")), *_list(item.get("subject"))]:
        if not isinstance(entry, Mapping) or _is_keyword(entry):
            continue
        name = _str(entry.get("name")) or _str(entry.get("literal")) or _str(entry.get("code"))
        if name:
            subjects.append(
                Subject(
                    name=name, code=_str(entry.get("code")) or _str(entry.get("uri")), scheme=_str(entry.get("scheme"))
                )
            )
    return subjects


def _mentions(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    mentions: list[dict[str, Any]] = []
    for kind, keys in (
        ("person", ("people", "person")),
        ("organisation", ("organisations", "organisation")),
        ("place", ("places", "place")),
        ("object", ("objects",)),
        ("event", ("events",)),
    ):
        for key in keys:
            for entry in _list(item.get(key)):
                if isinstance(entry, Mapping) and _str(entry.get("name")):
                    mention = {"kind": kind, "name": str(entry["name"]).strip()}
                    for extra in ("rel", "code", "scheme", "uri"):
                        if _str(entry.get(extra)):
                            mention[extra] = str(entry[extra])
                    mentions.append(mention)
    return mentions


def _located(item: Mapping[str, Any]) -> list[Place]:
    located = item.get("located")
    if isinstance(located, Mapping):
        located = _str(located.get("name")) or _str(located.get("literal"))
    text = _str(located)
    if not text:
        return []
    name, _, rest = text.partition(",")
    return [Place(name=name.strip(), country=rest.strip() or None)]


def _priority(value: Any) -> int | None:
    text = _str(value)
    return int(text) if text and text.isdigit() else None


# ---------------------------------------------------------------------- one item


def article_from_ninjs(item: Mapping[str, Any]) -> Article:
    """The article in one ninjs object, whichever version."""
    item_type = (_str(item.get("type")) or "text").lower()
    headline, subheadline = _headlines(item)
    descriptions = _descriptions(item)
    blocks, body_media, body_kind, markup = _body(item)
    if not blocks and item_type == "text" and "text" in descriptions:
        blocks, body_media, body_kind, descriptions = _description_body(
            item, descriptions, blocks, body_media, body_kind
        )
    media, skipped_associations = _associations(item, item_type)
    media, blocks = _with_body_media(media, body_media, blocks)
    blocks = _figures_as_media(blocks, media)
    first = parse_timestamp(_str(_get(item, "firstCreated", "firstcreated", "contentCreated", "contentcreated")))
    version_created = parse_timestamp(_str(_get(item, "versionCreated", "versioncreated")))
    url, article_id = _address(item)

    fields = Fields()
    fields.set("headline", headline, first_key(item, "headlines", "headline", "headline_main", "title"), always=True)
    fields.set("subheadline", subheadline)
    fields.set("summary", _summary(descriptions, item_type))
    fields.set("language", _str(item.get("language")))
    fields.set("url", url)
    fields.set("id", article_id)
    fields.set("published", first or version_created, first_key(item, *_CREATED_KEYS), always=True)
    fields.set("updated", version_created if first is not None and version_created not in (None, first) else None)
    fields.set("authors", tuple(_authors(item)), first_key(item, "people", "person", "by", "byline"), always=True)
    fields.set(
        "provider", _provider(item), first_key(item, "copyrightHolder", "copyrightholder", *_SOURCES_KEYS), always=True
    )
    fields.set("datelines", tuple(_located(item)))
    fields.set("media", tuple(media), first_key(item, "associations", "renditions"), always=True)
    fields.set("body", tuple(blocks), _BODY_SOURCES.get(body_kind, body_kind) if body_kind else None, always=True)
    fields.set("quotes", tuple(_quotes_in(blocks, _marked_quotes(markup)) if markup else ()))
    fields.set("keywords", tuple(_keywords(item)))
    fields.set("subjects", tuple(_subjects(item)))
    fields.set("slug", _str(item.get("slugline")))
    fields.set("priority", _priority(item.get("urgency")))
    extension = _extension(item, item_type, body_kind, skipped_associations, has_body=bool(blocks))
    return fields.article(extensions={_EXTENSION: extension})


_CREATED_KEYS = ("firstCreated", "firstcreated", "contentCreated", "contentcreated", "versionCreated", "versioncreated")
_SOURCES_KEYS = ("infoSources", "infosources")
_BODY_SOURCES = {"html": "HTML body", "text": "plain-text body", "description": "descriptions (role text)"}


def _description_body(
    item: Mapping[str, Any],
    descriptions: dict[str, str],
    blocks: list[Block],
    body_media: list[Media],
    body_kind: str | None,
) -> tuple[list[Block], list[Media], str | None, dict[str, str]]:
    """No body: NTB sends the story as the description of role "text", which then is the body
    and no longer a description."""
    text_entry = next(
        (e for e in _list(item.get("descriptions")) if isinstance(e, Mapping) and _role(e) == "text"), None
    )
    if text_entry is None:
        return blocks, body_media, body_kind, descriptions
    value = str(text_entry.get("value") or "")
    if "html" in _content_type(text_entry):
        blocks, body_media = html_blocks(value)
    else:
        blocks = [Paragraph(" ".join(p.split())) for p in value.splitlines() if p.strip()]
    return blocks, body_media, "description", {k: v for k, v in descriptions.items() if k != "text"}


def _associations(item: Mapping[str, Any], item_type: str) -> tuple[list[Media], list[str]]:
    """The item's own media (a picture item) and its associated media, and the names of the
    associations that are no media."""
    media: list[Media] = []
    if item_type in _MEDIA_TYPES:
        own = _media(item)
        if own is not None:
            media.append(own)
    skipped: list[str] = []
    for association in _list(item.get("associations")):
        if not isinstance(association, Mapping):
            continue
        kind = (_str(association.get("type")) or "").lower()
        if kind in _MEDIA_TYPES:
            found = _media(association)
            if found is not None:
                media.append(found)
                continue
        skipped.append(str(association.get("name") or association.get("uri") or kind))
    return media, skipped


def _with_body_media(
    media: list[Media], body_media: list[Media], blocks: list[Block]
) -> tuple[list[Media], list[Block]]:
    """The body's figures added to the media, a figure showing an association (same caption)
    pointing at the association's copy instead; the body's media references renumbered."""
    merged = list(media)
    index_of: dict[int, int] = {}
    for index, item_media in enumerate(body_media):
        twin = next((i for i, m in enumerate(media) if m.caption and m.caption == item_media.caption), None)
        if twin is None:
            merged.append(item_media)
            index_of[index] = len(merged) - 1
        else:
            index_of[index] = twin
    return merged, [MediaRef(index_of.get(b.media, b.media)) if isinstance(b, MediaRef) else b for b in blocks]


def _summary(descriptions: dict[str, str], item_type: str) -> str | None:
    summary = descriptions.get("summary") or descriptions.get("text") or descriptions.get("abstract")
    if summary is None and item_type == "text":
        summary = next(iter(descriptions.values()), None)
    return summary


def _address(item: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The article's web address and id: from ``altIds`` (as articlekit's writer records them
    beside the uri), else the uri as the id."""
    alt_ids = {_str(a.get("role")): _str(a.get("value")) for a in _list(item.get("altIds")) if isinstance(a, Mapping)}
    uri = _str(item.get("uri"))
    url = alt_ids.get("url") if (alt_ids.get("url") or "").startswith(("http://", "https://")) else None
    return url, alt_ids.get("id") or (uri if uri != url else None)


def _info_sources(item: Mapping[str, Any]) -> list[str]:
    return [
        str(s.get("name")).strip()
        for s in _list(_get(item, *_SOURCES_KEYS))
        if isinstance(s, Mapping) and _str(s.get("name"))
    ]


def _provider(item: Mapping[str, Any]) -> str | None:
    info_sources = _info_sources(item)
    return _str(_get(item, "copyrightHolder", "copyrightholder")) or (info_sources[0] if info_sources else None)


def _keywords(item: Mapping[str, Any]) -> list[str]:
    keywords = [str(k).strip() for k in _list(item.get("keywords")) if isinstance(k, str) and k.strip()]
    return keywords + [k for k in _subject_keywords(item) if k not in keywords]


def _extension(
    item: Mapping[str, Any], item_type: str, body_kind: str | None, skipped_associations: list[str], has_body: bool
) -> dict[str, Any]:
    """What the model has no field for, under ``extensions["ninjs"]``."""
    extension: dict[str, Any] = {"version": detect_version(item), "type": item_type}
    if body_kind:
        extension["body"] = body_kind
    genres = []
    for genre in _list(item.get("genres")):
        if isinstance(genre, Mapping) and (_str(genre.get("name")) or _str(genre.get("code"))):
            genres.append(_str(genre.get("name")) or _str(genre.get("code")))
    if genres:
        extension["genres"] = genres
    mentions = _mentions(item)
    if mentions:
        extension["mentions"] = mentions
    for key, name in (
        ("edNote", "editorial_note"),
        ("ednote", "editorial_note"),
        ("copyrightNotice", "copyright"),
        ("copyrightnotice", "copyright"),
        ("pubStatus", "pub_status"),
        ("pubstatus", "pub_status"),
        ("embargoed", "embargoed"),
    ):
        if _str(item.get(key)):
            extension[name] = _str(item.get(key))
    if skipped_associations:
        extension["other_associations"] = skipped_associations
    if item_type not in ("text", "composite") and not has_body:
        extension["note"] = f"a ninjs {item_type} item: no body text"
    return extension


def parse_ninjs(document: Document, options: Options) -> Iterator[Article]:
    """Read a ninjs object, or an array of them."""
    data = load_json(document)
    if isinstance(data, dict) and ("$schema" in data or data.get("type") == "object"):
        raise ParseError("not ninjs: this is a JSON Schema, not a news item", file=document.name)
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        where = f"item {index}: " if isinstance(data, list) else ""
        if not isinstance(item, dict):
            raise ParseError(f"{where}not ninjs: expected an object, found {type(item).__name__}", file=document.name)
        if not set(item) & _ANY_KEYS:
            raise ParseError(
                f"{where}not ninjs: expected keys such as uri, headline(s), body_html or bodies", file=document.name
            )
        try:
            yield article_from_ninjs(item)
        except (TypeError, AttributeError, ValueError) as exc:
            # a value of an unexpected JSON type somewhere
            raise ParseError(f"{where}not valid ninjs: {exc}", file=document.name) from None


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="ninjs",
            parse=parse_ninjs,
            sniff=_sniff,
            extensions=(".ninjs", ".ninjs.json"),
            media_types=("application/ninjs+json",),
            description="IPTC ninjs 1.x, 2.x and 3.x (News in JSON), the version read from its keys",
            options=(),
        ),
    ]
