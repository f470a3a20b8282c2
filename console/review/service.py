"""The content audit queue for operators: its lists, one item's detail, claims and decisions.

Every function here takes the session factory and the acting operator, checks the reviewer
duty, and runs in its own transaction (retried when the server breaks a deadlock), committing
once: the GUI and the CLI call these; other programs may call ``console.review`` directly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from console import review as queue
from console.base import clock, journal
from console.base.actor import Actor, require
from console.base.errors import NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import QUEUE_STATES, label_of
from console.base.listing import Field, Listing
from console.db import SessionFactory
from console.review.decisions import as_decision, parse_findings
from console.review.detail import FindingView, mask_text, views
from console.schema import (
    Duty,
    LexiconTerm,
    Operator,
    Post,
    QueueItem,
    QueueState,
    Site,
    utcnow,
)
from console.screening import PERSONAL_CATEGORY, load_screener

SLA = dt.timedelta(hours=24)
CLAIM_BATCH = 20
SCANNERS = (Duty.REVIEWER, Duty.SYSTEM_ADMIN)

AGE_DAYS = QT_TR_NOOP("{d}天{h}小时")
AGE_HOURS = QT_TR_NOOP("{h}小时{m}分")
AGE_MINUTES = QT_TR_NOOP("{m}分钟")
OVERDUE = QT_TR_NOOP("{age}（超时）")
SEVERITIES = {1: QT_TR_NOOP("低"), 2: QT_TR_NOOP("中"), 3: QT_TR_NOOP("高")}
ITEM_GONE = QT_TR_NOOP("审核条目 {id} 不存在（可能已随稿件删除）。")
NO_OPERATOR = QT_TR_NOOP("审核决定须由登录的操作员作出。")


def age_text(created: Any, now: dt.datetime | None = None) -> str:
    """How long an item has waited, e.g. ``2天3小时（超时）`` past the review SLA."""
    if not isinstance(created, dt.datetime):
        return ""
    if created.tzinfo is not None:  # a listing hands its renderers times in the cluster's zone
        created = clock.stored(created)
    waited = max((now or utcnow()) - created, dt.timedelta())
    minutes = int(waited.total_seconds() // 60)
    if minutes >= 24 * 60:
        text = translate("", AGE_DAYS).format(d=minutes // 1440, h=minutes % 1440 // 60)
    elif minutes >= 60:
        text = translate("", AGE_HOURS).format(h=minutes // 60, m=minutes % 60)
    else:
        text = translate("", AGE_MINUTES).format(m=minutes)
    return translate("", OVERDUE).format(age=text) if waited > SLA else text


def severity_text(value: Any) -> str:
    """A severity (or priority) as 高/中/低."""
    if value is None:
        return ""
    level = min(max(int(value), 1), 3)
    return translate("", SEVERITIES[level])


def categories_text(findings: Any) -> str:
    """The distinct categories of an item's findings, worst first."""
    found = parse_findings(findings)
    ordered = sorted(found, key=lambda f: -int(f.get("severity", 1)))
    # The known categories (the lexicon editor's, personal data) read in the interface's
    # language; a category a lexicon file made up stays as written.
    names = dict.fromkeys(
        translate("", str(f.get("category", ""))) for f in ordered if f.get("category")
    )
    return translate("", "、").join(names)


_handler = aliased(Operator, name="handler")
# Every item has its post and every post its site; outer joins keep items listed even so.
_SOURCE = (
    QueueItem.__table__.outerjoin(Post, Post.id == QueueItem.post_id)
    .outerjoin(Site, Site.id == Post.site_id)
    .outerjoin(_handler, _handler.id == func.coalesce(QueueItem.decided_by, QueueItem.claimed_by))
)
_FIELDS = (
    Field("priority", QT_TR_NOOP("严重度"), QueueItem.priority, render=severity_text, width=6),
    Field("age", QT_TR_NOOP("等待时长"), QueueItem.created_at, render=age_text, width=12),
    Field("site", QT_TR_NOOP("网站"), Site.name, searchable=True, width=18),
    Field("title", QT_TR_NOOP("稿件标题"), Post.title, searchable=True, width=36),
    Field(
        "categories",
        QT_TR_NOOP("问题类别"),
        QueueItem.findings,
        sortable=False,
        render=categories_text,
        width=14,
    ),
    Field("findings", QT_TR_NOOP("问题数"), QueueItem.finding_count, width=6),
    Field("queued", QT_TR_NOOP("入队时间"), QueueItem.created_at, width=16),
    Field("state", QT_TR_NOOP("状态"), QueueItem.state, render=label_of(QUEUE_STATES), width=8),
    Field("handler", QT_TR_NOOP("处理人"), _handler.display_name, width=10),
    Field("decided", QT_TR_NOOP("决定时间"), QueueItem.decided_at, width=16),
)


