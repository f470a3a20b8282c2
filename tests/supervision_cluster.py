"""A small cluster whose supervision figures are counted by hand (as of 2026-11-20, Beijing).

Sites (running unless said): 云溪市人民政府 P (city portal), 云溪市教育局 D (its department),
溪东区人民政府 C (county portal under P), 溪东区水利局 CD (C's department), 云溪市卫健委 X
(applied, not running).

- Risks: D's home page was never updated (home); CD has 5 blank columns (blank); C failed 10 of
  its 140 probes over the 7 days before 11-20 (unreachable). P passes (140 good probes).
- Availability over 7 days: (280 − 10) / 280 = 96.4 %; below: C; undetermined: D and CD.
- Filings: D opened 40 days ago without a 公安 number (overdue); CD opened 10 days ago without
  one (due within 30 days); P and C are filed.
- Review: D has an item pending since 11-10 (waiting > 7 days), CD one since 11-18 with personal
  data; P had two decided this week (after 48 h and 24 h: median 36 h); D one decided on 11-05.
- Updates in November: P's news column 3 posts (and 1 in October); D's notice column 2 posts.
- Ranking: D 100 − (20 + 10 + 2) = 68; C with CD 100 − 40 / 2 = 80; CD alone 100 − 20 = 80.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import update

from console.base import clock
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import (
    Filing,
    Post,
    ProbeResult,
    QueueItem,
    Site,
    SiteColumn,
    SiteState,
)
from console.sites.service import create_site
from tests.site_drafts import DEPT, PORTAL, org
from tests.staff import PASSWORD, bootstrap_staff

AS_OF = dt.date(2026, 11, 20)
ZONE = clock.zone_named("Asia/Shanghai")
COUNTY = dataclasses.replace(
    PORTAL, code="3312020001", name="溪东区人民政府", kind="portal_county",
    parent_code=PORTAL.code, organiser_name="溪东区人民政府办公室", organiser_uscc=org(10),
    domains=("www.xidong.gov.cn",), icp_number=None, psb_number=None,
    contact_name="赵敏", contact_email="zm@xidong.gov.cn",
)  # fmt: skip
COUNTY_DEPT = dataclasses.replace(
    DEPT, code="3312020002", name="溪东区水利局", organiser_name="溪东区水利局",
    organiser_uscc=org(11), parent_code=COUNTY.code, domains=("slj.xidong.gov.cn",),
    icp_number=None, psb_number=None, contact_name="钱进", contact_email="qj@xidong.gov.cn",
)  # fmt: skip
HEALTH = dataclasses.replace(
    DEPT, code="3312000003", name="云溪市卫健委", organiser_name="云溪市卫健委",
    organiser_uscc=org(3), domains=("wjw.yunxi.gov.cn",), icp_number=None, psb_number=None,
)  # fmt: skip
DEPT_WITH_CONTACT = dataclasses.replace(
    DEPT, contact_name="孙丽", contact_phone="13900001111", contact_email="sl@yunxi.gov.cn"
)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    """Stored time of ``hour`` o'clock Beijing time on ``day``."""
    return clock.wall_to_stored(dt.datetime.combine(day, dt.time(hour)), ZONE)


def days_before(n: int, hour: int = 10) -> dt.datetime:
    return at(AS_OF - dt.timedelta(days=n), hour)


def build(sessions: SessionFactory) -> dict[str, int]:
    """Register the sites and write their history; site ids by letter."""
    bootstrap_staff(sessions)
    admin = operators.login(sessions, "sysadmin", PASSWORD)
    drafts = {"P": PORTAL, "D": DEPT_WITH_CONTACT, "C": COUNTY, "CD": COUNTY_DEPT, "X": HEALTH}
    ids = {key: create_site(sessions, admin, draft) for key, draft in drafts.items()}
    with sessions.begin() as session:
        _states(session, ids)
        _filings(session, ids)
        _columns_and_posts(session, ids)
        _probes(session, ids)
        _queue(session, ids)
    return ids


def _states(session: object, ids: dict[str, int]) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    recent = days_before(2)
    opened = {"P": 200, "C": 200, "D": 40, "CD": 10}
    for key, back in opened.items():
        session.execute(
            update(Site).where(Site.id == ids[key]).values(
                state=SiteState.RUNNING, opened_on=AS_OF - dt.timedelta(days=back),
                home_updated_at=None if key == "D" else recent,
            )
        )  # fmt: skip


