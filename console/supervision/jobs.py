"""The scheduled jobs of supervision: probe rounds, the queue scan, the daily risk snapshot
and the monthly report with its mail (see ``console.jobs`` for how they are run)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import select

from console.base import clock
from console.base.cluster import is_demo, settings_of
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.db.location import data_dir
from console.filings import sweeps
from console.filings.settings import FilingSettings
from console.jobs import JobContext, register_job
from console.jobs.settings import MONTHLY_REPORT, PROBE_ROUND, QUEUE_SCAN, SNAPSHOT
from console.presets.inspection import inspect_sites
from console.probes.dialing import Dialer
from console.probes.probe import ProbeOptions
from console.probes.sweep import sweep
from console.review import service as review
from console.schema import ReportDelivery
from console.supervision.mail import SENT, send_monthly
from console.supervision.monthly import BEFORE_CLUSTER, EMPTY_CLUSTER, file_paths, write_monthly
from console.supervision.settings import REPORT_FOLDER, SMTP_HOST
from console.supervision.smtp import smtp_config
from console.supervision.trends import SNAPSHOT_JOB

MAIL_FAILED = QT_TR_NOOP("{n} 封月报邮件未能发送，下次运行时重试：{reasons}")


def probe_round(context: JobContext) -> Mapping[str, Any]:
    """Probe every running site once and keep the results (the reachability rule's history).

    A demo cluster's invented domains are never probed on the real network."""
    sessions, actor = context.sessions, context.actor
    with sessions() as session:
        if is_demo(session):
            return {"probed": 0, "demo": 1}
        settings = FilingSettings.of(settings_of(session))
    plan, dialer = sweeps.confine(sweeps.plan_sweep(sessions, actor), Dialer())
    options = ProbeOptions(
        timeout=settings.probe_timeout_s, registered_hosts=plan.registered_hosts, dialer=dialer
    )
    outcomes = sweep(plan.targets, options, settings.probe_workers)
    stored = sweeps.record_sweep(sessions, actor, outcomes, context.started, len(plan.targets))
    return {"planned": len(plan.targets), "probed": stored,
            "failed": sum(1 for o in outcomes if not o.ok)}  # fmt: skip


def queue_scan(context: JobContext) -> Mapping[str, Any]:
    """Screen new and changed posts into the review queue."""
    result = review.load_and_scan(context.sessions, context.actor, cancelled=context.cancelled)
    return {"screened": result.screened, "queued": result.queued, "cleared": result.cleared}


def inspection_snapshot(context: JobContext) -> Mapping[str, Any]:
    """Record which running sites are at single-veto risk today (the risk trend's history)."""
    with context.sessions() as session:
        found = inspect_sites(session)
    at_risk = {site.code: [r.rule for r in site.risks] for site in found.sites if site.risks}
    return {"sites": len(found.sites), "at_risk": at_risk, "as_of": found.as_of.isoformat()}


def report_folder(configured: str) -> Path:
    """Where scheduled reports are written."""
    return Path(configured) if configured.strip() else data_dir() / "reports"


def monthly_report(context: JobContext) -> Mapping[str, Any]:
    """From the 1st on: write last month's report once, and send what has not been sent."""
    sessions, actor = context.sessions, context.actor
    with sessions() as session:
        settings = settings_of(session)
        today = clock.today(settings.zone)
        folder = report_folder(settings[REPORT_FOLDER])
        mail = bool(settings[SMTP_HOST].strip())
    month = clock.add_months(today.replace(day=1), -1).strftime("%Y-%m")
    xlsx, pdf = file_paths(folder, month)
    fresh = not (xlsx.exists() and pdf.exists())
    if not fresh and not mail:
        return {"month": month, "written": 0}
    config = smtp_config(settings) if mail else None
    if not fresh and _all_sent(sessions, month):
        return {"month": month, "written": 0, "sent": 0}
    try:
        written = write_monthly(sessions, actor, month, folder)
    except InvalidInput as refused:
        if refused.message in (BEFORE_CLUSTER, EMPTY_CLUSTER):
            return {"month": month, "written": 0, "before_cluster": 1}
        raise
    counts: dict[str, Any] = {"month": month, "written": int(fresh)}
    if config is None:
        return counts
    result = send_monthly(sessions, actor, written, config)
    counts |= {"sent": len(result.sent), "failed": len(result.failed),
               "skipped": len(result.skipped)}  # fmt: skip
    if result.failed:
        reasons = "；".join(f"{k}: {v}" for k, v in result.failed.items())
        raise InvalidInput(MAIL_FAILED, n=len(result.failed), reasons=reasons)
    return counts


def _all_sent(sessions: SessionFactory, month: str) -> bool:
    """Whether every delivery of ``month`` went out (and there was at least one)."""
    with sessions() as session:
        states = set(
            session.scalars(select(ReportDelivery.state).where(ReportDelivery.month == month))
        )
    return states == {SENT}


register_job("probes.round", QT_TR_NOOP("探测全部运行网站"), PROBE_ROUND, probe_round)
register_job("queue.scan", QT_TR_NOOP("筛查新稿件"), QUEUE_SCAN, queue_scan, lease_minutes=30)
register_job(SNAPSHOT_JOB, QT_TR_NOOP("记录单项否决风险"), SNAPSHOT, inspection_snapshot)
register_job("report.monthly", QT_TR_NOOP("生成并发送上月月报"), MONTHLY_REPORT, monthly_report)
