"""The queue side of the review tab: status tabs with counts, filters, the lists, claims.

Each status (待审, 我的认领, 已通过, …) has its own list; a list reloads when it is shown after
something changed. 领取 claims the oldest items into 我的认领; the leases of the operator's
claims are renewed while the console is open, and a failed renewal is said at once.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from console.base import clock
from console.base.actor import Actor
from console.base.listing import Listing
from console.review import filters
from console.review import service as review
from ui.flow import FlowLayout
from ui.forms import REFUSED, attempt
from ui.list_pane import ListPane
from ui.tasks import Database, spawn

STATUSES = ("pending", "mine", "approved", "returned", "taken_down", "all")
DECIDABLE = frozenset({"pending", "mine"})
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

    def narrow(self, chosen: filters.QueueFilter) -> None:
        """Show the base list restricted by ``chosen`` (takes effect on the next reload)."""
        self.listing = filters.narrowed(self.base, chosen)
        self.model.listing = self.listing
        self.stale = True

    async def refresh(self) -> None:
        """Reload from the database."""
        self.stale = False
        await super().refresh()


class QueueBrowser(QWidget):
    """Status tabs over filters over the lists; whatever sits beside the lists goes ``beside``.

    ``currentItem`` carries the id of the item now current in the list shown (None: none);
    ``said`` carries what the tab's status line should say.
    """

    currentItem = Signal(object)
    said = Signal(str)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueBrowser")
        self.database, self.actor = database, actor
        self.counts: dict[str, int] = {}
        self._refreshing: asyncio.Future[None] | None = None
        self._choices_loaded = False
        self.status_tabs = QTabBar(self)
        self.status_tabs.setObjectName("statusTabs")
        self.status_tabs.setDocumentMode(True)
        self.status_tabs.setExpanding(False)
        self.stack = QStackedWidget(self)
        self.panes_by_status = {key: self._pane(key) for key in STATUSES}
        self._show_status_titles()
        self.controls = self._build_controls()
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setObjectName("reviewSplit")
        self.split.addWidget(self.stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_tabs)
        layout.addLayout(self.controls)
        layout.addWidget(self.split, 1)
        self.status_tabs.currentChanged.connect(self._status_changed)
        self.renewal = QTimer(self)
        self.renewal.setInterval(RENEW_MS)
        self.renewal.timeout.connect(lambda: spawn(self._renew_claims(), "renew-claims"))
        self.renewal.start()

    def _pane(self, key: str) -> QueuePane:
        listings = {
            "pending": review.QUEUE,
            "mine": review.mine(self.actor.operator_id),
            "approved": review.APPROVED,
            "returned": review.RETURNED,
            "taken_down": review.TAKEN_DOWN,
            "all": review.EVERY_ITEM,
        }
        self.status_tabs.addTab("")
        pane = QueuePane(listings[key], self.database, self.actor, self)
        self.stack.addWidget(pane)
        pane.view.selectionModel().currentRowChanged.connect(self._current_changed)
        pane.model.modelReset.connect(lambda: self._reset(pane))
        return pane

    def _build_controls(self) -> FlowLayout:
        """The structured filters, then 领取 and 释放 (more controls may follow)."""
        self.site = self._combo("siteFilter", self.tr("全部网站"), 0)
        self.category = self._combo("categoryFilter", self.tr("全部类别"), "")
        self.severity = self._combo("severityFilter", self.tr("全部严重度"), 0)
        self.severity.addItem(self.tr("中及以上"), 2)
        self.severity.addItem(self.tr("仅高"), 3)
        self.age = self._combo("ageFilter", self.tr("不限等待时长"), 0)
        for hours in AGES[1:]:
            text = (
                self.tr("等待超过 {n} 小时").format(n=hours)
                if hours < 24
                else self.tr("等待超过 {n} 天").format(n=hours // 24)
            )
            self.age.addItem(text, hours)
        # What a dashboard figure narrowed the list to beyond these filters (its scope's sites,
        # its period): shown ticked while it holds; unticking lets it go.
        self.held = filters.QueueFilter()
        self.held_box = QCheckBox(self)
        self.held_box.setObjectName("heldFilter")
        self.held_box.hide()
        self.held_box.toggled.connect(self._held_toggled)
        self.claim_button = QPushButton(self.tr("领取 {n} 条").format(n=review.CLAIM_BATCH), self)
        self.claim_button.setObjectName("claimButton")
        self.claim_button.setToolTip(self.tr("认领最早的待审条目（租约 10 分钟，自动续期）"))
        self.release_button = QPushButton(self.tr("释放认领"), self)
        self.release_button.setToolTip(self.tr("把我的全部认领放回待审"))
        self.claim_button.clicked.connect(lambda: spawn(self.claim(), "claim"))
        self.release_button.clicked.connect(lambda: spawn(self.release(), "release"))
        # Wrapping rows: filters and buttons never make the window wider (any language).
        row = FlowLayout()
        row.setContentsMargins(6, 0, 6, 0)
        self.site.setMinimumContentsLength(10)
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for box in (self.site, self.category, self.severity, self.age):
            row.addWidget(box)
            if box is not self.site:
                box.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.site.currentIndexChanged.connect(lambda _i: self._site_chosen())
        row.addWidget(self.held_box)
        row.addWidget(self.claim_button)
        row.addWidget(self.release_button)
        return row

    def _combo(self, name: str, everything: str, value: object) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, value)
        return combo

    def beside(self, widget: QWidget) -> None:
        """Show ``widget`` to the right of the lists (the post and the decisions)."""
        self.split.addWidget(widget)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)

    # -- what is shown -------------------------------------------------------------------

    @property
    def status(self) -> str:
        """The key of the status tab shown."""
        return STATUSES[self.status_tabs.currentIndex()]

    @property
    def pane(self) -> QueuePane:
        """The list shown."""
        return self.panes_by_status[self.status]

    def decidable(self) -> bool:
        """Whether the items of the list shown may still be decided."""
        return self.status in DECIDABLE

    def _show_status_titles(self) -> None:
        titles = {
            "pending": self.tr("待审"),
            "mine": self.tr("我的认领"),
            "approved": self.tr("已通过"),
            "returned": self.tr("已退回"),
            "taken_down": self.tr("已下线"),
            "all": self.tr("全部"),
        }
        for index, key in enumerate(STATUSES):
            count = self.counts.get(key)
            text = titles[key] if count is None else f"{titles[key]} ({count})"
            self.status_tabs.setTabText(index, text)

    async def refresh(self) -> None:
        """Reload the counts and the list shown; other lists reload when next shown.

        A refresh asked for while one runs joins it rather than resetting the list twice.
        """
        if self._refreshing is None or self._refreshing.done():
            self._refreshing = asyncio.ensure_future(self._reload())
        await asyncio.shield(self._refreshing)

    async def _reload(self) -> None:
        self.mark_stale()
        # The list first: the database worker runs calls in the order they are made.
        await asyncio.gather(self.pane.refresh(), self.load_counts(), self._load_choices())

    def mark_stale(self, but: QueuePane | None = None) -> None:
        """Have every list (but ``but``) reload when it is next shown."""
        for pane in self.panes_by_status.values():
            if pane is not but:
                pane.stale = True

    async def load_counts(self) -> None:
        """Read how many items each status holds, for the tabs' titles."""
        counts = await attempt(self.said.emit, self.database.read(review.status_counts, self.actor))
        if counts is not REFUSED:
            self.counts = counts
            self._show_status_titles()

    async def _load_choices(self) -> None:
        if self._choices_loaded:
            return
        choices = await attempt(
            self.said.emit, self.database.call(review.filter_choices, self.actor)
        )
        if choices is REFUSED:
            return
        self._choices_loaded = True
        for site_id, name in choices.sites:
            self.site.addItem(name, site_id)
        for category in choices.categories:
            if self.category.findData(category) < 0:
                self.category.addItem(category, category)

    def _status_changed(self, _index: int) -> None:
        self.stack.setCurrentWidget(self.pane)
        self.currentItem.emit(None)
        if self.pane.stale:
            spawn(self.pane.refresh(), "status")
        else:
            self._current_changed(self.pane.view.currentIndex(), QModelIndex())

    def show_only(self, status: str, chosen: filters.QueueFilter, title: str = "") -> None:
        """Show the ``status`` list filtered by ``chosen`` alone: its category and subtree
        (``under``, a site named ``title``) in the filters, its sites and periods held."""
        category, under = chosen.category, chosen.under
        if category and self.category.findData(category) < 0:
            self.category.addItem(category, category)
        # A subtree is offered in the site filter as its root's negated id.
        if under is not None and self.site.findData(-under) < 0:
            self.site.addItem(self.tr("{name}及下级网站").format(name=title), -under)
        for box, value in (
            (self.site, 0 if under is None else -under),
            (self.category, category),
            (self.severity, 0),
            (self.age, 0),
        ):
            blocked = box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(blocked)
        self._hold(dataclasses.replace(chosen, category="", under=None))
        blocked = self.status_tabs.blockSignals(True)
        self.status_tabs.setCurrentIndex(STATUSES.index(status))
        self.status_tabs.blockSignals(blocked)
        self.stack.setCurrentWidget(self.pane)
        self.currentItem.emit(None)
        self._filters_changed()

    def _hold(self, held: filters.QueueFilter) -> None:
        """Hold ``held`` (its sites and periods) and say so in the box, ticked, silently."""
        self.held = held
        zone = self.database.zone
        parts = []
        for window, text in ((held.decided, self.tr("{first} 至 {last} 决定")),
                             (held.queued, self.tr("{first} 至 {last} 入队"))):  # fmt: skip
            if window is not None:
                last = window[1] - dt.timedelta(microseconds=1)
                first = clock.local_date(window[0], zone)
                parts.append(text.format(first=first, last=clock.local_date(last, zone)))
        if held.states:
            parts.append(self.tr("待审或已认领"))
        if held.site_ids is not None:
            parts.append(self.tr("在用网站（不含已整合、永久下线）"))
        blocked = self.held_box.blockSignals(True)
        self.held_box.setChecked(bool(parts))
        self.held_box.blockSignals(blocked)
        self.held_box.setText(self.tr("仅{what}").format(what=self.tr("，").join(parts)))
        self.held_box.setVisible(bool(parts))

    def _site_chosen(self) -> None:
        """Another site chosen: a figure's sites no longer hold (its period still does)."""
        if self.held.site_ids is not None:
            self._hold(dataclasses.replace(self.held, site_ids=None))
        self._filters_changed()

    def _held_toggled(self, on: bool) -> None:
        if not on:
            self._hold(filters.QueueFilter())
        self._filters_changed()

    def _filters_changed(self) -> None:
        site = int(self.site.currentData() or 0)
        chosen = dataclasses.replace(
            self.held,
            site_id=site if site > 0 else None,
            under=-site if site < 0 else None,
            category=self.category.currentData() or "",
            min_severity=int(self.severity.currentData() or 0),
            older_than_hours=int(self.age.currentData() or 0),
        )
        for pane in self.panes_by_status.values():
            pane.narrow(chosen)
        spawn(self.pane.refresh(), "filter")

    def _reset(self, pane: QueuePane) -> None:
        if pane is self.pane:
            self.currentItem.emit(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        valid = current.isValid()
        self.currentItem.emit(self.pane.model.row_id(current.row()) if valid else None)

    # -- moving and choosing -------------------------------------------------------------

    def make_current(self, row: int) -> bool:
        """Make ``row`` of the list current and selected; whether it already was current."""
        view = self.pane.view
        already = view.currentIndex().row() == row
        view.setCurrentIndex(self.pane.model.index(row, 0))
        view.selectRow(row)
        return already

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

    def chosen_rows(self) -> list[int]:
        """The selected rows of the list shown, or its current row when none is selected."""
        view = self.pane.view
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().row()]
        return rows

    # -- claims --------------------------------------------------------------------------

    async def claim(self) -> None:
        """Claim the oldest free items and show them under 我的认领."""
        ids = await attempt(
            self.said.emit, self.database.call(review.claim_next, self.actor, review.CLAIM_BATCH)
        )
        if ids is REFUSED:
            return
        self.said.emit(self.tr("已领取 {n} 条").format(n=len(ids)))
        self.mark_stale()
        mine = STATUSES.index("mine")
        if self.status_tabs.currentIndex() != mine:
            self.status_tabs.setCurrentIndex(mine)
            await self.load_counts()
        else:
            await asyncio.gather(self.pane.refresh(), self.load_counts())

    async def release(self) -> None:
        """Give every claim of the operator back to the queue."""
        count = await attempt(self.said.emit, self.database.call(review.release_claims, self.actor))
        if count is REFUSED:
            return
        self.said.emit(self.tr("已释放 {n} 条认领").format(n=count))
        await self.refresh()

    async def _renew_claims(self) -> None:
        """Extend the leases of the operator's claims while the console is open."""
        if self.counts.get("mine"):
            renewal = self.database.call(review.renew_claims, self.actor)
            await attempt(self._renewal_failed, renewal)

    def _renewal_failed(self, reason: str) -> None:
        # Claims whose lease runs out go back to the queue: the reviewer must know before
        # deciding items another reviewer may have taken meanwhile.
        self.said.emit(
            self.tr(
                "认领续期失败：{error}。租约到期后，这些条目会回到待审，可能被其他审核员领取。"
            ).format(error=reason)
        )
