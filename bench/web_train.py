"""Train the web-page block classifier (``articlekit.webbody``): ``python bench/web_train.py``.

1. Every page of every web-dev set and aeb-dev is parsed with the container heuristic alone,
   and each text block's features (``articlekit.webbody.FEATURES``) are recorded. A block is
   labelled article text when at least half of its 4-token shingles are in the page's gold
   body (a block under four tokens: when its tokens occur in the gold body in that order).
2. A logistic regression is fitted (scikit-learn), each block weighted by its share of its
   page's tokens, so that every page counts alike, as in the metric.
3. The two decision thresholds and the weight of the sequence decoding's transitions are
   chosen from the training sets' F1, the blocks' text joined as the body, by the rule of
   ``CHOICE`` (``choose``; ``--choice``); then the share of Readability's top candidate's text
   under which the kept text falls back to that candidate (``webbody.Model.fallback``), for
   the best mean F1.

Leave-one-set-out: for each set, steps 2 and 3 on the other sets only, scored on that set
(``loso_texts`` runs the whole parser with those weights: ``bench/web.py`` reports it). Without
``--dry-run`` the model trained on every set is written to ``src/articlekit/formats/html/webbody_model.json``.

Needs numpy and scikit-learn (``pip install 'articlekit[bench]'``). The recorded features are
cached in ``bench/results/web-features.pkl`` (``--refresh`` recomputes them).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import pickle
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
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
        "paths": tag_paths(blocks.elements),
        "labels": [c[0] for c in counts],
        "tp": [c[1] for c in counts],
        "size": [c[2] for c in counts],
        "truth": sum(truth.values()),
        "weights": [n / total for n in tokens],
        "gold": gold,
    }


_DIGITS = re.compile(r"\d+")


def tag_paths(elements: Sequence[Any]) -> list[tuple[int, int]]:
    """Each block's tag path (the tag names from the root down to its element) and its tag and
    class path (each tag with its class words, digits taken out: ``post-1234`` and ``post-99``
    are one word), as ids unique within the page (for ``bench/web_tagpath_probe.py``)."""
    known: dict[Any, tuple[int, int]] = {}
    ids: dict[tuple[int, str], int] = {}
    class_ids: dict[tuple[int, str], int] = {}
    out = []
    for start in elements:
        climbed = []
        node = start
        while node is not None and node not in known:
            climbed.append(node)
            node = node.getparent()
        here = known[node] if node is not None else (0, 0)
        for element in reversed(climbed):
            name = webbody.local_name(element) if isinstance(element.tag, str) else "#"
            classes = element.get("class")
            words = ".".join(sorted(set(_DIGITS.sub("", classes).split()))) if classes else ""
            first = ids.setdefault((here[0], name), len(ids) + 1)
            second = class_ids.setdefault((here[1], f"{name}.{words}"), len(class_ids) + 1)
            here = known[element] = (first, second)
        out.append(here)
    return out


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


UNUSED: set[str] = set()
"""Features left out of the first stage's fit (their weight 0), for ablations: ``--unused``."""


def _stage_one(pages: Sequence[PageData]) -> webbody.Model:
    import numpy as np

    chosen = [(page["features"][i], page["labels"][i], page["weights"][i]) for page in pages for i in _judged(page)]
    x = np.array([c[0] for c in chosen], dtype=float)
    for name in UNUSED:
        x[:, FEATURE_INDEX[name]] = 0.0  # a constant column: its weight is 0
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


def transitions(pages_by_set: dict[str, list[PageData]]) -> tuple[Any, Any]:
    """(log A, log initial) of the sequence decoding: how often a judged block (in document order)
    is article text after one that is or is not, and how often the first is, counted from the
    gold labels of the pages' judged blocks (add-one smoothed)."""
    import numpy as np

    counts = np.ones((2, 2))
    first = np.ones(2)
    for pages in pages_by_set.values():
        for page in pages:
            labels = [page["labels"][i] for i in _judged(page)]
            if not labels:
                continue
            first[labels[0]] += 1
            for a, b in itertools.pairwise(labels):
                counts[a, b] += 1
    return np.log(counts / counts.sum(axis=1, keepdims=True)), np.log(first / first.sum())


def _logit(p: Any) -> Any:
    import numpy as np

    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p) - np.log1p(-p)


def _sigmoid(z: Any) -> Any:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-z))


