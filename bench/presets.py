"""Applying a 38-column preset to 2,000 sites, and their inspection risk, against naive loops.

    python -m bench.presets [--db URL] [--sites 2000] [--sample 200] [--repeat 3]

Counts every SQL statement (a ``before_cursor_execute`` listener) and times, as medians:

- apply: the console's ``apply_version`` (one transaction per site: a fixed handful of
  statements whatever the number of columns) against a naive apply that inserts and flushes
  one column at a time (run on ``--sample`` sites, figures per site);
- re-apply of the same version (nothing to write: the plan alone);
- inspection risk of every site: ``inspect_sites`` (the settings, then a few set-based queries
  per 500 sites) against inspecting each site on its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, insert, update

from console.base import journal
from console.base.actor import Actor
from console.db import SessionFactory, engine_of, open_database
from console.presets import service as presets
from console.presets.apply import apply_version
from console.presets.files import PresetFile, default_presets
from console.presets.inspection import Inspection, inspect_sites
from console.presets.plan import load_target_version
from console.schema import Duty, Site, SiteColumn, SiteKind, utcnow

ADMIN = Actor(None, "bench", frozenset({Duty.SYSTEM_ADMIN}))
AS_OF = dt.date(2026, 11, 1)


class Counter:
    """Counts statements sent to the database while ``counting``."""

    def __init__(self, sessions: SessionFactory) -> None:
        self.statements = 0
        event.listen(engine_of(sessions), "before_cursor_execute", self._seen)

    def _seen(self, *_args: Any) -> None:
        self.statements += 1

    @contextmanager
    def counting(self) -> Iterator[list[int]]:
        """Yields a one-item list that holds the count once the block ends."""
        start, box = self.statements, [0]
        yield box
        box[0] = self.statements - start


def preset_38() -> PresetFile:
    """The shipped portal preset (8 + 30 columns), as a department preset for the bench sites."""
    portal = next(p for p in default_presets() if p.site_kind is SiteKind.CITY_PORTAL)
    assert portal.column_count() == 38, portal.column_count()
    return replace(portal, name="基准预设", site_kind=SiteKind.DEPARTMENT)


def fill(sessions: SessionFactory, count: int) -> list[int]:
    """``count`` running department sites, no columns yet; their ids."""
    now = utcnow()
    with sessions.begin() as session:
        session.execute(
            insert(Site),
            [
                {
                    "id": i,
                    "code": f"3312{i:06d}",
                    "name": f"测试单位{i:06d}",
                    "kind": "department",
                    "region_code": "331200",
                    "organiser_name": f"测试单位{i:06d}",
                    "organiser_uscc": "1" * 18,
                    "state": "running",
                    "home_updated_at": now - dt.timedelta(days=i % 30),
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
                for i in range(1, count + 1)
            ],
        )
    return list(range(1, count + 1))


def reset(sessions: SessionFactory) -> None:
    """Take every column off every site again."""
    with sessions.begin() as session:
        # MariaDB checks the self-reference row by row while deleting: unlink first.
        session.execute(update(SiteColumn).values(parent_id=None))
        session.execute(delete(SiteColumn))
        session.execute(update(Site).values(preset_version_id=None))


def naive_apply(sessions: SessionFactory, version_id: int, site_ids: list[int]) -> None:
    """The baseline: per site, insert and flush one column at a time, then journal."""
    with sessions() as session:
        target = load_target_version(session, version_id)
    for site_id in site_ids:
        with sessions.begin() as session:
            by_code: dict[str, SiteColumn] = {}
            for column in target.columns:
                parent = by_code.get(column.parent) if column.parent else None
                row = SiteColumn(
                    site_id=site_id,
                    parent_id=parent.id if parent else None,
                    path="",
                    name=column.name,
                    code=column.code,
                    column_type=column.column_type,
                    position=column.position,
                    max_idle_days=column.max_idle_days,
                    preset_column_id=column.id,
                )
                session.add(row)
                session.flush()
                row.path = f"{parent.path if parent else '/'}{row.id}/"
                session.flush()
                by_code[column.code] = row
            session.execute(
                update(Site).where(Site.id == site_id).values(preset_version_id=version_id)
            )
            journal.record(session, ADMIN, "preset.apply", "site", site_id, str(site_id))


def timed(action: Callable[[], object]) -> float:
    """Wall time of ``action`` in seconds."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def naive_inspect(sessions: SessionFactory, site_ids: list[int]) -> None:
    """The baseline: each site's facts loaded on their own."""
    with sessions() as session:
        for site_id in site_ids:
            session.info.clear()  # each site's inspection reads the settings again
            inspect_sites(session, AS_OF, [site_id])


def main() -> None:
    """Run the comparison and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--sites", type=int, default=2_000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = args.db or f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
        sessions = open_database(url, upgrade_schema=True)
        counter = Counter(sessions)
        version_id = presets.create_preset(sessions, ADMIN, preset_38())
        site_ids = fill(sessions, args.sites)
        sample = site_ids[: args.sample]
        ours, again, naive, inspect, naive_insp = [], [], [], [], []
        counts: dict[str, int] = {}
        for _ in range(args.repeat):
            reset(sessions)
            with counter.counting() as n:
                ours.append(timed(lambda: apply_version(sessions, ADMIN, version_id, site_ids)))
            counts["apply"] = n[0]
            with counter.counting() as n:
                again.append(timed(lambda: apply_version(sessions, ADMIN, version_id, site_ids)))
            counts["reapply"] = n[0]
            with counter.counting() as n:
                inspect.append(timed(lambda: _inspect(sessions)))
            counts["inspect"] = n[0]
            with counter.counting() as n:
                naive_insp.append(timed(lambda: naive_inspect(sessions, site_ids)))
            counts["naive_inspect"] = n[0]
            reset(sessions)
            with counter.counting() as n:
                naive.append(timed(lambda: naive_apply(sessions, version_id, sample)))
            counts["naive_apply"] = n[0]
        engine = engine_of(sessions).dialect.name
        engine_of(sessions).dispose()
    per_site = statistics.median(ours) / args.sites * 1000
    naive_site = statistics.median(naive) / args.sample * 1000
    print(f"engine={engine} sites={args.sites} columns=38 repeat={args.repeat} (medians)")
    print(f"{'':<22} {'seconds':>9} {'ms/site':>8} {'statements':>11} {'stmts/site':>10}")
    rows = [
        ("apply", statistics.median(ours), args.sites, counts["apply"]),
        (
            f"naive apply (n={args.sample})",
            statistics.median(naive),
            args.sample,
            counts["naive_apply"],
        ),
        ("re-apply (no change)", statistics.median(again), args.sites, counts["reapply"]),
        ("inspection risk", statistics.median(inspect), args.sites, counts["inspect"]),
        ("naive inspection", statistics.median(naive_insp), args.sites, counts["naive_inspect"]),
    ]
    for label, seconds, sites, statements in rows:
        print(
            f"{label:<22} {seconds:>9.2f} {seconds / sites * 1000:>8.2f} "
            f"{statements:>11} {statements / sites:>10.1f}"
        )
    print(f"apply: naive/ours per site = {naive_site / per_site:.1f}x")
    print(
        "inspection: naive/ours = "
        f"{statistics.median(naive_insp) / statistics.median(inspect):.1f}x time, "
        f"{counts['naive_inspect'] / max(counts['inspect'], 1):.0f}x statements"
    )


def _inspect(sessions: SessionFactory) -> Inspection:
    with sessions() as session:
        return inspect_sites(session, AS_OF)


if __name__ == "__main__":
    main()
