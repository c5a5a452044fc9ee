"""articlekit's own XML (``xml``): the whole model, lossless, with quotes marked in the text.

The document is the JSON shape of [`articlekit.converter`][articlekit.converter] turned into
elements, validated by the XSD shipped as ``articlekit/schema/articlekit-1.xsd``
([`xml_schema`][articlekit.formats.articlekit_xml.xml_schema] loads it). Both directions walk
the same field tables below, so the writer and the reader cannot drift apart, and the reader
hands its data to the same conversion as the ``json`` reader, so parsing the
XML gives exactly the Article that parsing the JSON gives.

- Free text is always element content, never an attribute, so any string survives; a
  character XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF, lone surrogates) is written
  as ``<c u="FFFE"/>``. Attributes hold only identifiers, kinds, numbers and dates.
- In the body, quote spans are marked ``<q quote="q1" source="s1">``, speaker mentions
  ``<speaker quote="q1" source="s1">`` and cues ``<cue quote="q1">``, wherever they nest
  cleanly (a span crossing an already marked one is left unmarked: the listed quotes under
  ``<quotes>`` hold every span, and the reader takes offsets from there only).
- A block's own marks are ``<link href="..." title="...">``, ``<em>`` and ``<strong>``, and
  these are read back: a mark crossing another is written in pieces that nest, and the pieces
  join again when read (see [`normalize_marks`][articlekit.model.normalize_marks]).
- Whitespace is added only between elements that hold no text, so pretty printing never
  changes a character of the article.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from importlib.resources import files
from typing import Any, cast

import attrs
from lxml import etree

from articlekit.common.articlejson import article_from_json_data, loads
from articlekit.common.rendering import BlockRenderer
from articlekit.common.xmlsafe import local_name, parse_xml, root_name
from articlekit.converter import BLOCK_TAGS, SCHEMA_VERSION, article_to_data
from articlekit.encoding import text_head
from articlekit.errors import ParseError, WriteError
from articlekit.hookspecs import hookimpl
from articlekit.model import Article, BlockQuote, Heading, ListBlock, MediaRef, Paragraph, Related
from articlekit.options import PRETTY
from articlekit.registry import Document, Options, ParserSpec, WriterSpec

__all__ = ["NAMESPACE", "XSD_FILE", "dumps_xml", "parse_xml_article", "xml_schema"]

NAMESPACE = "https://articlekit.org/ns/1"
"""The namespace of every element in articlekit XML."""

XSD_FILE = "articlekit-1.xsd"
"""The XSD's file name in the ``articlekit.schema`` package."""

_NS = "{" + NAMESPACE + "}"
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_schema() -> etree.XMLSchema:
    """The XSD every ``xml`` output validates against (compiled once, then shared)."""
    return _compiled_schema()


@functools.cache
def _compiled_schema() -> etree.XMLSchema:
    data = files("articlekit.schema").joinpath(XSD_FILE).read_bytes()
    return etree.XMLSchema(etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False)))


# --------------------------------------------------------------------------- field tables
#
# A record is a JSON object of the converter's shape; each field says how it is written. The
# element or attribute name is the JSON key with "_" as "-".


@attrs.frozen
class _Field:
    key: str
    how: str
    """``attr`` (an attribute), ``text`` (an element holding text), ``texts`` (a container of
    text elements named ``item``), ``record`` (an element holding ``fields``), ``records`` (a
    container of ``item`` elements holding ``fields``), ``int`` (an element holding an
    integer)."""
    item: str = ""
    fields: tuple[_Field, ...] = ()
    type: str = "str"
    """For attributes: ``str``, ``int`` or ``bool``."""
    required: bool = False

    @property
    def tag(self) -> str:
        return self.key.replace("_", "-")


def _attr(key: str, type_: str = "str") -> _Field:
    return _Field(key, "attr", type=type_)


def _text(key: str, *, required: bool = False) -> _Field:
    return _Field(key, "text", required=required)


def _record(key: str, *fields: _Field) -> _Field:
    return _Field(key, "record", fields=fields)


def _records(key: str, item: str, *fields: _Field) -> _Field:
    return _Field(key, "records", item=item, fields=fields)


_SPAN = (_attr("block", "int"), _attr("start", "int"), _attr("end", "int"))

