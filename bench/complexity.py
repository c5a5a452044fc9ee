"""Complexity check: every parser and enricher must be near-linear in its input, however hostile.

    python bench/run.py complexity [--repeat=3] [--doublings=3] [--bytes=65536] [--shapes=NAME,...]

Each *shape* is an input built from a unit repeated ``n`` times (``"x," said "y," said ``, a
``<br>`` in one paragraph, an attribute value growing long...). The input is read through
articlekit's public API, by one parser (enrichers off), or by the text parser with every
enricher (the shapes aimed at the quote finder and the date and source enrichers). Its size is
doubled ``--doublings`` times; each size is timed as the fastest of ``--repeat`` runs (more
for a size that takes milliseconds), and a shape that fails is measured once more, keeping the
gentler of the two.

Linear work doubles its time when its input doubles (a ratio of 2), quadratic work quadruples
it (4). The verdict rests on the growth exponent from the second size to the largest,
``log2(t_last / t_second) / log2(size_last / size_second)`` (1 for linear, 2 for quadratic),
which a single noisy timing moves less than any one ratio does; a shape fails when it is above
``LIMIT``. (The smallest size is left out of it: below some hundred kilobytes a doubling can
cross a cache boundary and jump, whatever the algorithm.) The per-doubling ratios are shown
beside it, so that a curve that bends late is seen.

Times are never compared with a fixed number of seconds: only sizes of one shape, measured in
one run, against each other. ``tests/test_complexity.py`` runs the same shapes at small sizes
with more slack.

A shape marked *known* is super-linear in code another change is fixing; the check still
reports it, and fails on it, so that the fix is seen to land.
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import articlekit

LIMIT = 1.35
"""The largest growth exponent accepted here (1 is linear; n log n over these sizes is ~1.1)."""

START = 64 * 1024
"""The smallest size, in bytes. Below some tens of kilobytes, times jump by steps (memory and
caches, not the algorithm), which would read as super-linear growth."""


@dataclass(frozen=True)
class Shape:
    """A hostile input that grows with ``n``."""

    name: str
    """What it is, for the table."""
    target: str
    """The parser's format name, or ``enrich`` for the text parser with every enricher."""
    build: Callable[[int], str]
    """The input for ``n`` units."""
    known: str | None = None
    """Why it is known to be super-linear (the change that fixes it), or None."""
    start: int | None = None
    """Its smallest size in bytes, where not ``--bytes`` (smaller for a known quadratic shape,
    so that its largest size still takes seconds, not hours)."""

    def units(self, size: int) -> int:
        """The ``n`` whose input is about ``size`` bytes."""
        empty, one = len(self.build(0).encode()), len(self.build(1).encode())
        return max(1, round((size - empty) / max(1, one - empty)))


def repeated(unit: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    """``head + unit * n + tail``."""
    return lambda n: head + unit * n + tail


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>A page</title></head><body><article>{body}</article></body></html>"


def _html(unit: str, head: str = "<p>", tail: str = "</p>") -> Callable[[int], str]:
    return lambda n: _page(head + unit * n + tail)


def _nitf(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<nitf><head><title>T</title></head><body>'
        f"<body.head><hedline><hl1>Headline</hl1></hedline></body.head><body.content>{body}</body.content>"
        "</body></nitf>"
    )


def _json_article(**fields: str) -> str:
    inner = ", ".join(f'"{key}": {value}' for key, value in fields.items())
    return '{"schema": "articlekit/1", "headline": "H"' + (", " + inner if inner else "") + "}"


def _front_matter(n: int) -> str:
    keys = "\n".join(f"  k{i}: [{i}, v{i}]" for i in range(n))
    return f"---\nschema: articlekit/1\nheadline: H\nextensions:\n{keys}\n---\n\nBody text.\n"


def _rss(n: int) -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>https://example.org/{i}</link><description>Text {i}.</description></item>"
        for i in range(n)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'


def _ninjs(n: int) -> str:
    body = "<p>A paragraph of the story.</p>" * n
    return '{"uri": "urn:x", "type": "text", "headline": "H", "body_html": "' + body + '"}'


def _newsml_g2(n: int) -> str:
    paragraphs = "<p>A paragraph of the story.</p>" * n
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1" standard="NewsML-G2"'
        ' standardversion="2.29"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>'
        "<contentMeta><headline>H</headline></contentMeta><contentSet>"
        '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">'
        f"<body><body.content>{paragraphs}</body.content></body></nitf></inlineXML></contentSet></newsItem>"
    )


