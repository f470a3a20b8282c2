"""Read-only views of the register: the scope tree and one site's detail with its summaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, String, case, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from console.base.actor import REGISTER_READERS, Actor, require
from console.base.domains import to_unicode
from console.base.errors import NotFound
from console.db import SessionFactory
from console.db.rounds import Reading, alongside, one, run
from console.presets.inspection import INSPECTED_STATES, ColumnVerdict, columns_reading, risk_text
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
from console.sites.service import NO_SITE, TARGET

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
        facts, (domains, column_names, grants), history, inspected = run(
            session,
            alongside(
                one(_facts(site_id)),
                _lists(site_id),
                _history(site_id),
                columns_reading(session, site_id, as_of),
            ),
        )
        found = facts.one_or_none()
        if found is None or inspected is None:
            raise NotFound(NO_SITE, id=site_id)
        site, filing = found.Site, found.Filing
        running = site.state in INSPECTED_STATES
        risk = risk_text(inspected[0]) if running else ""
        draft = SiteDraft(
            code=site.code,
            name=site.name,
            kind=site.kind,
            organiser_name=site.organiser_name,
            organiser_uscc=site.organiser_uscc,
            organiser_type=site.organiser_type,
            parent_code=found.parent_code,
            domains=tuple(to_unicode(domain) for domain, _main in domains),
            opened_on=site.opened_on,
            icp_number=filing.icp_number if filing else None,
            psb_number=filing.psb_number if filing else None,
        )
        return SiteDetail(
            id=site.id,
            risk=risk,
            version=site.version,
            draft=draft,
            state=site.state,
            parent_name=found.parent_name,
            merged_into=found.merged_name,
            home_updated_at=site.home_updated_at,
            next_states=NEXT.get(site.state, ()),
            domains=tuple((to_unicode(d), bool(m)) for d, m in domains),
            filing=_filing_facts(filing),
            columns=_columns(inspected[1]),
            column_names=column_names,
            grants=grants,
            accounts=found.accounts or 0,
            posts=found.posts or 0,
            children=found.children or 0,
            history=history,
        )


def _facts(site_id: int) -> Any:
    """The site, its filing, the names of its parent and merge target and its counts: one
    query (over a network each lookup of its own would be a round trip)."""
    other = aliased(Site)

    def of_other(column: Any, key: Any) -> Any:
        return select(column).where(other.id == key).scalar_subquery()

    def counted(model: Any, where: Any) -> Any:
        return select(func.count()).select_from(model).where(where).scalar_subquery()

    return (
        select(
            Site,
            Filing,
            of_other(other.code, Site.parent_id).label("parent_code"),
            of_other(other.name, Site.parent_id).label("parent_name"),
            of_other(other.name, Site.merged_into_id).label("merged_name"),
            counted(Account, Account.site_id == Site.id).label("accounts"),
            counted(Post, Post.site_id == Site.id).label("posts"),
            counted(other, other.parent_id == Site.id).label("children"),
        )
        .outerjoin(Filing, Filing.site_id == Site.id)
        .where(Site.id == site_id)
    )


def _lists(
    site_id: int,
) -> Reading[tuple[list[tuple[str, bool]], tuple[str, ...], dict[str, int]]]:
    """The site's domains (main first), first-level column names and live grants per role,
    in one query."""
    now = utcnow()

    def tagged(tag: str) -> Any:
        return literal(tag, String).label("tag")

    found = yield from one(
        union_all(
            select(
                tagged("domain"),
                SiteDomain.domain.label("text"),
                cast(SiteDomain.is_main, Integer).label("number"),
            ).where(SiteDomain.site_id == site_id),
            select(tagged("column"), SiteColumn.name, SiteColumn.position).where(
                SiteColumn.site_id == site_id, SiteColumn.parent_id.is_(None)
            ),
            select(tagged("grant"), Grant.role, func.count())
            .where(
                Grant.site_id == site_id,
                or_(Grant.expires_at.is_(None), Grant.expires_at > now),
            )
            .group_by(Grant.role),
        )
    )
    rows = found.all()
    domains = sorted(
        ((str(text), bool(main)) for tag, text, main in rows if tag == "domain"),
        key=lambda domain: (not domain[1], domain[0]),
    )
    columns = tuple(text for _p, text in sorted((n, t) for tag, t, n in rows if tag == "column"))
    grants = {str(text): int(n) for tag, text, n in rows if tag == "grant"}
    return domains, columns, grants


def _filing_facts(filing: Filing | None) -> dict[str, object]:
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


def _history(site_id: int) -> Reading[tuple[HistoryEntry, ...]]:
    """The site's journal entries, newest first, and (a round more, when they name other
    sites) the names of the sites they name."""
    found = yield from one(
        select(JournalEntry)
        .where(JournalEntry.target_type == TARGET, JournalEntry.target_id == str(site_id))
        .order_by(JournalEntry.seq.desc())
        .limit(HISTORY_LIMIT)
    )
    rows = found.scalars().all()
    ids = set().union(*(referenced_sites(e.before, e.after) for e in rows))
    names: dict[int, str] = {}
    if ids:
        named = yield from one(select(Site.id, Site.name).where(Site.id.in_(ids)))
        names = {int(row[0]): str(row[1]) for row in named}
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
