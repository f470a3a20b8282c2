"""The demo city's interaction records: channels on running sites, a year of messages, some
answered late on a few sites (the rule finds them), a department without a consultation
channel; and the annual report's counts of a demo site against counts made row by row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from console.annual.prefill import prefill
from console.base import clock
from console.db import SessionFactory, engine_of, open_database
from console.demo.generator import generate
from console.interactions.rule import is_late
from console.presets import service as presets
from console.presets.inspection import LATE_ANSWERS, NO_CONSULTATION
from console.schema import ColumnType, InteractionChannel, InteractionMessage, Post, SiteColumn
from tests.core.preset_cluster import READER

AS_OF = dt.date(2026, 5, 1)
ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionFactory]:
    path = tmp_path_factory.mktemp("demo") / "cluster.sqlite3"
    factory = open_database(URL.create("sqlite", database=str(path)))
    generate(factory, as_of=AS_OF, sites=60, posts=3_000)
    yield factory
    engine_of(factory).dispose()


def test_running_sites_get_channels_and_a_year_of_messages(demo: SessionFactory) -> None:
    with demo() as session:
        messages = session.execute(
            select(InteractionMessage.received_at, InteractionMessage.answered_at,
                   InteractionMessage.valid, InteractionMessage.invalid_reason)
        ).all()  # fmt: skip
        kinds = set(session.scalars(select(InteractionChannel.kind)))
    assert {"consultation", "suggestion", "interview", "survey"} <= kinds
    received = [clock.local_date(m.received_at, ZONE) for m in messages]
    assert min(received) >= AS_OF - dt.timedelta(days=366) and max(received) < AS_OF
    assert all(m.valid or m.invalid_reason for m in messages)
    late = [
        m for m in messages
        if is_late(clock.local_date(m.received_at, ZONE),
                   clock.local_date(m.answered_at, ZONE) if m.answered_at else None, AS_OF, 3)
    ]  # fmt: skip
    assert late and len(late) < len(messages) / 5


def test_the_rule_finds_late_messages_and_a_department_without_a_channel(
    demo: SessionFactory,
) -> None:
    found = presets.inspect(demo, READER, AS_OF)
    rules = {risk.rule for site in found.sites for risk in site.risks}
    assert LATE_ANSWERS in rules and NO_CONSULTATION in rules
    slow = [s for s in found.sites if any(r.rule == LATE_ANSWERS for r in s.risks)]
    assert len(slow) <= len(found.sites) / 10  # a handful: the cluster mostly answers in time


def test_a_demo_sites_report_counts_match_a_count_row_by_row(demo: SessionFactory) -> None:
    year = AS_OF.year - 1
    start, end = clock.day_range(dt.date(year, 1, 1), dt.date(year, 12, 31), ZONE)
    with demo() as session:
        site_id = session.scalars(
            select(Post.site_id).group_by(Post.site_id).order_by(Post.site_id)
        ).first()
        assert site_id is not None
        counted = prefill(session, [site_id], year, ZONE, AS_OF)[site_id]
        types = dict(
            (c.id, c.column_type)
            for c in session.execute(
                select(SiteColumn.id, SiteColumn.column_type).where(SiteColumn.site_id == site_id)
            )
        )
        posts = session.execute(
            select(Post.column_id, Post.published_at, Post.status).where(Post.site_id == site_id)
        ).all()
        channels = {
            c.id: c.kind
            for c in session.execute(
                select(InteractionChannel.id, InteractionChannel.kind).where(
                    InteractionChannel.site_id == site_id
                )
            )
        }
        messages = session.execute(
            select(InteractionMessage.channel_id, InteractionMessage.received_at,
                   InteractionMessage.answered_at, InteractionMessage.public)
            .where(InteractionMessage.channel_id.in_(list(channels) or [0]))
        ).all()  # fmt: skip
    in_year = [p for p in posts if p.status == "published" and start <= p.published_at < end]
    assert counted["posts.total"] == str(len(in_year))
    news = [p for p in in_year if types.get(p.column_id) == ColumnType.NEWS]
    assert counted["posts.news"] == str(len(news))
    asked = [
        m for m in messages
        if channels[m.channel_id] not in ("interview", "survey") and start <= m.received_at < end
    ]  # fmt: skip
    closed = [m for m in asked if m.answered_at is not None and m.answered_at < end]
    assert counted["interactions.received"] == str(len(asked))
    assert counted["interactions.closed"] == str(len(closed))
    assert counted["interactions.public"] == str(sum(1 for m in closed if m.public))
