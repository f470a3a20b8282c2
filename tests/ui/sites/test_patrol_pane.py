"""The 巡查 tab of a site's detail: the last patrol shown, a patrol run in the background
(the window keeps answering), stopping it, and typing a column's address."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QTableWidget
from sqlalchemy import select

from console.base import clock
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import PatrolLease, PatrolRun
from tests.patrol_cluster import addresses_of, count, quick, register, staff
from tests.patrol_server import Bed, patrol_bed
from tests.patrol_sites import MISSING, TODAY, GovSite, generate
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only
from tests.staff import PASSWORD
from tests.ui.conftest import until
from ui.sites.patrol_pane import PatrolPane
from ui.tasks import Database


@pytest.fixture
def site() -> GovSite:
    return generate(61, 1, columns=8, items=4)


@pytest.fixture
def bed(site: GovSite, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bed]:
    monkeypatch.setattr(clock, "today", lambda zone: TODAY)
    with patrol_bed([site], latency=lambda host: 0.02) as running:
        yield running


@pytest.fixture
def site_id(sqlite_sessions: SessionFactory, site: GovSite) -> int:
    staff(sqlite_sessions)
    ids = register(sqlite_sessions, [site])
    quick(sqlite_sessions)
    return ids[site.code]


def pane_of(sessions: SessionFactory, bed: Bed, username: str) -> PatrolPane:
    actor = operators.login(sessions, username, PASSWORD)
    pane = PatrolPane(Database(sessions), actor)
    pane.dialer = bed.dialer()
    pane.resize(1000, 700)
    pane.show()
    return pane


def cells(pane: PatrolPane, table: str) -> list[list[str]]:
    widget = pane.columns if table == "columns" else pane.links
    return [
        [widget.item(r, c).text() for c in range(widget.columnCount())]
        for r in range(widget.rowCount())
    ]


def test_a_patrol_runs_in_the_background_and_its_result_is_shown_and_stored(  # type: ignore[no-untyped-def]
    sqlite_sessions: SessionFactory, bed: Bed, site: GovSite, site_id: int, run
) -> None:
    pane = pane_of(sqlite_sessions, bed, "sysadmin")
    run(pane.load(site_id))
    assert pane.summary.text() == "尚未巡查。"
    assert [row[0] for row in cells(pane, "columns")] == [c.code for c in site.columns]
    assert all(row[2] == "（无地址）" for row in cells(pane, "columns"))

    async def patrol_while_the_loop_turns() -> int:
        task = asyncio.ensure_future(pane.patrol())
        turns = 0
        await until(lambda: pane.stop_button.isEnabled(), "the patrol under way")
        while not task.done():
            turns += 1
            await asyncio.sleep(0.01)
        assert await task is not None
        return turns

    assert run(patrol_while_the_loop_turns()) >= 5  # the window kept answering meanwhile
    assert count(sqlite_sessions, PatrolRun) == 1 and "结果已保存" in pane.message.text()
    rows = {row[0]: row for row in cells(pane, "columns")}
    c02 = site.expected_last_update("c02")
    assert c02 is not None and rows["c02"][3] == c02.isoformat()
    missing = next(c.code for c in site.columns if c.name == MISSING)
    assert rows[missing][2] == "（无地址）" and rows[missing][5] == "没有列表页地址"
    undated = next(c.code for c in site.columns if c.form == "undated")
    assert rows[undated][3] == "无日期"
    kinds = {row[0] for row in cells(pane, "links")}
    assert {"失效链接", "暗链", "跳转站外"} <= kinds
    assert "最近巡查" in pane.summary.text()
    pane.close()


def test_a_reviewer_patrols_without_storing_and_can_stop(  # type: ignore[no-untyped-def]
    sqlite_sessions: SessionFactory, bed: Bed, site_id: int, run
) -> None:
    pane = pane_of(sqlite_sessions, bed, "reviewer")
    run(pane.load(site_id))
    assert not pane.address_button.isEnabled()
    assert run(pane.patrol()) is not None
    assert count(sqlite_sessions, PatrolRun) == 0 and "未保存" in pane.message.text()
    assert cells(pane, "links")  # shown from the result itself

    async def stopped() -> object:
        task = asyncio.ensure_future(pane.patrol())
        await until(lambda: pane.stop_button.isEnabled(), "the patrol under way")
        pane.stop_button.click()
        return await task

    outcome = run(stopped())
    assert outcome is None or getattr(outcome, "stopped", False)
    assert pane.patrol_button.isEnabled() and not pane.stop_button.isEnabled()
    pane.close()


def test_a_column_address_is_typed_in_the_pane(  # type: ignore[no-untyped-def]
    sqlite_sessions: SessionFactory, bed: Bed, site: GovSite, site_id: int, run
) -> None:
    pane = pane_of(sqlite_sessions, bed, "sysadmin")
    run(pane.load(site_id))
    pane.columns.selectRow(1)

    async def type_address(text: str) -> bool:
        task = asyncio.ensure_future(pane.edit_address())
        await until(lambda: pane.findChild(QDialog, "addressDialog") is not None, "the dialog")
        dialog = pane.findChild(QDialog, "addressDialog")
        await until(dialog.isVisible, "the dialog shown")
        dialog.findChild(QLineEdit, "addressField").setText(text)
        buttons = dialog.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Save).click()
        if text.startswith("ftp"):
            await until(
                lambda: "http" in dialog.findChild(type(pane.message), "addressProblem").text()
            )
            dialog.reject()
        return await task

    assert not run(type_address("ftp://elsewhere/"))
    assert addresses_of(sqlite_sessions, site_id)["c02"] is None
    assert run(type_address(site.url("/c02/")))
    assert addresses_of(sqlite_sessions, site_id)["c02"] == site.url("/c02/")
    assert cells(pane, "columns")[1][2] == site.url("/c02/")
    pane.close()


def test_addresses_found_in_the_menu_are_written_as_ticked(  # type: ignore[no-untyped-def]
    sqlite_sessions: SessionFactory, bed: Bed, site: GovSite, site_id: int, run
) -> None:
    pane = pane_of(sqlite_sessions, bed, "sysadmin")
    run(pane.load(site_id))

    async def confirm() -> int | None:
        task = asyncio.ensure_future(pane.discover())
        await until(lambda: pane.findChild(QDialog, "proposalsDialog") is not None, "proposals")
        dialog = pane.findChild(QDialog, "proposalsDialog")
        await until(dialog.isVisible, "the proposals shown")
        table = dialog.findChild(QTableWidget, "proposals")
        table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)  # c02 left out
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
        return await task

    written = run(confirm())
    stored = addresses_of(sqlite_sessions, site_id)
    missing = next(c.code for c in site.columns if c.name == MISSING)
    assert stored["c02"] is None and stored[missing] is None and stored["c01"] == site.url("/c01/")
    assert written == len(site.columns) - 2 == sum(1 for url in stored.values() if url)
    assert cells(pane, "columns")[0][2] == site.url("/c01/")
    pane.close()


def test_a_stored_patrol_stopped_from_the_pane_leaves_nothing_half_written(  # type: ignore[no-untyped-def]
    sqlite_sessions: SessionFactory, bed: Bed, site_id: int, run
) -> None:
    pane = pane_of(sqlite_sessions, bed, "sysadmin")
    run(pane.load(site_id))
    bed.server.latency = lambda host: 0.2  # slow enough to be stopped midway

    async def stopped() -> object:
        task = asyncio.ensure_future(pane.patrol())
        await until(lambda: pane.stop_button.isEnabled(), "the patrol under way")
        await asyncio.sleep(0.5)
        pane.stop_button.click()
        return await task

    outcome = run(stopped())
    assert outcome is None or getattr(outcome, "stopped", False)
    with sqlite_sessions() as session:
        runs = list(session.scalars(select(PatrolRun.stopped)))
        holders = list(session.scalars(select(PatrolLease.holder)))
    assert runs in ([], [True])  # the site cut short is stored whole, as stopped, or not at all
    assert all(holder is None for holder in holders)
    assert pane.patrol_button.isEnabled() and not pane.stop_button.isEnabled()
    pane.close()
