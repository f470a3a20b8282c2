"""The review keys as a reviewer meets them: acting as soon as the tab shows, a required
reason kept in its dialog, no decisions offered on finished items, a fitting take-down reason."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel
from sqlalchemy import select

from console.db import SessionFactory
from console.operators import service as operators
from console.review import Decision
from console.review.service import categories_text
from console.schema import QueueItem
from tests.core.queue_cluster import queue_cluster
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.keyboard import focused, typed, visible
from ui.main_window import MainWindow
from ui.review.prompts import take_down_reason
from ui.review.tab import ReviewTab
from ui.tasks import Database


def _states(sessions: SessionFactory) -> dict[int, str]:
    with sessions() as session:
        return dict(session.execute(select(QueueItem.id, QueueItem.state)).all())


def _window(sessions: SessionFactory, run) -> tuple[MainWindow, ReviewTab]:  # type: ignore[no-untyped-def]
    database = Database(sessions)
    actor = run(database.call(operators.login, "reviewer", PASSWORD))
    window = MainWindow(database, actor, "test.sqlite3")
    window.resize(1280, 800)
    window.tabs.setCurrentIndex(0)
    window.show()
    window.activateWindow()
    run(until(lambda: focused().window() is window))
    tab = window.area_tabs["review"]
    assert isinstance(tab, ReviewTab)
    return window, tab


def test_review_keys_act_as_soon_as_the_tab_is_shown_by_its_shortcut(  # type: ignore[no-untyped-def]
    sqlite_sessions, run
) -> None:
    queue_cluster(sqlite_sessions, 6)
    window, tab = _window(sqlite_sessions, run)
    try:
        # Alt+N for the review tab, then the keys at once: no click into the list.
        run(typed(QKeySequence(f"Alt+{window.tabs.indexOf(tab) + 1}")))
        run(until(lambda: tab.browser.pane.model.rowCount() == 6))
        run(until(lambda: tab.isAncestorOf(focused())))
        run(typed("j"))

        def current_shown() -> bool:
            view, detail = tab.browser.pane.view, tab.panel.detail.detail
            row = view.currentIndex().row()
            return detail is not None and row >= 0 and detail.item_id == view.model().row_id(row)

        run(until(current_shown))
        shown = tab.panel.detail.detail
        assert shown is not None
        run(typed("a"))
        run(until(lambda: _states(sqlite_sessions)[shown.item_id] == "approved"))
        # R with an empty reason: the dialog stays, saying so beside the line.
        run(until(lambda: tab.panel.detail.detail is not None and tab.panel.detail.detail != shown))
        run(typed("r"))
        run(until(lambda: visible(QInputDialog) is not None))
        prompt = visible(QInputDialog)
        assert isinstance(prompt, QInputDialog)
        run(typed(Qt.Key.Key_Return))
        problem = prompt.findChild(QLabel, "noteProblem")
        assert isinstance(problem, QLabel)
        run(until(lambda: problem.isVisible()))
        assert prompt.isVisible() and "请填写" in problem.text()
        run(typed("请删除手机号码", Qt.Key.Key_Return))
        run(until(lambda: "returned" in _states(sqlite_sessions).values()))
    finally:
        window.close()
        window.database.close()


def test_finished_items_offer_no_decision(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 4)
    window, tab = _window(sqlite_sessions, run)
    try:
        window.tabs.setCurrentWidget(tab)
        run(until(lambda: tab.browser.pane.model.rowCount() == 4))
        buttons = tab.panel.buttons
        assert all(b.isEnabled() for b in buttons.values())
        run(tab.panel.select_row(0))
        run(tab.panel.decide(Decision.APPROVE))
        for index in (2, 3, 4):  # 已通过, 已退回, 已下线
            tab.browser.status_tabs.setCurrentIndex(index)
            assert not any(b.isEnabled() for b in buttons.values())
            assert "不能再次决定" in buttons[Decision.APPROVE].toolTip()
            assert not tab.panel.decisions[Decision.RETURN].isEnabled()
        tab.browser.status_tabs.setCurrentIndex(2)
        run(until(lambda: tab.browser.pane.model.rowCount() == 1))
        tab.browser.pane.view.setFocus()
        tab.browser.pane.view.selectRow(0)
        run(typed("r"))
        assert visible(QInputDialog) is None
        assert list(_states(sqlite_sessions).values()).count("approved") == 1
        tab.browser.status_tabs.setCurrentIndex(0)
        assert all(b.isEnabled() for b in buttons.values())
    finally:
        window.close()
        window.database.close()


def test_the_take_down_reason_fits_the_category_of_what_was_found() -> None:
    secret = take_down_reason([("过时表述", "国家计委", 1), ("涉密", "绝密", 3)])
    assert "涉密" in secret and "绝密" in secret and "个人" not in secret
    personal = take_down_reason([("个人信息", "13812345678", 3), ("过时表述", "国家计委", 2)])
    assert "个人信息" in personal and "138" not in personal
    wrong = take_down_reason([("严重表述错误", "国务院总理李克强", 3)])
    assert "严重表述错误" in wrong and "个人" not in wrong
    other = take_down_reason([("广告", "代开发票", 2), ("广告", "代开发票", 2)])
    assert other.count("代开发票") == 1 and "广告" in other
    assert "撤稿" in take_down_reason([])


def test_category_names_read_in_english(english: None) -> None:
    findings = [
        {"category": "严重表述错误", "severity": 3},
        {"category": "涉密", "severity": 2},
        {"category": "本地自定", "severity": 1},
    ]
    shown = categories_text(json.dumps(findings))
    assert "Serious wording error" in shown and "Classified" in shown
    assert "本地自定" in shown  # made up by a lexicon file: kept as written
    assert shown.index("Serious") < shown.index("Classified")  # worst first
