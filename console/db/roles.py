"""Database roles per duty: what each duty's services write, as SQL for PostgreSQL and MariaDB.

``PRIVILEGES`` is the one list of what each duty may do to each table; the SQL that creates the
roles (``role_statements``), the drift report (``console.db.role_state``) and the refusal that
names a missing privilege (``duty_for``) are all derived from it. Every role reads every table
(the tabs show the register, conflicts name who changed a row from the journal) but the columns
of ``HIDDEN``, the operators' password hashes, which only the owner's routines read; writes are
granted per table, and per column where a duty only touches a few (posts, operators). Nobody but
the owner writes the journal or its head, nor the operators' login bookkeeping (failed
attempts, lock, last login, one's own password): the definer's routines of ``ROUTINES``
(migrations 0007 and 0008) write them, and every role may execute them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from console.schema import Base, Duty

DEFAULT_PREFIX = "cc"
ENGINES = ("postgresql", "mariadb")
# The definer's routines every role executes, with their PostgreSQL signatures.
ROUTINES = {
    "journal_append": "journal_append(integer, text, text, text, text, text, text, text)",
    "journal_append_many": "journal_append_many(integer, text, text)",
    "operator_login": "operator_login(integer, text, integer, integer)",
    "operator_password": "operator_password(integer, text, text, text)",
}
WRITE = ("INSERT", "UPDATE", "DELETE")


@dataclass(frozen=True)
class TableGrant:
    """Privileges on one table; ``columns`` limits UPDATE to those columns."""

    table: str
    privileges: tuple[str, ...]
    columns: tuple[str, ...] = ()


def _writes(*tables: str) -> tuple[TableGrant, ...]:
    return tuple(TableGrant(table, WRITE) for table in tables)


# What each duty's services write (beyond reading every table and appending to the journal).
PRIVILEGES: dict[Duty, tuple[TableGrant, ...]] = {
    # sites/, presets/, filings/, the settings they own, scans of the review queue.
    Duty.SYSTEM_ADMIN: (
        *_writes("sites", "site_domains", "site_columns"),
        *_writes("column_presets", "preset_versions", "preset_columns"),
        *_writes("filings", "filing_attachments", "probe_results"),
        TableGrant("cluster_settings", ("INSERT", "UPDATE")),
        *_writes("queue_items"),
        # A merged site's posts move with it; a scan notes what it screened; a stored patrol
        # adds the articles it found and updates one whose text changed.
        TableGrant(
            "posts",
            ("INSERT", "UPDATE"),
            ("site_id", "column_id", "screened_hash", "body", "content_hash", "updated_at"),
        ),
        # patrol/, jobs/ and the monthly report's mail, annual/ figures, interactions/ imports.
        *_writes("patrol_runs", "patrol_columns", "patrol_posts", "patrol_pages"),
        *_writes("patrol_links", "patrol_leases"),
        *_writes("job_runs", "job_leases", "report_deliveries"),
        *_writes("annual_figures", "interaction_channels", "interaction_messages"),
    ),
    # permissions/ (editors' accounts and grants), operators/, the lexicon.
    Duty.SECURITY_ADMIN: (
        *_writes("accounts", "grants"),
        # Disabling, unlocking and resetting a password clear the failed logins and the lock;
        # nobody but the login routine writes the last login, nor renames an operator.
        TableGrant(
            "operators",
            ("INSERT", "UPDATE"),
            (
                "version",
                "active",
                "password_hash",
                "password_check",
                "password_salt",
                "must_change_password",
                "failed_logins",
                "locked_until",
            ),
        ),
        TableGrant("operator_duties", ("INSERT", "DELETE")),
        *_writes("lexicon_terms", "whitelist_phrases"),
    ),
    # Reads and verifies the journal only.
    Duty.AUDIT_ADMIN: (),
    # review/: claims, decisions, scans, the lexicon and whitelist.
    Duty.REVIEWER: (
        *_writes("queue_items"),
        TableGrant("posts", ("UPDATE",), ("status", "screened_hash")),
        *_writes("lexicon_terms", "whitelist_phrases"),
    ),
}
# Columns no role reads: with them, a SQL client could guess passwords offline. A console reads
# password_salt instead, and the login and password routines check the proof on the server.
HIDDEN: dict[str, frozenset[str]] = {"operators": frozenset({"password_hash", "password_check"})}
# Rows only the owner writes; no role is ever granted more than SELECT on them.
OWNER_ONLY = frozenset({"journal", "journal_head", "alembic_version"})
# Tables every duty reads and none writes (none yet). Every table of the schema is in
# PRIVILEGES, OWNER_ONLY or READ_ONLY: a test keeps a new area from being forgotten.
READ_ONLY: frozenset[str] = frozenset()
assert not {g.table for grants in PRIVILEGES.values() for g in grants} & OWNER_ONLY

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
_LOGIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def role_name(duty: Duty, prefix: str = DEFAULT_PREFIX) -> str:
    """``cc_sysadmin`` and so on (``prefix`` checked: it is written into SQL)."""
    if not _NAME.match(prefix):
        raise ValueError(prefix)
    return f"{prefix}_{duty.value}"


def valid_prefix(prefix: str) -> bool:
    """Whether ``prefix`` can name roles (lower-case letters, digits, underscores)."""
    return bool(_NAME.match(prefix))


def valid_login(name: str) -> bool:
    """Whether ``name`` can be a database login written into SQL without quoting tricks."""
    return bool(_LOGIN.match(name))


def tables() -> list[str]:
    """Every table of the schema and Alembic's version table (read when opening), in name order."""
    return sorted([*Base.metadata.tables, "alembic_version"])