def _newsml_1(n: int) -> str:
    paragraphs = "<p>A paragraph of the story.</p>" * n
    return (
        '<?xml version="1.0"?><NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>H</HeadLine></NewsLines>'
        '<NewsComponent><Role FormalName="Main"/><ContentItem><MediaType FormalName="Text"/>'
        f"<DataContent><nitf><body><body.content>{paragraphs}</body.content></body></nitf></DataContent>"
        "</ContentItem></NewsComponent></NewsComponent></NewsItem></NewsML>"
    )


def _articlekit_xml(n: int) -> str:
    from articlekit.model import Article, Paragraph

    return str(articlekit.dumps(Article(headline="H", body=(Paragraph("A paragraph of the story."),) * n), "xml"))


def _warc(n: int) -> str:
    records = []
    for i in range(n):
        page = f"<html><head><title>Story number {i}</title></head><body><p>The text of story {i}.</p></body></html>"
        http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}"
        records.append(
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/{i}\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012d}>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n{http}\r\n\r\n"
        )
    return "".join(records)


SHAPES: tuple[Shape, ...] = (
    # the four
    Shape("'\"x,\" said \"y,\" said ' x N", "enrich", repeated('"x," said "y," said ', "Headline\n\n")),
    Shape("'said ' x N", "enrich", repeated("said ", "Headline\n\n")),
    Shape("'told reporters that ' x N", "enrich", repeated("told reporters that ", "Headline\n\n")),
    Shape("<br> x N in one paragraph", "html", _html("word<br>")),
    # the quote, source and date enrichers on ordinary prose, repeated
    Shape("quoted sentences x N", "enrich",
          repeated('"We will win," Jane Smith, a spokeswoman, said on Monday. ', "Headline\n\n")),
    Shape("quote marks x N", "enrich", repeated('" ', "Headline\n\nHe said ")),
    Shape("curly quote marks x N", "enrich", repeated("\u201c ", "Headline\n\nHe said ")),
    Shape("distinct speakers x N", "enrich", lambda n: "Headline\n\n" + "".join(
        f'"Point {i}," said Person{chr(65 + i % 26)}{i} Name{i}. ' for i in range(n))),
    Shape("distinct speakers and pronouns x N", "enrich", lambda n: "Headline\n\n" + "".join(
        f'"Point {i}," said Person{chr(65 + i % 26)}{i} Name{i}. "And more," she said. "Yes," the official said. '
        for i in range(n))),
    Shape("dates x N", "enrich", repeated("on Monday, January 5, 2024 and ", "Headline\n\nIt happened ")),
    # the text parser
    Shape("text: one long line", "text", repeated("word ", "Headline\n\n")),
    Shape("text: many short lines", "text", repeated("word\n", "Headline\n\n")),
    Shape("text: many paragraphs", "text", repeated("A paragraph of text.\n\n", "Headline\n\n")),
    # web pages
    Shape("html: one long attribute", "html", lambda n: _page(f'<p title="{"a" * (40 * n)}">Text of it.</p>')),
    Shape("html: many attributes", "html", lambda n: _page(
        "<p " + " ".join(f"a{i}=x" for i in range(n)) + ">Text of it.</p>")),
    Shape("html: nested divs", "html", _html("<div>", "", "Text of it.")),
    Shape("html: many paragraphs", "html", _html("<p>A paragraph of the story.</p>", "", "")),
    Shape("html: inline tags in one paragraph", "html", _html("<b>bold</b> <i>it</i> ")),
    Shape("html: links in one paragraph", "html", _html('<a href="/page" title="t">a link</a> and <em>it</em> ')),
    # XML formats
    Shape("nitf: many paragraphs", "nitf", lambda n: _nitf("<p>A paragraph of the story.</p>" * n)),
    Shape("nitf: inline tags in one paragraph", "nitf", lambda n: _nitf("<p>" + "<em>w</em> " * n + "</p>")),
    Shape("newsml-g2: many paragraphs", "newsml-g2", _newsml_g2),
    Shape("newsml-1: many paragraphs", "newsml-1", _newsml_1),
    Shape("xml: many paragraphs", "xml", _articlekit_xml),
    Shape("xml: marks in one paragraph", "xml", lambda n: (
        '<article xmlns="https://articlekit.org/ns/1" schema="articlekit/1"><headline>H</headline><body><p>'
        + '<em>a</em> <link href="/x"><strong>b</strong> c</link> ' * n + "</p></body></article>")),
    Shape("markdown: links and emphasis in one paragraph", "markdown", repeated("*a* [**b** c](/x) ", "# H\n\n")),
    Shape("feed: many items", "feed", _rss),
    # JSON formats
    Shape("json: huge keyword array", "json", lambda n: _json_article(keywords=str(["k"] * n).replace("'", '"'))),
    Shape("json: many paragraphs", "json", lambda n: _json_article(
        body="[" + ", ".join(['{"type": "paragraph", "text": "A paragraph."}'] * n) + "]")),
    Shape("ninjs: long body_html", "ninjs", _ninjs),
    # Markdown
    Shape("md: many extensions", "md", _front_matter),
    Shape("md: many emphasis marks", "md", repeated("*a* _b_ ", "# Headline\n\n")),
    Shape("md: many backslashes and brackets", "md", repeated("\\[x\\] [y] ", "# Headline\n\n")),
    Shape("md: many paragraphs", "md", repeated("A paragraph of text.\n\n", "# Headline\n\n")),
    Shape("markdown: many emphasis marks", "markdown", repeated("*a* _b_ `c` ", "# Headline\n\n")),
    Shape("markdown: many links and brackets", "markdown", repeated("[a](b) [c] ![d](e) ", "# Headline\n\n")),
    Shape("markdown: nested block quotes and lists", "markdown", repeated("> - ", "# Headline\n\n", "deep\n")),
    # web archives (the articlekit-warc plugin, where installed)
    Shape("warc: many records", "warc", _warc),
)  # fmt: skip
"""Every shape checked; ``target`` names the parser (or ``enrich``)."""


