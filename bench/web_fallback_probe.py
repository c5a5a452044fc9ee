"""Probe: Readability's top candidate as a fallback when the kept body is far shorter than it.

``python bench/web_fallback_probe.py``: for each set, the model trained on the other sets
(``web_train.loso_models``) decides each page's blocks as the parser does; then, where the
kept text is under RATIO times the text of the judged blocks inside Readability's top candidate
and the siblings it takes in (``vote_inside_top``, ``vote_inside_sibling``; blocks mostly links
left out), those blocks are kept too (``add``) or instead (``replace``). The block-level F1 of
``web_train.block_f1`` per set for each ratio, and for the ratio chosen on the training sets.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from aeb import summary
from web import ALL_SETS, load_sets
from web_train import FEATURE_INDEX, _judged, _kept_scores, _logit, collect, decode, loso_models, probabilities

RATIOS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7)


def kept_by_model(model, page):  # type: ignore[no-untyped-def]
    rows = np.array(page["features"])
    kept = rows[:, FEATURE_INDEX["heuristic"]] > 0
    judged = _judged(page)
    if judged:
        h = kept[judged]
        barred = ~h & ((rows[judged, FEATURE_INDEX["in_furniture"]] > 0) | (rows[judged, FEATURE_INDEX["link_density"]] > 0.5))
        bar = np.where(h, _logit(model.keep_threshold), _logit(model.threshold))
        gain = (_logit(probabilities(model, page)[judged]) - bar)[:, None]
        gain[barred] = -1e9
        if model.transitions is None:
            log_a, log_pi, w = np.zeros((2, 2)), np.zeros(2), np.array([0.0])
        else:
            log_a, log_pi, w = np.array(model.transitions), np.array(model.initial), np.array([1.0])
        kept = kept.copy()
        kept[judged] = decode(gain, log_a, log_pi, w)[:, 0]
    return kept


def f1_by_ratio(model, pages_by_set, mode):  # type: ignore[no-untyped-def]
    out = {r: [] for r in RATIOS}
    for pages in pages_by_set.values():
        results = {r: [] for r in RATIOS}
        for page in pages:
            if not page["features"]:
                for r in RATIOS:
                    results[r].append((1.0, 1.0) if page["truth"] == 0 else (0.0, 0.0))
                continue
            rows = np.array(page["features"])
            kept = kept_by_model(model, page)
            chars = np.array([len(t) for t in page["texts"]])
            judged = np.zeros(len(chars), dtype=bool)
            judged[_judged(page)] = True
            top = judged & ((rows[:, FEATURE_INDEX["vote_inside_top"]] > 0) | (rows[:, FEATURE_INDEX["vote_inside_sibling"]] > 0))
            top &= rows[:, FEATURE_INDEX["link_density"]] <= 0.5
            kept_chars, top_chars = chars[kept].sum(), chars[top].sum()
            good = np.array(page["labels"], dtype=bool)
            for r in RATIOS:
                k = kept
                if kept_chars < r * top_chars:
                    k = (kept | top) if mode == "add" else (top | (kept & ~judged))
                results[r].append(_kept_scores(k, np.array(page["tp"]), np.array(page["size"]), good[:-1] & good[1:], page["truth"]))
        for r in RATIOS:
            out[r].append(summary(results[r])[0])
    return {r: sum(v) / len(v) for r, v in out.items()}


def main() -> int:
    data = collect(load_sets(ALL_SETS))
    models = loso_models(data)
    for mode in ("add", "replace"):
        chosen = {}
        table = {}
        for held, model in models.items():
            train = {n: p for n, p in data.items() if n != held}
            on_train = f1_by_ratio(model, train, mode)
            best = max(RATIOS, key=lambda r: (on_train[r], -r))
            table[held] = f1_by_ratio(model, {held: data[held]}, mode)
            chosen[held] = best
        for r in RATIOS:
            line = " ".join(f"{table[h][r]:.4f}" for h in models)
            print(f"{mode:8} ratio {r:.1f}: {line} mean {np.mean([table[h][r] for h in models]):.4f}")
        line = " ".join(f"{table[h][chosen[h]]:.4f}({chosen[h]})" for h in models)
        print(f"{mode:8} chosen   : {line} mean {np.mean([table[h][chosen[h]] for h in models]):.4f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
