"""Editors' accounts: what the 用户权限 tab lists."""

from __future__ import annotations

from console.i18n import QT_TR_NOOP
from console.labels import ACCOUNT_STATUSES, label_of
from console.listing import Field, Listing, count_of
from console.masking import mask_phone
from console.schema import Account, Duty, Grant, Site

_grants = count_of(Grant.account_id, Account.id)

ACCOUNTS = Listing(
    name="accounts",
    title=QT_TR_NOOP("编辑人员账号"),
    source=Account.__table__.outerjoin(Site, Site.id == Account.site_id),
    row_id=Account.id,
    readers=frozenset({Duty.SECURITY_ADMIN}),
    default_sort="username",
    fields=(
        Field("username", QT_TR_NOOP("账号"), Account.username, searchable=True, width=12),
        Field("name", QT_TR_NOOP("姓名"), Account.full_name, searchable=True, width=8),
        Field("organisation", QT_TR_NOOP("单位"), Account.organisation, searchable=True, width=26),
        Field("site", QT_TR_NOOP("所属网站"), Site.name, searchable=True, width=24),
        Field(
            "phone",
            QT_TR_NOOP("手机"),
            Account.phone,
            sortable=False,
            render=lambda v: mask_phone(str(v or "")),
            width=11,
        ),
        Field(
            "status", QT_TR_NOOP("状态"), Account.status, render=label_of(ACCOUNT_STATUSES), width=6
        ),
        Field("grants", QT_TR_NOOP("授权数"), _grants, width=6),
        Field("last_login", QT_TR_NOOP("最近登录"), Account.last_login_at, width=16),
    ),
)
