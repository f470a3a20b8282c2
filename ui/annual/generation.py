"""Writing annual reports from the GUI: a folder asked for, the work run off the UI thread
with its progress shown and a cancel button, and the outcome told (missing figures named)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.annual.documents import Written, write_reports
from console.base.actor import Actor
from ui.dialogs import finished
from ui.forms import REFUSED, attempt, message_label, say
from ui.long_work import LongWork
from ui.tasks import Database


async def chosen_folder(parent: QWidget, title: str) -> Path | None:
    """Ask for an existing folder; None when the operator cancels."""
    dialog = QFileDialog(parent, title, str(Path.home()))
    dialog.setObjectName("chooseFolder")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    try:
        if not await finished(dialog) or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


class ReportGeneration(QWidget):
    """A progress bar, a cancel button and the outcome of writing annual reports."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportGeneration")
        self.database = database
        self.actor = actor
        self.work: LongWork | None = None
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progress")
        self.cancel_button = QPushButton(self.tr("停止"), self)
        self.cancel_button.setObjectName("cancelGeneration")
        self.cancel_button.clicked.connect(self.cancel)
        self.outcome = message_label(self, "generationOutcome")
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.outcome)
        self._running(False)

    def _running(self, running: bool) -> None:
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)

    def cancel(self) -> None:
        """Stop after the report being written."""
        if self.work is not None:
            self.work.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    async def generate(self, year: int, out: Path, codes: Sequence[str] = ()) -> Written | None:
        """Write the reports of ``year`` (of ``codes``, default every running site) to
        ``out``; what was written, or None when refused (told in the outcome line)."""
        say(self.outcome, "")
        self.bar.setRange(0, 0)
        self._running(True)
        try:
            with LongWork(self) as work:
                self.work = work
                work.progressed.connect(self._progress)
                done = await attempt(
                    self.outcome,
                    work.on_database(
                        self.database, write_reports, self.actor, year, out, list(codes),
                        work.report, work.cancelled,
                    ),
                )  # fmt: skip
        finally:
            self.work = None
            if shiboken6.isValid(self):
                self._running(False)
        if done is REFUSED or not shiboken6.isValid(self):
            return None
        say(self.outcome, self._told(done, out), "bad" if done.incomplete else "good")
        return done

    def _told(self, done: Written, out: Path) -> str:
        text = self.tr("已生成 {sites} 个网站的年度报表（{files} 个文件）到 {out}").format(
            sites=done.reports, files=len(done.files), out=out
        )
        if done.draft:
            text += self.tr("；年度尚未结束，报表均为草稿")
        for report in done.incomplete[:5]:
            text += "\n" + self.tr("{code} {name} 缺少必填项：{items}").format(
                code=report.code, name=report.name, items=report.missing_text()
            )
        if len(done.incomplete) > 5:
            text += "\n" + self.tr("……共 {n} 个网站缺少必填项").format(n=len(done.incomplete))
        return text
