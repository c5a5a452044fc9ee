"""Which text blocks of a web page are the article: the boilerplate rules, the container
heuristic and a small learned block classifier, over one walk of the page.

The ``html`` parser first finds the article's container by text weight (``_content_root``).
That choice holds on the pages it was written against, but on sites nobody tuned it on it
sometimes picks a footer, a sidebar or an archive's toolbar, or nothing at all in an old table
layout. So every text block of the page (the text a block element such as ``p``, ``li``, ``td``
or ``div`` holds directly) is described by shallow features (its length, link density,
punctuation, tag, position, the class and id words around it, the text density of the region
it sits in, its neighbours', whether the container heuristic kept it, and the vote of
Readability's candidate scoring, ``_readability_vote``) and a logistic model
decides whether it is article text, the page's blocks decided together by a light two-state
sequence decoding (``decode``). The weights ship in ``webbody_model.json``; inference is
a dot product in pure Python.

The model is trained by ``bench/web_train.py`` on public benchmark pages, and judged
leave-one-set-out: trained on all sets but one and scored on the one left out
(``python bench/run.py web``; figures in ``docs/benchmarks.md``). Nothing in it names a site,
a page or a benchmark.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
import re
from collections.abc import Callable, Sequence
from importlib.resources import files
from typing import Any

from attrs import frozen
from lxml import etree

from articlekit.common.htmlbody import _BLOCK, _HEADINGS, _SKIP, RELATED_LABEL, local_name
from articlekit.common.xmlsafe import CaseBlind
from articlekit.formats.html.meta import PageMeta

__all__ = ["FEATURES", "Model", "PageBlocks", "PageWalk", "load_model", "page_blocks", "use_model", "walk_page"]


# --------------------------------------------------------------------------- boilerplate

_BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "header", "menu", "form", "button", "dialog"})
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert"}
)
_BOILERPLATE_WORDS = re.compile(
    r"""^(?:(?:[a-z]{1,2}|js|article|post|entry|story|page|site|single|blog|content|main|td|wp|global)[-_]+)?(?:
        comments?|comment-?list|disqus|respond|replies|
        share|sharing|sharebar|social|socials|sociallinks|follow|
        newsletter|newsletters|subscribe|subscription|signup|sign-?up|optin|paywall|regwall|
        cookie|cookies|consent|gdpr|privacy-?banner|
        related|relatedarticles|recommended|recommendations|recirc|recirculation|
        most-?read|mostread|most-?popular|mostpopular|popular|trending|top-?stories|more-?stories|
        read-?more|readmore|read-?next|readnext|also-?read|more-?from|more-?on|
        promo|promos|promotion|teaser|teasers|ad|ads|advert|advertisement|advertising|adslot|dfp|
        sponsor|sponsored|outbrain|taboola|zergnet|
        sidebar|side-?bar|rail|right-?rail|widget|widgets|
        breadcrumb|breadcrumbs|nav|navbar|navigation|menu|masthead|toolbar|
        footer|site-?footer|site-?header|topbar|
        tags|tag-?list|topics|keywords|
        author-?bio|author-?info|about-?the-?author|byline|bylines|author|authors|
        dateline|timestamp|published|publish-?date|meta-?data|article-?meta|post-?meta|
        caption|figcaption|credit|credits|
        print|pagination|pager|skip|visually-?hidden|sr-?only|screen-?reader|
        modal|popup|overlay|banner|alert|toast|video-?player|audio-?player|jw-?player|gallery-?nav|
        headline|title|kicker|subscribe-?box|inline-?newsletter|corrections?|ticker|marquee|breaking(?:-?news)?
    )(?:$|[-_])""",
    re.I | re.X,
)
"""Class or id words of page furniture, at the start of a class token or the id (after a short
prefix such as ``c-`` or ``article-``)."""
_BOILERPLATE_SEGMENTS = re.compile(
    r"""(?:^|[-_])(?:
        comments?|disqus|share|sharing|sharebar|social|newsletter|subscribe|subscription|signup|
        cookie|cookies|consent|gdpr|related|recommended|recirc|most-?read|mostread|most-?popular|
        promo|teaser|teasers|advert|advertisement|advertising|adslot|sponsor|sponsored|outbrain|taboola|
        byline|breadcrumbs?|caption|captions|figcaption|credit|credits|copyright|timestamp|dateline
    )(?:$|[-_])""",
    re.I | re.X,
)
"""Class or id words of page furniture safe to match anywhere in a token (``media-caption``,
``c-share-bar``)."""
_CONTENT_WORDS = re.compile(
    r"(?:^|[-_])(?:article-?body|articlebody|story-?body|storybody|post-?body|entry-?content|post-?content|"
    r"article-?content|article-?text|story-?content|body-?text|main-?content|rich-?text|text-?body|body)(?:$|[-_])",
    re.I,
)
_COMMENT_NAME = re.compile(r"(?:^|[-_])(?:comments?|comment-?list|disqus|respond|replies)(?:$|[-_])", re.I)
"""Class or id words of readers' comments (``comments``, ``comment-body-12``, ``commentlist``)."""


def _names_comments(element: Any) -> bool:
    return _comment_names(element.get("class") or "", element.get("id") or "")


@functools.lru_cache(maxsize=8192)
def _comment_names(classes: str, ident: str) -> bool:
    """Whether class and id names mark readers' comments (cached: a page's blocks ask it of the
    same few elements around them, and pages repeat their names)."""
    return any(_COMMENT_NAME.search(token) and not _COMMENT_STATE.search(token) for token in (*classes.split(), ident))


_COMMENT_STATE = re.compile(
    r"(?:^|[-_])(?:has|no|open|closed|count|counts|enabled|disabled|allowed|number|link|icon|btn|button)(?:$|[-_])",
    re.I,
)
"""A word that makes a comment-named token a state or a control (`comments-open`, `has-comments`,
`comment-count`), not the thread itself (review rv14c)."""


_KEEP_TAGS = frozenset({"html", "body", "main", "article", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})


def is_boilerplate(element: Any, name: str) -> bool:
    """True for page furniture: navigation, share bars, newsletters, cookie notices, comments,
    footers, most-read lists, teasers, bylines and dates (read as metadata instead)."""
    if name in _BOILERPLATE_TAGS:
        return True
    role = element.get("role")
    if role and role.lower() in _BOILERPLATE_ROLES:
        return True
    if name in _KEEP_TAGS:
        return False
    classes = element.get("class")
    ident = element.get("id")
    if not classes and not ident:
        return False
    return _furniture_names(classes or "", ident or "")


@functools.lru_cache(maxsize=8192)
def _furniture_names(classes: str, ident: str) -> bool:
    """Whether class and id names mark furniture (pages repeat the same few names, so cached)."""
    tokens = classes.split()
    if ident:
        tokens.append(ident)
    marks = [name_marks(t) for t in tokens]
    if any(content for content, _ in marks):
        return False
    return any(furniture for _, furniture in marks)


@functools.lru_cache(maxsize=65536)
def name_marks(token: str) -> tuple[bool, bool]:
    """(content, furniture): whether one class or id token names the article's text
    (``_CONTENT_WORDS``) or page furniture (``_BOILERPLATE_WORDS``, ``_BOILERPLATE_SEGMENTS``).
    Cached by token: pages combine the same few tokens in many ways, and give ids that are
    unique to them (``post-1234``)."""
    content = _CONTENT_NAME.search(token)
    furniture = _FURNITURE_NAME.search(token) or _FURNITURE_SEGMENT.search(token)
    return content, furniture


_CONTENT_NAME = CaseBlind(_CONTENT_WORDS)
_FURNITURE_NAME = CaseBlind(_BOILERPLATE_WORDS)
_FURNITURE_SEGMENT = CaseBlind(_BOILERPLATE_SEGMENTS)


def _text_size(element: Any) -> int:
    """The length of all the text under ``element`` (its own tail left out), as ``itertext``
    gives it, serialised in C: far cheaper than joining ``itertext`` in Python."""
    try:
        return len(etree.tostring(element, method="text", encoding=str, with_tail=False))
    except (ValueError, etree.LxmlError):
        return 0


