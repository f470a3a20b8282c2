"""The audit queue hands each item to one reviewer and takes each decision exactly once."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import func, select

from console import review as queue
from console.base.errors import Conflict, InvalidInput, NotFound, NotPermitted
from console.db import SessionFactory
from console.operators import service as operators
from console.review import service as review
from console.schema import JournalEntry, JournalHead, Post, QueueItem, WhitelistPhrase
from tests.core.queue_cluster import concurrently, queue_cluster
from tests.staff import PASSWORD


def _head(sessions: SessionFactory) -> int:
    with sessions() as session:
        return session.scalar(select(JournalHead.seq)) or 0


def _item(sessions: SessionFactory, item_id: int) -> QueueItem:
    with sessions() as session:
        item = session.get(QueueItem, item_id)
        assert item is not None
        return item


def test_claims_take_the_oldest_pending_items_and_never_the_same_twice(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 30)
    first, second = cluster.reviewers
    mine = queue.in_transaction(sessions, lambda s: [i.id for i in queue.claim(s, first, 10)])
    theirs = queue.in_transaction(sessions, lambda s: [i.id for i in queue.claim(s, second, 10)])
    assert mine == list(range(1, 11))
    assert theirs == list(range(11, 21))
    item = _item(sessions, 3)
    assert item.state == "claimed" and item.claimed_by == first
    assert item.lease_until is not None


def test_a_crashed_consoles_claims_expire_back_to_the_queue(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 3)
    first, second = cluster.reviewers
    long_ago = dt.datetime(2026, 1, 1)
    queue.in_transaction(sessions, lambda s: queue.claim_leased(s, first, 3, now=long_ago))
    taken = queue.in_transaction(sessions, lambda s: [i.id for i in queue.claim(s, second, 5)])
    assert taken == [1, 2, 3]
    with pytest.raises(Conflict, match="认领"):
        queue.in_transaction(sessions, lambda s: queue.decide(s, 1, first, "approve"))


def test_expired_claims_count_as_pending_again(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 4)
    queue.in_transaction(
        sessions,
        lambda s: queue.claim_leased(s, cluster.reviewers[1], 2, now=dt.datetime(2026, 1, 1)),
    )
    actor = operators.login(sessions, "reviewer", PASSWORD)
    counts = review.status_counts(sessions, actor)
    assert counts["pending"] == 4 and counts["mine"] == 0


def test_each_decision_changes_the_item_and_the_post_and_is_journalled(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 4)
    me = cluster.reviewers[0]
    queue.in_transaction(sessions, lambda s: queue.claim(s, me, 4))
    queue.in_transaction(sessions, lambda s: queue.decide(s, 1, me, queue.Decision.APPROVE))
    queue.in_transaction(sessions, lambda s: queue.decide(s, 2, me, "return", "请删除手机号"))
    queue.in_transaction(sessions, lambda s: queue.decide(s, 3, me, "take_down", "含个人信息"))
    done = queue.in_transaction(sessions, lambda s: queue.decide(s, 4, me, "whitelist"))
    assert done.phrase == "国家计委"
    with sessions() as session:
        states = dict(session.execute(select(QueueItem.id, QueueItem.state)).all())
        posts = dict(session.execute(select(Post.id, Post.status)).all())
        phrases = list(session.scalars(select(WhitelistPhrase.phrase)))
        actions = list(
            session.scalars(
                select(JournalEntry.action)
                .where(JournalEntry.target_type == "queue_item")
                .order_by(JournalEntry.seq)
            )
        )
        note = session.get(QueueItem, 2)
    assert states == {1: "approved", 2: "returned", 3: "taken_down", 4: "whitelisted"}
    assert posts == {1: "published", 2: "returned", 3: "withdrawn", 4: "published"}
    assert phrases == ["国家计委"]
    assert actions == ["audit.approve", "audit.return", "audit.take_down", "audit.whitelist"]
    assert note is not None and note.decision_note == "请删除手机号" and note.decided_by == me


def test_deciding_what_is_not_yours_or_decided_already_changes_nothing(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 3)
    first, second = cluster.reviewers
    queue.in_transaction(sessions, lambda s: queue.claim(s, first, 2))
    head = _head(sessions)
    with pytest.raises(Conflict, match="尚未被您认领"):
        queue.in_transaction(sessions, lambda s: queue.decide(s, 3, first, "approve"))
    with pytest.raises(Conflict, match="审核员丁"):
        queue.in_transaction(sessions, lambda s: queue.decide(s, 1, second, "take_down", "x"))
    queue.in_transaction(sessions, lambda s: queue.decide(s, 1, first, "approve"))
    head += 1
    with pytest.raises(Conflict, match="只决定一次"):
        queue.in_transaction(sessions, lambda s: queue.decide(s, 1, first, "take_down", "x"))
    with pytest.raises(NotFound):
        queue.in_transaction(sessions, lambda s: queue.decide(s, 999, first, "approve"))
    assert _head(sessions) == head
    assert _item(sessions, 1).state == "approved"
    assert _item(sessions, 3).state == "pending"
    with sessions() as session:
        assert session.get(Post, 1).status == "published"  # type: ignore[union-attr]


def test_bad_decisions_are_refused_before_anything_is_written(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 2)
    me = cluster.reviewers[0]
    queue.in_transaction(sessions, lambda s: queue.claim(s, me, 2))
    with pytest.raises(InvalidInput, match="退回意见"):
        queue.in_transaction(sessions, lambda s: queue.decide(s, 1, me, "return", "  "))
    with pytest.raises(InvalidInput, match="未知的审核决定"):
        queue.in_transaction(sessions, lambda s: queue.decide(s, 1, me, "delete"))
    with pytest.raises(InvalidInput, match="白名单短语"):
        queue.in_transaction(
            sessions, lambda s: queue.decide_with_phrase(s, 1, me, "whitelist", "", "无关")
        )
    with sessions() as session:
        admin = session.scalar(select(func.min(QueueItem.id)))
    assert admin == 1
    assert _item(sessions, 1).state == "claimed"
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(WhitelistPhrase)) == 0
    sysadmin = operators.login(sessions, "sysadmin", PASSWORD)
    assert sysadmin.operator_id is not None
    with pytest.raises(NotPermitted):
        queue.in_transaction(
            sessions, lambda s: queue.decide(s, 1, sysadmin.operator_id or 0, "approve")
        )
    with pytest.raises(NotPermitted):
        review.claim_next(sessions, sysadmin)


def test_released_claims_go_back_to_the_queue(sessions) -> None:  # type: ignore[no-untyped-def]
    queue_cluster(sessions, 5)
    actor = operators.login(sessions, "reviewer", PASSWORD)
    assert review.claim_next(sessions, actor, 3) == [1, 2, 3]
    assert review.release_claims(sessions, actor, [2]) == 1
    assert review.status_counts(sessions, actor)["mine"] == 2
    assert review.release_claims(sessions, actor) == 2
    assert review.status_counts(sessions, actor)["pending"] == 5


def test_bulk_review_decides_what_it_can_and_reports_the_rest(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 5)
    actor = operators.login(sessions, "reviewer", PASSWORD)
    queue.in_transaction(sessions, lambda s: queue.claim_items(s, cluster.reviewers[1], [2]))
    outcome = review.review(sessions, actor, [1, 2, 3], "take_down", "含个人信息")
    assert [d.item_id for d in outcome.decided] == [1, 3]
    assert [item_id for item_id, _ in outcome.refused] == [2]
    assert "审核员2" in outcome.refused[0][1]
    again = review.review(sessions, actor, [1], "approve")
    assert again.decided == [] and "只决定一次" in again.refused[0][1]


def _drain(sessions: SessionFactory, operator_id: int, decided: list[int]) -> None:
    while True:
        ids = queue.in_transaction(
            sessions, lambda s: [i.id for i in queue.claim(s, operator_id, 7)]
        )
        if not ids:
            return
        for item_id in ids:
            queue.in_transaction(
                sessions,
                lambda s, i=item_id: queue.decide(s, i, operator_id, "approve", "误报"),
            )
            decided.append(item_id)


def test_four_reviewers_at_once_decide_every_item_exactly_once(sessions) -> None:  # type: ignore[no-untyped-def]
    items = 300
    cluster = queue_cluster(sessions, items, reviewers=4)
    results: list[list[int]] = [[] for _ in cluster.reviewers]

    def worker(index: int) -> None:
        _drain(sessions, cluster.reviewers[index], results[index])

    errors = concurrently(worker, len(cluster.reviewers))
    assert not errors
    decided = Counter(item for result in results for item in result)
    assert len(decided) == items
    assert max(decided.values()) == 1
    with sessions() as session:
        states = Counter(session.scalars(select(QueueItem.state)))
        journalled = Counter(
            session.scalars(
                select(JournalEntry.target_id).where(JournalEntry.action == "audit.approve")
            )
        )
    assert states == {"approved": items}
    assert len(journalled) == items and max(journalled.values()) == 1
    auditor = operators.login(sessions, "auditor", PASSWORD)
    from console.base import journal

    assert journal.verify(sessions, auditor).intact
