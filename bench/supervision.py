"""The 监管 tab over 2,000 sites and 1,000,000 posts: figures' load time, UI-thread stalls.

    QT_QPA_PLATFORM=offscreen python -m bench.supervision [--sites 2000] [--posts 1000000]

Fills a scratch SQLite file by bulk inserts (a city portal, 40 county portals, departments
under them; 10 columns a site; posts over a year; hourly probes over 8 days; 20,000 queue
items), then prints medians of 3 runs of:

- the figures (``overview``: headline, ranking, one trend window) for the whole cluster and
  for one county, against the baseline of the inspection alone (``inspect_sites``, which the
  figures include) measured in the same run;
- opening the 监管 tab as the system administrator: time to figures shown and the longest
  stall of a 5 ms heartbeat QTimer on the UI thread while it loads (budget: none over 50 ms);
  the figures are computed in a worker process (``ui/supervision/elsewhere.py``), since on a
  thread their Python work held the interpreter's lock for up to a second at this size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import URL

from bench.gui import Heartbeat, run_on_qt, until
from console.base import clock
from console.db import SessionFactory, engine_of, open_database
from console.operators import service as operators
from console.presets.inspection import inspect_sites
from console.supervision.service import overview
from tests.staff import PASSWORD, bootstrap_staff

COUNTIES = 40
COLUMNS = 10
TYPES = ("news", "notice", "policy", "disclosure", "service", "interaction", "other")
NOW = dt.datetime(2026, 12, 7, 2)
BATCH = 100_000


def _site_rows(sites: int) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    stamp = "2025-01-01 00:00:00"

    def add(sid: int, code: str, kind: str, parent: int | None, region: str) -> None:
        rows.append((sid, code, f"站点{sid}", kind, parent, region, f"单位{sid}",
                     "11331200MB0000000X", "government", "running", 1, "2025-01-01",
                     "2026-12-01 00:00:00", stamp, stamp, 1, "", "", ""))  # fmt: skip

    add(1, "3312000001", "portal_city", None, "331200")
    for county in range(1, COUNTIES + 1):
        add(1 + county, f"3312{county:02d}0001", "portal_county", 1, f"3312{county:02d}")
    for n in range(COUNTIES + 2, sites + 1):
        county = n % COUNTIES + 1
        add(n, f"3312{county:02d}{n:04d}", "department", 1 + county, f"3312{county:02d}")
    return rows


def fill(path: Path, sites: int, posts: int) -> None:
    """Operators through the services; sites, columns, posts, probes, queue by bulk inserts."""
    sessions = open_database(URL.create("sqlite", database=str(path)))
    bootstrap_staff(sessions)
    engine_of(sessions).dispose()
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    db.executemany(
        "INSERT INTO sites (id, code, name, kind, parent_id, region_code, organiser_name, "
        "organiser_uscc, organiser_type, state, publish_requires_review, opened_on, "
        "home_updated_at, created_at, updated_at, version, contact_name, contact_phone, "
        "contact_email) VALUES (" + ",".join("?" * 19) + ")",
        _site_rows(sites),
    )
    columns = [
        (
            s * COLUMNS + c,
            s,
            f"/{s * COLUMNS + c}/",
            f"栏目{c}",
            f"c{c}",
            TYPES[c % len(TYPES)],
            c,
            1,
        )
        for s in range(1, sites + 1)
        for c in range(COLUMNS)
    ]
    db.executemany(
        "INSERT INTO site_columns (id, site_id, path, name, code, column_type, position, "
        "version) VALUES (?,?,?,?,?,?,?,?)",
        columns,
    )
    rng = random.Random(7)
    start = NOW - dt.timedelta(days=365)
    for first in range(1, posts + 1, BATCH):
        rows = []
        for n in range(first, min(first + BATCH, posts + 1)):
            site = rng.randint(1, sites)
            at = (start + dt.timedelta(seconds=rng.randint(0, 365 * 86400))).isoformat(sep=" ")
            rows.append((n, site, site * COLUMNS + rng.randrange(COLUMNS), f"稿件{n}", "正文",
                         "", at, at, f"h{n}", "published"))  # fmt: skip
        db.executemany(
            "INSERT INTO posts (id, site_id, column_id, title, body, url, published_at, "
            "updated_at, content_hash, status) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    probes = [
        (site, (NOW - dt.timedelta(hours=h)).isoformat(sep=" "), "https://x/",
         rng.random() > 0.03, 200, 300, 15000)
        for site in range(1, sites + 1) for h in range(1, 8 * 24 + 1)
    ]  # fmt: skip
    db.executemany(
        "INSERT INTO probe_results (site_id, probed_at, url, ok, status, latency_ms, "
        "timeout_ms) VALUES (?,?,?,?,?,?,?)",
        probes,
    )
    queue = []
    for n in range(1, 20_001):
        post = rng.randint(1, posts)
        created = NOW - dt.timedelta(hours=rng.randint(1, 24 * 90))
        decided = created + dt.timedelta(hours=rng.randint(1, 72)) if n % 3 else None
        queue.append((post, f"h{post}", "[]", 1, 0, "approved" if decided else "pending",
                      decided.isoformat(sep=" ") if decided else None,
                      created.isoformat(sep=" "), "", 1))  # fmt: skip
    db.executemany(
        "INSERT INTO queue_items (post_id, content_hash, findings, finding_count, priority, "
        "state, decided_at, created_at, decision_note, version) VALUES (?,?,?,?,?,?,?,?,?,?)",
        queue,
    )
    db.commit()
    db.close()


def _median(work: object, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def core_figures(sessions: SessionFactory) -> None:
    reader = operators.login(sessions, "reviewer", PASSWORD)
    as_of = clock.local_date(NOW, clock.zone_named("Asia/Shanghai"))

    def inspection() -> None:
        with sessions() as session:
            inspect_sites(session, as_of)

    base = _median(inspection)
    whole = _median(lambda: overview(sessions, reader, None, as_of, (30,)))
    yearly = _median(lambda: overview(sessions, reader, None, as_of, (365,)))
    county = _median(lambda: overview(sessions, reader, 2, as_of, (30,)))
    print(f"baseline inspect_sites (whole cluster): {base * 1000:8.0f} ms")
    print(f"overview, whole cluster, 30 days:       {whole * 1000:8.0f} ms  ({whole / base:.2f}x)")
    print(
        f"overview, whole cluster, 365 days:      {yearly * 1000:8.0f} ms  ({yearly / base:.2f}x)"
    )
    print(
        f"overview, one county, 30 days:          {county * 1000:8.0f} ms  ({county / base:.2f}x)"
    )


async def tab_stall(sessions: SessionFactory) -> None:
    from ui.main_window import MainWindow
    from ui.supervision.tab import SupervisionTab
    from ui.tasks import Database

    database = Database(sessions)
    actor = await database.call(operators.login, "sysadmin", PASSWORD)
    window = MainWindow(database, actor, "bench")
    window.show()
    gc.freeze()  # as the console does once its window is up (ui/app.py)
    tab = window.area_tabs["supervision"]
    assert isinstance(tab, SupervisionTab)
    beat = Heartbeat()
    beat.start()
    await until(lambda: tab.seen is not None, 600)  # the load the window starts on showing
    beat.start()  # baseline: the same window, idle, for as long as a load takes
    idle_until = time.perf_counter() + 5
    await until(lambda: time.perf_counter() > idle_until, 60)
    idle = beat.worst()
    loads, stalls = [], []
    for _ in range(3):
        beat.start()
        began = time.perf_counter()
        await tab.refresh()
        loads.append(time.perf_counter() - began)
        await beat.tick()
        stalls.append(beat.worst())
    print(f"监管 tab, figures shown:                 {statistics.median(loads) * 1000:8.0f} ms")
    print(f"监管 tab, worst UI stall while loading:   {statistics.median(stalls):8.1f} ms "
          f"(budget 50 ms; max of 3 runs {max(stalls):.1f} ms)")  # fmt: skip
    print(f"baseline, the window idle for 5 s:       {idle:8.1f} ms "
          f"(loading / idle: {statistics.median(stalls) / max(idle, 0.1):.1f}x)")  # fmt: skip
    window.close()
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--tab-only", action="store_true", help="skip the figures' medians")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        began = time.perf_counter()
        fill(path, args.sites, args.posts)
        print(
            f"filled {args.sites} sites, {args.posts} posts in {time.perf_counter() - began:.0f} s"
        )
        sessions = open_database(URL.create("sqlite", database=str(path)))
        if not args.tab_only:
            core_figures(sessions)
        run_on_qt(lambda: tab_stall(sessions))
        engine_of(sessions).dispose()


if __name__ == "__main__":
    main()
