"""Editors' accounts: the list, opening and changing accounts, locks, and bulk import.

Personal data is masked wherever it is shown; revealing a phone number is journalled."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import exists, or_, select
from sqlalchemy import update as sa_update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from console.base import journal
from console.base.actor import Actor, require
from console.base.editing import editing
from console.base.errors import InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, joined, translate
from console.base.identifiers import is_username
from console.base.labels import ACCOUNT_STATUSES, label_of
from console.base.listing import Field, Listing, count_of
from console.base.masking import mask_phone
from console.db import SessionFactory
from console.permissions.rights import CLOSED_STATES, in_force
from console.schema import Account, AccountStatus, Duty, Grant, Site, utcnow

_grants = count_of(Grant.account_id, Account.id)

ACCOUNTS = Listing(
    name="accounts",
    title=QT_TR_NOOP("编辑人员账号"),
    source=Account.__table__.outerjoin(Site, Site.id == Account.site_id),
    row_id=Account.id,
    readers=frozenset({Duty.SECURITY_ADMIN}),
    default_sort="username",
    fields=(
        Field("username", QT_TR_NOOP("账号"), Account.username, searchable=True, width=12),
        Field("name", QT_TR_NOOP("姓名"), Account.full_name, searchable=True, width=8),
        Field("organisation", QT_TR_NOOP("单位"), Account.organisation, searchable=True, width=26),
        Field("site", QT_TR_NOOP("所属网站"), Site.name, searchable=True, width=24),
        Field(
            "phone",
            QT_TR_NOOP("手机"),
            Account.phone,
            sortable=False,
            render=lambda v: mask_phone(str(v or "")),
            width=11,
        ),
        Field(
            "status", QT_TR_NOOP("状态"), Account.status, render=label_of(ACCOUNT_STATUSES), width=6
        ),
        Field("grants", QT_TR_NOOP("授权数"), _grants, width=6),
        Field("last_login", QT_TR_NOOP("最近登录"), Account.last_login_at, width=16),
    ),
)

PHONE = re.compile(r"1[3-9]\d{9}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MAX_FAILED_LOGINS = 5
IMPORT_HEADINGS = {
    "username": QT_TR_NOOP("账号"),
    "full_name": QT_TR_NOOP("姓名"),
    "organisation": QT_TR_NOOP("单位"),
    "site_code": QT_TR_NOOP("网站标识码"),
    "phone": QT_TR_NOOP("手机"),
    "email": QT_TR_NOOP("邮箱"),
}

BAD_USERNAME = QT_TR_NOOP("账号只能由小写字母、数字和 . _ - 组成，长度 2 到 64：{username}")
USERNAME_TAKEN = QT_TR_NOOP("账号 {username} 已存在。")
USERNAME_TWICE = QT_TR_NOOP("账号 {username} 在文件中重复（第 {first} 行已有）。")
NAME_MISSING = QT_TR_NOOP("请填写姓名。")
ORGANISATION_MISSING = QT_TR_NOOP("请填写单位。")
BAD_PHONE = QT_TR_NOOP("手机号 {phone} 不是大陆手机号（11 位，以 13–19 开头）。")
BAD_EMAIL = QT_TR_NOOP("邮箱 {email} 格式不正确。")
UNKNOWN_SITE = QT_TR_NOOP("网站标识码 {code} 不存在。")
CLOSED_SITE = QT_TR_NOOP("网站 {code} 已下线或整合迁移，不能再开设账号。")
UNKNOWN_ACCOUNT = QT_TR_NOOP("编辑账号 {id} 不存在。")
NOT_LOCKED = QT_TR_NOOP("账号 {username} 未被锁定。")
MISSING_HEADINGS = QT_TR_NOOP("导入文件缺少列：{headings}")
UNREADABLE = QT_TR_NOOP("无法读取导入文件：{error}")
IMPORT_REFUSED = QT_TR_NOOP("{n} 行有错误，未导入任何账号。请先在预览中修正。")
EMPTY_IMPORT = QT_TR_NOOP("导入文件没有数据行。")
ACCOUNT_PROBLEMS = QT_TR_NOOP("账号信息有误：{problems}")


@dataclass(frozen=True)
class AccountFields:
    """What the operator types for an account; ``site_code`` names the home site."""

    username: str
    full_name: str
    organisation: str
    site_code: str = ""
    phone: str = ""
    email: str = ""

    def cleaned(self) -> AccountFields:
        """The fields with surrounding blanks removed, phone digits only, username lower case."""
        phone = re.sub(r"[\s-]", "", self.phone).removeprefix("+86")
        return AccountFields(
            self.username.strip().lower(),
            self.full_name.strip(),
            self.organisation.strip(),
            self.site_code.strip(),
            phone,
            self.email.strip(),
        )


@dataclass(frozen=True)
class AccountDetail:
    """One account as the detail pane shows it (phone masked)."""

    id: int
    version: int
    username: str
    full_name: str
    organisation: str
    site_code: str
    site_name: str
    phone_masked: str
    email: str
    status: str
    failed_logins: int
    last_login_at: dt.datetime | None


def problems(session: Session, fields: AccountFields, account_id: int | None = None) -> list[str]:
    """Every rule ``fields`` break, as translated messages (empty when the account is valid)."""
    found: list[tuple[str, dict[str, object]]] = []
    if not is_username(fields.username):
        found.append((BAD_USERNAME, {"username": fields.username}))
    else:
        owner = session.scalar(select(Account.id).where(Account.username == fields.username))
        if owner is not None and owner != account_id:
            found.append((USERNAME_TAKEN, {"username": fields.username}))
    if not fields.full_name:
        found.append((NAME_MISSING, {}))
    if not fields.organisation:
        found.append((ORGANISATION_MISSING, {}))
    if fields.phone and not PHONE.fullmatch(fields.phone):
        found.append((BAD_PHONE, {"phone": fields.phone}))
    if fields.email and not EMAIL.fullmatch(fields.email):
        found.append((BAD_EMAIL, {"email": fields.email}))
    if fields.site_code:
        state = session.scalar(select(Site.state).where(Site.code == fields.site_code))
        if state is None:
            found.append((UNKNOWN_SITE, {"code": fields.site_code}))
        elif state in CLOSED_STATES:
            found.append((CLOSED_SITE, {"code": fields.site_code}))
    return [translate("", message).format(**params) for message, params in found]


def _validated(session: Session, fields: AccountFields, account_id: int | None = None) -> None:
    found = problems(session, fields, account_id)
    if found:
        raise InvalidInput(ACCOUNT_PROBLEMS, problems=joined(found))


def _site_id(session: Session, code: str) -> int | None:
    return session.scalar(select(Site.id).where(Site.code == code)) if code else None


def _insert(session: Session, actor: Actor, fields: AccountFields) -> Account:
    account = Account(
        username=fields.username,
        full_name=fields.full_name,
        organisation=fields.organisation,
        site_id=_site_id(session, fields.site_code),
        phone=fields.phone,
        email=fields.email,
        status=AccountStatus.ACTIVE.value,
        failed_logins=0,
    )
    session.add(account)
    session.flush()
    journal.record(
        session, actor, "account.create", "account", account.id, account.username, None,
        _snapshot(account),
    )  # fmt: skip
    return account


def create(sessions: SessionFactory, actor: Actor, fields: AccountFields) -> int:
    """Open an editor's account; its id."""
    require(actor, Duty.SECURITY_ADMIN)
    fields = fields.cleaned()
    with sessions.begin() as session:
        _validated(session, fields)
        return _insert(session, actor, fields).id


