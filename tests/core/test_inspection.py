"""The single-veto rules as the check tables state them, each one below, at and one above its
threshold; never-updated columns in every rule; month ends; time zone edges; later posts."""

from __future__ import annotations

import datetime as dt

import pytest

from console.base.actor import Actor
from console.base.cluster_service import change_settings
from console.base.errors import InvalidInput, NotPermitted
from console.db import SessionFactory
from console.presets import service as presets
from console.presets.inspection import (
    BLANK,
    HOME,
    NOT_UPDATED,
    STALE_NEWS,
    ColumnFacts,
    SiteFacts,
    idle_days,
    is_blank,
    is_late_by_own_rule,
    is_late_by_type,
    risks_of,
    updated_within_months,
)
from console.presets.settings import Thresholds
from console.schema import ColumnType, Duty
from tests.core.preset_cluster import (
    ADMIN,
    AS_OF,
    READER,
    add_column,
    add_posts,
    add_site,
    days_before,
)

LIMITS = Thresholds()
BEIJING = dt.timedelta(hours=8)


def _column(
    code: str,
    kind: ColumnType = ColumnType.NEWS,
    idle_limit: int | None = 14,
    idle: int | None = 0,
    posts: int = 1,
    leaf: bool = True,
) -> ColumnFacts:
    updated = AS_OF - dt.timedelta(days=idle) if idle is not None else None
    last = days_before(idle) if idle is not None else None
    return ColumnFacts(0, code, code, kind.value, idle_limit, last, posts, leaf, updated)


def _site(*columns: ColumnFacts, home_idle: int | None = 0) -> SiteFacts:
    home = AS_OF - dt.timedelta(days=home_idle) if home_idle is not None else None
    return SiteFacts(1, "3312000001", "测试站", "department", home, columns)


def _rules(site: SiteFacts, limits: Thresholds = LIMITS) -> dict[str, int]:
    return {risk.rule: risk.count for risk in risks_of(site, AS_OF, limits).risks}


def _never(
    code: str, kind: ColumnType = ColumnType.NEWS, idle_limit: int | None = 14
) -> ColumnFacts:
    return _column(code, kind, idle_limit, idle=None, posts=0)


# -- the rules over plain facts ---------------------------------------------------------------


def test_idle_days_count_whole_days_between_dates() -> None:
    assert idle_days(dt.date(2026, 10, 31), AS_OF) == 1
    assert idle_days(AS_OF, AS_OF) == 0
    assert idle_days(None, AS_OF) is None


def test_a_blank_column_is_a_leaf_that_never_had_content() -> None:
    assert is_blank(_never("a"))
    assert not is_blank(_column("b", idle=3, posts=0))
    assert not is_blank(_column("parent", idle=None, posts=0, leaf=False))


@pytest.mark.parametrize(("idle", "late"), [(13, False), (14, False), (15, True), (None, True)])
def test_a_column_past_its_own_rule_counts_and_never_updated_counts_too(
    idle: int | None, late: bool
) -> None:
    column = _column("a", idle_limit=14, idle=idle, posts=0 if idle is None else 1)
    assert is_late_by_own_rule(column, AS_OF) is late


def test_a_column_without_an_update_rule_or_a_parent_is_never_late_by_its_own_rule() -> None:
    assert not is_late_by_own_rule(_column("static", idle_limit=None, idle=900), AS_OF)
    assert not is_late_by_own_rule(_column("parent", idle=90, leaf=False), AS_OF)


def test_rule_one_uses_two_weeks_for_news_whatever_the_column_rule_says() -> None:
    assert is_late_by_type(_column("n", ColumnType.NEWS, idle_limit=None, idle=15), AS_OF, LIMITS)
    assert not is_late_by_type(_column("n", ColumnType.NEWS, idle_limit=7, idle=14), AS_OF, LIMITS)
    assert is_late_by_type(_never("n"), AS_OF, LIMITS)
    assert not is_late_by_type(_column("d", ColumnType.DISCLOSURE, idle=900), AS_OF, LIMITS)


@pytest.mark.parametrize(
    ("as_of", "last_within", "first_late"),
    [
        (dt.date(2026, 11, 1), dt.date(2026, 5, 1), dt.date(2026, 4, 30)),
        (dt.date(2026, 8, 31), dt.date(2026, 2, 28), dt.date(2026, 2, 27)),
        (dt.date(2028, 8, 31), dt.date(2028, 2, 29), dt.date(2028, 2, 28)),
        (dt.date(2026, 3, 31), dt.date(2025, 9, 30), dt.date(2025, 9, 29)),
    ],
    ids=["1st", "31st to 28th", "31st to a leap 29th", "31st to a 30th"],
)
def test_six_months_are_calendar_months_back_from_the_check_date(
    as_of: dt.date, last_within: dt.date, first_late: dt.date
) -> None:
    assert updated_within_months(last_within, as_of, 6)
    assert not updated_within_months(first_late, as_of, 6)
    for kind in (ColumnType.NOTICE, ColumnType.POLICY):
        within = ColumnFacts(0, "t", "t", kind.value, None, None, 1, True, last_within)
        late = ColumnFacts(0, "t", "t", kind.value, None, None, 1, True, first_late)
        assert not is_late_by_type(within, as_of, LIMITS)
        assert is_late_by_type(late, as_of, LIMITS)


