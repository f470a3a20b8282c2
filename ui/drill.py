"""What a dashboard number asks of the tab that owns its list: which rows to show.

A ``Drill`` names the scope (its region code as quick-filter text and its subtree's root) and
the kind of figure clicked; each tab's ``show_filtered`` applies what its own filters can.
"""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of figure a number may stand for.
PLAIN = ""
RUNNING = "running"
RISK = "risk"
BELOW = "below"
PROBES = "probes"
OVERDUE = "overdue"
DUE = "due"
BACKLOG = "backlog"
DECIDED = "decided"
PERSONAL = "personal"


@dataclass(frozen=True)
class Drill:
    """The rows behind a number: ``text`` for a quick filter, ``under`` the scope's root site
    (None: the whole cluster) and ``title`` its name, ``kind`` of figure and, for a risk, its
    ``rule`` ('' for any)."""

    text: str = ""
    kind: str = PLAIN
    rule: str = ""
    under: int | None = None
    title: str = ""
