"""Starting the GUI: language, crash handler, the asyncio loop on Qt's, connect, log in, work."""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys

import qasync
import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from sqlalchemy.engine import URL

from console.base.actor import Actor
from console.base.errors import ConsoleError, classify
from console.base.i18n import QT_TR_NOOP
from console.commands.demo import demo_url
from console.connections import PasswordStore
from console.db import SessionFactory, open_database
from console.db.location import resolve_url, shown
from console.operators import service as operators
from ui import crash, i18n
from ui.connection_dialog import choose_connection
from ui.db_logins import explain_logins
from ui.dialogs import finished
from ui.forms import back_to
from ui.i18n import translated
from ui.login import FirstRunDialog, logged_in, quit_confirmed
from ui.long_work import LongWork
from ui.main_window import MainWindow
from ui.session_end import Ending, end_session
from ui.tasks import Database, run_io, spawn

OPEN_TIMEOUT_S = 60
ORGANISATION = "cluster-console"
TIMED_OUT = QT_TR_NOOP("连接超时")
CANNOT_OPEN_TITLE = QT_TR_NOOP("无法打开数据库")
CANNOT_OPEN = QT_TR_NOOP("无法打开 {url}：\n{reason}\n\n请选择其他连接。")
CANNOT_SWITCH = QT_TR_NOOP("无法打开 {url}：\n{reason}\n\n仍在使用当前连接。")
GENERATING = QT_TR_NOOP("正在生成演示站群…")
DEMO_TITLE = QT_TR_NOOP("演示站群")


