"""Mixed quotes against PolNeAR's spans: when gold gives only the quoted words, when the clause.

``python bench/quotes_mixed_spans.py [--show N] [--by FEATURE ...] [--pieces]`` (folds 1-4 of train only)

Every ``mixed`` quote the finder predicts on the fit folds (1-4; fold 0 and dev are never read)
is set against the gold attribution that overlaps it most (by ``\\w+`` tokens), and classed by
what gold gives there:

- ``quoted``: a direct attribution whose content is only the quoted words (no word outside the
  quote marks);
- ``mixed``: a direct attribution that holds words outside the marks too, split by its bounds
  against ours (``same``: within 3 characters at both ends; ``wider``; ``narrower``; ``other``);
- ``indirect``: an attribution with fewer than two double marks (the quoted words left out, or
  taken without their marks);
- ``none``: no attribution overlaps.

Each quote is described by features one can read in any English text: the share of its
``\\w+`` tokens inside quote marks, the number of quoted pieces, whether the (first) quoted
piece opens with a capital, ends with sentence punctuation inside its mark, is a whole clause
(a capital and at least five words), follows ``that``, ends the quote (no word after its
closing mark) or opens it, the cue's verb and the rule that made it. ``--by`` tabulates the
classes against one feature or several (crossed). The last columns say what the scorer
(``quotes_polnear.match``: each side's tokens must overlap by at least half) does with the
quote as it is and with the quoted words alone against that gold: ``now`` and ``alone`` count
the quotes that match.

``--pieces`` reads from the other side: every pair of double marks in the fit folds' texts, by
what stands before its opening mark in its sentence (nothing, ``,``, ``:``, ``that``, ``as``, a
word), its capital, its size and whether it ends its sentence, against the gold attribution
holding it (``quoted``, ``mixed``, ``indirect``, ``none``) and the kind of our quote holding it
(``direct``, ``mixed``, ``indirect``, ``none``), matched ones in brackets.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes_folds as qf
import quotes_polnear as qp

_PAIR = re.compile(r"[\"“]([^\"“”\n]*)[\"”]")
_WORD = re.compile(r"\w+")
_FEATURES = ("share", "pieces", "capital", "punct", "clause", "that", "ends", "opens", "verb", "rule", "gold_n")
_PIECE_FEATURES = ("before", "capital", "clause", "ends", "pieces", "size")


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _fits(gold: list[str], pred: list[str]) -> bool:
    """The scorer's test for one pair: tokens overlap by half of each side."""
    overlap = sum((Counter(gold) & Counter(pred)).values())
    return bool(gold) and bool(pred) and overlap * 2 >= len(gold) and overlap * 2 >= len(pred)


def _share_bucket(share: float) -> str:
    for top, label in ((0.25, "<.25"), (0.4, ".25-.4"), (0.5, ".4-.5"), (0.75, ".5-.75"), (1.01, ">=.75")):
        if share < top:
            return label
    return ">=.75"


def describe(text: str, pred: qp.Pred, rule: str) -> dict[str, str] | None:
    """The features of one predicted mixed quote, read from the file's text at its span."""
    span = text[pred.start : pred.end]
    pieces = list(_PAIR.finditer(span))
    if not pieces:
        return None
    words = _tokens(span)
    quoted = [w for m in pieces for w in _tokens(m.group(1))]
    first = pieces[0].group(1).strip()
    before = _tokens(text[max(0, pred.start + pieces[0].start() - 30) : pred.start + pieces[0].start()])
    cue = pred.quote.cue.text if pred.quote.cue else ""
    cue_words = _tokens(cue)
    return {
        "share": _share_bucket(len(quoted) / max(1, len(words))),
        "pieces": str(min(len(pieces), 3)),
        "capital": "cap" if first[:1].isupper() else "lower",
        "punct": "punct" if first[-1:] in ".?!" else "comma" if first[-1:] == "," else "none",
        "clause": "clause" if first[:1].isupper() and len(_tokens(first)) >= 5 else "fragment",
        "that": "that" if before and before[-1] == "that" else "-",
        "ends": "ends" if not _tokens(span[pieces[-1].end() :]) else "words after",
        "opens": "opens" if not _tokens(span[: pieces[0].start()]) else "words before",
        "verb": cue_words[-1] if cue_words else "(none)",
        "rule": rule.split("+")[0],
    }


