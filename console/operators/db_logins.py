"""The database login each operator needs on a server database: the SQL, or creating it.

Each operator's console connects with a database login of their own that holds only their
duties' roles (``console.db.roles``); the console password and the database password stay
apart (docs/security.md says why). The login is named like the operator. Creating it needs a
connection allowed to create logins (the owner's, or a DBA's); otherwise the SQL is printed
for the database administrator.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from console.base import journal
from console.base.actor import Actor, require
from console.base.errors import InvalidInput, NotPermitted
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.db.role_state import existing_roles, recorded_prefix
from console.db.roles import (
    change_statements,
    engine_family,
    login_statements,
    role_name,
    valid_login,
)
from console.schema import Duty

SINGLE_OPERATOR = QT_TR_NOOP(
    "嵌入式 SQLite 数据库只供单个操作员使用，没有数据库登录和角色；多人协作请使用 "
    "PostgreSQL 或 MariaDB。"
)
BAD_LOGIN = QT_TR_NOOP("{login} 不能用作数据库登录名。")
LOGIN_EXISTS = QT_TR_NOOP(
    "数据库登录 {login} 已存在；如需调整其角色，请由数据库管理员执行所列 SQL。"
)
CANNOT_CREATE = QT_TR_NOOP("当前数据库连接无权建立登录；请把所列 SQL 交给数据库管理员执行。")
LOGIN_MISSING = QT_TR_NOOP("数据库中没有登录 {login}；请先建立它。")
ROLES_MISSING = QT_TR_NOOP(
    "数据库中还没有角色 {roles}；请先由数据库所有者执行 cluster-console db roles --apply。"
)
NO_DUTIES = QT_TR_NOOP("操作员 {login} 没有任何职责，不需要数据库登录。")

CAN_CREATE = {
    "postgresql": "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user",
    "mariadb": "SELECT COUNT(*) > 0 FROM information_schema.USER_PRIVILEGES "
    "WHERE PRIVILEGE_TYPE = 'CREATE USER'",
}
EXISTS = {
    "postgresql": "SELECT COUNT(*) FROM pg_roles WHERE rolname = :login",
    "mariadb": "SELECT COUNT(*) FROM mysql.user WHERE User = :login",
}


@dataclass(frozen=True)
class LoginAdvice:
    """What to tell whoever sets operators up: the engine, the SQL, and whether we may run it."""

    engine: str
    statements: tuple[str, ...]
    can_create: bool
    missing_roles: tuple[str, ...] = ()

    @property
    def single_operator(self) -> bool:
        """Whether the database is the embedded, single-operator SQLite file."""
        return self.engine == "sqlite"


def _family(session: Session) -> str:
    return engine_family(session.get_bind().dialect.name)


def _checked(logins: Sequence[tuple[str, frozenset[Duty]]]) -> None:
    for login, duties in logins:
        if not valid_login(login):
            raise InvalidInput(BAD_LOGIN, login=login)
        if not duties:
            raise InvalidInput(NO_DUTIES, login=login)


def advice(
    sessions: SessionFactory,
    logins: Sequence[tuple[str, frozenset[Duty]]],
    prefix: str | None = None,
) -> LoginAdvice:
    """The SQL creating each ``(login, duties)``, with a placeholder password (roles of
    ``prefix``, by default the one ``db roles --apply`` recorded), and, when this connection
    may create them, the roles they need that do not exist yet (``db roles --apply`` first)."""
    _checked(logins)
    with sessions() as session:
        family = _family(session)
        if family == "sqlite":
            return LoginAdvice(family, (), False)
        allowed = bool(session.execute(text(CAN_CREATE[family])).scalar())
        prefix = prefix or recorded_prefix(session.connection())
        # Only a login that may create logins is sure to see every role (MariaDB's list of
        # roles is not readable by the duty logins); the DBA handed the SQL sees it anyway.
        missing = _missing_roles(session, logins, prefix) if allowed else ()
    statements = [
        statement
        for login, duties in logins
        for statement in login_statements(family, login, _ordered(duties), prefix)
    ]
    return LoginAdvice(family, tuple(statements), allowed, missing)


def _missing_roles(
    session: Session, logins: Sequence[tuple[str, frozenset[Duty]]], prefix: str
) -> tuple[str, ...]:
    """The duty roles ``logins`` need that the server does not have."""
    wanted = {role_name(d, prefix) for _, duties in logins for d in duties}
    return tuple(sorted(wanted - existing_roles(session.connection(), prefix)))


def change_advice(
    sessions: SessionFactory, login: str, before: frozenset[Duty], after: frozenset[Duty]
) -> LoginAdvice:
    """The SQL moving an operator's existing login to the roles of their new duties."""
    _checked([(login, after or before)])
    with sessions() as session:
        family = _family(session)
        if family == "sqlite":
            return LoginAdvice(family, (), False)
        allowed = bool(session.execute(text(CAN_CREATE[family])).scalar())
        prefix = recorded_prefix(session.connection())
    statements = change_statements(family, login, before, after, prefix)
    return LoginAdvice(family, tuple(statements), allowed and bool(statements))


