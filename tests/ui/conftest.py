"""GUI test harness: real widgets offscreen, driven through the qasync loop."""

from __future__ import annotations

import asyncio
import gc
import inspect
import os
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import qasync
from PySide6.QtCore import QEvent, QLocale, QSettings
from PySide6.QtWidgets import QApplication

from console.base import i18n
from ui.i18n import install

T = TypeVar("T")


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings of GUI tests go to a scratch folder, never the user's own configuration."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English catalogue for one test, then Chinese again for the others."""
    translators = install(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("zh_CN"))
    i18n.set_translator(lambda _context, text: text)


@pytest.fixture(scope="session")
def session_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """One qasync loop for the whole run: loops closed per test left Qt objects for the garbage
    collector to destroy at random moments, inside later tests' event processing."""
    # As in the console: closing the last dialog must not quit the application (and the loop).
    qapp.setQuitOnLastWindowClosed(False)
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def loop(session_loop: qasync.QEventLoop) -> Iterator[qasync.QEventLoop]:
    """The qasync loop on the test's QApplication (pytest-qt's qtbot cannot drive coroutines).

    Windows a test leaves behind (and questions their closing raises) are closed and destroyed
    afterwards, while the loop runs.
    """
    yield session_loop
    # Closing a window may open a question (unsaved edits, work running): close those too.
    # Only parentless windows are deleted here; a parented one (a popup menu, a dialog) goes
    # with its owner, in its owner's order (deleting a tool bar's menu first crashes Qt).
    for _ in range(3):
        for widget in QApplication.topLevelWidgets():
            widget.close()
            if widget.parent() is None:
                widget.deleteLater()
        session_loop.run_until_complete(asyncio.sleep(0.05))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()


@pytest.fixture
def run(loop: qasync.QEventLoop) -> Callable[[Awaitable[T]], T]:
    """Run a coroutine to completion on the Qt loop, with a generous timeout."""

    def runner(awaitable: Awaitable[Any], timeout: float = 30.0) -> Any:
        return loop.run_until_complete(asyncio.wait_for(awaitable, timeout))

    return runner


async def until(condition: Callable[[], bool], what: str = "", timeout: float = 10.0) -> None:
    """Let the loop turn until ``condition()`` holds; after ``timeout`` s the test fails, saying
    what it waited for: ``what``, or else the condition's source."""
    deadline = asyncio.get_event_loop().time() + timeout
    while not condition():
        if asyncio.get_event_loop().time() > deadline:
            raise AssertionError(f"not met within {timeout:g} s: {what or _source(condition)}")
        await asyncio.sleep(0.01)


def _source(condition: Callable[[], bool]) -> str:
    """The text of ``condition`` (a lambda's whole source line), or its name."""
    try:
        return " ".join(inspect.getsource(condition).split())
    except (OSError, TypeError):
        return getattr(condition, "__qualname__", repr(condition))