def _listing(name: str, title: str, *where: ColumnElement[bool], newest: bool = False) -> Listing:
    return Listing(
        name=name,
        title=title,
        source=_SOURCE,
        row_id=QueueItem.id,
        readers=frozenset({Duty.REVIEWER}),
        default_sort="queued",
        default_descending=newest,
        fields=_FIELDS,
        where=where,
        count_source=QueueItem.__table__,
    )


QUEUE = _listing("queue", QT_TR_NOOP("待审"), QueueItem.state == QueueState.PENDING.value)
APPROVED = _listing(
    "queue_approved",
    QT_TR_NOOP("已通过"),
    QueueItem.state.in_((QueueState.APPROVED.value, QueueState.WHITELISTED.value)),
    newest=True,
)
RETURNED = _listing(
    "queue_returned",
    QT_TR_NOOP("已退回"),
    QueueItem.state == QueueState.RETURNED.value,
    newest=True,
)
TAKEN_DOWN = _listing(
    "queue_taken_down",
    QT_TR_NOOP("已下线"),
    QueueItem.state == QueueState.TAKEN_DOWN.value,
    newest=True,
)
EVERY_ITEM = _listing("queue_all", QT_TR_NOOP("全部"), newest=True)
MINE_TITLE = QT_TR_NOOP("我的认领")


def mine(operator_id: int | None) -> Listing:
    """The items ``operator_id`` has claimed and not yet decided, oldest first."""
    return _listing(
        "queue_mine",
        MINE_TITLE,
        QueueItem.state == QueueState.CLAIMED.value,
        QueueItem.claimed_by == (operator_id or 0),
    )


@dataclass(frozen=True)
class Choices:
    """What the structured filter offers: sites by name, finding categories."""

    sites: list[tuple[int, str]]
    categories: list[str]


def filter_choices(sessions: SessionFactory, actor: Actor) -> Choices:
    """The sites and categories the queue's filter offers."""
    require(actor, Duty.REVIEWER)
    with sessions() as session:
        sites = [
            (r.id, r.name) for r in session.execute(select(Site.id, Site.name).order_by(Site.name))
        ]
        categories = sorted(
            set(session.scalars(select(LexiconTerm.category).distinct())) | {PERSONAL_CATEGORY}
        )
    return Choices(sites, categories)


def status_counts(sessions: SessionFactory, actor: Actor) -> dict[str, int]:
    """Items per status tab (``pending``, ``mine``, ``approved``, ``returned``, ``taken_down``,
    ``all``).

    Claims whose lease ran out are first put back to pending, so the counts show them there.
    """
    require(actor, Duty.REVIEWER)
    return _status_counts(sessions, actor, may_requeue=True)


