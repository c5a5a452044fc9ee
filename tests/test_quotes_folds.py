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
