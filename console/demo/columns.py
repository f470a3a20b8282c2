"""Column trees of the demo sites, copied from the presets, and how busy each column is.

Every leaf column is planned before any row is written: whether it stays blank, when it was
last updated (some deliberately stale) and how many posts it holds. The plan fixes each
column's ``last_updated_at`` and each site's ``home_updated_at`` so the posts written later
agree with them.
"""

from __future__ import annotations

import datetime as dt
import enum
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from console.demo.sites import SitePlan
from console.presets.files import PresetFile
from console.schema import ColumnType, SiteKind

HISTORY_DAYS = 730
TYPE_WEIGHTS = {
    ColumnType.NEWS: 6.0,
    ColumnType.NOTICE: 2.0,
    ColumnType.POLICY: 1.5,
    ColumnType.DISCLOSURE: 1.0,
    ColumnType.INTERACTION: 1.2,
    ColumnType.SERVICE: 0.05,
    ColumnType.OTHER: 0.05,
}
PRESET_FOR_KIND = {
    SiteKind.CITY_PORTAL: SiteKind.CITY_PORTAL,
    SiteKind.PROVINCE_PORTAL: SiteKind.CITY_PORTAL,
    SiteKind.COUNTY_PORTAL: SiteKind.COUNTY_PORTAL,
    SiteKind.DEPARTMENT: SiteKind.DEPARTMENT,
    SiteKind.SPECIAL: SiteKind.DEPARTMENT,
}


@dataclass(frozen=True)
class TemplateColumn:
    """One column of a preset version as stored, ready to be copied onto sites."""

    index: int
    parent: int | None
    preset_column_id: int
    name: str
    code: str
    column_type: ColumnType
    required: bool
    max_idle_days: int | None
    position: int
    leaf: bool


@dataclass
class Template:
    """A stored preset version and its columns in parent-before-child order."""

    version_id: int
    columns: list[TemplateColumn]

    def preset_rows(self) -> Iterator[dict[str, Any]]:
        """The ``preset_columns`` rows of this version."""
        for column in self.columns:
            parent = (
                self.columns[column.parent].preset_column_id if column.parent is not None else None
            )
            yield {
                "id": column.preset_column_id,
                "version_id": self.version_id,
                "parent_id": parent,
                "name": column.name,
                "code": column.code,
                "column_type": column.column_type.value,
                "required": column.required,
                "max_idle_days": column.max_idle_days,
                "position": column.position,
            }


def build_template(preset: PresetFile, version_id: int, first_column_id: int) -> Template:
    """Number the columns of ``preset`` from ``first_column_id`` for version ``version_id``."""
    columns: list[TemplateColumn] = []
    index_of: dict[int, int] = {}
    for spec, parent, position in preset.walk():
        index = len(columns)
        index_of[id(spec)] = index
        columns.append(
            TemplateColumn(
                index=index,
                parent=index_of[id(parent)] if parent is not None else None,
                preset_column_id=first_column_id + index,
                name=spec.name,
                code=spec.code,
                column_type=spec.column_type,
                required=spec.required,
                max_idle_days=spec.max_idle_days,
                position=position,
                leaf=not spec.children,
            )
        )
    return Template(version_id, columns)


@dataclass
class SiteTree:
    """The columns of one site: ids from ``first_id`` in template order, and their plan."""

    site: SitePlan
    template: Template
    first_id: int
    start: dt.date
    last: list[dt.date | None]
    counts: list[int] = field(default_factory=list)
    last_at: list[dt.datetime | None] = field(default_factory=list)

    def column_id(self, index: int) -> int:
        """The id of the site's column at template position ``index``."""
        return self.first_id + index

    def top_level_ids(self) -> list[int]:
        """Ids of the site's first-level columns."""
        return [self.column_id(c.index) for c in self.template.columns if c.parent is None]

    def home_updated_at(self) -> dt.datetime | None:
        """When the home page last changed: with the newest post of any column."""
        return max((at for at in self.last_at if at is not None), default=None)

    def rows(self) -> Iterator[dict[str, Any]]:
        """The ``site_columns`` rows, each with its materialised id path."""
        paths: list[str] = []
        for column in self.template.columns:
            own = self.column_id(column.index)
            parent_path = paths[column.parent] if column.parent is not None else "/"
            paths.append(f"{parent_path}{own}/")
            yield {
                "id": own,
                "site_id": self.site.id,
                "parent_id": self.column_id(column.parent) if column.parent is not None else None,
                "path": paths[-1],
                "name": column.name,
                "code": column.code,
                "column_type": column.column_type.value,
                "position": column.position,
                "max_idle_days": column.max_idle_days,
                "preset_column_id": column.preset_column_id,
                "last_updated_at": self.last_at[column.index],
                "version": 1,
            }


class Neglect(enum.Enum):
    """How a site falls short of the inspection rules, if it does."""

    HOME_STALE = enum.auto()
    MANY_STALE = enum.auto()
    FEW_STALE = enum.auto()
    MANY_BLANK = enum.auto()
    FEW_BLANK = enum.auto()


# Share of the sites that may be inspected which fall short in each way (at least one each).
STALENESS_SHARES = (
    (Neglect.HOME_STALE, 0.04),
    (Neglect.MANY_STALE, 0.03),
    (Neglect.FEW_STALE, 0.15),
)
BLANKNESS_SHARES = ((Neglect.MANY_BLANK, 0.02), (Neglect.FEW_BLANK, 0.10))


