"""site patrol: column addresses, patrol runs, live column dates, links, posts, pages, leases

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
LONG_TEXT = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")


def _site(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["site_id"], ["sites.id"], name=op.f(f"fk_{table}_site_id_sites"), ondelete="CASCADE"
    )


def upgrade() -> None:
    with op.batch_alter_table("site_columns") as batch:
        batch.add_column(sa.Column("list_url", sa.String(length=1000), nullable=True))
    op.create_table(
        "patrol_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("started_at", TIMESTAMP, nullable=False),
        sa.Column("finished_at", TIMESTAMP, nullable=True),
        sa.Column("home_url", sa.String(length=1000), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("new_posts", sa.Integer(), nullable=False),
        sa.Column("broken_links", sa.Integer(), nullable=False),
        sa.Column("hidden_links", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(length=300), nullable=True),
        sa.Column("stopped", sa.Boolean(), nullable=False),
        sa.Column("report", LONG_TEXT, nullable=False),
        sa.Column("stored_at", TIMESTAMP, nullable=False),
        _site("patrol_runs"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_runs")),
    )
    op.create_index("ix_patrol_runs_site_id_started_at", "patrol_runs", ["site_id", "started_at"])
    op.create_table(
        "patrol_columns",
        sa.Column("column_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("patrolled_at", TIMESTAMP, nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=True),
        sa.Column("last_item_date", sa.Date(), nullable=True),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("dated", sa.Boolean(), nullable=False),
        sa.Column("error", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["site_columns.id"],
            name=op.f("fk_patrol_columns_column_id_site_columns"),
            ondelete="CASCADE",
        ),
        _site("patrol_columns"),
        sa.PrimaryKeyConstraint("column_id", name=op.f("pk_patrol_columns")),
    )
    op.create_index(op.f("ix_patrol_columns_site_id"), "patrol_columns", ["site_id"])
    op.create_table(
        "patrol_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("on_url", sa.String(length=1000), nullable=False),
        sa.Column("home", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.String(length=1000), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["patrol_runs.id"],
            name=op.f("fk_patrol_links_run_id_patrol_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_links")),
    )
    op.create_index(op.f("ix_patrol_links_run_id"), "patrol_links", ["run_id"])
    op.create_table(
        "patrol_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("url_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("column_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("first_seen_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["site_columns.id"],
            name=op.f("fk_patrol_posts_column_id_site_columns"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_patrol_posts_post_id_posts"),
            ondelete="CASCADE",
        ),
        _site("patrol_posts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_posts")),
        sa.UniqueConstraint("site_id", "url_hash", name=op.f("uq_patrol_posts_site_id_url_hash")),
    )
    op.create_index(op.f("ix_patrol_posts_post_id"), "patrol_posts", ["post_id"])
    op.create_table(
        "patrol_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("url_hash", sa.String(length=64), nullable=False),
        sa.Column("record", LONG_TEXT, nullable=False),
        _site("patrol_pages"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_pages")),
        sa.UniqueConstraint("site_id", "url_hash", name=op.f("uq_patrol_pages_site_id_url_hash")),
    )
    op.create_table(
        "patrol_leases",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=100), nullable=True),
        sa.Column("lease_until", TIMESTAMP, nullable=True),
        sa.Column("last_patrolled_at", TIMESTAMP, nullable=True),
        _site("patrol_leases"),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_patrol_leases")),
    )
    op.create_index("ix_patrol_leases_lease_until", "patrol_leases", ["lease_until"])


def downgrade() -> None:
    # Dropping a table drops its indexes (MariaDB refuses to drop one a foreign key needs).
    op.drop_table("patrol_leases")
    op.drop_table("patrol_pages")
    op.drop_table("patrol_posts")
    op.drop_table("patrol_links")
    op.drop_table("patrol_columns")
    op.drop_table("patrol_runs")
    with op.batch_alter_table("site_columns") as batch:
        batch.drop_column("list_url")
