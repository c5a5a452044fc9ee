"""The ``markdown`` parser: Markdown that articlekit did not write (static sites' posts): the
front matter's common keys, and the body with its inline markup turned into text and marks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import attrs

from articlekit.common.dates import parse_timestamp
from articlekit.converter import BLOCK_TAGS, get_converter
from articlekit.encoding import looks_binary
from articlekit.errors import ParseError
from articlekit.formats.markdown.reader import MarkdownBodyReader, parse_markdown, read_parts
from articlekit.formats.markdown.syntax import unescape
from articlekit.marks import link_href
from articlekit.model import (
    Article,
    Block,
    BlockQuote,
    Contributor,
    Mark,
    Media,
    MediaRef,
    Origin,
    Paragraph,
    Subject,
    normalize_marks,
)
from articlekit.registry import Document, Options

__all__ = ["ForeignBodyReader", "foreign_article", "parse_any_markdown"]


_INLINE_IMAGE = re.compile(r'!\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^()\s>]*)>?(?:\s+"((?:[^"\\]|\\.)*)")?\s*\)')
_MARKUP = [
    # every pattern stops at the next bracket, parenthesis, blank or tag, or after a bounded
    # length, so that a hostile paragraph ("[[[[..." 100,000 times) costs linear time
    (re.compile(r'!?\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]{0,300}")?\)'), r"\1"),
    (re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\]\[[^\[\]]{0,300}\]"), r"\1"),  # [text][ref]
    (re.compile(r"(?<!`)(`{1,10})(?!`)(.{1,1000}?)(?<!`)\1(?!`)"), r"\2"),  # `code`
    (re.compile(r"(?<![\\\w*_])(\*\*|__|\*|_)(?=\S)(.{1,1000}?)(?<=[^\s\\])\1(?![\w*_])"), r"\2"),  # emphasis
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,1000})?/?>"), ""),  # inline HTML tags
]


# Foreign Markdown's links and emphasis are found by the patterns above, which leave these
# noncharacters around what they mark; the text is then read without them, counting offsets.
_OPEN = {"emphasis": "\ufdd1", "strong": "\ufdd3", "link": "\ufdd5"}
_CLOSE = {"emphasis": "\ufdd2", "strong": "\ufdd4", "link": "\ufdd6"}
_SENTINELS = re.compile("[\ufdd0-\ufddf\U000f0000-\U000fffff]")
_LINK_NUMBER = 0xF0000  # the link's number follows its opening noncharacter, as a private-use character
_FOREIGN_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.)*)\]\("
    r"(<(?:[^<>\n\\]|\\.)*>|(?:[^()\s\\]|\\.|\([^()\s]*\))*)"  # <any address> or one without spaces
    r'(?:\s+"((?:[^"\\\n]|\\.){0,300})")?\)'  # a title, its quotes escaped inside it
)

_FOREIGN_EMPHASIS = _MARKUP[3][0]
_FOREIGN_TAG = re.compile(r"(?<!\\)" + _MARKUP[4][0].pattern)  # not one a code span's text escaped


def _foreign_marked(markdown: str) -> tuple[str, list[Mark]] | None:
    """Foreign Markdown's text with its links and emphasis, or None where the text itself holds
    the noncharacters this reading uses."""
    if _SENTINELS.search(unescape(markdown)):
        return None
    links: list[tuple[str, str | None]] = []

    def link(match: re.Match[str]) -> str:
        href = link_href(unescape(match.group(3).removeprefix("<").removesuffix(">")))
        if match.group(1) or href is None:
            return match.group(2)  # an image's alt text, or a link to nowhere safe
        links.append((href, unescape(match.group(4)) if match.group(4) is not None else None))
        return _OPEN["link"] + chr(_LINK_NUMBER + len(links) - 1) + match.group(2) + _CLOSE["link"]

    def emphasis(match: re.Match[str]) -> str:
        kind = "strong" if len(match.group(1)) == 2 else "emphasis"
        return _OPEN[kind] + match.group(2) + _CLOSE[kind]

    def code(match: re.Match[str]) -> str:
        # a code span's text is literal: escaped here so that no later pattern reads markup in it
        return re.sub(r"([\\*_\[\]<&`])", r"\\\1", match.group(2))

    patterns: list[tuple[re.Pattern[str], Any]] = [
        (_MARKUP[2][0], code),
        (_FOREIGN_LINK, link),
        _MARKUP[1],
        (_FOREIGN_EMPHASIS, emphasis),
        (_FOREIGN_TAG, ""),
    ]
    for pattern, replacement in patterns:
        for _ in range(3):  # nested markup: **[a link](x)**
            markdown, count = pattern.subn(replacement, markdown)
            if not count:
                break
    return _read_sentinels(unescape(markdown), links)


def _read_sentinels(marked: str, links: list[tuple[str, str | None]]) -> tuple[str, list[Mark]]:
    kinds = {char: kind for kind, char in _OPEN.items()}
    closing = {char: kind for kind, char in _CLOSE.items()}
    text: list[str] = []
    length = 0
    opened: dict[str, list[tuple[int, int]]] = {kind: [] for kind in _OPEN}
    found: list[tuple[str, int, int, int]] = []
    index = 0
    while index < len(marked):
        char = marked[index]
        if char in kinds:
            number = 0
            if kinds[char] == "link":
                index += 1
                number = ord(marked[index]) - _LINK_NUMBER
            opened[kinds[char]].append((length, number))
        elif char in closing:
            start, number = opened[closing[char]].pop()
            found.append((closing[char], start, length, number))
        else:
            text.append(char)
            length += 1
        index += 1
    joined = "".join(text)
    stripped = joined.strip()
    lead = len(joined) - len(joined.lstrip())
    marks = []
    for kind, start, end, number in found:
        piece = joined[start:end]
        start, end = start + len(piece) - len(piece.lstrip()) - lead, end - (len(piece) - len(piece.rstrip())) - lead
        if 0 <= start < end <= len(stripped):
            href, title = links[number] if kind == "link" else (None, None)
            marks.append(Mark(kind, start, end, href, title))  # type: ignore[arg-type]
    return stripped, marks


class ForeignBodyReader(MarkdownBodyReader):
    """Reads the body of Markdown that articlekit did not write: links, emphasis and strong
    become marks on the text, other inline markup (code, images, HTML tags) becomes its text, a
    paragraph that is only an image becomes a media item placed in the body, and a block
    quote's paragraphs are its text (a last one starting with a dash is its cite)."""

    related_from_front_matter = False

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.media: list[dict[str, Any]] = []

    def text(self, markdown: str) -> str:
        for pattern, replacement in _MARKUP:
            for _ in range(3):  # nested markup: **[a link](x)**
                markdown, count = pattern.subn(replacement, markdown)
                if not count:
                    break
        return unescape(markdown).strip()

    def marked(self, markdown: str) -> tuple[str, list[dict[str, Any]]]:
        found = _foreign_marked(markdown)
        if found is None:
            return self.text(markdown), []
        text, marks = found
        return text, [get_converter().unstructure(m, Mark) for m in normalize_marks(marks)]

    def paragraph(self, chunk: list[str], number: int) -> dict[str, Any]:
        joined = " ".join(line.strip() for line in chunk)
        image = _INLINE_IMAGE.fullmatch(joined)
        if image is None:  # articlekit's own media references mean nothing here
            text, marks = self.marked(joined)
            return self._with_marks({"type": BLOCK_TAGS[Paragraph], "text": text}, marks)
        alt, url, title = image.group(1), image.group(2), image.group(3)
        self.media.append(
            {
                "kind": "image",
                "url": unescape(url) or None,
                "alt": self.text(alt) or None,
                "caption": title and unescape(title),
            }
        )
        return {"type": BLOCK_TAGS[MediaRef], "media": len(self.media) - 1}

    def block_quote(self, chunk: list[str]) -> dict[str, Any]:
        raw = "\n".join(line[1:].removeprefix(" ") for line in chunk).split("\n\n")
        read = [self.marked(" ".join(p.split("\n"))) for p in raw if p.strip()]
        read = [(text, marks) for text, marks in read if text]
        cite = None
        if len(read) > 1 and re.match(r"^(?:—|―|--|-) ?", read[-1][0]):
            cite = re.sub(r"^(?:—|―|--|-) ?", "", read.pop()[0])
        marks: list[dict[str, Any]] = []
        offset = 0
        for text, text_marks in read:
            marks.extend({**m, "start": m["start"] + offset, "end": m["end"] + offset} for m in text_marks)
            offset += len(text) + 1
        block = {"type": BLOCK_TAGS[BlockQuote], "text": "\n".join(text for text, _ in read), "cite": cite}
        return self._with_marks(block, marks)


