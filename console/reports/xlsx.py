"""A ``Document`` as an Excel workbook: a sheet per section, numbers as numbers, and each
chart a native Excel chart over the data written beside it."""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, ParagraphProperties, RichTextProperties
from openpyxl.drawing.text import Paragraph as TextParagraph
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from console.reports.document import Chart, Document, Paragraph, Section, Table, written

SHEET_NAME_LIMIT = 31
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
HEADING_FILL = PatternFill("solid", fgColor="DDE6F0")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
CHART_ROWS = 16
LABELS_SHOWN = 10
CHART_WIDTH_CM = 18.0
CHART_HEIGHT_CM = 7.5
MIN_WIDTH, MAX_WIDTH = 8, 60
LINE_POINTS = 15  # a line of 11-point text
WIDE = 1.8  # a Chinese character's width in widths of the digit 0, the unit of column widths
WRAPPED = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
# Category labels at 45 degrees (in 60,000ths of a degree): dates and names stay on one line.
SLANTED = RichText(
    bodyPr=RichTextProperties(rot=-2_700_000, vert="horz"),
    p=[TextParagraph(pPr=ParagraphProperties(defRPr=CharacterProperties()))],
)


def write_xlsx(document: Document, path: Path) -> Path:
    """Write ``document`` to ``path`` (replaced whole, or left as it was on failure)."""
    book = Workbook()
    default = book.active
    names: set[str] = set()
    for index, section in enumerate(document.sections):
        sheet = book.create_sheet(_sheet_name(section.title, names))
        row = 1
        if index == 0:
            sheet.cell(row, 1, document.title).font = TITLE
            sheet.cell(row + 1, 1, document.subtitle)
            row += 3
        _write_section(sheet, section, row)
        _print_one_page_wide(sheet)
    if default is not None and len(book.sheetnames) > 1:
        book.remove(default)
    with written(path) as temporary:
        book.save(temporary)
    return path


def _sheet_name(title: str, taken: set[str]) -> str:
    base = FORBIDDEN.sub(" ", title).strip()[:SHEET_NAME_LIMIT] or "Sheet"
    name, serial = base, 2
    while name in taken:
        suffix = f" ({serial})"
        name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        serial += 1
    taken.add(name)
    return name


def _print_one_page_wide(sheet: Any) -> None:
    """Printed (or turned into PDF) across, on A4 one page wide: a wide sheet's last columns
    and a chart beside its data would otherwise go to pages of their own."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _write_section(sheet: Any, section: Section, row: int) -> None:
    sheet.cell(row, 1, section.title).font = BOLD
    row += 2
    widths: dict[int, int] = {}
    for block in section.blocks:
        if isinstance(block, Paragraph):
            cell = sheet.cell(row, 1, block.text)
            cell.font = BOLD if block.strong else Font()
            row += 1
        elif isinstance(block, Table):
            row = _write_table(sheet, block, row, widths) + 1
        else:
            row = _write_chart(sheet, block, row, widths) + 1
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width


def _write_table(sheet: Any, table: Table, row: int, widths: dict[int, int]) -> int:
    if table.title:
        sheet.cell(row, 1, table.title).font = BOLD
        row += 1
    headings = []
    for column, heading in enumerate(table.headings, start=1):
        cell = sheet.cell(row, column, heading)
        cell.font, cell.fill = BOLD, HEADING_FILL
        headings.append(cell)
        wanted = table.widths[column - 1] if column <= len(table.widths) else len(heading) * 2
        widths[column] = max(widths.get(column, MIN_WIDTH), min(wanted, MAX_WIDTH))
    _fit_row(sheet, row, headings, widths)
    for values in table.rows:
        row += 1
        cells = [sheet.cell(row, column, value) for column, value in enumerate(values, start=1)]
        _fit_row(sheet, row, cells, widths)
    return row + 1


def _fit_row(sheet: Any, row: int, cells: list[Any], widths: dict[int, int]) -> None:
    """Text wider than its column wraps inside it rather than running over its neighbours,
    and its row is made tall enough for the lines (spreadsheets do not grow rows on opening);
    the row's other cells then align to the top beside it."""
    lines = 1
    for column, cell in enumerate(cells, start=1):
        width = widths.get(column, MAX_WIDTH)
        if isinstance(cell.value, str) and _text_width(cell.value) > width:
            lines = max(lines, math.ceil(_text_width(cell.value) / width))
            cell.alignment = WRAPPED
    if lines > 1:
        sheet.row_dimensions[row].height = LINE_POINTS * lines
        for cell in cells:
            if not cell.alignment.wrap_text:
                cell.alignment = TOP


def _text_width(text: str) -> float:
    """How many character widths ``text`` takes in a cell (a Chinese character about 1.8)."""
    return sum(WIDE if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _write_chart(sheet: Any, chart: Chart, row: int, widths: dict[int, int]) -> int:
    """The chart's data as a small table, and the native chart drawn beside it."""
    top = row
    sheet.cell(row, 1, chart.title).font = BOLD
    row += 1
    header = row
    sheet.cell(header, 1, "")
    for column, series in enumerate(chart.series, start=2):
        sheet.cell(header, column, series.name).font = BOLD
        wanted = min(math.ceil(_text_width(series.name)) + 1, MAX_WIDTH)
        widths[column] = max(widths.get(column, MIN_WIDTH), wanted)
    for offset, category in enumerate(chart.categories, start=1):
        sheet.cell(header + offset, 1, category)
        for column, series in enumerate(chart.series, start=2):
            sheet.cell(header + offset, column, series.values[offset - 1])
    last = header + len(chart.categories)
    widths[1] = max(widths.get(1, MIN_WIDTH), 12)
    drawn = LineChart() if chart.kind == "line" else BarChart()
    drawn.title = chart.title
    drawn.y_axis.title = chart.y_title or None
    drawn.width, drawn.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    if chart.series and chart.categories:
        data = Reference(
            sheet, min_col=2, max_col=1 + len(chart.series), min_row=header, max_row=last
        )
        drawn.add_data(data, titles_from_data=True)
        drawn.set_categories(Reference(sheet, min_col=1, min_row=header + 1, max_row=last))
    for line in drawn.series:
        line.smooth = False  # a curve would draw values between the points that were not
    # Axes shown (left unset, Excel hides them) with at most LABELS_SHOWN category labels.
    drawn.x_axis.delete = drawn.y_axis.delete = False
    drawn.x_axis.tickLblSkip = max(1, math.ceil(len(chart.categories) / LABELS_SHOWN))
    drawn.x_axis.txPr = SLANTED
    anchor = get_column_letter(len(chart.series) + 3) + str(top)
    sheet.add_chart(drawn, anchor)
    return max(last, top + CHART_ROWS)
