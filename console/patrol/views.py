"""A site's last stored patrol as the site detail shows it: every column with its address
and live date (columns without an address included), the broken and hidden links."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from console.base.actor import REGISTER_READERS, Actor, require
from console.base.errors import NotFound
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.patrol.results import NO_ADDRESS, SiteResult
from console.patrol.store import BROKEN, FOREIGN, HIDDEN
from console.schema import PatrolColumn, PatrolLink, PatrolRun, Site, SiteColumn

LINK_LIMIT = 500  # links shown per kind
NO_SITE = QT_TR_NOOP("网站（编号 {id}）不存在，可能已被删除。")


@dataclass(frozen=True)
class ColumnLine:
    """A column: its address (None: none known), and what the last patrol read of it."""

    column_id: int
    code: str
    name: str
    url: str | None
    last_item_date: dt.date | None = None
    items: int | None = None  # None: no patrol read its list page
    dated: bool = False
    error: str | None = None


@dataclass(frozen=True)
class LinkLine:
    """A link the last patrol found wanting, where it is, and its status or evidence."""

    kind: str
    url: str
    on: str
    home: bool
    status: int | None
    error: str | None
    detail: str | None


@dataclass(frozen=True)
class LastPatrol:
    """The last stored patrol of a site (``run_at`` None: never patrolled) and its columns."""

    site_id: int
    site_code: str
    columns: tuple[ColumnLine, ...]
    run_at: dt.datetime | None = None
    pages: int = 0
    new_posts: int = 0
    error: str | None = None
    stopped: bool = False
    broken: tuple[LinkLine, ...] = ()
    hidden: tuple[LinkLine, ...] = ()
    foreign: tuple[LinkLine, ...] = ()


def last_patrol(sessions: SessionFactory, actor: Actor, site_id: int) -> LastPatrol:
    """Service: the site's columns with their live dates, and its last patrol's links."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        code = session.scalar(select(Site.code).where(Site.id == site_id))
        if code is None:
            raise NotFound(NO_SITE, id=site_id)
        rows = session.execute(
            select(SiteColumn, PatrolColumn)
            .outerjoin(PatrolColumn, PatrolColumn.column_id == SiteColumn.id)
            .where(SiteColumn.site_id == site_id)
            .order_by(SiteColumn.path)
        ).all()
        columns = tuple(_column(column, live) for column, live in rows)
        run = session.scalars(
            select(PatrolRun)
            .where(PatrolRun.site_id == site_id)
            .order_by(PatrolRun.started_at.desc(), PatrolRun.id.desc())
            .limit(1)
        ).first()
        if run is None:
            return LastPatrol(site_id, code, columns)
        links: dict[str, list[LinkLine]] = {BROKEN: [], HIDDEN: [], FOREIGN: []}
        for link in session.scalars(
            select(PatrolLink).where(PatrolLink.run_id == run.id).order_by(PatrolLink.id)
        ):
            shown = links.setdefault(link.kind, [])
            if len(shown) < LINK_LIMIT:
                shown.append(
                    LinkLine(
                        link.kind, link.url, link.on_url, link.home, link.status, link.error,
                        link.detail,
                    )
                )  # fmt: skip
    return LastPatrol(
        site_id,
        code,
        columns,
        run.finished_at or run.started_at,
        run.pages,
        run.new_posts,
        run.error,
        run.stopped,
        tuple(links[BROKEN]),
        tuple(links[HIDDEN]),
        tuple(links[FOREIGN]),
    )


def _column(column: SiteColumn, live: PatrolColumn | None) -> ColumnLine:
    if live is None:
        error = None if column.list_url else NO_ADDRESS
        return ColumnLine(column.id, column.code, column.name, column.list_url, error=error)
    return ColumnLine(
        column.id,
        column.code,
        column.name,
        column.list_url or live.url,
        live.last_item_date,
        live.items,
        live.dated,
        live.error,
    )


def as_last(site_id: int, result: SiteResult) -> LastPatrol:
    """A patrol not stored (an operator who may only read) shown as the detail shows one."""
    report = result.report()
    columns = tuple(
        ColumnLine(0, c.code, c.name, c.url, c.last_item_date, len(c.items), c.dated, c.error)
        for c in result.columns
    )

    def line(kind: str, values: dict[str, Any], on: str, detail: str | None) -> LinkLine:
        return LinkLine(kind, values["url"], on, bool(values.get("home")),
                        values.get("status"), values.get("error"), detail)  # fmt: skip

    return LastPatrol(
        site_id,
        result.site_code,
        columns,
        result.finished_at,
        result.pages,
        len(result.new_posts),
        result.error,
        result.stopped,
        tuple(line(BROKEN, b, b["on"], None) for b in report["broken_links"]),
        tuple(line(HIDDEN, h, h["on"], h["snippet"]) for h in report["hidden_links"]),
        tuple(
            line(FOREIGN, f, page, f["to"]) for f in report["foreign_redirects"] for page in f["on"]
        ),
    )
