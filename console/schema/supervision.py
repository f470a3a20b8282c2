"""Scheduled jobs (a lease row per job, every run recorded) and the monthly report's mail."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, LongText


class JobLease(Base):
    """One row per scheduled job: who runs it now (until when) and when it last ran.

    A scheduler takes a job by a guarded ``UPDATE … WHERE lease_until IS NULL OR lease_until <
    now``; only the one whose update changed the row runs it, whatever the number of machines.
    """

    __tablename__ = "job_leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[dt.datetime | None]
    last_started_at: Mapped[dt.datetime | None]
    last_finished_at: Mapped[dt.datetime | None]
    last_outcome: Mapped[str | None] = mapped_column(String(16))


class JobRun(Base):
    """One run of a scheduled job: when, by whom, how it ended and what it counted."""

    __tablename__ = "job_runs"
    __table_args__ = (Index("ix_job_runs_job_started_at", "job", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(64))
    holder: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime | None]
    outcome: Mapped[str] = mapped_column(String(16))
    counts: Mapped[str] = mapped_column(LongText, default="{}")
    message: Mapped[str] = mapped_column(String(1000), default="")


class ReportDelivery(Base):
    """The monthly report mailed to one unit (a site's 联络员) or to the operations team.

    One row per month and recipient key: a message is sent at most once; a failure keeps the
    row with its error and attempt count, and the next run tries again.
    """

    __tablename__ = "report_deliveries"
    __table_args__ = (UniqueConstraint("month", "unit_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))
    unit_key: Mapped[str] = mapped_column(String(32))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[dt.datetime | None]
    sent_at: Mapped[dt.datetime | None]
    error: Mapped[str] = mapped_column(String(1000), default="")
