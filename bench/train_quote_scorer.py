"""Train the scorer of quoted words no rule attributed, on PolNeAR train only, with five-fold
figures: ``python bench/train_quote_scorer.py [--write]``.

Each quoted span that the rules leave unattributed while its sentence's subject can speak or
someone was quoted before it in its paragraph (or the ``--reach`` paragraphs before) is a
candidate (``articlekit.enrich.quotes.rules_scored``). Its label: its
words match (by the benchmark's matching) a gold direct attribution that no quote the rules
found matches. A logistic regression (L2, batch gradient descent, pure Python) over
``articlekit.enrich.quotes.scorer.FEATURES`` is fitted on four folds and scored on the fifth,
for each fold (the folds of ``quotes_folds.py``): the candidates' precision and recall at the
fixed threshold 0.5, and the whole pipeline's direct F1 on the held-out fold with and without
the rule. ``--write`` then fits on all of train and writes the weights to the package
(``src/articlekit/enrich/quotes/scorer.json``). Dev is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

import articlekit
import quotes_folds as qf
import quotes_polnear as qp
from articlekit.enrich.quotes import find_quotes
from articlekit.enrich.quotes.finder import DEFAULT_RULES, Finder
from articlekit.enrich.quotes.rules import Candidate, Quoted, Rule, RuleSet, Veto
from articlekit.enrich.quotes.rules_scored import REACH, scored_quote_rule, speaker_for
from articlekit.enrich.quotes.scorer import (
    FEATURES,
    SPEAKER_FEATURES,
    features,
    quote_probability,
    speaker_features,
    speaker_probability,
)
from articlekit.enrich.sources import resolve_sources
from articlekit.model import Article

THRESHOLD = 0.5
OUT = qf.qp.ROOT / "src" / "articlekit" / "enrich" / "quotes" / "scorer.json"

SPEAKER_THRESHOLD = 0.5
Row = tuple[list[float], int]
Row3 = tuple[list[float], int, int, list[float]]
"""A candidate: its quote features, whether its words match a gold direct attribution, whether
they match it with the right speaker, and its speaker features."""


def _rules(find: object | None) -> RuleSet:
    rules = DEFAULT_RULES.copy()
    if find is not None:
        rules.add(Rule.of("scored_quote", "quoted", find))  # type: ignore[arg-type]
    return rules


def candidates(path: Path, ann: Path, reach: int = REACH) -> list[Row3]:
    """The candidates of one text: their features, whether their words match a gold direct
    attribution, and whether they match it with the right speaker (the candidates all taken,
    their speakers resolved to sources as the pipeline does)."""
    text = path.read_text(encoding="utf-8")
    bare = articlekit.parse(path, format="text", name=path.name, enrich=False)
    seen: dict[tuple[int, int], tuple[list[float], list[float]]] = {}

    def collect(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
        found = speaker_for(finder, anchor, reach)
        if found is None:
            return None
        speaker, is_subject, same, between = found
        body = finder.texts[anchor.block]
        span = (anchor.quote_start, anchor.quote_end)
        values = features(body, (anchor.start, anchor.end), span, is_subject, same, between)
        piece = finder.content(anchor.block, body, anchor.quote_start + 1, anchor.quote_end - 1, least=1)
        if piece is None:
            return None
        mention = finder.texts[speaker[0]][speaker[1] : speaker[2]]
        seen[(piece[0], piece[1])] = (values, speaker_features(mention, is_subject, same, between, values))
        return Candidate("direct", [piece], None, speaker)

    found = find_quotes(bare, _rules(collect))
    article = resolve_sources(attrs.evolve(bare, quotes=tuple(found)))
    golds = [g for g in qp.read_gold(text, ann) if g.direct]
    preds = [p for p in qp.predictions(article, text) if p.quote.kind in ("direct", "mixed")]
    gold_of = {pi: gi for gi, pi in qp.match(golds, preds)}
    rows: list[Row3] = []
    for pi, pred in enumerate(preds):
        key = (pred.quote.spans[0].block, pred.quote.spans[0].start)
        if key in seen:
            hit = pi in gold_of
            values, who = seen[key]
            rows.append((values, int(hit), int(hit and qp.speaker_ok(golds[gold_of[pi]], pred)), who))
    return rows


def fit(rows: Sequence[Row], l2: float = 0.01, rounds: int = 400, rate: float = 0.5) -> list[float]:
    """Logistic regression by batch gradient descent (the bias is not penalised)."""
    w = [0.0] * (len(rows[0][0]) if rows else len(FEATURES))
    n = max(1, len(rows))
    probability = quote_probability if len(w) == len(FEATURES) else speaker_probability
    for _ in range(rounds):
        grad = [0.0] * len(w)
        for x, y in rows:
            err = probability(x, w) - y
            for i, v in enumerate(x):
                grad[i] += err * v
        for i in range(len(w)):
            w[i] -= rate * (grad[i] / n + (l2 * w[i] if i else 0.0))
    return w


def _counts(rows: Sequence[Row], w: Sequence[float]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for x, y in rows:
        yes = quote_probability(x, w) >= THRESHOLD
        tp += yes and y == 1
        fp += yes and y == 0
        fn += (not yes) and y == 1
    return tp, fp, fn


def pipeline_f1(
    pairs: Sequence[tuple[Path, Path]],
    model: Sequence[float] | None,
    reach: int = REACH,
    speaker: Sequence[float] | None = None,
) -> dict[str, float]:
    """The pipeline's figures on ``pairs`` with the rule at weights ``model`` (None: without)
    and the speaker scorer at weights and threshold ``speaker`` (None: every speaker taken)."""
    who = speaker if speaker is not None else [0.0] * len(SPEAKER_FEATURES) + [0.0]
    rules = _rules(scored_quote_rule([*model, THRESHOLD], reach, who) if model is not None else None)
    tally = qp.Tally()
    for path, ann in pairs:
        text = path.read_text(encoding="utf-8")
        bare = articlekit.parse(path, format="text", name=path.name, enrich=False)
        article: Article = resolve_sources(attrs.evolve(bare, quotes=tuple(find_quotes(bare, rules))))
        qp.evaluate(article, qp.read_gold(text, ann), tally, path.stem[:40], text)
    return tally.figures()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="train_quote_scorer", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="fit on all of train and write scorer.json")
    parser.add_argument(
        "--label",
        choices=["quote", "speaker"],
        default="quote",
        help="fit to 'the words are a quote' (default) or 'a quote, and its speaker is right'",
    )
    parser.add_argument(
        "--reach",
        type=int,
        default=REACH,
        metavar="N",
        help=f"paragraphs before the quoted words to look for the speaker quoted last (default {REACH})",
    )
    parser.add_argument(
        "--speaker-threshold",
        type=float,
        default=SPEAKER_THRESHOLD,
        metavar="P",
        help=f"the speaker scorer's threshold; 0 takes every speaker (default {SPEAKER_THRESHOLD})",
    )
    args = parser.parse_args(argv)
    folds = qf.train_folds()
    if not any(folds):
        print(f"no PolNeAR train texts under {qp.shared_dir()}/corpora/polnear", file=sys.stderr)
        return 1
    every = [[row for path, ann in pairs for row in candidates(path, ann, args.reach)] for pairs in folds]
    label = 2 if args.label == "speaker" else 1
    rows: list[list[Row]] = [[(r[0], r[label]) for r in fold] for fold in every]
    # the speaker scorer learns, among the candidates that are quotes, whose speaker is right
    who_rows: list[list[Row]] = [[(r[3], r[2]) for r in fold if r[1]] for fold in every]
    print(
        f"label: {args.label}; reach: {args.reach}; candidates by fold: {[len(r) for r in rows]},"
        f" positive: {[sum(y for _, y in r) for r in rows]}"
    )
    print("fold  cand P  cand R   F1 without  F1 with   P with   R with  speaker without  speaker with")
    gains = []
    for k in range(qf.FOLDS):
        train = [row for j, r in enumerate(rows) if j != k for row in r]
        w = fit(train)
        who = fit([row for j, r in enumerate(who_rows) if j != k for row in r])
        tp, fp, fn = _counts(rows[k], w)
        before = pipeline_f1(folds[k], None)
        after = pipeline_f1(folds[k], w, args.reach, [*who, args.speaker_threshold])
        gains.append(
            (
                after["direct F1"] - before["direct F1"],
                after["direct speaker accuracy"] - before["direct speaker accuracy"],
            )
        )
        print(
            f"{k:4}  {tp / max(1, tp + fp):6.3f}  {tp / max(1, tp + fn):6.3f}"
            f"   {before['direct F1']:10.3f}  {after['direct F1']:7.3f}  {after['direct precision']:7.3f}"
            f"  {after['direct recall']:7.3f}  {before['direct speaker accuracy']:15.3f}"
            f"  {after['direct speaker accuracy']:12.3f}"
        )
    f1 = [g[0] for g in gains]
    sp = [g[1] for g in gains]
    print(
        f"held-out folds: direct F1 {sum(f1) / len(f1):+.4f} on average (min {min(f1):+.4f}),"
        f" speaker accuracy {sum(sp) / len(sp):+.4f} (min {min(sp):+.4f})"
    )
    if args.write:
        w = fit([row for r in rows for row in r])
        who = fit([row for r in who_rows for row in r])
        data = {
            "about": "two logistic regressions, over articlekit.enrich.quotes.scorer.FEATURES (are the "
            "quoted words someone's?) and SPEAKER_FEATURES (is the mention their speaker?); "
            "trained on PolNeAR train by bench/train_quote_scorer.py --write",
            "weights": {name: round(value, 4) for name, value in zip(FEATURES, w, strict=True)},
            "threshold": THRESHOLD,
            "speaker_weights": {name: round(value, 4) for name, value in zip(SPEAKER_FEATURES, who, strict=True)},
            "speaker_threshold": args.speaker_threshold,
        }
        OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
