"""Inspection risk: the State Council single-veto rules a console can watch.

Pure functions over plain facts (``SiteFacts``/``ColumnFacts``) decide; ``facts_reading`` reads
those facts *as of the check date* for any number of sites with a fixed number of set-based
queries, so the site register can show the same badge without a query per site or column.

The rules as the check tables state them (政府网站检查指标, 国办秘函〔2019〕19号), with the
thresholds of the cluster settings (``console.presets.settings``, national values by default):

- Dates are dates in the cluster's time zone. Only what is dated on or before the check date
  counts: a post published after it, or a ``last_updated_at`` after it, does not make a
  column (or the home page) fresh as of that date.
- A column's *last update* is the later of its ``last_updated_at`` and its newest published
  post. "Within N days" means on or after the date N days before the check date (14 days
  before is within, 15 is not); "within N months" means on or after the same day N calendar
  months back (2026-08-31 → 2026-02-28). A column never updated is updated within no period.
- Only *leaf* columns are judged: a parent column shows its children's posts.
- ``home``: the home page not updated within 14 days (never updated counts). A home page
  updated since the check date no longer says when it was updated before: the site's newest
  column update as of the check date (the home page shows the columns' posts) stands in.
- ``stale_news``: 动态/要闻 columns not updated within 14 days plus 通知公告/政策文件 columns
  not updated within 6 months, 5 or more (超过(含)5个).
- ``not_updated``: columns with an update rule of their own (``max_idle_days``) idle longer
  than it, 10 or more.
- ``blank``: columns that never had content, 5 or more. A blank column also counts in
  ``stale_news`` and ``not_updated``: it is one form of 应更新但长期不更新.
- ``unreachable``: see ``console.probes.reachability``.
- ``late_answers`` and ``no_consultation`` (互动回应差): see ``console.interactions.rule``.
Each rule is judged on its own. Only sites that are running (运行 or 变更) are inspected.

Live dates: where a stored site patrol (``console.patrol``) read a column's list page, its
newest dated item on or before the check date counts beside the database's own date (the
later wins), and a list with items is not blank; an undated list adds no date (undated counts
as not updated). Each risk names the sources its rule used (``sources``): ``database``,
``live_site`` (a patrol's dates were there to judge by), ``probes``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.cluster import settings_reading
from console.base.i18n import QT_TR_NOOP, joined, translate
from console.db.rounds import Reading, alongside, every, one, run
from console.interactions.rule import AnswerVerdict, answers_reading, holds_channels
from console.presets.column_facts import (
    DATABASE,
    LIVE_SITE,
    ColumnFacts,
    column_facts_reading,
    local_day,
)
from console.presets.settings import Thresholds, thresholds
from console.presets.site_columns import chunks
from console.probes.reachability import UNDETERMINED, Reachability, reachability_reading
from console.probes.reachability import UNREACHABLE as UNREACHABLE_VERDICT
from console.schema import ColumnType, Site, SiteState

INSPECTED_STATES = (SiteState.RUNNING.value, SiteState.CHANGING.value)

HOME = "home"
STALE_NEWS = "stale_news"
NOT_UPDATED = "not_updated"
BLANK = "blank"
UNREACHABLE = "unreachable"
LATE_ANSWERS = "late_answers"
NO_CONSULTATION = "no_consultation"
RULES = (HOME, STALE_NEWS, NOT_UPDATED, BLANK, UNREACHABLE, LATE_ANSWERS, NO_CONSULTATION)
PROBES, INTERACTIONS = "probes", "interactions"
SOURCE_LABELS = {
    DATABASE: QT_TR_NOOP("数据库"),
    LIVE_SITE: QT_TR_NOOP("网站巡查"),
    PROBES: QT_TR_NOOP("探测"),
    INTERACTIONS: QT_TR_NOOP("互动记录"),
}
SOURCES = QT_TR_NOOP("（依据：{sources}）")
RULE_SEPARATOR = QT_TR_NOOP("；")
NEWS_TYPES = (ColumnType.NEWS.value,)
SHOWN_MESSAGES = 5
NOTICE_TYPES = (ColumnType.NOTICE.value, ColumnType.POLICY.value)

RULE_LABELS = {
    HOME: QT_TR_NOOP("首页 {days} 天内未更新"),
    STALE_NEWS: QT_TR_NOOP("{count} 个动态要闻/通知公告/政策文件栏目未及时更新"),
    NOT_UPDATED: QT_TR_NOOP("{count} 个应更新栏目未按要求更新"),
    BLANK: QT_TR_NOOP("{count} 个空白栏目"),
    LATE_ANSWERS: QT_TR_NOOP(
        "互动回应差：{count} 条有效咨询留言超过 {months} 个月未答复（{messages}）"
    ),
    NO_CONSULTATION: QT_TR_NOOP("互动回应差：没有可用的政务咨询渠道"),
    UNREACHABLE: QT_TR_NOOP(
        "站点无法访问：近 {days} 天 {failures}/{probes} 次探测未能在 {timeout} 秒内打开首页"
        "（{share}%）"
    ),
}
CANNOT_JUDGE = QT_TR_NOOP(
    "可访问性暂无法判定：近 {days} 天共 {probes} 次有效探测，其中 {short} 天不足每天 {needed} 次"
)


@dataclass(frozen=True)
class SiteFacts:
    """What the rules need to know about one site, as of the check date."""

    site_id: int
    code: str
    name: str
    kind: str
    home_updated_on: dt.date | None
    columns: tuple[ColumnFacts, ...] = ()
    reachability: Reachability | None = None
    answers: AnswerVerdict | None = None


@dataclass(frozen=True)
class Risk:
    """One rule a site breaks: how many columns (and which, by code), and the threshold."""

    rule: str
    count: int
    columns: tuple[str, ...] = ()
    limit: int = 0
    sources: tuple[str, ...] = (DATABASE,)


@dataclass(frozen=True)
class SiteRisk:
    """A site and the rules it breaks at the check date (empty when it passes)."""

    site_id: int
    code: str
    name: str
    kind: str
    risks: tuple[Risk, ...] = field(default_factory=tuple)
    reachability: Reachability | None = None
    answers: AnswerVerdict | None = None

    @property
    def severity(self) -> tuple[int, int]:
        """Sort key: more rules broken first, then more columns involved."""
        return (len(self.risks), sum(risk.count for risk in self.risks))

    def as_json(self) -> dict[str, object]:
        """One site as ``cluster-console inspect --json`` prints it."""
        found: dict[str, object] = {
            "site_code": self.code,
            "risks": [
                {
                    "rule": r.rule,
                    "count": r.count,
                    "columns": list(r.columns),
                    "sources": list(r.sources),
                }
                for r in self.risks
            ],
            "reachability": self.reachability.as_json() if self.reachability else None,
        }
        if self.answers is not None:
            found["late_messages"] = [
                {"channel": m.channel, "number": m.number, "received_on": m.received_on.isoformat()}
                for m in self.answers.late
            ]
        return found


@dataclass(frozen=True)
class ColumnVerdict:
    """How one column stands at the check date, rule by rule."""

    column: ColumnFacts
    idle_days: int | None
    blank: bool
    late_by_type: bool
    late_by_own_rule: bool

    @property
    def late(self) -> bool:
        """Whether a column rule counts it as not updated."""
        return self.late_by_type or self.late_by_own_rule


def idle_days(updated_on: dt.date | None, as_of: dt.date) -> int | None:
    """Whole days from the date of the last update to ``as_of``; None when never updated."""
    return None if updated_on is None else (as_of - updated_on).days


def updated_within_days(updated_on: dt.date | None, as_of: dt.date, days: int) -> bool:
    """Updated on or after the day ``days`` days before ``as_of`` (never: not within)."""
    return updated_on is not None and updated_on >= as_of - dt.timedelta(days=days)


def updated_within_months(updated_on: dt.date | None, as_of: dt.date, months: int) -> bool:
    """Updated on or after the same day ``months`` calendar months before ``as_of``."""
    return updated_on is not None and updated_on >= clock.add_months(as_of, -months)


def is_blank(column: ColumnFacts) -> bool:
    """A leaf column that never had content: no published post and no recorded update."""
    listed = column.live_items is not None and column.live_items > 0
    return column.leaf and column.posts == 0 and column.updated_on is None and not listed


def is_late_by_type(column: ColumnFacts, as_of: dt.date, limits: Thresholds) -> bool:
    """Rule ``stale_news``'s test: a news column not updated within the news days, a notice
    or policy column not updated within the notice months (never updated included)."""
    if not column.leaf:
        return False
    if column.column_type in NEWS_TYPES:
        return not updated_within_days(column.updated_on, as_of, limits.news_days)
    if column.column_type in NOTICE_TYPES:
        return not updated_within_months(column.updated_on, as_of, limits.notice_months)
    return False


def is_late_by_own_rule(column: ColumnFacts, as_of: dt.date) -> bool:
    """Rule ``not_updated``'s test: a leaf column with an update rule (``max_idle_days``)
    not updated within it (never updated included)."""
    if not column.leaf or column.max_idle_days is None:
        return False
    return not updated_within_days(column.updated_on, as_of, column.max_idle_days)


def verdict(column: ColumnFacts, as_of: dt.date, limits: Thresholds) -> ColumnVerdict:
    """Every column rule's view of ``column`` at ``as_of``."""
    return ColumnVerdict(
        column,
        idle_days(column.updated_on, as_of),
        is_blank(column),
        is_late_by_type(column, as_of, limits),
        is_late_by_own_rule(column, as_of),
    )