def change(
    sessions: SessionFactory,
    actor: Actor,
    login: str,
    before: frozenset[Duty],
    after: frozenset[Duty],
) -> dict[str, str]:
    """Move the login to its new duties' roles (security administrator); no new password."""
    require(actor, Duty.SECURITY_ADMIN)
    _checked([(login, after or before)])
    with sessions.begin() as session:
        family = _family(session)
        if family == "sqlite":
            raise InvalidInput(SINGLE_OPERATOR)
        if not session.execute(text(CAN_CREATE[family])).scalar():
            raise NotPermitted(CANNOT_CREATE)
        if not session.execute(text(EXISTS[family]), {"login": login}).scalar():
            raise InvalidInput(LOGIN_MISSING, login=login)
        prefix = recorded_prefix(session.connection())
        for statement in change_statements(family, login, before, after, prefix):
            session.connection().exec_driver_sql(statement.replace("%", "%%"))
        journal.record(
            session, actor, "db_login.duties", "operator", login, login,
            {"duties": sorted(d.value for d in before)},
            {"duties": sorted(d.value for d in after)},
        )  # fmt: skip
    return {}


def _ordered(duties: frozenset[Duty]) -> list[Duty]:
    return [duty for duty in Duty if duty in duties]


def create(
    sessions: SessionFactory,
    actor: Actor,
    logins: Sequence[tuple[str, frozenset[Duty]]],
    prefix: str | None = None,
) -> dict[str, str]:
    """Create each login with a generated password; the passwords, shown once to hand over.

    The security administrator does this (or the console itself at first run); the server
    decides whether the connection may, and each creation is journalled without its password.
    """
    if actor.operator_id is not None:
        require(actor, Duty.SECURITY_ADMIN)
    _checked(logins)
    passwords: dict[str, str] = {}
    with sessions.begin() as session:
        family = _family(session)
        if family == "sqlite":
            raise InvalidInput(SINGLE_OPERATOR)
        if not session.execute(text(CAN_CREATE[family])).scalar():
            raise NotPermitted(CANNOT_CREATE)
        prefix = prefix or recorded_prefix(session.connection())
        missing = _missing_roles(session, logins, prefix)
        if missing:
            raise InvalidInput(ROLES_MISSING, roles=", ".join(missing))
        for login, _duties in logins:
            if session.execute(text(EXISTS[family]), {"login": login}).scalar():
                raise InvalidInput(LOGIN_EXISTS, login=login)
        for login, duties in logins:
            password = secrets.token_urlsafe(18)
            for statement in login_statements(family, login, _ordered(duties), prefix, password):
                session.connection().exec_driver_sql(statement.replace("%", "%%"))
            passwords[login] = password
            journal.record(
                session, actor, "db_login.create", "operator", login, login, None,
                {"duties": sorted(d.value for d in duties), "prefix": prefix},
            )  # fmt: skip
    return passwords