def make_application() -> QApplication:
    """The QApplication with our names (QSettings keys follow from them)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName("Cluster Console")
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("站群运维控制台")
    # Dialogs close between steps (login, then the window): the session decides when to end.
    app.setQuitOnLastWindowClosed(False)
    return app


def start(args: argparse.Namespace) -> int:
    """Run the GUI (or the screenshot renderer) until the window closes; the exit status."""
    app = make_application()
    crash.install()
    language = args.lang or str(QSettings().value("language", "zh_CN"))
    i18n.install(app, language)
    if args.command == "screenshots":
        from ui.screenshots import render_all

        return render_all(app, args.directory)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        status: int = loop.run_until_complete(ConsoleRun(args).run())
    return status


class ConsoleRun:
    """One run of the console: connect, first run or demo, log in, then the main window.

    The session in the window stays until its successor is ready: 切换数据库 and 切换操作员
    open and log in first, then end the current session (asking about unsaved edits and
    claims); a failure or 取消 on the way leaves the operator where they were. 注销 ends the
    session, then asks for a login on the same database. Every end is journalled.
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self.url = resolve_url(demo_url() if args.demo else args.db)
        self.demo = bool(args.demo)
        self.passwords = PasswordStore()
        self.app = make_application()
        self._next: tuple[Database, Actor, URL] | None = None

    async def run(self) -> int:
        """The whole run, until the window closes without a successor; the exit status."""
        sessions = await self._open()
        if sessions is None:
            return 1
        database = Database(sessions)
        try:
            actor = await self._prepare_and_login(database, self.url, self.demo)
            while actor is not None:
                ending, release = await self._work(database, actor)
                if ending is Ending.LANGUAGE:
                    i18n.install(self.app, str(QSettings().value("language", "zh_CN")))
                    continue
                await end_session(database, actor, ending, release)
                if ending is Ending.LOGOUT:
                    actor = await logged_in(database, shown(self.url), self.demo)
                    if actor is not None:
                        await database.read_zone()
                elif self._next is None:
                    actor = None
                else:
                    following, actor, url = self._next
                    self._next = None
                    if following is not database:
                        database.close()
                        database, self.url, self.demo = following, url, False
        finally:
            database.close()
        return 0

    async def _work(self, database: Database, actor: Actor) -> tuple[Ending, bool]:
        """Show the window until it closes; how the session ended, and whether to release."""
        window = MainWindow(database, actor, shown(self.url))
        window.switchRequested.connect(
            lambda w=window: spawn(self._switch_database(w), "switch database")
        )
        window.operatorSwitchRequested.connect(
            lambda w=window, d=database: spawn(self._switch_operator(w, d), "switch operator")
        )
        window.languageChosen.connect(
            lambda _code, w=window: spawn(w.leave(Ending.LANGUAGE), "language")
        )
        window.show()
        # What exists once the window is up lives as long as it: kept out of the collector's
        # full passes, which would otherwise stall the window for hundreds of milliseconds
        # while a patrol or an import adds objects by the million.
        gc.freeze()
        await window.closed
        # Destroyed by Qt now, not by the garbage collector at some later moment.
        window.deleteLater()
        return window.ending, window.release_claims

    async def _switch_operator(self, window: MainWindow, database: Database) -> None:
        actor = await logged_in(database, shown(self.url), self.demo, window, ending_quits=False)
        if actor is None:
            return
        await database.read_zone()
        self._next = (database, actor, self.url)
        if not await window.leave(Ending.SWITCH_OPERATOR):
            self._next = None

    async def _switch_database(self, window: MainWindow) -> None:
        chosen = await choose_connection(window, self.passwords, current=self.url)
        if chosen is None:
            return
        url = chosen[0]
        sessions = await self._opened(url, window)
        if sessions is None:
            return
        database = Database(sessions)
        handed_over = False
        try:
            actor = await self._prepare_and_login(database, url, False, window)
            if actor is not None:
                self._next = (database, actor, url)
                handed_over = await window.leave(Ending.SWITCH_DATABASE)
        finally:
            if not handed_over:
                self._next = None
                database.close()

    async def _opened(self, url: URL, window: MainWindow) -> SessionFactory | None:
        """Open ``url`` for a switch; when that fails, say why over the current window."""
        try:
            return await run_io(open_database, OPEN_TIMEOUT_S, url)
        except Exception as error:
            reason = _reason(error)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translated(CANNOT_OPEN_TITLE),
            translated(CANNOT_SWITCH).format(url=shown(url), reason=reason),
            parent=window,
        )
        await finished(box)
        box.deleteLater()
        back_to(window)
        return None

    async def _open(self) -> SessionFactory | None:
        """Open ``self.url``; when that fails, say why and let the operator choose another."""
        while True:
            try:
                return await run_io(open_database, OPEN_TIMEOUT_S, self.url)
            except Exception as error:
                reason = _reason(error)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translated(CANNOT_OPEN_TITLE),
                translated(CANNOT_OPEN).format(url=shown(self.url), reason=reason),
            )
            await finished(box)
            chosen = await choose_connection(None, self.passwords, current=self.url)
            if chosen is None:
                return None
            self.url, self.demo = chosen[0], False

    async def _prepare_and_login(
        self, database: Database, url: URL, demo: bool, parent: QWidget | None = None
    ) -> Actor | None:
        """First run (or the demo) when the database is new, then the login. At the start
        (no ``parent``) giving up quits, once confirmed; over a window it only goes back."""
        starting = parent is None
        if await database.call(operators.needs_first_run):
            if demo:
                await generate_demo(database)
            else:
                first = FirstRunDialog(database, parent)
                try:
                    while not await finished(first):
                        if not starting or await quit_confirmed(first):
                            return None
                    logins = first.logins()
                finally:
                    if shiboken6.isValid(first):
                        first.deleteLater()
                # On a server database each administrator connects with a login of their own.
                await explain_logins(parent, database, Actor.system(), logins, lambda _text: None)
        actor = await logged_in(database, shown(url), demo, parent, ending_quits=starting)
        if actor is not None:
            await database.read_zone()
        return actor


def _reason(error: Exception) -> str:
    """Why a database did not open, as the operator reads it; a bug is raised again."""
    fault = classify(error)
    if not isinstance(error, ConsoleError | TimeoutError) and fault is None:
        raise error
    return str(fault or error) or translated(TIMED_OUT)


async def generate_demo(database: Database) -> None:
    """Fill an empty database with the demo cluster, showing progress."""
    from console.demo import generate

    # Busy (moving) until the generator reports its first step, never a still 0 %.
    dialog = QProgressDialog(translated(GENERATING), "", 0, 0)
    dialog.setWindowTitle(translated(DEMO_TITLE))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    with LongWork(dialog) as work:

        def progress(done: int, total: int, label: str) -> None:
            work.hand_over(_show_progress, dialog, done, total, label)

        try:
            await work.on_database(database, generate, progress=progress)
        finally:
            dialog.close()


def _show_progress(dialog: QProgressDialog, done: int, total: int, label: str) -> None:
    dialog.setLabelText(label)
    dialog.setMaximum(max(total, 1))
    dialog.setValue(min(done, max(total, 1)))
