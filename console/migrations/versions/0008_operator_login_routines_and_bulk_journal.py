"""definer's routines write the operators' login bookkeeping and own password; the journal
takes several entries in one call

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import base64
import hashlib
import importlib

import sqlalchemy as sa
from alembic import op

# 0007's MariaDB journal_append, from which its chaining step is taken (and which a downgrade
# puts back as it was).
_0007 = importlib.import_module("console.migrations.versions.0007_journal_server_append")

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# A password's scrypt run gives 64 bytes: the hash keeps the first 32 (as before 0008, when it
# kept all 64), the second 32 in hex are the proof, of which password_check keeps the SHA-256.
# Reading the table gives no proof. operator_login applies one login attempt: the console
# sends the proof, the routine checks it and counts, locks or clears by the server's clock.
# operator_password replaces one operator's hash and check only given the proof of the
# current password. Outcomes: ok, failed, locked, disabled, unknown.
POSTGRESQL_LOGIN = """
CREATE OR REPLACE FUNCTION operator_login(
    p_operator_id integer, p_proof text, p_max_failed integer, p_lock_minutes integer)
RETURNS TABLE (o_outcome text, o_locked_until timestamp)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT
AS $body$
DECLARE
    v_now timestamp := date_trunc('microseconds', clock_timestamp() AT TIME ZONE 'UTC');
    v_active boolean;
    v_failed integer;
    v_check text;
    v_until timestamp;
BEGIN
    SELECT o.active, o.failed_logins, o.password_check, o.locked_until
        INTO v_active, v_failed, v_check, v_until
        FROM operators AS o WHERE o.id = p_operator_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unknown'::text, NULL::timestamp;
    ELSIF NOT v_active THEN
        RETURN QUERY SELECT 'disabled'::text, NULL::timestamp;
    ELSIF v_until IS NOT NULL AND v_until > v_now THEN
        RETURN QUERY SELECT 'locked'::text, v_until;
    ELSIF p_proof <> '' AND v_check = encode(sha256(convert_to(p_proof, 'UTF8')), 'hex') THEN
        UPDATE operators AS o SET failed_logins = 0, locked_until = NULL, last_login_at = v_now
            WHERE o.id = p_operator_id;
        RETURN QUERY SELECT 'ok'::text, NULL::timestamp;
    ELSIF v_failed + 1 >= GREATEST(p_max_failed, 1) THEN
        UPDATE operators AS o SET failed_logins = 0,
            locked_until = v_now + make_interval(mins => GREATEST(p_lock_minutes, 1))
            WHERE o.id = p_operator_id;
        RETURN QUERY SELECT 'failed'::text, NULL::timestamp;
    ELSE
        UPDATE operators AS o SET failed_logins = v_failed + 1 WHERE o.id = p_operator_id;
        RETURN QUERY SELECT 'failed'::text, NULL::timestamp;
    END IF;
END
$body$
"""
POSTGRESQL_PASSWORD = """
CREATE OR REPLACE FUNCTION operator_password(
    p_operator_id integer, p_proof text, p_new_hash text, p_new_check text)
RETURNS TABLE (o_changed integer)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT
AS $body$
DECLARE
    v_changed integer;
BEGIN
    UPDATE operators AS o
        SET password_hash = p_new_hash, password_check = p_new_check,
            must_change_password = false, version = o.version + 1
        WHERE o.id = p_operator_id AND o.active AND p_proof <> ''
          AND o.password_check = encode(sha256(convert_to(p_proof, 'UTF8')), 'hex')
          AND left(p_new_hash, 7) = 'scrypt$' AND length(p_new_check) = 64;
    GET DIAGNOSTICS v_changed = ROW_COUNT;
    RETURN QUERY SELECT v_changed;
