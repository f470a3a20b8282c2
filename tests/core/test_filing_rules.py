"""Every filing rule at its boundary dates (pure functions; the loader is tested on 3 engines)."""

from __future__ import annotations

import datetime as dt

import pytest

from console.base.clock import add_months
from console.filings.facts import FilingFacts, LatestProbe
from console.filings.rules import Policy, Urgency, evaluate, urgency_of
from console.probes.reachability import DayProbes, Reachability, window
from console.probes.settings import ReachabilityRule

OPENED = dt.date(2026, 3, 1)
ICP = "浙ICP备2019012345号-2"
PSB = "浙公网安备33120202000001号"


def facts(**changes: object) -> FilingFacts:
    """A running level-3 site in 云溪市 (331200) with every filing in order."""
    base: dict[str, object] = dict(
        site_id=1, code="3312000001", name="云溪市人民政府", state="running",
        region_code="331200", opened_on=OPENED, icp_number=ICP, icp_date=dt.date(2026, 1, 5),
        psb_number=PSB, psb_date=dt.date(2026, 3, 10), mlps_level=3,
        graded_on=dt.date(2026, 2, 1), mlps_form_number="33120000123",
        mlps_filed_on=dt.date(2026, 2, 20), assessed_on=dt.date(2026, 5, 1),
        assessment_result="符合",
    )  # fmt: skip
    base.update(changes)
    return FilingFacts(**base)  # type: ignore[arg-type]


def rules(item: FilingFacts, as_of: dt.date, policy: Policy | None = None) -> dict[str, Urgency]:
    return {f.rule: f.urgency for f in evaluate(item, as_of, policy or Policy())}


def test_a_site_in_order_has_no_findings() -> None:
    assert evaluate(facts(), dt.date(2026, 6, 1)) == []
    assert urgency_of([]) is Urgency.OK


def test_a_running_site_without_icp_number_is_missing_it() -> None:
    found = rules(facts(icp_number=None), dt.date(2026, 6, 1))
    assert found["icp_missing"] is Urgency.PROBLEM


def test_sites_before_the_icp_step_need_nothing() -> None:
    early = facts(state="badged", icp_number=None, psb_number=None, opened_on=None, mlps_level=None)
    assert evaluate(early, dt.date(2026, 6, 1)) == []


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (OPENED + dt.timedelta(days=29), Urgency.DUE),
        (OPENED + dt.timedelta(days=30), Urgency.DUE),  # the 30th day is still in time
        (OPENED + dt.timedelta(days=31), Urgency.OVERDUE),
    ],
)
def test_psb_filing_is_due_within_30_days_of_opening(as_of: dt.date, expected: Urgency) -> None:
    pending = facts(psb_number=None, psb_date=None)
    finding = next(f for f in evaluate(pending, as_of) if f.rule == "psb")
    assert finding.urgency is expected
    assert finding.due == OPENED + dt.timedelta(days=30)
    assert finding.reason


@pytest.mark.parametrize(("days", "late"), [(30, False), (31, True)])
def test_psb_filed_after_the_30th_day_is_noted_as_late(days: int, late: bool) -> None:
    filed = facts(psb_date=OPENED + dt.timedelta(days=days))
    assert ("psb_late" in rules(filed, dt.date(2026, 6, 1))) is late


def test_psb_number_from_another_region_is_inconsistent() -> None:
    found = evaluate(facts(psb_number="浙公网安备33010202000001号"), dt.date(2026, 6, 1))
    assert [f.rule for f in found] == ["psb_format"]
    assert "331200" in found[0].reason


def test_invalid_numbers_keep_the_validators_reason() -> None:
    found = evaluate(facts(icp_number="ICP备123号", mlps_form_number="1234"), dt.date(2026, 6, 1))
    by_rule = {f.rule: f for f in found}
    assert by_rule["icp_format"].urgency is Urgency.PROBLEM
    assert "ICP备123号" in by_rule["icp_format"].reason
    assert "11" in by_rule["mlps_format"].reason


