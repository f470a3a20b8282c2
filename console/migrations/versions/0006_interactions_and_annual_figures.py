"""interaction channels and messages, entered figures of the annual report

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "interaction_channels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("working", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_interaction_channels_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction_channels")),
        sa.UniqueConstraint("site_id", "name", name=op.f("uq_interaction_channels_site_id_name")),
    )
    op.create_table(
        "interaction_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("received_at", TIMESTAMP, nullable=False),
        sa.Column("answered_at", TIMESTAMP, nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("valid", sa.Boolean(), nullable=False),
        sa.Column("invalid_reason", sa.String(length=200), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("answering_unit", sa.String(length=200), nullable=False),
        sa.Column("imported_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["interaction_channels.id"],
            name=op.f("fk_interaction_messages_channel_id_interaction_channels"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction_messages")),
        sa.UniqueConstraint(
            "channel_id", "number", name=op.f("uq_interaction_messages_channel_id_number")
        ),
    )
    op.create_index(
        op.f("ix_interaction_messages_channel_id_received_at"),
        "interaction_messages",
        ["channel_id", "received_at"],
    )
    op.create_table(
        "annual_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=1000), nullable=False),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("entered_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_annual_figures_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annual_figures")),
        sa.UniqueConstraint(
            "site_id", "year", "key", name=op.f("uq_annual_figures_site_id_year_key")
        ),
    )


def downgrade() -> None:
    op.drop_table("annual_figures")
    op.drop_index(
        op.f("ix_interaction_messages_channel_id_received_at"), table_name="interaction_messages"
    )
    op.drop_table("interaction_messages")
    op.drop_table("interaction_channels")
