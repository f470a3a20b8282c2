"""Deciding a claimed item: approve, approve and whitelist, return to the editor, take down.

``decide`` changes one row with a guarded ``UPDATE … WHERE state = 'claimed' AND claimed_by =
<operator>``: of any number of consoles trying, exactly one matches the row, and every other
attempt finds it decided and is refused without changing anything. The decision, its effect
on the post and its journal entry are written in the caller's transaction; the caller commits.
Row locks are always taken in the same order (queue item, post, whitelist, journal head), so
concurrent deciders wait for each other but cannot deadlock.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from console.base import clock, journal
from console.base.actor import Actor
from console.base.cluster import settings_of
from console.base.errors import Conflict, InvalidInput, NotFound, NotPermitted
from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import QUEUE_STATES
from console.schema import (
    Duty,
    Operator,
    OperatorDuty,
    Post,
    PostStatus,
    QueueItem,
    QueueState,
    WhitelistPhrase,
    utcnow,
)
from console.screening import normalise


class Decision(enum.StrEnum):
    """What a reviewer decides about a flagged post."""

    APPROVE = "approve"
    WHITELIST = "whitelist"
    RETURN = "return"
    TAKE_DOWN = "take_down"


OUTCOME: dict[Decision, tuple[QueueState, PostStatus | None]] = {
    Decision.APPROVE: (QueueState.APPROVED, None),
    Decision.WHITELIST: (QueueState.WHITELISTED, None),
    Decision.RETURN: (QueueState.RETURNED, PostStatus.RETURNED),
    Decision.TAKE_DOWN: (QueueState.TAKEN_DOWN, PostStatus.WITHDRAWN),
}
FINAL_STATES = frozenset(state.value for state, _ in OUTCOME.values())
NOTE_LIMIT = 1000
PHRASE_LIMIT = 200

ITEM_GONE = QT_TR_NOOP("审核条目 {id} 不存在（可能已随稿件删除）。")
BAD_DECISION = QT_TR_NOOP("未知的审核决定：{decision}。")
NOT_REVIEWER = QT_TR_NOOP("操作员 {operator} 不是内容审核员，不能作出审核决定。")
ALREADY_DECIDED = QT_TR_NOOP("条目 {id} 已由 {who} 于 {when} 决定为“{state}”；每个条目只决定一次。")
CLAIMED_BY_OTHER = QT_TR_NOOP("条目 {id} 正由 {who} 认领审核（租约至 {until}），您不能决定。")
NOT_CLAIMED = QT_TR_NOOP("条目 {id} 尚未被您认领：请先认领再决定。")
LEASE_LAPSED = QT_TR_NOOP("您对条目 {id} 的认领已于 {until} 过期：请重新认领再决定。")
NOTE_NEEDED = QT_TR_NOOP("退回编辑时须写明退回意见。")
NOTE_TOO_LONG = QT_TR_NOOP("审核意见最长 {limit} 字。")
PHRASE_BAD = QT_TR_NOOP("白名单短语须为 {limit} 字以内，并包含被标记的文字之一：{texts}。")


@dataclass(frozen=True)
class Decided:
    """What one decision did: the item, its new state and the post's new status (if changed)."""

    item_id: int
    post_id: int
    state: QueueState
    post_status: PostStatus | None
    phrase: str


def findings_of(item: QueueItem) -> list[dict[str, Any]]:
    """The item's findings as stored (a list of finding dicts)."""
    return parse_findings(item.findings)


def parse_findings(text: str | None) -> list[dict[str, Any]]:
    """Findings from their stored JSON (nothing when unreadable)."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [f for f in value if isinstance(f, dict)] if isinstance(value, list) else []


def default_phrase(findings: list[dict[str, Any]]) -> str:
    """The phrase whitelisted when none is given: the first lexicon match's text."""
    for finding in findings:
        if finding.get("kind") == "term" and finding.get("text"):
            return str(finding["text"])
    return str(findings[0].get("text", "")) if findings else ""


def as_decision(value: Decision | str) -> Decision:
    """``value`` as a ``Decision`` (refusing unknown names with ``InvalidInput``)."""
    try:
        return Decision(value)
    except ValueError:
        raise InvalidInput(BAD_DECISION, decision=value) from None


def reviewer(session: Session, operator_id: int) -> Actor:
    """The operator as an acting reviewer (``NotPermitted`` unless active and a reviewer)."""
    rows = session.execute(
        select(Operator.username, Operator.active, OperatorDuty.duty)
        .outerjoin(OperatorDuty, OperatorDuty.operator_id == Operator.id)
        .where(Operator.id == operator_id)
    ).all()
    duties = frozenset(Duty(row.duty) for row in rows if row.duty)
    if not rows or not rows[0].active or Duty.REVIEWER not in duties:
        raise NotPermitted(NOT_REVIEWER, operator=rows[0].username if rows else str(operator_id))
    return Actor(operator_id, rows[0].username, duties)


def decide(
    session: Session,
    item_id: int,
    operator_id: int,
    decision: Decision | str,
    note: str = "",
) -> Decided:
    """Decide item ``item_id`` claimed by ``operator_id``; journalled in the same transaction.

    ``note`` is the reviewer's comment (required when returning to the editor);
    ``Decision.WHITELIST`` whitelists the first matched term (``decide_with_phrase`` takes
    another phrase). Deciding an item that is not this operator's live claim, or is decided
    already, raises ``Conflict`` (or ``NotFound``) and writes nothing. The caller commits.
    """
    return decide_with_phrase(session, item_id, operator_id, decision, note)


