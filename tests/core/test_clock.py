"""Time as the cluster keeps it: stored UTC, dates and display in the cluster's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from console.base import clock

BEIJING = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("stored", "date"),
    [
        (dt.datetime(2026, 11, 30, 16, 30), dt.date(2026, 12, 1)),  # 00:30 Beijing
        (dt.datetime(2026, 11, 30, 23, 59), dt.date(2026, 12, 1)),  # 07:59 Beijing
        (dt.datetime(2026, 12, 1, 0, 0), dt.date(2026, 12, 1)),  # 08:00 Beijing
        (dt.datetime(2026, 11, 30, 15, 59), dt.date(2026, 11, 30)),  # 23:59 Beijing
    ],
)
def test_the_date_of_a_stored_time_is_its_date_in_beijing(
    stored: dt.datetime, date: dt.date
) -> None:
    assert clock.local_date(stored, BEIJING) == date


def test_today_and_now_are_taken_in_the_zone() -> None:
    moment = clock.now(BEIJING)
    assert moment.utcoffset() == dt.timedelta(hours=8)
    assert clock.today(BEIJING) in (moment.date(), moment.date() + dt.timedelta(days=1))


def test_a_day_of_the_zone_is_a_range_of_stored_times() -> None:
    start, end = clock.day_range(dt.date(2026, 12, 1), dt.date(2026, 12, 2), BEIJING)
    assert (start, end) == (dt.datetime(2026, 11, 30, 16), dt.datetime(2026, 12, 2, 16))
    # A day that loses an hour to daylight saving is 23 hours long, and the range says so.
    start, end = clock.day_range(dt.date(2026, 3, 8), dt.date(2026, 3, 8), NEW_YORK)
    assert end - start == dt.timedelta(hours=23)


def test_a_wall_clock_time_typed_in_the_zone_is_stored_as_utc() -> None:
    assert clock.wall_to_stored(dt.datetime(2026, 12, 1, 8, 30), BEIJING) == dt.datetime(
        2026, 12, 1, 0, 30
    )
    with pytest.raises(ValueError):
        clock.stored(dt.datetime(2026, 12, 1))


@pytest.mark.parametrize(
    ("day", "months", "moved"),
    [
        (dt.date(2026, 11, 1), -6, dt.date(2026, 5, 1)),
        (dt.date(2026, 8, 31), -6, dt.date(2026, 2, 28)),
        (dt.date(2028, 8, 31), -6, dt.date(2028, 2, 29)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 15), -15, dt.date(2024, 12, 15)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
    ],
)
def test_months_are_calendar_months_and_month_ends_fall_on_the_last_day(
    day: dt.date, months: int, moved: dt.date
) -> None:
    assert clock.add_months(day, months) == moved


def test_one_display_format_for_times_and_one_for_dates() -> None:
    stored = dt.datetime(2026, 12, 1, 0, 30, 45, 123456)
    assert clock.shown(stored, BEIJING) == "2026-12-01 08:30"
    assert clock.shown(stored.replace(tzinfo=dt.UTC), BEIJING) == "2026-12-01 08:30"
    assert clock.shown(dt.date(2026, 12, 1), BEIJING) == "2026-12-01"
    assert clock.shown(None, BEIJING) == ""


def test_json_times_are_iso_8601_with_the_offset() -> None:
    assert clock.iso(dt.datetime(2026, 12, 1, 0, 30), BEIJING) == "2026-12-01T08:30:00+08:00"
    assert clock.iso(dt.date(2026, 12, 1), BEIJING) == "2026-12-01"
    assert clock.iso(None, BEIJING) is None


def test_zones_are_the_iana_names_python_knows() -> None:
    assert "Asia/Shanghai" in clock.available_zones()
    assert clock.zone_named("Asia/Urumqi").key == "Asia/Urumqi"
    with pytest.raises(KeyError):
        clock.zone_named("Beijing")
    assert clock.zone_label(BEIJING) == "Asia/Shanghai（UTC+08:00）"


def test_plausibility_checks_accept_the_newest_date_anywhere() -> None:
    assert clock.latest_date() >= dt.datetime.now(dt.UTC).date()
