"""Web pages (``html``): the article a page holds, its metadata and its body's structure.

The parser reads a saved page with lxml, never fetching anything and never running scripts:

1. the bytes are decoded from the BOM, ``<meta charset>``, ``http-equiv`` or the XML
   declaration, and by detection otherwise;
2. metadata comes from the best source that has it (see
   [`html_meta`][articlekit.formats.html.meta]): JSON-LD, OpenGraph, Twitter cards,
   ``<meta>``, microdata, ``<time>``, the canonical link, ``html lang``;
3. the body is the part of the page that holds the article: every text block gets a weight
   (long prose with few links counts for it, link lists and short fragments against it, and
   text found in the page's JSON-LD ``articleBody`` for it when the page has one); the
   element with the largest total, narrowed to the deepest one holding most of it and joined
   by its weighty siblings, holds the article (see ``docs/formats/html.md``). Navigation,
   share bars, newsletter boxes, cookie notices, comments, footers, "most read" lists and
   teasers are left out by their tags, roles and class names; the rest goes through the
   shared [HTML-body converter][articlekit.common.htmlbody].

Options: ``base_url`` (to resolve relative links when the page has no canonical URL).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import html
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from lxml import etree

from articlekit.common.bylines import match_dateline, parse_byline
from articlekit.common.dates import find_datetime
from articlekit.common.fields import PROVENANCE
from articlekit.common.htmlbody import RELATED_LABEL, Body, convert_element, convert_html, local_name
from articlekit.common.xmlsafe import tame_html
from articlekit.encoding import decode, looks_binary, normalise_charset, text_head
from articlekit.errors import ParseError
from articlekit.formats.html.body import (
    _HINT_FALLBACK_SHARE,
    _MARKUP,
    _PROSE_TAGS,
    _PRUNE_BELOW,
    _STRIPPED,
    _content_root,
    _Furniture,
    _norm,
    _text_size,
    choose,
    is_boilerplate,
)
from articlekit.formats.html.endmatter import trim_tail
from articlekit.formats.html.meta import PageMeta, compact, read_metadata
from articlekit.marks import link_href
from articlekit.model import Article, Block, Contributor, Heading, Media, MediaRef, Origin, Paragraph, Place, Related
from articlekit.options import OptionSpec
from articlekit.registry import Document, Options

__all__ = ["decode_page", "is_boilerplate", "parse_html", "sniff_html"]

# --------------------------------------------------------------------------- sniffing

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_HTML_TAGS = re.compile(
    rb"<(html|head|body|div|p|meta|title|script|a|span|article|section|br|img|ul|li|h[1-6]|table)[\s>/]", re.I
)
_XML_ROOTS = re.compile(
    rb"<(?:\w+:)?(?:nitf|rss|feed|rdf:RDF|newsItem|newsMessage|article\s+xmlns=\"[^\"]*articlekit)[\s>]", re.I
)


def sniff_html(head: bytes, name: str) -> float:
    """How sure we are that the input is a web page: a doctype or ``<html>`` first is sure;
    XML documents (articlekit XML, NITF, feeds, NewsML) are not ours."""
    start = text_head(head).lstrip(b"\xef\xbb\xbf \t\r\n")  # (a page in UTF-16 read as text)
    if _XML_ROOTS.search(start[:2048]):
        return 0.0
    if _HTML_START.match(start):
        return 0.95
    if start.startswith(b"<?xml"):
        return 0.6 if re.search(rb"<html[\s>]", start, re.I) else 0.0
    if start.startswith(b"<") and len({t.lower() for t in _HTML_TAGS.findall(start)}) >= 2:
        return 0.7
    if name.lower().endswith((".html", ".htm", ".xhtml", ".shtml")):
        return 0.3
    return 0.0


# --------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_ANY_TAG = re.compile(r"<(?:[a-zA-Z][\w:-]*|!doctype)[\s/>]", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)  # to the first ">": broken ones run on
_DOCTYPE_SUBSET = re.compile(r"^(\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*)<!DOCTYPE\s[^\[>]*\[[^\]]*\]\s*>", re.I)
"""A doctype with an internal subset (``<!DOCTYPE html [<!ENTITY ...>]>``): the HTML parser
neither reads nor expands it, and would show its ``]>`` as text. (Each part matches one way only:
no comment runs past its ``-->``, the subset stops at its first ``]``, so a page that only looks
like one costs one scan.)"""
_SINGLE_BYTE = {"cp1252", "iso8859-1", "ascii", "iso8859-15", "latin-1"}
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_STRAY_CONTROL_CHARS = tuple(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
"""The characters of ``_STRAY_CONTROLS``, each looked for with ``in`` (a fast search in C): half the
cost of the pattern's scan over a page that holds none, as nearly all do."""
"""NUL and the other control characters a saved page can hold by accident: dropped (a form
feed becomes a space), as browsers never show them."""
_STRAY_CONTROL_BYTES = tuple(c.encode("ascii") for c in _STRAY_CONTROL_CHARS)
_BYTE_FAITHFUL = frozenset({"utf-8", *_SINGLE_BYTE})
"""Charsets in which a character below 0x80 is always one byte of that value, and such a byte always
that character (in UTF-8 the bytes of other characters are 0x80 or more; a single-byte charset
maps a byte below 0x80 to ASCII): a page decoded from one holds a stray control character exactly
when its bytes hold that byte."""


