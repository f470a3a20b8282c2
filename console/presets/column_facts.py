"""The column facts the inspection judges, read as of the check date: a column's last update
(the later of its recorded update and its newest published post, or what a stored patrol
read of its list page when that is later) and whether it is a leaf."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import clock
from console.db.rounds import Reading, alongside, every, run
from console.presets.site_columns import LocalColumn, chunks, local_reading
from console.schema import PatrolColumn

DATABASE, LIVE_SITE = "database", "live_site"


@dataclass(frozen=True)
class ColumnFacts:
    """What the rules need to know about one column of a site, as of the check date.

    ``last_update`` is stored time (naive UTC), for showing; ``updated_on`` its date in the
    cluster's zone, which the rules compare.
    """

    column_id: int
    code: str
    name: str
    column_type: str
    max_idle_days: int | None
    last_update: dt.datetime | None
    posts: int
    leaf: bool = True
    updated_on: dt.date | None = None
    live_items: int | None = None  # items on the list page a patrol read; None: not read
    source: str | None = None  # where ``updated_on`` came from (``DATABASE``/``LIVE_SITE``)


def local_day(at: dt.datetime | None, end: dt.datetime, zone: ZoneInfo) -> dt.date | None:
    """The local date of ``at`` when it is before ``end`` (the end of the check date)."""
    return clock.local_date(at, zone) if at is not None and at < end else None


def load_column_facts(
    session: Session, site_ids: Sequence[int], end: dt.datetime, zone: ZoneInfo
) -> dict[int, tuple[ColumnFacts, ...]]:
    """Column facts per site id as of ``end`` (stored time, exclusive), parents first: three
    queries per chunk of sites, in one round trip."""
    return run(session, column_facts_reading(site_ids, end, zone))


def column_facts_reading(
    site_ids: Sequence[int], end: dt.datetime, zone: ZoneInfo
) -> Reading[dict[int, tuple[ColumnFacts, ...]]]:
    """``load_column_facts`` as a reading of one round."""
    local, live = yield from alongside(
        local_reading(site_ids, published_before=end), live_reading(site_ids, end, zone)
    )
    return {site_id: _column_facts(local[site_id], end, zone, live) for site_id in site_ids}


def live_reading(
    site_ids: Sequence[int], end: dt.datetime, zone: ZoneInfo
) -> Reading[dict[int, tuple[dt.date | None, int]]]:
    """Per column id, what the last stored patrol before ``end`` read of its list page: the
    newest item's date (only on or before the check date) and how many items it listed."""
    last_day = clock.local_date(end, zone) - dt.timedelta(days=1)
    live: dict[int, tuple[dt.date | None, int]] = {}
    results = yield from every(
        [
            select(PatrolColumn.column_id, PatrolColumn.last_item_date, PatrolColumn.items).where(
                PatrolColumn.site_id.in_(chunk),
                PatrolColumn.patrolled_at < end,
                PatrolColumn.error.is_(None),
            )
            for chunk in chunks(list(site_ids))
        ]
    )
    for rows in results:
        for column_id, day, items in rows:
            live[column_id] = (day if day is not None and day <= last_day else None, items)
    return live


def _column_facts(
    columns: Sequence[LocalColumn],
    end: dt.datetime,
    zone: ZoneInfo,
    live: Mapping[int, tuple[dt.date | None, int]],
) -> tuple[ColumnFacts, ...]:
    """What the rules need of a site's columns: the later of the recorded update and the
    newest published post (both before ``end``), and whether each column is a leaf."""
    parents = {column.parent_id for column in columns if column.parent_id is not None}
    facts = []
    for column in columns:
        recorded = column.last_updated_at if local_day(column.last_updated_at, end, zone) else None
        moments = (recorded, column.newest_published)
        last = max((at for at in moments if at is not None), default=None)
        stored_on = local_day(last, end, zone)
        live_on, live_items = live.get(column.id, (None, None))
        updated_on, source = stored_on, DATABASE if stored_on else None
        if live_on is not None and (stored_on is None or live_on > stored_on):
            updated_on, source = live_on, LIVE_SITE
        facts.append(
            ColumnFacts(
                column_id=column.id,
                code=column.code,
                name=column.name,
                column_type=column.column_type,
                max_idle_days=column.max_idle_days,
                last_update=last,
                posts=column.published,
                leaf=column.id not in parents,
                updated_on=updated_on,
                live_items=live_items,
                source=source,
            )
        )
    return tuple(facts)
