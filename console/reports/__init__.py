"""Documents written to XLSX and PDF: titled sections of paragraphs, tables and charts.

``document.py`` describes a document as plain values; ``xlsx.py`` writes it with openpyxl
(native Excel charts, numbers as numbers), ``pdf.py`` with reportlab and a CJK font found on
the machine (``fonts.py``). Nothing here knows what a report is about.
"""

from console.reports.document import Chart, Document, Paragraph, Section, Series, Table
from console.reports.fonts import MissingFont, find_cjk_font
from console.reports.pdf import write_pdf
from console.reports.xlsx import write_xlsx

__all__ = [
    "Chart",
    "Document",
    "MissingFont",
    "Paragraph",
    "Section",
    "Series",
    "Table",
    "find_cjk_font",
    "write_pdf",
    "write_xlsx",
]