def decode(gain: Any, log_a: Any, log_pi: Any, weights: Any) -> Any:
    """webbody.decode for several configurations at once: ``gain`` (blocks x configurations) is
    each judged block's score for being article text, ``weights`` each configuration's weight of
    the transitions ``log_a`` and initial states ``log_pi``. The states (blocks x configurations,
    bool) of the best path."""
    import numpy as np

    n, c = gain.shape
    t00, t01 = weights * log_a[0, 0], weights * log_a[0, 1]
    t10, t11 = weights * log_a[1, 0], weights * log_a[1, 1]
    v0 = weights * log_pi[0]
    v1 = weights * log_pi[1] + gain[0]
    back0 = np.zeros((n, c), dtype=bool)  # whether the best path to state 0 here came from state 1
    back1 = np.zeros((n, c), dtype=bool)
    for i in range(1, n):
        stay0, come0 = v0 + t00, v1 + t10
        stay1, come1 = v1 + t11, v0 + t01
        back0[i] = (come0 >= stay0) & (come0 > -np.inf)  # ties to article text, as webbody.decode
        back1[i] = stay1 >= come1
        v0, v1 = np.maximum(stay0, come0), np.maximum(stay1, come1) + gain[i]
    states = np.zeros((n, c), dtype=bool)
    state = (v1 >= v0) & (v1 > -np.inf)
    for i in range(n - 1, -1, -1):
        states[i] = state
        state = np.where(state, back1[i], back0[i])
    return states


Config = tuple[float, float, float]
"""(threshold, keep_threshold, weight of the sequence decoding's transitions)."""


def page_scores(
    model: webbody.Model,
    pages_by_set: dict[str, list[PageData]],
    sequence: tuple[Any, Any, Sequence[float]] | None = None,
    configs: Sequence[Config] | None = None,
) -> tuple[list[Config], dict[str, tuple[Any, Any]]]:
    """Each page's precision and recall of the kept blocks (before the fallback), for each
    threshold pair and each weight of ``sequence`` (log A, log initial, weights; None: the
    model's own transitions, or none): the configurations, and per set two arrays (pages x
    configurations; ``configs``: these configurations instead, the weights of ``sequence``
    unused). Shingles are counted block by block (those spanning two blocks are left out): close
    to the metric and fast. The decision is webbody.Model.decide's."""
    import numpy as np

    if sequence is None:
        if model.transitions is None:
            sequence = (np.zeros((2, 2)), np.zeros(2), [0.0])
        else:
            sequence = (np.array(model.transitions), np.array(model.initial), [1.0])
    log_a, log_pi, weights = sequence
    configs = list(configs) if configs is not None else [(t[0], t[1], w) for w in weights for t in THRESHOLDS]
    add = _logit(np.array([c[0] for c in configs]))
    keep = _logit(np.array([c[1] for c in configs]))
    ws = np.array([c[2] for c in configs])
    heuristic_column = FEATURE_INDEX["heuristic"]
    out: dict[str, tuple[Any, Any]] = {}
    for name, pages in pages_by_set.items():
        precision = np.zeros((len(pages), len(configs)))
        recall = np.zeros((len(pages), len(configs)))
        for row_index, page in enumerate(pages):
            truth = page["truth"]
            if not page["features"]:
                if truth == 0:
                    precision[row_index] = recall[row_index] = 1.0
                continue
            rows = np.array(page["features"])
            kept_before = rows[:, heuristic_column] > 0
            # short blocks keep the heuristic's decision; the model adds no furniture
            kept = np.repeat(kept_before[:, None], len(configs), axis=1)
            judged = _judged(page)
            if judged:
                h = kept_before[judged]
                barred = _barred(rows, judged, h)
                gain = _logit(probabilities(model, page)[judged])[:, None] - np.where(h[:, None], keep, add)
                gain[barred] = -1e9
                kept[judged] = decode(gain, log_a, log_pi, ws)
            good = np.array(page["labels"], dtype=bool)
            precision[row_index], recall[row_index] = _kept_scores(
                kept, np.array(page["tp"]), np.array(page["size"]), good[:-1] & good[1:], truth
            )
        out[name] = (precision, recall)
    return configs, out


def set_f1(precision: Any, recall: Any) -> Any:
    """Each configuration's F1 of a set (``page_scores``' arrays): F1 from the precision and
    recall averaged over the set's pages (aeb.summary)."""
    import numpy as np

    mean_p, mean_r = precision.mean(axis=0), recall.mean(axis=0)
    total = mean_p + mean_r
    return np.where(total > 0, 2 * mean_p * mean_r / np.where(total > 0, total, 1.0), 0.0)


