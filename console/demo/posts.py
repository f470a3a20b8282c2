"""Posts of the demo sites, column by column, and the audit-queue items of the flagged ones."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from typing import Any

from console.demo.columns import SiteTree
from console.demo.content import content_hash, write_article
from console.demo.findings import make_plant, plant_into
from console.demo.names import mobile_number, name_and_stem
from console.demo.places import CITY_NAME
from console.review.scanning import Screens, findings_json, findings_of_post, priority_of
from console.schema import PostStatus, QueueState
from console.screening.lexicon_files import TermEntry

FLAGGED_SHARE = 0.08
UNSCREENED_DAYS = 2
DECIDED_SHARE = 0.3
# Reviewers keep up: what was flagged before the last weeks has been decided.
BACKLOG_DAYS = 45
# Sites publish more as the years go by, and steadily in the last two months: the earlier
# posts of a column thin out going back, so the home pages of a month ago were kept up too.
RECENT_SHARE, RECENT_DAYS = 0.15, 60
DECISIONS = (
    (QueueState.APPROVED, 0.40, "经核实为引用历史材料，表述无误，予以通过。"),
    (QueueState.RETURNED, 0.33, "请按规范修改相关表述或删除个人信息后重新提交。"),
    (QueueState.TAKEN_DOWN, 0.27, "含个人敏感信息或严重表述错误，已撤稿处理。"),
)
# What a decision did to its post, as the real decisions do.
POST_AFTER = {
    QueueState.APPROVED.value: PostStatus.PUBLISHED,
    QueueState.PENDING.value: PostStatus.PUBLISHED,
    QueueState.RETURNED.value: PostStatus.RETURNED,
    QueueState.TAKEN_DOWN.value: PostStatus.WITHDRAWN,
}


class PostMaker:
    """Writes the planned posts of each site and a queue item for each post with findings.

    The findings are what ``screener`` (the demo's lexicon and whitelist) reports, so the
    queue is what a scan of these posts would have made.
    """

    def __init__(
        self,
        rng: random.Random,
        as_of: dt.date,
        terms: Sequence[TermEntry],
        screener: Screens,
        reviewers: Sequence[int],
        first_post_id: int,
        first_queue_id: int,
    ) -> None:
        self.rng = rng
        self.terms = terms
        self.screener = screener
        self.reviewers = reviewers
        self.next_post = first_post_id
        self.next_queue = first_queue_id
        self.posts = 0
        self.queue_items = 0
        self.end_of_day = dt.datetime.combine(as_of, dt.time(23, 59, 59))
        self.backlog_from = self.end_of_day - dt.timedelta(days=BACKLOG_DAYS)
        self.screened_before = dt.datetime.combine(as_of, dt.time()) - dt.timedelta(
            days=UNSCREENED_DAYS
        )

    def for_tree(
        self, tree: SiteTree, authors: Sequence[int]
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """``("posts", row)`` and ``("queue_items", row)`` pairs for every post of the site."""
        site = tree.site
        place = site.division.name if site.division else CITY_NAME
        start = dt.datetime.combine(tree.start, dt.time(8))
        for column in tree.template.columns:
            last_at = tree.last_at[column.index]
            if not column.leaf or last_at is None:
                continue
            for number in range(tree.counts[column.index]):
                published = last_at if number == 0 else self._before(start, last_at)
                article = write_article(
                    self.rng, column.column_type, column.name, site.name, place, published.date()
                )
                yield from self._post(
                    tree, column.index, article.title, article.paragraphs, published, authors
                )

    def _before(self, start: dt.datetime, last_at: dt.datetime) -> dt.datetime:
        """A working-hours time between ``start`` and ``last_at``, more likely near the latter."""
        rng = self.rng
        span = (last_at.date() - start.date()).days
        recent = rng.random() < RECENT_SHARE
        back = rng.randint(0, min(span, RECENT_DAYS)) if recent else int(rng.triangular(0, span, 0))
        day = last_at.date() - dt.timedelta(days=back)
        moment = dt.datetime.combine(day, dt.time(rng.randint(8, 19), rng.randrange(60)))
        return min(moment, last_at - dt.timedelta(minutes=rng.randint(1, 90)))

    def _post(
        self,
        tree: SiteTree,
        index: int,
        title: str,
        paragraphs: list[str],
        published: dt.datetime,
        authors: Sequence[int],
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        rng = self.rng
        screened = published < self.screened_before
        flagged = screened and rng.random() < FLAGGED_SHARE
        plants = []
        if flagged:
            for _ in range(rng.choices((1, 2, 3), (0.8, 0.15, 0.05))[0]):
                name, _stem = name_and_stem(rng)
                plants.append(make_plant(rng, self.terms, name, mobile_number(rng)))
        body = plant_into(rng, paragraphs, plants)
        findings = findings_of_post(self.screener, title, body) if plants else []
        digest = content_hash(title, body)
        post_id, column_id = self.next_post, tree.column_id(index)
        self.next_post += 1
        self.posts += 1
        item = self._queue_item(post_id, digest, findings, published) if findings else None
        yield (
            "posts",
            {
                "id": post_id,
                "site_id": tree.site.id,
                "column_id": column_id,
                "title": title,
                "body": body,
                "author_account_id": rng.choice(authors) if authors else None,
                "url": f"https://{tree.site.domains[0]}/art/{published.year}/{published.month}/"
                f"{published.day}/art_{column_id}_{post_id}.html",
                "published_at": published,
                "updated_at": published,
                "content_hash": digest,
                "screened_hash": digest if screened else None,
                "status": POST_AFTER[item["state"] if item else QueueState.PENDING.value].value,
            },
        )
        if item is not None:
            yield "queue_items", item

    def _queue_item(
        self, post_id: int, digest: str, findings: list[dict[str, Any]], published: dt.datetime
    ) -> dict[str, Any]:
        rng = self.rng
        created = published + dt.timedelta(minutes=rng.randint(1, 30))
        row: dict[str, Any] = {
            "id": self.next_queue,
            "post_id": post_id,
            "content_hash": digest,
            "findings": findings_json(findings),
            "finding_count": len(findings),
            "priority": priority_of(findings),
            "state": QueueState.PENDING.value,
            "claimed_by": None,
            "lease_until": None,
            "decided_by": None,
            "decided_at": None,
            "decision_note": "",
            "created_at": created,
            "version": 1,
        }
        decided = created + dt.timedelta(minutes=rng.randint(30, 10 * 24 * 60))
        caught_up = created < self.backlog_from or rng.random() < DECIDED_SHARE
        if self.reviewers and caught_up and decided <= self.end_of_day:
            state, _, note = rng.choices(DECISIONS, [share for _, share, _ in DECISIONS])[0]
            row.update(
                state=state.value,
                decided_by=rng.choice(self.reviewers),
                decided_at=decided,
                decision_note=note,
            )
        self.next_queue += 1
        self.queue_items += 1
        return row
