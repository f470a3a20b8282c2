"""The figures of the annual report the console holds, for many sites and a year at once.

Each figure of the template whose ``source`` is not ``entered`` is computed here, from the
register, the filings, the published posts and columns, the interaction records and the
probes, with a fixed number of set-based queries per chunk of 500 sites. A year not yet over
counts up to the end of ``until`` (today in the cluster's zone). How each figure is counted
is written beside its row in the template (``note``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.domains import to_unicode
from console.interactions.statistics import SiteStatistics, statistics
from console.schema import (
    ChannelKind,
    ColumnType,
    Filing,
    Post,
    PostStatus,
    ProbeResult,
    Site,
    SiteColumn,
    SiteDomain,
    SiteKind,
)

CHUNK = 500
OVERVIEW_WORDS = ("概况", "简介", "机构", "职能", "领导")
TOPIC_WORDS = ("专题", "专栏")
INTERPRETATION_WORDS = ("解读",)
RESPONSE_WORDS = ("回应",)
SITE_TYPES = {
    SiteKind.PROVINCE_PORTAL: "政府门户网站",
    SiteKind.CITY_PORTAL: "政府门户网站",
    SiteKind.COUNTY_PORTAL: "政府门户网站",
    SiteKind.DEPARTMENT: "部门网站",
    SiteKind.SPECIAL: "专项网站",
}
MESSAGE_KINDS = (
    ChannelKind.CONSULTATION,
    ChannelKind.SUGGESTION,
    ChannelKind.PETITION,
    ChannelKind.DISCIPLINE,
    ChannelKind.OTHER,
)
Figures = dict[str, str | None]


@dataclass(frozen=True)
class Column:
    """A column of a site, as the counts need it."""

    id: int
    parent_id: int | None
    path: str
    name: str
    column_type: str


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _has(name: str, words: Sequence[str]) -> bool:
    return any(word in name for word in words)


def prefill(
    session: Session, site_ids: Sequence[int], year: int, zone: ZoneInfo, until: dt.date
) -> dict[int, Figures]:
    """The console's figures of ``site_ids`` for ``year`` counted up to the end of ``until``."""
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), until)
    start, end = clock.day_range(first, last, zone)
    found: dict[int, Figures] = {site_id: {} for site_id in site_ids}
    for chunk in _chunks(site_ids):
        _header(session, chunk, found)
        _posts(session, chunk, start, end, found)
        stats = statistics(session, chunk, year, zone, until)
        for site_id in chunk:
            found[site_id].update(_interaction(stats[site_id]))
        _probes(session, chunk, start, end, zone, first, last, found)
    for figures in found.values():
        figures["report.date"] = clock.today(zone).isoformat()
    return found


def _header(session: Session, chunk: list[int], found: dict[int, Figures]) -> None:
    query = (
        select(Site.id, Site.name, Site.code, Site.kind, Site.organiser_name,
               Filing.icp_number, Filing.psb_number)
        .outerjoin(Filing, Filing.site_id == Site.id)
        .where(Site.id.in_(chunk))
    )  # fmt: skip
    for row in session.execute(query):
        found[row.id].update(
            {
                "register.name": row.name,
                "register.code": row.code,
                "register.organiser": row.organiser_name,
                "register.site_type": SITE_TYPES.get(SiteKind(row.kind)),
                "filings.icp_number": row.icp_number or None,
                "filings.psb_number": row.psb_number or None,
                "register.home_url": None,
            }
        )
    domains = select(SiteDomain.site_id, SiteDomain.domain, SiteDomain.is_main).where(
        SiteDomain.site_id.in_(chunk)
    )
    for site_id, domain, is_main in session.execute(domains.order_by(SiteDomain.id)):
        if is_main or found[site_id]["register.home_url"] is None:
            found[site_id]["register.home_url"] = f"https://{to_unicode(domain)}/"


def _posts(
    session: Session, chunk: list[int], start: dt.datetime, end: dt.datetime,
    found: dict[int, Figures],
) -> None:  # fmt: skip
    columns: dict[int, dict[int, Column]] = defaultdict(dict)
    query = select(SiteColumn.site_id, SiteColumn.id, SiteColumn.parent_id, SiteColumn.path,
                   SiteColumn.name, SiteColumn.column_type)  # fmt: skip
    for row in session.execute(query.where(SiteColumn.site_id.in_(chunk))):
        columns[row.site_id][row.id] = Column(
            row.id, row.parent_id, row.path, row.name, row.column_type
        )
    published = (Post.site_id.in_(chunk), Post.status == PostStatus.PUBLISHED.value)
    counted: dict[int, dict[int | None, int]] = defaultdict(dict)
    in_year = select(Post.site_id, Post.column_id, func.count()).where(
        *published, Post.published_at >= start, Post.published_at < end
    )
    for site_id, column_id, count in session.execute(
        in_year.group_by(Post.site_id, Post.column_id)
    ):
        counted[site_id][column_id] = count
    firsts: dict[int, dict[int, dt.datetime]] = defaultdict(dict)
    first_posts = select(Post.site_id, Post.column_id, func.min(Post.published_at)).where(
        *published, Post.column_id.isnot(None)
    )
    for site_id, column_id, at in session.execute(
        first_posts.group_by(Post.site_id, Post.column_id)
    ):
        if column_id is not None:
            firsts[site_id][column_id] = at
    for site_id in chunk:
        found[site_id].update(
            _post_figures(columns[site_id], counted[site_id], firsts[site_id], start, end)
        )


