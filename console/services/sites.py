"""The site register: what the 站点 tab lists."""

from __future__ import annotations

from sqlalchemy import and_
from sqlalchemy.orm import aliased

from console.domains import to_unicode
from console.i18n import QT_TR_NOOP
from console.labels import SITE_KINDS, SITE_STATES, label_of
from console.listing import Field, Listing
from console.schema import Filing, Site, SiteDomain
from console.services.actor import REGISTER_READERS

_parent = aliased(Site, name="parent")
_main = aliased(SiteDomain, name="main_domain")

SITES = Listing(
    name="sites",
    title=QT_TR_NOOP("站点"),
    source=Site.__table__.outerjoin(_parent, Site.parent_id == _parent.id)
    .outerjoin(_main, and_(_main.site_id == Site.id, _main.is_main.is_(True)))
    .outerjoin(Filing, Filing.site_id == Site.id),
    row_id=Site.id,
    readers=REGISTER_READERS,
    default_sort="code",
    fields=(
        Field("code", QT_TR_NOOP("网站标识码"), Site.code, searchable=True, width=10),
        Field("name", QT_TR_NOOP("网站名称"), Site.name, searchable=True, width=24),
        Field("kind", QT_TR_NOOP("类型"), Site.kind, render=label_of(SITE_KINDS), width=14),
        Field("parent", QT_TR_NOOP("上级网站"), _parent.name, width=20),
        Field("organiser", QT_TR_NOOP("主办单位"), Site.organiser_name, searchable=True, width=24),
        Field(
            "domain",
            QT_TR_NOOP("主域名"),
            _main.domain,
            searchable=True,
            render=to_unicode,
            width=20,
        ),
        Field("state", QT_TR_NOOP("状态"), Site.state, render=label_of(SITE_STATES), width=10),
        Field("icp", QT_TR_NOOP("ICP备案号"), Filing.icp_number, searchable=True, width=22),
        Field("psb", QT_TR_NOOP("公安备案号"), Filing.psb_number, searchable=True, width=27),
        Field("updated", QT_TR_NOOP("首页更新"), Site.home_updated_at, width=16),
    ),
)
