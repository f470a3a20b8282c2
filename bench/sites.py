"""The 站点 tab over a large register against a load-everything model, in one run.

    QT_QPA_PLATFORM=offscreen python -m bench.sites [--sites 20000] [--repeat 5]

Fills a scratch SQLite file with a city portal, 40 county portals and departments under them
(``--sites`` in all), then measures on the UI thread, with a 5 ms heartbeat timer:

* the console: the main window opens on the 站点 tab (lazy tree, keyset-paged list, SQL
  filters); time to the first rows, the worst stall, and the time until the list answers each
  filter (kind, state, a county's subtree, quick text);
* the baseline: what a simple console does — read every site of the same query into a
  QStandardItemModel and filter with a QSortFilterProxyModel on the UI thread.

Memory: Python allocations (tracemalloc peak) and resident-set growth of each. Figures are
medians of ``--repeat`` runs of each filter; the ratio is baseline / console.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import case, update

from bench.gui import Heartbeat, rss_mb, run_on_qt, until
from bench.paging import fill
from console.base.listing import Query, _base
from console.db import SessionFactory, engine_of, open_database
from console.operators import service as operators
from console.schema import Site
from console.sites.service import SITES
from tests.staff import PASSWORD, bootstrap_staff

COUNTIES = 40
COUNTY_ID = 9
COUNTY_NAME = f"测试单位{COUNTY_ID:06d}"


def shape(sessions: SessionFactory) -> None:
    """Make the flat register a tree: site 1 the city portal, 2..41 county portals."""
    with sessions.begin() as session:
        session.execute(
            update(Site).values(
                kind=case(
                    (Site.id == 1, "portal_city"),
                    (Site.id <= COUNTIES + 1, "portal_county"),
                    else_="department",
                ),
                parent_id=case(
                    (Site.id == 1, None),
                    (Site.id <= COUNTIES + 1, 1),
                    else_=2 + Site.id % COUNTIES,
                ),
                state=case((Site.id % 10 == 0, "changing"), else_="running"),
            )
        )
    bootstrap_staff(sessions)


class Meter:
    """Wall time, worst UI stall and memory growth of one measured step."""

    def __init__(self, beat: Heartbeat) -> None:
        self.beat = beat

    def __enter__(self) -> Meter:
        tracemalloc.start()
        self.rss = rss_mb()
        self.beat.start()
        self.began = time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.ms = (time.perf_counter() - self.began) * 1000
        self.stall = self.beat.worst()
        self.peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        self.rss_growth = rss_mb() - self.rss


async def console_figures(sessions: SessionFactory, repeat: int) -> dict[str, Any]:
    """Open the window on the 站点 tab and time each filter until the list answers."""
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow
    from ui.sites.filters import SiteFilter
    from ui.sites.tab import SitesTab
    from ui.tasks import Database

    database = Database(sessions)
    actor = await database.call(operators.login, "sysadmin", PASSWORD)
    beat = Heartbeat()
    with Meter(beat) as opening:
        window = MainWindow(database, actor, "bench.sqlite3")
        window.resize(1400, 820)
        tab = window.area_tabs["sites"]
        assert isinstance(tab, SitesTab) and tab.pane is not None
        window.tabs.setCurrentWidget(tab)
        window.show()
        await until(lambda: tab.pane is not None and tab.pane.model.rowCount() > 0)
    pane = tab.pane
    loads = [0]
    pane.model.loaded.connect(lambda _when: loads.__setitem__(0, loads[0] + 1))
    root = tab.tree_model.root_index()
    await until(lambda: tab.tree_model.rowCount(root) > 0)
    portal = tab.tree_model.index(0, 0, root)
    tab.tree_model.fetchMore(portal)
    await until(lambda: tab.tree_model.rowCount(portal) >= COUNTIES)
    county = next(
        tab.tree_model.index(r, 0, portal)
        for r in range(tab.tree_model.rowCount(portal))
        if tab.tree_model.index(r, 0, portal).data(Qt.ItemDataRole.UserRole) == COUNTY_ID
    )

    changes: dict[str, Callable[[], None]] = {
        "kind = county portal": lambda: tab.filters.kind.setCurrentIndex(
            tab.filters.kind.findData("portal_county")
        ),
        "state = 变更": lambda: tab.filters.state.setCurrentIndex(
            tab.filters.state.findData("changing")
        ),
        "one county's subtree": lambda: tab.tree.setCurrentIndex(county),
        "quick text": lambda: pane.model.set_text_filter("测试单位01234"),
    }
    figures: dict[str, Any] = {"open": opening}
    for label, change in changes.items():
        times, stalls, shown = [], [], ""
        for _ in range(repeat):
            tab.apply_filter(SiteFilter())
            await pane.refresh()
            seen = loads[0]
            with Meter(beat) as step:
                change()
                await until(lambda seen=seen: loads[0] > seen, timeout=120)
            times.append(step.ms)
            stalls.append(step.stall)
            shown = pane.counts.text()
        figures[label] = (statistics.median(times), max(stalls), shown)
    beat.timer.stop()
    window.close()
    database.close()
    return figures


async def baseline_figures(sessions: SessionFactory, repeat: int) -> dict[str, Any]:
    """Read every site into a QStandardItemModel and filter it with a proxy, on the UI thread."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    beat = Heartbeat()

    def column(key: str) -> int:
        return 1 + next(i for i, f in enumerate(SITES.fields) if f.key == key)

    with Meter(beat) as opening:
        with sessions() as session:
            rows = session.execute(_base(SITES, Query())).all()
        model = QStandardItemModel(len(rows), len(SITES.fields) + 1)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                model.setItem(r, c, QStandardItem("" if value is None else str(value)))
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setFilterKeyColumn(-1)
        view = QTableView()
        view.setModel(proxy)
        view.resize(1000, 700)
        view.show()
        await beat.tick()
    changes: dict[str, Callable[[], None]] = {
        "kind = county portal": lambda: (
            proxy.setFilterKeyColumn(column("kind")),
            proxy.setFilterFixedString("portal_county"),
        ),
        "state = 变更": lambda: (
            proxy.setFilterKeyColumn(column("state")),
            proxy.setFilterFixedString("changing"),
        ),
        "one county's subtree": lambda: (
            proxy.setFilterKeyColumn(column("parent")),
            proxy.setFilterRegularExpression(f"^{COUNTY_NAME}$"),
        ),
        "quick text": lambda: (
            proxy.setFilterKeyColumn(-1),
            proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive),
            proxy.setFilterFixedString("测试单位01234"),
        ),
    }
    figures: dict[str, Any] = {"open": opening}
    for label, change in changes.items():
        times, stalls = [], []
        for _ in range(repeat):
            proxy.setFilterFixedString("")
            await beat.tick()
            with Meter(beat) as step:
                change()
                await beat.tick()
            times.append(step.ms)
            stalls.append(step.stall)
        figures[label] = (statistics.median(times), max(stalls), f"{proxy.rowCount()} rows")
    beat.timer.stop()
    view.close()
    return figures


