"""One site's annual report of a year in a form: the console's figures shown with their date,
the entered ones editable, each with where it came from; missing required figures in red.

Saving sends only the figures changed, with the versions read, so a refusal (a bad value,
a figure saved meanwhile by another console) is shown in place and nothing typed is lost.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.annual.figures import FIRST_YEAR, save_figures
from console.annual.report import MISSING, AnnualReport, ReportRow, build_reports
from console.annual.template import NO, YES, RowSpec, speaks_english
from console.base import clock
from console.base.actor import Actor
from console.schema import Duty
from ui.annual.generation import ReportGeneration, chosen_folder
from ui.forms import REFUSED, attempt, message_label, say
from ui.tasks import Database, spawn

ORIGIN_STYLE = "color: palette(mid);"
MISSING_STYLE = "color: #b3261e;"


class AnnualFiguresDialog(QDialog):
    """The form of a site's annual report; ``loaded`` fires once a year's report is shown."""

    loaded = Signal(int)

    def __init__(
        self,
        database: Database,
        actor: Actor,
        site_code: str,
        site_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annualFigures")
        self.database = database
        self.actor = actor
        self.site_code = site_code
        self.site_id = site_id
        self.report: AnnualReport | None = None
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.origins: dict[str, QLabel] = {}
        self.seen: dict[str, tuple[str, int]] = {}
        this_year = clock.today(database.zone).year
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(FIRST_YEAR, this_year)
        self.year.setValue(this_year - 1)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.message = message_label(self, "annualMessage")
        self.body = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.save_button = QPushButton(self.tr("保存填报(&S)"), self)
        self.save_button.setObjectName("saveFigures")
        self.save_button.setEnabled(actor.holds(Duty.SYSTEM_ADMIN))
        self.generate_button = QPushButton(self.tr("生成本站报表…"), self)
        self.generate_button.setObjectName("generateReport")
        self.generation = ReportGeneration(database, actor, self)
        close = QPushButton(self.tr("关闭"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度："), self))
        top.addWidget(self.year)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.generate_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        self.buttons = bottom
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.generation)
        layout.addLayout(bottom)
        self.resize(900, 700)
        self.setWindowTitle(self.tr("年度报表 — {code}").format(code=site_code))
        self.year.valueChanged.connect(lambda year: spawn(self.load(year), "annual-load"))
        self.save_button.clicked.connect(lambda: spawn(self.save(), "annual-save"))
        self.generate_button.clicked.connect(lambda: spawn(self.generate(), "annual-generate"))
        close.clicked.connect(self.reject)

    async def generate(self, out: Path | None = None) -> bool:
        """Write this site's report of the year shown (XLSX, PDF and the summary) into
        ``out``, asked for when not given."""
        folder = out or await chosen_folder(self, self.tr("选择保存报表的文件夹"))
        if folder is None or not shiboken6.isValid(self):
            return False
        done = await self.generation.generate(self.year.value(), folder, [self.site_code])
        return done is not None

    async def load(self, year: int | None = None) -> bool:
        """Read and show the report of ``year`` (the year shown by default)."""
        year = self.year.value() if year is None else year
        found = await attempt(
            self.message, self.database.call(build_reports, self.actor, year, [self.site_code])
        )
        if found is REFUSED or not shiboken6.isValid(self) or year != self.year.value():
            return False
        self.show_report(found[0])
        return True

    def show_report(self, report: AnnualReport) -> None:
        """Lay out every section of ``report``: values, editors and origins."""
        self.report = report
        self.editors.clear()
        self.origins.clear()
        self.seen = {}
        old = self.body.layout()
        if old is not None:
            QWidget().setLayout(old)  # the old layout and its widgets go with a throwaway
        column = QVBoxLayout(self.body)
        english = speaks_english()
        for section, rows in report.sections:
            box = QGroupBox(section.title_en if english else section.title, self.body)
            grid = QGridLayout(box)
            for index, row in enumerate(rows):
                self._add_row(box, grid, index, row)
            column.addWidget(box)
        column.addStretch(1)
        self.heading.setText(self._heading(report))
        self.loaded.emit(report.year)

    def _heading(self, report: AnnualReport) -> str:
        text = self.tr("{name}（{code}）{year} 年度，统计截至 {date}").format(
            name=report.name, code=report.code, year=report.year, date=report.as_of
        )
        if report.draft:
            text += self.tr("。草稿：年度尚未结束")
        if report.missing:
            text += "\n" + self.tr("缺少必填项：{items}").format(items=report.missing_text())
        return text

    def _add_row(self, box: QWidget, grid: QGridLayout, index: int, row: ReportRow) -> None:
        spec = row.spec
        indent = "    " if spec.parent else ""
        unit = f"（{spec.unit}）" if spec.unit else ""
        grid.addWidget(QLabel(indent + spec.shown_label() + unit, box), index, 0)
        value = row.value or ""
        if spec.entered:
            editor = self._editor(box, spec, value)
            editor.setEnabled(self.actor.holds(Duty.SYSTEM_ADMIN))
            grid.addWidget(editor, index, 1)
            self.editors[spec.key] = editor
            self.seen[spec.key] = (value, row.version)
        else:
            shown = QLabel(value or "—", box)
            shown.setObjectName(f"value_{spec.key}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(shown, index, 1)
        origin = QLabel(row.origin.text(self.database.zone), box)
        origin.setObjectName(f"origin_{spec.key}")
        missing = row.origin.kind == MISSING and spec.required
        origin.setStyleSheet(MISSING_STYLE if missing else ORIGIN_STYLE)
        grid.addWidget(origin, index, 2)
        self.origins[spec.key] = origin

    def _editor(self, box: QWidget, spec: RowSpec, value: str) -> QLineEdit | QComboBox:
        if spec.type in ("yes_no", "choice"):
            combo = QComboBox(box)
            combo.addItems(["", *((YES, NO) if spec.type == "yes_no" else spec.options)])
            combo.setCurrentText(value)
            combo.setObjectName(spec.key)
            return combo
        edit = QLineEdit(value, box)
        edit.setObjectName(spec.key)
        if spec.type == "choices":
            edit.setPlaceholderText("、".join(spec.options))
        return edit

    def typed(self) -> dict[str, str]:
        """The entered figures changed since the report was read."""
        changed = {}
        for key, editor in self.editors.items():
            text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
            if text.strip() != self.seen[key][0]:
                changed[key] = text
        return changed

    async def save(self) -> bool:
        """Save what changed with the versions read; reload the report when saved."""
        report = self.report
        if report is None:
            return False
        values = self.typed()
        if not values:
            say(self.message, self.tr("没有修改。"))
            return True
        seen = {key: self.seen[key][1] for key in values}
        saved = await attempt(
            self.message,
            self.database.call(save_figures, self.actor, self.site_id, report.year, values, seen),
        )
        if saved is REFUSED or not shiboken6.isValid(self):
            return False
        await self.load(report.year)
        say(self.message, self.tr("已保存 {n} 项。").format(n=len(saved)), "good")
        return True
