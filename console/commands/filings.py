"""``cluster-console filings status|calendar``: what is due or overdue, by the filing rules."""

from __future__ import annotations

import argparse
import json

from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._arguments import said, whole
from console.commands._common import acting, add_login_options, opened
from console.filings.rules import URGENCY_LABELS, Finding, Urgency
from console.filings.service import calendar, cluster_status

MAX_DAYS = 3660
DAYS_HELP = QT_TR_NOOP("列出今后多少天内到期的事项，1 至 {high}（默认 90）")


def register(commands: Subcommands) -> None:
    """Add ``filings status`` and ``filings calendar``."""
    filings_cmd = commands.add_parser("filings", help=QT_TR_NOOP("安全备案：待办与到期日历"))
    sub = filings_cmd.add_subparsers(dest="filings_command", required=True)
    status = sub.add_parser("status", help=QT_TR_NOOP("按紧急程度列出需处理的网站及原因"))
    status.add_argument("--all", action="store_true", help=QT_TR_NOOP("也列出正常的网站"))
    calendar_cmd = sub.add_parser("calendar", help=QT_TR_NOOP("今后若干天内到期的事项"))
    calendar_cmd.add_argument(
        "--days", type=whole(1, MAX_DAYS), default=90, metavar="N",
        help=said(DAYS_HELP, high=MAX_DAYS),
    )  # fmt: skip
    for parser in (status, calendar_cmd):
        parser.add_argument(
            "--json", action="store_true", help=QT_TR_NOOP("每行输出一个 JSON 对象")
        )
        add_login_options(parser, required=False)
    status.set_defaults(handler=run_status)
    calendar_cmd.set_defaults(handler=run_calendar)


def _finding(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule,
        "urgency": finding.urgency.name.lower(),
        "due": str(finding.due) if finding.due else None,
        "reason": finding.reason,
    }


def run_status(args: argparse.Namespace) -> int:
    """Print sites by urgency; exit 1 when anything is overdue."""
    with opened(args.db) as sessions:
        statuses = cluster_status(sessions, acting(sessions, args)).statuses
    floor = Urgency.OK if args.all else Urgency.DUE
    for status in statuses:
        if status.urgency < floor:
            continue
        if args.json:
            row = {
                "site_code": status.code,
                "name": status.name,
                "urgency": status.urgency.name.lower(),
                "due": str(status.due) if status.due else None,
                "findings": [_finding(f) for f in status.findings],
            }
            print(json.dumps(row, ensure_ascii=False))
            continue
        label = translate("", URGENCY_LABELS[status.urgency])
        print(f"{status.code} {status.name} [{label}]")
        for finding in status.findings:
            print(f"  - {finding.reason}")
    return 1 if any(s.urgency is Urgency.OVERDUE for s in statuses) else 0


def run_calendar(args: argparse.Namespace) -> int:
    """Print what falls due in the next ``--days`` days, by date."""
    with opened(args.db) as sessions:
        report = cluster_status(sessions, acting(sessions, args))
    for entry in calendar(report, args.days):
        if args.json:
            row = {"due": str(entry.due), "site_code": entry.code, "name": entry.name}
            print(json.dumps({**row, **_finding(entry.finding)}, ensure_ascii=False))
        else:
            print(f"{entry.due} {entry.code} {entry.name}：{entry.finding.reason}")
    return 0
