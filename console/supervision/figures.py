"""The headline figures of a scope as of a date: each one a few set-wise queries.

Every figure is judged as of the end of ``as_of`` in the cluster's zone, so the same data and
the same date give the same figures (the monthly report passes the month's last day).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.cluster import settings_of
from console.filings.facts import load_facts as load_filing_facts
from console.filings.rules import Urgency, evaluate, urgency_of
from console.filings.service import SiteStatus
from console.filings.settings import FilingSettings
from console.presets.inspection import RULES, SiteRisk, inspect_sites
from console.probes.reachability import UNDETERMINED, UNREACHABLE, Reachability
from console.probes.settings import reachability_rule
from console.schema import Post, QueueItem, QueueState, SiteColumn
from console.screening import PERSONAL_CATEGORY
from console.supervision.scope import RUNNING, Scope

OPEN_STATES = (QueueState.PENDING.value, QueueState.CLAIMED.value)
WEEK_DAYS = 7
PERSONAL_MARK = f'"category":"{PERSONAL_CATEGORY}"'

# From (inclusive) and until (exclusive): two stored instants.
Window = tuple[dt.datetime, dt.datetime]


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the 监管 tab and of the report's summary."""

    as_of: dt.date
    running: int
    risk_sites: int
    risks: dict[str, int]
    availability: Decimal | None
    below: int
    undetermined: int
    filings_overdue: int
    filings_due: int
    backlog: int
    oldest_pending: dt.datetime | None
    decisions_week: int
    median_decision_hours: float | None
    updates: dict[str, int] = field(default_factory=dict)
    personal_findings: int = 0
    # What the week's decisions count (by decision time) and the month's personal data (by
    # queueing time): the lists behind those figures read the same windows.
    week: Window | None = None
    month: Window | None = None


@dataclass(frozen=True)
class Facts:
    """The headline and the per-site facts the ranking and the report are built from."""

    headline: Headline
    risks: list[SiteRisk]
    filings: list[SiteStatus]
    old_backlog: dict[int, int]


def end_of(day: dt.date, session: Session) -> dt.datetime:
    """The first stored instant after ``day`` in the cluster's zone."""
    return clock.day_start(day + dt.timedelta(days=1), settings_of(session).zone)


def gather(session: Session, scope: Scope, as_of: dt.date) -> Facts:
    """Every figure of ``scope`` as of the end of ``as_of``."""
    settings = settings_of(session)
    zone = settings.zone
    end = end_of(as_of, session)
    running = scope.running_ids
    # The whole cluster is read without an id list: one pass instead of chunks of ids.
    wanted = None if scope.root_id is None else running
    inspection = inspect_sites(session, as_of, wanted) if running else None
    risks = inspection.sites if inspection else []
    # The inspection judged the running sites' reachability: the filings' rules reuse it.
    judged = {r.site_id: r.reachability for r in risks}
    statuses = _filings(session, wanted, end, judged) if running else []
    reach = [r.reachability for r in risks if r.reachability is not None]
    probes = sum(r.probes for r in reach)
    failures = sum(r.failures for r in reach)
    rule_counts = Counter(risk.rule for site in risks for risk in site.risks)
    week = (clock.day_start(as_of - dt.timedelta(days=WEEK_DAYS - 1), zone), end)
    month = (clock.day_start(as_of.replace(day=1), zone), end)
    review = _review(session, scope, end, week)
    headline = Headline(
        as_of=as_of,
        running=len(running),
        risk_sites=sum(1 for r in risks if r.risks),
        risks={rule: rule_counts.get(rule, 0) for rule in RULES},
        availability=(
            (Decimal(100 * (probes - failures)) / probes).quantize(Decimal("0.1"))
            if probes
            else None
        ),
        below=sum(1 for r in reach if r.verdict == UNREACHABLE),
        undetermined=sum(1 for r in reach if r.verdict == UNDETERMINED),
        filings_overdue=sum(1 for s in statuses if s.urgency == Urgency.OVERDUE),
        filings_due=sum(1 for s in statuses if s.due_within(as_of)),
        backlog=review.backlog,
        oldest_pending=review.oldest,
        decisions_week=review.decisions,
        median_decision_hours=review.median_hours,
    )
    headline = replace(
        headline,
        updates=_updates(session, scope, month),
        personal_findings=_personal(session, scope, month),
        week=week,
        month=month,
    )
    return Facts(headline, risks, statuses, _old_backlog(session, scope, end))


