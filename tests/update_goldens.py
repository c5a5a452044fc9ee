"""Regenerate the golden JSON beside every plain-text seed: ``python tests/update_goldens.py``.

Each ``seeds/NNN_name.txt`` gets ``seeds/NNN_name.json``: the ``text`` parser's output written
with the ``json`` writer, without enrichers (quotes belong to their own tests), and with
``origin.file`` set to the seed's path relative to the repository, so the files do not depend
on the machine. The goldens are the specification: read every changed one before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def text_seeds() -> list[Path]:
    """Every plain-text seed (``*.txt``), in name order."""
    return sorted(SEEDS.glob("*.txt"))


def golden_output(seed: Path) -> str:
    """The golden JSON for one seed, as ``update_goldens`` writes it."""
    import articlekit

    article = articlekit.parse(seed.read_bytes(), "text", name=f"seeds/{seed.name}", enrich=False)
    output = articlekit.dumps(article, "json")
    assert isinstance(output, str)
    return output


def main(argv: list[str]) -> int:
    changed = 0
    for seed in text_seeds():
        golden = seed.with_suffix(".json")
        output = golden_output(seed)
        if not golden.exists() or golden.read_text(encoding="utf-8") != output:
            golden.write_text(output, encoding="utf-8", newline="\n")
            print(f"wrote {golden.relative_to(ROOT)}")
            changed += 1
    print(f"{changed} golden file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
