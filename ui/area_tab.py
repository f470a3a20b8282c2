"""What every main-window tab is: a widget of one area, gated by duty, that can reload itself.

Each area module in ``ui.areas`` defines ``TAB``, a ``TabSpec`` whose ``build`` makes the tab.
``ListsTab`` is the plain form: the area's lists side by side in inner tabs.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from console.base.actor import DUTY_LABELS, Actor
from console.base.i18n import joined
from console.base.listing import Listing
from console.schema import Duty
from ui.drill import Drill
from ui.i18n import translated
from ui.list_pane import ListPane
from ui.tasks import Database


@dataclass(frozen=True)
class TabSpec:
    """A main-window tab: key, title, who looks at it in the screenshots, and its builder."""

    key: str
    title: str
    viewer: str
    build: Callable[[TabSpec, Database, Actor, QWidget | None], AreaTab]


class AreaTab(QWidget):
    """Base of every tab: ``refresh`` reloads what it shows and emits ``refreshed``."""

    refreshed = Signal(object)
    # Another tab's list to open, filtered: (tab key, ``Drill``). The window switches.
    navigate = Signal(str, object)

    def __init__(
        self, spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.database = database
        self.actor = actor
        self.panes: list[ListPane] = []
        self.setObjectName(f"tab_{spec.key}")

    async def refresh(self) -> None:
        """Reload every list of the tab."""
        await asyncio.gather(*(pane.refresh() for pane in self.panes))

    async def stage_for_screenshot(self) -> None:
        """Put the tab in the state the documentation pictures show (e.g. a row selected)."""

    def show_filtered(self, drill: Drill) -> None:
        """Show the tab's first list with the drill's text in its quick filter (a dashboard's
        way in); tabs with filters of their own apply the drill's kind too."""
        if not self.panes:
            return
        pane = self.panes[0]
        page: QWidget | None = pane
        while page is not None:
            holder = page.parentWidget()
            inner = holder.parentWidget() if holder is not None else None
            if isinstance(inner, QTabWidget):
                inner.setCurrentWidget(page)
            page = holder
        pane.filter.setText(drill.text)
        pane.filter.returnPressed.emit()

    def holds_unsaved_edits(self) -> bool:
        """Whether the tab shows edits not yet saved (automatic refreshes then leave it alone)."""
        return False

    def claims_held(self) -> int:
        """How many review items the operator holds claimed, as far as the tab knows."""
        return 0

    async def save_edits(self) -> bool:
        """Save the edits ``holds_unsaved_edits`` reports (the operator chose 保存 on leaving);
        False when they could not be saved (the tab then says why)."""
        return True

    def adopt(self, pane: ListPane) -> ListPane:
        """Count ``pane`` among the tab's lists, so refreshing the tab refreshes it."""
        self.panes.append(pane)
        pane.refreshed.connect(self._pane_refreshed)
        return pane

    def access_note(self, duties: Sequence[Duty]) -> QLabel:
        """A plain note for a page the operator's duties do not open, naming who may."""
        names = joined(translated(DUTY_LABELS[d]) for d in sorted(duties))
        note = QLabel(
            self.tr("按三员分立的要求，此页只对以下职责开放：{duties}。").format(duties=names),
            self,
        )
        note.setObjectName("accessNote")
        note.setWordWrap(True)
        return note

    def _pane_refreshed(self, when: dt.datetime) -> None:
        self.refreshed.emit(when)


class ListsTab(AreaTab):
    """A tab that shows its area's lists, each in an inner tab when there are several."""

    def __init__(
        self,
        spec: TabSpec,
        database: Database,
        actor: Actor,
        listings: Sequence[Listing],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(spec, database, actor, parent)
        pages: list[tuple[str, QWidget]] = []
        for listing in listings:
            title = translated(listing.title)
            if actor.holds(*listing.readers):
                pages.append((title, self.adopt(ListPane(listing, database, actor, self))))
            else:
                pages.append((title, self.access_note(sorted(listing.readers))))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if len(pages) == 1:
            layout.addWidget(pages[0][1])
            return
        inner = QTabWidget(self)
        inner.setObjectName(f"inner_{spec.key}")
        for title, page in pages:
            inner.addTab(page, title)
        for index, (_title, page) in enumerate(pages):
            if isinstance(page, ListPane):
                inner.setCurrentIndex(index)
                break
        layout.addWidget(inner)


def lists_tab(*listings: Listing) -> Callable[[TabSpec, Database, Actor, QWidget | None], AreaTab]:
    """A ``TabSpec.build`` that shows ``listings`` as a ``ListsTab``."""

    def build(spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None) -> AreaTab:
        return ListsTab(spec, database, actor, listings, parent)

    return build
