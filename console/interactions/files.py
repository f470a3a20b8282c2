"""Export files of interaction platforms: the mapping file and the rows read into records.

A mapping file (JSON, UTF-8) tells the console how another platform names things::

    {"headings": {"站点编码": "网站标识码", "栏目名称": "渠道名称"},
     "values": {"渠道类型": {"我要咨询": "政务咨询"}, "办理状态": {"已处理": "已办结"}}}

``headings`` maps the platform's headings onto the default ones (or the English keys);
``values`` maps, per default heading, the platform's words onto the default ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from console.base.errors import ConsoleError, InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.base.table_files import TableRow
from console.interactions.records import (
    EMPTY_FIELD,
    HEADINGS,
    REQUIRED,
    MessageRecord,
    channel_kind_from,
    is_personal_heading,
    masked_title,
    state_from,
    wall_time,
    yes_no,
)

BAD_MAPPING = QT_TR_NOOP("映射文件 {name} 无法使用：{reason}")
MAPPING_SHAPE = QT_TR_NOOP("应为 JSON 对象，含 headings 和/或 values 两个对象，值均为文字")
UNKNOWN_TARGET = QT_TR_NOOP("“{value}”不是可用的列名")
MISSING_HEADINGS = QT_TR_NOOP("文件缺少这些列：{headings}。")


@dataclass(frozen=True)
class PlatformMapping:
    """How a platform's headings and words map onto the default ones (by field key)."""

    headings: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)


def _key_of(name: str) -> str | None:
    """The field key a heading names (a default heading, its English, or the key)."""
    for key, heading in HEADINGS.items():
        if name in (key, heading, translate("", heading)):
            return key
    return None


def read_mapping(path: Path) -> PlatformMapping:
    """The mapping file at ``path``; a refusal in one line when it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise InvalidInput(BAD_MAPPING, name=path.name, reason=str(error)) from None
    try:
        return _mapping(data)
    except ConsoleError as error:
        raise InvalidInput(BAD_MAPPING, name=path.name, reason=str(error)) from None


def _mapping(data: object) -> PlatformMapping:
    shape = InvalidInput(MAPPING_SHAPE)
    if not isinstance(data, dict) or not set(data) <= {"headings", "values"}:
        raise shape
    headings: dict[str, str] = {}
    for theirs, ours in _texts(data.get("headings", {})).items():
        headings[theirs] = _target(ours)
    values: dict[str, dict[str, str]] = {}
    raw_values = data.get("values", {})
    if not isinstance(raw_values, dict):
        raise shape
    for heading, words in raw_values.items():
        values[_target(str(heading))] = _texts(words)
    return PlatformMapping(headings, values)


def _texts(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidInput(MAPPING_SHAPE)
    return {k.strip(): v.strip() for k, v in value.items()}


def _target(name: str) -> str:
    key = _key_of(name.strip())
    if key is None:
        raise InvalidInput(UNKNOWN_TARGET, value=name)
    return key


@dataclass(frozen=True)
class FileRow:
    """A row of the file: the record it gives (when readable) and what is wrong with it."""

    line: int
    number: str
    record: MessageRecord | None
    problems: tuple[str, ...]


@dataclass(frozen=True)
class ReadFile:
    """The rows of a file and the columns dropped (the personal ones apart)."""

    rows: tuple[FileRow, ...]
    personal: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()


def read_rows(table: list[TableRow], mapping: PlatformMapping, zone: ZoneInfo) -> ReadFile:
    """Records of the rows of ``table`` as ``mapping`` reads them; wall times in ``zone``."""
    if not table:
        return ReadFile(())
    columns = _columns(list(table[0].cells), mapping)
    missing = [translate("", HEADINGS[k]) for k in REQUIRED if k not in columns.values()]
    if missing:
        raise InvalidInput(MISSING_HEADINGS, headings="、".join(missing))
    dropped = [h for h in table[0].cells if h not in columns]
    rows = []
    for row in table:
        values = {key: row.cells.get(heading, "") for heading, key in columns.items()}
        rows.append(_row(row.line, values, mapping, zone))
    return ReadFile(
        tuple(rows),
        tuple(h for h in dropped if is_personal_heading(h)),
        tuple(h for h in dropped if not is_personal_heading(h)),
    )


def _columns(headings: list[str], mapping: PlatformMapping) -> dict[str, str]:
    """The file's headings the console reads, to their field keys."""
    columns: dict[str, str] = {}
    for heading in headings:
        key = mapping.headings.get(heading) or _key_of(heading)
        if key is not None and key not in columns.values():
            columns[heading] = key
    return columns


def _row(line: int, values: dict[str, str], mapping: PlatformMapping, zone: ZoneInfo) -> FileRow:
    get = values.get
    number = get("number", "").strip()
    words = mapping.values
    try:
        valid, reason_in_cell = yes_no("valid", get("valid", ""), words.get("valid"))
        public, _ = yes_no("public", get("public", ""), words.get("public"))
        received = wall_time("received", get("received", ""), zone)
        if received is None:
            raise InvalidInput(EMPTY_FIELD, what=translate("", HEADINGS["received"]))
        record = MessageRecord(
            site_code=get("site_code", "").strip(),
            channel=get("channel", "").strip(),
            kind=channel_kind_from(get("kind", ""), words.get("kind")),
            number=number,
            received_at=received,
            state=state_from(get("state", ""), words.get("state")),
            valid=valid,
            answered_at=wall_time("answered", get("answered", ""), zone),
            invalid_reason=(get("reason", "").strip() or reason_in_cell or None),
            public=public,
            answering_unit=get("unit", "").strip(),
            title=masked_title(get("title", "")),
        )
    except ConsoleError as error:
        return FileRow(line, number, None, (str(error),))
    return FileRow(line, number, record, ())