def block_f1(
    model: webbody.Model,
    pages_by_set: dict[str, list[PageData]],
    sequence: tuple[Any, Any, Sequence[float]] | None = None,
) -> dict[Config, float]:
    """Mean over the sets of the block-level F1 (``page_scores``) of each configuration."""
    import numpy as np

    configs, scores = page_scores(model, pages_by_set, sequence)
    mean = np.mean([set_f1(*pr) for pr in scores.values()], axis=0)
    return {c: float(f) for c, f in zip(configs, mean, strict=True)}


def _kept_scores(kept: Any, tp_b: Any, size_b: Any, both_good: Any, truth: int) -> tuple[Any, Any]:
    """(precision, recall) of a page whose blocks ``kept`` are its body: ``kept`` a boolean array
    over the blocks (two floats) or blocks x decisions (two arrays over the decisions)."""
    import numpy as np

    # the 3 shingles spanning two kept blocks in a row: found when both are body text
    pairs = kept[:-1] & kept[1:]
    k = kept.astype(np.int64)
    p = pairs.astype(np.int64)
    tp = np.minimum(tp_b @ k + 3 * (both_good.astype(np.int64) @ p), truth)
    fp = size_b @ k + 3 * p.sum(axis=0) - tp
    fn = truth - tp
    precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 0.0)
    recall = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 0.0)
    empty = tp + fp + fn == 0
    return np.where(empty, 1.0, precision), np.where(empty, 1.0, recall)


def _barred(rows: Any, judged: list[int], heuristic: Any) -> Any:
    """Which judged blocks the model may not add (the heuristic left them out, and they lie in
    page furniture or are mostly links), as webbody.Model._bar decides."""
    furniture = rows[judged, FEATURE_INDEX["in_furniture"]] > 0
    return ~heuristic & (furniture | (rows[judged, FEATURE_INDEX["link_density"]] > 0.5))


def model_f1(model: webbody.Model, pages_by_set: dict[str, list[PageData]]) -> float:
    """The block-level F1 (``block_f1``) of the model as it is (its thresholds, transitions and
    fallback)."""
    return fallback_f1(model, pages_by_set, (model.fallback,))[model.fallback]


def kept_blocks(model: webbody.Model, page: PageData) -> Any:
    """Which of a page's blocks the model keeps before its fallback (a boolean array), as
    ``block_f1`` decides them with the model's own thresholds and transitions."""
    import numpy as np

    rows = np.array(page["features"])
    kept = rows[:, FEATURE_INDEX["heuristic"]] > 0
    judged = _judged(page)
    if not judged:
        return kept
    h = kept[judged]
    barred = _barred(rows, judged, h)
    bar = np.where(h, _logit(model.keep_threshold), _logit(model.threshold))
    gain = (_logit(probabilities(model, page)[judged]) - bar)[:, None]
    gain[barred] = -1e9
    if model.transitions is None:
        log_a, log_pi, weight = np.zeros((2, 2)), np.zeros(2), np.array([0.0])
    else:
        log_a, log_pi, weight = np.array(model.transitions), np.array(model.initial), np.array([1.0])
    kept = kept.copy()
    kept[judged] = decode(gain, log_a, log_pi, weight)[:, 0]
    return kept


def fallback_f1(
    model: webbody.Model, pages_by_set: dict[str, list[PageData]], shares: Sequence[float]
) -> dict[float, float]:
    """Mean over the sets of the block-level F1 for each share of the fallback to Readability's
    top candidate (``webbody.Model.fallback``; 0: none): where the text kept is under that share
    of the text of the judged blocks inside the top candidate and the siblings it takes in (those
    mostly links left out), those blocks are kept too, as ``webbody.choose`` does."""
    import numpy as np

    top_columns = [FEATURE_INDEX["vote_inside_top"], FEATURE_INDEX["vote_inside_sibling"]]
    per_share: dict[float, list[float]] = {share: [] for share in shares}
    for pages in pages_by_set.values():
        results: dict[float, list[tuple[float, float]]] = {share: [] for share in shares}
        for page in pages:
            if not page["features"]:
                for share in shares:
                    results[share].append((1.0, 1.0) if page["truth"] == 0 else (0.0, 0.0))
                continue
            rows = np.array(page["features"])
            kept = kept_blocks(model, page)
            chars = np.array([len(text) for text in page["texts"]])
            top = np.zeros(len(chars), dtype=bool)
            judged = _judged(page)
            top[judged] = (rows[judged][:, top_columns] > 0).any(axis=1)
            top &= rows[:, FEATURE_INDEX["link_density"]] <= 0.5
            kept_chars, top_chars = int(chars[kept].sum()), int(chars[top].sum())
            good = np.array(page["labels"], dtype=bool)
            tp_b, size_b = np.array(page["tp"]), np.array(page["size"])
            for share in shares:
                final = kept | top if kept_chars < share * top_chars else kept
                precision, recall = _kept_scores(final, tp_b, size_b, good[:-1] & good[1:], page["truth"])
                results[share].append((float(precision), float(recall)))
        for share in shares:
            per_share[share].append(summary(results[share])[0])
    return {share: sum(v) / len(v) for share, v in per_share.items()}


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
        precision, recall = _kept_scores(
            good, np.array(page["tp"]), np.array(page["size"]), good[:-1] & good[1:], page["truth"]
        )
        results.append((float(precision), float(recall)))
    low = sum(1 for p, r in results if p + r == 0 or 2 * p * r / (p + r) < 0.5)
    return summary(results)[0], low


