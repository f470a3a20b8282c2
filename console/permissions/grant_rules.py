"""The rules a grant must satisfy, and the plan of an operation row by row.

A request is judged against the rules, the grants the account holds and the rows to be
applied before it (a bulk operation judges its rows in order, so one row may rely on another:
a 发布 on a 先审后发 site needs the 审核 granted in the same operation). Rules: no grant on a
retired or merged site or to a disabled account; an expiry lies in the future; 站点管理员 only
over whole sites; on a 先审后发 site (``publish_requires_review``) 发布 needs 审核 over the same
scope, and nobody both writes (编辑) and publishes (发布) over overlapping scopes.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from console.base import clock
from console.base.cluster import settings_of
from console.base.errors import InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import ROLES
from console.permissions.rights import CLOSED_STATES, Right, column_path, rights_of
from console.permissions.scopes import UNKNOWN_COLUMN, UNKNOWN_SITE
from console.schema import Account, AccountStatus, Role, Site, SiteColumn, utcnow

UNKNOWN_ACCOUNT = QT_TR_NOOP("编辑账号 {id} 不存在。")
UNKNOWN_ROLE = QT_TR_NOOP("未知角色：{role}")
SITE_CLOSED = QT_TR_NOOP("网站“{site}”已下线或已整合迁移，不能再授权。")
PAST_EXPIRY = QT_TR_NOOP("到期时间 {when} 已过，请选择将来的时间。")
NEEDS_REVIEW = QT_TR_NOOP(
    "网站“{site}”实行先审后发：{account} 须先在同一范围持有“审核”权限，才能授予“发布”。"
)
WRITE_AND_PUBLISH = QT_TR_NOOP(
    "网站“{site}”实行先审后发：{account} 在重叠范围内已有“{held}”，不能再授予“{role}”"
    "（同一人不能既撰写又发布同一稿件）。"
)
ALREADY_HELD = QT_TR_NOOP("已持有相同授权，跳过")
ADMIN_WHOLE_SITE = QT_TR_NOOP("“站点管理员”只能授予整个网站，不能授予单个栏目。")
ACCOUNT_DISABLED = QT_TR_NOOP("账号 {account} 已停用，不能再授权；请先启用。")

T = TypeVar("T")
WRITER_ROLES = {Role.EDITOR.value: Role.PUBLISHER.value, Role.PUBLISHER.value: Role.EDITOR.value}


@dataclass(frozen=True)
class GrantRequest:
    """A role for an account over a site (``column_id`` None) or a column subtree."""

    account_id: int
    role: str
    site_id: int
    column_id: int | None = None
    expires_at: dt.datetime | None = None


class Verdict(enum.StrEnum):
    """What a bulk operation will do with one row."""

    APPLY = "apply"
    SKIP = "skip"
    REFUSE = "refuse"


@dataclass(frozen=True)
class PlannedRow:
    """One row of a bulk preview: the grant concerned, what happens to it, and why."""

    request: GrantRequest
    username: str
    scope: str
    verdict: Verdict
    reason: str = ""
    grant_id: int | None = None
    path: str = ""


@dataclass(frozen=True)
class Plan:
    """A bulk operation's preview (or, once applied, its record)."""

    rows: tuple[PlannedRow, ...]

    def count(self, verdict: Verdict) -> int:
        """How many rows get ``verdict``."""
        return sum(1 for row in self.rows if row.verdict is verdict)

    @property
    def refused(self) -> list[PlannedRow]:
        """Rows the rules refuse; while there are any, the plan cannot be applied."""
        return [row for row in self.rows if row.verdict is Verdict.REFUSE]


def plan_requests(session: Session, requests: Iterable[GrantRequest]) -> Plan:
    """Judge ``requests`` in order, each after the rows to be applied before it."""
    memo = _Memo(utcnow())
    pending: list[PlannedRow] = []
    applying: dict[tuple[int, int], list[PlannedRow]] = {}
    for request in requests:
        key = (request.account_id, request.site_id)
        row = judge(session, request, memo, applying.get(key, []))
        if row.verdict is Verdict.APPLY:
            applying.setdefault(key, []).append(row)
        pending.append(row)
    return Plan(tuple(pending))


