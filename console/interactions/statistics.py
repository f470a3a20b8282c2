"""Message statistics of a site for a year (the annual report's 互动交流 figures).

A year is the calendar year in the cluster's zone; a year not yet over counts up to the end
of ``until`` (today by default). Per channel kind: messages received in the year, how many of
them were valid, closed (answered or closed, up to ``until``), the average days from receipt
to reply of those closed, and how many were answered publicly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import settings_of
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, joined
from console.db import SessionFactory
from console.schema import ChannelKind, InteractionChannel, InteractionMessage, Site

CHUNK = 500
SECONDS_PER_DAY = 86400
UNKNOWN_SITES = QT_TR_NOOP("没有这些站点：{codes}")


@dataclass(frozen=True)
class KindStatistics:
    """The messages of one channel kind of a site in a year."""

    received: int = 0
    valid: int = 0
    closed: int = 0
    public: int = 0
    total_days: Decimal = Decimal(0)

    @property
    def average_days(self) -> Decimal | None:
        """Average days from receipt to reply of the closed messages (one decimal)."""
        if not self.closed:
            return None
        average = self.total_days / self.closed
        return average.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def plus(self, other: KindStatistics) -> KindStatistics:
        """Both added up."""
        return KindStatistics(
            self.received + other.received,
            self.valid + other.valid,
            self.closed + other.closed,
            self.public + other.public,
            self.total_days + other.total_days,
        )


@dataclass(frozen=True)
class SiteStatistics:
    """A site's messages of a year, per channel kind, and its working channels per kind."""

    site_id: int
    year: int
    until: dt.date
    kinds: dict[str, KindStatistics]
    channels: dict[str, int]

    def of(self, *kinds: ChannelKind) -> KindStatistics:
        """The statistics of ``kinds`` together (all kinds when none is named)."""
        total = KindStatistics()
        for kind in kinds or tuple(ChannelKind):
            total = total.plus(self.kinds.get(kind.value, KindStatistics()))
        return total


def year_bounds(year: int, until: dt.date | None) -> tuple[dt.date, dt.date]:
    """The first and last day counted of ``year``: its last day, or ``until`` if earlier."""
    last = dt.date(year, 12, 31)
    if until is not None and until < last:
        last = until
    return dt.date(year, 1, 1), last


def statistics(
    session: Session,
    site_ids: Sequence[int],
    year: int,
    zone: ZoneInfo,
    until: dt.date | None = None,
) -> dict[int, SiteStatistics]:
    """The message statistics of ``site_ids`` for ``year`` (up to ``until``), per site."""
    first, last = year_bounds(year, until)
    start, end = clock.day_range(first, last, zone)
    found: dict[int, dict[str, KindStatistics]] = {site_id: {} for site_id in site_ids}
    channels: dict[int, dict[str, int]] = {site_id: {} for site_id in site_ids}
    for offset in range(0, len(site_ids), CHUNK):
        chunk = list(site_ids[offset : offset + CHUNK])
        for site_id, kind, working in session.execute(
            select(
                InteractionChannel.site_id, InteractionChannel.kind, InteractionChannel.working
            ).where(InteractionChannel.site_id.in_(chunk))
        ):
            if working:
                channels[site_id][kind] = channels[site_id].get(kind, 0) + 1
        query = (
            select(
                InteractionChannel.site_id,
                InteractionChannel.kind,
                InteractionMessage.received_at,
                InteractionMessage.answered_at,
                InteractionMessage.valid,
                InteractionMessage.public,
            )
            .join(InteractionChannel, InteractionMessage.channel_id == InteractionChannel.id)
            .where(
                InteractionChannel.site_id.in_(chunk),
                InteractionMessage.received_at >= start,
                InteractionMessage.received_at < end,
            )
        )
        for row in session.execute(query):
            closed = row.answered_at is not None and row.answered_at < end
            days = (
                Decimal((row.answered_at - row.received_at).total_seconds()) / SECONDS_PER_DAY
                if closed
                else Decimal(0)
            )
            one = KindStatistics(1, int(row.valid), int(closed), int(closed and row.public), days)
            kinds = found[row.site_id]
            kinds[row.kind] = kinds.get(row.kind, KindStatistics()).plus(one)
    return {
        site_id: SiteStatistics(site_id, year, last, found[site_id], channels[site_id])
        for site_id in site_ids
    }


@dataclass(frozen=True)
class StatisticsRow:
    """One site's messages of a year, as ``interactions stats`` lists them."""

    code: str
    name: str
    received: int
    valid: int
    closed: int
    average_days: Decimal | None
    public: int

    def as_json(self) -> dict[str, object]:
        """The row as ``--json`` prints it."""
        average = self.average_days
        return {
            "site_code": self.code,
            "received": self.received,
            "valid": self.valid,
            "closed": self.closed,
            "average_days": float(average) if average is not None else None,
            "public": self.public,
        }


def statistics_rows(
    sessions: SessionFactory, actor: Actor, year: int, codes: Sequence[str] = ()
) -> tuple[dt.date, list[StatisticsRow]]:
    """Service: the message statistics of ``year`` (up to today) of the sites ``codes``
    (default: every site with a channel), every channel kind together; the last day counted
    and the rows in code order."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        zone = settings_of(session).zone
        query = select(Site.id, Site.code, Site.name).order_by(Site.code)
        if codes:
            query = query.where(Site.code.in_(sorted(set(codes))))
        else:
            with_channel = select(InteractionChannel.site_id)
            query = query.where(Site.id.in_(with_channel))
        sites = session.execute(query).all()
        unknown = sorted(set(codes) - {site.code for site in sites})
        if unknown:
            raise InvalidInput(UNKNOWN_SITES, codes=joined(unknown))
        today = clock.today(zone)
        found = statistics(session, [site.id for site in sites], year, zone, today)
    rows = []
    for site in sites:
        total = found[site.id].of()
        rows.append(
            StatisticsRow(site.code, site.name, total.received, total.valid, total.closed,
                          total.average_days, total.public)
        )  # fmt: skip
    return year_bounds(year, today)[1], rows
