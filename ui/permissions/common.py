"""What the permission pages share: the rights table's columns, an expiry field, asking for
confirmation, narrowing lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QMessageBox, QWidget

from console.base import clock
from console.base.i18n import QT_TR_NOOP
from console.base.labels import ROLES
from console.base.listing import Listing, Query
from console.permissions.rights import Right
from ui.dialogs import finished
from ui.i18n import translated
from ui.list_pane import ListPane
from ui.records_model import Column

LASTING = QT_TR_NOOP("长期")
EXPIRED_ON = QT_TR_NOOP("已过期 {when}")
CONFLICT_TIP = QT_TR_NOOP("与本范围内的“编辑”或“发布”冲突（先审后发）")


def role_label(role: str) -> str:
    """The operator-facing name of a role code."""
    return translated(ROLES.get(role, role))


def when(value: dt.datetime | None, zone: ZoneInfo) -> str:
    """A stored time as shown in the cluster's ``zone``, or blank."""
    return clock.shown(value, zone)


def no_tip(_record: object) -> str:
    """The tooltip of a cell whose text says it all: none."""
    return ""


@dataclass(frozen=True)
class HeldRight:
    """A right as the rights table shows it: expired ones muted, 先审后发 conflicts in amber."""

    right: Right
    expired: bool
    zone: ZoneInfo
    flagged: bool = False


def held_right(right: Right, now: dt.datetime, zone: ZoneInfo, flagged: bool = False) -> HeldRight:
    """``right`` judged at ``now``, flagged when it takes part in a 先审后发 conflict; its
    expiry shown in the cluster's ``zone``."""
    expired = right.expires_at is not None and right.expires_at <= now
    return HeldRight(right, expired, zone, flagged)


def _until(held: HeldRight) -> str:
    if held.expired:
        return translated(EXPIRED_ON).format(when=when(held.right.expires_at, held.zone))
    return when(held.right.expires_at, held.zone) or translated(LASTING)


def _right_tone(held: HeldRight) -> str | None:
    return "muted" if held.expired else "warn" if held.flagged else None


def _right_tip(held: HeldRight) -> str:
    return translated(CONFLICT_TIP) if held.flagged else ""


RIGHT_COLUMNS: tuple[Column[HeldRight], ...] = (
    Column(QT_TR_NOOP("角色"), lambda h: role_label(h.right.role), 6, _right_tone, _right_tip),
    Column(QT_TR_NOOP("网站标识码"), lambda h: h.right.site_code, 10, _right_tone, _right_tip),
    Column(QT_TR_NOOP("范围"), lambda h: h.right.scope_label, 20, _right_tone, _right_tip),
    Column(QT_TR_NOOP("到期"), _until, 12, _right_tone, _right_tip),
    Column(QT_TR_NOOP("授权编号"), lambda h: f"#{h.right.grant_id}", 5, _right_tone, _right_tip),
)


class ExpiryEdit(QWidget):
    """An optional expiry typed in the cluster's ``zone``: unchecked means until revoked."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.enabled = QCheckBox(self.tr("到期时间"), self)
        # The edit holds the cluster's wall clock; pinned to UTC so the machine's own zone
        # (its daylight-saving gaps) never shifts what was typed.
        wall = clock.now(zone)
        day = clock.add_months(wall.date(), 6)
        start = QDateTime(
            QDate(day.year, day.month, day.day), QTime(wall.hour, wall.minute), QTimeZone.utc()
        )
        self.edit = QDateTimeEdit(start, self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setToolTip(self.tr("按站群时区 {zone} 填写").format(zone=zone.key))
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> dt.datetime | None:
        """The chosen expiry in its stored form (naive UTC), or None for 长期."""
        if not self.enabled.isChecked():
            return None
        day, time = self.edit.date(), self.edit.time()
        wall = dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        return clock.wall_to_stored(wall, self.zone)


async def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question (window-modal, awaited)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    result = await finished(box)
    box.deleteLater()
    return result == QMessageBox.StandardButton.Yes


async def narrow(pane: ListPane, listing: Listing, equals: Sequence[tuple[str, object]]) -> None:
    """Show ``listing`` (the pane's own, with extra conditions) filtered by ``equals``."""
    pane.listing = listing
    pane.model.listing = listing
    query = pane.model.query
    pane.model.query = Query(query.sort, query.descending, query.text, tuple(equals))
    await pane.refresh()