NATIONAL = Thresholds()


def risks_of(site: SiteFacts, as_of: dt.date, limits: Thresholds = NATIONAL) -> SiteRisk:
    """The single-veto rules ``site`` breaks at ``as_of``, each judged on its own."""
    found: list[Risk] = []
    if not updated_within_days(site.home_updated_on, as_of, limits.home_days):
        found.append(Risk(HOME, 1, limit=limits.home_days))
    verdicts = [verdict(c, as_of, limits) for c in site.columns]
    live = any(c.live_items is not None for c in site.columns if c.leaf)
    sources = (DATABASE, LIVE_SITE) if live else (DATABASE,)
    checks = (
        (STALE_NEWS, limits.stale_news_columns, [v for v in verdicts if v.late_by_type]),
        (NOT_UPDATED, limits.not_updated_columns, [v for v in verdicts if v.late_by_own_rule]),
        (BLANK, limits.blank_columns, [v for v in verdicts if v.blank]),
    )
    for rule, limit, hits in checks:
        if len(hits) >= limit:
            codes = tuple(v.column.code for v in hits)
            found.append(Risk(rule, len(hits), codes, limit, sources))
    reach = site.reachability
    if reach is not None and reach.verdict == UNREACHABLE_VERDICT:
        found.append(Risk(UNREACHABLE, 1, limit=reach.rule.days, sources=(PROBES,)))
    found.extend(_answer_risks(site.answers, limits))
    return SiteRisk(
        site.site_id, site.code, site.name, site.kind, tuple(found), reach, site.answers
    )


