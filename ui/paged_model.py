"""A table model over a ``Listing``: holds loaded pages only, fetches more as the view scrolls.

Sorting and filtering are done by SQL (``reload``); ``fetchMore`` asks the database worker for
the next keyset page and is guarded so one request is in flight at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from console.base import clock
from console.base.actor import Actor
from console.base.listing import Counts, Listing, Page, Query, read_first, read_page, rendered
from ui.forms import REFUSED, attempt
from ui.i18n import translated
from ui.tasks import Database, spawn

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class PagedModel(QAbstractTableModel):
    """Rows of one listing, fetched page by page through the database worker."""

    countsChanged = Signal(int, int)
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(
        self, listing: Listing, database: Database, actor: Actor, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.listing = listing
        self.database = database
        self.actor = actor
        self.query = Query(listing.default_sort, listing.default_descending)
        self._ids: list[Any] = []
        self._rows: list[list[str]] = []
        self._after: tuple[Any, Any] | None = None
        self._more = False
        self._fetching = False
        self._generation = 0
        self.counts = Counts(0, 0)
        self.loaded_at: dt.datetime | None = None
        self._answering: tuple[Listing, Query] | None = None

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows loaded so far (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per listing field."""
        return 0 if parent.isValid() else len(self.listing.fields)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The rendered text of a cell (also as tooltip, for long values)."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Translated field headings; row numbers vertically."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.listing.fields):
                return translated(self.listing.fields[section].title)
            return None
        return section + 1

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Whether another page exists and none is being fetched."""
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Ask for the next page; rows arrive asynchronously."""
        if parent.isValid() or not self.canFetchMore():
            return
        self._fetching = True
        spawn(self._fetch_next(self._generation), "fetch-more")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the field in ``column`` (unsortable fields are ignored)."""
        if not 0 <= column < len(self.listing.fields):
            return
        field = self.listing.fields[column]
        if not field.sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self.query.sort == field.key and self.query.descending == descending:
            return
        self.query = Query(field.key, descending, self.query.text, self.query.equals)
        if self.loaded_at is not None:
            spawn(self.reload(), "sort")

    # -- loading ------------------------------------------------------------------------

    def up_to_date(self) -> bool:
        """Whether the rows shown answer the listing and the query as they now stand (no
        reload for a changed filter or sort still to come)."""
        return self._answering == (self.listing, self.query) and not self._fetching

    def row_id(self, row: int) -> Any:
        """The database id of a loaded row."""
        return self._ids[row]

    def set_text_filter(self, text: str) -> None:
        """Filter by quick text (in SQL) and reload."""
        if text == self.query.text:
            return
        self.query = Query(self.query.sort, self.query.descending, text, self.query.equals)
        if self.loaded_at is not None:
            spawn(self.reload(), "filter")

    def set_equals(self, equals: tuple[tuple[str, Any], ...]) -> None:
        """Filter by structured filters (``Query.equals``, applied in SQL) and reload."""
        if equals == self.query.equals:
            return
        self.query = Query(self.query.sort, self.query.descending, self.query.text, equals)
        if self.loaded_at is not None:
            spawn(self.reload(), "filter")

    async def reload(self) -> None:
        """Drop loaded rows and fetch the first page and the counts again.

        On an operator or environment error the rows already shown stay (stale, not lost)
        and ``failed`` fires; bugs propagate to the crash handler.
        """
        self._generation += 1
        self._fetching = True
        asked = (self.listing, self.query)
        first: tuple[Page, Counts] | None = await self._load(
            self._generation, read_first, self.actor, *asked
        )
        if first is None:
            return
        page, counts = first
        self._answering = asked
        self.beginResetModel()
        self._ids, self._rows = [], []
        self._append(page)
        self.endResetModel()
        self._fetching = False
        self.counts = counts
        self.loaded_at = clock.utcnow()
        self.countsChanged.emit(counts.shown, counts.total)
        self.loaded.emit(self.loaded_at)

    async def _fetch_next(self, generation: int) -> None:
        page: Page | None = await self._load(
            generation, read_page, self.actor, self.listing, self.query, self._after
        )
        if page is None:
            return
        if page.ids:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.ids) - 1)
            self._append(page)
            self.endInsertRows()
        else:
            self._more = False
        self._fetching = False

    async def _load(self, generation: int, service: Callable[..., T], *args: Any) -> T | None:
        """Run ``service`` on the database's reader; None when it failed or was superseded.

        Also None when the model was destroyed meanwhile (its tab or dialog closed): nobody
        is left to show the rows.
        """
        result = await attempt(
            lambda text: self._failed(generation, text), self.database.read(service, *args)
        )
        if result is REFUSED or not shiboken6.isValid(self):
            return None
        return result if generation == self._generation else None

    def _failed(self, generation: int, text: str) -> None:
        """A load failed: say so, unless a newer load has taken its place (or nobody is left)."""
        if shiboken6.isValid(self) and generation == self._generation:
            self._fetching = False
            self.failed.emit(text)

    def _append(self, page: Page) -> None:
        self._ids.extend(page.ids)
        zone = self.database.zone
        self._rows.extend(rendered(self.listing, row, zone) for row in page.rows)
        self._after = page.after
        self._more = page.after is not None