def run_once(shape: Shape, data: bytes) -> None:
    """Read ``data`` as the shape says, to the last article."""
    if shape.target == "enrich":
        for _article in articlekit.parse_all(data, "text"):
            pass
    else:
        for _article in articlekit.parse_all(data, shape.target, enrich=False):
            pass


BUDGET = 0.25
"""Seconds of runs per size at least: a size that takes a few milliseconds is run until then
(at most ``MAX_RUNS`` times), so that on a busy machine one of its runs is left alone."""
MAX_RUNS = 40


def fastest(shape: Shape, data: bytes, repeat: int, budget: float = BUDGET) -> float:
    """The fastest of ``repeat`` runs or more (see ``BUDGET``), in seconds, with the garbage
    collector off while timing (as ``timeit`` does): its passes fall wherever the allocations
    happen to cross a threshold."""
    best = math.inf
    spent = 0.0
    runs = 0
    gc.collect()
    gc.disable()
    try:
        while runs < repeat or (spent < budget and runs < MAX_RUNS):
            start = time.perf_counter()
            run_once(shape, data)
            took = time.perf_counter() - start
            best = min(best, took)
            spent += took
            runs += 1
    finally:
        gc.enable()
    return best


@dataclass(frozen=True)
class Growth:
    """How a shape's time grew with its size."""

    shape: Shape
    sizes: tuple[int, ...]
    """The input sizes, in bytes."""
    seconds: tuple[float, ...]

    @property
    def ratios(self) -> tuple[float, ...]:
        """Time ratio of each doubling (2 for linear, 4 for quadratic)."""
        return tuple(b / a for a, b in zip(self.seconds, self.seconds[1:], strict=False))

    @property
    def exponent(self) -> float:
        """The growth exponent (1 linear, 2 quadratic) from the second size to the last, or the
        first when there are only two doublings: the smallest size may sit below a cache
        boundary that makes its first doubling look steep."""
        first = 1 if len(self.sizes) > 3 else 0
        return math.log2(self.seconds[-1] / self.seconds[first]) / math.log2(self.sizes[-1] / self.sizes[first])

    @property
    def gentlest(self) -> float:
        """The growth exponent of the doubling that grew least: one slow size (a busy machine, a
        cache boundary) cannot make it steep, while quadratic work is steep in every doubling."""
        return min(math.log2(ratio * self.sizes[i] / self.sizes[i + 1]) + 1 for i, ratio in enumerate(self.ratios))


