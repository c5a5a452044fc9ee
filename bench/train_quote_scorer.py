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
from articlekit.enrich.quotes.rules_scored import CHOICE_REACH, MAX_CHOICES, ranked_choices, scored_quote_rule
from articlekit.enrich.quotes.scorer import (
    FEATURES,
    SPEAKER_FEATURES,
    quote_probability,
    speaker_probability,
)
from articlekit.enrich.sources import resolve_sources
from articlekit.model import Article

THRESHOLD = 0.5
OUT = qf.qp.ROOT / "src" / "articlekit" / "enrich" / "quotes" / "scorer.json"

SPEAKER_THRESHOLD = 0.5
Row = tuple[list[float], int]


def _rules(find: object | None) -> RuleSet:
    rules = DEFAULT_RULES.copy()
    if find is not None:
        rules.add(Rule.of("scored_quote", "quoted", find))  # type: ignore[arg-type]
    return rules


def candidates(path: Path, ann: Path, reach: int = CHOICE_REACH, pick: int = 0) -> tuple[list[Row], list[Row]]:
    """The candidates of one text, each quoted span given its ``pick``-th candidate speaker
    (spans with fewer are left out): the quote scorer's rows (their features, whether their
    words match a gold direct attribution; ``pick`` 0 only) and the speaker ranker's (the
    picked speaker's features, whether it is the gold speaker, for the spans that match),
    the speakers resolved to sources as the pipeline does."""
    text = path.read_text(encoding="utf-8")
    bare = articlekit.parse(path, format="text", name=path.name, enrich=False)
    seen: dict[tuple[int, int], tuple[list[float], list[float]]] = {}

    def collect(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
        found = ranked_choices(finder, anchor, reach)
        if found is None or len(found[1]) <= pick:
            return None
        values, scored = found
        choice, who = scored[pick]
        body = finder.texts[anchor.block]
        piece = finder.content(anchor.block, body, anchor.quote_start + 1, anchor.quote_end - 1, least=1)
        if piece is None:
            return None
        seen[(piece[0], piece[1])] = (values, who)
        return Candidate("direct", [piece], None, choice.mention)

    found = find_quotes(bare, _rules(collect))
    article = resolve_sources(attrs.evolve(bare, quotes=tuple(found)))
    golds = [g for g in qp.read_gold(text, ann) if g.direct]
    preds = [p for p in qp.predictions(article, text) if p.quote.kind in ("direct", "mixed")]
    gold_of = {pi: gi for gi, pi in qp.match(golds, preds)}
    quote_rows: list[Row] = []
    speaker_rows: list[Row] = []
    for pi, pred in enumerate(preds):
        key = (pred.quote.spans[0].block, pred.quote.spans[0].start)
        if key in seen:
            values, who = seen[key]
            if pick == 0:
                quote_rows.append((values, int(pi in gold_of)))
            if pi in gold_of:
                speaker_rows.append((who, int(qp.speaker_ok(golds[gold_of[pi]], pred))))
    return quote_rows, speaker_rows


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
    reach: int = CHOICE_REACH,
    speaker: Sequence[float] | None = None,
) -> dict[str, float]:
    """The pipeline's figures on ``pairs`` with the rule at weights ``model`` (None: without)
    and the speaker ranker at weights and floor ``speaker`` (None: all weights 0, the first
    candidate taken)."""
    who = speaker if speaker is not None else [0.0] * len(SPEAKER_FEATURES) + [0.0]
    rules = _rules(scored_quote_rule([*model, THRESHOLD], reach, who) if model is not None else None)
    tally = qp.Tally()
    for path, ann in pairs:
        text = path.read_text(encoding="utf-8")
        bare = articlekit.parse(path, format="text", name=path.name, enrich=False)
        article: Article = resolve_sources(attrs.evolve(bare, quotes=tuple(find_quotes(bare, rules))))
        qp.evaluate(article, qp.read_gold(text, ann), tally, path.stem[:40], text)
    return tally.figures()


RULE_F1_MEAN = 0.003
RULE_SPEAKER_MEAN = -0.0005


