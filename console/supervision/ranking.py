"""The ranking of units: each county portal with its departments, and each department.

A unit's score starts at 100 and loses, per running site of the unit on average, 20 points
for each single-veto risk, 10 for each overdue filing and 2 for each review item that has
waited more than a week; it never falls below 0. The formula is shown with the ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.base.i18n import QT_TR_NOOP
from console.filings.rules import Urgency
from console.schema import SiteKind
from console.supervision.figures import Facts
from console.supervision.scope import Scope, ScopeSite, below

RISK_POINTS = 20
OVERDUE_POINTS = 10
WAITING_POINTS = 2
FORMULA = QT_TR_NOOP(
    "得分 = 100 −（20 × 单项否决风险数 + 10 × 逾期备案数 + 2 × 待审超过 7 天的稿件数）÷ "
    "单位内运行网站数，最低为 0。"
)
WITH_DEPARTMENTS = QT_TR_NOOP("{name}（含下属部门）")


@dataclass(frozen=True)
class UnitScore:
    """One unit of the ranking with the counts its score comes from."""

    site_id: int
    name: str
    grouped: bool
    sites: int
    risks: int
    overdue: int
    waiting: int
    score: float


def score(sites: int, risks: int, overdue: int, waiting: int) -> float:
    """The formula of ``FORMULA``, to one decimal."""
    if sites == 0:
        return 100.0
    lost = (RISK_POINTS * risks + OVERDUE_POINTS * overdue + WAITING_POINTS * waiting) / sites
    return round(max(0.0, 100.0 - lost), 1)


def rank_units(scope: Scope, facts: Facts) -> list[UnitScore]:
    """Every unit of the scope with its score, the lowest first (ties by name)."""
    risks = {r.site_id: len(r.risks) for r in facts.risks}
    overdue = {
        s.site_id: sum(1 for f in s.findings if f.urgency == Urgency.OVERDUE) for s in facts.filings
    }
    units: list[UnitScore] = []
    for site in scope.sites:
        if not site.running:
            continue
        if site.kind == SiteKind.COUNTY_PORTAL:
            members = [s for s in below(scope, site.id) if s.running]
            units.append(_unit(site, members, True, risks, overdue, facts.old_backlog))
        elif site.kind == SiteKind.DEPARTMENT:
            units.append(_unit(site, [site], False, risks, overdue, facts.old_backlog))
    units.sort(key=lambda u: (u.score, u.name))
    return units


def _unit(
    site: ScopeSite,
    members: list[ScopeSite],
    grouped: bool,
    risks: dict[int, int],
    overdue: dict[int, int],
    waiting: dict[int, int],
) -> UnitScore:
    counts = (
        sum(risks.get(m.id, 0) for m in members),
        sum(overdue.get(m.id, 0) for m in members),
        sum(waiting.get(m.id, 0) for m in members),
    )
    return UnitScore(
        site.id, site.name, grouped, len(members), *counts, score(len(members), *counts)
    )
