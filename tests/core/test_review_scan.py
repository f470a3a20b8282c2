"""Screening fills the queue once per problem; the queue's lists, filters and detail."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from console import review as queue
from console.base import journal
from console.base.listing import Query, count, fetch_page
from console.db import SessionFactory
from console.operators import service as operators
from console.review import filters
from console.review import service as review
from console.schema import JournalEntry, LexiconTerm, Post, QueueItem
from console.screening import Screener
from console.screening.lexicon_files import TermEntry
from tests.core.queue_cluster import ID_CARD, PHONE, queue_cluster
from tests.staff import PASSWORD

SCREENER = Screener.build([TermEntry("国家计委", "过时名称", 2, "")], [])


def _edit(sessions: SessionFactory, post_id: int, body: str) -> None:
    with sessions.begin() as session:
        post = session.get(Post, post_id)
        assert post is not None
        digest = hashlib.sha256((post.title + body).encode()).hexdigest()
        session.execute(
            update(Post).where(Post.id == post_id).values(body=body, content_hash=digest)
        )


def _states(sessions: SessionFactory) -> dict[int, str]:
    with sessions() as session:
        return dict(session.execute(select(QueueItem.post_id, QueueItem.state)).all())


def test_a_scan_queues_new_posts_with_findings_once(sessions) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sessions, 6, queued=False)
    _edit(sessions, 2, "本文没有任何问题。")
    actor = operators.login(sessions, "reviewer", PASSWORD)
    seen: list[tuple[int, int]] = []
    result = review.run_scan(
        sessions, actor, SCREENER, progress=lambda done, total: seen.append((done, total))
    )
    assert (result.screened, result.queued, result.total) == (6, 5, 6)
    assert seen[-1] == (6, 6)
    assert sorted(_states(sessions)) == [1, 3, 4, 5, 6]
    with sessions() as session:
        item = session.scalar(select(QueueItem).where(QueueItem.post_id == 1))
        assert item is not None
        found = queue.findings_of(item)
    assert [f["kind"] for f in found] == ["term", "mobile"]
    assert item.priority == 2
    again = review.run_scan(sessions, actor, SCREENER)
    assert (again.screened, again.queued) == (0, 0)


class JournalDown(Exception):
    """The journal write failing in the middle of a scan."""


def _scan_entries(sessions: SessionFactory) -> list[dict[str, Any]]:
    with sessions() as session:
        entries = session.scalars(
            select(JournalEntry)
            .where(JournalEntry.action == "audit.scan")
            .order_by(JournalEntry.seq)
        )
        return [json.loads(entry.after) for entry in entries]


def _screened_and_queued(sessions: SessionFactory) -> tuple[list[int], list[int]]:
    with sessions() as session:
        screened = session.scalars(
            select(Post.id).where(Post.screened_hash == Post.content_hash).order_by(Post.id)
        )
        queued = session.scalars(select(QueueItem.post_id).order_by(QueueItem.post_id))
        return list(screened), list(queued)


def test_each_batch_commits_with_its_journal_entry_or_not_at_all(  # type: ignore[no-untyped-def]
    sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue_cluster(sessions, 6, queued=False)
    actor = operators.login(sessions, "reviewer", PASSWORD)
    real_record = journal.record
    calls = 0

    def second_fails(*args: Any, **kwargs: Any) -> JournalEntry:
        nonlocal calls
        calls += 1
        entry = real_record(*args, **kwargs)
        if calls == 2:
            raise JournalDown
        return entry

    monkeypatch.setattr(journal, "record", second_fails)
    with pytest.raises(JournalDown):
        review.run_scan(sessions, actor, SCREENER, batch=2)
    monkeypatch.undo()
    first = {"first_post": 1, "last_post": 2, "screened": 2, "queued": 2, "refreshed": 0}
    assert _scan_entries(sessions) == [{**first, "cleared": 0}]
    assert _screened_and_queued(sessions) == ([1, 2], [1, 2])

    resumed = review.run_scan(sessions, actor, SCREENER, batch=2)
    assert (resumed.screened, resumed.queued) == (4, 4)
    assert [(e["first_post"], e["last_post"]) for e in _scan_entries(sessions)] == [
        (1, 2),
        (3, 4),
        (5, 6),
    ]
    assert _screened_and_queued(sessions) == ([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6])
    auditor = operators.login(sessions, "auditor", PASSWORD)
    assert journal.verify(sessions, auditor).intact


def test_a_scan_with_nothing_to_screen_is_journalled_once(sessions) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sessions, 2, queued=False)
    actor = operators.login(sessions, "reviewer", PASSWORD)
    review.run_scan(sessions, actor, SCREENER)
    review.run_scan(sessions, actor, SCREENER)
    entries = _scan_entries(sessions)
    assert [e["screened"] for e in entries] == [2, 0]
    assert entries[-1]["total"] == 0


def test_changed_posts_refresh_their_open_item_and_fixed_ones_leave_the_queue(sessions) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sessions, 3, queued=False)
    actor = operators.login(sessions, "reviewer", PASSWORD)
    review.run_scan(sessions, actor, SCREENER)
    _edit(sessions, 1, f"申请人身份证号{ID_CARD}。")
    _edit(sessions, 2, "已改正。")
    result = review.run_scan(sessions, actor, SCREENER)
    assert (result.screened, result.refreshed, result.cleared, result.queued) == (2, 1, 1, 0)
    assert sorted(_states(sessions)) == [1, 3]
    with sessions() as session:
        item = session.scalar(select(QueueItem).where(QueueItem.post_id == 1))
        assert item is not None and item.priority == 3
        assert [f["kind"] for f in queue.findings_of(item)] == ["id_card"]


def test_a_full_rescan_does_not_queue_again_what_was_decided(sessions) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sessions, 4, queued=False)
    actor = operators.login(sessions, "reviewer", PASSWORD)
    review.run_scan(sessions, actor, SCREENER)
    review.review(sessions, actor, [1], "approve")
    with sessions.begin() as session:
        session.execute(
            insert(LexiconTerm),
            [{"term": "第2号", "category": "测试", "severity": 1, "version": 1, "note": ""}],
        )
    wider = Screener.build(
        [TermEntry("国家计委", "过时名称", 2, ""), TermEntry("第2号", "测试", 1, "")], []
    )
    stopped = review.run_scan(sessions, actor, wider, full=True, cancelled=lambda: True)
    assert stopped.cancelled and stopped.screened == 0
    result = review.run_scan(sessions, actor, wider, full=True)
    assert result.screened == 4 and result.queued == 0 and result.refreshed == 1
    assert _states(sessions) == {1: "approved", 2: "pending", 3: "pending", 4: "pending"}


def test_the_status_lists_filter_in_sql_and_start_with_the_oldest(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 12)
    actor = operators.login(sessions, "reviewer", PASSWORD)
    review.claim_next(sessions, actor, 2)
    review.review(sessions, actor, [3], "return", "请修改")
    with sessions() as session:
        page = fetch_page(session, review.QUEUE, Query())
        assert page.ids == list(range(4, 13))
        mine = fetch_page(session, review.mine(cluster.reviewers[0]), Query())
        assert mine.ids == [1, 2]
        assert fetch_page(session, review.RETURNED, Query()).ids == [3]
        site = filters.narrowed(review.QUEUE, filters.QueueFilter(site_id=2))
        assert fetch_page(session, site, Query()).ids == [4, 7, 10]
        severe = filters.narrowed(review.QUEUE, filters.QueueFilter(min_severity=3))
        assert fetch_page(session, severe, Query()).ids == [6, 9, 12]
        personal = filters.narrowed(review.QUEUE, filters.QueueFilter(category="个人信息"))
        assert count(session, personal, Query()).shown == 9
        other = filters.narrowed(review.QUEUE, filters.QueueFilter(category="涉密"))
        assert count(session, other, Query()).shown == 0
        old = filters.narrowed(review.QUEUE, filters.QueueFilter(older_than_hours=24))
        assert count(session, old, Query()).shown == 9
    counts = review.status_counts(sessions, actor)
    assert counts == {
        "pending": 9, "mine": 2, "approved": 0, "returned": 1, "taken_down": 0, "all": 12
    }  # fmt: skip


def test_the_detail_masks_personal_data_in_place(sessions) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sessions, 1)
    actor = operators.login(sessions, "reviewer", PASSWORD)
    detail = review.item_detail(sessions, actor, 1)
    assert PHONE not in detail.body and "138****5678" in detail.body
    assert [(f.category, f.term, f.text) for f in detail.findings] == [
        ("过时名称", "国家计委", "国家计委"),
        ("个人信息", "手机号码", "138****5678"),
    ]
    first = detail.findings[0]
    assert detail.body[first.start : first.end] == "国家计委"
    assert queue.default_phrase([{"kind": "term", "text": "国家计委"}]) == "国家计委"


def test_whitelist_suggestions_stop_at_punctuation() -> None:
    from console.review.detail import context_phrase

    text = "会议传达学习了国家计委有关文件精神。"
    start = text.index("国家计委")
    assert context_phrase(text, start, start + 4) == "传达学习了国家计委有关文件精"[1:-1]
    assert context_phrase("，国家计委。", 1, 5) == "国家计委"


def test_the_category_filter_matches_whole_categories_whatever_they_hold(sessions) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sessions, 3, queued=False)
    screeners = {
        1: Screener.build([TermEntry("国家计委", '旧"称_a', 2)], []),
        2: Screener.build([TermEntry("国家计委", "旧X称Xa", 2)], []),
        3: Screener.build([TermEntry("国家计委", '旧"称_ab', 2)], []),
    }
    for post_id, screener in screeners.items():
        _only(sessions, post_id)
        queue.scan(sessions, screener)
    with sessions() as session:
        chosen = filters.narrowed(review.QUEUE, filters.QueueFilter(category='旧"称_a'))
        assert fetch_page(session, chosen, Query()).ids == [1]


def _only(sessions: SessionFactory, post_id: int) -> None:
    """Mark every post but ``post_id`` as screened, so a scan reads that post alone."""
    with sessions.begin() as session:
        session.execute(update(Post).values(screened_hash=Post.content_hash))
        session.execute(update(Post).where(Post.id == post_id).values(screened_hash=None))