@pytest.mark.parametrize(("home_idle", "risky"), [(13, False), (14, False), (15, True)])
def test_home_page_not_updated_within_two_weeks_fails(home_idle: int, risky: bool) -> None:
    assert (HOME in _rules(_site(home_idle=home_idle))) is risky


def test_a_home_page_never_updated_fails() -> None:
    assert HOME in _rules(_site(home_idle=None))


@pytest.mark.parametrize(("late", "count"), [(4, None), (5, 5), (6, 6)])
def test_five_late_news_notice_or_policy_columns_fail(late: int, count: int | None) -> None:
    news = [_column(f"n{i}", ColumnType.NEWS, idle=15) for i in range(late - 1)]
    notice = _column("t", ColumnType.NOTICE, 180, idle=(AS_OF - dt.date(2026, 4, 30)).days)
    site = _site(*news, notice, _column("ok", idle=14))
    assert _rules(site).get(STALE_NEWS) == count


def test_never_updated_news_columns_count_in_rule_one() -> None:
    stale = [_column(f"n{i}", ColumnType.NEWS, None, idle=20) for i in range(3)]
    never = [_never(f"e{i}", idle_limit=None) for i in range(2)]
    rules = _rules(_site(*stale, *never))
    assert rules == {STALE_NEWS: 5}


def test_never_updated_notice_and_policy_columns_count_in_rule_one() -> None:
    never = [_never(f"t{i}", ColumnType.NOTICE, None) for i in range(3)]
    never += [_never(f"p{i}", ColumnType.POLICY, None) for i in range(2)]
    assert _rules(_site(*never)) == {STALE_NEWS: 5, BLANK: 5}


@pytest.mark.parametrize(("stale", "count"), [(9, None), (10, 10), (11, 11)])
def test_ten_columns_past_their_own_rule_fail(stale: int, count: int | None) -> None:
    columns = [_column(f"d{i}", ColumnType.DISCLOSURE, 30, idle=31) for i in range(stale)]
    site = _site(*columns, _column("fresh", ColumnType.DISCLOSURE, 30, idle=30))
    assert _rules(site).get(NOT_UPDATED) == count


def test_never_updated_columns_with_a_rule_count_in_rule_two() -> None:
    late = [_column(f"d{i}", ColumnType.SERVICE, 30, idle=31) for i in range(6)]
    never = [_never(f"e{i}", ColumnType.SERVICE, 30) for i in range(4)]
    assert _rules(_site(*late, *never)) == {NOT_UPDATED: 10}


@pytest.mark.parametrize(("blank", "count"), [(4, None), (5, 5), (6, 6)])
def test_five_blank_columns_fail(blank: int, count: int | None) -> None:
    columns = [_never(f"b{i}", ColumnType.OTHER, None) for i in range(blank)]
    site = _site(*columns, _column("parent", idle=None, posts=0, leaf=False))
    assert _rules(site).get(BLANK) == count


def test_each_rule_is_judged_on_its_own() -> None:
    never = [_never(f"b{i}", ColumnType.NEWS, 14) for i in range(10)]
    assert _rules(_site(*never)) == {STALE_NEWS: 10, NOT_UPDATED: 10, BLANK: 10}


def test_the_risk_names_the_columns_concerned_and_its_threshold() -> None:
    columns = [_never(f"b{i}", ColumnType.OTHER, None) for i in range(5)]
    [risk] = risks_of(_site(*columns), AS_OF, LIMITS).risks
    assert (risk.columns, risk.limit) == (("b0", "b1", "b2", "b3", "b4"), 5)


def test_provinces_thresholds_apply() -> None:
    sichuan = Thresholds(home_days=7, stale_news_columns=3, blank_columns=2)
    columns = [_never(f"b{i}", ColumnType.NEWS, None) for i in range(3)]
    assert _rules(_site(*columns, home_idle=8), sichuan) == {HOME: 1, STALE_NEWS: 3, BLANK: 3}
    assert _rules(_site(*columns, home_idle=8)) == {}


# -- the facts from the database, as of the check date ----------------------------------------


