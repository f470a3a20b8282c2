"""The journal for the audit administrator: the list narrowed by operator, action, target and
dates, and one entry in full."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from sqlalchemy.sql.elements import ColumnElement

from console.base import clock
from console.base.actor import Actor, require
from console.base.errors import NotFound
from console.base.i18n import QT_TR_NOOP
from console.base.journal import JOURNAL
from console.base.listing import Listing
from console.db import SessionFactory
from console.schema import Duty, JournalEntry

UNKNOWN_ENTRY = QT_TR_NOOP("日志第 {seq} 条不存在。")


def journal_listing(
    operator: str = "",
    action: str = "",
    target: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
    zone: ZoneInfo | None = None,
) -> Listing:
    """The journal list limited to one operator, an action (or its prefix, e.g. ``grant.``),
    targets whose label contains ``target``, and days from ``since`` to ``until`` inclusive
    (days in the cluster's ``zone``, required with either)."""
    where: list[ColumnElement[bool]] = []
    if operator.strip():
        where.append(JournalEntry.operator_name == operator.strip())
    if action.strip():
        wanted = action.strip()
        clause = (
            JournalEntry.action.startswith(wanted, autoescape=True)
            if wanted.endswith(".")
            else JournalEntry.action == wanted
        )
        where.append(clause)
    if target.strip():
        where.append(JournalEntry.target_label.contains(target.strip(), autoescape=True))
    if since is not None or until is not None:
        if zone is None:
            raise ValueError("days need the cluster's zone")
        if since is not None:
            where.append(JournalEntry.at >= clock.day_start(since, zone))
        if until is not None:
            where.append(JournalEntry.at < clock.day_start(until + dt.timedelta(days=1), zone))
    return replace(JOURNAL, where=tuple(where))


@dataclass(frozen=True)
class EntryDetail:
    """One journal entry in full: what changed (before → after) and its place in the chain."""

    seq: int
    at: dt.datetime
    operator_name: str
    action: str
    target_type: str
    target_id: str
    target_label: str
    before: str
    after: str
    prev_hash: str
    hash: str


def entry(sessions: SessionFactory, actor: Actor, seq: int) -> EntryDetail:
    """The journal entry ``seq`` with its before/after, for the audit administrator."""
    require(actor, Duty.AUDIT_ADMIN)
    with sessions() as session:
        row = session.get(JournalEntry, seq)
        if row is None:
            raise NotFound(UNKNOWN_ENTRY, seq=seq)
        return EntryDetail(
            row.seq, row.at, row.operator_name, row.action, row.target_type, row.target_id,
            row.target_label, _pretty(row.before), _pretty(row.after), row.prev_hash, row.hash,
        )  # fmt: skip


def _pretty(stored: str) -> str:
    """Canonical JSON indented for reading ('' stays '')."""
    if not stored:
        return ""
    try:
        return json.dumps(json.loads(stored), ensure_ascii=False, indent=2, sort_keys=True)
    except ValueError:
        return stored
