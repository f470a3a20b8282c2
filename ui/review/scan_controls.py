"""The screening side of the review tab: scans into the queue, the lexicon, its screener.

The tab keeps one screener, built by the first scan (not when the tab opens: building holds
the interpreter for a while, and the first rows come first) and rebuilt in the background after
every change saved in the lexicon dialog (or a whitelisting decision), then swapped in whole. A scan
is long work (``ui.long_work``) with a cancellable progress dialog and screens with the lexicon
as it is saved in the database: the screener already built when nothing changed since, a new
one when another console changed the lexicon.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressDialog, QPushButton, QWidget

from console import review as queue
from console.base.actor import Actor
from console.db import SessionFactory
from console.review import service as review
from console.screening import ScreenerHolder
from ui.forms import REFUSED, attempt
from ui.long_work import LongWork
from ui.review.lexicon_dialog import LexiconDialog
from ui.review.prompts import confirm
from ui.tasks import Database, spawn


class ScanControls(QWidget):
    """Buttons for scanning new posts, re-scanning the archive and managing the lexicon."""

    said = Signal(str)
    scanned = Signal()

    def __init__(
        self, database: Database, actor: Actor, parent: QWidget, scans: bool = True
    ) -> None:
        """``scans=False`` offers the lexicon only (to a keeper who is no reviewer)."""
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.scans = scans
        self.screeners = ScreenerHolder()
        self.scan_button = QPushButton(self.tr("筛查新稿件"), self)
        self.scan_button.setObjectName("scanButton")
        self.scan_button.setToolTip(self.tr("筛查新增和修改过的稿件，有问题的进入待审"))
        self.rescan_button = QPushButton(self.tr("全部重新筛查…"), self)
        self.rescan_button.setObjectName("rescanButton")
        self.rescan_button.setToolTip(self.tr("词库变更后，按新词库重新筛查全部稿件"))
        self.lexicon_button = QPushButton(self.tr("词库管理…"), self)
        self.lexicon_button.setObjectName("lexiconButton")
        self.scan_button.clicked.connect(lambda: spawn(self.scan(full=False), "scan"))
        self.rescan_button.clicked.connect(lambda: spawn(self.scan(full=True), "rescan"))
        self.lexicon_button.clicked.connect(self.open_lexicon)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.scan_button, self.rescan_button, self.lexicon_button):
            layout.addWidget(button)
        self.scan_button.setVisible(scans)
        self.rescan_button.setVisible(scans)

    def rebuild(self) -> None:
        """Build the screener again in the background (after the lexicon changed)."""
        self.screeners.rebuild(self.database.sessions)

    def lexicon_changed(self) -> None:
        """Rebuild, and say that what is queued stays until the archive is screened again."""
        if self.scans:
            self.rebuild()
        self.said.emit(
            self.tr("词库已更新，筛查器已在后台重建；已入队的条目不变，需要时请“全部重新筛查”。")
        )

    async def scan(self, full: bool) -> None:
        """Screen new and changed posts (the whole archive when ``full``) with progress."""
        if full and not await confirm(
            self,
            self.tr("全部重新筛查"),
            self.tr(
                "按当前词库和白名单重新筛查全部稿件？已决定的同一内容不会再次入队；可随时取消。"
            ),
        ):
            return
        title = self.tr("全部重新筛查") if full else self.tr("筛查新稿件")
        progress = QProgressDialog(self.tr("正在筛查稿件…"), self.tr("取消"), 0, 0, self)
        progress.setObjectName("scanProgress")
        progress.setWindowTitle(title)
        progress.setMinimumDuration(0)
        self._enable(False)
        with LongWork(self) as work:
            progress.canceled.connect(work.cancel)
            work.progressed.connect(lambda done, total: self._progress(progress, done, total))
            progress.open()

            def scan(sessions: SessionFactory) -> queue.ScanResult:
                # Building the screener (when the lexicon changed) is part of the long work.
                return review.run_scan(
                    sessions,
                    self.actor,
                    self.screeners.fresh(sessions),
                    full=full,
                    progress=work.report,
                    cancelled=work.cancelled,
                )

            try:
                result = await attempt(self.said.emit, work.on_database(self.database, scan))
            finally:
                self._enable(True)
                progress.close()
                progress.deleteLater()
        if result is REFUSED or not shiboken6.isValid(self):  # refused, or the window closed
            return
        text = self.tr(
            "已筛查 {screened} 篇，新入队 {queued} 条，更新 {refreshed} 条，移出 {cleared} 条"
        ).format(
            screened=result.screened,
            queued=result.queued,
            refreshed=result.refreshed,
            cleared=result.cleared,
        )
        self.said.emit(self.tr("已取消。") + text if result.cancelled else text)
        self.scanned.emit()

    def _enable(self, enabled: bool) -> None:
        self.scan_button.setEnabled(enabled)
        self.rescan_button.setEnabled(enabled)

    @staticmethod
    def _progress(progress: QProgressDialog, done: int, total: int) -> None:
        if shiboken6.isValid(progress):
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, max(total, 1)))

    def open_lexicon(self) -> None:
        """Open the lexicon and whitelist dialog; saved changes rebuild the screener."""
        dialog = LexiconDialog(self.database, self.actor, self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.lexicon_changed)
        dialog.open()