def measure(shape: Shape, *, start: int, doublings: int, repeat: int, budget: float = BUDGET) -> Growth:
    """Time ``shape`` at about ``start`` bytes, twice that, ... ``2**doublings`` times that."""
    base = shape.units(start)
    sizes, seconds = [], []
    run_once(shape, shape.build(base).encode("utf-8"))  # warm up: imports, compiled patterns
    for step in range(doublings + 1):
        data = shape.build(base << step).encode("utf-8")
        sizes.append(len(data))
        seconds.append(max(fastest(shape, data, repeat, budget), 1e-9))
    return Growth(shape, tuple(sizes), tuple(seconds))


def applicable(shapes: Sequence[Shape]) -> list[Shape]:
    """The shapes whose parser is installed."""
    parsers = articlekit.get_registry().parsers
    return [s for s in shapes if (s.target == "enrich" and "text" in parsers) or s.target in parsers]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py complexity", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts (default 3)")
    parser.add_argument("--doublings", type=int, default=3, help="times the size doubles (default 3)")
    parser.add_argument(
        "--bytes", type=int, default=START, help=f"every shape's smallest size, but known ones' (default {START:,})"
    )
    parser.add_argument("--limit", type=float, default=LIMIT, help=f"largest growth exponent (default {LIMIT})")
    parser.add_argument("--shapes", help="only the shapes whose name holds one of these, comma-separated")
    args = parser.parse_args(argv)
    shapes = applicable(SHAPES)
    if args.shapes:
        wanted = [w.strip() for w in args.shapes.split(",") if w.strip()]
        shapes = [s for s in shapes if any(w in s.name for w in wanted)]
    print(f"growth exponent limit {args.limit} (1 linear, 2 quadratic); fastest of {args.repeat} runs per size\n")
    print(
        "| shape | read by | bytes, smallest to largest | ms, smallest to largest | ratio per doubling | exponent | |"
    )
    print("|---|---|---|---|---|---|---|")
    failed = []
    for shape in shapes:
        growth = measure(shape, start=shape.start or args.bytes, doublings=args.doublings, repeat=args.repeat)
        if growth.exponent > args.limit:  # a busy machine can slow one size down: measure once more
            again = measure(shape, start=shape.start or args.bytes, doublings=args.doublings, repeat=args.repeat)
            growth = min(growth, again, key=lambda g: g.exponent)
        ok = growth.exponent <= args.limit
        verdict = "ok" if ok else ("SUPER-LINEAR (known: " + shape.known + ")" if shape.known else "SUPER-LINEAR")
        if not ok:
            failed.append(shape.name)
        print(
            f"| {shape.name} | {shape.target} | {growth.sizes[0]:,} to {growth.sizes[-1]:,} | "
            f"{growth.seconds[0] * 1e3:.1f} to {growth.seconds[-1] * 1e3:.1f} | "
            f"{' '.join(f'{r:.2f}' for r in growth.ratios)} | {growth.exponent:.2f} | {verdict} |",
            flush=True,
        )
    print()
    if failed:
        print(f"super-linear: {len(failed)} of {len(shapes)} shapes: {'; '.join(failed)}")
        return 1
    print(f"all {len(shapes)} shapes near-linear")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
