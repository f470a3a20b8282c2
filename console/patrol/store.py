"""A site's patrol written to the cluster database: one transaction and one journal entry.

What is kept: the run (figures, error, the whole ``--json`` report), each column's live
state (``patrol_columns``: a column whose list page failed keeps its last live date and
records the error), the broken, hidden and foreign-redirecting links, and the articles read
as posts, unique per site by address (an article whose text changed updates its post, which
the screening then sees as changed). A patrol that was stopped is stored as such and leaves
the site due, the columns and pages it did not reach as the last patrol left them; a
finished one marks it patrolled in its lease row and frees the lease.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from console.base import clock, journal
from console.base.actor import Actor, require
from console.base.cluster import settings_of
from console.db import SessionFactory
from console.patrol.fetching import STOPPED
from console.patrol.leases import retrying
from console.patrol.records import PageRecord
from console.patrol.records import Post as ReadPost
from console.patrol.results import ColumnResult, SiteResult
from console.schema import (
    Duty,
    PatrolColumn,
    PatrolLease,
    PatrolLink,
    PatrolPage,
    PatrolPost,
    PatrolRun,
    Post,
    PostStatus,
    SiteColumn,
    utcnow,
)

BROKEN, HIDDEN, FOREIGN = "broken", "hidden", "foreign"
TITLE_LIMIT, TEXT_LIMIT, DETAIL_LIMIT = 300, 1000, 1000


@dataclass(frozen=True)
class Stored:
    """What storing one site's patrol wrote."""

    run_id: int
    columns: int
    links: int
    new_posts: int
    changed_posts: int


def url_key(url: str) -> str:
    """The key an article's address is unique by within its site."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def store_result(
    sessions: SessionFactory, actor: Actor, site_id: int, result: SiteResult
) -> Stored:
    """Service: write ``result`` (the patrol of site ``site_id``) in one transaction."""
    require(actor, Duty.SYSTEM_ADMIN)
    # Processes storing different sites at once may meet in an index's gap locks (InnoDB
    # picks a deadlock victim): the whole transaction is rolled back, so it is run again.
    return retrying(sessions, lambda session: store_in(session, actor, site_id, result))


def store_in(session: Session, actor: Actor, site_id: int, result: SiteResult) -> Stored:
    """``store_result`` inside the caller's transaction (the caller commits once)."""
    finished = result.finished_at or utcnow()
    report = result.report()
    run = PatrolRun(
        site_id=site_id,
        started_at=result.started_at,
        finished_at=result.finished_at,
        home_url=(result.home_url or "")[:TEXT_LIMIT] or None,
        pages=result.pages,
        requests=result.requests,
        new_posts=len(result.new_posts),
        broken_links=len(report["broken_links"]),
        hidden_links=len(result.hidden_links),
        error=(result.error or "")[:300] or None,
        stopped=result.stopped,
        report=json.dumps(report, ensure_ascii=False),
    )
    session.add(run)
    session.flush()
    columns = dict(
        (code, column_id)
        for code, column_id in session.execute(
            select(SiteColumn.code, SiteColumn.id).where(SiteColumn.site_id == site_id)
        )
    )
    written = _columns(session, site_id, columns, result.columns, finished)
    links = _links(report)
    if links:
        session.execute(insert(PatrolLink), [link | {"run_id": run.id} for link in links])
    new, changed = _posts(session, site_id, columns, result.new_posts, finished)
    _pages(session, site_id, result.records, result.stopped)
    _lease(session, site_id, None if result.stopped else finished)
    counts = {"columns": written, "links": len(links), "new_posts": new, "changed_posts": changed}
    journal.record(
        session, actor, "patrol.store", "site", site_id, result.site_code, None,
        counts | {"run": run.id, "error": result.error, "stopped": result.stopped},
    )  # fmt: skip
    return Stored(run.id, written, len(links), new, changed)


def _columns(
    session: Session,
    site_id: int,
    ids: Mapping[str, int],
    results: Iterable[ColumnResult],
    at: dt.datetime,
) -> int:
    known = {
        row.column_id: row
        for row in session.scalars(select(PatrolColumn).where(PatrolColumn.site_id == site_id))
    }
    written = 0
    for column in results:
        column_id = ids.get(column.code)
        if column_id is None or column.error == STOPPED:  # gone meanwhile, or not reached
            continue
        row = known.get(column_id) or PatrolColumn(column_id=column_id, site_id=site_id)
        row.patrolled_at, row.url = at, (column.url or "")[:TEXT_LIMIT] or None
        row.error = column.error
        if column.error is None:
            row.last_item_date = column.last_item_date
            row.items, row.dated = len(column.items), column.dated
        elif row.items is None:
            row.items, row.dated = 0, False
        session.add(row)
        written += 1
    return written


