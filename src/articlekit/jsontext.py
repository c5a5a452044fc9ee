"""articlekit's JSON as text, written straight from the model: byte for byte what ``json.dumps``
writes of [`article_to_data`][articlekit.converter.article_to_data]'s data, without building
that data first.

The JSON writers' hot path. For each model class whose converter hook cattrs generated (every
field, in order, under its name), a function writing the class's JSON text field by field is
generated once; a body block gets its ``type`` key first and its ``marks`` only where it has
some, as the converter's block hook gives them. Whatever these functions do not know (a hook of
the converter's own, such as a mark's, a field holding a value of another type than declared,
the extensions) goes through the converter's hook and ``json.dumps``, so the text is the same.
Each field is written as its class's hook writes it (the hook it calls for the field, the
converter's for the field's type or one of the class's own), and a hook registered on the
converter after the writers were generated (by a plugin) makes them generated anew.
``tests/test_jsontext.py`` holds the two to each other.
"""

from __future__ import annotations

import json
import linecache
import re
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import attrs
from cattrs.fns import identity

from articlekit import model
from articlekit.converter import BLOCK_TAGS, SCHEMA_VERSION, _unstructure_isoformat, article_to_data, get_converter
from articlekit.model import Article

__all__ = ["article_json"]

Write = Callable[[Any, str], str]
"""A generated writer: ``(value, newline)``, newline ``""`` on one line, else the line break and
indentation of the value's own level."""

_encode_str: Callable[[str], str] = json.encoder.encode_basestring
"""What ``json.dumps(..., ensure_ascii=False)`` writes for a string (its C function)."""


def article_json(article: Article, indent: int | None = None, separators: tuple[str, str] | None = None) -> str:
    """The same text as ``json.dumps(article_to_data(article), ensure_ascii=False,
    allow_nan=False, indent=indent, separators=separators)``, hooks registered on the converter
    since the last call included."""
    if separators is None:
        separators = (",", ": ") if indent is not None else (", ", ": ")
    if not (indent is None or type(indent) is int) or (indent is not None and "\n" in "".join(separators)):
        # (an indentation string, or separators breaking lines, which the writers' indentation
        # of nested data would indent: json.dumps itself)
        return json.dumps(
            article_to_data(article), ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
        )
    layout = (indent, *separators)
    hook = get_converter().get_unstructure_hook(Article)
    made = _ARTICLE_WRITERS.get(layout)
    if made is None or made[0] is not hook:
        # (registering a hook on the converter makes it generate its hooks anew, the article's
        # too: the writers are generated anew from them)
        made = _ARTICLE_WRITERS[layout] = (hook, _Generator(indent, *separators).article(hook))
    return made[1](article, "" if indent is None else "\n")


_ARTICLE_WRITERS: dict[tuple[Any, ...], tuple[Any, Write]] = {}
"""An article writer for each layout asked for, generated at its first use, with the article's
converter hook it was generated from."""


