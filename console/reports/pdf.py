"""A ``Document`` as a PDF: reportlab, a CJK font from the machine embedded, charts drawn."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import Paragraph as Text
from reportlab.platypus import Table as Grid

from console.reports.document import (
    Chart,
    Document,
    Paragraph,
    Table,
    cell_text,
    written,
)
from console.reports.fonts import BAD_FONT, MissingFont, find_cjk_font

FONT = "ConsoleCJK"
PALETTE = (
    colors.HexColor("#1f77b4"),
    colors.HexColor("#d62728"),
    colors.HexColor("#2ca02c"),
    colors.HexColor("#ff7f0e"),
    colors.HexColor("#9467bd"),
)
WIDTH = A4[0] - 30 * mm
MAX_LABELS = 12
KEEP_ROWS = 15


def _styles(font: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=body, fontSize=18, leading=26, spaceAfter=6),
        "heading": ParagraphStyle("heading", parent=body, fontSize=13, leading=20, spaceAfter=4),
        "body": body,
        "strong": ParagraphStyle("strong", parent=body, textColor=colors.HexColor("#8b0000")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
    }


def register_font() -> str:
    """Find the CJK font and register it with reportlab (once per file); the name to use."""
    path, face = find_cjk_font()
    name = f"{FONT}-{re.sub(r'[^A-Za-z0-9]', '', path.stem)}-{face}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=face))
    except Exception:  # reportlab raises its own TTFError, or OSError for an unreadable file
        raise MissingFont(BAD_FONT, path=str(path)) from None
    return name


def write_pdf(document: Document, path: Path) -> Path:
    """Write ``document`` to ``path`` (replaced whole, or left as it was on failure)."""
    font = register_font()
    styles = _styles(font)
    story: list[Flowable] = [
        Text(_escaped(document.title), styles["title"]),
        Text(_escaped(document.subtitle), styles["body"]),
        Spacer(1, 6 * mm),
    ]
    for index, section in enumerate(document.sections):
        if index and _long(section.blocks):
            story.append(PageBreak())
        story.append(Text(_escaped(section.title), styles["heading"]))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                story.append(
                    Text(_escaped(block.text), styles["strong" if block.strong else "body"])
                )
            elif isinstance(block, Table):
                story.extend(_table(block, styles))
            else:
                story.append(KeepTogether([_chart(block, font), Spacer(1, 3 * mm)]))
        story.append(Spacer(1, 5 * mm))
    with written(path) as temporary:
        SimpleDocTemplate(
            str(temporary),
            pagesize=A4,
            title=document.title,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=15 * mm,
            invariant=1,
        ).build(story)
    return path


def _long(blocks: tuple[Any, ...]) -> bool:
    return any(isinstance(b, Table) and len(b.rows) > 20 for b in blocks)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(table: Table, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    cell = styles["cell"]
    rows = [[Text(_escaped(h), cell) for h in table.headings]]
    rows += [[Text(_escaped(cell_text(v)), cell) for v in values] for values in table.rows]
    weights = list(table.widths) or [max(len(h), 4) for h in table.headings]
    total = sum(weights) or 1
    grid = Grid(rows, colWidths=[WIDTH * w / total for w in weights], repeatRows=1)
    grid.setStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    parts: list[Flowable] = []
    if table.title:
        parts.append(Text(_escaped(table.title), styles["body"]))
    parts.append(grid)
    return [KeepTogether(parts)] if len(table.rows) < KEEP_ROWS else parts


def _chart(chart: Chart, font: str) -> Drawing:
    height = 62 * mm
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 10, chart.title, fontName=font, fontSize=10))
    plot = HorizontalLineChart() if chart.kind == "line" else VerticalBarChart()
    plot.x, plot.y = 30, 28
    plot.width, plot.height = WIDTH - 150, height - 50
    plot.data = [list(s.values) or [0] for s in chart.series] or [[0]]
    step = max(1, -(-len(chart.categories) // MAX_LABELS))
    plot.categoryAxis.categoryNames = [
        name if index % step == 0 else "" for index, name in enumerate(chart.categories)
    ] or [""]
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = 6.5
    plot.categoryAxis.labels.angle = 30 if len(chart.categories) > 6 else 0
    plot.categoryAxis.labels.boxAnchor = "ne" if len(chart.categories) > 6 else "n"
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 7
    known = [v for s in chart.series for v in s.values if v is not None]
    plot.valueAxis.valueMin = min(0.0, *known)
    top = max(known, default=0)
    plot.valueAxis.valueMax = top * 1.1 if top > 0 else 1
    for index in range(len(chart.series)):
        colour = PALETTE[index % len(PALETTE)]
        if chart.kind == "line":
            plot.lines[index].strokeColor = colour
            plot.lines[index].strokeWidth = 1.2
        else:
            plot.bars[index].fillColor = colour
    drawing.add(plot)
    legend = Legend()
    legend.x, legend.y = WIDTH - 110, height - 24
    legend.fontName, legend.fontSize = font, 7.5
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], s.name) for i, s in enumerate(chart.series)
    ]
    drawing.add(legend)
    return drawing
