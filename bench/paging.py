"""Keyset pages of the site list against OFFSET pages, at growing depth, on one engine.

    python -m bench.paging [--db URL] [--sites 100000] [--repeat 7]

Prints the median time to fetch one 200-row page at several depths with the console's keyset
pager, and with LIMIT/OFFSET (the baseline) over the same query, and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, insert, select

from console.base.listing import PAGE_SIZE, Query, _base, _sort_expr, fetch_page
from console.db import SessionFactory, engine_of, open_database
from console.schema import Site, SiteDomain, utcnow
from console.sites.service import SITES


def fill(sessions: SessionFactory, count: int) -> None:
    """Insert ``count`` department sites with one main domain each (if the table is empty)."""
    with sessions() as session:
        if session.scalar(select(func.count()).select_from(Site)):
            return
    now = utcnow()
    batch = 5_000
    for start in range(0, count, batch):
        ids = range(start + 1, min(start + batch, count) + 1)
        with sessions.begin() as session:
            session.execute(
                insert(Site),
                [
                    {
                        "id": i,
                        "code": f"{331200 + i // 10_000:06d}{i % 10_000:04d}",
                        "name": f"测试单位{i:06d}",
                        "kind": "department",
                        "region_code": "331200",
                        "organiser_name": f"测试单位{i:06d}",
                        "organiser_uscc": "1" * 18,
                        "organiser_type": "government",
                        "state": "running",
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                    }
                    for i in ids
                ],
            )
            session.execute(
                insert(SiteDomain),
                [
                    {"site_id": i, "domain": f"s{i}.bench.gov.cn", "is_main": True, "version": 1}
                    for i in ids
                ],
            )


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    """Run the comparison and print one line per depth."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--sites", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = args.db or f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
        sessions = open_database(url, upgrade_schema=True)
        fill(sessions, args.sites)
        query = Query(sort="name")
        sort = _sort_expr(SITES, query)
        print(f"engine={engine_of(sessions).dialect.name} sites={args.sites} page={PAGE_SIZE}")
        print(f"{'depth':>8} {'keyset ms':>10} {'offset ms':>10} {'offset/keyset':>14}")
        for depth in (0, args.sites // 10, args.sites // 2, args.sites - PAGE_SIZE):
            with sessions() as session:
                key = None
                if depth:
                    key = session.execute(
                        _base(SITES, query)
                        .add_columns(sort)
                        .order_by(sort, SITES.id_expr)
                        .offset(depth - 1)
                        .limit(1)
                    ).one()
                    key = (key[-1], key[0])
                statement = (
                    _base(SITES, query).order_by(sort, SITES.id_expr).offset(depth).limit(PAGE_SIZE)
                )
                keyset = median_ms(lambda k=key: fetch_page(session, SITES, query, k), args.repeat)
                offset = median_ms(lambda s=statement: session.execute(s).all(), args.repeat)
            print(f"{depth:>8} {keyset:>10.2f} {offset:>10.2f} {offset / keyset:>14.1f}")
        engine_of(sessions).dispose()


if __name__ == "__main__":
    main()
