"""Column presets: the 栏目预设 list, creating and versioning presets, import/export, risk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.base import journal
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.editing import editing
from console.base.errors import Conflict, InvalidInput, NotFound
from console.base.export import write_table
from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import SITE_KINDS, label_of
from console.base.listing import Field, Listing, count_of
from console.db import SessionFactory
from console.presets.diff import Change, diff_versions
from console.presets.files import (
    ColumnSpec,
    PresetFile,
    default_presets,
    load_preset,
    parse_preset,
    preset_json,
    save_preset,
)
from console.presets.inspection import (
    ColumnVerdict,
    Inspection,
    SiteRisk,
    inspect_columns,
    inspect_sites,
    risk_text,
)
from console.presets.plan import NO_SITE, NO_VERSION, SitePlan, load_target_version, plans_for
from console.schema import (
    ColumnPreset,
    ColumnType,
    Duty,
    PresetColumn,
    PresetVersion,
    Site,
    SiteKind,
)

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


KIND_DIFFERS = QT_TR_NOOP(
    "文件中的预设“{name}”适用于{file_kind}，而已有的同名预设适用于{stored_kind}："
    "不能保存为它的新版本。请改正文件的 site_kind，或换一个名称导入为新预设。"
)
NAME_TAKEN = QT_TR_NOOP("已有名为“{name}”的栏目预设，请换一个名称，或导入为它的新版本。")
UNCHANGED = QT_TR_NOOP("栏目树与第 {number} 版相同，没有需要保存的改动。")
NO_PRESET = QT_TR_NOOP("栏目预设 {id} 不存在，可能已被删除。")
BAD_AS_OF = QT_TR_NOOP("检查日期 {value} 无效，应为 YYYY-MM-DD。")


@dataclass(frozen=True)
class VersionTree:
    """A stored preset version as the editor shows it."""

    preset_id: int
    preset_version: int
    version_id: int
    number: int
    latest: bool
    preset: PresetFile


@dataclass(frozen=True)
class VersionInfo:
    """One version of a preset in the version chooser."""

    version_id: int
    number: int
    created_at: dt.datetime
    note: str


def _tree_of(session: Session, version_id: int) -> tuple[ColumnSpec, ...]:
    rows = session.scalars(
        select(PresetColumn)
        .where(PresetColumn.version_id == version_id)
        .order_by(PresetColumn.position, PresetColumn.id)
    ).all()
    children: dict[int | None, list[PresetColumn]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)

    def build(parent: int | None) -> tuple[ColumnSpec, ...]:
        return tuple(
            ColumnSpec(
                row.name,
                row.code,
                ColumnType(row.column_type),
                row.required,
                row.max_idle_days,
                build(row.id),
            )
            for row in children.get(parent, [])
        )

    return build(None)


def _write_columns(session: Session, version_id: int, columns: Sequence[ColumnSpec]) -> None:
    """Store a tree one level per flush, so each level knows its parents' ids."""
    level: list[tuple[ColumnSpec, int | None, int]] = [
        (column, None, position) for position, column in enumerate(columns)
    ]
    while level:
        rows = [
            (
                spec,
                PresetColumn(
                    version_id=version_id,
                    parent_id=parent,
                    name=spec.name,
                    code=spec.code,
                    column_type=spec.column_type.value,
                    required=spec.required,
                    max_idle_days=spec.max_idle_days,
                    position=position,
                ),
            )
            for spec, parent, position in level
        ]
        session.add_all(row for _, row in rows)
        session.flush()
        level = [
            (child, row.id, index)
            for spec, row in rows
            for index, child in enumerate(spec.children)
        ]


def _validated(preset: PresetFile) -> PresetFile:
    """The same checks a preset file gets (codes, types, rules, depth), named by the preset."""
    return parse_preset(preset_json(preset), preset.name)


def _add_version(
    session: Session, actor: Actor, preset_id: int, number: int, preset: PresetFile, note: str
) -> int:
    version = PresetVersion(
        preset_id=preset_id, number=number, note=note[:500], created_by=actor.operator_id
    )
    session.add(version)
    session.flush()
    _write_columns(session, version.id, preset.columns)
    return version.id


