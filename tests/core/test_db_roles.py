"""Database roles per duty: printed, applied idempotently, checked for drift."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from console.cli import main as cli_main
from console.db import roles
from console.db.engine import make_engine
from console.db.migrate import alembic_config
from console.schema import Duty
from tests.db_logins import RoleCluster, role_cluster, run_owner
from tests.engines import scratch_database

SERVERS = ("postgresql", "mariadb")


@pytest.fixture(params=SERVERS)
def cluster(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RoleCluster]:
    with role_cluster(request.param, tmp_path) as made:
        yield made


def _cli(*args: str) -> int:
    return cli_main(list(args))


def test_every_written_table_exists_and_no_role_writes_the_journal() -> None:
    names = set(roles.tables())
    for duty in Duty:
        for grant in roles.grants_of(duty):
            assert grant.table in names
            assert grant.table not in roles.OWNER_ONLY
    assert roles.PRIVILEGES[Duty.AUDIT_ADMIN] == ()
    assert roles.duty_for("sites", "UPDATE") == [Duty.SYSTEM_ADMIN]
    assert roles.duty_for("posts", "UPDATE", "status") == [Duty.REVIEWER]
    assert roles.duty_for("journal", "UPDATE") == []


@pytest.mark.parametrize("engine", SERVERS)
def test_print_shows_the_sql_for_an_engine(engine: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("db", "roles", "--print", "--engine", engine, "--prefix", "ops") == 0
    out = capsys.readouterr().out
    assert "ops_auditor" in out and "ops_reviewer" in out and "cc_" not in out
    assert "INSERT, UPDATE, DELETE ON" in out and "journal_append" in out
    journal_writes = [
        line for line in out.splitlines()
        if "journal" in line and "GRANT" in line and "SELECT ON" not in line
        and "EXECUTE" not in line
    ]  # fmt: skip
    assert journal_writes == []


def test_print_refuses_sqlite_and_bad_prefixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    assert _cli("--db", db, "db", "roles", "--print") != 0
    assert _cli("db", "roles", "--print", "--engine", "postgresql", "--prefix", "x; DROP") != 0
    err = capsys.readouterr().err
    assert "SQLite" in err and "Traceback" not in err


def test_apply_is_idempotent_and_check_reports_drift(
    cluster: RoleCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = cluster.owner.render_as_string(hide_password=False)
    prefix = ("--prefix", cluster.prefix)
    assert _cli("--db", owner, "db", "roles", "--check", *prefix) == 0
    assert _cli("--db", owner, "db", "roles", "--apply", *prefix) == 0
    assert _cli("--db", owner, "db", "roles", "--check", *prefix) == 0
    capsys.readouterr()
    reviewer = roles.role_name(Duty.REVIEWER, cluster.prefix)
    auditor = roles.role_name(Duty.AUDIT_ADMIN, cluster.prefix)
    quote = '"' if cluster.engine == "postgresql" else "`"
    run_owner(
        cluster,
        [
            f"GRANT UPDATE ON {quote}journal{quote} TO {auditor}",
            f"REVOKE DELETE ON {quote}queue_items{quote} FROM {reviewer}",
        ],
    )
    assert _cli("--db", owner, "db", "roles", "--check", *prefix) == 1
    out = capsys.readouterr().out
    assert f"{auditor}: UPDATE journal" in out
    assert f"{reviewer}: DELETE queue_items" in out
    assert _cli("--db", owner, "db", "roles", "--apply", *prefix) == 0
    assert _cli("--db", owner, "db", "roles", "--check", *prefix) == 0


def test_a_missing_role_is_drift(cluster: RoleCluster, capsys: pytest.CaptureFixture[str]) -> None:
    owner = cluster.owner.render_as_string(hide_password=False)
    assert _cli("--db", owner, "db", "roles", "--check", "--prefix", "absent") == 1
    assert "absent_auditor" in capsys.readouterr().out


def test_each_duty_login_connects(cluster: RoleCluster) -> None:
    for duty in Duty:
        engine = make_engine(cluster.login_url(duty))
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT COUNT(*) FROM sites").scalar() == 0
        engine.dispose()


@pytest.mark.parametrize("engine", SERVERS)
def test_apply_on_a_database_not_yet_upgraded_names_the_upgrade(
    engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with scratch_database(engine, tmp_path) as url:
        db = url.render_as_string(hide_password=False)
        assert _cli("--db", db, "db", "roles", "--apply") == 2
    err = capsys.readouterr().err
    assert "db upgrade" in err and len(err.strip().splitlines()) == 1


def test_a_login_that_may_not_manage_roles_is_told_in_one_line(
    cluster: RoleCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    auditor = cluster.login_url(Duty.AUDIT_ADMIN).render_as_string(hide_password=False)
    assert _cli("--db", auditor, "db", "roles", "--apply", "--prefix", cluster.prefix) == 2
    err = capsys.readouterr().err
    assert "数据库所有者" in err and len(err.strip().splitlines()) == 1


def test_an_upgrade_re_applies_the_roles_in_use(
    cluster: RoleCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = cluster.owner.render_as_string(hide_password=False)
    engine = make_engine(cluster.owner)
    config = alembic_config(engine)
    # Just below the migration that made journal_append: drops it and its grants.
    before = ScriptDirectory.from_config(config).get_revision("0007").down_revision
    assert isinstance(before, str)
    command.downgrade(config, before)
    engine.dispose()
    assert _cli("--db", owner, "db", "upgrade") == 0
    assert cluster.prefix in capsys.readouterr().out
    assert _cli("--db", owner, "db", "roles", "--check", "--prefix", cluster.prefix) == 0


def test_every_table_is_written_by_a_duty_or_by_the_owner_only() -> None:
    # A new area's tables must be added to roles.PRIVILEGES (or OWNER_ONLY): otherwise its
    # services would be refused by the server once the console runs with duty logins.
    written = {grant.table for duty in Duty for grant in roles.PRIVILEGES[duty]}
    unclassified = set(roles.tables()) - written - roles.OWNER_ONLY - roles.READ_ONLY
    assert unclassified == set()
