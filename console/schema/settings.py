"""Cluster-wide settings stored in the database (e.g. whether it is a demo cluster)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from console.schema.base import Base, Versioned


class ClusterSetting(Versioned, Base):
    """A named setting shared by every console connected to the cluster."""

    __tablename__ = "cluster_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(1000))
