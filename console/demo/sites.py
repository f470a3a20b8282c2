"""The site register of the demo city: structure, 网站标识码, domains, organisers and states."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from stdnum.cn import uscc

from console.demo.places import (
    CITY_CODE,
    CITY_DEPARTMENTS,
    CITY_DOMAIN,
    CITY_NAME,
    COUNTY_DEPARTMENTS,
    DIVISIONS,
    SPECIALS,
    SUBUNITS,
    Department,
    Division,
)
from console.schema import SiteKind, SiteState

MIN_SITES = 12
MAX_SITES = 20_000
CITY_SHARE = 0.45
SECOND_DOMAIN_SHARE = 0.05
RECENT_SHARE = 0.04
EARLY_STATES = (
    SiteState.APPLIED,
    SiteState.APPROVED,
    SiteState.BADGED,
    SiteState.ICP_FILED,
    SiteState.PSB_FILED,
    SiteState.CODED,
)
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
POST_WEIGHTS = {
    SiteKind.CITY_PORTAL: 10.0,
    SiteKind.COUNTY_PORTAL: 5.0,
    SiteKind.DEPARTMENT: 1.0,
    SiteKind.SPECIAL: 0.6,
}


@dataclass(frozen=True)
class Organiser:
    """The body that runs a site (主办单位) and its 统一社会信用代码."""

    name: str
    uscc: str


@dataclass
class SitePlan:
    """Everything decided about one site before any row is written."""

    id: int
    code: str
    name: str
    kind: SiteKind
    parent_id: int | None
    region_code: str
    division: Division | None
    organiser: Organiser
    domains: list[str]
    mlps_level: int
    state: SiteState = SiteState.RUNNING
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    merged_into_id: int | None = None
    registered_on: dt.date = dt.date(2000, 1, 1)

    @property
    def publishes(self) -> bool:
        """Whether the site has ever been open, so it has posts and editors at work."""
        return self.opened_on is not None

    @property
    def post_weight(self) -> float:
        """This site's share of the cluster's posts, relative to one department."""
        return POST_WEIGHTS[self.kind] if self.publishes else 0.0


class Organisers:
    """Hands out one 统一社会信用代码 per organiser name, unique across the cluster."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._by_name: dict[str, Organiser] = {}
        self._codes: set[str] = set()

    def get(self, name: str, region_code: str) -> Organiser:
        """The organiser called ``name``, created on first use in ``region_code``."""
        if name not in self._by_name:
            code = self._new_code(region_code)
            while code in self._codes:
                code = self._new_code(region_code)
            self._codes.add(code)
            self._by_name[name] = Organiser(name, code)
        return self._by_name[name]

    def _new_code(self, region_code: str) -> str:
        # 1 = 机构编制 registry, 1 = 机关; then the region and a GB 11714 organisation code.
        body = f"00{self._rng.randrange(10**6):06d}"
        total = sum(
            int(digit) * weight for digit, weight in zip(body, ORG_CODE_WEIGHTS, strict=True)
        )
        check = {10: "X", 11: "0"}.get(11 - total % 11, str(11 - total % 11))
        stem = f"11{region_code}{body}{check}"
        return stem + uscc.calc_check_digit(stem)


