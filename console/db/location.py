"""Where the database is: the default embedded file, the environment, and safe display of URLs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP

APP_NAME = "cluster-console"
ENV_URL = "CLUSTER_CONSOLE_DB"
DEFAULT_FILE = "cluster.sqlite3"
# The drivers the console ships with, used when a URL names only the database family.
DRIVERS = {
    "sqlite": "sqlite",
    "postgresql": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mariadb+pymysql",
}
DRIVERS_OF = {
    "sqlite": ("pysqlite",),
    "postgresql": ("psycopg",),
    "mysql": ("pymysql",),
    "mariadb": ("pymysql",),
}

NO_SCHEME = QT_TR_NOOP(
    "数据库地址“{url}”缺少类型：SQLite 文件请写 sqlite:///{url}，"
    "服务器请写 postgresql://用户@主机/库名 或 mysql://用户@主机/库名。"
)
NO_DATABASE_NAME = QT_TR_NOOP("数据库地址 {url} 缺少库名：应为 …://用户@主机/库名。")
NO_FOLDER = QT_TR_NOOP("SQLite 数据库 {name} 所在的文件夹 {folder} 不存在。")
UNKNOWN_BACKEND = QT_TR_NOOP(
    "数据库地址的类型“{scheme}”不受支持，可用：sqlite、postgresql、mysql、mariadb。"
)


def data_dir() -> Path:
    """The per-user data folder (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> URL:
    """The embedded SQLite file in the user's data folder."""
    return URL.create("sqlite", database=str(data_dir() / DEFAULT_FILE))


def resolve_url(url: str | URL | None) -> URL:
    """The URL to use: the one given, else ``$CLUSTER_CONSOLE_DB``, else the default file."""
    if url is None:
        url = os.environ.get(ENV_URL) or None
    if url is None:
        return default_url()
    return checked_url(url)


def checked_url(url: str | URL) -> URL:
    """``url`` parsed, with the console's driver when it names only the database family;
    ``InvalidInput`` for text that is no database URL or names a database the console lacks."""
    if isinstance(url, str):
        if "://" not in url:
            raise InvalidInput(NO_SCHEME, url=url)
        text = url
        try:
            url = make_url(text)
        except (ArgumentError, ValueError):
            raise InvalidInput(UNKNOWN_BACKEND, scheme=text.split("://", 1)[0]) from None
    family = url.get_backend_name()
    if family not in DRIVERS:
        raise InvalidInput(UNKNOWN_BACKEND, scheme=url.drivername)
    if family != "sqlite" and not url.database:
        raise InvalidInput(NO_DATABASE_NAME, url=url.render_as_string(hide_password=True))
    if family == "sqlite" and url.database not in (None, "", ":memory:"):
        folder = Path(url.database).expanduser().parent
        if not folder.is_dir():
            raise InvalidInput(NO_FOLDER, folder=str(folder), name=Path(url.database).name)
    if "+" not in url.drivername:
        return url.set(drivername=DRIVERS[family])
    if url.get_driver_name() not in DRIVERS_OF[family]:
        raise InvalidInput(UNKNOWN_BACKEND, scheme=url.drivername)
    return url


def is_sqlite(url: URL) -> bool:
    """Whether ``url`` names an embedded SQLite database."""
    return url.get_backend_name() == "sqlite"


def shown(url: URL) -> str:
    """``url`` as it may be shown or logged: never with its password."""
    return without_password(url).render_as_string(hide_password=True)


def without_password(url: URL) -> URL:
    """``url`` without any password, in its credentials or its query (kept in profiles)."""
    # URL.set(password=None) would leave the password in place: None there means "unchanged".
    return url._replace(password=None).difference_update_query(["password"])
