"""Real local web servers for probe tests and the probe benchmark (asyncio, one thread).

Pages are keyed by (scheme, Host): one plain listener and any number of TLS listeners, each
with its own certificate, serve every configured host; a page may redirect, be slow, be
large, or trickle. ``--connect-to`` maps the registered names onto these ports. A subclass
may answer by path and headers (``reply``), or not at all (a site going down).
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from dataclasses import dataclass
from pathlib import Path

HEAD_LIMIT = 16 * 1024


@dataclass(frozen=True)
class Page:
    """A response: status, body, redirect target and how long to wait before answering."""

    status: int = 200
    body: str = ""
    location: str | None = None
    delay: float = 0.0
    charset: str = "utf-8"
    trickle: float = 0.0  # seconds between the body's bytes (a server that drips)
    label: str | None = None  # the charset the header names, when it lies; "" names none
    headers: tuple[tuple[str, str], ...] = ()
    size: int = 0  # a body of this many bytes, ``body`` repeated (never held whole)


@dataclass(frozen=True)
class Request:
    """What a client asked for: scheme, Host (without port), path and headers (lower-case)."""

    scheme: str
    host: str
    path: str
    headers: dict[str, str]


REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    304: "Not Modified",
    404: "Not Found",
    500: "Error",
}
REPEAT_CHUNK = 64 * 1024


class SiteServer:
    """Serves ``pages`` on listeners added with ``listen``, on a loop in its own thread."""

    def __init__(self, pages: dict[tuple[str, str], Page] | None = None) -> None:
        self.pages: dict[tuple[str, str], Page] = dict(pages or {})
        self.hits: list[tuple[str, str]] = []
        self.loop = asyncio.new_event_loop()
        self._servers: list[asyncio.Server] = []
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def listen(
        self, cert: Path | None = None, key: Path | None = None, host: str = "127.0.0.1"
    ) -> int:
        """Open a listener (TLS when ``cert`` is given) on a free port; returns the port."""
        context = None
        if cert is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
        scheme = "https" if context else "http"

        async def start() -> asyncio.Server:
            return await asyncio.start_server(
                lambda r, w: self._serve(r, w, scheme), host, 0, ssl=context, backlog=1024
            )

        server = asyncio.run_coroutine_threadsafe(start(), self.loop).result(10)
        self._servers.append(server)
        port: int = server.sockets[0].getsockname()[1]
        return port

    def reply(self, request: Request) -> Page | None:
        """The page for ``request``; None drops the connection unanswered."""
        return self.pages.get((request.scheme, request.host), Page(404, "not here"))

    async def _serve(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, scheme: str
    ) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if len(head) > HEAD_LIMIT:
                    break
                lines = head.decode("latin-1").split("\r\n")
                headers = {}
                for line in lines[1:]:
                    name, _sep, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
                host = headers.get("host", "").split(":")[0].lower()
                words = lines[0].split(" ")
                path = words[1] if len(words) > 1 else "/"
                self.hits.append((scheme, host))
                page = self.reply(Request(scheme, host, path, headers))
                if page is None:
                    break
                if page.delay:
                    await asyncio.sleep(page.delay)
                await self._answer(writer, page)
        except (
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            ConnectionError,
            ssl.SSLError,
        ):
            pass
        finally:
            writer.close()

    @staticmethod
    async def _answer(writer: asyncio.StreamWriter, page: Page) -> None:
        body = page.body.encode(page.charset)
        length = page.size or len(body)
        label = page.charset if page.label is None else page.label
        extra = f"Location: {page.location}\r\n" if page.location else ""
        extra += "".join(f"{name}: {value}\r\n" for name, value in page.headers)
        writer.write(
            (
                f"HTTP/1.1 {page.status} {REASONS.get(page.status, 'Status')}\r\n"
                f"Content-Type: text/html{'; charset=' + label if label else ''}\r\n"
                f"Content-Length: {length}\r\n{extra}\r\n"
            ).encode("latin-1")
        )
        if page.size:
            piece = body * max(1, REPEAT_CHUNK // max(1, len(body)))
            for start in range(0, page.size, len(piece)):
                writer.write(piece[: page.size - start])
                await writer.drain()
            return
        for start in range(0, len(body), 1 if page.trickle else len(body) or 1):
            writer.write(body[start : start + 1] if page.trickle else body)
            await writer.drain()
            await asyncio.sleep(page.trickle)
        await writer.drain()

    def close(self) -> None:
        """Stop every listener and the loop."""

        async def stop() -> None:
            for server in self._servers:
                server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()
