"""Declared options: what a parser, writer or enricher reads from the options it is given.

A spec (``ParserSpec``, ``WriterSpec``, ``EnricherSpec``) lists its options as
[`OptionSpec`][articlekit.options.OptionSpec]s. The doors of the pipeline
([`parse_all`][articlekit.parse_all], [`dumps`][articlekit.dumps], [`convert`][articlekit.convert]
and the command line's ``-O key=value``) check the options they are given against the plugins
of the run once, before any input is read:

- a value is converted to its declared type, from the command line's text or from Python
  (as click's parameter types do: a value already of the type passes unchanged), and a value
  that does not fit is an [`OptionError`][articlekit.options.OptionError] naming the plugin,
  the option, the value and what was expected;
- a name that no plugin of the run declares is an ``OptionError`` naming the close matches,
  unless some plugin of the run declares nothing at all (``options=None``, a plugin written
  before declarations): that plugin may read anything, as every plugin could before.

Plugins read a declared option with [`OptionSpec.value`][articlekit.options.OptionSpec.value],
so its default is written once, in the declaration.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from attrs import Factory, field, frozen

from articlekit.errors import ArticlekitError

__all__ = [
    "INDENT",
    "PRETTY",
    "OptionError",
    "OptionSpec",
    "PluginOptions",
    "check_options",
    "guess_value",
    "json_indent",
]

_TYPES: dict[type, str] = {str: "text", int: "an integer", float: "a number", bool: "true or false"}
_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")
_NONE = ("none", "null")


class OptionError(ArticlekitError, ValueError):
    """An option that no plugin of the run declares, or a value its declaration refuses.

    The message names the plugin, the option, the value and what was expected, and for an
    unknown name the close matches: ``unknown option 'indnet' for the json writer; did you
    mean 'indent'?``.
    """


def _none_when_default_is(option: OptionSpec) -> bool:
    return option.default is None


def _check_name(_option: object, _attribute: object, name: str) -> None:
    if not name.isidentifier():
        raise ValueError(f"an option's name is a Python identifier (words_per_minute), not {name!r}")


def _check_type(_option: object, _attribute: object, kind: type | None) -> None:
    if kind is not None and kind not in _TYPES:
        raise ValueError(f"an option's type is str, int, float, bool or None (any value), not {kind!r}")


@frozen
class OptionSpec:
    """One option a parser, writer or enricher reads: its name, type, default and help."""

    name: str = field(validator=_check_name)
    """The keyword (``indent``); on the command line ``-O indent=4``."""
    type: type | None = field(default=str, validator=_check_type)
    """``str``, ``int``, ``float`` or ``bool``: values are converted to it, from text or from
    Python. ``None`` takes any value as given (a time zone or a list, from Python only)."""
    default: Any = None
    """The value when the option is not given (what [`value`][articlekit.options.OptionSpec.value]
    returns)."""
    help: str = ""
    """One line for ``articlekit formats --options`` and the command line's help."""
    choices: tuple[str, ...] = ()
    """For a ``str`` option, the values it takes (empty: any text)."""
    allow_none: bool = field(default=Factory(_none_when_default_is, takes_self=True))
    """Whether ``None`` (``-O name=none``) is a value; by default, when the default is None."""
    minimum: float | None = None
    """For a number, the smallest value it takes."""
    maximum: float | None = None
    """For a number, the largest value it takes."""

    def value(self, options: Mapping[str, Any]) -> Any:
        """The option's value in ``options``, or its default."""
        return options.get(self.name, self.default)

    @property
    def type_name(self) -> str:
        """``str``, ``int``, ``float``, ``bool``, ``choice`` or ``any``, for help and JSON."""
        if self.choices:
            return "choice"
        return "any" if self.type is None else self.type.__name__

    def describe(self) -> dict[str, Any]:
        """The declaration as JSON-ready data (``articlekit formats --json``)."""
        default = (
            self.default if self.default is None or isinstance(self.default, (str, int, float)) else repr(self.default)
        )
        return {
            "name": self.name,
            "type": self.type_name,
            "default": default,
            "help": self.help,
            "choices": list(self.choices),
            "none": self.allow_none,
        }

    def expected(self) -> str:
        """What a value must be, in words (``an integer of at least 0, or none``)."""
        if self.choices:
            text = "one of " + ", ".join(self.choices)
        else:
            text = "any value" if self.type is None else _TYPES[self.type]
            if self.minimum is not None and self.maximum is not None:
                text += f" from {self.minimum:g} to {self.maximum:g}"
            elif self.minimum is not None:
                text += f" of at least {self.minimum:g}"
            elif self.maximum is not None:
                text += f" of at most {self.maximum:g}"
        return text + (", or none" if self.allow_none and self.type is not None else "")

    def convert(self, value: Any) -> Any:
        """``value`` as this option's type; a ``ValueError`` saying what was expected."""
        if self.type is None:
            return value
        if value is None or (isinstance(value, str) and self.allow_none and value.strip().lower() in _NONE):
            if self.allow_none:
                return None
            raise ValueError(self.expected())
        converted = _CONVERTERS[self.type](value)
        if converted is _INVALID:
            raise ValueError(self.expected())
        if self.choices and converted not in self.choices:
            raise ValueError(self.expected())
        number = isinstance(converted, (int, float)) and not isinstance(converted, bool)
        if number and ((self.minimum is not None and converted < self.minimum) or
                       (self.maximum is not None and converted > self.maximum)):  # fmt: skip
            raise ValueError(self.expected())
        return converted


