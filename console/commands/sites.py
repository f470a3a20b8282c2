"""``cluster-console sites list|import|export``: the site register without the window."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from console.base import clock
from console.base.cluster import read_settings
from console.base.errors import InvalidInput
from console.base.export import dated_name
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import site_code_form
from console.base.labels import SITE_KINDS, SITE_STATES
from console.base.listing import Query, iter_rendered, read_page
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.sites.importing import check_and_import
from console.sites.register_file import export_register
from console.sites.rules import reasons_text
from console.sites.service import LEVELS, SITES
from console.sites.views import site_id_of

BAD_ROW = QT_TR_NOOP("第 {line} 行（{code}）：{problems}")
CHECKED = QT_TR_NOOP("共 {total} 行，{bad} 行有问题。")
IMPORTED = QT_TR_NOOP("已导入 {n} 个站点。")
ADDRESSES_CHANGED = QT_TR_NOOP("已写入 {n} 个栏目的列表页地址。")
NOT_WRITTEN = QT_TR_NOOP("有问题的行改正之前，不会导入任何站点。")
EXPORTED = QT_TR_NOOP("已导出 {n} 行到 {path}")
UNKNOWN_VALUE = QT_TR_NOOP("“{value}”不是可用的{what}，可用：{allowed}")
STATE_WORD = QT_TR_NOOP("状态")
KIND_WORD = QT_TR_NOOP("类型")
LEVEL_WORD = QT_TR_NOOP("层级")


def register(commands: Subcommands) -> None:
    """Add ``sites list``, ``sites import`` and ``sites export``."""
    sites = commands.add_parser("sites", help=QT_TR_NOOP("站点登记"))
    sub = sites.add_subparsers(dest="sites_command", required=True)
    listing = sub.add_parser("list", help=QT_TR_NOOP("列出站点"))
    form = listing.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    form.add_argument("--csv", action="store_true", help=QT_TR_NOOP("输出 CSV（带列标题）"))
    _filters(listing)
    listing.set_defaults(handler=_list)
    importing = sub.add_parser(
        "import", help=QT_TR_NOOP("从 CSV/XLSX 导入站点（全部成功或全部不导入）")
    )
    importing.add_argument(
        "file", type=Path, help=QT_TR_NOOP("CSV 或 XLSX 文件，列与 sites export 写出的相同")
    )
    importing.add_argument("--dry-run", action="store_true", help=QT_TR_NOOP("只检查，不写入"))
    add_login_options(importing, required=False)
    importing.set_defaults(handler=_import)
    exporting = sub.add_parser(
        "export",
        help=QT_TR_NOOP("导出站点到 CSV/XLSX（格式按扩展名；列与 sites import 相同，上级在前）"),
    )
    exporting.add_argument(
        "file", type=Path, help=QT_TR_NOOP("文件；给出目录时写入其中的“站点_日期.xlsx”")
    )
    _filters(exporting)
    exporting.set_defaults(handler=_export)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--state", help=QT_TR_NOOP("状态（代码或名称，如 running / 运行）"))
    parser.add_argument("--kind", help=QT_TR_NOOP("类型（代码或名称，如 department / 部门网站）"))
    parser.add_argument("--level", help=QT_TR_NOOP("层级（代码或名称，如 county / 县级）"))
    parser.add_argument(
        "--under",
        type=site_code_form,
        metavar="CODE",
        help=QT_TR_NOOP("只列该网站（标识码）及其下级网站"),
    )
    parser.add_argument(
        "--text", default="", help=QT_TR_NOOP("快速筛选：标识码、名称、主办单位、域名、备案号")
    )


def _query(args: argparse.Namespace, sessions: Any, actor: Any) -> Query:
    equals: list[tuple[str, Any]] = []
    if args.state:
        equals.append(("state", _code(args.state, SITE_STATES, STATE_WORD)))
    if args.kind:
        equals.append(("kind", _code(args.kind, SITE_KINDS, KIND_WORD)))
    if args.level:
        equals.append(("level", _code(args.level, LEVELS, LEVEL_WORD)))
    if args.under:
        equals.append(("subtree", site_id_of(sessions, actor, args.under)))
    return Query(text=args.text, equals=tuple(equals))


def _code(value: str, labels: dict[str, str] | Any, what: str) -> str:
    for code, label in labels.items():
        if value in (code, label, translate("", label)):
            return str(code)
    raise InvalidInput(
        UNKNOWN_VALUE, value=value, what=translate("", what), allowed=", ".join(labels)
    )


def _list(args: argparse.Namespace) -> int:
    with opened(args.db) as sessions:
        actor = acting(sessions, args)
        query = _query(args, sessions, actor)
        if args.json:
            print(json.dumps(_raw_rows(sessions, actor, query), ensure_ascii=False, default=str))
            return 0
        rows = list(iter_rendered(sessions, actor, SITES, query))
    headings = [translate("", f.title) for f in SITES.fields]
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(headings)
        writer.writerows(rows)
    else:
        for row in rows:
            print("\t".join(row))
    return 0


def _raw_rows(sessions: Any, actor: Any, query: Query) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    after = None
    zone = read_settings(sessions).zone
    while True:
        page = read_page(sessions, actor, SITES, query, after, 2_000)
        for row in page.rows:
            record = {
                f.key: clock.iso(v, zone) if isinstance(v, dt.date) else v
                for f, v in zip(SITES.fields, row, strict=True)
            }
            record["domain"] = SITES.field("domain").render(record["domain"]) or None
            out.append(record)
        if page.after is None:
            return out
        after = page.after


def _import(args: argparse.Namespace) -> int:
    """Check every row once; unless ``--dry-run``, import them all if none has a problem."""
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=not args.dry_run)
        result = check_and_import(
            sessions, actor, args.file, write=not args.dry_run, progress=_progress()
        )
    _end_progress()
    checked = result.preview
    for row in checked.bad:
        print(
            translate("", BAD_ROW).format(
                line=row.line, code=row.code, problems=reasons_text(row.problems)
            ),
            file=sys.stderr,
        )
    for note in checked.notes:
        print(note, file=sys.stderr)
    print(translate("", CHECKED).format(total=len(checked.rows), bad=len(checked.bad)))
    if checked.refused:
        print(translate("", NOT_WRITTEN), file=sys.stderr)
        return 1
    if not args.dry_run:
        print(translate("", IMPORTED).format(n=result.imported))
        if result.addresses:
            print(translate("", ADDRESSES_CHANGED).format(n=result.addresses))
    return 0


def _progress() -> Any:
    """Progress on stderr when it is a terminal (none in pipes, logs and cron mail)."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != shown[0]:
            shown[0] = percent
            print(f"\r{done}/{total} ({percent}%)", end="", file=sys.stderr, flush=True)

    return progress


def _end_progress() -> None:
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr, flush=True)


def _export(args: argparse.Namespace) -> int:
    path: Path = args.file
    with opened(args.db) as sessions:
        if path.is_dir():
            today = clock.today(read_settings(sessions).zone)
            path = path / dated_name(translate("", SITES.title), "xlsx", today)
        actor = acting(sessions, args)
        count = export_register(sessions, actor, _query(args, sessions, actor), path)
    print(translate("", EXPORTED).format(n=count, path=path))
    return 0
