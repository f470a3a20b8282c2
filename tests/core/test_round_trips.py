"""Round-trip budgets per operator action, counted on the wire (PostgreSQL, MariaDB) through a
counting relay, and as statements plus commits on SQLite. Counts, never times."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import time
from unittest import mock

import pytest
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from console import cli
from console.base import journal
from console.base.actor import Actor
from console.base.errors import EnvironmentFault, classify
from console.base.listing import Query, read_first
from console.db import SessionFactory, engine_of, open_database, ping
from console.db.batch import run_together
from console.db.recovery import retried
from console.filings import service as filings
from console.filings.facts import FilingRecord
from console.interactions.importing import feed
from console.interactions.records import MessageRecord
from console.operators import service as operators
from console.review import service as review
from console.schema import ChannelKind, ClusterSetting, Duty, JournalEntry, MessageState
from console.sites import service as sites_service
from console.sites import views
from tests.core.queue_cluster import queue_cluster
from tests.staff import PASSWORD, bootstrap_staff
from tests.wire import Metered

ADMIN_HOST = "127.0.0.1"
_BACKEND = {"postgresql": "SELECT pg_backend_pid()", "mariadb": "SELECT CONNECTION_ID()"}


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


def test_login_is_five_round_trips(metered: Metered) -> None:
    """The operator read with its duties and locked, the counters, the journal's head, the
    entry with the new head, COMMIT; whether the password must change comes with it."""
    bootstrap_staff(metered.sessions)
    ping(metered.sessions)
    with metered.meter.measure() as count:
        actor = operators.login(metered.sessions, "reviewer", PASSWORD)
        assert not operators.must_change_password(metered.sessions, actor)
    assert actor.duties == frozenset({Duty.REVIEWER})
    assert count.statements <= 5
    if metered.engine_name != "sqlite":
        assert count.round_trips <= 5
    # Asked again later, the flag is read from the database.
    with metered.meter.measure() as again:
        assert not operators.must_change_password(metered.sessions, actor)
    assert again.statements >= 1


def _reviewer_and_auditor(metered: Metered) -> tuple[Actor, Actor]:
    reviewer = operators.login(metered.sessions, "reviewer", PASSWORD)
    auditor = operators.login(metered.sessions, "auditor", PASSWORD)
    return reviewer, auditor


def test_a_decision_commits_in_three_round_trips(metered: Metered) -> None:
    queue_cluster(metered.sessions, 3)
    reviewer, auditor = _reviewer_and_auditor(metered)
    claimed = review.claim_next(metered.sessions, reviewer, 2)
    for item_id, decision in zip(claimed, ("approve", "take_down"), strict=True):
        with metered.meter.measure() as count:
            outcome = review.review(metered.sessions, reviewer, [item_id], decision)
        assert [done.item_id for done in outcome.decided] == [item_id]
        if metered.engine_name != "sqlite":
            assert count.round_trips <= 3, decision
    # Deciding it again is refused and changes nothing.
    with metered.meter.measure():
        again = review.review(metered.sessions, reviewer, [claimed[0]], "approve")
    assert not again.decided and again.refused[0][0] == claimed[0]
    assert journal.verify(metered.sessions, auditor).intact


def test_a_bulk_decision_of_twenty_is_one_transaction_of_at_most_six_round_trips(
    metered: Metered,
) -> None:
    queue_cluster(metered.sessions, 25)
    reviewer, auditor = _reviewer_and_auditor(metered)
    claimed = review.claim_next(metered.sessions, reviewer, 20)
    before = _journal_size(metered.sessions)
    with metered.meter.measure() as count:
        outcome = review.review(metered.sessions, reviewer, claimed, "return", note="请核实")
    assert sorted(done.item_id for done in outcome.decided) == sorted(claimed)
    assert count.commits == 1
    if metered.engine_name != "sqlite":
        assert count.round_trips <= 6
    # One chained entry per item, and the chain holds.
    assert _journal_size(metered.sessions) == before + 20
    assert journal.verify(metered.sessions, auditor).intact
    again = review.review(metered.sessions, reviewer, claimed[:3], "approve")
    assert not again.decided and len(again.refused) == 3


def _cli(metered: Metered, *argv: str, stdin: str = "") -> tuple[int, str, int]:
    """Run a command line as ``cluster-console`` would: its exit status, its output, and its
    round trips from connecting to disconnecting (on SQLite, its statements and commits)."""
    url = metered.url.render_as_string(hide_password=False)
    output = io.StringIO()
    with (
        metered.meter.measure() as count,
        contextlib.redirect_stdout(output),
        mock.patch("sys.stdin", io.StringIO(stdin)),
    ):
        status = cli.main(["--db", url, *argv])
    return status, output.getvalue(), count.round_trips


def test_command_lines_connect_log_in_and_work_within_their_budgets(metered: Metered) -> None:
    queue_cluster(metered.sessions, 30)
    engine_of(metered.sessions).dispose()
    server = metered.engine_name != "sqlite"
    password = PASSWORD + "\n"
    status, _, reading = _cli(metered, "sites", "list")
    assert status == 0
    login = ("--user", "reviewer", "--password-stdin")
    status, claimed, claiming = _cli(
        metered, "queue", "claim", "--limit", "20", *login, stdin=password
    )
    ids = claimed.split()
    assert status == 0 and len(ids) == 20
    status, decided, deciding = _cli(
        metered, "queue", "decide", *ids, "--decision", "approve", *login, stdin=password
    )
    assert status == 0 and len(decided.splitlines()) == 20
    if server:
        assert reading <= 8
        assert claiming <= 12
        # Connecting (5) and logging in (5), then the twenty decisions in at most 6.
        assert deciding <= 5 + 5 + 6


def test_site_detail_reads_the_site_its_names_counts_and_lists_together(metered: Metered) -> None:
    """Two round trips: the site with its filing, parent and merge names and counts, its
    domains, column names and grants, its history, the settings, the inspected site's row and
    whether the cluster holds interaction records; then the inspection's facts (columns, posts,
    the patrol's live dates, probes, consultation channels and messages) and the names of the
    sites the history names."""
    queue_cluster(metered.sessions, 3)
    admin = operators.login(metered.sessions, "sysadmin", PASSWORD)
    sent = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
    message = MessageRecord(
        "3312000002", "局长信箱", ChannelKind.CONSULTATION, "m-1", sent, MessageState.PENDING
    )
    feed(metered.sessions, admin, [message])
    with metered.sessions.begin() as session:
        before, after = {"parent_id": None}, {"parent_id": 1}
        journal.record(session, admin, "site.update", "site", 2, "云溪市第2局", before, after)
    views.site_detail(metered.sessions, admin, 2)
    with metered.meter.measure() as count:
        detail = views.site_detail(metered.sessions, admin, 2)
    assert detail.id == 2 and detail.posts >= 1
    assert "云溪市第1局" in detail.history[0].changes
    assert "互动回应差" in detail.risk
    assert count.statements <= 13
    if metered.engine_name != "sqlite":
        assert count.round_trips <= 2


def test_filing_detail_reads_the_filing_its_attachments_probes_and_status_together(
    metered: Metered,
) -> None:
    """Two round trips: the site and its filing, its attachments, its latest probes, the
    settings, the filing rules' site row and latest probe; then its probes over the
    reachability window."""
    queue_cluster(metered.sessions, 3)
    admin = operators.login(metered.sessions, "sysadmin", PASSWORD)
    record = FilingRecord(icp_number="浙ICP备12345678号", icp_date=dt.date(2026, 1, 5))
    version = filings.save_filing(metered.sessions, admin, 2, 0, record)
    filings.add_attachment(metered.sessions, admin, 2, version, "备案通知书", "D:/备案/2.pdf")
    filings.filing_detail(metered.sessions, admin, 2)
    with metered.meter.measure() as count:
        detail = filings.filing_detail(metered.sessions, admin, 2)
    assert detail.record.icp_number == record.icp_number
    assert [a.label for a in detail.attachments] == ["备案通知书"]
    assert detail.status is not None and detail.status.site_id == 2
    assert count.statements <= 7
    if metered.engine_name != "sqlite":
        assert count.round_trips <= 2


def test_a_list_opens_or_refreshes_in_at_most_four_round_trips(metered: Metered) -> None:
    """A list's first page and its header counts ("显示 48 / 312"), as every tab loads them."""
    queue_cluster(metered.sessions, 30)
    reviewer = operators.login(metered.sessions, "reviewer", PASSWORD)
    admin = operators.login(metered.sessions, "sysadmin", PASSWORD)
    for actor, listing in (
        (reviewer, review.QUEUE),
        (reviewer, review.mine(reviewer.operator_id)),
        (admin, sites_service.SITES),
    ):
        read_first(metered.sessions, actor, listing, Query())
        with metered.meter.measure() as count:
            page, counts = read_first(metered.sessions, actor, listing, Query())
        assert counts.total >= len(page.ids)
        if metered.engine_name != "sqlite":
            assert count.round_trips <= 4, listing.name
    with metered.meter.measure() as count:
        review.status_counts(metered.sessions, reviewer)
    if metered.engine_name != "sqlite":
        assert count.round_trips <= 1


def test_writes_sent_together_may_open_the_transaction(metered: Metered) -> None:
    """Statements sent together as a transaction's first writes begin it in the same round
    trip, and commit or roll back as one."""
    statements = [
        insert(ClusterSetting).values(key="together.one", value="1", version=1),
        insert(ClusterSetting).values(key="together.two", value="100%", version=1),
    ]
    with metered.sessions() as session:
        with metered.meter.measure() as count:
            run_together(session, statements)
        session.rollback()
    with metered.sessions() as session:
        assert session.scalars(select(ClusterSetting.key).where(_together)).all() == []
        run_together(session, statements)
        session.commit()
    with metered.sessions() as session:
        stored = session.scalars(select(ClusterSetting.value).where(_together))
        assert sorted(stored) == ["1", "100%"]
    if metered.engine_name != "sqlite":
        assert count.round_trips == 1


_together = ClusterSetting.key.startswith("together.")
