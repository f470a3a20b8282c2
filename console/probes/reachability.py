"""站点无法访问: the reachability rule over the days before a check date, and its facts.

A probe *counts* unless it gave up before the rule's timeout without an answer (a quick sweep
with a shorter timeout cannot say whether the page would have opened within 15 s). A counted
probe *fails* when it did not open the home page, or opened it after the rule's timeout.
The rule judges only when every day of the window (whole days in the cluster's zone, before
the check date) has at least the required number of counted probes; otherwise it says how
many there are and that it cannot judge yet.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, not_, or_, select
from sqlalchemy.orm import Session

from console.base import clock
from console.db.rounds import Reading, every, run
from console.probes.settings import ReachabilityRule
from console.schema import ProbeResult

CHUNK = 500
TIMEOUT_ERROR = "timeout:"

UNREACHABLE = "unreachable"
REACHABLE = "reachable"
UNDETERMINED = "undetermined"


@dataclass(frozen=True)
class DayProbes:
    """The counted probes of one day of the window and how many of them failed."""

    day: dt.date
    probes: int = 0
    failures: int = 0


@dataclass(frozen=True)
class Reachability:
    """A site's probes over the rule's window and the verdict they support."""

    rule: ReachabilityRule
    days: tuple[DayProbes, ...]

    @property
    def probes(self) -> int:
        """Counted probes over the window."""
        return sum(day.probes for day in self.days)

    @property
    def failures(self) -> int:
        """Counted probes that did not open the home page within the rule's timeout."""
        return sum(day.failures for day in self.days)

    @property
    def short_days(self) -> int:
        """Days of the window with fewer counted probes than the rule needs."""
        return sum(1 for day in self.days if day.probes < self.rule.probes_per_day)

    @property
    def share(self) -> Decimal:
        """Failed probes as a percentage of counted ones, to one decimal (0 without probes)."""
        if not self.probes:
            return Decimal(0)
        return (Decimal(100 * self.failures) / self.probes).quantize(Decimal("0.1"))

    @property
    def verdict(self) -> str:
        """``unreachable`` (failures ≥ the share), ``reachable``, or ``undetermined``."""
        if self.short_days or not self.days:
            return UNDETERMINED
        at_risk = Decimal(100 * self.failures) >= self.rule.share_percent * self.probes
        return UNREACHABLE if at_risk else REACHABLE

    def as_json(self) -> dict[str, object]:
        """The verdict and its figures, as ``--json`` outputs print them."""
        return {
            "verdict": self.verdict,
            "probes": self.probes,
            "failures": self.failures,
            "days_short_of_probes": self.short_days,
        }


def window(as_of: dt.date, rule: ReachabilityRule) -> list[dt.date]:
    """The days the rule looks at: the ``rule.days`` whole days before ``as_of``."""
    return [as_of - dt.timedelta(days=back) for back in range(rule.days, 0, -1)]


def load_reachability(
    session: Session,
    site_ids: Sequence[int],
    as_of: dt.date,
    zone: ZoneInfo,
    rule: ReachabilityRule,
) -> dict[int, Reachability]:
    """Each site's counted and failed probes per day of the window: one query per chunk, all
    in one round trip."""
    return run(session, reachability_reading(site_ids, as_of, zone, rule))


def reachability_reading(
    site_ids: Sequence[int], as_of: dt.date, zone: ZoneInfo, rule: ReachabilityRule
) -> Reading[dict[int, Reachability]]:
    """``load_reachability`` as a reading of one round."""
    days = window(as_of, rule)
    bounds = [clock.day_start(day, zone) for day in (*days, as_of)]
    bucket = case(
        *((ProbeResult.probed_at < bounds[index + 1], index) for index in range(len(days))),
        else_=len(days) - 1,
    )
    limit_ms = rule.timeout_s * 1000
    gave_up_early = and_(
        ProbeResult.error.startswith(TIMEOUT_ERROR, autoescape=True),
        ProbeResult.timeout_ms < limit_ms,
    )
    failed = or_(ProbeResult.ok.is_(False), ProbeResult.latency_ms > limit_ms)
    statements = []
    for start in range(0, len(site_ids), CHUNK):
        chunk = list(site_ids[start : start + CHUNK])
        counted = (
            select(
                ProbeResult.site_id.label("site_id"),
                bucket.label("day"),
                case((failed, 1), else_=0).label("failed"),
            )
            .where(
                ProbeResult.site_id.in_(chunk),
                ProbeResult.probed_at >= bounds[0],
                ProbeResult.probed_at < bounds[-1],
                not_(func.coalesce(gave_up_early, False)),
            )
            .subquery()
        )
        statements.append(
            select(counted.c.site_id, counted.c.day, func.count(), func.sum(counted.c.failed))
            .group_by(counted.c.site_id, counted.c.day)
        )  # fmt: skip
    found: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    for rows in (yield from every(statements)):
        for site_id, day, probes, failures in rows:
            found[site_id][int(day)] = (int(probes), int(failures or 0))
    return {
        site_id: Reachability(
            rule,
            tuple(DayProbes(day, *found[site_id].get(i, (0, 0))) for i, day in enumerate(days)),
        )
        for site_id in site_ids
    }
