"""Probe sweeps as the console runs them: targets from the register, results into history.

Probing reads the outside world; storing the results is a write, journalled once per sweep.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import and_, func, insert, select

from console.base import clock, journal
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import is_demo, settings_of
from console.base.errors import InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.listing import Field, Listing
from console.db import SessionFactory
from console.probes.dialing import Dialer
from console.probes.probe import ProbeOutcome, ProbeTarget
from console.probes.reasons import shown_error
from console.schema import Duty, Filing, ProbeResult, Site, SiteDomain, SiteState

PROBED_STATES = (SiteState.RUNNING, SiteState.CHANGING)
UNKNOWN_SITES = QT_TR_NOOP("没有这些网站标识码的网站，或它们没有主域名：{codes}")
DEMO_UNMAPPED = QT_TR_NOOP(
    "这是演示站群，域名是虚构的，不向外网探测；只探测用 --connect-to 映射到本机地址的网站，"
    "而要探测的 {n} 个网站都没有映射。"
)
NO_DOMAIN = QT_TR_NOOP("{n} 个网站没有主域名，未探测（请在站点登记中补充）。")
DEMO_SKIPPED = QT_TR_NOOP(
    "演示站群：跳过 {n} 个未映射到本机地址的网站（域名是虚构的，不向外网探测）。"
)


@dataclass(frozen=True)
class SweepPlan:
    """What a sweep probes: the targets, every host the register knows, whether it is a demo.

    ``skipped`` counts the targets a confined sweep leaves out (see ``confine``);
    ``undomained`` the sites it would probe but cannot, having no main domain.
    """

    targets: list[ProbeTarget]
    registered_hosts: frozenset[str]
    demo: bool = False
    skipped: int = 0
    undomained: int = 0


def plan_sweep(
    sessions: SessionFactory, actor: Actor, codes: Sequence[str] = (), site_ids: Sequence[int] = ()
) -> SweepPlan:
    """Targets: the named sites (any state), or every running site with a main domain."""
    require(actor, *REGISTER_READERS)
    statement = (
        select(Site.id, Site.code, SiteDomain.domain, Filing.icp_number, Filing.psb_number)
        .join(SiteDomain, and_(SiteDomain.site_id == Site.id, SiteDomain.is_main.is_(True)))
        .outerjoin(Filing, Filing.site_id == Site.id)
        .order_by(Site.code)
    )
    if codes:
        statement = statement.where(Site.code.in_(list(codes)))
    elif site_ids:
        statement = statement.where(Site.id.in_(list(site_ids)))
    else:
        statement = statement.where(Site.state.in_([str(s) for s in PROBED_STATES]))
    with sessions() as session:
        rows = session.execute(statement).all()
        hosts = frozenset(session.scalars(select(SiteDomain.domain)))
        demo = is_demo(session)
        wanted = len(set(site_ids)) if site_ids else 0
        if not codes and not site_ids:
            wanted = (
                session.scalar(
                    select(func.count())
                    .select_from(Site)
                    .where(Site.state.in_([str(s) for s in PROBED_STATES]))
                )
                or 0
            )
    targets = [ProbeTarget(*row) for row in rows]
    missing = sorted(set(codes) - {t.site_code for t in targets})
    if missing:
        raise NotFound(UNKNOWN_SITES, codes="、".join(missing))
    return SweepPlan(targets, hosts, demo, undomained=max(0, wanted - len(targets)))


def confine(plan: SweepPlan, dialer: Dialer) -> tuple[SweepPlan, Dialer]:
    """The plan and dialer a sweep really uses: a demo cluster never reaches the real network.

    A demo's domains are invented (and may belong to someone): its sweep dials loopback only
    and probes just the sites mapped there; with none mapped it is refused.
    """
    if not plan.demo:
        return plan, dialer
    confined = replace(dialer, loopback_only=True)
    targets = [
        t for t in plan.targets if confined.reaches(t.domain, 80) or confined.reaches(t.domain, 443)
    ]
    if not targets:
        raise InvalidInput(DEMO_UNMAPPED, n=len(plan.targets))
    return replace(plan, targets=targets, skipped=len(plan.targets) - len(targets)), confined


def plan_notes(plan: SweepPlan) -> str | None:
    """What the operator is told about the sites a sweep leaves out, if any."""
    notes = [
        translate("", message).format(n=count)
        for message, count in ((NO_DOMAIN, plan.undomained), (DEMO_SKIPPED, plan.skipped))
        if count
    ]
    return " ".join(notes) or None


def record_sweep(
    sessions: SessionFactory,
    actor: Actor,
    outcomes: Iterable[ProbeOutcome],
    started: dt.datetime,
    planned: int,
    cancelled: bool = False,
) -> int:
    """Store a sweep's outcomes as probe history; one journal entry for the sweep."""
    require(actor, Duty.SYSTEM_ADMIN)
    rows = [outcome.row() for outcome in outcomes]
    with sessions.begin() as session:
        if rows:
            session.execute(insert(ProbeResult), rows)
        failed = sum(1 for row in rows if not row["ok"])
        sweep_id = clock.iso(started, settings_of(session).zone)
        journal.record(
            session, actor, "probe.sweep", "probe_sweep", sweep_id,
            f"{len(rows)}/{planned}",
            None,
            {"planned": planned, "probed": len(rows), "failed": failed, "cancelled": cancelled},
        )  # fmt: skip
    return len(rows)


def _yes_no(value: object) -> str:
    if value is None:
        return ""
    return translate("", YES) if value else translate("", NO)


YES = QT_TR_NOOP("是")
NO = QT_TR_NOOP("否")

PROBE_HISTORY = Listing(
    name="probe_results",
    title=QT_TR_NOOP("探测记录"),
    source=ProbeResult.__table__.join(Site, Site.id == ProbeResult.site_id),
    row_id=ProbeResult.id,
    readers=REGISTER_READERS,
    default_sort="at",
    default_descending=True,
    fields=(
        Field("at", QT_TR_NOOP("探测时间"), ProbeResult.probed_at, width=16),
        Field("code", QT_TR_NOOP("网站标识码"), Site.code, searchable=True, width=10),
        Field("name", QT_TR_NOOP("网站名称"), Site.name, searchable=True, width=20),
        Field("ok", QT_TR_NOOP("可访问"), ProbeResult.ok, render=_yes_no, width=6),
        Field("status", QT_TR_NOOP("状态码"), ProbeResult.status, width=6),
        Field("latency", QT_TR_NOOP("耗时(ms)"), ProbeResult.latency_ms, width=8),
        Field("https", QT_TR_NOOP("HTTPS"), ProbeResult.https, render=_yes_no, width=6),
        Field("cert", QT_TR_NOOP("证书有效"), ProbeResult.cert_valid, render=_yes_no, width=8),
        Field("expiry", QT_TR_NOOP("证书到期"), ProbeResult.cert_not_after, width=16),
        Field(
            "subject", QT_TR_NOOP("证书主体"), ProbeResult.cert_subject, searchable=True, width=24
        ),
        Field(
            "issuer", QT_TR_NOOP("证书签发者"), ProbeResult.cert_issuer, searchable=True, width=24
        ),
        Field("ipv6", QT_TR_NOOP("IPv6"), ProbeResult.ipv6, render=_yes_no, width=5),
        Field(
            "foreign", QT_TR_NOOP("外部跳转"), ProbeResult.foreign_host, searchable=True, width=16
        ),
        Field(
            "error",
            QT_TR_NOOP("错误"),
            ProbeResult.error,
            render=shown_error,
            searchable=True,
            width=30,
        ),
    ),
)
