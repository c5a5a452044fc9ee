"""Agency wire transmission formats: IPTC 7901 and ANPA 1312.

Both wrap a story in control characters: SOH (``\\x01``) opens a header, STX (``\\x02``)
opens the text, ETX (``\\x03``) closes it and EOT (``\\x04``) ends the message. This module
takes the envelope apart: the header's codes (priority, category, selector, keyword or slug,
version, take, word count), the heading lines (headline, byline, editors' notes) and the
transmission time after ETX. It hands back the story's body as plain text for the ``text``
parser to read like any other article.

**IPTC 7901** (dpa and others)::

    SOH eca062 4 i 211 ccccb   dpa 061      service+number, priority, category, words, optional
        Germany-politics/                   keyword line: slash-separated keywords
    STX 1ST LEAD                            version lines
        Headline =                          "=" ends the heading
        By Name, dpa =                      byline
        Berlin (dpa) - Body ...
    ETX 131137 GMT Nov 13                   day hour minute, zone, month, two-digit year

**ANPA 1312** (AP)::

    SYN SYN SOH W2870 US asian              service, message number, selector codes
    f l DC3 DC1 BC-LT--Argentina-CancerB 11-13 1049     priority, category, keyword, date, words
    STX ^BC-LT--Argentina-Cancer Beauty,466<           cycle-selector--slug, version, words
        ^For Argentine chemo patients, mirrors can hurt<  headline
        ^By PAUL BYRNE= / ^Associated Press=            byline
        TAB   BUENOS AIRES, Argentina (AP) _ Body ...
    ETX AP-WF-11-13-13 1509GMT<                        transmission date and time
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from attrs import field, frozen

from articlekit.common.dates import month_number, zone_for
from articlekit.formats.text.rules import byline_continuation

__all__ = ["WireCopy", "is_wire", "read_wire", "split_messages"]

WIRE_CONTROLS = b"\x01\x02\x03\x04\x07\x08\x0c\x0e\x0f\x10\x11\x12\x13\x14\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f\x7f"
"""Control bytes that wire copy uses and that do not make it binary."""

_ANPA_PRIORITY = {"f": 1, "b": 2, "u": 3, "r": 4, "s": 4, "d": 5, "a": 6, "w": 6}
"""ANPA 1312 priority codes (flash, bulletin, urgent, regular, ..., deferred, advance) on the
1-is-highest scale of ``Article.priority``."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@frozen
class WireCopy:
    """One wire story taken out of its envelope."""

    standard: str
    """``IPTC 7901`` or ``ANPA 1312``."""
    body: str
    """The story's text below the heading lines, as plain text: paragraphs separated by blank
    lines, control characters and line-end markers removed."""
    headline: str | None = None
    subheadline: str | None = None
    summary: str | None = None
    byline: tuple[str, ...] = ()
    """The byline's lines: ``By Name, dpa`` or ``By NAME`` then ``Associated Press``."""
    priority: int | None = None
    """1 (flash) to 6 or so; see the module notes."""
    category: str | None = None
    """The category code (``i``, ``s``, ``l``)."""
    slug: str | None = None
    keywords: tuple[str, ...] = ()
    selector: str | None = None
    """ANPA: the desk selector in the keyword line (``LT`` in ``BC-LT--...``)."""
    transmitted: datetime | None = None
    """The transmission time after ETX, when it carries a full date."""
    info: dict[str, Any] = field(factory=dict)
    """Everything else, for ``Article.extensions``: service, message number, version, take,
    word count, editors' notes, photo references."""


def is_wire(text: str) -> bool:
    """True when ``text`` starts like IPTC 7901 or ANPA 1312 copy (SOH, then STX soon after)."""
    start = text.lstrip("\x16\r\n ")
    return start.startswith("\x01") and "\x02" in start[:2000]


_MESSAGE_START = re.compile(r"\x16*\x01")


