"""The ``html`` parser's CPU time, this code against a git revision's, page by page in one process.

``python bench/run.py web-ab --against=REV [--code=REV] [--sets=a,b] [--pages=N] [--rounds=N]``

The revision's ``src/articlekit`` is taken out with ``git archive`` into a temporary folder and
imported beside this code as a package of another name (its references to ``articlekit`` rewritten
to that name, so it reads its own modules and its own block model). Each page of the web-dev sets
and aeb-dev (the first ``--pages`` of each set, default 300) is then read by both codes' parser
(``parse_html``, the parse alone: no API around it, no enrichers), one after the other, the order
alternating page by page and round by round, so that both see the same load on a shared machine
(rounds of all pages each way drift with the load by more than the changes measured). CPU time of
the process (``time.process_time``), summed over ``--rounds`` rounds (default 2). ``--code=REV``
measures another revision in place of this code (the working tree), taken out the same way.

Besides the whole parse, the steps it calls are timed where both codes have them under the same
names: libxml2's parse (``_parse_tree``), the metadata (``read_metadata``), the one walk over
the page (``walk_page``), the block classifier (``choose``) and the converter
(``convert_element``); "rest" is the parse less those. Output identity is not checked here:
``bench/web_snapshot.py --check`` does that.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STEPS = {
    "libxml2 parse": ("parser", "_parse_tree"),
    "metadata": ("parser", "read_metadata"),
    "walk": ("body", "walk_page"),
    "classifier": ("parser", "choose"),
    "converter": ("parser", "convert_element"),
}
"""Step -> (module of ``formats.html``, name there) of the functions timed inside the parse."""
_REFERENCE = re.compile(r"\barticlekit(?=\.[A-Za-z_]|\s+import\b|\s*$)", re.M)
"""``articlekit`` as a module's name (``articlekit.model``, ``from articlekit import``,
``import articlekit``), not as a part of another name (``articlekit_warc``)."""


def extract_src(revision: str, folder: Path) -> Path:
    """``revision``'s ``src`` folder taken out with ``git archive`` into ``folder``; its path."""
    archive = subprocess.run(["git", "archive", revision, "src"], cwd=HERE.parent, capture_output=True, check=False)
    if archive.returncode != 0:
        raise SystemExit(f"git archive {revision}: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder / "src"


@contextlib.contextmanager
def revision_package(revision: str) -> Iterator[str]:
    """The name under which ``revision``'s ``articlekit`` package can be imported, while inside."""
    name = "articlekit_" + re.sub(r"\W", "_", revision)
    with tempfile.TemporaryDirectory(prefix="articlekit-ab-") as folder:
        src = extract_src(revision, Path(folder))
        package = src / name
        (src / "articlekit").rename(package)
        for path in package.rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            path.write_text(_REFERENCE.sub(name, text), encoding="utf-8")
        sys.path.insert(0, str(src))
        try:
            yield name
        finally:
            sys.path.remove(str(src))


class Code:
    """One code's ``html`` parser with its steps timed (CPU seconds summed in ``spent``)."""

    def __init__(self, package: str) -> None:
        self.modules = {part: importlib.import_module(f"{package}.formats.html.{part}") for part in ("parser", "body")}
        self.registry = importlib.import_module(f"{package}.registry")
        self.error = importlib.import_module(f"{package}.errors").ArticlekitError
        self.spent: dict[str, float] = {}

    def time_steps(self, steps: list[str]) -> None:
        for step in steps:
            module_name, attr = STEPS[step]
            module = self.modules[module_name]
            setattr(module, attr, self._timed(step, getattr(module, attr)))

    def _timed(self, step: str, function: Callable[..., Any]) -> Callable[..., Any]:
        spent = self.spent

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[step] = spent.get(step, 0.0) + time.process_time() - start

        return timed

    def parse(self, name: str, data: bytes) -> None:
        start = time.process_time()
        try:
            for _ in self.modules["parser"].parse_html(self.registry.Document(data, name), {}):
                pass
        except self.error:
            pass
        finally:
            self.spent["parse"] = self.spent.get("parse", 0.0) + time.process_time() - start


def compare(revision: str, pages: list[tuple[str, bytes]], rounds: int, other: str | None = None) -> None:
    with revision_package(revision) as package, contextlib.ExitStack() as stack:
        before = Code(package)
        now = Code(stack.enter_context(revision_package(other)) if other else "articlekit")
        steps = [
            step
            for step, (module, attr) in STEPS.items()
            if all(hasattr(code.modules[module], attr) for code in (before, now))
        ]
        for code in (before, now):
            code.time_steps(steps)
        for name, data in pages[:20]:  # warm up: imports, the model, the caches' first pages
            before.parse(name, data)
            now.parse(name, data)
        before.spent.clear()
        now.spent.clear()
        for round_ in range(rounds):
            for index, (name, data) in enumerate(pages):
                pair = (before, now) if (index + round_) % 2 == 0 else (now, before)
                for code in pair:
                    code.parse(name, data)
    for code in (before, now):
        code.spent["rest"] = code.spent["parse"] - sum(code.spent.get(step, 0.0) for step in steps)
    print(f"{len(pages)} pages x {rounds} rounds, CPU seconds, alternating page by page:")
    print(f"  {'step':14} {revision[:12]:>12} {(other or 'this code')[:12]:>12} {'ratio':>7}")
    for step in ("parse", *steps, "rest"):
        old, new = before.spent.get(step, 0.0), now.spent.get(step, 0.0)
        print(f"  {step:14} {old:12.2f} {new:12.2f} {new / old if old else float('nan'):7.3f}")


def main(argv: list[str]) -> int:
    from web import ALL_SETS, load_sets

    parser = argparse.ArgumentParser(prog="bench web-ab", description=__doc__.split("\n")[0])
    parser.add_argument("--against", metavar="REV", required=True, help="the git revision to compare with")
    parser.add_argument("--code", metavar="REV", help="measure this git revision instead of the working tree")
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated sets (default: all)")
    parser.add_argument("--pages", type=int, default=300, help="the first N pages of each set (default 300)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds over the pages (default 2)")
    args = parser.parse_args(argv)
    sets = load_sets([n.strip() for n in args.sets.split(",") if n.strip()], args.pages or None)
    pages = [(f"{name}/{page_id}", data) for name, items in sets.items() for page_id, data, _ in items]
    compare(args.against, pages, args.rounds, args.code)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
