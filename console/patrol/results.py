"""What the patrol of one site found: a complete value, whether the site answered or not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from console.patrol.fetching import (
    FOREIGN_REDIRECT,
    TIMEOUT,
    TOO_MANY_REDIRECTS,
    UNREACHABLE,
)
from console.patrol.hidden import HiddenLink
from console.patrol.lists import Item
from console.patrol.records import PageRecord, Post

# How a column's address was had: from the register, or matched in the home page's menu.
REGISTERED = "registered"
NO_ADDRESS = "no_address"  # a column's error: neither registered nor found in the menu
NO_DOMAIN = "no_domain"  # a site's error: the register gives it no domain to visit
# Problems that bound a patrol, reported with the address they concern.
TRUNCATED = "truncated"
TOO_MANY_LINKS = "too_many_links"
TOO_MANY_POSTS = "too_many_new_posts"
NO_MAIN_TEXT = "no_main_text"
_BROKEN = frozenset({UNREACHABLE, TIMEOUT, TOO_MANY_REDIRECTS})


@dataclass(frozen=True)
class ColumnResult:
    """A column's list page: its address, how it was found, its items and its last update."""

    code: str
    name: str
    url: str | None
    found_by: str | None
    items: tuple[Item, ...] = ()
    last_item_date: dt.date | None = None
    error: str | None = None

    @property
    def dated(self) -> bool:
        """Whether any item of the list carries a date (an undated list counts as idle)."""
        return any(item.date is not None for item in self.items)

    def report(self) -> dict[str, Any]:
        """The column as ``--json`` prints it."""
        return {
            "code": self.code,
            "url": self.url,
            "found_by": self.found_by,
            "last_item_date": self.last_item_date.isoformat() if self.last_item_date else None,
            "items": len(self.items),
            "dated": self.dated,
            "error": self.error,
        }


@dataclass(frozen=True)
class LinkCheck:
    """A link checked: the pages it is on, its status, where it redirected, how long it took."""

    url: str
    on: tuple[str, ...]
    status: int | None
    redirected_to: str | None
    elapsed_ms: int
    error: str | None

    @property
    def broken(self) -> bool:
        """Whether the link does not open (an error status, no answer, a redirect loop)."""
        return self.error in _BROKEN or (
            self.error is None and self.status is not None and self.status >= 400
        )

    @property
    def foreign(self) -> bool:
        """Whether the site's link redirects to a host outside its registered domains."""
        return self.error == FOREIGN_REDIRECT


@dataclass(frozen=True)
class Problem:
    """Something that bounded or spoiled part of a patrol, and the address it concerns."""

    url: str
    kind: str
    detail: str | None = None


@dataclass
class SiteResult:
    """Everything one site's patrol found; ``error`` says why a site could not be patrolled,
    ``stopped`` that the patrol was stopped before it finished (resume it to complete it)."""

    site_code: str
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    home_url: str | None = None
    pages: int = 0
    requests: int = 0
    not_modified: int = 0
    columns: list[ColumnResult] = field(default_factory=list)
    new_posts: list[Post] = field(default_factory=list)
    links: list[LinkCheck] = field(default_factory=list)
    unchecked_links: int = 0
    hidden_links: list[HiddenLink] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    records: list[PageRecord] = field(default_factory=list)
    error: str | None = None
    stopped: bool = False

    @property
    def broken_links(self) -> list[LinkCheck]:
        """The links that do not open."""
        return [link for link in self.links if link.broken]

    def report(self) -> dict[str, Any]:
        """The site's patrol as ``cluster-console patrol --json`` prints it."""
        home = self.home_url
        return {
            "site_code": self.site_code,
            "home_url": home,
            "pages": self.pages,
            "requests": self.requests,
            "not_modified": self.not_modified,
            "columns": [column.report() for column in self.columns],
            "new_posts": [
                {
                    "url": post.url,
                    "title": post.title,
                    "date": post.date.isoformat() if post.date else None,
                    "column": post.column,
                    "digest": post.digest,
                }
                for post in self.new_posts
            ],
            "broken_links": [
                {"url": link.url, "status": link.status, "error": link.error, "on": page}
                | {"home": page == home}
                for link in self.broken_links
                for page in link.on
            ],
            "foreign_redirects": [
                {"url": link.url, "to": link.redirected_to, "on": list(link.on)}
                for link in self.links
                if link.foreign
            ],
            "hidden_links": [
                {"url": hidden.url, "on": hidden.on, "snippet": hidden.snippet}
                for hidden in self.hidden_links
            ],
            "unchecked_links": self.unchecked_links,
            "problems": [{"url": p.url, "kind": p.kind, "detail": p.detail} for p in self.problems],
            "error": self.error,
            "stopped": self.stopped,
        }
