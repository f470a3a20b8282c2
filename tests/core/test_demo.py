"""The demo cluster: a believable city, the same every time, and only ever in an empty database."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL
from stdnum.cn import ric, uscc
from stdnum.luhn import is_valid as luhn_valid

from console.base import journal
from console.base.errors import InvalidInput
from console.db import SessionFactory, engine_of, open_database
from console.demo import DemoSummary, generate
from console.demo.content import TOPICS, content_hash, write_article
from console.demo.places import CITY_CODE, DIVISIONS, HOSTING_DIVISION
from console.demo.sites import MAX_SITES, MIN_SITES, plan_sites
from console.operators import service as operators
from console.schema import (
    ClusterSetting,
    ColumnType,
    Duty,
    Filing,
    Grant,
    JournalEntry,
    Post,
    QueueItem,
    Site,
    SiteColumn,
    SiteDomain,
    SiteKind,
    SiteState,
)
from console.screening.lexicon_files import STARTER_TERMS, read_terms

AS_OF = dt.date(2026, 5, 1)
SMALL_SITES, SMALL_POSTS = 30, 300
COUNTY_CODES = {division.code for division in DIVISIONS}


@pytest.fixture
def demo(sessions: SessionFactory) -> tuple[SessionFactory, DemoSummary]:
    """A small demo city on each engine."""
    return sessions, _small(sessions)


def _small(sessions: SessionFactory, seed: int = 7) -> DemoSummary:
    return generate(sessions, seed=seed, sites=SMALL_SITES, posts=SMALL_POSTS, as_of=AS_OF)


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionFactory]:
    """A default-sized demo city in an SQLite file, shared by the rules that read it only."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    factory = open_database(URL.create("sqlite", database=str(path)))
    generate(factory, as_of=AS_OF, sites=100, posts=2_000)
    yield factory
    engine_of(factory).dispose()


def _snapshot(sessions: SessionFactory) -> dict[str, list[Any]]:
    with sessions() as session:
        return {
            "sites": session.execute(
                select(Site.code, Site.name, Site.organiser_uscc, Site.state).order_by(Site.id)
            ).all(),
            "domains": session.scalars(select(SiteDomain.domain).order_by(SiteDomain.id)).all(),
            "filings": session.execute(
                select(Filing.icp_number, Filing.psb_number, Filing.mlps_form_number).order_by(
                    Filing.id
                )
            ).all(),
            "posts": session.scalars(select(Post.content_hash).order_by(Post.id)).all(),
            "queue": session.scalars(select(QueueItem.findings).order_by(QueueItem.id)).all(),
        }


def test_the_same_seed_builds_the_same_city_on_any_engine(
    demo: tuple[SessionFactory, DemoSummary], tmp_path: Path
) -> None:
    sessions, summary = demo
    other = open_database(URL.create("sqlite", database=str(tmp_path / "again.sqlite3")))
    try:
        assert _small(other) == summary
        assert _snapshot(other) == _snapshot(sessions)
    finally:
        engine_of(other).dispose()
    with sessions() as session:

        def count(model: Any) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0

        assert summary.sites == count(Site) == SMALL_SITES
        assert summary.posts == count(Post) == SMALL_POSTS
        assert summary.domains == count(SiteDomain)
        assert summary.columns == count(SiteColumn)
        assert summary.queue_items == count(QueueItem) > 0
        assert summary.grants == count(Grant)
        assert summary.operators == 11


def test_another_seed_builds_another_city() -> None:
    first, second = (plan_sites(random.Random(seed), 100, AS_OF, 1) for seed in (1, 2))
    assert [site.code for site in first] == [site.code for site in second]
    assert [site.organiser.uscc for site in first] != [site.organiser.uscc for site in second]


