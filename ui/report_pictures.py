"""The demo's monthly report pictured beside the tabs: pages of its PDF as poppler renders
them and, where LibreOffice is installed, pages of its workbook as LibreOffice prints it.

A page is chosen by a line it holds (a section's title, a chart's title), so the pictures
follow the report when its sections grow or move. A missing tool is said, not an error: the
pictures it would make are left as they were.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from console.base import clock
from console.operators import service as operators
from console.supervision import report_words as words
from console.supervision.monthly import write_monthly
from console.supervision.words import UPDATES
from ui.i18n import translated
from ui.tasks import Database

DPI = 70
CONVERT_SECONDS = 300
# Picture name → a line of the page pictured (the first page holding it, after the previous).
PDF_PAGES = {
    "summary": words.SUMMARY_TITLE,
    "charts": UPDATES,
    "ranking": words.RANKING_TITLE,
}
XLSX_PAGES = {
    "summary": words.SUMMARY_TITLE,
    "availability": words.AVAILABILITY_SECTION,
    "review": words.REVIEW_TITLE,
    "ranking": words.RANKING_TITLE,
}
NO_POPPLER = "pdftoppm/pdftotext (poppler-utils) not found: report pages not rendered"
NO_OFFICE = "libreoffice not found: report_xlsx_*.png not rendered (install libreoffice-calc)"


async def render_report(database: Database, directory: Path) -> None:
    """Write last month's report of the demo cluster and picture its pages into
    ``directory`` as ``report_pdf_<name>.png`` and ``report_xlsx_<name>.png``."""
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        print(NO_POPPLER)
        return
    actor = await database.call(operators.login, "sysadmin", "demo")
    month = clock.add_months(database.today().replace(day=1), -1).strftime("%Y-%m")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        written = await database.call(write_monthly, actor, month, folder)
        picture_pages(written.pdf, PDF_PAGES, directory / "report_pdf")
        office = shutil.which("libreoffice") or shutil.which("soffice")
        if office is None:
            print(NO_OFFICE)
            return
        printed = folder / "printed"
        subprocess.run(
            [office, "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
             "--convert-to", "pdf", "--outdir", str(printed), str(written.xlsx)],
            check=True, capture_output=True, timeout=CONVERT_SECONDS,
        )  # fmt: skip
        picture_pages(printed / f"{written.xlsx.stem}.pdf", XLSX_PAGES, directory / "report_xlsx")


def picture_pages(pdf: Path, pages: dict[str, str], prefix: Path) -> None:
    """Render the page of ``pdf`` holding each line of ``pages`` to ``<prefix>_<name>.png``."""
    texts = _page_texts(pdf)
    page = 0
    for name, line in pages.items():
        wanted = translated(line)
        page = next((n for n in range(page, len(texts)) if wanted in texts[n]), len(texts) - 1)
        target = prefix.parent / f"{prefix.name}_{name}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(DPI), "-singlefile", "-f", str(page + 1),
             "-l", str(page + 1), str(pdf), str(target)],
            check=True,
        )  # fmt: skip


def _page_texts(pdf: Path) -> list[set[str]]:
    """Each page's lines, stripped (pages are separated by form feeds)."""
    done = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    pages = done.stdout.decode().split("\f")
    return [{line.strip() for line in page.splitlines() if line.strip()} for page in pages]
