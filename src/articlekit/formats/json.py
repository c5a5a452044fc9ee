"""articlekit's own JSON (``json``) and JSON Lines (``jsonl``): the native, lossless format.

The shape is described by the JSON Schema shipped as ``articlekit/schema/articlekit-1.schema.json``.
The ``json`` parser reads one article (an object), several (an array), or JSON Lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING

from articlekit._moved import moved_name
from articlekit.common.articlejson import article_from_json_data, loads
from articlekit.converter import SCHEMA_VERSION
from articlekit.encoding import decode, text_head
from articlekit.errors import ParseError
from articlekit.hookspecs import hookimpl
from articlekit.jsontext import article_json
from articlekit.model import Article
from articlekit.options import INDENT, json_indent
from articlekit.registry import Document, Options, ParserSpec, WriterSpec

__all__ = ["dumps_json", "parse_json"]

_SCHEMA_KEY = re.compile(rb'"schema"\s*:\s*"articlekit/')


def _sniff(head: bytes, name: str) -> float:
    head = text_head(head)  # (JSON in UTF-16 or -32 read as text)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"[") and _SCHEMA_KEY.search(head):
        return 1.0
    return 0.0


def parse_json(document: Document, options: Options) -> Iterator[Article]:
    """Read articlekit JSON: an object, an array of objects, or one object per line."""
    text, _charset = decode(document.data, "utf-8")
    try:
        data = loads(text)
    except json.JSONDecodeError as exc:
        if _is_json_lines(text):
            yield from _parse_lines(text, document.name)
            return
        raise ParseError(f"not valid JSON: {exc.msg}", file=document.name, line=exc.lineno, column=exc.colno) from None
    except ValueError as exc:
        raise ParseError(f"cannot read the JSON: {exc}", file=document.name) from None
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield article_from_json_data(item, document.name, f"item {index}: ")
    else:
        yield article_from_json_data(data, document.name)


def _is_json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return isinstance(loads(lines[0]), dict)
    except ValueError:
        return False


def _parse_lines(text: str, name: str) -> Iterator[Article]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = loads(line)
        except json.JSONDecodeError as exc:
            raise ParseError(f"not valid JSON Lines: {exc.msg}", file=name, line=number, column=exc.colno) from None
        except ValueError as exc:
            raise ParseError(f"cannot read the JSON: {exc}", file=name, line=number) from None
        yield article_from_json_data(data, name, f"line {number}: ")


def dumps_json(article: Article, options: Options) -> str:
    """The article as articlekit JSON, indented by 2 (``indent`` option), ending in a newline."""
    return article_json(article, json_indent(options)) + "\n"


def _write_jsonl(article: Article, options: Options) -> str:
    return article_json(article, separators=(",", ":")) + "\n"


def _stream_jsonl(articles: Iterable[Article], out: IO[bytes], options: Options) -> int:
    count = 0
    for article in articles:
        out.write(_write_jsonl(article, options).encode("utf-8"))
        count += 1
    return count


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="json",
            parse=parse_json,
            sniff=_sniff,
            extensions=(".json", ".jsonl"),
            media_types=("application/json",),
            description=f"articlekit's own JSON ({SCHEMA_VERSION}): an article, an array or JSON Lines",
            lossless=True,
            options=(),
        ),
    ]


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="json",
            write=dumps_json,
            extension=".json",
            media_type="application/json",
            description="articlekit's own JSON: lossless, validated by its JSON Schema",
            options=(INDENT,),
        ),
        WriterSpec(
            name="jsonl",
            write=_write_jsonl,
            extension=".jsonl",
            media_type="application/jsonl",
            description="JSON Lines: one compact articlekit JSON article per line, for pipelines",
            stream=_stream_jsonl,
            options=(),
        ),
    ]


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
