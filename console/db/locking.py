"""Row locks shared by many consoles: whether the engine can skip locked rows, and running a
transaction again when the server picked it as a deadlock victim.

Row locks taken in different orders by concurrent consoles (reviewers sharing the queue,
patrol processes sharing the sites) can deadlock; PostgreSQL and
InnoDB then roll back one transaction whole, so the retry has to start a new one (a
savepoint would not survive). SQLite serialises writers and never reports one.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from console.db import SessionFactory

T = TypeVar("T")

ATTEMPTS = 8
# MariaDB/MySQL: 1213 deadlock, 1205 lock wait timeout; PostgreSQL SQLSTATE 40P01 deadlock,
# 40001 serialization failure.
MYSQL_CODES = frozenset({1213, 1205})
PG_STATES = frozenset({"40P01", "40001"})


def skips_locked(session: Session) -> bool:
    """Whether the session's engine has ``FOR UPDATE SKIP LOCKED``."""
    dialect = session.get_bind().dialect
    if dialect.name == "postgresql":
        return True
    if dialect.name in ("mysql", "mariadb"):
        version = dialect.server_version_info or (0,)
        if getattr(dialect, "is_mariadb", False):
            return tuple(version[:2]) >= (10, 6)
        return tuple(version[:3]) >= (8, 0, 1)
    return False


def is_deadlock(error: BaseException) -> bool:
    """Whether ``error`` is a transaction the server rolled back to break a lock cycle."""
    if not isinstance(error, sa_exc.DBAPIError) or error.connection_invalidated:
        return False
    orig = error.orig
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if state in PG_STATES:
        return True
    args: tuple[object, ...] = getattr(orig, "args", ())
    return bool(args) and args[0] in MYSQL_CODES


def in_transaction(
    sessions: SessionFactory,
    work: Callable[[Session], T],
    attempts: int = ATTEMPTS,
    retried: Callable[[], None] | None = None,
    transient: Callable[[sa_exc.DBAPIError], bool] = is_deadlock,
) -> T:
    """Run ``work(session)`` in one transaction and commit; again on a deadlock (or whatever
    else ``transient`` says is worth another attempt).

    ``work`` must be safe to repeat: everything it did in a failed attempt was rolled back.
    ``retried`` is told of every retry (the benchmark counts them).
    """
    for attempt in range(1, attempts + 1):
        try:
            with sessions.begin() as session:
                return work(session)
        except sa_exc.DBAPIError as error:
            if attempt == attempts or error.connection_invalidated or not transient(error):
                raise
            if retried is not None:
                retried()
            time.sleep(random.uniform(0.001, 0.01) * attempt)
    raise AssertionError("unreachable")
