"""Block-level evidence for the text kept beside the article inside its container, as
first-stage features of the web-body classifier, on the block-level leave-one-set-out measure
of ``bench/web_train.py`` (a probe; see the section "Web pages: five sets, leave-one-set-out" of
docs/benchmarks.md, subsection 13a10).

``python bench/web_inside_probe.py --collect`` parses every page once (the container heuristic
alone, as ``bench/web_train.py`` does) and records per block the raw descriptors below in
``bench/results/web-inside.pkl``; ``python bench/web_inside_probe.py VARIANT...`` appends the
variants' columns to each judged block's cached features and trains and scores the two-stage
model leave-one-set-out (one line per variant). The variant letters:

- ``c``: Readability's conditional cleaning (``sanitize`` in readability-lxml) of the article
  (the top candidate and the siblings it takes in): whether an element around the block, up to
  the top candidate, would be dropped (one column);
- ``r``: the same split by reason: its class and id weight with its score below 0, too many
  links for its weight, inputs or images or embeds, too short (four columns);
- ``h``: the heading sections of the page (a section starts at each ``h2``-``h6`` or a short
  line all in bold): whether the block's section comes after the section holding the most
  prose, its section's share of the page's prose, and the share of the page's prose after it;
- ``a``: the same, counted inside the article only (0 outside it);
- ``i``: the block lies in a repeated item (an element between it and the article's root,
  holding two blocks or more, whose parent holds at least three children of its tag and class:
  a list of comments, of teasers); ``I``: and how many (log);
- ``none``: nothing (the baseline).

``python bench/web_inside_probe.py --transitions`` prints how often the article starts or ends
between two judged blocks with and without a heading between them.
"""

from __future__ import annotations

import functools
import itertools
import math
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_train
from articlekit.formats.html import body as webbody
from web import ALL_SETS, load_sets

CACHE = web_train.ROOT / "bench" / "results" / "web-inside.pkl"
_CLEANED = frozenset({"table", "ul", "div", "aside", "header", "footer", "section"})
_BOLD = frozenset({"b", "strong"})
_SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _class_weight(element: Any) -> float:
    weight = 0.0
    for value in (element.get("class"), element.get("id")):
        if value:
            weight += webbody._name_vote(value)
    return weight


def _count(element: Any, tag: str) -> int:
    return int(element.xpath(f"count(.//{tag})"))


def _verdict(
    element: Any, vote: Any, region: dict[Any, list[int]], commas: dict[Any, int], paragraphs: dict[Any, int]
) -> int:
    """0 kept, 1 weight, 2 links, 3 inputs/images/embeds, 4 too short: readability-lxml's
    ``sanitize`` of one table, ul, div, aside, header, footer or section."""
    weight = _class_weight(element)
    score = vote.scores.get(element, 0.0)
    if weight + score < 0:
        return 1
    if commas.get(element, 0) >= 10:
        return 0
    chars, links = region.get(element, (0, 0))
    density = links / chars if chars else 0.0
    p = paragraphs.get(element, 0)
    img = _count(element, "img")
    inputs = _count(element, "input") - int(element.xpath("count(.//input[@type='hidden'])"))
    embeds = _count(element, "embed")
    reason = 0
    if (p and img > 1 + p * 1.3) or inputs > p / 3:
        reason = 3
    elif chars < 25 and (img == 0 or img > 2):
        reason = 4
    elif (weight < 25 and density > 0.2) or (weight >= 25 and density > 0.5):
        reason = 2
    elif (embeds == 1 and chars < 75) or embeds > 1:
        reason = 3
    elif not chars:
        reason = 4
    if reason:
        # readability-lxml keeps it when the first non-empty siblings each side hold over 1,000 chars
        siblings = 0
        for following in (False, True):
            for sibling in element.itersiblings(preceding=following):
                if not isinstance(sibling.tag, str):
                    continue
                size = webbody._text_size(sibling)
                if size:
                    siblings += size
                    break
        if siblings > 1000:
            return 0
    return reason


def _bold_line(block: Any) -> bool:
    element = block.element
    if len(block.parts[0]) > 80 or (element.text and element.text.strip()):
        return False
    children = [c for c in element if isinstance(c.tag, str)]
    return (
        len(children) == 1
        and webbody.local_name(children[0]) in _BOLD
        and not (children[0].tail and children[0].tail.strip())
    )


