"""The patrol's scheduled job: every due site patrolled and stored (see ``console.jobs``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from console.base.i18n import QT_TR_NOOP
from console.jobs import JobContext, register_job
from console.jobs.settings import PATROL_ROUND
from console.patrol.service import patrol_due
from console.probes.dialing import Dialer


def dialer() -> Dialer | None:
    """How the job reaches the sites: the network itself (None)."""
    return None


def patrol_round(context: JobContext) -> Mapping[str, Any]:
    """Patrol and store every site whose patrol is due, shared with other patrol processes."""
    return patrol_due(context.sessions, context.actor, context.cancelled, dialer())


register_job(
    "patrol.due", QT_TR_NOOP("巡查到期的网站"), PATROL_ROUND, patrol_round, lease_minutes=240
)
