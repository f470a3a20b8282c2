"""The shared document writer: the same document as XLSX (native charts, typed numbers) and
as PDF (CJK font embedded, charts drawn), and its refusals in words."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from console.base.errors import InvalidInput
from console.reports import (
    Chart,
    Document,
    MissingFont,
    Paragraph,
    Section,
    Series,
    Table,
    find_cjk_font,
    write_pdf,
    write_xlsx,
)
from console.reports.fonts import ENVIRONMENT

DOC = Document(
    title="站群运行月报 2026-11",
    subtitle="范围：云溪市",
    sections=(
        Section(
            "概况",
            (
                Paragraph("运行网站 12 个。"),
                Paragraph("单项否决风险 2 个。", strong=True),
                Table(("指标", "数值"), (("运行网站", 12), ("可用率", 97.5)), (20, 8)),
            ),
        ),
        Section(
            "趋势",
            (
                Chart(
                    "可用率",
                    "line",
                    ("11-01", "11-02", "11-03"),
                    (Series("可用率 %", (99.0, 97.5, 100.0)),),
                ),
                Chart(
                    "更新",
                    "bar",
                    ("动态", "通知"),
                    (Series("本月", (30, 4)), Series("上月", (25, 6))),
                ),
                Table(("日期", "事项"), ((dt.date(2026, 11, 3), "<整改>&复查"),)),
            ),
        ),
    ),
)


def test_the_workbook_has_a_sheet_per_section_typed_numbers_and_native_charts(
    tmp_path: Path,
) -> None:
    path = write_xlsx(DOC, tmp_path / "报告.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["概况", "趋势"]
    summary = book["概况"]
    assert summary["A1"].value == "站群运行月报 2026-11"
    values = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row[0]}
    assert values["运行网站"] == 12 and values["可用率"] == 97.5
    trends = book["趋势"]
    assert len(trends._charts) == 2
    numbers = [c.value for row in trends.iter_rows() for c in row if isinstance(c.value, float)]
    assert 97.5 in numbers
    dates = [c.value for row in trends.iter_rows() for c in row if isinstance(c.value, dt.datetime)]
    assert dates == [dt.datetime(2026, 11, 3)]


def test_the_workbook_prints_one_page_wide_and_wraps_long_text_in_taller_rows(
    tmp_path: Path,
) -> None:
    long = "首页 14 天内未更新、互动回应差：3 条有效咨询留言超过 3 个月未答复" * 2
    wide = Document(
        "报告", "", (Section("风险", (Table(("网站", "风险"), (("甲", long),), (8, 30)),)),)
    )
    book = load_workbook(write_xlsx(wide, tmp_path / "宽.xlsx"))
    sheet = book["风险"]
    setup = sheet.page_setup
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    row = next(r for r in sheet.iter_rows() if r[1].value == long)
    assert row[1].alignment.wrap_text and row[0].alignment.vertical == "top"
    assert sheet.row_dimensions[row[1].row].height >= 15 * 4
    charts = load_workbook(write_xlsx(DOC, tmp_path / "图.xlsx"))["趋势"]._charts
    line = charts[0]
    assert line.x_axis.delete is False and line.y_axis.delete is False
    assert all(series.smooth is False for series in line.series)


def pdf_text(path: Path) -> str:
    """The PDF's text as poppler reads it (``.ci/run`` installs poppler-utils)."""
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext (poppler-utils) is needed to read the PDF back"
    done = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode()


def coloured_pixels(path: Path, tmp_path: Path, colour: tuple[int, int, int]) -> int:
    """How many pixels of the PDF's pages, rendered by poppler, have about ``colour``."""
    tool = shutil.which("pdftoppm")
    assert tool is not None, "pdftoppm (poppler-utils) is needed to render the PDF"
    subprocess.run([tool, "-png", "-r", "60", str(path), str(tmp_path / "page")], check=True)
    found = 0
    for page in sorted(tmp_path.glob("page*.png")):
        with Image.open(page) as image:
            rgb = image.convert("RGB")
            for pixel in (
                rgb.getpixel((x, y)) for x in range(rgb.width) for y in range(rgb.height)
            ):
                if all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=True)):
                    found += 1
    return found


def test_the_pdf_embeds_a_cjk_font_draws_the_charts_and_is_the_same_each_time(
    tmp_path: Path,
) -> None:
    first = write_pdf(DOC, tmp_path / "a.pdf").read_bytes()
    second = write_pdf(DOC, tmp_path / "b.pdf").read_bytes()
    assert first.startswith(b"%PDF") and first == second
    assert b"/FontFile2" in first  # an embedded TrueType subset
    text = pdf_text(tmp_path / "a.pdf")
    assert "站群运行月报 2026-11" in text and "<整改>&复查" in text and "可用率 %" in text
    # The charts' first series is drawn in blue, the second (bars only) in red.
    assert coloured_pixels(tmp_path / "a.pdf", tmp_path, (31, 119, 180)) > 50
    assert coloured_pixels(tmp_path / "a.pdf", tmp_path, (214, 39, 40)) > 50


def test_a_missing_font_is_named_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    with pytest.raises(MissingFont, match="fonts-wqy-microhei"):
        find_cjk_font([tmp_path / "no-fonts"])
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "gone.ttf"))
    with pytest.raises(MissingFont, match=r"gone\.ttf"):
        write_pdf(DOC, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_a_folder_that_cannot_be_written_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="无法写入"):
        write_xlsx(DOC, tmp_path / "missing" / "r.xlsx")
    with pytest.raises(InvalidInput, match="无法写入"):
        write_pdf(DOC, tmp_path / "missing" / "r.pdf")
    assert list(tmp_path.iterdir()) == []
