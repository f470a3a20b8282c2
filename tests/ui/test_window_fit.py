"""Every tab works at 1,024 × 700 in both languages: no minimum wider or taller than that, no
window that resizes itself (also when an account is selected), the save actions and the J / K
hint in view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget

from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Duty
from tests.core.test_rights import give, tiny_cluster
from tests.staff import PASSWORD
from tests.ui.conftest import until
from ui.main_window import MainWindow
from ui.tasks import Database

WIDTH, HEIGHT = 1024, 700


def _in_view(widget: QWidget, window: QWidget) -> bool:
    """Shown, wholly inside the window, and not squeezed below what its text needs."""
    if not widget.isVisible():
        return False
    corner = widget.mapTo(window, widget.rect().bottomRight())
    whole = widget.width() >= widget.minimumSizeHint().width()
    return whole and corner.x() < window.width() and corner.y() < window.height()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("username", ["sys", "sec", "aud", "rev"])
def test_every_tab_fits_1024_by_700_without_resizing_the_window(  # type: ignore[no-untyped-def]
    sqlite_sessions: SessionFactory, run, request, language: str, username: str
) -> None:
    if language == "en":
        request.getfixturevalue("english")
    tiny_cluster(sqlite_sessions, sites=3)
    give(sqlite_sessions, 1, "editor", column=1)
    security = operators.login(sqlite_sessions, "sec", PASSWORD)
    reviewer = operators.NewOperator("rev", "丁", PASSWORD, frozenset({Duty.REVIEWER}))
    operators.create(sqlite_sessions, security, reviewer)
    database = Database(sqlite_sessions)
    actor = run(database.call(operators.login, username, PASSWORD))
    window = MainWindow(database, actor, "test.sqlite3")
    try:
        window.resize(WIDTH, HEIGHT)
        window.show()
        for index in range(window.tabs.count()):
            tab = window.tabs.widget(index)
            window.tabs.setCurrentIndex(index)
            run(tab.refresh())  # type: ignore[attr-defined]
            QApplication.processEvents()
            hint = window.minimumSizeHint()
            where = f"{username}, {language}, {window.tabs.tabText(index)}"
            assert hint.width() <= WIDTH and hint.height() <= HEIGHT, (where, hint)
            assert (window.width(), window.height()) == (WIDTH, HEIGHT), where
        if username == "sec":
            accounts = window.area_tabs["permissions"].accounts  # type: ignore[attr-defined]
            window.tabs.setCurrentWidget(window.area_tabs["permissions"])
            run(until(lambda: accounts.pane.model.rowCount() > 0))
            accounts.pane.view.selectRow(0)
            run(until(lambda: accounts.detail.current is not None))
            QApplication.processEvents()
            assert (window.width(), window.height()) == (WIDTH, HEIGHT)
            assert window.minimumSizeHint().width() <= WIDTH
        if username == "sys":
            window.tabs.setCurrentWidget(window.area_tabs["presets"])
            QApplication.processEvents()
            for name in ("save", "save_as", "export"):
                button = window.findChild(QToolButton, f"preset_{name}")
                assert button is not None and _in_view(button, window), name
        if username == "rev":
            window.tabs.setCurrentWidget(window.area_tabs["review"])
            QApplication.processEvents()
            hint_label = window.findChild(QLabel, "keyHint")
            assert hint_label is not None and _in_view(hint_label, window)
    finally:
        window.close()
        database.close()
