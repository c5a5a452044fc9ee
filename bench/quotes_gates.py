"""The quotes enricher's time by anchor outcome on PolNeAR dev, and the most an exact gate could save.

``python bench/run.py gates [--rounds=N] [--limit=N]``

Two questions a speed change of the quote finder should ask first (issue 14, part 5):

- **Where the time goes by outcome.** Each call of ``Finder._sentence`` (a sentence holding speech
  cues, in the reported pass) and ``Finder._attribute`` (a quoted unit, in the direct pass) is
  timed and sorted by whether it made a quote: the time spent on sentences and quotes that end
  with none is what a gate in front of the rules could save.
- **The bound on any exact gate.** A first pass records every call of ``Finder.first`` that
  answers None (no rule made a quote: a veto, or no rule's case); a second skips exactly those
  calls, answering None at once, as a perfect gate free of cost would. The quotes found are
  checked to be the same; the enricher is then timed as it is, with the failing ``cue`` anchors
  skipped, and with every failing anchor skipped, alternately in one process.

CPU time (``time.process_time``); the articles are parsed with ``enrich=False`` first, so only the
enricher is timed. The calls are keyed by their order in the article (a skipped call answers
what it answered, so the calls after it are the same).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_polnear import corpus


@contextmanager
def _patched(cls: type, name: str, wrapper: Callable[[Callable[..., Any]], Callable[..., Any]]) -> Iterator[None]:
    """``cls.name`` replaced by ``wrapper(original)`` inside the block."""
    original = getattr(cls, name)
    setattr(cls, name, wrapper(original))
    try:
        yield
    finally:
        setattr(cls, name, original)


def outcomes(articles: list[Any]) -> dict[str, tuple[float, float]]:
    """Calls and ms per article of sentences and quoted units, by whether they made a quote."""
    from articlekit.enrich.quotes import extract_quotes
    from articlekit.enrich.quotes.finder import Finder

    clock = time.process_time
    spent: dict[str, list[float]] = {}

    def add(key: str, seconds: float) -> None:
        cell = spent.setdefault(key, [0.0, 0.0])
        cell[0] += 1
        cell[1] += seconds

    def sentence(original: Callable[..., Any]) -> Callable[..., Any]:
        def timed(self: Finder, *args: Any) -> None:
            before = len(self.drafts)
            started = clock()
            original(self, *args)
            add(
                "sentences with cues, a quote" if len(self.drafts) > before else "sentences with cues, no quote",
                clock() - started,
            )

        return timed

    def unit(original: Callable[..., Any]) -> Callable[..., Any]:
        def timed(self: Finder, *args: Any) -> Any:
            started = clock()
            found = original(self, *args)
            add("quoted units attributed" if found is not None else "quoted units unattributed", clock() - started)
            return found

        return timed

    with _patched(Finder, "_sentence", sentence), _patched(Finder, "_attribute", unit):
        for article in articles:
            extract_quotes(article, {})
    n = len(articles)
    return {key: (calls / n, seconds * 1000 / n) for key, (calls, seconds) in sorted(spent.items())}


def gate_bound(articles: list[Any], rounds: int) -> dict[str, float]:
    """Ms per article (best of ``rounds``) of the enricher as it is and with the failing anchors
    answered at once: the ``cue`` anchors only, then every kind."""
    from articlekit.enrich.quotes import extract_quotes
    from articlekit.enrich.quotes.finder import Finder

    failing: set[tuple[int, int]] = set()
    failing_kind: dict[tuple[int, int], str] = {}
    state = {"article": 0, "call": 0, "mode": "record"}

    def first(original: Callable[..., Any]) -> Callable[..., Any]:
        def gated(self: Finder, kind: str, anchor: Any, record: bool = True) -> Any:
            key = (state["article"], state["call"])
            state["call"] += 1
            mode = state["mode"]
            if mode == "record":
                found = original(self, kind, anchor, record)
                if found is None:
                    failing.add(key)
                    failing_kind[key] = kind
                return found
            if (
                mode != "as it is"
                and key in failing
                and (mode == "skip every failing anchor" or failing_kind[key] == "cue")
            ):
                return None
            return original(self, kind, anchor, record)

        return gated

    def run() -> list[Any]:
        out = []
        for index, article in enumerate(articles):
            state["article"], state["call"] = index, 0
            out.append(extract_quotes(article, {}).quotes)
        return out

    modes = ["as it is", "skip the failing cue anchors", "skip every failing anchor"]
    best = dict.fromkeys(modes, float("inf"))
    with _patched(Finder, "first", first):
        reference = run()
        for mode in modes[1:]:
            state["mode"] = mode
            if run() != reference:
                raise SystemExit(f"{mode}: the quotes changed; the calls are not keyed as they are made")
        for _ in range(rounds):
            for mode in modes:
                state["mode"] = mode
                started = time.process_time()
                run()
                best[mode] = min(best[mode], time.process_time() - started)
    return {mode: seconds * 1000 / len(articles) for mode, seconds in best.items()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench gates", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds; each figure's best is kept")
    parser.add_argument("--limit", type=int, default=None, help="only the first N dev texts")
    args = parser.parse_args(argv)
    import articlekit
    from articlekit.enrich.quotes import extract_quotes, quote_rules

    paths = [text for text, _ in corpus("dev")][: args.limit]
    if not paths:
        raise SystemExit("no PolNeAR dev texts under the shared folder (ARTICLEKIT_SHARED)")
    articles = [articlekit.parse(p.read_bytes(), format="text", name=p.name, enrich=False) for p in paths]
    quote_rules()
    for article in articles:  # (warm: the lexicons, the patterns, the caches)
        extract_quotes(article, {})
    print(f"the quotes enricher on {len(articles)} PolNeAR dev articles, CPU time")
    print("by outcome (each call timed):")
    for key, (calls, ms) in outcomes(articles).items():
        print(f"  {key:32} {calls:6.2f} an article {ms:7.3f} ms")
    print(f"a perfect exact gate (best of {args.rounds}, alternated):")
    bound = gate_bound(articles, args.rounds)
    whole = bound["as it is"]
    for mode, ms in bound.items():
        print(f"  {mode:32} {ms:7.3f} ms {100 * (ms / whole - 1):+6.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
