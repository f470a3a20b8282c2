"""The journal: appending entries inside a service's transaction, and verifying the chain.

Each entry hashes the previous entry's hash together with its own content, so editing,
deleting or reordering any entry breaks the chain from that point on. Writers serialise on
the single ``journal_head`` row, so concurrent consoles extend one chain and never fork it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from console.base.actor import Actor, require
from console.base.errors import NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.listing import Field, Listing
from console.db import SessionFactory, routines
from console.db.batch import run_together
from console.schema import Duty, JournalEntry, JournalHead, utcnow

GENESIS = "0" * 64
HEAD_ID = 1
VERIFY_BATCH = 2_000

NO_HEAD = QT_TR_NOOP("日志头记录缺失：数据库未经迁移或已被篡改。")


def canonical(value: Mapping[str, Any] | None) -> str:
    """The JSON text stored (and hashed) for a before/after snapshot."""
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(
    prev_hash: str,
    seq: int,
    at: dt.datetime,
    operator_name: str,
    action: str,
    target_type: str,
    target_id: str,
    target_label: str,
    before: str,
    after: str,
) -> str:
    """SHA-256 over an entry's content and its predecessor's hash."""
    material = json.dumps(
        [
            prev_hash,
            seq,
            at.isoformat(timespec="microseconds"),
            operator_name,
            action,
            target_type,
            target_id,
            target_label,
            before,
            after,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """One change to journal: what was done to which object, before and after."""

    action: str
    target_type: str
    target_id: object
    target_label: str
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None


def record(
    session: Session,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: object,
    target_label: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> JournalEntry:
    """Append an entry in ``session``'s transaction (the caller commits once, with its change).

    On SQLite the console chains the entry itself in two round trips (the head taken, then
    the entry and the new head written together); on a server database the server does,
    through the definer's routine ``journal_append`` (the consoles' logins may not write the
    journal)."""
    change = Change(action, target_type, target_id, target_label, before, after)
    append = _appended_by_server if routines.on_server(session) else _chained_here
    return append(session, actor, change)


def _chained_here(session: Session, actor: Actor, change: Change) -> JournalEntry:
    """Chain the entry in the console (SQLite: whoever opens the file may write anyway)."""
    seq, prev_hash = _take_head(session)
    statements, entries = chained_here(actor, (seq - 1, prev_hash), [change])
    run_together(session, statements)
    return entries[0]


def record_many(
    session: Session, actor: Actor, changes: Sequence[Change], batch: int = 1_000
) -> None:
    """Append one entry per change, in order, as ``record`` would one by one (same content,
    same chain), a batch of entries a round trip: for imports of thousands of rows. On a
    server database a batch is one call of its routine, which chains the whole batch."""
    if not changes:
        return
    head = (0, GENESIS)
    if not routines.on_server(session):
        seq, prev_hash = _take_head(session)
        head = (seq - 1, prev_hash)
    for start in range(0, len(changes), batch):
        statements, entries = chained(session, actor, head, changes[start : start + batch])
        run_together(session, statements)
        head = (entries[-1].seq, entries[-1].hash)


def head_for_update() -> Any:
    """The journal's head (``seq``, ``hash``) to read under lock, alone or joined into another
    locking read (``HEAD_ID`` names its one row)."""
    return select(JournalHead.seq, JournalHead.hash).where(JournalHead.id == HEAD_ID)


def chained(
    session: Session, actor: Actor, head: tuple[int, str], changes: Sequence[Change]
) -> tuple[list[Any], list[JournalEntry]]:
    """The statements that append ``changes`` after ``head`` (its ``seq`` and ``hash`` as read
    under the head's lock in this transaction): one INSERT of every entry, each hashing the
    one before, and the new head; and the entries as written. On a server database the
    statement is one call of its routine ``journal_append_many``, which chains every entry
    itself (``head`` unused; the entries returned then carry no hash)."""
    if routines.on_server(session):
        unchained = [_entry(actor, change, 0, utcnow(), "", "") for change in changes]
        if not unchained:
            return [], []
        material = [
            [e.action, e.target_type, e.target_id, e.target_label, e.before, e.after]
            for e in unchained
        ]
        call = routines.call(
            session,
            "journal_append_many",
            operator_id=actor.operator_id,
            operator_name=actor.username,
            entries=json.dumps(material, ensure_ascii=False, separators=(",", ":")),
        )
        return [call], unchained
    return chained_here(actor, head, changes)


def chained_here(
    actor: Actor, head: tuple[int, str], changes: Sequence[Change]
) -> tuple[list[Any], list[JournalEntry]]:
    """``chained`` as the console does it (SQLite): every entry hashed here, after ``head``."""
    seq, prev_hash = head
    at = utcnow()
    entries: list[JournalEntry] = []
    for change in changes:
        seq += 1
        before_text, after_text = canonical(change.before), canonical(change.after)
        digest = entry_hash(
            prev_hash,
            seq,
            at,
            actor.username,
            change.action,
            change.target_type,
            str(change.target_id),
            change.target_label[:300],
            before_text,
            after_text,
        )
        entries.append(_entry(actor, change, seq, at, prev_hash, digest))
        prev_hash = digest
    if not entries:
        return [], []
    rows = [{c.key: getattr(e, c.key) for c in JournalEntry.__table__.columns if c.key != "id"}
            for e in entries]  # fmt: skip
    statements = [
        insert(JournalEntry).values(rows),
        update(JournalHead).where(JournalHead.id == HEAD_ID).values(seq=seq, hash=prev_hash),
    ]
    return statements, entries


def _entry(
    actor: Actor, change: Change, seq: int, at: dt.datetime, prev_hash: str, digest: str
) -> JournalEntry:
    return JournalEntry(
        seq=seq,
        at=at,
        operator_id=actor.operator_id,
        operator_name=actor.username,
        action=change.action,
        target_type=change.target_type,
        target_id=str(change.target_id),
        target_label=change.target_label[:300],
        before=canonical(change.before),
        after=canonical(change.after),
        prev_hash=prev_hash,
        hash=digest,
    )


def _take_head(session: Session) -> tuple[int, str]:
    """The next sequence number and the head's hash, with the head locked for this transaction
    (its row lock, or SQLite's write lock), so two transactions never extend one predecessor.

    Where UPDATE … RETURNING exists the bump is the lock and the read; MariaDB reads the head
    with a locking read instead."""
    head = head_for_update()
    if session.connection().dialect.update_returning:
        bumped = (
            update(JournalHead)
            .where(JournalHead.id == HEAD_ID)
            .values(seq=JournalHead.seq + 1)
            .returning(JournalHead.seq, JournalHead.hash)
            .execution_options(synchronize_session=False)
        )
        row = session.execute(bumped).one_or_none()
        if row is None:
            raise NotFound(NO_HEAD)
        return int(row[0]), str(row[1])
    row = session.execute(head.with_for_update()).one_or_none()
    if row is None:
        raise NotFound(NO_HEAD)
    return int(row[0]) + 1, str(row[1])


def _append_call(session: Session, actor: Actor, change: Change) -> Any:
    """The call of the server's routine that appends ``change``."""
    return routines.call(
        session,
        "journal_append",
        operator_id=actor.operator_id,
        operator_name=actor.username,
        action=change.action,
        target_type=change.target_type,
        target_id=str(change.target_id),
        target_label=change.target_label[:300],
        before=canonical(change.before),
        after=canonical(change.after),
    )


def _appended_by_server(session: Session, actor: Actor, change: Change) -> JournalEntry:
    """Append through the server's routine, which numbers, times and chains the entry."""
    # Flush first: the entry may name rows this transaction has only added in memory so far.
    session.flush()
    try:
        seq, at, digest = session.execute(_append_call(session, actor, change)).one()
    except DBAPIError as error:
        if "journal_head row missing" in str(error.orig):
            raise NotFound(NO_HEAD) from error
        raise
    return _entry(actor, change, seq, at, "", digest)


@dataclass
class Verification:
    """The outcome of checking the chain: where it breaks, if anywhere, and the head hash."""

    entries: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        """Whether every entry is present, unedited and in order."""
        return not self.problems


BROKEN_SEQ = QT_TR_NOOP("第 {expected} 条缺失（下一条是第 {found} 条）：有记录被删除。")
BROKEN_LINK = QT_TR_NOOP("第 {seq} 条的前序哈希不符：其前一条被改动或删除。")
BROKEN_HASH = QT_TR_NOOP("第 {seq} 条内容与其哈希不符：该条被改动。")
BROKEN_HEAD = QT_TR_NOOP(
    "日志头指向第 {head} 条，实际最后一条为第 {last} 条：末尾记录被删除或伪造。"
)


def verify(sessions: SessionFactory, actor: Actor) -> Verification:
    """Walk the whole chain and report every break (audit administrator only)."""
    require(actor, Duty.AUDIT_ADMIN)
    result = Verification()
    prev_hash, expected = GENESIS, 1
    with sessions() as session:
        head = session.get(JournalHead, HEAD_ID)
        if head is None:
            raise NotFound(NO_HEAD)
        result.head_seq, result.head_hash = head.seq, head.hash
        after = 0
        while True:
            batch = session.scalars(
                select(JournalEntry)
                .where(JournalEntry.seq > after)
                .order_by(JournalEntry.seq)
                .limit(VERIFY_BATCH)
            ).all()
            if not batch:
                break
            for entry in batch:
                result.entries += 1
                if entry.seq != expected:
                    result.problems.append(
                        translate("", BROKEN_SEQ).format(expected=expected, found=entry.seq)
                    )
                if entry.prev_hash != prev_hash:
                    result.problems.append(translate("", BROKEN_LINK).format(seq=entry.seq))
                digest = entry_hash(
                    entry.prev_hash,
                    entry.seq,
                    entry.at,
                    entry.operator_name,
                    entry.action,
                    entry.target_type,
                    entry.target_id,
                    entry.target_label,
                    entry.before,
                    entry.after,
                )
                if digest != entry.hash:
                    result.problems.append(translate("", BROKEN_HASH).format(seq=entry.seq))
                prev_hash, expected = entry.hash, entry.seq + 1
            after = batch[-1].seq
            session.expunge_all()
    if head.seq != expected - 1 or head.hash != prev_hash:
        result.problems.append(translate("", BROKEN_HEAD).format(head=head.seq, last=expected - 1))
    return result


JOURNAL = Listing(
    name="journal",
    title=QT_TR_NOOP("操作日志"),
    source=JournalEntry.__table__,
    row_id=JournalEntry.seq,
    readers=frozenset({Duty.AUDIT_ADMIN}),
    default_sort="seq",
    fields=(
        Field("seq", QT_TR_NOOP("序号"), JournalEntry.seq, width=6),
        Field("at", QT_TR_NOOP("时间"), JournalEntry.at, width=16),
        Field(
            "operator", QT_TR_NOOP("操作员"), JournalEntry.operator_name, searchable=True, width=10
        ),
        Field("action", QT_TR_NOOP("操作"), JournalEntry.action, searchable=True, width=18),
        Field("target_type", QT_TR_NOOP("对象类型"), JournalEntry.target_type, width=8),
        Field("target", QT_TR_NOOP("对象"), JournalEntry.target_label, searchable=True, width=30),
    ),
)