_ASCII_PROBE = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])


@functools.lru_cache(maxsize=32)
def _reads_ascii(codec: str) -> bool:
    """Whether the charset reads every printable ASCII byte alone as that character, as one a page
    can declare in ASCII and be written in does (not UTF-16 or -32, EBCDIC, UTF-7's ``+``, HZ's
    ``~``, nor codecs such as ``punycode`` or ``unicode_escape``)."""
    try:
        return all(bytes([byte]).decode(codec) == chr(byte) for byte in _ASCII_PROBE)
    except (UnicodeError, LookupError):
        return False


def decode_page(data: bytes) -> tuple[str, str]:
    """The page's text and the charset used: BOM, then the declared charset (``<meta charset>``,
    ``http-equiv`` or the XML declaration), then detection. A page declaring a Western single-byte
    charset whose bytes are valid UTF-8 is read as UTF-8 (a common mislabelling)."""
    sample = data[:16384]
    found = _META_CHARSET.search(sample) or _XML_ENCODING.search(sample)
    declared = found.group(1).decode("ascii", "replace") if found else None
    codec = normalise_charset(declared) if declared else None
    if codec is not None and not _reads_ascii(codec):
        # the declaration was read in ASCII, so the page is not in this charset: one saying utf-16
        # was re-encoded on the way; EBCDIC, UTF-7 and HZ no browser reads (a BOM still wins)
        declared = None
    if codec in _SINGLE_BYTE and not data.isascii():  # (a byte of 0x80 or more, found in C)
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    return decode(data, declared)


# --------------------------------------------------------------------------- assembling


