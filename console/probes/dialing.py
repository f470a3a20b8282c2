"""Where a probe connects: the registered host, or the address ``--connect-to`` maps it to.

A mapping (as in curl: ``HOST:PORT:ADDR:PORT``) changes only the address dialled; the Host
header, the TLS server name and the certificate check stay those of the registered host.
A dialer confined to loopback (a demo cluster, tests, benchmarks) neither resolves names nor
dials any address off this machine.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.probes.reasons import OFF_LIMITS

BAD_CONNECT_TO = QT_TR_NOOP(
    "--connect-to 的值“{value}”格式不对：应为 主机:端口:地址:端口，"
    "IPv6 地址放在方括号里，例如 www.example.gov.cn:443:[::1]:8443。"
)


def _split_host_port(text: str, value: str) -> tuple[str, int, str]:
    """``host:port`` or ``[v6]:port`` at the start of ``text``; returns host, port, the rest."""
    if text.startswith("["):
        end = text.find("]")
        if end < 0 or text[end + 1 : end + 2] != ":":
            raise InvalidInput(BAD_CONNECT_TO, value=value)
        host, rest = text[1:end], text[end + 2 :]
    else:
        host, sep, rest = text.partition(":")
        if not sep:
            raise InvalidInput(BAD_CONNECT_TO, value=value)
    port_text, _sep, rest = rest.partition(":")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise InvalidInput(BAD_CONNECT_TO, value=value)
    return host.lower(), int(port_text), rest


def parse_connect_to(values: Iterable[str]) -> dict[tuple[str, int], tuple[str, int]]:
    """``HOST:PORT:ADDR:PORT`` strings as a mapping ``(host, port) → (address, port)``."""
    mapping: dict[tuple[str, int], tuple[str, int]] = {}
    for value in values:
        host, port, rest = _split_host_port(value.strip(), value)
        address, target_port, tail = _split_host_port(rest + ":", value)
        if tail:
            raise InvalidInput(BAD_CONNECT_TO, value=value)
        mapping[(host, port)] = (address, target_port)
    return mapping


def is_loopback(address: str) -> bool:
    """Whether ``address`` is a loopback IP address literal (names are never resolved here)."""
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class OffLimits(ConnectionRefusedError):
    """A confined dialer was asked for an address beyond the loopback interface."""


@dataclass(frozen=True)
class Dialer:
    """Opens TCP connections for probes, honouring the ``--connect-to`` mapping.

    With ``loopback_only`` it dials only loopback addresses, so that invented domains (a demo
    cluster's) are never looked up or contacted on the real network.
    """

    mapping: Mapping[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    loopback_only: bool = False

    def target(self, host: str, port: int) -> tuple[str, int]:
        """The address and port actually dialled for ``host:port``."""
        return self.mapping.get((host.lower(), port), (host, port))

    def reaches(self, host: str, port: int) -> bool:
        """Whether this dialer may dial ``host:port`` at all."""
        return not self.loopback_only or is_loopback(self.target(host, port)[0])

    def dial(
        self,
        host: str,
        port: int,
        timeout: float | None,
        source_address: tuple[str, int] | None = None,
    ) -> socket.socket:
        """A connected socket to ``host:port`` (or where it is mapped to)."""
        if not self.reaches(host, port):
            raise OffLimits(f"{host}:{port} {OFF_LIMITS}")
        return socket.create_connection(
            self.target(host, port), timeout, source_address=source_address
        )

    def ipv6(self, host: str, port: int, timeout: float) -> bool | None:
        """Whether ``host`` has an IPv6 address (AAAA) that accepts a connection on ``port``;
        None when it was not checked (this dialer may not dial the host).

        A mapped host counts as having one when it is mapped to an IPv6 address.
        """
        if not self.reaches(host, port):
            return None
        address, target_port = self.target(host, port)
        try:
            infos = socket.getaddrinfo(address, target_port, socket.AF_INET6, socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            return False
        for _family, kind, proto, _name, sockaddr in infos[:3]:
            with socket.socket(socket.AF_INET6, kind, proto) as sock:
                sock.settimeout(timeout)
                try:
                    sock.connect(sockaddr)
                except OSError:
                    continue
                return True
        return False
