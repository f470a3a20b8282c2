"""Inspection risk: the State Council single-veto rules a console can watch over columns.

Pure functions over plain data (``SiteFacts``/``ColumnFacts``) decide; ``load_facts`` reads
those facts for any number of sites with a fixed number of set-based queries, so the site
register can show the same badge without a query per site or per column.

Definitions (the rules are tested at their thresholds):

- A column's *last update* is the later of its ``last_updated_at`` and its newest published
  post. *Idle days* = whole days from that date to the as-of date.
- Only *leaf* columns (no sub-columns) are judged: a parent column shows its children's posts,
  so judging it too would count one neglected page twice.
- *Blank*: a leaf column with no published post and no recorded update.
- *Stale*: a leaf column, not blank, with ``max_idle_days`` set and idle days > that limit.
- Rule ``home``: the home page was last updated more than 14 days before as-of (or never).
- Rule ``stale_news``: at least 5 of: news columns idle > 14 days plus notice/policy columns
  idle > 180 days (fixed limits, whatever the column's own rule says).
- Rule ``not_updated``: at least 10 stale columns (by their own ``max_idle_days``).
- Rule ``blank``: at least 5 blank columns.
Only sites that are running (运行 or 变更) are inspected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base.i18n import QT_TR_NOOP, joined, translate
from console.presets.site_columns import LocalColumn, chunks, load_local
from console.schema import ColumnType, Site, SiteState

HOME_IDLE_DAYS = 14
NEWS_IDLE_DAYS = 14
NOTICE_IDLE_DAYS = 180
STALE_NEWS_LIMIT = 5
NOT_UPDATED_LIMIT = 10
BLANK_LIMIT = 5
INSPECTED_STATES = (SiteState.RUNNING.value, SiteState.CHANGING.value)

HOME = "home"
STALE_NEWS = "stale_news"
NOT_UPDATED = "not_updated"
BLANK = "blank"
RULES = (HOME, STALE_NEWS, NOT_UPDATED, BLANK)

RULE_LABELS = {
    HOME: QT_TR_NOOP("首页超过 2 周未更新"),
    STALE_NEWS: QT_TR_NOOP("{count} 个动态要闻/通知公告/政策文件栏目未及时更新"),
    NOT_UPDATED: QT_TR_NOOP("{count} 个应更新栏目未更新"),
    BLANK: QT_TR_NOOP("{count} 个空白栏目"),
}


@dataclass(frozen=True)
class ColumnFacts:
    """What the rules need to know about one column of a site."""

    column_id: int
    code: str
    name: str
    column_type: str
    max_idle_days: int | None
    last_update: dt.datetime | None
    posts: int
    leaf: bool = True


@dataclass(frozen=True)
class SiteFacts:
    """What the rules need to know about one site."""

    site_id: int
    code: str
    name: str
    kind: str
    home_updated_at: dt.datetime | None
    columns: tuple[ColumnFacts, ...] = ()


@dataclass(frozen=True)
class Risk:
    """One rule a site breaks: how many columns, and which (codes)."""

    rule: str
    count: int
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteRisk:
    """A site and the rules it breaks at the as-of date (empty when it passes)."""

    site_id: int
    code: str
    name: str
    kind: str
    risks: tuple[Risk, ...] = field(default_factory=tuple)

    @property
    def severity(self) -> tuple[int, int]:
        """Sort key: more rules broken first, then more columns involved."""
        return (len(self.risks), sum(risk.count for risk in self.risks))

    def as_json(self) -> dict[str, object]:
        """The form ``cluster-console inspect --json`` prints."""
        return {
            "site_code": self.code,
            "risks": [
                {"rule": r.rule, "count": r.count, "columns": list(r.columns)} for r in self.risks
            ],
        }


def idle_days(last: dt.datetime | None, as_of: dt.date) -> int | None:
    """Whole days from ``last`` to ``as_of``; None when never updated."""
    if last is None:
        return None
    return (as_of - last.date()).days


def is_blank(column: ColumnFacts) -> bool:
    """A leaf column with no published post and no recorded update."""
    return column.leaf and column.posts == 0 and column.last_update is None


def is_stale(column: ColumnFacts, as_of: dt.date) -> bool:
    """A non-blank leaf column idle for longer than its own ``max_idle_days``."""
    if not column.leaf or column.max_idle_days is None or is_blank(column):
        return False
    idle = idle_days(column.last_update, as_of)
    return idle is None or idle > column.max_idle_days


def is_late_by_type(column: ColumnFacts, as_of: dt.date) -> bool:
    """Rule (a)'s test: news idle > 14 days, notice or policy idle > 180 days."""
    if not column.leaf or is_blank(column):
        return False
    if column.column_type == ColumnType.NEWS:
        limit = NEWS_IDLE_DAYS
    elif column.column_type in (ColumnType.NOTICE, ColumnType.POLICY):
        limit = NOTICE_IDLE_DAYS
    else:
        return False
    idle = idle_days(column.last_update, as_of)
    return idle is None or idle > limit


