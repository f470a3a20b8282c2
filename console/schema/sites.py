"""The site register: sites, their domains and their column trees."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, true
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, Versioned, utcnow


class SiteKind(enum.StrEnum):
    """Kinds of site a cluster may host. Township and street offices have none of their own."""

    PROVINCE_PORTAL = "portal_province"
    CITY_PORTAL = "portal_city"
    COUNTY_PORTAL = "portal_county"
    DEPARTMENT = "department"
    SPECIAL = "special"


class SiteState(enum.StrEnum):
    """Lifecycle of a site, from application to permanent retirement."""

    APPLIED = "applied"
    APPROVED = "approved"
    BADGED = "badged"
    ICP_FILED = "icp_filed"
    PSB_FILED = "psb_filed"
    CODED = "coded"
    RUNNING = "running"
    CHANGING = "changing"
    MERGED = "merged"
    RETIRED = "retired"


class OrganiserType(enum.StrEnum):
    """What kind of body runs the site; a 事业单位 may not use .gov.cn."""

    PARTY_GOVERNMENT = "government"
    PUBLIC_INSTITUTION = "institution"


class Site(Versioned, Base):
    """One website of the cluster (portal, department or special-topic site)."""

    __tablename__ = "sites"
    __table_args__ = (
        Index("ix_sites_parent_id_name", "parent_id", "name"),
        Index("ix_sites_state_code", "state", "code"),
        Index("ix_sites_kind_code", "kind", "code"),
        Index("ix_sites_name_id", "name", "id"),
        Index("ix_sites_organiser_name_id", "organiser_name", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    region_code: Mapped[str] = mapped_column(String(6))
    organiser_name: Mapped[str] = mapped_column(String(200))
    organiser_uscc: Mapped[str] = mapped_column(String(18))
    organiser_type: Mapped[str] = mapped_column(String(16), default=OrganiserType.PARTY_GOVERNMENT)
    state: Mapped[str] = mapped_column(String(16), default=SiteState.APPLIED)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    preset_version_id: Mapped[int | None] = mapped_column(ForeignKey("preset_versions.id"))
    # 先审后发: unless the site's policy says otherwise, nobody both writes and publishes there.
    publish_requires_review: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=true()
    )
    opened_on: Mapped[dt.date | None]
    home_updated_at: Mapped[dt.datetime | None]
    # 联络员: the person the monthly report is sent to for this site (personal data: masked
    # in lists, shown whole only on the site's form).
    contact_name: Mapped[str] = mapped_column(String(50), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="", server_default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SiteDomain(Versioned, Base):
    """A domain of a site, stored in IDNA (punycode) form, lower case."""

    __tablename__ = "site_domains"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    domain: Mapped[str] = mapped_column(String(253), unique=True)
    is_main: Mapped[bool] = mapped_column(Boolean, default=False)


class SiteColumn(Versioned, Base):
    """A column (栏目) of a site; ``path`` is the materialised id path ``/1/7/42/``."""

    __tablename__ = "site_columns"
    __table_args__ = (
        Index("ix_site_columns_site_id_path", "site_id", "path"),
        Index("ix_site_columns_parent_id_position", "parent_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("site_columns.id"))
    path: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(64))
    column_type: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    max_idle_days: Mapped[int | None]
    preset_column_id: Mapped[int | None] = mapped_column(ForeignKey("preset_columns.id"))
    last_updated_at: Mapped[dt.datetime | None]
    # The column's list page on the live site (网站巡查 reads it); None: not known yet.
    list_url: Mapped[str | None] = mapped_column(String(1000))
