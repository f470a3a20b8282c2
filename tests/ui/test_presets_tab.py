"""The 栏目预设 tab: the tree editor (drag and drop, keyboard, undo), apply preview, risk list."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QMessageBox
from sqlalchemy import delete, update

from console.db import SessionFactory
from console.presets import service as presets
from console.presets.apply import apply_to_site
from console.presets.files import load_preset, save_preset
from console.schema import ColumnType, SiteColumn
from tests.core.preset_cluster import (
    ADMIN,
    AS_OF,
    READER,
    add_column,
    add_site,
    column,
    columns_of,
    days_before,
    preset,
)
from tests.ui.conftest import until
from ui.presets.apply import ApplyDialog
from ui.presets.details import PresetDetailsDialog
from ui.presets.diff import DiffDialog
from ui.presets.editor import PresetEditor
from ui.presets.tab import REFRESH_AFTER_APPLY, TAB, PresetsTab
from ui.presets.tree_model import NAME, REQUIRED, ColumnTreeModel, Node
from ui.tasks import Database

STANDARD = preset(
    column("news", column("local"), column("dept")),
    column("notice", column("notice_a"), kind=ColumnType.NOTICE, idle=180),
)


def _tester(model: object) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)  # type: ignore[arg-type]


def _codes(model: ColumnTreeModel) -> list[str]:
    out: list[str] = []

    def walk(nodes: list, depth: int) -> None:  # type: ignore[type-arg]
        for node in nodes:
            out.append("." * depth + node.code)
            walk(node.children, depth + 1)

    walk(model.roots, 0)
    return out


@pytest.fixture
def tab(sqlite_sessions: SessionFactory, run) -> Iterator[PresetsTab]:  # type: ignore[no-untyped-def]
    presets.create_preset(sqlite_sessions, ADMIN, STANDARD)
    database = Database(sqlite_sessions)
    widget = PresetsTab(TAB, database, ADMIN)
    widget.resize(1200, 800)
    widget.show()
    run(widget.refresh())
    assert widget.pane is not None
    widget.pane.view.selectRow(0)
    run(until(lambda: widget.editor.version is not None))
    try:
        yield widget
    finally:
        widget.close()
        database.close()


def test_the_tree_model_moves_by_drag_and_drop_and_undoes_it(qapp) -> None:  # type: ignore[no-untyped-def]
    stack = QUndoStack()
    model = ColumnTreeModel(stack)
    _tester(model)
    model.load(STANDARD.columns)
    assert _codes(model) == ["news", ".local", ".dept", "notice", ".notice_a"]
    news = model.roots[0]
    local = model.index_of(news.children[0])
    data = model.mimeData([local])
    # Dropped on "notice": becomes its last sub-column.
    notice = model.index_of(model.roots[1])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, notice)
    assert _codes(model) == ["news", ".dept", "notice", ".notice_a", ".local"]
    # A column cannot be dropped into itself or under its own sub-column.
    into_self = model.mimeData([model.index_of(model.roots[1])])
    under = model.index_of(model.roots[1].children[0])
    assert not model.canDropMimeData(into_self, Qt.DropAction.MoveAction, -1, 0, under)
    # Dropped between top-level rows: same parent, later row.
    top = model.mimeData([model.index_of(model.roots[0])])
    assert model.dropMimeData(top, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert _codes(model) == ["notice", ".notice_a", ".local", "news", ".dept"]
    stack.undo()
    stack.undo()
    assert _codes(model) == ["news", ".local", ".dept", "notice", ".notice_a"]
    stack.redo()
    assert _codes(model) == ["news", ".dept", "notice", ".notice_a", ".local"]


def test_cells_edit_through_the_undo_stack(qapp) -> None:  # type: ignore[no-untyped-def]
    stack = QUndoStack()
    model = ColumnTreeModel(stack)
    _tester(model)
    model.load(STANDARD.columns)
    index = model.index(0, NAME)
    assert model.setData(index, "  要闻动态 ")
    box = model.index(0, REQUIRED)
    assert model.setData(box, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not model.setData(index, "   ")
    assert (model.roots[0].name, model.roots[0].required) == ("要闻动态", False)
    stack.undo()
    stack.undo()
    assert (model.roots[0].name, model.roots[0].required) == ("栏目news", True)


def test_keyboard_moves_then_save_creates_the_next_version(tab: PresetsTab, run) -> None:  # type: ignore[no-untyped-def]
    editor = tab.editor
    _tester(editor.model)
    editor.view.setFocus()
    local = editor.model.roots[0].children[0]
    editor.view.setCurrentIndex(editor.model.index_of(local))
    QTest.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _codes(editor.model)[:3] == ["news", ".dept", ".local"]
    editor.actions_by_name["outdent"].trigger()
    assert _codes(editor.model) == ["news", ".dept", "local", "notice", ".notice_a"]
    editor.actions_by_name["indent"].trigger()
    assert _codes(editor.model)[:3] == ["news", ".dept", ".local"]
    editor.actions_by_name["add_child"].trigger()
    run(until(lambda: len(editor.model.all_codes()) == 6))
    editor.view.closePersistentEditor(editor.view.currentIndex())
    QTest.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(editor.model.all_codes()) == 5
    editor.note.setText("调整顺序")
    version_id = run(editor.save())
    assert version_id is not None and editor.version is not None and editor.version.number == 2
    assert _codes(editor.model)[:3] == ["news", ".dept", ".local"]
    assert editor.stack.count() == 0
    # Saving again without changes is refused and says why; the tree stays.
    assert run(editor.save()) is None
    assert "没有需要保存的改动" in editor.status.text()
    assert tab.pane is not None
    run(until(lambda: tab.pane.counts.text() == "显示 2 / 2"))  # type: ignore[union-attr]


def _drop(editor: PresetEditor, node: Node, target: Node, where: str) -> None:
    """Drop ``node`` on the view over ``target``: on it, or on its upper edge."""
    view = editor.view
    # A synthetic drop has no drag source, which InternalMove refuses: accept any source.
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    rect = view.visualRect(editor.model.index_of(target))
    point = QPointF(rect.center().x(), rect.top() + 1 if where == "above" else rect.center().y())
    data = editor.model.mimeData([editor.model.index_of(node)])
    move, left, plain = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.NoModifier
    # Qt delivers a drop to the widget that accepted the drag's entry.
    entered = QDragEnterEvent(point, move, data, left, plain)
    QApplication.sendEvent(view.viewport(), entered)
    assert entered.isAccepted()
    event = QDropEvent(point, move, data, left, plain)
    event.setDropAction(move)
    QApplication.sendEvent(view.viewport(), event)
    view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)


def test_columns_move_by_dropping_them_on_the_tree_view_and_undo_puts_them_back(
    tab: PresetsTab,
) -> None:
    editor = tab.editor
    _tester(editor.model)
    news, notice = editor.model.roots
    local = news.children[0]
    _drop(editor, local, notice, "on")
    assert _codes(editor.model) == ["news", ".dept", "notice", ".notice_a", ".local"]
    _drop(editor, notice, news, "above")
    assert _codes(editor.model) == ["notice", ".notice_a", ".local", "news", ".dept"]
    # Into its own sub-column: refused, nothing moves, nothing to undo.
    _drop(editor, notice, notice.children[0], "on")
    assert editor.stack.count() == 2
    editor.view.setFocus()
    QTest.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _codes(editor.model) == ["news", ".local", ".dept", "notice", ".notice_a"]
    assert editor.stack.isClean()


def test_the_keyboard_renames_marks_required_and_sets_type_and_rule(tab: PresetsTab, run) -> None:  # type: ignore[no-untyped-def]
    editor = tab.editor
    editor.view.setFocus()
    dept = editor.model.roots[0].children[1]
    editor.view.setCurrentIndex(editor.model.index_of(dept))
    QTest.keyClick(editor.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not dept.required

    def typed(key: Qt.Key, text: str) -> None:
        QTest.keyClick(editor.view, key, Qt.KeyboardModifier.ControlModifier)
        field = QApplication.focusWidget()
        assert field is not None and field is not editor.view
        if isinstance(field, QComboBox):
            field.setCurrentIndex(field.findData(text))
        else:
            QTest.keySequence(field, QKeySequence.StandardKey.SelectAll)
            QTest.keyClicks(field, text)
        QTest.keyClick(field, Qt.Key.Key_Return)
        run(until(lambda: editor.view.state() != QAbstractItemView.State.EditingState))

    typed(Qt.Key.Key_U, "30")
    typed(Qt.Key.Key_T, ColumnType.DISCLOSURE.value)
    QTest.keyClick(editor.view, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.selectAll()
    field.insert("部门信息")  # as an input method commits it: QTest types ASCII only
    QTest.keyClick(field, Qt.Key.Key_Return)
    run(until(lambda: editor.stack.count() == 4))  # the delegate commits on the next turn
    assert (dept.name, dept.required, dept.max_idle_days, dept.column_type) == (
        "部门信息",
        False,
        30,
        ColumnType.DISCLOSURE,
    )
    for _ in range(4):
        editor.stack.undo()
    assert (dept.name, dept.required, dept.max_idle_days, dept.column_type) == (
        "栏目dept",
        True,
        14,
        ColumnType.NEWS,
    )


def test_a_bad_code_is_refused_and_the_edit_is_kept(tab: PresetsTab, run) -> None:  # type: ignore[no-untyped-def]
    editor = tab.editor
    notice_a = editor.model.roots[1].children[0]
    editor.model.setData(editor.model.index_of(notice_a, 1), "Bad Code")
    assert run(editor.save()) is None
    assert "Bad Code" in editor.status.text()
    assert notice_a.code == "Bad Code"
    assert editor.stack.canUndo()
    # The refused column is selected, ready to be corrected.
    assert editor.current() is notice_a


def _close_apply(dialog: ApplyDialog, run) -> None:  # type: ignore[no-untyped-def]
    """Close the apply dialog and wait for the tab's refresh that closing starts."""
    dialog.reject()
    run(until(lambda: all(t.get_name() != REFRESH_AFTER_APPLY for t in asyncio.all_tasks())))