def _links(report: Mapping[str, list[dict[str, object]]]) -> list[dict[str, object]]:
    """The report's broken, foreign and hidden links as ``patrol_links`` rows."""
    rows: list[dict[str, object]] = []

    def cut(value: object) -> str | None:
        return None if value is None else str(value)[:DETAIL_LIMIT]

    for link in report["broken_links"]:
        rows.append({"kind": BROKEN, "url": cut(link["url"]), "on_url": cut(link["on"]),
                     "home": bool(link["home"]), "status": link["status"],
                     "error": cut(link["error"]), "detail": None})  # fmt: skip
    for link in report["foreign_redirects"]:
        pages = link["on"] if isinstance(link["on"], list) else [link["on"]]
        for page in pages:
            rows.append({"kind": FOREIGN, "url": cut(link["url"]), "on_url": cut(page),
                         "home": False, "status": None, "error": None,
                         "detail": cut(link["to"])})  # fmt: skip
    for link in report["hidden_links"]:
        rows.append({"kind": HIDDEN, "url": cut(link["url"]), "on_url": cut(link["on"]),
                     "home": False, "status": None, "error": None,
                     "detail": cut(link["snippet"])})  # fmt: skip
    return rows


def _posts(
    session: Session,
    site_id: int,
    columns: Mapping[str, int],
    posts: Iterable[ReadPost],
    at: dt.datetime,
) -> tuple[int, int]:
    """Insert the articles not stored yet; update those whose text changed. (new, changed)"""
    by_key = {url_key(post.url): post for post in posts}
    if not by_key:
        return 0, 0
    stored = {
        row.url_hash: row
        for row in session.scalars(
            select(PatrolPost).where(
                PatrolPost.site_id == site_id, PatrolPost.url_hash.in_(list(by_key))
            )
        )
    }
    zone = settings_of(session).zone
    new = changed = 0
    for key, post in by_key.items():
        seen = stored.get(key)
        if seen is not None:
            if seen.content_hash != post.digest:
                target = session.get(Post, seen.post_id)
                if target is not None:
                    target.body, target.content_hash, target.updated_at = post.text, post.digest, at
                seen.content_hash = post.digest
                changed += 1
            continue
        published = clock.day_start(post.date, zone) if post.date else at
        row = Post(
            site_id=site_id,
            column_id=columns.get(post.column),
            title=post.title[:TITLE_LIMIT] or post.url[:TITLE_LIMIT],
            body=post.text,
            url=post.url[:TEXT_LIMIT],
            published_at=published,
            updated_at=at,
            content_hash=post.digest,
            status=PostStatus.PUBLISHED.value,
        )
        session.add(row)
        session.flush()
        session.add(
            PatrolPost(
                site_id=site_id,
                url_hash=key,
                url=post.url[:TEXT_LIMIT],
                post_id=row.id,
                column_id=row.column_id,
                content_hash=post.digest,
                first_seen_at=at,
            )
        )
        new += 1
    return new, changed


def _pages(session: Session, site_id: int, records: Iterable[PageRecord], stopped: bool) -> None:
    """Keep what this patrol read at each address, for the next patrol's conditional requests
    (an article's text is not kept: known articles are not read again). A stopped patrol
    replaces only what it read: the earlier patrol's other pages stay known."""
    kept = {
        url_key(record.url): dataclasses.replace(record, post=None)
        for record in records
        if record.error != STOPPED
    }
    if not kept:
        return
    replaced = delete(PatrolPage).where(PatrolPage.site_id == site_id)
    if stopped:
        replaced = replaced.where(PatrolPage.url_hash.in_(list(kept)))
    session.execute(replaced)
    session.execute(
        insert(PatrolPage),
        [
            {"site_id": site_id, "url_hash": key, "record": json.dumps(record.as_json())}
            for key, record in kept.items()
        ],
    )


def _lease(session: Session, site_id: int, patrolled: dt.datetime | None) -> None:
    """Free the site's lease; a finished patrol also marks the site patrolled."""
    lease = session.get(PatrolLease, site_id) or PatrolLease(site_id=site_id)
    lease.holder, lease.lease_until = None, None
    if patrolled is not None:
        lease.last_patrolled_at = patrolled
    session.add(lease)
