"""The ``feed`` parser: RSS 0.9x, 1.0 and 2.0, Atom 1.0 (and 0.3) and JSON Feed 1.x, one
article per item.

Broken XML is common in feeds. A feed that is not well-formed is read again in libxml2's
recover mode (and, when its bytes do not match its encoding, decoded with detection first);
when that gives at least one usable item (a title, a link or some text), the articles carry
``extensions["feed"]["recovered"]`` with the first well-formedness error. Otherwise the
ParseError names that error's line and column. A well-formed feed without items gives no
articles and no error.

The mapping is documented in ``docs/formats/feeds.md``.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from articlekit.common.bylines import split_byline
from articlekit.common.dates import parse_timestamp
from articlekit.common.fields import PROVENANCE, first_of
from articlekit.common.industry import (
    html_blocks,
    html_element_blocks,
    html_to_text,
    load_json,
    media_kind,
)
from articlekit.common.xmlsafe import children, local_name, namespace, parse_xml, root_name, size_value, text_of
from articlekit.encoding import text_head
from articlekit.errors import ParseError
from articlekit.hookspecs import hookimpl
from articlekit.model import Article, Block, Contributor, Media, MediaRef, Paragraph, Subject
from articlekit.options import OptionSpec
from articlekit.registry import Document, Options, ParserSpec

__all__ = ["parse_feed"]

ATOM = "http://www.w3.org/2005/Atom"
ATOM_03 = "http://purl.org/atom/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
MEDIA = "http://search.yahoo.com/mrss/"
NETSCAPE_RSS_090 = "http://my.netscape.com/rdf/simple/0.9/"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_EXTENSION = "feed"
_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|/[a-zA-Z]|!--)|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_JSON_FEED = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/')


def _sniff(head: bytes, name: str) -> float:
    head = text_head(head)  # (a feed in UTF-16 or -32 read as text)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] == b"{":
        return 1.0 if _JSON_FEED.search(head) else 0.0
    root = root_name(head)
    if root in ("rss", "feed"):
        return 0.95
    if root == "RDF" and (b"purl.org/rss/1.0" in head or b"netscape.com/rdf/simple/0.9" in head):
        return 0.95
    if root == "entry" and ATOM.encode() in head:
        return 0.9
    return 0.0


# ---------------------------------------------------------------------- element helpers


def _child(element: etree._Element, name: str, ns: str | None = None) -> etree._Element | None:
    """The first child with local name ``name`` (in namespace ``ns`` when given)."""
    for child in children(element, name):
        if ns is None or namespace(child) == ns:
            return child
    return None


def _all(element: etree._Element, name: str, ns: str | None = None) -> list[etree._Element]:
    return [c for c in children(element, name) if ns is None or namespace(c) == ns]


def _text(element: etree._Element | None) -> str:
    return text_of(element) if element is not None else ""


def _atom_text(element: etree._Element | None) -> str:
    """An Atom text construct (or an RSS title) as plain text: ``html`` is unescaped and its
    tags dropped, ``xhtml`` read from its div."""
    if element is None:
        return ""
    decoded = _base64(element)
    if decoded is not None:
        return html_to_text(decoded) if "<" in decoded or "&" in decoded else " ".join(decoded.split())
    kind = (element.get("type") or "").lower()
    if kind in ("html", "text/html", "escaped"):
        return html_to_text("".join(str(t) for t in element.itertext()))
    if not kind and namespace(element) not in (ATOM, ATOM_03):
        # RSS and Dublin Core text is HTML when it holds markup (descriptions always may)
        text = "".join(str(t) for t in element.itertext())
        if _MARKUP.search(text):
            return html_to_text(text)
    return text_of(element)


def _base64(element: etree._Element) -> str | None:
    """The text of an Atom 0.3 construct in ``mode="base64"``, or an Atom 1.0 one whose type is
    a binary MIME type (RFC 4287 4.1.3.3), decoded; None otherwise."""
    kind = (element.get("type") or "").lower()
    binary = "/" in kind and not kind.startswith("text/") and not kind.endswith(("xml", "+json", "/json"))
    if (element.get("mode") or "").lower() != "base64" and not binary:
        return None
    try:
        return base64.b64decode("".join(str(t) for t in element.itertext()), validate=False).decode("utf-8", "replace")
    except (ValueError, binascii.Error):
        return None


def _markup(element: etree._Element) -> str:
    """An element's content as markup text: its text, base64-decoded when it says so."""
    decoded = _base64(element)
    return decoded if decoded is not None else "".join(str(t) for t in element.itertext())


