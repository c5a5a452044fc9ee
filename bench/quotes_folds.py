"""Quote accuracy by fold: PolNeAR train in five fixed folds, dev read-only.

``python bench/quotes_folds.py [--holdout K] [--errors N] [--dev]``
(or ``python bench/run.py folds ...``)

The evaluation discipline of issue 14, as a tool:

- **Folds.** Every train text belongs to one of five folds by a hash of its file name
  (``sha256(name) % 5``), so the folds never change as texts or rules change.
- **Fitting and holding out.** ``--holdout K`` (default 0) names the held-out fold; the other
  four are the fit folds. Errors are listed (``--errors N``) from the fit folds only; the held-out
  fold is scored, never listed. A rule change is kept only if it helps on the held-out fold too.
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
import sys
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
            if name.name == "errors":
                total.errors.extend(tally.errors)
            else:
                setattr(total, name.name, getattr(total, name.name) + getattr(tally, name.name))
    return total


def _row(label: str, figures: dict[str, float], extra: str = "") -> str:
    return f"  {label:18}" + "".join(f"{figures[k]:>11.3f}" for k in FIGURES) + (f"   {extra}" if extra else "")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="quotes_folds", description=__doc__.split("\n")[0])
    parser.add_argument("--holdout", type=int, default=0, choices=range(FOLDS), help="the held-out fold (0-4)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors of each kind, fit folds only")
    parser.add_argument("--dev", action="store_true", help="also score dev (figures only, never errors)")
    args = parser.parse_args(argv)
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
