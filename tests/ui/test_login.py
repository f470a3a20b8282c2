"""Dialogs keep what the operator typed when the database fails under them."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from console.db.engine import make_engine
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.login import LoginDialog
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
