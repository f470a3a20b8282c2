"""The 监管 tab's and the report's services: the figures of a scope, read-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from console.base import clock
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import settings_of
from console.db import SessionFactory
from console.schema import Site, SiteKind
from console.supervision.figures import Facts, gather
from console.supervision.ranking import UnitScore, rank_units
from console.supervision.scope import GONE, Scope, load_scope
from console.supervision.trends import WINDOWS, Trend, trend

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
        day = as_of or clock.today(settings_of(session).zone)
        scope = load_scope(session, under)
        facts = gather(session, scope, day)
        trends = {days: trend(session, scope, day, days) for days in windows}
    return Overview(scope, facts, rank_units(scope, facts), trends)


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
