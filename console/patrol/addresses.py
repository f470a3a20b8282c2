"""Column list-page addresses in the register: read, set (typed or confirmed), import, export.

They travel in a file of their own (``addresses export``/``import``) or with the register
(``sites export``/``import``): an XLSX register holds them in its 栏目地址 sheet, a CSV
register in a CSV file beside it (``beside``); both are read and checked by the same code.

An address is an ``http``/``https`` URL on one of the cluster's registered domains (the
patrol never dials a host the register does not know). Every write checks the system
administrator's duty, validates every value first, and writes the changes with one journal
entry per site (``column.addresses``, before and after by column code) in one transaction.
A column without an address is listed with ``url`` None, never left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import journal
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.domains import to_stored
from console.base.errors import ConsoleError, InvalidInput, NotFound
from console.base.export import Sheet, write_table
from console.base.i18n import QT_TR_NOOP, translate
from console.base.table_files import TableRow, read_table, sheet_titles
from console.db import SessionFactory
from console.patrol.planning import chunks, plan_patrol
from console.patrol.proposals import Proposals, propose
from console.patrol.targets import Domains
from console.probes.dialing import Dialer
from console.schema import Duty, Site, SiteColumn, SiteDomain

URL_LIMIT = 1000
SITE, CODE, NAME, URL = "网站标识码", "栏目代码", "栏目名称", "列表页地址"
HEADINGS = (SITE, CODE, NAME, URL)
SHEET = "栏目地址"  # the register file's sheet of column addresses
NO_SITE = QT_TR_NOOP("没有网站标识码为 {code} 的网站。")
NO_COLUMN = QT_TR_NOOP("网站 {site} 没有代码为 {code} 的栏目。")
BAD_URL = QT_TR_NOOP("栏目 {code} 的地址“{url}”不是 http 或 https 网址。")
LONG_URL = QT_TR_NOOP("栏目 {code} 的地址超过 {limit} 个字符。")
FOREIGN_URL = QT_TR_NOOP("栏目 {code} 的地址“{url}”不在本站群登记的域名内。")
MISSING_HEADING = QT_TR_NOOP("文件缺少“{heading}”列。")
ROW_PROBLEM = QT_TR_NOOP("第 {line} 行：{problem}")
PROBLEMS = QT_TR_NOOP("{count} 处问题，未导入任何地址：\n{problems}")


@dataclass(frozen=True)
class ColumnAddress:
    """A column of a site and its list page's address (None: not known)."""

    column_id: int
    site_code: str
    code: str
    name: str
    url: str | None


def column_addresses(
    sessions: SessionFactory,
    actor: Actor,
    site_codes: Sequence[str] = (),
    site_ids: Sequence[int] | None = None,
) -> list[ColumnAddress]:
    """Service: the columns of the sites of ``site_codes`` or ``site_ids`` (all sites when
    neither is given) with their addresses, by site code and position in the tree."""
    require(actor, *REGISTER_READERS)
    query = (
        select(SiteColumn.id, Site.code, SiteColumn.code, SiteColumn.name, SiteColumn.list_url)
        .join(Site, Site.id == SiteColumn.site_id)
        .order_by(Site.code, SiteColumn.path)
    )
    with sessions() as session:
        if site_codes:
            _site_ids(session, site_codes)
            query = query.where(Site.code.in_(list(site_codes)))
        if site_ids is None:
            return [ColumnAddress(*row) for row in session.execute(query)]
        found = [
            ColumnAddress(*row)
            for chunk in chunks(sorted(site_ids))
            for row in session.execute(query.where(Site.id.in_(chunk)))
        ]
    return sorted(found, key=lambda a: a.site_code)


def _site_ids(session: Session, codes: Sequence[str]) -> dict[str, int]:
    query = select(Site.code, Site.id).where(Site.code.in_(list(codes)))
    found = {code: site_id for code, site_id in session.execute(query)}
    for code in codes:
        if code not in found:
            raise NotFound(NO_SITE, code=code)
    return found


