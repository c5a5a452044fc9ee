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
import threading
import typing
import warnings
from collections.abc import Callable, Mapping
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
    check = _CHECKS.get(kind)
    if check is not None:
        return check(value)
    if attrs.has(kind):
        return _check_of(kind)(value)
    found: list[str] = []  # anything else (floats, mappings, subclasses): the full walk says
    _repaired(value, "", found)
    return bool(found)


_CHECKS: dict[type, Callable[[Any], bool]] = {}
"""``_suspect`` for the instances of an attrs class, generated at its first use (see ``_make_check``)."""
_LOCK = threading.RLock()
_MAKING: set[type] = set()
"""The classes whose checks are being made (under ``_LOCK``)."""


def _make_check(cls: type) -> Callable[[Any], bool]:
    """``_suspect`` for an instance of attrs class ``cls``: the same tests, field by field, in
    code generated for its fields' declared types (a field's text tested where it stands, a
    tuple's items in a loop, an attrs class's fields by its own check, without the calls and
    dispatch of the walk); any value of another type than declared goes to ``_suspect``."""
    names = _field_names(cls)
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # annotations that do not resolve: every field goes to the walk
        hints = {}
    scope: dict[str, Any] = {"_is": type, "_str": str, "_int": int, "_tuple": tuple, "_search": _SURROGATES.search}
    scope["_sus"] = _suspect

    def classes(kind: Any) -> str | None:
        """The name of a dict from the attrs classes ``kind`` names to their checks, or None."""
        found = [k for k in (kind, *typing.get_args(kind)) if isinstance(k, type) and attrs.has(k)]
        if not found:
            return None
        name = f"_d{len(scope)}"
        # (a class whose check is being made, as one holding itself: the walk, which finds the
        # check once it is made)
        scope[name] = {k: _suspect if k in _MAKING else _CHECKS.get(k) or _check_of(k) for k in found}
        return name

    def tests(var: str, kind: Any, indent: str) -> list[str]:
        lines = [
            f"if _is({var}) is _str:",
            f"    if not {var}.isascii() and _search({var}) is not None:",
            "        return True",
        ]
        args = typing.get_args(kind)
        if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = f"e{len(indent)}"
            lines += [f"elif _is({var}) is _tuple:", f"    for {item} in {var}:"]
            lines += [f"        {line}" for line in tests(item, args[0], indent + "        ")]
        checks = classes(kind)
        if checks is not None:
            lines += [f"elif _is({var}) in {checks}:", f"    if {checks}[_is({var})]({var}):", "        return True"]
        lines += [f"elif {var} is not None and _is({var}) is not _int and _sus({var}):", "    return True"]
        return lines

    lines = ["def check(o):"]
    for name in names:
        lines += [f"    x = o.{name}", *(f"    {line}" for line in tests("x", hints.get(name, Any), ""))]
    lines.append("    return False")
    exec(compile("\n".join(lines), f"<articlekit repair check {cls.__qualname__}>", "exec"), scope)
    check: Callable[[Any], bool] = scope["check"]
    return check


def _check_of(cls: type) -> Callable[[Any], bool]:
    """``_suspect`` for an instance of attrs class ``cls``, made at its first use (one thread at
    a time: another waits for it) and kept."""
    with _LOCK:
        check = _CHECKS.get(cls)
        if check is None:
            _MAKING.add(cls)
            try:
                check = _make_check(cls)
            finally:
                _MAKING.discard(cls)
            _CHECKS[cls] = check
        return check


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
