"""The figures computed in a process of their own (``ui.elsewhere``): over a large cluster
they take many seconds of Python work, which on a thread of this process would hold the
interpreter's lock and stall the UI (measured: ≈ 1 s pauses at 2,000 sites and 1,000,000
posts). The worker opens the cluster database itself, once: it keeps it for the next refresh,
which would otherwise pay the connection's setup round trips again."""

from __future__ import annotations

from dataclasses import replace

from console.base.actor import Actor
from console.db import SessionFactory, engine_of, open_database
from console.db.recovery import retried
from console.supervision.service import Overview, overview
from ui.elsewhere import Elsewhere
from ui.tasks import Database

FIGURES = Elsewhere()


_kept: dict[str, SessionFactory] = {}


def _opened(url: str) -> SessionFactory:
    """In the worker: the database at ``url``, opened on first use and kept (the one kept
    before is closed: the window asks for another only after connecting elsewhere)."""
    found = _kept.get(url)
    if found is None:
        for before in _kept.values():
            engine_of(before).dispose()
        _kept.clear()
        found = _kept[url] = open_database(url)
    return found


def _compute(url: str, actor: Actor, under: int | None, windows: tuple[int, ...]) -> Overview:
    """In the worker: the overview of the scope, lightened to what the tab shows (read once
    more on a fresh connection if the kept one had dropped)."""
    sessions = _opened(url)
    seen = retried(engine_of(sessions), lambda: overview(sessions, actor, under, None, windows))
    # Only what the tab shows crosses back: unpickling per-site facts of a large cluster would
    # hold the interpreter's lock on this side as long as the work did. A portal's sites (a
    # subtree, not the cluster) come back: its figures open lists of just them.
    facts = replace(seen.facts, risks=[], filings=[], old_backlog={})
    sites = seen.scope.sites if under is not None else ()
    return replace(seen, facts=facts, scope=replace(seen.scope, sites=sites))


async def overview_elsewhere(
    database: Database, actor: Actor, under: int | None, windows: tuple[int, ...]
) -> Overview:
    """``overview`` of the scope below ``under`` computed in the worker process."""
    result = await FIGURES.run(database, _compute, actor, under, windows)
    assert isinstance(result, Overview)
    return result
