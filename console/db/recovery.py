"""A dropped connection, recovered without a ping before every call.

Servers and firewalls drop idle connections. Without a pre-ping (a round trip per call) the
pool hands out a dead connection and the call's first statement fails with a disconnect, on
which SQLAlchemy discards that connection and every other one the pool held before it.
``retried`` then runs the call once more on a fresh connection, when that is safe: nothing
was committed by this call on this thread (the server rolls back whatever was open when the
connection died, and a plain read changes nothing). A failure during or after a COMMIT is
not repeated; it goes the usual way (``classify`` → ``EnvironmentFault``).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

T = TypeVar("T")


class _Commits(threading.local):
    count = 0


_commits: weakref.WeakKeyDictionary[Engine, _Commits] = weakref.WeakKeyDictionary()


def count_commits(engine: Engine) -> None:
    """Keep, per thread, how many COMMITs ``engine`` has been asked for (before sending)."""
    commits = _commits[engine] = _Commits()

    @event.listens_for(engine, "commit")
    def _counted(_connection: Any) -> None:
        commits.count += 1


def retried(engine: Engine, work: Callable[[], T]) -> T:
    """``work()``, run once more on a fresh connection if the first run found its connection
    dropped before this call committed anything."""
    commits = _commits.get(engine)
    before = commits.count if commits is not None else 0
    try:
        return work()
    except DBAPIError as error:
        if not error.connection_invalidated or commits is None or commits.count != before:
            raise
    return work()
