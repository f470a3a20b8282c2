"""互动回应差: valid consultation messages left unanswered for more than 3 months.

The rule as the check tables state it, with the thresholds of the cluster settings
(``console.interactions.settings``):

- Only valid messages of working 政务咨询 channels count (not interviews, surveys, petitions
  or discipline reports; not spam or duplicates marked invalid with a reason).
- Dates are dates in the cluster's zone. A message received on day R is answered in time when
  answered on or before the same day 3 calendar months later (2026-01-31 → 2026-04-30): a reply
  on that very day is in time, one a day later is late, and so is a message still unanswered
  after it. A reply after the check date is no reply as of the check date.
- A late message counts when it was overdue at some time within the 12 months before the check
  date: still unanswered, or answered on or after the same day 12 months back. Messages
  received after the check date do not exist yet.
- A running site of a cluster that holds interaction records, without any working 政务咨询
  channel, breaks the rule too (unless the setting says channels are not required).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

from console.base import clock
from console.db.rounds import Reading, every, one, run
from console.interactions.settings import AnswerRule
from console.schema import ChannelKind, InteractionChannel, InteractionMessage

CHUNK = 500


@dataclass(frozen=True)
class LateMessage:
    """A message answered late (or not yet): its channel, number and dates."""

    channel: str
    number: str
    received_on: dt.date
    due_on: dt.date
    answered_on: dt.date | None


@dataclass(frozen=True)
class AnswerVerdict:
    """How a site stands under the rule at the check date."""

    channels: int
    late: tuple[LateMessage, ...] = ()
    channel_required: bool = True
    months: int = 3

    def breaks(self, rule: AnswerRule) -> bool:
        """Whether the site breaks the rule (late messages, or no channel where one is due)."""
        return len(self.late) >= rule.late_messages or self.lacks_channel

    @property
    def lacks_channel(self) -> bool:
        """No working consultation channel where one is required."""
        return self.channel_required and self.channels == 0


def due_on(received_on: dt.date, months: int) -> dt.date:
    """The last day on which a message received on ``received_on`` is answered in time."""
    return clock.add_months(received_on, months)


def is_late(received_on: dt.date, answered_on: dt.date | None, as_of: dt.date, months: int) -> bool:
    """Answered after its due day, or unanswered when the check date is past it."""
    due = due_on(received_on, months)
    if answered_on is None or answered_on > as_of:
        return as_of > due
    return answered_on > due


def counts(
    received_on: dt.date, answered_on: dt.date | None, as_of: dt.date, rule: AnswerRule
) -> bool:
    """Whether a valid consultation message counts against its site at ``as_of``."""
    if received_on > as_of or not is_late(received_on, answered_on, as_of, rule.answer_months):
        return False
    if answered_on is None or answered_on > as_of:
        return True
    return answered_on >= clock.add_months(as_of, -rule.window_months)


def judge_answers(
    session: Session,
    site_ids: Sequence[int],
    as_of: dt.date,
    zone: ZoneInfo,
    rule: AnswerRule,
) -> dict[int, AnswerVerdict]:
    """The verdict of each of ``site_ids`` at the end of ``as_of`` in ``zone``; empty when the
    cluster holds no interaction channel at all (nothing imported: nothing to judge)."""
    return run(session, answers_reading(site_ids, as_of, zone, rule))


def holds_channels() -> Select[bool]:
    """Whether the cluster holds any interaction channel (any interaction records at all)."""
    return select(exists().where(InteractionChannel.id.isnot(None)))


def answers_reading(
    site_ids: Sequence[int],
    as_of: dt.date,
    zone: ZoneInfo,
    rule: AnswerRule,
    held: bool | None = None,
) -> Reading[dict[int, AnswerVerdict]]:
    """``judge_answers`` as a reading: whether there are channels at all (unless ``held``
    says), then (when there are) the working channels and the messages that may count, two
    queries per chunk."""
    if held is None:
        held = bool((yield from one(holds_channels())).scalar())
    if not held:
        return {}
    end = clock.day_start(as_of + dt.timedelta(days=1), zone)
    window = clock.day_start(clock.add_months(as_of, -rule.window_months), zone)
    channels: dict[int, int] = dict.fromkeys(site_ids, 0)
    late: dict[int, list[LateMessage]] = {site_id: [] for site_id in site_ids}
    working = (
        InteractionChannel.kind == ChannelKind.CONSULTATION.value,
        InteractionChannel.working.is_(True),
    )
    statements: list[Executable] = []
    for start in range(0, len(site_ids), CHUNK):
        chunk = list(site_ids[start : start + CHUNK])
        statements.append(
            select(InteractionChannel.site_id).where(
                InteractionChannel.site_id.in_(chunk), *working
            )
        )
        statements.append(
            select(
                InteractionChannel.site_id,
                InteractionChannel.name,
                InteractionMessage.number,
                InteractionMessage.received_at,
                InteractionMessage.answered_at,
            )
            .join(InteractionChannel, InteractionMessage.channel_id == InteractionChannel.id)
            .where(
                InteractionChannel.site_id.in_(chunk),
                *working,
                InteractionMessage.valid.is_(True),
                InteractionMessage.received_at < end,
                or_(
                    InteractionMessage.answered_at.is_(None),
                    InteractionMessage.answered_at >= window,
                ),
            )
            .order_by(InteractionMessage.received_at, InteractionMessage.id)
        )
    results = yield from every(statements)
    for found, messages in zip(results[::2], results[1::2], strict=True):
        for (site_id,) in found:
            channels[site_id] += 1
        for row in messages:
            received = clock.local_date(row.received_at, zone)
            answered = row.answered_at
            answered_on = clock.local_date(answered, zone) if answered is not None else None
            if counts(received, answered_on, as_of, rule):
                shown = answered_on if answered_on is not None and answered_on <= as_of else None
                due = due_on(received, rule.answer_months)
                late[row.site_id].append(LateMessage(row.name, row.number, received, due, shown))
    return {
        site_id: AnswerVerdict(
            channels[site_id], tuple(late[site_id]), rule.channel_required, rule.answer_months
        )
        for site_id in site_ids
    }
