"""The review queue narrowed to a site and every site below it (the 监管 tab's way in)."""

from __future__ import annotations

from console.base.listing import Query, count, fetch_page
from console.review import filters
from console.review import service as review
from console.schema import Post, QueueItem
from tests.supervision_cluster import build


def test_a_subtree_keeps_the_items_of_its_root_and_of_every_site_below(sessions) -> None:  # type: ignore[no-untyped-def]
    ids = build(sessions)
    with sessions() as session:
        site_of = dict(session.query(QueueItem.id, Post.site_id).join(Post).all())

        def shown(under: int) -> list[int]:
            listing = filters.narrowed(review.QUEUE, filters.QueueFilter(under=under))
            found = fetch_page(session, listing, Query()).ids
            assert count(session, listing, Query()).shown == len(found)
            return sorted(site_of[i] for i in found)

        # Pending: one item of D (under P) and one of CD (under C, under P).
        assert shown(ids["P"]) == sorted([ids["D"], ids["CD"]])
        assert shown(ids["C"]) == [ids["CD"]]
        assert shown(ids["CD"]) == [ids["CD"]]
        assert shown(ids["X"]) == []
