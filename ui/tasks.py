"""The asyncio glue: one serialised database worker, one bounded I/O pool, and task spawning.

Database sessions never cross threads: every service call runs on the single ``db`` worker,
or, for reads, on the single ``db-read`` worker (each its own sessions and connection).
Coroutines look up the loop with ``get_event_loop``: qasync may step a task while Qt
processes events outside ``run_forever`` (modal dialogs, tests), when no loop counts as
running.

Blocking I/O that is not the cluster database (keyring, test connections, probes) runs on a
separate bounded pool, always with a timeout, so a hung call never blocks the window or the
database queue.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import gc
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from console.base import clock
from console.base.cluster import read_settings
from console.base.errors import EnvironmentFault, classify
from console.db import SessionFactory, engine_of, for_reads
from console.db.recovery import retried
from ui.crash import report

P = ParamSpec("P")
T = TypeVar("T")
log = logging.getLogger(__name__)

IO_WORKERS = 8


class _CollectorPause:
    """The cyclic garbage collector paused while database work runs on a worker thread.

    A service that turns tens of thousands of rows into records (the 栏目预设 inspection of
    1,000 sites) makes the collector run full passes on the worker thread, which hold the
    interpreter — and so the window — for hundreds of milliseconds. Those records are freed
    by reference counting anyway; the collector resumes when no database work runs.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0

    def run(self, job: Callable[[], T]) -> T:
        with self._lock:
            self._running += 1
            if self._running == 1:
                self._was_enabled = gc.isenabled()
                gc.disable()
        try:
            return job()
        finally:
            with self._lock:
                self._running -= 1
                if self._running == 0 and self._was_enabled:
                    gc.enable()


_collector = _CollectorPause()


class Database(QObject):
    """Runs service calls on one worker thread and reports the connection's health.

    ``faulted`` fires with a readable reason when a call fails for an environmental reason
    (database gone, disk full); ``recovered`` fires on the next call that succeeds.
    ``zone`` is the cluster's time zone as last read (``read_zone``), in which every widget
    shows times and takes "today"; ``zoneChanged`` fires when a read finds it changed.
    """

    faulted = Signal(str)
    recovered = Signal()
    zoneChanged = Signal()

    def __init__(self, sessions: SessionFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self._shared: dict[tuple[Any, ...], asyncio.Future[Any]] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        # Reads (list pages, counts, details) run on a thread and connection of their own, so
        # a click's read is answered while a bulk decision or an import holds the writer.
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-read")
        self.healthy = True
        self.zone: ZoneInfo = clock.zone_named(clock.DEFAULT_ZONE)

    @property
    def sessions(self) -> SessionFactory:
        """The sessions services are called with."""
        return self._sessions

    @sessions.setter
    def sessions(self, sessions: SessionFactory) -> None:
        self._sessions = sessions
        # On SQLite these begin without taking the write lock, so they never wait for it.
        self._reads = for_reads(sessions)
        self._engine = engine_of(sessions)

    async def read_zone(self) -> ZoneInfo:
        """Read the cluster's time zone again (another console may have changed it); while the
        database is unreachable the zone last read stays (``faulted`` has told why)."""
        try:
            zone = (await self.call(read_settings)).zone
        except EnvironmentFault:
            return self.zone
        if zone != self.zone:
            self.zone = zone
            self.zoneChanged.emit()
        return zone

    def today(self) -> dt.date:
        """Today in the cluster's zone."""
        return clock.today(self.zone)

    async def call(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``service(sessions, *args, **kwargs)`` on the database worker and await it
        (once more on a fresh connection if its connection had dropped, where that is safe:
        ``console.db.recovery``)."""
        loop = asyncio.get_event_loop()
        call = functools.partial(service, self.sessions, *args, **kwargs)
        job = functools.partial(_collector.run, functools.partial(retried, self._engine, call))
        return await self.watched(loop.run_in_executor(self._worker, job))

    async def read(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``call`` for a service that only reads, on the reader thread: it does not wait
        behind the writer's queue, nor (on SQLite) behind a write transaction."""
        loop = asyncio.get_event_loop()
        call = functools.partial(service, self._reads, *args, **kwargs)
        job = functools.partial(_collector.run, functools.partial(retried, self._engine, call))
        return await self.watched(loop.run_in_executor(self._reader, job))

    async def shared(self, service: Callable[..., T], *args: Any) -> T:
        """``read``, shared by every caller that asks for the same while it runs (the panes of
        a tab opening together ask once for the sites they both offer)."""
        key = (service, args)
        running = self._shared.get(key)
        if running is None:
            running = asyncio.ensure_future(self.read(service, *args))
            self._shared[key] = running
            running.add_done_callback(lambda _done: self._shared.pop(key, None))
        return await asyncio.shield(running)

    async def watched(self, work: Awaitable[T]) -> T:
        """Await database work (run here or on a thread of its own, see ``ui.long_work``):
        an environmental failure becomes an ``EnvironmentFault`` and ``faulted`` fires; the
        next success after one fires ``recovered``."""
        try:
            result = await work
        except Exception as error:
            fault = classify(error)
            if fault is not None:
                self.healthy = False
                self.faulted.emit(str(fault))
                raise fault from error
            raise
        if not self.healthy:
            self.healthy = True
            self.recovered.emit()
        return result

    def close(self) -> None:
        """Stop accepting work; queued calls are cancelled, a running one is not waited for."""
        self._worker.shutdown(wait=False, cancel_futures=True)
        self._reader.shutdown(wait=False, cancel_futures=True)
        bind = self.sessions.kw.get("bind")
        if bind is not None:
            bind.dispose()


_io_pool = ThreadPoolExecutor(max_workers=IO_WORKERS, thread_name_prefix="io")


async def run_io(function: Callable[P, T], timeout: float, *args: P.args, **kwargs: P.kwargs) -> T:
    """Run blocking non-database I/O on the bounded pool; ``TimeoutError`` after ``timeout`` s.

    A call that hangs past its timeout keeps its pool thread until it returns, but the caller
    is released and told.
    """
    loop = asyncio.get_event_loop()
    future = loop.run_in_executor(_io_pool, functools.partial(function, *args, **kwargs))
    return await asyncio.wait_for(future, timeout)


_running: set[asyncio.Task[Any]] = set()


def spawn(coroutine: Coroutine[Any, Any, Any], name: str = "") -> asyncio.Task[Any]:
    """Start ``coroutine`` as a task that is kept alive until done; errors go to the log.

    Slots connected to Qt signals call this; whatever the coroutine does not handle itself is
    logged with its traceback and passed to the crash handler.
    """
    task = asyncio.ensure_future(coroutine)
    if name:
        task.set_name(name)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        report(type(error), error, error.__traceback__)