class _Serials:
    """The next 4-digit serial of 网站标识码 in each region."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def code(self, region_code: str) -> str:
        serial = self._next.get(region_code, 1)
        self._next[region_code] = serial + 1
        return f"{region_code}{serial:04d}"


def plan_sites(rng: random.Random, total: int, as_of: dt.date, first_id: int) -> list[SitePlan]:
    """The sites of the demo city, ``total`` of them, parents before children."""
    specials = min(len(SPECIALS), max(1, total // 40))
    departments = total - 1 - len(DIVISIONS) - specials
    city_departments = round(departments * CITY_SHARE)
    county_departments = departments - city_departments
    builder = _Builder(rng, first_id)
    portal = builder.add(
        f"{CITY_NAME}人民政府",
        SiteKind.CITY_PORTAL,
        None,
        CITY_CODE,
        None,
        f"{CITY_NAME}人民政府办公室",
        [f"www.{CITY_DOMAIN}", CITY_DOMAIN],
        3,
    )
    for index in range(city_departments):
        builder.department(portal, CITY_CODE, None, CITY_NAME, CITY_DEPARTMENTS, index, CITY_DOMAIN)
    for special in SPECIALS[:specials]:
        builder.add(
            f"{CITY_NAME}{special.name}",
            SiteKind.SPECIAL,
            portal.id,
            CITY_CODE,
            None,
            f"{CITY_NAME}{special.organiser}",
            [f"{special.abbr}.{CITY_DOMAIN}"],
            2,
        )
    for number, division in enumerate(DIVISIONS):
        domains = [division.portal_domain]
        if division.own_domain:
            domains.append(division.base_domain)
        county = builder.add(
            f"{division.name}人民政府",
            SiteKind.COUNTY_PORTAL,
            portal.id,
            division.code,
            division,
            f"{division.name}人民政府办公室",
            domains,
            3,
        )
        share = county_departments // len(DIVISIONS) + (
            number < county_departments % len(DIVISIONS)
        )
        for index in range(share):
            builder.department(
                county,
                division.code,
                division,
                division.name,
                COUNTY_DEPARTMENTS,
                index,
                division.base_domain,
            )
    _assign_states(rng, builder.sites, as_of)
    return builder.sites


class _Builder:
    def __init__(self, rng: random.Random, first_id: int) -> None:
        self.rng = rng
        self.sites: list[SitePlan] = []
        self.next_id = first_id
        self.serials = _Serials()
        self.organisers = Organisers(rng)

    def add(
        self,
        name: str,
        kind: SiteKind,
        parent_id: int | None,
        region_code: str,
        division: Division | None,
        organiser: str,
        domains: list[str],
        mlps_level: int,
    ) -> SitePlan:
        site = SitePlan(
            id=self.next_id,
            code=self.serials.code(region_code),
            name=name,
            kind=kind,
            parent_id=parent_id,
            region_code=region_code,
            division=division,
            organiser=self.organisers.get(organiser, region_code),
            domains=domains,
            mlps_level=mlps_level,
        )
        self.next_id += 1
        self.sites.append(site)
        return site

    def department(
        self,
        parent: SitePlan,
        region_code: str,
        division: Division | None,
        prefix: str,
        catalogue: tuple[Department, ...],
        index: int,
        base_domain: str,
    ) -> SitePlan:
        base = catalogue[index % len(catalogue)]
        round_ = index // len(catalogue)
        name, abbr = f"{prefix}{base.name}", base.abbr
        if round_:
            cycle, suffix = divmod(round_ - 1, len(SUBUNITS))
            name += SUBUNITS[suffix] + (str(cycle + 1) if cycle else "")
            abbr += str(round_ + 1)
        domains = [f"{abbr}.{base_domain}"]
        if self.rng.random() < SECOND_DOMAIN_SHARE:
            domains.append(f"www.{abbr}.{base_domain}")
        return self.add(
            name,
            SiteKind.DEPARTMENT,
            parent.id,
            region_code,
            division,
            name,
            domains,
            base.mlps_level,
        )


def _assign_states(rng: random.Random, sites: list[SitePlan], as_of: dt.date) -> None:
    """Portals run; departments mostly run, a few are on the way in or out of the cluster."""
    departments = [site for site in sites if site.kind is SiteKind.DEPARTMENT]
    unusual = _unusual_states(len(departments))
    for site, state in zip(rng.sample(departments, len(unusual)), unusual, strict=True):
        site.state = state
    for site in sites:
        _date_site(rng, site, as_of)
    for site in departments:
        if site.state is SiteState.MERGED:
            # 整合迁移: a department's site folds into the portal it hung under.
            site.merged_into_id = site.parent_id


def _unusual_states(departments: int) -> list[SiteState]:
    """Which non-running states to hand out, rarest first; at most a third of departments."""
    some = max(1, round(departments * 0.01))
    wanted = [SiteState.MERGED] * some + [SiteState.RETIRED] * some
    wanted += [SiteState.CHANGING] * max(1, round(departments * 0.02))
    for state in EARLY_STATES:
        wanted += [state] * max(1, round(departments * 0.012))
    return wanted[: departments // 3]


def _date_site(rng: random.Random, site: SitePlan, as_of: dt.date) -> None:
    days = _DaysBack(rng, as_of)
    if site.state in EARLY_STATES:
        site.registered_on = days(10, 150)
        return
    if site.kind is SiteKind.CITY_PORTAL:
        site.opened_on = days(12 * 365, 16 * 365)
    elif site.kind is SiteKind.COUNTY_PORTAL:
        site.opened_on = days(8 * 365, 14 * 365)
    elif site.state in (SiteState.MERGED, SiteState.RETIRED):
        site.opened_on = days(5 * 365, 11 * 365)
        site.closed_on = days(90, 500)
    elif rng.random() < RECENT_SHARE:
        site.opened_on = days(5, 75)
    else:
        site.opened_on = days(400, 12 * 365)
    site.registered_on = site.opened_on - dt.timedelta(days=rng.randint(60, 240))


class _DaysBack:
    """A date a random number of days (between two bounds) before ``as_of``."""

    def __init__(self, rng: random.Random, as_of: dt.date) -> None:
        self.rng, self.as_of = rng, as_of

    def __call__(self, low: int, high: int) -> dt.date:
        return self.as_of - dt.timedelta(days=self.rng.randint(low, high))


def all_domains(sites: list[SitePlan]) -> Iterator[tuple[int, str, bool]]:
    """``(site_id, domain, is_main)`` for every domain of every site."""
    for site in sites:
        for position, domain in enumerate(site.domains):
            yield site.id, domain, position == 0
