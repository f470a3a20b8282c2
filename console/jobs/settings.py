"""How often the scheduled jobs run (minutes; 0 switches a job off)."""

from __future__ import annotations

from console.base.cluster import integer_setting
from console.base.i18n import QT_TR_NOOP
from console.schema import Duty

DAY = 24 * 60

PROBE_ROUND = integer_setting(
    "jobs.probe_round_min", 60, 0, DAY, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("定时探测间隔（分钟）"),
    QT_TR_NOOP("jobs run 每隔多少分钟探测全部运行中的网站；每小时一次可满足每天 20 次以上。"),
)  # fmt: skip
QUEUE_SCAN = integer_setting(
    "jobs.queue_scan_min", 10, 0, DAY, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("新稿件筛查间隔（分钟）"),
    QT_TR_NOOP("jobs run 每隔多少分钟把新发布或修改的稿件筛查进审核队列。"),
)  # fmt: skip
SNAPSHOT = integer_setting(
    "jobs.inspection_snapshot_min", DAY, 0, 7 * DAY, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("风险快照间隔（分钟）"),
    QT_TR_NOOP("jobs run 每隔多少分钟记录一次单项否决风险，供监管页的风险趋势使用。"),
)  # fmt: skip
MONTHLY_REPORT = integer_setting(
    "jobs.monthly_report_min", 60, 0, DAY, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("月报检查间隔（分钟）"),
    QT_TR_NOOP(
        "每月 1 日起，jobs run 每隔多少分钟生成上月月报并发送未发出的邮件（失败的会重试）。"
    ),
)  # fmt: skip
PATROL_ROUND = integer_setting(
    "jobs.patrol_min", 60, 0, DAY, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("网站巡查检查间隔（分钟）"),
    QT_TR_NOOP(
        "jobs run 每隔多少分钟巡查到期的网站；每个网站多久巡查一次由 patrol.interval_hours 决定"
        "（默认每天一次）。"
    ),
)  # fmt: skip
