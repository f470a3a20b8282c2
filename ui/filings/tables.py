"""Columns of the tab's computed lists, and a table view set up like every other list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import SITE_STATES
from console.filings.rules import URGENCY_LABELS
from console.filings.service import Deadline, SiteStatus
from console.probes.probe import ProbeOutcome
from console.probes.reasons import shown_error
from ui.filings.rows_model import Column, RowsModel, StreamedRows
from ui.table_views import read_only_rows


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _mark(value: bool | None) -> str:
    if value is None:
        return ""
    return QCoreApplication.translate("", QT_TR_NOOP("是") if value else QT_TR_NOOP("否"))


def _reasons(status: SiteStatus) -> str:
    return "；".join(f.reason for f in status.findings[:3])


STATUS_COLUMNS = (
    Column(QT_TR_NOOP("紧急程度"), lambda s: translate("", URGENCY_LABELS[s.urgency]), 8),
    Column(QT_TR_NOOP("网站标识码"), lambda s: s.code, 10),
    Column(QT_TR_NOOP("网站名称"), lambda s: s.name, 22),
    Column(QT_TR_NOOP("状态"), lambda s: translate("", SITE_STATES.get(s.state, s.state)), 8),
    Column(QT_TR_NOOP("最早到期"), lambda s: _date(s.due), 10),
    Column(QT_TR_NOOP("事项"), lambda s: str(len(s.findings)), 4),
    Column(QT_TR_NOOP("原因"), _reasons, 60),
)


def _days_left(entry: Deadline) -> str:
    return str((entry.due - dt.date.today()).days)


CALENDAR_COLUMNS = (
    Column(QT_TR_NOOP("到期日"), lambda d: _date(d.due), 10),
    Column(QT_TR_NOOP("剩余天数"), _days_left, 6),
    Column(QT_TR_NOOP("网站标识码"), lambda d: d.code, 10),
    Column(QT_TR_NOOP("网站名称"), lambda d: d.name, 22),
    Column(QT_TR_NOOP("事项"), lambda d: d.finding.reason, 60),
)


def _footer(outcome: ProbeOutcome) -> str:
    return "/".join(
        _mark(v) or "-" for v in (outcome.footer_site_code, outcome.footer_icp, outcome.footer_psb)
    )


OUTCOME_COLUMNS = (
    Column(QT_TR_NOOP("网站标识码"), lambda o: o.site_code, 10),
    Column(QT_TR_NOOP("可访问"), lambda o: _mark(o.ok), 6),
    Column(QT_TR_NOOP("状态码"), lambda o: str(o.status or ""), 6),
    Column(QT_TR_NOOP("耗时(ms)"), lambda o: str(o.latency_ms or ""), 8),
    Column(QT_TR_NOOP("HTTPS"), lambda o: _mark(o.https), 6),
    Column(QT_TR_NOOP("证书有效"), lambda o: _mark(o.cert_valid), 8),
    Column(QT_TR_NOOP("证书到期"), lambda o: _date(o.cert_not_after), 10),
    Column(QT_TR_NOOP("证书主体"), lambda o: o.cert_subject or "", 24),
    Column(QT_TR_NOOP("证书签发者"), lambda o: o.cert_issuer or "", 24),
    Column(QT_TR_NOOP("IPv6"), lambda o: _mark(o.ipv6), 5),
    Column(QT_TR_NOOP("页脚（标识码/ICP/公安）"), _footer, 14),
    Column(QT_TR_NOOP("外部跳转"), lambda o: o.foreign_host or "", 16),
    Column(QT_TR_NOOP("错误"), lambda o: shown_error(o.error), 40),
)


def table_view(model: RowsModel | StreamedRows, name: str, parent: QWidget) -> QTableView:
    """A row-selecting table with fixed row heights and widths from the columns."""
    view = read_only_rows(QTableView(parent), name)
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    header = view.horizontalHeader()
    digit = view.fontMetrics().horizontalAdvance("0")
    for column, spec in enumerate(model.columns):
        header.resizeSection(column, (max(spec.width, 4) + 3) * digit)
    return view


RECENT_COLUMNS = (
    Column(
        QT_TR_NOOP("探测时间"), lambda o: o.probed_at.isoformat(sep=" ", timespec="minutes"), 16
    ),
    *OUTCOME_COLUMNS[1:],
)
