"""The cluster-wide inspection risk list, and one site's drift and column freshness."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.base import clock
from console.base.actor import Actor
from console.base.i18n import joined
from console.base.labels import COLUMN_TYPES, label_of
from console.presets import service as presets
from console.presets.inspection import RULE_NAMES, RULES, SiteRisk, reachability_note, risk_text
from console.presets.settings import applied_text
from console.schema import Duty
from ui.dialogs import export_path
from ui.drill import Drill, ScopeBox
from ui.flow import FlowLayout
from ui.forms import REFUSED, attempt, exported, exported_text
from ui.i18n import translated
from ui.records_model import TONES, Column, RecordsModel, records_view
from ui.tasks import Database, spawn

RISK_COLOUR = TONES["bad"]
NAMES_SHOWN = 5
# Columns of the risk list: those of the core's ``risk_row`` (which the export writes too).
RISK_WIDTHS = (9, 19, 7, 4, 27, 12)
RISK_BADGES = (3, 4)


def _risk_column(position: int) -> Column[SiteRisk]:
    def text(risk: SiteRisk) -> str:
        return presets.risk_row(risk)[position]

    def tone(risk: SiteRisk) -> str | None:
        return "bad" if risk.risks and position in RISK_BADGES else None

    return Column(presets.RISK_HEADINGS[position], text, RISK_WIDTHS[position], tone)


RISK_COLUMNS = tuple(_risk_column(p) for p in range(len(presets.RISK_HEADINGS)))


class RiskPage(QWidget):
    """Inspection risk of every running site, and the selected site's columns."""

    # The version a site follows (id, preset name, number) and the site's code, to re-apply.
    fix_requested = Signal(int, str, int, str)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("riskPage")
        self.database = database
        self.actor = actor
        self.model = RecordsModel(RISK_COLUMNS, parent=self)
        self.as_of = QDateEdit(self)
        self.as_of.setObjectName("asOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        today = database.today()
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.as_of.setAccessibleName(self.tr("检查日期"))
        self.only_risky = QCheckBox(self.tr("只看有风险的站点"), self)
        self.only_risky.setChecked(True)
        self.results: list[SiteRisk] = []
        self.rule = QComboBox(self)
        self.rule.setObjectName("ruleFilter")
        self.rule.addItem(self.tr("全部规则"), "")
        for rule in RULES:
            self.rule.addItem(translated(RULE_NAMES[rule]), rule)
        self.site_filter = QLineEdit(self)
        self.site_filter.setObjectName("riskFilter")
        self.site_filter.setPlaceholderText(self.tr("筛选：网站标识码或名称"))
        self.site_filter.setClearButtonEnabled(True)
        self.in_scope = ScopeBox(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("riskSummary")
        self.applied = QLabel(self)
        self.applied.setObjectName("riskThresholds")
        self.applied.setWordWrap(True)
        self.applied.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        refresh = QPushButton(self.tr("重新检查"), self)
        export = QPushButton(self.tr("导出…"), self)
        export.setToolTip(self.tr("把风险清单导出为 CSV 或 XLSX"))

        self.view = records_view(self.model, RISK_COLUMNS, "riskTable", self)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        bar = FlowLayout()
        bar.addWidget(QLabel(self.tr("检查日期："), self))
        bar.addWidget(self.as_of)
        bar.addWidget(self.only_risky)
        bar.addWidget(self.rule)
        bar.addWidget(self.site_filter)
        bar.addWidget(self.in_scope)
        bar.addWidget(self.summary)
        bar.addWidget(refresh)
        bar.addWidget(export)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(self._site_side())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.applied)
        layout.addWidget(split, 1)
        refresh.clicked.connect(lambda: spawn(self.refresh(), "inspect"))
        export.clicked.connect(lambda: spawn(self.export(), "export risks"))
        self.only_risky.toggled.connect(lambda _on: spawn(self.refresh(), "inspect"))
        self.rule.currentIndexChanged.connect(lambda _i: self._show())
        self.site_filter.textChanged.connect(lambda _t: self._show())
        self.in_scope.toggled.connect(lambda _on: self._show())
        self.as_of.dateChanged.connect(lambda _d: spawn(self.refresh(), "inspect"))
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: spawn(self.show_site(current.row()), "site drift")
        )

    def _site_side(self) -> QWidget:
        """The selected site: its risk, its drift from the preset it follows, its columns."""
        row_height = self.fontMetrics().height() + 8
        digit = self.fontMetrics().horizontalAdvance("0")
        self.site_title = QLabel(self.tr("选择一个站点，查看其栏目的更新情况和与预设的差异"), self)
        self.site_title.setObjectName("siteTitle")
        self.site_title.setWordWrap(True)
        self.drift = QLabel(self)
        self.drift.setObjectName("drift")
        self.drift.setWordWrap(True)
        self.fix_button = QPushButton(self.tr("按所跟随的版本修正…"), self)
        self.fix_button.setObjectName("fixSite")
        self.fix_button.setToolTip(self.tr("预览并把该站点所跟随的预设版本重新应用到它"))
        self.fix_button.setEnabled(False)
        self.shown: presets.SiteDrift | None = None
        self.columns = QTableWidget(0, 6, self)
        self.columns.setObjectName("siteColumns")
        self.columns.setHorizontalHeaderLabels(
            [
                self.tr("栏目"),
                self.tr("代码"),
                self.tr("类型"),
                self.tr("最后更新"),
                self.tr("稿件数"),
                self.tr("状态"),
            ]
        )
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setWordWrap(False)
        self.columns.verticalHeader().hide()
        self.columns.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.columns.verticalHeader().setDefaultSectionSize(row_height)
        for column, width in enumerate((14, 12, 9, 16, 6)):
            self.columns.horizontalHeader().resizeSection(column, width * digit)
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.fix_button.clicked.connect(self._fix)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.site_title)
        drift_row = QHBoxLayout()
        drift_row.addWidget(self.drift, 1)
        drift_row.addWidget(self.fix_button)
        detail_layout.addLayout(drift_row)
        detail_layout.addWidget(self.columns, 1)
        return detail

    def date(self) -> dt.date:
        """The as-of date chosen."""
        chosen = self.as_of.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    async def refresh(self) -> None:
        """Inspect every running site again."""
        found = await attempt(
            self.summary.setText, self.database.call(presets.inspect, self.actor, self.date())
        )
        if found is REFUSED:
            return
        results = self.results = found.sites
        risky = [r for r in results if r.risks]
        self._show()
        self.summary.setText(
            self.tr("检查 {sites} 个运行中的站点，{risky} 个存在单项否决风险").format(
                sites=len(results), risky=len(risky)
            )
        )
        self.applied.setText(
            self.tr("按站群时区 {zone} 的日期判断；所用阈值：{thresholds}").format(
                zone=found.zone.key, thresholds=applied_text(found.limits)
            )
        )

    def narrow(self, drill: Drill) -> None:
        """Show only the sites of the drill's scope at risk by its rule ('' for any) whose code
        or name holds its text."""
        self.in_scope.hold(drill)
        rule, text = drill.rule, drill.text
        self.only_risky.setChecked(True)
        blocked = self.rule.blockSignals(True)
        self.rule.setCurrentIndex(max(0, self.rule.findData(rule)))
        self.rule.blockSignals(blocked)
        self.site_filter.setText(text)
        self._show()

    def _show(self) -> None:
        """The inspected sites that pass the risky-only box, the rule and the text filters."""
        narrowed = self._narrowed()
        self.model.set_records([s for s in self.results if presets.listed(s, *narrowed)])

    def _narrowed(self) -> tuple[bool, str, str, frozenset[int] | None]:
        """The risky-only box, the rule, the text and the scope the list is narrowed by."""
        return (
            self.only_risky.isChecked(),
            str(self.rule.currentData() or ""),
            self.site_filter.text(),
            self.in_scope.kept(),
        )

    async def show_site(self, row: int) -> None:
        """Show the drift and column freshness of the site on ``row``."""
        if not 0 <= row < len(self.model.records):
            return
        risk: SiteRisk = self.model.record(row)
        self.shown = None
        self.fix_button.setEnabled(False)
        drift = await attempt(
            self.drift.setText,
            self.database.call(presets.site_drift, self.actor, risk.site_id, self.date()),
        )
        if drift is REFUSED:
            return
        note = reachability_note(drift.risk)
        self.site_title.setText(
            f"{risk.code} {risk.name}：{risk_text(drift.risk) or self.tr('无单项否决风险')}"
            + (f"（{note}）" if note else "")
        )
        self.drift.setText(self._drift_text(drift))
        self.shown = drift
        self.fix_button.setEnabled(
            self.actor.holds(Duty.SYSTEM_ADMIN) and drift.plan is not None and drift.plan.changes
        )
        self.columns.setRowCount(len(drift.columns))
        kinds = label_of(COLUMN_TYPES)
        for index, verdict in enumerate(drift.columns):
            column = verdict.column
            if verdict.blank:
                state = self.tr("空白")
            elif verdict.late:
                state = self.tr("超期（{days} 天未更新）").format(days=verdict.idle_days)
            elif not column.leaf:
                state = self.tr("父栏目")
            else:
                state = self.tr("正常")
            last = clock.shown(column.last_update, self.database.zone)
            cells = [
                column.name,
                column.code,
                kinds(column.column_type),
                last,
                str(column.posts),
                state,
            ]
            for position, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if position == 5 and (verdict.blank or verdict.late):
                    item.setForeground(QBrush(RISK_COLOUR))
                self.columns.setItem(index, position, item)

    def _fix(self) -> None:
        drift = self.shown
        if drift is not None and drift.plan is not None and drift.plan.following is not None:
            self.fix_requested.emit(
                drift.plan.following, drift.preset_name, drift.preset_number, drift.risk.code
            )

    def _drift_text(self, drift: presets.SiteDrift) -> str:
        """The site against the preset version it follows, naming the columns concerned."""
        plan = drift.plan
        if plan is None:
            return self.tr("该站点没有跟随任何栏目预设。")
        required = plan.missing_required()
        optional = [a for a in plan.additions if not a.required]
        moved = [d for d in plan.differences if d.renamed or d.moved]

        def named(names: list[str]) -> str:
            shown = joined(names[:NAMES_SHOWN]) + ("…" if len(names) > NAMES_SHOWN else "")
            return self.tr("（{names}）").format(names=shown) if names else ""

        return self.tr(
            "跟随“{preset}”第 {number} 版。缺少必设栏目 {missing} 个{missing_names}，"
            "缺少可选栏目 {optional} 个{optional_names}，名称或位置不同 {moved} 个{moved_names}，"
            "本地增设栏目 {extras} 个{extra_names}。"
        ).format(
            preset=drift.preset_name,
            number=drift.preset_number,
            missing=len(required),
            missing_names=named([a.name for a in required]),
            optional=len(optional),
            optional_names=named([a.name for a in optional]),
            moved=len(moved),
            moved_names=named([d.name for d in moved]),
            extras=len(plan.extras),
            extra_names=named([e.name for e in plan.extras]),
        )

    async def export(self) -> None:
        """Ask where to save, then export the risk list."""
        path = await export_path(
            self, self.tr("导出风险清单"), self.tr("检查风险"), self.database.today()
        )
        if path is not None:
            await self.export_to(path)

    async def export_to(self, path: Path) -> int:
        """Export the risk list as shown to ``path``."""
        written = await exported(
            self.summary.setText,
            self.database.call(
                presets.export_risks, self.actor, self.date(), path, *self._narrowed()
            ),
        )
        if written is None:
            return 0
        self.summary.setText(exported_text(written, path))
        return written
