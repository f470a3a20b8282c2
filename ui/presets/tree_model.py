"""The editable column tree of a preset, and the undoable commands that change it.

The model holds plain ``Node`` objects; every change (typing in a cell, adding, removing,
moving by keyboard or by drag and drop) is a ``QUndoCommand`` pushed on the editor's stack,
so undo and redo cover all of them. ``to_specs``/``from_specs`` convert to the core's
``ColumnSpec`` tree, which the save service validates.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QUndoCommand, QUndoStack

from console.base.i18n import QT_TR_NOOP
from console.base.labels import COLUMN_TYPES
from console.presets.files import ColumnSpec
from console.schema import ColumnType
from ui.i18n import translated

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-cluster-console-preset-column"
NAME, CODE, TYPE, REQUIRED, IDLE = range(5)
HEADINGS = (
    QT_TR_NOOP("栏目名称"),
    QT_TR_NOOP("栏目代码"),
    QT_TR_NOOP("栏目类型"),
    QT_TR_NOOP("必设"),
    QT_TR_NOOP("更新周期（天）"),
)
# What the undo stack's actions name (撤销“修改‘新闻’”).
CHANGED = QT_TR_NOOP("修改“{name}”")
ADDED = QT_TR_NOOP("添加“{name}”")
REMOVED = QT_TR_NOOP("删除“{name}”")
MOVED = QT_TR_NOOP("移动“{name}”")


@dataclass(eq=False)
class Node:
    """One column in the editor; ``parent`` is None at the top level."""

    name: str
    code: str
    column_type: ColumnType = ColumnType.NEWS
    required: bool = True
    max_idle_days: int | None = 14
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    def spec(self) -> ColumnSpec:
        """This column (with its sub-columns) as the core's value."""
        return ColumnSpec(
            self.name,
            self.code,
            self.column_type,
            self.required,
            self.max_idle_days,
            tuple(child.spec() for child in self.children),
        )

    def contains(self, other: Node | None) -> bool:
        """Whether ``other`` is this node or lies under it."""
        while other is not None:
            if other is self:
                return True
            other = other.parent
        return False


def from_specs(columns: Sequence[ColumnSpec], parent: Node | None = None) -> list[Node]:
    """Editor nodes for a ``ColumnSpec`` tree."""
    nodes = []
    for spec in columns:
        node = Node(spec.name, spec.code, spec.column_type, spec.required, spec.max_idle_days)
        node.parent = parent
        node.children = from_specs(spec.children, node)
        nodes.append(node)
    return nodes


