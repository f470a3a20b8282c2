"""The scope tree beside the site list: the cluster, its portals and the sites below them.

Children are read when a node is first expanded, one level at a time, so a cluster of tens of
thousands of sites opens as fast as one of ten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from console.base.actor import Actor
from console.base.labels import SITE_KINDS, SITE_STATES, label_of
from console.sites.register import GONE_STATES
from console.sites.views import TreeNode, tree_children
from ui.forms import REFUSED, attempt
from ui.tasks import Database, spawn

Index = QModelIndex | QPersistentModelIndex
_kind = label_of(SITE_KINDS)
_state = label_of(SITE_STATES)
# Merged and retired sites stay in the tree (their history matters) but step back.
GONE_COLOUR = QColor("#8a8a8a")


@dataclass(eq=False)
class Node:
    """A row of the tree; ``children`` is None until read."""

    site: TreeNode | None
    parent: Node | None
    children: list[Node] | None = None
    loading: bool = False

    @property
    def count(self) -> int:
        """How many children the node has (known before they are read)."""
        if self.site is None:
            return len(self.children) if self.children is not None else 1
        return self.site.children


class SiteTreeModel(QAbstractItemModel):
    """A lazily read tree of sites under one root row standing for the whole cluster."""

    failed = Signal(str)
    loaded = Signal()

    def __init__(self, database: Database, actor: Actor, parent: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self._top = Node(None, None, children=[])
        self.root = Node(None, self._top)
        self._top.children = [self.root]

    # -- the tree -----------------------------------------------------------------------

    def _node(self, index: Index) -> Node:
        if not index.isValid():
            return self._top
        node: Node = index.internalPointer()
        return node

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of child ``row`` of ``parent``."""
        node = self._node(parent)
        if column != 0 or node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, index: Index) -> QModelIndex: ...

    def parent(self, index: Index | None = None) -> QObject | QModelIndex | None:
        """The index of the node holding ``index``; without an ``index``, the object owning
        the model, as for any ``QObject``."""
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        if up is None or up is self._top or up.parent is None:
            return QModelIndex()
        siblings = up.parent.children or []
        return self.createIndex(siblings.index(up), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Children read so far."""
        if parent.column() > 0:
            return 0
        children = self._node(parent).children
        return len(children) if children is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column: the site's name."""
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Whether the node has children, read or not."""
        node = self._node(parent)
        return node.children != [] and node.count > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The name (and kind, state and code as a tool tip)."""
        if not index.isValid():
            return None
        site = self._node(index).site
        if role == Qt.ItemDataRole.DisplayRole:
            return site.name if site else self.tr("全部站点")
        if role == Qt.ItemDataRole.ToolTipRole and site is not None:
            return f"{site.code} · {_kind(site.kind)} · {_state(site.state)}"
        if role == Qt.ItemDataRole.UserRole:
            return site.id if site else None
        if role == Qt.ItemDataRole.ForegroundRole and site is not None:
            return GONE_COLOUR if site.state in GONE_STATES else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The heading of the single column."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("站群")
        return None

    # -- lazy reading ---------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Whether the node's children are still to be read."""
        node = self._node(parent)
        return node is not self._top and node.children is None and not node.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Read the node's children in the background."""
        node = self._node(parent)
        if node is self._top or node.children is not None or node.loading:
            return
        node.loading = True
        spawn(self._read(node), "site-tree")

    async def _read(self, node: Node) -> None:
        site_id = node.site.id if node.site else None
        found = await attempt(
            self.failed.emit, self.database.call(tree_children, self.actor, site_id)
        )
        node.loading = False
        if found is REFUSED or not self._attached(node):
            return
        parent = self._index_of(node)
        if found:
            self.beginInsertRows(parent, 0, len(found) - 1)
            node.children = [Node(site, node) for site in found]
            self.endInsertRows()
        else:
            node.children = []
        self.loaded.emit()

    def _attached(self, node: Node) -> bool:
        """Whether ``node`` is still in the tree (a reload drops the nodes read before it)."""
        while node.parent is not None:
            if node not in (node.parent.children or []):
                return False
            node = node.parent
        return node is self._top

    def _index_of(self, node: Node) -> QModelIndex:
        if node is self._top or node.parent is None:
            return QModelIndex()
        siblings = node.parent.children or []
        return self.createIndex(siblings.index(node), 0, node)

    def find(self, site_id: int) -> QModelIndex:
        """The index of site ``site_id`` among the nodes read so far (invalid if not read)."""
        waiting = [self.root]
        while waiting:
            node = waiting.pop()
            if node.site is not None and node.site.id == site_id:
                return self._index_of(node)
            waiting += node.children or []
        return QModelIndex()

    def root_index(self) -> QModelIndex:
        """The row standing for the whole cluster."""
        return self.createIndex(0, 0, self.root)

    async def reload(self) -> None:
        """Forget every read level and read the top again."""
        self.beginResetModel()
        self.root = Node(None, self._top, loading=True)
        self._top.children = [self.root]
        self.endResetModel()
        await self._read(self.root)
