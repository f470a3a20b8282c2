"""The review queue's structured filter and the lists it narrows (in SQL)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import aliased

from console import review as queue
from console.base.listing import Listing
from console.schema import Post, QueueItem, Site, utcnow


@dataclass(frozen=True)
class QueueFilter:
    """The queue's structured filter: site (or subtree, or a set of sites), category, least
    severity and age; and, for the list behind a dashboard figure, the window (from inclusive,
    until exclusive, stored instants) its items were decided or queued in and their states
    (none: any)."""

    site_id: int | None = None
    category: str = ""
    min_severity: int = 0
    older_than_hours: int = 0
    under: int | None = None
    site_ids: frozenset[int] | None = None
    decided: tuple[dt.datetime, dt.datetime] | None = None
    queued: tuple[dt.datetime, dt.datetime] | None = None
    states: tuple[str, ...] = ()


def narrowed(listing: Listing, chosen: QueueFilter, now: dt.datetime | None = None) -> Listing:
    """``listing`` restricted by ``chosen`` (in SQL)."""
    clauses: list[ColumnElement[bool]] = []
    if chosen.site_id is not None:
        clauses.append(Post.site_id == chosen.site_id)
    if chosen.under is not None:
        clauses.append(Post.site_id.in_(_subtree_ids(chosen.under)))
    if chosen.site_ids is not None:
        clauses.append(Post.site_id.in_(sorted(chosen.site_ids)))
    for column, window in (
        (QueueItem.decided_at, chosen.decided),
        (QueueItem.created_at, chosen.queued),
    ):
        if window is not None:
            clauses.append((column >= window[0]) & (column < window[1]))
    if chosen.category:
        # The key and value exactly as ``findings_json`` writes them (quotes escaped alike).
        stored = queue.findings_json([{"category": chosen.category}])[2:-2]
        escaped = stored.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(QueueItem.findings.like(f"%{escaped}%", escape="\\"))
    if chosen.states:
        clauses.append(QueueItem.state.in_(chosen.states))
    if chosen.min_severity > 0:
        clauses.append(QueueItem.priority >= chosen.min_severity)
    if chosen.older_than_hours > 0:
        limit = (now or utcnow()) - dt.timedelta(hours=chosen.older_than_hours)
        clauses.append(QueueItem.created_at <= limit)
    counted = listing.count_source
    if chosen.site_id is not None or chosen.under is not None or chosen.site_ids is not None:
        counted = QueueItem.__table__.join(Post, Post.id == QueueItem.post_id)
    return dataclasses.replace(listing, where=listing.where + tuple(clauses), count_source=counted)


def _subtree_ids(site_id: int) -> Any:  # the site and every site below it, recursively
    tree = select(Site.id).where(Site.id == site_id).cte("queue_scope", recursive=True)
    child = aliased(Site)
    return select(tree.union_all(select(child.id).where(child.parent_id == tree.c.id)).c.id)
