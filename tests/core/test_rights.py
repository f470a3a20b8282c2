"""Effective rights: grants reach down column subtrees, expire, and skip closed sites."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, update

from console.base.actor import Actor
from console.db import SessionFactory
from console.operators import service as operators
from console.permissions import rights
from console.schema import Account, Duty, Grant, Site, SiteColumn, utcnow

SECADMIN = Actor(2, "sec", frozenset({Duty.SECURITY_ADMIN}))
NOW = dt.datetime(2026, 11, 1, 12)


def tiny_cluster(sessions: SessionFactory, sites: int = 2) -> None:
    """Operators, ``sites`` running sites with a column tree /1/ → /1/2/ → /1/2/3/ (ids per site
    offset by 10), and four accounts (ids 1–4) without grants."""
    operators.bootstrap(
        sessions,
        [
            operators.NewOperator("sys", "甲", "Str0ng!Passw0rd", frozenset({Duty.SYSTEM_ADMIN})),
            operators.NewOperator("sec", "乙", "Str0ng!Passw0rd", frozenset({Duty.SECURITY_ADMIN})),
            operators.NewOperator("aud", "丙", "Str0ng!Passw0rd", frozenset({Duty.AUDIT_ADMIN})),
        ],
    )
    now = utcnow()
    site_rows, column_rows = [], []
    for s in range(1, sites + 1):
        site_rows.append(
            {
                "id": s, "code": f"331200{s:04d}", "name": f"云溪市第{s}局", "kind": "department",
                "region_code": "331200", "organiser_name": f"云溪市第{s}局",
                "organiser_uscc": "11331200MB0000000X", "organiser_type": "government",
                "state": "running", "created_at": now, "updated_at": now, "version": 1,
                "publish_requires_review": True,
            }
        )  # fmt: skip
        base = (s - 1) * 10
        names = ("政务公开", "通知公告", "人事任免", "工作动态")
        parents = (None, base + 1, base + 2, None)
        for offset, (name, parent) in enumerate(zip(names, parents, strict=True), start=1):
            cid = base + offset
            path = f"/{base + 1}/" if offset == 1 else None
            if offset == 2:
                path = f"/{base + 1}/{base + 2}/"
            elif offset == 3:
                path = f"/{base + 1}/{base + 2}/{base + 3}/"
            elif offset == 4:
                path = f"/{cid}/"
            column_rows.append(
                {
                    "id": cid, "site_id": s, "parent_id": parent, "path": path, "name": name,
                    "code": f"c{cid}", "column_type": "notice", "position": offset, "version": 1,
                }
            )  # fmt: skip
    accounts = [
        {
            "username": f"editor{i}", "full_name": f"编辑{i}", "organisation": "云溪市第1局",
            "site_id": 1, "phone": "13800001234", "email": "", "status": "active",
            "failed_logins": 0, "created_at": now, "version": 1,
        }
        for i in range(1, 5)
    ]  # fmt: skip
    with sessions.begin() as session:
        session.execute(insert(Site), site_rows)
        session.execute(insert(SiteColumn), column_rows)
        # No explicit ids: PostgreSQL's sequence must stay ahead for accounts the tests create.
        for row in accounts:
            session.add(Account(**row))


def give(
    sessions: SessionFactory,
    account: int,
    role: str,
    site: int = 1,
    column: int | None = None,
    expires: dt.datetime | None = None,
) -> int:
    """Insert a grant directly (the rules are the services' business, tested elsewhere)."""
    with sessions.begin() as session:
        row = Grant(
            account_id=account, role=role, site_id=site, column_id=column, expires_at=expires,
            granted_at=NOW - dt.timedelta(days=30),
        )  # fmt: skip
        session.add(row)
        session.flush()
        return row.id


def test_a_grant_on_a_column_reaches_its_descendants_not_its_parent(
    sessions: SessionFactory,
) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "publisher", column=2)
    with sessions() as session:
        assert [r.username for r in rights.who_can(session, "publisher", 1, 3, NOW)] == ["editor1"]
        assert [r.username for r in rights.who_can(session, "publisher", 1, 2, NOW)] == ["editor1"]
        assert rights.who_can(session, "publisher", 1, 1, NOW) == []
        assert rights.who_can(session, "publisher", 1, 4, NOW) == []
        assert rights.who_can(session, "publisher", 1, None, NOW) == []


