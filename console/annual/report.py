"""Each site's annual report of a year: every template row with its value and where it came
from (the console's count as of a date, or who entered it and when), the required figures
still missing, and whether it is a draft (the year is not over)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.annual.figures import EnteredFigure, check_year, read_entered
from console.annual.prefill import prefill
from console.annual.template import RowSpec, SectionSpec, Template, national
from console.base import clock
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import settings_of
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, joined, translate
from console.db import SessionFactory
from console.schema import Site, SiteState

REPORTED_STATES = (SiteState.RUNNING.value, SiteState.CHANGING.value)
CHUNK = 100
CONSOLE, ENTERED, CARRIED, MISSING = "console", "entered", "carried", "missing"

UNKNOWN_SITES = QT_TR_NOOP("没有这些站点：{codes}")
FROM_CONSOLE = QT_TR_NOOP("控制台统计，截至 {date}")
FROM_OPERATOR = QT_TR_NOOP("{who} 于 {when} 填写")
CARRIED_FROM = QT_TR_NOOP("沿用 {year} 年的填报：{who} 于 {when} 填写")
NOT_FILLED = QT_TR_NOOP("未填写")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Origin:
    """Where a figure came from."""

    kind: str
    as_of: dt.date | None = None
    by: str = ""
    at: dt.datetime | None = None
    year: int | None = None

    def text(self, zone: ZoneInfo) -> str:
        """The origin in the operator's language (times in ``zone``)."""
        if self.kind == CONSOLE:
            return translate("", FROM_CONSOLE).format(date=self.as_of)
        if self.kind in (ENTERED, CARRIED):
            when = clock.shown(self.at, zone) if self.at else ""
            if self.kind == CARRIED:
                return translate("", CARRIED_FROM).format(year=self.year, who=self.by, when=when)
            return translate("", FROM_OPERATOR).format(who=self.by, when=when)
        return translate("", NOT_FILLED)


@dataclass(frozen=True)
class ReportRow:
    """A row of a site's report: its template row, its value (None: missing), its origin."""

    spec: RowSpec
    value: str | None
    origin: Origin
    version: int = 0


@dataclass(frozen=True)
class AnnualReport:
    """One site's report of ``year`` counted up to ``as_of`` (a draft while the year runs)."""

    site_id: int
    code: str
    name: str
    year: int
    as_of: dt.date
    draft: bool
    sections: tuple[tuple[SectionSpec, tuple[ReportRow, ...]], ...]

    @property
    def rows(self) -> list[ReportRow]:
        """Every row in template order."""
        return [row for _, rows in self.sections for row in rows]

    @property
    def missing(self) -> list[RowSpec]:
        """Required rows without a value."""
        return [row.spec for row in self.rows if row.spec.required and row.value is None]

    def value(self, key: str) -> str | None:
        """The value of row ``key``."""
        return next(row.value for row in self.rows if row.spec.key == key)

    def missing_text(self) -> str:
        """The missing required rows' labels, in running text."""
        return joined(spec.shown_label() for spec in self.missing)


def build_reports(
    sessions: SessionFactory,
    actor: Actor,
    year: int,
    site_codes: Sequence[str] = (),
    progress: Progress | None = None,
) -> list[AnnualReport]:
    """Service: the reports of ``year`` of the sites ``site_codes`` (default: every running
    site), in code order; ``progress(done, total)`` is told per chunk of sites."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        zone = settings_of(session).zone
        today = clock.today(zone)
        check_year(year, today)
        sites = _sites(session, site_codes)
        as_of = min(today, dt.date(year, 12, 31))
        reports: list[AnnualReport] = []
        for start in range(0, len(sites), CHUNK):
            chunk = sites[start : start + CHUNK]
            ids = [site_id for site_id, _, _ in chunk]
            counted = prefill(session, ids, year, zone, as_of)
            entered = read_entered(session, ids, year)
            for site_id, code, name in chunk:
                reports.append(
                    assemble(
                        national(), site_id, code, name, year, as_of,
                        counted[site_id], entered[site_id], year == today.year,
                    )
                )  # fmt: skip
            if progress is not None:
                progress(len(reports), len(sites))
        return reports


def _sites(session: Session, codes: Sequence[str]) -> list[tuple[int, str, str]]:
    query = select(Site.id, Site.code, Site.name).order_by(Site.code)
    if not codes:
        rows = session.execute(query.where(Site.state.in_(REPORTED_STATES))).all()
        return [(r.id, r.code, r.name) for r in rows]
    rows = session.execute(query.where(Site.code.in_(sorted(set(codes))))).all()
    unknown = sorted(set(codes) - {r.code for r in rows})
    if unknown:
        raise InvalidInput(UNKNOWN_SITES, codes=joined(unknown))
    return [(r.id, r.code, r.name) for r in rows]


def assemble(
    template: Template,
    site_id: int,
    code: str,
    name: str,
    year: int,
    as_of: dt.date,
    counted: dict[str, str | None],
    entered: dict[str, EnteredFigure],
    draft: bool = False,
) -> AnnualReport:
    """A site's report from the console's figures and the entered ones (``draft``: the year
    is not over)."""
    sections = []
    for section in template.sections:
        rows = []
        for spec in section.rows:
            if not spec.entered:
                value = counted.get(spec.source)
                origin = Origin(CONSOLE, as_of=as_of) if value is not None else Origin(MISSING)
                rows.append(ReportRow(spec, value, origin))
                continue
            figure = entered.get(spec.key)
            if figure is None:
                rows.append(ReportRow(spec, None, Origin(MISSING)))
                continue
            kind = ENTERED if figure.year == year else CARRIED
            origin = Origin(kind, by=figure.entered_by, at=figure.entered_at, year=figure.year)
            version = figure.version if kind == ENTERED else 0
            rows.append(ReportRow(spec, figure.value, origin, version))
        sections.append((section, tuple(rows)))
    return AnnualReport(site_id, code, name, year, as_of, draft, tuple(sections))
