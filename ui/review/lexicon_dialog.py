"""The screening lexicon and its whitelist: filter, add, edit, enable or disable, import.

Opened from the 内容审核 tab. Every change goes through ``console.services.lexicon`` on the
database worker; the next scan builds its screener from what is saved here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.errors import ConsoleError
from console.review import lexicon
from console.screening.lexicon_files import NOTE_LIMIT, SEVERITIES, TERM_LIMIT, TermEntry
from ui.dialogs import chosen_file, finished
from ui.forms import attempt
from ui.i18n import translated
from ui.list_pane import ListPane
from ui.tasks import Database, spawn

PREVIEW_LINES = 200


class TermEditor(QDialog):
    """A term's wording, category, severity and note (also the defaults of a plain list)."""

    def __init__(self, title: str, entry: TermEntry | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("termEditor")
        self.setWindowTitle(title)
        self.term = QLineEdit(self)
        self.term.setMaxLength(TERM_LIMIT)
        self.category = QComboBox(self)
        self.category.setEditable(True)
        for name in lexicon.CATEGORIES:
            self.category.addItem(translated(name), name)
        self.severity = QSpinBox(self)
        self.severity.setRange(min(SEVERITIES), max(SEVERITIES))
        self.note = QLineEdit(self)
        self.note.setMaxLength(NOTE_LIMIT)
        entry = entry or TermEntry("", lexicon.DEFAULT_CATEGORY, lexicon.DEFAULT_SEVERITY)
        self.term.setText(entry.term)
        self._set_category(entry.category)
        self.severity.setValue(entry.severity)
        self.note.setText(entry.note)
        form = QFormLayout(self)
        form.addRow(self.tr("词条(&T)："), self.term)
        form.addRow(self.tr("类别(&C)："), self.category)
        form.addRow(self.tr("严重程度(&S)："), self.severity)
        form.addRow(self.tr("说明(&N)："), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())

    def _set_category(self, category: str) -> None:
        index = self.category.findData(category)
        if index >= 0:
            self.category.setCurrentIndex(index)
        else:
            self.category.setEditText(category)

    def entry(self) -> TermEntry:
        """What the operator entered (a listed category is stored as its source name)."""
        text = self.category.currentText().strip()
        index = self.category.findText(text)
        category = str(self.category.itemData(index)) if index >= 0 else text
        return TermEntry(self.term.text(), category, self.severity.value(), self.note.text())


class ImportPreviewDialog(QDialog):
    """What an import would change, and whether existing terms should be updated."""

    def __init__(self, preview: lexicon.ImportPreview, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("导入词库：{file}").format(file=preview.file))
        summary = QLabel(
            self.tr("新增 {new} 条，变更 {changed} 条，不变 {same} 条，无法匹配 {bad} 条。").format(
                new=len(preview.new),
                changed=len(preview.changed),
                same=len(preview.unchanged),
                bad=len(preview.unmatchable),
            ),
            self,
        )
        summary.setObjectName("previewSummary")
        lines = [
            self.tr("新增：{term}（{category}，{severity}）").format(
                term=e.term, category=e.category, severity=e.severity
            )
            for e in preview.new
        ]
        lines += [
            self.tr("变更：{term}（{old} → {new}）").format(
                term=new.term,
                old=f"{old.category}/{old.severity}",
                new=f"{new.category}/{new.severity}",
            )
            for old, new in preview.changed
        ]
        lines += [
            self.tr("无法匹配（只含空白、标点或符号）：{term}").format(term=e.term)
            for e in preview.unmatchable
        ]
        if len(lines) > PREVIEW_LINES:
            more = len(lines) - PREVIEW_LINES
            lines = [*lines[:PREVIEW_LINES], self.tr("……另有 {n} 行").format(n=more)]
        details = QPlainTextEdit("\n".join(lines), self)
        details.setObjectName("previewLines")
        details.setReadOnly(True)
        self.update_existing = QCheckBox(self.tr("更新已有词条的类别、严重程度和说明(&U)"), self)
        self.update_existing.setChecked(True)
        self.update_existing.setEnabled(bool(preview.changed))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入(&I)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(details, 1)
        layout.addWidget(self.update_existing)
        layout.addWidget(buttons)
        self.resize(560, 420)


class LexiconDialog(QDialog):
    """The lexicon (词库) and whitelist (白名单) tabs, each a list with its actions.

    ``changed`` fires after every saved change, so the opener can rebuild its screener.
    """

    changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lexiconDialog")
        self.setWindowTitle(self.tr("词库与白名单"))
        self.database = database
        self.actor = actor
        self.terms = ListPane(lexicon.TERMS, database, actor, self)
        self.phrases = ListPane(lexicon.WHITELIST, database, actor, self)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        for value, label in ((None, self.tr("全部")), (1, self.tr("启用")), (0, self.tr("停用"))):
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(self._filter_status)
        self.message = QLabel(self)
        self.message.setObjectName("lexiconMessage")
        self.message.setWordWrap(True)

        self.add_term_action = self._action(self.tr("新增词条…"), "Ctrl+N", self.add_term)
        self.edit_action = self._action(self.tr("编辑…"), "F2", self.edit_term)
        self.enable_action = self._action(
            self.tr("启用", "动作"), "Ctrl+E", lambda: self.set_enabled(True)
        )
        self.disable_action = self._action(
            self.tr("停用", "动作"), "Ctrl+D", lambda: self.set_enabled(False)
        )
        self.import_terms_action = self._action(self.tr("导入词库…"), "Ctrl+I", self.import_terms)
        self.add_phrase_action = self._action(self.tr("新增短语…"), "Ctrl+N", self.add_phrase)
        self.remove_phrase_action = self._action(self.tr("删除"), "Delete", self.remove_phrases)
        self.import_phrases_action = self._action(
            self.tr("导入白名单…"), "Ctrl+I", self.import_phrases
        )
        term_actions = [
            self.add_term_action,
            self.edit_action,
            self.enable_action,
            self.disable_action,
            self.import_terms_action,
        ]
        phrase_actions = [
            self.add_phrase_action,
            self.remove_phrase_action,
            self.import_phrases_action,
        ]
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._page(self.terms, term_actions, self.status_filter), self.tr("词库"))
        self.tabs.addTab(self._page(self.phrases, phrase_actions), self.tr("白名单"))
        self.terms.view.doubleClicked.connect(lambda _index: self.edit_action.trigger())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(960, 620)
        spawn(self.refresh(), "lexicon refresh")

    def _action(self, text: str, keys: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self._start(slot))
        return action

    def _start(self, slot: Callable[[], Any]) -> None:
        result = slot()
        if isinstance(result, Awaitable):
            # A refusal or a lost database is shown under the lists.
            spawn(attempt(self.message.setText, result), "lexicon action")

    def _page(
        self, pane: ListPane, actions: list[QAction], extra: QWidget | None = None
    ) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout()
        for action in actions:
            button = QToolButton(page)
            button.setDefaultAction(action)
            row.addWidget(button)
            page.addAction(action)
            pane.view.addAction(action)
        row.addStretch(1)
        if extra is not None:
            label = QLabel(self.tr("状态(&S)："), page)
            label.setBuddy(extra)
            row.addWidget(label)
            row.addWidget(extra)
        pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(pane, 1)
        return page

    async def refresh(self) -> None:
        """Reload both lists."""
        await self.terms.refresh()
        await self.phrases.refresh()

    async def _changed(self, pane: ListPane, message: str, saved: bool = True) -> None:
        """Say what was done, tell listeners the lexicon changed, and reload the list."""
        self.message.setText(message)
        if saved:
            self.changed.emit()
        await pane.refresh()

    def _selected(self, pane: ListPane) -> list[Any]:
        rows = sorted({index.row() for index in pane.view.selectionModel().selectedRows()})
        return [pane.model.row_id(row) for row in rows]

    def _filter_status(self) -> None:
        value = self.status_filter.currentData()
        self.terms.model.set_equals(() if value is None else (("enabled", value),))

    async def _edited(self, title: str, entry: TermEntry | None) -> TermEntry | None:
        editor = TermEditor(title, entry, self)
        try:
            return editor.entry() if await finished(editor) else None
        finally:
            editor.deleteLater()

    async def add_term(self) -> None:
        """Ask for a new term and add it."""
        entry = await self._edited(self.tr("新增词条"), None)
        if entry is None:
            return
        await self.database.call(lexicon.add_term, self.actor, entry)
        await self._changed(
            self.terms, self.tr("已新增词条“{term}”。").format(term=entry.term.strip())
        )

    async def edit_term(self) -> None:
        """Edit the first selected term at the version read now."""
        selected = self._selected(self.terms)
        if not selected:
            return
        row = await self.database.call(lexicon.read_term, self.actor, selected[0])
        entry = await self._edited(self.tr("编辑词条"), row.entry)
        if entry is None:
            return
        await self.database.call(lexicon.edit_term, self.actor, row.id, row.version, entry)
        await self._changed(
            self.terms, self.tr("已保存词条“{term}”。").format(term=entry.term.strip())
        )

    async def set_enabled(self, enabled: bool) -> None:
        """Enable or disable every selected term; refusals are counted, not fatal."""
        done, failed = 0, []
        for term_id in self._selected(self.terms):
            try:
                row = await self.database.call(lexicon.read_term, self.actor, term_id)
                await self.database.call(
                    lexicon.set_enabled, self.actor, term_id, row.version, enabled
                )
                done += 1
            except ConsoleError as error:
                failed.append(str(error))
        text = (self.tr("已启用 {n} 条。") if enabled else self.tr("已停用 {n} 条。")).format(
            n=done
        )
        await self._changed(self.terms, "\n".join([text, *failed]), done > 0)

    async def import_terms(self) -> None:
        """Choose a term file, preview what it changes, then import it on confirmation."""
        path = await chosen_file(
            self,
            self.tr("导入词库"),
            [self.tr("词库文件 (*.csv *.txt)"), self.tr("所有文件 (*)")],
        )
        if path is None:
            return
        defaults = TermEntry("", lexicon.DEFAULT_CATEGORY, lexicon.DEFAULT_SEVERITY)
        if path.suffix.lower() != ".csv":
            chosen = await self._plain_list_defaults(defaults)
            if chosen is None:
                return
            defaults = chosen
        await self.import_previewed(path, defaults.category, defaults.severity)

    async def _plain_list_defaults(self, defaults: TermEntry) -> TermEntry | None:
        editor = TermEditor(self.tr("纯文本词表：每个词条的类别和严重程度"), defaults, self)
        editor.term.setText(self.tr("（按文件逐行）"))
        editor.term.setEnabled(False)
        editor.note.setEnabled(False)
        try:
            return editor.entry() if await finished(editor) else None
        finally:
            editor.deleteLater()

    async def import_previewed(self, path: Path, category: str, severity: int) -> None:
        """Preview ``path`` and import it if the operator agrees."""
        preview = await self.database.call(
            lexicon.preview_import, self.actor, path, category, severity
        )
        dialog = ImportPreviewDialog(preview, self)
        try:
            if not await finished(dialog):
                return
            update = dialog.update_existing.isChecked()
        finally:
            dialog.deleteLater()
        result = await self.database.call(lexicon.import_terms, self.actor, preview, update)
        text = self.tr("已导入：新增 {added} 条，更新 {updated} 条。")
        await self._changed(self.terms, text.format(added=result.added, updated=result.updated))

    async def add_phrase(self) -> None:
        """Ask for a phrase and whitelist it."""
        editor = QDialog(self)
        editor.setObjectName("phraseEditor")
        editor.setWindowTitle(self.tr("新增白名单短语"))
        phrase, note = QLineEdit(editor), QLineEdit(editor)
        form = QFormLayout(editor)
        form.addRow(self.tr("短语(&P)："), phrase)
        form.addRow(self.tr("说明(&N)："), note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, editor
        )
        buttons.accepted.connect(editor.accept)
        buttons.rejected.connect(editor.reject)
        form.addRow(buttons)
        editor.resize(480, editor.sizeHint().height())
        try:
            if not await finished(editor):
                return
            text, remark = phrase.text(), note.text()
        finally:
            editor.deleteLater()
        await self.database.call(lexicon.add_phrase, self.actor, text, remark)
        await self._changed(
            self.phrases, self.tr("已加入白名单：“{phrase}”。").format(phrase=text.strip())
        )

    async def remove_phrases(self) -> None:
        """Take the selected phrases off the whitelist."""
        removed = 0
        for phrase_id in self._selected(self.phrases):
            version = await self.database.call(lexicon.phrase_version, self.actor, phrase_id)
            await self.database.call(lexicon.remove_phrase, self.actor, phrase_id, version)
            removed += 1
        await self._changed(
            self.phrases, self.tr("已从白名单删除 {n} 条。").format(n=removed), removed > 0
        )

    async def import_phrases(self) -> None:
        """Whitelist every new phrase of a file."""
        path = await chosen_file(
            self, self.tr("导入白名单"), [self.tr("文本文件 (*.txt)"), self.tr("所有文件 (*)")]
        )
        if path is None:
            return
        added = await self.database.call(lexicon.import_phrases, self.actor, path)
        await self._changed(self.phrases, self.tr("已加入白名单 {n} 条。").format(n=added))
