"""The changes between any two versions of one preset, column by column."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.base import clock
from console.base.actor import Actor
from console.presets import service as presets
from console.presets.diff import CHANGE_LABELS
from ui.forms import REFUSED, attempt
from ui.i18n import translated
from ui.tasks import Database, spawn


class DiffDialog(QDialog):
    """Two version choosers (from, to) and the changes that lead from one to the other."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        versions: list[presets.VersionInfo],
        version_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diffDialog")
        self.setWindowTitle(self.tr("比较版本"))
        self.database, self.actor = database, actor
        self.older = QComboBox(self)
        self.older.setObjectName("olderVersion")
        self.newer = QComboBox(self)
        self.newer.setObjectName("newerVersion")
        for box in (self.older, self.newer):
            for info in versions:
                box.addItem(
                    self.tr("第 {number} 版（{at}）{note}").format(
                        number=info.number,
                        at=clock.shown(info.created_at, database.zone),
                        note=info.note,
                    ),
                    info.version_id,
                )
        # Versions come newest first: by default, what the loaded version changed.
        ids = [info.version_id for info in versions]
        loaded = ids.index(version_id) if version_id in ids else 0
        self.newer.setCurrentIndex(loaded)
        self.older.setCurrentIndex(min(loaded + 1, len(ids) - 1))
        self.summary = QLabel(self)
        self.summary.setObjectName("diffSummary")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("diffTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("变化"),
                self.tr("栏目代码"),
                self.tr("栏目名称"),
                self.tr("原"),
                self.tr("新"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("从："), self))
        top.addWidget(self.older, 1)
        top.addWidget(QLabel(self.tr("到："), self))
        top.addWidget(self.newer, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 460)
        for box in (self.older, self.newer):
            box.currentIndexChanged.connect(lambda _i: spawn(self.show_changes(), "diff"))

    async def show_changes(self) -> None:
        """List the changes from the "from" version to the "to" version."""
        old, new = self.older.currentData(), self.newer.currentData()
        self.table.setRowCount(0)
        if old == new:
            self.summary.setText(self.tr("选择了同一个版本：没有差异。"))
            return
        changes = await attempt(
            self.summary.setText,
            self.database.call(presets.compare_versions, self.actor, old, new),
        )
        if changes is REFUSED:
            return
        self.summary.setText(self.tr("{n} 处变化").format(n=len(changes)))
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            cells = [
                translated(CHANGE_LABELS[change.kind]),
                change.code,
                change.name,
                change.old,
                change.new,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