class _Generator:
    """Generates the writers of one layout (indentation and separators)."""

    def __init__(self, indent: int | None, item_sep: str, key_sep: str) -> None:
        self.indent = indent
        self.item_sep = item_sep
        self.key_sep = key_sep
        self.conv = get_converter()
        self.classes: dict[Any, Write | None] = {}
        """The writer generated from each class hook met (None: written by the hook)."""
        self.globals: dict[str, Any] = {
            "_s": _encode_str,
            "_int": int.__repr__,
            "_g": self.generic,
            "_step": "" if indent is None else " " * indent,
            "_is": type,
            "_str": str,
            "_int_t": int,
            "_tuple": tuple,
        }

    def generic(self, value: Any, newline: str) -> str:
        """``value`` (JSON-compatible data) as ``json.dumps`` writes it at this level."""
        text = json.dumps(
            value, ensure_ascii=False, allow_nan=False, indent=self.indent, separators=(self.item_sep, self.key_sep)
        )
        # (no line break stands inside a string's text: json escapes it)
        return text.replace("\n", newline) if newline else text

    def bind(self, value: Any) -> str:
        """A name for ``value`` in the generated code."""
        name = f"_b{len(self.globals)}"
        self.globals[name] = value
        return name

    def compile(self, source: str, label: str) -> Write:
        namespace = dict(self.globals)
        exec(compile(source, f"<articlekit json writer: {label}>", "exec"), namespace)
        write: Write = namespace["write"]
        return write

    def article(self, hook: Any) -> Write:
        """The article writer, from the converter's hook of an article ``hook``."""
        write = self.of_class(Article, hook, lead=(("schema", _encode_str(SCHEMA_VERSION)),))
        if write is not None:
            return write
        generic = self.generic
        return lambda article, newline: generic(article_to_data(article), newline)

    def of_class(
        self, cls: type, hook: Any, lead: tuple[tuple[str, str], ...] = (), tag: str | None = None
    ) -> Write | None:
        """The writer of attrs class ``cls`` as its hook ``hook`` writes it (``lead``: keys and
        JSON texts written first; ``tag``: a body block's type), or None when ``hook`` is not
        one cattrs generated. Each field is written as ``hook`` writes it: by the hook ``hook``
        calls for it, be it the converter's for the field's type or one of the class's own."""
        plain = not lead and tag is None
        if plain and hook in self.classes:
            return self.classes[hook]
        made: Write | None = None
        hooks = _field_hooks(hook, cls)
        if hooks is not None:
            if plain:
                self.classes[hook] = None  # (a class holding itself is written by its hook)
            made = self._generate_class(cls, hooks, lead, tag)
        if plain:
            self.classes[hook] = made
        return made

    def _generate_class(
        self, cls: type, hooks: dict[str, Any], lead: tuple[tuple[str, str], ...], tag: str | None
    ) -> Write:
        hints = typing.get_type_hints(cls)
        lines = ["def write(o, nl):", "    i = nl + _step"]
        if tag is not None and "marks" in hints:
            # the block hook leaves out marks where there are none; a value of another type
            # than a tuple goes to the hook whole
            block_hook = self.bind(self.conv.get_unstructure_hook(model.Block))
            lines += ["    if _is(o.marks) is not _tuple:", f"        return _g({block_hook}(o), nl)"]
        parts: list[tuple[str, str]] = [(name, self.bind(text)) for name, text in lead]
        if tag is not None:
            parts.append(("type", self.bind(_encode_str(tag))))
        marks: str | None = None
        for number, field in enumerate(attrs.fields(cls)):
            value = f"v{number}"
            lines.append(f"    x = o.{field.name}")
            lines += [f"    {line}" for line in self.value(hints[field.name], value, hooks[field.name])]
            if tag is not None and field.name == "marks":
                marks = value
            else:
                parts.append((field.name, value))
        text = self._joined(parts)
        if marks is None:
            lines.append(f"    return {text}")
        else:
            lines.append("    if not o.marks:")
            lines.append(f"        return {text}")
            lines.append(f"    return {self._joined([*parts, ('marks', marks)])}")
        return self.compile("\n".join(lines), cls.__qualname__)

    def _joined(self, parts: list[tuple[str, str]]) -> str:
        """An f-string of an object's text: ``parts`` are (key, name of its value's text)."""
        pieces = []
        for index, (name, value) in enumerate(parts):
            opening = "{" if index == 0 else self.item_sep
            pieces += [self.bind(opening), "i", self.bind(_encode_str(name) + self.key_sep), value]
        if not parts:
            return "'{}'"
        pieces += ["nl", self.bind("}")]
        return "f'" + "".join(f"{{{piece}}}" for piece in pieces) + "'"

    def value(self, kind: Any, out: str, hook: Any) -> list[str]:
        """Statements setting ``out`` to the text of ``x``, a value of a field typed ``kind``
        whose class's hook gives it as ``hook`` gives it."""
        if hook is identity:
            return _plain("x", out, kind)
        fallback = f"{out} = _g({self.bind(hook)}(x), i)"
        generic = [f"x = {self.bind(hook)}(x)", *_plain("x", out)]
        args = typing.get_args(kind)
        optional = len(args) == 2 and type(None) in args
        inner = (args[0] if args[1] is type(None) else args[1]) if optional else kind
        inner_hook = _optional_inner(hook) if optional else hook
        if inner_hook is None:
            return generic  # (not cattrs' hook of an optional value: the hook says)
        if attrs.has(inner):
            write = self.of_class(inner, inner_hook)
            if write is not None:
                test = f"_is(x) is {self.bind(inner)}"
                return [
                    *(["if x is None:", f"    {out} = 'null'", f"elif {test}:"] if optional else [f"if {test}:"]),
                    f"    {out} = {self.bind(write)}(x, i)",
                    "else:",
                    f"    {fallback}",
                ]
        if optional and inner in (datetime, date) and inner_hook is _unstructure_isoformat:
            # the converter's hook for both: isoformat()
            return [
                "if x is None:",
                f"    {out} = 'null'",
                f"elif _is(x) is {self.bind(inner)}:",
                f"    {out} = _s(x.isoformat())",
                "else:",
                f"    {fallback}",
            ]
        if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
            item_hook = _tuple_item(hook)
            items = None if item_hook is None else self.list_of(args[0], item_hook)
            return [
                "if _is(x) is not _tuple:",
                f"    {fallback}",
                "elif not x:",
                f"    {out} = '[]'",
                "else:",
                f"    {out} = {self.bind(items)}(x, i)" if items is not None else f"    {fallback}",
            ]
        return generic

    def list_of(self, item: Any, hook: Any) -> Write | None:
        """The writer of a ``tuple[item, ...]`` field's tuple, each item by ``hook``, or None to
        leave it to the tuple's hook."""
        if hook is identity:
            each = ["    x = e", *(f"    {line}" for line in _plain("x", "v", text=True))]
        elif attrs.has(item) and self.of_class(item, hook) is not None:
            each = [
                f"    if _is(e) is {self.bind(item)}:",
                f"        v = {self.bind(self.of_class(item, hook))}(e, i)",
                "    else:",
                f"        v = _g({self.bind(hook)}(e), i)",
            ]
        elif item == model.Block and _converters_own(hook, "_configure_blocks.<locals>.unstructure_block"):
            # a body block: its class's writer, with its type first, else the block hook
            # (the block hook asks the converter for the class's hook)
            conv = self.conv
            writers = {
                cls: self.of_class(cls, conv.get_unstructure_hook(cls), tag=tag) for cls, tag in BLOCK_TAGS.items()
            }
            each = [
                f"    w = {self.bind({cls: w for cls, w in writers.items() if w is not None})}.get(_is(e))",
                "    if w is not None:",
                "        v = w(e, i)",
                "    else:",
                f"        v = _g({self.bind(hook)}(e), i)",
            ]
        else:
            return None
        source = "\n".join(
            [
                "def write(t, nl):",
                "    if not t:",
                "        return '[]'",
                "    i = nl + _step",
                "    out = []",
                "    for e in t:",
                *(f"    {line}" for line in each),
                "        out.append(v)",
                f"    return '[' + i + ({self.bind(self.item_sep)} + i).join(out) + nl + ']'",
            ]
        )
        return self.compile(source, f"tuple[{getattr(item, '__qualname__', item)}, ...]")


