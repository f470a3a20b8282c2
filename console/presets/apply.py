"""Applying a preset version to sites: one journalled transaction per site.

Applying never deletes a column, so no post is ever orphaned; a site whose tree already
matches the version it follows is not touched at all (nothing written, nothing journalled).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from console.base import journal
from console.base.actor import Actor, require
from console.db import SessionFactory
from console.presets.plan import (
    SitePlan,
    TargetVersion,
    load_target_version,
    plan_for,
    plans_for,
    reason_text,
    sites_and_local,
)
from console.presets.site_columns import LocalColumn, chunks
from console.schema import (
    Duty,
    Site,
    SiteColumn,
)


@dataclass
class Outcome:
    """What applying did to one site."""

    site_id: int
    site_code: str
    changed: bool
    added: int = 0
    changed_columns: int = 0
    refused: str = ""

    def reason(self) -> str:
        """Why the site was skipped, in the operator's language ("" when it was not)."""
        return reason_text(self.refused, self.site_code or str(self.site_id))


def apply_to_site(
    sessions: SessionFactory,
    actor: Actor,
    version_id: int,
    site_id: int,
    target: TargetVersion | None = None,
) -> Outcome:
    """Service: apply ``version_id`` to one site in one transaction, journalled.

    The site's columns are re-read inside the transaction, so the outcome does not depend on
    how old the operator's preview is. A site already matching the version it follows is left
    untouched (nothing written, nothing journalled).
    """
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions.begin() as session:
        target = target or load_target_version(session, version_id)
        sites, local = sites_and_local(session, [site_id], lock=True)
        plan = plan_for(target, site_id, sites, local)
        if plan.refused:
            return Outcome(site_id, plan.site_code, False, refused=plan.refused)
        if not plan.changes and plan.following == version_id:
            return Outcome(site_id, plan.site_code, False)
        _execute(session, target, plan, local[site_id])
        session.execute(
            update(Site)
            .where(Site.id == site_id)
            .values(preset_version_id=version_id, version=Site.version + 1)
        )
        journal.record(
            session,
            actor,
            "preset.apply",
            "site",
            site_id,
            f"{plan.site_code} {plan.site_name}",
            before={"preset_version_id": plan.following},
            after={
                "preset_version_id": version_id,
                "preset": f"{target.preset_name} v{target.number}",
                "added": [a.code for a in plan.additions],
                "changed": {
                    d.code: {key: [old, new] for key, (old, new) in d.fields.items()}
                    for d in plan.differences
                },
                "extras_kept": [e.code for e in plan.extras],
            },
        )
        return Outcome(site_id, plan.site_code, True, len(plan.additions), len(plan.differences))


