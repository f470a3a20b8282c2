"""A site's 联络员: checked, stored, masked in lists and the journal, imported from a file."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from console.base import clock
from console.base.actor import Actor
from console.base.errors import InvalidInput
from console.base.listing import Query, fetch_page, rendered
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import JournalEntry, Site
from console.sites.importing import import_sites
from console.sites.service import SITES, create_site, draft_of, update_site
from tests.site_drafts import DEPT, PORTAL, org
from tests.staff import PASSWORD, bootstrap_staff

ZONE = clock.zone_named("Asia/Shanghai")
WITH_CONTACT = dataclasses.replace(
    PORTAL, contact_name="王芳", contact_phone="13812341234", contact_email="wf@yunxi.gov.cn"
)


@pytest.fixture
def admin(sessions: SessionFactory) -> Actor:
    bootstrap_staff(sessions)
    return operators.login(sessions, "sysadmin", PASSWORD)


def test_the_contact_is_stored_listed_masked_and_journalled_masked(
    sessions: SessionFactory, admin: Actor
) -> None:
    site_id = create_site(sessions, admin, WITH_CONTACT)
    with sessions() as session:
        site = session.get(Site, site_id)
        assert site is not None
        assert draft_of(session, site).contact_phone == "13812341234"
        page = fetch_page(session, SITES, Query(sort="code"))
        shown = rendered(SITES, page.rows[0], ZONE)
        entry = session.scalars(select(JournalEntry)).all()[-1]
    assert shown[-2] == "王芳 138****1234"
    assert "13812341234" not in entry.after and "138****1234" in entry.after
    assert json.loads(entry.after)["contact_email"] == "wf@yunxi.gov.cn"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"contact_phone": "12ab"}, "联络员电话"),
        ({"contact_email": "wang@"}, "联络员邮箱"),
        ({"contact_name": "王" * 51}, "联络员姓名"),
    ],
)
def test_a_bad_contact_is_refused_and_nothing_changes(
    sessions: SessionFactory, admin: Actor, change: dict[str, str], words: str
) -> None:
    site_id = create_site(sessions, admin, WITH_CONTACT)
    with pytest.raises(InvalidInput, match=words):
        update_site(sessions, admin, site_id, 1, dataclasses.replace(WITH_CONTACT, **change))
    with sessions() as session:
        site = session.get(Site, site_id)
        assert site is not None and site.contact_phone == "13812341234" and site.version == 1


def test_an_edit_changes_the_contact(sessions: SessionFactory, admin: Actor) -> None:
    site_id = create_site(sessions, admin, PORTAL)
    update_site(sessions, admin, site_id, 1, WITH_CONTACT)
    with sessions() as session:
        site = session.get(Site, site_id)
        assert site is not None
        assert (site.contact_name, site.contact_email) == ("王芳", "wf@yunxi.gov.cn")


def test_an_import_reads_the_contact_columns(
    sessions: SessionFactory, admin: Actor, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            *("网站标识码", "网站名称", "类型", "主办单位", "统一社会信用代码", "域名"),
            *("联络员", "联络员电话", "联络员邮箱"),
        ]
    )
    sheet.append(
        [
            *(PORTAL.code, PORTAL.name, "市级门户", "办公室", org(1), "www.yunxi.gov.cn"),
            *("李强", "0571-87654321", "lq@yunxi.gov.cn"),
        ]
    )
    sheet.append(
        [DEPT.code, DEPT.name, "部门网站", "教育局", org(2), "jyj.yunxi.gov.cn", "", "", ""]
    )
    sheet.cell(3, 4).value = "教育局"
    path = tmp_path / "sites.xlsx"
    book.save(path)
    with pytest.raises(InvalidInput):
        import_sites(sessions, admin, path)  # the department names no parent
    sheet.insert_cols(7)
    sheet.cell(1, 7).value = "上级网站标识码"
    sheet.cell(3, 7).value = PORTAL.code
    book.save(path)
    assert import_sites(sessions, admin, path) == 2
    with sessions() as session:
        rows = session.execute(
            select(Site.code, Site.contact_name, Site.contact_phone).order_by(Site.code)
        ).all()
    assert [tuple(r) for r in rows] == [
        (PORTAL.code, "李强", "0571-87654321"),
        (DEPT.code, "", ""),
    ]
