"""A year of history for the 监管 tab's trends and the monthly report: probes before the
last eight days (hourly, as the probe round records them, back to ``HOURLY_DAYS`` so every
report of the previous month can judge reachability; two a day before that), a daily risk
snapshot, and each scheduled job's last run.

Every series is drawn from its own generator, so the rest of the demo is the same with or
without it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from console.demo.filings import PROBE_DAYS, PROBE_TIMEOUT_MS
from console.demo.sites import SitePlan
from console.presets.inspection import RULES
from console.schema import SiteState

HISTORY_DAYS = 365
HOURLY_DAYS = 40
OLD_PROBE_HOURS = (3, 15)
SNAPSHOT_JOB = "inspection.snapshot"
# The share of running sites at risk a year ago: the cluster has improved since.
RISK_SHARE_THEN = 0.30
# Each job's interval in minutes, as the defaults of console/jobs/settings.py.
# What the older probes did not keep (the rows of one insert all name the same columns).
UNRECORDED = dict.fromkeys((
    "https", "redirects_to_https", "final_url", "cert_not_after", "cert_valid", "cert_subject",
    "cert_issuer", "ipv6", "footer_site_code", "footer_icp", "footer_psb", "foreign_host",
))  # fmt: skip
JOBS = {"probes.round": 60, "queue.scan": 10, SNAPSHOT_JOB: 1440, "report.monthly": 60}


def older_probes(site: SitePlan, first_id: int, as_of: dt.date) -> list[dict[str, Any]]:
    """Probes of a running site over the year before the last eight days: hourly back to
    ``HOURLY_DAYS``, two a day before that."""
    if site.state not in (SiteState.RUNNING, SiteState.CHANGING) or not site.domains:
        return []
    rng = random.Random(f"old-probes-{site.code}-{as_of.isoformat()}")
    flaky = rng.random() < 0.05
    url = f"http://{site.domains[0]}/"
    opened = site.opened_on or as_of - dt.timedelta(days=HISTORY_DAYS)
    rows: list[dict[str, Any]] = []
    for back in range(PROBE_DAYS + 1, HISTORY_DAYS + 1):
        day = as_of - dt.timedelta(days=back)
        if day < opened:
            break
        for hour in range(24) if back <= HOURLY_DAYS else OLD_PROBE_HOURS:
            failed = rng.random() < (0.10 if flaky else 0.004)
            rows.append({
                "id": first_id + len(rows), "site_id": site.id,
                "probed_at": dt.datetime.combine(day, dt.time(hour)), "url": url,
                "ok": not failed, "status": None if failed else 200,
                "latency_ms": None if failed else rng.randint(40, 900),
                "error": "timeout: ReadTimeout" if failed else None,
                "timeout_ms": PROBE_TIMEOUT_MS, **UNRECORDED,
            })  # fmt: skip
    return rows


def snapshots(
    codes: Sequence[str],
    last: Mapping[str, Sequence[str]],
    as_of: dt.date,
    first_id: int,
    seed: int,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """A daily risk snapshot over the year: the share at risk falls from 30 % to the last
    snapshot's, which is ``last`` (each site at risk on the day before ``as_of`` and its rules,
    as the inspection of the demo's own data finds them). Sites at risk only earlier break
    one of the inspection's rules each."""
    rng = random.Random(f"snapshots-{seed}")
    still = sorted(last)
    rng.shuffle(still)
    others = sorted(set(codes) - set(last))
    rng.shuffle(others)
    ordered = still + others
    then = max(len(last), round(RISK_SHARE_THEN * len(ordered)))
    for back in range(HISTORY_DAYS, 0, -1):
        day = as_of - dt.timedelta(days=back)
        wobble = rng.randint(-2, 2) if back > 1 else 0
        trend = len(last) + (then - len(last)) * (back - 1) / (HISTORY_DAYS - 1)
        count = max(0, min(len(ordered), round(trend) + wobble))
        at_risk = {
            code: list(last.get(code, ())) or [RULES[hash_of(code) % len(RULES)]]
            for code in ordered[:count]
        }
        started = dt.datetime.combine(day, dt.time(6))
        counts = {"sites": len(ordered), "at_risk": at_risk, "as_of": day.isoformat()}
        yield "job_runs", _run(first_id + HISTORY_DAYS - back, SNAPSHOT_JOB, started, counts)


def hash_of(code: str) -> int:
    """A stable number of a site code (Python's ``hash`` of text changes per process)."""
    return sum(ord(char) * (index + 1) for index, char in enumerate(code))


def last_runs(as_of: dt.date, first_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each job's last run on the check date, and its lease row (free, last outcome ok)."""
    runs, leases = [], []
    for offset, name in enumerate(sorted(JOBS)):
        started = dt.datetime.combine(as_of, dt.time(0, 30))
        if name == SNAPSHOT_JOB:  # its last run is the last of the daily snapshots
            started = dt.datetime.combine(as_of - dt.timedelta(days=1), dt.time(6))
        else:
            runs.append(_run(first_id + offset, name, started, {}))
        leases.append({"name": name, "holder": "demo", "lease_until": None,
                       "last_started_at": started,
                       "last_finished_at": started + dt.timedelta(seconds=40),
                       "last_outcome": "ok"})  # fmt: skip
    return runs, leases


def _run(run_id: int, job: str, started: dt.datetime, counts: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": run_id, "job": job, "holder": "demo", "started_at": started,
        "finished_at": started + dt.timedelta(seconds=40), "outcome": "ok",
        "counts": json.dumps(counts, ensure_ascii=False, sort_keys=True), "message": "",
    }  # fmt: skip
