"""A cluster with a filled audit queue, for the queue's tests and benchmarks (bulk inserts)."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert

from console.db import SessionFactory
from console.review import findings_json
from console.schema import Duty, Operator, OperatorDuty, Post, QueueItem, Site
from tests.staff import bootstrap_staff

PHONE = "13812345678"
ID_CARD = "110101199003074514"
BASE_TIME = dt.datetime(2026, 11, 1, 8, 0)
BATCH = 20_000


@dataclass
class QueueCluster:
    """The ids of what ``queue_cluster`` made."""

    reviewers: list[int] = field(default_factory=list)
    items: int = 0


def body_of(n: int) -> tuple[str, list[dict[str, Any]]]:
    """A post body with a wrong name and a mobile number, and its two findings."""
    head = f"第{n}号通知。会议传达学习了"
    term = "国家计委"
    middle = "有关文件精神。联系电话："
    body = head + term + middle + PHONE + "。"
    start_phone = len(head) + len(term) + len(middle)
    return body, [
        {
            "start": len(head),
            "end": len(head) + len(term),
            "text": term,
            "term": term,
            "category": "过时名称",
            "severity": 2,
            "kind": "term",
        },
        {
            "start": start_phone,
            "end": start_phone + len(PHONE),
            "text": PHONE,
            "term": "手机号码",
            "category": "个人信息",
            "severity": 3 if n % 3 == 0 else 1,
            "kind": "mobile",
        },
    ]


def queue_cluster(
    sessions: SessionFactory, items: int, reviewers: int = 2, sites: int = 3, queued: bool = True
) -> QueueCluster:
    """Administrators, ``reviewers`` reviewers (``reviewer`` logs in; the rest only decide),
    ``sites`` sites and ``items`` posts, each with a pending queue item when ``queued``."""
    bootstrap_staff(sessions)
    made = QueueCluster()
    with sessions.begin() as session:
        first = session.query(Operator).filter_by(username="reviewer").one()
        made.reviewers.append(first.id)
        for number in range(2, reviewers + 1):
            extra = Operator(
                username=f"reviewer{number}",
                display_name=f"审核员{number}",
                password_hash="!",
                active=True,
                failed_logins=0,
                must_change_password=False,
                duties=[OperatorDuty(duty=Duty.REVIEWER.value)],
            )
            session.add(extra)
            session.flush()
            made.reviewers.append(extra.id)
        session.execute(
            insert(Site),
            [
                {
                    "id": i,
                    "code": f"331200{i:04d}",
                    "name": f"云溪市第{i}局",
                    "kind": "department",
                    "region_code": "331200",
                    "organiser_name": f"云溪市第{i}局",
                    "organiser_uscc": "11331200MB0000000X",
                    "organiser_type": "government",
                    "state": "running",
                    "created_at": BASE_TIME,
                    "updated_at": BASE_TIME,
                    "version": 1,
                }
                for i in range(1, sites + 1)
            ],
        )
    add_items(sessions, 1, items, sites, queued)
    made.items = items if queued else 0
    return made


def add_items(
    sessions: SessionFactory, first: int, count: int, sites: int = 3, queued: bool = True
) -> None:
    """Posts ``first`` … ``first + count - 1`` and (when ``queued``) their pending items."""
    for start in range(first, first + count, BATCH):
        stop = min(start + BATCH, first + count)
        posts, queue = [], []
        for n in range(start, stop):
            body, findings = body_of(n)
            title = f"关于第{n}号事项的通知"
            digest = hashlib.sha256((title + body).encode()).hexdigest()
            at = BASE_TIME + dt.timedelta(minutes=n)
            posts.append(
                {
                    "id": n,
                    "site_id": n % sites + 1,
                    "title": title,
                    "body": body,
                    "url": f"https://d{n % sites + 1}.yunxi.gov.cn/art/{n}.html",
                    "published_at": at,
                    "updated_at": at,
                    "content_hash": digest,
                    "screened_hash": digest if queued else None,
                    "status": "published",
                }
            )
            queue.append(
                {
                    "id": n,
                    "post_id": n,
                    "content_hash": digest,
                    "findings": findings_json(findings),
                    "finding_count": len(findings),
                    "priority": max(int(f["severity"]) for f in findings),
                    "state": "pending",
                    "decision_note": "",
                    "created_at": at,
                    "version": 1,
                }
            )
        with sessions.begin() as session:
            session.execute(insert(Post.__table__), posts)
            if queued:
                session.execute(insert(QueueItem.__table__), queue)


def concurrently(work: Callable[[int], None], count: int) -> list[BaseException]:
    """Run ``work(0)`` … ``work(count - 1)`` on threads of their own at once; what they raised."""
    errors: list[BaseException] = []

    def guarded(index: int) -> None:
        try:
            work(index)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors
