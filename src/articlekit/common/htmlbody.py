"""The shared HTML-body converter: an HTML or XHTML element (or a fragment string) becomes
articlekit body blocks and media.

Every parser that meets HTML in a body uses it: the ``html`` page parser (after it has found
the article's main content), ninjs ``body_html``, a feed's ``content:encoded`` and NewsML-G2
XHTML bodies. The public API is small and stable:

- [`convert_element`][articlekit.common.htmlbody.convert_element]: a parsed lxml element (HTML or
  XHTML, namespaced or not) to a [`Body`][articlekit.common.htmlbody.Body];
- [`convert_html`][articlekit.common.htmlbody.convert_html]: the same from a markup string (a
  fragment or a whole document);
- [`Body`][articlekit.common.htmlbody.Body]: ``blocks`` (Paragraph, Heading, ListBlock, BlockQuote,
  Related, MediaRef) and ``media`` (the figures and images, in order).

What becomes what:

| HTML | block |
|---|---|
| ``p``, text directly in a ``div`` | ``Paragraph`` (``<br><br>`` splits it) |
| ``h1`` to ``h6`` | ``Heading`` with its level |
| ``ul``, ``ol`` | ``ListBlock``, nested lists flattened into the outer one |
| ``blockquote`` | ``BlockQuote`` (``cite`` kept) |
| ``figure``, ``div.photo``, ``img``, ``picture`` | ``Media`` (caption, credit) and a ``MediaRef`` |
| ``pre`` | a ``Paragraph`` with its whitespace kept |
| ``table`` | one ``Paragraph`` per row |
| "Read more: <a>..</a>", a "Related" label and links | ``Related`` with its label and url |
| ``script``, ``style``, ``svg``, forms, hidden elements | nothing |
| ``a href``, ``em``, ``i``, ``strong``, ``b`` in a block | a [`Mark`][articlekit.model.Mark] on its text |

The walk is iterative, so a deeply nested document cannot exhaust Python's stack. Scripts are
never run and nothing is fetched; image and link addresses are only recorded (made absolute
against ``base_url`` when one is given; a link with an unsafe scheme such as ``javascript:`` is
dropped, its text kept).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urljoin

import attrs
from attrs import frozen

from articlekit.common.xmlsafe import CaseBlind, tame_html
from articlekit.common.xmlsafe import html_name as local_name  # HTML names compare in lower case
from articlekit.marks import MARK_TAGS, RawMark, link_href, place_marks
from articlekit.model import (
    Block,
    BlockQuote,
    Heading,
    ListBlock,
    Mark,
    Media,
    MediaKind,
    MediaRef,
    Paragraph,
    Related,
)

__all__ = [
    "RELATED_LABEL",
    "Body",
    "absolute_url",
    "blocks_text",
    "convert_element",
    "convert_html",
    "image_source",
    "local_name",
    "split_caption_credit",
]


@frozen
class Body:
    """A converted body: its blocks and the media they reference."""

    blocks: tuple[Block, ...] = ()
    """The blocks in reading order. A [`MediaRef`][articlekit.model.MediaRef]'s index counts
    from ``media_offset`` (see [`convert_element`][articlekit.common.htmlbody.convert_element])."""
    media: tuple[Media, ...] = ()
    """The figures and images found, in order."""

    @property
    def text(self) -> str:
        """Every block except related links and media, one per line (like ``Article.text``)."""
        return "\n".join(b.text for b in self.blocks if not isinstance(b, (Related, MediaRef)))


# ------------------------------------------------------------------------------ tables of tags

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "button",
        "input",
        "select",
        "option",
        "textarea",
        "form",
        "iframe",
        "object",
        "embed",
        "canvas",
        "map",
        "area",
        "video",
        "audio",
        "source",
        "track",
        "dialog",
    }
)
"""Elements whose content is never body text."""

_BLOCK = frozenset(
    {
        "html",
        "body",
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "address",
        "details",
        "summary",
        "center",
        "fieldset",
        "legend",
        "hr",
        "hgroup",
        "menu",
        "figcaption",
    }
)
"""Elements that end the paragraph before them and start a new one."""

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

RELATED_LABEL = re.compile(
    r"""^\s*[\[(]?\s*(?P<label>
        (?:read|see|watch|listen|click)\s+(?:more|also|next|this)(?:\s+(?:here|stories|articles|news|on\s+this))?
      | read(?:\s+our)?\s+(?:the\s+)?(?:full\s+)?(?:story|article)
      | also\s+(?:read|see|watch|on)
      | more\s+(?:on|about|from|stories|news|reading|coverage)(?:\s+(?:this|the\s+story|this\s+story))?
      | related(?:\s+(?:articles?|stories|story|content|news|coverage|links?|reading|topics?))?
      | (?:you\s+)?(?:may|might)\s+also\s+(?:like|be\s+interested(?:\s+in)?|enjoy)
      | further\s+reading | recommended(?:\s+(?:stories|articles|reading))? | see\s+also | top\s+stories
      | lire\s+aussi | à\s+lire\s+aussi | voir\s+aussi | lesen\s+sie\s+(?:auch|mehr) | mehr\s+zum\s+thema
      | (?:lee|leer|ver|ler|leia|veja)\s+(?:también|tambien|também|mais|más) | leggi\s+anche
      | lees\s+ook | läs\s+också | les\s+også | læs\s+også | czytaj\s+(?:też|także)
      | 関連記事 | 関連ニュース | 相关(?:新闻|阅读|文章|报道) | 相關(?:新聞|閱讀|文章) | 관련\s*기사
      | читайте\s+(?:также|ещё|еще) | смотрите\s+также | по\s+теме | اقرأ\s+أيضا[ًً]?
    )\s*[\])]?\s*(?P<sep>[:|»>\-–—]+|$)""",
    re.IGNORECASE | re.VERBOSE,
)
"""A label that introduces a link to another article: ``Read more:``, ``RELATED:``,
``Also read``, ``Lire aussi``."""

_CREDIT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:credits?|copyright|byline|attribution|photographer|source|author|courtesy)(?:$|[\s_-])", re.I
)
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|captions|description|legend|summary|text)(?:$|[\s_-])", re.I)
_CREDIT_TAIL = re.compile(
    r"""\s*(?:
        [(\[](?P<paren>[^()\[\]]*?(?:photo|foto|image|picture|getty|afp|reuters|\bap\b|epa|shutterstock|
              \bvia\b|credit|courtesy|©|/)[^()\[\]]*)[)\]]
      | (?:(?<=[.!?])|^)\s*(?P<labelled>(?:photo(?:graph)?s?|images?|pictures?|fotos?|credits?|photo\s+credit|
              source|bild|illustration|video)\s*(?:by\s*)?[:/]\s*[^.:]{2,120}?)
      | (?P<copy>(?:©|\(c\)|copyright)\s*[^.]{2,120}?)
      | (?:(?<=[.!?])|^)\s*(?P<byphoto>(?:photo|picture|image)\s+by\s+[^.:]{2,100}?)
    )\s*\.?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_PREFIX = re.compile(
    r"^(?:©|\(c\)|copyright\b)\s*|^(?:photo(?:graph)?s?|images?|pictures?|fotos?|credits?|photo\s+credit|bild)\s*(?:by)?\s*[:/]\s*",
    re.I,
)
_FIGURE_CLASS = re.compile(
    r"(?:^|[-_])(?:image|img|photo|picture|figure|media|wp-caption|inline-image|imagewrap|photo-?wrap|"
    r"img-?wrap|image-?wrap|image-?container|article-?image|story-?image|embed-?image)s?(?:$|[-_])",
    re.I,
)
_FIGURE_NAME = CaseBlind(_FIGURE_CLASS)
_FIGURE_LIKE_TAGS = frozenset({"div", "span", "p", "section", "aside"})
_FIGURE_LIKE_MAX_TEXT = 400
_TRACKER_NAME = re.compile(r"(?:pixel|spacer|blank|tracking|beacon|1x1|transparent)\.(?:gif|png)", re.I)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _hidden(element: Any) -> bool:
    # (the names first: most elements have none of these attributes, and a lookup costs more)
    keys = element.keys()
    if not keys:
        return False
    if "hidden" in keys or ("aria-hidden" in keys and element.get("aria-hidden") == "true"):
        return True
    style = element.get("style") if "style" in keys else None
    if style and "none" in style:
        compact = style.replace(" ", "").lower()
        return "display:none" in compact or "visibility:hidden" in compact
    return False