_INVALID: Any = object()


def _to_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        low = value.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
    return _INVALID


def _to_int(value: Any) -> Any:
    if isinstance(value, bool):
        return _INVALID
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return _INVALID
    return _INVALID


def _to_float(value: Any) -> Any:
    if isinstance(value, bool):
        return _INVALID
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return _INVALID
    else:
        return _INVALID
    return number if math.isfinite(number) else _INVALID


def _to_str(value: Any) -> Any:
    return value if isinstance(value, str) else _INVALID


_CONVERTERS: dict[type, Callable[[Any], Any]] = {bool: _to_bool, int: _to_int, float: _to_float, str: _to_str}


INDENT = OptionSpec(
    "indent",
    int,
    2,
    "spaces per level of nesting; 0 or none: the whole article on one line",
    minimum=0,
    allow_none=True,
)
"""The ``indent`` option the JSON writers share (``json``, ``jsonld``, ``ninjs``)."""


PRETTY = OptionSpec("pretty", bool, True, "indent the XML where indenting changes no text (false: none at all)")
"""The ``pretty`` option the XML writers share (``xml``, ``nitf``)."""


def json_indent(options: Mapping[str, Any]) -> int | None:
    """The ``indent`` option as ``json.dumps`` takes it: 0 and None both give one line (to
    ``json.dumps``, 0 means a line per value without indentation, which nobody asks for)."""
    indent: int | None = INDENT.value(options)
    return indent or None


@frozen
class PluginOptions:
    """What one plugin of a run declares: ``options`` None when it declares nothing (it may
    read any option)."""

    kind: str
    """``parser``, ``writer``, ``enricher``, or ``pipeline`` for the options every run reads."""
    name: str
    """The plugin's format or enricher name (``json``)."""
    options: Sequence[OptionSpec] | None

    @property
    def label(self) -> str:
        """``the json writer``, ``the quotes enricher``, ``articlekit`` for the pipeline."""
        return "articlekit" if self.kind == "pipeline" else f"the {self.name} {self.kind}"

    @classmethod
    def of(cls, kind: str, spec: Any) -> PluginOptions:
        """A ``ParserSpec``, ``WriterSpec`` or ``EnricherSpec``'s declarations."""
        declared = getattr(spec, "options", None)
        return cls(kind, spec.name, None if declared is None else tuple(declared))


