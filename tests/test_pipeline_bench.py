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
