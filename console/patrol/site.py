"""The patrol of one site: home page, column list pages, new articles, links, hidden links.

Steps run in order; within a step the requests run on ``connections`` threads and each
passes its host's gate. Every address is loaded through ``_load``, which reuses what this
patrol (or the stopped one it resumes) already fetched, asks conditionally when an earlier
patrol left validators, and stops asking a site that stopped answering.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from console.base.clock import utcnow
from console.patrol.dates import last_update
from console.patrol.fetching import (
    OFF_LIMITS_HOST,
    SITE_DOWN,
    STOPPED,
    TIMEOUT,
    UNREACHABLE,
    Fetched,
    Fetcher,
)
from console.patrol.gates import Gates
from console.patrol.hidden import HiddenLink
from console.patrol.lists import Item
from console.patrol.navigation import discover
from console.patrol.reading import read_page, read_post
from console.patrol.records import PageRecord, PatrolMemory
from console.patrol.results import (
    NO_ADDRESS,
    NO_DOMAIN,
    NO_MAIN_TEXT,
    REGISTERED,
    TOO_MANY_LINKS,
    TOO_MANY_POSTS,
    TRUNCATED,
    ColumnResult,
    LinkCheck,
    Problem,
    SiteResult,
)
from console.patrol.targets import ColumnTarget, PatrolOptions, PatrolTarget

PAGE, POST, LINK = "page", "post", "link"
_UNCHECKED = frozenset({OFF_LIMITS_HOST, STOPPED, SITE_DOWN})
_FAILED = frozenset({UNREACHABLE, TIMEOUT})

T = TypeVar("T")
R = TypeVar("R")
Reader = Callable[[Fetched], dict[str, Any]]


def _holds(record: PageRecord, kind: str) -> bool:
    return kind == LINK or (record.page if kind == PAGE else record.post) is not None


class SitePatrol:
    """Patrols one site; ``run`` returns its complete ``SiteResult`` and never raises for
    what the site or the network does."""

    def __init__(
        self,
        target: PatrolTarget,
        options: PatrolOptions,
        gates: Gates,
        memory: PatrolMemory,
        since: dt.datetime | None = None,
    ) -> None:
        self.target = target
        self.options = options
        self.gates = gates
        self.memory = memory
        self.fetcher = Fetcher(options.fetch, gates)
        self.result = SiteResult(target.site_code, utcnow())
        # Records fetched at or after ``since`` are this patrol's own: reused, not re-asked.
        self.since = since or self.result.started_at
        self._lock = threading.Lock()
        self._failures = 0
        self._down = False
        self._stopped = False
        self._records: dict[str, PageRecord] = {}

    def run(self) -> SiteResult:
        """Patrol the site and return what was found."""
        try:
            self._steps()
        finally:
            self.fetcher.close()
        result = self.result
        result.stopped = self._stopped
        if self._down and result.error is None:
            result.error = SITE_DOWN
        result.records = list(self._records.values())
        result.finished_at = utcnow()
        return result

    def home_page(self) -> PageRecord | None:
        """Only the home page (to find column addresses in its menu); None when it failed,
        and ``result.error`` says why."""
        try:
            return self._home()
        finally:
            self.fetcher.close()

    def _steps(self) -> None:
        home = self._home()
        if home is None or home.page is None or self._halted():
            return
        columns = self._column_addresses(home)
        lists = self._lists(columns)
        self.result.columns = [self._column(c, url, how, lists) for c, url, how in columns]
        pages = [home, *(lists[url] for _c, url, _h in columns if url and lists[url].page)]
        # One entry per hidden link, on the first page that has it (home first): a template's
        # hidden link is on every page, and one finding of it is enough.
        hidden: dict[str, HiddenLink] = {}
        for page in pages:
            for link in page.page.hidden if page.page else ():
                hidden.setdefault(link.url, link)
        self.result.hidden_links = list(hidden.values())
        if not self._halted():
            self._posts()
        if not self._halted():
            self._links(pages)

    def _halted(self) -> bool:
        """Whether the patrol was stopped: the steps not yet begun are left undone."""
        self._stopped = self._stopped or self.gates.stop.is_set()
        return self._stopped

    def _home(self) -> PageRecord | None:
        """The home page, over HTTPS where the site answers it, else HTTP."""
        if not self.target.domains:
            # Nothing to visit: the register must name a domain first (told, not guessed).
            self.result.error = NO_DOMAIN
            return None
        record: PageRecord | None = None
        for scheme in ("https", "http"):
            url = f"{scheme}://{self.target.domains[0]}/"
            record = self._load(url, PAGE, self._reader(None), trial=scheme == "https")
            if record.ok or record.error not in (UNREACHABLE, OFF_LIMITS_HOST):
                break
        assert record is not None
        self.result.home_url = record.final_url
        if not record.ok:
            if record.error != STOPPED:
                self.result.error = record.error or f"HTTP {record.status}"
            return None
        return record

    def _column_addresses(
        self, home: PageRecord
    ) -> list[tuple[ColumnTarget, str | None, str | None]]:
        assert home.page is not None
        unregistered = {c.code: c.name for c in self.target.columns if not c.url}
        found = discover(unregistered, home.page.links, self.target.owns)
        addresses: list[tuple[ColumnTarget, str | None, str | None]] = []
        for column in self.target.columns:
            if column.url:
                addresses.append((column, column.url, REGISTERED))
            elif column.code in found:
                addresses.append((column, found[column.code].url, found[column.code].how))
            else:
                addresses.append((column, None, None))
        return addresses

    def _lists(
        self, columns: list[tuple[ColumnTarget, str | None, str | None]]
    ) -> dict[str, PageRecord]:
        urls = list(dict.fromkeys(url for _c, url, _h in columns if url))
        reader = self._reader(frozenset(urls))
        records = self._each(urls, lambda url: self._load(url, PAGE, reader))
        return dict(zip(urls, records, strict=True))

    def _column(
        self,
        column: ColumnTarget,
        url: str | None,
        how: str | None,
        lists: dict[str, PageRecord],
    ) -> ColumnResult:
        if url is None:
            return ColumnResult(column.code, column.name, None, None, error=NO_ADDRESS)
        record = lists[url]
        if not record.ok or record.page is None:
            error = record.error or f"HTTP {record.status}"
            return ColumnResult(column.code, column.name, url, how, error=error)
        items = record.page.items
        last = last_update((item.date for item in items), self.options.today)
        return ColumnResult(column.code, column.name, url, how, items, last)

    def _posts(self) -> None:
        """Read each listed article not seen before (at most ``post_limit`` a patrol)."""
        new: dict[str, tuple[Item, str]] = {}
        for column in self.result.columns:
            for item in column.items:
                if self.target.owns(item.url) and item.url not in self.target.known_posts:
                    new.setdefault(item.url, (item, column.code))
        chosen = list(new.values())
        if len(chosen) > self.options.post_limit:
            detail = f"{len(chosen)} new, {self.options.post_limit} read"
            self._problem(Problem(self.result.home_url or "", TOO_MANY_POSTS, detail))
            chosen = chosen[: self.options.post_limit]

        def load(entry: tuple[Item, str]) -> PageRecord:
            item, column = entry
            return self._load(item.url, POST, lambda got: {"post": read_post(got, item, column)})

        for record in self._each(chosen, load):
            if record.post is not None:
                self.result.new_posts.append(record.post)
                if not record.post.text:
                    self._problem(Problem(record.url, NO_MAIN_TEXT))

    def _links(self, pages: list[PageRecord]) -> None:
        """Check every link of the home and list pages once (at most ``link_limit``)."""
        on: dict[str, list[str]] = {}
        for page in pages:
            assert page.page is not None
            if page.page.link_total > len(page.page.links):
                detail = f"{page.page.link_total} links, {len(page.page.links)} read"
                self._problem(Problem(page.final_url, TOO_MANY_LINKS, detail))
            for url, _text in page.page.links:
                where = on.setdefault(url, [])
                if page.final_url not in where:
                    where.append(page.final_url)
        urls = list(on)
        if len(urls) > self.options.link_limit:
            detail = f"{len(urls)} links, {self.options.link_limit} checked"
            self._problem(Problem(self.result.home_url or "", TOO_MANY_LINKS, detail))
            self.result.unchecked_links += len(urls) - self.options.link_limit
            urls = urls[: self.options.link_limit]
        for url, record in zip(urls, self._each(urls, lambda u: self._load(u, LINK)), strict=True):
            if record.error in _UNCHECKED:
                self.result.unchecked_links += 1
                continue
            self.result.links.append(
                LinkCheck(
                    url,
                    tuple(on[url]),
                    record.status,
                    record.redirected_to,
                    record.elapsed_ms,
                    record.error,
                )
            )

    def _each(self, jobs: Sequence[T], work: Callable[[T], R]) -> list[R]:
        """``work`` over ``jobs`` on the site's threads, results in the jobs' order."""
        if not jobs:
            return []
        workers = max(1, min(self.options.connections, len(jobs)))
        with ThreadPoolExecutor(workers, thread_name_prefix="patrol") as pool:
            return list(pool.map(work, jobs))

    def _reader(self, columns: frozenset[str] | None) -> Reader:
        today, inside = self.options.today, self.options.cluster_domains.__contains__
        return lambda fetched: {"page": read_page(fetched, today, inside, columns)}

    def _load(
        self, url: str, kind: str, read: Reader | None = None, trial: bool = False
    ) -> PageRecord:
        """``url`` as this patrol knows it: reused, revalidated or fetched, and remembered.

        A ``trial`` (HTTPS before HTTP) that fails is neither a problem nor a sign of the site
        going down.
        """
        prior = self.memory.get(url)
        # Fetched by this patrol already: reused when it holds what is needed, or when there
        # was nothing to read (an error page is not asked for twice).
        fresh = prior is not None and prior.fetched_at >= self.since
        if prior is not None and fresh and (_holds(prior, kind) or not prior.ok):
            return self._keep(prior, kind)
        if prior is not None and not _holds(prior, kind):
            prior = None
        if self._down and self.target.owns(url):
            return PageRecord(url, utcnow(), None, url, error=SITE_DOWN)
        fetched = self.fetcher.fetch(
            url, prior.validators if prior else None, self.target.domains, kind != LINK
        )
        record = PageRecord(
            url,
            utcnow(),
            fetched.status,
            fetched.final_url,
            fetched.elapsed_ms,
            fetched.error,
            fetched.detail,
            fetched.redirected_to,
            fetched.validators,
        )
        if fetched.not_modified and prior is not None:
            record = dataclasses.replace(record, page=prior.page, post=prior.post)
        elif fetched.ok and read is not None:
            record = dataclasses.replace(record, **read(fetched))
        if not (trial and fetched.error is not None):
            self._note(fetched, kind, self.target.owns(url))
        if fetched.error == STOPPED:
            self._stopped = True
            return record
        self.memory.put(record)
        return self._keep(record, kind)

    def _keep(self, record: PageRecord, kind: str) -> PageRecord:
        with self._lock:
            self._records[record.url] = record
            if kind != LINK and record.ok:
                self.result.pages += 1
        return record

    def _note(self, fetched: Fetched, kind: str, own: bool) -> None:
        """Count the request; a site whose requests keep failing is taken as gone down."""
        with self._lock:
            self.result.requests += fetched.requests
            self.result.not_modified += fetched.not_modified
            if fetched.truncated:
                self.result.problems.append(Problem(fetched.url, TRUNCATED))
            if kind != LINK and fetched.error not in (None, STOPPED):
                self.result.problems.append(Problem(fetched.url, fetched.error, fetched.detail))
            if own and fetched.error in _FAILED:
                self._failures += 1
                self._down = self._down or self._failures >= self.options.down_after
            elif own and fetched.status is not None:
                self._failures = 0

    def _problem(self, problem: Problem) -> None:
        with self._lock:
            self.result.problems.append(problem)
