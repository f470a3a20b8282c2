"""Deciding one item or many in three round trips: read under lock, write together, commit.

1. One locking read takes the items and their posts (row locks on the servers; SQLite's write
   lock is held from the transaction's start), with everything a refusal names and whether
   the operator is an active reviewer; on SQLite the journal's head too.
2. What is decidable (pending, the operator's own claim, or a claim whose lease ran out — as
   picking an item from the list claims it) is written in one round trip: the items, the
   posts, whitelist phrases, and one journal entry per item — chained after the head read in
   1 on SQLite, by one call of the server's routine (which locks the head itself) elsewhere:
   the reviewer's login may not lock the head.
3. COMMIT (the caller's).

Under the locks nobody can decide an item between the read and the write, so each item is
still decided exactly once; the rest are refused with the reason, as ``decide`` refuses them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from console.base import clock, journal
from console.base.actor import Actor
from console.base.cluster import settings_of
from console.base.errors import Conflict, InvalidInput, NotFound, NotPermitted
from console.base.i18n import translate
from console.base.labels import QUEUE_STATES
from console.db import routines
from console.db.batch import run_together
from console.review import decisions as d
from console.schema import (
    Duty,
    JournalHead,
    Operator,
    OperatorDuty,
    Post,
    QueueItem,
    QueueState,
    WhitelistPhrase,
    utcnow,
)

Refused = tuple[int, Exception]


def _name_of(column: Any) -> Any:
    return select(Operator.display_name).where(Operator.id == column).scalar_subquery()


def _locked_rows(
    session: Session, operator_id: int, item_ids: Sequence[int], with_head: bool
) -> list[Any]:
    is_reviewer = (
        select(func.count())
        .select_from(OperatorDuty)
        .join(Operator, Operator.id == OperatorDuty.operator_id)
        .where(
            OperatorDuty.operator_id == operator_id,
            OperatorDuty.duty == Duty.REVIEWER.value,
            Operator.active.is_(True),
        )
        .scalar_subquery()
    )
    username = select(Operator.username).where(Operator.id == operator_id).scalar_subquery()
    query = (
        select(
            QueueItem.id,
            QueueItem.post_id,
            QueueItem.findings,
            QueueItem.state,
            QueueItem.claimed_by,
            QueueItem.lease_until,
            QueueItem.decided_at,
            _name_of(QueueItem.decided_by).label("decider"),
            _name_of(QueueItem.claimed_by).label("holder"),
            Post.title,
            Post.status,
            is_reviewer.label("is_reviewer"),
            username.label("username"),
        )
        .join(Post, Post.id == QueueItem.post_id)
        .where(QueueItem.id.in_(sorted(set(item_ids))))
        .order_by(QueueItem.id)
        .with_for_update()
    )
    if with_head:
        # The head's one row joins every item (written through the item's id only so that
        # SQLAlchemy sees the join is meant, not a forgotten condition).
        query = query.add_columns(JournalHead.seq, JournalHead.hash).join(
            JournalHead, JournalHead.id == QueueItem.id * 0 + journal.HEAD_ID
        )
    return list(session.execute(query).all())


def _decidable(row: Any, operator_id: int, now: dt.datetime) -> bool:
    if row.state == QueueState.PENDING.value:
        return True
    if row.state != QueueState.CLAIMED.value:
        return False
    lapsed = row.lease_until is not None and row.lease_until < now
    return bool(row.claimed_by == operator_id or lapsed)


def _refusal(session: Session, row: Any, operator_id: int) -> Exception:
    zone = settings_of(session).zone
    if row.state in d.FINAL_STATES:
        return Conflict(
            d.ALREADY_DECIDED,
            id=row.id,
            who=row.decider or "?",
            when=clock.shown(row.decided_at, zone) if row.decided_at else "?",
            state=translate("", QUEUE_STATES[row.state]),
        )
    if row.state == QueueState.CLAIMED.value and row.claimed_by != operator_id:
        until = clock.shown(row.lease_until, zone) if row.lease_until else "?"
        return Conflict(d.CLAIMED_BY_OTHER, id=row.id, who=row.holder or "?", until=until)
    return Conflict(d.NOT_CLAIMED, id=row.id)


def decide_together(
    session: Session,
    operator_id: int,
    item_ids: Sequence[int],
    decision: d.Decision | str,
    note: str = "",
    phrase: str = "",
    now: dt.datetime | None = None,
) -> tuple[list[d.Decided], list[Refused]]:
    """Decide ``item_ids`` for ``operator_id`` in the caller's transaction (the caller commits):
    what was decided, and each refused item with its reason. Invalid input (a return without
    a note, an unfitting whitelist phrase) refuses the whole call before anything is written.
    """
    chosen = d.as_decision(decision)
    note = note.strip()
    if chosen is d.Decision.RETURN and not note:
        raise InvalidInput(d.NOTE_NEEDED)
    if len(note) > d.NOTE_LIMIT:
        raise InvalidInput(d.NOTE_TOO_LONG, limit=d.NOTE_LIMIT)
    now = now or utcnow()
    here = not routines.on_server(session)
    rows = _locked_rows(session, operator_id, item_ids, here) if item_ids else []
    if not rows:
        d.reviewer(session, operator_id)
        return [], [(item_id, NotFound(d.ITEM_GONE, id=item_id)) for item_id in item_ids]
    if not rows[0].is_reviewer:
        raise NotPermitted(d.NOT_REVIEWER, operator=rows[0].username or str(operator_id))
    actor = Actor(operator_id, str(rows[0].username), frozenset({Duty.REVIEWER}))
    found = {row.id: row for row in rows}
    refused: list[Refused] = [
        (item_id, NotFound(d.ITEM_GONE, id=item_id)) for item_id in item_ids if item_id not in found
    ]
    chosen_rows = []
    for row in rows:
        if _decidable(row, operator_id, now):
            chosen_rows.append(row)
        else:
            refused.append((row.id, _refusal(session, row, operator_id)))
    decided, statements = _writes(actor, chosen_rows, chosen, note, phrase, now)
    if decided:
        head = (int(rows[0].seq), str(rows[0].hash)) if here else (0, journal.GENESIS)
        changes = [
            _change(chosen, row, result, note)
            for row, result in zip(chosen_rows, decided, strict=True)
        ]
        entries, _ = journal.chained(session, actor, head, changes)
        whitelist = _whitelisting(session, [result.phrase for result in decided], note, chosen)
        run_together(session, [*statements, *whitelist, *entries])
    return decided, refused


def _writes(
    actor: Actor,
    rows: Sequence[Any],
    chosen: d.Decision,
    note: str,
    phrase: str,
    now: dt.datetime,
) -> tuple[list[d.Decided], list[Any]]:
    """The decisions and the statements that write the items and the posts."""
    state, post_status = d.OUTCOME[chosen]
    decided: list[d.Decided] = []
    for row in rows:
        findings = d.parse_findings(row.findings)
        picked = ""
        if chosen is d.Decision.WHITELIST:
            picked = d.checked_phrase(phrase.strip() or d.default_phrase(findings), findings)
        decided.append(d.Decided(row.id, row.post_id, state, post_status, picked))
    if not decided:
        return [], []
    operator_id = actor.operator_id
    statements: list[Any] = [
        update(QueueItem)
        .where(QueueItem.id.in_([row.id for row in rows]))
        .values(
            state=state.value,
            claimed_by=operator_id,
            decided_by=operator_id,
            decided_at=now,
            decision_note=note,
            lease_until=None,
            version=QueueItem.version + 1,
        )
    ]
    if post_status is not None:
        posts = sorted({row.post_id for row in rows})
        statements.append(update(Post).where(Post.id.in_(posts)).values(status=post_status.value))
    return decided, statements


def _change(chosen: d.Decision, row: Any, result: d.Decided, note: str) -> journal.Change:
    return journal.Change(
        f"audit.{chosen.value}",
        "queue_item",
        row.id,
        row.title,
        {"state": QueueState.CLAIMED.value, "post_status": row.status},
        {
            "state": result.state.value,
            "post_id": row.post_id,
            "post_status": result.post_status.value if result.post_status else row.status,
            "note": note,
            "phrase": result.phrase,
            "findings": len(d.parse_findings(row.findings)),
        },
    )


def _whitelisting(
    session: Session, phrases: Sequence[str], note: str, chosen: d.Decision
) -> list[Any]:
    """One insert of the new whitelist phrases that skips those already there (another
    reviewer may add the same phrase at the same moment)."""
    wanted = sorted({phrase for phrase in phrases if phrase})
    if not wanted:
        return []
    state, _ = d.OUTCOME[chosen]
    remark = (note or translate("", QUEUE_STATES[state]))[:500]
    rows = [{"phrase": phrase, "note": remark, "created_at": utcnow()} for phrase in wanted]
    dialect = session.connection().dialect.name
    if dialect == "postgresql":
        return [postgresql_insert(WhitelistPhrase).values(rows).on_conflict_do_nothing()]
    if dialect == "sqlite":
        return [sqlite_insert(WhitelistPhrase).values(rows).on_conflict_do_nothing()]
    return [insert(WhitelistPhrase).values(rows).prefix_with("IGNORE")]
