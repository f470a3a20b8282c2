"""The patrol test bed: generated sites served on loopback, with ETags, latency and faults.

``PatrolServer`` renders ``GovSite`` pages per request (nothing is held but the models),
answers ``304`` to a matching ``If-None-Match`` / ``If-Modified-Since``, logs every request
with its headers, and can play a fault per host: trickle, a 10 GB body, a redirect loop,
100,000 links, malformed markup, going down after so many requests. ``patrol_bed`` starts it
and maps every host onto it (HTTP only: HTTPS is not mapped, so the patrol falls back).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from console.patrol.fetching import FetchOptions
from console.patrol.targets import ColumnTarget, Domains, PatrolOptions, PatrolTarget
from console.probes.dialing import Dialer
from tests.patrol_sites import DOMAIN, TODAY, GovSite, render
from tests.site_server import Page, Request, SiteServer

HUGE = 10 * 1024**3
MANY_LINKS = 100_000
MALFORMED = (
    '<html><head><meta charset="utf-8"><title>残缺页面</title></head><body><div class="nav"><ul>'
    '<li><a href="/c01/">新闻动态</a><li><a href="/c02/">通知公告</a></ul><table><tr><td>'
    '<ul class="list"><li><a href="/c01/a.html">关于开展安全检查的通知</a><span>2026-12-01'
    '<li><a href="/c01/b.html">关于调整办公时间的公告</a><span>2026-11-20</span>'
    "<li><a href=/c01/c.html>第三条消息</a>\x00\x01\ufffd<span>[11-02]</span></p></div>"
)


def fault_pages() -> dict[str, Callable[[Request], Page | None]]:
    """Faulty hosts (``<name>.faults.patrol.gov.cn``) and how each answers."""

    def trickle(request: Request) -> Page:
        return Page(200, "<html><body>" + "<p>政务公开</p>" * 200, trickle=0.02)

    def huge(request: Request) -> Page:
        if request.path == "/":
            return Page(200, '<html><body><a href="/big/">新闻动态</a></body></html>')
        return Page(200, "<p>政务</p>", size=HUGE)

    def loop(request: Request) -> Page:
        return Page(302, location="/b" if request.path != "/b" else "/a")

    def links(request: Request) -> Page:
        if request.path == "/":
            body = "".join(f"<a href=/p{i}>{i}</a>" for i in range(MANY_LINKS))
            return Page(200, f"<html><body>{body}</body></html>")
        return Page(200, "<html><body>ok</body></html>")

    def malformed(request: Request) -> Page:
        return Page(200, MALFORMED if request.path in ("/", "/c01/") else "<p>正文</p>")

    return {
        f"{name}.faults.{DOMAIN}": answer
        for name, answer in (
            ("trickle", trickle),
            ("huge", huge),
            ("loop", loop),
            ("links", links),
            ("malformed", malformed),
        )
    }


class PatrolServer(SiteServer):
    """Serves generated sites and faulty hosts; remembers every request."""

    def __init__(
        self, sites: Iterable[GovSite] = (), latency: Callable[[str], float] | None = None
    ) -> None:
        super().__init__()
        self.sites = {site.host: site for site in sites}
        self.faults = fault_pages()
        self.latency = latency
        self.requests: list[Request] = []
        self.served: Counter[str] = Counter()
        self.down_after: dict[str, int] = {}
        self.on_request: Callable[[Request], None] | None = None
        self.with_etags = True

    def reply(self, request: Request) -> Page | None:
        """The generated page, a ``304``, a fault, or nothing (a host gone down)."""
        self.requests.append(request)
        if self.on_request is not None:
            self.on_request(request)
        self.served[request.host] += 1
        if self.served[request.host] > self.down_after.get(request.host, self.served[request.host]):
            return None
        if request.host in self.faults:
            return self.faults[request.host](request)
        site = self.sites.get(request.host)
        if site is None:
            return Page(404, "not here")
        delay = self.latency(request.host) if self.latency else 0.0
        status, body, location = render(site, request.path)
        page = Page(status, body, location, delay, site.charset, label=site.label)
        if status != 200:
            return page
        etag = f'"{hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]}"'
        headers = (("Last-Modified", site.last_modified),)
        if self.with_etags:
            headers += (("ETag", etag),)
        asked = request.headers
        if (self.with_etags and asked.get("if-none-match") == etag) or (
            "if-none-match" not in asked and asked.get("if-modified-since") == site.last_modified
        ):
            return Page(304, "", delay=delay, headers=headers)
        return replace(page, headers=headers)

    def paths(self, host: str) -> list[str]:
        """The paths asked of ``host``, in order."""
        return [r.path for r in self.requests if r.host == host]


@dataclass
class Bed:
    """The running server, the sites, and the mapping of every host onto the server."""

    server: PatrolServer
    sites: list[GovSite]
    port: int
    mapping: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)

    def dialer(self) -> Dialer:
        """A dialer confined to loopback, with every bed host mapped (port 80 only)."""
        return Dialer(self.mapping, loopback_only=True)

    def options(self, **changes: Any) -> PatrolOptions:
        """Patrol options for the bed: no spacing, short timeouts, the bed's today."""
        fetch = FetchOptions(
            timeout=changes.pop("timeout", 5.0),
            body_limit=changes.pop("body_limit", 2 * 1024 * 1024),
            dialer=self.dialer(),
            user_agent=changes.pop("user_agent", "ClusterConsole-Patrol/1.0"),
            ca_bundle=changes.pop("ca_bundle", None),
        )
        domains = Domains([site.host for site in self.sites] + [f"www.s1.{DOMAIN}"])
        values: dict[str, Any] = {"spacing": 0.0, "cluster_domains": domains} | changes
        return PatrolOptions(TODAY, fetch=fetch, **values)


def target(
    site: GovSite, known: Iterable[str] = (), registered: dict[str, str] | None = None
) -> PatrolTarget:
    """The patrol target of ``site``: its columns by name (addresses only if ``registered``)."""
    registered = registered or {}
    columns = tuple(ColumnTarget(c.code, c.name, registered.get(c.code)) for c in site.columns)
    return PatrolTarget(site.code, (site.host,), columns, frozenset(known))


def fault_target(name: str, columns: tuple[ColumnTarget, ...] = ()) -> PatrolTarget:
    """The target of a faulty host."""
    return PatrolTarget(f"99{len(name):08d}", (f"{name}.faults.{DOMAIN}",), columns)


@contextmanager
def patrol_bed(
    sites: list[GovSite], latency: Callable[[str], float] | None = None
) -> Iterator[Bed]:
    """Serve ``sites`` and the faulty hosts on one loopback port."""
    server = PatrolServer(sites, latency)
    port = server.listen()
    bed = Bed(server, sites, port)
    for host in [*server.sites, *server.faults]:
        bed.mapping[(host, 80)] = ("127.0.0.1", port)
    try:
        yield bed
    finally:
        server.close()
