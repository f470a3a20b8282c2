"""``cluster-console operators init``: the first three administrators, for servers set up over
SSH, by the same service and rules as the first-run dialog (三员分立, the password policy)."""

from __future__ import annotations

import argparse

from console.base.actor import DUTY_LABELS
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, joined, translate
from console.commands import Subcommands
from console.commands._arguments import said
from console.commands._common import opened, read_password
from console.operators import service as operators
from console.operators.passwords import MIN_LENGTH
from console.schema import Duty

ROLES = (
    (Duty.SYSTEM_ADMIN, "sysadmin"),
    (Duty.SECURITY_ADMIN, "secadmin"),
    (Duty.AUDIT_ADMIN, "auditor"),
)
INIT_HELP = QT_TR_NOOP(
    "为新的站群数据库建立系统管理员、安全管理员和审计管理员（三人不同，规则同首次运行对话框）；"
    "--password-stdin 时依次读三行密码"
)
USER_HELP = QT_TR_NOOP("{duty}的用户名（默认 {default}）")
NAME_HELP = QT_TR_NOOP("{duty}的姓名（默认“{duty}”）")
STDIN_HELP = QT_TR_NOOP("从标准输入依次读取三人的密码，每行一个（顺序同上）")
PASSWORD_FOR = QT_TR_NOOP(
    "{duty} {username} 的密码（至少 {n} 位，含大写字母、小写字母、数字、符号中的三类）："
)
AGAIN_FOR = QT_TR_NOOP("再输入一次 {username} 的密码：")
DIFFERENT = QT_TR_NOOP("{duty}的两次密码不一致。")
CREATED = QT_TR_NOOP("已建立管理员：{names}。请分别用各自的账号登录。")


def register(commands: Subcommands) -> None:
    """Add ``operators init``."""
    cmd = commands.add_parser("operators", help=QT_TR_NOOP("控制台操作员"))
    sub = cmd.add_subparsers(dest="operators_command", required=True)
    init = sub.add_parser("init", help=INIT_HELP)
    for duty, default in ROLES:
        label = translate("", DUTY_LABELS[duty])
        init.add_argument(
            f"--{default}", default=default, metavar="USER",
            help=said(USER_HELP, duty=label, default=default),
        )  # fmt: skip
        init.add_argument(f"--{default}-name", metavar="NAME", help=said(NAME_HELP, duty=label))
    init.add_argument("--password-stdin", action="store_true", help=STDIN_HELP)
    init.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace) -> int:
    """Ask for the three passwords (or read them), then create the administrators together."""
    new: list[operators.NewOperator] = []
    for duty, option in ROLES:
        label = translate("", DUTY_LABELS[duty])
        username = getattr(args, option).strip()
        name = (getattr(args, f"{option}_name") or label).strip()
        prompt = translate("", PASSWORD_FOR).format(duty=label, username=username, n=MIN_LENGTH)
        password = read_password(args.password_stdin, prompt)
        if not args.password_stdin:
            again = read_password(False, translate("", AGAIN_FOR).format(username=username))
            if again != password:
                raise InvalidInput(DIFFERENT, duty=label)
        new.append(operators.NewOperator(username, name, password, frozenset({duty})))
    with opened(args.db) as sessions:
        operators.bootstrap(sessions, new)
    print(translate("", CREATED).format(names=joined(n.username for n in new)))
    return 0