def _post_figures(
    columns: dict[int, Column],
    counted: dict[int | None, int],
    firsts: dict[int, dt.datetime],
    start: dt.datetime,
    end: dt.datetime,
) -> Figures:
    def total(test: Callable[[Column], bool]) -> int:
        return sum(
            n for c, n in counted.items() if c is not None and c in columns and test(columns[c])
        )

    overview = total(lambda c: c.column_type == ColumnType.OTHER and _has(c.name, OVERVIEW_WORDS))
    disclosure_types = (ColumnType.DISCLOSURE, ColumnType.POLICY, ColumnType.NOTICE)
    maintained, opened = _topics(columns, counted, firsts, start, end)
    return {
        "posts.total": str(sum(counted.values())),
        "posts.overview": str(overview),
        "posts.news": str(total(lambda c: c.column_type == ColumnType.NEWS)),
        "posts.disclosure": str(total(lambda c: c.column_type in disclosure_types)),
        "posts.interpretation": str(total(lambda c: _has(c.name, INTERPRETATION_WORDS))),
        "posts.response": str(total(lambda c: _has(c.name, RESPONSE_WORDS))),
        "columns.topics_maintained": str(maintained),
        "columns.topics_opened": str(opened),
    }


def topics_of(columns: dict[int, Column]) -> list[Column]:
    """The special topics of a site: the columns directly under a column named 专题 or 专栏,
    and such a column itself when nothing is under it."""
    parents = {c.parent_id for c in columns.values() if c.parent_id is not None}
    found = []
    for column in columns.values():
        parent = columns.get(column.parent_id) if column.parent_id is not None else None
        under_topics = parent is not None and _has(parent.name, TOPIC_WORDS)
        lone = parent is None and column.id not in parents and _has(column.name, TOPIC_WORDS)
        if under_topics or lone:
            found.append(column)
    return found


def _topics(
    columns: dict[int, Column],
    counted: dict[int | None, int],
    firsts: dict[int, dt.datetime],
    start: dt.datetime,
    end: dt.datetime,
) -> tuple[int, int]:
    maintained = opened = 0
    for topic in topics_of(columns):
        subtree = [c.id for c in columns.values() if c.path.startswith(topic.path)]
        if any(counted.get(c, 0) for c in subtree):
            maintained += 1
        first = min((firsts[c] for c in subtree if c in firsts), default=None)
        if first is not None and start <= first < end:
            opened += 1
    return maintained, opened


def _interaction(stats: SiteStatistics) -> Figures:
    messages = stats.of(*MESSAGE_KINDS)
    average = messages.average_days
    surveys = stats.of(ChannelKind.SURVEY)
    interviews = stats.of(ChannelKind.INTERVIEW)
    return {
        "interactions.received": str(messages.received),
        "interactions.closed": str(messages.closed),
        "interactions.average_days": str(average) if average is not None else "0",
        "interactions.public": str(messages.public),
        "interactions.survey_received": str(surveys.received),
        "interactions.interview_received": str(interviews.received),
        "interactions.interview_closed": str(interviews.closed),
    }


PROBLEMS = ("unreachable", "certificate", "footer", "foreign_host")


def probe_problems(row: Any) -> set[str]:
    """The problems one probe (a result row) found, of those the report counts."""
    found = set()
    if not row.ok:
        found.add("unreachable")
    if row.cert_valid is False:
        found.add("certificate")
    if False in (row.footer_site_code, row.footer_icp, row.footer_psb):
        found.add("footer")
    if row.foreign_host:
        found.add("foreign_host")
    return found


def _probes(
    session: Session, chunk: list[int], start: dt.datetime, end: dt.datetime, zone: ZoneInfo,
    first: dt.date, last: dt.date, found: dict[int, Figures],
) -> None:  # fmt: skip
    days: dict[int, set[dt.date]] = defaultdict(set)
    runs: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(PROBLEMS, 0))
    fixed: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(PROBLEMS, 0))
    open_now: dict[int, set[str]] = defaultdict(set)
    query = (
        select(ProbeResult.site_id, ProbeResult.probed_at, ProbeResult.ok,
               ProbeResult.cert_valid, ProbeResult.footer_site_code, ProbeResult.footer_icp,
               ProbeResult.footer_psb, ProbeResult.foreign_host)
        .where(ProbeResult.site_id.in_(chunk), ProbeResult.probed_at >= start,
               ProbeResult.probed_at < end)
        .order_by(ProbeResult.site_id, ProbeResult.probed_at, ProbeResult.id)
    )  # fmt: skip
    for row in session.execute(query):
        days[row.site_id].add(clock.local_date(row.probed_at, zone))
        now = probe_problems(row)
        for problem in now - open_now[row.site_id]:
            runs[row.site_id][problem] += 1
        for problem in open_now[row.site_id] - now:
            fixed[row.site_id][problem] += 1
        open_now[row.site_id] = now
    assessed = {
        site_id: on
        for site_id, on in session.execute(
            select(Filing.site_id, Filing.assessed_on).where(Filing.site_id.in_(chunk))
        )
    }
    for site_id in chunk:
        when = assessed.get(site_id)
        extra = 1 if when is not None and first <= when <= last else 0
        found[site_id].update(
            {
                "probes.check_days": str(len(days[site_id]) + extra),
                "probes.problems": str(sum(runs[site_id].values())),
                "probes.fixed": str(sum(fixed[site_id].values())),
            }
        )
