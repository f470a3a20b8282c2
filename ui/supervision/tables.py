"""The 监管 tab's tables: the unit ranking and the scheduled jobs."""

from __future__ import annotations

from console.base.i18n import QT_TR_NOOP
from console.jobs.runner import JobState
from console.supervision.ranking import WITH_DEPARTMENTS, UnitScore
from ui.i18n import translated
from ui.records_model import Column, timed

PASS_SCORE = 60
OUTCOME_WORDS = {"ok": QT_TR_NOOP("完成"), "failed": QT_TR_NOOP("失败")}
LATE_WORD = QT_TR_NOOP("逾期或失败")
RUNNING_WORD = QT_TR_NOOP("运行中")


def unit_name(unit: UnitScore) -> str:
    """A unit as the ranking names it."""
    return translated(WITH_DEPARTMENTS).format(name=unit.name) if unit.grouped else unit.name


RANKING_COLUMNS: tuple[Column[UnitScore], ...] = (
    Column(QT_TR_NOOP("单位"), unit_name, 26),
    Column(QT_TR_NOOP("运行网站"), lambda u: str(u.sites), 6),
    Column(QT_TR_NOOP("单项否决风险"), lambda u: str(u.risks), 6),
    Column(QT_TR_NOOP("逾期备案"), lambda u: str(u.overdue), 6),
    Column(QT_TR_NOOP("待审超过 7 天"), lambda u: str(u.waiting), 6),
    Column(
        QT_TR_NOOP("得分"),
        lambda u: f"{u.score:.1f}",
        6,
        tone=lambda u: "bad" if u.score < PASS_SCORE else "good",
    ),
)


def _outcome(state: JobState) -> str:
    if state.running:
        return translated(RUNNING_WORD)
    word = OUTCOME_WORDS.get(state.last_outcome or "")
    return translated(word) if word else ""


JOB_COLUMNS: tuple[Column[JobState], ...] = (
    Column(QT_TR_NOOP("定时任务"), lambda s: translated(s.label), 18),
    Column(QT_TR_NOOP("间隔（分钟）"), lambda s: str(s.interval_minutes), 8),
    timed(QT_TR_NOOP("最近开始"), lambda s: s.last_started),
    Column(QT_TR_NOOP("结果"), _outcome, 8, tone=lambda s: "bad" if s.late else None),
    Column(
        QT_TR_NOOP("状态"),
        lambda s: translated(LATE_WORD) if s.late else "",
        10,
        tone=lambda s: "bad" if s.late else None,
    ),
)
