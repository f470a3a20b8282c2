"""Applying a preset version: previews, idempotence, never destroying a column, the journal."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, select, update

from console.base.errors import DB_UNREACHABLE, EnvironmentFault, NotPermitted
from console.db import SessionFactory, engine_of
from console.presets import service as presets
from console.presets.apply import ApplyReport, Outcome, apply_to_site, apply_version
from console.presets.plan import preview, sites_of_kind
from console.schema import ColumnType, JournalEntry, Post, Site, SiteColumn
from tests.core.preset_cluster import (
    ADMIN,
    READER,
    add_column,
    add_posts,
    add_site,
    column,
    columns_of,
    days_before,
    preset,
)

STANDARD = preset(
    column("news", column("news_local"), column("news_dept"), kind=ColumnType.NEWS),
    column("notice", column("notice_a", kind=ColumnType.NOTICE, idle=180), kind=ColumnType.NOTICE),
    column("service", kind=ColumnType.SERVICE, idle=None, required=False),
)


def _journal_count(sessions: SessionFactory) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(JournalEntry)) or 0


def test_applying_to_a_bare_site_adds_the_whole_tree_with_paths_and_links(
    sessions: SessionFactory,
) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    site_id = add_site(sessions, "3312000001")
    [plan] = preview(sessions, READER, version_id, [site_id])
    assert [a.code for a in plan.additions] == [
        "news",
        "news_local",
        "news_dept",
        "notice",
        "notice_a",
        "service",
    ]
    outcome = apply_to_site(sessions, ADMIN, version_id, site_id)
    assert (outcome.changed, outcome.added) == (True, 6)
    rows = {row[4]: row for row in columns_of(sessions, site_id)}
    news, local = rows["news"], rows["news_local"]
    assert local[1] == news[0]
    assert local[2] == f"/{news[0]}/{local[0]}/"
    assert rows["notice_a"][2] == f"/{rows['notice'][0]}/{rows['notice_a'][0]}/"
    assert [rows[c][5] for c in ("news", "notice", "service")] == [0, 1, 2]
    assert all(row[8] is not None for row in rows.values())
    with sessions() as session:
        assert session.get(Site, site_id).preset_version_id == version_id  # type: ignore[union-attr]
        entry = session.scalars(select(JournalEntry).order_by(JournalEntry.seq.desc())).first()
    assert entry is not None and entry.action == "preset.apply" and '"news_dept"' in entry.after


def test_re_applying_the_same_version_changes_nothing_and_journals_nothing(
    sessions: SessionFactory,
) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    site_id = add_site(sessions, "3312000001")
    apply_to_site(sessions, ADMIN, version_id, site_id)
    before, entries = columns_of(sessions, site_id), _journal_count(sessions)
    [plan] = preview(sessions, READER, version_id, [site_id])
    assert not plan.changes
    report = apply_version(sessions, ADMIN, version_id, [site_id])
    assert report.changed == 0 and not report.outcomes[0].changed
    assert columns_of(sessions, site_id) == before
    assert _journal_count(sessions) == entries


def test_applying_renames_and_moves_back_but_never_deletes_a_local_column(
    sessions: SessionFactory,
) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    site_id = add_site(sessions, "3312000001")
    with sessions.begin() as session:
        # news_local sits under notice with a local name and a local child; an extra column
        # with posts belongs to no preset.
        notice = add_column(session, site_id, "notice", kind=ColumnType.NOTICE, idle=180)
        moved = add_column(session, site_id, "news_local", notice, name="本地要闻")
        child = add_column(session, site_id, "local_child", moved, name="本地子栏目")
        extra = add_column(session, site_id, "special", name="特色栏目", position=9)
        add_posts(session, site_id, extra.id, days_before(3), n=4)
        add_posts(session, site_id, moved.id, days_before(2), n=2)
        ids = (notice.id, moved.id, child.id, extra.id)
    [plan] = preview(sessions, READER, version_id, [site_id])
    differences = {d.code: d for d in plan.differences}
    assert differences["news_local"].renamed and differences["news_local"].moved
    assert sorted((e.code, e.posts) for e in plan.extras) == [("local_child", 0), ("special", 4)]
    assert {a.code for a in plan.additions} == {"news", "news_dept", "notice_a", "service"}
    apply_to_site(sessions, ADMIN, version_id, site_id)
    rows = {row[4]: row for row in columns_of(sessions, site_id)}
    assert {rows[c][0] for c in ("notice", "news_local", "local_child", "special")} == set(ids)
    assert rows["news_local"][3] == "栏目news_local"
    assert rows["news_local"][1] == rows["news"][0]
    assert rows["local_child"][2] == f"/{rows['news'][0]}/{moved.id}/{child.id}/"
    assert rows["special"][3] == "特色栏目"
    with sessions() as session:
        posts = session.scalar(select(func.count()).where(Post.column_id == extra.id))
    assert posts == 4
    [again] = preview(sessions, READER, version_id, [site_id])
    assert not again.changes and sorted(e.code for e in again.extras) == ["local_child", "special"]


def test_a_new_version_reaches_sites_keeping_their_columns(sessions: SessionFactory) -> None:
    first = presets.create_preset(sessions, ADMIN, STANDARD)
    site_id = add_site(sessions, "3312000001")
    apply_to_site(sessions, ADMIN, first, site_id)
    before = {row[4]: row[0] for row in columns_of(sessions, site_id)}
    tree = presets.read_version(sessions, ADMIN, first)
    renamed = column("service", kind=ColumnType.SERVICE, idle=None, name="办事大厅")
    edited = preset(*STANDARD.columns[:2], renamed, column("hdjl", kind=ColumnType.INTERACTION))
    second = presets.save_version(sessions, ADMIN, tree.preset_id, tree.preset_version, edited)
    report = apply_version(sessions, ADMIN, second, [site_id])
    assert report.outcomes[0].added == 1
    after = {row[4]: row for row in columns_of(sessions, site_id)}
    assert {code: after[code][0] for code in before} == before
    assert after["service"][3] == "办事大厅"
    with sessions() as session:
        assert session.get(Site, site_id).preset_version_id == second  # type: ignore[union-attr]
        stored = session.scalars(
            select(SiteColumn.preset_column_id).where(SiteColumn.site_id == site_id)
        ).all()
    assert len(set(stored)) == 7


def test_sites_of_another_kind_are_skipped_with_the_reason(sessions: SessionFactory) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    department = add_site(sessions, "3312000001")
    portal = add_site(sessions, "3312000002", kind="portal_county")
    assert sites_of_kind(sessions, READER, version_id) == [department]
    report = apply_version(sessions, ADMIN, version_id, [department, portal])
    assert report.changed == 1
    [skipped] = report.refused
    assert skipped.site_id == portal and "3312000002" in skipped.reason()
    assert columns_of(sessions, portal) == []


def test_merged_and_retired_sites_are_left_alone(sessions: SessionFactory) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    building = add_site(sessions, "3312000001", state="coded")
    merged = add_site(sessions, "3312000002", state="merged")
    retired = add_site(sessions, "3312000003", state="retired")
    assert sites_of_kind(sessions, READER, version_id) == [building]
    report = apply_version(sessions, ADMIN, version_id, [building, merged, retired])
    assert report.changed == 1
    assert [(o.site_id, "整合迁移或永久下线" in o.reason()) for o in report.refused] == [
        (merged, True),
        (retired, True),
    ]
    assert columns_of(sessions, merged) == [] and columns_of(sessions, retired) == []


def test_apply_stops_between_sites_when_cancelled_and_reports_progress(
    sessions: SessionFactory,
) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    sites = [add_site(sessions, f"331200000{i}") for i in range(1, 4)]
    seen: list[tuple[int, int]] = []
    report = apply_version(
        sessions,
        ADMIN,
        version_id,
        sites,
        progress=lambda d, t: seen.append((d, t)),
        cancelled=lambda: len(seen) >= 2,
    )
    assert report.cancelled and seen == [(1, 3), (2, 3)]
    assert columns_of(sessions, sites[2]) == []


def test_a_caller_s_report_keeps_the_sites_done_before_a_later_site_fails(
    sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    sites = [add_site(sessions, f"331200000{i}") for i in range(1, 4)]

    def lost_on_the_second(*args: Any) -> Outcome:
        if args[3] == sites[1]:
            raise EnvironmentFault(DB_UNREACHABLE, detail="gone")
        return apply_to_site(*args)

    monkeypatch.setattr("console.presets.apply.apply_to_site", lost_on_the_second)
    report = ApplyReport()
    with pytest.raises(EnvironmentFault):
        apply_version(sessions, ADMIN, version_id, sites, report=report)
    assert [(o.site_id, o.changed) for o in report.outcomes] == [(sites[0], True)]
    assert columns_of(sessions, sites[2]) == []


def test_only_the_system_administrator_applies(sessions: SessionFactory) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    site_id = add_site(sessions, "3312000001")
    with pytest.raises(NotPermitted):
        apply_to_site(sessions, READER, version_id, site_id)
    assert columns_of(sessions, site_id) == []


def test_drift_names_missing_required_moved_and_extra_columns(sessions: SessionFactory) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    site_id = add_site(sessions, "3312000001")
    apply_to_site(sessions, ADMIN, version_id, site_id)
    edited = preset(
        column("news", column("news_dept"), column("news_local"), kind=ColumnType.NEWS),
        *STANDARD.columns[1:],
        column("hdjl", kind=ColumnType.INTERACTION),
        column("zjbd", kind=ColumnType.OTHER, idle=None, required=False),
    )
    tree = presets.read_version(sessions, ADMIN, version_id)
    newer = presets.save_version(sessions, ADMIN, tree.preset_id, tree.preset_version, edited)
    with sessions.begin() as session:
        add_column(session, site_id, "special", name="特色栏目", last=days_before(1))
        session.execute(update(Site).where(Site.id == site_id).values(preset_version_id=newer))
    drift = presets.site_drift(sessions, READER, site_id, days_before(0).date())
    assert drift.plan is not None
    assert [a.code for a in drift.plan.missing_required()] == ["hdjl"]
    assert [a.code for a in drift.plan.additions] == ["hdjl", "zjbd"]
    assert {d.code for d in drift.plan.differences if d.moved} == {"news_local", "news_dept"}
    assert [e.code for e in drift.plan.extras] == ["special"]
    assert len(drift.columns) == 7


def test_re_applying_to_more_sites_costs_no_more_statements(sessions: SessionFactory) -> None:
    version_id = presets.create_preset(sessions, ADMIN, STANDARD)
    sites = [add_site(sessions, f"331200000{i}") for i in range(1, 5)]
    apply_version(sessions, ADMIN, version_id, sites)
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(engine_of(sessions), "before_cursor_execute", count)
    try:
        apply_version(sessions, ADMIN, version_id, sites[:1])
        one = len(seen)
        apply_version(sessions, ADMIN, version_id, sites)
    finally:
        event.remove(engine_of(sessions), "before_cursor_execute", count)
    assert len(seen) - one == one
    assert not any(s.lstrip().upper().startswith(("INSERT", "UPDATE")) for s in seen)
