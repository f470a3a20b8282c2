"""Column presets: named, versioned trees of standard columns applied to many sites."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, Versioned, utcnow


class ColumnType(enum.StrEnum):
    """What a column carries; the inspection rules treat each type differently."""

    NEWS = "news"
    NOTICE = "notice"
    POLICY = "policy"
    DISCLOSURE = "disclosure"
    SERVICE = "service"
    INTERACTION = "interaction"
    OTHER = "other"


class ColumnPreset(Versioned, Base):
    """A named standard column tree for one kind of site."""

    __tablename__ = "column_presets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    site_kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PresetVersion(Base):
    """A frozen version of a preset; saving an edited tree creates the next one."""

    __tablename__ = "preset_versions"
    __table_args__ = (UniqueConstraint("preset_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    preset_id: Mapped[int] = mapped_column(ForeignKey("column_presets.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))


class PresetColumn(Base):
    """One column of a preset version."""

    __tablename__ = "preset_columns"
    __table_args__ = (Index("ix_preset_columns_version_id_position", "version_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("preset_versions.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("preset_columns.id"))
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(64))
    column_type: Mapped[str] = mapped_column(String(16))
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    max_idle_days: Mapped[int | None]
    position: Mapped[int] = mapped_column(Integer, default=0)