def _resolve(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    if base and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
        try:
            return urljoin(base, url)
        except ValueError:
            return url
    return url


def _base(element: etree._Element, inherited: str | None) -> str | None:
    own = element.get(XML_BASE)
    if own:
        return _resolve(own, inherited) or own
    return inherited


# ---------------------------------------------------------------------- media RSS


def _media_items(item: etree._Element, base: str | None = None) -> list[Media]:
    """``media:content`` (alone or in a ``media:group``), ``media:thumbnail`` and RSS
    ``enclosure`` as media; ``media:credit``, ``media:description``/``media:title`` and
    ``media:text`` give credit and caption."""
    found: list[Media] = []
    seen: set[str] = set()

    def details(*scopes: etree._Element) -> tuple[str | None, str | None]:
        caption = credit = None
        for scope in scopes:
            caption = caption or _atom_text(_child(scope, "description", MEDIA)) or None
            caption = caption or _atom_text(_child(scope, "title", MEDIA)) or None
            credit = credit or _text(_child(scope, "credit", MEDIA)) or None
        return caption, credit

    def add(
        url: str | None, kind_hint: str | None, mime: str | None, scopes: tuple[etree._Element, ...], node: Any
    ) -> None:
        url = _resolve(url, base)
        if not url or url in seen:
            return
        seen.add(url)
        caption, credit = details(*scopes)
        kind = media_kind(kind_hint or mime) if (kind_hint or mime) else "image"
        found.append(
            Media(
                kind=kind,
                url=url,
                caption=caption,
                credit=credit,
                media_type=mime,
                width=size_value(node.get("width")),
                height=size_value(node.get("height")),
            )
        )

    groups = [item, *_all(item, "group", MEDIA)]
    for group in groups:
        for content in _all(group, "content", MEDIA):
            add(content.get("url"), content.get("medium"), content.get("type"), (content, group, item), content)
    for group in groups:
        for thumbnail in _all(group, "thumbnail", MEDIA):
            if not found:  # a thumbnail is the picture only when there is no full-size content
                add(thumbnail.get("url"), "image", None, (group, item), thumbnail)
    for enclosure in _all(item, "enclosure"):
        add(enclosure.get("url"), None, enclosure.get("type"), (item,), enclosure)
    for link in [*_all(item, "link", ATOM), *_all(item, "link", ATOM_03)]:
        if link.get("rel") == "enclosure":
            add(link.get("href"), None, link.get("type"), (item,), link)
    return found


# ---------------------------------------------------------------------- one item


class _Channel:
    """What a feed says for all its items: its title, language, authors, base URL."""

    def __init__(self, kind: str, title: str, language: str | None, authors: list[Contributor], base: str | None):
        self.kind = kind
        self.title = title
        self.language = language
        self.authors = authors
        self.base = base


def _contributors(item: etree._Element) -> list[Contributor]:
    authors: list[Contributor] = []
    for person in [*_all(item, "author", ATOM), *_all(item, "author", ATOM_03)]:
        name = _text(_child(person, "name")) or _text(person)
        if name:
            authors.append(Contributor(name=name))
    for person in _all(item, "contributor", ATOM):
        name = _text(_child(person, "name"))
        if name:
            authors.append(Contributor(name=name, role="contributor"))
    for creator in [*_all(item, "creator", DC), *_all(item, "creator", DCTERMS), *_all(item, "author", DC)]:
        for name, affiliation in split_byline(_text(creator)):
            if all(a.name != name for a in authors):
                authors.append(Contributor(name=name, affiliation=affiliation))
    for author in _all(item, "author", None):
        if namespace(author) is not None:
            continue
        # RSS 2.0 author: "jane@example.com (Jane Doe)" or a plain name
        text = _text(author)
        match = re.match(r"^\S+@\S+\s*\((.+)\)$", text)
        name = match.group(1).strip() if match else text
        if name and all(a.name != name for a in authors):
            authors.append(Contributor(name=name))
    return authors


def _body_from(item: etree._Element, base: str | None) -> tuple[list[Block], list[Media], str | None, str | None]:
    """The body blocks and media, and the summary text and where the body came from."""
    encoded = _child(item, "encoded", CONTENT)
    summary_element = _summary_element(item)
    summary = _atom_text(summary_element) or None
    if encoded is not None and (encoded.text or "").strip():
        blocks, media = html_blocks("".join(str(t) for t in encoded.itertext()), _base(encoded, base))
        return blocks, media, summary, "content:encoded"
    content = _atom_content(item)
    if content is not None and content.get("src") and not _markup(content).strip():
        # out-of-line content (RFC 4287 4.1.3.2): recorded, never fetched
        content = None
    if content is not None:
        base = _base(content, base)  # xml:base on the content itself (RFC 4287 2: any element)
        kind = (content.get("type") or "text").lower()
        if kind in ("xhtml", "application/xhtml+xml"):
            div = next(children(content), None)
            inner = _base(div, base) if div is not None else base
            blocks, media = html_element_blocks(div if div is not None else content, inner)
            return blocks, media, summary, "content"
        if kind in ("html", "text/html", "escaped"):
            blocks, media = html_blocks(_markup(content), base)
            return blocks, media, summary, "content"
        if kind.startswith("text") or _base64(content) is not None:
            # plain text (markup in it is literal text): paragraphs at blank lines
            paragraphs = re.split(r"\n\s*\n", _markup(content))
            return [Paragraph(" ".join(p.split())) for p in paragraphs if p.strip()], [], summary, "content"
    if summary_element is not None:
        base = _base(summary_element, base)
        kind = (summary_element.get("type") or "").lower()
        markup = _markup(summary_element)
        if kind == "xhtml":
            div = next(children(summary_element), None)
            inner = _base(div, base) if div is not None else base
            blocks, media = html_element_blocks(div if div is not None else summary_element, inner)
        elif kind == "text" and namespace(summary_element) in (ATOM, ATOM_03):
            blocks, media = ([Paragraph(summary)] if summary else []), []
        else:
            blocks, media = html_blocks(markup, base)
        return blocks, media, summary, "summary"
    return [], [], summary, None


def _summary_element(item: etree._Element) -> etree._Element | None:
    for ns in (ATOM, ATOM_03):
        found = _child(item, "summary", ns)
        if found is not None:
            return found
    # RSS's own description (no namespace, or RSS 1.0's), not media:description
    for found in children(item, "description"):
        if namespace(found) in (None, namespace(item)):
            return found
    return _child(item, "description", DC)


def _atom_content(item: etree._Element) -> etree._Element | None:
    for ns in (ATOM, ATOM_03):
        found = _child(item, "content", ns)
        if found is not None:
            return found
    return None


def _link(item: etree._Element, base: str | None) -> str | None:
    atom_links = [*_all(item, "link", ATOM), *_all(item, "link", ATOM_03)]
    for link in atom_links:
        if (link.get("rel") or "alternate") == "alternate" and link.get("href"):
            return _resolve(link.get("href"), _base(link, base))
    if atom_links and atom_links[0].get("href") and namespace(item) in (ATOM, ATOM_03):
        return _resolve(atom_links[0].get("href"), _base(atom_links[0], base))
    for link in _all(item, "link"):
        if namespace(link) in (ATOM, ATOM_03):
            continue
        text = _text(link)
        if text:
            return _resolve(text, base)
    guid = _child(item, "guid")
    if guid is not None and (guid.get("isPermaLink") or "true").lower() == "true":
        value = _text(guid)
        if value.startswith(("http://", "https://")):
            return value
    origin = _child(item, "origLink")
    return _text(origin) or None


def _keywords(item: etree._Element) -> list[str]:
    found: list[str] = []
    for category in children(item, "category"):
        value = (category.get("label") or category.get("term") or _text(category)).strip()
        if value and value not in found:
            found.append(value)
    for subject in _all(item, "subject", DC):
        value = _text(subject)
        if value and value not in found:
            found.append(value)
    for keywords in _all(item, "keywords", MEDIA):
        for piece in _text(keywords).split(","):
            piece = piece.strip()
            if piece and piece not in found:
                found.append(piece)
    return found


def _subjects(item: etree._Element) -> list[Subject]:
    """Categories that name their vocabulary (RSS ``domain``, Atom ``scheme``) as subjects."""
    subjects: list[Subject] = []
    for category in children(item, "category"):
        scheme = category.get("domain") or category.get("scheme")
        code = (category.get("term") or _text(category)).strip()
        if scheme and code:
            subjects.append(Subject(name=(category.get("label") or code).strip(), code=code, scheme=scheme.strip()))
    return subjects


def _item_article(item: etree._Element, channel: _Channel, recovered: str | None) -> Article | None:
    base = _base(item, channel.base)
    title_element = _title_element(item)
    headline = _atom_text(title_element)
    url = _link(item, base)
    blocks, media, summary, body_source = _body_from(item, base)
    media_rss = _media_items(item, base)
    known = {m.url for m in media}
    extra = [m for m in media_rss if m.url not in known]
    # media found in the item's metadata come first; the body's own keep their places
    all_media = extra + media
    blocks = [MediaRef(b.media + len(extra)) if isinstance(b, MediaRef) else b for b in blocks]
    if summary and blocks and body_source == "summary":
        summary = summary if len(blocks) > 1 or len(summary) < 400 else None
    if not headline:
        headline = _atom_text(_child(item, "title", MEDIA)) or ""
    if recovered and not headline and not url and not blocks and not summary:
        return None  # a fragment libxml2 salvaged from a broken feed: nothing to read
    provenance: dict[str, str] = {}
    published = first_of(
        provenance,
        "published",
        ("pubDate", parse_timestamp(_text(_child(item, "pubDate")))),
        ("atom:published", parse_timestamp(_text(_child(item, "published", ATOM)))),
        ("atom:issued (0.3)", parse_timestamp(_text(_child(item, "issued", ATOM_03)))),
        ("dc:date", parse_timestamp(_text(_child(item, "date", DC)))),
        ("dcterms:issued", parse_timestamp(_text(_child(item, "issued", DCTERMS)))),
        ("dcterms:created", parse_timestamp(_text(_child(item, "created", DCTERMS)))),
    )
    updated = first_of(
        provenance,
        "updated",
        ("atom:updated", parse_timestamp(_text(_child(item, "updated", ATOM)))),
        ("atom:modified (0.3)", parse_timestamp(_text(_child(item, "modified", ATOM_03)))),
        ("dcterms:modified", parse_timestamp(_text(_child(item, "modified", DCTERMS)))),
    )
    if updated is not None and updated == published:
        updated = None
        del provenance["updated"]
    if body_source:
        provenance["body"] = body_source
    if media_rss:
        provenance["media"] = "media:content, media:thumbnail, enclosure"
    guid = _text(_child(item, "guid")) or _text(_child(item, "id", ATOM)) or _text(_child(item, "id", ATOM_03))
    authors = _contributors(item) or list(channel.authors)
    language = item.get(XML_LANG) or _text(_child(item, "language", DC)) or channel.language
    source = _child(item, "source")
    provider = channel.title or None
    extension: dict[str, Any] = {"feed_type": channel.kind}
    if channel.title:
        extension["feed_title"] = channel.title
    if body_source:
        extension["body_from"] = body_source
    if source is not None:
        source_title = _atom_text(_child(source, "title")) or _text(source)
        if source_title:
            extension["source"] = source_title
            provider = source_title
    out_of_line = _atom_content(item)
    if out_of_line is not None and out_of_line.get("src"):
        extension["content_src"] = _resolve(out_of_line.get("src"), base)
    comments = _text(_child(item, "comments"))
    if comments:
        extension["comments"] = comments
    if recovered:
        extension["recovered"] = recovered
    return Article(
        headline=headline,
        summary=summary,
        language=language or None,
        url=url,
        id=guid or None,
        published=published,
        updated=updated,
        authors=tuple(authors),
        provider=provider,
        media=tuple(all_media),
        body=tuple(blocks),
        keywords=tuple(_keywords(item)),
        subjects=tuple(_subjects(item)),
        extensions={_EXTENSION: extension, PROVENANCE: provenance},
    )


def _title_element(item: etree._Element) -> etree._Element | None:
    for ns in (ATOM, ATOM_03):
        found = _child(item, "title", ns)
        if found is not None:
            return found
    for found in children(item, "title"):
        if namespace(found) in (None, namespace(item), RDF) or namespace(found) == DC:
            return found
    return _child(item, "title", DC)


# ---------------------------------------------------------------------- XML feeds


def _adopt_atom_namespace(root: etree._Element) -> None:
    """An Atom feed written without its namespace (it happens): put its un-namespaced
    elements in the Atom namespace, so one set of lookups reads both."""
    for element in root.iter():
        tag = element.tag
        if isinstance(tag, str) and not tag.startswith("{"):
            element.tag = f"{{{ATOM}}}{tag}"


def _xml_root(document: Document, recover: bool) -> tuple[etree._Element, str | None]:
    """The feed's root element and, when it had to be recovered, the first error."""
    try:
        return parse_xml(document.data, document.name, what="feed", redecode=False), None
    except ParseError as exc:
        first = exc
    if not recover:
        raise first
    for options in ({"redecode": True}, {"redecode": True, "recover": True}):
        try:
            return parse_xml(document.data, document.name, what="feed", **options), first.reason
        except ParseError:
            continue
    raise first


def _xml_feed(document: Document, recover: bool = True) -> Iterator[Article]:
    root, recovered = _xml_root(document, recover)
    name = local_name(root)
    base = root.get(XML_BASE)
    language = root.get(XML_LANG)
    if name in ("rss", "RDF"):
        channel_element = _child(root, "channel")
        version = root.get("version") or ""
        if name == "RDF":
            netscape = channel_element is not None and namespace(channel_element) == NETSCAPE_RSS_090
            kind = "rss-0.90" if netscape else "rss-1.0"
        else:
            kind = f"rss-{version}" if version else "rss"
        channel_scope = channel_element if channel_element is not None else root
        title = _text(_title_element(channel_scope)) if channel_element is not None else ""
        language = language or _text(_child(channel_scope, "language")) or _text(_child(channel_scope, "language", DC))
        authors = [Contributor(name=_text(c)) for c in _all(channel_scope, "creator", DC) if _text(c)]
        channel_link = _text(_child(channel_scope, "link")) or None
        channel = _Channel(kind, title, language or None, authors, base or channel_link)
        items = list(children(channel_scope, "item"))
        if name == "RDF":
            items += list(children(root, "item"))
        if not items and channel_element is None:
            items = [item for item in root.iter("{*}item", "item")]
    elif name == "feed":
        if namespace(root) is None:
            _adopt_atom_namespace(root)
        ns = namespace(root)
        kind = "atom-0.3" if ns == ATOM_03 or root.get("version") == "0.3" else "atom"
        title = _atom_text(_title_element(root))
        authors = _contributors(root)
        channel = _Channel(kind, title, language, [a for a in authors if a.role == "author"], base)
        items = [*children(root, "entry")]
    elif name == "entry" and namespace(root) in (ATOM, ATOM_03):
        channel = _Channel("atom-entry", "", language, [], base)
        items = [root]
    else:
        raise ParseError(
            f"not a feed: expected an <rss>, <rdf:RDF> or Atom <feed> root element, found <{name}>",
            file=document.name,
        )
    found = False
    for item in items:
        article = _item_article(item, channel, recovered)
        if article is not None:
            found = True
            yield article
    if recovered and not found:
        # nothing usable came out of a broken document: report why it is broken
        raise ParseError(f"{recovered}; recover mode found no usable item", file=document.name)


# ---------------------------------------------------------------------- JSON Feed


def _json_feed(document: Document) -> Iterator[Article]:
    data = load_json(document)
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        ("https://jsonfeed.org/", "http://jsonfeed.org/")
    ):
        raise ParseError('not a JSON Feed: expected an object with a jsonfeed.org "version"', file=document.name)
    items = data.get("items")
    if not isinstance(items, list):
        raise ParseError('not a JSON Feed: "items" must be an array', file=document.name)
    title = _string(data.get("title"))
    feed_authors = _json_authors(data)
    language = _string(data.get("language"))
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise ParseError(f"item {index}: expected an object, found {type(item).__name__}", file=document.name)
        yield _json_item(item, title, feed_authors, language, str(data.get("version")))


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _json_authors(data: dict[str, Any]) -> list[Contributor]:
    people: list[Any] = []
    if isinstance(data.get("authors"), list):
        people.extend(data["authors"])
    elif isinstance(data.get("author"), dict):
        people.append(data["author"])
    return [Contributor(name=str(p["name"]).strip()) for p in people if isinstance(p, dict) and _string(p.get("name"))]