def _raw_text(element: Any, exclude: Sequence[Any] = (), *, squash: bool = False) -> str:
    """The element's text without scripts and styles (nor the ``exclude`` elements), read
    iteratively. ``br`` gives a newline; with ``squash``, block edges give a space and all
    whitespace runs become one space."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(element, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        name = local_name(node)
        if name in _SKIP or not name or (exclude and node in exclude):
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        if name == "br":
            parts.append("\n")
        elif squash and (name in _BLOCK or name in _HEADINGS):
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        stack.append((node, True))
        for child in list(node)[::-1]:
            stack.append((child, False))
    text = "".join(parts)
    return _squash(text) if squash else text


def _element_text(element: Any, exclude: Sequence[Any] = ()) -> str:
    """The element's visible text, whitespace squashed."""
    return _raw_text(element, exclude, squash=True)


# ------------------------------------------------------------------------------ images


def absolute_url(url: str | None, base_url: str | None) -> str | None:
    """``url`` resolved against ``base_url`` (either may be None); an address urljoin cannot
    read is returned as given."""
    if not url or not base_url:
        return url
    try:
        return urljoin(base_url, url)
    except ValueError:
        return url


def _best_from_srcset(srcset: str) -> str | None:
    best: tuple[float, str] | None = None
    for candidate in srcset.split(","):
        bits = candidate.split()
        if not bits:
            continue
        url = bits[0]
        size = 0.0
        if len(bits) > 1:
            try:
                size = float(bits[1].rstrip("wxWX"))
            except ValueError:
                size = 0.0
        if best is None or size > best[0]:
            best = (size, url)
    return best[1] if best else None


