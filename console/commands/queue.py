"""``cluster-console queue …``: screen posts into the audit queue, claim and decide headless."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._arguments import said, whole
from console.commands._common import add_login_options, login, opened
from console.review import Decision
from console.review import service as review
from console.review.claims import LEASE

SCANNED = QT_TR_NOOP(
    "已筛查 {screened} 篇，新入队 {queued} 条，更新 {refreshed} 条，移出 {cleared} 条"
)
CANCELLED = QT_TR_NOOP("已中断：")
STOPPING = QT_TR_NOOP("本批筛查完成后停止（再按一次 Ctrl-C 立即中断）…")
REFUSED = QT_TR_NOOP("条目 {id} 未处理：{reason}")
MAX_CLAIM = 100
LEASE_MINUTES = int(LEASE.total_seconds() // 60)
CLAIM_HELP = QT_TR_NOOP(
    "认领最早的若干待审条目（默认 {n} 条，租期 {minutes} 分钟），每行输出一个条目 ID"
)
DECIDE_HELP = QT_TR_NOOP(
    "对一个或多个条目作出同一审核决定：在一个事务中全部决定（各记一条操作日志），"
    "有任何条目不能决定时一个也不决定"
)
ITEMS_HELP = QT_TR_NOOP("条目 ID（queue claim 输出的），可给多个")
DECISION_HELP = QT_TR_NOOP(
    "approve 通过；whitelist 通过并把短语加入白名单；return 退回（需 --note）；take_down 撤稿"
)
NONE_DECIDED = QT_TR_NOOP("没有决定任何条目（{n} 个条目不能决定）。")
LIMIT_HELP = QT_TR_NOOP("最多认领多少条，1 至 {high}（默认 {default}）")


def register(commands: Subcommands) -> None:
    """Add ``queue scan``, ``status``, ``claim``, ``decide`` and ``release``."""
    queue = commands.add_parser("queue", help=QT_TR_NOOP("内容审核队列"))
    sub = queue.add_subparsers(dest="queue_command", required=True)
    scan = sub.add_parser(
        "scan", help=QT_TR_NOOP("筛查新增和修改的稿件并入队（--full 重新筛查全部）")
    )
    scan.add_argument("--full", action="store_true", help=QT_TR_NOOP("词库变更后重新筛查全部稿件"))
    add_login_options(scan, required=True)
    scan.set_defaults(handler=run_scan)
    status = sub.add_parser("status", help=QT_TR_NOOP("各状态的条目数"))
    add_login_options(status, required=True)
    status.set_defaults(handler=run_status)
    claim = sub.add_parser(
        "claim",
        help=said(CLAIM_HELP, n=review.CLAIM_BATCH, minutes=LEASE_MINUTES),
        description=said(CLAIM_HELP, n=review.CLAIM_BATCH, minutes=LEASE_MINUTES),
    )
    claim.add_argument(
        "--limit", type=whole(1, MAX_CLAIM), default=review.CLAIM_BATCH, metavar="N",
        help=said(LIMIT_HELP, high=MAX_CLAIM, default=review.CLAIM_BATCH),
    )  # fmt: skip
    add_login_options(claim, required=True)
    claim.set_defaults(handler=run_claim)
    decide = sub.add_parser("decide", help=said(DECIDE_HELP), description=said(DECIDE_HELP))
    decide.add_argument(
        "items", type=whole(1, 2**63 - 1), nargs="+", metavar="ID", help=said(ITEMS_HELP)
    )
    decide.add_argument(
        "--decision", required=True, choices=[d.value for d in Decision], help=said(DECISION_HELP)
    )
    decide.add_argument("--note", default="", help=QT_TR_NOOP("审核意见（退回时必填）"))
    decide.add_argument("--phrase", default="", help=QT_TR_NOOP("加入白名单的短语（whitelist 时）"))
    add_login_options(decide, required=True)
    decide.set_defaults(handler=run_decide)
    release = sub.add_parser("release", help=QT_TR_NOOP("放弃本人的全部认领"))
    add_login_options(release, required=True)
    release.set_defaults(handler=run_release)


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)


def run_scan(args: argparse.Namespace) -> int:
    """Screen new and changed posts (or all with ``--full``); print what was done.

    Ctrl-C stops after the batch being screened (what was screened stays, and the scan is
    journalled); a second Ctrl-C stops at once. Exits 130 when stopped.
    """
    with opened(args.db) as sessions:
        actor = login(sessions, args.user, args.password_stdin)
        try:
            with _interrupt_stops() as stop:
                result = review.load_and_scan(
                    sessions, actor, full=args.full, progress=_progress, cancelled=stop.is_set
                )
        except KeyboardInterrupt:
            print(file=sys.stderr)
            print(translate("", CANCELLED), file=sys.stderr)
            return 130
    print(file=sys.stderr)
    summary = translate("", SCANNED).format(**dataclasses.asdict(result))
    if result.cancelled:
        summary = translate("", CANCELLED) + summary
    print(summary, file=sys.stderr)
    print(json.dumps(dataclasses.asdict(result)))
    return 130 if result.cancelled else 0


@contextlib.contextmanager
def _interrupt_stops() -> Iterator[threading.Event]:
    """While inside, the first SIGINT sets the event instead of interrupting."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def interrupted(_number: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        print(file=sys.stderr)
        print(translate("", STOPPING), file=sys.stderr, flush=True)

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def run_status(args: argparse.Namespace) -> int:
    """Print the items per status as JSON."""
    with opened(args.db) as sessions:
        counts = review.status_counts(sessions, login(sessions, args.user, args.password_stdin))
    print(json.dumps(counts))
    return 0


def run_claim(args: argparse.Namespace) -> int:
    """Claim the oldest free items; print their ids, one a line."""
    with opened(args.db) as sessions:
        ids = review.claim_next(
            sessions, login(sessions, args.user, args.password_stdin), args.limit
        )
    for item_id in ids:
        print(item_id)
    return 0


def run_decide(args: argparse.Namespace) -> int:
    """Decide the items all together; exit 1, deciding none, when any is refused (each refusal
    on stderr)."""
    with opened(args.db) as sessions:
        actor = login(sessions, args.user, args.password_stdin)
        outcome = review.review_together(
            sessions, actor, args.items, args.decision, args.note, args.phrase
        )
    for done in outcome.decided:
        print(json.dumps({"item": done.item_id, "state": done.state.value, "post": done.post_id}))
    for item_id, reason in outcome.refused:
        print(translate("", REFUSED).format(id=item_id, reason=reason), file=sys.stderr)
    if outcome.refused:
        print(translate("", NONE_DECIDED).format(n=len(outcome.refused)), file=sys.stderr)
        return 1
    return 0


def run_release(args: argparse.Namespace) -> int:
    """Give every claim of the operator back to the queue; print how many."""
    with opened(args.db) as sessions:
        print(review.release_claims(sessions, login(sessions, args.user, args.password_stdin)))
    return 0
