"""What the permission grid shows at a node: per account, the standing of each role.

Each cell says whether the role is granted right here (explicit), comes from the site or a
column above (inherited, naming where), or was granted and has expired.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from console.base import clock
from console.base.i18n import QT_TR_NOOP, joined
from console.base.labels import ROLES
from console.permissions.rights import Right, Standing, standing
from console.schema import AccountStatus, Role
from ui.i18n import translated
from ui.permissions.common import LASTING, when
from ui.records_model import Column

ROLE_ORDER = (Role.EDITOR, Role.REVIEWER, Role.PUBLISHER, Role.SITE_ADMIN)
MARKS = {
    Standing.EXPLICIT: (QT_TR_NOOP("● 本级授权"), "good"),
    Standing.INHERITED: (QT_TR_NOOP("↑ 继承"), None),
    Standing.EXPIRED: (QT_TR_NOOP("✕ 已过期"), "muted"),
}
PREFERENCE = (Standing.EXPLICIT, Standing.INHERITED, Standing.EXPIRED)

WHOLE_SITE = QT_TR_NOOP("整站")
INACTIVE = QT_TR_NOOP("（已停用或锁定）")
CONFLICTED = QT_TR_NOOP("（先审后发冲突）")
CONFLICT_TIP = QT_TR_NOOP("在此范围内既有“编辑”又有“发布”：同一人不能既撰写又发布同一稿件。")
INHERITED_FROM = QT_TR_NOOP("自 {scope}")
EXPIRES_ON = QT_TR_NOOP("（至 {when}）")
GRANT_LINE = QT_TR_NOOP("#{id} {scope} {until}")
PUBLISHES_FROM = QT_TR_NOOP("（自 {scope}）")
PUBLISHERS = QT_TR_NOOP("能发布：{names}")
NOBODY = QT_TR_NOOP("无人")


class GridCell:
    """The grants behind one cell, strongest standing first."""

    def __init__(self) -> None:
        self.grants: list[tuple[Standing, Right]] = []

    def best(self) -> tuple[Standing, Right] | None:
        """The grant that decides what the cell shows."""
        ordered = sorted(self.grants, key=lambda g: PREFERENCE.index(g[0]))
        return ordered[0] if ordered else None


@dataclass(frozen=True)
class GridRow:
    """One account at the node: its first grant (for its name), its grants per role, and
    whether it both writes and publishes here under 先审后发 (``flagged``)."""

    first: Right
    zone: ZoneInfo
    cells: dict[str, GridCell] = field(default_factory=dict)
    flagged: bool = False

    @property
    def active(self) -> bool:
        """Whether the account may log in (its grants are in force)."""
        return self.first.account_status == AccountStatus.ACTIVE

    def best(self, role: Role) -> tuple[Standing, Right] | None:
        """What decides the cell of ``role``."""
        return self.cells.get(role.value, GridCell()).best()


def grid_rows(
    held: list[Right],
    column_id: int | None,
    now: dt.datetime,
    zone: ZoneInfo,
    flagged: frozenset[int] = frozenset(),
) -> list[GridRow]:
    """One row per account, by name; the accounts in ``flagged`` write and publish here;
    expiries shown in the cluster's ``zone``."""
    by_account: dict[int, GridRow] = {}
    for right in held:
        row = by_account.setdefault(
            right.account_id, GridRow(right, zone, flagged=right.account_id in flagged)
        )
        row.cells.setdefault(right.role, GridCell()).grants.append(
            (standing(right, column_id, now), right)
        )
    return sorted(by_account.values(), key=lambda row: row.first.username)


def _account(row: GridRow) -> str:
    name = f"{row.first.username} {row.first.full_name}"
    if not row.active:
        return name + translated(INACTIVE)
    return name + translated(CONFLICTED) if row.flagged else name


def _account_tone(row: GridRow) -> str | None:
    if not row.active:
        return "muted"
    return "warn" if row.flagged else None


def _account_tip(row: GridRow) -> str:
    return translated(CONFLICT_TIP) if row.active and row.flagged else ""


def _role_column(role: Role) -> Column[GridRow]:
    def text(row: GridRow) -> str:
        best = row.best(role)
        if best is None:
            return ""
        state, right = best
        shown = translated(MARKS[state][0])
        if state is Standing.INHERITED:
            scope = right.column_name or translated(WHOLE_SITE)
            shown += translated(INHERITED_FROM).format(scope=scope)
        if right.expires_at and state is not Standing.EXPIRED:
            day = clock.local_date(right.expires_at, row.zone)
            shown += translated(EXPIRES_ON).format(when=clock.shown(day, row.zone))
        return shown

    def tone(row: GridRow) -> str | None:
        best = row.best(role)
        return MARKS[best[0]][1] if best is not None else None

    def tip(row: GridRow) -> str:
        grants = row.cells.get(role.value, GridCell()).grants
        return "\n".join(
            translated(GRANT_LINE).format(
                id=r.grant_id,
                scope=r.scope_label,
                until=when(r.expires_at, row.zone) or translated(LASTING),
            )
            for _standing, r in grants
        )

    return Column(ROLES[role], text, 24, tone, tip)


GRID_COLUMNS: tuple[Column[GridRow], ...] = (
    Column(QT_TR_NOOP("账号"), _account, 20, _account_tone, _account_tip),
    *(_role_column(role) for role in ROLE_ORDER),
)


def who_publishes(
    held: list[Right], column_id: int | None, now: dt.datetime, site_closed: bool
) -> str:
    """ "Who can publish here?": active accounts with a 发布 grant in force reaching the node,
    each with where an inherited grant comes from; nobody on a retired or merged site."""
    sources: dict[str, str] = {}
    for right in held:
        state = standing(right, column_id, now)
        if (
            site_closed
            or right.role != Role.PUBLISHER
            or right.account_status != AccountStatus.ACTIVE
            or state is Standing.EXPIRED
        ):
            continue
        origin = "" if state is Standing.EXPLICIT else right.column_name or translated(WHOLE_SITE)
        if right.username not in sources or not origin:
            sources[right.username] = origin
    names = [
        name + (translated(PUBLISHES_FROM).format(scope=origin) if origin else "")
        for name, origin in sorted(sources.items())
    ]
    return translated(PUBLISHERS).format(names=joined(names) if names else translated(NOBODY))
