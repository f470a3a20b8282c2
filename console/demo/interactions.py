"""The demo city's interaction channels and a year of messages, some answered late.

Every running site gets channels (portals: a 政务咨询 mailbox, 建言献策, 在线访谈 and 意见
征集; departments: a consultation mailbox), but one department in twelve has none, so the
rule's "no consultation channel" shows. Messages come over the year before the demo's date;
most are answered within days. A few sites (one in twenty, at least one) are slow: some of
their consultation messages are answered after more than 3 months or not at all (the rule's
late messages), the first of them surely. Some messages are marked invalid with a reason,
most replies are public. The rows are
drawn from a generator of their own so the rest of the demo is the same with or without them.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from typing import Any

from console.demo.sites import SitePlan
from console.schema import ChannelKind, MessageState, SiteKind, SiteState

PORTALS = (SiteKind.PROVINCE_PORTAL, SiteKind.CITY_PORTAL, SiteKind.COUNTY_PORTAL)
WITHOUT_CHANNEL_EVERY = 12
SLOW_SITE_SHARE = 0.05
LATE_SHARE = 0.15
INVALID_SHARE = 0.05
PUBLIC_SHARE = 0.7
TOPICS = (
    "关于办理居住证的咨询", "咨询新生儿医保参保流程", "小区周边道路施工时间", "公积金提取条件",
    "企业开办需要哪些材料", "学校划片范围咨询", "老旧小区改造进度", "灵活就业社保缴费",
    "农村宅基地审批流程", "公交线路调整建议", "营业执照变更咨询", "残疾人补贴申领",
)  # fmt: skip
INVALID_REASONS = ("重复留言", "广告信息", "与本网站职责无关")


def interaction_rows(
    sites: Sequence[SitePlan], as_of: dt.date, channel_id: int, message_id: int
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(table, row)`` pairs of the channels and messages, ids from those given."""
    rng = random.Random(f"interactions-{as_of.isoformat()}")
    stamp = dt.datetime.combine(as_of, dt.time(1))
    channels = _all_channels(sites)
    slow = _slow_sites(channels, as_of)
    for site, named in channels:
        for name, kind in named:
            yield "interaction_channels", {
                "id": channel_id, "site_id": site.id, "name": name, "kind": kind.value,
                "working": True, "created_at": stamp, "version": 1,
            }  # fmt: skip
            late = LATE_SHARE if site.id in slow and kind == ChannelKind.CONSULTATION else 0.0
            for row in _messages(rng, site, kind, as_of, (channel_id, message_id, late), stamp):
                yield "interaction_messages", row
                message_id += 1
            channel_id += 1


def _all_channels(
    sites: Sequence[SitePlan],
) -> list[tuple[SitePlan, list[tuple[str, ChannelKind]]]]:
    """The running sites that publish, each with its channels."""
    found = []
    departments = 0
    for site in sites:
        if site.state not in (SiteState.RUNNING, SiteState.CHANGING) or not site.publishes:
            continue
        if site.kind == SiteKind.DEPARTMENT:
            departments += 1
        found.append((site, _channels(site, departments)))
    return found


def _slow_sites(
    channels: Sequence[tuple[SitePlan, list[tuple[str, ChannelKind]]]], as_of: dt.date
) -> set[int]:
    """The ids of the few sites with a consultation channel that answer some messages late."""
    able = [site.id for site, named in channels if named]
    if not able:
        return set()
    rng = random.Random(f"slow-answers-{as_of.isoformat()}")
    return set(rng.sample(able, max(1, round(SLOW_SITE_SHARE * len(able)))))


def _channels(site: SitePlan, departments: int) -> list[tuple[str, ChannelKind]]:
    if site.kind in PORTALS:
        return [
            ("领导信箱", ChannelKind.CONSULTATION),
            ("建言献策", ChannelKind.SUGGESTION),
            ("在线访谈", ChannelKind.INTERVIEW),
            ("意见征集", ChannelKind.SURVEY),
        ]
    if site.kind == SiteKind.DEPARTMENT and departments % WITHOUT_CHANNEL_EVERY == 0:
        return []
    return [("咨询信箱", ChannelKind.CONSULTATION)]


def _messages(
    rng: random.Random,
    site: SitePlan,
    kind: ChannelKind,
    as_of: dt.date,
    ids: tuple[int, int, float],
    stamp: dt.datetime,
) -> Iterator[dict[str, Any]]:
    """A channel's messages; ``ids`` holds the channel's id, the first message's id and the
    share answered late (when above 0, the first message surely is, received months ago)."""
    channel_id, first_id, late_share = ids
    count = rng.randint(15, 40) if kind == ChannelKind.CONSULTATION else rng.randint(2, 10)
    for offset in range(count):
        surely_late = late_share > 0 and offset == 0
        received = dt.datetime.combine(as_of, dt.time()) - dt.timedelta(
            days=rng.randint(100, 300) if surely_late else rng.randint(1, 365),
            minutes=rng.randint(0, 24 * 60 - 1),
        )
        answered: dt.datetime | None = received + dt.timedelta(
            days=rng.randint(1, 20), hours=rng.randint(0, 8)
        )
        if rng.random() < late_share or surely_late:
            answered = received + dt.timedelta(days=rng.randint(95, 140))
        latest = dt.datetime.combine(as_of, dt.time())
        if answered is not None and answered >= latest:
            answered = None
        valid = rng.random() >= INVALID_SHARE or surely_late
        state = MessageState.CLOSED if answered is not None else MessageState.PENDING
        yield {
            "id": first_id + offset,
            "channel_id": channel_id,
            "number": f"{site.code}-{channel_id}-{offset + 1:04d}",
            "title": rng.choice(TOPICS),
            "received_at": received,
            "answered_at": answered,
            "state": state.value,
            "valid": valid,
            "invalid_reason": None if valid else rng.choice(INVALID_REASONS),
            "public": answered is not None and rng.random() < PUBLIC_SHARE,
            "answering_unit": site.organiser.name if answered is not None else "",
            "imported_at": stamp,
        }
