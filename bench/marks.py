"""What keeping links and emphasis costs the html parser: ``python bench/run.py marks``.

Every dev page (``corpora/web-dev/*`` and ``corpora/aeb-dev`` under ``$ARTICLEKIT_SHARED``) is
parsed (enrichers off) with marks as shipped and, in the same run, with mark reading switched off
(no element counts as a mark), the two passes interleaved, best of ``--repeat`` (3) for each.
Reported: the marks found, the time with marks over the time without (the floor), and whether
every page's text is the same both ways (marks must not move a character).

Options: ``--pages N`` (the first N pages of each set), ``--repeat N``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from unittest import mock

import articlekit
from articlekit.common import htmlbody
from articlekit.errors import ArticlekitError
from web import ALL_SETS, load_sets


def _parse_all(pages: Sequence[bytes]) -> tuple[float, list[str], int]:
    texts: list[str] = []
    marks = 0
    start = time.perf_counter()
    for data in pages:
        try:
            article = articlekit.parse(data, "html", enrich=False)
        except ArticlekitError:
            texts.append("")
            continue
        texts.append(article.text)
        marks += sum(len(getattr(block, "marks", ())) for block in article.body)
    return time.perf_counter() - start, texts, marks


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py marks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sets = load_sets(ALL_SETS, args.pages)
    pages = [data for found in sets.values() for _id, data, _gold in found]
    with_marks: list[float] = []
    without: list[float] = []
    texts_with: list[str] = []
    texts_without: list[str] = []
    found = 0
    for _ in range(args.repeat):
        elapsed, texts_with, found = _parse_all(pages)
        with_marks.append(elapsed)
        # the floor: no element is a mark, no link has a target
        with mock.patch.object(htmlbody, "MARK_TAGS", {}), mock.patch.object(htmlbody, "link_href", lambda *_: None):
            elapsed, texts_without, none = _parse_all(pages)
        assert none == 0
        without.append(elapsed)
    same = sum(a == b for a, b in zip(texts_with, texts_without, strict=True))
    print(f"pages: {len(pages)} in {len(sets)} sets; marks found: {found}")
    print(f"parse time with marks / without (best of {args.repeat}): {min(with_marks) / min(without):.3f}")
    print(f"pages whose text is the same with and without marks: {same}/{len(pages)}")
    return 0 if same == len(pages) else 1
