"""Text and numbers no writer can encode, repaired at the door.

A lone surrogate (``"\\ud83d"``, half of an emoji cut off by a truncating tool) is a valid
escape in JSON and YAML, so JSON, ninjs, JSON Feed, JSON-LD and front matter readers accept
it, but no UTF-8 output can hold it. Every article the pipeline gives, once parsed and enriched,
passes through [`repair_article`][articlekit.repair.repair_article] (built-in and plugin
parsers and enrichers alike), which replaces each lone surrogate by U+FFFD, one code point for
one, so every span and offset stays valid, and warns, naming the input and the fields. In the
same pass, a number JSON cannot hold (``NaN``, ``Infinity``, which Python's JSON reader and
YAML's ``.nan`` accept) becomes null, with a warning too: no writer ever writes ``NaN`` into
JSON.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

import attrs

__all__ = ["RepairedTextWarning", "repair_article", "repair_text", "unencodable"]

_SURROGATES = re.compile("[\ud800-\udfff]")
_SHOWN_FIELDS = 3

T = TypeVar("T")


class RepairedTextWarning(UserWarning):
    """An input held text no output can encode (a lone surrogate), replaced by U+FFFD, or a
    number JSON cannot hold (NaN, Infinity), replaced by null."""


def unencodable(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, which no UTF-8 output can hold."""
    return not text.isascii() and _SURROGATES.search(text) is not None


def repair_text(text: str, name: str | None = None) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (the same length); with ``name``
    (the input's), a [`RepairedTextWarning`][articlekit.repair.RepairedTextWarning] says so."""
    if not unencodable(text):
        return text
    if name is not None:
        _warn(f"{name}: a lone surrogate ({_WHAT}), which no output can encode, replaced by U+FFFD")
    return _SURROGATES.sub("\ufffd", text)


_WHAT = "half of a character, such as a cut-off emoji"


def _warn(message: str) -> None:
    warnings.warn(message, RepairedTextWarning, stacklevel=3)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls) if field.init)
    return names


def _repaired(value: Any, where: str, found: list[str]) -> Any:
    """``value`` with its text repaired (the very object when nothing changed); the path of
    every repaired field is added to ``found``."""
    if isinstance(value, str):
        if unencodable(value):
            found.append(where)
            return _SURROGATES.sub("\ufffd", value)
        return value
    if isinstance(value, float) and not math.isfinite(value):
        found.append(f"{where} ({value})")
        return None
    if isinstance(value, tuple):
        items = [_repaired(item, f"{where}[{index}]", found) for index, item in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else tuple(items)
    if isinstance(value, list):
        items = [_repaired(item, f"{where}[{index}]", found) for index, item in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, Mapping):
        pairs = [
            (_repaired(key, f"{where}.<key>", found), _repaired(item, f"{where}.{repair_text(str(key))}", found))
            for key, item in value.items()
        ]
        if all(k is key and v is item for (k, v), (key, item) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)
    if attrs.has(type(value)):
        changes = {}
        for name in _field_names(type(value)):
            old = getattr(value, name)
            new = _repaired(old, f"{where}.{name}" if where else name, found)
            if new is not old:
                changes[name] = new
        return attrs.evolve(value, **changes) if changes else value
    return value


_CLEAN_LEAVES = frozenset({int, bool, type(None), datetime, date, time, timedelta})


def _suspect(value: Any) -> bool:
    """Whether ``_repaired`` would change anything in ``value``: the same walk without the
    paths and copies, so that a clean article (nearly every one) costs one quick pass."""
    kind = type(value)
    if kind is str:
        return not value.isascii() and _SURROGATES.search(value) is not None
    if kind in _CLEAN_LEAVES:
        return False
    if kind is tuple or kind is list:
        for item in value:
            if type(item) is str:  # (inline: most items are)
                if not item.isascii() and _SURROGATES.search(item) is not None:
                    return True
            elif _suspect(item):
                return True
        return False
    names = _FIELD_NAMES.get(kind)
    if names is None and attrs.has(kind):
        names = _field_names(kind)
    if names is not None:
        for name in names:
            item = getattr(value, name)
            if type(item) is str:
                if not item.isascii() and _SURROGATES.search(item) is not None:
                    return True
            elif item is not None and _suspect(item):
                return True
        return False
    found: list[str] = []  # anything else (floats, mappings, subclasses): the full walk says
    _repaired(value, "", found)
    return bool(found)


def repair_article(article: T, name: str) -> T:
    """``article`` (any attrs model object) with every lone surrogate replaced by U+FFFD and
    every NaN or infinite number by None; a
    [`RepairedTextWarning`][articlekit.repair.RepairedTextWarning] names ``name`` (the input)
    and the fields repaired. The very object comes back when there is nothing to repair."""
    if not _suspect(article):
        return article
    found: list[str] = []
    repaired = _repaired(article, "", found)
    numbers = [where for where in found if where.endswith(")")]
    texts = [where for where in found if not where.endswith(")")]
    if texts:
        _warn(f"{name}: a lone surrogate ({_WHAT}), which no output can encode, replaced by U+FFFD in {_shown(texts)}")
    if numbers:
        _warn(f"{name}: a number JSON cannot hold replaced by null in {_shown(numbers)}")
    return repaired  # type: ignore[no-any-return]


def _shown(fields: list[str]) -> str:
    more = len(fields) - _SHOWN_FIELDS
    return ", ".join(fields[:_SHOWN_FIELDS]) + (f" and {more} more" if more > 0 else "")
