"""``bench/run.py pipeline`` stays runnable (two dev texts, one round)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import require_shared

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_the_pipeline_benchmark_times_every_stage_in_sequence() -> None:
    require_shared("corpora", "polnear", "dev")
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "pipeline", "--limit=2", "--rounds=1"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # "  stage name   ms   times the floor"
    lines = done.stdout.splitlines()[2:]
    rows = {name.strip(): (ms, ratio) for name, ms, ratio in (line.rsplit(None, 2) for line in lines)}
    for stage in ("bare regex", "text parser", "quotes enricher", "sources enricher", "compact JSON"):
        assert stage in rows, done.stdout
    assert rows["bare regex"][-1] == "1.0"  # the floor, against itself
    assert float(rows["sum of the stages"][0]) > float(rows["quotes enricher"][0]) > 0


def test_the_pipeline_benchmark_compares_another_interpreters_install() -> None:
    # --python: this code and another interpreter's own install, alternately (here the same
    # interpreter, whose install is whatever it imports without PYTHONPATH)
    require_shared("corpora", "polnear", "dev")
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "pipeline",
            "--limit=2",
            "--rounds=1",
            "--pairs=1",
            f"--python={sys.executable}",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # "  stage   ms to ms   ms to ms   x floor   x floor"
    rows = {line[:24].strip(): line[24:].split() for line in done.stdout.splitlines() if line.startswith("  ")}
    assert rows["stage"] == ["this", "code", "--python", "x", "floor", "x", "floor"], done.stdout
    for stage in ("bare regex", "text parser", "quotes enricher", "sum of the stages"):
        low, _, high, low2, _, high2, ratio, ratio2 = rows[stage]
        assert 0 < float(low) <= float(high) and 0 < float(low2) <= float(high2), done.stdout
        assert float(ratio) > 0 and float(ratio2) > 0, done.stdout  # times the floor, under each
    assert rows["bare regex"][-2:] == ["1.0", "1.0"]  # the floor, against itself, under both
