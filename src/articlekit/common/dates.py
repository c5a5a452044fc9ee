"""Dates and times as news copy writes them: absolute dates, times with zone abbreviations,
and the relative day words of reported speech.

Everything here is pure functions over strings, with precompiled patterns and no network
access. Parsers use it for header lines (``Published: 12:44, November 28, 2025``), feeds and
pages for their date strings, and enrichers for "said Thursday".

The rules:

- A time without a zone stays **naive**: ``datetime(2025, 11, 28, 12, 44)``. Nothing guesses
  a zone; ``articlekit.parse(..., tz=...)`` supplies one later if the caller knows it.
- A zone abbreviation gives a **fixed offset** only where it is unambiguous
  ([`ZONE_OFFSETS`][articlekit.common.dates.ZONE_OFFSETS]; ``ET``/``PT``/``CT``/``MT`` follow the US
  zones' daylight-saving rules for the date). Ambiguous ones (``CST`` is US Central, China and
  Cuba; ``IST`` is India, Ireland and Israel; see [`AMBIGUOUS_ZONES`][articlekit.common.dates.AMBIGUOUS_ZONES])
  leave the time naive unless the caller says what they mean with ``zones=``.
- Numeric offsets (``+0800``, ``GMT+8``, ``UTC-03:00``, ``Z``) are always honoured.
- A date without a year (``Nov. 28``) is a [`PartialDate`][articlekit.common.dates.PartialDate];
  [`PartialDate.complete`][articlekit.common.dates.PartialDate.complete] picks the year from a
  reference date.

>>> parse_datetime("12:44, November 28, 2025")
datetime.datetime(2025, 11, 28, 12, 44)
>>> parse_datetime("Updated 3:05 PM EST, Fri November 28, 2025").isoformat()
'2025-11-28T15:05:00-05:00'
>>> resolve_day("Thursday", date(2025, 11, 28))
(datetime.date(2025, 11, 27), datetime.date(2025, 11, 27))
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_tz
from functools import cache

from attrs import frozen

__all__ = [
    "AMBIGUOUS_ZONES",
    "MONTHS",
    "WEEKDAYS",
    "ZONE_OFFSETS",
    "DateMatch",
    "PartialDate",
    "find_datetime",
    "month_number",
    "parse_date",
    "parse_datetime",
    "parse_iso_datetime",
    "parse_partial",
    "parse_timestamp",
    "resolve_day",
    "weekday_number",
    "zone_for",
]

# --------------------------------------------------------------------------- names

MONTHS: Mapping[str, int] = {
    # English, full and abbreviated (AP style "Sept.")
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # German, for dpa and other German-language wire copy
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mär": 3, "mai": 5,
    "juni": 6, "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
}  # fmt: skip
"""Month names and abbreviations (lower case, without a final dot) to month numbers: English
and German."""

WEEKDAYS: Mapping[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
"""Weekday names and abbreviations (lower case) to ``date.weekday()`` numbers (Monday is 0)."""


def _hours(h: float) -> timezone:
    return timezone(timedelta(minutes=round(h * 60)))


ZONE_OFFSETS: Mapping[str, timezone] = {
    "UTC": _hours(0), "UT": _hours(0), "GMT": _hours(0), "Z": _hours(0), "WET": _hours(0),
    "WEST": _hours(1), "BST": _hours(1), "CET": _hours(1), "MET": _hours(1), "MEZ": _hours(1), "WAT": _hours(1),
    "CEST": _hours(2), "MEST": _hours(2), "MESZ": _hours(2), "EET": _hours(2), "CAT": _hours(2), "SAST": _hours(2),
    "EEST": _hours(3), "MSK": _hours(3), "EAT": _hours(3), "TRT": _hours(3),
    "GST": _hours(4), "PKT": _hours(5), "NPT": _hours(5.75), "ICT": _hours(7), "WIB": _hours(7),
    "HKT": _hours(8), "SGT": _hours(8), "PHT": _hours(8), "MYT": _hours(8), "AWST": _hours(8),
    "JST": _hours(9), "KST": _hours(9), "ACST": _hours(9.5), "AEST": _hours(10),
    "ACDT": _hours(10.5), "AEDT": _hours(11), "NZST": _hours(12), "NZDT": _hours(13),
    "BRT": _hours(-3), "ART": _hours(-3), "NST": _hours(-3.5), "NDT": _hours(-2.5),
    "EDT": _hours(-4), "EST": _hours(-5), "CDT": _hours(-5), "MDT": _hours(-6), "MST": _hours(-7),
    "PDT": _hours(-7), "PST": _hours(-8), "AKDT": _hours(-8), "AKST": _hours(-9), "HST": _hours(-10),
}  # fmt: skip
"""Zone abbreviations that mean one offset wherever news is written. ``BST`` is British Summer
Time (Bangladesh writes ``BDT`` in practice); ``GST`` is Gulf Standard Time; ``MEZ`` and ``MESZ``
are the German names of CET and CEST."""

_REGIONAL_ZONES: Mapping[str, str] = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
"""Generic US zone names whose offset depends on the date (EST or EDT, ...)."""

AMBIGUOUS_ZONES: frozenset[str] = frozenset({"CST", "IST", "AST", "ADT", "SST", "BDT"})
"""Abbreviations that name several zones (``CST``: US Central, China, Cuba; ``IST``: India,
Ireland, Israel; ``AST``: Atlantic, Arabia; ...). Times with them stay naive unless the
caller maps them with ``zones=``."""


@cache
def _regional(name: str) -> tzinfo | None:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # no tz database on this system: stay naive rather than guess
        return None


def zone_for(abbreviation: str, when: datetime | None = None) -> timezone | None:
    """The fixed UTC offset an abbreviation means, or None when it is unknown or ambiguous.

    :param abbreviation: ``EST``, ``GMT``, ``HKT``, ``ET``, ... (case-insensitive).
    :param when: the local date-time, needed for the date-dependent US names ``ET``, ``CT``,
        ``MT``, ``PT`` (EST or EDT, ...); without it those give None.
    """
    key = abbreviation.strip().upper().rstrip(".")
    fixed = ZONE_OFFSETS.get(key)
    if fixed is not None:
        return fixed
    region = _REGIONAL_ZONES.get(key)
    if region is not None and when is not None:
        zone = _regional(region)
        if zone is not None:
            offset = when.replace(tzinfo=zone).utcoffset()
            if offset is not None:
                return timezone(offset)
    return None


def month_number(name: str) -> int | None:
    """The month number of an English or German month name or abbreviation (``Sept.`` is 9)."""
    return MONTHS.get(name.strip().rstrip(".").lower())


def weekday_number(name: str) -> int | None:
    """The ``date.weekday()`` number of a weekday name or abbreviation (``Thurs.`` is 3)."""
    return WEEKDAYS.get(name.strip().rstrip(".").lower())


# --------------------------------------------------------------------------- patterns

_MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
    r"|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?"
    r"|j(?:ä|ae)nner|januar|februar|m(?:ä|ae)rz|mär\.?|mai|juni|juli|okt(?:ober|\.)?|dez(?:ember|\.)?)"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|\.)?"
_DAY = r"(?P<{p}day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{p}year>(?:1[89]|2\d)\d\d)"

_DATE_SOURCES = (
    # 2025-11-28, with an optional ISO time that may follow
    r"(?P<iso>(?P<iyear>\d{4})-(?P<imonth>[01]\d)-(?P<iday>[0-3]\d)"
    r"(?:[T ](?P<ihour>[0-2]\d):(?P<iminute>[0-5]\d)(?::(?P<isecond>[0-5]\d)(?:[.,]\d+)?)?"
    r"(?P<izone>Z|[+-][0-2]\d:?[0-5]\d)?)?)",
    # November 28, 2025 / Nov. 28 2025 / November 28th, 2025
    r"(?P<mdy>(?P<amonth>" + _MONTH + r")\s+" + _DAY.format(p="a") + r",?\s+" + _YEAR.format(p="a") + ")",
    # 28 November 2025 / 28. November 2025 / 28 Nov, 2025
    r"(?P<dmy>" + _DAY.format(p="b") + r"\.?\s+(?P<bmonth>" + _MONTH + r"),?\s+" + _YEAR.format(p="b") + ")",
    # 11/28/2025, 28.11.2025, 2025/11/28
    r"(?P<num>(?P<n1>\d{1,4})(?P<sep>[/.])(?P<n2>\d{1,2})(?P=sep)(?P<n3>\d{2,4}))",
)
_DATE = re.compile(r"(?<![\w-])(?:" + "|".join(_DATE_SOURCES) + r")(?![\w-])", re.IGNORECASE)

_TIME = (
    r"(?P<hour>[0-2]?\d)(?:[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
    r"(?:\s*\(?(?P<zone>(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-][0-2]\d:?[0-5]\d|(?-i:[A-Z]{1,5})\b)\)?)?"
)
# a time just before the date: "12:44, November 28" / "3:05 PM EST, Fri November 28"
_TIME_BEFORE = re.compile(
    r"(?<![\w:])" + _TIME + r"\s*(?:,|\||-|–|—|on)?\s*(?:" + _WEEKDAY + r",?\s*)?$", re.IGNORECASE
)
# a time just after the date: "November 28, 2025 12:44" / "Nov. 28, 2025 at 3:05 p.m. ET"
_TIME_AFTER = re.compile(r"\s*(?:,|\||-|–|—|/|at|um)?\s*" + _TIME + r"(?![\w:])", re.IGNORECASE)
_NUMERIC_ZONE = re.compile(r"^(?:GMT|UTC)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)

_PARTIAL = re.compile(
    r"(?<![\w-])(?:(?P<amonth>" + _MONTH + r")\s+" + _DAY.format(p="a") + r"(?![\d:])"
    r"|" + _DAY.format(p="b") + r"\.?\s+(?P<bmonth>" + _MONTH + r"))(?![\w-])",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- results


@frozen
class DateMatch:
    """An absolute date found in a string by [`find_datetime`][articlekit.common.dates.find_datetime]."""

    value: datetime
    """The date-time: aware when the text gave a zone it could map, naive otherwise; midnight
    when it gave no time."""
    start: int
    """Where the match starts in the string searched (the time's start when the time came first)."""
    end: int
    """One past where it ends."""
    has_time: bool
    """True when the text gave a time of day."""


@frozen
class PartialDate:
    """A day and month without a year: ``Nov. 28``, ``28 November``."""

    month: int
    """1 to 12."""
    day: int
    """1 to 31."""

    def complete(self, reference: date, *, future: bool = False) -> date | None:
        """The date in the year that puts it closest before ``reference`` (or after, with
        ``future=True``): ``Nov. 28`` seen on 2026-01-03 is 2025-11-28. None for a day that
        does not exist (Feb. 30)."""
        for year in (reference.year, reference.year - 1, reference.year + 1):
            try:
                candidate = date(year, self.month, self.day)
            except ValueError:
                continue
            if (candidate >= reference) if future else (candidate <= reference):
                return candidate
        return None


# --------------------------------------------------------------------------- absolute dates


def _zone(name: str | None, local: datetime, zones: Mapping[str, tzinfo] | None) -> tuple[tzinfo | None, bool]:
    """(tzinfo or None, whether the name was recognised as a zone at all)."""
    if not name:
        return None, False
    if zones is not None:
        for key, value in zones.items():
            if key.upper() == name.upper():
                return value, True
    numeric = _NUMERIC_ZONE.match(name)
    if numeric is not None:
        sign = -1 if numeric.group(1) == "-" else 1
        minutes = int(numeric.group(2)) * 60 + int(numeric.group(3) or 0)
        if minutes > 18 * 60:
            return None, False
        return timezone(sign * timedelta(minutes=minutes)), True
    upper = name.upper()
    if upper in AMBIGUOUS_ZONES:
        return None, True
    found = zone_for(upper, local)
    return found, found is not None


def _time_fields(m: re.Match[str]) -> tuple[int, int, int] | None:
    hour = int(m.group("hour"))
    minute = m.group("minute")
    ampm = m.group("ampm")
    if minute is None and ampm is None:
        return None  # a bare number is not a time
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        pm = ampm[0] in "pP"
        hour = (hour % 12) + (12 if pm else 0)
    if hour > 23:
        return None
    return hour, int(minute or 0), int(m.group("second") or 0)


def _date_fields(m: re.Match[str], dayfirst: bool | None) -> tuple[int, int, int] | None:
    if m.group("iso"):
        return int(m.group("iyear")), int(m.group("imonth")), int(m.group("iday"))
    if m.group("mdy"):
        month = month_number(m.group("amonth"))
        return (int(m.group("ayear")), month, int(m.group("aday"))) if month else None
    if m.group("dmy"):
        month = month_number(m.group("bmonth"))
        return (int(m.group("byear")), month, int(m.group("bday"))) if month else None
    a, b, c = m.group("n1"), m.group("n2"), m.group("n3")
    if len(a) == 4:
        return int(a), int(b), int(c)
    if len(c) != 4:
        return None  # two-digit years are too ambiguous here
    first, second = int(a), int(b)
    if dayfirst is None:
        # dots are the European convention; slashes are read month first unless impossible
        dayfirst = m.group("sep") == "." or first > 12
    return (int(c), second, first) if dayfirst else (int(c), first, second)


def _build(fields: tuple[int, int, int], clock: tuple[int, int, int] | None) -> datetime | None:
    try:
        if clock is None:
            return datetime(*fields)
        return datetime(*fields, *clock)
    except ValueError:
        return None


def find_datetime(
    text: str,
    *,
    zones: Mapping[str, tzinfo] | None = None,
    dayfirst: bool | None = None,
    start: int = 0,
) -> DateMatch | None:
    """The first absolute date in ``text`` (one with a year), with the time of day and zone
    written just before or after it.

    Recognised: ISO 8601 (``2025-11-28T12:44:00Z``), ``November 28, 2025``, ``Nov. 28 2025``,
    ``Fri November 28, 2025``, ``28 November 2025``, ``28. November 2025``, RFC 2822
    (``Fri, 28 Nov 2025 12:44:00 +0000``), numeric ``11/28/2025`` and ``28.11.2025``; times
    ``12:44``, ``3:05 PM``, ``3 p.m.``, ``15.05``, ``12:44:10``, before the date
    (``12:44, November 28, 2025``) or after it (``... 2025 at 3:05 p.m. ET``); zones as in the
    module notes.

    :param zones: extra or overriding abbreviations, e.g. ``{"CST": timezone(timedelta(hours=8))}``
        for a Chinese source.
    :param dayfirst: how to read numeric dates such as ``03/04/2025``; None reads slashes as
        month first (unless the first number is over 12) and dots as day first.
    :param start: where to start searching.
    """
    for m in _DATE.finditer(text, start):
        fields = _date_fields(m, dayfirst)
        if fields is None:
            continue
        begin, end = m.start(), m.end()
        clock: tuple[int, int, int] | None = None
        zone_name: str | None = None
        if m.group("iso") and m.group("ihour"):
            clock = (int(m.group("ihour")), int(m.group("iminute")), int(m.group("isecond") or 0))
            zone_name = m.group("izone")
        else:
            after = _TIME_AFTER.match(text, end, min(len(text), end + 40))
            if after is not None and (fields_after := _time_fields(after)) is not None:
                clock, zone_name = fields_after, after.group("zone")
                end = after.end()
            else:
                before = _TIME_BEFORE.search(text, max(0, begin - 40), begin)
                if before is not None and (fields_before := _time_fields(before)) is not None:
                    clock, zone_name = fields_before, before.group("zone")
                    begin = before.start()
        value = _build(fields, clock)
        if value is None:
            continue
        if zone_name:
            if zone_name == "Z" or (zone_name[0] in "+-" and m.group("iso")):
                zone, _known = _zone("+00:00" if zone_name == "Z" else zone_name, value, zones)
            else:
                zone, _known = _zone(zone_name, value, zones)
            if zone is not None:
                value = value.replace(tzinfo=zone)
        return DateMatch(value=value, start=begin, end=end, has_time=clock is not None)
    return None


def parse_datetime(
    text: str, *, zones: Mapping[str, tzinfo] | None = None, dayfirst: bool | None = None
) -> datetime | None:
    """The date-time written in ``text`` (see [`find_datetime`][articlekit.common.dates.find_datetime]),
    or None when it holds no absolute date. Words around the date (``Updated``, ``Published:``)
    are allowed."""
    found = find_datetime(text, zones=zones, dayfirst=dayfirst)
    return found.value if found is not None else None


def parse_date(text: str, *, dayfirst: bool | None = None) -> date | None:
    """The calendar date written in ``text``, ignoring any time, or None."""
    found = find_datetime(text, dayfirst=dayfirst)
    return found.value.date() if found is not None else None


def parse_partial(text: str) -> PartialDate | None:
    """The first day-and-month without a year in ``text`` (``Nov. 28``, ``28 November``), or
    None."""
    m = _PARTIAL.search(text)
    if m is None:
        return None
    month = month_number(m.group("amonth") or m.group("bmonth"))
    day = int(m.group("aday") or m.group("bday"))
    if month is None or not 1 <= day <= 31:
        return None
    return PartialDate(month=month, day=day)


# --------------------------------------------------------------------------- relative days

_RELATIVE = re.compile(
    r"^(?:on\s+|early\s+|late\s+)?(?:(?P<which>last|this|next|past)\s+)?"
    r"(?:(?P<weekday>" + _WEEKDAY + r")|(?P<word>today|tonight|yesterday|tomorrow|week|month|year))"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
_EARLIER = re.compile(r"^(?:earlier|later)\s+this\s+(?P<unit>week|month|year)$", re.IGNORECASE)


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def resolve_day(text: str, reference: date, *, future: bool = False) -> tuple[date, date] | None:
    """The first and last day that relative day words mean, seen from ``reference`` (usually
    the article's publication date), or None when they are not understood or fall outside the
    calendar (``yesterday`` seen from 0001-01-01).

    Understood: weekdays (``Thursday``, ``on Thursday``, ``Thursday night``, ``last Thursday``),
    ``today``, ``tonight``, ``yesterday``, ``tomorrow``, ``this/last/next week``,
    ``this/last/next month``, ``this/last/next year``, ``earlier this week`` (and month, year),
    and day-month dates with or without a year (``Nov. 27``, ``on 27 November 2025``).

    News reports past speech, so a bare weekday is the latest such day on or before
    ``reference``; with ``future=True`` it is the next one on or after it. Weeks run Monday to
    Sunday.
    """
    try:
        return _resolve_day(text, reference, future)
    except (OverflowError, ValueError):  # a day before 0001-01-01 or after 9999-12-31
        return None


def _resolve_day(text: str, reference: date, future: bool) -> tuple[date, date] | None:
    words = " ".join(text.split()).strip(" ,.")
    if not words:
        return None
    m = _RELATIVE.match(words)
    if m is not None:
        which = (m.group("which") or "").lower()
        if m.group("weekday"):
            target = weekday_number(m.group("weekday"))
            if target is None:
                return None
            back = (reference.weekday() - target) % 7
            if which == "next" or (future and which != "last"):
                ahead = (target - reference.weekday()) % 7 or (7 if which == "next" else 0)
                day = reference + timedelta(days=ahead)
            elif which == "last":
                day = reference - timedelta(days=back or 7)
            else:
                day = reference - timedelta(days=back)
            return day, day
        word = m.group("word").lower()
        if word in ("today", "tonight"):
            return reference, reference
        if word in ("yesterday", "tomorrow"):
            day = reference + timedelta(days=-1 if word == "yesterday" else 1)
            return day, day
        shift = {"last": -1, "past": -1, "next": 1}.get(which, 0)
        if not which:
            return None  # a bare "week" means nothing
        return _period(word, reference, shift)
    earlier = _EARLIER.match(words)
    if earlier is not None:
        first, last = _period(earlier.group("unit").lower(), reference, 0)
        if words.lower().startswith("earlier"):
            return first, max(first, reference - timedelta(days=1))
        return min(last, reference + timedelta(days=1)), last
    absolute = find_datetime(words)
    if absolute is not None:
        day = absolute.value.date()
        return day, day
    partial = parse_partial(words)
    if partial is not None:
        completed = partial.complete(reference, future=future)
        if completed is not None:
            return completed, completed
    return None


def _period(unit: str, reference: date, shift: int) -> tuple[date, date]:
    if unit == "week":
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + shift
        return _month_bounds(index // 12, index % 12 + 1)
    year = reference.year + shift
    return date(year, 1, 1), date(year, 12, 31)


# --------------------------------------------------------------------------- metadata fields
# Dates that a format's field holds whole (not found in prose): strict ISO 8601 for the JSON
# shape, and the many machine shapes agencies and feeds send.


def parse_iso_datetime(value: str) -> datetime:
    """An ISO 8601 date-time, with ``Z`` accepted for UTC (Python 3.10's parser refuses it); a
    ValueError for anything else. The JSON shape's dates, read strictly."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


# 20020225T143000-0500, 2021-05-16T09:00:04, 20080219+0100, 2019-07-03T04:05:12.123Z, 2003-12-13
_ISO_STAMP = re.compile(
    r"""^\s*(?P<year>\d{4})(?:-?(?P<month>\d{2})(?:-?(?P<day>\d{2}))?)?
        (?:[T\s](?P<hour>\d{1,2})(?::?(?P<minute>\d{2})(?::?(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?)?)?
        \s*(?P<zone>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$""",
    re.VERBOSE,
)

_RFC822_ZONES = {
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
}
"""RFC 822's named zones (US ones, as RFC 822 defines them) and the unambiguous European ones."""


def _stamp_zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    if hours > 23 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _iso_stamp(text: str) -> datetime | None:
    match = _ISO_STAMP.match(text)
    if match is None:
        return None
    parts = match.groupdict()
    try:
        fraction = (parts["fraction"] or "0")[:6].ljust(6, "0")
        value = datetime(
            int(parts["year"]),
            int(parts["month"] or 1),
            int(parts["day"] or 1),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
            int(parts["second"] or 0),
            int(fraction),
        )
    except ValueError:
        return None
    if parts["zone"] in ("-00:00", "-0000"):
        return value  # RFC 3339: the offset to local time is unknown
    zone = _stamp_zone(parts["zone"])
    return value.replace(tzinfo=zone) if zone is not None else value


def _rfc822_stamp(text: str) -> datetime | None:
    cleaned = text.strip()
    # named zones email.utils does not know (CEST, IST, ...) become offsets
    match = re.search(r"\s([A-Z]{3,4})$", cleaned)
    offset_hours: float | None = None
    if match and match.group(1) in _RFC822_ZONES:
        offset_hours = _RFC822_ZONES[match.group(1)]
        cleaned = cleaned[: match.start()] + " +0000"
    try:
        parsed = parsedate_tz(cleaned)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    year, month, day, hour, minute, second = parsed[:6]
    if year < 100:  # two-digit years, as RFC 822 allowed
        year += 2000 if year < 50 else 1900
    try:
        value = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if offset_hours is not None:
        return value.replace(tzinfo=timezone(timedelta(hours=offset_hours)))
    offset = parsed[9]
    if offset is None:
        # "-0000" in RFC 2822 means "no zone information": keep the time naive
        return value if "-0000" in cleaned else value.replace(tzinfo=timezone.utc)
    return value.replace(tzinfo=timezone(timedelta(seconds=offset)))


def parse_timestamp(value: str | None) -> datetime | None:
    """A date-time from an ISO 8601 / W3CDTF string (extended or basic, with or without a zone,
    date-only), or an RFC 822 / RFC 2822 one (``Tue, 10 Jun 2003 04:00:00 GMT``, named US zones
    and two-digit years accepted). None for anything else: a bad date never fails a parse.

    With an offset or ``Z`` the result is aware; without one it is naive, as the model wants.
    """
    if value is None:
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    return _iso_stamp(text) or _rfc822_stamp(text)
