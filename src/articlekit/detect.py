"""The built-in format detector: content first, the file name second.

A confident content match (sniff >= 0.5) wins outright. Otherwise a parser that owns the file
name's extension wins over weak content matches, and a weak match is the last resort.

It runs last (``trylast``), so a plugin's own ``articlekit_detect_format`` can claim an
input before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from articlekit.hookspecs import hookimpl
from articlekit.registry import ParserSpec

__all__ = ["articlekit_detect_format", "owns_name", "rank", "sniff"]


def owns_name(spec: ParserSpec, name: str) -> bool:
    """Whether the file name ends in one of the parser's extensions (``.gz`` taken off)."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    return any(lowered.endswith(ext) for ext in spec.extensions)


def sniff(spec: ParserSpec, head: bytes, name: str) -> float:
    """The parser's confidence from the content; 0 when its sniffer fails (it must not raise)."""
    try:
        return float(spec.sniff(head, name))
    except Exception:  # a sniffer must not raise; one that does simply does not claim
        return 0.0


def rank(head: bytes, name: str, parsers: Sequence[ParserSpec]) -> list[tuple[float, bool, ParserSpec]]:
    """Every parser with its sniff confidence and whether the file name's extension is one of
    its own, best first. Used by ``articlekit inspect`` to say why a format was chosen."""
    ranked = [(sniff(spec, head, name), owns_name(spec, name), spec) for spec in parsers]
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    return ranked


CONFIDENT = 0.5
"""A sniff confidence at or above this decides on content alone; below it (a fallback format
such as plain text saying "this is text"), a parser that owns the file name's extension wins."""


@hookimpl(trylast=True)
def articlekit_detect_format(head: bytes, name: str, parsers: Sequence[ParserSpec]) -> str | None:
    ranked = rank(head, name, parsers)
    if ranked and ranked[0][0] >= CONFIDENT:
        return ranked[0][2].name
    for _confidence, by_name, spec in ranked:
        if by_name:
            return spec.name
    if ranked and ranked[0][0] > 0:
        return ranked[0][2].name
    return None
