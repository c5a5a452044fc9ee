"""Digests saved and checked by the snapshot tools (``web_snapshot.py``, ``output_snapshot.py``)."""

from __future__ import annotations

import json
from pathlib import Path


def save(path: Path, digests: dict[str, str]) -> None:
    """Write ``digests`` (key -> sha256 or error) to ``path``, keys sorted."""
    path.write_text(json.dumps(digests, indent=0, sort_keys=True), encoding="utf-8")


def differing(path: Path, digests: dict[str, str], *, show: int = 20, prefixes: tuple[str, ...] = ("",)) -> list[str]:
    """The keys whose digest differs from (or is missing in) the file at ``path``; the first
    ``show`` of them are printed. Only saved keys starting with one of ``prefixes`` count (a
    check of some of the sets)."""
    saved = {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if k.startswith(prefixes)}
    differ = sorted(k for k in saved.keys() | digests.keys() if saved.get(k) != digests.get(k))
    for key in differ[:show]:
        print(f"  differs: {key}")
    return differ
