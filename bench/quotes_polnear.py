"""Quote and speaker accuracy on PolNeAR, and the whole pipeline's throughput.

``python bench/run.py quotes [--split dev|train|all] [--errors N] [--no-speed] [--stages] [--no-rules]``

On train, a table follows the figures: for each rule of the quote finder, how many quotes it
made and how many of them match a gold attribution (``--no-rules`` leaves it out). Dev is
scored but not broken down by rule.

PolNeAR (``$ARTICLEKIT_SHARED/corpora/polnear``) is US political news from 2016 annotated with
attributions in brat standoff: Source, Cue and Content spans linked by Attribution events.
Each text may have several annotators' files; the first one (by name) is used.

The figures, with the matching rules of issue 4:

- **Direct track.** Gold: attributions with a Source whose Content holds at least two
  double-quote characters. Recall: the share of gold matched by a predicted ``direct`` or
  ``mixed`` quote. Precision: the share of predicted ``direct`` and ``mixed`` quotes matched to
  any gold attribution. F1.
- **Speech track.** Gold: attributions with a Source whose Cue begins with a speech verb.
  Recall: the share matched by any predicted quote. Indirect precision: the share of predicted
  ``indirect`` quotes matched to any gold attribution.
- **Matching.** A prediction matches a gold attribution when their ``\\w+`` token multisets
  overlap by at least half of the gold Content's tokens and at least half of the prediction's;
  one to one, best overlap first. A Content in two parts (PolNeAR's ``Content2``, a quote's
  second part after its attribution: ``"A," X said. "B."``) is one gold Content, both parts'
  words (before 2026-12-07 the second part was dropped; docs/benchmarks.md gives both figures).
- **Speaker accuracy.** Over matched direct pairs: the last word of the gold Source, without
  determiners, is among the words of the predicted speaker mention, or of its Source's name or
  aliases.

Throughput: the whole pipeline (text parse, quotes, sources, dates, JSON) against a bare
``re.findall(r"\\w+", text)`` pass over the same texts, in the same run, in CPU time of the
process (best of 5, alternating); both start from the files' bytes, read beforehand, and both
decode them.

The corpus is used for measuring only: no rule is derived from or keyed to its articles.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path

from attrs import define, field

import articlekit
from articlekit.model import Article, Paragraph, Quote
from articlekit.plugins import get_registry

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")

_SPEECH = [
    "say", "tell", "add", "note", "write", "post", "tweet", "warn", "insist", "argue", "explain", "claim",
    "declare", "announce", "stress", "acknowledge", "admit", "assert", "confirm", "deny", "suggest", "state",
    "report", "reply", "respond", "answer", "ask", "comment", "continue", "contend", "maintain", "emphasize",
    "predict", "promise", "recall", "remark", "reveal", "testify", "urge", "vow", "pledge", "complain",
    "concede", "charge", "allege", "point", "observe", "mention",
]  # fmt: skip
_IRREGULAR = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"]}


def _forms(verb: str) -> set[str]:
    forms = {verb, verb + "s", verb + "ing", verb + "ed", verb + "d"}
    if verb.endswith("e"):
        forms |= {verb[:-1] + "ing"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith(("sh", "ss")):
        forms |= {verb + "es"}
    if verb in ("admit", "rebut"):
        forms |= {verb + "ted", verb + "ting"}
    forms.update(_IRREGULAR.get(verb, ()))
    return forms


SPEECH_CUES: frozenset[str] = frozenset({f for v in _SPEECH for f in _forms(v)} | {"according"})
"""First words of a speech cue, as the issue defines the speech track."""

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "another", "its", "his", "her"})
_DOUBLE = '"“”'


def shared_dir() -> Path:
    return Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared")).resolve()


# ----------------------------------------------------------------------------- gold


@define
class Gold:
    content: str
    source: str | None
    cue: str
    start: int
    end: int = 0
    antecedent: str | None = None
    """The word a relative pronoun source (``who``) stands for: the one before it (``said Weaver,
    who said ...`` -> ``Weaver``), which the speaker check compares instead of the pronoun."""

    @property
    def direct(self) -> bool:
        return self.source is not None and sum(self.content.count(c) for c in _DOUBLE) >= 2

    @property
    def speech(self) -> bool:
        if self.source is None:
            return False
        words = _WORD.findall(self.cue.lower())
        return bool(words) and words[0] in SPEECH_CUES


def _span_text(text: str, spans: str) -> tuple[str, int, int]:
    parts = []
    first = None
    last = 0
    for piece in spans.split(";"):
        a, b = piece.split()
        parts.append(text[int(a) : int(b)])
        first = int(a) if first is None else first
        last = int(b)
    return " ".join(parts), first or 0, last


def read_gold(text: str, ann: Path) -> list[Gold]:
    return [gold for gold, _ in read_gold_with_cues(text, ann)]


def read_gold_with_cues(text: str, ann: Path) -> list[tuple[Gold, tuple[int, int] | None]]:
    """The gold attributions of a text, each with its cue's span in the text (None without a cue)."""
    spans: dict[str, tuple[str, str, int, int]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, where = parts[1].partition(" ")
            words, start, end = _span_text(text, where)
            spans[parts[0]] = (kind, words, start, end)
        elif parts[0].startswith("E"):
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            events.append(roles)
    gold: list[tuple[Gold, tuple[int, int] | None]] = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        second = spans.get(roles.get("Content2", ""))
        if second is not None:  # a quote's second part after its attribution: "A," X said. "B."
            first_part, second_part = sorted((content, second), key=lambda span: span[2])
            content = (
                content[0],
                f"{first_part[1]} {second_part[1]}",
                first_part[2],
                max(first_part[3], second_part[3]),
            )
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        antecedent = None
        if source is not None and source[1].strip().lower() in _RELATIVE_PRONOUNS:
            before = _WORD.findall(text[max(0, source[2] - 60) : source[2]])
            antecedent = before[-1] if before else None
        gold.append(
            (
                Gold(
                    content[1], source[1] if source else None, cue[1] if cue else "", content[2], content[3], antecedent
                ),
                (cue[2], cue[3]) if cue else None,
            )
        )
    return gold


_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


# ----------------------------------------------------------------------------- predictions


@define
class Pred:
    quote: Quote
    speaker_words: set[str] = field(factory=set)
    start: int = -1
    """Where the quote starts in the text file (-1 when its paragraph was not found there)."""
    end: int = -1


def _fallback_article(text: str, name: str) -> Article:
    """Until the ``text`` parser exists: the first line is the headline, the rest paragraphs."""
    lines = [line for line in text.splitlines() if line.strip()]
    return Article(headline=lines[0] if lines else "", body=tuple(Paragraph(line) for line in lines[1:]))


def parse_one(path: Path, use_text_parser: bool, data: bytes | None = None) -> tuple[Article, str]:
    """The whole pipeline for one text: parse (with every enricher), then JSON. ``data`` is
    the file's bytes when already read (the throughput run reads every file first, as the
    regex pass does)."""
    if use_text_parser:
        article = articlekit.parse(data if data is not None else path, format="text", name=path.name)
    else:
        text = (data if data is not None else path.read_bytes()).decode("utf-8")
        article = articlekit.api.enrich(_fallback_article(text, path.name))
    json_out = articlekit.dumps(article, "json", indent=None)
    assert isinstance(json_out, str)
    return article, json_out


def block_offsets(article: Article, text: str) -> dict[int, int]:
    """Where each block's text stands in the file: parsers keep paragraph text verbatim, so
    block offsets map to file offsets (which the annotations use) by finding each in turn."""
    found: dict[int, int] = {}
    pos = 0
    for index, block in enumerate(article.body):
        if not block.text:
            continue
        at = text.find(block.text, pos)
        if at >= 0:
            found[index] = at
            pos = at + len(block.text)
    return found


def predictions(article: Article, text: str = "") -> list[Pred]:
    offsets = block_offsets(article, text) if text else {}
    preds = []
    for quote in article.quotes:
        words: set[str] = set()
        if quote.speaker is not None:
            words |= {w.lower() for w in _WORD.findall(quote.speaker.mention)}
            if quote.speaker.source is not None:
                source = article.source(quote.speaker.source)
                if source is not None:
                    for name in (source.name, *source.aliases):
                        words |= {w.lower() for w in _WORD.findall(name)}
        pred = Pred(quote, words)
        if quote.spans and quote.spans[0].block in offsets and quote.spans[-1].block in offsets:
            pred.start = offsets[quote.spans[0].block] + quote.spans[0].start
            pred.end = offsets[quote.spans[-1].block] + quote.spans[-1].end
        preds.append(pred)
    return preds


# ----------------------------------------------------------------------------- matching


def _bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def match(golds: Sequence[Gold], preds: Sequence[Pred]) -> list[tuple[int, int]]:
    """One-to-one matches ``(gold index, pred index)``, best overlap first."""
    gbags = [_bag(g.content) for g in golds]
    pbags = [_bag(p.quote.text) for p in preds]
    pairs = []
    for gi, gb in enumerate(gbags):
        gn = sum(gb.values())
        if not gn:
            continue
        for pi, pb in enumerate(pbags):
            pn = sum(pb.values())
            if not pn:
                continue
            overlap = sum((gb & pb).values())
            if overlap * 2 >= gn and overlap * 2 >= pn:
                pairs.append((overlap / max(gn, pn), overlap, gi, pi))
    pairs.sort(reverse=True)
    seen_g: set[int] = set()
    seen_p: set[int] = set()
    out = []
    for _, _, gi, pi in pairs:
        if gi in seen_g or pi in seen_p:
            continue
        seen_g.add(gi)
        seen_p.add(pi)
        out.append((gi, pi))
    return out


_POSSESSIVE = re.compile(r"[’']s?\s*$")
r"""A possessive ending a gold source (``Hillary Clinton’s``, ``Sanders’``): PolNeAR's annotators
mark the possessor of ``Clinton’s campaign said``, so the person is the words before it (read as
``\w+``, ``’s`` would leave ``s`` as the last word, which no speaker mention holds)."""


_HEAD_END = re.compile(r",|\s(?:who|whom|whose|which|that)\s")
_PREPOSITION = re.compile(r"\s(?:of|to|at|on|in|for|from|with|by)\s")
_DESCRIPTION_START = ("the ", "a ", "an ", "his ", "her ", "their ", "its ", "one ", "another ", "other ", "some ",
                      "many ", "several ", "multiple ", "two ", "three ")  # fmt: skip


def gold_head(source: str) -> str:
    """The head of a gold source, whose last word the speaker check compares: PolNeAR's source
    spans hold the speaker's apposition or relative clause (``Howard Dean, the former governor
    of Vermont,``, ``Weld, who added that ...``) and a description's modifiers (``the former top
    aide to President George W. Bush``, ``multiple intelligence sources who have seen ...``), so
    their last word is often not the speaker's: the words before the first comma or relative
    pronoun, and a description (opened by a determiner) before its first preposition."""
    head = _POSSESSIVE.sub("", source).strip()
    cut = _HEAD_END.search(head)
    if cut is not None and cut.start() > 0:
        head = head[: cut.start()]
    if head.lower().startswith(_DESCRIPTION_START):
        preposition = _PREPOSITION.search(head)
        if preposition is not None:
            head = head[: preposition.start()]
    return head


def speaker_ok(gold: Gold, pred: Pred) -> bool:
    source = gold.antecedent or gold_head(gold.source or "")
    words = [w.lower() for w in _WORD.findall(source) if w.lower() not in _DETERMINERS]
    return bool(words) and words[-1] in pred.speaker_words


# ----------------------------------------------------------------------------- the run


@define
class Tally:
    gold_direct: int = 0
    direct_recalled: int = 0
    pred_direct: int = 0
    pred_direct_ok: int = 0
    speaker_pairs: int = 0
    speaker_right: int = 0
    gold_speech: int = 0
    speech_recalled: int = 0
    pred_indirect: int = 0
    pred_indirect_ok: int = 0
    errors: list[str] = field(factory=list)
    by_rule: dict[str, list[int]] = field(factory=dict)
    """Rule name -> [quotes it made, of them matched to a gold attribution]."""

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        p = ratio(self.pred_direct_ok, self.pred_direct)
        r = ratio(self.direct_recalled, self.gold_direct)
        return {
            "direct precision": p,
            "direct recall": r,
            "direct F1": 2 * p * r / (p + r) if p + r else 0.0,
            "direct speaker accuracy": ratio(self.speaker_right, self.speaker_pairs),
            "speech recall": ratio(self.speech_recalled, self.gold_speech),
            "indirect precision": ratio(self.pred_indirect_ok, self.pred_indirect),
        }


def _around(text: str, gold: Gold) -> str:
    """The gold content in its paragraph, for error listings."""
    lo = text.rfind("\n", 0, gold.start) + 1
    hi = text.find("\n", gold.start)
    return text[lo : hi if hi >= 0 else len(text)][:300]


def _misses(
    track: str, golds: list[Gold], matched: list[tuple[int, int]], preds: list[Pred], tally: Tally, name: str, text: str
) -> None:
    """List the gold attributions of a track that no prediction matched, as NONE (nothing
    predicted there) or PARTIAL (a prediction overlaps but its boundaries differ)."""
    found = {gi for gi, _ in matched}
    for gi, g in enumerate(golds):
        if gi in found:
            continue
        near = [p for p in preds if p.start < g.end and g.start < p.end]
        what = "PARTIAL" if near else "NONE"
        shown = f" | got {near[0].quote.kind} {near[0].quote.text[:80]!r}" if near else ""
        tally.errors.append(f"{track}-MISS-{what} {name}: {g.source!r} {g.cue!r} | {_around(text, g)!r}{shown}")


def _unmatched(preds: list[Pred], matched: list[tuple[int, int]]) -> list[Pred]:
    """The predictions no gold attribution matched."""
    hit = {pi for _, pi in matched}
    return [p for pi, p in enumerate(preds) if pi not in hit]


def evaluate(
    article: Article, golds: list[Gold], tally: Tally, name: str, text: str = "", rules: dict[str, str] | None = None
) -> None:
    """Add one article's figures to ``tally``; ``rules`` (quote id -> the rule that made it)
    adds its quotes to the per-rule table: a quote counts as correct when it matches any gold
    attribution (one to one, as for precision)."""
    preds = predictions(article, text)
    if rules is not None:
        correct = {pi for _, pi in match(golds, preds)}
        for pi, pred in enumerate(preds):
            rule = rules.get(pred.quote.id, "(parser)")
            counts = tally.by_rule.setdefault(rule, [0, 0])
            counts[0] += 1
            counts[1] += pi in correct
    direct_gold = [g for g in golds if g.direct]
    direct_pred = [p for p in preds if p.quote.kind in ("direct", "mixed")]
    indirect_pred = [p for p in preds if p.quote.kind == "indirect"]
    speech_gold = [g for g in golds if g.speech]

    tally.gold_direct += len(direct_gold)
    matched = match(direct_gold, direct_pred)
    tally.direct_recalled += len(matched)
    for gi, pi in matched:
        tally.speaker_pairs += 1
        if speaker_ok(direct_gold[gi], direct_pred[pi]):
            tally.speaker_right += 1
        else:
            sp = direct_pred[pi].quote.speaker
            tally.errors.append(
                f"SPEAKER {name}: gold {direct_gold[gi].source!r} got {sp.mention if sp else None!r}"
                f" | {direct_gold[gi].content[:70]!r}"
            )
    _misses("DIRECT", direct_gold, matched, preds, tally, name, text)

    tally.pred_direct += len(direct_pred)
    ok = match(golds, direct_pred)
    tally.pred_direct_ok += len(ok)
    for p in _unmatched(direct_pred, ok):
        tally.errors.append(
            f"DIRECT-FP {name}: {p.quote.kind} {p.quote.speaker and p.quote.speaker.mention!r} | {p.quote.text[:100]!r}"
        )

    tally.gold_speech += len(speech_gold)
    sm = match(speech_gold, preds)
    tally.speech_recalled += len(sm)
    _misses("SPEECH", speech_gold, sm, preds, tally, name, text)

    tally.pred_indirect += len(indirect_pred)
    io = match(golds, indirect_pred)
    tally.pred_indirect_ok += len(io)
    for p in _unmatched(indirect_pred, io):
        tally.errors.append(
            f"INDIRECT-FP {name}: {p.quote.speaker and p.quote.speaker.mention!r}"
            f" {p.quote.cue and p.quote.cue.text!r}"
            f" | {p.quote.text[:100]!r}"
        )


def corpus(split: str) -> list[tuple[Path, Path]]:
    base = shared_dir() / "corpora" / "polnear"
    splits = ["train", "dev"] if split == "all" else [split]
    pairs = []
    for name in splits:
        folder = base / name
        if not folder.exists():
            continue
        anns = sorted((folder / "attributions").glob("*.ann"))
        for text in sorted((folder / "text").glob("*.txt")):
            mine = [a for a in anns if a.name.startswith(text.stem + "_")]
            if mine:
                pairs.append((text, mine[0]))
    return pairs


def rules_of_quotes(path: Path) -> dict[str, str]:
    """Quote id -> the rule that made it, for one text (the quote ids of the pipeline's output)."""
    from articlekit.enrich.quotes import explain_quotes

    return explain_quotes(articlekit.parse(path.read_bytes(), format="text", name=path.name, enrich=False)).rules


def rule_table(tally: Tally) -> list[str]:
    """The per-rule lines: quotes made, matched, precision; most productive rule first."""
    lines = [f"  {'rule':34} {'quotes':>7} {'matched':>8} {'precision':>10}"]
    for rule, (made, ok) in sorted(tally.by_rule.items(), key=lambda item: (-item[1][0], item[0])):
        lines.append(f"  {rule:34} {made:7d} {ok:8d} {ok / made:10.3f}")
    made = sum(m for m, _ in tally.by_rule.values())
    ok = sum(k for _, k in tally.by_rule.values())
    lines.append(f"  {'all':34} {made:7d} {ok:8d} {ok / made if made else 0:10.3f}")
    return lines


def run_split(split: str, use_text_parser: bool, show_errors: int, by_rule: bool = False) -> Tally | None:
    """Score one split; with ``by_rule``, also tabulate each rule's quotes and precision."""
    pairs = corpus(split)
    if not pairs:
        print(f"{split}: no PolNeAR texts under {shared_dir()}/corpora/polnear", file=sys.stderr)
        return None
    tally = Tally()
    for text_path, ann in pairs:
        text = text_path.read_text(encoding="utf-8")
        article, _ = parse_one(text_path, use_text_parser)
        rules = rules_of_quotes(text_path) if by_rule and use_text_parser else None
        evaluate(article, read_gold(text, ann), tally, text_path.stem[:40], text, rules)
    figures = tally.figures()
    print(f"{split} ({len(pairs)} articles, {tally.gold_direct} direct gold, {tally.gold_speech} speech gold)")
    for key, value in figures.items():
        print(f"  {key:26} {value:.3f}")
    if tally.by_rule:
        print(f"  per rule on {split} (a quote is matched when it matches any gold attribution):")
        print("\n".join("  " + line for line in rule_table(tally)))
    if show_errors:
        by_kind: dict[str, list[str]] = {}
        for line in tally.errors:
            by_kind.setdefault(line.split()[0], []).append(line)
        for kind, lines in by_kind.items():
            print(f"  -- {kind}: {len(lines)}")
            for line in lines[:show_errors]:
                print("    " + line)
    return tally


def _clock() -> float:
    """The CPU time this process has used: on a machine shared with other work, the time it
    waited for a core does not count, so the two sides of a ratio see the same conditions."""
    return time.process_time()


def throughput(paths: Iterable[Path], use_text_parser: bool, rounds: int = 5) -> tuple[float, float]:
    """Articles per CPU second of the full pipeline, and of a bare regex pass, best of ``rounds``
    (alternating, so both see the same machine)."""
    files = list(paths)
    datas = [p.read_bytes() for p in files]
    best_pipe = best_re = float("inf")
    for _ in range(rounds):
        t0 = _clock()
        for data in datas:
            re.findall(r"\w+", data.decode("utf-8"))
        best_re = min(best_re, _clock() - t0)
        t0 = _clock()
        for path, data in zip(files, datas, strict=True):
            parse_one(path, use_text_parser, data)
        best_pipe = min(best_pipe, _clock() - t0)
    return len(files) / best_pipe, len(files) / best_re


def stages(paths: Iterable[Path], rounds: int = 5) -> dict[str, float]:
    """Milliseconds per article of each stage of the pipeline, each run alone over the same
    texts (best of ``rounds``): the ``text`` parser without enrichers, every registered
    enricher in the pipeline's order (each over what the ones before it gave), the repair at
    the door (``repair_article``), the compact JSON and the whole pipeline; the quotes
    enricher's passes (direct quotes, reported speech, quoted words under other verbs); and
    the bare regex pass for scale. What the stages do not cover (the pipeline less their sum)
    is printed as ``rest``."""
    from articlekit.enrich import quotes
    from articlekit.enrich.quotes.finder import Finder
    from articlekit.repair import repair_article

    files = list(paths)
    datas = [p.read_bytes() for p in files]
    texts = [d.decode("utf-8") for d in datas]
    bare = [articlekit.parse(d, format="text", name=p.name, enrich=False) for d, p in zip(datas, files, strict=True)]
    work: dict[str, Callable[[], object]] = {
        "bare regex": lambda: [re.findall(r"\w+", t) for t in texts],
        "text parser": lambda: [
            articlekit.parse(d, format="text", name=p.name, enrich=False) for d, p in zip(datas, files, strict=True)
        ],
    }
    given = bare
    for spec in get_registry().enricher_specs():
        work[f"{spec.name} enricher"] = lambda run=spec.run, articles=given: [run(a, {}) for a in articles]
        given = [spec.run(a, {}) for a in given]
    full = given
    work["repair at the door"] = lambda: [repair_article(a, p.name) for a, p in zip(full, files, strict=True)]
    work["compact JSON"] = lambda: [articlekit.dumps(a, "json", indent=None) for a in full]
    work["whole pipeline"] = lambda: [parse_one(p, True, d) for p, d in zip(files, datas, strict=True)]

    def finders() -> list[Finder]:
        made = []
        for article in bare:
            order = quotes._text_blocks(article)
            made.append(Finder({i: article.body[i].text for i in order}, order, {}))
        return made

    def passes(name: str) -> None:
        found = finders()
        for finder in found:  # the passes before the one measured, untimed
            if name in ("reported", "fragments"):
                finder.direct()
            if name == "fragments":
                finder.reported()
        started = _clock()
        for finder in found:
            getattr(finder, name)()
        timings[name] = min(timings.get(name, float("inf")), _clock() - started)

    timings: dict[str, float] = {}
    for _ in range(rounds):
        for name, run in work.items():
            started = _clock()
            run()
            timings[name] = min(timings.get(name, float("inf")), _clock() - started)
        for name in ("direct", "reported", "fragments"):
            passes(name)
    parts = [name for name in work if name not in ("bare regex", "whole pipeline")]
    timings["rest"] = timings["whole pipeline"] - sum(timings[name] for name in parts)
    return {name: seconds * 1000 / len(files) for name, seconds in timings.items()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench quotes", description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "train", "all", "both"], default="both")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="show N errors of each category")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput measurement")
    parser.add_argument("--stages", action="store_true", help="also time each stage of the pipeline alone")
    parser.add_argument("--no-rules", action="store_true", help="skip the per-rule table on train")
    args = parser.parse_args(argv)
    use_text = "text" in get_registry().parsers
    if not use_text:
        print("note: no 'text' parser registered; reading texts as 'headline line, then paragraphs'")
    splits = ["dev", "train"] if args.split == "both" else [args.split]
    started = datetime.now()
    status = 0
    for split in splits:
        # the per-rule table on train only: dev stays read-only evidence, scored, never dissected
        if run_split(split, use_text, args.errors, by_rule=split == "train" and not args.no_rules) is None:
            status = 1
    if not args.no_speed:
        paths = [t for t, _ in corpus("dev")]
        if paths:
            pipe, bare = throughput(paths, use_text)
            print(
                f"throughput: pipeline {pipe:.0f} articles/s, bare regex {bare:.0f} articles/s, ratio {pipe / bare:.3f}"
            )
            if args.stages and use_text:
                print(
                    "ms per dev article, each stage alone (the quotes passes: direct, reported, fragments; "
                    "rest: the pipeline less its stages):"
                )
                for name, ms in stages(paths).items():
                    print(f"  {name:20} {ms:.3f}")
    print(f"({(datetime.now() - started).total_seconds():.1f} s)")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
