"""What changed between two versions of a preset, column by column (matched by code)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from console.preset_files import ColumnSpec


class ChangeKind(enum.StrEnum):
    """How one column differs between the older and the newer version."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    MOVED = "moved"
    RULE = "rule"


@dataclass(frozen=True)
class Placed:
    """A column with where it sits: its parent's code (None at the top) and its position."""

    spec: ColumnSpec
    parent: str | None
    position: int


@dataclass(frozen=True)
class Change:
    """One difference: the column's code, and the old and new value of what changed."""

    kind: ChangeKind
    code: str
    name: str
    old: str = ""
    new: str = ""


def placed(columns: Sequence[ColumnSpec]) -> dict[str, Placed]:
    """Every column of a tree by code, parents before children."""
    found: dict[str, Placed] = {}
    stack: list[tuple[ColumnSpec, str | None, int]] = [
        (column, None, position) for position, column in enumerate(columns)
    ]
    stack.reverse()
    while stack:
        column, parent, position = stack.pop()
        found.setdefault(column.code, Placed(column, parent, position))
        stack.extend(
            (child, column.code, index)
            for index, child in reversed(list(enumerate(column.children)))
        )
    return found


def _rule(spec: ColumnSpec) -> str:
    idle = "-" if spec.max_idle_days is None else str(spec.max_idle_days)
    return f"{spec.column_type.value}/{'required' if spec.required else 'optional'}/{idle}"


def diff_versions(old: Sequence[ColumnSpec], new: Sequence[ColumnSpec]) -> list[Change]:
    """The changes that turn tree ``old`` into tree ``new``, in the new tree's order."""
    before, after = placed(old), placed(new)
    changes: list[Change] = []
    for code, now in after.items():
        was = before.get(code)
        if was is None:
            changes.append(Change(ChangeKind.ADDED, code, now.spec.name))
            continue
        if was.spec.name != now.spec.name:
            changes.append(
                Change(ChangeKind.RENAMED, code, now.spec.name, was.spec.name, now.spec.name)
            )
        if (was.parent, was.position) != (now.parent, now.position):
            changes.append(
                Change(
                    ChangeKind.MOVED,
                    code,
                    now.spec.name,
                    f"{was.parent or '/'}#{was.position + 1}",
                    f"{now.parent or '/'}#{now.position + 1}",
                )
            )
        if _rule(was.spec) != _rule(now.spec):
            changes.append(
                Change(ChangeKind.RULE, code, now.spec.name, _rule(was.spec), _rule(now.spec))
            )
    changes.extend(
        Change(ChangeKind.REMOVED, code, was.spec.name)
        for code, was in before.items()
        if code not in after
    )
    return changes
