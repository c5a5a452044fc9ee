"""Missed speech attributions on the fit folds, grouped by what stopped them.

``python bench/quotes_speech_misses.py [--holdout K] [--show GROUP] [--limit N] [--continuation]``

For each gold speech attribution (PolNeAR's speech track, as ``quotes_polnear.py`` defines it)
that no predicted quote matches, on the fit folds only (the held-out fold and dev are never
read), the group it falls in:

- ``PARTIAL``: a prediction overlaps the gold words with other bounds;
- ``HEADLINE``: the gold words stand in the article's first line (its title);
- ``NOT IN BODY``: the gold words stand in no body block of the parsed article;
- ``veto: rule/veto``: nothing overlaps, and the named vetoes rejected a candidate at the gold
  cue (``explain_quotes``);
- ``no candidate (cue word a cue)``: nothing overlaps, no veto at the cue, and the cue's first
  word is one the finder anchors on (another rule's words, a noun, ...);
- ``no candidate (cue word not a cue)``: the finder has no anchor there (a capitalised ``Says``
  in a title, ``Asked``, ...).

``--show GROUP`` lists the misses whose group contains ``GROUP`` (cue, gold words, paragraph).
``--continuation`` counts, for the indirect speech attributions (no quote marks) whose sentence
another sentence of the same paragraph follows, how PolNeAR annotates that next sentence: as an
attribution of its own with its own cue, as the same words (the gold span running over the
sentence break), or not at all; the question whether reported speech goes on over a second
sentence with no new cue.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import articlekit
import quotes_folds as qf
import quotes_polnear as qp
from articlekit.enrich.quotes import explain_quotes
from articlekit.enrich.quotes.tokens import _CUE_RUNS

_CUE_WORD = re.compile(r"[\w'’-]+")
_NEXT_SENTENCE = re.compile(r"[.?!][\"”’']*(\s+)(?=[\"“‘']*[A-Z])")
_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
_BREAK = re.compile(
    r"(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bInc)"
    r"(?<!\bvs)(?<!\b[A-Z])[.?!][\"”’']*\s+[\"“‘']*[A-Z]"
)
"""A sentence break inside gold words (not after a title's or an initial's dot)."""


def gold_with_cues(text: str, ann: Path) -> list[tuple[qp.Gold, tuple[int, int] | None]]:
    """The gold attributions of a text, each with its cue's span (None when it has no cue)."""
    return qp.read_gold_with_cues(text, ann)


def misses(pairs: list[tuple[Path, Path]]) -> list[tuple[str, qp.Gold, str]]:
    """``(group, gold, paragraph)`` of every missed gold speech attribution of ``pairs``."""
    out = []
    for text_path, ann in pairs:
        text = text_path.read_text(encoding="utf-8")
        article, _ = qp.parse_one(text_path, True)
        bare = articlekit.parse(text_path, format="text", name=text_path.name, enrich=False)
        offsets = qp.block_offsets(bare, text)
        vetoed = [
            (offsets[d.block] + d.start, offsets[d.block] + d.end, f"{d.rule}/{d.veto}")
            for d in explain_quotes(bare).vetoes
            if d.block in offsets
        ]
        speech = [(g, cue) for g, cue in gold_with_cues(text, ann) if g.speech]
        preds = qp.predictions(article, text)
        found = {gi for gi, _ in qp.match([g for g, _ in speech], preds)}
        first_line = text.find("\n") if "\n" in text else len(text)
        for gi, (gold, cue) in enumerate(speech):
            if gi in found:
                continue
            cs, ce = cue if cue is not None else (gold.start, gold.start)
            lo = text.rfind("\n", 0, min(gold.start, cs)) + 1
            hi = text.find("\n", max(gold.end, ce))
            paragraph = text[lo : hi if hi >= 0 else len(text)]
            if gold.start < first_line:
                group = "HEADLINE"
            elif not any(at <= gold.start < at + len(bare.body[i].text) for i, at in offsets.items()):
                group = "NOT IN BODY"
            elif any(p.start < gold.end and gold.start < p.end for p in preds):
                group = "PARTIAL"
            else:
                names = sorted({name for a, b, name in vetoed if a < ce and cs < b})
                if names:
                    group = "veto: " + ", ".join(names)
                else:
                    words = _CUE_WORD.findall(gold.cue)
                    known = bool(words) and words[0] in _CUE_RUNS
                    group = "no candidate (cue word a cue)" if known else "no candidate (cue word not a cue)"
            out.append((group, gold, paragraph))
    return out


def continuation(pairs: list[tuple[Path, Path]]) -> Counter[str]:
    """How the sentence after an indirect speech attribution's sentence is annotated."""
    counts: Counter[str] = Counter()
    for text_path, ann in pairs:
        text = text_path.read_text(encoding="utf-8")
        golds = gold_with_cues(text, ann)
        for gold, cue in golds:
            if not gold.speech or any(mark in gold.content for mark in '"“”') or "''" in gold.content:
                continue
            counts["indirect speech attributions"] += 1
            if _BREAK.search(gold.content.strip()):
                counts["  whose gold words run over a sentence break"] += 1
            end = max(gold.end, cue[1] if cue else 0)
            m = _NEXT_SENTENCE.search(text, end, end + 80)
            if m is None or "\n" in m.group(1):
                continue
            counts["  followed by a sentence of the same paragraph"] += 1
            start = m.end()
            stop = _SENTENCE_END.search(text, start + 1)
            stop_at = stop.end() if stop else len(text)
            there = [(g, c) for g, c in golds if start - 2 <= g.start < stop_at]
            if not there:
                counts["    next sentence: no attribution"] += 1
            elif there[0][1] is not None and start <= there[0][1][0] < stop_at and there[0][0].source:
                counts["    next sentence: an attribution with its own cue"] += 1
            else:
                counts["    next sentence: an attribution whose cue stands elsewhere, or none"] += 1
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="quotes_speech_misses", description=__doc__.split("\n")[0])
    parser.add_argument("--holdout", type=int, default=0, choices=range(qf.FOLDS), help="the held-out fold")
    parser.add_argument("--show", metavar="GROUP", help="list the misses of the groups containing GROUP")
    parser.add_argument("--limit", type=int, default=20, help="how many to list with --show")
    parser.add_argument("--continuation", action="store_true", help="how a next sentence is annotated")
    args = parser.parse_args(argv)
    folds = qf.train_folds()
    fit = [pair for k, pairs in enumerate(folds) if k != args.holdout for pair in pairs]
    if not fit:
        print(f"no PolNeAR train texts under {qp.shared_dir()}/corpora/polnear", file=sys.stderr)
        return 1
    if args.continuation:
        print(f"the sentence after indirect reported speech, fit folds only (not fold {args.holdout}):")
        for label, n in continuation(fit).items():
            print(f"  {label:70} {n:6}")
        return 0
    found = misses(fit)
    print(f"missed speech attributions on the fit folds (not fold {args.holdout}): {len(found)}")
    groups = Counter(group for group, _, _ in found)
    for group, n in groups.most_common():
        cues = Counter((g.cue.split() or [""])[0].lower() for grp, g, _ in found if grp == group)
        print(f"  {n:5}  {group:60} {', '.join(f'{w} {c}' for w, c in cues.most_common(6))}")
    if args.show:
        shown = [(group, g, p) for group, g, p in found if args.show in group][: args.limit]
        for group, gold, paragraph in shown:
            print(f"--- {group} | cue {gold.cue!r} | source {gold.source!r}")
            print(f"    gold: {gold.content[:200]!r}")
            print(f"    text: {paragraph[:300]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
