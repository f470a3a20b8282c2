"""The site list as the 站点 tab and ``sites list`` read it: quick text in Chinese and in
filing numbers, Unicode domains, level and subtree filters, the last probe; and what the
history tab and a conflict say about a change, on every engine."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import func, select, update

from console.base import clock
from console.base.actor import Actor
from console.base.listing import Query, count, fetch_page, rendered
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Post, ProbeResult, Site, SiteState, utcnow
from console.sites.changes import action_label, entry_changes, kept_both
from console.sites.lifecycle import Step
from console.sites.service import SITES, bulk_change_state, create_site
from console.sites.views import site_detail, tree_children
from tests.site_drafts import DEPT, PORTAL, org
from tests.staff import PASSWORD, bootstrap_staff

BEIJING = clock.zone_named("Asia/Shanghai")

COUNTY = dataclasses.replace(
    PORTAL,
    code="3312020001",
    name="溪东区人民政府",
    kind="portal_county",
    parent_code=PORTAL.code,
    organiser_name="溪东区人民政府办公室",
    organiser_uscc=org(10),
    domains=("www.溪东.政务",),
    icp_number=None,
    psb_number="浙公网安备33120202002999号",
)
COUNTY_DEPT = dataclasses.replace(
    DEPT,
    code="3312020002",
    name="溪东区水利局",
    organiser_name="溪东区水利局",
    organiser_uscc=org(11),
    parent_code=COUNTY.code,
    domains=("slj.溪东.政务",),
    icp_number=None,
    psb_number=None,
)


@pytest.fixture
def admin(sessions: SessionFactory) -> Actor:
    """A city portal with a department, and a county portal (.政务) with a department."""
    bootstrap_staff(sessions)
    actor = operators.login(sessions, "sysadmin", PASSWORD)
    for draft in (PORTAL, DEPT, COUNTY, COUNTY_DEPT):
        create_site(sessions, actor, draft)
    return actor


def codes(sessions: SessionFactory, query: Query) -> list[str]:
    """The codes the list shows for ``query``, in its order."""
    with sessions() as session:
        page = fetch_page(session, SITES, query)
        assert count(session, SITES, query).shown == len(page.ids)
    return [str(row[0]) for row in page.rows]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("教育局", [DEPT.code]),
        ("人民政府", [PORTAL.code, COUNTY.code]),
        ("水利局", [COUNTY_DEPT.code]),
        ("浙ICP备2013353697", [DEPT.code]),
        ("icp备2013353696", [PORTAL.code]),
        ("33120202002999", [COUNTY.code]),
        ("公网安备33120202002862", [PORTAL.code]),
        ("jyj.yunxi", [DEPT.code]),
        ("溪东.政务", [COUNTY.code, COUNTY_DEPT.code]),
        ("slj.溪东", [COUNTY_DEPT.code]),
        ("331202000", [COUNTY.code, COUNTY_DEPT.code]),
        ("100%", []),
    ],
)
def test_the_quick_filter_finds_chinese_text_filing_numbers_and_unicode_domains(
    sessions: SessionFactory, admin: Actor, text: str, found: list[str]
) -> None:
    assert codes(sessions, Query(text=text)) == found


def test_level_and_subtree_filters_combine_with_kind_and_state(
    sessions: SessionFactory, admin: Actor
) -> None:
    with sessions() as session:
        county_id = session.scalar(select(Site.id).where(Site.code == COUNTY.code))
        portal_id = session.scalar(select(Site.id).where(Site.code == PORTAL.code))
    assert codes(sessions, Query(equals=(("level", "county"),))) == [
        COUNTY.code,
        COUNTY_DEPT.code,
    ]
    assert codes(sessions, Query(equals=(("level", "city"),))) == [PORTAL.code, DEPT.code]
    assert codes(sessions, Query(equals=(("subtree", county_id),))) == [
        COUNTY.code,
        COUNTY_DEPT.code,
    ]
    under_portal = Query(equals=(("subtree", portal_id), ("kind", "department")))
    assert codes(sessions, under_portal) == [DEPT.code, COUNTY_DEPT.code]
    assert codes(sessions, Query(equals=(("state", SiteState.RUNNING),))) == []


def test_rows_show_unicode_domains_the_last_probe_and_the_last_update(
    sessions: SessionFactory, admin: Actor
) -> None:
    now = utcnow().replace(microsecond=0)
    with sessions.begin() as session:
        county = session.scalars(select(Site).where(Site.code == COUNTY.code)).one()
        county.home_updated_at = now
        for minutes, ok in ((10, True), (1, False)):
            session.add(
                ProbeResult(
                    site_id=county.id,
                    probed_at=now - dt.timedelta(minutes=minutes),
                    url="https://www.xn--",
                    ok=ok,
                )
            )
    with sessions() as session:
        page = fetch_page(session, SITES, Query(text=COUNTY.code))
        shown = dict(
            zip((f.key for f in SITES.fields), rendered(SITES, page.rows[0], BEIJING), strict=True)
        )
        other = dict(
            zip(
                (f.key for f in SITES.fields),
                rendered(SITES, fetch_page(session, SITES, Query(text=DEPT.code)).rows[0], BEIJING),
                strict=True,
            )
        )
    assert shown["domain"] == "www.溪东.政务"
    assert shown["probe"] == "异常" and other["probe"] == "未探测"
    assert shown["updated"] == (now + dt.timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
    assert shown["psb"] == COUNTY.psb_number and shown["parent"] == PORTAL.name


def test_a_bulk_merge_takes_the_posts_along_so_the_sites_can_retire_later(
    sessions: SessionFactory, admin: Actor
) -> None:
    with sessions.begin() as session:
        ids = {s.code: s.id for s in session.scalars(select(Site))}
        session.execute(update(Site).values(state=SiteState.RUNNING))
        now = utcnow()
        session.add(
            Post(
                site_id=ids[DEPT.code],
                title="通知",
                body="正文",
                published_at=now,
                updated_at=now,
                content_hash="h",
            )
        )
    merged = bulk_change_state(
        sessions, admin, [ids[DEPT.code]], Step(SiteState.MERGED, ids[PORTAL.code]), True
    )
    assert len(merged.ready) == 1
    with sessions() as session:
        assert session.scalar(select(func.count()).where(Post.site_id == ids[PORTAL.code])) == 1
    retired = bulk_change_state(sessions, admin, [ids[DEPT.code]], Step(SiteState.RETIRED))
    assert len(retired.ready) == 1


def test_the_history_tells_each_change_in_the_operators_words(
    sessions: SessionFactory, admin: Actor
) -> None:
    with sessions() as session:
        dept_id = session.scalar(select(Site.id).where(Site.code == DEPT.code))
    assert dept_id is not None
    with sessions.begin() as session:
        portal_id = session.scalar(select(Site.id).where(Site.code == PORTAL.code))
        session.execute(update(Site).values(state=SiteState.RUNNING))
    bulk_change_state(sessions, admin, [dept_id], Step(SiteState.MERGED, portal_id))
    merged, created = site_detail(sessions, admin, dept_id).history
    assert (created.action, created.changes) == ("新建站点", "新建")
    assert merged.action == "转为“整合迁移”"
    assert merged.changes == "状态：运行 → 整合迁移；并入网站： → 云溪市人民政府"
    before = {"state": "applied", "domains": ["jyj.yunxi.gov.cn"], "parent_id": 99}
    after = before | {"state": "running", "domains": ["jyj.xn--9kq759e.xn--zfr164b"]}
    line = entry_changes(json.dumps(before), json.dumps(after | {"parent_id": 98}))
    assert line == "域名：jyj.yunxi.gov.cn → jyj.云溪.政务；上级网站：99 → 98；状态：申请 → 运行"
    assert action_label("site.state.retired") == "转为“永久下线”"


def test_overwriting_after_a_conflict_keeps_the_other_operators_other_changes() -> None:
    theirs = dataclasses.replace(DEPT, name="他人改的名字", opened_on=dt.date(2020, 1, 1))
    mine = dataclasses.replace(DEPT, name="我改的名字", domains=("jy.yunxi.gov.cn",))
    kept = kept_both(DEPT, theirs, mine)
    assert kept.name == "我改的名字" and kept.domains == ("jy.yunxi.gov.cn",)
    assert kept.opened_on == dt.date(2020, 1, 1)
    assert kept_both(DEPT, theirs, DEPT) == theirs


def test_the_tree_lists_a_portals_county_portals_before_its_departments(
    sessions: SessionFactory, admin: Actor
) -> None:
    top = tree_children(sessions, admin, None)
    assert [n.code for n in top] == [PORTAL.code]
    below = tree_children(sessions, admin, top[0].id)
    assert [(n.code, n.children) for n in below] == [(COUNTY.code, 1), (DEPT.code, 0)]
