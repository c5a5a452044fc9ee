"""News database exports in plain text (LexisNexis / Nexis Uni and Factiva), read by the ``text`` parser.

Research corpora are often drawn from news databases, whose text exports wrap each article in
labelled fields::

    1 of 3 DOCUMENTS
                      Copyright 2025 The Riverside Courier
                               The Riverside Courier
                          November 27, 2025 Thursday
                                 Final Edition
    Council delays vote on stadium funding
    BYLINE: By Jane Doe
    SECTION: LOCAL; Pg. A1
    LENGTH: 642 words
    DATELINE: RIVERSIDE, Calif.
    ...the story...
    LOAD-DATE: November 28, 2025
    LANGUAGE: ENGLISH

This module finds those fields (only when at least two different labels are present, so a
paragraph starting ``SOURCE:`` in an ordinary article is left alone) and says which lines are
export furniture rather than article text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from attrs import field, frozen

from articlekit.formats.text.rules import header_dates, parse_byline, places_of
from articlekit.model import Contributor, Place

__all__ = ["FACTIVA_CODES", "ExportFields", "factiva_articles", "language_code", "looks_exported", "read_export"]

_LABELS = frozenset(
    (
        "BYLINE",
        "SECTION",
        "LENGTH",
        "DATELINE",
        "LOAD-DATE",
        "LANGUAGE",
        "PUBLICATION-TYPE",
        "DOCUMENT-TYPE",
        "HIGHLIGHT",
        "GRAPHIC",
        "JOURNAL-CODE",
        "CORRECTION-DATE",
        "DISTRIBUTION",
        "SUBJECT",
        "ORGANIZATION",
        "PERSON",
        "GEOGRAPHIC",
        "CITY",
        "STATE",
        "COUNTRY",
        "INDUSTRY",
        "TYPE",
        "URL",
        "NOTES",
    )
)
_FIELD = re.compile(r"(?P<label>[A-Z][A-Z-]{1,20}):\s*(?P<value>.*?)\s*$")
_DOCUMENTS = re.compile(r"\d+\s+of\s+\d+\s+DOCUMENTS?", re.IGNORECASE)
_FURNITURE = re.compile(r"(?i)copyright\b|©|\(c\)|all rights reserved|distributed by\b")
_EDITION = re.compile(r"(?i)[\w ,.-]{0,30}\bedition\b[\w ,.-]{0,30}")
_LANGUAGES = {
    "ENGLISH": "en",
    "GERMAN": "de",
    "FRENCH": "fr",
    "SPANISH": "es",
    "ITALIAN": "it",
    "PORTUGUESE": "pt",
    "DUTCH": "nl",
    "RUSSIAN": "ru",
    "CHINESE": "zh",
    "ARABIC": "ar",
    "JAPANESE": "ja",
    "POLISH": "pl",
    "UKRAINIAN": "uk",
}


def looks_exported(text: str) -> bool:
    """A cheap first test: does ``text`` hold one of the labels every export has?"""
    return "LENGTH:" in text or "LOAD-DATE:" in text or "BYLINE:" in text


@frozen
class ExportFields:
    """What the export's fields say, and which lines are not article text."""

    drop: frozenset[int]
    """The indices (into the lines given) of field lines and export furniture."""
    authors: tuple[Contributor, ...] = ()
    provider: str | None = None
    """The publication named under the copyright line."""
    section: str | None = None
    summary: str | None = None
    language: str | None = None
    datelines: tuple[Place, ...] = ()
    info: dict[str, Any] = field(factory=dict)
    """The other fields, by lower-case label (``length``, ``load_date``, ``publication_type``)."""


def read_export(lines: Sequence[str]) -> ExportFields | None:
    """The export fields of an article's non-blank, stripped lines, or None when the text is not
    a database export (fewer than two different field labels)."""
    found: dict[int, tuple[str, str]] = {}
    for index, line in enumerate(lines):
        m = _FIELD.match(line)
        if m is not None and m.group("label") in _LABELS:
            found[index] = (m.group("label"), m.group("value"))
    if len({label for label, _ in found.values()}) < 2:
        return None
    drop = set(found)
    provider: str | None = None
    # above the date line: the document count, the copyright, the publication's name
    dated = next((i for i, line in enumerate(lines[:10]) if header_dates(line) is not None), None)
    if dated is not None:
        for index in range(dated):
            line = lines[index]
            drop.add(index)
            if not (_DOCUMENTS.fullmatch(line) or _FURNITURE.match(line)) and len(line) < 80:
                provider = line
        for index in range(dated + 1, min(dated + 3, len(lines))):
            if _EDITION.fullmatch(lines[index]):
                drop.add(index)
    authors: list[Contributor] = []
    section = summary = language = None
    datelines: tuple[Place, ...] = ()
    info: dict[str, Any] = {"export": "LexisNexis"}
    for label, value in found.values():
        if not value:
            continue
        if label == "BYLINE":
            people = parse_byline(value if value.lower().startswith("by ") else f"By {value}")
            authors.extend(people if people is not None else [Contributor(name=value)])
        elif label == "SECTION":
            section = value
        elif label == "HIGHLIGHT":
            summary = value
        elif label == "LANGUAGE":
            language = language_code(value)
            info["language"] = value
        elif label == "DATELINE":
            datelines = places_of(value)
        else:
            info[label.lower().replace("-", "_")] = value
    return ExportFields(
        drop=frozenset(drop),
        authors=tuple(authors),
        provider=provider,
        section=section,
        summary=summary,
        language=language,
        datelines=datelines,
        info=info,
    )


# --------------------------------------------------------------------------- Factiva

FACTIVA_CODES: frozenset[str] = frozenset(
    (
        "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF",
        "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CLM", "ART", "NGC", "FDS",
    )
)  # fmt: skip
"""Factiva's field codes, each alone on its line above its content: ``HD`` headline, ``BY``
byline, ``WC`` word count, ``PD`` publication date, ``ET`` time, ``SN`` source name, ``SE``
section, ``LA`` language, ``LP`` lead paragraphs, ``TD`` the rest of the text, ``AN`` the
accession number, and subject and company codes."""


def factiva_articles(lines: Sequence[str]) -> list[dict[str, list[int]]] | None:
    """For each article of a Factiva export, the indices of each field's content lines (by
    code), in order; None when ``lines`` (non-blank, stripped) are not a Factiva export: there
    must be an ``HD`` line, text under ``LP`` or ``TD``, and at least two other codes."""
    if "HD" not in lines:
        return None
    articles: list[dict[str, list[int]]] = []
    current: dict[str, list[int]] | None = None
    code: str | None = None
    for index, line in enumerate(lines):
        if line in FACTIVA_CODES:
            code = line
            if code == "HD":
                current = {}
                articles.append(current)
            if current is not None:
                current.setdefault(code, [])
            continue
        if current is not None and code is not None:
            current[code].append(index)
    good = [a for a in articles if ("LP" in a or "TD" in a) and len(a) >= 4]
    return good or None


def language_code(name: str) -> str | None:
    """The BCP 47 tag of a language named in an export (``ENGLISH``, ``English``)."""
    return _LANGUAGES.get(name.strip().upper().split(";")[0].strip())