GRADED = dt.date(2026, 2, 1)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (GRADED + dt.timedelta(days=30), Urgency.DUE),
        (GRADED + dt.timedelta(days=31), Urgency.OVERDUE),
    ],
)
def test_level_2_and_above_file_within_30_days_of_grading(
    as_of: dt.date, expected: Urgency
) -> None:
    unfiled = facts(mlps_level=2, mlps_form_number=None, mlps_filed_on=None, assessed_on=None)
    assert rules(unfiled, as_of)["mlps"] is expected


def test_level_1_need_not_file_nor_be_assessed() -> None:
    level1 = facts(mlps_level=1, mlps_form_number=None, mlps_filed_on=None, assessed_on=None)
    assert evaluate(level1, dt.date(2030, 1, 1)) == []


@pytest.mark.parametrize(("days", "late"), [(30, False), (31, True)])
def test_mlps_filed_late_is_noted(days: int, late: bool) -> None:
    item = facts(mlps_filed_on=GRADED + dt.timedelta(days=days))
    assert ("mlps_late" in rules(item, dt.date(2026, 6, 1))) is late


def test_a_running_site_must_be_graded() -> None:
    assert rules(facts(mlps_level=None), dt.date(2026, 6, 1)) == {"mlps_ungraded": Urgency.PROBLEM}


ASSESSED = dt.date(2025, 11, 22)


@pytest.mark.parametrize(
    ("level", "as_of", "expected"),
    [
        (3, dt.date(2026, 8, 23), None),  # 91 days left: not in the calendar yet
        (3, dt.date(2026, 8, 24), Urgency.UPCOMING),  # 90 days left: in the calendar
        (3, dt.date(2026, 10, 22), Urgency.UPCOMING),  # 31 days left
        (3, dt.date(2026, 10, 23), Urgency.DUE),  # 30 days left: due soon
        (3, dt.date(2026, 11, 22), Urgency.DUE),  # due today
        (3, dt.date(2026, 11, 23), Urgency.OVERDUE),  # a year and a day
        (4, dt.date(2026, 5, 22), Urgency.DUE),  # half-yearly
        (4, dt.date(2026, 5, 23), Urgency.OVERDUE),
    ],
)
def test_assessments_fall_due_yearly_for_level_3_and_half_yearly_for_level_4(
    level: int, as_of: dt.date, expected: Urgency | None
) -> None:
    item = facts(mlps_level=level, assessed_on=ASSESSED)
    assert rules(item, as_of).get("assessment") is expected


def test_due_soon_starts_30_days_before() -> None:
    item = facts(assessed_on=ASSESSED)
    assert rules(item, dt.date(2026, 10, 22))["assessment"] is Urgency.UPCOMING
    assert rules(item, dt.date(2026, 10, 23))["assessment"] is Urgency.DUE


@pytest.mark.parametrize(
    ("months", "due"), [(24, dt.date(2027, 11, 22)), (12, dt.date(2026, 11, 22))]
)
def test_the_level_2_period_is_configurable(months: int, due: dt.date) -> None:
    item = facts(mlps_level=2, assessed_on=ASSESSED)
    policy = Policy(level2_months=months)
    assert "assessment" not in rules(item, due - dt.timedelta(days=91), policy)
    assert rules(item, due, policy)["assessment"] is Urgency.DUE
    assert rules(item, due + dt.timedelta(days=1), policy)["assessment"] is Urgency.OVERDUE


def test_never_assessed_counts_from_grading() -> None:
    item = facts(assessed_on=None)
    finding = next(f for f in evaluate(item, dt.date(2027, 2, 2)) if f.rule == "assessment")
    assert finding.urgency is Urgency.OVERDUE and finding.due == dt.date(2027, 2, 1)
    assert "从未测评" in finding.message


def test_a_failed_assessment_needs_rectification() -> None:
    item = facts(assessment_result="不符合", rectification_notes="整改中")
    found = {f.rule: f for f in evaluate(item, dt.date(2026, 6, 1))}
    assert found["assessment_failed"].urgency is Urgency.PROBLEM
    assert "整改中" in found["assessment_failed"].reason


def test_months_are_calendar_months() -> None:
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)