def create_preset(
    sessions: SessionFactory, actor: Actor, preset: PresetFile, note: str = ""
) -> int:
    """Service: a new preset with ``preset`` as its version 1; returns the version id."""
    require(actor, Duty.SYSTEM_ADMIN)
    preset = _validated(preset)
    with sessions.begin() as session:
        if session.scalar(select(ColumnPreset.id).where(ColumnPreset.name == preset.name)):
            raise Conflict(NAME_TAKEN, name=preset.name)
        row = ColumnPreset(
            name=preset.name, site_kind=preset.site_kind.value, description=preset.description
        )
        session.add(row)
        session.flush()
        version_id = _add_version(session, actor, row.id, 1, preset, note)
        journal.record(
            session,
            actor,
            "preset.create",
            "preset",
            row.id,
            preset.name,
            after={"version": 1, "columns": preset.column_count(), "kind": preset.site_kind},
        )
        return version_id


def save_version(
    sessions: SessionFactory,
    actor: Actor,
    preset_id: int,
    expected_version: int,
    preset: PresetFile,
    note: str = "",
) -> int:
    """Service: save an edited tree as the preset's next version; returns the new version id.

    ``expected_version`` is the preset row's version the editor loaded: someone else saving
    in between is a ``Conflict`` naming them. An unchanged tree is refused.
    """
    require(actor, Duty.SYSTEM_ADMIN)
    preset = _validated(preset)
    with editing(sessions, ColumnPreset, preset_id, expected_version, "preset") as (session, row):
        latest = session.execute(
            select(PresetVersion.id, PresetVersion.number)
            .where(PresetVersion.preset_id == preset_id)
            .order_by(PresetVersion.number.desc())
            .limit(1)
        ).one()
        old = _tree_of(session, latest.id)
        changes = diff_versions(old, preset.columns)
        if not changes and row.description == preset.description:
            raise InvalidInput(UNCHANGED, number=latest.number)
        before = {"version": latest.number, "description": row.description}
        row.description = preset.description
        version_id = _add_version(session, actor, preset_id, latest.number + 1, preset, note)
        journal.record(
            session,
            actor,
            "preset.version",
            "preset",
            preset_id,
            row.name,
            before=before,
            after={
                "version": latest.number + 1,
                "description": preset.description,
                "note": note,
                "changes": [f"{c.kind}:{c.code}" for c in changes],
            },
        )
        return version_id


def import_preset(sessions: SessionFactory, actor: Actor, path: Path, note: str = "") -> int:
    """Service: read a preset file; a new preset, or the next version of the one so named
    (which must be for the same kind of site)."""
    require(actor, Duty.SYSTEM_ADMIN)
    preset = load_preset(path)
    with sessions() as session:
        existing = session.execute(
            select(ColumnPreset.id, ColumnPreset.version, ColumnPreset.site_kind).where(
                ColumnPreset.name == preset.name
            )
        ).one_or_none()
    if existing is None:
        return create_preset(sessions, actor, preset, note or path.name)
    if existing.site_kind != preset.site_kind.value:
        raise InvalidInput(
            KIND_DIFFERS,
            name=preset.name,
            file_kind=translate("", SITE_KINDS[preset.site_kind.value]),
            stored_kind=translate("", SITE_KINDS.get(existing.site_kind, existing.site_kind)),
        )
    return save_version(sessions, actor, existing.id, existing.version, preset, note or path.name)


def read_version(sessions: SessionFactory, actor: Actor, version_id: int) -> VersionTree:
    """Service: a stored version's tree, with what the editor needs to save the next one."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        head = session.execute(
            select(ColumnPreset, PresetVersion.number)
            .join(PresetVersion, PresetVersion.preset_id == ColumnPreset.id)
            .where(PresetVersion.id == version_id)
        ).one_or_none()
        if head is None:
            raise NotFound(NO_VERSION, id=version_id)
        preset, number = head
        newest = session.scalar(
            select(func.max(PresetVersion.number)).where(PresetVersion.preset_id == preset.id)
        )
        tree = PresetFile(
            preset.name,
            SiteKind(preset.site_kind),
            preset.description,
            _tree_of(session, version_id),
        )
        return VersionTree(preset.id, preset.version, version_id, number, number == newest, tree)


def versions_of(sessions: SessionFactory, actor: Actor, preset_id: int) -> list[VersionInfo]:
    """Service: every version of a preset, newest first."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        rows = session.execute(
            select(
                PresetVersion.id, PresetVersion.number, PresetVersion.created_at, PresetVersion.note
            )
            .where(PresetVersion.preset_id == preset_id)
            .order_by(PresetVersion.number.desc())
        ).all()
    if not rows:
        raise NotFound(NO_PRESET, id=preset_id)
    return [VersionInfo(*row) for row in rows]


