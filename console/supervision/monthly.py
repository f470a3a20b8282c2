"""The monthly report of a month: checked, computed as of the month's last day, and written
as ``站群运行月报_YYYY-MM.xlsx`` and ``.pdf`` (both, or neither)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.actor import Actor, require
from console.base.cluster import settings_of
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.db.rounds import run
from console.reports import find_cjk_font, write_pdf, write_xlsx
from console.reports.document import CANNOT_WRITE
from console.schema import Site
from console.supervision.report import Problem, add_working_days, monthly_document, problems_of
from console.supervision.scope import scope_by_code
from console.supervision.service import READERS, Overview, overview_of
from console.supervision.settings import FIX_DAYS

Progress = Callable[[int, int], None]
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
STEM = "站群运行月报_{month}"
BAD_MONTH = QT_TR_NOOP("月份“{value}”格式不对，应为 YYYY-MM，如 2026-11。")
NOT_ENDED = QT_TR_NOOP("{month} 尚未结束（站群时区今天是 {today}），只能生成已结束月份的月报。")
BEFORE_CLUSTER = QT_TR_NOOP("{month} 早于站群中最早的网站（{first}），没有可统计的数据。")
EMPTY_CLUSTER = QT_TR_NOOP("站群中还没有网站，没有可统计的数据。")
STEPS = 4


@dataclass(frozen=True)
class MonthlyReport:
    """A written report: its files, the figures it shows, and the problems it lists."""

    month: str
    xlsx: Path
    pdf: Path
    overview: Overview
    problems: list[Problem]
    fix_by: dt.date


def parse_month(text: str) -> dt.date:
    """The first day of the month ``YYYY-MM``."""
    found = MONTH.match(text.strip())
    if not found or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1900:
        raise InvalidInput(BAD_MONTH, value=text)
    return dt.date(int(found.group(1)), int(found.group(2)), 1)


def month_days(first: dt.date) -> tuple[dt.date, dt.date]:
    """The last day of the month starting at ``first`` and the day the report is dated."""
    after = clock.add_months(first, 1)
    return after - dt.timedelta(days=1), after


def file_paths(out: Path, month: str) -> tuple[Path, Path]:
    """Where the report of ``month`` is written in ``out``: the workbook and the PDF."""
    stem = STEM.format(month=month)
    return out / f"{stem}.xlsx", out / f"{stem}.pdf"


def compute(
    sessions: SessionFactory, actor: Actor, month: str, under: str | None = None
) -> tuple[Overview, dt.date]:
    """The figures of ``month`` for the scope below ``under`` (a 网站标识码) and the fix-by
    date; refuses a month that has not ended or precedes the cluster."""
    require(actor, *READERS)
    first = parse_month(month)
    last, dated = month_days(first)
    with sessions() as session:
        settings = settings_of(session)
        today = clock.today(settings.zone)
        if last >= today:
            raise InvalidInput(NOT_ENDED, month=month, today=today)
        _check_cluster_existed(session, month, last, settings.zone)
        scope = scope_by_code(session, under)
        seen = run(session, overview_of(session, scope, last, (30,)))
        fix_by = add_working_days(dated, settings[FIX_DAYS])
    return seen, fix_by


def _check_cluster_existed(session: object, month: str, last: dt.date, zone: object) -> None:

    assert isinstance(session, Session) and isinstance(zone, ZoneInfo)
    created, opened = session.execute(
        select(func.min(Site.created_at), func.min(Site.opened_on))
    ).one()
    if created is None:
        raise InvalidInput(EMPTY_CLUSTER)
    first = clock.local_date(created, zone)
    if opened is not None:
        first = min(first, opened)
    if last < first:
        raise InvalidInput(BEFORE_CLUSTER, month=month, first=first)


def write_monthly(
    sessions: SessionFactory,
    actor: Actor,
    month: str,
    out: Path,
    under: str | None = None,
    progress: Progress | None = None,
) -> MonthlyReport:
    """Compute and write the report of ``month`` into the folder ``out`` (created if need be);
    a missing font or a folder that cannot be written leaves no file behind."""
    tell = progress or (lambda done, total: None)
    month = month.strip()
    find_cjk_font()
    tell(0, STEPS)
    seen, fix_by = compute(sessions, actor, month, under)
    tell(1, STEPS)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(CANNOT_WRITE, path=str(out), reason=error.strerror or "") from None
    xlsx, pdf = file_paths(out, month)
    document = monthly_document(seen, month, fix_by)
    existed = pdf.exists()
    write_pdf(document, pdf)
    tell(2, STEPS)
    try:
        write_xlsx(document, xlsx)
    except Exception:
        if not existed:
            pdf.unlink(missing_ok=True)
        raise
    tell(STEPS, STEPS)
    return MonthlyReport(month, xlsx, pdf, seen, problems_of(seen, fix_by), fix_by)
