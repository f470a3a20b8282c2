"""Round-trip budgets per operator action, counted on the wire (PostgreSQL, MariaDB) through a
counting relay, and as statements plus commits on SQLite. Counts, never times."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from console.base import journal
from console.base.actor import Actor
from console.base.errors import EnvironmentFault, classify
from console.db import SessionFactory, engine_of, open_database, ping
from console.db.recovery import retried
from console.schema import Duty, JournalEntry
from tests.wire import Meter, Relay

ADMIN_HOST = "127.0.0.1"
_BACKEND = {"postgresql": "SELECT pg_backend_pid()", "mariadb": "SELECT CONNECTION_ID()"}


@dataclass
class Metered:
    """A migrated database reached through a counting relay (none on SQLite)."""

    url: URL
    sessions: SessionFactory
    meter: Meter
    engine_name: str


@pytest.fixture
def metered(db_url: URL) -> Iterator[Metered]:
    if db_url.get_backend_name() == "sqlite":
        sessions = open_database(db_url, upgrade_schema=True)
        yield Metered(db_url, sessions, Meter(engine_of(sessions)), "sqlite")
        engine_of(sessions).dispose()
        return
    assert db_url.host is not None and db_url.port is not None
    with Relay(db_url.host, db_url.port) as relay:
        url = relay.url_for(db_url)
        sessions = open_database(url, upgrade_schema=True)
        name = "postgresql" if db_url.get_backend_name() == "postgresql" else "mariadb"
        yield Metered(url, sessions, Meter(engine_of(sessions), relay), name)
        engine_of(sessions).dispose()


def test_the_relay_counts_each_wait_for_the_server(metered: Metered) -> None:
    engine = engine_of(metered.sessions)
    with engine.connect() as connection:
        connection.execute(text("SELECT 1")).scalar_one()
        with metered.meter.measure() as three:
            for _ in range(3):
                connection.exec_driver_sql("SELECT 1").scalar_one()
        connection.rollback()
    assert three.statements == 3
    assert three.round_trips == 3


def test_a_one_query_read_is_one_round_trip(metered: Metered) -> None:
    ping(metered.sessions)
    with metered.meter.measure() as count:
        ping(metered.sessions)
    assert count.statements == 1
    assert count.round_trips == (2 if metered.engine_name == "sqlite" else 1)


def _backend_id(sessions: SessionFactory, engine_name: str) -> int:
    with sessions() as session:
        return int(session.execute(text(_BACKEND[engine_name])).scalar_one())


def _kill(db_url: URL, engine_name: str) -> None:
    """Drop every connection the console holds to the test database, server-side."""
    admin = create_engine(db_url.set(host=ADMIN_HOST), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            if engine_name == "postgresql":
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                        " WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": db_url.database},
                )
            else:
                ids = connection.execute(
                    text(
                        "SELECT id FROM information_schema.processlist"
                        " WHERE db = :name AND id <> CONNECTION_ID()"
                    ),
                    {"name": db_url.database},
                ).scalars()
                for backend in list(ids):
                    connection.exec_driver_sql(f"KILL {int(backend)}")
    finally:
        admin.dispose()
    # The relay passes the server's goodbye on to the console's side of the connection.
    time.sleep(0.2)


@pytest.mark.server
def test_a_dropped_connection_is_retried_once_when_nothing_was_committed(
    metered: Metered, db_url: URL
) -> None:
    if metered.engine_name == "sqlite":
        pytest.skip("an embedded database has no connection to drop")
    engine = engine_of(metered.sessions)
    _kill(db_url, metered.engine_name)
    runs: list[int] = []

    def read() -> int:
        runs.append(1)
        return _backend_id(metered.sessions, metered.engine_name)

    assert retried(engine, read) > 0
    assert len(runs) == 2
    # A write whose connection died before it committed is repeated too, exactly once.
    engine.dispose()
    _backend_id(metered.sessions, metered.engine_name)
    _kill(db_url, metered.engine_name)
    actor = Actor(None, "test", frozenset({Duty.SYSTEM_ADMIN}))

    def write() -> None:
        runs.append(2)
        with metered.sessions.begin() as session:
            journal.record(session, actor, "test.write", "test", 1, "once")

    retried(engine, write)
    assert runs.count(2) == 2
    assert _journal_size(metered.sessions) == 1


@pytest.mark.server
def test_a_drop_after_a_commit_is_an_environment_fault(metered: Metered, db_url: URL) -> None:
    if metered.engine_name == "sqlite":
        pytest.skip("an embedded database has no connection to drop")
    engine = engine_of(metered.sessions)
    actor = Actor(None, "test", frozenset({Duty.SYSTEM_ADMIN}))
    runs: list[int] = []

    def write_then_read() -> int:
        runs.append(1)
        with metered.sessions.begin() as session:
            journal.record(session, actor, "test.write", "test", 1, "once")
        _kill(db_url, metered.engine_name)
        return _backend_id(metered.sessions, metered.engine_name)

    with pytest.raises(DBAPIError) as raised:
        retried(engine, write_then_read)
    assert isinstance(classify(raised.value), EnvironmentFault)
    assert len(runs) == 1
    assert _journal_size(metered.sessions) == 1


def _journal_size(sessions: SessionFactory) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(JournalEntry)) or 0)


def test_opening_a_database_asks_its_setup_in_one_query(metered: Metered) -> None:
    """Connecting, SQLAlchemy's first-connection questions and the schema check: on a server
    TCP, the TLS offer and the login take three round trips, then one query each."""
    engine_of(metered.sessions).dispose()
    with metered.meter.measure() as count:
        sessions = open_database(metered.url)
    try:
        if metered.engine_name != "sqlite":
            assert count.round_trips <= 5
        ping(sessions)
    finally:
        engine_of(sessions).dispose()
