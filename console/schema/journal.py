"""The journal: an append-only, hash-chained record of every change made through the console."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, LongText


class JournalEntry(Base):
    """One change: who, when, what, on which object, before and after; linked by hash."""

    __tablename__ = "journal"
    __table_args__ = (
        Index("ix_journal_operator_name_at", "operator_name", "at"),
        Index("ix_journal_target_type_target_id", "target_type", "target_id"),
        Index("ix_journal_action_at", "action", "at"),
        Index("ix_journal_at", "at"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime]
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    operator_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(64))
    target_label: Mapped[str] = mapped_column(String(300))
    before: Mapped[str] = mapped_column(LongText)
    after: Mapped[str] = mapped_column(LongText)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class JournalHead(Base):
    """A single row naming the newest entry; writers lock it so the chain never forks."""

    __tablename__ = "journal_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
