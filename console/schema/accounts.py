"""Subsite editors' accounts and the role grants scoped to a site or a column subtree."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, Versioned, utcnow


class Role(enum.StrEnum):
    """What a grant lets an editor do within its scope."""

    EDITOR = "editor"
    REVIEWER = "reviewer"
    PUBLISHER = "publisher"
    SITE_ADMIN = "site_admin"


class AccountStatus(enum.StrEnum):
    """Whether an editor may log in to the content system."""

    ACTIVE = "active"
    DISABLED = "disabled"
    LOCKED = "locked"


class Account(Versioned, Base):
    """An editor of one or more subsites (not a console operator)."""

    __tablename__ = "accounts"
    __table_args__ = (
        Index("ix_accounts_site_id_username", "site_id", "username"),
        Index("ix_accounts_status_username", "status", "username"),
        Index("ix_accounts_full_name_id", "full_name", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(100))
    organisation: Mapped[str] = mapped_column(String(200))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"))
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default=AccountStatus.ACTIVE)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_login_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Grant(Versioned, Base):
    """A role given to an account over a whole site or a column subtree, optionally expiring."""

    __tablename__ = "grants"
    __table_args__ = (
        Index("ix_grants_site_id_role", "site_id", "role"),
        Index("ix_grants_account_id_site_id", "account_id", "site_id"),
        Index("ix_grants_column_id", "column_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    column_id: Mapped[int | None] = mapped_column(ForeignKey("site_columns.id"))
    expires_at: Mapped[dt.datetime | None]
    granted_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    granted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
