"""``text`` parser throughput on the PolNeAR article texts, against a bare ``re.findall(r"\\w+",
text)`` pass over the same texts in the same run (the floor any reading of the text pays).

    python bench/run.py text [--repeat=5] [--shared=PATH]

Reports, in articles per second and as a fraction of the regex pass's speed:

- ``parse_text``: the parser alone, on the texts' bytes (decoding included);
- ``articlekit.parse(format="text", enrich=False)``: the public API without enrichers;
- ``articlekit.parse()``: the whole pipeline, detection and every registered enricher included.

Each figure is the best of ``--repeat`` runs. The corpus is read from the shared folder
(``ARTICLEKIT_SHARED``, by default ``../shared``); it is measured, never copied.
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import articlekit
from articlekit.formats.text.parser import parse_text
from articlekit.plugins import get_registry
from articlekit.registry import Document

WORDS = re.compile(r"\w+")


def corpus(shared: Path) -> list[tuple[str, bytes]]:
    """Every PolNeAR train and dev text as ``(name, bytes)``."""
    files = sorted((shared / "corpora" / "polnear").glob("*/text/*.txt"))
    return [(str(f), f.read_bytes()) for f in files]


def best(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(texts: Sequence[tuple[str, bytes]], repeat: int) -> dict[str, float]:
    """Seconds for one pass over ``texts`` of the regex floor and of each parsing level."""
    decoded = [data.decode("utf-8") for _name, data in texts]
    documents = [Document(data, name) for name, data in texts]

    def regex() -> None:
        for text in decoded:
            WORDS.findall(text)

    def parser() -> None:
        for document in documents:
            for _article in parse_text(document, {}):
                pass

    def api() -> None:
        for name, data in texts:
            articlekit.parse(data, "text", name=name, enrich=False)

    def pipeline() -> None:
        for name, data in texts:
            articlekit.parse(data, name=name)

    api()  # load the plugins before timing
    return {
        "regex": best(repeat, regex),
        "parse_text": best(repeat, parser),
        "api": best(repeat, api),
        "pipeline": best(repeat, pipeline),
    }


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(prog="bench text")
    options.add_argument("--repeat", type=int, default=5)
    options.add_argument("--shared", type=Path, default=None)
    args = options.parse_args(argv)
    default = Path(__file__).resolve().parent.parent.parent / "shared"
    shared = args.shared or Path(os.environ.get("ARTICLEKIT_SHARED", default))
    texts = corpus(shared)
    if not texts:
        print(f"no PolNeAR texts under {shared}/corpora/polnear: set ARTICLEKIT_SHARED or --shared=PATH")
        return 1
    n = len(texts)
    size = sum(len(data) for _name, data in texts)
    seconds = measure(texts, args.repeat)
    floor = seconds["regex"]
    enrichers = ", ".join(s.name for s in get_registry().enricher_specs()) or "none"
    print(f"texts: {n} PolNeAR train+dev articles, {size / 1e6:.1f} MB, best of {args.repeat} runs")
    floor_label = 're.findall(r"\\w+", text)'
    print(f"{floor_label:44s}: {n / floor:7.0f} articles/s  {floor * 1000:8.1f} ms  (the floor)")
    rows = (
        ("parse_text (parser alone)", "parse_text"),
        ("parse(format='text', no enrich)", "api"),
        (f"parse() pipeline [{enrichers}]", "pipeline"),
    )
    for label, key in rows:
        took = seconds[key]
        print(
            f"{label:44s}: {n / took:7.0f} articles/s  {took * 1000:8.1f} ms  -> {floor / took:.2f} of the regex speed"
        )
    return 0
