"""Tag-path groups as first-stage features of the web-body classifier, on the block-level
leave-one-set-out measure of ``bench/web_train.py`` (a probe; see the section "Web pages: five
sets, leave-one-set-out" of docs/benchmarks.md).

``python bench/web_tagpath_probe.py VARIANT`` appends to each judged block's features (read from
``bench/results/web-features.pkl``, built by ``python bench/web_train.py --dry-run``, which records
each block's paths) the features of its group, the blocks of the page with the same path, and
trains and scores the two-stage model leave-one-set-out. The variant letters:

- ``t``: the group by tag path (tag names from the root to the block);
- ``c``: the group by tag and class path (each tag with its class words, digits taken out);
- ``s``: of the tag path's group, only its link density and its share of the page's characters;
- ``none``: nothing (the baseline).

Per group: its size (log), its characters (log), its mean characters per block (log), its link
density (link characters over characters) and its share of the page's characters.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_train
from articlekit.formats.html import body as webbody
from web import ALL_SETS, load_sets

_LINK_DENSITY = webbody.FEATURES.index("link_density")


def group_features(
    paths: list[int], chars: list[int], links: list[float], total: int
) -> list[tuple[float, float, float, float, float]]:
    size: dict[int, int] = defaultdict(int)
    text: dict[int, int] = defaultdict(int)
    linked: dict[int, float] = defaultdict(float)
    for path, n, k in zip(paths, chars, links, strict=True):
        size[path] += 1
        text[path] += n
        linked[path] += k
    out = []
    for path in paths:
        n, t = size[path], text[path]
        out.append((math.log1p(n), math.log1p(t), math.log1p(t / n), linked[path] / t if t else 0.0, t / total))
    return out


def main(variant: str) -> int:
    def columns(page: dict[str, Any]) -> Callable[[int, list[float]], list[float]]:
        texts, rows = page["texts"], page["features"]
        chars = [len(t) for t in texts]
        links = [(row[_LINK_DENSITY] if row else 0.0) * n for row, n in zip(rows, chars, strict=True)]
        total = sum(chars) or 1
        by_tag = group_features([p[0] for p in page["paths"]], chars, links, total)
        by_class = group_features([p[1] for p in page["paths"]], chars, links, total)

        def of_block(i: int, row: list[float]) -> list[float]:
            extra: list[float] = []
            if "t" in variant:
                extra += by_tag[i]
            if "s" in variant:
                extra += by_tag[i][3:]
            if "c" in variant:
                extra += by_class[i]
            return extra

        return of_block

    web_train.print_loso_with_columns(web_train.collect(load_sets(ALL_SETS)), columns, variant)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "t"))
