"""The headline figures as buttons: each opens the list behind it in its own tab."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from console.base import clock
from console.base.labels import COLUMN_TYPES
from console.presets.inspection import RULES, UNREACHABLE
from console.supervision import words
from console.supervision.figures import Headline, Window
from ui import drill
from ui.flow import FlowLayout
from ui.i18n import translated


@dataclass(frozen=True)
class Figure:
    """A headline figure: its key, label, value as text, the tab whose list it opens, and
    which rows of that list (a ``ui.drill`` kind, for one risk its rule, and the period the
    figure counts over)."""

    key: str
    label: str
    value: Callable[[Headline], str]
    tab: str
    kind: str = drill.PLAIN
    rule: str = ""
    window: Callable[[Headline], Window | None] = lambda _h: None


def _number(value: object) -> str:
    return "—" if value is None else str(value)


def _rule_figure(rule: str) -> Figure:
    def value(headline: Headline) -> str:
        return str(headline.risks.get(rule, 0))

    return Figure(f"risk.{rule}", words.RULE_NAMES[rule], value, "presets", drill.RISK, rule)


FIGURES: tuple[Figure, ...] = (
    Figure("running", words.RUNNING, lambda h: str(h.running), "sites", drill.RUNNING),
    Figure("risk_sites", words.RISK_SITES, lambda h: str(h.risk_sites), "presets", drill.RISK),
    *(_rule_figure(rule) for rule in RULES),
    Figure(
        "availability",
        words.AVAILABILITY,
        lambda h: _number(h.availability),
        "filings",
        drill.PROBES,
    ),
    Figure("below", words.BELOW, lambda h: str(h.below), "presets", drill.RISK, UNREACHABLE),
    Figure(
        "undetermined", words.UNDETERMINED, lambda h: str(h.undetermined), "filings", drill.PROBES
    ),
    Figure("overdue", words.OVERDUE, lambda h: str(h.filings_overdue), "filings", drill.OVERDUE),
    Figure("due", words.DUE, lambda h: str(h.filings_due), "filings", drill.DUE),
    Figure("backlog", words.BACKLOG, lambda h: str(h.backlog), "review", drill.BACKLOG),
    Figure(
        "decisions",
        words.DECISIONS,
        lambda h: str(h.decisions_week),
        "review",
        drill.DECIDED,
        window=lambda h: h.week,
    ),
    Figure(
        "median",
        words.MEDIAN,
        lambda h: _number(h.median_decision_hours),
        "review",
        drill.DECIDED,
        window=lambda h: h.week,
    ),
    Figure(
        "personal",
        words.PERSONAL,
        lambda h: str(h.personal_findings),
        "review",
        drill.PERSONAL,
        window=lambda h: h.month,
    ),
    Figure(
        "updates", words.UPDATES, lambda h: str(sum(h.updates.values())), "sites", drill.RUNNING
    ),
)


class HeadlineGrid(QWidget):
    """Flat buttons, one per figure, wrapping to the width; ``opened(figure)`` on a click."""

    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headline")
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for figure in FIGURES:
            button = QPushButton(self)
            button.setObjectName(f"figure_{figure.key}")
            button.setFlat(True)
            button.setMinimumHeight(46)
            button.clicked.connect(lambda _c=False, f=figure: self.opened.emit(f))
            layout.addWidget(button)
            self.buttons[figure.key] = button

    def show_headline(self, headline: Headline, zone: ZoneInfo) -> None:
        """Show every figure of ``headline``; the month's updates per type in a tooltip."""
        for figure in FIGURES:
            button = self.buttons[figure.key]
            button.setText(f"{figure.value(headline)}\n{translated(figure.label)}")
        by_type = "\n".join(
            f"{translated(COLUMN_TYPES.get(k, k))}: {n}" for k, n in headline.updates.items()
        )
        self.buttons["updates"].setToolTip(by_type)
        oldest = clock.shown(headline.oldest_pending, zone)
        self.buttons["backlog"].setToolTip(self.tr("最早待审：{when}").format(when=oldest or "—"))
