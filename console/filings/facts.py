"""What the filing rules read about each site, loaded for the whole cluster in three queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from console.schema import Filing, ProbeResult, Site, SiteState

PROBE_WINDOW_DAYS = 7
# A probe older than this says nothing about the site today (and the scan stays bounded).
LATEST_WITHIN_DAYS = 30
UNWATCHED = (SiteState.MERGED, SiteState.RETIRED)


@dataclass(frozen=True)
class LatestProbe:
    """The facts of a site's latest probe that rules look at."""

    probed_at: dt.datetime
    ok: bool
    error: str | None = None
    https: bool | None = None
    redirects_to_https: bool | None = None
    cert_valid: bool | None = None
    cert_not_after: dt.datetime | None = None
    ipv6: bool | None = None
    footer_site_code: bool | None = None
    footer_icp: bool | None = None
    footer_psb: bool | None = None
    foreign_host: str | None = None


@dataclass(frozen=True)
class FilingRecord:
    """The editable filing fields of a site (the form of the 安全备案 tab)."""

    icp_number: str | None = None
    icp_date: dt.date | None = None
    psb_number: str | None = None
    psb_date: dt.date | None = None
    mlps_level: int | None = None
    graded_on: dt.date | None = None
    mlps_form_number: str | None = None
    mlps_filed_on: dt.date | None = None
    assessed_on: dt.date | None = None
    assessment_result: str | None = None
    rectification_notes: str = ""


@dataclass(frozen=True, kw_only=True)
class FilingFacts(FilingRecord):
    """Everything the rules read about one site: its filing record and what surrounds it."""

    site_id: int
    code: str
    name: str
    state: str
    region_code: str
    opened_on: dt.date | None = None
    week_probes: int = 0
    week_failures: int = 0
    latest: LatestProbe | None = None


def _latest(values: tuple[Any, ...]) -> LatestProbe:
    return LatestProbe(*values)


def load_facts(
    session: Session, now: dt.datetime, site_ids: Iterable[int] | None = None
) -> list[FilingFacts]:
    """The facts of every watched site (or of ``site_ids``): three set-based queries."""
    wanted = list(site_ids) if site_ids is not None else None
    filing_columns = [
        Filing.icp_number,
        Filing.icp_date,
        Filing.psb_number,
        Filing.psb_date,
        Filing.mlps_level,
        Filing.graded_on,
        Filing.mlps_form_number,
        Filing.mlps_filed_on,
        Filing.assessed_on,
        Filing.assessment_result,
        Filing.rectification_notes,
    ]
    statement = (
        select(
            Site.id,
            Site.code,
            Site.name,
            Site.state,
            Site.region_code,
            Site.opened_on,
            *filing_columns,
        )
        .outerjoin(Filing, Filing.site_id == Site.id)
        .where(Site.state.not_in([str(s) for s in UNWATCHED]))
    )
    if wanted is not None:
        statement = statement.where(Site.id.in_(wanted))
    week_start = now - dt.timedelta(days=PROBE_WINDOW_DAYS)
    week = (
        select(
            ProbeResult.site_id,
            func.count(),
            func.sum(case((ProbeResult.ok.is_(False), 1), else_=0)),
        )
        .where(ProbeResult.probed_at >= week_start, ProbeResult.probed_at <= now)
        .group_by(ProbeResult.site_id)
    )
    # The latest probe by time (history may be stored out of order); ties go to the last id.
    last = (
        select(ProbeResult.site_id, func.max(ProbeResult.probed_at).label("at"))
        .where(ProbeResult.probed_at >= now - dt.timedelta(days=LATEST_WITHIN_DAYS))
        .where(ProbeResult.probed_at <= now)
        .group_by(ProbeResult.site_id)
        .subquery()
    )
    latest_columns = [
        ProbeResult.probed_at,
        ProbeResult.ok,
        ProbeResult.error,
        ProbeResult.https,
        ProbeResult.redirects_to_https,
        ProbeResult.cert_valid,
        ProbeResult.cert_not_after,
        ProbeResult.ipv6,
        ProbeResult.footer_site_code,
        ProbeResult.footer_icp,
        ProbeResult.footer_psb,
        ProbeResult.foreign_host,
    ]
    latest_q = (
        select(ProbeResult.site_id, *latest_columns)
        .join(last, and_(ProbeResult.site_id == last.c.site_id, ProbeResult.probed_at == last.c.at))
        .order_by(ProbeResult.id)
    )
    if wanted is not None:
        week = week.where(ProbeResult.site_id.in_(wanted))
        latest_q = latest_q.where(ProbeResult.site_id.in_(wanted))
    counts = {row[0]: (int(row[1]), int(row[2] or 0)) for row in session.execute(week)}
    latest = {row[0]: _latest(tuple(row[1:])) for row in session.execute(latest_q)}
    names = [c.key for c in filing_columns]
    facts = []
    for row in session.execute(statement):
        filing = dict(zip(names, row[6:], strict=True))
        filing["rectification_notes"] = filing["rectification_notes"] or ""
        total, failed = counts.get(row[0], (0, 0))
        facts.append(
            FilingFacts(
                site_id=row[0],
                code=row[1],
                name=row[2],
                state=row[3],
                region_code=row[4],
                opened_on=row[5],
                **filing,
                week_probes=total,
                week_failures=failed,
                latest=latest.get(row[0]),
            )
        )
    return facts
