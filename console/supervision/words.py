"""The words supervision shows: short names of the rules and of the headline figures."""

from __future__ import annotations

from console.base.i18n import QT_TR_NOOP
from console.presets.inspection import (
    BLANK,
    HOME,
    LATE_ANSWERS,
    NO_CONSULTATION,
    NOT_UPDATED,
    STALE_NEWS,
    UNREACHABLE,
)

RULE_NAMES = {
    HOME: QT_TR_NOOP("首页长期未更新"),
    STALE_NEWS: QT_TR_NOOP("动态、通知类栏目不更新"),
    NOT_UPDATED: QT_TR_NOOP("应更新栏目不更新"),
    BLANK: QT_TR_NOOP("空白栏目"),
    UNREACHABLE: QT_TR_NOOP("站点无法访问"),
    LATE_ANSWERS: QT_TR_NOOP("咨询留言超期未答复"),
    NO_CONSULTATION: QT_TR_NOOP("无可用咨询渠道"),
}
RUNNING = QT_TR_NOOP("运行网站")
RISK_SITES = QT_TR_NOOP("单项否决风险网站")
AVAILABILITY = QT_TR_NOOP("近 7 天可用率（%）")
BELOW = QT_TR_NOOP("不可访问网站（失败 ≥ 5%）")
UNDETERMINED = QT_TR_NOOP("探测不足无法判定")
OVERDUE = QT_TR_NOOP("备案逾期网站")
DUE = QT_TR_NOOP("30 天内到期网站")
BACKLOG = QT_TR_NOOP("待审稿件")
OLDEST = QT_TR_NOOP("最早待审")
DECISIONS = QT_TR_NOOP("近 7 天审核")
MEDIAN = QT_TR_NOOP("审核用时中位数（小时）")
UPDATES = QT_TR_NOOP("本月更新")
PERSONAL = QT_TR_NOOP("本月个人信息发现")
