"""Politeness per host: at most ``connections`` requests at once, started ``spacing`` apart.

Every request of a patrol, to a site or to a host its pages link to, passes its host's gate;
the gates are shared by all the sites of one patrol, so a host linked from many sites is
still asked politely. Waiting ends early when the patrol is stopped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

DEFAULT_CONNECTIONS = 2
DEFAULT_SPACING = 0.5


class Stopped(Exception):
    """The patrol was stopped while a request waited for its turn."""


class HostGate:
    """One host's gate: a semaphore for the connections and the time the next may start."""

    def __init__(
        self, connections: int, spacing: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.slots = threading.BoundedSemaphore(max(1, connections))
        self.spacing = spacing
        self.clock = clock
        self._lock = threading.Lock()
        self._next = clock()

    def wait_for_start(self) -> float:
        """Book the next start; returns how long to wait for it (seconds, ≥ 0)."""
        with self._lock:
            now = self.clock()
            start = max(now, self._next)
            self._next = start + self.spacing
            return start - now


class Gates:
    """The gates of every host one patrol talks to."""

    def __init__(
        self,
        connections: int = DEFAULT_CONNECTIONS,
        spacing: float = DEFAULT_SPACING,
        stop: threading.Event | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.connections = connections
        self.spacing = spacing
        self.stop = stop or threading.Event()
        self.clock = clock
        self._gates: dict[str, HostGate] = {}
        self._lock = threading.Lock()

    def gate(self, host: str) -> HostGate:
        """The gate of ``host`` (made on first use)."""
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = HostGate(self.connections, self.spacing, self.clock)
            return gate

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s connections, from its booked start until the block ends.

        Raises ``Stopped`` when the patrol is stopped before the turn comes.
        """
        gate = self.gate(host)
        while not gate.slots.acquire(timeout=0.2):
            if self.stop.is_set():
                raise Stopped
        try:
            if self.stop.wait(gate.wait_for_start()):
                raise Stopped
            yield
        finally:
            gate.slots.release()
