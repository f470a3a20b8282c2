"""What a patrol is asked to do: the sites (with their columns and known posts) and how."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from console.patrol.fetching import FetchOptions
from console.patrol.gates import DEFAULT_CONNECTIONS, DEFAULT_SPACING
from console.patrol.markup import host_of

LINK_LIMIT = 1000  # distinct links checked per site and patrol
POST_LIMIT = 300  # new articles read per site and patrol (the rest wait for the next)
DOWN_AFTER = 3  # consecutive failed requests after which a site is taken as gone down


@dataclass(frozen=True)
class ColumnTarget:
    """A column of the site: its code, its name, and its list page's address if registered."""

    code: str
    name: str
    url: str | None = None


@dataclass(frozen=True)
class PatrolTarget:
    """A site to patrol: its registered domains (main first, IDNA), columns and known posts."""

    site_code: str
    domains: tuple[str, ...]
    columns: tuple[ColumnTarget, ...] = ()
    known_posts: frozenset[str] = frozenset()

    def owns(self, url: str) -> bool:
        """Whether ``url`` is on one of the site's registered domains."""
        return host_of(url) in self.domains


class Domains:
    """A set of registered domains; an address is inside when its host or a parent is one."""

    def __init__(self, domains: Iterable[str]) -> None:
        self.domains = frozenset(domain.lower().rstrip(".") for domain in domains)

    def __contains__(self, url: object) -> bool:
        labels = host_of(str(url)).split(".")
        return any(".".join(labels[start:]) in self.domains for start in range(len(labels)))


@dataclass(frozen=True)
class PatrolOptions:
    """How to patrol: today's date in the cluster's zone, the cluster's domains, the limits."""

    today: dt.date
    cluster_domains: Domains = field(default_factory=lambda: Domains(()))
    fetch: FetchOptions = field(default_factory=FetchOptions)
    connections: int = DEFAULT_CONNECTIONS
    spacing: float = DEFAULT_SPACING
    link_limit: int = LINK_LIMIT
    post_limit: int = POST_LIMIT
    down_after: int = DOWN_AFTER
