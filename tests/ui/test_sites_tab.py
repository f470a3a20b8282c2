"""The 站点 tab: tree and filters, saved filters, editing with conflicts, import, bulk change."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
)
from sqlalchemy import select, update

from console.db import SessionFactory
from console.schema import Site, SiteState, utcnow
from console.services import operators
from console.services.actor import Actor
from console.services.site_views import site_detail
from console.services.sites import SITES, create_site, update_site
from tests.site_drafts import DEPT, FORESTRY, PORTAL, TABLE_HEADINGS, org, site_table
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.areas.sites import TAB, SitesTab
from ui.sites.dialogs import BulkDialog, ImportDialog
from ui.sites.filters import SiteFilter
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


@pytest.fixture
def tab(sqlite_sessions: SessionFactory, run) -> Iterator[SitesTab]:  # type: ignore[no-untyped-def]
    admin = cluster(sqlite_sessions)
    database = Database(sqlite_sessions)
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
    """Let the list's pending reload finish."""
    assert tab.pane is not None
    await asyncio.sleep(0.05)
    await tab.pane.refresh()


def visible(kind: type, name: str) -> QDialog | None:
    """The open top-level dialog of ``kind`` called ``name``, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.objectName() == name and widget.isVisible():
            return widget  # type: ignore[return-value]
    return None


def test_the_tree_loads_lazily_and_narrows_the_list_to_a_subtree(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    model = tab.tree_model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
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


def type_into(line: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, as an operator would."""
    line.selectAll()
    line.insert(text)


def _show(tab: SitesTab, run, code: str) -> int:  # type: ignore[no-untyped-def]
    assert tab.pane is not None
    row = shown(tab).index(code)
    tab.pane.view.selectRow(row)
    site_id = int(tab.pane.model.row_id(row))
    run(until(lambda: tab.detail.detail is not None and tab.detail.detail.id == site_id))
    return site_id


