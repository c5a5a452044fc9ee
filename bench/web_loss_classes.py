"""Where the ``html`` parser loses to readability-lxml, page by page: ``python bench/web_loss_classes.py``.

For every page of dragnet, l3s-gn1, cleaneval and aeb-dev (never the score-only set,
readability), the parser's leave-one-set-out text (``web_train.loso_texts``) and readability-lxml's
(from the cache of ``bench/run.py web``) are scored with the metric of ``bench/aeb.py``. Each page
where articlekit's F1 is lower is put in one class by articlekit's own precision P and recall R:

- ``empty``: the body is empty or near-empty (fewer than 20 tokens, or under a tenth of the gold
  body's tokens while the gold has 20 or more);
- ``wrong region``: P and R both under 0.5;
- ``too much``: the body is right but more is kept than the gold (1 - P > 1 - R);
- ``too little``: the body is right but some of it is missing (1 - R >= 1 - P).

Printed per set and class: the pages, the summed F1 loss against readability-lxml (its F1 minus
ours, over the pages where ours is lower), and the summed gain over the pages where ours is
higher, for scale. ``--save`` and ``--load`` keep the LOSO texts in
``bench/results/web-loso-texts.json`` while iterating; ``--list CLASS`` prints the pages of one
class (id, P, R, F1, readability-lxml's F1).

``--fallback-ab`` instead parses every set (the five, the readability set scored only) with its
leave-one-set-out model twice, its fallback to Readability's top candidate off and as trained
(``webbody.Model.fallback``), and prints each set's F1 to the fourth decimal. ``--end-matter-ab``
does the same with the trimming of the body's end matter (``formats/html/endmatter.py``) off and on,
``--comments-ab`` with readers' comments kept for a post as decided, then given way to the post
(``body._comments_for_post``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from aeb import page_scores
from web import ALL_SETS, CACHE, SCORE_ONLY, load_sets, page_f1

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "bench" / "results" / "web-loso-texts.json"
DIAGNOSED = tuple(name for name in ALL_SETS if name not in SCORE_ONLY)
CLASSES = ("empty", "wrong region", "too much", "too little")
_TOKEN = re.compile(r"\w+")


def loss_class(text: str, gold: str, precision: float, recall: float) -> str:
    tokens = len(_TOKEN.findall(text))
    gold_tokens = len(_TOKEN.findall(gold))
    if tokens < 20 or (gold_tokens >= 20 and tokens < 0.1 * gold_tokens):
        return "empty"
    if precision < 0.5 and recall < 0.5:
        return "wrong region"
    return "too much" if 1 - precision > 1 - recall else "too little"


def fallback_ab() -> None:
    """Each set's LOSO F1 with the models' fallback off, then as trained (the same models)."""
    from aeb import summary
    from web import scores
    from web_train import collect, loso_models, texts_with

    sets = load_sets(ALL_SETS)
    models = loso_models(collect(sets))
    print("fallback chosen per fold: " + ", ".join(f"{n} {m.fallback}" for n, m in models.items()))
    trained = {name: model.fallback for name, model in models.items()}
    for label, off in (("fallback off", True), ("fallback as trained", False)):
        figures = {}
        for name, pages in sets.items():
            models[name].fallback = 0.0 if off else trained[name]
            figures[name] = summary(scores(pages, texts_with(models[name], pages)))[0]
        line = " ".join(f"{name} {f1:.4f}" for name, f1 in figures.items())
        print(f"{label:20} {line} mean {sum(figures.values()) / len(figures):.4f}")


def end_matter_ab() -> None:
    """Each set's LOSO F1 with the end matter's trimming off, then on (the same models)."""
    from articlekit.formats.html import parser as html_parser

    switch_ab(html_parser, "trim_tail", list, ("end matter kept", "end matter trimmed"))


def comments_ab() -> None:
    """Each set's LOSO F1 with readers' comments kept for a post as decided, then given way to
    Readability's top candidate (``body._comments_for_post``; the same models)."""
    from articlekit.formats.html import body

    switch_ab(body, "_comments_for_post", lambda *args: None, ("comments as decided", "comments give way"))


