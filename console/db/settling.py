"""What SQLAlchemy asks a server when an engine first connects, asked in one round trip.

On its first connection SQLAlchemy learns the server's version, the default schema, the
isolation level and a few modes, one query each (PostgreSQL 4 and a type lookup in a
transaction of its own, MariaDB 6, plus a second ``SET NAMES`` on every connection). Over a
network each is a round trip before the console's first query. Here one query answers them
all (what the driver already knows from the handshake is not asked again), and the answers
are handed to SQLAlchemy through the dialect's own hooks.
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy.engine import Engine

# The isolation level the console's transactions run under on both servers.
TRANSACTIONS = "READ COMMITTED"

_POSTGRESQL = "SELECT current_schema()"
_MARIADB = (
    "SELECT VERSION(), DATABASE(), @@sql_mode, @@lower_case_table_names, @@character_set_database,"
    " (SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME SEPARATOR ',')"
    " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
    # PyMySQL formats the statement with %: a doubled %% reads as one wildcard, and as two
    # (the same match) where no formatting happens.
    " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION NOT LIKE 'utf8mb4%%')"
)


class _Answers:
    """The first connection's answers, asked once when SQLAlchemy first needs one."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.row: tuple[Any, ...] | None = None

    def of(self, connection: Any) -> tuple[Any, ...]:
        if self.row is None:
            self.row = tuple(connection.exec_driver_sql(self.query).one())
        return self.row


def settle_in_one_query(engine: Engine) -> None:
    """Install the one-query first connection on a PostgreSQL (psycopg) or MariaDB engine."""
    if engine.dialect.name == "postgresql":
        _settle_postgresql(engine)
    else:
        _settle_mariadb(engine)


def _override(dialect: Any, name: str, function: Any) -> None:
    setattr(dialect, name, function)


def _settle_postgresql(engine: Engine) -> None:
    dialect: Any = engine.dialect
    answers = _Answers(_POSTGRESQL)

    def version(connection: Any) -> tuple[int, ...]:
        number = int(connection.connection.dbapi_connection.info.server_version)
        return (number // 10000, number % 10000)

    def escapes(connection: Any) -> None:
        info = connection.connection.dbapi_connection.info
        dialect._backslash_escapes = info.parameter_status("standard_conforming_strings") == b"off"

    _override(dialect, "_get_server_version_info", version)
    _override(dialect, "_get_default_schema_name", lambda c: answers.of(c)[0])
    _override(dialect, "get_default_isolation_level", lambda _dbapi: TRANSACTIONS)
    _override(dialect, "_set_backslash_escapes", escapes)


def _settle_mariadb(engine: Engine) -> None:
    dialect: Any = engine.dialect
    answers = _Answers(_MARIADB)

    def sql_mode(connection: Any) -> None:
        dialect._sql_mode = answers.of(connection)[2] or ""

    def casing(connection: Any) -> int:
        value = str(answers.of(connection)[3])
        dialect._casing = int(value) if value.isdigit() else 0
        return int(dialect._casing)

    _override(dialect, "_detect_charset", lambda _c: "utf8mb4")
    _override(
        dialect,
        "_get_server_version_info",
        lambda c: dialect._parse_server_version(str(answers.of(c)[0])),
    )
    _override(dialect, "_get_default_schema_name", lambda c: answers.of(c)[1])
    _override(dialect, "get_default_isolation_level", lambda _dbapi: TRANSACTIONS)
    _override(dialect, "_detect_sql_mode", sql_mode)
    _override(dialect, "_detect_casing", casing)
    _mariadb_answers[engine] = answers


_mariadb_answers: weakref.WeakKeyDictionary[Engine, _Answers] = weakref.WeakKeyDictionary()


def database_charset(engine: Engine) -> str | None:
    """The MariaDB database's default character set, as the first connection found it."""
    answers = _mariadb_answers.get(engine)
    if answers is None or answers.row is None:
        return None
    return str(answers.row[4])


def tables_not_utf8mb4(engine: Engine) -> list[str] | None:
    """The MariaDB tables not in utf8mb4, as the first connection found them."""
    answers = _mariadb_answers.get(engine)
    if answers is None or answers.row is None:
        return None
    listed = answers.row[5]
    return str(listed).split(",") if listed else []


def mariadb_connection(cargs: Any, cparams: dict[str, Any]) -> Any:
    """A PyMySQL connection that does not make SQLAlchemy send ``SET NAMES`` a second time
    (PyMySQL sends it while connecting)."""
    import pymysql  # type: ignore[import-untyped]

    class NamesSetOnce(pymysql.connections.Connection):  # type: ignore[misc]
        def character_set_name(self) -> None:
            return None

    return NamesSetOnce(*cargs, **cparams)
