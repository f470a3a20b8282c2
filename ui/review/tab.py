"""The 内容审核 tab: status tabs with counts, filters, the queue list, the post and its findings.

Reviewing is keyboard-first: A approve, W whitelist and approve, R return, T take down,
J/K next/previous item. Deciding an item picked from 待审 claims it on the way; 领取 claims the
oldest items into 我的认领 so several reviewers never work the same item.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.base.listing import Listing
from console.review import Decision, lexicon
from console.review import service as audit
from console.review.detail import context_phrase
from console.schema import Duty
from ui.area_tab import AreaTab, TabSpec
from ui.forms import REFUSED, attempt
from ui.list_pane import ListPane
from ui.review.detail_pane import DetailPane
from ui.review.prompts import ask_note, ask_text, confirm_bulk, decision_name
from ui.review.scan_controls import ScanControls
from ui.tasks import Database, spawn

STATUSES = ("pending", "mine", "approved", "returned", "taken_down")
DECIDABLE = frozenset({"pending", "mine"})
KEYS = {
    Decision.APPROVE: "A",
    Decision.WHITELIST: "W",
    Decision.RETURN: "R",
    Decision.TAKE_DOWN: "T",
}
RENEW_MS = 4 * 60 * 1000
AGES = (0, 4, 24, 72, 168)


class QueuePane(ListPane):
    """One status list of the queue, whose SQL filter follows the tab's structured filter."""

    def __init__(
        self, listing: Listing, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(listing, database, actor, parent)
        self.base = listing
        self.stale = True

    def narrow(self, chosen: audit.QueueFilter) -> None:
        """Show the base list restricted by ``chosen`` (takes effect on the next reload)."""
        self.listing = audit.narrowed(self.base, chosen)
        self.model.listing = self.listing
        self.stale = True

    async def refresh(self) -> None:
        """Reload from the database."""
        self.stale = False
        await super().refresh()


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
        self.counts: dict[str, int] = {}
        self._detail_generation = 0
        self._detail_task: asyncio.Task[None] | None = None
        self._refreshing: asyncio.Future[None] | None = None
        self._choices_loaded = False
        self.busy = False

        self.status_tabs = QTabBar(self)
        self.status_tabs.setObjectName("statusTabs")
        self.status_tabs.setDocumentMode(True)
        self.status_tabs.setExpanding(False)
        for _key in STATUSES:
            self.status_tabs.addTab("")
        self.panes_by_status: dict[str, QueuePane] = {}
        self.stack = QStackedWidget(self)
        listings = {
            "pending": audit.QUEUE,
            "mine": audit.mine(actor.operator_id),
            "approved": audit.APPROVED,
            "returned": audit.RETURNED,
            "taken_down": audit.TAKEN_DOWN,
        }
        for key in STATUSES:
            pane = QueuePane(listings[key], database, actor, self)
            self.adopt(pane)
            self.panes_by_status[key] = pane
            self.stack.addWidget(pane)
            pane.view.selectionModel().currentRowChanged.connect(self._current_changed)
            pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.view.customContextMenuRequested.connect(self._context_menu)
            pane.view.installEventFilter(self)
            pane.model.modelReset.connect(lambda p=pane: self._reset(p))
        self._show_status_titles()

        self.site = QComboBox(self)
        self.site.setObjectName("siteFilter")
        self.site.addItem(self.tr("全部网站"), 0)
        self.category = QComboBox(self)
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("全部类别"), "")
        self.severity = QComboBox(self)
        self.severity.setObjectName("severityFilter")
        self.severity.addItem(self.tr("全部严重度"), 0)
        self.severity.addItem(self.tr("中及以上"), 2)
        self.severity.addItem(self.tr("仅高"), 3)
        self.age = QComboBox(self)
        self.age.setObjectName("ageFilter")
        self.age.addItem(self.tr("不限等待时长"), 0)
        for hours in AGES[1:]:
            text = (
                self.tr("等待超过 {n} 小时").format(n=hours)
                if hours < 24
                else self.tr("等待超过 {n} 天").format(n=hours // 24)
            )
            self.age.addItem(text, hours)
        for box in (self.site, self.category, self.severity, self.age):
            box.currentIndexChanged.connect(lambda _i: self._filters_changed())

        self.claim_button = QPushButton(self.tr("领取 {n} 条").format(n=audit.CLAIM_BATCH), self)
        self.claim_button.setObjectName("claimButton")
        self.claim_button.setToolTip(self.tr("认领最早的待审条目（租约 10 分钟，自动续期）"))
        self.release_button = QPushButton(self.tr("释放认领"), self)
        self.release_button.setToolTip(self.tr("把我的全部认领放回待审"))
        self.scanning = ScanControls(database, actor, self)
        self.scanning.said.connect(self._say)
        self.scanning.scanned.connect(lambda: spawn(self.refresh(), "scanned"))
        self.lexicon_button = self.scanning.lexicon_button
        self.claim_button.clicked.connect(lambda: spawn(self.claim(), "claim"))
        self.release_button.clicked.connect(lambda: spawn(self.release(), "release"))

        self.detail = DetailPane(self)
        self.message = QLabel(self)
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        self.actions: dict[Decision, QAction] = {}
        self.actions_by_key: dict[str, QAction] = {}
        decisions = QHBoxLayout()
        for decision, key in KEYS.items():
            action = QAction(f"{decision_name(decision)}（{key}）", self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, d=decision: self._decide_later(d))
            self.addAction(action)
            self.actions[decision] = action
            self.actions_by_key[key] = action
            button = QPushButton(action.text(), self)
            button.setObjectName(f"decide_{decision.value}")
            button.clicked.connect(action.trigger)
            decisions.addWidget(button)
        for key, step in (("J", 1), ("K", -1)):
            move = QAction(self)
            self.actions_by_key[key] = move
            move.setShortcut(QKeySequence(key))
            move.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            move.triggered.connect(lambda _c=False, s=step: self.step(s))
            self.addAction(move)
        hint = QLabel(self.tr("J / K：下一条 / 上一条"), self)
        hint.setObjectName("keyHint")
        decisions.addStretch(1)
        decisions.addWidget(hint)

        filters = QHBoxLayout()
        filters.setContentsMargins(6, 0, 6, 0)
        for widget in (self.site, self.category, self.severity, self.age):
            filters.addWidget(widget)
        filters.addStretch(1)
        for button in (self.claim_button, self.release_button):
            filters.addWidget(button)
        filters.addWidget(self.scanning)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(decisions)
        right_layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("reviewSplit")
        split.addWidget(self.stack)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(self.status_tabs)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.status_tabs.currentChanged.connect(self._status_changed)

        self.renewal = QTimer(self)
        self.renewal.setInterval(RENEW_MS)
        self.renewal.timeout.connect(lambda: spawn(self._renew_claims(), "renew-claims"))
        self.renewal.start()

    # -- what is shown -------------------------------------------------------------------

    @property
    def status(self) -> str:
        """The key of the status tab shown."""
        return STATUSES[self.status_tabs.currentIndex()]

    @property
    def pane(self) -> QueuePane:
        """The list shown."""
        return self.panes_by_status[self.status]

    def _show_status_titles(self) -> None:
        titles = {
            "pending": self.tr("待审"),
            "mine": self.tr("我的认领"),
            "approved": self.tr("已通过"),
            "returned": self.tr("已退回"),
            "taken_down": self.tr("已下线"),
        }
        for index, key in enumerate(STATUSES):
            count = self.counts.get(key)
            text = titles[key] if count is None else f"{titles[key]} ({count})"
            self.status_tabs.setTabText(index, text)

    async def refresh(self) -> None:
        """Reload the counts and the list shown; other lists reload when next shown.

        A refresh asked for while one runs joins it rather than resetting the list twice.
        """
        if not self.reviewing:
            return
        if self._refreshing is None or self._refreshing.done():
            self._refreshing = asyncio.ensure_future(self._reload())
        await asyncio.shield(self._refreshing)

    async def _reload(self) -> None:
        for pane in self.panes_by_status.values():
            pane.stale = True
        # The list first: the database worker runs calls in the order they are made.
        await asyncio.gather(self.pane.refresh(), self._load_counts(), self._load_choices())

    async def _load_counts(self) -> None:
        counts = await attempt(
            self.message.setText, self.database.call(audit.status_counts, self.actor)
        )
        if counts is not REFUSED:
            self.counts = counts
            self._show_status_titles()

    async def _load_choices(self) -> None:
        if self._choices_loaded:
            return
        choices = await attempt(
            self.message.setText, self.database.call(audit.filter_choices, self.actor)
        )
        if choices is REFUSED:
            return
        self._choices_loaded = True
        for site_id, name in choices.sites:
            self.site.addItem(name, site_id)
        for category in choices.categories:
            self.category.addItem(category, category)

    def _status_changed(self, _index: int) -> None:
        self.stack.setCurrentWidget(self.pane)
        self.detail.show_nothing()
        if self.pane.stale:
            spawn(self.pane.refresh(), "status")
        else:
            self._current_changed(self.pane.view.currentIndex(), QModelIndex())

    def _filters_changed(self) -> None:
        chosen = audit.QueueFilter(
            site_id=int(self.site.currentData() or 0) or None,
            category=self.category.currentData() or "",
            min_severity=int(self.severity.currentData() or 0),
            older_than_hours=int(self.age.currentData() or 0),
        )
        for pane in self.panes_by_status.values():
            pane.narrow(chosen)
        spawn(self.pane.refresh(), "filter")

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _reset(self, pane: QueuePane) -> None:
        if pane is self.pane:
            self.detail.show_nothing()

    async def stage_for_screenshot(self) -> None:
        """The first item of the list selected, its post shown with the findings marked."""
        if not self.reviewing:
            return
        await self.refresh()
        if self.pane.model.rowCount():
            await self.select_row(0)

    async def select_row(self, row: int) -> None:
        """Make ``row`` of the list current and wait until its detail is shown."""
        view = self.pane.view
        already = view.currentIndex().row() == row
        view.setCurrentIndex(self.pane.model.index(row, 0))
        view.selectRow(row)
        if already or self._detail_task is None:
            self._load_detail(self.pane.model.row_id(row))
        if self._detail_task is not None:
            await self._detail_task

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.show_nothing()
            return
        self._load_detail(self.pane.model.row_id(current.row()))

    def _load_detail(self, item_id: int) -> None:
        self._detail_generation += 1
        self._detail_task = spawn(self._show_detail(item_id, self._detail_generation), "detail")

    async def _show_detail(self, item_id: int, generation: int) -> None:
        def failed(text: str) -> None:
            if generation == self._detail_generation:
                self.detail.show_nothing(text)

        detail = await attempt(failed, self.database.call(audit.item_detail, self.actor, item_id))
        if detail is not REFUSED and generation == self._detail_generation:
            self.detail.present(detail)

    def step(self, by: int) -> None:
        """Move to the next (``by`` = 1) or previous (-1) item of the list."""
        view, model = self.pane.view, self.pane.model
        if model.rowCount() == 0:
            return
        row = view.currentIndex().row()
        target = 0 if row < 0 else min(max(row + by, 0), model.rowCount() - 1)
        if by > 0 and target == model.rowCount() - 1 and model.canFetchMore():
            model.fetchMore()
        view.setCurrentIndex(model.index(target, 0))
        view.selectRow(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Review keys typed in a list act even where the platform delivers no shortcut."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            action = self.actions_by_key.get(event.text().upper())
            if action is not None and plain == Qt.KeyboardModifier.NoModifier:
                action.trigger()
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        if self.status in DECIDABLE:
            for action in self.actions.values():
                menu.addAction(action)
        else:
            menu.addAction(self.tr("已决定的条目不能再次决定")).setEnabled(False)
        menu.popup(self.pane.view.viewport().mapToGlobal(at))
        menu.aboutToHide.connect(menu.deleteLater)

    # -- decisions -----------------------------------------------------------------------

    def _decide_later(self, decision: Decision) -> None:
        spawn(self.decide(decision), f"decide-{decision.value}")

    def _selected(self) -> list[int]:
        view = self.pane.view
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().row()]
        return rows

    async def decide(self, decision: Decision) -> None:
        """Apply ``decision`` to the selected items (asking first when there are several)."""
        if self.busy:
            return
        if self.status not in DECIDABLE:
            self.message.setText(self.tr("已决定的条目不能再次决定。"))
            return
        rows = self._selected()
        if not rows:
            self.message.setText(self.tr("请先选择要审核的条目。"))
            return
        self.busy = True
        try:
            await self._decide_rows(decision, rows)
        finally:
            self.busy = False

    async def _decide_rows(self, decision: Decision, rows: list[int]) -> None:
        pane = self.pane
        model = pane.model
        ids = [model.row_id(row) for row in rows]
        title_column = [f.key for f in pane.listing.fields].index("title")
        titles = [str(model.data(model.index(row, title_column))) for row in rows]
        if len(ids) > 1 and not await confirm_bulk(self, decision, titles):
            return
        note, phrase = "", ""
        if decision in (Decision.RETURN, Decision.TAKE_DOWN):
            answer = await ask_note(self, decision)
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
        outcome = await attempt(
            self.message.setText,
            self.database.call(audit.review, self.actor, ids, decision, note, phrase),
        )
        if outcome is REFUSED:
            return
        self._report(decision, outcome)
        if decision is Decision.WHITELIST and outcome.decided:
            self.scanning.rebuild()
        first = rows[0]
        await asyncio.gather(pane.refresh(), self._load_counts())
        for other in self.panes_by_status.values():
            if other is not pane:
                other.stale = True
        if model.rowCount():
            await self.select_row(min(first, model.rowCount() - 1))

    def _suggested_phrase(self, item_id: int) -> str:
        detail = self.detail.detail
        if detail is None or detail.item_id != item_id:
            return ""
        for finding in detail.findings:
            if finding.kind == "term" and not finding.in_title:
                return context_phrase(detail.body, finding.start, finding.end)
        return detail.findings[0].text if detail.findings else ""

    def _report(self, decision: Decision, outcome: audit.Outcome) -> None:
        text = self.tr("已{decision}：{n} 条").format(
            decision=decision_name(decision), n=len(outcome.decided)
        )
        if outcome.refused:
            reasons = "；".join(reason for _id, reason in outcome.refused[:3])
            text += self.tr("；{n} 条未处理：{reasons}").format(
                n=len(outcome.refused), reasons=reasons
            )
        self.message.setText(text)

    # -- claims, re-scan, lexicon --------------------------------------------------------

    async def claim(self) -> None:
        """Claim the oldest free items and show them under 我的认领."""
        ids = await attempt(
            self.message.setText,
            self.database.call(audit.claim_next, self.actor, audit.CLAIM_BATCH),
        )
        if ids is REFUSED:
            return
        self.message.setText(self.tr("已领取 {n} 条").format(n=len(ids)))
        for pane in self.panes_by_status.values():
            pane.stale = True
        mine = STATUSES.index("mine")
        if self.status_tabs.currentIndex() != mine:
            self.status_tabs.setCurrentIndex(mine)
            await self._load_counts()
        else:
            await asyncio.gather(self.pane.refresh(), self._load_counts())

    async def release(self) -> None:
        """Give every claim of the operator back to the queue."""
        count = await attempt(
            self.message.setText, self.database.call(audit.release_claims, self.actor)
        )
        if count is REFUSED:
            return
        self.message.setText(self.tr("已释放 {n} 条认领").format(n=count))
        await self.refresh()

    async def _renew_claims(self) -> None:
        """Extend the leases of the operator's claims while the console is open."""
        if self.counts.get("mine"):
            renewal = self.database.call(audit.renew_claims, self.actor)
            await attempt(self._renewal_failed, renewal)

    def _renewal_failed(self, reason: str) -> None:
        # Claims whose lease runs out go back to the queue: the reviewer must know before
        # deciding items another reviewer may have taken meanwhile.
        self.message.setText(
            self.tr(
                "认领续期失败：{error}。租约到期后，这些条目会回到待审，可能被其他审核员领取。"
            ).format(error=reason)
        )


def build(spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None) -> AreaTab:
    """``TabSpec.build`` of the 内容审核 tab."""
    return ReviewTab(spec, database, actor, parent)


TAB = TabSpec("review", QT_TR_NOOP("内容审核"), "reviewer1", build)