class _Furniture:
    """Boilerplate by tag, role and class, but never an element holding a large share of the
    text: a template's "paywall" or "sidebar" wrapper around the whole article stays."""

    def __init__(self, scope: Any, share: float = 0.3) -> None:
        self.scope = scope
        self.share = share
        self.limit: float | None = None
        """The most text a boilerplate element may hold and go (measured when first asked: most
        pages ask on no element)."""

    def __call__(self, element: Any, name: str) -> bool:
        if name not in _BOILERPLATE_TAGS and not element.attrib:
            return False  # (boilerplate by role, class or id needs attributes)
        return is_boilerplate(element, name) and self.holds_little(element)

    def holds_little(self, element: Any) -> bool:
        """Whether ``element`` (boilerplate) holds too little of the text to stay."""
        if self.limit is None:
            self.limit = self.share * _text_size(self.scope)
        return _text_size(element) < self.limit


# --------------------------------------------------------------------------- finding the body

_BLOCKISH = frozenset(
    {
        "p",
        "li",
        "pre",
        "blockquote",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "div",
        "section",
        "article",
        "main",
        "body",
        "table",
        "ul",
        "ol",
        "dl",
        "figure",
        "figcaption",
        "center",
    }
)
"""The block elements the container heuristic weighs: the text of another block (a table's row
or cell, an ``address``, a ``header``) is weighed with that of the nearest of these around it
(a data table's rows as one text, not as many short ones)."""
_PROSE_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "img", "picture"})
_PRUNE_BELOW = -20.0
_DESCEND_SHARE = 0.7
_SIBLING_SHARE = 0.2
_HINT_FALLBACK_SHARE = 0.3
_JOINED_TAGS = _PROSE_TAGS | {"ul", "ol", "dl", "table"}
_STRIPPED = ("script", "style", "noscript", "template", "svg", "link", "meta", "iframe", "object", "embed", "canvas")
_WORD = re.compile(r"\w+")
_MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|ul|li|figure|blockquote)\b[^>]*>", re.I)
_SENTENCE_MARK = re.compile(r"[.!?。！？؟]")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class _Scorer:
    """The container heuristic: the weight of every text block of the walked page, summed into
    the block elements around it (``read``), and the element they choose (``best``)."""

    def __init__(self, article_body: str | None) -> None:
        self.hint = _norm(article_body) if article_body and len(article_body) > 200 else None
        self.totals: dict[Any, float] = {}
        self.junk: set[Any] = set()

    def weight(self, text: str, link_chars: int) -> float:
        value = self._plain_weight(text, link_chars)
        if self.hint is not None:
            probe = _norm(text)
            if len(probe) >= 12:
                key = probe[:60]
                if key in self.hint or (len(probe) > 60 and probe[-60:] in self.hint):
                    return max(value, float(len(text))) * 2.0
                # a page's articleBody is often cut short: text beyond it still counts, less
                return value * 0.3 if value > 0 else value
        return value

    @staticmethod
    def _plain_weight(text: str, link_chars: int) -> float:
        length = len(text)
        if length == 0:
            return 0.0
        density = link_chars / length
        if density > 0.5:
            return -float(length)
        if length < 25:
            return -2.0
        sentences = _SENTENCE_MARK.search(text) is not None
        # (a long run without spaces is prose in scripts that do not space words)
        if length < 80 and not sentences and len(text.split()) < 4:
            return -3.0
        # prose: long, with sentences; weight grows with the text, shrinks with its links
        bonus = 1.5 if sentences else 0.6
        return length * bonus * (1.0 - density)

    def read(self, walk: PageWalk) -> None:
        """Weigh the walked page's text blocks outside page furniture (``_Block.in_furniture``)
        and sum the weights into ``totals`` bottom-up over the block elements (each one's total
        handed once to the block element around it). A block element that is not one of
        ``_BLOCKISH`` (a table's row, a layout cell, an ``address``) has its text weighed with
        that of the nearest ``_BLOCKISH`` element around it (a data table's rows as one text).
        A text mostly of links is junk."""
        # each weighed element's text: its own block's, and those of the blocks inside it that are
        # not weighed on their own, in document order
        texts: dict[Any, list[Any]] = {}  # weighed element -> [its texts, their link chars]
        owners: dict[Any, Any] = {}  # block element -> the weighed element its text goes to
        parents = walk.parents
        names = _TAG_NAMES
        for block in walk.found:
            if block.in_furniture:
                continue
            element = block.element
            owner = element
            if block.tag not in _BLOCKISH:
                # the nearest weighed element around it (memoised: each climb stops at an element
                # whose answer is known)
                chain = []
                node, found = element, None
                while node is not None:
                    if node in owners:
                        found = owners[node]
                        break
                    chain.append(node)
                    parent = parents.get(node)
                    if parent is not None and (names.get(parent.tag) or local_name(parent)) in _BLOCKISH:
                        found = parent
                        break
                    node = parent
                for seen in chain:
                    owners[seen] = found
                if found is not None:
                    owner = found
            entry = texts.get(owner)
            if entry is None:
                texts[owner] = [[block.parts[0]], block.links]
            else:
                entry[0].append(block.parts[0])
                entry[1] += block.links
        if not texts:
            return
        weights: dict[Any, float] = {}
        junk = self.junk
        for element, (parts, links) in texts.items():
            text = parts[0] if len(parts) == 1 else " ".join(parts)
            value = weights[element] = self.weight(text, links)
            if value <= -len(text) * 0.9 and links > 0.5 * len(text) and not RELATED_LABEL.match(text):
                junk.add(element)
        totals = self.totals
        below: dict[Any, float] = {}  # block element -> the weights inside it summed so far
        # (the region lists the block elements in the order they opened: reversed, each comes
        # after every block element inside it); only weighed and _BLOCKISH elements keep their
        # totals, a table's row or cell hands its own on
        for element in reversed(walk.region):
            own = weights.get(element)
            total = below.pop(element, None)
            if own is not None:
                totals[element] = total = own if total is None else total + own
            elif total is None:
                continue
            elif (names.get(element.tag) or local_name(element)) in _BLOCKISH:
                totals[element] = total
            parent = parents.get(element)
            if parent is not None:
                below[parent] = below.get(parent, 0.0) + total

    def best(self, root: Any) -> tuple[Any, set[Any] | None]:
        """The article's element, and which of its children to keep (None: all of them).

        The element with the largest total, or the deepest descendant holding most of that
        total, so that a sidebar's bit of prose cannot pull the choice up to the page's wrapper."""
        if not self.totals:
            return root, None
        # (of elements tied, the first in ``totals``: the innermost of a chain of wrappers)
        best_node = max(self.totals, key=self.totals.__getitem__)
        best_score = self.totals[best_node]
        if best_score <= 0:
            return root, None
        node = best_node
        while True:
            child = max((c for c in node if c in self.totals), key=lambda c: self.totals[c], default=None)
            if child is None or self.totals[child] < _DESCEND_SHARE * best_score or local_name(child) in _JOINED_TAGS:
                break
            node = child
        parent = node.getparent()
        if node is best_node or parent is None:
            return node, None
        # a standfirst or the rest of an article split around an ad: siblings of some weight
        floor = max(50.0, _SIBLING_SHARE * best_score)
        keep = {
            c
            for c in parent
            if c is node
            or self.totals.get(c, 0.0) >= floor
            # the paragraphs and lists beside it belong to the same text (it was one of them)
            or (local_name(c) in _JOINED_TAGS and self.totals.get(c, 0.0) > 0)
        }
        return (parent, keep) if len(keep) > 1 else (node, None)


def _content_root(root: Any, meta: PageMeta) -> tuple[Any, set[Any] | None, _Scorer, PageWalk]:
    """The container heuristic's answer (the element, which of its children to keep), its
    scores, and the walk over the page that both it and the block classifier read."""
    body = root.find("body")
    start = body if body is not None else root
    scorer = _Scorer(meta.article_body)
    walk = walk_page(start, classifier_in_use())
    scorer.read(walk)
    container, keep = scorer.best(start)
    return container, keep, scorer, walk


MODEL_FILE = "webbody_model.json"

BLOCK_TAGS = (_BLOCK - {"html", "thead", "tbody", "tfoot", "hr"}) | set(_HEADINGS) | {"pre", "figure", "td", "th"}
"""Elements whose directly held text is one block (as the converter reads it)."""

_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "header", "menu"})
_FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert"}
)
"""Roles of page furniture (the same as ``formats.html``'s boilerplate roles)."""
_ARTICLE_TAGS = frozenset({"article", "main"})
_ENTERED = frozenset({"form"})
_CELLS = frozenset({"td", "th"})
_NOT_WALKED = _SKIP - _ENTERED
_FIXED = re.compile(r"position\s*:\s*fixed", re.I)
_FURNITURE_SHARE = 0.3
"""Tags the converter never reads but which may wrap a whole page (ASP.NET's ``form``): their
blocks are scored, and the converter enters the ones around a kept block."""
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_END = re.compile(r"[.!?。！？؟](?:\s|$)")
_COPYRIGHT = re.compile(r"©|&copy;|\bcopyright\b|\ball rights reserved\b", re.I)


