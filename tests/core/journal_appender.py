"""One process appending journal entries: run as
``python -m tests.core.journal_appender URL N NAME [BULK]`` (``BULK`` entries a transaction,
through ``record_many``; one at a time through ``record`` without it)."""

from __future__ import annotations

import sys

from console.base import journal
from console.base.actor import Actor
from console.db import engine_of, open_database
from console.schema import Duty


def main(url: str, count: int, name: str, bulk: int = 0) -> None:
    """Append ``count`` entries as operator ``name``, one or ``bulk`` a transaction."""
    sessions = open_database(url)
    actor = Actor(None, name, frozenset({Duty.REVIEWER}))
    step = bulk or 1
    for start in range(0, count, step):
        indexes = range(start, min(start + step, count))
        with sessions.begin() as session:
            if bulk:
                changes = [journal.Change("test.append", "test", i, f"{name}-{i}") for i in indexes]
                journal.record_many(session, actor, changes, batch=max(2, bulk // 2))
            else:
                journal.record(session, actor, "test.append", "test", start, f"{name}-{start}")
    engine_of(sessions).dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], *(int(a) for a in sys.argv[4:5]))
