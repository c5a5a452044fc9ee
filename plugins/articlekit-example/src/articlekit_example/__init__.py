"""articlekit-example: memos in and out, and a reading time for every article.

A memo is a few ``Key: value`` header lines, a blank line, then paragraphs separated by blank
lines::

    Headline: Council approves the 2027 budget
    Byline: Jane Doe; John Roe
    Date: 2026-11-24T09:30:00+01:00

    The city council approved the 2027 budget on Tuesday.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs

from articlekit import (
    Article,
    Contributor,
    Document,
    EnricherSpec,
    OptionSpec,
    Paragraph,
    ParseError,
    ParserSpec,
    WriterSpec,
    hookimpl,
)

_HEADER = re.compile(r"([A-Za-z][A-Za-z-]*):[ \t]*(.*)")
_KNOWN = ("headline", "byline", "date", "language", "keywords")
WORDS_PER_MINUTE = OptionSpec("words_per_minute", int, 230, "the reading speed the reading time assumes", minimum=1)
"""The reading-time enricher's one option: ``-O words_per_minute=200`` on the command line."""


def sniff_memo(head: bytes, name: str) -> float:
    """How sure we are that an input is a memo: its first line is a ``Headline:`` header."""
    return 0.9 if head.lstrip(b"\xef\xbb\xbf").startswith(b"Headline:") else 0.0


def parse_memo(document: Document, options: Mapping[str, Any]) -> Iterator[Article]:
    """Read one memo. Raises ParseError, with the line, for input that is not one."""
    try:
        text = document.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"a memo is UTF-8 text; byte {exc.start} is not UTF-8", offset=exc.start) from None
    lines = text.splitlines()
    headers: dict[str, str] = {}
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break
        match = _HEADER.fullmatch(line)
        if match is None:
            raise ParseError(f"expected a 'Key: value' header line, found {line[:40]!r}", line=number)
        headers[match.group(1).lower()] = match.group(2).strip()
    else:
        number += 1  # headers only: no body
    if not headers.get("headline"):
        raise ParseError("a memo starts with a 'Headline:' header", line=1)
    published = None
    if "date" in headers:
        try:
            published = datetime.fromisoformat(headers["date"])
        except ValueError:
            raise ParseError(
                f"expected an ISO 8601 date, found {headers['date']!r}", line=_line_of("date", lines)
            ) from None
    body = "\n".join(lines[number:])
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", body)]
    extra = {key: value for key, value in headers.items() if key not in _KNOWN}
    yield Article(
        headline=headers["headline"],
        published=published,
        language=headers.get("language") or None,
        authors=tuple(Contributor(n.strip()) for n in headers.get("byline", "").split(";") if n.strip()),
        keywords=tuple(k.strip() for k in headers.get("keywords", "").split(",") if k.strip()),
        body=tuple(Paragraph(p) for p in paragraphs if p),
        # headers articlekit has no field for are kept, under this plugin's own namespace
        extensions={"memo": extra} if extra else {},
    )


def _line_of(key: str, lines: Sequence[str]) -> int:
    return next(i for i, line in enumerate(lines, start=1) if line.lower().startswith(f"{key}:"))


def write_memo(article: Article, options: Mapping[str, Any]) -> str:
    """The article as a memo: the headers it has, then its paragraphs."""
    headers = [("Headline", article.headline)]
    if article.authors:
        headers.append(("Byline", "; ".join(a.name for a in article.authors)))
    if article.published is not None:
        headers.append(("Date", article.published.isoformat()))
    if article.language:
        headers.append(("Language", article.language))
    if article.keywords:
        headers.append(("Keywords", ", ".join(article.keywords)))
    extra = article.extensions.get("memo", {})
    headers.extend((key.capitalize(), str(value)) for key, value in extra.items())
    head = "".join(f"{key}: {' '.join(value.split())}\n" for key, value in headers)
    return head + "".join(f"\n{block.text}\n" for block in article.body if block.text)


def add_reading_time(article: Article, options: Mapping[str, Any]) -> Article:
    """Store the minutes the article takes to read (at least 1) in ``extensions["example"]``."""
    words = sum(len(block.text.split()) for block in article.body)
    minutes = max(1, round(words / WORDS_PER_MINUTE.value(options)))
    example = {**article.extensions.get("example", {}), "reading_minutes": minutes}
    return attrs.evolve(article, extensions={**article.extensions, "example": example})


@hookimpl
def articlekit_parsers() -> Sequence[ParserSpec]:
    return [
        ParserSpec(
            name="memo",
            parse=parse_memo,
            sniff=sniff_memo,
            extensions=(".memo",),
            media_types=("text/x-memo",),
            description="memos: Key: value headers, then paragraphs (articlekit-example)",
            options=(),  # it reads none: an option no other plugin of the run reads is an error
        )
    ]


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="memo",
            write=write_memo,
            extension=".memo",
            media_type="text/x-memo",
            description="memos: Key: value headers, then paragraphs (articlekit-example)",
            options=(),
        )
    ]


@hookimpl
def articlekit_enrichers() -> Sequence[EnricherSpec]:
    return [
        EnricherSpec(
            name="reading-time",
            run=add_reading_time,
            order=900,  # after the built-in enrichers: it needs nothing from them
            description="minutes to read, in extensions['example']['reading_minutes']",
            options=(WORDS_PER_MINUTE,),
        )
    ]


@hookimpl
def articlekit_detect_format(head: bytes, name: str, parsers: Sequence[ParserSpec]) -> str | None:
    # "notes.memo.txt" ends in .txt, which the built-in text parser claims: claim it first
    if name.lower().removesuffix(".gz").endswith(".memo.txt"):
        return "memo"
    return None
