"""Patrol processes share the due sites through leases: each due site once, none twice."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from console.db import SessionFactory, engine_of
from console.patrol import leases
from console.schema import ClusterSetting, PatrolLease, PatrolRun, Site
from tests.patrol_cluster import quick, register, staff
from tests.patrol_server import Bed, patrol_bed
from tests.patrol_sites import GovSite, generate
from tests.patrol_workers import patrol_process
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only

SITES = 12
PROCESSES = 4
NOW = dt.datetime(2026, 12, 7, 2, 0)


@pytest.fixture
def sites() -> list[GovSite]:
    return [generate(51, index, columns=3, items=3) for index in range(1, SITES + 1)]


@pytest.fixture
def ids(sessions: SessionFactory, sites: list[GovSite]) -> dict[str, int]:
    staff(sessions)
    found = register(sessions, sites, addresses=True)
    quick(sessions)
    return found


def test_two_holders_never_get_the_same_site(sessions: SessionFactory, ids: dict[str, int]) -> None:
    first = leases.claim_due(sessions, "a", 5, now=NOW)
    second = leases.claim_due(sessions, "b", 100, now=NOW)
    assert len(first) == 5 and len(second) == SITES - 5 and not set(first) & set(second)
    assert leases.claim_due(sessions, "c", 100, now=NOW) == []
    # A lease that ran out (its process died) is taken again; a patrolled site is not due.
    later = NOW + leases.LEASE + dt.timedelta(seconds=1)
    with sessions.begin() as session:
        session.get(PatrolLease, first[0]).last_patrolled_at = NOW  # type: ignore[union-attr]
    assert set(leases.claim_due(sessions, "c", 100, now=later)) == set(ids.values()) - {first[0]}


def test_a_site_is_due_again_after_the_interval_and_a_release_leaves_it_due(
    sessions: SessionFactory, ids: dict[str, int]
) -> None:
    with sessions.begin() as session:
        session.add(ClusterSetting(key="patrol.interval_hours", value="6", version=1))
    taken = leases.claim_due(sessions, "a", 2, now=NOW)
    leases.release(sessions, "a", taken[1:])
    with sessions.begin() as session:
        for lease in session.scalars(select(PatrolLease)):
            lease.last_patrolled_at, lease.holder, lease.lease_until = NOW, None, None
        session.get(PatrolLease, taken[1]).last_patrolled_at = None  # type: ignore[union-attr]
    assert leases.claim_due(sessions, "b", 100, now=NOW + dt.timedelta(hours=5)) == [taken[1]]
    # Past the interval every site is due again (b's lease ran out without a stored patrol).
    assert len(leases.claim_due(sessions, "c", 100, now=NOW + dt.timedelta(hours=7))) == SITES


def test_only_running_sites_are_handed_out(sessions: SessionFactory, ids: dict[str, int]) -> None:
    with sessions.begin() as session:
        session.get(Site, next(iter(ids.values()))).state = "retired"  # type: ignore[union-attr]
    assert len(leases.claim_due(sessions, "a", 100, now=NOW)) == SITES - 1


@pytest.fixture
def slow_bed(sites: list[GovSite]) -> Iterator[Bed]:
    with patrol_bed(sites, latency=lambda host: 0.02) as running:
        yield running


def test_four_processes_patrol_every_due_site_once(
    sessions: SessionFactory, ids: dict[str, int], slow_bed: Bed
) -> None:
    url = engine_of(sessions).url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    start_at = time.time() + 4.0
    with context.Pool(PROCESSES) as pool:
        jobs = [
            pool.apply_async(patrol_process, (url, slow_bed.mapping, start_at))
            for _ in range(PROCESSES)
        ]
        done = [job.get(timeout=240) for job in jobs]
    patrolled = Counter(code for codes in done for code in codes)
    assert patrolled == Counter(dict.fromkeys(ids, 1))
    assert sum(1 for codes in done if codes) >= 2  # the work was shared
    with sessions() as session:
        runs = Counter(session.scalars(select(PatrolRun.site_id)))
        assert runs == Counter(dict.fromkeys(ids.values(), 1))
        assert all(lease.holder is None for lease in session.scalars(select(PatrolLease)))
    # Each site's first list page was asked for once (home pages are also linked from others).
    lists = Counter(r.host for r in slow_bed.server.requests if r.path == "/c01/")
    assert lists == Counter({site.host: 1 for site in slow_bed.sites})


def test_a_scheduled_run_patrols_the_due_sites_and_counts_what_it_did(
    sessions: SessionFactory, ids: dict[str, int], slow_bed: Bed, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.operators import service as operators
    from console.patrol.service import patrol_due
    from tests.staff import PASSWORD

    admin = operators.login(sessions, "sysadmin", PASSWORD)
    done = patrol_due(sessions, admin, dialer=slow_bed.dialer())
    assert done["sites"] == SITES and done["failed"] == 0 and done["stopped"] == 0
    assert done["new_posts"] > 0 and done["hidden_links"] > 0
    assert patrol_due(sessions, admin, dialer=slow_bed.dialer())["sites"] == 0  # none due


def test_a_cancelled_scheduled_run_leaves_the_rest_due_for_the_next(
    sessions: SessionFactory, ids: dict[str, int], slow_bed: Bed
) -> None:
    from console.operators import service as operators
    from console.patrol.service import patrol_due
    from tests.staff import PASSWORD

    admin = operators.login(sessions, "sysadmin", PASSWORD)
    slow_bed.server.latency = lambda host: 0.3  # long enough to be cancelled midway
    first = patrol_due(sessions, admin, lambda: True, dialer=slow_bed.dialer())
    assert first["stopped"] == 1 and first["sites"] < SITES * 2
    with sessions() as session:
        assert all(lease.holder is None for lease in session.scalars(select(PatrolLease)))
        patrolled = {
            lease.site_id
            for lease in session.scalars(select(PatrolLease))
            if lease.last_patrolled_at is not None
        }
    slow_bed.server.latency = lambda host: 0.0
    second = patrol_due(sessions, admin, dialer=slow_bed.dialer())
    assert second["stopped"] == 0 and second["sites"] == SITES - len(patrolled)
    with sessions() as session:
        finished = Counter(
            site_id
            for site_id, stopped in session.execute(select(PatrolRun.site_id, PatrolRun.stopped))
            if not stopped
        )
    assert finished == Counter(dict.fromkeys(ids.values(), 1))
