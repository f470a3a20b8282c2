"""Filing records of the demo sites: ICP, 公安联网备案 and 等级保护, with some due or overdue."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from console.demo.places import CITY_CODE, HOSTING_DIVISION, PROVINCE_SHORT
from console.demo.sites import EARLY_STATES, SitePlan
from console.schema import SiteState

MLPS_2_0 = dt.date(2019, 12, 1)
NEW_ICP_FORMAT_FROM = 2012
PSB_MISSING_SHARE = 0.03
PSB_LATE_SHARE = 0.08
MLPS_UNFILED_SHARE = 0.06
ASSESSMENT_OVERDUE_SHARE = 0.12
NEVER_ASSESSED_SHARE = 0.08
RESULTS = (("符合", 0.3), ("基本符合", 0.6), ("不符合", 0.1))
RECTIFICATION = "测评发现中高风险问题 {n} 项，已制定整改方案，限期完成整改后申请复测。"


class FilingNumbers:
    """Issues ICP, 公安 and 等保 numbers: unique, and shared with ``-N`` by one organiser."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._icp: dict[str, tuple[str, int]] = {}
        self._icp_taken: set[str] = set()
        self._psb: dict[str, int] = {}
        self._mlps: dict[str, int] = {}

    def icp(self, organiser: str, filed_on: dt.date) -> str:
        """The ICP number of the organiser's next site (``浙ICP备2019012345号-2``)."""
        if organiser in self._icp:
            number, count = self._icp[organiser]
        else:
            number, count = self._new_icp(filed_on.year), 0
        count += 1
        self._icp[organiser] = (number, count)
        old_form = len(number) == 8
        suffix = "" if old_form and count == 1 else f"-{count}"
        return f"{PROVINCE_SHORT}ICP备{number}号{suffix}"

    def psb(self, county_code: str) -> str:
        """The next 公安联网备案号 issued by the police of ``county_code``."""
        serial = self._psb.get(county_code, 2_000_000 + self._rng.randint(100, 3000))
        self._psb[county_code] = serial + self._rng.randint(1, 40)
        return f"{PROVINCE_SHORT}公网安备{county_code}{serial:08d}号"

    def mlps_form(self, bureau_code: str) -> str:
        """The next 11-digit 等保备案 form number of ``bureau_code``."""
        sequence = self._mlps.get(bureau_code, self._rng.randint(100, 900))
        self._mlps[bureau_code] = sequence + self._rng.randint(1, 12)
        return f"{bureau_code}{sequence:05d}"

    def _new_icp(self, year: int) -> str:
        while True:
            serial = self._rng.randrange(10**6)
            if year < NEW_ICP_FORMAT_FROM:
                number = f"{year % 100:02d}{serial:06d}"
            else:
                number = f"{year}{serial:06d}"
            if number not in self._icp_taken:
                self._icp_taken.add(number)
                return number


def filing_row(
    rng: random.Random, numbers: FilingNumbers, site: SitePlan, as_of: dt.date
) -> dict[str, Any] | None:
    """The filing of ``site`` as a row, or None when it has filed nothing yet."""
    if site.state in (SiteState.APPLIED, SiteState.APPROVED, SiteState.BADGED):
        return None
    row: dict[str, Any] = dict.fromkeys(
        ("psb_number", "psb_date", "mlps_level", "graded_on", "mlps_form_number"), None
    )
    row.update(mlps_filed_on=None, assessed_on=None, assessment_result=None)
    row.update(site_id=site.id, rectification_notes="", version=1)
    county = site.division.code if site.division else HOSTING_DIVISION
    if site.state in EARLY_STATES:
        icp_date = min(as_of, site.registered_on + dt.timedelta(days=rng.randint(20, 60)))
        row.update(icp_number=numbers.icp(site.organiser.name, icp_date), icp_date=icp_date)
        if site.state is not SiteState.ICP_FILED:
            psb_date = min(as_of, icp_date + dt.timedelta(days=rng.randint(3, 20)))
            row.update(psb_number=numbers.psb(county), psb_date=psb_date)
        return row
    assert site.opened_on is not None
    icp_date = site.opened_on - dt.timedelta(days=rng.randint(15, 90))
    row.update(icp_number=numbers.icp(site.organiser.name, icp_date), icp_date=icp_date)
    police_filed = _psb_date(rng, site.opened_on, as_of)
    if police_filed is not None:
        row.update(psb_number=numbers.psb(county), psb_date=police_filed)
    row.update(_mlps(rng, numbers, site, as_of))
    return row


def _psb_date(rng: random.Random, opened_on: dt.date, as_of: dt.date) -> dt.date | None:
    """When the site filed with the police: mostly within 30 days, some late, a few never."""
    if rng.random() < PSB_MISSING_SHARE:
        return None
    late = rng.random() < PSB_LATE_SHARE
    filed = opened_on + dt.timedelta(days=rng.randint(31, 120) if late else rng.randint(2, 28))
    return filed if filed <= as_of else None


