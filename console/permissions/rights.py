"""Effective rights: which grants give whom what, where, computed set-wise in SQL.

A grant covers a whole site (``column_id`` NULL) or a column subtree. ``site_columns.path`` is
the materialised id path ``/1/7/42/``, so the grants that reach a column are those on the site
or on one of the ids in its own path (no walk up the tree), and the columns a grant reaches
are those whose path starts with the granted column's path. Every question is one query.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, bindparam, false, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from console.base.rows import named_rows
from console.schema import Account, AccountStatus, Grant, Role, Site, SiteColumn, SiteState, utcnow

CLOSED_STATES = (SiteState.RETIRED.value, SiteState.MERGED.value)


class Standing(enum.StrEnum):
    """How a grant stands towards the node the operator looks at."""

    EXPLICIT = "explicit"
    INHERITED = "inherited"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Right:
    """One right an account holds, with the grant it comes from."""

    grant_id: int
    grant_version: int
    account_id: int
    username: str
    full_name: str
    account_status: str
    role: str
    site_id: int
    site_code: str
    site_name: str
    column_id: int | None
    column_name: str
    column_path: str
    expires_at: dt.datetime | None
    granted_at: dt.datetime

    @property
    def scope_label(self) -> str:
        """The site, and the column subtree when the grant is narrower than the site."""
        if self.column_id is None:
            return self.site_name
        return f"{self.site_name} › {self.column_name}"

    def covers(self, site_id: int, path: str) -> bool:
        """Whether this grant reaches the column at ``path`` of ``site_id`` ('' = the site)."""
        if site_id != self.site_id:
            return False
        return self.column_id is None or (bool(path) and path.startswith(self.column_path))

    def overlaps(self, other: Right) -> bool:
        """Whether the two grants' scopes share at least one column (or the site itself)."""
        if self.site_id != other.site_id:
            return False
        if self.column_id is None or other.column_id is None:
            return True
        return self.column_path.startswith(other.column_path) or other.column_path.startswith(
            self.column_path
        )


def ancestor_ids(path: str) -> list[int]:
    """The column ids of a materialised path, root first: ``/1/7/42/`` → [1, 7, 42]."""
    return [int(part) for part in path.strip("/").split("/") if part]


def in_force(now: dt.datetime) -> ColumnElement[bool]:
    """Grants not expired at ``now``."""
    return or_(Grant.expires_at.is_(None), Grant.expires_at > now)


# Labelled as ``Right`` names its fields, so each row builds one by name.
_RIGHT_COLUMNS: tuple[Any, ...] = (
    Grant.id.label("grant_id"),
    Grant.version.label("grant_version"),
    Account.id.label("account_id"),
    Account.username,
    Account.full_name,
    Account.status.label("account_status"),
    Grant.role,
    Site.id.label("site_id"),
    Site.code.label("site_code"),
    Site.name.label("site_name"),
    Grant.column_id,
    func.coalesce(SiteColumn.name, "").label("column_name"),
    func.coalesce(SiteColumn.path, "").label("column_path"),
    Grant.expires_at,
    Grant.granted_at,
)


@functools.cache
def _rights_query() -> Select[Any]:
    """The rights columns over grants, accounts, sites and columns (built once: statements are
    immutable, and building this one costs more than running it)."""
    return (
        select(*_RIGHT_COLUMNS)
        .select_from(Grant)
        .join(Account, Account.id == Grant.account_id)
        .join(Site, Site.id == Grant.site_id)
        .outerjoin(SiteColumn, SiteColumn.id == Grant.column_id)
    )


def _rights(session: Session, statement: Select[Any]) -> list[Right]:
    return [Right(**values) for values in named_rows(session.execute(statement))]


def column_path(session: Session, site_id: int, column_id: int | None) -> str:
    """The path of ``column_id`` within ``site_id`` ('' for the site itself; None → '')."""
    if column_id is None:
        return ""
    path = session.scalar(
        select(SiteColumn.path).where(SiteColumn.id == column_id, SiteColumn.site_id == site_id)
    )
    return path or ""


def reaching(site_id: int, path: str) -> ColumnElement[bool]:
    """Grants whose scope reaches the node at ``path`` of ``site_id`` ('' = the whole site)."""
    ancestors = ancestor_ids(path)
    on_column = Grant.column_id.in_(ancestors) if ancestors else false()
    return and_(Grant.site_id == site_id, or_(Grant.column_id.is_(None), on_column))


