"""Reads sent together come back exactly as each would alone, in one round trip; readings run
side by side share their rounds."""

from __future__ import annotations

from sqlalchemy import func, select

from console.db.read_ahead import read_together
from console.db.rounds import Reading, alongside, one, run
from console.schema import Post, Site
from tests.core.queue_cluster import queue_cluster
from tests.wire import Metered

STATEMENTS = (
    select(Site).order_by(Site.id),
    select(Site.id, Site.publish_requires_review, Site.created_at, Site.name.like("%第1%")),
    select(Post.site_id, func.count(), func.max(Post.published_at)).group_by(Post.site_id),
    select(Site.code).where(Site.id.in_([2, 3])).order_by(Site.code),
    select(Site.id).where(Site.id < 0),
)


def _rows(results: list[object]) -> list[list[tuple[object, ...]]]:
    """Each result's rows, ORM objects by their id, sorted where the query sets no order."""
    found = []
    for result in results:
        rows = [
            tuple(v.id if isinstance(v, Site) else v for v in row)
            for row in result.all()  # type: ignore[attr-defined]
        ]
        found.append(sorted(rows, key=repr))
    return found


def test_reads_sent_together_come_back_as_each_alone(metered: Metered) -> None:
    queue_cluster(metered.sessions, 6)
    with metered.sessions() as session:
        alone = _rows([session.execute(statement) for statement in STATEMENTS])
    with metered.sessions() as session, metered.meter.measure() as count:
        together = _rows(list(read_together(session, STATEMENTS)))
    assert together == alone
    assert alone[3] == [("3312000002",), ("3312000003",)] and alone[4] == []
    assert count.statements == len(STATEMENTS)
    if metered.engine_name != "sqlite":
        assert count.round_trips == 1


def test_readings_side_by_side_share_their_rounds(metered: Metered) -> None:
    queue_cluster(metered.sessions, 6)

    def names_of_the_first_two() -> Reading[list[str]]:
        ids = (yield from one(select(Site.id).order_by(Site.id).limit(2))).scalars().all()
        named = yield from one(select(Site.name).where(Site.id.in_(ids)).order_by(Site.id))
        return list(named.scalars())

    with metered.sessions() as session, metered.meter.measure() as count:
        names, sites = run(
            session,
            alongside(names_of_the_first_two(), one(select(func.count()).select_from(Site))),
        )
    assert names == ["云溪市第1局", "云溪市第2局"]
    assert sites.scalar() == 3
    assert count.statements == 3
    if metered.engine_name != "sqlite":
        assert count.round_trips == 2
