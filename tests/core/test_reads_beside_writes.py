"""Reads never wait behind writes: a read through ``for_reads`` is answered while another
connection holds a write transaction open (on SQLite, its write lock)."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from console.db import SessionFactory, for_reads
from console.schema import ClusterSetting


def test_a_read_is_answered_while_another_connection_holds_a_write(
    sessions: SessionFactory,
) -> None:
    reads = for_reads(sessions)
    held = select(func.count()).select_from(ClusterSetting).where(ClusterSetting.key == "t.held")
    with sessions.begin() as writing:
        writing.execute(insert(ClusterSetting).values(key="t.held", value="1", version=1))
        # The write is sent and its transaction open: on SQLite the write lock is taken.
        with reads() as reading:
            seen = reading.scalar(held)
        assert writing.in_transaction()
        # The read saw what was committed before the write, not the write itself.
        assert seen == 0
    with reads() as reading:
        assert reading.scalar(held) == 1