def split_messages(text: str) -> list[str]:
    """The messages of a wire capture, each from its SOH (with any SYN before it) to the next;
    a single message gives a list of one."""
    starts = [m.start() for m in _MESSAGE_START.finditer(text)]
    if len(starts) <= 1:
        return [text]
    starts[0] = 0
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def read_wire(text: str) -> WireCopy | None:
    """The story in IPTC 7901 or ANPA 1312 copy, or None when ``text`` is neither."""
    if not is_wire(text):
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    start = text.index("\x01")
    stx = text.index("\x02", start)
    header = text[start + 1 : stx]
    rest = text[stx + 1 :]
    etx = rest.find("\x03")
    story, trailer = (rest, "") if etx < 0 else (rest[:etx], rest[etx + 1 :])
    if "\x1f" in header.split("\n", 1)[0] or text[:start].count("\x16"):
        return _anpa(header, story, trailer)
    return _iptc(header, story, trailer)


# --------------------------------------------------------------------------- IPTC 7901

_IPTC_HEADER = re.compile(
    r"\s*(?P<service>[A-Za-z]{1,4})(?P<number>\d{1,5})\s+(?P<priority>\d)\s+(?P<category>[A-Za-z]{1,3})"
    r"\s+(?P<words>\d{1,5})\b\s*(?P<optional>.*?)\s*$"
)
_IPTC_TIME = re.compile(
    r"(?P<day>[0-3]\d)(?P<hour>[0-2]\d)(?P<minute>[0-5]\d)(?:\s+(?P<zone>[A-Z]{2,4}))?\s+(?P<month>[^\W\d_]{3,9})\.?"
    r"\s+(?P<year>\d{2}|\d{4})\b"
)
_VERSION = re.compile(
    r"(?:(?:\d+(?:ST|ND|RD|TH)|FIRST|SECOND|THIRD|NEW|CORRECTED)\s+)?(?:LEAD|REFILE|EXTRA|URGENT|CORRECTION|CORRECTED"
    r"|ROUNDUP|FLASH|UPDATE|ADVISORY|WRITETHRU|INSERT|ADD|TAKE|SUMMARY|BACKGROUND|FEATURE|PREVIEW|INTERVIEW"
    r"|ANALYSIS|SIDEBAR|EILT|EILMELDUNG|ZUSAMMENFASSUNG|KORREKTUR|WIEDERHOLUNG|BLITZ)(?:\s+\d+)?",
)
_SIGN_OFF = re.compile(r"[a-z][a-z-]{1,9}(?:\s+[a-z]{2,4}){1,6}")
_TAKE = re.compile(r"(?i)(?:take|add|teil)\s*(?P<n>\d+)|(?P<n2>\d+)(?:st|nd|rd|th|\.)?\s*(?:take|add)\b")


def _take(text: str) -> int | None:
    m = _TAKE.search(text)
    if m is None:
        return None
    return int(m.group("n") or m.group("n2"))