def _says_copyright(text: str) -> bool:
    """``_COPYRIGHT.search(text)``, six times cheaper: most blocks hold none of the plain
    substrings every match needs (its letters c, o, p, y, r, a, l fold only to themselves, so
    ``str.lower`` finds every spelling the case-blind pattern does), and skip the pattern's
    scan of every position."""
    lowered = text.lower()
    if "©" in text or "&" in text or "copyr" in lowered or "all r" in lowered:
        return _COPYRIGHT.search(text) is not None
    return False


_DATE_LIKE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[:/.]\d{2}\b")

FEATURES = (
    "bias",
    "log_chars",
    "log_words",
    "link_density",
    "link_heavy",
    "log_chars_x_link_density",
    "sentence_ends",
    "sentence_share",
    "commas",
    "mean_word",
    "digits",
    "copyright",
    "date_like",
    "heuristic",
    "furniture_name",
    "content_name",
    "furniture_tag",
    "in_furniture",
    "article_tag",
    "tag_p",
    "tag_heading",
    "tag_li",
    "tag_td",
    "tag_div",
    "position",
    "share",
    "region_share",
    "region_link_density",
    "outer_share",
    "outer_link_density",
    "depth",
    "hint",
    "hint_present",
    "prev_log_chars",
    "prev_link_density",
    "prev_heuristic",
    "next_log_chars",
    "next_link_density",
    "next_heuristic",
    "heuristic_x_log_chars",
    "heuristic_x_link_density",
    "vote_ancestor",
    "vote_inside_top",
    "vote_inside_sibling",
)
"""The features of a block, in the order of the model's weights."""


@functools.lru_cache(maxsize=16384)
def _class_names(classes: str) -> tuple[bool, bool, bool]:
    """(content words, furniture words, says "articlebody") of a class attribute, cached: pages
    repeat their class attributes (an id, often unique to its page, is looked up on its own,
    through ``formats.html.name_marks``' cache of single words)."""

    marks = [name_marks(t) for t in classes.split()]
    return (
        any(content for content, _ in marks),
        any(furniture for _, furniture in marks),
        "articlebody" in classes.lower(),
    )


_NO_NAMES = (False, False, False)

_Flags = tuple[bool, bool, bool, bool, tuple[Any, ...]]
"""furniture name, content name, furniture tag, article tag, furniture around."""


class PageBlocks:
    """The text blocks of a page, in document order, with their features (an empty row for a
    block shorter than [`MIN_CHARS`][articlekit.formats.html.body.MIN_CHARS] unless every row was asked
    for: the model leaves such a block as the heuristic decided)."""

    def __init__(self) -> None:
        self.elements: list[Any] = []
        self.texts: list[str] = []
        self.features: list[list[float]] = []
        self.heuristic: list[bool] = []
        """Whether the container heuristic kept each block."""

    def __len__(self) -> int:
        return len(self.elements)


class _Block:
    __slots__ = (
        "around",
        "article",
        "content",
        "depth",
        "element",
        "furniture",
        "heuristic",
        "in_furniture",
        "links",
        "order",
        "parts",
        "tag",
        "tag_f",
    )

    def __init__(
        self, element: Any, tag: str, depth: int, flags: _Flags, order: int, text: str = "", links: int = 0
    ) -> None:
        self.element = element
        self.order = order
        self.tag = tag
        self.depth = depth
        self.furniture, self.content, self.tag_f, self.article, self.around = flags
        self.heuristic = False
        self.in_furniture = False
        self.parts: list[str] = [text] if text else []
        self.links = links


def _hidden_style(style: str) -> bool:
    """A ``style`` that hides the element (as ``htmlbody._hidden`` reads it)."""
    compact = style.replace(" ", "").lower()
    return "display:none" in compact or "visibility:hidden" in compact


def _layout_cell(node: Any) -> bool:
    """A table cell holding blocks or line breaks (a layout cell) is a block; the cells of a
    data table are read as one row."""
    for child in node:
        if isinstance(child.tag, str):
            name = local_name(child)
            if name in BLOCK_TAGS or name == "br":
                return True
    return False


class PageWalk:
    """What the one walk over a page's body found, for both steps that choose the body: its text
    blocks (weighed by the container heuristic, ``_Scorer.read``) and, when asked for, the same
    blocks for the classifier, with what their features need."""

    def __init__(self, start: Any) -> None:
        self.start = start
        self.found: list[_Block] = []
        """The page's text blocks in document order."""
        self.blocks: list[_Block] | None = None
        """The same for the classifier (None: not asked for, or the page is too large)."""
        self.region: dict[Any, list[int]] = {}
        """Block element -> [chars, link chars] of the blocks in its whole subtree (the block
        elements in the order they opened; only those holding some text)."""
        self.parents: dict[Any, Any] = {}
        """Block element -> the block element around it (for every block element holding text,
        and some without)."""


def classifier_in_use() -> bool:
    """Whether a model or an observer is in use: the walk then gathers the classifier's blocks
    (and drops them when the page is too large for it, see ``walk_page``)."""
    return current_model() is not None or bool(_observers)


def wants_blocks(start: Any) -> bool:
    """Whether the classifier will review this page (a model or an observer is in use, and the
    page is not too large for it: at most ``MAX_ELEMENTS`` elements): what ``walk_page`` finds
    out as it walks."""
    if not classifier_in_use():
        return False
    return next(itertools.islice(start.iter(), MAX_ELEMENTS, None), None) is None


_NOTED = frozenset({"class", "id", "role", "style", "hidden", "aria-hidden", "itemprop"})
"""The attributes the walk reads: an element with none of them says no more than one without
attributes."""

_TAG_NAMES: dict[str, str] = {}
"""Tag -> its local name (``local_name``), as the walk meets them."""
_TAG_NAMES_LIMIT = 4096


@functools.cache
def _telling_tags() -> frozenset[str]:
    """The tags that change how the walk reads an element even without attributes: page
    furniture, the article's own, and those the walk never reads."""

    return _BOILERPLATE_TAGS | _NOT_WALKED | _FURNITURE_TAGS | _ARTICLE_TAGS


_ORDER = operator.attrgetter("order")
"""A block's place among the blocks, in the order they opened."""


