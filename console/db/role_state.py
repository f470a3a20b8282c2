"""The duty roles as the server has them: applying ``roles.PRIVILEGES``, reporting drift, and
which duty roles the current connection holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, text
from sqlalchemy.engine import Connection, Engine

from console.base.actor import DUTY_LABELS
from console.base.errors import NotPermitted
from console.base.i18n import QT_TR_NOOP, translate
from console.db.roles import (
    DEFAULT_PREFIX,
    ROUTINES,
    Privilege,
    engine_family,
    expected,
    role_name,
    role_statements,
)
from console.schema import ClusterSetting, Duty

PG_TABLES = """
SELECT r.rolname, c.relname, a.privilege_type, ''
FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'S')
  AND r.rolname LIKE :pattern
UNION ALL
SELECT r.rolname, c.relname, a.privilege_type, t.attname
FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid
CROSS JOIN LATERAL aclexplode(t.attacl) a JOIN pg_roles r ON r.oid = a.grantee
WHERE c.relnamespace = current_schema()::regnamespace AND r.rolname LIKE :pattern
  AND NOT t.attisdropped
UNION ALL
SELECT r.rolname, p.proname, a.privilege_type, ''
FROM pg_proc p CROSS JOIN LATERAL aclexplode(p.proacl) a JOIN pg_roles r ON r.oid = a.grantee
WHERE p.pronamespace = current_schema()::regnamespace AND r.rolname LIKE :pattern
"""
MARIADB_TABLES = """
SELECT GRANTEE, TABLE_NAME, PRIVILEGE_TYPE, '' FROM information_schema.TABLE_PRIVILEGES
WHERE TABLE_SCHEMA = DATABASE() AND GRANTEE LIKE :pattern
UNION ALL
SELECT GRANTEE, TABLE_NAME, PRIVILEGE_TYPE, COLUMN_NAME FROM information_schema.COLUMN_PRIVILEGES
WHERE TABLE_SCHEMA = DATABASE() AND GRANTEE LIKE :pattern
UNION ALL
SELECT CONCAT('''', User, '''@''', Host, ''''), Routine_name, 'EXECUTE', '' FROM mysql.procs_priv
WHERE Db = DATABASE() AND User LIKE :bare AND FIND_IN_SET('Execute', Proc_priv) > 0
"""
PG_ROLES = "SELECT rolname FROM pg_roles WHERE rolname LIKE :bare"
MARIADB_ROLES = "SELECT User FROM mysql.user WHERE is_role = 'Y' AND User LIKE :bare"


@dataclass
class Drift:
    """How the server's duty roles differ from ``PRIVILEGES``."""

    missing_roles: list[str] = field(default_factory=list)
    missing: list[Privilege] = field(default_factory=list)
    extra: list[Privilege] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Whether the server grants exactly what the list says."""
        return not (self.missing_roles or self.missing or self.extra)


def _like(prefix: str) -> str:
    return prefix.replace("_", "\\_") + "\\_%"


def held(connection: Connection, prefix: str = DEFAULT_PREFIX) -> set[Privilege]:
    """Every privilege the duty roles hold in this database."""
    family = engine_family(connection.dialect.name)
    roles = {role_name(duty, prefix) for duty in Duty}
    if family == "postgresql":
        rows = connection.execute(text(PG_TABLES), {"pattern": _like(prefix)})
    else:
        rows = connection.execute(
            text(MARIADB_TABLES), {"pattern": "'" + _like(prefix) + "'@''", "bare": _like(prefix)}
        )
    found: set[Privilege] = set()
    for grantee, name, privilege, column in rows:
        role = str(grantee).split("@")[0].strip("'")
        if role in roles:
            found.add(Privilege(role, str(name), str(privilege).upper(), str(column or "")))
    return found


def existing_roles(connection: Connection, prefix: str = DEFAULT_PREFIX) -> set[str]:
    """The duty roles that exist on the server."""
    family = engine_family(connection.dialect.name)
    query = PG_ROLES if family == "postgresql" else MARIADB_ROLES
    names = {str(n) for n in connection.execute(text(query), {"bare": _like(prefix)}).scalars()}
    return names & {role_name(duty, prefix) for duty in Duty}


def drift(connection: Connection, prefix: str = DEFAULT_PREFIX) -> Drift:
    """Compare what the roles hold with what ``PRIVILEGES`` grants them."""
    family = engine_family(connection.dialect.name)
    wanted = expected(family, prefix)
    found = held(connection, prefix)
    if family == "postgresql":
        # Column rows repeat what a table-wide grant already gives; compare like with like.
        tablewide = {(p.role, p.object, p.privilege) for p in found if not p.column}
        found = {
            p for p in found if not p.column or (p.role, p.object, p.privilege) not in tablewide
        }
        wanted = {
            p for p in wanted if not p.column or (p.role, p.object, p.privilege) not in tablewide
        }
    exists = existing_roles(connection, prefix)
    return Drift(
        missing_roles=sorted({role_name(d, prefix) for d in Duty} - exists),
        missing=sorted(wanted - found),
        extra=sorted(found - wanted),
    )


def apply(engine: Engine, prefix: str = DEFAULT_PREFIX) -> int:
    """Create or update the duty roles (with the owner's connection); the statements run."""
    family = engine_family(engine.dialect.name)
    with engine.begin() as connection:
        schema = "public"
        if family == "postgresql":
            schema = str(connection.execute(text("SELECT current_schema()")).scalar_one())
        statements = role_statements(family, prefix, schema)
        for statement in statements:
            connection.exec_driver_sql(statement.replace("%", "%%"))
        # Consoles creating operators' logins grant the roles of this prefix.
        connection.execute(delete(ClusterSetting).where(ClusterSetting.key == PREFIX_KEY))
        connection.execute(insert(ClusterSetting).values(key=PREFIX_KEY, value=prefix, version=1))
    return len(statements)


PREFIX_KEY = "db.role_prefix"


def recorded_prefix(connection: Connection) -> str:
    """The prefix ``db roles --apply`` last used on this database (``cc`` before it ran)."""
    found = connection.execute(
        select(ClusterSetting.value).where(ClusterSetting.key == PREFIX_KEY)
    ).scalar()
    return str(found) if found else DEFAULT_PREFIX


def connection_duties(connection: Connection) -> frozenset[Duty] | None:
    """The duties whose roles this connection holds; None when it is the owner's (any duty).

    A role counts for a duty by its name's ending (``…_sysadmin``), whatever its prefix. The
    answer is kept with the database connection, so a pooled connection asks once.
    """
    if engine_family(connection.dialect.name) == "sqlite":
        return None
    cached: str | tuple[Duty, ...] | None = connection.info.get(_HELD)
    if cached is None:
        cached = _ask_duties(connection)
        connection.info[_HELD] = cached
    return None if isinstance(cached, str) else frozenset(cached)


_HELD = "cluster_console.duties"
_OWNER = "owner"
PG_HELD = """
SELECT CASE WHEN pg_has_role(current_user, c.relowner, 'USAGE') THEN 'owner'
ELSE (SELECT string_agg(rolname, ',') FROM pg_roles WHERE pg_has_role(current_user, oid, 'USAGE'))
END FROM pg_class c WHERE c.oid = to_regclass('journal')
"""
MARIADB_HELD = """
SELECT CASE WHEN EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES
    WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE = 'CREATE ROUTINE')
  OR EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES
    WHERE PRIVILEGE_TYPE = 'CREATE ROUTINE')
THEN 'owner' ELSE (SELECT GROUP_CONCAT(ROLE_NAME) FROM information_schema.ENABLED_ROLES) END
"""


def _ask_duties(connection: Connection) -> str | tuple[Duty, ...]:
    query = PG_HELD if engine_family(connection.dialect.name) == "postgresql" else MARIADB_HELD
    answer = str(connection.execute(text(query)).scalar() or "")
    if answer == _OWNER:
        return _OWNER
    names = answer.split(",")
    return tuple(duty for duty in Duty if any(n.endswith(f"_{duty.value}") for n in names))


MISSING_ROLE = QT_TR_NOOP(
    "当前数据库登录 {login} 没有{duty}职责的数据库角色（默认名 {role}），"
    "控制台不能以此职责工作。请数据库管理员授予该角色；"
    "cluster-console db login 可打印所需的 SQL。"
)


def require_roles(connection: Connection, duties: frozenset[Duty]) -> None:
    """Refuse, naming the first missing role, when the connection lacks a duty's role."""
    held_duties = connection_duties(connection)
    if held_duties is None:
        return
    for duty in Duty:
        if duty in duties and duty not in held_duties:
            raise NotPermitted(
                MISSING_ROLE,
                login=connection.engine.url.username or "",
                duty=translate("", DUTY_LABELS[duty]),
                role=role_name(duty, DEFAULT_PREFIX),
            )


__all__ = ["ROUTINES", "Drift", "apply", "connection_duties", "drift", "held"]