def test_an_edit_is_saved_and_journalled_in_the_history_tab(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    _show(tab, run, DEPT.code)
    type_into(tab.detail.form.name, "云溪市教育局（新）")
    assert tab.detail.save_button.isEnabled()
    assert run(tab.detail.save())
    assert tab.detail.history.rowCount() >= 2
    assert "云溪市教育局（新）" in tab.detail.history.item(0, 3).text()
    run(until(lambda: "云溪市教育局（新）" in names(tab)))


def test_a_running_site_at_inspection_risk_shows_the_badge_with_the_reason(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory
) -> None:
    site_id = _show(tab, run, DEPT.code)
    assert tab.detail.risk.isVisibleTo(tab.detail)
    assert "首页超过 2 周未更新" in tab.detail.risk.text()
    with sqlite_sessions.begin() as session:
        session.execute(update(Site).values(home_updated_at=utcnow()))
    run(tab.detail.load(site_id))
    assert not tab.detail.risk.isVisibleTo(tab.detail)


def test_a_bad_edit_is_refused_with_the_rule_and_the_input_kept(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    _show(tab, run, DEPT.code)
    tab.detail.form.domains.selectAll()
    QTest.keyClicks(tab.detail.form.domains, "jyj.yunxi.com")
    assert not run(tab.detail.save())
    assert ".gov.cn" in tab.detail.message.text()
    assert tab.detail.form.domains.toPlainText() == "jyj.yunxi.com"


@pytest.mark.parametrize("choice", ["reload", "overwrite"])
def test_a_concurrent_edit_is_shown_and_resolved_as_the_operator_chooses(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory, choice: str
) -> None:
    site_id = _show(tab, run, DEPT.code)
    other = operators.login(sqlite_sessions, "sysadmin", PASSWORD)
    seen = site_detail(sqlite_sessions, other, site_id).version
    theirs = dataclasses.replace(DEPT, name="他人改的名字", organiser_name="云溪市教育体育局")
    update_site(sqlite_sessions, other, site_id, seen, theirs)
    type_into(tab.detail.form.name, "我改的名字")

    async def save_and_answer() -> bool:
        saving = asyncio.ensure_future(tab.detail.save())
        await until(lambda: visible(QMessageBox, "conflictBox") is not None)
        box = visible(QMessageBox, "conflictBox")
        assert isinstance(box, QMessageBox)
        assert "sysadmin" in box.text()
        assert "网站名称：云溪市教育局 → 他人改的名字" in box.informativeText()
        assert "主办单位：云溪市教育局 → 云溪市教育体育局" in box.informativeText()
        assert "网站名称：云溪市教育局 → 我改的名字" in box.informativeText()
        wanted = "覆盖为我的修改" if choice == "overwrite" else "放弃我的修改并重新载入"
        next(b for b in box.buttons() if b.text() == wanted).click()
        return await saving

    saved = run(save_and_answer())
    with sqlite_sessions() as session:
        name, organiser = session.execute(
            select(Site.name, Site.organiser_name).where(Site.id == site_id)
        ).one()
    # Either way the other operator's change of the organiser survives.
    assert organiser == "云溪市教育体育局"
    if choice == "overwrite":
        assert saved and name == "我改的名字"
        assert tab.detail.form.organiser.text() == "云溪市教育体育局"
    else:
        assert not saved and name == "他人改的名字"
        assert tab.detail.form.name.text() == "他人改的名字"


def test_a_lifecycle_step_lacking_its_prerequisite_names_what_is_missing(
    tab: SitesTab, run
) -> None:  # type: ignore[no-untyped-def]
    _show(tab, run, "3312000003")
    steps = [tab.detail.next_state.itemData(i) for i in range(tab.detail.next_state.count())]
    assert SiteState.RETIRED in steps
    tab.detail.next_state.setCurrentIndex(steps.index(SiteState.MERGED))
    assert tab.detail.merge_target.isVisibleTo(tab.detail)
    tab.detail.merge_target.setText("3312000003")
    assert not run(step_answering(tab, "转为“整合迁移”"))
    assert "不能整合到自身" in tab.detail.message.text()
    tab.detail.merge_target.setText(DEPT.code)
    assert run(step_answering(tab, "转为“整合迁移”"))
    assert "并入" in tab.detail.state_label.text()


async def step_answering(tab: SitesTab, button: str | None) -> bool:
    """Take the detail pane's chosen step, confirming with ``button`` (None: cancel)."""
    stepping = asyncio.ensure_future(tab.detail.step())
    await until(lambda: visible(QMessageBox, "finalStepBox") is not None)
    box = visible(QMessageBox, "finalStepBox")
    assert isinstance(box, QMessageBox)
    assert tab.detail.detail is not None and tab.detail.detail.draft.name in box.text()
    if button is None:
        box.button(QMessageBox.StandardButton.Cancel).click()
    else:
        next(b for b in box.buttons() if b.text() == button).click()
    return await stepping


def test_retiring_one_site_asks_first_and_a_no_changes_nothing(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    _show(tab, run, "3312000004")
    steps = [tab.detail.next_state.itemData(i) for i in range(tab.detail.next_state.count())]
    tab.detail.next_state.setCurrentIndex(steps.index(SiteState.RETIRED))
    assert not run(step_answering(tab, None))
    assert tab.detail.detail is not None and tab.detail.detail.state == SiteState.RUNNING
    assert run(step_answering(tab, "转为“永久下线”"))
    assert tab.detail.detail is not None and tab.detail.detail.state == SiteState.RETIRED
    assert "转为“永久下线”" in tab.detail.history.item(0, 2).text()


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
    codes = shown(tab)
    wanted = {PORTAL.code, "3312000003", "3312000004"}
    for row, code in enumerate(codes):
        if code in wanted:
            tab.pane.view.selectionModel().select(
                tab.pane.model.index(row, 0),
                tab.pane.view.selectionModel().SelectionFlag.Select
                | tab.pane.view.selectionModel().SelectionFlag.Rows,
            )
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
    target = tmp_path / f"站点_{dt.date.today().isoformat()}.xlsx"

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
    selection = tab.pane.view.selectionModel()
    for row, code in enumerate(shown(tab)):
        if code in ("3312000005", "3312000006"):
            selection.select(
                tab.pane.model.index(row, 0),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )

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

    async def go() -> None:
        # The worker is busy, so the check waits in line while the operator closes the dialog.
        held = asyncio.ensure_future(tab.database.call(lambda _sessions: gate.wait(10)))
        importing = asyncio.ensure_future(tab.import_file(path))
        await until(lambda: visible(ImportDialog, "importDialog") is not None)
        dialog = visible(ImportDialog, "importDialog")
        assert isinstance(dialog, ImportDialog)
        dialog.reject()
        assert await importing == 0
        await asyncio.sleep(0.05)
        gate.set()
        await held
        await until(lambda: all(t.get_name() != "import-check" for t in asyncio.all_tasks()))

    run(go())
    assert escaped == []


def test_a_bulk_edit_asks_for_the_field_and_shows_each_sites_old_and_new_value(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory
) -> None:
    assert tab.pane is not None
    selection = tab.pane.view.selectionModel()
    for row, code in enumerate(shown(tab)):
        if code in ("3312000003", "3312000004"):
            selection.select(
                tab.pane.model.index(row, 0),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )

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


def test_a_step_after_someone_elses_edit_names_them_and_shows_the_site_as_it_now_is(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory
) -> None:
    site_id = _show(tab, run, "3312000005")
    other = operators.login(sqlite_sessions, "sysadmin", PASSWORD)
    seen = site_detail(sqlite_sessions, other, site_id)
    update_site(
        sqlite_sessions, other, site_id, seen.version, dataclasses.replace(seen.draft, name="新名")
    )
    steps = [tab.detail.next_state.itemData(i) for i in range(tab.detail.next_state.count())]
    tab.detail.next_state.setCurrentIndex(steps.index(SiteState.CHANGING))
    assert not run(tab.detail.step())
    assert "sysadmin" in tab.detail.message.text()
    assert tab.detail.form.name.text() == "新名"
    tab.detail.next_state.setCurrentIndex(steps.index(SiteState.CHANGING))
    assert run(tab.detail.step())
