"""Helpers shared by the industry input parsers (``nitf``, ``newsml-g2``, ``ninjs``, ``feed``):
a text builder that keeps character offsets while squashing whitespace, quotation marks,
media kinds and credits, HTML carried inside a field, and JSON documents. Their dates are in
[`articlekit.common.dates`][articlekit.common.dates], their bylines in
[`articlekit.common.bylines`][articlekit.common.bylines].

Not a public API: plugin authors should not import it.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from articlekit._moved import moved_name
from articlekit.model import Block, Media, MediaKind

__all__ = [
    "QUOTE_PAIRS",
    "TextBuilder",
    "find_outside",
    "html_blocks",
    "html_element_blocks",
    "html_fragment",
    "html_to_text",
    "load_json",
    "media_kind",
    "split_credit",
    "strip_quote_marks",
]

QUOTE_PAIRS: dict[str, str] = {
    '"': '"',
    "\u201c": "\u201d",
    "\u201e": "\u201c",
    "\u00ab": "\u00bb",
    "\u00bb": "\u00ab",
    "\u2018": "\u2019",
    "\u201a": "\u2018",
    "'": "'",
    "\u300c": "\u300d",
}
"""Opening quotation marks and the closing marks that match them."""


def strip_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The range ``[start, end)`` of ``text`` without a pair of surrounding quotation marks
    (and the spaces inside them), when it has one."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2 and text[start] in QUOTE_PAIRS:
        closing = QUOTE_PAIRS[text[start]]
        last = text[end - 1]
        if last == closing or (last in "\u201d\u201c\u00bb\u00ab\"'" and last != text[start]) or last == text[start]:
            start, end = start + 1, end - 1
        elif last in ".,!?" and end - start >= 3 and text[end - 2] == closing:
            start, end = start + 1, end - 2
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class TextBuilder:
    """Builds one block's text from pieces, squashing runs of whitespace into one space and
    dropping it at both ends, while handing out the offsets that marks will have in the result.

    >>> b = TextBuilder()
    >>> b.add("  He said ")
    >>> start = b.mark()
    >>> b.add(" hello\\n world ")
    >>> end = b.end_mark()
    >>> text = b.text()
    >>> text, text[start:end]
    ('He said hello world', 'hello world')
    """

    __slots__ = ("_length", "_parts", "_pending")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._pending = False

    def add(self, piece: str) -> None:
        """Append text; whitespace inside becomes single spaces."""
        if not piece:
            return
        words = piece.split()
        if not words:
            self._pending = True
            return
        if piece[0].isspace():
            self._pending = True
        joined = " ".join(words)
        if self._pending and self._length:
            self._parts.append(" ")
            self._length += 1
        self._parts.append(joined)
        self._length += len(joined)
        self._pending = piece[-1].isspace()

    def newline(self) -> None:
        """A hard line break (``<br>``): one space in running text."""
        self._pending = True

    def mark(self) -> int:
        """Where the next text added will start."""
        return self._length + 1 if self._pending and self._length else self._length

    def end_mark(self) -> int:
        """Where the text added so far ends (trailing whitespace excluded)."""
        return self._length

    def text(self) -> str:
        """The text built so far."""
        return "".join(self._parts)


def find_outside(text: str, needle: str, start: int, end: int) -> int:
    """Where ``needle`` stands in ``text`` outside ``[start, end)``, nearest to it; -1 if not."""
    best = -1
    position = text.find(needle)
    while position >= 0:
        outside = position + len(needle) <= start or position >= end
        if outside and (best < 0 or abs(position - start) < abs(best - start)):
            best = position
        position = text.find(needle, position + 1)
    return best


_MEDIA_KINDS: dict[str, MediaKind] = {
    "image": "image",
    "picture": "image",
    "photo": "image",
    "video": "video",
    "audio": "audio",
    "graphic": "graphic",
    "graphics": "graphic",
    "infographic": "graphic",
}


def media_kind(value: str | None) -> MediaKind:
    """The model's media kind for a format's media type, class or MIME type (``image/jpeg``,
    ``picture``, ``ninat:video``, ``audio``); ``other`` when unknown."""
    if not value:
        return "other"
    lowered = value.lower().rpartition(":")[2].rpartition("/")[2]
    if lowered in _MEDIA_KINDS:
        return _MEDIA_KINDS[lowered]
    major = value.lower().partition("/")[0].rpartition(":")[2]
    return _MEDIA_KINDS.get(major, "other")


_CREDIT = re.compile(
    r"^(?P<caption>.*?)[\s(]*\b(?P<credit>(?:Foto|Photo|Bild|Kuva|Fotó|Picture|Image|Credit)\s*:\s*[^()]+?)\)?\s*$",
    re.IGNORECASE | re.DOTALL,
)


def split_credit(caption: str | None) -> tuple[str | None, str | None]:
    """A caption and the credit written at its end (``... New Delhi. Foto: Amit Sharma / AP``
    gives the caption and ``Amit Sharma / AP``); the credit is None when there is none."""
    if not caption:
        return caption, None
    match = _CREDIT.match(caption)
    if match is None:
        return caption, None
    credit = match.group("credit").partition(":")[2].strip()
    if not credit:
        return caption, None
    return match.group("caption").strip() or None, credit


# ---------------------------------------------------------------------- HTML bodies


def html_to_text(markup: str | None) -> str:
    """The text of an HTML fragment, tags dropped, entities decoded, whitespace squashed."""
    if not markup:
        return ""
    if "<" not in markup and "&" not in markup:
        return " ".join(markup.split())
    fragment = html_fragment(markup)
    if fragment is None:
        return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup)).split())
    return " ".join(str(fragment.text_content()).split())


def html_blocks(markup: str | None, base_url: str | None = None) -> tuple[list[Block], list[Media]]:
    """Body blocks and media from an HTML fragment or document (a feed's ``content:encoded``, a
    ninjs ``body_html``), through the shared HTML-body converter
    ([`articlekit.htmlbody`][articlekit.common.htmlbody]); relative image addresses are resolved
    against ``base_url``."""
    from articlekit.common import htmlbody

    if not markup or not markup.strip():
        return [], []
    root = html_fragment(markup)
    if root is None:
        body = htmlbody.convert_html(markup, base_url=base_url)  # its own fallback for unreadable markup
        return list(body.blocks), list(body.media)
    return html_element_blocks(root, base_url)


def html_element_blocks(element: Any, base_url: str | None = None, skip: Any = None) -> tuple[list[Block], list[Media]]:
    """Body blocks and media from a parsed (X)HTML element, through the shared converter;
    ``skip(element, local_name) -> bool`` leaves parts out. The element is not modified."""
    from articlekit.common import htmlbody

    body = htmlbody.convert_element(_source_newlines_as_spaces(element), base_url=base_url, skip=skip)
    return list(body.blocks), list(body.media)


def _source_newlines_as_spaces(element: Any) -> Any:
    """A copy of ``element`` whose text has its source line breaks as spaces (outside ``pre``):
    in HTML a newline in the source is whitespace, only ``<br>`` breaks a line. Agency and
    feed bodies wrap their lines at 70 characters."""
    import copy

    from lxml import etree

    copied = copy.deepcopy(element)
    copied.tail = None
    kept: set[Any] = set()
    for pre in copied.iter("pre", "{*}pre", "textarea", "{*}textarea"):
        kept.update(pre.iter())
    for node in copied.iter():
        if node in kept or isinstance(node, etree._Entity):
            continue
        if node.text and "\n" in node.text and isinstance(node.tag, str):
            node.text = node.text.replace("\r\n", " ").replace("\n", " ")
        if node is not copied and node.tail and "\n" in node.tail and node.getparent() not in kept:
            node.tail = node.tail.replace("\r\n", " ").replace("\n", " ")
    return copied


def html_fragment(markup: str) -> Any:
    """An HTML fragment (or document) parsed with lxml's HTML parser, no network; None when lxml
    cannot read it."""
    from lxml import etree
    from lxml import html as lxml_html

    from articlekit.common.xmlsafe import tame_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    markup = tame_html(markup)
    try:
        if re.match(r"\s*(?:<!doctype[^>]*>\s*)?<(?:html|head|body)\b", markup, re.IGNORECASE):
            return lxml_html.document_fromstring(markup, parser=parser)
        return lxml_html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def load_json(document: Any) -> Any:
    """The JSON value in a [`Document`][articlekit.registry.Document], decoded with its BOM or
    as UTF-8; a ParseError with line and column when it is not JSON."""
    import json

    from articlekit.common.articlejson import loads
    from articlekit.encoding import decode
    from articlekit.errors import ParseError

    text, _charset = decode(document.data, "utf-8")
    try:
        return loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", file=document.name, line=exc.lineno, column=exc.colno) from None
    except ValueError as exc:
        raise ParseError(f"cannot read the JSON: {exc}", file=document.name) from None
    except RecursionError:
        raise ParseError("JSON nested too deeply to read", file=document.name) from None


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