def _json_item(
    item: dict[str, Any], feed_title: str | None, feed_authors: list[Contributor], language: str | None, version: str
) -> Article:
    content_html = _string(item.get("content_html"))
    content_text = _string(item.get("content_text"))
    media: list[Media] = []
    blocks: list[Block] = []
    if content_html:
        blocks, media = html_blocks(content_html)
    elif content_text:
        blocks = [Paragraph(" ".join(p.split())) for p in re.split(r"\n\s*\n", content_text) if p.strip()]
    extra: list[Media] = []
    for key in ("image", "banner_image"):
        url = _string(item.get(key))
        if url and all(m.url != url for m in media + extra):
            extra.append(Media(kind="image", url=url))
    attachments = item.get("attachments")
    for attachment in attachments if isinstance(attachments, list) else []:
        if isinstance(attachment, dict) and _string(attachment.get("url")):
            mime = _string(attachment.get("mime_type"))
            extra.append(
                Media(
                    kind=media_kind(mime),
                    url=_string(attachment.get("url")),
                    caption=_string(attachment.get("title")),
                    media_type=mime,
                )
            )
    blocks = [MediaRef(b.media + len(extra)) if isinstance(b, MediaRef) else b for b in blocks]
    tags = item.get("tags")
    keywords = [str(t).strip() for t in tags if isinstance(t, str) and t.strip()] if isinstance(tags, list) else []
    published = parse_timestamp(_string(item.get("date_published")))
    updated = parse_timestamp(_string(item.get("date_modified")))
    extension: dict[str, Any] = {"feed_type": "json-feed", "version": version}
    if feed_title:
        extension["feed_title"] = feed_title
    external = _string(item.get("external_url"))
    if external:
        extension["external_url"] = external
    item_id = item.get("id")
    return Article(
        headline=_string(item.get("title")) or "",
        summary=_string(item.get("summary")),
        language=_string(item.get("language")) or language,
        url=_string(item.get("url")) or external,
        id=str(item_id) if isinstance(item_id, (str, int)) else None,
        published=published,
        updated=updated if updated != published else None,
        authors=tuple(_json_authors(item) or feed_authors),
        provider=feed_title,
        media=tuple(extra + media),
        body=tuple(blocks),
        keywords=tuple(keywords),
        extensions={_EXTENSION: extension},
    )


# ---------------------------------------------------------------------- the parser


RECOVER = OptionSpec("recover", bool, True, "read a feed whose XML is broken as far as it goes (false: refuse it)")


def parse_feed(document: Document, options: Options) -> Iterator[Article]:
    """Read an RSS, Atom or JSON feed: one article per item.

    The ``recover`` option (default True) reads broken XML in recover mode when it yields
    usable items; ``recover=False`` makes any well-formedness error a ParseError."""
    stripped = document.data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        yield from _json_feed(document)
    else:
        yield from _xml_feed(document, recover=RECOVER.value(options))


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="feed",
            parse=parse_feed,
            sniff=_sniff,
            extensions=(".rss", ".atom", ".rdf", ".feed.json"),
            media_types=("application/rss+xml", "application/atom+xml", "application/feed+json"),
            description="RSS 0.9x/1.0/2.0, Atom and JSON Feed: one article per item",
            options=(RECOVER,),
        ),
    ]
