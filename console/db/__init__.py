"""Opening the cluster database: the one public entry for the GUI, the CLI, tests and scripts."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console.base.errors import SchemaOutOfDate, SchemaTooNew
from console.base.i18n import QT_TR_NOOP
from console.db import refusals
from console.db.engine import READS_ONLY, make_engine
from console.db.location import is_sqlite, resolve_url, shown
from console.db.migrate import current_revision, head_revision, is_known, upgrade
from console.db.settling import database_charset, tables_not_utf8mb4

SessionFactory = sessionmaker[Session]

NOT_MIGRATED = QT_TR_NOOP(
    "数据库 {url} 的结构版本为 {current}，本程序需要 {head}。"
    "请由数据库管理员执行：cluster-console --db {url} db upgrade"
)
TOO_NEW = QT_TR_NOOP(
    "数据库 {url} 的结构版本 {current} 比本程序新（本程序最新为 {head}）："
    "这个数据库已由更新版本的控制台升级，请更新控制台。"
)
WRONG_TABLE_CHARSET = QT_TR_NOOP(
    "数据库 {url} 中这些表不是 utf8mb4 字符集：{tables}。请先转换为 utf8mb4 再使用。"
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
        with engine.connect() as connection:
            revision = _checked_revision(engine, connection)
        if revision != head_revision():
            if not migrate:
                raise SchemaOutOfDate(
                    NOT_MIGRATED,
                    url=shown(resolved),
                    current=revision or "（空库）",
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


def for_reads(factory: SessionFactory) -> SessionFactory:
    """Sessions like ``factory``'s for services that only read: on SQLite their transactions
    begin deferred, so a read never waits behind another connection's write (WAL mode); the
    server engines take no lock for a plain read anyway."""
    engine = engine_of(factory)
    if engine.dialect.name != "sqlite":
        return factory
    return sessionmaker(**{**factory.kw, "bind": engine.execution_options(**{READS_ONLY: True})})


def check_server_database(engine: Engine) -> None:
    """Refuse a database this program cannot use as it is, before anything is written to it:
    one migrated by a newer console, or a MySQL/MariaDB database or table not in utf8mb4."""
    with engine.connect() as connection:
        _checked_revision(engine, connection)


def _checked_revision(engine: Engine, connection: Connection) -> str | None:
    """The database's migration, once its character sets and its revision are known usable."""
    _check_charset(engine, connection)
    revision = _revision(engine, connection)
    if revision is not None and not is_known(revision):
        raise SchemaTooNew(TOO_NEW, url=shown(engine.url), current=revision, head=head_revision())
    return revision


def _revision(engine: Engine, connection: Connection) -> str | None:
    """The database's migration in one query (Alembic's own check asks whether its table
    exists first); Alembic's answer where that query cannot tell."""
    try:
        versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except DBAPIError:
        versions = []
    connection.rollback()
    if len(versions) == 1:
        return str(versions[0][0])
    return current_revision(engine)


def _check_charset(engine: Engine, connection: Connection) -> None:
    if engine.dialect.name not in ("mysql", "mariadb"):
        return
    charset = database_charset(engine)
    tables = tables_not_utf8mb4(engine)
    if charset is None or tables is None:
        charset = connection.execute(text("SELECT @@character_set_database")).scalar_one()
        tables = list(connection.execute(text(TABLES_NOT_UTF8MB4)).scalars())
    if not str(charset).startswith("utf8mb4"):
        raise SchemaOutOfDate(WRONG_CHARSET, url=shown(engine.url), charset=charset)
    if tables:
        raise SchemaOutOfDate(WRONG_TABLE_CHARSET, url=shown(engine.url), tables=", ".join(tables))


TABLES_NOT_UTF8MB4 = (
    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
    " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION NOT LIKE 'utf8mb4%'"
    " ORDER BY TABLE_NAME"
)


def ping(sessions: SessionFactory) -> None:
    """Round-trip to the database (raises when it is unreachable)."""
    with sessions() as session:
        session.execute(text("SELECT 1"))
