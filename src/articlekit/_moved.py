"""The import paths of modules that moved, kept working with a ``DeprecationWarning``.

``import articlekit.webbody`` (an old path) gives the module now at
``articlekit.formats.html.body``: one table, [`MOVED`][articlekit._moved.MOVED], and no stub file
at any old path. Importing this module (``articlekit`` does, and importing any ``articlekit.…``
path imports ``articlekit`` first) installs the finder.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

__all__ = ["MOVED"]

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
    "articlekit.formats.nitf_reader": "articlekit.common.nitf",
    "articlekit.formats.nitf_writer": "articlekit.formats.nitf.writer",
    "articlekit.formats.ninjs_reader": "articlekit.formats.ninjs.reader",
    "articlekit.formats.ninjs_writer": "articlekit.formats.ninjs.writer",
    "articlekit.formats.newsml_g2": "articlekit.formats.newsml.g2",
    "articlekit.formats.newsml1": "articlekit.formats.newsml.v1",
}
"""Old module path -> the module's path now (the changelog lists them)."""


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