def walk_page(start: Any, classify: bool = True) -> PageWalk:
    """Walk ``start`` (the page's ``body``) once, gathering its text blocks (the text a block
    element holds directly, hidden elements and those never read left out, page furniture kept
    but marked) with the flags and region sizes the classifier's features need, and the link
    characters the container heuristic's weights need (``_Scorer.read`` weighs these blocks
    after the walk: ``PageWalk.found``). The classifier's blocks (``PageWalk.blocks``;
    ``page_blocks`` adds the heuristic's answer) are given only with ``classify`` and when
    ``start`` holds at most ``MAX_ELEMENTS`` elements (``wants_blocks``; the walk counts them as
    it goes).

    lxml's ``iterwalk`` drives the walk (its start and end events, in C; a subtree nobody reads
    is skipped whole), and an element without attributes whose tag says nothing
    (not one of ``_telling_tags``) is read as the element around it without looking further."""

    telling = _telling_tags()
    names = _TAG_NAMES
    walk = PageWalk(start)
    blocks: list[_Block] = []
    region = walk.region
    parents = walk.parents
    furniture_size: dict[Any, int] = {}  # furniture element -> chars of its blocks
    # per open block: [element, name, depth, flags, order, text parts, link chars, region sizes];
    # a _Block is made when it closes holding text (most hold none)
    open_blocks: list[list[Any]] = []
    opened = 0
    in_link = 0
    unlinked = 0  # the characters of the blocks' text outside links (each block's at least 0)
    # per open element: its name, whether it is read (False: its subtree skipped), its flags, its
    # block, and the flags of the element around it
    frames: list[tuple[str, bool, _Flags, list[Any] | None, _Flags]] = []
    inside_flags: _Flags = (False, False, False, False, ())  # the innermost open element's
    walker = etree.iterwalk(start, events=("start", "end"))
    skip_subtree = walker.skip_subtree
    elements = 0  # the elements of start.iter(): those walked, and those of the subtrees skipped
    leaf = None  # the last leaf read whole when it opened (its end comes next)
    for event, node in walker:
        if event == "start":
            elements += 1
            tag = node.tag
            name = names.get(tag)
            if name is None:
                name = local_name(node)
                if tag.__class__ is str and len(names) < _TAG_NAMES_LIMIT:
                    names[tag] = name
            if not len(node) and (name not in BLOCK_TAGS or name in _CELLS) and open_blocks and node is not start:
                # a leaf opening no block (most of the page's elements: a link's text, an image, a
                # line break, a data table's cell): only whether it is read matters (what its names
                # or role say would mark the blocks inside it, and it holds none); its text and the
                # text after it now, its end passed over
                leaf = node
                inner = open_blocks[-1]
                if name and name not in _NOT_WALKED:
                    keys = node.keys()
                    if keys and (
                        "hidden" in keys
                        or ("aria-hidden" in keys and node.get("aria-hidden") == "true")
                        or ("style" in keys and "none" in (style := node.get("style") or "") and _hidden_style(style))
                    ):
                        name = ""  # hidden: left out
                    else:
                        if name == "br" or name in _CELLS:
                            inner[5].append(" ")  # (a data table's cells are spaced)
                        text = node.text
                        if text:
                            inner[5].append(text)
                            if in_link or name == "a":
                                inner[6] += len(text.strip())
                        tail = node.tail
                        if tail:
                            inner[5].append(tail)
                            if in_link:
                                inner[6] += len(tail.strip())
                        continue
                # not read: only the text after it counts, none of it as a link's
                tail = node.tail
                if tail:
                    inner[5].append(tail)
                continue
            flags = around_flags = inside_flags
            read = False
            if not name:
                pass
            elif node is start:
                read = name not in _NOT_WALKED
            elif name not in telling and _NOTED.isdisjoint(keys := node.keys()):
                # nothing to say about it: read as the element around it (which is read: the
                # subtree of an element not read is skipped)
                read = True
            elif name not in _NOT_WALKED:
                # what the element's attributes say (each looked up only when the element has
                # it: a lookup costs more than reading the names)
                if name in telling:
                    keys = node.keys()
                get = node.get
                style = get("style") if "style" in keys else None
                # hidden (as htmlbody._hidden reads it): left out with its subtree
                if not (
                    keys
                    and (
                        "hidden" in keys
                        or ("aria-hidden" in keys and get("aria-hidden") == "true")
                        or (style and "none" in style and _hidden_style(style))
                    )
                ):
                    read = True
                    named = named_furniture = named_content = role_furniture = False
                    if keys:
                        classes = get("class") if "class" in keys else None
                        ident = get("id") if "id" in keys else None
                        if classes or ident:
                            # what the class and id words say, as is_boilerplate reads them
                            content_words, named_furniture, article_body = (
                                _class_names(classes) if classes else _NO_NAMES
                            )
                            if ident:
                                id_content, id_furniture = name_marks(ident)
                                content_words = content_words or id_content
                                named_furniture = named_furniture or id_furniture
                            named_content = content_words or article_body
                            named = named_furniture and not content_words
                        if "role" in keys:
                            role = get("role")
                            role_furniture = bool(role) and role.lower() in _FURNITURE_ROLES
                    furniture_, content, tag_f, article, around = flags
                    changed = False
                    if (named_furniture and not furniture_) or (named_content and not content):
                        furniture_ = furniture_ or named_furniture
                        content = content or named_content
                        changed = True
                    if role_furniture and not tag_f:
                        tag_f = changed = True
                    if not article and "itemprop" in keys and get("itemprop") == "articleBody":
                        article = changed = True
                    if name in _FURNITURE_TAGS and not tag_f:
                        tag_f = changed = True
                    if name in _ARTICLE_TAGS and not article:
                        article = changed = True
                    # furniture around (is_boilerplate, or pinned to the window)
                    if (
                        name in _BOILERPLATE_TAGS
                        or role_furniture
                        or (named and name not in _KEEP_TAGS)
                        or (style and "fixed" in style and _FIXED.search(style) is not None)
                    ):
                        around = (*around, node)
                        furniture_size[node] = 0
                        changed = True
                    if changed:
                        flags = (furniture_, content, tag_f, article, around)
            block = None
            if read:
                if name in BLOCK_TAGS and (name not in _CELLS or _layout_cell(node)):
                    if not len(node) and node is not start:
                        # a block without children (a paragraph of plain text, a heading): read
                        # whole now, as its end would, and its end passed over; one without text
                        # is left out of the region and the parents (nothing reads it there)
                        text = node.text
                        if text:
                            links = len(text.strip()) if in_link else 0
                            text = " ".join(text.split())
                            if text:
                                chars = len(text)
                                region[node] = [chars, links]
                                if open_blocks:
                                    parents[node] = open_blocks[-1][0]
                                blocks.append(_Block(node, name, len(open_blocks), flags, opened, text, links))
                                if chars > links:
                                    unlinked += chars - links
                                for element in flags[4]:
                                    furniture_size[element] += max(0, chars - links)
                                if open_blocks:
                                    outer = open_blocks[-1][7]
                                    outer[0] += chars
                                    outer[1] += links
                        opened += 1
                        tail = node.tail
                        if tail and open_blocks:
                            inner = open_blocks[-1]
                            inner[5].append(tail)
                            if in_link:
                                inner[6] += len(tail.strip())
                        leaf = node
                        continue
                    sizes = region[node] = [0, 0]
                    block = [node, name, len(open_blocks), flags, opened, [], 0, sizes]
                    opened += 1
                    if open_blocks:
                        parents[node] = open_blocks[-1][0]
                    open_blocks.append(block)
                else:
                    if (name == "br" or name in _CELLS) and open_blocks:
                        # (a data table's cells are spaced)
                        open_blocks[-1][5].append(" ")
                if name == "a":
                    in_link += 1
                text = node.text
                if text and open_blocks:
                    inner = open_blocks[-1]
                    inner[5].append(text)
                    if in_link:
                        inner[6] += len(text.strip())
            else:
                skip_subtree()
                if len(node):  # (a leaf, most of them: itself alone)
                    elements += sum(1 for _ in node.iter()) - 1
                if node is not start:
                    # its end comes next: only the text after it counts, none of it as a link's
                    tail = node.tail
                    if tail and open_blocks:
                        open_blocks[-1][5].append(tail)
                    leaf = node
                    continue
            frames.append((name, read, flags, block, around_flags))
            inside_flags = flags
            continue
        # leaving the element: then the text after it, for the block around it (an element not
        # read: only that text counts, none of it as a link's)
        if node is leaf:
            continue  # (read whole when it opened)
        name, read, flags, block, inside_flags = frames.pop()
        tail = node.tail if node is not start else None
        if not read:
            if tail and open_blocks:
                open_blocks[-1][5].append(tail)
            continue
        if name == "a":
            in_link -= 1
        if block is not None:
            open_blocks.pop()
            parts = block[5]
            text = " ".join("".join(parts).split()) if parts else ""
            sizes = block[7]  # (its inner blocks' sizes are in: added when they closed)
            if text:
                links = block[6]
                blocks.append(_Block(node, name, block[2], flags, block[4], text, links))
                chars = len(text)
                if chars > links:
                    unlinked += chars - links
                sizes[0] += chars
                sizes[1] += links
                for element in flags[4]:
                    furniture_size[element] += max(0, chars - links)
            if not sizes[0]:
                del region[node]  # (no text in it: no block's features or weight reads it)
            elif open_blocks:
                outer = open_blocks[-1][7]
                outer[0] += sizes[0]
                outer[1] += sizes[1]
        if tail and open_blocks:
            inner = open_blocks[-1]
            inner[5].append(tail)
            if in_link:
                inner[6] += len(tail.strip())
    # a block is finished when its element closes: put them back in the order they opened
    blocks.sort(key=_ORDER)
    if furniture_size:
        # (text outside links: a sidebar of link lists must not make the article's share look small)
        limit = _FURNITURE_SHARE * unlinked
        # the furniture elements holding little of the page's own text, each measured once (the
        # blocks inside one share its answer)
        small = {element for element, size in furniture_size.items() if size < limit}
        if small:
            for b in blocks:
                # inside page furniture (by tag, role or name) holding little of the page's own text
                # (most blocks are inside none: False, as made)
                if b.around:
                    b.in_furniture = not small.isdisjoint(b.around)
    walk.found = blocks
    if classify and elements <= MAX_ELEMENTS:
        walk.blocks = blocks
    return walk


