"""``cluster-console report annual``: the 政府网站工作年度报表 of a year, per site and summed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.annual.documents import write_reports
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.commands._report import report_commands

WRITTEN = QT_TR_NOOP("已生成 {sites} 个网站的年度报表（{files} 个文件）到 {out}")
DRAFT = QT_TR_NOOP("{year} 年度尚未结束：报表均为草稿。")
INCOMPLETE = QT_TR_NOOP("{code}\t{name}\t缺少必填项：{items}")
INCOMPLETE_COUNT = QT_TR_NOOP("{count} 个网站的报表缺少必填项，报表上已注明。")


def register(commands: Subcommands) -> None:
    """Add ``report annual``."""
    annual = report_commands(commands).add_parser(
        "annual", help=QT_TR_NOOP("政府网站工作年度报表：每个网站一份 XLSX 和 PDF，另加汇总工作簿")
    )
    annual.add_argument(
        "--year", type=int, required=True, metavar="YYYY", help=QT_TR_NOOP("报表年度")
    )
    annual.add_argument(
        "--site",
        action="append",
        default=[],
        metavar="CODE",
        help=QT_TR_NOOP("只生成这些网站（可重复）"),
    )
    annual.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help=QT_TR_NOOP("输出文件夹")
    )
    add_login_options(annual, required=False)
    annual.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the reports; list the sites lacking required figures on stderr. Exit 0 when
    every report is complete, 1 when some lack figures (their files say so)."""
    with opened(args.db) as sessions:
        actor = acting(sessions, args)
        done = write_reports(sessions, actor, args.year, args.out, args.site)
    for report in done.incomplete:
        line = translate("", INCOMPLETE).format(
            code=report.code, name=report.name, items=report.missing_text()
        )
        print(line, file=sys.stderr)
    print(translate("", WRITTEN).format(sites=done.reports, files=len(done.files), out=args.out))
    if done.draft:
        print(translate("", DRAFT).format(year=args.year))
    if done.incomplete:
        print(translate("", INCOMPLETE_COUNT).format(count=len(done.incomplete)))
        return 1
    return 0
