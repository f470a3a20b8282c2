"""The screener over the demo city: it finds every planted problem where the demo says it is."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from console.db import SessionFactory, engine_of, open_database
from console.demo import generate
from console.review import scan
from console.review.scanning import findings_of_post
from console.schema import Post, PostStatus, QueueItem, QueueState
from console.screening import TERM, load_screener


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionFactory]:
    """A small demo city in an SQLite file."""
    path = Path(tmp_path_factory.mktemp("demo")) / "demo.sqlite3"
    sessions = open_database(URL.create("sqlite", database=str(path)))
    generate(sessions, seed=11, sites=30, posts=300, as_of=dt.date(2026, 5, 1))
    yield sessions
    engine_of(sessions).dispose()


def test_the_queue_holds_exactly_what_the_screener_finds_in_each_post(
    demo: SessionFactory,
) -> None:
    with demo() as session:
        screener = load_screener(session)
        queued = {
            post_id: json.loads(findings)
            for post_id, findings in session.execute(select(QueueItem.post_id, QueueItem.findings))
        }
        posts = session.execute(select(Post.id, Post.title, Post.body)).all()
    assert queued
    terms_nested = 0
    for post_id, title, body in posts:
        found = findings_of_post(screener, title, body)
        assert queued.get(post_id, []) == found, post_id
        terms_nested += sum(
            1
            for f in found
            for g in found
            if f is not g and f["kind"] == g["kind"] == TERM and g["start"] <= f["start"]
            and f["end"] <= g["end"] and (f["start"], f["end"]) != (g["start"], g["end"])
        )  # fmt: skip
    # A term nested in a planted one (保监会 inside 银保监会) is among the findings too.
    assert terms_nested > 0


def test_a_full_rescan_of_a_fresh_demo_finds_nothing_new(tmp_path: Path) -> None:
    sessions = open_database(URL.create("sqlite", database=str(tmp_path / "demo.sqlite3")))
    try:
        generate(sessions, seed=11, sites=30, posts=300, as_of=dt.date(2026, 5, 1))
        with sessions() as session:
            screener = load_screener(session)
        result = scan(sessions, screener, full=True)
        assert result.screened > 0
        assert (result.queued, result.refreshed, result.cleared) == (0, 0, 0)
    finally:
        engine_of(sessions).dispose()


def test_a_decided_post_has_the_status_its_decision_gave_it(demo: SessionFactory) -> None:
    expected = {
        QueueState.PENDING: PostStatus.PUBLISHED,
        QueueState.APPROVED: PostStatus.PUBLISHED,
        QueueState.RETURNED: PostStatus.RETURNED,
        QueueState.TAKEN_DOWN: PostStatus.WITHDRAWN,
    }
    with demo() as session:
        rows = session.execute(
            select(QueueItem.state, Post.status).join(Post, QueueItem.post_id == Post.id)
        ).all()
        unflagged = session.scalars(
            select(Post.status).where(Post.id.not_in(select(QueueItem.post_id)))
        ).all()
    assert {state for state, _ in rows} == {s.value for s in expected}
    for state, status in rows:
        assert status == expected[QueueState(state)].value
    assert set(unflagged) == {PostStatus.PUBLISHED.value}
