"""One list of a tab: quick filter, counts in the header, the lazy table, refresh and export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import joined
from console.base.listing import Listing, export_listing
from ui.dialogs import export_path
from ui.forms import exported, exported_text
from ui.i18n import translated
from ui.paged_model import PagedModel
from ui.tasks import Database, spawn

FILTER_DELAY_MS = 250


class ListPane(QWidget):
    """A filterable, exportable, lazily loaded list of one ``Listing``."""

    refreshed = Signal(object)

    def __init__(
        self, listing: Listing, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.listing = listing
        self.setObjectName(f"pane_{listing.name}")
        self.model = PagedModel(listing, database, actor, self)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("quickFilter")
        searched = joined(translated(f.title) for f in listing.fields if f.searchable)
        self.filter.setPlaceholderText(
            self.tr("快速筛选：{fields}（Ctrl+F）").format(fields=searched)
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("快速筛选"))
        self.counts = QLabel(self)
        self.counts.setObjectName("counts")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        # The window's 刷新当前页 action owns the Refresh key; a second owner would make the
        # shortcut ambiguous and neither would fire.
        refresh_key = QKeySequence(QKeySequence.StandardKey.Refresh).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.refresh_button.setToolTip(self.tr("从数据库重新读取（{key}）").format(key=refresh_key))
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setToolTip(self.tr("把当前筛选结果导出为 CSV 或 XLSX"))
        self.status = QLabel(self)
        self.status.setObjectName("paneStatus")
        self.status.setWordWrap(True)
        self.status.hide()

        self.view = self._table(listing)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.counts)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.model.set_text_filter(self.filter.text()))
        self.filter.textChanged.connect(lambda _text: self._debounce.start())
        self.filter.returnPressed.connect(self._apply_filter_now)
        self.refresh_button.clicked.connect(lambda: spawn(self.refresh(), "refresh"))
        self.export_button.clicked.connect(lambda: spawn(self.export(), "export"))
        self.model.countsChanged.connect(self._show_counts)
        self.model.failed.connect(self._show_failure)
        self.model.loaded.connect(self._loaded)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter.setFocus)
        self._show_counts(0, 0)

    def _table(self, listing: Listing) -> QTableView:
        """The rows: sorted by clicking a heading (in SQL), one line high, sized by field."""
        view = QTableView(self)
        view.setObjectName("table")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        vertical = view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.hide()
        header = view.horizontalHeader()
        default = [f.key for f in listing.fields].index(listing.default_sort)
        header.setSortIndicator(
            default,
            Qt.SortOrder.DescendingOrder
            if listing.default_descending
            else Qt.SortOrder.AscendingOrder,
        )
        view.setSortingEnabled(True)
        header.setStretchLastSection(True)
        # Widths come from the field (in digits; a Chinese character counts two), never from
        # measuring rows: resizing to contents reads every row through Python.
        digit = self.fontMetrics().horizontalAdvance("0")
        for column, field in enumerate(listing.fields):
            header.resizeSection(column, (max(field.width, 4) + 3) * digit)
        return view

    async def refresh(self) -> None:
        """Reload the list from the database, keeping the filter and sort."""
        await self.model.reload()

    def _apply_filter_now(self) -> None:
        self._debounce.stop()
        self.model.set_text_filter(self.filter.text())

    def _show_counts(self, shown: int, total: int) -> None:
        self.counts.setText(self.tr("显示 {shown} / {total}").format(shown=shown, total=total))

    def _show_failure(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()

    def _loaded(self, when: dt.datetime) -> None:
        self.status.hide()
        self.refreshed.emit(when)

    async def export(self) -> None:
        """Ask where to save, then export the current filtered list off the UI thread."""
        title = translated(self.listing.title)
        path = await export_path(self, self.tr("导出列表"), title, self.model.database.today())
        if path is not None:
            await self.export_to(path)

    async def export_to(self, path: Path) -> int:
        """Export the current filtered list to ``path``; tells the operator the outcome."""
        self.export_button.setEnabled(False)
        model = self.model
        try:
            written = await exported(
                self._show_failure,
                model.database.call(export_listing, model.actor, self.listing, model.query, path),
            )
        finally:
            self.export_button.setEnabled(True)
        if written is None:
            return 0
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("导出完成"),
            exported_text(written, path),
            parent=self,
        )
        box.open()
        return written
