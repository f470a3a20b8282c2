"""The patrol run from the GUI: the UI thread's worst stall while a cluster is patrolled.

Called by ``python -m bench.patrol --gui`` (the sites are served by that script's separate
process). A fresh SQLite cluster registers the bench sites; the patrol of every site runs
as the console runs it (``ui.sites.patrol_process``: long work in the patrol's worker
process, stored through the leases, one transaction per site), each site's view shown in a
site detail's 巡查 pane as it arrives, while a 5 ms heartbeat on the UI thread records every
stall (and how much processor time the process had during it). Then one site is patrolled
with the pane's own 巡查 button. Baselines measured in the same run: the idle window's stalls
before the patrol (what the machine's other processes cost it), and the same cluster patrol
headless (no Qt, stored likewise, a second fresh database).
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from console.base import clock
from console.db import SessionFactory, engine_of, open_database
from console.operators import service as operators
from console.patrol.service import run_patrol
from console.probes.dialing import Dialer
from console.schema import ClusterSetting

STALL_BUDGET_MS = 50.0
IDLE_S = 30.0


class Collections:
    """The garbage collector's pauses (every thread waits for them), longest first."""

    def __init__(self) -> None:
        self.started = 0.0
        self.pauses: list[tuple[float, int]] = []

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.perf_counter()
        else:
            self.pauses.append(((time.perf_counter() - self.started) * 1000, info["generation"]))

    def worst(self) -> str:
        longest = sorted(self.pauses, reverse=True)[:3]
        return ", ".join(f"{ms:.0f} ms (gen {gen})" for ms, gen in longest) or "none"


def when_worst(gaps: list[float]) -> float:
    """Seconds from the heartbeat's start to the end of its worst stall."""
    from bench.gui import BEAT_MS

    if not gaps:
        return 0.0
    worst = gaps.index(max(gaps))
    return sum(gap + BEAT_MS for gap in gaps[: worst + 1]) / 1000


def cluster(folder: Path, name: str, sites: list[Any], spacing: float) -> SessionFactory:
    """A fresh SQLite cluster registering ``sites`` (addresses found in their menus)."""
    from tests.patrol_cluster import register, staff

    sessions = open_database(f"sqlite:///{folder / name}", upgrade_schema=True)
    staff(sessions)
    register(sessions, sites)
    with sessions.begin() as session:
        session.execute(
            insert(ClusterSetting),
            [{"key": "patrol.spacing_s", "value": str(spacing), "version": 1}],
        )
    return sessions


def headless(sessions: SessionFactory, dialer: Dialer, at_once: int) -> tuple[float, int]:
    """The cluster patrol without Qt, stored: wall time and pages."""
    from tests.staff import PASSWORD

    admin = operators.login(sessions, "sysadmin", PASSWORD)
    started = time.perf_counter()
    run = run_patrol(sessions, admin, (), dialer, store=True, sites_at_once=at_once)
    return time.perf_counter() - started, sum(r.pages for r in run.results)