def update(
    sessions: SessionFactory,
    actor: Actor,
    account_id: int,
    fields: AccountFields,
    expected_version: int,
) -> None:
    """Change an account's particulars (at the version the operator saw)."""
    require(actor, Duty.SECURITY_ADMIN)
    fields = fields.cleaned()
    with editing(sessions, Account, account_id, expected_version, "account") as (session, account):
        _validated(session, fields, account_id)
        before = _snapshot(account)
        account.username = fields.username
        account.full_name = fields.full_name
        account.organisation = fields.organisation
        account.site_id = _site_id(session, fields.site_code)
        account.phone = fields.phone
        account.email = fields.email
        journal.record(
            session, actor, "account.update", "account", account.id, account.username, before,
            _snapshot(account),
        )  # fmt: skip


def set_status(
    sessions: SessionFactory, actor: Actor, account_id: int, status: str, expected_version: int
) -> None:
    """Disable, re-enable or unlock (to active) an account; unlocking clears the failure count."""
    require(actor, Duty.SECURITY_ADMIN)
    action = {
        AccountStatus.DISABLED: "account.disable",
        AccountStatus.ACTIVE: "account.enable",
    }[AccountStatus(status)]
    with editing(sessions, Account, account_id, expected_version, "account") as (session, account):
        if account.status == AccountStatus.LOCKED and status == AccountStatus.ACTIVE:
            action = "account.unlock"
        before = _snapshot(account)
        account.status = status
        account.failed_logins = 0
        journal.record(
            session, actor, action, "account", account.id, account.username, before,
            _snapshot(account),
        )  # fmt: skip


