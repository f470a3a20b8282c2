"""What changed between two versions of a preset, column by column (matched by code)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from console.base.i18n import QT_TR_NOOP, joined, translate
from console.base.labels import COLUMN_TYPES
from console.presets.files import ColumnSpec


class ChangeKind(enum.StrEnum):
    """How one column differs between the older and the newer version."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    MOVED = "moved"
    RULE = "rule"


CHANGE_LABELS = {
    ChangeKind.ADDED: QT_TR_NOOP("新增"),
    ChangeKind.REMOVED: QT_TR_NOOP("移除"),
    ChangeKind.RENAMED: QT_TR_NOOP("改名"),
    ChangeKind.MOVED: QT_TR_NOOP("移动"),
    ChangeKind.RULE: QT_TR_NOOP("类型或规则"),
}


@dataclass(frozen=True)
class Placed:
    """A column with where it sits: its parent's code (None at the top) and its position."""

    spec: ColumnSpec
    parent: str | None
    position: int


@dataclass(frozen=True)
class Change:
    """One difference: the column's code, and the old and new value of what changed.

    ``old`` and ``new`` are the names (renamed), places (moved) or type and rule (rule), in
    the operator's language; nothing for a column added or removed.
    """

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


TOP_PLACE = QT_TR_NOOP("一级栏目第 {position} 位")
UNDER_PLACE = QT_TR_NOOP("“{parent}”下第 {position} 位")
REQUIRED = QT_TR_NOOP("必设")
OPTIONAL = QT_TR_NOOP("可选")
IDLE_RULE = QT_TR_NOOP("{days} 天内更新")
NO_IDLE_RULE = QT_TR_NOOP("不要求定期更新")


def _rule_of(spec: ColumnSpec) -> tuple[str, bool, int | None]:
    return (spec.column_type.value, spec.required, spec.max_idle_days)


def _rule(spec: ColumnSpec) -> str:
    """The column's type, whether it is required and its update rule, in running text."""
    idle = (
        translate("", NO_IDLE_RULE)
        if spec.max_idle_days is None
        else translate("", IDLE_RULE).format(days=spec.max_idle_days)
    )
    return joined(
        (
            translate("", COLUMN_TYPES[spec.column_type]),
            translate("", REQUIRED if spec.required else OPTIONAL),
            idle,
        )
    )


def _place(where: Placed, tree: dict[str, Placed]) -> str:
    """Where a column sits, naming its parent column."""
    if where.parent is None:
        return translate("", TOP_PLACE).format(position=where.position + 1)
    return translate("", UNDER_PLACE).format(
        parent=tree[where.parent].spec.name, position=where.position + 1
    )


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
                    _place(was, before),
                    _place(now, after),
                )
            )
        if _rule_of(was.spec) != _rule_of(now.spec):
            changes.append(
                Change(ChangeKind.RULE, code, now.spec.name, _rule(was.spec), _rule(now.spec))
            )
    changes.extend(
        Change(ChangeKind.REMOVED, code, was.spec.name)
        for code, was in before.items()
        if code not in after
    )
    return changes