_FURNITURE_LINE = re.compile(
    r"""^\W*(?:
        advert(?:isement)?|advertorial|sponsored(?:\s+content)?|promoted|
        (?:related|recommended)(?:\s+(?:links|stories|articles|content|news|videos?))?|
        top\s+stories|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|don'?t\s+miss|
        (?:\d+\s+)?comments?|(?:leave|post|add)\s+a\s+comment|tell\s+us\s+what\s+you\s+think.*|
        share(?:\s+this)?(?:\s+(?:article|story|page|post))?(?:\s+on\s+\w+)?|
        (?:like\s+this\s+(?:story|article)\?\s*)?share\s+it\s+with\s+a\s+friend.*|
        follow\s+us(?:\s+on\s+.*)?|sign\s+up\s+for\s+.*newsletter.*|subscribe(?:\s+(?:now|today|here))?|
        this\s+(?:slideshow|video|content)\s+requires\s+javascript.*|
        (?:partner|sponsored)\s+news|more\s+from\s+\w+(?:\s+\w+)?|you\s+may\s+also\s+like|
        (?:image|photo)\s+(?:copyright|caption).*|
        tags?|topics?|filed\s+under.*|sharing\s+is\s+caring|like\s+this|like\s+loading|loading|
        text\s+size|print(?:\s+this)?(?:\s+(?:article|story|page))?(?:\s+share\s+it\s+with\s+friends)?|
        share\s+it\s+with\s+friends|close|caption|back\s+to\s+gallery|(?:view|open)\s+(?:gallery|image)|
        click\s+to\s+(?:tweet|share|enlarge).*|(?:iklan|anzeige|publicidad|publicité|pubblicità|реклама)
    )\W*$""",
    re.I | re.X,
)
"""A short line that is page furniture wherever it stands."""


def _is_timestamp(text: str) -> bool:
    """A short line holding a date and little else (the page's own timestamp)."""
    if len(text) > 70:
        return False
    found = find_datetime(text)
    if found is None:
        return False
    rest = (text[: found.start] + " " + text[found.end :]).split()
    return len(rest) <= 3


_CREDIT_LINE = re.compile(
    r"^\W*(?:(?:additional\s+)?(?:reporting|writing|editing|research)\s+by\b|"
    r"[^.]{3,80}\s+contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b)",
    re.I,
)
"""End matter crediting contributors: ``(Reporting by ...; editing by ...)``, ``Jane Doe
contributed reporting.``"""


def _byline(text: str) -> list[Contributor] | None:
    """The contributors of a byline line (``By Jane Doe``, ``-- By Jane Doe Follow @jane``)."""
    line = text.split("\n")[0].lstrip("-–—• ").strip()
    if line[:3].lower() != "by ":
        return None
    line = re.sub(r"\s+(?:Follow\s+)?@\w+.*$", "", line)
    return parse_byline(line)


def _is_byline(text: str) -> bool:
    return len(text) < 120 and _byline(text) is not None


_PHOTO_CREDIT = re.compile(
    r"^\W*(?:photos?|photographs?|images?|pictures?|fotos?|фото|credits?|photo\s+credit|bild(?:er)?|"
    r"crédit(?:\s+photo)?|crédito|źródło\s+zdjęcia)\s*(?:by\s*)?[:/]\s*\S.{0,80}$",
    re.I,
)
_PHOTO_CREDIT_LABEL = re.compile(
    r"^\W*(?:photos?|images?|fotos?|фото|credits?|photo\s+credit|bild|crédit|crédito)\s*:?\s*$", re.I
)


def _label_only(text: str) -> bool:
    """A "Related" or "Read more" label left standing without its links."""
    match = RELATED_LABEL.match(text)
    return match is not None and not text[match.end() :].strip(" :|»>-–—")


