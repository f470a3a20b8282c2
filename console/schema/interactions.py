"""Interaction channels (互动交流) of the sites and the messages they received.

Only what the 互动回应差 rule and the annual report need is kept of a message: when it came
and when it was answered or closed, whether it counts (valid, or why not), whether the reply
was public and which unit answered. Nothing about the person who wrote it is stored.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, Versioned, utcnow


class ChannelKind(enum.StrEnum):
    """What a channel is for; only 政务咨询 channels fall under the 3-month rule."""

    CONSULTATION = "consultation"
    SUGGESTION = "suggestion"
    INTERVIEW = "interview"
    SURVEY = "survey"
    PETITION = "petition"
    DISCIPLINE = "discipline"
    OTHER = "other"


class MessageState(enum.StrEnum):
    """Where a message stands on the interaction platform."""

    PENDING = "pending"
    ANSWERED = "answered"
    CLOSED = "closed"


class InteractionChannel(Versioned, Base):
    """A channel of a site on the interaction platform (a 书记信箱, a 咨询 column …)."""

    __tablename__ = "interaction_channels"
    __table_args__ = (UniqueConstraint("site_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    # A channel taken down (or broken) no longer counts as a working consultation channel.
    working: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class InteractionMessage(Base):
    """One message of a channel, as the platform last reported it."""

    __tablename__ = "interaction_messages"
    __table_args__ = (
        UniqueConstraint("channel_id", "number"),
        Index("ix_interaction_messages_channel_id_received_at", "channel_id", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(
        ForeignKey("interaction_channels.id", ondelete="CASCADE")
    )
    number: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[dt.datetime]
    answered_at: Mapped[dt.datetime | None]
    state: Mapped[str] = mapped_column(String(16))
    valid: Mapped[bool] = mapped_column(Boolean, default=True)
    invalid_reason: Mapped[str | None] = mapped_column(String(200))
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    answering_unit: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
