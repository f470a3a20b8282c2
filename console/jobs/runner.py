"""Running the jobs that are due, each at most once at a time across every scheduler.

A job is due when its interval (a cluster setting, minutes) has passed since its last start.
A scheduler takes it with one guarded update of the job's lease row: ``lease_until`` empty or
past, and the last start at least an interval ago; the one whose update changed the row runs
it, every other scheduler sees it taken. The run is recorded in ``job_runs`` (start, end,
outcome, counts, message) and the lease let go; a scheduler that dies leaves its lease to run
out (``lease_minutes``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError

from console.base import clock
from console.base.actor import Actor
from console.base.cluster import settings_of
from console.base.errors import ConsoleError, classify
from console.db import SessionFactory
from console.jobs.registry import Job, JobContext, registered_jobs
from console.schema import JobLease, JobRun

OK, FAILED, RUNNING = "ok", "failed", "running"
MESSAGE_LIMIT = 1000


@dataclass(frozen=True)
class RunOutcome:
    """What happened to one job in this run: ran (ok or failed, with counts) or skipped."""

    name: str
    outcome: str
    counts: dict[str, Any]
    message: str = ""


@dataclass(frozen=True)
class JobState:
    """A job as the 监管 tab shows it: its last run, and whether it is late or failing."""

    name: str
    label: str
    interval_minutes: int
    last_started: dt.datetime | None
    last_finished: dt.datetime | None
    last_outcome: str | None
    running: bool
    late: bool


def holder_name() -> str:
    """Who runs jobs here: host and process, as the lease and the run record it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def run_due(
    sessions: SessionFactory,
    actor: Actor,
    *,
    only: Sequence[str] = (),
    force: bool = False,
    holder: str | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[RunOutcome]:
    """Run every due job (or those named in ``only``; ``force``: due or not, still one at a
    time); what each did, skipped jobs included as ``skipped``/``busy``."""
    holder = holder or holder_name()
    jobs = registered_jobs()
    outcomes = []
    for name, job in jobs.items():
        if only and name not in only:
            continue
        if cancelled():
            break
        outcomes.append(_run_one(sessions, actor, job, holder, force, cancelled))
    return outcomes


def _interval(sessions: SessionFactory, job: Job) -> int:
    with sessions() as session:
        return int(settings_of(session)[job.interval])


def _take(sessions: SessionFactory, job: Job, holder: str, force: bool) -> dt.datetime | None:
    """The start time when this scheduler took ``job``; None when it is not due or taken."""
    interval = _interval(sessions, job)
    if interval <= 0 and not force:
        return None
    try:
        with sessions.begin() as session:
            if session.get(JobLease, job.name) is None:
                session.add(JobLease(name=job.name))
    except IntegrityError:
        pass  # another scheduler made the row at the same moment
    now = clock.utcnow()
    free = or_(JobLease.lease_until.is_(None), JobLease.lease_until < now)
    due = or_(
        JobLease.last_started_at.is_(None),
        JobLease.last_started_at <= now - dt.timedelta(minutes=max(interval, 0)),
    )
    with sessions.begin() as session:
        taken = session.execute(
            update(JobLease)
            .where(JobLease.name == job.name, and_(free, due) if not force else free)
            .values(
                holder=holder,
                lease_until=now + dt.timedelta(minutes=job.lease_minutes),
                last_started_at=now,
            )
        )
        return now if taken.rowcount == 1 else None  # type: ignore[attr-defined]


def _run_one(
    sessions: SessionFactory,
    actor: Actor,
    job: Job,
    holder: str,
    force: bool,
    cancelled: Callable[[], bool],
) -> RunOutcome:
    started = _take(sessions, job, holder, force)
    if started is None:
        return RunOutcome(job.name, "skipped", {})
    with sessions.begin() as session:
        row = JobRun(job=job.name, holder=holder, started_at=started, outcome=RUNNING,
                     counts="{}", message="")  # fmt: skip
        session.add(row)
        session.flush()
        run_id = row.id
    counts: dict[str, Any] = {}
    message = ""
    try:
        counts = dict(job.run(JobContext(sessions, actor, started, holder, cancelled)))
        outcome = OK
    except ConsoleError as error:
        outcome, message = FAILED, str(error)
    except Exception as error:
        fault = classify(error)
        if fault is None:
            _finish(sessions, job, run_id, FAILED, {}, f"{type(error).__name__}: {error}")
            raise
        outcome, message = FAILED, str(fault)
    _finish(sessions, job, run_id, outcome, counts, message)
    return RunOutcome(job.name, outcome, counts, message)


def _finish(
    sessions: SessionFactory,
    job: Job,
    run_id: int,
    outcome: str,
    counts: dict[str, Any],
    message: str,
) -> None:
    now = clock.utcnow()
    with sessions.begin() as session:
        session.execute(
            update(JobRun)
            .where(JobRun.id == run_id)
            .values(finished_at=now, outcome=outcome, message=message[:MESSAGE_LIMIT],
                    counts=json.dumps(counts, ensure_ascii=False, sort_keys=True))
        )  # fmt: skip
        session.execute(
            update(JobLease)
            .where(JobLease.name == job.name)
            .values(lease_until=None, last_finished_at=now, last_outcome=outcome)
        )


def job_states(sessions: SessionFactory, now: dt.datetime | None = None) -> list[JobState]:
    """Every registered job's last run; ``late`` when it has not started for two intervals
    (or its last run failed)."""
    now = now or clock.utcnow()
    jobs = registered_jobs()
    with sessions() as session:
        settings = settings_of(session)
        leases = {row.name: row for row in session.scalars(select(JobLease))}
        intervals = {name: int(settings[job.interval]) for name, job in jobs.items()}
    states = []
    for name, job in jobs.items():
        lease = leases.get(name)
        interval = intervals[name]
        started = lease.last_started_at if lease else None
        running = bool(lease and lease.lease_until and lease.lease_until > now)
        overdue = interval > 0 and (
            started is None or now - started > dt.timedelta(minutes=2 * interval)
        )
        late = overdue or bool(lease and lease.last_outcome == FAILED)
        states.append(
            JobState(name, job.label, interval, started,
                     lease.last_finished_at if lease else None,
                     lease.last_outcome if lease else None, running, late)
        )  # fmt: skip
    return states
