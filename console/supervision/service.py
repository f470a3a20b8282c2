"""The 监管 tab's and the report's services: the figures of a scope, read-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import settings_reading
from console.db import SessionFactory
from console.db.rounds import Reading, alongside, run
from console.schema import Site, SiteKind
from console.supervision.figures import Facts, gather_reading
from console.supervision.ranking import UnitScore, rank_units
from console.supervision.scope import GONE, Scope, scope_reading
from console.supervision.trends import WINDOWS, Trend, trend_reading

READERS = REGISTER_READERS
PORTAL_KINDS = (
    SiteKind.PROVINCE_PORTAL.value,
    SiteKind.CITY_PORTAL.value,
    SiteKind.COUNTY_PORTAL.value,
)


@dataclass(frozen=True)
class Overview:
    """Everything the 监管 tab shows for one scope and date."""

    scope: Scope
    facts: Facts
    ranking: list[UnitScore]
    trends: dict[int, Trend]


def overview(
    sessions: SessionFactory,
    actor: Actor,
    under: int | None = None,
    as_of: dt.date | None = None,
    windows: tuple[int, ...] = WINDOWS,
) -> Overview:
    """The figures, ranking and trends of the scope below site ``under`` (None: the whole
    cluster) as of the end of ``as_of`` (today in the cluster's zone by default)."""
    require(actor, *READERS)
    with sessions() as session:
        return run(session, _overview_reading(session, under, as_of, windows))


def _overview_reading(
    session: Session, under: int | None, as_of: dt.date | None, windows: tuple[int, ...]
) -> Reading[Overview]:
    """The overview in three rounds: the settings and the scope, then everything else."""
    settings, scope = yield from alongside(settings_reading(session), scope_reading(under))
    day = as_of or clock.today(settings.zone)
    return (yield from overview_of(session, scope, day, windows))


def overview_of(
    session: Session, scope: Scope, day: dt.date, windows: tuple[int, ...]
) -> Reading[Overview]:
    """The figures, ranking and trends of ``scope`` as of ``day``: the figures and every
    window's trend read side by side."""
    facts, *trends = yield from alongside(
        gather_reading(session, scope, day),
        *(trend_reading(session, scope, day, days) for days in windows),
    )
    return Overview(scope, facts, rank_units(scope, facts), dict(zip(windows, trends, strict=True)))


@dataclass(frozen=True)
class ScopeChoice:
    """A site the 监管 tab can be narrowed to (a portal, with everything below it)."""

    site_id: int
    code: str
    name: str
    kind: str


def scope_choices(sessions: SessionFactory, actor: Actor) -> list[ScopeChoice]:
    """The portals in service or being set up, in code order (the scope selector's entries)."""
    require(actor, *READERS)
    with sessions() as session:
        rows = session.execute(
            select(Site.id, Site.code, Site.name, Site.kind)
            .where(Site.kind.in_(PORTAL_KINDS), Site.state.not_in(GONE))
            .order_by(Site.code)
        ).all()
    return [ScopeChoice(*row) for row in rows]
