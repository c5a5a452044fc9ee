"""The benchmarks stay runnable: bench/memory.py and bench/fuzz.py on tiny sizes, the quotes benchmark on dev,
web-meta on one set, language on a few samples."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def run_bench(*args: str) -> str:
    """``python bench/run.py ARGS``'s output; it must succeed."""
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_memory_benchmark_runs_and_reports_flat_memory(tmp_path: Path) -> None:
    stdout = run_bench("memory", "--sizes=30,60", "--modes=jsonl,folder")
    assert "| jsonl | 60 |" in stdout and "| folder | 30 |" in stdout
    assert "jsonl: largest batch uses" in stdout and "(flat; limit 1.20x)" in stdout


def test_fuzz_benchmark_runs_and_reports_every_parser(shared: Path) -> None:
    stdout = run_bench("fuzz", "--examples=20", "--parsers=json,text")
    rows = [line for line in stdout.splitlines() if line.startswith("| json ") or line.startswith("| text ")]
    assert len(rows) == 2 and all(row.endswith("| none |") for row in rows)


def test_workers_benchmark_runs_and_reports_the_ratio() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "workers", "--count=30", "--repeat=1", "--limit=100"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| in process (--timeout 0) |" in done.stdout and "worker / in process:" in done.stdout


@pytest.mark.parametrize("name", ["memory", "fuzz", "workers"])
def test_benchmarks_are_listed(name: str) -> None:
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    assert runner.BENCHMARKS[name] == name


def test_quotes_benchmark_reports_figures_throughput_and_stages(shared: Path) -> None:
    stdout = run_bench("quotes", "--split=dev", "--stages")
    assert "direct F1" in stdout and "throughput: pipeline" in stdout
    for stage in ("text parser", "quotes enricher", "sources enricher", "compact JSON", "direct", "reported"):
        assert f"  {stage} " in stdout


def test_gates_benchmark_bounds_an_exact_gate(shared: Path) -> None:
    """The bound is measured with the quotes unchanged (else the benchmark exits with an error),
    and every outcome and mode is reported."""
    stdout = run_bench("gates", "--limit=6", "--rounds=1")
    for row in ("sentences with cues, a quote", "quoted units unattributed", "as it is", "skip every failing anchor"):
        assert f"  {row} " in stdout
    skipped = next(line for line in stdout.splitlines() if "skip every failing anchor" in line).split()
    assert float(skipped[-3]) > 0 and skipped[-2] == "ms" and skipped[-1].endswith("%")


def test_web_meta_benchmark_counts_a_set(shared: Path) -> None:
    stdout = run_bench("web-meta", "--set=readability")
    header = next(line for line in stdout.splitlines() if line.startswith("set "))
    assert "no headline" in header and "entities/markup" in header and "no language" in header
    row = next(line for line in stdout.splitlines() if line.startswith("readability "))
    assert row.split()[1] == "96"


def test_language_benchmark_compares_the_detectors(shared: Path) -> None:
    stdout = run_bench("language", "--limit=3", "--only=py3langid")
    assert "py3langid    600 ch" in stdout and "≥0.5" in stdout
