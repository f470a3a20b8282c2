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
from console.schema import Post, QueueItem
from console.screening import TERM, load_screener


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionFactory]:
    """A small demo city in an SQLite file."""
    path = Path(tmp_path_factory.mktemp("demo")) / "demo.sqlite3"
    sessions = open_database(URL.create("sqlite", database=str(path)))
    generate(sessions, seed=11, sites=30, posts=300, as_of=dt.date(2026, 5, 1))
    yield sessions
    engine_of(sessions).dispose()


def test_every_planted_finding_is_found_and_nothing_else_but_terms_inside_them(
    demo: SessionFactory,
) -> None:
    with demo() as session:
        screener = load_screener(session)
        planted = {
            post_id: json.loads(findings)
            for post_id, findings in session.execute(select(QueueItem.post_id, QueueItem.findings))
        }
        posts = session.execute(select(Post.id, Post.body)).all()
    assert planted
    for post_id, body in posts:
        found = [f.as_dict() for f in screener.screen(body)]
        expected = planted.get(post_id, [])
        assert all(finding in found for finding in expected), post_id
        for extra in (f for f in found if f not in expected):
            # A term nested in a planted one (保监会 inside 银保监会) is a finding too.
            assert extra["kind"] == TERM
            assert any(
                p["start"] <= extra["start"] and extra["end"] <= p["end"] for p in expected
            ), (post_id, extra)
