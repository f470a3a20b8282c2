"""Site patrols (网站巡查): what the last patrols found on the live sites, and who patrols what.

A column's list-page address lives on ``site_columns.list_url``. Each stored patrol is a
``patrol_runs`` row with its report; ``patrol_columns`` keeps each column's live last update
(the newest dated item on or before the patrol's day); ``patrol_links`` the broken, hidden and
foreign-redirecting links a run found; ``patrol_posts`` the articles the patrols read, unique
per site by address (the address's hash keeps the key short on every engine), each tied to
the post it became; ``patrol_pages`` what was read at each address with its validators (for
conditional requests next time); ``patrol_leases`` hands due sites to patrol processes, one
at a time.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, LongText, utcnow


class PatrolRun(Base):
    """One stored patrol of one site: its figures, its error, and its whole report (JSON)."""

    __tablename__ = "patrol_runs"
    __table_args__ = (Index("ix_patrol_runs_site_id_started_at", "site_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime | None]
    home_url: Mapped[str | None] = mapped_column(String(1000))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    new_posts: Mapped[int] = mapped_column(Integer, default=0)
    broken_links: Mapped[int] = mapped_column(Integer, default=0)
    hidden_links: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(300))
    stopped: Mapped[bool] = mapped_column(Boolean, default=False)
    report: Mapped[str] = mapped_column(LongText)
    stored_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PatrolColumn(Base):
    """A column as its site's last stored patrol saw it: address, items, live last update."""

    __tablename__ = "patrol_columns"

    column_id: Mapped[int] = mapped_column(
        ForeignKey("site_columns.id", ondelete="CASCADE"), primary_key=True
    )
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    patrolled_at: Mapped[dt.datetime]
    url: Mapped[str | None] = mapped_column(String(1000))
    last_item_date: Mapped[dt.date | None] = mapped_column(Date)
    items: Mapped[int] = mapped_column(Integer, default=0)
    dated: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(String(300))


class PatrolLink(Base):
    """A link a run found wanting: ``broken``, ``hidden`` (暗链) or ``foreign`` (redirects off
    the site); ``detail`` holds the hiding snippet or the redirect's target."""

    __tablename__ = "patrol_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("patrol_runs.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    url: Mapped[str] = mapped_column(String(1000))
    on_url: Mapped[str] = mapped_column(String(1000))
    home: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(1000))


class PatrolPost(Base):
    """An article a patrol read, unique per site by address, and the post it is stored as."""

    __tablename__ = "patrol_posts"
    __table_args__ = (UniqueConstraint("site_id", "url_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    url_hash: Mapped[str] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(String(1000))
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    column_id: Mapped[int | None] = mapped_column(
        ForeignKey("site_columns.id", ondelete="SET NULL")
    )
    content_hash: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PatrolPage(Base):
    """What the last stored patrol read at an address of a site (``PageRecord`` as JSON, with
    its validators), so the next patrol, in any process, asks conditionally."""

    __tablename__ = "patrol_pages"
    __table_args__ = (UniqueConstraint("site_id", "url_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    url_hash: Mapped[str] = mapped_column(String(64))
    record: Mapped[str] = mapped_column(LongText)


class PatrolLease(Base):
    """Which patrol process holds a site until when, and when the site was last patrolled."""

    __tablename__ = "patrol_leases"
    __table_args__ = (Index("ix_patrol_leases_lease_until", "lease_until"),)

    site_id: Mapped[int] = mapped_column(
        ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True
    )
    holder: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[dt.datetime | None]
    last_patrolled_at: Mapped[dt.datetime | None]
