"""The line rules of the ``text`` parser: what a caption credit, a related link, a list item, a
heading, an end mark, a credit line or a header's dates look like in news copy. Bylines,
datelines and agencies, which other parsers read too, are in
[`articlekit.common.bylines`][articlekit.common.bylines]; the ones the parser uses are importable
from here as well, so that the parser reads every rule as ``rules.<name>``.

Each rule is a function of one line (already stripped) that returns what it recognised, or
None. They hold no state, so the parser decides where in the article each rule applies
(bylines only before the body, a dateline only at the start of the first paragraph).
All patterns are compiled once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from attrs import frozen

from articlekit._moved import moved_name
from articlekit.common.bylines import (
    _AND,
    _IN_PLACE,
    _REGIONS,
    _ROLE_WORDS,
    AGENCIES,
    _attach,
    _is_org,
    _places,
    match_dateline,
    parse_byline,
)
from articlekit.common.dates import find_datetime
from articlekit.common.names import is_name
from articlekit.model import Contributor, Place, Related

__all__ = [
    "Caption",
    "HeaderDates",
    "afp_heading",
    "byline_continuation",
    "credit_line",
    "header_dates",
    "is_end_mark",
    "is_separator",
    "list_item",
    "looks_like_heading",
    "markdown_heading",
    "match_caption",
    "match_dateline",
    "match_related",
    "parse_byline",
    "places_of",
    "provider_of",
]


@frozen
class Caption:
    """A photo caption and its credit."""

    caption: str | None
    """The caption without the credit; None for a line that is only a credit."""
    credit: str | None
    """The credit as written, without the ``PHOTO /``-style lead-in; None for a labelled
    caption line (``Image caption, ...``) that carries none."""
    labelled: bool = False
    """True for a line that says what it is (``Image source, ...``, ``Image caption, ...``):
    it belongs with the media line next to it, never with the paragraph above."""


@frozen
class HeaderDates:
    """What a header line such as ``Published: ... | Updated: ...`` or
    ``Source: Xinhua | 2025-11-28 19:41:05 | Editor: Liu Yang`` says."""

    published: datetime | None = None
    updated: datetime | None = None
    provider: str | None = None
    """From a ``Source:`` segment."""
    contributors: tuple[Contributor, ...] = ()
    """From ``Editor:``, ``Author:``, ``Reporter:``, ``Photographer:`` segments."""
    section: str | None = None
    """From a ``Section:`` or ``Category:`` segment."""


def byline_continuation(line: str, contributors: Sequence[Contributor]) -> list[Contributor] | None:
    """The contributors with the organisation or title of a line under a byline
    (``Associated Press``, ``AP Sports Writer``, ``Moscow correspondent``), or None when the
    line is something else."""
    text = line.strip().rstrip("=").strip()
    if not text or len(text) > 60 or text[-1] in '.!?:;,"”)]' or len(text.split()) > 6:
        return None
    if ". " in text or "(" in text or "[" in text:
        return None
    if not (_is_org(text) or _ROLE_WORDS.search(text)):
        return None
    return [_attach(c, text) for c in contributors]


def provider_of(contributors: Sequence[Contributor]) -> str | None:
    """The agency among a byline's organisations and affiliations, if any."""
    for c in contributors:
        if c.kind == "organisation" and c.name in AGENCIES:
            return c.name
        if c.affiliation and c.affiliation in AGENCIES:
            return c.affiliation
    return None


# --------------------------------------------------------------------------- captions

_CREDIT = re.compile(
    r"\s*(?:"
    # (PHOTO / X), [Photo/Agencies], (Photo: X), (Photo by X), (FILE PHOTO: X)
    r"[(\[]\s*(?:FILE\s+|File\s+)?(?:PHOTOS?|Photos?|PHOTOGRAPH|Photograph|IMAGE|Image|PICTURE|Picture|Pic|Foto)"
    r"(?:\s+(?:by|BY|courtesy(?:\s+of)?))?\s*[/:|]?\s*(?P<a>[^()\[\]]{1,100}?)\s*[)\]]"
    # (AP Photo/Name), (REUTERS/Name), (Xinhua/Name), (Getty Images), (X via AFP)
    r"|[(\[]\s*(?P<b>(?:[A-Z][\w.' -]{0,39}/[^()\[\]]{1,60}|[^()\[\]]{0,60}\b(?:Getty Images|Shutterstock|iStock|"
    r"via [A-Z][\w ]{1,30}|AP Photo|AFP Photo|Reuters Photo)[^()\[\]]{0,40}))\s*[)\]]"
    # Photo: Reuters / Credit: Jane Doe
    r"|(?:PHOTO|Photo|IMAGE|Image|PICTURE|Picture|Photograph|Foto|CREDIT|Credit|Photo credit|Image credit)\s*:\s*"
    r"(?P<c>[^.:]{1,80}?)"
    r")\s*$"
)


