"""``cluster-console patrol``: the JSON fields, storing, and plain refusals (no traceback)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from console.base import clock
from console.base.cluster import mark_demo
from console.cli import main
from console.db import SessionFactory, engine_of
from console.schema import PatrolRun, Post
from tests.patrol_cluster import count, quick, register, staff
from tests.patrol_server import Bed, patrol_bed
from tests.patrol_sites import TODAY, GovSite, generate
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only
from tests.staff import PASSWORD

BARE = "3312999999"
LOGIN = ["--user", "sysadmin", "--password-stdin"]


@pytest.fixture
def site() -> GovSite:
    return generate(41, 1)


@pytest.fixture
def bed(site: GovSite, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bed]:
    monkeypatch.setattr(clock, "today", lambda zone: TODAY)
    with patrol_bed([site, generate(41, 2)]) as running:
        yield running


@pytest.fixture
def url(sqlite_sessions: SessionFactory, bed: Bed) -> str:
    """A demo cluster (loopback only) of the bed's sites and a site without a domain."""
    staff(sqlite_sessions)
    register(sqlite_sessions, bed.sites, addresses=True, domainless=[BARE])
    quick(sqlite_sessions)
    with sqlite_sessions.begin() as session:
        mark_demo(session)
    return engine_of(sqlite_sessions).url.render_as_string(hide_password=False)


def connect(bed: Bed) -> list[str]:
    return [
        option
        for (host, port), (address, mapped) in bed.mapping.items()
        for option in ("--connect-to", f"{host}:{port}:{address}:{mapped}")
    ]


def test_json_has_one_object_per_site_with_the_fields_named(
    url: str, bed: Bed, site: GovSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", url, "patrol", "--site", site.code, "--json", *connect(bed)]) == 0
    (report,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert report["site_code"] == site.code and report["pages"] > len(site.columns)
    for column in report["columns"]:
        assert {"code", "url", "last_item_date", "items", "dated"} <= set(column)
    c02 = next(c for c in report["columns"] if c["code"] == "c02")
    assert c02["last_item_date"] == site.expected_last_update("c02").isoformat()  # type: ignore[union-attr]
    assert report["new_posts"] and all("url" in post for post in report["new_posts"])
    assert report["broken_links"] and all(
        {"url", "status", "on"} <= set(link) for link in report["broken_links"]
    )
    assert report["hidden_links"] and all({"url", "on"} <= set(h) for h in report["hidden_links"])


def test_store_needs_an_operator_then_writes_each_site(
    url: str,
    bed: Bed,
    sqlite_sessions: SessionFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["--db", url, "patrol", "--store", *connect(bed)]) == 2
    assert "--user" in capsys.readouterr().err and count(sqlite_sessions, PatrolRun) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    # Every running site is due: the two on the bed, and the one without a domain (exit 1).
    assert main(["--db", url, "patrol", "--store", *LOGIN, *connect(bed)]) == 1
    captured = capsys.readouterr()
    assert "没有登记域名" in captured.out and "已保存 3 个网站" in captured.err
    assert count(sqlite_sessions, PatrolRun) == 3 and count(sqlite_sessions, Post) > 0
    # Nothing is due any more: a second run patrols nothing.
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--db", url, "patrol", "--store", *LOGIN, *connect(bed)]) == 0
    assert "没有要巡查的网站" in capsys.readouterr().err
    assert count(sqlite_sessions, PatrolRun) == 3


@pytest.mark.parametrize(
    ("arguments", "told"),
    [
        (["--site", "3312000404"], "3312000404"),
        (["--connect-to", "nonsense"], "--connect-to"),
        (["--site", "3312000001"], "演示站群"),  # a demo site not mapped to loopback
    ],
)
def test_bad_input_is_refused_in_one_line(
    url: str, arguments: list[str], told: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", url, "patrol", *arguments]) != 0
    err = capsys.readouterr().err
    assert told in err and "Traceback" not in err


def test_columns_are_listed_in_text_with_undated_and_missing_ones_named(
    url: str, bed: Bed, site: GovSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", url, "patrol", "--site", site.code, "--columns", *connect(bed)]) == 0
    out = capsys.readouterr().out
    undated = next(c for c in site.columns if c.form == "undated")
    line = next(text for text in out.splitlines() if text.strip().startswith(undated.code))
    assert "无日期" in line