class _Memo:
    """What one plan reads once: the time, accounts, sites and each account's rights.

    The session's identity map holds objects weakly, so without this a bulk plan would read
    the same account and site again for every row."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self._rows: dict[tuple[type, int], object] = {}
        self._rights: dict[int, list[Right]] = {}

    def get(self, session: Session, model: type[T], key: int) -> T | None:
        """``session.get`` remembered for the plan."""
        if (model, key) not in self._rows:
            self._rows[(model, key)] = session.get(model, key)
        return self._rows[(model, key)]  # type: ignore[return-value]

    def rights(self, session: Session, account_id: int) -> list[Right]:
        """The account's rights in force, read once."""
        if account_id not in self._rights:
            self._rights[account_id] = rights_of(session, account_id, self.now)
        return self._rights[account_id]


def judge(
    session: Session,
    request: GrantRequest,
    memo: _Memo | None = None,
    pending: Sequence[PlannedRow] = (),
) -> PlannedRow:
    """Judge one request against the rules, the grants held and the rows to be applied before
    it for the same account and site (``pending``).
    """
    memo = memo or _Memo(utcnow())
    now = memo.now
    account = memo.get(session, Account, request.account_id)
    if account is None:
        raise NotFound(UNKNOWN_ACCOUNT, id=request.account_id)
    site = memo.get(session, Site, request.site_id)
    if site is None:
        raise NotFound(UNKNOWN_SITE, site=request.site_id)
    if request.role not in ROLES:
        raise InvalidInput(UNKNOWN_ROLE, role=request.role)
    path = column_path(session, site.id, request.column_id)
    if request.column_id is not None and not path:
        raise NotFound(UNKNOWN_COLUMN, column=request.column_id, site=site.name)
    scope = site.name
    column = session.get(SiteColumn, request.column_id) if request.column_id else None
    if column is not None:
        scope += " › " + column.name

    def row(
        verdict: Verdict, reason: str = "", grant_id: int | None = None, **params: object
    ) -> PlannedRow:
        text = translate("", reason).format(**params) if reason else ""
        return PlannedRow(request, account.username, scope, verdict, text, grant_id, path)

    if site.state in CLOSED_STATES:
        return row(Verdict.REFUSE, SITE_CLOSED, site=site.name)
    if account.status == AccountStatus.DISABLED:
        return row(Verdict.REFUSE, ACCOUNT_DISABLED, account=account.username)
    if request.role == Role.SITE_ADMIN and request.column_id is not None:
        return row(Verdict.REFUSE, ADMIN_WHOLE_SITE)
    if request.expires_at is not None and request.expires_at <= now:
        when = clock.shown(request.expires_at, settings_of(session).zone)
        return row(Verdict.REFUSE, PAST_EXPIRY, when=when)
    held = [r for r in memo.rights(session, account.id) if r.site_id == site.id]
    held += [_probe(p.request, p.path) for p in pending]
    for right in held:
        same = right.role == request.role and right.column_id == request.column_id
        if same and right.expires_at in (None, request.expires_at):
            return row(Verdict.SKIP, ALREADY_HELD, grant_id=right.grant_id or None)
    if site.publish_requires_review:
        probe = _probe(request, path)
        opposite = WRITER_ROLES.get(request.role)
        for right in held:
            if right.role == opposite and right.overlaps(probe):
                return row(
                    Verdict.REFUSE,
                    WRITE_AND_PUBLISH,
                    site=site.name,
                    account=account.username,
                    held=translate("", ROLES[right.role]),
                    role=translate("", ROLES[request.role]),
                )
        reviewed = any(r.role == Role.REVIEWER and r.covers(site.id, path) for r in held)
        if request.role == Role.PUBLISHER and not reviewed:
            return row(Verdict.REFUSE, NEEDS_REVIEW, site=site.name, account=account.username)
    return row(Verdict.APPLY)


def _probe(request: GrantRequest, path: str) -> Right:
    """A stand-in ``Right`` for a requested grant, to compare scopes with held ones."""
    return Right(
        grant_id=0,
        grant_version=0,
        account_id=request.account_id,
        username="",
        full_name="",
        account_status="",
        role=request.role,
        site_id=request.site_id,
        site_code="",
        site_name="",
        column_id=request.column_id,
        column_name="",
        column_path=path,
        expires_at=request.expires_at,
        granted_at=utcnow(),
    )
