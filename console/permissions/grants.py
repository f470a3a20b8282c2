"""Grants: roles given to editors over a site or a column subtree (security administrator).

Single grants and revocations, and three bulk operations — a role for many accounts over many
sites, a staff handover (copy one account's grants to another) and revoking everything of a
leaving account. Each bulk operation is planned first (the preview lists every row and why a
row is refused or skipped) and applied in one transaction: all rows or none.

The rules each row is judged by live in ``console.permissions.grant_rules``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from console.base import clock, journal
from console.base.actor import Actor, require
from console.base.cluster import settings_of
from console.base.errors import InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import ROLES
from console.db import SessionFactory
from console.permissions import accounts
from console.permissions.grant_rules import (
    PAST_EXPIRY,
    SITE_CLOSED,
    UNKNOWN_ACCOUNT,
    GrantRequest,
    Plan,
    PlannedRow,
    Verdict,
    judge,
    plan_requests,
)
from console.permissions.rights import (
    CLOSED_STATES,
    DualHolding,
    Right,
    dual_holdings,
    node_grants,
    rights_of,
    who_can,
)
from console.schema import Account, Duty, Grant, Role, Site, SiteColumn, utcnow

UNKNOWN_GRANT = QT_TR_NOOP("授权 {id} 不存在，可能已被撤销。")
SAME_ACCOUNT = QT_TR_NOOP("移交的来源和目标不能是同一个账号。")
NOTHING_CHOSEN = QT_TR_NOOP("请至少选择一个账号和一个网站。")
BULK_REFUSED = QT_TR_NOOP("{n} 项不符合规则，未作任何更改。第一项：{first}")
NO_GRANTS = QT_TR_NOOP("该账号没有可撤销的授权。")


# -- reading ---------------------------------------------------------------------------


def who(
    sessions: SessionFactory,
    actor: Actor,
    role: str,
    site_id: int,
    column_id: int | None = None,
) -> list[Right]:
    """Who may act as ``role`` at a site or column, each with the grant it comes from."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        return who_can(session, role, site_id, column_id)


def of(
    sessions: SessionFactory, actor: Actor, account_id: int, with_expired: bool = False
) -> list[Right]:
    """What an account may do, where: its grants in force (and expired ones on request)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        return rights_of(session, account_id, with_expired=with_expired)


def grid(
    sessions: SessionFactory, actor: Actor, site_id: int, column_id: int | None
) -> list[Right]:
    """Every grant reaching a site or column, expired ones included (the permission grid)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        return node_grants(session, site_id, column_id)


def conflicts(
    sessions: SessionFactory,
    actor: Actor,
    account_ids: Sequence[int] | None = None,
    site_id: int | None = None,
) -> list[DualHolding]:
    """Accounts that both write and publish over overlapping scopes of a 先审后发 site."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        return dual_holdings(session, account_ids, site_id)


# -- single grants ------------------------------------------------------------------------


def grant(sessions: SessionFactory, actor: Actor, request: GrantRequest) -> int:
    """Give a role to an account over a site or column subtree; the new grant's id."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions.begin() as session:
        row = judge(session, request)
        if row.verdict is Verdict.REFUSE:
            raise InvalidInput(row.reason)
        if row.verdict is Verdict.SKIP:
            assert row.grant_id is not None
            return row.grant_id
        return _insert(session, actor, row)


def revoke(sessions: SessionFactory, actor: Actor, grant_id: int) -> None:
    """Withdraw one grant (a revoked grant is deleted; the journal keeps what it was)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions.begin() as session:
        _delete(session, actor, grant_id)


def renew(
    sessions: SessionFactory, actor: Actor, grant_id: int, expires_at: dt.datetime | None
) -> None:
    """Set a new expiry on a grant (None: until revoked), e.g. to revive an expired one."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions.begin() as session:
        if expires_at is not None and expires_at <= utcnow():
            raise InvalidInput(PAST_EXPIRY, when=clock.shown(expires_at, settings_of(session).zone))
        row = session.get(Grant, grant_id)
        if row is None:
            raise NotFound(UNKNOWN_GRANT, id=grant_id)
        site = session.get(Site, row.site_id)
        if site is None or site.state in CLOSED_STATES:
            raise InvalidInput(SITE_CLOSED, site=site.name if site else row.site_id)
        before = _snapshot(row)
        row.expires_at = expires_at
        row.version += 1
        journal.record(
            session,
            actor,
            "grant.renew",
            "grant",
            row.id,
            _label(session, row),
            before,
            _snapshot(row),
        )


# -- bulk ---------------------------------------------------------------------------------


def plan_bulk(
    sessions: SessionFactory,
    actor: Actor,
    account_ids: Sequence[int],
    role: str,
    site_ids: Sequence[int],
    expires_at: dt.datetime | None = None,
) -> Plan:
    """Preview granting ``role`` to every account over every whole site."""
    require(actor, Duty.SECURITY_ADMIN)
    requests = _bulk_requests(account_ids, role, site_ids, expires_at)
    with sessions() as session:
        return plan_requests(session, requests)


def bulk_grant(
    sessions: SessionFactory,
    actor: Actor,
    account_ids: Sequence[int],
    role: str,
    site_ids: Sequence[int],
    expires_at: dt.datetime | None = None,
) -> Plan:
    """Grant ``role`` to every account over every site, all or nothing; what was done."""
    require(actor, Duty.SECURITY_ADMIN)
    requests = _bulk_requests(account_ids, role, site_ids, expires_at)
    with sessions.begin() as session:
        return _apply(session, actor, plan_requests(session, requests))


