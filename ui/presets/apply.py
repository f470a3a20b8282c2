"""Applying a preset version: choose the sites, preview every change, then apply with progress."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.export import write_table
from console.base.i18n import joined
from console.presets.apply import ApplyReport, Outcome, apply_version
from console.presets.plan import DIFFERENCE_LABELS, SitePlan, preview, sites_by_code, sites_of_kind
from ui.dialogs import export_path
from ui.forms import EXPORT_TIMEOUT_S, REFUSED, attempt, exported, exported_text
from ui.i18n import translated
from ui.long_work import LongWork
from ui.tasks import Database, run_io, spawn

DETAIL_LINES = 40


class ApplyDialog(QDialog):
    """Preview, then apply, one preset version to some sites; cancellable between sites."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        version_id: int,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("applyDialog")
        self.setWindowTitle(self.tr("应用栏目预设：{title}").format(title=title))
        self.database = database
        self.actor = actor
        self.version_id = version_id
        self.plans: list[SitePlan] = []
        self.outcomes: list[Outcome] = []
        self.work: LongWork | None = None
        self.filling = False
        choose = self._choices()
        self.summary = QLabel(
            self.tr("先预览：列出每个站点将新增、调整的栏目，以及保留的本地栏目。"), self
        )
        self.summary.setObjectName("applySummary")
        self.summary.setWordWrap(True)
        self.table = self._preview_table()
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("applyDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("选中一个站点，查看逐个栏目的改动"))
        self.details.setMaximumHeight(self.fontMetrics().height() * 8)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(
            self.tr("应用"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(820, 520)
        self.apply_button.clicked.connect(lambda: spawn(self.apply(), "apply preset"))
        self.close_button.clicked.connect(self._close_or_cancel)

    def _choices(self) -> QHBoxLayout:
        """Which sites (all of the preset's kind, or the codes typed), preview and export."""
        self.every_site = QRadioButton(self.tr("该预设适用类型的全部站点"), self)
        self.every_site.setChecked(True)
        self.chosen = QRadioButton(self.tr("指定站点："), self)
        self.codes = QLineEdit(self)
        self.codes.setObjectName("siteCodes")
        self.codes.setPlaceholderText(self.tr("网站标识码，以空格或逗号分隔"))
        self.codes.textEdited.connect(lambda _t: self.chosen.setChecked(True))
        self.preview_button = QPushButton(self.tr("预览改动"), self)
        self.preview_button.setDefault(True)
        self.export_button = QPushButton(self.tr("导出预览…"), self)
        self.export_button.setToolTip(
            self.tr("把预览的每个站点及其逐个栏目的改动导出为 CSV 或 XLSX")
        )
        self.export_button.setEnabled(False)
        self.preview_button.clicked.connect(lambda: spawn(self.load_preview(), "preview"))
        self.export_button.clicked.connect(lambda: spawn(self.export(), "export preview"))
        choose = QHBoxLayout()
        choose.addWidget(self.every_site)
        choose.addWidget(self.chosen)
        choose.addWidget(self.codes, 1)
        choose.addWidget(self.preview_button)
        choose.addWidget(self.export_button)
        return choose

    def _preview_table(self) -> QTableWidget:
        """A row per site: what it gains and keeps; the sites that would change ticked."""
        self.headings = [
            self.tr("站点"),
            self.tr("新增栏目"),
            self.tr("名称或位置不同"),
            self.tr("保留的本地栏目"),
            self.tr("说明"),
        ]
        table = QTableWidget(0, len(self.headings), self)
        table.setObjectName("previewTable")
        table.setHorizontalHeaderLabels(self.headings)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.itemChanged.connect(self._ticks_changed)
        table.currentCellChanged.connect(lambda row, *_rest: self._show_details(row))
        return table

    async def targets(self) -> list[int]:
        """The site ids chosen."""
        if self.every_site.isChecked():
            return await self.database.call(sites_of_kind, self.actor, self.version_id)
        codes = [c for c in re.split(r"[\s,，、;；]+", self.codes.text()) if c]
        return await self.database.call(sites_by_code, self.actor, codes)

    async def load_preview(self) -> None:
        """Compute and show what applying would change, site by site."""
        self.apply_button.setEnabled(False)
        plans = await attempt(self.summary.setText, self._previewed())
        if plans is REFUSED:
            return
        self.plans = plans
        self._fill()
        if self.plans:
            self.table.setCurrentCell(0, 0)
        changing = sum(1 for p in self.plans if p.changes and not p.refused)
        following = sum(
            1
            for p in self.plans
            if not p.changes and not p.refused and p.following != self.version_id
        )
        skipped = sum(1 for p in self.plans if p.refused)
        self.summary.setText(
            self.tr(
                "{sites} 个站点：{changing} 个将修改栏目，{following} 个只需记录所跟随的版本，"
                "{same} 个已一致，{skipped} 个将跳过。不会删除任何栏目。"
            ).format(
                sites=len(self.plans),
                changing=changing,
                following=following,
                same=len(self.plans) - changing - following - skipped,
                skipped=skipped,
            )
        )
        self._update_apply_button()
        self.export_button.setEnabled(bool(self.plans))

    def _cells(self, plan: SitePlan) -> list[str]:
        """A site's row of the preview, as shown and as exported."""
        moved = [d for d in plan.differences if d.renamed or d.moved]
        return [
            f"{plan.site_code} {plan.site_name}",
            str(len(plan.additions)),
            str(len(moved)),
            str(len(plan.extras)),
            plan.reason() or self._note(plan),
        ]

    def _fill(self) -> None:
        self.filling = True
        self.table.setRowCount(len(self.plans))
        for row, plan in enumerate(self.plans):
            items = [QTableWidgetItem(text) for text in self._cells(plan)]
            items[-1].setToolTip(self._details(plan))
            if self._actionable(plan):
                # Every site that would change is ticked; untick those to leave for later.
                items[0].setFlags(items[0].flags() | Qt.ItemFlag.ItemIsUserCheckable)
                items[0].setCheckState(Qt.CheckState.Checked)
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        self.filling = False

    async def _previewed(self) -> list[SitePlan]:
        site_ids = await self.targets()
        return await self.database.call(preview, self.actor, self.version_id, site_ids)

    async def export(self) -> None:
        """Ask where, then export the preview as shown."""
        path = await export_path(
            self, self.tr("导出应用预览"), self.tr("栏目预设应用预览"), self.database.today()
        )
        if path is not None:
            await self.export_to(path)

    async def export_to(self, path: Path) -> int:
        """Write the preview (each site's row and its column-by-column changes) to ``path``."""
        headings = [*self.headings, self.tr("逐栏目改动")]
        rows = [
            [*self._cells(plan), self._details(plan, limit=None).replace("\n", "；")]
            for plan in self.plans
        ]
        written = await exported(
            self.summary.setText, run_io(write_table, EXPORT_TIMEOUT_S, path, headings, rows)
        )
        if written is None:
            return 0
        self.summary.setText(exported_text(written, path))
        return written

    def _note(self, plan: SitePlan) -> str:
        if not plan.changes:
            if plan.following == self.version_id:
                return self.tr("已与此版本一致")
            return self.tr("栏目已一致，将记录为跟随此版本")
        holding = [e for e in plan.extras if e.posts]
        if holding:
            return self.tr("{n} 个本地栏目有稿件，原样保留").format(n=len(holding))
        return ""

    def _details(self, plan: SitePlan, limit: int | None = DETAIL_LINES) -> str:
        lines = [
            self.tr("新增：{name}（{code}）").format(name=a.name, code=a.code)
            for a in plan.additions
        ]
        lines += [
            self.tr("调整：{name}（{code}）：{fields}").format(
                name=d.name,
                code=d.code,
                fields=joined(
                    translated(label) for key, label in DIFFERENCE_LABELS.items() if key in d.fields
                ),
            )
            for d in plan.differences
        ]
        lines += [
            self.tr("保留：{name}（{code}，{posts} 篇稿件）").format(
                name=e.name, code=e.code, posts=e.posts
            )
            for e in plan.extras
        ]
        return "\n".join(lines[:limit])

    def _actionable(self, plan: SitePlan) -> bool:
        """Whether applying would write to the site (its columns or the version it follows)."""
        return not plan.refused and (plan.changes or plan.following != self.version_id)

    def ticked(self) -> list[SitePlan]:
        """The previewed sites that would change and are ticked for applying."""
        return [
            plan
            for row, plan in enumerate(self.plans)
            if self._actionable(plan) and self._ticked(row)
        ]

    def _ticked(self, row: int) -> bool:
        site = self.table.item(row, 0)
        return site is not None and site.checkState() == Qt.CheckState.Checked

    def _update_apply_button(self) -> None:
        ticked = len(self.ticked())
        self.apply_button.setText(self.tr("应用到 {n} 个站点").format(n=ticked))
        self.apply_button.setEnabled(ticked > 0 and self.work is None)

    def _ticks_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0 and not self.filling:
            self._update_apply_button()

    def _show_details(self, row: int) -> None:
        plan = self.plans[row] if 0 <= row < len(self.plans) else None
        self.details.setPlainText(self._details(plan) if plan is not None else "")

    @property
    def running(self) -> bool:
        """Whether an apply is under way."""
        return self.work is not None

    async def apply(self) -> None:
        """Apply to each ticked site in turn, one transaction each; Close cancels."""
        todo = self.ticked()
        if not todo or self.running:
            return
        self.apply_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.close_button.setText(self.tr("取消"))
        self.progress.setRange(0, len(todo))
        self.progress.setValue(0)
        self.progress.show()
        # Filled site by site, so what was applied is known even when a later site fails.
        report = ApplyReport()
        failures: list[str] = []
        with LongWork(self) as work:
            self.work = work
            work.progressed.connect(lambda done, _total: self.progress.setValue(done))
            site_ids = [plan.site_id for plan in todo]
            await attempt(
                failures.append,
                work.on_database(
                    self.database, apply_version, self.actor, self.version_id, site_ids,
                    work.report, work.cancelled, report,
                ),
            )  # fmt: skip
        self.work = None
        self.outcomes = report.outcomes
        self.close_button.setText(self.tr("关闭"))
        self.preview_button.setEnabled(True)
        text = self.tr("已应用到 {changed} 个站点（共 {total} 个）。").format(
            changed=report.changed, total=len(todo)
        )
        if report.cancelled:
            text += self.tr("已取消：其余站点未改动。")
        if failures:
            text += self.tr("出错后停止：{error}").format(error=failures[0])
        self.summary.setText(text)

    def _close_or_cancel(self) -> None:
        if self.work is not None:
            self.work.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        """Escape cancels a running apply first; closes otherwise."""
        if self.work is not None:
            self.work.cancel()
            return
        super().reject()
