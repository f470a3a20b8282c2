"""The single-veto column rules, each one below, at and one above its threshold."""

from __future__ import annotations

import datetime as dt

import pytest

from console.base.actor import Actor
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
    is_late_by_type,
    is_stale,
    risks_of,
)
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


def _column(
    code: str,
    kind: ColumnType = ColumnType.NEWS,
    idle_limit: int | None = 14,
    idle: int | None = 0,
    posts: int = 1,
    leaf: bool = True,
) -> ColumnFacts:
    last = days_before(idle) if idle is not None else None
    return ColumnFacts(0, code, code, kind.value, idle_limit, last, posts, leaf)


def _site(*columns: ColumnFacts, home_idle: int | None = 0) -> SiteFacts:
    home = days_before(home_idle) if home_idle is not None else None
    return SiteFacts(1, "3312000001", "测试站", "department", home, columns)


def _rules(site: SiteFacts) -> dict[str, int]:
    return {risk.rule: risk.count for risk in risks_of(site, AS_OF).risks}


def test_idle_days_count_whole_days_from_the_date_of_the_last_update() -> None:
    assert idle_days(dt.datetime(2026, 10, 31, 23, 59), AS_OF) == 1
    assert idle_days(dt.datetime(2026, 11, 1, 0, 1), AS_OF) == 0
    assert idle_days(None, AS_OF) is None


def test_a_blank_column_is_a_leaf_with_no_post_and_no_recorded_update() -> None:
    assert is_blank(_column("a", idle=None, posts=0))
    assert not is_blank(_column("b", idle=None, posts=1))
    assert not is_blank(_column("c", idle=3, posts=0))
    assert not is_blank(_column("parent", idle=None, posts=0, leaf=False))


def test_a_column_is_stale_only_past_its_own_limit_and_never_when_blank_or_static() -> None:
    assert not is_stale(_column("a", idle_limit=14, idle=14), AS_OF)
    assert is_stale(_column("a", idle_limit=14, idle=15), AS_OF)
    assert not is_stale(_column("static", idle_limit=None, idle=900), AS_OF)
    assert not is_stale(_column("blank", idle=None, posts=0), AS_OF)
    assert not is_stale(_column("parent", idle=90, leaf=False), AS_OF)


def test_rule_a_uses_fixed_limits_by_type_whatever_the_column_rule_says() -> None:
    assert is_late_by_type(_column("n", ColumnType.NEWS, idle_limit=None, idle=15), AS_OF)
    assert not is_late_by_type(_column("n", ColumnType.NEWS, idle_limit=7, idle=14), AS_OF)
    assert not is_late_by_type(_column("t", ColumnType.NOTICE, idle=180), AS_OF)
    assert is_late_by_type(_column("t", ColumnType.NOTICE, idle=181), AS_OF)
    assert is_late_by_type(_column("p", ColumnType.POLICY, idle=181), AS_OF)
    assert not is_late_by_type(_column("d", ColumnType.DISCLOSURE, idle=900), AS_OF)


@pytest.mark.parametrize(("home_idle", "risky"), [(13, False), (14, False), (15, True)])
def test_home_page_idle_more_than_two_weeks_fails(home_idle: int, risky: bool) -> None:
    assert (HOME in _rules(_site(home_idle=home_idle))) is risky


def test_a_home_page_never_updated_fails() -> None:
    assert HOME in _rules(_site(home_idle=None))


@pytest.mark.parametrize(("late", "count"), [(4, None), (5, 5), (6, 6)])
def test_five_late_news_notice_or_policy_columns_fail(late: int, count: int | None) -> None:
    news = [_column(f"n{i}", ColumnType.NEWS, idle=15) for i in range(late - 1)]
    site = _site(*news, _column("t", ColumnType.NOTICE, 180, idle=181), _column("ok", idle=14))
    assert _rules(site).get(STALE_NEWS) == count


@pytest.mark.parametrize(("stale", "count"), [(9, None), (10, 10), (11, 11)])
def test_ten_columns_past_their_own_rule_fail(stale: int, count: int | None) -> None:
    columns = [_column(f"d{i}", ColumnType.DISCLOSURE, 30, idle=31) for i in range(stale)]
    site = _site(*columns, _column("fresh", ColumnType.DISCLOSURE, 30, idle=30))
    assert _rules(site).get(NOT_UPDATED) == count


@pytest.mark.parametrize(("blank", "count"), [(4, None), (5, 5), (6, 6)])
def test_five_blank_columns_fail(blank: int, count: int | None) -> None:
    columns = [_column(f"b{i}", ColumnType.OTHER, None, idle=None, posts=0) for i in range(blank)]
    site = _site(*columns, _column("parent", idle=None, posts=0, leaf=False))
    assert _rules(site).get(BLANK) == count


