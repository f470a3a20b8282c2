"""``cluster-console password``: an operator changes their own password (e.g. after a reset)."""

from __future__ import annotations

import argparse
import getpass
import sys

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import PASSWORD_PROMPT, add_login_options, opened
from console.operators import service as operators

NEW_PROMPT = QT_TR_NOOP("新密码：")
AGAIN_PROMPT = QT_TR_NOOP("再输入一次新密码：")
DIFFERENT = QT_TR_NOOP("两次输入的新密码不一致。")
CHANGED = QT_TR_NOOP("{username} 的密码已修改。")


def register(commands: Subcommands) -> None:
    """Add ``password``."""
    parser = commands.add_parser(
        "password", help="修改本人密码（--password-stdin：第一行原密码，第二行新密码）"
    )
    add_login_options(parser, required=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Ask for the old and the new password, then change it."""
    if args.password_stdin:
        old = sys.stdin.readline().rstrip("\n")
        new = again = sys.stdin.readline().rstrip("\n")
    else:
        old = getpass.getpass(translate("", PASSWORD_PROMPT))
        new = getpass.getpass(translate("", NEW_PROMPT))
        again = getpass.getpass(translate("", AGAIN_PROMPT))
    if new != again:
        raise InvalidInput(DIFFERENT)
    with opened(args.db) as sessions:
        actor = operators.login(sessions, args.user, old)
        operators.change_own_password(sessions, actor, old, new)
    print(translate("", CHANGED).format(username=actor.username))
    return 0
