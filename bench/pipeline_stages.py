"""The text pipeline's stages timed in sequence, article by article, against the bare regex pass.

``python bench/run.py pipeline [--rounds=N] [--limit=N] [--against=REV] [--pairs=N]``

``bench/run.py quotes --stages`` times each stage alone over all the dev texts in turn, with
warm caches. Here each PolNeAR dev text goes through the stages one after the other, as the
pipeline takes it: the ``text`` parser (with the repair of the bare article), every registered
enricher in order, the repair at the door and the compact JSON, each timed on its own. So a
stage pays for what the one before it left in the caches, and an article checked or built by one
stage reaches the next as it does in the pipeline. The bare ``re.findall(r"\\w+", text)`` pass
over the same texts, in the same run, is the floor every figure is also given against. CPU time
of the process (``time.process_time``), the best of ``--rounds`` rounds for each stage.

``--against REV`` compares with the code of a git revision: its ``src`` is taken out with
``git archive`` into a temporary folder, and this script runs ``--pairs`` times under each
code, alternately (``PYTHONPATH`` first on the path), so both see the same machine; the table
gives each figure's range over the runs and, under each code, its best run's times the floor.

``--python PATH`` compares instead with another interpreter's install of articlekit (the
opt-in compiled build in a venv of its own, say): this script runs ``--pairs`` times under this
interpreter with this code and under ``PATH`` without ``PYTHONPATH`` (so it imports its own
install), alternately; the same table. The other interpreter needs ``py3langid`` as this one
has it, or its language stage detects nothing and costs nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quotes_polnear import corpus  # noqa: E402

FLOOR = "bare regex"


def measure(rounds: int, limit: int | None) -> dict[str, float]:
    """Milliseconds per dev article of each stage, in sequence, and of the floor."""
    import articlekit
    from articlekit.plugins import get_registry
    from articlekit.repair import repair_article

    paths = [text for text, _ in corpus("dev")][:limit]
    if not paths:
        raise SystemExit(f"no PolNeAR dev texts under {os.environ.get('ARTICLEKIT_SHARED', '../shared')}")
    datas = [path.read_bytes() for path in paths]
    enrichers = [(f"{spec.name} enricher", spec.run) for spec in get_registry().enricher_specs()]
    clock = time.process_time
    best: dict[str, float] = {}
    # loading: the language model, the lexicons, the converter's generated hooks
    articlekit.dumps(articlekit.parse(datas[0], format="text", name=paths[0].name), "json", indent=None)

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, float("inf")), seconds)

    for _ in range(rounds):
        started = clock()
        for data in datas:
            re.findall(r"\w+", data.decode("utf-8"))
        keep(FLOOR, clock() - started)
        spent: dict[str, float] = {}
        for path, data in zip(paths, datas, strict=True):
            started = clock()
            article = articlekit.parse(data, format="text", name=path.name, enrich=False)
            spent["text parser"] = spent.get("text parser", 0.0) + clock() - started
            for name, run in enrichers:
                started = clock()
                article = run(article, {})
                spent[name] = spent.get(name, 0.0) + clock() - started
            started = clock()
            repair_article(article, path.name)
            spent["repair at the door"] = spent.get("repair at the door", 0.0) + clock() - started
            started = clock()
            articlekit.dumps(article, "json", indent=None)
            spent["compact JSON"] = spent.get("compact JSON", 0.0) + clock() - started
        for name, seconds in spent.items():
            keep(name, seconds)
        keep("sum of the stages", sum(spent.values()))
    return {name: seconds * 1000 / len(paths) for name, seconds in best.items()}


def _run_under(src: Path | None, args: list[str], python: str = sys.executable) -> dict[str, float]:
    """This script's figures under ``python`` with ``src`` first on the path (None: without
    ``PYTHONPATH``, the interpreter's own install)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    done = subprocess.run(
        [python, str(Path(__file__).resolve()), "--json", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the run under {python} {src or ''} failed:\n{done.stderr.strip()}")
    result: dict[str, float] = json.loads(done.stdout)
    return result


def compare(revision: str, pairs: int, args: list[str]) -> None:
    """This code and ``revision``'s, alternately, ``pairs`` runs each; every figure's range."""
    root = HERE.parent
    with tempfile.TemporaryDirectory(prefix="articlekit-pipeline-") as folder:
        archive = subprocess.run(["git", "archive", revision, "src"], cwd=root, capture_output=True, check=False)
        if archive.returncode != 0:
            raise SystemExit(f"git archive {revision}: {archive.stderr.decode(errors='replace').strip()}")
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        runs: dict[str, list[dict[str, float]]] = {revision: [], "this code": []}
        for _ in range(pairs):
            runs[revision].append(_run_under(Path(folder) / "src", args))
            runs["this code"].append(_run_under(root / "src", args))
    _table(revision[:12], runs[revision], runs["this code"])


def compare_python(python: str, pairs: int, args: list[str]) -> None:
    """This code under this interpreter and ``python``'s own install, alternately, ``pairs``
    runs each; every figure's range."""
    runs: dict[str, list[dict[str, float]]] = {"this code": [], python: []}
    for _ in range(pairs):
        runs["this code"].append(_run_under(HERE.parent / "src", args))
        runs[python].append(_run_under(None, args, python))
    _table("this code", runs["this code"], runs[python], "--python")


def _table(
    label: str, before: list[dict[str, float]], after: list[dict[str, float]], after_label: str = "this code"
) -> None:
    """Each stage's range over the runs of both codes, and its ratio to the floor (the best run)
    under each."""
    pairs = len(after)
    print(f"ms per dev article, stages in sequence (best of each run), range over {pairs} runs each:")
    print(f"  {'stage':22} {label:>17} {after_label:>17} {'x floor':>8} {'x floor':>8}")
    for name in after[0]:
        cells = []
        for runs in (before, after):
            values = [run[name] for run in runs if name in run]
            cells.append(f"{min(values):.3f} to {max(values):.3f}" if values else "-")
        ratios = [min(run[name] / run[FLOOR] for run in runs if name in run) for runs in (before, after)]
        print(f"  {name:22} {cells[0]:>17} {cells[1]:>17} {ratios[0]:8.1f} {ratios[1]:8.1f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench pipeline", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds; each stage's best is kept")
    parser.add_argument("--limit", type=int, default=None, help="only the first N dev texts")
    parser.add_argument("--against", metavar="REV", help="compare with the code of this git revision")
    parser.add_argument("--pairs", type=int, default=3, help="runs under each code with --against or --python")
    parser.add_argument(
        "--python", metavar="PATH", help="compare with this interpreter's own install (e.g. a compiled build's venv)"
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    passed = ["--rounds", str(args.rounds)] + (["--limit", str(args.limit)] if args.limit else [])
    if args.against and args.python:
        parser.error("give --against or --python, not both")
    if args.against:
        compare(args.against, args.pairs, passed)
        return 0
    if args.python:
        compare_python(args.python, args.pairs, passed)
        return 0
    figures = measure(args.rounds, args.limit)
    if args.json:
        print(json.dumps(figures))
        return 0
    floor = figures[FLOOR]
    print("ms per dev article, stages in sequence (best of each), and times the bare regex pass:")
    for name, ms in figures.items():
        print(f"  {name:22} {ms:8.3f} {ms / floor:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
