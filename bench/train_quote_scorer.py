"""Train the two scorers of the ``scored_quote`` rule on PolNeAR train only, with five-fold
figures: ``python bench/train_quote_scorer.py [--write]``.

Each quoted span that the rules leave unattributed and that has a candidate speaker
(``articlekit.enrich.quotes.rules_scored.speaker_choices``: the sentence's subject, speakers
quoted before, the subject of the sentence before, names before the words) is a candidate. The
quote scorer (``scorer.FEATURES``) learns whether its words match a gold direct attribution; the
speaker ranker (``scorer.SPEAKER_FEATURES``) learns, over every candidate speaker of the spans
that match, whether it is the gold speaker. To label every candidate speaker, the rules run once
per candidate rank, each span given its n-th candidate, and the speakers are resolved to sources
as the pipeline does. Both are logistic regressions (L2, batch gradient descent, pure Python).

For each fold (the folds of ``quotes_folds.py``) both are fitted on the other four, and the
two thresholds (the quote scorer's, and the ranker's floor, below which the best speaker is
refused) are chosen on those four alone, by their out-of-fold scores: the pair that adds the
most direct F1 without lowering speaker accuracy, estimated from the counts. The held-out fold
is then run through the whole pipeline with and without the rule. The script prints, per fold,
the gold direct quotes no rule makes, how many of them are quoted spans offered to
``scored_quote`` and how many of those have a candidate speaker, then the figures with and
without, their mean and minimum gains, and whether they meet the rule for
turning ``scored_quote`` on by default. ``--quote-threshold`` and ``--speaker-threshold`` fix
the thresholds instead; ``--floors`` adds a line per fixed floor. ``--write`` fits both on all
of train, chooses the thresholds on the five folds' out-of-fold scores, and writes the package's
``src/articlekit/enrich/quotes/scorer.json``. Dev is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
from attrs import define

sys.path.insert(0, str(Path(__file__).resolve().parent))

import articlekit
import quotes_folds as qf
import quotes_polnear as qp
from articlekit.enrich.quotes import find_quotes
from articlekit.enrich.quotes.finder import DEFAULT_RULES, Finder
from articlekit.enrich.quotes.rules import Candidate, Quoted, Rule, RuleFunction, RuleSet, Veto
from articlekit.enrich.quotes.rules_scored import CHOICE_REACH, MAX_CHOICES, ranked_choices, scored_quote_rule
from articlekit.enrich.quotes.scorer import (
    FEATURES,
    SPEAKER_FEATURES,
    quote_probability,
    speaker_probability,
)
from articlekit.enrich.sources import resolve_sources

THRESHOLD = 0.5
SPEAKER_THRESHOLD = 0.5
QUOTE_THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
FLOORS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
"""The thresholds the selection tries: the quote scorer's, and the speaker ranker's floor."""
OUT = qf.qp.ROOT / "src" / "articlekit" / "enrich" / "quotes" / "scorer.json"

Row = tuple[list[float], int]


@define
class Span:
    """A quoted span the rule may take: its quote features, whether its words match a gold
    direct attribution, and its candidate speakers (their features, whether each is the gold
    speaker), in the rule's order."""

    values: list[float]
    quote: bool
    choices: list[tuple[list[float], bool]]


def _rules(find: object | None) -> RuleSet:
    rules = DEFAULT_RULES.copy()
    if find is not None:
        rules.add(Rule.of("scored_quote", "quoted", find))  # type: ignore[arg-type]
    return rules


Seen = dict[tuple[int, int], tuple[list[float], list[float]]]


def _collector(pick: int, seen: Seen, reach: int) -> RuleFunction:
    """A ``scored_quote`` rule that takes every span with its ``pick``-th candidate speaker
    and notes in ``seen`` its quote features and that speaker's."""

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

    return collect


