"""The jobs the scheduler knows: each with a name, a label, the setting that holds its
interval in minutes (0: never due) and the function that does the work.

An area adds its jobs in its own ``jobs`` module (``console/<area>/jobs.py``), which
``cluster-console jobs run`` imports; no other file changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from console.base.actor import Actor
from console.base.cluster import Setting
from console.db import SessionFactory
from console.schema import Duty

# Who the journal names for what a job changes when no operator runs ``jobs run``.
SCHEDULER = Actor(None, "scheduler", frozenset({Duty.SYSTEM_ADMIN, Duty.REVIEWER}))


@dataclass(frozen=True)
class JobContext:
    """What a job's function is given: the database, who acts (named in the journal), when
    the run started (stored time) and a way to know it should stop early."""

    sessions: SessionFactory
    actor: Actor
    started: dt.datetime
    holder: str
    cancelled: Callable[[], bool]


# A job returns what it counted (JSON-able: numbers, or lists and maps of them).
JobFunction = Callable[[JobContext], Mapping[str, Any]]


@dataclass(frozen=True)
class Job:
    """A scheduled job."""

    name: str
    label: str
    interval: Setting[int]
    run: JobFunction
    lease_minutes: int = 60


_jobs: dict[str, Job] = {}


def register_job(
    name: str, label: str, interval: Setting[int], run: JobFunction, lease_minutes: int = 60
) -> Job:
    """Add a job; ``interval`` is an integer cluster setting in minutes (0: disabled);
    ``lease_minutes`` bounds how long a run that died keeps others from taking the job."""
    if name in _jobs:
        raise ValueError(f"job {name!r} registered twice")
    job = Job(name, label, interval, run, lease_minutes)
    _jobs[name] = job
    return job


def registered_jobs() -> dict[str, Job]:
    """The registered jobs by name, in name order."""
    return dict(sorted(_jobs.items()))
