"""Shared fixtures: a fresh, migrated cluster database on each engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from console.db import SessionFactory, engine_of, open_database
from tests.engines import ENGINES, scratch_database
from tests.wire import Metered, metered_database


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    """An empty database on each of SQLite, PostgreSQL and MariaDB in turn."""
    with scratch_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def sessions(db_url: URL) -> Iterator[SessionFactory]:
    """A session factory on a freshly migrated database of each engine."""
    factory = open_database(db_url, upgrade_schema=True)
    yield factory
    engine_of(factory).dispose()


@pytest.fixture
def sqlite_sessions(tmp_path: Path) -> Iterator[SessionFactory]:
    """A session factory on a fresh embedded SQLite file only (for tests of engine-free logic)."""
    factory = open_database(URL.create("sqlite", database=str(tmp_path / "cluster.sqlite3")))
    yield factory
    engine_of(factory).dispose()


@pytest.fixture
def metered(db_url: URL) -> Iterator[Metered]:
    """A migrated database of each engine whose statements and round trips are counted."""
    with metered_database(db_url) as found:
        yield found
