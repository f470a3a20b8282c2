"""One process appending journal entries: run as ``python -m tests.core.journal_appender URL N``."""

from __future__ import annotations

import sys

from console.base import journal
from console.base.actor import Actor
from console.db import engine_of, open_database
from console.schema import Duty


def main(url: str, count: int, name: str) -> None:
    """Append ``count`` entries, one transaction each, as operator ``name``."""
    sessions = open_database(url)
    actor = Actor(None, name, frozenset({Duty.REVIEWER}))
    for index in range(count):
        with sessions.begin() as session:
            journal.record(session, actor, "test.append", "test", index, f"{name}-{index}")
    engine_of(sessions).dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