def _answer_risks(answers: AnswerVerdict | None, limits: Thresholds) -> list[Risk]:
    if answers is None:
        return []
    rule = limits.answers
    found = []
    if len(answers.late) >= rule.late_messages:
        # The messages behind it are the site's ``answers.late`` (not columns).
        found.append(Risk(LATE_ANSWERS, len(answers.late), (), rule.late_messages, (INTERACTIONS,)))
    if answers.lacks_channel:
        found.append(Risk(NO_CONSULTATION, 1, limit=1, sources=(INTERACTIONS,)))
    return found


def ranked(sites: Iterable[SiteFacts], as_of: dt.date, limits: Thresholds) -> list[SiteRisk]:
    """Every site's risks, the most at risk first (ties by site code)."""
    results = [risks_of(site, as_of, limits) for site in sites]
    results.sort(key=lambda r: (-r.severity[0], -r.severity[1], r.code))
    return results


@dataclass(frozen=True)
class Inspection:
    """One inspection: the check date, the zone and thresholds it used, each site's risks."""

    as_of: dt.date
    zone: ZoneInfo
    limits: Thresholds
    sites: list[SiteRisk]

    def as_json(self) -> dict[str, object]:
        """The whole inspection as ``cluster-console inspect --json`` prints it."""
        return {
            "as_of": self.as_of.isoformat(),
            "time_zone": self.zone.key,
            "thresholds": {key: _number(text) for key, text in self.limits.applied},
            "sites": [site.as_json() for site in self.sites],
        }


