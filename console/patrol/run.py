"""A patrol of many sites: a bounded number at once, shared gates, results streamed as they come.

Each site's result is complete when it is handed over: a site that cannot be patrolled is a
result with its error. Setting ``stop`` ends the patrol soon (requests in flight finish, no
new one starts); the results of the sites it reached say ``stopped``, and the memory holds
what was fetched, so that ``patrol(..., memory=the same, since=the first start)`` resumes
without fetching anything twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence

from console.base.clock import utcnow
from console.patrol.gates import Gates
from console.patrol.records import PatrolMemory
from console.patrol.results import SiteResult
from console.patrol.site import SitePatrol
from console.patrol.targets import PatrolOptions, PatrolTarget
from console.probes.sweep import bounded

DEFAULT_SITES = 32  # sites patrolled at once (each with ``connections`` threads)
FAILED = "failed: "

log = logging.getLogger(__name__)


def patrol_site(
    target: PatrolTarget,
    options: PatrolOptions,
    gates: Gates,
    memory: PatrolMemory,
    since: dt.datetime | None = None,
) -> SiteResult:
    """Patrol one site; a failure of the patrol itself is the result's error, not a raise."""
    try:
        return SitePatrol(target, options, gates, memory, since).run()
    except Exception as error:
        # One site's page must not cost the other sites their results: keep the trace, go on.
        log.exception("patrol of %s failed", target.site_code)
        return SiteResult(target.site_code, utcnow(), utcnow(), error=f"{FAILED}{error!r}"[:300])


def patrol(
    targets: Sequence[PatrolTarget],
    options: PatrolOptions,
    memory: PatrolMemory | None = None,
    since: dt.datetime | None = None,
    stop: threading.Event | None = None,
    on_result: Callable[[SiteResult], None] | None = None,
    sites_at_once: int = DEFAULT_SITES,
) -> list[SiteResult]:
    """Patrol ``targets``; results in completion order, each also passed to ``on_result``.

    ``memory`` holds earlier patrols' records (conditional requests) and collects this one's;
    ``since``, the start of a stopped patrol being resumed, makes its records reused as they
    are. Sites not reached before ``stop`` have no result.
    """
    memory = memory if memory is not None else PatrolMemory()
    stop = stop or threading.Event()
    gates = Gates(options.connections, options.spacing, stop)
    return bounded(
        targets,
        lambda target: patrol_site(target, options, gates, memory, since),
        sites_at_once,
        on_result,
        stop,
    )