def run_gui(sites: list[Any], mapping: dict[Any, Any], today: Any, spacing: float,
            at_once: int, freeze: bool = False) -> None:  # fmt: skip
    """Measure and print: the GUI's patrol, its stalls, the headless baseline, the ratio."""
    from bench.gui import Heartbeat, run_on_qt
    from console.patrol.content import main_text
    from console.screening.normalise import normalise

    clock.today = lambda zone: today  # the bench sites are dated around the bed's today
    dialer = Dialer(mapping, loopback_only=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        gui_sessions = cluster(folder, "gui.sqlite3", sites, spacing)
        base_sessions = cluster(folder, "headless.sqlite3", sites, spacing)
        figures: dict[str, float] = {}
        collections = Collections()
        shows: list[tuple[float, int]] = []

        async def measure() -> None:
            from tests.staff import PASSWORD
            from ui.long_work import LongWork
            from ui.sites.patrol_pane import PatrolPane
            from ui.sites.patrol_process import patrol_elsewhere
            from ui.tasks import Database

            admin = operators.login(gui_sessions, "sysadmin", PASSWORD)
            database = Database(gui_sessions)
            pane = PatrolPane(database, admin)
            pane.dialer = dialer
            shown = pane.show_patrol

            def timed_show(last: Any) -> None:  # the pane's own work on the UI thread
                began = time.perf_counter()
                shown(last)
                rows = (len(last.columns) + len(last.broken) + len(last.hidden)
                        + len(last.foreign)) if last else 0  # fmt: skip
                shows.append(((time.perf_counter() - began) * 1000, rows))

            pane.show_patrol = timed_show  # type: ignore[method-assign]
            pane.resize(1200, 800)
            pane.show()
            if freeze:  # as the console does once its window is shown (``ui.app``)
                gc.collect()
                gc.freeze()
            beat = Heartbeat()
            # The window idle first, as long as the machine lets it be (the baseline).
            beat.start()
            await asyncio.sleep(IDLE_S)
            await beat.tick()
            figures["idle_worst"], figures["idle_busy"] = beat.worst(), beat.worst_busy()
            figures["idle_p99"] = statistics.quantiles(beat.gaps, n=100)[98]
            gc.callbacks.append(collections)
            beat.start()
            started = time.perf_counter()
            with LongWork(pane) as work:
                done = await patrol_elsewhere(
                    work, database, admin, (), dialer, True, pane.show_patrol, at_once
                )
            figures["wall"] = time.perf_counter() - started
            await beat.tick()
            gc.callbacks.remove(collections)
            figures["pages"] = done.pages
            figures["sites"] = done.sites
            figures["worst"] = beat.worst()
            figures["worst_at"] = when_worst(beat.gaps)
            figures["worst_busy"] = beat.worst_busy()
            figures["p99"] = statistics.quantiles(beat.gaps, n=100)[98] if beat.gaps else 0.0
            # One site again through the pane's own button (its articles are known now).
            await pane.load(1)
            beat.start()
            started = time.perf_counter()
            await pane.patrol()
            figures["one_wall"] = time.perf_counter() - started
            await beat.tick()
            figures["one_worst"] = beat.worst()
            pane.close()
            database.close()

        run_on_qt(measure)
        # Built once per process before the headless patrol, as the headless bench does (the
        # GUI's patrol builds them in its worker): the normalisation table and the extractor.
        normalise("")
        main_text("<html><body><p>预热</p></body></html>")
        base_wall, base_pages = headless(base_sessions, dialer, at_once)
        for sessions in (gui_sessions, base_sessions):
            engine_of(sessions).dispose()
    verdict = "met" if figures["worst"] <= STALL_BUDGET_MS else "MISSED"
    print(
        f"from the GUI: {figures['sites']:.0f} sites, {figures['pages']:.0f} pages, stored, "
        f"{figures['wall']:.1f} s; UI stall worst {figures['worst']:.0f} ms "
        f"(at {figures['worst_at']:.1f} s, the process running {figures['worst_busy']:.0f} ms "
        f"of it), p99 "
        f"{figures['p99']:.1f} ms (budget ≤ {STALL_BUDGET_MS:.0f} ms: {verdict}); one site "
        f"with the 巡查 button {figures['one_wall']:.1f} s, worst stall "
        f"{figures['one_worst']:.0f} ms"
    )
    print(
        f"the window idle for {IDLE_S:.0f} s before (baseline): worst stall "
        f"{figures['idle_worst']:.0f} ms (the process running {figures['idle_busy']:.0f} ms of "
        f"it), p99 {figures['idle_p99']:.1f} ms"
    )
    print(f"longest garbage collections during the GUI's patrol: {collections.worst()}")
    slowest = sorted(shows, reverse=True)[:3]
    print(
        "longest updates of the pane: " + ", ".join(f"{ms:.0f} ms ({n} rows)" for ms, n in slowest)
    )
    print(
        f"headless baseline (same patrol, stored, no Qt): {base_wall:.1f} s, {base_pages} pages; "
        f"GUI / headless ×{figures['wall'] / base_wall:.2f}"
    )