def image_source(img: Any, base_url: str | None = None) -> str | None:
    """The address of an ``img`` (or ``source``) element: ``src``, or the lazy-loading
    attributes pages use instead (``data-src``, ``data-original``, ...), or the largest
    ``srcset`` candidate; ``data:`` URIs are not addresses. Made absolute against ``base_url``."""
    attrib = img.attrib
    url: str | None = None
    for key in ("data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src", "src"):
        value = (attrib.get(key) or "").strip()
        if value and not value.startswith("data:"):
            url = value
            break
    if url is None:
        for key in ("srcset", "data-srcset", "data-lazy-srcset"):
            value = (attrib.get(key) or "").strip()
            if value:
                url = _best_from_srcset(value)
                if url and not url.startswith("data:"):
                    break
                url = None
    if not url:
        return None
    return absolute_url(url, base_url)


def _dimension(value: str | None) -> int | None:
    if not value:
        return None
    match = re.match(r"\s*(\d{1,5})", value)
    return int(match.group(1)) if match else None


def _is_tracker(img: Any, url: str) -> bool:
    width = _dimension(img.get("width"))
    height = _dimension(img.get("height"))
    if (width is not None and width <= 2) or (height is not None and height <= 2):
        return True
    return bool(_TRACKER_NAME.search(url))


def split_caption_credit(caption: str | None) -> tuple[str | None, str | None]:
    """A caption's text and the credit written at its end: ``"Rescuers at work. (AP Photo/Jane
    Doe)"`` gives ``("Rescuers at work.", "AP Photo/Jane Doe")``; ``"Photo: Reuters"`` gives
    ``(None, "Reuters")``."""
    if not caption:
        return None, None
    caption = _squash(caption)
    match = _CREDIT_TAIL.search(caption)
    if match is None:
        return caption or None, None
    credit = next(g for g in match.groups() if g is not None).strip()
    credit = _CREDIT_PREFIX.sub("", credit).strip(" .") or credit
    rest = caption[: match.start()].strip()
    return rest or None, credit or None


def _media_kind(element: Any) -> MediaKind:
    return "video" if any(local_name(e) == "video" for e in element.iter()) else "image"


@functools.lru_cache(maxsize=8192)
def _figure_named(classes: str, ident: str) -> bool:
    """Whether a class or the id names a figure (cached: a page repeats its class names)."""
    return any(_FIGURE_NAME.search(t) for t in f"{classes} {ident}".split())


def _figure_like(element: Any) -> bool:
    """A wrapper named like a figure (``div.photo``, ``div.wp-caption``) holding one image and
    a short text: a figure without the ``figure`` tag."""
    if not _figure_named(element.get("class") or "", element.get("id") or ""):
        return False
    images = 0
    paragraphs = 0
    for node in element.iter():
        name = local_name(node)
        if name == "img":
            images += 1
        elif name in ("p", "li", "h2", "h3", "blockquote"):
            paragraphs += 1
        if images > 1 or paragraphs > 2:
            return False
    return images == 1 and len(_element_text(element)) <= _FIGURE_LIKE_MAX_TEXT


