"""Engines for the three database families, each set up the way the console needs it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool

from console.db import read_ahead
from console.db.recovery import count_commits
from console.db.settling import mariadb_connection, settle_in_one_query
from console.db.transactions import add_multi_statements, open_lazily

CONNECT_TIMEOUT_S = 10
# A server that stops answering mid-query must surface as an error, not a hung executor.
READ_TIMEOUT_S = 120
SQLITE_BUSY_TIMEOUT_MS = 10_000
# An execution option of the sessions that only read (``console.db.for_reads``).
READS_ONLY = "console_reads_only"


def make_engine(
    url: URL, *, connect_timeout: int = CONNECT_TIMEOUT_S, pooled: bool = True
) -> Engine:
    """Create an engine for ``url`` with per-engine settings (pragmas, charset, isolation).

    ``pooled=False`` gives a one-shot engine (a connection test) that keeps no connection.
    """
    backend = url.get_backend_name()
    kwargs: dict[str, Any] = {"future": True}
    if not pooled:
        kwargs["poolclass"] = NullPool
    if backend == "sqlite":
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    if pooled:
        # No pre-ping: it costs a round trip per call. A connection found dead is retried
        # once where that is safe (console.db.recovery); servers drop idle ones after hours.
        kwargs["pool_recycle"] = 1800
    if backend == "postgresql":
        kwargs["connect_args"] = {
            # Transactions are opened lazily by console.db.transactions.
            "autocommit": True,
            "connect_timeout": connect_timeout,
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
            "application_name": "cluster-console",
        }
        # The console stores no HSTORE; looking its type up costs three round trips.
        kwargs["use_native_hstore"] = False
    elif backend in ("mysql", "mariadb"):
        url = url.update_query_dict({"charset": "utf8mb4"})
        kwargs["connect_args"] = {
            # Transactions are opened lazily, under READ COMMITTED: console.db.transactions.
            # (Under the default REPEATABLE READ, MariaDB's locking reads deadlock the audit
            # queue's claims; READ COMMITTED gives the guarantees the services rely on.)
            "autocommit": True,
            "connect_timeout": connect_timeout,
            "read_timeout": max(READ_TIMEOUT_S if pooled else connect_timeout, connect_timeout),
            "write_timeout": max(READ_TIMEOUT_S if pooled else connect_timeout, connect_timeout),
        }
        if url.password:
            # PyMySQL encodes str passwords as Latin-1 and fails on Chinese ones; bytes pass
            # through unchanged, and servers compare the UTF-8 bytes.
            kwargs["connect_args"]["password"] = str(url.password).encode("utf-8")
    engine = create_engine(url, **kwargs)
    if backend in ("mysql", "mariadb"):
        event.listen(engine, "do_connect", _mariadb_connect)
    if backend in ("postgresql", "mysql", "mariadb"):
        open_lazily(engine)
        read_ahead.install(engine)
        settle_in_one_query(engine)
    count_commits(engine)
    return engine


def _mariadb_connect(_dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
    add_multi_statements(cparams)
    return mariadb_connection(cargs, cparams)


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, and transactions that take the write lock up front.

    pysqlite begins transactions lazily and never for SELECT, so a service could read, then
    fail to write under another console's commit. ``BEGIN IMMEDIATE`` makes each transaction
    serialisable against other writers. It also waits while another connection writes, so
    sessions that only read (``READS_ONLY``) begin deferred: in WAL mode such a transaction
    reads its snapshot and never waits for a writer.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        reads_only = connection.get_execution_options().get(READS_ONLY, False)
        connection.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")
