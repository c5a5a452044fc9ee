"""Evidence for where a headline loses the site's name (a probe; see the subsection "The last
defects: UTF-16 without a mark, the site's name, a hostile user (2026-12-07, 13m12)" of
docs/benchmarks.md): on every page of the metadata sets (``bench/web_meta.py``'s), how often the
``html`` parser cuts a leading or a trailing part off the headline its metadata gives
(``og:title``, JSON-LD ``headline``: ``strip_site_name``) and off its ``<title>``
(``title_headline``; and, for more pages on the same question, the metadata's rule on the
``<title>``), and whether the cut headline or the whole one reads as the page's ``<h1>`` (the
same letters and digits as one ``<h1>`` outside navigation and furniture).

``python bench/web_site_name_probe.py [--set NAME ...] [--show N]``. The pages are read from
``$ARTICLEKIT_SHARED`` and never copied into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from collections.abc import Callable, Collection
from typing import Any

import articlekit.formats.html.meta as meta_module
from articlekit.formats.html.meta import (
    _outside_furniture,
    _site_marks,
    _spaced_text,
    compact,
    plain_text,
    read_metadata,
    title_headline,
)
from articlekit.formats.html.parser import _parse_tree, decode_page
from web_meta import sets

SIDES = ("leading", "trailing", "both")
FIELDS = ("metadata", "<title>", "<title>, metadata's rule")
VERDICTS = ("cut = h1", "whole = h1", "neither", "no h1")


def _side(whole: str, cut: str) -> str | None:
    """Which end ``cut`` lost from ``whole``: None when nothing went."""
    if compact(cut) == compact(whole):
        return None
    if whole.rstrip().endswith(cut.strip()):
        return "leading"
    if whole.lstrip().startswith(cut.strip()):
        return "trailing"
    return "both"


def _verdict(whole: str, cut: str, headings: Collection[str]) -> str:
    """``cut`` when the cut headline reads as an ``<h1>``, ``whole`` when the whole one does,
    ``neither`` otherwise (``no h1`` for a page without one)."""
    if not headings:
        return "no h1"
    if compact(cut) in headings:
        return "cut = h1"
    if compact(whole) in headings:
        return "whole = h1"
    return "neither"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/web_site_name_probe.py", description=__doc__)
    parser.add_argument("--set", action="append", dest="only", help="only this set (repeatable)")
    parser.add_argument("--show", type=int, default=0, help="print up to N examples per side and verdict")
    args = parser.parse_args(argv)
    calls: list[tuple[str, str]] = []
    original: Callable[[str, Collection[str]], str] = meta_module.strip_site_name

    def recording(headline: str, marks: Collection[str]) -> str:
        cut = original(headline, marks)
        calls.append((headline, cut))
        return cut

    meta_module.strip_site_name = recording  # type: ignore[assignment]
    tally: Counter[tuple[str, str, str]] = Counter()
    shown: dict[tuple[str, str, str], list[str]] = {}
    for name, folder in sets().items():
        if args.only and name not in args.only:
            continue
        for path in sorted(folder.glob("*.html.gz")):
            text, _charset = decode_page(gzip.decompress(path.read_bytes()))
            root: Any = _parse_tree(text, path.name)
            calls.clear()
            meta = read_metadata(root)
            headings = {
                compact(plain_text(_spaced_text(h1)))
                for h1 in root.iter("h1")
                if _outside_furniture(h1) and compact(_spaced_text(h1))
            }
            pairs = [("metadata", *calls[0])] if calls else []
            if meta.title:
                marks = _site_marks(meta, None)
                pairs.append(("<title>", meta.title, title_headline(meta.title, marks)))
                # the metadata's rule on the <title>: many more pages, for the same question
                pairs.append(("<title>, metadata's rule", meta.title, original(" ".join(meta.title.split()), marks)))
            for field, whole, cut in pairs:
                side = _side(whole, cut)
                if side is None:
                    continue
                key = (field, side, _verdict(whole, cut, headings))
                tally[key] += 1
                shown.setdefault(key, []).append(f"{name}/{path.name}: {whole!r} -> {cut!r}")
    print(f"{'headline from':<26} {'cut at':<9} {'pages':>6} " + " ".join(f"{v:>10}" for v in VERDICTS))
    for field in FIELDS:
        for side in SIDES:
            row = [tally[(field, side, v)] for v in VERDICTS]
            print(f"{field:<26} {side:<9} {sum(row):>6} " + " ".join(f"{n:>10}" for n in row))
    if args.show:
        for key, examples in sorted(shown.items()):
            print(f"\n{' / '.join(key)}:")
            for line in examples[: args.show]:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