def test_the_apply_preview_lists_each_site_then_applies_once(
    tab: PresetsTab, sqlite_sessions: SessionFactory, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bare = add_site(sqlite_sessions, "3312000001")
    partial = add_site(sqlite_sessions, "3312000002")
    add_site(sqlite_sessions, "3312000003", kind="portal_county")
    with sqlite_sessions.begin() as session:
        news = add_column(session, partial, "news", name="新闻")
        add_column(session, partial, "special", news)
    dialog = run(tab.open_apply())
    assert isinstance(dialog, ApplyDialog)
    dialog.chosen.setChecked(True)
    dialog.codes.setText("3312000001，3312000002 3312000003")
    run(dialog.load_preview())
    rows = [
        [dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())
    ]
    assert rows == [
        ["3312000001 测试站3312000001", "5", "0", "0"],
        ["3312000002 测试站3312000002", "4", "1", "1"],
        ["3312000003 测试站3312000003", "0", "0", "0"],
    ]
    assert "跳过" in dialog.table.item(2, 4).text()
    assert "新增：栏目local（local）" in dialog.table.item(0, 4).toolTip()
    # The sites that would change are ticked; the skipped one cannot be.
    ticks = [dialog.table.item(r, 0).data(Qt.ItemDataRole.CheckStateRole) for r in range(3)]
    assert ticks[:2] == [Qt.CheckState.Checked.value] * 2 and ticks[2] is None
    assert dialog.apply_button.isEnabled() and dialog.apply_button.text() == "应用到 2 个站点"
    dialog.table.setCurrentCell(1, 1)
    details = dialog.details.toPlainText().splitlines()
    assert "调整：栏目news（news）：名称、与预设栏目的关联" in details
    assert "保留：栏目special（special，0 篇稿件）" in details
    # The preview exports as shown, with every site's changes column by column.
    path = tmp_path / "preview.csv"
    assert run(dialog.export_to(path)) == 3
    with path.open(encoding="utf-8-sig") as stream:
        exported = list(csv.reader(stream))
    assert exported[0] == [
        "站点",
        "新增栏目",
        "名称或位置不同",
        "保留的本地栏目",
        "说明",
        "逐栏目改动",
    ]
    assert exported[2][:4] == rows[1] and "保留：栏目special（special，0 篇稿件）" in exported[2][5]
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.apply_button.text() == "应用到 1 个站点"
    run(dialog.apply())
    assert [o.site_id for o in dialog.outcomes if o.changed] == [partial]
    assert columns_of(sqlite_sessions, bare) == []
    run(dialog.load_preview())
    run(dialog.apply())
    assert [o.site_id for o in dialog.outcomes if o.changed] == [bare]
    assert "已应用到 1 个站点" in dialog.summary.text()
    run(dialog.load_preview())
    assert dialog.table.item(0, 4).text() == "已与此版本一致"
    assert not dialog.apply_button.isEnabled()
    dialog.codes.setText("9999999999")
    run(dialog.load_preview())
    assert "9999999999" in dialog.summary.text()
    _close_apply(dialog, run)


def test_the_risk_list_shows_sites_at_risk_with_their_columns(
    tab: PresetsTab, sqlite_sessions: SessionFactory, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    risky = add_site(sqlite_sessions, "3312000001", home=days_before(20))
    add_site(sqlite_sessions, "3312000002", home=days_before(1))
    with sqlite_sessions.begin() as session:
        for i in range(5):
            add_column(session, risky, f"blank{i}", idle=None)
    page = tab.risks
    _tester(page.model)
    page.as_of.setDate(page.as_of.date().fromString(AS_OF.isoformat(), "yyyy-MM-dd"))
    run(page.refresh())
    assert page.model.rowCount() == 1
    assert page.model.index(0, 4).data() == (
        "首页 14 天内未更新、5 个动态要闻/通知公告/政策文件栏目未及时更新、5 个空白栏目"
    )
    assert "首页不更新：天数 14" in page.applied.text()
    assert "Asia/Shanghai" in page.applied.text()
    assert "2 个运行中的站点，1 个" in page.summary.text()
    run(page.show_site(0))
    assert page.columns.rowCount() == 5 and page.columns.item(0, 5).text() == "空白"
    assert "没有跟随" in page.drift.text()
    page.only_risky.setChecked(False)
    run(until(lambda: page.model.rowCount() == 2))
    path = tmp_path / "risks.csv"
    assert run(page.export_to(path)) == 2
    with path.open(encoding="utf-8-sig") as stream:
        assert next(csv.reader(stream))[0] == "网站标识码"


def test_readers_see_presets_but_cannot_change_them(sqlite_sessions: SessionFactory, run) -> None:  # type: ignore[no-untyped-def]
    presets.create_preset(sqlite_sessions, ADMIN, STANDARD)
    database = Database(sqlite_sessions)
    widget = PresetsTab(TAB, database, READER)
    try:
        run(widget.refresh())
        assert widget.pane is not None
        widget.pane.view.selectRow(0)
        run(until(lambda: widget.editor.version is not None))
        assert not widget.editor.actions_by_name["save"].isEnabled()
        assert not widget.apply_button.isEnabled()
        flags = widget.editor.model.flags(widget.editor.model.index(0, NAME))
        assert not flags & Qt.ItemFlag.ItemIsEditable
    finally:
        widget.close()
        database.close()


def test_unsaved_edits_are_dropped_only_when_the_operator_says_so(tab: PresetsTab, run) -> None:  # type: ignore[no-untyped-def]
    editor = tab.editor
    assert editor.version is not None
    version_id = editor.version.version_id
    assert not tab.holds_unsaved_edits()
    editor.actions_by_name["remove"].trigger()
    assert len(editor.model.all_codes()) == 2
    assert tab.holds_unsaved_edits()

    async def answer(button: QMessageBox.StandardButton) -> bool:
        task = asyncio.ensure_future(tab.open_version(version_id))
        await until(
            lambda: any(
                isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
            )
        )
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        )
        box.button(button).click()
        return await task

    assert not run(answer(QMessageBox.StandardButton.Cancel))
    assert len(editor.model.all_codes()) == 2 and editor.stack.canUndo()
    assert run(answer(QMessageBox.StandardButton.Discard))
    assert len(editor.model.all_codes()) == 5 and not editor.stack.canUndo()
    assert not tab.holds_unsaved_edits()


def test_closing_during_apply_cancels_between_sites(
    tab: PresetsTab, sqlite_sessions: SessionFactory, run, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    for i in range(1, 4):
        add_site(sqlite_sessions, f"331200000{i}")
    dialog = run(tab.open_apply())
    run(dialog.load_preview())
    assert dialog.table.rowCount() == 3
    loop = asyncio.get_event_loop()

    def closed_while_writing(*args: Any) -> Any:
        # The operator closes the dialog while the first site is written; the apply (on its
        # own thread) goes on only once the window has taken the click.
        outcome = apply_to_site(*args)
        assert dialog.work is not None
        loop.call_soon_threadsafe(dialog.reject)
        assert dialog.work.stop.wait(10)
        return outcome

    monkeypatch.setattr("console.presets.apply.apply_to_site", closed_while_writing)
    run(dialog.apply())
    assert len(dialog.outcomes) == 1 and dialog.isVisible()
    assert "已取消" in dialog.summary.text()
    _close_apply(dialog, run)


def test_import_a_file_then_compare_its_versions(tab: PresetsTab, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "preset.json"
    save_preset(preset(*STANDARD.columns, column("hdjl", kind=ColumnType.INTERACTION)), path)
    version_id = run(tab.import_path(path))
    assert version_id is not None and tab.editor.version is not None
    assert tab.editor.version.number == 2 and "preset.json" in tab.message.text()
    path.write_text("{", encoding="utf-8")
    assert run(tab.import_path(path)) is None
    assert "不是有效的 JSON" in tab.message.text()
    run(tab.compare())
    dialog = tab.findChild(DiffDialog, "diffDialog")
    assert dialog is not None
    run(until(lambda: dialog.table.rowCount() == 1))
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["新增", "hdjl", "栏目hdjl"]
    # Any two versions, either way round: from version 2 back to version 1 removes it.
    dialog.older.setCurrentIndex(0)
    run(until(lambda: "同一个版本" in dialog.summary.text()))
    dialog.newer.setCurrentIndex(1)
    run(until(lambda: dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "移除"))
    assert dialog.summary.text() == "1 处变化"
    dialog.reject()


def test_a_site_shows_its_drift_from_the_version_it_follows(
    tab: PresetsTab, sqlite_sessions: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    assert tab.editor.version is not None
    site_id = add_site(sqlite_sessions, "3312000001", home=days_before(30))
    apply_to_site(sqlite_sessions, ADMIN, tab.editor.version.version_id, site_id)
    with sqlite_sessions.begin() as session:
        session.execute(
            update(SiteColumn)
            .where(SiteColumn.site_id == site_id, SiteColumn.code == "dept")
            .values(name="本地名称")
        )
        session.execute(
            delete(SiteColumn).where(SiteColumn.site_id == site_id, SiteColumn.code == "notice_a")
        )
        add_column(session, site_id, "special", name="特色栏目", last=days_before(1))
    page = tab.risks
    page.as_of.setDate(page.as_of.date().fromString(AS_OF.isoformat(), "yyyy-MM-dd"))
    run(page.refresh())
    run(page.show_site(0))
    assert page.drift.text() == (
        "跟随“部门测试预设”第 1 版。缺少必设栏目 1 个（栏目notice_a），缺少可选栏目 0 个，"
        "名称或位置不同 1 个（栏目dept），本地增设栏目 1 个（特色栏目）。"
    )
    states = {page.columns.item(r, 1).text(): page.columns.item(r, 5).text() for r in range(5)}
    assert states["special"] == "正常" and states["news"] == "父栏目"
    assert states["local"] == "空白"
    # One click previews the followed version on this site alone, ready to apply.
    assert page.fix_button.isEnabled()
    page.fix_button.click()
    run(until(lambda: tab.findChild(ApplyDialog) is not None))
    dialog = tab.findChild(ApplyDialog)
    run(until(lambda: dialog.table.rowCount() == 1))
    assert [dialog.table.item(0, c).text() for c in range(4)] == [
        "3312000001 测试站3312000001",
        "1",
        "1",
        "1",
    ]
    run(dialog.apply())
    run(page.show_site(0))
    assert "缺少必设栏目 0 个" in page.drift.text() and not page.fix_button.isEnabled()
    _close_apply(dialog, run)


def test_an_edited_tree_is_saved_as_a_new_preset_keeping_what_was_typed_on_refusal(
    tab: PresetsTab, run
) -> None:  # type: ignore[no-untyped-def]
    editor = tab.editor
    editor.actions_by_name["remove"].trigger()

    async def save_as() -> int | None:
        task = asyncio.ensure_future(editor.save_as_new())
        await until(lambda: _visible(PresetDetailsDialog) is not None)
        dialog = _visible(PresetDetailsDialog)
        assert dialog is not None and dialog.name.text() == "部门测试预设（副本）"
        dialog.name.setText("部门测试预设")
        dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
        dialog.accept()
        # Refused (the name is taken): the dialog comes back with the kind still chosen.
        await until(lambda: "已有名为" in dialog.problem.text() and dialog.isVisible())
        assert dialog.kind.currentData() == "special"
        dialog.name.setText("专题网站预设")
        dialog.accept()
        return await task

    version_id = run(save_as())
    assert version_id is not None and editor.version is not None
    assert (editor.version.preset.name, editor.version.preset.site_kind) == (
        "专题网站预设",
        "special",
    )
    assert editor.version.number == 1 and len(editor.model.all_codes()) == 2
    assert tab.pane is not None
    run(until(lambda: tab.pane.counts.text() == "显示 2 / 2"))  # type: ignore[union-attr]


def _visible(kind: type) -> Any:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


def test_export_writes_the_tree_as_shown_and_refuses_a_bad_one(
    tab: PresetsTab, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    editor = tab.editor
    editor.model.setData(editor.model.index(0, NAME), "要闻动态")
    path = tmp_path / "shown.json"
    assert run(editor.export_to(path))
    assert load_preset(path).columns[0].name == "要闻动态"
    assert not editor.stack.isClean()
    editor.model.setData(editor.model.index(1, 1), "Bad Code")
    bad = tmp_path / "bad.json"
    assert not run(editor.export_to(bad))
    assert not bad.exists() and "Bad Code" in editor.status.text()
    assert editor.current() is editor.model.roots[1]
