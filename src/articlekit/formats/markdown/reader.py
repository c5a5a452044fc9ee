"""The ``md`` parser: articlekit's own Markdown back into the article, losslessly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from articlekit.common.articlejson import article_from_json_data, read_integer
from articlekit.converter import BLOCK_TAGS, SCHEMA_VERSION, get_converter
from articlekit.encoding import decode
from articlekit.errors import ParseError
from articlekit.formats.markdown.syntax import BREAK, EMPTY_LIST, unescape
from articlekit.marks import join_marks
from articlekit.model import Article, BlockQuote, Heading, ListBlock, Mark, MediaRef, Paragraph, Related, is_safe_href
from articlekit.registry import Document, Options

__all__ = ["MarkdownBodyReader", "parse_markdown", "read_marked", "read_parts"]


# --------------------------------------------------------------------------- reading

_ANCHOR = re.compile(r'<a id="b[0-9]+"></a>')
_RELATED = re.compile(r'<a id="b[0-9]+" class="related"></a>')
_HEADING = re.compile(r"(#{1,6})(?: (.*))?")
_BULLET = re.compile(r"([-+*])(?: (.*))?")
_NUMBERED = re.compile(r"[0-9]{1,9}([.)])(?: (.*))?")
_MEDIA_REF = re.compile(r"!?\[.*\]\[media-([0-9]+)\]|\*\*[A-Z][a-z]+ ([0-9]+):\*\*")
_CLOSING_HASHES = re.compile(r"(?:^| +)(?<!\\)#+ *$")


def _content(markdown: str) -> str:
    """A block's text from its Markdown: without a leading anchor, unescaped."""
    return unescape(_ANCHOR.sub("", markdown, count=1) if markdown.startswith("<a ") else markdown)


_DESTINATION = re.compile(r"\]\((?:<((?:[^<>\\\n]|\\.)*)>|([^\s()<>]*))(?: (\"(?:[^\"\\]|\\.)*\"))?\)")


_NOT_STAR = re.compile(r"[^*]")