def _tidy(blocks: Sequence[Block], meta: PageMeta) -> list[Block]:
    """Drop the headline repeated in the body, timestamps and furniture lines."""
    headline = _norm(meta.headline or "")
    kept: list[Block] = []
    paragraphs = 0  # the paragraphs in kept (counted: a page of many headings stays linear)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and not paragraphs and _names_the_site(block.text, meta):
            continue  # the site's or the section's name above the article, as its <title> shows
        if isinstance(block, (Heading, Paragraph)):
            text = block.text
            if len(text) < 120 and kept and isinstance(kept[-1], type(block)) and kept[-1].text == text:
                continue  # the same line twice in a row: a gallery's slide titles
            byline = _byline(text) if (index < 4 or index >= len(blocks) - 2) and len(text) < 120 else None
            if byline is not None:
                # a byline at the top of the body or signing it off: metadata, not text
                if not meta.authors:
                    meta.authors = [c for c in byline if c.name not in (meta.site_name, meta.provider)]
                    meta.sources["authors"] = "byline"
                continue
            # (the cheap tests first: normalising every paragraph of the body cost 2% of the parse)
            if headline and (isinstance(block, Heading) or not kept) and _norm(text) == headline:
                continue
            if len(text) < 90 and (_FURNITURE_LINE.match(text) or _is_timestamp(text) or _label_only(text)):
                continue
            if len(text) < 100 and _PHOTO_CREDIT.match(text):
                continue  # a photo credit standing outside its figure ("Photo: Jane Doe/AFP")
            if (
                len(text) < 100
                and kept
                and isinstance(kept[-1], Paragraph)
                and _PHOTO_CREDIT_LABEL.match(kept[-1].text)
            ):
                kept.pop()  # "Фото:" then the credit on its own line
                paragraphs -= 1
                continue
            if index >= len(blocks) - 3 and len(text) < 300 and _CREDIT_LINE.match(text):
                continue
        kept.append(block)
        paragraphs += isinstance(block, Paragraph)
    return trim_tail(kept)


def _names_the_site(text: str, meta: PageMeta) -> bool:
    """Whether a heading is a part of the page's ``<title>`` other than its headline: the site's
    name (``My Little Blog`` beside ``Council votes « My Little Blog``) or a section's."""
    key, title = compact(text), compact(meta.title or "")
    return len(key) >= 4 and key in title and key not in compact(meta.headline or "") and key != title


def _dateline(meta: PageMeta, blocks: Sequence[Block]) -> tuple[Place, ...]:
    if meta.dateline:
        found = match_dateline(meta.dateline + " - ")
        if found is not None and found.places:
            return found.places
        return (Place(name=meta.dateline.strip(" -–—,")),)
    for block in blocks[:3]:
        if isinstance(block, Paragraph):
            found = match_dateline(block.text)
            return found.places if found is not None else ()
    return ()


_MAX_DEPTH = 200
"""How deep elements may nest once a page has gone past libxml2's limit (256): deeper tags are
dropped and their text kept."""
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)((?:\s[^<>]*)?)>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    | {"table", "tr", "td", "th", "section", "article", "main", "header", "footer", "aside", "nav", "figure"}
)
"""Tags that end a paragraph: one taken out below the depth limit leaves a paragraph break."""
_BREAKS = re.compile(r"(?:<br><br>\s*){2,}")


def _parse_tree(text: str, name: str, utf8: bytes | None = None) -> Any:
    """The page's tree. ``utf8``: ``text`` encoded in UTF-8, when the page's bytes are exactly that
    (libxml2 reads them as they are; a Python string it reads through a conversion)."""
    tamed = tame_html(_XML_DECLARATION.sub("", text, count=1))
    if "[" in tamed[:200] and (subset := _DOCTYPE_SUBSET.match(tamed)) is not None:
        tamed = f"{subset.group(1)}<!DOCTYPE html>{tamed[subset.end() :]}"
    # (both return the very string they were given when they change nothing, as on nearly every page)
    root, too_deep = _lxml_tree(tamed, name, utf8 if tamed is text else None)
    text = tamed
    if (mended := _close_title(root, text)) is not None:
        text = mended
        root, too_deep = _lxml_tree(text, name)
    if too_deep:
        # libxml2 stops reading at its depth limit and drops the rest of the page silently:
        # read it again with the tags below a sane depth taken out, so all of its text is kept
        root, too_deep = _lxml_tree(_flatten(text), name)
        if too_deep:
            raise ParseError(
                f"the page nests its elements deeper than the HTML parser's limit of 256 ({too_deep})", file=name
            )
    return root


