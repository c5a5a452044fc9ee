"""The import paths of modules that moved, kept working with a ``DeprecationWarning``.

``import articlekit.webbody`` (an old path) gives the module now at
``articlekit.formats.html.body``: one table, [`MOVED`][articlekit._moved.MOVED], and no stub file
at any old path. Importing this module (``articlekit`` does, and importing any ``articlekit.…``
path imports ``articlekit`` first) installs the finder.

Names that left a module for another (``articlekit.converter.parse_datetime`` is now
``articlekit.common.dates.parse_iso_datetime``) are kept by the second table,
[`MOVED_NAMES`][articlekit._moved.MOVED_NAMES]: the module they left has a module-level
``__getattr__`` that calls [`moved_name`][articlekit._moved.moved_name], which warns and returns
the object from its new home.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

__all__ = ["MOVED", "MOVED_NAMES", "moved_name"]

MOVED: dict[str, str] = {
    "articlekit.dates": "articlekit.common.dates",
    "articlekit.htmlbody": "articlekit.common.htmlbody",
    "articlekit.xmlsafe": "articlekit.common.xmlsafe",
    "articlekit.formats.industry_common": "articlekit.common.industry",
    "articlekit.formats.rendering": "articlekit.common.rendering",
    "articlekit.formats.text_rules": "articlekit.formats.text.rules",
    "articlekit.webbody": "articlekit.formats.html.body",
    "articlekit.formats.html_meta": "articlekit.formats.html.meta",
    "articlekit.formats.text_exports": "articlekit.formats.text.exports",
    "articlekit.formats.wire": "articlekit.formats.text.wire",
    "articlekit.formats.nitf_reader": "articlekit.formats.nitf.reader",
    "articlekit.formats.nitf_writer": "articlekit.formats.nitf.writer",
    "articlekit.formats.ninjs_reader": "articlekit.formats.ninjs.reader",
    "articlekit.formats.ninjs_writer": "articlekit.formats.ninjs.writer",
    "articlekit.formats.newsml_g2": "articlekit.formats.newsml.g2",
    "articlekit.formats.newsml1": "articlekit.formats.newsml.v1",
}
"""Old module path -> the module's path now (the changelog lists them)."""

MOVED_NAMES: dict[str, dict[str, str]] = {
    "articlekit.converter": {"parse_datetime": "articlekit.common.dates:parse_iso_datetime"},
    "articlekit.formats.html": {
        "BASE_URL": "articlekit.formats.html.parser",
        "PROVENANCE": "articlekit.common.fields",
        "articlekit_parsers": "articlekit.formats.html.plugin",
        "name_marks": "articlekit.formats.html.body",
    },
    "articlekit.formats.industry_common": {
        "PROVENANCE": "articlekit.common.fields",
        "T": "articlekit.common.fields",
        "clean_byline": "articlekit.common.bylines",
        "first_of": "articlekit.common.fields",
        "parse_date": "articlekit.common.dates:parse_timestamp",
        "split_byline": "articlekit.common.bylines",
    },
    "articlekit.formats.json": {"read_integer": "articlekit.common.articlejson"},
    "articlekit.formats.markdown": {
        "BREAK": "articlekit.formats.markdown.syntax",
        "ForeignBodyReader": "articlekit.formats.markdown.foreign",
        "MarkdownBodyReader": "articlekit.formats.markdown.reader",
        "MarkdownBodyRenderer": "articlekit.formats.markdown.writer",
        "MarkdownWriter": "articlekit.formats.markdown.writer",
        "dump_front_matter": "articlekit.formats.markdown.writer",
        "foreign_article": "articlekit.formats.markdown.foreign",
        "front_matter": "articlekit.formats.markdown.writer",
        "marked_up": "articlekit.formats.markdown.syntax",
        "read_marked": "articlekit.formats.markdown.reader",
    },
    "articlekit.formats.nitf_reader": {
        "NITF_NAMESPACE": "articlekit.common.nitf",
        "NitfBody": "articlekit.common.nitf",
        "media_from_nitf": "articlekit.common.nitf",
        "read_nitf_date": "articlekit.common.nitf",
    },
    "articlekit.formats.plaintext": {"plain_blocks": "articlekit.common.plain"},
    "articlekit.formats.text": {
        "CHARSET": "articlekit.formats.text.parser",
        "FORMAT": "articlekit.formats.text.parser",
        "articlekit_parsers": "articlekit.formats.text.parser",
    },
    "articlekit.formats.text_rules": {
        "Dateline": "articlekit.common.bylines",
        "NAME_CONNECTORS": "articlekit.common.names",
        "is_organisation": "articlekit.common.bylines",
    },
}
"""Module path (old, if the module moved) -> the public names it had that now live elsewhere ->
where each lives now: ``"module"`` or ``"module:new_name"`` when the name changed too."""


def moved_name(module: str, name: str) -> object:
    """The object a module-level ``__getattr__`` of ``module`` (its ``__name__``) returns for
    ``name``: the object from its new home, with a ``DeprecationWarning`` naming it; an
    ``AttributeError`` for a name that never moved, as for any missing attribute."""
    old = _OLD_PATHS.get(module, module)
    target = MOVED_NAMES.get(old, {}).get(name)
    if target is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    new_module, _, new_name = target.partition(":")
    new_name = new_name or name
    warnings.warn(
        f"{old}.{name} moved to {new_module}.{new_name}; the old name will be removed in a later release",
        DeprecationWarning,
        stacklevel=3,
    )
    return getattr(importlib.import_module(new_module), new_name)


_OLD_PATHS = {new: old for old, new in MOVED.items()}


class _Alias(importlib.abc.Loader):
    """Loads an old path as the module at its new path: the same module object, not a copy."""

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None  # a blank module, replaced in sys.modules by exec_module

    def exec_module(self, module: ModuleType) -> None:
        warnings.warn(
            f"{self.old} moved to {self.new}; the old path will be removed in a later release",
            DeprecationWarning,
            stacklevel=2,
        )
        # The import system returns whatever sys.modules holds under the name after exec_module.
        sys.modules[self.old] = importlib.import_module(self.new)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        new = MOVED.get(fullname)
        if new is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _Alias(fullname, new))


if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
    sys.meta_path.insert(0, _Finder())
