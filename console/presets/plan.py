"""Planning how a preset version applies to sites: what each site lacks, has otherwise, or adds.

Columns are matched by code. The plan says which preset columns a site lacks (to add), which
it has under another name, parent, position or rule (to change), and which local columns the
preset does not know (extras: they stay). ``plan_site`` is pure; the loaders read any number
of sites with a fixed number of queries per chunk, so previews and drift never go per column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base.actor import REGISTER_READERS, Actor, require
from console.base.errors import InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.db import SessionFactory
from console.presets.site_columns import LocalColumn, chunks, load_local
from console.schema import (
    ColumnPreset,
    PresetColumn,
    PresetVersion,
    Site,
    SiteKind,
    SiteState,
)

# Which sites a preset of each kind may be applied to.
KINDS_FOR_PRESET: dict[str, frozenset[str]] = {
    SiteKind.CITY_PORTAL: frozenset({SiteKind.CITY_PORTAL, SiteKind.PROVINCE_PORTAL}),
    SiteKind.PROVINCE_PORTAL: frozenset({SiteKind.PROVINCE_PORTAL}),
    SiteKind.COUNTY_PORTAL: frozenset({SiteKind.COUNTY_PORTAL}),
    SiteKind.DEPARTMENT: frozenset({SiteKind.DEPARTMENT, SiteKind.SPECIAL}),
    SiteKind.SPECIAL: frozenset({SiteKind.SPECIAL}),
}

NO_VERSION = QT_TR_NOOP("预设版本 {id} 不存在，可能已被删除。")
NO_SITE = QT_TR_NOOP("站点 {site} 不存在，可能已被删除。")
WRONG_KIND = QT_TR_NOOP("站点 {site} 的类型与该预设适用的网站类型不符，已跳过。")
CLOSED = QT_TR_NOOP("站点 {site} 已整合迁移或永久下线，不再应用预设，已跳过。")
# Sites whose content has moved on or gone: a preset no longer applies to them.
CLOSED_STATES = frozenset({SiteState.MERGED.value, SiteState.RETIRED.value})
NO_TARGETS = QT_TR_NOOP("没有选择任何站点。")
UNKNOWN_SITES = QT_TR_NOOP("找不到这些网站标识码：{codes}")


# What a difference between a site column and its preset column is about, for the operator.
DIFFERENCE_LABELS: dict[str, str] = {
    "name": QT_TR_NOOP("名称"),
    "parent": QT_TR_NOOP("上级栏目"),
    "position": QT_TR_NOOP("顺序"),
    "column_type": QT_TR_NOOP("栏目类型"),
    "max_idle_days": QT_TR_NOOP("更新周期"),
    "preset_column_id": QT_TR_NOOP("与预设栏目的关联"),
}


@dataclass(frozen=True)
class TargetColumn:
    """A column of the preset version a plan brings sites to, with its parent's code."""

    id: int
    code: str
    name: str
    column_type: str
    required: bool
    max_idle_days: int | None
    position: int
    parent: str | None


@dataclass(frozen=True)
class TargetVersion:
    """The stored preset version a plan brings sites to: its columns, parents first."""

    version_id: int
    preset_name: str
    number: int
    site_kind: str
    columns: tuple[TargetColumn, ...]


@dataclass(frozen=True)
class Addition:
    """A preset column the site lacks."""

    code: str
    name: str
    parent: str | None
    required: bool


@dataclass(frozen=True)
class Difference:
    """A site column that matches a preset column by code but differs; ``fields`` old → new."""

    column_id: int
    code: str
    name: str
    fields: dict[str, tuple[Any, Any]]

    @property
    def renamed(self) -> bool:
        """Whether the name differs."""
        return "name" in self.fields

    @property
    def moved(self) -> bool:
        """Whether the parent or the position differs."""
        return "parent" in self.fields or "position" in self.fields

    @property
    def rule_changed(self) -> bool:
        """Whether the column type or the update rule differs."""
        return "column_type" in self.fields or "max_idle_days" in self.fields


