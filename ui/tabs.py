"""The five tabs of the main window, each a list (or lists) of its area, gated by duty."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from console.i18n import QT_TR_NOOP, joined
from console.listing import Listing
from console.services.accounts import ACCOUNTS
from console.services.actor import DUTY_LABELS, Actor
from console.services.audit import QUEUE
from console.services.filings import FILINGS
from console.services.journal import JOURNAL
from console.services.presets import PRESET_VERSIONS
from console.services.sites import SITES
from ui.list_pane import ListPane
from ui.tasks import Database


@dataclass(frozen=True)
class TabSpec:
    """A main-window tab: its key, its title and the listings it shows."""

    key: str
    title: str
    listings: Sequence[Listing]


TABS: tuple[TabSpec, ...] = (
    TabSpec("sites", QT_TR_NOOP("站点"), (SITES,)),
    TabSpec("presets", QT_TR_NOOP("栏目预设"), (PRESET_VERSIONS,)),
    TabSpec("permissions", QT_TR_NOOP("用户权限"), (ACCOUNTS, JOURNAL)),
    TabSpec("filings", QT_TR_NOOP("安全备案"), (FILINGS,)),
    TabSpec("audit", QT_TR_NOOP("内容审核"), (QUEUE,)),
)


class AreaTab(QWidget):
    """One tab: the panes the operator may read, and a plain note for those they may not."""

    def __init__(
        self, spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"tab_{spec.key}")
        self.panes: list[ListPane] = []
        pages: list[tuple[str, QWidget]] = []
        for listing in spec.listings:
            title = QCoreApplication.translate("", listing.title)
            if actor.holds(*listing.readers):
                pane = ListPane(listing, database, actor, self)
                self.panes.append(pane)
                pages.append((title, pane))
            else:
                pages.append((title, self._not_yours(listing)))
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

    def _not_yours(self, listing: Listing) -> QLabel:
        duties = joined(
            QCoreApplication.translate("", DUTY_LABELS[d]) for d in sorted(listing.readers)
        )
        note = QLabel(
            self.tr("按三员分立的要求，此页只对以下职责开放：{duties}。").format(duties=duties),
            self,
        )
        note.setObjectName("accessNote")
        note.setWordWrap(True)
        return note
