"""Cluster settings of the column rules of the inspection, national values as defaults.

政府网站检查指标 (国办秘函〔2019〕19号): the home page not updated within 2 weeks; 动态/要闻
columns not updated within 2 weeks plus 通知公告/政策文件 columns not updated within 6 months,
5 or more together; 10 or more columns past their own update rule; 5 or more blank columns.
Provinces adjust these (Sichuan did in 2021).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.base.cluster import ClusterSettings, Setting, integer_setting
from console.base.i18n import QT_TR_NOOP, joined
from console.interactions.settings import (
    ANSWER_MONTHS,
    CHANNEL_REQUIRED,
    LATE_MESSAGES,
    WINDOW_MONTHS,
    AnswerRule,
    answer_rule,
)
from console.probes.settings import (
    PROBES_PER_DAY,
    SHARE_PERCENT,
    TIMEOUT_S,
    WINDOW_DAYS,
    ReachabilityRule,
    reachability_rule,
)
from console.schema import Duty

HOME_DAYS = integer_setting(
    "inspection.home_idle_days", 14, 1, 365, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("首页不更新：天数"),
    QT_TR_NOOP("检查日期前这么多天内（含第这么多天）首页没有更新即判定“首页不更新”。"),
)  # fmt: skip
NEWS_DAYS = integer_setting(
    "inspection.news_idle_days", 14, 1, 365, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("栏目不更新：动态要闻栏目天数"),
    QT_TR_NOOP("动态、要闻类栏目在检查日期前这么多天内没有更新，计为未及时更新。"),
)  # fmt: skip
NOTICE_MONTHS = integer_setting(
    "inspection.notice_idle_months", 6, 1, 36, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("栏目不更新：通知公告/政策文件栏目月数"),
    QT_TR_NOOP("通知公告、政策文件类栏目在检查日期前这么多个自然月内没有更新，计为未及时更新。"),
)  # fmt: skip
STALE_NEWS_COLUMNS = integer_setting(
    "inspection.stale_news_columns", 5, 1, 1000, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("栏目不更新：未及时更新栏目数"),
    QT_TR_NOOP("上述两类未及时更新的栏目合计达到（含）此数即判定。"),
)  # fmt: skip
NOT_UPDATED_COLUMNS = integer_setting(
    "inspection.not_updated_columns", 10, 1, 1000, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("栏目不更新：应更新未更新栏目数"),
    QT_TR_NOOP("按各栏目自身更新要求应更新而未更新的栏目达到（含）此数即判定。"),
)  # fmt: skip
BLANK_COLUMNS = integer_setting(
    "inspection.blank_columns", 5, 1, 1000, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("栏目不更新：空白栏目数"),
    QT_TR_NOOP("从未有过内容的栏目达到（含）此数即判定。"),
)  # fmt: skip

# Every setting an inspection applies, in the order results show them.
APPLIED: tuple[Setting[Any], ...] = (
    HOME_DAYS, NEWS_DAYS, NOTICE_MONTHS, STALE_NEWS_COLUMNS, NOT_UPDATED_COLUMNS, BLANK_COLUMNS,
    WINDOW_DAYS, PROBES_PER_DAY, SHARE_PERCENT, TIMEOUT_S,
    ANSWER_MONTHS, WINDOW_MONTHS, LATE_MESSAGES, CHANNEL_REQUIRED,
)  # fmt: skip


@dataclass(frozen=True)
class Thresholds:
    """The numbers the single-veto rules apply (national values by default)."""

    home_days: int = 14
    news_days: int = 14
    notice_months: int = 6
    stale_news_columns: int = 5
    not_updated_columns: int = 10
    blank_columns: int = 5
    reachability: ReachabilityRule = field(default_factory=ReachabilityRule)
    answers: AnswerRule = field(default_factory=AnswerRule)
    # The settings' keys and values as stored, for showing with the results.
    applied: tuple[tuple[str, str], ...] = ()


def thresholds(settings: ClusterSettings) -> Thresholds:
    """The thresholds the cluster's settings set."""
    return Thresholds(
        settings[HOME_DAYS],
        settings[NEWS_DAYS],
        settings[NOTICE_MONTHS],
        settings[STALE_NEWS_COLUMNS],
        settings[NOT_UPDATED_COLUMNS],
        settings[BLANK_COLUMNS],
        reachability_rule(settings),
        answer_rule(settings),
        tuple((s.key, s.text(settings[s])) for s in APPLIED),
    )


def applied_text(limits: Thresholds) -> str:
    """The thresholds an inspection applied, in the operator's language."""
    titles = {setting.key: setting.title for setting in APPLIED}
    return joined(f"{titles.get(key, key)} {value}" for key, value in limits.applied)