def page_blocks(
    walk: PageWalk,
    container: Any,
    heuristic_skip: Callable[[Any, str], bool],
    hint: str | None,
    every_row: bool = True,
) -> PageBlocks:
    """The classifier's text blocks of a walked page and their features (with ``every_row``
    false, only those of the blocks the model judges).

    ``container`` and ``heuristic_skip`` are the container heuristic's answer (the element it
    chose, and what it leaves out inside it); ``hint`` the page's JSON-LD articleBody. A block
    is one the heuristic kept when it sits in ``container`` and neither it nor an element
    between them is left out (only blocks, the elements never read that the classifier enters,
    and elements with attributes can be)."""
    blocks = walk.blocks if walk.blocks is not None else []
    start = walk.start
    kept: dict[Any, bool] = {start: start is container}
    for block in blocks:
        climbed: list[Any] = []
        node = block.element
        while node not in kept:
            climbed.append(node)
            node = node.getparent()
        heuristic = kept[node]
        for node in climbed[::-1]:
            if node is container:
                heuristic = True
            elif heuristic:
                name = local_name(node)
                if (node.attrib or name in BLOCK_TAGS or name in _ENTERED) and heuristic_skip(node, name):
                    heuristic = False
            kept[node] = heuristic
        block.heuristic = heuristic
    return _features(blocks, walk.region, walk.parents, hint, every_row)


_VOTE_MIN = 25
"""Paragraphs shorter than this give no vote (as readability's scoring skips them)."""
_VOTE_PARAGRAPHS = frozenset({"p", "pre", "td"})
_VOTE_LEAVES = frozenset({"div", "section", "article", "center"})
_VOTE_TAGS = {
    "div": 5.0,
    "pre": 3.0,
    "td": 3.0,
    "blockquote": 3.0,
    "address": -3.0,
    "ol": -3.0,
    "ul": -3.0,
    "dl": -3.0,
    "dd": -3.0,
    "dt": -3.0,
    "li": -3.0,
    "form": -3.0,
    "th": -5.0,
    **dict.fromkeys(_HEADING_TAGS, -5.0),
}
_VOTE_NEGATIVE = re.compile(
    r"hidden|banner|combx|comment|com-|contact|foot|masthead|media|meta|outbrain|promo|related|scroll|"
    r"shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget",
    re.I,
)
_VOTE_POSITIVE = re.compile(r"article|body|content|entry|hentry|main|page|pagination|post|text|blog|story", re.I)
_NO_VOTE = (0.0, 0.0, 0.0)


@functools.lru_cache(maxsize=16384)
def _name_vote(name: str) -> float:
    """Readability's class or id weight: -25 for furniture words, +25 for content words."""
    return (-25.0 if _VOTE_NEGATIVE.search(name) else 0.0) + (25.0 if _VOTE_POSITIVE.search(name) else 0.0)


@frozen
class _Vote:
    """The outcome of Readability's candidate scoring on a page (see ``_readability_vote``)."""

    scores: dict[Any, float]
    """Candidate element -> its score (scaled by one minus its link density)."""
    top: Any
    """The top candidate: the article's container by this scoring."""
    best: float
    """The top candidate's score (above 0)."""
    joined: frozenset[Any]
    """The siblings of the top candidate that it takes in."""


def _readability_vote(blocks: list[_Block], region: dict[Any, list[int]], parents: dict[Any, Any]) -> _Vote | None:
    """Readability's (Arc90's) candidate scoring, which ``readability-lxml`` also follows, over
    the walk's blocks: every paragraph outside furniture (a ``p``, ``pre``, ``td``, or a ``div``
    holding no other block) of at least 25 characters gives ``2 + commas + min(chars / 100, 3)``
    to the element around it and half that to the next one out (elements around, read as block
    elements); a candidate starts from its tag's weight and its class and id words' (plus or
    minus 25), and its total is scaled by one minus its link density. The top candidate is the
    article's container, and the siblings of some weight beside it join it. None when no
    candidate scores above 0."""
    scores: dict[Any, float] = {}
    for block in blocks:
        text = block.parts[0]
        chars = len(text)
        if chars < _VOTE_MIN or (block.furniture and not block.content) or block.tag_f:
            continue
        if block.around and any(_names_comments(e) for e in block.around):
            continue  # (in readers' comments, whatever the comment's own wrapper is named)
        element = block.element
        tag = block.tag
        if tag not in _VOTE_PARAGRAPHS and not (tag in _VOTE_LEAVES and region[element][0] == chars):
            continue
        vote = 2.0 + text.count(",") + min(chars / 100.0, 3.0)
        parent = parents.get(element)
        for candidate, share in ((parent, 1.0), (parents.get(parent) if parent is not None else None, 0.5)):
            if candidate is None:
                break
            if candidate not in scores:
                scores[candidate] = _initial_vote(candidate)
            scores[candidate] += vote * share
    if not scores:
        return None
    for candidate, score in scores.items():
        chars, links = region[candidate]
        scores[candidate] = score * (1.0 - min(1.0, links / chars)) if chars else score
    top, best = max(scores.items(), key=operator.itemgetter(1))
    if best <= 0:
        return None
    # the siblings Readability appends to the top candidate
    joined: set[Any] = set()
    parent = top.getparent()
    if parent is not None:
        floor = max(10.0, best * 0.2)
        top_class = top.get("class")
        texts: dict[Any, _Block] | None = None
        for sibling in parent:
            if sibling is top or not isinstance(sibling.tag, str):
                continue
            sibling_score = scores.get(sibling)
            if sibling_score is not None:
                if top_class and sibling.get("class") == top_class:
                    sibling_score += best * 0.2
                if sibling_score >= floor:
                    joined.add(sibling)
                    continue
            if (_TAG_NAMES.get(sibling.tag) or local_name(sibling)) != "p":
                continue
            if texts is None:
                texts = {block.element: block for block in blocks if block.tag == "p"}
            found = texts.get(sibling)
            if found is not None:
                text = found.parts[0]
                density = found.links / len(text)
                if (len(text) > 80 and density < 0.25) or (density == 0 and _SENTENCE_END.search(text)):
                    joined.add(sibling)
    return _Vote(scores, top, best, frozenset(joined))


def _paragraph_votes(
    blocks: list[_Block], parents: dict[Any, Any], vote: _Vote | None, judged: Sequence[int]
) -> list[tuple[float, float, float]]:
    """The share of Readability's ``vote`` (``_readability_vote``) of each block of ``judged``
    (indexes in ``blocks``): (the best score of the block and the two elements around it,
    relative to the top candidate, 0 to 1; whether it lies inside the top candidate; whether it
    lies inside a sibling the top candidate takes in)."""
    if vote is None:
        return [_NO_VOTE] * len(judged)
    scores, best = vote.scores, vote.best
    # where each block lies: 1 inside the top candidate, 2 inside a sibling joined to it
    place: dict[Any, int] = {vote.top: 1, **dict.fromkeys(vote.joined, 2)}
    around: dict[Any, float] = {}  # parent -> the best score of it and the element around it
    out = []
    for index in judged:
        element = blocks[index].element
        node = element
        climbed = []
        while node is not None and node not in place:
            climbed.append(node)
            node = parents.get(node)
        lies = place[node] if node is not None else 0
        for seen in climbed:
            place[seen] = lies
        parent = parents.get(element)
        ancestor = around.get(parent)
        if ancestor is None:
            grand = parents.get(parent) if parent is not None else None
            ancestor = around[parent] = max(scores.get(parent, 0.0), scores.get(grand, 0.0))
        if element in scores:
            ancestor = max(ancestor, scores[element])
        out.append((min(1.0, max(0.0, ancestor / best)), 1.0 if lies == 1 else 0.0, 1.0 if lies == 2 else 0.0))
    return out


def _initial_vote(element: Any) -> float:
    """A candidate's starting score: its tag's weight and its class and id words'."""
    name = _TAG_NAMES.get(element.tag) or local_name(element)
    score = _VOTE_TAGS.get(name, 0.0)
    classes = element.get("class")
    if classes:
        score += _name_vote(classes)
    ident = element.get("id")
    if ident:
        score += _name_vote(ident)
    return score


