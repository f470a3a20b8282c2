"""initial cluster schema

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the model types at this revision (fractional seconds, long text on MySQL).
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
LONG_TEXT = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "cluster_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=1000), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_cluster_settings")),
    )
    op.create_table(
        "column_presets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("site_kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_column_presets")),
        sa.UniqueConstraint("name", name=op.f("uq_column_presets_name")),
    )
    op.create_table(
        "journal_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_head")),
    )
    # The journal chain starts from one head row; writers lock it to append (see journal.py).
    op.bulk_insert(
        sa.table("journal_head", sa.column("id"), sa.column("seq"), sa.column("hash")),
        [{"id": 1, "seq": 0, "hash": "0" * 64}],
    )
    op.create_table(
        "lexicon_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lexicon_terms")),
        sa.UniqueConstraint("term", name=op.f("uq_lexicon_terms_term")),
    )
    op.create_table(
        "operators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", TIMESTAMP, nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("last_login_at", TIMESTAMP, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operators")),
        sa.UniqueConstraint("username", name=op.f("uq_operators_username")),
    )
    op.create_table(
        "whitelist_phrases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phrase", sa.String(length=200), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_whitelist_phrases")),
        sa.UniqueConstraint("phrase", name=op.f("uq_whitelist_phrases_phrase")),
    )
    op.create_table(
        "journal",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", TIMESTAMP, nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("operator_name", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target_type", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.String(length=64), nullable=False),
        sa.Column("target_label", sa.String(length=300), nullable=False),
        sa.Column("before", LONG_TEXT, nullable=False),
        sa.Column("after", LONG_TEXT, nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name=op.f("fk_journal_operator_id_operators")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_journal")),
    )
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.create_index("ix_journal_action_at", ["action", "at"], unique=False)
        batch_op.create_index("ix_journal_at", ["at"], unique=False)
        batch_op.create_index("ix_journal_operator_name_at", ["operator_name", "at"], unique=False)
        batch_op.create_index(
            "ix_journal_target_type_target_id", ["target_type", "target_id"], unique=False
        )

    op.create_table(
        "operator_duties",
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("duty", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["operators.id"],
            name=op.f("fk_operator_duties_operator_id_operators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("operator_id", "duty", name=op.f("pk_operator_duties")),
    )
    op.create_table(
        "preset_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preset_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["operators.id"], name=op.f("fk_preset_versions_created_by_operators")
        ),
        sa.ForeignKeyConstraint(
            ["preset_id"],
            ["column_presets.id"],
            name=op.f("fk_preset_versions_preset_id_column_presets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preset_versions")),
        sa.UniqueConstraint(
            "preset_id", "number", name=op.f("uq_preset_versions_preset_id_number")
        ),
    )
    op.create_table(
        "preset_columns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("column_type", sa.String(length=16), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("max_idle_days", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["preset_columns.id"],
            name=op.f("fk_preset_columns_parent_id_preset_columns"),
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["preset_versions.id"],
            name=op.f("fk_preset_columns_version_id_preset_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preset_columns")),
    )
    with op.batch_alter_table("preset_columns", schema=None) as batch_op:
        batch_op.create_index(
            "ix_preset_columns_version_id_position", ["version_id", "position"], unique=False
        )

    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("region_code", sa.String(length=6), nullable=False),
        sa.Column("organiser_name", sa.String(length=200), nullable=False),
        sa.Column("organiser_uscc", sa.String(length=18), nullable=False),
        sa.Column("organiser_type", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("preset_version_id", sa.Integer(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("home_updated_at", TIMESTAMP, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["sites.id"], name=op.f("fk_sites_merged_into_id_sites")
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["sites.id"], name=op.f("fk_sites_parent_id_sites")),
        sa.ForeignKeyConstraint(
            ["preset_version_id"],
            ["preset_versions.id"],
            name=op.f("fk_sites_preset_version_id_preset_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
        sa.UniqueConstraint("code", name=op.f("uq_sites_code")),
    )
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.create_index("ix_sites_kind_code", ["kind", "code"], unique=False)
        batch_op.create_index("ix_sites_name_id", ["name", "id"], unique=False)
        batch_op.create_index("ix_sites_organiser_name_id", ["organiser_name", "id"], unique=False)
        batch_op.create_index("ix_sites_parent_id_name", ["parent_id", "name"], unique=False)
        batch_op.create_index("ix_sites_state_code", ["state", "code"], unique=False)

    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=100), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_login_at", TIMESTAMP, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_accounts_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("username", name=op.f("uq_accounts_username")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index("ix_accounts_full_name_id", ["full_name", "id"], unique=False)
        batch_op.create_index("ix_accounts_site_id_username", ["site_id", "username"], unique=False)
        batch_op.create_index("ix_accounts_status_username", ["status", "username"], unique=False)

    op.create_table(
        "filings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("icp_number", sa.String(length=40), nullable=True),
        sa.Column("icp_date", sa.Date(), nullable=True),
        sa.Column("psb_number", sa.String(length=40), nullable=True),
        sa.Column("psb_date", sa.Date(), nullable=True),
        sa.Column("mlps_level", sa.Integer(), nullable=True),
        sa.Column("graded_on", sa.Date(), nullable=True),
        sa.Column("mlps_form_number", sa.String(length=11), nullable=True),
        sa.Column("mlps_filed_on", sa.Date(), nullable=True),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("assessment_result", sa.String(length=40), nullable=True),
        sa.Column("rectification_notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_filings_site_id_sites"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filings")),
        sa.UniqueConstraint("site_id", name=op.f("uq_filings_site_id")),
    )
    op.create_table(
        "probe_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("probed_at", TIMESTAMP, nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=True),
        sa.Column("https", sa.Boolean(), nullable=True),
        sa.Column("cert_not_after", TIMESTAMP, nullable=True),
        sa.Column("cert_valid", sa.Boolean(), nullable=True),
        sa.Column("ipv6", sa.Boolean(), nullable=True),
        sa.Column("footer_site_code", sa.Boolean(), nullable=True),
        sa.Column("footer_icp", sa.Boolean(), nullable=True),
        sa.Column("footer_psb", sa.Boolean(), nullable=True),
        sa.Column("error", sa.String(length=1000), nullable=True),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_probe_results_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_probe_results")),
    )
    with op.batch_alter_table("probe_results", schema=None) as batch_op:
        batch_op.create_index(
            "ix_probe_results_site_id_probed_at", ["site_id", "probed_at"], unique=False
        )

    op.create_table(
        "site_columns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("column_type", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("max_idle_days", sa.Integer(), nullable=True),
        sa.Column("preset_column_id", sa.Integer(), nullable=True),
        sa.Column("last_updated_at", TIMESTAMP, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["site_columns.id"], name=op.f("fk_site_columns_parent_id_site_columns")
        ),
        sa.ForeignKeyConstraint(
            ["preset_column_id"],
            ["preset_columns.id"],
            name=op.f("fk_site_columns_preset_column_id_preset_columns"),
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_site_columns_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_columns")),
    )
    with op.batch_alter_table("site_columns", schema=None) as batch_op:
        batch_op.create_index(
            "ix_site_columns_parent_id_position", ["parent_id", "position"], unique=False
        )
        batch_op.create_index("ix_site_columns_site_id_path", ["site_id", "path"], unique=False)

    op.create_table(
        "site_domains",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(length=253), nullable=False),
        sa.Column("is_main", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_site_domains_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_domains")),
        sa.UniqueConstraint("domain", name=op.f("uq_site_domains_domain")),
    )
    with op.batch_alter_table("site_domains", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_domains_site_id"), ["site_id"], unique=False)

    op.create_table(
        "filing_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filing_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["filing_id"],
            ["filings.id"],
            name=op.f("fk_filing_attachments_filing_id_filings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filing_attachments")),
    )
    with op.batch_alter_table("filing_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_filing_attachments_filing_id"), ["filing_id"], unique=False
        )

    op.create_table(
        "grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("column_id", sa.Integer(), nullable=True),
        sa.Column("expires_at", TIMESTAMP, nullable=True),
        sa.Column("granted_by", sa.Integer(), nullable=True),
        sa.Column("granted_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_grants_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["column_id"], ["site_columns.id"], name=op.f("fk_grants_column_id_site_columns")
        ),
        sa.ForeignKeyConstraint(
            ["granted_by"], ["operators.id"], name=op.f("fk_grants_granted_by_operators")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_grants_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grants")),
    )
    with op.batch_alter_table("grants", schema=None) as batch_op:
        batch_op.create_index(
            "ix_grants_account_id_site_id", ["account_id", "site_id"], unique=False
        )
        batch_op.create_index("ix_grants_column_id", ["column_id"], unique=False)
        batch_op.create_index("ix_grants_site_id_role", ["site_id", "role"], unique=False)

    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("column_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", LONG_TEXT, nullable=False),
        sa.Column("author_account_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("published_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("screened_hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_account_id"], ["accounts.id"], name=op.f("fk_posts_author_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["column_id"], ["site_columns.id"], name=op.f("fk_posts_column_id_site_columns")
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_posts_site_id_sites"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
    )
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_posts_column_id_published_at", ["column_id", "published_at"], unique=False
        )
        batch_op.create_index(
            "ix_posts_site_id_published_at", ["site_id", "published_at"], unique=False
        )

    op.create_table(
        "queue_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("findings", LONG_TEXT, nullable=False),
        sa.Column("finding_count", sa.Integer(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("lease_until", TIMESTAMP, nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", TIMESTAMP, nullable=True),
        sa.Column("decision_note", sa.String(length=1000), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claimed_by"], ["operators.id"], name=op.f("fk_queue_items_claimed_by_operators")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["operators.id"], name=op.f("fk_queue_items_decided_by_operators")
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_queue_items_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_items")),
    )
    with op.batch_alter_table("queue_items", schema=None) as batch_op:
        batch_op.create_index("ix_queue_items_lease_until", ["lease_until"], unique=False)
        batch_op.create_index("ix_queue_items_post_id", ["post_id"], unique=False)
        batch_op.create_index(
            "ix_queue_items_state_priority_id", ["state", "priority", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("queue_items", schema=None) as batch_op:
        batch_op.drop_index("ix_queue_items_state_priority_id")
        batch_op.drop_index("ix_queue_items_post_id")
        batch_op.drop_index("ix_queue_items_lease_until")

    op.drop_table("queue_items")
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_index("ix_posts_site_id_published_at")
        batch_op.drop_index("ix_posts_column_id_published_at")

    op.drop_table("posts")
    with op.batch_alter_table("grants", schema=None) as batch_op:
        batch_op.drop_index("ix_grants_site_id_role")
        batch_op.drop_index("ix_grants_column_id")
        batch_op.drop_index("ix_grants_account_id_site_id")

    op.drop_table("grants")
    with op.batch_alter_table("filing_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_filing_attachments_filing_id"))

    op.drop_table("filing_attachments")
    with op.batch_alter_table("site_domains", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_domains_site_id"))

    op.drop_table("site_domains")
    with op.batch_alter_table("site_columns", schema=None) as batch_op:
        batch_op.drop_index("ix_site_columns_site_id_path")
        batch_op.drop_index("ix_site_columns_parent_id_position")

    op.drop_table("site_columns")
    with op.batch_alter_table("probe_results", schema=None) as batch_op:
        batch_op.drop_index("ix_probe_results_site_id_probed_at")

    op.drop_table("probe_results")
    op.drop_table("filings")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index("ix_accounts_status_username")
        batch_op.drop_index("ix_accounts_site_id_username")
        batch_op.drop_index("ix_accounts_full_name_id")

    op.drop_table("accounts")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_index("ix_sites_state_code")
        batch_op.drop_index("ix_sites_parent_id_name")
        batch_op.drop_index("ix_sites_organiser_name_id")
        batch_op.drop_index("ix_sites_name_id")
        batch_op.drop_index("ix_sites_kind_code")

    op.drop_table("sites")
    with op.batch_alter_table("preset_columns", schema=None) as batch_op:
        batch_op.drop_index("ix_preset_columns_version_id_position")

    op.drop_table("preset_columns")
    op.drop_table("preset_versions")
    op.drop_table("operator_duties")
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_index("ix_journal_target_type_target_id")
        batch_op.drop_index("ix_journal_operator_name_at")
        batch_op.drop_index("ix_journal_at")
        batch_op.drop_index("ix_journal_action_at")

    op.drop_table("journal")
    op.drop_table("whitelist_phrases")
    op.drop_table("operators")
    op.drop_table("lexicon_terms")
    op.drop_table("journal_head")
    op.drop_table("column_presets")
    op.drop_table("cluster_settings")
