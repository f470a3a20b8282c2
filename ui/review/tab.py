"""The 内容审核 tab: the queue (status tabs with counts, filters, lists) beside the post shown
and the decisions on it, and the screening controls.

The queue side is ``QueueBrowser``, the decision side ``DecisionPanel``; this tab puts them
together, with the scans and the lexicon (``ScanControls``) among the queue's controls.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.review import filters, lexicon
from console.schema import Duty
from console.screening import PERSONAL_CATEGORY
from console.supervision.figures import OPEN_STATES
from ui.area_tab import AreaTab, TabSpec
from ui.drill import DECIDED, PERSONAL, Drill
from ui.review.decision_panel import DecisionPanel
from ui.review.queue_browser import QueueBrowser
from ui.review.scan_controls import ScanControls
from ui.tasks import Database, spawn


class ReviewTab(AreaTab):
    """The reviewer's workplace over the audit queue."""

    def __init__(
        self, spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, database, actor, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reviewing = actor.holds(Duty.REVIEWER)
        if not self.reviewing:
            layout.addWidget(self.access_note([Duty.REVIEWER]))
            if actor.holds(*lexicon.LEXICON_KEEPERS):
                # The lexicon's other keeper: no queue, but the lexicon and its whitelist.
                self.scanning = ScanControls(database, actor, self, scans=False)
                layout.addWidget(self.scanning, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addStretch(1)
            return
        self.browser = QueueBrowser(database, actor, self)
        for pane in self.browser.panes_by_status.values():
            self.adopt(pane)
            pane.refreshed.connect(lambda _when: self._first_row())
        self.panel = DecisionPanel(database, actor, self.browser, self)
        for action in self.panel.keys.values():
            self.addAction(action)
        self.browser.beside(self.panel)
        self.scanning = ScanControls(database, actor, self)
        self.browser.controls.addWidget(self.scanning)
        self.scanning.said.connect(self.panel.message.setText)
        self.scanning.scanned.connect(lambda: spawn(self.refresh(), "scanned"))
        self.panel.whitelisted.connect(self.scanning.rebuild)
        layout.addWidget(self.browser)

    async def refresh(self) -> None:
        """Reload the counts and the list shown; other lists reload when next shown."""
        if self.reviewing:
            await self.browser.refresh()

    def show_filtered(self, drill: Drill) -> None:
        """The queue of the drill's scope behind the figure: the open items (pending or claimed)
        for the backlog; every item decided in the figure's week, or queued with personal data
        in its month."""
        if not self.reviewing:
            return
        chosen = filters.QueueFilter(under=drill.under, site_ids=drill.sites)
        if drill.kind == DECIDED:
            chosen = dataclasses.replace(chosen, decided=drill.window)
        elif drill.kind == PERSONAL:
            chosen = dataclasses.replace(chosen, category=PERSONAL_CATEGORY, queued=drill.window)
        else:
            chosen = dataclasses.replace(chosen, states=OPEN_STATES)
        self.browser.show_only("all", chosen, drill.title)

    def showEvent(self, event: QShowEvent) -> None:
        """The review keys act as soon as the tab is shown (Alt+5, a click on its title): the
        keyboard goes to the list unless it is already inside the tab."""
        super().showEvent(event)
        if self.reviewing:
            QTimer.singleShot(0, self._take_keyboard)

    def _take_keyboard(self) -> None:
        focus = QApplication.focusWidget()
        if self.isVisible() and (focus is None or not self.isAncestorOf(focus)):
            self.browser.pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self._first_row()

    def _first_row(self) -> None:
        """A list with the keyboard shows its first item once it has one (as a list focused
        after loading does), so A/W/R/T have an item to act on."""
        view = self.browser.pane.view
        if view.hasFocus() and not view.currentIndex().isValid() and view.model().rowCount():
            self.browser.make_current(0)

    def claims_held(self) -> int:
        """The operator's claims, as the status counts last read them."""
        return self.browser.counts.get("mine", 0) if self.reviewing else 0

    async def stage_for_screenshot(self) -> None:
        """The first item of the list selected, its post shown with the findings marked."""
        if not self.reviewing:
            return
        await self.refresh()
        if self.browser.pane.model.rowCount():
            await self.panel.select_row(0)


def build(spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None) -> AreaTab:
    """``TabSpec.build`` of the 内容审核 tab."""
    return ReviewTab(spec, database, actor, parent)


TAB = TabSpec("review", QT_TR_NOOP("内容审核"), "reviewer1", build)
