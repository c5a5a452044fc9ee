"""The fold machinery of the quotes benchmark (bench/quotes_folds.py): folds fixed by file name,
every train text in exactly one, errors listed from the fit folds only."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from .conftest import require_shared

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _folds_module() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("quotes_folds", BENCH / "quotes_folds.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_a_text_s_fold_depends_on_its_name_only() -> None:
    folds = _folds_module()
    names = [f"text-{i}.txt" for i in range(500)]
    first = [folds.fold_of(n) for n in names]
    assert first == [folds.fold_of(n) for n in names]
    assert set(first) == set(range(folds.FOLDS))
    assert min(first.count(k) for k in range(folds.FOLDS)) > 60  # roughly even


def test_every_train_text_stands_in_one_fold() -> None:
    require_shared("corpora", "polnear", "train", "text")
    folds = _folds_module()
    split = folds.train_folds()
    texts = [t.name for fold in split for t, _ in fold]
    assert len(texts) == len(set(texts)) == len(folds.qp.corpus("train"))
    assert all(folds.fold_of(t.name) == k for k, fold in enumerate(split) for t, _ in fold)


def test_missed_attributions_are_counted_by_their_cue_word() -> None:
    folds = _folds_module()
    errors = [
        "SPEECH-MISS-NONE text-1: 'the mayor' 'asked' | 'The mayor asked whether ...'",
        "SPEECH-MISS-NONE text-2: \"O'Neil\" 'Asked reporters' | '...'",
        "SPEECH-MISS-PARTIAL text-3: None 'said' | '...' | got indirect '...'",
        "DIRECT-FP text-4: direct 'Lee' | 'not a miss'",
    ]
    causes = folds.miss_causes(errors)
    assert causes["SPEECH-MISS-NONE"] == {"asked": 2}
    assert causes["SPEECH-MISS-PARTIAL"] == {"said": 1}
    assert "DIRECT-FP" not in causes