SEQUENCE_WEIGHTS = (0.0, 0.1, 0.25, 0.5, 1.0)
"""The weights of the sequence decoding's transitions tried (0: each block decided alone)."""
FALLBACK_SHARES = (0.0, 0.1, 0.2, 0.3, 0.5)
"""The shares of Readability's top candidate's text tried as the fallback's bar (0: none),
chosen after the thresholds and the transitions' weight."""


CHOICES = ("mean", "rank", "range", "prior", "fixed", "bootstrap", "soft", "sticky")
"""How ``choose`` picks the thresholds and the transitions' weight from the training sets' F1:
``mean``, the best mean of the sets' F1; ``rank``, the best mean of each set's rank of the
configuration; ``range``, the best mean of each set's F1 scaled from its worst (0) to its best
(1) configuration; ``prior``, of the configurations within ``PRIOR_EPS`` of the best mean, the
one nearest the calibrated bar 0.5, 0.5 (in log-odds), then the best mean; ``fixed``, the bar
0.5, 0.5 and the best mean over the weights; ``bootstrap``, the median of the ``mean`` choices
over ``BOOTSTRAP`` resamplings of each training set's pages; ``soft``, the configurations'
average (the thresholds in log-odds) weighted by ``exp((mean - best mean) / SOFT_TAU)``, which
moves little when the best of a plateau of near-equal configurations changes; ``sticky@EPS``,
the fold's previous choice (``PREVIOUS_CHOICES``, ``--save-choices``) while its mean stays
within EPS (default ``PRIOR_EPS``) of the best, else ``mean``'s."""
PREVIOUS_CHOICES = ROOT / "bench" / "web_choices.json"
"""Each fold's choice (the set left out, or ``all`` for the shipped model) for ``sticky``."""
CHOICE = "sticky"
"""The rule of the shipped training and of the LOSO models (the ninth session's choice: on this
code it gives every fold the ``mean`` rule's choice, and keeps it while a change moves the
training sets' F1 by less than ``PRIOR_EPS``)."""
PRIOR_EPS = 0.001
BOOTSTRAP = 41
SOFT_TAU = 0.0005


