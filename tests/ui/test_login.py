"""Dialogs keep what the operator typed when the database fails under them."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from console.db.engine import make_engine
from console.operators import service as operators
from console.schema import Operator
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.login import LoginDialog, PasswordDialog
from ui.tasks import Database


def test_login_keeps_name_and_password_when_the_database_is_gone(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=1)
    dead = sessionmaker(make_engine(make_url("postgresql+psycopg://ops@127.0.0.1:9/gone")))
    database = Database(dead)
    dialog = LoginDialog(database, "gone", demo=False)
    try:
        dialog.show()
        dialog.username.setText("sysadmin")
        dialog.password.setText(PASSWORD)
        dialog.ok_button.click()
        run(until(lambda: "数据库连接中断" in dialog.message.text()))
        assert dialog.isVisible()
        assert dialog.username.text() == "sysadmin" and dialog.password.text() == PASSWORD
        database.sessions = sqlite_sessions
        dialog.ok_button.click()
        run(until(lambda: dialog.actor is not None))
        assert not dialog.isVisible()
    finally:
        database.close()


def _reset(sessions, username: str, temporary: str) -> None:  # type: ignore[no-untyped-def]
    security = operators.login(sessions, "secadmin", PASSWORD)
    with sessions() as session:
        target = session.scalars(select(Operator).where(Operator.username == username)).one()
    operators.reset_password(sessions, security, target.id, temporary, target.version)


def _password_dialog() -> PasswordDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PasswordDialog)]
    return next((w for w in shown if w.isVisible()), None)


def _log_in_after_reset(sessions, run, username: str):  # type: ignore[no-untyped-def]
    """Reset ``username``'s password, log in with it, and return the forced change dialog."""
    small_cluster(sessions, sites=1)
    _reset(sessions, username, "Temp0rary!Pw")
    database = Database(sessions)
    dialog = LoginDialog(database, "test", demo=False)
    dialog.show()
    dialog.username.setText(username)
    dialog.password.setText("Temp0rary!Pw")
    dialog.ok_button.click()
    run(until(lambda: _password_dialog() is not None))
    change = _password_dialog()
    assert change is not None and dialog.actor is None
    return database, dialog, change


def test_a_reset_password_is_changed_before_the_login_completes(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    database, dialog, change = _log_in_after_reset(sqlite_sessions, run, "sysadmin")
    try:
        assert not change.old.isVisible() and change.new.isVisible()
        change.new.setText("An0ther!Secret")
        change.again.setText("An0ther!Secret-typo")
        change.ok_button.click()
        run(until(lambda: "不一致" in change.message.text()))
        change.again.setText("An0ther!Secret")
        change.ok_button.click()
        run(until(lambda: dialog.actor is not None))
        assert not dialog.isVisible()
        actor = operators.login(sqlite_sessions, "sysadmin", "An0ther!Secret")
        assert not operators.must_change_password(sqlite_sessions, actor)
    finally:
        database.close()


def test_refusing_to_change_a_reset_password_leaves_the_operator_logged_out(  # type: ignore[no-untyped-def]
    sqlite_sessions, run
) -> None:
    database, dialog, change = _log_in_after_reset(sqlite_sessions, run, "auditor")
    try:
        change.reject()
        run(until(lambda: "临时密码" in dialog.message.text()))
        assert dialog.isVisible() and dialog.actor is None
        assert dialog.password.text() == ""
    finally:
        database.close()


def test_an_operator_changes_their_password_giving_the_old_one(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=1)
    actor = operators.login(sqlite_sessions, "reviewer", PASSWORD)
    database = Database(sqlite_sessions)
    dialog = PasswordDialog(database, actor, None)
    try:
        dialog.show()
        dialog.old.setText("not-the-password")
        dialog.new.setText("An0ther!Secret")
        dialog.again.setText("An0ther!Secret")
        dialog.ok_button.click()
        run(until(lambda: "原密码不正确" in dialog.message.text()))
        assert dialog.isVisible() and dialog.new.text() == "An0ther!Secret"
        dialog.old.setText(PASSWORD)
        dialog.ok_button.click()
        run(until(lambda: not dialog.isVisible()))
        assert operators.login(sqlite_sessions, "reviewer", "An0ther!Secret").username == "reviewer"
    finally:
        database.close()
