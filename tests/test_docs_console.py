"""The console examples in the README and the docs print what they say (issue 17).

Every ``$ articlekit ...`` line of a ``console`` block that shows its output, and whose inputs
are in the repository (the seeds, the example plugin's files), is run in the repository's root
and its output compared with the page's, line by line. A line ``...`` in the page stands for
any number of lines. Commands shown without output, or on files a reader would have (a
``story.xml``), are illustrations and are not run.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.cli import main

ROOT = Path(__file__).resolve().parent.parent
_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


def examples() -> list[tuple[str, str, list[str]]]:
    """``(page:line, command, expected output lines)`` for the examples that can be run."""
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for block in _CONSOLE.finditer(text):
            first = text.count("\n", 0, block.start(1)) + 1
            lines = block.group(1).splitlines()
            for number, line in enumerate(lines):
                if not line.startswith("$ articlekit "):
                    continue
                output = []
                for following in lines[number + 1 :]:
                    if following.startswith("$ "):
                        break
                    output.append(following)
                command = line[2:].split("  #", 1)[0].strip()
                arguments = shlex.split(command)[2:]
                files = [a for a in arguments if not a.startswith("-") and ("/" in a or "." in a)]
                if output and files and all((ROOT / f).exists() for f in files):
                    found.append((f"{page.relative_to(ROOT)}:{first + number}", command, output))
    return found


def matches(expected: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is ``expected``, a line ``...`` standing for any number of lines."""
    if not expected:
        return not printed
    if expected[0].strip() == "...":
        return any(matches(expected[1:], printed[skip:]) for skip in range(len(printed) + 1))
    return bool(printed) and printed[0].rstrip() == expected[0].rstrip() and matches(expected[1:], printed[1:])


def test_there_are_examples_to_run() -> None:
    commands = {command.split()[1] for _where, command, _output in examples()}
    assert {"quotes", "inspect"} <= commands


@pytest.mark.parametrize(("where", "command", "expected"), examples(), ids=lambda v: str(v)[:40])
def test_a_console_example_prints_what_the_page_says(
    where: str,
    command: str,
    expected: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")  # the width the pages' tables are shown at
    main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    printed = (out + err).splitlines()
    assert matches(expected, printed), f"{where}: $ {command}\nprinted:\n" + "\n".join(printed)


def test_bench_help_lists_every_benchmark() -> None:
    """``python bench/run.py --help`` shows every sub-command, not the first one's help."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stderr
    spec = importlib.util.spec_from_file_location("bench_run_help", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    listed = [
        line.split()[0] for line in done.stdout.split("benchmarks:\n", 1)[1].splitlines() if line.startswith("  ")
    ]
    assert listed == list(module.BENCHMARKS)
    assert "NAME --help" in done.stdout
