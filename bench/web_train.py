"""Train the web-page block classifier (``articlekit.webbody``): ``python bench/web_train.py``.

1. Every page of every web-dev set and aeb-dev is parsed with the container heuristic alone,
   and each text block's features (``articlekit.webbody.FEATURES``) are recorded. A block is
   labelled article text when at least half of its 4-token shingles are in the page's gold
   body (a block under four tokens: when its tokens occur in the gold body in that order).
2. A logistic regression is fitted (scikit-learn), each block weighted by its share of its
   page's tokens, so that every page counts alike, as in the metric.
3. The decision threshold is the one with the best mean F1 over the training sets, the blocks'
   text joined as the body.

Leave-one-set-out: for each set, steps 2 and 3 on the other sets only, scored on that set
(``loso_texts`` runs the whole parser with those weights: ``bench/web.py`` reports it). Without
``--dry-run`` the model trained on every set is written to ``src/articlekit/formats/html/webbody_model.json``.

Needs numpy and scikit-learn (``pip install 'articlekit[bench]'``). The recorded features are
cached in ``bench/results/web-features.pkl`` (``--refresh`` recomputes them).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import articlekit
from aeb import shingles, summary
from articlekit.errors import ArticlekitError
from articlekit.formats.html import body as webbody
from web import ALL_SETS, Page, load_sets

ROOT = Path(__file__).resolve().parent.parent
FEATURE_CACHE = ROOT / "bench" / "results" / "web-features.pkl"
MODEL_PATH = ROOT / "src" / "articlekit" / "formats" / "html" / webbody.MODEL_FILE
ADD = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
KEEP = (0.1, 0.2, 0.3, 0.4, 0.5)
THRESHOLDS = tuple((add, keep) for add in ADD for keep in KEEP if keep <= add)
"""(threshold, keep_threshold) pairs tried: for blocks the heuristic left out, and kept."""
C = 1.0

_TOKEN = re.compile(r"\w+")

PageData = dict[str, Any]  # texts, features, labels, weights, gold


def _block_counts(text: str, truth: Counter[tuple[str, ...]], gold_joined: str) -> tuple[int, int, int]:
    """(label, shingles of the block found in the gold body, shingles of the block)."""
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return 0, 0, 0
    if len(tokens) < 4:
        found = 1 if f" {' '.join(tokens)} " in gold_joined else 0
        return found, found, 1
    own = Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))
    total = sum(own.values())
    tp = sum((own & truth).values())
    return (1 if tp >= 0.5 * total else 0), tp, total


def page_data(data: bytes, gold: str) -> PageData:
    """The blocks of one page as the heuristic-only parse sees them, labelled against ``gold``."""
    seen: list[webbody.PageBlocks] = []
    webbody.observe(seen.append)
    try:
        with webbody.use_model(None):
            articlekit.parse(data, format="html", enrich=False)
    except ArticlekitError:
        pass
    finally:
        webbody.observe(None)
    blocks = seen[0] if seen else webbody.PageBlocks()
    truth = shingles(gold)
    gold_joined = f" {' '.join(_TOKEN.findall(gold.lower()))} "
    counts = [_block_counts(t, truth, gold_joined) for t in blocks.texts]
    tokens = [len(_TOKEN.findall(t)) for t in blocks.texts]
    total = sum(tokens) or 1
    return {
        "texts": blocks.texts,
        "features": blocks.features,
        "labels": [c[0] for c in counts],
        "tp": [c[1] for c in counts],
        "size": [c[2] for c in counts],
        "truth": sum(truth.values()),
        "weights": [n / total for n in tokens],
        "gold": gold,
    }


def _fingerprint() -> str:
    html = ROOT / "src" / "articlekit" / "formats" / "html"
    source = (html / "body.py").read_bytes().split(b"# (bench/web_train.py caches")[0]
    source += (html / "parser.py").read_bytes()
    source += Path(__file__).read_bytes().split(b"\ndef _judged(")[0]  # the labelling
    return hashlib.sha256(source).hexdigest()[:16]


def collect(sets: dict[str, list[Page]], refresh: bool = False) -> dict[str, list[PageData]]:
    """Every set's pages as labelled blocks (cached while webbody.py and html.py are unchanged)."""
    key = (_fingerprint(), {name: [p[0] for p in pages] for name, pages in sets.items()})
    if not refresh and FEATURE_CACHE.exists():
        cached_key, cached = pickle.loads(FEATURE_CACHE.read_bytes())
        if cached_key == key:
            return dict(cached)
    found = {}
    for name, pages in sets.items():
        print(f"  features: {name} ({len(pages)} pages)", file=sys.stderr)
        found[name] = [page_data(data, gold) for _, data, gold in pages]
    FEATURE_CACHE.parent.mkdir(parents=True, exist_ok=True)
    FEATURE_CACHE.write_bytes(pickle.dumps((key, found)))
    return found


def _judged(page: PageData) -> list[int]:
    """The blocks the model decides (shorter ones keep the heuristic's decision)."""
    return [i for i, text in enumerate(page["texts"]) if len(text) >= webbody.MIN_CHARS]


