"""Measuring the UI thread of a benchmark: a heartbeat timer for stalls, waits, memory.

Heartbeat: a 5 ms QTimer; the longest gap beyond its interval is the worst stall.
until: wait for a condition checked on every heartbeat.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable

BEAT_MS = 5


def rss_mb() -> float:
    """Resident memory of this process in MiB."""
    with open(f"/proc/{os.getpid()}/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class Heartbeat:
    """A QTimer on the UI thread; the longest gap beyond its interval is the worst stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.gaps: list[float] = []
        # This process's processor time over each gap: a stall it spent running is its own
        # work; one it spent waiting is the machine's other processes (or the disk).
        self.busy: list[float] = []
        self.last_cpu = time.process_time()

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        self.gaps.append((now - self.last) * 1000 - BEAT_MS)
        self.busy.append((cpu - self.last_cpu) * 1000)
        self.last, self.last_cpu = now, cpu
        _check_waits()

    def start(self) -> None:
        """Begin a fresh measurement."""
        self.gaps, self.busy = [], []
        self.last, self.last_cpu = time.perf_counter(), time.process_time()
        if not self.timer.isActive():
            self.timer.start()

    async def tick(self) -> None:
        """Wait for the next beat (so a stall just ended is counted)."""
        beats = len(self.gaps)
        await until(lambda: len(self.gaps) > beats)

    def worst(self) -> float:
        """The longest stall so far, in ms."""
        return max(self.gaps, default=0.0)

    def worst_busy(self) -> float:
        """The processor time (ms, all threads) this process used during the longest stall."""
        return self.busy[self.gaps.index(max(self.gaps))] if self.gaps else 0.0


_waits: list[tuple[Callable[[], bool], asyncio.Future[None]]] = []


def _check_waits() -> None:
    for wait in list(_waits):
        condition, done = wait
        if done.done():
            _waits.remove(wait)
        elif condition():
            done.set_result(None)
            _waits.remove(wait)


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Wait until ``condition()`` holds, checked on every heartbeat.

    Polling with ``asyncio.sleep`` would go through qasync's timers, which on PySide6 6.12
    lose a reference to None each time and abort the interpreter after some thousands.
    """
    done: asyncio.Future[None] = asyncio.get_event_loop().create_future()
    if condition():
        return
    _waits.append((condition, done))
    await asyncio.wait_for(done, timeout)


def run_on_qt(measure: Callable[[], object]) -> None:
    """Run the coroutine ``measure()`` on a qasync loop over an offscreen QApplication."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    import ui  # noqa: F401 - applies the binding's work-arounds

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(measure())  # type: ignore[arg-type]