def spans_of(path: Path, ann: Path, reach: int = CHOICE_REACH) -> list[Span]:
    """The candidate spans of one text: one run of the rules per candidate rank, each span
    given its candidate of that rank (spans with fewer are left out of that run), each run's
    quotes matched to the gold ones with their speakers resolved to sources."""
    text = path.read_text(encoding="utf-8")
    bare = articlekit.parse(path, format="text", name=path.name, enrich=False)
    golds = [g for g in qp.read_gold(text, ann) if g.direct]
    spans: dict[tuple[int, int], Span] = {}
    for pick in range(MAX_CHOICES):
        seen: Seen = {}
        found = find_quotes(bare, _rules(_collector(pick, seen, reach)))
        if not seen:
            break
        article = resolve_sources(attrs.evolve(bare, quotes=tuple(found)))
        preds = [p for p in qp.predictions(article, text) if p.quote.kind in ("direct", "mixed")]
        gold_of = {pi: gi for gi, pi in qp.match(golds, preds)}
        for pi, pred in enumerate(preds):
            key = (pred.quote.spans[0].block, pred.quote.spans[0].start)
            if key not in seen:
                continue
            values, who = seen[key]
            right = pi in gold_of and qp.speaker_ok(golds[gold_of[pi]], pred)
            if pick == 0:
                spans[key] = Span(values, pi in gold_of, [])
            if key in spans:
                spans[key].choices.append((who, right))
    return list(spans.values())


def _anchor_collector(seen: dict[tuple[int, int], bool], reach: int) -> RuleFunction:
    """A ``scored_quote`` rule that takes every span it is offered, with no speaker, and notes
    in ``seen`` whether it has a candidate speaker."""

    def collect(finder: Finder, anchor: Quoted) -> Candidate | Veto | None:
        body = finder.texts[anchor.block]
        piece = finder.content(anchor.block, body, anchor.quote_start + 1, anchor.quote_end - 1, least=1)
        if piece is None:
            return None
        seen[(piece[0], piece[1])] = ranked_choices(finder, anchor, reach) is not None
        return Candidate("direct", [piece], None, None)

    return collect


def offered(path: Path, ann: Path, reach: int = CHOICE_REACH) -> tuple[int, int]:
    """How many gold direct quotes of one text the rules leave to ``scored_quote`` (quoted
    spans no rule attributed that match them), and how many of those have a candidate
    speaker."""
    text = path.read_text(encoding="utf-8")
    bare = articlekit.parse(path, format="text", name=path.name, enrich=False)
    golds = [g for g in qp.read_gold(text, ann) if g.direct]
    seen: dict[tuple[int, int], bool] = {}
    found = find_quotes(bare, _rules(_anchor_collector(seen, reach)))
    article = attrs.evolve(bare, quotes=tuple(found))
    preds = [p for p in qp.predictions(article, text) if p.quote.kind in ("direct", "mixed")]
    gold_of = {pi: gi for gi, pi in qp.match(golds, preds)}
    keys = [(p.quote.spans[0].block, p.quote.spans[0].start) for p in preds]
    hits = [seen[key] for pi, key in enumerate(keys) if key in seen and pi in gold_of]
    return len(hits), sum(hits)


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


Models = tuple[list[float], list[float]]


def fit_both(spans: Sequence[Span]) -> Models:
    """The quote scorer fitted on every span, the ranker on the candidates of the spans that
    are quotes."""
    quote = fit([(s.values, int(s.quote)) for s in spans])
    ranker = fit([(x, int(right)) for s in spans if s.quote for x, right in s.choices])
    return quote, ranker


Scored = tuple[float, float, bool, bool]
"""A span scored: its quote probability, its best speaker's score, whether it is a quote,
whether that speaker is right."""


def score(spans: Sequence[Span], models: Models) -> list[Scored]:
    quote, ranker = models
    out = []
    for s in spans:
        if not s.choices:
            continue
        best, right = max(((speaker_probability(x, ranker), r) for x, r in s.choices), key=lambda pr: pr[0])
        out.append((quote_probability(s.values, quote), best, s.quote, right))
    return out


def added(scored: Sequence[Scored], threshold: float, floor: float) -> tuple[int, int, int]:
    """The spans the rule would take at these thresholds: quotes with the right speaker, quotes
    with a wrong one, and spans that are no quote."""
    right = wrong = false = 0
    for pq, ps, quote, ok in scored:
        if pq >= threshold and ps >= floor:
            right += quote and ok
            wrong += quote and not ok
            false += not quote
    return right, wrong, false


