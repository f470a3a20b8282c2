"""The monthly report (通报) as a document: summary, risks by site, availability, filings,
review activity, the ranking, and each responsible unit's problems with a fix-by date.

``monthly_document`` gives the whole report; ``unit_document`` one unit's part of it (mailed
to its 联络员). Both are plain ``console.reports`` documents, written by the shared writers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from console.base import clock
from console.base.i18n import translate
from console.base.labels import COLUMN_TYPES
from console.filings.rules import Urgency
from console.presets.inspection import RULES, risk_text
from console.probes.reachability import UNREACHABLE
from console.reports import Chart, Document, Paragraph, Section, Series, Table
from console.supervision import words as w
from console.supervision.ranking import FORMULA, WITH_DEPARTMENTS
from console.supervision.report_words import (
    AVAILABILITY_SECTION,
    AVAILABILITY_TITLE,
    FILINGS_TITLE,
    FIX_BY,
    H_CODE,
    H_DUE,
    H_FAILED,
    H_FIGURE,
    H_FIX,
    H_ORGANISER,
    H_PROBES,
    H_PROBLEM,
    H_RANK,
    H_RISKS,
    H_SCORE,
    H_SHARE,
    H_SITE,
    H_UNIT,
    H_VALUE,
    NO_PROBLEMS,
    NONE_FOUND,
    PROBLEMS_TITLE,
    RANKING_TITLE,
    REVIEW_TITLE,
    RISKS_TITLE,
    SCOPE_LINE,
    SUMMARY_TITLE,
    TITLE,
    UNIT_INTRO,
    UNIT_TITLE,
    WAITING,
)
from console.supervision.scope import ScopeSite
from console.supervision.service import Overview


def t(text: str) -> str:
    """A source string in the current language."""
    return translate("", text)


def add_working_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved forward by ``days`` working days (Saturdays and Sundays skipped)."""
    current = day
    left = days
    while left > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


@dataclass(frozen=True)
class Problem:
    """One problem of one site, with the date it must be fixed by."""

    site: ScopeSite
    text: str
    fix_by: dt.date


def problems_of(seen: Overview, fix_by: dt.date) -> list[Problem]:
    """Every site's problems: single-veto risks, filings overdue, due or wrong, review items
    waiting more than a week; in site code order."""
    sites = {s.id: s for s in seen.scope.sites}
    found: dict[int, list[str]] = {}
    for risk in seen.facts.risks:
        if risk.risks:
            found.setdefault(risk.site_id, []).append(risk_text(risk))
    for status in seen.facts.filings:
        for finding in status.findings:
            if finding.urgency >= Urgency.DUE and finding.rule != UNREACHABLE:
                found.setdefault(status.site_id, []).append(finding.reason)
    for site_id, waiting in seen.facts.old_backlog.items():
        if site_id in sites:
            found.setdefault(site_id, []).append(t(WAITING).format(n=waiting))
    ordered = sorted(found, key=lambda i: sites[i].code)
    return [Problem(sites[i], text, fix_by) for i in ordered for text in found[i]]


def monthly_document(seen: Overview, month: str, fix_by: dt.date) -> Document:
    """The whole monthly report of ``month`` (``YYYY-MM``) for the overview's scope."""
    problems = problems_of(seen, fix_by)
    return Document(
        t(TITLE).format(month=month),
        t(SCOPE_LINE).format(scope=t(seen.scope.title), as_of=seen.facts.headline.as_of),
        (
            _summary(seen),
            _risks(seen),
            _availability(seen),
            _filings(seen),
            _review(seen),
            _ranking(seen),
            _problems(problems, fix_by),
        ),
    )


def unit_document(seen: Overview, month: str, site: ScopeSite, problems: list[Problem]) -> Document:
    """One unit's part: its problems and the date to fix them by."""
    mine = [p for p in problems if p.site.id == site.id]
    rows = tuple((p.text, p.fix_by) for p in mine)
    blocks: tuple[Paragraph | Table, ...] = (
        Paragraph(t(UNIT_INTRO).format(name=site.name, n=len(mine))),
        Table((t(H_PROBLEM), t(H_FIX)), rows, (60, 12)) if rows else Paragraph(t(NO_PROBLEMS)),
    )
    return Document(
        t(UNIT_TITLE).format(month=month, name=site.name),
        t(SCOPE_LINE).format(scope=site.organiser_name, as_of=seen.facts.headline.as_of),
        (Section(t(PROBLEMS_TITLE), blocks),),
    )


