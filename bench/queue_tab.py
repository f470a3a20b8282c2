"""The 内容审核 tab over a million queue items: first rows, UI-thread stalls, memory.

    QT_QPA_PLATFORM=offscreen python -m bench.queue_tab [--items 1000000] [--pages 100]

Fills a scratch SQLite file with ``--items`` posts and pending items by bulk inserts, opens the
main window as a reviewer on the 内容审核 tab and measures, with a 5 ms heartbeat QTimer on the
UI thread: the time from opening to the first rows, the longest stall between heartbeats while
scrolling ``--pages`` pages down and while changing filters, and the process's resident memory
before and after. Budgets: first rows ≤ 300 ms, no stall over 50 ms, memory bounded by the
pages loaded (not by the size of the queue).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import URL

from bench.gui import Heartbeat, rss_mb, run_on_qt, until
from console.db import engine_of, open_database
from console.operators import service as operators
from console.review import findings_json
from tests.core.queue_cluster import body_of, queue_cluster
from tests.staff import PASSWORD

BATCH = 50_000


def fill(path: Path, items: int) -> None:
    """Operators and sites through the services, then posts and items by raw bulk inserts."""
    sessions = open_database(URL.create("sqlite", database=str(path)))
    queue_cluster(sessions, 0, sites=300)
    engine_of(sessions).dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    start = dt.datetime(2025, 1, 1)
    for first in range(1, items + 1, BATCH):
        posts, queue = [], []
        for n in range(first, min(first + BATCH, items + 1)):
            body, findings = body_of(n)
            title = f"关于第{n}号事项的通知"
            digest = hashlib.sha256((title + body).encode()).hexdigest()
            at = (start + dt.timedelta(seconds=20 * n)).isoformat(sep=" ")
            site = n % 300 + 1
            posts.append(
                (
                    n,
                    site,
                    title,
                    body,
                    f"https://d{site}.yunxi.gov.cn/{n}.html",
                    at,
                    at,
                    digest,
                    digest,
                    "published",
                )
            )
            queue.append(
                (
                    n,
                    n,
                    digest,
                    findings_json(findings),
                    2,
                    max(int(f["severity"]) for f in findings),
                    "pending",
                    "",
                    at,
                    1,
                )
            )
        connection.executemany(
            "INSERT INTO posts (id, site_id, title, body, url, published_at, updated_at,"
            " content_hash, screened_hash, status) VALUES (?,?,?,?,?,?,?,?,?,?)",
            posts,
        )
        connection.executemany(
            "INSERT INTO queue_items (id, post_id, content_hash, findings, finding_count,"
            " priority, state, decision_note, created_at, version) VALUES (?,?,?,?,?,?,?,?,?,?)",
            queue,
        )
        connection.commit()
    connection.execute("ANALYZE")
    connection.close()


async def measure(path: Path, pages: int) -> None:
    """Open the tab on the filled database and print the figures."""
    from ui.main_window import MainWindow
    from ui.review.tab import ReviewTab
    from ui.tasks import Database

    sessions = open_database(URL.create("sqlite", database=str(path)))
    database = Database(sessions)
    actor = await database.call(operators.login, "reviewer", PASSWORD)
    beat = Heartbeat()
    before = rss_mb()
    window = MainWindow(database, actor, path.name)
    tab = window.area_tabs["review"]
    assert isinstance(tab, ReviewTab)
    window.resize(1400, 820)
    beat.start()
    began = time.perf_counter()
    window.tabs.setCurrentWidget(tab)
    window.show()
    await until(lambda: tab.browser.pane.model.rowCount() > 0)
    first_rows = (time.perf_counter() - began) * 1000
    await until(lambda: "(" in tab.browser.status_tabs.tabText(0))
    counts = (time.perf_counter() - began) * 1000
    opening_stall = beat.worst()
    print(
        f"first rows {first_rows:.0f} ms after opening (budget 300); status counts at "
        f"{counts:.0f} ms; worst UI stall while opening {opening_stall:.1f} ms",
        flush=True,
    )

    beat.start()
    view, model = tab.browser.pane.view, tab.browser.pane.model
    page_times = []
    for _ in range(pages):
        rows = model.rowCount()
        began = time.perf_counter()
        view.scrollToBottom()
        if model.canFetchMore():
            model.fetchMore()
        await until(lambda rows=rows: model.rowCount() > rows)
        page_times.append((time.perf_counter() - began) * 1000)
    print(
        f"scrolled {pages} pages to row {model.rowCount()}: next page median "
        f"{statistics.median(page_times):.1f} ms, max {max(page_times):.1f} ms; worst UI "
        f"stall {beat.worst():.1f} ms (budget 50); RSS {before:.0f} → {rss_mb():.0f} MiB",
        flush=True,
    )

    loads = [0]
    for pane in tab.browser.panes_by_status.values():
        pane.model.loaded.connect(lambda _when: loads.__setitem__(0, loads[0] + 1))
    boxes = (tab.browser.severity, tab.browser.site, tab.browser.age, tab.browser.category)
    for label, change in (
        ("severity 高", lambda: tab.browser.severity.setCurrentIndex(2)),
        ("one site", lambda: tab.browser.site.setCurrentIndex(5)),
        ("age > 7 d", lambda: tab.browser.age.setCurrentIndex(4)),
        (
            "category 个人信息",
            lambda: tab.browser.category.setCurrentIndex(tab.browser.category.findData("个人信息")),
        ),
        ("quick text 第12345", lambda: tab.browser.pane.filter.setText("第12345")),
    ):
        for box in boxes:
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        beat.start()
        began = time.perf_counter()
        seen = loads[0]
        change()
        await until(lambda seen=seen: loads[0] > seen, timeout=300)
        took = (time.perf_counter() - began) * 1000
        await until(lambda: True)
        print(
            f"filter {label:18} rows back in {took:7.0f} ms ({tab.browser.pane.counts.text()}); "
            f"worst UI stall {beat.worst():.1f} ms",
            flush=True,
        )
        tab.browser.pane.filter.blockSignals(True)
        tab.browser.pane.filter.clear()
        tab.browser.pane.filter.blockSignals(False)
        tab.browser.pane.model.query = dataclasses.replace(tab.browser.pane.model.query, text="")

    await tab.browser.pane.refresh()
    beat.start()
    await tab.panel.select_row(0)
    print(
        f"detail of the first item shown; worst UI stall {beat.worst():.1f} ms; "
        f"RSS {rss_mb():.0f} MiB",
        flush=True,
    )
    beat.timer.stop()
    window.close()
    database.close()


def main() -> None:
    """Fill (or reuse) the scratch database and run the measurements."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="reuse or keep the database at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.keep or Path(scratch) / "queue.sqlite3"
        if not path.exists():
            began = time.perf_counter()
            fill(path, args.items)
            print(f"filled {args.items} items in {time.perf_counter() - began:.0f} s", flush=True)
        run_on_qt(lambda: measure(path, args.pages))


if __name__ == "__main__":
    main()