def test_a_site_grant_reaches_every_column_of_that_site_only(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    give(sessions, 2, "reviewer")
    with sessions() as session:
        for column in (None, 1, 2, 3, 4):
            assert [r.account_id for r in rights.who_can(session, "reviewer", 1, column, NOW)] == [
                2
            ]
        assert rights.who_can(session, "reviewer", 2, 12, NOW) == []
        assert rights.who_can(session, "editor", 1, 3, NOW) == []


def test_expired_grants_give_nothing_but_the_grid_shows_them(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "editor", column=1, expires=NOW - dt.timedelta(days=1))
    give(sessions, 2, "editor", column=2, expires=NOW + dt.timedelta(days=1))
    give(sessions, 3, "editor")
    with sessions() as session:
        assert [r.account_id for r in rights.who_can(session, "editor", 1, 3, NOW)] == [2, 3]
        assert [r.account_id for r in rights.rights_of(session, 1, NOW)] == []
        assert len(rights.rights_of(session, 1, NOW, with_expired=True)) == 1
        grid = rights.node_grants(session, 1, 2)
    standing = {r.account_id: rights.standing(r, 2, NOW) for r in grid}
    assert standing == {
        1: rights.Standing.EXPIRED,
        2: rights.Standing.EXPLICIT,
        3: rights.Standing.INHERITED,
    }


def test_disabled_accounts_and_closed_sites_give_no_rights(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "publisher")
    give(sessions, 2, "publisher", site=2)
    with sessions.begin() as session:
        session.execute(update(Account).where(Account.id == 1).values(status="disabled"))
        session.execute(update(Site).where(Site.id == 2).values(state="retired"))
    with sessions() as session:
        assert rights.who_can(session, "publisher", 1, None, NOW) == []
        assert rights.who_can(session, "publisher", 2, None, NOW) == []
        assert rights.rights_of(session, 2, NOW) == []


def test_rights_of_an_account_name_the_grant_each_comes_from(sessions: SessionFactory) -> None:
    tiny_cluster(sessions)
    site_wide = give(sessions, 1, "site_admin")
    column = give(sessions, 1, "editor", column=4)
    elsewhere = give(sessions, 1, "reviewer", site=2)
    with sessions() as session:
        held = rights.rights_of(session, 1, NOW)
    assert {(r.grant_id, r.scope_label) for r in held} == {
        (site_wide, "云溪市第1局"),
        (column, "云溪市第1局 › 工作动态"),
        (elsewhere, "云溪市第2局"),
    }


def test_writing_and_publishing_over_overlapping_scopes_is_flagged(
    sessions: SessionFactory,
) -> None:
    tiny_cluster(sessions)
    give(sessions, 1, "editor", column=3)
    give(sessions, 1, "publisher", column=1)
    give(sessions, 2, "editor", column=4)
    give(sessions, 2, "publisher", column=2)
    give(sessions, 3, "editor", site=2)
    give(sessions, 3, "publisher", site=2)
    with sessions.begin() as session:
        session.execute(update(Site).where(Site.id == 2).values(publish_requires_review=False))
    with sessions() as session:
        flagged = rights.dual_holdings(session, now=NOW)
    assert [f.account_id for f in flagged] == [1]


def test_ancestor_ids_read_the_materialised_path() -> None:
    assert rights.ancestor_ids("/1/7/42/") == [1, 7, 42]
    assert rights.ancestor_ids("") == []