def _mlps(
    rng: random.Random, numbers: FilingNumbers, site: SitePlan, as_of: dt.date
) -> dict[str, Any]:
    """等级保护: graded, filed within 30 days (mostly), assessed (yearly for level 3, mostly)."""
    assert site.opened_on is not None
    latest = as_of - dt.timedelta(days=1)
    if site.opened_on >= MLPS_2_0:
        graded = site.opened_on - dt.timedelta(days=rng.randint(0, 30))
    else:
        graded = min(latest, MLPS_2_0 + dt.timedelta(days=rng.randint(30, 900)))
    result: dict[str, Any] = {"mlps_level": site.mlps_level, "graded_on": graded}
    filed = graded + dt.timedelta(days=rng.randint(3, 28))
    if rng.random() >= MLPS_UNFILED_SHARE and filed <= as_of:
        bureau = site.region_code if site.division else CITY_CODE
        result.update(mlps_form_number=numbers.mlps_form(bureau), mlps_filed_on=filed)
    assessed = _assessed_on(rng, site.mlps_level, as_of)
    if assessed is not None and assessed >= graded + dt.timedelta(days=30):
        outcome = rng.choices([name for name, _ in RESULTS], [share for _, share in RESULTS])[0]
        result.update(assessed_on=assessed, assessment_result=outcome)
        if outcome == "不符合":
            result["rectification_notes"] = RECTIFICATION.format(n=rng.randint(1, 6))
    return result


def _assessed_on(rng: random.Random, level: int, as_of: dt.date) -> dt.date | None:
    draw = rng.random()
    if level >= 3:
        if draw < NEVER_ASSESSED_SHARE:
            return None
        if draw < NEVER_ASSESSED_SHARE + ASSESSMENT_OVERDUE_SHARE:
            return as_of - dt.timedelta(days=rng.randint(380, 760))
        return as_of - dt.timedelta(days=rng.randint(20, 350))
    return as_of - dt.timedelta(days=rng.randint(30, 700)) if draw < 0.5 else None


# Hourly over eight days: every whole day of the reachability rule's week before the check
# date has its 20 probes, in any zone from UTC to UTC+12.
PROBES_PER_DAY = 24
PROBE_DAYS = 8
PROBE_HOUR = 0
PROBE_TIMEOUT_MS = 15_000
# Shares of running sites with each probe finding, so the 安全备案 tab has something to show.
FLAKY_SHARE = 0.04
NO_IPV6_SHARE = 0.15
NO_FOOTER_PSB_SHARE = 0.04
EXPIRED_SHARE = 0.02
FOREIGN_SHARE = 0.01


def probe_history(site: SitePlan, first_id: int, as_of: dt.date) -> list[dict[str, Any]]:
    """Eight days of probes of a running site (``PROBES_PER_DAY`` a day), ids from ``first_id``.

    Drawn from the site's own generator, so the rest of the demo is the same with or without
    probe history.
    """
    if site.state not in (SiteState.RUNNING, SiteState.CHANGING) or not site.domains:
        return []
    rng = random.Random(f"probes-{site.code}-{as_of.isoformat()}")
    domain = site.domains[0]
    flaky = rng.random() < FLAKY_SHARE
    ipv6 = rng.random() >= NO_IPV6_SHARE
    footer_psb = rng.random() >= NO_FOOTER_PSB_SHARE
    expired = rng.random() < EXPIRED_SHARE
    foreign = rng.random() < FOREIGN_SHARE
    expiry = dt.datetime.combine(as_of, dt.time(12)) + dt.timedelta(
        days=-rng.randint(1, 20) if expired else rng.randint(10, 400)
    )
    last = dt.datetime.combine(as_of, dt.time(PROBE_HOUR))
    step = dt.timedelta(hours=24 / PROBES_PER_DAY)
    rows = []
    for index in range(PROBES_PER_DAY * PROBE_DAYS):
        at = last - step * index
        failed = rng.random() < (0.12 if flaky else 0.002)
        redirected = foreign and index == 0
        row: dict[str, Any] = {
            "id": first_id + index,
            "site_id": site.id,
            "probed_at": at,
            "url": f"http://{domain}/",
            "ok": not failed and not redirected,
            "status": 302 if redirected else (None if failed else 200),
            "latency_ms": None if failed else rng.randint(40, 900),
            "https": None if failed or redirected else True,
            "redirects_to_https": None if failed else True,
            "final_url": None if failed else f"https://{domain}/",
            "cert_not_after": expiry,
            "cert_valid": not expired,
            "cert_subject": f"CN={domain}",
            "cert_issuer": "CN=CFCA OV OCA,O=China Financial Certification Authority,C=CN",
            "ipv6": ipv6,
            "footer_site_code": None if failed or redirected else True,
            "footer_icp": None if failed or redirected else True,
            "footer_psb": None if failed or redirected else footer_psb,
            "foreign_host": "www.example-casino.com" if redirected else None,
            "error": "timeout: ReadTimeout" if failed else None,
            "timeout_ms": PROBE_TIMEOUT_MS,
        }
        rows.append(row)
    return rows