def plan_handover(
    sessions: SessionFactory, actor: Actor, from_account: int, to_account: int
) -> Plan:
    """Preview copying every grant in force of one account to another (staff handover)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        return plan_requests(session, _handover_requests(session, from_account, to_account))


def handover(sessions: SessionFactory, actor: Actor, from_account: int, to_account: int) -> Plan:
    """Copy every grant in force of one account to another, all or nothing."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions.begin() as session:
        return _apply(
            session,
            actor,
            plan_requests(session, _handover_requests(session, from_account, to_account)),
        )


def plan_revoke_all(sessions: SessionFactory, actor: Actor, account_id: int) -> Plan:
    """Preview revoking every grant of a leaving account (expired ones too)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        return _revocations(session, account_id)


def revoke_all(
    sessions: SessionFactory, actor: Actor, account_id: int, disable: bool = False
) -> Plan:
    """Revoke every grant of an account (and disable it, for a leaver) in one transaction;
    what was revoked."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions.begin() as session:
        plan = _revocations(session, account_id)
        if not plan.rows and not disable:
            raise InvalidInput(NO_GRANTS)
        for row in plan.rows:
            assert row.grant_id is not None
            _delete(session, actor, row.grant_id)
        if disable:
            accounts.disable_within(session, actor, account_id)
        return plan


# -- the rules ------------------------------------------------------------------------------


def _bulk_requests(
    account_ids: Sequence[int], role: str, site_ids: Sequence[int], expires_at: dt.datetime | None
) -> list[GrantRequest]:
    if not account_ids or not site_ids:
        raise InvalidInput(NOTHING_CHOSEN)
    return [
        GrantRequest(account, role, site, None, expires_at)
        for account in dict.fromkeys(account_ids)
        for site in dict.fromkeys(site_ids)
    ]


def _handover_requests(session: Session, from_account: int, to_account: int) -> list[GrantRequest]:
    if from_account == to_account:
        raise InvalidInput(SAME_ACCOUNT)
    for account_id in (from_account, to_account):
        if session.get(Account, account_id) is None:
            raise NotFound(UNKNOWN_ACCOUNT, id=account_id)
    # Reviews first, so a 发布 copied alongside its 审核 satisfies 先审后发.
    order = {Role.SITE_ADMIN: 0, Role.REVIEWER: 1, Role.EDITOR: 2, Role.PUBLISHER: 3}
    held = sorted(rights_of(session, from_account), key=lambda r: order.get(Role(r.role), 9))
    return [
        GrantRequest(to_account, right.role, right.site_id, right.column_id, right.expires_at)
        for right in held
    ]


def _revocations(session: Session, account_id: int) -> Plan:
    if session.get(Account, account_id) is None:
        raise NotFound(UNKNOWN_ACCOUNT, id=account_id)
    rows = tuple(
        PlannedRow(
            GrantRequest(r.account_id, r.role, r.site_id, r.column_id, r.expires_at),
            r.username,
            r.scope_label,
            Verdict.APPLY,
            grant_id=r.grant_id,
        )
        for r in rights_of(session, account_id, with_expired=True)
    )
    return Plan(rows)


def _apply(session: Session, actor: Actor, plan: Plan) -> Plan:
    refused = plan.refused
    if refused:
        raise InvalidInput(
            BULK_REFUSED,
            n=len(refused),
            first=f"{refused[0].username} · {refused[0].scope}：{refused[0].reason}",
        )
    done = []
    for row in plan.rows:
        if row.verdict is Verdict.APPLY:
            row = replace(row, grant_id=_insert(session, actor, row))
        done.append(row)
    return Plan(tuple(done))


def _insert(session: Session, actor: Actor, row: PlannedRow) -> int:
    request = row.request
    grant_row = Grant(
        account_id=request.account_id,
        role=request.role,
        site_id=request.site_id,
        column_id=request.column_id,
        expires_at=request.expires_at,
        granted_by=actor.operator_id,
        granted_at=utcnow(),
    )
    session.add(grant_row)
    session.flush()
    journal.record(
        session,
        actor,
        "grant.create",
        "grant",
        grant_row.id,
        _label(session, grant_row),
        None,
        _snapshot(grant_row),
    )
    return grant_row.id


def _delete(session: Session, actor: Actor, grant_id: int) -> None:
    row = session.get(Grant, grant_id)
    if row is None:
        raise NotFound(UNKNOWN_GRANT, id=grant_id)
    label, before = _label(session, row), _snapshot(row)
    session.delete(row)
    session.flush()
    journal.record(session, actor, "grant.revoke", "grant", grant_id, label, before, None)


def _label(session: Session, row: Grant) -> str:
    account = session.get(Account, row.account_id)
    site = session.get(Site, row.site_id)
    where = site.name if site else str(row.site_id)
    if row.column_id is not None:
        column = session.get(SiteColumn, row.column_id)
        where += " › " + (column.name if column else str(row.column_id))
    role = translate("", ROLES.get(row.role, row.role))
    return f"{account.username if account else row.account_id} · {role} · {where}"


def _snapshot(row: Grant) -> dict[str, object]:
    return {
        "account_id": row.account_id,
        "role": row.role,
        "site_id": row.site_id,
        "column_id": row.column_id,
        "expires_at": row.expires_at,
    }
