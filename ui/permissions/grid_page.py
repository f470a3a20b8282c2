"""The permission grid: pick a site and a column, see per account which roles reach it.

What each cell shows is in ``grid_rows``. Granting and revoking work on the selected cell;
"能发布" above the grid answers "who can publish here?" at once.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.labels import ROLES
from console.permissions import accounts, grants, scopes
from console.permissions.grant_rules import GrantRequest
from console.permissions.rights import Right
from console.permissions.scopes import SiteRef
from console.schema import utcnow
from ui.forms import REFUSED, attempt, message_label, say
from ui.i18n import translated
from ui.permissions.common import ExpiryEdit, confirm
from ui.permissions.grid_rows import (
    GRID_COLUMNS,
    ROLE_ORDER,
    GridCell,
    GridRow,
    grid_rows,
    who_publishes,
)
from ui.records_model import RecordsModel, records_view
from ui.tasks import Database, spawn

COLUMN_ROLE = Qt.ItemDataRole.UserRole


class GridPage(QWidget):
    """Site picker and column tree on the left; the grid of accounts × roles on the right."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gridPage")
        self.database, self.actor = database, actor
        self.sites: list[SiteRef] = []
        self.site: SiteRef | None = None
        self.column_id: int | None = None
        self.held: list[Right] = []
        splitter = QSplitter(self)
        splitter.addWidget(self._scope_picker())
        splitter.addWidget(self._grid_side())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def _scope_picker(self) -> QWidget:
        """The site (typed or picked) and its column tree."""
        self.site_box = QComboBox(self)
        self.site_box.setObjectName("gridSite")
        self.site_box.setEditable(True)
        self.site_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.site_box.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.site_box.currentIndexChanged.connect(lambda _i: spawn(self.choose_site(), "site"))
        site_label = QLabel(self.tr("网站(&W)"), self)
        site_label.setBuddy(self.site_box)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("columnTree")
        self.tree.setHeaderLabels([self.tr("栏目")])
        self.tree.currentItemChanged.connect(
            lambda item, _prev: spawn(self.choose_column(item), "column")
        )
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(site_label)
        left_layout.addWidget(self.site_box)
        left_layout.addWidget(self.tree, 1)
        return left

    def _grid_side(self) -> QWidget:
        """Who publishes, the grid, its legend, and granting or revoking at the node."""
        self.node_title = QLabel(self)
        self.node_title.setObjectName("nodeTitle")
        self.node_title.setStyleSheet("font-weight: bold;")
        self.publishers = QLabel(self)
        self.publishers.setObjectName("whoPublishes")
        self.publishers.setWordWrap(True)
        self.model = RecordsModel(GRID_COLUMNS, parent=self)
        self.view = records_view(self.model, GRID_COLUMNS, "grid", self)
        self.view.setSelectionBehavior(self.view.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(self._cell_chosen)
        self.view.doubleClicked.connect(lambda _i: spawn(self.grant_here(), "grant"))

        self.account = QLineEdit(self)
        self.account.setObjectName("gridAccount")
        self.account.setPlaceholderText(self.tr("账号"))
        self.role = QComboBox(self)
        self.role.setObjectName("gridRole")
        for role in ROLE_ORDER:
            self.role.addItem(translated(ROLES[role]), role.value)
        self.expiry = ExpiryEdit(self.database.zone, self)
        self.grant_button = QPushButton(self.tr("在此授予(&G)"), self)
        self.grant_button.setObjectName("grantHere")
        self.revoke_button = QPushButton(self.tr("撤销本级授权(&R)"), self)
        self.revoke_button.setObjectName("revokeHere")
        self.grant_button.clicked.connect(lambda: spawn(self.grant_here(), "grant"))
        self.revoke_button.clicked.connect(lambda: spawn(self.revoke_here(), "revoke"))
        QShortcut(QKeySequence.StandardKey.Delete, self.view, lambda: spawn(self.revoke_here()))
        bar = QHBoxLayout()
        bar.addWidget(self.account, 1)
        bar.addWidget(self.role)
        bar.addWidget(self.expiry)
        bar.addWidget(self.grant_button)
        bar.addWidget(self.revoke_button)
        self.outcome = message_label(self, "gridOutcome")
        legend = QLabel(
            self.tr(
                "● 本级授权　↑ 继承自整站或上级栏目　✕ 已过期（不再生效）；双击单元格在此授予。"
            ),
            self,
        )
        legend.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.node_title)
        right_layout.addWidget(self.publishers)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(legend)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.outcome)
        return right

    async def refresh(self) -> None:
        """Reload the sites, then the chosen node's grid."""
        sites = await attempt(self.outcome, self.database.shared(scopes.sites, self.actor))
        if sites is REFUSED:
            return
        self.sites = sites
        chosen = self.site.id if self.site else None
        self.site_box.blockSignals(True)
        self.site_box.clear()
        for site in self.sites:
            suffix = self.tr("（已下线）") if site.closed else ""
            self.site_box.addItem(f"{site.code} {site.name}{suffix}", site.id)
        index = self.site_box.findData(chosen) if chosen is not None else -1
        self.site_box.setCurrentIndex(max(index, 0))
        self.site_box.blockSignals(False)
        if chosen is None or index < 0:
            await self.choose_site()
        else:
            await self.load_grid()

    async def choose_site(self) -> None:
        """Show the chosen site's column tree and its site-level grid."""
        site_id = self.site_box.currentData()
        self.site = next((s for s in self.sites if s.id == site_id), None)
        self.tree.blockSignals(True)
        self.tree.clear()
        if self.site is None:
            self.tree.blockSignals(False)
            return
        columns = await attempt(
            self.outcome, self.database.call(scopes.columns, self.actor, self.site.id)
        )
        if columns is REFUSED:
            self.tree.blockSignals(False)
            return
        root = QTreeWidgetItem(self.tree, [self.tr("整站：{name}").format(name=self.site.name)])
        root.setData(0, COLUMN_ROLE, None)
        items: dict[int, QTreeWidgetItem] = {}
        for column in columns:
            parent = items.get(column.parent_id or -1, root)
            item = QTreeWidgetItem(parent, [column.name])
            item.setData(0, COLUMN_ROLE, column.id)
            item.setToolTip(0, column.path)
            items[column.id] = item
        self.tree.expandAll()
        self.tree.setCurrentItem(root)
        self.tree.blockSignals(False)
        self.column_id = None
        await self.load_grid()

    async def choose_column(self, item: QTreeWidgetItem | None) -> None:
        """Show the grid of the chosen column (or of the whole site)."""
        if item is None:
            return
        self.column_id = item.data(0, COLUMN_ROLE)
        await self.load_grid()

    def select_column(self, column_id: int | None) -> None:
        """Make the tree's current item the column ``column_id`` (None: the whole site)."""
        found = self.tree.topLevelItem(0)
        if column_id is not None:
            for item in self.tree.findItems(
                "", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
            ):
                if item.data(0, COLUMN_ROLE) == column_id:
                    found = item
        if found is not None:
            self.tree.setCurrentItem(found)

    async def load_grid(self) -> None:
        """Fetch every grant reaching the node and show it per account and role."""
        if self.site is None:
            return
        site_id = self.site.id
        held = await attempt(
            self.outcome, self.database.call(grants.grid, self.actor, site_id, self.column_id)
        )
        if held is REFUSED:
            return
        self.held = held
        dual = await attempt(
            self.outcome, self.database.call(grants.conflicts, self.actor, None, site_id)
        )
        if dual is REFUSED:
            return
        now = utcnow()
        here = {r.grant_id for r in self.held}
        flagged = frozenset(
            d.account_id for d in dual if {d.editor_grant_id, d.publisher_grant_id} <= here
        )
        zone = self.database.zone
        self.model.set_records(grid_rows(self.held, self.column_id, now, zone, flagged))
        item = self.tree.currentItem()
        node = item.text(0) if item is not None and self.column_id is not None else self.tr("整站")
        self.node_title.setText(
            self.tr("{site} › {node}：{n} 个账号").format(
                site=self.site.name, node=node, n=self.model.rowCount()
            )
        )
        self.publishers.setText(who_publishes(self.held, self.column_id, now, self.site.closed))

    def _cell_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row: GridRow = self.model.record(current.row())
        self.account.setText(row.first.username)
        if current.column() > 0:
            self.role.setCurrentIndex(current.column() - 1)

    async def grant_here(self) -> None:
        """Grant the chosen role to the named account at this node."""
        if self.site is None:
            return
        name = self.account.text().strip()
        found = await attempt(
            self.outcome, self.database.call(accounts.account_ids, self.actor, [name])
        )
        if found is REFUSED:
            return
        if not found:
            say(self.outcome, self.tr("账号 {u} 不存在。").format(u=name or "—"), "bad")
            return
        request = GrantRequest(
            next(iter(found.values())),
            self.role.currentData(),
            self.site.id,
            self.column_id,
            self.expiry.value(),
        )
        if (
            await attempt(self.outcome, self.database.call(grants.grant, self.actor, request))
            is REFUSED
        ):
            return
        say(
            self.outcome,
            self.tr("已授予 {u}“{role}”。").format(u=name, role=self.role.currentText()),
            "good",
        )
        await self.load_grid()

    async def revoke_here(self) -> None:
        """Revoke the selected cell's grant made at this node (inherited ones are revoked above)."""
        index = self.view.currentIndex()
        if not index.isValid() or index.column() == 0:
            say(self.outcome, self.tr("请选择一个角色单元格。"), "bad")
            return
        row: GridRow = self.model.record(index.row())
        role = ROLE_ORDER[index.column() - 1].value
        cell = row.cells.get(role, GridCell())
        here = [r for _standing, r in cell.grants if r.column_id == self.column_id]
        if not here:
            say(self.outcome, self.tr("此处没有本级授权；继承的授权请到其来源处撤销。"), "bad")
            return
        right = here[0]
        question = self.tr("撤销 {u} 在 {scope} 的“{role}”授权？").format(
            u=row.first.username, scope=right.scope_label, role=translated(ROLES[role])
        )
        if not await confirm(self, self.tr("撤销授权"), question):
            return
        revoke = self.database.call(grants.revoke, self.actor, right.grant_id)
        if await attempt(self.outcome, revoke) is REFUSED:
            return
        say(self.outcome, self.tr("已撤销授权 #{id}。").format(id=right.grant_id), "good")
        await self.load_grid()