@dataclass(frozen=True)
class SitePlan:
    """What applying a version would do to one site."""

    site_id: int
    site_code: str
    site_name: str
    following: int | None
    additions: tuple[Addition, ...] = ()
    differences: tuple[Difference, ...] = ()
    extras: tuple[LocalColumn, ...] = ()
    refused: str = ""

    def reason(self) -> str:
        """Why the site is skipped, in the operator's language ("" when it is not)."""
        return reason_text(self.refused, self.site_code or str(self.site_id))

    @property
    def changes(self) -> bool:
        """Whether applying would write anything (columns or the followed version)."""
        return bool(self.additions or self.differences)

    def missing_required(self) -> tuple[Addition, ...]:
        """Required preset columns the site lacks (drift)."""
        return tuple(a for a in self.additions if a.required)


def plan_site(
    target: TargetVersion,
    site_id: int,
    site_code: str,
    site_name: str,
    following: int | None,
    local: Sequence[LocalColumn],
) -> SitePlan:
    """The plan for one site (pure): additions, differences, and extras that stay."""
    by_code: dict[str, LocalColumn] = {}
    for mine in sorted(local, key=lambda c: (c.path, c.id)):
        by_code.setdefault(mine.code, mine)
    code_of = {column.id: column.code for column in local}
    wanted = {column.code for column in target.columns}
    additions: list[Addition] = []
    differences: list[Difference] = []
    for column in target.columns:
        have = by_code.get(column.code)
        if have is None:
            additions.append(Addition(column.code, column.name, column.parent, column.required))
            continue
        fields: dict[str, tuple[Any, Any]] = {}
        parent = code_of.get(have.parent_id) if have.parent_id is not None else None
        for key, old, new in (
            ("name", have.name, column.name),
            ("parent", parent, column.parent),
            ("position", have.position, column.position),
            ("column_type", have.column_type, column.column_type),
            ("max_idle_days", have.max_idle_days, column.max_idle_days),
            ("preset_column_id", have.preset_column_id, column.id),
        ):
            if old != new:
                fields[key] = (old, new)
        if fields:
            differences.append(Difference(have.id, column.code, column.name, fields))
    kept = {column.id for column in by_code.values() if column.code in wanted}
    extras = tuple(sorted((c for c in local if c.id not in kept), key=lambda c: (c.path, c.id)))
    return SitePlan(
        site_id, site_code, site_name, following, tuple(additions), tuple(differences), extras
    )


