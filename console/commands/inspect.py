"""``cluster-console inspect``: which sites the column rules of the State Council inspection
would fail, most at risk first."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import acting, add_login_options, opened
from console.presets import service as presets
from console.presets.inspection import risk_text

SUMMARY = QT_TR_NOOP("截至 {as_of}：检查 {sites} 个运行中的站点，{risky} 个存在单项否决风险。")


def register(commands: Subcommands) -> None:
    """Add ``inspect``."""
    inspect = commands.add_parser("inspect", help="按单项否决指标检查栏目更新风险")
    inspect.add_argument("--as-of", metavar="YYYY-MM-DD", help="检查日期（默认今天）")
    inspect.add_argument("--all", action="store_true", help="也列出没有风险的站点")
    inspect.add_argument("--json", action="store_true")
    add_login_options(inspect, required=False)
    inspect.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print each site's risks (JSON: one object per site); exit 0."""
    as_of = presets.parse_as_of(args.as_of) if args.as_of else dt.date.today()
    with opened(args.db) as sessions:
        results = presets.inspect(sessions, acting(sessions, args), as_of)
    shown = [r for r in results if r.risks or args.all]
    if args.json:
        print(json.dumps([r.as_json() for r in shown], ensure_ascii=False))
        return 0
    for risk in shown:
        print(f"{risk.code}\t{risk.name}\t{risk_text(risk)}")
    risky = sum(1 for r in results if r.risks)
    print(translate("", SUMMARY).format(as_of=as_of, sites=len(results), risky=risky))
    return 0