def estimate(base: qp.Tally, right: int, wrong: int, false: int) -> tuple[float, float]:
    """The change in direct F1 and speaker accuracy from adding these spans to ``base``."""
    after = attrs.evolve(
        base,
        direct_recalled=base.direct_recalled + right + wrong,
        pred_direct=base.pred_direct + right + wrong + false,
        pred_direct_ok=base.pred_direct_ok + right + wrong,
        speaker_pairs=base.speaker_pairs + right + wrong,
        speaker_right=base.speaker_right + right,
    )
    b, a = base.figures(), after.figures()
    return (
        a["direct F1"] - b["direct F1"],
        a["direct speaker accuracy"] - b["direct speaker accuracy"],
    )


def choose(scored: Sequence[Scored], base: qp.Tally) -> tuple[float, float]:
    """The quote threshold and floor that add the most direct F1 to ``base`` without lowering
    speaker accuracy, by the out-of-fold ``scored`` spans (the highest floor when none keeps
    speaker accuracy)."""
    best: tuple[tuple[int, float], tuple[float, float]] = ((-1, 0.0), (THRESHOLD, max(FLOORS)))
    for threshold in QUOTE_THRESHOLDS:
        for floor in FLOORS:
            f1, speaker = estimate(base, *added(scored, threshold, floor))
            key = (int(speaker >= 0), f1 if speaker >= 0 else speaker)
            if key > best[0]:
                best = (key, (threshold, floor))
    return best[1]


def pool(tallies: Sequence[qp.Tally]) -> qp.Tally:
    total = qp.Tally()
    for t in tallies:
        for name in (
            "gold_direct",
            "direct_recalled",
            "pred_direct",
            "pred_direct_ok",
            "speaker_pairs",
            "speaker_right",
        ):
            setattr(total, name, getattr(total, name) + getattr(t, name))
    return total


def out_of_fold(spans: Sequence[Sequence[Span]], folds: Sequence[int]) -> list[Scored]:
    """The spans of ``folds``, each fold's scored by models fitted on the others of ``folds``."""
    scored: list[Scored] = []
    for j in folds:
        models = fit_both([s for i in folds if i != j for s in spans[i]])
        scored += score(spans[j], models)
    return scored


def pipeline(
    pairs: Sequence[tuple[Path, Path]],
    models: Models | None,
    threshold: float = THRESHOLD,
    floor: float = SPEAKER_THRESHOLD,
    reach: int = CHOICE_REACH,
) -> qp.Tally:
    """The pipeline's tally on ``pairs`` with the rule at ``models`` and thresholds (None:
    without the rule)."""
    rule = None if models is None else scored_quote_rule([*models[0], threshold], reach, [*models[1], floor])
    rules = _rules(rule)
    tally = qp.Tally()
    for path, ann in pairs:
        text = path.read_text(encoding="utf-8")
        bare = articlekit.parse(path, format="text", name=path.name, enrich=False)
        article = resolve_sources(attrs.evolve(bare, quotes=tuple(find_quotes(bare, rules))))
        qp.evaluate(article, qp.read_gold(text, ann), tally, path.stem[:40], text)
    return tally


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


def _summary(label: str, gains: Sequence[tuple[float, float]]) -> tuple[bool, str]:
    f1 = [g[0] for g in gains]
    sp = [g[1] for g in gains]
    met, short = decision(gains)
    print(
        f"{label}: held-out folds: direct F1 {sum(f1) / len(f1):+.4f} on average (min {min(f1):+.4f};"
        f" fold 0 {f1[0]:+.4f}), speaker accuracy {sum(sp) / len(sp):+.4f} (min {min(sp):+.4f};"
        f" fold 0 {sp[0]:+.4f}); by fold F1 {' '.join(f'{g:+.4f}' for g in f1)},"
        f" speaker {' '.join(f'{g:+.4f}' for g in sp)}; rule {'met' if met else 'not met: ' + short}"
    )
    return met, short


