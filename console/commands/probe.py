"""``cluster-console probe``: probe sites' home pages, HTTPS, certificates, IPv6 and footers."""

from __future__ import annotations

import argparse
import json
import sys

from console.base import clock
from console.base.cluster import read_settings as read_cluster_settings
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import site_code_form
from console.commands import Subcommands
from console.commands._arguments import said, seconds, whole
from console.commands._common import acting, add_login_options, opened
from console.filings import sweeps as probes
from console.filings.settings import read_settings
from console.probes.dialing import Dialer, parse_connect_to
from console.probes.probe import ProbeOptions, ProbeOutcome
from console.probes.reasons import shown_error
from console.probes.sweep import MAX_WORKERS, sweep

LINE = QT_TR_NOOP(
    "{code} {verdict} 状态 {status} 耗时 {latency} ms HTTPS {https} 证书有效 {cert} "
    "IPv6 {ipv6} 页脚（标识码/ICP/公安）{footer} {error}"
)
VERDICT_OK = QT_TR_NOOP("可访问")
VERDICT_FAILED = QT_TR_NOOP("不可访问")
STORED = QT_TR_NOOP("已保存 {n} 条探测记录。")
MAX_TIMEOUT_S = 300
TIMEOUT_HELP = QT_TR_NOOP("每次请求的超时秒数，大于 0、不超过 {high}（默认取站群设置）")
WORKERS_HELP = QT_TR_NOOP("并发探测数，1 至 {high}（默认取站群设置）")


def register(commands: Subcommands) -> None:
    """Add ``probe``."""
    probe = commands.add_parser(
        "probe", help=QT_TR_NOOP("探测网站（可访问性、HTTPS 证书、IPv6、页脚标识）")
    )
    probe.add_argument(
        "--site",
        action="append",
        default=[],
        type=site_code_form,
        metavar="CODE",
        help=QT_TR_NOOP("网站标识码，可重复"),
    )
    probe.add_argument(
        "--connect-to", action="append", default=[], metavar="HOST:PORT:ADDR:PORT",
        help=QT_TR_NOOP("同 curl：经另一地址和端口探测登记的主机（Host 与 TLS 名称不变）"),
    )  # fmt: skip
    probe.add_argument("--json", action="store_true", help=QT_TR_NOOP("每个网站输出一行 JSON"))
    probe.add_argument(
        "--timeout", type=seconds(0, MAX_TIMEOUT_S), metavar="SECONDS",
        help=said(TIMEOUT_HELP, high=MAX_TIMEOUT_S),
    )  # fmt: skip
    probe.add_argument(
        "--workers", type=whole(1, MAX_WORKERS), metavar="N",
        help=said(WORKERS_HELP, high=MAX_WORKERS),
    )  # fmt: skip
    probe.add_argument("--ca-bundle", metavar="PEM", help=QT_TR_NOOP("信任的根证书文件"))
    probe.add_argument(
        "--store", action="store_true", help=QT_TR_NOOP("把结果保存为探测记录（需 --user）")
    )
    add_login_options(probe, required=False)
    probe.set_defaults(handler=run)


def _mark(value: bool | None) -> str:
    return "-" if value is None else ("Y" if value else "N")


def _line(outcome: ProbeOutcome) -> str:
    return (
        translate("", LINE)
        .format(
            code=outcome.site_code,
            verdict=translate("", VERDICT_OK if outcome.ok else VERDICT_FAILED),
            status=outcome.status or "-",
            latency=outcome.latency_ms if outcome.latency_ms is not None else "-",
            https=_mark(outcome.https),
            cert=_mark(outcome.cert_valid),
            ipv6=_mark(outcome.ipv6),
            footer="/".join(
                _mark(v) for v in (outcome.footer_site_code, outcome.footer_icp, outcome.footer_psb)
            ),
            error=shown_error(outcome.error),
        )
        .rstrip()
    )


def run(args: argparse.Namespace) -> int:
    """Probe the chosen (or all running) sites; exit 1 when any is not reachable."""
    mapping = parse_connect_to(args.connect_to)
    with opened(args.db) as sessions:
        actor = acting(sessions, args, writes=args.store)
        settings = read_settings(sessions, actor)
        plan, dialer = probes.confine(
            probes.plan_sweep(sessions, actor, args.site), Dialer(mapping)
        )
        note = probes.plan_notes(plan)
        if note:
            print(note, file=sys.stderr)
        options = ProbeOptions(
            timeout=settings.probe_timeout_s if args.timeout is None else args.timeout,
            ca_bundle=args.ca_bundle,
            registered_hosts=plan.registered_hosts,
            dialer=dialer,
        )
        started = clock.utcnow()
        zone = read_cluster_settings(sessions).zone

        def show(outcome: ProbeOutcome) -> None:
            if args.json:
                text = json.dumps(outcome.report(zone), ensure_ascii=False)
            else:
                text = _line(outcome)
            print(text, flush=True)

        workers = settings.probe_workers if args.workers is None else args.workers
        outcomes = sweep(plan.targets, options, workers, show)
        if args.store:
            stored = probes.record_sweep(sessions, actor, outcomes, started, len(plan.targets))
            print(translate("", STORED).format(n=stored), file=sys.stderr)
    return 0 if all(o.ok for o in outcomes) else 1
