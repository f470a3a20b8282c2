"""A tiny cluster for the preset and inspection tests, written straight into the tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.base.actor import Actor
from console.db import SessionFactory
from console.presets.files import ColumnSpec, PresetFile
from console.schema import ColumnType, Duty, Post, Site, SiteColumn, SiteKind

ADMIN = Actor(None, "admin", frozenset({Duty.SYSTEM_ADMIN}))
READER = Actor(None, "reader", frozenset({Duty.REVIEWER}))
AS_OF = dt.date(2026, 11, 1)


def column(
    code: str,
    *children: ColumnSpec,
    kind: ColumnType = ColumnType.NEWS,
    idle: int | None = 14,
    required: bool = True,
    name: str = "",
) -> ColumnSpec:
    """A preset column; its name defaults to ``栏目<code>``."""
    return ColumnSpec(name or f"栏目{code}", code, kind, required, idle, tuple(children))


def preset(*columns: ColumnSpec, name: str = "部门测试预设") -> PresetFile:
    """A department preset of ``columns``."""
    return PresetFile(name, SiteKind.DEPARTMENT, "测试用", tuple(columns))


def add_site(
    sessions: SessionFactory,
    code: str,
    kind: str = "department",
    state: str = "running",
    home: dt.datetime | None = dt.datetime(2026, 10, 30, 9),
) -> int:
    """Insert a site; its id."""
    now = dt.datetime(2026, 1, 1)
    with sessions.begin() as session:
        return int(
            session.execute(
                insert(Site).returning(Site.id),
                {
                    "code": code,
                    "name": f"测试站{code}",
                    "kind": kind,
                    "region_code": code[:6],
                    "organiser_name": f"测试单位{code}",
                    "organiser_uscc": "11331200MB0000000X",
                    "state": state,
                    "home_updated_at": home,
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                },
            ).scalar_one()
        )


def add_column(
    session: Session,
    site_id: int,
    code: str,
    parent: SiteColumn | None = None,
    kind: ColumnType = ColumnType.NEWS,
    idle: int | None = 14,
    last: dt.datetime | None = None,
    name: str = "",
    position: int = 0,
) -> SiteColumn:
    """Add a site column (flushed, with its path)."""
    row = SiteColumn(
        site_id=site_id,
        parent_id=parent.id if parent else None,
        path="",
        name=name or f"栏目{code}",
        code=code,
        column_type=kind.value,
        position=position,
        max_idle_days=idle,
        last_updated_at=last,
    )
    session.add(row)
    session.flush()
    row.path = f"{parent.path if parent else '/'}{row.id}/"
    session.flush()
    return row


def add_posts(session: Session, site_id: int, column_id: int, at: dt.datetime, n: int = 1) -> None:
    """``n`` published posts in a column, all at ``at``."""
    session.execute(
        insert(Post),
        [
            {
                "site_id": site_id,
                "column_id": column_id,
                "title": f"稿件{i}",
                "body": "正文",
                "published_at": at,
                "updated_at": at,
                "content_hash": "0" * 64,
            }
            for i in range(n)
        ],
    )


def days_before(days: int) -> dt.datetime:
    """Noon ``days`` days before ``AS_OF``."""
    return dt.datetime.combine(AS_OF - dt.timedelta(days=days), dt.time(12))


def columns_of(sessions: SessionFactory, site_id: int) -> list[tuple[object, ...]]:
    """Every column row of a site, as plain tuples ordered by id."""
    with sessions() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    SiteColumn.id,
                    SiteColumn.parent_id,
                    SiteColumn.path,
                    SiteColumn.name,
                    SiteColumn.code,
                    SiteColumn.position,
                    SiteColumn.column_type,
                    SiteColumn.max_idle_days,
                    SiteColumn.preset_column_id,
                    SiteColumn.version,
                )
                .where(SiteColumn.site_id == site_id)
                .order_by(SiteColumn.id)
            )
        ]


def site_codes(codes: Sequence[str]) -> list[str]:
    """Ten-character site codes from short suffixes."""
    return [f"331200{c:0>4}" for c in codes]
