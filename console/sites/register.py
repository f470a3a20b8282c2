"""The site register as the rules look it up: the stored sites, and an import's rows so far.

The rules read the register only through ``RegisterLookup``. An import counts each valid row
in (``add``) before checking the next, so a file may open a portal and its departments
together and duplicates inside one file are caught.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from console.base.domains import validate_domain
from console.base.errors import ConsoleError
from console.schema import Site, SiteDomain, SiteState

if TYPE_CHECKING:
    # Only named in an annotation: the rules module imports this one.
    from console.sites.rules import SiteDraft

GONE_STATES = frozenset({SiteState.MERGED, SiteState.RETIRED})

_parent = aliased(Site, name="parent_site")


@dataclass
class RegisteredSite:
    """What the rules need of a registered site (or of a row imported above the current one)."""

    id: int | None
    code: str
    name: str
    kind: str
    state: str
    region_code: str
    organiser_uscc: str
    parent_code: str | None
    main_domain: str | None


@dataclass
class RegisterLookup:
    """The register as the rules read it: stored sites, plus the import's rows counted in."""

    session: Session
    pending: dict[str, RegisteredSite] = field(default_factory=dict)
    pending_domains: dict[str, tuple[str, str]] = field(default_factory=dict)
    pending_usccs: dict[str, list[RegisteredSite]] = field(default_factory=dict)
    # What ``prefetch`` read of the stored register (None: known to be absent).
    known: dict[str, RegisteredSite | None] = field(default_factory=dict)
    owners: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    usccs: dict[str, list[RegisteredSite]] = field(default_factory=dict)

    def prefetch(self, drafts: Iterable[SiteDraft]) -> None:
        """Read at once, a chunk of keys a query, what the rules will ask of the stored register
        about ``drafts`` (their codes, parents, domains and organisers): an import of thousands
        of rows then asks no query per row."""
        codes: set[str] = set()
        domains: set[str] = set()
        usccs: set[str] = set()
        for draft in drafts:
            codes.add(draft.code)
            if draft.parent_code:
                codes.add(draft.parent_code)
            usccs.add(draft.organiser_uscc)
            for typed in draft.domains:
                with contextlib.suppress(ConsoleError):
                    domains.add(validate_domain(typed))
        for chunk in _chunks(codes):
            self.known.update(dict.fromkeys(chunk))
            for row in self.session.execute(_site_query().where(Site.code.in_(chunk))):
                self.known[row.Site.code] = _registered(row.Site, row.parent_code, row.main_domain)
        for chunk in _chunks(domains):
            self.owners.update(dict.fromkeys(chunk))
            owned = self.session.execute(_owner_query().where(SiteDomain.domain.in_(chunk)))
            for domain, code, name in owned:
                self.owners[domain] = (code, name)
        for chunk in _chunks(usccs):
            for uscc in chunk:
                self.usccs[uscc] = []
            for site in self.session.scalars(
                _organiser_query().where(Site.organiser_uscc.in_(chunk))
            ):
                self.usccs[site.organiser_uscc].append(_registered(site, None, None))

    def site(self, code: str) -> RegisteredSite | None:
        """The site registered (or pending) under ``code``."""
        if code in self.pending:
            return self.pending[code]
        if code in self.known:
            return self.known[code]
        row = self.session.execute(
            select(
                Site,
                _parent.code.label("parent_code"),
                SiteDomain.domain.label("main_domain"),
            )
            .outerjoin(_parent, _parent.id == Site.parent_id)
            .outerjoin(SiteDomain, (SiteDomain.site_id == Site.id) & SiteDomain.is_main)
            .where(Site.code == code)
        ).first()
        return _registered(row.Site, row.parent_code, row.main_domain) if row else None

    def code_of(self, site_id: int) -> str | None:
        """The current code of the registered site ``site_id``."""
        return self.session.scalar(select(Site.code).where(Site.id == site_id))

    def domain_owner(self, domain: str) -> tuple[str, str] | None:
        """(code, name) of the site holding stored ``domain``, if any."""
        if domain in self.pending_domains:
            return self.pending_domains[domain]
        if domain in self.owners:
            return self.owners[domain]
        row = self.session.execute(
            select(Site.code, Site.name)
            .join(SiteDomain, SiteDomain.site_id == Site.id)
            .where(SiteDomain.domain == domain)
        ).first()
        return (row.code, row.name) if row else None

    def organiser_sites(self, uscc: str) -> list[RegisteredSite]:
        """Sites (registered and pending) of organiser ``uscc`` still in service."""
        found = list(self.pending_usccs.get(uscc, ()))
        if uscc in self.usccs:
            stored: Iterable[RegisteredSite] = self.usccs[uscc]
        else:
            rows = self.session.scalars(_organiser_query().where(Site.organiser_uscc == uscc))
            stored = [_registered(s, None, None) for s in rows]
        found += [s for s in stored if s.code not in self.pending]
        return found

    def ancestors(self, site: RegisteredSite) -> Iterable[RegisteredSite]:
        """``site``'s parent, grandparent … up to the top (cycles stop the walk)."""
        seen: set[str] = {site.code}
        current = site
        while current.parent_code is not None:
            parent = self.site(current.parent_code)
            if parent is None or parent.code in seen:
                return
            seen.add(parent.code)
            yield parent
            current = parent

    def add(self, draft: SiteDraft, state: str = SiteState.APPLIED) -> None:
        """Count a valid imported row as registered for the rows after it."""
        domains = [validate_domain(d) for d in draft.domains]
        site = self.pending[draft.code] = RegisteredSite(
            id=None,
            code=draft.code,
            name=draft.name,
            kind=draft.kind,
            state=state,
            region_code=draft.region_code,
            organiser_uscc=draft.organiser_uscc,
            parent_code=draft.parent_code,
            main_domain=domains[0] if domains else None,
        )
        for domain in domains:
            self.pending_domains[domain] = (draft.code, draft.name)
        self.pending_usccs.setdefault(draft.organiser_uscc, []).append(site)


CHUNK = 500


def _chunks(keys: set[str]) -> Iterator[list[str]]:
    ordered = sorted(keys)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _site_query() -> Select[Site, str, str]:
    return (
        select(Site, _parent.code.label("parent_code"), SiteDomain.domain.label("main_domain"))
        .outerjoin(_parent, _parent.id == Site.parent_id)
        .outerjoin(SiteDomain, (SiteDomain.site_id == Site.id) & SiteDomain.is_main)
    )


def _owner_query() -> Select[str, str, str]:
    return (
        select(SiteDomain.domain, Site.code, Site.name)
        .select_from(Site)
        .join(SiteDomain, SiteDomain.site_id == Site.id)
    )


def _organiser_query() -> Select[Any]:
    return select(Site).where(Site.state.not_in(GONE_STATES))


def _registered(site: Site, parent_code: str | None, main_domain: str | None) -> RegisteredSite:
    return RegisteredSite(
        id=site.id,
        code=site.code,
        name=site.name,
        kind=site.kind,
        state=site.state,
        region_code=site.region_code,
        organiser_uscc=site.organiser_uscc,
        parent_code=parent_code,
        main_domain=main_domain,
    )
