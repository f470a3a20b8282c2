"""Cluster settings of the reachability rule (站点无法访问), national values as defaults.

The State Council check table: over a week, at least 20 probes a day, a site whose home page
did not open within 15 s in 5 % or more of them (超过(含)5%) fails. Provinces adjust these.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from console.base.cluster import ClusterSettings, decimal_setting, integer_setting
from console.base.i18n import QT_TR_NOOP
from console.schema import Duty

WINDOW_DAYS = integer_setting(
    "inspection.unreachable_days", 7, 1, 31, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("无法访问：统计天数"),
    QT_TR_NOOP("检查日期之前多少个完整的日子里的探测计入“站点无法访问”。"),
)  # fmt: skip
PROBES_PER_DAY = integer_setting(
    "inspection.probes_per_day", 20, 1, 1440, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("无法访问：每天至少探测次数"),
    QT_TR_NOOP("统计期内每天至少有这么多次探测才判定；不足时只说明探测次数，不作判定。"),
)  # fmt: skip
SHARE_PERCENT = decimal_setting(
    "inspection.unreachable_share_pct", "5", "0.1", "100", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("无法访问：失败比例（%）"),
    QT_TR_NOOP("未能打开首页的探测占全部探测的比例达到（含）此值即判定无法访问。"),
)  # fmt: skip
TIMEOUT_S = integer_setting(
    "inspection.probe_timeout_s", 15, 1, 120, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("无法访问：打开首页的时限（秒）"),
    QT_TR_NOOP(
        "超过此时限仍未打开首页的探测算作失败；超时设置更短的快速探测超时时不计入（无法判断）。"
    ),
)  # fmt: skip


@dataclass(frozen=True)
class ReachabilityRule:
    """The thresholds of the reachability rule (national values by default)."""

    days: int = 7
    probes_per_day: int = 20
    share_percent: Decimal = Decimal(5)
    timeout_s: int = 15


def reachability_rule(settings: ClusterSettings) -> ReachabilityRule:
    """The rule as the cluster's settings set it."""
    return ReachabilityRule(
        settings[WINDOW_DAYS],
        settings[PROBES_PER_DAY],
        settings[SHARE_PERCENT],
        settings[TIMEOUT_S],
    )
