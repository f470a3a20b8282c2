"""``cluster-console journal verify``: check the journal's hash chain (audit administrator)."""

from __future__ import annotations

import argparse
import json

from console.base import journal
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import add_login_options, login, opened

INTACT = QT_TR_NOOP("日志完整：共 {n} 条，链头哈希 {hash}")
TAMPERED = QT_TR_NOOP("日志已被篡改：共 {n} 条")


def register(commands: Subcommands) -> None:
    """Add ``journal verify``."""
    journal_cmd = commands.add_parser("journal", help=QT_TR_NOOP("操作日志"))
    journal_commands = journal_cmd.add_subparsers(dest="journal_command", required=True)
    verify = journal_commands.add_parser("verify", help=QT_TR_NOOP("校验日志哈希链（审计管理员）"))
    add_login_options(verify, required=True)
    verify.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    verify.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Verify the chain; exit 0 when intact, 1 when tampered with."""
    with opened(args.db) as sessions:
        result = journal.verify(sessions, login(sessions, args.user, args.password_stdin))
    if args.json:
        print(
            json.dumps(
                {
                    "intact": result.intact,
                    "entries": result.entries,
                    "head_seq": result.head_seq,
                    "head_hash": result.head_hash,
                    "problems": result.problems,
                },
                ensure_ascii=False,
            )
        )
    else:
        verdict = INTACT if result.intact else TAMPERED
        print(translate("", verdict).format(n=result.entries, hash=result.head_hash))
        for problem in result.problems:
            print("  " + problem)
    return 0 if result.intact else 1
