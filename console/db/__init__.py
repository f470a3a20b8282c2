"""Opening the cluster database: the one public entry for the GUI, the CLI, tests and scripts."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session, sessionmaker

from console.base.errors import SchemaOutOfDate
from console.base.i18n import QT_TR_NOOP
from console.db import refusals
from console.db.engine import make_engine
from console.db.location import is_sqlite, resolve_url, shown
from console.db.migrate import current_revision, head_revision, upgrade

SessionFactory = sessionmaker[Session]

NOT_MIGRATED = QT_TR_NOOP(
    "数据库 {url} 的结构版本为 {current}，本程序需要 {head}。"
    "请由数据库管理员执行：cluster-console --db {url} db upgrade"
)
WRONG_CHARSET = QT_TR_NOOP(
    "数据库 {url} 的默认字符集是 {charset}，中文内容需要 utf8mb4。"
    "请用 CREATE DATABASE … CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci 建库。"
)


def open_database(
    url: str | URL | None = None, *, upgrade_schema: bool | None = None
) -> SessionFactory:
    """Open the cluster database and return a session factory.

    With no URL (and no ``$CLUSTER_CONSOLE_DB``) this opens the embedded SQLite file in the
    user's data folder, creating and migrating it. Embedded SQLite files are always brought to
    the newest migration; a server database is only migrated when ``upgrade_schema`` is true and
    is otherwise refused with ``SchemaOutOfDate`` naming the upgrade command.
    """
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    refusals.install(engine)
    migrate = is_sqlite(resolved) if upgrade_schema is None else upgrade_schema
    try:
        _check_charset(engine)
        if current_revision(engine) != head_revision():
            if not migrate:
                raise SchemaOutOfDate(
                    NOT_MIGRATED,
                    url=shown(resolved),
                    current=current_revision(engine) or "（空库）",
                    head=head_revision(),
                )
            upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return sessionmaker(engine, expire_on_commit=False)


def engine_of(factory: SessionFactory) -> Engine:
    """The engine behind a session factory."""
    bind = factory.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _check_charset(engine: Engine) -> None:
    if engine.dialect.name not in ("mysql", "mariadb"):
        return
    with engine.connect() as connection:
        charset = connection.execute(text("SELECT @@character_set_database")).scalar_one()
    if not str(charset).startswith("utf8mb4"):
        raise SchemaOutOfDate(WRONG_CHARSET, url=shown(engine.url), charset=charset)


def ping(sessions: SessionFactory) -> None:
    """Round-trip to the database (raises when it is unreachable)."""
    with sessions() as session:
        session.execute(text("SELECT 1"))
