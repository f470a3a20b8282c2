"""Operator actions over a slow network: statements, round trips and time, beside the budget.

    python -m bench.latency [--engines postgresql,mariadb] [--delay-ms 30] [--repeat 5]

On each server engine a scratch database gets a small cluster (queued posts enough for every
decision, an editor's account with a grant), then every action runs through a loopback relay
(``tests.wire.Relay``: a TCP relay that holds each chunk ``--delay-ms`` in each direction and
stops by itself) with no delay and with the delay. For each action it prints the statements
SQLAlchemy ran and the round trips on the wire (medians of the repetitions: the count is the
same at every delay, but psycopg prepares a statement the fifth time a connection runs it,
one round trip more that once), the median time at 0 ms and at the delay, and the budget the
action is held to. The baseline, measured in the same run, is one ``SELECT 1`` round trip
through the delayed relay: "× RTT" is the action's time at the delay in round trips of that
baseline, so it stays near the round-trip count when the network is what the action waits for.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from sqlalchemy import text
from sqlalchemy.engine import URL

from console import cli
from console.db import SessionFactory, engine_of, open_database, ping
from console.filings import service as filings
from console.operators import service as operators
from console.permissions import accounts, grants
from console.permissions.accounts import AccountFields
from console.permissions.grant_rules import GrantRequest
from console.review import service as review
from console.sites import views
from console.supervision.service import overview
from tests.core.queue_cluster import queue_cluster
from tests.engines import scratch_database, server_problem
from tests.staff import PASSWORD
from tests.wire import Meter, Relay

# Items decided per repetition of the actions (claims of 20 and decisions), with room.
ITEMS_PER_ROUND = 120
ACCOUNT_ID = 1


@dataclass
class Figure:
    action: str
    budget: str
    statements: int = 0
    round_trips: int = 0
    fast: float = 0.0
    slow: float = 0.0


@dataclass
class Run:
    """One engine reached through one relay."""

    url: URL
    relay: Relay
    sessions: SessionFactory
    meter: Meter


@contextlib.contextmanager
def reached(url: URL, delay_s: float) -> Iterator[Run]:
    with Relay(url.host or "127.0.0.1", url.port or 0, delay_s) as relay:
        relayed = relay.url_for(url)
        sessions = open_database(relayed)
        try:
            yield Run(relayed, relay, sessions, Meter(engine_of(sessions), relay))
        finally:
            engine_of(sessions).dispose()


def _cli(run: Run, *argv: str) -> None:
    url = run.url.render_as_string(hide_password=False)
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
        mock.patch("sys.stdin", io.StringIO(PASSWORD + "\n")),
    ):
        cli.main(["--db", url, *argv])


def actions(run: Run) -> list[tuple[str, str, Callable[[], Any]]]:
    """(name, budget, work) of each action on ``run``; each work may run several times."""
    sessions = run.sessions
    reviewer = operators.login(sessions, "reviewer", PASSWORD)
    claimed: list[int] = []

    def decide_one() -> None:
        if not claimed:
            claimed.extend(review.claim_next(sessions, reviewer, 20))
        review.review(sessions, reviewer, [claimed.pop()], "approve")

    def decide_twenty() -> None:
        ids = review.claim_next(sessions, reviewer, 20)
        review.review(sessions, reviewer, ids, "return", note="请核实")

    admin = reviewer_or_admin(sessions)
    security = operators.login(sessions, "secadmin", PASSWORD)

    def account() -> None:
        accounts.detail(sessions, security, ACCOUNT_ID)
        grants.of(sessions, security, ACCOUNT_ID)
        grants.conflicts(sessions, security, [ACCOUNT_ID])

    def login() -> None:
        actor = operators.login(sessions, "reviewer", PASSWORD)
        operators.must_change_password(sessions, actor)

    def reopen() -> None:
        engine_of(open_database(run.url)).dispose()

    def cli_decide() -> None:
        ids = review.claim_next(sessions, reviewer, 20)
        _cli(
            run,
            "queue",
            "decide",
            *map(str, ids),
            "--decision",
            "approve",
            "--user",
            "reviewer",
            "--password-stdin",
        )

    return [
        ("connect and open the database", "—", reopen),
        ("login", "≤ 5", login),
        ("a one-query read", "1", lambda: ping(sessions)),
        ("内容审核 status counts", "≤ 4", lambda: review.status_counts(sessions, reviewer)),
        (
            "item detail (+ 5 read ahead)",
            "≤ 4",
            lambda: review.item_details(sessions, reviewer, list(range(1, 7))),
        ),
        ("site detail", "≤ 4", lambda: views.site_detail(sessions, reviewer_or_admin(sessions), 1)),
        ("filing detail", "≤ 4", lambda: filings.filing_detail(sessions, admin, 1)),
        ("account detail (+ rights, conflicts)", "≤ 4", account),
        (
            "监管 figures, ranking and 30-day trend (whole cluster)",
            "≤ 4",
            lambda: overview(sessions, admin, None, None, (30,)),
        ),
        ("review decision", "≤ 3", decide_one),
        ("claim 20 + bulk decision of 20", "≤ 6 (decision)", decide_twenty),
        ("CLI sites list (read-only)", "≤ 8", lambda: _cli(run, "sites", "list")),
        (
            "CLI queue claim",
            "≤ 12",
            lambda: _cli(run, "queue", "claim", "--user", "reviewer", "--password-stdin"),
        ),
        ("claim 20 + CLI queue decide 20", "≤ 6 beyond login", cli_decide),
    ]


_admins: dict[int, Any] = {}


def reviewer_or_admin(sessions: SessionFactory) -> Any:
    key = id(sessions)
    if key not in _admins:
        _admins[key] = operators.login(sessions, "sysadmin", PASSWORD)
    return _admins[key]


def _add_account(sessions: SessionFactory) -> None:
    """An editor's account on the first site, with a grant (the account detail's subject)."""
    security = operators.login(sessions, "secadmin", PASSWORD)
    fields = AccountFields("wang.li", "王立", "云溪市第1局", "3312000001", "13900005678", "")
    account_id = accounts.create(sessions, security, fields)
    assert account_id == ACCOUNT_ID
    grants.grant(sessions, security, GrantRequest(account_id, "editor", 1))


def measure(url: URL, delay_s: float, repeat: int) -> tuple[float, list[Figure]]:
    """The baseline round trip and every action's figures through a relay of ``delay_s``."""
    figures: list[Figure] = []
    with reached(url, delay_s) as run:
        with run.sessions() as session:
            times = []
            for _ in range(repeat * 3):
                began = time.perf_counter()
                session.execute(text("SELECT 1"))
                times.append(time.perf_counter() - began)
        baseline = statistics.median(times)
        for name, budget, work in actions(run):
            work()  # once before measuring: connections made, caches filled
            figure = Figure(name, budget)
            times, statements, round_trips = [], [], []
            for _ in range(repeat):
                with run.meter.measure() as count:
                    began = time.perf_counter()
                    work()
                    times.append(time.perf_counter() - began)
                statements.append(count.statements)
                round_trips.append(count.round_trips)
            figure.statements = statistics.median_low(statements)
            figure.round_trips = statistics.median_low(round_trips)
            figure.slow = statistics.median(times)
            figures.append(figure)
    return baseline, figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="postgresql,mariadb")
    parser.add_argument("--delay-ms", type=float, default=30.0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    for engine in args.engines.split(","):
        problem = server_problem(engine)
        if problem:
            print(f"{engine}: skipped ({problem})")
            continue
        with scratch_database(engine, Path(tempfile.mkdtemp())) as url:
            sessions = open_database(url, upgrade_schema=True)
            queue_cluster(sessions, ITEMS_PER_ROUND * (args.repeat + 1) * 2)
            _add_account(sessions)
            engine_of(sessions).dispose()
            _, fast = measure(url, 0.0, args.repeat)
            rtt, slow = measure(url, args.delay_ms / 1000, args.repeat)
        print(
            f"\n{engine}: one SELECT 1 through the relay at {args.delay_ms:g} ms one-way "
            f"(baseline) = {rtt * 1000:.0f} ms"
        )
        print(
            f"| action | statements | round trips | budget | 0 ms | {args.delay_ms:g} ms | × RTT |"
        )
        print("| --- | ---: | ---: | --- | ---: | ---: | ---: |")
        for quick, late in zip(fast, slow, strict=True):
            print(
                f"| {late.action} | {late.statements} | {late.round_trips} | {late.budget} "
                f"| {quick.slow * 1000:.0f} ms | {late.slow * 1000:.0f} ms "
                f"| {late.slow / rtt:.1f} |"
            )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
