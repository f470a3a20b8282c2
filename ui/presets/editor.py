"""The preset tree editor: edit a version's columns, undo/redo, save as the next version."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.errors import ConsoleError, EnvironmentFault
from console.base.export import dated_name
from console.base.i18n import QT_TR_NOOP
from console.base.labels import COLUMN_TYPES
from console.presets import service as presets
from console.presets.files import PresetFile, save_preset
from console.schema import ColumnType, Duty
from ui.dialogs import finished
from ui.flow import FlowLayout
from ui.forms import REFUSED, attempt
from ui.i18n import translated
from ui.presets.details import PresetDetailsDialog
from ui.presets.tree_model import IDLE, NAME, TYPE, ColumnTreeModel, Index, Node
from ui.tasks import Database, run_io, spawn

EXPORT_TIMEOUT = 60.0

# The actions that change the tree, in toolbar and context-menu order.
EDITING = (
    "add",
    "add_child",
    "remove",
    "up",
    "down",
    "outdent",
    "indent",
    "rename",
    "required",
    "type",
    "rule",
)


class _TypeDelegate(QStyledItemDelegate):
    """Column types chosen from a list, never typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A list of the column types."""
        box = QComboBox(parent)
        for value, label in COLUMN_TYPES.items():
            box.addItem(translated(label), value)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Choose the cell's type in the list."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Store the type chosen (through the model's undo stack)."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PresetEditor(QWidget):
    """One preset version's tree; the system administrator edits, others read."""

    saved = Signal(int)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetEditor")
        self.database = database
        self.actor = actor
        self.version: presets.VersionTree | None = None
        self.stack = QUndoStack(self)
        self.model = ColumnTreeModel(self.stack, self)
        self.model.editable = actor.holds(Duty.SYSTEM_ADMIN)

        self.title = QLabel(self.tr("请在左侧选择一个预设版本"), self)
        self.title.setObjectName("presetTitle")
        self.status = QLabel(self)
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("versionNote")
        self.note.setPlaceholderText(self.tr("本次修改说明（保存时记入新版本）"))

        self.view = self._tree_view()
        self.toolbar = QToolBar(self)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self.stack.cleanChanged.connect(self._clean_changed)
        # Every edit (add, delete, undo, redo) goes through the stack: the count follows it.
        self.stack.indexChanged.connect(lambda _i: self._show_title())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addLayout(self.save_row)
        layout.addWidget(self.status)

    def _tree_view(self) -> QTreeView:
        """The columns as a tree: edited in place, dragged to move, types from a list."""
        view = QTreeView(self)
        view.setObjectName("presetTree")
        view.setModel(self.model)
        view.setItemDelegateForColumn(TYPE, _TypeDelegate(view))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        digit = self.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate((26, 14, 10, 5, 10)):
            view.header().resizeSection(column, width * digit)
        return view

    def _build_actions(self) -> None:
        """Undo, redo and every editing action, in the toolbar and on their keys."""
        undo = self.stack.createUndoAction(self, self.tr("撤销"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.stack.createRedoAction(self, self.tr("重做"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.actions_by_name.update(undo=undo, redo=redo)
        self.add_action("add", self.tr("添加栏目"), "Insert", self.add_sibling)
        self.add_action("add_child", self.tr("添加子栏目"), "Ctrl+Insert", self.add_child)
        self.add_action("remove", self.tr("删除栏目"), "Delete", self.remove_current)
        self.add_action("up", self.tr("上移"), "Alt+Up", lambda: self.shift(-1))
        self.add_action("down", self.tr("下移"), "Alt+Down", lambda: self.shift(1))
        self.add_action("outdent", self.tr("升一级"), "Alt+Left", self.outdent)
        self.add_action("indent", self.tr("降一级"), "Alt+Right", self.indent)
        self.toolbar.addSeparator()
        self.add_action("rename", self.tr("改名"), "F2", lambda: self.edit_cell(NAME))
        self.add_action("required", self.tr("必设/可选"), "Ctrl+M", self.toggle_required)
        self.add_action("type", self.tr("栏目类型"), "Ctrl+T", lambda: self.edit_cell(TYPE))
        self.add_action("rule", self.tr("更新周期"), "Ctrl+U", lambda: self.edit_cell(IDLE))
        self.toolbar.addSeparator()
        self.toolbar.addAction(undo)
        self.toolbar.addAction(redo)
        self.save_row = _save_row(self)
        for name in (*EDITING, "save", "save_as"):
            self.actions_by_name[name].setEnabled(self.model.editable)

    def add_action(
        self, name: str, text: str, key: str, slot: object, in_toolbar: bool = True
    ) -> QAction:
        """An action on its key (within the editor), in the toolbar unless told otherwise."""
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setToolTip(f"{text} ({key})")
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if in_toolbar:
            self.toolbar.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for name in EDITING:
            menu.addAction(self.actions_by_name[name])
        menu.popup(self.view.viewport().mapToGlobal(point))

    # -- loading and saving -------------------------------------------------------------

    async def load(self, version_id: int) -> None:
        """Show stored version ``version_id``."""
        version = await attempt(
            self.status.setText, self.database.call(presets.read_version, self.actor, version_id)
        )
        if version is REFUSED:
            return
        self.version = version
        self.model.load(version.preset.columns)
        self.view.expandAll()
        self._show_title()
        self.status.setText("")
        if self.model.roots:
            self.view.setCurrentIndex(self.model.index_of(self.model.roots[0]))

    def edited(self) -> PresetFile | None:
        """The tree as edited, with the loaded preset's name, kind and description."""
        if self.version is None:
            return None
        base = self.version.preset
        return PresetFile(base.name, base.site_kind, base.description, self.model.specs())

    async def save(self) -> int | None:
        """Save the edited tree as the next version; the new version id (None if refused)."""
        edited = self.edited()
        if edited is None or self.version is None:
            return None
        try:
            version_id = await self.database.call(
                presets.save_version,
                self.actor,
                self.version.preset_id,
                self.version.preset_version,
                edited,
                self.note.text().strip(),
            )
        except (ConsoleError, EnvironmentFault) as error:
            # Not ``attempt``: the refusal may name the column to select. Nothing is lost:
            # the edited tree and its undo history stay as they are.
            self.status.setText(str(error))
            self._select_offending(error)
            return None
        self.note.clear()
        await self.load(version_id)
        self.status.setText(self.tr("已保存为第 {number} 版。").format(number=self.version.number))
        self.saved.emit(version_id)
        return version_id

    async def save_as_new(self) -> int | None:
        """Save the edited tree as version 1 of a new preset, asking its name and kind."""
        edited = self.edited()
        if edited is None:
            return None
        dialog = PresetDetailsDialog(edited, self)
        version_id: int | None = None
        try:
            while version_id is None and await finished(dialog):
                created = dialog.preset(edited)
                # Refused: the dialog opens again with what was typed, and says what to change.
                made = await attempt(
                    dialog.problem,
                    self.database.call(
                        presets.create_preset, self.actor, created, self.note.text().strip()
                    ),
                )
                version_id = None if made is REFUSED else made
        finally:
            dialog.deleteLater()
        if version_id is None:
            return None
        self.note.clear()
        await self.load(version_id)
        self.status.setText(self.tr("已另存为新预设“{name}”。").format(name=created.name))
        self.saved.emit(version_id)
        return version_id

    def _select_offending(self, error: ConsoleError | EnvironmentFault) -> None:
        """Select the column a refusal names (``/columns/2/children/0``), if it names one."""
        where = error.params.get("where")
        if not isinstance(where, str):
            return
        node = self.model.at_path([int(part) for part in where.split("/") if part.isdigit()])
        if node is not None:
            self._select(node)

    async def export(self) -> None:
        """Ask where, then export the tree as shown (unsaved edits included) as a preset file."""
        if self.version is None:
            return
        name = dated_name(self.version.preset.name, "json", self.database.today())
        dialog = QFileDialog(self, self.tr("导出栏目预设"), str(Path.home() / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("栏目预设 (*.json)")])
        try:
            if not await finished(dialog) or not dialog.selectedFiles():
                return
            path = Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        await self.export_to(path)

    async def export_to(self, path: Path) -> bool:
        """Write the tree as shown to ``path``; a tree the rules refuse is not written."""
        edited = self.edited()
        if edited is None:
            return False
        try:
            await run_io(save_preset, EXPORT_TIMEOUT, edited, path)
        except (ConsoleError, OSError, TimeoutError) as error:
            self.status.setText(self.tr("导出失败：{error}").format(error=error))
            if isinstance(error, ConsoleError):
                self._select_offending(error)
            return False
        self.status.setText(self.tr("已导出到 {path}").format(path=path))
        return True

    def _show_title(self) -> None:
        """Name, version and the number of columns as the tree now stands (edits counted)."""
        version, edited = self.version, self.edited()
        if version is None or edited is None:
            return
        label = self.tr("{name}　第 {number} 版　{count} 个栏目").format(
            name=version.preset.name, number=version.number, count=edited.column_count()
        )
        if not version.latest:
            label += self.tr("（不是最新版本：保存将以此为基础生成新版本）")
        self.title.setText(label)

    def _clean_changed(self, clean: bool) -> None:
        if not clean:
            self.status.setText(self.tr("有未保存的修改（Ctrl+S 保存为新版本，Ctrl+Z 撤销）"))

    # -- editing ------------------------------------------------------------------------

    def current(self) -> Node | None:
        """The selected column."""
        return self.model.node(self.view.currentIndex())

    def _fresh_node(self) -> Node:
        codes = self.model.all_codes()
        number = len(codes) + 1
        while f"lm{number}" in codes:
            number += 1
        return Node(self.tr("新栏目"), f"lm{number}", ColumnType.NEWS, True, 14)

    def _select(self, node: Node, edit: bool = False) -> None:
        index = self.model.index_of(node)
        self.view.setCurrentIndex(index)
        if edit:
            self.view.edit(index)

    def add_sibling(self) -> None:
        """A new column after the selected one (at the top level when none is)."""
        node, current = self._fresh_node(), self.current()
        parent = current.parent if current else None
        siblings = self.model.children_of(parent)
        row = siblings.index(current) + 1 if current else len(siblings)
        self.model.add(node, parent, row)
        self._select(node, edit=True)

    def add_child(self) -> None:
        """A new last sub-column of the selected column."""
        current = self.current()
        if current is None:
            self.add_sibling()
            return
        node = self._fresh_node()
        self.model.add(node, current, len(current.children))
        self.view.expand(self.model.index_of(current))
        self._select(node, edit=True)

    def edit_cell(self, column: int) -> None:
        """Open the editor of the selected column's ``column`` cell (name, type or rule)."""
        current = self.current()
        if current is not None and self.model.editable:
            index = self.model.index_of(current, column)
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def toggle_required(self) -> None:
        """Mark the selected column required, or optional when it is required (undoable)."""
        current = self.current()
        if current is not None and self.model.editable:
            self.model.change(current, "required", not current.required)

    def remove_current(self) -> None:
        """Take out the selected column (undo brings it back)."""
        current = self.current()
        if current is not None:
            self.model.remove(current)

    def shift(self, step: int) -> None:
        """Move the selected column up or down among its siblings."""
        current = self.current()
        if current is None:
            return
        row = self.model.children_of(current.parent).index(current) + step
        if row >= 0 and self.model.move(current, current.parent, row):
            self._select(current)

    def indent(self) -> None:
        """Make the selected column the last sub-column of the one above it."""
        current = self.current()
        if current is None:
            return
        siblings = self.model.children_of(current.parent)
        row = siblings.index(current)
        if row == 0:
            return
        above = siblings[row - 1]
        if self.model.move(current, above, len(above.children)):
            self.view.expand(self.model.index_of(above))
            self._select(current)

    def outdent(self) -> None:
        """Move the selected column up a level, just after its parent."""
        current = self.current()
        if current is None or current.parent is None:
            return
        parent = current.parent
        row = self.model.children_of(parent.parent).index(parent) + 1
        if self.model.move(current, parent.parent, row):
            self._select(current)


SAVE = QT_TR_NOOP("保存为新版本")
SAVE_AS = QT_TR_NOOP("另存为新预设…")
EXPORT = QT_TR_NOOP("导出 JSON…")


def _save_row(editor: PresetEditor) -> FlowLayout:
    """Saving and exporting as buttons under the tree: never hidden behind the toolbar's "››",
    wrapping onto a second row where the width ends."""
    row = FlowLayout()
    for name, text, key, slot in (
        ("save", translated(SAVE), "Ctrl+S", lambda: spawn(editor.save(), "save")),
        (
            "save_as",
            translated(SAVE_AS),
            "Ctrl+Shift+S",
            lambda: spawn(editor.save_as_new(), "save as new preset"),
        ),
        ("export", translated(EXPORT), "", lambda: spawn(editor.export(), "export preset")),
    ):
        button = QToolButton(editor)
        button.setObjectName(f"preset_{name}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setDefaultAction(editor.add_action(name, text, key, slot, in_toolbar=False))
        row.addWidget(button)
    return row
