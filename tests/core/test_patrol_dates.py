"""The dates list pages show, the year of ``[11-30]``, and a column's last update."""

from __future__ import annotations

import datetime as dt

import pytest

from console.patrol.dates import infer_year, last_update, parse_date

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-30", dt.date(2026, 11, 30)),
        ("2026/11/30", dt.date(2026, 11, 30)),
        ("2026.11.30", dt.date(2026, 11, 30)),
        ("2026年11月30日", dt.date(2026, 11, 30)),
        ("2026年1月5日", dt.date(2026, 1, 5)),
        ("2026-1-5", dt.date(2026, 1, 5)),
        (" [2026-11-30] ", dt.date(2026, 11, 30)),
        ("（2026-11-30）", dt.date(2026, 11, 30)),
        ("2026-11-30 09:15", dt.date(2026, 11, 30)),
        ("2026-11-30 09:15:07", dt.date(2026, 11, 30)),
        ("发布时间：2026-11-30", dt.date(2026, 11, 30)),
        ("日期: 2026年11月30日", dt.date(2026, 11, 30)),
        ("\xa02026-11-30\xa0", dt.date(2026, 11, 30)),
        ("[11-30]", dt.date(2026, 11, 30)),
        ("11-30", dt.date(2026, 11, 30)),
        ("11月30日", dt.date(2026, 11, 30)),
        ("【12-07】", dt.date(2026, 12, 7)),
    ],
)
def test_each_date_form_is_read(text: str, expected: dt.date) -> None:
    assert parse_date(text, TODAY) == expected


def test_a_year_less_date_after_today_belongs_to_last_year() -> None:
    assert parse_date("[12-08]", TODAY) == dt.date(2025, 12, 8)
    assert parse_date("[12-31]", dt.date(2027, 1, 2)) == dt.date(2026, 12, 31)
    assert parse_date("[01-01]", dt.date(2027, 1, 1)) == dt.date(2027, 1, 1)


def test_29_february_goes_back_to_the_last_leap_year() -> None:
    assert infer_year(2, 29, TODAY) == dt.date(2024, 2, 29)
    assert infer_year(2, 29, dt.date(2028, 2, 28)) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "关于2025年1月1日起施行新规定的说明",  # a date inside a title
        "2026年工作要点",
        "第2026-11-30号",
        "2026-13-01",
        "2026-02-30",
        "[13-01]",
        "1/5",  # pagination, not 5 January
        "共3页",
        "",
        "2026-11-30" + " " * 40,
    ],
)
def test_what_is_not_a_date_on_its_own(text: str) -> None:
    assert parse_date(text, TODAY) is None


def test_the_last_update_is_the_newest_date_on_or_before_today() -> None:
    pinned, newest, future = dt.date(2019, 3, 1), dt.date(2026, 12, 7), dt.date(2027, 1, 21)
    assert last_update([pinned, None, future, newest, dt.date(2026, 11, 2)], TODAY) == newest


def test_a_list_without_dates_has_no_last_update() -> None:
    assert last_update([None, None], TODAY) is None
    assert last_update([dt.date(2027, 1, 1)], TODAY) is None