def plan_trees(
    rng: random.Random,
    sites: Sequence[SitePlan],
    templates: dict[SiteKind, Template],
    first_id: int,
    as_of: dt.date,
) -> list[SiteTree]:
    """The column tree of every site with each leaf's planned last update (None = blank)."""
    neglect = _neglect(rng, sites)
    trees: list[SiteTree] = []
    for site in sites:
        template = templates[PRESET_FOR_KIND[site.kind]]
        trees.append(_plan_site(rng, site, template, first_id, as_of, neglect.get(site.id, set())))
        first_id += len(template.columns)
    return trees


def _neglect(rng: random.Random, sites: Sequence[SitePlan]) -> dict[int, set[Neglect]]:
    """Which open sites are neglected how: one staleness and one blankness at most each."""
    open_sites = [
        site.id
        for site in sites
        if site.publishes and site.closed_on is None and site.kind is not SiteKind.CITY_PORTAL
    ]
    chosen: dict[int, set[Neglect]] = {}
    for shares in (STALENESS_SHARES, BLANKNESS_SHARES):
        wanted = [
            kind for kind, share in shares for _ in range(max(1, round(share * len(open_sites))))
        ]
        wanted = wanted[: len(open_sites)]
        for site_id, kind in zip(rng.sample(open_sites, len(wanted)), wanted, strict=True):
            chosen.setdefault(site_id, set()).add(kind)
    return chosen


def _plan_site(
    rng: random.Random,
    site: SitePlan,
    template: Template,
    first_id: int,
    as_of: dt.date,
    neglect: set[Neglect],
) -> SiteTree:
    size = len(template.columns)
    if site.opened_on is None:
        return SiteTree(site, template, first_id, as_of, [None] * size)
    start = max(site.opened_on, as_of - dt.timedelta(days=HISTORY_DAYS))
    end = site.closed_on or as_of
    leaves = [c for c in template.columns if c.leaf]
    dynamic = [c for c in leaves if c.max_idle_days is not None]
    stale: set[int] = set()
    blank: set[int] = set()
    if Neglect.HOME_STALE in neglect:
        end = max(start, as_of - dt.timedelta(days=rng.randint(15, 60)))
    if Neglect.MANY_STALE in neglect:
        stale = _pick(rng, dynamic, rng.randint(5, 8))
    if Neglect.FEW_STALE in neglect:
        stale = _pick(rng, dynamic, rng.randint(1, 3))
    if Neglect.MANY_BLANK in neglect:
        blank = _pick(rng, leaves, rng.randint(5, 6))
    if Neglect.FEW_BLANK in neglect:
        blank = _pick(rng, leaves, rng.randint(1, 2))
    last: list[dt.date | None] = [None] * size
    for column in leaves:
        if column.index not in blank:
            last[column.index] = _last_update(rng, column, start, end, column.index in stale)
    return SiteTree(site, template, first_id, start, last)


def _pick(rng: random.Random, columns: list[TemplateColumn], n: int) -> set[int]:
    return {c.index for c in rng.sample(columns, min(n, len(columns)))}


def _last_update(
    rng: random.Random, column: TemplateColumn, start: dt.date, end: dt.date, stale: bool
) -> dt.date:
    span = (end - start).days
    idle = column.max_idle_days
    if idle is None:
        back = rng.randint(0, span)
    elif stale:
        back = idle + rng.randint(5, 120)
    else:
        back = rng.randint(0, int(idle * 0.6))
    return max(start, end - dt.timedelta(days=back))


def allocate(rng: random.Random, trees: list[SiteTree], posts: int) -> None:
    """Share ``posts`` among the planned leaves; a leaf left with none becomes blank."""
    slots: list[tuple[SiteTree, int, float]] = []
    for tree in trees:
        tree.counts = [0] * len(tree.last)
        for column in tree.template.columns:
            if tree.last[column.index] is not None:
                weight = tree.site.post_weight * TYPE_WEIGHTS[column.column_type]
                slots.append((tree, column.index, weight))
    if posts < len(slots):
        slots.sort(key=lambda slot: -slot[2])
        for tree, index, _ in slots[:posts]:
            tree.counts[index] = 1
    else:
        extra, total = posts - len(slots), sum(weight for _, _, weight in slots)
        given, running = 0, 0.0
        for tree, index, weight in slots:
            running += weight
            share = round(running / total * extra) if total else 0
            tree.counts[index] = 1 + share - given
            given = share
    for tree in trees:
        tree.last_at = [
            _at(rng, day) if n else None for day, n in zip(tree.last, tree.counts, strict=True)
        ]
        _roll_up(tree)


def _at(rng: random.Random, day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return dt.datetime(day.year, day.month, day.day, rng.randint(8, 19), rng.randrange(60))


def _roll_up(tree: SiteTree) -> None:
    """A parent column counts as updated when any column under it was."""
    for column in reversed(tree.template.columns):
        if column.parent is None:
            continue
        mine, theirs = tree.last_at[column.index], tree.last_at[column.parent]
        if mine is not None and (theirs is None or mine > theirs):
            tree.last_at[column.parent] = mine