def _figure_media(figure: Any, base_url: str | None) -> Media | None:
    """A ``figure`` (or an element standing for one) as Media, or None when it holds no image."""
    img = None
    sources: list[Any] = []
    caption_parts: list[str] = []
    credit_parts: list[str] = []
    for node in figure.iter():
        name = local_name(node)
        if name == "img" and img is None:
            img = node
        elif name == "source":
            sources.append(node)
    url = image_source(img, base_url) if img is not None else None
    if url is None:
        for source in sources:
            url = image_source(source, base_url)
            if url:
                break
    if url is None and img is None:
        video = next((n for n in figure.iter() if local_name(n) == "video"), None)
        if video is None:
            return None
        url = video.get("poster") or video.get("src")
    captions = [n for n in figure.iter() if local_name(n) == "figcaption"]
    if not captions:
        captions = [
            n
            for n in figure.iter()
            if n is not figure and _CAPTION_CLASS.search(n.get("class") or "") and local_name(n) not in _SKIP
        ][:1]
    for caption in captions:
        credits = _credit_nodes(caption)
        credit_parts.extend(_element_text(c) for c in credits)
        caption_parts.append(_element_text(caption, credits))
    if not captions:
        credit_nodes = _credit_nodes(figure)[:1]
        credit_parts.extend(_element_text(n) for n in credit_nodes)
        if local_name(figure) != "figure":
            # a figure-like wrapper (div.photo): its other text is the caption
            caption_parts.append(_element_text(figure, credit_nodes))
    caption_text = " ".join(p for p in caption_parts if p) or None
    credit = " ".join(dict.fromkeys(_clean_credit(p) for p in credit_parts if p)) or None
    if credit is None:
        caption_text, credit = split_caption_credit(caption_text)
    elif caption_text and credit and caption_text.endswith(credit):
        caption_text = caption_text[: -len(credit)].strip() or None
    if url is None and caption_text is None:
        return None
    return _media(img, absolute_url(url, base_url), caption_text, credit, _media_kind(figure))


def _credit_nodes(container: Any) -> list[Any]:
    """The outermost elements inside ``container`` whose class names a credit."""
    found: list[Any] = []
    for node in container.iter():
        if node is container or not _CREDIT_CLASS.search(node.get("class") or ""):
            continue
        if not any(_is_inside(node, outer) for outer in found):
            found.append(node)
    return found


def _is_inside(node: Any, outer: Any) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent is outer:
            return True
        parent = parent.getparent()
    return False


def _clean_credit(text: str) -> str:
    """``(Image: Jane Doe / Getty Images)`` -> ``Jane Doe / Getty Images``."""
    text = text.strip()
    if text[:1] in "([" and text[-1:] in ")]":
        text = text[1:-1].strip()
    return _CREDIT_PREFIX.sub("", text).strip() or text


def _media(img: Any, url: str | None, caption: str | None, credit: str | None, kind: MediaKind = "image") -> Media:
    """Media for an image element (or None for a figure without one) and what was read around it."""
    attrib = img.attrib if img is not None else {}
    return Media(
        kind=kind,
        url=url,
        caption=caption,
        credit=credit,
        alt=_squash(attrib.get("alt") or "") or None,
        width=_dimension(attrib.get("width")),
        height=_dimension(attrib.get("height")),
    )


# ------------------------------------------------------------------------------ the walk


def _joined(lines: Sequence[str], marks: Sequence[tuple[Mark, ...]], separator: str) -> tuple[str, list[Mark]]:
    """``lines`` joined by ``separator`` (one character), with each line's marks moved along."""
    moved: list[Mark] = []
    offset = 0
    for line, line_marks in zip(lines, marks, strict=True):
        moved.extend(attrs.evolve(m, start=m.start + offset, end=m.end + offset) for m in line_marks)
        offset += len(line) + len(separator)
    return separator.join(lines), moved


class _Collector:
    """Text gathered for a heading, a list item or a block quote until its element ends."""

    __slots__ = ("cite", "kind", "level", "line_marks", "lines", "link_chars", "links")

    def __init__(self, kind: str, level: int = 0, cite: str | None = None) -> None:
        self.kind = kind
        self.level = level
        self.lines: list[str] = []
        self.line_marks: list[tuple[Mark, ...]] = []
        self.links: list[tuple[str, str | None]] = []
        self.link_chars = 0
        self.cite = cite


class _List:
    __slots__ = ("item_marks", "items", "links", "ordered")

    def __init__(self, ordered: bool) -> None:
        self.ordered = ordered
        self.items: list[str] = []
        self.item_marks: list[tuple[Mark, ...]] = []
        self.links: list[tuple[int, list[tuple[str, str | None]]]] = []