def disable_within(session: Session, actor: Actor, account_id: int) -> None:
    """Disable an account inside the caller's transaction (e.g. with revoking its grants)."""
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound(UNKNOWN_ACCOUNT, id=account_id)
    if account.status == AccountStatus.DISABLED:
        return
    before = _snapshot(account)
    account.status = AccountStatus.DISABLED.value
    account.failed_logins = 0
    account.version += 1
    journal.record(
        session, actor, "account.disable", "account", account.id, account.username, before,
        _snapshot(account),
    )  # fmt: skip


def unlock(sessions: SessionFactory, actor: Actor, account_id: int, expected_version: int) -> None:
    """Unlock an account locked after failed logins."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFound(UNKNOWN_ACCOUNT, id=account_id)
        if account.status != AccountStatus.LOCKED:
            raise InvalidInput(NOT_LOCKED, username=account.username)
    set_status(sessions, actor, account_id, AccountStatus.ACTIVE, expected_version)


def record_failed_login(sessions: SessionFactory, account_id: int) -> bool:
    """Count a failed login reported by the content system; whether the account is now locked."""
    with sessions.begin() as session:
        account = session.scalar(select(Account).where(Account.id == account_id).with_for_update())
        if account is None:
            raise NotFound(UNKNOWN_ACCOUNT, id=account_id)
        failed = account.failed_logins + 1
        values: dict[str, object] = {"failed_logins": failed}
        locks = failed >= MAX_FAILED_LOGINS and account.status == AccountStatus.ACTIVE
        if locks:
            values["status"] = AccountStatus.LOCKED.value
            journal.record(
                session, Actor.system(), "account.lock", "account", account.id, account.username,
                {"failed_logins": account.failed_logins}, {"failed_logins": failed},
            )  # fmt: skip
        session.execute(sa_update(Account).where(Account.id == account_id).values(**values))
        return locks or account.status == AccountStatus.LOCKED


def detail(sessions: SessionFactory, actor: Actor, account_id: int) -> AccountDetail:
    """One account with its phone masked."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        row = session.execute(
            select(Account, Site.code, Site.name)
            .outerjoin(Site, Site.id == Account.site_id)
            .where(Account.id == account_id)
        ).first()
        if row is None:
            raise NotFound(UNKNOWN_ACCOUNT, id=account_id)
        a, code, name = row
        return AccountDetail(
            a.id, a.version, a.username, a.full_name, a.organisation, code or "", name or "",
            mask_phone(a.phone), a.email, a.status, a.failed_logins, a.last_login_at,
        )  # fmt: skip


