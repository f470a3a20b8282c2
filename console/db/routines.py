"""The definer's routines of a server database: which writes go through them, and their calls.

On PostgreSQL and MariaDB the consoles' logins may not write the journal nor the operators'
login bookkeeping; the owner's routines (migrations 0007 and 0008) do it for them and decide
what is written themselves. SQLite has no logins and no routines: whoever opens the file
writes, and the console writes directly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause


def on_server(session: Session) -> bool:
    """Whether ``session``'s database writes through the definer's routines (not SQLite)."""
    return session.get_bind().dialect.name != "sqlite"


def call(session: Session, name: str, **arguments: Any) -> TextClause:
    """The call of routine ``name`` with ``arguments`` in their order, reading its result rows
    (a set-returning function on PostgreSQL, a procedure's result set on MariaDB)."""
    placeholders = ", ".join(f":{key}" for key in arguments)
    if session.get_bind().dialect.name == "postgresql":
        statement = f"SELECT * FROM {name}({placeholders})"
    else:
        statement = f"CALL {name}({placeholders})"
    return text(statement).bindparams(**arguments)
