"""Sites and columns as the permission pages pick them: by code, by id path or by names."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from console.base.actor import Actor, require
from console.base.errors import NotFound
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.permissions.rights import CLOSED_STATES, ancestor_ids
from console.schema import Duty, Site, SiteColumn

UNKNOWN_SITE = QT_TR_NOOP("网站 {site} 不存在。")
UNKNOWN_COLUMN = QT_TR_NOOP("栏目 {column} 不属于网站 {site}。")


@dataclass(frozen=True)
class SiteRef:
    """A site as the pickers show it."""

    id: int
    code: str
    name: str
    closed: bool


@dataclass(frozen=True)
class ColumnRef:
    """A column as the tree shows it."""

    id: int
    parent_id: int | None
    name: str
    path: str


def sites(sessions: SessionFactory, actor: Actor) -> list[SiteRef]:
    """Every site, by code, for the pickers of the permission pages."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        rows = session.execute(
            select(Site.id, Site.code, Site.name, Site.state).order_by(Site.code)
        )
        return [SiteRef(i, c, n, s in CLOSED_STATES) for i, c, n, s in rows]


def columns(sessions: SessionFactory, actor: Actor, site_id: int) -> list[ColumnRef]:
    """A site's columns in tree order (parents before children)."""
    require(actor, Duty.SECURITY_ADMIN)
    with sessions() as session:
        rows = session.execute(
            select(SiteColumn.id, SiteColumn.parent_id, SiteColumn.name, SiteColumn.path)
            .where(SiteColumn.site_id == site_id)
            .order_by(SiteColumn.path)
        )
        return [ColumnRef(*row) for row in rows]


def find_site(sessions: SessionFactory, actor: Actor, code: str) -> SiteRef:
    """The site with 网站标识码 ``code``."""
    require(actor, Duty.SECURITY_ADMIN, Duty.SYSTEM_ADMIN)
    with sessions() as session:
        row = session.execute(
            select(Site.id, Site.code, Site.name, Site.state).where(Site.code == code.strip())
        ).first()
    if row is None:
        raise NotFound(UNKNOWN_SITE, site=code)
    return SiteRef(row[0], row[1], row[2], row[3] in CLOSED_STATES)


def find_column(sessions: SessionFactory, actor: Actor, site_id: int, path: str) -> ColumnRef:
    """The column of ``site_id`` at ``path`` (ids ``/1/7/`` or names ``/政务公开/通知公告``)."""
    require(actor, Duty.SECURITY_ADMIN, Duty.SYSTEM_ADMIN)
    wanted = path.strip()
    chosen: ColumnRef | None = None
    with sessions() as session:
        site_name = session.scalar(select(Site.name).where(Site.id == site_id)) or site_id
        rows = [
            ColumnRef(*row)
            for row in session.execute(
                select(SiteColumn.id, SiteColumn.parent_id, SiteColumn.name, SiteColumn.path)
                .where(SiteColumn.site_id == site_id)
                .order_by(SiteColumn.path)
            )
        ]
    by_id = {column.id: column for column in rows}
    for column in rows:
        names = "/" + "/".join(by_id[i].name for i in ancestor_ids(column.path) if i in by_id)
        if wanted in (column.path, column.path.rstrip("/"), names, names.lstrip("/")):
            chosen = column
            break
    if chosen is None:
        raise NotFound(UNKNOWN_COLUMN, column=path, site=site_name)
    return chosen
