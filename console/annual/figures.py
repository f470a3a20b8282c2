"""Figures of the annual report that operators enter: read (with standing facts carried from
earlier years) and saved (checked, versioned, journalled, in one transaction)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from console.annual.template import Template, national
from console.base import clock
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import settings_of
from console.base.editing import conflict
from console.base.errors import InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP
from console.base.journal import record as journal
from console.db import SessionFactory
from console.schema import AnnualFigure, Duty, Site

TARGET = "annual_figures"
FIRST_YEAR = 2000
NO_SITE = QT_TR_NOOP("站点 {site} 不存在。")
BAD_YEAR = QT_TR_NOOP("年份 {year} 不在 {first} 至 {last} 之间。")


@dataclass(frozen=True)
class EnteredFigure:
    """An entered figure: its value, who entered it and when, its version, and the year it
    was entered for (earlier than the report's when carried as a standing fact)."""

    key: str
    value: str
    entered_by: str
    entered_at: dt.datetime
    version: int
    year: int


def target_id(site_code: str, year: int) -> str:
    """How the journal names a site's figures of a year."""
    return f"{site_code}/{year}"


def check_year(year: int, today: dt.date) -> None:
    """Refuse a year before the first the console knows or after the current one."""
    if not FIRST_YEAR <= year <= today.year:
        raise InvalidInput(BAD_YEAR, year=year, first=FIRST_YEAR, last=today.year)


def read_entered(
    session: Session, site_ids: Sequence[int], year: int, template: Template | None = None
) -> dict[int, dict[str, EnteredFigure]]:
    """The entered figures of ``site_ids`` for ``year``, standing facts carried from the
    latest earlier year that has them (one query per chunk of sites)."""
    rows = (template or national()).rows
    found: dict[int, dict[str, EnteredFigure]] = {site_id: {} for site_id in site_ids}
    for start in range(0, len(site_ids), 500):
        chunk = list(site_ids[start : start + 500])
        query = (
            select(AnnualFigure)
            .where(AnnualFigure.site_id.in_(chunk), AnnualFigure.year <= year)
            .order_by(AnnualFigure.year.desc())
        )
        for figure in session.scalars(query):
            spec = rows.get(figure.key)
            if spec is None or (figure.year != year and not spec.standing):
                continue
            figures = found[figure.site_id]
            if figure.key not in figures:
                figures[figure.key] = EnteredFigure(
                    figure.key,
                    figure.value,
                    figure.entered_by,
                    figure.entered_at,
                    figure.version,
                    figure.year,
                )
    return found


def entered_figures(
    sessions: SessionFactory, actor: Actor, site_id: int, year: int
) -> dict[str, EnteredFigure]:
    """Service: the entered figures of a site for ``year`` (standing facts carried)."""
    require(actor, *REGISTER_READERS)
    with sessions() as session:
        return read_entered(session, [site_id], year)[site_id]


def save_figures(
    sessions: SessionFactory,
    actor: Actor,
    site_id: int,
    year: int,
    values: Mapping[str, str],
    seen: Mapping[str, int] | None = None,
) -> list[str]:
    """Service: save the entered ``values`` (key → text; empty text removes a figure) of a
    site for ``year``; the keys that changed. ``seen`` gives the version of each figure the
    operator saw (0: none, or carried from an earlier year); a figure saved by someone else
    since is a ``Conflict`` naming them, and nothing is saved."""
    require(actor, Duty.SYSTEM_ADMIN)
    template = national()
    parsed = {key: (template.entered_row(key).parse(text) if text.strip() else "")
              for key, text in values.items()}  # fmt: skip
    with sessions.begin() as session:
        check_year(year, clock.today(settings_of(session).zone))
        code = session.scalar(select(Site.code).where(Site.id == site_id))
        if code is None:
            raise NotFound(NO_SITE, site=site_id)
        current = {
            f.key: f
            for f in session.scalars(
                select(AnnualFigure).where(
                    AnnualFigure.site_id == site_id, AnnualFigure.year == year
                )
            )
        }
        label = target_id(code, year)
        for key in parsed:
            now = current[key].version if key in current else 0
            expected = (seen or {}).get(key, now)
            if expected != now:
                raise conflict(session, TARGET, label, label, expected, now)
        before, after = _apply(session, actor, site_id, year, parsed, current)
        if after or before:
            journal(session, actor, "annual.figures", TARGET, label, label, before, after)
    return sorted(set(before) | set(after))


def _apply(
    session: Session,
    actor: Actor,
    site_id: int,
    year: int,
    parsed: Mapping[str, str],
    current: Mapping[str, AnnualFigure],
) -> tuple[dict[str, str], dict[str, str]]:
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    now = clock.utcnow()
    for key, value in parsed.items():
        existing = current.get(key)
        if existing is None:
            if value:
                after[key] = value
                session.add(
                    AnnualFigure(
                        site_id=site_id,
                        year=year,
                        key=key,
                        value=value,
                        entered_by=actor.username,
                        entered_at=now,
                        version=1,
                    )
                )
            continue
        if existing.value == value:
            continue
        before[key] = existing.value
        if not value:
            session.execute(delete(AnnualFigure).where(AnnualFigure.id == existing.id))
        else:
            after[key] = value
            existing.value = value
            existing.entered_by = actor.username
            existing.entered_at = now
            existing.version = existing.version + 1
    session.flush()
    return before, after
