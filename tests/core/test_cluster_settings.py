"""Cluster settings: one registry, read in one query, changed by their duty through one service."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from sqlalchemy import event, select

from console.base import cluster
from console.base.actor import Actor
from console.base.cluster import (
    TIME_ZONE,
    choice_setting,
    integer_setting,
    read_settings,
    registered,
    settings_of,
    text_setting,
)
from console.base.cluster_service import all_settings, change_settings, listed
from console.base.errors import (
    AuthenticationFailed,
    Conflict,
    InvalidInput,
    NotFound,
    NotPermitted,
)
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory, engine_of
from console.filings.settings import FilingSettings
from console.filings.settings import read_settings as read_filing_settings
from console.operators import service as operators
from console.presets.settings import HOME_DAYS
from console.probes.settings import SHARE_PERCENT
from console.schema import ClusterSetting, Duty, JournalEntry, Operator
from tests.staff import bootstrap_staff

SYSADMIN = Actor(None, "sysadmin", frozenset({Duty.SYSTEM_ADMIN}))
REVIEWER = Actor(None, "reviewer", frozenset({Duty.REVIEWER}))


@contextmanager
def statements(sessions: SessionFactory) -> Iterator[list[str]]:
    """The SQL statements run while the block runs."""
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(engine_of(sessions), "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine_of(sessions), "before_cursor_execute", count)


def _journal(sessions: SessionFactory) -> list[tuple[str, str, str, str, str]]:
    with sessions() as session:
        rows = session.execute(
            select(
                JournalEntry.action,
                JournalEntry.target_id,
                JournalEntry.operator_name,
                JournalEntry.before,
                JournalEntry.after,
            )
            .where(JournalEntry.target_type == "setting")
            .order_by(JournalEntry.seq)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_every_area_declares_its_settings_and_the_list_finds_them() -> None:
    keys = set(all_settings())
    assert {"cluster.time_zone", "inspection.home_idle_days", "inspection.probes_per_day"} <= keys
    assert {"filings.probe_timeout_s", "filings.level2_assessment_months"} <= keys
    assert list(all_settings()) == sorted(all_settings())


def test_a_setting_is_declared_in_one_line_once_with_a_well_formed_key() -> None:
    with pytest.raises(ValueError, match="twice"):
        integer_setting("inspection.home_idle_days", 1, 1, 2, Duty.SYSTEM_ADMIN, "x")
    with pytest.raises(ValueError, match="bad setting key"):
        integer_setting("NoDots", 1, 1, 2, Duty.SYSTEM_ADMIN, QT_TR_NOOP("x"))
    assert "NoDots" not in registered()


def test_defaults_are_the_national_values_and_beijing_time(sessions: SessionFactory) -> None:
    settings = read_settings(sessions)
    assert settings.zone.key == "Asia/Shanghai"
    assert (settings[HOME_DAYS], settings[SHARE_PERCENT]) == (14, Decimal(5))
    assert read_filing_settings(sessions, REVIEWER) == FilingSettings()


def test_the_settings_are_read_in_one_query_per_session(sessions: SessionFactory) -> None:
    with statements(sessions) as seen, sessions() as session:
        first = settings_of(session)
        assert settings_of(session) is first
        assert first[TIME_ZONE] is first.zone
    assert len([s for s in seen if "cluster_settings" in s]) == 1


def test_the_owner_changes_a_setting_and_the_journal_says_what_changed(
    sessions: SessionFactory,
) -> None:
    assert change_settings(sessions, SYSADMIN, {"cluster.time_zone": "asia/urumqi"}) == [
        "cluster.time_zone"
    ]
    assert read_settings(sessions).zone.key == "Asia/Urumqi"
    [(action, key, who, before, after)] = _journal(sessions)
    assert (action, key, who) == ("setting.change", "cluster.time_zone", "sysadmin")
    assert (json.loads(before), json.loads(after)) == (
        {"value": "Asia/Shanghai"},
        {"value": "Asia/Urumqi"},
    )
    assert change_settings(sessions, SYSADMIN, {"cluster.time_zone": "Asia/Urumqi"}) == []
    assert len(_journal(sessions)) == 1


def test_several_settings_change_together_full_width_digits_accepted(
    sessions: SessionFactory,
) -> None:
    changed = change_settings(
        sessions,
        SYSADMIN,
        {"inspection.home_idle_days": "１０", "inspection.unreachable_share_pct": " 2.50 "},
    )
    assert changed == ["inspection.home_idle_days", "inspection.unreachable_share_pct"]
    settings = read_settings(sessions)
    assert (settings[HOME_DAYS], settings[SHARE_PERCENT]) == (10, Decimal("2.5"))
    states = {s.setting.key: s for s in listed(sessions, REVIEWER)}
    assert states["inspection.unreachable_share_pct"].text == "2.5"
    assert states["inspection.home_idle_days"].version == 1
    assert not states["inspection.home_idle_days"].editable


@pytest.mark.parametrize(
    ("key", "value", "error"),
    [
        ("cluster.time_zone", "Beijing", InvalidInput),
        ("inspection.home_idle_days", "0", InvalidInput),
        ("inspection.home_idle_days", "两周", InvalidInput),
        ("inspection.unreachable_share_pct", "NaN", InvalidInput),
        ("inspection.unreachable_share_pct", "101", InvalidInput),
        ("no.such_key", "1", NotFound),
    ],
)
def test_a_bad_value_or_key_is_refused_and_nothing_is_written(
    sessions: SessionFactory, key: str, value: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        change_settings(sessions, SYSADMIN, {"inspection.blank_columns": "3", key: value})
    assert read_settings(sessions).stored("inspection.blank_columns") is None
    assert _journal(sessions) == []


def test_only_the_owning_duty_may_change_a_setting(sessions: SessionFactory) -> None:
    with pytest.raises(NotPermitted, match="系统管理员"):
        change_settings(sessions, REVIEWER, {"cluster.time_zone": "UTC"})
    assert read_settings(sessions).zone.key == "Asia/Shanghai"


def test_a_change_made_meanwhile_is_a_conflict_naming_who(sessions: SessionFactory) -> None:
    key = "inspection.home_idle_days"
    [seen] = [s.version for s in listed(sessions, SYSADMIN) if s.setting.key == key]
    other = Actor(None, "another_admin", frozenset({Duty.SYSTEM_ADMIN}))
    change_settings(sessions, other, {key: "10"})
    with pytest.raises(Conflict, match="another_admin"):
        change_settings(sessions, SYSADMIN, {key: "12"}, {key: seen})
    assert read_settings(sessions)[HOME_DAYS] == 10
    change_settings(sessions, SYSADMIN, {key: "12"}, {key: seen + 1})
    assert (read_settings(sessions)[HOME_DAYS], read_settings(sessions).version(key)) == (12, 2)


def test_a_stored_value_the_setting_no_longer_accepts_reads_as_the_default(
    sessions: SessionFactory,
) -> None:
    with sessions.begin() as session:
        session.add(ClusterSetting(key="inspection.home_idle_days", value="-3", version=1))
        session.add(ClusterSetting(key="cluster.time_zone", value="Mars/Olympus", version=1))
    settings = read_settings(sessions)
    assert (settings[HOME_DAYS], settings.zone.key) == (14, "Asia/Shanghai")
    states = {s.setting.key: s for s in listed(sessions, SYSADMIN)}
    assert states["inspection.home_idle_days"].ignored
    change_settings(sessions, SYSADMIN, {"inspection.home_idle_days": "14"})
    assert read_settings(sessions).stored("inspection.home_idle_days") == "14"


def test_the_lockout_message_gives_the_unlock_time_in_the_cluster_zone(
    sessions: SessionFactory,
) -> None:
    bootstrap_staff(sessions)
    now = dt.datetime(2026, 11, 30, 16, 30)  # 00:30 on 1 December in Beijing
    for _ in range(operators.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed):
            operators.login(sessions, "reviewer", "wrong", now)
    with pytest.raises(AuthenticationFailed) as refused:
        operators.login(sessions, "reviewer", "wrong", now)
    # A server's login routine locks by the server's clock, SQLite's login by ``now``.
    with sessions() as session:
        until = session.scalars(
            select(Operator.locked_until).where(Operator.username == "reviewer")
        ).one()
    assert until is not None
    local = (until + dt.timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
    assert local in str(refused.value)
    assert "UTC" not in str(refused.value)


def test_choice_and_text_settings_read_what_they_allow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "_registry", dict(registered()))
    mode = choice_setting(
        "patrol.mode", "quick", lambda: ("quick", "full"), Duty.SYSTEM_ADMIN, QT_TR_NOOP("方式")
    )
    sender = text_setting("example.sender", "", Duty.SYSTEM_ADMIN, QT_TR_NOOP("发件人"), limit=10)
    assert (mode.read(" FULL "), sender.read("ops@x.cn")) == ("full", "ops@x.cn")
    with pytest.raises(InvalidInput):
        mode.read("fast")
    with pytest.raises(InvalidInput, match="10"):
        sender.read("x" * 11)
    assert {"patrol.mode", "example.sender"} <= set(registered())
