"""The same database at the same instant gives the same answers whatever the machine's zone."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.engine import URL

from console.db import engine_of, open_database
from console.schema import ColumnType, ProbeResult
from tests.core.preset_cluster import AS_OF, add_column, add_posts, add_site

BEIJING = dt.timedelta(hours=8)
RUN = "import sys; from console.cli import main; sys.exit(main(sys.argv[1:]))"


def _beijing(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)) - BEIJING


def _probes(site_id: int, failed_every: int) -> list[dict[str, object]]:
    """Hourly probes over the week before ``AS_OF`` in Beijing, every ``failed_every``-th one
    failing (the first at 00:30 Beijing time, on the previous UTC date)."""
    start = _beijing(AS_OF - dt.timedelta(days=7), 0, 30)
    return [
        {
            "site_id": site_id,
            "probed_at": start + dt.timedelta(hours=hour),
            "url": "http://example.gov.cn/",
            "ok": hour % failed_every != 0,
            "latency_ms": 200,
            "timeout_ms": 15_000,
        }
        for hour in range(7 * 24)
    ]


def _cluster(url: URL) -> None:
    sessions = open_database(url, upgrade_schema=True)
    try:
        fresh = add_site(sessions, "3312000001", home=_beijing(AS_OF - dt.timedelta(14), 7, 30))
        stale = add_site(sessions, "3312000002", home=_beijing(AS_OF - dt.timedelta(15), 7, 59))
        with sessions.begin() as session:
            for site_id, days in ((fresh, 14), (stale, 15)):
                for i in range(5):
                    news = add_column(session, site_id, f"n{i}", kind=ColumnType.NEWS, idle=None)
                    day = AS_OF - dt.timedelta(days=days)
                    add_posts(session, site_id, news.id, _beijing(day, 0, 30))
            session.execute(insert(ProbeResult), _probes(fresh, 21) + _probes(stale, 10))
    finally:
        engine_of(sessions).dispose()


def _run(url: URL, zone: str, *args: str) -> str:
    env = {**os.environ, "TZ": zone}
    done = subprocess.run(
        [sys.executable, "-c", RUN, "--db", url.render_as_string(hide_password=False), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return done.stdout


def test_inspect_as_of_a_date_is_the_same_on_a_utc_and_a_beijing_machine(db_url: URL) -> None:
    _cluster(db_url)
    command = ("inspect", "--json", "--all", "--as-of", AS_OF.isoformat())
    on_utc = _run(db_url, "UTC", *command)
    on_beijing = _run(db_url, "Asia/Shanghai", *command)
    assert on_utc == on_beijing
    found = json.loads(on_utc)
    assert (found["as_of"], found["time_zone"]) == ("2026-11-01", "Asia/Shanghai")
    assert found["thresholds"]["inspection.home_idle_days"] == 14
    sites = {site["site_code"]: site for site in found["sites"]}
    fresh, stale = sites["3312000001"], sites["3312000002"]
    assert fresh["risks"] == []
    assert fresh["reachability"] == {
        "verdict": "reachable",
        "probes": 168,
        "failures": 8,
        "days_short_of_probes": 0,
    }
    assert [r["rule"] for r in stale["risks"]] == ["home", "stale_news", "unreachable"]
    assert stale["reachability"]["failures"] == 17


def test_settings_list_is_the_same_on_a_utc_and_a_beijing_machine(db_url: URL) -> None:
    _cluster(db_url)
    on_utc = _run(db_url, "UTC", "settings", "list", "--json")
    assert on_utc == _run(db_url, "Asia/Shanghai", "settings", "list", "--json")
    assert {"key": "cluster.time_zone", "value": "Asia/Shanghai"}.items() <= next(
        s for s in json.loads(on_utc) if s["key"] == "cluster.time_zone"
    ).items()
