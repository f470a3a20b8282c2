"""The screens that explain an operator's database login, driven offscreen."""

from __future__ import annotations

import argparse
import asyncio
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from console.base.actor import Actor
from console.connections import PasswordStore
from console.db import engine_of, open_database
from console.operators import db_logins
from console.operators import service as operators
from console.schema import Duty
from tests.db_logins import RoleCluster, role_cluster
from tests.keyrings import DictKeyring
from tests.staff import PASSWORD, bootstrap_staff
from tests.ui.conftest import until
from ui.app import ConsoleRun
from ui.connection_dialog import ConnectionDialog
from ui.db_logins import DatabaseLoginsDialog, explain_change, explain_logins
from ui.login import FirstRunDialog, LoginDialog
from ui.main_window import MainWindow
from ui.permissions.operators_page import OperatorDialog, OperatorsPage
from ui.tasks import Database, spawn

Run = Callable[..., Any]
WANTED = [("zhang", frozenset({Duty.SYSTEM_ADMIN, Duty.REVIEWER}))]


@pytest.fixture(params=("postgresql", "mariadb"))
def cluster(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RoleCluster]:
    with role_cluster(request.param, tmp_path) as made:
        owner = open_database(made.owner)
        bootstrap_staff(owner)
        engine_of(owner).dispose()
        yield made


def _shown() -> DatabaseLoginsDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, DatabaseLoginsDialog) and widget.isVisible():
            return widget
    return None


def test_the_connection_dialog_says_sqlite_is_for_one_operator(qapp: QApplication) -> None:
    dialog = ConnectionDialog(PasswordStore(DictKeyring()))
    try:
        dialog.show()
        dialog.url_edit.setText("sqlite:///D:/站群/cluster.sqlite3")
        assert dialog.single_operator.isVisible()
        assert "单操作员" in dialog.single_operator.text()
        dialog.url_edit.setText("postgresql+psycopg://ops@db:5432/cluster")
        assert not dialog.single_operator.isVisible()
    finally:
        dialog.deleteLater()


def test_nothing_is_shown_for_the_embedded_file(sqlite_sessions, run: Run) -> None:  # type: ignore[no-untyped-def]
    database = Database(sqlite_sessions)
    try:
        assert run(explain_logins(None, database, Actor.system(), WANTED, lambda _t: None)) is False
    finally:
        database.close()


def test_the_owner_creates_the_login_in_place(cluster: RoleCluster, run: Run) -> None:
    sessions = open_database(cluster.owner)
    database = Database(sessions)
    secadmin = operators.login(sessions, "secadmin", PASSWORD)
    wanted = [(f"{cluster.prefix}_zhang", WANTED[0][1])]
    parent = QWidget()
    cluster.created.append(wanted[0][0])

    async def create() -> None:
        task = spawn(explain_logins(parent, database, secadmin, wanted, lambda _t: None))
        await until(lambda: _shown() is not None)
        dialog = _shown()
        assert dialog is not None
        assert wanted[0][0] in dialog.sql.toPlainText() and "<口令>" in dialog.sql.toPlainText()
        assert dialog.create_button.isVisible()
        dialog.create_button.click()
        await until(lambda: "已建立" in dialog.outcome.text())
        assert "<口令>" not in dialog.sql.toPlainText()
        assert not dialog.create_button.isVisible()
        dialog.reject()
        assert await task is True

    try:
        run(create())
    finally:
        database.close()
        engine_of(sessions).dispose()


def test_without_the_right_the_sql_is_handed_over(cluster: RoleCluster, run: Run) -> None:
    sessions = open_database(cluster.login_url(Duty.SECURITY_ADMIN))
    database = Database(sessions)
    secadmin = operators.login(sessions, "secadmin", PASSWORD)

    async def look() -> None:
        task = spawn(explain_logins(None, database, secadmin, WANTED, lambda _t: None))
        await until(lambda: _shown() is not None)
        dialog = _shown()
        assert dialog is not None
        assert "CREATE" in dialog.sql.toPlainText()
        assert not dialog.create_button.isVisible()
        dialog.reject()
        await task

    try:
        run(look())
    finally:
        database.close()
        engine_of(sessions).dispose()


def test_a_duty_change_shows_and_runs_the_role_change(cluster: RoleCluster, run: Run) -> None:
    sessions = open_database(cluster.owner)
    database = Database(sessions)
    secadmin = operators.login(sessions, "secadmin", PASSWORD)
    login = f"{cluster.prefix}_li"
    db_logins.create(sessions, secadmin, [(login, frozenset({Duty.SYSTEM_ADMIN}))])
    cluster.created.append(login)
    parent = QWidget()
    duties = (frozenset({Duty.SYSTEM_ADMIN}), frozenset({Duty.SYSTEM_ADMIN, Duty.REVIEWER}))

    async def change() -> None:
        task = spawn(explain_change(parent, database, secadmin, login, duties, lambda _t: None))
        await until(lambda: _shown() is not None)
        dialog = _shown()
        assert dialog is not None
        assert "GRANT" in dialog.sql.toPlainText() and login in dialog.sql.toPlainText()
        assert dialog.create_button.isVisible() and "执行" in dialog.create_button.text()
        dialog.create_button.click()
        await until(lambda: "已调整" in dialog.outcome.text())
        dialog.reject()
        assert await task is True

    try:
        run(change())
    finally:
        database.close()
        engine_of(sessions).dispose()


