"""Exporting a list as the operator sees it: CSV (Excel-friendly UTF-8) or XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from console.base import clock
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP

FORMATS = ("csv", "xlsx")
UNKNOWN_FORMAT = QT_TR_NOOP("不支持的导出格式：{suffix}（可用 .csv 或 .xlsx）")
NO_FOLDER = QT_TR_NOOP("文件夹 {folder} 不存在，无法写入 {name}。")
NOT_WRITABLE = QT_TR_NOOP("无法写入 {path}：没有权限，或该位置是文件夹。")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_DATETIME = "yyyy-mm-dd hh:mm"
XLSX_DATE = "yyyy-mm-dd"

# What an exported cell holds: text, a date, or an aware time (in the cluster's zone).
Cell = str | dt.datetime | dt.date
# A further sheet of an XLSX file: its title, headings and rows.
Sheet = tuple[str, Sequence[str], Iterable[Sequence[Cell]]]


def dated_name(title: str, suffix: str, today: dt.date) -> str:
    """A file name such as ``站点_2026-11-22.xlsx`` (``today`` in the cluster's zone)."""
    return f"{title}_{today.isoformat()}.{suffix}"


def _safe(cell: str) -> str:
    """Neutralise text a spreadsheet would run as a formula (CSV/formula injection)."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _text(cell: Cell) -> str:
    """A cell as CSV text: times and dates in the one display format of ``clock.shown``."""
    if isinstance(cell, str):
        return _safe(cell)
    zone = cell.tzinfo if isinstance(cell, dt.datetime) else None
    return clock.shown(cell, zone or dt.UTC)


def _xlsx(sheet: Any, cell: Cell) -> object:
    """A cell as XLSX holds it: a real date-time (the wall clock of its zone) or date."""
    if isinstance(cell, str):
        return _safe(cell)
    typed = WriteOnlyCell(sheet)
    if isinstance(cell, dt.datetime):
        typed.value = clock.local(cell, cell.tzinfo or dt.UTC).replace(tzinfo=None)
        typed.number_format = XLSX_DATETIME
    else:
        typed.value = cell
        typed.number_format = XLSX_DATE
    return typed


def require_writable(path: Path) -> None:
    """Refuse, before any work, a file to write whose folder is missing or that is a folder."""
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(NO_FOLDER, folder=str(folder), name=path.name)
    if path.is_dir():
        raise InvalidInput(NOT_WRITABLE, path=str(path))


def write_table(
    path: Path,
    headings: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    progress: Callable[[int], None] | None = None,
    more: Sequence[Sheet] = (),
) -> int:
    """Write ``rows`` under fixed ``headings`` to ``path`` (format from its suffix); an XLSX
    file gets the sheets of ``more`` after the first (a CSV file holds one table: none).

    Times must be aware (``clock.local``): XLSX gets real date-time cells in their zone, CSV
    the one text format.

    The file appears complete or not at all: rows go to a temporary file that replaces
    ``path`` at the end. Returns the number of rows written to the first sheet.
    """
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InvalidInput(UNKNOWN_FORMAT, suffix=path.suffix or "?")
    require_writable(path)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=path.suffix)
    except PermissionError:
        raise InvalidInput(NOT_WRITABLE, path=str(path)) from None
    os.close(handle)
    written = 0
    try:
        if suffix == "csv":
            with open(temporary, "w", encoding="utf-8-sig", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(headings)
                for row in rows:
                    writer.writerow([_text(cell) for cell in row])
                    written += 1
                    if progress and written % 1000 == 0:
                        progress(written)
        else:
            book = Workbook(write_only=True)
            written = _fill(book.create_sheet(), headings, rows, progress)
            for title, more_headings, more_rows in more:
                _fill(book.create_sheet(title), more_headings, more_rows)
            book.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return written


def _fill(
    sheet: Any,
    headings: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    progress: Callable[[int], None] | None = None,
) -> int:
    sheet.append(list(headings))
    written = 0
    for row in rows:
        sheet.append([_xlsx(sheet, cell) for cell in row])
        written += 1
        if progress and written % 1000 == 0:
            progress(written)
    return written
