"""Security filings (ICP, 公安联网备案, 等级保护) and the results of live probes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, Versioned


class Filing(Versioned, Base):
    """The filing record of one site: one row per site."""

    __tablename__ = "filings"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), unique=True)
    icp_number: Mapped[str | None] = mapped_column(String(40))
    icp_date: Mapped[dt.date | None]
    psb_number: Mapped[str | None] = mapped_column(String(40))
    psb_date: Mapped[dt.date | None]
    mlps_level: Mapped[int | None] = mapped_column(Integer)
    graded_on: Mapped[dt.date | None]
    mlps_form_number: Mapped[str | None] = mapped_column(String(11))
    mlps_filed_on: Mapped[dt.date | None]
    assessed_on: Mapped[dt.date | None]
    assessment_result: Mapped[str | None] = mapped_column(String(40))
    rectification_notes: Mapped[str] = mapped_column(Text, default="")


class FilingAttachment(Base):
    """A reference to a document (scan of a certificate, an assessment report) of a filing."""

    __tablename__ = "filing_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    filing_id: Mapped[int] = mapped_column(ForeignKey("filings.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(1000))


class ProbeResult(Base):
    """One probe of a site's home page; kept as history for the reachability rule."""

    __tablename__ = "probe_results"
    __table_args__ = (Index("ix_probe_results_site_id_probed_at", "site_id", "probed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    probed_at: Mapped[dt.datetime]
    url: Mapped[str] = mapped_column(String(1000))
    ok: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[int | None] = mapped_column(Integer)
    latency_ms: Mapped[int | None] = mapped_column(Integer)
    https: Mapped[bool | None] = mapped_column(Boolean)
    cert_not_after: Mapped[dt.datetime | None]
    cert_valid: Mapped[bool | None] = mapped_column(Boolean)
    ipv6: Mapped[bool | None] = mapped_column(Boolean)
    footer_site_code: Mapped[bool | None] = mapped_column(Boolean)
    footer_icp: Mapped[bool | None] = mapped_column(Boolean)
    footer_psb: Mapped[bool | None] = mapped_column(Boolean)
    error: Mapped[str | None] = mapped_column(String(1000))
    redirects_to_https: Mapped[bool | None] = mapped_column(Boolean)
    final_url: Mapped[str | None] = mapped_column(String(1000))
    cert_subject: Mapped[str | None] = mapped_column(String(500))
    cert_issuer: Mapped[str | None] = mapped_column(String(500))
    # A redirect to a host the register does not know is a finding, never followed silently.
    foreign_host: Mapped[str | None] = mapped_column(String(253))
    # What the probe waited for the home page (None: probed before this was recorded).
    timeout_ms: Mapped[int | None] = mapped_column(Integer)
