"""The supervision figures, ranking and trends against a cluster counted by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from decimal import Decimal

import pytest

from console.base.actor import Actor
from console.base.errors import NotPermitted
from console.base.listing import Query, count
from console.db import SessionFactory
from console.operators import service as operators
from console.review import filters
from console.review import service as review
from console.supervision.figures import OPEN_STATES
from console.supervision.ranking import score
from console.supervision.service import overview
from console.supervision.trends import buckets
from tests.staff import PASSWORD
from tests.supervision_cluster import AS_OF, add_edges, build


@pytest.fixture
def cluster(sessions: SessionFactory) -> tuple[dict[str, int], Actor]:
    ids = build(sessions)
    return ids, operators.login(sessions, "reviewer", PASSWORD)


def test_the_headline_matches_the_hand_count(
    sessions: SessionFactory, cluster: tuple[dict[str, int], Actor]
) -> None:
    _ids, reader = cluster
    seen = overview(sessions, reader, as_of=AS_OF, windows=(30,))
    head = seen.facts.headline
    assert head.running == 4 and head.risk_sites == 3
    # The hand-counted cluster holds no interaction records: 互动回应差 is not judged.
    assert head.risks == {
        "home": 1, "stale_news": 0, "not_updated": 0, "blank": 1, "unreachable": 1,
        "late_answers": 0, "no_consultation": 0,
    }  # fmt: skip
    assert (head.availability, head.below, head.undetermined) == (Decimal("96.4"), 1, 2)
    assert (head.filings_overdue, head.filings_due) == (1, 1)
    assert head.backlog == 2 and head.oldest_pending is not None
    assert (head.decisions_week, head.median_decision_hours) == (2, 36.0)
    assert head.updates == {"news": 3, "notice": 2}
    assert head.personal_findings == 1


@pytest.mark.parametrize("root", [None, "C"])
def test_the_lists_behind_the_review_figures_hold_as_many_items(
    sessions: SessionFactory, cluster: tuple[dict[str, int], Actor], root: str | None
) -> None:
    ids, reader = cluster
    add_edges(sessions, ids, AS_OF)
    seen = overview(sessions, reader, None if root is None else ids[root], as_of=AS_OF, windows=())
    head = seen.facts.headline
    sites = None if root is None else frozenset(s.id for s in seen.scope.sites)
    under = None if root is None else ids[root]
    behind = {
        "decisions": filters.QueueFilter(decided=head.week),
        "personal": filters.QueueFilter(category="个人信息", queued=head.month),
        "backlog": filters.QueueFilter(states=OPEN_STATES),
    }
    shown = {}
    with sessions() as session:
        for key, chosen in behind.items():
            chosen = dataclasses.replace(chosen, under=under, site_ids=sites)
            listing = filters.narrowed(review.EVERY_ITEM, chosen)
            shown[key] = count(session, listing, Query()).shown
    figures = {
        "decisions": head.decisions_week,
        "personal": head.personal_findings,
        "backlog": head.backlog,
    }
    assert shown == figures
    # Every decision kind, judged by Beijing dates; the month's personal data in any state.
    assert figures == ({"decisions": 5, "personal": 3, "backlog": 4} if root is None
                       else {"decisions": 1, "personal": 1, "backlog": 2})  # fmt: skip


def test_the_ranking_follows_its_formula(
    sessions: SessionFactory, cluster: tuple[dict[str, int], Actor]
) -> None:
    _ids, reader = cluster
    ranking = overview(sessions, reader, as_of=AS_OF, windows=()).ranking
    assert [(u.name, u.sites, u.risks, u.overdue, u.waiting, u.score) for u in ranking] == [
        ("云溪市教育局", 1, 1, 1, 1, 68.0),
        ("溪东区人民政府", 2, 2, 0, 0, 80.0),
        ("溪东区水利局", 1, 1, 0, 0, 80.0),
    ]
    assert score(4, 100, 0, 0) == 0.0


def test_a_subtree_counts_only_its_own_sites(
    sessions: SessionFactory, cluster: tuple[dict[str, int], Actor]
) -> None:
    ids, reader = cluster
    seen = overview(sessions, reader, ids["C"], as_of=AS_OF, windows=(30,))
    head = seen.facts.headline
    assert [s.code for s in seen.scope.sites] == ["3312020001", "3312020002"]
    assert (head.running, head.risk_sites, head.backlog, head.personal_findings) == (2, 2, 1, 1)
    assert (head.filings_overdue, head.filings_due, head.updates) == (0, 1, {})
    assert [u.name for u in seen.ranking] == ["溪东区人民政府", "溪东区水利局"]
    assert seen.trends[30].backlog[-1] == 1


def test_trends_bucket_the_window_by_day_week_and_month(
    sessions: SessionFactory, cluster: tuple[dict[str, int], Actor]
) -> None:
    _ids, reader = cluster
    trends = overview(sessions, reader, as_of=AS_OF).trends
    daily = trends[30]
    assert len(daily.buckets) == 30 and daily.labels[-1] == "11-20"
    assert daily.availability[-4] == 75.0  # 11-17: 30 of 40 probes answered
    assert daily.availability[-1] is None  # no probe on the check date
    assert [daily.backlog[i] for i in (-1, -3, -5, -12, -19)] == [2, 3, 1, 0, 1]
    assert sum(daily.updates) == 5 + 5  # the month's posts and the queue's posts
    assert len(trends[90].buckets) == 13 and trends[90].buckets[-1].after == AS_OF + dt.timedelta(1)
    yearly = trends[365]
    assert [b.label for b in yearly.buckets][-2:] == ["2026-10", "2026-11"]
    assert len(yearly.buckets) == 12 and sum(yearly.updates) == 11
    assert set(daily.risks) == {None}  # no snapshot recorded yet


def test_the_auditor_may_not_read_the_figures(
    sessions: SessionFactory, cluster: tuple[dict[str, int], Actor]
) -> None:
    auditor = operators.login(sessions, "auditor", PASSWORD)
    with pytest.raises(NotPermitted):
        overview(sessions, auditor, as_of=AS_OF)


def test_buckets_cover_the_window_without_gaps() -> None:
    for days in (30, 90, 365):
        cut = buckets(AS_OF, days)
        assert all(a.after == b.first for a, b in itertools.pairwise(cut))
        assert cut[-1].after == AS_OF + dt.timedelta(days=1)
