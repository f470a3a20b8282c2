"""The review tab reads the next items' details ahead: after a decision the next item is
shown from what is held, and a refused decision brings its item back."""

from __future__ import annotations

from typing import Any

from console.base.errors import DB_UNREACHABLE, EnvironmentFault
from console.review import service as review
from console.schema import QueueItem
from tests.core.queue_cluster import queue_cluster
from tests.ui.conftest import until
from tests.ui.test_review_tab import _close, _key, _open, _states


def _counting_detail_reads(window: Any) -> list[list[int]]:
    reads: list[list[int]] = []
    database = window.database
    plain = database.read

    async def read(service: Any, *args: Any, **kwargs: Any) -> Any:
        if service is review.item_details:
            reads.append(list(args[1]))
        return await plain(service, *args, **kwargs)

    database.read = read
    return reads


def test_the_next_items_are_read_ahead_and_shown_without_a_read(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 8)
    window, tab = _open(sqlite_sessions, run)
    try:
        reads = _counting_detail_reads(window)
        pane = tab.browser.pane
        run(until(lambda: pane.model.rowCount() == 8))
        panel = tab.panel
        pane.view.setFocus()

        def shown(item: int) -> bool:
            return panel.detail.detail is not None and panel.detail.detail.item_id == item

        run(until(lambda: shown(1)))
        run(until(lambda: all(item in panel._details for item in range(2, 7)), "read ahead"))
        before = len(reads)
        _key(pane.view, "j")
        assert shown(2)  # at once: no await between the key and the detail
        _key(pane.view, "a")
        run(until(lambda: _states(sqlite_sessions)[2] == "approved"))
        run(until(lambda: shown(3) and not panel.busy))
        # Items 2 and 3 came from what was read ahead: nothing was read for them.
        assert not any(2 in wanted or 3 in wanted for wanted in reads[before:])
    finally:
        _close(window)


def _first_item_shown(tab: Any, run: Any) -> tuple[Any, Any]:
    """The queue's four items listed, the list focused and the first item's detail shown."""
    pane, panel = tab.browser.pane, tab.panel
    run(until(lambda: pane.model.rowCount() == 4))
    pane.view.setFocus()
    run(until(lambda: panel.detail.detail is not None and panel.detail.detail.item_id == 1))
    return pane, panel


def test_a_decision_that_fails_brings_its_item_back(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 4)
    window, tab = _open(sqlite_sessions, run)
    try:
        pane, panel = _first_item_shown(tab, run)
        run(until(lambda: 2 in panel._details, "read ahead"))
        database = window.database
        plain = database.call

        async def call(service: Any, *args: Any, **kwargs: Any) -> Any:
            if service is review.review:
                raise EnvironmentFault(DB_UNREACHABLE, detail="connection lost")
            return await plain(service, *args, **kwargs)

        database.call = call
        _key(pane.view, "a")
        run(until(lambda: "connection lost" in panel.message.text() and not panel.busy))
        detail = panel.detail.detail
        assert detail is not None and detail.item_id == 1
        assert _states(sqlite_sessions)[1] == "pending"
    finally:
        _close(window)


def test_an_item_decided_elsewhere_is_refused_and_told(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sqlite_sessions, 4)
    window, tab = _open(sqlite_sessions, run)
    try:
        pane, panel = _first_item_shown(tab, run)
        with sqlite_sessions.begin() as session:
            item = session.get(QueueItem, 1)
            assert item is not None
            item.state = "approved"
        _key(pane.view, "a")
        run(until(lambda: "条未处理" in panel.message.text() and not panel.busy, "refusal told"))
        ids = [pane.model.row_id(row) for row in range(pane.model.rowCount())]
        assert 1 not in ids
        detail = panel.detail.detail
        assert detail is not None and detail.item_id == ids[0]
    finally:
        _close(window)