def _features(
    blocks: list[_Block],
    region: dict[Any, list[int]],
    parents: dict[Any, Any],
    hint_text: str | None,
    every_row: bool,
) -> PageBlocks:
    page = PageBlocks()
    texts = [b.parts[0] for b in blocks]
    page.elements = [b.element for b in blocks]
    page.texts = texts
    page.heuristic = [b.heuristic for b in blocks]
    sizes = list(map(len, texts))
    # the characters before each block (its position)
    befores = list(itertools.accumulate(sizes, initial=0))
    total = befores[-1] or 1
    hint = _norm(hint_text) if hint_text and len(hint_text) > 200 else None
    n = len(blocks)
    basics: list[tuple[float, float, float]] = [
        (math.log1p(chars), min(1.0, block.links / chars), 1.0 if block.heuristic else 0.0)
        for block, chars in zip(blocks, sizes, strict=True)
    ]
    # the rows of the blocks the model judges (every block's with every_row); the others' are empty
    judged = range(n) if every_row else [index for index, chars in enumerate(sizes) if chars >= MIN_CHARS]
    votes = _paragraph_votes(blocks, parents, _readability_vote(blocks, region, parents), judged)
    rows: list[list[float]] = [[] for _ in range(n)]
    no_basics = (0.0, 0.0, 0.0)
    for index, vote in zip(judged, votes, strict=True):
        block = blocks[index]
        text = texts[index]
        chars = sizes[index]
        n_words = text.count(" ") + 1  # the text's whitespace is squashed
        ends = len(_SENTENCE_END.findall(text))
        log_chars, link_density, heuristic = basics[index]
        element = block.element
        parent = parents.get(element)
        own = region[element]
        outer = region.get(parent, own) if parent is not None else own
        grand = parents.get(parent) if parent is not None else None
        outmost = region.get(grand, outer) if grand is not None else outer
        hint_match = 0.0
        if hint is not None:
            probe = _norm(text)
            if len(probe) >= 12 and (probe[:60] in hint or probe[-60:] in hint):
                hint_match = 1.0
        prev = basics[index - 1] if index else no_basics
        nxt = basics[index + 1] if index + 1 < n else no_basics
        tag = block.tag
        row = [
            1.0,
            log_chars,
            math.log1p(n_words),
            link_density,
            1.0 if link_density > 0.5 else 0.0,
            log_chars * link_density,
            math.log1p(ends),
            min(1.0, ends * 15.0 / n_words),
            math.log1p(text.count(",")),
            min(12.0, (chars - n_words + 1) / n_words) / 6.0,
            sum(map(text.count, "0123456789")) / chars,
            1.0 if _says_copyright(text) else 0.0,
            1.0 if chars < 120 and _DATE_LIKE.search(text) else 0.0,
            heuristic,
            1.0 if block.furniture else 0.0,
            1.0 if block.content else 0.0,
            1.0 if block.tag_f else 0.0,
            1.0 if block.in_furniture else 0.0,
            1.0 if block.article else 0.0,
            1.0 if tag == "p" else 0.0,
            1.0 if tag in _HEADING_TAGS else 0.0,
            1.0 if tag == "li" else 0.0,
            1.0 if tag in ("td", "th") else 0.0,
            1.0 if tag in ("div", "section", "article", "main", "body", "center") else 0.0,
            befores[index] / total,
            chars / total,
            outer[0] / total,
            outer[1] / outer[0] if outer[0] else 0.0,
            outmost[0] / total,
            outmost[1] / outmost[0] if outmost[0] else 0.0,
            min(30, block.depth) / 10.0,
            hint_match,
            1.0 if hint is not None else 0.0,
            prev[0],
            prev[1],
            prev[2],
            nxt[0],
            nxt[1],
            nxt[2],
            heuristic * log_chars,
            heuristic * link_density,
            *vote,
        ]
        rows[index] = row
    page.features = rows
    return page


# --------------------------------------------------------------------------- the model
# (bench/web_train.py caches the features while the code above this line is unchanged)


_HEURISTIC = FEATURES.index("heuristic")
_IN_FURNITURE = FEATURES.index("in_furniture")
_LINK_DENSITY = FEATURES.index("link_density")
_VOTE_INSIDE = (FEATURES.index("vote_inside_top"), FEATURES.index("vote_inside_sibling"))
MIN_CHARS = 30
"""Blocks shorter than this keep the container heuristic's decision."""
_TOO_LITTLE = 200
"""Kept text under this many characters: the furniture and link rules are lifted."""
MAX_ELEMENTS = 50_000
"""Pages with more elements than this keep the heuristic's answer (the classifier's walk and
features would cost more than a parse should)."""


CONTEXT_FEATURES = (
    "bias",
    "score",
    "prev_score",
    "next_score",
    "prev2_score",
    "next2_score",
    "below_best",
    "heuristic",
    "best_neighbour",
)
"""The second stage's features of a judged block: its own score (the first stage's log-odds),
its neighbours' (the judged blocks before and after it, one and the mean of two), how far it
falls below the page's best block, and whether the heuristic kept it."""
_PAD = -4.0
"""The score of a neighbour that is not there (before the first judged block, after the last)."""
_CLIP = 8.0


def context_rows(scores: Sequence[float], heuristic: Sequence[bool]) -> list[list[float]]:
    """The second stage's rows ([`CONTEXT_FEATURES`][articlekit.formats.html.body.CONTEXT_FEATURES]) of a
    page's judged blocks in document order, from their first-stage ``scores`` (log-odds)."""
    clipped = [min(_CLIP, max(-_CLIP, z)) for z in scores]
    if not clipped:
        return []
    padded = [_PAD, _PAD, *clipped, _PAD, _PAD]
    best = max(clipped)
    rows = []
    for index, z in enumerate(clipped):
        prev1, prev2, next1, next2 = padded[index + 1], padded[index], padded[index + 3], padded[index + 4]
        rows.append(
            [
                1.0,
                z,
                prev1,
                next1,
                (prev1 + prev2) / 2,
                (next1 + next2) / 2,
                best - z,
                1.0 if heuristic[index] else 0.0,
                max(prev1, next1),
            ]
        )
    return rows


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