_CONTRIBUTOR = (
    _attr("kind"),
    _text("name", required=True),
    _text("role", required=True),
    _text("title"),
    _text("affiliation"),
)
_PLACE = (_text("name", required=True), _text("region"), _text("country"))
_MEDIA = (
    _attr("kind"),
    _attr("width", "int"),
    _attr("height", "int"),
    _text("url"),
    _text("caption"),
    _text("credit"),
    _text("alt"),
    _text("media_type"),
)
_QUOTE = (
    _attr("id"),
    _attr("kind"),
    _text("text", required=True),
    _records("spans", "span", *_SPAN),
    _record("cue", _text("text", required=True), _record("span", *_SPAN)),
    _record("speaker", _attr("source"), _text("mention", required=True), _record("span", *_SPAN)),
    _record(
        "context",
        _text("venue"),
        _text("channel"),
        _record("when", _attr("start"), _attr("end"), _text("text", required=True)),
    ),
)
_SOURCE = (
    _attr("id"),
    _attr("kind"),
    _text("name", required=True),
    _Field("titles", "texts", item="title"),
    _text("affiliation"),
    _Field("aliases", "texts", item="alias"),
)
_SUBJECT = (_text("name", required=True), _text("code"), _text("scheme"))
_ORIGIN = (_text("format"), _text("file"), _text("parser"), _text("charset"))

_HEAD = (
    _text("headline", required=True),
    _text("subheadline"),
    _text("summary"),
    _text("language"),
    _text("url"),
    _text("id"),
    _text("published"),
    _text("updated"),
    _records("authors", "contributor", *_CONTRIBUTOR),
    _text("provider"),
    _records("datelines", "place", *_PLACE),
    _records("media", "media-item", *_MEDIA),
)
"""The article's fields before ``<body>``."""

_TAIL = (
    _records("quotes", "quote", *_QUOTE),
    _records("sources", "source", *_SOURCE),
    _Field("keywords", "texts", item="keyword"),
    _records("subjects", "subject", *_SUBJECT),
    _text("section"),
    _text("slug"),
    _Field("priority", "int"),
)
"""The article's fields between ``<body>`` and ``<extensions>``, ``<origin>``."""

_STRUCTURAL = frozenset(
    {
        "article",
        "body",
        "blockquote",
        "list",
        "related",
        "extensions",
        "origin",
        *(f.tag for f in (*_HEAD, *_TAIL) if f.how in ("records", "texts")),
        *(f.item for f in (*_HEAD, *_TAIL) if f.how == "records"),
        "spans",
        "titles",
        "aliases",
        "cue",
        "speaker",
        "context",
        "when",
    }
)
"""Elements that hold only elements: the only ones indented. (``cue`` and ``speaker`` inside a
paragraph are marks, never indented: indenting stops at text-holding elements.)"""


# --------------------------------------------------------------------------- writing


def _element(parent: etree._Element, tag: str) -> etree._Element:
    return etree.SubElement(parent, _NS + tag)


def _append_text(element: etree._Element, text: str) -> None:
    """Append ``text`` after everything in ``element``, characters XML forbids as ``<c>``."""
    for piece in re.split(f"({_XML_ILLEGAL.pattern})", text):
        if not piece:
            continue
        if _XML_ILLEGAL.fullmatch(piece):
            _element(element, "c").set("u", f"{ord(piece):04X}")
        elif len(element):
            element[-1].tail = (element[-1].tail or "") + piece
        else:
            element.text = (element.text or "") + piece


def _attribute_value(field: _Field, value: Any, where: str) -> str:
    if field.type == "bool":
        return "true" if value else "false"
    text = str(value)
    if _XML_ILLEGAL.search(text):
        raise WriteError(f"xml: {where} {field.key} {text!r} holds a character XML 1.0 cannot carry in an attribute")
    return text


def _write_fields(element: etree._Element, fields: Sequence[_Field], data: Mapping[str, Any]) -> None:
    for field in fields:
        value = data.get(field.key)
        if field.how == "attr":
            if value is not None:
                element.set(field.tag, _attribute_value(field, value, local_name(element)))
        elif field.how == "text":
            if value is not None or field.required:
                _append_text(_element(element, field.tag), value or "")
        elif field.how == "int":
            if value is not None:
                _element(element, field.tag).text = str(value)
        elif field.how == "texts":
            if value:
                container = _element(element, field.tag)
                for item in value:
                    _append_text(_element(container, field.item), item)
        elif field.how == "record":
            if value is not None:
                child = _element(element, field.tag)
                _write_fields(child, field.fields, value)
                if not len(child) and not child.attrib:  # all empty: the reader gives the default
                    element.remove(child)
        elif field.how == "records":
            if value:
                container = _element(element, field.tag)
                for item in value:
                    _write_fields(_element(container, field.item), field.fields, item)
        else:  # pragma: no cover - the tables above use only these
            raise AssertionError(field.how)


