"""The server chains the journal: the definer's routine numbers, times and hashes every entry."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.engine import URL

from console.base import journal
from console.base.actor import Actor
from console.base.errors import NotFound
from console.db import SessionFactory, engine_of, open_database
from console.schema import Duty, JournalEntry, JournalHead
from tests.db_logins import role_cluster

AUDITOR = Actor(None, "aud", frozenset({Duty.AUDIT_ADMIN}))
ROOT = Path(__file__).resolve().parents[2]

AWKWARD = [
    'quote " backslash \\ slash / tab \t newline \n',
    "".join(chr(i) for i in range(1, 32)) + "\x7f\u2028\u2029",
    "中文：网站标识码 1100000088，emoji 😀，全角ＡＢＣ",
    "\\u000B is text, not an escape",
    "长" * 400,
]


def _entries(sessions: SessionFactory) -> list[JournalEntry]:
    with sessions() as session:
        return list(session.scalars(select(JournalEntry).order_by(JournalEntry.seq)))


def test_awkward_text_chains_the_same_on_every_engine(sessions: SessionFactory) -> None:
    actor = Actor(None, "操作员", frozenset({Duty.SYSTEM_ADMIN}))
    for index, value in enumerate(AWKWARD):
        with sessions.begin() as session:
            entry = journal.record(
                session, actor, "test.text", "site", value[:60], value, {"v": value}, {"w": value}
            )
            assert entry.seq == index + 1
    entries = _entries(sessions)
    assert [e.target_label for e in entries] == [v[:300] for v in AWKWARD]
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    for entry in entries:
        # The console's own hash of what the server stored matches the server's.
        assert entry.hash == journal.entry_hash(
            entry.prev_hash, entry.seq, entry.at, entry.operator_name, entry.action,
            entry.target_type, entry.target_id, entry.target_label, entry.before, entry.after,
        )  # fmt: skip
    assert journal.verify(sessions, AUDITOR).intact


def test_awkward_text_chains_the_same_in_bulk(sessions: SessionFactory) -> None:
    # One routine call takes the batch as JSON: the server decodes it before hashing.
    actor = Actor(None, "操作员", frozenset({Duty.SYSTEM_ADMIN}))
    changes = [journal.Change("test.text", "site", v[:60], v, {"v": v}, {"w": v}) for v in AWKWARD]
    with sessions.begin() as session:
        journal.record(session, actor, "test.first", "site", 0, "单条")
        journal.record_many(session, actor, changes, batch=2)
    entries = _entries(sessions)
    assert [e.target_label for e in entries[1:]] == [v[:300] for v in AWKWARD]
    assert [e.seq for e in entries] == list(range(1, len(AWKWARD) + 2))
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert journal.verify(sessions, AUDITOR).intact


def test_record_returns_what_the_server_stored(sessions: SessionFactory) -> None:
    actor = Actor(None, "sys", frozenset({Duty.SYSTEM_ADMIN}))
    with sessions.begin() as session:
        returned = journal.record(session, actor, "test.time", "site", 1, "x")
    (stored,) = _entries(sessions)
    assert (stored.seq, stored.at, stored.hash) == (returned.seq, returned.at, returned.hash)


def test_eight_processes_appending_form_one_chain(db_url: URL, sessions: SessionFactory) -> None:
    _eight_processes(db_url, sessions)


def test_eight_processes_appending_in_bulk_form_one_chain(
    db_url: URL, sessions: SessionFactory
) -> None:
    _eight_processes(db_url, sessions, bulk=6)


@pytest.mark.parametrize("bulk", [0, 6])
@pytest.mark.parametrize("engine", ["postgresql", "mariadb"])
def test_eight_processes_append_through_an_auditors_login(
    engine: str, bulk: int, tmp_path: Path
) -> None:
    # The auditor's login holds no write privilege at all: the routines are its only way in.
    with role_cluster(engine, tmp_path) as cluster:
        owner = open_database(cluster.owner)
        try:
            _eight_processes(cluster.login_url(Duty.AUDIT_ADMIN), owner, bulk)
        finally:
            engine_of(owner).dispose()


def test_a_missing_head_is_refused_on_every_engine(sessions: SessionFactory) -> None:
    with sessions.begin() as session:
        session.execute(delete(JournalHead))
    with pytest.raises(NotFound), sessions.begin() as session:
        journal.record(session, AUDITOR, "test.append", "test", 1, "x")


def _eight_processes(url_of: URL, sessions: SessionFactory, bulk: int = 0) -> None:
    each = 25
    url = url_of.render_as_string(hide_password=False)
    appender = [sys.executable, "-m", "tests.core.journal_appender", url, str(each)]
    workers = [
        subprocess.Popen([*appender, f"p{n}", *([str(bulk)] if bulk else [])], cwd=ROOT)
        for n in range(8)
    ]
    assert [worker.wait(timeout=240) for worker in workers] == [0] * 8
    entries = _entries(sessions)
    assert [e.seq for e in entries] == list(range(1, 8 * each + 1))
    assert Counter(e.operator_name for e in entries) == {f"p{n}": each for n in range(8)}
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    result = journal.verify(sessions, AUDITOR)
    assert result.intact and result.entries == 8 * each
