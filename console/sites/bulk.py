"""Registering many checked sites at once (an import): set-wise inserts, the same rows and
journal entries as ``insert_site`` one by one, a few statements per thousand sites."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.base import journal
from console.base.actor import Actor
from console.base.domains import validate_domain
from console.schema import Filing, Site, SiteDomain
from console.sites.contact import contact_snapshot, contact_values
from console.sites.rules import SiteDraft
from console.sites.service import TARGET

BATCH = 500


def insert_sites(
    session: Session,
    actor: Actor,
    drafts: Sequence[SiteDraft],
    state: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Add checked ``drafts`` (every parent before its children) in ``session``'s transaction,
    with their domains, filing numbers and one ``site.create`` journal entry each.
    ``progress(done)`` is told after each batch. Returns how many were added."""
    ids = _stored_parents(session, drafts)
    done = 0
    batch: list[SiteDraft] = []
    in_batch: set[str] = set()
    for draft in drafts:
        if len(batch) == BATCH or (draft.parent_code in in_batch):
            done += _insert_batch(session, actor, batch, state, ids)
            batch, in_batch = [], set()
            if progress is not None:
                progress(done)
        batch.append(draft)
        in_batch.add(draft.code)
    if batch:
        done += _insert_batch(session, actor, batch, state, ids)
        if progress is not None:
            progress(done)
    return done


def _stored_parents(session: Session, drafts: Sequence[SiteDraft]) -> dict[str, int]:
    """Ids of the registered sites the drafts name as parents."""
    new = {d.code for d in drafts}
    wanted = sorted({d.parent_code for d in drafts if d.parent_code and d.parent_code not in new})
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        ids.update(
            {code: site_id for site_id, code in session.execute(
                select(Site.id, Site.code).where(Site.code.in_(chunk)))}
        )  # fmt: skip
    return ids


def _insert_batch(
    session: Session, actor: Actor, drafts: list[SiteDraft], state: str, ids: dict[str, int]
) -> int:
    rows = [
        {
            "code": d.code,
            "name": d.name.strip(),
            "kind": d.kind,
            "parent_id": ids.get(d.parent_code) if d.parent_code else None,
            "region_code": d.region_code,
            "organiser_name": d.organiser_name.strip(),
            "organiser_uscc": d.organiser_uscc,
            "organiser_type": d.organiser_type,
            "state": state,
            "opened_on": d.opened_on,
            "version": 1,
            **contact_values(d),
        }
        for d in drafts
    ]
    returned = session.execute(
        insert(Site).returning(Site.id, sort_by_parameter_order=True), rows
    ).scalars().all()  # fmt: skip
    domains: list[dict[str, Any]] = []
    filings: list[dict[str, Any]] = []
    changes: list[journal.Change] = []
    for draft, row, site_id in zip(drafts, rows, returned, strict=True):
        ids[draft.code] = site_id
        stored = [validate_domain(d) for d in draft.domains]
        domains += [
            {"site_id": site_id, "domain": domain, "is_main": index == 0, "version": 1}
            for index, domain in enumerate(stored)
        ]
        if draft.icp_number or draft.psb_number:
            filings.append(
                {"site_id": site_id, "icp_number": draft.icp_number or None,
                 "psb_number": draft.psb_number or None, "version": 1}
            )  # fmt: skip
        after = {
            "code": row["code"], "name": row["name"], "kind": row["kind"],
            "parent_id": row["parent_id"], "organiser_name": row["organiser_name"],
            "organiser_uscc": row["organiser_uscc"], "organiser_type": row["organiser_type"],
            "state": state, "merged_into_id": None,
            "opened_on": draft.opened_on.isoformat() if draft.opened_on else None,
            "domains": stored[:1] + sorted(stored[1:]),
        } | contact_snapshot(draft)  # fmt: skip
        changes.append(
            journal.Change("site.create", TARGET, site_id, draft.name.strip(), None, after)
        )
    if domains:
        session.execute(insert(SiteDomain), domains)
    if filings:
        session.execute(insert(Filing), filings)
    journal.record_many(session, actor, changes)
    return len(drafts)
