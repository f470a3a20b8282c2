"""Operator-facing names of stored codes (kinds, states, roles), translatable."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from console.base.i18n import QT_TR_NOOP, translate
from console.schema import AccountStatus, ColumnType, QueueState, Role, SiteKind, SiteState

SITE_KINDS: Mapping[str, str] = {
    SiteKind.PROVINCE_PORTAL: QT_TR_NOOP("省级门户"),
    SiteKind.CITY_PORTAL: QT_TR_NOOP("市级门户"),
    SiteKind.COUNTY_PORTAL: QT_TR_NOOP("县级门户"),
    SiteKind.DEPARTMENT: QT_TR_NOOP("部门网站"),
    SiteKind.SPECIAL: QT_TR_NOOP("专题网站"),
}

SITE_STATES: Mapping[str, str] = {
    SiteState.APPLIED: QT_TR_NOOP("申请"),
    SiteState.APPROVED: QT_TR_NOOP("已批准"),
    SiteState.BADGED: QT_TR_NOOP("已挂标"),
    SiteState.ICP_FILED: QT_TR_NOOP("ICP备案"),
    SiteState.PSB_FILED: QT_TR_NOOP("公安备案"),
    SiteState.CODED: QT_TR_NOOP("已获标识码"),
    SiteState.RUNNING: QT_TR_NOOP("运行"),
    SiteState.CHANGING: QT_TR_NOOP("变更"),
    SiteState.MERGED: QT_TR_NOOP("整合迁移"),
    SiteState.RETIRED: QT_TR_NOOP("永久下线"),
}

ROLES: Mapping[str, str] = {
    Role.EDITOR: QT_TR_NOOP("编辑"),
    Role.REVIEWER: QT_TR_NOOP("审核"),
    Role.PUBLISHER: QT_TR_NOOP("发布"),
    Role.SITE_ADMIN: QT_TR_NOOP("站点管理员"),
}

ACCOUNT_STATUSES: Mapping[str, str] = {
    AccountStatus.ACTIVE: QT_TR_NOOP("正常"),
    AccountStatus.DISABLED: QT_TR_NOOP("已停用"),
    AccountStatus.LOCKED: QT_TR_NOOP("已锁定"),
}

QUEUE_STATES: Mapping[str, str] = {
    QueueState.PENDING: QT_TR_NOOP("待审"),
    QueueState.CLAIMED: QT_TR_NOOP("审核中"),
    QueueState.APPROVED: QT_TR_NOOP("已通过"),
    QueueState.RETURNED: QT_TR_NOOP("已退回"),
    QueueState.TAKEN_DOWN: QT_TR_NOOP("已撤稿"),
    QueueState.WHITELISTED: QT_TR_NOOP("已加白"),
}

COLUMN_TYPES: Mapping[str, str] = {
    ColumnType.NEWS: QT_TR_NOOP("动态要闻"),
    ColumnType.NOTICE: QT_TR_NOOP("通知公告"),
    ColumnType.POLICY: QT_TR_NOOP("政策文件"),
    ColumnType.DISCLOSURE: QT_TR_NOOP("信息公开"),
    ColumnType.SERVICE: QT_TR_NOOP("办事服务"),
    ColumnType.INTERACTION: QT_TR_NOOP("互动交流"),
    ColumnType.OTHER: QT_TR_NOOP("其他"),
}


def label_of(mapping: Mapping[str, str]) -> Callable[[Any], str]:
    """A renderer showing the translated label of a stored code (the code itself if unknown)."""

    def render(value: Any) -> str:
        if value is None:
            return ""
        source = mapping.get(str(value))
        return translate("", source) if source else str(value)

    return render
