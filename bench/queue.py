"""Concurrent reviewers draining the audit queue: nothing decided twice, nothing lost.

    python -m bench.queue [--engines sqlite,postgresql,mariadb] [--items 20000]

On each engine, fills a scratch database with ``--items`` pending items, then starts N
processes (8 on the servers, 4 on SQLite) that each claim 20 at a time and decide them one
by one (approve, return, take down, whitelist in turn), each decision in its own transaction
with its journal entry. Prints throughput, deadlock retries, and checks that every item was
decided exactly once (by the processes' own tallies, the item states and the journal). The
baseline is one process draining a tenth of the items on the same engine.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import URL, make_url

from console import review as queue
from console.db import engine_of, open_database
from console.schema import JournalEntry, QueueItem
from tests.core.queue_cluster import queue_cluster
from tests.engines import scratch_database

CLAIM = 20
DECISIONS = (
    (queue.Decision.APPROVE, ""),
    (queue.Decision.RETURN, "请修改"),
    (queue.Decision.TAKE_DOWN, "撤稿"),
    (queue.Decision.WHITELIST, ""),
)


def drain(url: str, operator_id: int, start: Any, results: Any) -> None:
    """One reviewer's process: claim and decide until the queue is empty."""
    sessions = open_database(make_url(url))
    retries = 0
    decided: list[int] = []
    claim_times: list[float] = []
    decide_times: list[float] = []

    def retried() -> None:
        nonlocal retries
        retries += 1

    start.wait()
    while True:
        began = time.perf_counter()
        ids = queue.in_transaction(
            sessions, lambda s: [i.id for i in queue.claim(s, operator_id, CLAIM)], retried=retried
        )
        claim_times.append(time.perf_counter() - began)
        if not ids:
            break
        for item_id in ids:
            decision, note = DECISIONS[item_id % len(DECISIONS)]
            began = time.perf_counter()
            queue.in_transaction(
                sessions,
                lambda s, i=item_id, d=decision, n=note: queue.decide(s, i, operator_id, d, n),
                retried=retried,
            )
            decide_times.append(time.perf_counter() - began)
            decided.append(item_id)
    engine_of(sessions).dispose()
    results.put((decided, retries, claim_times, decide_times))


def run_drain(url: URL, reviewers: list[int], workers: int) -> dict[str, Any]:
    """Start ``workers`` processes and wait for them; what they did and how long it took."""
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    results = context.Queue()
    text = url.render_as_string(hide_password=False)
    processes = [
        context.Process(target=drain, args=(text, reviewers[i], start, results))
        for i in range(workers)
    ]
    for process in processes:
        process.start()
    time.sleep(2.0)  # let every process import and connect before the clock starts
    began = time.perf_counter()
    start.set()
    gathered = [results.get(timeout=1800) for _ in processes]
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join(timeout=60)
    decided = Counter(item for done, *_ in gathered for item in done)
    return {
        "elapsed": elapsed,
        "decided": decided,
        "retries": sum(r for _, r, _, _ in gathered),
        "claims": [t for *_, c, _ in gathered for t in c],
        "decides": [t for *_, d in gathered for t in d],
    }


def check(url: URL, items: int, outcome: dict[str, Any]) -> tuple[int, int, int]:
    """(decided twice, lost, journal entries not one per item) — all must be 0."""
    decided: Counter[int] = outcome["decided"]
    twice = sum(1 for n in decided.values() if n > 1)
    sessions = open_database(url)
    with sessions() as session:
        open_items = session.scalar(
            select(func.count()).where(QueueItem.state.in_(("pending", "claimed")))
        )
        journalled = Counter(
            session.scalars(
                select(JournalEntry.target_id).where(JournalEntry.target_type == "queue_item")
            )
        )
    engine_of(sessions).dispose()
    lost = items - len(decided) + (open_items or 0)
    bad_journal = sum(1 for n in journalled.values() if n != 1) + (items - len(journalled))
    return twice, lost, bad_journal


def bench_engine(engine: str, items: int, workers: int, scratch: Path) -> None:
    """Baseline (one process, a tenth of the items), then ``workers`` processes on ``items``."""
    figures = {}
    for label, count, procs in (
        ("1 process", max(items // 10, 100), 1),
        (f"{workers} processes", items, workers),
    ):
        with scratch_database(engine, scratch) as url:
            sessions = open_database(url, upgrade_schema=True)
            cluster = queue_cluster(sessions, count, reviewers=procs)
            engine_of(sessions).dispose()
            outcome = run_drain(url, cluster.reviewers, procs)
            twice, lost, bad_journal = check(url, count, outcome)
        rate = count / outcome["elapsed"]
        figures[label] = rate
        print(
            f"{engine:10} {label:12} {count:6} items in {outcome['elapsed']:6.1f} s: "
            f"{rate:7.0f} decisions/s; claim of {CLAIM} median "
            f"{statistics.median(outcome['claims']) * 1000:6.1f} ms, decide median "
            f"{statistics.median(outcome['decides']) * 1000:5.1f} ms; deadlock retries "
            f"{outcome['retries']}; decided twice {twice}, lost {lost}, journal mismatches "
            f"{bad_journal}",
            flush=True,
        )
        if twice or lost or bad_journal:
            print(f"{engine}: FAILED exactly-once", file=sys.stderr)
    base = figures["1 process"]
    print(
        f"{engine:10} throughput ratio {workers} processes / 1 process: "
        f"{figures[f'{workers} processes'] / base:.2f}",
        flush=True,
    )


def main() -> None:
    """Parse arguments and run the benchmark on each engine."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engines", default="sqlite,postgresql,mariadb")
    parser.add_argument("--items", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for engine in args.engines.split(","):
            workers = 4 if engine == "sqlite" else 8
            bench_engine(engine, args.items, workers, Path(scratch))


if __name__ == "__main__":
    main()
