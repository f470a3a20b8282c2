"""Columns of the tab's computed lists, the urgency shades, and the live list of a sweep."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from console.base import clock
from console.base.i18n import QT_TR_NOOP
from console.base.labels import SITE_STATES
from console.filings.rules import URGENCY_LABELS, Urgency
from console.filings.service import Deadline, SiteStatus
from console.probes.probe import ProbeOutcome
from console.probes.reasons import shown_error
from ui.i18n import translated
from ui.records_model import Column, cell_text, headings, timed

SHADES = {
    Urgency.OVERDUE: QColor("#f8d0cc"),
    Urgency.PROBLEM: QColor("#fbe3c4"),
    Urgency.DUE: QColor("#fbf3c0"),
}


def _mark(value: bool | None) -> str:
    if value is None:
        return ""
    return translated(QT_TR_NOOP("是") if value else QT_TR_NOOP("否"))


def _reasons(status: SiteStatus) -> str:
    return "；".join(f.reason for f in status.findings[:3])


def urgency_shade(status: SiteStatus) -> QColor | None:
    """The shade of a site's row by its urgency."""
    return SHADES.get(status.urgency)


def deadline_shade(entry: Deadline) -> QColor | None:
    """The shade of a calendar entry by the urgency of its finding."""
    return SHADES.get(entry.finding.urgency)


def probe_shade(outcome: ProbeOutcome) -> QColor | None:
    """A failed probe is shaded as a problem."""
    return None if outcome.ok else SHADES[Urgency.PROBLEM]


STATUS_COLUMNS: tuple[Column[SiteStatus], ...] = (
    Column(QT_TR_NOOP("紧急程度"), lambda s: translated(URGENCY_LABELS[s.urgency]), 8),
    Column(QT_TR_NOOP("网站标识码"), lambda s: s.code, 10),
    Column(QT_TR_NOOP("网站名称"), lambda s: s.name, 22),
    Column(QT_TR_NOOP("状态"), lambda s: translated(SITE_STATES.get(s.state, s.state)), 8),
    timed(QT_TR_NOOP("最早到期"), lambda s: s.due, 10),
    Column(QT_TR_NOOP("事项"), lambda s: str(len(s.findings)), 4),
    Column(QT_TR_NOOP("原因"), _reasons, 60),
)


CALENDAR_COLUMNS: tuple[Column[Deadline], ...] = (
    timed(QT_TR_NOOP("到期日"), lambda d: d.due, 10),
    Column(QT_TR_NOOP("剩余天数"), lambda d: str(d.days_left), 6),
    Column(QT_TR_NOOP("网站标识码"), lambda d: d.code, 10),
    Column(QT_TR_NOOP("网站名称"), lambda d: d.name, 22),
    Column(QT_TR_NOOP("事项"), lambda d: d.finding.reason, 60),
)


def _footer(outcome: ProbeOutcome) -> str:
    return "/".join(
        _mark(v) or "-" for v in (outcome.footer_site_code, outcome.footer_icp, outcome.footer_psb)
    )


OUTCOME_COLUMNS: tuple[Column[ProbeOutcome], ...] = (
    Column(QT_TR_NOOP("网站标识码"), lambda o: o.site_code, 10),
    Column(QT_TR_NOOP("可访问"), lambda o: _mark(o.ok), 6),
    Column(QT_TR_NOOP("状态码"), lambda o: str(o.status or ""), 6),
    Column(QT_TR_NOOP("耗时(ms)"), lambda o: str(o.latency_ms or ""), 8),
    Column(QT_TR_NOOP("HTTPS"), lambda o: _mark(o.https), 6),
    Column(QT_TR_NOOP("证书有效"), lambda o: _mark(o.cert_valid), 8),
    timed(QT_TR_NOOP("证书到期"), lambda o: o.cert_not_after, 16),
    Column(QT_TR_NOOP("证书主体"), lambda o: o.cert_subject or "", 24),
    Column(QT_TR_NOOP("证书签发者"), lambda o: o.cert_issuer or "", 24),
    Column(QT_TR_NOOP("IPv6"), lambda o: _mark(o.ipv6), 5),
    Column(QT_TR_NOOP("页脚（标识码/ICP/公安）"), _footer, 14),
    Column(QT_TR_NOOP("外部跳转"), lambda o: o.foreign_host or "", 16),
    Column(QT_TR_NOOP("错误"), lambda o: shown_error(o.error), 40),
)


RECENT_COLUMNS: tuple[Column[ProbeOutcome], ...] = (
    timed(QT_TR_NOOP("探测时间"), lambda o: o.probed_at, 16),
    *OUTCOME_COLUMNS[1:],
)


class StreamedRows(QStandardItemModel):
    """A sweep's outcomes, appended as they arrive and held as Qt items.

    Not a ``RecordsModel``: painting these rows runs no Python. While a sweep's probe threads
    hold the interpreter, every ``data()`` call of a Python model would wait its turn, and a
    repaint would stall the window. Times are shown in ``zone``, the cluster's.
    """

    zone = clock.zone_named(clock.DEFAULT_ZONE)

    def __init__(self, columns: Sequence[Column[Any]], parent: QObject | None = None) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = tuple(columns)
        self.records: list[Any] = []
        self.setHorizontalHeaderLabels(headings(self.columns))

    def extend(self, records: Sequence[Any]) -> None:
        """Add ``records`` at the end."""
        for record in records:
            items = []
            for column in self.columns:
                text = cell_text(column, record, self.zone)
                item = QStandardItem(text)
                item.setEditable(False)
                item.setToolTip(text)
                items.append(item)
            self.appendRow(items)
        self.records.extend(records)

    def set_records(self, records: Sequence[Any]) -> None:
        """Show ``records`` instead of what was shown."""
        self.removeRows(0, self.rowCount())
        self.records = []
        self.extend(records)
