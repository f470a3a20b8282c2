"""The database login an operator needs: printed SQL, or created when the connection may."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.base.actor import Actor
from console.base.errors import InvalidInput, NotPermitted
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.operators import db_logins
from console.operators import service as operators
from console.schema import Duty, JournalEntry
from tests.db_logins import RoleCluster, role_cluster
from tests.staff import PASSWORD, bootstrap_staff

SYS, REV = Duty.SYSTEM_ADMIN, Duty.REVIEWER


@pytest.fixture(params=("postgresql", "mariadb"))
def cluster(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RoleCluster]:
    with role_cluster(request.param, tmp_path) as made:
        owner = open_database(made.owner)
        bootstrap_staff(owner)
        engine_of(owner).dispose()
        yield made


def test_sqlite_is_a_single_operator_database(sqlite_sessions: SessionFactory) -> None:
    found = db_logins.advice(sqlite_sessions, [("zhang", frozenset({SYS}))])
    assert found.single_operator and not found.statements and not found.can_create
    with pytest.raises(InvalidInput):
        db_logins.create(sqlite_sessions, Actor.system(), [("zhang", frozenset({SYS}))])


@pytest.mark.parametrize("engine", ["postgresql", "mariadb"])
def test_the_sql_is_printed_for_an_engine(engine: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["db", "login", "zhang", "--duty", "sysadmin", "--duty", "reviewer", "--engine", engine]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "zhang" in out and "<口令>" in out and "cc_sysadmin" in out
    assert main(["db", "login", "x'; DROP", "--duty", "auditor", "--engine", engine]) == 2


def test_the_owner_creates_a_login_that_works_for_its_duties(cluster: RoleCluster) -> None:
    owner = open_database(cluster.owner)
    secadmin = operators.login(owner, "secadmin", PASSWORD)
    operators.create(
        owner, secadmin, operators.NewOperator("both", "双职", PASSWORD, frozenset({SYS, REV}))
    )
    wanted = [("both", frozenset({SYS, REV}))]
    shown = db_logins.advice(owner, wanted, cluster.prefix)
    assert shown.can_create and any("both" in s for s in shown.statements)
    passwords = db_logins.create(owner, secadmin, wanted, cluster.prefix)
    cluster.created.append("both")
    with pytest.raises(InvalidInput):
        db_logins.create(owner, secadmin, wanted, cluster.prefix)
    with owner() as session:
        entry = session.query(JournalEntry).order_by(JournalEntry.seq.desc()).first()
        assert entry is not None and entry.action == "db_login.create"
        assert passwords["both"] not in entry.after
    engine_of(owner).dispose()

    theirs = open_database(cluster.owner.set(username="both", password=passwords["both"]))
    try:
        assert operators.login(theirs, "both", PASSWORD).duties == {SYS, REV}
        with pytest.raises(NotPermitted):  # the console's check and the server's agree
            db_logins.create(theirs, secadmin, [("other", frozenset({SYS}))], cluster.prefix)
        assert not db_logins.advice(theirs, wanted, cluster.prefix).can_create
    finally:
        engine_of(theirs).dispose()


def test_only_the_security_administrator_creates_logins(cluster: RoleCluster) -> None:
    owner = open_database(cluster.owner)
    try:
        sysadmin = operators.login(owner, "sysadmin", PASSWORD)
        with pytest.raises(NotPermitted):
            db_logins.create(owner, sysadmin, [("x1", frozenset({SYS}))], cluster.prefix)
    finally:
        engine_of(owner).dispose()


def test_a_duty_change_moves_the_login_to_the_new_roles(cluster: RoleCluster) -> None:
    owner = open_database(cluster.owner)
    secadmin = operators.login(owner, "secadmin", PASSWORD)
    new = operators.NewOperator("zhao", "赵", PASSWORD, frozenset({SYS}))
    operator_id = operators.create(owner, secadmin, new)
    passwords = db_logins.create(owner, secadmin, [("zhao", frozenset({SYS}))])
    cluster.created.append("zhao")
    version = operators.detail(owner, secadmin, operator_id).version
    operators.set_duties(owner, secadmin, operator_id, frozenset({SYS, REV}), version)
    theirs = open_database(cluster.owner.set(username="zhao", password=passwords["zhao"]))
    try:
        with pytest.raises(NotPermitted) as refused:
            operators.login(theirs, "zhao", PASSWORD)
        assert "cc_reviewer" in str(refused.value)
        shown = db_logins.change_advice(owner, "zhao", frozenset({SYS}), frozenset({SYS, REV}))
        assert shown.can_create and shown.statements
        assert (
            db_logins.change(owner, secadmin, "zhao", frozenset({SYS}), frozenset({SYS, REV})) == {}
        )
        engine_of(theirs).dispose()  # a new connection carries the new roles
        assert operators.login(theirs, "zhao", PASSWORD).duties == {SYS, REV}
        with pytest.raises(InvalidInput):
            db_logins.change(owner, secadmin, "nobody", frozenset({SYS}), frozenset({REV}))
    finally:
        engine_of(theirs).dispose()
        engine_of(owner).dispose()


def test_the_sql_moving_a_login_to_new_duties_is_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["db", "login", "li", "--duty", "reviewer", "--was", "sysadmin", "--engine"]
    assert main([*args, "postgresql"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        'REVOKE cc_sysadmin FROM "li";',
        'GRANT cc_reviewer TO "li";',
    ]
    assert main([*args, "mariadb", "--duty", "sysadmin"]) == 0
    out = capsys.readouterr().out
    assert "SET DEFAULT ROLE cc_sysadmin_reviewer FOR 'li'@'%'" in out
    assert "REVOKE cc_sysadmin FROM 'li'@'%'" in out
