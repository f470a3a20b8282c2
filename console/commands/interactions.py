"""``cluster-console interactions import``: messages of the interaction platform."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.base.i18n import QT_TR_NOOP, joined, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.interactions.importing import check_file, import_file

BAD_ROW = QT_TR_NOOP("第 {line} 行（{number}）：{problems}")
CHECKED = QT_TR_NOOP("共 {total} 行，{bad} 行有问题。")
PERSONAL = QT_TR_NOOP("以下列属于留言人的个人信息，没有导入：{headings}")
IGNORED = QT_TR_NOOP("以下列控制台不保存，已略过：{headings}")
IMPORTED = QT_TR_NOOP("已导入：新增留言 {added} 条，更新 {updated} 条，新建渠道 {channels} 个。")


def register(commands: Subcommands) -> None:
    """Add ``interactions import``."""
    interactions = commands.add_parser("interactions", help="互动交流渠道和留言")
    sub = interactions.add_subparsers(dest="interactions_command", required=True, metavar="子命令")
    importing = sub.add_parser(
        "import", help="从互动平台导出的 CSV/XLSX 导入留言（全部成功或全部不导入）"
    )
    importing.add_argument("file", type=Path)
    importing.add_argument(
        "--mapping", type=Path, metavar="FILE", help="其他平台列名和取值的映射文件（JSON）"
    )
    importing.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    add_login_options(importing, required=False)
    importing.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=not args.dry_run)
        checked = check_file(sessions, actor, args.file, args.mapping)
        for row in checked.bad:
            print(
                translate("", BAD_ROW).format(
                    line=row.line, number=row.number or "-", problems=joined(row.problems)
                ),
                file=sys.stderr,
            )
        if checked.personal:
            print(translate("", PERSONAL).format(headings=joined(checked.personal)))
        if checked.ignored:
            print(translate("", IGNORED).format(headings=joined(checked.ignored)))
        print(translate("", CHECKED).format(total=len(checked.rows), bad=len(checked.bad)))
        if args.dry_run or checked.bad:
            return 1 if checked.bad else 0
        done = import_file(sessions, actor, args.file, args.mapping)
    print(
        translate("", IMPORTED).format(
            added=done.added, updated=done.updated, channels=len(done.new_channels)
        )
    )
    return 0