def test_the_risk_names_the_columns_concerned() -> None:
    columns = [_column(f"b{i}", idle=None, posts=0) for i in range(5)]
    [risk] = risks_of(_site(*columns), AS_OF).risks
    assert risk.columns == ("b0", "b1", "b2", "b3", "b4")


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
                add_column(session, site_id, code_i, root, ColumnType.OTHER, idle=None)
    return site_id


LIMITS = {HOME: 1, STALE_NEWS: 5, NOT_UPDATED: 10, BLANK: 5}


@pytest.mark.parametrize("rule", [HOME, STALE_NEWS, NOT_UPDATED, BLANK])
def test_each_rule_from_the_database_at_its_threshold(sessions: SessionFactory, rule: str) -> None:
    limit = LIMITS[rule]
    below, at, above = (
        _stored_site(sessions, f"331200{n:04d}", rule, n) for n in (limit - 1, limit, limit + 1)
    )
    results = {r.site_id: r for r in presets.inspect(sessions, READER, AS_OF)}
    assert results[below].risks == ()
    assert [(r.rule, r.count) for r in results[at].risks] == [(rule, limit)]
    above_count = 1 if rule == HOME else limit + 1
    assert [(r.rule, r.count) for r in results[above].risks] == [(rule, above_count)]
    ranked_ids = [r.site_id for r in presets.inspect(sessions, READER, AS_OF)]
    assert ranked_ids.index(above) < ranked_ids.index(below)


def test_only_running_sites_are_inspected_and_auditors_may_not_look(
    sessions: SessionFactory,
) -> None:
    running = add_site(sessions, "3312000001", home=None)
    add_site(sessions, "3312000002", state="retired", home=None)
    assert [r.site_id for r in presets.inspect(sessions, ADMIN, AS_OF)] == [running]
    auditor = Actor(None, "auditor", frozenset({Duty.AUDIT_ADMIN}))
    with pytest.raises(NotPermitted):
        presets.inspect(sessions, auditor, AS_OF)


def test_an_as_of_date_must_be_a_calendar_date() -> None:
    assert presets.parse_as_of("2026-02-28") == dt.date(2026, 2, 28)
    with pytest.raises(InvalidInput, match="2026-02-30"):
        presets.parse_as_of("2026-02-30")


def _late_of_day(days: int) -> dt.datetime:
    """The last microsecond of the day ``days`` days before ``AS_OF``."""
    return dt.datetime.combine(AS_OF - dt.timedelta(days=days), dt.time(23, 59, 59, 999999))


# (rule, column type, the column's own limit, the day limit, how many columns the rule needs)
DAY_RULES = [
    (STALE_NEWS, ColumnType.NEWS, None, 14, 5),
    (STALE_NEWS, ColumnType.NOTICE, None, 180, 5),
    (STALE_NEWS, ColumnType.POLICY, None, 180, 5),
    (NOT_UPDATED, ColumnType.SERVICE, 30, 30, 10),
]


@pytest.mark.parametrize(("rule", "kind", "own", "limit", "needed"), DAY_RULES)
def test_idle_days_count_from_the_database_one_below_at_and_one_above_the_limit(
    sessions: SessionFactory, rule: str, kind: ColumnType, own: int | None, limit: int, needed: int
) -> None:
    sites = {}
    for offset in (-1, 0, 1):
        site_id = add_site(sessions, f"33120{offset + 2:05d}", home=days_before(0))
        with sessions.begin() as session:
            for i in range(needed):
                late = add_column(session, site_id, f"c{i}", kind=kind, idle=own)
                # Posts dated at the very end of their day: microseconds survive every engine.
                add_posts(session, site_id, late.id, _late_of_day(limit + offset))
        sites[offset] = site_id
    results = {r.site_id: r for r in presets.inspect(sessions, READER, AS_OF)}
    assert results[sites[-1]].risks == ()
    assert results[sites[0]].risks == ()
    assert [(r.rule, r.count) for r in results[sites[1]].risks] == [(rule, needed)]


@pytest.mark.parametrize(("days", "risky"), [(13, False), (14, False), (15, True)])
def test_the_home_page_rule_from_the_database_at_two_weeks(
    sessions: SessionFactory, days: int, risky: bool
) -> None:
    site_id = add_site(sessions, "3312000001", home=_late_of_day(days))
    [result] = presets.inspect(sessions, READER, AS_OF, [site_id])
    assert [r.rule for r in result.risks] == ([HOME] if risky else [])
