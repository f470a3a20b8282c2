"""A small cluster for GUI tests, made through the services (no demo generator needed)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from console.db import SessionFactory
from console.schema import Site, SiteDomain
from tests.staff import bootstrap_staff


def small_cluster(sessions: SessionFactory, sites: int = 450) -> None:
    """Three administrators and a reviewer, plus ``sites`` department sites."""
    bootstrap_staff(sessions)
    now = dt.datetime(2026, 11, 1)
    rows = [
        {
            "id": i,
            "code": f"331200{i:04d}",
            "name": f"云溪市第{i}局",
            "kind": "department",
            "region_code": "331200",
            "organiser_name": f"云溪市第{i}局",
            "organiser_uscc": "11331200MB0000000X",
            "organiser_type": "government",
            "state": "running",
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for i in range(1, sites + 1)
    ]
    domains = [
        {"site_id": i, "domain": f"d{i}.yunxi.gov.cn", "is_main": True, "version": 1}
        for i in range(1, sites + 1)
    ]
    if not rows:
        return
    with sessions.begin() as session:
        session.execute(insert(Site), rows)
        session.execute(insert(SiteDomain), domains)
