"""``cluster-console addresses``: columns' list-page addresses, which the site patrol reads."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from console.base import clock
from console.base.cluster import read_settings
from console.base.errors import InvalidInput
from console.base.export import dated_name
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.patrol import addresses
from console.patrol.navigation import EXACT
from console.patrol.wording import problem_text
from console.probes.dialing import Dialer, parse_connect_to

NONE = QT_TR_NOOP("（无地址）")
COUNT = QT_TR_NOOP("{n} 个栏目，其中 {missing} 个没有列表页地址。")
PROPOSED = QT_TR_NOOP("首页 {home}：{found} 个栏目在导航中找到，{changes} 个与登记不同。")
HOME_FAILED = QT_TR_NOOP("首页未能打开：{error}")
HOW = {EXACT: QT_TR_NOOP("名称相同"), "normalised": QT_TR_NOOP("规范化后相同")}
NOT_FOUND = QT_TR_NOOP("导航中未找到")
CHANGED = QT_TR_NOOP("已修改 {n} 个栏目的地址。")
WOULD_CHANGE = QT_TR_NOOP("检查通过：将修改 {n} 个栏目的地址（未写入）。")
EXPORTED = QT_TR_NOOP("已导出 {n} 个栏目到 {path}")
BAD_PAIR = QT_TR_NOOP("“{value}”应写成 栏目代码=地址（地址留空表示清除）。")
TITLE = QT_TR_NOOP("栏目地址")


def register(commands: Subcommands) -> None:
    """Add ``addresses list|discover|set|export|import``."""
    parser = commands.add_parser("addresses", help=QT_TR_NOOP("栏目列表页地址（网站巡查所用）"))
    sub = parser.add_subparsers(dest="action", required=True)
    listing = sub.add_parser("list", help=QT_TR_NOOP("列出栏目及其地址（没有地址的也列出）"))
    listing.add_argument(
        "--site", action="append", default=[], metavar="CODE", help=QT_TR_NOOP("网站标识码")
    )
    listing.add_argument("--missing", action="store_true", help=QT_TR_NOOP("只列没有地址的栏目"))
    listing.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    listing.set_defaults(handler=_list)
    found = sub.add_parser("discover", help=QT_TR_NOOP("从首页导航按栏目名称找地址，供确认"))
    found.add_argument("--site", required=True, metavar="CODE", help=QT_TR_NOOP("网站标识码"))
    found.add_argument(
        "--connect-to", action="append", default=[], metavar="HOST:PORT:ADDR:PORT",
        help=QT_TR_NOOP("同 curl：经另一地址和端口访问登记的主机"),
    )  # fmt: skip
    found.add_argument(
        "--accept", action="store_true", help=QT_TR_NOOP("确认：把找到的地址写入登记")
    )
    found.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    found.set_defaults(handler=_discover)
    setting = sub.add_parser("set", help=QT_TR_NOOP("设置栏目地址"))
    setting.add_argument("--site", required=True, metavar="CODE", help=QT_TR_NOOP("网站标识码"))
    setting.add_argument(
        "pairs", nargs="+", metavar="CODE=URL", help=QT_TR_NOOP("地址留空表示清除")
    )
    setting.set_defaults(handler=_set)
    exporting = sub.add_parser("export", help=QT_TR_NOOP("导出栏目地址到 CSV/XLSX"))
    exporting.add_argument(
        "file", type=Path, help=QT_TR_NOOP("文件；给出目录时写入其中的“栏目地址_日期.xlsx”")
    )
    exporting.add_argument(
        "--site", action="append", default=[], metavar="CODE", help=QT_TR_NOOP("网站标识码")
    )
    exporting.set_defaults(handler=_export)
    importing = sub.add_parser(
        "import", help=QT_TR_NOOP("从 CSV/XLSX 导入栏目地址（全部成功或全部不导入）")
    )
    importing.add_argument("file", type=Path, help=QT_TR_NOOP("导出所得格式的文件"))
    importing.add_argument("--dry-run", action="store_true", help=QT_TR_NOOP("只检查，不写入"))
    importing.set_defaults(handler=_import)
    for each in (listing, found, setting, exporting, importing):
        add_login_options(each, required=False)


def _list(args: argparse.Namespace) -> int:
    with opened(args.db) as sessions:
        found = addresses.column_addresses(sessions, acting(sessions, args), args.site)
    shown = [a for a in found if a.url is None] if args.missing else found
    if args.json:
        for a in shown:
            row = {"site_code": a.site_code, "code": a.code, "name": a.name, "url": a.url}
            print(json.dumps(row, ensure_ascii=False))
        return 0
    for a in shown:
        print(f"{a.site_code}\t{a.code}\t{a.name}\t{a.url or translate('', NONE)}")
    missing = sum(1 for a in found if a.url is None)
    print(translate("", COUNT).format(n=len(found), missing=missing), file=sys.stderr)
    return 0


def _discover(args: argparse.Namespace) -> int:
    dialer = Dialer(parse_connect_to(args.connect_to))
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=args.accept)
        proposals = addresses.proposals_for(sessions, actor, args.site, dialer)
        if proposals.error is not None:
            error = problem_text(proposals.error)
            print(translate("", HOME_FAILED).format(error=error), file=sys.stderr)
            return 1
        for p in proposals.columns:
            if args.json:
                row = {"code": p.code, "name": p.name, "registered": p.registered}
                print(json.dumps(row | {"found": p.found, "how": p.how}, ensure_ascii=False))
                continue
            how = translate("", HOW[p.how]) if p.how else translate("", NOT_FOUND)
            mark = "*" if p.changes else " "
            print(f"{mark} {p.code}\t{p.name}\t{p.found or '-'}\t{how}\t{p.registered or '-'}")
        changes = {p.code: p.found for p in proposals.columns if p.changes}
        found = sum(1 for p in proposals.columns if p.found)
        told = translate("", PROPOSED)
        home = proposals.home_url
        print(told.format(home=home, found=found, changes=len(changes)), file=sys.stderr)
        if args.accept and changes:
            n = addresses.set_addresses(sessions, actor, args.site, changes)
            print(translate("", CHANGED).format(n=n), file=sys.stderr)
    return 0


def _set(args: argparse.Namespace) -> int:
    changes: dict[str, str | None] = {}
    for pair in args.pairs:
        code, equals, url = pair.partition("=")
        if not equals or not code.strip():
            raise InvalidInput(BAD_PAIR, value=pair)
        changes[code.strip()] = url.strip() or None
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=True)
        n = addresses.set_addresses(sessions, actor, args.site, changes)
    print(translate("", CHANGED).format(n=n))
    return 0


def _export(args: argparse.Namespace) -> int:
    path: Path = args.file
    with opened(args.db) as sessions:
        if path.is_dir():
            today = clock.today(read_settings(sessions).zone)
            path = path / dated_name(translate("", TITLE), "xlsx", today)
        n = addresses.export_addresses(sessions, acting(sessions, args), path, args.site)
    print(translate("", EXPORTED).format(n=n, path=path))
    return 0


def _import(args: argparse.Namespace) -> int:
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=not args.dry_run)
        n = addresses.import_addresses(sessions, actor, args.file, args.dry_run)
    print(translate("", WOULD_CHANGE if args.dry_run else CHANGED).format(n=n))
    return 0