def _status_counts(sessions: SessionFactory, actor: Actor, may_requeue: bool) -> dict[str, int]:
    now = utcnow()
    lapsed = and_(
        QueueItem.state == QueueState.CLAIMED.value,
        QueueItem.lease_until.is_not(None),
        QueueItem.lease_until < now,
    )
    mine = and_(QueueItem.claimed_by == actor.operator_id, ~lapsed)
    with sessions() as session:
        rows = session.execute(
            select(
                QueueItem.state,
                func.count(),
                func.sum(case((mine, 1), else_=0)),
                func.sum(case((lapsed, 1), else_=0)),
            ).group_by(QueueItem.state)
        ).all()
    if may_requeue and any(row[3] for row in rows):
        # Put lapsed claims back first (rarely needed), so the lists show them as pending.
        queue.in_transaction(sessions, lambda session: queue.requeue_expired(session, now))
        return _status_counts(sessions, actor, may_requeue=False)
    by_state = {str(row[0]): int(row[1]) for row in rows}
    mine_count = sum(int(row[2] or 0) for row in rows if row[0] == QueueState.CLAIMED.value)
    return {
        "pending": by_state.get(QueueState.PENDING.value, 0),
        "mine": mine_count,
        "approved": by_state.get(QueueState.APPROVED.value, 0)
        + by_state.get(QueueState.WHITELISTED.value, 0),
        "returned": by_state.get(QueueState.RETURNED.value, 0),
        "taken_down": by_state.get(QueueState.TAKEN_DOWN.value, 0),
        "all": sum(by_state.values()),
    }


@dataclass(frozen=True)
class ItemDetail:
    """One queue item as the reviewer sees it (personal data masked)."""

    item_id: int
    post_id: int
    state: str
    site: str
    title: str
    body: str
    url: str
    published_at: dt.datetime
    queued_at: dt.datetime
    priority: int
    handler: str
    lease_until: dt.datetime | None
    decided_at: dt.datetime | None
    note: str
    post_status: str
    findings: list[FindingView]


def item_detail(sessions: SessionFactory, actor: Actor, item_id: int) -> ItemDetail:
    """The item, its post (masked) and its findings, for the detail pane."""
    found = item_details(sessions, actor, [item_id])
    if item_id not in found:
        raise NotFound(ITEM_GONE, id=item_id)
    return found[item_id]


def item_details(
    sessions: SessionFactory, actor: Actor, item_ids: Sequence[int]
) -> dict[int, ItemDetail]:
    """``item_detail`` of several items in one query (the review tab prefetches the next
    ones); items that are gone are left out."""
    require(actor, Duty.REVIEWER)
    if not item_ids:
        return {}
    handler = (
        select(Operator.display_name)
        .where(Operator.id == func.coalesce(QueueItem.decided_by, QueueItem.claimed_by))
        .scalar_subquery()
    )
    with sessions() as session:
        rows = session.execute(
            select(QueueItem, Post, Site.name, handler)
            .join(Post, Post.id == QueueItem.post_id)
            .join(Site, Site.id == Post.site_id)
            .where(QueueItem.id.in_(sorted(set(item_ids))))
        ).all()
    return {row[0].id: _detail(*row) for row in rows}


def _detail(item: QueueItem, post: Post, site: str, handler: str | None) -> ItemDetail:
    found = queue.findings_of(item)
    body_findings = [f for f in found if f.get("in") != "title"]
    title_findings = [f for f in found if f.get("in") == "title"]
    return ItemDetail(
        item_id=item.id,
        post_id=post.id,
        state=item.state,
        site=site,
        title=mask_text(post.title, title_findings),
        body=mask_text(post.body, body_findings),
        url=post.url,
        published_at=post.published_at,
        queued_at=item.created_at,
        priority=item.priority,
        handler=handler or "",
        lease_until=item.lease_until,
        decided_at=item.decided_at,
        note=item.decision_note,
        post_status=post.status,
        findings=views(found, post.body, post.title),
    )


def _operator(actor: Actor) -> int:
    require(actor, Duty.REVIEWER)
    if actor.operator_id is None:
        raise NotFound(NO_OPERATOR)
    return actor.operator_id


def claim_next(sessions: SessionFactory, actor: Actor, limit: int = CLAIM_BATCH) -> list[int]:
    """Claim the ``limit`` oldest free items for the operator; their ids, oldest first."""
    operator_id = _operator(actor)
    return queue.in_transaction(sessions, lambda s: queue.claim_ids(s, operator_id, limit))


def release_claims(
    sessions: SessionFactory, actor: Actor, item_ids: Sequence[int] | None = None
) -> int:
    """Give the operator's claims (all, or the named ones) back to the queue; how many."""
    operator_id = _operator(actor)
    return queue.in_transaction(sessions, lambda s: queue.release(s, operator_id, item_ids))