def test_a_city_has_one_portal_eight_county_portals_and_no_township_sites(
    sqlite_demo: SessionFactory,
) -> None:
    sessions = sqlite_demo
    with sessions() as session:
        sites = session.scalars(select(Site)).all()
    kinds = [site.kind for site in sites]
    assert kinds.count(SiteKind.CITY_PORTAL) == 1
    assert kinds.count(SiteKind.COUNTY_PORTAL) == len(DIVISIONS) == 8
    assert set(kinds) <= {
        SiteKind.CITY_PORTAL,
        SiteKind.COUNTY_PORTAL,
        SiteKind.DEPARTMENT,
        SiteKind.SPECIAL,
    }
    portal = next(site for site in sites if site.kind == SiteKind.CITY_PORTAL)
    by_id = {site.id: site for site in sites}
    for site in sites:
        assert site.region_code in COUNTY_CODES | {CITY_CODE}
        assert site.code[:6] == site.region_code and len(site.code) == 10
        assert site.version == 1
        if site.kind in (SiteKind.COUNTY_PORTAL, SiteKind.SPECIAL):
            assert site.parent_id == portal.id
        if site.kind == SiteKind.DEPARTMENT:
            assert by_id[site.parent_id].kind in (SiteKind.CITY_PORTAL, SiteKind.COUNTY_PORTAL)
            assert site.region_code == by_id[site.parent_id].region_code
    assert len({site.code for site in sites}) == len(sites)


def test_department_domains_live_under_their_portals_domain(
    sqlite_demo: SessionFactory,
) -> None:
    sessions = sqlite_demo
    with sessions() as session:
        sites = {site.id: site for site in session.scalars(select(Site))}
        domains = session.scalars(select(SiteDomain)).all()
    main = {d.site_id: d.domain for d in domains if d.is_main}
    assert len(main) == len(sites) == len({d.site_id for d in domains})
    assert sum(d.is_main for d in domains) == len(sites)
    for domain in domains:
        assert domain.domain == domain.domain.lower() and domain.domain.isascii()
        assert domain.domain.endswith(".gov.cn")
    for site in sites.values():
        if site.kind == SiteKind.DEPARTMENT:
            portal_base = main[site.parent_id].removeprefix("www.")
            assert main[site.id].endswith("." + portal_base), (main[site.id], portal_base)


def test_every_organiser_has_a_valid_credit_code_of_a_government_body(
    sqlite_demo: SessionFactory,
) -> None:
    sessions = sqlite_demo
    with sessions() as session:
        sites = session.scalars(select(Site)).all()
    for site in sites:
        assert uscc.validate(site.organiser_uscc) == site.organiser_uscc
        assert site.organiser_uscc[:2] == "11"
        assert site.organiser_uscc[2:8] == site.region_code


def test_filing_numbers_follow_their_formats(sqlite_demo: SessionFactory) -> None:
    sessions = sqlite_demo
    with sessions() as session:
        rows = session.execute(select(Filing, Site).join(Site, Filing.site_id == Site.id)).all()
    assert rows
    for filing, site in rows:
        assert re.fullmatch(r"浙ICP备(\d{8}|\d{10})号(-\d+)?", filing.icp_number or "")
        if filing.psb_number is not None:
            match = re.fullmatch(r"浙公网安备(\d{14})号", filing.psb_number)
            assert match
            county = match.group(1)[:6]
            assert county == (
                site.region_code if site.region_code != CITY_CODE else HOSTING_DIVISION
            )
        if filing.mlps_form_number is not None:
            assert re.fullmatch(r"\d{11}", filing.mlps_form_number)
            assert filing.mlps_level in (2, 3)
        if site.kind in (SiteKind.CITY_PORTAL, SiteKind.COUNTY_PORTAL):
            assert filing.mlps_level == 3


def test_every_finding_points_at_what_it_names(sqlite_demo: SessionFactory) -> None:
    sessions = sqlite_demo
    terms = {entry.term: entry for entry in read_terms(STARTER_TERMS)}
    with sessions() as session:
        rows = session.execute(select(QueueItem, Post).join(Post, QueueItem.post_id == Post.id))
        for item, post in rows:
            assert item.content_hash == post.content_hash == content_hash(post.title, post.body)
            findings = json.loads(item.findings)
            assert item.finding_count == len(findings) > 0
            assert item.priority == max(finding["severity"] for finding in findings)
            for finding in findings:
                assert post.body[finding["start"] : finding["end"]] == finding["text"]
                _check_finding(finding, terms)


