"""Lists as the tabs show them: keyset pages sorted and filtered in SQL, never whole tables.

A ``Listing`` names its fields (heading, SQL expression, how to sort and search it) and the
``FROM`` it reads. ``fetch_page`` returns one page after a keyset position, so the hundredth
page costs what the first does; ``count`` gives "显示 48 / 312" for the header.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Select, and_, func, literal, or_, select
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import FromClause

from console.base import clock
from console.base.actor import Actor, require
from console.base.cluster import read_settings
from console.base.export import Cell, write_table
from console.base.i18n import translate
from console.db import SessionFactory
from console.schema import Duty

PAGE_SIZE = 200
EXPORT_BATCH = 2_000

# A field's renderer sees stored times already in the cluster's zone (aware); it returns text,
# or a date or time that ``clock.shown`` writes out (an export keeps it typed).
Render = Callable[[Any], Cell]


def count_of(foreign_key: QueryableAttribute[Any], owner_id: QueryableAttribute[Any]) -> Any:
    """A per-row count of the rows whose ``foreign_key`` points at the listed row's id."""
    return (
        select(func.count())
        .where(foreign_key == owner_id)
        .correlate(owner_id.class_)
        .scalar_subquery()
    )


def plain(value: Any) -> Cell:
    """A value as a cell: None is blank, dates and times stay typed, the rest is text."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value
    return str(value)


@dataclass(frozen=True)
class Field:
    """One column of a list: its heading, what is selected, and how it sorts and searches."""

    key: str
    title: str
    source: ColumnElement[Any] | QueryableAttribute[Any]
    sortable: bool = True
    searchable: bool = False
    render: Render = plain
    width: int = 12
    # The quick text as this field stores it, when that differs (a Unicode domain → punycode).
    stored_text: Callable[[str], str] | None = None

    @property
    def expr(self) -> ColumnElement[Any]:
        """The SQL expression this field selects."""
        if isinstance(self.source, QueryableAttribute):
            return self.source.__clause_element__()
        return self.source


@dataclass(frozen=True)
class Listing:
    """A list a tab shows: fields over a FROM clause, readable by some duties."""

    name: str
    title: str
    source: FromClause
    row_id: ColumnElement[Any] | QueryableAttribute[Any]
    fields: tuple[Field, ...]
    readers: frozenset[Duty]
    default_sort: str
    default_descending: bool = False
    where: tuple[ColumnElement[bool], ...] = ()
    # What the header's total counts over when it need not be ``source`` (joins the ``where``
    # clauses do not use can be left out, so a large list counts over its own index).
    count_source: FromClause | None = None
    # Structured filters beyond "field equals value": key → the clause for a chosen value.
    filters: Mapping[str, Callable[[Any], ColumnElement[bool]]] = field(default_factory=dict)

    @property
    def id_expr(self) -> ColumnElement[Any]:
        """The SQL expression of the row id (the keyset tie-breaker)."""
        if isinstance(self.row_id, QueryableAttribute):
            return self.row_id.__clause_element__()
        return self.row_id

    def field(self, key: str) -> Field:
        """The field called ``key``."""
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)


@dataclass(frozen=True)
class Query:
    """How the operator wants the list: sort, direction, quick text and exact filters."""

    sort: str = ""
    descending: bool = False
    text: str = ""
    equals: tuple[tuple[str, Any], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Page:
    """One page of rows; ``after`` is the keyset position to ask for the next page."""

    ids: list[Any]
    rows: list[tuple[Any, ...]]
    after: tuple[Any, Any] | None


@dataclass(frozen=True)
class Counts:
    """How many rows match the filters and how many there are in all."""

    shown: int
    total: int


def _sort_expr(listing: Listing, query: Query) -> ColumnElement[Any]:
    key = query.sort or listing.default_sort
    chosen = listing.field(key)
    if not chosen.sortable:
        chosen = listing.field(listing.default_sort)
    return _non_null(chosen.expr, listing)


def _non_null(expr: ColumnElement[Any], listing: Listing) -> ColumnElement[Any]:
    """``expr`` with NULL replaced by the type's smallest value: keyset steps cannot skip NULLs.

    A NOT NULL column of the listing's own table is left bare, so its index serves the sort.
    """
    if (
        isinstance(expr, Column)
        and not expr.nullable
        and expr.table is getattr(listing.id_expr, "table", None)
    ):
        return expr
    try:
        kind = expr.type.python_type
    except NotImplementedError:
        kind = str
    if kind is bool or kind is int or kind is float:
        floor: Any = -1
    elif kind is dt.datetime:
        floor = dt.datetime(1900, 1, 1)
    elif kind is dt.date:
        floor = dt.date(1900, 1, 1)
    else:
        floor = ""
    return func.coalesce(expr, literal(floor, type_=expr.type))


def _filters(listing: Listing, query: Query) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = list(listing.where)
    text = query.text.strip()
    if text:
        matches: list[ColumnElement[bool]] = []
        for searched in (f for f in listing.fields if f.searchable):
            stored = searched.stored_text(text) if searched.stored_text else text
            forms = dict.fromkeys((text, unicodedata.normalize("NFKC", text), stored))
            matches += [searched.expr.ilike(_contains(form), escape="\\") for form in forms]
        clauses.append(or_(*matches))
    for key, value in query.equals:
        build = listing.filters.get(key)
        clauses.append(build(value) if build else listing.field(key).expr == value)
    return clauses


def _contains(text: str) -> str:
    """A LIKE pattern finding ``text`` anywhere, its wildcards taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _base(listing: Listing, query: Query) -> Select[Any]:
    statement = select(listing.id_expr, *(f.expr for f in listing.fields)).select_from(
        listing.source
    )
    filters = _filters(listing, query)
    return statement.where(and_(*filters)) if filters else statement


