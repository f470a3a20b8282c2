"""Bulk work in the 站点 tab: import previews, bulk state changes and edits, confirmations."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from openpyxl import Workbook
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QInputDialog,
    QLineEdit,
)
from sqlalchemy import select

from console.db import SessionFactory
from console.schema import Site, SiteState
from console.sites.importing import ImportPreview, preview
from tests.site_drafts import FORESTRY, PORTAL, TABLE_HEADINGS, org, site_table
from tests.ui.conftest import until
from tests.ui.sites.kit import (
    DEPARTMENTS,
    select_codes,
    settle,
    shown,
    type_into,
    visible,
)
from ui.sites.dialogs import BulkDialog, ImportDialog
from ui.sites.tab import SitesTab


def _import(tab: SitesTab, run, path: Path, accept: bool) -> tuple[str, list[str], int]:  # type: ignore[no-untyped-def]
    async def go() -> tuple[str, list[str], int]:
        importing = asyncio.ensure_future(tab.import_file(path))
        await until(lambda: visible(ImportDialog, "importDialog") is not None)
        dialog = visible(ImportDialog, "importDialog")
        assert isinstance(dialog, ImportDialog)
        await until(lambda: dialog.busy.isHidden())
        verdicts = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
        summary = dialog.summary.text()
        if accept:
            assert dialog.ok.isEnabled()
            dialog.ok.click()
        else:
            assert not dialog.ok.isEnabled()
            dialog.reject()
        return summary, verdicts, await importing

    return run(go())  # type: ignore[no-any-return]


def test_an_import_with_a_bad_row_lists_it_and_imports_nothing(
    tab: SitesTab, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = site_table(
        tmp_path / "sites.csv",
        [
            [*FORESTRY, "lyj.yunxi.gov.cn"],
            ["3312000202", "某街道", "街道网站", PORTAL.code, "某街道办", org(202), ""],
        ],
    )  # fmt: skip
    summary, verdicts, imported = _import(tab, run, path, accept=False)
    assert "1 行有问题" in summary
    assert "乡镇、街道" in verdicts[0] and verdicts[1] == "可导入"  # refused rows first
    assert imported == 0
    assert len(shown(tab)) == DEPARTMENTS + 2


def test_a_clean_import_registers_every_row_and_refreshes_the_list(
    tab: SitesTab, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = site_table(
        tmp_path / "sites.csv",
        [[*FORESTRY, "lyj.yunxi.gov.cn"]],
    )  # fmt: skip
    summary, _verdicts, imported = _import(tab, run, path, accept=True)
    assert "全部可以导入" in summary and imported == 1
    run(settle(tab))
    assert "3312000201" in shown(tab)


def test_a_bulk_state_change_lists_the_sites_then_skips_those_that_cannot_change(
    tab: SitesTab, run
) -> None:  # type: ignore[no-untyped-def]
    assert tab.pane is not None
    wanted = {PORTAL.code, "3312000003", "3312000004"}
    select_codes(tab, wanted)
    assert len(tab.selected_ids()) == 3

    async def go():  # type: ignore[no-untyped-def]
        changing = asyncio.ensure_future(tab.bulk_state(SiteState.RETIRED))
        await until(lambda: visible(BulkDialog, "bulkDialog") is not None)
        dialog = visible(BulkDialog, "bulkDialog")
        assert isinstance(dialog, BulkDialog)
        results = {
            dialog.table.item(r, 0).text(): tuple(dialog.table.item(r, c).text() for c in (3, 4))
            for r in range(dialog.table.rowCount())
        }
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return results, await changing

    results, plan = run(go())
    assert set(results) == wanted
    assert results[PORTAL.code][0] == "永久下线" and "下级网站" in results[PORTAL.code][1]
    assert results["3312000003"] == ("永久下线", "将修改")
    assert plan is not None and len(plan.ready) == 2 and len(plan.skipped) == 1
    assert "跳过 1 个" in tab.pane.status.text()
    assert f"{PORTAL.code} {PORTAL.name}：" in tab.pane.status.text()


def test_retiring_many_sites_asks_for_the_state_name_to_be_typed(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    assert tab.pane is not None
    tab.pane.view.selectAll()

    async def go() -> bool:
        changing = asyncio.ensure_future(tab.bulk_state(SiteState.RETIRED))
        await until(lambda: visible(BulkDialog, "bulkDialog") is not None)
        dialog = visible(BulkDialog, "bulkDialog")
        assert isinstance(dialog, BulkDialog)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        enabled_before = ok.isEnabled()
        dialog.confirm.setText("永久下线")
        enabled_after = ok.isEnabled()
        dialog.reject()
        assert await changing is None
        return not enabled_before and enabled_after

    assert run(go())


def test_retiring_a_handful_of_sites_needs_no_typing(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    select_codes(tab, {"3312000003", "3312000004", "3312000005"})

    async def go() -> bool:
        changing = asyncio.ensure_future(tab.bulk_state(SiteState.RETIRED))
        await until(lambda: visible(BulkDialog, "bulkDialog") is not None)
        dialog = visible(BulkDialog, "bulkDialog")
        assert isinstance(dialog, BulkDialog)
        ready = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        asked = dialog.confirm.isVisibleTo(dialog)
        dialog.reject()
        assert await changing is None
        return ready and not asked

    assert run(go())


def test_an_xlsx_import_previews_each_bad_row_with_its_reasons(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(TABLE_HEADINGS))
    sheet.append([*FORESTRY, "lyj.yunxi.gov.cn"])
    sheet.append(["3312000203", "云溪市水务局", "部门网站", PORTAL.code, "云溪市水务局",
                  org(203)[:-1] + "0", "jyj.yunxi.gov.cn"])  # fmt: skip
    path = tmp_path / "sites.xlsx"
    book.save(path)
    summary, verdicts, imported = _import(tab, run, path, accept=False)
    assert "1 行有问题" in summary and imported == 0
    assert "校验码" in verdicts[0] and "已属于“云溪市教育局”" in verdicts[0]
    assert verdicts[1] == "可导入"
    assert len(shown(tab)) == DEPARTMENTS + 2


def test_a_bulk_merge_asks_for_the_target_and_lists_the_sites(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    assert tab.pane is not None
    select_codes(tab, {"3312000005", "3312000006"})

    async def go() -> list[str]:
        merging = asyncio.ensure_future(tab.bulk_state(SiteState.MERGED))
        await until(lambda: visible(QInputDialog, "mergeTargetDialog") is not None)
        asked = visible(QInputDialog, "mergeTargetDialog")
        assert isinstance(asked, QInputDialog)
        asked.setTextValue(PORTAL.code)
        asked.accept()
        await until(lambda: visible(BulkDialog, "bulkDialog") is not None)
        dialog = visible(BulkDialog, "bulkDialog")
        assert isinstance(dialog, BulkDialog)
        listed = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert await merging is not None
        return listed

    assert run(go()) == ["3312000005", "3312000006"]
    tab.filters.state.setCurrentIndex(tab.filters.state.findData(SiteState.MERGED))
    run(settle(tab))
    assert shown(tab) == ["3312000005", "3312000006"]


def test_closing_the_import_preview_while_the_file_is_checked_is_harmless(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    escaped: list[BaseException] = []
    monkeypatch.setattr("ui.tasks.report", lambda _kind, error, _trace: escaped.append(error))
    path = site_table(tmp_path / "sites.csv", [[*FORESTRY, "lyj.yunxi.gov.cn"]])
    gate = threading.Event()

    def slow_preview(*args: Any) -> ImportPreview:
        # A large file: the check is still running while the operator closes the dialog.
        assert gate.wait(10)
        return preview(*args)

    monkeypatch.setattr("ui.sites.dialogs.preview", slow_preview)

    async def go() -> None:
        importing = asyncio.ensure_future(tab.import_file(path))
        await until(lambda: visible(ImportDialog, "importDialog") is not None)
        dialog = visible(ImportDialog, "importDialog")
        assert isinstance(dialog, ImportDialog)
        dialog.reject()
        assert await importing == 0
        await until(lambda: not shiboken6.isValid(dialog), "the closed dialog destroyed")
        gate.set()
        await until(
            lambda: all(t.get_name() != "import-check" for t in asyncio.all_tasks()),
            "the check finished",
        )

    run(go())
    assert escaped == []


def test_a_bulk_edit_asks_for_the_field_and_shows_each_sites_old_and_new_value(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory
) -> None:
    assert tab.pane is not None
    select_codes(tab, {"3312000003", "3312000004"})

    async def go() -> list[list[str]]:
        editing = asyncio.ensure_future(tab.bulk_edit())
        await until(lambda: visible(QDialog, "bulkFieldDialog") is not None)
        asked = visible(QDialog, "bulkFieldDialog")
        assert asked is not None
        fields = asked.findChild(QComboBox)
        fields.setCurrentIndex(fields.findData("opened_on"))
        type_into(asked.findChild(QLineEdit), "2020-05-01")
        asked.accept()
        await until(lambda: visible(BulkDialog, "bulkDialog") is not None)
        dialog = visible(BulkDialog, "bulkDialog")
        assert isinstance(dialog, BulkDialog)
        table = [
            [dialog.table.item(r, c).text() for c in range(5)]
            for r in range(dialog.table.rowCount())
        ]
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert await editing is not None
        return table

    assert run(go()) == [
        ["3312000003", "云溪市第3局", "", "2020-05-01", "将修改"],
        ["3312000004", "云溪市第4局", "", "2020-05-01", "将修改"],
    ]
    with sqlite_sessions() as session:
        opened = session.scalars(
            select(Site.opened_on).where(Site.code.in_(["3312000003", "3312000004"]))
        ).all()
    assert opened == [dt.date(2020, 5, 1)] * 2
    assert "已修改 2 个网站" in tab.pane.status.text()