def _stored_site(sessions: SessionFactory, code: str, rule: str, n: int) -> int:
    """A running site whose columns break ``rule`` with ``n`` columns (nothing else)."""
    site_id = add_site(sessions, code, home=days_before(15 if rule == HOME and n else 1))
    with sessions.begin() as session:
        root = add_column(session, site_id, f"root{code}", kind=ColumnType.OTHER, idle=None)
        fresh = add_column(session, site_id, "fresh", root, last=days_before(0))
        add_posts(session, site_id, fresh.id, days_before(0))
        for i in range(n if rule != HOME else 0):
            code_i = f"c{i}"
            if rule == STALE_NEWS:
                # The update is known from the posts alone: last_updated_at was never set.
                late = add_column(session, site_id, code_i, root, ColumnType.NEWS, idle=None)
                add_posts(session, site_id, late.id, days_before(15), n=2)
            elif rule == NOT_UPDATED:
                add_column(session, site_id, code_i, root, ColumnType.SERVICE, 60, days_before(61))
            else:
                blank = add_column(session, site_id, code_i, root, ColumnType.OTHER, idle=None)
                # A post after the check date: the column was still blank on it.
                add_posts(session, site_id, blank.id, days_before(-1))
    return site_id


THRESHOLDS = {HOME: 1, STALE_NEWS: 5, NOT_UPDATED: 10, BLANK: 5}


@pytest.mark.parametrize("rule", [HOME, STALE_NEWS, NOT_UPDATED, BLANK])
def test_each_rule_from_the_database_at_its_threshold(sessions: SessionFactory, rule: str) -> None:
    limit = THRESHOLDS[rule]
    below, at, above = (
        _stored_site(sessions, f"331200{n:04d}", rule, n) for n in (limit - 1, limit, limit + 1)
    )
    results = {r.site_id: r for r in presets.inspect(sessions, READER, AS_OF).sites}
    assert results[below].risks == ()
    assert [(r.rule, r.count) for r in results[at].risks] == [(rule, limit)]
    above_count = 1 if rule == HOME else limit + 1
    assert [(r.rule, r.count) for r in results[above].risks] == [(rule, above_count)]
    ranked_ids = [r.site_id for r in presets.inspect(sessions, READER, AS_OF).sites]
    assert ranked_ids.index(above) < ranked_ids.index(below)


def test_only_running_sites_are_inspected_and_auditors_may_not_look(
    sessions: SessionFactory,
) -> None:
    running = add_site(sessions, "3312000001", home=None)
    add_site(sessions, "3312000002", state="retired", home=None)
    assert [r.site_id for r in presets.inspect(sessions, ADMIN, AS_OF).sites] == [running]
    auditor = Actor(None, "auditor", frozenset({Duty.AUDIT_ADMIN}))
    with pytest.raises(NotPermitted):
        presets.inspect(sessions, auditor, AS_OF)


def test_an_as_of_date_must_be_a_calendar_date() -> None:
    assert presets.parse_as_of("2026-02-28") == dt.date(2026, 2, 28)
    with pytest.raises(InvalidInput, match="2026-02-30"):
        presets.parse_as_of("2026-02-30")