def reveal_phone(sessions: SessionFactory, actor: Actor, account_id: int) -> str:
    """The account's full phone number; the reveal is journalled (personal data)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions.begin() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFound(UNKNOWN_ACCOUNT, id=account_id)
        journal.record(
            session, actor, "account.reveal_phone", "account", account.id, account.username
        )
        return account.phone


def account_ids(sessions: SessionFactory, actor: Actor, usernames: Sequence[str]) -> dict[str, int]:
    """The ids of the named accounts (names not found are left out)."""
    require(actor, Duty.SECURITY_ADMIN)
    names = [n.strip().lower() for n in usernames if n.strip()]
    with sessions() as session:
        rows = session.execute(
            select(Account.username, Account.id).where(Account.username.in_(names))
        )
        return {username: id_ for username, id_ in rows}


def filtered(
    role: str | None = None,
    site_id: int | None = None,
    idle_days: int | None = None,
    now: dt.datetime | None = None,
    organisation: str = "",
    status: str | None = None,
) -> Listing:
    """The account list narrowed to holders of ``role`` in force (on that site, with a site),
    the accounts of a site (its home site, or a grant there), an organisation containing the
    words typed, a status, or logins idle for ``idle_days`` (never logged in counts as idle)."""
    moment = now or utcnow()
    where: list[ColumnElement[bool]] = []
    if role:
        held = [Grant.account_id == Account.id, Grant.role == role, in_force(moment)]
        if site_id is not None:
            held.append(Grant.site_id == site_id)
        where.append(exists().where(*held))
    if site_id is not None:
        granted = exists().where(Grant.account_id == Account.id, Grant.site_id == site_id)
        where.append(or_(Account.site_id == site_id, granted))
    if organisation.strip():
        where.append(Account.organisation.contains(organisation.strip(), autoescape=True))
    if status:
        where.append(Account.status == status)
    if idle_days is not None:
        cutoff = moment - dt.timedelta(days=idle_days)
        where.append(or_(Account.last_login_at.is_(None), Account.last_login_at < cutoff))
    return replace(ACCOUNTS, where=tuple(where))


# -- import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRow:
    """One data row of an import file, with its line number and what is wrong with it."""

    line: int
    fields: AccountFields
    problems: tuple[str, ...]


def read_import(path: Path) -> list[tuple[int, AccountFields]]:
    """The rows of a CSV or XLSX file whose first row holds the headings (账号, 姓名, …)."""
    try:
        if path.suffix.lower() == ".xlsx":
            with closing(load_workbook(path, read_only=True, data_only=True)) as book:
                table = [
                    ["" if c is None else str(c) for c in row]
                    for row in book.worksheets[0].iter_rows(values_only=True)
                ]
        else:
            with open(path, encoding="utf-8-sig", newline="") as stream:
                table = list(csv.reader(stream))
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as error:
        raise InvalidInput(UNREADABLE, error=str(error)) from error
    if not table:
        raise InvalidInput(EMPTY_IMPORT)
    headings = [h.strip() for h in table[0]]
    wanted = {key: translate("", title) for key, title in IMPORT_HEADINGS.items()}
    position: dict[str, int] = {}
    for key, title in IMPORT_HEADINGS.items():
        for candidate in (title, wanted[key], key):
            if candidate in headings:
                position[key] = headings.index(candidate)
                break
    missing = [wanted[k] for k in ("username", "full_name", "organisation") if k not in position]
    if missing:
        raise InvalidInput(MISSING_HEADINGS, headings=joined(missing))
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        value = {k: (cells[i] if i < len(cells) else "") for k, i in position.items()}
        rows.append((number, AccountFields(**value).cleaned()))
    if not rows:
        raise InvalidInput(EMPTY_IMPORT)
    return rows


def preview_import(
    sessions: SessionFactory, actor: Actor, rows: Sequence[tuple[int, AccountFields]]
) -> list[ImportRow]:
    """Check every row (format, duplicates in the file and in the database, unknown sites)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        return _judged(session, rows)


def _judged(session: Session, rows: Sequence[tuple[int, AccountFields]]) -> list[ImportRow]:
    seen: dict[str, int] = {}
    judged = []
    for line, fields in rows:
        found = problems(session, fields.cleaned())
        if fields.username in seen:
            found.append(
                translate("", USERNAME_TWICE).format(
                    username=fields.username, first=seen[fields.username]
                )
            )
        seen.setdefault(fields.username, line)
        judged.append(ImportRow(line, fields, tuple(found)))
    return judged


def import_accounts(
    sessions: SessionFactory, actor: Actor, rows: Sequence[tuple[int, AccountFields]]
) -> int:
    """Create every account of an import in one transaction, or none if any row is wrong."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions.begin() as session:
        judged = _judged(session, rows)
        wrong = [row for row in judged if row.problems]
        if wrong:
            raise InvalidInput(IMPORT_REFUSED, n=len(wrong))
        for row in judged:
            _insert(session, actor, row.fields)
        return len(judged)


def _snapshot(account: Account) -> dict[str, object]:
    return {
        "username": account.username,
        "full_name": account.full_name,
        "organisation": account.organisation,
        "site_id": account.site_id,
        "phone": mask_phone(account.phone),
        "email": account.email,
        "status": account.status,
    }
