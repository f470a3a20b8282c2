"""Handing queue items to operators with leases, exactly once, on every engine.

``claim`` takes the oldest pending items (and items whose lease ran out: a crashed console's
claims go back to the queue) and marks them claimed by the operator until the lease ends.
Where the engine can skip rows another transaction holds (PostgreSQL, MariaDB ≥ 10.6,
MySQL ≥ 8) the candidates are read ``FOR UPDATE SKIP LOCKED``, so concurrent consoles take
disjoint items without waiting; elsewhere (SQLite) a guarded ``UPDATE … WHERE state =
'pending'`` decides who won, and the rows are read back by the claim's own lease stamp.

These functions work inside the caller's transaction: the caller commits (and, on a
deadlock reported by the server, rolls back and tries again: see ``console.db.locking``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from console.db.batch import run_together
from console.db.locking import skips_locked
from console.schema import QueueItem, QueueState, utcnow

LEASE = dt.timedelta(minutes=10)
MAX_CLAIM = 500

OPEN_STATES = (QueueState.PENDING.value, QueueState.CLAIMED.value)


def _expired(now: dt.datetime) -> ColumnElement[bool]:
    return and_(
        QueueItem.state == QueueState.CLAIMED.value,
        QueueItem.lease_until.is_not(None),
        QueueItem.lease_until < now,
    )


def claim(session: Session, operator_id: int, limit: int) -> list[QueueItem]:
    """Claim up to ``limit`` items for ``operator_id`` for ten minutes, oldest first.

    Pending items come first, then claims whose lease has run out. Runs in the caller's
    transaction; nothing is visible to other consoles until the caller commits.
    """
    return claim_leased(session, operator_id, limit)


def claim_leased(
    session: Session,
    operator_id: int,
    limit: int,
    lease: dt.timedelta = LEASE,
    now: dt.datetime | None = None,
) -> list[QueueItem]:
    """``claim`` with another lease, or as if it were ``now``."""
    limit = max(0, min(limit, MAX_CLAIM))
    if limit == 0:
        return []
    now = now or utcnow()
    until = now + lease
    pending = QueueItem.state == QueueState.PENDING.value
    ids = _take(session, pending, (QueueItem.created_at, QueueItem.id), limit, operator_id, until)
    if len(ids) < limit:
        ids += _take(
            session,
            _expired(now),
            (QueueItem.lease_until, QueueItem.id),
            limit - len(ids),
            operator_id,
            until,
            now,
        )
    if not ids:
        return []
    items = session.scalars(
        select(QueueItem)
        .where(QueueItem.id.in_(ids))
        .order_by(QueueItem.created_at, QueueItem.id)
        .execution_options(populate_existing=True)
    ).all()
    return list(items)


def claim_ids(session: Session, operator_id: int, limit: int) -> list[int]:
    """``claim``'s ids only, committed with the claim's write where rows are locked (the read
    under lock, then the write and COMMIT together: two round trips). Call it last in the
    transaction; elsewhere (SQLite) it is ``claim``."""
    if not skips_locked(session):
        return [item.id for item in claim(session, operator_id, limit)]
    limit = max(0, min(limit, MAX_CLAIM))
    now = utcnow()
    ids: list[int] = []
    for condition, order in (
        (QueueItem.state == QueueState.PENDING.value, (QueueItem.created_at, QueueItem.id)),
        (_expired(now), (QueueItem.lease_until, QueueItem.id)),
    ):
        if len(ids) >= limit:
            break
        candidates = select(QueueItem.id).where(condition).order_by(*order)
        locked = candidates.limit(limit - len(ids)).with_for_update(skip_locked=True)
        ids += list(session.scalars(locked).all())
    if ids:
        # The rows are locked: nobody can take them between the read and this write.
        claimed = (
            update(QueueItem)
            .where(QueueItem.id.in_(ids))
            .values(
                state=QueueState.CLAIMED.value,
                claimed_by=operator_id,
                lease_until=now + LEASE,
                version=QueueItem.version + 1,
            )
        )
        run_together(session, [claimed], commit=True)
    return ids


def _take(
    session: Session,
    condition: ColumnElement[bool],
    order: Sequence[Any],
    limit: int,
    operator_id: int,
    until: dt.datetime,
    now: dt.datetime | None = None,
) -> list[int]:
    """Mark up to ``limit`` rows matching ``condition`` as claimed; their ids."""
    candidates = select(QueueItem.id).where(condition).order_by(*order).limit(limit)
    locking = skips_locked(session)
    if locking:
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(session.scalars(candidates).all())
    if not ids:
        return []
    # With row locks held the guard is redundant but harmless; without them (SQLite) it is
    # what makes two consoles unable to claim the same row.
    guard = QueueItem.state == QueueState.PENDING.value if now is None else _expired(now)
    return _mark_claimed(session, ids, guard, operator_id, until, read_back=not locking)


def _mark_claimed(
    session: Session,
    ids: Sequence[int],
    guard: ColumnElement[bool],
    operator_id: int,
    until: dt.datetime,
    *,
    read_back: bool = True,
) -> list[int]:
    """Claim the rows of ``ids`` that still satisfy ``guard``; the ids won.

    Without row locks another console may have claimed some rows in between: the guarded
    ``UPDATE`` skips them, and reading back by this claim's own lease stamp (``read_back``)
    tells which rows this console won. Under row locks every candidate is won.
    """
    ids = list(ids)
    session.execute(
        update(QueueItem)
        .where(QueueItem.id.in_(ids), guard)
        .values(
            state=QueueState.CLAIMED.value,
            claimed_by=operator_id,
            lease_until=until,
            version=QueueItem.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if not read_back:
        return ids
    won = select(QueueItem.id).where(
        QueueItem.id.in_(ids),
        QueueItem.state == QueueState.CLAIMED.value,
        QueueItem.claimed_by == operator_id,
        QueueItem.lease_until == until,
    )
    return list(session.scalars(won).all())


def claim_items(
    session: Session,
    operator_id: int,
    item_ids: Sequence[int],
    lease: dt.timedelta = LEASE,
    now: dt.datetime | None = None,
) -> list[int]:
    """Claim the named items where they are free (or already this operator's); the ids won.

    Used when an operator picks items from the list instead of taking the queue's head. A
    row another console is deciding right now is waited for, then re-checked by the guard.
    """
    if not item_ids:
        return []
    now = now or utcnow()
    until = now + lease
    free = or_(
        QueueItem.state == QueueState.PENDING.value,
        _expired(now),
        and_(QueueItem.state == QueueState.CLAIMED.value, QueueItem.claimed_by == operator_id),
    )
    return sorted(_mark_claimed(session, item_ids, free, operator_id, until))


def release(session: Session, operator_id: int, item_ids: Sequence[int] | None = None) -> int:
    """Give the operator's claims (all, or the named ones) back to the queue; how many."""
    condition = and_(
        QueueItem.state == QueueState.CLAIMED.value, QueueItem.claimed_by == operator_id
    )
    if item_ids is not None:
        condition = and_(condition, QueueItem.id.in_(list(item_ids)))
    return _back_to_pending(session, condition)


def _back_to_pending(session: Session, condition: ColumnElement[bool]) -> int:
    """Return the claims matching ``condition`` to the queue; how many."""
    result = session.execute(
        update(QueueItem)
        .where(condition)
        .values(
            state=QueueState.PENDING.value,
            claimed_by=None,
            lease_until=None,
            version=QueueItem.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def extend(
    session: Session, operator_id: int, lease: dt.timedelta = LEASE, now: dt.datetime | None = None
) -> int:
    """Renew the lease on every claim the operator still holds (a console that is alive)."""
    now = now or utcnow()
    result = session.execute(
        update(QueueItem)
        .where(
            QueueItem.state == QueueState.CLAIMED.value,
            QueueItem.claimed_by == operator_id,
        )
        .values(lease_until=now + lease)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def requeue_expired(session: Session, now: dt.datetime | None = None) -> int:
    """Put every claim whose lease has run out back to pending (so the counts say so)."""
    return _back_to_pending(session, _expired(now or utcnow()))
