"""jusText's signals as first-stage features of the web-body classifier, on the block-level
leave-one-set-out measure of ``bench/web_train.py`` (a probe: tried, not shipped; see the
section "Web pages: five sets, leave-one-set-out" of docs/benchmarks.md).

``python bench/web_justext_probe.py VARIANT`` appends to each judged block's features (read from
``bench/results/web-features.pkl``, built by ``python bench/web_train.py --dry-run``) the columns
its variant letters name, trains the two-stage model leave-one-set-out and prints each set's F1:

- ``a``: the block's function-word density (its ``\\w+`` words found in
  ``bench/function_words.txt``, a fixed list of the commonest function words of en, de, fr, es,
  it, pt and nl, over its words);
- ``b``: the densities of the blocks before and after it;
- ``c``: the density times the block's log length;
- ``j``: density at least 0.32, density under 0.30 (jusText's two stop-word thresholds);
- ``J``: jusText's class after its context revision is "good";
- ``K``: jusText's class before it, "good" and "near-good";
- ``none``: nothing (the baseline).

jusText's classes (its defaults): "bad" over 0.2 link density; "short" under 70 characters;
"good" at density 0.32 or more and over 200 characters, "near-good" at density 0.30 or more;
otherwise "bad". A near-good block turns bad between two bad neighbours (the nearest blocks
that are not short), good otherwise; a short block turns good between a good one and a good or
near-good one, bad otherwise.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_train
from articlekit.formats.html import body as webbody
from web import ALL_SETS, load_sets

WORDS = frozenset((Path(__file__).resolve().parent / "function_words.txt").read_text(encoding="utf-8").split())
_WORD = re.compile(r"\w+")
_LINK_DENSITY = webbody.FEATURES.index("link_density")
_LOG_CHARS = webbody.FEATURES.index("log_chars")


def density(text: str) -> float:
    words = _WORD.findall(text.lower())
    return sum(1 for w in words if w in WORDS) / len(words) if words else 0.0


def justext_classes(texts: list[str], rows: list[list[float]], densities: list[float]) -> tuple[list[str], list[bool]]:
    """(each block's class before the revision, whether it is good after it)."""
    classes = []
    for text, row, d in zip(texts, rows, densities, strict=True):
        link_density = row[_LINK_DENSITY] if row else 0.0
        if link_density > 0.2:
            classes.append("bad")
        elif len(text) < 70:
            classes.append("short")
        elif d >= 0.32:
            classes.append("good" if len(text) > 200 else "near")
        else:
            classes.append("near" if d >= 0.30 else "bad")

    def neighbour(i: int, step: int) -> str:
        j = i + step
        while 0 <= j < len(classes) and classes[j] == "short":
            j += step
        return classes[j] if 0 <= j < len(classes) else "bad"

    good = []
    for i, c in enumerate(classes):
        if c in ("good", "bad"):
            good.append(c == "good")
            continue
        before, after = neighbour(i, -1), neighbour(i, 1)
        if c == "near":
            good.append(not (before == "bad" and after == "bad"))
        else:
            good.append(
                (before == "good" and after in ("good", "near")) or (after == "good" and before in ("good", "near"))
            )
    return classes, good


def main(variant: str) -> int:
    def columns(page: dict[str, Any]) -> Callable[[int, list[float]], list[float]]:
        texts, rows = page["texts"], page["features"]
        d = [density(t) for t in texts]
        classes, good = justext_classes(texts, rows, d)

        def of_block(i: int, row: list[float]) -> list[float]:
            extra = []
            if "a" in variant:
                extra.append(d[i])
            if "b" in variant:
                extra += [d[i - 1] if i else 0.0, d[i + 1] if i + 1 < len(d) else 0.0]
            if "c" in variant:
                extra.append(d[i] * row[_LOG_CHARS])
            if "j" in variant:
                extra += [1.0 if d[i] >= 0.32 else 0.0, 1.0 if d[i] < 0.30 else 0.0]
            if "J" in variant:
                extra.append(1.0 if good[i] else 0.0)
            if "K" in variant:
                extra += [1.0 if classes[i] == "good" else 0.0, 1.0 if classes[i] == "near" else 0.0]
            return extra

        return of_block

    web_train.print_loso_with_columns(web_train.collect(load_sets(ALL_SETS)), columns, variant)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "a"))
