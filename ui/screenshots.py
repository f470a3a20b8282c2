"""``cluster-console screenshots DIR``: every tab rendered with the demo cluster, as PNG."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import URL

from console.db import engine_of, open_database
from console.operators import service as operators
from ui.annual.screenshot import render_form
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.report_pictures import render_report
from ui.tabs import TABS
from ui.tasks import Database

SIZE = (1400, 820)
# The smallest screen the console is made for, pictured as well (``sites-1024.png``).
SMALL = (1024, 700)
SIZES = ((SIZE, ""), (SMALL, "-1024"))


def render_all(app: QApplication, directory: Path, seed: int = 2026) -> int:
    """Render each tab of a fresh demo cluster into ``directory``; the exit status."""
    directory.mkdir(parents=True, exist_ok=True)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as scratch, loop:
        url = URL.create("sqlite", database=str(Path(scratch) / "demo.sqlite3"))
        loop.run_until_complete(_render(url, directory, seed))
    return 0


async def _render(url: URL, directory: Path, seed: int) -> None:
    from console.demo import generate

    sessions = open_database(url)
    database = Database(sessions)
    try:
        await database.call(generate, seed=seed)
        login = LoginDialog(database, "demo.sqlite3", demo=True)
        login.username.setText("sysadmin")
        login.show()
        save(login, directory / "login.png")
        login.close()
        for spec in TABS:
            for size, suffix in SIZES:
                actor = await database.call(operators.login, spec.viewer, "demo")
                window = MainWindow(database, actor, "demo.sqlite3")
                window.resize(*size)
                window.tabs.setCurrentIndex([t.key for t in TABS].index(spec.key))
                window.show()
                tab = window.area_tabs[spec.key]
                await tab.refresh()
                await tab.stage_for_screenshot()
                await asyncio.sleep(0.05)
                save(window, directory / f"{spec.key}{suffix}.png")
                window.close()
                window.deleteLater()
        await render_form(database, directory / "annual_form.png", save)
        await render_report(database, directory)
    finally:
        database.close()
        engine_of(sessions).dispose()


def save(widget: QWidget, path: Path) -> None:
    """Grab ``widget`` as it is painted and write it to ``path``."""
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