_CREDIT_WORD = re.compile(r"PHOTO|Photo|IMAGE|Image|PICTURE|Picture|Foto|CREDIT|Credit")
"""What ``_CREDIT`` needs when there is no bracket: a cheap test before the full pattern."""

_LABELLED_MEDIA = re.compile(
    r"(?:Image|Photo|Picture|Media) (?P<what>source|credit|caption)\s*[,:]\s*(?P<value>\S.*?)\s*$"
)


def match_caption(line: str) -> Caption | None:
    """A caption ending in a photo credit (``... (PHOTO / X VIA AFP)``, ``... (AP Photo/Name)``,
    ``... Photo: Reuters``, ``... [Photo/Agencies]``), a line that is only a credit, or a
    labelled line as copied from some sites (``Image source, Getty Images``,
    ``Image caption, Commuters wait ...``)."""
    if line.startswith(("Image ", "Photo ", "Picture ", "Media ")):
        labelled = _LABELLED_MEDIA.match(line)
        if labelled is not None:
            value = labelled.group("value")
            if labelled.group("what") == "caption":
                return Caption(caption=value, credit=None, labelled=True)
            return Caption(caption=None, credit=value, labelled=True)
    if not line or (line[-1] not in ")]" and ":" not in line):
        return None
    if "(" not in line and "[" not in line and _CREDIT_WORD.search(line) is None:
        return None  # no bracket and no credit word: _CREDIT cannot match
    m = _CREDIT.search(line)
    if m is None:
        return None
    credit = (m.group("a") or m.group("b") or m.group("c") or "").strip(" /:")
    if not credit:
        return None
    caption = line[: m.start()].strip()
    if m.group("b") and "/" in credit and not caption:
        return Caption(caption=None, credit=credit)
    if caption and not m.group("c") and caption[-1] not in '.!?"”’)' and len(caption) < 20:
        return None
    return Caption(caption=caption or None, credit=credit)


def places_of(text: str) -> tuple[Place, ...]:
    """The places of a dateline written on its own (``MOSCOW/KYIV``, ``RIVERSIDE, Calif.``)."""
    names, _, region = text.partition(",")
    return _places(names, region.strip() or None)


_RELATED = re.compile(
    r"(?P<label>(?i:also read|read more|read also|related(?: stor(?:y|ies)| coverage| articles?| content| news)?"
    r"|see also|recommended(?: reading)?|further reading|read next|more on this|don'?t miss)|WATCH|MORE)"
    r"\s*(?:[:|»>]|\s[-–—])\s*(?P<title>\S.*?)\s*$"
)
_URL = re.compile(r"\(?<?(?P<url>https?://[^\s<>()]+)>?\)?")


_RELATED_FIRST = frozenset("aArRsSſfFmMdDW")
"""The characters ``_RELATED`` can start with (``ſ`` is an ``s`` to a case-blind match): a cheap
test before the full pattern."""


def match_related(line: str) -> Related | None:
    """A related-link line: ``ALSO READ: ...``, ``Related: ...``, ``READ MORE: ...``, with the
    link's address when the line holds one."""
    if line[:1] not in _RELATED_FIRST:
        return None
    m = _RELATED.match(line)
    if m is None:
        return None
    title = m.group("title")
    url: str | None = None
    found = _URL.search(title)
    if found is not None:
        url = found.group("url")
        title = (title[: found.start()] + title[found.end() :]).strip(" -–—|:")
    if not title and url is None:
        return None
    return Related(text=title or url or "", label=m.group("label"), url=url)


_ROLE_NAMES = {
    "reporting": "reporting",
    "additional reporting": "additional reporting",
    "writing": "writing",
    "editing": "editing",
    "compiled": "compiling",
    "compiling": "compiling",
    "graphics": "graphics",
    "research": "research",
    "photo": "photographer",
    "photos": "photographer",
    "photography": "photographer",
    "video": "video",
    "translation": "translation",
    "translated": "translation",
    "production": "production",
    "fact-checking": "fact-checking",
    "data": "data",
}
_CREDIT_SEGMENT = re.compile(
    r"(?P<role>(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|graphics|research|photos?"
    r"|photography|video|translation|translated|production|fact-checking|data)))"
    r"(?:\s+and\s+(?P<role2>(?i:reporting|writing|editing)))?\s+(?i:by)\s*:?\s+(?P<names>\S.*?)\s*\.?$"
)
_CONTRIBUTED = re.compile(
    r"(?:(?P<org>(?:The\s+)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+)?(?:staff\s+)?(?:writers?|reporters?|correspondents?"
    r"|journalists?)\s+(?P<names>[A-Z].*?)\s+contributed(?:\s+reporting)?(?:\s+to\s+this\s+(?:report|story|article))?"
    r"(?:\s+from\s+[^.]+)?\.$"
    r"|(?P<names2>[A-Z][^.]*?)\s+contributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\.$"
)


