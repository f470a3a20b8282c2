"""Keyset pages walk a list exactly once, in the order asked, on every engine."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from console.base.actor import Actor
from console.base.errors import NotPermitted
from console.base.journal_search import journal_listing
from console.base.listing import (
    Query,
    count,
    export_listing,
    fetch_page,
    iter_rendered,
    read_page,
)
from console.db import SessionFactory
from console.schema import Duty, Filing, JournalEntry, Site, SiteDomain
from console.sites.service import SITES

SYSADMIN = Actor(1, "sys", frozenset({Duty.SYSTEM_ADMIN}))
AUDITOR = Actor(2, "audit", frozenset({Duty.AUDIT_ADMIN}))


def _fill(sessions: SessionFactory, n: int = 257) -> None:
    rng = random.Random(7)
    names = ["财政局", "教育局", "公安局", "Water Bureau", "water bureau", "卫健委", "文旅局"]
    sites = [
        {
            "id": i + 1,
            "code": f"3312{i:06d}",
            "name": f"{rng.choice(names)}{rng.randint(0, 9)}",
            "kind": "department",
            "region_code": "331200",
            "organiser_name": rng.choice(names),
            "organiser_uscc": "1" * 18,
            "organiser_type": "government",
            "state": rng.choice(["running", "applied", "coded"]),
            "home_updated_at": None if i % 5 == 0 else dt.datetime(2026, 1, 1 + i % 28),
            "created_at": dt.datetime(2026, 1, 1),
            "updated_at": dt.datetime(2026, 1, 1),
            "version": 1,
        }
        for i in range(n)
    ]
    domains = [
        {"site_id": s["id"], "domain": f"d{s['id']}.yunxi.gov.cn", "is_main": True, "version": 1}
        for s in sites
        if s["id"] % 3
    ]
    filings = [
        {
            "site_id": s["id"],
            "icp_number": f"浙ICP备{s['id']:08d}号",
            "version": 1,
            "rectification_notes": "",
        }
        for s in sites
        if s["id"] % 4
    ]
    with sessions.begin() as session:
        session.execute(insert(Site), sites)
        session.execute(insert(SiteDomain), domains)
        session.execute(insert(Filing), filings)


def _walk(sessions: SessionFactory, query: Query, size: int) -> list[int]:
    ids: list[int] = []
    after = None
    with sessions() as session:
        while True:
            page = fetch_page(session, SITES, query, after, size)
            ids.extend(page.ids)
            if page.after is None:
                return ids
            after = page.after


@pytest.mark.parametrize("key", ["code", "name", "domain", "updated", "icp"])
def test_pages_cover_every_row_once_in_order(sessions: SessionFactory, key: str) -> None:
    _fill(sessions)
    for descending in (False, True):
        query = Query(sort=key, descending=descending)
        paged = _walk(sessions, query, size=20)
        whole = _walk(sessions, query, size=10_000)
        assert paged == whole
        assert sorted(paged) == list(range(1, 258))


def test_quick_filter_matches_name_code_and_domain_ignoring_case(
    sessions: SessionFactory,
) -> None:
    _fill(sessions)
    with sessions() as session:
        water = count(session, SITES, Query(text="WATER"))
        assert 0 < water.shown < water.total == 257
        by_domain = fetch_page(session, SITES, Query(text="d10.yunxi"), size=500)
        assert 10 in by_domain.ids
        percent = count(session, SITES, Query(text="%"))
        assert percent.shown == 0


def test_lists_are_read_only_by_their_readers(sessions: SessionFactory) -> None:
    _fill(sessions, 5)
    assert len(read_page(sessions, SYSADMIN, SITES, Query()).ids) == 5
    with pytest.raises(NotPermitted):
        read_page(sessions, AUDITOR, SITES, Query())


def test_export_rows_are_rendered_labels(sessions: SessionFactory) -> None:
    _fill(sessions, 30)
    rows = list(iter_rendered(sessions, SYSADMIN, SITES, Query()))
    assert len(rows) == 30
    states = {row[6] for row in rows}
    assert states <= {"运行", "申请", "已获标识码"}


def test_times_are_shown_and_exported_in_the_cluster_zone(
    sessions: SessionFactory, tmp_path: Path
) -> None:
    _fill(sessions, 2)  # site 2 was updated at 2026-01-02 00:00 UTC: 08:00 in Beijing
    rows = list(iter_rendered(sessions, SYSADMIN, SITES, Query()))
    assert rows[1][-1] == "2026-01-02 08:00"
    workbook, text = tmp_path / "sites.xlsx", tmp_path / "sites.csv"
    export_listing(sessions, SYSADMIN, SITES, Query(), workbook)
    export_listing(sessions, SYSADMIN, SITES, Query(), text)
    sheet = load_workbook(workbook).active
    assert sheet is not None
    cell = sheet.cell(row=3, column=len(SITES.fields))
    assert (cell.value, cell.number_format) == (dt.datetime(2026, 1, 2, 8), "yyyy-mm-dd hh:mm")
    with text.open(encoding="utf-8-sig", newline="") as stream:
        assert list(csv.reader(stream))[2][-1] == "2026-01-02 08:00"


def test_journal_days_are_days_in_the_cluster_zone(sessions: SessionFactory) -> None:
    """An entry at 23:30 UTC on 30 November is on 1 December in Beijing."""
    late, early = dt.datetime(2026, 11, 30, 23, 30), dt.datetime(2026, 11, 30, 15, 30)
    with sessions.begin() as session:
        for seq, at in ((1, early), (2, late)):
            session.add(
                JournalEntry(
                    seq=seq, at=at, operator_id=None, operator_name="x", action="a",
                    target_type="t", target_id="1", target_label="", before="", after="",
                    prev_hash="0" * 64, hash=f"{seq:064d}",
                )
            )  # fmt: skip
    auditor = Actor(3, "auditor", frozenset({Duty.AUDIT_ADMIN}))
    day = dt.date(2026, 12, 1)
    listing = journal_listing(since=day, until=day, zone=ZoneInfo("Asia/Shanghai"))
    assert read_page(sessions, auditor, listing, Query()).ids == [2]
    listing = journal_listing(since=day, until=day, zone=ZoneInfo("UTC"))
    assert read_page(sessions, auditor, listing, Query()).ids == []