# --------------------------------------------------------------------------- any Markdown

_FOREIGN_KEYS: dict[str, tuple[str, ...]] = {
    "headline": ("title", "headline"),
    "subheadline": ("subtitle", "subheadline", "deck"),
    "summary": ("description", "summary", "excerpt", "abstract", "lead"),
    "published": ("date", "published", "pubDate", "publishDate", "datePublished", "created"),
    "updated": ("lastmod", "updated", "modified", "last_modified_at", "dateModified"),
    "language": ("lang", "language", "locale"),
    "url": ("canonical", "canonical_url", "canonicalURL", "url", "link"),
    "id": ("id", "uuid", "guid"),
    "slug": ("slug",),
    "section": ("section",),
}
"""Article fields from the front matter keys of Hugo, Jekyll, Pandoc, Eleventy and Astro."""


def _string(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _strings(value: Any) -> list[str]:
    """A list of strings from a YAML list or a comma-separated string."""
    items = value if isinstance(value, list) else str(value).split(",") if isinstance(value, str) else []
    return [text for text in (_string(item) for item in items) if text]


def _datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = _string(value)
    return parse_timestamp(text) if text else None


def _contributors(value: Any) -> tuple[Contributor, ...]:
    people = value if isinstance(value, list) else [value]
    found = []
    for person in people:
        name = _string(person.get("name")) if isinstance(person, dict) else _string(person)
        if name:
            found.append(Contributor(name=name))
    return tuple(found)


def _lead_image(value: Any) -> tuple[Media, ...]:
    if isinstance(value, dict):
        url = _string(value.get("src") or value.get("url") or value.get("image"))
        return (Media(url=url, alt=_string(value.get("alt")), caption=_string(value.get("caption"))),) if url else ()
    url = _string(value)
    return (Media(url=url),) if url else ()


def _first(data: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((data[key] for key in keys if data.get(key) is not None), None)


def foreign_article(data: dict[str, Any], body: list[dict[str, Any]], media: list[dict[str, Any]]) -> Article:
    """An article from another tool's front matter (``title``, ``date``, ``author``, ``tags``
    ...) and the body's blocks. Keys it does not know are left out."""
    fields: dict[str, Any] = {key: _first(data, keys) for key, keys in _FOREIGN_KEYS.items()}
    for key in ("published", "updated"):
        fields[key] = _datetime(fields[key])
    for key in _FOREIGN_KEYS.keys() - {"published", "updated"}:
        fields[key] = _string(fields[key])
    author = _first(data, ("authors", "author", "byline", "creator"))
    image = _first(data, ("image", "cover", "featured_image", "featuredImage", "thumbnail", "heroImage"))
    keywords = _strings(data.get("tags")) + _strings(data.get("keywords"))
    converter = get_converter()
    lead = _lead_image(image)  # the lead image first, then those the body places
    for block in body:
        if block["type"] == BLOCK_TAGS[MediaRef]:
            block["media"] += len(lead)
    blocks = converter.structure(body, tuple[Block, ...])
    placed = tuple(converter.structure(item, Media) for item in media)
    return Article(
        **{k: v for k, v in fields.items() if k != "headline"},
        headline=fields["headline"] or str(data.get("headline") or ""),
        authors=_contributors(author) if author is not None else (),
        media=lead + placed,
        body=blocks,
        keywords=tuple(dict.fromkeys(keywords)),
        subjects=tuple(Subject(name=c) for c in _strings(data.get("categories"))),
    )


def parse_any_markdown(document: Document, options: Options) -> Iterator[Article]:
    """Read a Markdown article articlekit did not write (a static site's post, a CMS export):
    the front matter's common keys and the body's blocks; the enrichers then find its quotes.
    A file articlekit wrote is read as ``md`` would (and enriched again)."""
    if looks_binary(document.data):
        raise ParseError("not Markdown: this is binary data", file=document.name)
    start = document.data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if start.startswith((b"<?xml", b"<!doctype", b"<html", b"<rss", b"<feed")):
        raise ParseError(
            "not Markdown: this is an XML or HTML document; name its format with format=NAME", file=document.name
        )
    if start[:1] in (b"{", b"[") and document.data.rstrip()[-1:] in (b"}", b"]"):
        raise ParseError("not Markdown: this looks like JSON; name its format with format=NAME", file=document.name)
    reader = ForeignBodyReader(document.name)
    data, body = read_parts(document, reader)
    if "schema" in data:
        yield from parse_markdown(document, options)
        return
    try:
        article = foreign_article(data, body, reader.media)
        yield attrs.evolve(article, origin=Origin(charset=reader.charset))
    except (ValueError, TypeError) as exc:
        raise ParseError(f"cannot make an article of this Markdown: {exc}", file=document.name) from None
