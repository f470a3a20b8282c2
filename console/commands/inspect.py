"""``cluster-console inspect``: which sites the column rules of the State Council inspection
would fail, most at risk first."""

from __future__ import annotations

import argparse
import json

from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.presets import service as presets
from console.presets.inspection import reachability_note, risk_text, sources_text
from console.presets.settings import applied_text
from console.probes.reachability import UNDETERMINED

SUMMARY = QT_TR_NOOP(
    "截至 {as_of}（{zone}）：检查 {sites} 个运行中的站点，{risky} 个存在单项否决风险；"
    "{undetermined} 个站点探测次数不足，暂无法判定可访问性。"
)
APPLIED = QT_TR_NOOP("所用阈值：{thresholds}")


def register(commands: Subcommands) -> None:
    """Add ``inspect``."""
    inspect = commands.add_parser("inspect", help=QT_TR_NOOP("按单项否决指标检查栏目更新风险"))
    inspect.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help=QT_TR_NOOP("检查日期（默认为站群时区的今天）")
    )
    inspect.add_argument("--all", action="store_true", help=QT_TR_NOOP("也列出没有风险的站点"))
    inspect.add_argument("--json", action="store_true", help=QT_TR_NOOP("输出 JSON"))
    add_login_options(inspect, required=False)
    inspect.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print each site's risks, the check date and the thresholds applied (JSON: one object
    with the sites in ``sites``); exit 0."""
    as_of = presets.parse_as_of(args.as_of) if args.as_of else None
    with opened(args.db) as sessions:
        found = presets.inspect(sessions, acting(sessions, args), as_of)
    shown = [r for r in found.sites if r.risks or args.all]
    if args.json:
        whole = found.as_json() | {"sites": [r.as_json() for r in shown]}
        print(json.dumps(whole, ensure_ascii=False))
        return 0
    for risk in shown:
        note = reachability_note(risk) if args.all else ""
        line = f"{risk.code}\t{risk.name}\t{risk_text(risk)}" + (f"\t{note}" if note else "")
        print(line + (f"\t{sources_text(risk)}" if risk.risks else ""))
    undetermined = sum(
        1 for r in found.sites if r.reachability and r.reachability.verdict == UNDETERMINED
    )
    print(
        translate("", SUMMARY).format(
            as_of=found.as_of,
            zone=found.zone.key,
            sites=len(found.sites),
            risky=sum(1 for r in found.sites if r.risks),
            undetermined=undetermined,
        )
    )
    print(translate("", APPLIED).format(thresholds=applied_text(found.limits)))
    return 0
