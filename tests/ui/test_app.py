"""The whole session as an operator meets it: first run, login, window; a dead database."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget

from tests.ui.conftest import until
from ui.app import ConsoleRun
from ui.login import FirstRunDialog, LoginDialog
from ui.main_window import MainWindow

STRONG = "Str0ng!Passw0rd"


def _visible(kind: type[QWidget]) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def _args(db: str) -> argparse.Namespace:
    return argparse.Namespace(db=db, demo=False, lang=None, command=None)


def test_a_new_database_asks_for_the_three_administrators_then_logs_in(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    console = ConsoleRun(_args(f"sqlite:///{tmp_path / 'new.sqlite3'}"))

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await until(lambda: _visible(FirstRunDialog) is not None)
        first = _visible(FirstRunDialog)
        assert isinstance(first, FirstRunDialog)
        for duty, (_username, name, password, again) in first.fields.items():
            name.setText(f"{duty} 姓名")
            password.setText(STRONG)
            again.setText(STRONG)
        first.fields[next(iter(first.fields))][3].setText("different")
        first.ok_button.click()
        await until(lambda: "不一致" in first.message.text())
        assert first.fields[next(iter(first.fields))][0].text() == "sysadmin"
        first.fields[next(iter(first.fields))][3].setText(STRONG)
        first.ok_button.click()
        await until(lambda: _visible(LoginDialog) is not None)
        login = _visible(LoginDialog)
        assert isinstance(login, LoginDialog)
        login.username.setText("sysadmin")
        login.password.setText("wrong")
        login.ok_button.click()
        await until(lambda: "不正确" in login.message.text())
        assert login.username.text() == "sysadmin"
        login.password.setText(STRONG)
        login.ok_button.click()
        await until(lambda: _visible(MainWindow) is not None)
        window = _visible(MainWindow)
        assert isinstance(window, MainWindow)
        assert window.actor.username == "sysadmin"
        window.tabs.setCurrentWidget(window.area_tabs["sites"])
        await until(lambda: "显示 0 / 0" in window.area_tabs["sites"].panes[0].counts.text())
        window.close()
        return await task

    assert run(operate(), timeout=60) == 0


def test_a_dead_server_is_explained_and_another_connection_offered(run) -> None:  # type: ignore[no-untyped-def]
    console = ConsoleRun(_args("postgresql+psycopg://ops:secret@127.0.0.1:9/cluster"))

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await until(lambda: _visible(QMessageBox) is not None, timeout=30)
        box = _visible(QMessageBox)
        assert isinstance(box, QMessageBox)
        assert "无法打开" in box.text() and "secret" not in box.text()
        box.accept()
        await until(
            lambda: any(
                w.objectName() == "connectionDialog"
                or (
                    isinstance(w, QDialog)
                    and w.findChild(QLineEdit) is not None
                    and w.isVisible()
                    and not isinstance(w, QMessageBox)
                )
                for w in QApplication.topLevelWidgets()
            )
        )
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        return await task

    assert run(operate(), timeout=60) == 1


def test_demo_mode_generates_the_cluster_once_then_logs_in(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("console.commands.demo.data_dir", lambda: tmp_path)
    console = ConsoleRun(argparse.Namespace(db=None, demo=True, lang=None, command=None))

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await until(lambda: _visible(LoginDialog) is not None, timeout=60)
        login = _visible(LoginDialog)
        assert isinstance(login, LoginDialog)
        assert login.findChild(QWidget, "demoHint") is not None
        login.username.setText("reviewer1")
        login.password.setText("demo")
        login.ok_button.click()
        await until(lambda: _visible(MainWindow) is not None)
        window = _visible(MainWindow)
        assert isinstance(window, MainWindow)
        window.tabs.setCurrentWidget(window.area_tabs["review"])
        pane = window.area_tabs["review"].panes[0]
        await until(lambda: pane.model.rowCount() > 0)
        window.close()
        return await task

    assert run(operate(), timeout=120) == 0
    assert (tmp_path / "demo.sqlite3").exists()
