"""review policy per site, probe details, post status, queue indexes

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sites") as batch:
        batch.add_column(
            sa.Column(
                "publish_requires_review", sa.Boolean(), server_default=sa.true(), nullable=False
            )
        )
    with op.batch_alter_table("probe_results") as batch:
        batch.add_column(sa.Column("redirects_to_https", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("final_url", sa.String(length=1000), nullable=True))
        batch.add_column(sa.Column("cert_subject", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("cert_issuer", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("foreign_host", sa.String(length=253), nullable=True))
    with op.batch_alter_table("posts") as batch:
        batch.add_column(
            sa.Column("status", sa.String(length=16), server_default="published", nullable=False)
        )
    op.create_index(
        op.f("ix_queue_items_state_created_at_id"),
        "queue_items",
        ["state", "created_at", "id"],
    )
    op.create_index(op.f("ix_queue_items_claimed_by_state"), "queue_items", ["claimed_by", "state"])


def downgrade() -> None:
    op.drop_index(op.f("ix_queue_items_claimed_by_state"), table_name="queue_items")
    op.drop_index(op.f("ix_queue_items_state_created_at_id"), table_name="queue_items")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("status")
    with op.batch_alter_table("probe_results") as batch:
        for name in ("foreign_host", "cert_issuer", "cert_subject", "final_url"):
            batch.drop_column(name)
        batch.drop_column("redirects_to_https")
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("publish_requires_review")
