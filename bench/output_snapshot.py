"""Check that a restructuring leaves every output byte-identical.

``python bench/output_snapshot.py --save FILE`` runs the whole pipeline (format detection, the
parser, every enricher) over every input this project can see and writes every article with
every registered writer, recording one sha256 per input, article and writer (or the error
message); ``--check FILE`` runs the current code and lists what differs. The inputs:

- ``seeds``: the project's own seeds (``seeds/*.txt``, the text parser);
- ``samples``: every sample in ``$ARTICLEKIT_SHARED/formats`` (format detected as the CLI does);
- ``polnear``: every PolNeAR train and dev text (the text parser);
- ``web``: every page of aeb-dev and the web-dev sets (the html parser).

Keep FILE outside the repository: it is derived from third-party texts. A move of modules,
a new helper package or a rewritten reader must leave ``--check`` at "0 differ".
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import articlekit
from articlekit.errors import ArticlekitError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import snapshots  # noqa: E402  (bench/, put on the path above)

SETS = ("seeds", "samples", "polnear", "web")
SKIP_SUFFIXES = {".py", ".xsd", ".md", ".sh", ".txt.license"}
"""Files under ``formats/`` that are tools, schemas or notes, not samples."""


def shared_dir() -> Path:
    return Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared")).resolve()


def inputs(names: list[str], limit: int | None) -> Iterator[tuple[str, bytes, str | None]]:
    """``(key, data, format)`` for every input of the named sets; format None: detected."""
    shared = shared_dir()
    if "seeds" in names:
        for path in sorted((ROOT / "seeds").glob("*.txt"))[:limit]:
            yield f"seeds/{path.name}", path.read_bytes(), "text"
    if "samples" in names:
        base = shared / "formats"
        found = [
            p
            for p in sorted(base.rglob("*"))
            if p.is_file()
            and "tools" not in p.relative_to(base).parts
            and p.suffix not in SKIP_SUFFIXES
            and not p.name.startswith(("LICENSE", "README", "INDEX"))
        ]
        for path in found[:limit]:
            yield f"samples/{path.relative_to(base)}", path.read_bytes(), None
    if "polnear" in names:
        for split in ("train", "dev"):
            for path in sorted((shared / "corpora" / "polnear" / split / "text").glob("*.txt"))[:limit]:
                yield f"polnear/{split}/{path.name}", path.read_bytes(), "text"
    if "web" in names:
        from web import ALL_SETS, load_sets

        for set_name, items in load_sets(list(ALL_SETS), limit).items():
            for page_id, data, _gold in items:
                yield f"web/{set_name}/{page_id}", data, "html"


def digests(key: str, data: bytes, format: str | None) -> dict[str, str]:
    """One digest per article and writer of one input (``key#N writer``), or its error."""
    name = key.rsplit("/", 1)[-1]
    out: dict[str, str] = {}
    try:
        articles = list(articlekit.parse_all(data, format, name=name))
    except ArticlekitError as exc:
        return {key: f"error: {type(exc).__name__}: {exc}"}
    writers = sorted(articlekit.get_registry().writers)
    for number, article in enumerate(articles):
        for writer in writers:
            try:
                output = articlekit.dumps(article, writer)
            except ArticlekitError as exc:
                out[f"{key}#{number} {writer}"] = f"error: {type(exc).__name__}: {exc}"
                continue
            raw = output.encode("utf-8") if isinstance(output, str) else output
            out[f"{key}#{number} {writer}"] = hashlib.sha256(raw).hexdigest()
    out[key] = f"{len(articles)} articles"
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/output_snapshot.py", description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="record the digests to this file")
    group.add_argument("--check", type=Path, help="compare against the digests in this file")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--limit", type=int, default=None, help="only the first N inputs of each set or folder")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = sorted(set(names) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    start = time.process_time()
    found: dict[str, str] = {}
    count = 0
    for key, data, format in inputs(names, args.limit):
        found.update(digests(key, data, format))
        count += 1
    print(f"{count} inputs, {len(found)} digests, {time.process_time() - start:.1f} s CPU")
    if args.save:
        snapshots.save(args.save, found)
        print(f"saved to {args.save}")
        return 0
    differ = snapshots.differing(args.check, found, show=40, prefixes=tuple(f"{n}/" for n in names))
    print(f"{len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