@attrs.frozen
class _Mark:
    start: int
    end: int
    tag: str
    attributes: tuple[tuple[str, str], ...]


def _crosses(a: _Mark, b: _Mark) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


_MARK_ELEMENTS = {"link": "link", "emphasis": "em", "strong": "strong"}
_ELEMENT_MARKS = {tag: kind for kind, tag in _MARK_ELEMENTS.items()}


class _Kept:
    """The marks kept in one block, findable by where they start and end: a mark crossing
    ``[start, end)`` starts or ends strictly inside it."""

    def __init__(self, marks: Sequence[_Mark]) -> None:
        self.marks = list(marks)
        self.starts = sorted((m.start, i) for i, m in enumerate(self.marks))
        self.ends = sorted((m.end, i) for i, m in enumerate(self.marks))

    def add(self, mark: _Mark) -> None:
        self.marks.append(mark)
        bisect.insort(self.starts, (mark.start, len(self.marks) - 1))
        bisect.insort(self.ends, (mark.end, len(self.marks) - 1))

    def crossing(self, piece: _Mark) -> _Mark | None:
        for points in (self.starts, self.ends):
            low = bisect.bisect_right(points, (piece.start, len(self.marks)))
            high = bisect.bisect_left(points, (piece.end, -1))
            for _point, index in points[low:high]:
                if _crosses(piece, self.marks[index]):
                    return self.marks[index]
        return None


def _pieces(mark: _Mark, kept: _Kept) -> list[_Mark]:
    """``mark`` cut where a kept mark crosses it, into pieces that nest with every kept mark."""
    done: list[_Mark] = []
    todo = [mark]
    while todo:
        piece = todo.pop()
        crossing = kept.crossing(piece)
        if crossing is None:
            done.append(piece)
            continue
        cut = crossing.start if piece.start < crossing.start else crossing.end
        todo.append(attrs.evolve(piece, end=cut))
        todo.append(attrs.evolve(piece, start=cut))
    return sorted(done, key=lambda m: m.start)