def who_can(
    session: Session,
    role: str,
    site_id: int,
    column_id: int | None = None,
    now: dt.datetime | None = None,
) -> list[Right]:
    """The grants in force that let an active account act as ``role`` at the node."""
    path = column_path(session, site_id, column_id)
    statement = (
        _rights_query()
        .where(
            reaching(site_id, path),
            Grant.role == role,
            in_force(now or utcnow()),
            Account.status == AccountStatus.ACTIVE.value,
            Site.state.not_in(CLOSED_STATES),
        )
        .order_by(Account.username, Grant.id)
    )
    return _rights(session, statement)


def rights_of(
    session: Session, account_id: int, now: dt.datetime | None = None, with_expired: bool = False
) -> list[Right]:
    """Every grant of an account (in force only, unless ``with_expired``), site by site."""
    statement = _rights_query().where(Grant.account_id == account_id)
    if not with_expired:
        statement = statement.where(in_force(now or utcnow()), Site.state.not_in(CLOSED_STATES))
    return _rights(session, statement.order_by(Site.code, SiteColumn.path, Grant.role, Grant.id))


def node_grants(session: Session, site_id: int, column_id: int | None) -> list[Right]:
    """Every grant reaching a node (expired ones too), for the permission grid."""
    path = column_path(session, site_id, column_id)
    statement = _rights_query().where(reaching(site_id, path)).order_by(Account.username, Grant.id)
    return _rights(session, statement)


def standing(right: Right, column_id: int | None, now: dt.datetime) -> Standing:
    """Whether a grant reaching a node is explicit there, inherited from above, or expired."""
    if right.expires_at is not None and right.expires_at <= now:
        return Standing.EXPIRED
    return Standing.EXPLICIT if right.column_id == column_id else Standing.INHERITED


@dataclass(frozen=True)
class DualHolding:
    """An account that both writes (编辑) and publishes (发布) over overlapping scopes."""

    account_id: int
    username: str
    site_id: int
    site_name: str
    editor_grant_id: int
    publisher_grant_id: int


@functools.cache
def _dual_query() -> tuple[Select[Any], ColumnElement[int], ColumnElement[int]]:
    """Editor × publisher grants of one account over overlapping scopes of a 先审后发 site, in
    force at the bound ``moment``; with the editor grant's account and site columns to narrow
    it. Built once: building the aliases costs many times what running the query does."""
    editor, publisher = aliased(Grant), aliased(Grant)
    editor_col, publisher_col = aliased(SiteColumn), aliased(SiteColumn)
    moment = bindparam("moment", type_=Grant.expires_at.type)
    # Labelled as ``DualHolding`` names its fields.
    columns: tuple[Any, ...] = (
        Account.id.label("account_id"),
        Account.username,
        Site.id.label("site_id"),
        Site.name.label("site_name"),
        editor.id.label("editor_grant_id"),
        publisher.id.label("publisher_grant_id"),
    )
    statement = (
        select(*columns)
        .select_from(editor)
        .join(
            publisher,
            and_(
                publisher.account_id == editor.account_id,
                publisher.site_id == editor.site_id,
                publisher.role == Role.PUBLISHER.value,
            ),
        )
        .join(Account, Account.id == editor.account_id)
        .join(Site, Site.id == editor.site_id)
        .outerjoin(editor_col, editor_col.id == editor.column_id)
        .outerjoin(publisher_col, publisher_col.id == publisher.column_id)
        .where(
            editor.role == Role.EDITOR.value,
            Site.publish_requires_review.is_(True),
            Site.state.not_in(CLOSED_STATES),
            or_(editor.expires_at.is_(None), editor.expires_at > moment),
            or_(publisher.expires_at.is_(None), publisher.expires_at > moment),
            or_(
                editor.column_id.is_(None),
                publisher.column_id.is_(None),
                editor_col.path.startswith(publisher_col.path),
                publisher_col.path.startswith(editor_col.path),
            ),
        )
        .order_by(Account.username, Site.name, editor.id, publisher.id)
    )
    return statement, editor.account_id.expression, editor.site_id.expression


def dual_holdings(
    session: Session,
    account_ids: Sequence[int] | None = None,
    site_id: int | None = None,
    now: dt.datetime | None = None,
) -> list[DualHolding]:
    """Accounts holding 编辑 and 发布 in force over overlapping scopes of a 先审后发 site."""
    statement, account_column, site_column = _dual_query()
    if account_ids is not None:
        statement = statement.where(account_column.in_(list(account_ids)))
    if site_id is not None:
        statement = statement.where(site_column == site_id)
    rows = session.execute(statement, {"moment": now or utcnow()})
    return [DualHolding(**values) for values in named_rows(rows)]
