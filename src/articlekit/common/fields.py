"""Where a parser found each field: the ``provenance`` extension that ``articlekit inspect``
shows, and the helpers parsers fill it with."""

from __future__ import annotations

from typing import TypeVar

__all__ = ["PROVENANCE", "first_of"]

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
