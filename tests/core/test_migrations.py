"""The initial migration builds the schema the models describe, on every engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import URL

from console.base.errors import SchemaOutOfDate
from console.db import engine_of, open_database
from console.db.engine import make_engine
from console.db.migrate import alembic_config, current_revision, head_revision, upgrade
from console.schema import Base
from tests.engines import scratch_database


def test_migration_and_models_agree(db_url: URL) -> None:
    factory = open_database(db_url, upgrade_schema=True)
    engine = engine_of(factory)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
        assert differences == []
        assert current_revision(engine) == head_revision()
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


@pytest.mark.parametrize("server", ["postgresql", "mariadb"])
def test_a_server_database_is_never_migrated_silently(server: str, tmp_path: Path) -> None:
    with scratch_database(server, tmp_path) as db_url:
        _refused_then_untouched(db_url)


def _refused_then_untouched(db_url: URL) -> None:
    with pytest.raises(SchemaOutOfDate) as refused:
        open_database(db_url)
    assert "db upgrade" in str(refused.value)
    assert db_url.password is None or db_url.password not in str(refused.value)
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_embedded_database_is_created_and_migrated_on_first_open(tmp_path: Path) -> None:
    url = URL.create("sqlite", database=str(tmp_path / "new" / "cluster.sqlite3"))
    (tmp_path / "new").mkdir()
    factory = open_database(url)
    engine = engine_of(factory)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_the_migrations_after_0003_step_down_and_up_again(db_url: URL) -> None:
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        command.downgrade(alembic_config(engine), "0003")
        assert current_revision(engine) == "0003"
        upgrade(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
