"""A patrol run in the patrol's own worker process (``ui.elsewhere``).

Fetching, parsing and extracting the pages of many sites makes objects by the million; in the
console's process their garbage collection stalled the window (measured: 200–400 ms pauses
while 100 sites were patrolled). There only each site's view (as the detail shows it) and a
tally cross back. Stopping the work stops the patrol there: what was stored stays stored, a
site cut short is stored as stopped (its one transaction), and nothing else is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from console.base import clock
from console.base.actor import Actor
from console.base.worker import Channel
from console.db import engine_of, open_database
from console.patrol.results import SiteResult
from console.patrol.run import DEFAULT_SITES
from console.patrol.service import run_patrol
from console.patrol.views import LastPatrol, as_last
from console.probes.dialing import Dialer
from ui.elsewhere import Elsewhere
from ui.long_work import LongWork
from ui.tasks import Database

PATROLS = Elsewhere()


@dataclass(frozen=True)
class Patrolled:
    """What a patrol did, told to the window: sites patrolled, pages read, whether stopped."""

    sites: int
    pages: int
    stopped: bool


def _patrol(
    url: str,
    actor: Actor,
    codes: tuple[str, ...],
    dialer: Dialer,
    store: bool,
    today: dt.date,
    sites_at_once: int,
    channel: Channel,
) -> Patrolled:
    """In the worker: the patrol, each site's view sent back as it is done (site id 0)."""
    sessions = open_database(url)

    def arrived(result: SiteResult) -> None:
        channel.send(as_last(0, result))

    try:
        run = run_patrol(
            sessions, actor, codes, dialer, store, arrived, channel.stop, None, sites_at_once,
            today,
        )  # fmt: skip
    finally:
        engine_of(sessions).dispose()
    return Patrolled(
        len(run.results), sum(result.pages for result in run.results), channel.stop.is_set()
    )


async def patrol_elsewhere(
    work: LongWork,
    database: Database,
    actor: Actor,
    codes: Sequence[str],
    dialer: Dialer,
    store: bool,
    on_site: Callable[[LastPatrol], object] | None = None,
    sites_at_once: int = DEFAULT_SITES,
) -> Patrolled:
    """``run_patrol`` of ``codes`` (none: the cluster) in the patrol's worker process, stopped
    with ``work``; each site's view (site id 0) goes to ``on_site`` as it is done. Dates are
    judged on the day the operator sees."""
    today = clock.today(database.zone)
    done = await work.in_process(
        PATROLS, database, _patrol, actor, tuple(codes), dialer, store, today, sites_at_once,
        on_message=on_site,
    )  # fmt: skip
    assert isinstance(done, Patrolled)
    return done