class _Walker:
    def __init__(self, base_url: str | None, media_offset: int, related: bool) -> None:
        self.base_url = base_url
        self.media_offset = media_offset
        self.related = related
        self.blocks: list[Block] = []
        self.media: list[Media] = []
        self.buffer: list[str] = []
        # what _line_break needs to know about the buffer, kept as text arrives so that a flood
        # of <br> costs linear time: whether it holds any text, and whether a line break comes
        # after the last of it (with only spaces between)
        self.buffer_has_text = False
        self.after_break = False
        self.muted = False  # the walk is in text a caller left out (see convert_element's mute)
        self.links: list[tuple[str, str | None]] = []
        self.open_links: list[tuple[int, str | None]] = []
        # inline marks: those still open, as [tag, kind (None: not a mark), start (an index in
        # buffer), href, title], and those closed in the buffer, as (mark, start, end) indexes
        self.open_marks: list[list[Any]] = []
        self.closed_marks: list[tuple[Any, int, int, str | None, str | None]] = []
        self.collectors: list[_Collector] = []
        self.lists: list[_List] = []
        self.pending_label: str | None = None

    # -- inline text

    def _text(self, text: str | None) -> None:
        if text and not self.muted:
            # a newline in the source is whitespace in HTML; only <br> breaks a line
            self.buffer.append(text.replace("\r", " ").replace("\n", " ") if "\n" in text or "\r" in text else text)
            if text.strip(" \t\r\n\f\u00a0"):
                self.after_break = False
            if not self.buffer_has_text and text.strip():
                self.buffer_has_text = True

    def _buffer_text(self) -> str:
        raw = "".join(self.buffer)
        # (str.split splits at every white space but the line breaks kept by the first split)
        if "\n" not in raw:
            return " ".join(raw.split())
        return "\n".join(filter(None, [" ".join(line.split()) for line in raw.split("\n")]))

    def _line_break(self) -> None:
        if self.after_break and self.buffer_has_text:
            # a second <br>: the paragraph ends here
            self.flush()
        else:
            self.buffer.append("\n")
            self.after_break = True

    # -- flushing

    def flush(self) -> None:
        """End the current run of inline text: it becomes a paragraph, or a line of the
        innermost heading, list item or block quote."""
        if not self.buffer_has_text:
            # white space at most (most runs, between block elements): no block, no mark; the
            # marks still open go on in the next run, from its start
            for entry in self.open_marks:
                entry[2] = 0
            self.closed_marks = []
            self.buffer = []
            self.after_break = False
            self.links = []
            self.open_links = []
            return
        text = self._buffer_text()
        marks = self._buffer_marks(text) if self.closed_marks or self.open_marks else ()
        links = self.links
        self.buffer = []
        self.buffer_has_text = False
        self.after_break = False
        self.links = []
        self.open_links = []
        if not text:
            return
        link_chars = sum(len(t) for t, _ in links)
        if self.collectors:
            top = self.collectors[-1]
            top.lines.append(text)
            top.line_marks.append(marks)
            top.links.extend(links)
            top.link_chars += link_chars
            return
        self._paragraph(text, links, link_chars, marks)

    def _buffer_marks(self, text: str) -> tuple[Mark, ...]:
        """The marks in the buffer, on ``text`` (the buffer's text); marks still open are cut
        at the buffer's end and go on in the next one."""
        ends = list(itertools.accumulate((len(piece) for piece in self.buffer), initial=0))
        found = [
            RawMark(kind, ends[start], ends[end], href, title) for kind, start, end, href, title in self.closed_marks
        ]
        for entry in self.open_marks:
            if entry[1] is not None:
                found.append(RawMark(entry[1], ends[entry[2]], ends[-1], entry[3], entry[4]))
            entry[2] = 0
        self.closed_marks = []
        placed, marks = place_marks("".join(self.buffer), found)
        return marks if placed == text else ()  # the two squashings agree; never a mark out of place

    def _paragraph(
        self, text: str, links: list[tuple[str, str | None]], link_chars: int, marks: Sequence[Mark] = ()
    ) -> None:
        if self._caption_of_last_image(text):
            return
        if self.related:
            match = RELATED_LABEL.match(text)
            if match is not None:
                rest = text[match.end() :].strip(" :|»>-–—\n")
                if not rest and not links:
                    self._set_pending(match.group("label"))
                    return
                if links and link_chars >= 0.6 * max(1, len(rest)):
                    label = _squash(match.group("label"))
                    self._related(label, links, rest)
                    return
            if self.pending_label is not None and links and link_chars >= 0.8 * len(text):
                self._related(self.pending_label, links, text)
                self.pending_label = None
                return
        self._emit(Paragraph(text, marks=marks))

    def _caption_of_last_image(self, text: str) -> bool:
        """A line right after an image repeating its alt text is the image's caption."""
        if not self.blocks or not isinstance(self.blocks[-1], MediaRef) or len(text) > 300:
            return False
        index = self.blocks[-1].media - self.media_offset
        if not 0 <= index < len(self.media):
            return False
        media = self.media[index]
        if media.alt is None or media.caption is not None or _squash(text).casefold() != media.alt.casefold():
            return False
        self.media[index] = attrs.evolve(media, caption=_squash(text))
        return True

    def _set_pending(self, label: str) -> None:
        self._drop_pending()
        self.pending_label = _squash(label)

    def _drop_pending(self) -> None:
        if self.pending_label is not None:
            self.blocks.append(Paragraph(self.pending_label))
            self.pending_label = None

    def _related(self, label: str | None, links: list[tuple[str, str | None]], fallback: str) -> None:
        titled = [(t, u) for t, u in links if _squash(t)]
        # a bare "Read more" button names no article: nothing to keep
        real = [(t, u) for t, u in titled if not _is_label_only(t)]
        if not real:
            if not titled and fallback and not _is_label_only(fallback):
                self.blocks.append(Related(text=fallback, label=label))
            return
        for text, url in real:
            self.blocks.append(Related(text=_squash(text), label=label, url=self._absolute(url)))

    def _absolute(self, url: str | None) -> str | None:
        return absolute_url(url, self.base_url)

    def _emit(self, block: Block) -> None:
        self._drop_pending()
        self.blocks.append(block)

    # -- elements

    def start(self, element: Any, name: str) -> bool:
        """Handle an opening tag; False when the element's content is to be skipped."""
        if name in _HEADINGS:
            self.flush()
            self.collectors.append(_Collector("heading", level=_HEADINGS[name]))
        elif name in ("ul", "ol", "menu"):
            self.flush()
            if self.collectors and self.collectors[-1].kind == "item" and self.lists:
                self._finish_item(self.collectors[-1])
            if self.lists:
                self.lists.append(self.lists[-1])  # nested: its items join the outer list
            else:
                self.lists.append(_List(ordered=name == "ol"))
        elif name == "li":
            self.flush()
            self.collectors.append(_Collector("item"))
        elif name == "blockquote":
            self.flush()
            cite = element.get("cite")
            self.collectors.append(_Collector("quote", cite=cite))
        elif name == "figure" or (name in _FIGURE_LIKE_TAGS and _figure_like(element)):
            self.flush()
            self._figure(element)
            return False
        elif name in ("img", "picture"):
            self._image(element)
            return False
        elif name == "pre":
            self.flush()
            text = "\n".join(line.rstrip() for line in _raw_text(element).strip("\n").splitlines())
            if text.strip():
                if self.collectors:
                    self.collectors[-1].lines.append(text)
                    self.collectors[-1].line_marks.append(())
                else:
                    self._emit(Paragraph(text))
            return False
        elif name == "br":
            self._line_break()
        elif name == "a":
            href = element.get("href")
            self.open_links.append((len(self.buffer), href.strip() if href else None))
            target = link_href(href, self.base_url)
            title = element.get("title")
            title = _squash(title) or None if title else None
            self.open_marks.append(["a", "link" if target else None, len(self.buffer), target, title])
        elif name in MARK_TAGS:
            self.open_marks.append([name, MARK_TAGS[name], len(self.buffer), None, None])
        elif name in ("td", "th"):
            self.buffer.append(" ")
        elif name in _BLOCK:
            self.flush()
        self._text(element.text)
        return True

    def end(self, element: Any, name: str) -> None:
        """Handle a closing tag."""
        if name in _HEADINGS:
            self.flush()
            collector = self._pop("heading")
            if collector is not None and collector.lines:
                text, marks = _joined(collector.lines, collector.line_marks, " ")
                if self.related and collector.link_chars < 0.5 * len(text) and _is_label_only(text):
                    self._set_pending(text)
                else:
                    self._emit(Heading(text=text, level=collector.level, marks=marks))
        elif name == "li":
            self.flush()
            collector = self._pop("item")
            if collector is not None:
                if self.lists:
                    self._finish_item(collector)
                elif collector.lines:
                    text, marks = _joined(collector.lines, collector.line_marks, " ")
                    self._paragraph(text, collector.links, collector.link_chars, marks)
        elif name in ("ul", "ol", "menu"):
            self.flush()
            if self.lists:
                finished = self.lists.pop()
                if not self.lists or self.lists[-1] is not finished:
                    self._emit_list(finished)
        elif name == "blockquote":
            self.flush()
            collector = self._pop("quote")
            if collector is not None and collector.lines:
                text, marks = _joined(collector.lines, collector.line_marks, "\n")
                self._emit(BlockQuote(text=text, cite=collector.cite, marks=marks))
        elif name == "a":
            if self.open_links:
                start, href = self.open_links.pop()
                text = _squash("".join(self.buffer[start:]))
                if text:
                    self.links.append((text, href))
            self._close_mark(name)
        elif name in MARK_TAGS:
            self._close_mark(name)
        elif name in _BLOCK:
            self.flush()

    def _close_mark(self, tag: str) -> None:
        # the innermost open element of this tag (tolerating broken nesting)
        for index in range(len(self.open_marks) - 1, -1, -1):
            entry = self.open_marks[index]
            if entry[0] == tag:
                del self.open_marks[index]
                if entry[1] is not None and len(self.buffer) > entry[2]:
                    self.closed_marks.append((entry[1], entry[2], len(self.buffer), entry[3], entry[4]))
                return

    def _pop(self, kind: str) -> _Collector | None:
        # tolerate broken nesting: pop down to the innermost collector of this kind
        for index in range(len(self.collectors) - 1, -1, -1):
            if self.collectors[index].kind == kind:
                collector = self.collectors[index]
                inner = self.collectors[index + 1 :]
                del self.collectors[index:]
                for other in inner:
                    collector.lines.extend(other.lines)
                    collector.line_marks.extend(other.line_marks)
                return collector
        return None

    def _finish_item(self, collector: _Collector) -> None:
        if not collector.lines:
            return
        text, marks = _joined(collector.lines, collector.line_marks, " ")
        current = self.lists[-1]
        current.links.append((collector.link_chars, collector.links))
        current.items.append(text)
        current.item_marks.append(tuple(marks))
        collector.lines = []
        collector.line_marks = []
        collector.links = []
        collector.link_chars = 0

    def _emit_list(self, finished: _List) -> None:
        if not finished.items:
            return
        if self.related and self.pending_label is not None:
            all_links = all(
                links and chars >= 0.8 * len(item)
                for item, (chars, links) in zip(finished.items, finished.links, strict=False)
            )
            if all_links:
                label = self.pending_label
                self.pending_label = None
                for item, (_chars, links) in zip(finished.items, finished.links, strict=False):
                    self._related(label, links[:1], item)
                return
        _items, marks = _joined(finished.items, finished.item_marks, "\n")
        self._emit(ListBlock(items=tuple(finished.items), ordered=finished.ordered, marks=marks))

    def _add_media(self, media: Media) -> None:
        self.media.append(media)
        ref = MediaRef(media=self.media_offset + len(self.media) - 1)
        self._drop_pending()
        self.blocks.append(ref)

    def _figure(self, element: Any) -> None:
        media = _figure_media(element, self.base_url)
        if media is not None:
            self._add_media(media)
            return
        # a figure without an image (a pull quote, a table, an embed): keep its text
        text = _element_text(element)
        if text:
            self._emit(Paragraph(text))

    def _image(self, element: Any) -> None:
        img = (
            element
            if local_name(element) == "img"
            else next((n for n in element.iter() if local_name(n) == "img"), element)
        )
        url = image_source(img, self.base_url)
        if url is None and local_name(element) == "picture":
            for source in element.iter():
                if local_name(source) == "source":
                    url = image_source(source, self.base_url)
                    if url:
                        break
        if url is None or _is_tracker(img, url):
            return
        self.flush()
        caption, credit = split_caption_credit(_squash(img.get("title") or "") or None)
        self._add_media(_media(img, url, caption, credit))

    def finish(self) -> Body:
        self.flush()
        while self.collectors:
            collector = self.collectors[-1]
            self.end(None, {"heading": "h2", "item": "li", "quote": "blockquote"}[collector.kind])
        while self.lists:
            self.end(None, "ul")
        self._drop_pending()
        return Body(blocks=tuple(self.blocks), media=tuple(self.media))


