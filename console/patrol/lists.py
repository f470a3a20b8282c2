"""A column's list page read as items: title, link and date.

Lists come in many templates (``<ul><li>``, tables, ``<div>`` rows, the date before or after
the title, inside or beside the link), so the list is found by its shape: a link's row is its
nearest ancestor that repeats beside siblings which also hold links; rows under one parent
form a candidate list. The list is the candidate with the most dated rows (then the most
rows). Navigation, pagination and the footer lose because their rows carry no dates, or
their links are the site's columns. A list whose rows have no dates at all is still read,
when it looks like one (several rows of long titles), so that it can be reported as undated.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from console.patrol.dates import parse_date
from console.patrol.markup import Anchor, Element, squeeze

CLIMB_LIMIT = 6
# An undated list must look like one: this many rows, titles this long on average.
UNDATED_ROWS = 3
UNDATED_TITLE = 8


@dataclass(frozen=True)
class Item:
    """One entry of a list page."""

    url: str
    title: str
    date: dt.date | None


def _texts(element: Element) -> Iterator[str]:
    """Each piece of text in ``element`` apart (a span, a cell, the text between them)."""
    for node in element.iter():
        if node is not element and isinstance(node.tail, str) and node.tail.strip():
            yield node.tail
        if isinstance(node.tag, str) and isinstance(node.text, str) and node.text.strip():
            yield node.text


class _Rows:
    """Finds each link's row: climbs while no sibling of the same kind also holds a link."""

    def __init__(self, links: list[Anchor]) -> None:
        self.bearing: set[Element] = set()
        for anchor in links:
            node: Element | None = anchor.element
            while node is not None and node not in self.bearing:
                self.bearing.add(node)
                node = node.getparent()
        self._counts: dict[Element, Counter[str]] = {}

    def _repeats(self, node: Element) -> bool:
        parent = node.getparent()
        if parent is None:
            return True
        counts = self._counts.get(parent)
        if counts is None:
            counts = Counter(str(child.tag) for child in parent if child in self.bearing)
            self._counts[parent] = counts
        return counts[str(node.tag)] >= 2

    def row(self, anchor: Anchor) -> Element:
        node: Element = anchor.element
        for _ in range(CLIMB_LIMIT):
            if self._repeats(node):
                return node
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                return node
            node = parent
        return anchor.element


@dataclass
class _Candidate:
    items: list[Item]
    dated: int = 0

    def looks_like_a_list(self) -> bool:
        if self.dated:
            return True
        titles = [len(item.title) for item in self.items]
        return len(titles) >= UNDATED_ROWS and sum(titles) / len(titles) >= UNDATED_TITLE


def _item(row: Element, links: list[Anchor], today: dt.date) -> Item:
    """The row's item: its longest link is the title; a piece of text that is a date dates it."""
    main = max(links, key=lambda anchor: len(anchor.text))
    date = next((d for text in _texts(row) if (d := parse_date(text, today))), None)
    title = main.element.get("title") or ""
    if len(squeeze(title)) <= len(main.text):
        # The link's own text, less a date printed inside the link.
        title = " ".join(
            squeeze(text) for text in _texts(main.element) if parse_date(text, today) is None
        )
    return Item(main.url, squeeze(title) or main.text, date)


def list_items(links: list[Anchor], today: dt.date, columns: Collection[str] = ()) -> list[Item]:
    """The items of the page's main list, top to bottom (an empty list when it has none).

    ``links`` are the page's anchors; ``columns`` the addresses of the site's columns (links
    to them are navigation, not items); ``today`` settles the year of ``[11-30]``.
    """
    rows = _Rows(links)
    grouped: dict[Element, dict[Element, list[Anchor]]] = {}
    for anchor in links:
        if anchor.url in columns or not anchor.text:
            continue
        row = rows.row(anchor)
        parent = row.getparent()
        grouped.setdefault(row if parent is None else parent, {}).setdefault(row, []).append(anchor)
    best: _Candidate | None = None
    for by_row in grouped.values():
        candidate = _Candidate([_item(row, found, today) for row, found in by_row.items()])
        candidate.dated = sum(1 for item in candidate.items if item.date is not None)
        if not candidate.looks_like_a_list():
            continue
        if best is None or (candidate.dated, len(candidate.items)) > (
            best.dated,
            len(best.items),
        ):
            best = candidate
    return best.items if best else []
