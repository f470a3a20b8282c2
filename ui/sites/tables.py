"""Small read-only tables of text (a site's domains and history, previews of bulk work)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from ui.table_views import read_only_rows

SIZING_ROWS = 200


def make_table(parent: QWidget, headings: list[str]) -> QTableWidget:
    """A read-only table of whole rows with ``headings``."""
    table = QTableWidget(0, len(headings), parent)
    table.setHorizontalHeaderLabels(headings)
    read_only_rows(table, "")
    # Fitting columns to their contents reads this many rows, not a whole large import.
    table.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """Replace the table's rows with ``rows`` of text."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