def descriptors(blocks: list[Any], region: dict[Any, list[int]], parents: dict[Any, Any]) -> list[tuple[float, ...]]:
    """Per block: (cleaning reason 0-4, after main section, section prose share, prose after,
    the same three inside the article, in a repeated item (three or more alike), how many alike,
    the kind of heading before it)."""
    vote = webbody._readability_vote(blocks, region, parents)
    n = len(blocks)
    # where each block lies: the article's root element above it, or None
    roots = set() if vote is None else {vote.top, *vote.joined}
    root_of: list[Any] = []
    for block in blocks:
        node = block.element
        found = None
        while node is not None:
            if node in roots:
                found = node
                break
            node = node.getparent()
        root_of.append(found)
    # commas and paragraphs (p or a div holding no other block) per element, summed up the tree
    commas: dict[Any, int] = {}
    paragraphs: dict[Any, int] = {}
    for block in blocks:
        text = block.parts[0]
        is_p = block.tag == "p" or (block.tag in ("div", "section") and region[block.element][0] == len(text))
        node = block.element
        k = text.count(",")
        while node is not None:
            commas[node] = commas.get(node, 0) + k
            if is_p:
                paragraphs[node] = paragraphs.get(node, 0) + 1
            node = node.getparent()
    verdicts: dict[Any, int] = {}
    cleaning = []
    for block, root in zip(blocks, root_of, strict=True):
        reason = 0
        if root is not None and vote is not None:
            node = block.element
            while node is not None:
                name = webbody.local_name(node)
                if name in _CLEANED:
                    if node not in verdicts:
                        verdicts[node] = _verdict(node, vote, region, commas, paragraphs)
                    if verdicts[node]:
                        reason = verdicts[node]  # the outermost reason wins
                if node is root:
                    break
                node = node.getparent()
        cleaning.append(reason)

    def sections(inside: list[bool]) -> list[tuple[float, float, float]]:
        prose = []
        section = []
        current = 0
        for block, keep in zip(blocks, inside, strict=True):
            if block.tag in _SECTION_HEADINGS or _bold_line(block):
                current += 1
            section.append(current)
            text = block.parts[0]
            chars = len(text)
            good = keep and chars >= 25 and block.links / chars < 0.3 and webbody._SENTENCE_END.search(text) is not None
            prose.append(float(chars - block.links) if good else 0.0)
        total = sum(prose)
        if not total:
            return [(0.0, 0.0, 0.0)] * n
        by_section: dict[int, float] = {}
        for s, p in zip(section, prose, strict=True):
            by_section[s] = by_section.get(s, 0.0) + p
        main = max(by_section, key=lambda s: by_section[s])
        out = []
        after = total
        for s, p, keep in zip(section, prose, inside, strict=True):
            after -= p
            if not keep:
                out.append((0.0, 0.0, 0.0))
                continue
            out.append((1.0 if s > main else 0.0, by_section[s] / total, after / total))
        return out

    page_sections = sections([True] * n)
    article_sections = sections([root is not None for root in root_of])
    # repeated items: an element between the block and the article's root (or the page's body)
    # whose parent holds at least 3 children of its tag and class, it holding 2 blocks or more
    held: dict[Any, int] = {}
    for block in blocks:
        node = block.element
        while node is not None:
            held[node] = held.get(node, 0) + 1
            node = node.getparent()
    signature: dict[Any, int] = {}

    def repeats(element: Any) -> int:
        found = signature.get(element)
        if found is None:
            parent = element.getparent()
            key = (element.tag, element.get("class"))
            found = 0 if parent is None else sum(1 for c in parent if (c.tag, c.get("class")) == key)
            signature[element] = found
        return found

    repeated = []
    for block, root in zip(blocks, root_of, strict=True):
        best = 0
        node = block.element
        while node is not None and node is not root:
            if held.get(node, 0) >= 2 and webbody.local_name(node) not in ("body", "html"):
                best = max(best, repeats(node))
            node = node.getparent()
        repeated.append(best)
    heads = [
        2.0 if block.tag in _SECTION_HEADINGS else 1.0 if _bold_line(block) or block.tag == "h1" else 0.0
        for block in blocks
    ]
    return [
        (float(c), *p, *a, 1.0 if r >= 3 else 0.0, float(r), h)
        for c, p, a, r, h in zip(cleaning, page_sections, article_sections, repeated, heads, strict=True)
    ]


