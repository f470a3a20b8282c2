"""The demo's year of history: the 监管 trends and ranking have something real to show."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from console.base.actor import REGISTER_READERS, Actor
from console.db import SessionFactory, engine_of, open_database
from console.demo import generate
from console.jobs import job_states
from console.presets.inspection import HOME, LATE_ANSWERS, NO_CONSULTATION, RULES, inspect_sites
from console.schema import JobLease, JobRun, ProbeResult
from console.supervision.service import overview
from console.supervision.trends import SNAPSHOT_JOB

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


def test_a_report_of_last_month_judges_reachability_and_finds_homes_as_fresh_as_now(
    demo: SessionFactory,
) -> None:
    """Seen from a month's end, the end of the month before has a week of hourly probes
    behind it, and its home pages were kept up about as well as they are now."""
    month_end = AS_OF - dt.timedelta(days=31)
    then = overview(demo, READER, None, month_end, windows=()).facts.headline
    now = overview(demo, READER, None, AS_OF, windows=()).facts.headline
    assert then.running and then.undetermined == 0 == now.undetermined
    assert then.risks[HOME] < then.running / 3 and now.risks[HOME] < now.running / 3


def test_the_risk_series_ends_with_what_the_inspection_finds(demo: SessionFactory) -> None:
    with demo() as session:
        runs = session.scalars(
            select(JobRun.counts).where(JobRun.job == SNAPSHOT_JOB).order_by(JobRun.started_at)
        ).all()
        found = inspect_sites(session, AS_OF - dt.timedelta(days=1))
    snapshots = [json.loads(counts) for counts in runs]
    last = snapshots[-1]
    assert last["as_of"] == (AS_OF - dt.timedelta(days=1)).isoformat()
    assert last["at_risk"] == {s.code: [r.rule for r in s.risks] for s in found.sites if s.risks}
    assert last["sites"] == len(found.sites)
    rules = {rule for snapshot in snapshots for named in snapshot["at_risk"].values()
             for rule in named}  # fmt: skip
    assert rules <= set(RULES) and {LATE_ANSWERS, NO_CONSULTATION} <= rules