def _iptc(header: str, story: str, trailer: str) -> WireCopy:
    lines = [line.strip() for line in header.split("\n")]
    info: dict[str, Any] = {}
    priority = category = slug = None
    keywords: tuple[str, ...] = ()
    m = _IPTC_HEADER.match(lines[0]) if lines else None
    if m is not None:
        priority = int(m.group("priority"))
        category = m.group("category")
        info.update(service=m.group("service"), message_number=m.group("number"), word_count=int(m.group("words")))
        if m.group("optional"):
            info["optional"] = " ".join(m.group("optional").split())
    elif lines and lines[0]:
        info["header"] = _CONTROLS.sub("", lines[0])
    keyword_lines = [line for line in lines[1:] if line]
    if keyword_lines:
        slug_line = _CONTROLS.sub("", keyword_lines[0]).strip()
        slug = slug_line.rstrip("/ ").strip() or None
        keywords = tuple(k.strip() for k in slug_line.split("/") if k.strip())
        take = _take(" ".join(keyword_lines[1:]))
        if take is not None:
            info["take"] = take
    story_lines = _CONTROLS.sub("", story).split("\n")
    heading: list[str] = []
    body_from = 0
    # the heading runs to the first line ending in "=", within the first few lines
    for index, line in enumerate(story_lines[:8]):
        stripped = line.strip()
        if stripped:
            heading.append(stripped)
        if stripped.endswith("="):
            body_from = index + 1
            break
    else:
        heading, body_from = [], 0
        for index, line in enumerate(story_lines):
            if line.strip():
                heading, body_from = [line.strip()], index + 1
                break
    # a byline of its own, closed by "=" too, may follow a headline closed by "="
    for index in range(body_from, min(body_from + 3, len(story_lines))):
        stripped = story_lines[index].strip()
        if stripped:
            if stripped.startswith(("By ", "BY ", "Von ")) and stripped.endswith("="):
                heading.append(stripped)
                body_from = index + 1
            break
    versions: list[str] = []
    headline: str | None = None
    byline: list[str] = []
    for line in heading:
        text = line.rstrip("=").strip()
        if not text:
            continue
        if headline is None and _VERSION.fullmatch(text):
            versions.append(text)
        elif headline is None:
            headline = text
        elif byline or text.startswith(("By ", "BY ", "Von ", "VON ")):
            byline.append(text)
        else:
            headline = f"{headline} {text}"  # a headline broken over two lines
    if versions:
        info["version"] = " / ".join(versions)
        take = _take(info["version"])
        if take is not None:
            info["take"] = take
    transmitted = _transmitted(_IPTC_TIME.search(_CONTROLS.sub(" ", trailer)))
    # the sign-off under the story: the agency and the editors' initials ("dpa wsz jln npr")
    for index in range(len(story_lines) - 1, body_from - 1, -1):
        stripped = story_lines[index].strip()
        if stripped:
            if _SIGN_OFF.fullmatch(stripped):
                info["signoff"] = stripped
                story_lines = story_lines[:index]
            break
    body = "\n".join(story_lines[body_from:])
    return WireCopy(
        standard="IPTC 7901",
        body=body,
        headline=headline,
        byline=tuple(byline),
        priority=priority,
        category=category,
        slug=slug,
        keywords=keywords,
        transmitted=transmitted,
        info=info,
    )


def _transmitted(m: re.Match[str] | None) -> datetime | None:
    """The transmission time from a trailer match with year, month, day, hour, minute and zone
    groups; naive when the zone is missing or unknown."""
    if m is None:
        return None
    month = m.group("month")
    number = int(month) if month.isdigit() else month_number(month)
    if number is None:
        return None
    year = int(m.group("year"))
    try:
        value = datetime(
            year + 2000 if year < 100 else year,
            number,
            int(m.group("day")),
            int(m.group("hour")),
            int(m.group("minute")),
        )
    except ValueError:
        return None
    zone = zone_for(m.group("zone")) if m.group("zone") else None
    return value if zone is None else value.replace(tzinfo=zone)


# --------------------------------------------------------------------------- ANPA 1312

_ANPA_FIRST = re.compile(r"\s*(?P<service>[A-Za-z])(?P<number>\d{4})\x1f?(?P<selectors>[^\n]*)")
_ANPA_SECOND = re.compile(
    r"\s*(?P<priority>[a-z])\s+(?P<category>[a-z])[\x11-\x14]*\s*(?P<keyword>\S+)\s+(?:(?P<version>\S.*?)\s+)?"
    r"(?P<date>\d\d-\d\d)\s+(?P<words>\d{3,5})"
)
_ANPA_SLUG = re.compile(
    r"(?P<cycle>[A-Z]{1,2})-(?P<selector>[A-Z]{1,4})-+(?P<slug>[^,<=]+?)(?:,\s*(?P<version>[^,<=]*?[A-Za-z][^,<=]*?))?"
    r"(?:,\s*(?P<words>\d+))?\s*,?\s*[<=]?\s*$"
)
_ANPA_TIME = re.compile(
    r"(?P<month>\d\d)-(?P<day>\d\d)-(?P<year>\d\d)\s+(?P<hour>\d\d)(?P<minute>\d\d)\s*(?P<zone>[A-Z]{2,4})"
)
_ANPA_BYLINE = re.compile(r"(?:By|BY)\s+\S")
_ANPA_NOTE = re.compile(r"\(?\s*(?:Eds?|EDS?|EDITOR'?S NOTE|Editor'?s note)\s*[:_—]")
_ANPA_PHOTO = re.compile(r"(?:AP|AFP|Reuters) (?:Photos?|Video|Graphics?)\b")
_ANPA_END = re.compile(r"\^?END\s*[<=]?\s*$")
# ANPA is 7-bit: typographic quotes travel as `` and '', dashes as " _ "
_ANPA_QUOTES = (("``", "“"), ("''", "”"), (" _ ", " — "))


