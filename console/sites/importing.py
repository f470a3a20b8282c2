"""Importing sites from CSV or XLSX: every row checked once, then all or nothing.

The headings are those of ``HEADINGS`` (Chinese, their translation, or the English keys), the
same column set ``sites export`` writes, so an exported register imports as it is. A row may
name as its parent a site registered earlier or any row of the same file: rows are checked
parents first, whatever their order. Every problem of every row is reported in one run.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from console.base.actor import Actor, require
from console.base.errors import ConsoleError, InvalidInput
from console.base.i18n import LANGUAGES, QT_TR_NOOP, catalogue_path, read_catalogue, translate
from console.base.labels import SITE_KINDS
from console.base.table_files import Table, TableRow, day_of, merged_note, read_table
from console.db import SessionFactory
from console.patrol.addresses import AddressRows, address_problems, apply_in, register_addresses
from console.schema import Duty, SiteState
from console.sites.bulk import insert_sites
from console.sites.register import RegisterLookup
from console.sites.rules import (
    FIELDS,
    ORGANISER_TYPES,
    UNKNOWN_PARENT,
    SiteDraft,
    kind_from,
    organiser_type_from,
    problems,
)

Progress = Callable[[int, int], None]

HEADINGS = FIELDS
REQUIRED = ("code", "name", "kind", "organiser_name", "organiser_uscc")
PROGRESS_EVERY = 50
DOMAIN_SEPARATORS = (",", "，", ";", "；", "、", " ", "\n")
SCHEMES = ("http://", "https://")

MISSING_HEADINGS = QT_TR_NOOP("文件缺少这些列：{headings}。")
BAD_DATE = QT_TR_NOOP(
    "开通日期“{value}”无法识别，可写 2026-01-15、2026/1/15 或 2026年1月15日（也可为 Excel 日期）。"
)
NOT_IMPORTED = QT_TR_NOOP("文件中有 {bad} 行有问题（共 {total} 行），没有导入任何站点。")
NOTHING = QT_TR_NOOP("文件中没有数据行。")
PARENT_ROW_BAD = QT_TR_NOOP("上级网站 {code}（第 {line} 行）本身有问题，未能登记；请先改正该行。")
PARENT_LOOP = QT_TR_NOOP("上级网站标识码在文件中构成循环（{codes}）。")
ADDRESSES_WAITING = QT_TR_NOOP(
    "文件带有本次新登记网站的 {n} 个栏目地址：这些网站还没有栏目，地址未写入；"
    "应用栏目预设后，用 addresses import 导入同一文件即可写入。"
)
ADDRESS_SHEET_PROBLEM = QT_TR_NOOP("栏目地址表{problem}")
ADDRESSES_REFUSED = QT_TR_NOOP("栏目地址有问题，没有导入任何站点：\n{problems}")
DOMAIN_SCHEME = QT_TR_NOOP(
    "域名“{value}”带有 {scheme}：只填写域名本身，如 {domain}（不含 http:// 和路径）。"
)


@dataclass(frozen=True)
class ImportRow:
    """A row of the file: the site it describes (when readable) and what is wrong with it."""

    line: int
    code: str
    name: str
    problems: tuple[str, ...]


@dataclass(frozen=True)
class ImportPreview:
    """Every row of an import file, checked; ``notes`` tell about the file as a whole, and
    ``address_problems`` about the rows of its column addresses (any refuses the file)."""

    rows: tuple[ImportRow, ...]
    notes: tuple[str, ...] = ()
    address_problems: tuple[str, ...] = ()

    @property
    def bad(self) -> list[ImportRow]:
        """Rows that would be refused."""
        return [r for r in self.rows if r.problems]

    @property
    def refused(self) -> bool:
        """Whether the file would be refused (a bad row, or a bad column address)."""
        return bool(self.address_problems) or any(r.problems for r in self.rows)


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the rows as checked, how many sites were registered and how many
    columns' addresses changed."""

    preview: ImportPreview
    imported: int
    addresses: int = 0


def preview(
    sessions: SessionFactory, actor: Actor, path: Path, progress: Progress | None = None
) -> ImportPreview:
    """Check every row of ``path`` against the register and the other rows; writes nothing.

    ``progress(done, total)`` is told as the rows are checked."""
    return check_and_import(sessions, actor, path, write=False, progress=progress).preview


def import_sites(
    sessions: SessionFactory,
    actor: Actor,
    path: Path,
    progress: Progress | None = None,
) -> int:
    """Register every site of ``path`` in one transaction, or none if any row is refused.

    ``progress(done, total)`` counts each row twice: once checked, once written."""
    result = check_and_import(sessions, actor, path, progress=progress)
    checked = result.preview
    if checked.bad:
        raise InvalidInput(NOT_IMPORTED, bad=len(checked.bad), total=len(checked.rows))
    if checked.refused:
        raise InvalidInput(ADDRESSES_REFUSED, problems="\n".join(checked.address_problems[:50]))
    return result.imported


