"""The 内容审核 tab: review by keyboard alone, status tabs with counts, filters, bulk decisions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from sqlalchemy import select

from console.base.errors import DB_UNREACHABLE, EnvironmentFault
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Post, QueueItem, WhitelistPhrase
from tests.core.queue_cluster import queue_cluster
from tests.staff import PASSWORD
from tests.ui.conftest import until
from ui.main_window import MainWindow
from ui.review.tab import ReviewTab
from ui.tasks import Database


def _open(
    sessions: SessionFactory, run: Any, username: str = "reviewer"
) -> tuple[MainWindow, ReviewTab]:
    database = Database(sessions)
    actor = run(database.call(operators.login, username, PASSWORD))
    window = MainWindow(database, actor, "test.sqlite3")
    window.resize(1400, 820)
    window.show()
    window.activateWindow()
    tab = window.area_tabs["review"]
    assert isinstance(tab, ReviewTab)
    window.tabs.setCurrentWidget(tab)
    return window, tab


def _close(window: MainWindow) -> None:
    window.close()
    window.database.close()


def _states(sessions: SessionFactory) -> dict[int, str]:
    with sessions() as session:
        return dict(session.execute(select(QueueItem.id, QueueItem.state)).all())


async def _dialog(kind: type[QWidget]) -> QWidget:
    found: list[QWidget] = []

    def visible() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    await until(visible)
    return found[0]


def _key(widget: QWidget, key: str) -> None:
    QTest.keyClick(widget, key)


def test_items_are_reviewed_by_keyboard_alone_with_every_decision_key(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 10)
    window, tab = _open(sqlite_sessions, run)
    try:
        pane = tab.browser.pane
        QAbstractItemModelTester(pane.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        run(until(lambda: pane.model.rowCount() == 10))
        run(until(lambda: tab.browser.status_tabs.tabText(0) == "待审 (10)"))
        view = pane.view
        view.setFocus()

        def shown(item: int) -> bool:
            detail = tab.panel.detail.detail
            return detail is not None and detail.item_id == item

        run(until(lambda: shown(1)))
        _key(view, "j")
        run(until(lambda: shown(2)))
        _key(view, "k")
        run(until(lambda: shown(1)))
        _key(view, "a")
        run(until(lambda: _states(sqlite_sessions)[1] == "approved"))
        run(
            until(
                lambda: tab.panel.detail.detail is not None and tab.panel.detail.detail.item_id == 2
            )
        )
        _key(view, "w")
        prompt = run(_dialog(QInputDialog))
        assert isinstance(prompt, QInputDialog)
        assert "国家计委" in prompt.textValue()
        _key(prompt.focusWidget() or prompt, Qt.Key.Key_Return)
        run(until(lambda: _states(sqlite_sessions)[2] == "whitelisted"))
        run(
            until(
                lambda: tab.panel.detail.detail is not None and tab.panel.detail.detail.item_id == 3
            )
        )
        _key(view, "r")
        prompt = run(_dialog(QInputDialog))
        editor = prompt.focusWidget() or prompt
        QTest.keyClicks(editor, "Remove the phone number")
        _key(editor, Qt.Key.Key_Return)
        run(until(lambda: _states(sqlite_sessions)[3] == "returned"))
        run(
            until(
                lambda: tab.panel.detail.detail is not None and tab.panel.detail.detail.item_id == 4
            )
        )
        _key(view, "t")
        prompt = run(_dialog(QInputDialog))
        assert "撤稿" in prompt.textValue()  # type: ignore[attr-defined]
        _key(prompt.focusWidget() or prompt, Qt.Key.Key_Return)
        run(until(lambda: _states(sqlite_sessions)[4] == "taken_down"))
        run(until(lambda: tab.browser.status_tabs.tabText(0) == "待审 (6)"))
        assert tab.browser.status_tabs.tabText(2) == "已通过 (2)"
        assert tab.browser.status_tabs.tabText(3) == "已退回 (1)"
        assert tab.browser.status_tabs.tabText(4) == "已下线 (1)"
        with sqlite_sessions() as session:
            assert session.get(Post, 3).status == "returned"  # type: ignore[union-attr]
            note = session.get(QueueItem, 3)
            assert note is not None and note.decision_note == "Remove the phone number"
            assert "国家计委" in session.scalars(select(WhitelistPhrase.phrase)).one()
    finally:
        _close(window)


def test_the_first_item_shows_its_post_with_findings_marked(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 9)
    window, tab = _open(sqlite_sessions, run)
    try:
        run(until(lambda: tab.browser.pane.model.rowCount() == 9))
        run(tab.stage_for_screenshot())
        assert tab.browser.pane.view.currentIndex().row() == 0
        assert tab.panel.detail.highlighted() == ["国家计委", "138****5678"]
        assert tab.panel.detail.findings.rowCount() == 2
        assert tab.panel.detail.findings.item(1, 2).text() == "138****5678"
        assert "13812345678" not in tab.panel.detail.text.toPlainText()
        tab.browser.severity.setCurrentIndex(2)
        run(until(lambda: tab.browser.pane.model.rowCount() == 3))
        assert [tab.browser.pane.model.row_id(r) for r in range(3)] == [3, 6, 9]
        tab.browser.severity.setCurrentIndex(0)
        run(until(lambda: tab.browser.pane.model.rowCount() == 9))
        run(until(lambda: tab.browser.site.count() > 1))
        tab.browser.site.setCurrentIndex(tab.browser.site.findData(2))

        def ids() -> list[int]:
            model = tab.browser.pane.model
            return [model.row_id(r) for r in range(model.rowCount())]

        run(until(lambda: ids() == [1, 4, 7]))
    finally:
        _close(window)


def test_bulk_take_down_asks_first_then_decides_each(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 6)
    window, tab = _open(sqlite_sessions, run)
    try:
        run(until(lambda: tab.browser.pane.model.rowCount() == 6))
        view = tab.browser.pane.view
        view.selectRow(0)
        view.selectionModel().select(
            tab.browser.pane.model.index(1, 0),
            view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
        )
        task = tab.panel.decide
        from console.review import Decision
        from ui.tasks import spawn

        spawn(task(Decision.TAKE_DOWN))
        box = run(_dialog(QMessageBox))
        assert isinstance(box, QMessageBox) and "2 条" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()
        prompt = run(_dialog(QInputDialog))
        assert isinstance(prompt, QInputDialog)
        prompt.accept()
        run(until(lambda: _states(sqlite_sessions)[2] == "taken_down"))
        assert _states(sqlite_sessions)[1] == "taken_down"
        run(until(lambda: tab.browser.status_tabs.tabText(4) == "已下线 (2)"))
        assert "2 条" in tab.panel.message.text()
    finally:
        _close(window)


def test_claiming_moves_items_to_my_claims(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 25)
    window, tab = _open(sqlite_sessions, run)
    try:
        run(until(lambda: tab.browser.pane.model.rowCount() == 25))
        tab.browser.claim_button.click()
        run(until(lambda: tab.browser.status == "mine" and tab.browser.pane.model.rowCount() == 20))
        run(until(lambda: tab.browser.status_tabs.tabText(1) == "我的认领 (20)"))
        QAbstractItemModelTester(
            tab.browser.pane.model, QAbstractItemModelTester.FailureReportingMode.Fatal
        )
        run(tab.browser.release())
        run(until(lambda: tab.browser.pane.model.rowCount() == 0))
        assert tab.browser.status_tabs.tabText(0) == "待审 (25)"
    finally:
        _close(window)


def _claimed_then_lease_lost(
    sessions: SessionFactory, run: Any, monkeypatch: Any
) -> tuple[MainWindow, ReviewTab]:
    """The reviewer's tab holding claims whose renewal finds the database gone."""
    queue_cluster(sessions, 5)
    window, tab = _open(sessions, run)
    run(until(lambda: tab.browser.pane.model.rowCount() == 5))
    run(tab.browser.claim())
    run(until(lambda: tab.browser.counts.get("mine") == 5, "the five items claimed"))

    def lost(*_args: Any) -> int:
        raise EnvironmentFault(DB_UNREACHABLE, detail="server closed the connection")

    monkeypatch.setattr("console.review.service.renew_claims", lost)
    tab.browser.renewal.timeout.emit()  # what the lease timer does every few minutes
    return window, tab


