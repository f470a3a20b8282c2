"""The worker's side of work done in a process of its own (the console's side is
``ui.elsewhere``): the stop flag and the way back of each piece of work, and the call itself.

Light on purpose: the worker imports this before it lowers its priority, so everything heavy
(the database, the patrol, Qt) is imported later, under the lower priority, with the work.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

END = "end"  # the last message of a piece of work that has a channel
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


_stops: dict[int, threading.Event] = {}
_stops_lock = threading.Lock()
_settled: dict[str, Any] = {"finished": 0}


def settle(messages: Any, stops: Any) -> None:
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


def perform(
    number: int, function: Callable[..., Any], args: tuple[Any, ...], channelled: bool
) -> Any:
    """Call ``function`` for the piece of work ``number``; its result, or its refusal."""
    channel = Channel(number, _stop_of(number), _settled["messages"])
    try:
        return function(*args, channel) if channelled else function(*args)
    except Exception as error:
        from console.base.errors import ConsoleError  # imported once the worker is settled

        if isinstance(error, ConsoleError):
            return Refused(str(error))
        raise
    finally:
        with _stops_lock:
            _stops.pop(number, None)
            _settled["finished"] = number
        if channelled:
            channel.send(END)