def _names(text: str) -> list[tuple[str, str | None]] | None:
    """``(name, affiliation)`` pairs of a credit's names (``Jane Doe in London, John Roe and
    Max Mustermann, The Daily Bugle``), or None when a part is not a name."""
    out: list[tuple[str, str | None]] = []
    placed = False
    for piece in text.strip().strip(",").split(","):
        piece = piece.strip()
        if placed and (piece in _REGIONS or (len(piece.split()) == 1 and " in " not in piece)):
            continue  # "Lena Park in Des Moines, Iowa": the state of the place before
        placed = False
        for part in _AND.split(piece):
            stripped = _IN_PLACE.sub("", part.strip())
            placed = stripped != part.strip()
            part = stripped
            if not part:
                continue
            if out and _is_org(part):
                out = [(n, a or part) for n, a in out]
                continue
            if not is_name(part, rule="credit"):
                return None
            out.append((part, None))
    return out or None


def credit_line(line: str) -> list[Contributor] | None:
    """The contributors of an end-matter credit line: ``(Reporting by Jane Doe in London;
    Editing by John Roe)``, ``- Reporting by: Jane Doe``, ``AP writer Jane Doe in Beijing
    contributed to this report.``; None for any other line."""
    if len(line) > 420 or (" by" not in line and "contributed" not in line and "by:" not in line):
        return None
    text = line.strip().lstrip("-–*• ").strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    found: list[Contributor] = []
    if "contributed" in text:
        m = _CONTRIBUTED.match(text)
        if m is None:
            return None
        names = _names(m.group("names") or m.group("names2"))
        if names is None:
            return None
        org = m.group("org")
        org = org if org and org in AGENCIES else None
        return [Contributor(name=n, role="contributing", affiliation=a or org) for n, a in names]
    for segment in text.split(";"):
        segment = segment.strip()
        if not segment:
            continue
        m = _CREDIT_SEGMENT.match(segment)
        if m is None:
            return None
        role = _ROLE_NAMES.get(" ".join(m.group("role").lower().split()), m.group("role").lower())
        names = _names(m.group("names"))
        if names is None:
            return None
        found.extend(Contributor(name=n, role=role, affiliation=a) for n, a in names)
        if m.group("role2"):
            found.extend(Contributor(name=n, role=m.group("role2").lower(), affiliation=a) for n, a in names)
    return found or None


_LIST_ITEM = re.compile(r"(?:(?P<bullet>[-*•·‣▪◦●■–—])|(?P<number>\d{1,2}[.)]|[a-z]\)))\s+(?P<text>\S.*?)\s*$")


def list_item(line: str) -> tuple[bool, int] | None:
    """``(ordered, where the item's text starts)`` for a bulleted (``-``, ``*``, ``•``, ``–``,
    ``—``) or numbered (``1.``, ``2)``, ``a)``) list item; None otherwise."""
    if not line or line[0] not in "-*•·‣▪◦●■–—0123456789abcdefghijklmnopqrstuvwxyz":
        return None
    m = _LIST_ITEM.match(line)
    if m is None:
        return None
    return m.group("number") is not None, m.start("text")


_DASHES = frozenset("-–—")
_AFP_HEADING = re.compile(r"[-–—]\s+(?P<text>[^-–—]{2,60}?)\s+[-–—]\.?$")


def afp_heading(line: str) -> str | None:
    """The text of an AFP-style subheading set between dashes (``- Old hands -``)."""
    if line[:1] not in _DASHES:
        return None
    m = _AFP_HEADING.match(line)
    return m.group("text") if m is not None else None


_MD_HEADING = re.compile(r"(?P<marks>#{1,6})\s+(?P<text>\S.*?)\s*#*$")


def markdown_heading(line: str) -> tuple[int, str] | None:
    """``(level, text)`` of a Markdown-style heading line (``## Deal on drone production``)."""
    if not line.startswith("#"):
        return None
    m = _MD_HEADING.match(line)
    if m is None:
        return None
    return len(m.group("marks")), m.group("text")


_END_MARK = re.compile(
    r"(?:[-–—(]+\s*)?(?:END|End|ENDS|Ends|ENDIT|Enditem|ENDITEM|ENDE|XXX|xxx|30|0)(?:\s*[-–—)]+)?|#{3}|-30-|-0-"
)
_NOTEBOOK = re.compile(r"#{1,3}\s*(?:dpa\s+)?(?i:notebook)\b")


_FOOTER = re.compile(
    r"(?:©|\(c\)\s|Copyright\s+(?:©\s*)?\d{4}).{0,300}|Our Standards: The Thomson Reuters Trust Principles\.?",
    re.IGNORECASE,
)


