"""Freeze or check the quote finder's output: ``python tests/update_quote_snapshot.py [--check]``.

Two snapshots, both of the whole pipeline (the ``text`` parser with every enricher), reduced
to the article's ``quotes`` and ``sources`` as canonical JSON (sorted keys, no spaces):

- ``tests/snapshots/quotes_seeds.json``: the full canonical output of every seed
  (``seeds/*.txt``), which are the project's own texts;
- ``tests/snapshots/quotes_polnear.json``: one sha256 digest per PolNeAR train and dev text
  (``$ARTICLEKIT_SHARED/corpora/polnear``). The corpus's text must not enter the repository,
  so only digests are stored; the full outputs are kept beside them in a cache outside version
  control (``tests/.snapshot-cache/``), so that a mismatch can be shown as a diff.

Without ``--check`` the snapshots are rewritten, and each changed text is listed. With
``--check`` nothing is written: every text whose output differs is listed with a diff of its
output against the cached one (when the cache matches the stored digest), and the exit status
is 1. A refactoring must leave ``--check`` silent.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
SEEDS_FILE = SNAPSHOTS / "quotes_seeds.json"
POLNEAR_FILE = SNAPSHOTS / "quotes_polnear.json"
CACHE = ROOT / "tests" / ".snapshot-cache"
SPLITS = ("train", "dev")


def shared_dir() -> Path:
    return Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared")).resolve()


def polnear_texts() -> list[tuple[str, Path]]:
    """Every PolNeAR train and dev text as ``(split/name, path)``, in name order (empty
    without the shared folder)."""
    base = shared_dir() / "corpora" / "polnear"
    found = []
    for split in SPLITS:
        for path in sorted((base / split / "text").glob("*.txt")):
            found.append((f"{split}/{path.name}", path))
    return found


def canonical_output(data: bytes, name: str) -> str:
    """The pipeline's quotes and sources for one text, as canonical JSON."""
    import articlekit

    article = articlekit.parse(data, format="text", name=name)
    output = articlekit.dumps(article, "json", indent=None)
    assert isinstance(output, str)
    loaded = json.loads(output)
    kept = {"quotes": loaded.get("quotes", []), "sources": loaded.get("sources", [])}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(output: str) -> str:
    return hashlib.sha256(output.encode("utf-8")).hexdigest()


def seed_outputs() -> dict[str, str]:
    return {p.name: canonical_output(p.read_bytes(), f"seeds/{p.name}") for p in sorted((ROOT / "seeds").glob("*.txt"))}


def polnear_outputs(texts: Iterable[tuple[str, Path]]) -> dict[str, str]:
    return {key: canonical_output(path.read_bytes(), path.name) for key, path in texts}


def _pretty(output: str) -> list[str]:
    return json.dumps(json.loads(output), indent=1, ensure_ascii=False, sort_keys=True).splitlines()


def show_diff(name: str, old: str | None, new: str, out: list[str]) -> None:
    """Add a unified diff of one text's old and new outputs to ``out`` (or a note when the
    old output is unknown)."""
    if old is None:
        out.append(f"  (no cached output for {name}: its digest alone differs)")
        return
    lines = difflib.unified_diff(_pretty(old), _pretty(new), f"{name} (snapshot)", f"{name} (now)", lineterm="", n=2)
    out.extend("  " + line for line in lines)


def _cached(key: str, expected_digest: str) -> str | None:
    path = CACHE / (key.replace("/", "__") + ".json")
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    return text if digest(text) == expected_digest else None


def compare_seeds(stored: dict[str, str], now: dict[str, str]) -> list[str]:
    """Lines describing every seed whose output differs from the snapshot (empty when none)."""
    out: list[str] = []
    for name in sorted(set(stored) | set(now)):
        if stored.get(name) != now.get(name):
            out.append(f"seed {name} differs")
            show_diff(name, stored.get(name), now.get(name, "{}"), out)
    return out


def compare_polnear(stored: dict[str, str], now: dict[str, str]) -> list[str]:
    """Lines describing every PolNeAR text whose output's digest differs (empty when none)."""
    out: list[str] = []
    for key in sorted(set(stored) | set(now)):
        new = now.get(key)
        if key not in stored or new is None or digest(new) != stored[key]:
            out.append(f"polnear {key} differs")
            if new is not None and key in stored:
                show_diff(key, _cached(key, stored[key]), new, out)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare only; print differences; exit 1 on any")
    parser.add_argument("--seeds-only", action="store_true", help="leave the PolNeAR snapshot alone")
    args = parser.parse_args(argv)
    seeds = seed_outputs()
    texts = [] if args.seeds_only else polnear_texts()
    if not texts and not args.seeds_only:
        print(f"note: no PolNeAR texts under {shared_dir()}/corpora/polnear; only the seeds are compared")
    polnear = polnear_outputs(texts)
    stored_seeds = json.loads(SEEDS_FILE.read_text(encoding="utf-8")) if SEEDS_FILE.exists() else {}
    stored_polnear = json.loads(POLNEAR_FILE.read_text(encoding="utf-8")) if POLNEAR_FILE.exists() else {}
    lines = compare_seeds(stored_seeds, seeds)
    if texts:
        lines += compare_polnear(stored_polnear, polnear)
    if args.check:
        print("\n".join(lines) if lines else "quote snapshot holds")
        return 1 if lines else 0
    SNAPSHOTS.mkdir(exist_ok=True)
    SEEDS_FILE.write_text(json.dumps(seeds, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    if texts:
        digests = {key: digest(output) for key, output in polnear.items()}
        POLNEAR_FILE.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        CACHE.mkdir(exist_ok=True)
        for key, output in polnear.items():
            (CACHE / (key.replace("/", "__") + ".json")).write_text(output, encoding="utf-8")
    changed = [line.replace(" differs", " changed") for line in lines if not line.startswith(" ")]
    print("\n".join(changed[:30]) + (f"\n... and {len(changed) - 30} more" if len(changed) > 30 else ""))
    print(f"{len(changed)} text(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
