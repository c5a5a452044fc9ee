"""Run articlekit's benchmarks and accuracy evaluations: ``python bench/run.py [NAME ...]``.

With no name, every benchmark runs; ``--help`` alone lists them, ``NAME --help`` shows one's
options. Each benchmark is a module in this folder with a ``main(argv: list[str]) -> int``
function and a docstring whose first sentence says what it measures; list it in BENCHMARKS.
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

BENCHMARKS: dict[str, str] = {
    "aeb": "aeb",
    "web": "web",
    "web-ab": "web_ab",
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
    "report-tables": "report_tables",
    "marks": "marks",
    "pipeline": "pipeline_stages",
    "gates": "quotes_gates",
    "quotes-unseen": "quotes_unseen",
}
"""Benchmark name -> module in bench/."""


def _summary(module: str) -> str:
    """A benchmark's first docstring sentence, read without importing it (its dependencies may
    be optional extras)."""
    source = (Path(__file__).resolve().parent / f"{module}.py").read_text(encoding="utf-8")
    text = " ".join((ast.get_docstring(ast.parse(source)) or "").split())
    return text.split(". ")[0].rstrip(".")


def usage() -> str:
    """Every benchmark, one line each, and how to see one's own options."""
    width = max(map(len, BENCHMARKS))
    lines = [
        "usage: python bench/run.py [NAME ...] [OPTIONS]",
        "",
        "Run the named benchmarks (all of them when none is named); OPTIONS go to each.",
        "",
        "benchmarks:",
        *(f"  {name:<{width}}  {_summary(module)}" for name, module in BENCHMARKS.items()),
        "",
        "python bench/run.py NAME --help shows a benchmark's own options.",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    if not [a for a in argv if not a.startswith("-")] and any(a in ("-h", "--help") for a in argv):
        print(usage())
        return 0
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
