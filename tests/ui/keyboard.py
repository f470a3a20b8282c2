"""Driving the console as a person does: whatever has the keyboard focus gets the keystrokes."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import URL

from console.db import engine_of, open_database
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.app import ConsoleRun


def visible(kind: type[QWidget]) -> QWidget | None:
    """The visible top-level window of ``kind``, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def focused() -> QWidget:
    """Where the operator's keystrokes go now."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


async def typed(*steps: str | Qt.Key | QKeySequence) -> None:
    """Type into whatever has the focus: text (Chinese as an input method commits it), single
    keys, or key combinations such as ``QKeySequence("Ctrl+Q")``."""
    for step in steps:
        # As a person waits for the window in front to take the keys before typing on.
        await until(lambda: QApplication.focusWidget() is not None, "a widget with the focus")
        if isinstance(step, QKeySequence):
            combination = step[0]
            QTest.keyClick(focused(), combination.key(), combination.keyboardModifiers())
        elif isinstance(step, str) and not step.isascii():
            event = QInputMethodEvent()
            event.setCommitString(step)
            QApplication.sendEvent(focused(), event)
        elif isinstance(step, str):
            QTest.keyClicks(focused(), step)
        else:
            QTest.keyClick(focused(), step)
        await asyncio.sleep(0.02)


def cluster_file(tmp_path: Path) -> URL:
    """A small cluster (three sites, the staff of ``tests.staff``) in an SQLite file."""
    url = URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3"))
    sessions = open_database(url)
    small_cluster(sessions, sites=3)
    engine_of(sessions).dispose()
    return url


def console_on(url: URL | str) -> ConsoleRun:
    """The console as ``cluster-console --db URL`` starts it."""
    args = argparse.Namespace(db=str(url), demo=False, lang=None, command=None)
    return ConsoleRun(args)
