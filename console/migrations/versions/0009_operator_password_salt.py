"""operators keep their hash's salt apart, so duty logins need not read the hash

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

# 0008's operator_password, which this one extends (and which a downgrade puts back).
_0008 = importlib.import_module(
    "console.migrations.versions.0008_operator_login_routines_and_bulk_journal"
)

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# A console computes a password's proof from the scheme, cost and salt alone, so on a server
# duty logins read password_salt and no longer the hash or its check (console.db.roles.HIDDEN):
# whoever has a SQL client cannot copy them out to guess passwords at leisure. The password
# routine now writes the salt too, taken from the new hash, so the two always agree.
_SET = "SET password_hash = p_new_hash, password_check = p_new_check,"
_SALT = {
    "postgresql": "regexp_replace(p_new_hash, '[$][^$]*$', '')",
    "mariadb": "SUBSTRING_INDEX(p_new_hash, '$', 5)",
}


def _password_routine(engine: str) -> str:
    old = str(_0008.POSTGRESQL_PASSWORD if engine == "postgresql" else _0008.MARIADB_PASSWORD)
    assert old.count(_SET) == 1
    return old.replace(_SET, f"{_SET}\n            password_salt = {_SALT[engine]},")


def _engine() -> str:
    name = op.get_bind().dialect.name
    return "mariadb" if name in ("mysql", "mariadb") else name


def _set_password_routine(text: str) -> None:
    bind = op.get_bind()
    if _engine() == "mariadb":
        bind.exec_driver_sql("DROP PROCEDURE IF EXISTS operator_password")
    bind.exec_driver_sql(text)


def upgrade() -> None:
    with op.batch_alter_table("operators") as batch:
        batch.add_column(
            sa.Column("password_salt", sa.String(160), nullable=False, server_default="")
        )
    bind = op.get_bind()
    operators = sa.table(
        "operators",
        sa.column("id", sa.Integer),
        sa.column("password_hash", sa.String),
        sa.column("password_salt", sa.String),
    )
    for operator_id, stored in bind.execute(sa.select(operators.c.id, operators.c.password_hash)):
        stored = str(stored)
        if stored.startswith("scrypt$") and stored.count("$") == 5:
            bind.execute(
                operators.update()
                .where(operators.c.id == operator_id)
                .values(password_salt=stored.rsplit("$", 1)[0])
            )
    if _engine() in _SALT:
        _set_password_routine(_password_routine(_engine()))


def downgrade() -> None:
    with op.batch_alter_table("operators") as batch:
        batch.drop_column("password_salt")
    if _engine() == "postgresql":
        _set_password_routine(str(_0008.POSTGRESQL_PASSWORD))
    elif _engine() == "mariadb":
        _set_password_routine(str(_0008.MARIADB_PASSWORD))
