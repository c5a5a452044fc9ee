"""Quote accuracy by fold: PolNeAR train in five fixed folds, dev read-only.

``python bench/quotes_folds.py [--holdout K] [--errors N] [--causes N] [--vetoes] [--dev] [--places P]``
(or ``python bench/run.py folds ...``)

The evaluation discipline of issue 14, as a tool:

- **Folds.** Every train text belongs to one of five folds by a hash of its file name
  (``sha256(name) % 5``), so the folds never change as texts or rules change.
- **Fitting and holding out.** ``--holdout K`` (default 0) names the held-out fold; the other
  four are the fit folds. Errors are listed (``--errors N``) from the fit folds only; the held-out
  fold is scored, never listed. A rule change is kept only if it helps on the held-out fold too.
  ``--causes N`` counts the fit folds' missed attributions by the first word of their cue, for
  each kind of miss (nothing predicted near, or other bounds): which cue forms the rules lack.
- **Per fold.** The figures are printed for each fold, for the four fit folds pooled and for the
  held-out fold, and the spread of the five folds (mean and range) says how much a figure moves
  from one sample of articles to another.
- **Dev** (``--dev``) is scored at milestones, figures only: this script never prints a dev
  error, and has no option to.

The figures and the matching are those of ``quotes_polnear.py`` (same loader, same scorer).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes_polnear as qp

FOLDS = 5
FIGURES = (
    "direct F1",
    "direct precision",
    "direct recall",
    "direct speaker accuracy",
    "speech recall",
    "indirect precision",
)
_SHORT = ("F1", "P", "R", "speaker", "speech R", "indirect P")


def fold_of(name: str) -> int:
    """The fold of a train text, from its file name alone."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") % FOLDS


def train_folds() -> list[list[tuple[Path, Path]]]:
    """The train (text, annotation) pairs in their five folds."""
    folds: list[list[tuple[Path, Path]]] = [[] for _ in range(FOLDS)]
    for text, ann in qp.corpus("train"):
        folds[fold_of(text.name)].append((text, ann))
    return folds


def score(pairs: Sequence[tuple[Path, Path]], use_text: bool, *, keep_errors: bool) -> qp.Tally:
    tally = qp.Tally()
    for text_path, ann in pairs:
        text = text_path.read_text(encoding="utf-8")
        article, _ = qp.parse_one(text_path, use_text)
        qp.evaluate(article, qp.read_gold(text, ann), tally, text_path.stem[:40], text)
    if not keep_errors:
        tally.errors.clear()
    return tally


def merged(tallies: Sequence[qp.Tally]) -> qp.Tally:
    total = qp.Tally()
    for tally in tallies:
        for name in qp.Tally.__attrs_attrs__:  # type: ignore[attr-defined]
            mine, theirs = getattr(total, name.name), getattr(tally, name.name)
            if isinstance(mine, list):
                mine.extend(theirs)
            elif isinstance(mine, dict):  # rule -> [count, matched]
                for key, counts in theirs.items():
                    row = mine.setdefault(key, [0] * len(counts))
                    for i, n in enumerate(counts):
                        row[i] += n
            else:
                setattr(total, name.name, mine + theirs)
    return total


def veto_table(pairs: Sequence[tuple[Path, Path]]) -> dict[str, list[int]]:
    """For each ``rule/veto``: how many anchors it rejected, and how many of those stood on a
    real quote (a gold direct attribution's content) that no prediction matched: a veto that
    mostly rejects real quotes costs recall. Read on the fit folds only."""
    from articlekit.enrich.quotes import explain_quotes

    table: dict[str, list[int]] = {}
    for text_path, ann in pairs:
        text = text_path.read_text(encoding="utf-8")
        bare = qp.articlekit.parse(text_path, format="text", name=text_path.name, enrich=False)
        article, _ = qp.parse_one(text_path, True)
        golds = [g for g in qp.read_gold(text, ann) if g.direct]
        preds = [p for p in qp.predictions(article, text) if p.quote.kind in ("direct", "mixed")]
        found = {gi for gi, _ in qp.match(golds, preds)}
        missed = [g for gi, g in enumerate(golds) if gi not in found]
        offsets = qp.block_offsets(bare, text)
        for dropped in explain_quotes(bare).vetoes:
            if dropped.block not in offsets:
                continue
            at = offsets[dropped.block]
            lo, hi = at + dropped.start, at + dropped.end
            if dropped.anchor == "before":
                lo, hi = hi, hi + 2  # the quote opens at the anchor's end
            elif dropped.anchor == "cue":
                lo, hi = lo - 200, hi + 200  # the words reported stand near the cue
            real = any(g.start < hi and lo < g.end for g in missed)
            row = table.setdefault(f"{dropped.rule}/{dropped.veto}", [0, 0])
            row[0] += 1
            row[1] += int(real)
    return table


