"""Read-only views of the register: the scope tree and one site's detail with its summaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from console.base.actor import REGISTER_READERS, Actor, require
from console.base.domains import to_unicode
from console.base.errors import NotFound
from console.db import SessionFactory
from console.presets.inspection import INSPECTED_STATES, ColumnVerdict, inspect_columns, risk_text
from console.schema import (
    Account,
    Filing,
    Grant,
    JournalEntry,
    Post,
    Site,
    SiteColumn,
    SiteDomain,
    SiteKind,
    SiteState,
    utcnow,
)
from console.sites.changes import action_label, entry_changes, referenced_sites
from console.sites.lifecycle import NEXT
from console.sites.rules import SiteDraft
from console.sites.service import NO_SITE, TARGET, draft_of

HISTORY_LIMIT = 200
_child = aliased(Site, name="child")
# Portals before departments before special-topic sites, wherever they sit in the tree.
KIND_ORDER = case(
    {
        SiteKind.PROVINCE_PORTAL: 0,
        SiteKind.CITY_PORTAL: 1,
        SiteKind.COUNTY_PORTAL: 2,
        SiteKind.DEPARTMENT: 3,
    },
    value=Site.kind,
    else_=4,
)


@dataclass(frozen=True)
class TreeNode:
    """A site in the scope tree, with how many sites sit directly below it."""

    id: int
    code: str
    name: str
    kind: str
    state: str
    children: int


@dataclass(frozen=True)
class HistoryEntry:
    """A journal entry about one site, in words: what was done and what changed."""

    seq: int
    at: dt.datetime
    operator: str
    action: str
    changes: str


@dataclass(frozen=True)
class SiteDetail:
    """Everything the detail pane shows of one site."""

    id: int
    version: int
    draft: SiteDraft
    state: str
    parent_name: str | None
    merged_into: str | None
    home_updated_at: dt.datetime | None
    next_states: tuple[str, ...]
    domains: tuple[tuple[str, bool], ...]
    filing: dict[str, object]
    columns: dict[str, int]
    column_names: tuple[str, ...]
    grants: dict[str, int]
    accounts: int
    posts: int
    children: int
    history: tuple[HistoryEntry, ...]
    risk: str = ""


def tree_children(sessions: SessionFactory, actor: Actor, parent_id: int | None) -> list[TreeNode]:
    """The sites directly below ``parent_id`` (the top of the cluster when None), by name."""
    require(actor, *REGISTER_READERS)
    below = (
        select(func.count()).where(_child.parent_id == Site.id).correlate(Site).scalar_subquery()
    )
    where = Site.parent_id.is_(None) if parent_id is None else Site.parent_id == parent_id
    with sessions() as session:
        rows = session.execute(
            select(Site.id, Site.code, Site.name, Site.kind, Site.state, below)
            .where(where)
            .order_by(KIND_ORDER, Site.name, Site.id)
        ).all()
    return [TreeNode(*row) for row in rows]


def site_id_of(sessions: SessionFactory, actor: Actor, code: str) -> int:
    """The id of the site registered under ``code``."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        found = session.scalar(select(Site.id).where(Site.code == code))
    if found is None:
        raise NotFound(NO_SITE, id=code)
    return found


def merge_targets(sessions: SessionFactory, actor: Actor) -> list[tuple[str, str]]:
    """Sites another may be merged into (not merged or retired themselves), as (code, name),
    by code: the searchable list of 整合迁移's target."""
    require(actor, *REGISTER_READERS)
    closed = (SiteState.MERGED.value, SiteState.RETIRED.value)
    with sessions() as session:
        rows = session.execute(
            select(Site.code, Site.name).where(Site.state.not_in(closed)).order_by(Site.code)
        )
        return [(code, name) for code, name in rows]


