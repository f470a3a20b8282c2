"""In English, the interface's own words are English: headings, tabs and buttons of every tab.

Data stays as entered (site names are Chinese); what this walks is only what the console itself
writes, so a string shown without going through the catalogue shows up here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QTabWidget, QWidget

from console.db import SessionFactory
from console.operators import service as operators
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.main_window import MainWindow
from ui.tasks import Database

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _own_words(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every heading, tab title and button text under ``window``."""
    for tabs in window.findChildren(QTabWidget):
        for i in range(tabs.count()):
            yield f"tab of {tabs.objectName()}", tabs.tabText(i)
    for header in window.findChildren(QHeaderView):
        model = header.model()
        if model is None:
            continue
        count = model.columnCount() if header.orientation() == Qt.Orientation.Horizontal else 0
        for section in range(count):
            text = model.headerData(section, Qt.Orientation.Horizontal)
            yield f"heading of {header.parent().objectName()}", str(text or "")
    for button in window.findChildren(QAbstractButton):
        yield f"button {button.objectName()}", button.text()


@pytest.mark.parametrize("username", ["sysadmin", "secadmin", "auditor", "reviewer"])
def test_every_tab_speaks_english(
    sqlite_sessions: SessionFactory, run, english, username: str
) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=3)
    database = Database(sqlite_sessions)
    actor = run(database.call(operators.login, username, PASSWORD))
    window = MainWindow(database, actor, "test.sqlite3")
    window.show()
    try:
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            run(window.refresh_current())
        run(until(lambda: "Data loaded" in window.age_label.text()))
        chinese = [(where, text) for where, text in _own_words(window) if CHINESE.search(text)]
        assert chinese == []
    finally:
        window.close()
        database.close()
