"""The patrol as the console runs it: plan from the register, patrol, store each site.

``run_patrol`` patrols the named sites, or every running site; with ``store`` each site's
result is written as it arrives (one transaction per site, ``store.store_result``). Storing a
patrol of the whole cluster shares the work with any other patrol processes through leases:
each of this process's workers leases one due site at a time (``leases.claim_due``), so
every due site is patrolled once, by one of them. A stop ends the patrol soon: a site cut
short is stored as stopped and stays due.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from console.base.actor import Actor, require
from console.db import SessionFactory
from console.patrol import leases
from console.patrol.gates import Gates
from console.patrol.planning import PatrolPlan, plan_patrol, site_memory
from console.patrol.results import SiteResult
from console.patrol.run import DEFAULT_SITES, patrol, patrol_site
from console.patrol.store import Stored, store_result
from console.probes.dialing import Dialer
from console.probes.sweep import MAX_WORKERS
from console.schema import Duty


@dataclass
class PatrolRun:
    """What a run did: results in completion order, what was stored, the plan it followed."""

    plan: PatrolPlan
    results: list[SiteResult] = field(default_factory=list)
    stored: dict[str, Stored] = field(default_factory=dict)


def run_patrol(
    sessions: SessionFactory,
    actor: Actor,
    codes: Sequence[str] = (),
    dialer: Dialer | None = None,
    store: bool = False,
    on_result: Callable[[SiteResult], None] | None = None,
    stop: threading.Event | None = None,
    ca_bundle: str | None = None,
    sites_at_once: int = DEFAULT_SITES,
    today: dt.date | None = None,
) -> PatrolRun:
    """Service: patrol (and with ``store`` record) the sites of ``codes``, else the cluster;
    dates judged on ``today`` (the day the operator sees), else today in the cluster's zone."""
    if store:
        require(actor, Duty.SYSTEM_ADMIN)
    shared = store and not codes
    # A shared patrol reads each site's stored pages when it takes the site, not all at once.
    plan = plan_patrol(
        sessions, actor, codes, dialer=dialer, ca_bundle=ca_bundle, with_memory=not shared,
        today=today,
    )  # fmt: skip
    run = PatrolRun(plan)
    stop = stop or threading.Event()

    def arrived(result: SiteResult) -> None:
        if store:
            site_id = plan.site_ids[result.site_code]
            run.stored[result.site_code] = store_result(sessions, actor, site_id, result)
            _lighten(plan, result)
        run.results.append(result)
        if on_result is not None:
            on_result(result)

    if shared:
        _shared(sessions, plan, arrived, stop, sites_at_once)
    else:
        patrol(plan.targets, plan.options, plan.memory, stop=stop, on_result=arrived,
               sites_at_once=sites_at_once)  # fmt: skip
    return run


def _lighten(plan: PatrolPlan, result: SiteResult) -> None:
    """Once stored, drop what a site's patrol read from memory: the database holds it, and a
    cluster's worth of pages kept alive makes every full garbage collection (which stops
    every thread, the window's too) take hundreds of milliseconds."""
    plan.memory.forget(record.url for record in result.records)
    result.records = []
    result.new_posts = [dataclasses.replace(post, text="") for post in result.new_posts]


def _shared(
    sessions: SessionFactory,
    plan: PatrolPlan,
    arrived: Callable[[SiteResult], None],
    stop: threading.Event,
    sites_at_once: int,
) -> None:
    """Patrol the plan's due sites: ``sites_at_once`` workers each lease one due site, patrol
    it, store it and take the next, until none is due (or ``stop``)."""
    holder = leases.holder_name()
    by_id = {plan.site_ids[t.site_code]: t for t in plan.targets}
    among = list(by_id)
    gates = Gates(plan.options.connections, plan.options.spacing, stop)

    def worker() -> None:
        while not stop.is_set():
            taken = leases.claim_due(sessions, holder, 1, among=among)
            if not taken:
                return
            try:
                memory = site_memory(sessions, taken[0])
                arrived(patrol_site(by_id[taken[0]], plan.options, gates, memory))
            except BaseException:
                stop.set()  # the others wind down; this site's lease is given back
                leases.release(sessions, holder, taken)
                raise

    workers = max(1, min(sites_at_once, MAX_WORKERS, len(among)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="patrol-site") as pool:
        running = {pool.submit(worker) for _ in range(workers)}
        while running:
            # A bounded wait, so that Ctrl-C's handler (setting ``stop``) runs meanwhile.
            done, running = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                future.result()


def patrol_due(
    sessions: SessionFactory,
    actor: Actor,
    cancelled: Callable[[], bool] = lambda: False,
    dialer: Dialer | None = None,
) -> dict[str, int]:
    """Service for a scheduler: patrol and store every due site (shared with any other
    patrol process); ``cancelled`` is asked every second. What was done, counted."""
    stop = threading.Event()
    finished = threading.Event()

    def watch() -> None:
        while not finished.wait(1.0):
            if cancelled():
                stop.set()
                return

    watcher = threading.Thread(target=watch, name="patrol-cancel", daemon=True)
    watcher.start()
    try:
        run = run_patrol(sessions, actor, (), dialer, store=True, stop=stop)
    finally:
        finished.set()
        watcher.join()
    return {
        "sites": len(run.results),
        "failed": sum(1 for result in run.results if result.error),
        "pages": sum(result.pages for result in run.results),
        "new_posts": sum(stored.new_posts for stored in run.stored.values()),
        "broken_links": sum(len(result.broken_links) for result in run.results),
        "hidden_links": sum(len(result.hidden_links) for result in run.results),
        "stopped": int(stop.is_set()),
    }
