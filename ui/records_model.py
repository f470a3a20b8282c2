"""One read-only table model for lists computed whole: urgency lists, calendars, rights, grids,
previews, inspection risks. At most a few thousand records, each a plain value.

Lists that can grow without bound page from SQL (``PagedModel``). Here the model holds the
records and ``Column``s say how each is shown when the view asks: its text, its width, the
tone of the text and its tooltip; a whole row may be shaded (by urgency). A column of dates
or times (``timed``) is shown in the cluster's zone the owner sets on the model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from console.base import clock
from ui.i18n import translated
from ui.table_views import read_only_rows

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

TONES = {
    "good": QColor("#1b7f3b"),
    "muted": QColor("#7a7a7a"),
    "bad": QColor("#b3261e"),
    "warn": QColor("#9a6700"),
}
# Text on a shaded row stays dark, whatever the desktop's theme makes of plain text.
SHADED_TEXT = QColor("#202020")


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its heading (a catalogue source string, translated when shown), a record's
    text in it, its width in digits (a Chinese character counts two), and optionally the
    tone of the text (a key of ``TONES``) and a tooltip; without one, the text is the tooltip.
    """

    title: str
    text: Callable[[R], str]
    width: int = 12
    tone: Callable[[R], str | None] | None = None
    tip: Callable[[R], str] | None = None
    # A date, or a stored time, shown in the model's zone instead of ``text``.
    when: Callable[[R], dt.date | None] | None = None


def timed(title: str, when: Callable[[R], dt.date | None], width: int = 16) -> Column[R]:
    """A column of a record's date or stored time, shown in the cluster's zone."""
    return Column(title, lambda _record: "", width, when=when)


def cell_text(column: Column[Any], record: Any, zone: ZoneInfo) -> str:
    """What ``column`` shows of ``record``, times in ``zone``."""
    if column.when is not None:
        return clock.shown(column.when(record), zone)
    return column.text(record)


def headings(columns: Sequence[Column[Any]]) -> list[str]:
    """The translated headings of ``columns`` (as shown, and for export)."""
    return [translated(column.title) for column in columns]


class RecordsModel(QAbstractTableModel):
    """Records shown through ``columns``; ``shade`` colours a whole row (or leaves it);
    ``zone`` is the cluster's time zone its times are shown in."""

    zone: ZoneInfo = clock.zone_named(clock.DEFAULT_ZONE)

    def __init__(
        self,
        columns: Sequence[Column[Any]],
        shade: Callable[[Any], QColor | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.records: list[Any] = []
        self._shade = shade

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per record (none under a valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One per column."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, tooltip, tone (foreground) and shade (background)."""
        if not index.isValid() or index.row() >= len(self.records):
            return None
        record, column = self.records[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(column, record, self.zone)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = column.tip(record) if column.tip else cell_text(column, record, self.zone)
            return tip or None
        if role == Qt.ItemDataRole.ForegroundRole:
            tone = column.tone(record) if column.tone is not None else None
            if tone is not None:
                return QBrush(TONES[tone])
            return QBrush(SHADED_TEXT) if self._shaded(record) is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self._shaded(record)
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Translated headings across; row numbers down."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            in_range = 0 <= section < len(self.columns)
            return translated(self.columns[section].title) if in_range else None
        return section + 1

    def _shaded(self, record: Any) -> QColor | None:
        return self._shade(record) if self._shade is not None else None

    def set_records(self, records: Sequence[Any]) -> None:
        """Show ``records`` instead of what was shown."""
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        """The record shown in ``row``."""
        return self.records[row]

    def headings(self) -> list[str]:
        """The translated headings (for export)."""
        return headings(self.columns)

    def rows_as_text(self) -> list[list[str]]:
        """Every row as shown (for export)."""
        return [[cell_text(c, record, self.zone) for c in self.columns] for record in self.records]


def records_view(
    model: QAbstractItemModel, columns: Sequence[Column[Any]], name: str, parent: QWidget
) -> QTableView:
    """A read-only, row-selecting table over ``model``, its widths taken from ``columns``."""
    view = read_only_rows(QTableView(parent), name)
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    header = view.horizontalHeader()
    digit = view.fontMetrics().horizontalAdvance("0")
    for position, column in enumerate(columns):
        header.resizeSection(position, (max(column.width, 4) + 3) * digit)
    return view
