"""The figures computed in a process of their own: over a large cluster they take many
seconds of Python work, which on a thread of this process would hold the interpreter's lock
and stall the UI (measured: ≈ 1 s pauses at 2,000 sites and 1,000,000 posts). One worker
process is started on first use and kept; it opens the cluster database itself."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from console.base.actor import Actor
from console.base.errors import ConsoleError, InvalidInput
from console.db import engine_of, open_database
from console.supervision.service import Overview, overview
from ui.tasks import Database

_pool: ProcessPoolExecutor | None = None
WORKER_NICENESS = 10
# A refusal crosses the process boundary as its text (its parameters do not pickle).
SAID = "{text}"


def _pool_of_one() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_give_way,
        )
    return _pool


def _give_way() -> None:
    """In the worker: run at a lower priority, so that on a busy machine the window's process
    gets the processor first (seconds of figures' work otherwise compete with it)."""
    if hasattr(os, "nice"):  # not on Windows
        os.nice(WORKER_NICENESS)


def _compute(url: str, actor: Actor, under: int | None, windows: tuple[int, ...]) -> Any:
    """In the worker: the overview, or the refusal's text."""
    sessions = open_database(url)
    try:
        seen = overview(sessions, actor, under, None, windows)
        # Only what the tab shows crosses back: unpickling per-site facts of a large cluster
        # would hold the interpreter's lock on this side as long as the work did. A portal's
        # sites (a subtree, not the cluster) come back: its figures open lists of just them.
        facts = replace(seen.facts, risks=[], filings=[], old_backlog={})
        sites = seen.scope.sites if under is not None else ()
        return replace(seen, facts=facts, scope=replace(seen.scope, sites=sites))
    except ConsoleError as refused:
        return ("refused", str(refused))
    finally:
        engine_of(sessions).dispose()


async def overview_elsewhere(
    database: Database, actor: Actor, under: int | None, windows: tuple[int, ...]
) -> Overview:
    """``overview`` of the scope below ``under`` computed in the worker process."""
    bind = database.sessions.kw["bind"]
    url = bind.url.render_as_string(hide_password=False)
    loop = asyncio.get_event_loop()
    work = loop.run_in_executor(_pool_of_one(), _compute, url, actor, under, windows)
    result = await database.watched(work)
    if isinstance(result, tuple):
        raise InvalidInput(SAID, text=result[1])
    assert isinstance(result, Overview)
    return result


def shut_down() -> None:
    """Stop the worker (the console quits)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
