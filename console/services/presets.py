"""Column presets: what the 栏目预设 tab lists."""

from __future__ import annotations

from console.i18n import QT_TR_NOOP
from console.labels import SITE_KINDS, label_of
from console.listing import Field, Listing, count_of
from console.schema import ColumnPreset, PresetColumn, PresetVersion, Site
from console.services.actor import REGISTER_READERS

_columns = count_of(PresetColumn.version_id, PresetVersion.id)
_followers = count_of(Site.preset_version_id, PresetVersion.id)

PRESET_VERSIONS = Listing(
    name="presets",
    title=QT_TR_NOOP("栏目预设"),
    source=PresetVersion.__table__.join(ColumnPreset, ColumnPreset.id == PresetVersion.preset_id),
    row_id=PresetVersion.id,
    readers=REGISTER_READERS,
    default_sort="name",
    fields=(
        Field("name", QT_TR_NOOP("预设名称"), ColumnPreset.name, searchable=True, width=20),
        Field(
            "kind",
            QT_TR_NOOP("适用网站"),
            ColumnPreset.site_kind,
            render=label_of(SITE_KINDS),
            width=14,
        ),
        Field("version", QT_TR_NOOP("版本"), PresetVersion.number, width=4),
        Field("columns", QT_TR_NOOP("栏目数"), _columns, width=6),
        Field("sites", QT_TR_NOOP("采用站点数"), _followers, width=8),
        Field(
            "description",
            QT_TR_NOOP("说明"),
            ColumnPreset.description,
            searchable=True,
            sortable=False,
            width=40,
        ),
        Field("created", QT_TR_NOOP("创建时间"), PresetVersion.created_at, width=16),
    ),
)
