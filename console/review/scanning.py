"""Screening posts into the queue: new and changed posts, or the whole archive on request.

A post needs screening when ``content_hash`` differs from ``screened_hash`` (new posts have
none). Posts are read in id order, a batch per transaction, so a cancelled or interrupted scan
keeps what it finished and the next scan goes on from there; ``record`` runs in each batch's
transaction, so the service journals a batch together with its changes (both commit, or
neither). A post with findings gets one
open queue item (an open item is refreshed, not duplicated); a re-scan does not queue again
what a reviewer already decided for the same content and the same findings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, cast

from sqlalchemy import Table, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from console.db import SessionFactory
from console.review.claims import OPEN_STATES
from console.review.decisions import FINAL_STATES, findings_of
from console.schema import Post, PostStatus, QueueItem, QueueState, utcnow

SCAN_BATCH = 500


class HasFields(Protocol):
    """A finding of the screening engine (``console.screening.Finding``)."""

    def as_dict(self) -> dict[str, Any]:
        """The finding as stored in ``queue_items.findings``."""
        ...


class Screens(Protocol):
    """What the scan needs of a screener (``console.screening.Screener``)."""

    def screen(self, text: str) -> Sequence[HasFields]:
        """The findings in ``text``."""
        ...


@dataclass
class ScannedBatch:
    """What one batch of a scan did: posts ``first_post`` to ``last_post`` (by id)."""

    first_post: int
    last_post: int
    screened: int = 0
    queued: int = 0
    refreshed: int = 0
    cleared: int = 0


@dataclass
class ScanResult:
    """What a scan did."""

    screened: int = 0
    queued: int = 0
    refreshed: int = 0
    cleared: int = 0
    total: int = 0
    cancelled: bool = False

    def add(self, batch: ScannedBatch) -> None:
        """Count a committed batch in."""
        self.screened += batch.screened
        self.queued += batch.queued
        self.refreshed += batch.refreshed
        self.cleared += batch.cleared


def findings_json(findings: Sequence[dict[str, Any]]) -> str:
    """Findings as stored in ``queue_items.findings`` (compact JSON, Chinese as is)."""
    return json.dumps(list(findings), ensure_ascii=False, separators=(",", ":"))


def findings_of_post(screener: Screens, title: str, body: str) -> list[dict[str, Any]]:
    """Findings in the body (offsets into the body), then those in the title (``in: title``)."""
    found = [finding.as_dict() for finding in screener.screen(body)]
    for finding in screener.screen(title):
        found.append({**finding.as_dict(), "in": "title"})
    return found


def priority_of(findings: Sequence[dict[str, Any]]) -> int:
    """An item's priority: the severity of its worst finding."""
    return max((int(f.get("severity", 1)) for f in findings), default=0)


def _keys(findings: Sequence[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(f.get("in", "body"), f.get("start"), f.get("end"), f.get("term")) for f in findings}


def _todo(full: bool) -> ColumnElement[bool]:
    live = Post.status != PostStatus.WITHDRAWN.value
    if full:
        return live
    return and_(live, or_(Post.screened_hash.is_(None), Post.screened_hash != Post.content_hash))


def scan(
    sessions: SessionFactory,
    screener: Screens,
    *,
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = SCAN_BATCH,
    record: Callable[[Session, ScannedBatch], None] | None = None,
) -> ScanResult:
    """Screen new and changed posts (every live post when ``full``) into the queue.

    ``progress(done, total)`` is called after each batch; ``cancelled()`` is asked before
    each batch and stops the scan between batches (what was committed stays). ``record``
    is called inside each batch's transaction with what the batch did; should it raise, the
    batch is rolled back and the scan stops with that error.
    """
    result = ScanResult()
    with sessions() as session:
        result.total = (
            session.scalar(select(func.count()).select_from(Post).where(_todo(full))) or 0
        )
    after = 0
    while True:
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        with sessions.begin() as session:
            posts = session.execute(
                select(Post.id, Post.title, Post.body, Post.content_hash)
                .where(Post.id > after, _todo(full))
                .order_by(Post.id)
                .limit(batch)
            ).all()
            if not posts:
                break
            done = _screen_batch(session, screener, posts)
            if record is not None:
                record(session, done)
        result.add(done)
        after = done.last_post
        if progress is not None:
            progress(result.screened, result.total)
    return result


def _screen_batch(session: Session, screener: Screens, posts: Sequence[Any]) -> ScannedBatch:
    result = ScannedBatch(first_post=posts[0].id, last_post=posts[-1].id)
    ids = [post.id for post in posts]
    items = session.scalars(
        select(QueueItem).where(QueueItem.post_id.in_(ids)).order_by(QueueItem.id)
    ).all()
    open_items = {i.post_id: i for i in items if i.state in OPEN_STATES}
    decided: dict[int, list[QueueItem]] = {}
    for item in items:
        if item.state in FINAL_STATES:
            decided.setdefault(item.post_id, []).append(item)
    now = utcnow()
    new_rows: list[dict[str, Any]] = []
    for post in posts:
        findings = findings_of_post(screener, post.title, post.body)
        current = open_items.get(post.id)
        if not findings:
            if current is not None and current.state == QueueState.PENDING.value:
                session.execute(
                    delete(QueueItem).where(
                        QueueItem.id == current.id, QueueItem.state == QueueState.PENDING.value
                    )
                )
                result.cleared += 1
            continue
        text = findings_json(findings)
        if current is not None:
            if current.findings != text or current.content_hash != post.content_hash:
                session.execute(
                    update(QueueItem)
                    .where(QueueItem.id == current.id, QueueItem.state.in_(OPEN_STATES))
                    .values(
                        findings=text,
                        finding_count=len(findings),
                        priority=priority_of(findings),
                        content_hash=post.content_hash,
                        version=QueueItem.version + 1,
                    )
                    .execution_options(synchronize_session=False)
                )
                result.refreshed += 1
            continue
        if _already_decided(decided.get(post.id, ()), post.content_hash, findings):
            continue
        new_rows.append(
            {
                "post_id": post.id,
                "content_hash": post.content_hash,
                "findings": text,
                "finding_count": len(findings),
                "priority": priority_of(findings),
                "state": QueueState.PENDING.value,
                "decision_note": "",
                "created_at": now,
                "version": 1,
            }
        )
    if new_rows:
        session.execute(insert(QueueItem), new_rows)
        result.queued += len(new_rows)
    # Marked screened only if unchanged since it was read: an edit in between is screened
    # by the next scan.
    posts_table = cast(Table, Post.__table__)
    session.execute(
        update(posts_table)
        .where(posts_table.c.id == bindparam("pid"), posts_table.c.content_hash == bindparam("h"))
        .values(screened_hash=bindparam("h")),
        [{"pid": post.id, "h": post.content_hash} for post in posts],
    )
    result.screened = len(posts)
    return result


def _already_decided(
    items: Sequence[QueueItem], content_hash: str, findings: Sequence[dict[str, Any]]
) -> bool:
    """Whether a reviewer decided this content with (at least) these findings already."""
    wanted = _keys(findings)
    return any(
        item.content_hash == content_hash and wanted <= _keys(findings_of(item)) for item in items
    )
