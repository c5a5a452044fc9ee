"""Where a parser found each field: the ``provenance`` extension that ``articlekit inspect``
shows, and [`Fields`][articlekit.common.fields.Fields], which readers collect an article's fields
in so that each reads as a list of "this field, from here" lines and one article at the end:

```python
fields = Fields()
fields.set("headline", headline, "headlines")
fields.first("published", ("firstCreated", first), ("versionCreated", version))
return fields.article(extensions={"ninjs": extension})
```
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from articlekit.model import Article

__all__ = ["PROVENANCE", "Fields", "first_key", "first_of"]

PROVENANCE = "provenance"
"""The extensions namespace where a parser says where it found each field: a mapping from field
name to a short description (``{"headline": "<hl1>", "published": "og:published_time"}``);
``articlekit inspect`` shows it."""

T = TypeVar("T")


def first_of(provenance: dict[str, str], field: str, *candidates: tuple[str, T | None]) -> T | None:
    """The first candidate value that is not None or empty, recording in ``provenance`` under
    ``field`` where it came from (each candidate is ``(where, value)``)."""
    for where, value in candidates:
        if value is not None and value != "":
            provenance[field] = where
            return value
    return None


def first_key(data: Mapping[str, Any], *keys: str) -> str | None:
    """The first of ``keys`` whose value in ``data`` is not empty: where a JSON reader found a
    field, for its provenance."""
    return next((key for key in keys if data.get(key)), None)


@attrs.define
class Fields:
    """An article's fields as a reader finds them, each with where it came from (its
    provenance, in the order the reader records it)."""

    values: dict[str, Any] = attrs.Factory(dict)
    provenance: dict[str, str] = attrs.Factory(dict)

    def set(self, field: str, value: T, where: str | None = None, *, always: bool = False) -> T:
        """``field`` is ``value``, found at ``where``: recorded when the value is not empty, or
        ``always`` (a reader that names the key it looked in even when it held nothing)."""
        self.values[field] = value
        if where is not None and (always or value):
            self.provenance[field] = where
        return value

    def first(self, field: str, *candidates: tuple[str, T | None]) -> T | None:
        """``field`` is the first candidate that is not None or empty (each ``(where, value)``),
        recorded with where it came from; None when no candidate has a value."""
        value = first_of(self.provenance, field, *candidates)
        self.values[field] = value
        return value

    def found(self, field: str, where: str | None) -> None:
        """Record where ``field`` came from without setting it (a field set with others)."""
        if where is not None:
            self.provenance[field] = where

    def article(self, extensions: Mapping[str, Any] | None = None) -> Article:
        """The article of every field set, with ``extensions`` and then the provenance."""
        return Article(**self.values, extensions={**(extensions or {}), PROVENANCE: self.provenance})
