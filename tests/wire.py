"""Round trips on the wire: a loopback TCP relay that counts (and may delay) what crosses it.

A round trip is the client waiting for the server. The relay counts, per connection, one for
the TCP handshake and one each time the server answers after the client spoke (so a
statement, a BEGIN, a ping, a COMMIT each count, and so does every step of a login
handshake; a goodbye that gets no answer does not), which is the figure a delay multiplies.
The count is deterministic: it does not depend on timing, only on what the driver waits for.

``Meter`` adds what SQLAlchemy executes (statements; reads sent together count one by one)
so a test or a benchmark can report both, and on SQLite, which has no wire, counts statements
plus commits as its calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine

from console.db import SessionFactory, engine_of, open_database
from console.db.read_ahead import carries_reads

CHUNK = 65536
# The relay stops by itself after this long, even if its owner forgets it.
LIFETIME_S = 1800.0


class _Link:
    """One relayed connection: who spoke last, and the chunks waiting for their delay."""

    def __init__(self, relay: Relay) -> None:
        self.relay = relay
        self.last: str | None = None

    def heard(self, side: str) -> None:
        if side == "server" and self.last == "client":
            self.relay.count_turn()
        self.last = side


class Relay:
    """A loopback TCP relay to ``host:port`` on a port of its own, in a thread of its own.

    ``delay_s`` holds every chunk that long in each direction (one-way delay), keeping order.
    Use it as a context manager; it stops by itself after ``lifetime_s`` anyway.
    """

    def __init__(
        self, host: str, port: int, delay_s: float = 0.0, lifetime_s: float = LIFETIME_S
    ) -> None:
        self.target = (host, port)
        self.delay_s = delay_s
        self.lifetime_s = lifetime_s
        self.port = 0
        self.round_trips = 0
        self.connections = 0
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._writers: list[asyncio.StreamWriter] = []
        self._thread = threading.Thread(target=self._run, name="wire-relay", daemon=True)

    def count_turn(self) -> None:
        with self._lock:
            self.round_trips += 1

    def __enter__(self) -> Relay:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("relay did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self._stop is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)

    def url_for(self, url: URL) -> URL:
        """``url`` pointed at the relay instead of the server."""
        return url.set(host="127.0.0.1", port=self.port)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve())
        finally:
            self._loop.close()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), self.lifetime_s)
        server.close()
        for writer in self._writers:
            writer.close()
        others = asyncio.all_tasks() - {asyncio.current_task()}
        if others:
            await asyncio.wait(others, timeout=5)
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _accept(
        self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter
    ) -> None:
        self._writers.append(client_out)
        try:
            server_in, server_out = await asyncio.open_connection(*self.target)
        except OSError:
            client_out.close()
            return
        self._writers.append(server_out)
        with self._lock:
            self.connections += 1
            self.round_trips += 1
        link = _Link(self)
        await asyncio.gather(
            self._pump(link, "client", client_in, server_out),
            self._pump(link, "server", server_in, client_out),
            return_exceptions=True,
        )

    async def _pump(
        self, link: _Link, side: str, source: asyncio.StreamReader, sink: asyncio.StreamWriter
    ) -> None:
        pending: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        deliver = asyncio.ensure_future(self._deliver(pending, sink))
        try:
            while chunk := await source.read(CHUNK):
                link.heard(side)
                await pending.put((time.monotonic() + self.delay_s, chunk))
        except (ConnectionError, OSError):
            pass
        await pending.put((time.monotonic() + self.delay_s, b""))
        await deliver

    @staticmethod
    async def _deliver(
        pending: asyncio.Queue[tuple[float, bytes]], sink: asyncio.StreamWriter
    ) -> None:
        try:
            while True:
                due, chunk = await pending.get()
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not chunk:
                    break
                sink.write(chunk)
                await sink.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            sink.close()


@dataclass
class Count:
    """What one measured action cost."""

    statements: int = 0
    round_trips: int = 0
    commits: int = 0

    def __str__(self) -> str:
        return f"{self.statements} statements, {self.round_trips} round trips"


class Meter:
    """Statements (SQLAlchemy's executions) and round trips of an engine, action by action.

    With a ``relay`` the round trips are the relay's (the wire); without one (SQLite) they are
    the statements, BEGINs and commits, the calls the program waits for.
    """

    def __init__(self, engine: Engine, relay: Relay | None = None) -> None:
        self.relay = relay
        self.statements = 0
        self.commits = 0
        self.begins = 0
        event.listen(engine, "before_cursor_execute", self._executed)
        event.listen(engine, "commit", self._committed)

    def _executed(
        self,
        _connection: Any,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        context: Any,
        *_: Any,
    ) -> None:
        if carries_reads(context):
            return
        if statement.lstrip()[:5].upper() == "BEGIN":
            self.begins += 1
        else:
            self.statements += 1

    def _committed(self, *_args: Any) -> None:
        self.commits += 1

    def _wire(self) -> int:
        return self.relay.round_trips if self.relay is not None else 0

    @contextlib.contextmanager
    def measure(self) -> Iterator[Count]:
        """Count what runs inside the block; the figures are filled in when it ends."""
        count = Count()
        start = (self.statements, self.commits, self._wire(), self.begins)
        try:
            yield count
        finally:
            # Let the relay see the last bytes of the exchange before reading its count.
            time.sleep(0.02 if self.relay is not None else 0)
            count.statements = self.statements - start[0]
            count.commits = self.commits - start[1]
            if self.relay is not None:
                count.round_trips = self._wire() - start[2]
            else:
                begins = self.begins - start[3]
                count.round_trips = count.statements + count.commits + begins


@dataclass
class Metered:
    """A migrated database reached through a counting relay (none on SQLite)."""

    url: URL
    sessions: SessionFactory
    meter: Meter
    engine_name: str


@contextlib.contextmanager
def metered_database(db_url: URL) -> Iterator[Metered]:
    """The empty database at ``db_url``, migrated and metered: on a server through a relay."""
    if db_url.get_backend_name() == "sqlite":
        sessions = open_database(db_url, upgrade_schema=True)
        try:
            yield Metered(db_url, sessions, Meter(engine_of(sessions)), "sqlite")
        finally:
            engine_of(sessions).dispose()
        return
    assert db_url.host is not None and db_url.port is not None
    with Relay(db_url.host, db_url.port) as relay:
        url = relay.url_for(db_url)
        sessions = open_database(url, upgrade_schema=True)
        name = "postgresql" if db_url.get_backend_name() == "postgresql" else "mariadb"
        try:
            yield Metered(url, sessions, Meter(engine_of(sessions), relay), name)
        finally:
            engine_of(sessions).dispose()
