"""The 安全备案 tab: sites by urgency with reasons, a site's filing, the calendar, probes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import shiboken6
from PySide6.QtCore import QItemSelection, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.base import clock
from console.base.actor import REGISTER_READERS, Actor
from console.base.export import write_table
from console.base.i18n import QT_TR_NOOP
from console.filings.rules import URGENCY_LABELS, Urgency
from console.filings.service import FILINGS, SiteStatus, StatusReport, calendar, cluster_status
from console.filings.settings import PREFIX, FilingSettings, read_settings
from console.filings.sweeps import PROBE_HISTORY
from ui.area_tab import AreaTab, TabSpec
from ui.dialogs import export_path
from ui.drill import DUE, OVERDUE, PROBES, Drill, ScopeBox
from ui.filings.detail import FilingDetailPane
from ui.filings.sweeper import SweepPanel
from ui.filings.tables import CALENDAR_COLUMNS, STATUS_COLUMNS, deadline_shade, urgency_shade
from ui.forms import EXPORT_TIMEOUT_S, REFUSED, attempt, exported, exported_text
from ui.i18n import translated
from ui.list_pane import ListPane
from ui.records_model import RecordsModel, records_view
from ui.settings_dialog import edit_settings
from ui.tasks import Database, run_io, spawn

SCREENSHOT_CANDIDATES = 20

# Which sites the urgency list shows: everything, what needs action, or one urgency.
SCOPES: tuple[tuple[str, Urgency | None], ...] = (
    (QT_TR_NOOP("需处理（到期及以上）"), Urgency.DUE),
    (QT_TR_NOOP("全部网站"), None),
    (QT_TR_NOOP("仅逾期"), Urgency.OVERDUE),
    (QT_TR_NOOP("30 天内到期"), None),
)
OVERDUE_ONLY, DUE_SOON = 2, 3


class FilingsTab(AreaTab):
    """Urgency list + detail, 90-day calendar, the register list, sweeps and probe history."""

    def __init__(
        self, spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, database, actor, parent)
        self.statuses: list[SiteStatus] = []
        self.settings = FilingSettings()
        self.as_of = database.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not actor.holds(*REGISTER_READERS):
            layout.addWidget(self.access_note(sorted(REGISTER_READERS)))
            return
        self.detail = FilingDetailPane(database, actor, self)
        self.sweeper = SweepPanel(database, actor, self)
        self.inner = QTabWidget(self)
        self.inner.setObjectName("inner_filings")
        self.inner.addTab(self._urgency_page(), self.tr("待办（按紧急程度）"))
        self.inner.addTab(self._calendar_page(), self.tr("到期日历（90 天）"))
        self.inner.addTab(self.adopt(ListPane(FILINGS, database, actor, self)), self.tr("备案登记"))
        self.inner.addTab(self.sweeper, self.tr("网站探测"))
        self.inner.addTab(
            self.adopt(ListPane(PROBE_HISTORY, database, actor, self)), self.tr("探测记录")
        )
        layout.addWidget(self.inner)
        self.detail.saved.connect(lambda _id: spawn(self.reload_statuses(), "statuses"))
        self.sweeper.swept.connect(lambda _n: spawn(self.refresh(), "after sweep"))

    def _urgency_page(self) -> QSplitter:
        """The sites by urgency, filtered, with the selected site's filing beside them."""
        self.summary = QLabel(self)
        self.summary.setObjectName("urgencySummary")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("statusFilter")
        self.filter.setPlaceholderText(self.tr("筛选：网站标识码、名称或原因（Ctrl+F）"))
        self.filter.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        self.in_scope = ScopeBox(self)
        for title, _urgency in SCOPES:
            self.scope.addItem(translated(title))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.settings_button = QPushButton(self.tr("设置…"), self)
        self.settings_button.setObjectName("filingSettingsButton")

        self.status_model = RecordsModel(STATUS_COLUMNS, urgency_shade, self)
        self.status_view = records_view(self.status_model, STATUS_COLUMNS, "statusTable", self)
        self.status_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.scope)
        bar.addWidget(self.in_scope)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.settings_button)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.status_view, 1)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.filter.textChanged.connect(lambda _t: self._show_statuses())
        self.scope.currentIndexChanged.connect(lambda _i: self._show_statuses())
        self.in_scope.toggled.connect(lambda _on: self._show_statuses())
        self.refresh_button.clicked.connect(lambda: spawn(self.refresh(), "refresh filings"))
        self.export_button.clicked.connect(lambda: spawn(self.export(), "export urgency"))
        self.settings_button.clicked.connect(lambda: spawn(self.edit_settings(), "settings"))
        self.status_view.selectionModel().selectionChanged.connect(self._selected)
        self.status_view.customContextMenuRequested.connect(self._menu)
        find = QAction(self)
        find.setShortcut(Qt.Modifier.CTRL | Qt.Key.Key_F)
        find.triggered.connect(self.filter.setFocus)
        self.addAction(find)
        return splitter

    def _calendar_page(self) -> QWidget:
        """What falls due in the next 90 days."""
        self.calendar_model = RecordsModel(CALENDAR_COLUMNS, deadline_shade, self)
        self.calendar_view = records_view(
            self.calendar_model, CALENDAR_COLUMNS, "calendarTable", self
        )
        self.calendar_summary = QLabel(self)
        self.calendar_summary.setObjectName("calendarSummary")
        self.calendar_export = QPushButton(self.tr("导出…"), self)
        calendar_page = QWidget(self)
        calendar_layout = QVBoxLayout(calendar_page)
        calendar_layout.setContentsMargins(6, 6, 6, 6)
        calendar_bar = QHBoxLayout()
        calendar_bar.addWidget(self.calendar_summary, 1)
        calendar_bar.addWidget(self.calendar_export)
        calendar_layout.addLayout(calendar_bar)
        calendar_layout.addWidget(self.calendar_view, 1)
        self.calendar_export.clicked.connect(
            lambda: spawn(self.export_calendar(), "export calendar")
        )
        # A double click (or Enter) on a day's entry opens that site's filing.
        self.calendar_view.activated.connect(
            lambda index: spawn(self.open_due(index.row()), "open due")
        )
        return calendar_page

    async def open_due(self, row: int) -> None:
        """Show the filing of the site due in calendar ``row``, beside the urgency list."""
        if not 0 <= row < self.calendar_model.rowCount():
            return
        site_id = self.calendar_model.record(row).site_id
        self.inner.setCurrentIndex(0)
        for status_row in range(self.status_model.rowCount()):
            if self.status_model.record(status_row).site_id == site_id:
                self.status_view.selectRow(status_row)
                break
        await self.detail.show_site(site_id)

    async def refresh(self) -> None:
        """Reload the statuses, the calendar, the settings and every list."""
        if not self.actor.holds(*REGISTER_READERS):
            return
        await asyncio.gather(self.reload_statuses(), super().refresh())

    async def reload_statuses(self) -> None:
        """Apply the rules to the whole cluster again and show the outcome."""
        report = await attempt(self.summary.setText, self._judged())
        if report is REFUSED or not shiboken6.isValid(self):  # the window may have closed
            return
        self.statuses, self.as_of = report.statuses, report.as_of
        if not self.sweeper.timer.isActive():
            self.sweeper.schedule(self.settings.sweep_interval_min)
        self.status_model.zone = self.calendar_model.zone = report.zone
        self._show_statuses()
        self.calendar_model.set_records(calendar(report))
        self.calendar_summary.setText(
            self.tr("{as_of} 起 90 天内到期 {n} 项（到期日相同按网站标识码排列）").format(
                as_of=report.as_of, n=self.calendar_model.rowCount()
            )
        )
        self.refreshed.emit(clock.utcnow())

    async def _judged(self) -> StatusReport:
        self.settings = await self.database.call(read_settings, self.actor)
        return await self.database.call(cluster_status, self.actor)

    def _show_statuses(self) -> None:
        selected = self._selected_ids()
        floor = SCOPES[max(0, self.scope.currentIndex())][1]
        soon = self.scope.currentIndex() == DUE_SOON
        kept = self.in_scope.kept()
        text = self.filter.text().strip().lower()
        shown = [
            s
            for s in self.statuses
            if (floor is None or s.urgency >= floor)
            and (not soon or s.due_within(self.as_of))
            and (kept is None or s.site_id in kept)
            and (
                not text
                or text in f"{s.code} {s.name} {' '.join(f.reason for f in s.findings)}".lower()
            )
        ]
        self.status_model.set_records(shown)
        counts = {u: 0 for u in Urgency}
        for status in self.statuses:
            counts[status.urgency] += 1
        parts = [
            f"{translated(URGENCY_LABELS[u])} {counts[u]}"
            for u in sorted(Urgency, reverse=True)
            if u is not Urgency.UPCOMING
        ]
        self.summary.setText(
            self.tr("显示 {shown} / {total}　｜　{counts}").format(
                shown=len(shown), total=len(self.statuses), counts=" | ".join(parts)
            )
        )
        for row, status in enumerate(shown):
            if status.site_id in selected:
                self.status_view.selectRow(row)

    def show_filtered(self, drill: Drill) -> None:
        """The urgency list narrowed to the drill's region and kind (overdue, due within 30
        days), or the probes page for availability."""
        if not self.actor.holds(*REGISTER_READERS):
            return
        if drill.kind == PROBES:
            self.inner.setCurrentWidget(self.sweeper)
            return
        self.inner.setCurrentIndex(0)
        self.in_scope.hold(drill)
        blocked = self.scope.blockSignals(True)
        self.scope.setCurrentIndex({OVERDUE: OVERDUE_ONLY, DUE: DUE_SOON}.get(drill.kind, 0))
        self.scope.blockSignals(blocked)
        self.filter.setText(drill.text)
        self._show_statuses()

    def _selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.status_view.selectionModel().selectedRows()})
        return [
            self.status_model.record(r).site_id for r in rows if r < self.status_model.rowCount()
        ]

    def _selected(self, _now: QItemSelection, _before: QItemSelection) -> None:
        ids = self._selected_ids()
        self.sweeper.selection = ids
        current = self.status_view.currentIndex()
        if current.isValid() and current.row() < self.status_model.rowCount():
            spawn(self.detail.show_site(self.status_model.record(current.row()).site_id), "detail")

    def _menu(self, position: QPoint) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        probe = menu.addAction(self.tr("探测所选网站"))
        probe.setEnabled(self.sweeper.selected_button.isEnabled())
        probe.triggered.connect(lambda: self._probe_selected(ids))
        copy = menu.addAction(self.tr("复制网站标识码"))
        copy.triggered.connect(self._copy_codes)
        menu.popup(self.status_view.viewport().mapToGlobal(position))

    def _probe_selected(self, ids: list[int]) -> None:
        self.inner.setCurrentWidget(self.sweeper)
        spawn(self.sweeper.run_sweep(ids), "sweep selected")

    def _copy_codes(self) -> None:
        rows = sorted({i.row() for i in self.status_view.selectionModel().selectedRows()})
        codes = [self.status_model.record(r).code for r in rows]
        QGuiApplication.clipboard().setText("\n".join(codes))

    async def export(self) -> None:
        """Ask where, then write the urgency list as shown."""
        path = await export_path(
            self, self.tr("导出列表"), self.tr("安全备案待办"), self.database.today()
        )
        if path is not None:
            await self.export_to(path)

    async def export_to(self, path: Path) -> int:
        """Write the urgency list as shown (with every reason) to ``path``."""
        headings = self.status_model.headings()
        rows = [
            [*row[:-1], "；".join(f.reason for f in status.findings)]
            for row, status in zip(
                self.status_model.rows_as_text(), self.status_model.records, strict=True
            )
        ]
        return await self._write(path, headings, rows, self.summary)

    async def export_calendar(self) -> None:
        """Ask where, then write the calendar as shown."""
        path = await export_path(
            self, self.tr("导出到期日历"), self.tr("安全备案到期日历"), self.database.today()
        )
        if path is not None:
            await self.export_calendar_to(path)

    async def export_calendar_to(self, path: Path) -> int:
        """Write the 90-day calendar to ``path``."""
        model = self.calendar_model
        return await self._write(
            path, model.headings(), model.rows_as_text(), self.calendar_summary
        )

    async def _write(
        self, path: Path, headings: list[str], rows: list[list[str]], say: QLabel
    ) -> int:
        written = await exported(
            say.setText, run_io(write_table, EXPORT_TIMEOUT_S, path, headings, rows)
        )
        if written is None:
            return 0
        say.setText(exported_text(written, path))
        return written

    async def edit_settings(self) -> None:
        """Show the area's cluster settings; the system administrator may change them."""
        if not await edit_settings(self.database, self.actor, self, PREFIX):
            return
        await self.reload_statuses()
        self.sweeper.schedule(self.settings.sweep_interval_min)

    async def stage_for_screenshot(self) -> None:
        """The urgency list with reasons, its first site selected and its detail shown."""
        if not self.status_model.records:
            return
        self.inner.setCurrentIndex(0)
        # Among the most urgent, the site with the most findings shows the most reasons.
        top = self.status_model.records[:SCREENSHOT_CANDIDATES]
        row = max(range(len(top)), key=lambda r: (top[r].urgency, len(top[r].findings), -r))
        self.status_view.selectRow(row)
        await self.detail.show_site(self.status_model.record(row).site_id)


def build(spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None) -> AreaTab:
    """Make the tab."""
    return FilingsTab(spec, database, actor, parent)


TAB = TabSpec("filings", QT_TR_NOOP("安全备案"), "sysadmin", build)
