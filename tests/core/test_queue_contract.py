"""The queue's public functions: their signatures, and refusals that leave everything as it was."""

from __future__ import annotations

import datetime as dt
import inspect
import random
from collections import Counter

import pytest
from sqlalchemy import select

from console import review as queue
from console.base.errors import Conflict, InvalidInput
from console.db import SessionFactory
from console.operators import service as operators
from console.review import service as review
from console.schema import JournalHead, QueueItem, WhitelistPhrase
from tests.core.queue_cluster import concurrently, queue_cluster
from tests.staff import PASSWORD


def _head(sessions: SessionFactory) -> int:
    with sessions() as session:
        return session.scalar(select(JournalHead.seq)) or 0


def _states(sessions: SessionFactory) -> dict[int, str]:
    with sessions() as session:
        return dict(session.execute(select(QueueItem.id, QueueItem.state)).all())  # type: ignore[arg-type]


def test_claim_and_decide_have_the_published_signatures() -> None:
    claim = inspect.signature(queue.claim)
    decide = inspect.signature(queue.decide)
    assert list(claim.parameters) == ["session", "operator_id", "limit"]
    assert list(decide.parameters) == ["session", "item_id", "operator_id", "decision", "note"]
    assert decide.parameters["note"].default == ""
    assert claim.return_annotation in ("list[QueueItem]", list[QueueItem])


def test_a_claim_lasts_ten_minutes(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 2)
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with sessions.begin() as session:
        (item,) = queue.claim(session, cluster.reviewers[0], 1)
        assert isinstance(item, QueueItem)
        assert item.lease_until is not None
        lease = item.lease_until - before
    assert dt.timedelta(minutes=9) < lease <= dt.timedelta(minutes=10, seconds=30)


def test_a_refused_decision_writes_nothing_even_when_the_caller_commits(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 3)
    first, second = cluster.reviewers
    queue.in_transaction(sessions, lambda s: queue.claim(s, first, 2))
    head = _head(sessions)
    refusals = [
        (Conflict, lambda s: queue.decide(s, 1, second, "approve")),
        (Conflict, lambda s: queue.decide(s, 3, first, "take_down", "x")),
        (InvalidInput, lambda s: queue.decide_with_phrase(s, 2, first, "whitelist", "", "无关")),
    ]
    for error, refused in refusals:
        with sessions() as session:
            with pytest.raises(error):
                refused(session)
            session.commit()
    queue.in_transaction(sessions, lambda s: queue.decide(s, 1, first, "approve"))
    with sessions() as session:
        with pytest.raises(Conflict, match="只决定一次"):
            queue.decide(session, 1, first, "take_down", "再次")
        session.commit()
    assert _states(sessions) == {1: "approved", 2: "claimed", 3: "pending"}
    assert _head(sessions) == head + 1
    with sessions() as session:
        assert session.scalars(select(WhitelistPhrase.phrase)).all() == []


def test_a_claim_whose_lease_ran_out_cannot_be_decided_until_claimed_again(sessions) -> None:  # type: ignore[no-untyped-def]
    cluster = queue_cluster(sessions, 1)
    me = cluster.reviewers[0]
    queue.in_transaction(
        sessions, lambda s: queue.claim_leased(s, me, 1, now=dt.datetime(2026, 1, 1))
    )
    head = _head(sessions)
    with pytest.raises(Conflict, match="过期"):
        queue.in_transaction(sessions, lambda s: queue.decide(s, 1, me, "approve"))
    assert _states(sessions) == {1: "claimed"} and _head(sessions) == head
    queue.in_transaction(sessions, lambda s: queue.claim(s, me, 1))
    done = queue.in_transaction(sessions, lambda s: queue.decide(s, 1, me, "approve"))
    assert done.state.value == "approved"


def test_reviewers_picking_the_same_items_from_the_list_decide_each_exactly_once(sessions) -> None:  # type: ignore[no-untyped-def]
    items = 60
    cluster = queue_cluster(sessions, items, reviewers=4)
    actors = [operators.login(sessions, "reviewer", PASSWORD)]
    with sessions.begin() as session:
        for operator_id in cluster.reviewers[1:]:
            actors.append(queue.decisions.reviewer(session, operator_id))
    decided: list[list[int]] = [[] for _ in actors]

    def worker(index: int) -> None:
        ids = list(range(1, items + 1))
        random.Random(index).shuffle(ids)
        for item_id in ids:
            outcome = review.review(sessions, actors[index], [item_id], "approve")
            decided[index] += [done.item_id for done in outcome.decided]

    errors = concurrently(worker, len(actors))
    assert not errors
    tally = Counter(item for done in decided for item in done)
    assert sorted(tally) == list(range(1, items + 1))
    assert set(tally.values()) == {1}
    assert set(_states(sessions).values()) == {"approved"}


def test_claims_skip_locked_rows_on_the_servers_and_guard_the_update_on_sqlite(sessions) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    from console.db import engine_of

    cluster = queue_cluster(sessions, 3)
    engine = engine_of(sessions)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()).upper())

    event.listen(engine, "before_cursor_execute", seen)
    try:
        with sessions.begin() as session:
            assert [i.id for i in queue.claim(session, cluster.reviewers[0], 2)] == [1, 2]
            isolation = session.connection().get_isolation_level()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    selects = [s for s in statements if s.startswith("SELECT QUEUE_ITEMS.ID")]
    (guarded,) = [s for s in statements if s.startswith("UPDATE QUEUE_ITEMS")]
    assert "QUEUE_ITEMS.STATE =" in guarded
    if engine.dialect.name == "sqlite":
        assert not any("FOR UPDATE" in s for s in statements)
    else:
        assert "FOR UPDATE SKIP LOCKED" in selects[0]
        assert isolation == "READ COMMITTED"