@dataclass
class ApplyReport:
    """What applying to many sites did, site by site."""

    outcomes: list[Outcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def changed(self) -> int:
        """How many sites were written."""
        return sum(1 for o in self.outcomes if o.changed)

    @property
    def refused(self) -> list[Outcome]:
        """Sites skipped, each with the reason."""
        return [o for o in self.outcomes if o.refused]


def apply_version(
    sessions: SessionFactory,
    actor: Actor,
    version_id: int,
    site_ids: Sequence[int],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    report: ApplyReport | None = None,
) -> ApplyReport:
    """Service: apply ``version_id`` to each of ``site_ids``, one transaction per site written.

    ``progress(done, total)`` is called after each site; when ``cancelled()`` turns true the
    run stops between sites (sites done so far stay applied). Sites already following the
    version with a matching tree are reported unchanged without a write transaction. The
    outcomes go into ``report`` (a new one unless given): a caller that passes its own still
    knows which sites were done when a later site fails (the database lost on the way).
    """
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions() as session:
        target = load_target_version(session, version_id)
    report = report if report is not None else ApplyReport()
    done = 0
    for chunk in chunks(site_ids):
        # Sites that already match are told apart by one read per chunk, so a re-run of the
        # same version opens no write transaction at all.
        with sessions() as session:
            plans = plans_for(session, target, chunk)
        for plan in plans:
            if cancelled is not None and cancelled():
                report.cancelled = True
                return report
            if plan.refused:
                outcome = Outcome(plan.site_id, plan.site_code, False, refused=plan.refused)
            elif not plan.changes and plan.following == version_id:
                outcome = Outcome(plan.site_id, plan.site_code, False)
            else:
                outcome = apply_to_site(sessions, actor, version_id, plan.site_id, target)
            report.outcomes.append(outcome)
            done += 1
            if progress is not None:
                progress(done, len(site_ids))
    return report


@dataclass
class _Node:
    id: int | None
    code: str
    parent: _Node | None
    values: dict[str, Any]
    path: str = ""
    dirty: bool = False
    children: list[_Node] = field(default_factory=list)


def _execute(
    session: Session, target: TargetVersion, plan: SitePlan, local: Sequence[LocalColumn]
) -> None:
    """Write ``plan``: insert additions level by level, then one batched update of the rest."""
    nodes: dict[int, _Node] = {c.id: _Node(c.id, c.code, None, {}, c.path) for c in local}
    for mine in local:
        if mine.parent_id is not None and mine.parent_id in nodes:
            nodes[mine.id].parent = nodes[mine.parent_id]
    by_code: dict[str, _Node] = {}
    for mine in sorted(local, key=lambda c: (c.path, c.id)):
        by_code.setdefault(mine.code, nodes[mine.id])
    additions = {a.code for a in plan.additions}
    differences = {d.code: d for d in plan.differences}
    new_nodes: list[_Node] = []
    for column in target.columns:
        values = {
            "name": column.name,
            "column_type": column.column_type,
            "max_idle_days": column.max_idle_days,
            "position": column.position,
            "preset_column_id": column.id,
        }
        parent = by_code[column.parent] if column.parent is not None else None
        if column.code in additions:
            node = _Node(None, column.code, parent, values, dirty=True)
            by_code[column.code] = node
            new_nodes.append(node)
        elif column.code in differences:
            node = by_code[column.code]
            node.parent, node.values, node.dirty = parent, values, True
    _insert_new(session, plan.site_id, new_nodes)
    everything = list(nodes.values()) + new_nodes
    for node in everything:
        if node.parent is not None:
            node.parent.children.append(node)
    changed = [n for n in everything if n.dirty or n.path != _path_of(n)]
    rows = []
    for node in changed:
        node.path = _path_of(node)
        rows.append(
            {
                "b_id": node.id,
                "parent_id": node.parent.id if node.parent is not None else None,
                "path": node.path,
                **(node.values or _unchanged(local, node.id)),
            }
        )
    if rows:
        table = cast(Table, SiteColumn.__table__)
        session.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(
                parent_id=bindparam("parent_id"),
                path=bindparam("path"),
                name=bindparam("name"),
                column_type=bindparam("column_type"),
                max_idle_days=bindparam("max_idle_days"),
                position=bindparam("position"),
                preset_column_id=bindparam("preset_column_id"),
                version=table.c.version + 1,
            ),
            rows,
        )


def _unchanged(local: Sequence[LocalColumn], column_id: int | None) -> dict[str, Any]:
    column = next(c for c in local if c.id == column_id)
    return {
        "name": column.name,
        "column_type": column.column_type,
        "max_idle_days": column.max_idle_days,
        "position": column.position,
        "preset_column_id": column.preset_column_id,
    }


def _path_of(node: _Node) -> str:
    parts: list[str] = []
    current: _Node | None = node
    while current is not None:
        parts.append(str(current.id))
        current = current.parent
    return "/" + "/".join(reversed(parts)) + "/"


def _depth(node: _Node) -> int:
    depth, current = 0, node.parent
    while current is not None:
        depth, current = depth + 1, current.parent
    return depth


def _insert_new(session: Session, site_id: int, nodes: Sequence[_Node]) -> None:
    """Insert new columns one tree level per statement, so each level knows its parents' ids.

    Each level is one executemany, then one SELECT reads the new ids back by code: added
    codes are new on the site, and their path stays blank until the batched update fills it.
    """
    levels: dict[int, list[_Node]] = {}
    for node in nodes:
        levels.setdefault(_depth(node), []).append(node)
    table = cast(Table, SiteColumn.__table__)
    for depth in sorted(levels):
        level = levels[depth]
        session.execute(
            table.insert(),
            [
                {
                    "site_id": site_id,
                    "parent_id": node.parent.id if node.parent is not None else None,
                    "path": "",
                    "code": node.code,
                    "version": 1,
                    **node.values,
                }
                for node in level
            ],
        )
        ids = dict(
            session.execute(
                select(table.c.code, table.c.id).where(
                    table.c.site_id == site_id,
                    table.c.path == "",
                    table.c.code.in_([node.code for node in level]),
                )
            ).all()
        )
        for node in level:
            node.id = ids[node.code]