NOW = dt.datetime(2026, 6, 1, 12, 0)


def _week(per_day: int, failed: int) -> Reachability:
    rule = ReachabilityRule()
    days = window(NOW.date(), rule)
    return Reachability(rule, tuple(DayProbes(d, per_day, failed * (d == days[0])) for d in days))


@pytest.mark.parametrize(("failed", "risk"), [(0, False), (6, False), (7, True)])
def test_unreachable_at_five_percent_of_a_weeks_probes(failed: int, risk: bool) -> None:
    # 7 of 140 is exactly 5 %: at risk; 6 of 140 (4.3 %) is not.
    item = facts(reachability=_week(20, failed))
    assert ("unreachable" in rules(item, NOW.date())) is risk


def test_too_few_probes_are_noted_not_judged() -> None:
    found = {f.rule: f for f in evaluate(facts(reachability=_week(19, 19)), NOW.date())}
    assert "unreachable" not in found
    note = found["unreachable_undetermined"]
    assert note.urgency is Urgency.NOTE and "133 次有效探测" in note.reason
    assert evaluate(facts(reachability=_week(0, 0)), NOW.date()) == []


def latest(**changes: object) -> LatestProbe:
    base: dict[str, object] = dict(
        probed_at=NOW, ok=True, https=True, redirects_to_https=True, cert_valid=True,
        cert_not_after=dt.datetime(2027, 1, 1), ipv6=True, footer_site_code=True,
        footer_icp=True, footer_psb=True,
    )  # fmt: skip
    base.update(changes)
    return LatestProbe(**base)  # type: ignore[arg-type]


def test_the_latest_probe_findings() -> None:
    assert evaluate(facts(latest=latest()), NOW.date()) == []
    bad = latest(
        cert_valid=False, cert_not_after=dt.datetime(2026, 5, 1), footer_icp=False, ipv6=False
    )
    found = {f.rule: f for f in evaluate(facts(latest=bad), NOW.date())}
    assert (
        found["cert_invalid"].urgency is Urgency.PROBLEM
        and "2026-05-01" in found["cert_invalid"].reason
    )
    assert found["footer"].urgency is Urgency.PROBLEM and "ICP" in found["footer"].reason
    assert found["no_ipv6"].urgency is Urgency.NOTE
    misnamed = latest(
        cert_valid=False, error="certificate: Hostname mismatch, certificate is not valid"
    )
    reason = next(f.reason for f in evaluate(facts(latest=misnamed), NOW.date()))
    assert "Hostname mismatch" in reason and "证书链不受信任或与域名不符" in reason
    foreign = evaluate(facts(latest=latest(ok=False, foreign_host="evil.example.com")), NOW.date())
    assert foreign[0].rule == "foreign_host" and "evil.example.com" in foreign[0].reason


@pytest.mark.parametrize(("days", "due"), [(30, True), (31, False)])
def test_a_certificate_expiring_within_30_days_is_due(days: int, due: bool) -> None:
    expiry = NOW + dt.timedelta(days=days)
    found = rules(facts(latest=latest(cert_not_after=expiry)), NOW.date())
    assert ("cert_expires" in found) is due


def test_a_certificate_s_expiry_is_its_date_in_the_cluster_zone() -> None:
    """Expiring at 20:00 UTC is 04:00 the next day in Beijing: 31 days away, not 30."""
    expiry = dt.datetime.combine(NOW.date() + dt.timedelta(days=30), dt.time(20))
    found = {f.rule: f for f in evaluate(facts(latest=latest(cert_not_after=expiry)), NOW.date())}
    assert "cert_expires" not in found


def test_merged_and_retired_sites_are_not_watched() -> None:
    assert evaluate(facts(state="retired", icp_number=None), dt.date(2026, 6, 1)) == []


def test_findings_are_most_urgent_first() -> None:
    item = facts(psb_number=None, psb_date=None, icp_number="bad", assessed_on=None)
    found = evaluate(item, dt.date(2026, 4, 5))
    assert [f.urgency for f in found] == sorted((f.urgency for f in found), reverse=True)
