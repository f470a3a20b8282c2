"""互动回应差 on its boundaries: exactly 3 months, month ends, the 12-month window, replies
after the check date, the cluster's zone at midnight; invalid messages and other channel kinds;
the inspection and ``inspect``; message statistics on the year's first and last day."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from console.base.cluster_service import change_settings
from console.cli import main
from console.db import SessionFactory, engine_of, open_database
from console.interactions.importing import feed
from console.interactions.records import MessageRecord
from console.interactions.rule import counts, due_on, is_late
from console.interactions.settings import AnswerRule
from console.interactions.statistics import statistics
from console.presets import service as presets
from console.presets.inspection import LATE_ANSWERS, NO_CONSULTATION, SiteRisk, risk_text
from console.schema import ChannelKind, MessageState
from tests.core.preset_cluster import ADMIN, READER, add_site

RULE = AnswerRule()
BEIJING = dt.timezone(dt.timedelta(hours=8))
D = dt.date


@pytest.mark.parametrize(
    ("received", "answered", "as_of", "late"),
    [
        (D(2026, 1, 31), D(2026, 4, 30), D(2026, 11, 1), False),  # month end clamped: in time
        (D(2026, 1, 31), D(2026, 5, 1), D(2026, 11, 1), True),
        (D(2026, 3, 15), D(2026, 6, 15), D(2026, 11, 1), False),  # exactly 3 months
        (D(2026, 3, 15), D(2026, 6, 16), D(2026, 11, 1), True),
        (D(2026, 3, 15), None, D(2026, 6, 15), False),  # unanswered, due today
        (D(2026, 3, 15), None, D(2026, 6, 16), True),
        (D(2026, 3, 15), D(2026, 6, 20), D(2026, 6, 16), True),  # reply after the check date
    ],
)
def test_a_message_is_late_only_after_its_due_day(
    received: dt.date, answered: dt.date | None, as_of: dt.date, late: bool
) -> None:
    assert is_late(received, answered, as_of, 3) is late


def test_a_late_message_counts_while_overdue_within_the_year_before_the_check_date() -> None:
    as_of = D(2026, 11, 1)
    assert due_on(D(2025, 6, 1), 3) == D(2025, 9, 1)
    assert counts(D(2025, 6, 1), D(2025, 11, 1), as_of, RULE)  # answered late on day one
    assert not counts(D(2025, 6, 1), D(2025, 10, 31), as_of, RULE)  # before the window
    assert counts(D(2024, 1, 1), None, as_of, RULE)  # still unanswered
    assert not counts(D(2026, 11, 2), None, as_of, RULE)  # not received yet


def _message(
    number: str,
    received: dt.datetime,
    answered: dt.datetime | None,
    channel: str = "局长信箱",
    kind: ChannelKind = ChannelKind.CONSULTATION,
    valid: bool = True,
    site: str = "3312000001",
    public: bool = False,
) -> MessageRecord:
    return MessageRecord(
        site,
        channel,
        kind,
        number,
        received.replace(tzinfo=BEIJING),
        MessageState.CLOSED if answered else MessageState.PENDING,
        valid=valid,
        answered_at=answered.replace(tzinfo=BEIJING) if answered else None,
        invalid_reason=None if valid else "重复留言",
        public=public,
    )


T = dt.datetime


@pytest.fixture
def cluster(sessions: SessionFactory) -> dict[str, int]:
    sites = {code: add_site(sessions, code) for code in ("3312000001", "3312000002")}
    sites["3312000003"] = add_site(sessions, "3312000003")
    feed(
        sessions,
        ADMIN,
        [
            # Received late on 31 January (Beijing), answered in the last minute of 30 April.
            _message("ok-edge", T(2026, 1, 31, 23, 30), T(2026, 4, 30, 23, 59)),
            # Ten minutes after midnight on 1 May Beijing time: still 30 April in UTC, but late.
            _message("late-edge", T(2026, 1, 31, 23, 30), T(2026, 5, 1, 0, 10)),
            _message("spam", T(2026, 1, 2, 9), None, valid=False),
            _message("talk", T(2026, 1, 2, 9), None, "访谈", ChannelKind.INTERVIEW),
            _message("open", T(2026, 9, 1, 9), None),
            _message(
                "other", T(2026, 1, 2, 9), None, "访谈", ChannelKind.INTERVIEW, site="3312000002"
            ),
        ],
    )
    return sites


def test_the_inspection_counts_late_valid_consultation_messages_only(
    sessions: SessionFactory, cluster: dict[str, int]
) -> None:
    found = {r.code: r for r in presets.inspect(sessions, READER, D(2026, 11, 1)).sites}
    first = found["3312000001"]
    [late] = [r for r in first.risks if r.rule == LATE_ANSWERS]
    assert late.count == 1 and late.columns == ()
    assert first.answers is not None
    assert [m.number for m in first.answers.late] == ["late-edge"]
    assert "1 条有效咨询留言超过 3 个月未答复（局长信箱 late-edge）" in risk_text(first)
    # "open" (1 September) is due on 1 December: not late on 1 December, late a day later.
    on_due = {r.code: r for r in presets.inspect(sessions, READER, D(2026, 12, 1)).sites}
    assert _late(on_due["3312000001"]) == ["late-edge"]
    after = {r.code: r for r in presets.inspect(sessions, READER, D(2026, 12, 2)).sites}
    assert _late(after["3312000001"]) == ["late-edge", "open"]
    # Only interviews, and no channel at all: no working consultation channel.
    for code in ("3312000002", "3312000003"):
        assert [r.rule for r in found[code].risks if r.rule != "unreachable"][-1:] == [
            NO_CONSULTATION
        ]


def _late(site: SiteRisk) -> list[str]:
    return [m.number for m in site.answers.late] if site.answers else []


def test_thresholds_are_cluster_settings(sessions: SessionFactory, cluster: dict[str, int]) -> None:
    change_settings(
        sessions,
        ADMIN,
        {"inspection.late_messages": "2", "inspection.consultation_channel": "not_required"},
    )
    found = presets.inspect(sessions, READER, D(2026, 11, 1))
    assert all(
        r.rule not in (LATE_ANSWERS, NO_CONSULTATION) for site in found.sites for r in site.risks
    )
    assert ("inspection.late_messages", "2") in found.limits.applied
    change_settings(sessions, ADMIN, {"inspection.answer_months": "4"})
    change_settings(sessions, ADMIN, {"inspection.late_messages": "1"})
    found = presets.inspect(sessions, READER, D(2026, 11, 1))
    assert all(r.rule != LATE_ANSWERS for site in found.sites for r in site.risks)


def test_a_cluster_without_interaction_records_is_not_judged(sessions: SessionFactory) -> None:
    add_site(sessions, "3312000001")
    [site] = presets.inspect(sessions, READER, D(2026, 11, 1)).sites
    assert site.answers is None
    assert all(r.rule not in (LATE_ANSWERS, NO_CONSULTATION) for r in site.risks)


def test_statistics_count_the_year_in_the_clusters_zone(sessions: SessionFactory) -> None:
    site = add_site(sessions, "3312000001")
    feed(
        sessions,
        ADMIN,
        [
            _message("old", T(2024, 12, 31, 23, 30), T(2025, 1, 1, 9)),
            _message("first", T(2025, 1, 1, 0, 30), T(2025, 1, 3, 12, 30), public=True),
            _message("mid", T(2025, 6, 1, 8), T(2025, 6, 2, 8)),
            _message("spam", T(2025, 6, 1, 8), None, valid=False),
            _message("last", T(2025, 12, 31, 23, 59), None, public=True),
            _message("talk", T(2025, 3, 1, 8), T(2025, 3, 1, 20), "访谈", ChannelKind.INTERVIEW),
        ],
    )
    with sessions() as session:
        zone = ZoneInfo("Asia/Shanghai")
        whole = statistics(session, [site], 2025, zone)[site]
        part = statistics(session, [site], 2025, zone, until=D(2025, 6, 1))[site]
        before = statistics(session, [site], 2024, zone)[site]
    consult = whole.of(ChannelKind.CONSULTATION)
    assert (consult.received, consult.valid, consult.closed, consult.public) == (4, 3, 2, 1)
    assert consult.average_days == Decimal("1.8")  # (2.5 + 1) / 2 = 1.75, rounded half up
    assert whole.of().received == 5 and whole.of(ChannelKind.INTERVIEW).closed == 1
    assert whole.channels == {"consultation": 1, "interview": 1}
    assert part.of(ChannelKind.CONSULTATION).received == 3 and part.until == D(2025, 6, 1)
    assert part.of(ChannelKind.CONSULTATION).closed == 1  # "mid" is answered on 2 June
    assert before.of().received == 1


def test_inspect_prints_the_late_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    try:
        add_site(sessions, "3312000001")
        feed(sessions, ADMIN, [_message("A1", T(2026, 1, 5, 9), None)])
    finally:
        engine_of(sessions).dispose()
    assert main(["--db", url, "inspect", "--json", "--as-of", "2026-11-01"]) == 0
    [site] = json.loads(capsys.readouterr().out)["sites"]
    late = {"rule": "late_answers", "count": 1, "columns": [], "sources": ["interactions"]}
    assert late in site["risks"]
    assert site["late_messages"] == [
        {"channel": "局长信箱", "number": "A1", "received_on": "2026-01-05"}
    ]
    assert main(["--db", url, "inspect", "--as-of", "2026-11-01"]) == 0
    assert "局长信箱 A1" in capsys.readouterr().out


def test_the_command_lists_a_years_statistics_per_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cluster.sqlite3'}"
    sessions = open_database(url, upgrade_schema=True)
    try:
        add_site(sessions, "3312000001")
        add_site(sessions, "3312000002")
        feed(
            sessions,
            ADMIN,
            [
                _message("A1", T(2025, 1, 1, 0, 30), T(2025, 1, 3, 12, 30), public=True),
                _message("A2", T(2024, 12, 31, 23, 30), T(2025, 1, 2, 9)),
                _message("A3", T(2025, 6, 1, 8), None, valid=False),
            ],
        )
    finally:
        engine_of(sessions).dispose()
    assert main(["--db", url, "interactions", "stats", "--year", "2025", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["year"], found["until"]) == (2025, "2025-12-31")
    assert found["sites"] == [
        {"site_code": "3312000001", "received": 2, "valid": 1, "closed": 1,
         "average_days": 2.5, "public": 1}
    ]  # fmt: skip
    assert (
        main(["--db", url, "interactions", "stats", "--year", "2025", "--site", "3312000002"]) == 0
    )
    out = capsys.readouterr().out
    assert "3312000002\t测试站3312000002\t0\t0\t0\t-\t0" in out and "共 1 个网站" in out
    assert (
        main(["--db", url, "interactions", "stats", "--year", "2025", "--site", "3312009999"]) == 2
    )
    assert "3312009999" in capsys.readouterr().err
