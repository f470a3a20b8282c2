"""Due sites handed to patrol processes with leases, so that each is patrolled once.

A site is due when it is running and was never patrolled, or not within the patrol
interval (a cluster setting). ``claim_due`` marks up to ``limit`` due, unleased sites as held
by one process until its lease ends; storing a patrol (``store.store_result``) frees the
lease and notes the patrol. A process that dies leaves leases that run out, and the sites
become due again for the others; on its own machine, at once (``_free_dead``): a stopped or
killed patrol's round is resumed by the next run. As the review queue does: ``FOR UPDATE
SKIP LOCKED`` where the engine has it, so processes take disjoint sites without waiting;
elsewhere (SQLite) a guarded ``UPDATE`` decides, and the rows won are read back by the
claim's own stamp.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy import and_, exc, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from console.base.cluster import settings_of
from console.db import SessionFactory
from console.db.locking import in_transaction, is_deadlock, skips_locked
from console.patrol.planning import PATROLLED_STATES
from console.patrol.settings import INTERVAL_HOURS
from console.schema import PatrolLease, Site, utcnow

T = TypeVar("T")

LEASE = dt.timedelta(minutes=30)


def holder_name() -> str:
    """A name for this process, unique among the processes sharing the cluster."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _transient(error: exc.DBAPIError) -> bool:
    # Two processes adding the same lease rows: one is refused a duplicate; try again.
    return isinstance(error, exc.IntegrityError) or is_deadlock(error)


def retrying(sessions: SessionFactory, work: Callable[[Session], T]) -> T:
    """``work`` in one transaction, again when the server broke a lock cycle or (two
    processes adding the same lease rows) refused a duplicate."""
    return in_transaction(sessions, work, transient=_transient)


def _due(now: dt.datetime, interval: dt.timedelta) -> ColumnElement[bool]:
    free = or_(PatrolLease.lease_until.is_(None), PatrolLease.lease_until < now)
    stale = or_(
        PatrolLease.last_patrolled_at.is_(None), PatrolLease.last_patrolled_at < now - interval
    )
    return and_(free, stale)


def claim_due(
    sessions: SessionFactory,
    holder: str,
    limit: int,
    lease: dt.timedelta = LEASE,
    now: dt.datetime | None = None,
    among: Sequence[int] | None = None,
) -> list[int]:
    """Lease up to ``limit`` due sites (of ``among`` if given) to ``holder``; their ids
    (empty: nothing due)."""
    if limit <= 0 or (among is not None and not among):
        return []
    at = now or utcnow()
    _add_rows(sessions)

    def claim(session: Session) -> list[int]:
        return _claim(session, holder, limit, at, at + lease, among)

    taken = retrying(sessions, claim)
    # Nothing left: sites leased by a patrol of this machine that was killed outright are
    # due now, not when its leases run out (the next run resumes the round with them).
    if not taken and retrying(sessions, lambda session: _free_dead(session, at)):
        taken = retrying(sessions, claim)
    return taken


def _add_rows(sessions: SessionFactory) -> None:
    """Give every patrolled site its lease row (a duplicate from a racing process retries)."""

    def add(session: Session) -> None:
        missing = list(
            session.scalars(
                select(Site.id)
                .outerjoin(PatrolLease, PatrolLease.site_id == Site.id)
                .where(Site.state.in_(PATROLLED_STATES), PatrolLease.site_id.is_(None))
            )
        )
        if missing:
            session.execute(insert(PatrolLease), [{"site_id": site_id} for site_id in missing])

    retrying(sessions, add)


def _claim(
    session: Session,
    holder: str,
    limit: int,
    now: dt.datetime,
    until: dt.datetime,
    among: Sequence[int] | None,
) -> list[int]:
    interval = dt.timedelta(hours=settings_of(session)[INTERVAL_HOURS])
    due = _due(now, interval)
    if among is not None:
        due = and_(due, PatrolLease.site_id.in_(list(among)))
    patrolled = select(Site.id).where(Site.state.in_(PATROLLED_STATES))
    candidates = (
        select(PatrolLease.site_id)
        .where(due, PatrolLease.site_id.in_(patrolled))
        .order_by(PatrolLease.last_patrolled_at.is_not(None), PatrolLease.last_patrolled_at)
        .order_by(PatrolLease.site_id)
        .limit(limit)
    )
    locking = skips_locked(session)
    if locking:
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(session.scalars(candidates))
    if not ids:
        return []
    session.execute(
        update(PatrolLease)
        .where(PatrolLease.site_id.in_(ids), due)
        .values(holder=holder, lease_until=until)
        .execution_options(synchronize_session=False)
    )
    if locking:
        return ids
    won = select(PatrolLease.site_id).where(
        PatrolLease.site_id.in_(ids), PatrolLease.holder == holder, PatrolLease.lease_until == until
    )
    return sorted(session.scalars(won))


def _free_dead(session: Session, now: dt.datetime) -> bool:
    """Give back the leases of processes of this machine that are gone; whether any was."""
    if os.name != "posix":  # no harmless way there to ask whether a process lives
        return False
    held = session.execute(
        select(PatrolLease.holder)
        .where(PatrolLease.holder.is_not(None), PatrolLease.lease_until >= now)
        .distinct()
    )
    dead = [holder for (holder,) in held if holder and _gone(holder)]
    if dead:
        session.execute(
            update(PatrolLease)
            .where(PatrolLease.holder.in_(dead))
            .values(holder=None, lease_until=None)
            .execution_options(synchronize_session=False)
        )
    return bool(dead)


def _gone(holder: str) -> bool:
    """Whether ``holder`` (see ``holder_name``) was a process of this machine that is gone."""
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname()[:40] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's
        return False
    return False


def release(sessions: SessionFactory, holder: str, site_ids: Sequence[int]) -> None:
    """Give back leases ``holder`` did not use (a stopped patrol): the sites stay due."""
    if not site_ids:
        return

    def free(session: Session) -> None:
        session.execute(
            update(PatrolLease)
            .where(PatrolLease.site_id.in_(list(site_ids)), PatrolLease.holder == holder)
            .values(holder=None, lease_until=None)
        )

    retrying(sessions, free)
