"""A sweep: work over many sites on a bounded thread pool, stream results, stop on request."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TypeVar

from console.probes.probe import ProbeOptions, ProbeOutcome, ProbeTarget, probe_site

DEFAULT_WORKERS = 64
MAX_WORKERS = 256

J = TypeVar("J")
R = TypeVar("R")


def bounded(
    jobs: Sequence[J],
    work: Callable[[J], R],
    workers: int,
    on_result: Callable[[R], None] | None = None,
    stop: threading.Event | None = None,
) -> list[R]:
    """``work`` over ``jobs`` with at most ``workers`` at once, results in completion order.

    ``on_result`` is called (on the calling thread) with each result as it comes. Setting
    ``stop`` ends early: jobs not yet started are dropped, running ones finish, and the
    results gathered so far are returned.
    """
    stop = stop or threading.Event()
    results: list[R] = []
    size = max(1, min(workers, MAX_WORKERS, len(jobs) or 1))
    pending = list(reversed(jobs))
    with ThreadPoolExecutor(max_workers=size, thread_name_prefix="sweep") as pool:
        running: set[Future[R]] = set()
        while pending or running:
            # Keep only ``size`` jobs submitted, so stopping never has a long queue to drain.
            while pending and len(running) < size and not stop.is_set():
                running.add(pool.submit(work, pending.pop()))
            if stop.is_set():
                pending.clear()
            if not running:
                break
            done, running = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                result = future.result()
                results.append(result)
                if on_result is not None:
                    on_result(result)
    return results


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
    return bounded(targets, lambda target: probe_site(target, options), workers, on_outcome, stop)
