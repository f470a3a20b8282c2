"""The journal is evidence: every write leaves a chained entry and tampering is detected."""

from __future__ import annotations

import itertools
import threading

import pytest
from sqlalchemy import delete, select, update

from console.base import journal
from console.base.actor import Actor
from console.base.errors import NotPermitted
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Duty, JournalEntry
from tests.core.test_operators import STRONG, _first_run

AUDITOR = Actor(None, "aud", frozenset({Duty.AUDIT_ADMIN}))


def _entries(sessions: SessionFactory) -> list[JournalEntry]:
    with sessions() as session:
        return list(session.scalars(select(JournalEntry).order_by(JournalEntry.seq)))


def test_every_write_is_journalled_in_a_chain(sessions: SessionFactory) -> None:
    _first_run(sessions)
    operators.login(sessions, "sys", STRONG)
    entries = _entries(sessions)
    assert [e.action for e in entries] == ["operator.create"] * 3 + ["login"]
    assert entries[0].operator_name == "system"
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    result = journal.verify(sessions, AUDITOR)
    assert result.intact and result.entries == 4 and result.head_hash == entries[-1].hash


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "delete_last"])
def test_verify_detects_edited_and_deleted_entries(sessions: SessionFactory, tamper: str) -> None:
    _first_run(sessions)
    for _ in range(3):
        operators.login(sessions, "sys", STRONG)
    with sessions.begin() as session:
        if tamper == "edit":
            session.execute(
                update(JournalEntry).where(JournalEntry.seq == 2).values(operator_name="someone")
            )
        elif tamper == "delete_middle":
            session.execute(delete(JournalEntry).where(JournalEntry.seq == 3))
        else:
            session.execute(delete(JournalEntry).where(JournalEntry.seq == 6))
    result = journal.verify(sessions, AUDITOR)
    assert not result.intact
    assert result.problems


def test_only_the_audit_administrator_verifies(sqlite_sessions: SessionFactory) -> None:
    with pytest.raises(NotPermitted):
        journal.verify(sqlite_sessions, Actor(1, "sys", frozenset({Duty.SYSTEM_ADMIN})))


def test_concurrent_writers_extend_one_chain(sessions: SessionFactory) -> None:
    _first_run(sessions)
    errors: list[BaseException] = []

    def logins() -> None:
        try:
            for _ in range(5):
                operators.login(sessions, "sys", STRONG)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=logins) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = journal.verify(sessions, AUDITOR)
    assert result.intact, result.problems
    assert result.entries == 3 + 20
