"""The site register's rules, lifecycle, locking, bulk changes and import, on every engine."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from console.base.actor import Actor
from console.base.errors import Conflict, InvalidInput, NotPermitted
from console.db import SessionFactory
from console.operators import service as operators
from console.operators.service import NewOperator
from console.schema import Duty, JournalEntry, Post, Site, SiteState, utcnow
from console.sites.changes import changed_fields
from console.sites.importing import import_sites, preview
from console.sites.lifecycle import Step
from console.sites.service import (
    bulk_change_state,
    bulk_edit,
    change_state,
    create_site,
    plan_bulk_state,
    update_site,
)
from console.sites.views import site_detail, tree_children
from tests.site_drafts import DEPT, PORTAL, org, site_table

STRONG = "Str0ng!Passw0rd"
S = SiteState


@pytest.fixture
def admins(sessions: SessionFactory) -> tuple[Actor, Actor]:
    """The system administrator and the security administrator of a fresh cluster."""
    operators.bootstrap(
        sessions,
        [
            NewOperator("sys", "系统管理员", STRONG, frozenset({Duty.SYSTEM_ADMIN})),
            NewOperator("sec", "安全管理员", STRONG, frozenset({Duty.SECURITY_ADMIN})),
            NewOperator("aud", "审计管理员", STRONG, frozenset({Duty.AUDIT_ADMIN})),
        ],
    )
    return operators.login(sessions, "sys", STRONG), operators.login(sessions, "sec", STRONG)


@pytest.fixture
def sysadmin(admins: tuple[Actor, Actor]) -> Actor:
    return admins[0]


def _version(sessions: SessionFactory, site_id: int) -> int:
    with sessions() as session:
        site = session.get(Site, site_id)
        assert site is not None
        return site.version


def _walk(sessions: SessionFactory, actor: Actor, site_id: int, *states: str) -> None:
    for state in states:
        change_state(sessions, actor, site_id, _version(sessions, site_id), Step(state))


def test_a_portal_and_its_department_register(sessions: SessionFactory, sysadmin: Actor) -> None:
    portal = create_site(sessions, sysadmin, PORTAL)
    dept = create_site(sessions, sysadmin, DEPT)
    assert [n.id for n in tree_children(sessions, sysadmin, None)] == [portal]
    assert [n.id for n in tree_children(sessions, sysadmin, portal)] == [dept]
    detail = site_detail(sessions, sysadmin, dept)
    assert detail.parent_name == "云溪市人民政府" and detail.domains == (
        ("jyj.yunxi.gov.cn", True),
    )
    assert [(h.action, h.changes) for h in detail.history] == [("新建站点", "新建")]


def test_only_the_system_administrator_registers_sites(
    sessions: SessionFactory, admins: tuple[Actor, Actor]
) -> None:
    with pytest.raises(NotPermitted):
        create_site(sessions, admins[1], PORTAL)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"code": "33120000x1"}, "格式不对"),
        ({"code": "3313000002"}, "不在上级网站"),
        ({"kind": "乡镇网站"}, "乡镇、街道不单独开设网站"),
        ({"parent_code": None}, "必须挂在上级网站下"),
        ({"parent_code": "3312009999"}, "不在站群登记中"),
        ({"domains": ("jyj.example.com",)}, ".gov.cn"),
        ({"domains": ("yunxi.gov.cn",)}, "已属于"),
        ({"domains": ("jyj.other.gov.cn",)}, "应在所属门户"),
        ({"domains": ("a.yunxi.gov.cn", "A.yunxi.gov.cn")}, "重复"),
        ({"organiser_uscc": org(2)[:-1] + "0"}, "校验码"),
        ({"organiser_uscc": org(1)}, "县级以上单位原则上只开设一个网站"),
        ({"organiser_type": "institution"}, "与所填性质"),
        ({"icp_number": "京ICP备2013353697号"}, "不符"),
        ({"psb_number": "浙公网安备33010202002863号"}, "范围内"),
    ],
)
def test_each_rule_refuses_with_its_reason(
    sessions: SessionFactory, sysadmin: Actor, change: dict[str, object], reason: str
) -> None:
    create_site(sessions, sysadmin, PORTAL)
    with pytest.raises(InvalidInput, match=reason):
        create_site(sessions, sysadmin, dataclasses.replace(DEPT, **change))  # type: ignore[arg-type]
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Site)) == 1


def test_an_institution_cannot_take_gov_cn(sessions: SessionFactory, sysadmin: Actor) -> None:
    create_site(sessions, sysadmin, PORTAL)
    institution = dataclasses.replace(
        DEPT, organiser_uscc=org(3, kind="2"), organiser_type="institution"
    )
    with pytest.raises(InvalidInput, match="事业单位主办的网站不能使用"):
        create_site(sessions, sysadmin, institution)
    create_site(sessions, sysadmin, dataclasses.replace(institution, domains=()))


def test_a_county_department_may_share_an_organiser_with_another_county_site(
    sessions: SessionFactory, sysadmin: Actor
) -> None:
    create_site(sessions, sysadmin, PORTAL)
    county = dataclasses.replace(
        PORTAL,
        code="3312020001",
        name="溪东区人民政府",
        kind="portal_county",
        parent_code="3312000001",
        organiser_uscc=org(10),
        domains=("www.xidong.yunxi.gov.cn",),
        icp_number=None,
        psb_number=None,
    )
    create_site(sessions, sysadmin, county)
    first = dataclasses.replace(
        DEPT, code="3312020002", parent_code="3312020001", organiser_uscc=org(11), domains=()
    )
    create_site(sessions, sysadmin, first)
    create_site(sessions, sysadmin, dataclasses.replace(first, code="3312020003", name="第二个"))


def test_the_lifecycle_names_what_is_missing(sessions: SessionFactory, sysadmin: Actor) -> None:
    bare = dataclasses.replace(PORTAL, icp_number=None, psb_number=None, domains=())
    site = create_site(sessions, sysadmin, bare)
    with pytest.raises(InvalidInput, match="不能直接转为"):
        _walk(sessions, sysadmin, site, S.RUNNING)
    _walk(sessions, sysadmin, site, S.APPROVED, S.BADGED)
    with pytest.raises(InvalidInput, match=r"还没有主域名.*缺少ICP备案号"):
        _walk(sessions, sysadmin, site, S.ICP_FILED)


def test_a_site_runs_after_every_step_and_each_step_is_journalled(
    sessions: SessionFactory, sysadmin: Actor
) -> None:
    site = create_site(sessions, sysadmin, PORTAL)
    _walk(sessions, sysadmin, site, S.APPROVED, S.BADGED, S.ICP_FILED, S.PSB_FILED, S.CODED)
    _walk(sessions, sysadmin, site, S.RUNNING, S.CHANGING, S.RUNNING)
    detail = site_detail(sessions, sysadmin, site)
    assert detail.state == S.RUNNING and detail.draft.opened_on is not None
    assert len(detail.history) == 9


def test_retiring_waits_for_the_content_to_migrate(
    sessions: SessionFactory, sysadmin: Actor
) -> None:
    portal = create_site(sessions, sysadmin, PORTAL)
    dept = create_site(sessions, sysadmin, DEPT)
    steps = (S.APPROVED, S.BADGED, S.ICP_FILED, S.PSB_FILED, S.CODED, S.RUNNING)
    _walk(sessions, sysadmin, portal, *steps)
    _walk(sessions, sysadmin, dept, *steps)
    now = utcnow()
    with sessions.begin() as session:
        session.add(
            Post(
                site_id=dept,
                title="通知",
                body="正文",
                published_at=now,
                updated_at=now,
                content_hash="h",
            )
        )
    with pytest.raises(InvalidInput, match="仍有 1 篇稿件未迁移"):
        _walk(sessions, sysadmin, dept, S.RETIRED)
    with pytest.raises(InvalidInput, match="仍有 1 个下级网站在用"):
        change_state(sessions, sysadmin, portal, _version(sessions, portal), Step(S.MERGED, dept))
    moved = change_state(
        sessions,
        sysadmin,
        dept,
        _version(sessions, dept),
        Step(S.MERGED, portal),
        migrate_content=True,
    )
    assert moved == "1 篇稿件已迁入“云溪市人民政府”"
    _walk(sessions, sysadmin, dept, S.RETIRED)
    with sessions() as session:
        assert session.scalar(select(Post.site_id)) == portal
    with pytest.raises(InvalidInput, match="“云溪市教育局”已永久下线，登记信息不再修改"):
        update_site(sessions, sysadmin, dept, _version(sessions, dept), DEPT)
    plan = bulk_edit(sessions, sysadmin, [portal, dept], "organiser_name", "新的主办单位")
    assert [i.site_id for i in plan.ready] == [portal]
    assert "已永久下线" in (plan.skipped[0].reason or "")
    assert site_detail(sessions, sysadmin, dept).merged_into == "云溪市人民政府"


def test_a_concurrent_edit_names_who_changed_the_site(
    sessions: SessionFactory, sysadmin: Actor
) -> None:
    site = create_site(sessions, sysadmin, PORTAL)
    seen = _version(sessions, site)
    update_site(sessions, sysadmin, site, seen, dataclasses.replace(PORTAL, name="云溪市政府"))
    with pytest.raises(Conflict, match="sys"):
        update_site(sessions, sysadmin, site, seen, dataclasses.replace(PORTAL, name="别的名字"))
    update_site(
        sessions,
        sysadmin,
        site,
        _version(sessions, site),
        dataclasses.replace(PORTAL, name="别的名字"),
    )
    assert site_detail(sessions, sysadmin, site).draft.name == "别的名字"


def test_a_site_cannot_move_under_itself(sessions: SessionFactory, sysadmin: Actor) -> None:
    portal = create_site(sessions, sysadmin, PORTAL)
    create_site(sessions, sysadmin, DEPT)
    special = dataclasses.replace(
        DEPT, code="3312000003", kind="special", parent_code=DEPT.code, domains=("zt.yunxi.gov.cn",)
    )
    special_id = create_site(sessions, sysadmin, special)
    assert site_detail(sessions, sysadmin, special_id).parent_name == "云溪市教育局"
    moved = dataclasses.replace(DEPT, kind="special", parent_code=special.code)
    department = next(iter(tree_children(sessions, sysadmin, portal)))
    with pytest.raises(InvalidInput, match="自己的下级"):
        update_site(sessions, sysadmin, department.id, _version(sessions, department.id), moved)


def test_bulk_state_change_skips_and_reports_what_may_not_change(
    sessions: SessionFactory, sysadmin: Actor
) -> None:
    portal = create_site(sessions, sysadmin, PORTAL)
    dept = create_site(sessions, sysadmin, DEPT)
    _walk(sessions, sysadmin, portal, S.APPROVED)
    plan = plan_bulk_state(sessions, sysadmin, [portal, dept], Step(S.APPROVED))
    assert [i.site_id for i in plan.ready] == [dept]
    assert [i.site_id for i in plan.skipped] == [portal]
    assert "不能直接转为" in (plan.skipped[0].reason or "")
    done = bulk_change_state(sessions, sysadmin, [portal, dept], Step(S.APPROVED))
    assert [i.site_id for i in done.ready] == [dept]
    assert site_detail(sessions, sysadmin, dept).state == S.APPROVED


def test_bulk_edit_checks_every_site_against_the_rules(
    sessions: SessionFactory, sysadmin: Actor
) -> None:
    portal = create_site(sessions, sysadmin, PORTAL)
    dept = create_site(sessions, sysadmin, DEPT)
    plan = bulk_edit(sessions, sysadmin, [portal, dept], "organiser_name", "新的主办单位")
    assert len(plan.ready) == 2
    plan = bulk_edit(sessions, sysadmin, [dept], "parent", "3312009999")
    assert plan.ready == [] and "不在站群登记中" in (plan.skipped[0].reason or "")
    plan = bulk_edit(sessions, sysadmin, [portal, dept], "organiser_type", "党政机关")
    assert (
        plan.ready == [] and [i.reason for i in plan.skipped] == ["已是“党政机关”，无需修改。"] * 2
    )
    assert (plan.items[0].before, plan.items[0].after) == ("党政机关", "党政机关")
    with sessions() as session:
        entries = session.scalars(
            select(JournalEntry.action).where(JournalEntry.action == "site.bulk_edit")
        ).all()
    assert len(entries) == 2


def test_an_import_with_a_bad_row_lists_it_and_imports_nothing(
    sessions: SessionFactory, sysadmin: Actor, tmp_path: Path
) -> None:
    path = site_table(
        tmp_path / "sites.csv",
        [
            ["3312000001", "云溪市人民政府", "市级门户", "", "办公室", org(1), "www.yunxi.gov.cn"],
            [
                "3312000002",
                "教育局",
                "部门网站",
                "3312000001",
                "教育局",
                org(2),
                "jyj.yunxi.gov.cn",
            ],
            [
                "3312000003",
                "卫健委",
                "部门网站",
                "3312000001",
                "卫健委",
                org(3),
                "jyj.yunxi.gov.cn",
            ],
            ["3312000004", "某街道", "街道网站", "3312000001", "街道办", org(4), ""],
        ],
    )
    checked = preview(sessions, sysadmin, path)
    assert [r.line for r in checked.bad] == [4, 5]
    assert "已属于" in checked.bad[0].problems[0]
    assert "乡镇、街道" in checked.bad[1].problems[0]
    with pytest.raises(InvalidInput, match="2 行有问题"):
        import_sites(sessions, sysadmin, path)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Site)) == 0


def test_an_xlsx_import_registers_a_portal_and_its_departments_together(
    sessions: SessionFactory, sysadmin: Actor, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        ["网站标识码", "网站名称", "类型", "上级网站标识码", "主办单位", "统一社会信用代码", "域名"]
    )
    sheet.append(
        ["3312000001", "云溪市人民政府", "市级门户", None, "办公室", org(1), "www.yunxi.gov.cn"]
    )
    sheet.append(
        ["3312000002", "教育局", "部门网站", "3312000001", "教育局", org(2), "jyj.yunxi.gov.cn"]
    )
    path = tmp_path / "sites.xlsx"
    book.save(path)
    assert import_sites(sessions, sysadmin, path) == 2
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Site)) == 2


def test_an_import_reports_progress_and_a_failure_while_writing_leaves_nothing(
    sessions: SessionFactory, sysadmin: Actor, tmp_path: Path
) -> None:
    rows = [["3312000001", "云溪市人民政府", "市级门户", "", "办公室", org(1), "www.yunxi.gov.cn"]]
    rows += [
        [f"33120{n:05d}", f"第{n}局", "部门网站", "3312000001", f"第{n}局", org(n), ""]
        for n in range(2, 121)
    ]
    path = site_table(tmp_path / "sites.csv", rows)
    told: list[tuple[int, int]] = []

    def stop_while_writing(done: int, total: int) -> None:
        told.append((done, total))
        if done > total // 2:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        import_sites(sessions, sysadmin, path, stop_while_writing)
    assert told[0] == (50, 240) and told[-1][0] > 120
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Site)) == 0
    told.clear()
    assert import_sites(sessions, sysadmin, path, lambda d, t: told.append((d, t))) == 120
    assert told[-1] == (240, 240) and [d for d, _t in told] == sorted(d for d, _t in told)


def test_changed_fields_list_only_what_changed_in_the_operators_words() -> None:
    after = dataclasses.replace(
        DEPT, kind="special", organiser_type="institution", domains=("xn--fiq228c.xn--zfr164b",)
    )
    assert changed_fields(DEPT, after) == [
        ("类型", "部门网站", "专题网站"),
        ("主办单位性质", "党政机关", "事业单位"),
        ("域名", "jyj.yunxi.gov.cn", "中文.政务"),
    ]
    assert changed_fields(DEPT, DEPT) == []
