"""The Python API as a user meets it (issue 17): ``dumps`` typed by format, ``help()`` readable,
and every Python snippet in the README and the docs passing ``mypy --strict``."""

from __future__ import annotations

import ast
import pydoc
import re
import subprocess
import sys
import typing
from pathlib import Path

import attrs
import pytest

import articlekit
from articlekit.api import TextFormat

ROOT = Path(__file__).resolve().parent.parent

# -- dumps -------------------------------------------------------------------------------------


def test_dumps_is_typed_str_for_exactly_the_built_in_writers() -> None:
    built_in = {
        name
        for name, provided in articlekit.get_registry().writers.items()
        if (provided.distribution or "").endswith("(built-in)")
    }
    assert set(typing.get_args(TextFormat)) == built_in
    article = articlekit.Article(headline="H", body=(articlekit.Paragraph("Text."),))
    for name in sorted(built_in):
        assert isinstance(articlekit.dumps(article, name), str), name


# -- help() --------------------------------------------------------------------------------------


def _help(obj: object) -> str:
    return pydoc.render_doc(obj, renderer=pydoc.plaintext)


@pytest.mark.parametrize("name", ["parse", "parse_all", "convert", "dumps", "register_plugin", "ParseError"])
def test_help_shows_no_cross_reference_syntax(name: str) -> None:
    text = _help(getattr(articlekit, name))
    assert not re.search(r"\]\[[\w.]+\]", text), text


@pytest.mark.parametrize("cls", [articlekit.Article, articlekit.Contributor, articlekit.Quote, articlekit.Media])
def test_help_of_a_model_class_describes_every_field(cls: type) -> None:
    text = _help(cls)
    assert "Fields:" in text
    for field in attrs.fields(cls):
        assert re.search(rf"^\s*\|?\s*{field.name}: \S", text, re.M), field.name
    if cls is articlekit.Article:
        assert "quotes: Every quote, in the order they start." in text


# -- the snippets in the docs type-check --------------------------------------------------------

_BLOCK = re.compile(r"(<!-- (?:file|excerpt): \S+ -->\n)?^```python\n(.*?)^```", re.S | re.M)
_SIGNATURE = re.compile(r"@hookimpl\ndef [^\n]*:\n")
PRELUDE = """\
# names the docs' snippets use without defining them: an article at hand, an input's bytes
from pathlib import Path
import articlekit
article: articlekit.Article = articlekit.Article()
data: bytes = b""
"""


def snippets() -> list[tuple[str, str]]:
    """``(where, code)`` for every Python block in README.md and docs/: not the quotes of the
    example plugin's files (``<!-- file: -->``, ``<!-- excerpt: -->``, checked against the
    files by tests/test_plugin_docs.py) nor a hook's bare signature."""
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for match in _BLOCK.finditer(text):
            quoted, code = match.groups()
            if quoted or _SIGNATURE.fullmatch(code):
                continue
            line = text.count("\n", 0, match.start(2)) + 1
            found.append((f"{page.relative_to(ROOT)}:{line}", code))
    return found


TYPED = {"articlekit", "attrs", "cattrs", "lxml", "yaml"}
"""Libraries whose types the snippets are checked against: articlekit and its dependencies."""


def _optional_libraries(codes: list[str]) -> list[str]:
    """The other third-party libraries the snippets import (optional extras such as pandas or
    dask): mypy takes them as untyped, so that only the use of articlekit is judged."""
    found = set()
    for code in codes:
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return sorted(found - TYPED - set(sys.stdlib_module_names))


def test_every_python_snippet_in_the_readme_and_docs_passes_mypy_strict(tmp_path: Path) -> None:
    found = snippets()
    assert len(found) >= 15
    names = {}
    for number, (where, code) in enumerate(found):
        module = tmp_path / f"snippet_{number:03d}.py"
        module.write_text(PRELUDE + code, encoding="utf-8")
        names[module.name] = where
    optional = _optional_libraries([code for _where, code in found])
    config = "[mypy]\nstrict = True\n" + "".join(
        f"\n[mypy-{name}.*,{name}]\nfollow_imports = skip\nignore_missing_imports = True\n" for name in optional
    )
    (tmp_path / "mypy.ini").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            "mypy.ini",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / ".cache"),
            ".",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    shift = PRELUDE.count("\n")

    def located(line: str) -> str:
        # "snippet_003.py:7: error: ..." -> "docs/quotes.md:24: error: ..."
        match = re.match(r"(snippet_\d+\.py):(\d+):(.*)", line)
        if not match:
            return line
        page, start = names[match.group(1)].rsplit(":", 1)
        return f"{page}:{int(start) + int(match.group(2)) - shift - 1}:{match.group(3)}"

    errors = [located(line) for line in result.stdout.splitlines() if line.strip()]
    assert result.returncode == 0 and not errors, "\n".join(errors) + result.stderr