def choose(
    configs: Sequence[Config],
    scores: dict[str, tuple[Any, Any]],
    rule: str | None = None,
    seed: int = 0,
    previous: Config | None = None,
) -> Config:
    """The configuration ``rule`` (default ``CHOICE``) picks from the training sets' page scores
    (``page_scores``)."""
    import numpy as np

    rule = rule or CHOICE
    f1 = np.array([set_f1(*pr) for pr in scores.values()])  # sets x configurations
    mean = f1.mean(axis=0)
    if rule.startswith("sticky"):
        # the previous choice, while it stays within EPS of the best mean; else the best mean
        eps = float(rule.partition("@")[2] or PRIOR_EPS)
        if previous is not None and previous in configs and mean[configs.index(previous)] >= mean.max() - eps:
            return previous
        return configs[int(np.argmax(mean))]
    if rule == "mean":
        return configs[int(np.argmax(mean))]
    if rule == "rank":
        ranks = np.argsort(np.argsort(f1, axis=1, kind="stable"), axis=1, kind="stable")
        return configs[int(np.argmax(ranks.mean(axis=0)))]
    if rule == "range":
        low, high = f1.min(axis=1, keepdims=True), f1.max(axis=1, keepdims=True)
        return configs[int(np.argmax(((f1 - low) / np.maximum(high - low, 1e-12)).mean(axis=0)))]
    if rule == "prior":
        distance = np.array([abs(_logit(c[0])) + abs(_logit(c[1])) for c in configs])
        near = np.where(mean >= mean.max() - PRIOR_EPS)[0]
        return configs[int(min(near, key=lambda j: (round(float(distance[j]), 9), -mean[j])))]
    if rule == "fixed":
        at_bar = [j for j, c in enumerate(configs) if c[0] == 0.5 and c[1] == 0.5]
        return configs[max(at_bar, key=lambda j: mean[j])]
    if rule == "bootstrap":
        rng = np.random.default_rng(seed)
        chosen = []
        for _ in range(BOOTSTRAP):
            resampled = {}
            for name, (precision, recall) in scores.items():
                pick = rng.integers(0, len(precision), len(precision))
                resampled[name] = (precision[pick], recall[pick])
            chosen.append(choose(configs, resampled, "mean"))
        add, keep, weight = (float(np.median([c[i] for c in chosen])) for i in range(3))
        return add, min(keep, add), weight
    if rule.startswith("soft"):
        tau = float(rule.partition("@")[2] or SOFT_TAU)  # soft@TAU: another temperature
        weight = np.exp((mean - mean.max()) / tau)
        weight /= weight.sum()
        add = float(_sigmoid(weight @ _logit(np.array([c[0] for c in configs]))))
        keep = float(_sigmoid(weight @ _logit(np.array([c[1] for c in configs]))))
        return round(add, 4), round(min(keep, add), 4), round(float(weight @ np.array([c[2] for c in configs])), 4)
    raise ValueError(f"no such choice: {rule!r}")


def previous_choice(fold: str) -> Config | None:
    """The choice ``--save-choices`` recorded for ``fold`` (a set left out, or ``all``)."""
    import json

    if not PREVIOUS_CHOICES.exists():
        return None
    found = json.loads(PREVIOUS_CHOICES.read_text(encoding="utf-8")).get(fold)
    return None if found is None else (float(found[0]), float(found[1]), float(found[2]))


def train(pages_by_set: dict[str, list[PageData]], rule: str | None = None, fold: str = "all") -> webbody.Model:
    """The model, its thresholds and the weight of its transitions chosen on the training sets
    (``choose``), then its fallback's share for the best mean F1 over them."""
    model = fit(pages_by_set)
    log_a, log_pi = transitions(pages_by_set)
    configs, scores = page_scores(model, pages_by_set, (log_a, log_pi, SEQUENCE_WEIGHTS))
    config = choose(configs, scores, rule, previous=previous_choice(fold))
    model.choice = config  # type: ignore[attr-defined]  # for --save-choices
    return finish(model, config, log_a, log_pi, pages_by_set)


def finish(
    model: webbody.Model, config: Config, log_a: Any, log_pi: Any, pages_by_set: dict[str, list[PageData]]
) -> webbody.Model:
    """``model`` with the thresholds and transitions' weight of ``config``, then the fallback's
    share chosen for the best mean F1 over ``pages_by_set``."""
    model.threshold, model.keep_threshold, weight = config
    model.transitions, model.initial = None, [0.0, 0.0]
    if weight:
        model.transitions = (weight * log_a).tolist()
        model.initial = (weight * log_pi).tolist()
    shares = fallback_f1(model, pages_by_set, FALLBACK_SHARES)
    model.fallback = max(FALLBACK_SHARES, key=lambda share: (shares[share], -share))  # a tie: the smaller
    return model


def _weight(model: webbody.Model) -> str:
    """The weight of a trained model's transitions (0: none), from its first one."""
    if model.transitions is None:
        return "0"
    return "{} (A {})".format(*_weight_and_a(model))


def _weight_and_a(model: webbody.Model) -> tuple[float, list[float]]:
    import numpy as np

    weighted = np.array(model.transitions)
    # each row of A sums to one: the weight is the one that makes exp(row / weight) sum to one
    for weight in SEQUENCE_WEIGHTS[1:]:
        if abs(np.exp(weighted / weight).sum(axis=1) - 1).max() < 1e-6:
            return weight, [round(float(x), 3) for x in np.exp(weighted / weight).ravel()]
    return float("nan"), []


def loso_models(data: dict[str, list[PageData]], rule: str | None = None) -> dict[str, webbody.Model]:
    """For each set, the model trained and thresholded on the other sets (``rule``: ``choose``'s)."""
    return {held: train({n: p for n, p in data.items() if n != held}, rule, held) for held in data}


