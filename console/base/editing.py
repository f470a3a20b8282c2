"""Optimistic locking for edits: load at the version the operator saw, or say who changed it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from console.base import clock
from console.base.cluster import settings_of
from console.base.errors import Conflict, NotFound
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.schema import JournalEntry
from console.schema.base import Versioned

V = TypeVar("V", bound=Versioned)

GONE = QT_TR_NOOP("要修改的对象（{kind} {id}）已不存在，可能已被他人删除。")
CHANGED_BY = QT_TR_NOOP(
    "{label} 已被 {who} 于 {when} 修改（{action}），您看到的是第 {seen} 版，"
    "当前是第 {now} 版。请刷新查看对方的修改后再决定是否覆盖。"
)


@contextmanager
def editing(
    sessions: SessionFactory,
    model: type[V],
    object_id: object,
    expected_version: int,
    target_type: str,
    label: str = "",
) -> Iterator[tuple[Session, V]]:
    """Open a transaction holding ``model`` ``object_id`` if still at ``expected_version``.

    On leaving, the object is saved as the next version (even when only related rows
    changed, e.g. an operator's duties), so every edit is visible to optimistic locking.
    Raises ``Conflict`` naming the last change from the journal when someone else saved in
    between (before the read, or between the read and the write).
    """
    with sessions.begin() as session:
        obj = session.get(model, object_id)
        if obj is None:
            raise NotFound(GONE, kind=target_type, id=object_id)
        if obj.version != expected_version:
            raise conflict(
                session,
                target_type,
                object_id,
                label or str(object_id),
                expected_version,
                obj.version,
            )
        try:
            yield session, obj
            obj.version = expected_version + 1
            session.flush()
        except StaleDataError:
            session.rollback()
            with sessions() as fresh:
                current = fresh.get(model, object_id)
                raise conflict(
                    fresh,
                    target_type,
                    object_id,
                    label or str(object_id),
                    expected_version,
                    current.version if current else expected_version,
                ) from None


def conflict(
    session: Session, target_type: str, object_id: object, label: str, seen: int, now: int
) -> Conflict:
    """The ``Conflict`` of an edit made at version ``seen`` of an object now at ``now``,
    naming the last change the journal holds (who, when in the cluster's zone, what)."""
    last = session.scalar(
        select(JournalEntry)
        .where(JournalEntry.target_type == target_type, JournalEntry.target_id == str(object_id))
        .order_by(JournalEntry.seq.desc())
        .limit(1)
    )
    return Conflict(
        CHANGED_BY,
        label=label,
        who=last.operator_name if last else "?",
        when=clock.shown(last.at, settings_of(session).zone) if last else "?",
        action=last.action if last else "?",
        seen=seen,
        now=now,
    )
