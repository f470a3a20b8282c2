"""Patrols stored in the cluster database: one transaction per site, posts unique by address,
and the inspection judging by live dates beside the database's own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from console.base import clock
from console.base.actor import Actor
from console.base.errors import NotPermitted
from console.db import SessionFactory
from console.patrol import store
from console.patrol.results import NO_DOMAIN
from console.patrol.service import run_patrol
from console.presets.inspection import BLANK, DATABASE, LIVE_SITE, STALE_NEWS, inspect_sites
from console.schema import (
    JournalEntry,
    PatrolColumn,
    PatrolLease,
    PatrolLink,
    PatrolPage,
    PatrolPost,
    PatrolRun,
    Post,
    SiteColumn,
)
from tests.patrol_cluster import count, quick, register, staff
from tests.patrol_server import Bed, patrol_bed
from tests.patrol_sites import TODAY, GovSite, generate
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only

BARE = "3312999999"


@pytest.fixture
def site() -> GovSite:
    return generate(31, 1)


@pytest.fixture
def bed(site: GovSite, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bed]:
    monkeypatch.setattr(clock, "today", lambda zone: TODAY)
    with patrol_bed([site]) as running:
        yield running


@pytest.fixture
def cluster(sessions: SessionFactory, site: GovSite) -> tuple[Actor, Actor, dict[str, int]]:
    admin, reviewer = staff(sessions)
    ids = register(sessions, [site], addresses=True, domainless=[BARE])
    quick(sessions)
    return admin, reviewer, ids


def test_a_stored_patrol_keeps_live_dates_links_and_new_posts(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, dict[str, int]], bed: Bed, site: GovSite
) -> None:
    admin, _reviewer, ids = cluster
    run = run_patrol(sessions, admin, [site.code], bed.dialer(), store=True)
    (result,) = run.results
    stored = run.stored[site.code]
    assert result.error is None and stored.new_posts == len(result.new_posts) > 0
    with sessions() as session:
        live = {
            code: row
            for code, row in session.execute(
                select(SiteColumn.code, PatrolColumn).join(
                    PatrolColumn, PatrolColumn.column_id == SiteColumn.id
                )
            )
        }
        for column in site.columns:
            assert live[column.code].last_item_date == site.expected_last_update(column.code)
            assert live[column.code].dated == (column.form != "undated")
        posts = session.scalars(select(Post).where(Post.site_id == ids[site.code])).all()
        columns = {i: code for i, code in session.execute(select(SiteColumn.id, SiteColumn.code))}
        assert {p.url for p in posts} == {p.url for p in result.new_posts}
        read = {p.url: p for p in result.new_posts}
        for post in posts:
            assert columns[post.column_id] == read[post.url].column
            assert post.content_hash == read[post.url].digest and post.screened_hash is None
        links = session.scalars(select(PatrolLink)).all()
        here = f"http://{site.host}"
        kinds = {(link.kind, link.url.removeprefix(here), link.home) for link in links}
        assert ("broken", "/missing.html", True) in kinds
        assert ("foreign", "/partner", False) in kinds
        assert sum(1 for link in links if link.kind == "hidden") == len(result.hidden_links) > 0
        lease = session.get(PatrolLease, ids[site.code])
        assert lease is not None and lease.last_patrolled_at is not None and lease.holder is None
        actions = session.scalars(select(JournalEntry.action)).all()
    assert actions.count("patrol.store") == 1


def test_patrolling_again_stores_no_article_twice(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, dict[str, int]], bed: Bed, site: GovSite
) -> None:
    admin, _reviewer, ids = cluster
    first = run_patrol(sessions, admin, [site.code], bed.dialer(), store=True)
    posts = count(sessions, Post)
    second = run_patrol(sessions, admin, [site.code], bed.dialer(), store=True)
    assert second.stored[site.code].new_posts == 0 and second.results[0].new_posts == []
    assert count(sessions, Post) == posts == count(sessions, PatrolPost)
    # The same articles handed over again (another process's patrol) change nothing either.
    again = store.store_result(sessions, admin, ids[site.code], first.results[0])
    assert (again.new_posts, again.changed_posts) == (0, 0)
    assert count(sessions, Post) == posts and count(sessions, PatrolRun) == 3


def test_only_a_system_administrator_stores_a_patrol(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, dict[str, int]], bed: Bed, site: GovSite
) -> None:
    _admin, reviewer, _ids = cluster
    with pytest.raises(NotPermitted):
        run_patrol(sessions, reviewer, [site.code], bed.dialer(), store=True)
    assert bed.server.requests == [] and count(sessions, PatrolRun) == 0
    run = run_patrol(sessions, reviewer, [site.code], bed.dialer())  # reading is anyone's
    assert run.results[0].error is None and count(sessions, PatrolRun) == 0


def test_a_failure_while_storing_leaves_nothing_half_written(
    sessions: SessionFactory,
    cluster: tuple[Actor, Actor, dict[str, int]],
    bed: Bed,
    site: GovSite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin, _reviewer, _ids = cluster

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_lease", broken)
    with pytest.raises(RuntimeError):
        run_patrol(sessions, admin, [site.code], bed.dialer(), store=True)
    for table in (PatrolRun, PatrolColumn, PatrolLink, PatrolPost, Post, PatrolLease):
        assert count(sessions, table) == 0, table


def test_a_site_without_a_domain_is_stored_with_its_error(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, dict[str, int]], bed: Bed
) -> None:
    admin, _reviewer, ids = cluster
    run = run_patrol(sessions, admin, [BARE], bed.dialer(), store=True)
    assert run.results[0].error == NO_DOMAIN
    with sessions() as session:
        (stored,) = session.scalars(select(PatrolRun)).all()
    assert stored.error == NO_DOMAIN and stored.site_id == ids[BARE]


def test_the_inspection_uses_live_dates_beside_the_database_and_says_so(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, dict[str, int]], site: GovSite
) -> None:
    _admin, _reviewer, ids = cluster
    with sessions() as session:
        before = {r.code: r for r in inspect_sites(session, TODAY, [ids[site.code]]).sites}
    risks = {risk.rule: risk for risk in before[site.code].risks}
    assert risks[BLANK].count == len(site.columns) and risks[BLANK].sources == (DATABASE,)
    with sessions.begin() as session:
        columns = session.scalars(select(SiteColumn).order_by(SiteColumn.code)).all()
        rows = [
            (columns[0], TODAY - dt.timedelta(days=3), 5),  # fresh on the live site
            (columns[1], TODAY + dt.timedelta(days=30), 5),  # dated in the future: no update
            (columns[2], None, 4),  # listed but undated: not updated, not blank
        ]
        for column, day, items in rows:
            session.add(
                PatrolColumn(
                    column_id=column.id,
                    site_id=column.site_id,
                    patrolled_at=clock.day_start(TODAY, clock.zone_named("Asia/Shanghai")),
                    url=column.list_url,
                    last_item_date=day,
                    items=items,
                    dated=day is not None,
                )
            )
        codes = [column.code for column, _day, _items in rows]
    with sessions() as session:
        (after,) = inspect_sites(session, TODAY, [ids[site.code]]).sites
    risks = {risk.rule: risk for risk in after.risks}
    assert codes[0] not in risks[STALE_NEWS].columns
    assert codes[1] in risks[STALE_NEWS].columns and codes[2] in risks[STALE_NEWS].columns
    assert risks[STALE_NEWS].sources == (DATABASE, LIVE_SITE)
    assert set(risks[BLANK].columns) == {c.code for c in site.columns} - set(codes)
    shown = {risk["rule"]: risk["sources"] for risk in after.as_json()["risks"]}  # type: ignore[attr-defined]
    assert shown[STALE_NEWS] == [DATABASE, LIVE_SITE] and shown["home"] == [DATABASE]
    with sessions() as session:  # as of the day before the patrol, its dates do not count
        (earlier,) = inspect_sites(session, TODAY - dt.timedelta(days=1), [ids[site.code]]).sites
    assert all(risk.sources == (DATABASE,) for risk in earlier.risks)


def test_the_next_patrol_in_another_process_asks_conditionally_and_finds_the_same(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, dict[str, int]], bed: Bed, site: GovSite
) -> None:
    admin, _reviewer, _ids = cluster
    first = run_patrol(sessions, admin, [site.code], bed.dialer(), store=True).results[0]
    asked = len(bed.server.requests)
    # A new run reads the stored records from the database (as another process would).
    second = run_patrol(sessions, admin, [site.code], bed.dialer(), store=True).results[0]
    again = bed.server.requests[asked:]
    conditional = [r for r in again if "if-none-match" in r.headers]
    assert second.not_modified > 0 and len(conditional) >= second.not_modified
    assert any(r.path == "/c02/" for r in conditional)
    same = [(c.code, c.last_item_date, len(c.items)) for c in second.columns]
    assert same == [(c.code, c.last_item_date, len(c.items)) for c in first.columns]
    assert count(sessions, PatrolPage) > len(site.columns)


def test_the_scheduled_patrol_stores_every_due_site_once(
    sessions: SessionFactory,
    cluster: tuple[Actor, Actor, dict[str, int]],
    bed: Bed,
    site: GovSite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from console.jobs import SCHEDULER, run_due
    from console.patrol import jobs

    monkeypatch.setattr(jobs, "dialer", bed.dialer)
    (first,) = run_due(sessions, SCHEDULER, only=["patrol.due"])
    assert first.outcome == "ok"
    (again,) = run_due(sessions, SCHEDULER, only=["patrol.due"])
    assert again.outcome == "skipped"
    with sessions() as session:
        stored = session.scalars(select(PatrolRun.site_id)).all()
    assert sorted(stored) == sorted(cluster[2].values())
