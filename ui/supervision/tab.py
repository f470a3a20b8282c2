"""The 监管 tab: the cluster (or a portal's subtree) at a glance — headline figures that open
their lists, trends, the unit ranking with its formula, the scheduled jobs — and the monthly
report generated with progress. Everything loads in the background."""

from __future__ import annotations

import asyncio
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import console.supervision.jobs  # noqa: F401 - registers the jobs the table lists
from console.base import clock
from console.base.actor import Actor
from console.base.cluster import read_settings
from console.base.i18n import QT_TR_NOOP
from console.jobs import job_states
from console.supervision.jobs import report_folder
from console.supervision.monthly import MonthlyReport, write_monthly
from console.supervision.ranking import FORMULA
from console.supervision.service import READERS, Overview, ScopeChoice, scope_choices
from console.supervision.settings import REPORT_FOLDER
from console.supervision.trends import WINDOWS
from ui.area_tab import AreaTab, TabSpec
from ui.drill import Drill
from ui.forms import REFUSED, attempt
from ui.i18n import translated
from ui.long_work import LongWork
from ui.records_model import RecordsModel, records_view
from ui.supervision.charts import TrendCharts
from ui.supervision.elsewhere import overview_elsewhere
from ui.supervision.headline import Figure, HeadlineGrid
from ui.supervision.tables import JOB_COLUMNS, RANKING_COLUMNS
from ui.tasks import Database, spawn

