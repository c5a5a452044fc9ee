"""Check that a change to the web body extractor leaves every output identical.

``python bench/web_snapshot.py --save FILE`` records, for every page of aeb-dev and the
web-dev sets (read as ``bench/web.py`` reads them), the sha256 of the parsed article's JSON
(``enrich=False``) or the error message; ``--check FILE`` compares the current code against
it and lists the pages that differ. Keep FILE outside the repository (it is derived from
third-party pages). ``--time`` prints the CPU seconds of the parses (``time.process_time``),
``--profile N`` profiles the parse of the first N pages with cProfile. ``--speed`` parses the
pages ``--rounds`` times and prints the least CPU seconds of the parse (without the JSON) and of
its two body steps: the walk over the page with the container heuristic, and the block classifier.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import articlekit
import snapshots
from articlekit.errors import ArticlekitError
from web import ALL_SETS, load_sets


def digest(name: str, data: bytes) -> str:
    try:
        article = articlekit.parse(data, "html", name=name, enrich=False)
    except ArticlekitError as exc:
        return f"error: {exc}"
    return hashlib.sha256(articlekit.dumps(article, "json").encode("utf-8")).hexdigest()


def speed(pages: list[tuple[str, bytes]], rounds: int) -> None:
    """The least CPU seconds over ``rounds`` of the parse and of its two body steps."""
    from articlekit.formats.html import parser as html

    spent: dict[str, float] = {}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start

        return wrapper

    steps = {"walk + heuristic": "_content_root", "block classifier": "choose"}
    originals = {attr: getattr(html, attr) for attr in steps.values()}
    for name, attr in steps.items():
        setattr(html, attr, timed(name, originals[attr]))
    least: dict[str, float] = {}
    try:
        for _ in range(rounds):
            spent.clear()
            start = time.process_time()
            for key, data in pages:
                with contextlib.suppress(ArticlekitError):
                    articlekit.parse(data, "html", name=key, enrich=False)
            spent["parse"] = time.process_time() - start
            for name, seconds in spent.items():
                least[name] = min(least.get(name, seconds), seconds)
    finally:
        for attr, function in originals.items():
            setattr(html, attr, function)
    print(f"{len(pages)} pages, least CPU seconds of {rounds} rounds:")
    for name in ("parse", *steps):
        print(f"  {name:20} {least.get(name, 0.0):6.2f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/web_snapshot.py", description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path, help="record the digests to this file")
    group.add_argument("--check", type=Path, help="compare against the digests in this file")
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated sets (default: all)")
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages of each set")
    parser.add_argument("--time", action="store_true", help="print the CPU seconds of the parses")
    parser.add_argument("--speed", action="store_true", help="CPU seconds of the parse and its body steps")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --speed (the least is printed)")
    parser.add_argument("--profile", type=int, default=0, help="profile the parse of the first N pages")
    args = parser.parse_args(argv)
    sets = load_sets([n.strip() for n in args.sets.split(",") if n.strip()], args.pages)
    pages = [(f"{name}/{page_id}", data) for name, items in sets.items() for page_id, data, _ in items]
    digest(*pages[0])  # warm up: plugin registry, imports, the model
    if args.speed:
        speed(pages, args.rounds)
        return 0
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for key, data in pages[: args.profile]:
            digest(key, data)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return 0
    start = time.process_time()
    digests = {key: digest(key, data) for key, data in pages}
    seconds = time.process_time() - start
    if args.time:
        print(f"{len(pages)} pages: {seconds:.2f} s CPU")
    if args.save:
        snapshots.save(args.save, digests)
        print(f"saved {len(digests)} digests to {args.save}")
    elif args.check:
        differ = snapshots.differing(args.check, digests)
        print(f"{len(digests)} pages, {len(differ)} differ")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
