"""Trying a connection before using it: is the database there, which engine, which schema."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import NullPool

from console.base.errors import classify
from console.base.i18n import QT_TR_NOOP, translate
from console.connections.profiles import Profile
from console.db.engine import make_engine
from console.db.location import shown
from console.db.migrate import alembic_config, current_revision, head_revision

CONNECT_TIMEOUT_S = 5.0
NOT_A_DATABASE = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})

UNREACHABLE = QT_TR_NOOP("无法连接数据库 {url}：{detail}")
NO_FOLDER = QT_TR_NOOP("文件夹 {folder} 不存在。")
NEW_FILE = QT_TR_NOOP("数据库文件 {path} 尚不存在，连接时将新建并初始化。")
CURRENT = QT_TR_NOOP("连接成功：{version}，数据库结构为最新版本（{revision}）。")
EMPTY_EMBEDDED = QT_TR_NOOP("连接成功：{version}。该数据库尚未初始化，连接时将自动初始化。")
EMPTY_SERVER = QT_TR_NOOP(
    "连接成功：{version}。该数据库尚未初始化，请由数据库管理员执行："
    "cluster-console --db {url} db upgrade"
)
OLD_EMBEDDED = QT_TR_NOOP(
    "连接成功：{version}。数据库结构版本为 {revision}，连接时将升级到 {head}。"
)
OLD_SERVER = QT_TR_NOOP(
    "连接成功：{version}。数据库结构版本为 {revision}，本程序需要 {head}。"
    "请由数据库管理员执行：cluster-console --db {url} db upgrade"
)
NEWER = QT_TR_NOOP(
    "连接成功：{version}。数据库结构版本 {revision} 比本程序认识的版本新，请升级本程序。"
)


@dataclass(frozen=True)
class ConnectionReport:
    """What a connection test found; ``message`` says it to the operator, without password.

    ``detail`` is the driver's reason when the database is unreachable, or the path of an SQLite
    file that does not exist yet (``exists`` false).
    """

    url: str
    reachable: bool
    server_version: str = ""
    revision: str | None = None
    head: str = ""
    detail: str = ""
    embedded: bool = False
    exists: bool = True

    @property
    def up_to_date(self) -> bool:
        """Whether the database is at the newest migration this console knows."""
        return self.reachable and self.revision == self.head

    @property
    def message(self) -> str:
        """The finding in one or two sentences, in the operator's language."""
        template, params = self._template()
        return translate("", template).format(**params)

    def _template(self) -> tuple[str, dict[str, Any]]:
        if not self.reachable:
            return UNREACHABLE, {"url": self.url, "detail": self.detail}
        params = {
            "url": self.url,
            "version": self.server_version,
            "revision": self.revision,
            "head": self.head,
        }
        if not self.exists:
            return NEW_FILE, {"path": self.detail}
        if self.revision == self.head:
            return CURRENT, params
        if self.revision is None:
            return (EMPTY_EMBEDDED if self.embedded else EMPTY_SERVER), params
        if not _known(self.revision):
            return NEWER, params
        return (OLD_EMBEDDED if self.embedded else OLD_SERVER), params


def connect_url(profile: Profile, password: str | None) -> URL:
    """The URL to open ``profile`` with: its address plus ``password`` (none when empty)."""
    return profile.sqlalchemy_url.set(password=password or None)


def test_connection(url: URL | str, timeout: float = CONNECT_TIMEOUT_S) -> ConnectionReport:
    """Connect to ``url``, read its engine version and schema revision, and disconnect.

    Never creates or changes anything (an SQLite file is opened read-only), waits at most about
    ``timeout`` seconds for a server, and never puts the password into the report. Only the
    server, the network or the driver failing makes the database unreachable; any other
    exception is a bug and propagates.
    """
    url = make_url(url)
    head = head_revision()
    secret = url.password or url.query.get("password")
    if not isinstance(secret, str):
        secret = ""
    display = shown(url)
    if url.get_backend_name() == "sqlite":
        missing = _missing_file(url, display, head)
        if missing is not None:
            return missing
    engine = _engine(url, timeout)
    try:
        with engine.connect() as connection:
            version = _version(connection)
        revision = current_revision(engine)
    except Exception as error:
        if not _unreachable(error):
            raise
        return ConnectionReport(
            url=display, reachable=False, head=head, detail=_detail(error, secret)
        )
    finally:
        engine.dispose()
    return ConnectionReport(
        url=display,
        reachable=True,
        server_version=version,
        revision=revision,
        head=head,
        embedded=url.get_backend_name() == "sqlite",
    )


# pytest would otherwise collect the function above wherever a test module imports it.
test_connection.__test__ = False  # type: ignore[attr-defined]


def _missing_file(url: URL, display: str, head: str) -> ConnectionReport | None:
    path = Path(url.database or "").expanduser()
    if path.exists():
        return None
    if not path.parent.is_dir():
        folder = translate("", NO_FOLDER).format(folder=str(path.parent))
        return ConnectionReport(url=display, reachable=False, head=head, detail=folder)
    return ConnectionReport(
        url=display, reachable=True, head=head, embedded=True, exists=False, detail=str(path)
    )


def _engine(url: URL, timeout: float) -> Engine:
    backend = url.get_backend_name()
    if backend == "sqlite":
        # Read-only through a file: URI, so that testing never creates or converts a file.
        path = Path(url.database or "").expanduser().resolve()
        read_only = URL.create("sqlite", database=f"{path.as_uri()}?mode=ro", query={"uri": "true"})
        return create_engine(read_only, poolclass=NullPool)
    return make_engine(url, connect_timeout=max(2, math.ceil(timeout)), pooled=False)


def _version(connection: Connection) -> str:
    dialect = connection.dialect
    if dialect.name == "sqlite":
        return f"SQLite {connection.exec_driver_sql('SELECT sqlite_version()').scalar_one()}"
    numbers = ".".join(str(part) for part in dialect.server_version_info or ())
    if dialect.name == "postgresql":
        return f"PostgreSQL {numbers}"
    return f"{'MariaDB' if getattr(dialect, 'is_mariadb', False) else 'MySQL'} {numbers}"


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _unreachable(error: Exception) -> bool:
    """Whether ``error`` is the server, the network or the driver failing (the operator is told
    the database is unreachable), as opposed to a bug, which must surface as one."""
    if classify(error) is not None:
        return True
    # SQLite reports a file that is not a database (or is damaged) only when it is first read.
    return getattr(getattr(error, "orig", None), "sqlite_errorname", "") in NOT_A_DATABASE


def _detail(error: Exception, password: str) -> str:
    """The first line of the driver's own message, with the password blanked should it appear."""
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).strip().splitlines() if line.strip()]
    detail = lines[0] if lines else type(cause).__name__
    if password:
        detail = detail.replace(password, "***")
    return detail
