"""The 站点 tab's browsing: the lazy tree, typed and structured filters, saved filters, export."""

from __future__ import annotations

import asyncio
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import (
    QFileDialog,
)
from sqlalchemy import update

from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Site, SiteState
from console.sites.service import SITES
from tests.site_drafts import DEPT, PORTAL
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.sites.kit import (
    DEPARTMENTS,
    SPECIAL,
    cluster,
    names,
    settle,
    shown,
    type_into,
    visible,
)
from ui.sites.filters import SiteFilter
from ui.sites.tab import TAB, SitesTab
from ui.tasks import Database


def test_the_tree_loads_lazily_and_narrows_the_list_to_a_subtree(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    model = tab.tree_model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.parent() is tab  # a model's parent() without an index is its owner
    root = model.root_index()
    run(until(lambda: model.rowCount(root) == 1))
    portal = model.index(0, 0, root)
    assert "云溪市人民政府" in str(portal.data())
    model.fetchMore(portal)
    run(until(lambda: model.rowCount(portal) == DEPARTMENTS))
    education = next(
        model.index(r, 0, portal)
        for r in range(model.rowCount(portal))
        if "教育局" in str(model.index(r, 0, portal).data())
    )
    assert tab.pane is not None
    assert tab.pane.counts.text() == f"显示 {DEPARTMENTS + 2} / {DEPARTMENTS + 2}"
    tab.tree.setCurrentIndex(education)
    run(settle(tab))
    assert sorted(shown(tab)) == [DEPT.code, SPECIAL.code]
    assert tab.pane.counts.text() == f"显示 2 / {DEPARTMENTS + 2}"
    tab.tree.setCurrentIndex(root)
    run(settle(tab))
    assert len(shown(tab)) == DEPARTMENTS + 2


def test_kind_combo_and_quick_text_filter_narrow_the_list_in_sql(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    assert tab.pane is not None
    tab.filters.kind.setCurrentIndex(tab.filters.kind.findData("special"))
    run(settle(tab))
    assert shown(tab) == [SPECIAL.code]
    tab.filters.kind.setCurrentIndex(0)
    tab.pane.filter.setText("第4局")
    tab.pane.model.set_text_filter("第4局")
    run(settle(tab))
    assert shown(tab) == ["3312000004"]
    tab.pane.model.set_text_filter("d5.yunxi")
    run(settle(tab))
    assert shown(tab) == ["3312000005"]


def test_a_saved_filter_is_reapplied_by_name(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    tab.filters.kind.setCurrentIndex(tab.filters.kind.findData("special"))
    assert run(tab.save_filter("专题网站")) == "专题网站"
    tab.filters.kind.setCurrentIndex(0)
    run(settle(tab))
    assert len(shown(tab)) == DEPARTMENTS + 2
    again = SitesTab(TAB, tab.database, tab.actor)
    saved = again.filters.saved
    index = saved.findText("专题网站")
    assert index > 0
    again.deleteLater()
    tab.filters.saved.setCurrentIndex(index)
    tab.filters.saved.activated.emit(index)
    run(settle(tab))
    assert tab.filters.kind.currentData() == "special"
    assert shown(tab) == [SPECIAL.code]


def test_a_security_administrator_browses_but_cannot_change_the_register(  # type: ignore[no-untyped-def]
    sqlite_sessions: SessionFactory, run
) -> None:
    cluster(sqlite_sessions)
    database = Database(sqlite_sessions)
    reader = SitesTab(TAB, database, operators.login(sqlite_sessions, "secadmin", PASSWORD))
    try:
        run(reader.refresh())
        assert len(shown(reader)) == DEPARTMENTS + 2
        actions = (reader.new_action, reader.import_action, reader.edit_action)
        assert not any(a.isEnabled() for a in actions)
        assert reader.save_filter_action.isEnabled()
        reader.pane.view.selectRow(0)  # type: ignore[union-attr]
        run(until(lambda: reader.detail.detail is not None))
        assert not reader.detail.step_button.isEnabled()
    finally:
        reader.close()
        database.close()


def test_the_list_model_passes_the_model_tester_while_typed_filters_narrow_it(  # type: ignore[no-untyped-def]
    tab: SitesTab, run
) -> None:
    assert tab.pane is not None
    model = tab.pane.model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    for typed, expected in (
        ("教育", [DEPT.code, SPECIAL.code]),
        ("浙ICP备2013353696", [PORTAL.code]),
        ("公网安备33120202002862", [PORTAL.code]),
        ("zk.yunxi", [SPECIAL.code]),
        ("", shown(tab)),
    ):
        tab.pane.filter.clear()
        type_into(tab.pane.filter, typed)  # QTest.keyClicks types ASCII only
        QTest.keyClick(tab.pane.filter, Qt.Key.Key_Return)
        run(until(lambda expected=expected: sorted(shown(tab)) == sorted(expected)))
    tab.pane.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    run(until(lambda: names(tab) == sorted(names(tab), reverse=True) and len(names(tab)) > 2))


def test_a_saved_filter_keeps_the_level_the_subtree_and_the_text(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    assert tab.pane is not None
    root = tab.tree_model.root_index()
    run(until(lambda: tab.tree_model.rowCount(root) == 1))
    portal = tab.tree_model.index(0, 0, root)
    tab.tree.setCurrentIndex(portal)
    tab.filters.level.setCurrentIndex(tab.filters.level.findData("city"))
    tab.filters.kind.setCurrentIndex(tab.filters.kind.findData("department"))
    tab.pane.filter.setText("第")
    tab.pane.model.set_text_filter("第")
    run(settle(tab))
    narrowed = sorted(shown(tab))
    assert len(narrowed) == DEPARTMENTS - 1
    run(tab.save_filter("市级部门"))
    tab.apply_filter(SiteFilter())
    run(settle(tab))
    assert len(shown(tab)) == DEPARTMENTS + 2
    index = tab.filters.saved.findText("市级部门")
    tab.filters.saved.setCurrentIndex(index)
    tab.filters.saved.activated.emit(index)
    run(settle(tab))
    assert sorted(shown(tab)) == narrowed
    assert tab.filters.level.currentData() == "city" and tab.pane.filter.text() == "第"
    assert tab.tree.currentIndex() == portal


def test_export_writes_the_filtered_view_to_a_dated_file_with_fixed_headings(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, tmp_path: Path
) -> None:
    assert tab.pane is not None
    tab.filters.kind.setCurrentIndex(tab.filters.kind.findData("special"))
    run(settle(tab))
    target = tmp_path / f"站点_{tab.database.today().isoformat()}.xlsx"

    async def go() -> None:
        exporting = asyncio.ensure_future(tab.pane.export())  # type: ignore[union-attr]
        await until(lambda: visible(QFileDialog, "exportFile") is not None)
        dialog = visible(QFileDialog, "exportFile")
        assert isinstance(dialog, QFileDialog)
        assert Path(dialog.selectedFiles()[0]).name == target.name
        dialog.selectFile(str(target))
        dialog.accept()
        await exporting
        await until(lambda: target.exists())

    run(go())
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [f.title for f in SITES.fields]
    assert [r[0] for r in rows[1:]] == [SPECIAL.code]
    assert "最近探测" in rows[0] and "首页更新" in rows[0]


def test_the_tree_greys_out_retired_sites(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory
) -> None:
    with sqlite_sessions.begin() as session:
        session.execute(
            update(Site).where(Site.code == "3312000003").values(state=SiteState.RETIRED)
        )
    model = tab.tree_model
    run(model.reload())
    portal = model.index(0, 0, model.root_index())
    model.fetchMore(portal)
    run(until(lambda: model.rowCount(portal) == DEPARTMENTS))
    colours = {
        str(model.index(r, 0, portal).data()): model.index(r, 0, portal).data(
            Qt.ItemDataRole.ForegroundRole
        )
        for r in range(model.rowCount(portal))
    }
    assert colours.pop("云溪市第3局") is not None
    assert set(colours.values()) == {None}
