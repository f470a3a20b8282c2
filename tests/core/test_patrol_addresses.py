"""Column list-page addresses: proposed from the home page's menu, confirmed, typed, imported."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.base import clock
from console.base.actor import Actor
from console.base.cluster import mark_demo
from console.base.errors import InvalidInput, NotFound, NotPermitted
from console.cli import main
from console.db import SessionFactory, engine_of
from console.patrol import addresses
from console.patrol.navigation import EXACT, NORMALISED
from console.patrol.results import NO_DOMAIN
from console.schema import JournalEntry
from tests.patrol_cluster import addresses_of, register, staff
from tests.patrol_server import Bed, patrol_bed
from tests.patrol_sites import MISSING, TODAY, GovSite, generate
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only
from tests.staff import PASSWORD


@pytest.fixture
def site() -> GovSite:
    return generate(21, 1)


@pytest.fixture
def bed(site: GovSite, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bed]:
    monkeypatch.setattr(clock, "today", lambda zone: TODAY)
    with patrol_bed([site]) as running:
        yield running


@pytest.fixture
def cluster(sessions: SessionFactory, site: GovSite) -> tuple[Actor, Actor, int]:
    admin, reviewer = staff(sessions)
    ids = register(sessions, [site], domainless=["3312999999"])
    return admin, reviewer, ids[site.code]


def journal_count(sessions: SessionFactory, action: str) -> int:
    with sessions() as session:
        query = select(func.count()).select_from(JournalEntry)
        return session.scalar(query.where(JournalEntry.action == action)) or 0


def test_the_menu_proposes_addresses_and_nothing_is_written_until_confirmed(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, int], bed: Bed, site: GovSite
) -> None:
    admin, reviewer, site_id = cluster
    found = addresses.proposals_for(sessions, reviewer, site.code, bed.dialer())
    assert found.error is None
    by_code = {p.code: p for p in found.columns}
    assert by_code["c01"].how == NORMALISED  # the menu writes 政務公開
    assert by_code["c02"].how == EXACT and by_code["c02"].found == site.url("/c02/")
    missing = next(c.code for c in site.columns if c.name == MISSING)
    assert by_code[missing].found is None and not by_code[missing].changes
    assert set(addresses_of(sessions, site_id).values()) == {None}
    changes = {p.code: p.found for p in found.columns if p.changes}
    assert addresses.set_addresses(sessions, admin, site.code, changes) == len(changes)
    stored = addresses_of(sessions, site_id)
    assert stored["c02"] == site.url("/c02/") and stored[missing] is None
    assert journal_count(sessions, "column.addresses") == 1
    again = addresses.proposals_for(sessions, reviewer, site.code, bed.dialer())
    assert not any(p.changes for p in again.columns)  # the register now agrees with the menu


def test_a_site_without_a_domain_has_nothing_to_propose(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, int], bed: Bed
) -> None:
    found = addresses.proposals_for(sessions, cluster[1], "3312999999", bed.dialer())
    assert found.error == NO_DOMAIN and found.columns == ()


@pytest.mark.parametrize(
    ("url", "refusal"),
    [
        ("ftp://www.s1.patrol.gov.cn/c01/", InvalidInput),
        ("http://www.example.com/c01/", InvalidInput),
        ("不是网址", InvalidInput),
        ("http://" + "a" * 1000, InvalidInput),
    ],
)
def test_a_bad_address_is_refused_and_nothing_changes(
    sessions: SessionFactory,
    cluster: tuple[Actor, Actor, int],
    site: GovSite,
    url: str,
    refusal: type[Exception],
) -> None:
    admin, _reviewer, site_id = cluster
    with pytest.raises(refusal):
        addresses.set_addresses(sessions, admin, site.code, {"c02": site.url("/c02/"), "c03": url})
    assert set(addresses_of(sessions, site_id).values()) == {None}


def test_only_a_system_administrator_sets_addresses_of_known_columns(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, int], site: GovSite
) -> None:
    admin, reviewer, site_id = cluster
    with pytest.raises(NotPermitted):
        addresses.set_addresses(sessions, reviewer, site.code, {"c02": site.url("/c02/")})
    with pytest.raises(NotFound):
        addresses.set_addresses(sessions, admin, site.code, {"c99": site.url("/c99/")})
    with pytest.raises(NotFound):
        addresses.set_addresses(sessions, admin, "3312000404", {"c01": site.url("/c01/")})
    # A host typed in capitals is stored as the register spells it; clearing takes None.
    typed = f"HTTP://{site.host.upper()}/c02/?page=1"
    assert addresses.set_addresses(sessions, admin, site.code, {"c02": typed}) == 1
    assert addresses_of(sessions, site_id)["c02"] == site.url("/c02/?page=1")
    assert addresses.set_addresses(sessions, admin, site.code, {"c02": ""}) == 1
    assert addresses_of(sessions, site_id)["c02"] is None


def test_columns_without_an_address_are_listed_as_such(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, int], site: GovSite
) -> None:
    admin, _reviewer, _site_id = cluster
    addresses.set_addresses(sessions, admin, site.code, {"c02": site.url("/c02/")})
    listed = addresses.column_addresses(sessions, admin, [site.code])
    assert len(listed) == len(site.columns)
    assert [a.code for a in listed if a.url is None] == [
        c.code for c in site.columns if c.code != "c02"
    ]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_addresses_export_and_import_all_or_nothing(
    sessions: SessionFactory,
    cluster: tuple[Actor, Actor, int],
    site: GovSite,
    tmp_path: Path,
    suffix: str,
) -> None:
    admin, reviewer, site_id = cluster
    wanted = {c.code: site.url(c.path) for c in site.columns[:3]}
    addresses.set_addresses(sessions, admin, site.code, wanted)
    exported = tmp_path / f"addresses.{suffix}"
    assert addresses.export_addresses(sessions, reviewer, exported) == len(site.columns)
    addresses.set_addresses(sessions, admin, site.code, dict.fromkeys(wanted))
    assert addresses.import_addresses(sessions, reviewer, exported, dry_run=True) == 3
    assert set(addresses_of(sessions, site_id).values()) == {None}
    assert addresses.import_addresses(sessions, admin, exported) == 3
    assert {k: v for k, v in addresses_of(sessions, site_id).items() if v} == wanted


def test_an_import_reports_every_bad_row_and_writes_nothing(
    sessions: SessionFactory, cluster: tuple[Actor, Actor, int], site: GovSite, tmp_path: Path
) -> None:
    admin, _reviewer, site_id = cluster
    sheet = tmp_path / "addresses.csv"
    sheet.write_text(
        "网站标识码,栏目代码,栏目名称,列表页地址\n"
        f"{site.code},c01,,{site.url('/c01/')}\n"
        f"{site.code},c99,,{site.url('/c99/')}\n"
        f"3312000404,c01,,{site.url('/c01/')}\n"
        f"{site.code},c02,,http://www.example.com/\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as refused:
        addresses.import_addresses(sessions, admin, sheet)
    told = str(refused.value)
    assert "第 3 行" in told and "第 4 行" in told and "第 5 行" in told and "第 2 行" not in told
    assert set(addresses_of(sessions, site_id).values()) == {None}


def test_the_addresses_command_discovers_confirms_and_lists(
    sessions: SessionFactory,
    cluster: tuple[Actor, Actor, int],
    bed: Bed,
    site: GovSite,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with sessions.begin() as session:
        mark_demo(session)  # dials loopback only: the unmapped HTTPS try goes nowhere
    url = engine_of(sessions).url.render_as_string(hide_password=False)
    mapping = [f"{host}:80:127.0.0.1:{port}" for (host, _p), (_a, port) in bed.mapping.items()]
    connect = [option for m in mapping for option in ("--connect-to", m)]
    discover = ["--db", url, "addresses", "discover", "--site", site.code, *connect]
    assert main([*discover, "--json"]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {row["code"]: row["how"] for row in shown}["c01"] == NORMALISED
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    login = ["--user", "sysadmin", "--password-stdin"]
    assert main([*discover, "--accept", *login]) == 0
    capsys.readouterr()
    assert main(["--db", url, "addresses", "list", "--site", site.code, "--missing"]) == 0
    listed = capsys.readouterr()
    assert [line.split("\t")[1] for line in listed.out.splitlines()] == [
        c.code for c in site.columns if c.name == MISSING
    ]
    assert main(["--db", url, "addresses", "set", "--site", site.code, "c01"]) != 0
    assert "栏目代码=地址" in capsys.readouterr().err
