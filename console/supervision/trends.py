"""Trends over 30, 90 or 365 days: availability, review backlog, updates and risks.

A window is cut into buckets (30 days: days; 90 days: weeks; 365 days: months), each a
``[start, end)`` range of local days; every series is one query over the whole window, with
the bucket computed in SQL. Risks come from the daily inspection snapshots the scheduled job
records (``SNAPSHOT_JOB``): history the database does not otherwise keep.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.cluster import settings_reading
from console.db.read_ahead import AnyResult
from console.db.rounds import Reading, run
from console.probes.settings import reachability_rule
from console.schema import JobRun, Post, ProbeResult, QueueItem
from console.supervision.scope import Scope

WINDOWS = (30, 90, 365)
SNAPSHOT_JOB = "inspection.snapshot"
OK_OUTCOME = "ok"


@dataclass(frozen=True)
class Bucket:
    """One point of a trend: its label and its local days ``[first, after)``."""

    label: str
    first: dt.date
    after: dt.date


@dataclass(frozen=True)
class Trend:
    """The series of one window; a value per bucket (None: nothing to measure)."""

    days: int
    buckets: tuple[Bucket, ...]
    availability: tuple[float | None, ...]
    backlog: tuple[int, ...]
    updates: tuple[int, ...]
    risks: tuple[int | None, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The buckets' labels, for a chart's categories."""
        return tuple(b.label for b in self.buckets)


def buckets(as_of: dt.date, days: int) -> list[Bucket]:
    """The buckets of the ``days`` days ending with ``as_of``."""
    after = as_of + dt.timedelta(days=1)
    if days <= 31:
        firsts = [after - dt.timedelta(days=n) for n in range(days, 0, -1)]
        return [Bucket(d.strftime("%m-%d"), d, d + dt.timedelta(days=1)) for d in firsts]
    if days <= 120:
        weeks = -(-days // 7)
        ends = [after - dt.timedelta(days=7 * n) for n in range(weeks - 1, -1, -1)]
        return [Bucket((e - dt.timedelta(days=1)).strftime("%m-%d"), e - dt.timedelta(days=7), e)
                for e in ends]  # fmt: skip
    months = days // 30 - 1
    out = []
    for back in range(months, -1, -1):
        first = clock.add_months(as_of.replace(day=1), -back)
        last = after if back == 0 else clock.add_months(first, 1)
        out.append(Bucket(first.strftime("%Y-%m"), first, last))
    return out


def trend(session: Session, scope: Scope, as_of: dt.date, days: int) -> Trend:
    """Every series of ``scope`` over the ``days`` days ending with ``as_of``."""
    return run(session, trend_reading(session, scope, as_of, days))


def trend_reading(session: Session, scope: Scope, as_of: dt.date, days: int) -> Reading[Trend]:
    """``trend`` as a reading: one round of four queries (when the settings are known)."""
    settings = yield from settings_reading(session)
    cuts = buckets(as_of, days)
    bounds = [clock.day_start(b.first, settings.zone) for b in cuts] + [
        clock.day_start(cuts[-1].after, settings.zone)
    ]
    limit_ms = reachability_rule(settings).timeout_s * 1000
    probes, backlog, updates, snapshots = yield [
        _availability_query(scope, bounds, limit_ms),
        _backlog_query(scope, bounds),
        _updates_query(scope, bounds),
        _snapshots_query(bounds),
    ]
    published = _per_bucket(updates, bounds)
    return Trend(
        days,
        tuple(cuts),
        _availability(probes, bounds),
        tuple(int(value or 0) for value in backlog.one()),
        tuple(int(published.get(i, (0,))[0]) for i in range(len(cuts))),
        _risks(snapshots, scope, bounds),
    )


def _bucket(column: Any, bounds: list[dt.datetime]) -> Any:
    return case(
        *((column < bounds[i + 1], i) for i in range(len(bounds) - 1)), else_=len(bounds) - 2
    )


def _per_bucket(rows: Any, bounds: list[dt.datetime]) -> dict[int, tuple[Any, ...]]:
    size = len(bounds) - 1
    return {int(row[0]): tuple(row[1:]) for row in rows if row[0] is not None and row[0] < size}


def _availability_query(scope: Scope, bounds: list[dt.datetime], limit_ms: int) -> Any:
    good = and_(ProbeResult.ok.is_(True), or_(ProbeResult.latency_ms.is_(None),
                                              ProbeResult.latency_ms <= limit_ms))  # fmt: skip
    index = _bucket(ProbeResult.probed_at, bounds)
    return (
        select(index, func.count(), func.sum(case((good, 1), else_=0)))
        .where(
            scope.clause(ProbeResult.site_id),
            ProbeResult.probed_at >= bounds[0],
            ProbeResult.probed_at < bounds[-1],
        )
        .group_by(index)
    )


def _availability(rows: AnyResult, bounds: list[dt.datetime]) -> tuple[float | None, ...]:
    found = _per_bucket(rows, bounds)
    values: list[float | None] = []
    for i in range(len(bounds) - 1):
        total, ok = found.get(i, (0, 0))
        values.append(round(100 * int(ok or 0) / int(total), 1) if total else None)
    return tuple(values)


def _open_at(end: dt.datetime) -> ColumnElement[bool]:
    return and_(
        QueueItem.created_at < end,
        or_(QueueItem.decided_at.is_(None), QueueItem.decided_at >= end),
    )


def _backlog_query(scope: Scope, bounds: list[dt.datetime]) -> Any:
    return (
        select(*(func.sum(case((_open_at(end), 1), else_=0)) for end in bounds[1:]))
        .select_from(QueueItem)
        .join(Post, Post.id == QueueItem.post_id)
        .where(
            scope.clause(Post.site_id),
            QueueItem.created_at < bounds[-1],
            or_(QueueItem.decided_at.is_(None), QueueItem.decided_at >= bounds[1]),
        )
    )


def _updates_query(scope: Scope, bounds: list[dt.datetime]) -> Any:
    index = _bucket(Post.published_at, bounds)
    return (
        select(index, func.count())
        .where(
            scope.clause(Post.site_id),
            Post.published_at >= bounds[0],
            Post.published_at < bounds[-1],
        )
        .group_by(index)
    )


def _snapshots_query(bounds: list[dt.datetime]) -> Any:
    return (
        select(JobRun.started_at, JobRun.counts)
        .where(
            JobRun.job == SNAPSHOT_JOB,
            JobRun.outcome == OK_OUTCOME,
            JobRun.started_at >= bounds[0],
            JobRun.started_at < bounds[-1],
        )
        .order_by(JobRun.started_at)
    )


def _risks(rows: AnyResult, scope: Scope, bounds: list[dt.datetime]) -> tuple[int | None, ...]:
    """Sites of the scope at risk in the last snapshot of each bucket (None: no snapshot)."""
    codes = None if scope.root_id is None else {s.code for s in scope.sites}
    values: list[int | None] = [None] * (len(bounds) - 1)
    position = 0
    for started, counts in rows:
        while started >= bounds[position + 1]:
            position += 1
        at_risk = json.loads(counts).get("at_risk", {})
        values[position] = sum(1 for code in at_risk if codes is None or code in codes)
    return tuple(values)
