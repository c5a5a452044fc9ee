"""``bench/run.py web`` stays runnable (a few pages per set, articlekit alone: the peers and the
leave-one-set-out training need the ``bench`` extra)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import require_shared

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_the_web_benchmark_prints_a_table_per_set() -> None:
    require_shared("corpora", "web-dev")
    require_shared("corpora", "aeb-dev")
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "web", "--pages=3", "--no-peers", "--no-loso", "--worst=1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("dragnet", "l3s-gn1", "cleaneval", "readability", "aeb-dev"):
        assert f"\n{name}: 3 pages\n" in done.stdout
    # one worst page per set, except the set that is scored only (its errors are never listed)
    assert done.stdout.count("    worst: ") == 4
    readability = done.stdout.split("\nreadability: 3 pages\n", 1)[1].split("\n\n", 1)[0]
    assert "worst: " not in readability and "scored only" in readability
    assert "mean of the sets (F1):" in done.stdout