def switch_ab(module: object, name: str, off: object, labels: tuple[str, str]) -> None:
    """Each set's LOSO F1 with ``module.name`` replaced by ``off``, then as shipped (the same
    LOSO models for both)."""
    from aeb import summary
    from web import scores
    from web_train import collect, loso_models, texts_with

    sets = load_sets(ALL_SETS)
    models = loso_models(collect(sets))
    shipped = getattr(module, name)
    for label, replaced in zip(labels, (True, False), strict=True):
        setattr(module, name, off if replaced else shipped)
        try:
            figures = {held: summary(scores(pages, texts_with(models[held], pages)))[0] for held, pages in sets.items()}
        finally:
            setattr(module, name, shipped)
        line = " ".join(f"{held} {f1:.4f}" for held, f1 in figures.items())
        print(f"{label:20} {line} mean {sum(figures.values()) / len(figures):.4f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/web_loss_classes.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--load", action="store_true", help="read the LOSO texts saved by --save")
    parser.add_argument("--save", action="store_true", help="save the LOSO texts")
    parser.add_argument("--list", default=None, help="list the pages of one class")
    parser.add_argument("--set", default=None, help="with --list: only this set")
    parser.add_argument("--fallback-ab", action="store_true", help="LOSO F1 with the fallback off and on")
    parser.add_argument("--end-matter-ab", action="store_true", help="LOSO F1 with the end matter kept and trimmed")
    parser.add_argument("--comments-ab", action="store_true", help="LOSO F1 with comments kept for a post and not")
    args = parser.parse_args(argv)
    if args.fallback_ab:
        fallback_ab()
        return 0
    if args.end_matter_ab:
        end_matter_ab()
        return 0
    if args.comments_ab:
        comments_ab()
        return 0
    sets = load_sets(DIAGNOSED)
    if args.load:
        texts = json.loads(TEXTS.read_text(encoding="utf-8"))
    else:
        from web_train import loso_texts

        texts = loso_texts(sets)
        if args.save:
            TEXTS.write_text(json.dumps(texts), encoding="utf-8")
    print(f"{'set':10} {'class':13} {'pages':>5} {'loss':>7} {'mean':>6}   (pages won: n, gain)")
    grand: dict[str, list[float]] = {c: [0, 0.0] for c in CLASSES}
    for name in DIAGNOSED:
        pages = sets[name]
        peer = json.loads((CACHE / f"readability-lxml--{name}.json").read_text(encoding="utf-8"))
        table: dict[str, list[float]] = {c: [0, 0.0, 0, 0.0] for c in CLASSES}
        listed = []
        for (page_id, _data, gold), text in zip(pages, texts[name], strict=True):
            ours = page_scores(gold, text)
            theirs = page_f1(page_scores(gold, peer[page_id][0]))
            delta = theirs - page_f1(ours)
            kind = loss_class(text, gold, *ours)
            row = table[kind]
            if delta > 0:
                row[0] += 1
                row[1] += delta
            elif delta < 0:
                row[2] += 1
                row[3] -= delta
            if args.list == kind and delta > 0 and args.set in (None, name):
                listed.append((delta, page_id, ours, theirs))
        for kind, (n, loss, won, gain) in table.items():
            mean = loss / n if n else 0.0
            print(f"{name:10} {kind:13} {n:5d} {loss:7.2f} {mean:6.3f}   ({won:3d}, {gain:6.2f})")
            grand[kind][0] += n
            grand[kind][1] += loss
        print(f"{name:10} {'net':13} {'':5} {sum(r[1] - r[3] for r in table.values()):7.2f}  / {len(pages)} pages")
        for delta, page_id, (p, r), theirs in sorted(listed, reverse=True):
            f1 = page_f1((p, r))
            print(f"    {page_id[:50]:50} P {p:.3f} R {r:.3f} F1 {f1:.3f}  peer {theirs:.3f}  loss {delta:.3f}")
    for kind, (n, loss) in grand.items():
        print(f"{'all four':10} {kind:13} {int(n):5d} {loss:7.2f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
