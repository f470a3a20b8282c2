"""``cluster-console report monthly``: the monthly report (通报) as XLSX and PDF, and with
``--send`` each unit's part mailed to its 联络员 and the whole to the operations team."""

from __future__ import annotations

import argparse
from pathlib import Path

from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.supervision.monthly import write_monthly

WROTE = QT_TR_NOOP("已生成 {month} 月报：{xlsx}、{pdf}（{problems} 个问题，整改期限 {fix_by}）")


def register(commands: Subcommands) -> None:
    """Add ``report monthly``."""
    report = commands.add_parser("report", help="生成报告")
    kinds = report.add_subparsers(dest="report", metavar="报告", required=True)
    monthly = kinds.add_parser("monthly", help="站群运行月报（XLSX 与 PDF）")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    monthly.add_argument("--under", metavar="CODE", help="只统计此网站及其下级网站（网站标识码）")
    monthly.add_argument("--out", required=True, type=Path, metavar="DIR", help="输出目录")
    add_login_options(monthly, required=False)
    monthly.set_defaults(handler=run_monthly)


def run_monthly(args: argparse.Namespace) -> int:
    """Write the two files and say where they are; exit 0."""
    with opened(args.db) as sessions:
        actor = acting(sessions, args)
        written = write_monthly(sessions, actor, args.month, args.out, args.under)
    print(
        translate("", WROTE).format(
            month=written.month,
            xlsx=written.xlsx,
            pdf=written.pdf,
            problems=len(written.problems),
            fix_by=written.fix_by,
        )
    )
    return 0