def _number(text: str) -> int | float | str:
    if text.lstrip("-").isdigit():
        return int(text)
    try:
        return float(text)
    except ValueError:
        return text


Check = tuple[dt.date, ZoneInfo, Thresholds]


def _check(session: Session, as_of: dt.date | None) -> Reading[Check]:
    """The check date (today in the cluster's zone by default), the zone and the thresholds."""
    settings = yield from settings_reading(session)
    zone = settings.zone
    return as_of or clock.today(zone), zone, thresholds(settings)


def inspect_sites(
    session: Session, as_of: dt.date | None = None, site_ids: Sequence[int] | None = None
) -> Inspection:
    """Inspect the running sites (or those of ``site_ids``) at ``as_of`` under the cluster's
    thresholds: two round trips."""
    return run(session, inspection_reading(session, as_of, site_ids))


def inspection_reading(
    session: Session, as_of: dt.date | None = None, site_ids: Sequence[int] | None = None
) -> Reading[Inspection]:
    """``inspect_sites`` as a reading of two rounds (when the settings are known already)."""
    (day, zone, limits), facts = yield from facts_reading(_check(session, as_of), site_ids)
    return Inspection(day, zone, limits, ranked(facts, day, limits))


def inspect_columns(
    session: Session, site_id: int, as_of: dt.date | None = None
) -> tuple[SiteRisk, tuple[ColumnVerdict, ...]] | None:
    """One site (in any state) at ``as_of``: its risks and how each column stands."""
    return run(session, columns_reading(session, site_id, as_of))


def columns_reading(
    session: Session, site_id: int, as_of: dt.date | None = None
) -> Reading[tuple[SiteRisk, tuple[ColumnVerdict, ...]] | None]:
    """``inspect_columns`` as a reading of two rounds."""
    (day, _zone, limits), found = yield from facts_reading(
        _check(session, as_of), [site_id], running_only=False
    )
    if not found:
        return None
    return risks_of(found[0], day, limits), tuple(verdict(c, day, limits) for c in found[0].columns)