def fetch_page(
    session: Session,
    listing: Listing,
    query: Query,
    after: tuple[Any, Any] | None = None,
    size: int = PAGE_SIZE,
) -> Page:
    """The ``size`` rows following keyset position ``after`` (from the start when None)."""
    sort = _sort_expr(listing, query)
    descending = query.descending if query.sort else listing.default_descending
    statement = _base(listing, query).add_columns(sort)
    if after is not None:
        # The bare range on the sort key lets every engine seek its (key, id) index; the OR
        # then only breaks ties.
        value, last_id = after
        if descending:
            statement = statement.where(sort <= value, or_(sort < value, listing.id_expr < last_id))
        else:
            statement = statement.where(sort >= value, or_(sort > value, listing.id_expr > last_id))
    order = (sort.desc(), listing.id_expr.desc()) if descending else (sort, listing.id_expr)
    result = session.execute(statement.order_by(*order).limit(size)).all()
    ids = [row[0] for row in result]
    rows = [tuple(row[1:-1]) for row in result]
    position = (result[-1][-1], result[-1][0]) if len(result) == size else None
    return Page(ids=ids, rows=rows, after=position)


def count(session: Session, listing: Listing, query: Query) -> Counts:
    """Rows matching ``query`` and rows in all (for the header)."""
    counted = listing.source if listing.count_source is None else listing.count_source
    total_q = select(func.count()).select_from(counted)
    if listing.where:
        total_q = total_q.where(and_(*listing.where))
    total = session.scalar(total_q) or 0
    if not query.text.strip() and not query.equals:
        return Counts(total, total)
    shown_q = select(func.count()).select_from(_base(listing, query).subquery())
    return Counts(session.scalar(shown_q) or 0, total)


def cells(listing: Listing, row: Sequence[Any], zone: ZoneInfo) -> list[Cell]:
    """A row's cells (labels translated, personal data masked, times in ``zone``)."""
    return [
        f.render(clock.local(value, zone) if isinstance(value, dt.datetime) else value)
        for f, value in zip(listing.fields, row, strict=True)
    ]


def rendered(listing: Listing, row: Sequence[Any], zone: ZoneInfo) -> list[str]:
    """A row as the operator sees it: its cells as text, times in the one format."""
    return [
        cell if isinstance(cell, str) else clock.shown(cell, zone)
        for cell in cells(listing, row, zone)
    ]


def read_page(
    sessions: SessionFactory,
    actor: Actor,
    listing: Listing,
    query: Query,
    after: tuple[Any, Any] | None = None,
    size: int = PAGE_SIZE,
) -> Page:
    """Service entry: a page of ``listing`` for ``actor`` (who must be one of its readers)."""
    require(actor, *listing.readers)
    with sessions() as session:
        return fetch_page(session, listing, query, after, size)


def read_first(
    sessions: SessionFactory, actor: Actor, listing: Listing, query: Query
) -> tuple[Page, Counts]:
    """Service entry: the first page and the header counts, read in one session."""
    require(actor, *listing.readers)
    with sessions() as session:
        return fetch_page(session, listing, query), count(session, listing, query)


def _rows(sessions: SessionFactory, listing: Listing, query: Query) -> Iterator[tuple[Any, ...]]:
    after: tuple[Any, Any] | None = None
    while True:
        with sessions() as session:
            page = fetch_page(session, listing, query, after, EXPORT_BATCH)
        yield from page.rows
        if page.after is None:
            return
        after = page.after


def iter_cells(
    sessions: SessionFactory, actor: Actor, listing: Listing, query: Query
) -> Iterator[list[Cell]]:
    """Every row matching ``query`` as cells, times in the cluster's zone (for export)."""
    require(actor, *listing.readers)
    zone = read_settings(sessions).zone
    for row in _rows(sessions, listing, query):
        yield cells(listing, row, zone)


def iter_rendered(
    sessions: SessionFactory, actor: Actor, listing: Listing, query: Query
) -> Iterator[list[str]]:
    """Every row matching ``query`` as the operator reads it, fetched in batches."""
    require(actor, *listing.readers)
    zone = read_settings(sessions).zone
    for row in _rows(sessions, listing, query):
        yield rendered(listing, row, zone)


def export_listing(
    sessions: SessionFactory,
    actor: Actor,
    listing: Listing,
    query: Query,
    path: Path,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Export every row matching ``query`` to ``path`` with the listing's fixed headings."""
    headings = [translate("", f.title) for f in listing.fields]
    return write_table(path, headings, iter_cells(sessions, actor, listing, query), progress)