def decision(gains: Sequence[tuple[float, float]]) -> tuple[bool, str]:
    """Whether the held-out folds' gains ``(direct F1, speaker accuracy)``, fold 0 first, meet
    the rule for turning ``scored_quote`` on by default: direct F1 up by at least 0.003 on
    average and on every fold, speaker accuracy down by no more than 0.0005 on average and not
    at all on fold 0; and what falls short."""
    f1 = [g[0] for g in gains]
    sp = [g[1] for g in gains]
    short = []
    if sum(f1) / len(f1) < RULE_F1_MEAN:
        short.append(f"direct F1 {sum(f1) / len(f1):+.4f} on average < {RULE_F1_MEAN:+.4f}")
    if min(f1) <= 0:
        short.append(f"direct F1 {min(f1):+.4f} on a fold (not a rise)")
    if sum(sp) / len(sp) < RULE_SPEAKER_MEAN:
        short.append(f"speaker accuracy {sum(sp) / len(sp):+.4f} on average < {RULE_SPEAKER_MEAN:+.4f}")
    if sp[0] < 0:
        short.append(f"speaker accuracy {sp[0]:+.4f} on fold 0")
    return not short, "; ".join(short)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="train_quote_scorer", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="fit on all of train and write scorer.json")
    parser.add_argument(
        "--reach",
        type=int,
        default=CHOICE_REACH,
        metavar="N",
        help=f"paragraphs before the quoted words to look for speakers quoted before (default {CHOICE_REACH})",
    )
    parser.add_argument(
        "--speaker-threshold",
        type=float,
        default=SPEAKER_THRESHOLD,
        metavar="P",
        help=f"the speaker ranker's floor: below it the best speaker is refused (default {SPEAKER_THRESHOLD})",
    )
    parser.add_argument(
        "--floors",
        default="",
        metavar="P,P,...",
        help="also score the held-out folds at these floors (a summary line and the decision each)",
    )
    args = parser.parse_args(argv)
    folds = qf.train_folds()
    if not any(folds):
        print(f"no PolNeAR train texts under {qp.shared_dir()}/corpora/polnear", file=sys.stderr)
        return 1
    rows: list[list[Row]] = [[] for _ in folds]
    who_rows: list[list[Row]] = [[] for _ in folds]
    for pick in range(MAX_CHOICES):
        for k, pairs in enumerate(folds):
            for path, ann in pairs:
                quote_rows, speaker_rows = candidates(path, ann, args.reach, pick)
                rows[k] += quote_rows
                who_rows[k] += speaker_rows
    print(
        f"reach: {args.reach}; candidates by fold: {[len(r) for r in rows]},"
        f" positive: {[sum(y for _, y in r) for r in rows]};"
        f" candidate speakers of the positive: {[len(r) for r in who_rows]},"
        f" right: {[sum(y for _, y in r) for r in who_rows]}"
    )
    floors = [args.speaker_threshold] + [float(f) for f in args.floors.split(",") if f.strip()]
    models = []
    for k in range(qf.FOLDS):
        train = [row for j, r in enumerate(rows) if j != k for row in r]
        who = fit([row for j, r in enumerate(who_rows) if j != k for row in r])
        models.append((fit(train), who))
    before = [pipeline_f1(folds[k], None) for k in range(qf.FOLDS)]
    verdict = (False, "")
    for n, floor in enumerate(floors):
        if n == 0:
            print("fold  cand P  cand R   F1 without  F1 with   P with   R with  speaker without  speaker with")
        gains = []
        for k in range(qf.FOLDS):
            w, who = models[k]
            after = pipeline_f1(folds[k], w, args.reach, [*who, floor])
            gains.append(
                (
                    after["direct F1"] - before[k]["direct F1"],
                    after["direct speaker accuracy"] - before[k]["direct speaker accuracy"],
                )
            )
            if n == 0:
                tp, fp, fn = _counts(rows[k], w)
                print(
                    f"{k:4}  {tp / max(1, tp + fp):6.3f}  {tp / max(1, tp + fn):6.3f}"
                    f"   {before[k]['direct F1']:10.3f}  {after['direct F1']:7.3f}  {after['direct precision']:7.3f}"
                    f"  {after['direct recall']:7.3f}  {before[k]['direct speaker accuracy']:15.3f}"
                    f"  {after['direct speaker accuracy']:12.3f}"
                )
        f1 = [g[0] for g in gains]
        sp = [g[1] for g in gains]
        met, short = decision(gains)
        print(
            f"floor {floor:.2f}: held-out folds: direct F1 {sum(f1) / len(f1):+.4f} on average (min {min(f1):+.4f};"
            f" fold 0 {f1[0]:+.4f}), speaker accuracy {sum(sp) / len(sp):+.4f} (min {min(sp):+.4f};"
            f" fold 0 {sp[0]:+.4f}); by fold F1 {' '.join(f'{g:+.4f}' for g in f1)},"
            f" speaker {' '.join(f'{g:+.4f}' for g in sp)}; rule {'met' if met else 'not met: ' + short}"
        )
        if n == 0:
            verdict = (met, short)
    print(
        f"decision (floor {args.speaker_threshold:.2f}): "
        + ("MET: scored_quote may be on by default" if verdict[0] else f"NOT MET ({verdict[1]}): keep it opt-in")
    )
    if args.write:
        w = fit([row for r in rows for row in r])
        who = fit([row for r in who_rows for row in r])
        data = {
            "about": "two logistic regressions, over articlekit.enrich.quotes.scorer.FEATURES (are the "
            "quoted words someone's?) and SPEAKER_FEATURES (how likely is each candidate mention their "
            "speaker? the best one speaks if it reaches speaker_threshold); trained on PolNeAR train by "
            "bench/train_quote_scorer.py --write",
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
