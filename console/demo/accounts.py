"""Editors of the demo sites and their role grants, some scoped to a column, some expired."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from console.demo.columns import SiteTree
from console.demo.names import People, mobile_number
from console.demo.sites import SitePlan
from console.schema import AccountStatus, Role, SiteKind, SiteState

ACCOUNTS_PER_SITE = 4
ACCOUNT_WEIGHTS = {
    SiteKind.CITY_PORTAL: 12.0,
    SiteKind.COUNTY_PORTAL: 8.0,
    SiteKind.DEPARTMENT: 3.0,
    SiteKind.SPECIAL: 2.0,
}
EXTRA_ROLES = (Role.REVIEWER, Role.PUBLISHER, Role.EDITOR)
COLUMN_SCOPED_SHARE = 0.3
EXPIRED_SHARE = 0.08
EXPIRING_SHARE = 0.15
DORMANT_SHARE = 0.15
CLOSED = (SiteState.MERGED, SiteState.RETIRED)


@dataclass
class Staff:
    """What later steps need to know about the accounts: who may author on which site."""

    accounts: int = 0
    grants: int = 0
    authors: dict[int, list[int]] = field(default_factory=dict)


def accounts_per_site(trees: Sequence[SiteTree], total: int) -> list[int]:
    """Share ``total`` accounts among the sites; portals have more editors than departments."""
    weights = [_weight(tree.site) for tree in trees]
    whole = sum(weights)
    shares, given, running = [], 0, 0.0
    for weight in weights:
        running += weight
        target = round(running / whole * total)
        shares.append(target - given)
        given = target
    return shares


def _weight(site: SitePlan) -> float:
    return ACCOUNT_WEIGHTS[site.kind] if site.publishes else 1.0


class AccountMaker:
    """Makes account and grant rows with ids counting up from the given first ids."""

    def __init__(
        self,
        rng: random.Random,
        as_of: dt.date,
        granted_by: int,
        first_account_id: int,
        first_grant_id: int,
    ) -> None:
        self.rng = rng
        self.as_of = as_of
        self.granted_by = granted_by
        self.people = People(rng)
        self.next_account = first_account_id
        self.next_grant = first_grant_id
        self.staff = Staff()

    def for_site(self, tree: SiteTree, count: int) -> Iterator[tuple[str, dict[str, Any]]]:
        """``("accounts", row)`` and ``("grants", row)`` pairs for ``count`` editors of a site."""
        for number in range(count):
            account = self._account(tree.site)
            yield "accounts", account
            roles = self._roles(first=number == 0)
            for role in roles:
                yield "grants", self._grant(tree, account, role)
            if Role.EDITOR in roles and account["status"] == AccountStatus.ACTIVE.value:
                self.staff.authors.setdefault(tree.site.id, []).append(account["id"])

    def _account(self, site: SitePlan) -> dict[str, Any]:
        rng = self.rng
        person = self.people.make()
        created = dt.datetime.combine(site.registered_on, dt.time(9)) + dt.timedelta(
            days=rng.randint(0, max(0, (self.as_of - site.registered_on).days - 1)),
            minutes=rng.randrange(600),
        )
        status, failed = AccountStatus.ACTIVE, 0
        draw = rng.random()
        if site.state in CLOSED or draw < 0.06:
            status = AccountStatus.DISABLED
        elif draw < 0.10:
            status, failed = AccountStatus.LOCKED, 5
        last_login = None
        if status is not AccountStatus.DISABLED and site.publishes:
            back = rng.randint(181, 500) if rng.random() < DORMANT_SHARE else rng.randint(0, 60)
            last_login = max(created, _stamp(rng, self.as_of - dt.timedelta(days=back)))
        row = {
            "id": self.next_account,
            "username": person.username,
            "full_name": person.full_name,
            "organisation": site.organiser.name,
            "site_id": site.id,
            "phone": mobile_number(rng),
            "email": f"{person.username}@{site.domains[0]}",
            "status": status.value,
            "failed_logins": failed,
            "last_login_at": last_login,
            "created_at": created,
            "version": 1,
        }
        self.next_account += 1
        self.staff.accounts += 1
        return row

    def _roles(self, first: bool) -> list[Role]:
        """One to three roles; each site's first editor administers it."""
        roles = [Role.SITE_ADMIN if first else Role.EDITOR]
        extra = self.rng.choices((0, 1, 2), (0.6, 0.3, 0.1))[0]
        pool = [role for role in EXTRA_ROLES if role not in roles]
        return roles + self.rng.sample(pool, extra)

    def _grant(self, tree: SiteTree, account: dict[str, Any], role: Role) -> dict[str, Any]:
        rng = self.rng
        column = None
        tops = tree.top_level_ids()
        if role is not Role.SITE_ADMIN and rng.random() < COLUMN_SCOPED_SHARE:
            column = rng.choice(tops)
        created: dt.datetime = account["created_at"]
        granted = created + dt.timedelta(minutes=rng.randint(5, 600))
        expires = None
        draw = rng.random()
        if draw < EXPIRED_SHARE:
            expires = _stamp(rng, self.as_of - dt.timedelta(days=rng.randint(1, 200)))
            expires = max(expires, granted + dt.timedelta(days=1))
        elif draw < EXPIRED_SHARE + EXPIRING_SHARE:
            expires = _stamp(rng, self.as_of + dt.timedelta(days=rng.randint(7, 365)))
        row = {
            "id": self.next_grant,
            "account_id": account["id"],
            "role": role.value,
            "site_id": tree.site.id,
            "column_id": column,
            "expires_at": expires,
            "granted_by": self.granted_by,
            "granted_at": granted,
            "version": 1,
        }
        self.next_grant += 1
        self.staff.grants += 1
        return row


def _stamp(rng: random.Random, day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, rng.randint(8, 20), rng.randrange(60))