_TITLE_SWALLOWED = 1000
"""A ``<title>`` holding more characters than this, markup among them, may have swallowed the page."""
_TITLE_KEPT = 300
"""The longest first line a mended title keeps; a longer one is the page's junk, and the title is
left empty (the headline then comes from ``og:title`` or the ``<h1>``)."""
_TITLE_OPEN = re.compile(r"<title(?=[\s>/])[^>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title[\s/>]", re.I)
_TAG_OPEN = re.compile(r"<[a-zA-Z/!]")


def _close_title(root: Any, text: str) -> str | None:
    """The page with its ``<title>`` closed, when the page never closes it (a damaged page: a
    piece cut out of it took the end tag along), or None. A title's text runs to its end tag, so
    an unclosed one swallows the page up to the next ``</title>`` (an icon's, in an inline SVG)
    or to its end, and leaves an empty body; a browser shows a blank page. Looked for only when
    the tree's title is long and holds markup (nearly no page: no search of the text). Only the
    first ``<title>`` outside a comment is looked at, and mended when its text runs into markup
    before any ``</title>`` (closed, the page is left as it is): it keeps its first line (none
    when that line is over ``_TITLE_KEPT`` characters), what follows up to the next tag (the
    remains of what was cut) goes, and the rest of the page is read as markup."""
    head = root.find("head")
    title = head.find("title") if head is not None else None
    if title is None:
        return None
    value = title.text
    if value is None or len(value) <= _TITLE_SWALLOWED or _TAG_OPEN.search(value) is None:
        return None
    for opened in _TITLE_OPEN.finditer(text):
        if text.rfind("<!--", 0, opened.start()) > text.rfind("-->", 0, opened.start()):
            continue  # (inside a comment: '<!-- <title>Old title -->')
        tag = _TAG_OPEN.search(text, opened.end())
        if tag is None:
            return None
        close = _TITLE_CLOSE.match(text, tag.start())
        if close is not None:
            return None  # (closed: the first title read well, the tree's title is another)
        lines = text[opened.end() : tag.start()].strip().splitlines()
        first = lines[0].strip() if lines else ""
        if len(first) > _TITLE_KEPT:
            first = ""
        return f"{text[: opened.end()]}{html.escape(first, quote=False)}</title>{text[tag.start() :]}"
    return None


def _lxml_tree(text: str, name: str, utf8: bytes | None = None, huge: bool = False) -> tuple[Any, str | None]:
    """The page's tree, and where libxml2 gave up for depth (None when it read it all); read from
    ``utf8`` (``text`` in UTF-8) when given. A value or a text over libxml2's limit of 10 MB (an
    image inlined as a ``data:`` URL, a script's state) is read again with the limit lifted
    (``huge``): libxml2 would drop the rest of the page."""
    # plain lxml elements (not lxml.html's element classes): the same tree, read faster; no
    # table of ids (nothing here looks an element up by id), which saves some 7% of the parse
    parser = etree.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        encoding=None if utf8 is None else "utf-8",
        huge_tree=huge,
    )
    try:
        try:
            root = etree.fromstring(text if utf8 is None else utf8, parser=parser)
        except ValueError:
            # lxml refuses text holding an encoding declaration (one the page broke, or not first)
            parser = etree.HTMLParser(
                no_network=True,
                remove_comments=True,
                remove_pis=True,
                collect_ids=False,
                encoding="utf-8",
                huge_tree=huge,
            )
            root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as exc:
        raise ParseError(f"not a readable HTML page: {exc}", file=name) from None
    if root is None:
        raise ParseError("not a readable HTML page: the document is empty", file=name)
    for entry in parser.error_log:
        if not huge and "Buffer size limit" in entry.message:
            return _lxml_tree(text, name, utf8, huge=True)
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            return root, f"line {entry.line}, column {entry.column}"
    return root, None


