"""A server cluster database with the duty roles applied and one database login per duty."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from console.db import engine_of, open_database, role_state, roles
from console.schema import Duty
from tests.engines import scratch_database

LOGIN_PASSWORD = "Db-Login-密码-1"


@dataclass
class RoleCluster:
    """The owner's URL, the roles' prefix and each duty's login URL."""

    engine: str
    owner: URL
    prefix: str
    logins: dict[Duty, URL]

    def login_url(self, *duties: Duty) -> URL:
        """The URL of a login holding ``duties`` (created on first use)."""
        key = duties[0] if len(duties) == 1 else None
        if key is not None and key in self.logins:
            return self.logins[key]
        name = f"{self.prefix}_u{len(self.logins)}_{uuid.uuid4().hex[:4]}"
        run_owner(
            self, roles.login_statements(self.engine, name, duties, self.prefix, LOGIN_PASSWORD)
        )
        url = self.owner.set(username=name, password=LOGIN_PASSWORD)
        if key is not None:
            self.logins[key] = url
        self.created.append(name)
        return url

    created: list[str]


def run_owner(cluster: RoleCluster, statements: list[str]) -> None:
    """Run ``statements`` with the owner's connection."""
    engine = create_engine(cluster.owner, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement.replace("%", "%%"))
    engine.dispose()


@contextmanager
def role_cluster(engine: str, tmp_path: Path) -> Iterator[RoleCluster]:
    """A migrated database on ``engine``, duty roles applied under a prefix of its own."""
    prefix = f"t{uuid.uuid4().hex[:8]}"
    cluster: RoleCluster | None = None
    try:
        with scratch_database(engine, tmp_path) as url:
            sessions = open_database(url, upgrade_schema=True)
            cluster = RoleCluster(engine, url, prefix, {}, [])
            role_state.apply(engine_of(sessions), prefix)
            engine_of(sessions).dispose()
            yield cluster
    finally:
        if cluster is not None:
            drop_logins_and_roles(cluster)


def drop_logins_and_roles(cluster: RoleCluster) -> None:
    """Remove what the cluster created on the server (after its database is dropped)."""
    combined = [
        roles.combined_role((duty, Duty.REVIEWER), cluster.prefix)
        for duty in (Duty.SYSTEM_ADMIN, Duty.SECURITY_ADMIN)
    ]
    names = [roles.role_name(d, cluster.prefix) for d in Duty]
    statements: list[str] = []
    if cluster.engine == "postgresql":
        statements += [f'DROP ROLE IF EXISTS "{n}"' for n in cluster.created]
        statements += [f"DROP ROLE IF EXISTS {n}" for n in names]
    else:
        statements += [f"DROP USER IF EXISTS '{n}'@'%%'" for n in cluster.created]
        statements += [f"DROP ROLE IF EXISTS {n}" for n in [*combined, *names]]
    admin = cluster.owner.set(database="postgres" if cluster.engine == "postgresql" else "mysql")
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()