def _filings(
    session: Session,
    site_ids: list[int] | None,
    end: dt.datetime,
    judged: Mapping[int, Reachability | None],
) -> list[SiteStatus]:
    settings = settings_of(session)
    zone = settings.zone
    policy = replace(FilingSettings.of(settings).policy, zone=zone)
    now = end - dt.timedelta(microseconds=1)
    as_of = clock.local_date(now, zone)
    statuses = []
    rule = reachability_rule(settings)
    for item in load_filing_facts(session, now, zone, rule, site_ids, judged):
        if item.state not in RUNNING:
            continue
        found = tuple(evaluate(item, as_of, policy))
        statuses.append(
            SiteStatus(item.site_id, item.code, item.name, item.state, urgency_of(found), found)
        )
    statuses.sort(key=lambda s: (-s.urgency, s.due or dt.date.max, s.code))
    return statuses


@dataclass(frozen=True)
class _Review:
    backlog: int
    oldest: dt.datetime | None
    decisions: int
    median_hours: float | None


def _open_at(end: dt.datetime) -> ColumnElement[bool]:
    """Queue items open at ``end``: created before it, not decided before it."""
    return (QueueItem.created_at < end) & (
        QueueItem.decided_at.is_(None) | (QueueItem.decided_at >= end)
    )


def _review(session: Session, scope: Scope, end: dt.datetime, week: Window) -> _Review:
    in_scope = scope.clause(Post.site_id)
    backlog, oldest = session.execute(
        select(func.count(), func.min(QueueItem.created_at))
        .join(Post, Post.id == QueueItem.post_id)
        .where(in_scope, _open_at(end))
    ).one()
    decided = session.execute(
        select(QueueItem.created_at, QueueItem.decided_at)
        .join(Post, Post.id == QueueItem.post_id)
        .where(in_scope, QueueItem.decided_at >= week[0], QueueItem.decided_at < week[1])
    ).all()
    hours = [(d - c).total_seconds() / 3600 for c, d in decided if d is not None and d >= c]
    median = round(statistics.median(hours), 1) if hours else None
    return _Review(int(backlog), oldest, len(decided), median)


def _updates(session: Session, scope: Scope, month: Window) -> dict[str, int]:
    rows = session.execute(
        select(SiteColumn.column_type, func.count())
        .select_from(Post)
        .join(SiteColumn, SiteColumn.id == Post.column_id)
        .where(
            scope.clause(Post.site_id),
            Post.published_at >= month[0],
            Post.published_at < month[1],
        )
        .group_by(SiteColumn.column_type)
    ).all()
    return {str(kind): int(n) for kind, n in sorted(rows)}


def _personal(session: Session, scope: Scope, month: Window) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(QueueItem)
            .join(Post, Post.id == QueueItem.post_id)
            .where(
                scope.clause(Post.site_id),
                QueueItem.created_at >= month[0],
                QueueItem.created_at < month[1],
                QueueItem.findings.contains(PERSONAL_MARK, autoescape=True),
            )
        )
        or 0
    )


def _old_backlog(session: Session, scope: Scope, end: dt.datetime) -> dict[int, int]:
    """Per site: queue items open at ``end`` that had waited more than a week by then."""
    before = end - dt.timedelta(days=WEEK_DAYS)
    # Counted here rather than grouped in SQL: grouping by site led SQLite to walk every post
    # in site order and look for its queue items, instead of reading the far fewer items.
    sites = session.scalars(
        select(Post.site_id)
        .select_from(QueueItem)
        .join(Post, Post.id == QueueItem.post_id)
        .where(scope.clause(Post.site_id), _open_at(end), QueueItem.created_at < before)
    )
    return {int(site): n for site, n in Counter(sites).items()}
