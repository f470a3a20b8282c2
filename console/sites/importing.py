"""Importing sites from CSV or XLSX: every row checked first, then all or nothing.

The headings are those of ``HEADINGS`` (Chinese, or the English keys); a row may name as its
parent a site registered earlier or a row above it in the same file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from console.base.actor import Actor, require
from console.base.errors import ConsoleError, InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.base.table_files import TableRow, read_table
from console.db import SessionFactory
from console.schema import Duty, SiteState
from console.sites.register import RegisterLookup
from console.sites.rules import (
    FIELDS,
    SiteDraft,
    kind_from,
    organiser_type_from,
    problems,
)
from console.sites.service import insert_site

Progress = Callable[[int, int], None]

HEADINGS = FIELDS
REQUIRED = ("code", "name", "kind", "organiser_name", "organiser_uscc")
PROGRESS_EVERY = 50
DOMAIN_SEPARATORS = (",", "，", ";", "；", "、", " ")

MISSING_HEADINGS = QT_TR_NOOP("文件缺少这些列：{headings}。")
BAD_DATE = QT_TR_NOOP("开通日期“{value}”格式不对，应为 YYYY-MM-DD。")
NOT_IMPORTED = QT_TR_NOOP("文件中有 {bad} 行有问题（共 {total} 行），没有导入任何站点。")
NOTHING = QT_TR_NOOP("文件中没有数据行。")


@dataclass(frozen=True)
class ImportRow:
    """A row of the file: the site it describes (when readable) and what is wrong with it."""

    line: int
    code: str
    name: str
    problems: tuple[str, ...]


@dataclass(frozen=True)
class ImportPreview:
    """Every row of an import file, checked."""

    rows: tuple[ImportRow, ...]

    @property
    def bad(self) -> list[ImportRow]:
        """Rows that would be refused."""
        return [r for r in self.rows if r.problems]


def preview(
    sessions: SessionFactory, actor: Actor, path: Path, progress: Progress | None = None
) -> ImportPreview:
    """Check every row of ``path`` against the register and the rows above it; writes nothing.

    ``progress(done, total)`` is told as the rows are checked."""
    require(actor, Duty.SYSTEM_ADMIN)
    table = read_table(path)
    with sessions() as session:
        return _check(RegisterLookup(session), table, progress)[0]


def import_sites(
    sessions: SessionFactory,
    actor: Actor,
    path: Path,
    progress: Progress | None = None,
) -> int:
    """Register every site of ``path`` in one transaction, or none if any row is refused.

    ``progress(done, total)`` counts each row twice: once checked, once written."""
    require(actor, Duty.SYSTEM_ADMIN)
    table = read_table(path)
    checking = None if progress is None else lambda done, total: progress(done, 2 * total)
    with sessions.begin() as session:
        checked, drafts = _check(RegisterLookup(session), table, checking)
        if not checked.rows:
            raise InvalidInput(NOTHING)
        if checked.bad:
            raise InvalidInput(NOT_IMPORTED, bad=len(checked.bad), total=len(checked.rows))
        for index, draft in enumerate(drafts, start=1):
            insert_site(session, actor, draft, SiteState.APPLIED)
            if progress is not None and (index % PROGRESS_EVERY == 0 or index == len(drafts)):
                progress(len(drafts) + index, 2 * len(drafts))
    return len(drafts)


def _check(
    register: RegisterLookup, table: list[TableRow], progress: Progress | None = None
) -> tuple[ImportPreview, list[SiteDraft]]:
    if table:
        _require_headings(table[0])
    rows: list[ImportRow] = []
    drafts: list[SiteDraft] = []
    for index, row in enumerate(table, start=1):
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress(index, len(table))
        values = _values(row)
        try:
            draft = _draft(values)
        except ConsoleError as error:
            rows.append(ImportRow(row.line, values["code"], values["name"], (str(error),)))
            continue
        found = problems(register, draft)
        rows.append(ImportRow(row.line, draft.code, draft.name, tuple(str(p) for p in found)))
        if not found:
            register.add(draft)
            drafts.append(draft)
    return ImportPreview(tuple(rows)), drafts


def _require_headings(row: TableRow) -> None:
    present = set(row.cells)
    missing = [
        translate("", HEADINGS[key])
        for key in REQUIRED
        if key not in present and HEADINGS[key] not in present
    ]
    if missing:
        raise InvalidInput(MISSING_HEADINGS, headings="、".join(missing))


def _values(row: TableRow) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, heading in HEADINGS.items():
        values[key] = row.cells.get(heading, row.cells.get(key, "")).strip()
    return values


def _draft(values: dict[str, str]) -> SiteDraft:
    domains = values["domains"]
    for separator in DOMAIN_SEPARATORS:
        domains = domains.replace(separator, " ")
    opened = values["opened_on"]
    try:
        opened_on = dt.date.fromisoformat(opened) if opened else None
    except ValueError:
        raise InvalidInput(BAD_DATE, value=opened) from None
    return SiteDraft(
        code=values["code"],
        name=values["name"],
        kind=kind_from(values["kind"]),
        organiser_name=values["organiser_name"],
        organiser_uscc=values["organiser_uscc"].upper(),
        organiser_type=organiser_type_from(values["organiser_type"]),
        parent_code=values["parent_code"] or None,
        domains=tuple(domains.split()),
        opened_on=opened_on,
        icp_number=values["icp_number"] or None,
        psb_number=values["psb_number"] or None,
        contact_name=values["contact_name"],
        contact_phone=values["contact_phone"],
        contact_email=values["contact_email"],
    )