def readable_columns(table: str) -> list[str]:
    """The columns of a table with ``HIDDEN`` columns that every role reads, in table order."""
    return [c.name for c in Base.metadata.tables[table].columns if c.name not in HIDDEN[table]]


def serial_tables() -> list[str]:
    """Tables whose key a sequence numbers (PostgreSQL grants its use to inserting roles)."""
    return sorted(
        name
        for name, table in Base.metadata.tables.items()
        if table.autoincrement_column is not None
    )


@dataclass(frozen=True, order=True)
class Privilege:
    """One privilege of one role: on a table, a column, a sequence or the append routine."""

    role: str
    object: str
    privilege: str
    column: str = ""

    def shown(self) -> str:
        """``cc_reviewer: UPDATE posts(status)``."""
        target = f"{self.object}({self.column})" if self.column else self.object
        return f"{self.role}: {self.privilege} {target}"


def grants_of(duty: Duty) -> tuple[TableGrant, ...]:
    """What ``duty`` writes."""
    return PRIVILEGES[duty]


def expected(engine: str, prefix: str = DEFAULT_PREFIX) -> set[Privilege]:
    """Every privilege the roles should hold on ``engine``, one row each."""
    wanted: set[Privilege] = set()
    serial = set(serial_tables())
    for duty in Duty:
        role = role_name(duty, prefix)
        wanted.update(Privilege(role, table, "SELECT") for table in tables() if table not in HIDDEN)
        wanted.update(
            Privilege(role, table, "SELECT", column)
            for table in HIDDEN
            for column in readable_columns(table)
        )
        wanted.update(Privilege(role, routine, "EXECUTE") for routine in ROUTINES)
        for grant in grants_of(duty):
            for privilege in grant.privileges:
                if grant.columns and privilege == "UPDATE":
                    wanted.update(
                        Privilege(role, grant.table, privilege, column) for column in grant.columns
                    )
                else:
                    wanted.add(Privilege(role, grant.table, privilege))
            if engine == "postgresql" and "INSERT" in grant.privileges and grant.table in serial:
                wanted.add(Privilege(role, sequence_name(grant.table), "USAGE"))
    return wanted


def sequence_name(table: str) -> str:
    """The sequence PostgreSQL made for ``table``'s serial key."""
    column = Base.metadata.tables[table].autoincrement_column
    assert column is not None
    return f"{table}_{column.name}_seq"


def duty_for(table: str, privilege: str, column: str = "") -> list[Duty]:
    """The duties granted ``privilege`` on ``table`` (the ones a refusal should name)."""
    found: list[Duty] = []
    for duty in Duty:
        for grant in grants_of(duty):
            if grant.table != table or privilege not in grant.privileges:
                continue
            if column and grant.columns and privilege == "UPDATE" and column not in grant.columns:
                continue
            found.append(duty)
            break
    return found


def _grant_lines(engine: str, role: str, duty: Duty) -> list[str]:
    quote = '"' if engine == "postgresql" else "`"
    lines = [
        f"GRANT SELECT ON {quote}{table}{quote} TO {role}"
        for table in tables()
        if table not in HIDDEN
    ]
    for table in HIDDEN:
        columns = ", ".join(f"{quote}{c}{quote}" for c in readable_columns(table))
        lines.append(f"GRANT SELECT ({columns}) ON {quote}{table}{quote} TO {role}")
    for grant in grants_of(duty):
        parts = []
        for privilege in grant.privileges:
            if grant.columns and privilege == "UPDATE":
                columns = ", ".join(f"{quote}{c}{quote}" for c in grant.columns)
                parts.append(f"UPDATE ({columns})")
            else:
                parts.append(privilege)
        lines.append(f"GRANT {', '.join(parts)} ON {quote}{grant.table}{quote} TO {role}")
        inserts = "INSERT" in grant.privileges and grant.table in serial_tables()
        if engine == "postgresql" and inserts:
            lines.append(f'GRANT USAGE ON SEQUENCE "{sequence_name(grant.table)}" TO {role}')
    for routine, signature in ROUTINES.items():
        if engine == "postgresql":
            lines.append(f"GRANT EXECUTE ON FUNCTION {signature} TO {role}")
        else:
            lines.append(f"GRANT EXECUTE ON PROCEDURE {routine} TO {role}")
    return lines