def _is_label_only(text: str) -> bool:
    match = RELATED_LABEL.match(text)
    return match is not None and not text[match.end() :].strip(" :|»>-–—")


_NAMES: dict[str, str] = {}
"""Tag -> its name as ``local_name`` gives it, as the walk meets them (a page has few tags)."""
_NAMES_LIMIT = 4096


def _walk(
    element: Any,
    handler: _Walker,
    skip: Any = None,
    enter: Collection[Any] = (),
    mute: Mapping[Any, bool] | None = None,
) -> None:
    """Feed ``element``'s subtree to ``handler`` in document order, without recursion.
    ``skip(element, name)`` may return True for elements to leave out with their content;
    ``enter`` holds elements read although their tag is one never read (a ``form``); ``mute``
    maps elements to whether the text they hold directly (and in their inline elements) is
    left out, their other elements read as usual. Each entry holds a node, its name, whether
    the walk is leaving it, and whether the text around it (its tail) is muted."""
    names = _NAMES
    stack: list[tuple[Any, str, bool, bool]] = [(element, local_name(element), False, False)]
    while stack:
        node, name, leaving, outer_muted = stack.pop()
        if leaving:
            handler.end(node, name)
            handler.muted = outer_muted
            if node is not element:
                handler._text(node.tail)
            continue
        handler.muted = outer_muted
        if (
            not name
            or (name in _SKIP and not (enter and node in enter))
            or _hidden(node)
            or (skip is not None and skip(node, name))
        ):
            if node is not element:
                handler._text(node.tail)
            continue
        muted = mute.get(node, outer_muted) if mute else False
        handler.muted = muted
        if handler.start(node, name):
            stack.append((node, name, True, outer_muted))
            for child in list(node)[::-1]:
                tag = child.tag
                child_name = names.get(tag) if tag.__class__ is str else None
                if child_name is None:
                    child_name = local_name(child)
                    if child_name and len(names) < _NAMES_LIMIT:
                        names[tag] = child_name
                stack.append((child, child_name, False, muted))
        elif node is not element:
            handler.muted = outer_muted
            handler._text(node.tail)


