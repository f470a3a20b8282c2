"""三员分立 is enforced by the services themselves, and every login is journalled."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from console.base.actor import Actor
from console.base.cluster import mark_demo
from console.base.errors import AuthenticationFailed, Conflict, InvalidInput, NotPermitted
from console.cli import main
from console.db import SessionFactory
from console.operators import service as operators
from console.operators.service import NewOperator
from console.schema import Duty, JournalEntry, Operator
from tests.staff import PASSWORD, bootstrap_staff

STRONG = "Str0ng!Passw0rd"
SYS, SEC, AUD, REV = Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN, Duty.AUDIT_ADMIN, Duty.REVIEWER


def _first_run(sessions: SessionFactory) -> None:
    operators.bootstrap(
        sessions,
        [
            NewOperator("sys", "系统管理员", STRONG, frozenset({SYS})),
            NewOperator("sec", "安全管理员", STRONG, frozenset({SEC})),
            NewOperator("aud", "审计管理员", STRONG, frozenset({AUD})),
        ],
    )


def _as(sessions: SessionFactory, username: str) -> Actor:
    return operators.login(sessions, username, STRONG)


@pytest.mark.parametrize(
    "duties",
    [
        {AUD, SYS},
        {AUD, SEC},
        {AUD, REV},
        {SYS, SEC},
        set(),
    ],
)
def test_forbidden_duty_combinations_are_refused(
    sqlite_sessions: SessionFactory, duties: set[Duty]
) -> None:
    _first_run(sqlite_sessions)
    security = _as(sqlite_sessions, "sec")
    with pytest.raises(InvalidInput):
        operators.create(
            sqlite_sessions, security, NewOperator("x1", "某人", STRONG, frozenset(duties))
        )


@pytest.mark.parametrize("duties", [{SYS}, {SEC}, {AUD}, {REV}, {SYS, REV}, {SEC, REV}])
def test_allowed_duty_combinations_are_accepted(
    sqlite_sessions: SessionFactory, duties: set[Duty]
) -> None:
    _first_run(sqlite_sessions)
    security = _as(sqlite_sessions, "sec")
    operators.create(
        sqlite_sessions, security, NewOperator("x1", "某人", STRONG, frozenset(duties))
    )
    assert _as(sqlite_sessions, "x1").duties == frozenset(duties)


def test_only_the_security_administrator_manages_operators(sqlite_sessions: SessionFactory) -> None:
    _first_run(sqlite_sessions)
    for name in ("sys", "aud"):
        with pytest.raises(NotPermitted):
            operators.create(
                sqlite_sessions,
                _as(sqlite_sessions, name),
                NewOperator("x2", "某人", STRONG, frozenset({REV})),
            )


def test_nobody_changes_their_own_duties(sqlite_sessions: SessionFactory) -> None:
    _first_run(sqlite_sessions)
    security = _as(sqlite_sessions, "sec")
    with pytest.raises(NotPermitted):
        operators.set_duties(
            sqlite_sessions,
            security,
            security.operator_id or 0,
            frozenset({SEC, REV}),
            expected_version=1,
        )


def test_first_run_needs_all_three_administrators_and_runs_once(
    sqlite_sessions: SessionFactory,
) -> None:
    with pytest.raises(InvalidInput):
        operators.bootstrap(
            sqlite_sessions,
            [
                NewOperator("sys", "甲", STRONG, frozenset({SYS})),
                NewOperator("sec", "乙", STRONG, frozenset({SEC})),
            ],
        )
    assert operators.needs_first_run(sqlite_sessions)
    _first_run(sqlite_sessions)
    assert not operators.needs_first_run(sqlite_sessions)
    with pytest.raises(NotPermitted):
        _first_run(sqlite_sessions)


def test_a_real_database_gets_no_weak_password(sqlite_sessions: SessionFactory) -> None:
    with pytest.raises(InvalidInput):
        operators.bootstrap(
            sqlite_sessions,
            [
                NewOperator("sys", "甲", "demo", frozenset({SYS})),
                NewOperator("sec", "乙", STRONG, frozenset({SEC})),
                NewOperator("aud", "丙", STRONG, frozenset({AUD})),
            ],
        )


def test_a_demo_database_accepts_the_published_demo_password(
    sqlite_sessions: SessionFactory,
) -> None:
    with sqlite_sessions.begin() as session:
        mark_demo(session)
    operators.bootstrap(
        sqlite_sessions,
        [
            NewOperator(n, n, "demo", frozenset({d}))
            for n, d in (("sysadmin", SYS), ("secadmin", SEC), ("auditor", AUD))
        ],
    )
    assert operators.login(sqlite_sessions, "sysadmin", "demo").duties == {SYS}


def test_five_wrong_passwords_lock_the_login_for_a_while(sqlite_sessions: SessionFactory) -> None:
    _first_run(sqlite_sessions)
    now = dt.datetime(2026, 11, 22, 8, 0)
    for _ in range(operators.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed):
            operators.login(sqlite_sessions, "sys", "wrong", now=now)
    with pytest.raises(AuthenticationFailed, match="锁定"):
        operators.login(sqlite_sessions, "sys", STRONG, now=now)
    later = now + dt.timedelta(minutes=operators.LOCK_MINUTES + 1)
    assert operators.login(sqlite_sessions, "sys", STRONG, now=later).username == "sys"
    with sqlite_sessions() as session:
        actions = session.scalars(select(JournalEntry.action)).all()
    assert actions.count("login.failed") == operators.MAX_FAILED_LOGINS + 1
    assert actions.count("login") == 1


def test_unknown_name_and_wrong_password_read_the_same(sqlite_sessions: SessionFactory) -> None:
    _first_run(sqlite_sessions)
    with pytest.raises(AuthenticationFailed) as unknown:
        operators.login(sqlite_sessions, "nobody", STRONG)
    with pytest.raises(AuthenticationFailed) as wrong:
        operators.login(sqlite_sessions, "sys", "nope")
    assert str(unknown.value) == str(wrong.value)


def test_a_stale_edit_names_who_changed_the_operator(sessions: SessionFactory) -> None:
    _first_run(sessions)
    security = _as(sessions, "sec")
    operators.create(sessions, security, NewOperator("rev", "审核员", STRONG, frozenset({REV})))
    with sessions() as session:
        target = session.scalars(select(Operator).where(Operator.username == "rev")).one()
    operators.set_duties(sessions, security, target.id, frozenset({REV, SYS}), target.version)
    with pytest.raises(Conflict, match="sec"):
        operators.set_active(sessions, security, target.id, False, target.version)
    with sessions() as session:
        fresh = session.get(Operator, target.id)
        assert fresh is not None and fresh.active and fresh.duty_set == {REV, SYS}


def test_a_reset_password_must_be_changed_and_not_to_itself(sessions: SessionFactory) -> None:
    _first_run(sessions)
    security = _as(sessions, "sec")
    with sessions() as session:
        target = session.scalars(select(Operator).where(Operator.username == "sys")).one()
    with pytest.raises(NotPermitted):
        operators.reset_password(sessions, security, security.operator_id or 0, "Temp0rary!Pw", 1)
    operators.reset_password(sessions, security, target.id, "Temp0rary!Pw", target.version)
    with pytest.raises(AuthenticationFailed):
        operators.login(sessions, "sys", STRONG)
    actor = operators.login(sessions, "sys", "Temp0rary!Pw")
    assert operators.must_change_password(sessions, actor)
    with pytest.raises(InvalidInput, match="不能与原密码相同"):
        operators.change_own_password(sessions, actor, "Temp0rary!Pw", "Temp0rary!Pw")
    with pytest.raises(InvalidInput):
        operators.change_own_password(sessions, actor, "Temp0rary!Pw", "short")
    assert operators.must_change_password(sessions, actor)
    operators.change_own_password(sessions, actor, "Temp0rary!Pw", "An0ther!Secret")
    again = operators.login(sessions, "sys", "An0ther!Secret")
    assert not operators.must_change_password(sessions, again)


@pytest.mark.parametrize("username,duty", [("sys", SYS), ("aud", AUD)])
def test_the_last_active_administrator_of_a_duty_is_kept(
    sessions: SessionFactory, username: str, duty: Duty
) -> None:
    _first_run(sessions)
    security = _as(sessions, "sec")
    with sessions() as session:
        target = session.scalars(select(Operator).where(Operator.username == username)).one()
    with pytest.raises(InvalidInput, match="唯一在用"):
        operators.set_active(sessions, security, target.id, False, target.version)
    with pytest.raises(InvalidInput, match="唯一在用"):
        operators.set_duties(sessions, security, target.id, frozenset({REV}), target.version)
    operators.create(sessions, security, NewOperator("x1", "接任者", STRONG, frozenset({duty})))
    operators.set_active(sessions, security, target.id, False, target.version)
    with sessions() as session:
        fresh = session.get(Operator, target.id)
        assert fresh is not None and not fresh.active


def test_the_security_administrator_unlocks_an_operator_locked_by_failed_logins(
    sessions: SessionFactory,
) -> None:
    _first_run(sessions)
    security = _as(sessions, "sec")
    with sessions() as session:
        target = session.scalars(select(Operator).where(Operator.username == "aud")).one()
    with pytest.raises(InvalidInput, match="未被锁定"):
        operators.unlock(sessions, security, target.id, target.version)
    for _ in range(operators.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed):
            operators.login(sessions, "aud", "wrong")
    with pytest.raises(AuthenticationFailed, match="锁定"):
        operators.login(sessions, "aud", STRONG)
    with pytest.raises(NotPermitted):
        operators.unlock(sessions, _as(sessions, "sys"), target.id, target.version)
    operators.unlock(sessions, security, target.id, target.version)
    assert _as(sessions, "aud").username == "aud"
    with sessions() as session:
        assert session.scalars(select(JournalEntry.action)).all().count("operator.unlock") == 1


def test_the_command_line_refuses_a_reset_password_until_it_is_changed(
    sessions: SessionFactory,
    db_url: URL,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _first_run(sessions)
    security = _as(sessions, "sec")
    with sessions() as session:
        target = session.scalars(select(Operator).where(Operator.username == "aud")).one()
    operators.reset_password(sessions, security, target.id, "Temp0rary!Pw", target.version)
    db = db_url.render_as_string(hide_password=False)

    def cli(stdin: str, *args: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        status = main(["--db", db, *args, "--user", "aud", "--password-stdin"])
        captured = capsys.readouterr()
        return status, captured.out + captured.err

    status, said = cli("Temp0rary!Pw\n", "journal", "verify")
    assert status == 2 and "cluster-console password --user aud" in said
    status, said = cli("Temp0rary!Pw\nAn0ther!Secret\n", "password")
    assert status == 0 and "密码已修改" in said
    status, said = cli("An0ther!Secret\n", "journal", "verify")
    assert status == 0


def test_every_session_end_is_journalled_with_how_and_what_was_given_back(
    sqlite_sessions: SessionFactory,
) -> None:
    bootstrap_staff(sqlite_sessions)
    reviewer = operators.login(sqlite_sessions, "reviewer", PASSWORD)
    operators.logout(sqlite_sessions, reviewer, "quit", released=16)
    operators.logout(sqlite_sessions, reviewer, "switch_operator")
    with pytest.raises(InvalidInput):
        operators.logout(sqlite_sessions, reviewer, "vanished")
    with sqlite_sessions() as session:
        ends = session.scalars(
            select(JournalEntry).where(JournalEntry.action == "logout").order_by(JournalEntry.seq)
        ).all()
    assert [(e.operator_name, e.target_label) for e in ends] == [("reviewer", "reviewer")] * 2
    assert json.loads(ends[0].after) == {"how": "quit", "released": 16}
    assert json.loads(ends[1].after) == {"how": "switch_operator", "released": 0}