END
$body$
"""
POSTGRESQL_SIGNATURES = (
    "operator_login(integer, text, integer, integer)",
    "operator_password(integer, text, text, text)",
)

# Hashes are compared as bytes: the tables' collation ignores case, base64 does not.
MARIADB_LOGIN = """
CREATE PROCEDURE operator_login(
    IN p_operator_id INT, IN p_proof VARCHAR(255), IN p_max_failed INT, IN p_lock_minutes INT)
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_now DATETIME(6) DEFAULT UTC_TIMESTAMP(6);
    DECLARE v_found INT DEFAULT 1;
    DECLARE v_active INT;
    DECLARE v_failed INT;
    DECLARE v_check VARCHAR(64);
    DECLARE v_until DATETIME(6);
    DECLARE v_outcome VARCHAR(16) DEFAULT 'failed';
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_found = 0;
    SELECT active, failed_logins, password_check, locked_until
        INTO v_active, v_failed, v_check, v_until
        FROM operators WHERE id = p_operator_id FOR UPDATE;
    IF v_found = 0 THEN
        SET v_outcome = 'unknown', v_until = NULL;
    ELSEIF NOT v_active THEN
        SET v_outcome = 'disabled', v_until = NULL;
    ELSEIF v_until IS NOT NULL AND v_until > v_now THEN
        SET v_outcome = 'locked';
    ELSEIF p_proof <> '' AND v_check = SHA2(p_proof, 256) THEN
        UPDATE operators SET failed_logins = 0, locked_until = NULL, last_login_at = v_now
            WHERE id = p_operator_id;
        SET v_outcome = 'ok', v_until = NULL;
    ELSEIF v_failed + 1 >= GREATEST(p_max_failed, 1) THEN
        UPDATE operators SET failed_logins = 0,
            locked_until = v_now + INTERVAL GREATEST(p_lock_minutes, 1) MINUTE
            WHERE id = p_operator_id;
        SET v_until = NULL;
    ELSE
        UPDATE operators SET failed_logins = v_failed + 1 WHERE id = p_operator_id;
        SET v_until = NULL;
    END IF;
    SELECT v_outcome AS o_outcome, v_until AS o_locked_until;
END
"""
MARIADB_PASSWORD = """
CREATE PROCEDURE operator_password(
    IN p_operator_id INT, IN p_proof VARCHAR(255), IN p_new_hash VARCHAR(255),
    IN p_new_check VARCHAR(64))
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    UPDATE operators
        SET password_hash = p_new_hash, password_check = p_new_check,
            must_change_password = 0, version = version + 1
        WHERE id = p_operator_id AND active AND p_proof <> ''
          AND password_check = SHA2(p_proof, 256)
          AND LEFT(p_new_hash, 7) = 'scrypt$' AND CHAR_LENGTH(p_new_check) = 64;
    SELECT ROW_COUNT() AS o_changed;
END
"""
MARIADB_NAMES = ("operator_login", "operator_password")

# journal_append_many appends a JSON array of entries, each
# [action, target_type, target_id, target_label, before, after], in order, for one operator:
# one call for a whole import. It returns the last entry's number, time and hash.
POSTGRESQL_MANY = """
CREATE OR REPLACE FUNCTION journal_append_many(
    p_operator_id integer, p_operator_name text, p_entries text)
RETURNS TABLE (o_seq integer, o_at timestamp, o_hash varchar)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT
AS $body$
DECLARE
    e json;
    v_seq integer;
    v_at timestamp;
    v_hash varchar;
BEGIN
    FOR e IN SELECT t.value FROM json_array_elements(p_entries::json) WITH ORDINALITY
            AS t(value, n) ORDER BY t.n LOOP
        SELECT a.o_seq, a.o_at, a.o_hash INTO v_seq, v_at, v_hash
            FROM journal_append(p_operator_id, p_operator_name, e->>0, e->>1, e->>2, e->>3,
                                e->>4, e->>5) AS a;
    END LOOP;
    RETURN QUERY SELECT v_seq, v_at, v_hash;
END
$body$
"""
POSTGRESQL_MANY_SIGNATURE = "journal_append_many(integer, text, text)"

# On MariaDB a procedure's result set goes to the client even when another procedure calls
# it: the chaining step becomes journal_chain (0007's body, answering through OUT
# parameters), which journal_append and journal_append_many both call.
_LAST_PARAMETER = "IN p_after LONGTEXT CHARSET utf8mb4)"
_ANSWER = "SELECT v_seq AS o_seq, v_at AS o_at, v_hash AS o_hash;"


def _chain_step() -> str:
    text = str(_0007.MARIADB_APPEND)
    for old in ("CREATE PROCEDURE journal_append(", _LAST_PARAMETER, _ANSWER):
        assert text.count(old) == 1, old
    return (
        text.replace("CREATE PROCEDURE journal_append(", "CREATE PROCEDURE journal_chain(")
        .replace(
            _LAST_PARAMETER,
            "IN p_after LONGTEXT CHARSET utf8mb4,\n"
            "    OUT o_seq INT, OUT o_at DATETIME(6), OUT o_hash CHAR(64))",
        )
        .replace(_ANSWER, "SET o_seq = v_seq, o_at = v_at, o_hash = v_hash;")
    )


_TEXT = "LONGTEXT CHARSET utf8mb4"
MARIADB_APPEND = f"""
CREATE PROCEDURE journal_append(
    IN p_operator_id INT, IN p_operator_name {_TEXT}, IN p_action {_TEXT},
    IN p_target_type {_TEXT}, IN p_target_id {_TEXT}, IN p_target_label {_TEXT},
    IN p_before {_TEXT}, IN p_after {_TEXT})
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_seq INT;
    DECLARE v_at DATETIME(6);
    DECLARE v_hash CHAR(64);
    CALL journal_chain(p_operator_id, p_operator_name, p_action, p_target_type, p_target_id,
        p_target_label, p_before, p_after, v_seq, v_at, v_hash);
    SELECT v_seq AS o_seq, v_at AS o_at, v_hash AS o_hash;
