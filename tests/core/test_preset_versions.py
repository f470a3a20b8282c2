"""Presets as named, versioned trees: saving, diffs, import and export, the shipped defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.base.errors import Conflict, InvalidInput, NotPermitted
from console.db import SessionFactory
from console.presets import service as presets
from console.presets.diff import ChangeKind, diff_versions
from console.presets.files import default_presets, load_preset, preset_json
from console.schema import ColumnType
from tests.core.preset_cluster import ADMIN, READER, column, preset

OLD = preset(
    column("a", column("a1"), column("a2")),
    column("b", kind=ColumnType.NOTICE, idle=180),
)


def test_the_diff_names_every_kind_of_change_by_code() -> None:
    new = preset(
        column("a", column("a2"), name="要闻"),
        column("b", column("a1"), kind=ColumnType.NOTICE, idle=90),
        column("c"),
    )
    changes = {(c.kind, c.code) for c in diff_versions(OLD.columns, new.columns)}
    assert changes == {
        (ChangeKind.RENAMED, "a"),
        (ChangeKind.MOVED, "a2"),
        (ChangeKind.MOVED, "a1"),
        (ChangeKind.RULE, "b"),
        (ChangeKind.ADDED, "c"),
    }
    assert diff_versions(OLD.columns, OLD.columns) == []
    [removed] = diff_versions(OLD.columns, OLD.columns[:1])
    assert (removed.kind, removed.code) == (ChangeKind.REMOVED, "b")


def test_the_diff_says_where_a_column_went_and_what_its_rule_became() -> None:
    new = preset(
        column("a", column("a2")),
        column("b", column("a1"), kind=ColumnType.NOTICE, idle=None, required=False),
    )
    changes = {c.code: c for c in diff_versions(OLD.columns, new.columns)}
    assert (changes["a1"].old, changes["a1"].new) == ("“栏目a”下第 1 位", "“栏目b”下第 1 位")
    assert (changes["a2"].old, changes["a2"].new) == ("“栏目a”下第 2 位", "“栏目a”下第 1 位")
    assert (changes["b"].old, changes["b"].new) == (
        "通知公告、必设、180 天内更新",
        "通知公告、可选、不要求定期更新",
    )
    [moved] = diff_versions(OLD.columns, (OLD.columns[1], OLD.columns[0]))[:1]
    assert (moved.code, moved.old, moved.new) == ("b", "一级栏目第 2 位", "一级栏目第 1 位")


def test_saving_an_edited_tree_creates_the_next_version(sessions: SessionFactory) -> None:
    first = presets.create_preset(sessions, ADMIN, OLD, "初版")
    tree = presets.read_version(sessions, READER, first)
    assert (tree.number, tree.latest, tree.preset) == (1, True, OLD)
    edited = preset(*OLD.columns, column("c"))
    second = presets.save_version(sessions, ADMIN, tree.preset_id, tree.preset_version, edited)
    assert presets.read_version(sessions, READER, second).number == 2
    assert not presets.read_version(sessions, READER, first).latest
    assert [v.number for v in presets.versions_of(sessions, READER, tree.preset_id)] == [2, 1]
    [change] = presets.compare_versions(sessions, READER, first, second)
    assert (change.kind, change.code) == (ChangeKind.ADDED, "c")
    assert presets.read_version(sessions, READER, first).preset == OLD


def test_an_unchanged_tree_or_a_stale_editor_is_refused(sessions: SessionFactory) -> None:
    first = presets.create_preset(sessions, ADMIN, OLD)
    tree = presets.read_version(sessions, READER, first)
    with pytest.raises(InvalidInput, match="第 1 版"):
        presets.save_version(sessions, ADMIN, tree.preset_id, tree.preset_version, OLD)
    edited = preset(*OLD.columns, column("c"))
    presets.save_version(sessions, ADMIN, tree.preset_id, tree.preset_version, edited)
    with pytest.raises(Conflict):
        presets.save_version(
            sessions, ADMIN, tree.preset_id, tree.preset_version, preset(column("z"))
        )


def test_a_bad_tree_is_refused_whole_and_only_administrators_save(
    sessions: SessionFactory,
) -> None:
    with pytest.raises(InvalidInput, match="重复"):
        presets.create_preset(sessions, ADMIN, preset(column("a"), column("a")))
    with pytest.raises(InvalidInput, match="Bad"):
        presets.create_preset(sessions, ADMIN, preset(column("Bad")))
    with pytest.raises(NotPermitted):
        presets.create_preset(sessions, READER, OLD)
    presets.create_preset(sessions, ADMIN, OLD)
    with pytest.raises(Conflict, match="部门测试预设"):
        presets.create_preset(sessions, ADMIN, OLD)


def test_export_then_import_round_trips_and_a_known_name_becomes_a_version(
    sessions: SessionFactory, tmp_path: Path
) -> None:
    first = presets.create_preset(sessions, ADMIN, OLD)
    path = tmp_path / "preset.json"
    presets.export_version(sessions, READER, first, path)
    assert load_preset(path) == OLD
    data = preset_json(OLD)
    data["columns"].append({"name": "新栏目", "code": "c", "column_type": "news"})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    second = presets.import_preset(sessions, ADMIN, path)
    assert presets.read_version(sessions, READER, second).number == 2
    data["name"] = "另一个预设"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = presets.import_preset(sessions, ADMIN, path)
    assert presets.read_version(sessions, READER, other).number == 1


def test_the_shipped_presets_install_once(sessions: SessionFactory) -> None:
    installed = presets.install_defaults(sessions, ADMIN)
    assert len(installed) == len(default_presets())
    assert presets.install_defaults(sessions, ADMIN) == []
    stored = {presets.read_version(sessions, READER, v).preset for v in installed}
    assert stored == set(default_presets())