def _gain(before: qp.Tally, after: qp.Tally) -> tuple[float, float]:
    b, a = before.figures(), after.figures()
    return a["direct F1"] - b["direct F1"], a["direct speaker accuracy"] - b["direct speaker accuracy"]


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
        "--quote-threshold",
        type=float,
        default=None,
        metavar="P",
        help="fix the quote scorer's threshold (default: chosen on the training folds)",
    )
    parser.add_argument(
        "--speaker-threshold",
        type=float,
        default=None,
        metavar="P",
        help="fix the speaker ranker's floor (default: chosen on the training folds)",
    )
    parser.add_argument(
        "--floors",
        default="",
        metavar="P,P,...",
        help="also score the held-out folds at these fixed floors (a summary line and the decision each)",
    )
    args = parser.parse_args(argv)
    folds = qf.train_folds()
    if not any(folds):
        print(f"no PolNeAR train texts under {qp.shared_dir()}/corpora/polnear", file=sys.stderr)
        return 1
    spans = [[s for path, ann in pairs for s in spans_of(path, ann, args.reach)] for pairs in folds]
    print(
        f"reach: {args.reach}; candidate spans by fold: {[len(f) for f in spans]},"
        f" quotes: {[sum(s.quote for s in f) for f in spans]},"
        f" of them with the right speaker among their candidates:"
        f" {[sum(s.quote and any(r for _, r in s.choices) for s in f) for f in spans]}"
    )
    ks = range(qf.FOLDS)
    before = [pipeline(folds[k], None) for k in ks]
    counts = [[offered(path, ann, args.reach) for path, ann in folds[k]] for k in ks]
    print(
        "gold direct quotes no rule makes, by fold:"
        f" {[before[k].gold_direct - before[k].direct_recalled for k in ks]};"
        " of them offered to scored_quote (quoted spans no rule attributed):"
        f" {[sum(c[0] for c in counts[k]) for k in ks]},"
        f" with a candidate speaker: {[sum(c[1] for c in counts[k]) for k in ks]}"
    )
    models = [fit_both([s for j in ks if j != k for s in spans[j]]) for k in ks]
    fixed = args.quote_threshold is not None or args.speaker_threshold is not None
    chosen: list[tuple[float, float]] = []
    for k in ks:
        if fixed:
            chosen.append(
                (
                    args.quote_threshold if args.quote_threshold is not None else THRESHOLD,
                    args.speaker_threshold if args.speaker_threshold is not None else SPEAKER_THRESHOLD,
                )
            )
        else:
            inner = [j for j in ks if j != k]
            chosen.append(choose(out_of_fold(spans, inner), pool([before[j] for j in inner])))
    print("fold  quote thr  floor   right  wrong  false   F1 without  F1 with  speaker without  speaker with")
    gains = []
    for k in ks:
        threshold, floor = chosen[k]
        after = pipeline(folds[k], models[k], threshold, floor, args.reach)
        right, wrong, false = added(score(spans[k], models[k]), threshold, floor)
        gains.append(_gain(before[k], after))
        b, a = before[k].figures(), after.figures()
        print(
            f"{k:4}  {threshold:9.2f}  {floor:5.2f}  {right:6}  {wrong:5}  {false:5}"
            f"   {b['direct F1']:10.3f}  {a['direct F1']:7.3f}"
            f"  {b['direct speaker accuracy']:15.3f}  {a['direct speaker accuracy']:12.3f}"
        )
    verdict = _summary("thresholds " + ("fixed" if fixed else "chosen on the training folds"), gains)
    for floor in [float(f) for f in args.floors.split(",") if f.strip()]:
        threshold = args.quote_threshold if args.quote_threshold is not None else THRESHOLD
        more = [_gain(before[k], pipeline(folds[k], models[k], threshold, floor, args.reach)) for k in ks]
        _summary(f"quote threshold {threshold:.2f}, floor {floor:.2f}", more)
    print(
        "decision: "
        + ("MET: scored_quote may be on by default" if verdict[0] else f"NOT MET ({verdict[1]}): keep it opt-in")
    )
    if args.write:
        quote, ranker = fit_both([s for f in spans for s in f])
        threshold, floor = chosen[0] if fixed else choose(out_of_fold(spans, list(ks)), pool(before))
        data = {
            "about": "two logistic regressions, over articlekit.enrich.quotes.scorer.FEATURES (are the "
            "quoted words someone's?) and SPEAKER_FEATURES (how likely is each candidate mention their "
            "speaker? the best one speaks if it reaches speaker_threshold); trained on PolNeAR train by "
            "bench/train_quote_scorer.py --write, thresholds chosen on the five folds' out-of-fold scores",
            "weights": {name: round(value, 4) for name, value in zip(FEATURES, quote, strict=True)},
            "threshold": threshold,
            "speaker_weights": {name: round(value, 4) for name, value in zip(SPEAKER_FEATURES, ranker, strict=True)},
            "speaker_threshold": floor,
        }
        OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT} (quote threshold {threshold:.2f}, floor {floor:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
