"""What several commands share: opening the database, logging an operator in, printing rows."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from console.base.actor import REGISTER_READERS, Actor
from console.base.errors import InvalidInput, NotPermitted
from console.base.i18n import QT_TR_NOOP, translate
from console.db import SessionFactory, engine_of, open_database
from console.operators import service as operators

PASSWORD_PROMPT = QT_TR_NOOP("密码：")
NEEDS_OPERATOR = QT_TR_NOOP(
    "这项操作会修改站群数据，请用 --user 指明操作员（只读的操作可不指明）。"
)
MUST_CHANGE = QT_TR_NOOP(
    "{username} 使用的是安全管理员重置的临时密码，请先修改："
    "cluster-console password --user {username}"
)
NO_PASSWORD = QT_TR_NOOP("标准输入中没有密码（第一行为空），未尝试登录。")
NO_TERMINAL = QT_TR_NOOP("没有终端可以输入密码：请用 --password-stdin 从标准输入提供密码。")
READER_NAME = "command-line"


@contextmanager
def opened(url: str | None) -> Iterator[SessionFactory]:
    """The cluster database at ``url`` (or the default), disposed of afterwards."""
    sessions = open_database(url)
    try:
        yield sessions
    finally:
        engine_of(sessions).dispose()


def login(sessions: SessionFactory, username: str, from_stdin: bool) -> Actor:
    """Log ``username`` in with a password from stdin or a prompt; the acting operator.

    An operator whose password was reset must change it first (``password``): the security
    administrator who set the temporary password knows it."""
    password = read_password(from_stdin)
    actor = operators.login(sessions, username, password)
    if operators.must_change_password(sessions, actor):
        raise NotPermitted(MUST_CHANGE, username=actor.username)
    return actor


def read_password(from_stdin: bool, prompt: str = PASSWORD_PROMPT) -> str:
    """A password from the next line of stdin, or typed at the terminal after ``prompt``.

    An empty line is refused before any login is tried, so a job whose secret is missing does
    not count as a failed attempt (and lock the operator out); without a terminal the command
    says to use ``--password-stdin`` instead of reading stdin behind the operator's back."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise InvalidInput(NO_PASSWORD)
        return password
    if not sys.stdin.isatty():
        raise InvalidInput(NO_TERMINAL)
    return getpass.getpass(translate("", prompt))


def add_login_options(parser: argparse.ArgumentParser, required: bool) -> None:
    """``--user`` and ``--password-stdin``: who runs a command that needs an operator."""
    parser.add_argument("--user", required=required, help=QT_TR_NOOP("操作员用户名"))
    parser.add_argument(
        "--password-stdin", action="store_true", help=QT_TR_NOOP("从标准输入读取密码")
    )


def acting(sessions: SessionFactory, args: argparse.Namespace, writes: bool = False) -> Actor:
    """The operator named by ``--user`` (logged in), or for reading without it, a reader.

    Whoever holds the database URL can read every table directly, so a read-only command
    without ``--user`` acts as a reader of the register; a command that ``writes`` is refused
    without ``--user``, so every change is journalled under a logged-in operator.
    """
    if getattr(args, "user", None):
        return login(sessions, args.user, args.password_stdin)
    if writes:
        raise InvalidInput(NEEDS_OPERATOR)
    return Actor(None, READER_NAME, REGISTER_READERS)
