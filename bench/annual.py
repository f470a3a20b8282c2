"""The annual reports of a demo city's year: set-based against one site at a time.

    python -m bench.annual [--db URL] [--sites 300] [--posts 30000] [--sample 30] [--repeat 3]

Counts every SQL statement and times, as medians: ``build_reports`` for every running site
at once (a fixed handful of queries per 100 sites) against building each site's report on
its own (the baseline, run on ``--sample`` sites; figures per site). Then writing every
report as XLSX and PDF plus the summary (``write_reports``), per site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from bench.presets import Counter
from console.annual.documents import write_reports
from console.annual.report import REPORTED_STATES, build_reports
from console.base.actor import Actor
from console.db import SessionFactory, engine_of, open_database
from console.demo import generate
from console.schema import Duty, Site

READER = Actor(None, "bench", frozenset({Duty.SYSTEM_ADMIN}))
AS_OF = dt.date(2026, 3, 1)
YEAR = 2025


def timed(work: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` runs of ``work``, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db")
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument("--posts", type=int, default=30_000)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = args.db or f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
        sessions = open_database(url, upgrade_schema=True)
        try:
            run(sessions, args, Path(scratch))
        finally:
            engine_of(sessions).dispose()


def run(sessions: SessionFactory, args: argparse.Namespace, scratch: Path) -> None:
    generate(sessions, sites=args.sites, posts=args.posts, as_of=AS_OF)
    with sessions() as session:
        codes = list(
            session.scalars(
                select(Site.code).where(Site.state.in_(REPORTED_STATES)).order_by(Site.code)
            )
        )
    counter = Counter(sessions)
    with counter.counting() as together_count:
        build_reports(sessions, READER, YEAR)
    together = timed(lambda: build_reports(sessions, READER, YEAR), args.repeat)
    sample = codes[: args.sample]
    with counter.counting() as alone_count:
        for code in sample:
            build_reports(sessions, READER, YEAR, [code])

    def one_by_one() -> None:
        for code in sample:
            build_reports(sessions, READER, YEAR, [code])

    alone = timed(one_by_one, args.repeat) / len(sample)
    per_site = together / len(codes)
    print(f"{len(codes)} running sites, {args.posts} posts, year {YEAR}")
    print(
        f"build_reports, all at once: {together:.3f} s ({per_site * 1000:.2f} ms/site), "
        f"{together_count[0]} statements"
    )
    print(
        f"one site at a time (baseline, {len(sample)} sites): {alone * 1000:.2f} ms/site, "
        f"{alone_count[0] / len(sample):.1f} statements/site"
    )
    print(f"ratio baseline / set-based per site: {alone / per_site:.1f}x")
    out = scratch / "reports"
    out.mkdir()
    writing = timed(lambda: write_reports(sessions, READER, YEAR, out), 1)
    print(f"write_reports (XLSX + PDF per site, summary): {writing:.2f} s, "
          f"{writing / len(codes) * 1000:.1f} ms/site")  # fmt: skip


if __name__ == "__main__":
    main()