class Model:
    """A logistic block classifier in two stages. The first scores each block alone: weights
    over [`FEATURES`][articlekit.formats.html.body.FEATURES] with feature scaling (``mean``, ``scale``).
    The second (``context``, weights over
    [`CONTEXT_FEATURES`][articlekit.formats.html.body.CONTEXT_FEATURES]; None: the first stage alone)
    smooths those scores over neighbouring blocks, as boilerpipe and dragnet do: a short
    paragraph between two of the article's is article too, a long one among link lists is not.
    The thresholds are on the final probability: ``threshold`` for a block the container
    heuristic left out, ``keep_threshold`` (lower) for one it kept, so that the model overrules
    the heuristic only when it is confident. With ``transitions`` (log weights of going from
    each state, not article text or article text, to each; ``initial``: of the first block's
    state), a page's blocks are decided together by ``decode`` over their log-odds above those
    thresholds: an isolated weak block goes, a weak one between kept blocks joins them.
    ``fallback`` (0: none) is the share of Readability's top candidate's text under which the
    text kept is too little: the top candidate's blocks are then kept too (see ``choose``)."""

    def __init__(
        self,
        weights: Sequence[float],
        mean: Sequence[float],
        scale: Sequence[float],
        threshold: float = 0.5,
        keep_threshold: float | None = None,
        context: Sequence[float] | None = None,
        transitions: Sequence[Sequence[float]] | None = None,
        initial: Sequence[float] | None = None,
        fallback: float = 0.0,
    ) -> None:
        if not len(weights) == len(mean) == len(scale) == len(FEATURES):
            raise ValueError(f"a block model needs {len(FEATURES)} weights, means and scales")
        if context is not None and len(context) != len(CONTEXT_FEATURES):
            raise ValueError(f"a block model's second stage needs {len(CONTEXT_FEATURES)} weights")
        self.weights = list(weights)
        self.mean = list(mean)
        self.scale = [s if s else 1.0 for s in scale]
        self.threshold = threshold
        self.keep_threshold = threshold if keep_threshold is None else keep_threshold
        self.context = None if context is None else list(context)
        self.transitions: list[list[float]] | None = None
        """The sequence decoding's log transition weights (None: each block decided alone)."""
        if transitions is not None:
            self.transitions = [_log_weights(row, _TRANSITIONS_SHAPE) for row in _pair(transitions, _TRANSITIONS_SHAPE)]
        if not 0.0 <= fallback <= 1.0:
            raise ValueError(f"a block model's fallback is a share from 0 to 1 (got {fallback!r})")
        self.fallback = float(fallback)
        self.initial = [0.0, 0.0]
        if initial is not None:
            self.initial = _log_weights(initial, "a block model's initial weights are two log weights")
        # w * (x - m) / s summed is x . (w / s) - (m . w / s)
        self._coef = [w / s for w, s in zip(self.weights, self.scale, strict=True)]
        self._offset = -sum(m * c for m, c in zip(self.mean, self._coef, strict=True))

    def score(self, row: Sequence[float]) -> float:
        """The first stage's log-odds that the block with these features is article text."""
        total: float = sum(map(operator.mul, row, self._coef))
        return total + self._offset

    def probability(self, row: Sequence[float]) -> float:
        """The first stage's probability, the block alone."""
        return _sigmoid(self.score(row))

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability of each of a page's judged blocks (their rows in document order),
        each in the light of its neighbours when the model has a second stage."""
        if self.context is None:
            return [self.probability(row) for row in rows]
        context = self.context
        scores = [self.score(row) for row in rows]
        heuristic = [row[_HEURISTIC] > 0 for row in rows]
        return [_sigmoid(math.fsum(map(operator.mul, c, context))) for c in context_rows(scores, heuristic)]

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "weights": self.weights,
            "mean": self.mean,
            "scale": self.scale,
            "context_features": list(CONTEXT_FEATURES),
            "context": self.context,
            "threshold": self.threshold,
            "keep_threshold": self.keep_threshold,
            "transitions": self.transitions,
            "initial": self.initial,
            "fallback": self.fallback,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        if list(data.get("features", [])) != list(FEATURES):
            raise ValueError("the block model was trained on other features than this version computes")
        context = data.get("context")
        if context is not None and list(data.get("context_features", [])) != list(CONTEXT_FEATURES):
            raise ValueError("the block model's second stage was trained on other features than this version computes")
        threshold = float(data.get("threshold", 0.5))
        keep = float(data.get("keep_threshold", threshold))
        transitions = data.get("transitions")
        fallback = float(data.get("fallback", 0.0))
        return cls(
            data["weights"],
            data["mean"],
            data["scale"],
            threshold,
            keep,
            context,
            transitions,
            data.get("initial"),
            fallback,
        )

    def decide(self, probabilities: Sequence[float], rows: Sequence[Sequence[float]]) -> list[bool]:
        """Which of a page's judged blocks (their probabilities and rows, in document order) are
        article text: each by ``keeps`` or, when the model has ``transitions``, the likeliest
        sequence (``decode``)."""
        if self.transitions is None:
            return [self.keeps(p, row) for p, row in zip(probabilities, rows, strict=True)]
        bars = {self.keep_threshold: _logit(self.keep_threshold), self.threshold: _logit(self.threshold)}
        gains: list[float | None] = []
        for p, row in zip(probabilities, rows, strict=True):
            bar = self._bar(row)
            gains.append(None if bar is None else _logit(p) - bars[bar])
        return decode(gains, self.transitions, self.initial)

    def keeps(self, probability: float, row: Sequence[float]) -> bool:
        """Whether a judged block (one of at least [`MIN_CHARS`][articlekit.formats.html.body.MIN_CHARS];
        a shorter line, a byline, a date, a label, stays as the heuristic decided: too little
        text to judge, and too little to matter) with this ``probability`` and these features is
        article text. The model does not add a block inside page furniture (a ``nav``, a
        ``footer``, a ``div.newsletter``, a toolbar pinned to the window) or one that is mostly
        links."""
        bar = self._bar(row)
        return bar is not None and probability >= bar

    def _bar(self, row: Sequence[float]) -> float | None:
        """The threshold a judged block's probability must reach: ``keep_threshold`` for one the
        container heuristic kept, ``threshold`` for another, None where the model does not add
        it (inside page furniture, or mostly links)."""
        if row[_HEURISTIC] > 0:
            return self.keep_threshold
        if row[_IN_FURNITURE] > 0 or row[_LINK_DENSITY] > 0.5:
            return None
        return self.threshold


_TRANSITIONS_SHAPE = "a block model's transitions are two rows of two log weights"


def _pair(values: Any, shape: str) -> list[Any]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or len(values) != 2:
        raise ValueError(shape)
    return list(values)


def _log_weights(values: Any, shape: str) -> list[float]:
    """Two log weights as floats (``shape``: the error when they are not two numbers); none NaN or
    +inf, and not both -inf (a state with no way on, or no first state, leaves no path at all;
    one -inf is a step never taken)."""
    pair = _pair(values, shape)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in pair):
        raise ValueError(shape)
    weights = [float(v) for v in pair]
    if any(math.isnan(w) or w == math.inf for w in weights) or all(w == -math.inf for w in weights):
        raise ValueError(f"{shape}: numbers, not NaN or +inf, and not both -inf (got {values!r})")
    return weights


def _logit(p: float) -> float:
    p = min(1.0 - 1e-9, max(1e-9, p))
    return math.log(p) - math.log1p(-p)


def decode(
    gains: Sequence[float | None], transitions: Sequence[Sequence[float]], initial: Sequence[float]
) -> list[bool]:
    """The likeliest states (True: article text) of a sequence of blocks, by Viterbi over two
    states: a path scores the ``gains`` of its article blocks (None: the block cannot be
    article text), ``transitions[a][b]`` for each step from state a to state b and
    ``initial[s]`` for its first state. O(blocks)."""
    if not gains:
        return []
    (t00, t01), (t10, t11) = transitions
    first = gains[0]
    v0 = initial[0]
    v1 = -math.inf if first is None else initial[1] + first
    back: list[tuple[bool, bool]] = []  # per step: whether the best path to state 0, to 1 came from 1
    for gain in gains[1:]:
        stay0, come0 = v0 + t00, v1 + t10
        stay1, come1 = v1 + t11, v0 + t01
        # a tie goes to article text wherever that path is open (so that without transitions a
        # block of gain 0, a probability at its threshold, is kept, as by Model.keeps)
        back.append((come0 >= stay0 and come0 > -math.inf, stay1 >= come1))
        v0 = come0 if come0 > stay0 else stay0
        v1 = -math.inf if gain is None else (stay1 if stay1 >= come1 else come1) + gain
    state = v1 >= v0 and v1 > -math.inf
    states = [state]
    for from0, from1 in reversed(back):
        state = from1 if state else from0
        states.append(state)
    states.reverse()
    return states


_override: list[Model | None] = []


@functools.lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The shipped model, or None when the package has none (the container heuristic alone)."""
    resource = files("articlekit.formats.html").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    return Model.from_json(json.loads(resource.read_text("utf-8")))


def current_model() -> Model | None:
    return _override[-1] if _override else load_model()


class use_model:
    """``with use_model(model): ...`` parses with another model (None: the heuristic alone);
    for the training and evaluation scripts in ``bench/``."""

    def __init__(self, model: Model | None) -> None:
        self.model = model

    def __enter__(self) -> None:
        _override.append(self.model)

    def __exit__(self, *exc: object) -> None:
        _override.pop()


Observer = Callable[[PageBlocks], None]
_observers: list[Observer] = []


def observe(observer: Observer | None) -> None:
    """Have ``observer`` called with every page's blocks (for ``bench/web_train.py``); None stops."""
    _observers.clear()
    if observer is not None:
        _observers.append(observer)


