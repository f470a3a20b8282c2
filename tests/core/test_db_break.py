"""Trying to break the duties straight through SQL, with each duty's own database login.

The console is not in the way here: each statement goes to the server as a person with a SQL
client and that duty's credential would send it, and the server must refuse it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from console.base import journal
from console.base.errors import AuthenticationFailed, NotPermitted
from console.cli import main
from console.db import SessionFactory, engine_of, open_database, roles, routines
from console.operators import service as operators
from console.review import service as review
from console.schema import Base, Duty
from console.sites import service as sites
from tests.core.queue_cluster import add_items
from tests.core.test_journal_anchors import rechain
from tests.db_logins import RoleCluster, role_cluster
from tests.site_drafts import PORTAL
from tests.staff import PASSWORD, bootstrap_staff

SERVERS = ("postgresql", "mariadb")
NEW_PASSWORD = "Chang3d!Passw0rd"
SYS, SEC, AUD, REV = (Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN, Duty.AUDIT_ADMIN, Duty.REVIEWER)

SITE_EDIT = "UPDATE sites SET name = 'x' WHERE id = :site"
# Only some columns: the server checks the privilege before the row's constraints.
SITE_INSERT = "INSERT INTO sites (code, name) VALUES ('3312009999', 'x')"
GRANT_INSERT = "INSERT INTO operator_duties (operator_id, duty) VALUES (:me, 'secadmin')"
JOURNAL_ATTACKS = {
    "update": "UPDATE journal SET operator_name = 'x' WHERE seq = 1",
    "delete": "DELETE FROM journal WHERE seq = 1",
    "insert": (
        "INSERT INTO journal (seq, at, operator_name, action, target_type, target_id, "
        "target_label, prev_hash, hash) VALUES (9999, :at, 'x', 'x', 'x', 'x', 'x', :h, :h)"
    ),
    "head": "UPDATE journal_head SET seq = 1, hash = :h WHERE id = 1",
    "head_delete": "DELETE FROM journal_head",
}
FORBIDDEN = {
    SEC: [SITE_EDIT, SITE_INSERT, "DELETE FROM sites", "UPDATE cluster_settings SET value = 'x'"],
    REV: [
        GRANT_INSERT,
        "INSERT INTO grants (account_id, site_id, role, granted_at) "
        "VALUES (1, :site, 'editor', :at)",
        "UPDATE operators SET display_name = 'x'",
        "UPDATE posts SET site_id = :site",
        SITE_EDIT,
    ],
    AUD: [
        SITE_EDIT,
        SITE_INSERT,
        GRANT_INSERT,
        "UPDATE posts SET status = 'withdrawn'",
        "DELETE FROM queue_items",
        "INSERT INTO lexicon_terms (term) VALUES ('x')",
        "UPDATE cluster_settings SET value = 'x'",
        "UPDATE operators SET display_name = 'x'",
        "DELETE FROM operators",
    ],
    SYS: [GRANT_INSERT, "DELETE FROM grants", "UPDATE posts SET status = 'withdrawn'"],
}

# Another operator's login bookkeeping and password (operator 1 is the system administrator):
# only the definer's routines write these, given the password's proof.
BOOKKEEPING = [
    "UPDATE operators SET failed_logins = 99 WHERE id = 1",
    "UPDATE operators SET locked_until = '2099-01-01 00:00:00' WHERE id = 1",
    "UPDATE operators SET password_hash = 'scrypt$1$1$1$x$y' WHERE id = 1",
    "UPDATE operators SET must_change_password = FALSE WHERE id = 1",
    "UPDATE operators SET last_login_at = NULL WHERE id = 1",
]


@pytest.fixture(params=SERVERS)
def cluster(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RoleCluster]:
    with role_cluster(request.param, tmp_path) as made:
        owner = open_database(made.owner)
        bootstrap_staff(owner)
        engine_of(owner).dispose()
        yield made


@pytest.fixture
def as_duty(cluster: RoleCluster) -> Iterator[dict[Duty, SessionFactory]]:
    opened = {duty: open_database(cluster.login_url(duty)) for duty in Duty}
    yield opened
    for factory in opened.values():
        engine_of(factory).dispose()


def _attempt(sessions: SessionFactory, sql: str, **params: object) -> None:
    with sessions.begin() as session:
        session.execute(text(sql), params)


def _params(sql: str, site: int = 1) -> dict[str, object]:
    values = {"site": site, "me": 1, "at": "2026-01-01 00:00:00", "h": "0" * 64}
    return {key: value for key, value in values.items() if f":{key}" in sql}


def test_each_duty_works_through_the_console_with_its_own_login(
    as_duty: dict[Duty, SessionFactory],
) -> None:
    sysadmin = operators.login(as_duty[SYS], "sysadmin", PASSWORD)
    site = sites.create_site(as_duty[SYS], sysadmin, PORTAL)
    assert site > 0
    for name, duty in (("secadmin", SEC), ("reviewer", REV)):
        assert operators.login(as_duty[duty], name, PASSWORD).duties == {duty}
    auditor = operators.login(as_duty[AUD], "auditor", PASSWORD)
    result = journal.verify(as_duty[AUD], auditor)
    assert result.intact and result.entries >= 8


@pytest.mark.parametrize("duty", [SYS, SEC, AUD, REV])
def test_the_server_refuses_what_a_duty_must_not_write(
    as_duty: dict[Duty, SessionFactory], duty: Duty
) -> None:
    sysadmin = operators.login(as_duty[SYS], "sysadmin", PASSWORD)
    site = sites.create_site(as_duty[SYS], sysadmin, PORTAL)
    for sql in FORBIDDEN[duty]:
        with pytest.raises(NotPermitted) as refused:
            _attempt(as_duty[duty], sql, **_params(sql, site))
        assert "数据库拒绝" in str(refused.value), sql


@pytest.mark.parametrize("duty", [SYS, SEC, AUD, REV])
def test_no_duty_reads_the_password_hashes(as_duty: dict[Duty, SessionFactory], duty: Duty) -> None:
    # Copied out, a hash or its check could be guessed against at leisure; the salt alone
    # (all a console needs for the proof) gives nothing to compare a guess with.
    for column in ("password_hash", "password_check", "*"):
        with pytest.raises(NotPermitted) as refused:
            _attempt(as_duty[duty], f"SELECT {column} FROM operators")
        assert "数据库所有者" in str(refused.value), column
    with as_duty[duty]() as session:
        salts = session.scalars(text("SELECT password_salt FROM operators")).all()
    assert salts and all(s.startswith("scrypt$") and s.count("$") == 4 for s in salts)


@pytest.mark.parametrize("duty", [SYS, SEC, AUD, REV])
def test_no_duty_writes_another_operators_login_bookkeeping(
    cluster: RoleCluster, as_duty: dict[Duty, SessionFactory], duty: Duty
) -> None:
    # The security administrator resets passwords and unlocks through its own service, which
    # clears the counters: only the last login and the name stay out of its reach.
    attempts = (
        [*BOOKKEEPING[-1:], "UPDATE operators SET username = 'x'"] if duty is SEC else BOOKKEEPING
    )
    for sql in attempts:
        with pytest.raises(NotPermitted) as refused:
            _attempt(as_duty[duty], sql)
        assert "数据库拒绝" in str(refused.value), sql
    # Nor through the routines without the password: even what the owner sees proves nothing.
    owner = open_database(cluster.owner)
    with owner() as session:
        stored, check = session.execute(
            text("SELECT password_hash, password_check FROM operators WHERE id = 1")
        ).one()
    engine_of(owner).dispose()
    with as_duty[duty].begin() as session:
        for forged in ("x", stored, check, stored.rsplit("$", 1)[-1]):
            changed = session.execute(
                routines.call(
                    session,
                    "operator_password",
                    operator_id=1,
                    proof=forged,
                    new_hash=stored,
                    new_check="0" * 64,
                )
            ).scalar()
            assert changed == 0
        for forged in ("x", stored, check):
            outcome = session.execute(
                routines.call(
                    session,
                    "operator_login",
                    operator_id=1,
                    proof=forged,
                    max_failed=5,
                    lock_minutes=1,
                )
            ).one()
            assert outcome[0] == "failed"
    assert operators.login(as_duty[SYS], "sysadmin", PASSWORD).username == "sysadmin"


def test_a_duty_login_counts_failures_locks_and_changes_its_password(
    as_duty: dict[Duty, SessionFactory],
) -> None:
    reviewer = as_duty[REV]
    for _ in range(operators.MAX_FAILED_LOGINS - 1):
        with pytest.raises(AuthenticationFailed, match="不正确"):
            operators.login(reviewer, "reviewer", "wrong")
    # A success in between clears the count: the lock needs that many failures in a row.
    actor = operators.login(reviewer, "reviewer", PASSWORD)
    operators.change_own_password(reviewer, actor, PASSWORD, NEW_PASSWORD)
    with pytest.raises(AuthenticationFailed):
        operators.change_own_password(reviewer, actor, PASSWORD, "Another-0ne!")
    for _ in range(operators.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed, match="不正确"):
            operators.login(reviewer, "reviewer", PASSWORD)
    with pytest.raises(AuthenticationFailed, match="锁定"):
        operators.login(reviewer, "reviewer", NEW_PASSWORD)
    with as_duty[SEC]() as session:
        row = session.execute(
            text("SELECT failed_logins, locked_until FROM operators WHERE username = 'reviewer'")
        ).one()
    assert row[0] == 0 and row[1] is not None
    secadmin = operators.login(as_duty[SEC], "secadmin", PASSWORD)
    target = operators.detail(as_duty[SEC], secadmin, actor.operator_id or 0)
    operators.unlock(as_duty[SEC], secadmin, target.id, target.version)
    assert operators.login(reviewer, "reviewer", NEW_PASSWORD).username == "reviewer"


def test_a_reviewer_decides_many_items_with_its_own_login(
    cluster: RoleCluster, as_duty: dict[Duty, SessionFactory]
) -> None:
    # The bulk decision locks its items and posts only: the server's routine chains the
    # entries under the head's lock itself, which the reviewer's login may not take.
    sysadmin = operators.login(as_duty[SYS], "sysadmin", PASSWORD)
    assert sites.create_site(as_duty[SYS], sysadmin, PORTAL) == 1
    owner = open_database(cluster.owner)
    add_items(owner, 1, 6, sites=1)
    engine_of(owner).dispose()
    reviewer = operators.login(as_duty[REV], "reviewer", PASSWORD)
    some = review.review(as_duty[REV], reviewer, [1, 2, 3], "approve")
    rest = review.review_together(as_duty[REV], reviewer, [4, 5, 6], "take_down")
    assert len(some.decided) == len(rest.decided) == 3
    auditor = operators.login(as_duty[AUD], "auditor", PASSWORD)
    result = journal.verify(as_duty[AUD], auditor)
    assert result.intact
    with as_duty[AUD]() as session:
        targets = session.scalars(
            text("SELECT target_id FROM journal WHERE target_type = 'queue_item' ORDER BY seq")
        ).all()
    assert targets == ["1", "2", "3", "4", "5", "6"]


@pytest.mark.parametrize("duty", [SYS, SEC, AUD, REV])
def test_nobody_but_the_owner_touches_the_journal(
    as_duty: dict[Duty, SessionFactory], duty: Duty
) -> None:
    operators.login(as_duty[duty], duty.value, PASSWORD)
    for sql in JOURNAL_ATTACKS.values():
        with pytest.raises(NotPermitted) as refused:
            _attempt(as_duty[duty], sql, **_params(sql))
        assert "数据库所有者" in str(refused.value), sql
    # The one way in is the server's routine, which chains what it is given itself.
    auditor = operators.login(as_duty[AUD], "auditor", PASSWORD)
    assert journal.verify(as_duty[AUD], auditor).intact


def test_a_refusal_names_the_duty_that_holds_the_privilege(
    as_duty: dict[Duty, SessionFactory],
) -> None:
    with pytest.raises(NotPermitted) as refused:
        _attempt(as_duty[SEC], SITE_EDIT, site=1)
    message = str(refused.value)
    assert "sites" in message and "UPDATE" in message and "系统管理员" in message
    assert "cc_sysadmin" in message


def test_a_login_without_a_duty_role_is_refused_naming_it(cluster: RoleCluster) -> None:
    reviewer_only = open_database(cluster.login_url(REV))
    try:
        with pytest.raises(NotPermitted) as refused:
            operators.login(reviewer_only, "sysadmin", PASSWORD)
        assert "cc_sysadmin" in str(refused.value) and "系统管理员" in str(refused.value)
    finally:
        engine_of(reviewer_only).dispose()


def test_a_login_holding_two_duties_works_in_both(cluster: RoleCluster) -> None:
    owner = open_database(cluster.owner)
    secadmin = operators.login(owner, "secadmin", PASSWORD)
    operator = operators.create(
        owner, secadmin, operators.NewOperator("both", "双职", PASSWORD, frozenset({SYS, REV}))
    )
    assert operator
    engine_of(owner).dispose()
    both = open_database(cluster.login_url(SYS, REV))
    try:
        actor = operators.login(both, "both", PASSWORD)
        assert actor.duties == {SYS, REV}
        assert sites.create_site(both, actor, PORTAL) > 0
    finally:
        engine_of(both).dispose()


def test_the_owner_rewriting_the_chain_is_caught_by_the_anchors(
    cluster: RoleCluster, as_duty: dict[Duty, SessionFactory], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    anchors = tmp_path / "anchors.jsonl"
    auditor_url = cluster.login_url(AUD).render_as_string(hide_password=False)

    def auditor_cli(*args: str) -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        base = ["--db", auditor_url, "journal", *args, "--user", "auditor", "--password-stdin"]
        return main(base)

    assert auditor_cli("anchor", "--out", str(anchors)) == 0
    owner = open_database(cluster.owner)
    rechain(owner, 2, "nobody")
    engine_of(owner).dispose()
    assert auditor_cli("verify") == 0
    assert auditor_cli("verify", "--anchors", str(anchors)) == 1


def _statements(duty: Duty, quote: Callable[[str], str]) -> Iterator[tuple[str, str, bool]]:
    """(statement, what, allowed) for every table and write, as ``roles.PRIVILEGES`` says."""
    for name in roles.tables():
        if name == "alembic_version":
            continue
        table = Base.metadata.tables[name]
        granted = [g for g in roles.grants_of(duty) if g.table == name]
        writes = {p for g in granted for p in g.privileges}
        columns = {c for g in granted if "UPDATE" in g.privileges for c in g.columns}
        tablewide = any("UPDATE" in g.privileges and not g.columns for g in granted)
        plain = [c.name for c in table.columns if not c.primary_key and c.name not in columns]
        t = quote(name)
        yield f"DELETE FROM {t} WHERE 1 = 0", f"DELETE {name}", "DELETE" in writes
        # Hidden columns cannot be read, so an insert copies the others and fills those in.
        hidden = roles.HIDDEN.get(name, frozenset())
        copied = ", ".join("''" if c.name in hidden else quote(c.name) for c in table.columns)
        named = ", ".join(quote(c.name) for c in table.columns)
        into = f"{t} ({named}) SELECT {copied}" if hidden else f"{t} SELECT *"
        yield f"INSERT INTO {into} FROM {t} WHERE 1 = 0", f"INSERT {name}", "INSERT" in writes
        for column in sorted(columns)[:1] + plain[:1]:
            c = quote(column)
            allowed = tablewide or column in columns
            sql = f"UPDATE {t} SET {c} = {c} WHERE 1 = 0"
            yield sql, f"UPDATE {name}.{column}", allowed


@pytest.mark.parametrize("duty", [SYS, SEC, AUD, REV])
def test_the_server_grants_exactly_what_the_list_says(
    as_duty: dict[Duty, SessionFactory], duty: Duty
) -> None:
    sessions = as_duty[duty]
    quote = engine_of(sessions).dialect.identifier_preparer.quote
    wrong: list[str] = []
    for sql, what, allowed in _statements(duty, quote):
        try:
            _attempt(sessions, sql)
            refused = False
        except NotPermitted:
            refused = True
        if refused == allowed:
            wrong.append(f"{what}: {'refused' if refused else 'allowed'}")
    assert wrong == []
