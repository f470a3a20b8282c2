"""A ``requests`` transport adapter that dials through a ``Dialer``.

urllib3 still sends the registered host in the Host header and as the TLS server name and
checks the certificate against it; only the socket goes where the mapping says.
"""

from __future__ import annotations

import socket
import ssl
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from console.probes.dialing import Dialer


class _DialedConnection:
    """Mixin for urllib3 connections: the socket comes from the class's ``dialer``."""

    dialer: Dialer
    host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None

    def _new_conn(self) -> socket.socket:
        try:
            return self.dialer.dial(self.host, self.port, self.timeout, self.source_address)
        except TimeoutError as error:
            raise ConnectTimeoutError(self, f"connect to {self.host} timed out") from error
        except OSError as error:
            raise NewConnectionError(self, f"failed to connect: {error}") from error  # type: ignore[arg-type]


class _UnwarnedHTTPSPool(HTTPSConnectionPool):
    """An HTTPS pool that does not warn on unverified requests.

    Probes check the certificate themselves, first, and fetch the page of a site with a bad
    certificate on purpose (to read its footer); the finding is the certificate, not a warning.
    """

    def _validate_conn(self, conn: Any) -> None:
        if conn.is_closed:
            conn.connect()


class DialingAdapter(HTTPAdapter):
    """Mount on a ``requests.Session`` for ``http://`` and ``https://`` to dial via ``dialer``.

    Verified requests use ``context`` (the probes' shared, already loaded trust store) rather
    than a bundle file that urllib3 would load again for every connection.
    """

    def __init__(
        self, dialer: Dialer, context: ssl.SSLContext | None = None, pool_maxsize: int = 2
    ) -> None:
        self.dialer = dialer
        self.context = context
        super().__init__(pool_connections=4, pool_maxsize=pool_maxsize, max_retries=0)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        """As requests does; a verifying pool then takes the shared context, not the file."""
        super().cert_verify(conn, url, verify, cert)  # type: ignore[no-untyped-call]
        if self.context is not None and verify and url.lower().startswith("https"):
            conn.ca_certs = conn.ca_cert_dir = None
            conn.conn_kw["ssl_context"] = self.context

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **kw: Any
    ) -> None:
        """Make the pool manager build pools whose connections dial through the dialer."""
        super().init_poolmanager(connections, maxsize, block, **kw)
        attrs = {"dialer": self.dialer}
        plain = type("DialedHTTPConnection", (_DialedConnection, HTTPConnection), attrs)
        secure = type("DialedHTTPSConnection", (_DialedConnection, HTTPSConnection), attrs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("DialedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": plain}),
            "https": type("DialedHTTPSPool", (_UnwarnedHTTPSPool,), {"ConnectionCls": secure}),
        }
