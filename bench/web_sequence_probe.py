"""Sequence decoding of the web-body classifier's decision, on the block-level leave-one-set-out
measure of ``bench/web_train.py`` (a probe; see the section "Web pages: five sets,
leave-one-set-out" of docs/benchmarks.md).

``python bench/web_sequence_probe.py`` reads the cached features (``bench/results/web-features.pkl``,
built by ``python bench/web_train.py --dry-run``), trains the shipped two-stage model leave-one-set-out
and decides each page's judged blocks (in document order) by a two-state Viterbi (body, not body)
instead of a threshold per block: a path's score is the sum over its body blocks of
``logit(p) - logit(threshold)`` (the threshold of a block the container heuristic kept, or left
out, as today; a block the model may not add, furniture or mostly links, cannot be body) plus
``weight * log A[previous state][state]`` for each step and ``weight * log P(first state)``. The
transition probabilities ``A`` are counted from the training sets' gold block labels (judged
blocks in document order, add-one smoothed); the weight (0 is today's decision) and the two
thresholds are chosen on the training sets' mean F1, like the thresholds today.

``--weights 0,0.5,1`` sets the weights tried: the figures are printed with the weight chosen
among them inside each fold, and for each weight alone (the thresholds chosen); for the shipped
two-stage model and for its first stage alone (the sequence decoding in place of the second
stage's neighbour context).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import web_train
from web import ALL_SETS, load_sets


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/web_sequence_probe.py")
    parser.add_argument("--weights", default="0,0.1,0.25,0.5,1")
    args = parser.parse_args(argv)
    weights = [float(w) for w in args.weights.split(",")]
    data = web_train.collect(load_sets(ALL_SETS))
    # per variant (stage, weights tried): held set -> (F1, chosen configuration)
    found: dict[tuple[str, str], dict[str, tuple[float, Any]]] = {}
    for held in data:
        train = {n: p for n, p in data.items() if n != held}
        log_a, log_pi = web_train.transitions(train)
        print(f"  {held}: A {[round(math.exp(x), 3) for x in log_a.ravel()]}", file=sys.stderr, flush=True)
        two = web_train.fit(train)
        one = web_train._stage_one([p for pages in train.values() for p in pages])
        for stage, model in (("two stages", two), ("first stage alone", one)):
            on_train = web_train.block_f1(model, train, (log_a, log_pi, weights))
            on_held = web_train.block_f1(model, {held: data[held]}, (log_a, log_pi, weights))
            for label, tried in [("chosen", weights)] + [(f"weight {w}", [w]) for w in weights]:
                best = max((c for c in on_train if c[2] in tried), key=lambda c: on_train[c])
                found.setdefault((stage, label), {})[held] = (on_held[best], best)
    for (stage, label), per in found.items():
        line = " ".join(f"{name} {f1:.4f}" for name, (f1, _) in per.items())
        mean = sum(f1 for f1, _ in per.values()) / len(per)
        configs = "; ".join(f"{c[0]},{c[1]},{c[2]}" for _, c in per.values())
        print(f"{stage}, {label}: {line} mean {mean:.4f}   [{configs}]", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
