"""Long work off the UI thread: scans, sweeps, imports and bulk applies.

Each piece of long work runs on a thread of a small pool of its own, never on the database
worker, so lists go on loading meanwhile. It reports progress through ``LongWork.report``,
which hands it to the UI thread, and checks ``LongWork.cancelled`` between its steps, so the
operator can stop it. Long work on the cluster database goes through ``Database.watched``:
a lost database is told by the same ``faulted``/``recovered`` signals as any other call.

Quitting the console cancels whatever is under way (the interpreter waits for these threads
at exit, and a sweep of many dead sites would otherwise hold it open for minutes), and so
does closing the window that owns the work: nobody is left to see its outcome.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from ui.elsewhere import Elsewhere
from ui.tasks import Database

T = TypeVar("T")

LONG_WORKERS = 4

_pool = ThreadPoolExecutor(max_workers=LONG_WORKERS, thread_name_prefix="long")
_under_way: set[threading.Event] = set()


def cancel_all() -> None:
    """Cancel every piece of long work under way (the console is quitting)."""
    for stop in list(_under_way):
        stop.set()


def _cancel_all_on_quit() -> None:
    app = QCoreApplication.instance()
    if app is not None and not app.property("longWorkStopsOnQuit"):
        app.aboutToQuit.connect(cancel_all)
        app.setProperty("longWorkStopsOnQuit", True)


class LongWork(QObject):
    """One piece of long work: run off the UI thread, its progress shown, cancellable.

    Give the work ``report`` as its progress callback (``progressed(done, total)`` follows on
    the UI thread) and ``cancelled`` (or the event ``stop``) as its cancel check. Used as a
    context manager, the object goes when the work is over.
    """

    progressed = Signal(int, int)

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.stop = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        # The owner closing takes this object along: the work then has nobody to report to.
        stop = self.stop
        self.destroyed.connect(lambda *_: stop.set())
        _cancel_all_on_quit()

    def __enter__(self) -> LongWork:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if shiboken6.isValid(self):
            self.deleteLater()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (what it has done so far stays done)."""
        self.stop.set()

    def cancelled(self) -> bool:
        """Whether the work was asked to stop (safe on any thread)."""
        return self.stop.is_set()

    def report(self, done: int, total: int) -> None:
        """Progress, from the work's thread; ``progressed`` is emitted on the UI thread."""
        self.hand_over(self.progressed.emit, done, total)

    def hand_over(self, function: Callable[..., object], *args: Any) -> None:
        """Call ``function(*args)`` on the UI thread (asked from the work's thread), unless
        this object is gone by then."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._deliver, function, args)

    def _deliver(self, function: Callable[..., object], args: tuple[Any, ...]) -> None:
        if shiboken6.isValid(self):
            function(*args)

    async def on_database(
        self, database: Database, service: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T:
        """Run ``service(sessions, *args, **kwargs)`` on a long-work thread; a lost database
        is told through ``database``'s signals as for any call."""
        job = functools.partial(service, database.sessions, *args, **kwargs)
        return await database.watched(self._run(job))

    async def off_database(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``function(*args, **kwargs)`` on a long-work thread: work that does not touch
        the cluster database (probes). It bounds each of its own blocking calls, as the
        probes' timeouts do; the operator stops the whole with ``cancel``."""
        return await self._run(functools.partial(function, *args, **kwargs))

    async def in_process(
        self,
        elsewhere: Elsewhere,
        database: Database,
        function: Callable[..., T],
        *args: Any,
        on_message: Callable[[Any], object] | None = None,
    ) -> T:
        """Run ``function`` in ``elsewhere``'s worker process (see ``ui.elsewhere``), stopped
        with this work; its messages go to ``on_message`` on the UI thread while this object
        lives."""
        told = None if on_message is None else lambda message: self._deliver(on_message, (message,))
        _under_way.add(self.stop)
        try:
            result: T = await elsewhere.run(
                database, function, *args, stop=self.stop, on_message=told
            )
            return result
        finally:
            _under_way.discard(self.stop)

    async def _run(self, job: Callable[[], T]) -> T:
        self._loop = asyncio.get_event_loop()
        _under_way.add(self.stop)
        try:
            return await self._loop.run_in_executor(_pool, job)
        finally:
            _under_way.discard(self.stop)
