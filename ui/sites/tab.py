"""The 站点 tab: the scope tree, the filtered site list, a site's detail, bulk work and import."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QMenu,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.base.labels import SITE_STATES, label_of
from console.presets.service import inspect
from console.schema import Duty, SiteState
from console.sites.lifecycle import Step
from console.sites.service import (
    BULK_FIELDS,
    SITES,
    BulkPlan,
    bulk_change_state,
    bulk_edit,
    plan_bulk_edit,
    plan_bulk_state,
)
from console.sites.views import site_id_of
from ui.area_tab import AreaTab, TabSpec
from ui.dialogs import finished
from ui.drill import RUNNING, Drill
from ui.forms import REFUSED, Refused, attempt
from ui.i18n import translated
from ui.list_pane import ListPane
from ui.sites.detail import FINAL_STEPS, SiteDetailPane
from ui.sites.dialogs import (
    TYPE_TO_CONFIRM_OVER,
    BulkDialog,
    BulkFieldDialog,
    ImportDialog,
    NewSiteDialog,
    choose_import_file,
)
from ui.sites.filters import FilterBar, SiteFilter
from ui.sites.tree import SiteTreeModel
from ui.tasks import Database, spawn

_state = label_of(SITE_STATES)
# How many skipped sites the report after a bulk change names one by one.
SKIPPED_SHOWN = 10


class SitesTab(AreaTab):
    """Tree | list | detail, with the register's bulk actions on the selection."""

    def __init__(
        self, spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, database, actor, parent)
        self.may_edit = actor.holds(Duty.SYSTEM_ADMIN)
        if not actor.holds(*SITES.readers):
            layout = QVBoxLayout(self)
            layout.addWidget(self.access_note(sorted(SITES.readers)))
            self.pane: ListPane | None = None
            return
        self.tree_model = SiteTreeModel(database, actor, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("siteTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderHidden(True)
        self.filters = FilterBar(self)
        self.pane = self.adopt(ListPane(SITES, database, actor, self))
        self.detail = SiteDetailPane(database, actor, self)
        self.subtree: int | None = None

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("sitesToolbar")
        self.new_action = self._action(self.tr("新建站点"), "Ctrl+N", self._new_site)
        self.import_action = self._action(self.tr("导入…"), "Ctrl+I", self._import)
        self.state_menu = QMenu(self.tr("批量变更状态"), self)
        for state in SiteState:
            self.state_menu.addAction(_state(state)).triggered.connect(
                lambda _c=False, s=str(state): spawn(self.bulk_state(s), "bulk-state")
            )
        state_action = self.state_menu.menuAction()
        state_action.setEnabled(self.may_edit)
        self.toolbar.addAction(state_action)
        self.edit_action = self._action(self.tr("批量修改…"), "Ctrl+E", self._bulk_edit)
        self.toolbar.addSeparator()
        self.save_filter_action = self._action(
            self.tr("保存当前筛选…"), None, lambda: spawn(self.save_filter(), "save-filter"), True
        )

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.filters)
        middle_layout.addWidget(self.pane, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("sitesSplitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(middle)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 760, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)

        self.filters.changed.connect(self._apply_filters)
        self.filters.applied.connect(self.apply_filter)
        self.filters.save_button.clicked.connect(lambda: spawn(self.save_filter(), "save-filter"))
        self.tree.selectionModel().currentChanged.connect(self._scope_chosen)
        self.pane.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pane.view.customContextMenuRequested.connect(self._context_menu)
        self.detail.changed.connect(lambda _id: spawn(self.pane_refresh(), "after-edit"))

    def _action(self, text: str, key: str | None, slot: Any, always: bool = False) -> QAction:
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setEnabled(always or self.may_edit)
        action.triggered.connect(lambda _c=False: slot())
        self.addAction(action)
        self.toolbar.addAction(action)
        return action

    # -- loading ---------------------------------------------------------------------------

    async def refresh(self) -> None:
        """Reload the list, the tree's top and the site shown."""
        if self.pane is None:
            return
        await asyncio.gather(self.pane.refresh(), self.tree_model.reload())
        self.tree.expand(self.tree_model.root_index())
        if self.detail.detail is not None and not self.detail.holds_unsaved_edits():
            await self.detail.load(self.detail.detail.id)

    def holds_unsaved_edits(self) -> bool:
        """Whether the site shown has edits not yet saved (never when the tab is closed)."""
        return self.pane is not None and self.detail.holds_unsaved_edits()

    async def save_edits(self) -> bool:
        """Save the site's edits as its 保存 button does."""
        return self.pane is None or await self.detail.save()

    async def pane_refresh(self) -> None:
        """Reload the list after a change, keeping the site shown."""
        if self.pane is not None:
            await self.pane.refresh()

    async def stage_for_screenshot(self) -> None:
        """Open the city portal's branch and show the site most at inspection risk."""
        if self.pane is None:
            return
        await self.tree_model.reload()
        root = self.tree_model.root_index()
        self.tree.expand(root)
        first = self.tree_model.index(0, 0, root)
        if first.isValid():
            self.tree.expand(first)
            self.tree_model.fetchMore(first)
            for _ in range(100):
                if self.tree_model.rowCount(first):
                    break
                await asyncio.sleep(0.01)
        at_risk = (await self.database.call(inspect, self.actor)).sites
        ids = [self.pane.model.row_id(r) for r in range(self.pane.model.rowCount())]
        row = ids.index(at_risk[0].site_id) if at_risk and at_risk[0].site_id in ids else 0
        self.pane.view.selectRow(row)
        if ids:
            await self.detail.load(ids[row])

    # -- filtering -------------------------------------------------------------------------

    def current_filter(self) -> SiteFilter:
        """The list's filters as they stand."""
        kind, state, level = self.filters.choices()
        text = self.pane.filter.text() if self.pane else ""
        return SiteFilter(text, kind, state, level, self.subtree)

    def _apply_filters(self) -> None:
        if self.pane is not None:
            self.pane.model.set_equals(self.current_filter().equals())

    def apply_filter(self, chosen: SiteFilter) -> None:
        """Show the list as ``chosen`` (a saved filter) describes it."""
        if self.pane is None:
            return
        self.subtree = chosen.subtree
        self._show_scope(chosen.subtree)
        self.pane.filter.setText(chosen.text)
        self.pane.model.set_text_filter(chosen.text)
        self.filters.show_filter(chosen)

    def show_filtered(self, drill: Drill) -> None:
        """The sites of the drill's subtree; running ones only when it counts running sites."""
        state = SiteState.RUNNING.value if drill.kind == RUNNING else ""
        self.apply_filter(SiteFilter(state=state, subtree=drill.under))

    def _show_scope(self, site_id: int | None) -> None:
        """Mark ``site_id`` (the whole cluster when None) in the tree without re-filtering."""
        index = self.tree_model.root_index() if site_id is None else self.tree_model.find(site_id)
        selection = self.tree.selectionModel()
        blocked = selection.blockSignals(True)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        else:
            selection.clear()
        selection.blockSignals(blocked)
        self.tree.viewport().update()

    async def save_filter(self, name: str | None = None) -> str | None:
        """Save the current filters by name."""
        return await self.filters.save_as(self.current_filter(), name)

    def _scope_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        site_id = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        self.subtree = site_id
        self._apply_filters()
        if site_id is not None:
            # The site picked in the tree opens too, not only its subtree in the list.
            spawn(self.show_row_site(int(site_id)), "site-detail")

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.pane is None or not current.isValid():
            return
        spawn(self.show_row_site(self.pane.model.row_id(current.row())), "site-detail")

    async def show_row_site(self, site_id: int) -> None:
        """Show ``site_id`` in the detail; unsaved edits of another site go only when agreed."""
        shown = self.detail.detail
        if shown is not None and self.detail.holds_unsaved_edits():
            if shown.id == site_id:
                return
            if not await self.detail.may_leave():
                self._select_row_of(shown.id)
                return
        await self.detail.load(site_id)

    def _select_row_of(self, site_id: int) -> None:
        if self.pane is None:
            return
        model = self.pane.model
        for row in range(model.rowCount()):
            if model.row_id(row) == site_id:
                self.pane.view.selectRow(row)
                return

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows of the list."""
        if self.pane is None:
            return []
        rows = sorted({i.row() for i in self.pane.view.selectionModel().selectedRows()})
        return [int(self.pane.model.row_id(r)) for r in rows]

    def _context_menu(self, where: QPoint) -> None:
        if self.pane is None:
            return
        menu = QMenu(self)
        menu.addAction(self.new_action)
        menu.addMenu(self.state_menu)
        menu.addAction(self.edit_action)
        menu.addSeparator()
        pane = self.pane
        menu.addAction(self.tr("导出当前列表…")).triggered.connect(
            lambda: spawn(pane.export(), "export")
        )
        menu.popup(self.pane.view.viewport().mapToGlobal(where))

    # -- changing --------------------------------------------------------------------------

    def _new_site(self) -> None:
        spawn(self.new_site(), "new-site")

    async def new_site(self) -> int | None:
        """Open the new-site form; the new site's id once registered."""
        dialog = NewSiteDialog(self.database, self.actor, self)
        accepted = await finished(dialog)
        site_id = dialog.site_id if accepted else None
        dialog.deleteLater()
        if site_id is not None:
            await self.refresh()
            await self.detail.load(site_id)
        return site_id

    def _import(self) -> None:
        spawn(self.import_file(), "import-sites")

    async def import_file(self, path: Any = None) -> int:
        """Choose a file (or use ``path``), preview every row, import all or nothing."""
        path = path or await choose_import_file(self)
        if path is None:
            return 0
        dialog = ImportDialog(self.database, self.actor, path, self)
        spawn(dialog.check(), "import-check")
        accepted = await finished(dialog)
        imported = dialog.imported if accepted else 0
        dialog.deleteLater()
        if imported:
            await self.refresh()
        return imported

    async def bulk_state(self, target: str, merge_into: int | None = None) -> BulkPlan | None:
        """Plan a state change of the selection, confirm it, apply it."""
        ids = self.selected_ids()
        if not ids:
            return None
        if target == SiteState.MERGED and merge_into is None:
            code = await self._ask_merge_target()
            if code is None:
                return None
            found = await attempt(self.tell, self.database.call(site_id_of, self.actor, code))
            if found is REFUSED:
                return None
            merge_into = found
        step = Step(target, merge_into)
        plan = await attempt(self.tell, self.database.call(plan_bulk_state, self.actor, ids, step))
        if plan is REFUSED:
            return None
        many = len(plan.ready) > TYPE_TO_CONFIRM_OVER
        word = _state(target) if target in FINAL_STEPS and many else None
        title = self.tr("批量转为“{state}”").format(state=_state(target))
        # Merged sites take their posts along: a site still holding posts could never retire.
        migrate = target == SiteState.MERGED
        return await self._confirm_and_run(title, plan, word, bulk_change_state, ids, step, migrate)

    async def _ask_merge_target(self) -> str | None:
        dialog = QInputDialog(self)
        dialog.setObjectName("mergeTargetDialog")
        dialog.setWindowTitle(self.tr("批量整合迁移"))
        dialog.setLabelText(self.tr("整合到的网站标识码（稿件一并迁入）："))
        accepted = await finished(dialog)
        code = dialog.textValue().strip() if accepted else ""
        dialog.deleteLater()
        return code or None

    def _bulk_edit(self) -> None:
        spawn(self.bulk_edit(), "bulk-edit")

    async def bulk_edit(
        self, field: str | None = None, value: str | None = None
    ) -> BulkPlan | None:
        """Ask which field to set to what (unless given), confirm, apply to the selection."""
        ids = self.selected_ids()
        if not ids:
            return None
        if field is None or value is None:
            asked = await self._ask_field()
            if asked is None:
                return None
            field, value = asked
        plan = await attempt(
            self.tell, self.database.call(plan_bulk_edit, self.actor, ids, field, value)
        )
        if plan is REFUSED:
            return None
        title = self.tr("批量修改“{field}”").format(field=translated(BULK_FIELDS[field]))
        return await self._confirm_and_run(title, plan, None, bulk_edit, ids, field, value)

    async def _ask_field(self) -> tuple[str, str] | None:
        dialog = BulkFieldDialog(self)
        accepted = await finished(dialog)
        answer = dialog.answer() if accepted else None
        dialog.deleteLater()
        return answer

    async def _confirm_and_run(
        self, title: str, plan: BulkPlan, word: str | None, service: Any, *args: Any
    ) -> BulkPlan | None:
        dialog = BulkDialog(title, plan, word, self)
        accepted = await finished(dialog)
        dialog.deleteLater()
        if not accepted:
            return None
        done: BulkPlan | Refused = await attempt(
            self.tell, self.database.call(service, self.actor, *args)
        )
        if done is REFUSED:
            return None
        await self.refresh()
        report = self.tr("已修改 {ready} 个网站，跳过 {skipped} 个。").format(
            ready=len(done.ready), skipped=len(done.skipped)
        )
        skipped = [f"{i.code} {i.name}：{i.reason}" for i in done.skipped[:SKIPPED_SHOWN]]
        if len(done.skipped) > SKIPPED_SHOWN:
            skipped.append(self.tr("……另有 {n} 个").format(n=len(done.skipped) - SKIPPED_SHOWN))
        self.tell("\n".join([report, *skipped]))
        return done

    def tell(self, message: str) -> None:
        """Show ``message`` above the list."""
        if self.pane is not None:
            self.pane.status.setText(message)
            self.pane.status.show()


def _build(spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None) -> AreaTab:
    return SitesTab(spec, database, actor, parent)


TAB = TabSpec("sites", QT_TR_NOOP("站点"), "sysadmin", _build)
