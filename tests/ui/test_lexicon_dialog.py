"""The lexicon dialog: lists with filters, add and edit terms, enable/disable, import, whitelist."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import select

from console.base.actor import Actor
from console.db import SessionFactory
from console.review import lexicon
from console.schema import Duty, LexiconTerm, WhitelistPhrase
from console.screening.lexicon_files import TermEntry
from tests.ui.conftest import until
from ui.list_pane import ListPane
from ui.review.lexicon_dialog import ImportPreviewDialog, LexiconDialog, TermEditor
from ui.tasks import Database

REVIEWER = Actor(None, "reviewer", frozenset({Duty.REVIEWER}))


def _open(sessions: SessionFactory, run: Any) -> LexiconDialog:
    lexicon.add_term(sessions, REVIEWER, TermEntry("国家计委", "过时表述", 2, "现为发展改革委"))
    lexicon.add_term(sessions, REVIEWER, TermEntry("卫计委", "过时表述", 1))
    lexicon.add_phrase(sessions, REVIEWER, "原国家计委")
    dialog = LexiconDialog(Database(sessions), REVIEWER)
    for pane in (dialog.terms, dialog.phrases):
        QAbstractItemModelTester(pane.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    dialog.show()
    run(until(lambda: dialog.terms.model.rowCount() == 2 and dialog.phrases.model.rowCount() == 1))
    return dialog


def _close(dialog: LexiconDialog) -> None:
    dialog.close()
    dialog.database.close()


def _open_child(run: Any, kind: type[QDialog], name: str = "") -> Any:
    def shown() -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            visible = isinstance(widget, kind) and widget.isVisible()
            if visible and (not name or widget.objectName() == name):
                return widget
        return None

    run(until(lambda: shown() is not None))
    return shown()


def _select(pane: ListPane, row: int) -> None:
    index = pane.model.index(row, 0)
    pane.view.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def _terms(sessions: SessionFactory) -> dict[str, tuple[str, int, bool]]:
    with sessions() as session:
        return {
            row.term: (row.category, row.severity, row.enabled)
            for row in session.scalars(select(LexiconTerm))
        }


def test_the_dialog_lists_terms_and_phrases_with_counts(sessions: SessionFactory, run: Any) -> None:
    dialog = _open(sessions, run)
    try:
        assert dialog.terms.counts.text() == "显示 2 / 2"
        assert dialog.tabs.tabText(0) == "词库" and dialog.tabs.tabText(1) == "白名单"
        shown = {dialog.terms.model.index(r, 0).data() for r in range(2)}
        assert shown == {"国家计委", "卫计委"}
        assert dialog.terms.model.index(0, 3).data() == "启用"
    finally:
        _close(dialog)


def test_a_term_is_added_through_the_editor(sessions: SessionFactory, run: Any) -> None:
    dialog = _open(sessions, run)
    try:
        changes: list[bool] = []
        dialog.changed.connect(lambda: changes.append(True))
        dialog.add_term_action.trigger()
        editor = _open_child(run, TermEditor)
        editor.term.setText("监察局")
        editor.category.setCurrentIndex(editor.category.findData("涉密"))
        editor.severity.setValue(3)
        editor.accept()
        run(until(lambda: dialog.terms.model.rowCount() == 3))
        assert _terms(sessions)["监察局"] == ("涉密", 3, True)
        assert "监察局" in dialog.message.text()
        assert changes == [True]
    finally:
        _close(dialog)


def test_a_refused_term_is_explained_under_the_lists(sessions: SessionFactory, run: Any) -> None:
    dialog = _open(sessions, run)
    try:
        dialog.add_term_action.trigger()
        editor = _open_child(run, TermEditor)
        editor.term.setText("卫计委")
        editor.accept()
        run(until(lambda: "已有词条" in dialog.message.text()))
    finally:
        _close(dialog)


def test_a_selected_term_is_edited_then_disabled_and_filtered(
    sessions: SessionFactory, run: Any
) -> None:
    dialog = _open(sessions, run)
    try:
        row = next(r for r in range(2) if dialog.terms.model.index(r, 0).data() == "卫计委")
        _select(dialog.terms, row)
        dialog.edit_action.trigger()
        editor = _open_child(run, TermEditor)
        assert editor.term.text() == "卫计委"
        editor.severity.setValue(2)
        editor.accept()
        run(until(lambda: _terms(sessions)["卫计委"][1] == 2))
        run(until(lambda: dialog.terms.model.rowCount() == 2))
        row = next(r for r in range(2) if dialog.terms.model.index(r, 0).data() == "卫计委")
        _select(dialog.terms, row)
        dialog.disable_action.trigger()
        run(until(lambda: not _terms(sessions)["卫计委"][2]))
        dialog.status_filter.setCurrentIndex(2)
        run(until(lambda: dialog.terms.model.rowCount() == 1))
        assert dialog.terms.model.index(0, 0).data() == "卫计委"
        assert dialog.terms.model.index(0, 3).data() == "停用"
    finally:
        _close(dialog)


def test_an_import_is_previewed_before_it_writes(
    sessions: SessionFactory, run: Any, tmp_path: Path
) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("term,category,severity\n卫计委,过时表述,3\n监察局,过时表述,2\n", "utf-8")
    dialog = _open(sessions, run)
    try:
        task = dialog.import_previewed(path, "自定义", 2)
        preview: list[ImportPreviewDialog] = []

        async def accept_preview() -> None:
            await until(lambda: bool(_visible_previews(preview)))
            shown = preview[0]
            assert "新增 1 条，变更 1 条" in shown.findChild(QWidget, "previewSummary").text()
            assert "监察局" not in _terms(sessions)
            shown.accept()

        run(_both(task, accept_preview()))
        assert _terms(sessions)["监察局"] == ("过时表述", 2, True)
        assert _terms(sessions)["卫计委"][1] == 3
        run(until(lambda: dialog.terms.model.rowCount() == 3))
    finally:
        _close(dialog)


def _visible_previews(found: list[ImportPreviewDialog]) -> list[ImportPreviewDialog]:
    found[:] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ImportPreviewDialog) and w.isVisible()
    ]
    return found


async def _both(first: Any, second: Any) -> None:
    await asyncio.gather(first, second)


def test_phrases_are_whitelisted_and_removed(sessions: SessionFactory, run: Any) -> None:
    dialog = _open(sessions, run)
    try:
        dialog.tabs.setCurrentIndex(1)
        dialog.add_phrase_action.trigger()
        editor = _open_child(run, QDialog, "phraseEditor")
        editor.findChildren(type(dialog.terms.filter))[0].setText("卫生部门")
        editor.accept()
        run(until(lambda: dialog.phrases.model.rowCount() == 2))
        _select(dialog.phrases, 0)
        dialog.remove_phrase_action.trigger()
        run(until(lambda: "删除 1 条" in dialog.message.text()))
        with sessions() as session:
            assert len(session.scalars(select(WhitelistPhrase)).all()) == 1
    finally:
        _close(dialog)
