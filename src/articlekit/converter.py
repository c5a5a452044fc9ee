"""Conversion between the model and plain JSON-compatible data: the one place that knows how
articlekit's JSON looks. Other formats build on it (articlekit XML, JSON Lines).
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import cattrs
from cattrs.fns import identity

from articlekit import model
from articlekit._moved import moved_name
from articlekit.common.dates import parse_iso_datetime
from articlekit.model import Article

__all__ = [
    "BLOCK_TAGS",
    "SCHEMA_VERSION",
    "article_from_data",
    "article_to_data",
    "get_converter",
]

SCHEMA_VERSION = "articlekit/1"
"""The value of the top-level ``schema`` key; the number changes only with incompatible changes."""

BLOCK_TAGS: dict[type, str] = {
    model.Paragraph: "paragraph",
    model.Heading: "heading",
    model.BlockQuote: "blockquote",
    model.ListBlock: "list",
    model.Related: "related",
    model.MediaRef: "media",
}
"""The ``type`` of each body block in JSON."""


def _structure_datetime(value: Any, _type: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 date-time string, got {value!r}")
    return parse_iso_datetime(value)


def _structure_date(value: Any, _type: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 date string, got {value!r}")
    return date.fromisoformat(value)


def _structure_mapping(value: Any, _type: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"expected an object, got {value!r}")
    return dict(value)


def _unstructure_isoformat(value: date) -> str:
    """The converter's hook for date-times and dates (which ``articlekit.jsontext`` knows by it)."""
    return value.isoformat()


def _is_extensions_type(cls: Any) -> bool:
    return bool(cls == Mapping[str, Any])


@functools.cache
def get_converter() -> cattrs.Converter:
    """The converter between the model and JSON-compatible data (dicts, lists, strings, numbers).

    Date-times and dates become ISO 8601 strings; body blocks carry a ``type`` key; every field
    is written, ``null`` and ``[]`` included, so consumers can rely on the keys, with two
    exceptions that keep documents without inline markup exactly as they were: a block's
    ``marks`` only where it has marks, and a mark's ``href`` and ``title`` only where set.
    """
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(datetime, _unstructure_isoformat)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(date, _unstructure_isoformat)
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)  # else bool, an int, would take int's
    is_extensions = _is_extensions_type
    conv.register_unstructure_hook_func(is_extensions, lambda m: dict(m))
    conv.register_structure_hook_func(is_extensions, _structure_mapping)
    _configure_blocks(conv)
    conv.register_unstructure_hook_factory(_is_homogeneous_tuple, _unstructure_tuple)
    conv.register_unstructure_hook_factory(_is_optional_plain, lambda _cls: identity)
    return conv


def _is_optional_plain(cls: Any) -> bool:
    """``X | None`` for a type X written as it is (``str``, ``int``): its hook is the identity,
    which the generated hooks then inline, where cattrs' own tests for None first."""
    args = typing.get_args(cls)
    return (
        len(args) == 2
        and type(None) in args
        and all(arg in (str, int, bool, float, type(None)) for arg in args)
        and typing.get_origin(cls) in (typing.Union, types.UnionType)
    )


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _unstructure_tuple(cls: Any, conv: cattrs.Converter) -> Callable[[Any], list[Any]]:
    """``tuple[X, ...]`` as a list, each item by X's hook: what cattrs' own hook gives, with a
    list comprehension instead of a generator (the model's collections are all such tuples)."""
    hook = conv.get_unstructure_hook(typing.get_args(cls)[0])
    if hook is identity:
        return list

    def unstructure_tuple(items: Any, _hook: Callable[[Any], Any] = hook) -> list[Any]:
        return [_hook(item) for item in items]

    return unstructure_tuple


def _structure_int(value: Any, _type: Any) -> int:
    """An integer as JSON writes one (``3``, or ``3.0``), never a string, a truth value or a
    fraction quietly cut to one: an offset of ``0.5`` or ``"7"`` is a mistake to name."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError(f"expected an integer, got {value!r}")


def _structure_bool(value: Any, _type: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {value!r}")


_TAG_CLASSES: dict[str, type] = {tag: cls for cls, tag in BLOCK_TAGS.items()}


def _configure_blocks(conv: cattrs.Converter) -> None:
    """Body blocks are a union told apart by a leading ``type`` key."""

    def unstructure_block(block: Any) -> dict[str, Any]:
        cls = type(block)
        data: dict[str, Any] = {"type": BLOCK_TAGS[cls]}
        # (asked each time, not kept: a hook registered later for a block class is followed)
        data.update(conv.get_unstructure_hook(cls)(block))
        if not data.get("marks", True):
            del data["marks"]  # written only where there are marks: documents without any read as before
        return data

    def unstructure_mark(mark: model.Mark) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": mark.kind, "start": mark.start, "end": mark.end}
        if mark.href is not None:
            data["href"] = mark.href
        if mark.title is not None:
            data["title"] = mark.title
        return data

    def structure_block(value: Any, _type: Any) -> Any:
        if not isinstance(value, Mapping):
            raise ValueError(f"expected a block object, got {value!r}")
        fields = dict(value)
        tag = fields.pop("type", None)
        cls = _TAG_CLASSES.get(tag) if isinstance(tag, str) else None
        if cls is None:
            raise ValueError(f"unknown block type {tag!r}; expected one of {', '.join(_TAG_CLASSES)}")
        return conv.structure(fields, cls)

    conv.register_unstructure_hook(model.Mark, unstructure_mark)
    conv.register_unstructure_hook_func(lambda t: t == model.Block, unstructure_block)
    conv.register_structure_hook_func(lambda t: t == model.Block, structure_block)


def article_to_data(article: Article) -> dict[str, Any]:
    """The article as JSON-compatible data, with the top-level ``schema`` key first."""
    data: dict[str, Any] = {"schema": SCHEMA_VERSION}
    data.update(get_converter().unstructure(article, Article))
    return data


def article_from_data(data: Mapping[str, Any]) -> Article:
    """The article from JSON-compatible data as [`article_to_data`][articlekit.converter.article_to_data]
    writes it. Raises ``ValueError`` (with the path to the bad field) or ``cattrs`` errors on a
    malformed document."""
    fields = dict(data)
    schema = fields.pop("schema", SCHEMA_VERSION)
    if not isinstance(schema, str) or not schema.startswith("articlekit/"):
        raise ValueError(f"not an articlekit document: schema is {schema!r}, expected {SCHEMA_VERSION!r}")
    if schema != SCHEMA_VERSION:
        raise ValueError(f"unsupported articlekit schema {schema!r}; this version reads {SCHEMA_VERSION!r}")
    return get_converter().structure(fields, Article)


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
