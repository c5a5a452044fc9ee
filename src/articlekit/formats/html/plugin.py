"""The ``html`` parser's plugin: its hook, in a module of its own so that the parser's modules
can be compiled (pluggy marks a hook implementation with an attribute, which a function compiled
by mypyc cannot carry; see ``docs/formats/html.md``, "A compiled build")."""

from __future__ import annotations

from collections.abc import Sequence

from articlekit.formats.html.parser import BASE_URL, parse_html, sniff_html
from articlekit.hookspecs import hookimpl
from articlekit.registry import ParserSpec

__all__ = ["articlekit_parsers"]


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="html",
            parse=parse_html,
            sniff=sniff_html,
            extensions=(".html", ".htm", ".xhtml", ".shtml"),
            media_types=("text/html", "application/xhtml+xml"),
            description="web pages: the article, its metadata (JSON-LD, OpenGraph, meta, microdata) and structure",
            options=(BASE_URL,),
        ),
    ]