def _filings(session: object, ids: dict[str, int]) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    session.execute(
        update(Filing).where(Filing.site_id == ids["P"]).values(
            psb_date=AS_OF - dt.timedelta(days=190), mlps_level=1
        )
    )  # fmt: skip
    session.execute(
        update(Filing).where(Filing.site_id == ids["D"]).values(psb_number=None, mlps_level=1)
    )
    psb = "浙公网安备33120202002999号"
    filed = AS_OF - dt.timedelta(days=190)
    session.add(Filing(site_id=ids["C"], psb_number=psb, psb_date=filed, mlps_level=1, version=1))
    session.add(Filing(site_id=ids["CD"], mlps_level=1, version=1))


def _column(session: object, site_id: int, code: str, kind: str) -> SiteColumn:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    column = SiteColumn(site_id=site_id, path="/", name=code, code=code, column_type=kind,
                        version=1)  # fmt: skip
    session.add(column)
    session.flush()
    column.path = f"/{column.id}/"
    return column


def _post(site_id: int, column_id: int | None, when: dt.datetime, title: str) -> Post:
    return Post(site_id=site_id, column_id=column_id, title=title, body=title, published_at=when,
                updated_at=when, content_hash=title)  # fmt: skip


def _columns_and_posts(session: object, ids: dict[str, int]) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    news = _column(session, ids["P"], "news", "news")
    notice = _column(session, ids["D"], "notice", "notice")
    for n in range(5):
        _column(session, ids["CD"], f"blank{n}", "other")
    for n, back in enumerate((1, 5, 12)):
        session.add(_post(ids["P"], news.id, days_before(back), f"要闻{n}"))
    session.add(_post(ids["P"], news.id, days_before(30), "十月要闻"))
    for n, back in enumerate((3, 6)):
        session.add(_post(ids["D"], notice.id, days_before(back), f"通知{n}"))


def _probes(session: object, ids: dict[str, int]) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    for back in range(1, 8):
        for hour in range(20):
            for key in ("P", "C"):
                failed = key == "C" and back == 3 and hour < 10
                session.add(
                    ProbeResult(site_id=ids[key], probed_at=days_before(back, hour),
                                url="https://x/", ok=not failed, latency_ms=200,
                                timeout_ms=15000)
                )  # fmt: skip


PERSONAL = '[{"category":"个人信息","kind":"mobile","term":"138****1234"}]'


def _queue(session: object, ids: dict[str, int]) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    items = (
        ("D", days_before(10), None, "[]"),
        ("CD", days_before(2), None, PERSONAL),
        ("P", days_before(3), days_before(1), "[]"),
        ("P", days_before(5), days_before(4), "[]"),
        ("D", days_before(20), days_before(15), "[]"),
    )
    for n, (key, created, decided, findings) in enumerate(items):
        post = _post(ids[key], None, created, f"稿件{n}")
        session.add(post)
        session.flush()
        session.add(
            QueueItem(post_id=post.id, content_hash=post.content_hash, findings=findings,
                      finding_count=1, state="approved" if decided else "pending",
                      decided_at=decided, created_at=created, version=1)
        )  # fmt: skip


def add_edges(sessions: SessionFactory, ids: dict[str, int], as_of: dt.date) -> None:
    """Queue items on the edges of the week and the month before the end of ``as_of``, each
    decision kind: decided or queued just inside (Beijing time) or just outside."""
    week = as_of - dt.timedelta(days=6)
    month = as_of.replace(day=1)
    inside_week = clock.wall_to_stored(dt.datetime.combine(week, dt.time(0, 30)), ZONE)
    outside_week = clock.wall_to_stored(dt.datetime.combine(week, dt.time()), ZONE)
    inside_month = clock.wall_to_stored(dt.datetime.combine(month, dt.time(0, 30)), ZONE)
    outside_month = inside_month - dt.timedelta(hours=1)
    items = (
        ("P", inside_week - dt.timedelta(days=3), inside_week, "returned", "[]"),
        ("C", outside_week - dt.timedelta(days=3), outside_week - dt.timedelta(seconds=1),
         "taken_down", "[]"),
        ("CD", inside_week - dt.timedelta(days=1), at(as_of, 23), "whitelisted", "[]"),
        ("D", inside_month, at(as_of), "taken_down", PERSONAL),
        ("C", outside_month, None, "pending", PERSONAL),
        ("P", inside_month, None, "claimed", PERSONAL),
    )  # fmt: skip
    with sessions.begin() as session:
        for n, (key, created, decided, state, findings) in enumerate(items):
            post = _post(ids[key], None, created, f"边界稿件{n}")
            session.add(post)
            session.flush()
            session.add(
                QueueItem(post_id=post.id, content_hash=post.content_hash, findings=findings,
                          finding_count=1, state=state, decided_at=decided, created_at=created,
                          version=1)
            )  # fmt: skip
