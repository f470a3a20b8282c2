"""Console operators (the central team's own logins) and their duties (三员分立 + reviewers)."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.schema.base import Base, Versioned, utcnow


class Duty(enum.StrEnum):
    """What an operator may do. System, security and audit administration are held apart."""

    SYSTEM_ADMIN = "sysadmin"
    SECURITY_ADMIN = "secadmin"
    AUDIT_ADMIN = "auditor"
    REVIEWER = "reviewer"


class Operator(Versioned, Base):
    """A person who logs in to the console."""

    __tablename__ = "operators"
    # MariaDB's INSERT … RETURNING needs SELECT on every column inserted, and duty logins may
    # not read the hashes (console.db.roles.HIDDEN): the new id comes back another way.
    __table_args__ = ({"implicit_returning": False},)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    # What only the owner's routines read on a server (console.db.roles.HIDDEN): loaded on
    # first use, so reading an operator never asks for them (passwords.Hashed).
    password_hash: Mapped[str] = mapped_column(String(255), deferred=True)
    # SHA-256 of the password's proof, which a server's login routine checks.
    password_check: Mapped[str] = mapped_column(
        String(64), default="", server_default="", deferred=True
    )
    # The hash without its digest: what a console needs to compute the proof.
    password_salt: Mapped[str] = mapped_column(String(160), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None]
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    duties: Mapped[list[OperatorDuty]] = relationship(
        back_populates="operator", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def duty_set(self) -> frozenset[Duty]:
        """The operator's duties as a set of ``Duty`` values."""
        return frozenset(Duty(d.duty) for d in self.duties)


class OperatorDuty(Base):
    """One duty held by one operator."""

    __tablename__ = "operator_duties"

    operator_id: Mapped[int] = mapped_column(
        ForeignKey("operators.id", ondelete="CASCADE"), primary_key=True
    )
    duty: Mapped[str] = mapped_column(String(16), primary_key=True)

    operator: Mapped[Operator] = relationship(back_populates="duties")
