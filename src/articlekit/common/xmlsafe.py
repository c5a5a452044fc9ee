"""Reading XML safely: no DTD is loaded, no entity is resolved, nothing is fetched.

Every XML-based parser reads its input through [`parse_xml`][articlekit.common.xmlsafe.parse_xml], so
a hostile document (billion laughs, external entities, a DOCTYPE pointing at the network)
cannot do harm, and a broken one becomes a [`ParseError`][articlekit.errors.ParseError] with
its line and column. libxml2 refuses nesting deeper than 256 levels without ``huge_tree``, so
trees handed to parsers are shallow enough for recursive walks; the helpers here are iterative
anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.entities import name2codepoint
from typing import Any, Literal

from lxml import etree

from articlekit.errors import ParseError

__all__ = [
    "CaseBlind",
    "SizeRule",
    "children",
    "entity_text",
    "find_child",
    "html_name",
    "iter_text",
    "local_name",
    "namespace",
    "parse_xml",
    "root_name",
    "safe_parser",
    "size_value",
    "squash",
    "syntax_error",
    "tame_html",
    "text_of",
]

_XML_DECLARATION = re.compile(rb"<\?xml[^>]*\?>")
_ENCODING_DECLARATION = re.compile(rb"""(<\?xml[^>]*?)\sencoding\s*=\s*["'][^"']*["']""")
_SPACE = re.compile(r"\s+")


MAX_HTML_ATTRIBUTES = 256
"""Attributes kept on one HTML element: libxml2's HTML parser checks each new attribute against
every one before it, so 200,000 attributes on one element took minutes; no real page comes
near this many."""

_LONG_TAG = re.compile(r"<[A-Za-z][\x00-;=?-\U0010ffff]{2048,}>")
"""A start tag longer than 2 KiB. (Every character but ``<`` and ``>``, written as ranges: the
same set as ``[^<>]``, which the regex engine checks more slowly, character by character of
every tag of the page.)"""
_ATTRIBUTE = re.compile(r"""\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']*))?""")


def _tamed_tag(match: re.Match[str]) -> str:
    tag = match.group(0)
    for count, attribute in enumerate(_ATTRIBUTE.finditer(tag, 1), start=1):
        if count == MAX_HTML_ATTRIBUTES + 1:
            return tag[: attribute.start()] + ("/>" if tag.endswith("/>") else ">")
    return tag


def tame_html(markup: str) -> str:
    """``markup`` with no element holding more than
    [`MAX_HTML_ATTRIBUTES`][articlekit.common.xmlsafe.MAX_HTML_ATTRIBUTES] attributes (those after are
    dropped), so that lxml's HTML parser reads it in linear time. Only tags longer than 2 KiB
    are looked at, so an ordinary page is not changed and costs one quick scan."""
    if not _holds_long_tag(markup):
        return markup  # (a search costs far less than a substitution that finds nothing)
    return _LONG_TAG.sub(_tamed_tag, markup)


_LONG_TAG_STEP = 1024
"""The blocks ``_holds_long_tag`` reads: a long tag's inside (2,049 characters at least, none
``<`` nor ``>``) holds a whole one of these wherever it starts (any run of 2,047 does)."""


def _holds_long_tag(markup: str) -> bool:
    """Whether ``_LONG_TAG`` finds a tag in ``markup`` (the same answer as its ``search``, four
    times faster on an ordinary page): the page is read in blocks of ``_LONG_TAG_STEP``
    characters, each looked through for ``<`` and ``>`` by ``str.find`` (in C, at memory speed;
    in markup a block holding neither is rare), and only where a run of such blocks starts is the
    pattern matched, at the last ``<`` of the block before it: the block before holds a bracket,
    so a tag holding the run starts after that block's last bracket, and only if that bracket is a
    ``<``. Each character is read a bounded number of times, whatever the page. (``_LONG_TAG.search``
    reads every character of every tag with the regex engine.)"""
    find = markup.find
    step = _LONG_TAG_STEP
    end = len(markup)
    start = 0
    in_run = True  # the block before held neither bracket (before the first: no tag can start)
    while start + step <= end:
        stop = start + step
        if find("<", start, stop) < 0 and find(">", start, stop) < 0:
            if not in_run:
                opening = markup.rfind("<", start - step, start)
                if opening >= 0 and _LONG_TAG.match(markup, opening) is not None:
                    return True
                in_run = True
        else:
            in_run = False
        start = stop
    return False


def safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """A new lxml parser that loads no DTD, resolves no entity and never uses the network.

    ``recover=True`` lets libxml2 repair what it can of a broken document (unclosed tags,
    stray ampersands); use it only where a format is commonly broken in the wild (feeds).
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=recover,
        remove_comments=True,
        remove_pis=True,
    )


def syntax_error(exc: etree.XMLSyntaxError, name: str, what: str = "XML") -> ParseError:
    """A ParseError for libxml2's error: ``not well-formed <what>: <message>`` with its line and
    column."""
    line, column = exc.position if exc.position else (None, None)
    message = exc.msg or str(exc)
    # libxml2 appends ", line N, column M" which the ParseError prefix already gives
    message = re.sub(r",? line \d+, column \d+.*$", "", message)
    return ParseError(f"not well-formed {what}: {message}", file=name, line=line or None, column=column or None)


def _misplaced_declaration(data: bytes) -> bool:
    match = _XML_DECLARATION.search(data[:4096])
    return match is not None and match.start() > 0 and data[: match.start()].strip(b" \t\r\n\xef\xbb\xbf") != b""


def parse_xml(
    data: bytes, name: str, *, recover: bool = False, what: str = "XML", redecode: bool = True
) -> etree._Element:
    """The root element of the XML document in ``data``.

    :param data: the raw bytes; the encoding is taken from the BOM or the XML declaration.
        When those are missing or wrong and the bytes do not decode, the text is decoded with
        [`articlekit.encoding.decode`][articlekit.encoding.decode] and parsed again.
    :param name: the input's name, for messages.
    :param recover: let libxml2 repair a broken document instead of refusing it.
    :param what: what the document was expected to be, for messages (``NITF``, ``feed``).
    :param redecode: on an encoding error, decode the bytes with detection and try again;
        False makes a wrong or missing declaration an error.
    :raises ParseError: the bytes are not well-formed XML (or, in recover mode, hold nothing
        libxml2 could make an element of), with the line and column of the first error.
    """
    if _misplaced_declaration(data):
        # a comment or blank lines before <?xml ...?> (common in hand-made files): drop it
        data = _XML_DECLARATION.sub(b"", data, count=1)
    try:
        root = etree.fromstring(data, safe_parser(recover=recover))
    except etree.XMLSyntaxError as exc:
        retry = _redecode(data) if redecode and _is_encoding_error(exc) else None
        if retry is None:
            raise syntax_error(exc, name, what) from None
        try:
            root = etree.fromstring(retry, safe_parser(recover=recover))
        except etree.XMLSyntaxError as again:
            raise syntax_error(again, name, what) from None
    except (ValueError, LookupError) as exc:  # unknown encoding names and the like
        raise ParseError(f"cannot read {what}: {exc}", file=name) from None
    if root is None:
        raise ParseError(f"not {what}: no element could be read", file=name)
    return root


def _is_encoding_error(exc: etree.XMLSyntaxError) -> bool:
    message = (exc.msg or "").lower()
    return "encoding" in message or "utf-8" in message or "char" in message or "bytes" in message


def _redecode(data: bytes) -> bytes | None:
    from articlekit.encoding import decode

    match = re.search(rb"""encoding\s*=\s*["']([^"']+)["']""", data[:512])
    declared = match.group(1).decode("ascii", "replace") if match else None
    text, charset = decode(data, declared)
    if charset in ("cp1252", "iso8859-1") and _looks_like_another_script(text):
        text = _detected(data) or text
    encoded = text.encode("utf-8")
    encoded = _ENCODING_DECLARATION.sub(rb"\1", encoded, count=1)
    return encoded if encoded != data else None


_HIGH_RUN = re.compile(r"[^\x00-\x7f]{2,}")
_HIGH = re.compile(r"[^\x00-\x7f]")


def _looks_like_another_script(text: str) -> bool:
    """True when text read as Windows-1252 has its non-ASCII characters mostly in runs: a
    Western text has isolated accented letters (café), while Chinese, Japanese, Cyrillic or
    Hebrew bytes read as 1252 come out as runs of symbols (²»¹éÒÆ)."""
    high = len(_HIGH.findall(text))
    if high < 8:
        return False
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(text))
    return in_runs > 0.6 * high


def _detected(data: bytes) -> str | None:
    """The text as charset-normalizer reads it, or None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency
        return None
    best = from_bytes(data[:262144]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def local_name(element: etree._Element, *, lower: bool = False) -> str:
    """The element's name without its namespace (``nitf`` for ``{http://iptc.org/std/NITF/2006-10-18/}nitf``);
    an empty string for comments, processing instructions and entities. ``lower``: in lower
    case, as HTML's names compare (XHTML read as XML keeps the case it was written in)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = tag.rpartition("}")[2]
    return name.lower() if lower else name


def html_name(element: Any) -> str:
    """An HTML element's name: [`local_name`][articlekit.common.xmlsafe.local_name] in lower case."""
    tag = element.tag
    if tag.__class__ is not str:
        return ""
    name = _HTML_NAMES.get(tag)
    if name is None:
        name = local_name(element, lower=True)
        if len(_HTML_NAMES) < _HTML_NAMES_LIMIT:
            _HTML_NAMES[tag] = name
    return name


_HTML_NAMES: dict[str, str] = {}
"""Tag -> ``html_name``'s answer, as they are met (pages use few tags; the names of a hostile
page's made-up tags stop being kept at the limit)."""
_HTML_NAMES_LIMIT = 4096


_CASE_UNSURE = re.compile(r"\\[0-9xu]|\(\?[a-z]*-")
"""In a pattern's source, what ``CaseBlind`` cannot read in lower case: a character given by its
code (it may be an upper-case letter) or a flag turned off for a part (``(?-i:...)``)."""


class CaseBlind:
    """Whether a case-blind pattern (compiled with ``re.IGNORECASE``) matches, asked of many
    class and id names: the same answer as ``pattern.search(text) is not None`` (or
    ``.match``), two to three times faster on ASCII text. A case-blind alternation of words
    makes the regex engine try every word in turn; the same pattern without the flag, over the
    text in lower case, skips a word at its first letter. For ASCII text that is exact when the
    pattern's source is ASCII without upper case (so no escape such as ``\\S`` or ``\\W``): on
    ASCII, case blindness is lower case (the folds beyond it, such as ``ſ`` for ``s`` or the
    Kelvin sign for ``k``, only concern other characters). A pattern naming a character by its
    code (``\\x41``, ``\\u0041``, ``\\101``: an upper-case letter written in lower case) or
    turning case blindness off for a part (``(?-i:...)``) is not lower case either. Other text,
    and other patterns, are searched as given."""

    __slots__ = ("_folded", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        source = pattern.pattern
        exact = (
            pattern.flags & re.IGNORECASE
            and source.isascii()
            and source == source.lower()
            and _CASE_UNSURE.search(source) is None
        )
        self._folded = re.compile(source, pattern.flags & ~re.IGNORECASE) if exact else None

    def search(self, text: str) -> bool:
        if self._folded is not None and text.isascii():
            return self._folded.search(text.lower()) is not None
        return self.pattern.search(text) is not None

    def match(self, text: str) -> bool:
        if self._folded is not None and text.isascii():
            return self._folded.match(text.lower()) is not None
        return self.pattern.match(text) is not None


SizeRule = Literal["whole", "leading", "loose"]
"""How [`size_value`][articlekit.common.xmlsafe.size_value] reads a width or a height."""


def size_value(value: Any, *, rule: SizeRule = "whole") -> int | None:
    """A width or height in pixels from an attribute or a property, or None. ``whole``: the
    value is digits (spaces around allowed); ``leading``: the digits it starts with (``640px``);
    ``loose`` (JSON-LD, ``<meta>``): a number or ``{"value": number}`` between 0 and 100000, or
    a string of at most five digits."""
    if rule == "loose":
        if isinstance(value, dict):
            value = value.get("value")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 100000:
            return int(value)
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 6:
            return int(value.strip())
        return None
    if rule == "leading":
        if value is None:
            return None
        match = re.match(r"\s*(\d+)", value)
        return int(match.group(1)) if match else None
    return int(value) if value and value.strip().isdigit() else None


def namespace(element: etree._Element) -> str | None:
    """The element's namespace URI, or None."""
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].partition("}")[0]
    return None


def root_name(data: bytes) -> str | None:
    """The local name of the first element in ``data`` (a document's head), without parsing
    it: for sniffers. None when no element starts in it, or when the data does not start with
    markup (JSON or text that quotes XML is not XML)."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return None
    position = 0
    while True:
        start = data.find(b"<", position)
        if start < 0 or start + 1 >= len(data):
            return None
        following = data[start + 1 : start + 2]
        if following == b"?":
            end = data.find(b"?>", start)
            position = end + 2 if end >= 0 else len(data)
        elif data.startswith(b"<!--", start):
            end = data.find(b"-->", start)
            position = end + 3 if end >= 0 else len(data)
        elif following == b"!":
            position = _skip_declaration(data, start)
        else:
            match = re.match(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)", data[start:])
            return match.group(2).decode("ascii") if match else None


def _skip_declaration(data: bytes, start: int) -> int:
    # a DOCTYPE may hold an internal subset in [...]
    bracket = data.find(b"[", start)
    close = data.find(b">", start)
    if close < 0:
        return len(data)
    if 0 <= bracket < close:
        end = data.find(b"]>", bracket)
        if end < 0:
            end = data.find(b"]", bracket)
            return len(data) if end < 0 else end + 1
        return end + 2
    return close + 1


def children(element: etree._Element, name: str | None = None) -> Iterator[etree._Element]:
    """The child elements (not comments), those with local name ``name`` when given."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if name is None or local_name(child) == name:
            yield child


def find_child(element: etree._Element, *names: str) -> etree._Element | None:
    """The first child whose local name is one of ``names``, whatever its namespace."""
    for child in element:
        if isinstance(child.tag, str) and local_name(child) in names:
            return child
    return None


def squash(text: str) -> str:
    """Runs of whitespace as one space, and no space at either end."""
    return _SPACE.sub(" ", text).strip()


def entity_text(node: etree._Element) -> str:
    """The character an unresolved entity reference stands for, where it is an HTML entity
    (``&mdash;`` in a NITF file whose DTD was not loaded); empty for any other entity."""
    name = str(node.text or "").strip("&;")
    return chr(name2codepoint[name]) if name in name2codepoint else ""


def iter_text(element: etree._Element) -> Iterator[str]:
    """The pieces of text inside ``element`` in document order (not its own tail), with
    unresolved HTML entity references replaced by their characters. Iterative, so any depth
    is fine."""
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if isinstance(node, etree._Entity):
                yield entity_text(node)
            elif isinstance(node.tag, str) and node.text:
                yield node.text
        elif node is not element and node.tail:
            yield node.tail


def text_of(element: etree._Element | None) -> str:
    """All the text inside ``element`` (not its tail), whitespace squashed; empty for None."""
    if element is None:
        return ""
    return squash("".join(iter_text(element)))
