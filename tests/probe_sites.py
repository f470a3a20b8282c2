"""A set of local sites for probe tests: good, plain, expired, wrong name, slow, dead, foreign."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.certs import authority
from tests.site_server import Page, SiteServer

ICP = "浙ICP备2019012345号-2"
PSB = "浙公网安备33120202000001号"


def footer_html(code: str, icp: str = ICP, psb: str = PSB) -> str:
    """A home page whose footer shows the three identifiers, spaced as sites do."""
    return (
        "<html><head><title>云溪市人民政府</title></head><body><main>政务公开</main>"
        f"<footer>网站标识码：{code}&nbsp;|&nbsp;<a>{icp}</a>"
        f"<span>{psb[:5]} {psb[5:]}</span></footer></body></html>"
    )


def _local(host: Any) -> bool:
    if host in (None, "", b"", "localhost"):
        return True
    try:
        return ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host).is_loopback
    except ValueError:
        return False


@contextmanager
def confined_to_loopback() -> Iterator[list[str]]:
    """Refuse, and list, every name lookup and connection beyond the loopback interface.

    Probe tests use invented ``.gov.cn`` names: none of them may reach a real resolver or host.
    """
    attempts: list[str] = []
    real_lookup, real_connect = socket.getaddrinfo, socket.socket.connect

    def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _local(host):
            attempts.append(f"lookup {host!r}")
            raise socket.gaierror(socket.EAI_NONAME, "refused by the test's network guard")
        return real_lookup(host, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            attempts.append(f"connect {address!r}")
            raise ConnectionRefusedError("refused by the test's network guard")
        real_connect(self, address)

    socket.getaddrinfo = lookup  # type: ignore[assignment]
    socket.socket.connect = connect  # type: ignore[method-assign]
    try:
        yield attempts
    finally:
        socket.getaddrinfo, socket.socket.connect = real_lookup, real_connect  # type: ignore[method-assign]
    assert not attempts, f"probes tried to leave the machine: {attempts}"


@pytest.fixture(autouse=True)
def loopback_only() -> Iterator[list[str]]:
    """Import into a test module: its tests fail if anything leaves the loopback interface."""
    with confined_to_loopback() as attempts:
        yield attempts


def dead_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@dataclass
class LocalSites:
    """The running servers, the CA file and the ``--connect-to`` strings for each host."""

    server: SiteServer
    ca: Path
    connect_to: list[str]
    http_port: int
    dead_port: int


@contextmanager
def local_sites(folder: Path) -> Iterator[LocalSites]:
    """Start the servers; every test host lives under ``test.gov.cn``."""
    ca = authority(folder)
    hosts = [f"{name}.test.gov.cn" for name in ("ok", "expired", "foreign", "plain", "gbk", "v6")]
    valid = ca.issue(folder, "valid", hosts)
    expired = ca.issue(
        folder,
        "expired",
        ["expired.test.gov.cn"],
        not_after=dt.datetime.now(dt.UTC) - dt.timedelta(days=3),
    )
    wrong = ca.issue(folder, "wrong", ["other.example.org"])
    own = ca.issue(folder, "self", ["self.test.gov.cn"], self_signed=True)
    server = SiteServer()
    http = server.listen()
    good = server.listen(*valid)
    stale = server.listen(*expired)
    misnamed = server.listen(*wrong)
    unvouched = server.listen(*own)
    v6 = server.listen(*valid, host="::1")
    v6_http = server.listen(host="::1")
    dead = dead_port()
    home = footer_html("3312000001")
    for name in ("ok", "expired", "wrong", "self", "v6"):
        host = f"{name}.test.gov.cn"
        server.pages[("http", host)] = Page(301, location=f"https://{host}/")
        server.pages[("https", host)] = Page(200, home)
    server.pages[("http", "plain.test.gov.cn")] = Page(200, "<html><body>无页脚</body></html>")
    server.pages[("http", "gbk.test.gov.cn")] = Page(200, home, charset="gb18030")
    server.pages[("http", "slow.test.gov.cn")] = Page(200, home, delay=3.0)
    # A home page of 3 MB whose footer lies beyond what a probe reads.
    server.pages[("http", "big.test.gov.cn")] = Page(200, "<p>" + "政" * 1_000_000 + home)
    server.pages[("http", "drip.test.gov.cn")] = Page(200, home, trickle=0.02)
    server.pages[("http", "foreign.test.gov.cn")] = Page(302, location="http://evil.example.com/x")
    server.pages[("http", "evil.example.com")] = Page(200, home)
    server.pages[("http", "hop.test.gov.cn")] = Page(302, location="http://ok.test.gov.cn/")
    mapping = {
        "ok": (http, good),
        "expired": (http, stale),
        "wrong": (http, misnamed),
        "self": (http, unvouched),
        "plain": (http, dead),
        "gbk": (http, dead),
        "slow": (http, dead),
        "drip": (http, dead),
        "big": (http, dead),
        "foreign": (http, dead),
        "hop": (http, dead),
        "dead": (dead, dead),
    }
    connect_to = [
        entry
        for name, (plain_port, tls_port) in mapping.items()
        for entry in (
            f"{name}.test.gov.cn:80:127.0.0.1:{plain_port}",
            f"{name}.test.gov.cn:443:127.0.0.1:{tls_port}",
        )
    ]
    connect_to += [f"v6.test.gov.cn:80:[::1]:{v6_http}", f"v6.test.gov.cn:443:[::1]:{v6}"]
    try:
        yield LocalSites(server, ca.pem, connect_to, http, dead)
    finally:
        server.close()
