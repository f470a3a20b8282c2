"""A cluster database whose register holds the patrol test bed's generated sites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select

from console.base.actor import Actor
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import ClusterSetting, Site, SiteColumn, SiteDomain
from tests.patrol_sites import GovSite
from tests.staff import PASSWORD, bootstrap_staff

CREATED = dt.datetime(2026, 1, 5, 2, 0)


def register(
    sessions: SessionFactory,
    sites: Iterable[GovSite],
    addresses: bool = False,
    domainless: Iterable[str] = (),
) -> dict[str, int]:
    """Register ``sites`` (running, main domain, columns as news columns; their list pages'
    addresses too when ``addresses``) and sites without a domain (codes of ``domainless``);
    site ids by code."""
    ids: dict[str, int] = {}
    with sessions.begin() as session:
        for site in sites:
            row = _site(site.code, site.name)
            session.add(row)
            session.flush()
            ids[site.code] = row.id
            session.add(SiteDomain(site_id=row.id, domain=site.host, is_main=True, version=1))
            for position, column in enumerate(site.columns):
                added = SiteColumn(
                    site_id=row.id,
                    path="/",
                    name=column.name,
                    code=column.code,
                    column_type="news",
                    position=position,
                    list_url=site.url(column.path) if addresses else None,
                    version=1,
                )
                session.add(added)
                session.flush()
                added.path = f"/{added.id}/"
        for code in domainless:
            row = _site(code, f"无域名网站{code[-2:]}")
            session.add(row)
            session.flush()
            ids[code] = row.id
    return ids


def _site(code: str, name: str) -> Site:
    return Site(
        code=code,
        name=name,
        kind="department",
        region_code=code[:6],
        organiser_name=name,
        organiser_uscc="11331200MB0000000X",
        organiser_type="government",
        state="running",
        created_at=CREATED,
        updated_at=CREATED,
        version=1,
    )


def staff(sessions: SessionFactory) -> tuple[Actor, Actor]:
    """The system administrator and the reviewer of a fresh cluster, logged in."""
    bootstrap_staff(sessions)
    return (
        operators.login(sessions, "sysadmin", PASSWORD),
        operators.login(sessions, "reviewer", PASSWORD),
    )


def addresses_of(sessions: SessionFactory, site_id: int) -> dict[str, str | None]:
    """The list-page address of each column of a site, by column code."""
    with sessions() as session:
        rows = session.execute(
            select(SiteColumn.code, SiteColumn.list_url).where(SiteColumn.site_id == site_id)
        )
        return {code: url for code, url in rows}


def quick(sessions: SessionFactory) -> None:
    """Patrol settings for tests: no spacing between a host's requests, short timeouts."""
    with sessions.begin() as session:
        session.add(ClusterSetting(key="patrol.spacing_s", value="0", version=1))
        session.add(ClusterSetting(key="patrol.timeout_s", value="5", version=1))


def count(sessions: SessionFactory, table: type[Any]) -> int:
    """Rows in ``table``."""
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0
