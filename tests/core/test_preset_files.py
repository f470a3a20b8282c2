"""Column preset files: the shipped presets, and every way a preset file can be wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from console.base.errors import InvalidInput
from console.presets.files import (
    PRESETS_DIR,
    ColumnSpec,
    PresetFile,
    default_presets,
    load_preset,
    save_preset,
)
from console.schema import ColumnType, SiteKind

STATIC_TYPES = {ColumnType.SERVICE, ColumnType.OTHER}


def _column(code: str, **fields: Any) -> dict[str, Any]:
    column: dict[str, Any] = {
        "name": f"栏目{code}",
        "code": code,
        "column_type": "news",
        "required": True,
        "max_idle_days": 14,
        "children": [],
    }
    column.update(fields)
    return column


def _preset(**fields: Any) -> dict[str, Any]:
    preset: dict[str, Any] = {
        "name": "测试预设",
        "site_kind": "department",
        "description": "用于测试",
        "columns": [_column("a", children=[_column("a_b")]), _column("c")],
    }
    preset.update(fields)
    return preset


def _write(tmp_path: Path, data: Any, name: str = "preset.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _refused(path: Path) -> str:
    with pytest.raises(InvalidInput) as refused:
        load_preset(path)
    assert path.name in str(refused.value)
    return str(refused.value)


def test_the_shipped_presets_cover_every_kind_of_site_the_cluster_builds() -> None:
    presets = {preset.site_kind: preset for preset in default_presets()}
    assert set(presets) == {SiteKind.CITY_PORTAL, SiteKind.COUNTY_PORTAL, SiteKind.DEPARTMENT}
    assert len({preset.name for preset in presets.values()}) == 3


def test_the_portal_preset_has_eight_first_level_and_thirty_second_level_columns() -> None:
    portal = load_preset(PRESETS_DIR / "portal.json")
    assert len(portal.columns) == 8
    second = [child for column in portal.columns for child in column.children]
    assert len(second) == 30
    assert portal.column_count() == 38


@pytest.mark.parametrize("preset", default_presets(), ids=lambda preset: preset.site_kind.value)
def test_shipped_presets_are_built_on_the_four_functions_of_a_government_site(
    preset: PresetFile,
) -> None:
    # 信息发布 (news, notices, policies, disclosure), 解读回应, 办事服务, 互动交流.
    names = {column.name for column, _parent, _position in preset.walk()}
    types = {column.column_type for column, _parent, _position in preset.walk()}
    assert {ColumnType.NEWS, ColumnType.NOTICE, ColumnType.DISCLOSURE} <= types
    assert any("解读" in name for name in names)
    assert ColumnType.SERVICE in types and ColumnType.INTERACTION in types


@pytest.mark.parametrize("preset", default_presets(), ids=lambda preset: preset.site_kind.value)
def test_shipped_columns_carry_the_idle_limits_the_inspection_rules_use(preset: PresetFile) -> None:
    for column, _parent, _position in preset.walk():
        if column.column_type is ColumnType.NEWS:
            assert column.max_idle_days == 14, column.name
        elif column.column_type in (ColumnType.NOTICE, ColumnType.POLICY):
            assert column.max_idle_days == 180, column.name
        elif column.column_type in STATIC_TYPES:
            assert column.max_idle_days is None, column.name
    types = {column.column_type for column, _, _ in preset.walk()}
    assert {ColumnType.NEWS, ColumnType.SERVICE, ColumnType.INTERACTION} <= types


def test_walking_a_preset_visits_parents_before_children_in_order(tmp_path: Path) -> None:
    preset = load_preset(_write(tmp_path, _preset()))
    visited = [
        (column.code, parent.code if parent else None, position)
        for column, parent, position in preset.walk()
    ]
    assert visited == [("a", None, 0), ("a_b", "a", 0), ("c", None, 1)]


def test_a_good_file_reads_into_frozen_specs(tmp_path: Path) -> None:
    preset = load_preset(_write(tmp_path, _preset(description="")))
    assert preset.site_kind is SiteKind.DEPARTMENT
    assert preset.description == ""
    assert preset.columns[0].children[0].code == "a_b"
    assert preset.columns[0].column_type is ColumnType.NEWS
    with pytest.raises(AttributeError):
        preset.columns[0].name = "改名"  # type: ignore[misc]


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_preset(), ensure_ascii=False).encode("utf-8"))
    assert load_preset(path).name == "测试预设"


def test_optional_column_fields_take_their_defaults(tmp_path: Path) -> None:
    column = {"name": "栏目", "code": "only", "column_type": "other"}
    preset = load_preset(_write(tmp_path, _preset(columns=[column])))
    only = preset.columns[0]
    assert (only.required, only.max_idle_days, only.children) == (True, None, ())


def test_a_missing_file_is_refused_not_crashed(tmp_path: Path) -> None:
    _refused(tmp_path / "absent.json")


def test_text_that_is_not_json_is_refused_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"name": "x",\n  "columns": [}', encoding="utf-8")
    assert "第 2 行" in _refused(path)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (["not", "an", "object"], "/"),
        (_preset(columns=["text"]), "/columns/0"),
        (_preset(extra=1), "extra"),
        ({"name": "x", "site_kind": "department"}, "columns"),
        (_preset(columns=[_column("a", colour="red")]), "colour"),
        (_preset(columns=[{"name": "x", "code": "x"}]), "column_type"),
    ],
    ids=["top-not-object", "column-not-object", "unknown-top", "missing", "unknown", "no-type"],
)
def test_a_malformed_shape_is_refused_naming_where(tmp_path: Path, data: Any, where: str) -> None:
    assert where in _refused(_write(tmp_path, data))


def test_an_unknown_site_kind_is_refused_listing_the_kinds(tmp_path: Path) -> None:
    message = _refused(_write(tmp_path, _preset(site_kind="township")))
    assert "township" in message and "portal_county" in message


def test_an_unknown_column_type_is_refused(tmp_path: Path) -> None:
    data = _preset(columns=[_column("a", column_type="blog")])
    assert "/columns/0" in _refused(_write(tmp_path, data))


@pytest.mark.parametrize("code", ["", "Upper", "1st", "has space", "中文", "x" * 65, 7])
def test_a_column_code_must_be_a_short_lowercase_identifier(tmp_path: Path, code: Any) -> None:
    odd = _column("b")
    odd["code"] = code
    _refused(_write(tmp_path, _preset(columns=[_column("a"), odd])))


def test_a_column_code_is_unique_across_the_whole_tree(tmp_path: Path) -> None:
    data = _preset(columns=[_column("a", children=[_column("b")]), _column("b")])
    message = _refused(_write(tmp_path, data))
    assert "/columns/0/children/0" in message and "/columns/1" in message


@pytest.mark.parametrize("name", ["", "   ", None, 3, "名" * 101])
def test_a_column_name_must_be_short_non_empty_text(tmp_path: Path, name: Any) -> None:
    _refused(_write(tmp_path, _preset(columns=[_column("a", name=name)])))


@pytest.mark.parametrize("required", ["yes", 1, None])
def test_required_must_be_true_or_false(tmp_path: Path, required: Any) -> None:
    _refused(_write(tmp_path, _preset(columns=[_column("a", required=required)])))


@pytest.mark.parametrize("idle", [0, -3, "14", 1.5, True])
def test_idle_days_must_be_a_positive_whole_number_or_null(tmp_path: Path, idle: Any) -> None:
    _refused(_write(tmp_path, _preset(columns=[_column("a", max_idle_days=idle)])))


def test_children_must_be_a_list(tmp_path: Path) -> None:
    _refused(_write(tmp_path, _preset(columns=[_column("a", children={"b": 1})])))


def test_a_tree_deeper_than_four_levels_is_refused(tmp_path: Path) -> None:
    column = _column("l5")
    for level in (4, 3, 2, 1):
        column = _column(f"l{level}", children=[column])
    _refused(_write(tmp_path, _preset(columns=[column])))


def test_a_preset_without_columns_is_refused(tmp_path: Path) -> None:
    _refused(_write(tmp_path, _preset(columns=[])))


def test_a_preset_needs_a_name(tmp_path: Path) -> None:
    _refused(_write(tmp_path, _preset(name=" ")))


def test_a_preset_the_rules_refuse_is_never_written(tmp_path: Path) -> None:
    bad = PresetFile(
        "坏预设",
        SiteKind.DEPARTMENT,
        "",
        (ColumnSpec("要闻", "Bad Code", ColumnType.NEWS, True, 14, ()),),
    )
    path = tmp_path / "bad.json"
    with pytest.raises(InvalidInput, match="Bad Code"):
        save_preset(bad, path)
    assert not path.exists()
