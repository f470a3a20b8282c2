"""Every way a session ends, by keyboard: quitting over unsaved edits (保存/放弃/取消), claimed
review items offered back, 注销, 切换操作员, and 切换数据库 that keeps the session on failure."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import select
from sqlalchemy.engine import URL, make_url

from console.db import engine_of, open_database
from console.review import service as review
from console.schema import JournalEntry, QueueItem, QueueState, Site
from tests.core.queue_cluster import queue_cluster
from tests.site_drafts import DEPT
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from tests.ui.keyboard import cluster_file, console_on, focused, typed, visible
from tests.ui.sites.kit import cluster
from ui.i18n import install
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.review.tab import ReviewTab
from ui.sites.tab import SitesTab


def _file(tmp_path: Path, name: str, fill: Any) -> URL:
    url = URL.create("sqlite", database=str(tmp_path / name))
    sessions = open_database(url)
    fill(sessions)
    engine_of(sessions).dispose()
    return url


def _read(url: URL, query: Any) -> list[Any]:
    sessions = open_database(url)
    try:
        with sessions() as session:
            return list(session.execute(query).all())
    finally:
        engine_of(sessions).dispose()


def _ends(url: URL) -> list[tuple[str, dict[str, Any]]]:
    rows = _read(
        url,
        select(JournalEntry.operator_name, JournalEntry.after)
        .where(JournalEntry.action == "logout")
        .order_by(JournalEntry.seq),
    )
    return [(name, json.loads(after)) for name, after in rows]


async def _log_in(username: str, parent: MainWindow | None = None) -> None:
    def shown() -> bool:
        login = visible(LoginDialog)
        return login is not None and (parent is None or login.parent() is parent)

    await until(shown)
    login = visible(LoginDialog)
    assert isinstance(login, LoginDialog)
    login.activateWindow()
    await until(lambda: focused() is login.username)
    await typed(username, Qt.Key.Key_Tab, PASSWORD, Qt.Key.Key_Return)


async def _window(other_than: MainWindow | None = None) -> MainWindow:
    await until(lambda: visible(MainWindow) not in (None, other_than))
    window = visible(MainWindow)
    assert isinstance(window, MainWindow)
    window.activateWindow()
    await until(lambda: QApplication.focusWidget() is not None and focused().window() is window)
    return window


async def _question(contains: str) -> QMessageBox:
    await until(lambda: visible(QMessageBox) is not None)
    box = visible(QMessageBox)
    assert isinstance(box, QMessageBox) and contains in box.text(), box.text() if box else ""
    return box


def _button(box: QMessageBox, text: str) -> QPushButton:
    return next(b for b in box.buttons() if b.text() == text)  # type: ignore[misc]


@pytest.mark.parametrize("answer", ["保存", "放弃"])
def test_quitting_over_unsaved_edits_asks_and_defaults_to_staying(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, answer: str
) -> None:
    url = _file(tmp_path, "sites.sqlite3", cluster)
    console = console_on(url)

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await _log_in("sysadmin")
        window = await _window()
        tab = window.area_tabs["sites"]
        assert isinstance(tab, SitesTab) and tab.pane is not None
        await typed(QKeySequence(f"Alt+{window.tabs.indexOf(tab) + 1}"))
        await until(lambda: tab.pane is not None and tab.pane.model.rowCount() > 0)
        model = tab.pane.model
        codes = [model.index(r, 0).data() for r in range(model.rowCount())]
        tab.pane.view.selectRow(codes.index(DEPT.code))
        detail = tab.detail
        await until(lambda: detail.detail is not None and detail.detail.draft.code == DEPT.code)
        detail.form.name.setFocus()
        await typed(Qt.Key.Key_End, "（新）")
        assert tab.holds_unsaved_edits()
        # Ctrl+Q asks; Esc (the default, 取消) keeps the window and the edit.
        await typed(QKeySequence("Ctrl+Q"))
        box = await _question("站点")
        assert box.defaultButton().text() == "取消"
        await typed(Qt.Key.Key_Escape)
        await until(lambda: visible(QMessageBox) is None)
        assert window.isVisible() and not task.done()
        assert detail.form.name.text().endswith("（新）")
        # The window's close button asks the same.
        window.close()
        box = await _question("站点")
        _button(box, answer).click()
        return await task

    assert run(operate(), timeout=90) == 0
    names = [row[0] for row in _read(url, select(Site.name).where(Site.code == DEPT.code))]
    assert names[0].endswith("（新）") == (answer == "保存")
    assert _ends(url) == [("sysadmin", {"how": "quit", "released": 0})]


def _claimed(url: URL) -> int:
    rows = _read(url, select(QueueItem.id).where(QueueItem.state == QueueState.CLAIMED.value))
    return len(rows)


@pytest.mark.parametrize("answer", ["交回队列", "保留"])
def test_a_reviewer_quitting_with_claims_is_offered_to_give_them_back(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, answer: str
) -> None:
    url = _file(
        tmp_path, "queue.sqlite3", lambda sessions: queue_cluster(sessions, review.CLAIM_BATCH + 5)
    )
    console = console_on(url)

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await _log_in("reviewer")
        window = await _window()
        tab = window.area_tabs["review"]
        assert isinstance(tab, ReviewTab)
        await typed(QKeySequence(f"Alt+{window.tabs.indexOf(tab) + 1}"))
        await until(lambda: window.tabs.currentWidget() is tab)
        tab.browser.claim_button.click()
        await until(lambda: tab.claims_held() == review.CLAIM_BATCH)
        await typed(QKeySequence("Ctrl+Q"))
        box = await _question(str(tab.claims_held()))
        assert box.defaultButton().text() == "取消"
        await typed(Qt.Key.Key_Escape)
        await until(lambda: visible(QMessageBox) is None)
        assert window.isVisible() and not task.done()
        await typed(QKeySequence("Ctrl+Q"))
        _button(await _question("交回"), answer).click()
        return await task

    assert run(operate(), timeout=90) == 0
    held = _claimed(url)
    ends = _ends(url)
    assert [name for name, _after in ends] == ["reviewer"]
    if answer == "交回队列":
        assert held == 0 and ends[0][1] == {"how": "quit", "released": review.CLAIM_BATCH}
    else:
        assert held == review.CLAIM_BATCH and ends[0][1] == {"how": "quit", "released": 0}


def test_switching_operator_keeps_the_session_until_the_next_one_logs_in(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    url = cluster_file(tmp_path)
    console = console_on(url)

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await _log_in("sysadmin")
        first = await _window()
        first.findChild(QAction, "switchOperator").trigger()
        await until(lambda: visible(LoginDialog) is not None)
        # Esc on this login only closes it: the session goes on, nothing asks to quit.
        await until(lambda: focused() is visible(LoginDialog).username)  # type: ignore[union-attr]
        await typed(Qt.Key.Key_Escape)
        await until(lambda: visible(LoginDialog) is None)
        assert visible(QMessageBox) is None and first.isVisible() and not task.done()
        first.findChild(QAction, "switchOperator").trigger()
        await _log_in("auditor", parent=first)
        second = await _window(other_than=first)
        assert second.actor.username == "auditor"
        # 注销 ends the session and asks for the next operator; Esc there asks to quit.
        second.findChild(QAction, "logout").trigger()
        await until(lambda: visible(MainWindow) is None and visible(LoginDialog) is not None)
        await typed(Qt.Key.Key_Escape)
        _button(await _question("退出"), "退出").click()
        return await task

    assert run(operate(), timeout=90) == 0
    assert _ends(url) == [
        ("sysadmin", {"how": "switch_operator", "released": 0}),
        ("auditor", {"how": "logout", "released": 0}),
    ]


def test_switching_database_keeps_the_session_when_the_new_one_fails(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, monkeypatch
) -> None:
    url = cluster_file(tmp_path)
    other = _file(tmp_path, "other.sqlite3", lambda s: small_cluster(s, sites=1))
    dead = make_url("postgresql+psycopg://ops@127.0.0.1:9/cluster")
    chosen = [dead, other]

    async def choose(_parent: Any, _store: Any, current: URL) -> tuple[URL, None]:
        assert current == url  # the connection in use is offered too
        return chosen.pop(0), None

    monkeypatch.setattr("ui.app.choose_connection", choose)
    console = console_on(url)

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await _log_in("sysadmin")
        window = await _window()
        await typed(QKeySequence("Ctrl+O"))
        box = await _question("仍在使用当前连接")
        box.accept()
        await until(lambda: visible(QMessageBox) is None)
        assert window.isVisible() and not task.done()
        assert window.database.sessions is not None
        await typed(QKeySequence("Ctrl+O"))
        await _log_in("secadmin", parent=window)
        second = await _window(other_than=window)
        assert second.actor.username == "secadmin" and "other.sqlite3" in second.windowTitle()
        second.close()
        return await task

    assert run(operate(), timeout=90) == 0
    assert _ends(url) == [("sysadmin", {"how": "switch_database", "released": 0})]
    assert _ends(other) == [("secadmin", {"how": "quit", "released": 0})]


def test_the_language_switch_applies_at_once_keeping_the_operator_and_the_tab(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, qapp
) -> None:
    url = cluster_file(tmp_path)
    console = console_on(url)

    async def operate() -> int:
        task = asyncio.ensure_future(console.run())
        await _log_in("reviewer")
        first = await _window()
        sites = first.tabs.indexOf(first.area_tabs["sites"])
        await typed(QKeySequence(f"Alt+{sites + 1}"))
        first.findChild(QAction, "language_en").trigger()
        second = await _window(other_than=first)
        assert second.actor.username == "reviewer"
        assert second.tabs.currentIndex() == sites
        assert "Sites" in [second.tabs.tabText(i) for i in range(second.tabs.count())]
        assert qapp.applicationDisplayName() == "Cluster Console"
        second.findChild(QAction, "language_zh_CN").trigger()
        third = await _window(other_than=second)
        assert "站点" in [third.tabs.tabText(i) for i in range(third.tabs.count())]
        assert qapp.applicationDisplayName() == "站群运维控制台"
        third.close()
        return await task

    try:
        assert run(operate(), timeout=90) == 0
    finally:
        install(qapp, "zh_CN")
    # A change of language is not the end of a session.
    assert _ends(url) == [("reviewer", {"how": "quit", "released": 0})]
