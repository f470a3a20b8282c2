"""Cluster settings of the filing area: probe timeout and schedule, the level-2 测评 period."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import ClusterSettings, integer_setting
from console.base.cluster import read_settings as read_cluster_settings
from console.base.cluster_service import change_settings as change_cluster_settings
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.filings.rules import DEFAULT_LEVEL2_MONTHS, Policy
from console.probes.probe import DEFAULT_TIMEOUT
from console.probes.sweep import DEFAULT_WORKERS, MAX_WORKERS
from console.schema import Duty

PREFIX = "filings."
PROBE_TIMEOUT = integer_setting(
    "filings.probe_timeout_s", int(DEFAULT_TIMEOUT), 1, 120, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("探测超时（秒）"),
    QT_TR_NOOP("每次探测等待首页的秒数；短于 15 秒的快速探测超时时不计入“站点无法访问”。"),
)  # fmt: skip
PROBE_WORKERS = integer_setting(
    "filings.probe_workers", DEFAULT_WORKERS, 1, MAX_WORKERS, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("并发探测数"), QT_TR_NOOP("同时探测的网站数。"),
)  # fmt: skip
SWEEP_INTERVAL = integer_setting(
    "filings.sweep_interval_min", 60, 0, 24 * 60, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("定时探测间隔（分钟，0 为关闭）"),
    QT_TR_NOOP("控制台打开期间每隔多少分钟探测全部运行中的网站；每天至少 20 次才能判定可访问性。"),
)  # fmt: skip
LEVEL2_MONTHS = integer_setting(
    "filings.level2_assessment_months", DEFAULT_LEVEL2_MONTHS, 6, 60, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("二级系统测评周期（月）"), QT_TR_NOOP("等保二级系统两次测评之间的月数。"),
)  # fmt: skip


@dataclass(frozen=True)
class FilingSettings:
    """The area's settings; defaults follow the inspection rules (15 s timeout, ≥ 20 a day)."""

    probe_timeout_s: int = int(DEFAULT_TIMEOUT)
    probe_workers: int = DEFAULT_WORKERS
    sweep_interval_min: int = 60
    level2_assessment_months: int = DEFAULT_LEVEL2_MONTHS

    @classmethod
    def of(cls, settings: ClusterSettings) -> FilingSettings:
        """The area's settings among the cluster's."""
        return cls(
            settings[PROBE_TIMEOUT],
            settings[PROBE_WORKERS],
            settings[SWEEP_INTERVAL],
            settings[LEVEL2_MONTHS],
        )

    @property
    def policy(self) -> Policy:
        """The rules' policy these settings imply."""
        return Policy(level2_months=self.level2_assessment_months)


def read_settings(sessions: SessionFactory, actor: Actor) -> FilingSettings:
    """The stored settings, defaults for what was never set."""
    require(actor, *REGISTER_READERS)
    return FilingSettings.of(read_cluster_settings(sessions))


def change_settings(sessions: SessionFactory, actor: Actor, new: FilingSettings) -> FilingSettings:
    """Store ``new`` through the cluster settings (system administrator; journalled per key)."""
    change_cluster_settings(
        sessions, actor, {PREFIX + name: str(value) for name, value in asdict(new).items()}
    )
    return new
