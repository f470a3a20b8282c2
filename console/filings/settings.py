"""Cluster settings of the filing area: probe timeout and schedule, the level-2 测评 period."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select

from console.base import journal
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.filings.rules import DEFAULT_LEVEL2_MONTHS, Policy
from console.probes.probe import DEFAULT_TIMEOUT
from console.probes.sweep import DEFAULT_WORKERS, MAX_WORKERS
from console.schema import ClusterSetting, Duty

PREFIX = "filings."
OUT_OF_RANGE = QT_TR_NOOP("设置项“{name}”的值 {value} 超出允许范围 {low}–{high}。")
NAMES = {
    "probe_timeout_s": QT_TR_NOOP("探测超时（秒）"),
    "probe_workers": QT_TR_NOOP("并发探测数"),
    "sweep_interval_min": QT_TR_NOOP("定时探测间隔（分钟，0 为关闭）"),
    "level2_assessment_months": QT_TR_NOOP("二级系统测评周期（月）"),
}
RANGES = {
    "probe_timeout_s": (1, 120),
    "probe_workers": (1, MAX_WORKERS),
    "sweep_interval_min": (0, 24 * 60),
    "level2_assessment_months": (6, 60),
}


@dataclass(frozen=True)
class FilingSettings:
    """The area's settings; defaults follow the inspection rules (15 s timeout, ≥ 20 a day)."""

    probe_timeout_s: int = int(DEFAULT_TIMEOUT)
    probe_workers: int = DEFAULT_WORKERS
    sweep_interval_min: int = 60
    level2_assessment_months: int = DEFAULT_LEVEL2_MONTHS

    @property
    def policy(self) -> Policy:
        """The rules' policy these settings imply."""
        return Policy(level2_months=self.level2_assessment_months)


def read_settings(sessions: SessionFactory, actor: Actor) -> FilingSettings:
    """The stored settings, defaults for what was never set."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        rows = session.execute(
            select(ClusterSetting.key, ClusterSetting.value).where(
                ClusterSetting.key.startswith(PREFIX)
            )
        ).all()
    stored = {key.removeprefix(PREFIX): value for key, value in rows}
    values = {}
    for item in fields(FilingSettings):
        text = stored.get(item.name)
        if text is not None and text.strip().lstrip("-").isdigit():
            low, high = RANGES[item.name]
            values[item.name] = min(max(int(text), low), high)
    return FilingSettings(**values)


def change_settings(sessions: SessionFactory, actor: Actor, new: FilingSettings) -> FilingSettings:
    """Store ``new`` (system administrator); one journal entry naming what changed."""
    require(actor, Duty.SYSTEM_ADMIN)
    for name, value in asdict(new).items():
        low, high = RANGES[name]
        if not low <= value <= high:
            raise InvalidInput(OUT_OF_RANGE, name=NAMES[name], value=value, low=low, high=high)
    old = read_settings(sessions, actor)
    before, after = asdict(old), asdict(new)
    changed = {k for k in after if after[k] != before[k]}
    if not changed:
        return new
    with sessions.begin() as session:
        for name in sorted(changed):
            row = session.get(ClusterSetting, PREFIX + name)
            if row is None:
                session.add(ClusterSetting(key=PREFIX + name, value=str(after[name]), version=1))
            else:
                row.value = str(after[name])
                row.version += 1
        journal.record(
            session, actor, "filings.settings", "setting", "filings", "安全备案设置",
            {k: before[k] for k in sorted(changed)}, {k: after[k] for k in sorted(changed)},
        )  # fmt: skip
    return new