def facts_reading(
    check: Reading[Check], site_ids: Sequence[int] | None = None, running_only: bool = True
) -> Reading[tuple[Check, list[SiteFacts]]]:
    """The check (``check``: date, zone, thresholds) and the facts of the inspected sites (all,
    or ``site_ids``) as of the end of its date in its zone. Two rounds: the check, the sites
    and whether the cluster holds interaction records; then per chunk of 500 sites their
    columns, posts, the patrol's dates, probes and consultation messages."""
    site_query = select(Site.id, Site.code, Site.name, Site.kind, Site.home_updated_at)
    if running_only:
        site_query = site_query.where(Site.state.in_(INSPECTED_STATES))
    if site_ids is None:
        statements = [site_query.order_by(Site.code)]
    else:
        statements = [site_query.where(Site.id.in_(c)) for c in chunks(sorted(set(site_ids)))]
    (as_of, zone, limits), found, held = yield from alongside(
        check, every(statements), one(holds_channels())
    )
    site_rows = [row for result in found for row in result.all()]
    ids = [row.id for row in site_rows]
    end = clock.day_start(as_of + dt.timedelta(days=1), zone)
    columns, reach, answers = yield from alongside(
        column_facts_reading(ids, end, zone),
        reachability_reading(ids, as_of, zone, limits.reachability),
        answers_reading(ids, as_of, zone, limits.answers, held=bool(held.scalar())),
    )
    return (as_of, zone, limits), [
        SiteFacts(
            row.id,
            row.code,
            row.name,
            row.kind,
            _home_updated_on(row.home_updated_at, columns[row.id], end, zone),
            columns[row.id],
            reach.get(row.id),
            answers.get(row.id),
        )
        for row in site_rows
    ]


def _home_updated_on(
    at: dt.datetime | None, columns: Sequence[ColumnFacts], end: dt.datetime, zone: ZoneInfo
) -> dt.date | None:
    """The home page's last update as of the check date (``end`` its end); when it has been
    updated since, the newest column update by then."""
    if at is None or at < end:
        return local_day(at, end, zone)
    return max((c.updated_on for c in columns if c.updated_on is not None), default=None)


def risk_text(risk: SiteRisk) -> str:
    """The rules a site breaks, in the operator's language ("" when none)."""
    return joined(_risk_label(risk, r) for r in risk.risks)


def _risk_label(site: SiteRisk, risk: Risk) -> str:
    reach = site.reachability
    if risk.rule == UNREACHABLE and reach is not None:
        return translate("", RULE_LABELS[UNREACHABLE]).format(
            days=reach.rule.days,
            failures=reach.failures,
            probes=reach.probes,
            timeout=reach.rule.timeout_s,
            share=reach.share,
        )
    answers = site.answers
    months = answers.months if answers is not None else 0
    late = answers.late if answers is not None else ()
    shown = joined(f"{m.channel} {m.number}" for m in late[:SHOWN_MESSAGES])
    messages = shown + ("…" if len(late) > SHOWN_MESSAGES else "")
    return translate("", RULE_LABELS[risk.rule]).format(
        count=risk.count, days=risk.limit, months=months, messages=messages
    )


def sources_text(site: SiteRisk) -> str:
    """Which sources each broken rule used, in the operator's language ("" when none)."""
    return translate("", RULE_SEPARATOR).join(
        f"{translate('', RULE_NAMES[r.rule])}{translate('', SOURCES).format(sources=_sources(r))}"
        for r in site.risks
    )


def _sources(risk: Risk) -> str:
    return joined(translate("", SOURCE_LABELS[source]) for source in risk.sources)


RULE_NAMES = {
    HOME: QT_TR_NOOP("首页"),
    STALE_NEWS: QT_TR_NOOP("动态要闻/通知公告/政策文件"),
    NOT_UPDATED: QT_TR_NOOP("应更新栏目"),
    BLANK: QT_TR_NOOP("空白栏目"),
    UNREACHABLE: QT_TR_NOOP("可访问性"),
    LATE_ANSWERS: QT_TR_NOOP("留言答复"),
    NO_CONSULTATION: QT_TR_NOOP("咨询渠道"),
}


def reachability_note(site: SiteRisk) -> str:
    """Why the reachability rule could not judge ``site`` ("" when it could)."""
    reach = site.reachability
    if reach is None or reach.verdict != UNDETERMINED:
        return ""
    return translate("", CANNOT_JUDGE).format(
        days=reach.rule.days,
        probes=reach.probes,
        short=reach.short_days,
        needed=reach.rule.probes_per_day,
    )
