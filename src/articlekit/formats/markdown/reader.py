"""Markdown: articlekit's own (``md``, writer and lossless parser) and any other (``markdown``
parser). articlekit's Markdown is CommonMark for people with YAML front matter for machines.

The output has four parts:

1. **Front matter** between ``---`` lines: the article as articlekit JSON
   ([`article_to_data`][articlekit.converter.article_to_data]) without its body, empty values
   left out, plus ``related``: the body's related links with the position (``at``) of each.
2. **The header**: ``# headline``, the subheadline in bold, the summary in italics (unless it
   is the subheadline again), a byline
   (authors, datelines, dates), and the lead image as ``![alt](url)`` with its caption and
   credit, unless the body places it itself. A ``* * *`` line ends it.
3. **The body**, one Markdown block per body block: paragraphs, ``#`` headings at their
   level, ``>`` block quotes (the cite on a last line starting with ``—``), ``-`` and ``1.``
   lists (consecutive lists alternate ``-``/``+`` and ``.``/``)`` so CommonMark keeps them
   apart), and images as ``![alt][media-N]`` (a reference to media item N, 1-based, defined at
   the end; ``**Image N:**`` and the caption for a media item without a URL). A block that a
   quote links to starts with an anchor ``<a id="bN"></a>`` (N is the block's number, from 1,
   as the ``¶ N`` links say). A related link stands in its place, ``*ALSO READ:* [title](url)``
   after an anchor ``<a id="bN" class="related"></a>``. Another
   ``* * *`` line ends the body.
4. **Sections** for people: ``## Media`` (media the body does not place), ``## Quotes`` (who said what, each linked
   to its block) and ``## Sources``.

Article text is escaped so that it stays text: Markdown punctuation gets a backslash, ``<``
becomes ``&lt;``, characters CommonMark would drop or reinterpret (line breaks, controls,
white space at either end) become numeric character references. In the front matter, strings
holding ``<``, ``[``, ``]``, quotes or line breaks are double-quoted with those characters as
YAML escapes, so even a renderer that shows the front matter as Markdown meets no markup.

The ``md`` parser reads this back: the front matter gives every field but the body, the body
is read block by block from the Markdown, and the related links are put back at their
positions, so ``parse(dumps(article, "md"), "md") == article``. Sections after the body and
the header are for people and are not read (edit the front matter to change metadata).

The ``markdown`` parser reads Markdown that articlekit did not write (static sites' posts):
their front matter's common keys, the body with its inline markup turned into text, and it
lets the enrichers find the quotes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from html.entities import html5
from typing import Any

import attrs
import yaml

from articlekit.common.articlejson import article_from_json_data, read_integer
from articlekit.common.dates import parse_timestamp
from articlekit.common.rendering import BlockRenderer
from articlekit.converter import BLOCK_TAGS, SCHEMA_VERSION, article_to_data, get_converter
from articlekit.encoding import decode, looks_binary
from articlekit.errors import ParseError, WriteError
from articlekit.hookspecs import hookimpl
from articlekit.marks import join_marks, link_href, links_apart, nest
from articlekit.model import (
    Article,
    Block,
    BlockQuote,
    Contributor,
    Heading,
    ListBlock,
    Mark,
    Media,
    MediaRef,
    Origin,
    Paragraph,
    Quote,
    Related,
    Subject,
    is_safe_href,
    normalize_marks,
)
from articlekit.options import OptionSpec
from articlekit.registry import Document, Options, ParserSpec, WriterSpec

__all__ = ["dumps_markdown", "escape_destination", "escape_text", "parse_markdown", "unescape"]

BREAK = "* * *"
"""The line that ends the header and the body."""

_EMPTY_LIST = {False: "<!-- articlekit: empty list -->", True: "<!-- articlekit: empty numbered list -->"}

# --------------------------------------------------------------------------- escaping

_ALWAYS = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "<": "&lt;"}
_ENTITY_LIKE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_LINE_START = frozenset("#>+-=~|")
_ORDERED_START = re.compile(r"[0-9]{1,9}[.)]")
_REFERENCED = frozenset("\ufeff\ufffe\uffff\u2028\u2029")


def _charref(ch: str) -> str:
    return f"&#{ord(ch)};"


def _needs_charref(ch: str) -> bool:
    return ch in _REFERENCED or unicodedata.category(ch) in ("Cc", "Cs")


def escape_text(text: str) -> str:
    """``text`` as CommonMark inline content on one line that renders as exactly ``text``
    wherever a block's text starts (after ``# ``, ``> ``, ``- `` or at the line's start)."""
    return "".join(_escaped(text))


def _escaped(text: str) -> list[str]:
    """Each character of ``text`` as ``escape_text`` writes it, one entry per character."""
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in _ALWAYS:
            out.append(_ALWAYS[ch])
        elif _needs_charref(ch) or ((i == 0 or i == last) and ch.isspace()):
            out.append(_charref(ch))
        elif ch == "&" and _ENTITY_LIKE.match(text, i):
            out.append("\\&")
        elif ch == "(" and i and text[i - 1] == "]":  # never "](": no link can form, even in raw text
            out.append("\\(")
        elif (i == 0 and ch in _LINE_START) or (i == last and ch == "#"):
            out.append("\\" + ch)
        else:
            out.append(ch)
    match = _ORDERED_START.match(text)
    if match:  # "2024. A year" must not start a numbered list
        digits = match.end() - 1
        out[digits] = "\\" + out[digits]
    return out


def _escape_title(title: str) -> str:
    """A link title, double-quoted: its quotes and backslashes escaped, what CommonMark would
    read as an entity or drop written so that it stays text."""
    out = []
    for i, ch in enumerate(title):
        if ch in '"\\' or (ch == "&" and _ENTITY_LIKE.match(title, i)):
            out.append("\\" + ch)
        elif _needs_charref(ch) or ch in "\n\r":
            out.append(_charref(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def marked_up(text: str, marks: Sequence[Mark], offset: int = 0) -> str:
    """``text`` (which starts at ``offset`` in its block's text) escaped, with the block's
    marks inside it as CommonMark: ``[text](href "title")``, ``**strong**``, and ``*emphasis*``
    (``_emphasis_`` where it touches a strong's ``**``, so no run of asterisks is ambiguous).
    Marks that cross are written in pieces that nest; a link inside another is left out, as
    CommonMark has no link in a link (see [`links_apart`][articlekit.marks.links_apart])."""
    chars = _escaped(text)
    inside = [
        attrs.evolve(m, start=max(m.start, offset) - offset, end=min(m.end, offset + len(text)) - offset)
        for m in links_apart(marks)
        if m.start < offset + len(text) and m.end > offset
    ]
    if not inside:
        return "".join(chars)
    # ("text", escaped) or ("open" | "close", mark), and whether a delimiter cuts its mark
    # short (a piece of a mark another crosses)
    tokens: list[tuple[str, Mark | str, bool]] = []
    stack: list[Mark] = []
    position = 0
    for run, covering in nest(text, inside):
        keep = 0
        while keep < len(stack) and keep < len(covering) and stack[keep] is covering[keep]:
            keep += 1
        tokens.extend(("close", mark, mark.end != position) for mark in reversed(stack[keep:]))
        del stack[keep:]
        tokens.extend(("open", mark, mark.start != position) for mark in covering[keep:])
        stack.extend(covering[keep:])
        tokens.append(("text", "".join(chars[position : position + len(run)]), False))
        position += len(run)
    tokens.extend(("close", mark, False) for mark in reversed(stack))
    _spaces_outside_pieces(tokens)
    pairs = [(what, item) for what, item, _cut in tokens]
    return "".join(_delimiters(pairs))


def _spaces_outside_pieces(tokens: list[tuple[str, Mark | str, bool]]) -> None:
    """Where a mark is written in pieces, white space at a cut moves outside the delimiters, so
    that CommonMark still sees emphasis (``*a* [*b*](x)``, not ``*a *[*b*](x)``); the reader
    joins pieces that only white space separates."""
    index = 0
    while index < len(tokens):
        what = tokens[index][0]
        end = index
        while end < len(tokens) and tokens[end][0] == what and what != "text":
            end += 1
        if end == index:
            index += 1
            continue
        cut = all(token[2] for token in tokens[index:end])
        if cut and what == "open" and end < len(tokens) and tokens[end][0] == "text":
            piece = str(tokens[end][1])
            stripped = piece.lstrip()
            if stripped and len(stripped) < len(piece):
                tokens[end] = ("text", stripped, False)
                tokens.insert(index, ("text", piece[: len(piece) - len(stripped)], False))
                end += 1
        elif cut and what == "close" and index > 0 and tokens[index - 1][0] == "text":
            piece = str(tokens[index - 1][1])
            stripped = piece.rstrip()
            if stripped and len(stripped) < len(piece):
                tokens[index - 1] = ("text", stripped, False)
                tokens.insert(end, ("text", piece[len(stripped) :], False))
        index = end


def _delimiters(tokens: Sequence[tuple[str, Mark | str]]) -> list[str]:
    """The Markdown of each token: text as it is, a mark's delimiters. Emphasis is ``*``, or
    ``_`` at both ends where either end touches a strong's ``**``."""

    def touches_strong(index: int) -> bool:
        beside = [tokens[i][1] for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
        return any(isinstance(b, Mark) and b.kind == "strong" for b in beside)

    out = [""] * len(tokens)
    opened: list[int] = []
    for index, (what, item) in enumerate(tokens):
        if isinstance(item, str):
            out[index] = item
        elif item.kind == "link":
            out[index] = "[" if what == "open" else f"]({escape_destination(item.href or '')}{_link_title(item)})"
        elif item.kind == "strong":
            out[index] = "**"
        elif what == "open":
            opened.append(index)
        else:
            start = opened.pop()
            delimiter = "_" if touches_strong(start) or touches_strong(index) else "*"
            out[start] = out[index] = delimiter
    return out


def _link_title(mark: Mark) -> str:
    return " " + _escape_title(mark.title) if mark.title is not None else ""


def escape_destination(url: str) -> str:
    """``url`` as a link destination: bare where that is safe, else in ``<...>``."""
    if re.fullmatch(r"[A-Za-z0-9._~:/?#@!$%'+,;=-]*", url):
        return url
    out = []
    for i, ch in enumerate(url):
        if ch in "\\<>" or (ch == "&" and _ENTITY_LIKE.match(url, i)):
            out.append("\\" + ch)
        elif _needs_charref(ch):
            out.append(_charref(ch))
        else:
            out.append(ch)
    return "<" + "".join(out) + ">"


def _safe_link(url: str) -> bool:
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return scheme is None or scheme.group(1).lower() in ("http", "https", "mailto", "ftp")


_UNESCAPE = re.compile(
    r"\\([!-/:-@\[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});",
)


def _unescape_one(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    name = match.group(2)
    if name.startswith(("#x", "#X")):
        code = int(name[2:], 16)
    elif name.startswith("#"):
        code = int(name[1:])
    else:
        return html5.get(name + ";", match.group(0))
    # as HTML does: no code point past Unicode, and no lone surrogate, which no UTF-8 output holds
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def unescape(markdown: str) -> str:
    """The text that escaped Markdown stands for: backslash escapes and character references
    decoded. The inverse of [`escape_text`][articlekit.formats.markdown.reader.escape_text]."""
    return _UNESCAPE.sub(_unescape_one, markdown)


# --------------------------------------------------------------------------- front matter


class _FrontMatterDumper(yaml.SafeDumper):
    """Safe YAML, with every string that holds Markdown-active characters double-quoted."""


# YAML reads NEL, LS and PS as line breaks too: a plain or single-quoted scalar holding one comes
# back with a space in its place; a double-quoted one escapes them (\N, \L, \P)
_RISKY = re.compile(r"[<\[\]\"\n\r\x85\u2028\u2029]")
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_YAML_ESCAPES = {"<": "\\x3C", "[": "\\x5B", "]": "\\x5D"}


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if _RISKY.search(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_FrontMatterDumper.add_representer(str, _represent_str)

_SPAN_KEYS = ("block", "start", "end")


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.MappingNode:
    # a span on one line ({block: 1, start: 0, end: 82}): quotes carry three of them each, and
    # four lines per span would bury the front matter's people-facing fields
    flow = tuple(data) == _SPAN_KEYS
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_FrontMatterDumper.add_representer(dict, _represent_dict)


def _prune(value: Any) -> Any:
    """Objects without their null and empty values (which read back as the defaults)."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items() if v is not None}
        return {k: v for k, v in pruned.items() if v != [] and v != {}}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def _as_lists(value: Any) -> Any:
    """JSON-compatible data with tuples as lists, as JSON would write them (YAML's safe dumper
    knows no tuples)."""
    if isinstance(value, (list, tuple)):
        return [_as_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_lists(v) for k, v in value.items()}
    return value


def front_matter(article: Article) -> dict[str, Any]:
    """What the front matter holds: the article's JSON data without the body, its related
    links with their positions, the people-facing fields first."""
    data = article_to_data(article)
    data.pop("body")
    extensions = data.pop("extensions")
    tail = {key: data.pop(key) for key in ("media", "quotes", "sources")}
    matter: dict[str, Any] = _prune(data)
    related = [
        {"at": index, "text": block.text, "label": block.label, "url": block.url}
        for index, block in enumerate(article.body)
        if isinstance(block, Related)
    ]
    matter.update(_prune({"media": tail["media"], "related": related}))
    matter.update(_prune({"quotes": tail["quotes"], "sources": tail["sources"]}))
    if extensions:
        matter["extensions"] = _as_lists(extensions)  # not pruned: null and [] mean something there
    return matter


def dump_front_matter(matter: dict[str, Any]) -> str:
    """The front matter's YAML, between ``---`` lines."""
    text = yaml.dump(matter, Dumper=_FrontMatterDumper, sort_keys=False, allow_unicode=True, default_flow_style=False)

    def quiet(match: re.Match[str]) -> str:
        scalar = match.group(0)
        for ch, escaped in _YAML_ESCAPES.items():
            scalar = scalar.replace(ch, escaped)
        return scalar

    # every '"' in the YAML belongs to a double-quoted scalar (strings holding one are quoted)
    return "---\n" + _DOUBLE_QUOTED.sub(quiet, text) + "---\n"


# --------------------------------------------------------------------------- writing


def _emphasis(text: str, marker: str = "*") -> str:
    return f"{marker}{escape_text(text)}{marker}" if text else ""


def _when(value: datetime) -> str:
    return value.isoformat(sep=" ", timespec="minutes")


def _figure(media: Media, number: int, by_reference: bool = False) -> str:
    """A media item (``number`` counts from 1): an image, or a link for other kinds, with its
    caption and credit on the next line; without a URL it may link to, a bold label
    ``**Image 1:**`` before them instead, so that no broken image shows."""
    details = [part for part in (_emphasis(media.caption or ""), _credit(media.credit)) if part]
    if media.url is None or not _safe_link(media.url):
        return " ".join([f"**{media.kind.capitalize()} {number}:**", *details])
    target = f"[media-{number}]" if by_reference else f"({escape_destination(media.url)})"
    alt = escape_text(media.alt or media.kind.capitalize())
    first = f"![{alt}]{target}" if media.kind in ("image", "graphic") else f"[{media.kind}: {alt}]{target}"
    return first + ("\\\n" + " ".join(details) if details else "")


def _linkable(media: Media) -> bool:
    return media.url is not None and _safe_link(media.url)


def _credit(credit: str | None) -> str:
    return f"Credit: {escape_text(credit)}" if credit else ""


def _quote_target(quote: Quote) -> int | None:
    """The block a quote links to: where its words stand, else where its speaker is named."""
    if quote.spans:
        return quote.spans[0].block
    for part in (quote.speaker, quote.cue):
        if part is not None and part.span is not None:
            return part.span.block
    return None


class MarkdownBodyRenderer(BlockRenderer):
    """Renders body blocks as Markdown, one method per block type; each returns the block's
    Markdown, or None for a related link (gathered in the Related section)."""

    format_name = "md"

    def __init__(self, article: Article) -> None:
        self.article = article
        self.anchored = {_quote_target(q) for q in article.quotes} - {None}
        self.index = 0
        self.previous_marker: str | None = None

    def anchor(self, index: int, text: str = "") -> str:
        """The anchor a quote links to, where one does; an empty text gets one anyway so that
        its block is not empty."""
        return f'<a id="b{index + 1}"></a>' if index in self.anchored or not text else ""

    def render(self) -> list[str]:
        """Every block's Markdown, in order (related links left out)."""
        out = []
        for index, block in enumerate(self.article.body):
            self.index = index
            markdown = self.method_for(block)(block)
            if markdown is not None:
                if not isinstance(block, ListBlock):
                    self.previous_marker = None
                out.append(markdown)
        return out

    def paragraph(self, block: Paragraph) -> str:
        return self.anchor(self.index, block.text) + marked_up(block.text, block.marks)

    def heading(self, block: Heading) -> str:
        anchor = self.anchor(self.index, "heading")
        content = anchor + marked_up(block.text, block.marks)
        return "#" * block.level + (" " + content if content else "")

    def block_quote(self, block: BlockQuote) -> str:
        lines = ["> " + self.anchor(self.index, block.text) + marked_up(block.text, block.marks)]
        if block.cite is not None:
            cite = escape_text(block.cite)
            lines += [">", "> —" + (" " + cite if cite else "")]
        return "\n".join(lines)

    def list_block(self, block: ListBlock) -> str:
        primary, alternate = (".", ")") if block.ordered else ("-", "+")
        marker = alternate if self.previous_marker == primary else primary
        self.previous_marker = marker
        if not block.items:
            return _EMPTY_LIST[block.ordered]
        lines = []
        offset = 0
        for number, item in enumerate(block.items, start=1):
            prefix = f"{number}{marker}" if block.ordered else marker
            anchor = self.anchor(self.index, "item") if number == 1 else ""
            content = anchor + marked_up(item, block.marks, offset)
            offset += len(item) + 1
            lines.append(prefix + (" " + content if content else ""))
        return "\n".join(lines)

    def related(self, block: Related) -> str:
        """In its place in the text: ``*ALSO READ:* [title](url)``, after an anchor that marks
        it as a related link (the ``md`` parser takes its fields from the front matter)."""
        title = escape_text(block.text) or escape_text(block.url or "") or "link"
        if block.url and _safe_link(block.url):
            item = f"[{title}]({escape_destination(block.url)})"
        else:
            item = title + (f" ({escape_text(block.url)})" if block.url else "")
        label = f"*{escape_text(block.label)}:* " if block.label else ""
        return f'<a id="b{self.index + 1}" class="related"></a>{label}{item}'

    def media_ref(self, block: MediaRef) -> str:
        media = self.article.media[block.media]
        return self.anchor(self.index, "media") + _figure(media, block.media + 1, by_reference=True)


class MarkdownWriter:
    """The whole document: front matter, header, body, sections for people."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sources = {s.id: s for s in article.sources}
        self.placed = {b.media for b in article.body if isinstance(b, MediaRef)}

    def render(self, *, with_front_matter: bool = True) -> str:
        parts = [dump_front_matter(front_matter(self.article)).rstrip("\n")] if with_front_matter else []
        parts += [*self.header(), BREAK]
        parts += MarkdownBodyRenderer(self.article).render()
        parts.append(BREAK)
        parts += self.more_media() + self.quotes() + self.sources_section()
        parts += self.media_definitions()
        return "\n\n".join(parts) + "\n"

    def header(self) -> list[str]:
        article = self.article
        headline = escape_text(article.headline)
        parts = ["#" + (" " + headline if headline else "")]
        summary = article.summary if article.summary != article.subheadline else None  # once is enough
        for text, marker in ((article.subheadline, "**"), (summary, "*")):
            if text:
                parts.append(_emphasis(text, marker))
        byline = self.byline()
        if byline:
            parts.append(byline)
        if article.media and 0 not in self.placed:
            parts.append(_figure(article.media[0], 1))
        return parts

    def byline(self) -> str:
        article = self.article
        pieces = []
        if article.authors:
            names = []
            for author in article.authors:
                name = f"**{escape_text(author.display_name)}**" if author.name else ""
                extras = [escape_text(x) for x in (author.title, author.affiliation) if x]
                if author.role != "author":
                    extras.insert(0, escape_text(author.role))
                names.append(name + (f" ({', '.join(extras)})" if extras else ""))
            pieces.append("By " + ", ".join(names))
        if article.provider and all(a.name != article.provider for a in article.authors):
            pieces.append(escape_text(article.provider))
        if article.datelines:
            pieces.append("/".join(escape_text(p.name) for p in article.datelines))
        if article.published is not None:
            pieces.append(f"Published {_when(article.published)}")
        if article.updated is not None:
            pieces.append(f"Updated {_when(article.updated)}")
        return " · ".join(pieces)

    def more_media(self) -> list[str]:
        items = [
            _figure(media, index + 1)
            for index, media in enumerate(self.article.media)
            if index > 0 and index not in self.placed
        ]
        return ["## Media", *items] if items else []

    def who(self, quote: Quote) -> str:
        """The speaker's name in bold, with the words the text used where they describe
        rather than name (``the Russian president``)."""
        speaker = quote.speaker
        if speaker is None:
            return "*Unattributed*"
        source = self.sources.get(speaker.source) if speaker.source else None
        name = source.name if source is not None else speaker.mention
        who = f"**{escape_text(name)}**" if name else "*Unnamed*"
        mention = speaker.mention
        if (
            source is not None
            and len(mention.split()) > 1
            and mention not in source.name
            and source.name not in mention
        ):
            who += f" (“{escape_text(mention)}”)"
        return who

    def quotes(self) -> list[str]:
        items = []
        for number, quote in enumerate(self.article.quotes, start=1):
            cue = escape_text(quote.cue.text) if quote.cue and quote.cue.text else "said"
            words = f"“{escape_text(quote.text)}”" if quote.kind == "direct" else _emphasis(quote.text)
            line = f"{number}. {self.who(quote)} {cue}: {words}"
            target = _quote_target(quote)
            if target is not None:
                line += f" [¶ {target + 1}](#b{target + 1})"
            context = quote.context
            details = [
                f"{label}: {escape_text(value)}"
                for label, value in (
                    ("Where", context.venue),
                    ("Through", context.channel),
                    ("When", context.when.text if context.when else None),
                )
                if value
            ]
            if details:
                line += "\\\n   " + " · ".join(details)
            items.append(line)
        if not items:
            return []
        legend = "Direct quotes stand in quotation marks, reported speech in italics; ¶ links to the paragraph."
        return ["## Quotes", legend, "\n".join(items)]

    def sources_section(self) -> list[str]:
        items = []
        counts: dict[str, int] = {}
        for quote in self.article.quotes:
            if quote.speaker is not None and quote.speaker.source is not None:
                counts[quote.speaker.source] = counts.get(quote.speaker.source, 0) + 1
        for source in self.article.sources:
            line = f"- **{escape_text(source.name)}** ({source.kind})" if source.name else f"- ({source.kind})"
            facts = [t for t in source.titles if t]
            if source.affiliation and not any(source.affiliation in t for t in facts):
                facts.append(source.affiliation)
            if facts:
                line += ": " + ", ".join(escape_text(f) for f in facts)
            aliases = [f"“{escape_text(a)}”" for a in source.aliases if a]
            if aliases:
                line += ". Also " + ", ".join(aliases)
            quoted = counts.get(source.id, 0)
            line += f". Quoted {quoted} time{'s' if quoted != 1 else ''}."
            items.append(line)
        return ["## Sources", "\n".join(items)] if items else []

    def media_definitions(self) -> list[str]:
        """The targets of the body's images, ``[media-2]: url``."""
        media = self.article.media
        lines = [
            f"[media-{index + 1}]: {escape_destination(media[index].url or '')}"
            for index in sorted(self.placed)
            if _linkable(media[index])
        ]
        return ["\n".join(lines)] if lines else []


FRONT_MATTER = OptionSpec(
    "front_matter", bool, True, "begin with the YAML front matter (false: a page for people only)"
)


def dumps_markdown(article: Article, options: Options) -> str:
    """The article as articlekit Markdown (see the module's documentation).

    Option ``front_matter=False`` leaves the front matter out: a page for people only, which
    the ``md`` parser reads back as its headline and body alone.
    """
    try:
        return MarkdownWriter(article).render(with_front_matter=FRONT_MATTER.value(options))
    except yaml.YAMLError as exc:  # pragma: no cover - safe_dump of JSON-shaped data
        raise WriteError(f"md: cannot write the front matter: {exc}") from None


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
        if first in _EMPTY_LIST.values():
            yield {"type": BLOCK_TAGS[ListBlock], "items": [], "ordered": first == _EMPTY_LIST[True]}
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


def _read(document: Document, reader: MarkdownBodyReader | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
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
        if headline is None and body and body[0]["type"] == BLOCK_TAGS[Heading] and body[0]["level"] == 1:
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
    data, body = _read(document)
    data["body"] = _place_related(body, data.pop("related", []), document.name)
    data.setdefault("schema", SCHEMA_VERSION)
    yield article_from_json_data(data, document.name)


def _headline(header: list[str]) -> str | None:
    for line in header:
        match = _HEADING.fullmatch(line.rstrip())
        if match and len(match.group(1)) == 1:
            return _content(match.group(2) or "")
    return None


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
    data, body = _read(document, reader)
    if "schema" in data:
        yield from parse_markdown(document, options)
        return
    try:
        article = foreign_article(data, body, reader.media)
        yield attrs.evolve(article, origin=Origin(charset=reader.charset))
    except (ValueError, TypeError) as exc:
        raise ParseError(f"cannot make an article of this Markdown: {exc}", file=document.name) from None


def _sniff(head: bytes, name: str) -> float:
    if head.startswith((b"---\n", b"---\r\n", b"\xef\xbb\xbf---")) and re.search(
        rb"^schema: ['\"]?articlekit/", head, re.MULTILINE
    ):
        return 1.0
    return 0.0


def _sniff_any(head: bytes, name: str) -> float:
    """Markdown by its name, when the head does not say it is articlekit's."""
    if _sniff(head, name) or not name.lower().endswith((".md", ".markdown")) or b"\x00" in head:
        return 0.0
    return 0.9


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="md",
            parse=parse_markdown,
            sniff=_sniff,
            media_types=("text/markdown",),
            description="articlekit's Markdown: YAML front matter and CommonMark body, read back exactly",
            lossless=True,
            options=(),
        ),
        ParserSpec(
            name="markdown",
            parse=parse_any_markdown,
            sniff=_sniff_any,
            extensions=(".md", ".markdown"),
            media_types=("text/markdown",),
            description="any Markdown article (Hugo, Jekyll, Pandoc front matter); the enrichers find its quotes",
            options=(),
        ),
    ]


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="md",
            write=dumps_markdown,
            extension=".md",
            media_type="text/markdown",
            description="Markdown (CommonMark) with YAML front matter: quotes and sources listed, text escaped",
            options=(FRONT_MATTER,),
        ),
    ]