def _fit_logistic(x: Any, y: Any, w: Any, scaled: bool) -> tuple[list[float], list[float], list[float]]:
    """(weights, mean, scale) of a weighted logistic regression (the bias is column 0)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0) if scaled else np.zeros(x.shape[1])
    scale = x.std(axis=0) if scaled else np.ones(x.shape[1])
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    scale[scale == 0] = 1.0
    classifier = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
    classifier.fit((x - mean) / scale, y, sample_weight=w)
    return classifier.coef_[0].tolist(), mean.tolist(), scale.tolist()


def _stage_one(pages: Sequence[PageData]) -> webbody.Model:
    import numpy as np

    chosen = [(page["features"][i], page["labels"][i], page["weights"][i]) for page in pages for i in _judged(page)]
    x = np.array([c[0] for c in chosen], dtype=float)
    y = np.array([c[1] for c in chosen])
    w = np.array([c[2] for c in chosen]) * len(pages)  # every page counts alike
    return webbody.Model(*_fit_logistic(x, y, w, scaled=True))


def _scores_of(model: webbody.Model, page: PageData) -> list[float]:
    """The first stage's log-odds of a page's judged blocks (numpy: webbody.Model.score)."""
    import numpy as np

    judged = _judged(page)
    if not judged:
        return []
    rows = np.array([page["features"][i] for i in judged], dtype=float)
    coef = np.array(model.weights) / np.array(model.scale)
    offset = -float(np.dot(np.array(model.mean), coef))
    return (rows @ coef + offset).tolist()  # type: ignore[no-any-return]


def probabilities(model: webbody.Model, page: PageData) -> Any:
    """The final probability of each block of a page (0 for a block the model does not judge),
    as webbody.Model.probabilities gives it."""
    import numpy as np

    out = np.zeros(len(page["texts"]))
    judged = _judged(page)
    if not judged:
        return out
    scores = _scores_of(model, page)
    if model.context is None:
        z = np.array(scores)
    else:
        heuristic = [page["features"][i][FEATURE_INDEX["heuristic"]] > 0 for i in judged]
        z = np.array(webbody.context_rows(scores, heuristic)) @ np.array(model.context)
    out[judged] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def fit(pages_by_set: dict[str, list[PageData]]) -> webbody.Model:
    """The two-stage model over the blocks of the sets' pages (thresholds still to choose).

    The second stage learns how far to trust a first-stage score, and its neighbours', on pages
    the first stage never saw: so it is fitted on out-of-fold scores, each page scored by a
    first stage trained on the other three quarters of the pages. (Folds by set instead were
    tried: LOSO l3s-gn1 lost 0.004.)"""
    import numpy as np

    pages = [page for group in pages_by_set.values() for page in group]
    model = _stage_one(pages)
    groups = [pages[i::4] for i in range(4)]
    xs: list[list[float]] = []
    ys: list[int] = []
    ws: list[float] = []
    for held, group in enumerate(groups):
        first = _stage_one([page for other, g in enumerate(groups) if other != held for page in g])
        for page in group:
            judged = _judged(page)
            if not judged:
                continue
            heuristic = [page["features"][i][FEATURE_INDEX["heuristic"]] > 0 for i in judged]
            xs.extend(webbody.context_rows(_scores_of(first, page), heuristic))
            ys.extend(page["labels"][i] for i in judged)
            ws.extend(page["weights"][i] * len(pages) for i in judged)
    context, _, _ = _fit_logistic(np.array(xs), np.array(ys), np.array(ws), scaled=False)
    model.context = context
    return model


def block_f1(model: webbody.Model, pages_by_set: dict[str, list[PageData]]) -> dict[tuple[float, float], float]:
    """Mean over the sets of the F1 of the kept blocks, for each threshold. Shingles are counted
    block by block (those spanning two blocks are left out): close to the metric and fast."""
    import numpy as np

    per_threshold: dict[tuple[float, float], list[float]] = {t: [] for t in THRESHOLDS}
    heuristic_column = FEATURE_INDEX["heuristic"]
    furniture_column = FEATURE_INDEX["in_furniture"]
    links_column = FEATURE_INDEX["link_density"]
    for pages in pages_by_set.values():
        results: dict[tuple[float, float], list[tuple[float, float]]] = {t: [] for t in THRESHOLDS}
        for page in pages:
            truth = page["truth"]
            if not page["features"]:
                for t in THRESHOLDS:
                    results[t].append((1.0, 1.0) if truth == 0 else (0.0, 0.0))
                continue
            rows = np.array(page["features"])
            kept_before = rows[:, heuristic_column] > 0
            # webbody.Model.keeps: short blocks keep the heuristic's decision, furniture stays out
            short = np.array([len(t) for t in page["texts"]]) < webbody.MIN_CHARS
            furniture = (rows[:, furniture_column] > 0) | (rows[:, links_column] > 0.5)
            probability = probabilities(model, page)
            tp_b = np.array(page["tp"])
            size_b = np.array(page["size"])
            good = np.array(page["labels"], dtype=bool)
            both_good = good[:-1] & good[1:]
            for t in THRESHOLDS:
                kept = probability >= np.where(kept_before, t[1], t[0])
                kept = np.where(short, kept_before, kept & (kept_before | ~furniture))
                results[t].append(_kept_scores(kept, tp_b, size_b, both_good, truth))
        for t in THRESHOLDS:
            per_threshold[t].append(summary(results[t])[0])
    return {t: sum(v) / len(v) for t, v in per_threshold.items()}


def _kept_scores(kept: Any, tp_b: Any, size_b: Any, both_good: Any, truth: int) -> tuple[float, float]:
    """(precision, recall) of a page whose blocks ``kept`` (a boolean array) are its body."""
    # the 3 shingles spanning two kept blocks in a row: found when both are body text
    pairs = kept[:-1] & kept[1:]
    tp = min(int(tp_b[kept].sum()) + 3 * int((pairs & both_good).sum()), truth)
    fp = int(size_b[kept].sum()) + 3 * int(pairs.sum()) - tp
    return _scores(tp, fp, truth - tp)


def oracle(pages: Sequence[PageData]) -> tuple[float, int]:
    """(F1, pages under F1 0.5) of a set when exactly the blocks labelled article text are kept,
    on the block-level measure of ``block_f1``: the best the classifier can reach from the blocks
    the walk offers it."""
    import numpy as np

    results = []
    for page in pages:
        if not page["features"]:
            results.append((1.0, 1.0) if page["truth"] == 0 else (0.0, 0.0))
            continue
        good = np.array(page["labels"], dtype=bool)
        results.append(
            _kept_scores(good, np.array(page["tp"]), np.array(page["size"]), good[:-1] & good[1:], page["truth"])
        )
    low = sum(1 for p, r in results if p + r == 0 or 2 * p * r / (p + r) < 0.5)
    return summary(results)[0], low


def _scores(tp: int, fp: int, fn: int) -> tuple[float, float]:
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def train(pages_by_set: dict[str, list[PageData]]) -> webbody.Model:
    model = fit(pages_by_set)
    scores = block_f1(model, pages_by_set)
    model.threshold, model.keep_threshold = max(scores, key=lambda t: scores[t])
    return model


def loso_models(data: dict[str, list[PageData]]) -> dict[str, webbody.Model]:
    """For each set, the model trained and thresholded on the other sets."""
    return {held: train({n: p for n, p in data.items() if n != held}) for held in data}


def loso_texts(sets: dict[str, list[Page]]) -> dict[str, list[str]]:
    """Each set's pages parsed with the model trained without that set (trained on every set
    of ALL_SETS, whichever ``sets`` are scored)."""
    every = sets if set(sets) == set(ALL_SETS) else {**load_sets(ALL_SETS), **sets}
    models = loso_models(collect(every))
    texts: dict[str, list[str]] = {}
    for name, pages in sets.items():
        out = []
        with webbody.use_model(models[name]):
            for _, data, _gold in pages:
                try:
                    out.append(articlekit.parse(data, format="html", enrich=False).text)
                except ArticlekitError:
                    out.append("")
        texts[name] = out
    return texts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/web_train.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--refresh", action="store_true", help="recompute the cached features")
    parser.add_argument("--dry-run", action="store_true", help="do not write the shipped model")
    args = parser.parse_args(argv)
    data = collect(load_sets(ALL_SETS), args.refresh)
    print("block-level F1 (kept blocks joined), leave-one-set-out vs tuned on all:")
    everything = train(data)
    for held, model in loso_models(data).items():
        own = block_f1(model, {held: data[held]})[(model.threshold, model.keep_threshold)]
        tuned = block_f1(everything, {held: data[held]})[(everything.threshold, everything.keep_threshold)]
        thresholds = f"thresholds {model.threshold}, {model.keep_threshold}"
        print(f"  {held:12} LOSO {own:.3f} ({thresholds})   tuned on all {tuned:.3f}")
    n = len(webbody.FEATURES)
    weights = [0.0] * n
    weights[FEATURE_INDEX["heuristic"]], weights[FEATURE_INDEX["bias"]] = 60.0, -30.0
    heuristic = webbody.Model(weights, [0.0] * n, [1.0] * n)
    print(
        "  oracle (the labelled blocks kept), same measure: "
        + ", ".join("{} {:.3f} ({} pages under 0.5)".format(n, *oracle(p)) for n, p in data.items())
    )
    print(
        "  the heuristic alone, same measure: "
        + ", ".join(f"{n} {block_f1(heuristic, {n: p})[(0.5, 0.5)]:.3f}" for n, p in data.items())
    )
    print("weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(webbody.FEATURES, everything.weights, strict=True)))
    if everything.context is not None:
        pairs = zip(webbody.CONTEXT_FEATURES, everything.context, strict=True)
        print("second stage: " + ", ".join(f"{n} {w:+.2f}" for n, w in pairs))
    if not args.dry_run:
        import json

        MODEL_PATH.write_text(json.dumps(everything.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)} (thresholds {everything.threshold}, {everything.keep_threshold})")
    return 0


FEATURE_INDEX = {name: index for index, name in enumerate(webbody.FEATURES)}

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