def collect() -> list[list[tuple[float, ...]]]:
    found: list[list[tuple[float, ...]]] = []
    original = webbody._features

    def recording(blocks: Any, region: Any, parents: Any, hint: Any, every_row: bool) -> Any:
        found.append(descriptors(blocks, region, parents))
        return original(blocks, region, parents, hint, every_row)

    webbody._features = recording  # type: ignore[assignment]
    out = []
    try:
        for name, pages in load_sets(ALL_SETS).items():
            print(f"  descriptors: {name} ({len(pages)} pages)", file=sys.stderr)
            for _, data, gold in pages:
                found.clear()
                web_train.page_data(data, gold)
                out.append(found[0] if found else [])
    finally:
        webbody._features = original  # type: ignore[assignment]
    CACHE.write_bytes(pickle.dumps(out))
    return out


def columns_for(variant: str, extra: list[tuple[float, ...]]) -> Callable[[int, list[float]], list[float]]:
    def of_block(i: int, row: list[float]) -> list[float]:
        d = extra[i]
        cols: list[float] = []
        if "c" in variant:
            cols.append(1.0 if d[0] else 0.0)
        if "r" in variant:
            cols += [1.0 if d[0] == k else 0.0 for k in (1, 2, 3, 4)]
        if "h" in variant:
            cols += list(d[1:4])
        if "a" in variant:
            cols += list(d[4:7])
        if "i" in variant:
            cols.append(d[7])
        if "I" in variant:
            cols += [d[7], math.log1p(d[8])]
        return cols

    return of_block


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--collect":
        collect()
        return 0
    extras = pickle.loads(CACHE.read_bytes())
    if argv and argv[0] == "--transitions":
        print_transitions(extras)
        return 0
    for variant in argv or ["c"]:
        data = web_train.collect(load_sets(ALL_SETS))  # afresh: the columns are appended in place
        pages = [page for group in data.values() for page in group]
        if len(pages) != len(extras) or any(len(p["texts"]) != len(e) for p, e in zip(pages, extras, strict=True)):
            raise SystemExit("the probe's descriptors are stale: run it with --collect")
        by_page = {id(page): extra for page, extra in zip(pages, extras, strict=True)}
        features = webbody.FEATURES
        try:
            web_train.print_loso_with_columns(data, functools.partial(_columns_of, variant, by_page), variant)
        finally:
            webbody.FEATURES = features
    return 0


def _columns_of(
    variant: str, by_page: dict[int, list[tuple[float, ...]]], page: dict[str, Any]
) -> Callable[[int, list[float]], list[float]]:
    return columns_for(variant, by_page[id(page)])


def print_transitions(extras: list[list[tuple[float, ...]]]) -> None:
    """How often a step between two judged blocks (in document order) leaves or enters the
    article, by what lies between them: no heading, an ``h1`` or a short line all in bold, or a
    section heading (``h2``-``h6``), counted from the gold labels (for the decoding's heading
    transitions, dropped)."""
    from collections import Counter

    data = web_train.collect(load_sets(ALL_SETS))
    pages = [(name, page) for name, group in data.items() for page in group]
    for name in data:
        counts: Counter[tuple[int, int, int]] = Counter()
        for (set_name, page), extra in zip(pages, extras, strict=True):
            if set_name != name:
                continue
            judged = [i for i, text in enumerate(page["texts"]) if len(text) >= webbody.MIN_CHARS]
            for a, b in itertools.pairwise(judged):
                head = int(max(extra[k][9] for k in range(a + 1, b + 1)))
                counts[head, page["labels"][a], page["labels"][b]] += 1
        parts = []
        for head, label in ((0, "no heading"), (1, "h1 or bold line"), (2, "h2-h6")):
            out_of = counts[head, 1, 0] + counts[head, 1, 1]
            into = counts[head, 0, 0] + counts[head, 0, 1]
            parts.append(
                f"{label}: P(leave) {counts[head, 1, 0] / max(out_of, 1):.3f} of {out_of},"
                f" P(enter) {counts[head, 0, 1] / max(into, 1):.3f} of {into}"
            )
        print(f"{name}: " + "; ".join(parts))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
