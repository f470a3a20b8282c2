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
from console.base.cluster import ClusterSettings, settings_reading
from console.db.rounds import Reading, alongside, given, one, run
from console.filings.facts import Sites, assembled, sites_reading
from console.filings.rules import Urgency, evaluate, urgency_of
from console.filings.service import SiteStatus
from console.filings.settings import FilingSettings
from console.presets.inspection import RULES, SiteRisk, inspection_reading
from console.probes.reachability import UNDETERMINED, UNREACHABLE, Reachability
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


def gather(session: Session, scope: Scope, as_of: dt.date) -> Facts:
    """Every figure of ``scope`` as of the end of ``as_of``."""
    return run(session, gather_reading(session, scope, as_of))


def gather_reading(session: Session, scope: Scope, as_of: dt.date) -> Reading[Facts]:
    """``gather`` as a reading: two rounds once the settings are known (the inspection's two;
    everything else reads beside its first)."""
    settings = yield from settings_reading(session)
    zone = settings.zone
    end = clock.day_start(as_of + dt.timedelta(days=1), zone)
    running = scope.running_ids
    # The whole cluster is read without an id list: one pass instead of chunks of ids.
    wanted = None if scope.root_id is None else running
    week = (clock.day_start(as_of - dt.timedelta(days=WEEK_DAYS - 1), zone), end)
    month = (clock.day_start(as_of.replace(day=1), zone), end)
    inspection, filed, review, updates, personal, old = yield from alongside(
        inspection_reading(session, as_of, wanted) if running else given(None),
        sites_reading(end - dt.timedelta(microseconds=1), wanted) if running else given(None),
        _review_reading(scope, end, week),
        _updates_reading(scope, month),
        _personal_reading(scope, month),
        _old_backlog_reading(scope, end),
    )
    risks = inspection.sites if inspection else []
    # The inspection judged the running sites' reachability: the filings' rules reuse it.
    judged = {r.site_id: r.reachability for r in risks}
    statuses = _statuses(settings, end, filed, judged) if filed else []
    reach = [r.reachability for r in risks if r.reachability is not None]
    probes = sum(r.probes for r in reach)
    failures = sum(r.failures for r in reach)
    rule_counts = Counter(risk.rule for site in risks for risk in site.risks)
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
        updates=updates,
        personal_findings=personal,
        week=week,
        month=month,
    )
    return Facts(headline, risks, statuses, old)


def _statuses(
    settings: ClusterSettings,
    end: dt.datetime,
    found: Sites,
    judged: Mapping[int, Reachability | None],
) -> list[SiteStatus]:
    """The filing status of the sites in service (all of which the inspection judged)."""
    zone = settings.zone
    policy = replace(FilingSettings.of(settings).policy, zone=zone)
    as_of = clock.local_date(end - dt.timedelta(microseconds=1), zone)
    statuses = []
    for item in assembled(found, judged):
        if item.state not in RUNNING:
            continue
        rules = tuple(evaluate(item, as_of, policy))
        statuses.append(
            SiteStatus(item.site_id, item.code, item.name, item.state, urgency_of(rules), rules)
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


def _review_reading(scope: Scope, end: dt.datetime, week: Window) -> Reading[_Review]:
    in_scope = scope.clause(Post.site_id)
    open_now, decided_rows = yield [
        select(func.count(), func.min(QueueItem.created_at))
        .join(Post, Post.id == QueueItem.post_id)
        .where(in_scope, _open_at(end)),
        select(QueueItem.created_at, QueueItem.decided_at)
        .join(Post, Post.id == QueueItem.post_id)
        .where(in_scope, QueueItem.decided_at >= week[0], QueueItem.decided_at < week[1]),
    ]
    backlog, oldest = open_now.one()
    decided = decided_rows.all()
    hours = [(d - c).total_seconds() / 3600 for c, d in decided if d is not None and d >= c]
    median = round(statistics.median(hours), 1) if hours else None
    return _Review(int(backlog), oldest, len(decided), median)


def _updates_reading(scope: Scope, month: Window) -> Reading[dict[str, int]]:
    rows = yield from one(
        select(SiteColumn.column_type, func.count())
        .select_from(Post)
        .join(SiteColumn, SiteColumn.id == Post.column_id)
        .where(
            scope.clause(Post.site_id),
            Post.published_at >= month[0],
            Post.published_at < month[1],
        )
        .group_by(SiteColumn.column_type)
    )
    return {str(kind): int(n) for kind, n in sorted(rows.all())}


def _personal_reading(scope: Scope, month: Window) -> Reading[int]:
    found = yield from one(
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
    return int(found.scalar() or 0)


def _old_backlog_reading(scope: Scope, end: dt.datetime) -> Reading[dict[int, int]]:
    """Per site: queue items open at ``end`` that had waited more than a week by then."""
    before = end - dt.timedelta(days=WEEK_DAYS)
    # Counted here rather than grouped in SQL: grouping by site led SQLite to walk every post
    # in site order and look for its queue items, instead of reading the far fewer items.
    sites = yield from one(
        select(Post.site_id)
        .select_from(QueueItem)
        .join(Post, Post.id == QueueItem.post_id)
        .where(scope.clause(Post.site_id), _open_at(end), QueueItem.created_at < before)
    )
    return {int(site): n for site, n in Counter(sites.scalars()).items()}
