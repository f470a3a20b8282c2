"""A small read-only table of prepared rows (rights, previews, the grid): at most a few thousand.

Lists that can grow without bound use ``PagedModel``; these tables show the answer to one
question (an account's rights, a node's grants, a bulk preview), already complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex

TONES = {
    "good": QColor("#1b7f3b"),
    "muted": QColor("#7a7a7a"),
    "bad": QColor("#b3261e"),
    "warn": QColor("#9a6700"),
}
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Row:
    """One row: its cells, an optional payload (what the row stands for) and tone per cell."""

    cells: Sequence[str]
    payload: Any = None
    tones: Sequence[str | None] = ()
    tips: Sequence[str] = ()


class RowsModel(QAbstractTableModel):
    """Rows set all at once; text, tone (colour) and tooltip per cell; payload per row."""

    def __init__(self, headings: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headings = list(headings)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row], headings: Sequence[str] | None = None) -> None:
        """Replace every row (and, optionally, the headings)."""
        self.beginResetModel()
        if headings is not None:
            self.headings = list(headings)
        self.rows = list(rows)
        self.endResetModel()

    def payload(self, row: int) -> Any:
        """What row ``row`` stands for."""
        return self.rows[row].payload

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows held (none under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per heading."""
        return 0 if parent.isValid() else len(self.headings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, its tone as the foreground colour, its tooltip, the row's payload."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column >= len(row.cells):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tips[column] if column < len(row.tips) and row.tips[column] else None
        if role == Qt.ItemDataRole.ForegroundRole:
            tone = row.tones[column] if column < len(row.tones) else None
            return QBrush(TONES[tone]) if tone else None
        if role == PAYLOAD_ROLE:
            return row.payload
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Headings across; row numbers down."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headings[section] if 0 <= section < len(self.headings) else None
        return section + 1