MONTHS_OFFERED = 12


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the desktop's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class SupervisionTab(AreaTab):
    """Headline, trends, ranking and jobs of the chosen scope; the monthly report."""

    def __init__(
        self, spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, database, actor, parent)
        self.seen: Overview | None = None
        self.choices: list[ScopeChoice] = []
        self.generation = 0
        self._loads: dict[tuple[int | None, int], asyncio.Future[None]] = {}
        self.open_folder = open_folder
        self.written: MonthlyReport | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        if not actor.holds(*READERS):
            layout.addWidget(self.access_note(sorted(READERS)))
            return
        layout.addLayout(self._bar())
        self.status = QLabel(self)
        self.status.setObjectName("supervisionStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.headline = HeadlineGrid(self)
        self.headline.opened.connect(self._open)
        layout.addWidget(self.headline)
        self.charts = TrendCharts(self)
        self.ranking_model = RecordsModel(RANKING_COLUMNS, None, self)
        self.ranking = records_view(self.ranking_model, RANKING_COLUMNS, "ranking", self)
        self.jobs_model = RecordsModel(JOB_COLUMNS, None, self)
        self.jobs = records_view(self.jobs_model, JOB_COLUMNS, "jobs", self)
        formula = QLabel(translated(FORMULA), self)
        formula.setObjectName("formula")
        formula.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("单位排名（得分由低到高）"), right))
        right_layout.addWidget(formula)
        right_layout.addWidget(self.ranking, 2)
        right_layout.addWidget(QLabel(self.tr("定时任务"), right))
        right_layout.addWidget(self.jobs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.charts)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def _bar(self) -> QHBoxLayout:
        self.scope = QComboBox(self)
        self.scope.setObjectName("scopeChoice")
        self.scope.addItem(self.tr("全部站群"), None)
        self.span = QComboBox(self)
        self.span.setObjectName("trendWindow")
        for days in WINDOWS:
            self.span.addItem(self.tr("近 {n} 天").format(n=days), days)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.month = QComboBox(self)
        self.month.setObjectName("reportMonth")
        self.generate = QPushButton(self.tr("生成月报"), self)
        self.generate.setObjectName("generateReport")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reportProgress")
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("范围"), self))
        bar.addWidget(self.scope, 1)
        bar.addWidget(self.span)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.month)
        bar.addWidget(self.generate)
        bar.addWidget(self.progress)
        self.scope.activated.connect(lambda _i: spawn(self.reload(), "supervision scope"))
        self.span.activated.connect(lambda _i: spawn(self.reload(), "supervision window"))
        self.refresh_button.clicked.connect(lambda: spawn(self.refresh(), "supervision"))
        self.generate.clicked.connect(lambda: spawn(self.generate_report(), "monthly report"))
        return bar

    async def refresh(self) -> None:
        """Reload the scope choices, the figures and the jobs."""
        if not self.actor.holds(*READERS):
            return
        choices = await attempt(self.status.setText, self.database.call(scope_choices, self.actor))
        if choices is REFUSED or not shiboken6.isValid(self):
            return
        self._offer(choices)
        await self.reload()

    def _offer(self, choices: list[ScopeChoice]) -> None:
        current = self.scope.currentData()
        self.choices = choices
        self.scope.clear()
        self.scope.addItem(self.tr("全部站群"), None)
        for choice in choices:
            self.scope.addItem(f"{choice.name}（{choice.code}）", choice.site_id)
        self.scope.setCurrentIndex(max(0, self.scope.findData(current)))
        today = self.database.today()
        first = today.replace(day=1)
        chosen = self.month.currentText()
        self.month.clear()
        for back in range(1, MONTHS_OFFERED + 1):
            self.month.addItem(clock.add_months(first, -back).strftime("%Y-%m"))
        self.month.setCurrentIndex(max(0, self.month.findText(chosen)))

    async def reload(self) -> None:
        """Compute the figures of the chosen scope and window off the UI thread; a reload of
        the same scope and window already under way is joined, not started again."""
        key = (self.scope.currentData(), int(self.span.currentData()))
        running = self._loads.get(key)
        if running is None or running.done():
            running = asyncio.ensure_future(self._reload(*key))
            self._loads[key] = running
        await asyncio.shield(running)

    async def _reload(self, under: int | None, days: int) -> None:
        if not shiboken6.isValid(self.status):
            return
        self.generation += 1
        mine = self.generation
        self.status.setText(self.tr("正在统计…"))
        seen = await attempt(
            self.status.setText, overview_elsewhere(self.database, self.actor, under, (days,))
        )
        if seen is REFUSED or not self._still(mine):
            return
        states = await attempt(self.status.setText, self.database.call(job_states))
        if states is REFUSED or not self._still(mine):
            return
        self.seen = seen
        zone = self.database.zone
        # Shown a piece per turn of the event loop (the figures, the tables, then each chart),
        # so that no single turn builds and paints all of it.
        self.headline.show_headline(seen.facts.headline, zone)
        await asyncio.sleep(0)
        if not self._still(mine):
            return
        self.ranking_model.set_records(seen.ranking)
        self.jobs_model.zone = zone
        self.jobs_model.set_records(states)
        late = sum(1 for s in states if s.late)
        self.status.setText(
            self.tr("{scope}：截至 {as_of}，{n} 个运行网站；{late} 个定时任务逾期或失败。").format(
                scope=translated(seen.scope.title), as_of=seen.facts.headline.as_of,
                n=seen.facts.headline.running, late=late,
            )
        )  # fmt: skip
        await asyncio.sleep(0)
        await self.charts.show_trend(seen.trends[days], lambda: self._still(mine))
        if self._still(mine):
            self.refreshed.emit(clock.utcnow())

    def _still(self, generation: int) -> bool:
        """Whether the tab is open and no later reload began than ``generation``."""
        return shiboken6.isValid(self) and generation == self.generation

    def _open(self, figure: Figure) -> None:
        """Open the list behind ``figure`` in its tab, narrowed to the scope and the figure."""
        under = self.scope.currentData()
        title = next((c.name for c in self.choices if c.site_id == under), "")
        sites = window = None
        if self.seen is not None:
            if under is not None:
                sites = frozenset(site.id for site in self.seen.scope.sites)
            window = figure.window(self.seen.facts.headline)
        drill = Drill("", figure.kind, figure.rule, under, title, sites, window)
        self.navigate.emit(figure.tab, drill)

    async def generate_report(self) -> None:
        """Write the chosen month's report into the report folder, with progress; then open
        the folder."""
        month = self.month.currentText()
        under = next((c.code for c in self.choices if c.site_id == self.scope.currentData()), None)
        settings = await attempt(self.status.setText, self.database.call(read_settings))
        if settings is REFUSED or not month:
            return
        folder = report_folder(settings[REPORT_FOLDER])
        self.generate.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("正在生成 {month} 月报…").format(month=month))
        try:
            with LongWork(self) as work:
                work.progressed.connect(self._progressed)
                written = await attempt(
                    self.status.setText,
                    work.on_database(
                        self.database, write_monthly, self.actor, month, folder, under, work.report
                    ),
                )
        finally:
            if shiboken6.isValid(self):
                self.generate.setEnabled(True)
                self.progress.hide()
        if written is REFUSED or not shiboken6.isValid(self):
            return
        self.written = written
        self.status.setText(
            self.tr("已生成：{pdf}（{n} 个问题）").format(pdf=written.pdf, n=len(written.problems))
        )
        self.open_folder(folder)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)


def build(spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None) -> AreaTab:
    """The 监管 tab."""
    return SupervisionTab(spec, database, actor, parent)


TAB = TabSpec("supervision", QT_TR_NOOP("监管"), "sysadmin", build)
