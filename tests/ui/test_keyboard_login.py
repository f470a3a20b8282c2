"""Logging in and the first run by keyboard alone: where the focus starts, Enter, Esc, and the
tab the window opens on."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.engine import URL

from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from tests.ui.keyboard import cluster_file, console_on, focused, typed, visible
from ui.login import FirstRunDialog, LoginDialog
from ui.main_window import MainWindow
from ui.tasks import Database

STRONG = "Str0ng!Passw0rd"


def test_login_starts_in_the_user_name_tab_goes_down_and_enter_logs_in(  # type: ignore[no-untyped-def]
    sqlite_sessions, run
) -> None:
    small_cluster(sqlite_sessions, sites=1)
    database = Database(sqlite_sessions)
    dialog = LoginDialog(database, "test", demo=False)

    async def operate() -> None:
        dialog.show()
        dialog.activateWindow()
        await until(lambda: QApplication.focusWidget() is dialog.username)
        await typed("sysadmin", Qt.Key.Key_Tab)
        assert focused() is dialog.password
        await typed("wrong", Qt.Key.Key_Return)
        await until(lambda: "不正确" in dialog.message.text())
        # The refused password is cleared and the keyboard is back in it.
        assert focused() is dialog.password and dialog.username.text() == "sysadmin"
        await typed(PASSWORD, Qt.Key.Key_Enter)
        await until(lambda: dialog.actor is not None)

    try:
        run(operate())
        assert dialog.actor is not None and dialog.actor.username == "sysadmin"
    finally:
        dialog.deleteLater()
        database.close()


def test_esc_on_the_first_login_asks_before_quitting_and_defaults_to_staying(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    console = console_on(cluster_file(tmp_path))

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await until(lambda: visible(LoginDialog) is not None)
        login = visible(LoginDialog)
        await until(lambda: QApplication.focusWidget() is not None)
        await typed(Qt.Key.Key_Escape)
        await until(lambda: visible(QMessageBox) is not None)
        assert not task.done(), "Esc on the login ended the console without a word"
        question = visible(QMessageBox)
        assert isinstance(question, QMessageBox) and "退出" in question.text()
        assert question.defaultButton().text() == "返回"
        await typed(Qt.Key.Key_Return)
        await until(lambda: visible(LoginDialog) is login)
        # 取消 asks the same; this time the operator means it.
        assert isinstance(login, LoginDialog)
        login.cancel_button.click()
        await until(lambda: visible(QMessageBox) is not None)
        question = visible(QMessageBox)
        assert isinstance(question, QMessageBox)
        quit_button = next(b for b in question.buttons() if b.text() == "退出")
        quit_button.click()
        return await task

    assert run(operate(), timeout=60) == 0


def test_the_window_opens_the_last_tab_the_operator_may_use(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    url = cluster_file(tmp_path)
    # Someone worked on 内容审核 last; the security administrator may not.
    QSettings().setValue("window/lastTab.secadmin", "review")
    QSettings().setValue("window/lastTab.reviewer", "review")

    async def log_in(username: str) -> str:
        console = console_on(url)
        task = asyncio.ensure_future(console.run())
        await until(lambda: visible(LoginDialog) is not None)
        await until(lambda: QApplication.focusWidget() is not None)
        await typed(username, Qt.Key.Key_Tab, PASSWORD, Qt.Key.Key_Return)
        await until(lambda: visible(MainWindow) is not None)
        window = visible(MainWindow)
        assert isinstance(window, MainWindow)
        current = window.tabs.currentWidget()
        shown = current.objectName()
        window.close()
        assert await task == 0
        return shown

    assert run(log_in("secadmin"), timeout=60) != "tab_review"
    assert run(log_in("reviewer"), timeout=60) == "tab_review"
    assert QSettings().value("window/lastTab.reviewer") == "review"


def test_first_run_names_the_account_of_each_error_and_asks_about_a_shared_name(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "new.sqlite3"))
    console = console_on(url)

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await until(lambda: visible(FirstRunDialog) is not None)
        first = visible(FirstRunDialog)
        assert isinstance(first, FirstRunDialog)
        title_width = first.fontMetrics().horizontalAdvance(first.windowTitle())
        assert first.width() > title_width + 100
        # The user names are suggested: the keyboard starts in the first empty field.
        await until(lambda: QApplication.focusWidget() is not None)
        fields = list(first.fields.values())
        assert focused() is fields[0][1]
        for index, name in enumerate(("王强", "李娜", "李娜")):
            fields[index][1].setText(name)
            fields[index][2].setText(STRONG)
            fields[index][3].setText(STRONG)
        fields[2][2].setText("weak")
        fields[2][3].setText("weak")
        await typed(Qt.Key.Key_Return)
        await until(lambda: "auditor" in first.message.text())
        assert "审计管理员" in first.message.text() and focused() is fields[2][2]
        fields[2][2].setText(STRONG)
        fields[2][3].setText(STRONG)
        await typed(Qt.Key.Key_Return)
        await until(lambda: visible(QMessageBox) is not None)
        question = visible(QMessageBox)
        assert isinstance(question, QMessageBox)
        assert "李娜" in question.text() and "secadmin" in question.text()
        await typed(Qt.Key.Key_Escape)  # back to correct it
        await until(lambda: visible(QMessageBox) is None and "姓名" in first.message.text())
        assert focused() is fields[2][1]
        await typed("张伟", Qt.Key.Key_Return)
        await until(lambda: visible(LoginDialog) is not None)
        login = visible(LoginDialog)
        assert isinstance(login, LoginDialog)
        login.reject()
        await until(lambda: visible(QMessageBox) is not None)
        question = visible(QMessageBox)
        assert isinstance(question, QMessageBox)
        next(b for b in question.buttons() if b.text() == "退出").click()
        return await task

    assert run(operate(), timeout=90) == 0
