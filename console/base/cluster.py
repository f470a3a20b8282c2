"""Cluster-wide settings, notably whether this database is a demo cluster."""

from __future__ import annotations

from sqlalchemy.orm import Session

from console.schema import ClusterSetting

DEMO_KEY = "demo"


def is_demo(session: Session) -> bool:
    """Whether the database was generated as a demo cluster (its passwords are public)."""
    setting = session.get(ClusterSetting, DEMO_KEY)
    return setting is not None and setting.value == "1"


def mark_demo(session: Session) -> None:
    """Mark the database as a demo cluster (done only by the demo generator)."""
    session.merge(ClusterSetting(key=DEMO_KEY, value="1", version=1))
