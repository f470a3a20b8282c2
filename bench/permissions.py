"""Effective-rights questions on a large cluster, against a naive walk, on one engine.

    python -m bench.permissions [--db URL] [--accounts 5000] [--sites 300] [--grants 20000]

Fills accounts, sites with three-level column trees and grants (a third scoped to a column,
a tenth expired), then prints the median time of each question the 用户权限 tab asks — who
may publish at a deep column, what one account may do and where, the grid of a node, the
先审后发 check of one account and of the whole cluster — answered by
``console.permissions.rights`` (one set-based query each, ancestors read from the column's
materialised path) and by a naive Python walk (parent by parent, grant by grant, the way an
ORM loop with lazy loads would do it), and their ratio. Both answers are compared on every
sample before anything is timed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bench.paging import median_ms
from console.base.actor import Actor
from console.db import SessionFactory, engine_of, open_database
from console.permissions import grants, rights
from console.schema import Account, Duty, Grant, Site, SiteColumn, utcnow

SECADMIN = Actor(None, "bench", frozenset({Duty.SECURITY_ADMIN}))
ROLES = ("editor", "reviewer", "publisher", "site_admin")
TOPS, SECONDS, THIRDS = 6, 3, 2  # 6 + 18 + 36 = 60 columns a site


def fill(sessions: SessionFactory, accounts: int, sites: int, grants: int, seed: int) -> None:
    """Insert the cluster (if the database holds no sites yet)."""
    with sessions() as session:
        if session.scalar(select(func.count()).select_from(Site)):
            return
    rng = random.Random(seed)
    now = utcnow()
    site_rows, column_rows, deep = [], [], {}
    column_id = 0
    for s in range(1, sites + 1):
        site_rows.append(
            {
                "id": s, "code": f"{331200 + s // 10_000:06d}{s % 10_000:04d}",
                "name": f"测试单位{s:04d}", "kind": "department", "region_code": "331200",
                "organiser_name": f"测试单位{s:04d}", "organiser_uscc": "1" * 18,
                "organiser_type": "government", "state": "running", "created_at": now,
                "updated_at": now, "version": 1, "publish_requires_review": True,
            }
        )  # fmt: skip
        deep[s] = []
        for t in range(TOPS):
            column_id += 1
            top = column_id
            column_rows.append(_column(top, s, None, f"/{top}/", f"一级{t}"))
            for m in range(SECONDS):
                column_id += 1
                mid = column_id
                column_rows.append(_column(mid, s, top, f"/{top}/{mid}/", f"二级{m}"))
                for b in range(THIRDS):
                    column_id += 1
                    path = f"/{top}/{mid}/{column_id}/"
                    column_rows.append(_column(column_id, s, mid, path, f"三级{b}"))
                    deep[s].append(column_id)
    account_rows = [
        {
            "id": a, "username": f"u{a:05d}", "full_name": f"编辑{a}", "organisation": "测试",
            "site_id": rng.randint(1, sites), "phone": "", "email": "", "status": "active",
            "failed_logins": 0, "created_at": now, "version": 1,
        }
        for a in range(1, accounts + 1)
    ]  # fmt: skip
    grant_rows = []
    for g in range(1, grants + 1):
        site = rng.randint(1, sites)
        column = None
        if rng.random() < 0.33:
            column = rng.choice(deep[site] + [c["id"] for c in column_rows[(site - 1) * 60 :][:60]])
        expired = rng.random() < 0.1
        grant_rows.append(
            {
                "id": g, "account_id": rng.randint(1, accounts), "role": rng.choice(ROLES),
                "site_id": site, "column_id": column,
                "expires_at": now - dt.timedelta(days=3) if expired else None,
                "granted_at": now, "version": 1,
            }
        )  # fmt: skip
    with sessions.begin() as session:
        for model, rows in (
            (Site, site_rows),
            (SiteColumn, column_rows),
            (Account, account_rows),
            (Grant, grant_rows),
        ):
            for start in range(0, len(rows), 5_000):
                session.execute(insert(model), rows[start : start + 5_000])
    engine = engine_of(sessions)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")


def _column(cid: int, site: int, parent: int | None, path: str, name: str) -> dict[str, object]:
    return {
        "id": cid, "site_id": site, "parent_id": parent, "path": path, "name": name,
        "code": f"c{cid}", "column_type": "news", "position": 0, "version": 1,
    }  # fmt: skip


# -- the naive walk: what an ORM loop with lazy loads does --------------------------------


def naive_who(
    sessions: SessionFactory, role: str, site_id: int, column_id: int, now: dt.datetime
) -> list[int]:
    """Walk up from the column parent by parent, then test every grant of the site."""
    with sessions() as session:
        chain = _chain(session, column_id)
        found = []
        for grant in session.scalars(select(Grant).where(Grant.site_id == site_id)):
            if grant.role != role or (grant.expires_at is not None and grant.expires_at <= now):
                continue
            if grant.column_id is not None and grant.column_id not in chain:
                continue
            account = session.get(Account, grant.account_id)
            site = session.get(Site, grant.site_id)
            if account and site and account.status == "active" and site.state == "running":
                found.append(grant.id)
        return sorted(found)


def naive_grid(sessions: SessionFactory, site_id: int, column_id: int) -> list[int]:
    """Walk up from the column, then keep every grant of the site on it or above (expired too)."""
    with sessions() as session:
        chain = _chain(session, column_id)
        found = []
        for grant in session.scalars(select(Grant).where(Grant.site_id == site_id)):
            if grant.column_id is None or grant.column_id in chain:
                session.get(Account, grant.account_id)
                found.append(grant.id)
        return sorted(found)


def naive_dual(
    sessions: SessionFactory, account_id: int, now: dt.datetime
) -> list[tuple[int, int]]:
    """Compare the account's 编辑 and 发布 grants pair by pair, walking each column's ancestors."""
    with sessions() as session:
        held = [
            g
            for g in session.scalars(select(Grant).where(Grant.account_id == account_id))
            if g.expires_at is None or g.expires_at > now
        ]
        pairs = []
        for editor in (g for g in held if g.role == "editor"):
            for publisher in (g for g in held if g.role == "publisher"):
                site = session.get(Site, editor.site_id)
                if publisher.site_id != editor.site_id or site is None:
                    continue
                if not site.publish_requires_review or site.state != "running":
                    continue
                overlap = editor.column_id is None or publisher.column_id is None
                if not overlap:
                    assert editor.column_id is not None and publisher.column_id is not None
                    overlap = editor.column_id in _chain(session, publisher.column_id) or (
                        publisher.column_id in _chain(session, editor.column_id)
                    )
                if overlap:
                    pairs.append((editor.id, publisher.id))
        return sorted(pairs)


def naive_sweep(sessions: SessionFactory, now: dt.datetime) -> list[tuple[int, int]]:
    """The 先审后发 check of every account, one account after another."""
    with sessions() as session:
        everyone = list(session.scalars(select(Account.id)))
    return sorted(pair for account in everyone for pair in naive_dual(sessions, account, now))


def _chain(session: Session, column_id: int) -> set[int]:
    chain: set[int] = set()
    current = session.get(SiteColumn, column_id)
    while current is not None:
        chain.add(current.id)
        current = session.get(SiteColumn, current.parent_id) if current.parent_id else None
    return chain


def naive_rights(sessions: SessionFactory, account_id: int, now: dt.datetime) -> list[int]:
    """Load the account's grants, then each grant's site and column one by one."""
    with sessions() as session:
        found = []
        for grant in session.scalars(select(Grant).where(Grant.account_id == account_id)):
            if grant.expires_at is not None and grant.expires_at <= now:
                continue
            site = session.get(Site, grant.site_id)
            if grant.column_id is not None:
                session.get(SiteColumn, grant.column_id)
            if site is not None and site.state == "running":
                found.append(grant.id)
        return sorted(found)


def main() -> None:
    """Fill, check both ways agree, and print one line per question."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--accounts", type=int, default=5_000)
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument("--grants", type=int, default=20_000)
    parser.add_argument("--samples", type=int, default=25)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = args.db or f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
        sessions = open_database(url, upgrade_schema=True)
        started = time.perf_counter()
        fill(sessions, args.accounts, args.sites, args.grants, args.seed)
        filled = time.perf_counter() - started
        rng = random.Random(args.seed + 1)
        now = utcnow()
        with sessions() as session:
            deep = session.execute(
                select(SiteColumn.site_id, SiteColumn.id).where(SiteColumn.path.like("/%/%/%/"))
            ).all()
            counts = {
                m.__tablename__: session.scalar(select(func.count()).select_from(m))
                for m in (Account, Site, SiteColumn, Grant)
            }
        nodes = rng.sample(deep, args.samples)
        people = rng.sample(range(1, args.accounts + 1), args.samples)
        for (site_id, column_id), account_id in zip(nodes, people, strict=True):
            with sessions() as session:
                fast = sorted(
                    r.grant_id
                    for r in rights.who_can(session, "publisher", site_id, column_id, now)
                )
                mine = sorted(r.grant_id for r in rights.rights_of(session, account_id, now))
                grid = sorted(r.grant_id for r in rights.node_grants(session, site_id, column_id))
                dual = sorted(
                    (d.editor_grant_id, d.publisher_grant_id)
                    for d in rights.dual_holdings(session, [account_id], now=now)
                )
            assert fast == naive_who(sessions, "publisher", site_id, column_id, now)
            assert mine == naive_rights(sessions, account_id, now)
            assert grid == naive_grid(sessions, site_id, column_id)
            assert dual == naive_dual(sessions, account_id, now)
        with sessions() as session:
            swept = rights.dual_holdings(session, now=now)
        flagged = sorted((d.editor_grant_id, d.publisher_grant_id) for d in swept)
        assert flagged == naive_sweep(sessions, now)

        def each(question: Callable[[SessionFactory, int], object]) -> float:
            return statistics.median(
                median_ms(lambda i=i: question(sessions, i), 3) for i in range(args.samples)
            )

        def in_session(call: Callable[..., object]) -> Callable[..., object]:
            def run(*a: object) -> object:
                with sessions() as session:
                    return call(session, *a)

            return run

        figures = [
            (
                "who can publish at a column",
                each(lambda s, i: in_session(rights.who_can)("publisher", *nodes[i], now)),
                each(lambda s, i: naive_who(s, "publisher", *nodes[i], now)),
            ),
            (
                "what can this account do",
                each(lambda s, i: in_session(rights.rights_of)(people[i], now)),
                each(lambda s, i: naive_rights(s, people[i], now)),
            ),
            (
                "grid of a column",
                each(lambda s, i: in_session(rights.node_grants)(*nodes[i])),
                each(lambda s, i: naive_grid(s, *nodes[i])),
            ),
            (
                "先审后发 check of an account",
                each(lambda s, i: in_session(rights.dual_holdings)([people[i]], None, now)),
                each(lambda s, i: naive_dual(s, people[i], now)),
            ),
            (
                "先审后发 sweep of every account",
                median_ms(lambda: in_session(rights.dual_holdings)(None, None, now), 3),
                median_ms(lambda: naive_sweep(sessions, now), 1),
            ),
        ]
        print(
            f"engine={engine_of(sessions).dialect.name} accounts={counts['accounts']} "
            f"sites={counts['sites']} columns={counts['site_columns']} grants={counts['grants']} "
            f"fill={filled:.1f}s samples={args.samples}"
        )
        print(f"{'question':<32} {'rights ms':>10} {'naive ms':>10} {'naive/rights':>13}")
        for name, fast_ms, naive_ms in figures:
            naive = (
                f"{naive_ms:>10.2f} {naive_ms / fast_ms:>13.1f}"
                if naive_ms
                else f"{'—':>10} {'—':>13}"
            )
            print(f"{name:<32} {fast_ms:>10.2f} {naive}")
        bulk_accounts = people[:10]
        started = time.perf_counter()
        plan = grants.plan_bulk(
            sessions, SECADMIN, bulk_accounts, "reviewer", list(range(1, args.sites + 1))
        )
        planned = time.perf_counter() - started
        print(
            f"bulk preview: {len(bulk_accounts)} accounts × {args.sites} sites = {len(plan.rows)} "
            f"rows in {planned * 1000:.0f} ms ({planned * 1e6 / len(plan.rows):.0f} µs a row)"
        )
        engine_of(sessions).dispose()


if __name__ == "__main__":
    main()