def choose(
    walk: PageWalk,
    container: Any,
    heuristic_skip: Callable[[Any, str], bool],
    hint: str | None,
    protect: Callable[[str], bool] | None = None,
) -> Choice | None:
    """The element to convert and what to leave out of it, by the block classifier, over the
    blocks ``walk`` gathered; None when it gathered none (no model in use, or a page too large:
    the caller keeps the heuristic's answer). A block the heuristic kept whose text ``protect``
    accepts stays whatever the model says (a byline the caller reads as metadata)."""
    if walk.blocks is None:
        return None
    model = current_model()
    page = page_blocks(walk, container, heuristic_skip, hint, every_row=bool(_observers))
    for observer in _observers:
        observer(page)
    if model is None:
        return None
    # a short block, without a row, stays as the heuristic decided (see Model.keeps)
    judged = [index for index, text in enumerate(page.texts) if len(text) >= MIN_CHARS]
    rows = [page.features[i] for i in judged]
    probabilities = model.probabilities(rows)
    probability = dict(zip(judged, probabilities, strict=True))
    verdict = dict(zip(judged, model.decide(probabilities, rows), strict=True))
    decisions: dict[Any, bool] = {}
    for index, (element, heuristic) in enumerate(zip(page.elements, page.heuristic, strict=True)):
        keep = verdict.get(index, heuristic)
        decisions[element] = keep or bool(protect is not None and heuristic and protect(page.texts[index]))
    if model.fallback:
        _fall_back_to_top_candidate(page, judged, decisions, model.fallback)
    _comments_for_post(page, judged, decisions)
    if _kept_chars(page, decisions) < _TOO_LITTLE:
        # next to nothing kept: the article sits in what looks like furniture (a page whose body
        # is named "comments" or "sidebar"); the model alone decides, rather than an empty body,
        # at the lower bar of a block the heuristic kept when its own bar finds too little
        candidates = [
            (page.elements[index], p) for index, p in probability.items() if page.features[index][_LINK_DENSITY] <= 0.5
        ]
        for bar in (model.threshold, model.keep_threshold):
            for element, p in candidates:
                if p >= bar:
                    decisions[element] = True
            if _kept_chars(page, decisions) >= _TOO_LITTLE:
                break
        else:
            if candidates and not any(decisions.values()):
                decisions[max(candidates, key=operator.itemgetter(1))[0]] = True  # the likeliest block
    # the short lines follow the judged blocks' final decisions (every pass above changes only those)
    _join_short_lines(page, walk.blocks, judged, decisions, _kept_around(page, judged, decisions))
    kept_elements = [element for element, keep in decisions.items() if keep]
    if not kept_elements:
        return None
    # every kept block and the elements around it stay; another block element goes whole. The
    # innermost element holding every kept block is where the conversion starts. (Each walk up
    # stops at an element already seen, so a deeply nested page costs linear time.)
    lineage: list[Any] = []
    node = kept_elements[0]
    while node is not None:
        lineage.append(node)
        node = node.getparent()
    height = {element: index for index, element in enumerate(lineage)}
    meets: dict[Any, int] = dict(height)  # element seen -> where its lineage meets the first's
    top = 0
    for element in kept_elements[1:]:
        climbed: list[Any] = []
        node = element
        while node not in meets:
            climbed.append(node)
            node = node.getparent()
        meet = meets[node]
        for seen in climbed:
            meets[seen] = meet
        top = max(top, meet)
    common = lineage[top]
    alive = meets.keys()

    kept = set(kept_elements)
    beside_kept: dict[Any, bool] = {}

    def skip(element: Any, name: str) -> bool:
        if element in alive:
            return False
        if element in decisions:
            return True  # a block left out
        if name not in BLOCK_TAGS or name in _CELLS:
            return False  # inline, or a cell of a data table (its row is the block)
        # a block without text (a figure, an image's wrapper) goes with the blocks beside it
        parent = element.getparent()
        if parent is None or parent not in alive:
            return True
        if parent in kept:
            return False
        found = beside_kept.get(parent)
        if found is None:
            found = beside_kept[parent] = any(c in alive for c in parent)
        return not found

    enter = frozenset(e for e in alive if (_TAG_NAMES.get(e.tag) or local_name(e)) in _ENTERED)
    # a block left out that holds kept ones (a wrapper with a byline run in it): its own text goes
    mute = {element: not keep for element, keep in decisions.items()}
    return Choice(common, skip, enter, mute)


def _kept_around(page: PageBlocks, judged: list[int], decisions: dict[Any, bool]) -> tuple[list[int], list[int]]:
    """For each block of the page, the index of the nearest judged block before it and of the
    nearest after it (-1 where there is none)."""
    judged_set = set(judged)
    before = [-1] * len(page.elements)
    after = [-1] * len(page.elements)
    last = -1
    for index in range(len(page.elements)):
        before[index] = last
        if index in judged_set:
            last = index
    last = -1
    for index in range(len(page.elements) - 1, -1, -1):
        after[index] = last
        if index in judged_set:
            last = index
    return before, after


_JOIN_RUN = 2
"""The most short lines left out (any: links, furniture too) that one gap between two kept
judged blocks may hold for ``_join_short_lines`` to keep its lines (a subheading, a list of
two; a longer run is more often a group of widgets or end matter)."""


def _join_short_lines(
    page: PageBlocks,
    blocks: Sequence[_Block],
    judged: list[int],
    decisions: dict[Any, bool],
    around: tuple[list[int], list[int]],
) -> None:
    """Every short line the heuristic left out (under [`MIN_CHARS`][articlekit.formats.html.body.MIN_CHARS],
    so the model does not judge it), not mostly links and not in page furniture, between two
    judged blocks both kept, is kept too when the gap holds at most ``_JOIN_RUN`` short lines
    left out in all and the line sits in the element of one of the two (its parent, or its
    grandparent for a list's item): a subheading, a short list or paragraph inside the
    article's text, where the decision reached beyond the heuristic's container. Widgets
    between the standfirst and the body and a run of end matter before a kept notice stay out
    (too many lines, or lines in elements of their own). Run after every pass that decides
    judged blocks, on their final decisions."""
    before, after = around
    judged_set = set(judged)
    elements = page.elements
    gaps: dict[int, list[int]] = {}  # the judged block after a gap -> its lines left out
    for index, element in enumerate(elements):
        if index not in judged_set and not decisions[element]:
            gaps.setdefault(after[index], []).append(index)
    for lines in gaps.values():
        first = lines[0]
        prev, nxt = before[first], after[first]
        if (
            len(lines) > _JOIN_RUN
            or prev < 0
            or nxt < 0
            or not decisions[elements[prev]]
            or not decisions[elements[nxt]]
        ):
            continue
        homes = {elements[prev].getparent(), elements[nxt].getparent()} - {None}
        for index in lines:
            parent = elements[index].getparent()
            if (
                not blocks[index].in_furniture
                and blocks[index].links <= 0.5 * len(page.texts[index])
                and parent is not None
                and (parent in homes or parent.getparent() in homes)
            ):
                decisions[elements[index]] = True


def _fall_back_to_top_candidate(page: PageBlocks, judged: list[int], decisions: dict[Any, bool], share: float) -> None:
    """Where the text kept is under ``share`` of the text of Readability's top candidate (the
    judged blocks inside it and inside the siblings it takes in, those mostly links left out),
    the decision has missed the article (a short body kept beside the real one: a byline, a
    notice, a teaser): the top candidate's blocks are kept too."""
    top = [
        index
        for index in judged
        if (page.features[index][_VOTE_INSIDE[0]] > 0 or page.features[index][_VOTE_INSIDE[1]] > 0)
        and page.features[index][_LINK_DENSITY] <= 0.5
    ]
    top_chars = sum(len(page.texts[index]) for index in top)
    if top_chars and _kept_chars(page, decisions) < share * top_chars:
        for index in top:
            decisions[page.elements[index]] = True


_COMMENTS_SHARE = 0.8


def _comments_for_post(page: PageBlocks, judged: list[int], decisions: dict[Any, bool]) -> None:
    """Where most of the judged text kept (``_COMMENTS_SHARE``) lies in readers' comments (an
    element named so, not left out as furniture because it holds most of the page's text: a
    short post with a long thread) and Readability's top candidate lies outside them, the
    decision has taken the comments for the post: the top candidate's blocks are kept and the
    comments' blocks left out."""
    memo: dict[Any, bool] = {}

    def in_comments(element: Any) -> bool:
        climbed = []
        node = element
        found = False
        while node is not None:
            if node in memo:
                found = memo[node]
                break
            climbed.append(node)
            if node.attrib and _names_comments(node):
                found = True
                break
            node = node.getparent()
        for seen in climbed:
            memo[seen] = found
        return found

    kept = [index for index in judged if decisions[page.elements[index]]]
    inside = [index for index in kept if in_comments(page.elements[index])]
    if not inside or sum(len(page.texts[i]) for i in inside) < _COMMENTS_SHARE * sum(len(page.texts[i]) for i in kept):
        return
    voted = [
        index
        for index in judged
        if (page.features[index][_VOTE_INSIDE[0]] > 0 or page.features[index][_VOTE_INSIDE[1]] > 0)
        and page.features[index][_LINK_DENSITY] <= 0.5
    ]
    top = [index for index in voted if not in_comments(page.elements[index])]
    if not top or sum(len(page.texts[i]) for i in top) < 0.5 * sum(len(page.texts[i]) for i in voted):
        return
    for index in top:
        decisions[page.elements[index]] = True
    for element, keep in decisions.items():
        if keep and in_comments(element):
            decisions[element] = False  # (the short lines too: a name, a date, "4 Responses")


def _kept_chars(page: PageBlocks, decisions: dict[Any, bool]) -> int:
    return sum(len(text) for text, keep in zip(page.texts, decisions.values(), strict=True) if keep)


@frozen
class Choice:
    """What the classifier chose: the element to convert, what to leave out of it (``skip``)
    and the elements to read although the converter never reads their tag (``enter``)."""

    element: Any
    skip: Callable[[Any, str], bool]
    enter: frozenset[Any]
    mute: dict[Any, bool]
