"""The quote finder's output is frozen: the seeds' quotes and sources, and a digest of every
PolNeAR train and dev text's. A change of output is deliberate: regenerate with
``python tests/update_quote_snapshot.py`` and read the listed differences first."""

from __future__ import annotations

import json

import pytest

from tests.conftest import require_shared
from tests.update_quote_snapshot import (
    POLNEAR_FILE,
    SEEDS_FILE,
    compare_polnear,
    compare_seeds,
    polnear_outputs,
    polnear_texts,
    seed_outputs,
)

HOW = "run python tests/update_quote_snapshot.py --check to see the diffs"


def test_seed_quotes_are_as_frozen() -> None:
    stored = json.loads(SEEDS_FILE.read_text(encoding="utf-8"))
    differences = compare_seeds(stored, seed_outputs())
    assert not differences, "\n".join(differences[:60])


@pytest.mark.shared
def test_polnear_quotes_are_as_frozen() -> None:
    require_shared("corpora", "polnear", "train", "text")
    require_shared("corpora", "polnear", "dev", "text")
    stored = json.loads(POLNEAR_FILE.read_text(encoding="utf-8"))
    texts = polnear_texts()
    assert len(texts) == len(stored), f"{len(texts)} PolNeAR texts, {len(stored)} digests: {HOW}"
    differences = [line for line in compare_polnear(stored, polnear_outputs(texts)) if not line.startswith(" ")]
    assert not differences, f"{len(differences)} texts differ ({HOW}):\n" + "\n".join(differences[:40])


def test_a_changed_output_is_shown_as_a_diff() -> None:
    before = json.dumps({"quotes": [{"id": "q1", "text": "old words"}], "sources": []})
    after = json.dumps({"quotes": [{"id": "q1", "text": "new words"}], "sources": []})
    lines = compare_seeds({"x.txt": before}, {"x.txt": after})
    assert lines[0] == "seed x.txt differs"
    assert any(line.strip().startswith("-") and "old words" in line for line in lines)
    assert any(line.strip().startswith("+") and "new words" in line for line in lines)
