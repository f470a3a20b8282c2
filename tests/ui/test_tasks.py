"""The database worker runs services off the UI thread and reports environmental faults."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.orm import sessionmaker

from console.base.errors import EnvironmentFault
from console.db import SessionFactory
from console.db.engine import make_engine
from ui.tasks import Database, run_io


def _thread_name(_sessions: SessionFactory) -> str:
    return threading.current_thread().name


def _query(sessions: SessionFactory) -> int:
    with sessions() as session:
        return int(session.connection().exec_driver_sql("SELECT 1").scalar_one())


def test_services_run_on_the_single_database_worker(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    database = Database(sqlite_sessions)
    try:
        names = {run(database.call(_thread_name)) for _ in range(5)}
        assert len(names) == 1 and names.pop().startswith("db")
        assert names != {threading.current_thread().name}
    finally:
        database.close()


def test_a_lost_database_is_reported_then_recovered(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    dead = sessionmaker(make_engine(make_url("postgresql+psycopg://nobody@127.0.0.1:9/none")))
    database = Database(dead)
    faults: list[str] = []
    recovered: list[bool] = []
    database.faulted.connect(faults.append)
    database.recovered.connect(lambda: recovered.append(True))
    try:
        with pytest.raises(EnvironmentFault):
            run(database.call(_query))
        assert faults and "数据库连接中断" in faults[0]
        database.sessions = sqlite_sessions
        assert run(database.call(_query)) == 1
        assert recovered == [True]
    finally:
        database.close()


def test_hung_io_is_abandoned_after_its_timeout(run) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    with pytest.raises(TimeoutError):
        run(run_io(release.wait, 0.2, 5))
    release.set()