def decide_with_phrase(
    session: Session,
    item_id: int,
    operator_id: int,
    decision: Decision | str,
    note: str = "",
    phrase: str = "",
    now: dt.datetime | None = None,
) -> Decided:
    """``decide``, with the phrase ``Decision.WHITELIST`` adds (it must hold a matched text).

    Everything is checked before the first write, so a refusal leaves the transaction as
    it was even when the caller goes on and commits.
    """
    chosen = as_decision(decision)
    note = note.strip()
    if chosen is Decision.RETURN and not note:
        raise InvalidInput(NOTE_NEEDED)
    if len(note) > NOTE_LIMIT:
        raise InvalidInput(NOTE_TOO_LONG, limit=NOTE_LIMIT)
    actor = reviewer(session, operator_id)
    now = now or utcnow()
    row = session.execute(
        select(QueueItem.post_id, QueueItem.findings, Post.title, Post.status)
        .join(Post, Post.id == QueueItem.post_id)
        .where(QueueItem.id == item_id, _held_by(operator_id, now))
    ).one_or_none()
    if row is None:
        raise _refusal(session, item_id, operator_id, now)
    findings = parse_findings(row.findings)
    if chosen is Decision.WHITELIST:
        phrase = checked_phrase(phrase.strip() or default_phrase(findings), findings)
    else:
        phrase = ""
    state, post_status = OUTCOME[chosen]
    won = session.execute(
        update(QueueItem)
        .where(QueueItem.id == item_id, _held_by(operator_id, now))
        .values(
            state=state.value,
            decided_by=operator_id,
            decided_at=now,
            decision_note=note,
            lease_until=None,
            version=QueueItem.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if won.rowcount != 1:  # type: ignore[attr-defined]
        # Another console took or decided it between the read and the guarded update.
        raise _refusal(session, item_id, operator_id, now)
    if post_status is not None:
        session.execute(update(Post).where(Post.id == row.post_id).values(status=post_status.value))
    if phrase:
        _whitelist(session, phrase, note or translate("", QUEUE_STATES[state]))
    journal.record(
        session,
        actor,
        f"audit.{chosen.value}",
        "queue_item",
        item_id,
        row.title,
        {"state": QueueState.CLAIMED.value, "post_status": row.status},
        {
            "state": state.value,
            "post_id": row.post_id,
            "post_status": post_status.value if post_status else row.status,
            "note": note,
            "phrase": phrase,
            "findings": len(findings),
        },
    )
    return Decided(item_id, row.post_id, state, post_status, phrase)


def _held_by(operator_id: int, now: dt.datetime) -> ColumnElement[bool]:
    """The item is ``operator_id``'s claim and its lease has not run out."""
    return and_(
        QueueItem.state == QueueState.CLAIMED.value,
        QueueItem.claimed_by == operator_id,
        or_(QueueItem.lease_until.is_(None), QueueItem.lease_until >= now),
    )


def checked_phrase(phrase: str, findings: list[dict[str, Any]]) -> str:
    texts = [str(f.get("text", "")) for f in findings if f.get("text")]
    fits = bool(phrase) and len(phrase) <= PHRASE_LIMIT and bool(normalise(phrase))
    if not fits or not any(t in phrase for t in texts):
        raise InvalidInput(PHRASE_BAD, limit=PHRASE_LIMIT, texts="、".join(texts[:5]))
    return phrase


def _whitelist(session: Session, phrase: str, note: str) -> None:
    """Add ``phrase`` to the whitelist unless it is there already."""
    present = session.scalar(select(WhitelistPhrase.id).where(WhitelistPhrase.phrase == phrase))
    if present is not None:
        return
    # Two reviewers may whitelist the same phrase at once: the second insert meets the unique
    # key, and only its savepoint is undone.
    try:
        with session.begin_nested():
            session.add(WhitelistPhrase(phrase=phrase, note=note[:500], created_at=utcnow()))
    except IntegrityError:
        pass


def _refusal(session: Session, item_id: int, operator_id: int, now: dt.datetime) -> Exception:
    """Why a decision cannot take: gone, decided already, someone else's claim, lapsed."""
    item = session.scalars(
        select(QueueItem).where(QueueItem.id == item_id).execution_options(populate_existing=True)
    ).one_or_none()
    if item is None:
        return NotFound(ITEM_GONE, id=item_id)
    zone = settings_of(session).zone
    if item.state in FINAL_STATES:
        who = session.get(Operator, item.decided_by) if item.decided_by else None
        return Conflict(
            ALREADY_DECIDED,
            id=item_id,
            who=who.display_name if who else "?",
            when=clock.shown(item.decided_at, zone) if item.decided_at else "?",
            state=translate("", QUEUE_STATES[item.state]),
        )
    until = clock.shown(item.lease_until, zone) if item.lease_until else "?"
    if item.state == QueueState.CLAIMED.value and item.claimed_by == operator_id:
        return Conflict(LEASE_LAPSED, id=item_id, until=until)
    if item.state == QueueState.CLAIMED.value and item.claimed_by is not None:
        holder = session.get(Operator, item.claimed_by)
        return Conflict(
            CLAIMED_BY_OTHER, id=item_id, who=holder.display_name if holder else "?", until=until
        )
    return Conflict(NOT_CLAIMED, id=item_id)
