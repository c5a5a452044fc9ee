"""The ``md`` writer: front matter, header, body and sections (the package says what each holds)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import yaml

from articlekit.common.rendering import BlockRenderer
from articlekit.converter import article_to_data
from articlekit.errors import WriteError
from articlekit.formats.markdown.syntax import BREAK, EMPTY_LIST, escape_destination, escape_text, marked_up, safe_link
from articlekit.model import Article, BlockQuote, Heading, ListBlock, Media, MediaRef, Paragraph, Quote, Related
from articlekit.options import OptionSpec
from articlekit.registry import Options

__all__ = [
    "FRONT_MATTER",
    "MarkdownBodyRenderer",
    "MarkdownWriter",
    "dump_front_matter",
    "dumps_markdown",
    "front_matter",
]


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
    if media.url is None or not safe_link(media.url):
        return " ".join([f"**{media.kind.capitalize()} {number}:**", *details])
    target = f"[media-{number}]" if by_reference else f"({escape_destination(media.url)})"
    alt = escape_text(media.alt or media.kind.capitalize())
    first = f"![{alt}]{target}" if media.kind in ("image", "graphic") else f"[{media.kind}: {alt}]{target}"
    return first + ("\\\n" + " ".join(details) if details else "")


def _linkable(media: Media) -> bool:
    return media.url is not None and safe_link(media.url)


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
            return EMPTY_LIST[block.ordered]
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
        if block.url and safe_link(block.url):
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
        parts = [f"# {headline}"] if headline else []  # no bare "#" for an article without one
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
        quotes_info = self.article.extensions.get("quotes")
        in_headline = set(quotes_info.get("headline", ())) if isinstance(quotes_info, dict) else set()
        in_deck = set(quotes_info.get("subheadline", ())) if isinstance(quotes_info, dict) else set()
        for number, quote in enumerate(self.article.quotes, start=1):
            cue_text = quote.cue.text if quote.cue else ""
            # a cue of punctuation alone (a headline's "Speaker: claim") reads as "said"
            cue = escape_text(cue_text) if any(c.isalnum() for c in cue_text) else "said"
            words = f"“{escape_text(quote.text)}”" if quote.kind == "direct" else _emphasis(quote.text)
            line = f"{number}. {self.who(quote)} {cue}: {words}"
            target = _quote_target(quote)
            if target is not None:
                line += f" [¶ {target + 1}](#b{target + 1})"
            elif quote.id in in_headline:
                line += " (in the subheadline)" if quote.id in in_deck else " (in the headline)"
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
