"""the journal is appended by the server: a definer's routine computes the chain

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The hash material is the JSON array the console's ``journal.entry_hash`` builds:
# [prev_hash, seq, at, operator_name, action, target_type, target_id, target_label, before,
# after], compact separators, non-ASCII kept. PostgreSQL's to_json escapes strings exactly as
# Python's json does; MariaDB's JSON_QUOTE writes \u000B where Python writes \u000b, so MariaDB
# escapes with a function of its own.
POSTGRESQL_APPEND = """
CREATE OR REPLACE FUNCTION journal_append(
    p_operator_id integer, p_operator_name text, p_action text, p_target_type text,
    p_target_id text, p_target_label text, p_before text, p_after text)
RETURNS TABLE (o_seq integer, o_at timestamp, o_hash varchar)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT
AS $body$
DECLARE
    v_seq integer;
    v_prev varchar;
    v_at timestamp;
    v_hash varchar;
    v_label text := left(p_target_label, 300);
BEGIN
    UPDATE journal_head AS h SET seq = h.seq + 1 WHERE h.id = 1 RETURNING h.seq, h.hash
        INTO v_seq, v_prev;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'journal_head row missing' USING ERRCODE = 'P0002';
    END IF;
    v_at := date_trunc('microseconds', clock_timestamp() AT TIME ZONE 'UTC');
    v_hash := encode(sha256(convert_to(
        '[' || to_json(v_prev)::text
        || ',' || v_seq::text
        || ',' || to_json(to_char(v_at, 'YYYY-MM-DD"T"HH24:MI:SS.US'))::text
        || ',' || to_json(p_operator_name)::text
        || ',' || to_json(p_action)::text
        || ',' || to_json(p_target_type)::text
        || ',' || to_json(p_target_id)::text
        || ',' || to_json(v_label)::text
        || ',' || to_json(p_before)::text
        || ',' || to_json(p_after)::text || ']', 'UTF8')), 'hex');
    INSERT INTO journal (seq, at, operator_id, operator_name, action, target_type, target_id,
                         target_label, before, after, prev_hash, hash)
    VALUES (v_seq, v_at, p_operator_id, p_operator_name, p_action, p_target_type, p_target_id,
            v_label, p_before, p_after, v_prev, v_hash);
    UPDATE journal_head AS h SET hash = v_hash WHERE h.id = 1;
    RETURN QUERY SELECT v_seq, v_at, v_hash;
END
$body$
"""
POSTGRESQL_SIGNATURE = "journal_append(integer, text, text, text, text, text, text, text)"

MARIADB_JSON = """
CREATE FUNCTION journal_json(s LONGTEXT CHARSET utf8mb4) RETURNS LONGTEXT CHARSET utf8mb4
DETERMINISTIC NO SQL
BEGIN
    DECLARE r LONGTEXT CHARSET utf8mb4
        DEFAULT REPLACE(REPLACE(s, '\\\\', '\\\\\\\\'), '"', '\\\\"');
    DECLARE i INT DEFAULT 0;
    WHILE i < 32 DO
        SET r = REPLACE(r, CHAR(i USING utf8mb4), CASE i
            WHEN 8 THEN '\\\\b' WHEN 9 THEN '\\\\t' WHEN 10 THEN '\\\\n'
            WHEN 12 THEN '\\\\f' WHEN 13 THEN '\\\\r'
            ELSE CONCAT('\\\\u00', LOWER(LPAD(HEX(i), 2, '0'))) END);
        SET i = i + 1;
    END WHILE;
    RETURN CONCAT('"', r, '"');
END
"""

MARIADB_APPEND = """
CREATE PROCEDURE journal_append(
    IN p_operator_id INT, IN p_operator_name LONGTEXT CHARSET utf8mb4,
    IN p_action LONGTEXT CHARSET utf8mb4, IN p_target_type LONGTEXT CHARSET utf8mb4,
    IN p_target_id LONGTEXT CHARSET utf8mb4, IN p_target_label LONGTEXT CHARSET utf8mb4,
    IN p_before LONGTEXT CHARSET utf8mb4, IN p_after LONGTEXT CHARSET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_seq INT;
    DECLARE v_prev VARCHAR(64);
    DECLARE v_at DATETIME(6);
    DECLARE v_stamp VARCHAR(32);
    DECLARE v_hash CHAR(64);
    DECLARE v_label LONGTEXT CHARSET utf8mb4 DEFAULT LEFT(p_target_label, 300);
    UPDATE journal_head SET seq = seq + 1 WHERE id = 1;
    IF ROW_COUNT() <> 1 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal_head row missing';
    END IF;
    SELECT seq, hash INTO v_seq, v_prev FROM journal_head WHERE id = 1;
    SET v_at = UTC_TIMESTAMP(6);
    SET v_stamp = CAST(v_at AS CHAR);
    SET v_stamp = CONCAT(LEFT(v_stamp, 10), 'T', SUBSTRING(v_stamp, 12));
    SET v_hash = SHA2(CONCAT('[', journal_json(v_prev), ',', v_seq, ',', journal_json(v_stamp),
        ',', journal_json(p_operator_name), ',', journal_json(p_action),
        ',', journal_json(p_target_type), ',', journal_json(p_target_id),
        ',', journal_json(v_label), ',', journal_json(p_before),
        ',', journal_json(p_after), ']'), 256);
    INSERT INTO journal (seq, at, operator_id, operator_name, action, target_type, target_id,
                         target_label, `before`, `after`, prev_hash, hash)
    VALUES (v_seq, v_at, p_operator_id, p_operator_name, p_action, p_target_type, p_target_id,
            v_label, p_before, p_after, v_prev, v_hash);
    UPDATE journal_head SET hash = v_hash WHERE id = 1;
    SELECT v_seq AS o_seq, v_at AS o_at, v_hash AS o_hash;
END
"""


def upgrade() -> None:
    # Consoles on a server database append through this routine and hold no write privilege
    # on the journal or its head: the server numbers, times and chains every entry.
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(POSTGRESQL_APPEND)
        bind.exec_driver_sql(f"REVOKE ALL ON FUNCTION {POSTGRESQL_SIGNATURE} FROM PUBLIC")
    elif bind.dialect.name in ("mysql", "mariadb"):
        bind.exec_driver_sql("DROP PROCEDURE IF EXISTS journal_append")
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS journal_json")
        bind.exec_driver_sql(MARIADB_JSON)
        bind.exec_driver_sql(MARIADB_APPEND)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {POSTGRESQL_SIGNATURE}")
    elif bind.dialect.name in ("mysql", "mariadb"):
        bind.exec_driver_sql("DROP PROCEDURE IF EXISTS journal_append")
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS journal_json")
