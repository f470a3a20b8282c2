"""The 站点 tab under test: a small city cluster, the opened tab, and reading what it shows."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
)
from sqlalchemy import update

from console.base.actor import Actor
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Site, SiteState
from console.sites.service import create_site
from tests.site_drafts import DEPT, PORTAL, org
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.sites.tab import TAB, SitesTab
from ui.tasks import Database

DEPARTMENTS = 6
SPECIAL = dataclasses.replace(
    DEPT,
    code="3312000099",
    name="云溪市招生考试专题",
    kind="special",
    organiser_name="云溪市教育局",
    parent_code=DEPT.code,
    domains=("zk.yunxi.gov.cn",),
)


def cluster(sessions: SessionFactory) -> Actor:
    """A city portal, the 教育局, five more departments and a special-topic site under 教育局."""
    small_cluster(sessions, sites=0)
    admin = operators.login(sessions, "sysadmin", PASSWORD)
    create_site(sessions, admin, PORTAL)
    create_site(sessions, admin, DEPT)
    for n in range(3, DEPARTMENTS + 2):
        create_site(
            sessions,
            admin,
            dataclasses.replace(
                DEPT,
                code=f"331200{n:04d}",
                name=f"云溪市第{n}局",
                organiser_name=f"云溪市第{n}局",
                organiser_uscc=org(n),
                domains=(f"d{n}.yunxi.gov.cn",),
            ),
        )
    create_site(sessions, admin, SPECIAL)
    with sessions.begin() as session:
        session.execute(update(Site).values(state=SiteState.RUNNING))
    return admin


@contextmanager
def opened_tab(sessions: SessionFactory, run) -> Iterator[SitesTab]:  # type: ignore[no-untyped-def]
    """The 站点 tab of the system administrator over ``cluster``, shown and loaded."""
    admin = cluster(sessions)
    database = Database(sessions)
    widget = SitesTab(TAB, database, admin)
    widget.resize(1400, 800)
    widget.show()
    run(widget.refresh())
    try:
        yield widget
    finally:
        widget.close()
        database.close()


def shown(tab: SitesTab) -> list[str]:
    """The site codes the list shows, top to bottom."""
    assert tab.pane is not None
    model = tab.pane.model
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def names(tab: SitesTab) -> list[str]:
    """The site names the list shows."""
    assert tab.pane is not None
    return [str(tab.pane.model.index(r, 1).data()) for r in range(tab.pane.model.rowCount())]


async def settle(tab: SitesTab) -> None:
    """Wait until the list shows what its filters now ask for (the reload they started)."""
    assert tab.pane is not None
    await until(tab.pane.model.up_to_date, "the list reloaded for the filters now set")


def visible(kind: type, name: str) -> QDialog | None:
    """The open top-level dialog of ``kind`` called ``name``, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.objectName() == name and widget.isVisible():
            return widget  # type: ignore[return-value]
    return None


def type_into(line: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, as an operator would."""
    line.selectAll()
    line.insert(text)


def show_site(tab: SitesTab, run, code: str) -> int:  # type: ignore[no-untyped-def]
    """Select the row of site ``code`` and wait until the detail pane shows it; its id."""
    assert tab.pane is not None
    row = shown(tab).index(code)
    tab.pane.view.selectRow(row)
    site_id = int(tab.pane.model.row_id(row))
    run(until(lambda: tab.detail.detail is not None and tab.detail.detail.id == site_id))
    return site_id


def select_codes(tab: SitesTab, codes: set[str]) -> None:
    """Select the list's rows of the sites ``codes`` (as a ctrl-click would)."""
    assert tab.pane is not None
    selection = tab.pane.view.selectionModel()
    for row, code in enumerate(shown(tab)):
        if code in codes:
            selection.select(
                tab.pane.model.index(row, 0),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )
