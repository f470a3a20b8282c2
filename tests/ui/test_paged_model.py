"""The paged list: a page read for an owner that closed meanwhile goes quietly, and the rows
say whether they answer the filter now set."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from console.operators import service as operators
from console.sites.service import SITES
from tests.staff import PASSWORD
from tests.ui.conftest import until
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


def test_a_changed_filter_leaves_the_rows_out_of_date_until_they_answer_it(  # type: ignore[no-untyped-def]
    sqlite_sessions, run
) -> None:
    small_cluster(sqlite_sessions, sites=12)
    database = Database(sqlite_sessions)
    try:
        actor = run(database.call(operators.login, "sysadmin", PASSWORD))
        model = PagedModel(SITES, database, actor)
        assert not model.up_to_date()
        run(model.reload())
        assert model.up_to_date() and model.rowCount() == 12
        model.set_text_filter("第11局")
        assert not model.up_to_date()
        run(until(model.up_to_date, "the reload the filter started"))
        assert model.rowCount() == 1
    finally:
        database.close()