def guess_value(text: str) -> Any:
    """A command-line value for an option no plugin declares, read as before declarations:
    true/false, none and integers become the Python values, anything else stays text."""
    low = text.strip().lower()
    if low in ("true", "yes", "on"):
        return True
    if low in ("false", "no", "off"):
        return False
    if low in _NONE:
        return None
    if low.lstrip("-").isdigit():
        return int(low)
    return text


def _labels(plugins: Iterable[PluginOptions]) -> str:
    names = [p.label for p in plugins]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def check_options(
    options: Mapping[str, Any],
    plugins: Sequence[PluginOptions],
    *,
    from_text: bool = False,
    passed_on: Callable[[], Collection[str] | None] | None = None,
    others: Callable[[], Sequence[PluginOptions]] | None = None,
) -> dict[str, Any]:
    """``options`` checked against the ``plugins`` of one run, each value converted to the
    type its declarations give it (every declaration of a name must take the value).

    ``from_text``: the values are the command line's text, and a name no plugin declares
    (taken only when some plugin of the run declares nothing) is read as before declarations
    ([`guess_value`][articlekit.options.guess_value]). ``passed_on()``: the names taken
    unchecked, because a later step of a larger run checks them (a writer's options reaching
    the parser), None for any name. ``others()``: the installed plugins outside the run, for a
    message that says which of them reads a name this run does not. Both are asked only for a
    name the run does not declare. Raises [`OptionError`][articlekit.options.OptionError].
    """
    if not options:
        return {}
    declared: dict[str, list[tuple[PluginOptions, OptionSpec]]] = {}
    for plugin in plugins:
        for option in plugin.options or ():
            declared.setdefault(option.name, []).append((plugin, option))
    open_to_any = any(plugin.options is None for plugin in plugins)
    taken: Collection[str] | None = ()
    asked = False
    checked: dict[str, Any] = {}
    for name, value in options.items():
        owners = declared.get(name)
        if owners is None:
            if not open_to_any and passed_on is not None and not asked:
                taken, asked = passed_on(), True
            if not open_to_any and taken is not None and name not in taken:
                raise OptionError(_unknown(name, plugins, declared, others() if others is not None else ()))
            checked[name] = guess_value(value) if from_text and isinstance(value, str) else value
            continue
        converted = value
        for plugin, option in owners:
            try:
                converted = option.convert(value)
            except ValueError as exc:
                raise OptionError(f"option {name!r} of {plugin.label}: expected {exc}, got {value!r}") from None
        checked[name] = converted
    return checked


def _unknown(
    name: str, plugins: Sequence[PluginOptions], declared: Mapping[str, Any], others: Sequence[PluginOptions]
) -> str:
    readers = [plugin for plugin in others if any(option.name == name for option in plugin.options or ())]
    if readers:
        shown = [p for p in plugins if p.kind != "pipeline" and p.kind == readers[0].kind]
        not_here = f", not {_labels(shown)}" if 0 < len(shown) <= 3 else ", not a plugin of this run"
        return f"option {name!r} is read by {_labels(readers)}{not_here}"
    close = difflib.get_close_matches(name, sorted(declared), n=3)
    if close:
        # named for the plugin that declares the likeliest meant option
        owners = [plugin for plugin, _ in declared[close[0]] if plugin.kind != "pipeline"]
        where = f" for {_labels(owners)}" if owners else ""
        return f"unknown option {name!r}{where}; did you mean " + " or ".join(repr(c) for c in close) + "?"
    shown = [p for p in plugins if p.kind != "pipeline"]
    where = f" for {_labels(shown)}" if len(shown) == 1 else ": no parser, enricher or writer of this run reads it"
    known = ", ".join(sorted(declared)) or "none"
    return f"unknown option {name!r}{where}; the options on offer: {known}"
