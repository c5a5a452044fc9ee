"""The plugin guide cannot drift: every hook's exact signature, every spec field, and every piece
of the example plugin it quotes are checked against the code."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from articlekit import EnricherSpec, ParserSpec, WriterSpec, hookspecs

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "plugins.md"
QUOTED = re.compile(r"<!-- (file|excerpt): (\S+) -->\n```[a-z]*\n(.*?)```\n", re.S)


def _hookspecs() -> dict[str, Callable[..., Any]]:
    return {
        name: function
        for name, function in vars(hookspecs).items()
        if callable(function) and hasattr(function, "articlekit_spec")
    }


def _signature(function: Callable[..., Any]) -> str:
    """``def name(arg: type, ...) -> type``, as written in hookspecs.py."""
    signature = inspect.signature(function)  # annotations stay strings: hookspecs uses postponed evaluation
    params = ", ".join(f"{p.name}: {p.annotation}" for p in signature.parameters.values())
    return f"def {function.__name__}({params}) -> {signature.return_annotation}:"


def test_there_are_hooks_to_document() -> None:
    assert set(_hookspecs()) >= {"articlekit_parsers", "articlekit_writers", "articlekit_detect_format"}


@pytest.mark.parametrize("name", sorted(_hookspecs()))
def test_every_hook_has_its_exact_signature_and_a_section_in_the_guide(name: str) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    function = _hookspecs()[name]
    assert f"\n### {name}\n" in guide, f"docs/plugins.md has no '### {name}' section"
    section = guide.split(f"\n### {name}\n", 1)[1].split("\n### ", 1)[0]
    assert f"@hookimpl\n{_signature(function)}\n" in section, (
        f"the signature of {name} in docs/plugins.md is not {_signature(function)!r}"
    )
    for parameter in inspect.signature(function).parameters:
        assert f"`{parameter}`" in section, f"parameter {parameter!r} of {name} is not described"
    assert "**Returns:**" in section and "**Called:**" in section and "**Arguments:**" in section
    assert "Example:" in section
    if function.articlekit_spec.get("firstresult"):  # type: ignore[attr-defined]
        assert "firstresult" in section, f"{name} is firstresult: the guide must say the first answer wins"


def test_the_guide_names_no_hook_that_does_not_exist() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    defined = set(re.findall(r"\bdef (articlekit_\w+)\(", guide))
    assert defined == set(_hookspecs()), defined ^ set(_hookspecs())


@pytest.mark.parametrize("spec", [ParserSpec, WriterSpec, EnricherSpec], ids=lambda s: s.__name__)
def test_every_spec_field_is_in_the_guide(spec: type) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    table = guide.split(f"\n#### {spec.__name__}\n", 1)[1].split("\n### ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, re.M)
    assert documented == [f.name for f in attrs.fields(spec)]


def test_what_the_guide_quotes_from_the_example_plugin_is_in_the_plugin() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    quoted = QUOTED.findall(guide)
    assert len(quoted) >= 8
    for kind, path, text in quoted:
        source = (ROOT / path).read_text(encoding="utf-8")
        if kind == "file":
            assert text == source, f"docs/plugins.md quotes {path} as it no longer is"
        else:
            assert text in source, f"docs/plugins.md quotes lines that are not in {path}:\n{text}"
    # every hook the example implements is shown
    module = (ROOT / "plugins/articlekit-example/src/articlekit_example/__init__.py").read_text(encoding="utf-8")
    shown = "".join(text for _kind, _path, text in quoted)
    for hook in re.findall(r"@hookimpl\ndef (\w+)", module):
        assert f"def {hook}(" in shown