def compare_versions(
    sessions: SessionFactory, actor: Actor, old_version_id: int, new_version_id: int
) -> list[Change]:
    """Service: the changes from one stored version to another."""
    old = read_version(sessions, actor, old_version_id)
    new = read_version(sessions, actor, new_version_id)
    return diff_versions(old.preset.columns, new.preset.columns)


def export_version(sessions: SessionFactory, actor: Actor, version_id: int, path: Path) -> None:
    """Service: write a stored version to ``path`` as a preset file."""
    save_preset(read_version(sessions, actor, version_id).preset, path)


def install_defaults(sessions: SessionFactory, actor: Actor) -> list[int]:
    """Service: create the shipped presets not yet in the database; their version ids."""
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions() as session:
        names = set(session.scalars(select(ColumnPreset.name)))
    return [
        create_preset(sessions, actor, preset, QT_TR_NOOP("随控制台提供的默认预设"))
        for preset in default_presets()
        if preset.name not in names
    ]


def parse_as_of(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` as-of date; ``InvalidInput`` otherwise."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(BAD_AS_OF, value=text) from None


def inspect(
    sessions: SessionFactory,
    actor: Actor,
    as_of: dt.date | None = None,
    site_ids: Sequence[int] | None = None,
) -> Inspection:
    """Service: inspection risk of the running sites (or ``site_ids``), most at risk first, at
    ``as_of`` (today in the cluster's zone by default)."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        return inspect_sites(session, as_of, site_ids)


@dataclass(frozen=True)
class SiteDrift:
    """One site against the version it follows, and how each of its columns stands."""

    risk: SiteRisk
    columns: tuple[ColumnVerdict, ...]
    plan: SitePlan | None
    preset_name: str = ""
    preset_number: int = 0


def site_drift(
    sessions: SessionFactory, actor: Actor, site_id: int, as_of: dt.date | None = None
) -> SiteDrift:
    """Service: drift from the followed preset version and per-column freshness of a site."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        site = session.get(Site, site_id)
        if site is None:
            raise NotFound(NO_SITE, site=site_id)
        inspected = inspect_columns(session, site.id, as_of)
        assert inspected is not None  # the site exists in this transaction
        risk, columns = inspected
        if site.preset_version_id is None:
            return SiteDrift(risk, columns, None)
        target = load_target_version(session, site.preset_version_id)
        plan = plans_for(session, target, [site.id])[0]
        return SiteDrift(risk, columns, plan, target.preset_name, target.number)


RISK_HEADINGS = (
    QT_TR_NOOP("网站标识码"),
    QT_TR_NOOP("网站名称"),
    QT_TR_NOOP("类型"),
    QT_TR_NOOP("风险项数"),
    QT_TR_NOOP("风险"),
    QT_TR_NOOP("涉及栏目"),
)


def risk_row(risk: SiteRisk) -> list[str]:
    """A site's risk as a row of the cluster-wide list."""
    return [
        risk.code,
        risk.name,
        label_of(SITE_KINDS)(risk.kind),
        str(len(risk.risks)),
        risk_text(risk),
        " ".join(code for r in risk.risks for code in r.columns),
    ]


def listed(
    site: SiteRisk,
    only_at_risk: bool = True,
    rule: str = "",
    text: str = "",
    sites: Collection[int] | None = None,
) -> bool:
    """Whether the risk list shows ``site``: at risk (by ``rule`` when one is named, which
    implies at risk), among ``sites`` (None: any) and holding ``text`` in its code or name."""
    at_risk = any(not rule or risk.rule == rule for risk in site.risks)
    wanted = (at_risk or (not only_at_risk and not rule)) and (
        sites is None or site.site_id in sites
    )
    return wanted and (not text or text.strip().lower() in f"{site.code} {site.name}".lower())


def export_risks(
    sessions: SessionFactory,
    actor: Actor,
    as_of: dt.date | None,
    path: Path,
    only_at_risk: bool = True,
    rule: str = "",
    text: str = "",
    sites: Collection[int] | None = None,
) -> int:
    """Service: the cluster-wide risk list (most at risk first) to CSV or XLSX, narrowed as
    ``listed`` says."""
    results = inspect(sessions, actor, as_of).sites
    rows = (risk_row(r) for r in results if listed(r, only_at_risk, rule, text, sites))
    return write_table(path, [translate("", h) for h in RISK_HEADINGS], rows)
