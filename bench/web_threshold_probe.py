"""How the decision's thresholds are chosen, and how stable the choice is, on the block-level
leave-one-set-out measure of ``bench/web_train.py`` (a probe; see the section "Web pages: five
sets, leave-one-set-out" of ``docs/benchmarks.md``): ``python bench/web_threshold_probe.py``.

For each set left out, the two-stage model is fitted on the four others once; every rule of
``web_train.CHOICES`` then picks the two thresholds and the transitions' weight from the
training sets' page scores, the fallback's share is chosen after it as ``web_train.train``
does, and the set left out is scored (its F1 before the fallback, and after it: the LOSO
figure of ``web_train.py --dry-run``). The stability: each training set's pages in turn
resampled with replacement (``--resamples`` times, the fitted weights kept), the rule's choice
made again; printed per rule, the share of those choices that differ from the choice on the
pages as they are, the mean move of the two thresholds, and the spread (standard deviation) of
the left-out set's F1 (before the fallback) across them.

Uses the cached features of ``bench/results/web-features.pkl`` (``python bench/web_train.py
--dry-run`` builds them).
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_train
from web import ALL_SETS, load_sets


def main(argv: list[str]) -> int:
    import numpy as np

    parser = argparse.ArgumentParser(prog="bench/web_threshold_probe.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", default=",".join(web_train.CHOICES), help="the rules compared, comma-separated")
    parser.add_argument("--resamples", type=int, default=20, help="resamplings per training set for the stability")
    args = parser.parse_args(argv)
    rules = [r for r in args.rules.split(",") if r]
    data = web_train.collect(load_sets(ALL_SETS))
    held_f1: dict[str, dict[str, tuple[float, float]]] = {rule: {} for rule in rules}
    moves: dict[str, list[tuple[str, bool, float, Any]]] = {rule: [] for rule in rules}
    chosen: dict[str, dict[str, tuple[float, float, float, float]]] = {rule: {} for rule in rules}
    rng = np.random.default_rng(1)
    for held in data:
        train = {n: p for n, p in data.items() if n != held}
        model = web_train.fit(train)
        log_a, log_pi = web_train.transitions(train)
        configs, scores = web_train.page_scores(model, data, (log_a, log_pi, web_train.SEQUENCE_WEIGHTS))
        on_held = web_train.set_f1(*scores[held])
        on_train = {n: s for n, s in scores.items() if n != held}
        finished: dict[tuple[float, float, float], tuple[float, float]] = {}
        for rule in rules:
            previous = web_train.previous_choice(held)
            config = web_train.choose(configs, on_train, rule, previous=previous)
            if config not in finished:
                final = web_train.finish(copy.deepcopy(model), config, log_a, log_pi, train)
                finished[config] = (web_train.model_f1(final, {held: data[held]}), final.fallback)
            held_f1[rule][held] = (-1.0, finished[config][0])
            chosen[rule][held] = (*config, finished[config][1])
            for name in on_train:
                for _ in range(args.resamples):
                    precision, recall = on_train[name]
                    pick = rng.integers(0, len(precision), len(precision))
                    again = web_train.choose(
                        configs, {**on_train, name: (precision[pick], recall[pick])}, rule, previous=previous
                    )
                    moves[rule].append(
                        (held, again != config, abs(again[0] - config[0]) + abs(again[1] - config[1]), again)
                    )
        # the left-out set's F1 before the fallback at every configuration chosen (some off the grid)
        wanted = sorted(
            {m[3] for rule in rules for m in moves[rule] if m[0] == held} | {chosen[r][held][:3] for r in rules}
        )
        extra = [c for c in wanted if c not in configs]
        f1_of = {c: float(on_held[configs.index(c)]) for c in wanted if c in configs}
        if extra:
            _, more = web_train.page_scores(model, {held: data[held]}, (log_a, log_pi, [0.0]), extra)
            f1_of.update(zip(extra, map(float, web_train.set_f1(*more[held])), strict=True))
        for rule in rules:
            held_f1[rule][held] = (f1_of[chosen[rule][held][:3]], held_f1[rule][held][1])
            moves[rule] = [(*m[:3], f1_of[m[3]]) if m[0] == held else m for m in moves[rule]]
        print(f"{held} done", file=sys.stderr)
    names = list(data)
    print("rule: LOSO after the fallback per set (before it) | choices | stability")
    for rule in rules:
        after = [held_f1[rule][n][1] for n in names]
        before = [held_f1[rule][n][0] for n in names]
        line = " ".join(f"{n} {a:.4f} ({b:.4f})" for n, a, b in zip(names, after, before, strict=True))
        print(f"{rule}: {line} mean {np.mean(after):.4f} ({np.mean(before):.4f})")
        print("   choices (add, keep, weight, fallback): " + "; ".join(f"{n} {chosen[rule][n]}" for n in names))
        changed = np.mean([m[1] for m in moves[rule]])
        shift = np.mean([m[2] for m in moves[rule]])
        # the spread of the left-out set's F1 within each fold, averaged over the folds
        spread = np.mean([np.std([m[3] for m in moves[rule] if m[0] == n]) for n in names])
        for n in names:
            mine = [m for m in moves[rule] if m[0] == n]
            print(
                f"   {n} fold: changed {np.mean([m[1] for m in mine]):.2f}, move {np.mean([m[2] for m in mine]):.3f},"
                f" held-out F1 {min(m[3] for m in mine):.4f} to {max(m[3] for m in mine):.4f}"
                f" (sd {np.std([m[3] for m in mine]):.4f})"
            )
        print(
            f"   stability: choice changed {changed:.2f} of resamples, threshold move {shift:.3f},"
            f" held-out F1 sd {spread:.4f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
