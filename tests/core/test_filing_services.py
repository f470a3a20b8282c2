"""Filing services on all three engines: the rules over loaded facts, edits, settings, sweeps."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, func, insert, select

from console.base import clock
from console.base.actor import Actor
from console.base.errors import Conflict, InvalidInput, NotFound, NotPermitted
from console.db import SessionFactory
from console.filings import service as filings
from console.filings import sweeps as probes
from console.filings.rules import Urgency
from console.filings.settings import FilingSettings, change_settings, read_settings
from console.probes.probe import ProbeOutcome
from console.schema import Duty, Filing, JournalEntry, ProbeResult, Site, SiteDomain

BEIJING = clock.zone_named("Asia/Shanghai")
SYSADMIN = Actor(None, "sysadmin", frozenset({Duty.SYSTEM_ADMIN}))
REVIEWER = Actor(None, "reviewer", frozenset({Duty.REVIEWER}))
NOW = dt.datetime(2026, 6, 1, 12, 0)
ICP = "浙ICP备2019012345号-{n}"
PSB = "浙公网安备331202020000{n:02d}号"


def add_sites(sessions: SessionFactory, count: int) -> None:
    rows = [
        {
            "id": i, "code": f"331200{i:04d}", "name": f"云溪市第{i}局", "kind": "department",
            "region_code": "331200", "organiser_name": f"云溪市第{i}局",
            "organiser_uscc": "11331200MB0000000X", "organiser_type": "government",
            "state": "running", "opened_on": dt.date(2026, 3, 1), "created_at": NOW,
            "updated_at": NOW, "version": 1,
        }
        for i in range(1, count + 1)
    ]  # fmt: skip
    with sessions.begin() as session:
        session.execute(insert(Site), rows)
        session.execute(
            insert(SiteDomain),
            [
                {"site_id": i, "domain": f"d{i}.yunxi.gov.cn", "is_main": True, "version": 1}
                for i in range(1, count + 1)
            ],
        )


def filing(site_id: int, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "site_id": site_id, "icp_number": ICP.format(n=site_id), "icp_date": dt.date(2026, 1, 5),
        "psb_number": PSB.format(n=site_id), "psb_date": dt.date(2026, 3, 10), "mlps_level": 3,
        "graded_on": dt.date(2026, 2, 1), "mlps_form_number": "33120000123",
        "mlps_filed_on": dt.date(2026, 2, 20), "assessed_on": dt.date(2026, 5, 1),
        "assessment_result": "符合", "rectification_notes": "", "version": 1,
    }  # fmt: skip
    row.update(changes)
    return row


def probe_rows(site_id: int, total: int, failed: int) -> list[dict[str, object]]:
    """``total`` probes an hour apart back from the start of NOW's date in Beijing (168 fill
    the reachability rule's week, 24 a day), the oldest ``failed`` of them failed."""
    midnight = clock.day_start(clock.local_date(NOW, BEIJING), BEIJING)
    return [
        {
            "site_id": site_id, "probed_at": midnight - dt.timedelta(hours=i + 1),
            "url": "http://x/", "ok": i < total - failed,
            "status": 200 if i < total - failed else None, "timeout_ms": 15_000,
        }
        for i in range(total)
    ]  # fmt: skip


def test_the_rules_over_the_whole_cluster(sessions: SessionFactory) -> None:
    add_sites(sessions, 6)
    with sessions.begin() as session:
        session.execute(
            insert(Filing),
            [
                filing(1),
                filing(2, psb_number=None, psb_date=None),  # opened 03-01: overdue since 04-01
                filing(3, assessed_on=dt.date(2025, 6, 20)),  # level 3: due 2026-06-20
                filing(4, mlps_form_number="12345"),
                filing(5),
            ],
        )
        session.execute(insert(ProbeResult), probe_rows(5, 168, 9) + probe_rows(1, 168, 8))
        # A probe older than the week does not count.
        session.execute(
            insert(ProbeResult),
            [{**probe_rows(1, 1, 1)[0], "probed_at": NOW - dt.timedelta(days=8)}],
        )
    report = filings.cluster_status(sessions, REVIEWER, now=NOW)
    statuses = report.statuses
    by_code = {s.code: s for s in statuses}
    assert by_code["3312000001"].urgency is Urgency.OK
    assert by_code["3312000002"].urgency is Urgency.OVERDUE
    assert by_code["3312000002"].findings[0].rule == "psb"
    assert [f.rule for f in by_code["3312000003"].findings] == ["assessment"]
    assert by_code["3312000003"].urgency is Urgency.DUE
    assert by_code["3312000003"].due == dt.date(2026, 6, 20)
    assert by_code["3312000004"].findings[0].rule == "mlps_format"
    assert "unreachable" in [f.rule for f in by_code["3312000005"].findings]
    assert {f.rule for f in by_code["3312000006"].findings} >= {
        "icp_missing",
        "psb",
        "mlps_ungraded",
    }
    # Most urgent first.
    assert [s.urgency for s in statuses] == sorted((s.urgency for s in statuses), reverse=True)
    assert statuses[0].code in ("3312000002", "3312000006")
    due = filings.calendar(report)
    assert [(d.code, d.due, d.days_left) for d in due] == [("3312000003", dt.date(2026, 6, 20), 19)]


