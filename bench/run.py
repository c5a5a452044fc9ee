"""Run articlekit's benchmarks and accuracy evaluations: ``python bench/run.py [NAME ...]``.

With no name, every benchmark runs. Each benchmark is a module in this folder with a
``main(argv: list[str]) -> int`` function; list it in BENCHMARKS below.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCHMARKS: dict[str, str] = {
    "aeb": "aeb",
    "web": "web",
    "json": "json_speed",
    "text": "text_speed",
    "memory": "memory",
    "fuzz": "fuzz",
    "quotes": "quotes_polnear",
    "folds": "quotes_folds",
    "language": "language",
    "web-meta": "web_meta",
    "scale": "scale",
    "workers": "workers",
    "complexity": "complexity",
    "report": "report_memory",
}
"""Benchmark name -> module in bench/."""


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    names = [a for a in argv if not a.startswith("-")] or list(BENCHMARKS)
    extra = [a for a in argv if a.startswith("-")]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    status = 0
    for name in names:
        print(f"== {name}")
        module = importlib.import_module(BENCHMARKS[name])
        status |= int(module.main(extra))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
