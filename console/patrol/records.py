"""What a patrol keeps of each address it fetched, and the memory that makes the next one cheap.

A ``PageRecord`` holds what was read from a page (links, list items, hidden links) or an
article (its post), never the page itself, with the validators (ETag, Last-Modified) to ask
for it conditionally. ``PatrolMemory`` holds the records by address: a later patrol revalidates
them (``304`` → the record stands), and a stopped patrol resumed with the time it started
reuses what it already fetched without asking again. Records convert to and from plain JSON
values, for whoever stores them between patrols.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from console.patrol.fetching import Validators
from console.patrol.hidden import HiddenLink
from console.patrol.lists import Item


@dataclass(frozen=True)
class Post:
    """An article the patrol read: where it was listed, its main text and that text's hash."""

    url: str
    title: str
    date: dt.date | None
    column: str
    digest: str
    text: str


@dataclass(frozen=True)
class PageFacts:
    """What a home or list page says: its links (address, text), items and hidden links."""

    links: tuple[tuple[str, str], ...]
    link_total: int
    items: tuple[Item, ...] = ()
    hidden: tuple[HiddenLink, ...] = ()
    truncated: bool = False


@dataclass(frozen=True)
class PageRecord:
    """One address as last fetched: status, timing, validators, and what was read from it."""

    url: str
    fetched_at: dt.datetime
    status: int | None
    final_url: str
    elapsed_ms: int = 0
    error: str | None = None
    detail: str | None = None
    redirected_to: str | None = None
    validators: Validators = field(default_factory=Validators)
    page: PageFacts | None = None
    post: Post | None = None

    @property
    def ok(self) -> bool:
        """Whether the address answered with a page (or confirmed it unchanged)."""
        return self.error is None and self.status is not None and self.status < 400

    def as_json(self) -> dict[str, Any]:
        """The record as plain JSON values (dates as ISO strings)."""
        values: dict[str, Any] = _plain(dataclasses.asdict(self))
        return values

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> PageRecord:
        """A record from ``as_json``'s values."""
        page, post = values.get("page"), values.get("post")
        return cls(
            **{
                **values,
                "fetched_at": dt.datetime.fromisoformat(values["fetched_at"]),
                "validators": Validators(**values.get("validators") or {}),
                "page": _page(page) if page else None,
                "post": Post(**{**post, "date": _date(post["date"])}) if post else None,
            }
        )


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _page(values: dict[str, Any]) -> PageFacts:
    return PageFacts(
        links=tuple((url, text) for url, text in values["links"]),
        link_total=values["link_total"],
        items=tuple(Item(i["url"], i["title"], _date(i["date"])) for i in values["items"]),
        hidden=tuple(HiddenLink(**hidden) for hidden in values["hidden"]),
        truncated=values["truncated"],
    )


class PatrolMemory:
    """The records of earlier patrols (and of this one so far), by address; thread-safe."""

    def __init__(self, records: Iterable[PageRecord] = ()) -> None:
        self._records = {record.url: record for record in records}
        self._lock = threading.Lock()

    def get(self, url: str) -> PageRecord | None:
        """The latest record of ``url``."""
        with self._lock:
            return self._records.get(url)

    def put(self, record: PageRecord) -> None:
        """Remember ``record`` as the latest of its address."""
        with self._lock:
            self._records[record.url] = record

    def forget(self, urls: Iterable[str]) -> None:
        """Drop the records of ``urls`` (kept elsewhere: a store has them)."""
        with self._lock:
            for url in urls:
                self._records.pop(url, None)

    def records(self) -> list[PageRecord]:
        """Every record held."""
        with self._lock:
            return list(self._records.values())
