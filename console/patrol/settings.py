"""Cluster settings of the site patrol (网站巡查): how politely and how often it visits."""

from __future__ import annotations

from console.base.cluster import decimal_setting, integer_setting, text_setting
from console.base.i18n import QT_TR_NOOP
from console.schema import Duty

CONNECTIONS = integer_setting(
    "patrol.connections", 2, 1, 8, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("巡查：每个主机的并发连接数"),
    QT_TR_NOOP("巡查时同一主机同时最多打开的连接数。"),
)  # fmt: skip
SPACING_S = decimal_setting(
    "patrol.spacing_s", "0.5", "0", "10", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("巡查：同一主机请求间隔（秒）"),
    QT_TR_NOOP("巡查向同一主机发出的相邻两个请求至少间隔这么多秒。"),
)  # fmt: skip
TIMEOUT_S = integer_setting(
    "patrol.timeout_s", 15, 1, 120, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("巡查：每个页面的时限（秒）"),
    QT_TR_NOOP("一个页面（含正文）在此时限内未读完即算超时。"),
)  # fmt: skip
INTERVAL_HOURS = integer_setting(
    "patrol.interval_hours", 24, 1, 720, Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("巡查：间隔（小时）"),
    QT_TR_NOOP("距上次巡查满这么多小时的网站到期，由巡查进程领取。"),
)  # fmt: skip
CLUSTER_NAME = text_setting(
    "patrol.cluster_name", "", Duty.SYSTEM_ADMIN,
    QT_TR_NOOP("巡查：站群名称"),
    QT_TR_NOOP("写入巡查请求的 User-Agent，让网站管理者知道是谁在访问。"),
    limit=100,
)  # fmt: skip
