"""Security filings per site: what the 安全备案 tab lists."""

from __future__ import annotations

from console.i18n import QT_TR_NOOP
from console.labels import SITE_STATES, label_of
from console.listing import Field, Listing
from console.schema import Filing, Site
from console.services.actor import REGISTER_READERS

FILINGS = Listing(
    name="filings",
    title=QT_TR_NOOP("安全备案"),
    source=Site.__table__.outerjoin(Filing, Filing.site_id == Site.id),
    row_id=Site.id,
    readers=REGISTER_READERS,
    default_sort="code",
    fields=(
        Field("code", QT_TR_NOOP("网站标识码"), Site.code, searchable=True, width=10),
        Field("name", QT_TR_NOOP("网站名称"), Site.name, searchable=True, width=24),
        Field("state", QT_TR_NOOP("状态"), Site.state, render=label_of(SITE_STATES), width=10),
        Field("icp", QT_TR_NOOP("ICP备案号"), Filing.icp_number, searchable=True, width=22),
        Field("icp_date", QT_TR_NOOP("ICP备案日期"), Filing.icp_date, width=10),
        Field("psb", QT_TR_NOOP("公安备案号"), Filing.psb_number, searchable=True, width=27),
        Field("psb_date", QT_TR_NOOP("公安备案日期"), Filing.psb_date, width=10),
        Field("level", QT_TR_NOOP("等保级别"), Filing.mlps_level, width=6),
        Field("graded", QT_TR_NOOP("定级日期"), Filing.graded_on, width=10),
        Field(
            "form", QT_TR_NOOP("备案证明编号"), Filing.mlps_form_number, searchable=True, width=16
        ),
        Field("filed", QT_TR_NOOP("等保备案日期"), Filing.mlps_filed_on, width=10),
        Field("assessed", QT_TR_NOOP("最近测评"), Filing.assessed_on, width=10),
        Field("result", QT_TR_NOOP("测评结论"), Filing.assessment_result, width=8),
    ),
)
