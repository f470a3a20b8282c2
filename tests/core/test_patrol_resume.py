"""A stopped patrol resumes: the sites it stored stay stored and are not due, the next run
takes the rest of the round, and a site cut short keeps what its last patrol left."""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from console.base import clock
from console.base.actor import Actor
from console.db import SessionFactory, engine_of
from console.patrol import leases
from console.patrol.results import SiteResult
from console.patrol.service import run_patrol
from console.patrol.site import SitePatrol
from console.schema import PatrolColumn, PatrolLease, PatrolPage, PatrolRun
from tests.patrol_cluster import quick, register, staff
from tests.patrol_server import Bed, patrol_bed
from tests.patrol_sites import TODAY, GovSite, generate
from tests.patrol_workers import lease_and_die
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only

SITES = 8


@pytest.fixture
def sites() -> list[GovSite]:
    return [generate(71, index, columns=3, items=3) for index in range(1, SITES + 1)]


@pytest.fixture
def bed(sites: list[GovSite], monkeypatch: pytest.MonkeyPatch) -> Iterator[Bed]:
    monkeypatch.setattr(clock, "today", lambda zone: TODAY)
    with patrol_bed(sites) as running:
        yield running


@pytest.fixture
def cluster(sessions: SessionFactory, sites: list[GovSite]) -> tuple[Actor, dict[str, int]]:
    admin, _reviewer = staff(sessions)
    ids = register(sessions, sites, addresses=True)
    quick(sessions)
    return admin, ids


def finished_runs(sessions: SessionFactory) -> Counter[int]:
    with sessions() as session:
        rows = session.execute(select(PatrolRun.site_id, PatrolRun.stopped))
        return Counter(site_id for site_id, stopped in rows if not stopped)


@pytest.mark.parametrize("at_once", [1, 3])
def test_a_patrol_stopped_after_some_sites_resumes_with_the_others(
    sessions: SessionFactory, cluster: tuple[Actor, dict[str, int]], bed: Bed, at_once: int
) -> None:
    admin, ids = cluster
    stop = threading.Event()

    def arrived(result: SiteResult) -> None:
        if len(first_done) == 2:
            stop.set()  # Ctrl-C, the Stop button, a cancelled job: all set this
        first_done.append(result)

    first_done: list[SiteResult] = []
    run_patrol(sessions, admin, (), bed.dialer(), True, arrived, stop, sites_at_once=at_once)
    finished_first = {r.site_code for r in first_done if not r.stopped}
    assert 2 <= len(finished_first) < SITES
    second = run_patrol(sessions, admin, (), bed.dialer(), True, sites_at_once=at_once)
    assert not {r.site_code for r in second.results} & finished_first  # not patrolled again
    assert finished_runs(sessions) == Counter(dict.fromkeys(ids.values(), 1))
    assert run_patrol(sessions, admin, (), bed.dialer(), True).results == []  # none due


def test_a_site_cut_short_keeps_what_its_last_patrol_left_and_stays_due(
    sessions: SessionFactory,
    cluster: tuple[Actor, dict[str, int]],
    bed: Bed,
    sites: list[GovSite],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin, ids = cluster
    site, site_id = sites[0], ids[sites[0].code]
    run_patrol(sessions, admin, [site.code], bed.dialer(), store=True)

    def state() -> tuple[object, ...]:
        with sessions() as session:
            columns = session.execute(
                select(PatrolColumn.column_id, PatrolColumn.last_item_date, PatrolColumn.items,
                       PatrolColumn.error, PatrolColumn.patrolled_at)
                .where(PatrolColumn.site_id == site_id).order_by(PatrolColumn.column_id)
            ).all()  # fmt: skip
            pages = sorted(
                session.scalars(select(PatrolPage.url_hash).where(PatrolPage.site_id == site_id))
            )
            lease = session.get(PatrolLease, site_id)
            assert lease is not None
            return tuple(columns), tuple(pages), lease.last_patrolled_at

    before = state()
    lists = SitePatrol._lists

    def stopped_at_the_lists(patrol: SitePatrol, columns: list) -> dict:  # type: ignore[type-arg]
        patrol.gates.stop.set()  # stopped once the home page is read
        return lists(patrol, columns)

    monkeypatch.setattr(SitePatrol, "_lists", stopped_at_the_lists)
    cut = run_patrol(sessions, admin, [site.code], bed.dialer(), store=True)
    assert cut.results[0].stopped
    assert state() == before  # the columns and pages not reached keep their last patrol
    with sessions() as session:
        runs = session.scalars(select(PatrolRun.stopped).where(PatrolRun.site_id == site_id))
        assert sorted(runs) == [False, True]  # the cut-short run is stored whole, as stopped


def test_the_leases_of_a_killed_patrol_process_are_taken_by_the_next_run(
    sessions: SessionFactory, cluster: tuple[Actor, dict[str, int]], bed: Bed
) -> None:
    admin, ids = cluster
    url = engine_of(sessions).url.render_as_string(hide_password=False)
    killed = multiprocessing.get_context("spawn").Process(target=lease_and_die, args=(url, 3))
    killed.start()
    killed.join(120)
    alive = leases.claim_due(sessions, leases.holder_name(), 1)  # held by a living process
    with sessions() as session:
        held = {lease.site_id for lease in session.scalars(select(PatrolLease)) if lease.holder}
    assert len(held) == 4
    run = run_patrol(sessions, admin, (), bed.dialer(), True)
    assert len(run.results) == SITES - 1  # the dead process's three included
    assert finished_runs(sessions) == Counter(dict.fromkeys(set(ids.values()) - set(alive), 1))
