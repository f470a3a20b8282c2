"""``cluster-console password``: an operator changes their own password (e.g. after a reset)."""

from __future__ import annotations

import argparse

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import add_login_options, opened, read_password
from console.operators import service as operators

NEW_PROMPT = QT_TR_NOOP("新密码：")
AGAIN_PROMPT = QT_TR_NOOP("再输入一次新密码：")
DIFFERENT = QT_TR_NOOP("两次输入的新密码不一致。")
CHANGED = QT_TR_NOOP("{username} 的密码已修改。")


def register(commands: Subcommands) -> None:
    """Add ``password``."""
    parser = commands.add_parser(
        "password", help=QT_TR_NOOP("修改本人密码（--password-stdin：第一行原密码，第二行新密码）")
    )
    add_login_options(parser, required=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Ask for the old and the new password, then change it."""
    old = read_password(args.password_stdin)
    new = read_password(args.password_stdin, NEW_PROMPT)
    again = new if args.password_stdin else read_password(False, AGAIN_PROMPT)
    if new != again:
        raise InvalidInput(DIFFERENT)
    with opened(args.db) as sessions:
        actor = operators.login(sessions, args.user, old)
        operators.change_own_password(sessions, actor, old, new)
    print(translate("", CHANGED).format(username=actor.username))
    return 0