class ColumnTreeModel(QAbstractItemModel):
    """The tree of one preset being edited; changes go through ``stack``."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.roots: list[Node] = []
        self.editable = True

    # -- Qt model interface -------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of ``row`` under ``parent``."""
        siblings = self.children_of(self.node(parent))
        if not 0 <= row < len(siblings) or not 0 <= column < len(HEADINGS):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: Index) -> QModelIndex: ...

    def parent(self, child: Index | None = None) -> QObject | QModelIndex | None:
        """The index of ``child``'s parent column (invalid at the top level); without a
        ``child``, the object owning the model, as for any ``QObject``."""
        if child is None:
            return super().parent()
        node = self.node(child)
        if node is None or node.parent is None:
            return QModelIndex()
        up = node.parent
        return self.createIndex(self.children_of(up.parent).index(up), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Sub-columns of ``parent`` (top-level columns for the root)."""
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.children_of(self.node(parent)))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Name, code, type, required, update rule."""
        return len(HEADINGS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headings."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated(HEADINGS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, edit values and the required check box."""
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == REQUIRED:
            return Qt.CheckState.Checked if node.required else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            return {
                NAME: node.name,
                CODE: node.code,
                TYPE: node.column_type.value,
                IDLE: node.max_idle_days or 0,
            }.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return node.name
            if column == CODE:
                return node.code
            if column == TYPE:
                return translated(COLUMN_TYPES[node.column_type])
            if column == IDLE:
                if node.max_idle_days is None:
                    return self.tr("不要求")
                return str(node.max_idle_days)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Editable cells, a checkable 必设, and drag and drop of whole columns."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == REQUIRED:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Typing in a cell or ticking 必设: one undoable command."""
        node = self.node(index)
        if node is None or not self.editable:
            return False
        column = index.column()
        if column == REQUIRED and role == Qt.ItemDataRole.CheckStateRole:
            wanted = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.change(node, "required", wanted)
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == NAME:
            text = str(value).strip()
            return bool(text) and self.change(node, "name", text)
        if column == CODE:
            text = str(value).strip()
            return bool(text) and self.change(node, "code", text)
        if column == TYPE:
            try:
                return self.change(node, "column_type", ColumnType(str(value)))
            except ValueError:
                return False
        if column == IDLE:
            try:
                days = int(value)
            except (TypeError, ValueError):
                return False
            return days >= 0 and self.change(node, "max_idle_days", days or None)
        return False

    def supportedDropActions(self) -> Qt.DropAction:
        """Columns move within the tree."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The private type of a dragged column (its row path)."""
        return [MIME]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        """The dragged column, as the rows leading to it."""
        data = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            data.setData(MIME, QByteArray(json.dumps(self.path_of(self.node(valid[0]))).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Only a column of this tree, never into itself."""
        node = self._dragged(data)
        return node is not None and self.editable and not node.contains(self.node(parent))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged column to ``row`` under ``parent`` (the end when ``row`` is -1)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        node = self._dragged(data)
        assert node is not None
        target = self.node(parent)
        siblings = self.children_of(target)
        row = len(siblings) if row < 0 else row
        if node.parent is target and siblings.index(node) < row:
            row -= 1
        return self.move(node, target, row)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Refused: after a drop the view asks to remove the source, which ``move`` did."""
        return False

    # -- the tree -----------------------------------------------------------------------

    def node(self, index: Index) -> Node | None:
        """The column at ``index`` (None for the invisible root)."""
        if not index.isValid():
            return None
        pointer = index.internalPointer()
        return pointer if isinstance(pointer, Node) else None

    def children_of(self, node: Node | None) -> list[Node]:
        """The sub-columns of ``node`` (the top level for None)."""
        return self.roots if node is None else node.children

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        """The index of ``node``."""
        return self.createIndex(self.children_of(node.parent).index(node), column, node)

    def path_of(self, node: Node | None) -> list[int]:
        """Rows from the top down to ``node``."""
        path: list[int] = []
        while node is not None:
            path.insert(0, self.children_of(node.parent).index(node))
            node = node.parent
        return path

    def at_path(self, path: Sequence[int]) -> Node | None:
        """The column at ``path`` (None when there is none)."""
        node: Node | None = None
        for row in path:
            siblings = self.children_of(node)
            if not 0 <= row < len(siblings):
                return None
            node = siblings[row]
        return node

    def _dragged(self, data: QMimeData) -> Node | None:
        if not data.hasFormat(MIME):
            return None
        try:
            path = json.loads(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return None
        return self.at_path(path) if isinstance(path, list) else None

    def load(self, columns: Sequence[ColumnSpec]) -> None:
        """Show ``columns`` (clears the undo history)."""
        self.beginResetModel()
        self.roots = from_specs(columns)
        self.endResetModel()
        self.stack.clear()

    def specs(self) -> tuple[ColumnSpec, ...]:
        """The edited tree as the core's value."""
        return tuple(node.spec() for node in self.roots)

    def all_codes(self) -> set[str]:
        """Every code in the tree."""
        found: set[str] = set()
        stack = list(self.roots)
        while stack:
            node = stack.pop()
            found.add(node.code)
            stack.extend(node.children)
        return found

    # -- undoable changes ---------------------------------------------------------------

    def change(self, node: Node, attribute: str, value: Any) -> bool:
        """Set one attribute of ``node`` (undoable); False when nothing changes."""
        if getattr(node, attribute) == value:
            return False
        self.stack.push(_Change(self, node, attribute, value))
        return True

    def add(self, node: Node, parent: Node | None, row: int) -> None:
        """Insert ``node`` at ``row`` under ``parent`` (undoable)."""
        self.stack.push(_Insert(self, node, parent, row))

    def remove(self, node: Node) -> None:
        """Take ``node`` (and its sub-columns) out of the tree (undoable)."""
        self.stack.push(_Remove(self, node))

    def move(self, node: Node, parent: Node | None, row: int) -> bool:
        """Move ``node`` to ``row`` under ``parent`` (undoable); False when it cannot go there."""
        if node.contains(parent):
            return False
        siblings = self.children_of(parent)
        row = max(0, min(row, len(siblings) - (1 if node.parent is parent else 0)))
        if node.parent is parent and siblings.index(node) == row:
            return False
        self.stack.push(_Move(self, node, parent, row))
        return True

    def _set(self, node: Node, attribute: str, value: Any) -> None:
        setattr(node, attribute, value)
        self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, len(HEADINGS) - 1))

    def _insert(self, node: Node, parent: Node | None, row: int) -> None:
        parent_index = self.index_of(parent) if parent is not None else QModelIndex()
        self.beginInsertRows(parent_index, row, row)
        node.parent = parent
        self.children_of(parent).insert(row, node)
        self.endInsertRows()

    def _take(self, node: Node) -> tuple[Node | None, int]:
        parent = node.parent
        row = self.children_of(parent).index(node)
        parent_index = self.index_of(parent) if parent is not None else QModelIndex()
        self.beginRemoveRows(parent_index, row, row)
        self.children_of(parent).pop(row)
        self.endRemoveRows()
        return parent, row


class _Change(QUndoCommand):
    def __init__(self, model: ColumnTreeModel, node: Node, attribute: str, value: Any) -> None:
        super().__init__(translated(CHANGED).format(name=node.name))
        self.model, self.node, self.attribute = model, node, attribute
        self.old, self.new = getattr(node, attribute), value

    def redo(self) -> None:
        self.model._set(self.node, self.attribute, self.new)

    def undo(self) -> None:
        self.model._set(self.node, self.attribute, self.old)


class _Insert(QUndoCommand):
    def __init__(self, model: ColumnTreeModel, node: Node, parent: Node | None, row: int) -> None:
        super().__init__(translated(ADDED).format(name=node.name))
        self.model, self.node, self.parent_node, self.row = model, node, parent, row

    def redo(self) -> None:
        self.model._insert(self.node, self.parent_node, self.row)

    def undo(self) -> None:
        self.model._take(self.node)


class _Remove(QUndoCommand):
    def __init__(self, model: ColumnTreeModel, node: Node) -> None:
        super().__init__(translated(REMOVED).format(name=node.name))
        self.model, self.node = model, node
        self.parent_node, self.row = node.parent, model.children_of(node.parent).index(node)

    def redo(self) -> None:
        self.model._take(self.node)

    def undo(self) -> None:
        self.model._insert(self.node, self.parent_node, self.row)


class _Move(QUndoCommand):
    def __init__(self, model: ColumnTreeModel, node: Node, parent: Node | None, row: int) -> None:
        super().__init__(translated(MOVED).format(name=node.name))
        self.model, self.node = model, node
        self.old = (node.parent, model.children_of(node.parent).index(node))
        self.new = (parent, row)

    def redo(self) -> None:
        self.model._take(self.node)
        self.model._insert(self.node, *self.new)

    def undo(self) -> None:
        self.model._take(self.node)
        self.model._insert(self.node, *self.old)
