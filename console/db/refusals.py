"""The one place a server's "permission denied" becomes the operator's refusal.

A console whose database login lacks a grant gets a driver error from PostgreSQL (SQLSTATE
42501) or MariaDB (errors 1142, 1143, 1370). ``install`` hooks the engine so such an error is
raised as ``NotPermitted`` naming the privilege, the table and the duty whose role grants it,
never as a raw driver error (nor as "database unreachable").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from console.base.actor import DUTY_LABELS
from console.base.errors import NotPermitted
from console.base.i18n import LIST_SEPARATOR, QT_TR_NOOP, translate
from console.db.roles import DEFAULT_PREFIX, ROUTINES, duty_for, role_name

PG_DENIED = "42501"
MARIADB_DENIED = {1142, 1143, 1370}
_PG_OBJECT = re.compile(r"permission denied for (?:table|relation|sequence|function|view) (\S+)")
_MARIADB_TABLE = re.compile(
    r"^(\w+) command denied to user .* for table [`']?(?:\w+[`']?\.[`']?)?(\w+)"
)
_MARIADB_COLUMN = re.compile(
    r"^(\w+) command denied to user .* for column '(\w+)' in table '(\w+)'"
)
_MARIADB_ROUTINE = re.compile(r"command denied to user .* for routine '(?:\w+\.)?(\w+)'", re.I)

DENIED = QT_TR_NOOP(
    "数据库拒绝了这项操作：当前数据库登录没有 {target} 的 {privilege} 权限。"
    "这一权限属于{duties}职责（数据库角色 {roles}）；请数据库管理员为本登录授予该角色，"
    "或执行 cluster-console db roles --check 核对角色。"
)
DENIED_OWNER_ONLY = QT_TR_NOOP(
    "数据库拒绝了这项操作：{target} 的 {privilege} 权限只属于数据库所有者，任何职责都没有。"
)


@dataclass(frozen=True)
class Denial:
    """What the server refused: a privilege on a table (or column, or routine)."""

    privilege: str
    table: str
    column: str = ""

    def refusal(self) -> NotPermitted:
        """The operator's refusal, naming the duty whose role holds the privilege."""
        target = f"{self.table}.{self.column}" if self.column else self.table
        duties = duty_for(self.table, self.privilege, self.column)
        if not duties:
            return NotPermitted(DENIED_OWNER_ONLY, target=target, privilege=self.privilege)
        separator = translate("", LIST_SEPARATOR)
        return NotPermitted(
            DENIED,
            target=target,
            privilege=self.privilege,
            duties=separator.join(translate("", DUTY_LABELS[d]) for d in duties),
            roles=", ".join(role_name(d, DEFAULT_PREFIX) for d in duties),
        )


def denial(error: BaseException, statement: str | None = None) -> Denial | None:
    """The privilege a driver error says was denied, or None for any other error."""
    code = getattr(error, "sqlstate", None)
    if code == PG_DENIED:
        found = _PG_OBJECT.search(str(error))
        verb = (statement or "").lstrip().split(" ", 1)[0].upper() or "SELECT"
        name = found.group(1).strip('"') if found else "?"
        if verb in ("CALL", "SELECT") and name in ROUTINES:
            verb = "EXECUTE"
        return Denial(verb, name.split(".")[-1])
    args = getattr(error, "args", ())
    if not (args and isinstance(args[0], int) and args[0] in MARIADB_DENIED):
        return None
    message = str(args[1]) if len(args) > 1 else ""
    column = _MARIADB_COLUMN.search(message)
    if column:
        return Denial(column.group(1).upper(), column.group(3), column.group(2))
    table = _MARIADB_TABLE.search(message)
    if table:
        return Denial(table.group(1).upper(), table.group(2))
    routine = _MARIADB_ROUTINE.search(message)
    return Denial("EXECUTE", routine.group(1) if routine else "?")


def install(engine: Engine) -> None:
    """Raise ``NotPermitted`` instead of the driver's error when the server denies a privilege."""

    @event.listens_for(engine, "handle_error")
    def _denied(context: Any) -> None:
        found = denial(context.original_exception, context.statement)
        if found is not None:
            raise found.refusal() from context.original_exception
