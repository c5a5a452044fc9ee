"""The quotes of text nobody tuned the quote finder on, through this code and another revision's.

``python bench/run.py quotes-unseen --against=REV [--limit=N] [--show=N] [--full]``

PolNeAR's folds and dev split say how a quote rule scores where gold attributions exist; they say
nothing of text in other styles. This check reads the gold body texts of the web sets
(``corpora/web-dev/`` but the readability set, which stays score-only, and ``corpora/aeb-dev``;
bodies over 200 characters, each given a headline and read by the ``text`` parser) under this
code and under ``REV``'s (its ``src`` taken out with ``git archive``, each run a process of its
own with that ``src`` first on ``PYTHONPATH``), and lists every text whose quotes differ: the
quotes only the revision finds (``-``) and those only this code finds (``+``), each as its words,
kind, speaker and cue. There is no gold: the differences are to be read one by one, which is the
point (a rule that changes no PolNeAR figure may still change many texts elsewhere). ``--full``
compares each article's whole JSON instead (sources, dates and all), for changes meant to leave
the output identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIPPED_SETS = frozenset({"readability"})
"""Sets whose texts this check never reads: the readability set is only ever scored."""


def shared() -> Path:
    return Path(os.environ.get("ARTICLEKIT_SHARED", HERE.parent.parent / "shared")).resolve()


def texts(limit: int | None = None) -> Iterator[tuple[str, str]]:
    """``(set/id, body)`` of every gold body over 200 characters, in a fixed order."""
    corpora = shared() / "corpora"
    truths = [*sorted((corpora / "web-dev").glob("*/ground-truth.json")), corpora / "aeb-dev" / "ground-truth.json"]
    count = 0
    for truth in truths:
        if truth.parent.name in SKIPPED_SETS or not truth.is_file():
            continue
        for key, entry in sorted(json.loads(truth.read_text(encoding="utf-8")).items()):
            body = entry.get("articleBody") or ""
            if len(body) > 200:
                yield f"{truth.parent.name}/{key}", body
                count += 1
                if limit is not None and count >= limit:
                    return


def read_all(limit: int | None, full: bool) -> dict[str, object]:
    """Each text's quotes (or, with ``full``, a digest of its whole JSON) under the code imported."""
    import articlekit

    found: dict[str, object] = {}
    for name, body in texts(limit):
        try:
            article = articlekit.parse("Headline\n\n" + body, format="text")
        except articlekit.ArticlekitError as error:
            found[name] = f"error: {error}"
            continue
        if full:
            found[name] = hashlib.sha256(articlekit.dumps(article, "json").encode()).hexdigest()
        else:
            found[name] = [
                [
                    quote.text,
                    quote.kind,
                    quote.speaker.mention if quote.speaker else None,
                    quote.cue.text if quote.cue else None,
                ]
                for quote in article.quotes
            ]
    return found


def changes(before: dict[str, object], after: dict[str, object]) -> dict[str, tuple[list[object], list[object]]]:
    """Per text that differs: the quotes only ``before`` has, and those only ``after`` has (a
    digest or an error counts as one item)."""
    differing: dict[str, tuple[list[object], list[object]]] = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        old_items = old if isinstance(old, list) else [old]
        new_items = new if isinstance(new, list) else [new]
        differing[name] = (
            [item for item in old_items if item not in new_items],
            [item for item in new_items if item not in old_items],
        )
    return differing


def _run_under(src: Path, limit: int | None, full: bool) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    command = [sys.executable, str(Path(__file__).resolve()), "--worker"]
    command += (["--limit", str(limit)] if limit else []) + (["--full"] if full else [])
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the run under {src} failed:\n{done.stderr.strip()}")
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench quotes-unseen", description=__doc__.split("\n")[0])
    parser.add_argument("--against", metavar="REV", help="the git revision to compare this code with")
    parser.add_argument("--limit", type=int, default=None, help="only the first N texts")
    parser.add_argument("--show", type=int, default=20, help="list at most N differing texts")
    parser.add_argument("--full", action="store_true", help="compare each article's whole JSON")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(read_all(args.limit, args.full)))
        return 0
    if not args.against:
        parser.error("--against REV is required")
    if not (shared() / "corpora" / "web-dev").is_dir():
        raise SystemExit(f"no corpora/web-dev under {shared()} (set ARTICLEKIT_SHARED)")
    root = HERE.parent
    with tempfile.TemporaryDirectory(prefix="articlekit-unseen-") as folder:
        archive = subprocess.run(["git", "archive", args.against, "src"], cwd=root, capture_output=True, check=False)
        if archive.returncode != 0:
            raise SystemExit(f"git archive {args.against}: {archive.stderr.decode(errors='replace').strip()}")
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        before = _run_under(Path(folder) / "src", args.limit, args.full)
    after = _run_under(root / "src", args.limit, args.full)
    differing = changes(before, after)
    what = "whole articles" if args.full else "quotes"
    counted = "" if args.full else f", {sum(len(v) for v in after.values() if isinstance(v, list))} quotes"
    print(f"{len(after)} texts{counted}; {len(differing)} differ in their {what} ({args.against} -> this code)")
    for name in list(differing)[: args.show]:
        gone, new = differing[name]
        print(name)
        for item in gone:
            print(f"  - {item}")
        for item in new:
            print(f"  + {item}")
    if len(differing) > args.show:
        print(f"(and {len(differing) - args.show} more: --show={len(differing)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