class XmlBodyRenderer(BlockRenderer):
    """Writes body blocks as elements, one method per block type, with quotes, speaker
    mentions and cues marked inline where they nest cleanly."""

    format_name = "xml"

    def __init__(self, article: Article) -> None:
        self.body = article.body
        self.marks: dict[int, list[_Mark]] = {}
        for quote in article.quotes:
            source = quote.speaker.source if quote.speaker is not None else None
            ids = (("quote", quote.id), ("kind", quote.kind)) + ((("source", source),) if source is not None else ())
            for span in quote.spans:
                self._want(span.block, _Mark(span.start, span.end, "q", ids))
        for quote in article.quotes:
            if quote.speaker is not None and quote.speaker.span is not None:
                span = quote.speaker.span
                source = quote.speaker.source
                ids = (("quote", quote.id),) + ((("source", source),) if source is not None else ())
                self._want(span.block, _Mark(span.start, span.end, "speaker", ids))
        for quote in article.quotes:
            if quote.cue is not None and quote.cue.span is not None:
                span = quote.cue.span
                self._want(span.block, _Mark(span.start, span.end, "cue", (("quote", quote.id),)))
        for index, block in enumerate(article.body):
            marks = getattr(block, "marks", ())
            if not marks:
                continue
            kept = _Kept(self.marks.get(index, ()))
            for mark in marks:
                attributes = tuple((k, v) for k in ("href", "title") if (v := getattr(mark, k)) is not None)
                for piece in _pieces(_Mark(mark.start, mark.end, _MARK_ELEMENTS[mark.kind], attributes), kept):
                    kept.add(piece)
            self.marks[index] = kept.marks

    def _want(self, block: int, mark: _Mark) -> None:
        """Keep ``mark`` unless it is empty, runs over two list items, or crosses a mark kept
        before it (quotes come first, so a quote is never left out for a mention)."""
        if mark.start >= mark.end or not self._within_one_item(block, mark):
            return
        kept = self.marks.setdefault(block, [])
        if not any(_crosses(mark, other) for other in kept):
            kept.append(mark)

    def _within_one_item(self, block: int, mark: _Mark) -> bool:
        items = self.body[block]
        if not isinstance(items, ListBlock):
            return True
        offset = 0
        for item in items.items:
            if offset <= mark.start and mark.end <= offset + len(item):
                return True
            offset += len(item) + 1
        return False

    def render(self, body: etree._Element, index: int, block: Any) -> None:
        self.method_for(block)(body, index, block)

    def _inline(self, element: etree._Element, index: int, text: str, offset: int = 0) -> None:
        """``text`` (which starts at ``offset`` in the block's text) into ``element``, with
        the marks that lie wholly inside it."""
        end = offset + len(text)
        marks = [m for m in self.marks.get(index, ()) if offset <= m.start and m.end <= end]
        marks.sort(key=lambda m: (m.start, -m.end))  # stable: quotes before mentions before cues
        stack: list[tuple[etree._Element, int]] = [(element, end)]
        position = offset
        for mark in marks:
            while mark.start >= stack[-1][1]:
                top, top_end = stack.pop()
                _append_text(top, text[position - offset : top_end - offset])
                position = top_end
            _append_text(stack[-1][0], text[position - offset : mark.start - offset])
            position = mark.start
            child = _element(stack[-1][0], mark.tag)
            for name, value in mark.attributes:
                child.set(name, _attribute_value(_attr(name), value, mark.tag))
            stack.append((child, mark.end))
        while stack:
            top, top_end = stack.pop()
            _append_text(top, text[position - offset : top_end - offset])
            position = top_end

    def paragraph(self, body: etree._Element, index: int, block: Paragraph) -> None:
        self._inline(_element(body, "p"), index, block.text)

    def heading(self, body: etree._Element, index: int, block: Heading) -> None:
        element = _element(body, "h")
        element.set("level", str(block.level))
        self._inline(element, index, block.text)

    def block_quote(self, body: etree._Element, index: int, block: BlockQuote) -> None:
        element = _element(body, "blockquote")
        self._inline(_element(element, "p"), index, block.text)
        if block.cite is not None:
            _append_text(_element(element, "cite"), block.cite)

    def list_block(self, body: etree._Element, index: int, block: ListBlock) -> None:
        element = _element(body, "list")
        element.set("ordered", "true" if block.ordered else "false")
        offset = 0
        for item in block.items:
            self._inline(_element(element, "item"), index, item, offset)
            offset += len(item) + 1

    def related(self, body: etree._Element, index: int, block: Related) -> None:
        element = _element(body, "related")
        self._inline(_element(element, "title"), index, block.text)
        for key in ("label", "url"):
            value = getattr(block, key)
            if value is not None:
                _append_text(_element(element, key), value)

    def media_ref(self, body: etree._Element, index: int, block: MediaRef) -> None:
        _element(body, "media-ref").set("media", str(block.media))