def _beijing(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """The stored form (naive UTC) of ``hour``:``minute`` Beijing time on ``day``."""
    return dt.datetime.combine(day, dt.time(hour, minute)) - BEIJING


# (rule, column type, the column's own limit, the day limit, how many columns the rule needs)
DAY_RULES = [
    (STALE_NEWS, ColumnType.NEWS, None, 14, 5),
    (NOT_UPDATED, ColumnType.SERVICE, 30, 30, 10),
]


@pytest.mark.parametrize(("rule", "kind", "own", "limit", "needed"), DAY_RULES)
@pytest.mark.parametrize(("hour", "minute"), [(0, 30), (7, 59)])
def test_idle_days_count_beijing_dates_at_the_small_hours(
    sessions: SessionFactory,
    rule: str,
    kind: ColumnType,
    own: int | None,
    limit: int,
    needed: int,
    hour: int,
    minute: int,
) -> None:
    """A post at 00:30 or 07:59 Beijing time is on the previous UTC date: it still counts on
    its Beijing date, one below, at and one above the limit."""
    sites = {}
    for offset in (-1, 0, 1):
        site_id = add_site(sessions, f"33120{offset + 2:05d}", home=days_before(0))
        with sessions.begin() as session:
            for i in range(needed):
                late = add_column(session, site_id, f"c{i}", kind=kind, idle=own)
                day = AS_OF - dt.timedelta(days=limit + offset)
                add_posts(session, site_id, late.id, _beijing(day, hour, minute))
        sites[offset] = site_id
    results = {r.site_id: r for r in presets.inspect(sessions, READER, AS_OF).sites}
    assert results[sites[-1]].risks == ()
    assert results[sites[0]].risks == ()
    assert [(r.rule, r.count) for r in results[sites[1]].risks] == [(rule, needed)]


@pytest.mark.parametrize(("days", "risky"), [(13, False), (14, False), (15, True)])
def test_the_home_page_updated_at_0730_beijing_counts_on_its_beijing_date(
    sessions: SessionFactory, days: int, risky: bool
) -> None:
    site_id = add_site(sessions, "3312000001", home=_beijing(AS_OF - dt.timedelta(days), 7, 30))
    [result] = presets.inspect(sessions, READER, AS_OF, [site_id]).sites
    assert [r.rule for r in result.risks] == ([HOME] if risky else [])


def test_updates_after_the_check_date_do_not_count(sessions: SessionFactory) -> None:
    """A post (or a recorded update, or a home page update) the morning after the check date
    in Beijing, still the check date in UTC, leaves the column as it was on the check date."""
    next_morning = _beijing(AS_OF + dt.timedelta(days=1), 7, 59)
    site_id = add_site(sessions, "3312000001", home=next_morning)
    with sessions.begin() as session:
        for i in range(5):
            news = add_column(session, site_id, f"n{i}", kind=ColumnType.NEWS, idle=None)
            add_posts(session, site_id, news.id, days_before(20))
            add_posts(session, site_id, news.id, next_morning)
        for i in range(5):
            add_column(
                session, site_id, f"b{i}", kind=ColumnType.OTHER, idle=None, last=next_morning
            )
    [result] = presets.inspect(sessions, READER, AS_OF, [site_id]).sites
    assert {r.rule: r.count for r in result.risks} == {HOME: 1, STALE_NEWS: 5, BLANK: 5}
    [later] = presets.inspect(sessions, READER, AS_OF + dt.timedelta(days=1), [site_id]).sites
    assert later.risks == ()


@pytest.mark.parametrize(("days", "risky"), [(14, False), (15, True)])
def test_a_home_page_updated_since_the_check_date_stands_at_the_newest_column_update(
    sessions: SessionFactory, days: int, risky: bool
) -> None:
    """A later update overwrote the home page's date: the newest post by the check date is the
    home page's update then (the home page shows the posts)."""
    site_id = add_site(sessions, "3312000001", home=days_before(-3))
    with sessions.begin() as session:
        news = add_column(session, site_id, "n", kind=ColumnType.NEWS, idle=None)
        add_posts(session, site_id, news.id, days_before(days + 30))
        add_posts(session, site_id, news.id, days_before(days))
        add_posts(session, site_id, news.id, days_before(-1))
    [result] = presets.inspect(sessions, READER, AS_OF, [site_id]).sites
    assert [r.rule for r in result.risks] == ([HOME] if risky else [])


def test_the_last_moment_of_the_check_date_in_beijing_counts(sessions: SessionFactory) -> None:
    last = _beijing(AS_OF, 23, 59)
    site_id = add_site(sessions, "3312000001", home=last)
    with sessions.begin() as session:
        for i in range(5):
            news = add_column(session, site_id, f"n{i}", kind=ColumnType.NEWS, idle=None)
            add_posts(session, site_id, news.id, last)
    [result] = presets.inspect(sessions, READER, AS_OF, [site_id]).sites
    assert result.risks == ()


def test_the_thresholds_come_from_the_cluster_settings(sessions: SessionFactory) -> None:
    site_id = add_site(sessions, "3312000001", home=days_before(10))
    with sessions.begin() as session:
        for i in range(3):
            add_column(session, site_id, f"b{i}", kind=ColumnType.OTHER, idle=None)
    assert presets.inspect(sessions, READER, AS_OF).sites[0].risks == ()
    admin = Actor(None, "admin", frozenset({Duty.SYSTEM_ADMIN}))
    change_settings(
        sessions, admin, {"inspection.home_idle_days": "7", "inspection.blank_columns": "3"}
    )
    found = presets.inspect(sessions, READER, AS_OF)
    assert {r.rule: r.count for r in found.sites[0].risks} == {HOME: 1, BLANK: 3}
    applied = dict(found.limits.applied)
    assert applied["inspection.home_idle_days"] == "7"
    assert applied["inspection.blank_columns"] == "3"
    assert found.as_json()["thresholds"]["inspection.unreachable_share_pct"] == 5  # type: ignore[index]


def test_a_time_zone_setting_moves_the_dates(sessions: SessionFactory) -> None:
    """At 07:30 Beijing time 14 days before, the home page is within two weeks in Beijing and
    outside them for a cluster set to UTC."""
    site_id = add_site(sessions, "3312000001", home=_beijing(AS_OF - dt.timedelta(days=14), 7, 30))
    [beijing] = presets.inspect(sessions, READER, AS_OF, [site_id]).sites
    change_settings(sessions, ADMIN, {"cluster.time_zone": "UTC"})
    [utc] = presets.inspect(sessions, READER, AS_OF, [site_id]).sites
    assert (beijing.risks, [r.rule for r in utc.risks]) == ((), [HOME])
