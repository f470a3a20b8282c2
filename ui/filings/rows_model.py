"""A read-only table over a Python list of records (statuses, calendar entries, live probes).

These lists are computed by the rules (one row per watched site at most), not paged from SQL;
the records are plain frozen values, columns say how to show them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from console.filings.rules import Urgency

Index = QModelIndex | QPersistentModelIndex

TONES = {
    Urgency.OVERDUE: QColor("#f8d0cc"),
    Urgency.PROBLEM: QColor("#fbe3c4"),
    Urgency.DUE: QColor("#fbf3c0"),
}


@dataclass(frozen=True)
class Column:
    """A column: its heading (a catalogue source string), how to show a record, its width."""

    title: str
    text: Callable[[Any], str]
    width: int = 12


class RecordRows:
    """What both row models offer: the record of a row, the rows as text, the headings."""

    columns: tuple[Column, ...]
    records: list[Any]

    def record(self, row: int) -> Any:
        """The record shown in ``row``."""
        return self.records[row]

    def rows_as_text(self) -> list[list[str]]:
        """Every row as shown (for export)."""
        return [[c.text(r) for c in self.columns] for r in self.records]

    def headings(self) -> list[str]:
        """The translated headings (for export)."""
        return [QCoreApplication.translate("", c.title) for c in self.columns]


class RowsModel(RecordRows, QAbstractTableModel):
    """Rows of records shown through ``columns``; ``tone`` colours a row by urgency."""

    def __init__(
        self,
        columns: Sequence[Column],
        tone: Callable[[Any], Urgency | None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.records: list[Any] = []
        self._tone = tone

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.records):
            return None
        record = self.records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].text(record)
        if role == Qt.ItemDataRole.BackgroundRole and self._tone is not None:
            colour = TONES.get(self._tone(record))  # type: ignore[arg-type]
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and self._tone is not None:
            return QBrush(QColor("#202020")) if self._tone(record) in TONES else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate("", self.columns[section].title)
        return None

    def set_records(self, records: Sequence[Any]) -> None:
        """Show ``records`` instead of what was shown."""
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def extend(self, records: Sequence[Any]) -> None:
        """Add ``records`` at the end in one insertion (probe outcomes as they arrive)."""
        if not records:
            return
        row = len(self.records)
        self.beginInsertRows(QModelIndex(), row, row + len(records) - 1)
        self.records.extend(records)
        self.endInsertRows()


class StreamedRows(RecordRows, QStandardItemModel):
    """Rows appended as they arrive (a sweep's outcomes), held as Qt items.

    Painting them runs no Python: while a sweep's probe threads hold the interpreter, every
    ``data()`` call of a Python model would wait its turn, and a repaint would stall the window.
    """

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = tuple(columns)
        self.records = []
        self.setHorizontalHeaderLabels(self.headings())

    def extend(self, records: Sequence[Any]) -> None:
        """Add ``records`` at the end."""
        for record in records:
            items = []
            for column in self.columns:
                text = column.text(record)
                item = QStandardItem(text)
                item.setEditable(False)
                item.setToolTip(text)
                items.append(item)
            self.appendRow(items)
        self.records.extend(records)

    def set_records(self, records: Sequence[Any]) -> None:
        """Show ``records`` instead of what was shown."""
        self.removeRows(0, self.rowCount())
        self.records = []
        self.extend(records)