def test_filing_edits_validate_journal_and_lock(sessions: SessionFactory) -> None:
    add_sites(sessions, 1)
    record = filings.FilingRecord(icp_number=ICP.format(n=1), icp_date=dt.date(2026, 1, 5))
    with pytest.raises(NotPermitted):
        filings.save_filing(sessions, REVIEWER, 1, 0, record)
    with pytest.raises(InvalidInput):
        filings.save_filing(
            sessions, SYSADMIN, 1, 0, filings.FilingRecord(psb_number="浙公网安备1号")
        )
    with pytest.raises(InvalidInput):
        filings.save_filing(sessions, SYSADMIN, 1, 0, filings.FilingRecord(mlps_level=7))
    with pytest.raises(InvalidInput) as early:
        filings.save_filing(
            sessions, SYSADMIN, 1, 0,
            filings.FilingRecord(mlps_level=3, graded_on=dt.date(2026, 2, 1),
                                 mlps_filed_on=dt.date(2026, 1, 31)),
        )  # fmt: skip
    assert "早于定级日期 2026-02-01" in str(early.value)
    with pytest.raises(InvalidInput) as no_filing:
        filings.add_attachment(sessions, SYSADMIN, 1, 0, "扫描件", r"\\nas\1.pdf")
    assert "请先保存备案信息" in str(no_filing.value)
    assert filings.save_filing(sessions, SYSADMIN, 1, 0, record) == 1
    changed = filings.FilingRecord(
        **{**record.__dict__, "mlps_level": 2, "graded_on": dt.date(2026, 2, 1)}
    )
    assert filings.save_filing(sessions, SYSADMIN, 1, 1, changed) == 2
    with pytest.raises(Conflict):
        filings.save_filing(sessions, SYSADMIN, 1, 1, record)
    detail = filings.filing_detail(sessions, REVIEWER, 1)
    assert detail.version == 2 and detail.record.mlps_level == 2
    assert detail.status is not None and detail.status.urgency >= Urgency.PROBLEM
    attachment = filings.add_attachment(
        sessions, SYSADMIN, 1, 2, "备案证明扫描件", r"\\nas\备案\1.pdf"
    )
    assert [a.label for a in filings.filing_detail(sessions, REVIEWER, 1).attachments] == [
        "备案证明扫描件"
    ]
    with pytest.raises(Conflict) as stale:  # the operator saw version 2; attaching made 3
        filings.remove_attachment(sessions, SYSADMIN, attachment, 2)
    assert "filing.attach" in str(stale.value)
    filings.remove_attachment(sessions, SYSADMIN, attachment, 3)
    with pytest.raises(NotFound):
        filings.remove_attachment(sessions, SYSADMIN, attachment, 4)
    with pytest.raises(InvalidInput):
        filings.add_attachment(sessions, SYSADMIN, 1, 4, "扫描件", "x" * 1001)
    assert filings.filing_detail(sessions, REVIEWER, 1).version == 4
    with sessions() as session:
        actions = session.scalars(select(JournalEntry.action).order_by(JournalEntry.seq)).all()
    assert actions == ["filing.create", "filing.update", "filing.attach", "filing.detach"]


def test_settings_are_stored_checked_and_journalled(sessions: SessionFactory) -> None:
    assert read_settings(sessions, REVIEWER) == FilingSettings()
    with pytest.raises(NotPermitted):
        change_settings(sessions, REVIEWER, FilingSettings(probe_timeout_s=5))
    with pytest.raises(InvalidInput):
        change_settings(sessions, SYSADMIN, FilingSettings(probe_timeout_s=0))
    change_settings(
        sessions, SYSADMIN, FilingSettings(probe_timeout_s=5, level2_assessment_months=12)
    )
    change_settings(
        sessions, SYSADMIN, FilingSettings(probe_timeout_s=6, level2_assessment_months=12)
    )
    stored = read_settings(sessions, REVIEWER)
    assert stored.probe_timeout_s == 6 and stored.policy.level2_months == 12
    with sessions() as session:
        actions = session.scalars(select(JournalEntry.action)).all()
    assert actions == ["setting.change"] * 3  # two keys, then one


def test_a_sweep_is_planned_from_the_register_and_stored_with_one_journal_entry(
    sessions: SessionFactory,
) -> None:
    add_sites(sessions, 4)
    with sessions.begin() as session:
        session.execute(delete(SiteDomain).where(SiteDomain.site_id == 4))
    plan = probes.plan_sweep(sessions, REVIEWER)
    assert [t.site_code for t in plan.targets] == ["3312000001", "3312000002", "3312000003"]
    assert plan.undomained == 1 and "1 个网站没有主域名" in (probes.plan_notes(plan) or "")
    assert probes.plan_sweep(sessions, REVIEWER, site_ids=[1, 4]).undomained == 1
    assert "d2.yunxi.gov.cn" in plan.registered_hosts
    assert [t.domain for t in probes.plan_sweep(sessions, REVIEWER, ["3312000002"]).targets] == [
        "d2.yunxi.gov.cn"
    ]
    with pytest.raises(NotFound):
        probes.plan_sweep(sessions, REVIEWER, ["3312009999"])
    outcomes = [
        ProbeOutcome(
            t.site_id, t.site_code, f"http://{t.domain}/", NOW, ok=t.site_id != 2, status=200
        )
        for t in plan.targets
    ]
    with pytest.raises(NotPermitted):
        probes.record_sweep(sessions, REVIEWER, outcomes, NOW, 3)
    assert probes.record_sweep(sessions, SYSADMIN, outcomes, NOW, 3) == 3
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ProbeResult)) == 3
        entries = session.scalars(select(JournalEntry)).all()
    assert [e.action for e in entries] == ["probe.sweep"]
    assert '"failed":1' in entries[0].after