def _check_finding(finding: dict[str, Any], terms: dict[str, Any]) -> None:
    text, kind = finding["text"], finding["kind"]
    if kind == "term":
        assert terms[text].severity == finding["severity"]
    elif kind == "id_card":
        assert ric.validate(text) == text
    elif kind == "mobile":
        assert re.fullmatch(r"1[3-9]\d{9}", text)
    else:
        assert kind == "bank_card"
        assert len(text) in (16, 19) and luhn_valid(text)


def test_decided_queue_items_name_a_reviewer(sqlite_demo: SessionFactory) -> None:
    sessions = sqlite_demo
    reviewer = operators.login(sessions, "reviewer1", "demo")
    assert reviewer.duties == {Duty.REVIEWER}
    with sessions() as session:
        for item in session.scalars(select(QueueItem)):
            if item.state == "pending":
                assert item.decided_by is None and item.decided_at is None
            else:
                assert item.state in ("approved", "returned", "taken_down")
                assert item.decided_by is not None and item.decided_at is not None


def test_a_database_with_sites_or_operators_is_refused(
    demo: tuple[SessionFactory, DemoSummary],
) -> None:
    sessions, summary = demo
    with pytest.raises(InvalidInput) as refused:
        _small(sessions, seed=8)
    assert "空数据库" in str(refused.value)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Site)) == summary.sites


def test_the_demo_leaves_a_working_cluster_behind(
    demo: tuple[SessionFactory, DemoSummary],
) -> None:
    """Operators log in with the public password, the journal verifies, new rows get new ids."""
    sessions, summary = demo
    for username in ("sysadmin", "secadmin", "reviewer8"):
        assert operators.login(sessions, username, "demo").username == username
    auditor = operators.login(sessions, "auditor", "demo")
    assert journal.verify(sessions, auditor).intact
    with sessions() as session:
        assert session.get(ClusterSetting, "demo") is not None
        entry = session.scalars(
            select(JournalEntry).where(JournalEntry.action == "demo.generate")
        ).one()
    assert json.loads(entry.after)["posts"] == summary.posts
    with sessions.begin() as session:
        site = Site(
            code="3312029999",
            name="新站",
            kind=SiteKind.DEPARTMENT,
            region_code="331202",
            organiser_name="新单位",
            organiser_uscc="x" * 18,
        )
        session.add(site)
        session.flush()
        assert site.id == summary.sites + 1


def test_column_paths_hold_the_ids_from_the_root(sqlite_demo: SessionFactory) -> None:
    with sqlite_demo() as session:
        columns = {column.id: column for column in session.scalars(select(SiteColumn))}
        versions = set(session.scalars(select(Site.preset_version_id)))
    assert None not in versions and len(versions) == 3
    for column in columns.values():
        chain, parent = [column.id], column.parent_id
        while parent is not None:
            chain.insert(0, parent)
            assert columns[parent].site_id == column.site_id
            parent = columns[parent].parent_id
        assert column.path == "/" + "".join(f"{id_}/" for id_ in chain)
        assert column.preset_column_id is not None