def risks_of(site: SiteFacts, as_of: dt.date) -> SiteRisk:
    """The single-veto rules ``site`` breaks at ``as_of``."""
    found: list[Risk] = []
    home_idle = idle_days(site.home_updated_at, as_of)
    if home_idle is None or home_idle > HOME_IDLE_DAYS:
        found.append(Risk(HOME, 1))
    checks = (
        (STALE_NEWS, STALE_NEWS_LIMIT, lambda c: is_late_by_type(c, as_of)),
        (NOT_UPDATED, NOT_UPDATED_LIMIT, lambda c: is_stale(c, as_of)),
        (BLANK, BLANK_LIMIT, is_blank),
    )
    for rule, limit, test in checks:
        hits = tuple(c.code for c in site.columns if test(c))
        if len(hits) >= limit:
            found.append(Risk(rule, len(hits), hits))
    return SiteRisk(site.site_id, site.code, site.name, site.kind, tuple(found))


def ranked(sites: Iterable[SiteFacts], as_of: dt.date) -> list[SiteRisk]:
    """Every site's risks, the most at risk first (ties by site code)."""
    results = [risks_of(site, as_of) for site in sites]
    results.sort(key=lambda r: (-r.severity[0], -r.severity[1], r.code))
    return results


def load_facts(session: Session, site_ids: Sequence[int] | None = None) -> list[SiteFacts]:
    """Facts of the inspected sites (all, or those of ``site_ids``) in three queries per chunk."""
    site_query = select(Site.id, Site.code, Site.name, Site.kind, Site.home_updated_at).where(
        Site.state.in_(INSPECTED_STATES)
    )
    if site_ids is not None:
        site_rows = [
            row
            for chunk in chunks(sorted(set(site_ids)))
            for row in session.execute(site_query.where(Site.id.in_(chunk))).all()
        ]
    else:
        site_rows = list(session.execute(site_query.order_by(Site.code)).all())
    columns = load_column_facts(session, [row.id for row in site_rows])
    return [
        SiteFacts(
            site_id=row.id,
            code=row.code,
            name=row.name,
            kind=row.kind,
            home_updated_at=row.home_updated_at,
            columns=columns[row.id],
        )
        for row in site_rows
    ]


def load_column_facts(
    session: Session, site_ids: Sequence[int]
) -> dict[int, tuple[ColumnFacts, ...]]:
    """Column facts per site id, parents first: two queries per chunk of sites."""
    local = load_local(session, site_ids)
    return {site_id: _column_facts(local[site_id]) for site_id in site_ids}


def _column_facts(columns: Sequence[LocalColumn]) -> tuple[ColumnFacts, ...]:
    """What the rules need of a site's columns: the later of the recorded update and the
    newest published post, published posts only, and whether each column is a leaf."""
    parents = {column.parent_id for column in columns if column.parent_id is not None}
    return tuple(
        ColumnFacts(
            column_id=column.id,
            code=column.code,
            name=column.name,
            column_type=column.column_type,
            max_idle_days=column.max_idle_days,
            last_update=max(
                (at for at in (column.last_updated_at, column.newest_published) if at is not None),
                default=None,
            ),
            posts=column.published,
            leaf=column.id not in parents,
        )
        for column in columns
    )


def risk_text(risk: SiteRisk) -> str:
    """The rules a site breaks, in the operator's language ("" when none)."""
    return joined(translate("", RULE_LABELS[r.rule]).format(count=r.count) for r in risk.risks)