def check_and_import(
    sessions: SessionFactory,
    actor: Actor,
    path: Path,
    *,
    write: bool = True,
    progress: Progress | None = None,
) -> ImportResult:
    """Check every row once; when ``write`` and no row has a problem, register them all in
    the same transaction (each site journalled), and the column addresses the file carries
    (``console.patrol.addresses.register_addresses``) through the addresses service. A file
    with problems writes nothing."""
    require(actor, Duty.SYSTEM_ADMIN)
    table = read_table(path, _all_headings())
    if table.rows:
        _require_headings(table.rows[0])
    carried = register_addresses(path)
    if not write:
        with sessions() as session:
            checked, _drafts = _check(RegisterLookup(session), table, progress)
            checked, _ready = _with_addresses(session, checked, carried)
        return ImportResult(checked, 0)
    total = len(table.rows)
    checking = None if progress is None else lambda done, _total: progress(done, 2 * total)
    with sessions.begin() as session:
        checked, drafts = _check(RegisterLookup(session), table, checking)
        if not checked.rows:
            raise InvalidInput(NOTHING)
        checked, ready = _with_addresses(session, checked, carried)
        if checked.refused:
            return ImportResult(checked, 0)
        del table
        writing = None if progress is None else lambda done: progress(total + done, 2 * total)
        insert_sites(session, actor, drafts, SiteState.APPLIED, writing)
        changed = apply_in(session, actor, ready.changes) if ready is not None else 0
    return ImportResult(checked, len(drafts), changed)


def _with_addresses(
    session: Session, checked: ImportPreview, carried: AddressRows | None
) -> tuple[ImportPreview, AddressRows | None]:
    """The preview with the carried addresses' problems, and the addresses to write: those
    of sites already registered. The file's own sites have no columns yet (a preset gives
    them theirs): their addresses are told as waiting, for ``addresses import`` of the same
    file once the columns exist."""
    if carried is None:
        return checked, None
    new = {row.code for row in checked.rows}
    ready = carried.without(new)
    waiting = sum(len(wanted) for site, wanted in carried.changes.items() if site in new)
    notes = checked.notes
    if waiting:
        notes += (translate("", ADDRESSES_WAITING).format(n=waiting),)
    problems = tuple(
        translate("", ADDRESS_SHEET_PROBLEM).format(problem=problem)
        for problem in address_problems(session, ready)
    )
    return replace(checked, notes=notes + problems, address_problems=problems), ready


@dataclass
class _Parsed:
    line: int
    code: str
    name: str
    draft: SiteDraft
    early: list[str]


def _check(
    register: RegisterLookup, table: Table, progress: Progress | None = None
) -> tuple[ImportPreview, list[SiteDraft]]:
    """Check every row (``table.rows`` is consumed as it is read)."""
    columns = _columns(table.rows[0]) if table.rows else {}
    parsed: list[_Parsed] = []
    unread = table.rows
    unread.reverse()
    while unread:  # each row's cells are let go once its draft is made
        parsed.append(_parse(unread.pop(), columns))
    index_of: dict[str, int] = {}
    for index, item in enumerate(parsed):
        index_of.setdefault(item.draft.code, index)
    order, late = _parents_first(parsed, index_of)
    register.prefetch(p.draft for p in parsed)
    found: dict[int, list[str]] = {}
    drafts: list[SiteDraft] = []
    for done, index in enumerate(order, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(parsed))
        draft = parsed[index].draft
        reasons = [*parsed[index].early, *late.get(index, [])]
        for error in problems(register, draft):
            parent = index_of.get(draft.parent_code or "")
            if error.message == UNKNOWN_PARENT and parent is not None and found.get(parent):
                line = parsed[parent].line
                reasons.append(
                    translate("", PARENT_ROW_BAD).format(code=draft.parent_code, line=line)
                )
            else:
                reasons.append(str(error))
        found[index] = reasons
        if not reasons:
            register.add(draft)
            drafts.append(draft)
    rows = tuple(
        ImportRow(p.line, p.draft.code or p.code, p.name, tuple(found[i]))
        for i, p in enumerate(parsed)
    )
    note = merged_note(table)
    notes = (note,) if note and any(r.problems for r in rows) else ()
    return ImportPreview(rows, notes), drafts


