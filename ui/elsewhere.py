"""Work in a process of its own: Python work that would hold the interpreter's lock, and fill
its garbage collector, long enough to stall the window when run on a thread of this process
(the supervision figures of a large cluster: ≈ 1 s pauses; a patrol of a hundred sites:
collections of 200–400 ms).

Each kind of work has one ``Elsewhere``: a worker process started on first use and kept, doing
one piece of work at a time, in the order asked, at a lower priority than the window's. The
work is a function called there with the cluster database's address first (it opens the
database itself); only its result crosses back, so it returns what the window shows, not what
it computed. A refusal crosses back as its text. Work that reports progress or can be stopped
takes a ``Channel`` (``console.base.worker``, the worker's side): ``Channel.send`` hands a
message to the window as it goes, ``Channel.stop`` is set when the operator stops it.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from console.base.errors import EnvironmentFault, InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.base.worker import END, Refused, perform, settle

if TYPE_CHECKING:
    from ui.tasks import Database

# A refusal crosses the process boundary as its text (its parameters need not pickle).
SAID = "{text}"
WORKER_LOST = QT_TR_NOOP("后台进程意外退出，请重试。")
_WATCH_S = 0.2


class Elsewhere:
    """A worker process for one kind of work, started on first use and kept."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._numbers = itertools.count(1)
        self._listeners: dict[int, Callable[[Any], object]] = {}
        self._messages: Any = None
        self._stops: Any = None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._messages, self._stops = context.Queue(), context.Queue()
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=context,
                initializer=settle,
                initargs=(self._messages, self._stops),
            )
            reader = threading.Thread(
                target=self._read, args=(self._messages,), name="elsewhere-read", daemon=True
            )
            reader.start()
        return self._pool

    def _read(self, messages: Any) -> None:
        for number, message in iter(messages.get, None):
            listener = self._listeners.get(number)
            if listener is not None:
                with contextlib.suppress(RuntimeError):  # its loop closed meanwhile
                    listener(message)

    async def run(
        self,
        database: Database,
        function: Callable[..., Any],
        *args: Any,
        stop: threading.Event | None = None,
        on_message: Callable[[Any], object] | None = None,
    ) -> Any:
        """``function(url, *args)`` in the worker (``url``: the cluster database's address);
        with ``stop`` or ``on_message`` it is also given a ``Channel`` last: its messages go to
        ``on_message`` on this loop (all of them before this returns), ``stop`` set here is
        set there. A database fault is told through ``database``'s signals as for any call."""
        loop = asyncio.get_running_loop()
        bind = database.sessions.kw["bind"]
        url = bind.url.render_as_string(hide_password=False)
        channelled = stop is not None or on_message is not None
        number = next(self._numbers)
        ended = asyncio.Event()

        def arrived(message: Any) -> None:
            if message == END:
                ended.set()
            elif on_message is not None:
                on_message(message)

        if channelled:
            self._listeners[number] = lambda m: loop.call_soon_threadsafe(arrived, m)
        pool = self._started()
        # Handed over on another thread: the first piece starts the worker process, whose
        # spawning held the window for up to ≈ 100 ms.
        submit = functools.partial(pool.submit, perform, number, function, (url, *args), channelled)
        over = threading.Event()
        if stop is not None:
            threading.Thread(
                target=self._forward, args=(number, stop, over), name="elsewhere-stop", daemon=True
            ).start()
        try:
            work = asyncio.wrap_future(await loop.run_in_executor(None, submit))
            result = await database.watched(work)
            if channelled:
                await ended.wait()
        except BrokenProcessPool as lost:
            self.shut_down()
            raise EnvironmentFault(WORKER_LOST, detail=str(lost)) from lost
        finally:
            over.set()
            self._listeners.pop(number, None)
        if isinstance(result, Refused):
            raise InvalidInput(SAID, text=result.text)
        return result

    def _forward(self, number: int, stop: threading.Event, over: threading.Event) -> None:
        """Pass a stop asked here to the worker (a thread: it must work while quitting)."""
        while not over.is_set():
            if stop.wait(_WATCH_S):
                self._stops.put(number)
                return

    def shut_down(self) -> None:
        """Stop the worker (the console quits, or the worker was lost)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
            self._messages.put(None)
