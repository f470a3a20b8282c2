"""Round-trip budgets per operator action, counted on the wire (PostgreSQL, MariaDB) through a
counting relay, and as statements plus commits on SQLite. Counts, never times."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from console.db import SessionFactory, engine_of, open_database, ping
from tests.wire import Meter, Relay


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
        name = db_url.get_backend_name()
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
    assert count.round_trips <= (2 if metered.engine_name == "sqlite" else 4)