def _flatten(text: str) -> str:
    """The page with every tag nested deeper than ``_MAX_DEPTH`` taken out (its end tag too),
    its text left where it was; a block's tag (``<p>``, ``<div>``) leaves a paragraph break
    (``<br><br>``, which no depth limit counts)."""
    kept: dict[str, list[bool]] = {}
    depth = 0
    out: list[str] = []
    position = 0
    for match in _TAG.finditer(text):
        closing, tag = match.group(1), match.group(2).lower()
        if tag in _VOID or match.group(3).rstrip().endswith("/"):
            continue
        opened = kept.setdefault(tag, [])
        if closing:
            if not opened:
                continue  # a stray end tag: libxml2 ignores it
            if opened.pop():
                depth -= 1
                continue
        elif depth < _MAX_DEPTH:
            opened.append(True)
            depth += 1
            continue
        else:
            opened.append(False)
        out.append(text[position : match.start()])
        if tag in _BLOCK_TAGS:
            out.append("<br><br>")  # the paragraphs the tag set apart stay apart
        position = match.end()
    out.append(text[position:])
    return _BREAKS.sub("<br><br>", "".join(out))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while one page is read (when it was running).

    Reading a page makes tens of thousands of objects (lxml's element proxies, the walk's
    records, the blocks) and no reference cycle among them (none found over the dev pages), so
    the collector's passes during a parse find nothing to free; yet it starts one every 700
    objects that stay alive, and every few pages one over the whole process (8% of the parse's
    CPU over the dev pages went to these passes; paused, the parse takes 0.96x the CPU, A/B in
    one process). Paused, it runs after the parse, over what survived it. The page's
    garbage is freed as before, by reference counting, the moment it is dropped. (The switch is
    the process's: a thread that turned the collector off while another read a page finds it on
    again once that page is read.)"""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _holds_stray_controls(data: bytes, text: str, charset: str) -> bool:
    """Whether ``text`` (``data`` decoded from ``charset``, whole) holds a stray control character.
    Looked for in the bytes where the charset keeps them as they are (``_BYTE_FAITHFUL``): a byte
    is found as fast in any page, where a character is found far more slowly in a text holding
    characters beyond ASCII (the bytes' search takes a third of the time over the dev pages, all UTF-8)."""
    if charset in _BYTE_FAITHFUL:
        return any(b in data for b in _STRAY_CONTROL_BYTES)
    return any(c in text for c in _STRAY_CONTROL_CHARS)


BASE_URL = OptionSpec("base_url", str, None, "the page's address, to resolve its relative links against")


def parse_html(document: Document, options: Options) -> Iterator[Article]:
    """Read one web page as an article."""
    data = document.data
    if looks_binary(data):  # (not a page in UTF-16, even one without its byte-order mark)
        raise ParseError("not an HTML page: the input is binary", file=document.name)
    text, charset = decode_page(data)
    # the page's bytes, when they are exactly its text in UTF-8 (valid UTF-8 without a BOM, decoded
    # whole; nothing dropped): libxml2 reads them without the conversion a string costs it
    utf8 = data if charset == "utf-8" and not data.startswith(b"\xef\xbb\xbf") else None
    if _holds_stray_controls(data, text, charset):  # rare: a search costs far less than a rewrite
        text = _STRAY_CONTROLS.sub(lambda m: " " if m.group() == "\x0c" else "", text)
        utf8 = None
    if not text or text.isspace():  # (not text.strip(), which copies the whole page)
        raise ParseError("not an HTML page: the input is empty", file=document.name)
    if _ANY_TAG.search(text, 0, 1_000_000) is None:
        raise ParseError("not an HTML page: no markup at all (expected tags such as <html> or <p>)", file=document.name)
    base_url = BASE_URL.value(options)
    with _collector_paused():
        root = _parse_tree(text, document.name, utf8)
        try:
            meta = read_metadata(root, base_url)
            # with the metadata read, scripts and styles only get in the way of measuring text
            etree.strip_elements(root, *_STRIPPED, with_tail=False)
            article = _article(root, meta, base_url, document.name, charset)
        except RecursionError:
            raise ParseError("the page is nested too deeply to read", file=document.name) from None
    if not _unlinked_text(article.body):
        raise ParseError(
            "no article text found: the page holds no paragraph of text outside its navigation and "
            "furniture (a page whose text is drawn by scripts must be saved after they ran)",
            file=document.name,
        )
    yield article


def _unlinked_text(blocks: Sequence[Block]) -> bool:
    """Whether the body holds a letter or a digit outside its links: a body of links alone (a
    menu, a list of other pages) is no article text."""
    for block in blocks:
        if not isinstance(block, (MediaRef, Related)):
            text = block.text
            linked = sorted((m.start, m.end) for m in block.marks if m.kind == "link")
            position = 0
            for start, end in (*linked, (len(text), len(text))):
                if any(c.isalnum() for c in text[position:start]):
                    return True
                position = max(position, end)
    return False


def _link_base(root: Any, meta: PageMeta, base_url: str | None) -> str | None:
    """What relative links and images resolve against: the page's ``<base href>`` (itself
    resolved against the page's address), else its canonical URL, else ``base_url``."""
    page = meta.url or base_url
    head = root.find("head")
    base = head.find("base") if head is not None else None
    return (link_href(base.get("href"), page) if base is not None else None) or page


def _article(root: Any, meta: PageMeta, base_url: str | None, name: str, charset: str) -> Article:
    link_base = _link_base(root, meta, base_url)
    lead = meta.lead_image
    media: list[Media] = [lead] if lead is not None else []
    body, body_source = _body(root, meta, link_base, len(media))
    blocks = _tidy(body.blocks, meta)
    body_media = list(body.media)
    if lead is not None and lead.url:
        # the lead image shown again in the body: one media item, with what the figure adds
        for index, item in enumerate(body_media):
            if item.url and _same_image(item.url, lead.url):
                media[0] = Media(
                    kind=lead.kind,
                    url=lead.url,
                    caption=lead.caption or item.caption,
                    credit=lead.credit or item.credit,
                    alt=lead.alt or item.alt,
                    width=lead.width or item.width,
                    height=lead.height or item.height,
                )
                blocks = _renumber(blocks, len(media) + index, 0)
                body_media[index] = Media(url=None)
                break
    media.extend(body_media)
    blocks, media = _compact_media(blocks, media)
    return Article(
        headline=meta.headline or "",
        subheadline=meta.subheadline,
        summary=meta.summary,
        language=meta.language,
        url=meta.url or base_url,
        published=meta.published,
        updated=meta.updated,
        authors=tuple(meta.authors),
        provider=meta.provider or meta.site_name,
        datelines=_dateline(meta, blocks),
        media=tuple(media),
        body=tuple(blocks),
        keywords=tuple(meta.keywords),
        section=meta.section,
        extensions={PROVENANCE: _provenance(meta, body_source)},
        origin=Origin(format="html", file=name, parser="articlekit.formats.html", charset=charset),
    )


_SOURCE_NAMES = {
    "json-ld": "JSON-LD",
    "og": "OpenGraph",
    "twitter": "Twitter card",
    "meta": "<meta>",
    "microdata": "microdata itemprop",
    "time": "<time datetime>",
    "canonical": "<link rel=canonical>",
    "html-lang": "<html lang>",
    "body-lang": "<body lang>",
    "byline": "the byline on the page",
    "visible": "the date shown on the page",
    "standfirst": "the standfirst on the page",
    "h1": "the <h1> on the page",
    "h2": "the <h2> before the text, the <title> naming only the site or missing",
    "title": "<title>, without the site's name",
    "headline-class": "an element named for the headline",
    "hreflang": "<link rel=alternate hreflang>",
    "url": "the date in the page's URL",
}
_FIELD_NAMES = {"lead_image": "media", "dateline": "datelines"}


def _provenance(meta: PageMeta, body_source: str) -> dict[str, str]:
    found = {
        _FIELD_NAMES.get(field, field): _SOURCE_NAMES.get(source, source) for field, source in meta.sources.items()
    }
    found["body"] = body_source
    return dict(sorted(found.items()))


def _same_image(a: str, b: str) -> bool:
    return a.split("?")[0].rstrip("/") == b.split("?")[0].rstrip("/")


def _renumber(blocks: list[Block], old: int, new: int) -> list[Block]:
    return [MediaRef(new) if isinstance(b, MediaRef) and b.media == old else b for b in blocks]


def _compact_media(blocks: list[Block], media: list[Media]) -> tuple[list[Block], list[Media]]:
    """Drop media emptied by merging, renumbering the references."""
    mapping: dict[int, int] = {}
    kept: list[Media] = []
    for index, item in enumerate(media):
        if item.url is None and item.caption is None and index > 0:
            continue
        mapping[index] = len(kept)
        kept.append(item)
    out: list[Block] = []
    seen_refs: set[int] = set()
    for block in blocks:
        if isinstance(block, MediaRef):
            target = mapping.get(block.media)
            if target is None or target in seen_refs:
                continue
            seen_refs.add(target)
            out.append(MediaRef(target))
        else:
            out.append(block)
    return out, kept


def _body(root: Any, meta: PageMeta, base_url: str | None, media_offset: int) -> tuple[Body, str]:
    """The body and where it was found."""
    container, keep, scorer, walk = _content_root(root, meta)
    junk, totals = scorer.junk, scorer.totals
    marked = meta.body_element
    # a microdata articleBody that holds the chosen block (or sits inside it) is the body
    if (
        marked is not None
        and container is not marked
        and (_contains(marked, container) or (_contains(container, marked) and _text_size(marked) > 200))
    ):
        container, keep = marked, None

    furniture = _Furniture(container)

    def skip(element: Any, name: str) -> bool:
        if element is container:
            return False
        if keep is not None and element not in keep and element.getparent() is container:
            return True
        if element in junk or furniture(element, name):
            return True
        # a block of link lists and fragments (teasers, menus) inside the chosen container
        return name not in _PROSE_TAGS and totals.get(element, 0.0) <= _PRUNE_BELOW

    hint = meta.article_body
    # the block classifier reviews the heuristic's choice, block by block, over the whole page
    chosen = choose(walk, container, skip, hint, _is_byline)
    leave_out: Callable[[Any, str], bool] = skip
    enter: frozenset[Any] = frozenset()
    mute: dict[Any, bool] | None = None
    if chosen is not None:
        container, leave_out, enter, mute = chosen.element, chosen.skip, chosen.enter, chosen.mute
    body = convert_element(
        container, base_url=base_url, media_offset=media_offset, skip=leave_out, enter=enter, mute=mute
    )
    # the page's text drawn by scripts: the JSON-LD articleBody is all there is
    if hint and (
        not any(isinstance(b, Paragraph) for b in body.blocks)
        or (len(hint) > 500 and len(body.text) < _HINT_FALLBACK_SHARE * len(hint))
    ):
        if _MARKUP.search(hint):
            # some sites put the body's HTML in articleBody
            return convert_html(hint, base_url=base_url, media_offset=media_offset), "JSON-LD articleBody (HTML)"
        paragraphs = [" ".join(html.unescape(p).split()) for p in re.split(r"\n\s*\n|\n", hint)]
        return Body(blocks=tuple(Paragraph(p) for p in paragraphs if p)), "JSON-LD articleBody"
    return body, _describe(container)


def _describe(element: Any) -> str:
    """``<div class="article-body">``: the element the body was read from, for ``inspect``."""
    name = local_name(element)
    attributes = ""
    for key in ("id", "class", "itemprop"):
        value = " ".join((element.get(key) or "").split())
        if value:
            attributes += f' {key}="{value if len(value) <= 40 else value[:39] + "…"}"'
    return f"<{name}{attributes}>"


def _contains(outer: Any, inner: Any) -> bool:
    node = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False
