"""The content audit queue: what the 内容审核 tab lists."""

from __future__ import annotations

from console.i18n import QT_TR_NOOP
from console.labels import QUEUE_STATES, label_of
from console.listing import Field, Listing
from console.schema import Duty, Post, QueueItem, Site

QUEUE = Listing(
    name="queue",
    title=QT_TR_NOOP("内容审核"),
    source=QueueItem.__table__.join(Post, Post.id == QueueItem.post_id).join(
        Site, Site.id == Post.site_id
    ),
    row_id=QueueItem.id,
    readers=frozenset({Duty.REVIEWER}),
    default_sort="priority",
    default_descending=True,
    fields=(
        Field("priority", QT_TR_NOOP("优先级"), QueueItem.priority, width=6),
        Field("state", QT_TR_NOOP("状态"), QueueItem.state, render=label_of(QUEUE_STATES), width=9),
        Field("site", QT_TR_NOOP("网站"), Site.name, searchable=True, width=24),
        Field("title", QT_TR_NOOP("稿件标题"), Post.title, searchable=True, width=44),
        Field("findings", QT_TR_NOOP("问题数"), QueueItem.finding_count, width=6),
        Field("published", QT_TR_NOOP("发布时间"), Post.published_at, width=16),
        Field("queued", QT_TR_NOOP("入队时间"), QueueItem.created_at, width=16),
    ),
)
