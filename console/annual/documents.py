"""Annual reports written out: each site's report as XLSX and PDF in the template's row order,
and one workbook with every site as a row for the provincial return.

A draft (the year not over) says so in its title; a report lacking required figures says so
on its face, and the missing figures read "未填写", never 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from console.annual.report import AnnualReport, ReportRow, build_reports
from console.annual.template import national
from console.base.actor import Actor
from console.base.cluster import read_settings
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.reports import (
    Document,
    Paragraph,
    Section,
    Table,
    find_cjk_font,
    write_pdf,
    write_xlsx,
)
from console.reports.document import Value

TITLE = "{name} 政府网站工作年度报表（{year}年度）"
SUMMARY_TITLE = "政府网站工作年度报表汇总（{year}年度）"
DRAFT_TITLE = "【草稿】"
SUBTITLE = "政府网站标识码：{code}　统计截至：{date}"
SUMMARY_SUBTITLE = "共 {sites} 个网站，{incomplete} 个缺少必填项；统计截至：{date}"
DRAFT_NOTE = "草稿：{year} 年度尚未结束，数据统计至 {date}，不能作为正式报表发布。"
MISSING_NOTE = "本表缺少必填项（{count} 项）：{items}。以下标“未填写”处尚无数据，不是 0。"
NOT_FILLED = "未填写"
HEADINGS = ("项目", "数值", "单位", "来源")
SUMMARY_LEAD = ("网站标识码", "网站名称", "草稿", "缺少必填项")
NOT_A_FOLDER = QT_TR_NOOP("“{path}”不是可写入的文件夹。")
UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Written:
    """What was written: the files, and the sites whose reports lack required figures."""

    files: tuple[Path, ...]
    incomplete: tuple[AnnualReport, ...]
    reports: int
    draft: bool


def _cell(row: ReportRow) -> Value:
    if row.value is None:
        return NOT_FILLED
    if row.spec.type == "count":
        return int(row.value)
    if row.spec.type == "decimal":
        return float(Decimal(row.value))
    return row.value


def site_document(report: AnnualReport, zone: ZoneInfo) -> Document:
    """One site's report, its sections in the template's order."""
    title = TITLE.format(name=report.name, year=report.year)
    blocks: list[Paragraph | Table] = []
    if report.draft:
        title = DRAFT_TITLE + title
        blocks.append(Paragraph(DRAFT_NOTE.format(year=report.year, date=report.as_of), True))
    missing = report.missing
    if missing:
        items = "、".join(spec.label for spec in missing)
        blocks.append(Paragraph(MISSING_NOTE.format(count=len(missing), items=items), True))
    for section, rows in report.sections:
        body = tuple(
            (("　" if row.spec.parent else "") + row.spec.label, _cell(row), row.spec.unit,
             row.origin.text(zone))
            for row in rows
        )  # fmt: skip
        blocks.append(Table(HEADINGS, body, (34, 22, 6, 34), section.title))
    subtitle = SUBTITLE.format(code=report.code, date=report.as_of)
    return Document(title, subtitle, (Section(f"{report.year}年度", tuple(blocks)),))


def summary_document(reports: Sequence[AnnualReport], year: int) -> Document:
    """Every site as a row, every template row as a column (the provincial return)."""
    specs = list(national().rows.values())
    headings = (*SUMMARY_LEAD, *(f"{s.label}（{s.unit}）" if s.unit else s.label for s in specs))
    rows = []
    for report in reports:
        cells = {row.spec.key: _cell(row) for row in report.rows}
        lead: tuple[Value, ...] = (
            report.code,
            report.name,
            "是" if report.draft else "否",
            "、".join(spec.label for spec in report.missing),
        )
        rows.append((*lead, *(cells[spec.key] for spec in specs)))
    incomplete = sum(1 for report in reports if report.missing)
    as_of = max((r.as_of for r in reports), default=None)
    title = SUMMARY_TITLE.format(year=year)
    if any(r.draft for r in reports):
        title = DRAFT_TITLE + title
    subtitle = SUMMARY_SUBTITLE.format(sites=len(reports), incomplete=incomplete, date=as_of)
    widths = (12, 24, 6, 30, *(14 for _ in specs))
    return Document(
        title, subtitle, (Section(f"{year}年度汇总", (Table(headings, tuple(rows), widths),)),)
    )


def file_stem(report: AnnualReport) -> str:
    """A file name for a site's report: code, name (made safe) and year."""
    name = UNSAFE.sub("_", report.name).strip("_")
    return f"{report.code}_{name}_{report.year}年度报表"


def write_reports(
    sessions: SessionFactory,
    actor: Actor,
    year: int,
    out: Path,
    site_codes: Sequence[str] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Written:
    """Service: every report of ``year`` (of ``site_codes``, default the running sites) as
    XLSX and PDF in ``out``, plus the summary workbook. The font is looked for first, so a
    machine without one is told before anything is written."""
    if not out.is_dir():
        raise InvalidInput(NOT_A_FOLDER, path=str(out))
    find_cjk_font()
    zone = read_settings(sessions).zone
    steps = [0, 1]

    def built(done: int, total: int) -> None:
        steps[1] = 2 * total + 1
        if progress is not None:
            progress(done, steps[1])

    reports = build_reports(sessions, actor, year, site_codes, built)
    files: list[Path] = []
    for index, report in enumerate(reports, start=1):
        if cancelled():
            break
        document = site_document(report, zone)
        stem = file_stem(report)
        files.append(write_xlsx(document, out / f"{stem}.xlsx"))
        files.append(write_pdf(document, out / f"{stem}.pdf"))
        if progress is not None:
            progress(len(reports) + index, steps[1])
    summary = out / f"政府网站工作年度报表汇总_{year}年度.xlsx"
    if not cancelled():
        files.append(write_xlsx(summary_document(reports, year), summary))
    if progress is not None:
        progress(steps[1], steps[1])
    incomplete = tuple(r for r in reports if r.missing)
    draft = any(r.draft for r in reports)
    return Written(tuple(files), incomplete, len(reports), draft)