def _anpa_text(line: str) -> str:
    text = _CONTROLS.sub("", line).strip()
    text = text.removeprefix("^").rstrip("<=").rstrip()
    for old, new in _ANPA_QUOTES:
        text = text.replace(old, new)
    return text


def _anpa(header: str, story: str, trailer: str) -> WireCopy:
    info: dict[str, Any] = {}
    header_lines = header.split("\n")
    priority = category = slug = selector = None
    keywords: tuple[str, ...] = ()
    first = _ANPA_FIRST.match(header_lines[0]) if header_lines else None
    if first is not None:
        info.update(service=first.group("service"), message_number=first.group("number"))
        selectors = first.group("selectors").strip(" -")
        if selectors:
            info["selectors"] = selectors
    for line in header_lines[1:]:
        second = _ANPA_SECOND.match(line)
        if second is not None:
            priority = _ANPA_PRIORITY.get(second.group("priority"))
            info["priority_code"] = second.group("priority")
            category = second.group("category")
            info["word_count"] = int(second.group("words"))
            if second.group("version"):
                info["version"] = second.group("version").strip()
            break
    lines = story.split("\n")
    headline: str | None = None
    subheadline: str | None = None
    summary: str | None = None
    byline: list[str] = []
    notes: list[str] = []
    photos: list[str] = []
    body: list[str] = []
    in_heading = True
    for raw in lines:
        clean = _CONTROLS.sub("", raw)
        if not clean.strip():
            continue
        if in_heading and clean.lstrip().startswith("^") and "\t" not in raw[:3]:
            text = _anpa_text(clean)
            if not text:
                continue
            if slug is None and (m := _ANPA_SLUG.match(text)) is not None:
                slug = m.group("slug").strip()
                selector = m.group("selector")
                info["cycle"] = m.group("cycle")
                if m.group("version"):
                    info["version"] = m.group("version").strip()
                if m.group("words"):
                    info["word_count"] = int(m.group("words"))
                keywords = tuple(k for k in re.split(r"-+", slug) if k)
                continue
            if _ANPA_NOTE.match(text):
                notes.append(text.strip("()"))
                continue
            if _ANPA_PHOTO.match(text):
                photos.append(text)
                continue
            if _ANPA_BYLINE.match(text) or (byline and byline_continuation(text, ()) is not None):
                byline.append(text)
                continue
            if byline:
                in_heading = False
                body.append(text)
                continue
            if headline is None:
                headline = text
            elif len(text) >= 60 and summary is None:
                summary = text
            elif subheadline is None and summary is None:
                subheadline = text
            else:
                body.append(text)
            continue
        in_heading = False
        if _ANPA_END.match(clean.strip()):
            break
        text = _anpa_text(clean)
        if text:
            body.append(text)
    if notes:
        info["notes"] = notes
    if photos:
        info["photos"] = photos
    take = _take(info.get("version", ""))
    if take is not None:
        info["take"] = take
    transmitted = _transmitted(_ANPA_TIME.search(_CONTROLS.sub(" ", trailer)))
    return WireCopy(
        standard="ANPA 1312",
        body="\n\n".join(body),
        headline=headline,
        subheadline=subheadline,
        summary=summary,
        byline=tuple(byline),
        priority=priority,
        category=category,
        slug=slug,
        keywords=keywords,
        selector=selector,
        transmitted=transmitted,
        info=info,
    )
