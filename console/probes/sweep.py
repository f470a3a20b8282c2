"""A sweep: probe many sites on a bounded thread pool, stream outcomes, stop on request."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from console.probes.probe import ProbeOptions, ProbeOutcome, ProbeTarget, probe_site

DEFAULT_WORKERS = 64
MAX_WORKERS = 256


def sweep(
    targets: Sequence[ProbeTarget],
    options: ProbeOptions,
    workers: int = DEFAULT_WORKERS,
    on_outcome: Callable[[ProbeOutcome], None] | None = None,
    stop: threading.Event | None = None,
) -> list[ProbeOutcome]:
    """Probe ``targets`` with at most ``workers`` at once, in completion order.

    ``on_outcome`` is called (on the calling thread) with each outcome as it comes. Setting
    ``stop`` ends the sweep early: probes not yet started are dropped, running ones finish
    within their timeout, and the outcomes gathered so far are returned.
    """
    stop = stop or threading.Event()
    outcomes: list[ProbeOutcome] = []
    size = max(1, min(workers, MAX_WORKERS, len(targets) or 1))
    pending = list(reversed(targets))
    with ThreadPoolExecutor(max_workers=size, thread_name_prefix="probe") as pool:
        running: set[Future[ProbeOutcome]] = set()
        while pending or running:
            # Keep only ``size`` probes submitted, so stopping never has a long queue to drain.
            while pending and len(running) < size and not stop.is_set():
                running.add(pool.submit(probe_site, pending.pop(), options))
            if stop.is_set():
                pending.clear()
            if not running:
                break
            done, running = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                outcome = future.result()
                outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
    return outcomes