def test_a_default_city_gives_the_inspection_rules_something_to_find(
    sqlite_demo: SessionFactory,
) -> None:
    cutoff = dt.datetime.combine(AS_OF, dt.time()) - dt.timedelta(days=14)
    with sqlite_demo() as session:
        running = session.scalars(select(Site).where(Site.state == SiteState.RUNNING)).all()
        leaves = session.scalars(
            select(SiteColumn).where(
                ~SiteColumn.id.in_(
                    select(SiteColumn.parent_id).where(SiteColumn.parent_id.is_not(None))
                )
            )
        ).all()
        states = set(session.scalars(select(Site.state)))
        filings = session.execute(select(Filing, Site.opened_on).join(Site)).all()
    stale_homes = [s for s in running if s.home_updated_at and s.home_updated_at < cutoff]
    assert 0 < len(stale_homes) < len(running) / 4
    running_ids = {site.id for site in running}
    blank = [c for c in leaves if c.site_id in running_ids and c.last_updated_at is None]
    stale = [
        c
        for c in leaves
        if c.max_idle_days
        and c.last_updated_at
        and c.last_updated_at
        < dt.datetime.combine(AS_OF, dt.time()) - dt.timedelta(days=c.max_idle_days)
    ]
    assert blank and stale
    assert {SiteState.MERGED, SiteState.RETIRED, SiteState.CHANGING, SiteState.APPLIED} <= states
    overdue_psb = [
        f for f, opened in filings if f.psb_number is None and opened and (AS_OF - opened).days > 30
    ]
    overdue_test = [
        f
        for f, _ in filings
        if f.mlps_level == 3 and (f.assessed_on is None or (AS_OF - f.assessed_on).days > 365)
    ]
    unfiled = [f for f, _ in filings if f.graded_on and f.mlps_form_number is None]
    assert overdue_psb and overdue_test and unfiled


def test_merged_sites_point_at_a_running_portal(sqlite_demo: SessionFactory) -> None:
    with sqlite_demo() as session:
        merged = session.scalars(select(Site).where(Site.state == SiteState.MERGED)).all()
        assert merged
        for site in merged:
            target = session.get(Site, site.merged_into_id)
            assert target is not None and target.state == SiteState.RUNNING


@pytest.mark.parametrize("total", [MIN_SITES, 20, 100, 2_000, MAX_SITES])
def test_the_structure_holds_from_the_smallest_to_the_largest_city(total: int) -> None:
    plans = plan_sites(random.Random(1), total, AS_OF, 1)
    assert len(plans) == total
    assert len({plan.code for plan in plans}) == total
    domains = [domain for plan in plans for domain in plan.domains]
    assert len(set(domains)) == len(domains)
    assert sum(plan.kind is SiteKind.COUNTY_PORTAL for plan in plans) == 8
    assert sum(plan.kind is SiteKind.SPECIAL for plan in plans) >= 1
    assert all(len(plan.name) <= 200 and len(plan.code) == 10 for plan in plans)


@pytest.mark.parametrize("sites", [MIN_SITES - 1, MAX_SITES + 1])
def test_a_city_too_small_or_too_large_is_refused(
    sqlite_sessions: SessionFactory, sites: int
) -> None:
    with pytest.raises(InvalidInput):
        generate(sqlite_sessions, sites=sites)


def test_a_negative_number_of_posts_is_refused(sqlite_sessions: SessionFactory) -> None:
    with pytest.raises(InvalidInput):
        generate(sqlite_sessions, posts=-1)


def test_progress_is_reported_in_chinese_and_ends_complete(sqlite_sessions: SessionFactory) -> None:
    calls: list[tuple[int, int, str]] = []
    generate(
        sqlite_sessions,
        sites=20,
        posts=5_000,
        as_of=AS_OF,
        progress=lambda done, total, label: calls.append((done, total, label)),
    )
    assert len(calls) >= 4
    done = [call[0] for call in calls]
    assert done == sorted(done) and done[-1] == calls[-1][1]
    assert all(re.search(r"[\u4e00-\u9fff]", label) for _, _, label in calls)


@pytest.mark.parametrize("column_type", list(ColumnType))
def test_unflagged_text_never_contains_a_term_or_a_long_number(column_type: ColumnType) -> None:
    rng = random.Random(3)
    terms = [entry.term for entry in read_terms(STARTER_TERMS)]
    for _ in range(200):
        article = write_article(rng, column_type, "栏目", "云溪市教育局", "云溪市", AS_OF)
        text = article.title + "\n".join(article.paragraphs)
        assert not [term for term in terms if term in text]
        assert not re.search(r"\d{11}", text)
    assert len(set(TOPICS)) == len(TOPICS)
