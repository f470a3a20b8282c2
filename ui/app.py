"""Starting the GUI: language, crash handler, the asyncio loop on Qt's, connect, log in, work."""

from __future__ import annotations

import argparse
import asyncio
import sys

import qasync
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog
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
from ui.i18n import translated
from ui.login import FirstRunDialog, LoginDialog
from ui.long_work import LongWork
from ui.main_window import MainWindow
from ui.tasks import Database, run_io, spawn

OPEN_TIMEOUT_S = 60
ORGANISATION = "cluster-console"
TIMED_OUT = QT_TR_NOOP("连接超时")
CANNOT_OPEN_TITLE = QT_TR_NOOP("无法打开数据库")
CANNOT_OPEN = QT_TR_NOOP("无法打开 {url}：\n{reason}\n\n请选择其他连接。")
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

    Switching database from the window starts the same sequence again on the new one.
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self.url = resolve_url(demo_url() if args.demo else args.db)
        self.demo = bool(args.demo)
        self.passwords = PasswordStore()
        self._switch_to: URL | None = None

    async def run(self) -> int:
        """The whole run, until the window closes without a switch; the exit status."""
        while True:
            sessions = await self._open()
            if sessions is None:
                return 1
            database = Database(sessions)
            try:
                actor = await self._prepare_and_login(database)
                if actor is None:
                    return 0
                window = MainWindow(database, actor, shown(self.url))
                window.switchRequested.connect(lambda w=window: spawn(self._switch(w), "switch"))
                window.show()
                await window.closed
                # Destroyed by Qt now, not by the garbage collector at some later moment.
                window.deleteLater()
            finally:
                database.close()
            if self._switch_to is None:
                return 0
            self.url, self._switch_to, self.demo = self._switch_to, None, False

    async def _switch(self, window: MainWindow) -> None:
        chosen = await choose_connection(window, self.passwords)
        if chosen is not None:
            self._switch_to = chosen[0]
            window.close()

    async def _open(self) -> SessionFactory | None:
        """Open ``self.url``; when that fails, say why and let the operator choose another."""
        while True:
            try:
                return await run_io(open_database, OPEN_TIMEOUT_S, self.url)
            except Exception as error:
                fault = classify(error)
                if not isinstance(error, ConsoleError | TimeoutError) and fault is None:
                    raise
                reason = str(fault or error) or translated(TIMED_OUT)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translated(CANNOT_OPEN_TITLE),
                translated(CANNOT_OPEN).format(url=shown(self.url), reason=reason),
            )
            await finished(box)
            chosen = await choose_connection(None, self.passwords)
            if chosen is None:
                return None
            self.url, self.demo = chosen[0], False

    async def _prepare_and_login(self, database: Database) -> Actor | None:
        if await database.call(operators.needs_first_run):
            if self.demo:
                await generate_demo(database)
            else:
                first = FirstRunDialog(database)
                created = await finished(first)
                first.deleteLater()
                if not created:
                    return None
                # On a server database each administrator connects with a login of their own.
                await explain_logins(
                    None, database, Actor.system(), first.logins(), lambda _text: None
                )
        login = LoginDialog(database, shown(self.url), self.demo)
        accepted = await finished(login)
        login.deleteLater()
        if not accepted:
            return None
        await database.read_zone()
        return login.actor


async def generate_demo(database: Database) -> None:
    """Fill an empty database with the demo cluster, showing progress."""
    from console.demo import generate

    dialog = QProgressDialog(translated(GENERATING), "", 0, 100)
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
