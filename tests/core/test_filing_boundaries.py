"""Every filing rule at its boundary dates, read back from the database on all three engines.

The pure rules are tested in ``test_filing_rules``; here the same boundaries go through the
stored dates, timestamps and settings of SQLite, PostgreSQL and MariaDB.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert

from console.base import clock
from console.base.errors import InvalidInput
from console.db import SessionFactory
from console.filings import service as filings
from console.filings.facts import FilingRecord
from console.filings.rules import Urgency
from console.filings.settings import FilingSettings, change_settings
from console.schema import Filing, ProbeResult
from tests.core.test_filing_services import (
    BEIJING,
    REVIEWER,
    SYSADMIN,
    add_sites,
    filing,
    probe_rows,
)

OPENED = dt.date(2026, 3, 1)  # add_sites opens every site on this day
GRADED = dt.date(2026, 2, 1)
ASSESSED = dt.date(2025, 11, 22)


def at(day: dt.date, late: bool = True) -> dt.datetime:
    """The stored form of the first or the last microsecond of ``day`` in Beijing (the
    cluster's zone): a rule reads the cluster's date, never the hour nor the UTC date."""
    wall = dt.datetime.combine(day, dt.time.max if late else dt.time.min)
    return clock.wall_to_stored(wall, BEIJING)


def findings(sessions: SessionFactory, now: dt.datetime) -> dict[str, dict[str, Urgency]]:
    """Each site's rules and their urgency, by site code."""
    return {
        s.code: {f.rule: f.urgency for f in s.findings}
        for s in filings.cluster_status(sessions, REVIEWER, now=now).statuses
    }


def store(sessions: SessionFactory, *rows: dict[str, object]) -> None:
    with sessions.begin() as session:
        session.execute(insert(Filing), list(rows))


# 公安备案 within 30 days of opening; 等保备案 (level ≥ 2) within 30 days of grading.
THIRTY_DAY_RULES = [
    ("psb", OPENED, {"psb_number": None, "psb_date": None}, "psb_date"),
    ("mlps", GRADED, {"mlps_level": 2, "mlps_form_number": None, "mlps_filed_on": None,
                      "assessed_on": None}, "mlps_filed_on"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "start", "pending", "filed_on"), THIRTY_DAY_RULES)
def test_filing_within_30_days(
    sessions: SessionFactory, rule: str, start: dt.date, pending: dict[str, object], filed_on: str
) -> None:
    add_sites(sessions, 3)
    store(
        sessions,
        filing(1, **pending),
        filing(2, **{filed_on: start + dt.timedelta(days=30)}),
        filing(3, **{filed_on: start + dt.timedelta(days=31)}),
    )
    deadline = start + dt.timedelta(days=30)
    assert findings(sessions, at(deadline))["3312000001"][rule] is Urgency.DUE
    after = findings(sessions, at(deadline + dt.timedelta(days=1), late=False))
    assert after["3312000001"][rule] is Urgency.OVERDUE
    assert f"{rule}_late" not in after["3312000002"]
    assert after["3312000003"][f"{rule}_late"] is Urgency.NOTE


def test_assessments_yearly_for_level_3_half_yearly_for_level_4(
    sessions: SessionFactory,
) -> None:
    add_sites(sessions, 2)
    store(
        sessions,
        filing(1, mlps_level=3, assessed_on=ASSESSED),
        filing(2, mlps_level=4, assessed_on=ASSESSED),
    )
    year, half = dt.date(2026, 11, 22), dt.date(2026, 5, 22)
    for day, code, expected in (
        (year - dt.timedelta(days=91), "3312000001", None),
        (year - dt.timedelta(days=90), "3312000001", Urgency.UPCOMING),
        (year - dt.timedelta(days=31), "3312000001", Urgency.UPCOMING),
        (year - dt.timedelta(days=30), "3312000001", Urgency.DUE),
        (year, "3312000001", Urgency.DUE),
        (year + dt.timedelta(days=1), "3312000001", Urgency.OVERDUE),
        (half, "3312000002", Urgency.DUE),
        (half + dt.timedelta(days=1), "3312000002", Urgency.OVERDUE),
    ):
        assert findings(sessions, at(day)).get(code, {}).get("assessment") is expected, day
    report = filings.cluster_status(sessions, REVIEWER, now=at(year - dt.timedelta(days=90)))
    due = filings.calendar(report)
    assert [(d.code, d.due, d.days_left) for d in due] == [("3312000001", year, 90)]


def test_the_level_2_period_is_the_stored_setting(sessions: SessionFactory) -> None:
    add_sites(sessions, 1)
    store(sessions, filing(1, mlps_level=2, assessed_on=ASSESSED))
    in_a_year = dt.date(2026, 11, 23)
    assert "assessment" not in findings(sessions, at(in_a_year))["3312000001"]  # 24 months
    change_settings(sessions, SYSADMIN, FilingSettings(level2_assessment_months=12))
    assert findings(sessions, at(in_a_year))["3312000001"]["assessment"] is Urgency.OVERDUE
    before = findings(sessions, at(in_a_year - dt.timedelta(days=1)))
    assert before["3312000001"]["assessment"] is Urgency.DUE


def test_numbers_invalid_or_from_another_region(sessions: SessionFactory) -> None:
    add_sites(sessions, 4)
    store(
        sessions,
        filing(1, icp_number="京ICP备05070218号"),  # Beijing, for a site in 331200
        filing(2, psb_number="浙公网安备33010202000002号"),  # another county's bureau
        filing(3, mlps_form_number="11010000123"),  # a Beijing bureau
        filing(4, mlps_form_number="3312000012"),  # ten digits
    )
    found = findings(sessions, at(dt.date(2026, 6, 1)))
    assert found["3312000001"] == {"icp_format": Urgency.PROBLEM}
    assert found["3312000002"] == {"psb_format": Urgency.PROBLEM}
    assert found["3312000003"] == {"mlps_format": Urgency.PROBLEM}
    assert found["3312000004"] == {"mlps_format": Urgency.PROBLEM}
    with pytest.raises(InvalidInput) as refused:
        filings.save_filing(sessions, SYSADMIN, 1, 1, FilingRecord(mlps_form_number="11010000123"))
    assert "331200" in str(refused.value)


def test_unreachable_at_five_percent_of_the_seven_beijing_days_before(
    sessions: SessionFactory,
) -> None:
    """168 hourly probes fill the week; failures just inside and just outside it, at 00:30 and
    07:59 Beijing time (the previous UTC date)."""
    add_sites(sessions, 4)
    store(sessions, filing(1), filing(2), filing(3), filing(4))
    now = at(dt.date(2026, 6, 1), late=False) + dt.timedelta(hours=9)
    first_day = dt.date(2026, 5, 25)

    def when(day: dt.date, hour: int, minute: int) -> dt.datetime:
        return clock.wall_to_stored(dt.datetime.combine(day, dt.time(hour, minute)), BEIJING)

    def failed(site_id: int, moment: dt.datetime) -> dict[str, object]:
        return {**probe_rows(site_id, 1, 1)[0], "probed_at": moment}

    with sessions.begin() as session:
        session.execute(insert(ProbeResult), probe_rows(1, 168, 9) + probe_rows(2, 168, 8))
        # Site 3: 8 failures in the week plus one at 00:30 on its first Beijing day: 9 of 169.
        inside = failed(3, when(first_day, 0, 30))
        session.execute(insert(ProbeResult), [*probe_rows(3, 168, 8), inside])
        # Site 4: failures at 07:59 on the check date and just before the week do not count.
        outside = [
            failed(4, when(dt.date(2026, 6, 1), 7, 59)),
            failed(4, at(first_day) - dt.timedelta(days=1)),
        ]
        session.execute(insert(ProbeResult), [*probe_rows(4, 168, 8), *outside])
    found = findings(sessions, now)
    assert found["3312000001"].get("unreachable") is Urgency.PROBLEM  # 9 / 168 = 5.4 %
    assert "unreachable" not in found["3312000002"]  # 8 / 168 = 4.8 %
    assert found["3312000003"].get("unreachable") is Urgency.PROBLEM  # 9 / 169 = 5.3 %
    assert "unreachable" not in found["3312000004"]  # 8 / 168
    statuses = {s.code: s for s in filings.cluster_status(sessions, REVIEWER, now=now).statuses}
    reason = next(f.reason for f in statuses["3312000003"].findings if f.rule == "unreachable")
    assert "9/169" in reason and "5.3%" in reason and "15 秒" in reason