def read_marked(markdown: str) -> tuple[str, list[dict[str, Any]]]:
    """A block's text and its marks (JSON-shaped) from the Markdown
    [`marked_up`][articlekit.formats.markdown.reader.marked_up] writes: every ``*``, ``_``, ``[`` and
    ``]`` the text holds is escaped there, so each one unescaped is markup. A leading anchor is
    left out."""
    if markdown.startswith("<a "):
        markdown = _ANCHOR.sub("", markdown, count=1)
    if not any(ch in markdown for ch in "*_["):
        return unescape(markdown), []
    text: list[str] = []
    length = 0
    marks: list[dict[str, Any]] = []
    open_at: dict[str, int] = {}
    links: list[int] = []
    plain_from = 0  # where the text not yet added starts

    def add(upto: int) -> None:
        nonlocal length
        piece = unescape(markdown[plain_from:upto])
        text.append(piece)
        length += len(piece)

    def toggle(kind: str) -> None:
        start = open_at.pop(kind, None)
        if start is None:
            open_at[kind] = length
        elif length > start:
            marks.append({"kind": kind, "start": start, "end": length})

    index = 0
    while index < len(markdown):
        ch = markdown[index]
        if ch == "\\":
            index += 2
            continue
        if ch in "*_[" or (ch == "]" and links):
            add(index)
            if ch == "*":
                after = _NOT_STAR.search(markdown, index)  # a search from here: no copy of the rest
                run = (after.start() if after else len(markdown)) - index
                if run % 2:
                    toggle("emphasis")
                for _ in range(run // 2):
                    toggle("strong")
                index += run
            elif ch == "_":
                toggle("emphasis")
                index += 1
            elif ch == "[":
                links.append(length)
                index += 1
            else:
                target = _DESTINATION.match(markdown, index)
                start = links.pop()
                if target is None:  # not a link after all: keep the brackets' text
                    index += 1
                else:
                    href = unescape(target.group(1) if target.group(1) is not None else target.group(2) or "")
                    mark: dict[str, Any] = {"kind": "link", "start": start, "end": length, "href": href}
                    if target.group(3) is not None:
                        mark["title"] = unescape(target.group(3)[1:-1])
                    if length > start and href and is_safe_href(href):
                        marks.append(mark)
                    index = target.end()
            plain_from = index
            continue
        index += 1
    add(len(markdown))
    joined = "".join(text)
    return joined, [get_converter().unstructure(m, Mark) for m in join_marks(joined, _marks_of(marks))]


def _marks_of(found: list[dict[str, Any]]) -> list[Mark]:
    return [Mark(m["kind"], m["start"], m["end"], m.get("href"), m.get("title")) for m in found]


class MarkdownBodyReader:
    """Reads the body's Markdown back into JSON-shaped blocks, one method per block kind."""

    related_from_front_matter = True
    """A related link in the body is left to the front matter, which records it whole."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.charset: str | None = None
        """The character encoding the document was decoded with."""

    def text(self, markdown: str) -> str:
        """A block's text from its Markdown."""
        return _content(markdown)

    def marked(self, markdown: str) -> tuple[str, list[dict[str, Any]]]:
        """A block's text and its marks (JSON-shaped) from its Markdown."""
        return read_marked(markdown)

    def _with_marks(self, block: dict[str, Any], marks: list[dict[str, Any]]) -> dict[str, Any]:
        if marks:
            block["marks"] = marks
        return block

    def read(self, lines: list[str], first_line: int) -> list[dict[str, Any]]:
        blocks: list[dict[str, Any]] = []
        for chunk, number in _chunks(lines, first_line):
            blocks.extend(self.block(chunk, number))
        return blocks

    def block(self, chunk: list[str], number: int) -> Iterator[dict[str, Any]]:
        first = chunk[0]
        if first in EMPTY_LIST.values():
            yield {"type": BLOCK_TAGS[ListBlock], "items": [], "ordered": first == EMPTY_LIST[True]}
        elif _HEADING.fullmatch(first):
            yield self.heading(chunk)
        elif first.startswith(">"):
            yield self.block_quote(chunk)
        elif _RELATED.match(first) and self.related_from_front_matter:
            return  # its fields, and its place, come from the front matter

        elif _BULLET.fullmatch(first) or _NUMBERED.fullmatch(first):
            yield from self.lists(chunk)
        else:
            yield self.paragraph(chunk, number)

    def heading(self, chunk: list[str]) -> dict[str, Any]:
        match = _HEADING.fullmatch(chunk[0])
        assert match is not None
        text, marks = self.marked(_CLOSING_HASHES.sub("", match.group(2) or ""))
        return self._with_marks({"type": BLOCK_TAGS[Heading], "text": text, "level": len(match.group(1))}, marks)

    def block_quote(self, chunk: list[str]) -> dict[str, Any]:
        paragraphs: list[list[str]] = [[]]
        for line in chunk:
            inner = line[1:].removeprefix(" ") if line.startswith(">") else line
            if inner.strip():
                paragraphs[-1].append(inner)
            elif paragraphs[-1]:
                paragraphs.append([])
        paragraphs = [p for p in paragraphs if p]
        text, marks = self.marked(" ".join(paragraphs[0])) if paragraphs else ("", [])
        cite = None
        if len(paragraphs) > 1:
            cite = self.text(re.sub(r"^— ?", "", " ".join(paragraphs[-1])))
        return self._with_marks({"type": BLOCK_TAGS[BlockQuote], "text": text, "cite": cite}, marks)

    def lists(self, chunk: list[str]) -> Iterator[dict[str, Any]]:
        """One list per run of items with the same marker (a new marker starts a new list)."""
        items: list[str] = []
        marker: str | None = None
        ordered = False
        for line in chunk:
            bullet, numbered = _BULLET.fullmatch(line), _NUMBERED.fullmatch(line)
            match = bullet or numbered
            if match is None:  # a continuation line of the last item
                if items:
                    items[-1] += " " + line.strip()
                continue
            if match.group(1) != marker and items:
                yield self._list(items, ordered)
                items = []
            marker, ordered = match.group(1), numbered is not None
            items.append(match.group(2) or "")
        yield self._list(items, ordered)

    def _list(self, items: list[str], ordered: bool) -> dict[str, Any]:
        texts: list[str] = []
        marks: list[dict[str, Any]] = []
        offset = 0
        for item in items:
            text, item_marks = self.marked(item)
            marks.extend({**m, "start": m["start"] + offset, "end": m["end"] + offset} for m in item_marks)
            texts.append(text)
            offset += len(text) + 1
        return self._with_marks({"type": BLOCK_TAGS[ListBlock], "items": texts, "ordered": ordered}, marks)

    def paragraph(self, chunk: list[str], number: int) -> dict[str, Any]:
        first = _ANCHOR.sub("", chunk[0], count=1) if chunk[0].startswith("<a ") else chunk[0]
        media = _MEDIA_REF.match(first)
        if media is not None:
            label = media.group(1) or media.group(2)
            index = int(label) - 1
            if index < 0:
                raise ParseError(f"media reference {label}: media are counted from 1", file=self.name)
            return {"type": BLOCK_TAGS[MediaRef], "media": index}
        text, marks = self.marked(" ".join(line.strip() for line in chunk))
        return self._with_marks({"type": BLOCK_TAGS[Paragraph], "text": text}, marks)


def _chunks(lines: list[str], first_line: int) -> Iterator[tuple[list[str], int]]:
    """Runs of non-blank lines, each with its 1-based line number."""
    chunk: list[str] = []
    start = first_line
    for offset, line in enumerate(lines):
        if line.strip():
            if not chunk:
                start = first_line + offset
            chunk.append(line.rstrip())
        elif chunk:
            yield chunk, start
            chunk = []
    if chunk:
        yield chunk, start


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases: articlekit never writes them, and ``*a`` repeated in nested
    lists is a small file that expands to billions of values once written out."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in the front matter", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        digits = str(node.value).replace("_", "")
        try:
            if digits.lstrip("+-").isdigit():
                read_integer(digits)  # too many digits: a ValueError that says so in words
            return int(super().construct_yaml_int(node))
        except ValueError as exc:
            raise _not_valid(node, "number", exc) from None

    def construct_yaml_timestamp(self, node: yaml.ScalarNode, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:  # 2024-13-45 matches YAML's date pattern, but is no date
            raise _not_valid(node, "date", exc) from None


def _not_valid(node: yaml.ScalarNode, what: str, exc: Exception) -> yaml.YAMLError:
    """A YAML error at ``node``, for a value Python refuses (too many digits, a 13th month)."""
    shown = str(node.value) if len(str(node.value)) <= 40 else str(node.value)[:37] + "..."
    return yaml.constructor.ConstructorError(None, None, f"{shown!r} is not a valid {what}: {exc}", node.start_mark)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", _FrontMatterLoader.construct_yaml_int)
_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp)


def _split_front_matter(text: str, name: str) -> tuple[dict[str, Any], list[str], int]:
    """The front matter's data, the lines after it, and the line number of the first of them."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, lines, 1
    number = next((i for i, line in enumerate(lines) if i and line.rstrip() in ("---", "...")), None)
    if number is None:
        raise ParseError("the front matter starting on line 1 has no closing '---' line", file=name, line=1)
    try:
        data = yaml.load("\n".join(lines[1:number]), Loader=_FrontMatterLoader)  # a SafeLoader without aliases
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        raise ParseError(
            f"the front matter is not valid YAML: {reason}",
            file=name,
            line=mark.line + 2 if mark is not None else None,
            column=mark.column + 1 if mark is not None else None,
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ParseError(f"the front matter must be a mapping, found {type(data).__name__}", file=name, line=2)
    return _plain_data(data, name, "front matter"), lines[number + 1 :], number + 2


def _plain_data(value: Any, name: str, where: str) -> Any:
    """YAML data as JSON data: keys must be strings (YAML 1.1 reads ``on:`` as True, ``1:`` as
    a number). A lone surrogate (``"\\uD800"``) is repaired with a warning by the pipeline
    ([`repair_article`][articlekit.repair.repair_article]), as from every other reader."""
    if isinstance(value, dict):
        plain = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ParseError(
                    f"{where}: the key {key!r} is not a string (YAML reads on/off/yes/no and numbers as "
                    "such); put it in quotes",
                    file=name,
                )
            plain[key] = _plain_data(item, name, f"{where} {key}")
        return plain
    if isinstance(value, list):
        return [_plain_data(item, name, where) for item in value]
    return value


def _place_related(body: list[dict[str, Any]], related: Any, name: str) -> list[dict[str, Any]]:
    """The body with each related link put back at its recorded position."""
    if not isinstance(related, list) or not all(isinstance(r, dict) and isinstance(r.get("at"), int) for r in related):
        raise ParseError("front matter 'related' must be a list of objects each with an integer 'at'", file=name)
    pending = sorted(related, key=lambda r: r["at"])
    out: list[dict[str, Any]] = []
    rest = iter(body)
    while True:
        if pending and pending[0]["at"] <= len(out):
            link = dict(pending.pop(0))
            link.pop("at")
            out.append({"type": BLOCK_TAGS[Related], **link})
            continue
        block = next(rest, None)
        if block is None:
            break
        out.append(block)
    for link in pending:  # positions past the end: appended in order
        fields = {k: v for k, v in link.items() if k != "at"}
        out.append({"type": BLOCK_TAGS[Related], **fields})
    return out


def read_parts(
    document: Document, reader: MarkdownBodyReader | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The front matter's data and the body's blocks (JSON-shaped); the headline taken from
    the page into the data when the front matter has none."""
    text, charset = decode(document.data, "utf-8")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    data, lines, first_line = _split_front_matter(text, document.name)
    breaks = [i for i, line in enumerate(lines) if line.rstrip() == BREAK]
    header: list[str] = []
    if breaks:
        header, body_start = lines[: breaks[0]], breaks[0] + 1
        body_end = breaks[1] if len(breaks) > 1 else len(lines)
    else:
        body_start, body_end = 0, len(lines)
    reader = reader or MarkdownBodyReader(document.name)
    body = reader.read(lines[body_start:body_end], first_line + body_start)
    if "headline" not in data:
        headline = _headline(header) if breaks else None
        # a page with articlekit's break has its headline in the header or none: its body's
        # first heading stays in the body
        if (
            headline is None
            and not breaks
            and body
            and body[0]["type"] == BLOCK_TAGS[Heading]
            and body[0]["level"] == 1
        ):
            headline = body.pop(0)["text"]
        data["headline"] = headline or ""
    reader.charset = charset
    return data, body


def parse_markdown(document: Document, options: Options) -> Iterator[Article]:
    """Read articlekit Markdown back (see the module's documentation).

    Markdown that articlekit did not write is read too, as it is (no enrichers run: use the
    ``markdown`` format for that): its front matter must use articlekit's keys; without a
    front matter headline, the header's (or else the first) ``# `` heading gives the headline.
    """
    data, body = read_parts(document)
    data["body"] = _place_related(body, data.pop("related", []), document.name)
    data.setdefault("schema", SCHEMA_VERSION)
    yield article_from_json_data(data, document.name)


def _headline(header: list[str]) -> str | None:
    for line in header:
        match = _HEADING.fullmatch(line.rstrip())
        if match and len(match.group(1)) == 1:
            return _content(match.group(2) or "")
    return None
