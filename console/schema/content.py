"""Posts of the cluster's sites, the screening lexicon and the audit queue."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, LongText, Versioned, utcnow


class QueueState(enum.StrEnum):
    """Where an audit-queue item stands; an item is decided exactly once."""

    PENDING = "pending"
    CLAIMED = "claimed"
    APPROVED = "approved"
    RETURNED = "returned"
    TAKEN_DOWN = "taken_down"
    WHITELISTED = "whitelisted"


class PostStatus(enum.StrEnum):
    """Whether a post is on its site, sent back to its editor, or withdrawn by a reviewer."""

    PUBLISHED = "published"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"


class Post(Base):
    """An article published (or submitted) on a site of the cluster."""

    __tablename__ = "posts"
    __table_args__ = (
        Index("ix_posts_site_id_published_at", "site_id", "published_at"),
        Index("ix_posts_column_id_published_at", "column_id", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    column_id: Mapped[int | None] = mapped_column(ForeignKey("site_columns.id"))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(LongText)
    author_account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    url: Mapped[str] = mapped_column(String(1000), default="")
    published_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    content_hash: Mapped[str] = mapped_column(String(64))
    screened_hash: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(
        String(16), default=PostStatus.PUBLISHED, server_default=PostStatus.PUBLISHED.value
    )


class LexiconTerm(Versioned, Base):
    """A screening term with its category and severity."""

    __tablename__ = "lexicon_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(200), unique=True)
    category: Mapped[str] = mapped_column(String(32))
    severity: Mapped[int] = mapped_column(Integer, default=1)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class WhitelistPhrase(Versioned, Base):
    """A phrase that contains a term but is fine; occurrences inside it are not findings."""

    __tablename__ = "whitelist_phrases"

    id: Mapped[int] = mapped_column(primary_key=True)
    phrase: Mapped[str] = mapped_column(String(200), unique=True)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class QueueItem(Versioned, Base):
    """A post with findings, waiting for (or having had) a reviewer's decision."""

    __tablename__ = "queue_items"
    __table_args__ = (
        Index("ix_queue_items_state_priority_id", "state", "priority", "id"),
        Index("ix_queue_items_lease_until", "lease_until"),
        Index("ix_queue_items_post_id", "post_id"),
        Index("ix_queue_items_state_created_at_id", "state", "created_at", "id"),
        Index("ix_queue_items_claimed_by_state", "claimed_by", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    content_hash: Mapped[str] = mapped_column(String(64))
    findings: Mapped[str] = mapped_column(LongText)
    finding_count: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default=QueueState.PENDING)
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    lease_until: Mapped[dt.datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    decided_at: Mapped[dt.datetime | None]
    decision_note: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
