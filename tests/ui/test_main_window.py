"""The main window lists each area lazily, tells a lost database apart, and keeps what it shows."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from console.db import SessionFactory
from console.db.engine import make_engine
from console.operators import service as operators
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.main_window import MainWindow
from ui.tasks import Database


def _window(sessions: SessionFactory, run, username: str = "sysadmin") -> MainWindow:  # type: ignore[no-untyped-def]
    database = Database(sessions)
    actor = run(database.call(operators.login, username, PASSWORD))
    window = MainWindow(database, actor, "test.sqlite3")
    window.show()
    return window


def test_sites_tab_pages_lazily_with_counts(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions)
    window = _window(sqlite_sessions, run)
    window.tabs.setCurrentWidget(window.area_tabs["sites"])
    try:
        pane = window.area_tabs["sites"].panes[0]
        QAbstractItemModelTester(pane.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        run(until(lambda: pane.model.rowCount() > 0))
        assert pane.model.rowCount() == 200
        assert pane.counts.text() == "显示 450 / 450"
        assert pane.model.canFetchMore()
        pane.model.fetchMore()
        assert not pane.model.canFetchMore()
        run(until(lambda: pane.model.rowCount() == 400))
        pane.filter.setText("第12")
        pane.filter.returnPressed.emit()
        run(until(lambda: pane.counts.text() == "显示 11 / 450"))
        assert pane.model.rowCount() == 11
        pane.model.sort(0, Qt.SortOrder.DescendingOrder)
        run(until(lambda: pane.model.data(pane.model.index(0, 0)) == "3312000129"))
    finally:
        window.close()
        window.database.close()


def test_tabs_outside_the_operators_duties_say_so(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=3)
    window = _window(sqlite_sessions, run, "auditor")
    try:
        assert window.tabs.count() == 6
        assert window.area_tabs["sites"].panes == []
        note = window.area_tabs["sites"].findChild(type(window.operator_label), "accessNote")
        assert note is not None and "系统管理员" in note.text()
        journal = window.area_tabs["permissions"].panes
        assert [p.listing.name for p in journal] == ["journal"]
    finally:
        window.close()
        window.database.close()


def test_a_lost_database_shows_in_the_status_bar_and_rows_stay(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=5)
    window = _window(sqlite_sessions, run)
    window.tabs.setCurrentWidget(window.area_tabs["sites"])
    try:
        pane = window.area_tabs["sites"].panes[0]
        run(until(lambda: pane.model.rowCount() == 5))
        dead = make_engine(make_url("postgresql+psycopg://nobody@127.0.0.1:9/gone"))
        window.database.sessions = sessionmaker(dead)
        run(window.refresh_current())
        assert window.retry_button.isVisibleTo(window)
        assert "数据库不可用" in window.connection_label.text()
        assert pane.model.rowCount() == 5
        assert pane.status.isVisibleTo(window)
        window.database.sessions = sqlite_sessions
        run(window.retry())
        assert not window.retry_button.isVisibleTo(window)
        assert "已连接" in window.connection_label.text()
    finally:
        window.close()
        window.database.close()


def test_export_writes_the_filtered_view(sqlite_sessions, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=30)
    window = _window(sqlite_sessions, run)
    window.tabs.setCurrentWidget(window.area_tabs["sites"])
    try:
        pane = window.area_tabs["sites"].panes[0]
        run(until(lambda: pane.model.rowCount() == 30))
        pane.filter.setText("第2")
        pane.filter.returnPressed.emit()
        run(until(lambda: pane.counts.text() == "显示 11 / 30"))
        target = tmp_path / "sites.csv"
        assert run(pane.export_to(target)) == 11
        lines = target.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].startswith("网站标识码,网站名称,类型")
        assert len(lines) == 12
    finally:
        window.close()
        window.database.close()


def test_window_state_is_saved_and_restored(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=3)
    first = _window(sqlite_sessions, run)
    first.tabs.setCurrentWidget(first.area_tabs["filings"])
    first.close()
    first.database.close()
    second = _window(sqlite_sessions, run)
    try:
        assert second.tabs.currentWidget() is second.area_tabs["filings"]
        assert QSettings().value("window/geometry") is not None
    finally:
        second.close()
        second.database.close()


def test_auto_refresh_reloads_the_tab_unless_it_holds_unsaved_edits(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=3)
    window = _window(sqlite_sessions, run)
    window.tabs.setCurrentWidget(window.area_tabs["sites"])
    try:
        tab = window.area_tabs["sites"]
        pane = tab.panes[0]
        run(until(lambda: pane.model.rowCount() == 3))
        reloads: list[object] = []
        tab.refreshed.connect(reloads.append)
        window.auto_refresh_actions[5].trigger()
        assert window._auto_timer.isActive() and window._auto_timer.interval() == 300_000
        assert QSettings().value("window/autoRefreshMin") == 5
        assert "每 5 分钟自动刷新" in window.age_label.text()
        window.auto_refresh()
        run(until(lambda: len(reloads) == 1))
        tab.holds_unsaved_edits = lambda: True  # type: ignore[method-assign]
        window.auto_refresh()
        # Whatever reload the tick started has run its course: none, so nothing reloaded.
        tasks = asyncio.all_tasks(asyncio.get_event_loop())
        started = [t for t in tasks if t.get_name() == "auto-refresh"]
        run(asyncio.gather(*started))
        assert started == [] and len(reloads) == 1
        window.auto_refresh_actions[0].trigger()
        assert not window._auto_timer.isActive()
        assert "自动刷新" not in window.age_label.text()
    finally:
        window.close()
        window.database.close()
