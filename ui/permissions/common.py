"""What the permission pages share: the rights table's columns, an expiry field, asking for
confirmation, narrowing lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QMessageBox, QWidget

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


def when(value: dt.datetime | None) -> str:
    """A time to the minute, or blank."""
    return value.isoformat(sep=" ", timespec="minutes") if value else ""


def no_tip(_record: object) -> str:
    """The tooltip of a cell whose text says it all: none."""
    return ""


@dataclass(frozen=True)
class HeldRight:
    """A right as the rights table shows it: expired ones muted, 先审后发 conflicts in amber."""

    right: Right
    expired: bool
    flagged: bool = False


def held_right(right: Right, now: dt.datetime, flagged: bool = False) -> HeldRight:
    """``right`` judged at ``now``, flagged when it takes part in a 先审后发 conflict."""
    return HeldRight(right, right.expires_at is not None and right.expires_at <= now, flagged)


def _until(held: HeldRight) -> str:
    if held.expired:
        return translated(EXPIRED_ON).format(when=when(held.right.expires_at))
    return when(held.right.expires_at) or translated(LASTING)


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
    """An optional expiry: unchecked means until revoked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self.tr("到期时间"), self)
        self.edit = QDateTimeEdit(QDateTime.currentDateTime().addMonths(6), self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> dt.datetime | None:
        """The chosen expiry in UTC, or None for 长期."""
        if not self.enabled.isChecked():
            return None
        moment = self.edit.dateTime().toUTC().toPython()
        assert isinstance(moment, dt.datetime)
        return moment.replace(tzinfo=None, second=0, microsecond=0)


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
