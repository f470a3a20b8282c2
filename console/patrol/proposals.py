"""Column addresses proposed from a site's home page, for the operator to confirm.

Every column is matched against the menu (exact name, then normalised: width, case,
traditional → simplified), whether it has an address already or not, so the operator sees
where the live menu and the register agree, where they differ and which columns the menu
does not name. Nothing is written here: confirming is ``addresses.set_addresses``.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.patrol.gates import Gates
from console.patrol.navigation import discover
from console.patrol.records import PatrolMemory
from console.patrol.site import SitePatrol
from console.patrol.targets import PatrolOptions, PatrolTarget


@dataclass(frozen=True)
class Proposal:
    """A column, its registered address, and the address its name has in the menu (if any)."""

    code: str
    name: str
    registered: str | None
    found: str | None
    how: str | None

    @property
    def changes(self) -> bool:
        """Whether confirming the proposal would change the register."""
        return self.found is not None and self.found != self.registered


@dataclass(frozen=True)
class Proposals:
    """What the home page proposes for each column; ``error`` when it did not open."""

    site_code: str
    home_url: str | None
    columns: tuple[Proposal, ...] = ()
    error: str | None = None


def propose(target: PatrolTarget, options: PatrolOptions) -> Proposals:
    """Read ``target``'s home page and match every column's name in its links."""
    visit = SitePatrol(target, options, Gates(options.connections, options.spacing), PatrolMemory())
    home = visit.home_page()
    if home is None or home.page is None:
        return Proposals(target.site_code, visit.result.home_url, error=visit.result.error)
    names = {column.code: column.name for column in target.columns}
    found = discover(names, home.page.links, target.owns)
    columns = tuple(
        Proposal(
            column.code,
            column.name,
            column.url,
            found[column.code].url if column.code in found else None,
            found[column.code].how if column.code in found else None,
        )
        for column in target.columns
    )
    return Proposals(target.site_code, home.final_url, columns)
