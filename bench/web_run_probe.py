"""Where a block stands against the page's densest run of prose, as first-stage features of the
web-body classifier, on the block-level leave-one-set-out measure of ``bench/web_train.py`` (a
probe; see the section "The page's headline anchors a short post" of docs/benchmarks.md).

``python bench/web_run_probe.py VARIANTS`` appends columns, computed from the cached blocks of
``bench/results/web-features.pkl`` (built by ``python bench/web_train.py``), to each judged block's
row and trains and scores the two-stage model leave-one-set-out (each variant in one run,
comma-separated). A block's *prose* is its characters outside links when it reads as a sentence
(a sentence end, under 30% links), else nothing. The letters:

- ``r``: the page's densest run, the blocks in document order maximising the sum of each
  block's prose minus a penalty of the other blocks' characters (Kadane's maximum subarray):
  whether the block lies in it, and the characters between the block and the run, before it and
  after it, as shares of the page's characters;
- ``s``: the run's share of the page's prose (one value per page, times the block in the run);
- ``p``: the share of the page's prose before the block and after it;
- ``m``: the block's prose over the page's longest block of prose (log ratio, capped);
- ``none``: nothing (the baseline).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_train
from articlekit.formats.html import body as webbody
from web import ALL_SETS, load_sets

_LINK_DENSITY = webbody.FEATURES.index("link_density")
_SENTENCE_END = webbody._SENTENCE_END


def prose(texts: list[str], rows: list[list[float]]) -> list[float]:
    out = []
    for text, row in zip(texts, rows, strict=True):
        density = row[_LINK_DENSITY] if row else 1.0
        if row and density < 0.3 and _SENTENCE_END.search(text):
            out.append(len(text) * (1.0 - density))
        else:
            out.append(0.0)
    return out


def densest_run(gains: list[float]) -> tuple[int, int]:
    """[start, end) of the maximum-sum run of ``gains`` (Kadane), (0, 0) when none is positive."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, g in enumerate(gains):
        if total <= 0:
            total, start = 0.0, i
        total += g
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def columns_for(variant: str, penalty: float) -> Callable[[dict[str, Any]], Callable[[int, list[float]], list[float]]]:
    def columns(page: dict[str, Any]) -> Callable[[int, list[float]], list[float]]:
        texts, rows = page["texts"], page["features"]
        chars = [len(t) for t in texts]
        total = sum(chars) or 1
        good = prose(texts, rows)
        all_prose = sum(good) or 1.0
        gains = [g if g > 0 else -penalty * n for g, n in zip(good, chars, strict=True)]
        start, end = densest_run(gains)
        run_prose = sum(good[start:end]) / all_prose
        cumulative = [0]
        for n in chars:
            cumulative.append(cumulative[-1] + n)
        prose_before = [0.0]
        for g in good:
            prose_before.append(prose_before[-1] + g)
        longest = max(good, default=0.0) or 1.0

        def of_block(i: int, row: list[float]) -> list[float]:
            extra: list[float] = []
            inside = start <= i < end
            if "r" in variant:
                gap_before = (cumulative[start] - cumulative[i + 1]) / total if i < start else 0.0
                gap_after = (cumulative[i] - cumulative[end]) / total if i >= end else 0.0
                extra += [1.0 if inside else 0.0, max(0.0, gap_before), max(0.0, gap_after)]
            if "s" in variant:
                extra.append(run_prose if inside else 0.0)
            if "p" in variant:
                extra += [prose_before[i] / all_prose, (all_prose - prose_before[i + 1]) / all_prose]
            if "m" in variant:
                extra.append(max(-5.0, math.log((good[i] + 1.0) / longest)) if good[i] else -5.0)
            return extra

        return of_block

    return columns


def main(variants: list[str], penalty: float) -> int:
    sets = load_sets(ALL_SETS)
    for variant in variants:
        data = web_train.collect(sets)  # a fresh copy: the columns are appended in place
        saved = webbody.FEATURES
        web_train.print_loso_with_columns(data, columns_for(variant, penalty), f"{variant} (penalty {penalty})")
        webbody.FEATURES = saved
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    penalty = float(args.pop(args.index("--penalty") + 1)) if "--penalty" in args else 0.5
    if "--penalty" in args:
        args.remove("--penalty")
    sys.exit(main((args[0] if args else "none,r").split(","), penalty))
