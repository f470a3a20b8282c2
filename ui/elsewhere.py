"""Work in a process of its own: Python work that would hold the interpreter's lock, and fill
its garbage collector, long enough to stall the window when run on a thread of this process
(the supervision figures of a large cluster: ≈ 1 s pauses; a patrol of a hundred sites:
collections of 200–400 ms).

Each kind of work has one ``Elsewhere``: a worker process started on first use and kept, doing
one piece of work at a time, in the order asked, at a lower priority than the window's. The
work is a function called there with the cluster database's address first (it opens the
database itself); only its result crosses back, so it returns what the window shows, not what
it computed. A refusal crosses back as its text. Work that reports progress or can be stopped
takes a ``Channel``: ``Channel.send`` hands a message to the window as it goes,
``Channel.stop`` is set when the operator stops it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from console.base.errors import ConsoleError, EnvironmentFault, InvalidInput
from console.base.i18n import QT_TR_NOOP

if TYPE_CHECKING:
    from ui.tasks import Database

# A refusal crosses the process boundary as its text (its parameters need not pickle).
SAID = "{text}"
WORKER_LOST = QT_TR_NOOP("后台进程意外退出，请重试。")
_END = "end"
_WATCH_S = 0.2
NICENESS = 10  # the worker's priority below the console's (where the system has nice)


@dataclass(frozen=True)
class Refused:
    """A refusal's text, as it crosses back from the worker."""

    text: str


@dataclass
class Channel:
    """The worker's side of one piece of work: its stop flag and its way back to the window."""

    number: int
    stop: threading.Event
    _messages: Any

    def send(self, message: Any) -> None:
        """Hand ``message`` (small: it is copied across) to the window."""
        self._messages.put((self.number, message))


# -- in the worker process -------------------------------------------------------------------

_stops: dict[int, threading.Event] = {}
_stops_lock = threading.Lock()
_settled: dict[str, Any] = {"finished": 0}


def _settle(messages: Any, stops: Any) -> None:
    """Start the worker: below the window's priority, so that the window is given the
    processor first when both want it; keep the way back; listen for stops."""
    if hasattr(os, "nice"):
        os.nice(NICENESS)
    _settled["messages"] = messages
    threading.Thread(target=_listen, args=(stops,), name="elsewhere-stops", daemon=True).start()


def _listen(stops: Any) -> None:
    for number in iter(stops.get, None):
        if number > _settled["finished"]:  # the work is under way or waits its turn
            _stop_of(number).set()


def _stop_of(number: int) -> threading.Event:
    with _stops_lock:
        return _stops.setdefault(number, threading.Event())


def _perform(
    number: int, function: Callable[..., Any], args: tuple[Any, ...], channelled: bool
) -> Any:
    """Call ``function`` for the piece of work ``number``; its result, or its refusal."""
    channel = Channel(number, _stop_of(number), _settled["messages"])
    try:
        return function(*args, channel) if channelled else function(*args)
    except ConsoleError as refused:
        return Refused(str(refused))
    finally:
        with _stops_lock:
            _stops.pop(number, None)
            _settled["finished"] = number
        if channelled:
            channel.send(_END)


# -- in the console ----------------------------------------------------------------------------


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
                initializer=_settle,
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
            if message == _END:
                ended.set()
            elif on_message is not None:
                on_message(message)

        if channelled:
            self._listeners[number] = lambda m: loop.call_soon_threadsafe(arrived, m)
        pool = self._started()
        work = loop.run_in_executor(pool, _perform, number, function, (url, *args), channelled)
        over = threading.Event()
        if stop is not None:
            threading.Thread(
                target=self._forward, args=(number, stop, over), name="elsewhere-stop", daemon=True
            ).start()
        try:
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