def _indent(element: etree._Element, depth: int = 0) -> None:
    """Line breaks and two-space indents between the children of structural elements only."""
    if not len(element) or local_name(element) not in _STRUCTURAL:
        return
    inner = "\n" + "  " * (depth + 1)
    element.text = inner
    for child in element:
        _indent(child, depth + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * depth


def article_element(article: Article) -> etree._Element:
    """The article as an ``<article>`` element (not yet indented)."""
    data = article_to_data(article)
    root = etree.Element(_NS + "article", nsmap={None: NAMESPACE})  # type: ignore[dict-item]  # lxml-stubs: default ns
    root.set("schema", SCHEMA_VERSION)
    _write_fields(root, _HEAD, data)
    if article.body:
        body = _element(root, "body")
        renderer = XmlBodyRenderer(article)
        for index, block in enumerate(article.body):
            renderer.render(body, index, block)
    _write_fields(root, _TAIL, data)
    if article.extensions:
        container = _element(root, "extensions")
        for name, value in data["extensions"].items():
            extension = _element(container, "extension")
            extension.set("name", _attribute_value(_attr("name"), name, "extension"))
            try:
                _append_text(extension, json.dumps(value, ensure_ascii=False, sort_keys=False, allow_nan=False))
            except (TypeError, ValueError) as exc:
                raise WriteError(f"xml: extension {name!r} is not JSON-compatible: {exc}") from None
    origin = _element(root, "origin")
    _write_fields(origin, _ORIGIN, data["origin"])
    if not len(origin):
        root.remove(origin)
    return root


def dumps_xml(article: Article, options: Options) -> str:
    """The article as articlekit XML: UTF-8, indented where indenting changes no text
    (``pretty=False``: no indentation at all)."""
    root = article_element(article)
    if PRETTY.value(options):
        _indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


# --------------------------------------------------------------------------- reading


def _text_of(element: etree._Element, name: str) -> str:
    """Everything inside a text-holding element: its text, ``<c>`` escapes and marks."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            raise ParseError(f"an entity reference or other non-element inside <{local_name(element)}>", file=name)
        if local_name(child) == "c":
            code = int(child.get("u", "FFFD"), 16)
            # as in HTML: no code point past Unicode, no lone surrogate (no UTF-8 output holds one)
            parts.append(chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd")
        else:
            parts.append(_text_of(child, name))
        parts.append(child.tail or "")
    return "".join(parts)


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _children(element: etree._Element) -> Iterator[etree._Element]:
    for child in element:
        if isinstance(child.tag, str):
            yield child


def _read_attribute(field: _Field, value: str) -> Any:
    if field.type == "int":
        return int(value)
    if field.type == "bool":
        return value in ("true", "1")
    return value


def _read_fields(element: etree._Element, fields: Sequence[_Field], name: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    by_tag = {f.tag: f for f in fields if f.how != "attr"}
    for field in fields:
        value = element.get(field.tag)
        if field.how == "attr" and value is not None:
            data[field.key] = _read_attribute(field, value)
    for child in _children(element):
        found = by_tag.get(local_name(child))
        if found is None:  # <body>, <extensions>, <origin>: read by the caller
            continue
        field = found
        if field.how == "text":
            data[field.key] = _text_of(child, name)
        elif field.how == "int":
            data[field.key] = int((child.text or "").strip())
        elif field.how == "texts":
            data[field.key] = [_text_of(item, name) for item in _children(child)]
        elif field.how == "record":
            data[field.key] = _read_fields(child, field.fields, name)
        else:
            data[field.key] = [_read_fields(item, field.fields, name) for item in _children(child)]
    return data


class XmlBodyReader:
    """Reads body elements back into JSON-shaped blocks, one method per element."""

    def __init__(self, name: str) -> None:
        self.name = name

    def read(self, element: etree._Element) -> dict[str, Any]:
        method = getattr(self, "read_" + local_name(element).replace("-", "_"), None)
        if method is None:  # the XSD allows no other element; kept as a guard for a changed XSD
            raise ParseError(f"unknown body element <{local_name(element)}>", file=self.name, line=_line(element))
        block: dict[str, Any] = method(element)
        return block

    def _marked(self, block: dict[str, Any], element: etree._Element | None, offset: int = 0) -> dict[str, Any]:
        """``block`` with the marks written in ``element`` (whose text starts at ``offset``),
        found in one walk that counts the characters before each."""
        if element is None or element.find(".//" + _NS + "*") is None:
            return block
        position = offset
        starts: dict[etree._Element, int] = {}
        for event, node in etree.iterwalk(element, events=("start", "end")):
            name = local_name(node)
            if event == "start":
                if name == "c":
                    position += 1  # one character XML cannot hold, written <c u="..."/>
                else:
                    starts[node] = position
                    position += len(node.text or "")
                continue
            if name in _ELEMENT_MARKS:
                mark: dict[str, Any] = {"kind": _ELEMENT_MARKS[name], "start": starts[node], "end": position}
                mark.update((key, node.get(key)) for key in ("href", "title") if node.get(key) is not None)
                block.setdefault("marks", []).append(mark)
            if node is not element:
                position += len(node.tail or "")
        return block

    def read_p(self, element: etree._Element) -> dict[str, Any]:
        return self._marked({"type": BLOCK_TAGS[Paragraph], "text": _text_of(element, self.name)}, element)

    def read_h(self, element: etree._Element) -> dict[str, Any]:
        level = int(element.get("level", "2"))
        block = {"type": BLOCK_TAGS[Heading], "text": _text_of(element, self.name), "level": level}
        return self._marked(block, element)

    def read_blockquote(self, element: etree._Element) -> dict[str, Any]:
        parts = {local_name(child): child for child in _children(element)}
        text = _text_of(parts["p"], self.name) if "p" in parts else ""
        cite = _text_of(parts["cite"], self.name) if "cite" in parts else None
        return self._marked({"type": BLOCK_TAGS[BlockQuote], "text": text, "cite": cite}, parts.get("p"))

    def read_list(self, element: etree._Element) -> dict[str, Any]:
        items = [_text_of(child, self.name) for child in _children(element)]
        block = {"type": BLOCK_TAGS[ListBlock], "items": items, "ordered": element.get("ordered") in ("true", "1")}
        offset = 0
        for child, item in zip(_children(element), items, strict=True):
            self._marked(block, child, offset)
            offset += len(item) + 1
        return block

    def read_related(self, element: etree._Element) -> dict[str, Any]:
        parts = {local_name(child): _text_of(child, self.name) for child in _children(element)}
        return {
            "type": BLOCK_TAGS[Related],
            "text": parts.get("title", ""),
            "label": parts.get("label"),
            "url": parts.get("url"),
        }

    def read_media_ref(self, element: etree._Element) -> dict[str, Any]:
        return {"type": BLOCK_TAGS[MediaRef], "media": int(element.get("media", "0"))}


def _validate(root: etree._Element, name: str) -> None:
    for entity in root.iter(etree.Entity):
        # left unexpanded by the safe parser; articlekit XML never uses entities
        raise ParseError(f"not valid articlekit XML: entity reference {entity.text}", file=name, line=_line(entity))
    schema = xml_schema()
    try:
        valid = schema.validate(root)
    except etree.XMLSchemaValidateError as exc:
        raise ParseError(f"not valid articlekit XML: {exc}", file=name) from None
    if valid:
        return
    error = cast(Any, schema.error_log)[0]  # lxml-stubs: the log is a sequence
    message = re.sub(r"\{[^}]*\}", "", error.message)  # element names without the namespace
    raise ParseError(f"not valid articlekit XML: {message}", file=name, line=error.line or None)


def parse_xml_article(document: Document, options: Options) -> Iterator[Article]:
    """Read articlekit XML: one ``<article>`` in articlekit's namespace, valid by its XSD."""
    root = parse_xml(document.data, document.name, what="articlekit XML")
    if local_name(root) != "article" or etree.QName(root).namespace != NAMESPACE:
        raise ParseError(
            f"not articlekit XML: expected an <article> root in namespace {NAMESPACE}, "
            f"found <{local_name(root)}> in {etree.QName(root).namespace or 'no namespace'}",
            file=document.name,
            line=_line(root),
        )
    _validate(root, document.name)
    schema = root.get("schema")
    data = _read_fields(root, (*_HEAD, *_TAIL), document.name)
    data["schema"] = schema
    body = root.find(_NS + "body")
    if body is not None:
        reader = XmlBodyReader(document.name)
        data["body"] = [reader.read(child) for child in _children(body)]
    extensions = root.find(_NS + "extensions")
    if extensions is not None:
        data["extensions"] = {}
        for extension in _children(extensions):
            key = extension.get("name", "")
            try:
                data["extensions"][key] = loads(_text_of(extension, document.name))
            except ValueError as exc:
                reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                raise ParseError(
                    f"extension {key!r} does not hold JSON: {reason}", file=document.name, line=_line(extension)
                ) from None
    origin = root.find(_NS + "origin")
    if origin is not None:
        data["origin"] = _read_fields(origin, _ORIGIN, document.name)
    # the JSON reader's conversion: the same Article, the same error messages
    yield article_from_json_data(data, document.name)


def _sniff(head: bytes, name: str) -> float:
    head = text_head(head)  # (UTF-16 or -32 read as text)
    if root_name(head) == "article" and NAMESPACE.encode("ascii") in head:
        return 1.0
    return 0.0


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="xml",
            parse=parse_xml_article,
            sniff=_sniff,
            extensions=(".xml",),
            media_types=("application/vnd.articlekit+xml",),
            description=f"articlekit's own XML ({SCHEMA_VERSION}): lossless, validated by its XSD",
            lossless=True,
            options=(),
        ),
    ]


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="xml",
            write=dumps_xml,
            extension=".xml",
            media_type="application/vnd.articlekit+xml",
            description="articlekit's own XML: lossless, quotes marked inline, validated by its XSD",
            options=(PRETTY,),
        ),
    ]