_QUOTED = r"(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
"""A Python repr of a string, in single or double quotes."""
_MISS = re.compile(rf"(?P<kind>\S+-MISS-\S+) \S+: (?:{_QUOTED}|None) (?P<cue>{_QUOTED})")


def miss_causes(errors: Sequence[str]) -> dict[str, Counter[str]]:
    """For each kind of miss (``DIRECT-MISS-NONE``: nothing predicted near a gold direct
    attribution, ``SPEECH-MISS-PARTIAL``: a prediction overlaps with other bounds, ...), how
    many gold attributions were missed by the first word of their cue: the listing that says
    which cue forms the rules lack (``asked``, ``according``, ``reported``)."""
    causes: dict[str, Counter[str]] = {}
    for line in errors:
        m = _MISS.match(line)
        if m is None:
            continue
        words = m.group("cue")[1:-1].lower().split()
        causes.setdefault(m.group("kind"), Counter())[words[0] if words else "(none)"] += 1
    return causes


_PLACES = [3]


def _row(label: str, figures: dict[str, float], extra: str = "") -> str:
    places = _PLACES[0]
    return f"  {label:18}" + "".join(f"{figures[k]:>11.{places}f}" for k in FIGURES) + (f"   {extra}" if extra else "")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="quotes_folds", description=__doc__.split("\n")[0])
    parser.add_argument("--holdout", type=int, default=0, choices=range(FOLDS), help="the held-out fold (0-4)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors of each kind, fit folds only")
    parser.add_argument("--vetoes", action="store_true", help="which vetoes reject real quotes, fit folds only")
    parser.add_argument(
        "--causes",
        type=int,
        default=0,
        metavar="N",
        help="the N commonest cue words of the missed attributions, by kind of miss, fit folds only",
    )
    parser.add_argument("--dev", action="store_true", help="also score dev (figures only, never errors)")
    parser.add_argument("--places", type=int, default=3, choices=range(2, 7), help="decimal places of the figures")
    args = parser.parse_args(argv)
    _PLACES[0] = args.places
    use_text = "text" in qp.get_registry().parsers
    folds = train_folds()
    if not any(folds):
        print(f"no PolNeAR train texts under {qp.shared_dir()}/corpora/polnear", file=sys.stderr)
        return 1
    tallies = [score(pairs, use_text, keep_errors=k != args.holdout) for k, pairs in enumerate(folds)]
    print(f"PolNeAR train, {FOLDS} folds by sha256(file name); held-out fold {args.holdout}")
    print(f"  {'':18}" + "".join(f"{s:>11}" for s in _SHORT))
    for k, tally in enumerate(tallies):
        mark = "held out" if k == args.holdout else "fit"
        print(_row(f"fold {k}", tally.figures(), f"{len(folds[k])} texts, {mark}"))
    each = [t.figures() for t in tallies]
    mean = {key: sum(f[key] for f in each) / FOLDS for key in FIGURES}
    spread = {key: max(f[key] for f in each) - min(f[key] for f in each) for key in FIGURES}
    print(_row("mean of folds", mean))
    print(_row("range of folds", spread))
    fit = merged([t for k, t in enumerate(tallies) if k != args.holdout])
    print(_row("fit folds pooled", fit.figures()))
    print(_row("held-out fold", tallies[args.holdout].figures()))
    train = merged(tallies).figures()
    print(_row("train, all", train))
    if args.dev:
        pairs = qp.corpus("dev")
        if pairs:
            dev = score(pairs, use_text, keep_errors=False).figures()
            print(_row("dev (read-only)", dev))
            print(_row("gap train - dev", {k: train[k] - dev[k] for k in FIGURES}))
    if args.vetoes:
        fit_pairs = [p for k, pairs in enumerate(folds) if k != args.holdout for p in pairs]
        print("vetoes on the fit folds: rejected anchors, and those on a real quote no prediction matched")
        for name, (count, real) in sorted(veto_table(fit_pairs).items(), key=lambda kv: -kv[1][1]):
            print(f"  {name:55} {count:6} {real:6}  {real / count:.2f}")
    if args.causes:
        print(f"missed attributions by the first word of their cue, fit folds only (not fold {args.holdout}):")
        for kind, counts in sorted(miss_causes(fit.errors).items()):
            top = ", ".join(f"{word} {n}" for word, n in counts.most_common(args.causes))
            print(f"  {kind} ({sum(counts.values())}): {top}")
    if args.errors:
        by_kind: dict[str, list[str]] = {}
        for line in fit.errors:
            by_kind.setdefault(line.split()[0], []).append(line)
        print(f"errors from the fit folds only (fold {args.holdout} and dev are never listed):")
        for kind, lines in sorted(by_kind.items()):
            print(f"  -- {kind}: {len(lines)}")
            for line in lines[: args.errors]:
                print("    " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
