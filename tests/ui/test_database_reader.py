"""Reads never wait behind writes: the database's reader answers while the writer is busy,
even while it holds SQLite's write lock."""

from __future__ import annotations

import asyncio
import gc
import threading

from sqlalchemy import text

from console.db import SessionFactory, ping
from ui.tasks import Database


def test_a_read_is_answered_while_a_write_holds_the_writer_and_lock(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    database = Database(sqlite_sessions)
    holding, release = threading.Event(), threading.Event()
    threads: dict[str, str] = {}

    def long_write(sessions: SessionFactory) -> None:
        threads["write"] = threading.current_thread().name
        with sessions.begin() as session:
            session.execute(text("UPDATE cluster_settings SET version = version + 1"))
            # SQLite's write lock is taken. Held until the read below has been answered: on
            # one thread, or behind the lock, this would never end.
            holding.set()
            assert release.wait(20), "the read waited behind the write"

    def read(sessions: SessionFactory) -> None:
        threads["read"] = threading.current_thread().name
        ping(sessions)

    async def scenario() -> None:
        writing = asyncio.ensure_future(database.call(long_write))
        while not holding.is_set():
            await asyncio.sleep(0.01)
        await asyncio.wait_for(database.read(read), 15)
        assert not writing.done()
        release.set()
        await writing

    try:
        run(scenario())
    finally:
        release.set()
        database.close()
    assert threads["write"] != threads["read"]


def test_the_collector_waits_while_database_work_runs(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    database = Database(sqlite_sessions)
    seen: list[bool] = []

    def records(sessions: SessionFactory) -> int:
        seen.append(gc.isenabled())
        return len([object() for _ in range(1000)])

    try:
        assert gc.isenabled()
        assert run(database.read(records)) == 1000
        assert run(database.call(records)) == 1000
    finally:
        database.close()
    assert seen == [False, False]
    assert gc.isenabled()


def test_the_same_read_asked_twice_at_once_runs_once(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    database = Database(sqlite_sessions)
    runs: list[int] = []

    def sites(sessions: SessionFactory, which: int) -> int:
        runs.append(which)
        return which * 10

    async def together() -> list[int]:
        return list(
            await asyncio.gather(
                database.shared(sites, 1), database.shared(sites, 1), database.shared(sites, 2)
            )
        )

    try:
        assert run(together()) == [10, 10, 20]
        assert sorted(runs) == [1, 2]
        # Once answered, a later ask reads again.
        assert run(database.shared(sites, 1)) == 10
        assert sorted(runs) == [1, 1, 2]
    finally:
        database.close()