def classify(text: str, pred: qp.Pred, golds: list[qp.Gold]) -> tuple[str, qp.Gold | None]:
    pbag = Counter(_tokens(pred.quote.text))
    best: tuple[int, qp.Gold] | None = None
    for gold in golds:
        if gold.start < pred.end and pred.start < gold.end:
            overlap = sum((Counter(_tokens(gold.content)) & pbag).values())
            if best is None or overlap > best[0]:
                best = (overlap, gold)
    if best is None:
        return "none", None
    gold = best[1]
    if not gold.direct:
        return "indirect", gold
    if not _tokens(_PAIR.sub(" ", gold.content)):
        return "quoted", gold
    if abs(gold.start - pred.start) <= 3 and abs(gold.end - pred.end) <= 3:
        return "mixed same", gold
    if gold.start <= pred.start + 3 and gold.end >= pred.end - 3:
        return "mixed wider", gold
    if gold.start >= pred.start - 3 and gold.end <= pred.end + 3:
        return "mixed narrower", gold
    return "mixed other", gold


CLASSES = ("quoted", "mixed same", "mixed wider", "mixed narrower", "mixed other", "indirect", "none")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="quotes_mixed_spans", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--by",
        nargs="*",
        default=["share"],
        choices=(*_FEATURES, *_PIECE_FEATURES),
        help="features to tabulate against",
    )
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list N quotes of each row")
    parser.add_argument("--only", default="", help="list only rows whose label holds this text")
    parser.add_argument(
        "--pieces",
        action="store_true",
        help="tabulate every quoted piece in the writer's sentence (gold class / our kind), by --by in "
        + ", ".join(_PIECE_FEATURES),
    )
    args = parser.parse_args(argv)
    if args.pieces:
        pieces_table([f for f in args.by if f in _PIECE_FEATURES] or ["before"], args.show)
        return 0
    from articlekit.enrich.quotes import explain_quotes

    folds = qf.train_folds()
    rows: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    shown: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for pairs in folds[1:]:  # fold 0 is score-only, dev read-only: never read here
        for text_path, ann in pairs:
            text = text_path.read_text(encoding="utf-8")
            article, _ = qp.parse_one(text_path, True)
            rules = explain_quotes(
                qp.articlekit.parse(text_path, format="text", name=text_path.name, enrich=False)
            ).rules
            golds = qp.read_gold(text, ann)
            for pred in qp.predictions(article, text):
                if pred.quote.kind != "mixed" or pred.start < 0:
                    continue
                features = describe(text, pred, rules.get(pred.quote.id, "(parser)"))
                if features is None:
                    continue
                cls, gold = classify(text, pred, golds)
                features["gold_n"] = "-" if gold is None else str(min(len(_tokens(gold.content)) // 10 * 10, 40))
                key = tuple(features[f] for f in args.by)
                row = rows[key]
                row[cls] += 1
                pieces = [m.group(1) for m in _PAIR.finditer(text[pred.start : pred.end])]
                alone = [w for p in pieces for w in _tokens(p)]
                if gold is not None and gold.direct:
                    row["now"] += _fits(_tokens(gold.content), _tokens(pred.quote.text))
                    row["alone"] += _fits(_tokens(gold.content), alone)
                    row["direct gold"] += 1
                if len(shown[key]) < args.show:
                    shown[key].append(
                        f"{cls:14} {rules.get(pred.quote.id)} | ours {pred.quote.text[:160]!r}"
                        f"\n{'':18}gold {gold.content[:160] if gold else None!r}"
                    )
    head = " / ".join(args.by)
    print(f"mixed quotes predicted on folds 1-4, by {head}; gold class of the overlapping attribution")
    print(f"  {head:34}" + "".join(f"{c:>15}" for c in (*CLASSES, "all", "direct gold", "now", "alone")))
    total: Counter[str] = Counter()
    for key in sorted(rows, key=lambda k: -sum(rows[k][c] for c in CLASSES)):
        row = rows[key]
        total.update(row)
        label = " / ".join(key)
        print(
            f"  {label[:34]:34}"
            + "".join(f"{row[c]:>15}" for c in (*CLASSES,))
            + f"{sum(row[c] for c in CLASSES):>15}{row['direct gold']:>15}{row['now']:>15}{row['alone']:>15}"
        )
    print(
        f"  {'all':34}"
        + "".join(f"{total[c]:>15}" for c in CLASSES)
        + f"{sum(total[c] for c in CLASSES):>15}{total['direct gold']:>15}{total['now']:>15}{total['alone']:>15}"
    )
    for key, lines in shown.items():
        label = " / ".join(key)
        if args.only and args.only not in label:
            continue
        print(f"-- {label}")
        for line in lines:
            print("   " + line)
    return 0


def _before_mark(line: str, at: int, start: int) -> str:
    """What stands right before an opening mark in its sentence: nothing (the quote opens the
    sentence), ``,``/``:`` (a quote introduced after its verb phrase), ``that``, ``as`` or a
    word."""
    before = line[start:at].rstrip()
    if not _tokens(before):
        return "opens"
    if before.endswith((",", ":")):
        return before[-1]
    last = _tokens(before)[-1]
    return last if last in ("that", "as", "of", "about", "for", "to", "called", "calling", "call", "calls") else "word"


def _cell(row: Counter[str], column: str) -> str:
    return f"{row[column]} ({row[column + '/hit']})"


def pieces_table(by: list[str], show: int) -> None:
    """Every pair of double marks on folds 1-4 in the writer's sentence, by what gold and we
    give there: gold ``quoted`` (an attribution of the quoted words only), ``mixed`` (of words
    outside the marks too), ``indirect``, ``none``; ours the kind of the quote holding it."""
    from articlekit.enrich.quotes.tokens import sentences

    rows: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    listed: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for pairs in qf.train_folds()[1:]:  # fold 0 is score-only, dev read-only: never read here
        for text_path, ann in pairs:
            text = text_path.read_text(encoding="utf-8")
            article, _ = qp.parse_one(text_path, True)
            golds = qp.read_gold(text, ann)
            preds = qp.predictions(article, text)
            direct_golds = [g for g in golds if g.direct]
            direct_preds = [p for p in preds if p.quote.kind in ("direct", "mixed")]
            matched = {(id(direct_golds[gi]), id(direct_preds[pi])) for gi, pi in qp.match(direct_golds, direct_preds)}
            offset = 0
            for line in text.split("\n"):
                spans = sentences(line)
                line_pairs = list(_PAIR.finditer(line))
                for m in line_pairs:
                    s_start = max((s for s, _ in spans if s <= m.start()), default=0)
                    s_end = min((e for _, e in spans if e >= m.end()), default=len(line))
                    sentence_pairs = [p for p in line_pairs if s_start <= p.start() and p.end() <= s_end]
                    a, b = offset + m.start(), offset + m.end()
                    inner = m.group(1).strip()
                    features = {
                        "before": _before_mark(line, m.start(), s_start),
                        "capital": "cap" if inner[:1].isupper() else "lower",
                        "clause": "clause" if inner[:1].isupper() and len(_tokens(inner)) >= 5 else "fragment",
                        "ends": "ends" if not _tokens(line[m.end() : s_end]) else "words after",
                        "pieces": str(min(len(sentence_pairs), 3)),
                        "size": str(min(len(_tokens(inner)), 6)),
                    }
                    holding = [g for g in golds if g.start <= a + 2 and g.end >= b - 2]
                    gold = min(holding, key=lambda g: g.end - g.start) if holding else None
                    if gold is None:
                        gcls = "partial" if any(g.start < b and a < g.end for g in golds) else "none"
                    elif not gold.direct:
                        gcls = "indirect"
                    elif not _tokens(_PAIR.sub(" ", gold.content)):
                        gcls = "quoted"
                    else:
                        gcls = "mixed"
                    ours = [p for p in preds if p.start <= a + 2 and p.end >= b - 2]
                    pred = min(ours, key=lambda p: p.end - p.start) if ours else None
                    kind = pred.quote.kind if pred else "none"
                    hit = gold is not None and pred is not None and (id(gold), id(pred)) in matched
                    key = tuple(features[f] for f in by)
                    rows[key][f"{gcls}/{kind}"] += 1
                    rows[key][f"{gcls}/{kind}/hit"] += hit
                    if len(listed[key]) < show and gcls in ("quoted", "mixed") and kind in ("direct", "mixed"):
                        listed[key].append(
                            f"{gcls}/{kind} {'hit' if hit else 'MISS'} | {line[s_start:s_end][:200]!r}"
                            f"\n{'':18}gold {gold.content[:160] if gold else None!r}"
                            f"\n{'':18}ours {pred.quote.text[:160] if pred else None!r}"
                        )
                offset += len(line) + 1
    cols = [f"{g}/{k}" for g in ("quoted", "mixed") for k in ("direct", "mixed", "indirect", "none")]
    cols += ["indirect/mixed", "none/mixed", "partial/mixed"]
    head = " / ".join(by)
    print(f"double-quoted pieces on folds 1-4 by {head}: gold class / our kind (matched in brackets)")
    print(f"  {head:24}" + "".join(f"{c:>17}" for c in cols))
    for key in sorted(rows, key=lambda k: -sum(v for c, v in rows[k].items() if c.count("/") == 1)):
        row = rows[key]
        print(f"  {' / '.join(key)[:24]:24}" + "".join(f"{_cell(row, c):>17}" for c in cols))
    for key, lines in listed.items():
        print(f"-- {' / '.join(key)}")
        for line in lines:
            print("   " + line)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
