"""The annual report: the template as data, the console's counts against a hand-counted
site, entered figures saved, versioned, journalled and carried, the report's origins, the
missing figures and drafts."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from console.annual.figures import entered_figures, save_figures
from console.annual.prefill import prefill
from console.annual.report import CARRIED, CONSOLE, ENTERED, MISSING, build_reports
from console.annual.template import TEMPLATE_PATH, national
from console.base import clock
from console.base.errors import Conflict, InvalidInput, NotPermitted
from console.db import SessionFactory
from console.interactions.importing import feed
from console.interactions.records import MessageRecord
from console.schema import (
    ChannelKind,
    ColumnType,
    Filing,
    JournalEntry,
    MessageState,
    ProbeResult,
    SiteDomain,
)
from tests.core.preset_cluster import ADMIN, READER, add_column, add_posts, add_site

BEIJING = dt.timezone(dt.timedelta(hours=8))
ZONE = ZoneInfo("Asia/Shanghai")
SECTIONS = ["信息发布", "专栏专题", "解读回应", "办事服务", "互动交流", "安全防护", "移动新媒体",
            "创新发展"]  # fmt: skip
T = dt.datetime
YEAR = 2025


def test_the_template_records_its_source_and_its_unconfirmed_rows() -> None:
    raw = json.loads(TEMPLATE_PATH.read_text(encoding="utf-8"))
    assert "国办函〔2018〕12号" in raw["source"]["document"]
    assert raw["source"]["unconfirmed"]
    template = national()
    titles = [section.title for section in template.sections]
    assert titles == ["基本信息", *SECTIONS, "填报信息"]
    header = [row.label for row in template.sections[0].rows]
    for label in ("网站名称", "首页网址", "主办单位", "网站类型", "政府网站标识码", "ICP备案号",
                  "公安机关备案号"):  # fmt: skip
        assert label in header
    assert any(not row.confirmed for row in template.rows.values())
    assert all(row.parent is None or row.parent in template.rows for row in template.rows.values())


@pytest.mark.parametrize(
    ("key", "text", "stored"),
    [("total_visits", " 1200 ", "1200"), ("service_catalogue", "有", "是"),
     ("innovations", "无障碍浏览，搜索即服务", "搜索即服务、无障碍浏览"), ("head", "王五", "王五")],
)  # fmt: skip
def test_entered_values_are_normalised(key: str, text: str, stored: str) -> None:
    assert national().row(key).parse(text) == stored


@pytest.mark.parametrize(
    ("key", "text"),
    [("total_visits", "-1"), ("total_visits", "1.5"), ("service_catalogue", "也许"),
     ("innovations", "元宇宙"), ("head", "长" * 201)],
)  # fmt: skip
def test_bad_entered_values_are_refused(key: str, text: str) -> None:
    with pytest.raises(InvalidInput):
        national().row(key).parse(text)


def _hand_counted_site(sessions: SessionFactory) -> int:
    """A department site with, in 2025 (Beijing time): 3 news posts, 2 notices, 1 policy,
    1 overview, 2 in a 解读 column and 1 in a 回应 column (10 posts), one post on
    2024-12-31 23:30 Beijing (outside), two topics under 专题专栏 (one opened in 2025, one
    maintained since 2024), messages, probes and an assessment."""
    site = add_site(sessions, "3312000001")
    at = T(2025, 6, 1, 4)  # noon Beijing
    with sessions.begin() as session:
        session.add(SiteDomain(site_id=site, domain="lyj.yunxi.gov.cn", is_main=True))
        session.add(
            Filing(site_id=site, icp_number="浙ICP备13353696号-1", assessed_on=dt.date(2025, 9, 1))
        )
        news = add_column(session, site, "news", kind=ColumnType.NEWS)
        add_posts(session, site, news.id, at, 3)
        add_posts(session, site, news.id, T(2024, 12, 31, 15, 30))  # 23:30 Beijing, 2024
        add_posts(session, site, news.id, T(2024, 12, 31, 16, 30))  # 00:30 Beijing, 2025
        notice = add_column(session, site, "notice", kind=ColumnType.NOTICE)
        add_posts(session, site, notice.id, at, 1)
        policy = add_column(session, site, "policy", kind=ColumnType.POLICY)
        add_posts(session, site, policy.id, at, 1)
        overview = add_column(session, site, "about", kind=ColumnType.OTHER, name="机构概况")
        add_posts(session, site, overview.id, at, 1)
        reading = add_column(session, site, "jd", kind=ColumnType.OTHER, name="政策解读")
        add_posts(session, site, reading.id, at, 2)
        answer = add_column(session, site, "hy", kind=ColumnType.OTHER, name="回应关切")
        add_posts(session, site, answer.id, at, 1)
        topics = add_column(session, site, "zt", kind=ColumnType.OTHER, name="专题专栏")
        fresh = add_column(session, site, "t1", topics, ColumnType.NEWS, name="乡村振兴")
        add_posts(session, site, fresh.id, at, 1)
        old = add_column(session, site, "t2", topics, ColumnType.NEWS, name="营商环境")
        add_posts(session, site, old.id, T(2024, 5, 1), 1)
        add_column(session, site, "t3", topics, ColumnType.NEWS, name="空专题")
        for day, ok, footer in ((1, True, True), (2, False, True), (3, True, False),
                                (3, True, False), (4, True, True), (5, True, False)):  # fmt: skip
            session.add(ProbeResult(site_id=site, probed_at=T(2025, 3, day, 2), url="https://x/",
                                    ok=ok, footer_icp=footer))  # fmt: skip
    feed(
        sessions,
        ADMIN,
        [
            _message("c1", T(2025, 2, 1, 9), T(2025, 2, 3, 9), public=True),
            _message("c2", T(2025, 2, 1, 9), T(2025, 2, 2, 9)),
            _message("c3", T(2025, 12, 30, 9), None),
            _message("i1", T(2025, 4, 1, 9), T(2025, 4, 1, 10), "访谈", ChannelKind.INTERVIEW),
            _message("s1", T(2025, 5, 1, 9), None, "征集", ChannelKind.SURVEY),
        ],
    )
    return site


def _message(
    number: str, received: dt.datetime, answered: dt.datetime | None,
    channel: str = "局长信箱", kind: ChannelKind = ChannelKind.CONSULTATION,
    public: bool = False,
) -> MessageRecord:  # fmt: skip
    return MessageRecord(
        "3312000001", channel, kind, number, received.replace(tzinfo=BEIJING),
        MessageState.CLOSED if answered else MessageState.PENDING,
        answered_at=answered.replace(tzinfo=BEIJING) if answered else None, public=public,
    )  # fmt: skip


def test_the_console_counts_a_hand_counted_site(sessions: SessionFactory) -> None:
    site = _hand_counted_site(sessions)
    with sessions() as session:
        found = prefill(session, [site], YEAR, ZONE, dt.date(2026, 12, 7))[site]
    assert found["register.home_url"] == "https://lyj.yunxi.gov.cn/"
    assert found["register.site_type"] == "部门网站"
    assert found["filings.icp_number"] == "浙ICP备13353696号-1"
    assert found["filings.psb_number"] is None
    # 3 + 1 (00:30 on 1 January) news, 1 notice, 1 policy, 1 overview, 2 解读, 1 回应, 1 topic.
    assert found["posts.total"] == "11"
    assert (found["posts.news"], found["posts.disclosure"], found["posts.overview"]) == (
        "5", "2", "1",
    )  # fmt: skip
    assert (found["posts.interpretation"], found["posts.response"]) == ("2", "1")
    assert (found["columns.topics_maintained"], found["columns.topics_opened"]) == ("1", "1")
    assert (found["interactions.received"], found["interactions.closed"]) == ("3", "2")
    assert (found["interactions.average_days"], found["interactions.public"]) == ("1.5", "1")
    assert found["interactions.survey_received"] == "1"
    assert (found["interactions.interview_received"], found["interactions.interview_closed"]) == (
        "1", "1",
    )  # fmt: skip
    # Probes on 5 days plus the assessment; unreachable once (fixed), footer twice (one fixed).
    assert found["probes.check_days"] == "6"
    assert (found["probes.problems"], found["probes.fixed"]) == ("3", "2")
    assert all(row.source in found for row in national().rows.values() if not row.entered)


def test_entered_figures_are_saved_versioned_journalled_and_carried(
    sessions: SessionFactory,
) -> None:
    site = add_site(sessions, "3312000001")
    assert save_figures(sessions, ADMIN, site, 2024, {"total_visits": "100", "head": "王五"}) == [
        "head", "total_visits",
    ]  # fmt: skip
    figures = entered_figures(sessions, READER, site, 2024)
    assert figures["total_visits"].version == 1 and figures["head"].entered_by == "admin"
    save_figures(sessions, ADMIN, site, 2024, {"total_visits": "120"}, {"total_visits": 1})
    with pytest.raises(Conflict):
        save_figures(sessions, ADMIN, site, 2024, {"total_visits": "130"}, {"total_visits": 1})
    assert entered_figures(sessions, READER, site, 2024)["total_visits"].value == "120"
    # The standing fact (the head) is carried to 2025; the year's visits are not.
    carried = entered_figures(sessions, READER, site, 2025)
    assert set(carried) == {"head"} and carried["head"].year == 2024
    save_figures(sessions, ADMIN, site, 2024, {"total_visits": ""}, {"total_visits": 2})
    assert "total_visits" not in entered_figures(sessions, READER, site, 2024)
    with sessions() as session:
        entries = session.scalars(
            select(JournalEntry).where(JournalEntry.action == "annual.figures")
        ).all()
    assert [e.target_id for e in entries] == ["3312000001/2024"] * 3
    assert '"120"' in entries[1].after and '"100"' in entries[1].before
    with pytest.raises(InvalidInput, match="控制台统计"):
        save_figures(sessions, ADMIN, site, 2024, {"posts_total": "5"})
    with pytest.raises(InvalidInput, match="年份"):
        save_figures(sessions, ADMIN, site, 2999, {"total_visits": "5"})
    with pytest.raises(NotPermitted):
        save_figures(sessions, READER, site, 2024, {"total_visits": "5"})


def test_a_report_shows_each_figures_origin_and_what_is_missing(
    sessions: SessionFactory,
) -> None:
    site = _hand_counted_site(sessions)
    save_figures(sessions, ADMIN, site, 2024, {"head": "王五"})
    save_figures(sessions, ADMIN, site, YEAR, {"total_visits": "100"})
    [report] = build_reports(sessions, READER, YEAR)
    rows = {row.spec.key: row for row in report.rows}
    assert not report.draft and report.as_of == dt.date(YEAR, 12, 31)
    assert rows["posts_total"].origin.kind == CONSOLE and rows["posts_total"].value == "11"
    assert rows["total_visits"].origin.kind == ENTERED and rows["total_visits"].origin.by == "admin"
    assert rows["head"].origin.kind == CARRIED and rows["head"].origin.year == 2024
    assert rows["unique_visitors"].value is None and rows["unique_visitors"].origin.kind == MISSING
    missing = [spec.key for spec in report.missing]
    assert "unique_visitors" in missing and "psb_number" in missing
    assert "total_visits" not in missing and "weibo_name" not in missing
    assert rows["posts_total"].origin.text(ZONE) == f"控制台统计，截至 {YEAR}-12-31"
    assert "沿用 2024 年" in rows["head"].origin.text(ZONE)


def test_the_current_year_is_a_draft_and_unknown_sites_are_named(
    sessions: SessionFactory,
) -> None:
    add_site(sessions, "3312000001")
    [report] = build_reports(sessions, READER, clock.today(ZONE).year, ["3312000001"])
    assert report.draft and report.as_of.year == clock.today(ZONE).year
    with pytest.raises(InvalidInput, match="3312009999"):
        build_reports(sessions, READER, YEAR, ["3312000001", "3312009999"])
