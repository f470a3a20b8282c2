"""What a supervision view covers: the whole cluster or one site and every site below it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from console.base.errors import NotFound
from console.base.i18n import QT_TR_NOOP
from console.db.read_ahead import AnyResult
from console.db.rounds import Reading, one, run
from console.schema import Site, SiteState
from console.sites.service import subtree

RUNNING = (SiteState.RUNNING.value, SiteState.CHANGING.value)
GONE = (SiteState.MERGED.value, SiteState.RETIRED.value)
NO_SCOPE = QT_TR_NOOP("没有网站标识码为 {code} 的网站。")
WHOLE_CLUSTER = QT_TR_NOOP("全部站群")


@dataclass(frozen=True)
class ScopeSite:
    """A site of the scope as the figures, the ranking and the report need it."""

    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    state: str
    organiser_name: str
    contact_name: str
    contact_email: str
    opened_on: dt.date | None

    @property
    def running(self) -> bool:
        """Whether the site is in service (inspected, probed, ranked)."""
        return self.state in RUNNING


@dataclass(frozen=True)
class Scope:
    """The sites covered (every state but merged and retired), and the root's name."""

    root_id: int | None
    title: str
    sites: tuple[ScopeSite, ...]

    @property
    def running_ids(self) -> list[int]:
        """Ids of the sites in service."""
        return [s.id for s in self.sites if s.running]

    def clause(self, column: Any) -> ColumnElement[bool]:
        """A clause keeping rows whose site id ``column`` lies in the scope."""
        if self.root_id is None:
            return true()
        kept: ColumnElement[bool] = column.in_([s.id for s in self.sites])
        return kept


def load_scope(session: Session, under: int | None = None) -> Scope:
    """The scope rooted at site ``under`` (None: the whole cluster), in code order."""
    return run(session, scope_reading(under))


def scope_reading(under: int | None = None) -> Reading[Scope]:
    """``load_scope`` as a reading of one round."""
    statement = select(
        Site.id, Site.code, Site.name, Site.kind, Site.parent_id, Site.state,
        Site.organiser_name, Site.contact_name, Site.contact_email, Site.opened_on,
    ).where(Site.state.not_in(GONE))  # fmt: skip
    if under is None:
        rows = yield from one(statement.order_by(Site.code))
        return _scope(None, WHOLE_CLUSTER, rows)
    root, rows = yield [
        select(Site.name).where(Site.id == under),
        statement.where(subtree(under)).order_by(Site.code),
    ]
    title = root.scalar()
    if title is None:
        raise NotFound(NO_SCOPE, code=str(under))
    return _scope(under, title, rows)


def _scope(under: int | None, title: str, rows: AnyResult) -> Scope:
    return Scope(under, title, tuple(ScopeSite(**dict(row._mapping)) for row in rows))


def scope_by_code(session: Session, code: str | None) -> Scope:
    """The scope below the site with 网站标识码 ``code`` (None: the whole cluster)."""
    if not code:
        return load_scope(session)
    found = session.scalar(select(Site.id).where(Site.code == code.strip()))
    if found is None:
        raise NotFound(NO_SCOPE, code=code)
    return load_scope(session, found)


def below(scope: Scope, root_id: int) -> list[ScopeSite]:
    """``root_id`` and every site of the scope below it."""
    children: dict[int | None, list[ScopeSite]] = {}
    for site in scope.sites:
        children.setdefault(site.parent_id, []).append(site)
    found: list[ScopeSite] = [s for s in scope.sites if s.id == root_id]
    index = 0
    while index < len(found):
        found.extend(children.get(found[index].id, ()))
        index += 1
    return found


def chunks(ids: Sequence[int], size: int = 500) -> list[list[int]]:
    """``ids`` in lists of at most ``size`` (IN lists stay short on every engine)."""
    return [list(ids[start : start + size]) for start in range(0, len(ids), size)]
