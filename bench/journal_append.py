"""Appending to the journal: the server's routine against the console chaining it itself.

    python -m bench.journal_append [--engines postgresql,mariadb] [--entries 300]

On each server engine, a scratch database; ``--entries`` appends, each in its own transaction,
first through ``journal_append`` (what consoles do now), then chained by the console the way
SQLite still is (the baseline: UPDATE the head, read it, INSERT the entry, UPDATE the head).
Prints the median time per append, the statements each sends (round trips over a network) and
the ratio against the baseline measured in the same run. Then ``--bulk`` entries in one
transaction, five times: ``record_many`` (one call of ``journal_append_many`` a batch) against
one ``journal_append`` call per entry sent together in one round trip (the baseline).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from console.base import journal
from console.base.actor import Actor
from console.db import SessionFactory, engine_of, open_database
from console.db.batch import run_together
from console.schema import Duty
from tests.engines import scratch_database

ACTOR = Actor(None, "bench", frozenset({Duty.SYSTEM_ADMIN}))


def _measure(
    sessions: SessionFactory, entries: int, append: Callable[..., Any]
) -> tuple[float, float]:
    """Median seconds per append, and statements per append."""
    statements = 0

    def counted(*_args: Any) -> None:
        nonlocal statements
        statements += 1

    engine = engine_of(sessions)
    times: list[float] = []
    event.listen(engine, "before_cursor_execute", counted)
    try:
        for index in range(entries):
            began = time.perf_counter()
            with sessions.begin() as session:
                append(
                    session,
                    ACTOR,
                    journal.Change("bench.append", "site", index, f"站点 {index}", None, {"k": 1}),
                )
            times.append(time.perf_counter() - began)
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    return statistics.median(times), statements / entries


def _per_entry(session: Any, actor: Actor, changes: list[journal.Change]) -> None:
    """The baseline: one call of the single-entry routine per change, sent together."""
    session.flush()
    run_together(session, [journal._append_call(session, actor, c) for c in changes])


def _bulk(sessions: SessionFactory, entries: int, append: Callable[..., Any]) -> float:
    """Median seconds to append ``entries`` entries in one transaction (five runs)."""
    times: list[float] = []
    for run in range(5):
        changes = [
            journal.Change("bench.import", "site", i, f"站点 {run}-{i}", None, {"k": i})
            for i in range(entries)
        ]
        began = time.perf_counter()
        with sessions.begin() as session:
            # An import writes its rows first; the journal's statements follow in its transaction.
            session.execute(text("UPDATE cluster_settings SET value = value WHERE 1 = 0"))
            append(session, ACTOR, changes)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engines", default="postgresql,mariadb")
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--bulk", type=int, default=2_000)
    args = parser.parse_args()
    for engine in args.engines.split(","):
        with (
            tempfile.TemporaryDirectory() as scratch,
            scratch_database(engine, Path(scratch)) as url,
        ):
            sessions = open_database(url, upgrade_schema=True)
            server, server_sql = _measure(sessions, args.entries, journal._appended_by_server)
            console, console_sql = _measure(sessions, args.entries, journal._chained_here)
            many = _bulk(sessions, args.bulk, journal.record_many)
            single = _bulk(sessions, args.bulk, _per_entry)
            verified = journal.verify(sessions, Actor(None, "aud", frozenset({Duty.AUDIT_ADMIN})))
            engine_of(sessions).dispose()
        print(
            f"{engine:10s} server routine {server * 1000:6.2f} ms/append"
            f" ({server_sql:.0f} statements) | console-chained baseline {console * 1000:6.2f} ms"
            f" ({console_sql:.0f} statements)"
            f" | ratio {console / server:4.2f}x | chain intact: {verified.intact}"
        )
        print(
            f"{engine:10s} {args.bulk} entries: journal_append_many {many * 1000:7.1f} ms"
            f" | one call each, sent together (baseline) {single * 1000:7.1f} ms"
            f" | ratio {single / many:4.2f}x"
        )


if __name__ == "__main__":
    main()
