"""``cluster-console probe`` against real local servers, reading and storing."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from console.base.cluster import mark_demo
from console.cli import main
from console.db import engine_of, open_database
from console.schema import Filing, JournalEntry, ProbeResult, Site, SiteDomain
from tests.probe_sites import ICP, PSB, LocalSites, local_sites
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only
from tests.staff import PASSWORD, bootstrap_staff

NAMES = ("ok", "plain", "dead", "foreign")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalSites]:
    with local_sites(tmp_path_factory.mktemp("sites")) as running:
        yield running


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A cluster of four running sites on the test hosts, and a system administrator."""
    text = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(text, upgrade_schema=True)
    bootstrap_staff(sessions)
    now = dt.datetime(2026, 11, 1)
    with sessions.begin() as session:
        for i, name in enumerate(NAMES, start=1):
            session.execute(
                insert(Site),
                {
                    "id": i, "code": f"331200{i:04d}", "name": name, "kind": "department",
                    "region_code": "331200", "organiser_name": name,
                    "organiser_uscc": "11331200MB0000000X", "state": "running",
                    "created_at": now, "updated_at": now, "version": 1,
                },
            )  # fmt: skip
            session.execute(
                insert(SiteDomain),
                {"site_id": i, "domain": f"{name}.test.gov.cn", "is_main": True, "version": 1},
            )
            session.execute(
                insert(Filing),
                {"site_id": i, "icp_number": ICP, "psb_number": PSB, "version": 1,
                 "rectification_notes": ""},
            )  # fmt: skip
    engine_of(sessions).dispose()
    return text


def test_probe_prints_one_json_object_per_site(
    url: str, sites: LocalSites, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", url, "probe", "--timeout", "3", "--ca-bundle", str(sites.ca), "--json"]
    for entry in sites.connect_to:
        args += ["--connect-to", entry]
    assert main(args) == 1  # dead and foreign fail
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_code = {line["site_code"]: line for line in lines}
    assert set(by_code) == {"3312000001", "3312000002", "3312000003", "3312000004"}
    ok = by_code["3312000001"]
    assert list(ok) == [
        "site_code", "url", "probed_at", "ok", "status", "latency_ms", "https", "cert_not_after",
        "cert_valid", "ipv6", "footer", "error",
    ]  # fmt: skip
    assert ok["ok"] and ok["status"] == 200 and ok["https"] and ok["cert_valid"]
    assert ok["footer"] == {"site_code": True, "icp": True, "psb": True}
    assert by_code["3312000002"]["footer"] == {"site_code": False, "icp": False, "psb": False}
    expiry = dt.datetime.fromisoformat(ok["cert_not_after"])
    assert expiry.utcoffset() == dt.timedelta(hours=8)  # ISO 8601 in Beijing time
    assert expiry > dt.datetime.now(dt.UTC)
    assert dt.datetime.fromisoformat(ok["probed_at"]).utcoffset() == dt.timedelta(hours=8)
    assert by_code["3312000002"]["https"] is False
    assert not by_code["3312000003"]["ok"] and by_code["3312000003"]["error"]
    assert not by_code["3312000004"]["ok"]


def test_probe_one_site_and_store_the_results(
    url: str, sites: LocalSites, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    args = ["--db", url, "probe", "--site", "3312000001", "--ca-bundle", str(sites.ca)]
    for entry in sites.connect_to:
        args += ["--connect-to", entry]
    assert main([*args, "--store", "--user", "sysadmin", "--password-stdin"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("3312000001 ")
    sessions = open_database(url)
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(ProbeResult)) == 1
        actions = session.scalars(select(JournalEntry.action)).all()
    engine_of(sessions).dispose()
    assert actions[-1] == "probe.sweep"


def test_a_bad_connect_to_is_refused_plainly(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "probe", "--connect-to", "nonsense"]) != 0
    assert "--connect-to" in capsys.readouterr().err


def test_filings_status_lists_what_needs_action_with_reasons(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The four test sites are running but not graded: each needs action.
    assert main(["--db", url, "filings", "status", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 4
    assert lines[0]["urgency"] == "problem"
    assert any(f["rule"] == "mlps_ungraded" for f in lines[0]["findings"])
    assert main(["--db", url, "filings", "calendar"]) == 0


def test_a_demo_cluster_is_probed_only_where_it_is_mapped_to_this_machine(
    url: str, sites: LocalSites, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions = open_database(url)
    with sessions.begin() as session:
        mark_demo(session)
    engine_of(sessions).dispose()
    assert main(["--db", url, "probe", "--json"]) == 2
    assert "演示站群" in capsys.readouterr().err
    mapped = [entry for entry in sites.connect_to if entry.startswith("ok.")]
    args = ["--db", url, "probe", "--json", "--ca-bundle", str(sites.ca)]
    assert main([*args, *(f"--connect-to={entry}" for entry in mapped)]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["site_code"] for line in captured.out.splitlines()] == ["3312000001"]
    assert "跳过 3 个" in captured.err