def checked_url(code: str, url: str, inside: Domains) -> str:
    """``url`` as stored (host in IDNA, lower case), or refused naming the column ``code``."""
    text = url.strip()
    if len(text) > URL_LIMIT:
        raise InvalidInput(LONG_URL, code=code, limit=URL_LIMIT)
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidInput(BAD_URL, code=code, url=text)
    try:
        host = to_stored(parts.hostname)
    except InvalidInput:
        raise InvalidInput(BAD_URL, code=code, url=text) from None
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    stored = urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
    if stored not in inside:
        raise InvalidInput(FOREIGN_URL, code=code, url=text)
    return stored


def set_addresses(
    sessions: SessionFactory, actor: Actor, site_code: str, changes: Mapping[str, str | None]
) -> int:
    """Service: set (or clear, with None or "") the addresses of a site's columns by column
    code; one transaction and one journal entry. The number of columns changed."""
    return apply_addresses(sessions, actor, {site_code: dict(changes)})


def apply_addresses(
    sessions: SessionFactory, actor: Actor, changes: Mapping[str, Mapping[str, str | None]]
) -> int:
    """Service: ``{site code: {column code: address}}`` written in one transaction, every
    value checked first; one journal entry per site that changed."""
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions.begin() as session:
        return apply_in(session, actor, changes)


def apply_in(
    session: Session, actor: Actor, changes: Mapping[str, Mapping[str, str | None]]
) -> int:
    """``apply_addresses`` inside the caller's transaction (the caller commits once)."""
    require(actor, Duty.SYSTEM_ADMIN)
    changed = 0
    ids = _site_ids(session, list(changes))
    inside = Domains(session.scalars(select(SiteDomain.domain)))
    for site_code, wanted in changes.items():
        changed += _apply_site(session, actor, site_code, ids[site_code], wanted, inside)
    return changed


def _apply_site(
    session: Session,
    actor: Actor,
    site_code: str,
    site_id: int,
    wanted: Mapping[str, str | None],
    inside: Domains,
) -> int:
    columns = {
        column.code: column
        for column in session.scalars(select(SiteColumn).where(SiteColumn.site_id == site_id))
    }
    before: dict[str, str | None] = {}
    after: dict[str, str | None] = {}
    for code, url in wanted.items():
        column = columns.get(code)
        if column is None:
            raise NotFound(NO_COLUMN, site=site_code, code=code)
        stored = checked_url(code, url, inside) if url and url.strip() else None
        if stored != column.list_url:
            before[code], after[code] = column.list_url, stored
            column.list_url = stored
            column.version += 1
    if after:
        session.flush()
        journal.record(
            session, actor, "column.addresses", "site", site_id, site_code, before, after
        )
    return len(after)


def proposals_for(
    sessions: SessionFactory,
    actor: Actor,
    site_code: str,
    dialer: Dialer | None = None,
    ca_bundle: str | None = None,
) -> Proposals:
    """Service: read the site's home page now and propose each column's address from its menu
    (nothing is written: the operator confirms with ``set_addresses``)."""
    plan = plan_patrol(sessions, actor, [site_code], dialer=dialer, ca_bundle=ca_bundle)
    return propose(plan.targets[0], plan.options)


def address_sheet(
    sessions: SessionFactory,
    actor: Actor,
    site_codes: Sequence[str] = (),
    site_ids: Sequence[int] | None = None,
) -> Sheet:
    """The 栏目地址 sheet: every column of the sites chosen as by ``column_addresses`` with
    its address (empty when it has none)."""
    rows = [
        (a.site_code, a.code, a.name, a.url or "")
        for a in column_addresses(sessions, actor, site_codes, site_ids)
    ]
    return SHEET, HEADINGS, rows


def beside(path: Path) -> Path:
    """Where the column addresses of a CSV register file go: a CSV file beside it
    (``站点.csv`` → ``站点_栏目地址.csv``); an XLSX register holds them in its 栏目地址 sheet."""
    return path.with_name(f"{path.stem}_{SHEET}.csv")


def export_addresses(
    sessions: SessionFactory, actor: Actor, path: Path, site_codes: Sequence[str] = ()
) -> int:
    """Service: every column's address to CSV/XLSX (columns without one have it empty)."""
    _title, headings, rows = address_sheet(sessions, actor, site_codes)
    return write_table(path, headings, rows)


