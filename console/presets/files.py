"""Column preset files: the JSON form in which standard column trees are shipped and exchanged.

A file holds one preset::

    {"name": "...", "site_kind": "portal_city", "description": "...",
     "columns": [{"name", "code", "column_type", "required", "max_idle_days", "children": [...]}]}

Problems are reported with a JSON-pointer-like location (``/columns/2/children/0``) so the
operator can find the offending entry whatever language the console speaks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.base.errors import InvalidInput
from console.base.export import require_writable
from console.base.i18n import QT_TR_NOOP, RESOURCES
from console.base.table_files import require_readable
from console.schema import ColumnType, SiteKind

PRESETS_DIR = RESOURCES / "presets"
MAX_DEPTH = 4
NAME_LIMIT = 100
DESCRIPTION_LIMIT = 500
MAX_IDLE_DAYS = 36_500
FILE_LIMIT = 10_000_000
CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
TOP_FIELDS = frozenset({"name", "site_kind", "description", "columns"})
COLUMN_FIELDS = frozenset({"name", "code", "column_type", "required", "max_idle_days", "children"})

UNREADABLE = QT_TR_NOOP("无法读取栏目预设文件 {file}：{detail}")
NOT_JSON = QT_TR_NOOP("栏目预设文件 {file} 不是有效的 JSON（第 {line} 行第 {column} 列）。")
NOT_OBJECT = QT_TR_NOOP("栏目预设文件 {file}：{where} 应为 JSON 对象。")
MISSING_FIELD = QT_TR_NOOP("栏目预设文件 {file}：{where} 缺少字段 {field}。")
UNKNOWN_FIELD = QT_TR_NOOP("栏目预设文件 {file}：{where} 含有未知字段 {field}。")
BAD_TEXT = QT_TR_NOOP(
    "栏目预设文件 {file}：{where} 的 {field} 应为非空文本，且不超过 {limit} 个字符。"
)
BAD_BOOL = QT_TR_NOOP("栏目预设文件 {file}：{where} 的 {field} 应为 true 或 false。")
BAD_IDLE_DAYS = QT_TR_NOOP(
    "栏目预设文件 {file}：{where} 的 max_idle_days 应为 1 至 {limit} 的整数或 null。"
)
NESTED_TOO_DEEP = QT_TR_NOOP("栏目预设文件 {file} 嵌套层次过深，不是栏目预设。")
TOO_LARGE = QT_TR_NOOP("栏目预设文件 {file} 超过 {limit} MB，不是栏目预设。")
BAD_NUMBER = QT_TR_NOOP("栏目预设文件 {file} 含有位数过多、无法读取的数字。")
NOT_LIST = QT_TR_NOOP("栏目预设文件 {file}：{where} 的 {field} 应为列表。")
NO_COLUMNS = QT_TR_NOOP("栏目预设文件 {file} 没有任何栏目。")
BAD_SITE_KIND = QT_TR_NOOP(
    "栏目预设文件 {file}：site_kind 的值 {value} 不是站点类型，可用的有：{allowed}。"
)
BAD_COLUMN_TYPE = QT_TR_NOOP(
    "栏目预设文件 {file}：{where} 的栏目类型 {value} 无效，可用的有：{allowed}。"
)
BAD_CODE = QT_TR_NOOP(
    "栏目预设文件 {file}：{where} 的栏目代码 {code} 只能由小写字母、数字和下划线组成，"
    "以字母开头，不超过 64 个字符。"
)
DUPLICATE_CODE = QT_TR_NOOP("栏目预设文件 {file}：{where} 的栏目代码 {code} 与 {first} 重复。")
TOO_DEEP = QT_TR_NOOP("栏目预设文件 {file}：{where} 超过了 {limit} 级栏目。")


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a preset tree, with its sub-columns."""

    name: str
    code: str
    column_type: ColumnType
    required: bool
    max_idle_days: int | None
    children: tuple[ColumnSpec, ...]


@dataclass(frozen=True)
class PresetFile:
    """A whole preset as read from a file."""

    name: str
    site_kind: SiteKind
    description: str
    columns: tuple[ColumnSpec, ...]

    def walk(self) -> Iterator[tuple[ColumnSpec, ColumnSpec | None, int]]:
        """Every column, parents before children, with its parent and its position."""
        stack: list[tuple[ColumnSpec, ColumnSpec | None, int]] = [
            (column, None, position) for position, column in enumerate(self.columns)
        ]
        stack.reverse()
        while stack:
            column, parent, position = stack.pop()
            yield column, parent, position
            stack.extend(
                (child, column, index)
                for index, child in reversed(list(enumerate(column.children)))
            )

    def column_count(self) -> int:
        """How many columns the tree has, at every level."""
        return sum(1 for _ in self.walk())


