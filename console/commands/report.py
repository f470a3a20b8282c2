"""``cluster-console report monthly``: the monthly report (通报) as XLSX and PDF, and with
``--send`` each unit's part mailed to its 联络员 and the whole to the operations team;
``report smtp-password`` keeps the SMTP password in the keyring."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from console.base.cluster import read_settings
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.commands._report import report_commands
from console.connections.password_store import PasswordStore
from console.supervision.mail import send_monthly
from console.supervision.monthly import write_monthly
from console.supervision.settings import SMTP_HOST, SMTP_PORT, SMTP_USER
from console.supervision.smtp import keyring_profile, smtp_config

WROTE = QT_TR_NOOP("已生成 {month} 月报：{xlsx}、{pdf}（{problems} 个问题，整改期限 {fix_by}）")
MAILED = QT_TR_NOOP(
    "邮件：已发送 {sent} 封，失败 {failed} 封，跳过 {skipped} 封（已发送过或正在发送）。"
)
FAILED_TO = QT_TR_NOOP("未发送（{key}）：{reason}")
NO_USER = QT_TR_NOOP("smtp.user 为空：服务器不需要密码，无需保存。")
NOT_KEPT = QT_TR_NOOP("密码未能保存到系统密钥环：{reason}")
KEPT = QT_TR_NOOP("已把 {user} 的 SMTP 密码保存到系统密钥环。")
PASSWORD_PROMPT = QT_TR_NOOP("SMTP 密码：")


def register(commands: Subcommands) -> None:
    """Add ``report monthly`` and ``report smtp-password``."""
    kinds = report_commands(commands)
    monthly = kinds.add_parser("monthly", help=QT_TR_NOOP("站群运行月报（XLSX 与 PDF）"))
    monthly.add_argument(
        "--month", required=True, metavar="YYYY-MM", help=QT_TR_NOOP("月份，如 2026-11")
    )
    monthly.add_argument(
        "--under", metavar="CODE", help=QT_TR_NOOP("只统计此网站及其下级网站（网站标识码）")
    )
    monthly.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help=QT_TR_NOOP("输出目录")
    )
    monthly.add_argument(
        "--send", action="store_true", help=QT_TR_NOOP("按单位发送给联络员，全文发给运维团队")
    )
    add_login_options(monthly, required=False)
    monthly.set_defaults(handler=run_monthly)
    password = kinds.add_parser("smtp-password", help=QT_TR_NOOP("把 SMTP 密码保存到系统密钥环"))
    password.add_argument(
        "--password-stdin", action="store_true", help=QT_TR_NOOP("从标准输入读取密码")
    )
    password.set_defaults(handler=run_password)


def run_monthly(args: argparse.Namespace) -> int:
    """Write the two files and say where they are; with ``--send`` mail them. Exit 0, or 1
    when a message could not be sent (it is tried again by the next run)."""
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=args.send)
        config = smtp_config(read_settings(sessions)) if args.send else None
        written = write_monthly(sessions, actor, args.month, args.out, args.under)
        result = send_monthly(sessions, actor, written, config) if config else None
    print(
        translate("", WROTE).format(
            month=written.month, xlsx=written.xlsx, pdf=written.pdf,
            problems=len(written.problems), fix_by=written.fix_by,
        )
    )  # fmt: skip
    if result is None:
        return 0
    print(
        translate("", MAILED).format(
            sent=len(result.sent), failed=len(result.failed), skipped=len(result.skipped)
        )
    )
    for key, reason in result.failed.items():
        print(translate("", FAILED_TO).format(key=key, reason=reason), file=sys.stderr)
    return 1 if result.failed else 0


def run_password(args: argparse.Namespace) -> int:
    """Save the SMTP password of ``smtp.user`` in the keyring; refuse when it cannot stay."""
    with opened(args.db) as sessions:
        settings = read_settings(sessions)
    user = settings[SMTP_USER].strip()
    if not user:
        raise InvalidInput(NO_USER)
    if args.password_stdin:
        secret = sys.stdin.readline().rstrip("\n")
    else:
        secret = getpass.getpass(translate("", PASSWORD_PROMPT))
    store = PasswordStore()
    store.put(keyring_profile(settings[SMTP_HOST].strip(), settings[SMTP_PORT], user), secret)
    if not store.persistent:
        raise InvalidInput(NOT_KEPT, reason=store.reason)
    print(translate("", KEPT).format(user=user))
    return 0
