"""A patrol process for the lease tests: stores due sites until none is left (spawned)."""

from __future__ import annotations

import time

from console.db import engine_of, open_database
from console.operators import service as operators
from console.patrol import leases
from console.patrol.service import run_patrol
from console.probes.dialing import Dialer
from tests.staff import PASSWORD


def patrol_process(
    url: str, mapping: dict[tuple[str, int], tuple[str, int]], start_at: float
) -> list[str]:
    """Wait for ``start_at`` (all processes begin together), then patrol and store due sites
    two at a time; the codes of the sites this process patrolled."""
    sessions = open_database(url)
    try:
        actor = operators.login(sessions, "sysadmin", PASSWORD)
        time.sleep(max(0.0, start_at - time.time()))
        run = run_patrol(
            sessions, actor, (), Dialer(mapping, loopback_only=True), store=True, sites_at_once=2
        )
        return [result.site_code for result in run.results]
    finally:
        engine_of(sessions).dispose()


def lease_and_die(url: str, sites: int) -> None:
    """Lease ``sites`` due sites and end without storing or giving them back (a patrol
    process killed outright)."""
    sessions = open_database(url)
    try:
        leases.claim_due(sessions, leases.holder_name(), sites)
    finally:
        engine_of(sessions).dispose()