def load_target_version(session: Session, version_id: int) -> TargetVersion:
    """The columns of stored version ``version_id``, parents before children."""
    head = session.execute(
        select(ColumnPreset.name, ColumnPreset.site_kind, PresetVersion.number)
        .join(PresetVersion, PresetVersion.preset_id == ColumnPreset.id)
        .where(PresetVersion.id == version_id)
    ).one_or_none()
    if head is None:
        raise NotFound(NO_VERSION, id=version_id)
    rows = session.scalars(
        select(PresetColumn)
        .where(PresetColumn.version_id == version_id)
        .order_by(PresetColumn.position, PresetColumn.id)
    ).all()
    code_of = {row.id: row.code for row in rows}
    children: dict[int | None, list[PresetColumn]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    ordered: list[TargetColumn] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        row = stack.pop()
        ordered.append(
            TargetColumn(
                id=row.id,
                code=row.code,
                name=row.name,
                column_type=row.column_type,
                required=row.required,
                max_idle_days=row.max_idle_days,
                position=row.position,
                parent=code_of.get(row.parent_id) if row.parent_id is not None else None,
            )
        )
        stack.extend(reversed(children.get(row.id, [])))
    return TargetVersion(
        version_id=version_id,
        preset_name=head.name,
        number=head.number,
        site_kind=head.site_kind,
        columns=tuple(ordered),
    )


def sites_and_local(
    session: Session, site_ids: Sequence[int], lock: bool = False
) -> tuple[dict[int, Any], dict[int, list[LocalColumn]]]:
    """The site rows of ``site_ids`` by id, and each site's columns.

    With ``lock`` (applying) the site rows are locked until the transaction ends (SQLite's
    write lock already serialises writers), so two consoles applying to one site never add a
    column twice; post counts, which only the preview shows, are not read then.
    """
    sites: dict[int, Any] = {}
    for chunk in chunks(site_ids):
        query = select(
            Site.id, Site.code, Site.name, Site.kind, Site.state, Site.preset_version_id
        ).where(Site.id.in_(chunk))
        for row in session.execute(query.with_for_update() if lock else query):
            sites[row.id] = row
    return sites, load_local(session, [i for i in site_ids if i in sites], posts=not lock)


def plans_for(session: Session, target: TargetVersion, site_ids: Sequence[int]) -> list[SitePlan]:
    """Plans for ``site_ids`` (in that order) in a fixed number of queries per chunk."""
    sites, local = sites_and_local(session, site_ids)
    return [plan_for(target, site_id, sites, local) for site_id in site_ids]


def plan_for(
    target: TargetVersion, site_id: int, sites: dict[int, Any], local: dict[int, list[LocalColumn]]
) -> SitePlan:
    """The plan of one site from what ``sites_and_local`` read (refused when not applicable)."""
    allowed = KINDS_FOR_PRESET.get(target.site_kind, frozenset({target.site_kind}))
    site = sites.get(site_id)
    if site is None:
        return SitePlan(site_id, "", "", None, refused=NO_SITE)
    if site.kind not in allowed:
        return SitePlan(site.id, site.code, site.name, site.preset_version_id, refused=WRONG_KIND)
    if site.state in CLOSED_STATES:
        return SitePlan(site.id, site.code, site.name, site.preset_version_id, refused=CLOSED)
    return plan_site(target, site.id, site.code, site.name, site.preset_version_id, local[site.id])


def preview(
    sessions: SessionFactory, actor: Actor, version_id: int, site_ids: Sequence[int]
) -> list[SitePlan]:
    """Service: what applying ``version_id`` to ``site_ids`` would change, per site."""
    require(actor, *REGISTER_READERS)
    if not site_ids:
        raise InvalidInput(NO_TARGETS)
    with sessions() as session:
        return plans_for(session, load_target_version(session, version_id), list(site_ids))


def sites_of_kind(sessions: SessionFactory, actor: Actor, version_id: int) -> list[int]:
    """Service: ids of every site the version's preset applies to (of its kinds, neither
    merged nor retired), by site code."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        target = load_target_version(session, version_id)
        allowed = KINDS_FOR_PRESET.get(target.site_kind, frozenset({target.site_kind}))
        return list(
            session.scalars(
                select(Site.id)
                .where(Site.kind.in_(allowed), Site.state.not_in(CLOSED_STATES))
                .order_by(Site.code)
            )
        )


def sites_by_code(sessions: SessionFactory, actor: Actor, codes: Sequence[str]) -> list[int]:
    """Service: the ids of the sites with ``codes``, in that order; unknown codes are refused."""
    require(actor, *REGISTER_READERS)
    wanted = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
    if not wanted:
        raise InvalidInput(NO_TARGETS)
    found: dict[str, int] = {}
    with sessions() as session:
        for chunk in chunks(wanted):
            found.update(
                {
                    code: site_id
                    for code, site_id in session.execute(
                        select(Site.code, Site.id).where(Site.code.in_(chunk))
                    )
                }
            )
    missing = [code for code in wanted if code not in found]
    if missing:
        raise InvalidInput(UNKNOWN_SITES, codes=", ".join(missing[:20]))
    return [found[code] for code in wanted]


def reason_text(message: str, site: str) -> str:
    """A refusal message for ``site`` in the operator's language ("" when there is none)."""
    return translate("", message).format(site=site) if message else ""
