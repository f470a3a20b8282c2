"""The cluster settings from the window's menu: the owner edits, others look; times follow the
cluster's zone (lists, the status bar, an expiry typed in)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from PySide6.QtCore import QDate, QTime
from sqlalchemy import select, update

from console.base import clock
from console.base.cluster import read_settings
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import JournalEntry, Site
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.main_window import MainWindow
from ui.permissions.common import ExpiryEdit
from ui.settings_dialog import ClusterSettingsDialog
from ui.tasks import Database


def _window(sessions: SessionFactory, run, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    database = Database(sessions)
    actor = run(database.call(operators.login, username, PASSWORD))
    run(database.read_zone())
    window = MainWindow(database, actor, "test.sqlite3")
    window.show()
    window.tabs.setCurrentWidget(window.area_tabs["sites"])
    return window


async def _open(window: MainWindow) -> tuple[asyncio.Future[None], ClusterSettingsDialog]:
    task = asyncio.ensure_future(window.edit_settings())
    await until(lambda: window.findChild(ClusterSettingsDialog) is not None)
    dialog = window.findChild(ClusterSettingsDialog)
    assert dialog is not None
    await until(dialog.isVisible)
    return task, dialog


def test_a_system_administrator_changes_the_zone_and_the_window_follows(
    sqlite_sessions, run
) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=3)
    with sqlite_sessions.begin() as session:
        session.execute(update(Site).values(home_updated_at=dt.datetime(2026, 11, 30, 23)))
    window = _window(sqlite_sessions, run, "sysadmin")
    try:
        pane = window.area_tabs["sites"].panes[0]
        run(until(lambda: pane.model.rowCount() == 3))
        updated = len(pane.listing.fields) - 1  # 首页更新
        in_beijing = pane.model.data(pane.model.index(0, updated))

        async def change() -> None:
            task, dialog = await _open(window)
            assert dialog.save_button.isEnabled()
            zone = dialog.editors["cluster.time_zone"]
            zone.setCurrentText("Mars/Olympus")  # type: ignore[attr-defined]
            dialog.accept()
            await until(dialog.problem.isVisible)
            assert "Mars/Olympus" in dialog.problem.text()
            assert dialog.isVisible()  # refused in place, nothing typed is lost
            zone.setCurrentText("utc")  # type: ignore[attr-defined]
            dialog.accept()
            await task

        run(change())
        assert read_settings(sqlite_sessions).zone.key == "UTC"
        assert window.database.zone.key == "UTC"
        run(until(lambda: pane.model.data(pane.model.index(0, updated)) != in_beijing))
        shown = pane.model.data(pane.model.index(0, updated))
        assert (shown, in_beijing) == ("2026-11-30 23:00", "2026-12-01 07:00")
        with sqlite_sessions() as session:
            action = session.scalar(select(JournalEntry.action).order_by(JournalEntry.seq.desc()))
        assert action == "setting.change"
    finally:
        window.close()
        window.database.close()


def test_other_duties_see_the_settings_read_only(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=1)
    window = _window(sqlite_sessions, run, "reviewer")
    try:

        async def look() -> None:
            task, dialog = await _open(window)
            assert not dialog.save_button.isEnabled()
            assert not any(editor.isEnabled() for editor in dialog.editors.values())
            assert "系统管理员" in dialog.note.text()
            assert "inspection.probes_per_day" in dialog.editors
            dialog.reject()
            await task

        run(look())
    finally:
        window.close()
        window.database.close()


def test_the_status_bar_names_the_cluster_zone_when_the_machine_s_differs(
    sqlite_sessions, run, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=1)
    monkeypatch.setattr(clock, "differs_from_machine", lambda zone: True)
    window = _window(sqlite_sessions, run, "sysadmin")
    try:
        assert window.zone_label.isVisibleTo(window)
        assert "Asia/Shanghai（UTC+08:00）" in window.zone_label.text()
        monkeypatch.setattr(clock, "differs_from_machine", lambda zone: False)
        window._show_zone()
        assert not window.zone_label.isVisibleTo(window)
    finally:
        window.close()
        window.database.close()


def test_an_expiry_is_typed_in_the_cluster_zone_and_stored_as_utc(qapp) -> None:  # type: ignore[no-untyped-def]
    edit = ExpiryEdit(clock.zone_named("Asia/Shanghai"))
    try:
        assert edit.value() is None  # 长期 unless ticked
        edit.enabled.setChecked(True)
        edit.edit.setDate(QDate(2026, 12, 1))
        edit.edit.setTime(QTime(7, 30))
        assert edit.value() == dt.datetime(2026, 11, 30, 23, 30)
        assert "Asia/Shanghai" in edit.edit.toolTip()
    finally:
        edit.deleteLater()