@dataclass(frozen=True)
class AddressRows:
    """The rows of an addresses sheet: ``{site code: {column code: address}}`` and the line
    of each in its file."""

    changes: dict[str, dict[str, str | None]]
    lines: dict[tuple[str, str], int]

    def without(self, site_codes: Collection[str]) -> AddressRows:
        """The rows of the other sites."""
        kept = {site: wanted for site, wanted in self.changes.items() if site not in site_codes}
        return AddressRows(kept, {key: line for key, line in self.lines.items() if key[0] in kept})


def read_addresses(path: Path) -> AddressRows:
    """The addresses a file carries: a register's (``register_addresses``), else the file's
    own (``export_addresses``' form)."""
    carried = register_addresses(path)
    return carried if carried is not None else _address_rows(read_table(path).rows)


def register_addresses(path: Path) -> AddressRows | None:
    """The addresses a register file carries: the 栏目地址 sheet of an XLSX register, or the
    CSV beside a CSV register (``beside``); None when it carries none."""
    if SHEET in sheet_titles(path):
        return _address_rows(read_table(path, sheet=SHEET).rows)
    if path.suffix.lower() == ".csv" and beside(path).is_file():
        return _address_rows(read_table(beside(path)).rows)
    return None


def _address_rows(rows: Sequence[TableRow]) -> AddressRows:
    if rows:
        for heading in (SITE, CODE, URL):
            if heading not in rows[0].cells:
                raise InvalidInput(MISSING_HEADING, heading=heading)
    changes: dict[str, dict[str, str | None]] = defaultdict(dict)
    lines: dict[tuple[str, str], int] = {}
    for row in rows:
        site, code = row.cells.get(SITE, ""), row.cells.get(CODE, "")
        changes[site][code] = row.cells.get(URL) or None
        lines[(site, code)] = row.line
    return AddressRows(dict(changes), lines)


def import_addresses(
    sessions: SessionFactory, actor: Actor, path: Path, dry_run: bool = False
) -> int:
    """Service: addresses from a file (see ``read_addresses``), all or nothing.

    Every row's problem is reported at once (line numbers); an empty address clears the
    column's. Returns the number of columns that change (with ``dry_run``: would change).
    """
    require(actor, *REGISTER_READERS) if dry_run else require(actor, Duty.SYSTEM_ADMIN)
    found = read_addresses(path)
    with sessions() as session:
        refuse_problems(address_problems(session, found))
    if dry_run:
        current = {(a.site_code, a.code): a.url for a in column_addresses(sessions, actor)}
        inside = _inside(sessions)
        return sum(
            1
            for site, wanted in found.changes.items()
            for code, url in wanted.items()
            if (checked_url(code, url, inside) if url else None) != current.get((site, code))
        )
    return apply_addresses(sessions, actor, found.changes)


def refuse_problems(problems: Sequence[str]) -> None:
    """Refuse, listing them, when there are ``problems``."""
    if problems:
        listed = "\n".join(problems[:50])
        raise InvalidInput(PROBLEMS, count=len(problems), problems=listed)


def _inside(sessions: SessionFactory) -> Domains:
    with sessions() as session:
        return Domains(session.scalars(select(SiteDomain.domain)))


def address_problems(session: Session, found: AddressRows) -> list[str]:
    """Every row's problem, in line order: unknown site or column, a bad address."""
    changes, lines = found.changes, found.lines
    known = {
        (site, code)
        for site, code in session.execute(
            select(Site.code, SiteColumn.code).join(Site, Site.id == SiteColumn.site_id)
        )
    }
    sites = {site for site, _code in known} | set(
        session.scalars(select(Site.code).where(Site.code.in_(list(changes))))
    )
    inside = Domains(session.scalars(select(SiteDomain.domain)))
    found_problems: list[tuple[int, str]] = []
    for site, wanted in changes.items():
        for code, url in wanted.items():
            line = lines[(site, code)]
            problem: ConsoleError | None = None
            if site not in sites:
                problem = NotFound(NO_SITE, code=site)
            elif (site, code) not in known:
                problem = NotFound(NO_COLUMN, site=site, code=code)
            elif url:
                try:
                    checked_url(code, url, inside)
                except InvalidInput as error:
                    problem = error
            if problem is not None:
                text = translate("", ROW_PROBLEM).format(line=line, problem=problem)
                found_problems.append((line, text))
    return [text for _line, text in sorted(found_problems)]