def convert_element(
    element: Any,
    *,
    base_url: str | None = None,
    media_offset: int = 0,
    related: bool = True,
    skip: Any = None,
    enter: Collection[Any] = (),
    mute: Mapping[Any, bool] | None = None,
) -> Body:
    """Convert an lxml element's content (HTML or XHTML, namespaced or not) to body blocks.

    :param element: an ``lxml`` element: a ``<body>``, a ``<div>`` holding the article, an
        XHTML ``<html>``; its own tail is ignored. The tree is not modified.
    :param base_url: where relative image and link addresses are resolved against (not fetched).
    :param media_offset: the number of media the article already has (a lead image), so that
        the returned [`MediaRef`][articlekit.model.MediaRef] indexes point into the article's
        media once ``Body.media`` is appended to them.
    :param related: turn "Read more: ..." links and labelled link lists into
        [`Related`][articlekit.model.Related] blocks (default); False keeps them as text.
    :param skip: ``skip(element, local_name) -> bool``, for callers that leave out more
        (boilerplate); the element's content is dropped, its tail kept.
    :param enter: elements to read although their tag is one whose content is never body text
        (a ``form`` that ASP.NET pages wrap around the whole page, article included).
    :param mute: element -> whether the text it holds directly (outside its block elements) is
        left out; elements not in it inherit from the element around them.
    """
    handler = _Walker(base_url, media_offset, related)
    _walk(element, handler, skip, enter, mute)
    return handler.finish()


def convert_html(
    markup: str,
    *,
    base_url: str | None = None,
    media_offset: int = 0,
    related: bool = True,
) -> Body:
    """Convert an HTML fragment or document string to body blocks (see
    [`convert_element`][articlekit.common.htmlbody.convert_element]). Markup lxml cannot read at all
    becomes its text as paragraphs; an empty string gives an empty Body."""
    if not markup or not markup.strip():
        return Body()
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    markup = tame_html(markup)
    try:
        if re.match(r"\s*(?:<!doctype[^>]*>\s*)?<(?:html|head|body)\b", markup, re.I):
            root = lxml_html.document_fromstring(markup, parser=parser)
        else:
            root = lxml_html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        text = re.sub(r"<[^>]*>", " ", markup)
        paragraphs = [_squash(p) for p in re.split(r"\n\s*\n", text)]
        return Body(blocks=tuple(Paragraph(p) for p in paragraphs if p))
    return convert_element(root, base_url=base_url, media_offset=media_offset, related=related)


def blocks_text(blocks: Iterable[Block] | Sequence[Block]) -> str:
    """The text of blocks as ``Article.text`` gives it (related links and media left out)."""
    return "\n".join(b.text for b in blocks if not isinstance(b, (Related, MediaRef)))
