"""Cluster settings of the 互动回应差 rule, national values as defaults.

政府网站检查指标: within the year before the check date, a 政务咨询 channel has a valid
message left unanswered for more than 3 months (超过3个月), or the site offers no working
consultation channel.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.base.cluster import ClusterSettings, choice_setting, integer_setting
from console.base.i18n import QT_TR_NOOP
from console.schema import Duty

ANSWER_MONTHS = integer_setting(
    "inspection.answer_months", 3, 1, 24, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("互动回应差：答复时限（月）"),
    QT_TR_NOOP("有效留言在收到后这么多个自然月内（含当天）未答复，计为超期未答复。"),
)  # fmt: skip
WINDOW_MONTHS = integer_setting(
    "inspection.answer_window_months", 12, 1, 36, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("互动回应差：检查期（月）"),
    QT_TR_NOOP("检查日期前这么多个自然月内出现过超期未答复的留言即计入。"),
)  # fmt: skip
LATE_MESSAGES = integer_setting(
    "inspection.late_messages", 1, 1, 1000, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("互动回应差：超期留言数"),
    QT_TR_NOOP("政务咨询类渠道超期未答复的有效留言达到（含）此数即判定。"),
)  # fmt: skip
REQUIRED = "required"
NOT_REQUIRED = "not_required"
CHANNEL_REQUIRED = choice_setting(
    "inspection.consultation_channel", REQUIRED, lambda: (REQUIRED, NOT_REQUIRED),
    Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("互动回应差：必须有政务咨询渠道"),
    QT_TR_NOOP(
        "required：已导入互动数据的站群中，没有可用政务咨询渠道的运行站点判定互动回应差；"
        "not_required：不因缺少渠道判定。"
    ),
)  # fmt: skip


@dataclass(frozen=True)
class AnswerRule:
    """The thresholds of the rule (national values by default)."""

    answer_months: int = 3
    window_months: int = 12
    late_messages: int = 1
    channel_required: bool = True


def answer_rule(settings: ClusterSettings) -> AnswerRule:
    """The rule as the cluster's settings set it."""
    return AnswerRule(
        settings[ANSWER_MONTHS],
        settings[WINDOW_MONTHS],
        settings[LATE_MESSAGES],
        settings[CHANNEL_REQUIRED] == REQUIRED,
    )
