"""The national template of the 政府网站工作年度报表, read from ``resources/annual_report``.

The template is data: sections in order, each with rows (key, label, unit, value type, where
the figure comes from, whether it is required and whether it stands from year to year). The
file records the published source and which rows could not be confirmed against it.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from console.base.errors import InvalidInput
from console.base.i18n import LIST_SEPARATOR, QT_TR_NOOP, RESOURCES, translate

TEMPLATE_PATH = RESOURCES / "annual_report" / "template.json"
ENTERED = "entered"
TYPES = ("text", "count", "decimal", "yes_no", "choice", "choices")
YES, NO = "是", "否"
TEXT_LIMIT = 200
CHOICE_SEPARATOR = "、"

NOT_COUNT = QT_TR_NOOP("{label}应为不小于 0 的整数，而不是“{value}”")
NOT_DECIMAL = QT_TR_NOOP("{label}应为不小于 0 的数，最多一位小数，而不是“{value}”")
NOT_YES_NO = QT_TR_NOOP("{label}应为“是”或“否”，而不是“{value}”")
NOT_CHOICE = QT_TR_NOOP("{label}只能是：{options}，而不是“{value}”")
TEXT_TOO_LONG = QT_TR_NOOP("{label}超过 {limit} 个字符")
UNKNOWN_ROW = QT_TR_NOOP("报表中没有“{key}”这一项")
NOT_ENTERED = QT_TR_NOOP("{label}由控制台统计，不能填写")
YES_WORDS = {"是": YES, "有": YES, "yes": YES, "y": YES, "否": NO, "无": NO, "no": NO, "n": NO}
ONE_DECIMAL = re.compile(r"^\d+(\.\d)?$")


def speaks_english() -> bool:
    """Whether the console speaks English now (the list separator is translated)."""
    return translate("", LIST_SEPARATOR) != LIST_SEPARATOR


@dataclass(frozen=True)
class RowSpec:
    """One row of the template."""

    key: str
    label: str
    label_en: str
    unit: str
    type: str
    source: str
    required: bool
    standing: bool
    confirmed: bool
    section: str
    parent: str | None = None
    note: str = ""
    options: tuple[str, ...] = ()

    @property
    def entered(self) -> bool:
        """Whether operators type this figure in (otherwise the console computes it)."""
        return self.source == ENTERED

    def shown_label(self) -> str:
        """The label in the operator's language (the template carries both)."""
        return self.label_en if speaks_english() else self.label

    def parse(self, text: str) -> str:
        """``text`` as stored for this row (trimmed, normalised); refusal in one line."""
        value = text.strip()
        label = self.label
        if self.type == "count":
            if not value.isdigit():
                raise InvalidInput(NOT_COUNT, label=label, value=text)
            return str(int(value))
        if self.type == "decimal":
            if not ONE_DECIMAL.match(value):
                raise InvalidInput(NOT_DECIMAL, label=label, value=text)
            return str(Decimal(value))
        if self.type == "yes_no":
            found = YES_WORDS.get(value.lower())
            if found is None:
                raise InvalidInput(NOT_YES_NO, label=label, value=text)
            return found
        if self.type in ("choice", "choices"):
            return self._choices(value, text)
        if len(value) > TEXT_LIMIT:
            raise InvalidInput(TEXT_TOO_LONG, label=label, limit=TEXT_LIMIT)
        return value

    def _choices(self, value: str, text: str) -> str:
        picked = [p.strip() for p in re.split(r"[、,，;；]", value) if p.strip()]
        wrong = [p for p in picked if p not in self.options]
        if wrong or (self.type == "choice" and len(picked) != 1):
            options = CHOICE_SEPARATOR.join(self.options)
            raise InvalidInput(NOT_CHOICE, label=self.label, options=options, value=text)
        return CHOICE_SEPARATOR.join(o for o in self.options if o in picked)


@dataclass(frozen=True)
class SectionSpec:
    """A section of the template and its rows in order."""

    key: str
    title: str
    title_en: str
    rows: tuple[RowSpec, ...]


@dataclass(frozen=True)
class Template:
    """The whole template, its source and its rows by key."""

    name: str
    source: dict[str, Any]
    sections: tuple[SectionSpec, ...]

    @functools.cached_property
    def rows(self) -> dict[str, RowSpec]:
        """Every row by key, in template order."""
        return {row.key: row for section in self.sections for row in section.rows}

    def row(self, key: str) -> RowSpec:
        """The row ``key``; a refusal when the template has none."""
        found = self.rows.get(key)
        if found is None:
            raise InvalidInput(UNKNOWN_ROW, key=key)
        return found

    def entered_row(self, key: str) -> RowSpec:
        """The row ``key`` when operators enter it; a refusal otherwise."""
        found = self.row(key)
        if not found.entered:
            raise InvalidInput(NOT_ENTERED, label=found.label)
        return found


def _row(section: str, raw: dict[str, Any]) -> RowSpec:
    if raw["type"] not in TYPES:
        raise ValueError(f"row {raw['key']}: unknown type {raw['type']}")
    return RowSpec(
        key=raw["key"],
        label=raw["label"],
        label_en=raw["label_en"],
        unit=raw.get("unit", ""),
        type=raw["type"],
        source=raw["source"],
        required=bool(raw["required"]),
        standing=bool(raw["standing"]),
        confirmed=bool(raw["confirmed"]),
        section=section,
        parent=raw.get("parent"),
        note=raw.get("note", ""),
        options=tuple(raw.get("options", ())),
    )


def read_template(path: Path = TEMPLATE_PATH) -> Template:
    """The template in ``path`` (the national one by default)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sections = tuple(
        SectionSpec(
            s["key"], s["title"], s["title_en"], tuple(_row(s["key"], r) for r in s["rows"])
        )
        for s in data["sections"]
    )
    return Template(data["name"], data["source"], sections)


@functools.cache
def national() -> Template:
    """The national template, read once."""
    return read_template()
