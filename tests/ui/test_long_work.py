"""Long work runs off the UI thread, shows progress on it, stops when asked, tells faults."""

from __future__ import annotations

import asyncio
import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from console.base.errors import EnvironmentFault
from console.db import SessionFactory
from console.db.engine import make_engine
from tests.ui.conftest import until
from ui.long_work import LongWork, cancel_all
from ui.tasks import Database


def _counted(sessions: SessionFactory, work: LongWork, steps: int) -> tuple[str, int]:
    """Count ``steps`` with progress; the thread it ran on and the count."""
    for done in range(1, steps + 1):
        work.report(done, steps)
    return threading.current_thread().name, steps


def _query(sessions: SessionFactory) -> int:
    with sessions() as session:
        return int(session.connection().exec_driver_sql("SELECT 1").scalar_one())


def test_progress_arrives_on_the_ui_thread_in_order(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    database = Database(sqlite_sessions)
    owner = QWidget()
    seen: list[tuple[int, int, str]] = []
    try:
        with LongWork(owner) as work:
            work.progressed.connect(
                lambda done, total: seen.append((done, total, threading.current_thread().name))
            )
            thread, done = run(work.on_database(database, _counted, work, 5))
        assert thread.startswith("long") and done == 5
        assert [(d, t) for d, t, _name in seen] == [(i, 5) for i in range(1, 6)]
        assert {name for _d, _t, name in seen} == {threading.current_thread().name}
    finally:
        database.close()


def test_cancelling_stops_the_work_at_its_next_check(run) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    with LongWork(owner) as work:
        work.progressed.connect(lambda done, _total: work.cancel() if done == 2 else None)

        def steps() -> int:
            for done in range(1, 100):
                work.report(done, 99)
                if done == 2:
                    work.stop.wait(10)  # until the window has seen this step and said stop
                if work.cancelled():
                    return done
            return 99

        assert run(work.off_database(steps)) == 2


def test_a_database_lost_during_long_work_is_told_like_any_call(run) -> None:  # type: ignore[no-untyped-def]
    dead = sessionmaker(make_engine(make_url("postgresql+psycopg://nobody@127.0.0.1:9/none")))
    database = Database(dead)
    faults: list[str] = []
    database.faulted.connect(faults.append)
    owner = QWidget()
    try:
        with LongWork(owner) as work, pytest.raises(EnvironmentFault):
            run(work.on_database(database, _query))
        assert faults and "数据库连接中断" in faults[0]
    finally:
        database.close()


def test_closing_the_owner_cancels_its_work(run) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    work = LongWork(owner)
    owner.deleteLater()
    run(until(lambda: not shiboken6.isValid(work), "the owner took its work along"))
    assert work.cancelled()


def test_quitting_cancels_work_under_way(run) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    work = LongWork(owner)
    running = threading.Event()

    def until_stopped() -> bool:
        running.set()
        return work.stop.wait(10)

    async def quit_while_running() -> bool:
        task = asyncio.ensure_future(work.off_database(until_stopped))
        await asyncio.get_event_loop().run_in_executor(None, running.wait, 10)
        assert not work.cancelled()
        cancel_all()
        return await task

    assert run(quit_while_running())
