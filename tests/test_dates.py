"""articlekit.dates: absolute dates, zone abbreviations, partial dates and relative day words."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit.common.dates import (
    AMBIGUOUS_ZONES,
    ZONE_OFFSETS,
    PartialDate,
    find_datetime,
    month_number,
    parse_date,
    parse_datetime,
    parse_partial,
    resolve_day,
    weekday_number,
    zone_for,
)


def tz(hours: float) -> timezone:
    return timezone(timedelta(minutes=round(hours * 60)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12:44, November 28, 2025", datetime(2025, 11, 28, 12, 44)),
        ("Updated 3:05 PM EST, Fri November 28, 2025", datetime(2025, 11, 28, 15, 5, tzinfo=tz(-5))),
        ("Nov. 28, 2025 at 3:05 p.m. ET", datetime(2025, 11, 28, 15, 5, tzinfo=tz(-5))),
        ("July 1, 2025 at 9 a.m. ET", datetime(2025, 7, 1, 9, 0, tzinfo=tz(-4))),  # EDT in summer
        ("Fri, 28 Nov 2025 12:44:00 +0000", datetime(2025, 11, 28, 12, 44, tzinfo=tz(0))),
        ("2025-11-28T12:44:00Z", datetime(2025, 11, 28, 12, 44, tzinfo=tz(0))),
        ("2025-11-28T12:44:00+08:00", datetime(2025, 11, 28, 12, 44, tzinfo=tz(8))),
        ("2025-11-28 19:41:05", datetime(2025, 11, 28, 19, 41, 5)),
        ("28.11.2025, 08:30", datetime(2025, 11, 28, 8, 30)),
        ("28/11/2025 - 10:15", datetime(2025, 11, 28, 10, 15)),
        ("11/28/2025", datetime(2025, 11, 28)),
        ("Thursday, 27 November 2025 10:30 HKT", datetime(2025, 11, 27, 10, 30, tzinfo=tz(8))),
        ("November 28, 2025 4:12 PM GMT+1", datetime(2025, 11, 28, 16, 12, tzinfo=tz(1))),
        ("28. November 2025 um 14:00 MEZ", datetime(2025, 11, 28, 14, 0, tzinfo=tz(1))),
        ("28 November 2025 14:00 XYZ", datetime(2025, 11, 28, 14, 0)),  # an unknown zone: naive
        ("Posted: Nov 28, 2025 / 06:15 AM CST", datetime(2025, 11, 28, 6, 15)),  # CST is ambiguous: naive
        ("Sept. 3rd, 2025", datetime(2025, 9, 3)),
        ("3. Okt. 2025", datetime(2025, 10, 3)),
    ],
)
def test_parse_datetime(text: str, expected: datetime) -> None:
    got = parse_datetime(text)
    assert got == expected
    assert (got is not None and got.tzinfo is None) == (expected.tzinfo is None)


@pytest.mark.parametrize("text", ["no date here", "Nov. 28", "2025", "February 30, 2025", "13/13/2025", ""])
def test_no_absolute_date(text: str) -> None:
    assert parse_datetime(text) is None


def test_find_datetime_reports_where_and_whether_a_time_was_given() -> None:
    text = "Published: 12:44, November 28, 2025 | Updated: 13:00, November 28, 2025"
    first = find_datetime(text)
    assert first is not None and first.has_time
    assert text[first.start : first.end] == "12:44, November 28, 2025"
    second = find_datetime(text, start=first.end)
    assert second is not None and second.value == datetime(2025, 11, 28, 13, 0)
    bare = find_datetime("On June 5, 2025 a rescuer")
    assert bare is not None and not bare.has_time


def test_zones() -> None:
    assert zone_for("EST") == tz(-5)
    assert zone_for("hkt") == tz(8)
    assert zone_for("CST") is None and "CST" in AMBIGUOUS_ZONES
    assert zone_for("ET") is None  # needs a date
    assert zone_for("ET", datetime(2025, 7, 1, 12)) == tz(-4)
    assert zone_for("PT", datetime(2025, 12, 1, 12)) == tz(-8)
    assert not set(ZONE_OFFSETS) & AMBIGUOUS_ZONES
    china = {"CST": tz(8)}
    assert parse_datetime("Nov 28, 2025 10:00 CST", zones=china) == datetime(2025, 11, 28, 10, tzinfo=tz(8))


def test_names() -> None:
    assert month_number("Sept.") == 9 and month_number("März") == 3 and month_number("Okt") == 10
    assert month_number("Smarch") is None
    assert weekday_number("Thurs.") == 3 and weekday_number("sunday") == 6


def test_partial_dates() -> None:
    assert parse_partial("BEIJING, Nov. 28 (Xinhua)") == PartialDate(11, 28)
    assert parse_partial("on 27 November") == PartialDate(11, 27)
    assert PartialDate(11, 28).complete(date(2026, 1, 3)) == date(2025, 11, 28)
    assert PartialDate(1, 2).complete(date(2025, 12, 30), future=True) == date(2026, 1, 2)
    assert PartialDate(2, 30).complete(date(2025, 3, 1)) is None
    assert parse_date("The vote on 12 March 2024 was close") == date(2024, 3, 12)


FRIDAY = date(2025, 11, 28)


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("Thursday", date(2025, 11, 27), date(2025, 11, 27)),
        ("on Thursday night", date(2025, 11, 27), date(2025, 11, 27)),
        ("Friday", FRIDAY, FRIDAY),
        ("last Friday", date(2025, 11, 21), date(2025, 11, 21)),
        ("next Monday", date(2025, 12, 1), date(2025, 12, 1)),
        ("yesterday", date(2025, 11, 27), date(2025, 11, 27)),
        ("today", FRIDAY, FRIDAY),
        ("tomorrow", date(2025, 11, 29), date(2025, 11, 29)),
        ("last week", date(2025, 11, 17), date(2025, 11, 23)),
        ("this week", date(2025, 11, 24), date(2025, 11, 30)),
        ("earlier this week", date(2025, 11, 24), date(2025, 11, 27)),
        ("last month", date(2025, 10, 1), date(2025, 10, 31)),
        ("next year", date(2026, 1, 1), date(2026, 12, 31)),
        ("Nov. 27", date(2025, 11, 27), date(2025, 11, 27)),
        ("on 12 March 2024", date(2024, 3, 12), date(2024, 3, 12)),
    ],
)
def test_resolve_day(words: str, start: date, end: date) -> None:
    assert resolve_day(words, FRIDAY) == (start, end)


@pytest.mark.parametrize("words", ["recently", "week", "", "soon after"])
def test_resolve_day_unknown(words: str) -> None:
    assert resolve_day(words, FRIDAY) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(range(7)))
def test_a_bare_weekday_is_the_latest_on_or_before(reference: date, weekday: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    got = resolve_day(name, reference)
    assert got is not None
    day = got[0]
    assert day.weekday() == weekday and 0 <= (reference - day).days < 7


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2099, 12, 31)))
def test_written_dates_read_back(value: datetime) -> None:
    value = value.replace(second=0, microsecond=0)
    for text in (value.strftime("%B %d, %Y %H:%M"), value.strftime("%d %b %Y %H:%M"), value.isoformat()):
        assert parse_datetime(text) == value, text


def test_resolve_day_at_the_calendars_edges_is_unresolved() -> None:
    from datetime import date as _date

    from articlekit.common.dates import resolve_day

    assert resolve_day("yesterday", _date(1, 1, 1)) is None
    assert resolve_day("next week", _date(9999, 12, 31)) is None
    assert resolve_day("tomorrow", _date(9999, 12, 30)) == (_date(9999, 12, 31), _date(9999, 12, 31))
