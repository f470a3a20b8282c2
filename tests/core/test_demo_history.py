"""The demo's year of history: the 监管 trends and ranking have something real to show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from console.base.actor import REGISTER_READERS, Actor
from console.db import SessionFactory, engine_of, open_database
from console.demo import generate
from console.jobs import job_states
from console.schema import JobLease, ProbeResult
from console.supervision.service import overview

AS_OF = dt.date(2026, 5, 1)
READER = Actor(None, "reader", REGISTER_READERS)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionFactory]:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    sessions = open_database(URL.create("sqlite", database=str(path)))
    generate(sessions, sites=30, posts=600, as_of=AS_OF)
    yield sessions
    engine_of(sessions).dispose()


def test_a_year_of_probes_snapshots_and_decisions_fills_every_trend(demo: SessionFactory) -> None:
    seen = overview(demo, READER, None, AS_OF)
    yearly = seen.trends[365]
    assert len(yearly.buckets) == 12
    assert all(v is not None and 80 <= v <= 100 for v in yearly.availability)
    assert all(v is not None for v in yearly.risks[:-1])  # none yet on the check date
    assert yearly.risks[0] > yearly.risks[-2]  # fewer sites at risk than a year ago
    assert sum(yearly.updates) > 0 and any(seen.trends[30].backlog)
    assert seen.ranking and seen.facts.headline.availability is not None
    with demo() as session:
        first = session.scalar(select(func.min(ProbeResult.probed_at)))
        leases = session.scalar(select(func.count()).select_from(JobLease))
    assert first is not None and (AS_OF - first.date()).days >= 300
    assert leases == 4
    import console.supervision.jobs  # noqa: F401 - registers the jobs

    states = {s.name: s for s in job_states(demo, dt.datetime(2026, 5, 1, 0, 45))}
    assert states["probes.round"].last_outcome == "ok" and not states["probes.round"].late