def test_a_failed_lease_renewal_is_told_to_the_reviewer(sqlite_sessions, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, tab = _claimed_then_lease_lost(sqlite_sessions, run, monkeypatch)
    try:
        run(until(lambda: "认领续期失败" in tab.panel.message.text(), "the failure told"))
        assert "server closed the connection" in tab.panel.message.text()
        assert "可能被其他审核员领取" in tab.panel.message.text()
    finally:
        _close(window)


def test_a_failed_lease_renewal_is_told_in_english_too(  # type: ignore[no-untyped-def]
    sqlite_sessions, run, monkeypatch, english
) -> None:
    window, tab = _claimed_then_lease_lost(sqlite_sessions, run, monkeypatch)
    try:
        run(until(lambda: "Could not renew your claims" in tab.panel.message.text(), "the English"))
        assert "another reviewer may take them" in tab.panel.message.text()
    finally:
        _close(window)


def test_operators_without_the_reviewer_duty_see_a_note(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 1)
    window, tab = _open(sqlite_sessions, run, "sysadmin")
    try:
        assert not tab.reviewing and tab.panes == []
        note = tab.findChild(type(window.operator_label), "accessNote")
        assert note is not None and "内容审核员" in note.text()
    finally:
        _close(window)


def test_the_lexicon_button_opens_the_lexicon_dialog(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    from ui.review.lexicon_dialog import LexiconDialog

    queue_cluster(sqlite_sessions, 1)
    window, tab = _open(sqlite_sessions, run)
    try:
        tab.scanning.lexicon_button.click()
        dialog = run(_dialog(LexiconDialog))
        assert dialog.parent() is tab.browser  # its button sits among the queue controls
        dialog.close()
    finally:
        _close(window)


def test_new_posts_are_screened_into_the_queue_from_the_tab(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    from console.review import lexicon
    from console.screening.lexicon_files import TermEntry

    queue_cluster(sqlite_sessions, 4, queued=False)
    window, tab = _open(sqlite_sessions, run)
    try:
        run(until(lambda: tab.browser.status_tabs.tabText(0) == "待审 (0)"))
        reviewer = run(window.database.call(operators.login, "reviewer", PASSWORD))
        run(window.database.call(lexicon.add_term, reviewer, TermEntry("国家计委", "过时表述", 2)))
        tab.scanning.lexicon_changed()
        assert "后台重建" in tab.panel.message.text()
        tab.scanning.scan_button.click()
        run(until(lambda: tab.browser.status_tabs.tabText(0) == "待审 (4)"))
        run(until(lambda: tab.browser.pane.model.rowCount() == 4))
        assert "新入队 4 条" in tab.panel.message.text()
        run(until(lambda: tab.scanning.screeners.current().term_count == 1))
        run(tab.panel.select_row(0))
        assert tab.panel.detail.highlighted() == ["国家计委", "138****5678"]
    finally:
        _close(window)


def test_a_full_rescan_asks_first_shows_progress_and_can_be_cancelled(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    queue_cluster(sqlite_sessions, 3, queued=False)
    window, tab = _open(sqlite_sessions, run)
    scanning = tab.scanning
    try:
        scanning.rescan_button.click()
        box = run(_dialog(QMessageBox))
        box.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[attr-defined]
        run(until(lambda: "已筛查 3 篇" in tab.panel.message.text()))
        run(until(lambda: tab.browser.status_tabs.tabText(0) == "待审 (3)"))

        released = threading.Event()
        fresh = scanning.screeners.fresh
        scanning.screeners.fresh = lambda s: (released.wait(30), fresh(s))[1]  # type: ignore[method-assign]
        scanning.rescan_button.click()
        box = run(_dialog(QMessageBox))
        box.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[attr-defined]
        progress = run(_dialog(QProgressDialog))
        assert not scanning.rescan_button.isEnabled()
        cancel = progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "取消"
        cancel.click()
        released.set()
        run(until(lambda: tab.panel.message.text().startswith("已取消。")))
        assert "已筛查 0 篇" in tab.panel.message.text()
        assert scanning.rescan_button.isEnabled()
    finally:
        _close(window)


def test_a_security_administrator_keeps_the_lexicon_without_seeing_the_queue(
    sqlite_sessions, run
) -> None:  # type: ignore[no-untyped-def]
    from ui.review.lexicon_dialog import LexiconDialog

    queue_cluster(sqlite_sessions, 1)
    window, tab = _open(sqlite_sessions, run, "secadmin")
    try:
        assert not tab.reviewing and tab.panes == []
        assert not tab.scanning.scan_button.isVisibleTo(tab)
        assert tab.scanning.lexicon_button.isVisibleTo(tab)
        tab.scanning.lexicon_button.click()
        dialog = run(_dialog(LexiconDialog))
        assert dialog.parent() is tab
        dialog.close()
    finally:
        _close(window)