END
"""
MARIADB_MANY = f"""
CREATE PROCEDURE journal_append_many(
    IN p_operator_id INT, IN p_operator_name {_TEXT}, IN p_entries {_TEXT})
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_done INT DEFAULT 0;
    DECLARE v_seq INT;
    DECLARE v_at DATETIME(6);
    DECLARE v_hash CHAR(64);
    DECLARE v_action, v_type, v_id, v_label, v_before, v_after {_TEXT};
    DECLARE entries CURSOR FOR
        SELECT j.action, j.target_type, j.target_id, j.target_label, j.before_text, j.after_text
        FROM JSON_TABLE(p_entries, '$[*]' COLUMNS (
            n FOR ORDINALITY,
            action {_TEXT} PATH '$[0]', target_type {_TEXT} PATH '$[1]',
            target_id {_TEXT} PATH '$[2]', target_label {_TEXT} PATH '$[3]',
            before_text {_TEXT} PATH '$[4]', after_text {_TEXT} PATH '$[5]')) AS j
        ORDER BY j.n;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_done = 1;
    OPEN entries;
    chain: LOOP
        FETCH entries INTO v_action, v_type, v_id, v_label, v_before, v_after;
        IF v_done = 1 THEN
            LEAVE chain;
        END IF;
        CALL journal_chain(p_operator_id, p_operator_name, v_action, v_type, v_id, v_label,
            v_before, v_after, v_seq, v_at, v_hash);
    END LOOP;
    CLOSE entries;
    SELECT v_seq AS o_seq, v_at AS o_at, v_hash AS o_hash;
END
"""


def _split(stored: str) -> tuple[str, str] | None:
    """A hash that kept all 64 bytes: the hash keeping 32, and the check of the rest."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        digest = base64.b64decode(parts[5])
    except ValueError:
        return None
    if len(digest) != 64:
        return None
    hashed = "$".join([*parts[:5], base64.b64encode(digest[:32]).decode("ascii")])
    return hashed, hashlib.sha256(digest[32:].hex().encode("ascii")).hexdigest()


def upgrade() -> None:
    # Duty logins lose UPDATE on these columns (console.db.roles): a person with a SQL client
    # could otherwise lock another operator out, clear their own failures or set a password.
    with op.batch_alter_table("operators") as batch:
        batch.add_column(
            sa.Column("password_check", sa.String(64), nullable=False, server_default="")
        )
    bind = op.get_bind()
    operators = sa.table(
        "operators",
        sa.column("id", sa.Integer),
        sa.column("password_hash", sa.String),
        sa.column("password_check", sa.String),
    )
    for operator_id, stored in bind.execute(sa.select(operators.c.id, operators.c.password_hash)):
        split = _split(str(stored))
        if split is not None:
            bind.execute(
                operators.update()
                .where(operators.c.id == operator_id)
                .values(password_hash=split[0], password_check=split[1])
            )
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(POSTGRESQL_LOGIN)
        bind.exec_driver_sql(POSTGRESQL_PASSWORD)
        bind.exec_driver_sql(POSTGRESQL_MANY)
        for signature in (*POSTGRESQL_SIGNATURES, POSTGRESQL_MANY_SIGNATURE):
            bind.exec_driver_sql(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    elif bind.dialect.name in ("mysql", "mariadb"):
        for name in (*MARIADB_NAMES, "journal_append_many", "journal_chain", "journal_append"):
            bind.exec_driver_sql(f"DROP PROCEDURE IF EXISTS {name}")
        bind.exec_driver_sql(MARIADB_LOGIN)
        bind.exec_driver_sql(MARIADB_PASSWORD)
        bind.exec_driver_sql(_chain_step())
        bind.exec_driver_sql(MARIADB_APPEND)
        bind.exec_driver_sql(MARIADB_MANY)


def downgrade() -> None:
    # The hashes keep working: a console before 0008 checks as many bytes as a hash holds.
    with op.batch_alter_table("operators") as batch:
        batch.drop_column("password_check")
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for signature in (*POSTGRESQL_SIGNATURES, POSTGRESQL_MANY_SIGNATURE):
            bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {signature}")
    elif bind.dialect.name in ("mysql", "mariadb"):
        for name in (*MARIADB_NAMES, "journal_append_many", "journal_append", "journal_chain"):
            bind.exec_driver_sql(f"DROP PROCEDURE IF EXISTS {name}")
        bind.exec_driver_sql(str(_0007.MARIADB_APPEND))