_GENERATED_ITEM = re.compile(r"'(\w+)': (?:(__c_unstr_\w+)\()?instance\.(\w+)\b")


def _field_hooks(hook: Any, cls: type) -> dict[str, Any] | None:
    """The hook ``hook`` gives each field of ``cls`` by (``identity`` where it writes the value
    as it is), when ``hook`` is one cattrs generates: every field, in order, under its own name,
    none left out (no renamed keys, no ``omit_if_default``), as its source says; else None."""
    code = getattr(hook, "__code__", None)
    if code is None or not code.co_filename.startswith("<cattrs generated unstructure"):
        return None
    source = "".join(linecache.getlines(code.co_filename))
    names = [field.name for field in attrs.fields(cls)]
    found = _GENERATED_ITEM.findall(source)
    if " if " in source or [(key, name) for key, _, name in found] != [(name, name) for name in names]:
        return None
    hooks: dict[str, Any] = {}
    for key, hook_name, _ in found:
        if hook_name and hook_name not in hook.__globals__:
            return None
        hooks[key] = hook.__globals__[hook_name] if hook_name else identity
    return hooks


def _converters_own(hook: Any, qualname: str, module: str = "articlekit.converter") -> bool:
    return getattr(hook, "__qualname__", None) == qualname and getattr(hook, "__module__", None) == module


def _optional_inner(hook: Any) -> Any:
    """The hook of X that ``hook`` calls when it is cattrs' hook of ``X | None`` (None for
    None, else X's hook), or None."""
    if _converters_own(hook, "Converter.gen_unstructure_optional.<locals>.unstructure_optional", "cattrs.converters"):
        return (getattr(hook, "__defaults__", None) or (None,))[0]
    return None


def _tuple_item(hook: Any) -> Any:
    """The hook of X that ``hook`` calls for each item when it is the converter's hook of
    ``tuple[X, ...]`` (a list of the items, each by X's hook), or None."""
    if hook is list:
        return identity
    if _converters_own(hook, "_unstructure_tuple.<locals>.unstructure_tuple"):
        return (getattr(hook, "__defaults__", None) or (None,))[0]
    return None


def _plain(var: str, out: str, kind: Any = str, text: bool = False) -> list[str]:
    """Statements setting ``out`` to the text of ``var``, a value its hook gives as it is: a
    string, None or an integer here (an integer as it is, for an f-string to write, unless
    ``text``), anything else by ``json.dumps``. The declared type ``kind`` is tried first."""
    tests = {
        "str": [f"if _is({var}) is _str:", f"    {out} = _s({var})"],
        "None": [f"if {var} is None:", f"    {out} = 'null'"],
        "int": [f"if _is({var}) is _int_t:", f"    {out} = _int({var})" if text else f"    {out} = {var}"],
    }
    args = typing.get_args(kind) or (kind,)
    order = ["int", "None", "str"] if int in args else ["str", "None", "int"]
    lines = []
    for number, name in enumerate(order):
        first, then = tests[name]
        lines += [first if number == 0 else "el" + first, then]
    return [*lines, "else:", f"    {out} = _g({var}, i)"]
