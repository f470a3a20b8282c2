"""站点无法访问: a week of whole Beijing days, 20 probes a day, 5 % or more failing within 15 s."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert

from console.base import clock
from console.db import SessionFactory
from console.filings import service as filings
from console.presets import service as presets
from console.presets.inspection import UNREACHABLE, reachability_note
from console.probes.reachability import (
    REACHABLE,
    UNDETERMINED,
    DayProbes,
    Reachability,
    load_reachability,
    window,
)
from console.probes.reachability import UNREACHABLE as UNREACHABLE_VERDICT
from console.probes.settings import ReachabilityRule
from console.schema import ProbeResult
from tests.core.preset_cluster import AS_OF, READER, add_site, days_before

RULE = ReachabilityRule()
BEIJING = clock.zone_named("Asia/Shanghai")


def _week(probes: int = 20, failures: tuple[int, ...] = (0,) * 7) -> Reachability:
    days = window(AS_OF, RULE)
    return Reachability(
        RULE, tuple(DayProbes(d, probes, f) for d, f in zip(days, failures, strict=True))
    )


def test_the_window_is_the_seven_whole_days_before_the_check_date() -> None:
    days = window(AS_OF, RULE)
    assert (days[0], days[-1], len(days)) == (dt.date(2026, 10, 25), dt.date(2026, 10, 31), 7)


@pytest.mark.parametrize(("failed", "verdict"), [(6, REACHABLE), (7, UNREACHABLE_VERDICT)])
def test_five_percent_or_more_failing_is_unreachable(failed: int, verdict: str) -> None:
    failures = (failed,) + (0,) * 6
    found = _week(failures=failures)
    assert (found.probes, found.failures, found.verdict) == (140, failed, verdict)


def test_a_day_short_of_twenty_probes_means_the_rule_cannot_judge() -> None:
    days = window(AS_OF, RULE)
    short = Reachability(RULE, tuple(DayProbes(d, 19 if d == days[3] else 20, 20) for d in days))
    assert (short.verdict, short.short_days) == (UNDETERMINED, 1)


def test_one_failed_probe_out_of_one_is_not_a_hundred_percent_outage() -> None:
    days = window(AS_OF, RULE)
    once = Reachability(
        RULE, tuple(DayProbes(d, int(d == days[-1]), int(d == days[-1])) for d in days)
    )
    assert (once.verdict, once.probes, once.failures, once.short_days) == (UNDETERMINED, 1, 1, 7)


def test_a_province_s_share_and_probe_count_apply() -> None:
    loose = ReachabilityRule(probes_per_day=10, share_percent=Decimal(10))
    days = window(AS_OF, loose)
    found = Reachability(loose, tuple(DayProbes(d, 10, 1) for d in days))
    assert (found.share, found.verdict) == (Decimal("10.0"), UNREACHABLE_VERDICT)


def _probe(site_id: int, at: dt.datetime, **values: Any) -> dict[str, Any]:
    return {
        "site_id": site_id,
        "probed_at": at,
        "url": "http://example.gov.cn/",
        "ok": True,
        "latency_ms": 200,
        "timeout_ms": 15_000,
    } | values


def _beijing(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return clock.wall_to_stored(dt.datetime.combine(day, dt.time(hour, minute)), BEIJING)


def _every_day(site_id: int, per_day: int = 20) -> list[dict[str, Any]]:
    return [
        _probe(site_id, _beijing(day, 0, 30) + dt.timedelta(minutes=30 * n))
        for day in window(AS_OF, RULE)
        for n in range(per_day)
    ]


def test_probes_are_counted_by_their_beijing_day_and_only_inside_the_window(
    sessions: SessionFactory,
) -> None:
    site_id = add_site(sessions, "3312000001", home=days_before(0))
    first = window(AS_OF, RULE)[0]
    outside = [
        _probe(site_id, _beijing(first, 0, 0) - dt.timedelta(minutes=1), ok=False),
        _probe(site_id, _beijing(AS_OF, 0, 0), ok=False),
        _probe(site_id, _beijing(AS_OF, 7, 59), ok=False),
    ]
    with sessions.begin() as session:
        session.execute(insert(ProbeResult), _every_day(site_id) + outside)
    with sessions() as session:
        found = load_reachability(session, [site_id], AS_OF, BEIJING, RULE)[site_id]
    assert [day.probes for day in found.days] == [20] * 7
    assert (found.failures, found.verdict) == (0, REACHABLE)


def test_a_slow_page_fails_and_a_quick_sweep_s_timeout_does_not_count(
    sessions: SessionFactory,
) -> None:
    site_id = add_site(sessions, "3312000001", home=days_before(0))
    day = window(AS_OF, RULE)[2]
    extra = [
        # Opened, but after 16 s: not within 15 s.
        _probe(site_id, _beijing(day, 20), latency_ms=16_000),
        # A 5 s sweep gave up: it cannot say whether the page opens within 15 s.
        _probe(site_id, _beijing(day, 21), ok=False, latency_ms=None, timeout_ms=5_000,
               error="timeout: ReadTimeout"),
        # Refused at once: a failure whatever the timeout.
        _probe(site_id, _beijing(day, 22), ok=False, latency_ms=None, timeout_ms=5_000,
               error="ConnectionError: refused"),
        # Recorded before timeouts were: a failed probe counts.
        _probe(site_id, _beijing(day, 23), ok=False, latency_ms=None, timeout_ms=None,
               error="timeout: ReadTimeout"),
    ]  # fmt: skip
    with sessions.begin() as session:
        session.execute(insert(ProbeResult), _every_day(site_id) + extra)
    with sessions() as session:
        found = load_reachability(session, [site_id], AS_OF, BEIJING, RULE)[site_id]
    assert (found.probes, found.failures) == (143, 3)


def test_the_inspection_and_the_filings_say_the_same_about_reachability(
    sessions: SessionFactory,
) -> None:
    down = add_site(sessions, "3312000001", home=days_before(0))
    young = add_site(sessions, "3312000002", home=days_before(0))
    probes = _every_day(down)
    for row in probes[::10]:
        row["ok"] = False
    probes.append(_probe(young, _beijing(AS_OF - dt.timedelta(days=1), 9), ok=False))
    with sessions.begin() as session:
        session.execute(insert(ProbeResult), probes)
    sites = {r.site_id: r for r in presets.inspect(sessions, READER, AS_OF).sites}
    assert [r.rule for r in sites[down].risks] == [UNREACHABLE]
    assert sites[young].risks == ()
    assert "1 次有效探测" in reachability_note(sites[young])
    now = _beijing(AS_OF, 10)
    report = filings.cluster_status(sessions, READER, now)
    reasons = {s.site_id: [f.rule for f in s.findings] for s in report.statuses}
    assert "unreachable" in reasons[down]
    assert "unreachable_undetermined" in reasons[young]
    assert "unreachable" not in reasons[young]
