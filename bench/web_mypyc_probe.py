"""What compiling the ``html`` parser's modules with mypyc saves: the compiled build, measured in one process.

``python bench/web_mypyc_probe.py [--pages=N] [--rounds=N] [--check]``

The working tree's ``src/articlekit`` is copied into a temporary folder under another package name
(as ``bench/web_ab.py`` imports a revision), the compiled build's modules are compiled there with
``mypyc --strict``, and the two codes' ``parse_html`` read each page of the web-dev sets and
aeb-dev one after the other, the order alternating page by page and round by round (CPU seconds,
as ``web-ab`` reports them; a compiled module's own steps cannot be timed from outside, so only
the whole parse compares). ``--check`` instead compares every page's article JSON from the two
codes. The modules compiled are those of the opt-in compiled build (``pyproject.toml``'s
``[tool.hatch.build.targets.wheel.hooks.mypyc]`` ``include``), so this measures that build
against pure Python in one process, as ``web-ab`` cannot (it imports sources, never an install).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from web_ab import _REFERENCE, Code  # noqa: E402

PACKAGE = "akcompiled"


def compiled_modules() -> list[str]:
    """The modules the compiled build compiles (the build hook's ``include``), as paths under
    ``src/articlekit``."""
    import tomllib

    project = tomllib.loads((HERE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    include: list[str] = project["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]["include"]
    return [path.removeprefix("src/articlekit/") for path in include]


def build(folder: Path) -> None:
    """The working tree's package copied to ``folder`` as ``PACKAGE``, and compiled."""
    package = folder / PACKAGE
    shutil.copytree(HERE.parent / "src" / "articlekit", package, ignore=shutil.ignore_patterns("__pycache__"))
    for path in package.rglob("*.py"):
        path.write_text(_REFERENCE.sub(PACKAGE, path.read_text(encoding="utf-8")), encoding="utf-8")
    command = ["mypyc", "--strict", *(f"{PACKAGE}/{name}" for name in compiled_modules())]
    # (without PYTHONPATH: mypy would read the imports of the working tree's package as well)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"mypyc failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")


def article_json(code: Code, name: str, data: bytes) -> str:
    try:
        [article] = list(code.modules["parser"].parse_html(code.registry.Document(data, name), {}))
    except code.error as exc:
        return f"error: {exc}"
    top: Any = sys.modules[code.registry.__name__.split(".")[0]]
    text: str = top.dumps(article, "json")
    return hashlib.sha256(text.replace(f'"{PACKAGE}.formats.', '"articlekit.formats.').encode()).hexdigest()


def main(argv: list[str]) -> int:
    from web import ALL_SETS, load_sets

    parser = argparse.ArgumentParser(prog="bench/web_mypyc_probe.py", description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="the first N pages of each set (default 200)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds over the pages (default 2)")
    parser.add_argument("--check", action="store_true", help="compare every page's JSON instead of timing")
    args = parser.parse_args(argv)
    sets = load_sets(list(ALL_SETS), None if args.check else args.pages)
    pages = [(f"{name}/{page_id}", data) for name, items in sets.items() for page_id, data, _ in items]
    with tempfile.TemporaryDirectory(prefix="articlekit-mypyc-") as folder:
        build(Path(folder))
        sys.path.insert(0, folder)
        importlib.invalidate_caches()
        before, now = Code("articlekit"), Code(PACKAGE)
        if args.check:
            differ = sum(article_json(before, n, d) != article_json(now, n, d) for n, d in pages)
            print(f"{len(pages)} pages, {differ} differ")
            return 1 if differ else 0
        for name, data in pages[:20]:  # warm up
            before.parse(name, data)
            now.parse(name, data)
        before.spent.clear()
        now.spent.clear()
        for round_ in range(args.rounds):
            for index, (name, data) in enumerate(pages):
                for code in (before, now) if (index + round_) % 2 == 0 else (now, before):
                    code.parse(name, data)
    old, new = before.spent["parse"], now.spent["parse"]
    print(f"{len(pages)} pages x {args.rounds} rounds, CPU seconds of the parse, alternating page by page:")
    print(f"  interpreted {old:.2f}, compiled {new:.2f}: {new / old:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
