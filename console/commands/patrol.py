"""``cluster-console patrol``: read the live sites as a visitor does; optionally store it.

``--json`` prints one object per site as it finishes (``site_code``, ``pages``, ``columns``
with ``code``, ``url``, ``last_item_date``, ``items``, ``dated``; ``new_posts``,
``broken_links`` with ``url``, ``status``, ``on``; ``hidden_links`` with ``url``, ``on``; and
more). Exit 0 when every site was patrolled, 1 when any could not be, 130 when stopped with
Ctrl-C (each site finished so far is complete, and stored with ``--store``).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.patrol.results import NO_ADDRESS, SiteResult
from console.patrol.service import run_patrol
from console.patrol.wording import problem_text
from console.probes.dialing import Dialer, parse_connect_to

LINE = QT_TR_NOOP(
    "{code} 页面 {pages} 栏目 {columns}（无地址 {unaddressed}，无日期 {undated}）"
    "新文章 {posts} 失效链接 {broken} 暗链 {hidden} 站外跳转 {foreign} {error}"
)
COLUMN = QT_TR_NOOP("  {code} {name} 最新 {date} 条目 {items} {url} {error}")
UNDATED = QT_TR_NOOP("无日期")
NOTHING = QT_TR_NOOP("没有要巡查的网站（运行中的网站都已在间隔内巡查过，或没有运行中的网站）。")
STORED = QT_TR_NOOP("已保存 {sites} 个网站的巡查结果，新文章 {posts} 篇。")
DEMO_SKIPPED = QT_TR_NOOP(
    "演示站群：跳过 {n} 个未映射到本机地址的网站（域名是虚构的，不向外网巡查）。"
)
STOPPED = QT_TR_NOOP("巡查已中断：已完成的网站结果完整，其余网站未巡查。")


def register(commands: Subcommands) -> None:
    """Add ``patrol``."""
    parser = commands.add_parser(
        "patrol", help=QT_TR_NOOP("巡查网站：首页、栏目列表页的更新日期、新文章、失效链接和暗链")
    )
    parser.add_argument(
        "--site", action="append", default=[], metavar="CODE", help=QT_TR_NOOP("网站标识码，可重复")
    )
    parser.add_argument(
        "--connect-to", action="append", default=[], metavar="HOST:PORT:ADDR:PORT",
        help=QT_TR_NOOP("同 curl：经另一地址和端口访问登记的主机（Host 与 TLS 名称不变）"),
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help=QT_TR_NOOP("每个网站输出一行 JSON"))
    parser.add_argument(
        "--store", action="store_true", help=QT_TR_NOOP("把结果和新文章写入站群数据库（需 --user）")
    )
    parser.add_argument("--columns", action="store_true", help=QT_TR_NOOP("文字输出时逐栏目列出"))
    parser.add_argument("--ca-bundle", metavar="PEM", help=QT_TR_NOOP("信任的根证书文件"))
    add_login_options(parser, required=False)
    parser.set_defaults(handler=run)


def _text(result: SiteResult, columns: bool) -> str:
    report: dict[str, Any] = result.report()
    line = translate("", LINE).format(
        code=result.site_code,
        pages=result.pages,
        columns=len(result.columns),
        unaddressed=sum(1 for c in result.columns if c.error == NO_ADDRESS),
        undated=sum(1 for c in result.columns if c.error is None and not c.dated),
        posts=len(result.new_posts),
        broken=len(report["broken_links"]),
        hidden=len(result.hidden_links),
        foreign=len(report["foreign_redirects"]),
        error=problem_text(result.error),
    )
    lines = [line.rstrip()]
    if columns:
        for column in result.columns:
            date = column.last_item_date.isoformat() if column.last_item_date else "-"
            if column.error is None and not column.dated:
                date = translate("", UNDATED)
            shown = translate("", COLUMN).format(
                code=column.code, name=column.name, date=date, items=len(column.items),
                url=column.url or "-", error=problem_text(column.error),
            )  # fmt: skip
            lines.append(shown.rstrip())
    return "\n".join(lines)


@contextmanager
def _interruptible(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C sets ``stop`` (the patrol winds down cleanly) instead of raising mid-write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda _signal, _frame: stop.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run(args: argparse.Namespace) -> int:
    """Patrol the named (or all running, or with ``--store`` all due) sites."""
    dialer = Dialer(parse_connect_to(args.connect_to))
    stop = threading.Event()

    def show(result: SiteResult) -> None:
        if args.json:
            print(json.dumps(result.report(), ensure_ascii=False), flush=True)
        else:
            print(_text(result, args.columns), flush=True)

    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=args.store)
        with _interruptible(stop):
            done = run_patrol(
                sessions, actor, args.site, dialer, args.store, show, stop, args.ca_bundle
            )
    if done.plan.skipped:
        print(translate("", DEMO_SKIPPED).format(n=done.plan.skipped), file=sys.stderr)
    if not done.results:
        print(translate("", NOTHING), file=sys.stderr)
    if args.store:
        posts = sum(stored.new_posts for stored in done.stored.values())
        told = translate("", STORED).format(sites=len(done.stored), posts=posts)
        print(told, file=sys.stderr)
    if stop.is_set():
        print(translate("", STOPPED), file=sys.stderr)
        return 130
    return 1 if any(result.error for result in done.results) else 0
