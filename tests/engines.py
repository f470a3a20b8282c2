"""Throw-away databases on the three engines for tests: each test gets its own, then drops it."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
MARIADB_ADMIN = "mysql+pymysql://root@127.0.0.1:3306/test"
ENGINES = ("sqlite", "postgresql", "mariadb")

START_COMMANDS = {
    "postgresql": "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    "mariadb": "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
}

_reachable: dict[str, str | None] = {}


def on_ci() -> bool:
    """CI must reach every engine; elsewhere a missing server only skips its tests."""
    return os.environ.get("CI", "").lower() == "true"


def _admin_url(engine: str) -> str:
    return PG_ADMIN if engine == "postgresql" else MARIADB_ADMIN


def _probe(engine: str) -> str | None:
    try:
        admin = create_engine(_admin_url(engine), connect_args={"connect_timeout": 3})
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
        admin.dispose()
        return None
    except Exception as error:
        return str(error).splitlines()[0]


def server_problem(engine: str) -> str | None:
    """None when ``engine``'s server answers; otherwise why not (after trying to start it on CI)."""
    if engine not in _reachable:
        problem = _probe(engine)
        if problem and on_ci() and shutil.which("start-stop-daemon"):
            subprocess.run(START_COMMANDS[engine], shell=True, check=False, timeout=60)
            for _ in range(30):
                problem = _probe(engine)
                if problem is None:
                    break
                time.sleep(1)
        _reachable[engine] = problem
    return _reachable[engine]


def require_server(engine: str) -> None:
    """Skip (laptop) or fail (CI) when ``engine``'s server is unreachable."""
    problem = server_problem(engine)
    if problem is None:
        return
    message = f"{engine} server at {_admin_url(engine)} unreachable: {problem}"
    if on_ci():
        pytest.fail(f"CI=true needs every engine; {message}")
    pytest.skip(message)


@contextmanager
def scratch_database(engine: str, tmp_path: Path) -> Iterator[URL]:
    """A new, empty database on ``engine``; dropped afterwards."""
    if engine == "sqlite":
        yield URL.create("sqlite", database=str(tmp_path / f"{uuid.uuid4().hex}.sqlite3"))
        return
    require_server(engine)
    name = f"cc_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_admin_url(engine), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if engine == "postgresql":
            connection.execute(
                text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
            )
        else:
            connection.execute(
                text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            )
    try:
        yield make_url(_admin_url(engine)).set(database=name)
    finally:
        with admin.connect() as connection:
            if engine == "postgresql":
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            else:
                connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()
