"""Probe sweeps from the GUI: progress, cancel, outcomes streamed in, history stored, schedule.

The sweep is long work (``ui.long_work``: ``console.probes.sweep`` with its bounded pool on a
thread of its own); each outcome is handed to the UI thread and shown at once. When it ends
(or is stopped) the outcomes are stored as history in one database call.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.base import clock
from console.base.actor import Actor
from console.base.errors import EnvironmentFault
from console.filings import sweeps as probes
from console.filings.settings import read_settings
from console.probes.dialing import Dialer
from console.probes.probe import ProbeOptions, ProbeOutcome
from console.probes.sweep import sweep
from console.schema import Duty
from ui.filings.tables import OUTCOME_COLUMNS, StreamedRows
from ui.forms import REFUSED, attempt
from ui.long_work import LongWork
from ui.records_model import records_view
from ui.tasks import Database, spawn


class SweepPanel(QWidget):
    """Buttons to sweep all or selected sites, a progress bar, and the outcomes as they come."""

    swept = Signal(int)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sweepPanel")
        self.database = database
        self.actor = actor
        # Where probes connect and which roots they trust; tests and staging change these.
        self.dialer = Dialer()
        self.ca_bundle: str | None = None
        self.selection: Sequence[int] = ()
        self._work: LongWork | None = None
        # Outcomes handed over by the sweep's thread, shown in batches by ``_flush``.
        self._incoming: deque[ProbeOutcome] = deque()
        self._flush_pending = False
        # Sweeps whose outcomes the database refused (gone for a moment): kept until stored.
        self.unsaved: list[tuple[list[ProbeOutcome], dt.datetime, int, bool]] = []

        self.all_button = QPushButton(self.tr("探测全部运行中网站"), self)
        self.all_button.setObjectName("sweepAll")
        self.selected_button = QPushButton(self.tr("探测所选网站"), self)
        self.selected_button.setObjectName("sweepSelected")
        self.stop_button = QPushButton(self.tr("停止"), self)
        self.stop_button.setObjectName("stopSweep")
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v / %m"))
        self.progress.setValue(0)
        self.summary = QLabel(self)
        self.summary.setObjectName("sweepSummary")
        self.schedule_label = QLabel(self)
        self.schedule_label.setObjectName("scheduleLabel")
        self.model = StreamedRows(OUTCOME_COLUMNS, parent=self)
        self.view = records_view(self.model, OUTCOME_COLUMNS, "outcomes", self)

        allowed = actor.holds(Duty.SYSTEM_ADMIN)
        for button in (self.all_button, self.selected_button):
            button.setEnabled(allowed)
            if not allowed:
                button.setToolTip(self.tr("探测结果要存入历史，只有系统管理员可以发起探测"))
        top = QHBoxLayout()
        top.addWidget(self.all_button)
        top.addWidget(self.selected_button)
        top.addWidget(self.stop_button)
        top.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.schedule_label)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self._scheduled)
        self.all_button.clicked.connect(lambda: spawn(self.run_sweep(), "sweep"))
        self.selected_button.clicked.connect(
            lambda: spawn(self.run_sweep(list(self.selection)), "sweep selected")
        )
        self.stop_button.clicked.connect(self.stop)
        database.recovered.connect(lambda: spawn(self._recovered(), "store kept probes"))

    @property
    def running(self) -> bool:
        """Whether a sweep is under way."""
        return self._work is not None

    def schedule(self, minutes: int) -> None:
        """Sweep every ``minutes`` while the console runs (0: never)."""
        if minutes <= 0 or not self.actor.holds(Duty.SYSTEM_ADMIN):
            self.timer.stop()
            self.schedule_label.setText(self.tr("定时探测：关闭"))
            return
        self.timer.start(minutes * 60_000)
        self.schedule_label.setText(self.tr("定时探测：每 {n} 分钟").format(n=minutes))

    def _scheduled(self) -> None:
        if not self.running:
            spawn(self.run_sweep(), "scheduled sweep")

    def stop(self) -> None:
        """Stop the sweep: running probes finish, the rest are dropped."""
        if self._work is not None:
            self._work.cancel()
            self.stop_button.setEnabled(False)
            self.summary.setText(self.tr("正在停止：等待进行中的探测结束…"))

    async def run_sweep(self, site_ids: Sequence[int] = ()) -> list[ProbeOutcome]:
        """Probe ``site_ids`` (or every running site), show outcomes live, store them."""
        if self.running:
            return []
        with LongWork(self) as work:
            self._work = work
            self._set_busy(True)
            try:
                outcomes = await attempt(self.summary.setText, self._sweep(site_ids, work))
            finally:
                self._work = None
                if shiboken6.isValid(self):
                    self._set_busy(False)
        return [] if outcomes is REFUSED else outcomes

    async def _sweep(self, site_ids: Sequence[int], work: LongWork) -> list[ProbeOutcome]:
        planned = await self.database.call(probes.plan_sweep, self.actor, (), site_ids)
        plan, dialer = probes.confine(planned, self.dialer)
        settings = await self.database.call(read_settings, self.actor)
        options = ProbeOptions(
            timeout=settings.probe_timeout_s,
            ca_bundle=self.ca_bundle,
            registered_hosts=plan.registered_hosts,
            dialer=dialer,
        )
        self.model.zone = self.database.zone
        self.model.set_records([])
        self.progress.setRange(0, max(1, len(plan.targets)))
        self.progress.setValue(0)
        self.summary.setText(self.tr("正在探测 {n} 个网站…").format(n=len(plan.targets)))
        started = clock.utcnow()

        def arrived(outcome: ProbeOutcome) -> None:
            # On the sweep's thread: queue it; one flush at a time shows all that came.
            self._incoming.append(outcome)
            if not self._flush_pending:
                self._flush_pending = True
                work.hand_over(self._flush)

        outcomes = await work.off_database(
            sweep, plan.targets, options, settings.probe_workers, arrived, work.stop
        )
        if not shiboken6.isValid(self):  # the window closed, which stopped the sweep
            return outcomes
        self._flush()  # what arrived after the last flush
        cancelled = work.cancelled()
        failed = sum(1 for o in outcomes if not o.ok)
        prefix = self.tr("已停止：") if cancelled else ""
        counts = {"n": len(outcomes), "total": len(plan.targets), "failed": failed}
        sweep_record = (outcomes, started, len(plan.targets), cancelled)
        try:
            await self.save_pending()
            stored = await self.database.call(probes.record_sweep, self.actor, *sweep_record)
        except EnvironmentFault as fault:
            # Kept, and stored as soon as the database answers again.
            self.unsaved.append(sweep_record)
            text = self.tr(
                "探测 {n} / {total} 个网站，{failed} 个不可访问；结果暂未存入历史（{error}），"
                "数据库恢复后自动保存。"
            )
            self.summary.setText(prefix + text.format(**counts, error=fault))
            return outcomes
        text = self.tr("探测 {n} / {total} 个网站，{failed} 个不可访问，已存入历史 {stored} 条。")
        text = prefix + text.format(**counts, stored=stored)
        self.summary.setText(" ".join(filter(None, (text, probes.plan_notes(plan)))))
        self.swept.emit(stored)
        return outcomes

    async def save_pending(self) -> int:
        """Store the sweeps that could not be stored when they ended; returns the rows stored."""
        stored = 0
        while self.unsaved:
            stored += await self.database.call(probes.record_sweep, self.actor, *self.unsaved[0])
            self.unsaved.pop(0)
        return stored

    async def _recovered(self) -> None:
        if not self.unsaved or self.running:
            return
        try:
            stored = await self.save_pending()
        except EnvironmentFault:
            return  # still down: the next recovery tries again
        if shiboken6.isValid(self):
            self.summary.setText(self.tr("数据库已恢复：补存探测记录 {n} 条。").format(n=stored))
            self.swept.emit(stored)

    def _flush(self) -> None:
        """Show the outcomes that arrived since the last flush, in one insertion."""
        self._flush_pending = False
        batch = []
        while self._incoming:
            batch.append(self._incoming.popleft())
        self.model.extend(batch)
        self.progress.setValue(self.progress.value() + len(batch))

    def _set_busy(self, busy: bool) -> None:
        allowed = self.actor.holds(Duty.SYSTEM_ADMIN)
        self.all_button.setEnabled(allowed and not busy)
        self.selected_button.setEnabled(allowed and not busy)
        self.stop_button.setEnabled(busy)
