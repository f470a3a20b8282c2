"""The 用户权限 tab: the grid per node, a bulk grant with its preview, duties gating the pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select, update

from console.db import SessionFactory
from console.operators import service as operators
from console.permissions.rights import Right
from console.schema import Account, Duty, Grant, JournalEntry, utcnow
from tests.core.test_rights import give, tiny_cluster
from tests.staff import PASSWORD
from tests.ui.conftest import until
from ui.permissions.account_dialogs import ImportDialog
from ui.permissions.accounts_page import AccountsPage
from ui.permissions.grid_rows import who_publishes
from ui.permissions.operators_page import OperatorDialog
from ui.permissions.plan_dialogs import BulkGrantDialog, RevokeAllDialog
from ui.permissions.tab import TAB, PermissionsTab
from ui.tasks import Database, spawn


@pytest.fixture
def cluster(sqlite_sessions: SessionFactory) -> SessionFactory:
    tiny_cluster(sqlite_sessions, sites=3)
    give(sqlite_sessions, 1, "editor", column=1)
    give(sqlite_sessions, 2, "editor", column=2)
    give(sqlite_sessions, 3, "editor", column=2, expires=utcnow() - dt.timedelta(days=3))
    give(sqlite_sessions, 4, "reviewer")
    return sqlite_sessions


@pytest.fixture
def opened(cluster: SessionFactory, run) -> Iterator[tuple[PermissionsTab, Database]]:  # type: ignore[no-untyped-def]
    database = Database(cluster)
    actor = run(database.call(operators.login, "sec", PASSWORD))
    tab = TAB.build(TAB, database, actor, None)
    assert isinstance(tab, PermissionsTab)
    tab.resize(1300, 800)
    tab.show()
    run(tab.refresh())
    yield tab, database
    tab.close()
    tab.deleteLater()
    database.close()


def _tester(model: object) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)  # type: ignore[call-overload]


async def _answer(kind: type[QWidget], act: str = "yes") -> QWidget:
    """Wait for a visible window of ``kind`` and answer it (Yes for message boxes)."""
    found: list[QWidget] = []

    def shown() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    await until(shown)
    widget = found[0]
    if isinstance(widget, QMessageBox) and act == "yes":
        button = widget.button(QMessageBox.StandardButton.Yes)
        assert button is not None
        button.click()
    return widget


def _accounts_page(opened: tuple[PermissionsTab, Database], run) -> AccountsPage:  # type: ignore[no-untyped-def]
    """The accounts page once its four accounts are listed."""
    page = opened[0].accounts
    assert page is not None
    run(until(lambda: page.pane.model.rowCount() == 4))
    return page


def _select_account(page: AccountsPage, run, row: int, username: str) -> None:  # type: ignore[no-untyped-def]
    page.pane.view.selectRow(row)
    run(until(lambda: page.current is not None and page.current.username == username))


def test_the_grid_shows_explicit_inherited_and_expired_grants_and_edits_them(
    opened: tuple[PermissionsTab, Database], cluster: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    tab, _database = opened
    grid = tab.grid
    assert grid is not None
    _tester(grid.model)
    assert grid.site is not None and grid.site.id == 1
    grid.select_column(2)
    run(until(lambda: grid.column_id == 2 and grid.model.rowCount() == 4))
    cells = {grid.model.index(r, 0).data().split()[0]: r for r in range(grid.model.rowCount())}
    editor = 1

    def cell(name: str, column: int) -> str:
        return str(grid.model.index(cells[name], column).data())

    assert cell("editor1", editor).startswith("↑ 继承自 政务公开")
    assert cell("editor2", editor).startswith("● 本级授权")
    assert cell("editor3", editor).startswith("✕ 已过期")
    assert cell("editor4", 2).startswith("↑ 继承自 整站")
    assert grid.publishers.text() == "能发布：无人"

    grid.view.setCurrentIndex(grid.model.index(cells["editor4"], 3))
    assert grid.account.text() == "editor4" and grid.role.currentData() == "publisher"
    run(grid.grant_here())
    assert grid.publishers.text() == "能发布：editor4"
    assert "已授予" in grid.outcome.text()

    grid.view.setCurrentIndex(grid.model.index(cells["editor1"], editor))
    run(grid.revoke_here())
    assert "继承的授权请到其来源处撤销" in grid.outcome.text()

    cells = {grid.model.index(r, 0).data().split()[0]: r for r in range(grid.model.rowCount())}
    grid.view.setCurrentIndex(grid.model.index(cells["editor2"], editor))

    async def revoke() -> None:
        task = spawn(grid.revoke_here())
        await _answer(QMessageBox)
        await task

    run(revoke())
    assert "已撤销授权" in grid.outcome.text()
    with cluster() as session:
        assert session.scalars(select(Grant).where(Grant.account_id == 2)).all() == []


def test_the_grid_marks_who_both_writes_and_publishes_under_review_first(
    opened: tuple[PermissionsTab, Database], cluster: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    tab, _database = opened
    grid = tab.grid
    assert grid is not None
    give(cluster, 2, "publisher")
    run(grid.refresh())
    grid.select_column(2)
    run(until(lambda: grid.column_id == 2 and grid.model.rowCount() == 4))
    names = {str(grid.model.index(r, 0).data()).split()[0]: r for r in range(grid.model.rowCount())}
    assert str(grid.model.index(names["editor2"], 0).data()).endswith("（先审后发冲突）")
    assert "先审后发" not in str(grid.model.index(names["editor1"], 0).data())
    assert grid.publishers.text() == "能发布：editor2（自 整站）"
    grid.select_column(4)
    run(until(lambda: "工作动态" in grid.node_title.text()))
    assert all(
        "冲突" not in str(grid.model.index(r, 0).data()) for r in range(grid.model.rowCount())
    )


def test_a_bulk_grant_is_previewed_then_applied_in_one_go(
    opened: tuple[PermissionsTab, Database], cluster: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    page = _accounts_page(opened, run)
    page.pane.view.selectRow(0)
    page.pane.view.selectionModel().select(
        page.pane.model.index(1, 0),
        page.pane.view.selectionModel().SelectionFlag.Select
        | page.pane.view.selectionModel().SelectionFlag.Rows,
    )

    async def bulk() -> None:
        task = spawn(page.bulk_grant())
        dialog = await _answer(BulkGrantDialog, "")
        assert isinstance(dialog, BulkGrantDialog)
        _tester(dialog.model)
        assert dialog.accounts.toPlainText().split() == ["editor1", "editor2"]
        dialog.site_codes.setPlainText("3312000001\n3312000002 nosuchsite")
        dialog.role.setCurrentIndex(dialog.role.findData("reviewer"))
        await dialog.preview()
        assert "nosuchsite" in dialog.summary.text() and not dialog.apply_button.isEnabled()
        dialog.site_codes.setPlainText("3312000001\n3312000002\n3312000003")
        await dialog.preview()
        assert dialog.model.rowCount() == 6
        assert dialog.summary.text().startswith("共 6 项：执行 6，跳过 0，拒绝 0")
        assert dialog.apply_button.isEnabled()
        dialog.apply_button.click()
        await task

    run(bulk())
    assert "新增 6 项" in page.outcome.text()
    with cluster() as session:
        reviewers = session.scalars(select(Grant.account_id).where(Grant.role == "reviewer"))
        assert sorted(reviewers) == [1, 1, 1, 2, 2, 2, 4]
        actions = session.scalars(select(JournalEntry.action)).all()
        assert actions.count("grant.create") == 6


def test_a_bulk_grant_with_refused_rows_cannot_be_applied(
    opened: tuple[PermissionsTab, Database], run
) -> None:  # type: ignore[no-untyped-def]
    tab, database = opened
    assert tab.accounts is not None
    dialog = BulkGrantDialog(database, tab.actor, ["editor1"], tab.accounts.sites, tab)
    dialog.site_codes.setPlainText("3312000001")
    dialog.role.setCurrentIndex(dialog.role.findData("publisher"))
    run(dialog.preview())
    assert dialog.model.index(0, 3).data() == "拒绝"
    assert "先审后发" in dialog.model.index(0, 4).data()
    assert not dialog.apply_button.isEnabled()
    dialog.deleteLater()


def test_revoking_everything_of_a_leaver_asks_for_the_name_and_disables_the_account(
    opened: tuple[PermissionsTab, Database], cluster: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    page = _accounts_page(opened, run)
    _select_account(page, run, 2, "editor3")

    async def leave() -> None:
        task = spawn(page.revoke_all())
        dialog = await _answer(RevokeAllDialog, "")
        assert isinstance(dialog, RevokeAllDialog)
        assert dialog.disable.isChecked()
        await dialog.preview()
        assert dialog.model.rowCount() == 1 and not dialog.apply_button.isEnabled()
        dialog.typed.setText("editor3")
        assert dialog.apply_button.isEnabled()
        dialog.apply_button.click()
        await task

    run(leave())
    assert page.outcome.text() == "已撤销 1 项授权。账号已停用。"
    with cluster() as session:
        assert session.scalars(select(Grant).where(Grant.account_id == 3)).all() == []
        assert session.scalar(select(Account.status).where(Account.id == 3)) == "disabled"


def test_selecting_an_account_shows_its_rights_and_reveals_are_journalled(
    opened: tuple[PermissionsTab, Database], cluster: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    page = _accounts_page(opened, run)
    _tester(page.detail.rights_model)
    _select_account(page, run, 2, "editor3")
    run(until(lambda: page.detail.rights_title.text().startswith("有效权限：0 项")))
    page.detail.with_expired.setChecked(True)
    run(until(lambda: page.detail.rights_model.rowCount() == 1))
    assert page.detail.rights_model.index(0, 3).data().startswith("已过期")
    assert page.detail.detail_labels["phone"].text() == "138****1234"
    run(page.detail.reveal())
    assert page.detail.detail_labels["phone"].text() == "13800001234"
    with cluster() as session:
        last = session.scalars(select(JournalEntry).order_by(JournalEntry.seq.desc())).first()
        assert last is not None and last.action == "account.reveal_phone"


def test_a_disabled_accounts_grants_are_said_not_to_be_in_force(
    opened: tuple[PermissionsTab, Database], cluster: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    with cluster.begin() as session:
        session.execute(update(Account).where(Account.id == 4).values(status="disabled"))
    page = _accounts_page(opened, run)
    _select_account(page, run, 3, "editor4")
    run(until(lambda: page.detail.rights_model.rowCount() == 1))
    assert page.detail.conflict_note.text() == "账号已停用：以下授权在启用或解锁前不生效。"
    _select_account(page, run, 0, "editor1")
    run(until(lambda: page.detail.conflict_note.text() == ""))


def test_the_auditor_sees_only_the_journal_and_verifies_the_chain(
    cluster: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    database = Database(cluster)
    actor = run(database.call(operators.login, "aud", PASSWORD))
    tab = TAB.build(TAB, database, actor, None)
    assert isinstance(tab, PermissionsTab)
    try:
        assert tab.accounts is None and tab.grid is None and tab.journal is not None
        assert [p.listing.name for p in tab.panes] == ["journal"]
        assert tab.inner.currentIndex() == 3
        run(tab.refresh())
        journal = tab.journal
        journal.operator.setText("aud")
        run(journal.apply_filters())
        assert journal.pane.model.rowCount() == 1
        result = run(journal.verify())
        assert result is not None and result.intact
        assert journal.verdict.text().startswith("日志链完整")
        journal.pane.view.selectRow(0)
        run(until(lambda: "本条哈希" in journal.detail.toPlainText()))
        assert "aud　login" in journal.detail.toPlainText()
        assert journal.detail.isReadOnly()
    finally:
        tab.deleteLater()
        database.close()


def test_a_forbidden_duty_pair_is_refused_in_the_operator_dialog_and_nothing_is_lost(
    opened: tuple[PermissionsTab, Database], run
) -> None:  # type: ignore[no-untyped-def]
    tab, _database = opened
    page = tab.operators
    assert page is not None
    _tester(page.pane.model)

    async def create() -> None:
        task = spawn(page.create_operator())
        dialog = await _answer(OperatorDialog, "")
        assert isinstance(dialog, OperatorDialog)
        dialog.username.setText("zhang")
        dialog.display_name.setText("张三")
        dialog.password.setText(PASSWORD)
        dialog.duties[Duty.AUDIT_ADMIN].setChecked(True)
        dialog.duties[Duty.SYSTEM_ADMIN].setChecked(True)
        dialog.accept()
        await until(lambda: "三员分立" in dialog.problem.text() and dialog.isVisible())
        assert dialog.username.text() == "zhang"
        dialog.duties[Duty.SYSTEM_ADMIN].setChecked(False)
        dialog.accept()
        await task

    run(create())
    assert "已新建操作员 zhang" in page.outcome.text()
    run(until(lambda: page.pane.counts.text() == "显示 4 / 4"))


def test_the_import_dialog_reports_each_bad_row_and_imports_only_a_clean_file(
    opened: tuple[PermissionsTab, Database], tmp_path: Path, run
) -> None:  # type: ignore[no-untyped-def]
    tab, database = opened
    source = tmp_path / "accounts.csv"
    source.write_text(
        "账号,姓名,单位,网站标识码,手机\n"
        "li.na,李娜,云溪市第1局,3312000001,13912345678\n"
        "zhao,赵,云溪市第2局,3312000777,12345\n",
        encoding="utf-8-sig",
    )
    dialog = ImportDialog(database, tab.actor, tab)
    _tester(dialog.model)
    dialog.path.setText(str(source))
    assert run(dialog.check()) == 1
    assert dialog.model.rowCount() == 2 and not dialog.import_button.isEnabled()
    assert "不存在" in dialog.model.index(1, 6).data()
    assert "不是大陆手机号" in dialog.model.index(1, 6).data()
    source.write_text("账号,姓名,单位\nli.na,李娜,云溪市第1局\n", encoding="utf-8-sig")
    assert run(dialog.check()) == 0 and dialog.import_button.isEnabled()
    dialog.deleteLater()


def test_the_journal_exports_what_the_filters_show(
    cluster: SessionFactory, tmp_path: Path, run
) -> None:  # type: ignore[no-untyped-def]
    database = Database(cluster)
    actor = run(database.call(operators.login, "aud", PASSWORD))
    tab = TAB.build(TAB, database, actor, None)
    assert isinstance(tab, PermissionsTab) and tab.journal is not None
    try:
        run(tab.refresh())
        tab.journal.action.setCurrentText("operator.")
        run(tab.journal.apply_filters())
        assert tab.journal.pane.model.rowCount() == 3
        target = tmp_path / "journal.csv"
        assert run(tab.journal.pane.export_to(target)) == 3
        lines = target.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].startswith("序号,时间") and all("operator.create" in x for x in lines[1:])
        book = tmp_path / "journal.xlsx"
        assert run(tab.journal.pane.export_to(book)) == 3
        with closing(load_workbook(book, read_only=True)) as workbook:
            rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        assert rows[0][:2] == ["序号", "时间"] and len(rows) == 4
        assert all("operator.create" in row for row in rows[1:])
    finally:
        tab.deleteLater()
        database.close()


def test_who_publishes_names_sources_skips_expired_and_nobody_on_a_retired_site() -> None:
    now = utcnow()

    def publisher(username: str, column: int | None, expires: dt.datetime | None = None) -> Right:
        name, path = ("政务公开", "/1/") if column else ("", "")
        return Right(1, 1, 1, username, username, "active", "publisher", 1, "3312000001",
                     "云溪市第1局", column, name, path, expires, now)  # fmt: skip

    held = [
        publisher("li", None),
        publisher("li", 2),
        publisher("wang", 1),
        publisher("zhao", 2, now - dt.timedelta(days=1)),
    ]
    assert who_publishes(held, 2, now, False) == "能发布：li、wang（自 政务公开）"
    assert who_publishes(held, 2, now, True) == "能发布：无人"