async def measure(sessions: SessionFactory, sites: int, repeat: int) -> None:
    """Print both sets of figures side by side."""
    ours = await console_figures(sessions, repeat)
    naive = await baseline_figures(sessions, repeat)
    print(f"engine={engine_of(sessions).dialect.name} sites={sites} repeat={repeat}")
    o, n = ours["open"], naive["open"]
    print(
        f"open: console first rows {o.ms:.0f} ms (worst stall {o.stall:.0f} ms, "
        f"tracemalloc peak {o.peak_mb:.1f} MiB, RSS +{o.rss_growth:.0f} MiB); "
        f"load-everything {n.ms:.0f} ms (worst stall {n.stall:.0f} ms, "
        f"tracemalloc peak {n.peak_mb:.1f} MiB, RSS +{n.rss_growth:.0f} MiB); "
        f"ratio {n.ms / o.ms:.1f}"
    )
    print(f"{'filter':24} {'console ms':>10} {'stall':>6} {'baseline ms':>11} {'stall':>6}  shown")
    for label in list(ours)[1:]:
        ms, stall, shown = ours[label]
        base_ms, base_stall, base_shown = naive[label]
        print(
            f"{label:24} {ms:>10.0f} {stall:>6.0f} {base_ms:>11.0f} {base_stall:>6.0f}  "
            f"{shown} | {base_shown}"
        )


def main() -> None:
    """Fill a scratch register and run the comparison."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sites", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        sessions = open_database(
            f"sqlite:///{Path(scratch) / 'sites.sqlite3'}", upgrade_schema=True
        )
        fill(sessions, args.sites)
        shape(sessions)
        run_on_qt(lambda: measure(sessions, args.sites, args.repeat))
        engine_of(sessions).dispose()


if __name__ == "__main__":
    main()
