"""the timeout each probe ran with

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The reachability rule counts a probe that gave up before the rule's timeout (a quick
    # sweep) as neither loaded nor failed: it needs to know what each probe waited for.
    with op.batch_alter_table("probe_results") as batch:
        batch.add_column(sa.Column("timeout_ms", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("probe_results") as batch:
        batch.drop_column("timeout_ms")
