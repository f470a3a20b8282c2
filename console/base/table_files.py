"""Reading tables operators bring in: CSV (UTF-8, with or without BOM, or GB18030) or XLSX.

Rows come back as dictionaries keyed by the heading row, every cell as stripped text, each
with its line number in the file so a preview can point at it. The usual ways a spreadsheet
goes wrong on the way are told with what to do: a UTF-16 or tab-separated "CSV" (Excel's
"Unicode text"), a title row above the headings, merged cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate

UNREADABLE = QT_TR_NOOP("无法读取文件 {name}：{reason}")
UNKNOWN_FORMAT = QT_TR_NOOP("不支持的文件格式：{suffix}（可用 .csv 或 .xlsx）")
EMPTY = QT_TR_NOOP("文件 {name} 没有标题行。")
NOT_XLSX = QT_TR_NOOP("文件 {name} 不是 XLSX 工作簿（可能是别的文件改了扩展名）。")
NO_FILE = QT_TR_NOOP("文件 {name} 不存在。")
NOT_A_FILE = QT_TR_NOOP("{name} 不是文件。")
NO_ACCESS = QT_TR_NOOP("没有权限读取文件 {name}。")
NOT_TEXT = QT_TR_NOOP("文件 {name} 不是 UTF-8 或 GB18030 编码的文本。")
UTF16 = QT_TR_NOOP(
    "文件 {name} 是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8（逗号分隔）”，"
    "或直接导入 XLSX 工作簿。"
)
TABS = QT_TR_NOOP(
    "文件 {name} 用制表符分隔各列：请另存为“CSV UTF-8（逗号分隔）”，或直接导入 XLSX 工作簿。"
)
TITLE_ROW = QT_TR_NOOP(
    "文件 {name} 的列标题在第 {line} 行：请删去上面的 {above} 行（如表格标题），"
    "让第 1 行就是列标题。"
)
MERGED = QT_TR_NOOP(
    "工作表中有合并单元格（{ranges}）：合并后只有左上角一格有值，请取消合并并填满每一格。"
)
ENCODINGS = ("utf-8-sig", "gb18030")
TITLE_SEARCH_ROWS = 10
MERGE_REF = re.compile(rb'<mergeCell ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
# Excel's day 0 (its serial numbers count from 1899-12-30, skipping its false 1900-02-29).
EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIALS = range(61, 2_958_466)  # 1900-03-01 … 9999-12-31
DAY_FORMS = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


@dataclass(frozen=True)
class TableRow:
    """One data row: its line in the file and its cells by heading."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Table:
    """The data rows of a file, and the merged cell ranges of its sheet (XLSX)."""

    rows: list[TableRow]
    merged: tuple[str, ...] = ()


def read_table(path: Path, expected: Collection[str] = (), sheet: str | None = None) -> Table:
    """The data rows of a CSV or XLSX file (blank rows skipped): of its first sheet, or of the
    sheet titled ``sheet`` (see ``sheet_titles``).

    ``expected``: headings the first row should hold; when it holds none of them but a row a
    little further down does, the file has a title row, and the refusal says which to delete.
    """
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput(UNKNOWN_FORMAT, suffix=suffix or path.name)
    require_readable(path)
    try:
        if suffix == ".csv":
            return _rows(path, _csv_grid(path), (), expected)
        merged = _merged_ranges(path) if sheet is None else ()
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            read = book.worksheets[0] if sheet is None else book[sheet]
            grid = ([_cell(v) for v in row] for row in read.iter_rows(values_only=True))
            return _rows(path, grid, merged, expected)
        finally:
            book.close()
    except (zipfile.BadZipFile, InvalidFileException):
        raise InvalidInput(NOT_XLSX, name=path.name) from None
    except UnicodeError:
        raise InvalidInput(NOT_TEXT, name=path.name) from None
    except (OSError, ValueError, KeyError, TypeError, EOFError) as error:
        raise InvalidInput(UNREADABLE, name=path.name, reason=str(error)) from None


def sheet_titles(path: Path) -> list[str]:
    """The titles of an XLSX file's sheets (none for another file, or one that cannot be
    read: ``read_table`` tells why)."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return []
    try:
        book = load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, InvalidFileException, OSError, ValueError, KeyError, TypeError):
        return []
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _rows(
    path: Path, grid: Iterator[list[str]], merged: tuple[str, ...], expected: Collection[str]
) -> Table:
    """The rows of ``grid`` by heading, read as they come (the grid is never held whole)."""
    first = list(itertools.islice(grid, TITLE_SEARCH_ROWS))
    if not first:
        raise InvalidInput(EMPTY, name=path.name)
    _check_headings(path, first, expected)
    headings = [(i, h.strip()) for i, h in enumerate(first[0]) if h.strip()]
    rows: list[TableRow] = []
    for line, cells in enumerate(itertools.chain(first[1:], grid), start=2):
        if not any(c.strip() for c in cells):
            continue
        width = len(cells)
        rows.append(TableRow(line, {h: cells[i].strip() if i < width else "" for i, h in headings}))
    return Table(rows, merged)


def merged_note(table: Table) -> str | None:
    """What to tell about the sheet's merged cells (None without any)."""
    if not table.merged:
        return None
    shown = ", ".join(table.merged[:5]) + (" …" if len(table.merged) > 5 else "")
    return translate("", MERGED).format(ranges=shown)


def _check_headings(path: Path, grid: Sequence[list[str]], expected: Collection[str]) -> None:
    first = [h.strip() for h in grid[0]]
    if len(first) == 1 and "\t" in first[0]:
        raise InvalidInput(TABS, name=path.name)
    if not expected or set(first) & set(expected):
        return
    for index, cells in enumerate(grid[1:TITLE_SEARCH_ROWS], start=1):
        if len({c.strip() for c in cells} & set(expected)) >= 2:
            raise InvalidInput(TITLE_ROW, name=path.name, line=index + 1, above=index)


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


def _csv_grid(path: Path) -> Iterator[list[str]]:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        raise InvalidInput(UTF16, name=path.name)
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        del raw
        return csv.reader(io.StringIO(text, newline=""))
    raise UnicodeError("encoding")


def _merged_ranges(path: Path) -> tuple[str, ...]:
    """The merged ranges the first worksheet declares (they follow its rows, at the end)."""
    book = load_workbook(path, read_only=True)
    try:
        inside = getattr(book.worksheets[0], "_worksheet_path", None)
    finally:
        book.close()
    if not inside:
        return ()
    found: list[str] = []
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(inside) as stream:
        while chunk := stream.read(1 << 20):
            text = tail + chunk
            found += [m.decode() for m in MERGE_REF.findall(text)]
            cut = text.rfind(b"<")
            tail = text[cut:] if cut >= 0 and b">" not in text[cut:] else b""
    return tuple(dict.fromkeys(found))


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


def day_of(text: str) -> dt.date:
    """A date as Chinese spreadsheets write it: ``2026-01-15``, ``2026/1/15``, ``2026.1.15``,
    ``2026年1月15日``, ``20260115`` (a time of day after it ignored), or an Excel serial number
    (``46037``, what a date cell formatted as a number holds). ``ValueError`` otherwise."""
    value = unicodedata.normalize("NFKC", text).strip()
    value = TIME_TAIL.sub("", value).strip()
    match = DAY_FORMS.fullmatch(value)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    if value.isdigit() and len(value) == 8:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    if value.isdigit() and int(value) in SERIALS:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    raise ValueError(text)
