"""The two kinds of failure the operator sees, kept apart from bugs.

``ConsoleError`` and its subclasses: the operator asked for something the rules refuse; the
message says why, in the operator's language, and nothing was changed.
``EnvironmentFault``: the world failed (database unreachable, disk full); the operator is told
plainly and may retry. Anything else is a bug and goes to the crash handler.
"""

from __future__ import annotations

import errno
from typing import Any

from sqlalchemy import exc as sa_exc

from console.base.i18n import QT_TR_NOOP, translate


class ConsoleError(Exception):
    """An operator's request the rules refuse; carries a translatable message."""

    def __init__(self, message: str, /, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return translate("", self.message).format(**self.params)


class InvalidInput(ConsoleError):
    """A value does not satisfy its rule (format, check digit, range)."""


class NotPermitted(ConsoleError):
    """The acting operator's duties do not cover the request."""


class NotFound(ConsoleError):
    """The object named does not exist (any more)."""


class Conflict(ConsoleError):
    """Someone else changed the object since it was read."""


class AuthenticationFailed(ConsoleError):
    """Wrong user name or password, or the login is locked or disabled."""


class SchemaOutOfDate(ConsoleError):
    """The database is not at the newest migration and must be upgraded deliberately."""


class SchemaTooNew(ConsoleError):
    """The database was migrated by a newer console than this one: update the console."""


class EnvironmentFault(Exception):
    """The database or the machine failed; not the operator's fault and not a bug."""

    def __init__(self, message: str, /, detail: str = "", **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.params = {"detail": detail, **params}

    def __str__(self) -> str:
        return translate("", self.message).format(**self.params)


DB_UNREACHABLE = QT_TR_NOOP("数据库连接中断：{detail}")
CANNOT_CONNECT = QT_TR_NOOP(
    "数据库连接中断：无法连接数据库服务器（地址或端口不对、服务器未启动，或网络不通），"
    "请核对数据库地址。"
)
AUTH_REFUSED = QT_TR_NOOP("数据库服务器拒绝登录：用户名或密码不对，或该用户无权从本机连接。")
NO_DATABASE = QT_TR_NOOP("数据库服务器上没有这个数据库：请核对库名，或先由数据库管理员建库。")
NO_SQLITE_FILE = QT_TR_NOOP("无法打开 SQLite 数据库文件：所在文件夹不存在或没有写权限。")
# What drivers say (PostgreSQL, MySQL/MariaDB error numbers, SQLite), by what it means.
CONNECTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (AUTH_REFUSED, ("password authentication failed", "role \"", "(1045,", "(1698,", "(1044,",
                    "access denied", "no password supplied", "no pg_hba.conf entry")),
    (NO_DATABASE, ("database \"", "(1049,", "unknown database")),
    (CANNOT_CONNECT, ("connection refused", "(2003,", "(2005,", "(2013,", "can't connect",
                      "failed to resolve host", "name or service not known", "timeout expired",
                      "timed out", "no route to host", "could not translate host name")),
    (NO_SQLITE_FILE, ("unable to open database file",)),
)  # fmt: skip
DISK_FULL = QT_TR_NOOP("磁盘空间不足，无法写入：{detail}")


def classify(error: BaseException) -> EnvironmentFault | None:
    """Return the ``EnvironmentFault`` an exception stands for, or None when it is a bug."""
    if isinstance(error, EnvironmentFault):
        return error
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return EnvironmentFault(DB_UNREACHABLE, detail=_first_line(error.orig))
    if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError):
        text = _first_line(error.orig)
        if "database or disk is full" in text:
            return EnvironmentFault(DISK_FULL, detail=text)
        lowered = str(error.orig).lower()
        for message, words in CONNECTION_WORDS:
            if any(word in lowered for word in words):
                return EnvironmentFault(message, detail=text)
        return EnvironmentFault(DB_UNREACHABLE, detail=text)
    if isinstance(error, sa_exc.DisconnectionError | sa_exc.TimeoutError):
        return EnvironmentFault(DB_UNREACHABLE, detail=_first_line(error))
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return EnvironmentFault(DISK_FULL, detail=_first_line(error))
    if isinstance(error, ConnectionError | TimeoutError):
        return EnvironmentFault(DB_UNREACHABLE, detail=_first_line(error))
    return None


def _first_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