def loso_texts(sets: dict[str, list[Page]]) -> dict[str, list[str]]:
    """Each set's pages parsed with the model trained without that set (trained on every set
    of ALL_SETS, whichever ``sets`` are scored)."""
    every = sets if set(sets) == set(ALL_SETS) else {**load_sets(ALL_SETS), **sets}
    models = loso_models(collect(every))
    return {name: texts_with(models[name], pages) for name, pages in sets.items()}


def texts_with(model: webbody.Model, pages: Sequence[Page]) -> list[str]:
    """The body of each page parsed with ``model`` ("" where the parser gives none)."""
    out = []
    with webbody.use_model(model):
        for _, data, _gold in pages:
            try:
                out.append(articlekit.parse(data, format="html", enrich=False).text)
            except ArticlekitError:
                out.append("")
    return out


def print_loso_with_columns(
    data: dict[str, list[PageData]],
    columns: Callable[[PageData], Callable[[int, list[float]], list[float]]],
    label: str,
) -> None:
    """For the probes of features not shipped: the columns ``columns(page)(index, row)`` appended
    to every judged block's row of ``data``, the model trained and scored leave-one-set-out, each
    set's F1 printed."""
    added = 0
    for pages in data.values():
        for page in pages:
            of_block = columns(page)
            for index, row in enumerate(page["features"]):
                if row:
                    extra = of_block(index, row)
                    row.extend(extra)
                    added = len(extra)
    webbody.FEATURES = webbody.FEATURES + tuple(f"probe_{i}" for i in range(added))
    scores = {held: model_f1(model, {held: data[held]}) for held, model in loso_models(data).items()}
    line = " ".join(f"{name} {f1:.4f}" for name, f1 in scores.items())
    print(f"{label}: {line} mean {sum(scores.values()) / len(scores):.4f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/web_train.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--refresh", action="store_true", help="recompute the cached features")
    parser.add_argument("--dry-run", action="store_true", help="do not write the shipped model")
    parser.add_argument(
        "--choice", default=CHOICE, help=f"how the thresholds are chosen: {', '.join(CHOICES)} (soft@TAU)"
    )
    parser.add_argument(
        "--save-choices", action="store_true", help=f"record each fold's choice in {PREVIOUS_CHOICES.name} (for sticky)"
    )
    parser.add_argument("--unused", default="", help="features left out of the first stage's fit, comma-separated")
    args = parser.parse_args(argv)
    unknown = {name for name in args.unused.split(",") if name} - set(FEATURE_INDEX)
    if unknown:
        parser.error(f"--unused: no such feature: {', '.join(sorted(unknown))}")
    UNUSED.update(name for name in args.unused.split(",") if name)
    if args.choice.partition("@")[0] not in CHOICES:
        parser.error(f"--choice: no such rule: {args.choice}")
    data = collect(load_sets(ALL_SETS), args.refresh)
    print("block-level F1 (kept blocks joined), leave-one-set-out vs tuned on all:")
    everything = train(data, args.choice)
    models = loso_models(data, args.choice)
    if args.save_choices:
        import json

        choices = {fold: list(model.choice) for fold, model in {**models, "all": everything}.items()}
        PREVIOUS_CHOICES.write_text(json.dumps(choices, indent=1) + "\n", encoding="utf-8")
    for held, model in models.items():
        own = model_f1(model, {held: data[held]})
        tuned = model_f1(everything, {held: data[held]})
        thresholds = (
            f"thresholds {model.threshold}, {model.keep_threshold}, sequence weight {_weight(model)},"
            f" fallback {model.fallback}"
        )
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
        + ", ".join(f"{n} {block_f1(heuristic, {n: p})[(0.5, 0.5, 0.0)]:.3f}" for n, p in data.items())
    )
    print("weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(webbody.FEATURES, everything.weights, strict=True)))
    if everything.context is not None:
        pairs = zip(webbody.CONTEXT_FEATURES, everything.context, strict=True)
        print("second stage: " + ", ".join(f"{n} {w:+.2f}" for n, w in pairs))
    if not args.dry_run:
        import json

        MODEL_PATH.write_text(json.dumps(everything.to_json(), indent=1) + "\n", encoding="utf-8")
        print(
            f"wrote {MODEL_PATH.relative_to(ROOT)} (thresholds {everything.threshold}, {everything.keep_threshold},"
            f" sequence weight {_weight(everything)}, fallback {everything.fallback})"
        )
    return 0


FEATURE_INDEX = {name: index for index, name in enumerate(webbody.FEATURES)}

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
