"""Declarative base, naming convention and the column helpers every table shares."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, Text
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints make migrations portable: SQLite batch mode, PostgreSQL and MariaDB all
# need to know a constraint's name to drop or alter it.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time as a naive UTC datetime, the form every timestamp is stored in."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# MySQL/MariaDB DATETIME drops fractions and TEXT stops at 64 KiB unless told otherwise; the
# journal hashes timestamps to the microsecond and post bodies can be long.
Timestamp = DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
LongText = Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")


class Base(DeclarativeBase):
    """Base of every model; its metadata is what Alembic compares against."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: Timestamp}  # noqa: RUF012 - SQLAlchemy's own hook


class Versioned:
    """Mixin for rows operators edit: a version column for optimistic locking.

    Services set the next version themselves (``console.base.editing``); SQLAlchemy adds
    ``WHERE version = <old>`` to the UPDATE and raises ``StaleDataError`` when the row changed
    underneath, which the services turn into a conflict the operator can act on.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {
            "version_id_col": cls.__table__.c.version,  # type: ignore[attr-defined]
            "version_id_generator": False,
        }
