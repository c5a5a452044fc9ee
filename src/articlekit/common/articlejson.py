"""Reading articlekit's own JSON shape, for every lossless parser that meets it (``json``,
``xml``, ``md``'s front matter) and the parsers of other JSON formats: long integers refused
plainly, and a bad field named in a [`ParseError`][articlekit.errors.ParseError]."""

from __future__ import annotations

import json
import sys
import typing
from typing import Any

import attrs
import cattrs

from articlekit.converter import article_from_data
from articlekit.errors import ParseError
from articlekit.model import Article

__all__ = ["article_from_json_data", "loads", "read_integer"]


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, ValueError) and not isinstance(exc, cattrs.BaseValidationError):
        return str(exc)
    if typing.get_origin(type_) is typing.Literal:  # cattrs says "unknown error" for these
        return f"expected one of {', '.join(map(str, typing.get_args(type_)))}"
    if isinstance(exc, (AttributeError, TypeError)) and type_ is not None and attrs.has(type_):
        return f"expected an object ({type_.__name__})"  # a string or a list where one belongs
    return cattrs.v.format_exception(exc, type_)


def _describe(exc: Exception) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        return "; ".join(cattrs.transform_error(exc, path="article", format_exception=_format_exception))
    return str(exc)


def read_integer(text: str) -> int:
    """The integer ``text`` holds (JSON or YAML digits); a ValueError saying so plainly when it
    has more digits than Python converts (4,300 by default: a guard against slow conversions)."""
    try:
        return int(text)
    except ValueError:
        digits = len(text.lstrip("+-"))
        raise ValueError(
            f"a number of {digits:,} digits, longer than the {sys.get_int_max_str_digits():,} digits read"
        ) from None


def loads(text: str) -> Any:
    """``json.loads`` for inputs: an integer too long to read is a ValueError saying so (a
    JSONDecodeError, with its position, for text that is not JSON)."""
    return json.loads(text, parse_int=read_integer)


def article_from_json_data(data: Any, name: str, where: str = "") -> Article:
    """The article from decoded articlekit data (what ``json.loads`` gives, or the same shape
    built by another lossless reader such as articlekit XML); a ParseError naming ``name`` and
    the bad field otherwise. ``where`` prefixes the reason (``line 3: ``)."""
    if not isinstance(data, dict):
        raise ParseError(f"{where}expected an articlekit article object, found {type(data).__name__}", file=name)
    try:
        return article_from_data(data)
    except (ValueError, TypeError, KeyError, cattrs.BaseValidationError) as exc:
        raise ParseError(f"{where}not a valid articlekit document: {_describe(exc)}", file=name) from None