def site_detail(
    sessions: SessionFactory, actor: Actor, site_id: int, as_of: dt.date | None = None
) -> SiteDetail:
    """One site with its domains, the summaries of its columns, grants, filing and history,
    and its inspection risk on ``as_of`` (today in the cluster's zone by default; "" when
    none, or when the site is not running)."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        site = session.get(Site, site_id)
        if site is None:
            raise NotFound(NO_SITE, id=site_id)
        names = {
            key: session.scalar(select(Site.name).where(Site.id == value))
            for key, value in (("parent", site.parent_id), ("merged", site.merged_into_id))
            if value is not None
        }
        domains = session.execute(
            select(SiteDomain.domain, SiteDomain.is_main)
            .where(SiteDomain.site_id == site_id)
            .order_by(SiteDomain.is_main.desc(), SiteDomain.domain)
        ).all()
        inspected = inspect_columns(session, site_id, as_of)
        assert inspected is not None  # the site exists in this transaction
        running = site.state in INSPECTED_STATES
        risk = risk_text(inspected[0]) if running else ""
        return SiteDetail(
            id=site.id,
            risk=risk,
            version=site.version,
            draft=draft_of(session, site),
            state=site.state,
            parent_name=names.get("parent"),
            merged_into=names.get("merged"),
            home_updated_at=site.home_updated_at,
            next_states=NEXT.get(site.state, ()),
            domains=tuple((to_unicode(d), bool(m)) for d, m in domains),
            filing=_filing(session, site_id),
            columns=_columns(inspected[1]),
            column_names=tuple(
                session.scalars(
                    select(SiteColumn.name)
                    .where(SiteColumn.site_id == site_id, SiteColumn.parent_id.is_(None))
                    .order_by(SiteColumn.position)
                ).all()
            ),
            grants=_grants(session, site_id),
            accounts=session.scalar(select(func.count()).where(Account.site_id == site_id)) or 0,
            posts=session.scalar(select(func.count()).where(Post.site_id == site_id)) or 0,
            children=session.scalar(select(func.count()).where(Site.parent_id == site_id)) or 0,
            history=_history(session, site_id),
        )


def _filing(session: Session, site_id: int) -> dict[str, object]:
    filing = session.scalar(select(Filing).where(Filing.site_id == site_id))
    if filing is None:
        return {}
    return {
        "icp_number": filing.icp_number,
        "icp_date": filing.icp_date,
        "psb_number": filing.psb_number,
        "psb_date": filing.psb_date,
        "mlps_level": filing.mlps_level,
        "mlps_filed_on": filing.mlps_filed_on,
        "assessed_on": filing.assessed_on,
        "assessment_result": filing.assessment_result,
    }


def _columns(verdicts: tuple[ColumnVerdict, ...]) -> dict[str, int]:
    """How many columns, how many past their own update rule, how many never updated."""
    return {
        "total": len(verdicts),
        "never_updated": sum(1 for v in verdicts if v.column.updated_on is None),
        "stale": sum(1 for v in verdicts if v.late_by_own_rule),
    }


def _grants(session: Session, site_id: int) -> dict[str, int]:
    now = utcnow()
    rows = session.execute(
        select(Grant.role, func.count())
        .where(
            Grant.site_id == site_id,
            or_(Grant.expires_at.is_(None), Grant.expires_at > now),
        )
        .group_by(Grant.role)
    ).all()
    return {role: count for role, count in rows}


def _history(session: Session, site_id: int) -> tuple[HistoryEntry, ...]:
    rows = session.scalars(
        select(JournalEntry)
        .where(JournalEntry.target_type == TARGET, JournalEntry.target_id == str(site_id))
        .order_by(JournalEntry.seq.desc())
        .limit(HISTORY_LIMIT)
    ).all()
    ids = set().union(*(referenced_sites(e.before, e.after) for e in rows))
    rows_named = session.execute(select(Site.id, Site.name).where(Site.id.in_(ids))).all()
    names = {site_id: name for site_id, name in rows_named}
    return tuple(
        HistoryEntry(
            e.seq,
            e.at,
            e.operator_name,
            action_label(e.action),
            entry_changes(e.before, e.after, names),
        )
        for e in rows
    )
