"""What a dashboard number asks of the tab that owns its list: which rows to show.

A ``Drill`` names the scope (its region code as quick-filter text and its subtree's root) and
the kind of figure clicked; each tab's ``show_filtered`` applies what its own filters can.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QWidget

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
    ``rule`` ('' for any); ``sites`` the ids the scope covers (None: the whole cluster);
    ``window`` the stored instants (from, until) the figure counts over, if it counts over a
    period (the week's decisions, the month's personal data)."""

    text: str = ""
    kind: str = PLAIN
    rule: str = ""
    under: int | None = None
    title: str = ""
    sites: frozenset[int] | None = None
    window: tuple[dt.datetime, dt.datetime] | None = None


class ScopeBox(QCheckBox):
    """Shown, ticked, while a dashboard's scope narrows a list; unticking shows every site."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillScope")
        self.sites: frozenset[int] | None = None
        self.hide()

    def hold(self, drill: Drill) -> None:
        """Narrow to the drill's sites (or stop narrowing: the whole cluster), silently."""
        self.sites = drill.sites
        blocked = self.blockSignals(True)
        self.setChecked(drill.sites is not None)
        self.blockSignals(blocked)
        self.setText(self.tr("仅{name}及下级网站").format(name=drill.title))
        self.setVisible(drill.sites is not None)

    def kept(self) -> frozenset[int] | None:
        """The sites the list keeps (None: every site)."""
        return self.sites if self.isChecked() else None
