"""The decision side of the review tab: the post shown, the decisions and their keys, the tab's
status line.

Reviewing is keyboard-first: A approve, W whitelist and approve, R return, T take down,
J/K next/previous item. Deciding an item picked from 待审 claims it on the way.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from console.base.actor import Actor
from console.base.errors import EnvironmentFault, NotPermitted
from console.review import Decision
from console.review import service as review
from console.review.decisions import ITEM_GONE
from console.review.detail import context_phrase
from ui.flow import FlowLayout
from ui.forms import REFUSED, attempt
from ui.i18n import translated
from ui.review.detail_pane import DetailPane
from ui.review.prompts import (
    ask_note,
    ask_text,
    confirm_bulk,
    decision_name,
    take_down_reason,
)
from ui.review.queue_browser import QueueBrowser
from ui.tasks import Database, spawn

KEYS = {
    Decision.APPROVE: "A",
    Decision.WHITELIST: "W",
    Decision.RETURN: "R",
    Decision.TAKE_DOWN: "T",
}
MOVES = (("J", 1), ("K", -1))
# Details of the items after the current one are read ahead, so that after a decision the
# next item is shown from what is held locally, without waiting for the network.
READ_AHEAD = 5


class DecisionPanel(QWidget):
    """The current item of ``browser``'s list, the decisions on the items chosen there, and
    the status line of the tab. ``whitelisted`` fires after a phrase joined the whitelist."""

    whitelisted = Signal()

    def __init__(
        self, database: Database, actor: Actor, browser: QueueBrowser, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.database, self.actor, self.browser = database, actor, browser
        self._generation = 0
        self._showing: asyncio.Task[None] | None = None
        self._details: dict[int, review.ItemDetail] = {}
        self._reading_ahead: asyncio.Task[None] | None = None
        self.busy = False
        self._idle = asyncio.Event()
        self._idle.set()
        self.detail = DetailPane(self)
        self.message = QLabel(self)
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        # Keyed actions; the tab takes them in, so that they act wherever its focus is.
        self.decisions: dict[Decision, QAction] = {}
        self.buttons: dict[Decision, QPushButton] = {}
        self.keys: dict[str, QAction] = {}
        # Wrapping rows: the decisions and the J / K hint are never clipped (any language).
        row = FlowLayout()
        for decision, key in KEYS.items():
            action = self._keyed(f"{decision_name(decision)}（{key}）", key)
            action.triggered.connect(lambda _c=False, d=decision: self._decide_later(d))
            self.decisions[decision] = action
            button = QPushButton(action.text(), self)
            button.setObjectName(f"decide_{decision.value}")
            button.clicked.connect(action.trigger)
            self.buttons[decision] = button
            row.addWidget(button)
        for key, by in MOVES:
            self._keyed("", key).triggered.connect(lambda _c=False, s=by: browser.step(s))
        hint = QLabel(self.tr("J / K：下一条 / 上一条"), self)
        hint.setObjectName("keyHint")
        row.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        browser.currentItem.connect(self.show_item)
        browser.status_tabs.currentChanged.connect(lambda _i: self.follow_status())
        self.follow_status()
        browser.said.connect(self.message.setText)
        for pane in browser.panes_by_status.values():
            pane.view.installEventFilter(self)
            pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.view.customContextMenuRequested.connect(self._context_menu)

    def follow_status(self) -> None:
        """Decisions are offered only where items can still be decided (待审, 我的认领)."""
        open_ = self.browser.decidable()
        tip = "" if open_ else self.tr("已决定的条目不能再次决定")
        for decision, action in self.decisions.items():
            action.setEnabled(open_)
            self.buttons[decision].setEnabled(open_)
            self.buttons[decision].setToolTip(tip)

    def _keyed(self, text: str, key: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.keys[key] = action
        return action

    # -- the item shown ------------------------------------------------------------------

    def show_item(self, item_id: int | None) -> None:
        """Show the post of ``item_id`` (nothing when None); a later call wins. A detail read
        ahead is shown at once."""
        self._generation += 1
        if item_id is None:
            self.detail.show_nothing()
            return
        held = self._details.get(item_id)
        if held is not None:
            self._showing = None
            self.detail.present(held, self.database.zone)
            self._read_ahead(item_id)
            return
        self._showing = spawn(self._show(item_id, self._generation), "detail")

    async def _show(self, item_id: int, generation: int) -> None:
        def failed(text: str) -> None:
            if generation == self._generation:
                self.detail.show_nothing(text)

        wanted = [item_id, *self._following(item_id)]
        details = await attempt(failed, self.database.read(review.item_details, self.actor, wanted))
        if details is REFUSED:
            return
        self._details.update(details)
        if generation != self._generation:
            return
        if item_id in details:
            self.detail.present(details[item_id], self.database.zone)
        else:
            failed(translated(ITEM_GONE).format(id=item_id))

    def _following(self, item_id: int) -> list[int]:
        """The ids of the rows after ``item_id``'s in the list shown, not yet read ahead."""
        model = self.browser.pane.model
        rows = range(model.rowCount())
        at = next((row for row in rows if model.row_id(row) == item_id), None)
        if at is None:
            return []
        after = [model.row_id(row) for row in range(at + 1, min(at + 1 + READ_AHEAD, len(rows)))]
        return [found for found in after if found is not None and found not in self._details]

    def _read_ahead(self, item_id: int) -> None:
        wanted = self._following(item_id)
        if not wanted or (self._reading_ahead is not None and not self._reading_ahead.done()):
            return

        async def read() -> None:
            try:
                details = await self.database.read(review.item_details, self.actor, wanted)
            except (EnvironmentFault, NotPermitted):
                return
            self._details.update(details)

        self._reading_ahead = spawn(read(), "read-ahead")

    async def select_row(self, row: int) -> None:
        """Make ``row`` of the list current and wait until its post is shown."""
        if self.browser.make_current(row) or self._showing is None:
            self.show_item(self.browser.pane.model.row_id(row))
        if self._showing is not None:
            await self._showing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Review keys typed in a list act even where the platform delivers no shortcut."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            action = self.keys.get(event.text().upper())
            if action is not None and plain == Qt.KeyboardModifier.NoModifier:
                action.trigger()
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        if self.browser.decidable():
            for action in self.decisions.values():
                menu.addAction(action)
        else:
            menu.addAction(self.tr("已决定的条目不能再次决定")).setEnabled(False)
        menu.popup(self.browser.pane.view.viewport().mapToGlobal(at))
        menu.aboutToHide.connect(menu.deleteLater)

    # -- decisions -----------------------------------------------------------------------

    def _decide_later(self, decision: Decision) -> None:
        spawn(self.decide(decision), f"decide-{decision.value}")

    async def decide(self, decision: Decision) -> None:
        """Apply ``decision`` to the chosen items (asking first when there are several). A key
        typed while the previous decision still commits acts after it, on the item then shown
        (the one shown already, read ahead)."""
        while self.busy:
            await self._idle.wait()
        if not self.browser.decidable():
            self.message.setText(self.tr("已决定的条目不能再次决定。"))
            return
        rows = self.browser.chosen_rows()
        if not rows:
            self.message.setText(self.tr("请先选择要审核的条目。"))
            return
        self.busy = True
        self._idle.clear()
        try:
            await self._decide_rows(decision, rows)
        finally:
            self.busy = False
            self._idle.set()

    async def _decide_rows(self, decision: Decision, rows: list[int]) -> None:
        pane = self.browser.pane
        model = pane.model
        ids = [model.row_id(row) for row in rows]
        title_column = [f.key for f in pane.listing.fields].index("title")
        titles = [str(model.data(model.index(row, title_column))) for row in rows]
        if len(ids) > 1 and not await confirm_bulk(self, decision, titles):
            return
        note, phrase = "", ""
        if decision in (Decision.RETURN, Decision.TAKE_DOWN):
            answer = await ask_note(self, decision, self._take_down_reason(ids))
            if answer is None:
                return
            note = answer
        if decision is Decision.WHITELIST and len(ids) == 1:
            answer = await ask_text(
                self,
                self.tr("加白并通过"),
                self.tr("加入白名单的短语（须包含被标记的词）："),
                self._suggested_phrase(ids[0]),
            )
            if answer is None:
                return
            phrase = answer
        if len(ids) == 1:
            # The next item is shown while the decision commits; a refusal brings it back.
            following = rows[0] + 1 if rows[0] + 1 < model.rowCount() else rows[0] - 1
            if following >= 0 and model.row_id(following) in self._details:
                self.browser.make_current(following)
        outcome = await attempt(
            self.message.setText,
            self.database.call(review.review, self.actor, ids, decision, note, phrase),
        )
        for item_id in ids:
            self._details.pop(item_id, None)
        if outcome is REFUSED:
            await self.select_row(rows[0])
            return
        self._report(decision, outcome)
        if decision is Decision.WHITELIST and outcome.decided:
            self.whitelisted.emit()
        await asyncio.gather(pane.refresh(), self.browser.load_counts())
        self.browser.mark_stale(but=pane)
        if model.rowCount():
            await self.select_row(min(rows[0], model.rowCount() - 1))

    def _take_down_reason(self, ids: list[int]) -> str:
        """The reason fitting what was found in the one item shown (else the general one)."""
        detail = self.detail.detail
        if len(ids) != 1 or detail is None or detail.item_id != ids[0]:
            return ""
        return take_down_reason([(f.category, f.text, f.severity) for f in detail.findings])

    def _suggested_phrase(self, item_id: int) -> str:
        detail = self.detail.detail
        if detail is None or detail.item_id != item_id:
            return ""
        for finding in detail.findings:
            if finding.kind == "term" and not finding.in_title:
                return context_phrase(detail.body, finding.start, finding.end)
        return detail.findings[0].text if detail.findings else ""

    def _report(self, decision: Decision, outcome: review.Outcome) -> None:
        text = self.tr("已{decision}：{n} 条").format(
            decision=decision_name(decision), n=len(outcome.decided)
        )
        if outcome.refused:
            reasons = "；".join(reason for _id, reason in outcome.refused[:3])
            text += self.tr("；{n} 条未处理：{reasons}").format(
                n=len(outcome.refused), reasons=reasons
            )
        self.message.setText(text)
