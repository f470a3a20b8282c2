"""Narrowing the journal list for the audit administrator: operator, action, target, dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy.sql.elements import ColumnElement

from console.listing import Listing
from console.schema import JournalEntry
from console.services.journal import JOURNAL


def journal_listing(
    operator: str = "",
    action: str = "",
    target: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Listing:
    """The journal list limited to one operator, an action (or its prefix, e.g. ``grant.``),
    targets whose label contains ``target``, and days from ``since`` to ``until`` inclusive."""
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
    if since is not None:
        where.append(JournalEntry.at >= dt.datetime.combine(since, dt.time()))
    if until is not None:
        where.append(JournalEntry.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time()))
    return replace(JOURNAL, where=tuple(where))