def _visible(kind: type[QWidget]) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


@pytest.mark.parametrize("engine", ["postgresql", "mariadb"])
def test_the_first_run_on_a_server_creates_each_administrators_login(
    engine: str, run: Run, tmp_path: Path
) -> None:
    with role_cluster(engine, tmp_path) as cluster:
        names = {duty: f"{cluster.prefix}-{duty.value}" for duty, _ in FirstRunDialog.ROLES}
        cluster.created.extend(names.values())
        owner = cluster.owner.render_as_string(hide_password=False)
        console = ConsoleRun(argparse.Namespace(db=owner, demo=False, lang=None, command=None))
        shown: list[str] = []

        async def operate() -> int:
            task = asyncio.ensure_future(console.run())
            await until(lambda: _visible(FirstRunDialog) is not None)
            first = _visible(FirstRunDialog)
            assert isinstance(first, FirstRunDialog)
            for duty, (username, name, password, again) in first.fields.items():
                username.setText(names[duty])
                name.setText(f"{duty} 姓名")
                password.setText(PASSWORD)
                again.setText(PASSWORD)
            first.ok_button.click()
            await until(lambda: _shown() is not None)
            dialog = _shown()
            assert dialog is not None
            sql = dialog.sql.toPlainText()
            assert all(name in sql for name in names.values()) and "<口令>" in sql
            assert dialog.create_button.isVisible()
            dialog.create_button.click()
            await until(lambda: "已建立" in dialog.outcome.text())
            shown.append(dialog.sql.toPlainText())
            dialog.reject()
            await until(lambda: _visible(LoginDialog) is not None)
            login = _visible(LoginDialog)
            assert isinstance(login, LoginDialog)
            login.username.setText(names[Duty.SYSTEM_ADMIN])
            login.password.setText(PASSWORD)
            login.ok_button.click()
            await until(lambda: _visible(MainWindow) is not None)
            window = _visible(MainWindow)
            assert isinstance(window, MainWindow)
            window.close()
            return await task

        assert run(operate(), timeout=120) == 0
        # Each administrator's new login connects and works in that duty only.
        passwords = dict(re.findall(r"数据库登录 (\S+)：口令 (\S+)", shown[0]))
        assert set(passwords) == set(names.values())
        auditor = names[Duty.AUDIT_ADMIN]
        sessions = open_database(cluster.owner.set(username=auditor, password=passwords[auditor]))
        try:
            assert operators.login(sessions, auditor, PASSWORD).duties == {Duty.AUDIT_ADMIN}
        finally:
            engine_of(sessions).dispose()


def test_roles_not_yet_applied_are_named_before_anyone_tries(cluster: RoleCluster) -> None:
    sessions = open_database(cluster.owner)
    database = Database(sessions)
    try:
        advice = db_logins.advice(sessions, WANTED, prefix="absent")
        assert advice.can_create and advice.missing_roles == ("absent_reviewer", "absent_sysadmin")
        dialog = DatabaseLoginsDialog(database, Actor.system(), WANTED, advice)
        dialog.show()
        assert "db roles --apply" in dialog.how.text() and "absent_sysadmin" in dialog.how.text()
        assert not dialog.create_button.isVisible()
        dialog.deleteLater()
    finally:
        database.close()
        engine_of(sessions).dispose()


def test_a_new_operator_on_the_page_is_told_the_login_to_hand_over(
    cluster: RoleCluster, run: Run
) -> None:
    # The security administrator's own login may not create logins: the SQL is handed over.
    sessions = open_database(cluster.login_url(Duty.SECURITY_ADMIN))
    database = Database(sessions)
    secadmin = operators.login(sessions, "secadmin", PASSWORD)
    page = OperatorsPage(database, secadmin)
    name = f"{cluster.prefix}-zhang"

    async def create() -> None:
        task = spawn(page.create_operator())
        await until(lambda: _visible(OperatorDialog) is not None)
        form = _visible(OperatorDialog)
        assert isinstance(form, OperatorDialog)
        form.username.setText(name)
        form.display_name.setText("张三")
        form.password.setText(PASSWORD)
        form.duties[Duty.REVIEWER].setChecked(True)
        form.accept()
        await until(lambda: _shown() is not None)
        dialog = _shown()
        assert dialog is not None
        assert name in dialog.sql.toPlainText() and "<口令>" in dialog.sql.toPlainText()
        assert "数据库管理员" in dialog.how.text() and not dialog.create_button.isVisible()
        dialog.reject()
        await task

    try:
        run(create())
        assert name in page.outcome.text()
    finally:
        page.deleteLater()
        database.close()
        engine_of(sessions).dispose()
