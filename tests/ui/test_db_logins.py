"""The screens that explain an operator's database login, driven offscreen."""

from __future__ import annotations

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
from ui.connection_dialog import ConnectionDialog
from ui.db_logins import DatabaseLoginsDialog, explain_change, explain_logins
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