def _parents_first(
    parsed: list[_Parsed], index_of: dict[str, int]
) -> tuple[list[int], dict[int, list[str]]]:
    """The rows' indices with every row after the row of its parent (file order otherwise),
    and the problem of rows whose parents form a loop."""
    depth: dict[int, int] = {}
    late: dict[int, list[str]] = {}
    for start in range(len(parsed)):
        chain: list[int] = []
        current: int | None = start
        while current is not None and current not in depth:
            if current in chain:
                loop = chain[chain.index(current) :]
                codes = " → ".join(parsed[i].draft.code for i in [*loop, current])
                for member in loop:
                    late[member] = [translate("", PARENT_LOOP).format(codes=codes)]
                    depth[member] = 0
                break
            chain.append(current)
            parent = parsed[current].draft.parent_code
            current = index_of.get(parent) if parent else None
        base = depth.get(current, -1) if current is not None else -1
        for member in reversed(chain):
            if member not in depth:
                base += 1
                depth[member] = base
            else:
                base = depth[member]
    return sorted(range(len(parsed)), key=lambda i: (depth[i], i)), late


@functools.cache
def _catalogues() -> tuple[dict[tuple[str, str], str], ...]:
    return tuple(read_catalogue(catalogue_path(lang)) for lang in LANGUAGES if lang != "zh_CN")


def _names(key: str) -> tuple[str, ...]:
    """What a column may be headed: its Chinese heading, any translation of it, its key."""
    heading = HEADINGS[key]
    names = [heading, translate("", heading), key]
    names += [table[("", heading)] for table in _catalogues() if ("", heading) in table]
    return tuple(dict.fromkeys(names))


def _label_code(value: str, labels: Mapping[str, str]) -> str:
    """The code of a label written in another language than the interface's (else ``value``)."""
    for code, label in labels.items():
        if any(table.get(("", label)) == value for table in _catalogues()):
            return code
    return value


def _all_headings() -> set[str]:
    return {name for key in HEADINGS for name in _names(key)}


def _require_headings(row: TableRow) -> None:
    present = set(row.cells)
    missing = [
        translate("", HEADINGS[key]) for key in REQUIRED if not present.intersection(_names(key))
    ]
    if missing:
        raise InvalidInput(MISSING_HEADINGS, headings="、".join(missing))


def _columns(row: TableRow) -> dict[str, str]:
    """Which heading of the file holds each column (the file's own language)."""
    found: dict[str, str] = {}
    for key in HEADINGS:
        for name in _names(key):
            if name in row.cells:
                found[key] = name
                break
    return found


def _values(row: TableRow, columns: dict[str, str]) -> dict[str, str]:
    cells = row.cells
    return {key: cells.get(columns.get(key, key), "").strip() for key in HEADINGS}


def _parse(row: TableRow, columns: dict[str, str]) -> _Parsed:
    """The row's draft, and every problem found in reading it (all of them, not the first)."""
    values = _values(row, columns)
    early: list[str] = []
    kind = _label_code(values["kind"], SITE_KINDS)
    with contextlib.suppress(ConsoleError):  # the rules tell an unknown kind themselves
        kind = kind_from(kind)
    try:
        typed = _label_code(values["organiser_type"], ORGANISER_TYPES)
        organiser_type = organiser_type_from(typed)
    except ConsoleError as error:
        early.append(str(error))
        organiser_type = organiser_type_from("")
    opened_on = None
    if values["opened_on"]:
        try:
            opened_on = day_of(values["opened_on"])
        except ValueError:
            early.append(translate("", BAD_DATE).format(value=values["opened_on"]))
    domains = values["domains"]
    for separator in DOMAIN_SEPARATORS:
        domains = domains.replace(separator, " ")
    for domain in domains.split():
        scheme = next((s for s in SCHEMES if domain.lower().startswith(s)), None)
        if scheme:
            bare = domain[len(scheme) :].split("/", 1)[0]
            early.append(
                translate("", DOMAIN_SCHEME).format(value=domain, scheme=scheme, domain=bare)
            )
    draft = SiteDraft(
        code=values["code"],
        name=values["name"],
        kind=kind,
        organiser_name=values["organiser_name"],
        organiser_uscc=values["organiser_uscc"],
        organiser_type=organiser_type,
        parent_code=values["parent_code"] or None,
        domains=tuple(d for d in domains.split() if not d.lower().startswith(SCHEMES)),
        opened_on=opened_on,
        icp_number=values["icp_number"] or None,
        psb_number=values["psb_number"] or None,
        contact_name=values["contact_name"],
        contact_phone=values["contact_phone"],
        contact_email=values["contact_email"],
    )
    return _Parsed(row.line, values["code"], values["name"], draft, early)
