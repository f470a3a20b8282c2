"""The 栏目预设 tab: preset versions with their tree editor, and the inspection risk list."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.presets import service as presets
from console.schema import Duty
from ui.area_tab import AreaTab, TabSpec
from ui.dialogs import chosen_file, finished
from ui.drill import Drill
from ui.flow import FlowLayout
from ui.forms import REFUSED, attempt
from ui.list_pane import ListPane
from ui.presets.apply import ApplyDialog
from ui.presets.diff import DiffDialog
from ui.presets.editor import PresetEditor
from ui.presets.risks import RiskPage
from ui.tasks import Database, spawn

REFRESH_AFTER_APPLY = "refresh after apply"


class PresetsTab(AreaTab):
    """Preset versions (list + tree editor + apply) and the cluster-wide risk list."""

    def __init__(
        self, spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, database, actor, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not actor.holds(*presets.PRESET_VERSIONS.readers):
            layout.addWidget(self.access_note(sorted(presets.PRESET_VERSIONS.readers)))
            self.pane: ListPane | None = None
            return
        self.pane = self.adopt(ListPane(presets.PRESET_VERSIONS, database, actor, self))
        self.editor = PresetEditor(database, actor, self)
        self.risks = RiskPage(database, actor, self)
        admin = actor.holds(Duty.SYSTEM_ADMIN)
        self.import_button = QPushButton(self.tr("导入 JSON…"), self)
        self.defaults_button = QPushButton(self.tr("安装默认预设"), self)
        self.apply_button = QPushButton(self.tr("应用到站点…"), self)
        self.compare_button = QPushButton(self.tr("比较版本…"), self)
        for button in (self.import_button, self.defaults_button, self.apply_button):
            button.setEnabled(admin)
        self.message = QLabel(self)
        self.message.setObjectName("presetsMessage")
        self.message.setWordWrap(True)

        buttons = FlowLayout()
        for button in (
            self.import_button,
            self.defaults_button,
            self.compare_button,
            self.apply_button,
        ):
            buttons.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.pane, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        # One page: the standard on top, the sites at risk under it, both in view at once.
        self.outer = QSplitter(Qt.Orientation.Vertical, self)
        self.outer.setObjectName("presetsSplit")
        self.outer.addWidget(split)
        self.outer.addWidget(self.risks)
        self.outer.setStretchFactor(0, 3)
        self.outer.setStretchFactor(1, 2)
        layout.addWidget(self.outer)

        self.pane.view.selectionModel().currentRowChanged.connect(self._version_chosen)
        self.editor.saved.connect(lambda _id: spawn(self.pane_refresh(), "refresh presets"))
        self.import_button.clicked.connect(lambda: spawn(self.import_file(), "import preset"))
        self.defaults_button.clicked.connect(lambda: spawn(self.install_defaults(), "defaults"))
        self.apply_button.clicked.connect(lambda: spawn(self.open_apply(), "apply preset"))
        self.compare_button.clicked.connect(lambda: spawn(self.compare(), "compare versions"))
        self.risks.fix_requested.connect(
            lambda *target: spawn(self.fix_site(*target), "apply to one site")
        )

    async def refresh(self) -> None:
        """Reload the preset list and the risk list."""
        if self.pane is None:
            return
        await asyncio.gather(self.pane.refresh(), self.risks.refresh())

    def show_filtered(self, drill: Drill) -> None:
        """The risk list narrowed to the drill's rule (any rule when none) and region."""
        if self.pane is not None:
            self.risks.narrow(drill)

    def holds_unsaved_edits(self) -> bool:
        """Whether the column tree holds edits not yet saved as a version."""
        return self.pane is not None and not self.editor.stack.isClean()

    async def save_edits(self) -> bool:
        """Save the edited tree as the next version, as 保存为新版本 does."""
        return self.pane is None or await self.editor.save() is not None

    async def pane_refresh(self) -> None:
        """Reload the preset list only."""
        if self.pane is not None:
            await self.pane.refresh()

    def selected_version(self) -> int | None:
        """The version id of the current row of the preset list."""
        if self.pane is None:
            return None
        row = self.pane.view.currentIndex().row()
        return self.pane.model.row_id(row) if row >= 0 else None

    def _version_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.pane is not None:
            spawn(self.open_version(self.pane.model.row_id(current.row())), "load preset")

    async def open_version(self, version_id: int) -> bool:
        """Show ``version_id`` in the editor; unsaved edits are dropped only when confirmed."""
        if not self.editor.stack.isClean():
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("未保存的修改"),
                self.tr("当前栏目树有未保存的修改。放弃这些修改并打开所选版本吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if await finished(box) != QMessageBox.StandardButton.Discard.value:
                self.message.setText(self.tr("已保留未保存的修改：请先保存或撤销。"))
                return False
        await self.editor.load(version_id)
        return True

    async def import_file(self) -> None:
        """Ask for a preset file and import it (a new preset or the next version)."""
        path = await chosen_file(self, self.tr("导入栏目预设"), [self.tr("栏目预设 (*.json)")])
        if path is not None:
            await self.import_path(path)

    async def import_path(self, path: Path) -> int | None:
        """Import the preset file at ``path``; says what happened."""
        version_id = await attempt(
            self.message.setText, self.database.call(presets.import_preset, self.actor, path)
        )
        if version_id is REFUSED:
            return None
        self.message.setText(self.tr("已导入 {file}。").format(file=path.name))
        await self.pane_refresh()
        await self.editor.load(version_id)
        return version_id

    async def install_defaults(self) -> None:
        """Create the shipped presets missing from the database."""
        created = await attempt(
            self.message.setText, self.database.call(presets.install_defaults, self.actor)
        )
        if created is REFUSED:
            return
        self.message.setText(self.tr("已安装 {n} 个默认预设。").format(n=len(created)))
        await self.pane_refresh()

    async def open_apply(self) -> ApplyDialog | None:
        """Open the apply dialog for the selected version."""
        version_id = self.selected_version()
        if version_id is None or self.editor.version is None:
            self.message.setText(self.tr("请先在列表中选择一个预设版本。"))
            return None
        version = self.editor.version
        return self._apply_dialog(version_id, version.preset.name, version.number)

    async def fix_site(self, version_id: int, name: str, number: int, site_code: str) -> None:
        """Preview (then, if the operator wants, apply) a site's followed version to it."""
        dialog = self._apply_dialog(version_id, name, number)
        dialog.chosen.setChecked(True)
        dialog.codes.setText(site_code)
        await dialog.load_preview()

    def _apply_dialog(self, version_id: int, name: str, number: int) -> ApplyDialog:
        title = self.tr("{name} 第 {number} 版").format(name=name, number=number)
        dialog = ApplyDialog(self.database, self.actor, version_id, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: spawn(self.refresh(), REFRESH_AFTER_APPLY))
        dialog.open()
        return dialog

    async def compare(self) -> None:
        """Show the changes between the loaded version and another version of its preset."""
        version = self.editor.version
        if version is None:
            self.message.setText(self.tr("请先在列表中选择一个预设版本。"))
            return
        versions = await attempt(
            self.message.setText,
            self.database.call(presets.versions_of, self.actor, version.preset_id),
        )
        if versions is REFUSED:
            return
        if len(versions) < 2:
            self.message.setText(self.tr("该预设只有一个版本，无可比较。"))
            return
        dialog = DiffDialog(self.database, self.actor, versions, version.version_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        await dialog.show_changes()

    async def stage_for_screenshot(self) -> None:
        """The first preset with its tree, and the risk list with its first site."""
        if self.pane is None:
            return
        await self.refresh()
        if self.pane.model.rowCount():
            self.pane.view.selectRow(0)
            version_id = self.pane.model.row_id(0)
            await self.editor.load(version_id)
        if self.risks.model.rowCount():
            self.risks.view.selectRow(0)
            await self.risks.show_site(0)


def build(spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None) -> AreaTab:
    """The 栏目预设 tab."""
    return PresetsTab(spec, database, actor, parent)


TAB = TabSpec("presets", QT_TR_NOOP("栏目预设"), "sysadmin", build)
