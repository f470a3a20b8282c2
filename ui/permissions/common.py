"""What the permission pages share: showing refusals, asking for confirmation, narrowing lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QMessageBox,
    QTableView,
    QWidget,
)

from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import ROLES
from console.base.listing import Listing, Query
from console.permissions.rights import Right
from ui.dialogs import finished
from ui.list_pane import ListPane
from ui.permissions.rows_model import Row, RowsModel
from ui.table_views import read_only_rows


def tr(text: str, disambiguation: str | None = None) -> str:
    """Translate a source string of the permission pages (lupdate files bare ``tr`` under "");
    ``disambiguation`` tells apart one source string used in two senses (a verb, a state)."""
    return QCoreApplication.translate("", text, disambiguation)


def role_label(role: str) -> str:
    """The operator-facing name of a role code."""
    return translate("", ROLES.get(role, role))


def when(value: dt.datetime | None) -> str:
    """A time to the minute, or blank."""
    return value.isoformat(sep=" ", timespec="minutes") if value else ""


def table(parent: QWidget, model: RowsModel, name: str) -> QTableView:
    """A read-only, row-selecting table over ``model`` with fixed row heights."""
    view = read_only_rows(QTableView(parent), name)
    view.setModel(model)
    return view


def widths(view: QTableView, digits: Sequence[int]) -> None:
    """Column widths in digits (a Chinese character counts two)."""
    digit = view.fontMetrics().horizontalAdvance("0")
    for column, count in enumerate(digits):
        view.horizontalHeader().resizeSection(column, (count + 3) * digit)


RIGHT_HEADINGS = (
    QT_TR_NOOP("角色"),
    QT_TR_NOOP("网站标识码"),
    QT_TR_NOOP("范围"),
    QT_TR_NOOP("到期"),
    QT_TR_NOOP("授权编号"),
)


def right_headings() -> list[str]:
    """Headings of a table of rights."""
    return [tr(h) for h in RIGHT_HEADINGS]


def right_row(right: Right, now: dt.datetime, flagged: bool = False) -> Row:
    """A right as a row: expired ones muted, 先审后发 conflicts in amber."""
    expired = right.expires_at is not None and right.expires_at <= now
    tone = "muted" if expired else "warn" if flagged else None
    until = when(right.expires_at) or tr("长期")
    if expired:
        until = tr("已过期 {when}").format(when=when(right.expires_at))
    tip = tr("与本范围内的“编辑”或“发布”冲突（先审后发）") if flagged else ""
    cells = [
        role_label(right.role),
        right.site_code,
        right.scope_label,
        until,
        f"#{right.grant_id}",
    ]
    return Row(cells, right, [tone] * len(cells), [tip] * len(cells))


class ExpiryEdit(QWidget):
    """An optional expiry: unchecked means until revoked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(tr("到期时间"), self)
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