def _summary(seen: Overview) -> Section:
    head = seen.facts.headline
    zone_free = head.oldest_pending.date().isoformat() if head.oldest_pending else "—"
    rows: list[tuple[str, str | int | float | None]] = [
        (t(w.RUNNING), head.running),
        (t(w.RISK_SITES), head.risk_sites),
        *((t(w.RULE_NAMES[rule]), head.risks.get(rule, 0)) for rule in RULES),
        (t(w.AVAILABILITY), float(head.availability) if head.availability is not None else None),
        (t(w.BELOW), head.below),
        (t(w.UNDETERMINED), head.undetermined),
        (t(w.OVERDUE), head.filings_overdue),
        (t(w.DUE), head.filings_due),
        (t(w.BACKLOG), head.backlog),
        (t(w.OLDEST), zone_free),
        (t(w.DECISIONS), head.decisions_week),
        (t(w.MEDIAN), head.median_decision_hours),
        *((f"{t(w.UPDATES)}：{_type(k)}", n) for k, n in head.updates.items()),
        (t(w.PERSONAL), head.personal_findings),
    ]
    return Section(t(SUMMARY_TITLE), (Table((t(H_FIGURE), t(H_VALUE)), tuple(rows), (40, 14)),))


def _type(kind: str) -> str:
    return t(COLUMN_TYPES.get(kind, kind))


def _risks(seen: Overview) -> Section:
    rows = tuple((r.code, r.name, risk_text(r)) for r in seen.facts.risks if r.risks)
    body = Table((t(H_CODE), t(H_SITE), t(H_RISKS)), rows, (11, 20, 50))
    return Section(t(RISKS_TITLE), (body,) if rows else (Paragraph(t(NONE_FOUND)),))


def _availability(seen: Overview) -> Section:
    daily = seen.trends.get(30)
    blocks: list[Chart | Table | Paragraph] = []
    if daily is not None:
        series = (Series(t(w.AVAILABILITY), daily.availability),)
        blocks.append(Chart(t(AVAILABILITY_TITLE), "line", daily.labels, series, "%"))
    rows = tuple(
        (r.code, r.name, reach.probes, reach.failures, float(reach.share))
        for r in seen.facts.risks
        if (reach := r.reachability) is not None and reach.verdict == UNREACHABLE
    )
    if rows:
        headings = (t(H_CODE), t(H_SITE), t(H_PROBES), t(H_FAILED), t(H_SHARE))
        blocks.append(Table(headings, rows, (11, 20, 8, 8, 8)))
    else:
        blocks.append(Paragraph(t(NONE_FOUND)))
    return Section(t(AVAILABILITY_SECTION), tuple(blocks))


def _filings(seen: Overview) -> Section:
    rows = tuple(
        (s.code, s.name, f.reason, f.due)
        for s in seen.facts.filings
        for f in s.findings
        if f.urgency in (Urgency.OVERDUE, Urgency.DUE)
    )
    body = Table((t(H_CODE), t(H_SITE), t(H_PROBLEM), t(H_DUE)), rows, (11, 18, 45, 11))
    return Section(t(FILINGS_TITLE), (body,) if rows else (Paragraph(t(NONE_FOUND)),))


def _review(seen: Overview) -> Section:
    head = seen.facts.headline
    blocks: list[Chart | Paragraph] = [
        Paragraph(f"{t(w.BACKLOG)}：{head.backlog}；{t(w.DECISIONS)}：{head.decisions_week}"),
    ]
    daily = seen.trends.get(30)
    if daily is not None:
        backlog = Series(t(w.BACKLOG), tuple(float(v) for v in daily.backlog))
        blocks.append(Chart(t(w.BACKLOG), "line", daily.labels, (backlog,)))
    if head.updates:
        kinds = tuple(head.updates)
        counts = Series(t(w.UPDATES), tuple(float(head.updates[k]) for k in kinds))
        blocks.append(Chart(t(w.UPDATES), "bar", tuple(_type(k) for k in kinds), (counts,)))
    return Section(t(REVIEW_TITLE), tuple(blocks))


def _ranking(seen: Overview) -> Section:
    units = seen.ranking
    names = [t(WITH_DEPARTMENTS).format(name=u.name) if u.grouped else u.name for u in units]
    rows = tuple(
        (index, name, u.sites, u.risks, u.overdue, u.waiting, u.score)
        for index, (name, u) in enumerate(zip(names, units, strict=True), start=1)
    )
    headings = tuple(
        t(h) for h in (H_RANK, H_UNIT, w.RUNNING, H_RISKS, w.OVERDUE, w.BACKLOG, H_SCORE)
    )
    blocks: list[Paragraph | Table | Chart] = [
        Paragraph(t(FORMULA), strong=True),
        Table(headings, rows, (5, 26, 7, 7, 7, 7, 7)),
    ]
    if units:
        scores = Series(t(H_SCORE), tuple(u.score for u in units))
        blocks.append(Chart(t(H_SCORE), "bar", tuple(names), (scores,)))
    return Section(t(RANKING_TITLE), tuple(blocks))


def _problems(problems: list[Problem], fix_by: dt.date) -> Section:
    rows = tuple((p.site.organiser_name, p.site.name, p.text, p.fix_by) for p in problems)
    body = Table((t(H_ORGANISER), t(H_SITE), t(H_PROBLEM), t(H_FIX)), rows, (16, 16, 45, 11))
    intro = Paragraph(t(FIX_BY).format(date=clock.shown(fix_by, dt.UTC)))
    return Section(t(PROBLEMS_TITLE), (intro, body) if rows else (intro, Paragraph(t(NONE_FOUND))))