def role_statements(engine: str, prefix: str = DEFAULT_PREFIX, schema: str = "public") -> list[str]:
    """The statements that create the duty roles or bring them back to ``PRIVILEGES``.

    Run connected to the cluster database as its owner. Each role loses whatever it held on the
    schema's tables, sequences and routines first, so running them again removes drift.
    """
    if engine not in ENGINES:
        raise ValueError(engine)
    statements: list[str] = []
    for duty in Duty:
        role = role_name(duty, prefix)
        if engine == "postgresql":
            statements += [
                f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
                f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$",
                f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {role}',
                f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {role}',
                f'REVOKE ALL ON ALL FUNCTIONS IN SCHEMA "{schema}" FROM {role}',
                f'GRANT USAGE ON SCHEMA "{schema}" TO {role}',
            ]
        else:
            statements += [
                f"CREATE ROLE IF NOT EXISTS {role}",
                f"REVOKE ALL PRIVILEGES, GRANT OPTION FROM {role}",
            ]
        statements += _grant_lines(engine, role, duty)
    if engine == "mariadb":
        statements += _mariadb_combinations(prefix)
    return statements


# MariaDB enables one role per connection: a login holding two duties gets a role holding both.
COMBINABLE = (Duty.REVIEWER,)


def combined_role(duties: Iterable[Duty], prefix: str = DEFAULT_PREFIX) -> str:
    """The one role a MariaDB login holding ``duties`` is given as its default role."""
    ordered = sorted(duties, key=lambda d: list(Duty).index(d))
    if len(ordered) == 1:
        return role_name(ordered[0], prefix)
    return f"{prefix}_" + "_".join(d.value for d in ordered)


def _mariadb_combinations(prefix: str) -> list[str]:
    statements: list[str] = []
    for extra in COMBINABLE:
        for duty in (Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN):
            both = combined_role((duty, extra), prefix)
            statements += [
                f"CREATE ROLE IF NOT EXISTS {both}",
                f"GRANT {role_name(duty, prefix)} TO {both}",
                f"GRANT {role_name(extra, prefix)} TO {both}",
            ]
    return statements


def login_statements(
    engine: str,
    login: str,
    duties: Sequence[Duty],
    prefix: str = DEFAULT_PREFIX,
    password: str | None = None,
) -> list[str]:
    """The statements that create an operator's database login holding only ``duties``' roles.

    Without ``password`` the statements carry a placeholder for the DBA to fill in.
    """
    if not valid_login(login):
        raise ValueError(login)
    secret = "<口令>" if password is None else password.replace("'", "''")
    if engine == "mariadb":
        secret = secret.replace("\\", "\\\\")
    roles = [role_name(duty, prefix) for duty in duties]
    if engine == "postgresql":
        return [
            f"CREATE ROLE \"{login}\" LOGIN PASSWORD '{secret}'",
            *(f'GRANT {role} TO "{login}"' for role in roles),
        ]
    account = f"'{login}'@'%'"
    default = combined_role(duties, prefix)
    return [
        f"CREATE USER {account} IDENTIFIED BY '{secret}'",
        f"GRANT {default} TO {account}",
        f"SET DEFAULT ROLE {default} FOR {account}",
    ]


def change_statements(
    engine: str,
    login: str,
    before: Iterable[Duty],
    after: Iterable[Duty],
    prefix: str = DEFAULT_PREFIX,
) -> list[str]:
    """The statements that move an existing login from ``before``'s roles to ``after``'s."""
    if not valid_login(login):
        raise ValueError(login)
    old, new = set(before), set(after)
    if engine == "postgresql":
        return [
            *(f'REVOKE {role_name(d, prefix)} FROM "{login}"' for d in Duty if d in old - new),
            *(f'GRANT {role_name(d, prefix)} TO "{login}"' for d in Duty if d in new - old),
        ]
    account = f"'{login}'@'%'"
    was = combined_role(old, prefix) if old else None
    now = combined_role(new, prefix) if new else None
    if was == now:
        return []
    statements = (
        [f"GRANT {now} TO {account}", f"SET DEFAULT ROLE {now} FOR {account}"]
        if now
        else [f"SET DEFAULT ROLE NONE FOR {account}"]
    )
    return statements + ([f"REVOKE {was} FROM {account}"] if was else [])


def engine_family(dialect: str) -> str:
    """``postgresql`` or ``mariadb`` for a SQLAlchemy dialect name (``sqlite`` stays)."""
    return "mariadb" if dialect in ("mysql", "mariadb") else dialect