def load_preset(path: Path) -> PresetFile:
    """Read and validate the preset file at ``path``; ``InvalidInput`` says what is wrong."""
    require_readable(path)
    if path.stat().st_size > FILE_LIMIT:
        raise InvalidInput(TOO_LARGE, file=path.name, limit=FILE_LIMIT // 1_000_000)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(UNREADABLE, file=path.name, detail=str(error)) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            NOT_JSON, file=path.name, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise InvalidInput(NESTED_TOO_DEEP, file=path.name) from None
    except ValueError as error:  # an integer of more digits than Python converts
        raise InvalidInput(BAD_NUMBER, file=path.name) from error
    return parse_preset(data, path.name)


def parse_preset(data: object, file: str) -> PresetFile:
    """Validate an already decoded JSON value as a preset; ``file`` names it in errors."""
    reader = _Reader(file)
    top = reader.mapping(data, "/", TOP_FIELDS, required=("name", "site_kind", "columns"))
    kind_value = top["site_kind"]
    allowed_kinds = [kind.value for kind in SiteKind]
    if kind_value not in allowed_kinds:
        raise InvalidInput(
            BAD_SITE_KIND, file=file, value=repr(kind_value), allowed=", ".join(allowed_kinds)
        )
    columns = reader.columns(top, "/", depth=1)
    if not columns:
        raise InvalidInput(NO_COLUMNS, file=file)
    return PresetFile(
        name=reader.text(top, "/", "name", NAME_LIMIT),
        site_kind=SiteKind(kind_value),
        description=reader.text(top, "/", "description", DESCRIPTION_LIMIT, optional=True),
        columns=columns,
    )


def default_presets() -> list[PresetFile]:
    """The presets shipped with the console, in file-name order."""
    return [load_preset(path) for path in sorted(PRESETS_DIR.glob("*.json"))]


class _Reader:
    """Walks one decoded file, remembering codes seen so duplicates can be named."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.codes: dict[str, str] = {}

    def mapping(
        self, value: object, where: str, fields: frozenset[str], required: tuple[str, ...]
    ) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise InvalidInput(NOT_OBJECT, file=self.file, where=where)
        for key in value:
            if key not in fields:
                raise InvalidInput(UNKNOWN_FIELD, file=self.file, where=where, field=key)
        for key in required:
            if key not in value:
                raise InvalidInput(MISSING_FIELD, file=self.file, where=where, field=key)
        return value

    def text(
        self, entry: Mapping[str, Any], where: str, field: str, limit: int, optional: bool = False
    ) -> str:
        value = entry.get(field, "" if optional else None)
        if optional and value == "":
            return ""
        if not isinstance(value, str) or not value.strip() or len(value.strip()) > limit:
            raise InvalidInput(BAD_TEXT, file=self.file, where=where, field=field, limit=limit)
        return value.strip()

    def columns(self, entry: Mapping[str, Any], where: str, depth: int) -> tuple[ColumnSpec, ...]:
        field = "columns" if where == "/" else "children"
        items = entry.get(field, [])
        if not isinstance(items, list):
            raise InvalidInput(NOT_LIST, file=self.file, where=where, field=field)
        base = "" if where == "/" else where
        return tuple(
            self.column(item, f"{base}/{field}/{index}", depth) for index, item in enumerate(items)
        )

    def column(self, value: object, where: str, depth: int) -> ColumnSpec:
        if depth > MAX_DEPTH:
            raise InvalidInput(TOO_DEEP, file=self.file, where=where, limit=MAX_DEPTH)
        entry = self.mapping(value, where, COLUMN_FIELDS, required=("name", "code", "column_type"))
        name = self.text(entry, where, "name", NAME_LIMIT)
        code = entry["code"]
        if not isinstance(code, str) or not CODE_PATTERN.fullmatch(code):
            raise InvalidInput(BAD_CODE, file=self.file, where=where, code=repr(code))
        if code in self.codes:
            raise InvalidInput(
                DUPLICATE_CODE, file=self.file, where=where, code=code, first=self.codes[code]
            )
        self.codes[code] = where
        allowed_types = [kind.value for kind in ColumnType]
        if entry["column_type"] not in allowed_types:
            raise InvalidInput(
                BAD_COLUMN_TYPE,
                file=self.file,
                where=where,
                value=repr(entry["column_type"]),
                allowed=", ".join(allowed_types),
            )
        required = entry.get("required", True)
        if not isinstance(required, bool):
            raise InvalidInput(BAD_BOOL, file=self.file, where=where, field="required")
        idle = entry.get("max_idle_days")
        if idle is not None and (
            isinstance(idle, bool) or not isinstance(idle, int) or not 1 <= idle <= MAX_IDLE_DAYS
        ):
            raise InvalidInput(BAD_IDLE_DAYS, file=self.file, where=where, limit=MAX_IDLE_DAYS)
        return ColumnSpec(
            name=name,
            code=code,
            column_type=ColumnType(entry["column_type"]),
            required=required,
            max_idle_days=idle,
            children=self.columns(entry, where, depth + 1),
        )


def column_json(column: ColumnSpec) -> dict[str, Any]:
    """One column (with its sub-columns) in the file form."""
    return {
        "name": column.name,
        "code": column.code,
        "column_type": column.column_type.value,
        "required": column.required,
        "max_idle_days": column.max_idle_days,
        "children": [column_json(child) for child in column.children],
    }


def preset_json(preset: PresetFile) -> dict[str, Any]:
    """A whole preset in the file form ``parse_preset`` reads back unchanged."""
    return {
        "name": preset.name,
        "site_kind": preset.site_kind.value,
        "description": preset.description,
        "columns": [column_json(column) for column in preset.columns],
    }


def save_preset(preset: PresetFile, path: Path) -> None:
    """Write ``preset`` to ``path`` as indented UTF-8 JSON, after the checks a file gets on
    reading (``InvalidInput``, nothing written), so every file written reads back."""
    data = preset_json(preset)
    parse_preset(data, path.name)
    require_writable(path)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
