"""The register as a file: ``sites export`` writes the column set ``sites import`` reads.

Headings are the import's (``FIELDS``, in the interface language), kinds and organiser types
by their labels, every domain of a site in one cell, parents before their children, so an
exported register is imported into another database as it is. The columns' list-page
addresses go with it: an XLSX register's second sheet 栏目地址, beside a CSV register a file
``<name>_栏目地址.csv``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from console.base.actor import Actor, require
from console.base.domains import to_unicode
from console.base.export import Cell, require_writable, write_table
from console.base.i18n import joined, translate
from console.base.labels import SITE_KINDS
from console.base.listing import Query, read_page
from console.db import SessionFactory
from console.patrol.addresses import address_sheet, beside
from console.schema import Filing, Site, SiteDomain
from console.sites.contact import FIELDS as CONTACT_FIELDS
from console.sites.rules import FIELDS, ORGANISER_TYPES
from console.sites.service import SITES

CHUNK = 500
_parent = aliased(Site, name="parent_site")


def headings() -> list[str]:
    """The column headings, in the interface language (the import reads either language)."""
    return [translate("", title) for title in FIELDS.values()]


def export_register(
    sessions: SessionFactory,
    actor: Actor,
    query: Query,
    path: Path,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Service: write the sites ``query`` selects to ``path`` (CSV/XLSX), their columns'
    addresses too (``console.patrol.addresses``: a sheet, or a CSV file beside); how many
    sites."""
    require(actor, *SITES.readers)
    require_writable(path)
    ids = _site_ids(sessions, actor, query)
    records = [record for chunk in _chunks(ids) for record in _records(sessions, chunk)]
    addresses = address_sheet(sessions, actor, site_ids=ids)
    if path.suffix.lower() == ".csv":
        _title, address_headings, address_rows = addresses
        write_table(beside(path), address_headings, address_rows)
        return write_table(path, headings(), _parents_first(records), progress)
    return write_table(path, headings(), _parents_first(records), progress, more=[addresses])


def _site_ids(sessions: SessionFactory, actor: Actor, query: Query) -> list[int]:
    ids: list[int] = []
    after = None
    while True:
        page = read_page(sessions, actor, SITES, query, after, 5_000)
        ids += page.ids
        if page.after is None:
            return ids
        after = page.after


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _records(sessions: SessionFactory, ids: Sequence[int]) -> list[dict[str, Any]]:
    with sessions() as session:
        rows = session.execute(
            select(Site, _parent.code.label("parent_code"), Filing.icp_number, Filing.psb_number)
            .outerjoin(_parent, _parent.id == Site.parent_id)
            .outerjoin(Filing, Filing.site_id == Site.id)
            .where(Site.id.in_(ids))
        ).all()
        domains: dict[int, list[str]] = {}
        for site_id, domain in session.execute(
            select(SiteDomain.site_id, SiteDomain.domain)
            .where(SiteDomain.site_id.in_(ids))
            .order_by(SiteDomain.site_id, SiteDomain.is_main.desc(), SiteDomain.domain)
        ):
            domains.setdefault(site_id, []).append(to_unicode(domain))
    return [
        {
            "code": row.Site.code,
            "name": row.Site.name,
            "kind": translate("", SITE_KINDS.get(row.Site.kind, row.Site.kind)),
            "parent_code": row.parent_code or "",
            "organiser_name": row.Site.organiser_name,
            "organiser_uscc": row.Site.organiser_uscc,
            "organiser_type": translate(
                "", ORGANISER_TYPES.get(row.Site.organiser_type, row.Site.organiser_type)
            ),
            "domains": joined(domains.get(row.Site.id, [])),
            "icp_number": row.icp_number or "",
            "psb_number": row.psb_number or "",
            "opened_on": row.Site.opened_on or "",
            **{key: getattr(row.Site, key) or "" for key in CONTACT_FIELDS},
        }
        for row in rows
    ]


def _parents_first(records: list[dict[str, Any]]) -> Iterator[list[Cell]]:
    """The records with every parent before its children, by code otherwise."""
    parent_of = {r["code"]: r["parent_code"] for r in records}
    depth: dict[str, int] = {}

    def depth_of(code: str) -> int:
        seen: list[str] = []
        while code in parent_of and code not in depth and code not in seen:
            seen.append(code)
            code = parent_of[code]
        level = depth.get(code, -1) if code in parent_of else -1
        for member in reversed(seen):
            level += 1
            depth[member] = level
        return depth.get(seen[0], 0) if seen else depth.get(code, 0)

    for record in sorted(records, key=lambda r: (depth_of(r["code"]), r["code"])):
        yield [record[key] for key in FIELDS]
