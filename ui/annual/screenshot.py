"""The annual report form of a demo site, rendered for ``docs/screenshots``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Site, SiteKind
from ui.annual.figures_dialog import AnnualFiguresDialog
from ui.tasks import Database

SIZE = (1000, 820)


async def render_form(
    database: Database, path: Path, save: Callable[[QWidget, Path], None]
) -> None:
    """Render the form of the demo city's portal for the last full year into ``path``
    (``save(widget, path)`` grabs it)."""

    def portal(sessions: SessionFactory) -> tuple[int, str]:
        with sessions() as session:
            row = session.execute(
                select(Site.id, Site.code).where(Site.kind == SiteKind.CITY_PORTAL.value)
            ).one()
            return int(row.id), str(row.code)

    site_id, code = await database.call(portal)
    actor = await database.call(operators.login, "sysadmin", "demo")
    dialog = AnnualFiguresDialog(database, actor, code, site_id)
    dialog.resize(*SIZE)
    dialog.show()
    await dialog.load()
    await asyncio.sleep(0.05)
    save(dialog, path)
    dialog.close()
    dialog.deleteLater()