def is_end_mark(line: str) -> bool:
    """True for a line that ends an article's body: ``-- End --``, ``###``, ``-30-``, ``ENDS``,
    ``Enditem``, ``(END)``, the start of a wire editors' notebook (``# Notebook``), or a
    copyright or standards footer (``© 2025 ... All rights reserved.``)."""
    if len(line) > 20:
        return line[0] in "©(CcO" and len(line) <= 320 and _FOOTER.fullmatch(line) is not None
    if _END_MARK.fullmatch(line) is not None:
        return line not in ("0", "30")  # a bare number is a number
    return _NOTEBOOK.match(line) is not None


_SEPARATOR = re.compile(r"(?:[*_=~\-–—•·+]\s*){3,}")
_SEPARATOR_FIRST = frozenset("*_=~-–—•·+")


def is_separator(line: str) -> bool:
    """True for a decorative rule (``* * *``, ``___``, ``-----``)."""
    return line[:1] in _SEPARATOR_FIRST and _SEPARATOR.fullmatch(line) is not None


_HEADING_END = frozenset(".!?,;:\"”’'…)]–—-")


def looks_like_heading(line: str) -> bool:
    """True for a line shaped like a subheading: short, mostly letters, no final punctuation
    (a question stays a paragraph: it is often an interviewer's words), starting with a capital
    or a digit, not a quotation."""
    if not 2 <= len(line) <= 80 or line[-1] in _HEADING_END or not (line[0].isupper() or line[0].isdigit()):
        return False
    words = line.split()
    if len(words) > 10 or ";" in line or "|" in line or "\t" in line:
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters * 2 > len(line) and not line.startswith(("http", "www."))


# --------------------------------------------------------------------------- header dates

_HEADER_LABEL = re.compile(
    r"(?P<label>(?i:first\s+published|published|posted|updated|last\s+updated|last\s+modified|modified|date"
    r"|created|released|issued|publication\s+date))(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.+)$"
)
_RESIDUE = re.compile(
    r"[\s,.|/()\-–—:·•]+|(?i:on|at|um|am|the|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_SPLIT_HEADER = re.compile(r"\s+[|·•]\s+|\s{2,}|,\s+(?=(?:[Uu]pdated|[Ll]ast updated|[Mm]odified)\b)")
_DIGIT = re.compile(r"\d")
_READING_TIME = re.compile(r"(?i)\d+\s*(?:min|mins|minutes?)\s+read|(?:\d+\s+)?comments?")


def _only_date(text: str) -> datetime | None:
    found = find_datetime(text)
    if found is None:
        return None
    residue = text[: found.start] + " " + text[found.end :]
    return found.value if not _RESIDUE.sub("", residue) else None


_FIELD = re.compile(
    r"(?P<label>(?i:source|editor|editors|author|authors|reporter|reporters|writer|photographer|photos?|section"
    r"|category|desk))\s*:\s*(?P<value>\S.{0,80}?)\s*$"
)
_FIELD_ROLES = {"editor": "editing", "editors": "editing", "photographer": "photographer", "photo": "photographer"}


def header_dates(line: str) -> HeaderDates | None:
    """The dates and fields of a header line (``Published: 12:44, November 28, 2025 | Updated:
    13:00, November 28, 2025``, ``Updated 3:05 PM EST, Fri November 28, 2025``, a bare
    ``November 28, 2025``, ``Source: Xinhua | 2025-11-28 19:41:05 | Editor: Liu Yang``), or None
    when the line holds anything besides labels, dates and those fields, or no date at all."""
    if len(line) > 160 or _DIGIT.search(line) is None:
        return None
    published: datetime | None = None
    updated: datetime | None = None
    provider: str | None = None
    section: str | None = None
    people: list[Contributor] = []
    for segment in _SPLIT_HEADER.split(line.replace("|", " | ")):
        if not segment.strip():
            continue
        if _READING_TIME.fullmatch(segment.strip()):
            continue  # "5 min read" next to the date
        field = _FIELD.match(segment.strip())
        if field is not None:
            label, value = field.group("label").lower(), field.group("value")
            if label == "source":
                provider = value
            elif label in ("section", "category", "desk"):
                section = value
            else:
                role = _FIELD_ROLES.get(label, "author")
                names = _names(value)
                if names is None:
                    return None
                people.extend(Contributor(name=n, role=role, affiliation=a) for n, a in names)
            continue
        m = _HEADER_LABEL.match(segment)
        value = _only_date(m.group("rest") if m is not None else segment)
        if value is None:
            return None
        label = m.group("label").lower() if m is not None else "published"
        if "updated" in label or "modified" in label:
            updated = updated or value
        else:
            published = published or value
    if published is None and updated is None:
        return None
    return HeaderDates(published, updated, provider, tuple(people), section)


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
