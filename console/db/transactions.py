"""Transactions that cost no round trip of their own on the server engines.

Over a network every wait for the server costs a round trip, so on PostgreSQL and MariaDB the
driver runs in autocommit and a transaction is opened lazily, by its first statement that
needs one (a write, a locking read, DDL, a savepoint), and in the same round trip:

- PostgreSQL: ``BEGIN`` and the statement go out together in psycopg's pipeline mode (statements
  sent together by ``console.db.batch``: one simple query that starts with ``BEGIN``);
- MariaDB: ``START TRANSACTION; statement`` go out as one multi-statement query (the
  parameters are bound by PyMySQL on the client); the session is READ COMMITTED from its
  first query (``console.db.settling``).

Plain reads before it run as statements of their own. Under READ COMMITTED, which both servers
use, every statement of a transaction sees its own snapshot anyway and plain reads take no
locks, so a service sees the same data either way; what it writes still commits or rolls back
together. A call that only reads sends no BEGIN, COMMIT or ROLLBACK at all (the drivers skip
COMMIT/ROLLBACK when no transaction is open, see ``skip_idle_endings``).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from console.db.batch import TOGETHER

_LOCKING = re.compile(
    r"\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE|KEY\s+SHARE)\b|\bLOCK\s+IN\s+SHARE\s+MODE\b",
    re.IGNORECASE,
)
_WRITING = re.compile(r"\b(?:INSERT|UPDATE|DELETE|MERGE|REPLACE)\b", re.IGNORECASE)
_READING_HEADS = ("SELECT", "SHOW")

# The MySQL protocol's flags (pymysql.constants, which ships no type information).
_IN_TRANSACTION = 1  # SERVER_STATUS_IN_TRANS
_MULTI_STATEMENTS = 1 << 16  # CLIENT.MULTI_STATEMENTS

MARIADB_BEGIN = "START TRANSACTION; "
_MARIADB_BEGIN_RESULTS = 1


def needs_transaction(statement: str) -> bool:
    """Whether ``statement`` must run inside a transaction (anything but a plain read)."""
    words = statement.lstrip(" \t\r\n(").split(None, 1)
    head = words[0].upper() if words else ""
    if head in _READING_HEADS:
        return bool(_LOCKING.search(statement))
    if head == "WITH":
        return bool(_LOCKING.search(statement) or _WRITING.search(statement))
    return True


def open_lazily(engine: Engine) -> None:
    """Install lazy transactions on a PostgreSQL or MariaDB engine whose driver autocommits."""
    if engine.dialect.name == "postgresql":
        event.listen(engine, "do_execute", _postgresql_execute)
        event.listen(engine, "do_executemany", _postgresql_execute_many)
    else:
        event.listen(engine, "do_execute", _mariadb_execute)
        event.listen(engine, "do_executemany", _mariadb_execute_many)
        skip_idle_endings(engine)


def _postgresql_idle(cursor: Any) -> bool:
    from psycopg.pq import TransactionStatus

    return bool(cursor.connection.info.transaction_status == TransactionStatus.IDLE)


def _postgresql_execute(cursor: Any, statement: str, parameters: Any, _context: Any) -> Any:
    if not (_postgresql_idle(cursor) and needs_transaction(statement)):
        return None
    if statement.startswith(TOGETHER):
        # Several statements, bound already: the simple query protocol takes BEGIN with them
        # (a pipeline's extended protocol takes one statement at a time).
        cursor.execute("BEGIN; " + statement, parameters)
        return True
    connection = cursor.connection
    with connection.pipeline():
        connection.execute("BEGIN")
        cursor.execute(statement, parameters)
    return True


def _postgresql_execute_many(cursor: Any, statement: str, parameters: Any, _context: Any) -> Any:
    if not _postgresql_idle(cursor):
        return None
    connection = cursor.connection
    with connection.pipeline():
        connection.execute("BEGIN")
        cursor.executemany(statement, parameters)
    return True


def _mariadb_in_transaction(connection: Any) -> bool:
    return bool((connection.server_status or 0) & _IN_TRANSACTION)


def _mariadb_execute(cursor: Any, statement: str, parameters: Any, _context: Any) -> Any:
    begin = not _mariadb_in_transaction(cursor.connection) and needs_transaction(statement)
    together = statement.startswith(TOGETHER)
    if not (begin or together):
        return None
    cursor.execute((MARIADB_BEGIN if begin else "") + statement, parameters)
    if begin:
        for _ in range(_MARIADB_BEGIN_RESULTS):
            cursor.nextset()
    if together:
        # Read every statement's outcome here, so an error is raised as this execution's.
        while cursor.nextset():
            pass
    return True


def _mariadb_execute_many(cursor: Any, statement: str, parameters: Any, _context: Any) -> Any:
    connection = cursor.connection
    if not _mariadb_in_transaction(connection):
        cursor.execute(MARIADB_BEGIN.rstrip("; "))
    return None


def skip_idle_endings(engine: Engine) -> None:
    """COMMIT and ROLLBACK only when a transaction is open (PyMySQL sends them regardless;
    psycopg already skips them)."""
    dialect = engine.dialect
    commit, rollback = dialect.do_commit, dialect.do_rollback

    def do_commit(dbapi_connection: Any) -> None:
        if _mariadb_in_transaction(dbapi_connection):
            commit(dbapi_connection)

    def do_rollback(dbapi_connection: Any) -> None:
        if _mariadb_in_transaction(dbapi_connection):
            rollback(dbapi_connection)

    setattr(dialect, "do_commit", do_commit)  # noqa: B010 - an instance's own override
    setattr(dialect, "do_rollback", do_rollback)  # noqa: B010


def add_multi_statements(cparams: dict[str, Any]) -> None:
    """PyMySQL connection parameters that allow the one-round-trip BEGIN."""
    cparams["client_flag"] = int(cparams.get("client_flag", 0)) | _MULTI_STATEMENTS
