"""``cluster-console journal verify|anchor``: check the journal's hash chain, and keep its head
outside the database (audit administrator)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from console.base import anchors, journal
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import add_login_options, login, opened

INTACT = QT_TR_NOOP("日志完整：共 {n} 条，链头哈希 {hash}")
TAMPERED = QT_TR_NOOP("日志已被篡改：共 {n} 条")
ANCHORS_HOLD = QT_TR_NOOP("{n} 个锚点均在日志链上（{path}）")
ANCHORED = QT_TR_NOOP("已记录锚点：第 {seq} 条，哈希 {hash}，时间 {at} → {path}")


def register(commands: Subcommands) -> None:
    """Add ``journal verify``."""
    journal_cmd = commands.add_parser("journal", help=QT_TR_NOOP("操作日志"))
    journal_commands = journal_cmd.add_subparsers(dest="journal_command", required=True)
    verify = journal_commands.add_parser("verify", help=QT_TR_NOOP("校验日志哈希链（审计管理员）"))
    add_login_options(verify, required=True)
    verify.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    verify.add_argument(
        "--anchors", type=Path, metavar="FILE", help=QT_TR_NOOP("核对锚点文件中的每个锚点")
    )
    verify.set_defaults(handler=run)
    anchor = journal_commands.add_parser(
        "anchor", help=QT_TR_NOOP("把当前链头（序号、哈希、时间）追加到锚点文件（审计管理员）")
    )
    add_login_options(anchor, required=True)
    anchor.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help=QT_TR_NOOP("锚点文件（默认：用户数据目录中的 journal-anchors.jsonl）"),
    )
    anchor.set_defaults(handler=run_anchor)


def run_anchor(args: argparse.Namespace) -> int:
    """Append the current head to the anchors file."""
    path = args.out or anchors.default_path()
    with opened(args.db) as sessions:
        taken = anchors.take(sessions, login(sessions, args.user, args.password_stdin))
    anchors.append(path, taken)
    print(translate("", ANCHORED).format(seq=taken.seq, hash=taken.hash, at=taken.at, path=path))
    return 0


def run(args: argparse.Namespace) -> int:
    """Verify the chain; exit 0 when intact, 1 when tampered with."""
    recorded = anchors.read(args.anchors) if args.anchors else []
    with opened(args.db) as sessions:
        actor = login(sessions, args.user, args.password_stdin)
        result = journal.verify(sessions, actor)
        if recorded:
            result.problems.extend(anchors.check(sessions, actor, recorded))
    if args.json:
        print(
            json.dumps(
                {
                    "intact": result.intact,
                    "entries": result.entries,
                    "head_seq": result.head_seq,
                    "head_hash": result.head_hash,
                    "anchors": len(recorded),
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
        if recorded and result.intact:
            print(translate("", ANCHORS_HOLD).format(n=len(recorded), path=args.anchors))
    return 0 if result.intact else 1
