"""Reading tables operators bring in: CSV (UTF-8, with or without BOM, or GB18030) or XLSX.

Rows come back as dictionaries keyed by the heading row, every cell as stripped text, each
with its line number in the file so a preview can point at it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP

UNREADABLE = QT_TR_NOOP("无法读取文件 {name}：{reason}")
UNKNOWN_FORMAT = QT_TR_NOOP("不支持的文件格式：{suffix}（可用 .csv 或 .xlsx）")
EMPTY = QT_TR_NOOP("文件 {name} 没有标题行。")
NOT_XLSX = QT_TR_NOOP("文件 {name} 不是 XLSX 工作簿（可能是别的文件改了扩展名）。")
NO_FILE = QT_TR_NOOP("文件 {name} 不存在。")
NOT_A_FILE = QT_TR_NOOP("{name} 不是文件。")
NO_ACCESS = QT_TR_NOOP("没有权限读取文件 {name}。")
NOT_TEXT = QT_TR_NOOP("文件 {name} 不是 UTF-8 或 GB18030 编码的文本。")
ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class TableRow:
    """One data row: its line in the file and its cells by heading."""

    line: int
    cells: dict[str, str]


def read_table(path: Path) -> list[TableRow]:
    """The data rows of a CSV or XLSX file (blank rows skipped)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput(UNKNOWN_FORMAT, suffix=suffix or path.name)
    require_readable(path)
    try:
        grid = _csv_grid(path) if suffix == ".csv" else _xlsx_grid(path)
    except (zipfile.BadZipFile, InvalidFileException):
        raise InvalidInput(NOT_XLSX, name=path.name) from None
    except UnicodeError:
        raise InvalidInput(NOT_TEXT, name=path.name) from None
    except (OSError, ValueError, KeyError, TypeError, EOFError) as error:
        raise InvalidInput(UNREADABLE, name=path.name, reason=str(error)) from None
    if not grid:
        raise InvalidInput(EMPTY, name=path.name)
    headings = [h.strip() for h in grid[0]]
    rows: list[TableRow] = []
    for line, cells in enumerate(grid[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        padded = [*cells, *[""] * (len(headings) - len(cells))]
        rows.append(TableRow(line, {h: padded[i].strip() for i, h in enumerate(headings) if h}))
    return rows


def require_readable(path: Path) -> None:
    """Refuse, in the operator's words, a file that is missing, a folder, or not ours to read."""
    if not path.exists():
        raise InvalidInput(NO_FILE, name=str(path))
    if not path.is_file():
        raise InvalidInput(NOT_A_FILE, name=str(path))
    try:
        with path.open("rb"):
            pass
    except PermissionError:
        raise InvalidInput(NO_ACCESS, name=str(path)) from None


def _csv_grid(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return list(csv.reader(io.StringIO(text, newline="")))
    raise UnicodeError("encoding")


def _xlsx_grid(path: Path) -> list[list[str]]:
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
