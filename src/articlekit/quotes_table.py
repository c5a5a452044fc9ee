"""``articlekit quotes FILE...``: who said what, as a readable table, for every article of
every input.

Each article gets a title line, one row per quote (id, kind, speaker, when/where, the words)
and the list of its sources; with ``--explain``, the rule that found each quote and every
candidate a named veto dropped. An input that cannot be read prints one line on standard error
and the others go on; the exit status is 1 when any input failed, as with ``convert``.

    $ articlekit quotes seeds/000_fceb5e4b891116b7.txt
    seeds/000_fceb5e4b891116b7.txt: Putin: US-proposed list of points on Ukraine ... (2025-11-28)
      q1  indirect  Vladimir Putin  Thursday  The US-proposed list of points on Ukraine could ...
      ...
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from articlekit.api import parse_all
from articlekit.batch import STDIN, collect_inputs
from articlekit.enrich.quotes import Explanation, applies_to, explain_quotes
from articlekit.errors import ArticlekitError
from articlekit.model import Article, Quote
from articlekit.terminal import printable, quoted_name

__all__ = ["add_arguments", "render", "render_explanation", "run"]

EXIT_OK = 0
EXIT_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's own arguments (the reading options come from the command line module)."""
    parser.add_argument("inputs", nargs="+", metavar="FILE", help="files, folders or globs (- for standard input)")
    parser.add_argument("--full", action="store_true", help="show every quote whole, wrapped, instead of cut")
    parser.add_argument("--width", type=int, metavar="N", help="the table's width (default: the terminal's)")
    parser.add_argument("--no-sources", action="store_true", help="leave out the list of sources")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also show which rule found each quote and which veto dropped each rejected candidate",
    )


def _speaker(article: Article, quote: Quote) -> str:
    if quote.speaker is None:
        return "?"
    source = article.source(quote.speaker.source) if quote.speaker.source else None
    return source.name if source is not None else quote.speaker.mention


def _context(quote: Quote) -> str:
    parts = []
    when = quote.context.when
    if when is not None:
        parts.append(when.start.isoformat() if when.date is not None and when.start else when.text)
    if quote.context.channel:
        parts.append(quote.context.channel)
    if quote.context.venue:
        parts.append(quote.context.venue)
    return ", ".join(parts)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)].rstrip() + "…"


def render(article: Article, name: str, *, width: int = 100, full: bool = False, sources: bool = True) -> str:
    """The who-said-what table of one article; control characters in its text (an escape
    sequence) are shown escaped, not sent to the terminal."""
    title = article.headline or "(no headline)"
    published = f" ({article.published.date().isoformat()})" if article.published else ""
    lines = [_cut(f"{quoted_name(name)}: {title}{published}", width)]
    if not article.quotes:
        if applies_to(article):
            lines.append("  no quotes")
        else:
            # say why: "no quotes" would read as "nobody is quoted"
            lines.append(
                f"  no quotes found: the quote finder reads English only, and this article is in {article.language}"
            )
        return "\n".join(printable(line) for line in lines)
    rows = [(q.id, q.kind, _speaker(article, q), _context(q), q.text) for q in article.quotes]
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    widths.append(min(28, max(len(r[2]) for r in rows)))
    widths.append(min(30, max(len(r[3]) for r in rows)))
    lead = 2 + sum(w + 2 for w in widths)
    room = max(20, width - lead)
    for qid, kind, speaker, context, text in rows:
        head = "  " + "  ".join(
            cell.ljust(w) if len(cell) <= w else _cut(cell, w)
            for cell, w in zip((qid, kind, speaker, context), widths, strict=True)
        )
        if full:
            wrapped = textwrap.wrap(" ".join(text.split()), room) or [""]
            lines.append(f"{head}  {wrapped[0]}")
            lines.extend(" " * lead + more for more in wrapped[1:])
        else:
            lines.append(f"{head}  {_cut(text, room)}")
    if sources and article.sources:
        lines.append("  sources:")
        for source in article.sources:
            about = [source.kind, *source.titles]
            if source.affiliation and source.affiliation not in " ".join(source.titles):
                about.append(source.affiliation)
            also = f"; also {', '.join(source.aliases)}" if source.aliases else ""
            described = _cut(f"{source.name} ({', '.join(about)}){also}", width - 6 - len(source.id))
            lines.append(f"    {source.id}  {described}")
    return "\n".join(printable(line) for line in lines)


def render_explanation(article: Article, explanation: Explanation, *, width: int = 100) -> str:
    """Which rule found each quote, and every veto with the words it read. ``article`` is the
    article as the quotes enricher received it (parsed with ``enrich=False``)."""
    lines = []
    if explanation.rules:
        lines.append("  found by:")
        lines.extend(f"    {qid:4} {rule}" for qid, rule in explanation.rules.items())
    if explanation.vetoes:
        lines.append("  vetoed (paragraph, rule: veto, the words it read):")
        for dropped in explanation.vetoes:
            text = article.body[dropped.block].text
            lo, hi = max(0, dropped.start - 30), min(len(text), dropped.end + 40)
            words = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
            lines.append("    " + _cut(f"¶{dropped.block} {dropped.rule}: {dropped.veto}  {words}", width - 4))
    if not lines:
        lines.append("  nothing found and nothing vetoed by the quote rules")
    return "\n".join(lines)


def _articles(path: str, fmt: str | None, options: dict[str, Any], data: bytes | None = None) -> Iterator[Article]:
    """The articles of one input; ``data`` is standard input's bytes when they were read already."""
    source: Any = data if data is not None else sys.stdin.buffer if path == STDIN else Path(path)
    yield from parse_all(source, fmt, name=path, **options)


def run(
    args: argparse.Namespace,
    options: dict[str, Any],
    error: Callable[[str], None],
    out: IO[str] | None = None,
) -> int:
    """Print the table for every article of every input named in ``args.inputs``; return the
    exit status. ``error`` prints one line about an input that failed."""
    out = out or sys.stdout
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    items, missing = collect_inputs(args.inputs)
    for name, reason in missing:
        error(f"{quoted_name(name)}: {reason}")
    failed = bool(missing)
    first = True
    for item in items:
        explain = bool(getattr(args, "explain", False))
        try:
            # (standard input is read once: --explain parses it twice)
            data = sys.stdin.buffer.read() if item.path == STDIN and explain else None
            articles = list(_articles(item.path, args.from_, options, data))
            bare: list[Article | None] = [None] * len(articles)
            if explain:
                # the articles as the quotes enricher receives them, for the rules to explain
                found = list(_articles(item.path, args.from_, {**options, "enrich": False}, data))
                if len(found) == len(articles):
                    bare = list(found)
        except ArticlekitError as exc:
            message = str(exc)
            message = message if message.startswith(item.path) else f"{item.path}: {message}"
            error(message.replace(item.path, quoted_name(item.path)))
            failed = True
            continue
        except OSError as exc:
            error(f"{quoted_name(item.path)}: cannot read: {exc.strerror or exc}")
            failed = True
            continue
        for article, before in zip(articles, bare, strict=True):
            if not first:
                print(file=out)
            first = False
            print(render(article, item.path, width=width, full=args.full, sources=not args.no_sources), file=out)
            if before is not None:
                print(render_explanation(before, explain_quotes(before), width=width), file=out)
    return EXIT_FAILED if failed else EXIT_OK
