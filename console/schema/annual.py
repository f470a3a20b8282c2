"""Figures of the 政府网站工作年度报表 entered by operators (the console counts the rest)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, Versioned, utcnow


class AnnualFigure(Versioned, Base):
    """One entered figure of a site's report for a year; each change is journalled."""

    __tablename__ = "annual_figures"
    __table_args__ = (UniqueConstraint("site_id", "year", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(1000))
    entered_by: Mapped[str] = mapped_column(String(64))
    entered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
