"""``bench/run.py quotes-unseen`` lists the texts whose quotes two codes read differently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import require_shared

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import quotes_unseen  # noqa: E402


def test_changes_lists_each_texts_quotes_only_one_side_has() -> None:
    before: dict[str, object] = {
        "a": [["the plan was dead", "indirect", "Lee", "said"]],
        "b": [["x", "direct", "Kim", "said"]],
        "c": "error: bad",
    }
    after: dict[str, object] = {
        "a": [["That the plan was dead", "indirect", "Lee", "said"]],
        "b": [["x", "direct", "Kim", "said"]],
        "c": [],
    }
    assert quotes_unseen.changes(before, after) == {
        "a": (
            [["the plan was dead", "indirect", "Lee", "said"]],
            [["That the plan was dead", "indirect", "Lee", "said"]],
        ),
        "c": (["error: bad"], []),
    }


def test_the_readability_set_is_never_read() -> None:
    require_shared("corpora", "web-dev")
    assert not any(name.startswith("readability/") for name, _ in quotes_unseen.texts())


def test_the_same_code_twice_differs_nowhere() -> None:
    require_shared("corpora", "web-dev")
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "quotes-unseen", "--against=HEAD", "--limit=4", "--full"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 texts; 0 differ in their whole articles (HEAD -> this code)" in done.stdout
