"""``cluster-console jobs run``: run whatever scheduled job is due, then exit (cron, a
systemd timer or the Windows Task Scheduler calls it); ``jobs list``: each job's last run."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys

import console
from console.base import clock
from console.base.cluster import read_settings
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import add_login_options, login, opened
from console.jobs import SCHEDULER, job_states, registered_jobs, run_due

UNKNOWN_JOB = QT_TR_NOOP("没有名为“{name}”的定时任务；jobs list 列出全部任务。")
OUTCOMES = {
    "ok": QT_TR_NOOP("完成"),
    "failed": QT_TR_NOOP("失败"),
    "skipped": QT_TR_NOOP("未到时间或正由其他进程运行"),
}
NEVER = QT_TR_NOOP("从未运行")
LATE = QT_TR_NOOP("逾期或失败")


def load_jobs() -> None:
    """Import every area's ``jobs`` module, so that each registers its jobs."""
    for info in pkgutil.iter_modules(console.__path__):
        if info.ispkg:
            try:
                importlib.import_module(f"console.{info.name}.jobs")
            except ModuleNotFoundError as error:
                if error.name != f"console.{info.name}.jobs":
                    raise


def register(commands: Subcommands) -> None:
    """Add ``jobs run`` and ``jobs list``."""
    jobs = commands.add_parser("jobs", help=QT_TR_NOOP("定时任务"))
    actions = jobs.add_subparsers(dest="jobs", metavar="操作", required=True)
    run = actions.add_parser("run", help=QT_TR_NOOP("运行到期的定时任务后退出"))
    run.add_argument(
        "--only", nargs="+", metavar="NAME", default=[], help=QT_TR_NOOP("只运行这些任务")
    )
    run.add_argument(
        "--force", action="store_true", help=QT_TR_NOOP("不论是否到期都运行（仍不会重复运行）")
    )
    run.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    add_login_options(run, required=False)
    run.set_defaults(handler=run_jobs)
    listed = actions.add_parser("list", help=QT_TR_NOOP("每个任务的最近一次运行"))
    listed.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    listed.set_defaults(handler=list_jobs)


def run_jobs(args: argparse.Namespace) -> int:
    """Run the due jobs and print one line each; exit 1 when one failed."""
    load_jobs()
    unknown = [name for name in args.only if name not in registered_jobs()]
    if unknown:
        raise InvalidInput(UNKNOWN_JOB, name=unknown[0])
    with opened(args.db) as sessions:
        actor = login(sessions, args.user, args.password_stdin) if args.user else SCHEDULER
        outcomes = run_due(sessions, actor, only=args.only, force=args.force)
    for outcome in outcomes:
        if args.json:
            print(json.dumps(outcome.__dict__, ensure_ascii=False, sort_keys=True))
            continue
        counts = json.dumps(outcome.counts, ensure_ascii=False, sort_keys=True)
        word = translate("", OUTCOMES.get(outcome.outcome, outcome.outcome))
        line = f"{outcome.name}\t{word}" + (f"\t{counts}" if outcome.counts else "")
        print(line + (f"\t{outcome.message}" if outcome.message else ""))
    return 1 if any(o.outcome == "failed" for o in outcomes) else 0


def list_jobs(args: argparse.Namespace) -> int:
    """Print each job, its interval and its last run in the cluster's zone; exit 0."""
    load_jobs()
    with opened(args.db) as sessions:
        zone = read_settings(sessions).zone
        states = job_states(sessions)
    for state in states:
        if args.json:
            print(json.dumps({
                "name": state.name, "interval_min": state.interval_minutes,
                "last_started": clock.iso(state.last_started, zone),
                "last_outcome": state.last_outcome, "late": state.late,
            }, ensure_ascii=False))  # fmt: skip
            continue
        last = clock.shown(state.last_started, zone) or translate("", NEVER)
        outcome = (
            translate("", OUTCOMES.get(state.last_outcome or "", "")) if state.last_outcome else ""
        )
        late = translate("", LATE) if state.late else ""
        label = translate("", state.label)
        fields = (state.name, label, str(state.interval_minutes), last, outcome, late)
        print("\t".join(x for x in fields if x))
    sys.stdout.flush()
    return 0
