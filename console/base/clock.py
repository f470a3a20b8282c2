"""Time as the cluster keeps it: stored as naive UTC, judged and shown in the cluster's zone.

Every date judgement (idle days, deadlines, "today") takes the date in the cluster's time zone
(a cluster setting, ``console.base.cluster``), never the machine's; every time shown to a
person goes through ``shown`` and every time written to JSON through ``iso``. The functions
take the zone explicitly, so the same database at the same instant gives the same answers on
any machine.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import zoneinfo
from zoneinfo import ZoneInfo

from console.schema import utcnow

__all__ = [
    "DEFAULT_ZONE",
    "DateTimeCell",
    "add_months",
    "available_zones",
    "day_range",
    "day_start",
    "differs_from_machine",
    "iso",
    "latest_date",
    "local",
    "local_date",
    "now",
    "shown",
    "stored",
    "today",
    "utcnow",
    "wall_to_stored",
    "zone_label",
    "zone_named",
]

DEFAULT_ZONE = "Asia/Shanghai"
DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"

DateTimeCell = dt.datetime | dt.date


@functools.cache
def available_zones() -> frozenset[str]:
    """The IANA zone names this Python knows (the system's data, else the tzdata package)."""
    return frozenset(zoneinfo.available_timezones())


def zone_named(name: str) -> ZoneInfo:
    """The zone called ``name`` (an IANA name such as ``Asia/Shanghai``); ``KeyError`` if none."""
    if name not in available_zones():
        raise KeyError(name)
    return ZoneInfo(name)


def now(zone: ZoneInfo) -> dt.datetime:
    """The current time in ``zone`` (aware)."""
    return dt.datetime.now(zone)


def today(zone: ZoneInfo) -> dt.date:
    """Today's date in ``zone``: between 00:00 and 08:00 Beijing time it is not the UTC date."""
    return now(zone).date()


def latest_date() -> dt.date:
    """The newest date that has begun anywhere (UTC+14): the bound of plausibility checks that
    have no cluster at hand (a year of issue, a date of birth), so no machine refuses it."""
    return (utcnow() + dt.timedelta(hours=14)).date()


def local(value: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """A stored time (naive UTC) or any aware time as an aware time in ``zone``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(zone)


def local_date(value: dt.datetime, zone: ZoneInfo) -> dt.date:
    """The date in ``zone`` of a stored time (naive UTC) or an aware time."""
    return local(value, zone).date()


def stored(value: dt.datetime) -> dt.datetime:
    """An aware time in the form every timestamp is stored in: naive UTC."""
    if value.tzinfo is None:
        raise ValueError("a naive time has no zone to convert from")
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def wall_to_stored(wall: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A wall-clock time a person typed in ``zone`` (naive) in its stored form (naive UTC)."""
    return stored(wall.replace(tzinfo=zone))


def day_start(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The first instant of ``day`` in ``zone``, stored form (naive UTC)."""
    return wall_to_stored(dt.datetime.combine(day, dt.time()), zone)


def day_range(first: dt.date, last: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The stored-form bounds ``[start, end)`` of the days ``first``…``last`` in ``zone``.

    A filter "from ``first`` to ``last``" is ``start <= at < end``."""
    return day_start(first, zone), day_start(last + dt.timedelta(days=1), zone)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (negative: back); a day past the target
    month's end becomes its last day (2026-08-31 − 6 months = 2026-02-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shown(value: DateTimeCell | None, zone: dt.tzinfo) -> str:
    """The one way a time or a date is shown to a person: ``2026-12-01 08:30`` in ``zone``
    (a naive time is a stored one, UTC), ``2026-12-01`` for a date, "" for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return local(value, zone).strftime(DATETIME_FORMAT)
    return value.strftime(DATE_FORMAT)


def iso(value: DateTimeCell | None, zone: dt.tzinfo) -> str | None:
    """A time for JSON: ISO 8601 in ``zone`` with its offset (``2026-12-01T08:30:00+08:00``);
    a date as ``2026-12-01``; None stays None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return local(value, zone).isoformat(timespec="seconds")
    return value.isoformat()


def zone_label(zone: ZoneInfo) -> str:
    """A zone as a person reads it: ``Asia/Shanghai（UTC+08:00）``."""
    return f"{zone.key}（{_offset_label(now(zone))}）"


def differs_from_machine(zone: ZoneInfo) -> bool:
    """Whether the machine's clock currently runs at a different offset from ``zone``."""
    return dt.datetime.now().astimezone().utcoffset() != now(zone).utcoffset()


def _offset_label(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta()
    sign = "-" if offset < dt.timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
