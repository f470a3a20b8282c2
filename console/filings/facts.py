"""What the filing rules read about each site, loaded for the whole cluster in four queries
and two round trips."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.cluster import ClusterSettings, settings_reading
from console.base.rows import named_rows
from console.db.rounds import Reading, alongside
from console.probes.reachability import Reachability, reachability_reading
from console.probes.settings import ReachabilityRule, reachability_rule
from console.schema import Filing, ProbeResult, Site, SiteState

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
    reachability: Reachability | None = None
    latest: LatestProbe | None = None


# Labelled as ``FilingFacts`` names its fields, so each row builds one by name.
_FILING_COLUMNS: tuple[Any, ...] = (
    Site.id.label("site_id"),
    Site.code,
    Site.name,
    Site.state,
    Site.region_code,
    Site.opened_on,
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
    func.coalesce(Filing.rectification_notes, "").label("rectification_notes"),
)
# The fields of ``LatestProbe``, as the probe result's columns of the same names.
_LATEST_COLUMNS: tuple[Any, ...] = tuple(
    getattr(ProbeResult, field.name) for field in fields(LatestProbe)
)


def facts_reading(
    session: Session, now: dt.datetime, site_ids: Iterable[int] | None = None
) -> Reading[tuple[ClusterSettings, list[FilingFacts]]]:
    """The cluster's settings and the facts of every watched site (or of ``site_ids``) at
    ``now`` (stored time) under them: the settings, the sites and their latest probes in one
    round, their probes over the reachability rule's window before the date of ``now`` in the
    cluster's zone in a second (one query per 500 sites)."""
    settings, sites = yield from alongside(settings_reading(session), sites_reading(now, site_ids))
    rule = reachability_rule(settings)
    return settings, (yield from _completed(sites, now, settings.zone, rule))


# The watched sites' filing rows by field name, and their latest probes by site.
Sites = tuple[list[dict[str, Any]], dict[int, LatestProbe]]


def sites_reading(now: dt.datetime, site_ids: Iterable[int] | None) -> Reading[Sites]:
    """The watched sites (all, or of ``site_ids``) with their filings, and their latest probes."""
    wanted = list(site_ids) if site_ids is not None else None
    statement = (
        select(*_FILING_COLUMNS)
        .outerjoin(Filing, Filing.site_id == Site.id)
        .where(Site.state.not_in([str(s) for s in UNWATCHED]))
    )
    if wanted is not None:
        statement = statement.where(Site.id.in_(wanted))
    latest_rows, site_rows = yield [_latest_probes(now, wanted), statement]
    latest = {}
    for values in named_rows(latest_rows):
        site_id = values.pop("probed_site")
        latest[site_id] = LatestProbe(**values)
    return list(named_rows(site_rows)), latest


def _completed(
    found: Sites, now: dt.datetime, zone: ZoneInfo, rule: ReachabilityRule
) -> Reading[list[FilingFacts]]:
    """The facts of the sites ``found``, with their probes over the rule's window."""
    site_ids = [values["site_id"] for values in found[0]]
    reach = yield from reachability_reading(site_ids, clock.local_date(now, zone), zone, rule)
    return assembled(found, reach)


def assembled(found: Sites, reach: Mapping[int, Reachability | None]) -> list[FilingFacts]:
    """The facts of the sites ``found`` given every one's reachability (None: no verdict)."""
    sites, latest = found
    return [
        FilingFacts(
            **values,
            reachability=reach.get(values["site_id"]),
            latest=latest.get(values["site_id"]),
        )
        for values in sites
    ]


def _latest_probes(now: dt.datetime, wanted: list[int] | None) -> Select[Any]:
    """Per site: its latest probe up to ``now`` within ``LATEST_WITHIN_DAYS``."""
    # The latest probe by time (history may be stored out of order); ties go to the last id.
    last = (
        select(ProbeResult.site_id, func.max(ProbeResult.probed_at).label("at"))
        .where(ProbeResult.probed_at >= now - dt.timedelta(days=LATEST_WITHIN_DAYS))
        .where(ProbeResult.probed_at <= now)
        .group_by(ProbeResult.site_id)
        .subquery()
    )
    statement = (
        select(ProbeResult.site_id.label("probed_site"), *_LATEST_COLUMNS)
        .join(last, and_(ProbeResult.site_id == last.c.site_id, ProbeResult.probed_at == last.c.at))
        .order_by(ProbeResult.id)
    )
    if wanted is not None:
        statement = statement.where(ProbeResult.site_id.in_(wanted))
    return statement
