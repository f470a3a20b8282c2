"""A paged list whose owner closes while a page is being read lets the page go quietly."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from console.operators import service as operators
from console.sites.service import SITES
from tests.staff import PASSWORD
from tests.ui.fixtures import small_cluster
from ui.paged_model import PagedModel
from ui.tasks import Database


def test_a_model_destroyed_while_its_page_loads_drops_the_page(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=3)
    database = Database(sqlite_sessions)
    try:
        actor = run(database.call(operators.login, "sysadmin", PASSWORD))
        model = PagedModel(SITES, database, actor)
        loading = asyncio.ensure_future(model.reload())
        model.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        run(loading)
        assert loading.exception() is None
    finally:
        database.close()