def renew_claims(sessions: SessionFactory, actor: Actor) -> int:
    """Extend the lease of every claim the operator holds (the console is still working)."""
    operator_id = _operator(actor)
    return queue.in_transaction(sessions, lambda s: queue.extend(s, operator_id))


@dataclass
class Outcome:
    """What a (bulk) review did: the items decided, and those refused with the reason."""

    decided: list[queue.Decided] = dataclasses.field(default_factory=list)
    refused: list[tuple[int, str]] = dataclasses.field(default_factory=list)


def review(
    sessions: SessionFactory,
    actor: Actor,
    item_ids: Sequence[int],
    decision: queue.Decision | str,
    note: str = "",
    phrase: str = "",
) -> Outcome:
    """Decide the items in one transaction, each with its own chained journal entry (three
    round trips however many: ``console.review.together``).

    A pending item is claimed for the operator on the way (picking it from the list is
    claiming it); an item another reviewer holds or has decided is refused and reported,
    and the rest go ahead. Invalid input (a return without a note) refuses the whole call.
    """
    operator_id = _operator(actor)
    chosen = as_decision(decision)
    decided, refused = queue.in_transaction(
        sessions,
        lambda session: queue.decide_together(
            session, operator_id, list(item_ids), chosen, note, phrase
        ),
    )
    return Outcome(decided, [(item_id, str(reason)) for item_id, reason in refused])


class _Refused(Exception):
    """Rolls a joint decision back: some of its items were refused."""

    def __init__(self, refused: list[tuple[int, str]]) -> None:
        super().__init__(refused)
        self.refused = refused


def review_together(
    sessions: SessionFactory,
    actor: Actor,
    item_ids: Sequence[int],
    decision: queue.Decision | str,
    note: str = "",
    phrase: str = "",
) -> Outcome:
    """Decide every item in one transaction, each with its own journal entry: all or none.

    Every refusal is found and reported; if any item is refused, nothing is decided and the
    outcome lists the refusals only.
    """
    operator_id = _operator(actor)
    chosen = as_decision(decision)
    ids = list(dict.fromkeys(item_ids))

    def work(session: Session) -> Outcome:
        decided, refused = queue.decide_together(session, operator_id, ids, chosen, note, phrase)
        if refused:
            raise _Refused([(item_id, str(reason)) for item_id, reason in refused])
        return Outcome(sorted(decided, key=lambda done: ids.index(done.item_id)))

    try:
        return queue.in_transaction(sessions, work)
    except _Refused as refused:
        return Outcome(refused=refused.refused)


def run_scan(
    sessions: SessionFactory,
    actor: Actor,
    screener: queue.Screens,
    *,
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = queue.SCAN_BATCH,
) -> queue.ScanResult:
    """Screen new and changed posts (the whole archive when ``full``) into the queue.

    Each batch commits together with its journal entry (what it did, to which posts), so an
    interrupted scan never leaves queue changes without their entry. A scan that finds
    nothing to screen is journalled once, with its empty result.
    """
    require(actor, *SCANNERS)
    action = "audit.rescan" if full else "audit.scan"

    def journalled(session: Session, done: queue.ScannedBatch) -> None:
        _journal_scan(session, actor, action, dataclasses.asdict(done))

    result = queue.scan(
        sessions,
        screener,
        full=full,
        progress=progress,
        cancelled=cancelled,
        batch=batch,
        record=journalled,
    )
    if result.screened == 0:
        with sessions.begin() as session:
            _journal_scan(session, actor, action, dataclasses.asdict(result))
    return result


def _journal_scan(session: Session, actor: Actor, action: str, done: dict[str, Any]) -> None:
    label = translate("", QT_TR_NOOP("内容审核队列"))
    journal.record(session, actor, action, "queue", "-", label, None, done)


def load_and_scan(
    sessions: SessionFactory,
    actor: Actor,
    *,
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> queue.ScanResult:
    """``run_scan`` with the screener built from the cluster's lexicon and whitelist."""
    require(actor, *SCANNERS)
    with sessions() as session:
        screener = load_screener(session)
    return run_scan(sessions, actor, screener, full=full, progress=progress, cancelled=cancelled)
