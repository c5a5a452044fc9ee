"""The module layout the architecture page describes: ``formats/`` holds plugins and their
private parts only, shared helpers live in ``articlekit.common``, and no built-in plugin
imports another (checked by parsing the imports, not by running them)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
import warnings
from pathlib import Path

import pytest

import articlekit
import articlekit.formats
from articlekit._moved import MOVED
from articlekit.plugins import BUILTIN_PLUGINS

SRC = Path(articlekit.__file__).resolve().parent


def _modules(package: str) -> list[str]:
    """Every module and package below ``package`` (by walking the files, importing nothing)."""
    root = SRC.joinpath(*package.split(".")[1:])
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append(".".join(["articlekit", *parts]))
    return found


def _plugin_modules() -> set[str]:
    return set(BUILTIN_PLUGINS.values())


def _unit(module: str) -> str:
    """The plugin a module belongs to: ``articlekit.formats.X`` for everything in a format's
    package or module, ``articlekit.enrich.X`` likewise; the module itself otherwise."""
    parts = module.split(".")
    if parts[:2] == ["articlekit", "formats"] and len(parts) > 2:
        return ".".join(parts[:3])
    if parts[:2] == ["articlekit", "enrich"] and len(parts) > 2:
        return ".".join(parts[:3])
    return module


def test_every_module_under_formats_is_a_builtin_plugin_or_a_private_part_of_one() -> None:
    plugins = _plugin_modules()
    units_with_a_plugin = {_unit(m) for m in plugins}
    strays = []
    for module in _modules("articlekit.formats"):
        if module == "articlekit.formats" or module in plugins:
            continue
        if "." in module.removeprefix("articlekit.formats.") and _unit(module) in units_with_a_plugin:
            continue  # a module of a format's package that holds a plugin
        if module in units_with_a_plugin and SRC.joinpath(*module.split(".")[1:], "__init__.py").exists():
            continue  # a format's package itself
        strays.append(module)
    assert strays == [], f"modules under formats/ that are no plugin nor part of one: {strays}"


def test_every_builtin_plugin_module_imports_and_registers_a_hook() -> None:
    for name, module_name in BUILTIN_PLUGINS.items():
        module = importlib.import_module(module_name)
        hooks = [n for n in dir(module) if n.startswith("articlekit_") and callable(getattr(module, n))]
        assert hooks, f"plugin {name} ({module_name}) implements no hook"


def _imports(module: str) -> set[str]:
    """The articlekit modules ``module`` imports, at any depth of its code."""
    parts = module.split(".")[1:]
    path = SRC.joinpath(*parts).with_suffix(".py")
    if not path.exists():
        path = SRC.joinpath(*parts, "__init__.py")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("articlekit"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("articlekit"):
            found.add(node.module)
            # ``from articlekit.formats import json``: a module imported by name
            found.update(f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in ALL_MODULES)
    return found


ALL_MODULES = set(_modules("articlekit"))


def test_no_format_plugin_imports_another_plugin() -> None:
    plugin_units = {_unit(m) for m in _plugin_modules()}
    crossings = []
    for module in _modules("articlekit.formats"):
        own = _unit(module)
        for imported in sorted(_imports(module)):
            other = _unit(imported)
            if other != own and other in plugin_units:
                crossings.append(f"{module} imports {imported}")
    assert crossings == [], "plugins importing another plugin (move the shared code to articlekit.common):\n" + (
        "\n".join(crossings)
    )


def test_the_shared_helpers_import_no_plugin() -> None:
    plugin_units = {_unit(m) for m in _plugin_modules()}
    crossings = [
        f"{module} imports {imported}"
        for module in _modules("articlekit.common")
        for imported in sorted(_imports(module))
        if _unit(imported) in plugin_units
    ]
    assert crossings == []


@pytest.mark.parametrize("old", sorted(MOVED))
def test_a_moved_module_keeps_its_old_path_with_a_deprecation_warning(old: str) -> None:
    sys.modules.pop(old, None)  # the alias only: an earlier test may have imported the old path
    with pytest.warns(DeprecationWarning, match=f"{old} moved to {MOVED[old]}"):
        module = importlib.import_module(old)
    assert module is importlib.import_module(MOVED[old])


def test_the_documented_public_paths_still_import() -> None:
    # none of these is a deprecated path; html, markdown and text became packages that re-export
    # the public functions their modules had
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from articlekit.common.dates import resolve_day
        from articlekit.common.htmlbody import convert_element, convert_html
        from articlekit.formats.articlekit_xml import NAMESPACE, xml_schema
        from articlekit.formats.html import decode_page, is_boilerplate, parse_html, sniff_html
        from articlekit.formats.html.body import walk_page
        from articlekit.formats.markdown import dumps_markdown, escape_destination, escape_text, unescape
        from articlekit.formats.newsml.g2 import SkippedItemWarning
        from articlekit.formats.text import locate_blocks, parse_text, read_text
    assert all(callable(f) for f in (decode_page, is_boilerplate, parse_html, sniff_html))
    assert all(callable(f) for f in (dumps_markdown, escape_destination, escape_text, unescape))
    assert all(callable(f) for f in (resolve_day, convert_element, convert_html, xml_schema, walk_page, locate_blocks))
    assert NAMESPACE and issubclass(SkippedItemWarning, Warning) and callable(parse_text) and callable(read_text)


def test_formats_package_lists_no_module_walk_surprises() -> None:
    """pkgutil sees the same modules as the file walk (no namespace-package gaps)."""
    walked = {m.name for m in pkgutil.walk_packages(articlekit.formats.__path__, "articlekit.formats.")}
    assert walked == set(_modules("articlekit.formats")) - {"articlekit.formats"}


def test_the_architecture_page_names_every_module() -> None:
    """docs/architecture.md's module tables match the tree: every module is named, by its path
    (``common/names.py``), its package (``report/``) or, inside a format's package, its file name
    in that package's row."""
    page = (SRC.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        parts = rel.split("/")
        named = (
            f"`{rel}`" in page
            or (rel == "__init__.py" and "`articlekit/__init__.py`" in page)
            or any(f"`{'/'.join(parts[:n])}/`" in page for n in range(1, len(parts)))
            or (len(parts) == 3 and parts[0] == "formats" and f"`{parts[2]}`" in page)
        )
        if not named:
            missing.append(rel)
    assert missing == [], f"modules docs/architecture.md does not name: {missing}"
