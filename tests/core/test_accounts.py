"""Editors' accounts: validation, masking and journalled reveals, locks, filters, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from console.base.errors import Conflict, InvalidInput
from console.base.listing import Query, fetch_page
from console.db import SessionFactory
from console.permissions import accounts
from console.permissions.accounts import AccountFields
from console.schema import Account, JournalEntry
from tests.core.test_rights import SECADMIN, give, tiny_cluster

GOOD = AccountFields("wang.li", "王立", "云溪市第1局", "3312000001", "139 0000 5678", "w@x.gov.cn")


def _last(sessions: SessionFactory) -> JournalEntry:
    with sessions() as session:
        entry = session.scalars(select(JournalEntry).order_by(JournalEntry.seq.desc())).first()
        assert entry is not None
        return entry


def test_an_account_is_created_cleaned_and_journalled_masked(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    account_id = accounts.create(sessions, SECADMIN, GOOD)
    shown = accounts.detail(sessions, SECADMIN, account_id)
    assert shown.phone_masked == "139****5678" and shown.site_name == "云溪市第1局"
    entry = _last(sessions)
    assert entry.action == "account.create" and "13900005678" not in entry.after


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phone": "12345678901"}, "不是大陆手机号"),
        ({"phone": "1390000567"}, "不是大陆手机号"),
        ({"username": "Wang Li"}, "账号只能由"),
        ({"username": "editor1"}, "已存在"),
        ({"site_code": "3312009999"}, "不存在"),
        ({"full_name": " "}, "请填写姓名"),
        ({"email": "nobody"}, "邮箱"),
    ],
)
def test_bad_particulars_are_refused_with_a_clear_reason(
    sqlite_sessions: SessionFactory, change: dict[str, str], message: str
) -> None:
    tiny_cluster(sqlite_sessions)
    fields = AccountFields(**{**GOOD.__dict__, **change})
    with pytest.raises(InvalidInput, match=message):
        accounts.create(sqlite_sessions, SECADMIN, fields)


def test_revealing_a_phone_number_is_journalled(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    assert accounts.reveal_phone(sessions, SECADMIN, 1) == "13800001234"
    entry = _last(sessions)
    assert (entry.action, entry.target_label, entry.operator_name) == (
        "account.reveal_phone",
        "editor1",
        "sec",
    )


def test_an_edit_at_an_old_version_is_a_conflict(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    fields = AccountFields("editor1", "编辑一", "云溪市第1局", "3312000002", "13800001234")
    accounts.update(sessions, SECADMIN, 1, fields, expected_version=1)
    assert accounts.detail(sessions, SECADMIN, 1).site_code == "3312000002"
    with pytest.raises(Conflict):
        accounts.update(sessions, SECADMIN, 1, fields, expected_version=1)


def test_failed_logins_lock_and_the_security_administrator_unlocks(
    sessions: SessionFactory,
) -> None:
    tiny_cluster(sessions)
    locked = [accounts.record_failed_login(sessions, 1) for _ in range(5)]
    assert locked == [False] * 4 + [True]
    shown = accounts.detail(sessions, SECADMIN, 1)
    assert (shown.status, shown.failed_logins) == ("locked", 5)
    accounts.unlock(sessions, SECADMIN, 1, shown.version)
    shown = accounts.detail(sessions, SECADMIN, 1)
    assert (shown.status, shown.failed_logins) == ("active", 0)
    assert _last(sessions).action == "account.unlock"
    with pytest.raises(InvalidInput, match="未被锁定"):
        accounts.unlock(sessions, SECADMIN, 1, shown.version)


def test_disable_and_re_enable(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    accounts.set_status(sessions, SECADMIN, 2, "disabled", 1)
    accounts.set_status(sessions, SECADMIN, 2, "active", 2)
    assert accounts.detail(sessions, SECADMIN, 2).status == "active"


def test_the_list_filters_by_role_in_force_and_idle_logins(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    give(sessions, 2, "publisher", column=2)
    with sessions() as session:
        by_role = fetch_page(session, accounts.filtered(role="publisher"), Query())
        idle = fetch_page(session, accounts.filtered(idle_days=90), Query())
        status = fetch_page(session, accounts.ACCOUNTS, Query(equals=(("status", "active"),)))
    assert by_role.ids == [2]
    assert idle.ids == [1, 2, 3, 4]
    assert len(status.ids) == 4


def test_the_list_filters_by_site_organisation_and_status(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    moved = accounts.detail(sessions, SECADMIN, 3)
    fields = AccountFields("editor3", "编辑3", "云溪市第2局（信息中心）", "3312000002")
    accounts.update(sessions, SECADMIN, 3, fields, moved.version)
    give(sessions, 1, "editor", site=2)
    accounts.set_status(sessions, SECADMIN, 4, "disabled", 1)
    with sessions() as session:
        assert fetch_page(session, accounts.filtered(site_id=2), Query()).ids == [1, 3]
        assert fetch_page(session, accounts.filtered(organisation="第2局（"), Query()).ids == [3]
        assert fetch_page(session, accounts.filtered(organisation="%"), Query()).ids == []
        assert fetch_page(session, accounts.filtered(status="disabled"), Query()).ids == [4]
        both = accounts.filtered(site_id=1, status="active")
        assert fetch_page(session, both, Query()).ids == [1, 2]
        there = accounts.filtered(site_id=1, role="editor")
        assert fetch_page(session, there, Query()).ids == []
        assert fetch_page(session, accounts.filtered(site_id=2, role="editor"), Query()).ids == [1]


def _write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_import_previews_every_problem_per_row_and_imports_nothing_until_clean(
    sessions: SessionFactory, tmp_path: Path
) -> None:
    tiny_cluster(sessions)
    source = _write_csv(
        tmp_path / "new.csv",
        [
            "账号,姓名,单位,网站标识码,手机,邮箱",
            "li.na,李娜,云溪市第1局,3312000001,13912345678,",
            "editor1,重名,云溪市第1局,3312000001,,",
            "zhao,赵,云溪市第2局,3312000777,12345,",
            "li.na,李娜二,云溪市第1局,,,",
            ",,,,,",
        ],
    )
    rows = accounts.read_import(source)
    preview = accounts.preview_import(sessions, SECADMIN, rows)
    assert [(r.line, len(r.problems)) for r in preview] == [(2, 0), (3, 1), (4, 2), (5, 1)]
    assert "已存在" in preview[1].problems[0]
    assert "第 2 行已有" in preview[3].problems[0]
    with pytest.raises(InvalidInput, match="3 行有错误"):
        accounts.import_accounts(sessions, SECADMIN, rows)
    with sessions() as session:
        assert session.scalar(select(Account.id).where(Account.username == "li.na")) is None
    assert accounts.import_accounts(sessions, SECADMIN, rows[:1]) == 1


def test_import_reads_xlsx_and_reports_missing_headings(
    sqlite_sessions: SessionFactory, tmp_path: Path
) -> None:
    tiny_cluster(sqlite_sessions)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "账号", "单位", "手机"])
    sheet.append(["周敏", "zhou.min", "云溪市第2局", 13700001111])
    book.save(tmp_path / "new.xlsx")
    rows = accounts.read_import(tmp_path / "new.xlsx")
    assert rows[0][1].phone == "13700001111" and rows[0][1].username == "zhou.min"
    assert accounts.import_accounts(sqlite_sessions, SECADMIN, rows) == 1
    bad = _write_csv(tmp_path / "bad.csv", ["姓名,手机", "某,13700001111"])
    with pytest.raises(InvalidInput, match="缺少列"):
        accounts.read_import(bad)
