"""The plugin guide works as written: plugins/articlekit-example is installed with pip, beside
articlekit, into a new virtual environment, and the guide's commands and code run there.

Offline and fast: the new environment borrows this one's installed packages (articlekit's
dependencies, pip and hatchling, which the ``test`` extra installs) through a .pth file, and
pip installs articlekit and the example with ``--no-index --no-deps --no-build-isolation``,
so nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sysconfig
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plugins" / "articlekit-example"
GUIDE = ROOT / "docs" / "plugins.md"
RUN_BLOCK = re.compile(r"<!-- run -->\n```sh\n(.*?)```\n", re.S)
PYTHON_BLOCK = re.compile(r"\n```python\n(.*?)```\n", re.S)

pytestmark = pytest.mark.slow


class Env:
    """A virtual environment with articlekit and the example plugin installed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.bin = root / ("Scripts" if os.name == "nt" else "bin")
        self.python = self.bin / ("python.exe" if os.name == "nt" else "python")

    def environ(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD")}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(self.root)
        return env

    def run(self, *args: str | Path, input: str | None = None, shell: bool = False) -> subprocess.CompletedProcess[str]:
        command: str | list[str] = args[0] if shell else [str(a) for a in args]  # type: ignore[assignment]
        return subprocess.run(
            command,
            cwd=ROOT,
            env=self.environ(),
            input=input,
            capture_output=True,
            text=True,
            timeout=120,
            shell=shell,
            executable="/bin/bash" if shell else None,
        )

    def pip_install(self, path: Path) -> None:
        done = self.run(
            self.python,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--no-index",
            "--no-deps",
            "--no-build-isolation",
            path,
        )
        assert done.returncode == 0, f"pip install {path} failed:\n{done.stdout}\n{done.stderr}"


def _borrow_packages(env: Env) -> None:
    """Let the new environment import what this one has installed (it has no pip of its own)."""
    done = env.run(env.python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    site_packages = Path(done.stdout.strip())
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    # addsitedir, not a bare path: editable installs here are .pth files that must be read too
    lines = [f"import site; site.addsitedir({path!r})" for path in ours]
    (site_packages / "_borrowed_from_test_env.pth").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    pytest.importorskip("hatchling", reason="the build backend comes with the test extra: pip install -e '.[test]'")
    created = Env(tmp_path_factory.mktemp("example-venv") / "venv")
    venv.EnvBuilder(with_pip=False).create(created.root)
    _borrow_packages(created)
    created.pip_install(ROOT)  # "pip install ./plugins/articlekit-example plus the core"
    created.pip_install(EXAMPLE)
    yield created


def test_the_new_environment_runs_its_own_articlekit(env: Env) -> None:
    done = env.run(env.python, "-c", "import articlekit, articlekit_example, sys; print(articlekit_example.__file__)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(str(env.root)), "the example must come from the new environment, not this one"
    assert (env.bin / "articlekit").exists() or (env.bin / "articlekit.exe").exists()


def test_articlekit_formats_lists_the_example_and_its_distribution(env: Env) -> None:
    done = env.run("articlekit", "formats")
    assert done.returncode == 0, done.stderr
    rows = [line.split()[:5] for line in done.stdout.splitlines()]
    assert ["parser", "memo", "memo", "articlekit-example", "0.1.0"] in rows
    assert ["writer", "memo", "memo", "articlekit-example", "0.1.0"] in rows
    assert ["enricher", "reading-time", "memo", "articlekit-example", "0.1.0"] in rows


def _run_blocks() -> list[tuple[str, str]]:
    """``(command, expected output)`` for every ``$ command`` in the guide's run blocks."""
    found = []
    for block in RUN_BLOCK.findall(GUIDE.read_text(encoding="utf-8")):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((command, output))
    return found


def test_the_guide_has_commands_to_run() -> None:
    assert len(_run_blocks()) >= 2


@pytest.mark.parametrize(("command", "expected"), _run_blocks(), ids=lambda v: shlex.split(v)[-1][:30])
def test_the_guides_commands_print_what_it_says(env: Env, command: str, expected: str) -> None:
    done = env.run(f"{command} 2>&1", shell=True)
    assert done.stdout == expected, f"$ {command}\nprinted:\n{done.stdout}\nthe guide says:\n{expected}"


def test_the_guides_python_runs(env: Env) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    snippets = [s for s in PYTHON_BLOCK.findall(guide) if s.startswith(("import", "from")) and "articlekit." in s]
    assert len(snippets) >= 2
    for snippet in snippets:
        done = env.run(env.python, "-c", snippet)
        assert done.returncode == 0, f"the guide's snippet failed:\n{snippet}\n{done.stderr}"
    assert (
        "Council approves the 2027 budget 1\nHeadline: Council approves"
        in env.run(env.python, "-c", snippets[0]).stdout
    )


def test_the_example_plugins_own_tests_pass_where_it_is_installed(env: Env) -> None:
    done = env.run(env.python, "-m", "pytest", "-q", "-p", "no:cacheprovider", EXAMPLE / "tests")
    assert done.returncode == 0, done.stdout + done.stderr
    tests = (EXAMPLE / "tests" / "test_memo.py").read_text(encoding="utf-8").count("\ndef test_")
    assert re.search(rf"\b{tests} passed\b", done.stdout)
