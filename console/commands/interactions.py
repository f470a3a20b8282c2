"""``cluster-console interactions import|stats``: messages of the interaction platform, and
the message statistics of a year per site."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from console.base.i18n import QT_TR_NOOP, joined, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.interactions.importing import check_file, import_file
from console.interactions.statistics import statistics_rows

BAD_ROW = QT_TR_NOOP("第 {line} 行（{number}）：{problems}")
CHECKED = QT_TR_NOOP("共 {total} 行，{bad} 行有问题。")
PERSONAL = QT_TR_NOOP("以下列属于留言人的个人信息，没有导入：{headings}")
IGNORED = QT_TR_NOOP("以下列控制台不保存，已略过：{headings}")
STATS_HEADINGS = (
    QT_TR_NOOP("网站标识码"), QT_TR_NOOP("网站名称"), QT_TR_NOOP("收到"), QT_TR_NOOP("有效"),
    QT_TR_NOOP("办结"), QT_TR_NOOP("平均办理天数"), QT_TR_NOOP("公开答复"),
)  # fmt: skip
STATS_UNTIL = QT_TR_NOOP("{year} 年度留言，统计至 {until}，共 {sites} 个网站。")
IMPORTED = QT_TR_NOOP("已导入：新增留言 {added} 条，更新 {updated} 条，新建渠道 {channels} 个。")


def register(commands: Subcommands) -> None:
    """Add ``interactions import`` and ``interactions stats``."""
    interactions = commands.add_parser("interactions", help=QT_TR_NOOP("互动交流渠道和留言"))
    sub = interactions.add_subparsers(dest="interactions_command", required=True, metavar="子命令")
    importing = sub.add_parser(
        "import", help=QT_TR_NOOP("从互动平台导出的 CSV/XLSX 导入留言（全部成功或全部不导入）")
    )
    importing.add_argument("file", type=Path, help=QT_TR_NOOP("互动平台导出的 CSV 或 XLSX 文件"))
    importing.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help=QT_TR_NOOP("其他平台列名和取值的映射文件（JSON）"),
    )
    importing.add_argument("--dry-run", action="store_true", help=QT_TR_NOOP("只检查，不写入"))
    add_login_options(importing, required=False)
    importing.set_defaults(handler=_import)
    stats = sub.add_parser("stats", help=QT_TR_NOOP("各网站某年度的留言统计"))
    stats.add_argument("--year", type=int, required=True, metavar="YYYY", help=QT_TR_NOOP("年度"))
    stats.add_argument(
        "--site", action="append", default=[], metavar="CODE", help=QT_TR_NOOP("只列这些网站")
    )
    stats.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    add_login_options(stats, required=False)
    stats.set_defaults(handler=_stats)


def _stats(args: argparse.Namespace) -> int:
    with opened(args.db) as sessions:
        last, rows = statistics_rows(sessions, acting(sessions, args), args.year, args.site)
    if args.json:
        found = {"year": args.year, "until": last.isoformat(), "sites": [r.as_json() for r in rows]}
        print(json.dumps(found, ensure_ascii=False))
        return 0
    print("\t".join(translate("", h) for h in STATS_HEADINGS))
    for row in rows:
        average = "-" if row.average_days is None else str(row.average_days)
        cells = (row.code, row.name, row.received, row.valid, row.closed, average, row.public)
        print("\t".join(str(cell) for cell in cells))
    print(translate("", STATS_UNTIL).format(year=args.year, until=last, sites=len(rows)))
    return 0


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
